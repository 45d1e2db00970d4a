"""A state named before "arms sales" inside a prepositional phrase is the sales' market, not their seller
(issue 13, roles): "The United States approved $2 billion in Taiwan arms sales" sells to Taiwan.

Before, the bare name was read as the subject of "sales" (a seller) and the approver as its buyer: a
reversed pair the model was confident about.  Own-words sentences of the general pattern.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Article, extract


def _pairs(text: str) -> set[tuple]:
    return {
        (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
        for c in extract(Article(text=text))
        if not c.negated
    }


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["The United States", "Washington", "The US State Department"]),
    st.sampled_from(["approved", "cleared", "green-lit"]),
    st.sampled_from(["$2 billion in", "a new round of", "$300 million of"]),
    st.sampled_from([("Taiwan", "TWN"), ("the Philippines", "PHL"), ("Poland", "POL")]),
)
def test_the_state_before_arms_sales_in_a_phrase_buys(approver: str, verb: str, amount: str, market) -> None:
    name, iso3 = market
    text = f"{approver} {verb} {amount} {name} arms sales on Friday, including 100 Harpoon coastal defence systems."
    got = _pairs(text)
    assert ("USA", iso3, "Harpoon") in got, got
    assert (iso3, "USA", "Harpoon") not in got


def test_arms_sales_to_a_state_keep_the_seller_before_them() -> None:
    """ "US arms sales to B": the state before "arms sales" sells when "to" names the buyer."""
    got = _pairs("US arms sales to Taiwan include 60 Harpoon missiles.")
    assert ("USA", "TWN", "Harpoon") in got, got
