"""Named queries: headers, parameter resolution, exact rows on the fixture world, injection.

Every query runs against the embedded on-disk store and a real Oxigraph server
(``any_store``), loaded with ``tests/fixtures/queries_world.trig``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import REMOTE_ENGINES, clear_store
from helpers.paths import FIXTURES
from helpers.trig import load_trig_graphs
from rdflib import Literal, URIRef

from kg.errors import UnknownName
from kg.queries import PARAM_TYPES, Param, QueryFileError, load_queries, parse_query_file
from kg.queries.named import (
    ParameterError,
    add_shares,
    get_query,
    list_queries,
    parse_param_args,
    resolve_params,
    resolve_party_iri,
    resolve_value,
    run_named,
)
from kg.vocab import iris, ns

FIXTURE = FIXTURES / "queries_world.trig"
ID = str(ns.ID)
KG = str(ns.KG)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long")}


FIXTURE_QUADS = sum(1 for _ in ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG))


def load_world(store) -> None:
    """Load the fixture world."""
    load_trig_graphs(store, FIXTURE)


@pytest.fixture()
def world(any_store):
    """A fresh store per test (for tests that change it)."""
    load_world(any_store)
    return any_store


@pytest.fixture(scope="module", params=["embedded", *REMOTE_ENGINES])
def shared_world(request, tmp_path_factory):
    """One loaded store per module and kind, for the read-only tests (fast)."""
    from kg.store import open_store

    if request.param == "embedded":
        store = open_store(str(tmp_path_factory.mktemp("named") / "store"))
    else:
        store = open_store(request.getfixturevalue(f"{request.param}_server"))
        clear_store(store)
    load_world(store)
    yield store
    if request.param != "embedded":
        clear_store(store)
    store.close()


@pytest.fixture()
def ro_world(shared_world):
    """The shared store, reloaded if another test (sharing the one server) changed it."""
    if shared_world.count() != FIXTURE_QUADS:
        shared_world.drop_graphs(shared_world.named_graphs())
        load_world(shared_world)
    return shared_world


def simple(term):
    """Compact comparable values: id IRIs without the base, kg: terms prefixed, numbers typed."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        text = str(term)
        if text.startswith(ID):
            return text[len(ID) :]
        if text.startswith(KG):
            return "kg:" + text[len(KG) :]
        return text
    if isinstance(term, Literal):
        if term.datatype is not None and str(term.datatype) in _NUMERIC:
            value = Decimal(str(term))
            return int(value) if value == value.to_integral_value() else value
        return str(term)
    return str(term)


def run(store, name, **params):
    result = run_named(store, name, {k: str(v) for k, v in params.items()})
    rows = [tuple(simple(t) for t in row) for row in result.rows]
    return result.variables, rows


A1, A2, REL = "source/article/a1", "source/article/a2", "source/release/fixture"

# name -> list of (params, columns, rows): every named query has at least one case here.

#: The columns of buyers-of-system and of undelivered-orders, the same for every case.
BUYERS_OF_SYSTEM_COLUMNS = [
    "buyer",
    "buyerLabel",
    "supplier",
    "supplierLabel",
    "deals",
    "firstOrder",
    "lastOrder",
    "sources",
]
UNDELIVERED_COLUMNS = [
    "deal",
    "source",
    "supplierLabel",
    "buyerLabel",
    "systemLabel",
    "orderYear",
    "status",
    "quantity",
    "delivered",
    "outstanding",
]

