"""Open a store from a location string; read, write graphs atomically, export.

Layer 3, the store: embedded (Oxigraph), remote (SPARQL 1.1 server, :mod:`kg.store.remote`), the fast
row reader (:mod:`kg.store.rows`) and the query sandbox (:mod:`kg.store.sandbox`).
May import layers 0-2 (io, vocab, rdf); never queries, ingest or anything above.

Locations:

* a directory (default ``./kg-store`` or ``$KG_STORE``): Oxigraph on disk (RocksDB),
  used through rdflib via oxrdflib for queries and through pyoxigraph's own parsers and
  bulk loader for writes (rdflib's triple-by-triple path is 5-10x slower);
* ``memory:``: an in-memory Oxigraph store (tests, one-shot pipelines);
* ``http(s)://...``: a remote SPARQL 1.1 server (query, update and Graph Store Protocol
  endpoints; see :class:`RemoteStore`).

Writes go graph by graph (one named graph per source document).  On the embedded store a
write first records a *pending* marker for each graph in :data:`kg.vocab.iris.REGISTRY_GRAPH`
(one transaction), replaces the graphs, then clears the markers (one transaction).  A
process killed in between leaves markers behind; the next writable open drops those
half-written graphs, so a graph is either wholly there or absent, and a re-run completes.
Remote writes PUT each graph whole through the Graph Store Protocol, which servers apply
atomically per request.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from email.message import Message
from pathlib import Path
from typing import IO, Any, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node, Variable

from kg.errors import KgError, QueryError, StoreError, StoreLocked
from kg.rdf.bindings import inject_values, safe_term, star_variable_order
from kg.rdf.sparql_guard import refuse_outbound
from kg.rdf.terms import nt_term
from kg.store import remote
from kg.store.remote import split_credentials
from kg.vocab import ns
from kg.vocab.iris import REGISTRY_GRAPH

DEFAULT_LOCATION = "kg-store"
#: Formats accepted by :meth:`Store.export` (CLI names -> pyoxigraph formats).
EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_QUAD_FORMATS = {"nq", "trig"}

GraphData = str | bytes | Iterable[tuple[Node, Node, Node]]


def default_location() -> str:
    """``$KG_STORE`` or ``./kg-store``."""
    return os.environ.get("KG_STORE") or DEFAULT_LOCATION


def to_ntriples(data: GraphData) -> bytes:
    """Serialise triples (rdflib terms) as N-Triples; str/bytes pass through."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8")
    return "".join(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in data).encode("utf-8")


class Store(ABC):
    """What every store offers; importers, queries and views use only this."""

    location: str
    read_only: bool = False

    @abstractmethod
    def query(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, *, union: bool = False
    ) -> Result:
        """Run a SPARQL query; ``bindings`` are bound as RDF terms, never pasted as text.

        ``union`` makes the default graph the union of all named graphs, so that ad-hoc
        patterns without ``GRAPH`` find the data.  ``SELECT *`` columns come in the order
        the variables appear in the query.
        """

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL update (one transaction)."""

    @abstractmethod
    def replace_graphs(self, graphs: Mapping[URIRef, GraphData], *, bulk: bool = False) -> None:
        """Replace each named graph with the given triples (whole graphs; crash-safe)."""

    @abstractmethod
    def drop_graphs(self, graphs: Iterable[URIRef]) -> None:
        """Remove named graphs and their triples."""

    @abstractmethod
    def named_graphs(self) -> list[URIRef]:
        """IRIs of the named graphs in the store."""

    @abstractmethod
    def export(self, fmt: str, out: IO[bytes], graph: URIRef | None = None) -> None:
        """Serialise the store (quad formats) or one graph / the union (triple formats)."""

    def close(self) -> None:
        """Release the store (the embedded store's lock)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- conveniences built on the primitives --------------------------------------------
    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Node]]:
        """Rows of a SELECT as dicts (unbound variables absent)."""
        result = self.query(sparql, bindings)
        names = [str(v) for v in result.vars or []]
        rows = []
        for row in result:
            rows.append({n: v for n, v in zip(names, row, strict=True) if v is not None})
        return rows

    def rows(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Any]]:
        """Rows of a SELECT as plain Python values, the same types on every store (see
        :func:`plain`); unbound variables absent.  What code reading many rows should use:
        the embedded store answers it without building rdflib terms (several times faster
        on the tens of thousands of rows of a register)."""
        return [{k: plain(v) for k, v in row.items()} for row in self.select(sparql, bindings)]

    def quads(
        self,
        subject: str | None = None,
        predicate: str | None = None,
        obj: str | None = None,
        graph: str | None = None,
    ) -> list[tuple[Any, str, Any, str]]:
        """(subject, predicate, object, graph) of the triples in named graphs matching a
        pattern of IRIs (None: any), as :func:`plain` values.  The embedded store answers
        from its indexes, without SPARQL: what lookups by the thousand (linking, search) use."""
        variables = {"s": subject, "p": predicate, "o": obj, "g": graph}
        bound = {k: URIRef(v) for k, v in variables.items() if v is not None}
        rows = self.rows("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", bound)
        return [
            (r.get("s", subject), r.get("p", predicate), r.get("o", obj), r.get("g", graph))  # type: ignore[misc]
            for r in rows
        ]

    def query_isolated(self, sparql: str, *, union: bool = False) -> Result:
        """Run SPARQL typed by a user (``kg query``): embedded stores evaluate it in a process
        without network (:mod:`kg.store.sandbox`); a remote server is queried as usual."""
        return self.query(sparql, union=union)

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return bool(self.query(sparql, bindings).askAnswer)

    def has_graph(self, graph: URIRef) -> bool:
        return self.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": graph})

    def count(self, graph: URIRef | None = None) -> int:
        """Number of quads in the store, or triples in one graph."""
        if graph is None:
            q = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
            row = self.select(q)
        else:
            row = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
        return int(row[0]["n"]) if row else 0

    def stats(self) -> dict[str, int]:
        """Counts users ask for first: triples, graphs, parties, systems, deals, sources, claims."""
        counts = {"triples": self.count(), "graphs": len(self.named_graphs())}
        for key, classes in _STAT_CLASSES.items():
            values = " ".join(f"<{c}>" for c in classes)
            # (class IRIs come from kg.vocab.ns, never from user input)
            q = (
                "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE "
                f"{{ VALUES ?c {{ {values} }} GRAPH ?g {{ ?x a ?c }} }}"
            )
            counts[key] = int(self.select(q)[0]["n"])
        return counts


