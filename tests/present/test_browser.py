"""The views and the report in real headless Chromium (Debian's /usr/bin/chromium).

Each page is opened from file://, must settle, hold the nodes/edges we wrote, answer
clicks with a side panel built from text, log no console error, request nothing but
file:// URLs, and never run any of the hostile strings (each would set ``window.__xss``).
Screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import registers
from helpers import views_world as world
from helpers.paths import REPO

from kg.analysis import network as kn
from kg.present.report import diversification_report
from kg.present.views import country_view, deals_view, network_view, write_view
from kg.present.views.layout import LABEL_BOXES_JS, screen_overlaps
from kg.store import open_store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("chromium not installed: apt-get install chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed: pip install playwright"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The world plus hostile data, rendered as three views and a report."""
    out = tmp_path_factory.mktemp("site")
    s = open_store("memory:")
    world.load_hostile(s)
    views = {
        "network": network_view(s, top_share=None),  # every party, the hostile one too
        "network-folded": network_view(s),  # the default: 90% drawn, the rest folded
        "country": country_view(s, "India"),
        "deals": deals_view(s, kn.Filters(buyer="India")),
        "deals-closed": deals_view(s, kn.Filters(buyer="India"), open_below=0),
    }
    for name, v in views.items():
        write_view(v, out / f"{name}.html")
    diversification_report(s, "India", out / "report")
    s.close()
    return out, views


class Page:
    """A page plus what it logged and requested."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())

    def settle(self) -> None:
        self.page.wait_for_function("window.kgStabilized === true", timeout=10_000)

    def counts(self) -> tuple[int, int]:
        n, e = self.page.evaluate("[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]")
        return n, e

    def node_point(self, node_id: str) -> tuple[float, float]:
        p = self.page.evaluate(
            "(id) => kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id])",
            node_id,
        )
        box = self.page.locator("#kg-net").bounding_box()
        return box["x"] + p["x"], box["y"] + p["y"]

    def click_node(self, node_id: str) -> str:
        self.page.evaluate("(id) => kgNetwork.focus(id, {scale: 1.2})", node_id)
        self.page.wait_for_timeout(100)
        x, y = self.node_point(node_id)
        self.page.mouse.click(x, y)
        self.page.wait_for_timeout(150)
        return self.page.inner_text("#kg-panel")

    def click_edge(self, edge_id: str) -> str:
        """Click the middle of an edge as drawn (on its curve) and return the side panel's text."""
        self.page.evaluate(
            "(id) => kgNetwork.moveTo({position: kgNetwork.body.edges[id].edgeType.getPoint(0.5), scale: 1.5})",
            edge_id,
        )
        self.page.wait_for_timeout(100)
        p = self.page.evaluate(
            "(id) => kgNetwork.canvasToDOM(kgNetwork.body.edges[id].edgeType.getPoint(0.5))", edge_id
        )
        box = self.page.locator("#kg-net").bounding_box()
        self.page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])
        self.page.wait_for_timeout(150)
        return self.page.inner_text("#kg-panel")

    def check_clean(self, name: str) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
        assert self.errors == []
        assert [u for u in self.requests if not u.startswith("file://")] == []
        assert self.page.evaluate("typeof window.__xss") == "undefined"
        assert self.page.evaluate("document.querySelectorAll('img').length") == 0 or name == "report"
        self.page.close()


@pytest.fixture(autouse=True, scope="module")
def _artifacts_dir() -> None:
    ARTIFACTS.mkdir(exist_ok=True)


