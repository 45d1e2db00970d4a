"""One import pipeline: every importer (articles, SIPRI, RDF, curated tables) plugs into it.

An importer knows its inputs: it reads each one and maps it to the N-Triples of its source
graph(s) (an :class:`Importer` yields :class:`Prepared` inputs).  Everything else is done
here, once, the same way for every importer (:func:`run_import`):

1. **refused**: an input that cannot be read or mapped becomes an outcome naming its file
   and line (the importer yields an :class:`~kg.errors.InputError`); the other inputs go on;
2. **unchanged**: the input's key graph already carries the input's content hash
   (``kg:contentHash``; and the same number of triples when the importer mapped it before
   the check): nothing is written, so re-importing the same input changes nothing;
3. **guard**: an importer may refuse an input that would replace better data (a SIPRI
   export with under half the triples of the release it replaces), unless ``force``;
4. **write**: one all-or-nothing ``replace_graphs`` per input, so the store is never
   half-written: the outcome is **added** (its graphs were empty) or **replaced**;
5. then the base graphs (ontology, reference) are ensured, only when the store holds data
   (an import that refused everything leaves the store as it was), and the article deals
   the written graphs concern are relinked to register deals.

Whatever the importer, the result is one :class:`ImportReport`: one :class:`InputOutcome`
per input (an importer may extend it with its own figures, as SIPRI's ``FileReport`` does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef

from kg.errors import InputError
from kg.ingest.base_graphs import ensure_base_graphs, holds_data
from kg.ingest.linking import LinkReport, link
from kg.store import Store
from kg.vocab import ns

ADDED = "added"
UNCHANGED = "unchanged"
REPLACED = "replaced"
REFUSED = "refused"
OUTCOMES = (ADDED, UNCHANGED, REPLACED, REFUSED)


@dataclass
class InputOutcome:
    """What happened to one input (a file, one article of a batch, a table).

    ``outcome`` is one of :data:`OUTCOMES`; a refused input has a ``reason`` and, where
    known, the ``line`` it was refused at.  Importers subclass it for their own figures.
    """

    source: str  # the input as the user named it: a path, or the article's path
    outcome: str = ADDED
    graphs: list[URIRef] = field(default_factory=list)  # written (added/replaced) or already stored
    triples: int = 0  # triples mapped from this input
    reason: str | None = None  # refused: why
    line: int | None = None  # refused: where in the file, when known
    warnings: list[str] = field(default_factory=list)  # "file[:line]: message"
    skipped: list[str] = field(default_factory=list)  # rows left out: "file:line: reason"

    @property
    def written(self) -> bool:
        """True when this input's graphs were (re)written by this import."""
        return self.outcome in (ADDED, REPLACED)

    @property
    def error(self) -> InputError | None:
        """The refusal as an error naming file and line (None unless refused)."""
        return (
            InputError(self.reason or "refused", self.source, self.line) if self.outcome == REFUSED else None
        )


@dataclass
class ImportReport:
    """One outcome per input, the link report when linking ran, the base graphs loaded."""

    inputs: list[InputOutcome] = field(default_factory=list)
    links: LinkReport | None = None  # when linking ran after the import
    base_graphs: list[URIRef] = field(default_factory=list)  # (re)loaded by this import

    def having(self, *outcomes: str) -> list[InputOutcome]:
        return [i for i in self.inputs if i.outcome in outcomes]

    @property
    def added(self) -> list[InputOutcome]:
        return self.having(ADDED)

    @property
    def replaced(self) -> list[InputOutcome]:
        return self.having(REPLACED)

    @property
    def unchanged(self) -> list[InputOutcome]:
        return self.having(UNCHANGED)

    @property
    def refused(self) -> list[InputOutcome]:
        return self.having(REFUSED)

    @property
    def written(self) -> list[InputOutcome]:
        """The inputs whose graphs this import wrote (added or replaced)."""
        return self.having(ADDED, REPLACED)

    @property
    def graphs(self) -> list[URIRef]:
        """The graphs this import wrote."""
        return [g for i in self.written for g in i.graphs]

    @property
    def errors(self) -> list[InputError]:
        """One error per refused input, naming its file and (where known) line."""
        return [e for i in self.inputs if (e := i.error) is not None]

    @property
    def warnings(self) -> list[str]:
        return [w for i in self.inputs for w in i.warnings]

    @property
    def skipped(self) -> list[str]:
        return [s for i in self.inputs for s in i.skipped]

    def total(self, attr: str) -> int:
        """Sum of ``attr`` (``triples``, or an importer's figure) over the inputs not refused."""
        return sum(int(getattr(i, attr, 0) or 0) for i in self.inputs if i.outcome != REFUSED)


@dataclass
class Prepared:
    """One input an importer has read: what the pipeline checks and writes.

    ``graph`` is the key graph: the one that holds ``kg:contentHash`` once the input is
    stored (None: the input has no single key graph, so it is never ``unchanged``).
    ``triples``, when known before the check, must also equal the key graph's size for the
    input to count as unchanged (a SIPRI file mapped by a newer kg differs in triples).
    ``graphs`` (graph -> N-Triples) may be filled late, by :meth:`Importer.map`.
    """

    record: InputOutcome
    graph: URIRef | None = None
    content_hash: str | None = None
    triples: int | None = None
    graphs: dict[URIRef, bytes] = field(default_factory=dict)
    link: bool = True  # relink the article deals this input's graphs concern
    item: Any = None  # the importer's own working data (an Article, a mapped release)


