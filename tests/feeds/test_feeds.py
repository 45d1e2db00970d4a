"""kg feed add|list|remove|run and kg import articles URL against a local news site."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers.network_guard import network_guard

from kg.cli import cli
from kg.feeds.state import FeedState, default_name, state_path
from kg.store import open_store
from kg.vocab import ns
from scripts.feeds_site import ARTICLES, Route, Site, hostile_site, page_html, rss2


@pytest.fixture
def site() -> Iterator[Site]:
    s = hostile_site(Site()).start()
    yield s
    s.stop()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"KG_STORE": str(tmp_path / "store"), "KG_FEEDS_STATE": ""}


def kg(env: dict[str, str], *args: str, ok: bool = True):
    if args[:2] == ("feed", "run"):
        args = ("feed", "run", "--delay", "0", *args[2:])  # politeness is tested in test_fetch
    result = CliRunner().invoke(cli, ["--store", env["KG_STORE"], *args], env={"KG_FEEDS_STATE": None})
    if ok:
        assert result.exit_code == 0, (result.output,)
    return result


def triples(env: dict[str, str]) -> int:
    with open_store(env["KG_STORE"], read_only=True) as store:
        return store.count()


def article_rows(env: dict[str, str]) -> list[dict]:
    with open_store(env["KG_STORE"], read_only=True) as store:
        return store.select(
            ns.SPARQL_PREFIXES
            + """SELECT ?g ?url ?feed ?first (COUNT(DISTINCT ?c) AS ?claims) WHERE {
                 GRAPH ?g { ?g a kg:NewsArticle ; schema:url ?url .
                   OPTIONAL { ?g kg:fromFeed ?feed } OPTIONAL { ?g kg:firstFetched ?first }
                   OPTIONAL { ?c a kg:Claim } } } GROUP BY ?g ?url ?feed ?first ORDER BY ?url"""
        )


def test_done_when_three_articles_then_nothing_new(site: Site, env: dict[str, str]) -> None:
    feed = site.url("/feed.xml")
    with network_guard(site.port) as violations:
        kg(env, "feed", "add", feed)
        first = kg(env, "feed", "run")
        rows = article_rows(env)
        assert [str(r["url"]) for r in rows] == [site.url(f"/{k}.html") for k in ("a1", "a2", "a3")]
        assert all(int(r["claims"]) >= 1 for r in rows), rows
        assert {str(r["feed"]) for r in rows} == {feed}
        assert all(r.get("first") is not None for r in rows)
        assert "new articles: 3" in first.stdout
        assert "imported 3 article(s)" in first.stderr
        before, hits = triples(env), dict(site.hits)

        second = kg(env, "feed", "run")
        assert triples(env) == before
        assert "new articles: 0" in second.stdout and "not modified" in second.stdout
        assert {p: n for p, n in site.hits.items() if p.endswith(".html")} == {
            p: n for p, n in hits.items() if p.endswith(".html")
        }

        again = kg(env, "import", "articles", site.url("/a1.html"))
        assert "1 unchanged" in again.stderr
        assert triples(env) == before
    assert violations == []


def test_what_did_this_outlet_report(site: Site, env: dict[str, str]) -> None:
    kg(env, "feed", "add", site.url("/atom.xml"), "--name", "atomdesk")
    kg(env, "feed", "add", site.url("/rss1.xml"), "--name", "rdfdesk")
    kg(env, "feed", "run", "atomdesk")
    kg(env, "feed", "run", "rdfdesk")
    q = (
        ns.SPARQL_PREFIXES
        + "SELECT ?url WHERE { GRAPH ?g { ?g kg:fromFeed ?f ; schema:url ?url } } ORDER BY ?url"
    )
    out = kg(env, "query", q.replace("?f ;", f"<{site.url('/rss1.xml')}> ;"), "--format", "csv").stdout
    assert out.split() == ["url", site.url("/a2.html"), site.url("/a3.html")]
    out = kg(env, "query", q.replace("?f ;", f"<{site.url('/atom.xml')}> ;"), "--format", "csv").stdout
    assert out.split() == ["url", site.url("/a1.html"), site.url("/a2.html")]


def test_hostile_feeds_are_reported_and_the_run_goes_on(
    site: Site, env: dict[str, str], tmp_path: Path
) -> None:
    for name, path in [
        ("broken", "/malformed.xml"),
        ("empty", "/empty.xml"),
        ("png", "/image-feed.xml"),
        ("loop", "/loop1"),
        ("ftp", "/to-ftp"),
        ("gone", "/missing.html"),
        ("good", "/feed.xml"),
    ]:
        kg(env, "feed", "add", site.url(path), "--name", name)
    result = kg(env, "feed", "run", "--format", "json", ok=False)
    assert result.exit_code == 3
    digest = json.loads(result.stdout)
    status = {f["name"]: f for f in digest["feeds"]}
    assert status["good"]["status"] == "ok" and len(digest["articles"]) == 3
    assert status["empty"]["status"] == "ok" and status["empty"]["entries"] == 0
    assert "malformed feed" in status["broken"]["error"]
    assert "content type 'image/png' refused" in status["png"]["error"]
    assert "redirect loop" in status["loop"]["error"]
    assert "non-http(s)" in status["ftp"]["error"]
    assert "HTTP 404" in status["gone"]["error"]
    for name in ("broken", "png", "loop", "ftp", "gone"):
        assert f"error: feed {name}: " in result.stderr
    state = json.loads((tmp_path / "store.feeds.json").read_text())["feeds"]
    assert state["broken"]["last_status"] == "error" and "malformed" in state["broken"]["last_error"]
    assert len(state["good"]["seen"]) == 3 and state["good"]["last_error"] is None
    listed = kg(env, "feed", "list", "--format", "json").stdout
    assert {f["name"]: f["seen"] for f in json.loads(listed)}["good"] == 3


def test_hostile_items_are_skipped_and_the_rest_imported(site: Site, env: dict[str, str]) -> None:
    items = [
        ("/a1.html", "ok"),
        ("/no-text.html", "no text"),
        ("/bomb.html", "bomb"),
        ("/big.html", "big"),
        ("/wrong-charset.html", "charset"),
        ("/error.html", "503"),
        ("/to-file", "file"),
    ]
    site.routes["/mixed.xml"] = Route(rss2(site.base, items).encode(), "application/rss+xml")
    kg(env, "feed", "add", site.url("/mixed.xml"), "--name", "mixed")
    result = kg(env, "feed", "run", "--timeout", "5", ok=False)
    assert result.exit_code == 3
    assert "imported 2 article(s)" in result.stderr
    for reason in ("no article text", "inflates beyond", "exceeds the", "HTTP 503", "non-http(s)"):
        assert reason in result.stderr
    assert "decoded as cp1252" in result.stderr
    state = FeedState(state_path(env["KG_STORE"])).feeds["mixed"]
    assert site.url("/error.html") not in state.seen  # a passing failure is retried next run
    assert "skipped: no article text" in state.seen[site.url("/no-text.html")]
    assert state.etag is None  # not stored while an item is pending
    site.routes["/error.html"] = site.routes["/a2.html"]
    third = kg(env, "feed", "run", "--format", "json")
    assert [a["url"] for a in json.loads(third.stdout)["articles"]] == [site.url("/a2.html")]
    assert FeedState(state_path(env["KG_STORE"])).feeds["mixed"].etag


def test_robots_txt_is_honoured_in_feed_runs(site: Site, env: dict[str, str]) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: kg\nDisallow: /a2.html\n", "text/plain")
    kg(env, "feed", "add", site.url("/feed.xml"))
    result = kg(env, "feed", "run", ok=False)
    assert "disallowed by robots.txt" in result.stderr
    assert "/a2.html" not in {str(r["url"])[len(site.base) :] for r in article_rows(env)}
    assert len(article_rows(env)) == 2


def test_paywall_rule_and_corrections(site: Site, env: dict[str, str]) -> None:
    url = site.url("/long.html")
    title, published, paras = ARTICLES["a1"]
    paras = [
        *paras,
        "Shipyard workers in Kiel welcomed the order, which secures several hundred jobs for the next decade.",
        "The opposition asked whether the price included the weapons, and the minister said it did not.",
    ]
    site.routes["/long.html"] = Route(page_html(title, published, paras, canonical=url).encode())
    kg(env, "import", "articles", url)
    (first,) = article_rows(env)
    teaser = [paras[0][:120] + " Subscribe to read the rest of this story and all our coverage today."]
    site.routes["/long.html"] = Route(page_html(title, published, teaser, canonical=url).encode())
    kept = kg(env, "import", "articles", url)
    assert "kept the stored article" in kept.stderr and "1 kept" in kept.stderr
    fixed = [paras[0].replace("4.1 billion", "4.2 billion"), *paras[1:]]
    site.routes["/long.html"] = Route(page_html(title, published, fixed, canonical=url).encode())
    corrected = kg(env, "import", "articles", url)
    assert "imported 1 article(s)" in corrected.stderr
    (after,) = article_rows(env)
    assert after["first"] == first["first"]  # the first fetch time survives a correction
    with open_store(env["KG_STORE"], read_only=True) as store:
        assert store.ask(
            f"ASK {{ GRAPH ?g {{ ?c <{ns.evidenceText}> ?t FILTER(CONTAINS(?t, '4.2 billion')) }} }}"
        )


def test_canonical_url_of_another_site_is_not_trusted(site: Site, env: dict[str, str]) -> None:
    title, published, paras = ARTICLES["a3"]
    site.routes["/steal.html"] = Route(
        page_html(title, published, paras, canonical="https://other.example/a3").encode()
    )
    result = kg(env, "import", "articles", site.url("/steal.html"))
    assert "canonical URL 'https://other.example/a3' ignored" in result.stderr
    assert [str(r["url"]) for r in article_rows(env)] == [site.url("/steal.html")]


def test_near_duplicates_become_one_story(site: Site, env: dict[str, str]) -> None:
    kg(env, "feed", "add", site.url("/dups.xml"))
    out = json.loads(kg(env, "feed", "run", "--format", "json").stdout)
    copies = [a for a in out["articles"] if a["copy_of"]]
    assert len(out["articles"]) == 2 and len(copies) == 1
    with open_store(env["KG_STORE"], read_only=True) as store:
        rows = store.select(f"SELECT ?a ?b WHERE {{ GRAPH ?a {{ ?a <{ns.sameStoryAs}> ?b }} }}")
    assert len(rows) == 1 and str(rows[0]["a"]) != str(rows[0]["b"])


def test_digest_as_atom(site: Site, env: dict[str, str], tmp_path: Path) -> None:
    kg(env, "feed", "add", site.url("/feed.xml"))
    out = tmp_path / "digest.xml"
    digest = json.loads(kg(env, "feed", "run", "--digest", str(out), "--format", "json").stdout)
    ahead = {(r["supplier"], r["buyer"]): r for r in digest["ahead_of_register"]}
    assert ahead[("Germany", "Norway")]["sources"] == [site.url("/a1.html")]
    assert ahead[("Germany", "Norway")]["status"] == "signed"
    claim = next(c for c in digest["claims"] if c["buyer"] == "Norway")
    assert claim["source"] == site.url("/a1.html") and "Type 212CD" in claim["evidence"]
    root = ET.parse(out).getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    entries = root.findall(f"{atom}entry")
    links = {e.find(f"{atom}link").get("href") for e in entries}
    assert {site.url(f"/{k}.html") for k in ("a1", "a2", "a3")} <= links
    titles = [e.find(f"{atom}title").text for e in entries]
    assert any(t.startswith("Claim: Germany -> Norway") for t in titles)
    assert any(t.startswith("Ahead of the register: Germany -> Norway") for t in titles)


def test_feed_add_list_remove(site: Site, env: dict[str, str], tmp_path: Path) -> None:
    kg(env, "feed", "add", site.url("/feed.xml"), "--name", "hp")
    assert "already subscribed" in kg(env, "feed", "add", site.url("/feed.xml"), ok=False).stderr
    assert "use letters" in kg(env, "feed", "add", site.url("/atom.xml"), "--name", "a b", ok=False).stderr
    assert "not an http(s) feed URL" in kg(env, "feed", "add", "file:///etc/passwd", ok=False).stderr
    assert "hp" in kg(env, "feed", "list").stdout
    assert "no feed named 'nope'" in kg(env, "feed", "run", "nope", ok=False).stderr
    kg(env, "feed", "remove", "hp")
    assert "no feed named 'hp'" in kg(env, "feed", "remove", "hp", ok=False).stderr
    assert "no feeds" in kg(env, "feed", "run").stderr


def test_damaged_state_is_refused_not_replaced(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "store.feeds.json"
    path.write_text("{not json")
    result = kg(env, "feed", "list", ok=False)
    assert "unreadable feed state" in result.stderr and str(path) in result.stderr
    assert path.read_text() == "{not json"


def test_state_location_and_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_FEEDS_STATE", raising=False)
    assert state_path(str(tmp_path / "kg-store")) == tmp_path / "kg-store.feeds.json"
    assert state_path("memory:") == Path("kg-feeds.json")
    monkeypatch.setenv("KG_FEEDS_STATE", str(tmp_path / "x.json"))
    assert state_path("kg-store") == tmp_path / "x.json"
    assert default_name("http://www.example.org/rss", {"example.org"}) == "example.org-2"


def test_import_articles_mixes_files_and_urls(site: Site, env: dict[str, str], tmp_path: Path) -> None:
    local = tmp_path / "local.md"
    local.write_text("---\ntitle: Local\nurl: http://127.0.0.1/local\n---\n" + ARTICLES["a3"][2][0] + "\n")
    result = kg(env, "import", "articles", str(local), site.url("/bomb.html"), site.url("/a2.html"), ok=False)
    assert result.exit_code == 3
    assert f"error: {site.url('/bomb.html')}: gzip body inflates beyond" in result.stderr
    assert "fetched 1 of 2 URL(s): imported 1 article(s)" in result.stderr
    assert "; 0 unchanged; 0 rejected" in result.stderr  # the file's own summary line
    assert {str(r["url"]) for r in article_rows(env)} == {"http://127.0.0.1/local", site.url("/a2.html")}


def test_plain_progress_lines_off_a_terminal(site: Site, env: dict[str, str]) -> None:
    kg(env, "feed", "add", site.url("/atom.xml"))
    result = kg(env, "feed", "run")
    assert f"fetched {site.url('/a1.html')}" in result.stderr
    assert f"fetched {site.url('/a2.html')}" in result.stderr


def test_old_seen_items_that_left_the_feed_are_forgotten() -> None:
    from kg.feeds.run import prune_seen
    from kg.feeds.state import Feed

    feed = Feed(
        "x",
        "http://127.0.0.1/f",
        seen={
            "old-gone": "2026-01-01T00:00:00Z",
            "old-present": "2026-01-01T00:00:00Z",
            "new-gone": "2026-11-30T00:00:00Z | skipped: HTTP 404",
            "odd": "not a date",
        },
    )
    prune_seen(feed, {"old-present"}, "2026-12-03T00:00:00Z")
    assert sorted(feed.seen) == ["new-gone", "odd", "old-present"]
