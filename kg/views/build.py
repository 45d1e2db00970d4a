"""The three views: the supplier/buyer network, a country's ego view and the deals view.

Each ``*_view`` function returns a :class:`kg.views.render.View` (plain data; tests look at
it directly) and each ``write_*`` renders and writes it.  Positions are precomputed with
networkx layouts and vis physics stays off, so even the global SIPRI network (hundreds of
parties, thousands of edges) is drawn at once instead of animating for minutes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx

from kg import network as kn
from kg.store import Store
from kg.views.render import View, render_html, write_html

ROLE_COLOURS = {
    "supplier": "#2b6cb0",
    "buyer": "#dd6b20",
    "both": "#805ad5",
    "focus": "#c53030",
}
EDGE_COLOURS = {
    "register": "#a0aec0",
    "corroborated": "#d69e2e",
    "articles": "#e53e3e",
}
CATEGORY_COLOURS = {
    "aircraft": "#3182ce",
    "air-defence": "#38a169",
    "anti-submarine": "#319795",
    "armoured-vehicles": "#975a16",
    "artillery": "#718096",
    "engines": "#4a5568",
    "missiles": "#e53e3e",
    "naval-weapons": "#2c7a7b",
    "satellites": "#553c9a",
    "sensors": "#b7791f",
    "ships": "#2a4365",
    "other": "#a0aec0",
    None: "#cbd5e0",
}
KIND_SHAPES = {
    "country": "dot",
    "company": "square",
    "agency": "square",
    "org": "star",
    "group": "triangle",
    "unknown": "diamond",
    "party": "dot",
}
KIND_NAMES = {
    "country": "country",
    "company": "company",
    "agency": "government agency",
    "org": "international organisation",
    "group": "non-state armed group",
    "unknown": "unknown party",
    "party": "party",
}


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 10 else f"{x:,.1f}"


def _money(usd: float) -> str:
    if usd >= 1e9:
        return f"US${usd / 1e9:,.2f} bn"
    if usd >= 1e6:
        return f"US${usd / 1e6:,.1f} m"
    return f"US${usd:,.0f}"


def _years_text(years: list[int]) -> str:
    if not years:
        return "unknown"
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _role(data: dict[str, Any]) -> str:
    sup, buy = data["supplied_deals"] > 0, data["received_deals"] > 0
    return "both" if sup and buy else "supplier" if sup else "buyer"


def _node_tooltip(data: dict[str, Any]) -> str:
    lines = [data["label"], KIND_NAMES.get(data["kind"], data["kind"])]
    if data["supplied_deals"]:
        lines.append(f"Exports: {_fmt(data['supplied_tiv'])} TIV delivered, {data['supplied_deals']} deals")
    if data["received_deals"]:
        lines.append(f"Imports: {_fmt(data['received_tiv'])} TIV delivered, {data['received_deals']} deals")
    return "\n".join(lines)


def _edge_tooltip(g: nx.DiGraph, s: str, b: str, d: dict[str, Any], n_systems: int = 5) -> str:
    lines = [
        f"{g.nodes[s]['label']} → {g.nodes[b]['label']}",
        f"{d['deals']} deal{'s' if d['deals'] != 1 else ''} · {_fmt(d['tiv'])} TIV delivered",
    ]
    if d["valued_deals"]:
        lines.append(f"Reported value: {_money(d['value_usd'])} ({d['valued_deals']} deal(s) with a value)")
    lines.append(f"Ordered: {_years_text(d['order_years'])} · delivered: {_years_text(d['delivery_years'])}")
    if d["statuses"]:
        lines.append("Status: " + ", ".join(f"{k} {v}" for k, v in sorted(d["statuses"].items())))
    if d["systems"]:
        top = d["systems"][:n_systems]
        more = len(d["systems"]) - len(top)
        lines.append(
            "Systems: " + ", ".join(s["label"] for s in top) + (f" (+{more} more)" if more > 0 else "")
        )
    src = [f"{d['releases']} register release(s)"] if d["releases"] else []
    if d["articles"]:
        src.append(f"{d['articles']} article(s)")
    if d["sources"] - d["releases"] - d["articles"] > 0:
        src.append(f"{d['sources'] - d['releases'] - d['articles']} other source(s)")
    lines.append("Sources: " + ", ".join(src))
    if d["corroborated"]:
        lines.append(f"{d['corroborated']} deal(s) corroborated by more than one source")
    return "\n".join(lines)


def _edge_style(d: dict[str, Any]) -> dict[str, Any]:
    if d["corroborated"]:
        return {"color": {"color": EDGE_COLOURS["corroborated"], "opacity": 0.95}, "dashes": False}
    if d["releases"] == 0:
        return {"color": {"color": EDGE_COLOURS["articles"], "opacity": 0.85}, "dashes": True}
    return {"color": {"color": EDGE_COLOURS["register"], "opacity": 0.55}, "dashes": False}


def _volume(d: dict[str, Any]) -> float:
    """Edge/node weight for sizes: TIV when known, else a small per-deal amount."""
    return d["tiv"] if d["tiv"] > 0 else 1.0 * d["deals"]


def _node_volume(d: dict[str, Any]) -> float:
    """A node's size: its volume as supplier plus as buyer (never zero, so it stays visible)."""
    return max(
        _volume(
            {
                "tiv": d["supplied_tiv"] + d["received_tiv"],
                "deals": d["supplied_deals"] + d["received_deals"],
            }
        ),
        0.1,
    )


