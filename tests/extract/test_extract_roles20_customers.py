"""Earlier customers of an item named by an example list (issue 13, helper roles20).

Why: a report on one deal often names the item's other buyers as examples of a counted noun: "the
firm has sold the X to more than a dozen countries, including A, B and C", "a backlog of N X,
including orders from A and B", "A, B and C are among the countries that have ordered the system".
Each listed state bought the item from its supplier: a fact of its own, with the stage the phrase's
verb gives (a bare sale ``unknown``, an order ``signed``).  The list's states are not parties to the
sentence's other deal.  Each test says the pattern in its own words; negative cases pin its limits.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 9, 8)

_DEALS = [
    ("Kongsberg", "NOR", "NASAMS"),
    ("Dassault", "FRA", "Rafale"),
    ("Diehl Defence", "DEU", "IRIS-T SLM"),
]
_FIRST = [("Qatar", "QAT"), ("Greece", "GRC"), ("Egypt", "EGY")]
_LISTS = [
    (("Spain", "ESP"), ("Chile", "CHL"), ("Oman", "OMN")),
    (("Peru", "PER"), ("Kenya", "KEN"), ("Estonia", "EST")),
    (("Brazil", "BRA"), ("Latvia", "LVA"), ("Mexico", "MEX")),
]


def _pairs_with(text: str, status: str) -> set[tuple[str | None, str]]:
    return {(s, b) for s, b, _, st_ in facts(text, PUB) if st_ == status}


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_DEALS),
    st.sampled_from(_FIRST),
    st.sampled_from(_LISTS),
    st.sampled_from(["more than a dozen", "at least 12", "several", "about ten"]),
    st.sampled_from(["countries", "nations", "customers"]),
)
def test_a_sale_to_counted_states_including_a_list(
    deal: tuple[str, str, str], first: tuple[str, str], listed: tuple, count: str, noun: str
) -> None:
    """Pattern "<firm> has sold the X to <count> <states>, including A, B and C": each is a buyer
    (a bare sale: ``unknown``)."""
    firm, s3, system = deal
    b = first[0]
    text = (
        f"{firm} delivered the {system} to {b} last year. The company has sold the {system} to {count} {noun}, "
        f"including {listed[0][0]}, {listed[1][0]} and {listed[2][0]}."
    )
    pairs = _pairs_with(text, "unknown")
    for _, x3 in listed:
        assert (s3, x3) in pairs


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(_DEALS), st.sampled_from(_FIRST), st.sampled_from(_LISTS))
def test_a_backlog_including_orders_from_a_list(
    deal: tuple[str, str, str], first: tuple[str, str], listed: tuple
) -> None:
    """Pattern "a backlog of N X, including orders from A, B and C": each state ordered X (``signed``)."""
    firm, s3, system = deal
    b = first[0]
    text = (
        f"{b} signed a contract for 12 {system} systems from {firm}. {firm} has a backlog of more than 90 "
        f"{system} units, mostly for export, including orders from {listed[0][0]}, {listed[1][0]} and "
        f"{listed[2][0]}."
    )
    pairs = _pairs_with(text, "signed")
    for _, x3 in listed:
        assert (s3, x3) in pairs


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_DEALS),
    st.sampled_from(_FIRST),
    st.sampled_from(_LISTS),
    # "are among the countries that operate it" is a fleet in service, no fact (labelling guidelines); the
    # merge kept missed20's reading of these lists, which states no stage for it
    st.sampled_from([("ordered", "signed")]),
    st.sampled_from(["the system", "it"]),
)
def test_a_list_among_the_countries_that_have_ordered_the_system(
    deal: tuple[str, str, str], first: tuple[str, str], listed: tuple, verb: tuple[str, str], obj: str
) -> None:
    """Pattern "A, B and C are among the countries that have ordered the system": the list comes before
    the phrase and refers back to the deal in context; each state bought its system from its supplier."""
    firm, s3, system = deal
    b = first[0]
    word, status = verb
    aux = "have " if word == "ordered" else ""
    text = (
        f"{b} signed a contract for 12 {system} systems from {firm}. {listed[0][0]}, {listed[1][0]} and "
        f"{listed[2][0]} are among the countries that {aux}{word} {obj}."
    )
    pairs = _pairs_with(text, status)
    for _, x3 in listed:
        assert (s3, x3) in pairs


def test_a_list_of_prospective_or_unrelated_states_is_no_customer() -> None:
    """Limits: a list after a count of states with no sale verb, or "orders" not from states, adds no
    buyer; nor a list of states that are among those that "criticised" the deal."""
    text = (
        "Qatar signed a contract for 12 NASAMS systems from Kongsberg. Spain, Chile and Oman are among the "
        "countries that criticised the deal."
    )
    assert not {b for _, b, _, _ in facts(text, PUB)} & {"ESP", "CHL", "OMN"}
    text = (
        "Qatar signed a contract for 12 NASAMS systems from Kongsberg. The firm has held talks with several "
        "countries, including Spain, Chile and Oman."
    )
    assert not {(s, b) for s, b, _, st_ in facts(text, PUB) if st_ in ("signed", "unknown", "delivered")} & {
        ("NOR", "ESP"),
        ("NOR", "CHL"),
        ("NOR", "OMN"),
    }
