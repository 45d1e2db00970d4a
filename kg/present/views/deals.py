"""The deals view: supplier -> deal -> buyer, grouped under collapsible suppliers, each deal's evidence."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from kg.analysis import network as kn
from kg.analysis.contradictions import Contradiction, clusters, contradictions_of
from kg.analysis.evidence import gather
from kg.analysis.network.deals import select_deals
from kg.present.views.render import View
from kg.present.views.style import (
    CATEGORY_COLOURS,
    KIND_SHAPES,
    ROLE_COLOURS,
    _fmt,
    _money,
    _options,
)
from kg.store import Store


def deals_view(
    store: Store, filters: kn.Filters | None = None, *, limit: int = 300, open_below: int = 40
) -> View:
    """Supplier -> deal (labelled with its system) -> buyer; a click shows the deal's evidence.

    Deals are grouped under their supplier: a supplier's node opens and closes its group
    (closed, one edge per buyer stands for its deals).  Views with more than
    ``open_below`` deals open with every group closed, so 300+ deals stay legible.
    """
    filters = kn.resolve_filters(store, filters or kn.Filters())
    deals, conflicts = _deals_and_conflicts(store, filters, limit)
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


def _deals_and_conflicts(
    store: Store, filters: kn.Filters, limit: int
) -> tuple[list[kn.DealRecord], dict[str, list[Contradiction]]]:
    """The deal records and, keyed by deal IRI, where the sources of each shown deal (and its
    linked deals) disagree, as ``kg contradictions`` says: both from one read of the evidence
    (:func:`kg.analysis.evidence.gather`), so each deal is read once."""
    selection = select_deals(store, filters, limit=limit)
    if not selection.records:
        return [], {}
    wanted = set(selection.deals())
    groups = [g for g in clusters(store) if wanted.intersection(g)]
    ev = gather(store, wanted.union(*groups))
    out: dict[str, list[Contradiction]] = {}
    for c in contradictions_of(ev, groups):
        for deal in {c.deal, *c.deals}:
            out.setdefault(deal, []).append(c)
    return selection.fill(store, ev), out


def _deal_details(r: kn.DealRecord, conflicts: Iterable[Contradiction] = ()) -> dict[str, Any]:
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