#: Classes counted by :meth:`Store.stats` (subclasses listed, so no inference is needed).
_STAT_CLASSES = {
    "parties": [
        ns.Party,
        ns.Country,
        ns.Company,
        ns.GovernmentAgency,
        ns.InternationalOrganisation,
        ns.NonStateArmedGroup,
        ns.UnknownParty,
    ],
    "systems": [ns.WeaponSystem],
    "deals": [ns.Deal],
    "deliveries": [ns.Delivery],
    "sources": [ns.NewsArticle, ns.DatasetRelease, ns.Source],
    "claims": [ns.Claim],
}


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(_XSD + t for t in ("integer", "int", "long"))
_DECIMALS = frozenset(_XSD + t for t in ("decimal", "double", "float"))
_BOOLEAN = _XSD + "boolean"


def plain(term: Any) -> Any:
    """A pyoxigraph or rdflib term as a plain Python value: IRIs as str, blank nodes as
    ``_:label``, xsd integers as int, decimals, doubles and floats as Decimal, booleans as
    bool, any other literal (or a malformed number) as its lexical text."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        datatype, text = term.datatype.value, term.value
    elif isinstance(term, Literal):
        datatype, text = (str(term.datatype) if term.datatype is not None else None), str(term)
    elif isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    elif isinstance(term, BNode):
        return f"_:{term}"
    else:
        return str(term)
    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype in _DECIMALS:
            return Decimal(text)
    except (ValueError, InvalidOperation):
        return text
    if datatype == _BOOLEAN:
        return text in ("true", "1")
    return text


def rdflib_term(term: Any) -> Node:
    """A pyoxigraph term as the rdflib term oxrdflib gives for it (xsd:string datatype kept)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(f"unsupported term in a result: {term!r}")


def refuse_outbound_query(sparql: str) -> None:
    """Raise :class:`QueryError` for SERVICE and LOAD (kg makes no outbound requests; see :mod:`kg.rdf.sparql_guard`)."""
    reason = refuse_outbound(sparql)
    if reason is not None:
        raise QueryError(reason)


#: Seconds a read-only open waits for a running import to finish its graph writes.
READ_WAIT = float(os.environ.get("KG_READ_WAIT", "60"))
#: Seconds an empty snapshot of a store that a writer holds is re-checked before it is believed.
EMPTY_WAIT = 2.0


def _open_settled(path: str) -> ox.Store:
    """A read-only snapshot taken when no graph write is pending.

    Why: a read-only open sees the store as it is at that instant; mid-import that can be
    a graph already dropped and not yet reloaded (or half bulk-loaded).  Pending markers
    say so, so reopen until they are gone: a reader sees the state before or after an
    import, never between.  Markers left by a killed writer (no process holds the lock)
    stay until the next writable open recovers them: refused at once with that hint.
    """
    reg = ox.NamedNode(str(REGISTRY_GRAPH))
    state = ox.NamedNode(str(ns.importState))
    deadline = time.monotonic() + READ_WAIT
    error_deadline = 0.0
    empty_deadline = time.monotonic() + min(READ_WAIT, EMPTY_WAIT)
    empties = 0
    while True:
        try:
            store = ox.Store.read_only(path)
            pending = next(iter(store.quads_for_pattern(None, state, ox.Literal("pending"), reg)), None)
            empty = pending is None and next(iter(store), None) is None
        except (OSError, RuntimeError) as exc:  # a file the writer just compacted away: retry
            # (the 5 s run from the first of a run of failed opens, not from the first
            # open: a reader may have waited out a long import before its first failure)
            error_deadline = error_deadline or time.monotonic() + min(READ_WAIT, 5.0)
            if time.monotonic() >= error_deadline:
                raise StoreError(f"cannot open store {path}: {exc}") from None
            time.sleep(0.1)
            continue
        error_deadline = 0.0
        if pending is None and not empty:
            return store
        alive = _writer_alive(path)
        if empty:
            # An empty snapshot is not trusted at once: a read-only open racing a writer
            # (its flush and close included) can, rarely, see no data at all (measured: about
            # 1 open in 3,000, never twice running).  A store that really is empty stays
            # empty over a few re-opens and is answered as such.
            empties += 1
            if empties >= 3 and (not alive or time.monotonic() >= empty_deadline):
                return store
            del store
            time.sleep(0.05)
            continue
        del store
        if not alive:
            raise StoreError(
                f"store {path} has half-written graphs from an interrupted import; "
                "the next `kg import` (any writable open) drops them"
            )
        if time.monotonic() >= deadline:
            raise StoreError(
                f"store {path} has graphs being written by an import for over {READ_WAIT:.0f} s; try again"
            )
        time.sleep(0.1)


