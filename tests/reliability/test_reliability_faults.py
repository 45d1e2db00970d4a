"""Faults: SIGKILLed imports, re-imports, readers during writes, a killed or silent server.

Covered elsewhere: SIGKILL of a raw graph replacement (tests/store/test_faults.py), a second
writer's exit code 4 on an idle store (tests/cli/test_cli_core.py), an unreachable remote
store (tests/store/test_store.py).  Here the real importers are killed, and the server too.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers.paths import FIXTURES

from kg.store import open_store
from scripts import reliability as rel
from scripts.servers import free_port, start_oxigraph

KG = [sys.executable, "-m", "kg"]


def kg(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=timeout, env=env)


# --- SIGKILL at random points ----------------------------------------------------------


@pytest.mark.slow
def test_sigkilled_sipri_import_leaves_release_whole_or_absent(tmp_path: Path) -> None:
    """A 4,000-row generated register (scripts/reliability.py kills the 30,000-row one)."""
    res, full = rel.sipri_kill_run(tmp_path, 4000, kills=4)
    print("release graph sizes after each kill, then the re-run:", res.sizes)
    assert full > 90_000  # (about 25 triples per row; 16-column flags are written only when true)
    assert res.kills >= 2, res  # the import was really interrupted
    assert res.partial == 0, res.sizes
    assert res.rerun_ok and res.sizes[-1] == f"rerun:{full}", res.sizes


@pytest.mark.slow
def test_sigkilled_article_batch_keeps_every_article_graph_complete(tmp_path: Path) -> None:
    res, graphs = rel.article_kill_run(tmp_path, 60, kills=4)
    print("article graphs present after each kill, then the re-run:", res.sizes)
    assert graphs == 60
    assert res.kills >= 2, res
    assert res.partial == 0, res.sizes
    assert res.rerun_ok and res.sizes[-1] == "rerun:60/60", res.sizes


# --- idempotence -----------------------------------------------------------------------


def _everything(store, tmp_path: Path) -> None:
    from kg.ingest.articles import import_articles
    from kg.ingest.curated import import_curated
    from kg.ingest.rdf import import_rdf
    from kg.ingest.sipri.importer import import_sipri
    from kg.io.resources import data_path

    for table in sorted(data_path("facts").glob("*.csv")):
        import_curated(store, table)
    assert not import_articles(store, [data_path("articles")]).errors
    fixtures = FIXTURES
    assert not import_sipri(store, [fixtures / "sipri" / "register17_crlf.csv"]).refused
    rdf = tmp_path / "extra.ttl"
    if not rdf.exists():
        rdf.write_text(
            '@prefix ex: <https://example.org/rel/> .\nex:a ex:says "hello" ; ex:n 3 ; ex:l ( 1 2 ( 3 ) ) .\n'
        )
    assert not import_rdf(store, [rdf]).errors


def _all_named_results(store) -> dict[str, list]:
    from kg.queries.named import list_queries, run_named

    out = {}
    for q in list_queries():
        params = {p.name: "India" for p in q.params if p.name in ("buyer", "country") and p.default is None}
        try:
            result = run_named(store, q, params)
            out[q.name] = sorted(map(repr, result.rows))
        except Exception as exc:
            out[q.name] = [f"error: {type(exc).__name__}: {exc}"]
    return out


def test_importing_everything_twice_changes_nothing(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store"))
    try:
        _everything(store, tmp_path)
        count, graphs, named = store.count(), store.named_graphs(), _all_named_results(store)
        assert not [k for k, rows in named.items() if rows and str(rows[0]).startswith("error")], named
        assert sum(1 for rows in named.values() if rows) >= 10
        _everything(store, tmp_path)
        assert store.count() == count
        assert store.named_graphs() == graphs
        assert _all_named_results(store) == named
    finally:
        store.close()


def test_updated_article_replaces_its_graph(tmp_path: Path) -> None:
    from kg.ingest.articles import import_articles
    from kg.vocab import iris

    path = tmp_path / "a.md"
    head = "---\nurl: https://example.org/rel/updated\ntitle: {t}\n---\n"
    path.write_text(head.format(t="First") + "India ordered 36 Rafale jets from France in 2016.\n")
    store = open_store("memory:")
    import_articles(store, [path])
    g = iris.article_source("https://example.org/rel/updated")
    path.write_text(head.format(t="Second") + "Poland ordered 180 K2 tanks from South Korea in 2022.\n")
    import_articles(store, [path])
    text = " ".join(str(r["o"]) for r in store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g}))
    assert "Second" in text and "K2" in text
    assert "First" not in text and "Rafale" not in text
    assert [str(x) for x in store.named_graphs() if "/source/article/" in str(x)] == [str(g)]


# --- readers during a write; a second writer ---------------------------------------------

#: Reads the store's size until its stdin is closed (the writers have ended), then once more.
#: (It read for a fixed 12 s: CPU spent after the writers ended, and too short on a slow machine.)
READER = r"""
import select, sys, time
from kg.store import open_store
seen, t0, last = [], time.time(), False
while not last and time.time() - t0 < float(sys.argv[2]):
    last = bool(select.select([sys.stdin], [], [], 0)[0])  # EOF: this read is the last
    s = open_store(sys.argv[1], read_only=True)
    n = s.count()
    s.close()
    if not seen or seen[-1] != n:
        seen.append(n)
    time.sleep(0.01)
