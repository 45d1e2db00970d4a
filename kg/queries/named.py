"""List, resolve and run the named queries of :mod:`kg.queries`.

Parameters arrive as text (``--param buyer=India``, ``?buyer=India``) and leave as RDF
terms bound through :meth:`kg.store.Store.query` (a ``VALUES`` block; nothing the user
types is ever pasted into SPARQL).  Names are resolved the way the importers mint IRIs:
parties through :func:`kg.vocab.reference.resolve_party` and :func:`kg.vocab.iris.party`, systems
through the catalogue or else the store's own labels, statuses and categories through
the concept keys of :mod:`kg.vocab.ns`.  A name that resolves to nothing is an error that lists
close matches, never a silently empty result.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError, UnknownName, UsageError
from kg.queries import PARAM_TYPES, NamedQuery, Param, load_queries
from kg.rdf.bindings import skip_opaque, values_block
from kg.vocab import iris, ns, reference
from kg.vocab.parties import resolve_party_iri

#: The parameter that caps rows (applied here: SPARQL's LIMIT cannot take a variable).
LIMIT_PARAM = "limit"
_ABS_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+$")


class ParameterError(UsageError):
    """A parameter that is unknown, malformed, or names nothing (usage error, exit 2)."""


class UnknownParameterName(ParameterError, UnknownName):
    """A parameter value naming a party (or system) that matches nothing: the same class,
    hence the same exit code, as an unknown name in every other command."""


class Selector(Protocol):
    """What resolution needs from a store: SELECT with bound terms (any :class:`kg.store.Store`)."""

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Node]]: ...


@dataclass
class NamedResult:
    """Column names and a row iterator (rows are tuples of terms, ``None`` when unbound)."""

    query: NamedQuery
    bindings: dict[str, Node]
    variables: list[str]
    rows: Iterator[tuple[Node | None, ...]]


def list_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return list(load_queries().values())


def get_query(name: str) -> NamedQuery:
    """The named query ``name``; an unknown name raises with the closest names."""
    queries = load_queries()
    if name in queries:
        return queries[name]
    import difflib

    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise ParameterError(f"no named query {name!r}{hint} (see `kg query list`)")


def sparql_text(query: NamedQuery) -> str:
    """The query as sent to a store: the project prefixes, then the file's text."""
    return ns.SPARQL_PREFIXES + query.sparql


# --- parameter resolution -------------------------------------------------------------


def parse_param_args(items: Iterable[str]) -> dict[str, str]:
    """``["buyer=India", "from=2000"]`` -> dict; a repeated name is an error."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ParameterError(f"parameter {item!r} is not NAME=VALUE")
        if key in out:
            raise ParameterError(f"parameter {key!r} given twice")
        out[key] = value
    return out


def _suggest(options: Sequence[str]) -> str:
    return f"; did you mean {', '.join(repr(o) for o in options)}?" if options else ""


def _iri(value: str, what: str) -> URIRef:
    if not _ABS_IRI.match(value):
        raise ParameterError(f"{what}: {value!r} is not an absolute IRI")
    return URIRef(value)


_SYSTEM_BY_LABEL = (
    "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a kg:WeaponSystem ; rdfs:label ?l } "
    "FILTER(LCASE(STR(?l)) = LCASE(STR(?name))) } ORDER BY ?s LIMIT 5"
)
_SYSTEM_EXISTS = "SELECT ?s WHERE { GRAPH ?g { ?s a kg:WeaponSystem } } LIMIT 1"


def resolve_system_iri(value: str, store: Selector | None) -> URIRef:
    """A weapon system: catalogue designation or alias, else the store's labels, else an IRI."""
    text = value.strip()
    if text.startswith(("http://", "https://")):
        return _iri(text, "system")
    record = reference.resolve_system(text)
    if record is not None:
        return iris.system(reference.normalise_designation(record.designation))
    minted = iris.system(reference.normalise_designation(text)) if text else None
    if store is not None and minted is not None:
        if store.select(ns.SPARQL_PREFIXES + _SYSTEM_EXISTS, {"s": minted}):
            return minted
        rows = store.select(ns.SPARQL_PREFIXES + _SYSTEM_BY_LABEL, {"name": Literal(text)})
        if len(rows) == 1:
            return URIRef(rows[0]["s"])
        if len(rows) > 1:
            raise ParameterError(
                f"system {value!r} is ambiguous: {', '.join(str(r['s']) for r in rows)}; pass one IRI"
            )
    try:
        close = reference.close_system_matches(text)
    except OSError:
        close = []
    raise ParameterError(f"unknown system {value!r}{_suggest(close)}")


def _int(value: str, param: Param) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ParameterError(f"parameter {param.name!r} must be an integer, not {value!r}") from None


