"""The supplier -> buyer network as networkx, built from SPARQL aggregates; its metrics.

Why this layer exists: views, the diversification report and exports all need the same
numbers (deal counts, delivered TIV, contract values, systems, sources), filtered the same
way.  Everything is aggregated in SPARQL (one ``GROUP BY`` per measure, so a join never
multiplies a sum), and Python only assembles the aggregated rows.  Nothing here knows
pyvis or matplotlib.

Counting rules (documented because they change the numbers):

* A deal is selected when its order year or any of its delivery years falls in the year
  range (SIPRI's own "deliveries or orders made for year range" rule).  Delivery years
  come from ``kg:Delivery`` nodes or, for the 16-column register (whose importer records
  multi-year deliveries only as text), from ``kg:deliveryYearsText`` ("2005; 2006").
* Without a year range, an edge's delivered TIV is the sum of the deals' deal-level
  ``kg:tivDelivered`` (every register deal has one).  Within a year range it is the TIV
  of the delivery years inside the range: a delivery's own ``kg:tiv`` when it has one
  (single-year and 17-column register deals), otherwise the deal's ``kg:tivDelivered``
  spread evenly over its delivery years (SIPRI's 16-column register gives no split; the
  even spread is ours).  TIV of deals without any delivery year counts only without a
  year range.
* An article deal linked (``kg:DealLink``) to a register deal counts once, as the
  register deal; its source still counts as a source of the edge.
* Contract values: ``kg:valueUSD`` when a source gives it, otherwise ``kg:valueAmount`` in
  ``kg:valueCurrency`` converted with the annual average rate of the order year from
  ``data/fx_rates.csv`` (nearest year when the exact year is missing).
* Shares use delivered TIV; a period in which no TIV is known (article-only data) uses
  deal counts by order year instead, and says so (``basis``).
* Big graphs (more than :data:`DETAIL_LIMIT` supplier->buyer pairs, e.g. the whole
  register) skip per-edge systems, statuses, values and delivery years unless asked
  (``build_graph(detail=True)``): each is another scan of every selected deal.

Public API: :class:`Filters`, :func:`resolve_filters`, :func:`party_iri_for`,
:func:`build_graph`, :func:`tiv_by_year`, :func:`yearly_imports`, :func:`supplier_shares`
(-> :class:`ShareTable`), :func:`hhi`, :func:`top_systems`, :func:`pagerank`,
:func:`centrality`, :func:`deal_records` (-> :class:`DealRecord`), :func:`sources_used`,
:func:`graph_sources`, :func:`describe_sources`, :func:`to_usd`, :func:`export_graph`.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import UnknownName, UsageError
from kg.io.resources import data_path
from kg.io.spreadsheet import safe_row
from kg.rdf.bindings import inject_values
from kg.store import Store
from kg.vocab import iris, ns

SOURCES = ("all", "sipri", "articles")
EXPORT_FORMATS = ("gexf", "graphml", "csv")

#: Party classes -> the short kind used in node attributes, legends and exports.
PARTY_KINDS: dict[str, str] = {
    str(ns.Country): "country",
    str(ns.Company): "company",
    str(ns.GovernmentAgency): "agency",
    str(ns.InternationalOrganisation): "org",
    str(ns.NonStateArmedGroup): "group",
    str(ns.UnknownParty): "unknown",
    str(ns.Party): "party",
}
_CATEGORY_KEYS = {str(v): k for k, v in ns.CATEGORIES.items()}
_STATUS_KEYS = {str(v): k for k, v in ns.STATUSES.items()}


# --------------------------------------------------------------------------- filters
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
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise UsageError(f"--from {self.year_from} is after --to {self.year_to}")

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


def party_iri_for(name: str, store: Store | None = None) -> URIRef:
    """The IRI of a party named ``name`` (reference tables first, then labels in the store).

    Raises :class:`UnknownName` with "did you mean" suggestions when nothing matches.
    """
    text = name.strip()
    if text.startswith(str(ns.ID)):
        return URIRef(text)
    from kg.vocab.reference import close_matches, resolve_party

    record = resolve_party(text)
    if record is not None:
        if record.kind == "country":
            return iris.country(record.iso3 or record.key)
        return iris.organisation(record.kind, record.name)
    if store is not None:
        rows = _select(
            store,
            ns.SPARQL_PREFIXES + "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p rdfs:label ?l } "
            "FILTER(LCASE(STR(?l)) = ?want) } LIMIT 2",
            {"want": Literal(text.lower())},
        )
        if len(rows) == 1:
            return URIRef(rows[0]["p"])
    hints = close_matches(text)
    hint = f"; did you mean {', '.join(hints)}?" if hints else ""
    raise UnknownName(f"unknown party {name!r}{hint}")


def resolve_filters(store: Store, filters: Filters, measure: str = "deliveries") -> Filters:
    """``filters`` with supplier/buyer names replaced by IRIs and the register release chosen
    (idempotent).

    One register release feeds the selection: ``--release`` or the latest whose coverage of
    ``measure`` includes the year range (:func:`kg.queries.releases.choose`); the other releases'
    graphs go to ``exclude_graphs``, so no aggregate adds two releases.
    """
    sup = str(party_iri_for(filters.supplier, store)) if filters.supplier else None
    buy = str(party_iri_for(filters.buyer, store)) if filters.buyer else None
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
    if filters.exclude_graphs:
        # the other register releases (kg.queries.releases): IRIs from the store, serialised by rdflib
        parts.append(f"FILTER(?g NOT IN ({', '.join(URIRef(x).n3() for x in filters.exclude_graphs)}))")
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


def _q(store: Store, body: str, filters: Filters) -> list[dict]:
    where, bind = _where(filters)
    return _select(store, ns.SPARQL_PREFIXES + body.replace("{WHERE}", where), bind)


def _select(store: Store, text: str, bind: Mapping[str, Node] | None = None) -> list[dict]:
    """Rows of a SELECT as plain Python values (:meth:`Store.rows`, the same types on every
    store: IRIs and texts as str, numbers as int/Decimal); read them with ``str()``,
    :func:`_num`, :func:`_int`, :func:`_years` only."""
    return store.rows(text, bind)


def _num(node: Node | None) -> float:
    if node is None:
        return 0.0
    try:
        return float(node.toPython()) if isinstance(node, Literal) else float(str(node))
    except (TypeError, ValueError):
        return 0.0


def _int(node: Node | None) -> int:
    return int(_num(node))


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


def _years(node: Node | None) -> list[int]:
    """Distinct sorted years in a text ("2005; 2006", "2005 2006"); junk is ignored."""
    if node is None:
        return []
    return sorted({int(y) for y in _YEAR.findall(str(node))})


# --------------------------------------------------------------------------- FX
@functools.cache
def fx_table() -> dict[str, dict[int, float]]:
    """Currency -> year -> units per US dollar (annual averages, ``data/fx_rates.csv``)."""
    table: dict[str, dict[int, float]] = defaultdict(dict)
    with open(data_path("fx_rates.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            table[row["currency"].upper()][int(row["year"])] = float(row["units_per_usd"])
    table["USD"] = {2000: 1.0}
    return dict(table)


def to_usd(amount: float, currency: str, year: int | None) -> float | None:
    """``amount`` in ``currency`` as US dollars at the annual average rate of ``year``.

    The nearest year in the table is used when ``year`` is outside it or missing (the
    table covers 2000-2024); unknown currencies give ``None`` rather than a guess.
    """
    rates = fx_table().get(currency.strip().upper())
    if not rates:
        return None
    if year is None:
        year = max(rates)
    nearest = min(rates, key=lambda y: (abs(y - year), -y))
    return amount / rates[nearest]


# --------------------------------------------------------------------------- queries
_EDGE_Q = """
SELECT ?s ?b (COUNT(DISTINCT ?key) AS ?deals) (GROUP_CONCAT(DISTINCT STR(?g); separator=" ") AS ?graphs)
       (GROUP_CONCAT(DISTINCT STR(?oy); separator=" ") AS ?orderYears) (SUM(COALESCE(?tivd, 0)) AS ?tiv)
       {OY_KEYS}