print(" ".join(map(str, seen)))
"""


@pytest.mark.slow
def test_readers_see_before_or_after_an_import_and_a_second_writer_is_refused(tmp_path: Path) -> None:
    store_dir = str(tmp_path / "store")
    first = rel.make_register(tmp_path / "r1.csv", 1500)
    # the same release with other rows: importing it replaces the graph (drop, then load)
    second = rel.make_register(tmp_path / "r2.csv", 3000)
    assert kg("--store", store_dir, "import", "sipri", str(first)).returncode == 0
    before = rel.graph_counts(store_dir)
    total_before = sum(before.values())
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, store_dir, "300"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    writer = subprocess.Popen(
        [*KG, "--store", store_dir, "import", "sipri", str(second)], stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.0)
    view = subprocess.Popen(
        [*KG, "--store", store_dir, "view", "network", "-o", str(tmp_path / "n.html")],
        stderr=subprocess.PIPE,
        text=True,
    )
    rival = kg("--store", store_dir, "import", "sipri", str(first))
    query = kg(
        "--store", store_dir, "query", "--format", "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    )  # fmt: skip
    _, werr = writer.communicate(timeout=120)
    assert writer.returncode == 0, werr
    _, verr = view.communicate(timeout=120)
    assert view.returncode == 0 and (tmp_path / "n.html").exists(), verr
    out, rerr = reader.communicate(timeout=60)  # closes its stdin: one last read, then it ends
    assert reader.returncode == 0, rerr
    after = rel.graph_counts(store_dir)
    seen = [int(x) for x in out.split()]
    marker_free_after = sum(after.values())  # REGISTRY_GRAPH holds no markers when idle
    assert seen[0] == total_before and seen[-1] == marker_free_after, (seen, total_before, marker_free_after)
    assert set(seen) <= {total_before, marker_free_after}, f"a reader saw a state between: {seen}"
    # the second writer: exit code 4, one clear line, and the store is intact
    assert rival.returncode == 4, rival.stderr
    assert "locked" in rival.stderr and len(rival.stderr.strip().splitlines()) == 1
    assert query.returncode == 0, query.stderr
    n = int(query.stdout.split()[-1])
    assert n in (total_before, marker_free_after), (n, total_before, marker_free_after)
    assert after != before


# --- remote store: server killed mid-upload, silent and dead endpoints --------------------


def _start_server(location: Path, port: int) -> subprocess.Popen[bytes]:
    try:
        return start_oxigraph(location, port)[0]
    except FileNotFoundError as exc:
        pytest.skip(str(exc))


@pytest.mark.remote
@pytest.mark.slow
def _base_graph_counts() -> dict[str, int]:
    """Triples per base graph (ontology, reference) as :func:`kg.ingest.base_graphs.ensure_base_graphs` writes them."""
    from kg.ingest.base_graphs import ensure_base_graphs

    with open_store("memory:") as s:
        return {str(g): s.count(g) for g in ensure_base_graphs(s)}


def test_server_killed_mid_import_leaves_no_partial_graph(tmp_path: Path) -> None:
    n = 600_000
    big = tmp_path / "big.nt"
    with big.open("w") as fh:
        for i in range(n):
            fh.write(f'<https://example.org/s{i // 5}> <https://example.org/p{i % 5}> "a value {i}" .\n')
    location, port = tmp_path / "server-data", free_port()
    server = _start_server(location, port)
    url = f"http://127.0.0.1:{port}"
    try:
        writer = subprocess.Popen(
            [*KG, "--store", url, "import", "rdf", str(big)], stderr=subprocess.PIPE, text=True
        )
        time.sleep(2.5)  # parsing done, the PUT under way
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
        _, err = writer.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    if writer.returncode == 0:
        pytest.skip("the upload finished before the kill (fast machine); nothing to check")
    assert writer.returncode == 1, err
    lines = [ln for ln in err.strip().splitlines() if ln]
    assert len(lines) == 1 and url in lines[0] and "Traceback" not in err, err
    server = _start_server(location, port)
    try:
        store = open_store(url)
        counts = {
            str(r["g"]): int(r["n"])
            for r in store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        }
        # the ontology and reference graphs every import ensures first are whole, or absent
        base = _base_graph_counts()
        assert all(counts[g] == c for g, c in base.items() if g in counts), counts
        rest = [c for g, c in counts.items() if g not in base]
        assert all(c in (n, n + 3) for c in rest), counts  # +3: the file's source triples
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_silent_and_dead_endpoints_time_out_with_a_message() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    port = silent.getsockname()[1]
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept_and_never_answer() -> None:
        silent.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(silent.accept()[0])
            except OSError:
                continue

    t = threading.Thread(target=accept_and_never_answer, daemon=True)
    t.start()
    env = {**os.environ, "KG_REMOTE_TIMEOUT": "1.5"}
    try:
        started = time.monotonic()
        res = kg("--store", f"http://127.0.0.1:{port}", "query", "ASK {}", env=env, timeout=60)
        took = time.monotonic() - started
    finally:
        stop.set()
        t.join()
        for c in held:
            c.close()
        silent.close()
    assert res.returncode == 1, res.stderr
    assert "timed out" in res.stderr and f"127.0.0.1:{port}" in res.stderr, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert took < 20
    dead = kg("--store", f"http://127.0.0.1:{free_port()}", "query", "ASK {}", env=env, timeout=60)
    assert dead.returncode == 1 and "cannot reach" in dead.stderr and "Traceback" not in dead.stderr


HOLDER = r"""
import sys, time
import pyoxigraph as ox
from kg.vocab import ns
from kg.vocab.iris import REGISTRY_GRAPH
from kg.store import open_store
store = open_store(sys.argv[1])
store.ox.add(ox.Quad(ox.NamedNode("https://example.org/g"), ox.NamedNode(str(ns.importState)),
                     ox.Literal("pending"), ox.NamedNode(str(REGISTRY_GRAPH))))
