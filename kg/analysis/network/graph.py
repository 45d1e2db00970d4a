"""The filtered supplier -> buyer networkx DiGraph, assembled from the aggregates."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

from kg.analysis.network.filters import Filters, _q, resolve_filters
from kg.analysis.network.fx import _deal_usd
from kg.analysis.network.queries import (
    _CORROBORATED_Q,
    _DELIVERY_YEARS_Q,
    _GRAPH_KINDS_Q,
    _STATUS_Q,
    _SYSTEMS_Q,
    _VALUE_Q,
    edge_query,
    party_info,
    system_info,
    tiv_by_year,
)
from kg.analysis.network.rows import (
    _STATUS_KEYS,
    _has,
    _int,
    _num,
    _select,
    _tail,
    _years,
)
from kg.store import Store
from kg.vocab import ns

#: Above this many supplier->buyer pairs, ``build_graph(detail=None)`` skips systems,
#: values and delivery-year lists (each is a scan of every selected deal: seconds on the
#: full register), so the global view stays interactive.
DETAIL_LIMIT = 1000


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
                e["tiv"] = math.fsum(years.values())  # exact: any year order
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
    edge_q = edge_query(filters, links=has_links, deal_years=with_deal_years)
    # in pair order, not the engine's (its group order varies with the join it chose): the
    # graph's node and edge order, hence the views' layout, is the same on every store
    for r in sorted(_q(store, edge_q, filters), key=lambda r: (str(r["s"]), str(r["b"]))):
        if with_deal_years:
            pair: dict[int, int] = deal_years[(str(r["s"]), str(r["b"]))]
            # "year key year key ...": the distinct (year, deal key) pairs, counted per year
            for y, n in Counter(str(r.get("oyKeys") or "").split()[::2]).items():
                pair[_int(y)] = pair.get(_int(y), 0) + n
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