def _positions(g: nx.DiGraph, *, seed: int = 7, iterations: int = 80) -> dict[str, tuple[float, float]]:
    """Force-directed positions (Fruchterman-Reingold in numpy; no scipy needed).

    Edges attract in proportion to log(1 + volume), so big trading pairs sit close;
    isolated components are pulled in by a weak gravity so nothing drifts off-screen.
    """
    import numpy as np

    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {v: i for i, v in enumerate(nodes)}
    w = np.zeros((n, n))
    for s, b, d in g.edges(data=True):
        x = 1.0 + math.log1p(_volume(d))
        w[index[s], index[b]] += x
        w[index[b], index[s]] += x
    w /= w.max() or 1.0
    rng = np.random.default_rng(seed)
    w = w.astype(np.float32)
    pos = rng.uniform(-1, 1, size=(n, 2)).astype(np.float32)
    k = np.float32(1.6 / math.sqrt(n))
    t = 0.2
    steps = iterations if n <= 250 else max(25, iterations * 250 // n)
    for _ in range(steps):
        dx = pos[:, 0:1] - pos[:, 0]
        dy = pos[:, 1:2] - pos[:, 1]
        dist2 = dx * dx + dy * dy
        np.fill_diagonal(dist2, 1.0)
        np.maximum(dist2, 1e-4, out=dist2)
        coef = k * k / dist2 - w * np.sqrt(dist2) / k
        disp = np.stack([(coef * dx).sum(axis=1), (coef * dy).sum(axis=1)], axis=1)
        disp -= 0.2 * math.sqrt(n) * pos  # gravity keeps components together
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, t)[:, None]
        t = max(t * (0.96 if steps == iterations else 0.92), 0.002)
    pos -= pos.mean(axis=0)
    # scale so that the median distance to the nearest neighbour is about 110 px
    delta = pos[:, None, :] - pos[None, :, :]
    dist = np.sqrt((delta**2).sum(axis=-1))
    np.fill_diagonal(dist, np.inf)
    nearest = float(np.median(dist.min(axis=1))) or 1.0
    scale = 110.0 / nearest
    return {v: (float(pos[i, 0]) * scale, float(pos[i, 1]) * scale) for i, v in enumerate(nodes)}


def _options(*, smooth: bool, labels_on_edges: bool = False, hierarchical: bool = False) -> dict[str, Any]:
    opts: dict[str, Any] = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": True,
            "navigationButtons": False,
            "multiselect": False,
        },
        "nodes": {
            "scaling": {"min": 8, "max": 48, "label": {"enabled": True, "min": 12, "max": 28}},
            "font": {"size": 13, "face": "system-ui, sans-serif", "multi": False},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "scaling": {"min": 1, "max": 12},
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15} if smooth else False,
            "font": {"size": 11, "align": "middle", "strokeWidth": 3, "multi": False},
        },
    }
    if not labels_on_edges:
        opts["edges"]["font"]["size"] = 0
    if hierarchical:
        opts["edges"]["smooth"] = False
    return opts


