"""``kg import sipri FILE...``: SIPRI registers and TIV tables (thin over kg.ingest.sipri)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kg.cli.app import get_store, import_group
from kg.errors import EXIT_REJECTED
from kg.ingest.pipeline import REFUSED, UNCHANGED, ImportReport, InputOutcome

#: Files with more rows than this get a progress bar (on stderr, only on a terminal).
PROGRESS_MIN_ROWS = 2000
#: Skipped rows listed one per line before the rest are summarised.
MAX_LISTED = 20


@import_group.command("sipri")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the skipped rows.")
@click.option(
    "--force",
    is_flag=True,
    help="Rewrite a release even if the same file is already imported, and import a file that would "
    "shrink a stored release below half or that has no usable row.",
)
@click.option(
    "--derive-years",
    is_flag=True,
    help="16-column register: add a year-only kg:derived delivery node per listed delivery year "
    "(quantities and TIV stay on the deal; nothing is spread).",
)
@click.option(
    "--show-all-skipped", is_flag=True, help=f"List every skipped row (default: first {MAX_LISTED})."
)
@click.pass_context
def import_sipri_cmd(
    ctx: click.Context,
    files: tuple[Path, ...],
    quiet: bool,
    force: bool,
    derive_years: bool,
    show_all_skipped: bool,
) -> None:
    """Import SIPRI Arms Transfers Database exports, one named graph per release.

    Layouts are recognised from the header line: the 16-column trade register
    (trade-register.csv, one row per deal), the 17-column register (trade_register.csv,
    one row per deal and delivery year), the TIV tables (import-export-values_*.csv) and
    the legacy per-supplier TIV tables (TIV-Export-*.csv).  A release is identified by its
    title and 'Data generated' date: re-importing a file changes nothing (an identical
    release already stored is not rewritten unless --force); two releases are kept side
    by side.

    Rows that cannot be read (wrong number of fields, non-numeric number, unknown party
    name) are skipped and listed as FILE:LINE: reason on stderr; the rest imports.

    \b
    Exit codes:
      0  all files imported (possibly with skipped rows, reported as warnings)
      3  at least one whole file was rejected (unknown layout, truncated or missing
         header, unreadable, no usable row, or under half the triples of the stored
         release it would replace or of the latest stored release with the same
         title and file name: the stored one is kept unless --force); the other
         files were still imported
      4  the store is locked by another writer
    """
    from kg.ingest.sipri.importer import import_sipri

    store = get_store(ctx)
    bars: dict[str, Any] = {}
    shown: dict[str, int] = {}

    def progress(path: str, done: int, total: int) -> None:
        if quiet or total < PROGRESS_MIN_ROWS:
            return
        bar = bars.get(path)
        if bar is None:
            bar = click.progressbar(length=total, label=Path(path).name, file=click.get_text_stream("stderr"))
            bar.__enter__()
            bars[path] = bar
            shown[path] = 0
        bar.update(done - shown[path])
        shown[path] = done
        if done >= total:
            bar.__exit__(None, None, None)

    try:
        report = import_sipri(store, list(files), progress=progress, force=force, derive_years=derive_years)
    finally:
        for bar in bars.values():
            bar.render_finish()
    for f in report.inputs:
        limit = None if show_all_skipped else MAX_LISTED
        for message in f.skipped[:limit]:
            click.echo(f"warning: skipped {message}", err=True)
        if limit is not None and len(f.skipped) > limit:
            click.echo(f"warning: ... and {len(f.skipped) - limit} more skipped rows in {f.source}", err=True)
        if not quiet:
            for warning in f.warnings[:MAX_LISTED]:
                click.echo(f"warning: {warning}", err=True)
        if f.outcome == REFUSED:
            click.echo(f"error: {f.source}: {_why(f)}", err=True)
    if not quiet:
        for line in summary(report):
            click.echo(line, err=True)
        click.echo(
            f"imported {len(report.inputs) - len(report.refused)} of {len(report.inputs)} file(s): "
            f"{report.total('deals')} deals, {report.total('deliveries')} deliveries, "
            f"{report.total('observations')} TIV observations, {report.total('triples')} triples; "
            f"{len(report.skipped)} rows skipped",
            err=True,
        )
    if report.refused:
        ctx.exit(EXIT_REJECTED)


def _why(f: InputOutcome) -> str:
    return f"line {f.line}: {f.reason}" if f.line else str(f.reason)


def summary(report: ImportReport) -> list[str]:
    """One human-readable line per file (printed on stderr, and by ``kg demo``)."""
    from kg.ingest.sipri.importer import FileReport

    lines = []
    for f in report.inputs:
        if f.outcome == REFUSED or not isinstance(f, FileReport):
            lines.append(f"{f.source}: REJECTED: {_why(f)}")
            continue
        what = (
            f"{f.observations} TIV observations"
            if f.layout and f.layout.startswith("tiv")
            else f"{f.deals} deals, {f.deliveries} deliveries ({f.derived_deliveries} derived)"
        )
        lines.append(
            f"{f.source}: {f.layout}, generated {f.generated or '?'}: {f.rows_read} rows read, {what}, "
            f"{f.parties} parties, {f.systems} systems, {f.triples} triples, "
            f"{len(f.skipped)} rows skipped ({f.seconds:.1f} s)"
            + (" [unchanged: already in the store]" if f.outcome == UNCHANGED else "")
        )
    return lines
