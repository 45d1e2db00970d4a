"""The ``status-sequences`` named query: impossible status sequences in article claims.

Runs on the embedded store and a real Oxigraph server, and agrees with the status part of
``kg contradictions`` (kg.analysis.contradictions) on the same fixture.
"""

from __future__ import annotations

import pytest
from helpers.paths import FIXTURES
from helpers.trig import load_trig_graphs

from kg.analysis.contradictions import find_contradictions
from kg.queries.named import run_named
from kg.vocab import ns

FIXTURE = FIXTURES / "status_sequences.trig"
ID, KG = str(ns.ID), str(ns.KG)


@pytest.fixture()
def seq_store(any_store):
    load_trig_graphs(any_store, FIXTURE)
    return any_store


def rows(store, **params):
    result = run_named(store, "status-sequences", {k: str(v) for k, v in params.items()})
    short = lambda t: str(t).replace(ID, "").replace(KG, "kg:") if t is not None else None  # noqa: E731
    return result.variables, [tuple(short(t) for t in r) for r in result.rows]


def test_impossible_sequences_and_only_those(seq_store) -> None:
    variables, found = rows(seq_store)
    assert variables == [
        "deal",
        "earlierStatus",
        "earlierYear",
        "earlierSource",
        "earlierEvidence",
        "laterStatus",
        "laterYear",
        "laterSource",
        "laterEvidence",
    ]
    assert [(r[0], r[1], r[2], r[5], r[6]) for r in found] == [
        # signed (2019, the article's date) then only negotiating (its event date, 2021)
        ("deal/rafale-m-ind", "kg:Signed", "2019", "kg:Negotiating", "2021"),
        # cancelled (latest event date, 2021) then delivering (2023)
        ("deal/su35-idn", "kg:Cancelled", "2021", "kg:Delivering", "2023"),
    ]
    assert found[0][4] == "India signed for 26 Rafale-M fighters."
    assert found[1][8] == "The first Su-35s have arrived."


def test_filters_by_party(seq_store) -> None:
    assert [r[0] for r in rows(seq_store, buyer="Indonesia")[1]] == ["deal/su35-idn"]
    assert [r[0] for r in rows(seq_store, supplier="France")[1]] == ["deal/rafale-m-ind"]
    assert rows(seq_store, buyer="India", supplier="Russia")[1] == []


def test_agrees_with_kg_contradictions(seq_store) -> None:
    by_library = {tuple(sorted(c.deals)) for c in find_contradictions(seq_store) if c.field == "status"}
    by_query = {(f"{ID}{r[0]}",) for r in rows(seq_store)[1]}
    assert by_library == by_query
