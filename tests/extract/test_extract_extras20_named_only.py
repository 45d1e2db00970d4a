"""Precision rule of extras20 (issue 13): two states only named near an item, with no word that ties
either to a deal and no stage word, state no transfer.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

_DAY = date(2025, 2, 3)

#: (buyer, buyer iso3, seller, seller iso3, two of the seller's items)
_CASES = [
    ("Egypt", "EGY", "France", "FRA", "Rafale jets", "Mistral ships"),
    ("Indonesia", "IDN", "France", "FRA", "Rafale jets", "Scorpene submarines"),
    ("Brazil", "BRA", "Sweden", "SWE", "Gripen fighters", "Carl Gustaf launchers"),
]


@pytest.mark.parametrize(("buyer", "b_iso", "seller", "s_iso", "item1", "item2"), _CASES)
def test_states_only_named_beside_items_are_no_deal(
    buyer: str, b_iso: str, seller: str, s_iso: str, item1: str, item2: str
) -> None:
    """ "B's commentators link A with weapons such as X or Y": no role cue, no stage: no claim."""
    text = f"{buyer}'s commentators often link {seller} with weapons such as {item1} or {item2}."
    found = claim_facts.triples(text, _DAY)
    assert not any(t[0] == s_iso and t[1] == b_iso for t in found), found


def test_a_named_pair_with_a_stage_word_is_still_read() -> None:
    """The same two states with a stage word ("delivered") keep their claim."""
    text = "Egypt's commentators often link France with the Rafale jets delivered to Cairo in 2016."
    found = claim_facts.triples(text, _DAY)
    assert any(t[0] == "FRA" and t[1] == "EGY" for t in found), found
