"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 8), in our own
words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the newsset
fixtures), read with the labelling guidelines (rule 5) and the newsset conventions.
"""

from __future__ import annotations

from datetime import date

from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)


def _stages(text: str, supplier: str, buyer: str) -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text`` (denials left out)."""
    return claim_facts.stages(text, PUB, supplier, buyer)


# --- "placed an emergency order with B for X": an order of any kind is signed ----------------------


@settings(max_examples=30, deadline=None)
@given(
    kind=st.sampled_from(["an emergency", "an urgent", "a fast-track", "a $400 million", "a small"]),
    verb=st.sampled_from(["has placed", "placed", "had placed"]),
)
def test_an_order_placed_with_a_maker_is_signed(kind: str, verb: str) -> None:
    """ "A placed an emergency order with B's maker for X": the order is placed, whatever word says
    its kind (a firm or repeat order already was signed)."""
    text = f"Chile {verb} {kind} order with Germany's Rheinmetall for Skyranger air defence guns, officials said."
    assert "signed" in _stages(text, "DEU", "CHL")


def test_an_order_book_is_no_order() -> None:
    """ "placed its order book": a maker's backlog, no buyer's order."""
    text = "Rheinmetall placed its order book at a record level as Chile studied Skyranger air defence guns."
    assert "signed" not in _stages(text, "DEU", "CHL")
