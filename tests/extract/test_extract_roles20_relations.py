"""Stated supplier relations in the wordings news uses for them (issue 13, helper roles20).

Why: a standing supplier relation ("X is Y's main arms supplier") is a fact of its own (labelling
rule 5: ``unknown``), and reports state it with a rank ("the second-largest supplier"), a comparative
("one of Y's larger suppliers"), a perfect with a time phrase ("has for decades been", "has become")
or a plural noun ("one of Y's main sources of naval hardware").  A ranked supplier "after Z" also
says Z supplies Y.  Each test says the pattern in its own words; negative cases pin its limits.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts, triples

PUB = date(2025, 3, 14)

_SUPPLIERS = [("France", "FRA"), ("Germany", "DEU"), ("China", "CHN"), ("Turkey", "TUR")]
_BUYERS = [("Egypt", "EGY"), ("Pakistan", "PAK"), ("Vietnam", "VNM"), ("Qatar", "QAT")]


def _pairs(text: str) -> set[tuple[str | None, str]]:
    return {(s, b) for s, b, _ in triples(text, PUB)}


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_SUPPLIERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(
        [
            "has become one of {b}'s larger arms suppliers",
            "has for decades been {b}'s largest source of weapons",
            "has for many years been one of {b}'s main suppliers",
            "remains one of {b}'s main sources of naval hardware",
            "is {b}'s second-largest arms supplier",
            "was {b}'s third biggest weapons supplier",
            "had become one of {b}'s bigger sources of military equipment",
        ]
    ),
)
def test_a_ranked_or_perfect_supplier_relation_is_a_fact(
    supplier: tuple[str, str], buyer: tuple[str, str], phrase: str
) -> None:
    """Pattern "X <be> (one of) Y's <rank> <supplier noun>": X supplies Y, whatever the rank word or
    the tense."""
    (s, s3), (b, b3) = supplier, buyer
    text = f"{s} {phrase.format(b=b)}, officials said on Tuesday."
    assert (s3, b3) in _pairs(text)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_SUPPLIERS),
    st.sampled_from(_BUYERS),
    st.sampled_from([("the United States", "USA"), ("Russia", "RUS"), ("Israel", "ISR")]),
    st.sampled_from(
        ["second-largest arms supplier", "third biggest weapons supplier", "second largest supplier"]
    ),
)
def test_the_state_a_ranked_supplier_comes_after_supplies_too(
    supplier: tuple[str, str], buyer: tuple[str, str], first: tuple[str, str], rank: str
) -> None:
    """Pattern "X is Y's second-largest supplier after Z": Z ranks first, so Z supplies Y as well."""
    (s, s3), (b, b3), (z, z3) = supplier, buyer, first
    pairs = _pairs(f"{s} is {b}'s {rank} after {z}.")
    assert (s3, b3) in pairs
    assert (z3, b3) in pairs


def test_after_a_plain_superlative_or_a_time_names_no_supplier() -> None:
    """Limits: "after" following an unranked relation, or followed by no state, adds no supplier."""
    assert ("RUS", "EGY") not in _pairs(
        "France became Egypt's main arms supplier after Russia left the market."
    )
    assert _pairs("Turkey is Iraq's second-largest arms supplier after years of growth.") == {("TUR", "IRQ")}


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_SUPPLIERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(
        [
            "relies on {s} for weapons",
            "has long relied on {s} for its arms",
            "has relied almost entirely on {s} for new weapons",
            "depends heavily on {s} for military equipment",
        ]
    ),
)
def test_a_buyer_relying_on_a_state_for_arms_states_the_relation(
    supplier: tuple[str, str], buyer: tuple[str, str], phrase: str
) -> None:
    """Pattern "Y relies on X for arms": X is Y's supplier (a standing relation, ``unknown``)."""
    (s, s3), (b, b3) = supplier, buyer
    text = f"{b} {phrase.format(s=s)} since the 1990s."
    assert (s3, b3, None, "unknown") in facts(text, PUB)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        [
            (("The US", "USA"), "Javelin missiles"),
            (("France", "FRA"), "Rafale jets"),
            (("Russia", "RUS"), "Su-30 fighters"),
        ]
    ),
    st.sampled_from(_BUYERS),
    st.sampled_from(["add to the aircraft it has sold", "sell more of the same systems"]),
)
def test_a_relation_beside_a_reference_to_the_deal_in_context_stays_a_systemless_fact(
    deal: tuple[tuple[str, str], str], buyer: tuple[str, str], wish: str
) -> None:
    """Pattern "B bought S's X. S has become one of B's main suppliers, and wants to <refer back>": the
    relation is a fact without a system even when the sentence refers back to the earlier deal."""
    ((s, s3), items), (b, b3) = deal, buyer
    text = (
        f"{b} has bought a few {items} for trials. {s} has become one of {b}'s main arms suppliers, and "
        f"its government wants to {wish}."
    )
    assert (s3, b3, None, "unknown") in facts(text, PUB)
