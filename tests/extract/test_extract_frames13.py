"""Whether a sentence states a deal at all (issue 13, helper frames13).

Why: a deal told in a shape the vocabulary lacks costs recall, a claim about a pair no deal ties
costs precision.  Each test states one general pattern in its own words, with parties and systems
no labelled article pairs; negative cases pin the limit of the rule.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 6, 2)

#: an article about one buyer's competition, to which a later sentence's bids belong
_CONTEST = (
    "Peru's navy is looking for four new frigates to replace its ageing fleet. "
    "Peru expects to pick a design next year, and Peruvian officials say funds are tight. "
)


# -- a bidder's design or proposal handed in, with no system named -------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(
        [
            "have pitched designs",
            "have submitted proposals",
            "have lodged bids",
            "tabled offers",
            "have submitted bids",
        ]
    ),
    st.sampled_from(["Italy, Japan and Turkey", "Italy and Japan", "Japan, Turkey and Italy"]),
)
def test_bidders_without_a_system_offer_to_the_competition_buyer(verb: str, bidders: str) -> None:
    """Pattern "A, B and C have pitched designs" in an article about D's competition: each bidder
    offers D a system the sentence does not name (a system-less ``offered`` fact)."""
    text = _CONTEST + f"{bidders} {verb} in recent years, but the ministry has not said when it will decide."
    got = {(f[0], f[1], f[2], f[3]) for f in facts(text, PUB)}
    assert ("ITA", "PER", None, "offered") in got
    assert ("JPN", "PER", None, "offered") in got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["have praised the design", "have pitched in to help", "have designed their own"]))
def test_no_bid_handed_in_is_no_offer(verb: str) -> None:
    """Limit: a sentence that hands in no design, proposal or bid ("A and B have praised the design")
    gives the bidders no offer."""
    text = _CONTEST + f"Italy and Japan {verb}, officials said."
    assert not any(f[0] in ("ITA", "JPN") for f in facts(text, PUB))


# -- a later clause's bidders beside an offer with a system -------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(
        ["has pitched its F-110 frigate", "has offered the F-110 design", "offered its F-110 frigate"]
    ),
    st.sampled_from(
        [
            "and Japanese officials have also presented a proposal during visits to Lima",
            "and Japan's Mitsubishi has submitted a bid",
            "while Japan has also tabled proposals",
        ]
    ),
)
def test_a_later_clause_bidder_offers_the_same_buyer(first: str, later: str) -> None:
    """Pattern "A's yard has pitched its X, and B's officials have also presented a proposal": B bids
    for the same buyer as A, with a system the sentence does not name (a system-less ``offered``)."""
    text = _CONTEST + f"Spain's Navantia {first}, {later}."
    got = {(f[0], f[1], f[2], f[3]) for f in facts(text, PUB)}
    assert ("JPN", "PER", None, "offered") in got


def test_a_later_clause_without_a_bid_offers_nothing() -> None:
    """Limit: a later clause that hands in no bid ("and B's officials have visited the yard") makes B
    no bidder."""
    text = (
        _CONTEST
        + "Spain's Navantia has pitched its F-110 frigate, and Japanese officials have visited the yard."
    )
    assert not any(f[0] == "JPN" for f in facts(text, PUB))
