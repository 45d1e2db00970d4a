"""The root ``kg`` group, shared groups, store opening and error handling.

Errors a user can act on (:class:`kg.errors.KgError`) become one line on stderr and the
exit code their class carries; a traceback appears only with ``--debug``.  This is the one
place errors become exit codes: commands raise, they do not pick codes themselves.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from kg._version import __version__
from kg.errors import EXIT_ERROR, InputError, KgError, UnknownName
from kg.store import Store, default_location, open_store

EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 error, 2 usage, 3 validation failed or import rejected, 4 store locked."
)


class KgGroup(click.Group):
    """A group that turns library errors into one clear line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # `kg ... | head`: the reader left; end quietly
            _silence_stdout()
            _reported(ctx)
            ctx.exit(EXIT_ERROR)
        except KgError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            _reported(ctx)
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (OSError, MemoryError) as exc:
            if ctx.find_root().params.get("debug"):
                raise
            _reported(ctx)
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            click.echo(f"error: {where}{getattr(exc, 'strerror', None) or exc}", err=True)
            ctx.exit(EXIT_ERROR)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush of a closed pipe is silent.

    Why: after EPIPE, Python flushes ``sys.stdout`` again at exit and prints "Exception
    ignored ... BrokenPipeError"; the recipe in the ``signal`` module docs avoids that.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (CliRunner)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _reported(ctx: click.Context) -> None:
    """Note that an error line was printed, so closing the store does not print a second."""
    holder = ctx.find_root().obj
    if isinstance(holder, StoreHolder):
        holder.error_reported = True


class StoreHolder:
    """Opens the store lazily (read-only or writable, as the command needs) and closes it."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._store: Store | None = None
        self.error_reported = False

    def get(self, read_only: bool) -> Store:
        if self._store is None:
            self._store = open_store(self.location, read_only=read_only)
        return self._store

    def close(self) -> None:
        """Close the store; a failure (disk full on the last flush) is one line, exit 1.

        Why: this runs while click tears the command down, outside :meth:`KgGroup.invoke`,
        where an exception would print a traceback after the command's own error line.
        A command that could write also brings an existing search index in step first.
        """
        store, self._store = self._store, None
        if store is None:
            return
        if not store.read_only:
            _refresh_search(store)
        try:
            store.close()
        except (KgError, OSError) as exc:
            if not self.error_reported:
                click.echo(f"error: {exc}", err=True)
            raise click.exceptions.Exit(EXIT_ERROR) from None


def _refresh_search(store: Store) -> None:
    """After a command that could write: bring an existing search index in step (kg.analysis.search)."""
    from kg.analysis.search import index_exists, refresh

    try:
        if index_exists(store):
            refresh(store)
    except (KgError, OSError) as exc:  # the store is written; only the index lags (next search fixes it)
        click.echo(f"warning: search index not refreshed: {exc}", err=True)


@click.group(cls=KgGroup, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="kg")
@click.option(
    "--store",
    "store_location",
    envvar="KG_STORE",
    default=None,
    metavar="LOCATION",
    help="Store: a directory (Oxigraph on disk, default ./kg-store), 'memory:' or an http(s):// "
    "SPARQL endpoint. Env: KG_STORE.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, store_location: str | None, debug: bool) -> None:
    """kg: a sourced knowledge graph of defence relationships.

    Import SIPRI registers, news articles and RDF; query with SPARQL; draw the
    supplier/buyer network. Every fact keeps the source that states it.
    """
    holder = StoreHolder(store_location or default_location())
    ctx.obj = holder
    ctx.call_on_close(holder.close)


class InputPath(click.ParamType):
    """A file (or directory) the command reads: a missing one is rejected input (exit 3,
    one line naming it) as in ``kg import`` and ``kg extract``, not a usage error."""

    name = "path"

    def __init__(self, *, dir_okay: bool = False, file_okay: bool = True) -> None:
        self.dir_okay, self.file_okay = dir_okay, file_okay

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(value)
        if not path.exists():
            raise InputError("no such file or directory", str(path))
        if path.is_dir() and not self.dir_okay:
            raise InputError("is a directory, not a file", str(path))
        if not path.is_dir() and not self.file_okay:
            raise InputError("is a file, not a directory", str(path))
        return path


def get_store(ctx: click.Context, *, read_only: bool = False) -> Store:
    """The store named by ``--store``, opened for reading or writing."""
    holder = ctx.find_root().obj
    if not isinstance(holder, StoreHolder):  # invoked outside the root group (tests)
        holder = StoreHolder(default_location())
        ctx.find_root().obj = holder
        ctx.call_on_close(holder.close)
    return holder.get(read_only)


def require_graphs(store: Store, graphs: Iterable[str], kind: str | None = None, what: str = "graph") -> None:
    """Refuse a graph IRI the store does not hold (as a graph of class ``kind``, when given).

    Why: a ``--graph``/``--article``/``--release`` IRI with a typo used to match nothing and
    exit 0 silently, which reads as success; it is an unknown name (exit 2) like any other.
    """
    from rdflib import URIRef

    for graph in graphs:
        if kind is None:
            found = store.has_graph(URIRef(graph))
        else:
            found = store.ask("ASK { GRAPH ?g { ?g a ?kind } }", {"g": URIRef(graph), "kind": URIRef(kind)})
        if not found:
            raise UnknownName(f"no {what} <{graph}> in the store")


@cli.group("import", cls=KgGroup)
def import_group() -> None:
    """Import data into the store (each source into its own named graph)."""


class QueryGroup(KgGroup):
    """``kg query SPARQL`` runs ad-hoc SPARQL; ``kg query list|run`` manage named queries.

    Anything that is not a sub-command name is treated as the SPARQL text.
    """

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        if args and args[0] not in self.commands:
            return "sparql", self.commands["sparql"], args
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["sparql", *args]
        return super().parse_args(ctx, args)


@cli.group("query", cls=QueryGroup, invoke_without_command=False)
def query_group() -> None:
    """Run SPARQL: ``kg query 'SELECT ...'``, ``-f FILE`` or stdin; or named queries (``list``, ``run``)."""


def main() -> None:
    """Console-script entry point.

    Output still buffered when the command returns is flushed here, so a reader that left
    early (``kg extract a.md | head``) ends quietly too, not with "Exception ignored".
    """
    try:
        code: Any = cli.main(prog_name="kg")
    except SystemExit as exc:
        code = exc.code
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        code = code or EXIT_ERROR
    sys.exit(code)
