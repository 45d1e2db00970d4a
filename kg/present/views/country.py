"""A country's ego view: its suppliers left, its customers right, shares per year range, its pipeline."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
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
    FOCUS_SIZE,
    ROLE_COLOURS,
    _fmt,
    _legend_for,
    _node_entry,
    _options,
    _volume_in,
)
from kg.store import Store
from kg.vocab.parties import resolve_party_iri


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
    focus = str(resolve_party_iri(name, labels=kn.store_labels(store)))
    base = kn.resolve_filters(store, filters or kn.Filters())
    if base.supplier or base.buyer:
        raise kn.UnknownName("the country view takes no --supplier/--buyer (the country is both)")
    # the pipeline query and the deals' read run beside the graph queries (Oxigraph evaluates
    # without holding the GIL: on two cores the view takes the time of the graph queries)
    with ThreadPoolExecutor(2) as pool:
        pipeline = pool.submit(_pipeline_items, store, name)
        # one read for both sides; the panel lists each deal's sources, status and register row only
        deals = pool.submit(
            kn.deal_records,
            store,
            replace(base, buyer=focus),
            limit=None,
            also=replace(base, supplier=focus),
            sources_only=True,
        )
        return _country_view(store, name, focus, base, pipeline, deals, systems_on_edges)


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
    store: Store,
    name: str,
    focus: str,
    base: kn.Filters,
    pipeline: Future[list[dict[str, str]]],
    deals: Future[list[kn.DealRecord]],
    systems_on_edges: int,
) -> View:
    # both selections are bound to the focus: kn.tiv_by_year runs its spread query there
    # without the store-wide scan that asks whether any delivery lacks its own TIV
    g_in = scale.timed_graph(store, replace(base, buyer=focus), detail=True)
    g_out = scale.timed_graph(store, replace(base, supplier=focus), detail=True)
    g = scale.one_unknown_per_side(nx.compose(g_in, g_out))
    if focus not in g:
        label = kn.party_info(store, [focus]).get(focus, ("party", name))[1]
        g.add_node(focus, kind="country", label=label)
        scale.totals(g)
    by_pair: dict[tuple[str, str], list[kn.DealRecord]] = {}
    for r in deals.result():
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
    edges, details, edge_ids = _edge_entries(g, key, systems_on_edges=systems_on_edges, by_pair=by_pair)
    for n, d in g.nodes(data=True):
        details["n:" + n] = {**_node_details(d), "node": n}
    # the counts cover the whole selection, not the range the page opens on
    time_span = f"{time['min']}-{time['max']}" if time else ""
    subtitle = (
        f"{base.describe()} · {len(suppliers)} suppliers (left) → {flabel} → {len(customers)} customers "
        f"(right){f' in {time_span}' if time_span else ''} · labels: share of {flabel}'s imports (suppliers) or exports (customers) in the "
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
        sources_line=kn.describe_sources(list(uniq.values()), scale.release_years(g_in, g_out)),
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