CASES: dict[str, list[tuple[dict, list[str], list[tuple]]]] = {
    "suppliers-of-buyer": [
        (
            {"buyer": "India", "from": 2000},
            ["year", "supplier", "supplierLabel", "deals", "units", "tivDelivered"],
            [
                (2000, "country/RUS", "Russia", 1, 140, 4200),
                (2001, "country/RUS", "Russia", 1, 310, 1240),
                (2009, "country/USA", "United States", 1, 8, 640),
                (2016, "country/FRA", "France", 1, 36, 2520),
                (2017, "country/ISR", "Israel", 1, 40, 0),
                (2018, "country/RUS", "Russia", 1, 5, 1200),
            ],
        ),
        (
            {"buyer": "PAK", "to": 2000},
            ["year", "supplier", "supplierLabel", "deals", "units", "tivDelivered"],
            [(1994, "country/FRA", "France", 1, 3, 900)],
        ),
    ],
    "supplier-shares": [
        (
            {"buyer": "India", "from": 2000, "period": 10},
            ["periodStart", "periodEnd", "supplier", "supplierLabel", "tivDelivered", "units", "share"],
            [
                (2000, 2009, "country/RUS", "Russia", 4200 + 1240, 380 + 70, 1),
                (2010, 2019, "country/USA", "United States", 640, 8, 1),
                (2020, 2029, "country/FRA", "France", 2520, 36, Decimal("0.6774")),
                (2020, 2029, "country/RUS", "Russia", 1200, 3, Decimal("0.3226")),
            ],
        ),
    ],
    "customers-of-supplier": [
        (
            {"supplier": "Russia"},
            ["buyer", "buyerLabel", "deals", "firstOrder", "lastOrder", "sources"],
            [("country/IND", "India", 4, 2000, 2018, 3)],
        ),
        (
            {"supplier": "France", "to": 2010},
            ["buyer", "buyerLabel", "deals", "firstOrder", "lastOrder", "sources"],
            [("country/PAK", "Pakistan", 1, 1994, 1994, 1)],
        ),
        (
            {"supplier": "USSR"},
            ["buyer", "buyerLabel", "deals", "firstOrder", "lastOrder", "sources"],
            [("country/IND", "India", 1, 1962, 1962, 1)],
        ),
    ],
    "buyers-of-system": [
        (
            {"system": "S-400"},
            BUYERS_OF_SYSTEM_COLUMNS,
            [("country/IND", "India", "country/RUS", "Russia", 2, 2018, 2018, 3)],
        ),
        (
            {"system": "agosta-90b"},  # not in the catalogue: resolved through the store's labels
            BUYERS_OF_SYSTEM_COLUMNS,
            [("country/PAK", "Pakistan", "country/FRA", "France", 1, 1994, 1994, 1)],
        ),
    ],
    "systems-by-category": [
        (
            {"buyer": "India", "category": "air-defence"},
            ["cat", "system", "systemLabel", "deals", "firstOrder", "lastOrder"],
            [
                ("kg:AirDefenceSystems", "system/barak-mx", "Barak-MX", 1, 2017, 2017),
                ("kg:AirDefenceSystems", "system/s-400-triumf", "S-400 Triumf", 2, 2018, 2018),
            ],
        ),
        (
            {"buyer": "Pakistan"},  # Agosta-90B's category comes from the release graph only
            ["cat", "system", "systemLabel", "deals", "firstOrder", "lastOrder"],
            [
                ("kg:Aircraft", "system/f-16c", "F-16C", 1, 2006, 2006),
                ("kg:Aircraft", "system/jf-17-thunder", "JF-17 Thunder", 1, 2006, 2006),
                ("kg:Ships", "system/agosta-90b", "Agosta-90B", 1, 1994, 1994),
            ],
        ),
    ],
    "deals-by-status": [
        (
            {},
            ["deal", "source", "supplierLabel", "buyerLabel", "systemLabel", "orderYear", "quantity"],
            [("deal/rafale-m-ind", A1, "France", "India", "Rafale-M", None, 26)],
        ),
        (
            {"status": "delivering", "buyer": "India"},
            ["deal", "source", "supplierLabel", "buyerLabel", "systemLabel", "orderYear", "quantity"],
            [
                ("deal/s400-ind", A2, "Russia", "India", "S-400 Triumf", 2018, 4),
                ("deal/sipri/r4", REL, "Russia", "India", "S-400 Triumf", 2018, 5),
            ],
        ),
        (
            {"status": "Delayed"},
            ["deal", "source", "supplierLabel", "buyerLabel", "systemLabel", "orderYear", "quantity"],
            [("deal/s400-ind", A1, "Russia", "India", "S-400 Triumf", 2018, 5)],
        ),
    ],
    "deal-timeline": [
        (
            {"buyer": "India", "system": "S-400"},
            ["date", "status", "deal", "source", "title", "evidence"],
            [
                (
                    "2018-10-05",
                    "kg:Signed",
                    "deal/s400-ind",
                    A1,
                    "S-400 deliveries to India slip as India negotiates Rafale-M",
                    "India signed a $5.43 billion contract for five S-400 squadrons in October 2018.",
                ),
                (
                    "2023-03",
                    "kg:Delayed",
                    "deal/s400-ind",
                    A1,
                    "S-400 deliveries to India slip as India negotiates Rafale-M",
                    "The last two S-400 squadrons will arrive late, officials said.",
                ),
                (
                    "2023-05-02",
                    "kg:Delivering",
                    "deal/s400-ind",
                    A2,
                    "Russia says S-400 deliveries to India are on schedule",
                    "Deliveries of the four S-400 regiments under the $5 billion deal are on schedule.",
                ),
                (
                    "2025-03-10",
                    "kg:Delivering",
                    "deal/sipri/r4",
                    REL,
                    "Transfers of major weapons: Deals with deliveries or orders made for 1950 to 2024 (fixture)",
                    "register row 4",
                ),
            ],
        ),
    ],
    "deal-sources": [
        (
            {"deal": ID + "deal/s400-ind"},
            ["deal", "source", "kind", "title", "url", "date", "evidence", "start", "end", "confidence"],
            [
                (
                    "deal/s400-ind",
                    A1,
                    "article",
                    "S-400 deliveries to India slip as India negotiates Rafale-M",
                    "https://news.example.org/2023/03/s400-delay",
                    "2023-03-20",
                    "India signed a $5.43 billion contract for five S-400 squadrons in October 2018.",
                    120,
                    199,
                    Decimal("0.9"),
                ),
                (
                    "deal/s400-ind",
                    A1,
                    "article",
                    "S-400 deliveries to India slip as India negotiates Rafale-M",
                    "https://news.example.org/2023/03/s400-delay",
                    "2023-03-20",
                    "The last two S-400 squadrons will arrive late, officials said.",
                    200,
                    262,
                    Decimal("0.8"),
                ),
                (
                    "deal/s400-ind",
                    A2,
                    "article",
                    "Russia says S-400 deliveries to India are on schedule",
                    "https://wire.example.com/russia-s400-on-schedule",
                    "2023-05-02",
                    "Deliveries of the four S-400 regiments under the $5 billion deal are on schedule.",
                    0,
                    82,
                    Decimal("0.75"),
                ),
            ],
        ),
        (
            {"buyer": "Pakistan", "system": "F-16C"},
            ["deal", "source", "kind", "title", "url", "date", "evidence", "start", "end", "confidence"],
            [
                (
                    "deal/sipri/r9",
                    REL,
                    "register",
                    "Transfers of major weapons: Deals with deliveries or orders made for 1950 to 2024 (fixture)",
                    None,
                    "2025-03-10",
                    "register row 9",
                    None,
                    None,
                    None,
                )
            ],
        ),
    ],
    "conflicting-claims": [
        (
            {"buyer": "India"},
            ["deal", "property", "value1", "source1", "value2", "source2"],
            [
                ("deal/s400-ind", "quantity", "5", A1, "4", A2),
                ("deal/s400-ind", "status", KG + "Delayed", A1, KG + "Delivering", A2),
                ("deal/s400-ind", "value", "5430000000 USD", A1, "5000000000 USD", A2),
            ],
        ),
        ({"buyer": "Pakistan"}, ["deal", "property", "value1", "source1", "value2", "source2"], []),
    ],
    "buyers-of-both": [
        ({"a": "Russia", "b": "France"}, ["buyer", "buyerLabel"], [("country/IND", "India")]),
        (
            {"a": "United States", "b": "France"},
            ["buyer", "buyerLabel"],
            [("country/IND", "India"), ("country/PAK", "Pakistan")],
        ),
        ({"a": "China", "b": "Israel"}, ["buyer", "buyerLabel"], []),
    ],
    "undelivered-orders": [
        (
            {"buyer": "India"},
            UNDELIVERED_COLUMNS,
            [
                ("deal/sipri/r7", REL, "Israel", "India", "Barak-MX", 2017, "kg:Signed", 40, 0, 40),
                ("deal/s400-ind", A1, "Russia", "India", "S-400 Triumf", 2018, "kg:Delayed", 5, 0, 5),
                ("deal/s400-ind", A2, "Russia", "India", "S-400 Triumf", 2018, "kg:Delivering", 4, 0, 4),
                ("deal/sipri/r4", REL, "Russia", "India", "S-400 Triumf", 2018, "kg:Delivering", 5, 3, 2),
            ],
        ),
        (
            {"supplier": "Israel", "since": 2018},
            UNDELIVERED_COLUMNS,
            [],
        ),
    ],
    "recent-claims": [
        (
            {"limit": 2},
            [
                "published",
                "source",
                "headline",
                "claim",
                "deal",
                "status",
                "quantity",
                "valueAmount",
                "valueCurrency",
                "evidence",
                "confidence",
            ],
            [
                (
                    "2023-05-02",
                    A2,
                    "Russia says S-400 deliveries to India are on schedule",
                    A2 + "/claim/c1",
                    "deal/s400-ind",
                    "kg:Delivering",
                    4,
                    5000000000,
                    "USD",
                    "Deliveries of the four S-400 regiments under the $5 billion deal are on schedule.",
                    Decimal("0.75"),
                ),
                (
                    "2023-03-20",
                    A1,
                    "S-400 deliveries to India slip as India negotiates Rafale-M",
                    A1 + "/claim/c1",
                    "deal/s400-ind",
                    "kg:Signed",
                    5,
                    5430000000,
                    "USD",
                    "India signed a $5.43 billion contract for five S-400 squadrons in October 2018.",
                    Decimal("0.9"),
                ),
            ],
        ),
    ],
    "deals-between": [
        (
            {"supplier": "Russian Federation", "buyer": "India", "from": 2001},
            ["deal", "source", "systemLabel", "orderYear", "quantity", "status", "tivDelivered"],
            [
                ("deal/sipri/r3", REL, "T-90S", 2001, 310, "kg:Delivered", 1240),
                ("deal/s400-ind", A1, "S-400 Triumf", 2018, 5, "kg:Delayed", None),
                ("deal/s400-ind", A2, "S-400 Triumf", 2018, 4, "kg:Delivering", None),
                ("deal/sipri/r4", REL, "S-400 Triumf", 2018, 5, "kg:Delivering", 1200),
            ],
        ),
    ],
}


