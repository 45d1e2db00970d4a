"""kg.io.fetch against a hostile local server: every bad response is a clear FetchError."""

from __future__ import annotations

import gzip
import time
import zlib
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.feeds.web import fetch_page
from kg.io.fetch import (
    FEED_TYPES,
    HTML_TYPES,
    USER_AGENT,
    Fetcher,
    FetchError,
    Limits,
    Robots,
    _Inflater,
    decode_text,
    document_charset,
    host_key,
    is_http_url,
    sniff_kind,
)
from scripts.feeds_site import Route, Site, hostile_site


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    s = hostile_site(Site()).start()
    yield s
    s.stop()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(Limits(connect=2, read=1.5, total=4)) as f:
        yield f


def test_a_page_is_read_with_metadata(site: Site, fetcher: Fetcher) -> None:
    page = fetch_page(fetcher, site.url("/a1.html"))
    art = page.article
    assert art.url == site.url("/a1.html")
    assert art.title == "Norway picks German submarines"
    assert art.published is not None and art.published.isoformat() == "2026-03-02"
    assert art.publisher == "Harbour Post"
    assert page.author == "Desk Reporter"
    assert "Type 212CD" in art.text
    assert "cookies" not in art.text and "Advertisement" not in art.text and "Related" not in art.text


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop1", "redirect loop"),
        ("/to-file", "non-http(s) URL refused (file"),
        ("/to-ftp", "non-http(s) URL refused (ftp"),
        ("/big.html", "exceeds the 10485760-byte limit"),
        ("/big-chunked.html", "body exceeds the 10485760-byte limit"),
        ("/bomb.html", "gzip body inflates beyond the 10485760-byte limit"),
        ("/no-text.html", "no article text in the page"),
        ("/slow-start.html", "timed out"),
        ("/pdf", "content type 'application/pdf' refused"),
        ("/missing.html", "HTTP 404"),
        ("/error.html", "HTTP 503"),
    ],
)
def test_hostile_pages_give_a_clear_error(site: Site, fetcher: Fetcher, path: str, reason: str) -> None:
    with pytest.raises(FetchError) as exc:
        fetch_page(fetcher, site.url(path))
    assert reason in str(exc.value)
    assert str(exc.value).startswith(site.url(path))


def test_total_deadline_stops_a_dribbling_server(site: Site) -> None:
    with Fetcher(Limits(connect=2, read=2, total=1.5)) as f:
        start = time.monotonic()
        with pytest.raises(FetchError, match="total timeout") as exc:
            f.get(site.url("/dribble.html"))
        assert time.monotonic() - start < 5
        assert exc.value.transient


def test_the_bomb_is_stopped_at_the_cap_not_inflated(site: Site) -> None:
    with Fetcher(Limits(max_bytes=1_000_000)) as f, pytest.raises(FetchError, match="inflates beyond") as exc:
        f.get(site.url("/bomb.html"))
    assert "from" in str(exc.value)


def test_50mb_body_streams_without_holding_it(site: Site) -> None:
    """The chunked 50 MB body stops at the cap: at most cap + one chunk is ever held."""
    with Fetcher(Limits(max_bytes=100_000)) as f, pytest.raises(FetchError, match="100000-byte limit"):
        f.get(site.url("/big-chunked.html"))


def test_wrong_declared_charset_is_repaired_with_a_warning(site: Site, fetcher: Fetcher) -> None:
    page = fetch_page(fetcher, site.url("/wrong-charset.html"))
    assert "“défense”" in page.article.text
    assert any("does not fit the bytes; decoded as cp1252" in w for w in page.article.warnings)


def test_redirects_are_followed_to_http(site: Site, fetcher: Fetcher) -> None:
    site.routes["/moved"] = Route(b"", status=301, headers={"Location": "/a2.html"}, conditional=False)
    page = fetch_page(fetcher, site.url("/moved"))
    assert page.fetched_url == site.url("/a2.html")
    assert page.article.url == site.url("/a2.html")


