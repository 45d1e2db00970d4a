"""Named SPARQL queries shipped with kg: one documented ``*.rq`` file per query.

Layer 4 (beside :mod:`kg.extract`): the named queries, their loader and parameters (:mod:`kg.queries.named`),
and which register release a query reads (:mod:`kg.queries.releases`).  May import layers 0-3 (io,
vocab, rdf, store); never ingest or anything above.

Each file starts with a comment header that this module parses::

    # name: suppliers-of-buyer
    # description: Who supplied a buyer, year by year
    # param: buyer country India The buying country
    # param: from year 1950 First order year
    # share: tivDelivered by periodStart

``param`` lines are ``name type default description``; a default of ``-`` makes the
parameter optional (left unbound, so the query matches any value).  The parameter name
is the SPARQL variable it binds: :mod:`kg.queries.named` binds it as an RDF term through a
``VALUES`` block (never pasted into the text), so every parameter variable must appear in
the query's outermost ``WHERE`` group (a sub-SELECT cannot see it).  An optional
``share: VALUE by GROUP`` line asks kg to add a ``share`` column (VALUE / total of VALUE
within the same GROUP), which keeps the query itself a single flat GROUP BY.  A
``bind: subqueries`` line makes kg also put the VALUES block inside every sub-SELECT that
projects a parameter variable: Oxigraph evaluates a sub-SELECT before joining it, so a
parameter bound only outside would make it run over every deal.

The files are plain SPARQL with the project prefixes prepended at run time
(:data:`kg.vocab.ns.SPARQL_PREFIXES`), so users can copy them into any SPARQL tool.

Writing one that stays fast on the whole register (Oxigraph 0.5's planner, measured with
``scripts/bench_queries.py``; each rule took a query from seconds to tens of ms):

* required patterns first, in one ``GRAPH ?g { ... }`` block;
* then one ``OPTIONAL { GRAPH ?g { single triple } }`` per optional value.  An OPTIONAL
  whose right side has several triples, or a FILTER that reads a variable that may be
  unbound on the left, is evaluated over the whole store and hash-joined;
* no nested OPTIONAL groups and no UNION: both are evaluated for every deal before the
  parameters join them;
* when an optional IRI feeds further lookups, bind a sentinel IRI for "missing"
  (``BIND(COALESCE(?x0, <urn:x-kg:none>) AS ?x)``) so no lookup runs with it unbound;
* parameters used inside a sub-SELECT need ``bind: subqueries``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import KgError

#: Parameter types and what they accept (documentation for ``kg query list``).
PARAM_TYPES: dict[str, str] = {
    "country": "a country name, alias or ISO 3166 code (India, USSR, IND)",
    "party": "any party: country, company, agency, organisation (Russia, Rosoboronexport)",
    "system": "a weapon-system designation or alias (S-400, Su-30MKI)",
    "year": "a year (integer)",
    "status": "a deal status key (negotiating, signed, delayed ...)",
    "category": "a SIPRI weapon category key (aircraft, air-defence ...)",
    "int": "an integer",
    "string": "a text literal",
    "iri": "an absolute IRI (e.g. a deal IRI from another query)",
    "release": "a SIPRI register release: generated date (2026-02-12), file name or IRI; its default "
    "names a measure (deliveries, orders): the latest release covering it for the query's years",
}

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
QUERY_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Param:
    """One declared parameter: the SPARQL variable it binds, its type and default."""

    name: str
    type: str
    default: str | None  # None: optional (unbound unless given)
    description: str

    @property
    def optional(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class NamedQuery:
    """A named query: its SPARQL text (without prefixes) and its declared interface."""

    name: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    path: Path
    share: tuple[str, str] | None = None  # (value column, group column)
    bind_subqueries: bool = False

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


class QueryFileError(KgError, ValueError):
    """A ``.rq`` file whose header is malformed (a bug in the package, caught by tests; exit 1)."""


def parse_query_file(path: Path) -> NamedQuery:
    """Parse one ``.rq`` file's header; raises :class:`QueryFileError` naming the line."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    params: list[Param] = []
    share: tuple[str, str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break  # header ends at the first non-comment line
            continue
        body = stripped.lstrip("#").strip()
        key, sep, value = body.partition(":")
        key = key.strip().lower()
        if not sep or key not in {"name", "description", "param", "share", "bind"}:
            continue
        value = value.strip()
        if key == "param":
            parts = value.split(None, 3)
            if len(parts) < 3:
                raise QueryFileError(f"{path.name}:{lineno}: 'param: name type default description'")
            pname, ptype, default = parts[0], parts[1], parts[2]
            if not _VAR.match(pname):
                raise QueryFileError(f"{path.name}:{lineno}: bad parameter name {pname!r}")
            if ptype not in PARAM_TYPES:
                raise QueryFileError(f"{path.name}:{lineno}: unknown parameter type {ptype!r}")
            params.append(
                Param(pname, ptype, None if default == "-" else default, parts[3] if len(parts) > 3 else "")
            )
        elif key == "bind":
            if value != "subqueries":
                raise QueryFileError(f"{path.name}:{lineno}: 'bind: subqueries' is the only bind option")
            fields["bind"] = value
        elif key == "share":
            m = re.match(r"^(\w+)\s+by\s+(\w+)$", value)
            if not m:
                raise QueryFileError(f"{path.name}:{lineno}: 'share: VALUE by GROUP'")
            share = (m.group(1), m.group(2))
        else:
            fields[key] = value
    name = fields.get("name", "")
    if not _NAME.match(name):
        raise QueryFileError(f"{path.name}: missing or invalid '# name:' header")
    if name != path.stem:
        raise QueryFileError(f"{path.name}: name {name!r} differs from the file name")
    if not fields.get("description"):
        raise QueryFileError(f"{path.name}: missing '# description:' header")
    return NamedQuery(
        name, fields["description"], tuple(params), text, path, share, bind_subqueries="bind" in fields
    )


@cache
def load_queries(directory: Path = QUERY_DIR) -> dict[str, NamedQuery]:
    """Every named query in ``directory`` (default: the packaged ones), by name, sorted."""
    queries = [parse_query_file(p) for p in sorted(directory.glob("*.rq"))]
    return {q.name: q for q in queries}


__all__ = [
    "PARAM_TYPES",
    "QUERY_DIR",
    "NamedQuery",
    "Param",
    "QueryFileError",
    "load_queries",
    "parse_query_file",
]
