"""Deals whose sources disagree: quantity, value, order year, impossible status sequences.

A deal is compared across every source that states it *and* across its linked deals (an
article deal and the register deal it is linked to, see :mod:`kg.ingest.linking`): the unit of
comparison is the *cluster* of deals connected by chosen links.  Each disagreement is one
:class:`Contradiction` with the conflicting values side by side, each value with every
source that gives it (article title, date and evidence sentence; register release and
row).

Rules (the *why* of each):

* **quantity**: two sources give different numbers ordered (5 S-400 "systems" in the
  press, 10 units in SIPRI).  Claims count with their evidence; an article's deal-level
  summary is used only when none of its claims gives a number;
* **value**: amounts in the same currency differing by more than :data:`VALUE_TOLERANCE`
  (rounding in the press is not a disagreement; different currencies are not compared,
  but SIPRI's US-dollar conversion counts as a USD value);
* **order year**: different years (a link tolerates one year; the difference is still
  reported);
* **status**: an impossible sequence, e.g. a deal reported signed or delivering and, in a
  later year, only negotiating or offered; or cancelled and later delivering.  Only
  well-supported statements count (see :func:`kg.analysis.evidence.claim_is_factual`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from kg.analysis.evidence import (
    DealEvidence,
    DealFacts,
    StoredClaim,
    claim_is_factual,
    date_key,
    event_dates,
    gather,
    money,
)
from kg.analysis.timeline import resolve_party_iri, system_key_of
from kg.ingest.linking import describe, rows, system_keys
from kg.store import Store
from kg.vocab import iris, ns
from kg.vocab.statuses import CONTRACTED, DELIVERY, PRE_CONTRACT

#: Relative difference below which two amounts in one currency agree (press rounding).
VALUE_TOLERANCE = Decimal("0.05")
FIELDS = ("quantity", "value", "order year", "status")


@dataclass
class Witness:
    """One source giving a value."""

    source: str  # graph IRI
    kind: str  # article | register
    label: str  # "article 2026-05-26", "SIPRI 2024-10-13 row 30"
    deal: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    row: int | None = None
    evidence: str | None = None
    witness: str | None = None  # the story for copies of one story (kg:sameStoryAs), else source


@dataclass
class ConflictValue:
    value: str
    witnesses: list[Witness] = field(default_factory=list)


@dataclass
class Contradiction:
    """Sources of one deal (cluster) disagreeing on one field."""

    deal: str
    label: str
    deals: list[str]
    field: str  # quantity | value | order year | status
    values: list[ConflictValue]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "deal": self.deal,
            "label": self.label,
            "deals": list(self.deals),
            "field": self.field,
            "values": [asdict(v) for v in self.values],
            "note": self.note,
        }

    def side_by_side(self) -> str:
        """``5 [article 2026-05-26] | 10 [SIPRI 2024-10-13 row 30]``."""
        return " | ".join(
            f"{v.value} [{'; '.join(dict.fromkeys(w.label for w in v.witnesses))}]" for v in self.values
        )


@dataclass
class ContradictionFilter:
    """Which deals to examine: parties and systems by name or IRI, order-year range."""

    supplier: str | None = None
    buyer: str | None = None
    system: str | None = None
    year_from: int | None = None
    year_to: int | None = None


# --- clusters of linked deals -----------------------------------------------------------

_CHOSEN_LINKS = """
SELECT ?from ?to WHERE {
  GRAPH ?links { ?l a kg:DealLink ; kg:linkFrom ?from ; kg:linkTo ?to ; kg:linkCandidate false }
}"""

_MULTI_SOURCE = """
SELECT ?deal WHERE { GRAPH ?g { ?g a ?t . FILTER(?t IN (kg:NewsArticle, kg:DatasetRelease)) ?deal a kg:Deal } }
GROUP BY ?deal HAVING (COUNT(DISTINCT ?g) > 1)"""


def clusters(store: Store) -> list[list[str]]:
    """Groups of deals told by more than one source: linked deals, and deals several graphs state."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows(store, _CHOSEN_LINKS, {"links": iris.LINKS_GRAPH}):
        a, b = find(r["from"]), find(r["to"])
        if a != b:
            parent[max(a, b)] = min(a, b)
    for r in rows(store, _MULTI_SOURCE):
        find(r["deal"])
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    return [sorted(g) for _, g in sorted(groups.items())]


