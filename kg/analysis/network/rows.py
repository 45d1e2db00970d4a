"""The network module's SPARQL plumbing: rows, numbers and years read from them, party kinds."""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.store import Store
from kg.vocab import ns

#: Party classes -> the short kind used in node attributes, legends and exports (the
#: vocabulary's table, plus the unknown and the generic party).
PARTY_KINDS: dict[str, str] = {
    **{str(c): k for k, c in ns.PARTY_CLASSES.items()},
    str(ns.UnknownParty): "unknown",
    str(ns.Party): "party",
}
_CATEGORY_KEYS = {str(v): k for k, v in ns.CATEGORIES.items()}
_STATUS_KEYS = ns.STATUS_KEY_BY_IRI  # the vocabulary's one table, not a copy


def _select(store: Store, text: str, bind: Mapping[str, Node] | None = None) -> list[dict]:
    """Rows of a SELECT as plain Python values (:meth:`Store.rows`, the same types on every
    store: IRIs and texts as str, numbers as int/Decimal); read them with ``str()``,
    :func:`_num`, :func:`_int`, :func:`_years` only."""
    return store.rows(text, bind)


def _num(node: Node | str | None) -> float:
    if node is None:
        return 0.0
    try:
        if type(node) is str:  # the embedded store's plain values (most calls: the fast path)
            return float(node)
        return float(node.toPython()) if isinstance(node, Literal) else float(str(node))
    except (TypeError, ValueError):
        return 0.0


def _int(node: Node | None) -> int:
    return int(_num(node))


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


def _years(node: Node | None) -> list[int]:
    """Distinct sorted years in a text ("2005; 2006", "2005 2006"); junk is ignored."""
    if node is None:
        return []
    return sorted({int(y) for y in _YEAR.findall(str(node))})


def _values(var: str, terms: list[str]) -> str:
    """A VALUES block of IRIs taken from the store (each validated by rdflib's ``n3()``)."""
    return f"VALUES ?{var} {{ " + " ".join(URIRef(t).n3() for t in terms) + " }"


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _has(store: Store, cls: Node) -> bool:
    """Whether any graph holds an instance of ``cls`` (a cheap index lookup)."""
    return bool(
        _select(
            store, ns.SPARQL_PREFIXES + "SELECT ?x WHERE { GRAPH ?g { ?x a ?cls } } LIMIT 1", {"cls": cls}
        )
    )
