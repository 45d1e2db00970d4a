"""Shared fixtures: stores (embedded, a real Oxigraph server, a real Virtuoso), paths to shared data.

Helpers several test modules share live in ``tests/helpers/``; nothing here or there is
imported by ``scripts/``.
"""

from __future__ import annotations

import os
import re
import secrets
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
    _wait_http(proc, base + "/query?query=ASK%7B%7D", "oxigraph server")
    yield base
    _stop(proc)


#: Virtuoso's ResultSetMaxRows in the test instance: low, so that kg's paging of results the
#: server cuts (silently, with a 200) is exercised by ordinary tests.
VIRTUOSO_MAX_ROWS = 1000
VIRTUOSO_INI = Path("/usr/share/virtuoso-opensource-7/virtuoso.ini")
#: The engines every remote-store test runs against.
REMOTE_ENGINES = ["oxigraph", "virtuoso"]


def _virtuoso_ini(db: Path, sql_port: int, http_port: int, max_rows: int = VIRTUOSO_MAX_ROWS) -> str:
    """Debian's virtuoso.ini moved to ``db``, bound to loopback ports, with a known row limit."""
    text = VIRTUOSO_INI.read_text(encoding="utf-8", errors="replace")
    edits = [
        (r"/var/lib/virtuoso-opensource-7/db/", f"{db}/"),
        (r"(?m)^ServerPort(\s*)= 1111", f"ServerPort = 127.0.0.1:{sql_port}"),
        (r"(?m)^ServerPort(\s*)= 8890", f"ServerPort = 127.0.0.1:{http_port}"),
        (r"(?m)^DefaultHost.*", f"DefaultHost = 127.0.0.1:{http_port}"),
        (r"(?m)^DirsAllowed.*", f"DirsAllowed = ., {db}"),
        (r"(?m)^ResultSetMaxRows.*", f"ResultSetMaxRows = {max_rows}"),
        (r"(?m)^MaxQueryCostEstimationTime.*", "MaxQueryCostEstimationTime = 0"),
        # (kg moves each uploaded graph into place in one transaction: the default 50 MB
        # after-image limit aborts that, SR325, for graphs above about a million triples)
        (
            r"(?m)^\[Parameters\]",
            "[Parameters]\nMaxSortedTopRows = 1000000\nTransactionAfterImageLimit = 2000000000",
        ),
        (r"(?m)^Load\d+\s*=.*", ""),  # no hosting plugins
    ]
    for pattern, replacement in edits:
        text = re.sub(pattern, lambda _m, r=replacement: r, text)
    return text


def _wait_http(proc: subprocess.Popen, url: str, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                err = log.read_text(errors="replace")[-500:] if log and log.exists() else ""
                if not err and proc.stderr:
                    err = proc.stderr.read().decode(errors="replace")[:500]
                proc.kill()
                pytest.fail(f"{what} did not start: {err}")
            time.sleep(0.1)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def start_virtuoso(db: Path, max_rows: int = VIRTUOSO_MAX_ROWS) -> tuple[subprocess.Popen, str, str, str]:
    """Start a private Virtuoso in ``db``: (process, base URL, user, password).

    A new database on free loopback ports; a user with SPARQL update rights gets a
    password generated here, and ``dba`` another one (never printed).  Also used by
    scripts/bench_scale.py.
    """
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None or not VIRTUOSO_INI.exists():
        raise FileNotFoundError("virtuoso not installed: `make test` installs virtuoso-opensource as root")
    sql_port, http_port = free_port(), free_port()
    (db / "virtuoso.ini").write_text(_virtuoso_ini(db, sql_port, http_port, max_rows), encoding="utf-8")
    log = db / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "-f", "-c", "virtuoso.ini"], cwd=db, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{http_port}"
    _wait_http(proc, base + "/sparql?query=ASK%7B%7D", "virtuoso", log)
    user, password, dba_password = "kgtest", secrets.token_hex(12), secrets.token_hex(12)
    sql = (
        f"DB.DBA.USER_CREATE('{user}', '{password}'); GRANT SPARQL_UPDATE TO \"{user}\"; "
        f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{user}', 7); USER_CHANGE_PASSWORD('dba', 'dba', '{dba_password}');"
    )
    done = subprocess.run(
        [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={sql}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:  # isql exits 0 on SQL errors
        _stop(proc)
        raise RuntimeError(f"virtuoso setup failed: {(done.stdout + done.stderr)[-300:]}")
    return proc, base, user, password


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private Virtuoso 7.2 (:func:`start_virtuoso`) with a throwaway database.

    kg reads the credentials from ``KG_REMOTE_USER``/``KG_REMOTE_PASSWORD`` (set for the
    session).  Yields the base URL.
    """
    try:
        proc, base, user, password = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    except RuntimeError as exc:
        pytest.fail(str(exc))
    saved = {k: os.environ.get(k) for k in ("KG_REMOTE_USER", "KG_REMOTE_PASSWORD")}
    os.environ.update(KG_REMOTE_USER=user, KG_REMOTE_PASSWORD=password)
    yield base
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    _stop(proc)


def clear_store(store) -> None:
    """Remove every graph kg could have written (Virtuoso keeps its system graphs)."""
    if store.engine == "virtuoso":
        rows = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        system = set(store._system_graphs)
        store.drop_graphs([r["g"] for r in rows if str(r["g"]) not in system])
    else:
        store.update("DROP ALL")


def _fresh_remote(url: str):
    """A RemoteStore on a shared server, emptied before and after the test."""
    from kg.store import open_store

    store = open_store(url)
    clear_store(store)
    yield store
    clear_store(store)


@pytest.fixture(params=REMOTE_ENGINES)
def remote_store(request: pytest.FixtureRequest):
    """A RemoteStore on each real server (Oxigraph, Virtuoso), emptied before each test."""
    yield from _fresh_remote(request.getfixturevalue(f"{request.param}_server"))


@pytest.fixture(params=["embedded", *REMOTE_ENGINES])
def any_store(request: pytest.FixtureRequest, tmp_path: Path):
    """The same test against the on-disk embedded store and each real SPARQL server."""
    from kg.store import open_store

    if request.param == "embedded":
        store = open_store(str(tmp_path / "store"))
        yield store
        store.close()
    else:
        yield from _fresh_remote(request.getfixturevalue(f"{request.param}_server"))


@pytest.fixture(scope="module")
def _module_store(request: pytest.FixtureRequest):
    """The in-memory store a module with ``STORE_SCOPE = "module"`` shares (see ``store``)."""
    from kg.store import open_store

    with open_store("memory:") as store:
        request.module.fill_store(store)
        yield store


@pytest.fixture
def store(request: pytest.FixtureRequest):
    """An in-memory store, closed after the test; the one fixture of that name.

    A test module says what it holds with ``fill_store(store)`` (none: empty).  With
    ``STORE_SCOPE = "module"`` it is filled once and shared by the module's tests, which
    must then only read it.
    """
    from kg.store import open_store

    if getattr(request.module, "STORE_SCOPE", "function") == "module":
        yield request.getfixturevalue("_module_store")
        return
    with open_store("memory:") as store:
        fill = getattr(request.module, "fill_store", None)
        if fill is not None:
            fill(store)
        yield store
