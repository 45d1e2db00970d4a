"""Decide what a SPARQL request may do before any engine sees it.

The endpoint must never make the server fetch anything (``SERVICE``, ``LOAD``, ``FROM``
with a dereferenceable IRI are server-side request forgery: Oxigraph's own server keeps
``SERVICE`` on even in read-only mode, and rdflib loads ``FROM <file:///...>``), and must
refuse updates unless it was started ``--writable``.

SERVICE and LOAD are decided first by :func:`kg.rdf.sparql_guard.refuse_outbound`, which does
not tokenize (a tokenizer that disagrees with the engine's parser once is a bypass: it
was, twice).  The tokenizer below only classifies the request (query or update, which
FROM graphs) for the read-only and FROM rules; the query workers run without network.

The tokenizer unescapes ``\\uXXXX`` as the SPARQL grammar says (section 19.2), then
recognises comments, string literals, IRIs (``<...>``), variables, prefixed names and
blank-node labels, and compares only bare words with keywords: good enough to tell a
query from an update (a misread there is refused or fails in the engine, and the worker
opens the store read-only unless ``--writable``), not to stand guard over SERVICE.

``FROM`` / ``FROM NAMED`` IRIs are resolved (``PREFIX`` and ``BASE`` included) and refused
when they could be dereferenced (``file:``, ``http(s):``, ``ftp:`` ...), except the
project's own graph names (``https://w3id.org/defence-kg/id/...``), which Oxigraph takes as
names of graphs in the store and never fetches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from kg.errors import EXIT_USAGE, KgError
from kg.rdf.sparql_guard import refuse_outbound

#: Graph names under this base are store graphs (minted by kg.vocab.iris); FROM may name them.
STORE_GRAPH_BASE = "https://w3id.org/defence-kg/id/"

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
_FETCHING_SCHEMES = ("file", "http", "https", "ftp", "ftps", "sftp", "gopher", "ldap", "jar", "data")

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRIREF = re.compile(r'<([^<>"{}|^`\\\x00-\x20]*)>')
_VAR = re.compile(r"[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]*")
_BNODE = re.compile(r"_:[A-Za-z0-9_.\-\u00b7\u00c0-\uffff]*")
# A prefixed name or a bare word: letters, digits, '_', '-', '.', and ':' (escapes too).
_WORD = re.compile(
    r"(?:[A-Za-z0-9_\u00c0-\uffff][A-Za-z0-9_.\-\u00b7\u00c0-\uffff]*)?:(?:[^\s(){}\[\],;<>\"'#]|\\.)*|[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\-\u00b7\u00c0-\uffff]*"
)


class Refused(KgError):
    """The request is not allowed; ``status`` is the HTTP status to answer with (exit 2 in a CLI)."""

    exit_code = EXIT_USAGE

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Inspection:
    """What the tokenizer learnt: the operation's form and the datasets it names."""

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE | UPDATE
    keywords: list[str] = field(default_factory=list)
    from_iris: list[str] = field(default_factory=list)

    @property
    def is_update(self) -> bool:
        return self.form == "UPDATE"

    @property
    def returns_graph(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")


def unescape_codepoints(text: str) -> str:
    """Apply ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes as a SPARQL parser does before parsing."""

    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise Refused(400, "invalid \\u escape in the query")
        return chr(code)

    return _UNICODE_ESCAPE.sub(repl, text)


@dataclass
class _Token:
    kind: str  # word | iri | var | string | bnode | punct
    text: str


def tokenize(text: str) -> list[_Token]:
    """Tokens of a SPARQL text; strings, comments and IRIs are single opaque tokens."""
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                if text[j] == "\\":
                    j += 1
                elif len(quote) == 1 and text[j] in "\r\n":
                    raise Refused(400, "unterminated string in the query")
                j += 1
            if j >= n:
                raise Refused(400, "unterminated string in the query")
            tokens.append(_Token("string", text[i : j + len(quote)]))
            i = j + len(quote)
            continue
        if c == "<":
            m = _IRIREF.match(text, i)
            if m:
                tokens.append(_Token("iri", m.group(1)))
                i = m.end()
                continue
            tokens.append(_Token("punct", c))
            i += 1
            continue
        if c in "?$":
            m = _VAR.match(text, i)
            assert m is not None
            tokens.append(_Token("var", m.group(0)))
            i = max(m.end(), i + 1)
            continue
        if c == "_" and text.startswith("_:", i):
            m = _BNODE.match(text, i)
            assert m is not None
            tokens.append(_Token("bnode", m.group(0)))
            i = m.end()
            continue
        m = _WORD.match(text, i)
        if m and m.end() > i:
            tokens.append(_Token("word", m.group(0)))
            i = m.end()
            continue
        tokens.append(_Token("punct", c))
        i += 1
    return tokens


def _resolve(token: _Token, prefixes: dict[str, str], base: str | None) -> str:
    if token.kind == "iri":
        return urljoin(base, token.text) if base else token.text
    if token.kind == "word" and ":" in token.text:
        prefix, _, local = token.text.partition(":")
        if prefix not in prefixes:
            raise Refused(400, f"undeclared prefix {prefix}: in FROM")
        return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    raise Refused(400, "FROM must be followed by an IRI")


def inspect(text: str) -> Inspection:
    """Classify a SPARQL request and collect what it asks the engine to reach."""
    tokens = tokenize(unescape_codepoints(text))
    prefixes: dict[str, str] = {}
    base: str | None = None
    form: str | None = None
    keywords: list[str] = []
    from_iris: list[str] = []
    for idx, tok in enumerate(tokens):
        if tok.kind != "word" or ":" in tok.text:
            continue
        word = tok.text.upper()
        keywords.append(word)
        nxt = tokens[idx + 1] if idx + 1 < len(tokens) else None
        if word == "BASE" and nxt is not None and nxt.kind == "iri":
            base = urljoin(base, nxt.text) if base else nxt.text
        elif word == "PREFIX" and nxt is not None and idx + 2 < len(tokens):
            iri_tok = tokens[idx + 2]
            if nxt.kind == "word" and nxt.text.endswith(":") and iri_tok.kind == "iri":
                prefixes[nxt.text[:-1]] = urljoin(base, iri_tok.text) if base else iri_tok.text
        elif word == "FROM":
            target = nxt
            if target is not None and target.kind == "word" and target.text.upper() == "NAMED":
                target = tokens[idx + 2] if idx + 2 < len(tokens) else None
            if target is None:
                raise Refused(400, "FROM must be followed by an IRI")
            from_iris.append(_resolve(target, prefixes, base))
        if form is None and word in QUERY_FORMS:
            form = word
        elif form is None and word in UPDATE_KEYWORDS:
            form = "UPDATE"
    if any(k in UPDATE_KEYWORDS for k in keywords):
        form = "UPDATE"
    if form is None:
        raise Refused(400, "not a SPARQL query: expected SELECT, ASK, CONSTRUCT, DESCRIBE or an update")
    return Inspection(form, keywords, from_iris)


def check(text: str, *, allow_update: bool = False, expect_update: bool | None = None) -> Inspection:
    """Inspect ``text`` and raise :class:`Refused` for anything the endpoint must not run.

    ``expect_update``: True on the update endpoint (a query there is a 400), False on the
    query endpoint (an update there is refused like any update), None to accept either.
    """
    reason = refuse_outbound(text)  # first, and without this module's tokenizer
    if reason is not None:
        raise Refused(403, reason)
    info = inspect(text)
    for iri in info.from_iris:
        scheme = iri.split(":", 1)[0].lower() if ":" in iri else ""
        if iri.startswith(STORE_GRAPH_BASE):
            continue
        if scheme in _FETCHING_SCHEMES or not scheme:
            raise Refused(
                403,
                f"FROM <{iri}> is refused: only graphs of this store ({STORE_GRAPH_BASE}...) may be named; "
                "use GRAPH <iri> { ... } in the query instead",
            )
    if info.is_update:
        if not allow_update:
            raise Refused(403, "updates are disabled: this endpoint is read-only (start it with --writable)")
        if expect_update is False:
            raise Refused(400, "an update was sent to the query endpoint; POST it to /update")
    elif expect_update:
        raise Refused(400, "a query was sent to the update endpoint; use /query")
    return info


__all__ = ["STORE_GRAPH_BASE", "Inspection", "Refused", "check", "inspect", "tokenize", "unescape_codepoints"]