def _filter_clusters(store: Store, groups: list[list[str]], flt: ContradictionFilter) -> list[list[str]]:
    if not any((flt.supplier, flt.buyer, flt.system, flt.year_from, flt.year_to)):
        return groups
    sup = str(resolve_party_iri(flt.supplier)) if flt.supplier else None
    buy = str(resolve_party_iri(flt.buyer)) if flt.buyer else None
    wanted_key = system_key_of(flt.system) if flt.system else None
    deals = sorted({d for g in groups for d in g})
    if not deals:
        return []
    props: dict[str, dict[str, Any]] = defaultdict(dict)
    for d, _, p, o in describe(store, deals, (ns.supplier, ns.buyer, ns.weaponSystem, ns.orderYear)):
        props[d].setdefault(p, o)
    systems = {p[str(ns.weaponSystem)] for p in props.values() if str(ns.weaponSystem) in p}
    keys = system_keys(store, systems) if wanted_key else {}
    ok: set[str] = set()
    for d, p in props.items():
        if sup and p.get(str(ns.supplier)) != sup:
            continue
        if buy and p.get(str(ns.buyer)) != buy:
            continue
        system = p.get(str(ns.weaponSystem))
        if wanted_key and (not system or wanted_key not in keys.get(system, ())):
            continue
        year = p.get(str(ns.orderYear)) if isinstance(p.get(str(ns.orderYear)), int) else None
        if flt.year_from is not None and (year is None or year < flt.year_from):
            continue
        if flt.year_to is not None and (year is None or year > flt.year_to):
            continue
        ok.add(d)
    return [g for g in groups if ok.intersection(g)]


# --- witnesses --------------------------------------------------------------------------


def _witness(
    ev: DealEvidence, source: str, deal: str, *, row: int | None = None, evidence: str | None = None
) -> Witness:
    src = ev.sources.get(source)
    kind = src.kind if src else "register"
    label = src.label() if src else source
    if kind == "register" and row is not None:
        label += f" row {row}"
    return Witness(
        source=source,
        kind=kind,
        label=label,
        deal=deal,
        title=src.title if src else None,
        date=src.date if src else None,
        url=src.url if src else None,
        row=row,
        evidence=evidence,
        witness=src.witness if src else source,
    )


def _usable(ev: DealEvidence, c: StoredClaim) -> bool:
    return not c.negated and (c.confidence is None or c.confidence >= 0.5)


def _collect(ev: DealEvidence, deals: list[str], pick_claim: Any, pick_fact: Any) -> dict[Any, list[Witness]]:
    """value -> witnesses; articles through their claims, else their deal-level summary."""
    out: dict[Any, list[Witness]] = defaultdict(list)
    for deal in deals:
        claimed_sources: set[str] = set()
        for c in ev.claims.get(deal, []):
            if not _usable(ev, c):
                continue
            for value in pick_claim(c):
                out[value].append(_witness(ev, c.source, deal, evidence=c.evidence))
                claimed_sources.add(c.source)
        for f in ev.facts.get(deal, []):
            if f.source in claimed_sources:
                continue
            for value in pick_fact(f):
                out[value].append(_witness(ev, f.source, deal, row=f.row))
    return out


def _dedupe(witnesses: list[Witness]) -> list[Witness]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for w in witnesses:
        key = (w.witness or w.source, w.evidence)  # a reprinted sentence is said once
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out


