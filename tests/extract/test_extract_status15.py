"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 15), in our own
words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the newsset
fixtures), read with the labelling guidelines (rule 5: negotiating is talks, negotiations, MoUs).
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


# --- "had planned to buy": a plan given up, no talks under way ------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    plan=st.sampled_from(
        [
            "Chile, which had planned to buy more Leopard 2A8 tanks from Germany, has instead ordered K2 tanks "
            "from South Korea.",
            "The decision cost Chile the 40 Leopard 2A8 tanks it had planned to acquire from Germany.",
            "Chile had originally intended to purchase more Leopard 2A8 tanks from Germany, but the money went "
            "to air defence.",
            "Chile had hoped to buy a second batch of Leopard 2A8 tanks from Germany before the budget was cut.",
        ]
    ),
    first=st.sampled_from(
        [
            "Chile took delivery of its first 20 Leopard 2A8 tanks from Germany in March.",
            "Chile received 20 Leopard 2A8 tanks from Germany last year.",
        ]
    ),
)
def test_a_plan_in_the_past_perfect_states_no_talks(plan: str, first: str) -> None:
    """ "A had planned to buy X" tells a plan the buyer gave up (or overtaken), not talks under way: no
    negotiating stage beside the delivery the article states."""
    got = _stages(f"{first} {plan}", "DEU", "CHL")
    assert "negotiating" not in got
    assert got & {"delivered", "delivering"}


@settings(max_examples=10, deadline=None)
@given(
    plan=st.sampled_from(
        [
            "Chile plans to buy 40 Leopard 2A8 tanks from Germany.",
            "Chile is planning to buy 40 Leopard 2A8 tanks from Germany.",
            "Chile intends to acquire 40 Leopard 2A8 tanks from Germany.",
        ]
    )
)
def test_a_plan_still_open_keeps_its_talks(plan: str) -> None:
    """A plan in the present is the purchase still ahead: negotiating."""
    assert "negotiating" in _stages(plan, "DEU", "CHL")
