"""Import SIPRI export files into a store: one named graph per release (library API).

Each file is parsed (:mod:`kg.ingest.sipri.formats`) and mapped to N-Triples
(:mod:`kg.ingest.sipri.mapping`) by :class:`SipriImporter`; the import pipeline
(:mod:`kg.ingest.pipeline`) checks, guards and writes it with one bulk ``replace_graphs``
call into the graph of its release.  The release is identified by its title line, its ``Data generated`` date
and its layout, never by the file name, so:

* re-importing the same file leaves the stored release as it is (``unchanged``);
* two releases (e.g. the Oct 2024 and Feb 2026 registers) live side by side, never merged.

A file that cannot be read as a whole (unknown layout, no header, truncated preamble) is
*refused* and reported; a row that cannot be parsed or mapped is *skipped* and reported
with its physical line; everything else imports.

A worse file never silently replaces good data: without ``force`` a file is also refused,
and the stored data kept, when it has no usable row (no deal, no TIV observation), or when
it maps to fewer than :data:`MIN_KEEP_RATIO` (half) of the triples of the stored release it
would replace, or of the latest stored release of the same export (same title line and same
file name: a fresh download of it; the title alone is shared by different TIV tables).  A
damaged export (every row missing a field, a cut-off download) looks exactly like that.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from kg.errors import InputError
from kg.ingest.pipeline import Importer, ImportReport, InputOutcome, Prepared, run_import
from kg.ingest.sipri.formats import LAYOUTS, LayoutError, RowProblem, parse_file
from kg.ingest.sipri.mapping import map_release
from kg.store import Store
from kg.vocab.ns import SPARQL_PREFIXES

#: ``progress(path, done, total)``: rows mapped so far out of ``total`` for that file.
#: Called once with ``done=0`` when the file is parsed, then every few thousand rows,
#: and once with ``done=total`` before the graph is written.
ProgressCallback = Callable[[str, int, int], None]
#: A file mapping to fewer triples than this share of the stored release it replaces (or of
#: the latest stored release with the same title) is rejected unless ``force``.
MIN_KEEP_RATIO = 0.5


@dataclass
class FileReport(InputOutcome):
    """What happened to one file: the pipeline's outcome plus the release's figures."""

    layout: str | None = None
    release: str | None = None  # release IRI = graph IRI
    title: str | None = None
    generated: str | None = None
    rows_read: int = 0
    deals: int = 0
    deliveries: int = 0
    derived_deliveries: int = 0
    observations: int = 0
    parties: int = 0
    systems: int = 0
    problems: list[RowProblem] = field(default_factory=list)  # skipped rows (``skipped``: as text)
    seconds: float = 0.0


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is parsed and mapped.

    Why: a register makes tens of thousands of row objects that all stay alive until the
    file is mapped, so the collector's passes over them find nothing (0.1-0.2 s of CPU for
    the 16-column register); reference counting still frees everything else.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _worse_than_stored(
    store: Store, graph: URIRef, title: str | None, file_name: str, report: FileReport
) -> str | None:
    """Why this file must not replace what is stored (see the module docstring), or None."""
    if report.deals + report.observations == 0:
        return (
            f"no usable rows ({report.rows_read} read, {len(report.skipped)} skipped); "
            "nothing stored was changed (--force imports it anyway)"
        )
    stored = store.count(graph)
    what = "the stored release it would replace"
    if not stored and title:
        rows = store.select(
            SPARQL_PREFIXES
            + """SELECT ?g ?when WHERE { GRAPH ?g { ?g a kg:DatasetRelease ; kg:releaseTitle ?t ;
                   kg:sourceFile ?f . OPTIONAL { ?g kg:dataGenerated ?when } } }
                 ORDER BY DESC(STR(?when)) LIMIT 1""",
            {"t": Literal(title), "f": Literal(file_name)},
        )
        if rows:
            stored = store.count(URIRef(str(rows[0]["g"])))
            what = f"the latest stored release of this register ({rows[0].get('when', 'undated')})"
    if stored and report.triples < MIN_KEEP_RATIO * stored:
        return (
            f"{report.triples} triples, under {MIN_KEEP_RATIO:.0%} of the {stored} of {what} "
            f"({len(report.skipped)} rows skipped); the stored release is kept (--force imports it anyway)"
        )
    return None


class SipriImporter(Importer):
    """SIPRI exports into the pipeline: each file parsed and mapped before the unchanged
    check, which then also compares the release's triple count (a file mapped by a newer
    kg, or with ``derive_years``, differs), and guarded against shrinking a stored release.

    Why a file is mapped before the check: deleting a release's triples in Oxigraph costs
    far more than mapping it (about 40 s for the 1M-triple register), so an unchanged file
    is recognised with certainty and never rewritten.
    """

    relink = "release_graphs"
    bulk = True

    def __init__(
        self,
        paths: Iterable[str | Path],
        *,
        progress: ProgressCallback | None = None,
        derive_years: bool = False,
    ) -> None:
        self.paths, self.progress, self.derive_years = paths, progress, derive_years
        self.started: dict[int, float] = {}
        self.done = 0  # rows mapped so far in the current file (progress)

    def inputs(self) -> Iterator[Prepared | InputError]:
        for path in self.paths:
            yield self.prepare(path)

    def prepare(self, path: str | Path) -> Prepared | InputError:
        """Parse and map one file (never raises for bad input: a refusal is returned)."""
        start = time.perf_counter()
        name = str(path)
        with _no_cyclic_gc():
            try:
                parsed = parse_file(path)
            except LayoutError as exc:
                return InputError(exc.message, name, exc.line)
            except OSError as exc:
                return InputError(f"cannot read: {exc.strerror or exc}", name)
            report = FileReport(
                source=name, layout=parsed.layout, title=parsed.title, generated=parsed.generated
            )
            report.rows_read = total = len(parsed.rows) + len(parsed.problems)
            mapped = map_release(parsed, self._ticker(name, total), derive_years=self.derive_years)
        if self.progress is not None and self.done < total:
            self.progress(name, total, total)
        report.release = mapped.graph
        report.deals, report.deliveries = mapped.deals, mapped.deliveries
        report.derived_deliveries, report.observations = mapped.derived_deliveries, mapped.observations
        report.parties, report.systems = len(mapped.parties), len(mapped.systems)
        report.triples = len(mapped.lines)
        report.problems = sorted([*parsed.problems, *mapped.skipped], key=lambda p: p.line)
        report.skipped = [f"{name}:{p.line}: {p.reason}" for p in report.problems]
        report.warnings = mapped.warnings
        report.seconds = time.perf_counter() - start
        prepared = Prepared(
            report,
            graph=URIRef(mapped.graph),
            content_hash=parsed.content_hash,
            triples=report.triples,
            link=mapped.deals > 0,
            item=mapped,
        )
        self.started[id(prepared)] = start
        return prepared

    def _ticker(self, name: str, total: int) -> Callable[[int], None] | None:
        """``progress(name, done, total)`` from the mapper's row counts: once with 0, then in
        steps, and once with ``total`` before the graph is written (see :data:`ProgressCallback`)."""
        progress = self.progress
        if progress is None:
            return None
        progress(name, 0, total)
        self.done = 0

        def tick(n: int) -> None:
            self.done += n
            progress(name, min(self.done, total), total)

        return tick

    def map(self, todo: Iterable[Prepared]) -> Iterator[Prepared]:
        for prepared in todo:
            mapped = prepared.item
            prepared.graphs = {URIRef(mapped.graph): mapped.ntriples().encode("utf-8")}
            mapped.lines.clear()  # free the per-triple strings before the store's bulk load
            yield prepared

    def guard(self, store: Store, prepared: Prepared) -> str | None:
        report = prepared.record
        assert isinstance(report, FileReport) and prepared.graph is not None
        return _worse_than_stored(store, prepared.graph, report.title, Path(report.source).name, report)

    def written(self, prepared: Prepared) -> None:
        prepared.record.seconds = time.perf_counter() - self.started.pop(id(prepared))  # type: ignore[attr-defined]


def import_sipri(
    store: Store,
    paths: Iterable[str | Path],
    *,
    progress: ProgressCallback | None = None,
    force: bool = False,
    derive_years: bool = False,
    link_after: bool = True,
) -> ImportReport:
    """Import SIPRI register / TIV-table exports, one release graph per file.

    Layouts are detected from the header (see :data:`kg.ingest.sipri.formats.LAYOUTS`).  Returns
    an :class:`~kg.ingest.pipeline.ImportReport` whose inputs are :class:`FileReport`s (or
    plain refusals for files that could not be read): files refused as a whole are in
    ``report.refused`` (the other files still import), skipped rows in each ``skipped``.
    A release already stored with identical content is not rewritten unless ``force``.
    ``derive_years`` adds year-only derived deliveries to multi-year 16-column deals
    (a different graph content, so a stored release is rewritten).
    Article deals are then relinked to the changed releases (``link_after``).
    """
    importer = SipriImporter(paths, progress=progress, derive_years=derive_years)
    return run_import(store, importer, force=force, link_after=link_after)


__all__ = [
    "LAYOUTS",
    "MIN_KEEP_RATIO",
    "FileReport",
    "ProgressCallback",
    "SipriImporter",
    "import_sipri",
]
