"""Named queries (``kg query list``, ``kg query run``) and the SPARQL endpoint (``kg serve``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli.app import InputPath, cli, get_store, query_group
from kg.cli.output import FORMATS, RAW_CSV_HELP, default_format, write_rows


@query_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def query_list_cmd(as_json: bool) -> None:
    """List the named queries with their parameters and defaults.

    \b
    Example:
      kg query list
      kg query run suppliers-of-buyer --param buyer=Pakistan --param from=2000
    """
    from kg.queries.named import list_queries

    _print_list(list_queries(), as_json)  # a closed pipe ends quietly (kg.cli.app.KgGroup)


def _print_list(queries: list, as_json: bool) -> None:
    if as_json:
        out = [
            {
                "name": q.name,
                "description": q.description,
                "params": [
                    {"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                    for p in q.params
                ],
            }
            for q in queries
        ]
        click.echo(json.dumps(out, indent=2))
        return
    for q in queries:
        click.echo(f"{q.name}\n  {q.description}")
        for p in q.params:
            default = "optional" if p.default is None else f"default {p.default}"
            click.echo(f"    --param {p.name}=<{p.type}>  ({default})  {p.description}")


@query_group.command("run")
@click.argument("name")
@click.option(
    "-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A parameter (repeatable)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format (default: table on a terminal, json when piped).",
)
@click.option("--show-sparql", is_flag=True, help="Print the query and its bound values, do not run it.")
@click.option("--raw-csv", is_flag=True, help=RAW_CSV_HELP)
@click.pass_context
def query_run_cmd(
    ctx: click.Context, name: str, params: tuple[str, ...], fmt: str | None, show_sparql: bool, raw_csv: bool
) -> None:
    """Run the named query NAME; parameters are bound as RDF terms, never pasted.

    \b
    Example:
      kg query run suppliers-of-buyer --param buyer=India --param from=2000
      kg query run deal-timeline -p buyer=India -p system=S-400 --format csv
    """
    from kg.queries.named import get_query, parse_param_args, resolve_params, run_named, sparql_text

    given = parse_param_args(params)
    store = get_store(ctx, read_only=True)
    if show_sparql:
        query = get_query(name)
        bindings = resolve_params(query, given, store)
        click.echo(sparql_text(query))
        for key, term in bindings.items():
            click.echo(f"# ?{key} = {term.n3()}")
        return
    result = run_named(store, name, given)
    fmt = fmt or default_format()
    n = write_rows(result.variables, result.rows, fmt, sys.stdout, raw=raw_csv)
    sys.stdout.flush()  # a closed pipe (`| head`) ends quietly (kg.cli.app.KgGroup)
    if fmt != "table":
        click.echo(f"{n} row(s)", err=True)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free)."
)
@click.option("--writable", is_flag=True, help="Accept SPARQL updates (refused with 403 otherwise).")
@click.option(
    "--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1), help="Seconds per query."
)
@click.option("--max-rows", default=10000, show_default=True, type=click.IntRange(1), help="Result rows cap.")
@click.option("--max-body", default="1MB", show_default=True, help="Request body limit (e.g. 64KB, 1MB).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 32), help="Query processes.")
@click.option(
    "--views",
    "views_dir",
    type=InputPath(dir_okay=True, file_okay=False),
    help="Also serve the HTML files of this directory (read-only) under /views/.",
)
@click.option(
    "--allow-origin",
    "allow_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Let pages of this origin (e.g. http://localhost:3000) run queries and read answers. "
    "Other sites' pages are refused; updates stay same-origin. Repeatable.",
)
@click.pass_context
def serve_cmd(
    ctx: click.Context,
    host: str,
    port: int,
    writable: bool,
    timeout: float,
    max_rows: int,
    max_body: str,
    workers: int,
    views_dir: Path | None,
    allow_origins: tuple[str, ...],
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint with a query page at /.

    Read-only unless --writable; SERVICE, LOAD and FROM with file:/http(s): IRIs are
    refused; each query runs in a worker process without network, killed at --timeout.
    Queries from other sites' pages are refused unless --allow-origin names them.

    \b
    Example:
      kg serve --port 8000 --views out/
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5' \\
           http://127.0.0.1:8000/query
    """
    from kg.serve import ServeConfig, parse_size, serve_forever

    holder = ctx.find_root().obj
    location = getattr(holder, "location", None)
    from kg.store import default_location

    config = ServeConfig(
        location=location or default_location(),
        host=host,
        port=port,
        writable=writable,
        timeout=timeout,
        max_rows=max_rows,
        max_body=parse_size(max_body),
        workers=workers,
        views_dir=views_dir,
        allow_origins=tuple(o.rstrip("/") for o in allow_origins),
    )
    serve_forever(config, log=lambda m: click.echo(m, err=True))