def test_network_view(browser, site) -> None:
    out, views = site
    pg = Page(browser, out / "network.html")
    pg.settle()
    assert pg.counts() == (len(views["network"].nodes), len(views["network"].edges))
    # hover India: the tooltip is a text element (no markup interpreted)
    ind = str(world.iris.country("IND"))
    x, y = pg.node_point(ind)
    pg.page.mouse.move(x, y)
    tip = pg.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=3000)
    assert "India" in tip.inner_text() and "Imports:" in tip.inner_text()
    # hover the hostile company: its name shows as text, the <img> never exists
    x, y = pg.node_point(str(world.EVIL_PARTY))
    pg.page.mouse.move(x, y)
    pg.page.wait_for_function(
        "(t) => { const d = document.querySelector('div.vis-tooltip');"
        " return d && d.style.visibility !== 'hidden' && d.innerText.includes(t); }",
        arg="Evil</script>",
        timeout=3000,
    )
    assert pg.page.evaluate("document.querySelector('div.vis-tooltip img')") is None
    text = pg.click_node(ind)
    assert text.startswith("India") and "Imports" in text
    pg.check_clean("network")


def test_country_view_india(browser, site) -> None:
    out, views = site
    pg = Page(browser, out / "country.html")
    pg.settle()
    v = views["country"]
    assert pg.counts() == (len(v.nodes), len(v.edges))
    names = pg.page.evaluate("kgNetwork.body.data.nodes.get().map(n => n.name)")
    assert {"India", "Russia", "France", "Israel", "United States", "Germany", "Soviet Union"} <= set(names)
    assert world.EVIL_NAME in names  # the hostile supplier is a node label (canvas text)
    labels = pg.page.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert any(x.startswith(world.EVIL_NAME) for x in labels)
    heading = pg.page.inner_text("#kg-heading")
    assert heading == "India: suppliers and customers"
    rus = str(world.iris.country("RUS"))
    assert pg.click_node(rus).startswith("Russia")
    pg.check_clean("country-india")


def test_deals_view_side_panel(browser, site) -> None:
    out, views = site
    pg = Page(browser, out / "deals.html")
    pg.settle()
    v = views["deals"]
    assert pg.counts() == (len(v.nodes), len(v.edges))
    ids = {n["label"]: n["id"] for n in v.nodes if n.get("detail")}
    text = pg.click_node(ids["Rafale (2016)"])
    assert "Rafale: France → India" in text
    assert re.search(r"2016-09-23 · signed", text) and "delivered" in text
    assert "India and France signed an inter-governmental agreement" in text
    hrefs = pg.page.eval_on_selector_all("#kg-panel a", "els => els.map(a => a.href)")
    assert hrefs == ["https://news.example.org/2016/09/rafale"]
    evil = next(label for label in ids if label.startswith("<img"))
    text = pg.click_node(ids[evil])
    assert world.EVIL_EVIDENCE in text  # shown as text, script tags and all
    assert world.EVIL_HEADLINE in text and world.EVIL_URL in text  # the URL only as text
    assert pg.page.eval_on_selector_all("#kg-panel a", "els => els.length") == 0
    assert (
        pg.page.evaluate("document.querySelectorAll('#kg-panel script, #kg-panel img, #kg-panel b').length")
        == 0
    )
    pg.check_clean("deals-india")


def test_report_page(browser, site) -> None:
    out, _ = site
    pg = Page(browser, out / "report" / "report.html")
    pg.page.wait_for_load_state("load")
    sizes = pg.page.evaluate("[...document.images].map(i => i.naturalWidth)")
    assert len(sizes) == 3 and all(w > 100 for w in sizes)
    assert (
        pg.page.evaluate("[...document.links].map(a => a.getAttribute('href'))")[0] == "india-suppliers.html"
    )
    assert "Soviet Union/Russia" in pg.page.inner_text("body")
    pg.check_clean("report")


# --------------------------------------------------------------------------- time, search, scale
VISIBLE_EDGES_JS = "kgNetwork.body.data.edges.get().filter(e => !e.hidden).length"


def _set_range(pg: Page, a: int, b: int) -> None:
    """Move both range inputs as a user would (value + an input event each), wait for the redraw."""
    pg.page.evaluate(
        """([a, b]) => {
          for (const [id, v] of [["kg-from", a], ["kg-to", b]]) {
            const el = document.getElementById(id);
            el.value = v;
            el.dispatchEvent(new Event("input", {bubbles: true}));
          }
        }""",
        [a, b],
    )
    pg.page.wait_for_function("([a, b]) => kgRange[0] === a && kgRange[1] === b", arg=[a, b], timeout=3000)