WHERE {
  {WHERE}
  OPTIONAL { GRAPH ?g { ?deal kg:orderYear ?oy } }
  OPTIONAL { GRAPH ?g { ?deal kg:tivDelivered ?tivd } }
  {LINKS}
  BIND(COALESCE(?canon, ?deal) AS ?key)
} GROUP BY ?s ?b
"""
#: With :func:`build_graph_and_deal_years`, the edge query also lists each pair's distinct
#: (order year, deal key) pairs, from which Python counts the deals per order year (what
#: :data:`_DEAL_YEARS_Q` counts: a deal without an order year has no pair, CONCAT of an
#: unbound value being an error) in the same scan of the selection: ~0.5 s less on the
#: register than a second query.  The pairs' grouping, hence their order, is unchanged.
_EDGE_OY_KEYS = '(GROUP_CONCAT(DISTINCT CONCAT(STR(?oy), " ", STR(?key)); separator=" ") AS ?oyKeys)'
#: Links only when the store holds any (each OPTIONAL costs ~0.3-0.5 s on the full
#: register; statuses are a separate query, run with ``detail``).
_EDGE_LINKS = "OPTIONAL { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkFrom ?deal ; kg:linkTo ?canon } }"

_GRAPH_KINDS_Q = """
SELECT ?g ?kind WHERE {
  VALUES ?kind { kg:NewsArticle kg:DatasetRelease }
  GRAPH ?g { ?g a ?kind }
}
"""

#: Delivered TIV per year comes from three flat queries (a single query with a per-deal
#: sub-select for the spread was 10-100x slower on Oxigraph):
#: own per-delivery ``kg:tiv`` (single-year and 17-column register deals) ...
_TIV_OWN_Q = """
SELECT ?s ?b ?dy (SUM(?t) AS ?tiv) WHERE {
  {WHERE}
  GRAPH ?g { ?deal kg:delivery ?d . ?d kg:deliveryYear ?dy ; kg:tiv ?t . }
} GROUP BY ?s ?b ?dy
"""
#: ... the deal-level ``kg:tivDelivered`` of deals whose delivery years carry no TIV (the
#: 16-column register gives no split), spread evenly over those years in Python ...
_TIV_SPREAD_Q = """
SELECT ?s ?b ?deal (SAMPLE(?total) AS ?tiv) (GROUP_CONCAT(DISTINCT STR(?dy); separator=" ") AS ?years) WHERE {
  {WHERE}
  GRAPH ?g { ?deal kg:tivDelivered ?total ; kg:delivery ?d . ?d kg:deliveryYear ?dy . }
  OPTIONAL { GRAPH ?g { ?d kg:tiv ?x } }
  FILTER(!BOUND(?x))
} GROUP BY ?s ?b ?deal
"""
#: ... and deals with a delivered TIV but no delivery years at all (year unknown).
#: ... and deals with a delivered TIV but no delivery nodes: spread over the years of
#: ``kg:deliveryYearsText`` ("2005; 2006; 2007": how the 16-column importer records
#: multi-year deliveries), or undated when there is no such text.
_TIV_TEXT_Q = """
SELECT ?s ?b ?years (SUM(?t) AS ?tiv) WHERE {
  {WHERE}
  GRAPH ?g { ?deal kg:tivDelivered ?t . }
  OPTIONAL { GRAPH ?g { ?deal kg:delivery ?x } }
  FILTER(!BOUND(?x))
  OPTIONAL { GRAPH ?g { ?deal kg:deliveryYearsText ?txt } }
  BIND(COALESCE(?txt, "") AS ?years)
} GROUP BY ?s ?b ?years
"""
#: Whether any delivery lacks its own TIV (only then is _TIV_SPREAD_Q worth a scan).
_TIVLESS_DELIVERIES_Q = """
SELECT (COUNT(?d) AS ?deliveries) (COUNT(?t) AS ?withTiv) WHERE {
  GRAPH ?g { ?d kg:deliveryYear ?y }
  OPTIONAL { GRAPH ?g { ?d kg:tiv ?t } }
}
"""


def tivless_deliveries(store: Store) -> bool:
    """Whether any delivery lacks its own TIV (only then is the spread query worth a scan).

    A scan of every delivery (~0.1 s on the register): a caller that needs
    :func:`tiv_by_year` of several selections asks once and passes the answer on.
    """
    counts = _select(store, ns.SPARQL_PREFIXES + _TIVLESS_DELIVERIES_Q)
    return bool(counts) and _int(counts[0].get("deliveries")) > _int(counts[0].get("withTiv"))


def tiv_by_year(
    store: Store, filters: Filters, *, tivless: bool | None = None
) -> dict[tuple[str, str], dict[int | None, float]]:
    """Delivered TIV per (supplier, buyer) and delivery year (``None``: year unknown).

    Inside a year range only the years in range count, and undated TIV is left out.
    ``filters`` must be resolved (:func:`resolve_filters`).

    The queries select deals *without* the year range and the years are filtered here:
    the TIV of a year outside the range is dropped either way, so the result is the same,
    and the year-range sub-select would make each of these joins 3-5x slower.
    ``tivless``: :func:`tivless_deliveries` of the store when the caller already has it.
    """
    out: dict[tuple[str, str], dict[int | None, float]] = defaultdict(lambda: defaultdict(float))
    selection = replace(filters, year_from=None, year_to=None)

    def keep(year: int) -> bool:
        lo = filters.year_from if filters.year_from is not None else -100000
        hi = filters.year_to if filters.year_to is not None else 100000
        return lo <= year <= hi

    for r in _q(store, _TIV_OWN_Q, selection):
        y = _int(r["dy"])
        if keep(y):
            out[(str(r["s"]), str(r["b"]))][y] += _num(r.get("tiv"))
    if tivless is None:
        tivless = tivless_deliveries(store)
    for r in _q(store, _TIV_SPREAD_Q, selection) if tivless else []:
        years = _years(r.get("years"))
        if not years:
            continue
        each = _num(r.get("tiv")) / len(years)
        for y in years:
            if keep(y):
                out[(str(r["s"]), str(r["b"]))][y] += each
    for r in _q(store, _TIV_TEXT_Q, selection):
        years = _years(r.get("years"))
        pair = (str(r["s"]), str(r["b"]))
        if not years:
            if not filters.has_years:
                out[pair][None] += _num(r.get("tiv"))
            continue
        each = _num(r.get("tiv")) / len(years)
        for y in years:
            if keep(y):
                out[pair][y] += each
    return out


_YEARLY_DEALS_Q = """
SELECT ?s ?b ?oy (COUNT(DISTINCT ?key) AS ?n)
WHERE {
  {WHERE}
  GRAPH ?g { ?deal kg:orderYear ?oy }
  OPTIONAL { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkFrom ?deal ; kg:linkTo ?canon } }
  BIND(COALESCE(?canon, ?deal) AS ?key)
  {OYEARS}
} GROUP BY ?s ?b ?oy
"""

#: Deals stated by more than one source: linked article/register pairs (counted once, as
#: the register deal), or one article deal asserted by several articles (copies of one
#: story, kg:sameStoryAs, are one witness).  Driven from the
#: links and article graphs, and only run when the store has any (a SIPRI-only store
#: skips it).
_CORROBORATED_Q = """
SELECT ?s ?b (COUNT(DISTINCT ?key) AS ?n)
WHERE {
  { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkFrom ?lf ; kg:linkTo ?lt }
    VALUES ?side { 0 1 } BIND(IF(?side = 0, ?lf, ?lt) AS ?deal) BIND(?lt AS ?key) }
  UNION
  { GRAPH ?ga { ?ga a kg:NewsArticle . ?deal a kg:Deal }
    GRAPH ?gb { ?gb a kg:NewsArticle . ?deal a kg:Deal } FILTER(?ga != ?gb)
    OPTIONAL { GRAPH ?ga { ?ga kg:sameStoryAs ?sa } } OPTIONAL { GRAPH ?gb { ?gb kg:sameStoryAs ?sb } }
    FILTER(COALESCE(?sa, ?ga) != COALESCE(?sb, ?gb)) BIND(?deal AS ?key) }
  {WHERE}
} GROUP BY ?s ?b
"""

_SYSTEMS_Q = """
SELECT ?s ?b ?sys (COUNT(DISTINCT ?deal) AS ?n) (SUM(?dt) AS ?tiv)
WHERE {
  {WHERE}
  GRAPH ?g { ?deal kg:weaponSystem ?sys }
  OPTIONAL { GRAPH ?g { ?deal kg:tivDelivered ?dt } }
} GROUP BY ?s ?b ?sys
"""

_STATUS_Q = """
SELECT ?s ?b ?st (COUNT(DISTINCT ?deal) AS ?n)
WHERE {
  {WHERE}
  GRAPH ?g { ?deal kg:status ?st }
} GROUP BY ?s ?b ?st
"""

_DELIVERY_YEARS_Q = """
SELECT ?s ?b (GROUP_CONCAT(DISTINCT ?y; separator=" ") AS ?years)
WHERE {
  {WHERE}
  { GRAPH ?g { ?deal kg:delivery ?d . ?d kg:deliveryYear ?dy } BIND(STR(?dy) AS ?y) }
  UNION { GRAPH ?g { ?deal kg:deliveryYearsText ?y } }
} GROUP BY ?s ?b
"""

_VALUE_Q = """
SELECT ?s ?b ?key (MAX(COALESCE(?usd, -1)) AS ?maxUsd) (SAMPLE(?money) AS ?anyMoney) (MIN(?oy) AS ?year)
WHERE {
  {WHERE}
  { GRAPH ?g { ?deal kg:valueUSD ?usd } }
  UNION
  { GRAPH ?g { ?deal kg:valueAmount ?amt ; kg:valueCurrency ?cur } BIND(CONCAT(STR(?cur), " ", STR(?amt)) AS ?money) }
  OPTIONAL { GRAPH ?g { ?deal kg:orderYear ?oy } }
  OPTIONAL { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkFrom ?deal ; kg:linkTo ?canon } }
  BIND(COALESCE(?canon, ?deal) AS ?key)
} GROUP BY ?s ?b ?key
"""

_PARTIES_Q = """
SELECT ?p ?kind (SAMPLE(?rl) AS ?refLabel) (SAMPLE(?l) AS ?anyLabel) WHERE {
  {VALUES}
  VALUES ?kind { kg:Country kg:Company kg:GovernmentAgency kg:InternationalOrganisation
                 kg:NonStateArmedGroup kg:UnknownParty kg:Party }
  GRAPH ?g { ?p a ?kind }
  OPTIONAL { GRAPH ?ref { ?p rdfs:label ?rl } FILTER(?ref = ?refGraph) }
  OPTIONAL { GRAPH ?lg { ?p rdfs:label ?l } }
} GROUP BY ?p ?kind
"""

_SYSTEM_INFO_Q = """
SELECT ?sys (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?cat) WHERE {
  {VALUES}
  GRAPH ?g { ?sys a kg:WeaponSystem }
  OPTIONAL { GRAPH ?lg { ?sys rdfs:label ?l } }
  OPTIONAL { GRAPH ?cg { ?sys kg:category ?c } }
} GROUP BY ?sys
"""


def _years_clause(filters: Filters, var: str = "?dy", require: bool = True) -> str:
    if not filters.has_years:
        return ""
    bound = f"BOUND({var}) && " if require else ""
    return f"FILTER({bound}{var} >= ?yfrom && {var} <= ?yto)"


def party_info(store: Store, only: Iterable[str] | None = None) -> dict[str, tuple[str, str]]:
    """Party IRI -> (kind, label); the reference graph's label wins over source labels.

    ``only`` restricts the lookup to those IRIs (much faster than every party).
    """
    values = _values("p", sorted(set(only))) if only is not None else ""
    if only is not None and values == _values("p", []):
        return {}
    q = ns.SPARQL_PREFIXES + _PARTIES_Q.replace("{VALUES}", values)
    rows = _select(store, q, {"refGraph": iris.REFERENCE_GRAPH})
    out: dict[str, tuple[str, str]] = {}
    rank = list(PARTY_KINDS)
    for r in rows:
        p = str(r["p"])
        kind_iri = str(r["kind"])
        label = str(r.get("refLabel") or r.get("anyLabel") or _tail(p))
        prev = out.get(p)
        # a party typed twice (kg:Party and kg:Country) keeps the most specific kind
        if prev is None or rank.index(kind_iri) < rank.index(_kind_iri(prev[0])):
            out[p] = (PARTY_KINDS[kind_iri], label)
    return out


def _kind_iri(kind: str) -> str:
    return next(k for k, v in PARTY_KINDS.items() if v == kind)


def system_info(store: Store, only: Iterable[str] | None = None) -> dict[str, tuple[str, str | None]]:
    """System IRI -> (label, category key or None); ``only`` restricts the lookup."""
    out: dict[str, tuple[str, str | None]] = {}
    if only is not None:
        only = sorted(set(only))
        if not only:
            return out
    values = _values("sys", only) if only is not None else ""
    for r in _select(store, ns.SPARQL_PREFIXES + _SYSTEM_INFO_Q.replace("{VALUES}", values)):
        cat = r.get("cat")
        out[str(r["sys"])] = (
            str(r.get("label") or _tail(str(r["sys"]))),
            _CATEGORY_KEYS.get(str(cat)) if cat else None,
        )
    return out


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


# --------------------------------------------------------------------------- the graph
#: Above this many supplier->buyer pairs, ``build_graph(detail=None)`` skips systems,
#: values and delivery-year lists (each is a scan of every selected deal: seconds on the
#: full register), so the global view stays interactive.
DETAIL_LIMIT = 1000


def _has(store: Store, cls: Node) -> bool:
    """Whether any graph holds an instance of ``cls`` (a cheap index lookup)."""
    return bool(
        _select(
            store, ns.SPARQL_PREFIXES + "SELECT ?x WHERE { GRAPH ?g { ?x a ?cls } } LIMIT 1", {"cls": cls}
        )
    )


def build_graph(store: Store, filters: Filters | None = None, *, detail: bool | None = None) -> nx.DiGraph:
    """The filtered supplier -> buyer DiGraph.

    Node ids are party IRIs; attributes ``kind``, ``label``, ``supplied_tiv``,
    ``supplied_deals``, ``received_tiv``, ``received_deals``.  Edge attributes:
    ``deals`` (int), ``tiv`` (delivered TIV, float), ``sources`` / ``articles`` /
    ``releases`` (distinct source graphs), ``corroborated`` (deals stated by more than one
    source), ``order_years`` (sorted ints), ``graphs`` (source graph IRIs) and, with
    ``detail`` (default: when there are at most :data:`DETAIL_LIMIT` pairs), ``statuses``
    (status key -> deals), ``delivery_years``, ``value_usd`` / ``valued_deals`` and
    ``systems``: dicts (iri, label, category, deals, tiv) by TIV then deal count.
    Without detail those are empty / 0.
    """
    return _build_graph(store, filters, detail, with_deal_years=False)[0]


def build_graph_and_deal_years(
    store: Store, filters: Filters, *, detail: bool | None = None
) -> tuple[nx.DiGraph, dict[tuple[str, str], dict[int, int]]]:
    """``build_graph`` of a selection without a year range, and its deals per pair and order year.

    The second is :func:`pair_deal_years` of the same selection (all order years), counted
    by the edge query in the same scan of the deals instead of a second one (what the
    views need: :func:`kg.present.views.scale.timed_graph`).
    """
    if filters.has_years:
        raise ValueError("build_graph_and_deal_years takes a selection without a year range")
    return _build_graph(store, filters, detail, with_deal_years=True)


def _build_graph(
    store: Store, filters: Filters | None, detail: bool | None, *, with_deal_years: bool
) -> tuple[nx.DiGraph, dict[tuple[str, str], dict[int, int]]]:
    filters = resolve_filters(store, filters or Filters())
    g = nx.DiGraph()
    g.graph["filters"] = filters
    has_links = _has(store, ns.DealLink)
    has_articles = _has(store, ns.NewsArticle)
    kinds = {str(r["g"]): str(r["kind"]) for r in _select(store, ns.SPARQL_PREFIXES + _GRAPH_KINDS_Q)}
    edges, deal_years = _edges(store, filters, has_links, kinds, with_deal_years)
    if not edges:
        return g, deal_years
    if detail is None:
        detail = len(edges) <= DETAIL_LIMIT
    if filters.has_years:
        for pair, years in tiv_by_year(store, filters).items():
            e = edges.get(pair)
            if e is not None:
                e["tiv"] = sum(years.values())
                e["delivery_years"] = sorted(y for y in years if y is not None)
    if has_links or has_articles:
        for r in _q(store, _CORROBORATED_Q, filters):
            e = edges.get((str(r["s"]), str(r["b"])))
            if e is not None:
                e["corroborated"] = _int(r.get("n"))
    if detail:
        for r in _q(store, _STATUS_Q, filters):
            e = edges.get((str(r["s"]), str(r["b"])))
            if e is not None:
                key = _STATUS_KEYS.get(str(r["st"]), _tail(str(r["st"])))
                e["statuses"][key] = e["statuses"].get(key, 0) + _int(r.get("n"))
        if not filters.has_years:
            for r in _q(store, _DELIVERY_YEARS_Q, filters):
                e = edges.get((str(r["s"]), str(r["b"])))
                if e is not None:
                    e["delivery_years"] = _years(r.get("years"))
        for r in _q(store, _VALUE_Q, filters):
            e = edges.get((str(r["s"]), str(r["b"])))
            usd = _deal_usd(r) if e is not None else None
            if e is not None and usd is not None:
                e["value_usd"] += usd
                e["valued_deals"] += 1
        sys_rows = _q(store, _SYSTEMS_Q, filters)
        info = system_info(store, [str(r["sys"]) for r in sys_rows])
        for r in sys_rows:
            e = edges.get((str(r["s"]), str(r["b"])))
            if e is None:
                continue
            label, cat = info.get(str(r["sys"]), (_tail(str(r["sys"])), None))
            e["systems"].append(
                {
                    "iri": str(r["sys"]),
                    "label": label,
                    "category": cat,
                    "deals": _int(r.get("n")),
                    "tiv": _num(r.get("tiv")),
                }
            )
        for e in edges.values():
            e["systems"].sort(key=lambda x: (-x["tiv"], -x["deals"], x["label"]))
    if filters.min_tiv is not None:
        edges = {k: v for k, v in edges.items() if v["tiv"] >= filters.min_tiv}
    parties = party_info(store, [x for pair in edges for x in pair])
    for (s, b), attrs in edges.items():
        for node in (s, b):
            if node not in g:
                kind, label = parties.get(node, ("party", _tail(node)))
                g.add_node(
                    node,
                    kind=kind,
                    label=label,
                    supplied_tiv=0.0,
                    supplied_deals=0,
                    received_tiv=0.0,
                    received_deals=0,
                )
        g.add_edge(s, b, **attrs)
        g.nodes[s]["supplied_tiv"] += attrs["tiv"]
        g.nodes[s]["supplied_deals"] += attrs["deals"]
        g.nodes[b]["received_tiv"] += attrs["tiv"]
        g.nodes[b]["received_deals"] += attrs["deals"]
    g.graph["detail"] = detail
    return g, deal_years


def _edges(
    store: Store, filters: Filters, has_links: bool, kinds: Mapping[str, str], with_deal_years: bool
) -> tuple[dict[tuple[str, str], dict[str, Any]], dict[tuple[str, str], dict[int, int]]]:
    """The edge query's pairs (``build_graph``'s edge attributes) and, when asked, deals per order year."""
    article_graphs = {g for g, k in kinds.items() if k == str(ns.NewsArticle)}
    release_graphs = {g for g, k in kinds.items() if k == str(ns.DatasetRelease)}
    deal_years: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    edge_q = _EDGE_Q.replace("{LINKS}", _EDGE_LINKS if has_links else "")
    edge_q = edge_q.replace("{OY_KEYS}", _EDGE_OY_KEYS if with_deal_years else "")
    for r in _q(store, edge_q, filters):
        if with_deal_years:
            pair: dict[int, int] = deal_years[(str(r["s"]), str(r["b"]))]
            words = str(r.get("oyKeys") or "").split()
            for y, _key in zip(words[::2], words[1::2], strict=True):
                pair[_int(y)] = pair.get(_int(y), 0) + 1
        graphs = str(r.get("graphs") or "").split()
        edges[(str(r["s"]), str(r["b"]))] = {
            "graphs": graphs,
            "deals": _int(r.get("deals")),
            "sources": len(graphs),
            "articles": sum(1 for x in graphs if x in article_graphs),
            "releases": sum(1 for x in graphs if x in release_graphs),
            "order_years": _years(r.get("orderYears")),
            "delivery_years": [],
            "tiv": 0.0 if filters.has_years else _num(r.get("tiv")),
            "value_usd": 0.0,
            "valued_deals": 0,
            "corroborated": 0,
            "statuses": {},
            "systems": [],
        }
    return edges, dict(deal_years)


def _deal_usd(row: Mapping[str, Node]) -> float | None:
    usd = row.get("maxUsd")
    if usd is not None and _num(usd) >= 0:  # -1 stands for "no USD value" (see _VALUE_Q)
        return _num(usd)
    money = row.get("anyMoney")
    if money is None:
        return None
    cur, _, amt = str(money).partition(" ")
    try:
        amount = float(amt)
    except ValueError:
        return None
    year = _int(row["year"]) if row.get("year") is not None else None
    return to_usd(amount, cur, year)


# --------------------------------------------------------------------------- metrics
@dataclass
class ShareTable:
    """Volumes and shares of suppliers in one buyer's imports, per year or period.

    ``volume[key][supplier]`` is delivered TIV (or deal count when ``basis[key]`` is
    ``"deals"``); suppliers are keys (IRIs, or a merged group name) with ``labels``.
    """

    buyer: str
    buyer_label: str
    keys: list[str]
    suppliers: list[str]
    labels: dict[str, str]
    volume: dict[str, dict[str, float]]
    basis: dict[str, str] = field(default_factory=dict)
    #: key -> which register release fed it ("deliveries: SIPRI register generated ...")
    fed_by: dict[str, str] = field(default_factory=dict)
    #: IRIs of the register releases that fed any key
    releases_used: set[str] = field(default_factory=set)

    def total(self, key: str) -> float:
        return sum(self.volume.get(key, {}).values())

    def share(self, key: str, supplier: str) -> float:
        """Fraction (0-1) of ``key``'s imports from ``supplier``; 0 when nothing was imported."""
        tot = self.total(key)
        return self.volume.get(key, {}).get(supplier, 0.0) / tot if tot else 0.0

    def hhi(self, key: str) -> float:
        """Herfindahl-Hirschman index on the 0-10,000 scale (shares in percent, squared)."""
        return hhi(self.volume.get(key, {}).values())

    def top(self, n: int) -> list[str]:
        return self.suppliers[:n]


