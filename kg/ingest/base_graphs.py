"""The graphs every store carries: the ontology and the curated reference tables.

They are (re)loaded only when their content changed (a content hash is kept in each
graph), so every import ensures them cheaply once it has written: the import pipeline
(:func:`kg.ingest.pipeline.run_import`) is the one place that does it.  Why: a store
filled by ``kg import sipri`` (or rdf, or a curated table) alone must carry the same
ontology and reference graphs as one filled by ``kg import articles``.
"""

from __future__ import annotations

import io

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.io.resources import ontology_path
from kg.rdf.terms import content_hash, reference_graph
from kg.store import Store
from kg.vocab import ns
from kg.vocab.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH


def _ontology() -> tuple[bytes, bytes]:
    """(hash input, N-Triples): hashed on the Turtle source, since the ontology's blank
    nodes get fresh labels in every N-Triples dump."""
    source = ontology_path("kg.ttl").read_bytes()
    scratch = ox.Store()
    scratch.load(source, format=ox.RdfFormat.TURTLE)
    buf = io.BytesIO()
    scratch.dump(buf, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return source, buf.getvalue()


def _reference() -> tuple[bytes, bytes]:
    data = reference_graph()
    return data, data


def _stamped(graph: URIRef, key: bytes, data: bytes) -> tuple[str, bytes]:
    digest = content_hash(key)
    stamp = f"{graph.n3()} {ns.contentHash.n3()} {Literal(digest).n3()} .\n".encode()
    return digest, data + stamp


def ensure_base_graphs(store: Store) -> list[URIRef]:
    """Load the ontology and reference graphs if missing or outdated; returns those loaded."""
    todo: dict[URIRef, bytes] = {}
    for graph, build in ((ONTOLOGY_GRAPH, _ontology), (REFERENCE_GRAPH, _reference)):
        digest, data = _stamped(graph, *build())
        current = store.ask(
            f"ASK {{ GRAPH ?g {{ ?g <{ns.contentHash}> ?h }} }}",
            {"g": graph, "h": Literal(digest)},
        )
        if not current:
            todo[graph] = data
    store.replace_graphs(todo)
    return list(todo)


def holds_data(store: Store) -> bool:
    """True when the store holds any triple outside the base graphs.

    Why: the import pipeline ensures the base graphs after an import only then, so an
    import that refused every input (or failed) leaves the store exactly as it was.
    """
    return store.ask(_HOLDS_DATA)


#: any triple outside the base graphs (constants only: nothing from user input)
_HOLDS_DATA = (
    f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({ONTOLOGY_GRAPH.n3()}, {REFERENCE_GRAPH.n3()})) }}"
)
