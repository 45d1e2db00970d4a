"""States that hold the item keep their buyer role beside the deal in context (issue 13, helper missun28).

Why: after a deal of one buyer, news goes on to the item's other users in a sentence that still
points back at it ("The maker has done better elsewhere: B and C operate X supplied by S", "D,
which flies the X and is buying more, welcomed sales of the jet").  B, C and D were bare mentions
(no verb of theirs was a deal trigger, and "supplied by S" was read as their own verb), so the
sentence took the earlier deal's buyer instead.  A state followed by its holding verb ("operate",
"flies", "uses", "fields") holds the item: an in-service fleet is a delivered transfer, whoever
the sentence before was about; a participle with its agent ("X supplied by S") is no verb of the
sentence's subject.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 3, 3)

#: (system as written, its item noun, its seller, the seller's ISO code)
_ITEMS = [
    ("Dhruv", "helicopters", "India", "IND"),
    ("K9", "howitzers", "South Korea", "KOR"),
    ("Rafale", "jets", "France", "FRA"),
]
_FIRST = [("Peru", "PER"), ("Chile", "CHL")]
_HOLDERS = [("Nepal", "NPL"), ("Estonia", "EST"), ("Ghana", "GHA"), ("Greece", "GRC")]
_VERBS = ["operate", "fly", "use", "already operate"]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_ITEMS),
    st.sampled_from(_FIRST),
    st.lists(st.sampled_from(_HOLDERS), min_size=2, max_size=2, unique=True),
    st.sampled_from(_VERBS),
)
def test_holders_after_a_colon_are_buyers(
    item: tuple[str, str, str, str], first: tuple[str, str], holders: list[tuple[str, str]], verb: str
) -> None:
    """Pattern "A bought X from S ... The maker did better elsewhere: B and C operate X supplied by S"."""
    name, noun, seller, sup = item
    (b, b_iso), (c, c_iso) = holders
    text = (
        f"{first[0]} bought six {name} {noun} from {seller} in 2012, but it cancelled the rest of the order "
        f"in 2016. The maker has done better elsewhere: {b} and {c} {verb} {name} {noun} supplied by {seller}."
    )
    got = {(x["supplier"] and x["supplier"]["iso3"], x["buyer"]["iso3"]) for x in claims(text, PUB)}
    assert (sup, b_iso) in got and (sup, c_iso) in got, got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(_ITEMS), st.sampled_from(_FIRST), st.sampled_from(_HOLDERS))
def test_a_holder_in_a_relative_clause_is_a_buyer(
    item: tuple[str, str, str, str], first: tuple[str, str], holder: tuple[str, str]
) -> None:
    """Pattern "A agreed to buy X (made by S), but the deal stalled. D, which flies the X ..., welcomed it"."""
    name, noun, _seller, sup = item
    text = (
        f"{first[0]} agreed in 2021 to buy 24 {name} {noun}, but that deal stalled a year later. "
        f"{holder[0]}, which flies the {name} and is buying more, has welcomed sales of the {noun[:-1]} to its partners."
    )
    got = {(x["supplier"] and x["supplier"]["iso3"], x["buyer"]["iso3"]) for x in claims(text, PUB)}
    assert (sup, holder[1]) in got, got


def test_a_deadline_after_the_verb_is_no_agent() -> None:
    """Guard: "A delivered by March the first X to B" keeps A as the subject seller ("by March" is a date)."""
    got = claims("India delivered by March the first four BrahMos batteries to the Philippines.", PUB)
    assert any(
        x["supplier"] and x["supplier"]["iso3"] == "IND" and x["buyer"]["iso3"] == "PHL" for x in got
    ), got
