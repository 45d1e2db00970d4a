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

The statements come from the evidence read model (:mod:`kg.analysis.evidence`: bulk
gathering, well-supported claims, claim dates), shared with :mod:`kg.analysis.contradictions`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import URIRef

from kg.analysis.evidence import (
    DealEvidence,
    DealFacts,
    SourceDoc,
    StoredClaim,
    claim_is_factual,
    cluster,
    date_key,
    event_dates,
    gather,
    money,
)
from kg.errors import InputError, UnknownName
from kg.ingest.linking import LinkResult, rows, system_keys, values_block
from kg.store import Store
from kg.vocab import ns, reference
from kg.vocab.parties import resolve_party_iri
from kg.vocab.statuses import EVENT_KIND, MIN_CONFIDENCE, NOT_FACTUAL, RANK

# --- data model -----------------------------------------------------------------------


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
    sources: dict[str, SourceDoc]
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


# --- events and status ------------------------------------------------------------------


def _value_text(values: Iterable[tuple[Decimal, str]]) -> str | None:
    items = sorted(set(values))
    if not items:
        return None
    return ", ".join(money(a, c) for a, c in items)


def claim_events(claim: StoredClaim, source: SourceDoc | None) -> list[tuple[str, str, bool, Statement]]:
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
    kind = EVENT_KIND.get(claim.status, "mention")
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


def register_events(ev: DealEvidence, deal: str) -> list[tuple[str, str, bool, Statement]]:
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


def build_events(ev: DealEvidence, deals: Sequence[str]) -> list[Event]:
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


def _register_status(ev: DealEvidence, f: DealFacts, src: SourceDoc) -> SourceStatus | None:
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


def _claim_summary(status: str, claims: list[StoredClaim]) -> str:
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


def _as_of(c: StoredClaim, src: SourceDoc) -> tuple[int, int, int]:
    """When a claim's status held: its latest event date not after the source's own date."""
    limit = date_key(src.date) if src.date else (9999, 12, 31)
    dates = [date_key(d) for d in event_dates(c) if date_key(d) <= limit]
    return max(dates) if dates else date_key(src.date)


def _article_status(ev: DealEvidence, claims: list[StoredClaim], src: SourceDoc) -> SourceStatus | None:
    good = [c for c in claims if claim_is_factual(c, src) and c.status != "unknown"]
    if not good:
        return None
    best = max(good, key=lambda c: (_as_of(c, src), RANK.get(c.status, 3), c.start or 0))
    status = best.status
    same = [c for c in good if c.status == status]
    return SourceStatus(
        src.graph, src.date or "", status, f"{src.label()} says {_claim_summary(status, same)}"
    )


def derive_status(ev: DealEvidence, deals: Sequence[str]) -> tuple[str, str, list[SourceStatus]]:
    """(status, explanation, per-source statuses oldest first) for a deal cluster."""
    per_source: list[SourceStatus] = []
    by_source: dict[str, list[StoredClaim]] = defaultdict(list)
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
        src = ev.sources.get(g) or SourceDoc(g, "article")
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


def _timeline(ev: DealEvidence, deal: str, deals: list[str], links: list[LinkResult]) -> Timeline:
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
    key = reference.catalogue_key(name)
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
    ev = gather(store, chosen) if chosen else DealEvidence()
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


def _statement_text(st: Statement, src: SourceDoc | None) -> str:
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
    "DealSummary",
    "Event",
    "Party",
    "Statement",
    "Timeline",
    "build_events",
    "claim_events",
    "deal_timeline",
    "derive_status",
    "find_deals",
    "format_timeline",
    "resolve_party_iri",
    "system_key_of",
    "timelines_for",
]
