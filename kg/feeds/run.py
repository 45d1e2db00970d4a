"""``kg feed run``: fetch feeds, fetch the items not seen before, import them, report.

One run, in three phases:

1. **feeds**, concurrently: robots.txt, then a conditional GET with the stored ETag and
   Last-Modified (a 304 costs one request and nothing else), then feedparser on the bytes
   kg fetched (feedparser never fetches anything itself).  RSS 0.9x/1.0/2.0 and Atom 1.0;
   a malformed feed with no usable entries is an error for that feed only;
2. **items** not seen before, concurrently across hosts and at most ``per_host`` at a time
   per host, ``delay`` seconds apart (:class:`kg.io.fetch.Fetcher`), each checked against
   robots.txt and read by :func:`kg.feeds.web.read_page` (on ``jobs`` worker processes
   when ``jobs`` > 1: trafilatura is CPU-bound, the threads only wait on sockets);
3. **import** in this thread (the store has one writer), by :func:`kg.feeds.web.import_pages`.

State (:mod:`kg.feeds.state`) is updated per feed: an item is *seen* once it is imported,
found unchanged, or failed for good (no article text, HTTP 4xx, refused by robots.txt or
its type); an item that failed for a passing reason (timeout, 5xx, connection) is retried
next run, and so the feed's new validators are not stored until all its items settled.
A failing feed keeps its previous state plus ``last_error``; the run goes on.  Seen items
that left the feed are forgotten after :data:`FORGET_AFTER_DAYS` days, so the state file
does not grow for ever.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.pool import Pool
from urllib.parse import urljoin

from kg.feeds.state import Feed, FeedState
from kg.feeds.web import Page, WebImportReport, import_pages, read_page
from kg.ingest.articles import store_systems
from kg.io.fetch import FEED_TYPES, HTML_TYPES, Fetcher, FetchError, Response, Robots, check_kind, is_http_url
from kg.store import Store


@dataclass
class Item:
    feed: Feed
    id: str
    link: str
    title: str | None = None


@dataclass
class FeedOutcome:
    """What happened to one feed in a run."""

    name: str
    url: str
    status: str = "ok"  # ok | not modified | error
    entries: int = 0
    new_items: int = 0
    fetched: int = 0
    failed: int = 0
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    pending: bool = False  # an item failed for a passing reason: keep the old validators


@dataclass
class RunReport:
    started: str
    feeds: list[FeedOutcome] = field(default_factory=list)
    web: WebImportReport = field(default_factory=WebImportReport)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    requests: int = 0
    complete: bool = False  # the import finished: items may be marked seen
    seconds: dict[str, float] = field(default_factory=dict)  # fetch / import wall time


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def fetch_feed(fetcher: Fetcher, robots: Robots | None, feed: Feed, out: FeedOutcome) -> list[Item]:
    """The feed's entries (empty on 304); raises FetchError for this feed's failure."""
    import feedparser

    if robots is not None:
        robots.check(feed.url)
    resp = fetcher.get(feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified)
    out.etag, out.last_modified = resp.etag or feed.etag, resp.last_modified or feed.last_modified
    if resp.not_modified:
        out.status = "not modified"
        return []
    check_kind(resp, "feed")
    headers = {"content-location": resp.final_url}
    if resp.content_type:
        headers["content-type"] = resp.content_type + (f"; charset={resp.charset}" if resp.charset else "")
    parsed = feedparser.parse(resp.body, response_headers=headers, sanitize_html=False)
    if parsed.bozo and not parsed.entries:
        raise FetchError(feed.url, f"malformed feed: {parsed.get('bozo_exception') or 'not RSS or Atom'}")
    if not parsed.get("version") and not parsed.entries:
        raise FetchError(feed.url, "not an RSS or Atom feed")
    items: list[Item] = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        link = urljoin(resp.final_url, link.strip()) if link else ""
        if not is_http_url(link):
            continue
        items.append(Item(feed, str(entry.get("id") or link), link, entry.get("title")))
    out.entries = len(items)
    return items


def run_feeds(
    store: Store,
    state: FeedState,
    names: Iterable[str] = (),
    *,
    fetcher: Fetcher | None = None,
    robots: bool = True,
    workers: int = 16,
    jobs: int = 1,
    on_page: Callable[[str, str | None], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> RunReport:
    """Run the named feeds (all when none); ``on_page(url, error)`` reports each item fetched."""
    feeds = state.select(list(names))
    report = RunReport(_now())
    own = fetcher is None
    fetcher = fetcher or Fetcher(delay=0.5)
    rob = Robots(fetcher) if robots else None
    # pages are read (trafilatura) and their claims extracted on ``jobs`` processes (CPU-bound);
    # the threads only wait on sockets, this thread only writes
    extra = tuple(store_systems(store))
    readers = (
        multiprocessing.get_context("spawn").Pool(jobs, initializer=_init_reader, initargs=(extra,))
        if jobs > 1
        else None
    )
    if readers is None:
        _init_reader(extra)
    pages: list[Page] = []
    clock = time.perf_counter()
    settled: dict[str, list[Item]] = {f.name: [] for f in feeds}  # items to mark seen after import
    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-feed") as pool:
            outcomes = {f.name: FeedOutcome(f.name, f.url) for f in feeds}
            feed_jobs = {pool.submit(fetch_feed, fetcher, rob, f, outcomes[f.name]): f for f in feeds}
            item_jobs: dict[Future, Item] = {}
            for fut in as_completed(feed_jobs):
                feed = feed_jobs[fut]
                out = outcomes[feed.name]
                try:
                    items = fut.result()
                except FetchError as exc:
                    out.status, out.error = "error", str(exc)
                    report.errors.append(f"feed {feed.name}: {exc}")
                    continue
                if out.status == "ok":
                    prune_seen(feed, {i.id for i in items}, report.started)
                new = [i for i in dict((i.id, i) for i in items).values() if i.id not in feed.seen]
                out.new_items = len(new)
                for item in new:
                    item_jobs[pool.submit(_fetch_item, fetcher, rob, item, readers)] = item
            if on_total:
                on_total(len(item_jobs))
            for fut in as_completed(item_jobs):
                item = item_jobs[fut]
                out = outcomes[item.feed.name]
                try:
                    pages.append(fut.result())
                    out.fetched += 1
                    settled[item.feed.name].append(item)
                    if on_page:
                        on_page(item.link, None)
                except FetchError as exc:
                    out.failed += 1
                    report.errors.append(f"feed {item.feed.name}: {exc}")
                    if exc.transient:
                        out.pending = True
                    else:
                        item.feed.seen[item.id] = f"{report.started} | skipped: {exc.reason}"[:300]
                    if on_page:
                        on_page(item.link, str(exc))
        report.feeds = [outcomes[f.name] for f in feeds]
        report.seconds["fetch"] = time.perf_counter() - clock
        report.web = import_pages(store, pages, jobs=jobs)
        report.seconds["import"] = time.perf_counter() - clock - report.seconds["fetch"]
        report.warnings.extend(report.web.warnings)
        for err in report.web.imported.errors:
            report.errors.append(str(err))
        for feed in feeds:
            for item in settled[feed.name]:
                feed.seen.setdefault(item.id, report.started)
        report.complete = True
    finally:
        if readers is not None:
            readers.terminate()
        report.requests = fetcher.requests
        _record(state, feeds, report)
        if own:
            fetcher.close()
    return report


#: Seen items that left the feed are forgotten after this many days (the state stays small).
FORGET_AFTER_DAYS = 90


def prune_seen(feed: Feed, current: set[str], now: str) -> None:
    """Forget seen items no longer in the feed and first seen over FORGET_AFTER_DAYS ago."""
    today = datetime.fromisoformat(now.replace("Z", "+00:00"))
    for item_id, note in list(feed.seen.items()):
        if item_id in current:
            continue
        try:
            first = datetime.fromisoformat(note.split(" | ")[0].strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if (today - first).days > FORGET_AFTER_DAYS:
            del feed.seen[item_id]


def _fetch_item(fetcher: Fetcher, robots: Robots | None, item: Item, readers: Pool | None) -> Page:
    if robots is not None:
        robots.check(item.link)
    resp = fetcher.get(item.link, accept=HTML_TYPES)
    if readers is None:
        return _read(resp, item.feed.url)
    return readers.apply(_read, (resp, item.feed.url))


_EXTRA: tuple = ()


def _init_reader(extra: tuple) -> None:
    global _EXTRA
    _EXTRA = extra


def _read(resp: Response, feed: str) -> Page:
    """Read a fetched page and extract its claims (runs on a reader process)."""
    from kg.extract import extract

    page = read_page(resp, feed)
    page.claims = [c.to_dict() for c in extract(page.article, extra_systems=_EXTRA)]
    return page


def _record(state: FeedState, feeds: list[Feed], report: RunReport) -> None:
    """Write what the run learnt into the state file (also after a failed import)."""
    done = {o.name: o for o in report.feeds}
    for feed in feeds:
        feed.last_run = report.started
        out = done.get(feed.name)
        if out is None:  # the run stopped before this feed's outcome was known
            continue
        if out.status == "error":
            feed.last_status, feed.last_error = "error", out.error
            continue
        if not out.pending and report.complete:
            feed.etag, feed.last_modified = out.etag, out.last_modified
        feed.last_status = (
            out.status if out.status != "ok" else f"ok: {out.entries} entries, {out.new_items} new"
        )
        if out.failed:
            feed.last_status += f", {out.failed} failed"
        feed.last_error = None
    state.save()
