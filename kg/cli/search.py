"""``kg search TEXT``: full-text search over evidence sentences, article texts and register comments."""

from __future__ import annotations

import json
import sys

import click

from kg.cli.app import cli, get_store
from kg.errors import check_year_range


@cli.command("search")
@click.argument("text", nargs=-1, required=True)
@click.option("--buyer", multiple=True, help="Only hits about deals with this buyer (name, ISO code or IRI).")
@click.option("--supplier", multiple=True, help="Only hits about deals with this supplier.")
@click.option(
    "--from", "year_from", type=int, help="Earliest order year (articles without one: publication year)."
)
@click.option("--to", "year_to", type=int, help="Latest order year.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv", "tsv"]),
    help="Output format (default: table on a terminal, json when piped).",
)
@click.pass_context
def search_cmd(
    ctx: click.Context,
    text: tuple[str, ...],
    buyer: tuple[str, ...],
    supplier: tuple[str, ...],
    year_from: int | None,
    year_to: int | None,
    limit: int,
    fmt: str | None,
) -> None:
    """Search what the sources say, best match first (BM25, stemmed: delay finds delays, delayed).

    Every word must occur; "a quoted phrase" must occur as written. Hits are evidence
    sentences of claims, article titles and texts, and register comments, each with its
    claim, deal and source (article URL, or register release and row).

    \b
    Examples:
      kg search delay
      kg search S-400 --buyer India --from 2015
      kg search '"air defence"' --format json
    """
    from kg.analysis import search as fts
    from kg.cli.output import default_format, write_rows

    fts.fts_query(" ".join(text))  # nothing to search for: a usage error before opening the store
    check_year_range(year_from, year_to)
    hits = fts.search(
        get_store(ctx, read_only=True),
        " ".join(text),
        buyer=list(buyer),
        supplier=list(supplier),
        year_from=year_from,
        year_to=year_to,
        limit=limit,
    )
    fmt = fmt or default_format()
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return
    if fmt == "jsonl":
        for h in hits:
            click.echo(json.dumps(h.to_dict(), ensure_ascii=False))
        return
    header, rows = fts.table_rows(hits)
    write_rows(header, rows, fmt, sys.stdout)