#: Named queries added by other modules' owners are tested beside their library twins.
OTHER_OWNERS = {
    "deal-contradictions",
    "deal-events",
    "deal-status",
    "link-list",
    "pipeline",
    "status-sequences",
}


def test_every_named_query_has_a_case():
    assert set(CASES) == set(load_queries()) - OTHER_OWNERS, "add expected rows for each named query"
    assert len(CASES) >= 12


#: Named queries whose ORDER BY sorts on an aggregate alias: full-suite runs on Virtuoso 7.2
#: returned the right rows out of that order (S-400 before Barak-MX under ORDER BY ?cat
#: ?systemLabel; United States before China under suppliers-of-buyer's ORDER BY ?year
#: ?supplierLabel); module re-runs did not reproduce it.  Rows are checked, order is not;
#: docs/remote-stores.md lists it among Virtuoso's differences.
VIRTUOSO_UNSTABLE_ORDER = {"systems-by-category", "suppliers-of-buyer"}


def _same_rows(store, name: str, rows: list, expected: list) -> None:
    """``rows == expected``, without the order on Virtuoso for :data:`VIRTUOSO_UNSTABLE_ORDER`."""
    if getattr(store, "engine", None) == "virtuoso" and name in VIRTUOSO_UNSTABLE_ORDER:
        assert sorted(rows, key=repr) == sorted(expected, key=repr)
    else:
        assert rows == expected