def _writer_alive(path: str) -> bool:
    """False only when it is certain that no process holds the store's RocksDB lock.

    Read from ``/proc/locks`` (Linux) without touching the lock: taking it, even briefly,
    could release a lock held by this very process (POSIX locks are per process).
    Elsewhere, or when unsure, the writer is assumed alive (the reader waits).
    """
    try:
        st = os.stat(Path(path, "LOCK"))
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            table = fh.read()
    except OSError:
        return True
    key = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino} "
    return key in table


#: Fresh snapshots a read-only store takes when a file vanished under a read.
_SNAPSHOT_RETRIES = 3
_T = TypeVar("_T")


def _peeked(result: Result) -> Result:
    """``result`` with its first solution already computed, still streaming the rest.

    Why: the engine opens its files when the first solution is asked for; computing it
    inside :meth:`EmbeddedStore.query` lets a vanished-file error there be retried on a
    fresh snapshot instead of surfacing half-way through a caller's loop.
    """
    if result.type != "SELECT" or result._genbindings is None:
        return result
    rest = result._genbindings
    first = next(rest, None)
    if first is None:
        result.bindings = []
        return result

    def stream() -> Iterator[Mapping[Any, Any]]:
        yield first
        yield from rest

    result.bindings = stream()
    return result


class EmbeddedStore(Store):
    """Oxigraph (on disk or in memory) used through rdflib (oxrdflib) and pyoxigraph."""

    def __init__(self, path: str | None, *, read_only: bool = False) -> None:
        self.location = path or "memory:"
        self.read_only = read_only
        try:
            if path is None:
                self._ox = ox.Store()
            elif read_only:
                if not Path(path, "CURRENT").exists():
                    raise StoreError(f"no store at {path} (create one with `kg import ...` or `kg demo`)")
                self._ox = _open_settled(path)
            else:
                self._ox = ox.Store(path)
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreLocked(f"store {path} is locked by another process writing to it") from None
            raise StoreError(f"cannot open store {path}: {text}") from None
        self._dataset: Dataset | None = None
        if not read_only:
            self._recover()

    @property
    def ox(self) -> ox.Store:
        """The underlying pyoxigraph store (bulk paths, native queries)."""
        return self._ox

    @property
    def dataset(self) -> Dataset:
        """rdflib's view of the store (oxrdflib), made on first use: only :meth:`query`
        needs it, and importing oxrdflib costs a command about 0.3 s of start-up."""
        if self._dataset is None:
            from oxrdflib import OxigraphStore

            self._dataset = Dataset(store=OxigraphStore(store=self._ox))
        return self._dataset

    # -- crash recovery ------------------------------------------------------------------
    def _pending(self) -> list[URIRef]:
        reg = ox.NamedNode(str(REGISTRY_GRAPH))
        state = ox.NamedNode(str(ns.importState))
        return [
            URIRef(q.subject.value)
            for q in self._ox.quads_for_pattern(None, state, ox.Literal("pending"), reg)
        ]

    def _recover(self) -> None:
        pending = self._pending()
        if not pending:
            return
        print(
            f"kg: recovering from an interrupted import: dropping {len(pending)} half-written graph(s)",
            file=sys.stderr,
        )
        for g in pending:
            node = ox.NamedNode(str(g))
            if self._ox.contains_named_graph(node):
                self._ox.remove_graph(node)
        self._clear_markers(pending)

    def _markers(self, graphs: Iterable[URIRef]) -> list[ox.Quad]:
        reg = ox.NamedNode(str(REGISTRY_GRAPH))
        state = ox.NamedNode(str(ns.importState))
        return [ox.Quad(ox.NamedNode(str(g)), state, ox.Literal("pending"), reg) for g in graphs]

    def _clear_markers(self, graphs: Iterable[URIRef]) -> None:
        for quad in self._markers(graphs):
            self._ox.remove(quad)

    # -- reads ---------------------------------------------------------------------------
    def _reopen_snapshot(self, exc: OSError, attempt: int) -> bool:
        """Take a fresh read-only snapshot after ``exc``, if that can help; say whether it did.

        Why: a read-only snapshot opens its files lazily, and a writer running at the same
        time may compact one away in between (measured: about 1 read in 1,000 while imports
        run back to back).  The data is intact; a fresh snapshot reads it.  Writers (and so
        in-memory stores), and errors that are not a vanished file, are not retried.
        """
        if not self.read_only or attempt >= _SNAPSHOT_RETRIES or "No such file" not in str(exc):
            return False
        if self._dataset is not None:
            self._dataset.close()
            self._dataset = None
        self._ox = _open_settled(self.location)
        return True

    def _read(self, op: Callable[[], _T], error: type[KgError], what: str) -> _T:
        """``op()``, retried on a fresh snapshot when a file vanished under it (see above)."""
        attempt = 0
        while True:
            try:
                return op()
            except OSError as exc:
                if not self._reopen_snapshot(exc, attempt):
                    raise error(f"{what}: {exc}") from None
                attempt += 1

    def query(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, *, union: bool = False
    ) -> Result:
        refuse_outbound_query(sparql)
        return self.evaluate(sparql, bindings, union=union)

    def evaluate(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, *, union: bool = False
    ) -> Result:
        """:meth:`query` without the SERVICE/LOAD text check (the sandbox worker's tests use it)."""
        # VALUES rather than pyoxigraph substitutions: those only bind projected
        # variables, and VALUES gives remote and embedded stores the same semantics.
        text = inject_values(sparql, bindings) if bindings else sparql

        def run() -> Result:
            # rdflib passes a union default graph to Oxigraph (use_default_graph_as_union)
            dataset = Dataset(store=self.dataset.store, default_union=True) if union else self.dataset
            try:
                return _star_ordered(sparql, _peeked(dataset.query(text)))
            except SyntaxError as exc:
                raise QueryError(f"SPARQL syntax error: {exc}") from None
            except (ValueError, TypeError) as exc:
                raise QueryError(f"query failed: {exc}") from None

        return self._read(run, QueryError, "query failed")

    def query_isolated(self, sparql: str, *, union: bool = False) -> Result:
        """Run user SPARQL in a worker process without network (see :mod:`kg.store.sandbox`)."""
        refuse_outbound_query(sparql)  # refused here at once, without starting a worker
        from kg.store.sandbox import query_in_sandbox

        if self.location == "memory:":
            buf = io.BytesIO()
            self._ox.dump(buf, ox.RdfFormat.N_QUADS)
            return query_in_sandbox("memory:", sparql, quads=buf.getvalue().decode("utf-8"), union=union)
        if not self.read_only:
            self._ox.flush()  # the worker opens its own read-only snapshot
        return query_in_sandbox(self.location, sparql, union=union)

    def _native(self, sparql: str, bindings: Mapping[str, Node] | None, convert: Callable[[Any], Any]) -> Any:
        """A query through pyoxigraph directly (no rdflib Result): SELECT rows as dicts of
        ``convert(term)``, or an ASK's bool; read whole inside the snapshot retry."""
        refuse_outbound_query(sparql)
        text = inject_values(sparql, bindings) if bindings else sparql

        def run() -> Any:
            try:
                result = self._ox.query(text)
            except SyntaxError as exc:
                raise QueryError(f"SPARQL syntax error: {exc}") from None
            except (ValueError, TypeError) as exc:
                raise QueryError(f"query failed: {exc}") from None
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("expected a SELECT or ASK query")
            names = [v.value for v in result.variables]
            out = []
            for solution in result:
                row = {}
                for i, name in enumerate(names):
                    term = solution[i]
                    if term is not None:
                        row[name] = convert(term)
                out.append(row)
            return out

        return self._read(run, QueryError, "query failed")

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Node]]:
        return self._native(sparql, bindings, rdflib_term)

    def rows(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Any]]:
        return self._native(sparql, bindings, plain)

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return bool(self._native(sparql, bindings, plain))

    def quads(
        self,
        subject: str | None = None,
        predicate: str | None = None,
        obj: str | None = None,
        graph: str | None = None,
    ) -> list[tuple[Any, str, Any, str]]:
        nodes = [None if v is None else ox.NamedNode(v) for v in (subject, predicate, obj, graph)]

        def run() -> list[tuple[Any, str, Any, str]]:
            return [
                (plain(q.subject), q.predicate.value, plain(q.object), q.graph_name.value)
                for q in self._ox.quads_for_pattern(*nodes)
                if isinstance(q.graph_name, ox.NamedNode)
            ]

        return self._read(run, QueryError, "query failed")

    def pyoxigraph(self) -> tuple[ox.Store, bool]:
        """The store's own pyoxigraph store (not a copy): see :func:`kg.store.as_pyoxigraph`."""
        return self._ox, False

    def named_graphs(self) -> list[URIRef]:
        return sorted(
            URIRef(g.value)
            for g in self._ox.named_graphs()
            if isinstance(g, ox.NamedNode) and g.value != str(REGISTRY_GRAPH)
        )

    def count(self, graph: URIRef | None = None) -> int:
        if graph is None:
            return self._read(lambda: len(self._ox), StoreError, f"cannot read store {self.location}")
        return super().count(graph)

    def export(self, fmt: str, out: IO[bytes], graph: URIRef | None = None) -> None:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
        rdf_format = EXPORT_FORMATS[fmt]
        prefixes = {p: str(n) for p, n in ns.PREFIXES.items()}
        if fmt in _QUAD_FORMATS and graph is None:
            kwargs = {"prefixes": prefixes} if fmt == "trig" else {}
            self._ox.dump(out, rdf_format, **kwargs)
            return
        if graph is not None:
            self._ox.dump(out, rdf_format, from_graph=ox.NamedNode(str(graph)), **_prefix_kw(fmt, prefixes))
            return
        # A triple format for the whole store: the union of all graphs, de-duplicated.
        union = ox.Store()
        union.extend(ox.Quad(q.subject, q.predicate, q.object) for q in self._ox)
        _dump_store(union, fmt, out)

    # -- writes --------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")

    def update(self, sparql: str) -> None:
        self._check_writable()
        refuse_outbound_query(sparql)
        try:
            self._ox.update(sparql, prefixes={p: str(n) for p, n in ns.PREFIXES.items()})
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from None

    def replace_graphs(self, graphs: Mapping[URIRef, GraphData], *, bulk: bool = False) -> None:
        self._check_writable()
        if not graphs:
            return
        self._ox.extend(self._markers(graphs))
        for g, data in graphs.items():
            node = ox.NamedNode(str(g))
            if self._ox.contains_named_graph(node):
                self._ox.remove_graph(node)
            payload = to_ntriples(data)
            try:
                if bulk:
                    self._bulk_load(payload, node)
                else:
                    self._ox.load(payload, ox.RdfFormat.N_TRIPLES, to_graph=node)
            except SyntaxError as exc:  # a bug in a mapper, never user input: fail loudly
                if self._ox.contains_named_graph(node):
                    self._ox.remove_graph(node)
                self._clear_markers(graphs)
                raise StoreError(f"internal error: generated N-Triples for {g} do not parse: {exc}") from None
        self._clear_markers(graphs)
        if bulk:
            self._ox.flush()

    def _bulk_load(self, payload: bytes, node: ox.NamedNode) -> None:
        """Bulk-load N-Triples into ``node``, in parallel slices when the payload is large.

        Why: Oxigraph's bulk loader works in batches of a million quads, one thread per
        batch, so a register (under a million triples) is loaded by one thread while the
        other cores idle; the index building, not the parse, is most of its cost.  Slices
        cut at line ends are loaded by concurrent bulk loads (pyoxigraph releases the GIL;
        each load writes and ingests its own index files), which is the loader's own
        multi-batch path.  Blank-node labels are scoped per load, so a payload holding any
        is loaded whole.  The graph is pending (crash markers) until all slices are in.
        """
        slices = _bulk_slices(payload)
        if len(slices) == 1:
            self._ox.bulk_load(payload, ox.RdfFormat.N_TRIPLES, to_graph=node)
            return
        errors: list[BaseException] = []

        def load(part: memoryview) -> None:
            try:
                self._ox.bulk_load(bytes(part), ox.RdfFormat.N_TRIPLES, to_graph=node)
            except BaseException as exc:  # re-raised in the caller's thread below
                errors.append(exc)

        threads = [threading.Thread(target=load, args=(part,)) for part in slices[1:]]
        for thread in threads:
            thread.start()
        load(slices[0])
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]

    def load_dataset(self, store: ox.Store) -> None:
        """Replace every named graph found in ``store`` (a parsed quad file) atomically per graph."""
        graphs: dict[URIRef, list[ox.Quad]] = {}
        for q in store:
            if isinstance(q.graph_name, ox.NamedNode):
                graphs.setdefault(URIRef(q.graph_name.value), []).append(q)
        self._check_writable()
        self._ox.extend(self._markers(graphs))
        for g, quads in graphs.items():
            node = ox.NamedNode(str(g))
            if self._ox.contains_named_graph(node):
                self._ox.remove_graph(node)
            self._ox.extend(quads)
        self._clear_markers(graphs)

    def drop_graphs(self, graphs: Iterable[URIRef]) -> None:
        self._check_writable()
        for g in graphs:
            node = ox.NamedNode(str(g))
            if self._ox.contains_named_graph(node):
                self._ox.remove_graph(node)

    def close(self) -> None:
        """Flush and release the RocksDB lock (the last reference to the store must go).

        A failing flush (disk full) still releases the store, then raises one
        :class:`StoreError`: the write that failed first has already been reported, and the
        pending markers make the next writable open drop any half-written graph.
        """
        if getattr(self, "_ox", None) is not None:
            failed: OSError | None = None
            if not self.read_only:
                try:
                    self._ox.flush()
                except OSError as exc:
                    failed = exc
            if self._dataset is not None:
                self._dataset.close()  # oxrdflib drops its reference to the pyoxigraph store
                self._dataset = None
            self._ox = None  # type: ignore[assignment]
            gc.collect()  # rdflib graphs sit in reference cycles; free them (and the lock) now
            if failed is not None:
                raise StoreError(f"cannot flush store {self.location}: {failed}")


