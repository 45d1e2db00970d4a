"""The remote store on both real engines (Oxigraph server, Virtuoso): credentials, truncated
results, atomic writes, the union default graph, ``SELECT *`` column order."""

from __future__ import annotations

import csv
import io
import os

import httpx
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kg.cli.app import cli
from kg.errors import QueryError, StoreError
from kg.store import RemoteStore, open_store
from kg.store.remote import Credentials, redact, split_credentials
from scripts.servers import VIRTUOSO_MAX_ROWS

G = URIRef("https://example.org/graph/one")
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def _triples(n: int, tag: str = "v") -> bytes:
    return "".join(
        f'<https://example.org/s{i}> <https://example.org/p> "{tag}{i}" .\n' for i in range(n)
    ).encode()


# --- credentials (no server needed) ---------------------------------------------------------


def test_credentials_from_url_win_over_environment(monkeypatch) -> None:
    monkeypatch.setenv("KG_REMOTE_USER", "envuser")
    monkeypatch.setenv("KG_REMOTE_PASSWORD", "envpw")
    url, creds = split_credentials("http://alice:p%40ss@127.0.0.1:8890/base")
    assert url == "http://127.0.0.1:8890/base"
    assert creds == Credentials("alice", "p@ss")
    url, creds = split_credentials("http://127.0.0.1:8890")
    assert (url, creds) == ("http://127.0.0.1:8890", Credentials("envuser", "envpw"))
    monkeypatch.delenv("KG_REMOTE_USER")
    assert split_credentials("http://127.0.0.1:8890") == ("http://127.0.0.1:8890", None)


def test_password_never_shown(monkeypatch) -> None:
    monkeypatch.delenv("KG_REMOTE_USER", raising=False)
    store = RemoteStore("http://bob:hunter2secret@127.0.0.1:9", timeout=1)
    assert "hunter2secret" not in repr(store) + store.location + repr(store._credentials)
    with pytest.raises(StoreError) as err:
        store.query("ASK {}")
    assert "hunter2secret" not in str(err.value) and "127.0.0.1:9" in str(err.value)
    creds = Credentials("bob", "hunter2secret")
    assert redact("http://bob:hunter2secret@h/x failed: hunter2secret", creds) == "http://h/x failed: ***"


# --- both engines ---------------------------------------------------------------------------


def test_engine_is_recognised(remote_store) -> None:
    assert remote_store.engine in ("oxigraph", "virtuoso")
    assert remote_store.named_graphs() == []  # Virtuoso's system graphs are not kg's
    assert remote_store.count() == 0


def test_union_default_graph(any_store) -> None:
    any_store.replace_graphs({G: f'<https://example.org/x> {RDFS_LABEL} "X" .\n'})
    q = f"SELECT ?l WHERE {{ ?x {RDFS_LABEL} ?l }}"
    assert [str(r[0]) for r in any_store.query(q, union=True)] == ["X"]
    plain = [str(r[0]) for r in any_store.query(q)]
    # Virtuoso's default graph is always the union of all graphs (docs/remote-stores.md)
    assert plain == (["X"] if getattr(any_store, "engine", None) == "virtuoso" else [])


def test_select_star_columns_in_written_order(any_store) -> None:
    any_store.replace_graphs({G: f'<https://example.org/x> {RDFS_LABEL} "X" .\n'})
    result = any_store.query("SELECT * WHERE { GRAPH ?zgraph { ?subject ?pred ?an_object } }")
    assert [str(v) for v in result.vars] == ["zgraph", "subject", "pred", "an_object"]


