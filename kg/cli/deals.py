"""``kg link``, ``kg deal show``, ``kg contradictions``: thin over kg.ingest.linking/timeline/contradictions."""

from __future__ import annotations

import json
import sys

import click

from kg.analysis import contradictions, timeline
from kg.cli.app import KgGroup, cli, get_store, require_graphs
from kg.cli.output import FORMATS, write_rows
from kg.errors import EXIT_USAGE, UnknownName, check_year_range
from kg.ingest import linking
from kg.vocab import ns

#: More clusters than this from ``kg deal show --supplier ...`` means the selection is too wide.
MAX_TIMELINES = 10
#: ``--format`` of ``kg link --list`` and ``kg contradictions`` (the row formats of kg query).
_rows_format = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)


@cli.command("link")
@click.option(
    "--article",
    "articles",
    multiple=True,
    metavar="GRAPH",
    help="Relink only deals of this article graph (repeatable).",
)
@click.option(
    "--release",
    "releases",
    multiple=True,
    metavar="GRAPH",
    help="Relink only article deals this release concerns (repeatable).",
)
@click.option("--list", "list_links", is_flag=True, help="Print the links and candidates found.")
@_rows_format
@click.pass_context
def link_cmd(
    ctx: click.Context, articles: tuple[str, ...], releases: tuple[str, ...], list_links: bool, fmt: str
) -> None:
    """Link article deals to register deals (kg:DealLink statements in the links graph).

    Without options every article deal is relinked and the links graph rebuilt; the
    importers run the incremental form after each import.  Idempotent.
    """
    store = get_store(ctx)
    require_graphs(store, articles, str(ns.NewsArticle), "article graph")
    require_graphs(store, releases, str(ns.DatasetRelease), "release graph")
    if articles or releases:
        report = linking.link(store, article_graphs=list(articles), release_graphs=list(releases))
    else:
        report = linking.link(store)
    click.echo(f"kg link: {report.summary()}", err=True)
    if list_links:
        variables = ["from", "to", "release", "score", "reasons", "candidate"]
        rows = [
            [r.article_deal, r.register_deal, r.release, r.score, "; ".join(r.reasons), r.candidate]
            for r in report.results
        ]
        write_rows(variables, rows, fmt, sys.stdout)


@cli.group("deal", cls=KgGroup)
def deal_group() -> None:
    """Look at single deals: their timeline, sources, links and status."""


@deal_group.command("show")
@click.argument("deal_iri", required=False)
@click.option("--supplier", help="Supplier name or IRI (e.g. Russia).")
@click.option("--buyer", help="Buyer name or IRI (e.g. India).")
@click.option("--system", help="Weapon system; catalogue aliases apply (S-400 = S-400 Triumf).")
@click.option("--year", type=int, help="Order year.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def deal_show_cmd(
    ctx: click.Context,
    deal_iri: str | None,
    supplier: str | None,
    buyer: str | None,
    system: str | None,
    year: int | None,
    fmt: str,
) -> None:
    """Print a deal's timeline: every event with its date and every source stating it.

    Give the deal IRI, or select by --supplier/--buyer/--system [--year]: each matching
    deal is shown once together with its linked deals.
    """
    if not deal_iri and not (supplier or buyer or system):
        raise click.UsageError("give a deal IRI or --supplier/--buyer/--system")
    store = get_store(ctx, read_only=True)
    if deal_iri:
        found = [timeline.deal_timeline(store, deal_iri)]
    else:
        found = timeline.timelines_for(store, supplier, buyer, system, year)
        if not found:
            raise UnknownName("no deal matches the selection")
        if len(found) > MAX_TIMELINES:
            click.echo(
                f"error: {len(found)} deals match; narrow the selection (--year, --system) or give an IRI:",
                err=True,
            )
            for t in found:
                click.echo(f"  {t.deal}  {t.label}", err=True)
            ctx.exit(EXIT_USAGE)
    if fmt == "json":
        data = [t.to_dict() for t in found]
        click.echo(json.dumps(data[0] if deal_iri else data, ensure_ascii=False, indent=1))
        return
    click.echo("\n".join(timeline.format_timeline(t) for t in found), nl=False)


@cli.command("contradictions")
@click.option("--supplier", help="Supplier name or IRI.")
@click.option("--buyer", help="Buyer name or IRI.")
@click.option("--system", help="Weapon system (catalogue aliases apply).")
@click.option("--from", "year_from", type=int, help="Earliest order year.")
@click.option("--to", "year_to", type=int, help="Latest order year.")
@_rows_format
@click.pass_context
def contradictions_cmd(
    ctx: click.Context,
    supplier: str | None,
    buyer: str | None,
    system: str | None,
    year_from: int | None,
    year_to: int | None,
    fmt: str,
) -> None:
    """Deals whose sources disagree (quantity, value, order year, status sequence), side by side.

    Linked deals count as one deal (run ``kg link`` after imports).
    """
    check_year_range(year_from, year_to)
    store = get_store(ctx, read_only=True)
    flt = contradictions.ContradictionFilter(supplier, buyer, system, year_from, year_to)
    found = contradictions.find_contradictions(store, flt)
    if fmt == "json":
        click.echo(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1))
        return
    variables, rows = contradictions.rows_for_output(found)
    write_rows(variables, rows, fmt, sys.stdout)
