"""Bad input loses nothing: each bad file or row is reported by name (and line), the rest imports.

Already covered elsewhere (not repeated here): malformed Turtle/N-Triples with line,
ill-typed literals, BOM, deep collections, oversized RDF via a patched limit
(tests/ingest/test_rdf_import.py); SIPRI layout refusals, truncated last row, broken records
(tests/ingest/sipri/test_sipri_formats.py); hypothesis row parsers (tests/ingest/sipri/test_sipri_formats.py);
any label through the view's embedded JSON (tests/present/test_views.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers.paths import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.cli import cli
from kg.ingest.articles import import_articles
from kg.rdf.terms import NTriples, describe_party
from kg.store import open_store
from kg.vocab import iris, ns, reference
from scripts.hostile_data import HOSTILE, write_batch
from scripts.reliability import refuse_big_rdf


def article_graphs(store) -> set[str]:
    rows = store.select(ns.SPARQL_PREFIXES + "SELECT ?g WHERE { GRAPH ?g { ?g a kg:NewsArticle } }")
    return {str(r["g"]) for r in rows}


def test_article_batch_with_every_kind_of_bad_input(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    expected = write_batch(batch)
    store_dir = tmp_path / "store"
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "import", "articles", str(batch)])
    assert result.exit_code == 3, result.output  # documented: 3 when an input was rejected
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("warning: ")]
    rejected = {k: v for k, v in expected.items() if v is not None}
    assert len(errors) == len(rejected), result.stderr
    for name, needle in rejected.items():
        file, _, line = name.partition(":")
        hits = (
            [e for e in errors if f"{batch / file}:{line}:" in e]
            if line
            else [e for e in errors if f"{batch / file}: " in e]
        )
        assert len(hits) == 1, (name, errors)
        assert needle in hits[0], hits[0]
        assert "\n" not in hits[0]
    assert any("f_one_bad_byte.md" in w and "invalid UTF-8" in w for w in warnings), warnings
    assert "imported 4 article(s)" in result.stderr and "; 11 rejected" in result.stderr
    store = open_store(str(store_dir), read_only=True)
    try:
        graphs = article_graphs(store)
        assert len(graphs) == 4, graphs
        assert str(iris.article_source("https://example.org/rel/rafale")) in graphs
        assert str(iris.article_source("https://example.org/rel/k2")) in graphs
        # only text from the HTML page reaches the graph: no markup in any literal
        for needle in ("<script", "<iframe", "<style", "onerror", "__xss", "evil.example"):
            assert not store.ask(
                "ASK { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o) && CONTAINS(LCASE(STR(?o)), ?n)) }",
                {"n": Literal(needle)},
            ), needle
        assert store.ask(
            "ASK { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o) && CONTAINS(STR(?o), ?n)) }",
            {"n": Literal("180 K2 Black Panther tanks")},
        )
    finally:
        store.close()


def test_library_reports_the_same_errors(tmp_path: Path) -> None:
    expected = write_batch(tmp_path)
    store = open_store("memory:")
    report = import_articles(store, [tmp_path], link_after=False)
    got = {Path(e.path).name + (f":{e.line}" if e.line else "") for e in report.errors}
    assert got == {k for k, v in expected.items() if v is not None}
    assert len(report.written) == 4 and len(article_graphs(store)) == 4
    # the HTML page's text is the article's text, its markup and scripts are not
    from kg.extract import read_articles

    (page,) = read_articles(HOSTILE / "scripted.html")
    assert "180 K2 Black Panther tanks" in page.text and "later batches will be built" in page.text
    for needle in ("<", "script", "iframe", "__xss", "evil.example", "background", "onerror"):
        assert needle not in page.text.lower(), needle


# --- SIPRI ----------------------------------------------------------------------------


def test_sipri_bad_rows_reported_good_rows_imported(tmp_path: Path) -> None:
    path = HOSTILE / "register16_mixed.csv"
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "import", "sipri", str(path)])
    assert result.exit_code == 0, result.stderr  # rows skipped, file not rejected
    skipped = {
        int(ln.split(f"{path}:", 1)[1].split(":", 1)[0]): ln
        for ln in result.stderr.splitlines()
        if ln.startswith("warning: skipped ")
    }
    assert set(skipped) == {9, 10, 11, 12, 14, 16}, result.stderr
    assert "found 7" in skipped[9] and "found 18" in skipped[10]
    assert "'abc'" in skipped[11] and "found 1" in skipped[12] and "'20x1'" in skipped[14]
    assert "found 11" in skipped[16]  # truncated last row
    assert "10 rows read, 4 deals" in result.stderr and "6 rows skipped" in result.stderr
    store = open_store(str(tmp_path / "s"), read_only=True)
    try:
        rows = store.select(
            ns.SPARQL_PREFIXES
            + "SELECT ?b WHERE { GRAPH ?g { ?d a kg:Deal ; kg:buyer ?x . } GRAPH ?r { ?x rdfs:label ?b } "
            # one label per deal: the reference graph (ensured by every import) labels parties too
            + f"FILTER(?r != {iris.REFERENCE_GRAPH.n3()}) }}"
        )
        buyers = sorted(str(r["b"]) for r in rows)
    finally:
        store.close()
    # the Egypt row right after the semicolon-delimited line is not swallowed by it
    assert buyers == ["Egypt", "India", "India", "Poland"], buyers


def test_sipri_unknown_layout_and_truncated_file_rejected_others_imported(tmp_path: Path) -> None:
    fixtures = FIXTURES / "sipri"
    cut = tmp_path / "cut.csv"
    cut.write_bytes((HOSTILE / "register16_mixed.csv").read_bytes()[:300])  # ends inside the header
    files = [fixtures / "unknown_layout.csv", cut, HOSTILE / "register16_mixed.csv"]
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "import", "sipri", *map(str, files)])
    assert result.exit_code == 3
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 2 and str(files[0]) in errors[0] and str(cut) in errors[1], errors
    assert "imported 1 of 3 file(s): 4 deals" in result.stderr


# --- RDF: a 1 GB file is refused before reading ----------------------------------------


def test_one_gigabyte_rdf_file_refused_before_reading(tmp_path: Path) -> None:
    message, rss_kib = refuse_big_rdf(tmp_path)
    assert message.startswith("1 ") and "huge.nt" in message and "over the" in message, message
    assert rss_kib < 400 * 1024, f"peak RSS {rss_kib} KiB: the file was read"
    with (tmp_path / "huge.nt").open("wb") as fh:  # sparse again: refuse_big_rdf removes its file
        fh.truncate(2**30)
    result = CliRunner().invoke(cli, ["--store", "memory:", "import", "rdf", str(tmp_path / "huge.nt")])
    assert result.exit_code == 3 and "huge.nt" in result.stderr and "limit" in result.stderr


# --- property-based round trips --------------------------------------------------------

#: Any text a UTF-8 file can hold (no lone surrogates), biased towards RDF/HTML specials.
TEXT = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(
            ['"', "\\", "\n", "\r", "<", ">", '"""', "'", "\t", "\x00", "\u2028", "&", "^^", "@en"]
        ),
        st.sampled_from(["</script>", "<img src=x onerror=alert(1)>", "\\u0022", "\\n", '" .\n<a> <b> "x']),
    ),
    min_size=1,
    max_size=30,
).map("".join)


