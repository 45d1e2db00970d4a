"""The typed read API of every store: ``rows()`` and ``quads()`` give the same Python values
on the embedded store, Oxigraph server and Virtuoso; nothing outside ``kg/store`` reaches
into the embedded store's pyoxigraph object."""

from __future__ import annotations

import re
from decimal import Decimal

from helpers.paths import REPO
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

G = URIRef("https://example.org/g/typed")
EX = "https://example.org/"
KG_DIR = REPO / "kg"


def _load(store) -> None:
    s, p = URIRef(EX + "s"), URIRef(EX + "p")
    store.replace_graphs(
        {
            G: [
                (s, p, Literal(7)),
                (s, p, Literal(Decimal("2.50"), datatype=XSD.decimal)),
                (s, p, Literal(True)),
                (s, p, Literal("text")),
                (s, p, Literal("tekst", lang="nl")),
                (s, p, Literal("2024-01-31", datatype=XSD.date)),
                (s, p, URIRef(EX + "o")),
            ]
        }
    )


def test_rows_give_plain_python_values_on_every_store(any_store) -> None:
    _load(any_store)
    rows = any_store.rows(f"SELECT ?o WHERE {{ GRAPH ?g {{ <{EX}s> <{EX}p> ?o }} }}", {"g": G})
    values = sorted(((type(r["o"]).__name__, r["o"]) for r in rows), key=lambda v: (v[0], str(v[1])))
    assert values == [
        ("Decimal", Decimal("2.5")),  # (engines may keep "2.50" or store the canonical "2.5")
        ("bool", True),
        ("int", 7),
        ("str", "2024-01-31"),
        ("str", EX + "o"),
        ("str", "tekst"),
        ("str", "text"),
    ]


def test_rows_leave_unbound_variables_out(any_store) -> None:
    _load(any_store)
    q = f"SELECT ?s ?missing WHERE {{ GRAPH ?g {{ ?s <{EX}p> 7 }} OPTIONAL {{ ?s <{EX}none> ?missing }} }}"
    assert any_store.rows(q, {"g": G}) == [{"s": EX + "s"}]


def test_quads_match_a_pattern_in_named_graphs(any_store) -> None:
    _load(any_store)
    found = any_store.quads(EX + "s", EX + "p", EX + "o")
    assert found == [(EX + "s", EX + "p", EX + "o", str(G))]
    by_graph = any_store.quads(None, EX + "p", None, str(G))
    assert len(by_graph) == 7 and {q[3] for q in by_graph} == {str(G)}
    assert 7 in {q[2] for q in by_graph}
    assert any_store.quads(EX + "nothing") == []


def test_nothing_outside_kg_store_touches_the_pyoxigraph_object() -> None:
    """Layering: reading goes through Store.rows()/quads()/select(); ``.ox`` is the store's own."""
    offenders = []
    for path in sorted(KG_DIR.rglob("*.py")):
        if (KG_DIR / "store") in path.parents or path == KG_DIR / "store.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.ox\b(?!\w)", line.split("#", 1)[0]):
                offenders.append(f"{path.relative_to(KG_DIR.parent)}:{n}: {line.strip()}")
    assert offenders == []
