"""The HTTP side of ``kg serve``: SPARQL 1.1 Protocol routes, named queries, the query page.

Routes:

* ``GET|POST /query`` (also ``/sparql`` and ``/`` with a ``query`` parameter): SPARQL
  queries, form-encoded or ``application/sparql-query``; results by ``Accept`` or
  ``format=`` (json, xml, csv, tsv, html; turtle, nt, jsonld, rdfxml for graphs).
* ``POST /update`` (or ``/sparql`` with ``update=`` / ``application/sparql-update``):
  403 unless the server is ``--writable``.
* ``GET /queries``: the named queries as JSON; ``GET /queries/NAME?param=value``: run one.
* ``GET /search?q=...``: full-text search (:mod:`kg.analysis.search`), JSON or ``format=html``.
* ``GET /views/...``: the HTML files of ``--views DIR``, read-only.
* ``GET /``: the query page (:mod:`kg.serve.page`; inline script with a CSP hash; works offline).
"""

from __future__ import annotations

import html
import json
import mimetypes
import sys
import threading
import urllib.parse
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kg.serve import ServeConfig
from kg.serve import formats as fmt
from kg.serve.guard import Refused, check
from kg.serve.page import PAGE_CSP, render_page
from kg.serve.worker import Outcome, PoolBusy, QueryTimeout, WorkerPool

#: Refused request bodies up to this size are read and dropped before the 413 (see _discard).
DRAIN_LIMIT = 4 * 1024 * 1024
_VIEW_TYPES = {".html", ".htm", ".js", ".css", ".json", ".svg", ".png", ".jpg", ".txt", ".csv"}
VIEWS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


