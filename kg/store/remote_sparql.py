"""Query text for SPARQL servers: the prologue, the query form, paging, constants inlined for
engines that mishandle ``VALUES`` joins (Virtuoso SP031), ``COALESCE`` unfolded for Virtuoso's
wrong values, and Virtuoso's JSON booleans.

Split from :mod:`kg.store.remote` (the server store itself) because these are pure functions of
the query text, read with the one SPARQL lexer (:mod:`kg.rdf.lexer`), and tested without a server.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.errors import QueryError
from kg.rdf.bindings import _outer_where_brace, safe_term, values_block
from kg.rdf.lexer import Token, tokenize

_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"

#: The keywords that open a query or an update after its prologue.
_QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def _prologue_end(sparql: str) -> tuple[int, Token | None]:
    """Where the PREFIX/BASE declarations and comments end, and the token after them.

    Read with the one SPARQL lexer (:mod:`kg.rdf.lexer`), so a ``#`` or a keyword inside
    an IRI or a string is never taken for a comment or a form.
    """
    tokens = list(tokenize(sparql, comments=True))
    k, end = 0, 0
    while k < len(tokens):
        token = tokens[k]
        if token.kind == "comment":
            k, end = k + 1, token.end
        elif token.is_word("BASE") and k + 1 < len(tokens) and tokens[k + 1].kind == "iri":
            k, end = k + 2, tokens[k + 1].end
        elif (
            token.is_word("PREFIX")
            and k + 2 < len(tokens)
            and tokens[k + 1].kind == "pname"
            and tokens[k + 2].kind == "iri"
        ):
            k, end = k + 3, tokens[k + 2].end
        else:
            return end, token
    return end, None


def split_prologue(sparql: str) -> tuple[str, str]:
    """(PREFIX/BASE declarations and comments, the rest of the query)."""
    end, _ = _prologue_end(sparql)
    return sparql[:end], sparql[end:]


def refuse_pragmas(sparql: str) -> None:
    """Refuse Virtuoso ``DEFINE`` pragmas in a caller's query.

    Why: they are not SPARQL, and some (``get:soft``, ``input:grab-*``) make the server
    fetch documents from the web.  Virtuoso reads them before (or among) the prologue, so
    any ``DEFINE`` keyword before the query form is refused.  kg adds its own pragmas
    after this check.
    """
    for token in tokenize(sparql):
        if token.is_word("DEFINE"):
            raise QueryError("DEFINE pragmas are not SPARQL and are refused (kg sets the ones it needs)")
        if token.is_word(*_QUERY_FORMS):
            return


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` (after the prologue), else None."""
    _, token = _prologue_end(sparql)
    return token.text.upper() if token is not None and token.is_word(*_QUERY_FORMS) else None


def paged_select(sparql: str, variables: list[str], limit: int, offset: int) -> str:
    """One page of a SELECT: the query as a sub-select, ordered by every variable.

    Why every variable: a total order on the solutions makes consecutive pages disjoint
    and complete (identical solutions are interchangeable).
    """
    prologue, body = split_prologue(sparql)
    names = " ".join(f"?{v}" for v in variables)
    return f"{prologue}\nSELECT {names} WHERE {{\n{body}\n}} ORDER BY {names} LIMIT {limit} OFFSET {offset}"


_NOT_INLINABLE = frozenset({"MINUS", "SELECT", "BIND", "AS"})


def constants_inlined(sparql: str, bindings: Mapping[str, Any]) -> str | None:
    """``sparql`` with the ``VALUES`` block of :func:`kg.rdf.bindings.inject_values` and, inside
    its WHERE group, every other occurrence of a bound variable replaced by its constant;
    None when that could change the answer.

    Why: Virtuoso 7.2 fails with SP031 ("no SPART_VARR_FIXED") on a variable fixed by an
    outer ``VALUES`` and read again inside ``FILTER NOT EXISTS`` (measured on the
    suppliers-of-buyer and customers-of-supplier queries); the same query with the
    constants written in compiles and answers right.  The VALUES block stays, so the
    variables are still projected, and the clauses after the group are left alone;
    ``BOUND(?v)`` of a bound variable becomes ``true``.  The group is read with the one
    SPARQL lexer (:mod:`kg.rdf.lexer`), so strings, IRIs and comments are never rewritten.
    Refused (None) where a constant is not the same as the bound variable: a sub-SELECT
    (own scope), MINUS (shares no variable after it), BIND/AS (would bind a constant).
    """
    pos = _outer_where_brace(sparql) + 1
    head, body = sparql[:pos] + values_block(bindings), sparql[pos:]
    constants = {name: safe_term(value) for name, value in bindings.items()}
    tokens = list(tokenize(body, comments=True))
    out: list[str] = []
    last, depth, k = 0, 1, 0
    while k < len(tokens) and depth:
        token = tokens[k]
        out.append(body[last : token.start])  # the whitespace before the token
        last, k = token.end, k + 1
        if token.is_word(*_NOT_INLINABLE):
            return None
        if token.kind == "punct" and token.text in "{}":
            depth += 1 if token.text == "{" else -1
        replacement = token.text
        if token.kind == "var" and token.text[1:] in constants:
            replacement = constants[token.text[1:]]
        elif token.is_word("BOUND") and _bound_call(tokens, k) in constants:
            replacement, last, k = "true", tokens[k + 2].end, k + 3  # BOUND() takes a variable: true
        out.append(replacement)
    return head + "".join(out) + body[last:]


