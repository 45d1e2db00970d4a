"""A SPARQL 1.1 server as a store (:class:`RemoteStore`), and what the engines need beyond
the standard protocols: credentials, engine quirks.

:class:`RemoteStore` speaks SPARQL 1.1 Protocol and the Graph Store Protocol; the engines differ in ways kg must absorb so that every command gives
the same answer on every engine (tested against Oxigraph server and Virtuoso 7.2):

* credentials (Virtuoso refuses anonymous updates) come from the store URL
  (``http://user:pass@host:port``) or ``KG_REMOTE_USER``/``KG_REMOTE_PASSWORD``, are
  answered to HTTP digest or basic challenges only, and never appear in a message;
* Virtuoso truncates results at its ``ResultSetMaxRows`` with a 200 answer (a SELECT
  says so only in the ``X-SPARQL-MaxRows`` header, a CONSTRUCT not at all): kg pages
  such results with ORDER BY/LIMIT/OFFSET so that no aggregate is computed on a part;
  a query cut at its ``MaxQueryExecutionTime`` (partial "anytime" answer, header
  ``X-SQL-State: S1TAT``) is an error;
* Virtuoso returns booleans as ``1``/``0`` (fixed here), and its default graph is the
  union of all graphs, system graphs included (kg's listings, counts and exports leave
  those out); a caller's ``DEFINE`` pragma is refused (some switch on the sponger).
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import re
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import KgError, QueryError, StoreError
from kg.rdf.bindings import inject_values, safe_term
from kg.rdf.terms import nt_term
from kg.store.base import (
    _QUAD_FORMATS,
    EXPORT_FORMATS,
    GraphData,
    Store,
    _dump_store,
    _star_ordered,
    refuse_outbound_query,
    to_ntriples,
)
from kg.store.remote_sparql import (
    coalesce_unfolded,
    constants_inlined,
    fix_json_terms,
    paged_select,
    query_form,
    refuse_pragmas,
)
from kg.vocab.iris import REGISTRY_GRAPH

#: Statements per Graph Store ``POST`` by engine.  Virtuoso: its large single requests were
#: seen to hang or store part of the data.  Oxigraph server: each ``no_transaction`` request
#: is one bulk load (15 s for the 747k-triple register in one request, 24 s in 100k chunks),
#: so few large ones.
_CHUNK_TRIPLES = {"virtuoso": 50_000, "oxigraph": 1_000_000, "sparql": 50_000}
#: The rate at which a one-transaction ``MOVE`` is given time (measured: Oxigraph server
#: moved 747k triples in 196 s at load 4 on 2 cores), i.e. its timeout is at least
#: ``triples / SWAP_TRIPLES_PER_SECOND`` seconds.
SWAP_TRIPLES_PER_SECOND = 1_000


@dataclass(frozen=True)
class Credentials:
    """A user name and password for HTTP authentication; the password never prints."""

    user: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password='***')"


def split_credentials(url: str) -> tuple[str, Credentials | None]:
    """The URL without its ``user:password@`` part, and the credentials to use.

    Credentials in the URL win over ``KG_REMOTE_USER``/``KG_REMOTE_PASSWORD``; a user
    without a password gets an empty one.
    """
    parts = urllib.parse.urlsplit(url)
    user, password = parts.username, parts.password
    if parts.username is not None or parts.password is not None:
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = host + (f":{parts.port}" if parts.port else "")
        url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    if user is None:
        user = os.environ.get("KG_REMOTE_USER") or None
        password = os.environ.get("KG_REMOTE_PASSWORD", "") if user else None
    if user is None:
        return url, None
    return url, Credentials(urllib.parse.unquote(user), urllib.parse.unquote(password or ""))


def redact(text: str, credentials: Credentials | None) -> str:
    """``text`` with the password (plain and URL-quoted) and any ``user:pass@`` part removed."""
    text = re.sub(r"(?i)(https?://)[^/@\s]*@", r"\1", text)
    if credentials and credentials.password:
        for secret in {credentials.password, urllib.parse.quote(credentials.password, safe="")}:
            text = text.replace(secret, "***")
    return text


def opener(base: str, credentials: Credentials | None) -> urllib.request.OpenerDirector:
    """A urllib opener that answers digest and basic challenges from ``base`` with ``credentials``.

    The password is sent only when the server asks for it (a 401 challenge), so an
    engine that needs none (Oxigraph server) never receives it.
    """
    if credentials is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, base, credentials.user, credentials.password)
    return urllib.request.build_opener(
        urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)
    )


def engine_of(server_header: str | None) -> str:
    """``virtuoso``, ``oxigraph`` or ``sparql`` (any other SPARQL 1.1 server) from ``Server:``."""
    header = (server_header or "").lower()
    if header.startswith("virtuoso"):
        return "virtuoso"
    if header.startswith("oxigraph"):
        return "oxigraph"
    return "sparql"


def error_detail(body: bytes, reason: str) -> str:
    """One readable line from an error answer (Virtuoso answers HTML pages)."""
    text = body.decode("utf-8", "replace")
    if "<" in text and re.search(r"(?i)<(html|!doctype|body|h\d)", text):
        text = re.sub(r"(?is)<(title|head)>.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    detail = " ".join(lines)[:300]
    return detail or reason


#: IRIs of graphs a fresh Virtuoso database holds (its schema, LDP, WebDAV and service
#: descriptions); they are not kg data and are hidden from every query.
VIRTUOSO_SYSTEM_GRAPHS = re.compile(
    r"^(?:http://www\.openlinksw\.com/|http://www\.w3\.org/ns/ldp#$|https?://[^/]+/(?:sparql|DAV/)$)"
)


class RemoteStore(Store):
    """A SPARQL 1.1 server: Protocol for queries and updates, Graph Store Protocol for graphs.

    The engine is recognised once, from the ``Server`` header of the server's root page:
    Oxigraph server (``/query``, ``/update``, ``/store`` under ``base``), Virtuoso
    (``/sparql``, ``/sparql-auth``, ``/sparql-graph-crud-auth``; quirks absorbed here and
    in :mod:`kg.store.remote`), or any other server, which keeps Oxigraph's layout unless the
    endpoints are set (``KG_QUERY_ENDPOINT``, ``KG_UPDATE_ENDPOINT``, ``KG_GSP_ENDPOINT``;
    see docs/remote-stores.md).  Credentials come from the URL or the environment and are
    redacted from every message.  Every request has a timeout; failures raise
    :class:`StoreError` (or :class:`QueryError` for a query the server rejects).
    """

    #: Statements per Graph Store Protocol ``POST``; None: the engine's (``_CHUNK_TRIPLES``).
    chunk_triples: int | None = None
    #: Most statements a replacement may change to be applied as one difference update
    #: (Oxigraph server; :meth:`_apply_difference`); more, and the graph is swapped whole.
    difference_limit = 200_000
    #: Prefix of the graphs a Virtuoso upload goes to before it is moved into place.
    TEMP_GRAPH_PREFIX = "urn:x-kg-upload:"
    #: The graph that names the graphs being written, until each is complete (hidden from
    #: listings like the temporary graphs): what :meth:`_recover` drops after a crash.
    PENDING_GRAPH = TEMP_GRAPH_PREFIX + "pending"

    def __init__(
        self,
        base: str,
        *,
        query_url: str | None = None,
        update_url: str | None = None,
        gsp_url: str | None = None,
        timeout: float = 60.0,
        read_only: bool = False,
    ) -> None:
        base, self._credentials = split_credentials(base.rstrip("/"))
        self.location = base
        self.read_only = read_only
        self._explicit = {
            "query": query_url or os.environ.get("KG_QUERY_ENDPOINT"),
            "update": update_url or os.environ.get("KG_UPDATE_ENDPOINT"),
            "gsp": gsp_url or os.environ.get("KG_GSP_ENDPOINT"),
        }
        self.timeout = float(os.environ.get("KG_REMOTE_TIMEOUT", timeout))
        self._opener = opener(base, self._credentials)
        self._engine: str | None = None
        self._system_graphs: list[str] = []
        self._max_rows: int | None = None

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r}, engine={self._engine or '?'})"

    # -- engine ----------------------------------------------------------------------------
    @property
    def engine(self) -> str:
        """``oxigraph``, ``virtuoso`` or ``sparql``; asked of the server once."""
        if self._engine is None:
            parts = urllib.parse.urlsplit(self.location)
            root = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
            _, headers = self._request(root, accept_status=True)
            self._engine = engine_of(headers.get("Server"))
            if self._engine == "virtuoso":
                self._virtuoso_setup()
            if not self.read_only:
                self._recover()
        return self._engine

    def _endpoint(self, kind: str) -> str:
        explicit = self._explicit[kind]
        if explicit:
            return explicit
        if self.engine == "virtuoso":
            auth = "-auth" if self._credentials else ""
            path = {"query": "/sparql", "update": f"/sparql{auth}", "gsp": f"/sparql-graph-crud{auth}"}
        else:
            path = {"query": "/query", "update": "/update", "gsp": "/store"}
        return self.location + path[kind]

    @property
    def query_url(self) -> str:
        return self._endpoint("query")

    @property
    def update_url(self) -> str:
        return self._endpoint("update")

    @property
    def gsp_url(self) -> str:
        return self._endpoint("gsp")

    def _virtuoso_setup(self) -> None:
        """Find Virtuoso's system graphs (left out of kg's listings and counts) and its row limit.

        Why not its ``DEFINE input:named-graph-exclude`` pragma: with any dataset pragma,
        Virtuoso 7.2 answers ``GRAPH <iri> { ... }`` patterns with no rows (measured).
        """
        rows = self._select_raw("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        self._system_graphs = sorted(
            r["g"]["value"] for r in rows if VIRTUOSO_SYSTEM_GRAPHS.match(r["g"]["value"])
        )
        try:
            limit = self._select_raw(
                'SELECT (bif:cfg_item_value(bif:virtuoso_ini_path(), "SPARQL", "ResultSetMaxRows") AS ?n) {}'
            )
            self._max_rows = int(limit[0]["n"]["value"])
        except (KgError, KeyError, IndexError, ValueError):
            self._max_rows = None  # not allowed to read it: SELECTs still page on the header

    # -- HTTP ------------------------------------------------------------------------------
    def _request(
        self,
        url: str,
        *,
        data: bytes | None = None,
        method: str = "GET",
        headers: dict[str, str] | None = None,
        accept_status: bool = False,
        timeout: float | None = None,
    ) -> tuple[bytes, Message]:
        """Body and headers of one request; ``accept_status`` returns error answers too."""
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        creds = self._credentials
        try:
            with self._opener.open(req, timeout=timeout or self.timeout) as resp:
                return resp.read(), resp.headers
        except urllib.error.HTTPError as exc:
            body = exc.read()
            if accept_status:
                return body, exc.headers
            detail = redact(error_detail(body, str(exc.reason)), creds)
            if exc.code == 400:
                raise QueryError(f"{self.location}: {detail}") from None
            if exc.code == 401:
                hint = "wrong user or password" if creds else "set KG_REMOTE_USER and KG_REMOTE_PASSWORD"
                raise StoreError(f"{self.location}: HTTP 401 from {url}: {hint}") from None
            if self._engine == "virtuoso" and re.search(r"\b(SP0|SQ|37000|22023)", detail):
                raise QueryError(f"{self.location}: {detail}") from None
            raise StoreError(f"{self.location}: HTTP {exc.code} from {url}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = redact(str(getattr(exc, "reason", exc)), creds)
            raise StoreError(f"{self.location}: cannot reach SPARQL endpoint {url}: {reason}") from None

    def _post_query(
        self, text: str, params: dict[str, str] | None = None, *, graph: bool = False
    ) -> tuple[bytes, Message]:
        """POST a query; ``graph`` asks for N-Triples only (Virtuoso answers a CONSTRUCT
        with SPARQL JSON bindings when JSON is acceptable at all)."""
        accept = (
            "application/n-triples"
            if graph
            else "application/sparql-results+json, application/n-triples;q=0.9"
        )
        body, headers = self._request(
            self.query_url,
            data=urllib.parse.urlencode({"query": text, **(params or {})}).encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        if (headers.get("X-SQL-State") or "").upper().startswith("S1TAT"):
            # Virtuoso's "anytime query": cut at MaxQueryExecutionTime, answered as a success
            raise StoreError(
                f"{self.location}: the server stopped the query at its time limit and sent a partial "
                "answer (Virtuoso MaxQueryExecutionTime); kg does not show partial results: raise "
                "the limit (0 = none) or narrow the query"
            )
        return body, headers

    def _select_raw(self, text: str) -> list[dict[str, Any]]:
        """JSON bindings of a SELECT sent as is (no pragmas, no paging): setup queries."""
        body, _ = self._post_query(text)
        return json.loads(body)["results"]["bindings"]

    # -- reads -----------------------------------------------------------------------------
    def query(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, *, union: bool = False
    ) -> Result:
        """Run a query; ``union`` makes the default graph the union of the named graphs.

        On Virtuoso the default graph is always the union of all graphs (its system graphs
        included).
        """
        refuse_outbound_query(sparql)
        text = inject_values(sparql, bindings) if bindings else sparql
        engine = self.engine
        if engine == "virtuoso":
            refuse_pragmas(text)
            try:
                return self._virtuoso_query(text)
            except QueryError as exc:
                # its SP031 on a VALUES-fixed variable read in FILTER NOT EXISTS: constants inlined
                inlined = constants_inlined(sparql, bindings) if bindings and "SP031" in str(exc) else None
                if inlined is None:
                    raise
                return self._virtuoso_query(inlined)
        params = {}
        if union:
            if engine != "oxigraph":
                raise QueryError(
                    f"{self.location}: this SPARQL server has no per-query union default graph; "
                    "use GRAPH ?g { ... } patterns"
                )
            params["union-default-graph"] = ""
        body, _ = self._post_query(text, params)
        return _star_ordered(sparql, _parse_result(body))

    def _virtuoso_query(self, text: str) -> Result:
        text = coalesce_unfolded(text)  # its wrong values for COALESCE(?optional, 0) under a FILTER
        form = query_form(text)
        body, headers = self._post_query(text, graph=form in ("CONSTRUCT", "DESCRIBE"))
        if not body.lstrip().startswith(b"{"):
            result = _parse_result(body)
            if self._max_rows is not None and len(result.graph) >= self._max_rows:
                raise StoreError(
                    f"{self.location}: the graph result reached the server's limit of {self._max_rows} "
                    "rows (ResultSetMaxRows) and may be truncated; narrow the query or raise the limit"
                )
            return result
        from rdflib.plugins.sparql.results.jsonresults import JSONResult

        data = fix_json_terms(json.loads(body))
        limit = headers.get("X-SPARQL-MaxRows")
        if limit and "results" in data and form == "SELECT":
            data["results"]["bindings"] = self._all_pages(text, data["head"]["vars"], int(limit))
        return _star_ordered(text, JSONResult(data))

    def _all_pages(self, text: str, variables: list[str], limit: int) -> list[dict[str, Any]]:
        """Every solution of a SELECT the server cut at ``limit`` rows, page by page."""
        rows: list[dict[str, Any]] = []
        while True:
            page_text = paged_select(text, variables, limit, len(rows))
            body, _ = self._post_query(page_text)
            page = fix_json_terms(json.loads(body))["results"]["bindings"]
            rows.extend(page)
            if len(page) < limit:
                return rows

    def count(self, graph: URIRef | None = None) -> int:
        if self.engine != "virtuoso":
            return super().count(graph)
        if graph is None:
            # its default graph is the union of all graphs: count kg's named graphs only
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._not_system()} }}"
        else:
            # the graph written in, not bound by VALUES: Virtuoso 7.2 counted the 7.3M-triple
            # 10x register in 6.7 s this way, and had not answered the VALUES form after 20 min
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {safe_term(URIRef(graph))} {{ ?s ?p ?o }} }}"
        row = self.select(q)
        return int(row[0]["n"]) if row else 0

    def _not_system(self) -> str:
        """A FILTER leaving out Virtuoso's system graphs (empty on other engines)."""
        if self.engine != "virtuoso" or not self._system_graphs:
            return ""
        return "FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in self._system_graphs) + "))"

    def named_graphs(self) -> list[URIRef]:
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._not_system()} }}")
        return sorted(
            URIRef(r["g"])
            for r in rows
            if "g" in r and r["g"] != REGISTRY_GRAPH and not str(r["g"]).startswith(self.TEMP_GRAPH_PREFIX)
        )

    # -- writes ----------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL update; ``timeout`` (seconds) overrides the store's for slow swaps."""
        self._check_writable()
        self._request(
            self.update_url,
            data=urllib.parse.urlencode({"update": sparql}).encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            timeout=timeout,
        )

    def _graph_url(self, graph: URIRef | str, **params: str) -> str:
        return self.gsp_url + "?" + urllib.parse.urlencode({"graph": str(graph), **params})

    def replace_graphs(self, graphs: Mapping[URIRef, GraphData], *, bulk: bool = False) -> None:
        """Replace each graph with ``graphs[g]``; each is written whole or not at all.

        A graph the store does not hold yet (a first import) is written straight into
        place in chunks (:meth:`_upload`) and dropped again if any step fails; one it
        holds is uploaded beside it and swapped in (:meth:`_swap_in`), so the old graph
        stays until the new one is complete.
        """
        self._check_writable()
        for g, data in graphs.items():
            graph = URIRef(g)
            lines = _statements(to_ntriples(data))
            if not lines:
                self.update(f"DROP SILENT GRAPH {safe_term(graph)}")
            elif not self.has_graph(graph):
                self._upload(graph, lines)
            elif not self._apply_difference(graph, lines):
                self._swap_in(graph, lines)

    def _chunk_size(self, lines: list[bytes]) -> int:
        """Statements per Graph Store ``POST``: all of them when blank nodes occur (their
        labels are scoped to one request), else the engine's chunk size."""
        if any(b"_:" in line for line in lines):
            return len(lines)
        return self.chunk_triples or _CHUNK_TRIPLES.get(self.engine, _CHUNK_TRIPLES["sparql"])

    def _marker(self, graph: URIRef) -> str:
        """The triple that says "``graph`` is being written" in :attr:`PENDING_GRAPH`."""
        return f"{safe_term(graph)} <{self.TEMP_GRAPH_PREFIX}writing> <{self.PENDING_GRAPH}>"

    def _recover(self) -> None:
        """Drop the graphs a writer left half-written (its process or the server died
        mid-upload, so it could not drop them itself), then their markers.

        Run once by a writable store when it first talks to the server; stores opened
        read-only (every reading command) never drop anything.  Like the embedded store's
        recovery, this assumes one writer at a time.
        """
        pending = safe_term(URIRef(self.PENDING_GRAPH))
        rows = self._select_raw(f"SELECT DISTINCT ?g WHERE {{ GRAPH {pending} {{ ?g ?p ?o }} }}")
        for row in rows:
            graph = URIRef(row["g"]["value"])
            self.update(f"DROP SILENT GRAPH {safe_term(graph)}")
            self.update(f"DELETE DATA {{ GRAPH {pending} {{ {self._marker(graph)} }} }}")

    def _upload(self, graph: URIRef, lines: list[bytes]) -> None:
        """POST ``lines`` into ``graph`` (empty or new) in chunks and check the count; on
        any failure drop ``graph``, so that nothing partial remains.

        Why chunks and not one ``PUT``: Virtuoso's ``PUT`` is not atomic and its large
        requests were seen to hang or store only part of the data with a 201; Oxigraph
        server applies a ``PUT`` or plain ``POST`` as one transaction, which took 605 s
        for the 747k-triple register (its ``no_transaction`` bulk load, used here, 15 s).
        Either way atomicity comes from dropping the graph on failure, not from the server.
        """
        params = {"no_transaction": ""} if self.engine == "oxigraph" else {}
        step = self._chunk_size(lines)
        pending = safe_term(URIRef(self.PENDING_GRAPH))
        self.update(f"INSERT DATA {{ GRAPH {pending} {{ {self._marker(graph)} }} }}")
        try:
            for start in range(0, len(lines), step):
                self._request(
                    self._graph_url(graph, **params),
                    data=b"\n".join(lines[start : start + step]) + b"\n",
                    method="POST",
                    headers={"Content-Type": "application/n-triples"},
                )
            stored, expected = self._count_written(graph), len(set(lines))
            if stored < expected:
                raise StoreError(
                    f"{self.location}: the server stored {stored} of {expected} triples for {graph}; "
                    "nothing was kept"
                )
        except BaseException:
            self._drop_quietly(graph)
            raise
        self.update(f"DELETE DATA {{ GRAPH {pending} {{ {self._marker(graph)} }} }}")

    def _count_written(self, graph: URIRef, tries: int = 4) -> int:
        """Triples in a graph just written, asked again when Virtuoso answers SR171.

        Why: right after a chunked upload Virtuoso sometimes times out the count's
        transaction (SR171, seen once at 1x on a machine at load 10) while the writes
        settle; the count is a read, so asking again is safe.
        """
        for attempt in range(tries):
            try:
                return self.count(graph)
            except StoreError as exc:
                if "SR171" not in str(exc) or attempt == tries - 1:
                    raise
                time.sleep(2.0 * (attempt + 1))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _apply_difference(self, graph: URIRef, lines: list[bytes]) -> bool:
        """On Oxigraph server, replace a graph by deleting and inserting only the statements
        that differ, in one update (one transaction); False when that does not apply.

        Why: its ``MOVE`` of a whole graph is one transaction whose cost grows with the
        graph (196 s for the 747k-triple register), while a re-import (``--force``, a
        corrected file, a rebuilt links graph) usually changes little.  The old graph
        comes from a Graph Store ``GET``, whose N-Triples are the same text as kg's for the
        same triple (checked on the register), so the difference is exact; a statement
        written differently would only be deleted and inserted again.  Not used when
        blank nodes or ``\\u`` escapes occur (neither compares as text), nor above
        :attr:`difference_limit` changed statements (then the graph is swapped whole).
        """
        if self.engine != "oxigraph" or any(b"_:" in line for line in lines):
            return False
        body, _ = self._request(self._graph_url(graph), headers={"Accept": "application/n-triples"})
        old, new = set(_statements(body)), set(lines)
        gone, added = old - new, new - old
        changed = len(gone) + len(added)
        if changed > self.difference_limit or any(_not_plain(line) for line in gone | added):
            return False
        blocks = [
            f"{verb} DATA {{ GRAPH {safe_term(graph)} {{\n" + b"\n".join(part).decode() + "\n} }"
            for verb, part in (("DELETE", gone), ("INSERT", added))
            if part
        ]
        if blocks:
            self.update(" ;\n".join(blocks), timeout=max(self.timeout, changed / SWAP_TRIPLES_PER_SECOND))
        return True

    def _swap_in(self, graph: URIRef, lines: list[bytes]) -> None:
        """Replace a graph the store holds: upload beside it, then ``MOVE`` it into place.

        The ``MOVE`` is one transaction on every engine, so readers see the old graph or
        the new one; its cost grows with the graph (Oxigraph server: 196 s for 747k
        triples on the 2-core test machine), so it gets a longer timeout.  Virtuoso aborts
        such a transaction above its limits (SR325, SR171): the error says so and what to do.
        A failure at any step drops the temporary graph; the old graph stays as it was.
        """
        temp = URIRef(f"{self.TEMP_GRAPH_PREFIX}{uuid.uuid4().hex}")
        self._upload(temp, lines)
        try:
            self.update(
                f"MOVE SILENT GRAPH {safe_term(temp)} TO GRAPH {safe_term(graph)}",
                timeout=max(self.timeout, len(lines) / SWAP_TRIPLES_PER_SECOND),
            )
        except StoreError as exc:
            self._drop_quietly(temp)
            if self.engine == "virtuoso" and re.search(r"\bSR(171|325)\b", str(exc)):
                raise StoreError(
                    f"{self.location}: Virtuoso could not swap the new {len(lines)}-triple graph for {graph} "
                    "in one transaction (its transaction limits; the old graph is unchanged). Drop the "
                    f"graph first (DROP SILENT GRAPH <{graph}> at {self.update_url}) and import again: a "
                    "graph the store does not hold is written without a swap. Or raise "
                    "TransactionAfterImageLimit, or load with Virtuoso's bulk loader "
                    f"(docs/remote-stores.md). Server said: {str(exc)[-200:]}"
                ) from None
            raise
        except BaseException:
            self._drop_quietly(temp)
            raise

    def _drop_quietly(self, graph: URIRef) -> None:
        """Drop a graph after a failure, then its marker; the first error is the one reported.

        If the server cannot be reached, the marker stays and the next writer drops the
        graph (:meth:`_recover`).
        """
        with contextlib.suppress(KgError):
            self.update(f"DROP SILENT GRAPH {safe_term(graph)}")
            pending = safe_term(URIRef(self.PENDING_GRAPH))
            self.update(f"DELETE DATA {{ GRAPH {pending} {{ {self._marker(graph)} }} }}")

    def drop_graphs(self, graphs: Iterable[URIRef]) -> None:
        for g in graphs:
            self.update(f"DROP SILENT GRAPH {safe_term(URIRef(g))}")

    # -- export ----------------------------------------------------------------------------
    def export(self, fmt: str, out: IO[bytes], graph: URIRef | None = None) -> None:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
        local = ox.Store()
        if graph is not None or fmt in _QUAD_FORMATS:
            # Graph by graph: quad formats keep the names.
            for g in [graph] if graph is not None else self.named_graphs():
                target = ox.NamedNode(str(g)) if fmt in _QUAD_FORMATS else ox.DefaultGraph()
                local.load(self._graph_triples(g), ox.RdfFormat.N_TRIPLES, to_graph=target)
        elif self.engine == "virtuoso":
            rows = self.select(
                f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._not_system()} }}"
            )
            local.load(_rows_ntriples(rows), ox.RdfFormat.N_TRIPLES)
        else:
            # A triple format for the whole store: the union of all graphs in one request.
            body, _ = self._request(
                self.query_url,
                data=urllib.parse.urlencode(
                    {"query": "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"}
                ).encode(),
                method="POST",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/n-triples",
                },
            )
            local.load(body, ox.RdfFormat.N_TRIPLES)
        _dump_store(local, fmt, out)

    def _graph_triples(self, graph: URIRef) -> bytes:
        """N-Triples of one graph: Graph Store Protocol GET, or (Virtuoso, whose GET and
        CONSTRUCT stop silently at its row limit) a paged SELECT."""
        if self.engine == "virtuoso":
            rows = self.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
            return _rows_ntriples(rows)
        body, _ = self._request(self._graph_url(graph), headers={"Accept": "application/n-triples"})
        return body


