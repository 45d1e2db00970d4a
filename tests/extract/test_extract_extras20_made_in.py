"""Precision rule of extras20 (issue 13): a state named as a place of manufacture after a city
("built in <city>, <state>") makes the item; it is no buyer.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

_DAY = date(2025, 4, 14)

#: (city, state, iso3)
_PLACES = [("Lorient", "France", "FRA"), ("Kiel", "Germany", "DEU"), ("Gdynia", "Poland", "POL")]


@pytest.mark.parametrize(("city", "state", "iso"), _PLACES)
@pytest.mark.parametrize("verb", ["built", "assembled", "produced"])
def test_a_state_after_a_city_of_manufacture_is_no_buyer(city: str, state: str, iso: str, verb: str) -> None:
    """The state after "<verb> in <city>," is where the item is made, not who buys it."""
    text = (
        f"Peru is weighing offers for new transport aircraft. Lockheed Martin is offering the C-130J, "
        f"and another bidder has put forward a design {verb} in {city}, {state}."
    )
    found = claim_facts.triples(text, _DAY)
    assert not any(t[1] == iso for t in found), found
