"""One mistake, one answer: the same bad input gives the same exit code in every command.

The CLI maps :class:`kg.errors.KgError` subclasses to their ``exit_code`` in one place
(:class:`kg.cli.app.KgGroup`); these tests run an unknown party name through every command
that takes one, plus the other usage errors and pipe/stdin behaviour the README documents.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import views_world as world
from helpers.paths import FIXTURES, REPO

from kg import errors
from kg.analysis.network import Filters, export_graph
from kg.cli import cli
from kg.ingest.sipri.formats import LayoutError
from kg.queries import QueryFileError
from kg.serve.guard import Refused
from kg.store import open_store

UNKNOWN = "Atlantis"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("exit") / "store"
    with open_store(str(path)) as s:
        world.load(s)
    return str(path)


def _kg(store_dir: str, *args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["--store", store_dir, *args], input=stdin, catch_exceptions=False)


PARTY_COMMANDS = {
    "view network --supplier": ["view", "network", "--supplier", UNKNOWN, "-o", "OUT/n.html"],
    "view network --buyer": ["view", "network", "--buyer", UNKNOWN, "-o", "OUT/n.html"],
    "view country": ["view", "country", UNKNOWN, "-o", "OUT/c.html"],
    "view deals": ["view", "deals", "--buyer", UNKNOWN, "-o", "OUT/d.html"],
    "network export": ["network", "export", "--format", "gexf", "--buyer", UNKNOWN, "-o", "OUT/g.gexf"],
    "network shares": ["network", "shares", "--buyer", UNKNOWN],
    "network centrality": ["network", "centrality", "--supplier", UNKNOWN],
    "report --buyer": ["report", "diversification", "--buyer", UNKNOWN, "-o", "OUT/r"],
    "report --away-from": ["report", "diversification", "--away-from", UNKNOWN, "-o", "OUT/r"],
    "deal show": ["deal", "show", "--supplier", UNKNOWN],
    "contradictions": ["contradictions", "--buyer", UNKNOWN],
    "query run": ["query", "run", "customers-of-supplier", "-p", f"supplier={UNKNOWN}"],
    "search": ["search", "S-400", "--buyer", UNKNOWN],
}


@pytest.mark.parametrize("args", list(PARTY_COMMANDS.values()), ids=list(PARTY_COMMANDS))
def test_unknown_party_is_a_usage_error_everywhere(store_dir: str, tmp_path: Path, args: list[str]) -> None:
    res = _kg(store_dir, *(a.replace("OUT", str(tmp_path)) for a in args))
    assert res.exit_code == errors.EXIT_USAGE, res.output
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and UNKNOWN in lines[0], res.stderr
    assert "Traceback" not in res.output


#: every command taking --from/--to (order or delivery years)
YEAR_COMMANDS = {
    "view network": ["view", "network", "-o", "OUT/n.html"],
    "view country": ["view", "country", "India", "-o", "OUT/c.html"],
    "view deals": ["view", "deals", "-o", "OUT/d.html"],
    "report": ["report", "diversification", "--buyer", "India", "-o", "OUT/r"],
    "network export": ["network", "export", "--format", "gexf", "-o", "OUT/g.gexf"],
    "network shares": ["network", "shares", "--buyer", "India"],
    "network centrality": ["network", "centrality"],
    "contradictions": ["contradictions"],
    "search": ["search", "S-400"],
}


@pytest.mark.parametrize("args", list(YEAR_COMMANDS.values()), ids=list(YEAR_COMMANDS))
def test_from_after_to_is_a_usage_error_everywhere(store_dir: str, tmp_path: Path, args: list[str]) -> None:
    res = _kg(store_dir, *(a.replace("OUT", str(tmp_path)) for a in args), "--from", "2020", "--to", "2010")
    assert res.exit_code == errors.EXIT_USAGE, res.output
    assert res.stderr.splitlines() == ["error: --from 2020 is after --to 2010"], res.stderr


def test_year_range_is_checked_by_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    """``kg.errors.check_year_range`` is the one --from/--to check (the network's Filters call it)."""
    from kg.analysis.network import filters as filters_module

    calls: list[tuple[int | None, int | None]] = []
    monkeypatch.setattr(filters_module, "check_year_range", lambda a, b: calls.append((a, b)))
    Filters(year_from=2020, year_to=2010)
    assert calls == [(2020, 2010)]
    copies = [
        str(p.relative_to(REPO))
        for p in (REPO / "kg").rglob("*.py")
        if p.name != "errors.py" and "is after --to" in p.read_text(encoding="utf-8")
    ]
    assert not copies, copies


UNKNOWN_GRAPH = "https://example.org/no-such-graph"
#: every command taking a named graph IRI
GRAPH_COMMANDS = {
    "link --article": ["link", "--article", UNKNOWN_GRAPH],
    "link --release": ["link", "--release", UNKNOWN_GRAPH],
    "export --graph": ["export", "--graph", UNKNOWN_GRAPH, "-o", "OUT/x.trig"],
    "validate --graph": ["validate", "--graph", UNKNOWN_GRAPH],
    "validate FILE --graph": ["validate", "OUT/data.trig", "--graph", UNKNOWN_GRAPH],
}


@pytest.mark.parametrize("args", list(GRAPH_COMMANDS.values()), ids=list(GRAPH_COMMANDS))
def test_unknown_graph_is_a_usage_error_everywhere(store_dir: str, tmp_path: Path, args: list[str]) -> None:
    """An unknown graph IRI is an unknown name (exit 2, one line), not an empty success."""
    (tmp_path / "data.trig").write_text(
        "<https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 . }\n", encoding="utf-8"
    )
    res = _kg(store_dir, *(a.replace("OUT", str(tmp_path)) for a in args))
    assert res.exit_code == errors.EXIT_USAGE, res.output
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: no ") and UNKNOWN_GRAPH in lines[0], res.stderr
    assert not (tmp_path / "x.trig").exists()


def test_graph_of_the_wrong_kind_is_refused_and_known_graphs_work(store_dir: str, tmp_path: Path) -> None:
    """--article wants an article graph, --release a release graph; a real one still works."""
    from rdflib import URIRef

    from kg.ingest.linking import graphs_of_type
    from kg.vocab import ns

    with open_store(store_dir, read_only=True) as s:
        article = sorted(graphs_of_type(s, ns.NewsArticle))[0]
        release = sorted(graphs_of_type(s, ns.DatasetRelease))[0]
        assert s.has_graph(URIRef(release))
    wrong = _kg(store_dir, "link", "--article", release)
    assert wrong.exit_code == errors.EXIT_USAGE and f"no article graph <{release}>" in wrong.stderr
    wrong = _kg(store_dir, "link", "--release", article)
    assert wrong.exit_code == errors.EXIT_USAGE and f"no release graph <{article}>" in wrong.stderr
    assert _kg(store_dir, "link", "--article", article, "--release", release).exit_code == 0
    out = tmp_path / "a.nq"
    assert _kg(store_dir, "export", "--graph", article, "--format", "nq", "-o", str(out)).exit_code == 0
    assert f"<{article}> ." in out.read_text(encoding="utf-8")


#: every command reading a file or directory the user names
FILE_COMMANDS = {
    "import articles": ["import", "articles", "MISSING.md"],
    "import sipri": ["import", "sipri", "MISSING.csv"],
    "import rdf": ["import", "rdf", "MISSING.ttl"],
    "extract": ["extract", "MISSING.md"],
    "validate": ["validate", "MISSING.ttl"],
    "query -f": ["query", "-f", "MISSING.rq"],
    "demo --sipri": ["demo", "--sipri", "MISSING.csv", "--out", "OUT"],
    "serve --views": ["serve", "--views", "MISSING", "--port", "0"],
}


@pytest.mark.parametrize("args", list(FILE_COMMANDS.values()), ids=list(FILE_COMMANDS))
def test_missing_file_is_rejected_input_everywhere(store_dir: str, tmp_path: Path, args: list[str]) -> None:
    missing = str(tmp_path / "missing")
    res = _kg(store_dir, *(a.replace("MISSING", missing).replace("OUT", str(tmp_path / "out")) for a in args))
    assert res.exit_code == errors.EXIT_REJECTED, res.output
    [line] = [x for x in res.stderr.splitlines() if x.startswith("error: ")]
    assert line.startswith(f"error: {missing}") and "Traceback" not in res.output, res.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["deal", "show", "https://example.org/no-such-deal"],
        ["deal", "show", "--supplier", "Russia", "--buyer", "India", "--year", "1801"],
    ],
    ids=["iri", "selection"],
)
def test_unknown_deal_is_a_usage_error_like_an_unknown_name(store_dir: str, args: list[str]) -> None:
    res = _kg(store_dir, *args)
    assert res.exit_code == errors.EXIT_USAGE, res.output
    assert len(res.stderr.splitlines()) == 1 and res.stderr.startswith("error: no deal"), res.stderr


