"""The design's state clears another state's resale: its own approval, not a buyer (issue 13, consort26).

Why: a second-hand or re-exported system needs its design state's consent (US third-party transfer
rules for F-16s, German end-use clauses for Leopards).  News tells it beside the resale ("N X bought
from A, a transfer that C approved") or right after it ("C cleared the deal").  The labelling
guidelines make a supplier government's export approval an ``approved`` fact: C -> buyer.  The
extractor read C as a second buyer of A's jets (A -> C), or, in a sentence naming no system, as the
buyer of a deal the context had already given a buyer.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 9, 18)

#: (resold system as written, its catalogue name, the design's state as written, its iso3)
_RESALES = [
    ("F-16 jets", "F-16", "the United States", "USA"),
    ("F-16 fighters", "F-16", "Washington", "USA"),
    ("MiG-29 fighters", "MiG-29", "Russia", "RUS"),
]
_RESELLERS = [("Norway", "NOR"), ("Belgium", "BEL"), ("Portugal", "PRT")]
_BUYERS = [("Romania", "ROU"), ("Peru", "PER"), ("Chile", "CHL")]
_NOUNS = ["a transfer", "a sale", "a deal"]
_CLEARING = ["approved", "had to approve", "approved last year"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_RESALES),
    st.sampled_from(_RESELLERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(_NOUNS),
    st.sampled_from(_CLEARING),
    st.integers(min_value=4, max_value=36),
)
def test_the_design_state_approving_a_resale_in_the_same_sentence(
    resale: tuple[str, str, str, str],
    reseller: tuple[str, str],
    buyer: tuple[str, str],
    noun: str,
    clearing: str,
    n: int,
) -> None:
    """Pattern "B bought N X from A, <a sale> C <approved>" (X designed in C): A sells to B, C
    approves (C -> B, approved), and C buys nothing from A."""
    written, name, state, c3 = resale
    (a, a3), (b, b3) = reseller, buyer
    text = f"{b} bought {n} second-hand {written} from {a}, {noun} {state} {clearing}."
    got = facts(text, PUB)
    assert (c3, b3, name, "approved") in got, got
    assert any(f[:3] == (a3, b3, name) for f in got), got
    assert not any(f[1] == c3 for f in got), got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_RESELLERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(["approved the deal", "approved the sale"]),
    st.integers(min_value=2015, max_value=2024),
)
def test_the_design_state_approving_the_resale_in_context(
    reseller: tuple[str, str], buyer: tuple[str, str], clearing: str, year: int
) -> None:
    """Pattern "B bought N X from A. C <approved the deal>." (X designed in C, the second sentence
    naming no system): C approves the resale in context for B."""
    (a, a3), (b, b3) = reseller, buyer
    text = f"{b} bought 16 used F-16 fighters from {a} in {year}. Washington {clearing}."
    got = facts(text, PUB)
    assert ("USA", b3, "F-16", "approved") in got, got
    assert any(f[:3] == (a3, b3, "F-16") for f in got), got