def test_cli_union_flag_and_csv_columns(any_store, tmp_path) -> None:
    any_store.replace_graphs({G: f'<https://example.org/x> {RDFS_LABEL} "X" .\n'})
    location = any_store.location
    if location == "memory:" or not location.startswith("http"):
        any_store.close()
    q = f"SELECT * WHERE {{ ?thing {RDFS_LABEL} ?label }}"
    result = CliRunner().invoke(cli, ["--store", location, "query", "--union", q, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["thing", "label"],
        ["https://example.org/x", "X"],
    ]


def test_booleans_and_typed_literals_come_back_standard(remote_store) -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    remote_store.replace_graphs(
        {
            G: f'<https://example.org/a> <https://example.org/flag> "true"^^<{xsd}boolean> .\n'
            f'<https://example.org/a> <https://example.org/year> "2020"^^<{xsd}gYear> .\n'
        }
    )
    rows = remote_store.select("SELECT ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?p", {"g": G})
    assert [r["o"] for r in rows] == [Literal(True), Literal("2020", datatype=URIRef(xsd + "gYear"))]


def test_service_and_pragmas_are_refused(remote_store) -> None:
    with pytest.raises(QueryError, match="SERVICE"):
        remote_store.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    if remote_store.engine == "virtuoso":
        with pytest.raises(QueryError, match="DEFINE"):
            remote_store.query('DEFINE get:soft "replace" SELECT * FROM <http://127.0.0.1:9/x> { ?s ?p ?o }')


def test_large_results_are_complete(remote_store) -> None:
    """Virtuoso cuts results at ResultSetMaxRows with a 200: kg pages them (export included)."""
    n = VIRTUOSO_MAX_ROWS * 2 + 17
    remote_store.replace_graphs({G: _triples(n)})
    assert remote_store.count(G) == n
    # (on Virtuoso, GRAPH ?g also ranges over its system graphs: bind it)
    assert len(remote_store.select("SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": G})) == n
    exact = remote_store.select(f"SELECT ?s WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }} LIMIT {VIRTUOSO_MAX_ROWS}")
    assert len(exact) == VIRTUOSO_MAX_ROWS
    # an aggregate over every row, computed by kg from the rows it read
    objects = remote_store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": G})
    assert len({str(r["o"]) for r in objects}) == n
    out = io.BytesIO()
    remote_store.export("nt", out, G)
    assert len(out.getvalue().splitlines()) == n
    out = io.BytesIO()
    remote_store.export("nq", out)
    assert len(out.getvalue().splitlines()) == n


def test_failed_write_leaves_the_old_graph(remote_store, monkeypatch) -> None:
    remote_store.replace_graphs({G: _triples(3, "old")})
    before = remote_store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o", {"g": G})
    assert len(before) == 3
    bad = _triples(6, "new") + b'<https://example.org/s> <https://example.org/p> "unterminated .\n'
    monkeypatch.setattr(remote_store, "chunk_triples", 2)  # the bad line arrives in a later request
    with pytest.raises((StoreError, QueryError)):
        remote_store.replace_graphs({G: bad})
    assert remote_store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o", {"g": G}) == before
    all_graphs = remote_store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert not [r for r in all_graphs if str(r["g"]).startswith(RemoteStore.TEMP_GRAPH_PREFIX)]


def test_failed_first_write_leaves_no_graph(remote_store, monkeypatch) -> None:
    """A graph the store does not hold is written straight into place (no temporary graph,
    no MOVE), and dropped again when a later chunk fails."""
    remote_store.drop_graphs([G])
    updates: list[str] = []
    real_update = remote_store.update
    monkeypatch.setattr(remote_store, "update", lambda s, **kw: (updates.append(s), real_update(s, **kw)))
    monkeypatch.setattr(remote_store, "chunk_triples", 2)
    remote_store.replace_graphs({G: _triples(5)})
    assert remote_store.count(G) == 5 and not [u for u in updates if "MOVE" in u]
    remote_store.drop_graphs([G])
    bad = _triples(6, "new") + b'<https://example.org/s> <https://example.org/p> "unterminated .\n'
    with pytest.raises((StoreError, QueryError)):
        remote_store.replace_graphs({G: bad})
    assert not remote_store.has_graph(G)
    assert remote_store.count(G) == 0


@pytest.mark.parametrize("failing_step", ["MOVE", "count", "SR171"])
def test_failure_after_upload_drops_the_temporary_graph(remote_store, monkeypatch, failing_step) -> None:
    """Replacing a graph the store holds: upload beside it, MOVE; any failure keeps the old graph."""
    remote_store.replace_graphs({G: _triples(3, "old")})
    before = remote_store.count(G)
    monkeypatch.setattr(remote_store, "difference_limit", 0)  # Oxigraph: swap whole, not by difference
    real_update, real_count = remote_store.update, remote_store.count

    def update(sparql: str, **kw) -> None:
        if sparql.startswith("MOVE") and failing_step == "MOVE":
            raise StoreError("injected failure")
        if sparql.startswith("MOVE") and failing_step == "SR171":
            raise StoreError("HTTP 500: Virtuoso S1T00 Error SR171: Transaction timed out")
        real_update(sparql, **kw)

    def count(graph=None) -> int:
        return real_count(graph) - 1 if failing_step == "count" and graph != G else real_count(graph)

    monkeypatch.setattr(remote_store, "update", update)
    monkeypatch.setattr(remote_store, "count", count)
    expected = {"MOVE": "injected failure", "count": "stored 4 of 5", "SR171": "SR171"}[failing_step]
    if failing_step == "SR171" and remote_store.engine == "virtuoso":
        expected = "could not swap the new 5-triple graph .* in one transaction"
    with pytest.raises(StoreError, match=expected):
        remote_store.replace_graphs({G: _triples(5, "new")})
    monkeypatch.undo()
    assert remote_store.count(G) == before
    assert remote_store.named_graphs() == [G]
    rows = remote_store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert not [r for r in rows if str(r["g"]).startswith(RemoteStore.TEMP_GRAPH_PREFIX)]


