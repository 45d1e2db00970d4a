"""Vocabulary of vocab23 (issue 13): a state named by the plural noun for its people ("the Poles
ordered", "the Swedes sent", "the Israelis delivered") is that state as a party, like its name; without
the noun the item's design origin took the party's place.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.vocab import reference

_DAY = date(2025, 3, 11)

#: (people noun, its state's iso3): regular plurals of the demonym and irregular nouns
_SELLERS = [
    ("the Czechs", "CZE"),
    ("the Poles", "POL"),
    ("the Swedes", "SWE"),
    ("the Finns", "FIN"),
    ("the Danes", "DNK"),
    ("the Turks", "TUR"),
    ("the Norwegians", "NOR"),
    ("the Slovaks", "SVK"),
]

#: (buyer, its iso3, a catalogued system designed by neither side, its name in the catalogue)
_DEALS = [
    ("Ukraine", "UKR", "T-72", "T-72"),
    ("Armenia", "ARM", "BMP-2", "BMP-2"),
    ("Georgia", "GEO", "Mi-24", "Mi-24"),
]


@given(
    seller=st.sampled_from(_SELLERS),
    deal=st.sampled_from(_DEALS),
    count=st.integers(min_value=3, max_value=90),
    verb=st.sampled_from(["sent", "delivered", "handed over", "donated"]),
)
@settings(max_examples=12, deadline=None)
def test_the_people_noun_is_the_seller_not_the_design_origin(
    seller: tuple[str, str], deal: tuple[str, str, str, str], count: int, verb: str
) -> None:
    """ "<people> <sent> N X to B": the people noun's state is the supplier of the item."""
    noun, s_iso = seller
    buyer, b_iso, system, name = deal
    text = f"Last spring {noun} {verb} {count} {system} units to {buyer}, officials said."
    found = claim_facts.triples(text, _DAY)
    assert (s_iso, b_iso, name) in found, found


@pytest.mark.parametrize(("noun", "iso3"), [("Poles", "POL"), ("Emiratis", "ARE"), ("Israelis", "ISR")])
def test_the_people_noun_buys_as_the_subject_of_an_order(noun: str, iso3: str) -> None:
    """The people noun as the subject of a purchase verb is the buyer."""
    text = f"The {noun} ordered 24 Rafale jets from France in a deal signed on Monday."
    found = claim_facts.triples(text, _DAY)
    assert any(t[0] == "FRA" and t[1] == iso3 for t in found), found


def test_people_nouns_cover_regular_and_irregular_plurals_and_skip_names() -> None:
    """Regular "+s" plurals and the irregular nouns, never a form that is the country's own name or
    a demonym that is its own plural ("French")."""
    by_iso = {r.iso3: set(reference.people_nouns(r)) for r in reference.countries()}
    assert "Czechs" in by_iso["CZE"] and "Poles" in by_iso["POL"] and "Emiratis" in by_iso["ARE"]
    assert "Spaniards" in by_iso["ESP"] and "Greeks" in by_iso["GRC"]
    assert "Philippines" not in by_iso["PHL"]
    assert not any(n.startswith("French") for n in by_iso["FRA"])