@pytest.mark.parametrize(
    "name,case", [(name, i) for name, cases in CASES.items() for i in range(len(cases))], ids=lambda x: str(x)
)
def test_named_query_rows(ro_world, name, case):
    params, columns, expected = CASES[name][case]
    variables, rows = run(ro_world, name, **params)
    assert variables == columns
    _same_rows(ro_world, name, rows, expected)


def test_labels_never_multiply_sums(world):
    """Without the reference graph, labels come from the source graph, which may hold several
    spellings of a party: the query takes one, and the sums stay the same."""
    world.drop_graphs([iris.REFERENCE_GRAPH])
    world.update(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        f'INSERT DATA {{ GRAPH <{ID}{REL}> {{ <{ID}country/FRA> rdfs:label "French Republic" }} }}'
    )
    _, rows = run(world, "suppliers-of-buyer", buyer="Pakistan")
    expected = [
        (1994, "country/FRA", "France", 1, 3, 900),
        (2006, "country/CHN", "China", 1, 50, 750),
        (2006, "country/USA", "United States", 1, 18, 540),
    ]
    _same_rows(world, "suppliers-of-buyer", rows, expected)
    _, shares = run(world, "supplier-shares", buyer="Pakistan", **{"from": 1995, "period": 10})
    assert [(r[2], r[4], r[5]) for r in shares] == [
        ("country/FRA", 900, 3),
        ("country/CHN", 750, 50),
        ("country/USA", 540, 18),
    ]


