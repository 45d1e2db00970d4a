"""Importing SIPRI fixtures into a store: mapping, provenance, idempotence, CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest
from click.testing import CliRunner
from helpers.paths import FIXTURES
from rdflib import Literal, URIRef

from kg.cli import cli
from kg.errors import EXIT_REJECTED
from kg.ingest.sipri import import_sipri
from kg.ingest.sipri.formats import parse_file
from kg.ingest.sipri.mapping import description_categories, map_release, status_key
from kg.store import open_store
from kg.vocab import iris, ns

FIX = FIXTURES / "sipri"
F16 = FIX / "register16_latin1.csv"
F17 = FIX / "register17_crlf.csv"
PREFIXES = ns.SPARQL_PREFIXES


@pytest.fixture
def loaded(store):
    report = import_sipri(store, [F16, F17, FIX / "tiv_imports.csv", FIX / "tiv_legacy.csv"])
    return store, report


def deal_by_system(store, designation, release_file):
    rows = store.select(
        PREFIXES
        + """SELECT ?deal ?g WHERE { GRAPH ?g { ?deal a kg:Deal ; kg:weaponSystem ?sys .
                ?sys kg:designation ?d . ?g kg:sourceFile ?f } }""",
        {"d": Literal(designation), "f": Literal(release_file)},
    )
    assert len(rows) == 1, rows
    return rows[0]["deal"], rows[0]["g"]


def props(store, graph, subject):
    """predicate local name -> set of python values for one subject in one graph."""
    rows = store.select("SELECT ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph, "s": subject})
    out: dict[str, set] = {}
    for r in rows:
        key = str(r["p"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        value = r["o"].toPython() if isinstance(r["o"], Literal) else r["o"]
        out.setdefault(key, set()).add(value)
    return out


def test_report_counts(loaded):
    _, report = loaded
    f16, f17, tiv, legacy = report.inputs
    assert (f16.layout, f16.deals, f16.rows_read) == ("register-16", 7, 10)
    assert sorted(p.line for p in f16.problems) == [13, 14, 15]
    assert any("unknown party name 'Atlantis'" in m for m in f16.skipped)
    assert all(m.startswith(f"{F16}:") for m in f16.skipped)
    assert (f17.layout, f17.deals, f17.deliveries) == ("register-17", 3, 4)
    assert sorted(p.line for p in f17.problems) == [11, 12, 13]
    assert tiv.observations == 5  # India x3, Saudi Arabia x2 (its empty 2022 is no observation)
    assert legacy.observations == 3
    assert not report.refused


def test_s400_deal_16_columns(loaded):
    store, _ = loaded
    deal, g = deal_by_system(store, "S-400 Triumf", F16.name)
    p = props(store, g, deal)
    assert p["supplier"] == {iris.country("RUS")}
    assert p["buyer"] == {iris.country("IND")}
    assert p["orderYear"] == {2018}
    assert p["quantity"] == {10}
    assert p["quantityDelivered"] == {6}
    assert p["quantityDeliveredUncertain"] == {True}
    assert "orderYearUncertain" not in p  # 16-column flags are written only when true
    assert p["tivDelivered"] == {Decimal("390")}
    assert p["tivPerUnit"] == {Decimal("65")}
    assert p["status"] == {ns.STATUSES["delivering"]}
    assert p["category"] == {ns.CATEGORIES["air-defence"]}
    assert p["description"] == {"SAM system"}
    assert p["valueCurrency"] == {"INR"}
    assert p["valueAmount"] == {Decimal("390000000000")}
    assert p["valueUSD"] == {Decimal("5400000000")}
    assert p["valueText"] == {"INR390 b ($5.4 b) deal"}
    assert p["deliveryYearsText"] == {"2021; 2022; 2023"}
    assert "secondHand" not in p  # absent means false
    assert p["transferCondition"] == {"New"}
    # several delivery years and no per-year split in this layout: no delivery nodes by default
    assert "delivery" not in p


def test_derive_years_option_adds_year_only_derived_deliveries(store):
    import_sipri(store, [F16], derive_years=True)
    deal, g = deal_by_system(store, "S-400 Triumf", F16.name)
    deliveries = store.select(
        PREFIXES
        + "SELECT ?y ?q ?t ?derived WHERE { GRAPH ?g { ?deal kg:delivery ?dv . ?dv kg:deliveryYear ?y ; "
        "kg:derived ?derived OPTIONAL { ?dv kg:quantity ?q } OPTIONAL { ?dv kg:tiv ?t } } }",
        {"g": g, "deal": deal},
    )
    assert sorted(int(r["y"]) for r in deliveries) == [2021, 2022, 2023]
    # nothing spread: the year only, quantity and TIV stay on the deal
    assert all(r["derived"].toPython() is True and "q" not in r and "t" not in r for r in deliveries)


def test_provenance_record_and_release(loaded):
    store, _ = loaded
    deal, g = deal_by_system(store, "S-400 Triumf", F16.name)
    rows = store.select(
        PREFIXES
        + """SELECT ?n ?release ?title ?generated ?hash WHERE { GRAPH ?g {
            ?deal prov:wasDerivedFrom ?rec . ?rec a kg:RegisterRecord ; kg:rowNumber ?n ; kg:release ?release .
            ?release a kg:DatasetRelease ; kg:releaseTitle ?title ; kg:dataGenerated ?generated ;
                     kg:contentHash ?hash } }""",
        {"g": g, "deal": deal},
    )
    assert len(rows) == 1
    assert int(rows[0]["n"]) == 7
    assert rows[0]["release"] == g  # graph IRI = release IRI
    assert str(rows[0]["generated"]) == "2024-10-13T14:20:11"
    assert len(str(rows[0]["hash"])) == 64


def test_quirk_rows_16(loaded):
    store, _ = loaded
    barak, g = deal_by_system(store, "Barak-LRAD", F16.name)
    p = props(store, g, barak)
    assert "quantity" not in p and "quantityUncertain" not in p  # empty Number ordered: unknown
    assert "tivTotalOrder" not in p  # SIPRI's 0 there means unknown too
    assert p["status"] == {ns.STATUSES["delivering"]}
    assert p["localProduction"] == {True}  # "production under licence" in Comments
    engine, _ = deal_by_system(store, "Wärtsilä WV-8", F16.name)
    p = props(store, g, engine)
    assert p["tivDelivered"] == {Decimal("0")} and p["tivBelowHalf"] == {True}
    assert p["secondHand"] == {True}
    assert p["status"] == {ns.STATUSES["delivered"]}
    # single delivery year: exact figures on a non-derived delivery
    [dv] = store.select(
        PREFIXES + "SELECT ?dv WHERE { GRAPH ?g { ?deal kg:delivery ?dv } }", {"g": g, "deal": engine}
    )
    d = props(store, g, dv["dv"])
    assert d["deliveryYear"] == {2003} and d["quantity"] == {2} and d["tiv"] == {Decimal("0")}
    assert "derived" not in d
    hangor, _ = deal_by_system(store, "Hangor", F16.name)
    p = props(store, g, hangor)
    assert p["status"] == {ns.STATUSES["signed"]}
    assert "delivery" not in p and "tivDelivered" not in p
    assert p["valueAmount"] == {Decimal("3000000000")} and p["valueAmountMax"] == {Decimal("5400000000")}
    btr, _ = deal_by_system(store, "BTR-3", F16.name)
    p = props(store, g, btr)
    assert p["tivDelivered"] == {Decimal("3.25")}
    assert p["valueText"] == {"Part of THB4b ($120 m) deal"} and "valueAmount" not in p


def test_unknown_supplier_is_a_fresh_placeholder(loaded):
    store, _ = loaded
    deal, g = deal_by_system(store, "Mi-17", F16.name)
    [row] = store.select(
        PREFIXES + "SELECT ?s ?label WHERE { GRAPH ?g { ?deal kg:supplier ?s . ?s a kg:UnknownParty ; "
        "rdfs:label ?label } }",
        {"g": g, "deal": deal},
    )
    assert str(row["label"]) == "unknown supplier(s)"
    assert "/unknown/supplier/" in str(row["s"])


def test_register17_rafale(loaded):
    store, _ = loaded
    deal, g = deal_by_system(store, "Rafale", F17.name)
    assert "secondHand" not in props(store, g, deal)  # a new deal: derived, so absent means false
    assert deal == iris.register_deal(parse_file(F17).release_key, "58668")
    p = props(store, g, deal)
    assert p["sipriDealId"] == {"58668"}
    assert p["quantityDelivered"] == {13}
    assert p["tivDelivered"] == {Decimal("715")}
    assert p["localProduction"] == {True}
    assert p["category"] == {ns.CATEGORIES["aircraft"]}
    assert len(p["wasDerivedFrom"]) == 2
    rows = store.select(
        PREFIXES
        + """SELECT ?y ?q ?t ?est ?yest ?n WHERE { GRAPH ?g { ?deal kg:delivery ?dv .
           ?dv kg:deliveryYear ?y ; kg:quantity ?q ; kg:tiv ?t ; kg:estimated ?est ;
               kg:deliveryYearUncertain ?yest ; prov:wasDerivedFrom ?rec . ?rec kg:rowNumber ?n } }
           ORDER BY ?y""",
        {"g": g, "deal": deal},
    )
    got = [(int(r["y"]), int(r["q"]), r["t"].toPython(), r["est"].toPython(), int(r["n"])) for r in rows]
    assert got == [(2019, 4, Decimal("220"), True, 7), (2020, 9, Decimal("495"), True, 8)]


def test_register17_empty_flags_and_category(loaded):
    store, _ = loaded
    deal, g = deal_by_system(store, "Bushmaster", F17.name)
    p = props(store, g, deal)
    assert "orderYearUncertain" not in p  # empty flag: unknown, not false
    assert p["secondHand"] == {True}
    assert p["tivPerUnit"] == {Decimal("0.14")} and p["tivBasePerUnit"] == {Decimal("0.35")}
    s400, _ = deal_by_system(store, "S-400 Triumf", F17.name)
    assert props(store, g, s400)["category"] == {ns.CATEGORIES["air-defence"]}


def test_release_graph_types_its_parties_and_systems(loaded):
    store, _ = loaded
    _, g = deal_by_system(store, "Rafale", F17.name)
    p = props(store, g, iris.country("FRA"))
    assert p["type"] == {ns.Country} and p["label"] == {"France"}
    s = props(store, g, iris.system("Bushmaster"))
    assert s["type"] == {ns.WeaponSystem}
    assert s["designation"] == {"Bushmaster"}
    assert s["description"] == {"armoured personnel carrier"}
    assert s["category"] == {ns.CATEGORIES["armoured-vehicles"]}


def test_tiv_observations(loaded):
    store, report = loaded
    g = URIRef(report.inputs[2].release)
    rows = store.select(
        PREFIXES
        + """SELECT ?c ?y ?tiv ?below WHERE { GRAPH ?g { ?o a kg:TivObservation ; kg:importer ?c ;
             kg:year ?y ; kg:tiv ?tiv OPTIONAL { ?o kg:tivBelowHalf ?below } } }""",
        {"g": g},
    )
    got = {(str(r["c"]).rsplit("/", 1)[-1], int(r["y"])): (r["tiv"].toPython(), "below" in r) for r in rows}
    assert got == {
        ("IND", 2021): (Decimal("3959"), False),
        ("IND", 2022): (Decimal("2582"), False),
        ("IND", 2023): (Decimal("1428"), False),
        ("SAU", 2021): (Decimal("0"), True),
        ("SAU", 2023): (Decimal("7"), False),
    }
    legacy = URIRef(report.inputs[3].release)
    rows = store.select(
        PREFIXES + "SELECT ?i ?e ?y WHERE { GRAPH ?g { ?o kg:importer ?i ; kg:exporter ?e ; kg:year ?y } }",
        {"g": legacy},
    )
    assert {r["e"] for r in rows} == {iris.country("IND")}
    assert len(rows) == 3


def test_no_blank_nodes_and_deterministic_mapping():
    for path in (F16, F17, FIX / "tiv_imports.csv", FIX / "tiv_legacy.csv"):
        first = map_release(parse_file(path)).ntriples()
        second = map_release(parse_file(path)).ntriples()
        assert first == second
        assert "_:" not in first


def test_mapping_identical_across_processes_and_hash_seeds():
    """Re-imports are idempotent only if no set/dict order leaks into the output."""
    code = (
        "import hashlib, sys; from kg.ingest.sipri.formats import parse_file; "
        "from kg.ingest.sipri.mapping import map_release; "
        "print(hashlib.sha256(map_release(parse_file(sys.argv[1]), derive_years=True)"
        ".ntriples().encode()).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code, str(F16)], capture_output=True, text=True, env=env, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_reimport_changes_nothing_and_releases_stay_apart(store):
    import_sipri(store, [F16])
    before = store.count()
    graphs = store.named_graphs()
    report = import_sipri(store, [F16])
    assert report.inputs[0].outcome == "unchanged"
    assert store.count() == before
    forced = import_sipri(store, [F16], force=True)  # really rewrites: same triples
    assert forced.inputs[0].outcome == "replaced"
    assert store.count() == before and store.named_graphs() == graphs
    import_sipri(store, [F17])
    assert len(store.named_graphs()) == len(graphs) + 1


def test_same_file_under_another_name_is_the_same_release(store, tmp_path):
    copy = tmp_path / "renamed.csv"
    shutil.copy(F16, copy)
    a = import_sipri(store, [F16]).inputs[0].release
    b = import_sipri(store, [copy], force=True).inputs[0].release
    assert a == b


def test_rejected_files_reported_others_imported(store):
    report = import_sipri(store, [FIX / "unknown_layout.csv", F17, FIX / "missing.csv"])
    assert [f.outcome for f in report.inputs] == ["refused", "added", "refused"]
    assert "known layouts" in report.inputs[0].reason
    assert report.inputs[1].deals == 3


def test_progress_callback(store):
    calls = []
    import_sipri(store, [F16], progress=lambda path, done, total: calls.append((done, total)))
    assert calls[0] == (0, 10) and calls[-1] == (10, 10)


@pytest.mark.parametrize(
    ("ordered", "delivered", "status"),
    [
        (10, 0, "signed"),
        (10, None, "signed"),
        (10, 6, "delivering"),
        (10, 10, "delivered"),
        (None, 5, "delivering"),
    ],
)
def test_status_rule(ordered, delivered, status):
    assert status_key(ordered, delivered) == status


def test_description_categories_are_valid_keys():
    table = description_categories()
    assert set(table.values()) <= set(ns.CATEGORIES)
    assert len(table) > 200


# --- CLI ---------------------------------------------------------------------------------------


def test_cli_import(tmp_path):
    runner = CliRunner()
    store_dir = tmp_path / "store"
    result = runner.invoke(cli, ["--store", str(store_dir), "import", "sipri", str(F16), str(F17)])
    assert result.exit_code == 0, result.output
    assert f"{F16}:13: unknown party name 'Atlantis'" in result.output
    assert "imported 2 of 2 file(s): 10 deals" in result.output
    again = runner.invoke(cli, ["--store", str(store_dir), "import", "sipri", str(F17)])
    assert again.exit_code == 0 and "unchanged" in again.output
    with open_store(str(store_dir), read_only=True) as s:
        assert s.stats()["deals"] == 10


def test_cli_rejects_unknown_layout_with_exit_3(tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--store", str(tmp_path / "s"), "import", "sipri", str(FIX / "unknown_layout.csv"), str(F17)]
    )
    assert result.exit_code == EXIT_REJECTED
    assert "unknown layout" in result.output and "register-16" in result.output
    assert "imported 1 of 2 file(s)" in result.output


def test_cli_help_documents_exit_codes():
    result = CliRunner().invoke(cli, ["import", "sipri", "--help"])
    assert result.exit_code == 0
    assert "3  at least one whole file was rejected" in result.output


@pytest.mark.parametrize(
    "name", ["register16_latin1.csv", "register17_crlf.csv", "tiv_imports.csv", "tiv_legacy.csv"]
)
def test_release_graph_alone_conforms_to_the_shapes(name):
    """The release graph stands alone: valid without the reference graph."""
    from rdflib import Graph

    from kg.analysis.validate import validate

    graph = Graph().parse(data=map_release(parse_file(FIX / name), derive_years=True).ntriples(), format="nt")
    report = validate(graph)
    assert report.conforms, report.text


def test_relink_after_a_register_import_only_when_articles_or_links_exist(store, monkeypatch):
    """Without articles or links, linking has nothing to do and is skipped (it read the
    whole release for nothing); with either, it runs as before."""
    import kg.ingest.pipeline as pipeline

    calls: list[object] = []
    real = pipeline.link
    monkeypatch.setattr(pipeline, "link", lambda *a, **k: calls.append(k) or real(*a, **k))
    report = import_sipri(store, [F16])
    assert calls == [] and report.links is None
    link = f"<https://example.org/l> a <{ns.DealLink}> ; <{ns.linkFrom}> <https://example.org/a> ; <{ns.linkTo}> <https://example.org/b>"
    store.update(f"INSERT DATA {{ GRAPH <{iris.LINKS_GRAPH}> {{ {link} }} }}")
    report = import_sipri(store, [F17])
    assert len(calls) == 1 and report.links is not None
    assert report.links.removed_stale == 1  # the link whose deals are gone was checked and dropped
