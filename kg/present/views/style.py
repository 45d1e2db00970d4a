"""How the views look: colours, shapes, names, number formats, tooltips, vis options, legends."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from kg.present.views import layout

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
        "name": d.get("name", d["label"]),
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


def _volume_in(d: dict[str, Any], key: str) -> float:
    return float(d["tiv"] if key == "tiv" else d["deals"])