def test_recent_claims_default_limit_and_order(ro_world):
    _, rows = run(ro_world, "recent-claims")
    assert len(rows) == 4  # all claims (default limit 20)
    assert [r[0] for r in rows] == ["2023-05-02", "2023-03-20", "2023-03-20", "2023-03-20"]


def test_shares_sum_to_one_per_period(ro_world):
    variables, rows = run(ro_world, "supplier-shares", buyer="India", period=5)
    by_period: dict[int, Decimal] = defaultdict(Decimal)
    for row in rows:
        by_period[row[0]] += Decimal(row[variables.index("share")])
    assert by_period and all(abs(total - 1) < Decimal("0.001") for total in by_period.values())


# --- headers ----------------------------------------------------------------------------


def test_headers_are_complete_and_params_are_used():
    for q in list_queries():
        assert q.description and "\n" not in q.description
        for p in q.params:
            assert p.type in PARAM_TYPES
            if p.name != "limit":
                assert re.search(rf"\?{p.name}\b", q.sparql), f"{q.name}: ?{p.name} unused"
        # queries spell the reference graph IRI in full: it must be the one kg.vocab.iris mints
        for iri in re.findall(r"<(https://w3id\.org/defence-kg/id/[^>]*)>", q.sparql):
            assert iri == str(iris.REFERENCE_GRAPH)


def test_defaults_resolve_without_a_store():
    for q in list_queries():
        if any(p.type == "system" and p.default for p in q.params):
            continue  # needs the catalogue or a store
        resolve_params(q, {})


def test_bad_header_is_reported(tmp_path):
    bad = tmp_path / "broken.rq"
    bad.write_text("# name: broken\n# description: x\n# param: who colour red The colour\nSELECT * {}\n")
    with pytest.raises(QueryFileError, match="unknown parameter type"):
        parse_query_file(bad)
    other = tmp_path / "other.rq"
    other.write_text("# name: not-other\n# description: x\nSELECT * {}\n")
    with pytest.raises(QueryFileError, match="differs from the file name"):
        parse_query_file(other)


# --- parameters -------------------------------------------------------------------------


def test_party_resolution_and_suggestions():
    assert resolve_party_iri("India", country_only=True) == iris.country("IND")
    assert resolve_party_iri("ind", country_only=True) == iris.country("IND")
    assert resolve_party_iri("USSR") == iris.country("SUN")
    with pytest.raises(UnknownName, match=r"unknown country 'Indai'.*'India'"):
        resolve_party_iri("Indai", country_only=True)
    # as a named query's parameter, the same name is a parameter error (still exit 2)
    with pytest.raises(ParameterError, match=r"unknown country 'Indai'.*'India'"):
        resolve_value(Param("buyer", "country", None, ""), "Indai")


def test_empty_values_mean_the_default():
    q = get_query("suppliers-of-buyer")
    assert resolve_params(q, {"buyer": "", "from": " "}) == resolve_params(q, {})
    assert "from" not in resolve_params(get_query("customers-of-supplier"), {"from": "-"})


