"""Query worker processes that can be killed at a deadline.

pyoxigraph has no query timeout and a Python thread cannot be stopped, so every query
runs in a separate process holding its own handle on the on-disk store (read-only
workers open the newest checkpoint a writer published, :mod:`kg.store.snapshots`, so
they work while an import runs; a writable worker publishes after each update).  The
HTTP thread waits on the worker's pipe; when the deadline passes it kills the process
(SIGKILL: a cross product in Rust does not check for signals) and a fresh worker is
started in the background.  Workers are fresh interpreters (not forks: forking a process
that has RocksDB threads is unsafe) and import only pyoxigraph and
:mod:`kg.serve.formats`, so a replacement is ready in a fraction of a second.

Each worker first leaves the host's network (:func:`kg.store.sandbox.isolate_network`: its own
network namespace, no interface up), so a SERVICE or LOAD that got past the text check
still cannot connect anywhere; it talks to the server over an inherited socketpair.
"""

from __future__ import annotations

import contextlib
import json
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any


@dataclass
class Outcome:
    """What a worker answered: a body (with its media type) or an error (HTTP status)."""

    status: int
    body: bytes
    content_type: str
    truncated: bool = False
    rows: int = 0


class QueryTimeout(Exception):
    """The query ran past its deadline; its worker was killed."""


class PoolBusy(Exception):
    """No worker became free before the deadline."""


# --- inside the worker process ---------------------------------------------------------


def _run(store: Any, op: str, text: str, fmt: str, max_rows: int, prefixes: dict[str, str]) -> Outcome:
    import pyoxigraph as ox

    from kg.rdf.bindings import star_variable_order
    from kg.serve import formats as f

    if op == "update":
        store.update(text)
        return Outcome(204, b"", "text/plain")
    # op "query-union": the default graph is the union of the named graphs (?union-default-graph)
    result = store.query(text, use_default_graph_as_union=op == "query-union")
    if isinstance(result, ox.QueryBoolean):
        return Outcome(200, f.write_boolean(fmt, bool(result)), f.RESULT_FORMATS[fmt])
    if isinstance(result, ox.QuerySolutions):
        variables = star_variable_order(text, [v.value for v in result.variables])
        rows: list[list[Any]] = []
        truncated = False
        for solution in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append([f.ox_term(solution[v]) for v in variables])
        body = f.write_select(fmt, variables, rows)
        return Outcome(200, body, f.RESULT_FORMATS[fmt], truncated, len(rows))
    triples = []
    truncated = False
    for triple in result:
        if len(triples) >= max_rows:
            truncated = True
            break
        triples.append(triple)
    rdf_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }[fmt]
    kwargs = {"prefixes": prefixes} if fmt in ("turtle", "rdfxml") else {}
    body = ox.serialize(triples, format=rdf_format, **kwargs)
    return Outcome(200, body, f.GRAPH_FORMATS[fmt], truncated, len(triples))


def worker_main(conn: Connection, location: str, writable: bool, prefixes: dict[str, str]) -> None:
    """Worker loop: leave the network, open the store, then answer (op, text, fmt, max_rows) messages."""
    from kg.store.sandbox import isolate_network

    isolation = isolate_network()  # first: a user namespace needs a single-threaded process
    import pyoxigraph as ox

    from kg.errors import StoreError
    from kg.store import snapshots

    try:
        if writable:
            store = ox.Store(location)
            snapshots.publish(store, location)
        else:
            # the newest checkpoint an import published, never the directory it writes
            # (held, with its lock, for the life of this worker)
            published = snapshots.open_published(location)
            store = published.store
    except (OSError, StoreError) as exc:
        conn.send(("fatal", str(exc)))
        return
    conn.send(("ready", isolation))
    while True:
        try:
            op, text, fmt, max_rows = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = _run(store, op, text, fmt, max_rows, prefixes)
        except SyntaxError as exc:
            outcome = Outcome(400, f"SPARQL syntax error: {exc}".encode(), "text/plain; charset=utf-8")
        except (OSError, ValueError, TypeError, RuntimeError) as exc:
            outcome = Outcome(500, f"query failed: {exc}".encode(), "text/plain; charset=utf-8")
        try:
            conn.send((outcome.status, outcome.body, outcome.content_type, outcome.truncated, outcome.rows))
        except (BrokenPipeError, OSError):
            return
        if op == "update":
            store.flush()
            with contextlib.suppress(StoreError):  # readers keep the last state; the next update retries
                snapshots.publish(store, location)


