"""A lease told from the lessor's side (issue 13, helper roles20).

Why: "lease" is read as a buying verb ("B leased N X from A": B is the buyer), but news tells the
same deal from the other side too: "A leased N X to B" makes the subject the lessor, the supplier.
Without the direction the subject was taken for the buyer and the recipient lost.  Own-words
sentences; negative cases pin the limits ("leased X from A", "leased X to train pilots").
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 1, 30)

_LESSORS = [("Italy", "ITA"), ("Japan", "JPN"), ("Sweden", "SWE"), ("Brazil", "BRA")]
_LESSEES = [("Peru", "PER"), ("the Philippine Navy", "PHL"), ("Uruguay", "URY"), ("Kenya", "KEN")]


def _pairs(text: str) -> set[tuple[str | None, str]]:
    return {(s, b) for s, b, _ in triples(text, PUB)}


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_LESSORS),
    st.sampled_from(_LESSEES),
    st.sampled_from(["leased", "has leased", "had leased", "later leased"]),
    st.sampled_from(["two C-27J transport aircraft", "four AW109 helicopters", "three Gripen fighters"]),
)
def test_a_subject_that_leased_items_to_a_state_supplies_them(
    lessor: tuple[str, str], lessee: tuple[str, str], verb: str, items: str
) -> None:
    """Pattern "A leased N X to B": A is the supplier, B the buyer, never the reverse."""
    (a, a3), (b, b3) = lessor, lessee
    pairs = _pairs(f"In 2019 {a} {verb} {items} to {b} for five years.")
    assert (a3, b3) in pairs
    assert (b3, a3) not in pairs


def test_a_lease_from_a_state_or_to_a_purpose_keeps_the_lessee_as_buyer() -> None:
    """Limits: "B leased X from A" keeps B the buyer; "to" before a purpose names no recipient."""
    assert ("ITA", "PER") in _pairs("Peru leased four C-27J aircraft from Italy in 2020.")
    assert ("PER", "ITA") not in _pairs("Peru leased four C-27J aircraft from Italy in 2020.")
    assert {b for _, b in _pairs("Peru leased four C-27J aircraft to train its pilots.")} == {"PER"}