def test_readme_exit_code_table_matches_kg_errors() -> None:
    """The README's table lists exactly the codes kg.errors defines, with the same meaning."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Exit codes") :].split("\n\n")[1]
    codes = {int(m) for m in re.findall(r"^\| `(\d)` \|", table, re.MULTILINE)}
    assert codes == {
        errors.EXIT_OK,
        errors.EXIT_ERROR,
        errors.EXIT_USAGE,
        errors.EXIT_REJECTED,
        errors.EXIT_LOCKED,
    }
    row = {int(m[0]): m[1] for m in re.findall(r"^\| `(\d)` \| ([^|]*)\|", table, re.MULTILINE)}
    assert "usage" in row[errors.EXIT_USAGE] and "locked" in row[errors.EXIT_LOCKED]


def test_usage_errors_are_not_unknown_names(tmp_path: Path) -> None:
    with pytest.raises(errors.UsageError) as year:
        Filters(year_from=2020, year_to=2010)
    assert not isinstance(year.value, errors.UnknownName)
    import networkx as nx

    with pytest.raises(errors.UsageError) as fmt:
        export_graph(nx.DiGraph(), tmp_path / "x", "pdf")
    assert not isinstance(fmt.value, errors.UnknownName)


def test_every_error_class_carries_its_exit_code() -> None:
    expected = {
        errors.KgError: errors.EXIT_ERROR,
        errors.UsageError: errors.EXIT_USAGE,
        errors.UnknownName: errors.EXIT_USAGE,
        errors.InputError: errors.EXIT_REJECTED,
        errors.ValidationFailed: errors.EXIT_REJECTED,
        errors.StoreLocked: errors.EXIT_LOCKED,
        LayoutError: errors.EXIT_REJECTED,
        QueryFileError: errors.EXIT_ERROR,
        Refused: errors.EXIT_USAGE,
    }
    for cls, code in expected.items():
        assert issubclass(cls, errors.KgError), cls
        assert cls.exit_code == code, cls
    # still ValueErrors for callers that caught them as such
    assert issubclass(LayoutError, ValueError) and issubclass(QueryFileError, ValueError)


def test_query_dash_reads_stdin(store_dir: str) -> None:
    res = _kg(store_dir, "query", "-", "--format", "json", stdin="ASK { GRAPH ?g { ?s ?p ?o } }")
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == "true"


def test_extract_of_a_missing_file_prints_nothing(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["extract", str(tmp_path / "missing.md")])
    assert res.exit_code == errors.EXIT_REJECTED
    assert res.stdout == ""
    assert "missing.md" in res.stderr and len(res.stderr.splitlines()) == 1


def _closed_pipe(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run ``kg ARGS`` writing into a pipe whose reader has already left (``| head`` done)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE, deterministically
    try:
        return subprocess.run(
            [sys.executable, "-m", "kg", *args],
            cwd=cwd,
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=300,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [
        ["query", "list"],
        ["extract", "--format", "jsonl", "ARTICLE"],
    ],
    ids=["query-list", "extract"],
)
def test_closed_pipe_ends_quietly(tmp_path: Path, args: list[str]) -> None:
    article = FIXTURES / "articles" / "australia_mogami.md"
    args = [str(article) if a == "ARTICLE" else a for a in args]
    done = _closed_pipe(args, tmp_path)
    assert b"Broken pipe" not in done.stderr and b"Traceback" not in done.stderr, done.stderr
    assert b"Exception ignored" not in done.stderr, done.stderr
    assert done.stderr == b"", done.stderr
    assert done.returncode == errors.EXIT_ERROR  # output was cut short: not a success
