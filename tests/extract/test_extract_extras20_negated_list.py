"""Precision rule of extras20 (issue 13): a negated deal verb over a list of several rivals' items
("the A-ian X, the B-ian Y and the C-ian Z were never shortlisted") states no deal of any of them.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

_DAY = date(2025, 5, 20)
_ITEMS = "the Korean K2, the German Leopard 2 and the American Abrams"


@pytest.mark.parametrize(
    "sentence",
    [
        f"{_ITEMS} were never shortlisted by Peru, officials said.",
        f"Lawmakers in Lima complained that {_ITEMS} were not evaluated by Peru.",
        f"According to the ministry, {_ITEMS} were not tested by Peru before the choice.",
    ],
)
def test_a_negated_verb_over_several_rivals_is_no_deal(sentence: str) -> None:
    """No claim of Peru with any of the three makers."""
    text = sentence[0].upper() + sentence[1:]
    found = claim_facts.triples(text, _DAY)
    assert not any(t[1] == "PER" and t[0] in ("KOR", "DEU", "USA") for t in found), found


def test_a_single_negated_talk_keeps_its_own_reading() -> None:
    """The rule needs several parties: one pair with a negation is left to the other rules."""
    text = (
        "Peru signed for 24 Leopard 2 tanks from Germany in May, and deliveries will not start before 2027."
    )
    found = claim_facts.triples(text, _DAY)
    assert any(t[0] == "DEU" and t[1] == "PER" for t in found), found
