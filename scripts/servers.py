"""Real servers on loopback for the tests and the benchmarks: a free port, the Oxigraph
server binary, a private Virtuoso 7.2 with its own database and credentials.

Shared by ``tests/conftest.py`` (as ``scripts.servers``), ``scripts/bench_scale.py`` and
``scripts/reliability.py``; nothing here is imported from ``tests/``.
"""

from __future__ import annotations

import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    candidate = Path(sys.executable).parent / "oxigraph"
    if candidate.exists():
        return str(candidate)
    return shutil.which("oxigraph")


#: Virtuoso's ResultSetMaxRows in the test instance: low, so that kg's paging of results the
#: server cuts (silently, with a 200) is exercised by ordinary tests.
VIRTUOSO_MAX_ROWS = 1000
#: Seconds a new Virtuoso database may take to answer its first query.
VIRTUOSO_START_S = 240.0
VIRTUOSO_INI = Path("/usr/share/virtuoso-opensource-7/virtuoso.ini")


def _virtuoso_ini(
    db: Path, sql_port: int, http_port: int, max_rows: int = VIRTUOSO_MAX_ROWS, buffers: int | None = None
) -> str:
    """Debian's virtuoso.ini moved to ``db``, bound to loopback ports, with a known row limit;
    ``buffers`` 8 kB pages of page cache instead of Debian's 10,000 (80 MB, enough for tests)."""
    text = VIRTUOSO_INI.read_text(encoding="utf-8", errors="replace")
    edits = [
        (r"/var/lib/virtuoso-opensource-7/db/", f"{db}/"),
        (r"(?m)^ServerPort(\s*)= 1111", f"ServerPort = 127.0.0.1:{sql_port}"),
        (r"(?m)^ServerPort(\s*)= 8890", f"ServerPort = 127.0.0.1:{http_port}"),
        (r"(?m)^DefaultHost.*", f"DefaultHost = 127.0.0.1:{http_port}"),
        (r"(?m)^DirsAllowed.*", f"DirsAllowed = ., {db}"),
        (r"(?m)^ResultSetMaxRows.*", f"ResultSetMaxRows = {max_rows}"),
        (r"(?m)^MaxQueryCostEstimationTime.*", "MaxQueryCostEstimationTime = 0"),
        # Debian's 60 s makes a slow query return a partial "anytime" answer (or SR171 under
        # load: the count after an upload at 1x, the MOVE at 10x); kg refuses partial answers
        (r"(?m)^MaxQueryExecutionTime.*", "MaxQueryExecutionTime = 0"),
        # (kg moves each uploaded graph into place in one transaction: the default 50 MB
        # after-image limit aborts that, SR325, for graphs above about a million triples)
        (
            r"(?m)^\[Parameters\]",
            "[Parameters]\nMaxSortedTopRows = 1000000\nTransactionAfterImageLimit = 2000000000",
        ),
        (r"(?m)^Load\d+\s*=.*", ""),  # no hosting plugins
    ]
    if buffers:  # the ini's own guidance: 170,000 per 2 GB of RAM given to Virtuoso, dirty at ~75%
        edits += [
            (r"(?m)^NumberOfBuffers\s*=.*", f"NumberOfBuffers = {buffers}"),
            (r"(?m)^MaxDirtyBuffers\s*=.*", f"MaxDirtyBuffers = {buffers * 3 // 4}"),
        ]
    for pattern, replacement in edits:
        text = re.sub(pattern, lambda _m, r=replacement: r, text)
    return text


def wait_http(
    proc: subprocess.Popen, url: str, what: str, log: Path | None = None, timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
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
                raise RuntimeError(f"{what} did not start: {err}") from None
            time.sleep(0.1)


def start_oxigraph(location: Path, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve`` on ``location`` at 127.0.0.1:``port`` (a free port unless given: a
    test that kills the server restarts it on the same one), waited for; (process, base URL).

    Raises FileNotFoundError when the binary is not installed (``pip install oxigraph``).
    """
    binary = oxigraph_binary()
    if binary is None:
        raise FileNotFoundError("oxigraph server not installed: pip install oxigraph (make test does)")
    port = port or free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    wait_http(proc, base + "/query?query=ASK%7B%7D", "oxigraph server")
    return proc, base


def start_kg_serve(store: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """``kg serve`` (one worker) on ``store`` at a free loopback port, waited for; (process,
    base URL).  ``extra``: more options, e.g. ``--writable``."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "--store",
            str(store),
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_http(proc, base + "/queries", "kg serve")
    return proc, base


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def start_virtuoso(
    db: Path, max_rows: int = VIRTUOSO_MAX_ROWS, buffers: int | None = None
) -> tuple[subprocess.Popen, str, str, str]:
    """Start a private Virtuoso in ``db``: (process, base URL, user, password); ``buffers``
    as in :func:`_virtuoso_ini`.

    A new database on free loopback ports; a user with SPARQL update rights gets a
    password generated here, and ``dba`` another one (never printed).
    """
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None or not VIRTUOSO_INI.exists():
        raise FileNotFoundError("virtuoso not installed: `make test` installs virtuoso-opensource as root")
    sql_port, http_port = free_port(), free_port()
    (db / "virtuoso.ini").write_text(
        _virtuoso_ini(db, sql_port, http_port, max_rows, buffers), encoding="utf-8"
    )
    log = db / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "-f", "-c", "virtuoso.ini"], cwd=db, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{http_port}"
    # a new database's first start took over 60 s at nice 10 on the 2-core machine at load 10-15
    wait_http(proc, base + "/sparql?query=ASK%7B%7D", "virtuoso", log, timeout=VIRTUOSO_START_S)
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
        stop(proc)
        raise RuntimeError(f"virtuoso setup failed: {(done.stdout + done.stderr)[-300:]}")
    return proc, base, user, password