def test_year_range_changes_edges_and_shares(browser, site) -> None:
    out, views = site
    t = views["country"].time
    pg = Page(browser, out / "country.html")
    pg.settle()
    assert pg.page.evaluate("kgRange") == [t["from"], t["to"]]  # the latest full period
    rus = str(world.iris.country("RUS"))
    india = world.india_volume_by_supplier(range(t["from"], t["to"] + 1))
    expected = 100 * india["RUS"] / sum(india.values())
    assert (
        pg.page.evaluate("(id) => kgNetwork.body.data.nodes.get(id).label", rus) == f"Russia {expected:.1f}%"
    )
    panel = pg.page.inner_text("#kg-panel")
    assert f"{expected:.1f}%" in panel and f"{t['from']}–{t['to']}" in panel
    edges_before = pg.page.evaluate(VISIBLE_EDGES_JS)
    _set_range(pg, t["min"], t["max"])
    edges_after = pg.page.evaluate(VISIBLE_EDGES_JS)
    assert edges_after > edges_before  # the Soviet Union's deals are back
    panel_after = pg.page.inner_text("#kg-panel")
    assert panel_after != panel and "Soviet Union" in panel_after and "Soviet Union" not in panel
    india = world.india_volume_by_supplier(range(t["min"], t["max"] + 1))
    expected = 100 * india["RUS"] / sum(india.values())
    assert (
        pg.page.evaluate("(id) => kgNetwork.body.data.nodes.get(id).label", rus) == f"Russia {expected:.1f}%"
    )
    pg.check_clean("country-india-all-years")


def test_play_steps_through_periods(browser, site) -> None:
    out, _ = site
    pg = Page(browser, out / "country.html")
    pg.settle()
    pg.page.evaluate(
        """() => {
          window.kgPlayInterval = 60;
          window.seen = [];
          document.addEventListener("kg-range", (ev) => {
            seen.push([JSON.stringify(ev.detail), kgNetwork.body.data.edges.get().filter(e => !e.hidden).length]);
          });
        }"""
    )
    pg.page.click("#kg-play")
    pg.page.wait_for_function("() => window.kgPlaying === false", timeout=10_000)
    seen = pg.page.evaluate("seen")
    periods = pg.page.evaluate("kgPeriods")
    assert [json.loads(r) for r, _ in seen] == periods
    assert all(b - a == 4 for a, b in periods[1:-1]) and len(periods) >= 4
    assert len({n for _, n in seen}) > 1  # the edges shown change from period to period
    assert pg.page.inner_text("#kg-play") == "▶ play"
    pg.check_clean("country-india-played")


def test_search_focuses_a_party_and_png_export(browser, site) -> None:
    out, _ = site
    pg = Page(browser, out / "network.html")
    pg.settle()
    fra = str(world.iris.country("FRA"))
    pg.page.fill("#kg-search", "fran")
    pg.page.press("#kg-search", "Enter")
    assert pg.page.evaluate("kgNetwork.getSelectedNodes()") == [fra]
    assert pg.page.inner_text("#kg-panel").startswith("France")
    centre = pg.page.evaluate("kgNetwork.canvasToDOM(kgNetwork.getViewPosition())")
    x, y = pg.page.evaluate("(id) => kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id])", fra).values()
    assert abs(x - centre["x"]) < 2 and abs(y - centre["y"]) < 2  # focused: France in the middle
    pg.page.fill("#kg-search", "Atlantis")
    pg.page.press("#kg-search", "Enter")
    assert "no party matches" in pg.page.inner_text("#kg-status")
    png = pg.page.evaluate("kgPng()")
    assert png.startswith("data:image/png;base64,") and len(png) > 5000
    with pg.page.expect_download() as dl:
        pg.page.click("#kg-png")
    assert dl.value.suggested_filename.endswith(".png")
    pg.check_clean("network-search")


