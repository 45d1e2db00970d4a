"""A supplier relation whose buyer is a possessive pronoun (issue 13, helper systemless27).

Why: news names the buyer first and then states its standing supplier relation with a pronoun
("B's dependence on A, which supplied 70 per cent of its arms imports", "with A supplying most of
their weapons", "though A remained its largest supplier").  The labelling guidelines make such a
relation a fact with no system and status ``unknown``; the pairwise reading needs both states named
around the relation noun and missed it.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 6, 2)

_BUYERS = [("Kenya", "KEN"), ("Peru", "PER"), ("Vietnam", "VNM")]
_SUPPLIERS = [("Italy", "ITA"), ("Brazil", "BRA"), ("Sweden", "SWE")]
_SHAPES = [
    "{b}'s dependence on {a}, which supplied about {n} per cent of its major arms imports, is growing.",
    "{b}'s reliance on {a}, which accounted for {n}% of its weapons imports, has drawn criticism.",
    "{b}'s purchases of helicopters have slowed, though {a} remained its biggest supplier in the period.",
    "{b} is cutting its defence budget and moving away from {a}, its traditional arms supplier.",
    "{b} ranked among the ten largest importers, with {a} supplying most of its arms.",
]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_BUYERS),
    st.sampled_from(_SUPPLIERS),
    st.sampled_from(_SHAPES),
    st.integers(min_value=30, max_value=90),
)
def test_pronoun_owned_relation_names_the_earlier_state(
    buyer: tuple[str, str], supplier: tuple[str, str], shape: str, n: int
) -> None:
    """Pattern "B ..., A (which) supplied N% of its imports / remained its main supplier": A sells to B."""
    text = shape.format(b=buyer[0], a=supplier[0], n=n)
    got = claims(text, PUB)
    assert any(
        c["supplier"]
        and c["supplier"]["iso3"] == supplier[1]
        and c["buyer"]["iso3"] == buyer[1]
        and not c["system"]
        and c["status"] == "unknown"
        for c in got
    ), got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_SUPPLIERS))
def test_their_takes_the_whole_list(supplier: tuple[str, str]) -> None:
    """Pattern "B and C were large importers, with A supplying most of their arms": A supplies both."""
    text = (
        f"Kenya and Peru were among the largest importers, with {supplier[0]} supplying most of their arms."
    )
    pairs = {(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in claims(text, PUB) if c["supplier"]}
    assert {(supplier[1], "KEN"), (supplier[1], "PER")} <= pairs


def test_a_demonym_is_no_owner() -> None:
    """Guard: "A-ian jets ... B, its main supplier": the pronoun's state is a named state, never the
    demonym of goods; with no named state before the supplier, no relation is read."""
    text = "The Italian jets arrived late, and Brazil, its main supplier, said nothing."
    assert not any(
        c["supplier"] and c["supplier"]["iso3"] == "BRA" and c["buyer"]["iso3"] == "ITA"
        for c in claims(text, PUB)
    )
