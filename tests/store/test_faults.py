"""Crash safety: an import killed with SIGKILL at a random point leaves each graph whole or absent."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import open_store

N_TRIPLES = 120_000
GRAPH = "https://example.org/big"

WRITER = r"""
import sys
from rdflib import URIRef
from kg.store import open_store
store = open_store(sys.argv[1])
data = "".join(f'<https://example.org/s{i // 7}> <https://example.org/p{i % 7}> "value {i}" .\n' for i in range(int(sys.argv[2])))
print("ready", flush=True)
store.replace_graphs({URIRef(sys.argv[3]): data}, bulk=sys.argv[4] == "bulk")
store.close()
print("done", flush=True)
"""


def run_writer(store: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store), str(N_TRIPLES), GRAPH, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def graph_size(store_path: Path) -> int:
    from rdflib import URIRef

    store = open_store(str(store_path))  # writable open runs crash recovery
    try:
        return store.count(URIRef(GRAPH))
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["bulk", "transactional"])
def test_sigkill_midway_leaves_graph_whole_or_absent(tmp_path: Path, mode: str) -> None:
    rng = random.Random(1234)
    store_path = tmp_path / "store"
    outcomes = []
    for attempt in range(3):
        proc = run_writer(store_path, mode)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.8))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        size = graph_size(store_path)
        assert size in (0, N_TRIPLES), f"attempt {attempt}: half-written graph with {size} triples"
        outcomes.append(size)
    print("graph sizes after each kill:", outcomes)
    # a re-run completes
    proc = run_writer(store_path, mode)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert graph_size(store_path) == N_TRIPLES
