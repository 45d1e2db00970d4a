"""One deal, many witnesses: the dated timeline of a deal with every source that states it.

A deal is told by several sources: register releases (order year, deliveries per year, row
number), news articles (claims with a status, quantities, dates and the evidence sentence)
and, through :mod:`kg.ingest.linking`, the article deals linked to a register deal (and back).
:func:`deal_timeline` gathers the deal and its linked deals (the *cluster*: connected by
chosen links, never by candidates), turns every statement into dated events (order,
negotiation, approval, signature, deliveries per year, delays, cancellation) and merges
events of the same kind and date, so "signed in 2018" (article) and "order year 2018"
(SIPRI row 30) become one event with two sources.

The deal's *current status* is derived, not stored: each source's latest well-supported
statement (not negated, confidence >= 0.5, not an expectation, not dated after the source
itself) is taken as of that source's date (publication date, release generation date), and
the most recent source wins.  The explanation lists what each source says, oldest first:
``delivering: SIPRI 2024-10-13 records deliveries 2021-2023 (6 of 10); article 2026-05-26
says 3 delivered, 2 delayed``.

The article mapper keeps the extractor's ``status`` but not its ``delayed`` flag; a claim
counts as reporting a delay when it carries the status ``delayed`` or its evidence sentence
speaks of a delay (``delay``/``delays``/``delayed``).  Evidence gathering is bulk (one query
per kind of statement for all deals of interest), shared with :mod:`kg.analysis.contradictions`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.errors import InputError, UnknownName
from kg.ingest.linking import (
    LinkResult,
    _catalogue_key,
    describe,
    links_of,
    referrers,
    rows,
    system_keys,
    values_block,
)
from kg.store import Store
from kg.vocab import iris, ns, reference
from kg.vocab.ns import SCHEMA
from kg.vocab.parties import resolve_party_iri

#: Status concept IRI -> key (kg.vocab.ns.STATUSES order is the lifecycle order).
STATUS_KEYS: dict[str, str] = {str(v): k for k, v in ns.STATUSES.items()}
#: Lifecycle rank of each status (delayed/cancelled/unknown have no rank of their own).
RANK: dict[str, int] = {
    k: i for i, k in enumerate(("offered", "negotiating", "approved", "signed", "delivering", "delivered"))
}
#: Event kind of a claimed status.
KIND_OF_STATUS = {
    "offered": "offer",
    "negotiating": "negotiation",
    "approved": "approval",
    "signed": "order",
    "delivering": "delivery",
    "delivered": "delivery",
    "delayed": "delay",
    "cancelled": "cancellation",
    "unknown": "mention",
}
#: Modalities that make a claim an expectation, not evidence of what happened.
NOT_FACTUAL = frozenset({"expected", "planned", "possible"})
MIN_CONFIDENCE = 0.5
_DELAY = re.compile(r"\bdelay(?:s|ed)?\b", re.I)
_RELEASE_LABEL = "SIPRI"


# --- data model -----------------------------------------------------------------------


@dataclass
class SourceRef:
    """A source document: an article or a register release."""

    graph: str
    kind: str  # "article" | "register"
    title: str | None = None
    date: str | None = None  # publication date / release generation date (ISO)
    url: str | None = None
    publisher: str | None = None
    story: str | None = None  # kg:sameStoryAs: the first copy of the story this article reprints

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
class Statement:
    """What one source says at one point of a deal's life."""

    source: str  # graph IRI (key into Timeline.sources)
    deal: str  # the deal IRI the statement is about (the deal or a linked deal)
    status: str | None = None
    quantity: int | None = None
    quantity_delivered: int | None = None
    value: str | None = None
    evidence: str | None = None
    claim: str | None = None
    row: int | None = None  # register row number
    notes: list[str] = field(default_factory=list)  # estimated, derived, expected, negated, delayed ...


