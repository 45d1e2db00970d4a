"""The views and the report in real headless Chromium (Debian's /usr/bin/chromium).

Each page is opened from file://, must settle, hold the nodes/edges we wrote, answer
clicks with a side panel built from text, log no console error, request nothing but
file:// URLs, and never run any of the hostile strings (each would set ``window.__xss``).
Screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import views_world as world

from kg import network as kn
from kg.report import diversification_report
from kg.store import open_store
from kg.views import country_view, deals_view, network_view, write_view

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
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


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
        "network": network_view(s),
        "country": country_view(s, "India"),
        "deals": deals_view(s, kn.Filters(buyer="India")),
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
    labels = pg.page.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert {"India", "Russia", "France", "Israel", "United States", "Germany", "Soviet Union"} <= set(labels)
    assert world.EVIL_NAME in labels  # the hostile supplier is a node label (canvas text)
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


@pytest.mark.slow
def test_global_register_network_settles(browser, tmp_path) -> None:
    """All SIPRI suppliers and buyers 1950-2024: opens and settles within 10 s."""
    store = world.real_register_store()
    views = {"global": network_view(store), "india": country_view(store, "India")}
    for name, v in views.items():
        write_view(v, tmp_path / f"{name}.html")
    for name, v in views.items():
        started = time.perf_counter()
        pg = Page(browser, tmp_path / f"{name}.html")
        pg.settle()
        elapsed = time.perf_counter() - started
        assert elapsed < 10, f"{name} took {elapsed:.1f} s to settle"
        assert pg.counts() == (len(v.nodes), len(v.edges))
        pg.check_clean(f"real-{name}")
    labels = {n["label"] for n in views["india"].nodes}
    assert {"Soviet Union", "Russia", "France", "Israel", "United States", "Germany"} <= labels
    assert len(views["global"].nodes) > 300 and len(views["global"].edges) > 2000
