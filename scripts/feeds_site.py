"""A local news site on loopback for the feed and fetch tests (as ``scripts.feeds_site``) and
scripts/bench_feeds.py.

Own-words articles in realistic page templates (navigation, cookie banner, ads, related
links around the article body), RSS 2.0 / RSS 1.0 / Atom feeds, and hostile responses:
a malformed and an empty feed, ETag/Last-Modified with 304s, a redirect loop, a redirect
to a non-http scheme, a 50 MB body streamed in chunks, a gzip bomb, a wrong declared
charset, slow servers, a page with no article text and two near-duplicate copies of one
story.  Nothing here leaves 127.0.0.0/8.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# --- own-words articles -------------------------------------------------------------------

ARTICLES: dict[str, tuple[str, str, list[str]]] = {
    "a1": (
        "Norway picks German submarines",
        "2026-03-02",
        [
            "Oslo, 2 March 2026. Norway signed a contract with Germany for four Type 212CD submarines "
            "worth 4.1 billion euros, the defence ministry said on Monday.",
            "The boats will be delivered from 2029 and replace the ageing Ula class, which has patrolled "
            "the northern coast since the early nineties.",
            "Officials said the agreement also covers training, spare parts and a shared maintenance "
            "facility in Bergen that both navies will use for decades.",
        ],
    ),
    "a2": (
        "Poland buys Korean tanks",
        "2026-02-11",
        [
            "Warsaw, 11 February 2026. Poland ordered 180 K2 tanks from South Korea in a deal valued "
            "at 6.5 billion dollars, the armament agency announced.",
            "Deliveries of the first batch are planned for next year, with later vehicles to be "
            "assembled at a plant in Bumar-Labedy under licence.",
            "Analysts in Warsaw said the speed of the purchase reflected worries about the war across "
            "the eastern border and a wish to replace Soviet-era armour quickly.",
        ],
    ),
    "a3": (
        "Egypt receives more Rafale jets",
        "2026-01-20",
        [
            "Cairo, 20 January 2026. France delivered six Rafale fighter aircraft to Egypt this week, "
            "completing the second batch of the 2021 order.",
            "The aircraft landed at a base near the capital after a ferry flight across the "
            "Mediterranean, accompanied by a tanker of the French air force.",
            "Egyptian officers have trained in France for two years to fly and maintain the jets, "
            "according to a statement from the manufacturer.",
        ],
    ),
}

#: One wire story and an edited reprint of it (new headline, a paragraph dropped, small edits).
DUPLICATES: dict[str, tuple[str, str, list[str]]] = {
    "d1": (
        "India signs for Rafale Marine jets",
        "2026-04-28",
        [
            "New Delhi, 28 April 2026. India signed a contract with France for 26 Rafale Marine "
            "fighter aircraft for its aircraft carriers, the defence ministry said in a statement.",
            "The deal, valued at about 7 billion euros, includes weapons, simulators, crew training "
            "and five years of logistics support for the naval aviation wing.",
            "The first aircraft are expected in 2029 and the last by 2031, when both carriers should "
            "operate a full air wing of the new jets alongside older helicopters.",
            "Officials said the navy had evaluated the aircraft in trials off Goa two years ago before "
            "recommending it to the cabinet committee on security.",
        ],
    ),
    "d2": (
        "Navy to get 26 French carrier fighters in landmark deal",
        "2026-04-28",
        [
            "New Delhi, 28 April 2026. India signed a contract with France for 26 Rafale Marine "
            "fighter aircraft for its aircraft carriers, the defence ministry said in a statement.",
            "The first aircraft are expected in 2029 and the last by 2031, when both carriers should "
            "operate a full air wing of the new jets alongside older helicopters.",
            "The deal, valued at roughly 7 billion euros, includes weapons, simulators, crew training "
            "and five years of logistics support for the naval aviation wing.",
            "Read more defence news and subscribe to our daily newsletter for the latest updates.",
        ],
    ),
}


def page_html(
    title: str,
    published: str,
    paragraphs: list[str],
    *,
    canonical: str | None = None,
    site: str = "Harbour Post",
    charset: str = "utf-8",
) -> str:
    """A realistic news page: nav, cookie banner, ads and related links around the article."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    canon = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>{escape(title)} | {escape(site)}</title>
{canon}<meta property="og:site_name" content="{escape(site)}">
<meta name="author" content="Desk Reporter"><meta property="article:published_time" content="{published}">
<script>window.dataLayer = [];</script><style>.ad {{ display: block }}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/defence">Defence</a> <a href="/world">World</a>
<a href="/login">Sign in</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<div class="ad">Advertisement: the best travel deals of the season</div>
<main><article><h1>{escape(title)}</h1><time datetime="{published}">{published}</time>
{body}
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x1">Budget row in parliament</a></li>
<li><a href="/x2">Weather warnings for the weekend</a></li></ul></aside></main>
<footer>Copyright 2026 {escape(site)}. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