def _legend_roles(extra: Iterable[dict[str, str]] = ()) -> list[dict[str, str]]:
    return [
        {"label": "supplier", "color": ROLE_COLOURS["supplier"]},
        {"label": "buyer", "color": ROLE_COLOURS["buyer"]},
        {"label": "supplier and buyer", "color": ROLE_COLOURS["both"]},
        *extra,
        {"label": "register deals", "color": EDGE_COLOURS["register"], "line": "solid"},
        {
            "label": "corroborated (register + article, or several sources)",
            "color": EDGE_COLOURS["corroborated"],
            "line": "solid",
        },
        {"label": "articles only", "color": EDGE_COLOURS["articles"], "line": "dashed"},
        {
            "label": "shape: ● country ■ company/agency ★ organisation ▲ armed group ◆ unknown",
            "color": "",
        },
        {
            "label": "size: delivered TIV (SIPRI trend-indicator value); arrows: supplier → buyer",
            "color": "",
        },
    ]


def _edge_details(
    g: nx.DiGraph, s: str, b: str, d: dict[str, Any], deals: list[kn.DealRecord] | None = None
) -> dict[str, Any]:
    rows = [
        ["Deals", str(d["deals"])],
        ["Delivered TIV", _fmt(d["tiv"])],
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
        sections.append({"heading": "Largest deals", "items": items})
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
        ["Exports", f"{_fmt(data['supplied_tiv'])} TIV, {data['supplied_deals']} deals"],
        ["Imports", f"{_fmt(data['received_tiv'])} TIV, {data['received_deals']} deals"],
    ]
    for key in ("pagerank",):
        if key in data:
            rows.append(["PageRank", f"{data[key]:.4f}"])
    return {
        "title": data["label"],
        "subtitle": "",
        "sections": [{"heading": "Totals (filtered)", "rows": rows}],
    }


# --------------------------------------------------------------------------- network view
def network_view(store: Store, filters: kn.Filters | None = None, *, graph: nx.DiGraph | None = None) -> View:
    """The supplier -> buyer network for ``filters`` (all parties when unfiltered)."""
    filters = kn.resolve_filters(store, filters or kn.Filters())
    g = graph if graph is not None else kn.build_graph(store, filters)
    cent = kn.centrality(g)
    pos = _positions(g)
    big = g.number_of_edges() > 400
    nodes = []
    for n, d in g.nodes(data=True):
        d = {**d, **cent.get(n, {})}
        nodes.append(
            {
                "id": n,
                "label": d["label"],
                "tooltip": _node_tooltip(d),
                "detail": "n:" + n,
                "value": _node_volume(d),
                "color": ROLE_COLOURS[_role(d)],
                "shape": KIND_SHAPES.get(d["kind"], "dot"),
                "x": pos[n][0],
                "y": pos[n][1],
            }
        )
    edges, details = [], {}
    for i, (s, b, d) in enumerate(g.edges(data=True)):
        edges.append(
            {
                "id": f"e{i}",
                "from": s,
                "to": b,
                "value": _volume(d),
                "tooltip": _edge_tooltip(g, s, b, d),
                "detail": f"e:{i}",
                **_edge_style(d),
            }
        )
        details[f"e:{i}"] = _edge_details(g, s, b, d)
    for n, d in g.nodes(data=True):
        details["n:" + n] = _node_details({**d, **cent.get(n, {})})
    labels = {n: g.nodes[n]["label"] for n in g}
    title = "Arms transfers: supplier → buyer network"
    subtitle = (
        f"{filters.describe(labels)} · {g.number_of_nodes()} parties, {g.number_of_edges()} "
        f"supplier→buyer pairs · edge width and node size: delivered TIV"
    )
    return View(
        title=title,
        subtitle=subtitle,
        sources_line=kn.describe_sources(kn.graph_sources(store, g)),
        nodes=nodes,
        edges=edges,
        options=_options(smooth=not big),
        legend=_legend_roles(),
        details=details,
    )