def test_deals_grouped_under_collapsible_suppliers(browser, site) -> None:
    out, views = site
    pg = Page(browser, out / "deals-closed.html")
    pg.settle()
    hidden_deals = "kgNetwork.body.data.nodes.get().filter(n => n.detail && n.hidden).length"
    deals = [n for n in views["deals-closed"].nodes if n.get("detail")]
    assert pg.page.evaluate(hidden_deals) == len(deals)  # every group closed
    fra = f"supplier:{world.iris.country('FRA')}"
    assert "▸" in pg.page.evaluate("(id) => kgNetwork.body.data.nodes.get(id).label", fra)
    pg.click_node(fra)
    group = next(g for g in views["deals-closed"].groups["list"] if g["supplier"] == fra)
    assert pg.page.evaluate(hidden_deals) == len(deals) - len(group["deals"])
    assert "▾" in pg.page.evaluate("(id) => kgNetwork.body.data.nodes.get(id).label", fra)
    pg.page.click("#kg-expand")
    assert pg.page.evaluate(hidden_deals) == 0
    pg.check_clean("deals-india-grouped")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    """The default global and India views of the real register (imported once per session)."""
    store = registers.real_register_store()
    out = tmp_path_factory.mktemp("real")
    views = {"global": network_view(store), "india": country_view(store, "India")}
    for name, v in views.items():
        write_view(v, out / f"{name}.html")
    return out, views


@pytest.mark.slow
@pytest.mark.parametrize("name", ["global", "india"])
def test_register_views_read_at_scale(browser, real_site, name: str) -> None:
    """At fit: >= 15 labels drawn, the 15 largest parties' among them, no two overlapping."""
    out, views = real_site
    pg = Page(browser, out / f"{name}.html")
    pg.settle()
    labels = pg.page.evaluate(LABEL_BOXES_JS)
    drawn = [x for x in labels if x["drawn"]]
    assert len(drawn) >= 15
    largest = sorted(labels, key=lambda x: -x["size"])[:15]
    assert all(x["drawn"] and x["px"] >= 9 for x in largest), [x["label"] for x in largest if not x["drawn"]]
    assert screen_overlaps(drawn) == []
    for x in drawn:  # the box model agrees with where vis put the text
        assert all(abs(a - b) < 3 for a, b in zip(x["box"], x["visBox"], strict=True)), x
    names = [n["name"] for n in views[name].nodes]
    assert sum(1 for n in names if n.startswith("unknown supplier")) == 1
    assert len(names) == len(set(names))
    if name == "india":
        assert {"Russia", "France", "Israel", "United States"} <= {
            x["label"].split(" ")[0] for x in drawn
        } | {"United States"}
    assert pg.page.evaluate("kgFind('Franc')") is not None
    assert pg.page.evaluate("kgNetwork.getSelectedNodes().length") == 1
    pg.check_clean(f"real-{name}")


@pytest.mark.slow
def test_unknown_supplier_count_follows_the_year_range(browser, real_site) -> None:
    """The one 'unknown supplier(s)' node says how many unknown parties it stands for in the
    selected years (counted here from the graph), not in all years."""
    from kg.present.views import scale

    out, views = real_site
    t = views["global"].time
    g = scale.timed_graph(registers.real_register_store(), kn.Filters())

    def expected(a: int, b: int) -> str:
        active = {
            s
            for s, _, d in g.edges(data=True)
            if g.nodes[s]["kind"] == "unknown"
            and (not d["years"] or any(a <= y <= b and (v[0] > 0 or v[1] > 0) for y, v in d["years"].items()))
        }
        return "unknown supplier(s)" + (f" ({len(active)})" if len(active) > 1 else "")

    pg = Page(browser, out / "global.html")
    pg.settle()
    label_js = "(id) => kgNetwork.body.data.nodes.get(id).label"
    assert pg.page.evaluate(label_js, scale.UNKNOWN_SUPPLIER) == expected(t["from"], t["to"])
    _set_range(pg, 2020, 2023)
    assert (
        pg.page.evaluate(label_js, scale.UNKNOWN_SUPPLIER)
        == expected(2020, 2023)
        != expected(t["min"], t["max"])
    )
    # its side panel's title counts the same parties (not all years' count)
    assert pg.click_node(scale.UNKNOWN_SUPPLIER).splitlines()[0] == expected(2020, 2023)
    pg.check_clean("real-global-unknown-count")


