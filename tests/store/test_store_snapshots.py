"""Published checkpoints (kg.store.snapshots): readers never open the directory a writer holds.

Real processes write and are killed (SIGKILL); pyoxigraph is never mocked.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.errors import StoreError
from kg.store import open_store, snapshots
from kg.vocab import ns
from kg.vocab.iris import REGISTRY_GRAPH

GRAPHS = [URIRef(f"https://example.org/g{i}") for i in range(3)]
S = URIRef("https://example.org/s")
P = URIRef("https://example.org/p")


def triples(n: int, tag: str) -> list[tuple[URIRef, URIRef, Literal]]:
    return [(S, P, Literal(f"{tag}{i}")) for i in range(n)]


def graph_counts(path: str) -> tuple[int, ...]:
    with open_store(path, read_only=True) as ro:
        return tuple(ro.count(g) for g in GRAPHS)


def checkpoints(path: str) -> list[str]:
    root = snapshots.snapshot_root(path)
    return sorted(n for n in os.listdir(root) if re.fullmatch(r"\d{6}", n))


def start(script: str, *args: str) -> subprocess.Popen[str]:
    """A writer process running ``script``; it prints "ready" once it is mid-import."""
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


# An import of several steps (replace, update, drop, replace again), slow enough for
# readers to look at every point of it; "after" is (4000, 50, 6000).
IMPORT = r"""
import sys, time
from rdflib import Literal, URIRef
from kg.store import open_store
G = [URIRef(f"https://example.org/g{i}") for i in range(3)]
S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")
rows = lambda n, tag: [(S, P, Literal(f"{tag}{i}")) for i in range(n)]
store = open_store(sys.argv[1])
print("ready", flush=True)
for step in range(int(sys.argv[2])):
    store.replace_graphs({G[0]: rows(4000, f"a{step}-")})
    time.sleep(0.05)
    store.drop_graphs([G[1]])
    time.sleep(0.05)
    store.update("INSERT DATA { GRAPH <https://example.org/g1> { "
                 + " ".join(f"<https://example.org/s> <https://example.org/p> {i} ." for i in range(50)) + " } }")
    store.replace_graphs({G[2]: rows(6000, f"c{step}-")}, bulk=True)
    time.sleep(0.05)
store.close()
"""


def seed(path: str) -> tuple[int, ...]:
    with open_store(path) as w:
        w.replace_graphs(
            {GRAPHS[0]: triples(10, "a"), GRAPHS[1]: triples(20, "b"), GRAPHS[2]: triples(30, "c")}
        )
    return (10, 20, 30)


def test_readers_during_an_import_see_the_state_before_or_after_it(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    before, after = seed(path), (4000, 50, 6000)
    writer = start(IMPORT, path, "6")
    seen: set[tuple[int, ...]] = set()
    reads = 0
    while writer.poll() is None:
        seen.add(graph_counts(path))
        reads += 1
    assert writer.returncode == 0
    seen.add(graph_counts(path))
    print(f"{reads} reads during the import saw {sorted(seen)}")
    assert seen <= {before, after}, seen
    assert graph_counts(path) == after and reads > 5


def test_a_reader_keeps_its_checkpoint_and_the_writer_prunes_only_unused_ones(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    seed(path)
    reader = open_store(path, read_only=True)
    held = checkpoints(path)[-1]
    with open_store(path) as writer:  # publishes at its open, then twice more
        writer.replace_graphs({GRAPHS[0]: triples(99, "x")})
        writer.publish()
        writer.replace_graphs({GRAPHS[1]: triples(77, "y")})
        writer.publish()
        newest = checkpoints(path)[-1]
        assert checkpoints(path) == [held, newest]  # the one in use stays, the unused ones went
        assert snapshots.published_name(snapshots.snapshot_root(path)) == newest
        assert reader.count(GRAPHS[0]) == 10 and reader.count(GRAPHS[1]) == 20  # its own state
        assert [r["n"] for r in reader.rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")] == [
            60
        ]
    assert graph_counts(path) == (99, 77, 30)
    reader.close()
    with open_store(path):
        pass
    assert len(checkpoints(path)) == 1 and held not in checkpoints(path)  # released: pruned


WRITER_KILLED = r"""
import sys
from rdflib import Literal, URIRef
from kg.store import open_store
S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")
store = open_store(sys.argv[1])
step = 0
while True:
    store.replace_graphs({URIRef("https://example.org/g0"): [(S, P, Literal(f"k{step}-{i}")) for i in range(20000)]})
    store.ox.flush()
    if step == 0:
        print("ready", flush=True)
    step += 1
