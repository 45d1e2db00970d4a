"""The SPARQL endpoint (``kg serve``), exercised over real HTTP with httpx.

Servers run in-process (HTTP in a thread, queries in worker processes) on free loopback
ports, over an on-disk store loaded with ``tests/fixtures/queries_world.trig``.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from helpers.paths import FIXTURES
from helpers.trig import oxigraph_store_dir
from rdflib import Graph

from kg.serve import ServeConfig, parse_size
from kg.serve.app import SparqlServer
from kg.serve.guard import Refused, check, inspect

FIXTURE = FIXTURES / "queries_world.trig"
LABELS = (
    "SELECT ?s ?l WHERE { GRAPH <https://w3id.org/defence-kg/id/graph/reference> "
    "{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?l LIMIT 3"
)
CROSS_PRODUCT = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } "
    "GRAPH ?c { ?s3 ?p3 ?o3 } GRAPH ?d { ?s4 ?p4 ?o4 } }"
)


def fixture_quads(graph: str | None = None) -> int:
    """Quads in the fixture (or in one of its graphs), counted by pyoxigraph's own parser."""
    quads = ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return sum(1 for q in quads if graph is None or q.graph_name.value == graph)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return oxigraph_store_dir(tmp_path_factory.mktemp("serve") / "store", FIXTURE)


@pytest.fixture(scope="module")
def views_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("views")
    (root / "network.html").write_text("<!doctype html><title>net</title><p>graph</p>", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "ego.html").write_text("<p>ego</p>", encoding="utf-8")
    (root.parent / "secret.html").write_text("secret", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def server(store_path, views_dir):
    config = ServeConfig(
        location=str(store_path),
        port=0,
        timeout=1.5,
        max_rows=50,
        max_body=20_000,
        views_dir=views_dir,
        quiet=True,
    )
    with SparqlServer(config) as srv:
        srv.start()
        yield srv


@pytest.fixture()
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


# --- guard (no HTTP) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query,status,needle",
    [
        ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", 403, "SERVICE"),
        ("select * where { service silent ?ep { ?s ?p ?o } }", 403, "SERVICE"),
        ("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", 403, "SERVICE"),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", 403, "file:///etc/passwd"),
        ("SELECT * FROM NAMED <https://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", 403, "example.org"),
        ("PREFIX f: <file:///etc/> SELECT * FROM f:passwd WHERE { ?s ?p ?o }", 403, "file:///etc/passwd"),
        ("BASE <file:///etc/> SELECT * FROM <passwd> WHERE { ?s ?p ?o }", 403, "file:///etc/passwd"),
        ("LOAD <http://example.org/x.ttl>", 403, "LOAD"),
        # refused on purpose: the letters outside strings, IRIs and variables (issue 11)
        ("SELECT * WHERE { GRAPH ?g { ?s <http://e/service> ?load } } # SERVICE <http://x/>", 403, "SERVICE"),
        ("PREFIX service: <http://e/> ASK { GRAPH ?g { ?s service:from ?o } }", 403, "SERVICE"),
        ("PREFIX ex: <http://127.0.0.1:9/> SELECT * { SERVICEex:sparql { ?a ?b ?c } }", 403, "SERVICE"),
        (
            "PREFIX : <http://e/#Deal> SELECT * { ?s a :.SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
            403,
            "SERVICE",
        ),
        ("DROP ALL", 403, "read-only"),
        ("PREFIX x: <http://e/> INSERT DATA { x:a x:b x:c }", 403, "read-only"),
        ("ASKING", 400, "not a SPARQL query"),
    ],
)
def test_guard_refuses(query, status, needle):
    with pytest.raises(Refused) as info:
        check(query)
    assert info.value.status == status
    assert needle in info.value.message


