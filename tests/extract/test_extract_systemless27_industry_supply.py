"""The habitual present of a state's industry: "A-ian companies still sell ammunition to B" (issue 13,
helper systemless27).

Why: news tells a standing supply by a state's firms in the plural present ("A-ian firms supply B
with optics", "A-ian manufacturers still sell shells to B").  The bare plural "sell"/"supply" was no
stage word (only "sells"/"supplies" were), so the pair got no claim; the labelling guidelines make it
a fact with no system and status ``unknown`` (a purchase without its stage, a standing supply), and a
stated relation of its own beside the pair's named deals.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 5, 20)

_SELLERS = [("Czech", "CZE"), ("Bulgarian", "BGR"), ("Serbian", "SRB")]
_BUYERS = [("Ukraine", "UKR"), ("Kenya", "KEN"), ("Peru", "PER")]
_SHAPES = [
    "{a} companies still sell artillery shells to {b} on commercial terms.",
    "In return, {a} firms supply {b} with optics and radios for its armoured vehicles.",
    "{a} manufacturers also export mortar rounds to {b}, officials said.",
]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_SELLERS), st.sampled_from(_BUYERS), st.sampled_from(_SHAPES))
def test_industry_habitual_supply_is_a_standing_fact(
    seller: tuple[str, str], buyer: tuple[str, str], shape: str
) -> None:
    """Pattern "<demonym> companies/firms (still) sell/supply ... to B": a system-less unknown claim."""
    got = claims(shape.format(a=seller[0], b=buyer[0]), PUB)
    assert any(
        c["supplier"]
        and (c["supplier"]["iso3"], c["buyer"]["iso3"]) == (seller[1], buyer[1])
        and not c["system"]
        and c["status"] == "unknown"
        for c in got
    ), got


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(_SELLERS), st.sampled_from(_BUYERS))
def test_standing_supply_beside_a_named_deal(seller: tuple[str, str], buyer: tuple[str, str]) -> None:
    """Pattern "A sent N X to B. A-ian companies still sell shells to B": the standing supply is a
    fact of its own beside the named deal, not that deal told again."""
    country = {"CZE": "Czechia", "BGR": "Bulgaria", "SRB": "Serbia"}[seller[1]]
    text = (
        f"{country} sent 13 MiG-29 fighters to {buyer[0]} in 2023. "
        f"{seller[0]} companies still sell artillery shells to {buyer[0]} on commercial terms."
    )
    got = claims(text, PUB)
    assert any(c["system"] for c in got)
    assert any(
        c["supplier"]
        and (c["supplier"]["iso3"], c["buyer"]["iso3"]) == (seller[1], buyer[1])
        and not c["system"]
        for c in got
    ), got


def test_an_infinitive_is_no_habitual_supply() -> None:
    """Guard: "A-ian companies hope to sell X to B" states no supply."""
    text = "Serbian companies hope to sell artillery shells to Kenya."
    assert not any(c["supplier"] and c["supplier"]["iso3"] == "SRB" for c in claims(text, PUB))