def _concept(value: str, table: Mapping[str, Any], kind: str) -> URIRef:
    key = value.strip().lower().replace("_", "-").replace(" ", "-")
    if key in table:
        return URIRef(str(table[key]))
    by_local = {str(v).rsplit("#", 1)[-1].lower(): v for v in table.values()}
    if key.replace("-", "") in by_local:
        return URIRef(str(by_local[key.replace("-", "")]))
    raise ParameterError(f"unknown {kind} {value!r} (known: {', '.join(table)})")


def _release(value: str, store: Selector | None, years: tuple[int | None, ...] = (None, None)) -> Node | None:
    """A register release graph (kg.queries.releases): named, or the latest covering a measure.

    Releases are versions: queries that sum TIV or count deals read one of them.
    """
    from kg.queries import releases

    if store is None:
        raise ParameterError("a release parameter needs the store")
    rels = releases.register_releases(store)  # type: ignore[arg-type]
    try:
        if value.strip() in releases.MEASURES:
            chosen = releases.choose(rels, value.strip(), *years)
        else:
            chosen = releases.find(rels, value)
    except releases.UnknownRelease as exc:
        raise ParameterError(str(exc)) from None
    return URIRef(chosen.iri) if chosen else None


def resolve_value(param: Param, value: str, store: Selector | None = None) -> Node:
    """One parameter value as an RDF term, following its declared type."""
    kind = param.type
    if kind in ("country", "party"):
        return resolve_party_iri(
            value, country_only=kind == "country", unknown=UnknownParameterName, not_country=ParameterError
        )
    if kind == "system":
        return resolve_system_iri(value, store)
    if kind == "status":
        return _concept(value, ns.STATUSES, "status")
    if kind == "category":
        return _concept(value, ns.CATEGORIES, "category")
    if kind in ("year", "int"):
        return Literal(_int(value, param), datatype=XSD.integer)
    if kind == "iri":
        return _iri(value.strip(), param.name)
    if kind == "string":
        return Literal(value)
    if kind == "release":
        chosen = _release(value, store)
        if chosen is None:
            raise ParameterError(f"{param.name}: the store holds no register release")
        return chosen
    raise ParameterError(f"parameter type {kind!r} is not one of {', '.join(PARAM_TYPES)}")


def resolve_params(
    query: NamedQuery, given: Mapping[str, str] | None, store: Selector | None = None
) -> dict[str, Node]:
    """Bindings for ``query``: given values, else header defaults; optional ones stay unbound.

    ``limit`` is resolved (validated) too but kept out of the SPARQL bindings by
    :func:`run_named`.
    """
    given = dict(given or {})
    unknown = [k for k in given if query.param(k) is None]
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise ParameterError(f"{query.name} has no parameter {unknown[0]!r} (parameters: {known})")
    out: dict[str, Node] = {}
    for param in query.params:
        raw = given.get(param.name)
        if raw is None or not raw.strip():  # absent or left empty (an HTML form): the default
            raw = param.default
        elif raw.strip() == "-" and param.optional:  # explicitly "any"
            raw = None
        if raw is None:
            continue
        if param.type != "release":  # releases are resolved below, once the years are known
            out[param.name] = resolve_value(param, raw, store)
    for param in query.params:
        raw = (given.get(param.name) or "").strip() or param.default
        if param.type != "release" or not raw or (store is None and raw == param.default):
            continue  # without a store (text for another engine) the default stays unbound
        years = tuple(_int(str(out[n]), param) if n in out else None for n in ("from", "to"))
        chosen = _release(raw, store, years)  # type: ignore[arg-type]
        if chosen is not None:  # no register release in the store: nothing to choose between
            out[param.name] = chosen
    return out


# --- running --------------------------------------------------------------------------

_KEYWORD = re.compile(r"(?i)\b(SELECT|WHERE)\b")


def _where_groups(query: str) -> list[tuple[int, str]]:
    """``(index just after "{", projection)`` of every ``WHERE {`` group, in text order.

    Skips comments, strings and IRIs, so only real keywords count.  The projection is the
    text between the group's SELECT and its WHERE (empty for ASK/CONSTRUCT).
    """
    out: list[tuple[int, str]] = []
    i, n = 0, len(query)
    select_end: int | None = None
    while i < n:
        skipped = skip_opaque(query, i)
        if skipped is not None:
            i = skipped
            continue
        m = _KEYWORD.match(query, i)
        if m and (i == 0 or not (query[i - 1].isalnum() or query[i - 1] in "?$_:")):
            if m.group(1).upper() == "SELECT":
                select_end = m.end()
            else:
                brace = query.find("{", m.end())
                if brace >= 0 and not query[m.end() : brace].strip():
                    projection = query[select_end : m.start()] if select_end is not None else ""
                    out.append((brace + 1, projection))
                    select_end = None
            i = m.end()
            continue
        i += 1
    return out


