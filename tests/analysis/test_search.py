"""Full-text search (kg.analysis.search, ``kg search``, the endpoint's ``/search``).

Stores are built from article graphs made by the real mapper (:func:`kg.ingest.article_rdf.article_graph`)
and a small hand-written register graph, so the index sees what the importers write.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from helpers.paths import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg.analysis.search import (
    SearchError,
    SearchIndex,
    fingerprints,
    fts_query,
    index_exists,
    index_location,
    open_index,
    refresh,
    search,
)
from kg.cli import cli
from kg.ingest.article_rdf import article_graph
from kg.store import open_store, to_ntriples
from kg.vocab import iris, ns

SEED = REPO.parent / "shared" / "seeds" / "000_d74674ddd7042d8b.txt"
RELEASE = URIRef(iris.release_source("test register"))


def _party(name: str, iso3: str) -> dict:
    return {"name": name, "iso3": iso3, "kind": "country"}


def _claim(
    text: str, supplier: tuple[str, str], buyer: tuple[str, str], system: str, year: int | None
) -> dict:
    return {
        "supplier": _party(*supplier),
        "buyer": _party(*buyer),
        "system": {"name": system},
        "status": "delayed",
        "order_year": year,
        "evidence": {"text": text, "start": 0, "end": len(text)},
        "confidence": 0.9,
    }


def article(key: str, title: str, body: str, claims: list[dict]) -> tuple[URIRef, bytes]:
    return article_graph(
        key=key,
        text=body,
        title=title,
        url=f"https://news.example/{key}",
        published=date(2024, 5, 1),
        publisher=None,
        path=None,
        claims=claims,
    )


RUS, IND, FRA, USA = ("Russia", "RUS"), ("India", "IND"), ("France", "FRA"), ("United States", "USA")
S400 = "While Russia delivered three S-400 systems, the remaining two have faced delays."
RAFALE = "The Rafale deliveries were delayed by a year and then delayed again."
F16 = "The F-16 order was signed without any problem."


def register_graph(comments: dict[int, tuple[str, tuple[str, str], tuple[str, str], int]]) -> bytes:
    """A register release: one deal per row, with its comment, parties, order year and row record."""
    triples = [
        (RELEASE, RDF.type, ns.DatasetRelease),
        (RELEASE, ns.releaseTitle, Literal("Test register")),
        (RELEASE, ns.contentHash, Literal("0" * 64)),
    ]
    for row, (text, supplier, buyer, year) in comments.items():
        deal = iris.register_deal("test", str(row))
        rec = iris.record(str(RELEASE), row)
        triples += [
            (deal, RDF.type, ns.Deal),
            (deal, ns.comments, Literal(text)),
            (deal, ns.supplier, iris.country(supplier[1])),
            (deal, ns.buyer, iris.country(buyer[1])),
            (deal, ns.orderYear, Literal(year)),
            (deal, PROV.wasDerivedFrom, rec),
            (rec, ns.rowNumber, Literal(row)),
        ]
    return to_ntriples(triples)


REGISTER = {
    7: ("Delivery delayed by financial problems", RUS, IND, 2005),
    8: ("Licensed production; option on 40 more", FRA, IND, 2016),
    9: ("Second-hand; ex-Dutch", USA, ("Chile", "CHL"), 1995),
}


def fill_store(s) -> None:
    """What the ``store`` fixture (tests/conftest.py) holds here: three articles and a register."""
    a1 = article(
        "a1",
        "India and Russia talk",
        S400 + " More text about air defence.",
        [_claim(S400, RUS, IND, "S-400", 2018)],
    )
    a2 = article("a2", "Rafale news", RAFALE, [_claim(RAFALE, FRA, IND, "Rafale", 2016)])
    a3 = article("a3", "Falcons", F16, [_claim(F16, USA, ("Pakistan", "PAK"), "F-16", 2010)])
    s.replace_graphs({a1[0]: a1[1], a2[0]: a2[1], a3[0]: a3[1], RELEASE: register_graph(REGISTER)})


def texts(hits) -> list[str]:
    return [h.text for h in hits]


# --- the query language ---------------------------------------------------------------------


def test_fts_query_quotes_every_word_and_keeps_phrases():
    assert fts_query("delay") == '"delay"'
    assert fts_query("S-400 delay") == '"S 400" "delay"'
    assert fts_query('"air defence" India') == '"air defence" "India"'
    assert fts_query('"foo" OR bar*') == '"foo" "OR" "bar"'
    assert fts_query("NEAR(a b") == '"NEAR a" "b"'
    assert fts_query('unbalanced "quote') == '"unbalanced" "quote"'
    for empty in ("", "   ", '""', "* ( ) :", "-"):
        with pytest.raises(SearchError):
            fts_query(empty)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_user_text_is_a_valid_match_expression_or_a_clear_error(text):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('some delays and NEAR OR words')")
    try:
        expr = fts_query(text)
    except SearchError:
        return
    db.execute("SELECT * FROM t WHERE t MATCH ?", (expr,)).fetchall()  # never an FTS syntax error


@pytest.mark.parametrize(
    "hostile",
    ['"foo" OR bar*', "NEAR(delay", 'delay"', "delay AND NOT x", "text:delay", "{text}: delay", "^delay"],
)
def test_fts_syntax_in_user_text_is_plain_text(store, hostile):
    hits = search(store, hostile)  # no error; operators are words that must occur
    assert all("delay" in h.text.lower() for h in hits)
    assert search(store, "delays OR nonsenseword") == []  # OR is a word, not an operator


# --- ranking, stemming, filters ---------------------------------------------------------------


def test_stemming_finds_every_form(store):
    for word in ("delay", "delays", "delayed", "DELAYING"):
        found = texts(search(store, word))
        assert S400 in found and RAFALE in found, word
        assert "Delivery delayed by financial problems" in found


def test_ranking_is_bm25_best_first(store):
    hits = search(store, "delayed")
    assert hits[0].text == RAFALE  # "delayed" twice in a short sentence
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_every_word_must_occur_and_phrases_match_in_order(store):
    assert {(h.kind, h.text) for h in search(store, "delays Rafale")} == {("claim", RAFALE), ("text", RAFALE)}
    assert search(store, '"delayed financial"') == []
    assert [h.row for h in search(store, '"delayed by financial"')] == [7]


def test_hits_carry_claim_deal_and_source(store):
    claim = next(h for h in search(store, "remaining") if h.kind == "claim")
    assert claim.claim and claim.claim.startswith(str(iris.article_source("a1")))
    assert claim.deal and claim.deal.startswith(str(ns.ID["deal/"]))
    assert claim.url == "https://news.example/a1" and claim.title == "India and Russia talk"
    assert claim.buyers == [str(iris.country("IND"))] and claim.suppliers == [str(iris.country("RUS"))]
    assert claim.year == 2018
    comment = search(store, "licensed")[0]
    assert comment.kind == "comment" and comment.row == 8 and comment.claim is None
    assert comment.deal == str(iris.register_deal("test", "8"))
    assert comment.where == "Test register, row 8"
    kinds = {h.kind for h in search(store, "air defence")}
    assert kinds == {"text"}  # only the article body says it
    assert {h.kind for h in search(store, "Falcons")} == {"title"}


def test_filters_by_party_and_year(store):
    assert {h.text for h in search(store, "delay", buyer="India", supplier="Russia")} >= {S400}
    assert RAFALE not in texts(search(store, "delay", supplier="RUS"))
    assert set(texts(search(store, "delay", supplier="France"))) == {RAFALE}
    assert search(store, "delay", buyer="Pakistan") == []
    assert set(texts(search(store, "delay", year_from=2010, year_to=2016))) == {RAFALE}
    assert [h.row for h in search(store, "delay", year_to=2005)] == [7]
    article_hits = search(store, "air defence", buyer="India", supplier="Russia")
    assert len(article_hits) == 1  # an article's text carries the parties of its deals


def test_unknown_party_is_a_usage_error(store):
    from kg.errors import UnknownName  # the one party resolver's error (exit 2), as everywhere

    with pytest.raises(UnknownName):
        search(store, "delay", buyer="Atlantis")


# --- kept in step with the store --------------------------------------------------------------


def test_refresh_reindexes_only_changed_graphs(store):
    first = refresh(store)
    assert first.indexed == 4 and first.documents > 0
    again = refresh(store)
    assert again.indexed == 0 and again.unchanged == 4 and again.documents == 0


def test_reimport_replaces_the_old_text(store):
    assert search(store, "remaining")
    graph, data = article("a1", "India and Russia talk", "All S-400 units arrived on schedule.", [])
    store.replace_graphs({graph: data})
    assert search(store, "remaining") == []
    assert [h.kind for h in search(store, "schedule")] == ["text"]


def test_dropped_graph_leaves_no_hits(store):
    assert search(store, "licensed")
    store.drop_graphs([RELEASE])
    assert search(store, "licensed") == []
    assert search(store, "delay", year_to=2005) == []
    index = open_index(store)
    assert index.db.execute("SELECT COUNT(*) FROM docs WHERE graph = ?", (str(RELEASE),)).fetchone()[0] == 0
    assert (
        index.db.execute("SELECT COUNT(*) FROM parties WHERE doc NOT IN (SELECT id FROM docs)").fetchone()[0]
        == 0
    )


def test_change_with_same_hash_is_still_seen(store):
    """A write that keeps kg:contentHash but changes the texts (e.g. kg import rdf) is caught."""
    assert search(store, "licensed")
    changed = dict(REGISTER)
    changed[8] = ("Assembled locally; option on 40 more", FRA, IND, 2016)
    store.replace_graphs({RELEASE: register_graph(changed)})
    assert search(store, "licensed") == []
    assert [h.row for h in search(store, "assembled")] == [8]


def test_fingerprints_cover_only_graphs_with_text(store):
    prints = fingerprints(store)
    assert str(RELEASE) in prints and str(iris.article_source("a1")) in prints
    assert str(iris.REFERENCE_GRAPH) not in prints


def test_index_locations(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_SEARCH_INDEX", raising=False)
    disk = open_store(str(tmp_path / "store"))
    try:
        assert index_location(disk) == str(tmp_path / "store" / "search.sqlite")
        assert not index_exists(disk)
        refresh(disk)
        assert index_exists(disk)
    finally:
        disk.close()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from kg.store import RemoteStore

    remote = index_location(RemoteStore("http://127.0.0.1:9"))
    assert remote.startswith(str(tmp_path / "cache" / "kg" / "search-"))
    monkeypatch.setenv("KG_SEARCH_INDEX", str(tmp_path / "elsewhere.sqlite"))
    assert index_location(open_store("memory:")) == str(tmp_path / "elsewhere.sqlite")


def test_an_older_index_layout_is_rebuilt(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema', '0');"
    )
    db.close()
    index = SearchIndex(str(path))
    assert index.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] != "0"
    index.close()


def test_remote_store_search(remote_store, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    graph, data = article("remote1", "Remote", RAFALE, [_claim(RAFALE, FRA, IND, "Rafale", 2016)])
    remote_store.replace_graphs({graph: data})
    try:
        assert RAFALE in texts(search(remote_store, "delays", buyer="India"))
        remote_store.drop_graphs([graph])
        assert search(remote_store, "delays") == []
    finally:
        remote_store.drop_graphs([graph])


# --- the CLI ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article missing: {SEED}")
    root = tmp_path_factory.mktemp("search-demo")
    store = str(root / "store")
    runner = CliRunner()
    done = runner.invoke(cli, ["--store", store, "demo", "--out", str(root / "out")])
    assert done.exit_code == 0, done.output
    done = runner.invoke(
        cli, ["--store", store, "import", "articles", str(SEED), "--published", "2026-05-26"]
    )
    assert done.exit_code == 0, done.output
    return store


def test_done_when_delay_finds_the_s400_sentence_first(demo_store):
    result = CliRunner().invoke(cli, ["--store", demo_store, "search", "delay", "--format", "json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    first = hits[0]
    assert first["kind"] == "claim"
    assert "S-400" in first["text"] and "delays" in first["text"]
    assert first["claim"] and first["deal"] and first["source"]
    table = CliRunner().invoke(cli, ["--store", demo_store, "search", "delay", "--format", "table"])
    assert table.exit_code == 0 and "claim" in table.output and "Russia" in table.output


def test_cli_filters_and_errors(demo_store):
    runner = CliRunner()
    none = runner.invoke(
        cli, ["--store", demo_store, "search", "delay", "--buyer", "Chile", "--format", "json"]
    )
    assert none.exit_code == 0 and json.loads(none.output) == []
    bad = runner.invoke(cli, ["--store", demo_store, "search", "delay", "--buyer", "Atlantis"])
    assert bad.exit_code == 2 and "Atlantis" in bad.output
    empty = runner.invoke(cli, ["--store", demo_store, "search", "***"])
    assert empty.exit_code == 2 and "nothing to search for" in empty.output


def test_import_commands_refresh_an_existing_index(tmp_path):
    """A write command brings the index in step at its end (no search needed in between)."""
    store = str(tmp_path / "store")
    runner = CliRunner()
    url = "https://news.example/quiet"  # same URL: the corrected version replaces the graph
    src = tmp_path / "a.md"
    src.write_text("# Quiet news\n\nNothing happened to the zeppelinium order.\n", encoding="utf-8")
    assert runner.invoke(cli, ["--store", store, "import", "articles", str(src), "--url", url]).exit_code == 0
    index_file = Path(store) / "search.sqlite"
    assert not index_file.exists()  # no index until the first search
    assert runner.invoke(cli, ["--store", store, "search", "zeppelinium"]).exit_code == 0
    assert index_file.exists()
    src.write_text("# Quiet news\n\nNothing happened to the unobtanium order.\n", encoding="utf-8")
    assert runner.invoke(cli, ["--store", store, "import", "articles", str(src), "--url", url]).exit_code == 0
    db = sqlite3.connect(index_file)
    words = db.execute("SELECT COUNT(*) FROM fts WHERE fts MATCH 'unobtanium'").fetchone()[0]
    stale = db.execute("SELECT COUNT(*) FROM fts WHERE fts MATCH 'zeppelinium'").fetchone()[0]
    db.close()
    assert (words, stale) == (1, 0)


# --- the endpoint ----------------------------------------------------------------------------

EVIL = 'Evil <script>window.__x=1</script> delays & "quotes"'


@pytest.fixture(scope="module")
def search_server(tmp_path_factory):
    from kg.serve import ServeConfig
    from kg.serve.app import SparqlServer

    path = tmp_path_factory.mktemp("search-serve") / "store"
    s = open_store(str(path))
    graph, data = article("evil", EVIL, EVIL, [_claim(EVIL, RUS, IND, "S-400", 2018)])
    s.replace_graphs({graph: data, RELEASE: register_graph(REGISTER)})
    s.close()
    with SparqlServer(ServeConfig(location=str(path), port=0, quiet=True)) as srv:
        srv.start()
        yield srv


def test_endpoint_search_json(search_server):
    r = httpx.get(f"{search_server.url}/search", params={"q": "delay", "buyer": "India", "to": "2010"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    data = r.json()
    assert data["query"] == "delay"
    assert [h["row"] for h in data["hits"]] == [7]
    evil = httpx.get(f"{search_server.url}/search", params={"q": "script delays"}).json()
    assert any(h["text"] == EVIL for h in evil["hits"])  # JSON carries the text as data


def test_endpoint_search_html_is_escaped(search_server):
    r = httpx.get(f"{search_server.url}/search", params={"q": "delays", "format": "html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script>" not in r.text and "&lt;script&gt;" in r.text
    assert "Content-Security-Policy" in r.headers
    page = httpx.get(f"{search_server.url}/").text
    assert "action='search'" in page and "name=q" in page


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "delay", "limit": "many"},
        {"q": "delay", "from": "1990; DROP TABLE docs"},
        {"q": "delay", "buyer": "Atlantis"},
        {"q": "delay", "format": "xml"},
        [("q", "delay"), ("q", "again")],
    ],
)
def test_endpoint_search_bad_parameters_are_400(search_server, params):
    r = httpx.get(f"{search_server.url}/search", params=params)
    assert r.status_code == 400
    assert r.text.count("\n") == 1
    assert httpx.get(f"{search_server.url}/search", params={"q": "delay"}).status_code == 200


def test_endpoint_search_is_read_only(search_server):
    r = httpx.post(f"{search_server.url}/search", data={"q": "delay"})
    assert r.status_code in (404, 405)
    r = httpx.get(f"{search_server.url}/search", params={"q": '"foo" OR NEAR( bar*'})
    assert r.status_code == 200 and r.json()["hits"] == []


def test_endpoint_search_sees_imports_made_while_it_runs(search_server, monkeypatch):
    import kg.serve.search

    monkeypatch.setattr(kg.serve.search, "SERVE_REFRESH_INTERVAL", 0.0)
    url = f"{search_server.url}/search"
    assert httpx.get(url, params={"q": "zeppelins"}).json()["hits"] == []
    graph, data = article("late", "Late news", "Zeppelins were delayed.", [])
    writer = open_store(search_server.config.location)
    writer.replace_graphs({graph: data})
    writer.close()
    try:
        assert [h["kind"] for h in httpx.get(url, params={"q": "zeppelins"}).json()["hits"]] == ["text"]
    finally:
        writer = open_store(search_server.config.location)
        writer.drop_graphs([graph])
        writer.close()
    assert httpx.get(url, params={"q": "zeppelins"}).json()["hits"] == []