class Importer:
    """What an importer supplies to :func:`run_import`: reading and mapping its inputs.

    ``relink`` is the keyword of :func:`kg.ingest.linking.link` the written graphs go to
    (``article_graphs`` or ``release_graphs``), None when nothing is linked.
    """

    relink: str | None = None
    bulk: bool = False  # write with the store's bulk loader (large releases)

    def inputs(self) -> Iterable[Prepared | InputError]:
        """Each input read (and mapped, when that is cheap or needed for the check)."""
        raise NotImplementedError

    def map(self, todo: Iterable[Prepared]) -> Iterator[Prepared]:
        """Fill ``graphs`` for the inputs that passed the unchanged check (costly mapping
        is deferred here: article extraction runs only for new or changed articles)."""
        yield from todo

    def guard(self, store: Store, prepared: Prepared) -> str | None:
        """Why ``prepared`` must not replace what is stored, or None (skipped with ``force``)."""
        return None

    def written(self, prepared: Prepared) -> None:
        """Called after each input's graphs were written (progress, timing)."""


def stored_state(store: Store, graph: URIRef, content_hash: str | None, triples: int | None = None) -> str:
    """The one unchanged check: UNCHANGED when ``graph`` holds exactly ``content_hash`` (and
    ``triples`` triples when given), REPLACED when it holds anything else, else ADDED."""
    rows = store.select(f"SELECT ?h WHERE {{ GRAPH ?g {{ ?g <{ns.contentHash}> ?h }} }}", {"g": graph})
    hashes = [str(r["h"]) for r in rows if "h" in r]
    if content_hash is not None and hashes == [content_hash]:
        if triples is None or store.count(graph) == triples:
            return UNCHANGED
        return REPLACED
    if hashes or _holds(store, graph):
        return REPLACED
    return ADDED


def _holds(store: Store, graph: URIRef) -> bool:
    return store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": graph})


def run_import(
    store: Store, importer: Importer, *, force: bool = False, link_after: bool = True
) -> ImportReport:
    """Run ``importer``'s inputs through the pipeline (see the module docstring).

    ``force`` rewrites unchanged inputs and skips the importer's guard.  Inputs go one by
    one (read, check, write) unless the importer's :meth:`~Importer.map` batches them.
    """
    report = ImportReport()
    states: dict[int, str] = {}  # id(prepared) -> ADDED/REPLACED found by the check
    to_link: list[str] = []

    def checked() -> Iterator[Prepared]:
        for item in importer.inputs():
            if isinstance(item, InputError):
                report.inputs.append(_refused(InputOutcome(item.path or "-"), item.message, item.line))
                continue
            if item.graph is not None:
                state = stored_state(store, item.graph, item.content_hash, item.triples)
                if state == UNCHANGED and not force:
                    item.record.outcome, item.record.graphs = UNCHANGED, [item.graph]
                    report.inputs.append(item.record)
                    continue
                states[id(item)] = REPLACED if state == UNCHANGED else state
            yield item

    for item in importer.map(checked()):
        reason = None if force else importer.guard(store, item)
        if reason is not None:
            report.inputs.append(_refused(item.record, reason, None))
            continue
        state = states.pop(id(item), None)
        if state is None:  # no key graph: added unless one of its graphs holds data
            state = REPLACED if any(_holds(store, g) for g in item.graphs) else ADDED
        store.replace_graphs(item.graphs, bulk=importer.bulk)
        item.record.outcome, item.record.graphs = state, list(item.graphs)
        report.inputs.append(item.record)
        if item.link:
            to_link.extend(str(g) for g in item.graphs)
        item.graphs = {}  # free the payload before the next input
        importer.written(item)

    if holds_data(store):
        report.base_graphs = ensure_base_graphs(store)
    if to_link and link_after and importer.relink and store.ask(ns.SPARQL_PREFIXES + _LINKABLE):
        report.links = link(store, **{importer.relink: to_link})
    return report


#: Relinking has work only when the store holds articles (deals to link) or links (perhaps
#: stale, to re-check); without either, ``link`` after a register import would still read
#: every supplier/buyer pair of the release (about 1 s for the register) to find none.
_LINKABLE = "ASK { { GRAPH ?g { ?g a kg:NewsArticle } } UNION { GRAPH ?l { ?link a kg:DealLink } } }"


def _refused(record: InputOutcome, reason: str, line: int | None) -> InputOutcome:
    record.outcome, record.reason, record.line = REFUSED, reason, line
    return record


__all__ = [
    "ADDED",
    "OUTCOMES",
    "REFUSED",
    "REPLACED",
    "UNCHANGED",
    "ImportReport",
    "Importer",
    "InputOutcome",
    "Prepared",
    "run_import",
    "stored_state",
]
