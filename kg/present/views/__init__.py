"""Interactive HTML views (pyvis + vendored vis-network), offline and escaped.

Public API: :func:`network_view`, :func:`country_view`, :func:`deals_view` build a
:class:`View`; :func:`render_html` turns it into a self-contained page and
:func:`write_html` writes it atomically.  Analysis lives in :mod:`kg.analysis.network`.
"""

from __future__ import annotations

from kg.present.views.country import country_view
from kg.present.views.deals import deals_view
from kg.present.views.network import network_view
from kg.present.views.render import CSP, View, render_html, write_html, write_text_atomic, write_view

__all__ = [
    "CSP",
    "View",
    "country_view",
    "deals_view",
    "network_view",
    "render_html",
    "write_html",
    "write_text_atomic",
    "write_view",
]