def hhi(volumes: Iterable[float]) -> float:
    """HHI of a set of volumes: 10,000 for one supplier, 10,000/n for n equal ones, 0 for none."""
    vals = [v for v in volumes if v > 0]
    tot = sum(vals)
    if not tot:
        return 0.0
    return sum((100.0 * v / tot) ** 2 for v in vals)


def yearly_imports(
    store: Store, filters: Filters
) -> tuple[dict[int, dict[str, float]], dict[int, dict[str, float]]]:
    """(delivered TIV, deals ordered) per year and supplier, for the filters' buyer(s)."""
    filters = resolve_filters(store, filters)
    tiv: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    deals: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (sup, _b), years in tiv_by_year(store, filters).items():
        for y, v in years.items():
            if y is not None:
                tiv[y][sup] += v
    q = _YEARLY_DEALS_Q.replace("{OYEARS}", _years_clause(filters, "?oy", require=False))
    for r in _q(store, q, filters):
        deals[_int(r["oy"])][str(r["s"])] += _num(r.get("n"))
    return tiv, deals


#: Deals per pair and order year; the link pattern only when the store holds links (an
#: OPTIONAL that never matches still costs ~0.4 s on the register).
_DEAL_YEARS_Q = """
SELECT ?s ?b ?oy (COUNT(DISTINCT ?key) AS ?n)
WHERE {
  {WHERE}
  GRAPH ?g { ?deal kg:orderYear ?oy }
  {LINKS}
  BIND(COALESCE(?canon, ?deal) AS ?key)
} GROUP BY ?s ?b ?oy
"""


