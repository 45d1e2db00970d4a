"""Open a store from a location string; read, write graphs atomically, export.

Layer 3, the store: embedded (Oxigraph), remote (SPARQL 1.1 server, :mod:`kg.store.remote`) and the
query sandbox (:mod:`kg.store.sandbox`).
May import layers 0-2 (io, vocab, rdf); never queries, ingest or anything above.

Locations:

* a directory (default ``./kg-store`` or ``$KG_STORE``): Oxigraph on disk (RocksDB),
  used through rdflib via oxrdflib for queries and through pyoxigraph's own parsers and
  bulk loader for writes (rdflib's triple-by-triple path is 5-10x slower);
* ``memory:``: an in-memory Oxigraph store (tests, one-shot pipelines);
* ``http(s)://...``: a remote SPARQL 1.1 server (query, update and Graph Store Protocol
  endpoints; see :class:`RemoteStore`).

Modules: :mod:`kg.store.base` (the :class:`Store` interface, typed rows, shared pieces),
:mod:`kg.store.embedded`, :mod:`kg.store.snapshots` (the checkpoints readers open),
:mod:`kg.store.remote` (the server store and the engines' quirks), :mod:`kg.store.sandbox`
(user SPARQL in a process without network).  This package exports the public names and
:func:`open_store`.

Writes go graph by graph (one named graph per source document).  On the embedded store a
write first records a *pending* marker for each graph in :data:`kg.vocab.iris.REGISTRY_GRAPH`
(one transaction), replaces the graphs, then clears the markers (one transaction).  A
process killed in between leaves markers behind; the next writable open drops those
half-written graphs, so a graph is either wholly there or absent, and a re-run completes.
Readers in other processes open the newest checkpoint the writer published
(:mod:`kg.store.snapshots`: at its open and its close), never the directory it writes, so
they see the store before or after a command's writes.
Remote writes PUT each graph whole through the Graph Store Protocol, which servers apply
atomically per request.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.base import (
    DEFAULT_LOCATION,
    EXPORT_FORMATS,
    GraphData,
    Store,
    default_location,
    plain,
    rdflib_term,
    refuse_outbound_query,
    to_ntriples,
)
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore


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

    ``read_only`` opens an on-disk store's newest published checkpoint without taking the
    writer's lock, so queries and views work while an import runs (and see the store before
    it).  A missing directory is created only for writers.
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


__all__ = [
    "DEFAULT_LOCATION",
    "EXPORT_FORMATS",
    "EmbeddedStore",
    "GraphData",
    "RemoteStore",
    "Store",
    "as_pyoxigraph",
    "default_location",
    "open_store",
    "plain",
    "rdflib_term",
    "refuse_outbound_query",
    "to_ntriples",
]