"""


def test_a_killed_writer_leaves_readers_on_the_last_published_state(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    before = seed(path)
    writer = start(WRITER_KILLED, path)
    time.sleep(0.3)
    os.kill(writer.pid, signal.SIGKILL)  # mid-import, perhaps mid-graph-write
    writer.wait(timeout=10)
    assert graph_counts(path) == before  # at once: no writer to wait for, no recovery needed
    root = snapshots.snapshot_root(path)
    # what a writer killed mid-publish leaves: a partial checkpoint, a temporary pointer
    (root / "000099").mkdir()
    (root / "000099" / "MANIFEST-000001").write_bytes(b"partial")
    (root / f".{snapshots.POINTER}.x1y2.tmp").write_text("0000")
    assert graph_counts(path) == before
    with open_store(path) as w:  # recovers, publishes, prunes the leftovers
        assert w.count(GRAPHS[0]) in (0, 20000)  # the graph being written: whole, or dropped
        after = tuple(w.count(g) for g in GRAPHS)
    assert sorted(os.listdir(root)) == [
        checkpoints(path)[0],
        f"{checkpoints(path)[0]}.lock",
        snapshots.POINTER,
    ]
    assert checkpoints(path)[0] > "000099"
    assert graph_counts(path) == after


LEGACY_WRITER = r"""
import sys, time
import pyoxigraph as ox
store = ox.Store(sys.argv[1])  # an older kg: writes, never publishes
store.add(ox.Quad(ox.NamedNode("https://example.org/g0"), ox.NamedNode(sys.argv[2]),
                  ox.Literal("pending"), ox.NamedNode(sys.argv[3])))
store.flush()
print("ready", flush=True)
time.sleep(60)
"""


def test_a_legacy_store_opens_in_place_and_waits_for_an_old_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "store")
    legacy = ox.Store(path)
    legacy.add(
        ox.Quad(ox.NamedNode(str(S)), ox.NamedNode(str(P)), ox.Literal("x"), ox.NamedNode(str(GRAPHS[0])))
    )
    legacy.flush()
    del legacy
    root = snapshots.snapshot_root(path)
    with open_store(path, read_only=True) as ro:  # no checkpoint, nobody writing: in place
        assert ro.count(GRAPHS[0]) == 1
    assert not root.exists()  # readers never publish
    monkeypatch.setattr(snapshots, "READ_WAIT", 1.0)
    old = start(LEGACY_WRITER, path, str(ns.importState), str(REGISTRY_GRAPH))
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="publishes no snapshot"):
            open_store(path, read_only=True)
        assert time.monotonic() - started >= 0.9
        os.kill(old.pid, signal.SIGKILL)  # dies with a graph write pending
        old.wait(timeout=10)
        with pytest.raises(StoreError, match="interrupted import"):
            open_store(path, read_only=True)  # nobody holds the lock: refused at once
    finally:
        if old.poll() is None:
            old.kill()
    open_store(path).close()  # a new writer recovers and publishes
    assert checkpoints(path) and graph_counts(path) == (0, 0, 0)


PUBLISHER = r"""
import sys
from kg.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
for _ in range(int(sys.argv[2])):
    store.publish()
