"""Two coordinate clauses, each with its own actor, tell two deals: no pair across them.

Why: roundups chain deals in one sentence ("A's yard is building patrol ships for B, and C's firm
has offered submarines to D"; "several states curbed arms trade with A; C suspended licences").
With no system named, nothing but the clause ties a party to a deal, and the role step paired the
actor of one clause with the party of the other.  Each clause's own pair is still read.
"""

from __future__ import annotations

import pytest

from kg.extract import extract_text


def _pairs(text: str) -> set[tuple[str | None, str]]:
    return {(c.supplier.iso3 if c.supplier else None, c.buyer.iso3) for c in extract_text(text)}


@pytest.mark.parametrize(
    ("text", "kept", "crossed"),
    [
        (
            "Germany's Lürssen is building offshore patrol vessels for Ghana, and Turkey's STM has offered "
            "corvettes to Nigeria.",
            {("TUR", "NGA")},
            {("DEU", "NGA"), ("TUR", "GHA")},
        ),
        (
            "Italy's Leonardo is supplying helicopters to Kenya, and Sweden's Saab has offered radars to Tanzania.",
            {("ITA", "KEN"), ("SWE", "TZA")},
            {("SWE", "KEN"), ("ITA", "TZA")},
        ),
        (
            "Spain's Navantia is building two patrol ships for Peru, and France's Naval Group has offered "
            "submarines to Chile as part of a wider package.",
            {("FRA", "CHL")},
            {("ESP", "CHL")},
        ),
        (
            "Several states have curbed arms trade with Turkey; Canada suspended a dozen export licences in May.",
            set(),
            {("TUR", "CAN")},
        ),
    ],
)
def test_no_pair_across_two_actors_clauses(
    text: str, kept: set[tuple[str, str]], crossed: set[tuple[str, str]]
) -> None:
    pairs = _pairs(text)
    assert kept <= pairs
    assert not crossed & pairs


def test_one_clause_keeps_its_pair() -> None:
    assert ("FRA", "CHL") in _pairs("France's Naval Group has offered submarines to Chile.")
