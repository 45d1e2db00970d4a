"""The supplier -> buyer network view, with the "others" fold the page recomputes per year range."""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.analysis import network as kn
from kg.present.views import layout, scale
from kg.present.views.panel import (
    _edge_entries,
    _node_details,
    _time_payload,
)
from kg.present.views.render import View
from kg.present.views.style import (
    OTHERS_COLOUR,
    ROLE_COLOURS,
    _legend_for,
    _node_entry,
    _options,
    _role,
    _volume,
    _volume_in,
)
from kg.store import Store


def network_view(
    store: Store,
    filters: kn.Filters | None = None,
    *,
    graph: nx.DiGraph | None = None,
    top_share: float | None = 0.9,
) -> View:
    """The supplier -> buyer network for ``filters``, with a year slider.

    By default only the suppliers and buyers that carry ``top_share`` of the volume in the
    selected years are drawn, the rest folded into "other suppliers"/"other buyers"; the
    page refolds when the range changes (:class:`kg.views.scale.FoldPlan`; ``None``:
    everyone, no fold).  Unknown parties are one node per side.  Positions are
    precomputed so no two labels overlap.
    """
    filters = kn.resolve_filters(store, filters or kn.Filters())
    g = graph if graph is not None else scale.timed_graph(store, filters)
    g = scale.one_unknown_per_side(g)
    parties = g.number_of_nodes()
    key = scale.measure(g)
    bounds = scale.year_bounds(g, filters)
    plan = None
    if top_share is not None and bounds is None:
        g = scale.fold_others(g, top_share)  # no dated volume: the page cannot refold
    elif top_share is not None and bounds is not None:
        plan = scale.fold_plan(g, top_share, key, *bounds)
    drawn = _drawable(g, plan)
    cent = kn.centrality(drawn)
    vol = {n: scale.node_volume(d, key) for n, d in drawn.nodes(data=True)}
    sizes = layout.node_sizes(vol)
    # label fonts by rank: what the opening range draws first (largest first), then the rest
    opened = _opening_graph(drawn, plan) if plan is not None else drawn
    opening = {n: scale.node_volume(d, key) for n, d in opened.nodes(data=True)}
    ranks = {
        n: i for i, n in enumerate(sorted(vol, key=lambda n: (n not in opening, -opening.get(n, vol[n]), n)))
    }
    labels = {n: drawn.nodes[n]["label"] for n in drawn}
    room = dict(sizes)
    if plan is not None:  # the "others" nodes grow and shrink with the range: room for the largest
        for n in (scale.OTHER_SUPPLIERS, scale.OTHER_BUYERS):
            room[n] = layout.SIZE_MAX
            labels[n] = f"{drawn.nodes[n]['label'].split(' (')[0]} ({parties})"
    pos, fonts = layout.place(list(opened), layout.force_positions(opened, _volume), labels, room, ranks)
    if plan is not None:  # parties drawn only in other ranges: beside their trading partners
        pos, fonts = layout.place_more(pos, fonts, _near_partners(drawn, pos, key), labels, room, ranks)
    nodes = []
    for n, d in drawn.nodes(data=True):
        colour = OTHERS_COLOUR if d["kind"] == "others" else ROLE_COLOURS[_role(d)]
        nodes.append(_node_entry(n, {**d, **cent.get(n, {})}, colour, pos, fonts, sizes))
        if d["kind"] == "others":
            nodes[-1]["name"] = d["label"].split(" (")[0]  # the page adds the count for the range
        elif plan is not None and n not in plan.keep:
            nodes[-1]["hidden"] = True  # folded at the opening range (the page decides from there)
    edges, details, edge_ids = _edge_entries(
        drawn, key, skip=frozenset(scale.OTHER_SIDES) if plan is not None else frozenset()
    )
    for n, d in drawn.nodes(data=True):
        details["n:" + n] = {**_node_details({**d, **cent.get(n, {})}), "node": n}
    time = _time_payload(
        drawn, key, edge_ids, filters, sizes_ref=max(vol.values(), default=1.0), rows=plan and plan.rows
    )
    if time is not None and plan is not None:
        time["fold"] = _fold_payload(g, plan)
    return View(
        title="Arms transfers: supplier → buyer network",
        subtitle=f"{filters.describe(labels)} · {_shown_text(g, drawn, plan, parties, top_share)}"
        + (f" · parties and pairs counted in {_span(bounds)}" if bounds is not None else ""),
        sources_line=kn.describe_sources(kn.graph_sources(store, g), scale.release_years(g)),
        nodes=nodes,
        edges=edges,
        options=_options(smooth=len(edges) <= 400),
        legend=_network_legend(drawn, key, folded=plan is not None or "folded" in g.graph),
        details=details,
        time=time,
    )