@dataclass
class Event:
    """A dated point of the timeline, with every statement that reports it."""

    date: str  # ISO 8601 at its granularity: 2018, 2026-03, 2026-05-26
    kind: str  # order, offer, negotiation, approval, delivery, delay, cancellation, mention
    expected: bool = False
    statements: list[Statement] = field(default_factory=list)
    #: an undated event: the date of the report that states it (orders the timeline only)
    reported: str = ""


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
class Claim:
    """A claim of an article about a deal, with its dates and evidence."""

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
class Evidence:
    """Everything the store says about a set of deals (bulk-gathered)."""

    facts: dict[str, list[DealFacts]] = field(default_factory=lambda: defaultdict(list))
    claims: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    deliveries: dict[str, list[tuple[str, int, int | None, bool, bool]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # deal -> (graph, year, quantity, estimated, derived)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    parties: dict[str, tuple[str, str, str | None]] = field(
        default_factory=dict
    )  # deal -> (supplier, buyer, system)
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class Party:
    iri: str | None
    label: str | None


@dataclass
class Timeline:
    """One deal's life: events with their sources, derived status, links."""

    deal: str
    label: str
    supplier: Party
    buyer: Party
    system: Party
    order_year: int | None
    status: str
    status_explanation: str
    deals: list[str]
    events: list[Event]
    sources: dict[str, SourceRef]
    facts: list[DealFacts]
    links: list[LinkResult]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (Decimals as strings)."""
        return _plain(
            {
                "deal": self.deal,
                "label": self.label,
                "supplier": asdict(self.supplier),
                "buyer": asdict(self.buyer),
                "system": asdict(self.system),
                "orderYear": self.order_year,
                "status": self.status,
                "statusExplanation": self.status_explanation,
                "deals": self.deals,
                "events": [asdict(e) for e in self.events],
                "sources": {k: asdict(v) for k, v in self.sources.items()},
                "facts": [asdict(f) for f in self.facts],
                "links": [link.to_dict() for link in self.links],
            }
        )


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set) else items
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return value


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


def gather(store: Store, deals: Iterable[str]) -> Evidence:
    """Every statement about ``deals`` (deal facts, claims, deliveries, sources, labels).

    Built on :func:`kg.ingest.linking.describe` / :func:`kg.ingest.linking.referrers` (index lookups on
    the embedded store, one query per kind elsewhere), so thousands of deals cost
    a few hundred milliseconds.
    """
    ev = Evidence()
    wanted = sorted(set(map(str, deals)))
    if not wanted:
        return ev
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
        f = facts[(d, g)] = DealFacts(d, g)

        def one(p: URIRef, props: dict[str, list[Any]] = props) -> Any:
            values = props.get(str(p))
            return sorted(values, key=str)[0] if values else None

        f.order_year = _int(one(ns.orderYear))
        f.quantity = _int(one(ns.quantity))
        f.quantity_delivered = _int(one(ns.quantityDelivered))
        status = one(ns.status)
        f.status = STATUS_KEYS.get(status, "unknown") if status else None
        amounts = sorted(a for a in props.get(str(ns.valueAmount), []) if isinstance(a, Decimal))
        currencies = props.get(str(ns.valueCurrency), [])
        if amounts and currencies:
            f.values = [(a, str(sorted(currencies)[0])) for a in amounts]
        usd = one(ns.valueUSD)
        f.value_usd = usd if isinstance(usd, Decimal) else None
        f.value_text = one(ns.valueText)
        f.delivery_years_text = one(ns.deliveryYearsText)
        f.additional = one(ns.additionalBatch) is True
        for rec in props.get(str(PROV.wasDerivedFrom), []):
            records[rec].append((d, g))
        for node in props.get(str(ns.delivery), []):
            delivery_nodes[node].append((d, g))
        for p in (ns.supplier, ns.buyer, ns.weaponSystem):
            value = one(p)
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

    about = referrers(store, ns.about, wanted)
    claim_of = {(c, g): deal for c, g, deal in about}
    claim_props: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for c, g, p, o in describe(store, {c for c, _ in claim_of}, _CLAIM_PROPS):
        if (c, g) in claim_of:
            claim_props[(c, g)][p].append(o)
    claims = []
    for (c, g), deal in claim_of.items():
        props = claim_props.get((c, g), {})

        def first(p: URIRef, props: dict[str, list[Any]] = props) -> Any:
            values = props.get(str(p))
            return sorted(values, key=str)[0] if values else None

        claim = Claim(c, deal, g)
        claim.statuses = {STATUS_KEYS.get(x, "unknown") for x in props.get(str(ns.status), [])}
        claim.quantity = _int(first(ns.quantity))
        claim.quantity_delivered = _int(first(ns.quantityDelivered))
        claim.order_year = _int(first(ns.orderYear))
        amounts = [a for a in props.get(str(ns.valueAmount), []) if isinstance(a, Decimal)]
        currencies = props.get(str(ns.valueCurrency), [])
        if amounts and currencies:
            claim.values = {(a, str(sorted(currencies)[0])) for a in amounts}
        claim.dates = {str(x) for x in props.get(str(ns.eventDate), [])}
        text = first(ns.evidenceText)
        claim.evidence = str(text) if text is not None else None
        claim.start = _int(first(ns.evidenceStart))
        conf = first(ns.confidence)
        claim.confidence = float(conf) if isinstance(conf, Decimal) else None
        claim.negated = first(ns.negated) is True
        mod = first(ns.modality)
        claim.modality = str(mod) if mod is not None else None
        claims.append(claim)
    for c in sorted(claims, key=lambda c: (c.source, c.start or 0, c.iri)):
        ev.claims[c.deal].append(c)

    graphs = {f.source for fs in ev.facts.values() for f in fs} | {c.source for c in claims}
    source_props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for g, sg, p, o in describe(store, graphs, _SOURCE_PROPS):
        if g == sg:
            source_props[g][p].append(o)
    for g in sorted(graphs):
        props = source_props.get(g, {})
        types = props.get(str(RDF.type), [])
        kind = "article" if str(ns.NewsArticle) in types else "register"

        def pick(*ps: URIRef, props: dict[str, list[Any]] = props) -> Any:
            for p in ps:
                if props.get(str(p)):
                    return sorted(props[str(p)], key=str)[0]
            return None

        date_value = pick(SCHEMA.datePublished, ns.dataGenerated)
        ev.sources[g] = SourceRef(
            g,
            kind,
            title=pick(SCHEMA.headline, ns.releaseTitle),
            date=str(date_value)[:10] if date_value else None,
            url=pick(SCHEMA.url),
            publisher=pick(SCHEMA.publisher),
            story=pick(ns.sameStoryAs),
        )

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
            record = _catalogue_record(ev.labels[system])
            if record is not None:
                ev.labels[system] = record.designation
    return ev


def _catalogue_record(label: str) -> reference.SystemRecord | None:
    return reference.resolve_system(label)


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


# --- events and status ------------------------------------------------------------------


def date_key(text: str | None) -> tuple[int, int, int]:
    """Sort key of an ISO date at any granularity (``2026`` < ``2026-05`` < ``2026-05-26``)."""
    parts = [int(p) for p in re.findall(r"\d+", text or "")[:3]]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def _value_text(values: Iterable[tuple[Decimal, str]]) -> str | None:
    items = sorted(set(values))
    if not items:
        return None
    return ", ".join(money(a, c) for a, c in items)


def money(amount: Decimal, currency: str) -> str:
    """``5400000000 USD`` -> ``5.4 b USD``."""
    for scale, suffix in ((Decimal(10) ** 9, "b"), (Decimal(10) ** 6, "m")):
        if abs(amount) >= scale:
            return f"{format((amount / scale).normalize(), 'f')} {suffix} {currency}"
    return f"{format(amount.normalize(), 'f')} {currency}"


def claim_is_factual(claim: Claim, source: SourceRef | None) -> bool:
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
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


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
    month = _MONTHS[int(date[5:7]) - 1] if date[5:7].isdigit() and 1 <= int(date[5:7]) <= 12 else "-"
    lowered = text.lower()
    return date[:4] not in text and month not in lowered and month[:3] + " " not in lowered


def event_dates(claim: Claim) -> list[str]:
    """The dates the source gives for the claim's *own* event, oldest first.

    An event's date is the date the source gives for that event: not the year the sentence
    gives another event ("delivering ... under a contract signed in 2018": 2018 dates the
    order), and not the day someone spoke ("deliveries began, an official said on
    Tuesday": Tuesday is when it was said).  Claims left without a date are undated.
    """
    kind = KIND_OF_STATUS.get(claim.status, "mention")
    text = claim.evidence or ""
    return sorted(
        (d for d in claim.dates if not _spoken_day(d, text) and not _date_of_other_event(d, kind, text)),
        key=date_key,
    )


def claim_events(claim: Claim, source: SourceRef | None) -> list[tuple[str, str, bool, Statement]]:
    """(date, kind, expected, statement) for each dated event a claim reports.

    Dates are :func:`event_dates`; a claim without one is an undated event (``""``), which
    :func:`build_events` orders by the date of its report (when it was reported, not when
    it happened).
    """
    notes = []
    if claim.negated:
        notes.append("negated")
    if claim.modality:
        notes.append(claim.modality)
    if claim.confidence is not None and claim.confidence < MIN_CONFIDENCE:
        notes.append(f"low confidence {claim.confidence:g}")
    statement = Statement(
        source=claim.source,
        deal=claim.deal,
        status=claim.status,
        quantity=claim.quantity,
        quantity_delivered=claim.quantity_delivered,
        value=_value_text(claim.values),
        evidence=claim.evidence,
        claim=claim.iri,
        notes=notes,
    )
    published = source.date if source else None
    kind = KIND_OF_STATUS.get(claim.status, "mention")
    dates = event_dates(claim)
    out = []
    for d in dates:
        expected = claim.modality in NOT_FACTUAL or bool(published and date_key(d) > date_key(published))
        out.append((d, kind, expected, statement))
    if claim.delayed and claim.status != "delayed" and published:
        out.append((published, "delay", False, statement))
    if not out:
        out.append(("", kind, False, statement))
    return out


def register_events(ev: Evidence, deal: str) -> list[tuple[str, str, bool, Statement]]:
    """Order and per-year deliveries of a register deal, each with its release and row."""
    out = []
    for f in ev.facts.get(deal, []):
        src = ev.sources.get(f.source)
        if src is None or src.kind != "register":
            continue
        if f.order_year is not None:
            value = _value_text(f.values)
            if f.value_usd is not None and not any(c == "USD" for _, c in f.values):
                usd = money(f.value_usd, "USD")
                value = f"{value} ({usd})" if value else usd
            st = Statement(f.source, deal, "signed", f.quantity, None, value, row=f.row)
            out.append((str(f.order_year), "order", False, st))
        for g, year, qty, estimated, derived in ev.deliveries.get(deal, []):
            if g != f.source:
                continue
            notes = [n for n, on in (("estimated", estimated), ("derived", derived)) if on]
            st = Statement(g, deal, "delivering", None, qty, row=f.row, notes=notes)
            out.append((str(year), "delivery", False, st))
    return out


def build_events(ev: Evidence, deals: Sequence[str]) -> list[Event]:
    """All events of the deals, merged by (date, kind), in date order."""
    merged: dict[tuple[str, str], Event] = {}
    for deal in deals:
        items = register_events(ev, deal)
        for c in ev.claims.get(deal, []):
            items += claim_events(c, ev.sources.get(c.source))
        for d, kind, expected, st in items:
            src = ev.sources.get(st.source)
            reported = "" if d or src is None else (src.date or "")
            event = merged.get((d or reported, kind))
            if event is None:
                event = merged[(d or reported, kind)] = Event(d, kind, expected, reported=reported)
            event.expected = event.expected and expected
            if st not in event.statements:
                event.statements.append(st)
    order = {
        k: i
        for i, k in enumerate(
            ("offer", "negotiation", "approval", "order", "delivery", "delay", "cancellation", "mention")
        )
    }
    return sorted(merged.values(), key=lambda e: (date_key(e.date or e.reported), order.get(e.kind, 99)))


@dataclass
class SourceStatus:
    """The latest well-supported status one source gives a deal (cluster), and why."""

    source: str
    as_of: str
    status: str
    summary: str


def _register_status(ev: Evidence, f: DealFacts, src: SourceRef) -> SourceStatus | None:
    if not f.status:
        return None
    years = sorted({y for g, y, *_ in ev.deliveries.get(f.deal, []) if g == f.source})
    if years:
        span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
        counts = (
            f" ({f.quantity_delivered} of {f.quantity})"
            if f.quantity_delivered is not None and f.quantity
            else ""
        )
        summary = f"{src.label()} records deliveries {span}{counts}"
    elif f.order_year is not None:
        summary = f"{src.label()} records the order in {f.order_year}, no deliveries"
    else:
        summary = f"{src.label()} says {f.status}"
    return SourceStatus(f.source, src.date or "", f.status, summary)


def _claim_summary(status: str, claims: list[Claim]) -> str:
    """What one article says, from its factual claims with the chosen status (combined).

    An article often spreads one state over sentences ("delivered three by 2023, the
    remaining two delayed"; "final units expected this month"): numbers and the delay
    are taken from any of them.
    """
    delivered = max((c.quantity_delivered for c in claims if c.quantity_delivered is not None), default=None)
    total = max((c.quantity for c in claims if c.quantity), default=None)
    delayed = any(c.delayed for c in claims)
    years = sorted({c.order_year for c in claims if c.order_year})
    if status in ("delivering", "delivered") and delivered is not None:
        text = f"{delivered} delivered"
        if delayed and total and total > delivered:
            text += f", {total - delivered} delayed"
        elif delayed:
            text += ", delays"
        return text
    words = {
        "signed": "signed" + (f" in {years[0]}" if years else ""),
        "negotiating": "under negotiation",
        "offered": "offered",
        "approved": "approved",
        "delivering": "deliveries under way" + (", delayed" if delayed else ""),
        "delivered": "delivered",
        "delayed": "delayed",
        "cancelled": "cancelled",
    }
    return words.get(status, status)


def _as_of(c: Claim, src: SourceRef) -> tuple[int, int, int]:
    """When a claim's status held: its latest event date not after the source's own date."""
    limit = date_key(src.date) if src.date else (9999, 12, 31)
    dates = [date_key(d) for d in event_dates(c) if date_key(d) <= limit]
    return max(dates) if dates else date_key(src.date)


def _article_status(ev: Evidence, claims: list[Claim], src: SourceRef) -> SourceStatus | None:
    good = [c for c in claims if claim_is_factual(c, src) and c.status != "unknown"]
    if not good:
        return None
    best = max(good, key=lambda c: (_as_of(c, src), RANK.get(c.status, 3), c.start or 0))
    status = best.status
    same = [c for c in good if c.status == status]
    return SourceStatus(
        src.graph, src.date or "", status, f"{src.label()} says {_claim_summary(status, same)}"
    )


def derive_status(ev: Evidence, deals: Sequence[str]) -> tuple[str, str, list[SourceStatus]]:
    """(status, explanation, per-source statuses oldest first) for a deal cluster."""
    per_source: list[SourceStatus] = []
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for deal in deals:
        for f in ev.facts.get(deal, []):
            src = ev.sources.get(f.source)
            if src is not None and src.kind == "register":
                s = _register_status(ev, f, src)
                if s:
                    per_source.append(s)
        for c in ev.claims.get(deal, []):
            by_source[c.source].append(c)
    for g, claims in by_source.items():
        src = ev.sources.get(g) or SourceRef(g, "article")
        s = _article_status(ev, claims, src)
        if s:
            per_source.append(s)
    if not per_source:
        return "unknown", "unknown: no dated, well-supported statement", []
    per_source.sort(key=lambda s: (date_key(s.as_of), RANK.get(s.status, 3), s.source))
    latest = per_source[-1]
    explanation = f"{latest.status}: " + "; ".join(s.summary for s in per_source)
    return latest.status, explanation, per_source


# --- public API -------------------------------------------------------------------------


# VALUES inside the GRAPH pattern: a lookup by subject, not a scan of every deal.
_DEAL_EXISTS = "SELECT ?g WHERE { GRAPH ?g { %(values)s ?deal a kg:Deal } } LIMIT 1"


def _deal_exists(store: Store, deal: str) -> bool:
    return bool(rows(store, _DEAL_EXISTS % {"values": values_block(["deal"], [(URIRef(deal),)])}))


def deal_timeline(store: Store, deal_iri: str) -> Timeline:
    """The timeline of one deal and its linked deals (raises UnknownName for an unknown deal)."""
    deal = str(deal_iri)
    if not _deal_exists(store, deal):
        raise UnknownName(f"no deal {deal} in the store")
    deals, links = cluster(store, deal)
    ev = gather(store, deals)
    return _timeline(ev, deal, deals, links)


def _timeline(ev: Evidence, deal: str, deals: list[str], links: list[LinkResult]) -> Timeline:
    supplier, buyer, system = ev.parties.get(deal, ("", "", None))
    years = sorted({f.order_year for d in deals for f in ev.facts.get(d, []) if f.order_year is not None})
    own_years = sorted({f.order_year for f in ev.facts.get(deal, []) if f.order_year is not None})
    order_year = own_years[0] if own_years else (years[0] if years else None)
    status, explanation, _ = derive_status(ev, deals)
    sup = Party(supplier or None, ev.labels.get(supplier))
    buy = Party(buyer or None, ev.labels.get(buyer))
    sys_ = Party(system, ev.labels.get(system or ""))
    label = f"{sup.label or supplier} -> {buy.label or buyer}: {sys_.label or system or '?'}"
    if order_year is not None:
        label += f" ({order_year})"
    used = {st.source for e in build_events(ev, deals) for st in e.statements}
    used |= {f.source for d in deals for f in ev.facts.get(d, [])}
    return Timeline(
        deal=deal,
        label=label,
        supplier=sup,
        buyer=buy,
        system=sys_,
        order_year=order_year,
        status=status,
        status_explanation=explanation,
        deals=deals,
        events=build_events(ev, deals),
        sources={g: ev.sources[g] for g in sorted(used) if g in ev.sources},
        facts=[f for d in deals for f in sorted(ev.facts.get(d, []), key=lambda f: f.source)],
        links=links,
    )


@dataclass(frozen=True)
class DealSummary:
    """A deal found by :func:`find_deals`."""

    iri: str
    label: str
    order_year: int | None
    kinds: tuple[str, ...]  # "article" and/or "register": who states it

    def to_dict(self) -> dict[str, Any]:
        return {
            "deal": self.iri,
            "label": self.label,
            "orderYear": self.order_year,
            "sources": list(self.kinds),
        }


def system_key_of(name: str) -> str:
    """The comparison key of a system name (through the catalogue's aliases)."""
    key = _catalogue_key(name)
    if not key:
        raise InputError(f"empty system name {name!r}")
    return key


_FIND = """
SELECT DISTINCT ?deal ?g ?type ?system ?year WHERE {
  GRAPH ?g {
    %(values)s
    ?deal kg:buyer ?buyer ; kg:supplier ?supplier .
    ?deal a kg:Deal .
    ?g a ?type . FILTER(?type IN (kg:NewsArticle, kg:DatasetRelease))
    OPTIONAL { ?deal kg:weaponSystem ?system }
    OPTIONAL { ?deal kg:orderYear ?year }
  }
}"""


def find_deals(
    store: Store,
    supplier: str | None = None,
    buyer: str | None = None,
    system: str | None = None,
    year: int | None = None,
    *,
    limit: int = 1000,
) -> list[DealSummary]:
    """Deals by supplier/buyer name or IRI, system name (catalogue aliases apply), order year."""
    bindings: list[str] = []
    tuples: list[URIRef] = []
    if supplier:
        bindings.append("supplier")
        tuples.append(resolve_party_iri(supplier))
    if buyer:
        bindings.append("buyer")
        tuples.append(resolve_party_iri(buyer))
    values = values_block(bindings, [tuples]) if bindings else ""
    found = rows(store, _FIND % {"values": values})
    wanted_key = system_key_of(system) if system else None
    keys = system_keys(store, {r["system"] for r in found if r.get("system")}) if wanted_key else {}
    by_deal: dict[str, dict[str, Any]] = {}
    for r in found:
        if wanted_key and (not r.get("system") or wanted_key not in keys.get(r["system"], ())):
            continue
        item = by_deal.setdefault(r["deal"], {"years": set(), "kinds": set()})
        if isinstance(r.get("year"), int):
            item["years"].add(r["year"])
        item["kinds"].add("article" if r["type"] == str(ns.NewsArticle) else "register")
    if year is not None:
        by_deal = {d: v for d, v in by_deal.items() if year in v["years"]}
    chosen = sorted(by_deal)[:limit]
    ev = gather(store, chosen) if chosen else Evidence()
    out = []
    for d in chosen:
        tl_years = sorted(by_deal[d]["years"])
        sup, buy, sys_ = ev.parties.get(d, ("", "", None))
        label = f"{ev.labels.get(sup, sup)} -> {ev.labels.get(buy, buy)}: {ev.labels.get(sys_ or '', sys_ or '?')}"
        out.append(
            DealSummary(d, label, tl_years[0] if tl_years else None, tuple(sorted(by_deal[d]["kinds"])))
        )
    out.sort(key=lambda s: (s.label, s.order_year or 0, s.iri))
    return out


def timelines_for(
    store: Store,
    supplier: str | None = None,
    buyer: str | None = None,
    system: str | None = None,
    year: int | None = None,
) -> list[Timeline]:
    """One timeline per cluster of the deals :func:`find_deals` returns (a linked pair once)."""
    done: set[str] = set()
    out = []
    for summary in find_deals(store, supplier, buyer, system, year):
        if summary.iri in done:
            continue
        timeline = deal_timeline(store, summary.iri)
        done.update(timeline.deals)
        out.append(timeline)
    return out


# --- text output ------------------------------------------------------------------------


def format_timeline(t: Timeline) -> str:
    """The timeline as readable text (what ``kg deal show`` prints)."""
    lines = [t.label, f"  deal: {t.deal}", f"  status: {t.status_explanation}"]
    for deal in t.deals:
        if deal != t.deal:
            lines.append(f"  linked deal: {deal}")
    lines.append("")
    lines.append("Timeline")
    for e in t.events:
        when = e.date or (f"(undated; reported {e.reported})" if e.reported else "(undated)")
        lines.append(f"  {when:<10}  {e.kind}{' (expected)' if e.expected else ''}")
        for st in e.statements:
            src = t.sources.get(st.source)
            lines.append(f"      - {_statement_text(st, src)}")
            if st.evidence:
                lines.append(f'          "{st.evidence.strip()}"')
    lines.append("")
    lines.append("Sources")
    for g, src in t.sources.items():
        where = f" <{src.url}>" if src.url else ""
        lines.append(f"  [{src.kind}] {src.title or g} ({src.date or 'undated'}){where}")
        lines.append(f"      graph {g}")
    if t.links:
        lines.append("")
        lines.append("Links")
        for link in t.links:
            mark = "candidate" if link.candidate else "link"
            lines.append(
                f"  {mark} {link.score:.2f} [{', '.join(link.reasons)}]: {link.article_deal} -> {link.register_deal}"
            )
    return "\n".join(lines) + "\n"


def _statement_text(st: Statement, src: SourceRef | None) -> str:
    who = src.label() if src else st.source
    if src and src.kind == "register" and st.row is not None:
        who += f" row {st.row}"
    if src and src.kind == "article" and src.title:
        who += f' "{src.title}"'
    said = []
    if st.status:
        said.append(st.status)
    if st.quantity is not None:
        said.append(f"quantity {st.quantity}")
    if st.quantity_delivered is not None:
        said.append(f"{st.quantity_delivered} delivered")
    if st.value:
        said.append(st.value)
    said += st.notes
    return f"{who}: {', '.join(said)}" if said else who


__all__ = [
    "Claim",
    "DealFacts",
    "DealSummary",
    "Event",
    "Evidence",
    "SourceRef",
    "Statement",
    "Timeline",
    "build_events",
    "claim_is_factual",
    "cluster",
    "date_key",
    "deal_timeline",
    "derive_status",
    "find_deals",
    "format_timeline",
    "gather",
    "money",
    "resolve_party_iri",
    "system_key_of",
    "timelines_for",
]
