"""Nothing in the package reaches the network at run time.

An audit hook on ``socket.connect`` (and ``socket.getaddrinfo``) fails every connection
to a non-loopback address, and to loopback except the test's own Oxigraph server, while
the main CLI commands run in this process.  Local IPC (AF_UNIX) is allowed.  The hook
sees Python sockets (urllib, http.client, httpx); Rust code inside pyoxigraph is
covered by the endpoint's SERVICE refusal test (tests/serve/test_serve.py).
"""

from __future__ import annotations

import socket
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers.network_guard import network_guard
from helpers.paths import FIXTURES

from kg.cli import cli


def test_the_guard_itself_refuses_outbound_and_foreign_loopback() -> None:
    with network_guard() as seen:
        with pytest.raises(OSError):
            urllib.request.urlopen("http://93.184.216.34/", timeout=2)
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert len(seen) == 2, seen


def run(runner: CliRunner, *args: str, ok: tuple[int, ...] = (0,)) -> str:
    res = runner.invoke(cli, list(args), catch_exceptions=True)
    assert res.exit_code in ok, (args, res.exit_code, res.output, res.exception)
    return res.stdout


def test_main_commands_never_touch_the_network(tmp_path: Path) -> None:
    runner = CliRunner()
    s = str(tmp_path / "store")
    out = tmp_path / "out"
    rdf = tmp_path / "x.ttl"
    rdf.write_text(
        '@prefix ex: <http://example.org/> .\nex:a ex:see <http://example.org/remote.ttl> ; ex:img "http://x/y.png" .\n'
    )
    article = FIXTURES / "articles" / "india_first_rafale_handover.md"
    with network_guard() as seen:
        run(runner, "--store", s, "demo", "--out", str(out))
        run(runner, "--store", s, "import", "articles", str(FIXTURES / "articles"))
        run(runner, "--store", s, "import", "sipri", str(FIXTURES / "sipri" / "register16_latin1.csv"))
        run(runner, "--store", s, "import", "rdf", str(rdf))
        run(runner, "extract", str(article), "--format", "ttl")
        run(
            runner, "extract", str(FIXTURES / "articles" / "australia_tomahawk.html")
        )  # HTML: trafilatura offline
        run(runner, "--store", s, "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        run(runner, "--store", s, "query", "list")
        run(
            runner, "--store", s, "query", "run", "suppliers-of-buyer", "-p", "buyer=India", "--format", "csv"
        )
        run(runner, "--store", s, "view", "network", "-o", str(out / "n.html"))
        run(runner, "--store", s, "view", "country", "India", "-o", str(out / "c.html"))
        run(runner, "--store", s, "view", "deals", "--buyer", "India", "-o", str(out / "d.html"))
        run(runner, "--store", s, "report", "diversification", "--buyer", "India", "-o", str(out / "r"))
        run(runner, "--store", s, "network", "export", "--format", "gexf", "-o", str(out / "n.gexf"))
        run(runner, "--store", s, "link")
        run(runner, "--store", s, "deal", "show", "--buyer", "India", "--supplier", "France")
        run(runner, "--store", s, "contradictions")
        run(runner, "--store", s, "validate", ok=(0, 3))
        run(runner, "--store", s, "export", "--format", "trig", "-o", str(out / "all.trig"))
        run(runner, "--store", s, "stats")
        # a SPARQL query naming remote resources is not a reason to fetch them
        run(
            runner, "--store", s, "query",
            "SELECT * WHERE { GRAPH <http://example.org/remote.ttl> { ?s ?p ?o } }",
        )  # fmt: skip
    assert seen == [], seen


@pytest.mark.remote
def test_remote_store_commands_reach_only_the_given_server(oxigraph_server: str, tmp_path: Path) -> None:
    from urllib.parse import urlsplit

    port = urlsplit(oxigraph_server).port
    assert port
    runner = CliRunner()
    with network_guard(port) as seen:
        run(runner, "--store", oxigraph_server, "query", "ASK { }")
        run(
            runner,
            "--store",
            oxigraph_server,
            "import",
            "sipri",
            str(FIXTURES / "sipri" / "register17_crlf.csv"),
        )
        run(runner, "--store", oxigraph_server, "view", "network", "-o", str(tmp_path / "n.html"))
        run(runner, "--store", oxigraph_server, "export", "--format", "nq", "-o", str(tmp_path / "x.nq"))
    assert seen == [], seen
    with network_guard() as seen:  # the same server, not allowed this time: the guard sees it
        run(runner, "--store", oxigraph_server, "query", "ASK { }", ok=(1,))
    assert seen and str(port) in seen[0]


def test_service_in_a_local_query_never_connects(tmp_path: Path) -> None:
    """Oxigraph runs SERVICE over its own (Rust) HTTP client, invisible to the audit hook:
    a real listener shows that no connection is made, through the CLI in a subprocess."""
    import subprocess

    from kg.errors import QueryError
    from kg.store import open_store

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.3)
    port = listener.getsockname()[1]
    store_dir = tmp_path / "s"
    with open_store(str(store_dir)) as s:
        s.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> <http://e/c> } }")
    queries = [
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ BIND(<http://127.0.0.1:{port}/> AS ?e) service silent ?e {{ ?s ?p ?o }} }}",
    ]
    try:
        for q in queries:
            res = subprocess.run(
                [sys.executable, "-m", "kg", "--store", str(store_dir), "query", q],
                capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert res.returncode == 1 and "SERVICE" in res.stderr, (q, res.stderr)
            with pytest.raises(TimeoutError):
                listener.accept()  # nothing connected
        mem = open_store("memory:")
        with pytest.raises(QueryError, match="SERVICE"):
            mem.query(queries[0])
        # the word inside a string or an IRI is not a SERVICE clause
        assert mem.select('SELECT ?x WHERE { BIND("SERVICE <http://x/>" AS ?x) }')
        assert not mem.select("SELECT * WHERE { GRAPH ?g { ?s <http://e/service> ?o } }")
    finally:
        listener.close()
