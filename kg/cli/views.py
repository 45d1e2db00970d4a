"""``kg view network|country|deals``, ``kg report diversification``, ``kg network export``.

Thin: options are parsed into :class:`kg.analysis.network.Filters` by one shared decorator,
the library builds and writes; messages go to stderr, nothing to stdout but data.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.analysis import network as kn
from kg.cli.app import KgGroup, cli, get_store
from kg.cli.output import RAW_CSV_HELP
from kg.io.atomicwrite import is_stdout


def _release_option() -> Callable[..., Any]:
    return click.option(
        "--release",
        metavar="DATE|FILE",
        help="Read this SIPRI register release (generated date such as 2024-10-13, or file name); "
        "default: the latest whose coverage includes the years (see kg releases).",
    )


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the shared filter options; the command receives them as ``filters: Filters``."""
    options = [
        click.option("--from", "year_from", type=int, metavar="YEAR", help="First year (order or delivery)."),
        click.option("--to", "year_to", type=int, metavar="YEAR", help="Last year (order or delivery)."),
        click.option("--category", type=click.Choice(list(kn.ns.CATEGORIES)), help="Weapon category."),
        click.option("--status", type=click.Choice(list(kn.ns.STATUSES)), help="Deal status."),
        click.option("--supplier", metavar="NAME", help="Supplier name, alias or IRI (e.g. Russia, USSR)."),
        click.option("--buyer", metavar="NAME", help="Buyer name, alias or IRI (e.g. India)."),
        click.option(
            "--source",
            type=click.Choice(list(kn.SOURCES)),
            default="all",
            show_default=True,
            help="Which sources: SIPRI register releases, news articles, or all.",
        ),
        click.option(
            "--min-tiv", type=float, metavar="TIV", help="Drop supplier->buyer pairs below this TIV."
        ),
        _release_option(),
    ]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        filters = kn.Filters(
            year_from=kwargs.pop("year_from"),
            year_to=kwargs.pop("year_to"),
            category=kwargs.pop("category"),
            status=kwargs.pop("status"),
            supplier=kwargs.pop("supplier"),
            buyer=kwargs.pop("buyer"),
            source=kwargs.pop("source"),
            min_tiv=kwargs.pop("min_tiv"),
            release=kwargs.pop("release"),
        )
        return func(*args, filters=filters, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def _output(required: bool = True) -> Callable[..., Any]:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        required=required,
        help="HTML file to write (atomically, UTF-8; '-' for stdout).",
    )


def _done(path: Path, started: float, what: str) -> None:
    if is_stdout(path) or not path.is_file():  # stdout, a device or a FIFO: no size to tell
        click.echo(f"wrote {what} to {path} ({time.perf_counter() - started:.1f} s)", err=True)
        return
    size = path.stat().st_size
    click.echo(
        f"wrote {what} to {path} ({size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s)", err=True
    )


@cli.group("view", cls=KgGroup)
def view_group() -> None:
    """Write interactive HTML views (open offline in any browser)."""


@view_group.command("network")
@_output()
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Draw every party (default: those carrying 90% of the volume; the rest folded into 'others').",
)
@filter_options
@click.pass_context
def view_network_cmd(ctx: click.Context, output: Path, show_all: bool, filters: kn.Filters) -> None:
    """The supplier -> buyer network: node size and edge width by delivered TIV, with a year slider.

    \b
    Example:
      kg view network --from 2015 --to 2024 --category aircraft -o aircraft.html
    """
    from kg.present.views import network_view, write_view

    started = time.perf_counter()
    store = get_store(ctx, read_only=True)
    view = network_view(store, filters, top_share=None if show_all else 0.9)
    _done(write_view(view, output), started, "network view")


@view_group.command("country")
@click.argument("name")
@_output()
@filter_options
@click.pass_context
def view_country_cmd(ctx: click.Context, name: str, output: Path, filters: kn.Filters) -> None:
    """A country's suppliers (left) and customers (right), edges labelled with top systems.

    \b
    Example:
      kg view country India -o india.html
    """
    from kg.present.views import country_view, write_view

    started = time.perf_counter()
    store = get_store(ctx, read_only=True)
    _done(write_view(country_view(store, name, filters), output), started, "country view")


@view_group.command("deals")
@_output()
@click.option(
    "--limit", type=click.IntRange(1, 5000), default=300, show_default=True, help="Largest N deals."
)
@filter_options
@click.pass_context
def view_deals_cmd(ctx: click.Context, output: Path, limit: int, filters: kn.Filters) -> None:
    """Supplier -> system -> buyer per deal; click a deal for its status timeline and sources.

    \b
    Example:
      kg view deals --buyer India --from 2015 -o india-deals.html
    """
    from kg.present.views import deals_view, write_view

    started = time.perf_counter()
    store = get_store(ctx, read_only=True)
    _done(write_view(deals_view(store, filters, limit=limit), output), started, "deals view")