def pair_deal_years(store: Store, filters: Filters) -> dict[tuple[str, str], dict[int, int]]:
    """Deals ordered per supplier -> buyer pair and order year (a linked group counted once).

    The selection runs without the year range and order years are filtered here: a deal
    ordered in the range is selected either way, and the range's sub-select is slower.
    """
    filters = resolve_filters(store, filters)
    out: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    q = _DEAL_YEARS_Q.replace("{LINKS}", _EDGE_LINKS if _has(store, ns.DealLink) else "")
    for r in _q(store, q, replace(filters, year_from=None, year_to=None)):
        pair = out[(str(r["s"]), str(r["b"]))]
        y = _int(r["oy"])
        pair[y] = pair.get(y, 0) + _int(r.get("n"))
    return deal_years_in_range(out, filters)


def deal_years_in_range(
    counts: Mapping[tuple[str, str], Mapping[int, int]], filters: Filters
) -> dict[tuple[str, str], dict[int, int]]:
    """Deals per pair and order year kept to the filters' year range (pairs left empty dropped)."""
    lo = filters.year_from if filters.year_from is not None else -100000
    hi = filters.year_to if filters.year_to is not None else 100000
    out = {pair: {y: n for y, n in years.items() if lo <= y <= hi} for pair, years in counts.items()}
    return {pair: years for pair, years in out.items() if years}


