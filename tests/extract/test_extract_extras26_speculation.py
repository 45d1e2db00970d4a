"""A pundit's guess is no deal (issue 13, precision on fresh news).

Why: news closes with what analysts, experts or observers think could happen next ("analysts say B
could buy X", "a move observers said would help A's firm win tenders").  The deal words after their
modal are speculation, and the claim read from them named a deal the text never states.  A deal the
sentence tells before the pundit's words stays.  The sentences below are written for these tests (no
labelled article's text).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

PUNDITS = [
    "Analysts say",
    "Experts believe",
    "Observers in Hanoi think",
    "Defence analysts said",
    "Some experts expect",
]
MODALS = ["could", "might", "would", "may", "will likely"]
DEALS = [
    ("Vietnam", "buy Indian BrahMos missiles next", ("IND", "VNM")),
    ("Peru", "order K2 tanks from South Korea", ("KOR", "PER")),
    ("Egypt", "sign for more Rafale jets from France", ("FRA", "EGY")),
]


@settings(max_examples=30, deadline=None)
@given(pundit=st.sampled_from(PUNDITS), modal=st.sampled_from(MODALS), deal=st.sampled_from(DEALS))
def test_a_pundits_guess_states_no_deal(
    pundit: str, modal: str, deal: tuple[str, str, tuple[str, str]]
) -> None:
    """'<Analysts say> B <could> buy X from A': no claim of A selling to B."""
    buyer, rest, pair = deal
    found = triples(f"{pundit} {buyer} {modal} {rest}.", PUB)
    assert pair not in {(s, b) for s, b, _y in found}


def test_a_move_pundits_said_would_help_a_firm() -> None:
    """'..., a move analysts said would help A's firm enter B-ian tenders': no deal with B."""
    found = triples(
        "Aselsan opened an office in Madrid last year, a move analysts said would help the Turkish firm "
        "enter Spanish tenders.",
        PUB,
    )
    assert not any(b == "ESP" or s == "ESP" for s, b, _y in found)


@pytest.mark.parametrize("pundit", ["analysts said", "experts say"])
def test_the_deal_before_the_guess_stays(pundit: str) -> None:
    """'B ordered X from A in May, and <pundits> it could order more': the order stays."""
    found = triples(
        f"Peru ordered 24 K2 tanks from South Korea in May, and {pundit} it could order more.", PUB
    )
    assert ("KOR", "PER", "K2 Black Panther") in found
