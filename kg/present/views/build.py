"""The three views: the supplier/buyer network, a country's ego view and the deals view.

Each ``*_view`` function returns a :class:`kg.present.views.render.View` (plain data; tests look at
it directly) and each ``write_*`` renders and writes it.  Positions are precomputed with
networkx layouts and vis physics stays off, so even the global SIPRI network (hundreds of
parties, thousands of edges) is drawn at once instead of animating for minutes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analysis import network as kn
from kg.present.views import layout, scale
from kg.present.views.render import View, render_html, write_html
from kg.store import Store

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
    "others": "hexagon",
}
SHAPE_GLYPHS = {
    "country": "●",
    "company": "■",
    "agency": "■",
    "org": "★",
    "group": "▲",
    "unknown": "◆",
    "others": "⬢",
}
OTHERS_COLOUR = "#718096"
FOCUS_SIZE = 30.0
KIND_NAMES = {
    "country": "country",
    "company": "company",
    "agency": "government agency",
    "org": "international organisation",
    "group": "non-state armed group",
    "unknown": "unknown party",
    "party": "party",
    "others": "others (folded)",
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
    if data.get("members", 1) > 1:
        lines.append(f"{data['members']} parties shown as one")
    if data["supplied_deals"] or data["supplied_tiv"]:
        lines.append(f"Exports: {_amounts(data['supplied_tiv'], data['supplied_deals'])}")
    if data["received_deals"] or data["received_tiv"]:
        lines.append(f"Imports: {_amounts(data['received_tiv'], data['received_deals'])}")
    return "\n".join(lines)


def _amounts(tiv: float, deals: int) -> str:
    """ "1,234 TIV delivered, 12 deals", without the TIV part when the sources give none."""
    text = f"{deals} deal{'s' if deals != 1 else ''}"
    return f"{_fmt(tiv)} TIV delivered, {text}" if tiv > 0 else text


def _edge_tooltip(g: nx.DiGraph, s: str, b: str, d: dict[str, Any], n_systems: int = 5) -> str:
    lines = [
        f"{g.nodes[s]['label']} → {g.nodes[b]['label']}",
        _amounts(d["tiv"], d["deals"]),
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


def _edge_kind(d: dict[str, Any]) -> str:
    """``corroborated`` (more than one source), ``articles`` (no register release) or ``register``."""
    if d["corroborated"]:
        return "corroborated"
    return "articles" if d["releases"] == 0 else "register"


#: per edge kind: (opacity, dashed)
_EDGE_LOOK = {"corroborated": (0.95, False), "articles": (0.85, True), "register": (0.4, False)}


def _edge_style(d: dict[str, Any]) -> dict[str, Any]:
    kind = _edge_kind(d)
    opacity, dashes = _EDGE_LOOK[kind]
    return {"color": {"color": EDGE_COLOURS[kind], "opacity": opacity}, "dashes": dashes}


def _volume(d: dict[str, Any]) -> float:
    """Edge/node weight for sizes: TIV when known, else a small per-deal amount."""
    return d["tiv"] if d["tiv"] > 0 else 1.0 * d["deals"]


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
            # sizes and fonts are set per node (kg.present.views.layout); labels smaller than the
            # threshold on screen are skipped (they appear when zooming in)
            "scaling": {
                "label": {"enabled": False, "drawThreshold": layout.DRAW_THRESHOLD, "maxVisible": 40}
            },
            "font": {
                "size": 13,
                "face": "system-ui, sans-serif",
                "multi": False,
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "scaling": {"label": {"enabled": False, "drawThreshold": layout.DRAW_THRESHOLD}},
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15} if smooth else False,
            "font": {"size": 11, "align": "middle", "strokeWidth": 3, "multi": False},
        },
    }
    if not labels_on_edges:
        opts["edges"]["font"]["size"] = 0
    if hierarchical:
        opts["edges"]["smooth"] = False
    return opts


def _edge_details(
    g: nx.DiGraph, s: str, b: str, d: dict[str, Any], deals: list[kn.DealRecord] | None = None
) -> dict[str, Any]:
    rows = [
        ["Deals", str(d["deals"])],
        ["Delivered TIV", _fmt(d["tiv"]) if d["tiv"] > 0 else "none in these sources"],
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
        ["Exports", _amounts(data["supplied_tiv"], data["supplied_deals"])],
        ["Imports", _amounts(data["received_tiv"], data["received_deals"])],
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
) -> dict[str, Any] | None:
    """What the page's year slider needs: every edge's yearly volumes and the size scale.

    ``default`` is ``"all"`` (open on the whole range) or ``"latest"`` (the latest full
    5-year period).  None when the graph has no dated volume (the page then has no slider).
    """
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
        "edges": {eid: scale.edge_years(g[s][b]) for (s, b), eid in edge_ids.items()},
    }


def _size_legend(key: str) -> dict[str, str]:
    if key == "tiv":
        text = (
            "size and width: delivered TIV (SIPRI trend-indicator value) in the selected years; "
            "arrows: supplier → buyer"
        )
    else:
        text = (
            "size and width: number of deals ordered in the selected years (these sources give "
            "no TIV); arrows: supplier → buyer"
        )
    return {"label": text, "color": ""}


def _legend_for(g: nx.DiGraph, colours: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    """Legend entries for what the view actually shows (edge kinds and shapes present)."""
    styles = {_edge_kind(d) for _, _, d in g.edges(data=True)}
    items = list(colours)
    if "register" in styles:
        items.append({"label": "register deals", "color": EDGE_COLOURS["register"], "line": "solid"})
    if "corroborated" in styles:
        items.append(
            {
                "label": "corroborated (register + article, or several sources)",
                "color": EDGE_COLOURS["corroborated"],
                "line": "solid",
            }
        )
    if "articles" in styles:
        items.append({"label": "articles only", "color": EDGE_COLOURS["articles"], "line": "dashed"})
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    shapes = [f"{SHAPE_GLYPHS[k]} {KIND_NAMES[k]}" for k in SHAPE_GLYPHS if k in kinds]
    if shapes:
        items.append({"label": "shape: " + ", ".join(shapes), "color": ""})
    items.append(_size_legend(key))
    return items


def _node_entry(
    n: str, d: dict[str, Any], colour: str, pos: dict, fonts: dict, sizes: dict
) -> dict[str, Any]:
    return {
        "id": n,
        "label": d["label"],
        "name": d["label"],
        "tooltip": _node_tooltip(d),
        "detail": "n:" + n,
        "size": round(sizes[n], 2),
        "font": {"size": fonts[n]},
        "color": colour,
        "shape": KIND_SHAPES.get(d["kind"], "dot"),
        "x": round(pos[n][0], 1),
        "y": round(pos[n][1], 1),
    }


def _edge_width(v: float, ref: float) -> float:
    return round(1.0 + 9.0 * math.sqrt(max(v, 0.0) / ref), 2) if ref > 0 else 1.0


# --------------------------------------------------------------------------- network view
def network_view(
    store: Store,
    filters: kn.Filters | None = None,
    *,
    graph: nx.DiGraph | None = None,
    top_share: float | None = 0.9,
) -> View:
    """The supplier -> buyer network for ``filters``, with a year slider.

    By default only the suppliers and buyers that carry ``top_share`` of the volume are
    drawn (the rest folded into "other suppliers"/"other buyers"; ``None``: everyone);
    unknown parties are one node per side.  Positions are precomputed so no two labels
    overlap.
    """
    filters = kn.resolve_filters(store, filters or kn.Filters())
    g = graph if graph is not None else scale.timed_graph(store, filters)
    g = scale.one_unknown_per_side(g)
    parties = g.number_of_nodes()
    if top_share is not None:
        g = scale.fold_others(g, top_share)
    cent = kn.centrality(g)
    key = scale.measure(g)
    vol = {n: scale.node_volume(d, key) for n, d in g.nodes(data=True)}
    sizes = layout.node_sizes(vol)
    ranks = {n: i for i, n in enumerate(sorted(vol, key=lambda n: (-vol[n], n)))}
    labels = {n: g.nodes[n]["label"] for n in g}
    pos, fonts = layout.place(list(g), _positions(g), labels, sizes, ranks)
    nodes = []
    for n, d in g.nodes(data=True):
        colour = OTHERS_COLOUR if d["kind"] == "others" else ROLE_COLOURS[_role(d)]
        nodes.append(_node_entry(n, {**d, **cent.get(n, {})}, colour, pos, fonts, sizes))
    edges, details, edge_ids = [], {}, {}
    eref = max((_volume_in(d, key) for _, _, d in g.edges(data=True)), default=1.0)
    for i, (s, b, d) in enumerate(g.edges(data=True)):
        edge_ids[(s, b)] = f"e{i}"
        edges.append(
            {
                "id": f"e{i}",
                "from": s,
                "to": b,
                "width": _edge_width(_volume_in(d, key), eref),
                "tooltip": _edge_tooltip(g, s, b, d),
                "detail": f"e:{i}",
                **_edge_style(d),
            }
        )
        details[f"e:{i}"] = _edge_details(g, s, b, d)
    for n, d in g.nodes(data=True):
        details["n:" + n] = _node_details({**d, **cent.get(n, {})})
    folded = g.graph.get("folded", 0)
    shown = (
        f"{g.number_of_nodes()} of {parties} parties (those carrying {top_share:.0%} of the volume; "
        f"{folded} folded into 'others')"
        if folded
        else f"{g.number_of_nodes()} parties"
    )
    subtitle = f"{filters.describe(labels)} · {shown}, {g.number_of_edges()} supplier→buyer pairs"
    roles = {_role(d) for _, d in g.nodes(data=True) if d["kind"] != "others"}
    names = {"supplier": "supplier", "buyer": "buyer", "both": "supplier and buyer"}
    colours = [{"label": names[r], "color": ROLE_COLOURS[r]} for r in names if r in roles]
    if folded:
        colours.append({"label": "others (folded)", "color": OTHERS_COLOUR})
    return View(
        title="Arms transfers: supplier → buyer network",
        subtitle=subtitle,
        sources_line=kn.describe_sources(kn.graph_sources(store, g)),
        nodes=nodes,
        edges=edges,
        options=_options(smooth=g.number_of_edges() <= 400),
        legend=_legend_for(g, colours, key),
        details=details,
        time=_time_payload(g, key, edge_ids, filters, sizes_ref=max(vol.values(), default=1.0)),
    )


def _volume_in(d: dict[str, Any], key: str) -> float:
    return float(d["tiv"] if key == "tiv" else d["deals"])


# --------------------------------------------------------------------------- country view
def country_view(
    store: Store, name: str, filters: kn.Filters | None = None, *, systems_on_edges: int = 2
) -> View:
    """A country's (or any party's) suppliers on the left and customers on the right.

    The page opens on the latest full 5-year period and labels each supplier with its
    share of the country's imports in the selected years (customers: share of its
    exports).  Edges carry their top systems (drawn when zoomed in); corroborated edges
    are gold, article-only edges dashed red.  Clicking an edge lists the largest deals.
    The side panel also lists the country's pipeline (:mod:`kg.analysis.pipeline`): register orders
    not yet delivered and news deals ahead of the register.
    """
    focus = str(kn.party_iri_for(name, store))
    base = kn.resolve_filters(store, filters or kn.Filters())
    if base.supplier or base.buyer:
        raise kn.UnknownName("the country view takes no --supplier/--buyer (the country is both)")
    with ThreadPoolExecutor(1) as pool:  # the pipeline query runs beside the graph queries
        pipeline = pool.submit(_pipeline_items, store, name)
        return _country_view(store, name, focus, base, pipeline, systems_on_edges)


def _pipeline_items(store: Store, name: str, limit: int = 40) -> list[dict[str, str]]:
    """What is coming for buyer ``name``: undelivered register orders, then news deals ahead
    of the register (kg.analysis.pipeline, one definition), as side-panel items; [] for a non-buyer."""
    from kg.analysis.pipeline import pipeline_rows
    from kg.queries.named import ParameterError

    try:
        rows = pipeline_rows(store, buyer=name)
    except ParameterError:  # not a country the named query knows as a buyer
        return []
    items = []
    # news ahead of the register first, then undelivered orders by outstanding TIV
    rows.sort(key=lambda r: (r.kind != "news", -(r.tiv_outstanding or 0.0)))
    for r in rows[:limit]:
        what = f"{r.supplier_label}: {r.system_label or 'system unknown'}"
        if r.kind == "register":
            est = "?" if (r.quantity_estimated or r.delivered_estimated) else ""
            items.append(
                {
                    "text": f"{what}: {r.outstanding}{est} of {r.quantity}{est} still to deliver "
                    f"(ordered {r.order_year or '?'}{'?' if r.order_year_estimated else ''})",
                    "meta": f"register release {str(r.release_date or '?')[:10]}"
                    + (f" · ~{_fmt(r.tiv_outstanding)} TIV outstanding" if r.tiv_outstanding else "")
                    + (" · '?': the register's estimate" if est or r.order_year_estimated else ""),
                }
            )
        else:
            items.append(
                {
                    "text": f"{what}: {r.status or 'status unknown'}"
                    + (f", {r.quantity} units" if r.quantity else "")
                    + (f" (ordered {r.order_year})" if r.order_year else ""),
                    "meta": f"news, {len(r.sources)} source(s), latest {r.date or 'undated'}"
                    + (" · newer than the register release" if r.newer_than_release else ""),
                }
            )
    return items


def _country_view(
    store: Store, name: str, focus: str, base: kn.Filters, pipeline: Any, systems_on_edges: int
) -> View:
    tivless = kn.tivless_deliveries(store)  # once for both selections
    g_in = scale.timed_graph(store, replace(base, buyer=focus), detail=True, tivless=tivless)
    g_out = scale.timed_graph(store, replace(base, supplier=focus), detail=True, tivless=tivless)
    g = scale.one_unknown_per_side(nx.compose(g_in, g_out))
    if focus not in g:
        label = kn.party_info(store, [focus]).get(focus, ("party", name))[1]
        g.add_node(focus, kind="country", label=label)
        scale.totals(g)
    deals = kn.deal_records(store, replace(base, buyer=focus), limit=None) + kn.deal_records(
        store, replace(base, supplier=focus), limit=None
    )
    by_pair: dict[tuple[str, str], list[kn.DealRecord]] = {}
    for r in deals:
        pair = (
            r.supplier if r.supplier in g else scale.UNKNOWN_SUPPLIER,
            r.buyer if r.buyer in g else scale.UNKNOWN_RECIPIENT,
        )
        by_pair.setdefault(pair, []).append(r)
    key = scale.measure(g)
    time = _time_payload(g, key, {}, base, focus=focus, sizes_ref=1.0, default="latest")
    start, end = (time["from"], time["to"]) if time else (None, None)

    def in_default(d: dict[str, Any]) -> tuple[bool, float]:
        """Whether the page shows the edge at first (as its script decides) and its volume."""
        if start is None:
            return True, _volume_in(d, key)
        rows = [v for y, v in d.get("years", {}).items() if start <= y <= end and (v[0] > 0 or v[1] > 0)]
        return bool(rows), sum(v[0 if key == "tiv" else 1] for v in rows)

    def ranked(pairs: list[tuple[str, dict[str, Any]]]) -> tuple[list[str], int]:
        """Those the page shows at first (largest first), then the rest (largest ever first)."""
        now = {n: in_default(d) for n, d in pairs}
        ever = {n: _volume_in(d, key) for n, d in pairs}
        order = sorted(now, key=lambda n: (not now[n][0], -now[n][1], -ever[n], g.nodes[n]["label"]))
        return order, sum(1 for n in order if now[n][0])

    suppliers, shown_in = ranked([(s, d) for s, _, d in g.in_edges(focus, data=True)])
    customers, shown_out = ranked([(b, d) for _, b, d in g.out_edges(focus, data=True) if b not in suppliers])
    vol = {n: 0.0 for n in g if n != focus}
    for s, b, d in g.edges(data=True):
        for n in (s, b):
            if n != focus:
                vol[n] += _volume_in(d, key)
    sizes = layout.node_sizes(vol)
    sizes[focus] = FOCUS_SIZE
    labels = {n: g.nodes[n]["label"] + (" 100.0%" if n != focus else "") for n in g}
    pos, fonts = layout.columns(focus, suppliers, customers, labels, sizes, shown=(shown_in, shown_out))
    flabel = g.nodes[focus]["label"]
    nodes = []
    for n, d in g.nodes(data=True):
        colour = ROLE_COLOURS["focus" if n == focus else "supplier" if n in suppliers else "buyer"]
        nodes.append(_node_entry(n, d, colour, pos, fonts, sizes))
    edges, details, edge_ids = [], {}, {}
    eref = max((_volume_in(d, key) for _, _, d in g.edges(data=True)), default=1.0)
    for i, (s, b, d) in enumerate(g.edges(data=True)):
        edge_ids[(s, b)] = f"e{i}"
        edges.append(
            {
                "id": f"e{i}",
                "from": s,
                "to": b,
                "width": _edge_width(_volume_in(d, key), eref),
                "label": ", ".join(x["label"] for x in d["systems"][:systems_on_edges]),
                "tooltip": _edge_tooltip(g, s, b, d),
                "detail": f"e:{i}",
                **_edge_style(d),
            }
        )
        details[f"e:{i}"] = _edge_details(g, s, b, d, by_pair.get((s, b), []))
    for n, d in g.nodes(data=True):
        details["n:" + n] = _node_details(d)
    subtitle = (
        f"{base.describe()} · {len(suppliers)} suppliers (left) → {flabel} → {len(customers)} customers "
        f"(right) · labels: share of {flabel}'s imports (suppliers) or exports (customers) in the "
        "selected years · zoom in for each edge's top systems"
    )
    uniq = {s.iri: s for s in kn.graph_sources(store, g)}
    colours = [
        {"label": flabel, "color": ROLE_COLOURS["focus"]},
        {"label": f"supplier of {flabel}", "color": ROLE_COLOURS["supplier"]},
        {"label": f"customer of {flabel}", "color": ROLE_COLOURS["buyer"]},
    ]
    return View(
        title=f"{flabel}: suppliers and customers",
        subtitle=subtitle,
        sources_line=kn.describe_sources(list(uniq.values())),
        nodes=nodes,
        edges=edges,
        options=_options(smooth=True, labels_on_edges=True),
        legend=_legend_for(g, colours, key),
        details=details,
        time=time
        and {
            **_time_payload(
                g,
                key,
                edge_ids,
                base,
                focus=focus,
                sizes_ref=max(vol.values(), default=1.0),
                default="latest",
            ),
            "pipeline": pipeline.result(),
            # the page re-ranks the columns for each year range (layout.columns' rule)
            "ego": {
                "font": fonts[focus],
                "step": layout.ROW_GAP,
                "left": min((pos[n][0] for n in suppliers), default=-layout.COLUMN_GAP),
                "right": max((pos[n][0] for n in customers), default=layout.COLUMN_GAP),
                "colours": [ROLE_COLOURS["supplier"], ROLE_COLOURS["buyer"]],
            },
        },
    )


# --------------------------------------------------------------------------- deals view
def deals_view(
    store: Store, filters: kn.Filters | None = None, *, limit: int = 300, open_below: int = 40
) -> View:
    """Supplier -> deal (labelled with its system) -> buyer; a click shows the deal's evidence.

    Deals are grouped under their supplier: a supplier's node opens and closes its group
    (closed, one edge per buyer stands for its deals).  Views with more than
    ``open_below`` deals open with every group closed, so 300+ deals stay legible.
    """
    filters = kn.resolve_filters(store, filters or kn.Filters())
    deals = kn.deal_records(store, filters, limit=limit)
    conflicts = _conflicts_by_deal(store, filters)
    wanted = [p for r in deals for p in (r.supplier, r.buyer)] + [
        p for p in (filters.supplier, filters.buyer) if p
    ]
    parties = kn.party_info(store, wanted)
    count: dict[str, int] = {}
    for r in deals:
        count[r.supplier] = count.get(r.supplier, 0) + 1
    deals.sort(
        key=lambda r: (-count[r.supplier], r.supplier_label, r.buyer_label, r.order_year or 0, r.system_label)
    )
    sup_order = list(dict.fromkeys(r.supplier for r in deals))
    buy_order = list(dict.fromkeys(r.buyer for r in sorted(deals, key=lambda r: r.buyer_label)))
    is_open = len(deals) <= open_below
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    details: dict[str, Any] = {}
    for k, (p, role) in enumerate([(p, "supplier") for p in sup_order] + [(p, "buyer") for p in buy_order]):
        kind, label = parties.get(p, ("party", p.rsplit("/", 1)[-1]))
        nodes.append(
            {
                "id": f"{role}:{p}",
                "label": label,
                "name": label,
                "tooltip": f"{label}\n{role}"
                + ("\nclick to open or close its deals" if role == "supplier" else ""),
                "x": -880.0 if role == "supplier" else 800.0,
                "y": 44.0 * k,
                "color": ROLE_COLOURS[role],
                "shape": KIND_SHAPES.get(kind, "dot"),
                "size": 10,
                "font": {"size": 17},
            }
        )
    groups: dict[str, dict[str, Any]] = {
        p: {"supplier": f"supplier:{p}", "name": parties.get(p, ("", p))[1], "open": is_open, "deals": [],
            "edges": [], "summary": []}
        for p in sup_order
    }  # fmt: skip
    pair_deals: dict[tuple[str, str], list[kn.DealRecord]] = {}
    for i, r in enumerate(deals):
        did = f"d{i}"
        label = f"{r.system_label} ({r.order_year})" if r.order_year else r.system_label
        nodes.append(
            {
                "id": did,
                "label": label if len(label) <= 34 else label[:32] + "…",
                "x": 0.0,
                "y": 44.0 * i,
                "shape": "box",
                "detail": did,
                "color": {"background": CATEGORY_COLOURS.get(r.category, "#cbd5e0"), "border": "#2d3748"},
                "font": {"color": "#ffffff" if r.category else "#1a202c", "size": 14},
                "widthConstraint": {"maximum": 250},
                "tooltip": f"{r.supplier_label} → {r.system_label} → {r.buyer_label}\n"
                f"status: {', '.join(r.statuses) or 'unknown'}\nclick for sources",
            }
        )
        grp = groups[r.supplier]
        grp["deals"].append(did)
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
            grp["edges"].append(f"{a}>{b}")
        pair_deals.setdefault((r.supplier, r.buyer), []).append(r)
        details[did] = _deal_details(r, conflicts.get(r.iri, ()))
    edges += _summary_edges(pair_deals, groups)
    cats = sorted({r.category for r in deals}, key=lambda c: c or "~")
    legend = [
        {"label": "supplier (click: open/close its deals)", "color": ROLE_COLOURS["supplier"]},
        {"label": "buyer", "color": ROLE_COLOURS["buyer"]},
    ]
    legend += [
        {"label": f"deal: {c or 'category unknown'}", "color": CATEGORY_COLOURS.get(c, "#cbd5e0")}
        for c in cats
    ]
    legend.append({"label": "grey edge with a count: a closed supplier's deals with that buyer", "color": ""})
    shown = f"{len(deals)} deal{'s' if len(deals) != 1 else ''}" + (
        f" (largest {limit} by TIV)" if len(deals) >= limit else ""
    )
    labels = {p: parties.get(p, ("", p))[1] for p in (filters.supplier, filters.buyer) if p}
    return View(
        title="Arms deals: supplier → system → buyer",
        subtitle=f"{filters.describe(labels)} · {shown} from {len(sup_order)} suppliers · click a supplier to "
        "open its deals, a deal for its status timeline and sources",
        sources_line=kn.describe_sources(kn.sources_used(store, filters)),
        nodes=nodes,
        edges=edges,
        options=_options(smooth=False, labels_on_edges=True, hierarchical=True),
        legend=legend,
        details=details,
        panel_hint="Click a supplier to open or close its deals; click a deal for its timeline and sources.",
        groups={"list": list(groups.values()), "buyers": [f"buyer:{p}" for p in buy_order]},
    )


def _summary_edges(
    pair_deals: dict[tuple[str, str], list[kn.DealRecord]], groups: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """One edge per supplier -> buyer standing for a closed group's deals (its count as label)."""
    edges = []
    for (s, b), rs in pair_deals.items():
        eid = f"g:{s}>{b}"
        edges.append(
            {
                "id": eid,
                "from": f"supplier:{s}",
                "to": f"buyer:{b}",
                "label": f"{len(rs)} deal{'s' if len(rs) != 1 else ''}",
                "tooltip": f"{rs[0].supplier_label} → {rs[0].buyer_label}: {len(rs)} deal(s)\n"
                "click the supplier to show them",
                "color": {"color": "#718096", "opacity": 0.7},
                "width": 1 + min(8.0, math.log1p(len(rs)) * 2),
            }
        )
        groups[s]["summary"].append(eid)
    return edges


def _conflicts_by_deal(store: Store, filters: kn.Filters) -> dict[str, list[Any]]:
    """Where the sources of each deal (and its linked deals) disagree, keyed by deal IRI."""
    from kg.analysis.contradictions import ContradictionFilter, find_contradictions

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