def _drawable(g: nx.DiGraph, plan: scale.FoldPlan | None) -> nx.DiGraph:
    """The graph the page can draw: with a fold plan, its candidates and the two "others"
    nodes (the pairs of the other parties added up on them, all years)."""
    if plan is None:
        return g
    h = scale.merge_nodes(
        g,
        lambda n, side: n if n in plan.candidates else scale.OTHER_SIDE[side],
        {
            scale.OTHER_SUPPLIERS: {"kind": "others", "label": "other suppliers"},
            scale.OTHER_BUYERS: {"kind": "others", "label": "other buyers"},
        },
    )
    for n, label in ((scale.OTHER_SUPPLIERS, "other suppliers"), (scale.OTHER_BUYERS, "other buyers")):
        if n not in h:  # every party is a candidate: the node still exists for the page to fill
            h.add_node(n, kind="others", label=label)
    scale.totals(h)
    return h


def _opening_graph(drawn: nx.DiGraph, plan: scale.FoldPlan) -> nx.DiGraph:
    """The graph as the page opens: the whole range, folded as ``plan.keep`` says (from the
    drawable graph, whose parties outside the candidates are already on "others")."""
    return scale.merge_nodes(
        drawn,
        lambda n, side: n if n in plan.keep else scale.OTHER_SIDE[side],
        {
            scale.OTHER_SUPPLIERS: {"kind": "others", "label": "other suppliers"},
            scale.OTHER_BUYERS: {"kind": "others", "label": "other buyers"},
        },
    )


def _near_partners(
    g: nx.DiGraph, placed: dict[str, tuple[float, float]], key: str
) -> dict[str, tuple[float, float]]:
    """Where each node of ``g`` not yet placed would like to be: the volume-weighted mean of
    its placed partners' positions (the middle of the drawing when it has none)."""
    out = {}
    cx = sum(x for x, _ in placed.values()) / len(placed)
    cy = sum(y for _, y in placed.values()) / len(placed)
    for n in g:
        if n in placed:
            continue
        w = x = y = 0.0
        for a, b, d in [*g.in_edges(n, data=True), *g.out_edges(n, data=True)]:
            other = b if a == n else a
            if other in placed:
                v = 1.0 + _volume_in(d, key)
                w, x, y = w + v, x + v * placed[other][0], y + v * placed[other][1]
        out[n] = (x / w, y / w) if w else (cx, cy)
    return out


def _fold_payload(g: nx.DiGraph, plan: scale.FoldPlan) -> dict[str, Any]:
    """The page's fold data: the share, the node ids, and the pairs it cannot draw."""
    outside = {x for s, b, _ in plan.raw for x in (s, b) if x not in plan.candidates}
    return {
        "share": plan.share,
        "colour": OTHERS_COLOUR,
        "sup": scale.OTHER_SUPPLIERS,
        "buy": scale.OTHER_BUYERS,
        "unknown": sorted(scale.UNKNOWN_SIDES & set(g)),
        "raw": plan.raw,
        "outside": {n: g.nodes[n]["label"] for n in sorted(outside)},
    }


def _span(bounds: tuple[int, int]) -> str:
    """The years the subtitle's counts cover (the slider filters only the drawing)."""
    return f"{bounds[0]}-{bounds[1]}" if bounds[0] != bounds[1] else str(bounds[0])


def _shown_text(
    g: nx.DiGraph, drawn: nx.DiGraph, plan: scale.FoldPlan | None, parties: int, top_share: float | None
) -> str:
    """The subtitle's "what is drawn" part."""
    pairs = f"{g.number_of_edges()} supplier→buyer pairs"
    if plan is not None:
        return (
            f"{len(plan.keep)} of {parties} parties drawn at first: those carrying {top_share:.0%} of "
            "the volume in the selected years, the rest folded into 'others' (refolded when the "
            f"range changes) · {pairs}"
        )
    folded = g.graph.get("folded", 0)
    if folded:
        return (
            f"{g.number_of_nodes()} of {parties} parties (those carrying {top_share:.0%} of the volume; "
            f"{folded} folded into 'others'), {pairs}"
        )
    return f"{g.number_of_nodes()} parties, {pairs}"


def _network_legend(g: nx.DiGraph, key: str, *, folded: bool) -> list[dict[str, str]]:
    roles = {_role(d) for _, d in g.nodes(data=True) if d["kind"] != "others"}
    names = {"supplier": "supplier", "buyer": "buyer", "both": "supplier and buyer"}
    colours = [{"label": names[r], "color": ROLE_COLOURS[r]} for r in names if r in roles]
    if folded:
        colours.append({"label": "others (folded)", "color": OTHERS_COLOUR})
    return _legend_for(g, colours, key)