#: A bulk payload is sliced for parallel loading only above this size (about 100k triples).
BULK_SLICE_BYTES = 16 * 1024 * 1024


def _bulk_slices(payload: bytes) -> list[memoryview]:
    """``payload`` cut at line ends into one slice per core (at most 4), or whole when small
    or when it holds blank nodes (see :meth:`EmbeddedStore._bulk_load`)."""
    parts = min(os.cpu_count() or 1, 4, len(payload) // BULK_SLICE_BYTES + 1)
    view = memoryview(payload)
    if parts <= 1 or b"_:" in payload:
        return [view]
    cuts, start = [], 0
    for i in range(1, parts):
        end = payload.find(b"\n", max(start, len(payload) * i // parts)) + 1
        if end <= 0:
            break
        cuts.append(view[start:end])
        start = end
    cuts.append(view[start:])
    return [c for c in cuts if len(c)]


def _prefix_kw(fmt: str, prefixes: dict[str, str]) -> dict[str, Any]:
    return {"prefixes": prefixes} if fmt in ("ttl", "trig") else {}


class RemoteStore(Store):
    """A SPARQL 1.1 server: Protocol for queries and updates, Graph Store Protocol for graphs.

    The engine is recognised once, from the ``Server`` header of the server's root page:
    Oxigraph server (``/query``, ``/update``, ``/store`` under ``base``), Virtuoso
    (``/sparql``, ``/sparql-auth``, ``/sparql-graph-crud-auth``; quirks absorbed here and
    in :mod:`kg.store.remote`), or any other server, which keeps Oxigraph's layout unless the
    endpoints are set (``KG_QUERY_ENDPOINT``, ``KG_UPDATE_ENDPOINT``, ``KG_GSP_ENDPOINT``;
    see docs/remote-stores.md).  Credentials come from the URL or the environment and are
    redacted from every message.  Every request has a timeout; failures raise
    :class:`StoreError` (or :class:`QueryError` for a query the server rejects).
    """

    #: Triples per Graph Store Protocol request when uploading to Virtuoso (its single
    #: large requests were seen to hang or store only part of the data).
    chunk_triples = 50_000
    #: Prefix of the graphs a Virtuoso upload goes to before it is moved into place.
    TEMP_GRAPH_PREFIX = "urn:x-kg-upload:"

    def __init__(
        self,
        base: str,
        *,
        query_url: str | None = None,
        update_url: str | None = None,
        gsp_url: str | None = None,
        timeout: float = 60.0,
        read_only: bool = False,
    ) -> None:
        base, self._credentials = split_credentials(base.rstrip("/"))
        self.location = base
        self.read_only = read_only
        self._explicit = {
            "query": query_url or os.environ.get("KG_QUERY_ENDPOINT"),
            "update": update_url or os.environ.get("KG_UPDATE_ENDPOINT"),
            "gsp": gsp_url or os.environ.get("KG_GSP_ENDPOINT"),
        }
        self.timeout = float(os.environ.get("KG_REMOTE_TIMEOUT", timeout))
        self._opener = remote.opener(base, self._credentials)
        self._engine: str | None = None
        self._system_graphs: list[str] = []
        self._max_rows: int | None = None

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r}, engine={self._engine or '?'})"

    # -- engine ----------------------------------------------------------------------------
    @property
    def engine(self) -> str:
        """``oxigraph``, ``virtuoso`` or ``sparql``; asked of the server once."""
        if self._engine is None:
            parts = urllib.parse.urlsplit(self.location)
            root = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
            _, headers = self._request(root, accept_status=True)
            self._engine = remote.engine_of(headers.get("Server"))
            if self._engine == "virtuoso":
                self._virtuoso_setup()
        return self._engine

    def _endpoint(self, kind: str) -> str:
        explicit = self._explicit[kind]
        if explicit:
            return explicit
        if self.engine == "virtuoso":
            auth = "-auth" if self._credentials else ""
            path = {"query": "/sparql", "update": f"/sparql{auth}", "gsp": f"/sparql-graph-crud{auth}"}
        else:
            path = {"query": "/query", "update": "/update", "gsp": "/store"}
        return self.location + path[kind]

    @property
    def query_url(self) -> str:
        return self._endpoint("query")

    @property
    def update_url(self) -> str:
        return self._endpoint("update")

    @property
    def gsp_url(self) -> str:
        return self._endpoint("gsp")

    def _virtuoso_setup(self) -> None:
        """Find Virtuoso's system graphs (left out of kg's listings and counts) and its row limit.

        Why not its ``DEFINE input:named-graph-exclude`` pragma: with any dataset pragma,
        Virtuoso 7.2 answers ``GRAPH <iri> { ... }`` patterns with no rows (measured).
        """
        rows = self._select_raw("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        self._system_graphs = sorted(
            r["g"]["value"] for r in rows if remote.VIRTUOSO_SYSTEM_GRAPHS.match(r["g"]["value"])
        )
        try:
            limit = self._select_raw(
                'SELECT (bif:cfg_item_value(bif:virtuoso_ini_path(), "SPARQL", "ResultSetMaxRows") AS ?n) {}'
            )
            self._max_rows = int(limit[0]["n"]["value"])
        except (KgError, KeyError, IndexError, ValueError):
            self._max_rows = None  # not allowed to read it: SELECTs still page on the header

    # -- HTTP ------------------------------------------------------------------------------
    def _request(
        self,
        url: str,
        *,
        data: bytes | None = None,
        method: str = "GET",
        headers: dict[str, str] | None = None,
        accept_status: bool = False,
    ) -> tuple[bytes, Message]:
        """Body and headers of one request; ``accept_status`` returns error answers too."""
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        creds = self._credentials
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return resp.read(), resp.headers
        except urllib.error.HTTPError as exc:
            body = exc.read()
            if accept_status:
                return body, exc.headers
            detail = remote.redact(remote.error_detail(body, str(exc.reason)), creds)
            if exc.code == 400:
                raise QueryError(f"{self.location}: {detail}") from None
            if exc.code == 401:
                hint = "wrong user or password" if creds else "set KG_REMOTE_USER and KG_REMOTE_PASSWORD"
                raise StoreError(f"{self.location}: HTTP 401 from {url}: {hint}") from None
            if self._engine == "virtuoso" and re.search(r"\b(SP0|SQ|37000|22023)", detail):
                raise QueryError(f"{self.location}: {detail}") from None
            raise StoreError(f"{self.location}: HTTP {exc.code} from {url}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = remote.redact(str(getattr(exc, "reason", exc)), creds)
            raise StoreError(f"{self.location}: cannot reach SPARQL endpoint {url}: {reason}") from None

    def _post_query(
        self, text: str, params: dict[str, str] | None = None, *, graph: bool = False
    ) -> tuple[bytes, Message]:
        """POST a query; ``graph`` asks for N-Triples only (Virtuoso answers a CONSTRUCT
        with SPARQL JSON bindings when JSON is acceptable at all)."""
        accept = (
            "application/n-triples"
            if graph
            else "application/sparql-results+json, application/n-triples;q=0.9"
        )
        return self._request(
            self.query_url,
            data=urllib.parse.urlencode({"query": text, **(params or {})}).encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )

    def _select_raw(self, text: str) -> list[dict[str, Any]]:
        """JSON bindings of a SELECT sent as is (no pragmas, no paging): setup queries."""
        body, _ = self._post_query(text)
        return json.loads(body)["results"]["bindings"]

    # -- reads -----------------------------------------------------------------------------
    def query(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, *, union: bool = False
    ) -> Result:
        """Run a query; ``union`` makes the default graph the union of the named graphs.

        On Virtuoso the default graph is always the union of all graphs (its system graphs
        included).
        """
        refuse_outbound_query(sparql)
        text = inject_values(sparql, bindings) if bindings else sparql
        engine = self.engine
        if engine == "virtuoso":
            remote.refuse_pragmas(text)
            try:
                return self._virtuoso_query(text)
            except QueryError as exc:
                # its SP031 on a VALUES-fixed variable read in FILTER NOT EXISTS: constants inlined
                inlined = (
                    remote.constants_inlined(sparql, bindings) if bindings and "SP031" in str(exc) else None
                )
                if inlined is None:
                    raise
                return self._virtuoso_query(inlined)
        params = {}
        if union:
            if engine != "oxigraph":
                raise QueryError(
                    f"{self.location}: this SPARQL server has no per-query union default graph; "
                    "use GRAPH ?g { ... } patterns"
                )
            params["union-default-graph"] = ""
        body, _ = self._post_query(text, params)
        return _star_ordered(sparql, _parse_result(body))

    def _virtuoso_query(self, text: str) -> Result:
        form = remote.query_form(text)
        body, headers = self._post_query(text, graph=form in ("CONSTRUCT", "DESCRIBE"))
        if not body.lstrip().startswith(b"{"):
            result = _parse_result(body)
            if self._max_rows is not None and len(result.graph) >= self._max_rows:
                raise StoreError(
                    f"{self.location}: the graph result reached the server's limit of {self._max_rows} "
                    "rows (ResultSetMaxRows) and may be truncated; narrow the query or raise the limit"
                )
            return result
        from rdflib.plugins.sparql.results.jsonresults import JSONResult

        data = remote.fix_json_terms(json.loads(body))
        limit = headers.get("X-SPARQL-MaxRows")
        if limit and "results" in data and form == "SELECT":
            data["results"]["bindings"] = self._all_pages(text, data["head"]["vars"], int(limit))
        return _star_ordered(text, JSONResult(data))

    def _all_pages(self, text: str, variables: list[str], limit: int) -> list[dict[str, Any]]:
        """Every solution of a SELECT the server cut at ``limit`` rows, page by page."""
        rows: list[dict[str, Any]] = []
        while True:
            page_text = remote.paged_select(text, variables, limit, len(rows))
            body, _ = self._post_query(page_text)
            page = remote.fix_json_terms(json.loads(body))["results"]["bindings"]
            rows.extend(page)
            if len(page) < limit:
                return rows

    def count(self, graph: URIRef | None = None) -> int:
        if graph is None and self.engine == "virtuoso":
            # its default graph is the union of all graphs: count kg's named graphs only
            row = self.select(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._not_system()} }}"
            )
            return int(row[0]["n"]) if row else 0
        return super().count(graph)

    def _not_system(self) -> str:
        """A FILTER leaving out Virtuoso's system graphs (empty on other engines)."""
        if self.engine != "virtuoso" or not self._system_graphs:
            return ""
        return "FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in self._system_graphs) + "))"

    def named_graphs(self) -> list[URIRef]:
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._not_system()} }}")
        return sorted(
            URIRef(r["g"])
            for r in rows
            if "g" in r and r["g"] != REGISTRY_GRAPH and not str(r["g"]).startswith(self.TEMP_GRAPH_PREFIX)
        )

    # -- writes ----------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")

    def update(self, sparql: str) -> None:
        self._check_writable()
        self._request(
            self.update_url,
            data=urllib.parse.urlencode({"update": sparql}).encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )

    def _graph_url(self, graph: URIRef | str) -> str:
        return self.gsp_url + "?" + urllib.parse.urlencode({"graph": str(graph)})

    def replace_graphs(self, graphs: Mapping[URIRef, GraphData], *, bulk: bool = False) -> None:
        self._check_writable()
        for g, data in graphs.items():
            payload = to_ntriples(data)
            if self.engine == "virtuoso":
                self._virtuoso_replace(g, payload)
            else:  # one PUT, which Oxigraph applies atomically
                self._request(
                    self._graph_url(g),
                    data=payload,
                    method="PUT",
                    headers={"Content-Type": "application/n-triples"},
                )

    def _virtuoso_replace(self, graph: URIRef, payload: bytes) -> None:
        """Upload to a temporary graph in chunks, check the count, then MOVE it into place.

        Why: Virtuoso's PUT is not atomic (a syntax error mid-body leaves the lines before
        it) and large single requests were seen to store part of the data with a 201.  A
        failure at any step drops the temporary graph; the old graph stays as it was.
        """
        lines = [line for line in payload.splitlines() if line.strip() and not line.lstrip().startswith(b"#")]
        target = safe_term(URIRef(graph))
        if not lines:
            self.update(f"DROP SILENT GRAPH {target}")
            return
        temp = URIRef(f"{self.TEMP_GRAPH_PREFIX}{uuid.uuid4().hex}")
        step = len(lines) if b"_:" in payload else self.chunk_triples  # blank nodes: one request
        try:
            for start in range(0, len(lines), step):
                self._request(
                    self._graph_url(temp),
                    data=b"\n".join(lines[start : start + step]) + b"\n",
                    method="POST",
                    headers={"Content-Type": "application/n-triples"},
                )
            stored = self.count(temp)
            expected = len(set(lines))
            if stored < expected:
                raise StoreError(
                    f"{self.location}: the server stored {stored} of {expected} triples for {graph}; "
                    "the graph was left as it was"
                )
            self.update(f"MOVE SILENT GRAPH {safe_term(temp)} TO GRAPH {target}")
        except BaseException:
            self._drop_quietly(temp)
            raise

    def _drop_quietly(self, graph: URIRef) -> None:
        """Drop a temporary graph after a failure; the first error is the one reported."""
        with contextlib.suppress(KgError):
            self.update(f"DROP SILENT GRAPH {safe_term(graph)}")

    def drop_graphs(self, graphs: Iterable[URIRef]) -> None:
        for g in graphs:
            self.update(f"DROP SILENT GRAPH {safe_term(URIRef(g))}")

    # -- export ----------------------------------------------------------------------------
    def export(self, fmt: str, out: IO[bytes], graph: URIRef | None = None) -> None:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
        local = ox.Store()
        if graph is not None or fmt in _QUAD_FORMATS:
            # Graph by graph: quad formats keep the names.
            for g in [graph] if graph is not None else self.named_graphs():
                target = ox.NamedNode(str(g)) if fmt in _QUAD_FORMATS else ox.DefaultGraph()
                local.load(self._graph_triples(g), ox.RdfFormat.N_TRIPLES, to_graph=target)
        elif self.engine == "virtuoso":
            rows = self.select(
                f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._not_system()} }}"
            )
            local.load(_rows_ntriples(rows), ox.RdfFormat.N_TRIPLES)
        else:
            # A triple format for the whole store: the union of all graphs in one request.
            body, _ = self._request(
                self.query_url,
                data=urllib.parse.urlencode(
                    {"query": "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"}
                ).encode(),
                method="POST",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/n-triples",
                },
            )
            local.load(body, ox.RdfFormat.N_TRIPLES)
        _dump_store(local, fmt, out)

    def _graph_triples(self, graph: URIRef) -> bytes:
        """N-Triples of one graph: Graph Store Protocol GET, or (Virtuoso, whose GET and
        CONSTRUCT stop silently at its row limit) a paged SELECT."""
        if self.engine == "virtuoso":
            rows = self.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
            return _rows_ntriples(rows)
        body, _ = self._request(self._graph_url(graph), headers={"Accept": "application/n-triples"})
        return body