def pair_years(
    store: Store,
    filters: Filters,
    *,
    tiv: Mapping[tuple[str, str], Mapping[int | None, float]] | None = None,
    deals: Mapping[tuple[str, str], Mapping[int, int]] | None = None,
) -> dict[tuple[str, str], dict[int, list[float]]]:
    """Per supplier -> buyer pair and year: ``[delivered TIV, deals ordered]``.

    What the views inline so their year slider can filter in the page: TIV by delivery
    year (:func:`tiv_by_year`, undated TIV left out) and deals by order year
    (:func:`pair_deal_years`), inside the filters' year range.  ``tiv``/``deals`` take
    those results when the caller already has them (e.g. fetched in parallel).
    """
    filters = resolve_filters(store, filters)
    tiv = tiv_by_year(store, filters) if tiv is None else tiv
    deals = pair_deal_years(store, filters) if deals is None else deals
    out: dict[tuple[str, str], dict[int, list[float]]] = defaultdict(dict)
    for pair, years in tiv.items():
        for y, v in years.items():
            if y is not None and v:
                out[pair].setdefault(y, [0.0, 0])[0] += v
    for pair, counts in deals.items():
        for y, n in counts.items():
            out[pair].setdefault(y, [0.0, 0])[1] += n
    return dict(out)


