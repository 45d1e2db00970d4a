"""General patterns of missed deals on real news (issue 13, helper recall5).

Why: missed deals are nearly half of the extractor's errors on real news.  Each test states one
missed pattern in its own words, with parties and systems no labelled article pairs, so the rule that
passes it fixes the class, not one article; negative cases pin its limit.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 6, 2)


# -- signing idioms ------------------------------------------------------------------------------------

SIGNING_IDIOMS = st.sampled_from(
    [
        "put pen to paper with Spain on",
        "put its signature on a contract with Spain for",
        "put their signatures to a deal with Spain for",
        "signed a contract with Spain for",
    ]
)


@settings(max_examples=20, deadline=None)
@given(SIGNING_IDIOMS)
def test_signing_idioms_are_a_signed_purchase(idiom: str) -> None:
    """Pattern "A put pen to paper with B on N X" / "A put its signature on a contract for N X": an
    idiom of signing says what "signed" says (a signed deal of A buying X from B)."""
    got = facts(f"Last week Chile {idiom} 12 Leopard 2A6 tanks.", PUB)
    assert ("ESP", "CHL", "Leopard-2A6", "signed") in got


def test_a_pen_put_down_for_no_deal_is_no_signing() -> None:
    """Negative: "put pen to paper" of a letter names no item and makes no claim."""
    assert facts("The minister put pen to paper on a letter to his Spanish colleague.", PUB) == set()
