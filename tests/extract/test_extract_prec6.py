"""Precision rules of prec6 (issue 13): sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

import pytest

from kg.extract import Article, extract


def _triples(text: str, title: str = "Defence news") -> set[tuple]:
    out = set()
    for c in extract(Article(text=text, title=title)):
        d = c.to_dict()
        out.add(
            (d["supplier"] and d["supplier"]["iso3"], d["buyer"]["iso3"], d["system"] and d["system"]["name"])
        )
    return out


@pytest.mark.parametrize("made", ["US-made", "US-built", "American-made"])
def test_fleet_relied_on_with_a_made_origin_is_no_deal(made: str) -> None:
    """A force relying on "X-made" systems names what it has, not a transfer: the maker's state glued
    to "-made"/"-built" is only the item's origin."""
    text = f"Portugal's coastal defences rely on {made} Harpoon launchers and older Crotale units."
    assert not any(t[0] == "USA" and t[1] == "PRT" for t in _triples(text))


@pytest.mark.parametrize("verb", ["currently operates", "fields", "currently flies"])
def test_fleet_verb_of_a_verbless_buyer_is_no_deal(verb: str) -> None:
    """The article's own state, named by no verb, with a fleet verb before an origin-only item: the
    fleet in service, not a purchase."""
    text = (
        "Peru weighs new fighters.\n\n"
        f"The air force {verb} a mixed fleet of US-built F-16s and ageing trainers, officials said."
    )
    assert not any(t[0] == "USA" and t[1] == "PER" for t in _triples(text, "Peru weighs new fighters"))


def test_fleet_verb_with_a_delivery_word_still_states_the_delivery() -> None:
    """A delivery word after the item ("which was handed over") is a transfer the text states."""
    text = (
        "Peru weighs new fighters.\n\n"
        "The air force currently operates a US-built C-130 transport, which was handed over in 2021."
    )
    assert any(t[0] == "USA" and t[1] == "PER" for t in _triples(text, "Peru weighs new fighters"))


def test_an_order_is_not_a_fleet() -> None:
    text = "Brazil ordered 12 more F-16 Block 70 jets from the United States in March."
    assert any(t[0] == "USA" and t[1] == "BRA" for t in _triples(text))
