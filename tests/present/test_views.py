"""kg.present.views without a browser: view contents, offline HTML, escaping, atomic writes."""

from __future__ import annotations

import json
import re

import pytest
from helpers import views_world as world
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.analysis import network as kn
from kg.present.views import (
    CSP,
    View,
    country_view,
    deals_view,
    network_view,
    render_html,
    write_html,
    write_view,
)
from kg.present.views.render import VENDOR_DIR
from kg.vocab import iris

IND = str(iris.country("IND"))


STORE_SCOPE = "module"  # the ``store`` fixture (tests/conftest.py): one world, read by every test


def fill_store(store) -> None:
    world.load_hostile(store)


def _payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data element"
    return json.loads(m.group(1))


def test_network_view_matches_graph(store) -> None:
    g = kn.build_graph(store)
    v = network_view(store, top_share=None)
    assert {n["id"] for n in v.nodes} == set(g.nodes)
    assert len(v.edges) == g.number_of_edges()
    assert v.options["physics"]["enabled"] is False  # positions are precomputed
    assert all("x" in n and "y" in n for n in v.nodes)
    by_pair = {(e["from"], e["to"]): e for e in v.edges}
    kor = by_pair[(str(iris.country("KOR")), IND)]
    fra = by_pair[(str(iris.country("FRA")), IND)]
    usa = by_pair[(str(iris.country("USA")), IND)]
    assert kor["dashes"] is True  # article only
    assert fra["color"]["color"] != usa["color"]["color"]  # corroborated vs register only
    # the page's year data adds up to the pair's delivered TIV (every TIV here is dated)
    fra_years = v.time["edges"][fra["id"]]
    assert sum(t for _, t, _ in fra_years) == pytest.approx(g[str(iris.country("FRA"))][IND]["tiv"])
    assert v.time["measure"] == "tiv" and (v.time["from"], v.time["to"]) == (v.time["min"], v.time["max"])
    # no pyvis "title" (whose "href" would switch every tooltip to innerHTML)
    assert not any("title" in x for x in v.nodes + v.edges)
    assert "sources: all" in v.subtitle and "Sources:" in v.sources_line


def test_country_view_india(store) -> None:
    v = country_view(store, "India")
    labels = {n["id"]: n["label"] for n in v.nodes}
    suppliers = {labels[e["from"]] for e in v.edges if e["to"] == IND}
    assert {"Russia", "France", "Israel", "United States", "Germany", "Soviet Union"} <= suppliers
    customers = {labels[e["to"]] for e in v.edges if e["from"] == IND}
    assert customers == {"Afghanistan"}
    rus = next(e for e in v.edges if labels[e["from"]] == "Russia")
    top = max((d for d in world.DEALS if d.supplier == "RUS" and d.buyer == "IND"), key=lambda d: d.tiv)
    assert rus["label"].startswith(top.system)
    # suppliers left of India, customers right
    x = {n["id"]: n["x"] for n in v.nodes}
    assert all(x[e["from"]] < 0 for e in v.edges if e["to"] == IND)
    assert all(x[e["to"]] > 0 for e in v.edges if e["from"] == IND)
    detail = v.details[rus["detail"]]
    assert any(s["heading"] == "Articles" for s in detail["sections"])
    with pytest.raises(kn.UnknownName):
        country_view(store, "Atlantis")


def test_deals_view_panel_data(store) -> None:
    v = deals_view(store, kn.Filters(buyer="India", supplier="France"))
    deal_nodes = [n for n in v.nodes if n.get("detail")]
    assert sorted(n["label"] for n in deal_nodes) == sorted(
        [f"{d.system} ({d.order_year})" for d in world.DEALS if d.supplier == "FRA" and d.buyer == "IND"]
        + ["Rafale-M (2025)"]
    )
    rafale = next(n for n in deal_nodes if n["label"].startswith("Rafale (2016"))
    panel = v.details[rafale["detail"]]
    sections = {s["heading"]: s for s in panel["sections"]}
    timeline = [i["text"] for i in sections["Status timeline"]["items"]]
    assert timeline[0].startswith("2016-09-23") and "signed" in timeline[0]
    sources = sections["Sources"]["items"]
    assert any(i.get("url") == "https://news.example.org/2016/09/rafale" for i in sources)
    row = next(r for r, d in enumerate(world.DEALS, start=12) if d.key == "rafale")
    assert any(f"row {row}" in i["meta"] for i in sources)
    assert "inter-governmental agreement" in sections["Evidence"]["items"][0]["quote"]


def test_html_is_offline_and_escaped(store, tmp_path) -> None:
    v = country_view(store, "India")
    html = render_html(v)
    assert CSP in html and "default-src 'none'" in html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.I)
    assert "jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html
    assert (VENDOR_DIR / "vis-network.min.js").read_text(encoding="utf-8")[:2000] in html
    # hostile label: escaped in HTML, intact (as data) in JSON
    assert "<img src=x" not in html.replace("\\u003c", "<").split("<script", 1)[0]
    assert world.EVIL_NAME not in html  # never raw anywhere
    payload = _payload(html)
    assert world.EVIL_NAME in {n["label"] for n in payload["nodes"]}
    assert "</script><script>" not in html.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    out = write_html(tmp_path / "india.html", html)
    assert out.read_bytes().decode("utf-8") == html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["india.html"]


def test_hostile_heading_is_escaped(store) -> None:
    v = country_view(store, world.EVIL_NAME)
    html = render_html(v)
    head = html.split('<h1 id="kg-heading">', 1)[1].split("</h1>", 1)[0]
    assert head.startswith("&lt;img src=x onerror=")
    assert "<" not in head


def test_write_view_replaces_atomically(store, tmp_path) -> None:
    target = tmp_path / "net.html"
    target.write_text("old", encoding="utf-8")
    write_view(network_view(store, kn.Filters(buyer="India")), target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "India" in text
    assert [p.name for p in tmp_path.iterdir()] == ["net.html"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [*"<>&'\"/ sS=:", "script", "</script>", "<!--", "]]>", "href", "javascript:", "\u2028", "é"]
        ),
        max_size=12,
    ).map("".join)
)
def test_any_label_round_trips_and_never_becomes_markup(text: str) -> None:
    """Whatever a label holds, the page shows it as text and the data keeps it exactly."""
    v = View(
        title=text,
        subtitle=text,
        sources_line=text,
        nodes=[{"id": text or "x", "label": text, "tooltip": text, "detail": "n", "x": 0.0, "y": 0.0}],
        edges=[],
        options={"physics": {"enabled": False}},
        legend=[{"label": text, "color": "#000"}],
        details={
            "n": {"title": text, "sections": [{"heading": text, "items": [{"text": text, "url": text}]}]}
        },
    )
    html = render_html(v)
    payload = _payload(html)
    assert payload["nodes"][0]["label"] == text and payload["details"]["n"]["title"] == text
    data = html.split('<script type="application/json" id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data  # nothing in the data element can close it
    head = html.split('<h1 id="kg-heading">', 1)[1].split("</h1>", 1)[0]
    assert "<" not in head and ">" not in head
    assert (
        head.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#34;", '"')
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        == text
    )
