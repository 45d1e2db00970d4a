"""Deals missed whole: buyers told as examples of a group of customers (issue 13, helper missed20).

Why: reporting on an export success names a system's other buyers as the examples of a counted
group ("sold to more than a dozen countries, including A, B and C", "ordered by several air
forces, among them A and B") or puts the list before the group ("A, B and C are among the
countries that have bought it").  Each listed state is a buyer of the system from its supplier;
the verb states the stage (an order is signed, a bare sale or purchase is ``unknown``).  The
sentences are invented; negative cases pin the limit (no purchase verb, a mere choice).
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 3, 10)
LEAD = "Kenya signed a contract with Turkey for six Bayraktar TB2 drones. "
TB2 = "Bayraktar TB2"
STATES = [("Morocco", "MAR"), ("Nigeria", "NGA"), ("Poland", "POL"), ("Togo", "TGO"), ("Mali", "MLI")]


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1]


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["more than a dozen countries", "several African armies", "a number of air forces"]),
    st.sampled_from(["including", "such as", "among them"]),
    st.lists(st.sampled_from(STATES), min_size=2, max_size=3, unique=True),
)
def test_sale_to_a_counted_group_names_its_buyers(group: str, opener: str, states: list) -> None:
    """Pattern "S has sold the X to <a counted group>, including A and B": each example is a buyer
    of the X from S; a sale without its stage is ``unknown``."""
    got = facts(
        LEAD + f"Baykar has sold the TB2 to {group}, {opener} {_listed([n for n, _ in states])}.", PUB
    )
    for _, iso in states:
        assert ("TUR", iso, TB2, "unknown") in got


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["several European navies", "many countries", "at least five air forces"]),
    st.lists(st.sampled_from(STATES), min_size=2, max_size=3, unique=True),
)
def test_order_by_a_counted_group_is_signed(group: str, states: list) -> None:
    """Pattern "the X has been ordered by <a counted group>, including A and B": each listed state
    signed for the X."""
    got = facts(
        LEAD + f"The TB2 has also been ordered by {group}, including {_listed([n for n, _ in states])}.", PUB
    )
    for _, iso in states:
        assert ("TUR", iso, TB2, "signed") in got


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(
        [("have ordered", "signed"), ("have bought", "unknown"), ("to have purchased", "unknown")]
    ),
    st.lists(st.sampled_from(STATES), min_size=2, max_size=3, unique=True),
)
def test_states_among_the_buyers_of_the_system(verb: tuple[str, str], states: list) -> None:
    """Pattern "A, B and C are among the countries that have ordered the X": the list before the
    group, its purchase in the relative clause."""
    phrase, status = verb
    text = LEAD + f"{_listed([n for n, _ in states])} are among the countries that {phrase} the drone."
    if phrase.startswith("to"):
        text = text.replace("that ", "")
    got = facts(text, PUB)
    for _, iso in states:
        assert ("TUR", iso, TB2, status) in got


def test_a_group_without_a_purchase_names_no_buyer() -> None:
    """Limits: ties with a group of states, or states that only chose the system, state no purchase."""
    for tail in (
        "Turkey has close ties with several African countries, including Togo, Mali and Niger.",
        "Togo, Mali and Niger are among the countries that have chosen the drone.",
    ):
        got = facts(LEAD + tail, PUB)
        assert not {c for c in got if c[1] in ("TGO", "MLI", "NER")}, tail


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(
        ["has a backlog of 90 K9 howitzers", "has a backlog of more than 200 K9 howitzers, mostly for export"]
    ),
    st.sampled_from(["including orders from", "with orders from"]),
    st.lists(st.sampled_from(STATES), min_size=2, max_size=3, unique=True),
)
def test_listed_orders_of_a_system_the_article_sold_to_no_one_before(
    head: str, opener: str, states: list
) -> None:
    """Pattern "the maker has a backlog of N X, including orders from A and B" in an article with no
    earlier deal of X: each listed state ordered X from the state that makes it (its catalogue origin)."""
    got = facts(f"The company {head}, {opener} {_listed([n for n, _ in states])}.", PUB)
    for _, iso in states:
        assert ("KOR", iso, "K-9 Thunder 155mm", "signed") in got
