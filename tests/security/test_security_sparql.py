"""Named-query parameters cannot change a query's shape, for every parameter of every query.

tests/queries/test_named_queries.py checks three injection strings on three queries and a probe;
here every declared parameter of every shipped query gets a list of hostile values.  A
value is either refused (ParameterError) or bound as one RDF term: the SPARQL sent is
the benign query's text with only that term's serialisation different, it parses, and
running it changes nothing in the store.  Endpoint refusals (SERVICE, LOAD, FROM, updates,
timeouts, sizes) are in tests/serve/test_serve.py.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from helpers.paths import FIXTURES

from kg.queries.named import ParameterError, list_queries, render_named, resolve_params, run_named
from kg.rdf.bindings import safe_term
from kg.vocab import ns

FIXTURE = FIXTURES / "queries_world.trig"

HOSTILE = [
    'India" } ; DROP ALL ; #',
    "<http://x> } UNION { GRAPH ?g { ?s ?p ?o } } #",
    "x'''\n} LIMIT 1 #",
    '"""} SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } #',
    "2000 } UNION { ?a ?b ?c",
    "1; DELETE WHERE { ?s ?p ?o }",
    "\\u0022 } #",
    "?g",
    "India\n} #",
    "https://w3id.org/defence-kg/id/deal/x> } UNION { ?s ?p <x",
    "https://w3id.org/defence-kg/id/deal/x\\u003E",
    "India' . } INSERT DATA { <a:b> <a:b> <a:b> } #",
    "\x00",
    "",
]

BENIGN = {
    "country": "India",
    "party": "France",
    "system": "Rafale",
    "status": next(iter(ns.STATUSES)),
    "category": next(iter(ns.CATEGORIES)),
    "year": "2000",
    "int": "5",
    "iri": "https://w3id.org/defence-kg/id/deal/benign",
    "string": "benign",
    "release": "deliveries",  # a measure: the latest release covering it (none in the fixture)
}


STORE_SCOPE = "module"  # the ``store`` fixture (tests/conftest.py): read by every test


def fill_store(store) -> None:
    store.ox.load(FIXTURE.read_bytes(), ox.RdfFormat.TRIG)


CASES = [(q.name, p.name, p.type) for q in list_queries() for p in q.params]


def _shape(text: str, bindings: dict) -> str:
    """The text with every bound term replaced by one placeholder (longest first)."""
    for term in sorted({safe_term(t) for t in bindings.values()}, key=len, reverse=True):
        text = text.replace(term, "<<TERM>>")
    return text


def test_every_parameter_is_covered() -> None:
    assert len(CASES) >= 30
    assert {t for _q, _p, t in CASES} <= set(BENIGN)


@pytest.mark.parametrize(("qname", "pname", "ptype"), CASES, ids=[f"{q}:{p}" for q, p, _ in CASES])
def test_hostile_parameter_values_are_refused_or_bound_as_one_term(store, qname, pname, ptype) -> None:
    query = next(q for q in list_queries() if q.name == qname)
    benign_bindings = resolve_params(query, {pname: BENIGN[ptype]}, store)
    benign = render_named(store, query, {pname: BENIGN[ptype]})
    before = store.count()
    refused = bound = 0
    for value in HOSTILE:
        try:
            bindings = resolve_params(query, {pname: value}, store)
            text = render_named(store, query, {pname: value})
        except ParameterError:
            refused += 1
            continue
        bound += 1
        if pname not in bindings:  # an empty value for an optional parameter: unbound, as documented
            assert value.strip() in ("", "-")
            continue
        # the only difference from the benign query is the bound term itself
        assert _shape(text, bindings) == _shape(benign, benign_bindings), (value, text)
        ox.Store().query(text)  # one well-formed query (Oxigraph's parser; rdflib's lacks sub-select VALUES)
        rows = run_named(store, query, {pname: value}).rows
        for _ in rows:
            pass
    assert store.count() == before
    assert refused + bound == len(HOSTILE)
    if ptype != "string":
        assert refused >= len(HOSTILE) - 3, (qname, pname, refused)  # typed: almost all refused