# --------------------------------------------------------------------------- country view
def country_view(
    store: Store, name: str, filters: kn.Filters | None = None, *, systems_on_edges: int = 2
) -> View:
    """A country's (or any party's) suppliers on the left and customers on the right.

    Edges are labelled with their top systems; corroborated edges are gold, article-only
    edges dashed red.  Clicking an edge lists the largest deals and the articles.
    """
    focus = str(kn.party_iri_for(name, store))
    base = kn.resolve_filters(store, filters or kn.Filters())
    if base.supplier or base.buyer:
        raise kn.UnknownName("the country view takes no --supplier/--buyer (the country is both)")
    g_in = kn.build_graph(store, replace(base, buyer=focus), detail=True)
    g_out = kn.build_graph(store, replace(base, supplier=focus), detail=True)
    g = nx.compose(g_in, g_out)
    if focus not in g:
        label = kn.party_info(store, [focus]).get(focus, ("party", name))[1]
        g.add_node(
            focus,
            kind="country",
            label=label,
            supplied_tiv=0.0,
            supplied_deals=0,
            received_tiv=0.0,
            received_deals=0,
        )
    # node totals are ego totals: recompute from the composed edges
    for n in g:
        g.nodes[n].update(supplied_tiv=0.0, supplied_deals=0, received_tiv=0.0, received_deals=0)
    for s, b, d in g.edges(data=True):
        g.nodes[s]["supplied_tiv"] += d["tiv"]
        g.nodes[s]["supplied_deals"] += d["deals"]
        g.nodes[b]["received_tiv"] += d["tiv"]
        g.nodes[b]["received_deals"] += d["deals"]
    deals = kn.deal_records(store, replace(base, buyer=focus), limit=None) + kn.deal_records(
        store, replace(base, supplier=focus), limit=None
    )
    by_pair: dict[tuple[str, str], list[kn.DealRecord]] = {}
    for r in deals:
        by_pair.setdefault((r.supplier, r.buyer), []).append(r)

    suppliers = sorted((s for s, _ in g.in_edges(focus)), key=lambda s: -_volume(g[s][focus]))
    customers = sorted(
        (b for _, b in g.out_edges(focus) if b not in suppliers), key=lambda b: -_volume(g[focus][b])
    )
    pos = {focus: (0.0, 0.0)}
    for side, group in ((-1, suppliers), (1, customers)):
        k = len(group)
        radius = 260 + 22 * k
        for i, n in enumerate(group):
            angle = math.pi * (i + 1) / (k + 1) - math.pi / 2  # top to bottom
            pos[n] = (side * radius * math.cos(angle), radius * math.sin(angle))
    flabel = g.nodes[focus]["label"]
    nodes = []
    for n, d in g.nodes(data=True):
        if n == focus:
            colour = ROLE_COLOURS["focus"]
        else:
            colour = ROLE_COLOURS["supplier"] if n in suppliers else ROLE_COLOURS["buyer"]
        nodes.append(
            {
                "id": n,
                "label": d["label"],
                "tooltip": _node_tooltip(d),
                "detail": "n:" + n,
                "value": _node_volume(d),
                "color": colour,
                "shape": KIND_SHAPES.get(d["kind"], "dot"),
                "x": pos[n][0],
                "y": pos[n][1],
            }
        )
    edges, details = [], {}
    for i, (s, b, d) in enumerate(g.edges(data=True)):
        top = ", ".join(x["label"] for x in d["systems"][:systems_on_edges])
        edges.append(
            {
                "id": f"e{i}",
                "from": s,
                "to": b,
                "value": _volume(d),
                "label": top,
                "tooltip": _edge_tooltip(g, s, b, d),
                "detail": f"e:{i}",
                **_edge_style(d),
            }
        )
        details[f"e:{i}"] = _edge_details(g, s, b, d, by_pair.get((s, b), []))
    for n, d in g.nodes(data=True):
        details["n:" + n] = _node_details(d)
    title = f"{flabel}: suppliers and customers"
    subtitle = (
        f"{base.describe()} · {len(suppliers)} suppliers (left) → {flabel} → {len(customers)} customers "
        f"(right) · edge labels: top systems"
    )
    uniq = {s.iri: s for s in kn.graph_sources(store, g)}
    return View(
        title=title,
        subtitle=subtitle,
        sources_line=kn.describe_sources(list(uniq.values())),
        nodes=nodes,
        edges=edges,
        options=_options(smooth=True, labels_on_edges=True),
        legend=_legend_roles([{"label": flabel, "color": ROLE_COLOURS["focus"]}]),
        details=details,
    )


