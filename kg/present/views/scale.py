"""Graphs that read at register scale: yearly data, one node per unknown side, "others".

The SIPRI register has one "unknown supplier(s)"/"unknown recipient(s)" party per
context (dozens of them); a view shows one of each, their deals added up.  The global
view keeps the suppliers and buyers that carry ``share`` (default 90%) of the volume and
folds the rest into "other suppliers"/"other buyers".  Every edge carries its volume per
year (``years``: ``{year: [TIV, deals]}``) so the page can filter by year itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import networkx as nx

from kg.analysis import network as kn
from kg.store import EmbeddedStore, Store

UNKNOWN_SUPPLIER = "kg-view:unknown-supplier"
UNKNOWN_RECIPIENT = "kg-view:unknown-recipient"
OTHER_SUPPLIERS = "kg-view:other-suppliers"
OTHER_BUYERS = "kg-view:other-buyers"
UNKNOWN_SIDES = {UNKNOWN_SUPPLIER, UNKNOWN_RECIPIENT}


def timed_graph(
    store: Store, filters: kn.Filters, *, detail: bool | None = None, tivless: bool | None = None
) -> nx.DiGraph:
    """``build_graph`` of the selection with each edge's yearly volumes in the filters' range.

    The graph's structure (pairs, sources, systems) comes from the selection without a
    year range (the fast path); the years come from :func:`kg.analysis.network.pair_years` with
    it.  Pairs without a year in the range are dropped; ``tiv``/``deals`` become the
    range's totals.  On an embedded store the TIV queries run in a thread beside the
    graph's (Oxigraph evaluates in parallel); the graph's edge query also counts the deals
    per order year (:func:`kg.analysis.network.build_graph_and_deal_years`: one scan, not two).
    ``tivless`` passes :func:`kg.analysis.network.tivless_deliveries` on (views built from
    several selections ask once).
    """
    filters = kn.resolve_filters(store, filters)
    structure = replace(filters, year_from=None, year_to=None, min_tiv=None)
    if isinstance(store, EmbeddedStore):
        with ThreadPoolExecutor(1) as pool:
            fut_t = pool.submit(kn.tiv_by_year, store, filters, tivless=tivless)
            g, deal_years = kn.build_graph_and_deal_years(store, structure, detail=detail)
            deals = kn.deal_years_in_range(deal_years, filters)
            years = kn.pair_years(store, filters, tiv=fut_t.result(), deals=deals)
    else:
        tiv = kn.tiv_by_year(store, filters, tivless=tivless)
        g, years = kn.build_graph(store, structure, detail=detail), kn.pair_years(store, filters, tiv=tiv)
    g.graph["filters"] = filters
    for s, b in list(g.edges):
        e = g[s][b]
        e["years"] = {y: list(v) for y, v in years.get((s, b), {}).items()}
        if filters.has_years:
            if not e["years"]:
                g.remove_edge(s, b)
                continue
            e["tiv"] = sum(v[0] for v in e["years"].values())
            e["deals"] = int(sum(v[1] for v in e["years"].values()))
        if filters.min_tiv is not None and e["tiv"] < filters.min_tiv:
            g.remove_edge(s, b)
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    totals(g)
    return g


def totals(g: nx.DiGraph) -> None:
    """Recompute every node's supplied/received TIV and deals from its edges."""
    for n in g:
        g.nodes[n].update(supplied_tiv=0.0, supplied_deals=0, received_tiv=0.0, received_deals=0)
    for s, b, d in g.edges(data=True):
        g.nodes[s]["supplied_tiv"] += d["tiv"]
        g.nodes[s]["supplied_deals"] += d["deals"]
        g.nodes[b]["received_tiv"] += d["tiv"]
        g.nodes[b]["received_deals"] += d["deals"]


def measure(g: nx.DiGraph) -> str:
    """What sizes show: ``"tiv"`` when any edge has delivered TIV, else ``"deals"``."""
    return "tiv" if any(d["tiv"] > 0 for _, _, d in g.edges(data=True)) else "deals"


def _merge_edge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    out = dict(a)
    for key in ("deals", "tiv", "value_usd", "valued_deals", "corroborated"):
        out[key] = a.get(key, 0) + b.get(key, 0)
    out["graphs"] = sorted(set(a.get("graphs", [])) | set(b.get("graphs", [])))
    for key in ("sources", "articles", "releases"):
        out[key] = max(a.get(key, 0), b.get(key, 0))
    for key in ("order_years", "delivery_years"):
        out[key] = sorted(set(a.get(key, [])) | set(b.get(key, [])))
    statuses = dict(a.get("statuses", {}))
    for k, v in b.get("statuses", {}).items():
        statuses[k] = statuses.get(k, 0) + v
    out["statuses"] = statuses
    systems: dict[str, dict[str, Any]] = {x["iri"]: dict(x) for x in a.get("systems", [])}
    for x in b.get("systems", []):
        if x["iri"] in systems:
            systems[x["iri"]]["deals"] += x["deals"]
            systems[x["iri"]]["tiv"] += x["tiv"]
        else:
            systems[x["iri"]] = dict(x)
    out["systems"] = sorted(systems.values(), key=lambda x: (-x["tiv"], -x["deals"], x["label"]))
    years = {y: list(v) for y, v in a.get("years", {}).items()}
    for y, v in b.get("years", {}).items():
        cur = years.setdefault(y, [0.0, 0])
        cur[0] += v[0]
        cur[1] += v[1]
    out["years"] = years
    out["merged"] = a.get("merged", 1) + b.get("merged", 1)
    return out


