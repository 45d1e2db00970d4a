"""Every importer leaves the ontology and reference graphs in the store (the import pipeline ensures them).

Why: before, only ``kg import articles`` loaded them, so a store filled by ``kg import sipri``
alone had no ontology and no reference graph.  Re-importing the same input changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers.paths import FIXTURES

from kg.cli import cli
from kg.ingest.curated import import_curated
from kg.io.resources import data_path
from kg.store import Store, open_store
from kg.vocab.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH

SIPRI = FIXTURES / "sipri" / "register17_crlf.csv"


def _graphs(store: Store) -> set[str]:
    return {str(r["g"]) for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}


def _quads(location: str) -> list[str]:
    with open_store(location, read_only=True) as s:
        rows = s.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(" ".join(r[k].n3() for k in ("g", "s", "p", "o")) for r in rows)


def _kg(location: str, *args: str):
    return CliRunner().invoke(cli, ["--store", location, *args], catch_exceptions=False)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("import", "sipri", str(SIPRI)), id="sipri"),
        pytest.param(("import", "rdf", "RDFFILE"), id="rdf"),
        pytest.param(
            ("import", "articles", str(FIXTURES / "articles" / "australia_mogami.md")), id="articles"
        ),
    ],
)
def test_each_import_command_loads_base_graphs_once(args: tuple[str, ...], tmp_path: Path) -> None:
    rdf = tmp_path / "one.nt"
    rdf.write_text('<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n')
    args = tuple(str(rdf) if a == "RDFFILE" else a for a in args)
    location = str(tmp_path / "store")
    res = _kg(location, *args)
    assert res.exit_code == 0, res.output
    with open_store(location, read_only=True) as s:
        graphs = _graphs(s)
    assert {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)} <= graphs
    before = _quads(location)
    again = _kg(location, *args)
    assert again.exit_code == 0, again.output
    assert _quads(location) == before  # re-importing the same input changes nothing


def test_curated_import_loads_base_graphs() -> None:
    table = sorted(data_path("facts").glob("*.csv"))[0]
    with open_store("memory:") as s:
        assert not _graphs(s)
        import_curated(s, table)
        assert {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)} <= _graphs(s)
