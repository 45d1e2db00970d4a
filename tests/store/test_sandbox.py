"""Query evaluation without network (kg.store.sandbox): the layer behind the SERVICE/LOAD text check.

Each test sends a real SERVICE query to a real listener on 127.0.0.1 *past* the text
check (calling the lower-level function directly) and proves that no connection arrives.
A control shows the same query does connect when evaluated in this process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from helpers.paths import FIXTURES
from helpers.trig import oxigraph_store_dir

from kg.cli import cli
from kg.errors import QueryError
from kg.serve.worker import WorkerPool
from kg.store.sandbox import ISOLATED, isolate_network, query_in_sandbox
from scripts.listener import CountingListener

FIXTURE = FIXTURES / "queries_world.trig"
LABELS = (
    "SELECT ?l WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?l LIMIT 2"
)


def service_query(url: str) -> str:
    return f"SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(oxigraph_store_dir(tmp_path_factory.mktemp("sandbox") / "store", FIXTURE))


def test_control_the_same_query_connects_when_evaluated_in_process() -> None:
    with CountingListener() as target:
        with pytest.raises(OSError):
            list(ox.Store().query(service_query(target.url)))  # type: ignore[arg-type]
        assert target.settle() >= 1  # the query is a real SSRF: the layer below must stop it


def test_kg_query_worker_makes_no_connection(store_dir: str) -> None:
    with CountingListener() as target:
        with pytest.raises(QueryError) as info:
            query_in_sandbox(store_dir, service_query(target.url), lexical_check=False)
        assert target.settle() == 0
    assert "SERVICE" not in str(info.value) or "refused" not in str(
        info.value
    )  # the engine's error, not the check's


def test_kg_query_worker_memory_store_makes_no_connection() -> None:
    with CountingListener() as target:
        with pytest.raises(QueryError):
            query_in_sandbox("memory:", service_query(target.url), lexical_check=False)
        assert target.settle() == 0


def test_endpoint_worker_makes_no_connection(store_dir: str) -> None:
    pool = WorkerPool(store_dir, size=1)
    try:
        assert pool.isolation in ISOLATED, pool.isolation
        with CountingListener() as target:
            outcome = pool.run("query", service_query(target.url), "json", 10, 20.0)  # no text check here
            assert outcome.status >= 400
            assert target.settle() == 0
        assert pool.run("query", LABELS, "json", 10, 20.0).status == 200  # still answers queries
    finally:
        pool.close()


def test_writable_endpoint_worker_cannot_load(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.flush()
    del store  # the worker takes the writer's lock
    pool = WorkerPool(str(path), writable=True)
    try:
        with CountingListener() as target:
            outcome = pool.run("update", f"LOAD <{target.url}x.ttl>", "json", 10, 20.0)
            assert outcome.status >= 400
            assert target.settle() == 0
    finally:
        pool.close()


def test_sandbox_answers_like_the_store(store_dir: str) -> None:
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        direct = [tuple(row) for row in store.query(LABELS)]
        isolated = [tuple(row) for row in store.query_isolated(LABELS)]
        assert isolated == direct and len(direct) == 2
        ask = store.query_isolated("ASK { GRAPH ?g { ?s ?p ?o } }")
        assert ask.askAnswer is True
        graph = store.query_isolated("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3").graph
        assert len(graph) == 3


def test_kg_query_runs_in_the_sandbox_with_same_errors(store_dir: str) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["--store", store_dir, "query", LABELS, "--format", "csv"])
    assert ok.exit_code == 0, ok.output
    assert ok.output.splitlines()[0] == "l" and len(ok.output.splitlines()) == 3
    bad = runner.invoke(cli, ["--store", store_dir, "query", "SELECT * WHERE { ?s ?p }"])
    assert bad.exit_code == 1 and "SPARQL syntax error" in bad.output
    missing = runner.invoke(cli, ["--store", str(Path(store_dir).parent / "nothing"), "query", LABELS])
    assert missing.exit_code == 1 and "no store at" in missing.output


def test_isolation_refuses_every_connection_in_a_child() -> None:
    with CountingListener() as target:
        code = (
            "import socket, sys\n"
            "from kg.store.sandbox import isolate_network\n"
            "how = isolate_network()\n"
            f"try:\n    socket.create_connection(('127.0.0.1', {target.port}), timeout=2)\n"
            "except OSError as exc:\n    print(how, 'refused', exc.errno)\nelse:\n    print(how, 'connected')\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        how, verdict = out.stdout.split()[:2]
        assert how in ISOLATED and verdict == "refused"
        assert target.settle() == 0


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root and setpriv")
def test_isolation_as_a_normal_user_uses_a_user_namespace(tmp_path: Path) -> None:
    code = "from kg.store.sandbox import isolate_network; print(isolate_network())"
    env = dict(os.environ, HOME=str(tmp_path))
    out = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    if out.returncode != 0:
        pytest.skip(f"the interpreter cannot run as nobody here: {out.stderr.strip()[:200]}")
    how = out.stdout.strip()
    if how.startswith("none"):
        pytest.skip(f"this kernel refuses unprivileged user namespaces: {how}")
    assert how == "userns+netns"


def test_isolate_network_reports_refusal_instead_of_failing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert isolate_network().startswith("none: darwin")
