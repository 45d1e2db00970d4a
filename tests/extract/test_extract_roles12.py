"""Who supplies and who buys (issue 13, helper roles12).

Why: real reports of donations and second-hand transfers name the giver as the subject of a plain
"give" ("A will give B N X") or through a pronoun ("A ...: it sold N X to B"); where the giver was
missed, the system's design state (its maker's home) took the seller's place, a wrong pair for any
re-export.  Each test states the pattern in its own words; negative cases pin its limits.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

_GIVERS = [("Portugal", "PRT"), ("Norway", "NOR"), ("Oslo", "NOR"), ("Lisbon", "PRT"), ("Chile", "CHL")]
_TAKERS = [("Ukraine", "UKR"), ("Kyiv", "UKR"), ("Moldova", "MDA"), ("Georgia", "GEO")]


def _pairs(text: str) -> set[tuple[str | None, str]]:
    return {(s, b) for s, b, _ in triples(text, PUB)}


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_GIVERS),
    st.sampled_from(_TAKERS),
    st.sampled_from(["will give", "is to give", "agreed to give", "would give"]),
    st.sampled_from(["four Leopard 2A4 tanks", "six M113 armoured personnel carriers"]),
)
def test_a_state_that_gives_another_its_equipment_is_the_supplier(
    giver: tuple[str, str], taker: tuple[str, str], verb: str, item: str
) -> None:
    """Pattern "A will give B N X": A hands over what it owns; the design state of X sells nothing."""
    (a, a3), (b, b3) = giver, taker
    text = f"The minister said {a} {verb} {b} {item} in the coming weeks."
    assert (a3, b3) in _pairs(text)
    assert not any(s not in (a3, None) for s, buyer in _pairs(text) if buyer == b3)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from([("Portugal", "PRT"), ("Norway", "NOR"), ("Chile", "CHL")]),
    st.sampled_from(_TAKERS),
    st.sampled_from(
        [
            "{a} has no tanks left since it retired its M60 fleet in 2021 and then sent 20 of them to {b}.",
            "{a} was the first to give {b} heavy armour when it handed over its only M60 battalion in 2022.",
            "{a} went further: it sold 20 of its M60 tanks to {b} for a token sum.",
            "In 2022, {a} emptied its depots after it donated its M60 tanks to {b}.",
        ]
    ),
)
def test_a_pronoun_that_hands_over_stands_for_the_sentence_subject(
    giver: tuple[str, str], taker: tuple[str, str], shape: str
) -> None:
    """Pattern "A ... when/since/: it sent (its) X to B": the pronoun is A, the giver, whoever built X."""
    (a, a3), (b, b3) = giver, taker
    assert (a3, b3) in _pairs(shape.format(a=a, b=b))
    assert ("USA", b3) not in _pairs(shape.format(a=a, b=b))


def test_a_pronoun_after_another_subject_state_is_not_read_back_to_the_first() -> None:
    """Negative: "A said that B agreed after it sent X to C": "it" may be B, A is not made the giver."""
    text = "Portugal said that Spain agreed to the plan after it sent its M60 tanks to Moldova."
    assert ("PRT", "MDA") not in _pairs(text)
