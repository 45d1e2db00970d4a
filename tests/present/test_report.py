"""kg.present.report: files, numbers (against the world's ground truth) and escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from helpers import registers
from helpers import views_world as world

from kg.analysis import network as kn
from kg.present.report import SOVIET_RUSSIA, diversification_report, md_escape, mpl_escape
from kg.store import open_store
from kg.vocab import iris


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    s = open_store("memory:")
    world.load_hostile(s)
    out = tmp_path_factory.mktemp("report")
    rep = diversification_report(s, "India", out)
    yield rep
    s.close()


def test_files_written(report) -> None:
    names = {p.name for p in report.out_dir.iterdir()}
    assert {"shares.png", "shares.svg", "hhi.png", "hhi.svg", "volumes.png", "volumes.svg"} <= names
    assert {"report.html", "report.md", "india-suppliers.html"} <= names
    assert not [n for n in names if n.endswith(".tmp")]
    for stem in ("shares", "hhi", "volumes"):
        assert (report.out_dir / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        ET.parse(report.out_dir / f"{stem}.svg")  # well-formed SVG


def test_period_numbers_match_ground_truth(report) -> None:
    t = report.periods
    for key in ("1985-1989", "2010-2014", "2020-2024"):
        a, z = map(int, key.split("-"))
        vol = world.india_volume_by_supplier(range(a, z + 1))
        total = sum(vol.values())
        for iso, v in vol.items():
            assert t.share(key, str(iris.country(iso))) == pytest.approx(v / total)
    # the chart series merge the Soviet Union and Russia; the table keeps them apart
    vol = world.india_volume_by_supplier(range(1990, 1995))
    merged = (vol.get("SUN", 0) + vol.get("RUS", 0)) / sum(vol.values())
    assert report.merged_periods.share("1990-1994", SOVIET_RUSSIA) == pytest.approx(merged)
    assert SOVIET_RUSSIA in report.rolling.suppliers
    assert str(iris.country("SUN")) in t.suppliers and str(iris.country("RUS")) in t.suppliers


def test_html_and_markdown_tables(report) -> None:
    html = (report.out_dir / "report.html").read_text(encoding="utf-8")
    md = (report.out_dir / "report.md").read_text(encoding="utf-8")
    vol = world.india_volume_by_supplier(range(2020, 2025))
    fra = 100 * vol["FRA"] / sum(vol.values())
    assert re.search(rf"<td>France</td><td class=\"num\">[\d,.]+</td>\s*<td class=\"num\">{fra:.1f}%", html)
    assert f"| France | {vol['FRA']:,.1f} | {fra:.1f}% |" in md
    assert 'href="india-suppliers.html"' in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp and "default-src 'none'" in unescape(csp.group(1))
    assert "data:image/png;base64," in html
    assert "<td>Soviet Union</td>" in html and "<td>Russia</td>" in html
    assert "Soviet Union/Russia" in html


def test_hostile_text_is_escaped(report) -> None:
    html = (report.out_dir / "report.html").read_text(encoding="utf-8")
    md = (report.out_dir / "report.md").read_text(encoding="utf-8")
    assert world.EVIL_NAME not in html and "<script>window" not in html
    assert "&lt;script&gt;window.__xss=6&lt;/script&gt;" in html  # the hostile headline, as text
    assert 'href="javascript:' not in html and "](javascript:" not in md
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert mpl_escape("cost $5 $") == r"cost \$5 \$"
    assert md_escape("a | b *c* <d>") == r"a \| b \*c\* &lt;d&gt;"


@pytest.mark.slow
def test_india_on_the_real_register(tmp_path) -> None:
    """Shares per 5-year period 1990-2024 equal a direct computation from the CSV."""
    store = registers.real_register_store()
    rep = diversification_report(store, "India", tmp_path, filters=kn.Filters(year_from=1990, year_to=2024))
    truth = registers.register_period_volumes("India")
    names = {
        "Soviet Union": "SUN",
        "Russia": "RUS",
        "France": "FRA",
        "Israel": "ISR",
        "United States": "USA",
        "Germany": "DEU",
        "United Kingdom": "GBR",
    }
    share: dict[str, dict[str, float]] = {}
    for start in range(1990, 2025, 5):
        key = f"{start}-{start + 4}"
        total = sum(truth[start].values())
        assert rep.periods.total(key) == pytest.approx(total, rel=1e-9)
        share[key] = {}
        for name, iso in names.items():
            expected = truth[start].get(name, 0.0) / total
            assert rep.periods.share(key, str(iris.country(iso))) == pytest.approx(expected, abs=1e-9), (
                key,
                name,
            )
            share[key][name] = expected
        merged = share[key]["Soviet Union"] + share[key]["Russia"]
        assert rep.merged_periods.share(key, SOVIET_RUSSIA) == pytest.approx(merged, abs=1e-9)
    sr = {k: v["Soviet Union"] + v["Russia"] for k, v in share.items()}
    # the Soviet Union/Russia share falls from the 2000s on; France, Israel and the United
    # States gain between 1995-2004 and 2015-2024; Germany grows again after 2010-2014
    assert sr["2000-2004"] > sr["2010-2014"] > sr["2015-2019"] > sr["2020-2024"]
    for name in ("France", "Israel", "United States"):
        early = share["1995-1999"][name] + share["2000-2004"][name]
        late = share["2015-2019"][name] + share["2020-2024"][name]
        assert late > early, name
    assert share["2020-2024"]["Germany"] > share["2010-2014"]["Germany"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<td>Soviet Union</td>" in html and "<td>Russia</td>" in html
    assert "Transfers of major conventional arms" in html  # the release title as the source


def test_releases_line_names_the_periods_each_release_fed() -> None:
    """Consecutive periods fed by one release and measure are one run; a change of release
    or of measure starts another."""
    from kg.present.report import _releases_line

    fed = {
        "1990-1994": "deliveries: SIPRI register generated 2024-10-13 (16 columns)",
        "1950-1954": "deliveries: SIPRI register generated 2024-10-13 (16 columns)",
        "1995-1999": "deliveries: SIPRI register generated 2026-02-12 (17 columns)",
        "2020-2024": "deliveries: SIPRI register generated 2026-02-12 (17 columns)",
        "1945-1949": "orders: SIPRI register generated 2024-10-13 (16 columns)",
    }
    assert _releases_line(fed) == (
        "orders 1945-1949: SIPRI register generated 2024-10-13 (16 columns); "
        "deliveries 1950-1994: SIPRI register generated 2024-10-13 (16 columns); "
        "deliveries 1995-2024: SIPRI register generated 2026-02-12 (17 columns)"
    )
    assert _releases_line({}) == ""
