"""Article extractor: arms-transfer claims (supplier, buyer, system, status, quantity,
value, dates, evidence) from news text.  Knows nothing of RDF.

Public API::

    from kg.extract import read_articles, extract, extract_text, extract_many
    for item in read_articles("data/articles"):          # Article | ArticleError
        if isinstance(item, Article):
            for claim in extract(item):                 # list[Claim]
                print(claim.to_dict())                  # JSON shape: kg.extract.model

See :mod:`kg.extract.model` (and ``docs/extract-json.md``) for the claim JSON shape.

Layer 4 (beside :mod:`kg.queries`): may import layers 0-3 only (in practice io and vocab).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from datetime import date

from kg.extract.articles import (
    MAX_TEXT_BYTES,
    Article,
    ArticleError,
    ArticleOrError,
    article_from_text,
    read_articles,
)
from kg.extract.claims import extract_claims
from kg.extract.model import Claim, DateRef, Evidence, PartyRef, SystemRef
from kg.vocab.reference import SystemRecord

__all__ = [
    "MAX_TEXT_BYTES",
    "Article",
    "ArticleError",
    "ArticleOrError",
    "Claim",
    "DateRef",
    "Evidence",
    "PartyRef",
    "SystemRef",
    "article_from_text",
    "extract",
    "extract_many",
    "extract_text",
    "read_articles",
]


def extract(
    article: Article, *, extra_systems: Iterable[SystemRecord] = (), candidates: bool = False
) -> list[Claim]:
    """Claims of one article; relative dates resolve against ``article.published``.

    ``extra_systems`` extends the catalogue for this call (e.g. systems already in the
    store after a SIPRI import); the extended gazetteer is cached per distinct set.
    ``candidates`` also returns the claims under the claim model's drop floor (leads to check;
    docs/extract-json.md, "Drop floor").
    """
    return extract_claims(article.text, article.published, extra_systems, article.title, candidates)


def extract_text(
    text: str,
    published: date | None = None,
    *,
    extra_systems: Iterable[SystemRecord] = (),
    candidates: bool = False,
) -> list[Claim]:
    """Claims of a bare text (no front matter parsing); see :func:`extract`."""
    return extract_claims(text, published, extra_systems, candidates=candidates)


_WORKER_EXTRA: tuple[SystemRecord, ...] = ()
_WORKER_CANDIDATES = False


def _init_worker(extra: tuple[SystemRecord, ...], candidates: bool = False) -> None:
    global _WORKER_EXTRA, _WORKER_CANDIDATES
    _WORKER_EXTRA = extra
    _WORKER_CANDIDATES = candidates


def _work(article: Article) -> list[Claim]:
    return extract_claims(article.text, article.published, _WORKER_EXTRA, article.title, _WORKER_CANDIDATES)


def extract_many(
    articles: Iterable[Article],
    *,
    jobs: int = 1,
    extra_systems: Iterable[SystemRecord] = (),
    chunksize: int = 16,
    candidates: bool = False,
) -> Iterator[tuple[Article, list[Claim]]]:
    """``(article, claims)`` for each article, in input order, on ``jobs`` processes.

    Uses the ``spawn`` start method (safe with threads, same behaviour on every OS); each
    worker builds its gazetteer once.  ``jobs <= 1`` runs in this process (no start-up
    cost, best for a few articles).  ``candidates``: see :func:`extract`.
    """
    extra = tuple(extra_systems)
    if jobs <= 1:
        for art in articles:
            yield art, extract_claims(art.text, art.published, extra, art.title, candidates)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(extra, candidates)) as pool:
        items = list(articles)
        for art, claims in zip(items, pool.imap(_work, items, chunksize=chunksize), strict=True):
            yield art, claims
