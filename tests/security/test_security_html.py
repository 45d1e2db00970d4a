"""Every HTML file the demo writes: a CSP forbidding network access, hostile data only as text,
links only to http(s); file names derived from data stay inside the output directory.

Covered elsewhere: the views' embedded JSON for any label (tests/present/test_views.py, hypothesis),
the report's hostile headline (tests/present/test_report.py), real-Chromium XSS checks
(tests/present/test_browser.py), served views (tests/serve/test_serve.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import views_world as world
from rdflib.namespace import RDFS

from kg.store import open_store
from kg.vocab import iris, ns

TRAVERSAL = "../../etc/x"
XEV = iris.country("XEV")
NICE_URL = "https://example.org/news/rafale?a=1&b=2"


def add_traversal_buyer(store) -> None:
    """A country named like a path (``../../etc/x``) that buys Rafales from France."""
    sys_iri = iris.system("rafale")
    deal = iris.article_deal(str(iris.country("FRA")), str(XEV), str(sys_iri), 2020)
    src = iris.article_source("https://example.org/news/rafale")
    store.update(
        f"""INSERT DATA {{
          GRAPH <{iris.REFERENCE_GRAPH}> {{ <{XEV}> a <{ns.Country}> ; <{RDFS.label}> "{TRAVERSAL}" ;
                                             <{ns.iso3}> "XEV" }}
          GRAPH <{src}> {{ <{src}> a <{ns.NewsArticle}> ; <{ns.SCHEMA.url}> "{NICE_URL}" ;
                             <{ns.SCHEMA.headline}> "Rafale <a href=javascript:alert(7)>deal</a>" .
                           <{deal}> a <{ns.Deal}> ; <{ns.supplier}> <{iris.country("FRA")}> ;
                             <{ns.buyer}> <{XEV}> ; <{ns.weaponSystem}> <{sys_iri}> ; <{ns.orderYear}> 2020 }}
        }}"""
    )


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory):
    from kg.cli.demo import write_outputs

    store = open_store("memory:")
    world.load_hostile(store)
    add_traversal_buyer(store)
    out = tmp_path_factory.mktemp("demo-out")
    outputs = write_outputs(store, out, lambda _m: None)
    yield out, outputs, store
    store.close()


class Tags(HTMLParser):
    """Start tags with attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = Tags()
    p.feed(html)
    return p.tags


def check_csp(html: str, name: str) -> None:
    metas = [
        a
        for t, a in tags(html)
        if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(metas) == 1, f"{name}: no CSP meta tag"
    policy = unescape(metas[0]["content"] or "")
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives.get("default-src") == ["'none'"], (name, policy)
    for directive, sources in directives.items():
        for src in sources:  # no host, scheme wildcard or 'self' fetches: nothing leaves the file
            assert src in ("'none'", "'unsafe-inline'", "data:"), (name, directive, src)
    head = html[: html.lower().index("</head>")]
    assert (
        head.lower().index("content-security-policy") < head.lower().index("<script")
        if "<script" in head.lower()
        else True
    )


def test_demo_writes_only_safe_html(demo_out) -> None:
    out, _outputs, _store = demo_out
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 4, pages  # india, network, india-deals, report (which links to india.html)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        check_csp(html, page.name)
        for hostile in (world.EVIL_NAME, world.EVIL_SYSTEM, world.EVIL_HEADLINE, world.EVIL_EVIDENCE):
            assert hostile not in html, (page.name, hostile)  # never raw
        parsed = tags(html)
        for tag, attrs in parsed:
            for key, value in attrs.items():
                assert not key.startswith("on"), (page.name, tag, key)  # no event handler from data
                if key in ("href", "src", "action", "formaction", "xlink:href"):
                    v = (value or "").strip().lower()
                    assert v.startswith(("https://", "http://", "data:image/", "#")) or re.fullmatch(
                        r"(\.\./)?[a-z0-9-]+\.html",
                        v,  # a page kg wrote: same folder or the demo folder above
                    ), (page.name, tag, key, value)
        scripts = [a for t, a in parsed if t == "script"]
        assert all("src" not in a for a in scripts), page.name  # everything inline, nothing fetched
        assert "window.__xss" not in "".join(
            m for m in re.findall(r"<script(?![^>]*application/json)[^>]*>(.*?)</script>", html, re.S)
        ), page.name


def test_report_links_only_http_sources(demo_out) -> None:
    from kg.present.report import diversification_report

    _out, _outputs, store = demo_out
    rep = diversification_report(store, "India", _out / "india-again")
    html = (rep.out_dir / "report.html").read_text(encoding="utf-8")
    hrefs = [a["href"] for t, a in tags(html) if t == "a" and "href" in a]
    assert hrefs and all(h.startswith(("http://", "https://")) or h.endswith(".html") for h in hrefs), hrefs
    assert world.EVIL_URL not in hrefs and not any("javascript" in (h or "").lower() for h in hrefs)
    md = (rep.out_dir / "report.md").read_text(encoding="utf-8")
    assert "](javascript:" not in md


def test_svg_charts_carry_no_markup_from_data(demo_out) -> None:
    out, _outputs, _store = demo_out
    svgs = sorted(out.rglob("*.svg"))
    assert svgs
    for svg in svgs:
        root = ET.parse(svg).getroot()
        for el in root.iter():
            tag = el.tag.rsplit("}", 1)[-1]
            assert tag not in ("script", "foreignObject", "a"), (svg.name, tag)
            assert not any(k.rsplit("}", 1)[-1].startswith("on") for k in el.attrib), (svg.name, el.attrib)


def test_file_names_from_data_stay_in_the_output_directory(demo_out, tmp_path: Path) -> None:
    from kg.present.report import diversification_report

    _out, _outputs, store = demo_out
    target = tmp_path / "a" / "b" / "out"
    before = {p for p in tmp_path.rglob("*")}
    rep = diversification_report(store, TRAVERSAL, target)
    assert rep.buyer == str(XEV)  # the path-like name really was the buyer
    written = {p for p in tmp_path.rglob("*")} - before
    inside = {target, target.parent, target.parent.parent}  # the output directory and its new parents
    assert written and all(p in inside or target in p.parents for p in written), sorted(written)
    for p in rep.files.values():
        assert p.resolve().parent == target.resolve(), p
    assert not list(tmp_path.rglob("*.tmp")) and not [p for p in written if p.name.startswith(".")]


def test_view_cli_with_data_derived_name_writes_only_the_given_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    store_dir = tmp_path / "store"
    s = open_store(str(store_dir))
    world.load_hostile(s)
    add_traversal_buyer(s)
    s.close()
    out = tmp_path / "views" / "x.html"
    before = {p for p in tmp_path.rglob("*") if "store" not in p.parts}
    res = CliRunner().invoke(cli, ["--store", str(store_dir), "view", "country", TRAVERSAL, "-o", str(out)])
    assert res.exit_code == 0, res.output
    written = {p for p in tmp_path.rglob("*") if "store" not in p.parts} - before
    assert written == {out, out.parent}
    check_csp(out.read_text(encoding="utf-8"), out.name)


def test_cli_demo_html_all_have_csp(demo_run: tuple[str, Path, str]) -> None:
    _, out, _ = demo_run  # the session's one `kg demo` run (tests/conftest.py)
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 4  # the report links to india.html instead of writing a copy
    for page in pages:
        check_csp(page.read_text(encoding="utf-8"), page.name)
    assert not list(out.rglob("*.tmp"))
