"""Articles from the web: fetched pages -> :class:`~kg.extract.Article` -> the store.

A page is read by the same HTML reader as an ``.html`` file (:func:`kg.extract.read_articles`,
trafilatura offline on the bytes kg fetched), after :mod:`kg.io.fetch` has checked its type
and decoded its charset.  Identity and the rules of replacing a stored article:

* the article is keyed by its **canonical URL** (``<link rel=canonical>``/``og:url``) when
  that is an http(s) URL on the same host as the page (``www.`` aside): a page cannot claim
  another site's article and overwrite it; otherwise by the URL it was fetched from (after
  redirects);
* same text as stored: nothing changes (feed provenance is added if a new feed found it);
* corrected text: the article's graph is replaced, keeping when it was first fetched and
  which feeds found it;
* **paywall rule**: a re-fetch whose text is shorter than :data:`MIN_REFETCH_RATIO` (50%)
  of the stored text (``kg:textLength``) is a paywall, consent or error page, not a
  correction: the stored article is kept and a warning says so;
* a page with no article text (under :data:`MIN_ARTICLE_WORDS` words) is reported and
  skipped, never imported empty.

Each imported page also carries its MinHash signature, and a near-duplicate of an earlier
article is recorded as the same story (``kg:sameStoryAs``, see :mod:`kg.feeds.dedup`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.extract import Article, ArticleError, read_articles
from kg.feeds.dedup import Signature, StoryIndex, signature
from kg.ingest.articles import import_items
from kg.ingest.pipeline import ImportReport
from kg.io.fetch import HTML_TYPES, Fetcher, FetchError, Response, check_kind, decode_text, is_http_url
from kg.rdf.terms import NTriples
from kg.store import Store
from kg.vocab import ns
from kg.vocab.iris import article_source
from kg.vocab.ns import SCHEMA

#: A re-fetch shorter than this fraction of the stored text never replaces it (paywall rule).
MIN_REFETCH_RATIO = 0.5
#: Fewer words than this is not an article (a cookie notice or a footer trafilatura kept).
MIN_ARTICLE_WORDS = 25


@dataclass
class Page:
    """An article read from a fetched page, with where it came from."""

    article: Article
    fetched_url: str
    author: str | None = None
    feed: str | None = None
    signature: str | None = None  # MinHash of the text, computed where the page is read
    claims: list[dict] | None = None  # claim dicts when extracted where the page was read


def _same_site(a: str, b: str) -> bool:
    ha = (urlsplit(a).hostname or "").removeprefix("www.")
    hb = (urlsplit(b).hostname or "").removeprefix("www.")
    return bool(ha) and ha == hb


def read_page(resp: Response, feed: str | None = None) -> Page:
    """The article in a fetched HTML page; FetchError when it is not a page with article text."""
    check_kind(resp, "html")
    text, warnings = decode_text(resp.body, resp.charset, resp.url)
    with tempfile.TemporaryDirectory(prefix="kg-page-") as tmp:
        path = Path(tmp) / "page.html"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        items = list(read_articles(path))
    if not items or isinstance(items[0], ArticleError):
        reason = items[0].message if items else "nothing read"
        if reason.startswith(("no article text", "empty article text")):
            reason = "no article text in the page: skipped"
        raise FetchError(resp.url, reason)
    article = items[0]
    if len(article.text.split()) < MIN_ARTICLE_WORDS:
        raise FetchError(
            resp.url,
            f"no article text in the page ({len(article.text.split())} words < {MIN_ARTICLE_WORDS}): skipped",
        )
    canonical = article.url
    key = (
        canonical if canonical and is_http_url(canonical) and _same_site(canonical, resp.final_url) else None
    )
    if canonical and key is None:
        warnings.append(f"canonical URL {canonical[:200]!r} ignored (not http(s) on this site)")
    author = site = None
    try:
        import trafilatura

        meta = trafilatura.extract_metadata(text)
        if meta is not None:
            author, site = meta.author or None, meta.sitename or None
    except Exception as exc:  # metadata is a bonus; the article stands without it
        warnings.append(f"metadata: {type(exc).__name__}")
    article = replace(
        article,
        url=key or resp.final_url,
        path=f"<{resp.url}>",
        publisher=article.publisher or site,
        warnings=(*article.warnings, *warnings),
    )
    return Page(article, resp.final_url, author, feed, str(signature(article.text)))


def fetch_page(fetcher: Fetcher, url: str, feed: str | None = None) -> Page:
    return read_page(fetcher.get(url, accept=HTML_TYPES), feed)


@dataclass
class _Stored:
    hash: str | None = None
    length: int | None = None
    first: str | None = None
    feeds: set[str] = field(default_factory=set)


def stored_records(store: Store, graphs: Iterable[URIRef]) -> dict[str, _Stored]:
    """What the store already holds about these article graphs (hash, length, provenance)."""
    graphs = list(dict.fromkeys(graphs))
    out: dict[str, _Stored] = {}
    for start in range(0, len(graphs), 200):
        values = " ".join(f"<{g}>" for g in graphs[start : start + 200])
        rows = store.select(
            f"""SELECT ?g ?p ?o WHERE {{ VALUES ?g {{ {values} }}
                VALUES ?p {{ <{ns.contentHash}> <{ns.textLength}> <{ns.firstFetched}> <{ns.fromFeed}> }}
                GRAPH ?g {{ ?g ?p ?o }} }}"""
        )
        for row in rows:
            rec = out.setdefault(str(row["g"]), _Stored())
            p, o = str(row["p"]), row["o"]
            if p == str(ns.contentHash):
                rec.hash = str(o)
            elif p == str(ns.textLength):
                rec.length = int(o.toPython()) if isinstance(o, Literal) else None
            elif p == str(ns.firstFetched):
                rec.first = str(o)
            else:
                rec.feeds.add(str(o))
    return out


@dataclass
class WebImportReport:
    """What importing fetched pages did."""

    imported: ImportReport = field(default_factory=ImportReport)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # paywall rule: stored article kept
    copies: dict[str, str] = field(default_factory=dict)  # graph -> story root
    warnings: list[str] = field(default_factory=list)
    pages: dict[str, Page] = field(default_factory=dict)  # graph -> page imported


def import_pages(
    store: Store,
    pages: Iterable[Page],
    *,
    jobs: int = 1,
    now: datetime | None = None,
    progress: Callable[[Article], None] | None = None,
) -> WebImportReport:
    """Import fetched pages under the rules of this module (one graph replacement each)."""
    stamp = Literal((now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime)
    report = WebImportReport()
    by_graph: dict[str, Page] = {}
    feeds_of: dict[str, set[str]] = {}
    for page in pages:
        g = str(article_source(page.article.key))
        by_graph.setdefault(g, page)
        if page.feed:
            feeds_of.setdefault(g, set()).add(page.feed)
    stored = stored_records(store, [URIRef(g) for g in by_graph])
    todo: list[Article] = []
    for g, page in by_graph.items():
        rec = stored.get(g)
        art = page.article
        report.warnings.extend(f"{art.path}: {w}" for w in art.warnings)
        if rec is not None and rec.hash == art.content_hash:
            report.unchanged.append(g)
            new_feeds = feeds_of.get(g, set()) - rec.feeds
            if new_feeds:  # a new feed found a known article: provenance only, one INSERT
                triples = " ".join(f"<{g}> <{ns.fromFeed}> <{f}> ." for f in sorted(new_feeds))
                store.update(f"INSERT DATA {{ GRAPH <{g}> {{ {triples} }} }}")
            continue
        if rec is not None and rec.length and len(art.text) < MIN_REFETCH_RATIO * rec.length:
            report.kept.append(g)
            report.warnings.append(
                f"{art.path}: kept the stored article: the page now yields {len(art.text)} characters, "
                f"under {MIN_REFETCH_RATIO:.0%} of the {rec.length} stored (paywall or error page?)"
            )
            continue
        todo.append(art)
    index: StoryIndex | None = None

    def extra(article: Article, graph: URIRef) -> bytes:
        nonlocal index
        g = str(graph)
        page, rec = by_graph[g], stored.get(g) or _Stored()
        out = NTriples()
        out.add(graph, ns.textLength, Literal(len(article.text), datatype=XSD.integer))
        out.add(graph, ns.firstFetched, Literal(rec.first, datatype=XSD.dateTime) if rec.first else stamp)
        for f in sorted(rec.feeds | feeds_of.get(g, set())):
            out.add(graph, ns.fromFeed, URIRef(f))
        out.add(graph, SCHEMA.author, Literal(page.author) if page.author else None)
        sig = (Signature.parse(page.signature) if page.signature else None) or signature(article.text)
        out.add(graph, ns.textSignature, Literal(str(sig)))
        if index is None:
            index = StoryIndex.load(store)
        found = index.match(sig, exclude=g)
        if found is not None:
            out.add(graph, ns.sameStoryAs, URIRef(found[0]))
            report.copies[g] = found[0]
        index.add(g, sig, found[0] if found else None)
        report.pages[g] = page
        return bytes(out)

    pre = all(by_graph[str(article_source(a.key))].claims is not None for a in todo)

    def claims_of(article: Article) -> list[dict]:
        return by_graph[str(article_source(article.key))].claims or []

    report.imported = import_items(
        store, todo, jobs=jobs, progress=progress, extra_triples=extra, claims_of=claims_of if pre else None
    )
    report.warnings.extend(report.imported.warnings)
    return report


def import_urls(
    store: Store, urls: Iterable[str], *, fetcher: Fetcher | None = None, jobs: int = 1
) -> tuple[WebImportReport, list[FetchError]]:
    """``kg import articles URL...``: fetch each page and import it; errors are collected."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    pages: list[Page] = []
    errors: list[FetchError] = []
    try:
        for url in urls:
            try:
                pages.append(fetch_page(fetcher, url))
            except FetchError as exc:
                errors.append(exc)
    finally:
        if own:
            fetcher.close()
    return import_pages(store, pages, jobs=jobs), errors