@pytest.mark.slow
def test_unknown_supplier_edge_panel_title_follows_the_year_range(browser, real_site) -> None:
    """India's view: the 'unknown supplier(s) → India' edge's panel title counts the unknown
    suppliers with deliveries or orders in the selected years, as the node's label does."""
    from kg.present.views import scale

    out, views = real_site
    members = views["india"].time["members"][scale.UNKNOWN_SUPPLIER]
    assert len(members) > 1  # the register has more than one unknown supplier of India
    edge = next(e["id"] for e in views["india"].edges if e["from"] == scale.UNKNOWN_SUPPLIER)
    pg = Page(browser, out / "india.html")
    pg.settle()
    last = views["india"].time["max"]
    for a, b in ((min(min(ys) for ys in members if ys), last), (max(max(ys) for ys in members if ys), last)):
        _set_range(pg, a, b)
        n = sum(1 for ys in members if not ys or any(a <= y <= b for y in ys))
        title = "unknown supplier(s)" + (f" ({n})" if n > 1 else "")
        assert pg.page.evaluate(
            "(id) => kgNetwork.body.data.nodes.get(id).label", scale.UNKNOWN_SUPPLIER
        ).startswith(title)
        assert pg.click_edge(edge).splitlines()[0] == f"{title} → India"
    pg.check_clean("real-india-unknown-edge")


def test_country_panel_lists_the_pipeline(browser, site) -> None:
    out, _ = site
    pg = Page(browser, out / "country.html")
    pg.settle()
    text = pg.page.inner_text("#kg-panel")
    assert "pipeline: ordered, not yet delivered" in text.lower() and "Rafale-M: signed" in text
    # searching a party with nothing in the opening period widens the range to show it
    ussr = str(world.iris.country("SUN"))
    assert pg.page.evaluate("(id) => kgNetwork.body.data.nodes.get(id).hidden", ussr) is True
    assert pg.page.evaluate("kgFind('soviet')") == ussr
    assert pg.page.evaluate("(id) => kgNetwork.body.data.nodes.get(id).hidden", ussr) is False
    assert pg.page.evaluate("kgRange") == pg.page.evaluate("[kgPeriods[0][0], kgPeriods.at(-1)[1]]")
    assert "showing all years" in pg.page.inner_text("#kg-status")
    pg.check_clean("country-india-pipeline")


# --------------------------------------------------------------------------- the fold and the panel follow the range
def _leaders(volumes: dict[str, float], share: float = 0.9) -> set[str]:
    """The 90% rule, written out again: the fewest parties (largest first, ties by IRI)
    whose delivered TIV adds up to ``share`` of the total."""
    total, acc, keep = sum(volumes.values()), 0.0, set()
    for party, v in sorted(volumes.items(), key=lambda kv: (-kv[1], kv[0])):
        if acc >= share * total:
            break
        keep.add(party)
        acc += v
    return keep


def _expected_fold(years: range) -> tuple[set[str], float, set[str], float]:
    """From the world's ground truth: (suppliers folded, their TIV, buyers folded, their TIV)."""
    pairs = {k: v for k, v in world.pair_volumes(years).items() if v > 0}
    sup: dict[str, float] = {}
    buy: dict[str, float] = {}
    for (s, b), v in pairs.items():
        sup[s] = sup.get(s, 0.0) + v
        buy[b] = buy.get(b, 0.0) + v
    kept = _leaders(sup) | _leaders(buy)
    fs = {p for p in sup if p not in kept}
    fb = {p for p in buy if p not in kept}
    return fs, sum(sup[p] for p in fs), fb, sum(buy[p] for p in fb)