def test_wrong_password_is_a_clear_error(virtuoso_server) -> None:
    store = open_store(virtuoso_server.replace("http://", "http://kgtest:not-the-password@"))
    with pytest.raises(StoreError, match="401") as err:
        store.replace_graphs({G: _triples(1)})
    assert "not-the-password" not in str(err.value)
    assert os.environ["KG_REMOTE_PASSWORD"] not in str(err.value)


def test_virtuoso_refuses_anonymous_writes(virtuoso_server, monkeypatch) -> None:
    monkeypatch.delenv("KG_REMOTE_USER")
    store = open_store(virtuoso_server)
    with pytest.raises(StoreError):
        store.replace_graphs({G: _triples(1)})


def test_endpoint_union_parameter(tmp_path) -> None:
    from kg.serve.app import ServeConfig, SparqlServer

    store = open_store(str(tmp_path / "store"))
    store.replace_graphs({G: f'<https://example.org/x> {RDFS_LABEL} "X" .\n'})
    store.close()
    q = f"SELECT * WHERE {{ ?thing {RDFS_LABEL} ?label }}"
    config = ServeConfig(location=str(tmp_path / "store"), port=0, timeout=10, quiet=True)
    with SparqlServer(config) as srv:
        srv.start()
        with httpx.Client(base_url=srv.url, timeout=30) as c:
            plain = c.get("/query", params={"query": q, "format": "csv"})
            union = c.get("/query", params={"query": q, "format": "csv", "union-default-graph": ""})
    assert plain.status_code == 200 and plain.text.splitlines() == ["thing,label"]
    assert union.status_code == 200 and union.text.splitlines() == ["thing,label", "https://example.org/x,X"]


def test_paging_keeps_the_prologue_and_refuses_a_cut_construct(remote_store) -> None:
    n = VIRTUOSO_MAX_ROWS + 5
    remote_store.replace_graphs({G: _triples(n)})
    q = "# objects\nPREFIX ex: <https://example.org/>\nSELECT ?o WHERE { GRAPH ?g { ?s ex:p ?o } }"
    assert len(remote_store.select(q, {"g": G})) == n
    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}"
    small = remote_store.query(construct + " LIMIT 3")
    assert small.type == "CONSTRUCT" and len(small.graph) == 3
    if remote_store.engine == "virtuoso":  # its CONSTRUCT stops at the limit without saying so
        with pytest.raises(StoreError, match="ResultSetMaxRows"):
            remote_store.query(construct)
    else:
        assert len(remote_store.query(construct).graph) == n


def test_constants_inlined_into_the_where_group_only() -> None:
    from kg.store.remote_sparql import constants_inlined

    q = (
        "SELECT ?x (COUNT(?y) AS ?n) WHERE { GRAPH ?g { ?x <https://e.org/p> ?y } "
        'FILTER NOT EXISTS { GRAPH ?g { ?x <https://e.org/q> "?g" } } '
        "FILTER(!BOUND(?to) || ?y <= ?to) # ?g in a comment\n} GROUP BY ?x ?g"
    )
    bound = {"g": URIRef("https://e.org/G"), "to": Literal(2010)}
    out = constants_inlined(q, bound)
    assert out is not None
    where, after = out.rsplit("}", 1)
    assert where.count("?g") == 3  # the VALUES head, the string and the comment only
    assert '"?g"' in where and "# ?g in a comment" in where
    assert "GRAPH <https://e.org/G> {" in where and "!true ||" in where
    assert '?y <= "2010"^^<http://www.w3.org/2001/XMLSchema#integer>' in where
    assert after == " GROUP BY ?x ?g"  # clauses after the group keep their variables
    assert out.index("VALUES (?g ?to)") < out.index("GRAPH <https://e.org/G>")


