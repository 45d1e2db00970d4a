"""Articles into the store: read, extract, map, write one graph per article.

Each article is written in its own transaction-safe graph replacement, so a batch killed
midway keeps every finished article and none half-written (per-article atomicity).  An
article whose graph already holds the same content hash is skipped: re-importing changes
nothing.  Systems the store already knows (e.g. from a SIPRI import) extend the
extractor's catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef

from kg.extract import Article, ArticleError, extract_many, read_articles
from kg.ingest.article_rdf import article_graph, storable_url
from kg.ingest.base_graphs import with_base_graphs
from kg.rdf.terms import content_hash
from kg.store import Store
from kg.vocab import ns, reference


@dataclass
class ArticleImportReport:
    articles: int = 0
    unchanged: int = 0
    claims: int = 0
    graphs: list[URIRef] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    links: object | None = None  # kg.ingest.linking.LinkReport when linking ran after the import


def store_systems(store: Store) -> list[reference.SystemRecord]:
    """Systems in the store that the catalogue does not know, as extra catalogue entries."""
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
        if len(label) < 2 or reference.resolve_system(label) is not None:
            continue
        category = by_concept.get(str(row.get("category", "")), "other")
        extra.append(reference.SystemRecord(label, (), category, None, None, None, None))
    return extra


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


def _unchanged(store: Store, graph: URIRef, text: str) -> bool:
    return store.ask(
        f"ASK {{ GRAPH ?g {{ ?g <{ns.contentHash}> ?h }} }}",
        {"g": graph, "h": Literal(content_hash(text.encode("utf-8", "surrogatepass")))},
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
) -> ArticleImportReport:
    """Import every article under ``paths``; bad inputs are reported and skipped.

    Extraction runs on ``jobs`` processes; writing stays in this process, one graph
    replacement per article (the store has one writer).  The imported articles' deals
    are then linked to register deals (``link_after``; see :func:`kg.ingest.linking.link`).
    """
    return import_items(
        store, iter_inputs(paths, published, url), progress=progress, jobs=jobs, link_after=link_after
    )


@with_base_graphs
def import_items(
    store: Store,
    items: Iterable[Article | ArticleError],
    *,
    progress: Callable[[Article], None] | None = None,
    jobs: int = 1,
    link_after: bool = True,
    extra_triples: Callable[[Article, URIRef], bytes] | None = None,
    claims_of: Callable[[Article], list[dict]] | None = None,
) -> ArticleImportReport:
    """Import articles already read (files, or pages fetched by :mod:`kg.feeds.web`).

    ``extra_triples(article, graph)`` adds N-Triples to an article's graph in the same
    replacement (feed provenance, text signature), so the graph is never half-written.
    ``claims_of(article)`` gives claim dicts extracted elsewhere (feed runs extract where
    they read the page, on their worker processes) instead of extracting here.
    """
    from kg.vocab.iris import article_source

    extra = store_systems(store)
    report = ArticleImportReport()
    todo: list[Article] = []
    for item in items:
        if isinstance(item, ArticleError):
            report.errors.append(item)
            continue
        where = f"{item.path}:{item.line}" if item.line else item.path
        report.warnings.extend(f"{where}: {w}" for w in item.warnings)
        if item.url and not storable_url(item.url):
            report.warnings.append(f"{where}: URL {item.url[:60]!r} is not http(s); not stored as schema:url")
        if _unchanged(store, article_source(item.key), item.text):
            report.unchanged += 1
            continue
        todo.append(item)
    pairs = (
        ((a, claims_of(a)) for a in todo)
        if claims_of is not None
        else ((a, [c.to_dict() for c in f]) for a, f in extract_many(todo, jobs=jobs, extra_systems=extra))
    )
    for item, claims in pairs:
        graph, data = graph_of(item, claims)
        if extra_triples is not None:
            data += extra_triples(item, graph)
        store.replace_graphs({graph: data})
        report.articles += 1
        report.claims += len(claims)
        report.graphs.append(graph)
        if progress:
            progress(item)
    if report.graphs and link_after:
        from kg.ingest.linking import link

        report.links = link(store, article_graphs=[str(g) for g in report.graphs])
    return report
