"""Register releases are versions: one release per period and measure; pipeline; comparisons.

Two small hand-written releases of one register (a 16-column one generated 2024-10-13
covering deliveries and orders 1950-2024, a 17-column one generated 2026-02-12 covering
deliveries 1995-2025 whose data stop at 2024) hold *different* figures for India
2020-2024, so a sum of both, or the wrong one, shows in every number checked here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analysis import network as kn
from kg.analysis.pipeline import by_supplier, pipeline_rows
from kg.cli import cli
from kg.ingest.articles import import_articles
from kg.ingest.base_graphs import ensure_base_graphs
from kg.ingest.sipri.importer import import_sipri
from kg.io.resources import data_path
from kg.present.comparison import away_from_report, comparison_report
from kg.present.report import HHI_TOP, _hhi_chart, _volume_chart, basis_label, diversification_report
from kg.queries import releases as kr
from kg.store import open_store
from kg.vocab import iris

HEAD16 = (
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
    "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,"
    "SIPRI TIV of delivered weapons"
)
REG16 = [
    "Transfers of major conventional arms from All countries  to All countries . Deals with deliveries "
    "or orders made for year range '1950' to '2024' ",
    "Source: SIPRI Arms Transfers Database (c) SIPRI.",
    "Data generated: 13 Oct 2024 2:20:11 PM",
    HEAD16,
    "India,United Kingdom,1948,?,10,,Vampire,FGA aircraft,10,,1951,New,,10,100,100",
    "India,Soviet Union,1990,,10,,MiG-29,fighter aircraft,10,,1991,New,,20,200,200",
    "India,France,1991,,10,,Mirage-2000,FGA aircraft,10,,1992,New,,10,100,100",
    "India,Russia,2018,,10,?,S-400 Triumf,SAM system,6,?,2021,New,INR390 b ($5.4 b) deal,65,650,390",
    "India,France,2016,,36,,Rafale,FGA aircraft,36,,2022,New,EUR7.8 b deal,10,360,360",
    "India,unknown supplier(s),2019,?,2,,Mi-17,transport helicopter,2,,2022,New,,5,10,10",
    "India,unknown supplier(s),2019,?,2,,Mi-8,transport helicopter,2,,2023,New,,5,10,10",
    "Pakistan,Russia,2015,,4,,Mi-35,combat helicopter,4,,2016,New,,50,200,200",
    "Pakistan,China,2016,,4,,JF-17,FGA aircraft,4,,2022,New,,50,200,200",
    "Pakistan,Russia,2018,,2,,Mi-35,combat helicopter,2,,2021,New,,50,100,100",
]
HEAD17 = (
    "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,"
    "Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,"
    "Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production"
)
REG17 = [
    "Transfers of major conventional arms from All countries  to All countries . Deals with deliveries "
    "made for the year range '1995' to '2025';",
    "Source: SIPRI Arms Transfers Database (c) SIPRI.;",
    "Data generated: 12 Feb 2026 12:26:12 PM;",
    HEAD17 + ";",
    "1,Russia,India,S-400 Triumf,SAM system,Air-defence systems,2018,No,6,No,2021,No,New,80,80,480,No;",
    "2,France,India,Rafale,FGA aircraft,Aircraft,2016,No,36,No,2022,No,New,15,15,540,Yes;",
    "3,Israel,India,Heron,UAV,Aircraft,2021,No,4,No,2024,No,New,45,45,180,No;",
    "4,Russia,Pakistan,Mi-35,combat helicopter,Aircraft,2015,No,4,No,2016,No,New,60,60,240,No;",
    "5,China,Pakistan,JF-17,FGA aircraft,Aircraft,2016,No,4,No,2022,No,New,75,75,300,No;",
    "6,Russia,Pakistan,Mi-35,combat helicopter,Aircraft,2018,No,2,No,2021,No,New,10,10,20,No;",
]
#: India 2020-2024 in the 17-column release: Russia 480, France 540, Israel 180 (total 1,200)
NEW_2020 = {"RUS": 480.0, "FRA": 540.0, "ISR": 180.0}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("registers")
    old, new = d / "trade-register.csv", d / "trade_register.csv"
    old.write_text("\n".join(REG16) + "\n", encoding="latin-1")
    new.write_bytes(("\r\n".join(REG17) + "\r\n").encode("ascii"))
    return old, new


@pytest.fixture(scope="module")
def store(files, tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("releases") / "store"))
    ensure_base_graphs(s)
    report = import_sipri(s, list(files))
    assert not report.refused and not report.skipped
    import_articles(s, [data_path("articles", "2025-08-20-p75i-negotiations.md")])
    s.publish()  # the CLI commands below are readers: they see what the writer published
    yield s
    s.close()


def test_coverage_from_titles_and_data(store) -> None:
    new, old = kr.register_releases(store, counts=True)
    assert (new.date, new.columns, new.measures, new.year_from, new.year_to) == (
        "2026-02-12",
        17,
        ("deliveries",),
        1995,
        2024,  # the title says 2025; the data stop at 2024
    )
    assert (old.date, old.columns, old.measures, old.year_from, old.year_to) == (
        "2024-10-13",
        16,
        ("deliveries", "orders", "undelivered"),
        1950,
        2024,
    )
    assert (new.rows, new.deals, old.rows, old.deals) == (6, 6, 10, 10)
    assert "  " not in old.title and "countries ." not in old.title


def test_choose_per_period_and_measure(store) -> None:
    rels = kr.register_releases(store)
    assert kr.choose(rels, "deliveries", 2020, 2024).date == "2026-02-12"
    assert kr.choose(rels, "deliveries", 1990, 1994).date == "2024-10-13"
    assert kr.choose(rels, "deliveries", 1993, 1997).date == "2024-10-13"  # whole window covered
    assert kr.choose(rels, "deliveries").date == "2024-10-13"  # all years: only the old one covers them
    assert kr.choose(rels, "orders", 2020, 2024).date == "2024-10-13"  # the new one has no orders
    assert kr.choose(rels, "undelivered", 2020, 2024).date == "2024-10-13"
    assert kr.choose(rels, "deliveries", 2020, 2024, name="trade-register.csv").date == "2024-10-13"
    with pytest.raises(kr.UnknownRelease, match="matches no register release"):
        kr.choose(rels, "deliveries", name="1999-01-01")
    assert kr.excluded(rels, rels[0]) == (rels[1].iri,)


def _shares(t: kn.ShareTable, key: str) -> dict[str, float]:
    return {t.labels[s]: round(100 * t.share(key, s), 6) for s in t.volume.get(key, {})}


def test_shares_never_add_releases(store) -> None:
    t = kn.supplier_shares(store, "India")
    total = sum(NEW_2020.values())
    assert t.total("2020-2024") == pytest.approx(total)  # not 1,200 + 390 + 360 + 20 from the old one
    assert _shares(t, "2020-2024") == pytest.approx(
        {"Russia": 40.0, "France": 45.0, "Israel": 15.0}, abs=1e-9
    )
    assert t.fed_by["2020-2024"] == "deliveries: SIPRI register generated 2026-02-12 (17 columns)"
    # history before 1995 comes from the 16-column release
    assert _shares(t, "1990-1994") == pytest.approx({"Soviet Union": 200 / 3, "France": 100 / 3})
    assert t.fed_by["1990-1994"] == "deliveries: SIPRI register generated 2024-10-13 (16 columns)"
    assert t.keys[0] == "1950-1954"  # the 1948 order opens no 1945-1949 period
    # --release names the old one: its figures, unknown suppliers counted once
    old = kn.supplier_shares(store, "India", kn.Filters(release="2024-10-13"))
    assert old.total("2020-2024") == pytest.approx(390 + 360 + 10 + 10)
    assert sorted(old.labels[s] for s in old.volume["2020-2024"]) == [
        "France",
        "Russia",
        "unknown supplier(s)",
    ]


def test_network_and_exports_read_one_release(store, tmp_path) -> None:
    india = str(iris.country("IND"))
    g = kn.build_graph(store, kn.Filters(year_from=2020, year_to=2024, buyer="India"))
    assert {g.nodes[s]["label"]: d["tiv"] for s, _b, d in g.in_edges(india, data=True)} == pytest.approx(
        {"Russia": 480.0, "France": 540.0, "Israel": 180.0}
    )
    assert all(d["releases"] == 1 for *_, d in g.edges(data=True))
    whole = kn.build_graph(store, kn.Filters(buyer="India"))  # all years: the 16-column release
    # all years: the 7 deals of the 16-column release, plus the article's P-75I deal
    assert sum(d["deals"] for *_, d in whole.edges(data=True)) == 8
    out = tmp_path / "india.csv"
    result = CliRunner().invoke(
        cli,
        [
            "--store",
            store.location,
            "network",
            "export",
            "--format",
            "csv",
            "--buyer",
            "India",
            "--from",
            "2020",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fh:
        tiv = {r["supplier_label"]: float(r["tiv"]) for r in csv.DictReader(fh)}
    assert tiv == {"France": 540.0, "Russia": 480.0, "Israel": 180.0}


def test_releases_command(store) -> None:
    result = CliRunner().invoke(cli, ["--store", store.location, "releases", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.output.splitlines()))
    assert [(r["generated"], r["columns"], r["coverage"], r["rows"], r["deals"]) for r in rows] == [
        ("2026-02-12", "17", "deliveries 1995-2024", "6", "6"),
        ("2024-10-13", "16", "deliveries, orders, undelivered 1950-2024", "10", "10"),
    ]


def test_pipeline_rows(store) -> None:
    rows = pipeline_rows(store, buyer="India")
    register = [r for r in rows if r.kind == "register"]
    assert [(r.supplier_label, r.system_label, r.quantity, r.delivered, r.outstanding) for r in register] == [
        ("Russia", "S-400 Triumf", 10, 6, 4)
    ]
    s400 = register[0]
    assert (s400.quantity_estimated, s400.delivered_estimated, s400.tiv_outstanding) == (True, True, 260.0)
    assert s400.release_date and s400.release_date.startswith("2024-10-13")
    news = [r for r in rows if r.kind == "news"]
    assert [(r.supplier_label, r.status, r.quantity, r.date, r.newer_than_release) for r in news] == [
        ("Germany", "approved", 6, "2025-08-20", True)
    ]
    assert list(by_supplier(rows)) == ["Russia", "Germany"]
    assert pipeline_rows(store, buyer="Pakistan") == []
    result = CliRunner().invoke(
        cli,
        ["--store", store.location, "query", "run", "pipeline", "--param", "buyer=India", "--format", "csv"],
    )
    assert result.exit_code == 0, result.output
    assert sorted(line.split(",")[0] for line in result.output.splitlines()[1:] if "," in line) == [
        "news",
        "register",
    ]


def test_report_says_which_release_and_shows_the_pipeline(store, tmp_path) -> None:
    rep = diversification_report(store, "India", tmp_path)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    section = md.split("### 2020-2024")[1].split("###")[0]
    assert "From deliveries: SIPRI register generated 2026-02-12 (17 columns)" in section
    assert "| Russia | 480.0 | 40.0% |" in section and "| France | 540.0 | 45.0% |" in section
    assert "### 1945-1949" not in md
    pipeline = md.split("## Pipeline")[1]
    assert "### Germany" in pipeline and "newer than the register" in pipeline and "S-400 Triumf" in pipeline
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Pipeline: what is coming" in html and "India moves ahead with German-designed submarines" in html
    assert "countries  to" not in html and "countries . Deals" not in html  # clean release titles
    assert {s.iri for s in rep.sources if s.kind == "release"} == {r.iri for r in kr.register_releases(store)}


def test_comparison_and_away_from(store, tmp_path) -> None:
    cmp = comparison_report(store, ["India", "Pakistan"], tmp_path)
    assert (tmp_path / "comparison.html").exists() and (tmp_path / "comparison-1.png").exists()
    md = (tmp_path / "comparison.md").read_text(encoding="utf-8")
    assert "| Supplier | India | Pakistan |" in md
    assert cmp.tables["Pakistan"].share("2020-2024", "Soviet Union/Russia") == pytest.approx(20 / 320)
    away = away_from_report(store, "Russia", tmp_path, min_volume=100)
    # Pakistan: Russia 240/240 in 2015-2019, 20/320 in 2020-2024; India: none before (below the minimum)
    assert [(r["buyer"], round(r["change"], 3)) for r in away.ranking] == [
        ("Pakistan", round(100 * (20 / 320 - 1), 3))
    ]
    result = CliRunner().invoke(
        cli,
        [
            "--store",
            store.location,
            "report",
            "diversification",
            "--buyer",
            "India",
            "--buyer",
            "Pakistan",
            "-o",
            str(tmp_path / "c"),
        ],
    )
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        cli,
        [
            "--store",
            store.location,
            "report",
            "diversification",
            "--away-from",
            "Russia",
            "-o",
            str(tmp_path / "a"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / "away-from-russia.md").exists()
    bad = CliRunner().invoke(
        cli, ["--store", store.location, "report", "diversification", "-o", str(tmp_path / "x")]
    )
    assert bad.exit_code == 2


def test_charts_show_what_they_plot() -> None:
    deals_only = kn.ShareTable(
        "b", "B", ["2020-2024"], ["s"], {"s": "S"}, {"2020-2024": {"s": 3.0}}, {"2020-2024": "deals"}
    )
    assert basis_label(deals_only) == "deals ordered (no TIV known)"
    ax = _volume_chart(deals_only, ["s"], {"s": "#000000"}, "t").axes[0]
    assert ax.get_ylabel() == "deals ordered" and ax.get_legend().get_texts()[0].get_text() == "S"
    empty = kn.ShareTable(
        "b", "B", ["2020-2024"], ["s"], {"s": "S"}, {"2020-2024": {}}, {"2020-2024": "none"}
    )
    ax = _volume_chart(empty, ["s"], {"s": "#000000"}, "t").axes[0]
    assert ax.get_legend() is None  # no legend for an empty chart
    one = kn.ShareTable("b", "B", ["2020"], ["s"], {"s": "S"}, {"2020": {"s": 5.0}}, {"2020": "tiv"})
    ax = _hhi_chart(one, "t").axes[0]
    assert ax.get_ylim()[1] == HHI_TOP > 10000  # a single supplier's 10,000 is drawn, not clipped
    assert (
        kn.clean_title("from All countries  to All countries . Deals")
        == "from All countries to All countries. Deals"
    )


def test_named_queries_read_one_release(store) -> None:
    from kg.queries.named import ParameterError, run_named

    def rows(name: str, **params: str) -> list[dict]:
        result = run_named(store, name, params)
        return [
            dict(zip(result.variables, (str(v) if v is not None else None for v in r), strict=True))
            for r in result.rows
        ]

    shares = rows("supplier-shares", buyer="India", **{"from": "2020", "to": "2024"})
    assert {r["supplierLabel"]: float(r["tivDelivered"]) for r in shares} == {
        "France": 540.0,
        "Russia": 480.0,
        "Israel": 180.0,
    }
    old = rows(
        "supplier-shares", buyer="India", release="trade-register.csv", **{"from": "2020", "to": "2024"}
    )
    # SIPRI's unknown suppliers are one placeholder per deal here (the report merges them)
    assert sorted((r["supplierLabel"], float(r["tivDelivered"])) for r in old) == [
        ("France", 360.0),
        ("Russia", 390.0),
        ("unknown supplier(s)", 10.0),
        ("unknown supplier(s)", 10.0),
    ]
    # the S-400 and Mi-35 orders are in both releases: each counted once
    customers = {r["buyerLabel"]: int(r["deals"]) for r in rows("customers-of-supplier", supplier="Russia")}
    assert customers == {"Pakistan": 2, "India": 1}
    with pytest.raises(ParameterError, match="matches no register release"):
        rows("supplier-shares", buyer="India", release="1999")
