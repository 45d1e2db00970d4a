"""An international organisation only named near a deal is no party to it, and a navy's hull prefix
is no organisation (issue 13, precision on fresh news).

Why: organisations appear in arms news as standard-setters ("meets NATO standards"), funders ("the
EU agreed to compensate B") and forums far more often than as buyers; with no word giving one a side
it came out as the buyer of the sentence's deal.  And a ship prefix that spells an organisation's
acronym ("RSS" before a Singapore hull's name) was read as that organisation.  The sentences below
are written for these tests (no labelled article's text).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.mentions import find_mentions
from tests.helpers.claim_facts import claims

PUB = date(2025, 6, 2)

SELLERS = ["Berlin", "Washington", "Paris"]
ITEMS = ["eight F-16 Block 70 jets", "14 Leopard 2A4 tanks", "six Rafale fighters", "20 CAESAR howitzers"]
VERBS = ["approved the sale of", "cleared the export of", "approved the delivery of"]
#: an organisation that funds a deal or whose standard an item meets: named, given no side
SHAPES = [
    "The European Union will pay {cap} {n} million euros under a separate scheme, and {s} {v} {item}.",
    "The EU is funding {n} million euros of the cost for {cap}, and {s} {v} {item}.",
    "{s} {v} {item}, which the maker says satisfy NATO standards.",
]
CAPITALS = ["Prague", "Sofia", "Vilnius"]


def _org_parties(text: str) -> list[dict]:
    return [
        c
        for c in claims(text, PUB)
        for p in (c["buyer"], c["supplier"])
        if p is not None and p["kind"] == "org"
    ]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seller", SELLERS)
def test_a_funder_or_standard_setter_is_no_party(shape: str, seller: str) -> None:
    """'The EU will pay B ..., and A approved the sale of X': the funder buys nothing."""
    text = shape.format(cap="Prague", n=120, s=seller, v=VERBS[0], item=ITEMS[1])
    assert _org_parties(text) == []


@settings(max_examples=25, deadline=None)
@given(
    shape=st.sampled_from(SHAPES),
    seller=st.sampled_from(SELLERS),
    item=st.sampled_from(ITEMS),
    verb=st.sampled_from(VERBS),
    capital=st.sampled_from(CAPITALS),
    amount=st.integers(min_value=20, max_value=900),
)
def test_an_organisation_only_named_is_never_a_party(
    shape: str, seller: str, item: str, verb: str, capital: str, amount: int
) -> None:
    """Whatever the seller, the verb, the item and the sum: an organisation that only funds, or
    whose standard an item meets, is no party of a claim."""
    assert _org_parties(shape.format(cap=capital, n=amount, s=seller, v=verb, item=item)) == []


def test_an_organisation_given_a_side_stays() -> None:
    """An organisation the text makes the buyer ("sold to NATO") keeps its side."""
    found = claims("Sweden sold two GlobalEye aircraft to NATO in 2024.", PUB)
    assert any(c["buyer"]["kind"] == "org" for c in found)


@pytest.mark.parametrize("hull", ["Valiant", "Resolute", "Tenacious", "Endeavour"])
def test_hull_prefix_is_no_organisation(hull: str) -> None:
    """'RSS <Name>': a ship, not the Caribbean Regional Security System."""
    text = f"RSS {hull} was handed over by a German shipbuilder earlier this year and sailed home."
    assert not [m for m in find_mentions(text) if m.kind == "party" and m.start == 0]