def merge_nodes(
    g: nx.DiGraph, side_map: Callable[[str, str], str], synthetic: Mapping[str, dict[str, Any]]
) -> nx.DiGraph:
    """A copy of ``g`` where each edge's ends are renamed by ``side_map(node, side)``.

    ``side`` is ``"supplier"`` or ``"buyer"``; edges that land on the same pair are added
    up; ``synthetic`` gives the attributes (kind, label) of new node ids.  A party renamed
    on both ends into the same node is dropped as a self-loop.
    """
    h = nx.DiGraph(**g.graph)
    members: dict[str, set[str]] = {}
    for s, b, d in g.edges(data=True):
        s2, b2 = side_map(s, "supplier"), side_map(b, "buyer")
        if s2 == b2:
            continue
        for old, new in ((s, s2), (b, b2)):
            if new not in h:
                attrs = dict(synthetic[new]) if new in synthetic else dict(g.nodes[old])
                h.add_node(new, **attrs)
            if new in synthetic:
                members.setdefault(new, set()).add(old)
        if h.has_edge(s2, b2):
            h[s2][b2].update(_merge_edge(h[s2][b2], d))
        else:
            h.add_edge(s2, b2, **dict(d))
    for new, olds in members.items():
        h.nodes[new]["members"] = len(olds)
        h.nodes[new]["label"] = (
            f"{synthetic[new]['label']} ({len(olds)})" if len(olds) > 1 else (synthetic[new]["label"])
        )
    totals(h)
    return h


def one_unknown_per_side(g: nx.DiGraph) -> nx.DiGraph:
    """All unknown suppliers as one node, all unknown recipients as another."""

    def side_map(node: str, side: str) -> str:
        if g.nodes[node].get("kind") != "unknown":
            return node
        return UNKNOWN_SUPPLIER if side == "supplier" else UNKNOWN_RECIPIENT

    return merge_nodes(
        g,
        side_map,
        {
            UNKNOWN_SUPPLIER: {"kind": "unknown", "label": "unknown supplier(s)"},
            UNKNOWN_RECIPIENT: {"kind": "unknown", "label": "unknown recipient(s)"},
        },
    )


def _leaders(volumes: Mapping[str, float], share: float) -> set[str]:
    """The fewest parties (largest first) whose volumes add up to ``share`` of the total."""
    total = sum(volumes.values())
    keep: set[str] = set()
    acc = 0.0
    for node, v in sorted(volumes.items(), key=lambda kv: (-kv[1], kv[0])):
        if total and acc >= share * total:
            break
        keep.add(node)
        acc += v
    return keep


def fold_others(g: nx.DiGraph, share: float) -> nx.DiGraph:
    """Keep the suppliers and buyers carrying ``share`` of the volume; fold the rest.

    Volume is delivered TIV when the graph has any, else deals.  Unknown parties stay.
    """
    key = "tiv" if measure(g) == "tiv" else "deals"
    sup = {n: d[f"supplied_{key}"] for n, d in g.nodes(data=True) if d[f"supplied_{key}"] > 0}
    buy = {n: d[f"received_{key}"] for n, d in g.nodes(data=True) if d[f"received_{key}"] > 0}
    keep = _leaders(sup, share) | _leaders(buy, share) | UNKNOWN_SIDES
    if all(n in keep for n in g):
        return g

    def side_map(node: str, side: str) -> str:
        if node in keep:
            return node
        return OTHER_SUPPLIERS if side == "supplier" else OTHER_BUYERS

    h = merge_nodes(
        g,
        side_map,
        {
            OTHER_SUPPLIERS: {"kind": "others", "label": "other suppliers"},
            OTHER_BUYERS: {"kind": "others", "label": "other buyers"},
        },
    )
    h.graph["folded"] = sum(1 for n in g if n not in keep)
    return h


def node_volume(d: Mapping[str, Any], key: str) -> float:
    """A node's volume as supplier plus as buyer, in ``key`` (``tiv`` or ``deals``)."""
    return float(d[f"supplied_{key}"] + d[f"received_{key}"])


def edge_years(d: Mapping[str, Any]) -> list[list[float]]:
    """The edge's yearly volumes as the page reads them: ``[[year, TIV, deals], ...]``."""
    return [[y, round(v[0], 3), int(v[1])] for y, v in sorted(d.get("years", {}).items())]


def year_bounds(g: nx.DiGraph, filters: kn.Filters) -> tuple[int, int] | None:
    """First and last year with data (inside the filters' range), or None."""
    years = [y for _, _, d in g.edges(data=True) for y in d.get("years", {})]
    if not years:
        return None
    lo, hi = min(years), max(years)
    if filters.year_from is not None:
        lo = max(lo, filters.year_from)
    if filters.year_to is not None:
        hi = min(hi, filters.year_to)
    return lo, hi


def latest_full_period(lo: int, hi: int, length: int = 5) -> tuple[int, int]:
    """The last ``length``-year period (aligned on 1950) that ends by ``hi``; else the range."""
    a, z = kn.period_of(hi, length)
    if z > hi:
        a, z = a - length, z - length
    if a < lo:
        return lo, hi
    return a, z