def _projects(projection: str, name: str) -> bool:
    """Whether a projection passes ``?name`` through unchanged (``*`` or a bare ``?name``)."""
    text = projection
    while True:  # drop parenthesised expressions: "(COUNT(?x) AS ?n)" binds ?n, not ?x
        stripped = re.sub(r"\([^()]*\)", " ", text)
        if stripped == text:
            break
        text = stripped
    words = text.split()
    return "*" in words or f"?{name}" in words or f"${name}" in words


def inject_everywhere(query: str, bindings: Mapping[str, Node]) -> str:
    """VALUES for all bindings in the outer WHERE, and in each sub-SELECT that projects them."""
    groups = _where_groups(query)
    if not groups or not bindings:
        return query
    pieces: list[tuple[int, str]] = []
    for k, (pos, projection) in enumerate(groups):
        names = list(bindings) if k == 0 else [n for n in bindings if _projects(projection, n)]
        if names:
            pieces.append((pos, values_block(bindings, names)))
    for pos, block in reversed(pieces):
        query = query[:pos] + block + query[pos:]
    return query


def _number(node: Node | None) -> Decimal | None:
    if isinstance(node, Literal):
        try:
            return Decimal(str(node))
        except ArithmeticError:
            return None
    return None


def add_shares(
    variables: list[str], rows: Iterable[Sequence[Node | None]], value: str, group: str
) -> tuple[list[str], list[tuple[Node | None, ...]]]:
    """Append a ``share`` column: each row's ``value`` over the total of its ``group`` (4 d.p.)."""
    vi, gi = variables.index(value), variables.index(group)
    buffered = [tuple(r) for r in rows]
    totals: dict[Node | None, Decimal] = {}
    for r in buffered:
        totals[r[gi]] = totals.get(r[gi], Decimal(0)) + (_number(r[vi]) or Decimal(0))
    out = []
    for r in buffered:
        total, v = totals[r[gi]], _number(r[vi])
        share = None
        if v is not None and total:
            share = Literal((v / total).quantize(Decimal("0.0001")), datatype=XSD.decimal)
        out.append((*r, share))
    return [*variables, "share"], out


def render_named(
    store: Selector | None, name: str | NamedQuery, params: Mapping[str, str] | None = None
) -> str:
    """The exact SPARQL text kg sends for a named query (VALUES blocks included).

    For other engines (benchmarks against rdflib, copying into a SPARQL tool); ``limit``
    and ``share`` are applied by :func:`run_named`, not by the text.
    """
    from kg.rdf.bindings import inject_values

    query = name if isinstance(name, NamedQuery) else get_query(name)
    bindings = resolve_params(query, params, store)
    bindings.pop(LIMIT_PARAM, None)
    text = sparql_text(query)
    if not bindings:
        return text
    return inject_everywhere(text, bindings) if query.bind_subqueries else inject_values(text, bindings)


def run_named(
    store: Selector,
    name: str | NamedQuery,
    params: Mapping[str, str] | None = None,
    *,
    runner: Callable[[str, dict[str, Node]], tuple[list[str], Iterable[Sequence[Node | None]]]] | None = None,
) -> NamedResult:
    """Resolve ``params`` and run the named query on ``store``; rows are streamed.

    ``runner(sparql, bindings) -> (variables, rows)`` replaces ``store.query`` (the HTTP
    endpoint runs queries in a killable worker process).
    """
    query = name if isinstance(name, NamedQuery) else get_query(name)
    bindings = resolve_params(query, params, store)
    limit_term = bindings.pop(LIMIT_PARAM, None) if query.param(LIMIT_PARAM) else None
    text = sparql_text(query)
    sent = bindings
    if query.bind_subqueries and bindings:
        text, sent = inject_everywhere(text, bindings), {}
    if runner is not None:
        variables, rows = runner(text, sent)
    else:
        result = store.query(text, sent or None)  # type: ignore[attr-defined]
        if result.type != "SELECT":
            raise QueryError(f"named query {query.name} is not a SELECT query")
        variables, rows = [str(v) for v in result.vars or []], result
    rows_iter: Iterable[Sequence[Node | None]] = rows
    if query.share is not None:
        variables, rows_iter = add_shares(variables, rows_iter, *query.share)
    if limit_term is not None:
        limit = int(limit_term)
        if limit < 0:
            raise ParameterError("limit must be zero or more")
        rows_iter = itertools.islice(rows_iter, limit)
        bindings[LIMIT_PARAM] = limit_term
    return NamedResult(query, bindings, variables, (tuple(r) for r in rows_iter))


__all__ = [
    "LIMIT_PARAM",
    "NamedResult",
    "ParameterError",
    "add_shares",
    "get_query",
    "inject_everywhere",
    "list_queries",
    "parse_param_args",
    "render_named",
    "resolve_params",
    "resolve_party_iri",
    "resolve_system_iri",
    "resolve_value",
    "run_named",
    "sparql_text",
]
