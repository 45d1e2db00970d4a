"""What every network command filters on, the register release chosen for it, and the
deal selection pattern every aggregate starts from."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.analysis.network.rows import (
    _select,
)
from kg.errors import UnknownName, check_year_range
from kg.rdf.bindings import inject_values
from kg.store import Store
from kg.vocab import ns
from kg.vocab.parties import resolve_party_iri

SOURCES = ("all", "sipri", "articles")


@dataclass(frozen=True)
class Filters:
    """What every network command filters on (the CLI options map 1:1 onto these fields).

    ``supplier``/``buyer`` are names ("India", "USSR", "the Kremlin") or instance IRIs;
    :func:`resolve_filters` turns names into IRIs before any query runs.
    """

    year_from: int | None = None
    year_to: int | None = None
    category: str | None = None
    status: str | None = None
    supplier: str | None = None
    buyer: str | None = None
    source: str = "all"
    min_tiv: float | None = None
    #: ``--release``: the register release to read (date, file name or IRI); default: the
    #: latest whose coverage includes the year range (:mod:`kg.queries.releases`)
    release: str | None = None
    #: register release graphs left out (set by :func:`resolve_filters`; ``None``: not yet)
    exclude_graphs: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.category is not None and self.category not in ns.CATEGORIES:
            raise UnknownName(f"unknown category {self.category!r} (known: {', '.join(ns.CATEGORIES)})")
        if self.status is not None and self.status not in ns.STATUSES:
            raise UnknownName(f"unknown status {self.status!r} (known: {', '.join(ns.STATUSES)})")
        if self.source not in SOURCES:
            raise UnknownName(f"unknown source {self.source!r} (known: {', '.join(SOURCES)})")
        check_year_range(self.year_from, self.year_to)

    @property
    def has_years(self) -> bool:
        return self.year_from is not None or self.year_to is not None

    def describe(self, labels: Mapping[str, str] | None = None) -> str:
        """One line for titles: "1990-2024 · aircraft · supplier Russia · sources: all"."""
        labels = labels or {}
        parts: list[str] = []
        if self.has_years:
            parts.append(f"{self.year_from or '…'}-{self.year_to or '…'}")
        else:
            parts.append("all years")
        if self.category:
            parts.append(f"category {self.category}")
        if self.status:
            parts.append(f"status {self.status}")
        if self.supplier:
            parts.append(f"supplier {labels.get(self.supplier, self.supplier)}")
        if self.buyer:
            parts.append(f"buyer {labels.get(self.buyer, self.buyer)}")
        if self.min_tiv is not None:
            parts.append(f"min TIV {self.min_tiv:g}")
        parts.append(f"sources: {self.source}")
        return " · ".join(parts)


def store_labels(store: Store) -> Callable[[str], list[str]]:
    """The label lookup :func:`kg.vocab.parties.resolve_party_iri` falls back on: the
    parties the store labels with a lower-cased name (at most two: more is ambiguous)."""

    def lookup(lowered: str) -> list[str]:
        rows = _select(
            store,
            ns.SPARQL_PREFIXES + "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p rdfs:label ?l } "
            "FILTER(LCASE(STR(?l)) = ?want) } LIMIT 2",
            {"want": Literal(lowered)},
        )
        return [str(r["p"]) for r in rows]

    return lookup


def resolve_filters(store: Store, filters: Filters, measure: str = "deliveries") -> Filters:
    """``filters`` with supplier/buyer names replaced by IRIs and the register release chosen
    (idempotent).

    One register release feeds the selection: ``--release`` or the latest whose coverage of
    ``measure`` includes the year range (:func:`kg.queries.releases.choose`); the other releases'
    graphs go to ``exclude_graphs``, so no aggregate adds two releases.
    """
    labels = store_labels(store)
    sup = str(resolve_party_iri(filters.supplier, labels=labels)) if filters.supplier else None
    buy = str(resolve_party_iri(filters.buyer, labels=labels)) if filters.buyer else None
    exclude = filters.exclude_graphs
    if exclude is None:
        from kg.queries import releases

        rels = releases.register_releases(store)
        chosen = releases.choose(rels, measure, filters.year_from, filters.year_to, filters.release)
        exclude = releases.excluded(rels, chosen)
    return replace(filters, supplier=sup, buyer=buy, exclude_graphs=exclude)


def fed_by(store: Store, filters: Filters, measure: str = "deliveries") -> str:
    """Which register release feeds ``measure`` under ``filters`` (for titles and legends)."""
    from kg.queries import releases

    chosen = releases.choose(
        releases.register_releases(store), measure, filters.year_from, filters.year_to, filters.release
    )
    return f"{measure}: {chosen.label}" if chosen else ""


def _where(filters: Filters) -> tuple[str, dict[str, Node]]:
    """The deal selection pattern (binding ``?g ?deal ?s ?b``) and the outer bindings.

    With a year range it is a sub-select (projecting ``?yfrom ?yto`` too) whose bindings
    are inside it; otherwise a flat pattern whose bindings the store injects.

    The text comes from fixed fragments; every value a user typed (party IRIs, years,
    category and status concepts) travels as a bound RDF term in a ``VALUES`` block that
    :func:`kg.rdf.bindings.inject_values` places at the start of the sub-select, so the
    selection is evaluated once, constrained from the start (a bound variable in an
    outer ``VALUES`` plus ``FILTER EXISTS`` made Oxigraph re-scan per row: minutes).
    """
    if wide(filters):  # every deal: each triple pattern scanned once and hash-joined
        parts = [
            scan(filters, "?g ?deal ?s", "?deal kg:supplier ?s"),
            scan(filters, "?g ?deal ?b", "?deal kg:buyer ?b"),
            scan(filters, "?g ?deal", "?deal a kg:Deal"),
        ]
    else:  # from the bound party: index lookups per deal
        parts = ["GRAPH ?g { ?deal a kg:Deal ; kg:supplier ?s ; kg:buyer ?b . }"]
    bind: dict[str, Node] = {}
    if filters.supplier:
        bind["s"] = URIRef(filters.supplier)
    if filters.buyer:
        bind["b"] = URIRef(filters.buyer)
    if filters.source == "sipri":
        parts.append("GRAPH ?g { ?g a kg:DatasetRelease . }")
    elif filters.source == "articles":
        parts.append("GRAPH ?g { ?g a kg:NewsArticle . }")
    if filters.category:
        parts.append("GRAPH ?g { ?deal kg:weaponSystem ?fsys . } GRAPH ?fcg { ?fsys kg:category ?fcat . }")
        bind["fcat"] = URIRef(str(ns.CATEGORIES[filters.category]))
    if filters.status:
        parts.append("GRAPH ?g { ?deal kg:status ?fstatus . }")
        bind["fstatus"] = URIRef(str(ns.STATUSES[filters.status]))
    if filters.exclude_graphs and not wide(filters):
        parts.append(_graph_filter(filters))  # (inside each scan of a wide selection)
    if not filters.has_years:
        # a flat pattern (no duplicates possible) is fastest; bindings go to the outer WHERE
        return "\n  ".join(parts), bind
    project = "?g ?deal ?s ?b"
    if filters.has_years:
        bind["yfrom"] = Literal(filters.year_from if filters.year_from is not None else -100000)
        bind["yto"] = Literal(filters.year_to if filters.year_to is not None else 100000)
        parts.append(
            "{ GRAPH ?g { ?deal kg:orderYear ?fy } BIND(?fy AS ?fz) }"
            " UNION { GRAPH ?g { ?deal kg:delivery ?fd . ?fd kg:deliveryYear ?fy } BIND(?fy AS ?fz) }"
            # delivery years recorded as text ("2005; 2006; 2007"): its first and last year
            " UNION { GRAPH ?g { ?deal kg:deliveryYearsText ?ftxt }"
            " BIND(xsd:integer(SUBSTR(?ftxt, 1, 4)) AS ?fy)"
            " BIND(xsd:integer(SUBSTR(?ftxt, STRLEN(?ftxt) - 3)) AS ?fz) }"
            " FILTER(?fy <= ?yto && ?fz >= ?yfrom)"
        )
        project += " ?yfrom ?yto"
    inner = f"SELECT DISTINCT {project} WHERE {{\n    " + "\n    ".join(parts) + "\n  }"
    return "{ " + inject_values(inner, bind) + " }", {}


def wide(filters: Filters) -> bool:
    """Whether the selection spans every party (no supplier or buyer bound): the global network.

    Why it matters: Oxigraph evaluates a basic graph pattern as nested index lookups, one
    per row, which is right from a bound party (India: a few hundred deals) but slow over
    every deal of the register; a sub-select is evaluated on its own and hash-joined, so
    each triple pattern is one index scan (measured on the 16-column register: the
    selection 1.1 s -> 0.4 s, the TIV query 4.7 s -> 1.1 s).
    """
    return not (filters.supplier or filters.buyer)


def _graph_filter(filters: Filters) -> str:
    """The FILTER leaving out the other register releases' graphs (``""`` when none)."""
    if not filters.exclude_graphs:
        return ""
    # the other register releases (kg.queries.releases): IRIs from the store, serialised by rdflib
    return f"FILTER(?g NOT IN ({', '.join(URIRef(x).n3() for x in filters.exclude_graphs)}))"


def scan(filters: Filters, project: str, pattern: str, *, optional: bool = False) -> str:
    """``pattern`` in the deal's graph ``?g``, joined the way that suits the selection.

    A wide selection (:func:`wide`) gets a sub-select projecting ``project`` (it must
    include ``?g`` and the variables shared with the rest of the query), filtered to the
    selected release graphs, which Oxigraph evaluates once and hash-joins; a selection
    bound to a party gets the plain ``GRAPH ?g { pattern }``, evaluated from its rows.
    The rows are the same either way.
    """
    if wide(filters):
        text = f"{{ SELECT {project} WHERE {{ GRAPH ?g {{ {pattern} }} {_graph_filter(filters)} }} }}"
    else:
        text = f"GRAPH ?g {{ {pattern} }}"
    return f"OPTIONAL {{ {text} }}" if optional else text


def _q(store: Store, body: str, filters: Filters) -> list[dict]:
    where, bind = _where(filters)
    return _select(store, ns.SPARQL_PREFIXES + body.replace("{WHERE}", where), bind)
