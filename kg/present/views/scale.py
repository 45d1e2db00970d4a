"""Graphs that read at register scale: yearly data, one node per unknown side, "others".

The SIPRI register has one "unknown supplier(s)"/"unknown recipient(s)" party per
context (dozens of them); a view shows one of each, their deals added up.  The global
view keeps the suppliers and buyers that carry ``share`` (default 90%) of the volume and
folds the rest into "other suppliers"/"other buyers".  Every edge carries its volume per
year (``years``: ``{year: [TIV, deals]}``) so the page can filter by year itself.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from kg.analysis import network as kn
from kg.store import EmbeddedStore, Store

UNKNOWN_SUPPLIER = "kg-view:unknown-supplier"
UNKNOWN_RECIPIENT = "kg-view:unknown-recipient"
OTHER_SUPPLIERS = "kg-view:other-suppliers"
OTHER_BUYERS = "kg-view:other-buyers"
UNKNOWN_SIDES = {UNKNOWN_SUPPLIER, UNKNOWN_RECIPIENT}
OTHER_SIDES = {OTHER_SUPPLIERS, OTHER_BUYERS}
#: the "others" node of each side of a pair
OTHER_SIDE = {"supplier": OTHER_SUPPLIERS, "buyer": OTHER_BUYERS}


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
    if tivless is None and _composing(store, filters) and not (filters.supplier or filters.buyer):
        tivless = kn.tivless_deliveries(store)  # asked once, not once per release composed
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
    composed = _latest_release_years(store, filters, years, tivless)
    if composed is not None:
        years, fed, g.graph["release_years"] = composed
        _add_pairs(store, g, sorted(p for p in years if not g.has_edge(*p)))
        for pair, iris_ in fed.items():  # the releases that fed an edge are among its sources
            e = g.edges[pair]
            new = sorted(iris_ - set(e["graphs"]))
            e["graphs"] = [*e["graphs"], *new]
            e["sources"] += len(new)
            e["releases"] += len(new)
    for s, b in list(g.edges):
        e = g[s][b]
        e["years"] = years.get((s, b), {})  # fresh lists from kn.pair_years: no copy needed
        if filters.has_years or composed is not None:
            if not e["years"]:
                g.remove_edge(s, b)
                continue
            e["tiv"] = math.fsum(v[0] for v in e["years"].values())  # exact: any year order
            e["deals"] = int(sum(v[1] for v in e["years"].values()))
        if filters.min_tiv is not None and e["tiv"] < filters.min_tiv:
            g.remove_edge(s, b)
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    totals(g)
    return g


def _latest_release_years(
    store: Store,
    filters: kn.Filters,
    years: dict[tuple[str, str], dict[int, list[float]]],
    tivless: bool | None,
) -> (
    tuple[
        dict[tuple[str, str], dict[int, list[float]]],
        dict[tuple[str, str], set[str]],
        dict[str, dict[int, str]],
    ]
    | None
):
    """Each year's figures from the release :func:`kg.releases.choose` picks for that year.

    ``years`` come from the one release chosen for the whole selection (the one covering
    all of it: with SIPRI's 2024 and 2026 registers, the 2024 one); releases are versions
    whose coverage differs, so, as in the report, delivered TIV of a year comes from the
    latest release whose deliveries cover that year, and deals by order year from the
    latest covering orders (the 2026 register has no orders).  None when one release (or
    ``--release``) feeds everything; else the figures, per pair the releases that fed them,
    and per measure (``deliveries``: TIV by delivery year, ``orders``: deals by order year)
    the release each year's figures came from (:func:`release_years`: the page's sources line).
    """
    from kg.queries import releases as kr

    rels = [r for r in kr.register_releases(store) if r.deals]
    if not _composing(store, filters):
        return None
    excluded = set(filters.exclude_graphs or ())
    per_release = {r.iri: years for r in rels if r.iri not in excluded}
    # a release never chosen for orders (the 2026 register beside the 2024 one) feeds no deal
    # counts: its scan of the order years is skipped (every year kg reads: 1800-2199)
    orders_from = {getattr(kr.choose(rels, "orders", y, y), "iri", None) for y in range(1800, 2200)}
    for r in rels:
        if r.iri not in per_release:
            f = replace(filters, exclude_graphs=kr.excluded(rels, r))
            deals = None if r.iri in orders_from else {}
            per_release[r.iri] = kn.pair_years(
                store, f, tiv=kn.tiv_by_year(store, f, tivless=tivless), deals=deals
            )
    all_years = sorted({y for pr in per_release.values() for ys in pr.values() for y in ys})
    pick = {
        y: tuple(getattr(kr.choose(rels, m, y, y), "iri", None) for m in ("deliveries", "orders"))
        for y in all_years
    }
    out: dict[tuple[str, str], dict[int, list[float]]] = defaultdict(dict)
    fed: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_year: dict[str, dict[int, str]] = {"deliveries": {}, "orders": {}}
    for iri, pr in per_release.items():
        for pair, ys in pr.items():
            for y, v in ys.items():
                for col, m in ((0, "deliveries"), (1, "orders")):
                    if pick[y][col] == iri and v[col]:
                        out[pair].setdefault(y, [0.0, 0])[col] = v[col]
                        fed[pair].add(iri)
                        by_year[m][y] = iri
    return dict(out), dict(fed), by_year


def release_years(*graphs: nx.DiGraph) -> dict[str, dict[int, str]] | None:
    """Per measure, the register release each year's figures of ``graphs`` (from
    :func:`timed_graph`) came from; None when one release fed them all (no composition)."""
    out: dict[str, dict[int, str]] = {}
    for g in graphs:
        for m, ys in g.graph.get("release_years", {}).items():
            out.setdefault(m, {}).update(ys)
    return out or None


def _composing(store: Store, filters: kn.Filters) -> bool:
    """Whether :func:`_latest_release_years` composes releases: two or more hold deals and
    ``--release`` names none."""
    from kg.queries import releases as kr

    return not filters.release and sum(1 for r in kr.register_releases(store) if r.deals) >= 2


def _add_pairs(store: Store, g: nx.DiGraph, pairs: list[tuple[str, str]]) -> None:
    """Edges for pairs only another release knows (their yearly figures come from it)."""
    if not pairs:
        return
    parties = kn.party_info(store, {x for p in pairs for x in p if x not in g})
    for s, b in pairs:
        for n in (s, b):
            if n not in g:
                kind, label = parties.get(n, ("party", n.rsplit("/", 1)[-1]))
                g.add_node(n, kind=kind, label=label)
        g.add_edge(
            s, b, graphs=[], deals=0, sources=0, articles=0, releases=0, order_years=[], delivery_years=[],
            tiv=0.0, value_usd=0.0, valued_deals=0, corroborated=0, statuses={}, systems=[],
        )  # fmt: skip


def totals(g: nx.DiGraph) -> None:
    """Recompute every node's supplied/received TIV and deals from its edges.

    TIV is added with :func:`math.fsum`, so a node's total does not depend on the order of
    its edges (which follows the rows of the store).
    """
    tiv: dict[tuple[str, str], list[float]] = defaultdict(list)
    for n in g:
        g.nodes[n].update(supplied_deals=0, received_deals=0)
    for s, b, d in g.edges(data=True):
        tiv[(s, "supplied_tiv")].append(d["tiv"])
        tiv[(b, "received_tiv")].append(d["tiv"])
        g.nodes[s]["supplied_deals"] += d["deals"]
        g.nodes[b]["received_deals"] += d["deals"]
    for n in g:
        for side in ("supplied_tiv", "received_tiv"):
            g.nodes[n][side] = math.fsum(tiv.get((n, side), ()))


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

    names = {UNKNOWN_SUPPLIER: "unknown supplier(s)", UNKNOWN_RECIPIENT: "unknown recipient(s)"}
    h = merge_nodes(g, side_map, {n: {"kind": "unknown", "label": label} for n, label in names.items()})
    # the page counts the parties each node stands for in the selected years (its label
    # "unknown supplier(s) (N)" follows the slider): each member's years with volume,
    # ``[]`` for a member without dated volume (always counted, as undated edges are drawn)
    years: dict[str, dict[str, set[int]]] = {n: {} for n in names}
    for s, b, d in g.edges(data=True):
        dated = {y for y, v in d.get("years", {}).items() if v[0] > 0 or v[1] > 0}
        for node, side in ((s, UNKNOWN_SUPPLIER), (b, UNKNOWN_RECIPIENT)):
            if side_map(node, "supplier" if side == UNKNOWN_SUPPLIER else "buyer") == side:
                years[side].setdefault(node, set()).update(dated)
    h.graph["unknown_members"] = {
        n: [sorted(ys) for _, ys in sorted(m.items())] for n, m in years.items() if n in h
    }
    for n, label in names.items():
        if n in h:
            h.nodes[n]["name"] = label  # the label without the all-years count
    return h


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


def periods(lo: int, hi: int, length: int = 5) -> list[tuple[int, int]]:
    """The page's play steps: ``length``-year periods aligned on 1950, clipped to ``lo``-``hi``."""
    first = kn.period_of(lo, length)[0]
    return [(max(a, lo), min(a + length - 1, hi)) for a in range(first, hi + 1, length)]


