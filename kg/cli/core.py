"""Core commands: import rdf, export, query, stats, validate, demo."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from kg.cli.app import cli, get_store, import_group, query_group
from kg.cli.output import FORMATS, default_format, write_rows
from kg.errors import EXIT_REJECTED, ValidationFailed
from kg.store import EXPORT_FORMATS


@import_group.command("rdf")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdfxml"]),
    help="Parse every file in this format (default: from the file suffix).",
)
@click.pass_context
def import_rdf_cmd(ctx: click.Context, files: tuple[Path, ...], fmt: str | None) -> None:
    """Import RDF files, each into its own named graph (unless it carries graphs).

    A malformed file is reported with file:line and skipped, leaving the store as it was;
    the other files are imported. Exit code 3 if any file was rejected.
    """
    from kg.rdf_import import import_rdf

    store = get_store(ctx)
    report = import_rdf(store, list(files), fmt)
    for err in report.errors:
        click.echo(f"error: {err}", err=True)
    click.echo(
        f"imported {report.files} file(s), {report.triples} triple(s) into {len(report.graphs)} graph(s)"
        + (f"; rejected {len(report.errors)} file(s)" if report.errors else ""),
        err=True,
    )
    if report.errors:
        ctx.exit(EXIT_REJECTED)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (default stdout).")
@click.option("--graph", help="Export only this named graph (IRI).")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, output: Path | None, graph: str | None) -> None:
    """Export the store. Quad formats (trig, nq) keep named graphs; triple formats give the union."""
    from rdflib import URIRef

    store = get_store(ctx, read_only=True)
    target = URIRef(graph) if graph else None
    if output is None:
        store.export(fmt, sys.stdout.buffer, target)
        sys.stdout.buffer.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            store.export(fmt, out, target)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    click.echo(f"wrote {output}", err=True)


@query_group.command("sparql", hidden=True)
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format (default: table on a terminal, json when piped).",
)
@click.option(
    "--union",
    is_flag=True,
    help="Treat the default graph as the union of all named graphs (patterns need no GRAPH).",
)
@click.pass_context
def sparql_cmd(
    ctx: click.Context, sparql: str | None, query_file: Path | None, fmt: str | None, union: bool
) -> None:
    """Run a SPARQL query given as an argument, with -f FILE, or on stdin."""
    if query_file is not None:
        text = query_file.read_text(encoding="utf-8")
    elif sparql is not None:
        text = sparql
    elif not sys.stdin.isatty():
        text = sys.stdin.read()
    else:
        raise click.UsageError("give a query, -f FILE, or a query on stdin")
    run_and_print(ctx, text, fmt, union=union)


def run_and_print(ctx: click.Context, text: str, fmt: str | None, *, union: bool = False) -> None:
    """Run a query and print it (SELECT rows, ASK boolean, CONSTRUCT as N-Triples)."""
    store = get_store(ctx, read_only=True)
    result = store.query(text, union=union)
    fmt = fmt or default_format()
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        click.echo(json.dumps(answer) if fmt in ("json", "jsonl") else str(answer).lower())
    elif result.type in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.graph.serialize(format="nt"))
    else:
        write_rows([str(v) for v in result.vars or []], result, fmt, sys.stdout)


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
@click.pass_context
def validate_cmd(ctx: click.Context, file: Path | None, graph: str | None) -> None:
    """Validate the store (or an RDF FILE) against ontology/shapes.ttl with pySHACL.

    Exit code 3 with a readable report when the data does not conform.
    """
    import io

    from rdflib import Dataset, URIRef

    from kg.rdf_import import parse_file
    from kg.validate import validate

    buf = io.BytesIO()
    if file is not None:
        scratch, _ = parse_file(file)
        scratch.dump(buf, EXPORT_FORMATS["nq"])
    else:
        # the whole store is the context even for one graph: parties and systems are
        # typed in the reference graph, and a graph's nodes are checked against all of it
        get_store(ctx, read_only=True).export("nq", buf)
    data = Dataset()
    data.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
    report = validate(data, graphs=[URIRef(graph)] if graph else None)
    click.echo(report.text)
    if not report.conforms:
        raise ValidationFailed("data does not conform to the SHACL shapes (report above)")


@cli.command("demo")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True)
@click.option(
    "--sipri",
    "registers",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also import this SIPRI export (e.g. ../shared/data/sipri/trade-register.csv). Repeatable.",
)
@click.pass_context
def demo_cmd(ctx: click.Context, out_dir: Path, registers: tuple[Path, ...]) -> None:
    """Build the demo graph from data/ (reference tables, curated deals, example articles).

    Writes the HTML views and the India diversification report into --out and prints
    where they are.
    """
    from kg.demo import run_demo

    result = run_demo(get_store(ctx), out_dir, log=lambda m: click.echo(m, err=True), registers=registers)
    click.echo(result.summary())
