"""Loading a TriG fixture into any store, graph by graph, through the generic Store API."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef


def load_trig_graphs(store, path: Path) -> None:
    """Load a TriG file graph by graph through the generic Store API (embedded and remote)."""
    graphs: dict[URIRef, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
        graphs[URIRef(quad.graph_name.value)].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    store.replace_graphs({g: ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES) for g, ts in graphs.items()})


def oxigraph_store_dir(path: Path, trig: Path) -> Path:
    """An on-disk store at ``path`` holding ``trig``, written by Oxigraph itself (not by kg's
    importers) and closed, for tests of what reads a store (``kg serve``, ``kg query``).
    Returns ``path``."""
    store = ox.Store(str(path))
    store.load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return path