# --------------------------------------------------------------------------- deals view
def deals_view(store: Store, filters: kn.Filters | None = None, *, limit: int = 300) -> View:
    """Supplier -> deal (labelled with its system) -> buyer; a click shows the deal's evidence."""
    filters = kn.resolve_filters(store, filters or kn.Filters())
    deals = kn.deal_records(store, filters, limit=limit)
    conflicts = _conflicts_by_deal(store, filters)
    wanted = [p for r in deals for p in (r.supplier, r.buyer)] + [
        p for p in (filters.supplier, filters.buyer) if p
    ]
    parties = kn.party_info(store, wanted)
    deals.sort(key=lambda r: (r.supplier_label, r.buyer_label, r.order_year or 0, r.system_label))
    sup_order = list(dict.fromkeys(r.supplier for r in deals))
    buy_order = list(dict.fromkeys(r.buyer for r in sorted(deals, key=lambda r: r.buyer_label)))
    gap = 46.0
    height = max(len(deals), 1) * gap

    def column(items: list[str]) -> dict[str, float]:
        step = height / max(len(items), 1)
        return {p: (i + 0.5) * step - height / 2 for i, p in enumerate(items)}

    sy, by = column(sup_order), column(buy_order)
    xs = max(500.0, height / 4)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    details: dict[str, Any] = {}
    seen: set[str] = set()
    for p, y, x, role in [(p, sy[p], -xs, "supplier") for p in sup_order] + [
        (p, by[p], xs, "buyer") for p in buy_order
    ]:
        nid = f"{role}:{p}"
        kind, label = parties.get(p, ("party", p.rsplit("/", 1)[-1]))
        if nid in seen:
            continue
        seen.add(nid)
        nodes.append(
            {
                "id": nid,
                "label": label,
                "tooltip": f"{label}\n{role}",
                "x": x,
                "y": y,
                "color": ROLE_COLOURS[role],
                "shape": KIND_SHAPES.get(kind, "dot"),
                "size": 16,
            }
        )
    for i, r in enumerate(deals):
        did = f"d{i}"
        y = (i + 0.5) * gap - height / 2
        label = f"{r.system_label} ({r.order_year})" if r.order_year else r.system_label
        nodes.append(
            {
                "id": did,
                "label": label,
                "x": 0.0,
                "y": y,
                "shape": "box",
                "detail": did,
                "color": {"background": CATEGORY_COLOURS.get(r.category, "#cbd5e0"), "border": "#2d3748"},
                "font": {"color": "#ffffff" if r.category else "#1a202c"},
                "tooltip": f"{r.supplier_label} → {r.system_label} → {r.buyer_label}\n"
                f"status: {', '.join(r.statuses) or 'unknown'}\nclick for sources",
            }
        )
        for a, b in ((f"supplier:{r.supplier}", did), (did, f"buyer:{r.buyer}")):
            edges.append(
                {
                    "id": f"{a}>{b}",
                    "from": a,
                    "to": b,
                    "detail": did,
                    "color": {"color": "#a0aec0", "opacity": 0.6},
                    "width": 1 + min(6.0, math.log1p(r.tiv)),
                }
            )
        details[did] = _deal_details(r, conflicts.get(r.iri, ()))
    cats = sorted({r.category for r in deals}, key=lambda c: c or "~")
    legend = [
        {"label": "supplier", "color": ROLE_COLOURS["supplier"]},
        {"label": "buyer", "color": ROLE_COLOURS["buyer"]},
    ]
    legend += [
        {"label": f"deal: {c or 'category unknown'}", "color": CATEGORY_COLOURS.get(c, "#cbd5e0")}
        for c in cats
    ]
    shown = f"{len(deals)} deal{'s' if len(deals) != 1 else ''}" + (
        f" (largest {limit} by TIV)" if len(deals) >= limit else ""
    )
    labels = {p: parties.get(p, ("", p))[1] for p in (filters.supplier, filters.buyer) if p}
    return View(
        title="Arms deals: supplier → system → buyer",
        subtitle=f"{filters.describe(labels)} · {shown} · click a deal for its status timeline and sources",
        sources_line=kn.describe_sources(kn.sources_used(store, filters)),
        nodes=nodes,
        edges=edges,
        options=_options(smooth=False, hierarchical=True),
        legend=legend,
        details=details,
        panel_hint="Click a deal (the boxes in the middle) for its status timeline and sources.",
    )


