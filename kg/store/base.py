"""What every store offers (:class:`Store`), and the pieces both kinds share.

Why a module of its own: importers, queries and views program against :class:`Store`
only; the embedded store (:mod:`kg.store.embedded`) and the remote one
(:mod:`kg.store.remote`) implement it.  Reads come in three shapes: :meth:`Store.query`
(an rdflib ``Result``, for user SPARQL and the endpoint), :meth:`Store.select` (rdflib
terms) and the typed :meth:`Store.rows` / :meth:`Store.quads` (plain Python values, the
same types on every store: what code reading many rows uses).
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node, Variable

from kg.errors import QueryError
from kg.rdf.bindings import star_variable_order
from kg.rdf.sparql_guard import refuse_outbound
from kg.rdf.terms import nt_term
from kg.vocab import ns

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

    def publish(self) -> None:
        """Make the writes so far visible to readers in other processes, all at once.

        The embedded store publishes a checkpoint (:mod:`kg.store.snapshots`) here, at its
        writable open and at :meth:`close`; a remote server's writes are visible as each
        one is applied, so elsewhere this does nothing.
        """

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
    "parties": [ns.Party, *ns.PARTY_CLASSES.values(), ns.UnknownParty],
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


def _prefix_kw(fmt: str, prefixes: dict[str, str]) -> dict[str, Any]:
    return {"prefixes": prefixes} if fmt in ("ttl", "trig") else {}


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