@cli.group("report", cls=KgGroup)
def report_group() -> None:
    """Write analytical reports (charts, tables, sources)."""


@report_group.command("diversification")
@click.option(
    "--buyer",
    "buyer_names",
    multiple=True,
    metavar="NAME",
    help="The importing country (e.g. India); repeat it to compare buyers side by side.",
)
@click.option(
    "--away-from",
    "away_from",
    metavar="NAME",
    help="Instead: rank all buyers by the change of this supplier's share between the last two periods.",
)
@click.option(
    "--min-volume",
    type=float,
    default=None,
    metavar="TIV",
    help="With --away-from: minimum imports of a buyer in each period (default 500 TIV).",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory.",
)
@click.option("--period", type=click.IntRange(1, 50), default=5, show_default=True, help="Years per period.")
@click.option(
    "--top", type=click.IntRange(1, 12), default=8, show_default=True, help="Suppliers drawn by name."
)
@click.option("--show", multiple=True, metavar="NAME", help="Also draw this supplier by name (repeatable).")
@click.option("--from", "year_from", type=int, metavar="YEAR", help="First year.")
@click.option("--to", "year_to", type=int, metavar="YEAR", help="Last year.")
@click.option("--category", type=click.Choice(list(kn.ns.CATEGORIES)), help="Weapon category.")
@click.option(
    "--source", type=click.Choice(list(kn.SOURCES)), default="all", show_default=True, help="Sources."
)
@_release_option()
@click.pass_context
def report_diversification_cmd(
    ctx: click.Context,
    buyer_names: tuple[str, ...],
    away_from: str | None,
    min_volume: float | None,
    out_dir: Path,
    period: int,
    top: int,
    show: tuple[str, ...],
    year_from: int | None,
    year_to: int | None,
    category: str | None,
    source: str,
    release: str | None,
) -> None:
    """Supplier shares, HHI and volumes of one buyer over time (PNG, SVG, HTML, Markdown).

    The share chart counts the Soviet Union and Russia as one line ("Soviet Union/Russia");
    the tables keep them apart.  Each period's figures come from one register release
    (the latest covering it, or --release); the report says which.  Several --buyer
    options write a comparison (comparison.html/.md); --away-from ranks every buyer.

    \b
    Examples:
      kg report diversification --buyer India --from 1990 --to 2024 --show Germany -o out/india
      kg report diversification --buyer India --buyer Pakistan --buyer Egypt -o out/compare
      kg report diversification --away-from Russia -o out/away
    """
    from kg.present.comparison import MIN_VOLUME, away_from_report, comparison_report
    from kg.present.report import diversification_report

    if is_stdout(out_dir):
        raise click.BadParameter(
            "a report is a directory of files; '-' (stdout) cannot hold it", param_hint="-o"
        )
    started = time.perf_counter()
    if bool(away_from) == bool(buyer_names):
        raise click.UsageError("give --buyer NAME (one or more) or --away-from NAME")
    store = get_store(ctx, read_only=True)
    filters = kn.Filters(
        year_from=year_from, year_to=year_to, category=category, source=source, release=release
    )
    if away_from:
        files = away_from_report(
            store, away_from, out_dir, filters=filters, length=period, min_volume=min_volume or MIN_VOLUME
        ).files
    elif len(buyer_names) > 1:
        files = comparison_report(
            store, list(buyer_names), out_dir, filters=filters, length=period, top=top
        ).files
    else:
        files = diversification_report(
            store, buyer_names[0], out_dir, filters=filters, length=period, top=top, show=list(show)
        ).files
    pages = [
        p for name, p in files.items() if name.endswith(".html") and not name.endswith("-suppliers.html")
    ]
    page = pages[0] if pages else out_dir
    click.echo(
        f"wrote {len(files)} files to {out_dir} ({time.perf_counter() - started:.1f} s); open {page}",
        err=True,
    )


@cli.group("network", cls=KgGroup)
def network_group() -> None:
    """The supplier -> buyer network as data (GEXF, GraphML, CSV)."""


@network_group.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(list(kn.EXPORT_FORMATS)), required=True, help="File format."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File ('-': stdout).",
)
@click.option("--raw-csv", is_flag=True, help=RAW_CSV_HELP)
@filter_options
@click.pass_context
def network_export_cmd(
    ctx: click.Context, fmt: str, output: Path, raw_csv: bool, filters: kn.Filters
) -> None:
    """Export the filtered network (nodes: parties; edges: supplier -> buyer with totals).

    \b
    Example:
      kg network export --format gexf --buyer India -o india.gexf
    """
    store = get_store(ctx, read_only=True)
    g = kn.build_graph(store, filters)
    kn.export_graph(g, output, fmt, raw_csv=raw_csv)
    click.echo(f"wrote {g.number_of_nodes()} nodes, {g.number_of_edges()} edges to {output}", err=True)


