"""Vocabulary of vocab23 (issue 13): an armed service or ministry named "the <Body> of <Country>" ("the
Royal Air Force of Oman", "the Royal Navy of Oman") is that country's, not the state whose own body
has the same name (Britain's Royal Air Force); the country stands for it as a party.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

from kg.extract.mentions import find_mentions

_DAY = date(2025, 9, 4)

_BODIES = ["Royal Air Force", "Royal Navy"]
_STATES = [("Oman", "OMN"), ("Jordan", "JOR"), ("Malaysia", "MYS")]


@pytest.mark.parametrize("body", _BODIES)
@pytest.mark.parametrize(("state", "iso3"), _STATES)
def test_the_body_of_a_state_is_not_britain(body: str, state: str, iso3: str) -> None:
    """No British party is read out of "the <Body> of <State>"; the state is."""
    text = f"The {body} of {state} is due to retire its oldest aircraft next year."
    parties = [m.iso3 for m in find_mentions(text) if m.kind == "party"]
    assert "GBR" not in parties and iso3 in parties, parties


@pytest.mark.parametrize(("state", "iso3"), _STATES)
@pytest.mark.parametrize(
    ("system", "name", "origin"),
    [("F-16", "F-16", "USA"), ("Hawk", "Hawk", "GBR"), ("C-130J", "C-130J", "USA")],
)
def test_the_body_of_a_state_owns_its_items(
    state: str, iso3: str, system: str, name: str, origin: str
) -> None:
    """ "... the Royal Air Force of <State>'s N X, which were ordered in <year>": the state is the buyer
    of its own items, never their seller to Britain."""
    text = (
        f"The new missiles would equip the Royal Air Force of {state}'s {system} aircraft, "
        f"eight of which were ordered in 2014."
    )
    found = claim_facts.triples(text, _DAY)
    assert not any(t[0] == iso3 and t[1] == "GBR" for t in found), found
    if origin != "GBR":
        assert any(
            t[0] == origin and t[1] == iso3 and t[2] is not None and t[2].startswith(name) for t in found
        ), found


def test_britain_s_own_royal_air_force_stays_britain() -> None:
    """Without "of <country>" the Royal Air Force is Britain's."""
    text = "The Royal Air Force took delivery of its first Protector drone from the United States."
    parties = [m.iso3 for m in find_mentions(text) if m.kind == "party"]
    assert "GBR" in parties, parties