NO_TEXT_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour Post</title></head>
<body><nav><a href="/">Home</a> <a href="/defence">Defence</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<div class="ad">Advertisement</div><footer>Copyright 2026</footer></body></html>"""


def rss2(base: str, items: list[tuple[str, str]], title: str = "Harbour Post defence") -> str:
    entries = "\n".join(
        f"<item><title>{escape(t)}</title><link>{base}{p}</link><guid>{base}{p}</guid></item>"
        for p, t in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>{base}/</link>
<description>Defence news</description>
{entries}
</channel></rss>"""


def atom(base: str, items: list[tuple[str, str]]) -> str:
    entries = "\n".join(
        f'<entry><title>{escape(t)}</title><id>{base}{p}</id><link href="{base}{p}"/>'
        f"<updated>2026-03-02T10:00:00Z</updated></entry>"
        for p, t in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><id>{base}/atom</id>
<updated>2026-03-02T10:00:00Z</updated>{entries}</feed>"""


def rss1(base: str, items: list[tuple[str, str]]) -> str:
    seq = "".join(f'<rdf:li rdf:resource="{base}{p}"/>' for p, _ in items)
    entries = "\n".join(
        f'<item rdf:about="{base}{p}"><title>{escape(t)}</title><link>{base}{p}</link></item>'
        for p, t in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="{base}/rss1.xml"><title>RSS 1.0 desk</title><link>{base}/</link>
<description>d</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>
{entries}
</rdf:RDF>"""


# --- the server -------------------------------------------------------------------------------

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Route:
    """A static response; ``etag`` enables conditional GET (ETag and Last-Modified)."""

    body: bytes | Callable[[], Iterator[bytes]]
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = True
    length: int | None = None


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up on purpose (size caps, timeouts) are the point of the tests


class Site:
    """A threaded HTTP server on ``host``; ``routes`` can be changed while it runs."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.routes: dict[str, Route | Handler] = {}
        self.hits: Counter[str] = Counter()
        site = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                site.hits[path] += 1
                route = site.routes.get(path)
                if route is None:
                    self._send(404, b"not found", "text/plain")
                elif callable(route):
                    route(self)
                else:
                    site._serve(self, route)

            def _send(self, status: int, body: bytes, ctype: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = _QuietServer((host, port), _H)
        self.server.daemon_threads = True
        self.host = host
        self.port = self.server.server_address[1]
        self.base = f"http://{host}:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _serve(self, h: BaseHTTPRequestHandler, r: Route) -> None:
        body = r.body if isinstance(r.body, bytes) else None
        etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"' if body is not None and r.conditional else None
        modified = formatdate(1772400000, usegmt=True) if etag else None
        if etag and (
            h.headers.get("If-None-Match") == etag or h.headers.get("If-Modified-Since") == modified
        ):
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_response(r.status)
        h.send_header("Content-Type", r.content_type)
        if etag:
            h.send_header("ETag", etag)
            h.send_header("Last-Modified", modified)
        for k, v in r.headers.items():
            h.send_header(k, v)
        if body is not None:
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
            return
        if r.length is not None:
            h.send_header("Content-Length", str(r.length))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        try:
            for chunk in r.body():
                h.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        h.close_connection = True

    def start(self) -> Site:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def add_articles(self, articles: dict[str, tuple[str, str, list[str]]]) -> list[tuple[str, str]]:
        """Serve each article at ``/<key>.html`` (canonical URL = itself); returns (path, title)."""
        out = []
        for key, (title, published, paras) in articles.items():
            path = f"/{key}.html"
            self.routes[path] = Route(page_html(title, published, paras, canonical=self.url(path)).encode())
            out.append((path, title))
        return out


def _big_body(total: int) -> Callable[[], Iterator[bytes]]:
    chunk = (b"<p>" + b"filler text " * 5000 + b"</p>\n")[:65536]

    def gen() -> Iterator[bytes]:
        sent = 0
        yield b"<!DOCTYPE html><html><body>"
        while sent < total:
            yield chunk
            sent += len(chunk)

    return gen


_BOMB: list[bytes] = []


def gzip_bomb() -> bytes:
    """About 100 KB of gzip that inflates to 100 MB of spaces inside an HTML page."""
    if not _BOMB:
        raw = b"<!DOCTYPE html><html><body><p>" + b" " * (100 * 1024 * 1024) + b"</p></body></html>"
        _BOMB.append(gzip.compress(raw, compresslevel=9))
    return _BOMB[0]


def _slow(delay: float, pieces: int) -> Handler:
    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Connection", "close")
        h.end_headers()
        try:
            for _ in range(pieces):
                time.sleep(delay)
                h.wfile.write(b"<p>slow</p>")
                h.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        h.close_connection = True

    return handler


def hostile_site(site: Site) -> Site:
    """Add every hostile route of the issue to ``site``."""
    r = site.routes
    paths = site.add_articles(ARTICLES)
    site.add_articles(DUPLICATES)
    r["/feed.xml"] = Route(rss2(site.base, paths).encode(), "application/rss+xml")
    r["/atom.xml"] = Route(atom(site.base, paths[:2]).encode(), "application/atom+xml")
    r["/rss1.xml"] = Route(rss1(site.base, paths[1:]).encode(), "application/rss+xml")
    r["/dups.xml"] = Route(
        rss2(site.base, [("/d1.html", "d1"), ("/d2.html", "d2")]).encode(), "application/rss+xml"
    )
    r["/malformed.xml"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>broken</ti', "text/xml"
    )
    r["/empty.xml"] = Route(rss2(site.base, []).encode(), "application/rss+xml")
    r["/image-feed.xml"] = Route(b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
    r["/loop1"] = Route(b"", status=302, headers={"Location": "/loop2"}, conditional=False)
    r["/loop2"] = Route(b"", status=302, headers={"Location": "/loop1"}, conditional=False)
    r["/to-file"] = Route(b"", status=302, headers={"Location": "file:///etc/passwd"}, conditional=False)
    r["/to-ftp"] = Route(b"", status=301, headers={"Location": "ftp://127.0.0.1/x"}, conditional=False)
    r["/big.html"] = Route(_big_body(50 * 1024 * 1024), length=50 * 1024 * 1024 + 27)
    r["/big-chunked.html"] = Route(_big_body(50 * 1024 * 1024))
    r["/bomb.html"] = Route(gzip_bomb(), headers={"Content-Encoding": "gzip"}, conditional=False)
    cp1252 = page_html(
        "Défense: “quotes” – naïve café",
        "2026-03-03",
        [
            "Paris, 3 March 2026. The ministry’s café naïve reporter wrote about “défense” budgets and "
            "the army’s plans for a new armoured vehicle programme in the coming decade."
        ],
        charset="utf-8",
    ).encode("cp1252")
    r["/wrong-charset.html"] = Route(cp1252, "text/html; charset=utf-8")
    r["/no-text.html"] = Route(NO_TEXT_PAGE.encode())
    r["/slow-start.html"] = _slow(3.0, 1)
    r["/dribble.html"] = _slow(0.4, 50)
    r["/pdf"] = Route(b"%PDF-1.4 binary", "application/pdf")
    r["/missing.html"] = Route(b"gone", "text/plain", status=404)
    r["/error.html"] = Route(b"oops", "text/plain", status=503, conditional=False)
    return site
