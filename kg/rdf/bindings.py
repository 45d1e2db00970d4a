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

from kg.rdf.lexer import Token, tokenize

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


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


def values_block(bindings: Mapping[str, Node], names: list[str] | None = None) -> str:
    """`` VALUES (?a ?b) { (<iri> "lit") } `` for ``names`` (default: all bindings)."""
    names = list(bindings) if names is None else names
    for name in names:
        if not _VAR.match(name):
            raise ValueError(f"invalid variable name {name!r}")
    terms = " ".join(safe_term(bindings[n]) for n in names)
    return " VALUES (" + " ".join("?" + n for n in names) + ") { (" + terms + ") } "


def _outer_where_brace(query: str) -> int:
    """Index of the ``{`` that opens the outermost WHERE group (tokens of :mod:`kg.rdf.lexer`).

    That is the first top-level ``{`` after the keyword WHERE, or, for the forms that omit
    it (``ASK {``, ``SELECT * {``), the first top-level ``{``: a CONSTRUCT template comes
    before its WHERE and must not receive the VALUES block.
    """
    depth = 0
    first: int | None = None
    seen_where = False
    for token in tokenize(query):
        if token.kind != "punct" and not (depth == 0 and token.is_word("WHERE")):
            continue
        if token.text == "{":
            if depth == 0:
                if seen_where:
                    return token.start
                if first is None:
                    first = token.start
            depth += 1
        elif token.text == "}":
            depth -= 1
        elif token.kind == "word":
            seen_where = True
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


def _selects_star(tokens: list[Token]) -> bool:
    """Whether some ``SELECT [DISTINCT|REDUCED] *`` occurs among ``tokens``."""
    for k, token in enumerate(tokens):
        if token.is_word("SELECT"):
            after = tokens[k + 1 : k + 3]
            if after and after[0].is_word("DISTINCT", "REDUCED"):
                after = after[1:]
            if after and after[0].kind == "punct" and after[0].text == "*":
                return True
    return False


def star_variable_order(sparql: str, names: list[str]) -> list[str]:
    """``names`` in the order they first appear in the query text, for ``SELECT *`` queries.

    Why: engines return the columns of ``SELECT *`` in their own order (Oxigraph:
    alphabetical) while a user reading a table expects the order they wrote.  Other
    queries keep the projection order, which is already the written one.
    """
    tokens = list(tokenize(sparql))
    if not _selects_star(tokens):
        return names
    first: dict[str, int] = {}
    for t in tokens:
        if t.kind == "var":
            first.setdefault(t.text[1:], t.start)
    return sorted(names, key=lambda v: (first.get(v, len(sparql)), v))