def test_too_many_redirects(site: Site) -> None:
    for i in range(8):
        site.routes[f"/hop{i}"] = Route(
            b"", status=302, headers={"Location": f"/hop{i + 1}"}, conditional=False
        )
    with Fetcher(Limits(max_redirects=3)) as f, pytest.raises(FetchError, match="more than 3 redirects"):
        f.get(site.url("/hop0"))


def test_conditional_get_gives_304(site: Site, fetcher: Fetcher) -> None:
    first = fetcher.get(site.url("/feed.xml"), accept=FEED_TYPES)
    assert first.status == 200 and first.etag
    again = fetcher.get(site.url("/feed.xml"), accept=FEED_TYPES, etag=first.etag)
    assert again.not_modified and again.body == b""
    by_date = fetcher.get(site.url("/feed.xml"), accept=FEED_TYPES, last_modified=first.last_modified)
    assert by_date.not_modified


def test_user_agent_is_sent(site: Site, fetcher: Fetcher) -> None:
    seen: list[str] = []

    def handler(h) -> None:
        seen.append(h.headers.get("User-Agent"))
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Content-Length", "2")
        h.end_headers()
        h.wfile.write(b"ok")

    site.routes["/ua"] = handler
    fetcher.get(site.url("/ua"))
    assert seen == [USER_AGENT] and USER_AGENT.startswith("kg/")


def test_generic_type_is_sniffed(site: Site, fetcher: Fetcher) -> None:
    site.routes["/octet.html"] = Route(site.routes["/a3.html"].body, "application/octet-stream")
    assert fetch_page(fetcher, site.url("/octet.html")).article.title == "Egypt receives more Rafale jets"
    site.routes["/octet.bin"] = Route(b"\x00\x01binary" * 10, "application/octet-stream")
    with pytest.raises(FetchError, match="does not look like HTML"):
        fetch_page(fetcher, site.url("/octet.bin"))


def test_only_http_urls(fetcher: Fetcher) -> None:
    for url in ("file:///etc/passwd", "ftp://x/y", "javascript:alert(1)", "http://", "/relative"):
        with pytest.raises(FetchError, match="not an http"):
            fetcher.get(url)
    assert is_http_url("https://example.org/a") and not is_http_url("http:///nohost")


def test_per_host_gate_limits_in_flight(site: Site) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    live, peak, lock = [0], [0], threading.Lock()

    def handler(h) -> None:
        with lock:
            live[0] += 1
            peak[0] = max(peak[0], live[0])
        time.sleep(0.2)
        with lock:
            live[0] -= 1
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Content-Length", "2")
        h.end_headers()
        h.wfile.write(b"ok")

    site.routes["/gate"] = handler
    with Fetcher(per_host=2, delay=0.05) as f, ThreadPoolExecutor(8) as pool:
        start = time.monotonic()
        list(pool.map(lambda _: f.get(site.url("/gate")), range(6)))
        elapsed = time.monotonic() - start
    assert peak[0] == 2
    assert elapsed >= 0.6  # 6 requests, 2 at a time, 0.2 s each


def test_robots_txt(site: Site) -> None:
    site.routes["/robots.txt"] = Route(
        b"User-agent: kg\nDisallow: /private/\nCrawl-delay: 1\n\nUser-agent: *\nDisallow: /", "text/plain"
    )
    try:
        with Fetcher() as f:
            robots = Robots(f)
            assert robots.allowed(site.url("/a1.html"))
            assert not robots.allowed(site.url("/private/x.html"))
            with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
                robots.check(site.url("/private/x.html"))
            assert f.gate(site.url("/")).delay == 1.0  # urllib.robotparser reads whole seconds
    finally:
        del site.routes["/robots.txt"]
    with Fetcher() as f:
        assert Robots(f).allowed(site.url("/private/x.html"))  # 404: everything allowed


def test_robots_unreachable_disallows_the_host(site: Site) -> None:
    site.routes["/robots.txt"] = Route(b"down", "text/plain", status=503, conditional=False)
    try:
        with Fetcher() as f, pytest.raises(FetchError, match=r"robots\.txt unreachable"):
            Robots(f).check(site.url("/a1.html"))
    finally:
        del site.routes["/robots.txt"]


# --- units -------------------------------------------------------------------------------