def _parse_result(body: bytes) -> Result:
    """A SPARQL JSON result, or N-Triples as a CONSTRUCT result."""
    if body.lstrip().startswith(b"{"):
        return Result.parse(io.BytesIO(body), format="json")
    from rdflib import Graph

    result = Result("CONSTRUCT")
    result.graph = Graph().parse(data=body.decode("utf-8"), format="nt")
    return result


def _rows_ntriples(rows: list[dict[str, Node]]) -> bytes:
    """N-Triples of ``?s ?p ?o`` rows (Virtuoso's ``nodeID://`` blank nodes get N-Triples labels)."""
    out = []
    for r in rows:
        terms = []
        for key in ("s", "p", "o"):
            term = r[key]
            if isinstance(term, BNode):
                terms.append("_:" + re.sub(r"[^A-Za-z0-9]", "_", str(term)))
            else:
                terms.append(nt_term(term))
        out.append(" ".join(terms) + " .\n")
    return "".join(out).encode("utf-8")


def _star_ordered(sparql: str, result: Result) -> Result:
    """``result`` with the columns of a ``SELECT *`` in the order the query names them."""
    if result.type == "SELECT" and result.vars:
        order = star_variable_order(sparql, [str(v) for v in result.vars])
        result.vars = [Variable(v) for v in order]
    return result