class _PoolSelector:
    """Lets :mod:`kg.queries.named` resolve names through the worker pool (same timeout rules)."""

    def __init__(self, server: SparqlServer) -> None:
        self.server = server

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        from kg.rdf.bindings import inject_values

        text = inject_values(sparql, bindings) if bindings else sparql
        variables, rows, _ = self.server.select_terms(text)
        return [{v: t for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]

    def rows(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """:meth:`kg.store.Store.rows` (plain Python values) through the pool."""
        from kg.store import plain

        return [{k: plain(v) for k, v in row.items()} for row in self.select(sparql, bindings)]


class SparqlServer:
    """The endpoint: a worker pool plus a threading HTTP server; usable as a context manager."""

    def __init__(self, config: ServeConfig, log: Callable[[str], None] | None = None) -> None:
        from kg.vocab.ns import PREFIXES

        self.config = config
        self.log = log or (lambda m: print(m, file=sys.stderr))
        location = Path(config.location)
        if config.location == "memory:" or config.location.startswith(("http://", "https://")):
            from kg.errors import StoreError

            raise StoreError(
                "kg serve serves an on-disk store (a directory); a remote SPARQL server is already an endpoint"
            )
        if not (location / "CURRENT").exists():
            from kg.errors import StoreError

            raise StoreError(f"no store at {config.location} (create one with `kg import ...` or `kg demo`)")
        self.pool = WorkerPool(
            str(location),
            size=config.workers,
            writable=config.writable,
            prefixes={p: str(n) for p, n in PREFIXES.items()},
        )
        from kg.store.sandbox import ISOLATED

        if self.pool.isolation not in ISOLATED:
            self.log(
                f"kg: warning: query workers keep network access ({self.pool.isolation.removeprefix('none: ')}); "
                "SERVICE and LOAD are still refused by the query text check"
            )
        try:
            self.httpd = _HttpServer((config.host, config.port), self)
        except OSError:
            self.pool.close()
            raise
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def view_files(self) -> list[str]:
        root = self.config.views_dir
        if root is None:
            return []
        return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*.htm*") if p.is_file())

    # -- running things -------------------------------------------------------------------
    def run(self, op: str, text: str, fmt_key: str, max_rows: int | None = None) -> Outcome:
        return self.pool.run(op, text, fmt_key, max_rows or self.config.max_rows, self.config.timeout)

    def select_terms(self, text: str) -> tuple[list[str], list[list[Any]], bool]:
        """Run a SELECT through the pool and return rdflib terms (for named-query processing)."""
        outcome = self.run("query", text, "json")
        if outcome.status != 200:
            raise Refused(outcome.status, outcome.body.decode("utf-8", "replace"))
        data = json.loads(outcome.body)
        variables = data["head"]["vars"]
        rows = [[fmt.to_rdflib(b.get(v)) for v in variables] for b in data["results"]["bindings"]]
        return variables, rows, outcome.truncated

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> SparqlServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True, name="kg-serve")
        self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(timeout=5)
        self.httpd.server_close()
        self.pool.close()

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve_forever(config: ServeConfig, log: Callable[[str], None] | None = None) -> None:
    """Run the endpoint until interrupted (``kg serve``)."""
    server = SparqlServer(config, log)
    mode = "read-write" if config.writable else "read-only"
    from kg.store.sandbox import ISOLATED

    network = "no network" if server.pool.isolation in ISOLATED else "WITH network"
    server.log(
        f"kg: serving {config.location} ({mode}; query workers: {network}, {server.pool.isolation}) "
        f"at {server.url}/ (SPARQL endpoint {server.url}/query)"
    )
    if config.host not in ("127.0.0.1", "localhost", "::1"):
        server.log("kg: warning: listening beyond loopback; put authentication and TLS in front")
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        server.log("kg: stopped")
    finally:
        server.httpd.server_close()
        server.pool.close()


# --- request handling -----------------------------------------------------------------


class _HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class _HttpServer(ThreadingHTTPServer):
    """The HTTP server of one endpoint: carries the :class:`SparqlServer` its handlers serve."""

    def __init__(self, address: tuple[str, int], endpoint: SparqlServer) -> None:
        self.endpoint = endpoint
        super().__init__(address, SparqlHandler)


class SparqlHandler(BaseHTTPRequestHandler):
    """One HTTP request: routing, body limits, origin checks, and the answers of each route.

    The endpoint it serves is ``self.server.endpoint`` (an :class:`_HttpServer`); request
    policy over SPARQL text lives in :mod:`kg.serve.guard`.
    """

    server: _HttpServer

    @property
    def endpoint(self) -> SparqlServer:
        return self.server.endpoint

    @property
    def config(self) -> ServeConfig:
        return self.server.endpoint.config

    protocol_version = "HTTP/1.1"
    # Headers and body are separate writes: with Nagle's algorithm on, keep-alive
    # clients wait for the delayed ACK (~40 ms) on every response.
    disable_nagle_algorithm = True
    server_version = "kg-sparql"
    sys_version = ""
    # a client that stops sending (headers or body) frees its thread after this long
    timeout = 30.0

    def log_message(self, format: str, *args: Any) -> None:
        if not self.config.quiet:
            self.endpoint.log(f"kg: {self.address_string()} {format % args}")

    # -- plumbing -----------------------------------------------------------------
    def _send(
        self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if self._cors_origin is not None:  # an --allow-origin page may read the answer
            self.send_header("Access-Control-Allow-Origin", self._cors_origin)
            self.send_header("Vary", "Origin")
        if self.close_connection:
            # say so: a keep-alive client would otherwise send its next request into
            # a socket this server is closing ("disconnected without a response")
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self.close_connection = True
            raise _HttpError(411, "chunked request bodies are not accepted; send Content-Length")
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            raise _HttpError(411, "Content-Length required")
        try:
            length = int(length_text)
        except ValueError:
            raise _HttpError(400, "bad Content-Length") from None
        if length < 0:
            raise _HttpError(400, "bad Content-Length")
        if length > self.config.max_body:
            self._discard(length)
            self.close_connection = True  # an unread body must not be parsed as a request
            raise _HttpError(
                413, f"request body of {length} bytes exceeds the {self.config.max_body}-byte limit"
            )
        return self.rfile.read(length)

    def _discard(self, length: int) -> None:
        """Read and drop a refused body of modest size before answering.

        Why: closing a socket with unread data in it makes the kernel send a reset,
        which can reach the client before the 413 does (seen under load).  Bodies
        over :data:`DRAIN_LIMIT` are not read: the client may see a reset then.
        """
        if length > DRAIN_LIMIT:
            return
        try:
            while length > 0:
                chunk = self.rfile.read(min(length, 65536))
                if not chunk:
                    return
                length -= len(chunk)
        except OSError:
            return

    def _params(self) -> tuple[str, dict[str, list[str]]]:
        parsed = urllib.parse.urlsplit(self.path)
        if len(parsed.query) > self.config.max_body:
            raise _HttpError(413, "query string too long")
        return parsed.path, urllib.parse.parse_qs(parsed.query, keep_blank_values=True)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionResetError, BrokenPipeError):
            self.close_connection = True

    # -- verbs --------------------------------------------------------------------
    _cors_origin: str | None = None

    def do_GET(self) -> None:
        self._dispatch(post=False)

    def do_HEAD(self) -> None:
        """Like GET (same status and headers, Content-Length included), without the body."""
        self._dispatch(post=False)

    def do_OPTIONS(self) -> None:
        """CORS preflight: answered for --allow-origin origins only (reads)."""
        origin = self.headers.get("Origin")
        if origin is None or origin not in self.config.allow_origins:
            self._cors_origin = None
            self._error(403, "cross-origin requests are refused (see kg serve --allow-origin)")
            return
        self._cors_origin = origin
        self._send(
            204,
            b"",
            "text/plain",
            {
                "Access-Control-Allow-Methods": "GET, POST",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
            },
        )

    def do_POST(self) -> None:
        self._dispatch(post=True)

    def _dispatch(self, post: bool) -> None:
        self._cors_origin = None
        try:
            path, params = self._params()
            self._route(path, params, post)
        except _HttpError as exc:
            self._error(exc.status, exc.message)
        except Refused as exc:
            self._error(exc.status, exc.message)
        except fmt.NotAcceptable as exc:
            self._error(406, str(exc))
        except QueryTimeout as exc:
            self._error(504, str(exc))
        except PoolBusy as exc:
            self._error(503, str(exc))
        except Exception as exc:  # never leak a traceback to the client
            from kg.errors import KgError

            if isinstance(exc, KgError):
                self._error(400, str(exc))
                return
            self.endpoint.log(f"kg: internal error: {exc!r}")
            self._error(500, "internal server error")

    def _check_host(self) -> None:
        """Refuse DNS-rebinding: on loopback, the Host header must name loopback too."""
        if self.config.host not in ("127.0.0.1", "localhost", "::1"):
            return
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if name not in ("127.0.0.1", "localhost", "[::1]"):
            raise _HttpError(403, f"Host {host!r} is not this loopback server")

    def _check_origin(self) -> None:
        """Writes only from this server's own page or non-browser clients (no CSRF)."""
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{self.headers.get('Host', '')}":
            raise _HttpError(403, f"cross-origin update from {origin} refused")

    def _check_read_origin(self) -> None:
        """Queries only from this server's page, non-browser clients or --allow-origin pages.

        Why: a page on another site can send a form or an ``<img src>`` here; the
        browser adds ``Origin`` (fetch, forms) or ``Sec-Fetch-Site`` (every request of a
        current browser).  Refusing those keeps another site from driving this self.endpoint.
        """
        origin = self.headers.get("Origin")
        site = (self.headers.get("Sec-Fetch-Site") or "").strip().lower()
        own = f"http://{self.headers.get('Host', '')}"
        if origin is not None and origin != own:
            if origin not in self.config.allow_origins:
                raise _HttpError(
                    403,
                    f"cross-origin query from {origin} refused (kg serve --allow-origin {origin} allows it)",
                )
            self._cors_origin = origin
        elif origin is None and site in ("cross-site", "same-site"):
            raise _HttpError(403, f"{site} query refused: open the endpoint's own page, or use curl or kg")

    def _route(self, path: str, params: dict[str, list[str]], post: bool) -> None:
        self._check_host()
        if post:
            body = self._read_body()
            ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if ctype == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            elif ctype == "application/sparql-query":
                params["query"] = [body.decode("utf-8", "replace")]
            elif ctype == "application/sparql-update":
                params["update"] = [body.decode("utf-8", "replace")]
            elif path in ("/query", "/sparql", "/update", "/"):
                raise _HttpError(415, f"unsupported Content-Type {ctype!r}")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise Refused(400, "default-graph-uri / named-graph-uri are not supported; use GRAPH <iri> { }")
        runs_sparql = path in ("/query", "/sparql", "/update", "/") and bool(
            {"query", "update"} & set(params)
        )
        if runs_sparql or path.startswith("/queries/"):
            self._check_read_origin()
        if path in ("/query", "/sparql", "/") and "query" in params:
            self._query(_one(params, "query"), params)
        elif path in ("/update", "/sparql") and "update" in params:
            if not post:
                raise _HttpError(405, "updates must be POSTed")
            self._update(_one(params, "update"))
        elif path == "/update":
            raise _HttpError(400, "missing 'update' parameter")
        elif path in ("/query", "/sparql"):
            raise _HttpError(400, "missing 'query' parameter")
        elif path == "/" and not post:
            page = render_page(self.config, self.endpoint.view_files()).encode("utf-8")
            self._send(200, page, "text/html; charset=utf-8", {"Content-Security-Policy": PAGE_CSP})
        elif path == "/search" and not post:
            self._search(params)
        elif path == "/queries" and not post:
            self._list_queries()
        elif path.startswith("/queries/") and not post:
            self._named(urllib.parse.unquote(path[len("/queries/") :]), params)
        elif path == "/views" or path.startswith("/views/"):
            if post:
                raise _HttpError(405, "views are read-only")
            self._view(urllib.parse.unquote(path[len("/views") :].lstrip("/")))
        elif post and (path == "/queries" or path.startswith("/queries/")):
            raise _HttpError(405, "named queries are run with GET")
        else:
            raise _HttpError(404, "not found")

    # -- handlers -----------------------------------------------------------------
    def _wants_html(self) -> bool:
        return "text/html" in (self.headers.get("Accept") or "")

    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        if len(text.encode("utf-8")) > self.config.max_body:
            raise _HttpError(413, "query text exceeds the body limit")
        info = check(text, allow_update=self.config.writable, expect_update=False)
        format_param = params.get("format", [None])[0]
        if format_param == "table":
            format_param = "html"
        key = fmt.negotiate(info.returns_graph, format_param, self.headers.get("Accept"))
        # Oxigraph's parameter: the default graph is the union of all named graphs
        op = "query-union" if "union-default-graph" in params else "query"
        if key == "html" and info.form in ("SELECT", "ASK"):
            # run as JSON, render an escaped table (browsers following a link or the form)
            outcome = self.endpoint.run(op, text, "json")
            if outcome.status == 200:
                data = json.loads(outcome.body)
                if "boolean" in data:
                    body = fmt.write_boolean("html", bool(data["boolean"]))
                else:
                    variables = data["head"]["vars"]
                    rows = [[b.get(v) for v in variables] for b in data["results"]["bindings"]]
                    body = fmt.write_select("html", variables, rows, title="Query results")
                outcome = Outcome(200, body, "text/html", outcome.truncated, outcome.rows)
        else:
            outcome = self.endpoint.run(op, text, key)
        self._answer(outcome)

    def _answer(self, outcome: Outcome) -> None:
        if outcome.status != 200:
            self._error(outcome.status, outcome.body.decode("utf-8", "replace"))
            return
        headers = {"Vary": "Accept", "X-KG-Row-Limit": str(self.config.max_rows)}
        if outcome.truncated:
            headers["X-KG-Truncated"] = "true"
        ctype = outcome.content_type
        if ctype.startswith("text/") or ctype.endswith(("json", "xml", "n-triples")):
            ctype += "; charset=utf-8"
        if outcome.content_type == "text/html":
            headers["Content-Security-Policy"] = fmt.PAGE_CSP
        self._send(200, outcome.body, ctype, headers)

    def _update(self, text: str) -> None:
        check(text, allow_update=self.config.writable, expect_update=True)
        self._check_origin()
        outcome = self.endpoint.run("update", text, "json")
        if outcome.status == 204:
            self._send(204, b"", "text/plain")
        else:
            self._error(outcome.status, outcome.body.decode("utf-8", "replace"))

    def _search(self, params: dict[str, list[str]]) -> None:
        from kg.serve.search import http_search

        status, body, ctype = http_search(self.config.location, params)
        html_csp = {"Content-Security-Policy": fmt.PAGE_CSP} if ctype.startswith("text/html") else {}
        self._send(status, body, ctype, html_csp)

    def _list_queries(self) -> None:
        from kg.queries.named import list_queries

        out = [
            {
                "name": q.name,
                "description": q.description,
                "url": f"/queries/{q.name}",
                "params": [
                    {"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                    for p in q.params
                ],
            }
            for q in list_queries()
        ]
        self._send(200, json.dumps(out, indent=1).encode(), "application/json")

    def _named(self, name: str, params: dict[str, list[str]]) -> None:
        from kg.queries.named import run_named

        format_param = params.pop("format", [None])[0]
        if format_param == "table":
            format_param = "html"
        given = {k: _one(params, k) for k in params}
        key = fmt.negotiate(False, format_param, self.headers.get("Accept"), browser_html=True)
        truncated = [False]

        def runner(text: str, bindings: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
            from kg.rdf.bindings import inject_values

            variables, rows, was_truncated = self.endpoint.select_terms(inject_values(text, bindings))
            truncated[0] = was_truncated
            return variables, rows

        result = run_named(_PoolSelector(self.endpoint), name, given, runner=runner)
        rows = [[fmt.rdflib_term(t) for t in row] for row in result.rows]
        body = fmt.write_select(key, result.variables, rows, title=f"{result.query.name}")
        self._answer(Outcome(200, body, fmt.RESULT_FORMATS[key], truncated[0], len(rows)))

    def _view(self, rel: str) -> None:
        root = self.config.views_dir
        if root is None:
            raise _HttpError(404, "no views directory (start with --views DIR)")
        if not rel:
            items = "".join(
                f"<li><a href='/views/{html.escape(urllib.parse.quote(v), quote=True)}'>{html.escape(v)}</a>"
                for v in self.endpoint.view_files()
            )
            page = fmt.html_page("Views", f"<ul>{items}</ul>").encode()
            self._send(200, page, "text/html; charset=utf-8", {"Content-Security-Policy": fmt.PAGE_CSP})
            return
        base = Path(root).resolve()
        target = (base / rel).resolve()
        if (
            not target.is_relative_to(base)
            or not target.is_file()
            or target.suffix.lower() not in _VIEW_TYPES
        ):
            raise _HttpError(404, "not found")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self._send(200, target.read_bytes(), ctype, {"Content-Security-Policy": VIEWS_CSP})


def _one(params: dict[str, list[str]], key: str) -> str:
    values = params.get(key) or [""]
    if len(values) > 1:
        raise _HttpError(400, f"parameter {key!r} given more than once")
    return values[0]


__all__ = ["SparqlHandler", "SparqlServer", "serve_forever"]
