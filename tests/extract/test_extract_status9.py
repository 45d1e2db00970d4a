"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 9), in our own
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


# --- "A will buy N X" after the deal's clearance or contract: the deal's content, no talks -----------


@settings(max_examples=30, deadline=None)
@given(
    first=st.sampled_from(
        [
            "Chile's cabinet on Monday approved a plan to acquire 40 Leopard 2A8 tanks from Germany.",
            "Chile's cabinet on Monday cleared the purchase of 40 Leopard 2A8 tanks from Germany.",
            "Chile on Monday signed a contract with Germany for 40 Leopard 2A8 tanks.",
        ]
    ),
    intent=st.sampled_from(
        [
            "Under the plan, Chile will buy 12 of the Leopard 2A8 tanks straight off the German line.",
            "The government said it would buy the Leopard 2A8 tanks in two tranches.",
            "The Chilean army is set to buy the Leopard 2A8 tanks over four years.",
        ]
    ),
)
def test_a_purchase_told_ahead_of_a_cleared_deal_is_no_talks(first: str, intent: str) -> None:
    """ "A will buy N of the X" after the article's clearance or contract is that deal's content: no
    negotiating stage of its own (rule 5: negotiating is talks, negotiations, MoUs)."""
    got = _stages(f"{first} {intent}", "DEU", "CHL")
    assert "negotiating" not in got
    assert got & {"approved", "signed"}


def test_an_intent_after_a_choice_or_with_talks_keeps_its_stage() -> None:
    """After a buyer's mere choice the talks still follow; a sentence with talks words states them."""
    chose = (
        "Chile has selected the Leopard 2A8 tank from Germany. The government intends to buy 40 of the tanks."
    )
    assert "negotiating" in _stages(chose, "DEU", "CHL")
    talks = (
        "Chile on Monday signed a contract with Germany for 40 Leopard 2A8 tanks. "
        "Chile will buy more Leopard 2A8 tanks after talks with Germany on a second batch."
    )
    assert "negotiating" in _stages(talks, "DEU", "CHL")


def test_a_purchase_only_intended_stays_negotiating() -> None:
    """Without a cleared or signed deal in the article, a purchase told ahead keeps its reading."""
    assert _stages("Chile will buy 40 Leopard 2A8 tanks from Germany.", "DEU", "CHL") == {"negotiating"}
