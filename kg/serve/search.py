"""The endpoint's ``GET /search``: the full-text index (:mod:`kg.analysis.search`) over HTTP.

Why here and not beside the index: answering a request (parameters, JSON or an escaped HTML page
in the endpoint's chrome) is the server's business; the index knows nothing of HTTP.  One index
per store location is kept open and refreshed at most every :data:`SERVE_REFRESH_INTERVAL`
seconds, each refresh reading a fresh snapshot.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Mapping, Sequence

from kg.analysis.search import (
    Hit,
    SearchError,
    SearchIndex,
    fts_query,
    open_index,
    resolve_parties,
    table_rows,
)
from kg.errors import KgError
from kg.serve.formats import html_page
from kg.store import open_store

_SERVE_LOCK = threading.Lock()
_SERVE_INDEXES: dict[str, tuple[SearchIndex, float]] = {}
#: Seconds between two refreshes of the endpoint's index (each one opens a fresh snapshot).
SERVE_REFRESH_INTERVAL = 2.0
_MAX_LIMIT = 200


def _param(params: Mapping[str, list[str]], key: str) -> str | None:
    values = params.get(key)
    if not values:
        return None
    if len(values) > 1:
        raise SearchError(f"parameter {key!r} given more than once")
    return values[0]


def _int_param(params: Mapping[str, list[str]], key: str) -> int | None:
    value = _param(params, key)
    if value is None or value.strip() == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise SearchError(f"parameter {key!r} must be an integer, not {value!r}") from None


def _serve_index(location: str) -> SearchIndex:
    """The endpoint's index of the on-disk store at ``location``, refreshed at most every 2 s.

    Each refresh reads a fresh read-only snapshot, so imports made while the server runs
    are found (a read-only open never blocks the writer).
    """
    with _SERVE_LOCK:
        index, checked = _SERVE_INDEXES.get(location, (None, 0.0))
        if index is not None and time.monotonic() - checked < SERVE_REFRESH_INTERVAL:
            return index
        store = open_store(location, read_only=True)
        try:
            if index is None:
                index = open_index(store)
            index.refresh(store)
        finally:
            store.close()
        _SERVE_INDEXES[location] = (index, time.monotonic())
        return index


def http_search(location: str, params: Mapping[str, list[str]]) -> tuple[int, bytes, str]:
    """Answer ``GET /search?q=...`` (``buyer``, ``supplier``, ``from``, ``to``, ``limit``, ``format``).

    Returns ``(status, body, content type)``: JSON by default (``{"query", "hits": [...]}``),
    an escaped HTML table with ``format=html``; a bad parameter is a 400 with one line.
    """
    try:
        text = _param(params, "q") or ""
        fmt = _param(params, "format") or "json"
        if fmt not in ("json", "html"):
            raise SearchError(f"format must be json or html, not {fmt!r}")
        limit = min(_int_param(params, "limit") or 20, _MAX_LIMIT)
        fts_query(text)
        buyers = resolve_parties([_param(params, "buyer") or ""])
        suppliers = resolve_parties([_param(params, "supplier") or ""])
        year_from, year_to = _int_param(params, "from"), _int_param(params, "to")
        hits = _serve_index(location).search(
            text, buyers=buyers, suppliers=suppliers, year_from=year_from, year_to=year_to, limit=limit
        )
    except KgError as exc:
        return 400, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8"
    if fmt == "html":
        return 200, render_html(text, hits).encode("utf-8"), "text/html; charset=utf-8"
    body = json.dumps({"query": text, "hits": [h.to_dict() for h in hits]}, ensure_ascii=False, indent=1)
    return 200, body.encode("utf-8"), "application/json; charset=utf-8"


def render_html(text: str, hits: Sequence[Hit]) -> str:
    """Search results as an HTML page; every value is escaped."""
    header, rows = table_rows(hits)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body_rows = []
    for hit, row in zip(hits, rows, strict=True):
        cells = [html.escape("" if v is None else str(v)) for v in row]
        if hit.url and hit.url.startswith(("http://", "https://")):
            cells[6] = f"<a href='{html.escape(hit.url, quote=True)}' rel=noreferrer>{cells[6]}</a>"
        body_rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    table = f"<table><tr>{head}</tr>{''.join(body_rows)}</table>" if hits else "<p>No hits.</p>"
    return html_page(f"Search: {text}", f"<p>{len(hits)} hit(s)</p>{table}")


__all__ = ["SERVE_REFRESH_INTERVAL", "http_search", "render_html"]