def _conflicts_by_deal(store: Store, filters: kn.Filters) -> dict[str, list[Any]]:
    """Where the sources of each deal (and its linked deals) disagree, keyed by deal IRI."""
    from kg.contradictions import ContradictionFilter, find_contradictions

    found = find_contradictions(
        store,
        ContradictionFilter(
            supplier=filters.supplier,
            buyer=filters.buyer,
            year_from=filters.year_from,
            year_to=filters.year_to,
        ),
    )
    out: dict[str, list[Any]] = {}
    for c in found:
        for deal in {c.deal, *c.deals}:
            out.setdefault(deal, []).append(c)
    return out


def _deal_details(r: kn.DealRecord, conflicts: Iterable[Any] = ()) -> dict[str, Any]:
    rows = [
        ["Supplier", r.supplier_label],
        ["Buyer", r.buyer_label],
        ["System", r.system_label],
        ["Category", r.category or "unknown"],
        ["Ordered", str(r.order_year or "unknown")],
        ["Quantity", str(r.quantity) if r.quantity is not None else "unknown"],
        ["Delivered TIV", _fmt(r.tiv)],
        ["Reported value", _money(r.value_usd) if r.value_usd else "none reported"],
        ["Status", ", ".join(r.statuses) or "unknown"],
    ]
    sections: list[dict[str, Any]] = [{"heading": "Deal", "rows": rows}]
    if r.timeline:
        sections.append(
            {
                "heading": "Status timeline",
                "items": [
                    {"text": f"{e.date or 'undated'} · {e.status}", "meta": e.source} for e in r.timeline
                ],
            }
        )
    items = []
    for s in r.sources:
        if s.kind == "release":
            rows_txt = ", ".join(str(n) for t, n in r.rows if t == s.title)
            items.append(
                {
                    "text": s.title,
                    "meta": f"register release, generated {s.date or '?'}"
                    + (f" · row {rows_txt}" if rows_txt else ""),
                }
            )
        else:
            items.append({"text": s.title, "url": s.url, "meta": f"article, {s.date or 'undated'}"})
    if items:
        sections.append({"heading": "Sources", "items": items})
    disagreements = [{"text": f"{c.field}: {c.side_by_side()}", "meta": c.note} for c in conflicts]
    if disagreements:
        sections.append({"heading": "Sources disagree", "items": disagreements})
    if r.evidence:
        sections.append(
            {
                "heading": "Evidence",
                "items": [{"text": src, "meta": date or "", "quote": text} for text, src, date in r.evidence],
            }
        )
    return {
        "title": f"{r.system_label}: {r.supplier_label} → {r.buyer_label}",
        "subtitle": r.iri,
        "sections": sections,
    }


# --------------------------------------------------------------------------- writers
def write_view(view: View, path: str | Path) -> Path:
    """Render ``view`` and write it atomically as UTF-8."""
    return write_html(path, render_html(view))
