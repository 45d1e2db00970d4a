"""The network as GEXF, GraphML or a CSV edge list (through kg's one atomic writer)."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.errors import UsageError
from kg.io.spreadsheet import safe_row

EXPORT_FORMATS = ("gexf", "graphml", "csv")


def _flat(value: Any) -> str | int | float | bool:
    """GEXF/GraphML take scalars only: lists and dicts become readable strings."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return 0.0 if math.isnan(value) else value
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "; ".join(f"{d.get('label')} ({d.get('deals')})" for d in value)
        return " ".join(str(v) for v in value)
    return str(value)


def exportable(g: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``g`` with scalar attributes only (what GEXF/GraphML can hold)."""
    h = nx.DiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: _flat(v) for k, v in d.items()})
    for s, b, d in g.edges(data=True):
        h.add_edge(s, b, **{k: _flat(v) for k, v in d.items()})
    return h


EDGE_CSV_COLUMNS = (
    "supplier",
    "supplier_label",
    "buyer",
    "buyer_label",
    "deals",
    "tiv",
    "value_usd",
    "valued_deals",
    "sources",
    "articles",
    "releases",
    "corroborated",
    "order_years",
    "delivery_years",
    "statuses",
    "systems",
)


def export_graph(g: nx.DiGraph, path: str | Path, fmt: str, *, raw_csv: bool = False) -> None:
    """Write ``g`` as GEXF, GraphML or a CSV edge list through kg's one writer (``-``: stdout).

    CSV cells a spreadsheet would run as formulas are quoted unless ``raw_csv``.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
    from kg.io.atomicwrite import open_atomic

    with open_atomic(path) as fh:
        if fmt == "gexf":
            nx.write_gexf(exportable(g), fh)
        elif fmt == "graphml":
            nx.write_graphml(exportable(g), fh)
        else:
            _write_edge_csv(g, fh, raw_csv)


def _write_edge_csv(g: nx.DiGraph, fh: IO[bytes], raw: bool) -> None:
    """The CSV edge list (one row per supplier -> buyer pair, largest TIV first)."""
    import io

    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")  # type: ignore[arg-type]
    w = csv.writer(text)
    w.writerow(EDGE_CSV_COLUMNS)
    for s, b, d in sorted(g.edges(data=True), key=lambda e: (-e[2]["tiv"], e[0], e[1])):
        row = safe_row(
            [
                s,
                g.nodes[s]["label"],
                b,
                g.nodes[b]["label"],
                d["deals"],
                f"{d['tiv']:g}",
                f"{d['value_usd']:.0f}" if d["valued_deals"] else "",
                d["valued_deals"],
                d["sources"],
                d["articles"],
                d["releases"],
                d["corroborated"],
                _flat(d["order_years"]),
                _flat(d["delivery_years"]),
                _flat(d["statuses"]),
                _flat(d["systems"]),
            ],
            raw,
        )
        w.writerow(row)
    text.flush()
    text.detach()