def period_of(year: int, length: int = 5, start: int = 1950) -> tuple[int, int]:
    """The ``length``-year period holding ``year``, aligned on ``start`` (1990-1994 ...)."""
    first = start + ((year - start) // length) * length
    return first, first + length - 1


#: Periods and windows start here: SIPRI's register begins in 1950, and an order placed
#: earlier (a few register rows; curated tables) would open a lone 1945-1949 period.
FIRST_YEAR = 1950
#: The one key under which SIPRI's per-deal "unknown supplier(s)" placeholders are counted
#: (the importer mints one node per deal so they never merge into a party).
UNKNOWN_SUPPLIER = "urn:x-kg:unknown-supplier"


def _windows(years: list[int], by: str, length: int) -> dict[str, list[int]]:
    if by == "year":
        return {str(y): [y] for y in range(years[0], years[-1] + 1)}
    if by == "rolling":
        return {str(y): list(range(y - length + 1, y + 1)) for y in range(years[0], years[-1] + 1)}
    if by == "period":
        windows = {}
        for y in range(period_of(years[0], length)[0], years[-1] + 1, length):
            a, z = period_of(y, length)
            windows[f"{a}-{z}"] = list(range(a, z + 1))
        return windows
    raise ValueError(f"by must be year, period or rolling, not {by!r}")


def supplier_shares(
    store: Store,
    buyer: str,
    filters: Filters | None = None,
    *,
    by: str = "period",
    length: int = 5,
    merge: Mapping[str, str] | None = None,
) -> ShareTable:
    """Suppliers' shares of ``buyer``'s imports.

    ``by``: ``"year"`` (one key per year), ``"period"`` (``length``-year blocks aligned on
    1950: "1990-1994"), or ``"rolling"`` (each year's trailing ``length``-year window).
    ``merge`` maps supplier IRIs to a group label (e.g. Soviet Union and Russia to
    "Soviet Union/Russia") so they form one line; tables usually keep them apart.
    Rolling windows at the start of a year range reach back before it (the window of
    1990 covers 1986-1990), so the first years are not truncated windows.

    Each key's figures come from one register release per measure (:mod:`kg.queries.releases`:
    the latest covering the whole window, or ``filters.release``); ``fed_by[key]`` says
    which.  SIPRI's unknown suppliers count as one supplier, "unknown supplier(s)".
    """
    from kg.queries import releases as kr

    base = filters or Filters()
    buyer_iri = str(party_iri_for(buyer, store))
    f = resolve_filters(store, replace(base, buyer=buyer_iri, exclude_graphs=()))
    fetch = f
    if by == "rolling" and f.year_from is not None:
        fetch = replace(f, year_from=f.year_from - (length - 1))
    rels = kr.register_releases(store)
    # one fetch per register release (an unknown --release fails here, before any query)
    candidates = [kr.find(rels, f.release)] if f.release else [r for r in rels if r.deals] or [None]
    data = {
        (r.iri if r else None): yearly_imports(store, replace(fetch, exclude_graphs=kr.excluded(rels, r)))
        for r in candidates
    }
    suppliers_seen = {x for tiv, deals in data.values() for t in (tiv, deals) for v in t.values() for x in v}
    parties = party_info(store, {buyer_iri} | suppliers_seen)
    merge = dict(merge or {})
    labels: dict[str, str] = {}

    def key_of(sup: str) -> str:
        if sup in merge:
            labels[merge[sup]] = merge[sup]
            return merge[sup]
        kind, label = parties.get(sup, ("party", _tail(sup)))
        if kind == "unknown":
            labels[UNKNOWN_SUPPLIER] = "unknown supplier(s)"
            return UNKNOWN_SUPPLIER
        labels[sup] = label
        return sup

    years = sorted({y for tiv, deals in data.values() for y in (*tiv, *deals) if y >= FIRST_YEAR})
    if f.year_from is not None:
        years = [y for y in years if y >= f.year_from]
    if f.year_to is not None:
        years = [y for y in years if y <= f.year_to]
    if not years:
        return ShareTable(buyer_iri, parties.get(buyer_iri, ("", buyer))[1], [], [], {}, {}, {})
    windows = _windows(years, by, length)
    volume: dict[str, dict[str, float]] = {}
    basis: dict[str, str] = {}
    fed: dict[str, str] = {}
    used: set[str] = set()
    for k, yrs in windows.items():
        rel = kr.choose(rels, "deliveries", yrs[0], yrs[-1], f.release)
        tiv = data[rel.iri if rel else None][0]
        t: dict[str, float] = defaultdict(float)
        for y in yrs:
            for sup, v in tiv.get(y, {}).items():
                t[key_of(sup)] += v
        if sum(t.values()) > 0:
            volume[k], basis[k] = dict(t), "tiv"
            if rel and rel.overlap("deliveries", yrs[0], yrs[-1]):
                fed[k] = f"deliveries: {rel.label}"
                used.add(rel.iri)
            continue
        rel = kr.choose(rels, "orders", yrs[0], yrs[-1], f.release)
        deals = data[rel.iri if rel else None][1]
        d: dict[str, float] = defaultdict(float)
        for y in yrs:
            for sup, v in deals.get(y, {}).items():
                d[key_of(sup)] += v
        volume[k], basis[k] = dict(d), "deals" if d else "none"
        if rel and d and rel.overlap("orders", yrs[0], yrs[-1]):
            fed[k] = f"orders: {rel.label}"
            used.add(rel.iri)
    totals: dict[str, float] = defaultdict(float)
    for k in volume:
        tot = sum(volume[k].values()) or 1.0
        for sup, v in volume[k].items():
            totals[sup] += v / tot
    suppliers = sorted(totals, key=lambda s: (-totals[s], labels.get(s, s)))
    return ShareTable(
        buyer=buyer_iri,
        buyer_label=parties.get(buyer_iri, ("", buyer))[1],
        keys=list(windows),
        suppliers=suppliers,
        labels=labels,
        volume=volume,
        basis=basis,
        fed_by=fed,
        releases_used=used,
    )


def top_systems(g: nx.DiGraph, supplier: str, n: int = 5) -> list[dict[str, Any]]:
    """A supplier's ``n`` leading systems across all its buyers (by TIV, then deals)."""
    agg: dict[str, dict[str, Any]] = {}
    for _, _, data in g.out_edges(supplier, data=True):
        for s in data.get("systems", []):
            a = agg.setdefault(s["iri"], {**s, "deals": 0, "tiv": 0.0, "buyers": 0})
            a["deals"] += s["deals"]
            a["tiv"] += s["tiv"]
            a["buyers"] += 1
    return sorted(agg.values(), key=lambda s: (-s["tiv"], -s["deals"], s["label"]))[:n]


def pagerank(
    g: nx.DiGraph,
    *,
    alpha: float = 0.85,
    weight: str | None = "tiv",
    tol: float = 1.0e-9,
    max_iter: int = 200,
) -> dict[str, float]:
    """PageRank by power iteration (networkx's own needs scipy, which kg does not require).

    Same definition as :func:`networkx.pagerank`: edge weights split each node's rank
    among its buyers, dangling nodes (buyers that never supply) spread theirs uniformly.
    """
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    out_w: dict[str, float] = dict.fromkeys(nodes, 0.0)
    links = [(u, v, float(d.get(weight, 1.0)) if weight else 1.0) for u, v, d in g.edges(data=True)]
    for u, _, w in links:
        out_w[u] += w
    # each edge's share of its supplier's rank, computed once
    shares = [(u, v, w / out_w[u]) for u, v, w in links if out_w[u] > 0]
    dangling_nodes = [u for u in nodes if out_w[u] <= 0]
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in dangling_nodes) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v, share in shares:
            new[v] += alpha * rank[u] * share
        err = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if err < n * tol:
            break
    return rank


def centrality(g: nx.DiGraph, weight: str = "tiv") -> dict[str, dict[str, float]]:
    """PageRank (weighted by ``weight``; transfers flow to buyers) and degree per node."""
    if g.number_of_nodes() == 0:
        return {}
    has_weight = any(d.get(weight, 0) > 0 for _, _, d in g.edges(data=True))
    pr = pagerank(g, weight=weight if has_weight else None)
    out = {}
    for node in g.nodes:
        out[node] = {
            "pagerank": pr.get(node, 0.0),
            "in_degree": float(g.in_degree(node)),
            "out_degree": float(g.out_degree(node)),
            "degree_centrality": g.degree(node) / max(1, g.number_of_nodes() - 1),
        }
    return out


# --------------------------------------------------------------------------- sources, deals
_SOURCES_Q = """
SELECT ?g (COUNT(DISTINCT ?deal) AS ?deals) WHERE {
  {WHERE}
} GROUP BY ?g
"""

_SOURCE_META_Q = """
SELECT ?g ?kind ?t ?dt ?u WHERE {
  {VALUES}
  { GRAPH ?g { ?g a kg:DatasetRelease . BIND("release" AS ?kind)
      OPTIONAL { ?g kg:releaseTitle ?t } OPTIONAL { ?g kg:dataGenerated ?dt } } }
  UNION { GRAPH ?g { ?g a kg:NewsArticle . BIND("article" AS ?kind)
      OPTIONAL { ?g schema:headline ?t } OPTIONAL { ?g schema:datePublished ?dt }
      OPTIONAL { ?g schema:url ?u } } }
}
"""


def clean_title(text: str) -> str:
    """A source title for people: SIPRI's preamble line has double spaces and " ." before its
    full stop ("from All countries  to All countries . Deals with ...")."""
    text = " ".join(text.split())
    return re.sub(r"\s+([.,;:])", r"\1", text)


def source_meta(store: Store, graphs: list[str]) -> dict[str, SourceRef]:
    """Title, date and URL of source graphs (public name of :func:`_source_meta`)."""
    return _source_meta(store, graphs)


def _source_meta(store: Store, graphs: list[str]) -> dict[str, SourceRef]:
    """Title, date and URL of source graphs (``other`` when a graph is neither kind)."""
    meta = {g: SourceRef(iri=g, kind="other", title=_tail(g)) for g in graphs}
    if not graphs:
        return meta
    for r in _select(store, ns.SPARQL_PREFIXES + _SOURCE_META_Q.replace("{VALUES}", _values("g", graphs))):
        g = str(r["g"])
        meta[g] = SourceRef(
            iri=g,
            kind=str(r["kind"]),
            title=clean_title(str(r.get("t") or _tail(g))),
            date=str(r["dt"]) if r.get("dt") is not None else None,
            url=str(r["u"]) if r.get("u") is not None else None,
        )
    return meta


