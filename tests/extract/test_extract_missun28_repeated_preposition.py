"""A list of parties with its preposition repeated is one list ("with A and with B") (issue 13, helper missun28).

Why: news repeats the preposition before the second member of a pair of counterparts ("has opened
talks with A and with B", "sold X to C and to D", "bought Y from E and from F").  The second member
was read as a party of its own, outside the first one's list: it lost the list's cue (a counterpart
of the talks, a recipient) and could be taken for the buyer.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 3, 3)

_BUYERS = [("Uruguay", "URY"), ("Ghana", "GHA"), ("Peru", "PER")]
_SELLERS = [
    ("Spain", "ESP"),
    ("Chile", "CHL"),
    ("the Netherlands", "NLD"),
    ("Turkey", "TUR"),
    ("France", "FRA"),
]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_BUYERS),
    st.lists(st.sampled_from(_SELLERS), min_size=2, max_size=2, unique=True),
    st.sampled_from(["has opened talks", "is in talks", "has held talks"]),
)
def test_talks_with_a_and_with_b(buyer: tuple[str, str], sellers: list[tuple[str, str]], talks: str) -> None:
    """Pattern "B <talks> with S1 and with S2 on X": both are counterparts (sellers) of B's talks."""
    (s1, i1), (s2, i2) = sellers
    text = f"{buyer[0]} {talks} with {s1} and with {s2} on two offshore patrol vessels."
    got = {
        (c["supplier"] and c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in claims(text, PUB)
    }
    assert (i1, buyer[1], "negotiating") in got and (i2, buyer[1], "negotiating") in got, got


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(_BUYERS), min_size=2, max_size=2, unique=True))
def test_sold_to_c_and_to_d(buyers: list[tuple[str, str]]) -> None:
    """Guard: "S delivered X to C and to D": both receive, neither sells (the list keeps its "to")."""
    (b1, i1), (b2, i2) = buyers
    text = f"Sweden delivered Carl-Gustaf recoilless rifles to {b1} and to {b2} in 2023."
    got = {(c["supplier"] and c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in claims(text, PUB)}
    assert ("SWE", i1) in got and ("SWE", i2) in got, got
