"""Precision rule of extras20 (issue 13): a demonym that qualifies a generic item in a later clause
("... and has bought Chinese drones") is not the seller of the named system told before it.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

_DAY = date(2025, 6, 2)

#: (buyer, iso3, seller of the named system, its iso3, named system, other demonym, its iso3, generic item)
_CASES = [
    ("Egypt", "EGY", "France", "FRA", "Rafale", "Chinese", "CHN", "surveillance drones"),
    ("Indonesia", "IDN", "South Korea", "KOR", "KF-21", "Turkish", "TUR", "patrol boats"),
    ("Qatar", "QAT", "the United States", "USA", "F-15EX", "Italian", "ITA", "corvettes"),
]


@pytest.mark.parametrize(("buyer", "b_iso", "seller", "s_iso", "system", "demonym", "d_iso", "item"), _CASES)
@pytest.mark.parametrize("verb", ["has bought", "took delivery of", "has ordered"])
def test_a_demonym_of_a_later_generic_item_is_not_the_named_system_s_seller(
    buyer: str,
    b_iso: str,
    seller: str,
    s_iso: str,
    system: str,
    demonym: str,
    d_iso: str,
    item: str,
    verb: str,
) -> None:
    """The named system's maker is another state than the demonym's: the demonym describes the
    later generic item only."""
    text = (
        f"{buyer} is in talks with {seller} over more {system} jets, and it {verb} {demonym} {item} as well."
    )
    found = claim_facts.triples(text, _DAY)
    assert not any(t[0] == d_iso and t[2] is not None and t[2].startswith(system[:3]) for t in found), found


def test_a_demonym_of_a_later_mention_of_the_same_system_still_names_its_seller() -> None:
    """A demonym right before a second mention of the same system ("the Pakistani-built JF-17s")
    qualifies that system: it stays its seller."""
    text = (
        "The panel says Pakistan sent JF-17 spare parts, and that the Pakistani JF-17 jets Myanmar received "
        "in 2019 were grounded for months."
    )
    found = claim_facts.triples(text, _DAY)
    assert any(t[0] == "PAK" and t[1] == "MMR" for t in found), found