@dataclass
class SourceRef:
    """A source document: a register release or a news article (graph IRI = source IRI)."""

    iri: str
    kind: str  # "release" | "article" | "other"
    title: str
    date: str | None = None
    url: str | None = None
    deals: int = 0


def sources_used(store: Store, filters: Filters | None = None) -> list[SourceRef]:
    """The sources asserting the selected deals (releases first, then articles by date)."""
    filters = resolve_filters(store, filters or Filters())
    counts = {str(r["g"]): _int(r.get("deals")) for r in _q(store, _SOURCES_Q, filters)}
    out = list(_source_meta(store, sorted(counts)).values())
    for src in out:
        src.deals = counts[src.iri]
    order = {"release": 0, "article": 1, "other": 2}
    return sorted(out, key=lambda s: (order.get(s.kind, 3), s.date or "", s.title))


def graph_sources(store: Store, g: nx.DiGraph) -> list[SourceRef]:
    """The sources behind a graph from :func:`build_graph` (no second scan of the deals).

    ``deals`` is the number of deals on the edges each source contributes to (an upper
    bound when sources share an edge); :func:`sources_used` counts exactly.
    """
    counts: dict[str, int] = defaultdict(int)
    for _, _, d in g.edges(data=True):
        for x in d.get("graphs", []):
            counts[x] += d["deals"]
    out = list(_source_meta(store, sorted(counts)).values())
    for src in out:
        src.deals = counts[src.iri]
    order = {"release": 0, "article": 1, "other": 2}
    return sorted(out, key=lambda s: (order.get(s.kind, 3), s.date or "", s.title))


def describe_sources(sources: list[SourceRef]) -> str:
    """ "Sources: SIPRI register (generated 2024-10-13); 12 news articles" for page titles."""
    releases = [s for s in sources if s.kind == "release"]
    articles = [s for s in sources if s.kind == "article"]
    others = [s for s in sources if s.kind not in ("release", "article")]
    parts = [
        re.split(r"\. Deals with ", s.title)[0] + (f" (generated {s.date[:10]})" if s.date else "")
        for s in releases
    ]
    if articles:
        parts.append(f"{len(articles)} news article{'s' if len(articles) != 1 else ''}")
    if others:
        parts.append(f"{len(others)} other source{'s' if len(others) != 1 else ''}")
    return "Sources: " + ("; ".join(parts) if parts else "none")


@dataclass
class StatusEvent:
    """One dated statement about a deal's stage, and who makes it."""

    date: str  # ISO date or a year
    status: str
    source: str
    evidence: str | None = None


@dataclass
class DealRecord:
    """A deal with what the side panel shows: facts, status timeline, sources, evidence."""

    iri: str
    supplier: str
    buyer: str
    system: str | None
    system_label: str
    category: str | None
    order_year: int | None
    quantity: int | None
    tiv: float
    value_usd: float | None
    statuses: list[str] = field(default_factory=list)
    timeline: list[StatusEvent] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    rows: list[tuple[str, int]] = field(default_factory=list)  # (release title, row number)
    evidence: list[tuple[str, str, str | None]] = field(default_factory=list)  # (text, source title, date)
    linked: list[str] = field(default_factory=list)
    supplier_label: str = ""
    buyer_label: str = ""


_DEALS_Q = """
SELECT ?deal ?s ?b (SAMPLE(?sys) AS ?system) (MIN(?oy) AS ?orderYear) (MAX(?qty) AS ?quantity)
       (MAX(COALESCE(?dt, 0)) AS ?tiv) (MAX(COALESCE(?usd, -1)) AS ?maxUsd) (SAMPLE(?money) AS ?anyMoney)
WHERE {
  {WHERE}
  OPTIONAL { GRAPH ?g { ?deal kg:weaponSystem ?sys } }
  OPTIONAL { GRAPH ?g { ?deal kg:orderYear ?oy } }
  OPTIONAL { GRAPH ?g { ?deal kg:quantity ?qty } }
  OPTIONAL { GRAPH ?g { ?deal kg:tivDelivered ?dt } }
  OPTIONAL { GRAPH ?g { ?deal kg:valueUSD ?usd } }
  OPTIONAL { GRAPH ?g { ?deal kg:valueAmount ?amt ; kg:valueCurrency ?cur }
             BIND(CONCAT(STR(?cur), " ", STR(?amt)) AS ?money) }
} GROUP BY ?deal ?s ?b
"""


def _values(var: str, terms: list[str]) -> str:
    """A VALUES block of IRIs taken from the store (each validated by rdflib's ``n3()``)."""
    return f"VALUES ?{var} {{ " + " ".join(URIRef(t).n3() for t in terms) + " }"