def test_unknown_parameter_and_bad_values():
    q = get_query("suppliers-of-buyer")
    with pytest.raises(ParameterError, match="no parameter 'byer'"):
        resolve_params(q, {"byer": "India"})
    with pytest.raises(ParameterError, match="integer"):
        resolve_params(q, {"from": "two thousand"})
    with pytest.raises(ParameterError, match="unknown status"):
        resolve_params(get_query("deals-by-status"), {"status": "stalled"})
    with pytest.raises(ParameterError, match=r"no named query 'supplier-of-buyer'.*suppliers-of-buyer"):
        get_query("supplier-of-buyer")
    with pytest.raises(ParameterError, match="NAME=VALUE"):
        parse_param_args(["buyer"])


@pytest.mark.parametrize(
    "hostile",
    ['India" } ; DROP ALL ; #', "<http://x> } UNION {", 'x"^^<http://e> } UNION { GRAPH ?g { ?s ?p ?o } } #'],
)
def test_injection_cannot_change_query_shape(world, hostile):
    before = world.count()
    # Typed parameters refuse the text outright ...
    for qname, pname in [
        ("suppliers-of-buyer", "buyer"),
        ("buyers-of-system", "system"),
        ("deal-sources", "deal"),
    ]:
        with pytest.raises(ParameterError):
            run_named(world, qname, {pname: hostile})
    # ... and a free-text parameter is bound as one literal: no rows, no change.
    from kg.queries import NamedQuery, Param

    probe = NamedQuery(
        "probe",
        "labels equal to a text",
        (Param("label", "string", None, "a label"),),
        "SELECT ?s WHERE { GRAPH ?g { ?s rdfs:label ?label } }",
        Path("probe.rq"),
    )
    assert [r for r in run_named(world, probe, {"label": hostile}).rows] == []
    assert len(list(run_named(world, probe, {"label": "India"}).rows)) >= 1
    assert world.count() == before


def test_add_shares_handles_zero_totals():
    variables, rows = add_shares(["p", "v"], [(Literal(1), Literal(0)), (Literal(1), Literal(0))], "v", "p")
    assert variables == ["p", "v", "share"] and [r[2] for r in rows] == [None, None]


# --- CLI --------------------------------------------------------------------------------


@pytest.fixture()
def store_dir(tmp_path):
    from kg.store import open_store

    location = tmp_path / "store"
    with open_store(str(location)) as store:
        load_world(store)
    return location


def test_cli_list_and_run(store_dir):
    from kg.cli import cli

    runner = CliRunner()
    listed = runner.invoke(cli, ["--store", str(store_dir), "query", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    names = [q["name"] for q in json.loads(listed.output)]
    assert names == sorted(load_queries())

    result = runner.invoke(
        cli,
        [
            "--store",
            str(store_dir),
            "query",
            "run",
            "suppliers-of-buyer",
            "--param",
            "buyer=Pakistan",
            "--param",
            "from=2000",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "year,supplier,supplierLabel,deals,units,tivDelivered"
    assert lines[1:] == [
        f"2006,{ID}country/CHN,China,1,50,750",
        f"2006,{ID}country/USA,United States,1,18,540",
    ]

    as_json = runner.invoke(
        cli,
        [
            "--store",
            str(store_dir),
            "query",
            "run",
            "buyers-of-both",
            "-p",
            "a=USA",
            "-p",
            "b=France",
            "--format",
            "json",
        ],
    )
    assert as_json.exit_code == 0
    assert [r["buyerLabel"] for r in json.loads(as_json.stdout)] == ["India", "Pakistan"]


def test_cli_unknown_country_is_a_usage_error(store_dir):
    from kg.cli import cli

    result = CliRunner().invoke(
        cli, ["--store", str(store_dir), "query", "run", "suppliers-of-buyer", "--param", "buyer=Pakistn"]
    )
    assert result.exit_code == 2
    assert "unknown country 'Pakistn'" in result.output and "Pakistan" in result.output


def test_cli_show_sparql_binds_not_pastes(store_dir):
    from kg.cli import cli

    result = CliRunner().invoke(
        cli,
        [
            "--store",
            str(store_dir),
            "query",
            "run",
            "deals-by-status",
            "-p",
            "status=delayed",
            "--show-sparql",
        ],
    )
    assert result.exit_code == 0
    assert f"# ?status = <{KG}Delayed>" in result.output
    assert "kg:Delayed" not in result.output.split("# ?status")[0].split("SELECT", 1)[1]