FOLD_JS = """() => {
  const F = kgNetwork.body.data.nodes, sup = "kg-view:other-suppliers", buy = "kg-view:other-buyers";
  const tiv = (side, id) => Object.values(kgFold.agg).filter(e => e[side] === id).reduce((a, e) => a + e.t, 0);
  const withTiv = (id, side) => Object.keys(kgFold.members[id]).filter(p => (kgFold.tot[side][p] || {t: 0}).t > 0);
  return {sup: withTiv(sup, "sup"), buy: withTiv(buy, "buy"), supTiv: tiv("s", sup), buyTiv: tiv("b", buy),
          supLabel: F.get(sup).label, supHidden: !!F.get(sup).hidden, nSup: Object.keys(kgFold.members[sup]).length,
          shown: F.get().filter(n => !n.hidden).map(n => n.id)};
}"""


def test_others_fold_follows_the_year_range(browser, site) -> None:
    """Which suppliers are folded, and the fold's totals, are those of the selected years."""
    out, views = site
    t = views["network-folded"].time
    pg = Page(browser, out / "network-folded.html")
    pg.settle()
    seen = []
    for a, b in ((t["min"], t["max"]), (1985, 1989), (2015, 2019)):
        if (a, b) != (t["min"], t["max"]):
            _set_range(pg, a, b)
        got = pg.page.evaluate(FOLD_JS)
        fs, fs_tiv, fb, fb_tiv = _expected_fold(range(a, b + 1))
        assert set(got["sup"]) == fs, (a, b)
        assert set(got["buy"]) == fb, (a, b)
        assert got["supTiv"] == pytest.approx(fs_tiv, abs=0.01), (a, b)
        assert got["buyTiv"] == pytest.approx(fb_tiv, abs=0.01), (a, b)
        assert got["supLabel"] == f"other suppliers ({got['nSup']})" or got["supHidden"]
        for party in fs | fb:  # a folded party's own node is not drawn
            assert party not in got["shown"], (a, b, party)
        seen.append((frozenset(fs), frozenset(fb)))
    assert len(set(seen)) == 3  # the three ranges fold different parties
    # the fold's own panel lists its members for the range
    text = pg.click_node("kg-view:other-buyers")
    assert text.startswith("other buyers (") and "folded parties, 2015–2019" in text.lower()
    for party in seen[-1][1]:
        assert views["network-folded"].time["fold"]["outside"].get(party, "") in text
    pg.check_clean("network-folded")


def test_edge_panel_figures_follow_the_year_range(browser, site) -> None:
    """An edge's deals, TIV and shares in the side panel are the selected years', and change with them."""
    out, views = site
    fra, ind = str(world.iris.country("FRA")), str(world.iris.country("IND"))
    edge = next(e["id"] for e in views["network-folded"].edges if (e["from"], e["to"]) == (fra, ind))
    pg = Page(browser, out / "network-folded.html")
    pg.settle()
    texts = []
    for a, b in ((2015, 2019), (1985, 1989)):
        _set_range(pg, a, b)
        text = pg.click_edge(edge) if not texts else pg.page.inner_text("#kg-panel")  # the panel follows
        years = range(a, b + 1)
        tiv = world.pair_volumes(years)[(fra, ind)]
        share = 100 * tiv / sum(world.india_volume_by_supplier(years).values())
        assert text.startswith("France → India") and f"selected years: {a}–{b}" in text.lower()
        assert re.search(rf"Delivered TIV\s+{tiv:,.0f}\n", text), text
        assert re.search(rf"Share of India's imports\s+{share:.1f}%", text), text
        texts.append(text)
    assert texts[0] != texts[1]
    # a node's exports and imports too
    text = pg.click_node(ind)
    india = sum(world.india_volume_by_supplier(range(1985, 1990)).values())
    assert re.search(rf"Imports\s+{india:,.0f} TIV delivered", text), text
    pg.check_clean("network-folded-edge")