def _format_option() -> Callable[..., Any]:
    from kg.cli.output import FORMATS

    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(FORMATS)),
        default=None,
        help="Output format (default: table on a terminal, json when piped).",
    )


@network_group.command("shares")
@click.option(
    "--buyer", "buyer_name", required=True, metavar="NAME", help="The importing country (e.g. India)."
)
@click.option(
    "--by",
    type=click.Choice(["period", "year", "rolling"]),
    default="period",
    show_default=True,
    help="Grouping.",
)
@click.option(
    "--period", type=click.IntRange(1, 50), default=5, show_default=True, help="Years per period/window."
)
@click.option("--from", "year_from", type=int, metavar="YEAR", help="First year.")
@click.option("--to", "year_to", type=int, metavar="YEAR", help="Last year.")
@click.option("--category", type=click.Choice(list(kn.ns.CATEGORIES)), help="Weapon category.")
@click.option(
    "--source", type=click.Choice(list(kn.SOURCES)), default="all", show_default=True, help="Sources."
)
@_format_option()
@click.option("--raw-csv", is_flag=True, help=RAW_CSV_HELP)
@click.pass_context
def network_shares_cmd(
    ctx: click.Context,
    buyer_name: str,
    by: str,
    period: int,
    year_from: int | None,
    year_to: int | None,
    category: str | None,
    source: str,
    fmt: str | None,
    raw_csv: bool,
) -> None:
    """Suppliers' shares of a buyer's imports per period (delivered TIV), with the HHI.

    \b
    Example:
      kg network shares --buyer India --from 1990 --to 2024 --format csv
    """
    import sys

    from kg.cli.output import default_format, write_rows

    store = get_store(ctx, read_only=True)
    filters = kn.Filters(year_from=year_from, year_to=year_to, category=category, source=source)
    t = kn.supplier_shares(store, buyer_name, filters, by=by, length=period)
    rows = [
        (key, t.labels.get(s, s), s, round(v, 3), round(t.share(key, s), 4), t.basis[key], round(t.hhi(key)))
        for key in t.keys
        for s, v in sorted(t.volume.get(key, {}).items(), key=lambda kv: -kv[1])
    ]
    variables = ["period", "supplier", "supplier_iri", "volume", "share", "basis", "hhi"]
    write_rows(variables, rows, fmt or default_format(), sys.stdout, raw=raw_csv)


@network_group.command("centrality")
@click.option("--top", type=click.IntRange(1, 10000), default=20, show_default=True, help="Rows to print.")
@filter_options
@_format_option()
@click.option("--raw-csv", is_flag=True, help=RAW_CSV_HELP)
@click.pass_context
def network_centrality_cmd(
    ctx: click.Context, top: int, filters: kn.Filters, fmt: str | None, raw_csv: bool
) -> None:
    """PageRank (weighted by delivered TIV) and degrees of the filtered network.

    \b
    Example:
      kg network centrality --from 2015 --top 10
    """
    import sys

    from kg.cli.output import default_format, write_rows

    store = get_store(ctx, read_only=True)
    g = kn.build_graph(store, filters, detail=False)
    c = kn.centrality(g)
    ranked = sorted(c, key=lambda n: -c[n]["pagerank"])[:top]
    rows = [
        (
            g.nodes[n]["label"],
            n,
            round(c[n]["pagerank"], 5),
            int(c[n]["in_degree"]),
            int(c[n]["out_degree"]),
            round(g.nodes[n]["received_tiv"], 1),
            round(g.nodes[n]["supplied_tiv"], 1),
        )
        for n in ranked
    ]
    variables = ["party", "iri", "pagerank", "suppliers", "customers", "imports_tiv", "exports_tiv"]
    write_rows(variables, rows, fmt or default_format(), sys.stdout, raw=raw_csv)


@cli.command("releases")
@_format_option()
@click.pass_context
def releases_cmd(ctx: click.Context, fmt: str | None) -> None:
    """The SIPRI releases in the store: generated date, columns, coverage, rows, deals.

    Releases are versions of one register: aggregates read one release per period and
    measure (deliveries, orders, undelivered), the latest whose coverage includes it.

    \b
    Example:
      kg releases --format table
    """
    import sys

    from kg.cli.output import default_format, write_rows
    from kg.queries.releases import register_releases

    store = get_store(ctx, read_only=True)
    rows = [
        (r.date, r.file or "", r.columns or "", r.coverage, r.rows, r.deals, r.title, r.iri)
        for r in register_releases(store, counts=True)
    ]
    variables = ["generated", "file", "columns", "coverage", "rows", "deals", "title", "release"]
    write_rows(variables, rows, fmt or default_format(), sys.stdout)
