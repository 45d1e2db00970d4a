"""A later clause that opens on another deal gives the first deal no stage (issue 13, helper status22).

Why: news packs two deals into one sentence, one per coordinated clause: "A received X in 2022,
while B, which ordered six X in 2021, took them a year later"; "A took delivery of X from C, and a
follow-on contract for Y is under negotiation".  The later clause opens on a new buyer or a new item,
and its verb is that deal's stage, not a second stage of the first one.  A later clause that opens on
no new name goes on with the same deal ("..., and four have been delivered so far") and keeps giving
it stages.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts, stages

PUB = date(2025, 9, 3)

#: (buyer, iso3) of the first deal, and of the second buyer that opens the later clause
_FIRST = [("Chad", "TCD"), ("Ghana", "GHA"), ("Kenya", "KEN")]
_SECOND = [("Niger", "NER"), ("Senegal", "SEN"), ("Togo", "TGO")]
_LINKS = [", while", ", whereas", ", and"]
_ORDERS = ["ordered", "bought", "signed for"]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_FIRST),
    st.sampled_from(_SECOND),
    st.sampled_from(_LINKS),
    st.sampled_from(_ORDERS),
    st.sampled_from(["2019", "2021"]),
)
def test_new_buyer_clause_is_not_the_first_deals_order(
    first: tuple[str, str], second: tuple[str, str], link: str, order: str, year: str
) -> None:
    """Pattern "A received X in Y1{, while|, and} B, which ordered N X in Y2, took them later": A's
    deal is delivered only (the order is B's)."""
    a_name, a_iso = first
    b_name, _b_iso = second
    text = (
        f"{a_name} received Bayraktar TB2 drones from Turkey in 2023{link} {b_name}, which {order} "
        f"six TB2s in {year}, took delivery of them a year later."
    )
    assert stages(text, PUB, "TUR", a_iso) == {"delivered"}


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_FIRST),
    st.sampled_from(["is under negotiation", "is being negotiated", "is still to be negotiated"]),
    st.sampled_from(["12", "20", "36"]),
)
def test_new_item_clause_is_not_the_first_deals_talks(first: tuple[str, str], talks: str, count: str) -> None:
    """Pattern "A took delivery of N X from C, and a follow-on contract for Y {is under negotiation}":
    the talks are about Y, the X deal is delivered only."""
    name, iso = first
    text = (
        f"{name} took delivery of {count} Piranha V vehicles from Switzerland in 2022, and a follow-on "
        f"contract for additional Eagle V vehicles {talks}, officials said."
    )
    got = facts(text, PUB)
    assert ("CHE", iso, "Piranha V", "delivered") in got
    assert ("CHE", iso, "Piranha V", "negotiating") not in got


def test_same_deal_later_clause_keeps_its_stages() -> None:
    """Control: a later clause opening on no new name goes on with the same deal ("ordered N X from C
    in 2017, and four have been delivered so far": signed and delivering), and so does a clause that
    names only the deal's own states."""
    text = "Romania ordered seven Patriot batteries from the United States in 2017, and four have been delivered so far."
    assert stages(text, PUB, "USA", "ROU") >= {"signed", "delivering"}
    text = "Latvia received the first IRIS-T SLM fire unit from Germany in May, and it ordered a third unit in 2024."
    assert stages(text, PUB, "DEU", "LVA") >= {"signed", "delivering"}