@dataclass
class FoldPlan:
    """What the page needs to fold "others" itself for any year range.

    The page recomputes, for the selected range, which suppliers and buyers carry
    ``share`` of the volume (:func:`_leaders`' rule) and folds the rest into the two
    "others" nodes.  It can draw only ``candidates`` (those leading the whole range or
    one of its 5-year periods, plus the unknown sides): they are placed together, so no
    two of their labels overlap whatever the range shows.  A party outside them is always
    folded; ``raw`` holds the pairs with such an end (supplier, buyer, yearly volumes as
    :func:`edge_years`) so the fold's totals and members stay exact.  ``keep``: the
    parties drawn at the opening range (the whole one).
    """

    share: float
    candidates: set[str]
    keep: set[str]
    raw: list[list[Any]]
    #: every pair's :func:`edge_years` (computed once: the page payload reuses them)
    rows: dict[tuple[str, str], list[list[float]]]


def fold_plan(g: nx.DiGraph, share: float, key: str, lo: int, hi: int) -> FoldPlan:
    """The :class:`FoldPlan` of ``g`` (unknowns merged; edges with ``years``) for ``lo``-``hi``.

    Volumes are read from :func:`edge_years` (rounded as the page reads them), so the
    parties kept at the opening range are those the page keeps.
    """
    col = 1 if key == "tiv" else 2
    steps = periods(lo, hi)
    first = steps[0][0] if steps else lo
    # window 0 is the whole range, window i the i-th period
    sup: list[dict[str, float]] = [defaultdict(float) for _ in range(len(steps) + 1)]
    buy: list[dict[str, float]] = [defaultdict(float) for _ in range(len(steps) + 1)]
    years_of: dict[tuple[str, str], list[list[float]]] = {}
    for s, b, d in g.edges(data=True):
        rows = years_of[(s, b)] = edge_years(d)
        for y, tiv, deals in rows:
            if not (lo <= y <= hi and (tiv > 0 or deals > 0)):
                continue
            v = (y, tiv, deals)[col]
            for w in (0, 1 + (kn.period_of(int(y))[0] - kn.period_of(first)[0]) // 5):
                sup[w][s] += v
                buy[w][b] += v

    def leaders(w: int) -> set[str]:
        return _leaders({n: v for n, v in sup[w].items() if v > 0}, share) | _leaders(
            {n: v for n, v in buy[w].items() if v > 0}, share
        )

    unknown = UNKNOWN_SIDES & set(g)
    keep = leaders(0) | unknown
    candidates = set(keep)
    for w in range(1, len(steps) + 1):
        candidates |= leaders(w)
    raw = [[s, b, rows] for (s, b), rows in years_of.items() if s not in candidates or b not in candidates]
    return FoldPlan(share, candidates, keep, raw, years_of)


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
