"""Core commands: import rdf, export, query, stats, validate, demo."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli.app import InputPath, cli, get_store, import_group, query_group, require_graphs
from kg.cli.output import FORMATS, RAW_CSV_HELP, default_format, write_rows
from kg.errors import EXIT_REJECTED, UnknownName, ValidationFailed
from kg.io.atomicwrite import STDOUT, is_stdout, open_atomic
from kg.store import EXPORT_FORMATS


@import_group.command("rdf")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdfxml"]),
    help="Parse every file in this format (default: from the file suffix).",
)
@click.option(
    "--force", is_flag=True, help="Import into kg's own graphs (reference, ontology, links, source graphs)."
)
@click.pass_context
def import_rdf_cmd(ctx: click.Context, files: tuple[Path, ...], fmt: str | None, force: bool) -> None:
    """Import RDF files, each into its own named graph (unless it carries graphs).

    A malformed file is reported with file:line and skipped, leaving the store as it was;
    the other files are imported. A file naming one of kg's own graphs (reference,
    ontology, links, a source graph kg mints) is refused unless --force; RDF/XML declaring
    DTD entities is always refused. Exit code 3 if any file was rejected.
    """
    from kg.ingest.rdf import import_rdf

    store = get_store(ctx)
    report = import_rdf(store, list(files), fmt, force=force)
    for err in report.errors:
        click.echo(f"error: {err}", err=True)
    stored = report.having("added", "replaced", "unchanged")  # a file already imported counts as imported
    click.echo(
        f"imported {len(stored)} file(s), {report.total('triples')} triple(s) into "
        f"{sum(len(f.graphs) for f in stored)} graph(s)"
        + (f" ({len(report.unchanged)} unchanged)" if report.unchanged else "")
        + (f"; rejected {len(report.errors)} file(s)" if report.errors else ""),
        err=True,
    )
    if report.errors:
        ctx.exit(EXIT_REJECTED)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="trig", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (default, or '-': stdout)."
)
@click.option("--graph", help="Export only this named graph (IRI).")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, output: Path | None, graph: str | None) -> None:
    """Export the store. Quad formats (trig, nq) keep named graphs; triple formats give the union."""
    from rdflib import URIRef

    store = get_store(ctx, read_only=True)
    if graph:
        require_graphs(store, [graph])
    target = URIRef(graph) if graph else None
    with open_atomic(output or STDOUT) as out:
        store.export(fmt, out, target)
    if output is not None and not is_stdout(output):
        click.echo(f"wrote {output}", err=True)


@query_group.command("sparql", hidden=True)
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=InputPath())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format (default: table on a terminal, json when piped).",
)
@click.option("--raw-csv", is_flag=True, help=RAW_CSV_HELP)
@click.option(
    "--union",
    is_flag=True,
    help="Treat the default graph as the union of all named graphs (patterns need no GRAPH).",
)
@click.pass_context
def sparql_cmd(
    ctx: click.Context,
    sparql: str | None,
    query_file: Path | None,
    fmt: str | None,
    raw_csv: bool,
    union: bool,
) -> None:
    """Run a SPARQL query given as an argument, with -f FILE, or on stdin (also ``-``)."""
    if query_file is not None:
        text = query_file.read_text(encoding="utf-8")
    elif sparql == "-":
        text = sys.stdin.read()
    elif sparql is not None:
        text = sparql
    elif not sys.stdin.isatty():
        text = sys.stdin.read()
    else:
        raise click.UsageError("give a query, -f FILE, or a query on stdin")
    run_and_print(ctx, text, fmt, raw_csv=raw_csv, union=union)


def run_and_print(
    ctx: click.Context, text: str, fmt: str | None, *, raw_csv: bool = False, union: bool = False
) -> None:
    """Run a query and print it (SELECT rows, ASK boolean, CONSTRUCT as N-Triples)."""
    from kg.store import refuse_outbound_query

    refuse_outbound_query(text)  # SERVICE/LOAD: refused before the store is opened
    store = get_store(ctx, read_only=True)
    result = store.query_isolated(text, union=union)  # user SPARQL: evaluated without network
    fmt = fmt or default_format()
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        click.echo(json.dumps(answer) if fmt in ("json", "jsonl") else str(answer).lower())
    elif result.type in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.graph.serialize(format="nt"))
    else:
        write_rows([str(v) for v in result.vars or []], result, fmt, sys.stdout, raw=raw_csv)


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def stats_cmd(ctx: click.Context, as_json: bool) -> None:
    """Counts: triples, graphs, parties, systems, deals, deliveries, sources, claims."""
    stats = get_store(ctx, read_only=True).stats()
    if as_json:
        click.echo(json.dumps(stats))
    else:
        for key, value in stats.items():
            click.echo(f"{key:<11}{value:>10}")


@cli.command("validate")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--graph", help="Validate only this named graph of the store (IRI).")
@click.option(
    "--engine",
    type=click.Choice(["sparql", "pyshacl"]),
    default="sparql",
    show_default=True,
    help="sparql: the shapes compiled to SPARQL and run inside Oxigraph (seconds on the whole "
    "SIPRI register); pyshacl: the reference SHACL engine (same report, ~90 s on the register).",
)
@click.pass_context
def validate_cmd(ctx: click.Context, file: Path | None, graph: str | None, engine: str) -> None:
    """Validate the store (or an RDF FILE) against ontology/shapes.ttl (SHACL).

    Exit code 3 with a readable report when the data does not conform. Progress goes to stderr.
    """
    import io
    import time

    from pyoxigraph import NamedNode
    from rdflib import Dataset, URIRef

    from kg.analysis.validate import Unsupported, validate, validate_store
    from kg.ingest.rdf import parse_file
    from kg.store import as_pyoxigraph

    started = time.perf_counter()
    graphs = [URIRef(graph)] if graph else None
    store = get_store(ctx, read_only=True) if file is None else None
    parsed = parse_file(file)[0] if file is not None else None
    if graph and store is not None:
        require_graphs(store, [graph])
    elif graph and parsed is not None and not parsed.contains_named_graph(NamedNode(graph)):
        raise UnknownName(f"no graph <{graph}> in {file}")
    report = None
    if engine == "sparql":
        if parsed is not None:
            target, scratch = parsed, True
        else:
            target, scratch = as_pyoxigraph(store)  # type: ignore[arg-type]
        try:
            report = validate_store(target, graphs=graphs, progress=_progress, with_ontology=scratch)
        except Unsupported as exc:
            click.echo(
                f"validate: the SPARQL engine cannot compile the shapes ({exc}); using pyshacl", err=True
            )
    if report is None:
        click.echo("validate: running pyshacl (about 90 s on the whole SIPRI register)...", err=True)
        buf = io.BytesIO()
        if file is not None:  # parsed again: the SPARQL engine's try loaded the ontology into it
            parse_file(file)[0].dump(buf, EXPORT_FORMATS["nq"])
        else:
            # the whole store is the context even for one graph: parties and systems are
            # typed in the reference graph, and a graph's nodes are checked against all of it
            store.export("nq", buf)  # type: ignore[union-attr]
        data = Dataset()
        data.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
        report = validate(data, graphs=graphs, engine="pyshacl")
    click.echo(f"validate: done in {time.perf_counter() - started:.1f} s ({engine})", err=True)
    click.echo(report.text)
    if not report.conforms:
        raise ValidationFailed("data does not conform to the SHACL shapes (report above)")


def _progress(done: int, total: int, shape: str) -> None:
    """One progress line on stderr: rewritten in place on a terminal, every 25 checks otherwise."""
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        click.echo(f"\rvalidate: {done}/{total} checks {shape:<50}"[:100] + end, err=True, nl=False)
    elif done == 0 or done == total or done % 25 == 0:
        click.echo(f"validate: {done}/{total} checks", err=True)


@cli.command("demo")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True)
@click.option(
    "--sipri",
    "registers",
    multiple=True,
    type=InputPath(),
    help="Also import this SIPRI export (e.g. ../shared/data/sipri/trade-register.csv). Repeatable.",
)
@click.pass_context
def demo_cmd(ctx: click.Context, out_dir: Path, registers: tuple[Path, ...]) -> None:
    """Build the demo graph from data/ (reference tables, curated deals, example articles).

    Writes the HTML views and the India diversification report into --out and prints
    where they are.
    """
    from kg.cli.demo import run_demo

    result = run_demo(get_store(ctx), out_dir, log=lambda m: click.echo(m, err=True), registers=registers)
    click.echo(result.summary())
