"""The real SIPRI exports (``../shared/data/sipri``), each imported once per session
(``tests/helpers/registers.py``: the store and import report the other real-data tests share).

Every expected figure is either documented in SOURCES.md (deal counts) or recomputed here
from the CSV with the csv module, independently of kg.ingest.sipri.formats.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import registers
from rdflib import Literal, URIRef

from kg.ingest.sipri import import_sipri
from kg.ingest.sipri.mapping import description_categories
from kg.vocab import iris, ns

F16 = registers.SIPRI_REGISTER
F17 = registers.SIPRI_REGISTER_2026
T_IMPORTS, T_EXPORTS, T_LEGACY = registers.TIV_TABLES
P = ns.SPARQL_PREFIXES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not F16.exists(), reason="shared SIPRI data not present"),
]


@pytest.fixture
def real():
    """(store, report) with both registers and three TIV tables, imported once per session."""
    return registers.all_registers()


def graph_of(report, path: Path) -> URIRef:
    [f] = [f for f in report.inputs if f.source == str(path)]
    return URIRef(f.release)


def raw_rows(path: Path, encoding: str) -> list[list[str]]:
    """The CSV records after the header, by the csv module (independent of kg)."""
    text = path.read_bytes().decode(encoding)
    lines = [line.rstrip("\r").removesuffix(";") for line in text.split("\n")]
    start = next(i for i, line in enumerate(lines) if line.startswith(("Recipient,Supplier", "SIPRI AT")))
    return [r for r in csv.reader(lines[start + 1 :]) if r]


def test_nothing_skipped_or_rejected(real):
    _, report = real
    for f in report.inputs:
        assert f.outcome != "refused", f.reason
        assert f.skipped == [], f.skipped[:5]
        assert f.warnings == [], f.warnings[:5]


def test_every_16_column_deal_imported(real):
    store, report = real
    rows = store.select(
        P + "SELECT (COUNT(?d) AS ?n) WHERE { GRAPH ?g { ?d a kg:Deal } }", {"g": graph_of(report, F16)}
    )
    assert int(rows[0]["n"]) == 27951


def test_every_17_column_deal_id_imported(real):
    store, report = real
    rows = store.select(
        P
        + "SELECT (COUNT(DISTINCT ?id) AS ?n) (COUNT(?d) AS ?deals) WHERE { GRAPH ?g { ?d a kg:Deal ; kg:sipriDealId ?id } }",
        {"g": graph_of(report, F17)},
    )
    assert int(rows[0]["n"]) == 12571 == int(rows[0]["deals"])
    ids = {r[0] for r in raw_rows(F17, "utf-8")}
    assert len(ids) == 12571


@pytest.mark.parametrize(("path", "expected"), [(F16, 715), (F17, 389)])
def test_india_as_recipient(real, path, expected):
    store, report = real
    rows = store.select(
        P + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a kg:Deal ; kg:buyer ?india } }",
        {"g": graph_of(report, path), "india": iris.country("IND")},
    )
    assert int(rows[0]["n"]) == expected


def deals_for(store, graph, supplier, system):
    q = (
        P
        + """SELECT ?d WHERE { GRAPH ?g { ?d a kg:Deal ; kg:supplier ?s ; kg:buyer ?india ; kg:weaponSystem ?sys } }"""
    )
    return [
        r["d"]
        for r in store.select(
            q,
            {
                "g": graph,
                "s": iris.country(supplier),
                "india": iris.country("IND"),
                "sys": iris.system(system),
            },
        )
    ]


def one(store, graph, subject, prop):
    rows = store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph, "s": subject, "p": prop})
    assert len(rows) == 1, (subject, prop, rows)
    value = rows[0]["o"]
    return value.toPython() if isinstance(value, Literal) else value


def test_s400_deal(real):
    store, report = real
    g16 = graph_of(report, F16)
    [d] = deals_for(store, g16, "RUS", "S-400 Triumf")
    assert one(store, g16, d, ns.orderYear) == 2018
    assert one(store, g16, d, ns.quantity) == 10
    assert one(store, g16, d, ns.tivPerUnit) == Decimal("65")
    assert one(store, g16, d, ns.tivDelivered) == Decimal("390")
    assert one(store, g16, d, ns.valueCurrency) == "INR"
    assert one(store, g16, d, ns.valueUSD) == Decimal("5400000000")
    g17 = graph_of(report, F17)
    [d17] = deals_for(store, g17, "RUS", "S-400 Triumf")
    assert one(store, g17, d17, ns.sipriDealId) == "32127"
    assert one(store, g17, d17, ns.orderYear) == 2018
    assert one(store, g17, d17, ns.category) == ns.CATEGORIES["air-defence"]


def test_rafale_deal(real):
    store, report = real
    g16 = graph_of(report, F16)
    [d] = deals_for(store, g16, "FRA", "Rafale")
    assert one(store, g16, d, ns.quantity) == 36
    assert one(store, g16, d, ns.quantityDelivered) == 36
    assert one(store, g16, d, ns.deliveryYearsText) == "2019; 2020; 2021; 2022"
    assert one(store, g16, d, ns.tivDelivered) == Decimal("1980")
    assert one(store, g16, d, ns.status) == ns.STATUSES["delivered"]
    g17 = graph_of(report, F17)
    [d17] = deals_for(store, g17, "FRA", "Rafale")
    assert one(store, g17, d17, ns.sipriDealId) == "58668"
    assert one(store, g17, d17, ns.quantityDelivered) == 36
    rows = store.select(
        P
        + "SELECT ?y ?q WHERE { GRAPH ?g { ?d kg:delivery ?v . ?v kg:deliveryYear ?y ; kg:quantity ?q } } ORDER BY ?y",
        {"g": g17, "d": d17},
    )
    assert [(int(r["y"]), int(r["q"])) for r in rows] == [(2019, 4), (2020, 9), (2021, 19), (2022, 4)]


def test_delivered_tiv_to_india_by_supplier_and_year_matches_csv(real):
    store, report = real
    expected: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for r in raw_rows(F17, "utf-8"):
        if r[2] == "India" and r[15].strip():
            expected[(r[1], int(r[10]))] += Decimal(r[15])
    rows = store.select(
        P
        + """SELECT ?supplierName ?y (SUM(?tiv) AS ?total) WHERE { GRAPH ?g {
              ?d a kg:Deal ; kg:buyer ?india ; kg:supplier ?s ; kg:delivery ?v .
              ?v kg:deliveryYear ?y ; kg:tiv ?tiv . ?s rdfs:label ?supplierName } }
            GROUP BY ?supplierName ?y""",
        {"g": graph_of(report, F17), "india": iris.country("IND")},
    )
    got = {(str(r["supplierName"]), int(r["y"])): r["total"].toPython() for r in rows}
    assert len(expected) > 100
    assert got == dict(expected)
    # and the FORMAT.md figure: India's 2012 imports summed from this release
    assert sum(v for (_, y), v in got.items() if y == 2012).quantize(Decimal(1)) == Decimal(4494)


def test_tiv_table_india_2012(real):
    store, report = real
    rows = store.select(
        P + "SELECT ?tiv WHERE { GRAPH ?g { ?o kg:importer ?india ; kg:year ?y ; kg:tiv ?tiv } }",
        {"g": graph_of(report, T_IMPORTS), "india": iris.country("IND"), "y": Literal(2012)},
    )
    assert [r["tiv"].toPython() for r in rows] == [Decimal("4429")]
    # the legacy per-supplier table pairs India (exporter) with each recipient
    rows = store.select(
        P + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?o kg:exporter ?india ; kg:importer ?c } }",
        {"g": graph_of(report, T_LEGACY), "india": iris.country("IND")},
    )
    assert int(rows[0]["n"]) == 18


def test_every_real_description_has_a_category():
    table = description_categories()
    f16 = {r[7] for r in raw_rows(F16, "latin-1") if len(r) > 7}  # (not the 2 continuation lines)
    f17 = {r[4] for r in raw_rows(F17, "utf-8")}
    assert len(f16) == 215
    assert sorted(f16 - set(table)) == []
    assert sorted(f17 - set(table)) == []


def test_categories_agree_with_sipri_where_both_exist():
    """For descriptions the 17-column file categorises, the table gives SIPRI's category."""
    names = {
        "Air-defence systems": "air-defence",
        "Naval weapons": "naval-weapons",
        "Armoured vehicles": "armoured-vehicles",
    }
    table = description_categories()
    seen: dict[str, Counter] = defaultdict(Counter)
    for r in raw_rows(F17, "utf-8"):
        seen[r[4]][names.get(r[5], r[5].lower())] += 1
    for description, cats in seen.items():
        assert table[description] == cats.most_common(1)[0][0], description


def test_reimport_changes_nothing_and_keeps_two_releases(real):
    store, _ = real
    before = store.count()
    graphs = store.named_graphs()
    report = import_sipri(store, [F16, F17])
    assert all(f.outcome == "unchanged" for f in report.inputs)
    assert store.count() == before
    assert store.named_graphs() == graphs
    releases = store.select(
        P + "SELECT DISTINCT ?r WHERE { GRAPH ?r { ?r a kg:DatasetRelease ; kg:releaseTitle ?t } }"
    )
    assert len(releases) == 5  # two registers, three tables: never merged