# --- in the server process -------------------------------------------------------------


class _Worker:
    """One worker: ``python -m kg.serve.worker FD LOCATION WRITABLE PREFIXES`` on a socketpair.

    A plain subprocess rather than ``multiprocessing``'s spawn: spawn re-imports the
    parent's ``__main__``, which breaks any script that starts a server at import time.
    """

    def __init__(self, location: str, writable: bool, prefixes: dict[str, str]) -> None:
        parent, child = socket.socketpair()
        try:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "kg.serve.worker",
                    str(child.fileno()),
                    location,
                    "1" if writable else "0",
                    json.dumps(prefixes),
                ],
                pass_fds=[child.fileno()],
                stdin=subprocess.DEVNULL,
            )
        finally:
            child.close()
        self.conn = Connection(parent.detach())
        self.isolation = "none: not started"

    def wait_ready(self, timeout: float) -> None:
        try:
            if not self.conn.poll(timeout):
                raise RuntimeError("query worker did not start in time")
            kind, message = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise RuntimeError("query worker exited while starting") from None
        except RuntimeError:
            self.kill()
            raise
        if kind != "ready":
            self.kill()
            raise RuntimeError(f"query worker cannot open the store: {message}")
        self.isolation = message

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes; :meth:`run` gives a query to a free one with a deadline."""

    def __init__(
        self, location: str, *, size: int = 2, writable: bool = False, prefixes: dict[str, str] | None = None
    ):
        self.location = location
        self.writable = writable
        self.size = 1 if writable else size  # one writer handle: updates and queries serialise
        self.prefixes = dict(prefixes or {})
        self._free: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        workers = [self._spawn() for _ in range(self.size)]
        try:
            for w in workers:
                w.wait_ready(60)
        except RuntimeError:
            self.close()
            raise
        for w in workers:
            self._free.put(w)
        #: How the workers are kept off the network (see kg.store.sandbox.isolate_network).
        self.isolation = workers[0].isolation

    def _spawn(self) -> _Worker:
        w = _Worker(self.location, self.writable, self.prefixes)
        with self._lock:
            self._all.add(w)
        return w

    def _replace(self, dead: _Worker) -> None:
        """Kill ``dead`` and start its replacement in the background."""
        with self._lock:
            self._all.discard(dead)
        dead.kill()

        def start() -> None:
            for attempt in range(5):
                if self._closed:
                    return
                try:
                    w = self._spawn()
                    w.wait_ready(60)
                except RuntimeError:
                    time.sleep(0.2 * (attempt + 1))  # a killed writer may hold the lock briefly
                    continue
                if self._closed:
                    w.kill()
                    return
                self._free.put(w)
                return

        threading.Thread(target=start, daemon=True, name="kg-worker-respawn").start()

    def run(self, op: str, text: str, fmt: str, max_rows: int, timeout: float) -> Outcome:
        """Run one operation; raises :class:`QueryTimeout` or :class:`PoolBusy` at the deadline."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._free.get(timeout=timeout)
        except queue.Empty:
            raise PoolBusy(f"all {self.size} query workers stayed busy for {timeout:g} s") from None
        remaining = max(0.05, deadline - time.monotonic())
        try:
            worker.conn.send((op, text, fmt, max_rows))
            if not worker.conn.poll(remaining):
                self._replace(worker)
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            outcome = Outcome(*worker.conn.recv())
        except QueryTimeout:
            raise
        except Exception:  # died, or answered garbage: never reuse it
            self._replace(worker)
            return Outcome(500, b"query worker died while running the query", "text/plain; charset=utf-8")
        self._free.put(worker)
        return outcome

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()


if __name__ == "__main__":  # python -m kg.serve.worker FD LOCATION WRITABLE PREFIXES_JSON
    worker_main(Connection(int(sys.argv[1])), sys.argv[2], sys.argv[3] == "1", json.loads(sys.argv[4]))
