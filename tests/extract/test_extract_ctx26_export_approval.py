"""A deal approved by the state that makes its item is that state's export approval (issue 13, helper ctx26).

Why: news tells the seller government's clearance in the passive, in a sentence of its own after the
buyer's deal: "A deal for N X was approved by the US State Department", "The sale of N X was cleared by
Washington".  When the approving state makes the item, it sells (its approval is the export licence):
a state buys no item of its own make.  The buyer is then the one the article's deals name, not the
approver.  The buyer's own approval ("approved by A's parliament") stays the buyer's.  The sentences
are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 8, 4)

_BUYERS = [("Romania", "ROU"), ("Peru", "PER"), ("Morocco", "MAR"), ("Ghana", "GHA")]
#: (item as written, catalogue name, approver as written, its state)
_APPROVED = [
    ("54 M1A2 Abrams tanks", "M-1A2 Abrams", "the US State Department", "USA"),
    ("12 AH-64E Apache helicopters", "AH-64E Apache", "Washington", "USA"),
    ("eight Bayraktar TB2 drones", "Bayraktar TB2", "Ankara", "TUR"),
]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_BUYERS),
    st.sampled_from(_APPROVED),
    st.sampled_from(["A deal for", "The sale of", "A separate purchase of"]),
    st.sampled_from(["approved", "cleared"]),
)
def test_maker_state_approval_is_the_export_licence(
    buyer: tuple[str, str], item: tuple[str, str, str, str], noun: str, verb: str
) -> None:
    """Pattern "B signed for X from C. A deal for Y was approved by <Y's maker state>": that state sells Y to B."""
    name, iso = buyer
    words, system, approver, state = item
    text = (
        f"{name} signed for 300 Piranha V vehicles from Switzerland in May. "
        f"{noun} {words} was {verb} by {approver} in June."
    )
    got = triples(text, PUB)
    assert (state, iso, system) in got
    assert not any(t[1] == state and t[2] == system for t in got)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_BUYERS))
def test_the_buyers_own_approval_stays_the_buyers(buyer: tuple[str, str]) -> None:
    """Guard: "The purchase of N X was approved by B's parliament": B buys X from X's maker."""
    name, iso = buyer
    text = f"The purchase of 12 AH-64E Apache helicopters was approved by {name}'s parliament on Monday."
    assert ("USA", iso, "AH-64E Apache") in triples(text, PUB)
