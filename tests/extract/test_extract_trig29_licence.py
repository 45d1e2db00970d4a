"""Triggers of trig29 (issue 13): licensed production told as a transfer from a named licensor.

"The engine, designed with A's firm, which B's maker has been building under licence", "the ship was
built to a design licensed from A's yard", "more were later assembled by B's firm under licence": the
licensor's design passes to the licensee, a transfer whose stage the sentence leaves untold
(``unknown``); the maker under licence is the buyer, never the seller.  Without a named licensor
("B builds X launchers under licence") the sentence is production at home and gives no claim
(labelling guidelines, rule 7).

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

_DAY = date(2025, 6, 12)

_VERBS = ["has been building", "builds", "has been producing", "assembles", "manufactures"]
#: (licensor's firm, its state, licensee's firm, its state)
_PAIRS = [
    ("France's Safran", "FRA", "HAL", "IND"),
    ("Germany's MTU", "DEU", "Hindustan Aeronautics", "IND"),
    ("Britain's Rolls-Royce", "GBR", "Embraer", "BRA"),
]


@pytest.mark.parametrize("verb", _VERBS)
@pytest.mark.parametrize(("licensor", "sup", "licensee", "buy"), _PAIRS)
def test_the_licensee_builds_a_named_licensors_design(
    verb: str, licensor: str, sup: str, licensee: str, buy: str
) -> None:
    """ "<item>, developed with A's firm, which B's firm <makes> under licence": A supplies B."""
    text = (
        f"The trainer is powered by a turbofan engine, developed with {licensor}, which "
        f"{licensee} {verb} under licence at its plant."
    )
    found = claim_facts.facts(text, _DAY)
    assert (sup, buy, None, "unknown") in found, found
    assert not any(f[0] == buy and f[1] == sup for f in found), found


@given(
    design=st.sampled_from(
        [
            ("MEKO A-200", "TKMS", "DEU"),
            ("Gowind-class", "Naval Group", "FRA"),
            ("FREMM", "Fincantieri", "ITA"),
        ]
    ),
    owner=st.sampled_from([("Turkey", "TUR"), ("Algeria", "DZA"), ("Egypt", "EGY")]),
    ship=st.sampled_from(["frigates", "corvettes", "warships"]),
)
@settings(max_examples=12, deadline=None)
def test_a_design_licensed_from_a_yard(
    design: tuple[str, str, str], owner: tuple[str, str], ship: str
) -> None:
    """ "B's new X <ships> were built at a local yard to a design licensed from <yard>": the yard's state
    supplies B."""
    (system, yard, origin), (state, iso3) = design, owner
    text = f"{state}'s new {system} {ship} were built at a local yard to a design licensed from {yard}."
    found = claim_facts.facts(text, _DAY)
    assert any(f[0] == origin and f[1] == iso3 and f[3] == "unknown" for f in found), found


@pytest.mark.parametrize(
    ("owner", "iso3", "maker"), [("South Africa", "ZAF", "Denel"), ("Finland", "FIN", "Valmet")]
)
def test_items_assembled_by_the_licensee_after_arriving_from_the_seller(
    owner: str, iso3: str, maker: str
) -> None:
    """ "the first N flown in from A, more later assembled by B's firm under licence": A supplies B (the
    agent of the passive is the licensee, never the seller)."""
    text = (
        f"{owner}'s Hawk trainers came from BAE Systems, with the first 10 flown in from Britain "
        f"in 2004 and 30 more later assembled by {maker} under licence."
    )
    found = claim_facts.triples(text, _DAY)
    assert any(t[0] == "GBR" and t[1] == iso3 for t in found), found


@pytest.mark.parametrize("state", ["Brazil", "Poland", "Indonesia"])
def test_production_at_home_without_a_named_licensor_is_no_transfer(state: str) -> None:
    """ "B builds X under licence": only the item's origin names the licensor; no claim."""
    text = f"{state}, meanwhile, builds Gripen fighters under licence as a local variant."
    assert not claim_facts.triples(text, _DAY)


@pytest.mark.parametrize(
    ("text", "sup", "buy"),
    [
        ("Poland builds the K9 howitzer under licence from South Korea.", "KOR", "POL"),
        ("Egypt assembles the M1A1 Abrams under licence from the United States.", "USA", "EGY"),
        ("Turkey produces the F-16 under a licence from Washington.", "USA", "TUR"),
    ],
)
def test_a_licensor_named_after_the_licence_is_a_transfer(text: str, sup: str, buy: str) -> None:
    """ "B builds the X under licence from A": the licensor is named (its state, capital), a transfer."""
    found = claim_facts.facts(text, _DAY)
    assert any(f[0] == sup and f[1] == buy and f[3] == "unknown" for f in found), found
