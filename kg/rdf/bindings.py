"""Bind values into SPARQL without pasting user text into the query.

Embedded Oxigraph binds natively (``substitutions``).  For remote endpoints, which only
take query text, :func:`inject_values` adds a ``VALUES`` block whose terms are serialised
by rdflib (``Node.n3()``, which escapes every literal and validates every IRI), placed at
the start of the outermost ``WHERE`` group so it constrains the pattern as an initial
binding would.  The query's own text is never altered beyond that insertion.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")


def safe_term(value: Node) -> str:
    """SPARQL text for one IRI or literal, refusing IRIs that could break out of ``<...>``."""
    if isinstance(value, URIRef):
        text = str(value)
        if any(c in text for c in '<>"{}|^`\\ \n\t') or not text:
            raise ValueError(f"not a valid IRI for binding: {text!r}")
        return f"<{text}>"
    if isinstance(value, Literal):
        return value.n3()
    raise TypeError(f"cannot bind {type(value).__name__}; bind IRIs or literals")


def skip_opaque(query: str, i: int) -> int | None:
    """If a comment, string literal or IRI starts at ``i``, the index just after it.

    Scanners of SPARQL text call this first so that braces and keywords inside those
    tokens never count.
    """
    c = query[i]
    if c == "#":
        j = query.find("\n", i)
        return len(query) if j < 0 else j + 1
    if c in "\"'":
        end = c * 3 if query.startswith(c * 3, i) else c
        j, n = i + len(end), len(query)
        while j < n and not query.startswith(end, j):
            j += 2 if query[j] == "\\" else 1
        return j + len(end)
    if c == "<":
        m = _IRI.match(query, i)
        if m:
            return m.end()
    return None


def values_block(bindings: Mapping[str, Node], names: list[str] | None = None) -> str:
    """`` VALUES (?a ?b) { (<iri> "lit") } `` for ``names`` (default: all bindings)."""
    names = list(bindings) if names is None else names
    for name in names:
        if not _VAR.match(name):
            raise ValueError(f"invalid variable name {name!r}")
    terms = " ".join(safe_term(bindings[n]) for n in names)
    return " VALUES (" + " ".join("?" + n for n in names) + ") { (" + terms + ") } "


def _outer_where_brace(query: str) -> int:
    """Index of the ``{`` that opens the outermost WHERE group (skipping strings, IRIs, comments).

    That is the first top-level ``{`` after the keyword WHERE, or, for the forms that omit
    it (``ASK {``, ``SELECT * {``), the first top-level ``{``: a CONSTRUCT template comes
    before its WHERE and must not receive the VALUES block.
    """
    i, n = 0, len(query)
    depth = 0
    first: int | None = None
    seen_where = False
    while i < n:
        skipped = skip_opaque(query, i)
        if skipped is not None:
            i = skipped
            continue
        c = query[i]
        if c == "{":
            if depth == 0:
                if seen_where:
                    return i
                if first is None:
                    first = i
            depth += 1
        elif c == "}":
            depth -= 1
        elif (
            depth == 0
            and query[i : i + 5].upper() == "WHERE"
            and (i == 0 or not (query[i - 1].isalnum() or query[i - 1] in "?$:_"))
            and (i + 5 >= n or not (query[i + 5].isalnum() or query[i + 5] in ":_"))
        ):
            seen_where = True
            i += 5
            continue
        i += 1
    if first is not None and not seen_where:
        return first
    raise ValueError("query has no WHERE group to bind values into")


def inject_values(query: str, bindings: Mapping[str, Node]) -> str:
    """Return ``query`` with ``VALUES (?a ?b) { (<iri> "lit") }`` at the start of its WHERE group."""
    if not bindings:
        return query
    block = values_block(bindings)
    pos = _outer_where_brace(query) + 1
    return query[:pos] + block + query[pos:]


_STAR = re.compile(r"(?is)\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*")
_VARIABLE = re.compile(r"[?$]([A-Za-z0-9_\u00b7\u00c0-\uffff]+)")


def star_variable_order(sparql: str, names: list[str]) -> list[str]:
    """``names`` in the order they first appear in the query text, for ``SELECT *`` queries.

    Why: engines return the columns of ``SELECT *`` in their own order (Oxigraph:
    alphabetical) while a user reading a table expects the order they wrote.  Other
    queries keep the projection order, which is already the written one.
    """
    if not _STAR.search(sparql):
        return names
    first: dict[str, int] = {}
    for m in _VARIABLE.finditer(sparql):
        first.setdefault(m.group(1), m.start())
    return sorted(names, key=lambda v: (first.get(v, len(sparql)), v))