@pytest.mark.slow
def test_india_view_of_both_releases_opens_on_2020_2024(browser, tmp_path) -> None:
    """Both real releases imported: the India view opens on 2020-2024 with the 2026 release's
    shares (Russia 36.0, France 33.0, Israel 12.6: SIPRI's published figures), computed here
    from the 2026 file with the csv module; labels do not overlap."""
    store = open_store(registers.two_releases_dir(), read_only=True)
    try:
        write_view(country_view(store, "India"), tmp_path / "india.html")
    finally:
        store.close()
    truth = registers.release_2026_volumes("India")[2020]
    shares = {name: 100 * v / sum(truth.values()) for name, v in truth.items()}
    for name, published in {"Russia": 36.0, "France": 33.0, "Israel": 12.6}.items():
        assert round(shares[name], 1) == published
    pg = Page(browser, tmp_path / "india.html")
    pg.settle()
    assert pg.page.evaluate("kgRange") == [2020, 2024]
    panel = pg.page.inner_text("#kg-panel")
    assert "2020–2024" in panel
    for name, iso in {"Russia": "RUS", "France": "FRA", "Israel": "ISR", "United States": "USA"}.items():
        label = pg.page.evaluate(
            "(id) => kgNetwork.body.data.nodes.get(id).label", str(world.iris.country(iso))
        )
        assert label == f"{name} {shares[name]:.1f}%"
        assert re.search(rf"{name}\s+[\d,.]+ TIV · {shares[name]:.1f}%", panel), name
    drawn = [x for x in pg.page.evaluate(LABEL_BOXES_JS) if x["drawn"]]
    assert len(drawn) >= 15 and screen_overlaps(drawn) == []
    # the sources line says which release fed which years: 2026's deliveries from 1995 (its
    # coverage), 2024's the years before and every deal count (the 2026 file has no orders)
    assert re.fullmatch(
        r"Sources: SIPRI register generated 2026-02-12 \(delivered TIV 1995-2024\); "
        r"SIPRI register generated 2024-10-13 \(delivered TIV 19\d\d-1994, deals by order year 19\d\d-20\d\d\)",
        pg.page.inner_text("#kg-sources"),
    )
    pg.check_clean("real-india-two-releases")


def test_party_with_only_undated_deals_shows_no_share(browser, tmp_path) -> None:
    """The demo data counts deals by order year.  A pair whose only deal has no order year is
    drawn in every range: its party's label shows no share (was "Spain 0.0%"), while the
    parties with deals in the range show theirs.  And one undated article deal does not erase
    its pair's order years (the edge query's GROUP_CONCAT: the United States' were lost)."""
    from kg.ingest.articles import import_articles
    from kg.ingest.base_graphs import ensure_base_graphs
    from kg.ingest.curated import import_curated
    from kg.io.resources import data_path
    from kg.vocab import ns

    s = open_store("memory:")
    ensure_base_graphs(s)
    for table in sorted(data_path("facts").glob("*.csv")):
        import_curated(s, table)
    import_articles(s, [data_path("articles")])
    esp, usa = str(world.iris.country("ESP")), str(world.iris.country("USA"))
    g = "https://example.org/kg-test/undated-article"
    s.update(
        ns.SPARQL_PREFIXES + f"INSERT DATA {{ GRAPH <{g}> {{ <{g}> a kg:NewsArticle . "
        f"<{g}#deal> a kg:Deal ; kg:supplier <{esp}> ; kg:buyer <{world.iris.country('IND')}> . }} }}"
    )
    v = country_view(s, "India")
    write_view(v, tmp_path / "india.html")
    s.close()
    years = {e["from"]: v.time["edges"][e["id"]] for e in v.edges}
    assert v.time["measure"] == "deals" and years[esp] == []  # undated: drawn in every range
    assert {y for y, _, _ in years[usa]} >= {2020, 2024}  # the curated table's order years
    pg = Page(browser, tmp_path / "india.html")
    pg.settle()
    labels = dict(
        pg.page.evaluate("kgNetwork.body.data.nodes.get({filter: n => !n.hidden}).map(n => [n.id, n.label])")
    )
    shares = pg.page.evaluate("Object.assign({}, kgShares.shareIn, kgShares.shareOut)")
    assert labels[esp] == "Spain"
    assert re.fullmatch(r"United States \d+\.\d%", labels[usa])
    assert {i for i, label in labels.items() if label.endswith("%")} == {
        i for i, x in shares.items() if x > 0
    }
    pg.check_clean("demo-india-undated")
