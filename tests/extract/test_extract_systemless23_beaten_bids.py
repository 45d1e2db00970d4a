"""The beaten bidders of a competition, one of them with no system named (issue 13, helper systemless23).

Why: news closes a selection story with the losers: "the winning design beat bids from A (the X), B
(the Y) and C".  Per the labelling guidelines each losing bid is an offer to the competition's buyer;
the bidder whose design the sentence does not name (C) makes a system-less offer.  Before, only the
bidders with a system got a fact and C was lost.  Own-words sentences; no labelled article's names
or numbers.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 10, 6)

#: (buyer, iso3, the winner's sentence)
_STORIES = [
    ("Chile", "CHL", "Chile selected the Italian FREMM frigate last week."),
    ("Greece", "GRC", "Greece picked the German Leopard 2A8 tank on Friday."),
    ("Peru", "PER", "Peru chose the Italian FREMM frigate in a ceremony on Tuesday."),
]
#: (bidder with a system as written, its iso3)
_NAMED_BIDS = [
    ("Spain (the F110)", "ESP"),
    ("South Korea (the K2 Black Panther)", "KOR"),
    ("the United States (the M1A2 Abrams)", "USA"),
]
#: (a bidder whose design is not named, its iso3)
_BARE = [("Japan", "JPN"), ("Turkey", "TUR"), ("Sweden", "SWE"), ("Brazil", "BRA")]
_WINNERS = ["The winning design", "The European offer", "The chosen design"]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_STORIES),
    st.lists(st.sampled_from(_NAMED_BIDS), min_size=1, max_size=2, unique=True),
    st.sampled_from(_BARE),
    st.sampled_from(_WINNERS),
)
def test_bare_bidder_offers_without_a_system(
    story: tuple[str, str, str],
    named: list[tuple[str, str]],
    bare: tuple[str, str],
    winner: str,
) -> None:
    """The bidder named last without a design offers to the buyer, with no system."""
    _buyer, iso, first = story
    listed = ", ".join(n for n, _ in named)
    text = f"{first} {winner} beat bids from {listed} and {bare[0]}."
    assert (bare[1], iso, None, "offered") in facts(text, PUB)
