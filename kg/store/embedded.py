"""The embedded store: Oxigraph on disk (RocksDB) or in memory, in this process.

Read through pyoxigraph directly (:meth:`EmbeddedStore.rows`, ``select``, ``ask``) or
through rdflib via oxrdflib (:meth:`EmbeddedStore.query`, made on first use); written
through pyoxigraph's parsers and bulk loader (rdflib's triple-by-triple path is 5-10x
slower).  Writes are crash-safe per graph: a *pending* marker for each graph goes into
:data:`kg.vocab.iris.REGISTRY_GRAPH` first (one transaction), the graphs are replaced,
then the markers are cleared; the next writable open drops the graphs of markers a
killed process left.  Readers in other processes never open the directory a writer holds:
they open the newest checkpoint the writer published (:mod:`kg.store.snapshots`), taken
when the writer opens the store and when it closes it, so they see the store before or
after a command's writes, never between.
"""

from __future__ import annotations

import gc
import io
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypeVar

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import KgError, QueryError, StoreError, StoreLocked
from kg.rdf.bindings import inject_values
from kg.store import snapshots
from kg.store.base import (
    _QUAD_FORMATS,
    EXPORT_FORMATS,
    GraphData,
    Store,
    _dump_store,
    _prefix_kw,
    _star_ordered,
    plain,
    rdflib_term,
    refuse_outbound_query,
    to_ntriples,
)
from kg.vocab import ns
from kg.vocab.iris import REGISTRY_GRAPH

_T = TypeVar("_T")


def _peeked(result: Result) -> Result:
    """``result`` with its first solution already computed, still streaming the rest.

    Why: the engine opens its files and starts evaluating when the first solution is asked
    for; computing it inside :meth:`EmbeddedStore.query` makes an engine error there one
    :class:`QueryError` from ``query`` instead of a raw exception half-way through a
    caller's loop.  (It once also let a file a writer compacted away be retried on a fresh
    snapshot; readers now open published checkpoints nobody writes, see
    :mod:`kg.store.snapshots`.)
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

    def __init__(self, path: str | None, *, read_only: bool = False, private: bool = False) -> None:
        """Open the store at ``path`` (None: in memory); ``private`` (read-only, for the query
        worker) opens a writer's private checkpoint as it is (:func:`snapshots.private_checkpoint`)."""
        self.location = path or "memory:"
        self.read_only = read_only
        self._published: snapshots.Published | None = None
        try:
            if path is None:
                self._ox = ox.Store()
            elif read_only and private:
                self._published = snapshots.open_private(path)
                self._ox = self._published.store
            elif read_only:
                if not Path(path, "CURRENT").exists():
                    raise StoreError(f"no store at {path} (create one with `kg import ...` or `kg demo`)")
                self._published = snapshots.open_published(path)
                self._ox = self._published.store
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
            self.publish()  # readers get the state before this writer's first write

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
    def _read(self, op: Callable[[], _T], error: type[KgError], what: str) -> _T:
        """``op()``, with an I/O error from the engine said as one ``error``.

        (Read-only stores once retried here on a fresh snapshot when a writer compacted a
        file away under them; they now open a published checkpoint nobody writes.)
        """
        try:
            return op()
        except OSError as exc:
            raise error(f"{what}: {exc}") from None

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
        if self.read_only:
            return query_in_sandbox(self.location, sparql, union=union)
        # the worker is another process: it reads a private checkpoint of this writer's
        # state, so nothing mid-command is published to other readers
        self._ox.flush()
        target = snapshots.private_checkpoint(self._ox, self.location)
        return query_in_sandbox(
            str(target), sparql, union=union, private=True, cleanup=lambda: snapshots.discard_private(target)
        )

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

    def publish(self) -> None:
        """Publish the store as it is now to readers in other processes (a checkpoint).

        Called at the writable open and at :meth:`close`; a long-lived writer calls it
        where its logical write unit ends.  Not while graph writes are pending (a write
        failed half-way): readers keep the last published state until the next writable
        open recovers.  A no-op for read-only and in-memory stores.
        """
        if self.read_only or self.location == "memory:" or self._pending():
            return
        snapshots.publish(self._ox, self.location)

    def close(self) -> None:
        """Flush, publish and release the RocksDB lock (the last reference to the store must go);
        a reader releases its checkpoint's lock.

        A failing flush or publish (disk full) still releases the store, then raises one
        :class:`StoreError`: the write that failed first has already been reported, the
        pending markers make the next writable open drop any half-written graph, and
        readers keep the last published state.
        """
        if getattr(self, "_ox", None) is not None:
            failed: Exception | None = None
            if not self.read_only:
                try:
                    self._ox.flush()
                    self.publish()
                except (OSError, StoreError) as exc:
                    failed = exc
            if self._dataset is not None:
                self._dataset.close()  # oxrdflib drops its reference to the pyoxigraph store
                self._dataset = None
            self._ox = None  # type: ignore[assignment]
            if self._published is not None:
                self._published.store = None  # type: ignore[assignment]
            gc.collect()  # rdflib graphs sit in reference cycles; free them (and the lock) now
            if self._published is not None:
                self._published.release()  # only now may the writer delete the checkpoint
                self._published = None
            if isinstance(failed, StoreError):
                raise failed
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
