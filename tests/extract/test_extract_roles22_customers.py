"""Earlier customers listed beside a deal (issue 13, round 22: buyers missed in customer lists), in
our own words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the newsset
fixtures), read with the labelling guidelines: a listed earlier customer of a named system bought it
from the system's maker state, at no stated stage (``unknown``) unless its own clause tells one.
"""

from __future__ import annotations

from datetime import date

from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)

#: (system as written, its maker state, a buyer of the lead sentence, a count noun)
_ITEMS = [
    ("Piranha 5", "CHE", "KEN", "vehicles"),
    ("CAESAR", "FRA", "PER", "howitzers"),
    ("K9 Thunder", "KOR", "GHA", "howitzers"),
    ("Bayraktar TB2", "TUR", "PHL", "drones"),
]
#: three later customers, none of them a maker above ("Spain" sells no listed item)
_CUSTOMERS = [("Denmark", "DNK"), ("Chile", "CHL"), ("Estonia", "EST"), ("Morocco", "MAR"), ("Qatar", "QAT")]


def _lead(item: tuple[str, str, str, str], n: int) -> str:
    system, _maker, buyer, noun = item
    name = {"KEN": "Kenya", "PER": "Peru", "GHA": "Ghana", "PHL": "The Philippines"}[buyer]
    return f"{name} has ordered {n} {system} {noun}, the ministry said on Monday."


@settings(max_examples=25, deadline=None)
@given(
    item=st.sampled_from(_ITEMS),
    names=st.permutations(_CUSTOMERS).map(lambda xs: xs[:3]),
    head=st.sampled_from(["Other customers for the", "Other buyers of the", "Existing customers of the"]),
    verb=st.sampled_from(["include", "included"]),
    n=st.integers(min_value=4, max_value=90),
)
def test_a_list_of_earlier_customers_of_a_named_system_is_kept(
    item: tuple[str, str, str, str], names: list[tuple[str, str]], head: str, verb: str, n: int
) -> None:
    """ "Other customers for the X include A, B and C": each listed state bought the named X (a list
    of three states beside a customer noun and the system's own name states each one's purchase; it
    is no background list of states)."""
    system, maker, _buyer, _noun = item
    (a, ia), (b, ib), (c, ic) = names
    text = f"{_lead(item, n)} {head} {system} {verb} {a}, {b} and {c}."
    buyers = {t[1] for t in claim_facts.triples(text, PUB) if t[0] == maker}
    assert {ia, ib, ic} <= buyers


@settings(max_examples=25, deadline=None)
@given(
    item=st.sampled_from(_ITEMS),
    names=st.permutations(_CUSTOMERS).map(lambda xs: xs[:3]),
    clause=st.sampled_from(
        [
            "which has ordered {k} of them",
            "which ordered {k} units in 2021",
            "which signed for {k} more last year",
        ]
    ),
    comma=st.sampled_from([", and ", " and "]),
    k=st.integers(min_value=3, max_value=60),
)
def test_a_customer_list_goes_on_after_a_relative_clause(
    item: tuple[str, str, str, str], names: list[tuple[str, str]], clause: str, comma: str, k: int
) -> None:
    """ "include A, which has ordered N of them, B, and C": the clause on A is A's own order, and the
    list goes on with B and C, earlier customers at no stated stage."""
    system, maker, _buyer, _noun = item
    (a, ia), (b, ib), (c, ic) = names
    rel = clause.format(k=k)
    text = f"{_lead(item, 12)} Other customers for the {system} include {a}, {rel}, {b}{comma}{c}."
    assert "signed" in claim_facts.stages(text, PUB, maker, ia)
    assert claim_facts.stages(text, PUB, maker, ib) == {"unknown"}
    assert claim_facts.stages(text, PUB, maker, ic) == {"unknown"}


def test_a_state_after_a_relative_clause_that_goes_on_is_no_customer() -> None:
    """ "include A, which bought it from B, C officials said": the list does not run to the sentence's
    end, so the state after the clause is no listed customer of the maker."""
    text = (
        "Kenya has ordered 12 Piranha 5 vehicles, the ministry said. Other customers for the Piranha 5 "
        "include Denmark, which had it from stocks, Estonia officials said on Friday."
    )
    buyers = {t[1] for t in claim_facts.triples(text, PUB) if t[0] == "CHE"}
    assert "EST" not in buyers
