"""Both real SIPRI releases in one store: India's shares equal the 2026 release alone.

The 2024 release (16 columns, deliveries and orders 1950-2024) and the 2026 release (17
columns, deliveries 1995-2024) describe the same transfers; adding them gave Russia 37.1%
for 2020-2024, a figure of neither.  The expected numbers are computed here from the
2026 file with the csv module (FORMAT.md: 11-line preamble, trailing ';', one row per
deal and delivery year, 'TIV delivery values' used as given).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from helpers import registers

from kg.cli import cli
from kg.vocab import iris

pytestmark = pytest.mark.slow

new_release_volumes = registers.release_2026_volumes


@pytest.fixture(scope="module")
def store_dir() -> str:
    return registers.two_releases_dir()


def test_india_2020_2024_is_the_2026_release(store_dir, tmp_path) -> None:
    from kg.analysis import network as kn
    from kg.store import open_store

    truth = new_release_volumes("India")
    total = sum(truth[2020].values())
    expected = {name: 100 * v / total for name, v in truth[2020].items()}
    # the figures SIPRI publishes (fact sheet, March 2025)
    for name, share in {"Russia": 36.0, "France": 33.0, "Israel": 12.6, "United States": 9.6}.items():
        assert expected[name] == pytest.approx(share, abs=0.1), name
    store = open_store(store_dir, read_only=True)
    try:
        t = kn.supplier_shares(store, "India")
        assert t.total("2020-2024") == pytest.approx(total, rel=1e-9)
        for name, iso in {"Russia": "RUS", "France": "FRA", "Israel": "ISR", "United States": "USA"}.items():
            got = 100 * t.share("2020-2024", str(iris.country(iso)))
            assert got == pytest.approx(expected[name], abs=1e-6), name
        # Russia's share 2010-14, 2015-19, 2020-24 against the same file (72% -> 55% -> 36%)
        for start in (2010, 2015, 2020):
            key = f"{start}-{start + 4}"
            want = truth[start]["Russia"] / sum(truth[start].values())
            assert t.share(key, str(iris.country("RUS"))) == pytest.approx(want, abs=1e-9), key
            assert t.fed_by[key].endswith("generated 2026-02-12 (17 columns)")
        assert [
            round(100 * t.share(f"{s}-{s + 4}", str(iris.country("RUS")))) for s in (2010, 2015, 2020)
        ] == [
            72,
            55,
            36,
        ]
        # 1950-1994 history from the 2024 release (the 2026 one starts in 1995)
        assert t.total("1960-1964") > 0
        assert t.fed_by["1960-1964"].endswith("generated 2024-10-13 (16 columns)")
    finally:
        store.close()


def test_india_report_table(store_dir, tmp_path) -> None:
    out = tmp_path / "india"
    result = CliRunner().invoke(
        cli, ["--store", store_dir, "report", "diversification", "--buyer", "India", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    md = (out / "report.md").read_text(encoding="utf-8")
    table = md.split("### 2020-2024")[1].split("###")[0]
    assert "| Supplier | Volume | Share |" in table
    for line in (
        "| Russia | 4,272.7 | 36.0% |",
        "| France | 3,917.3 | 33.0% |",
        "| Israel | 1,495.0 | 12.6% |",
    ):
        assert line in table
    assert "### 1950-1954" in md and "### 1945-1949" not in md
    for section in md.split("\n### ")[1:]:  # SIPRI's per-deal placeholders: one row per period
        assert section.count("| unknown supplier(s) |") <= 1, section[:20]
    pipeline = md.split("## Pipeline")[1].split("## Sources")[0]
    assert "register order" in pipeline and "S-400 Triumf" in pipeline
