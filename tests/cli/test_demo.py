"""kg demo builds a valid, idempotent graph from data/; kg validate reports violations with exit 3."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from helpers.paths import FIXTURES

from kg.cli import cli
from kg.ingest.base_graphs import ensure_base_graphs
from kg.ingest.curated import curated_graph
from kg.io.resources import data_path
from kg.store import open_store
from kg.vocab.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH


def test_base_graphs_load_once(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s"))
    assert set(ensure_base_graphs(store)) == {ONTOLOGY_GRAPH, REFERENCE_GRAPH}
    assert ensure_base_graphs(store) == []
    india = store.select(
        "SELECT ?label WHERE { GRAPH ?g { ?c <https://w3id.org/defence-kg/ontology#iso3> ?iso ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label } }",
        {"g": REFERENCE_GRAPH, "iso": __import__("rdflib").Literal("IND")},
    )
    assert [str(r["label"]) for r in india] == ["India"]
    store.close()


def test_curated_table_maps_every_row() -> None:
    table = data_path("facts", "india_deals.csv")
    _, _data, deals, errors = curated_graph(table)
    assert errors == []
    rows = sum(1 for _ in table.open(encoding="utf-8")) - 1
    assert deals == rows >= 25


def test_curated_bad_rows_are_reported_with_line(tmp_path: Path) -> None:
    table = tmp_path / "facts.csv"
    table.write_text(
        "supplier,buyer,system,order_year,quantity,value_amount,value_currency,status,source_url\n"
        "Russia,India,S-400 Triumf,2018,5,5.43e9,USD,signed,https://example.org/a\n"
        "Atlantis,India,S-400 Triumf,2018,5,,,signed,https://example.org/b\n"
        "Russia,India,S-400 Triumf,20x8,5,,,signed,https://example.org/c\n"
        "Russia,India,S-400 Triumf,2018,5,,,sold,https://example.org/d\n"
        "Russia,India,S-400 Triumf,2018,5,,,signed,javascript:alert(1)\n"
    )
    _, _, deals, errors = curated_graph(table)
    assert deals == 1
    assert [e.line for e in errors] == [3, 4, 5, 6]
    assert "Atlantis" in str(errors[0]) and "sold" in str(errors[2]) and "http" in str(errors[3])


def test_demo_is_idempotent_and_valid(demo_run: tuple[str, Path, str], tmp_path: Path) -> None:
    """The session's first ``kg demo`` (tests/conftest.py), then a second run on a copy of its store."""
    runner = CliRunner()
    first_store, out, first_stdout = demo_run
    for name in (
        "india.html",
        "network.html",
        "india-deals.html",
        "india-report/report.html",
        "india-report/report.md",
    ):
        path = out / name
        assert path.is_file() and path.stat().st_size > 1000, name
        assert str(path) in first_stdout
    store = str(shutil.copytree(first_store, tmp_path / "store"))
    stats = json.loads(runner.invoke(cli, ["--store", store, "stats", "--json"]).stdout)
    assert stats["deals"] >= 25 and stats["parties"] > 200 and stats["systems"] >= 300
    again = runner.invoke(cli, ["--store", store, "demo", "--out", str(tmp_path / "out")])
    assert again.exit_code == 0
    assert json.loads(runner.invoke(cli, ["--store", store, "stats", "--json"]).stdout) == stats
    valid = runner.invoke(cli, ["--store", store, "validate"])
    assert valid.exit_code == 0, valid.output
    assert "Conforms: True" in valid.stdout


def test_validate_file_exit_code_3(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix kg: <https://w3id.org/defence-kg/ontology#> .\n"
        '<https://example.org/deal> a kg:Deal ; kg:valueAmount 5.0 ; kg:valueCurrency "usd" .\n'
    )
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 3
    assert "Conforms: False" in result.stdout
    assert "does not conform" in result.stderr


def test_validate_one_graph_uses_the_store_as_context(demo_run: tuple[str, Path, str]) -> None:
    runner = CliRunner()
    store = demo_run[0]  # the session's one `kg demo` run (tests/conftest.py); only read here
    graphs = runner.invoke(
        cli,
        [
            "--store",
            store,
            "query",
            "--format",
            "csv",
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a <https://w3id.org/defence-kg/ontology#NewsArticle> } }",
        ],
    ).stdout.split()[1:]
    assert graphs, "the demo imports example articles"
    result = runner.invoke(cli, ["--store", store, "validate", "--graph", graphs[0]])
    assert result.exit_code == 0, result.output
    assert "Conforms: True" in result.stdout


def test_demo_with_a_register(tmp_path: Path) -> None:
    """``kg demo --sipri FILE`` imports the register and writes the views and the report
    (it crashed on FileReport.summary); the report links to india.html instead of writing
    an identical india-suppliers.html."""
    register = FIXTURES / "sipri" / "register16_latin1.csv"
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--store", str(tmp_path / "s"), "demo", "--out", str(out), "--sipri", str(register)]
    )
    assert result.exit_code == 0, result.output
    assert "register-16" in result.output  # the import summary line
    assert {"india.html", "network.html", "india-deals.html"} <= {p.name for p in out.iterdir()}
    report = out / "india-report"
    assert not list(report.glob("*-suppliers.html"))
    md = (report / "report.md").read_text(encoding="utf-8")
    assert "(<../india.html>)" in md
    assert "### 1945-1949" not in md
    assert 'href="../india.html"' in (report / "report.html").read_text(encoding="utf-8")