def test_decode_text_order() -> None:
    assert decode_text("café".encode(), "iso-8859-1", "u")[0] == "café"  # the classic mislabel
    assert decode_text("café".encode("cp1252"), None, "u") == ("café", [])
    text, warnings = decode_text(b'<meta charset="koi8-r">' + "мир".encode("koi8-r"), "nonsense", "u")
    assert text.endswith("мир") and any("unknown declared charset" in w for w in warnings)
    assert decode_text(b"\xef\xbb\xbfhi", None, "u") == ("hi", [])
    with pytest.raises(FetchError, match="binary data"):
        decode_text(b"ab\x00cd", None, "u")
    with pytest.raises(FetchError, match="cannot decode"):
        decode_text(b"\x81\x8d\x8f\x90\x9d\xff\xfe", "utf-8", "u")


def test_document_charset_and_sniff() -> None:
    assert document_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><rss/>') == "iso8859-1"
    assert document_charset(b"<html><head><meta charset=windows-1252>") == "cp1252"
    assert document_charset(b"<html>") is None
    assert sniff_kind(b"  <!DOCTYPE html><html>") == "html"
    assert sniff_kind(b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert sniff_kind(b"%PDF") == "unknown"
    assert host_key("HTTP://Example.org/a") == "http://example.org:80"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=4000), st.sampled_from(["gzip", "deflate", "identity"]), st.integers(1, 5000))
def test_inflater_never_exceeds_its_room(data: bytes, encoding: str, room: int) -> None:
    if encoding == "gzip":
        payload = gzip.compress(data)
    elif encoding == "deflate":
        payload = zlib.compress(data)
    else:
        payload = data
    inflater = _Inflater(encoding)
    try:
        out = inflater.feed(payload, room)
    except OverflowError:
        assert len(data) > room
    else:
        assert out == data and len(out) <= room


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=2000), st.one_of(st.none(), st.sampled_from(["utf-8", "latin-1", "x-bogus", "cp1252"]))
)
def test_decode_text_returns_text_or_a_clear_error(body: bytes, declared: str | None) -> None:
    try:
        text, warnings = decode_text(body, declared, "http://h/x")
    except FetchError as exc:
        assert str(exc).startswith("http://h/x: ")
    else:
        assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)


def test_raw_deflate_is_accepted(site: Site, fetcher: Fetcher) -> None:
    html = site.routes["/a2.html"].body
    comp = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = comp.compress(html) + comp.flush()
    site.routes["/raw-deflate.html"] = Route(raw, headers={"Content-Encoding": "deflate"}, conditional=False)
    assert fetcher.get(site.url("/raw-deflate.html"), accept=HTML_TYPES).body == html


def _mock_fetcher(body: bytes, ctype: str) -> Fetcher:
    import httpx

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(body), headers={"Content-Type": ctype})

    return Fetcher(transport=httpx.MockTransport(reply))


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=2000).map(
            lambda t: ('<?xml version="1.0"?><rss version="2.0"><channel>' + t).encode()
        ),
    ),
    st.sampled_from(["application/rss+xml", "text/xml; charset=latin-1", "application/octet-stream", ""]),
)
def test_any_feed_body_gives_items_or_a_fetch_error(body: bytes, ctype: str) -> None:
    from kg.feeds.run import FeedOutcome, fetch_feed
    from kg.feeds.state import Feed

    feed = Feed("x", "http://127.0.0.1:9/feed.xml")
    with _mock_fetcher(body, ctype) as f:
        try:
            items = fetch_feed(f, None, feed, FeedOutcome("x", feed.url))
        except FetchError as exc:
            assert str(exc).startswith(feed.url)
        else:
            assert all(is_http_url(i.link) for i in items)


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["text/html", "text/html; charset=utf-8", "text/plain"]))
def test_any_page_body_gives_an_article_or_a_fetch_error(body: bytes, ctype: str) -> None:
    with _mock_fetcher(body, ctype) as f:
        try:
            page = fetch_page(f, "http://127.0.0.1:9/p.html")
        except FetchError as exc:
            assert str(exc).startswith("http://127.0.0.1:9/p.html")
        else:
            assert len(page.article.text.split()) >= 25
