"""Fetching what the user asks for over HTTP(S), defensively.

``kg import articles URL`` and ``kg feed run`` read pages and feeds from servers kg does
not control, so every response is treated as hostile until proven otherwise:

* **timeouts**: connect, read (between two chunks) and a *total* deadline per request,
  so a server that dribbles one byte a second cannot hold a run;
* **size cap** on the *decoded* body (:attr:`Limits.max_bytes`): the body is streamed and
  counted, never read whole first; a ``Content-Length`` above the cap is refused before
  the first byte;
* **gzip/deflate bombs**: kg advertises only ``gzip`` and ``deflate`` and inflates the raw
  stream itself with ``zlib`` and ``max_length``, so a 10 KB body that inflates to 10 GB
  stops at the cap (httpx's own decoder inflates each chunk without a bound);
* **redirects** are followed by hand, up to :attr:`Limits.max_redirects`, only to http(s)
  URLs, and a loop is reported as a loop;
* **content type and charset**: pages must be HTML, feeds XML (a missing or generic type
  is sniffed from the first bytes); text is decoded with the declared charset, else the
  document's own declaration (BOM, ``<meta charset>``, ``<?xml encoding?>``), else UTF-8,
  else windows-1252; a body that none of them decodes is refused with the reason;
* a clear **User-Agent** (:data:`USER_AGENT`) and, for feed runs, **robots.txt**
  (:class:`Robots`, RFC 9309 through :mod:`urllib.robotparser`);
* **per-host politeness**: at most ``per_host`` requests in flight per host and
  ``delay`` seconds between the starts of two requests to one host (a robots.txt
  ``Crawl-delay`` raises it); different hosts proceed in parallel.

No proxy or ``.netrc`` from the environment is used (``trust_env=False``): kg talks to the
host it was given and nothing else.  Every failure is a :class:`FetchError` whose message
names the URL and the reason; nothing here writes anywhere.
"""

from __future__ import annotations

import codecs
import re
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from kg._version import __version__
from kg.errors import KgError