@pytest.mark.parametrize(
    "query,form",
    [
        ('SELECT * WHERE { GRAPH ?g { ?s ?p "SERVICE LOAD FROM <file:///x>" } }', "SELECT"),
        ("SELECT * WHERE { GRAPH ?g { ?s <http://e/service> ?load } } # other words", "SELECT"),
        ("PREFIX svc: <http://e/service#> ASK { GRAPH ?g { ?s svc:from ?o FILTER(?o != 'LOAD') } }", "ASK"),
        ("SELECT * FROM <https://w3id.org/defence-kg/id/graph/reference> WHERE { ?s ?p ?o }", "SELECT"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o FILTER(?o<?s) } }", "CONSTRUCT"),
        ("DESCRIBE <http://e/x>", "DESCRIBE"),
        ("SELECT ?x WHERE { BIND('''it's a \"drop\"''' AS ?x) }", "SELECT"),
    ],
)
def test_guard_allows_keywords_inside_strings_iris_and_variables(query, form):
    assert check(query).form == form


def test_guard_update_rules():
    assert check("CLEAR GRAPH <http://e/g>", allow_update=True, expect_update=True).is_update
    with pytest.raises(Refused, match="LOAD"):
        check("LOAD <http://e/x>", allow_update=True, expect_update=True)
    with pytest.raises(Refused, match="update endpoint"):
        check("SELECT * {}", allow_update=True, expect_update=True)
    assert inspect("WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }").is_update


def test_parse_size():
    assert parse_size("1MB") == 1_000_000
    assert parse_size("64KiB") == 65536
    assert parse_size("2048") == 2048
    with pytest.raises(ValueError):
        parse_size("lots")


# --- formats --------------------------------------------------------------------------


