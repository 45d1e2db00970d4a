"""Shares, HHI, PageRank and centrality: what the report and the views measure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import networkx as nx

from kg.analysis.network.filters import Filters, resolve_filters, store_labels
from kg.analysis.network.queries import (
    party_info,
    yearly_imports,
)
from kg.analysis.network.rows import (
    _tail,
)
from kg.store import Store
from kg.vocab.parties import resolve_party_iri


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
    buyer_iri = str(resolve_party_iri(buyer, labels=store_labels(store)))
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
