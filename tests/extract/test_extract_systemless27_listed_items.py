"""An unnamed item joined to a named system by "and" with its own determiner (issue 13, helper systemless27).

Why: news lists a deal's named system and a further item it does not name ("supplied X drones and a
patrol ship", "negotiating for the X trainer and more offshore patrol vessels", "the X launcher and
towed artillery").  The labelling guidelines make the unnamed item a fact with no system; the listed
item reading took only bare plurals ("and frigates"), since a singular after a comma is often the
system's apposition ("the X, a frigate").  After "and" a determiner opens a new noun phrase.  The
sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 4, 9)

_PAIRS = [
    ("Ghana", "GHA", "Italy", "ITA"),
    ("Oman", "OMN", "Spain", "ESP"),
    ("Chile", "CHL", "Sweden", "SWE"),
]
_ITEMS = [
    "and a survey ship",
    "and two coastal radars",
    "and more offshore patrol vessels",
    "and a new patrol boat",
    "and towed artillery",
]
_SHAPES = [
    "{a} delivered Bayraktar TB2 drones {item} to {b} last year, officials said.",
    "{b} is negotiating with {a} for the Hurjet trainer {item}, but no contract has been signed.",
    "{a} has already supplied the Piranha 5 carriers {item} to {b}.",
]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_PAIRS), st.sampled_from(_ITEMS), st.sampled_from(_SHAPES))
def test_determined_item_after_and_is_a_fact_without_system(
    pair: tuple[str, str, str, str], item: str, shape: str
) -> None:
    """Pattern "<named system> and a/two/more <item noun>": a system-less claim of the same pair."""
    b, biso, a, aiso = pair
    got = claims(shape.format(a=a, b=b, item=item), PUB)
    assert any(c["system"] for c in got), got
    assert any(
        not c["system"] and c["supplier"] and c["supplier"]["iso3"] == aiso and c["buyer"]["iso3"] == biso
        for c in got
    ), got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_PAIRS), st.integers(min_value=2, max_value=40))
def test_a_count_of_the_named_kind_splits_the_fleet(pair: tuple[str, str, str, str], n: int) -> None:
    """Guard: "the fleet of F-16 jets, 10 bought new and N second-hand aircraft": one named fleet."""
    b, _biso, a, _aiso = pair
    text = f"{b} bought F-16 fighters from {a}: 10 F-16 jets bought new and {n} second-hand aircraft."
    assert not any(not c["system"] for c in claims(text, PUB))


def test_an_option_is_no_item() -> None:
    """Guard: "N X jets and an option for more jets" adds no item of its own."""
    text = "Ghana ordered 12 Rafale jets from France and an option for six more jets."
    assert not any(not c["system"] for c in claims(text, PUB))
