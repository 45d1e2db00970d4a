"""Parties read where the text names none, and buyers lost to them (issue 13, helper missed20).

Why: a value written "US$120 million" opens with the letters of a state's short name; read as a
mention, the United States is counted toward the article's subject and becomes the buyer that a
sentence naming only a bidder takes from the article (the focus).  A currency is no party.  The
sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.mentions import find_mentions
from tests.helpers.claim_facts import facts

PUB = date(2025, 3, 10)


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=2, max_value=900), st.sampled_from(["million", "billion", "bn", "m"]))
def test_a_dollar_value_names_no_state(amount: int, unit: str) -> None:
    """Pattern "US$N million": the currency's prefix is not a mention of the United States."""
    text = f"The contract is worth US${amount} {unit}, the ministry said."
    assert not [m for m in find_mentions(text) if m.kind == "party" and m.iso3 == "USA"]


@settings(max_examples=10, deadline=None)
@given(st.sampled_from([("Saab", "Gripen", "SWE"), ("Dassault", "Rafale", "FRA")]))
def test_dollar_values_do_not_become_the_articles_buyer(bidder: tuple[str, str, str]) -> None:
    """A bid told without its buyer takes the article's subject (Peru), not the currency's state."""
    firm, system, iso = bidder
    text = (
        "Peru has chosen a new fighter worth US$900 million. The ministry said US$40 million was paid "
        f"up front. {firm} offered its {system}."
    )
    got = facts(text, PUB)
    assert (iso, "PER", system, "offered") in got
    assert not [f for f in got if f[1] == "USA"]


def test_the_united_states_is_still_a_party() -> None:
    """Limit: the state named in full or as "the US" stays a party."""
    for text in ("The US approved the sale.", "The United States approved the sale for US$5 million."):
        assert [m for m in find_mentions(text) if m.kind == "party" and m.iso3 == "USA"], text
