"""Sources and deal records: what each deal's side panel shows (facts, status timeline,
sources, register rows, evidence)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import networkx as nx

from kg.analysis.evidence import DealEvidence, SourceDoc, date_key, gather
from kg.analysis.network.filters import Filters, _q, resolve_filters
from kg.analysis.network.fx import _deal_usd
from kg.analysis.network.queries import (
    party_info,
    system_info,
)
from kg.analysis.network.rows import (
    _int,
    _num,
    _select,
    _tail,
    _values,
)
from kg.store import Store
from kg.vocab import ns
from kg.vocab.statuses import MODALITIES

#: deals per linked-deal query (a remote engine may refuse a VALUES block of thousands)
_LINK_CHUNK = 500

_SOURCES_Q = """
SELECT ?g (COUNT(DISTINCT ?deal) AS ?deals) WHERE {
  {WHERE}
} GROUP BY ?g
"""

_SOURCE_META_Q = """
SELECT ?g ?kind ?t ?dt ?u WHERE {
  {VALUES}
  { GRAPH ?g { ?g a kg:DatasetRelease . BIND("release" AS ?kind)
      OPTIONAL { ?g kg:releaseTitle ?t } OPTIONAL { ?g kg:dataGenerated ?dt } } }
  UNION { GRAPH ?g { ?g a kg:NewsArticle . BIND("article" AS ?kind)
      OPTIONAL { ?g schema:headline ?t } OPTIONAL { ?g schema:datePublished ?dt }
      OPTIONAL { ?g schema:url ?u } } }
}
"""


def clean_title(text: str) -> str:
    """A source title for people: SIPRI's preamble line has double spaces and " ." before its
    full stop ("from All countries  to All countries . Deals with ...")."""
    text = " ".join(text.split())
    return re.sub(r"\s+([.,;:])", r"\1", text)


def source_meta(store: Store, graphs: list[str]) -> dict[str, SourceRef]:
    """Title, date and URL of source graphs (public name of :func:`_source_meta`)."""
    return _source_meta(store, graphs)


def _source_meta(store: Store, graphs: list[str]) -> dict[str, SourceRef]:
    """Title, date and URL of source graphs (``other`` when a graph is neither kind)."""
    meta = {g: SourceRef(iri=g, kind="other", title=_tail(g)) for g in graphs}
    if not graphs:
        return meta
    for r in _select(store, ns.SPARQL_PREFIXES + _SOURCE_META_Q.replace("{VALUES}", _values("g", graphs))):
        g = str(r["g"])
        meta[g] = SourceRef(
            iri=g,
            kind=str(r["kind"]),
            title=clean_title(str(r.get("t") or _tail(g))),
            date=str(r["dt"]) if r.get("dt") is not None else None,
            url=str(r["u"]) if r.get("u") is not None else None,
        )
    return meta


@dataclass
class SourceRef:
    """A source document: a register release or a news article (graph IRI = source IRI)."""

    iri: str
    kind: str  # "release" | "article" | "other"
    title: str
    date: str | None = None
    url: str | None = None
    deals: int = 0


def sources_used(store: Store, filters: Filters | None = None) -> list[SourceRef]:
    """The sources asserting the selected deals (releases first, then articles by date)."""
    filters = resolve_filters(store, filters or Filters())
    counts = {str(r["g"]): _int(r.get("deals")) for r in _q(store, _SOURCES_Q, filters)}
    out = list(_source_meta(store, sorted(counts)).values())
    for src in out:
        src.deals = counts[src.iri]
    order = {"release": 0, "article": 1, "other": 2}
    return sorted(out, key=lambda s: (order.get(s.kind, 3), s.date or "", s.title))


def graph_sources(store: Store, g: nx.DiGraph) -> list[SourceRef]:
    """The sources behind a graph from :func:`build_graph` (no second scan of the deals).

    ``deals`` is the number of deals on the edges each source contributes to (an upper
    bound when sources share an edge); :func:`sources_used` counts exactly.
    """
    counts: dict[str, int] = defaultdict(int)
    for _, _, d in g.edges(data=True):
        for x in d.get("graphs", []):
            counts[x] += d["deals"]
    out = list(_source_meta(store, sorted(counts)).values())
    for src in out:
        src.deals = counts[src.iri]
    order = {"release": 0, "article": 1, "other": 2}
    return sorted(out, key=lambda s: (order.get(s.kind, 3), s.date or "", s.title))


#: how the sources line names a measure of :func:`kg.present.views.scale.timed_graph`
_MEASURE_NAMES = {"deliveries": "delivered TIV", "orders": "deals by order year"}


def describe_sources(sources: list[SourceRef], fed: Mapping[str, Mapping[int, str]] | None = None) -> str:
    """ "Sources: SIPRI register generated 2024-10-13; 12 news articles" for page titles.

    ``fed``: per measure (``deliveries``, ``orders``), the register release each year's
    figures came from, when several releases feed one page (releases are versions: each
    period's figures come from one); each release then says which years of which measure
    it fed: "SIPRI register generated 2026-02-12 (delivered TIV 1995-2024)".  A run of
    years is named by its first and last year (years without figures inside it included).
    """
    releases = [s for s in sources if s.kind == "release"]
    articles = [s for s in sources if s.kind == "article"]
    others = [s for s in sources if s.kind not in ("release", "article")]
    spans: dict[str, list[str]] = defaultdict(list)
    for measure, years in (fed or {}).items():
        runs: list[list[int | str]] = []  # [first, last, release]
        for y in sorted(years):
            if runs and runs[-1][2] == years[y]:
                runs[-1][1] = y
            else:
                runs.append([y, y, years[y]])
        for first, last, iri in runs:
            span = str(first) if first == last else f"{first}-{last}"
            spans[str(iri)].append(f"{_MEASURE_NAMES.get(measure, measure)} {span}")
    parts = []
    # newest release first: the one the recent years (what a reader looks at first) come from
    for s in sorted(releases, key=lambda s: s.date or "", reverse=True):
        # SIPRI's title line never names SIPRI; curated tables say "kg curated facts: ..."
        name = (
            re.split(r"\. Deals with ", s.title)[0] if s.title.startswith("kg curated") else "SIPRI register"
        )
        fed_here = f" ({', '.join(spans[s.iri])})" if spans.get(s.iri) else ""
        parts.append(name + (f" generated {s.date[:10]}" if s.date else "") + fed_here)
    if articles:
        parts.append(f"{len(articles)} news article{'s' if len(articles) != 1 else ''}")
    if others:
        parts.append(f"{len(others)} other source{'s' if len(others) != 1 else ''}")
    return "Sources: " + ("; ".join(parts) if parts else "none")


@dataclass
class StatusEvent:
    """One dated statement about a deal's stage, and who makes it."""

    date: str  # ISO date or a year
    status: str
    source: str
    evidence: str | None = None


@dataclass
class DealRecord:
    """A deal with what the side panel shows: facts, status timeline, sources, evidence."""

    iri: str
    supplier: str
    buyer: str
    system: str | None
    system_label: str
    category: str | None
    order_year: int | None
    quantity: int | None
    tiv: float
    value_usd: float | None
    statuses: list[str] = field(default_factory=list)
    timeline: list[StatusEvent] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    rows: list[tuple[str, int]] = field(default_factory=list)  # (release title, row number)
    evidence: list[tuple[str, str, str | None]] = field(default_factory=list)  # (text, source title, date)
    linked: list[str] = field(default_factory=list)
    supplier_label: str = ""
    buyer_label: str = ""


_DEALS_Q = """
SELECT ?deal ?s ?b (SAMPLE(?sys) AS ?system) (MIN(?oy) AS ?orderYear) (MAX(?qty) AS ?quantity)
       (MAX(COALESCE(?dt, 0)) AS ?tiv) (MAX(COALESCE(?usd, -1)) AS ?maxUsd) (SAMPLE(?money) AS ?anyMoney)
WHERE {
  {WHERE}
  OPTIONAL { GRAPH ?g { ?deal kg:weaponSystem ?sys } }
  OPTIONAL { GRAPH ?g { ?deal kg:orderYear ?oy } }
  OPTIONAL { GRAPH ?g { ?deal kg:quantity ?qty } }
  OPTIONAL { GRAPH ?g { ?deal kg:tivDelivered ?dt } }
  OPTIONAL { GRAPH ?g { ?deal kg:valueUSD ?usd } }
  OPTIONAL { GRAPH ?g { ?deal kg:valueAmount ?amt ; kg:valueCurrency ?cur }
             BIND(CONCAT(STR(?cur), " ", STR(?amt)) AS ?money) }
} GROUP BY ?deal ?s ?b
"""


@dataclass
class DealSelection:
    """The deals a view shows, before their evidence is read: the records (facts of the
    deals query only) and, per shown deal, itself and the deals linked to it."""

    records: dict[str, DealRecord]
    related: dict[str, list[str]]

    def deals(self) -> list[str]:
        """Every deal whose evidence the records need (shown deals and their linked deals)."""
        return sorted({x for rel in self.related.values() for x in rel})

    def fill(self, store: Store, ev: DealEvidence) -> list[DealRecord]:
        """The records with sources, statuses, timeline, register rows and evidence from ``ev``
        (:func:`kg.analysis.evidence.gather` of at least :meth:`deals`), in selection order."""
        deals = {  # fresh lists: filling twice gives the same records
            d: replace(
                rec, statuses=[], timeline=[], sources=[], rows=[], evidence=[], linked=list(rec.linked)
            )
            for d, rec in self.records.items()
        }
        own_kinds: dict[str, set[str]] = {}
        for d, rec in deals.items():
            for x in self.related[d]:
                own_kinds[x] = _add_facts(rec, ev, x)
                _add_claims(rec, ev, x)
        # an article deal linked to a selected register deal is shown once, as that deal
        for d in list(deals):
            if "release" in own_kinds[d]:
                continue
            if any(x in deals and "release" in own_kinds[x] for x in deals[d].linked):
                del deals[d]
        parties = party_info(store, [p for rec in deals.values() for p in (rec.supplier, rec.buyer)])
        for rec in deals.values():
            rec.timeline.sort(key=lambda e: (e.date, e.status))
            rec.rows.sort()
            rec.sources.sort(key=lambda s: (s.kind != "release", s.date or "", s.title))
            rec.evidence.sort(key=lambda e: (date_key(e[2]), e[1], e[0]))
            rec.supplier_label = parties.get(rec.supplier, ("party", _tail(rec.supplier)))[1]
            rec.buyer_label = parties.get(rec.buyer, ("party", _tail(rec.buyer)))[1]
        return [deals[d] for d in self.records if d in deals]


def select_deals(
    store: Store, filters: Filters | None = None, *, limit: int | None = 300, also: Filters | None = None
) -> DealSelection:
    """The selected deals, largest delivered TIV first (then newest), and their linked deals.

    ``limit`` caps the list (views stay readable); ``None`` keeps every deal.  ``also``: a
    second selection whose deals follow (a country's imports, then its exports): one
    read of the systems, links and evidence for both, a deal in both listed once.
    """
    filters = resolve_filters(store, filters or Filters())
    rows = _deal_rows(store, filters, limit)
    if also is not None:
        seen = {str(r["deal"]) for r in rows}
        more = _deal_rows(store, resolve_filters(store, also), limit)
        rows += [r for r in more if str(r["deal"]) not in seen]
    deals = _records(store, rows) if rows else {}
    ids = list(deals)
    related: dict[str, list[str]] = {d: [d] for d in ids}
    linked_rows = []
    # the deal itself and deals linked to it (article <-> register); the VALUES block is cut
    # into chunks because a remote engine may refuse one of thousands of deals (Virtuoso's
    # SP030 at 10x the register)
    for start in range(0, len(ids), _LINK_CHUNK):
        linked_q = (
            ns.SPARQL_PREFIXES
            + "SELECT DISTINCT ?deal ?d2 WHERE { "
            + _values("deal", ids[start : start + _LINK_CHUNK])
            + """
      { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkFrom ?deal ; kg:linkTo ?d2 } }
      UNION { GRAPH ?lg { ?lk a kg:DealLink ; kg:linkTo ?deal ; kg:linkFrom ?d2 } } }"""
        )
        linked_rows += _select(store, linked_q)
    for r in sorted(linked_rows, key=lambda r: (str(r["deal"]), str(r["d2"]))):
        d, d2 = str(r["deal"]), str(r["d2"])
        deals[d].linked.append(d2)
        if d2 not in related[d]:
            related[d].append(d2)
    return DealSelection(deals, related)


def deal_records(
    store: Store,
    filters: Filters | None = None,
    *,
    limit: int | None = 300,
    also: Filters | None = None,
    sources_only: bool = False,
) -> list[DealRecord]:
    """The selected deals, largest delivered TIV first (then newest), with their evidence.

    The evidence is the one read model (:func:`kg.analysis.evidence.gather`) the timeline and
    the contradictions read; ``limit`` caps the list (views stay readable); ``None`` returns
    every deal.  ``also``: see :func:`select_deals`.  ``sources_only``: the records' sources,
    statuses and register rows but no claims (no evidence sentences, no article-dated
    timeline), read at a third of the cost.
    """
    selection = select_deals(store, filters, limit=limit, also=also)
    if not selection.records:
        return []
    return selection.fill(store, gather(store, selection.deals(), sources_only=sources_only))


def _deal_rows(store: Store, filters: Filters, limit: int | None) -> list[dict]:
    """The deals query's rows, below-threshold pairs dropped, largest first, capped."""
    rows = _q(store, _DEALS_Q, filters)
    if filters.min_tiv is not None:
        # the same rule as the network: a supplier -> buyer pair below the threshold goes
        # (its delivered TIV summed over the selected deals), with all of its deals
        pair_tiv: dict[tuple[str, str], float] = defaultdict(float)
        for r in rows:
            pair_tiv[(str(r["s"]), str(r["b"]))] += _num(r.get("tiv"))
        rows = [r for r in rows if pair_tiv[(str(r["s"]), str(r["b"]))] >= filters.min_tiv]
    rows.sort(key=lambda r: (-_num(r.get("tiv")), -_num(r.get("orderYear")), str(r["deal"])))
    return rows if limit is None else rows[: max(0, int(limit))]


def _records(store: Store, rows: list[dict]) -> dict[str, DealRecord]:
    """A :class:`DealRecord` per row (facts only; sources and evidence come after)."""
    info = system_info(store, [str(r["system"]) for r in rows if r.get("system") is not None])
    deals: dict[str, DealRecord] = {}
    for r in rows:
        sys_iri = str(r["system"]) if r.get("system") is not None else None
        label, cat = info.get(sys_iri, (_tail(sys_iri), None)) if sys_iri else ("(system unknown)", None)
        deals[str(r["deal"])] = DealRecord(
            iri=str(r["deal"]),
            supplier=str(r["s"]),
            buyer=str(r["b"]),
            system=sys_iri,
            system_label=label,
            category=cat,
            order_year=_int(r["orderYear"]) if r.get("orderYear") is not None else None,
            quantity=_int(r["quantity"]) if r.get("quantity") is not None else None,
            tiv=_num(r.get("tiv")),
            value_usd=_deal_usd(
                {"maxUsd": r.get("maxUsd"), "anyMoney": r.get("anyMoney"), "year": r.get("orderYear")}
            ),
        )
    return deals


def source_ref(graph: str, doc: SourceDoc | None) -> SourceRef:
    """The deals view's entry for a source of the evidence model (``other``: neither a
    register release nor a news article, e.g. an imported RDF file)."""
    if doc is None or not (doc.release or doc.kind == "article"):
        return SourceRef(iri=graph, kind="other", title=_tail(graph))
    return SourceRef(
        iri=graph,
        kind="release" if doc.release else "article",
        title=clean_title(doc.title or _tail(graph)),
        date=doc.date,
        url=doc.url if not doc.release else None,
    )


def _add_facts(rec: DealRecord, ev: DealEvidence, deal: str) -> set[str]:
    """``deal``'s sources, statuses, register-dated status events and register rows into
    ``rec``; returns the kinds of source that assert ``deal``."""
    kinds: set[str] = set()
    for f in sorted(ev.facts.get(deal, []), key=lambda f: f.source):
        src = source_ref(f.source, ev.sources.get(f.source))
        kinds.add(src.kind)
        if all(s.iri != src.iri for s in rec.sources):
            rec.sources.append(src)
        if f.status is not None:
            if f.status not in rec.statuses:
                rec.statuses.append(f.status)
            if src.kind == "release":
                rec.timeline.append(StatusEvent(src.date or "", f.status, src.title))
        if f.row is not None:
            rec.rows.append((src.title, f.row))
    return kinds


def _add_claims(rec: DealRecord, ev: DealEvidence, deal: str) -> None:
    """``deal``'s claims into ``rec``: dated status statements (timeline) and evidence sentences."""
    for c in ev.claims.get(deal, []):
        src = source_ref(c.source, ev.sources.get(c.source))
        dates = sorted(c.dates) or [src.date or ""]
        statuses = [] if c.negated else sorted(c.statuses)  # "not cancelled" is no cancellation
        for st in statuses:
            if c.modality in MODALITIES:  # a hedge; a plain statement has no modality
                st = f"{st} ({c.modality})"  # e.g. "delivering (expected)"
            for date in dates:
                event = StatusEvent(date, st, src.title, c.evidence)
                if all(
                    (e.date, e.status, e.source) != (event.date, event.status, event.source)
                    for e in rec.timeline
                ):
                    rec.timeline.append(event)
        if c.evidence is not None:
            for date in dates:
                item = (c.evidence, src.title, date or None)
                if item not in rec.evidence:
                    rec.evidence.append(item)