def _dump_store(store: ox.Store, fmt: str, out: IO[bytes]) -> None:
    prefixes = {p: str(n) for p, n in ns.PREFIXES.items()}
    if fmt in _QUAD_FORMATS:
        store.dump(out, EXPORT_FORMATS[fmt], **({"prefixes": prefixes} if fmt == "trig" else {}))
    else:
        store.dump(out, EXPORT_FORMATS[fmt], from_graph=ox.DefaultGraph(), **_prefix_kw(fmt, prefixes))


def as_pyoxigraph(store: Store) -> tuple[ox.Store, bool]:
    """A pyoxigraph store holding ``store``'s data, and whether it is a scratch copy.

    For code that needs Oxigraph's own engine on the data (the SPARQL-based SHACL checks
    of ``kg validate``): the embedded store's own (no copy, not to be written to), or a
    remote store's export loaded into memory.
    """
    if isinstance(store, EmbeddedStore):
        return store.pyoxigraph()
    buf = io.BytesIO()
    store.export("nq", buf)
    scratch = ox.Store()
    scratch.load(buf.getvalue(), ox.RdfFormat.N_QUADS)
    return scratch, True


def open_store(location: str | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``location`` (directory, ``memory:`` or ``http(s)://`` URL).

    ``read_only`` opens an on-disk store without taking the writer's lock, so queries and
    views work while an import runs.  A missing directory is created only for writers.
    """
    loc = location or default_location()
    if loc == "memory:":
        return EmbeddedStore(None)
    if loc.startswith(("http://", "https://")):
        return RemoteStore(loc, read_only=read_only)
    path = Path(loc)
    if path.exists() and not path.is_dir():
        raise StoreError(f"store location {loc} is a file, not a directory")
    if not read_only:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create store directory {loc}: {exc.strerror}") from None
        if not os.access(path, os.W_OK):
            raise StoreError(f"store directory {loc} is not writable")
    elif not path.exists():
        raise StoreError(f"no store at {loc} (create one with `kg import ...` or `kg demo`)")
    return EmbeddedStore(str(path), read_only=read_only)
