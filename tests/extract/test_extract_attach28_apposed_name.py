"""attach28 (issue 13): an item named in apposition to its item noun ("a new frigate, the X,", "a new
infantry fighting vehicle from A, the Y,") or right after a ship noun ("the corvette Z, built by ...") is
that item, by name: the claim carries the name, not a system-less pair.

Own-words sentences written for the general pattern (invented names), not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

from kg.extract.mentions import find_mentions

_DAY = date(2025, 6, 1)

_NAMES = ["Zarvan", "Telmoro", "Quillon"]


def _systems(text: str) -> list[str]:
    return [m.text for m in find_mentions(text) if m.kind == "system"]


@pytest.mark.parametrize("name", _NAMES)
@pytest.mark.parametrize(
    ("noun", "tail"),
    [
        ("infantry fighting vehicle", ", as part of a wider plan."),
        ("frigate", ", which will be built locally."),
        ("patrol vessel", "."),
        ("howitzer", " in a deal due this year."),
    ],
)
@pytest.mark.parametrize(
    ("buyer", "b_iso", "seller", "s_iso"),
    [("Chile", "CHL", "Spain", "ESP"), ("Vietnam", "VNM", "India", "IND"), ("Kenya", "KEN", "Turkey", "TUR")],
)
def test_a_name_after_its_item_noun_is_the_item(
    name: str, noun: str, tail: str, buyer: str, b_iso: str, seller: str, s_iso: str
) -> None:
    """ "<B> is negotiating with <A> for a new <noun>, the <Name><tail>": the deal's item is <Name>."""
    text = f"{buyer} is negotiating with {seller} for a new {noun}, the {name}{tail}"
    assert (s_iso, b_iso, name) in claim_facts.triples(text, _DAY)


@pytest.mark.parametrize("name", _NAMES)
@pytest.mark.parametrize("noun", ["frigate", "corvette", "submarine"])
def test_a_name_after_the_seller_phrase_is_the_item(name: str, noun: str) -> None:
    """ "<B> bought a new <noun> from <A>, the <Name>, in 2023": the name after the seller phrase."""
    text = f"Ghana bought a second-hand {noun} from France, the {name}, in 2023."
    assert ("FRA", "GHA", name) in claim_facts.triples(text, _DAY)


@pytest.mark.parametrize("name", _NAMES)
@pytest.mark.parametrize("noun", ["corvette", "frigate", "destroyer"])
@pytest.mark.parametrize("det", ["the", "its new", "the former"])
def test_a_hull_named_after_its_ship_noun(name: str, noun: str, det: str) -> None:
    """ "<det> <ship noun> <Name>, built by <A>'s yard and delivered in <year>": the hull is the item."""
    text = (
        f"Bahrain is renewing its fleet. The navy's flagship, {det} {noun} {name}, built by Italy's "
        f"Fincantieri yard and delivered in 2019, led the review."
    )
    assert name in _systems(text)
    assert ("ITA", "BHR", name) in claim_facts.triples(text, _DAY)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt ordered two submarines, the Army said on Monday.",
        "Egypt ordered two frigates, January deliveries included.",
        "Peru bought six helicopters from Russia, the Kremlin said.",
        "The frigate Navy officials picked is French.",
    ],
)
def test_no_name_from_a_speaker_a_month_or_a_party(text: str) -> None:
    """A speaker, a month, a party or a clause after the comma is no item's name."""
    assert _systems(text) == []
