"""Shared fixtures: stores (embedded and a real Oxigraph server), paths to shared data."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: Real third-party data, beside the checkout (never copied into the repository).
SHARED = REPO.parent / "shared"
SIPRI_DIR = SHARED / "data" / "sipri"
SEED_ARTICLE = SHARED / "seeds" / "000_d74674ddd7042d8b.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph_binary() -> str | None:
    candidate = Path(sys.executable).parent / "oxigraph"
    if candidate.exists():
        return str(candidate)
    return shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph SPARQL server on a free loopback port; yields its base URL."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("oxigraph server not installed: pip install oxigraph (make test does)")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                proc.kill()
                pytest.fail(f"oxigraph server did not start: {err[:500]}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture()
def remote_store(oxigraph_server: str):
    """A RemoteStore on the shared server, emptied before each test."""
    from kg.store import open_store

    store = open_store(oxigraph_server)
    store.update("DROP ALL")
    yield store
    store.update("DROP ALL")


@pytest.fixture(params=["embedded", "remote"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path):
    """The same test against the on-disk embedded store and the real Oxigraph server."""
    from kg.store import open_store

    if request.param == "embedded":
        store = open_store(str(tmp_path / "store"))
        yield store
        store.close()
    else:
        yield request.getfixturevalue("remote_store")