def _statements(payload: bytes) -> list[bytes]:
    """The non-empty, non-comment lines of an N-Triples payload (one statement each)."""
    return [line for line in payload.splitlines() if line.strip() and not line.lstrip().startswith(b"#")]


def _not_plain(line: bytes) -> bool:
    """Whether an N-Triples statement has a blank node or a ``\\u`` escape (SPARQL applies
    those before parsing, N-Triples inside its strings only)."""
    return b"_:" in line or b"\\u" in line or b"\\U" in line


def _parse_result(body: bytes) -> Result:
    """A SPARQL JSON result, or N-Triples as a CONSTRUCT result."""
    if body.lstrip().startswith(b"{"):
        return Result.parse(io.BytesIO(body), format="json")
    from rdflib import Graph

    result = Result("CONSTRUCT")
    result.graph = Graph().parse(data=body.decode("utf-8"), format="nt")
    return result


def _rows_ntriples(rows: list[dict[str, Node]]) -> bytes:
    """N-Triples of ``?s ?p ?o`` rows (Virtuoso's ``nodeID://`` blank nodes get N-Triples labels)."""
    out = []
    for r in rows:
        terms = []
        for key in ("s", "p", "o"):
            term = r[key]
            if isinstance(term, BNode):
                terms.append("_:" + re.sub(r"[^A-Za-z0-9]", "_", str(term)))
            else:
                terms.append(nt_term(term))
        out.append(" ".join(terms) + " .\n")
    return "".join(out).encode("utf-8")
