"""Import SIPRI export files into a store: one named graph per release (library API).

Each file is parsed (:mod:`kg.ingest.sipri.formats`), mapped to N-Triples
(:mod:`kg.ingest.sipri.mapping`) and written with one bulk ``replace_graphs`` call into the graph
of its release.  The release is identified by its title line, its ``Data generated`` date
and its layout, never by the file name, so:

* re-importing the same file replaces the graph with identical triples (idempotent);
* two releases (e.g. the Oct 2024 and Feb 2026 registers) live side by side, never merged.

A file that cannot be read as a whole (unknown layout, no header, truncated preamble) is
*rejected* and reported; a row that cannot be parsed or mapped is *skipped* and reported
with its physical line; everything else imports.

A worse file never silently replaces good data: without ``force`` a file is also rejected,
and the stored data kept, when it has no usable row (no deal, no TIV observation), or when
it maps to fewer than :data:`MIN_KEEP_RATIO` (half) of the triples of the stored release it
would replace, or of the latest stored release of the same export (same title line and same
file name: a fresh download of it; the title alone is shared by different TIV tables).  A
damaged export (every row missing a field, a cut-off download) looks exactly like that.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from kg.ingest.base_graphs import with_base_graphs
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
class FileReport:
    """What happened to one file."""

    path: str
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
    triples: int = 0
    skipped: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rejected: str | None = None  # why the whole file was refused
    unchanged: bool = False  # the same release with the same content was already stored
    seconds: float = 0.0

    def skipped_messages(self) -> list[str]:
        """``file:line: reason`` for each skipped row, in line order."""
        return [f"{self.path}:{p.line}: {p.reason}" for p in sorted(self.skipped, key=lambda p: p.line)]


@dataclass
class ImportReport:
    """One :class:`FileReport` per input file, plus totals."""

    files: list[FileReport] = field(default_factory=list)
    links: object | None = None  # kg.ingest.linking.LinkReport when linking ran after the import

    @property
    def rejected(self) -> list[FileReport]:
        return [f for f in self.files if f.rejected]

    @property
    def skipped_rows(self) -> int:
        return sum(len(f.skipped) for f in self.files)

    def total(self, attr: str) -> int:
        """Sum of ``attr`` over the files that were imported (not rejected)."""
        return sum(int(getattr(f, attr)) for f in self.files if not f.rejected)

    def summary(self) -> list[str]:
        """Human-readable lines (the CLI prints them on stderr)."""
        lines = []
        for f in self.files:
            if f.rejected:
                lines.append(f"{f.path}: REJECTED: {f.rejected}")
                continue
            what = (
                f"{f.observations} TIV observations"
                if f.layout and f.layout.startswith("tiv")
                else f"{f.deals} deals, {f.deliveries} deliveries ({f.derived_deliveries} derived)"
            )
            lines.append(
                f"{f.path}: {f.layout}, generated {f.generated or '?'}: {f.rows_read} rows read, {what}, "
                f"{f.parties} parties, {f.systems} systems, {f.triples} triples, "
                f"{len(f.skipped)} rows skipped ({f.seconds:.1f} s)"
                + (" [unchanged: already in the store]" if f.unchanged else "")
            )
        return lines


def _already_stored(store: Store, graph: URIRef, content_hash: str, triples: int) -> bool:
    """True when ``graph`` holds this file's content hash and exactly ``triples`` triples.

    Why: replacing a graph means deleting its old triples first, and deletion in Oxigraph
    costs far more than loading (about 40 s for the 1M-triple register); re-importing an
    unchanged file would rewrite identical triples, so it is skipped instead.
    """
    rows = store.select(
        SPARQL_PREFIXES + "SELECT ?h WHERE { GRAPH ?g { ?g kg:contentHash ?h } }", {"g": graph}
    )
    if [str(r["h"]) for r in rows if "h" in r] != [content_hash]:
        return False
    return store.count(graph) == triples


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


def import_file(
    store: Store,
    path: str | Path,
    *,
    progress: ProgressCallback | None = None,
    force: bool = False,
    derive_years: bool = False,
) -> FileReport:
    """Parse, map and write one file; never raises for bad input (see ``rejected``).

    An identical release already in the store (same graph, same content hash, same number
    of triples) is left as it is (``unchanged``) unless ``force`` rewrites it.
    """
    start = time.perf_counter()
    name = str(path)
    report = FileReport(path=name)
    try:
        parsed = parse_file(path)
    except LayoutError as exc:
        report.rejected = f"line {exc.line}: {exc.message}" if exc.line else exc.message
        return report
    except OSError as exc:
        report.rejected = f"cannot read: {exc.strerror or exc}"
        return report
    report.layout = parsed.layout
    report.title = parsed.title
    report.generated = parsed.generated
    report.rows_read = len(parsed.rows) + len(parsed.problems)
    total = report.rows_read
    done = 0
    if progress is not None:
        progress(name, 0, total)

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(name, min(done, total), total)

    mapped = map_release(parsed, tick if progress is not None else None, derive_years=derive_years)
    if progress is not None and done < total:
        progress(name, total, total)
    report.release = mapped.graph
    report.deals = mapped.deals
    report.deliveries = mapped.deliveries
    report.derived_deliveries = mapped.derived_deliveries
    report.observations = mapped.observations
    report.parties = len(mapped.parties)
    report.systems = len(mapped.systems)
    report.triples = len(mapped.lines)
    report.skipped = [*parsed.problems, *mapped.skipped]
    report.warnings = mapped.warnings
    graph = URIRef(mapped.graph)
    if not force and _already_stored(store, graph, parsed.content_hash, report.triples):
        report.unchanged = True
    elif not force and (worse := _worse_than_stored(store, graph, parsed.title, Path(path).name, report)):
        report.rejected = worse
    else:
        payload = mapped.ntriples().encode("utf-8")
        mapped.lines.clear()  # free the per-triple strings before the store's bulk load
        store.replace_graphs({graph: payload}, bulk=True)
    report.seconds = time.perf_counter() - start
    return report


#: Relinking after a register import has work only when the store holds articles (deals
#: to link) or links (perhaps stale, to re-check); without either, ``link`` would still
#: read every supplier/buyer pair of the release (about 1 s for the register) to find none.
_LINKABLE = "ASK { { GRAPH ?g { ?g a kg:NewsArticle } } UNION { GRAPH ?l { ?link a kg:DealLink } } }"


@with_base_graphs
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
    an :class:`ImportReport`; files refused as a whole are listed in ``report.rejected``
    (the other files still import), skipped rows in each file's ``skipped``.  A release
    already stored with identical content is not rewritten unless ``force``.
    ``derive_years`` adds year-only derived deliveries to multi-year 16-column deals
    (a different graph content: combine with ``force`` to rewrite a stored release).
    Article deals are then relinked to the changed releases (``link_after``).
    """
    report = ImportReport()
    for path in paths:
        report.files.append(
            import_file(store, path, progress=progress, force=force, derive_years=derive_years)
        )
    changed = [f.release for f in report.files if f.release and f.deals and not (f.rejected or f.unchanged)]
    if changed and link_after and store.ask(SPARQL_PREFIXES + _LINKABLE):
        from kg.ingest.linking import link

        # relink only the article deals whose supplier/buyer pairs the new releases hold
        report.links = link(store, release_graphs=changed)
    return report


__all__ = [
    "LAYOUTS",
    "MIN_KEEP_RATIO",
    "FileReport",
    "ImportReport",
    "ProgressCallback",
    "import_file",
    "import_sipri",
]
