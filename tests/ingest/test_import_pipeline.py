"""The one import pipeline (kg.ingest.pipeline): every importer gives the same report shape
and the same outcomes (added, unchanged, replaced, refused with file and line), through one
unchanged check, one all-or-nothing write per input, base graphs and relinking."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.paths import FIXTURES
from rdflib import URIRef

from kg.errors import InputError
from kg.ingest.articles import ArticleOutcome, import_articles
from kg.ingest.curated import CuratedOutcome, import_curated
from kg.ingest.pipeline import (
    ADDED,
    REFUSED,
    REPLACED,
    UNCHANGED,
    Importer,
    ImportReport,
    InputOutcome,
    Prepared,
    run_import,
)
from kg.ingest.rdf import import_rdf
from kg.ingest.sipri.importer import FileReport, import_sipri
from kg.io.resources import data_path
from kg.store import Store
from kg.vocab.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH

SIPRI = FIXTURES / "sipri" / "register17_crlf.csv"
ARTICLE = FIXTURES / "articles" / "australia_mogami.md"


def _quads(store: Store) -> list[str]:
    rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    return sorted(" ".join(r[k].n3() for k in ("g", "s", "p", "o")) for r in rows)


def _copy(src: Path, tmp_path: Path, name: str | None = None) -> Path:
    dest = tmp_path / (name or src.name)
    shutil.copyfile(src, dest)
    return dest


def _rdf(tmp_path: Path) -> Path:
    path = tmp_path / "one.nt"
    path.write_text('<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n')
    return path


IMPORTERS = {
    "articles": (lambda s, p: import_articles(s, [p], link_after=False), ARTICLE, ArticleOutcome),
    "sipri": (lambda s, p: import_sipri(s, [p], link_after=False), SIPRI, FileReport),
    "rdf": (lambda s, p: import_rdf(s, [p]), None, InputOutcome),
    "curated": (
        lambda s, p: import_curated(s, p),
        sorted(data_path("facts").glob("*.csv"))[0],
        CuratedOutcome,
    ),
}


@pytest.mark.parametrize("kind", list(IMPORTERS))
def test_every_importer_reports_added_then_unchanged(store: Store, tmp_path: Path, kind: str) -> None:
    run, source, record = IMPORTERS[kind]
    path = _copy(source, tmp_path) if source else _rdf(tmp_path)
    first = run(store, path)
    assert isinstance(first, ImportReport)
    [outcome] = first.inputs
    assert isinstance(outcome, record) and outcome.outcome == ADDED, outcome
    assert outcome.graphs and first.graphs == outcome.graphs and outcome.triples > 0
    assert {ONTOLOGY_GRAPH, REFERENCE_GRAPH} <= set(first.base_graphs)
    before = _quads(store)
    again = run(store, path)
    assert [i.outcome for i in again.inputs] == [UNCHANGED]
    assert again.graphs == [] and again.base_graphs == [] and not again.errors
    assert _quads(store) == before  # a re-import of the same input changes nothing


def test_a_changed_input_is_replaced(store: Store, tmp_path: Path) -> None:
    path = _rdf(tmp_path)
    import_rdf(store, [path])
    path.write_text('<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "B" .\n')
    report = import_rdf(store, [path])
    assert [i.outcome for i in report.inputs] == [REPLACED]
    labels = {
        str(r["l"])
        for r in store.select("SELECT ?l WHERE { GRAPH ?g { ?s ?p ?l } }")
        if str(r["l"]) in ("A", "B")
    }
    assert labels == {"B"}


@pytest.mark.parametrize("kind", ["articles", "sipri", "rdf", "curated"])
def test_a_missing_file_is_refused_naming_it_and_the_rest_goes_on(
    store: Store, tmp_path: Path, kind: str
) -> None:
    run, source, _ = IMPORTERS[kind]
    good = _copy(source, tmp_path) if source else _rdf(tmp_path)
    missing = tmp_path / ("missing" + good.suffix)
    if kind == "curated":  # one table per call
        bad, ok = run(store, missing), run(store, good)
        report = ImportReport(inputs=[*bad.inputs, *ok.inputs])
    else:
        report = _run_many(kind, store, [missing, good])
    outcomes = {Path(i.source).name: i.outcome for i in report.inputs}
    assert outcomes[missing.name] == REFUSED and outcomes[good.name] == ADDED, outcomes
    [error] = report.errors
    assert isinstance(error, InputError) and str(error).startswith(str(missing))


def _run_many(kind: str, store: Store, paths: list[Path]) -> ImportReport:
    if kind == "articles":
        return import_articles(store, paths, link_after=False)
    if kind == "sipri":
        return import_sipri(store, paths, link_after=False)
    return import_rdf(store, paths)


def test_a_refusal_names_file_and_line(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b .\n")
    report = import_rdf(store, [bad, _rdf(tmp_path)])
    [refused] = report.refused
    assert (refused.source, refused.line) == (str(bad), 3)
    assert str(report.errors[0]).startswith(f"{bad}:3: malformed")
    assert [i.outcome for i in report.written] == [ADDED]


class _TwoGraphs(Importer):
    """A test importer: each input writes two graphs; a guard refuses the ones named 'worse'."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def inputs(self) -> Iterator[Prepared | InputError]:
        for name in self.names:
            if name == "unreadable":
                yield InputError("cannot read", name, 7)
                continue
            graphs = {
                URIRef(
                    f"https://example.org/{name}/{i}"
                ): f'<https://example.org/s> <https://example.org/p> "{name}{i}" .\n'.encode()
                for i in (1, 2)
            }
            yield Prepared(InputOutcome(source=name), graphs=graphs)

    def guard(self, store: Store, prepared: Prepared) -> str | None:
        return "worse than stored" if prepared.record.source == "worse" else None


def test_guard_refusal_writes_nothing_and_inputs_are_written_whole(store: Store) -> None:
    report = run_import(store, _TwoGraphs(["one", "worse", "unreadable", "two"]))
    assert {i.source: i.outcome for i in report.inputs} == {
        "one": ADDED,
        "worse": REFUSED,
        "unreadable": REFUSED,
        "two": ADDED,
    }
    assert [str(e) for e in report.errors] == ["worse: worse than stored", "unreadable:7: cannot read"]
    graphs = {str(r["g"]) for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert not any("/worse/" in g for g in graphs)
    assert {g for g in graphs if g.startswith("https://example.org/")} == {
        f"https://example.org/{n}/{i}" for n in ("one", "two") for i in (1, 2)
    }
    forced = run_import(store, _TwoGraphs(["worse", "one"]), force=True)
    assert [i.outcome for i in forced.inputs] == [ADDED, REPLACED]


def test_an_import_that_refuses_everything_leaves_the_store_empty(store: Store) -> None:
    report = run_import(store, _TwoGraphs(["worse", "unreadable"]))
    assert len(report.refused) == 2 and report.base_graphs == []
    assert _quads(store) == []


def test_sipri_import_alone_leaves_ontology_and_reference_graphs(store: Store) -> None:
    report = import_sipri(store, [SIPRI])
    assert [i.outcome for i in report.inputs] == [ADDED]
    graphs = {str(r["g"]) for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)} <= graphs