store.close()
"""


def test_the_pointer_is_never_seen_partially_written(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    seed(path)
    pointer = snapshots.snapshot_root(path) / snapshots.POINTER
    writer = start(PUBLISHER, path, "150")
    names: set[bytes] = set()
    opened = 0
    while writer.poll() is None:
        text = pointer.read_bytes()
        assert re.fullmatch(rb"\d{6}\n", text), text
        names.add(text)
        if len(names) % 10 == 0:
            assert graph_counts(path) == (10, 20, 30)
            opened += 1
    assert writer.returncode == 0
    print(f"{len(names)} pointer values seen, {opened} opens")
    assert len(names) > 10


def test_a_pointer_naming_a_missing_checkpoint_is_refused_after_retries(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    seed(path)
    root = snapshots.snapshot_root(path)
    name = snapshots.published_name(root)
    assert name is not None
    shutil.rmtree(root / name)
    started = time.monotonic()
    with pytest.raises(StoreError, match=f"published snapshot .*{name} is missing"):
        open_store(path, read_only=True)
    assert time.monotonic() - started < 5
    (root / f"{name}.lock").unlink()  # the lock file gone too: the same answer
    with pytest.raises(StoreError, match="is missing"):
        open_store(path, read_only=True)
    with open_store(path):  # a writable open publishes a fresh one
        pass
    assert graph_counts(path) == (10, 20, 30)


def test_a_reader_whose_checkpoint_went_between_pointer_and_lock_retries(tmp_path: Path) -> None:
    """The race the lock-then-check closes: the pointer read, then the writer publishes and
    prunes that checkpoint before the reader locks it; the reader re-reads the pointer."""
    path = str(tmp_path / "store")
    seed(path)
    root = snapshots.snapshot_root(path)
    stale = snapshots.published_name(root)
    assert stale is not None
    with open(root / f"{stale}.lock", "rb") as lock:  # opened, not yet locked, when the writer prunes
        with open_store(path) as writer:
            writer.replace_graphs({GRAPHS[0]: triples(5, "n")})
        fcntl.flock(lock.fileno(), fcntl.LOCK_SH)  # granted: on a lock file no longer at its path
        assert not (root / stale).exists() and not (root / f"{stale}.lock").exists()
    assert snapshots._lock_and_open(root, stale) is None  # gone: retry
    assert graph_counts(path) == (5, 20, 30)  # the retry found the newest


def test_a_store_named_through_a_symlink_has_the_same_checkpoints(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    open_store(path).close()
    (tmp_path / "link").symlink_to(tmp_path / "store")
    with open_store(str(tmp_path / "link")) as w:
        w.replace_graphs({GRAPHS[2]: triples(3, "z")})
    assert snapshots.snapshot_root(str(tmp_path / "link")) == snapshots.snapshot_root(path)
    assert graph_counts(path) == (0, 0, 3) and not (tmp_path / "link.snapshots").exists()


COUNT_G0 = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/g0> { ?s ?p ?o } }"


def private_dirs(path: str) -> list[str]:
    return sorted(n for n in os.listdir(snapshots.snapshot_root(path)) if n.startswith(snapshots.PRIVATE))


def test_a_writers_isolated_query_sees_its_state_and_publishes_nothing(tmp_path: Path) -> None:
    """The worker of a writer's ``query_isolated`` reads a private checkpoint: it answers what
    the writer holds now, other readers keep the published state, and the checkpoint goes."""
    path = str(tmp_path / "store")
    seed(path)
    with open_store(path) as w:
        published = snapshots.published_name(snapshots.snapshot_root(path))
        w.replace_graphs({GRAPHS[0]: triples(77, "new")})
        ask = w.query_isolated('ASK { GRAPH <https://example.org/g0> { ?s ?p "new76" } }')
        assert ask.askAnswer is True
        assert [int(row[0]) for row in w.query_isolated(COUNT_G0)] == [77]
        assert snapshots.published_name(snapshots.snapshot_root(path)) == published  # nothing published
        assert graph_counts(path) == (10, 20, 30)  # other readers: the state before this command
        assert private_dirs(path) == []  # each private checkpoint went with its worker
    assert graph_counts(path) == (77, 20, 30)  # the command's end publishes


def test_a_killed_writers_private_checkpoint_is_pruned(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    seed(path)
    stale = snapshots.snapshot_root(path) / f"{snapshots.PRIVATE}999999-1"
    shutil.copytree(snapshots.snapshot_root(path) / checkpoints(path)[-1], stale)
    with open_store(path) as w:  # the writable open publishes, then prunes
        assert private_dirs(path) == []
        rows = w.query_isolated(COUNT_G0)  # a live one survives a publish meanwhile
        w.publish()
        assert len(private_dirs(path)) == 1
        assert [int(row[0]) for row in rows] == [10]
    assert private_dirs(path) == []
