"""Turn a view (nodes, edges, details, legend) into one offline, self-contained HTML file.

pyvis is used as the data-to-template helper: a directed :class:`pyvis.network.Network`
holds the node and edge dicts (assigned directly; ``add_node``/``from_nx`` are O(N·E)) and
its ``generate_html()`` renders *our* template through *our* Jinja environment, which has
autoescaping on.  That sidesteps pyvis's unescaped heading and select menu, its
``href`` tooltip switch (our nodes carry ``tooltip`` text, never ``title``; the page turns
it into a text-only DOM element), its CDN links and its locale-encoded ``write_html``.
vis-network's JS/CSS are vendored under ``vendor/`` and inlined; a CSP meta tag forbids
every network fetch.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kg.io.atomicwrite import write_atomic as write_text_atomic

_HERE = Path(__file__).resolve().parent
VENDOR_DIR = _HERE / "vendor" / "vis-network-9.1.2"
TEMPLATE_DIR = _HERE / "templates"
TEMPLATE = "view.html"
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)


@dataclass
class View:
    """Everything a page shows; strings are plain text (the renderer escapes them)."""

    title: str
    subtitle: str
    sources_line: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    legend: list[dict[str, str]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    panel_hint: str = "Click a node or an edge for details and sources."
    #: the year slider's data (kg.present.views.panel._time_payload); None: no slider
    time: dict[str, Any] | None = None
    #: the deals view's supplier groups (``{"list": [...], "buyers": [...]}``); None elsewhere
    groups: dict[str, Any] | None = None


@functools.cache
def _vendor(name: str, closing: str) -> Markup:
    text = (VENDOR_DIR / name).read_text(encoding="utf-8")
    if closing in text.lower():  # would end the inline element early; never true for 9.1.2
        raise RuntimeError(f"vendored {name} contains {closing!r}; cannot inline it safely")
    return Markup(text)


def _pyvis_version() -> str:
    try:
        return version("pyvis")
    except PackageNotFoundError:  # pragma: no cover
        return "?"


def render_html(view: View) -> str:
    """The complete HTML page for ``view`` (UTF-8 text, no external resources)."""
    net = Network(height="100%", width="100%", directed=True, heading=view.title, cdn_resources="in_line")
    # Direct assignment: pyvis's add_node/add_edge/from_nx check membership in lists.
    net.nodes = view.nodes
    net.edges = view.edges
    net.options = view.options
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
    )
    env.globals["kg"] = {
        "title": view.title,
        "subtitle": view.subtitle,
        "sources_line": view.sources_line,
        "legend": view.legend,
        "panel_hint": view.panel_hint,
        "pyvis_version": _pyvis_version(),
        "vis_js": _vendor("vis-network.min.js", "</script"),
        "vis_css": _vendor("vis-network.css", "</style"),
        "payload": {
            "nodes": view.nodes,
            "edges": view.edges,
            "options": view.options,
            "details": view.details,
            "panelHint": view.panel_hint,
            "time": view.time,
            "groups": view.groups,
        },
    }
    net.templateEnv = env
    net.path = TEMPLATE
    return net.generate_html()


def write_html(path: str | os.PathLike[str], html: str) -> Path:
    """Write ``html`` as UTF-8 to ``path`` through kg's one writer (``-`` is stdout)."""
    return write_text_atomic(path, html)


def write_view(view: View, path: str | Path) -> Path:
    """Render ``view`` and write it atomically as UTF-8."""
    return write_html(path, render_html(view))
