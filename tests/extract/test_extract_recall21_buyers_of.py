"""Standing buyer relations told from the buyer's side (issue 13, helper recall21).

Why: export reporting ranks a seller's customers by the goods they buy: "B has emerged as one of the
largest buyers of A-ian defence equipment", "B, for years among the biggest buyers of A-ian weapons,
...", "A-ian exports rose, with B, C and D listed among the biggest buyers of A-ian military hardware".
Each named buyer stands in a supplier relation with A (labelling rule 5: ``unknown``, no system), also
when the goods are "equipment" or "hardware", the rank is told by "emerged as", an appositive or
"listed among", and the buyers form a list of three or more (the relation ties each of them, so the
list is no background).  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 6, 2)

_SELLERS = [("Spanish", "ESP"), ("Brazilian", "BRA"), ("Turkish", "TUR")]
_GOODS = ["defence equipment", "defense equipment", "military hardware", "weapons", "weaponry"]
_RANKS = ["largest", "biggest", "main", "top"]


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_SELLERS),
    st.sampled_from(_GOODS),
    st.sampled_from(_RANKS),
    st.sampled_from(["has emerged as", "has become", "is now", "emerged as"]),
)
def test_buyer_ranked_among_a_sellers_customers(
    seller: tuple[str, str], goods: str, rank: str, verb: str
) -> None:
    """Pattern "B has emerged as one of the largest buyers of A-ian X": A supplies B, unknown."""
    demonym, iso = seller
    got = facts(f"Ghana {verb} one of the {rank} buyers of {demonym} {goods}, analysts say.", PUB)
    assert (iso, "GHA", None, "unknown") in got


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(_SELLERS),
    st.sampled_from(["weapons", "arms", "military hardware"]),
    st.sampled_from(["for years ", "for decades ", "long ", ""]),
)
def test_buyer_ranked_in_an_appositive(seller: tuple[str, str], goods: str, lead: str) -> None:
    """Pattern "B, for years among the biggest buyers of A-ian X, ...": A supplies B, unknown."""
    demonym, iso = seller
    got = facts(
        f"Kenya, {lead}among the biggest buyers of {demonym} {goods}, was left out of the report.", PUB
    )
    assert (iso, "KEN", None, "unknown") in got


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(_SELLERS),
    st.sampled_from(["military hardware", "weapons", "defence equipment"]),
    st.sampled_from(["listed", "ranked", "named"]),
)
def test_list_of_buyers_listed_among_the_biggest(seller: tuple[str, str], goods: str, verb: str) -> None:
    """Pattern "A-ian exports rose, with B, C and D listed among the biggest buyers of A-ian X": each of
    the three buyers is A's customer (the relation is no background list)."""
    demonym, iso = seller
    got = facts(
        f"{demonym} arms exports rose by a fifth last year, with Ghana, Kenya and Peru {verb} among the "
        f"biggest buyers of {demonym} {goods}.",
        PUB,
    )
    for buyer in ("GHA", "KEN", "PER"):
        assert (iso, buyer, None, "unknown") in got
