"""The SPARQL aggregates behind the network (one ``GROUP BY`` per measure) and the
yearly figures the views and the report read: delivered TIV per year, deals per order year."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from kg.analysis.network.filters import Filters, _q, resolve_filters, scan, wide
from kg.analysis.network.rows import (
    _CATEGORY_KEYS,
    PARTY_KINDS,
    _has,
    _int,
    _num,
    _select,
    _tail,
    _values,
    _years,
)
from kg.store import Store
from kg.vocab import iris, ns

_EDGE_Q = """
SELECT ?s ?b (COUNT(DISTINCT ?key) AS ?deals) (GROUP_CONCAT(DISTINCT STR(?g); separator=" ") AS ?graphs)
       (GROUP_CONCAT(DISTINCT COALESCE(STR(?oy), ""); separator=" ") AS ?orderYears)
       (SUM(COALESCE(?tivd, 0)) AS ?tiv)
       {OY_KEYS}
WHERE {
  {WHERE}
  {OPTIONALS}
  {LINKS}
  BIND(COALESCE(?canon, ?deal) AS ?key)
} GROUP BY ?s ?b
"""
#: With :func:`build_graph_and_deal_years`, the edge query also lists each pair's distinct
#: (order year, deal key) pairs, from which Python counts the deals per order year (what
#: :data:`_DEAL_YEARS_Q` counts: a deal without an order year has no pair) in the same scan
#: of the selection: ~0.5 s less on the register than a second query.  The pairs' grouping,
#: hence their order, is unchanged.  Both GROUP_CONCATs wrap an unbound order year in
#: COALESCE: an error in one row makes the whole aggregate unbound, so one undated article
#: deal used to erase every order year of its pair (the demo's United States -> India).
_EDGE_OY_KEYS = (
    '(GROUP_CONCAT(DISTINCT COALESCE(CONCAT(STR(?oy), " ", STR(?key)), ""); separator=" ") AS ?oyKeys)'
)
#: Links only when the store holds any (each OPTIONAL costs ~0.3-0.5 s on the full
#: register; statuses are a separate query, run with ``detail``).
_EDGE_LINKS = "OPTIONAL { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkFrom ?deal ; kg:linkTo ?canon } }"


def edge_query(filters: Filters, *, links: bool, deal_years: bool) -> str:
    """The edge query's text for a selection: with the link pattern when the store holds
    links, with the (order year, deal key) pairs when asked (:data:`_EDGE_OY_KEYS`)."""
    optionals = "\n  ".join(
        scan(filters, f"?g ?deal {var}", f"?deal {prop} {var}", optional=True)
        for prop, var in (("kg:orderYear", "?oy"), ("kg:tivDelivered", "?tivd"))
    )
    return (
        _EDGE_Q.replace("{OPTIONALS}", optionals)
        .replace("{LINKS}", _EDGE_LINKS if links else "")
        .replace("{OY_KEYS}", _EDGE_OY_KEYS if deal_years else "")
    )


_GRAPH_KINDS_Q = """
SELECT ?g ?kind WHERE {
  VALUES ?kind { kg:NewsArticle kg:DatasetRelease }
  GRAPH ?g { ?g a ?kind }
}
"""

#: Delivered TIV per year comes from flat queries (a single query with a per-deal
#: sub-select for the spread was 10-100x slower on Oxigraph) over two kinds of rows: the
#: own per-delivery ``kg:tiv`` summed per delivery year (single-year and 17-column
#: register deals; ``?y`` is the year), and the deal-level ``kg:tivDelivered`` of deals
#: without delivery nodes, summed per text of ``kg:deliveryYearsText`` ("2005; 2006":
#: how the 16-column importer records multi-year deliveries; ``?y`` is "t" + that text,
#: "t" alone when undated).  An unbound selection (the global network) reads both in one
#: query, a UNION, so the selection is scanned once, not twice (~1 s CPU less on the
#: register); a selection bound to a party runs them as two queries, which Oxigraph
#: evaluates from the bound party (the UNION made it scan every delivery: 0.05 s -> 0.6 s).
#: TIV literals are ``xsd:decimal``, whose SUM is exact, so a group's sum does not depend
#: on the order its rows come in.
_TIV_Q = """
SELECT ?s ?b ?y (SUM(?t) AS ?tiv) WHERE {
  {WHERE}
  {PARTS}
} GROUP BY ?s ?b ?y
"""


def _tiv_parts(filters: Filters) -> tuple[str, str]:
    """The two kinds of TIV rows (:data:`_TIV_Q`) as patterns joined to the selection."""
    if wide(filters):  # each triple pattern scanned apart (year and TIV too: 3x less CPU)
        own = " ".join(
            scan(filters, f"?g {a} {b}", f"{a} {prop} {b}")
            for a, prop, b in (
                ("?deal", "kg:delivery", "?d"),
                ("?d", "kg:deliveryYear", "?dy"),
                ("?d", "kg:tiv", "?t"),
            )
        )
    else:  # one pattern, evaluated from the bound party's deals
        own = "GRAPH ?g { ?deal kg:delivery ?d . ?d kg:deliveryYear ?dy ; kg:tiv ?t . }"
    own += " BIND(STR(?dy) AS ?y)"
    unsplit = f"""{scan(filters, "?g ?deal ?t", "?deal kg:tivDelivered ?t .")}
    {scan(filters, "?g ?deal ?x", "?deal kg:delivery ?x", optional=True)}
    FILTER(!BOUND(?x))
    {scan(filters, "?g ?deal ?txt", "?deal kg:deliveryYearsText ?txt", optional=True)}
    BIND(CONCAT("t", COALESCE(?txt, "")) AS ?y)"""
    return own, unsplit


def _tiv_queries(filters: Filters) -> list[str]:
    """The TIV query texts for a selection: one UNION, or, when a party is bound, each part
    flat beside the selection (a part in braces is evaluated on its own, over every deal,
    before the join: 0.02 s -> 0.5 s for India)."""
    own, unsplit = _tiv_parts(filters)
    if not wide(filters):
        return [_TIV_Q.replace("{PARTS}", part) for part in (own, unsplit)]
    # each branch a sub-select: evaluated on its own and hash-joined to the selection
    branches = [f"{{ SELECT ?g ?deal ?y ?t WHERE {{ {part} }} }}" for part in (own, unsplit)]
    return [_TIV_Q.replace("{PARTS}", f"{{ {branches[0]} }}\n  UNION\n  {{ {branches[1]} }}")]


#: The deal-level ``kg:tivDelivered`` of deals whose delivery years carry no TIV (the
#: 16-column register gives no split), spread evenly over those years in Python; only run
#: when some delivery lacks its own TIV (:func:`tivless_deliveries`).
_TIV_SPREAD_Q = """
SELECT ?s ?b ?deal (SAMPLE(?total) AS ?tiv) (GROUP_CONCAT(DISTINCT STR(?dy); separator=" ") AS ?years) WHERE {
  {WHERE}
  GRAPH ?g { ?deal kg:tivDelivered ?total ; kg:delivery ?d . ?d kg:deliveryYear ?dy . }
  OPTIONAL { GRAPH ?g { ?d kg:tiv ?x } }
  FILTER(!BOUND(?x))
} GROUP BY ?s ?b ?deal
"""
#: Whether any delivery lacks its own TIV (only then is _TIV_SPREAD_Q worth a scan); both
#: sides sub-selects, so Oxigraph scans each once and hash-joins (0.5-1 s -> 0.3 s with
#: both registers loaded).
_TIVLESS_DELIVERIES_Q = """
SELECT (COUNT(?d) AS ?deliveries) (COUNT(?t) AS ?withTiv) WHERE {
  { SELECT ?g ?d WHERE { GRAPH ?g { ?d kg:deliveryYear ?y } } }
  OPTIONAL { SELECT ?g ?d ?t WHERE { GRAPH ?g { ?d kg:tiv ?t } } }
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
    ``tivless``: :func:`tivless_deliveries` of the store when the caller already has it;
    a selection bound to a supplier or buyer runs the spread query without asking (it is
    cheap there, the question is a scan of every delivery).

    Each (pair, year) is the :func:`math.fsum` of its parts, so the figures do not depend
    on the order the store returns rows in.
    """
    parts: dict[tuple[str, str], dict[int | None, list[float]]] = defaultdict(lambda: defaultdict(list))
    selection = replace(filters, year_from=None, year_to=None)
    lo = filters.year_from if filters.year_from is not None else -100000
    hi = filters.year_to if filters.year_to is not None else 100000

    def spread(pair: tuple[str, str], total: float, years: list[int]) -> None:
        each = total / len(years)
        for y in years:
            if lo <= y <= hi:
                parts[pair][y].append(each)

    parsed: dict[str, list[int]] = {}  # delivery-year texts repeat: each parsed once
    for r in (row for q in _tiv_queries(selection) for row in _q(store, q, selection)):
        pair, y = (str(r["s"]), str(r["b"])), str(r["y"])
        if not y.startswith("t"):  # an own per-delivery TIV: ?y is the year
            if lo <= int(y) <= hi:
                parts[pair][int(y)].append(_num(r.get("tiv")))
            continue
        years = parsed.get(y)
        if years is None:
            years = parsed[y] = _years(y[1:])
        if years:
            spread(pair, _num(r.get("tiv")), years)
        elif not filters.has_years:
            parts[pair][None].append(_num(r.get("tiv")))
    if tivless is None:
        tivless = bool(filters.supplier or filters.buyer) or tivless_deliveries(store)
    for r in _q(store, _TIV_SPREAD_Q, selection) if tivless else []:
        years = _years(r.get("years"))
        if years:
            spread((str(r["s"]), str(r["b"])), _num(r.get("tiv")), years)
    out: dict[tuple[str, str], dict[int | None, float]] = defaultdict(lambda: defaultdict(float))
    for pair, years_parts in parts.items():
        for y, values in years_parts.items():
            out[pair][y] = math.fsum(values)
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
  {OY}
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
    selection = replace(filters, year_from=None, year_to=None)
    q = _DEAL_YEARS_Q.replace("{LINKS}", _EDGE_LINKS if _has(store, ns.DealLink) else "")
    q = q.replace("{OY}", scan(selection, "?g ?deal ?oy", "?deal kg:orderYear ?oy"))
    for r in _q(store, q, selection):
        pair = out[(str(r["s"]), str(r["b"]))]
        y = _int(r["oy"])
        pair[y] = pair.get(y, 0) + _int(r.get("n"))
    return deal_years_in_range(out, filters)


def deal_years_in_range(
    counts: Mapping[tuple[str, str], Mapping[int, int]], filters: Filters
) -> dict[tuple[str, str], dict[int, int]]:
    """Deals per pair and order year kept to the filters' year range (pairs left empty dropped)."""
    if not filters.has_years:
        return {pair: dict(years) for pair, years in counts.items() if years}
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
    # one [TIV, deals] cell per pair and year (a loop per source: ~3x faster than setdefault)
    out: dict[tuple[str, str], dict[int, list[float]]] = {}
    for pair, years in tiv.items():
        row = {y: [v, 0] for y, v in years.items() if y is not None and v}
        if row:
            out[pair] = row
    for pair, counts in deals.items():
        row = out.setdefault(pair, {})
        for y, n in counts.items():
            cell = row.get(y)
            if cell is None:
                row[y] = [0.0, n]
            else:
                cell[1] += n
    return {pair: row for pair, row in out.items() if row}