def _distinct_sources(by_value: dict[Any, list[Witness]]) -> bool:
    """More than one witness: copies of one story (kg.feeds.dedup) are one, not several."""
    return len({w.witness or w.source for ws in by_value.values() for w in ws}) > 1


def _simple_conflict(
    deals: list[str], label: str, field_name: str, by_value: dict[Any, list[Witness]], fmt: Any = str
) -> Contradiction | None:
    if len(by_value) < 2 or not _distinct_sources(by_value):
        return None
    values = [ConflictValue(fmt(v), _dedupe(ws)) for v, ws in sorted(by_value.items())]
    return Contradiction(deals[0], label, deals, field_name, values)


def _value_conflict(ev: DealEvidence, deals: list[str], label: str) -> Contradiction | None:
    def claim_values(c: StoredClaim) -> Iterable[tuple[Decimal, str]]:
        return c.values

    def fact_values(f: DealFacts) -> Iterable[tuple[Decimal, str]]:
        vals = list(f.values)
        if f.value_usd is not None and not any(cur == "USD" for _, cur in vals):
            vals.append((f.value_usd, "USD"))
        return vals

    by_value = _collect(ev, deals, claim_values, fact_values)
    # Disagreement: same currency, amounts beyond the tolerance, given by different sources.
    by_currency: dict[str, list[tuple[Decimal, str]]] = defaultdict(list)
    for (amount, currency), ws in by_value.items():
        for w in ws:
            by_currency[currency].append((amount, w.witness or w.source))
    conflicting: set[tuple[Decimal, str]] = set()
    for currency, items in by_currency.items():
        for a, src_a in items:
            for b, src_b in items:
                if src_a != src_b and a > 0 and b > 0 and abs(a - b) / max(a, b) > VALUE_TOLERANCE:
                    conflicting |= {(a, currency), (b, currency)}
    if not conflicting:
        return None
    values = [
        ConflictValue(money(a, c), _dedupe(by_value[(a, c)]))
        for a, c in sorted(conflicting, key=lambda v: (v[1], v[0]))
    ]
    return Contradiction(deals[0], label, deals, "value", values, f"differ by more than {VALUE_TOLERANCE:%}")


def _status_points(
    ev: DealEvidence, deals: list[str]
) -> list[tuple[tuple[int, int, int], str, str, Witness]]:
    """(date key, date text, status, witness) of every dated, well-supported status statement."""
    points = []
    for deal in deals:
        for f in ev.facts.get(deal, []):
            src = ev.sources.get(f.source)
            if src is None or src.kind != "register":
                continue
            if f.order_year is not None:
                w = _witness(ev, f.source, deal, row=f.row)
                points.append(((f.order_year, 0, 0), str(f.order_year), "signed", w))
            for g, year, *_ in ev.deliveries.get(deal, []):
                if g == f.source:
                    points.append(((year, 0, 0), str(year), "delivering", _witness(ev, g, deal, row=f.row)))
        for c in ev.claims.get(deal, []):
            src = ev.sources.get(c.source)
            if not claim_is_factual(c, src) or c.status == "unknown":
                continue
            # the claim's own event dates (not another event's year, not the day someone
            # spoke), else the status holds as of its report
            dates = event_dates(c) or ([src.date] if src and src.date else [])
            if not dates:
                continue
            when = dates[-1]
            statuses = {c.status} | ({"cancelled"} if "cancelled" in c.statuses else set())
            for status in statuses:
                points.append(
                    (date_key(when), when, status, _witness(ev, c.source, deal, evidence=c.evidence))
                )
    points.sort(key=lambda p: (p[0], p[1], p[2]))
    return points


