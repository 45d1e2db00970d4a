"""The side panel's entries (edges, nodes) and the year slider's data."""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.analysis import network as kn
from kg.present.views import layout, scale
from kg.present.views.style import (
    KIND_NAMES,
    _amounts,
    _edge_style,
    _edge_tooltip,
    _edge_width,
    _fmt,
    _money,
    _volume_in,
    _years_text,
)


def _edge_details(
    g: nx.DiGraph, s: str, b: str, d: dict[str, Any], deals: list[kn.DealRecord] | None = None
) -> dict[str, Any]:
    # rows marked "range": the page replaces them with the selected years' figures
    rows = [
        ["Deals", str(d["deals"]), "range"],
        ["Delivered TIV", _fmt(d["tiv"]) if d["tiv"] > 0 else "none in these sources", "range"],
        ["Reported value", _money(d["value_usd"]) if d["valued_deals"] else "none reported"],
        ["Ordered", _years_text(d["order_years"])],
        ["Delivered", _years_text(d["delivery_years"])],
        ["Status", ", ".join(f"{k} {v}" for k, v in sorted(d["statuses"].items())) or "unknown"],
        ["Sources", f"{d['releases']} register release(s), {d['articles']} article(s)"],
        ["Corroborated deals", str(d["corroborated"])],
    ]
    sections: list[dict[str, Any]] = [{"heading": "Summary", "rows": rows}]
    if d["systems"]:
        sections.append(
            {
                "heading": "Systems",
                "items": [
                    {
                        "text": f"{x['label']}",
                        "meta": f"{x['category'] or 'category unknown'} · {x['deals']} deal(s)"
                        + (f" · {_fmt(x['tiv'])} TIV" if x["tiv"] else ""),
                    }
                    for x in d["systems"][:25]
                ],
            }
        )
    if deals:
        items = []
        for r in deals[:40]:
            srcs = (
                ", ".join(
                    s.title + (f" row {_row_of(r, s)}" if s.kind == "release" else "") for s in r.sources
                )
                or "no source"
            )
            items.append(
                {
                    "text": f"{r.system_label} ({r.order_year or 'year unknown'})",
                    "meta": f"{', '.join(r.statuses) or 'status unknown'} · {_fmt(r.tiv)} TIV · {srcs}",
                }
            )
        sections.append({"heading": "Largest deals (all years of the view)", "items": items})
        arts = {}
        for r in deals:
            for src in r.sources:
                if src.kind == "article":
                    arts[src.iri] = src
        if arts:
            sections.append(
                {
                    "heading": "Articles",
                    "items": [
                        {"text": a.title, "url": a.url, "meta": a.date or ""}
                        for a in sorted(arts.values(), key=lambda a: a.date or "")
                    ],
                }
            )
    return {
        "title": f"{g.nodes[s]['label']} → {g.nodes[b]['label']}",
        "subtitle": "supplier → buyer",
        "sections": sections,
    }


def _row_of(rec: kn.DealRecord, src: kn.SourceRef) -> str:
    rows = [str(n) for t, n in rec.rows if t == src.title]
    return ", ".join(rows) if rows else "?"


def _node_details(data: dict[str, Any]) -> dict[str, Any]:
    rows = [
        ["Kind", KIND_NAMES.get(data["kind"], data["kind"])],
        ["Exports", _amounts(data["supplied_tiv"], data["supplied_deals"]), "range"],
        ["Imports", _amounts(data["received_tiv"], data["received_deals"]), "range"],
    ]
    for key in ("pagerank",):
        if key in data:
            rows.append(["PageRank", f"{data[key]:.4f}"])
    return {
        "title": data["label"],
        "subtitle": "",
        "sections": [{"heading": "Totals (filtered)", "rows": rows}],
    }


# --------------------------------------------------------------------------- time and scale
def _time_payload(
    g: nx.DiGraph,
    key: str,
    edge_ids: dict[tuple[str, str], str],
    filters: kn.Filters,
    *,
    focus: str | None = None,
    sizes_ref: float,
    default: str = "all",
    rows: dict[tuple[str, str], list[list[float]]] | None = None,
) -> dict[str, Any] | None:
    """What the page's year slider needs: every edge's yearly volumes and the size scale.

    ``default`` is ``"all"`` (open on the whole range) or ``"latest"`` (the latest full
    5-year period).  None when the graph has no dated volume (the page then has no slider).
    ``rows``: the edges' :func:`kg.views.scale.edge_years` when the caller has them.
    """
    rows = rows or {}
    bounds = scale.year_bounds(g, filters)
    if bounds is None:
        return None
    lo, hi = bounds
    start, end = scale.latest_full_period(lo, hi) if default == "latest" else (lo, hi)
    return {
        "min": lo,
        "max": hi,
        "from": start,
        "to": end,
        "period": 5,
        "measure": key,
        "focus": focus,
        "sizeRef": sizes_ref,
        "sizeMin": layout.SIZE_MIN,
        "sizeMax": layout.SIZE_MAX,
        "edges": {eid: rows.get((s, b)) or scale.edge_years(g[s][b]) for (s, b), eid in edge_ids.items()},
        # the unknown parties' nodes: each member's years (the page counts them per range)
        "members": {n: m for n, m in g.graph.get("unknown_members", {}).items() if n in g},
    }


def _edge_entries(
    g: nx.DiGraph,
    key: str,
    *,
    systems_on_edges: int | None = None,
    by_pair: dict[tuple[str, str], list[kn.DealRecord]] | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[list[dict[str, Any]], dict[str, Any], dict[tuple[str, str], str]]:
    """The page's edges (``e<i>``), their side-panel entries and the pair -> id map.

    ``systems_on_edges``: label each edge with its top systems (the country view);
    ``by_pair``: the deals each edge's entry lists; edges touching a ``skip`` node are left
    out (the page draws them; their index stays taken so ids do not depend on them).
    """
    edges, details, edge_ids = [], {}, {}
    eref = max((_volume_in(d, key) for _, _, d in g.edges(data=True)), default=1.0)
    for i, (s, b, d) in enumerate(g.edges(data=True)):
        if skip & {s, b}:
            continue
        edge_ids[(s, b)] = f"e{i}"
        edge = {"id": f"e{i}", "from": s, "to": b, "width": _edge_width(_volume_in(d, key), eref)}
        if systems_on_edges is not None:
            edge["label"] = ", ".join(x["label"] for x in d["systems"][:systems_on_edges])
        edges.append({**edge, "tooltip": _edge_tooltip(g, s, b, d), "detail": f"e:{i}", **_edge_style(d)})
        deals = by_pair.get((s, b), []) if by_pair is not None else None
        details[f"e:{i}"] = {**_edge_details(g, s, b, d, deals), "edge": f"e{i}"}
    return edges, details, edge_ids
