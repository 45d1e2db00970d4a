"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 7), in our own
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


# --- "took the first N X": the first items in hand ------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["took", "has taken", "had taken"]),
    first=st.sampled_from(["the first", "the initial"]),
    count=st.sampled_from(["two", "four", "12", "batch of"]),
)
def test_taking_the_first_items_is_a_delivery_under_way(verb: str, first: str, count: str) -> None:
    """ "A took the first two X from B": the first of the deal's items handed over, a delivery under way
    (as "took the last of" is its end), not a purchase."""
    text = f"Egypt {verb} {first} {count} K9 howitzers from South Korea in March."
    assert "delivering" in _stages(text, "KOR", "EGY")


def test_taking_the_first_place_is_no_delivery() -> None:
    """ "took the first place in a ranking": no items."""
    text = "Egypt took the first place among buyers of South Korean K9 howitzers, officials said."
    assert "delivering" not in _stages(text, "KOR", "EGY")


# --- a relative clause right after a system is that system's -------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    rel=st.sampled_from(
        [
            ("the first of which was handed over in 2024", "delivering"),
            ("the first of which arrived last year", "delivering"),
            ("all of which were delivered by 2023", "delivered"),
        ]
    ),
    second=st.sampled_from(
        [
            "and it signed a contract in 2023 for four Scorpene submarines with France",
            "and it ordered four Scorpene submarines from France in 2023",
        ]
    ),
)
def test_a_relative_clause_after_a_list_member_is_its_own(rel: tuple[str, str], second: str) -> None:
    """ "bought two X from A, the first of which was handed over in 2024, and it signed for Y with B": the
    delivery told in the relative clause right after X is X's stage, not the next system's."""
    clause, stage = rel
    text = f"Chile has bought two Type 31 frigates from Britain, {clause}, {second}."
    assert stage in _stages(text, "GBR", "CHL")
    assert _stages(text, "FRA", "CHL") == {"signed"}
