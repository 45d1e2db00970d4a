"""The CLI commands of kg.cli.views: thin wrappers, shared filter options, exit codes."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner
from helpers import views_world as world

from kg.cli import cli
from kg.store import open_store


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    with open_store(str(path)) as s:
        world.load(s)
    return str(path)


def run(store_dir: str, *args: str):
    return CliRunner().invoke(cli, ["--store", store_dir, *args], catch_exceptions=False)


def test_view_commands_write_html(store_dir, tmp_path) -> None:
    for args in (
        ["view", "network", "--from", "2000", "--category", "aircraft"],
        ["view", "country", "India"],
        ["view", "deals", "--buyer", "India", "--supplier", "USSR", "--limit", "3"],
    ):
        out = tmp_path / f"{args[1]}.html"
        res = run(store_dir, *args, "-o", str(out))
        assert res.exit_code == 0, res.output
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert "wrote" in res.stderr and res.stdout == ""
    deals = (tmp_path / "deals.html").read_text(encoding="utf-8")
    assert "3 deals (largest 3 by TIV)" in deals
    assert "supplier Soviet Union" in deals


def test_network_export_csv_with_filters(store_dir, tmp_path) -> None:
    out = tmp_path / "edges.csv"
    res = run(
        store_dir,
        "network",
        "export",
        "--format",
        "csv",
        "--buyer",
        "India",
        "--min-tiv",
        "1000",
        "-o",
        str(out),
    )
    assert res.exit_code == 0, res.output
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = {
        world.COUNTRIES[sup]
        for sup in {d.supplier for d in world.DEALS if d.buyer == "IND"}
        if sum(d.tiv for d in world.DEALS if d.buyer == "IND" and d.supplier == sup) >= 1000
    }
    assert {r["supplier_label"] for r in rows} == expected


def test_report_command(store_dir, tmp_path) -> None:
    res = run(store_dir, "report", "diversification", "--buyer", "India", "-o", str(tmp_path / "r"))
    assert res.exit_code == 0, res.output
    assert (tmp_path / "r" / "report.html").exists() and (tmp_path / "r" / "india-suppliers.html").exists()


def test_user_errors_have_exit_codes(store_dir, tmp_path) -> None:
    res = run(store_dir, "view", "country", "Indai", "-o", str(tmp_path / "x.html"))
    assert res.exit_code == 2 and "did you mean" in res.stderr and "India" in res.stderr
    res = run(store_dir, "view", "network", "--from", "2020", "--to", "2000", "-o", str(tmp_path / "x.html"))
    assert res.exit_code == 2 and "after" in res.stderr
    res = run(store_dir, "view", "network", "--category", "lasers", "-o", str(tmp_path / "x.html"))
    assert res.exit_code == 2
    assert not (tmp_path / "x.html").exists()


def test_network_shares_and_centrality(store_dir) -> None:
    res = run(
        store_dir,
        "network",
        "shares",
        "--buyer",
        "India",
        "--from",
        "2015",
        "--to",
        "2024",
        "--format",
        "csv",
    )
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(res.stdout.splitlines()))
    vol = world.india_volume_by_supplier(range(2020, 2025))
    fra = next(r for r in rows if r["period"] == "2020-2024" and r["supplier"] == "France")
    assert float(fra["share"]) == pytest.approx(vol["FRA"] / sum(vol.values()), abs=1e-4)
    res = run(store_dir, "network", "centrality", "--top", "3", "--format", "csv")
    assert res.exit_code == 0, res.output
    ranked = list(csv.DictReader(res.stdout.splitlines()))
    assert len(ranked) == 3 and "India" in {r["party"] for r in ranked}


def test_view_network_all_draws_every_party(store_dir, tmp_path) -> None:
    """Default: the parties carrying 90% of the TIV plus 'others'; --all: everyone."""
    import json
    import re

    def nodes(*extra: str) -> list[dict]:
        out = tmp_path / "net.html"
        res = run(store_dir, "view", "network", *extra, "-o", str(out))
        assert res.exit_code == 0, res.output
        html = out.read_text(encoding="utf-8")
        data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
        return json.loads(data.group(1))["nodes"]

    default, everyone = nodes(), nodes("--all")
    assert len(everyone) > len(default)
    assert any(n["name"].startswith("other ") for n in default)
    assert not any(n["name"].startswith("other ") for n in everyone)
