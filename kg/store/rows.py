"""The fast row reader: SELECT rows as plain values, on the embedded store straight from pyoxigraph.

Used by the analysis modules (network, releases) whose aggregations read many rows; it sits in the
store layer because it reaches into :class:`kg.store.EmbeddedStore`'s pyoxigraph store.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf.bindings import inject_values
from kg.store import EmbeddedStore, Store


def fast_select(store: Store, text: str, bind: Mapping[str, Node] | None = None) -> list[dict]:
    """Rows of a SELECT; on the embedded store through pyoxigraph directly.

    Why: converting every result term to rdflib objects (oxrdflib) costs more than the
    aggregation itself on the global network; the remote path stays generic.  Values
    are rdflib terms (remote) or their plain lexical text (embedded): read them with
    ``str()`` or as numbers only (``kg.analysis.network``'s ``_num``, ``_int``, ``_years``).
    """
    if isinstance(store, EmbeddedStore):
        text = inject_values(text, bind) if bind else text
        try:
            solutions = store.ox.query(text)
        except SyntaxError as exc:  # a bug in kg's own queries, never user input
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        names = [v.value for v in solutions.variables]
        rows = []
        for sol in solutions:
            row = {}
            for i, name in enumerate(names):
                term = sol[i]
                if term is None:
                    continue
                row[name] = term.value  # plain text: callers read str()/numbers, never term types
            rows.append(row)
        return rows
    return store.select(text, bind)


__all__ = ["fast_select"]
