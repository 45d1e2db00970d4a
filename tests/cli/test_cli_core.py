"""CLI skeleton through click's CliRunner: help, import rdf, export, query, stats, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import __version__
from kg.cli import cli
from kg.store import open_store

GOOD_TTL = """@prefix ex: <https://example.org/> .
ex:india ex:buys ex:s400 .
ex:india ex:name "India" .
"""
BAD_TTL = """@prefix ex: <https://example.org/> .
ex:a ex:b ex:c .
ex:a ex:b ;; .
"""
TRIG = """@prefix ex: <https://example.org/> .
ex:g1 { ex:a ex:b ex:c . }
ex:g2 { ex:a ex:b ex:d . }
"""


def _base_stats() -> tuple[int, int]:
    """(graphs, triples) of the ontology and reference graphs every import now ensures."""
    from kg.ingest.base_graphs import ensure_base_graphs

    with open_store("memory:") as s:
        ensure_base_graphs(s)
        return len(s.named_graphs()), s.count()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("good.ttl", GOOD_TTL), ("bad.ttl", BAD_TTL), ("data.trig", TRIG)):
        out[name] = tmp_path / name
        out[name].write_text(text)
    return out


def kg(runner: CliRunner, store: Path, *args: str, input: str | None = None):
    return runner.invoke(cli, ["--store", str(store), *args], input=input)


def test_help_and_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("import", "export", "query", "stats", "validate", "demo"):
        assert command in result.output
    assert "Exit codes" in result.output
    version = runner.invoke(cli, ["--version"])
    assert __version__ in version.output


def test_import_rdf_good_bad_and_missing(runner: CliRunner, files: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = kg(
        runner,
        store,
        "import",
        "rdf",
        str(files["good.ttl"]),
        str(files["bad.ttl"]),
        str(tmp_path / "no.ttl"),
    )
    assert result.exit_code == 3
    assert f"{files['bad.ttl']}:3:" in result.stderr
    assert "no.ttl" in result.stderr
    stats = json.loads(kg(runner, store, "stats", "--json").stdout)
    base_graphs, base_triples = _base_stats()  # every import ensures the base graphs
    assert stats["graphs"] == 1 + base_graphs
    # only the good file's 2 triples + 3 source-description triples
    assert stats["triples"] == 5 + base_triples


def test_malformed_file_leaves_store_unchanged(
    runner: CliRunner, files: dict[str, Path], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    assert kg(runner, store, "import", "rdf", str(files["good.ttl"])).exit_code == 0
    before = kg(runner, store, "export", "--format", "nq").stdout
    result = kg(runner, store, "import", "rdf", str(files["bad.ttl"]))
    assert result.exit_code == 3
    assert kg(runner, store, "export", "--format", "nq").stdout == before


def test_reimport_changes_nothing_and_trig_keeps_graphs(
    runner: CliRunner, files: dict[str, Path], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    kg(runner, store, "import", "rdf", str(files["good.ttl"]), str(files["data.trig"]))
    first = json.loads(kg(runner, store, "stats", "--json").stdout)
    kg(runner, store, "import", "rdf", str(files["good.ttl"]), str(files["data.trig"]))
    assert json.loads(kg(runner, store, "stats", "--json").stdout) == first
    graphs = kg(
        runner,
        store,
        "query",
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
        "--format",
        "csv",
    )
    assert "https://example.org/g1" in graphs.stdout and "https://example.org/g2" in graphs.stdout


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "jsonl"])
def test_query_formats(runner: CliRunner, files: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    store = tmp_path / "store"
    kg(runner, store, "import", "rdf", str(files["good.ttl"]))
    q = "SELECT ?name WHERE { GRAPH ?g { ?s <https://example.org/name> ?name } }"
    result = kg(runner, store, "query", q, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "India" in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout) == [{"name": "India"}]
    if fmt == "jsonl":
        assert json.loads(result.stdout.strip()) == {"name": "India"}


def test_query_from_file_and_stdin(runner: CliRunner, files: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg(runner, store, "import", "rdf", str(files["good.ttl"]))
    qfile = tmp_path / "q.rq"
    qfile.write_text("ASK { GRAPH ?g { ?s ?p ?o } }")
    assert kg(runner, store, "query", "-f", str(qfile)).stdout.strip() == "true"
    assert kg(runner, store, "query", input="ASK { GRAPH ?g { ?s ?p 42 } }").stdout.strip() == "false"


def test_query_syntax_error_gives_position(runner: CliRunner, files: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg(runner, store, "import", "rdf", str(files["good.ttl"]))
    result = kg(runner, store, "query", "SELECT * WHERE { ?s ?p }")
    assert result.exit_code == 1
    assert "syntax error" in result.stderr and "1:" in result.stderr
    assert "Traceback" not in result.output


def test_query_on_missing_store(runner: CliRunner, tmp_path: Path) -> None:
    result = kg(runner, tmp_path / "nope", "stats")
    assert result.exit_code == 1
    assert "no store at" in result.stderr


def test_export_to_file_atomically(runner: CliRunner, files: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg(runner, store, "import", "rdf", str(files["data.trig"]))
    out = tmp_path / "out" / "dump.trig"
    result = kg(runner, store, "export", "--format", "trig", "-o", str(out))
    assert result.exit_code == 0
    assert "example.org/g1" in out.read_text()
    assert [p.name for p in out.parent.iterdir()] == ["dump.trig"]


def test_locked_store_exit_code(runner: CliRunner, files: dict[str, Path], tmp_path: Path) -> None:
    from kg.store import open_store

    store_path = tmp_path / "store"
    holder = open_store(str(store_path))
    try:
        result = kg(runner, store_path, "import", "rdf", str(files["good.ttl"]))
        assert result.exit_code == 4
        assert "locked" in result.stderr
    finally:
        holder.close()


def test_debug_shows_traceback(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--store", str(tmp_path / "nope"), "--debug", "stats"])
    assert result.exit_code != 0
    assert result.exception is not None


@pytest.mark.remote
def test_cli_against_real_sparql_servers(runner: CliRunner, files: dict[str, Path], remote_store) -> None:
    """The same import/query/export commands work with --store pointing at each real SPARQL server."""
    url = remote_store.location
    result = runner.invoke(
        cli, ["--store", url, "import", "rdf", str(files["good.ttl"]), str(files["data.trig"])]
    )
    assert result.exit_code == 0, result.output
    stats = json.loads(runner.invoke(cli, ["--store", url, "stats", "--json"]).stdout)
    assert stats["graphs"] == 3 + _base_stats()[0]  # + the ontology and reference graphs
    again = runner.invoke(
        cli, ["--store", url, "import", "rdf", str(files["good.ttl"]), str(files["data.trig"])]
    )
    assert again.exit_code == 0
    assert json.loads(runner.invoke(cli, ["--store", url, "stats", "--json"]).stdout) == stats
    q = "SELECT ?name WHERE { GRAPH ?g { ?s <https://example.org/name> ?name } }"
    assert json.loads(runner.invoke(cli, ["--store", url, "query", q, "--format", "json"]).stdout) == [
        {"name": "India"}
    ]
    bad = runner.invoke(cli, ["--store", url, "import", "rdf", str(files["bad.ttl"])])
    assert bad.exit_code == 3
    assert json.loads(runner.invoke(cli, ["--store", url, "stats", "--json"]).stdout) == stats
    dump = runner.invoke(cli, ["--store", url, "export", "--format", "nq"])
    assert "https://example.org/g2" in dump.stdout