def test_select_json_xml_csv_tsv(client):
    r = client.get("/query", params={"query": LABELS}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    data = r.json()
    assert data["head"]["vars"] == ["s", "l"]
    assert [b["l"]["value"] for b in data["results"]["bindings"]] == ["Barak-MX", "China", "F-16C"]

    r = client.post("/query", data={"query": LABELS}, headers={"Accept": "application/sparql-results+xml"})
    assert r.status_code == 200 and "sparql-results+xml" in r.headers["content-type"]
    from rdflib.query import Result

    xml_rows = Result.parse(io.BytesIO(r.content), format="xml")
    assert [str(row[1]) for row in xml_rows] == ["Barak-MX", "China", "F-16C"]

    r = client.post(
        "/query", content=LABELS, headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"}
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["s", "l"] and [row[1] for row in rows[1:]] == ["Barak-MX", "China", "F-16C"]
    assert rows[1][0] == "https://w3id.org/defence-kg/id/system/barak-mx"

    r = client.get("/query", params={"query": LABELS, "format": "tsv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/tab-separated-values")
    lines = r.text.splitlines()
    assert lines[0] == "?s\t?l"
    assert lines[1] == '<https://w3id.org/defence-kg/id/system/barak-mx>\t"Barak-MX"'


def test_ask_and_typed_literals(client):
    r = client.get("/sparql", params={"query": "ASK { GRAPH ?g { ?s ?p 1962 } }"})
    assert r.status_code == 200 and r.json() == {"head": {}, "boolean": True}
    q = "SELECT ?y WHERE { GRAPH ?g { ?d <https://w3id.org/defence-kg/ontology#orderYear> ?y } } ORDER BY ?y LIMIT 1"
    binding = client.get("/query", params={"query": q}).json()["results"]["bindings"][0]["y"]
    assert binding == {
        "type": "literal",
        "value": "1962",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    }


@pytest.mark.parametrize(
    "accept,rdflib_format",
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")],
)
def test_construct_formats(client, accept, rdflib_format):
    q = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/defence-kg/id/source/article/a2> { ?s ?p ?o } }"
    r = client.get("/query", params={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=r.text, format=rdflib_format)
    assert len(graph) == fixture_quads("https://w3id.org/defence-kg/id/source/article/a2") > 20


def test_not_acceptable(client):
    r = client.get("/query", params={"query": LABELS}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    r = client.get("/query", params={"query": LABELS, "format": "turtle"})
    assert r.status_code == 406


def test_syntax_error_is_400(client):
    r = client.get("/query", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400 and "syntax" in r.text.lower()


def test_row_limit_is_announced(client):
    q = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = client.get("/query", params={"query": q})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 50
    assert r.headers["x-kg-truncated"] == "true" and r.headers["x-kg-row-limit"] == "50"
    small = client.get("/query", params={"query": LABELS})
    assert "x-kg-truncated" not in small.headers


# --- refusals -------------------------------------------------------------------------


def test_updates_are_refused(client, store_path):
    r = client.post("/update", data={"update": "DROP ALL"})
    assert r.status_code == 403 and "read-only" in r.text
    r = client.post("/update", content="DROP ALL", headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403
    r = client.post("/query", data={"query": "DROP ALL"})
    assert r.status_code == 403
    count = client.get("/query", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert count.json()["results"]["bindings"][0]["n"]["value"] == str(fixture_quads())


def test_service_never_reaches_the_network(client):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    queries = [
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ]
    try:
        for q in queries:
            r = client.post("/query", data={"query": q})
            assert r.status_code == 403 and "SERVICE" in r.text
        with pytest.raises(TimeoutError):
            listener.accept()  # nothing ever connected
    finally:
        listener.close()


def test_from_and_load_are_refused(client):
    r = client.get("/query", params={"query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"})
    assert r.status_code == 403 and "file:///etc/passwd" in r.text
    r = client.get(
        "/query", params={"query": "SELECT * FROM NAMED <http://169.254.169.254/> WHERE { ?s ?p ?o }"}
    )
    assert r.status_code == 403
    r = client.post("/update", data={"update": "LOAD <file:///etc/passwd>"})
    assert r.status_code == 403 and "LOAD" in r.text
    r = client.get("/query", params={"query": LABELS, "default-graph-uri": "file:///etc/passwd"})
    assert r.status_code == 400


def test_dns_rebinding_host_is_refused(client):
    r = client.get("/query", params={"query": LABELS}, headers={"Host": "attacker.example:8000"})
    assert r.status_code == 403 and "Host" in r.text
    assert (
        client.get("/query", params={"query": LABELS}, headers={"Host": "localhost:8000"}).status_code == 200
    )


def test_oversized_body_is_413(client):
    big = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } #" + "x" * 30_000
    r = client.post("/query", content=big, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413
    # the server closes this connection (the body is not a request): it says so, so a
    # keep-alive client opens a new one for its next request instead of failing on it
    assert r.headers.get("connection") == "close"
    r = client.post("/query", data={"query": big})
    assert r.status_code == 413
    assert client.get("/query", params={"query": "ASK {}"}).status_code == 200


def test_timeout_stops_a_cross_product(client, server):
    started = time.monotonic()
    r = client.get("/query", params={"query": CROSS_PRODUCT})
    elapsed = time.monotonic() - started
    assert r.status_code in (503, 504)
    assert "longer than" in r.text
    assert elapsed < server.config.timeout + 2
    # the server recovers: the killed worker is replaced and queries run again
    deadline = time.monotonic() + 15
    while True:
        ok = client.get("/query", params={"query": LABELS})
        if ok.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert ok.status_code == 200


def test_concurrent_timeouts_do_not_wedge_the_pool(server):
    results: list[int] = []

    def slow() -> None:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            results.append(c.get("/query", params={"query": CROSS_PRODUCT}).status_code)

    threads = [threading.Thread(target=slow) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(code in (503, 504) for code in results) and len(results) == 3
    with httpx.Client(base_url=server.url, timeout=30) as c:
        deadline = time.monotonic() + 15
        while c.get("/query", params={"query": LABELS}).status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.2)


# --- named queries, page, views -------------------------------------------------------


def test_named_queries_over_http(client):
    listing = client.get("/queries").json()
    assert {q["name"] for q in listing} >= {"suppliers-of-buyer", "buyers-of-both", "deal-timeline"}
    r = client.get("/queries/suppliers-of-buyer", params={"buyer": "Pakistan", "format": "csv"})
    assert r.status_code == 200
    assert r.text.splitlines() == [
        "year,supplier,supplierLabel,deals,units,tivDelivered",
        "1994,https://w3id.org/defence-kg/id/country/FRA,France,1,3,900",
        "2006,https://w3id.org/defence-kg/id/country/CHN,China,1,50,750",
        "2006,https://w3id.org/defence-kg/id/country/USA,United States,1,18,540",
    ]
    shares = client.get("/queries/supplier-shares", params={"buyer": "India", "from": "2000", "period": "10"})
    data = shares.json()
    assert data["head"]["vars"][-1] == "share"
    assert [b["share"]["value"] for b in data["results"]["bindings"]] == [
        "1.0000",
        "1.0000",
        "0.6774",
        "0.3226",
    ]
    limited = client.get("/queries/recent-claims", params={"limit": "1"}).json()
    assert len(limited["results"]["bindings"]) == 1
    # a system only the store knows (not in the catalogue) resolves through the worker pool
    r = client.get("/queries/buyers-of-system", params={"system": "Agosta-90B", "format": "csv"})
    assert r.status_code == 200 and "Pakistan" in r.text


def test_named_query_form_with_empty_fields_uses_defaults(client):
    # the page's forms submit every field, empty when the user keeps the default
    r = client.get("/queries/suppliers-of-buyer", params={"buyer": "", "from": "", "to": "", "format": "csv"})
    assert r.status_code == 200 and "Soviet Union" in r.text  # default buyer India, all years


def test_named_query_errors_over_http(client):
    r = client.get("/queries/suppliers-of-buyer", params={"buyer": "Pakistn"})
    assert r.status_code == 400 and "Pakistan" in r.text
    r = client.get("/queries/no-such-query")
    assert r.status_code == 400 and "no named query" in r.text
    r = client.get("/queries/suppliers-of-buyer", params={"buyer": 'India" } ; DROP ALL ; #'})
    assert r.status_code == 400


def test_named_query_html_is_escaped(client):
    r = client.get(
        "/queries/deal-sources",
        params={"deal": "https://w3id.org/defence-kg/id/deal/s400-ind"},
        headers={"Accept": "text/html"},
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script" not in r.text and "default-src 'none'" in r.headers["content-security-policy"]
    assert "India signed a $5.43 billion contract" in r.text


def test_page_works_offline(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp
    html = r.text
    assert "<textarea name=query" in html and "/queries/" not in html.split("<script>")[1]
    # no external resources: nothing loaded by src= or <link>, no CDN
    assert " src=" not in html and "<link" not in html and "cdn" not in html.lower()
    for name in ("suppliers-of-buyer", "deal-timeline", "buyers-of-both"):
        assert f"action='queries/{name}'" in html
    assert "views/network.html" in html and "views/sub/ego.html" in html
    # the hash in the CSP is the hash of the inline script actually served
    import base64
    import hashlib

    script = html.split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_views_are_served_read_only(client):
    r = client.get("/views/network.html")
    assert r.status_code == 200 and "<p>graph</p>" in r.text
    assert "connect-src 'none'" in r.headers["content-security-policy"]
    assert client.get("/views/sub/ego.html").status_code == 200
    assert client.get("/views/../secret.html").status_code == 404
    assert client.get("/views/%2e%2e/secret.html").status_code == 404
    assert client.post("/views/network.html", content=b"x").status_code in (404, 405)
    assert "network.html" in client.get("/views/").text


# --- writable mode --------------------------------------------------------------------


def test_writable_server_accepts_updates_but_never_load(tmp_path):
    store_path = oxigraph_store_dir(tmp_path / "store", FIXTURE)
    config = ServeConfig(location=str(store_path), port=0, timeout=5, writable=True, quiet=True)
    with SparqlServer(config) as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        srv.start()
        r = c.post(
            "/update",
            data={"update": 'INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> "new" } }'},
        )
        assert r.status_code == 204, r.text
        r = c.get("/query", params={"query": 'ASK { GRAPH <http://e/g> { ?s ?p "new" } }'})
        assert r.json()["boolean"] is True
        # a page on another site cannot write through the user's browser (CSRF)
        r = c.post(
            "/update",
            data={"update": "DROP ALL"},
            headers={"Origin": "https://evil.example"},
        )
        assert r.status_code == 403 and "cross-origin" in r.text
        assert c.get("/query", params={"query": 'ASK { GRAPH <http://e/g> { ?s ?p "new" } }'}).json()[
            "boolean"
        ]
        r = c.post("/update", data={"update": "LOAD <http://127.0.0.1:9/x.ttl>"})
        assert r.status_code == 403
        r = c.post("/update", data={"update": "SELECT * {}"})
        assert r.status_code == 400


def test_serve_refuses_non_directory_stores(tmp_path):
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="on-disk"):
        SparqlServer(ServeConfig(location="memory:", port=0))
    with pytest.raises(StoreError, match="no store"):
        SparqlServer(ServeConfig(location=str(tmp_path / "missing"), port=0))


def test_json_results_parse_with_rdflib(client):
    from rdflib.query import Result

    r = client.get("/queries/deals-between", params={"format": "json"})
    result = Result.parse(io.BytesIO(r.content), format="json")
    assert len(list(result)) == 5
    assert json.loads(r.text)["head"]["vars"][0] == "deal"


# --- the query page in a real browser ---------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
def test_query_page_runs_in_chromium_offline(server):
    """The page's inline script is allowed by its CSP hash, runs a query and builds the table."""
    if not CHROMIUM.exists():
        pytest.skip("chromium not installed: apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            errors: list[str] = []
            requests: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(server.url + "/")
            page.fill("textarea[name=query]", LABELS)
            page.click("#qform button")
            page.wait_for_selector("#out table", timeout=15_000)
            cells = page.locator("#out table tr td:nth-child(2)").all_text_contents()
            assert cells == ["Barak-MX", "China", "F-16C"]
            assert "row(s)" in page.locator("#status").text_content()
            assert errors == []
            assert all(u.startswith(server.url) for u in requests), requests
        finally:
            browser.close()


# --- browsers: foreign origins, HEAD ---------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},  # sandboxed frames, file: pages
        {"Sec-Fetch-Site": "cross-site"},  # <img src>, links, iframes of another site
        {"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "no-cors"},  # another port of this host
    ],
)
def test_reads_from_another_site_are_refused(client, headers):
    for r in (
        client.get("/query", params={"query": LABELS}, headers=headers),
        client.post("/query", data={"query": LABELS}, headers=headers),
        client.get("/queries/suppliers-of-buyer", params={"buyer": "India"}, headers=headers),
    ):
        assert r.status_code == 403, r.text
        assert "refused" in r.text and "access-control-allow-origin" not in r.headers


def test_reads_from_own_page_and_plain_clients_are_served(client, server):
    own = server.url  # http://127.0.0.1:PORT, what the query page's fetch sends
    for headers in ({}, {"Origin": own, "Sec-Fetch-Site": "same-origin"}, {"Sec-Fetch-Site": "none"}):
        r = client.post("/query", data={"query": LABELS}, headers=headers)
        assert r.status_code == 200, (headers, r.text)
    # the page itself and the static routes stay reachable from links on other sites
    assert client.get("/", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 200


def test_allow_origin_lets_that_page_read_but_never_write(store_path):
    app_origin = "http://localhost:3000"
    config = ServeConfig(location=str(store_path), port=0, quiet=True, allow_origins=(app_origin,))
    with SparqlServer(config) as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        srv.start()
        r = c.post(
            "/query", data={"query": LABELS}, headers={"Origin": app_origin, "Sec-Fetch-Site": "cross-site"}
        )
        assert r.status_code == 200 and r.headers["access-control-allow-origin"] == app_origin
        pre = c.options("/query", headers={"Origin": app_origin, "Access-Control-Request-Method": "POST"})
        assert pre.status_code == 204 and pre.headers["access-control-allow-origin"] == app_origin
        assert c.options("/query", headers={"Origin": "http://evil.example"}).status_code == 403
        r = c.post("/query", data={"query": LABELS}, headers={"Origin": "http://evil.example"})
        assert r.status_code == 403
        r = c.post("/update", data={"update": "DROP ALL"}, headers={"Origin": app_origin})
        assert r.status_code == 403


def test_head_answers_like_get_without_a_body(client):
    for path, params in (("/query", {"query": LABELS, "format": "csv"}), ("/", {}), ("/queries", {})):
        got = client.get(path, params=params)
        head = client.head(path, params=params)
        assert head.status_code == got.status_code == 200
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert int(head.headers["content-length"]) == len(got.content)
    assert client.head("/nowhere").status_code == 404
