"""Articles into the store: read, extract, map, write one graph per article.

An importer of the import pipeline (:mod:`kg.ingest.pipeline`): it reads articles and maps
each to its graph; the pipeline writes each article in its own graph replacement, so a
batch killed midway keeps every finished article and none half-written (per-article
atomicity), and skips an article whose graph already holds the text's content hash:
re-importing changes nothing.  Systems the store already knows (e.g. from a SIPRI import)
extend the extractor's catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import URIRef

from kg.errors import InputError
from kg.extract import Article, ArticleError, extract_many, read_articles
from kg.extract.mentions import find_mentions
from kg.ingest.article_rdf import article_graph, storable_url
from kg.ingest.pipeline import Importer, ImportReport, InputOutcome, Prepared, run_import
from kg.store import Store
from kg.vocab import iris, ns, reference


@dataclass
class ArticleOutcome(InputOutcome):
    """One article's outcome, with the number of claims extracted from it."""

    claims: int = 0


def store_systems(store: Store) -> list[reference.SystemRecord]:
    """Systems in the store that the extractor does not know, as extra catalogue entries.

    A label the extractor already reads whole (a catalogue name, or a variant it keeps as
    written, as 'Javelin FGM-148F') is left out: as an extra entry it would shadow the
    catalogue's own and make an article's claims depend on what was imported before it
    (a re-run after a killed batch gave one article other claims than a clean run).
    """
    rows = store.select(
        ns.SPARQL_PREFIXES
        + """
        SELECT ?label (SAMPLE(?cat) AS ?category) WHERE {
          GRAPH ?g { ?s a kg:WeaponSystem ; rdfs:label ?label . OPTIONAL { ?s kg:category ?cat } }
        } GROUP BY ?label"""
    )
    by_concept = {str(v): k for k, v in ns.CATEGORIES.items()}
    extra = []
    for row in rows:
        label = str(row["label"])
        if len(label) < 2 or reference.resolve_system(label) is not None or _read_whole(label):
            continue
        category = by_concept.get(str(row.get("category", "")), "other")
        extra.append(reference.SystemRecord(label, (), category, None, None, None, None))
    return extra


def _read_whole(label: str) -> bool:
    """Whether the extractor finds one system mention spanning the whole label."""
    return any(m.kind == "system" and m.start == 0 and m.end == len(label) for m in find_mentions(label))


def graph_of(article: Article, claims: list[dict]) -> tuple[URIRef, bytes]:
    """The article's named graph (IRI, N-Triples) from its claim dicts."""
    return article_graph(
        key=article.key,
        text=article.text,
        title=article.title,
        url=article.url,
        published=article.published,
        publisher=article.publisher,
        path=article.path,
        claims=claims,
    )


def iter_inputs(
    paths: Iterable[str | Path], published: date | None = None, url: str | None = None
) -> Iterator[Article | ArticleError]:
    for path in paths:
        yield from read_articles(path, published=published, url=url)


def import_articles(
    store: Store,
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    url: str | None = None,
    progress: Callable[[Article], None] | None = None,
    jobs: int = 1,
    link_after: bool = True,
) -> ImportReport:
    """Import every article under ``paths``; bad inputs are refused (named) and skipped.

    Extraction runs on ``jobs`` processes; writing stays in this process, one graph
    replacement per article (the store has one writer).  The imported articles' deals
    are then linked to register deals (``link_after``; see :func:`kg.ingest.linking.link`).
    Each article's outcome is an :class:`ArticleOutcome` in the returned report.
    """
    return import_items(
        store, iter_inputs(paths, published, url), progress=progress, jobs=jobs, link_after=link_after
    )


def import_items(
    store: Store,
    items: Iterable[Article | ArticleError],
    *,
    progress: Callable[[Article], None] | None = None,
    jobs: int = 1,
    link_after: bool = True,
    extra_triples: Callable[[Article, URIRef], bytes] | None = None,
    claims_of: Callable[[Article], list[dict]] | None = None,
) -> ImportReport:
    """Import articles already read (files, or pages fetched by :mod:`kg.feeds.web`).

    ``extra_triples(article, graph)`` adds N-Triples to an article's graph in the same
    replacement (feed provenance, text signature), so the graph is never half-written.
    ``claims_of(article)`` gives claim dicts extracted elsewhere (feed runs extract where
    they read the page, on their worker processes) instead of extracting here.
    """
    importer = ArticleImporter(
        store, items, progress=progress, jobs=jobs, extra_triples=extra_triples, claims_of=claims_of
    )
    return run_import(store, importer, link_after=link_after)


class ArticleImporter(Importer):
    """Articles into the pipeline: the unchanged check runs on the text's hash before the
    (costly) extraction, which then runs once over the new and changed articles."""

    relink = "article_graphs"

    def __init__(
        self,
        store: Store,
        items: Iterable[Article | ArticleError],
        *,
        progress: Callable[[Article], None] | None = None,
        jobs: int = 1,
        extra_triples: Callable[[Article, URIRef], bytes] | None = None,
        claims_of: Callable[[Article], list[dict]] | None = None,
    ) -> None:
        self.store, self.items, self.progress, self.jobs = store, items, progress, jobs
        self.extra_triples, self.claims_of = extra_triples, claims_of

    def inputs(self) -> Iterator[Prepared | InputError]:
        for item in self.items:
            if isinstance(item, ArticleError):
                yield InputError(item.message, item.path, item.line)
                continue
            where = f"{item.path}:{item.line}" if item.line else item.path
            record = ArticleOutcome(source=where or item.key)
            record.warnings.extend(f"{where}: {w}" for w in item.warnings)
            if item.url and not storable_url(item.url):
                record.warnings.append(
                    f"{where}: URL {item.url[:60]!r} is not http(s); not stored as schema:url"
                )
            graph = iris.article_source(item.key)
            yield Prepared(record, graph=graph, content_hash=item.content_hash, item=item)

    def map(self, todo: Iterable[Prepared]) -> Iterator[Prepared]:
        todo = list(todo)  # extraction runs once, on worker processes, over every new article
        if not todo:  # all unchanged (or refused): no worker pool, no catalogue query
            return
        by_article = {id(p.item): p for p in todo}
        articles = [p.item for p in todo]
        if self.claims_of is not None:
            pairs: Iterable[tuple[Article, list[dict]]] = ((a, self.claims_of(a)) for a in articles)
        else:
            extra = store_systems(self.store)
            pairs = (
                (a, [c.to_dict() for c in found])
                for a, found in extract_many(articles, jobs=self.jobs, extra_systems=extra)
            )
        for article, claims in pairs:
            prepared = by_article[id(article)]
            graph, data = graph_of(article, claims)
            if self.extra_triples is not None:
                data += self.extra_triples(article, graph)
            prepared.graphs = {graph: data}
            prepared.record.claims = len(claims)
            prepared.record.triples = data.count(b"\n")
            yield prepared

    def written(self, prepared: Prepared) -> None:
        if self.progress:
            self.progress(prepared.item)
