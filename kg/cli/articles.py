"""``kg extract`` (print what articles say) and ``kg import articles`` (write it to the store)."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

import click

from kg.cli.app import cli, get_store, import_group
from kg.errors import EXIT_REJECTED

PATH_HELP = (
    "PATH is a file, a directory (recursive) or - for stdin (.txt/.md/.html/.json/.jsonl); "
    "kg import articles also takes http(s) URLs, fetched and read like .html files."
)


def _parse_published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


_published = click.option(
    "--published",
    callback=_parse_published,
    metavar="YYYY-MM-DD",
    help="Publication date (overrides the article's); relative dates resolve against it.",
)
_url = click.option("--url", help="Article URL (overrides the article's; its identity in the store).")


@cli.command("extract", epilog=PATH_HELP)
@click.argument("paths", nargs=-1, required=True)
@_published
@_url
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "table", "ttl"]),
    default="json",
    show_default=True,
    help="json: array of {article, claims}; jsonl: one such object per line; ttl: the RDF it would write.",
)
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option(
    "--candidates",
    is_flag=True,
    help="Also print the claims under the claim model's drop floor (leads to check, mostly wrong).",
)
def extract_cmd(
    paths: tuple[str, ...], published: date | None, url: str | None, fmt: str, jobs: int, candidates: bool
) -> None:
    """Extract deal claims from articles and print them; the store is not touched.

    Exit code 3 if any input could not be read (each is reported; the rest are printed).
    """
    from kg.extract import ArticleError, extract_many
    from kg.ingest.articles import iter_inputs

    items = list(iter_inputs(paths, published, url))
    articles = [i for i in items if not isinstance(i, ArticleError)]
    errors = [i for i in items if isinstance(i, ArticleError)]
    for err in errors:
        click.echo(f"error: {err}", err=True)
    for a in articles:
        where = f"{a.path}:{a.line}" if a.line else a.path
        for warning in a.warnings:
            click.echo(f"warning: {where}: {warning}", err=True)
    if errors and not articles:  # nothing was read: print nothing (not an empty `[]`)
        sys.exit(EXIT_REJECTED)
    results = [claims for _, claims in extract_many(articles, jobs=jobs, candidates=candidates)]
    if fmt == "ttl":
        _print_ttl(articles, results)
    elif fmt == "table":
        _print_table(articles, results)
    else:
        docs = [
            {
                "article": {
                    "url": a.url,
                    "title": a.title,
                    "published": a.published.isoformat() if a.published else None,
                },
                "claims": [c.to_dict() for c in claims],
            }
            for a, claims in zip(articles, results, strict=True)
        ]
        if fmt == "json":
            json.dump(docs, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            for doc in docs:
                sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    if errors:
        sys.exit(EXIT_REJECTED)


def _print_table(articles, results) -> None:
    from kg.cli.output import write_rows

    rows = []
    for article, claims in zip(articles, results, strict=True):
        for c in claims:
            d = c.to_dict()
            value = d.get("value") or {}
            rows.append(
                [
                    article.title or article.path,
                    (d.get("supplier") or {}).get("name"),
                    (d.get("buyer") or {}).get("name"),
                    (d.get("system") or {}).get("name"),
                    d.get("status"),
                    d.get("quantity"),
                    f"{value.get('amount')} {value.get('currency')}" if value else None,
                    d.get("order_year"),
                    d.get("confidence"),
                ]
            )
    header = ["article", "supplier", "buyer", "system", "status", "qty", "value", "year", "conf"]
    write_rows(header, rows, "table", sys.stdout)


def _print_ttl(articles, results) -> None:
    import pyoxigraph as ox

    from kg.ingest.articles import graph_of
    from kg.vocab.ns import PREFIXES

    scratch = ox.Store()
    for article, claims in zip(articles, results, strict=True):
        graph, data = graph_of(article, [c.to_dict() for c in claims])
        scratch.load(data, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(graph)))
    scratch.dump(sys.stdout.buffer, ox.RdfFormat.TRIG, prefixes={p: str(n) for p, n in PREFIXES.items()})
    sys.stdout.buffer.flush()


@import_group.command("articles", epilog=PATH_HELP)
@click.argument("paths", nargs=-1, required=True)
@_published
@_url
@click.option(
    "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Extraction processes."
)
@click.pass_context
def import_articles_cmd(
    ctx: click.Context, paths: tuple[str, ...], published: date | None, url: str | None, jobs: int
) -> None:
    """Import news articles: each article's claims go into the article's own named graph.

    Re-importing an article changes nothing; a corrected version (same URL) replaces its
    graph. Bad inputs are reported with file (and line) and skipped; exit code 3 if any.
    """
    from kg.ingest.articles import import_articles
    from kg.io.fetch import is_http_url

    store = get_store(ctx)
    urls = [p for p in paths if is_http_url(p)]
    files = [p for p in paths if not is_http_url(p)]
    report = import_articles(store, files, published=published, url=url, jobs=jobs)
    failed = len(report.errors)
    if urls:
        failed += _import_urls(store, urls, jobs)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for err in report.errors:
        click.echo(f"error: {err}", err=True)
    if files:
        click.echo(
            f"imported {len(report.written)} article(s) with {report.total('claims')} claim(s); "
            f"{len(report.unchanged)} unchanged; {len(report.errors)} rejected",
            err=True,
        )
    if failed:
        ctx.exit(EXIT_REJECTED)


def _import_urls(store, urls: list[str], jobs: int) -> int:
    """Fetch and import http(s) URLs (kg.feeds.web); prints the outcome, returns the failures."""
    from kg.feeds.web import import_urls

    web, errors = import_urls(store, urls, jobs=jobs)
    for warning in web.warnings:
        click.echo(f"warning: {warning}", err=True)
    for err in [*web.imported.errors, *errors]:
        click.echo(f"error: {err}", err=True)
    click.echo(
        f"fetched {len(urls) - len(errors)} of {len(urls)} URL(s): imported {len(web.imported.written)} "
        f"article(s) with {web.imported.total('claims')} claim(s); {len(web.unchanged)} unchanged; "
        f"{len(web.kept)} kept (paywall rule); {len(web.copies)} copies of known stories; "
        f"{len(errors) + len(web.imported.errors)} failed",
        err=True,
    )
    return len(errors) + len(web.imported.errors)