#: Sent with every request: who is asking and why, so a site operator can tell.
USER_AGENT = f"kg/{__version__} (defence knowledge graph; article and feed reader; python-httpx)"
#: The product token robots.txt rules are matched against.
ROBOTS_AGENT = "kg"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+xml",
    }
)
#: Types that say nothing about the content: the first bytes decide.
GENERIC_TYPES = frozenset({"", "application/octet-stream", "text/plain", "binary/octet-stream"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_LATIN1_FAMILY = frozenset({"iso8859-1", "latin-1", "cp1252", "ascii"})


class FetchError(KgError):
    """A URL that could not be fetched or read; ``str()`` is ``URL: reason``."""

    def __init__(self, url: str, reason: str, *, transient: bool = False) -> None:
        self.url, self.reason, self.transient = url, reason, transient
        super().__init__(f"{url}: {reason}")

    def __reduce__(self) -> tuple:
        """Picklable (pages are read in worker processes): keeps url, reason and transient."""
        return (_fetch_error, (self.url, self.reason, self.transient))


def _fetch_error(url: str, reason: str, transient: bool) -> FetchError:
    return FetchError(url, reason, transient=transient)


@dataclass(frozen=True)
class Limits:
    """Bounds of one request (seconds and bytes)."""

    connect: float = 10.0
    read: float = 20.0
    total: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5


@dataclass
class Response:
    """A fetched body (decoded from gzip/deflate, not from its charset) and what the server said."""

    url: str
    final_url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_http_url(url: str) -> bool:
    """An absolute http(s) URL with a host (the only kind kg fetches)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def host_key(url: str) -> str:
    """``scheme://host:port``: the unit of politeness and of robots.txt."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


def _parse_content_type(value: str) -> tuple[str, str | None]:
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        k, _, v = param.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            charset = v.strip().strip("\"'")
    return media.strip().lower(), charset


class _Inflater:
    """Bounded gzip/deflate decoding: never produces more than the room it is given."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._d: Any = None
        if encoding == "gzip":
            self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate ``data``; more than ``room`` bytes of output raises OverflowError."""
        if self.encoding == "identity":
            if len(data) > room:
                raise OverflowError
            return data
        if self._d is None:  # deflate: zlib-wrapped (RFC 1950) or, from some servers, raw
            zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._d = zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)
        out = self._d.decompress(data, room + 1)
        if len(out) > room or self._d.unconsumed_tail:
            raise OverflowError
        return out


class _HostGate:
    """At most ``slots`` requests in flight to one host, starts ``delay`` seconds apart."""

    def __init__(self, slots: int, delay: float) -> None:
        self.sem = threading.BoundedSemaphore(slots)
        self.lock = threading.Lock()
        self.delay = delay
        self.next_start = 0.0

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self.sem:
            with self.lock:
                now = time.monotonic()
                wait = self.next_start - now
                self.next_start = max(now, self.next_start) + self.delay
            if wait > 0:
                time.sleep(wait)
            yield


@dataclass
class Fetcher:
    """One HTTP client for a run: limits, politeness per host, a clear User-Agent.

    Thread-safe: feed runs call :meth:`get` from several threads; requests to different
    hosts proceed in parallel, those to one host queue at its gate.
    """

    limits: Limits = field(default_factory=Limits)
    per_host: int = 2
    delay: float = 0.0
    transport: httpx.BaseTransport | None = None

    def __post_init__(self) -> None:
        timeout = httpx.Timeout(
            connect=self.limits.connect, read=self.limits.read, write=self.limits.read, pool=None
        )
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=32),
            transport=self.transport,
        )
        self._gates: dict[str, _HostGate] = {}
        self._gates_lock = threading.Lock()
        self.requests = 0

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def gate(self, url: str) -> _HostGate:
        key = host_key(url)
        with self._gates_lock:
            if key not in self._gates:
                self._gates[key] = _HostGate(self.per_host, self.delay)
            return self._gates[key]

    def slow_down(self, url: str, delay: float) -> None:
        """Raise one host's delay (robots.txt ``Crawl-delay``), never lower it."""
        gate = self.gate(url)
        gate.delay = max(gate.delay, delay)

    def get(
        self,
        url: str,
        *,
        accept: frozenset[str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """GET ``url`` following redirects; ``accept`` restricts the content types (None: any).

        A 304 (the validators matched) returns a :class:`Response` with an empty body.
        Raises :class:`FetchError` for everything else that is not a usable 2xx body.
        """
        if not is_http_url(url):
            raise FetchError(url, "not an http(s) URL")
        headers = {}
        if accept is not None:
            headers["Accept"] = ", ".join(sorted(accept)) + ", */*;q=0.1"
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.limits.total
        seen = [url]
        current = url
        while True:
            with self.gate(current).hold():
                outcome = self._one(current, headers, deadline, accept, max_bytes or self.limits.max_bytes)
            if isinstance(outcome, Response):
                outcome.url = url
                return outcome
            target = outcome
            if not is_http_url(target):
                scheme = urlsplit(target).scheme or "relative"
                raise FetchError(url, f"redirect to a non-http(s) URL refused ({scheme}: {target[:100]})")
            if target in seen:
                raise FetchError(url, f"redirect loop ({' -> '.join([*seen, target])[:300]})")
            if len(seen) > self.limits.max_redirects:
                raise FetchError(url, f"more than {self.limits.max_redirects} redirects")
            seen.append(target)
            current = target

    def _one(
        self, url: str, headers: dict[str, str], deadline: float, accept: frozenset[str] | None, cap: int
    ) -> Response | str:
        """One request: a Response, or the absolute URL a redirect points to."""
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                if r.status_code in _REDIRECTS:
                    location = r.headers.get("location")
                    if not location:
                        raise FetchError(url, f"HTTP {r.status_code} redirect without a Location")
                    return urljoin(url, location.strip())
                media, charset = _parse_content_type(r.headers.get("content-type", ""))
                resp = Response(
                    url,
                    str(r.url),
                    r.status_code,
                    media,
                    charset,
                    etag=r.headers.get("etag"),
                    last_modified=r.headers.get("last-modified"),
                )
                if r.status_code == 304:
                    return resp
                if r.status_code >= 400 or r.status_code < 200:
                    reason = r.reason_phrase or ""
                    raise FetchError(
                        url, f"HTTP {r.status_code} {reason}".strip(), transient=r.status_code >= 500
                    )
                if accept is not None and media not in accept and media not in GENERIC_TYPES:
                    raise FetchError(
                        url, f"content type {media!r} refused (expected {', '.join(sorted(accept))})"
                    )
                resp.body = self._read(r, url, deadline, cap)
                return resp
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})", transient=True) from None
        except httpx.TransportError as exc:
            raise FetchError(url, f"connection failed: {exc or type(exc).__name__}", transient=True) from None

    def _read(self, r: httpx.Response, url: str, deadline: float, cap: int) -> bytes:
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and "content-encoding" not in r.headers:
            raise FetchError(url, f"body of {int(declared)} bytes exceeds the {cap}-byte limit")
        encoding = r.headers.get("content-encoding", "identity").strip().lower() or "identity"
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise FetchError(url, f"content encoding {encoding!r} not supported")
        inflater = _Inflater("gzip" if encoding == "x-gzip" else encoding)
        chunks: list[bytes] = []
        size = raw = 0
        try:
            for data in r.iter_raw():  # as received (a chunk size would wait to fill it)
                raw += len(data)
                out = inflater.feed(data, cap - size)
                size += len(out)
                chunks.append(out)
                if time.monotonic() > deadline:
                    raise FetchError(
                        url, f"took longer than {self.limits.total:g} s (total timeout)", transient=True
                    )
        except OverflowError:
            if encoding == "identity":
                raise FetchError(url, f"body exceeds the {cap}-byte limit") from None
            raise FetchError(
                url, f"{encoding} body inflates beyond the {cap}-byte limit (from {raw} bytes): refused"
            ) from None
        except zlib.error as exc:
            raise FetchError(url, f"corrupt {encoding} body: {exc}") from None
        return b"".join(chunks)