store.ox.add(ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                     ox.Literal("half"), ox.NamedNode("https://example.org/g")))
store.ox.flush()
print("ready", flush=True)
time.sleep(60)
"""


def test_readers_stay_on_the_published_state_beside_a_live_or_killed_writer(tmp_path: Path) -> None:
    """A writer mid-write, then SIGKILLed there: readers open its last published state at
    once (the checkpoint of its open), never its half-written graph; the next writable open
    recovers and publishes."""
    path = str(tmp_path / "store")
    with open_store(path) as first:
        first.update(
            "INSERT DATA { GRAPH <https://example.org/before> { <https://e.org/a> <https://e.org/b> 1 } }"
        )
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, path], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for _ in range(2):
            started = time.monotonic()
            with open_store(path, read_only=True) as ro:
                assert [str(g) for g in ro.named_graphs()] == ["https://example.org/before"]
                assert ro.count() == 1
            assert time.monotonic() - started < 1.0
            res = kg(
                "--store", path, "query", "--format", "csv",
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            )  # fmt: skip
            assert res.returncode == 0 and res.stdout.split()[-1] == "1", res.stderr
            if holder.poll() is None:
                os.kill(holder.pid, signal.SIGKILL)  # the writer dies with its graph write pending
                holder.wait(timeout=10)
        open_store(path).close()  # a writable open recovers (drops the half-written graph) ...
        with open_store(path, read_only=True) as ro:  # ... and publishes: the same data
            assert ro.count() == 1
    finally:
        if holder.poll() is None:
            holder.kill()