@pytest.mark.parametrize(
    "body",
    [
        "{ ?s ?p ?o MINUS { ?s ?p ?g } }",
        "{ { SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } } }",
        "{ BIND(1 AS ?n) GRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_constants_not_inlined_where_they_would_change_the_answer(body) -> None:
    from kg.store.remote_sparql import constants_inlined

    assert constants_inlined("SELECT * WHERE " + body, {"g": URIRef("https://e.org/G")}) is None


@pytest.mark.parametrize(
    ("query", "form"),
    [
        (
            "PREFIX ex: <https://e.org/a#SELECT>\n# ASK in a comment\nCONSTRUCT WHERE { ?s ?p ?o }",
            "CONSTRUCT",
        ),
        ("BASE <https://e.org/#x> PREFIX : <https://e.org/> describe :x", "DESCRIBE"),
        ("#comment only", None),
        ("INSERT DATA { <a:b> <a:c> 'SELECT' }", None),
    ],
)
def test_query_form_reads_past_the_prologue_with_the_lexer(query, form) -> None:
    from kg.store.remote_sparql import query_form, split_prologue

    assert query_form(query) == form
    prologue, rest = split_prologue(query)
    assert prologue + rest == query and "{" not in prologue


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("DEFINE input:grab-all 'yes' SELECT * WHERE { ?s ?p ?o }", True),
        ("PREFIX ex: <https://e.org/> define get:soft 'soft' SELECT * WHERE { ?s ?p ?o }", True),
        ("PREFIX define: <https://e.org/#DEFINE> SELECT * WHERE { ?s define:x 'DEFINE' }", False),
        ("SELECT * WHERE { ?s ?p ?o } # DEFINE after the form is just a comment", False),
    ],
)
def test_pragmas_refused_only_before_the_query_form(query, refused) -> None:
    from kg.store.remote_sparql import refuse_pragmas

    if refused:
        with pytest.raises(QueryError, match="DEFINE"):
            refuse_pragmas(query)
    else:
        refuse_pragmas(query)


def test_a_graph_left_half_written_is_dropped_by_the_next_writer(remote_store) -> None:
    """A writer that dies mid-upload (or loses the server) leaves its marker; the next
    writable store drops the graph on first contact, a read-only one leaves it alone."""
    remote_store.replace_graphs({G: _triples(4)})
    pending = f"<{RemoteStore.PENDING_GRAPH}>"
    assert not remote_store.select(f"SELECT * WHERE {{ GRAPH {pending} {{ ?s ?p ?o }} }}")
    remote_store.update(f"INSERT DATA {{ GRAPH {pending} {{ {remote_store._marker(G)} }} }}")  # a crash
    assert open_store(remote_store.location, read_only=True).count(G) == 4
    assert remote_store.named_graphs() == [G]  # the marker graph is not listed
    fresh = open_store(remote_store.location)
    assert fresh.count(G) == 0 and not fresh.has_graph(G)
    assert not fresh.select(f"SELECT * WHERE {{ GRAPH {pending} {{ ?s ?p ?o }} }}")


@pytest.mark.parametrize("limit", [200_000, 1])
def test_replacement_by_difference_or_by_swap_gives_the_new_graph(remote_store, monkeypatch, limit) -> None:
    """Oxigraph server: a small change is one DELETE/INSERT DATA update (no MOVE); a larger
    one, and every replacement on Virtuoso, is uploaded beside the graph and moved."""
    remote_store.replace_graphs({G: _triples(6, "v")})
    new = _triples(4, "v") + b'<https://example.org/s9> <https://example.org/p> "new \\"quoted\\" line" .\n'
    updates: list[str] = []
    real_update = remote_store.update
    monkeypatch.setattr(remote_store, "update", lambda s, **kw: (updates.append(s), real_update(s, **kw)))
    monkeypatch.setattr(remote_store, "difference_limit", limit)
    remote_store.replace_graphs({G: new})
    rows = remote_store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": G})
    assert sorted(str(r["o"]) for r in rows) == ['new "quoted" line', "v0", "v1", "v2", "v3"]
    moved = [u for u in updates if u.startswith("MOVE")]
    by_difference = remote_store.engine == "oxigraph" and limit > 3
    assert (not moved and len(updates) == 1 and "DELETE DATA" in updates[0]) if by_difference else moved
    updates.clear()
    remote_store.replace_graphs({G: new})  # the same again: Oxigraph changes nothing, whatever the limit
    if remote_store.engine == "oxigraph":
        assert updates == []
    else:
        assert len([u for u in updates if u.startswith("MOVE")]) == 1


def test_a_partial_anytime_answer_is_an_error(remote_store) -> None:
    """Virtuoso answers a query cut at its time limit with a success and part of the rows
    (``X-SQL-State: S1TAT``); kg refuses it rather than show a partial aggregate."""
    if remote_store.engine != "virtuoso":
        pytest.skip("partial answers at a time limit are Virtuoso's")
    remote_store.replace_graphs({G: _triples(2000)})
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G}> {{ ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }} }}"
    with pytest.raises(StoreError, match="partial answer"):
        remote_store._post_query(q, {"timeout": "100"})  # the request's own limit, in ms