# --- text -------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def document_charset(body: bytes) -> str | None:
    """The charset the document declares itself (BOM, ``<?xml encoding?>``, ``<meta charset>``)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    m = _XML_ENCODING.match(body[:1024]) or _META_CHARSET.search(body[:4096])
    return _codec(m.group(1).decode("ascii")) if m else None


def decode_text(body: bytes, declared: str | None, url: str) -> tuple[str, list[str]]:
    """Decode a page: (text, warnings).  Refuses binary data and undecodable bytes.

    Order: the HTTP charset; but a declared Latin-1 family charset on a body that is valid
    UTF-8 with non-ASCII bytes is the classic mislabel, so UTF-8 wins there; then the
    document's own declaration, UTF-8, and windows-1252 (each strict).
    """
    if b"\x00" in body[:65536] and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FetchError(url, "binary data (NUL bytes), not a text document")
    warnings: list[str] = []
    http = _codec(declared)
    if declared and http is None:
        warnings.append(f"unknown declared charset {declared!r} ignored")
    candidates: list[str] = []
    if http in _LATIN1_FAMILY and not body.isascii():
        candidates.append("utf-8")
    for name in (http, document_charset(body), "utf-8", "cp1252"):
        if name and name not in candidates:
            candidates.append(name)
    for name in candidates:
        try:
            text = body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if http and name != http:
            warnings.append(f"declared charset {declared!r} does not fit the bytes; decoded as {name}")
        return text.removeprefix("\ufeff"), warnings
    tried = ", ".join(candidates)
    raise FetchError(url, f"cannot decode the text (tried {tried}): wrong charset or not text")


def sniff_kind(body: bytes) -> str:
    """``html``, ``feed`` or ``unknown`` from the first bytes (for generic content types)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed" if re.search(rb"<(rss|feed|rdf:rdf)\b", head) else "unknown"
    return "unknown"


def check_kind(resp: Response, want: str) -> None:
    """Refuse a generic-typed body whose first bytes are not ``want`` (``html`` | ``feed``)."""
    if resp.content_type in GENERIC_TYPES and sniff_kind(resp.body) != want:
        shown = resp.content_type or "no content type"
        raise FetchError(resp.url, f"{shown} and the body does not look like {want.upper()}: refused")


# --- robots.txt ---------------------------------------------------------------------------


class Robots:
    """robots.txt per host, fetched once per run and cached (RFC 9309).

    A missing robots.txt (any 4xx) allows everything; an unreachable one (5xx, network
    error, timeout) disallows the whole host for this run, as RFC 9309 section 2.3.1.4
    asks.  A ``Crawl-delay`` for kg (or ``*``) slows that host down in the fetcher.
    """

    MAX_BYTES = 512 * 1024

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._cache: dict[str, RobotFileParser | None] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def _parser(self, url: str) -> RobotFileParser | None:
        key = host_key(url)
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key in self._cache:
                return self._cache[key]
            parser: RobotFileParser | None = RobotFileParser()
            robots_url = urljoin(url, "/robots.txt")
            try:
                resp = self.fetcher.get(robots_url, max_bytes=self.MAX_BYTES)
                text, _ = decode_text(resp.body, resp.charset, robots_url)
                parser.parse(text.splitlines())
                delay = parser.crawl_delay(ROBOTS_AGENT)
                if delay:
                    self.fetcher.slow_down(url, float(delay))
            except FetchError as exc:
                if exc.transient:
                    parser = None
                else:
                    parser.allow_all = True
            self._cache[key] = parser
            return parser

    def allowed(self, url: str) -> bool:
        parser = self._parser(url)
        return parser is not None and parser.can_fetch(ROBOTS_AGENT, url)

    def check(self, url: str) -> None:
        """Raise :class:`FetchError` when robots.txt forbids ``url`` (or could not be read)."""
        parser = self._parser(url)
        if parser is None:
            raise FetchError(url, "robots.txt unreachable: the host is skipped this run", transient=True)
        if not parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, f"disallowed by robots.txt for {ROBOTS_AGENT!r}")
