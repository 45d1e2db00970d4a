"""Evaluate SPARQL where no outbound connection is possible (second layer behind the text check).

:mod:`kg.rdf.sparql_guard` refuses SERVICE and LOAD in the text; this module makes the engine
unable to reach the network even if a spelling got past that check.  On Linux a process
can leave the host's network namespace for a fresh one in which no interface is up, so
any connect (loopback included) fails with "network is unreachable":

* as root: ``unshare(CLONE_NEWNET)`` (what ``unshare -n`` does);
* as a normal user: ``unshare(CLONE_NEWUSER | CLONE_NEWNET)`` with the user's own uid and
  gid mapped (``unshare -rn``, minus the mapping to root), so files are still read and
  written as that user.

Python 3.11 has no ``os.unshare``, so libc is called through ctypes; the call must come
before the process starts threads (a user namespace requires a single thread), which is
why workers call :func:`isolate_network` first thing.  When the OS refuses (not Linux,
a container without the capability, user namespaces disabled) the worker runs with the
host's network and says so; the caller prints one warning on stderr.

The ``kg query`` worker (``python -m kg.store.sandbox``) lives here too: it opens the store
read-only itself (the snapshot retries of :mod:`kg.store` apply there), evaluates one
query and streams the answer back over its stdout pipe as JSON lines, so the calling
process never evaluates user SPARQL.  A store that is a remote server is queried in
process as before: the network is its job.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
#: ``isolate_network()`` results that mean "no network".
ISOLATED = ("netns", "userns+netns")
_ROWS_PER_MESSAGE = 256


def isolate_network() -> str:
    """Move this process into a new, empty network namespace; say how ("none: why" if refused)."""
    if not sys.platform.startswith("linux"):
        return f"none: {sys.platform} has no network namespaces"
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        unshare = libc.unshare
    except (OSError, AttributeError) as exc:
        return f"none: no unshare() in libc ({exc})"
    if os.geteuid() == 0 and unshare(CLONE_NEWNET) == 0:
        return "netns"
    uid, gid = os.geteuid(), os.getegid()
    if unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
        return f"none: unshare refused ({os.strerror(ctypes.get_errno())})"
    try:  # keep the same ids inside, so the store's files are read and written as before
        for name, text in (
            ("setgroups", "deny"),
            ("uid_map", f"{uid} {uid} 1"),
            ("gid_map", f"{gid} {gid} 1"),
        ):
            with open(f"/proc/self/{name}", "w", encoding="ascii") as fh:
                fh.write(text)
    except OSError:
        pass  # still without network; only file ownership inside may look odd
    return "userns+netns"


def warn_if_exposed(isolation: str, who: str) -> None:
    """One stderr line when ``isolation`` says the OS refused a network namespace."""
    if isolation not in ISOLATED:
        print(
            f"kg: warning: {who} keeps network access ({isolation.removeprefix('none: ')}); "
            "SERVICE and LOAD are still refused by the query text check",
            file=sys.stderr,
        )


# --- terms on the wire ------------------------------------------------------------------


def _encode(term: Any) -> Any:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, Literal):
        return ["l", str(term), str(term.datatype) if term.datatype else None, term.language]
    if isinstance(term, BNode):
        return ["b", str(term)]
    if isinstance(term, URIRef):
        return ["u", str(term)]
    return ["l", str(term), None, None]


def _decode(value: Any) -> Any:
    from rdflib import BNode, Literal, URIRef

    if value is None:
        return None
    kind = value[0]
    if kind == "u":
        return URIRef(value[1])
    if kind == "b":
        return BNode(value[1])
    if value[3]:
        return Literal(value[1], lang=value[3])
    return Literal(value[1], datatype=URIRef(value[2]) if value[2] else None)


# --- the worker process -------------------------------------------------------------------


def _send(out: IO[str], message: dict[str, Any]) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


def _stream(out: IO[str], result: Any) -> None:
    if result.type == "ASK":
        _send(out, {"type": "ASK", "answer": bool(result.askAnswer)})
        return
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        _send(out, {"type": result.type})
        triples = [[_encode(t) for t in triple] for triple in result.graph]
        for k in range(0, len(triples), _ROWS_PER_MESSAGE):
            _send(out, {"rows": triples[k : k + _ROWS_PER_MESSAGE]})
        return
    variables = [str(v) for v in result.vars or []]
    _send(out, {"type": "SELECT", "vars": variables})
    batch: list[list[Any]] = []
    for row in result:
        batch.append([_encode(t) for t in row])
        if len(batch) >= _ROWS_PER_MESSAGE:
            _send(out, {"rows": batch})
            batch = []
    if batch:
        _send(out, {"rows": batch})


def worker_main() -> None:
    """``python -m kg.store.sandbox``: isolate, read one request on stdin, stream the answer on stdout."""
    isolation = isolate_network()
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # stray prints (libraries) go to stderr, never into the answer stream
    _send(out, {"isolation": isolation})
    request = json.loads(sys.stdin.readline())
    from kg.errors import KgError, QueryError
    from kg.store import EmbeddedStore

    try:
        if request["location"] == "memory:":
            store = EmbeddedStore(None)
            if request.get("quads"):
                import pyoxigraph as ox

                store.ox.load(request["quads"].encode("utf-8"), ox.RdfFormat.N_QUADS)
        else:
            store = EmbeddedStore(request["location"], read_only=True, private=bool(request.get("private")))
        if request.get("lexical_check", True):
            result = store.query(request["sparql"], union=bool(request.get("union")))
        else:  # tests of this layer alone (see query_in_sandbox)
            result = store.evaluate(request["sparql"], union=bool(request.get("union")))
        _stream(out, result)
    except KgError as exc:
        _send(out, {"error": type(exc).__name__, "message": str(exc)})
    except Exception as exc:  # whatever the engine raises becomes one line
        _send(out, {"error": QueryError.__name__, "message": f"query failed: {exc}"})
    else:
        _send(out, {"end": True})


# --- the calling process -------------------------------------------------------------------


def _error(name: str, message: str) -> Exception:
    from kg import errors

    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, errors.KgError)):
        cls = errors.QueryError
    return cls(message)


class _Worker:
    """One ``python -m kg.store.sandbox`` process and its pipes."""

    def __init__(self, cleanup: Callable[[], None] | None = None) -> None:
        self.cleanup = cleanup  # run once the process has ended (see query_in_sandbox)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg.store.sandbox"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            encoding="utf-8",
        )
        self.isolation = str(self.read().get("isolation", "none: the query process did not start"))

    def read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            from kg.errors import QueryError

            raise QueryError(f"the query process ended without an answer (exit code {code})")
        return dict(json.loads(line))

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()
        if self.cleanup is not None:
            cleanup, self.cleanup = self.cleanup, None
            cleanup()


def query_in_sandbox(
    location: str,
    sparql: str,
    *,
    quads: str | None = None,
    lexical_check: bool = True,
    union: bool = False,
    private: bool = False,
    cleanup: Callable[[], None] | None = None,
) -> Any:
    """Evaluate ``sparql`` on the store at ``location`` in a worker without network.

    Returns an rdflib ``Result`` whose SELECT rows stream from the worker as they come.
    ``location`` is a directory (opened read-only by the worker) or ``memory:`` with the
    store's content as N-Quads in ``quads``.  ``lexical_check=False`` skips the text
    check in the worker: only for tests proving that this layer holds on its own.
    ``private``: ``location`` is a writer's private checkpoint; ``cleanup`` runs once the
    worker has ended (all rows read, an error, or the unread rows' generator collected).
    Errors are raised as the same :class:`kg.errors.KgError` the store would raise.
    """
    from rdflib import Graph, Variable
    from rdflib.query import Result

    try:
        worker = _Worker(cleanup)
    except BaseException:
        if cleanup is not None:
            cleanup()
        raise
    try:
        warn_if_exposed(worker.isolation, "the query process")
        assert worker.proc.stdin is not None
        request = {
            "location": location,
            "sparql": sparql,
            "quads": quads,
            "lexical_check": lexical_check,
            "union": union,
            "private": private,
        }
        worker.proc.stdin.write(json.dumps(request) + "\n")
        worker.proc.stdin.close()
        head = worker.read()
        if "error" in head:
            raise _error(head["error"], head["message"])
        result = Result(head["type"])
        if head["type"] == "ASK":
            result.askAnswer = bool(head["answer"])
        elif head["type"] in ("CONSTRUCT", "DESCRIBE"):
            result.graph = Graph()
            for row in _rows(worker, close=False):
                result.graph.add(tuple(row))  # type: ignore[arg-type]
        else:
            names = [Variable(v) for v in head["vars"]]
            result.vars = names
            result.bindings = (dict(zip(names, row, strict=True)) for row in _rows(worker, close=True))
            return result
    except BaseException:
        worker.close()
        raise
    worker.close()
    return result


def _rows(worker: _Worker, *, close: bool) -> Iterator[list[Any]]:
    """Decoded rows until the worker's end mark; its error, if any, raised as the store would."""
    try:
        while True:
            message = worker.read()
            if "error" in message:
                raise _error(message["error"], message["message"])
            if message.get("end"):
                return
            for row in message["rows"]:
                yield [_decode(v) for v in row]
    finally:
        if close:
            worker.close()


if __name__ == "__main__":
    worker_main()
