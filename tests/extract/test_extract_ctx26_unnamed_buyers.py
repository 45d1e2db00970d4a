"""Sales to buyers the text leaves unnamed take no buyer from the sentence before (issue 13, helper ctx26).

Why: a maker's news goes from the article's deal to its trade in general ("received orders for X from
several undisclosed customers", "is in service with ten armies", "in service with three foreign users",
"signed export contracts with 35 countries").  Those buyers are unnamed: neither the article's main
buyer nor the buyer of the deal told just before is theirs, however near it was named.  The sentences
are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 3, 3)

_BUYERS = [("Chile", "CHL"), ("Peru", "PER"), ("Ghana", "GHA")]
_UNNAMED = [
    "In 2024 Hanwha received orders for K9 howitzers from several undisclosed customers, the company said.",
    "In 2024 Hanwha received new orders for K9 ammunition from three foreign customers, the company said.",
    'Hanwha says the K9 howitzer is now in service with "ten foreign users" worldwide.',
    "The K9 howitzer is currently in service with nine armies, more than any rival gun.",
]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(_UNNAMED))
def test_unnamed_customers_are_not_the_previous_buyer(buyer: tuple[str, str], sentence: str) -> None:
    """Pattern "B ordered X from A. A's maker received orders for Y from several customers": not B's."""
    name, iso = buyer
    text = f"{name} ordered 24 K2 tanks from South Korea's Hyundai Rotem in May. {sentence}"
    got = [c for c in claims(text, PUB) if c["evidence"]["text"].strip() == sentence]
    assert not any(c["buyer"]["iso3"] == iso for c in got)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_BUYERS))
def test_a_named_follow_on_keeps_its_buyer(buyer: tuple[str, str]) -> None:
    """Guard: "B ordered X from A. A's maker will deliver the first N X in May" still names B's deal."""
    name, iso = buyer
    text = (
        f"{name} ordered 24 K9 howitzers from South Korea in May. "
        "Hanwha delivered the first six K9 howitzers in October, the company said."
    )
    assert any(
        c["buyer"]["iso3"] == iso and c["system"] and c["status"] in ("delivering", "delivered")
        for c in claims(text, PUB)
    )