def deal_records(
    store: Store, filters: Filters | None = None, *, limit: int | None = 300
) -> list[DealRecord]:
    """The selected deals, largest delivered TIV first (then newest), with their evidence.

    ``limit`` caps the list (views stay readable); ``None`` returns every deal.
    """
    filters = resolve_filters(store, filters or Filters())
    rows = _q(store, _DEALS_Q, filters)
    if filters.min_tiv is not None:
        # the same rule as the network: a supplier -> buyer pair below the threshold goes
        # (its delivered TIV summed over the selected deals), with all of its deals
        pair_tiv: dict[tuple[str, str], float] = defaultdict(float)
        for r in rows:
            pair_tiv[(str(r["s"]), str(r["b"]))] += _num(r.get("tiv"))
        rows = [r for r in rows if pair_tiv[(str(r["s"]), str(r["b"]))] >= filters.min_tiv]
    rows.sort(key=lambda r: (-_num(r.get("tiv")), -_num(r.get("orderYear")), str(r["deal"])))
    if limit is not None:
        rows = rows[: max(0, int(limit))]
    if not rows:
        return []
    info = system_info(store, [str(r["system"]) for r in rows if r.get("system") is not None])
    parties = party_info(store, [str(r[k]) for r in rows for k in ("s", "b")])
    deals: dict[str, DealRecord] = {}
    for r in rows:
        sys_iri = str(r["system"]) if r.get("system") is not None else None
        label, cat = info.get(sys_iri, (_tail(sys_iri), None)) if sys_iri else ("(system unknown)", None)
        deals[str(r["deal"])] = DealRecord(
            iri=str(r["deal"]),
            supplier=str(r["s"]),
            buyer=str(r["b"]),
            system=sys_iri,
            system_label=label,
            category=cat,
            order_year=_int(r["orderYear"]) if r.get("orderYear") is not None else None,
            quantity=_int(r["quantity"]) if r.get("quantity") is not None else None,
            tiv=_num(r.get("tiv")),
            value_usd=_deal_usd(
                {"maxUsd": r.get("maxUsd"), "anyMoney": r.get("anyMoney"), "year": r.get("orderYear")}
            ),
        )
    ids = list(deals)
    prefix = ns.SPARQL_PREFIXES
    # the deal itself and deals linked to it (article <-> register), with their graphs
    linked_q = (
        prefix
        + "SELECT DISTINCT ?deal ?d2 WHERE { "
        + _values("deal", ids)
        + """
      { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkFrom ?deal ; kg:linkTo ?d2 } }
      UNION { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkTo ?deal ; kg:linkFrom ?d2 } } }"""
    )
    related: dict[str, set[str]] = {d: {d} for d in ids}
    for r in _select(store, linked_q):
        related[str(r["deal"])].add(str(r["d2"]))
        deals[str(r["deal"])].linked.append(str(r["d2"]))
    all_ids = sorted({x for v in related.values() for x in v})
    owners: dict[str, list[str]] = defaultdict(list)
    for d, rel in related.items():
        for x in rel:
            owners[x].append(d)
    graph_q = (
        prefix
        + "SELECT ?d2 ?g ?st WHERE { "
        + _values("d2", all_ids)
        + """
      GRAPH ?g { ?d2 a kg:Deal . } OPTIONAL { GRAPH ?g { ?d2 kg:status ?st } } }"""
    )
    graph_rows = _select(store, graph_q)
    graphs = sorted({str(r["g"]) for r in graph_rows})
    meta = _source_meta(store, graphs)
    own_kinds: dict[str, set[str]] = defaultdict(set)
    for r in graph_rows:
        src = meta[str(r["g"])]
        own_kinds[str(r["d2"])].add(src.kind)
        for d in owners[str(r["d2"])]:
            rec = deals[d]
            if all(s.iri != src.iri for s in rec.sources):
                rec.sources.append(src)
            if r.get("st") is not None:
                st = _STATUS_KEYS.get(str(r["st"]), _tail(str(r["st"])))
                if st not in rec.statuses:
                    rec.statuses.append(st)
                if src.kind == "release":
                    rec.timeline.append(StatusEvent(src.date or "", st, src.title))
    # register rows
    rows_q = (
        prefix
        + "SELECT ?d2 ?g ?n WHERE { "
        + _values("d2", all_ids)
        + """
      GRAPH ?g { ?d2 prov:wasDerivedFrom ?rec . ?rec kg:rowNumber ?n } }"""
    )
    for r in _select(store, rows_q):
        for d in owners[str(r["d2"])]:
            deals[d].rows.append(
                (
                    meta.get(str(r["g"]), SourceRef(str(r["g"]), "other", _tail(str(r["g"])))).title,
                    _int(r["n"]),
                )
            )
    # claims: dated status statements with their evidence sentences
    claims_q = (
        prefix
        + "SELECT ?d2 ?g ?st ?date ?ev ?neg ?mod WHERE { "
        + _values("d2", all_ids)
        + """
      GRAPH ?g { ?c a kg:Claim ; kg:about ?d2 .
        OPTIONAL { ?c kg:status ?st } OPTIONAL { ?c kg:eventDate ?date } OPTIONAL { ?c kg:evidenceText ?ev }
        OPTIONAL { ?c kg:negated ?neg } OPTIONAL { ?c kg:modality ?mod } } }"""
    )
    for r in _select(store, claims_q):
        src = meta.get(str(r["g"]), SourceRef(str(r["g"]), "other", _tail(str(r["g"]))))
        date = str(r["date"]) if r.get("date") is not None else (src.date or "")
        for d in owners[str(r["d2"])]:
            rec = deals[d]
            negated = str(r.get("neg", "")).lower() in ("true", "1")
            if r.get("st") is not None and not negated:  # "not cancelled" is no cancellation
                st = _STATUS_KEYS.get(str(r["st"]), _tail(str(r["st"])))
                mod = str(r.get("mod") or "")
                if mod and mod not in ("asserted", "actual", "fact"):
                    st = f"{st} ({mod})"  # e.g. "delivering (expected)"
                event = StatusEvent(date, st, src.title, str(r["ev"]) if r.get("ev") else None)
                if all(
                    (e.date, e.status, e.source) != (event.date, event.status, event.source)
                    for e in rec.timeline
                ):
                    rec.timeline.append(event)
            if r.get("ev") is not None:
                item = (str(r["ev"]), src.title, date or None)
                if item not in rec.evidence:
                    rec.evidence.append(item)
    # an article deal linked to a selected register deal is shown once, as that deal
    for d in list(deals):
        if "release" in own_kinds[d]:
            continue
        if any(x in deals and "release" in own_kinds[x] for x in deals[d].linked):
            del deals[d]
    for rec in deals.values():
        rec.timeline.sort(key=lambda e: (e.date, e.status))
        rec.rows.sort()
        rec.sources.sort(key=lambda s: (s.kind != "release", s.date or "", s.title))
        rec.supplier_label = parties.get(rec.supplier, ("party", _tail(rec.supplier)))[1]
        rec.buyer_label = parties.get(rec.buyer, ("party", _tail(rec.buyer)))[1]
    return [deals[d] for d in ids if d in deals]


# --------------------------------------------------------------------------- exports
def _flat(value: Any) -> str | int | float | bool:
    """GEXF/GraphML take scalars only: lists and dicts become readable strings."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return 0.0 if math.isnan(value) else value
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "; ".join(f"{d.get('label')} ({d.get('deals')})" for d in value)
        return " ".join(str(v) for v in value)
    return str(value)


def exportable(g: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``g`` with scalar attributes only (what GEXF/GraphML can hold)."""
    h = nx.DiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: _flat(v) for k, v in d.items()})
    for s, b, d in g.edges(data=True):
        h.add_edge(s, b, **{k: _flat(v) for k, v in d.items()})
    return h


EDGE_CSV_COLUMNS = (
    "supplier",
    "supplier_label",
    "buyer",
    "buyer_label",
    "deals",
    "tiv",
    "value_usd",
    "valued_deals",
    "sources",
    "articles",
    "releases",
    "corroborated",
    "order_years",
    "delivery_years",
    "statuses",
    "systems",
)


def export_graph(g: nx.DiGraph, path: str | Path, fmt: str, *, raw_csv: bool = False) -> None:
    """Write ``g`` as GEXF, GraphML or a CSV edge list through kg's one writer (``-``: stdout).

    CSV cells a spreadsheet would run as formulas are quoted unless ``raw_csv``.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
    from kg.io.atomicwrite import open_atomic

    with open_atomic(path) as fh:
        if fmt == "gexf":
            nx.write_gexf(exportable(g), fh)
        elif fmt == "graphml":
            nx.write_graphml(exportable(g), fh)
        else:
            _write_edge_csv(g, fh, raw_csv)


def _write_edge_csv(g: nx.DiGraph, fh: IO[bytes], raw: bool) -> None:
    """The CSV edge list (one row per supplier -> buyer pair, largest TIV first)."""
    import io

    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")  # type: ignore[arg-type]
    w = csv.writer(text)
    w.writerow(EDGE_CSV_COLUMNS)
    for s, b, d in sorted(g.edges(data=True), key=lambda e: (-e[2]["tiv"], e[0], e[1])):
        row = safe_row(
            [
                s,
                g.nodes[s]["label"],
                b,
                g.nodes[b]["label"],
                d["deals"],
                f"{d['tiv']:g}",
                f"{d['value_usd']:.0f}" if d["valued_deals"] else "",
                d["valued_deals"],
                d["sources"],
                d["articles"],
                d["releases"],
                d["corroborated"],
                _flat(d["order_years"]),
                _flat(d["delivery_years"]),
                _flat(d["statuses"]),
                _flat(d["systems"]),
            ],
            raw,
        )
        w.writerow(row)
    text.flush()
    text.detach()


__all__ = [
    "DETAIL_LIMIT",
    "EXPORT_FORMATS",
    "SOURCES",
    "DealRecord",
    "Filters",
    "ShareTable",
    "SourceRef",
    "StatusEvent",
    "UnknownName",
    "build_graph",
    "centrality",
    "clean_title",
    "deal_records",
    "describe_sources",
    "export_graph",
    "exportable",
    "fed_by",
    "fx_table",
    "graph_sources",
    "hhi",
    "pagerank",
    "party_info",
    "party_iri_for",
    "period_of",
    "resolve_filters",
    "source_meta",
    "sources_used",
    "supplier_shares",
    "system_info",
    "tiv_by_year",
    "to_usd",
    "top_systems",
    "yearly_imports",
]
