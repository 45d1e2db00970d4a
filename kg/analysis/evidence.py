"""The evidence read model: everything the store says about a set of deals, read in bulk.

One deal is told by several sources: register releases (order year, deliveries per year,
row number) and news articles (claims with a status, quantities, dates and the evidence
sentence), each in its own named graph.  :func:`gather` reads all of it for many deals at
once (one index lookup per kind of statement, :func:`kg.ingest.linking.describe` /
:func:`kg.ingest.linking.referrers`) into a :class:`DealEvidence`:

* :class:`DealFacts`: the deal node as one source states it;
* :class:`StoredClaim`: one ``kg:Claim`` read back (not :class:`kg.extract.model.Claim`,
  the extractor's output before it is stored);
* :class:`SourceDoc`: one source document (kind ``article`` or ``register``);
* deliveries per year, the parties of each deal and their labels.

Beside it, the rules every reader of evidence must share: which claims are well supported
(:func:`claim_is_factual`, with :mod:`kg.vocab.statuses`), which of a claim's dates are
its own event's (:func:`event_dates`), how dates sort (:func:`date_key`), and the cluster of
deals connected by chosen links (:func:`cluster`).

Readers: :mod:`kg.analysis.timeline` (a deal's dated events and derived status),
:mod:`kg.analysis.contradictions` (sources that disagree) and the deals view's records
(``kg.analysis.network.deal_records``: facts per source, claims with status, modality and
evidence, sources with kind, date and title), so the deals view reads each deal once and
shows the same sources ``kg deal show`` and ``kg contradictions`` do.  Not
:mod:`kg.ingest.linking`: it sits a layer below (ingest < analysis) and provides the bulk
lookups (``describe``, ``referrers``) this model is built on; it reads only the identity of
deals (parties, system, order year) to match them, not their evidence.

The article mapper keeps the extractor's ``status`` but not its ``delayed`` flag; a claim
counts as reporting a delay when it carries the status ``delayed`` or its evidence sentence
speaks of a delay (``delay``/``delays``/``delayed``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.ingest.linking import LinkResult, describe, links_of, referrers
from kg.store import Store
from kg.vocab import iris, ns, reference
from kg.vocab.months import MONTH_NAMES
from kg.vocab.ns import SCHEMA
from kg.vocab.statuses import EVENT_KIND, MIN_CONFIDENCE, NOT_FACTUAL, RANK

_DELAY = re.compile(r"\bdelay(?:s|ed)?\b", re.I)
_RELEASE_LABEL = "SIPRI"


@dataclass
class SourceDoc:
    """A source document as the store describes it: a news article or a register release.

    (Not :class:`kg.analysis.network.SourceRef`, the deals view's source list entry; its kinds are
    ``release|article|other``.)
    """

    graph: str
    kind: str  # "article" | "register"
    title: str | None = None
    date: str | None = None  # publication date / release generation date (ISO)
    url: str | None = None
    publisher: str | None = None
    story: str | None = None  # kg:sameStoryAs: the first copy of the story this article reprints
    release: bool = False  # the graph is a kg:DatasetRelease (a register release or a curated table)

    @property
    def witness(self) -> str:
        """The witness this source is: copies of one story (kg.feeds.dedup) are one witness."""
        return self.story or self.graph

    def label(self) -> str:
        if self.kind == "register":
            # SIPRI's title line never names SIPRI; curated tables say "kg curated facts: ..."
            curated = (self.title or "").startswith("kg curated")
            name = self.title if curated else _RELEASE_LABEL
            return f"{name} {self.date}" if self.date else name
        return f"article {self.date}" if self.date else "article"


@dataclass
class DealFacts:
    """The deal as one source states it (deal-level properties in that source's graph)."""

    deal: str
    source: str
    order_year: int | None = None
    quantity: int | None = None
    quantity_delivered: int | None = None
    status: str | None = None
    values: list[tuple[Decimal, str]] = field(default_factory=list)  # (amount, currency)
    value_usd: Decimal | None = None
    value_text: str | None = None
    delivery_years_text: str | None = None  # "2021; 2022; 2023": years without per-year figures
    additional: bool = False
    row: int | None = None


@dataclass
class StoredClaim:
    """A ``kg:Claim`` read back from the store: what one article sentence says about a deal.

    (The extractor's output before it is stored is :class:`kg.extract.model.Claim`.)
    """

    iri: str
    deal: str
    source: str
    statuses: set[str] = field(default_factory=set)
    quantity: int | None = None
    quantity_delivered: int | None = None
    order_year: int | None = None
    values: set[tuple[Decimal, str]] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    evidence: str | None = None
    start: int | None = None
    confidence: float | None = None
    negated: bool = False
    modality: str | None = None

    @property
    def delayed(self) -> bool:
        return "delayed" in self.statuses or bool(self.evidence and _DELAY.search(self.evidence))

    @property
    def status(self) -> str:
        """The lifecycle status (delayed only when nothing else is said)."""
        main = [s for s in self.statuses if s not in ("delayed", "unknown")]
        if main:
            return max(main, key=lambda s: RANK.get(s, -1))
        return "delayed" if "delayed" in self.statuses else "unknown"


@dataclass
class DealEvidence:
    """Everything the store says about a set of deals (bulk-gathered by :func:`gather`).

    (Not :class:`kg.extract.model.Evidence`, which is one quoted sentence.)
    """

    facts: dict[str, list[DealFacts]] = field(default_factory=lambda: defaultdict(list))
    claims: dict[str, list[StoredClaim]] = field(default_factory=lambda: defaultdict(list))
    deliveries: dict[str, list[tuple[str, int, int | None, bool, bool]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # deal -> (graph, year, quantity, estimated, derived)
    sources: dict[str, SourceDoc] = field(default_factory=dict)
    parties: dict[str, tuple[str, str, str | None]] = field(
        default_factory=dict
    )  # deal -> (supplier, buyer, system)
    labels: dict[str, str] = field(default_factory=dict)


# --- evidence gathering -----------------------------------------------------------------


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_DEAL_PROPS = {
    str(p): p
    for p in (
        ns.supplier,
        ns.buyer,
        ns.weaponSystem,
        ns.orderYear,
        ns.quantity,
        ns.quantityDelivered,
        ns.status,
        ns.valueAmount,
        ns.valueCurrency,
        ns.valueUSD,
        ns.valueText,
        ns.additionalBatch,
        ns.deliveryYearsText,
        ns.delivery,
        PROV.wasDerivedFrom,
        RDF.type,
    )
}
_CLAIM_PROPS = (
    ns.status,
    ns.quantity,
    ns.quantityDelivered,
    ns.orderYear,
    ns.valueAmount,
    ns.valueCurrency,
    ns.eventDate,
    ns.evidenceText,
    ns.evidenceStart,
    ns.confidence,
    ns.negated,
    ns.modality,
)
_SOURCE_PROPS = (
    RDF.type,
    SCHEMA.headline,
    ns.releaseTitle,
    SCHEMA.datePublished,
    ns.dataGenerated,
    SCHEMA.url,
    SCHEMA.publisher,
    ns.sameStoryAs,
)


def _first(props: Mapping[str, list[Any]], *preds: URIRef) -> Any:
    """The first value (in string order, for stable output) of the first predicate that has one."""
    for p in preds:
        values = props.get(str(p))
        if values:
            return sorted(values, key=str)[0]
    return None


def _values(props: Mapping[str, list[Any]]) -> list[tuple[Decimal, str]]:
    """``(amount, currency)`` pairs of a deal or claim (one currency per node)."""
    amounts = sorted(a for a in props.get(str(ns.valueAmount), []) if isinstance(a, Decimal))
    currencies = props.get(str(ns.valueCurrency), [])
    return [(a, str(sorted(currencies)[0])) for a in amounts] if currencies else []


def _deal_facts(deal: str, graph: str, props: Mapping[str, list[Any]]) -> DealFacts:
    """One source's deal node as :class:`DealFacts` (its row number is added later)."""
    f = DealFacts(deal, graph)
    f.order_year = _int(_first(props, ns.orderYear))
    f.quantity = _int(_first(props, ns.quantity))
    f.quantity_delivered = _int(_first(props, ns.quantityDelivered))
    status = _first(props, ns.status)
    f.status = ns.STATUS_KEY_BY_IRI.get(status, "unknown") if status else None
    f.values = _values(props)
    usd = _first(props, ns.valueUSD)
    f.value_usd = usd if isinstance(usd, Decimal) else None
    f.value_text = _first(props, ns.valueText)
    f.delivery_years_text = _first(props, ns.deliveryYearsText)
    f.additional = _first(props, ns.additionalBatch) is True
    return f


def _gather_facts(store: Store, wanted: list[str], ev: DealEvidence) -> dict[str, list[tuple[str, str]]]:
    """Deal facts, register row numbers and parties of ``wanted``; returns delivery node -> (deal, graph)."""
    by_key: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for d, g, p, o in describe(store, wanted, list(_DEAL_PROPS.values())):
        by_key[(d, g)][p].append(o)
    facts: dict[tuple[str, str], DealFacts] = {}
    records: dict[str, list[tuple[str, str]]] = defaultdict(list)  # record -> (deal, graph)
    delivery_nodes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    parties: dict[str, dict[str, str]] = defaultdict(dict)
    for (d, g), props in sorted(by_key.items()):
        if str(ns.Deal) not in props.get(str(RDF.type), []):
            continue
        facts[(d, g)] = _deal_facts(d, g, props)
        for rec in props.get(str(PROV.wasDerivedFrom), []):
            records[rec].append((d, g))
        for node in props.get(str(ns.delivery), []):
            delivery_nodes[node].append((d, g))
        for p in (ns.supplier, ns.buyer, ns.weaponSystem):
            value = _first(props, p)
            if value is not None:
                parties[d].setdefault(str(p), value)
    rows_of: dict[tuple[str, str], int] = {}
    for rec, g, _, row in describe(store, records, [ns.rowNumber]):
        for d, dg in records[rec]:
            if dg == g and _int(row) is not None:
                rows_of[(d, g)] = row
    for key, f in facts.items():
        f.row = rows_of.get(key)
        ev.facts[f.deal].append(f)
    for deal, props in parties.items():
        ev.parties[deal] = (
            props.get(str(ns.supplier), ""),
            props.get(str(ns.buyer), ""),
            props.get(str(ns.weaponSystem)),
        )
    return delivery_nodes


def _gather_deliveries(
    store: Store, delivery_nodes: dict[str, list[tuple[str, str]]], ev: DealEvidence
) -> None:
    """Per-year deliveries of the gathered deals (after :func:`_gather_facts`)."""
    node_props: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for node, g, p, o in describe(
        store, delivery_nodes, [ns.deliveryYear, ns.quantity, ns.estimated, ns.derived]
    ):
        node_props[(node, g)][p] = o
    for (node, g), props in node_props.items():
        year = _int(props.get(str(ns.deliveryYear)))
        if year is None:
            continue
        for d, dg in delivery_nodes[node]:
            if dg == g:
                ev.deliveries[d].append(
                    (
                        g,
                        year,
                        _int(props.get(str(ns.quantity))),
                        props.get(str(ns.estimated)) is True,
                        props.get(str(ns.derived)) is True,
                    )
                )
    # A register row delivered over several years lists the years only (kg:deliveryYearsText,
    # no per-year split): each listed year becomes a year-only delivery marked derived.
    for fs in ev.facts.values():
        for f in fs:
            if f.delivery_years_text and not any(g == f.source for g, *_ in ev.deliveries.get(f.deal, [])):
                for year in sorted({int(y) for y in re.findall(r"\b(\d{4})\b", f.delivery_years_text)}):
                    ev.deliveries[f.deal].append((f.source, year, None, False, True))
    for items in ev.deliveries.values():
        items.sort(key=lambda d: (d[0], d[1]))


def _stored_claim(iri: str, deal: str, graph: str, props: Mapping[str, list[Any]]) -> StoredClaim:
    claim = StoredClaim(iri, deal, graph)
    claim.statuses = {ns.STATUS_KEY_BY_IRI.get(x, "unknown") for x in props.get(str(ns.status), [])}
    claim.quantity = _int(_first(props, ns.quantity))
    claim.quantity_delivered = _int(_first(props, ns.quantityDelivered))
    claim.order_year = _int(_first(props, ns.orderYear))
    claim.values = set(_values(props))
    claim.dates = {str(x) for x in props.get(str(ns.eventDate), [])}
    text = _first(props, ns.evidenceText)
    claim.evidence = str(text) if text is not None else None
    claim.start = _int(_first(props, ns.evidenceStart))
    conf = _first(props, ns.confidence)
    claim.confidence = float(conf) if isinstance(conf, Decimal) else None
    claim.negated = _first(props, ns.negated) is True
    mod = _first(props, ns.modality)
    claim.modality = str(mod) if mod is not None else None
    return claim


def _gather_claims(store: Store, wanted: list[str], ev: DealEvidence) -> None:
    """The article claims about ``wanted``, per deal in (source, position) order."""
    claim_of = {(c, g): deal for c, g, deal in referrers(store, ns.about, wanted)}
    claim_props: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for c, g, p, o in describe(store, {c for c, _ in claim_of}, _CLAIM_PROPS):
        if (c, g) in claim_of:
            claim_props[(c, g)][p].append(o)
    claims = [_stored_claim(c, deal, g, claim_props.get((c, g), {})) for (c, g), deal in claim_of.items()]
    for c in sorted(claims, key=lambda c: (c.source, c.start or 0, c.iri)):
        ev.claims[c.deal].append(c)


def _gather_sources(store: Store, ev: DealEvidence) -> None:
    """The source documents (graphs) of the gathered facts and claims."""
    graphs = {f.source for fs in ev.facts.values() for f in fs}
    graphs |= {c.source for cs in ev.claims.values() for c in cs}
    source_props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for g, sg, p, o in describe(store, graphs, _SOURCE_PROPS):
        if g == sg:
            source_props[g][p].append(o)
    for g in sorted(graphs):
        props = source_props.get(g, {})
        kind = "article" if str(ns.NewsArticle) in props.get(str(RDF.type), []) else "register"
        date_value = _first(props, SCHEMA.datePublished, ns.dataGenerated)
        ev.sources[g] = SourceDoc(
            g,
            kind,
            title=_first(props, SCHEMA.headline, ns.releaseTitle),
            date=str(date_value)[:10] if date_value else None,
            url=_first(props, SCHEMA.url),
            publisher=_first(props, SCHEMA.publisher),
            story=_first(props, ns.sameStoryAs),
            release=str(ns.DatasetRelease) in props.get(str(RDF.type), []),
        )


def _gather_labels(store: Store, ev: DealEvidence) -> None:
    """Labels of the parties and systems: the reference graph's first, systems by catalogue designation."""
    names = {x for trio in ev.parties.values() for x in trio if x}
    best: dict[str, tuple[int, str]] = {}
    for x, g, _, label in describe(store, names, [RDFS.label]):
        rank = 0 if g == str(iris.REFERENCE_GRAPH) else 1
        if x not in best or (rank, str(label)) < best[x]:
            best[x] = (rank, str(label))
    ev.labels = {x: label for x, (_, label) in best.items()}
    for trio in ev.parties.values():  # systems: the catalogue's designation when it knows the label
        system = trio[2]
        if system and system in ev.labels:
            record = reference.resolve_system(ev.labels[system])
            if record is not None:
                ev.labels[system] = record.designation


def gather(store: Store, deals: Iterable[str]) -> DealEvidence:
    """Every statement about ``deals`` (deal facts, claims, deliveries, sources, labels).

    Built on :func:`kg.ingest.linking.describe` / :func:`kg.ingest.linking.referrers` (index lookups on
    the embedded store, one query per kind elsewhere), so thousands of deals cost
    a few hundred milliseconds.
    """
    ev = DealEvidence()
    wanted = sorted(set(map(str, deals)))
    if not wanted:
        return ev
    delivery_nodes = _gather_facts(store, wanted, ev)
    _gather_deliveries(store, delivery_nodes, ev)
    _gather_claims(store, wanted, ev)
    _gather_sources(store, ev)
    _gather_labels(store, ev)
    return ev


# --- clusters ---------------------------------------------------------------------------


def cluster(store: Store, deal: str, *, limit: int = 50) -> tuple[list[str], list[LinkResult]]:
    """The deal and every deal reachable through chosen links (and all links seen on the way)."""
    seen = [deal]
    todo = [deal]
    links: dict[str, LinkResult] = {}
    while todo and len(seen) < limit:
        current = todo.pop()
        for link in links_of(store, current):
            links[str(link.iri)] = link
            if link.candidate:
                continue
            for other in (link.article_deal, link.register_deal):
                if other not in seen:
                    seen.append(other)
                    todo.append(other)
    ordered = sorted(links.values(), key=lambda r: (r.candidate, -r.score, r.article_deal, r.register_deal))
    return seen, ordered


def date_key(text: str | None) -> tuple[int, int, int]:
    """Sort key of an ISO date at any granularity (``2026`` < ``2026-05`` < ``2026-05-26``)."""
    parts = [int(p) for p in re.findall(r"\d+", text or "")[:3]]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def money(amount: Decimal, currency: str) -> str:
    """``5400000000 USD`` -> ``5.4 b USD``."""
    for scale, suffix in ((Decimal(10) ** 9, "b"), (Decimal(10) ** 6, "m")):
        if abs(amount) >= scale:
            return f"{format((amount / scale).normalize(), 'f')} {suffix} {currency}"
    return f"{format(amount.normalize(), 'f')} {currency}"


def claim_is_factual(claim: StoredClaim, source: SourceDoc | None) -> bool:
    """Well-supported: not negated, confident enough, not an expectation, not dated after its source."""
    if claim.negated or (claim.confidence is not None and claim.confidence < MIN_CONFIDENCE):
        return False
    if claim.modality in NOT_FACTUAL:
        return False
    return not (
        source and source.date and claim.dates and min(map(date_key, claim.dates)) > date_key(source.date)
    )


#: Words before a year that make it the date of another event than the claim's own
#: ("under a contract signed in 2018" dates the order, not the deliveries the sentence reports).
_EVENT_CUES: dict[str, re.Pattern[str]] = {
    "order": re.compile(
        r"\b(?:signed|ordered|order(?:ed)? in|contract(?:ed)?|agreed|deal|bought|purchased)\b", re.I
    ),
    "delivery": re.compile(r"\b(?:deliver\w*|handed over|inducted|arriv\w*|received|commissioned)\b", re.I),
    "negotiation": re.compile(r"\b(?:negotiat\w*|talks)\b", re.I),
    "approval": re.compile(r"\b(?:approv\w*|cleared)\b", re.I),
}
#: A speech verb with a relative day: "said on Tuesday" dates the speaking, not the event.
_SPOKEN_DAY = re.compile(
    r"\b(?:said|says|told|announced|stated|confirmed|added|declared|explained)\b[^.;]{0,40}?"
    r"\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b",
    re.I,
)


def _date_of_other_event(date: str, kind: str, text: str) -> bool:
    """Whether every mention of ``date``'s year in ``text`` is governed by another event's cue."""
    year = date[:4]
    spots = [m.start() for m in re.finditer(rf"(?<!\d){year}(?!\d)", text)]
    if not spots:
        return False
    for at in spots:
        before = text[max(0, at - 30) : at]
        own = _EVENT_CUES.get(kind)
        others = [rx for k, rx in _EVENT_CUES.items() if k != kind]
        if (own and own.search(before)) or not any(rx.search(before) for rx in others):
            return False
    return True


def _spoken_day(date: str, text: str) -> bool:
    """A full date the sentence gives only as the day someone spoke ("an official said on Tuesday")."""
    if len(date) < 10 or not _SPOKEN_DAY.search(text):
        return False
    month = MONTH_NAMES[int(date[5:7]) - 1] if date[5:7].isdigit() and 1 <= int(date[5:7]) <= 12 else "-"
    lowered = text.lower()
    return date[:4] not in text and month not in lowered and month[:3] + " " not in lowered


def event_dates(claim: StoredClaim) -> list[str]:
    """The dates the source gives for the claim's *own* event, oldest first.

    An event's date is the date the source gives for that event: not the year the sentence
    gives another event ("delivering ... under a contract signed in 2018": 2018 dates the
    order), and not the day someone spoke ("deliveries began, an official said on
    Tuesday": Tuesday is when it was said).  Claims left without a date are undated.
    """
    kind = EVENT_KIND.get(claim.status, "mention")
    text = claim.evidence or ""
    return sorted(
        (d for d in claim.dates if not _spoken_day(d, text) and not _date_of_other_event(d, kind, text)),
        key=date_key,
    )


__all__ = [
    "DealEvidence",
    "DealFacts",
    "SourceDoc",
    "StoredClaim",
    "claim_is_factual",
    "cluster",
    "date_key",
    "event_dates",
    "gather",
    "money",
]
