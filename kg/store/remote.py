"""What a remote SPARQL store needs beyond the standard protocols: credentials, engine quirks.

Why a module of its own: :class:`kg.store.RemoteStore` speaks SPARQL 1.1 Protocol and the
Graph Store Protocol; the engines differ in ways kg must absorb so that every command gives
the same answer on every engine (tested against Oxigraph server and Virtuoso 7.2):

* credentials (Virtuoso refuses anonymous updates) come from the store URL
  (``http://user:pass@host:port``) or ``KG_REMOTE_USER``/``KG_REMOTE_PASSWORD``, are
  answered to HTTP digest or basic challenges only, and never appear in a message;
* Virtuoso truncates results at its ``ResultSetMaxRows`` with a 200 answer (a SELECT
  says so only in the ``X-SPARQL-MaxRows`` header, a CONSTRUCT not at all): kg pages
  such results with ORDER BY/LIMIT/OFFSET so that no aggregate is computed on a part;
* Virtuoso returns booleans as ``1``/``0`` (fixed here), and its default graph is the
  union of all graphs, system graphs included (kg's listings, counts and exports leave
  those out); a caller's ``DEFINE`` pragma is refused (some switch on the sponger).
"""

from __future__ import annotations

import html
import os
import re
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.errors import QueryError
from kg.rdf.bindings import _outer_where_brace, safe_term, skip_opaque, values_block

_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


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


# -- query text ---------------------------------------------------------------------------
_PROLOGUE = re.compile(r"(?is)\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)")
_DEFINE = re.compile(r"(?i)\s*DEFINE\b")
_FORM = re.compile(r"(?is)\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b")


def split_prologue(sparql: str) -> tuple[str, str]:
    """(PREFIX/BASE declarations and comments, the rest of the query)."""
    end = 0
    while True:
        m = _PROLOGUE.match(sparql, end)
        if not m or m.end() == end:
            return sparql[:end], sparql[end:]
        end = m.end()


def refuse_pragmas(sparql: str) -> None:
    """Refuse Virtuoso ``DEFINE`` pragmas in a caller's query.

    Why: they are not SPARQL, and some (``get:soft``, ``input:grab-*``) make the server
    fetch documents from the web.  kg adds its own pragmas after this check.
    """
    _, rest = split_prologue(sparql)
    if _DEFINE.match(rest) or _DEFINE.match(sparql):
        raise QueryError("DEFINE pragmas are not SPARQL and are refused (kg sets the ones it needs)")


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` (after the prologue), else None."""
    m = _FORM.match(split_prologue(sparql)[1])
    return m.group(1).upper() if m else None


def paged_select(sparql: str, variables: list[str], limit: int, offset: int) -> str:
    """One page of a SELECT: the query as a sub-select, ordered by every variable.

    Why every variable: a total order on the solutions makes consecutive pages disjoint
    and complete (identical solutions are interchangeable).
    """
    prologue, body = split_prologue(sparql)
    names = " ".join(f"?{v}" for v in variables)
    return f"{prologue}\nSELECT {names} WHERE {{\n{body}\n}} ORDER BY {names} LIMIT {limit} OFFSET {offset}"


_NOT_INLINABLE = re.compile(r"(?i)\b(?:MINUS|SELECT|BIND|AS)\b")


def constants_inlined(sparql: str, bindings: Mapping[str, Any]) -> str | None:
    """``sparql`` with the ``VALUES`` block of :func:`kg.bindings.inject_values` and, inside
    its WHERE group, every other occurrence of a bound variable replaced by its constant;
    None when that could change the answer.

    Why: Virtuoso 7.2 fails with SP031 ("no SPART_VARR_FIXED") on a variable fixed by an
    outer ``VALUES`` and read again inside ``FILTER NOT EXISTS`` (measured on the
    suppliers-of-buyer and customers-of-supplier queries); the same query with the
    constants written in compiles and answers right.  The VALUES block stays, so the
    variables are still projected, and the clauses after the group are left alone;
    ``BOUND(?v)`` of a bound variable becomes ``true``.
    Refused (None) where a constant is not the same as the bound variable: a sub-SELECT
    (own scope), MINUS (shares no variable after it), BIND/AS (would bind a constant).
    """
    pos = _outer_where_brace(sparql) + 1
    head, body = sparql[:pos] + values_block(bindings), sparql[pos:]
    constants = {name: safe_term(value) for name, value in bindings.items()}
    out, i, n, depth = [], 0, len(body), 1
    while i < n and depth:
        skipped = skip_opaque(body, i)
        if skipped is not None:
            out.append(body[i:skipped])
            i = skipped
            continue
        c = body[i]
        depth += {"{": 1, "}": -1}.get(c, 0)
        bound = _BOUND_CALL.match(body, i) if c in "bB" and not body[i - 1 : i].isalnum() else None
        if bound and bound.group(1) in constants:  # BOUND() takes a variable: it is bound, so true
            out.append("true")
            i = bound.end()
            continue
        m = _VARIABLE_TOKEN.match(body, i) if c in "?$" else None
        if m and m.group(1) in constants:
            out.append(constants[m.group(1)])
            i = m.end()
            continue
        out.append(c)
        i += 1
    group = "".join(out)
    if _NOT_INLINABLE.search(_code_only(group)):
        return None
    return head + group + body[i:]


_BOUND_CALL = re.compile(r"(?i)BOUND\s*\(\s*[?$]([A-Za-z0-9_\u00b7\u00c0-\uffff]+)\s*\)")
_VARIABLE_TOKEN = re.compile(r"[?$]([A-Za-z0-9_\u00b7\u00c0-\uffff]+)")


def _code_only(sparql: str) -> str:
    """``sparql`` without its comments, strings and IRIs (keywords inside them do not count)."""
    out, i = [], 0
    while i < len(sparql):
        skipped = skip_opaque(sparql, i)
        if skipped is not None:
            out.append(" ")
            i = skipped
            continue
        out.append(sparql[i])
        i += 1
    return "".join(out)


def fix_json_terms(results: dict) -> dict:
    """Standard terms in a Virtuoso JSON result: booleans ``1``/``0`` become ``true``/``false``."""
    for row in results.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("datatype") == _XSD_BOOLEAN and term.get("value") in ("1", "0"):
                term["value"] = "true" if term["value"] == "1" else "false"
    return results


#: IRIs of graphs a fresh Virtuoso database holds (its schema, LDP, WebDAV and service
#: descriptions); they are not kg data and are hidden from every query.
VIRTUOSO_SYSTEM_GRAPHS = re.compile(
    r"^(?:http://www\.openlinksw\.com/|http://www\.w3\.org/ns/ldp#$|https?://[^/]+/(?:sparql|DAV/)$)"
)