@pytest.fixture(scope="module")
def mem_store():
    store = open_store("memory:")
    yield store
    store.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=TEXT)
def test_any_party_label_round_trips_through_the_store(mem_store, label: str) -> None:
    record = reference.PartyRecord(
        key=label,
        name=label,
        kind="company",
        iso3=None,
        iso2=None,
        aliases=(label,),
        demonyms=(),
        metonyms=(),
        country_iso3=None,
        wikidata=None,
        historical=False,
    )
    out = NTriples()
    node = describe_party(out, record, full=True)
    graph = URIRef("https://example.org/rel/party-graph")
    mem_store.replace_graphs({graph: bytes(out)})
    rows = mem_store.select(
        "SELECT ?l WHERE { GRAPH ?g { ?s ?p ?l } }", {"g": graph, "s": node, "p": RDFS.label}
    )
    assert [str(r["l"]) for r in rows] == [label]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT)
def test_any_article_title_round_trips_through_the_importer(mem_store, tmp_path: Path, title: str) -> None:
    url = "https://example.org/rel/title/" + iris.digest(title)
    path = tmp_path / "t.json"
    path.write_text(
        json.dumps({"url": url, "title": title, "text": "India ordered jets."}, ensure_ascii=False),
        encoding="utf-8",
    )
    report = import_articles(mem_store, [path], link_after=False)
    assert not report.errors, report.errors
    rows = mem_store.select(
        "SELECT ?t WHERE { GRAPH ?g { ?g ?p ?t } }", {"g": iris.article_source(url), "p": ns.SCHEMA.headline}
    )
    assert [str(r["t"]) for r in rows] == [title]
