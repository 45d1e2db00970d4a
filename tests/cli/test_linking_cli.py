"""CLI: ``kg link``, ``kg deal show``, ``kg contradictions`` on an on-disk store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers.linking import S400_REGISTER, load_register, load_seed

from kg.cli import cli
from kg.store import open_store


@pytest.fixture
def store_dir(tmp_path: Path) -> str:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        load_register(store)
        load_seed(store)
    return location


def run(store_dir: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--store", store_dir, *args])
    return result.exit_code, result.stdout, result.stderr


def test_link_then_show_then_contradictions(store_dir: str) -> None:
    code, out, err = run(store_dir, "link", "--list", "--format", "json")
    assert code == 0, err
    assert "2 article deal(s): 1 link(s)" in err
    links = json.loads(out)
    assert [link["to"] for link in links] == [str(S400_REGISTER)]
    assert links[0]["reasons"] == "supplier; buyer; system; order year"

    code, out, err = run(
        store_dir,
        "deal",
        "show",
        "--supplier",
        "Russia",
        "--buyer",
        "India",
        "--system",
        "S-400",
        "--year",
        "2018",
    )
    assert code == 0, err
    assert out.startswith("Russia -> India: S-400 Triumf (2018)\n")
    assert (
        "status: delivering: SIPRI 2024-10-13 records deliveries 2021-2023 (6 of 10); article 2026-05-26 says 3 delivered, 2 delayed"
        in out
    )
    assert "SIPRI 2024-10-13 row 30: signed, quantity 10" in out
    assert "contract signed in 2018" in out
    assert (
        out.count("\nRussia -> India") == 0
    )  # one timeline: the article deal and its register deal together

    code, out, err = run(store_dir, "deal", "show", str(S400_REGISTER), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["deal"] == str(S400_REGISTER) and data["status"] == "delivering"
    assert len(data["deals"]) == 2

    code, out, err = run(store_dir, "contradictions", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["field"], r["values"]) for r in rows] == [
        ("quantity", "5 [article 2026-05-26] | 10 [SIPRI 2024-10-13 row 30]")
    ]
    code, out, _ = run(store_dir, "contradictions", "--system", "S-400", "--from", "2019")
    assert code == 0 and "(0 rows)" in out
    code, out, _ = run(store_dir, "contradictions", "--format", "json", "--buyer", "India")
    assert json.loads(out)[0]["values"][1]["witnesses"][0]["row"] == 30


def test_show_without_year_gives_both_deals(store_dir: str) -> None:
    run(store_dir, "link")
    code, out, err = run(
        store_dir, "deal", "show", "--supplier", "Russia", "--system", "S-400 Triumf", "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert sorted(t["status"] for t in data) == ["delivering", "negotiating"]


def test_user_errors(store_dir: str) -> None:
    code, _, err = run(store_dir, "deal", "show")
    assert code == 2 and "deal IRI" in err
    code, _, err = run(store_dir, "deal", "show", "--supplier", "Narnia")
    assert code == 2 and "unknown party 'Narnia'" in err  # an unknown name is a usage error everywhere
    code, _, err = run(store_dir, "deal", "show", "--supplier", "France", "--system", "S-400")
    assert code == 2 and "no deal matches" in err  # an unknown deal is an unknown name (exit 2)
    code, _, err = run(store_dir, "deal", "show", "https://w3id.org/defence-kg/id/deal/nothing")
    assert code == 2 and "no deal" in err