def _status_conflict(ev: DealEvidence, deals: list[str], label: str) -> Contradiction | None:
    """The first later statement that cannot follow an earlier one (in an earlier *year*).

    Same-year statements are never compared: "signed in 2024" and "negotiating in Feb 2024"
    may both be right.  The earlier side shown is the latest statement it contradicts.
    """
    points = _status_points(ev, deals)
    for key_b, date_b, status_b, wit_b in points:
        earlier = [p for p in points if p[0][0] < key_b[0]]
        if status_b in PRE_CONTRACT:
            clash = [p for p in earlier if p[2] in CONTRACTED]
            why = "a later stage was reported earlier"
        elif status_b in DELIVERY:
            clash = [p for p in earlier if p[2] == "cancelled"]
            why = "deliveries after cancellation"
        else:
            continue
        if clash:
            _, date_a, status_a, wit_a = clash[-1]
            values = [
                ConflictValue(f"{status_a} ({date_a})", [wit_a]),
                ConflictValue(f"{status_b} ({date_b})", [wit_b]),
            ]
            note = f"{status_b} in {date_b} after {status_a} in {date_a}: {why}"
            return Contradiction(deals[0], label, deals, "status", values, note)
    return None


def cluster_label(ev: DealEvidence, deals: list[str]) -> str:
    """``Russia -> India: S-400 Triumf (2018)`` from the first deal with parties."""
    for deal in deals:
        if deal in ev.parties:
            sup, buy, system = ev.parties[deal]
            years = sorted(
                {f.order_year for d in deals for f in ev.facts.get(d, []) if f.order_year is not None}
            )
            label = f"{ev.labels.get(sup, sup)} -> {ev.labels.get(buy, buy)}: {ev.labels.get(system or '', system or '?')}"
            return label + (f" ({'/'.join(map(str, years))})" if years else "")
    return deals[0]


def contradictions_in(ev: DealEvidence, deals: list[str]) -> list[Contradiction]:
    """Every contradiction among the statements about one cluster of deals."""
    label = cluster_label(ev, deals)
    out = []
    quantity = _collect(
        ev,
        deals,
        lambda c: [c.quantity] if c.quantity else [],
        lambda f: [f.quantity] if f.quantity else [],
    )
    year = _collect(
        ev,
        deals,
        lambda c: [c.order_year] if c.order_year else [],
        lambda f: [f.order_year] if f.order_year else [],
    )
    for found in (
        _simple_conflict(deals, label, "quantity", quantity),
        _value_conflict(ev, deals, label),
        _simple_conflict(deals, label, "order year", year),
        _status_conflict(ev, deals, label),
    ):
        if found is not None:
            out.append(found)
    return out


def find_contradictions(store: Store, filters: ContradictionFilter | None = None) -> list[Contradiction]:
    """Contradictions of every multi-source deal (cluster) matching ``filters``.

    Deals are grouped by chosen links (run :func:`kg.ingest.linking.link` first) and by shared
    IRIs (several articles, or an article and a curated table, stating the same deal).
    """
    groups = _filter_clusters(store, clusters(store), filters or ContradictionFilter())
    if not groups:
        return []
    return contradictions_of(gather(store, [d for g in groups for d in g]), groups)


def contradictions_of(ev: DealEvidence, groups: list[list[str]]) -> list[Contradiction]:
    """Contradictions of each cluster in ``groups``, from evidence already gathered for them
    (the deals view reads its deals' evidence once and passes it here)."""
    out: list[Contradiction] = []
    for group in groups:
        # Put the article deal first: it is what a reader looks up by name.
        ordered = sorted(group, key=lambda d: (not ev.claims.get(d), d))
        out.extend(contradictions_in(ev, ordered))
    out.sort(key=lambda c: (c.label, FIELDS.index(c.field), c.deal))
    return out


def rows_for_output(found: list[Contradiction]) -> tuple[list[str], list[list[str]]]:
    """Flat rows (table/csv): one row per contradiction, values side by side."""
    variables = ["deal", "label", "field", "values", "note"]
    return variables, [[c.deal, c.label, c.field, c.side_by_side(), c.note] for c in found]


__all__ = [
    "ConflictValue",
    "Contradiction",
    "ContradictionFilter",
    "Witness",
    "clusters",
    "contradictions_in",
    "find_contradictions",
    "rows_for_output",
]