def _bound_call(tokens: list[Token], k: int) -> str | None:
    """The variable name of ``BOUND ( ?v )`` whose ``(`` is ``tokens[k]``, else None."""
    call = tokens[k : k + 3]
    if len(call) == 3 and call[0].text == "(" and call[1].kind == "var" and call[2].text == ")":
        return call[1].text[1:]
    return None


#: Token kinds that make one whole RDF term or variable (a string followed by a language tag or
#: a datatype is not one token, so such a literal never matches).
_ONE_TOKEN_TERMS = frozenset({"var", "number", "string", "iri", "pname"})


def coalesce_unfolded(sparql: str) -> str:
    """``sparql`` with each ``COALESCE(?a, ?b, ..., last)`` of variables and one final
    variable or one-token constant written as ``IF(BOUND(?a), ?a, IF(BOUND(?b), ?b, last))``.

    Why: Virtuoso 7.2 gives wrong values for ``BIND(COALESCE(?opt, 0) AS ?x)`` of an
    ``OPTIONAL`` variable when a ``FILTER`` compares ``?x`` (or an expression of it) with a
    number: the rows carry the value of other rows (measured: undelivered-orders gave 12
    units delivered for a deal with 3, taken from another deal of the same graph; the
    minimal query is in docs/remote-stores.md).  The ``IF(BOUND(...))`` form is the same
    expression by definition (SPARQL 1.1, 17.4.1.4: COALESCE returns the first argument that
    evaluates without error, and a variable errors only when unbound), and Virtuoso
    answers it right.  Any other ``COALESCE`` (an expression among its arguments, a typed
    or tagged literal) is left as written.  Read with the one SPARQL lexer, so strings,
    IRIs and comments are never rewritten.
    """
    tokens = list(tokenize(sparql, comments=True))
    out: list[str] = []
    last, k = 0, 0
    while k < len(tokens):
        args, end = _coalesce_call(tokens, k)
        if args is None:
            k += 1
            continue
        out.append(sparql[last : tokens[k].start])
        expression = args[-1]
        for var in reversed(args[:-1]):
            expression = f"IF(BOUND({var}), {var}, {expression})"
        out.append(expression)
        last, k = tokens[end].end, end + 1
    return "".join(out) + sparql[last:]


def _coalesce_call(tokens: list[Token], k: int) -> tuple[list[str] | None, int]:
    """The arguments of ``COALESCE ( ?a , ... , last )`` starting at ``tokens[k]`` (variables,
    then one variable or one-token term, a number possibly signed) and the index of its ``)``;
    ``(None, k)`` for any other shape."""
    if not tokens[k].is_word("COALESCE") or k + 1 >= len(tokens) or tokens[k + 1].text != "(":
        return None, k
    args: list[str] = []
    j = k + 2
    while j < len(tokens):
        token = tokens[j]
        if (
            token.kind == "punct"
            and token.text in "+-"
            and j + 1 < len(tokens)
            and tokens[j + 1].kind == "number"
        ):
            arg, j = token.text + tokens[j + 1].text, j + 2
        elif token.kind in _ONE_TOKEN_TERMS and (token.kind != "string" or token.closed):
            arg, j = token.text, j + 1
        else:
            return None, k
        if j >= len(tokens):
            return None, k
        args.append(arg)
        if tokens[j].text == ")":
            break
        if tokens[j].text != "," or not arg.startswith(("?", "$")):
            return None, k  # only the last argument may be a constant
        j += 1
    else:
        return None, k
    return (args, j) if len(args) >= 2 else (None, k)


def fix_json_terms(results: dict) -> dict:
    """Standard terms in a Virtuoso JSON result: booleans ``1``/``0`` become ``true``/``false``."""
    for row in results.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("datatype") == _XSD_BOOLEAN and term.get("value") in ("1", "0"):
                term["value"] = "true" if term["value"] == "1" else "false"
    return results
