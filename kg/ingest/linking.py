"""Link deals known from news articles to the deals a register release records.

An article deal (minted by :func:`kg.vocab.iris.article_deal` from supplier, buyer, system, order
year and batch) and a SIPRI register deal (one per release row) may describe the same
contract.  Linking never merges or rewrites either source: each match is its own
statement, a :class:`kg:DealLink` node ``kg.vocab.iris.link(article_deal, register_deal)`` with
``kg:linkFrom``, ``kg:linkTo``, ``kg:linkScore``, one ``kg:linkReason`` literal per agreeing
field and ``kg:linkCandidate`` (``true`` for a candidate that was not chosen, because the
register holds several equally good matches or a clearly better one).

Where links live (decided for incremental updates): one named graph,
:data:`kg.vocab.iris.LINKS_GRAPH`.  An article deal is shared by every article that mentions
the same contract, so its links depend on the union of those articles, not on one
article graph; per-article link graphs would hold the same link with different scores.
Updates are therefore keyed by *article deal*: :func:`link` recomputes the links of the
affected article deals and replaces exactly those link nodes (one SPARQL update, atomic),
plus drops links whose ends no longer exist.  A full run (no arguments) rebuilds the whole
graph with a crash-safe graph replacement.  Runs are idempotent: same store, same triples.

Matching rules (:func:`score_candidate`):

* supplier and buyer must be the same party IRI (importers mint parties identically);
* the weapon system must be the same through the catalogue's aliases
  (:func:`kg.vocab.reference.resolve_system`: ``S-400`` = ``S-400 Triumf``; ``Rafale`` and
  ``Rafale-M`` stay apart); systems outside the catalogue compare by
  :func:`kg.vocab.reference.system_key` of their labels;
* order years, when both are known, must be equal or one apart (reason ``order year`` or
  ``order year ±1``); an *additional batch* without an order year, or one whose quantity
  is incompatible (below), cannot be a register deal ordered two or more years before the
  article reporting it: that is a new order;
* quantities are compatible when equal (reason ``quantity``) or within a factor of two
  (SIPRI and the press often count units differently: 5 S-400 "systems" are 10 SIPRI
  units); a larger disagreement lowers the score but does not forbid the link.

Candidates are selected per (supplier, buyer) pair by one SPARQL query with a ``VALUES``
block of the pairs in question, then matched through a dict keyed by (supplier, buyer,
system key): no loop over all article x register pairs.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.rdf.bindings import safe_term
from kg.store import EmbeddedStore, Store
from kg.vocab import iris, ns, reference
from kg.vocab.ns import SCHEMA

#: Score of a match on supplier, buyer and system alone.
BASE_SCORE = 0.55
YEAR_EXACT = 0.30
YEAR_NEAR = 0.20
QUANTITY_EQUAL = 0.15
QUANTITY_CONFLICT = -0.15
#: Two candidates of one release closer than this are ambiguous: neither is chosen.
AMBIGUITY_MARGIN = 0.10
#: Runner-up candidates are kept (as kg:linkCandidate true) when within this of the best.
KEEP_MARGIN = 0.25
#: Largest ratio between two quantities still considered the same order counted differently.
QUANTITY_RATIO = 2.0

REASON_SUPPLIER = "supplier"
REASON_BUYER = "buyer"
REASON_SYSTEM = "system"
REASON_YEAR = "order year"
REASON_YEAR_NEAR = "order year ±1"
REASON_QUANTITY = "quantity"


# --- generic row access -----------------------------------------------------------------


def rows(store: Store, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """SELECT rows (kg's prefixes added) as plain Python values (:meth:`Store.rows`: IRIs
    as str, numbers as int/Decimal); unbound keys absent."""
    return store.rows(ns.SPARQL_PREFIXES + sparql, bindings)


def values_block(variables: Sequence[str], tuples: Iterable[Sequence[URIRef | Literal | None]]) -> str:
    """A multi-row ``VALUES`` block; every term serialised by :func:`kg.rdf.bindings.safe_term`."""
    lines = []
    for tup in tuples:
        cells = ["UNDEF" if t is None else safe_term(t) for t in tup]
        lines.append("(" + " ".join(cells) + ")")
    head = "(" + " ".join("?" + v for v in variables) + ")"
    return f"VALUES {head} {{ {' '.join(lines)} }}"


#: Up to this many predicates, :func:`describe` looks each (subject, predicate) pair up.
_PER_PREDICATE_LOOKUPS = 3

_DESCRIBE = "SELECT ?s ?g ?p ?o WHERE { %(values)s GRAPH ?g { ?s ?p ?o } }"
_REFERRERS = "SELECT ?s ?g ?o WHERE { %(values)s GRAPH ?g { ?s %(predicate)s ?o } }"


def describe(
    store: Store, subjects: Iterable[str], predicates: Iterable[URIRef] | None = None
) -> list[tuple[str, str, str, Any]]:
    """(subject, graph, predicate, object) of every triple about ``subjects`` (in named graphs).

    The embedded store answers by index lookups (``quads_for_pattern``): a large ``VALUES``
    block joined against ``GRAPH ?g`` makes Oxigraph's planner scan every named graph,
    which is quadratic with thousands of article graphs.  Other stores get one SPARQL
    query.  ``predicates`` restricts the predicates (objects stay plain Python values).
    """
    wanted = sorted(set(map(str, subjects)))
    if not wanted:
        return []
    preds = [str(p) for p in predicates] if predicates is not None else None
    out: list[tuple[str, str, str, Any]] = []
    if isinstance(store, EmbeddedStore):
        if preds is not None and len(preds) <= _PER_PREDICATE_LOOKUPS:
            for subject in wanted:
                for pred in preds:
                    out.extend((subject, g, p, o) for _, p, o, g in store.quads(subject, pred))
            return out
        # Many predicates: one lookup per subject, filtered here, is cheaper than one per
        # (subject, predicate) pair (a deal carries ~20 triples; the deal read asks for ~25).
        keep = frozenset(preds) if preds is not None else None
        for subject in wanted:
            out.extend(
                (subject, g, p, o) for _, p, o, g in store.quads(subject, None) if keep is None or p in keep
            )
        return out
    for chunk in _chunks(wanted, 500):
        q = _DESCRIBE % {"values": values_block(["s"], ((URIRef(x),) for x in chunk))}
        for r in rows(store, q):
            if preds is None or r["p"] in preds:
                out.append((r["s"], r["g"], r["p"], r["o"]))
    return out


def referrers(store: Store, predicate: URIRef, objects: Iterable[str]) -> list[tuple[str, str, str]]:
    """(subject, graph, object) of every ``?s predicate object`` triple, for each IRI object."""
    wanted = sorted(set(map(str, objects)))
    if not wanted:
        return []
    out: list[tuple[str, str, str]] = []
    if isinstance(store, EmbeddedStore):
        for obj in wanted:
            out.extend(
                (s, g, obj) for s, _, _, g in store.quads(None, str(predicate), obj) if not s.startswith("_:")
            )
        return out
    for chunk in _chunks(wanted, 500):
        q = _REFERRERS % {
            "values": values_block(["o"], ((URIRef(x),) for x in chunk)),
            "predicate": safe_term(predicate),
        }
        out.extend((r["s"], r["g"], r["o"]) for r in rows(store, q))
    return out


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def graphs_of_type(store: Store, cls: URIRef) -> set[str]:
    """Named graphs that declare themselves of class ``cls`` (``GRAPH ?g { ?g a cls }``)."""
    return {g for s, g, _ in referrers(store, RDF.type, [str(cls)]) if s == g}


# --- systems through the catalogue ------------------------------------------------------


def system_keys(store: Store, systems: Iterable[str]) -> dict[str, frozenset[str]]:
    """System IRI -> its comparison keys (designation, labels and aliases through the catalogue).

    Two systems are the same when their key sets meet; a system without any label still
    matches itself by IRI.
    """
    wanted = sorted(set(systems))
    keys: dict[str, set[str]] = {s: {"iri:" + s} for s in wanted}
    for subject, _, _, label in describe(store, wanted, (RDFS.label, ns.designation, SKOS.altLabel)):
        key = reference.catalogue_key(str(label))
        if key:
            keys[subject].add(key)
    return {s: frozenset(k) for s, k in keys.items()}


# --- the deals being matched ------------------------------------------------------------


@dataclass
class ArticleDeal:
    """An article deal as all articles mentioning it state it (union of their graphs)."""

    iri: str
    supplier: str
    buyer: str
    system: str | None
    order_year: int | None = None
    additional: bool = False
    quantities: set[int] = field(default_factory=set)
    published_years: set[int] = field(default_factory=set)


@dataclass
class RegisterDeal:
    """A deal as one register release records it."""

    iri: str
    release: str
    supplier: str
    buyer: str
    system: str
    order_year: int | None = None
    quantity: int | None = None


@dataclass(frozen=True)
class LinkResult:
    """One link statement: chosen (``candidate`` False) or kept as a candidate."""

    article_deal: str
    register_deal: str
    release: str
    score: float
    reasons: tuple[str, ...]
    candidate: bool

    @property
    def iri(self) -> URIRef:
        return iris.link(self.article_deal, self.register_deal)

    def to_dict(self) -> dict[str, Any]:
        return {
            "link": str(self.iri),
            "from": self.article_deal,
            "to": self.register_deal,
            "release": self.release,
            "score": self.score,
            "reasons": list(self.reasons),
            "candidate": self.candidate,
        }


@dataclass
class LinkReport:
    """What a :func:`link` run did."""

    article_deals: int = 0
    links: int = 0
    candidates: int = 0
    unlinked: int = 0
    removed_stale: int = 0
    seconds: float = 0.0
    results: list[LinkResult] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.article_deals} article deal(s): {self.links} link(s), {self.candidates} candidate(s), "
            f"{self.unlinked} without a register match ({self.seconds:.2f} s)"
        )


_ALL_ARTICLE_DEALS = """
SELECT DISTINCT ?deal WHERE { GRAPH ?g { ?g a kg:NewsArticle . ?deal a kg:Deal } }"""

_DEALS_IN_GRAPHS = """
SELECT DISTINCT ?deal WHERE {
  %(values)s
  GRAPH ?g { ?g a kg:NewsArticle . ?deal a kg:Deal }
}"""

_PAIRS_IN_RELEASES = """
SELECT DISTINCT ?supplier ?buyer WHERE {
  %(values)s
  GRAPH ?g { ?g a kg:DatasetRelease . ?deal a kg:Deal ; kg:supplier ?supplier ; kg:buyer ?buyer }
}"""


def _year_of(value: Any) -> int | None:
    text = str(value or "")
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


def article_deals(store: Store, deals: Iterable[str] | None = None) -> list[ArticleDeal]:
    """Article deals (all, or the given IRIs) with what every article says about them.

    A deal counts as an article deal in the article graphs that type it ``kg:Deal``; its
    quantities are the deal-level ones and those of its non-negated claims.
    """
    if deals is None:
        deals = [r["deal"] for r in rows(store, _ALL_ARTICLE_DEALS)]
    wanted = sorted(set(map(str, deals)))
    if not wanted:
        return []
    articles = graphs_of_type(store, ns.NewsArticle)
    props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    graphs_of: dict[str, set[str]] = defaultdict(set)
    preds = (RDF.type, ns.supplier, ns.buyer, ns.weaponSystem, ns.orderYear, ns.additionalBatch, ns.quantity)
    for d, g, p, o in describe(store, wanted, preds):
        if g in articles:
            props[d][p].append(o)
            if p == str(RDF.type) and o == str(ns.Deal):
                graphs_of[d].add(g)
    claims = [(c, g, d) for c, g, d in referrers(store, ns.about, graphs_of) if g in articles]
    claim_props: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for c, g, p, o in describe(store, {c for c, _, _ in claims}, (ns.quantity, ns.negated)):
        claim_props[(c, g)][p] = o
    published: dict[str, int] = {}
    for g, sg, _, o in describe(store, {g for gs in graphs_of.values() for g in gs}, [SCHEMA.datePublished]):
        year = _year_of(o)
        if g == sg and year:
            published[g] = year
    out: list[ArticleDeal] = []
    for d in wanted:
        if d not in graphs_of:
            continue
        p = props[d]
        supplier, buyer = p.get(str(ns.supplier)), p.get(str(ns.buyer))
        if not supplier or not buyer:
            continue
        systems = sorted(p.get(str(ns.weaponSystem), []))
        deal = ArticleDeal(d, sorted(supplier)[0], sorted(buyer)[0], systems[0] if systems else None)
        years = [y for y in p.get(str(ns.orderYear), []) if isinstance(y, int) and not isinstance(y, bool)]
        deal.order_year = min(years) if years else None
        deal.additional = True in p.get(str(ns.additionalBatch), [])
        deal.quantities = {
            q for q in p.get(str(ns.quantity), []) if isinstance(q, int) and not isinstance(q, bool) and q > 0
        }
        for c, g, cd in claims:
            if cd != d:
                continue
            cp = claim_props.get((c, g), {})
            q = cp.get(str(ns.quantity))
            if (
                cp.get(str(ns.negated)) is not True
                and isinstance(q, int)
                and not isinstance(q, bool)
                and q > 0
            ):
                deal.quantities.add(q)
        deal.published_years = {published[g] for g in graphs_of[d] if g in published}
        out.append(deal)
    return out


def register_deals(
    store: Store,
    pairs: Iterable[tuple[str, str]],
    system_keys_wanted: Mapping[tuple[str, str], set[str]] | None = None,
) -> tuple[list[RegisterDeal], dict[str, frozenset[str]]]:
    """Register deals (deals of ``kg:DatasetRelease`` graphs) of the given (supplier, buyer)
    pairs, and the comparison keys of their systems.

    Index lookups keyed by (supplier, buyer): the deals of the buyers and of the suppliers
    are intersected per release graph; with ``system_keys_wanted`` (pair -> system keys of
    the article deals) only deals whose system can match are read further (order year,
    quantity), which keeps a whole-register run to a few lookups per candidate.
    """
    wanted = set(pairs)
    if not wanted:
        return [], {}
    releases = graphs_of_type(store, ns.DatasetRelease)
    buyers = {(d, g): b for d, g, b in referrers(store, ns.buyer, {b for _, b in wanted}) if g in releases}
    cands: dict[tuple[str, str], tuple[str, str]] = {}
    for d, g, s in referrers(store, ns.supplier, {s for s, _ in wanted}):
        b = buyers.get((d, g))
        if b is not None and (s, b) in wanted:
            cands[(d, g)] = (s, b)
    systems: dict[tuple[str, str], str] = {}
    for d, g, _, o in describe(store, {d for d, _ in cands}, [ns.weaponSystem]):
        if (d, g) in cands:
            systems[(d, g)] = o
    keys = system_keys(store, set(systems.values()))
    if system_keys_wanted is not None:
        systems = {k: v for k, v in systems.items() if keys[v] & system_keys_wanted.get(cands[k], set())}
    facts: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for d, g, p, o in describe(store, {d for d, _ in systems}, (ns.orderYear, ns.quantity)):
        if (d, g) in systems:
            facts[(d, g)][p] = o
    out = []
    for (d, g), system in sorted(systems.items()):
        s, b = cands[(d, g)]
        year, qty = facts[(d, g)].get(str(ns.orderYear)), facts[(d, g)].get(str(ns.quantity))
        out.append(
            RegisterDeal(
                d,
                g,
                s,
                b,
                system,
                year if isinstance(year, int) and not isinstance(year, bool) else None,
                qty if isinstance(qty, int) and not isinstance(qty, bool) else None,
            )
        )
    return out, keys


# --- scoring ----------------------------------------------------------------------------


def quantities_compatible(a: int, b: int) -> bool:
    """Same order counted differently (batteries vs launchers): within :data:`QUANTITY_RATIO`."""
    lo, hi = sorted((a, b))
    return lo > 0 and hi / lo <= QUANTITY_RATIO


def score_candidate(deal: ArticleDeal, reg: RegisterDeal) -> tuple[float, tuple[str, ...]] | None:
    """Score one (article deal, register deal) pair already equal on parties and system.

    Returns ``None`` when the pair cannot be the same deal (order years two or more apart;
    an additional batch against a deal ordered before the article reported it as new).
    """
    score = BASE_SCORE
    reasons = [REASON_SUPPLIER, REASON_BUYER, REASON_SYSTEM]
    if deal.order_year is not None and reg.order_year is not None:
        gap = abs(deal.order_year - reg.order_year)
        if gap == 0:
            score += YEAR_EXACT
            reasons.append(REASON_YEAR)
        elif gap == 1:
            score += YEAR_NEAR
            reasons.append(REASON_YEAR_NEAR)
        else:
            return None
    elif (
        reg.order_year is not None
        and deal.published_years
        and reg.order_year < min(deal.published_years) - 1
        and (
            deal.additional
            or (
                deal.quantities
                and reg.quantity
                and not any(quantities_compatible(q, reg.quantity) for q in deal.quantities)
            )
        )
    ):
        # A follow-on batch "under negotiation" is not a contract signed years earlier, nor
        # is an undated order for a different quantity reported years after one (India's
        # 2020 order for 6 Apaches is not the 2015 order for 22): a new deal.
        return None
    if deal.quantities and reg.quantity:
        if reg.quantity in deal.quantities:
            score += QUANTITY_EQUAL
            reasons.append(REASON_QUANTITY)
        elif not any(quantities_compatible(q, reg.quantity) for q in deal.quantities):
            score += QUANTITY_CONFLICT
    return round(score, 3), tuple(reasons)


def match(
    deals: Sequence[ArticleDeal], registers: Sequence[RegisterDeal], keys: Mapping[str, frozenset[str]]
) -> list[LinkResult]:
    """Links and candidates for ``deals`` among ``registers`` (pure; no store access).

    Register deals are indexed by (supplier, buyer, system key), so each article deal
    meets only the register deals of its own dyad and system.
    """
    index: dict[tuple[str, str, str], list[RegisterDeal]] = defaultdict(list)
    for reg in registers:
        for key in keys.get(reg.system, frozenset({"iri:" + reg.system})):
            index[(reg.supplier, reg.buyer, key)].append(reg)
    results: list[LinkResult] = []
    for deal in deals:
        if deal.system is None:
            continue
        seen: dict[str, RegisterDeal] = {}
        for key in keys.get(deal.system, frozenset({"iri:" + deal.system})):
            for reg in index.get((deal.supplier, deal.buyer, key), ()):
                if reg.iri != deal.iri:
                    seen[reg.iri + "\x1f" + reg.release] = reg
        by_release: dict[str, list[tuple[float, tuple[str, ...], RegisterDeal]]] = defaultdict(list)
        for reg in seen.values():
            scored = score_candidate(deal, reg)
            if scored is not None:
                by_release[reg.release].append((scored[0], scored[1], reg))
        for release, cands in sorted(by_release.items()):
            cands.sort(key=lambda c: (-c[0], c[2].iri))
            best = cands[0][0]
            ambiguous = len(cands) > 1 and best - cands[1][0] < AMBIGUITY_MARGIN
            for i, (score, reasons, reg) in enumerate(cands):
                if score < best - KEEP_MARGIN:
                    break
                chosen = i == 0 and not ambiguous
                results.append(LinkResult(deal.iri, reg.iri, release, score, reasons, not chosen))
    return results


# --- writing ----------------------------------------------------------------------------


def _link_triples(results: Iterable[LinkResult]) -> Iterator[str]:
    for r in results:
        node = r.iri.n3()
        yield f"{node} {RDF.type.n3()} {ns.DealLink.n3()} ."
        yield f"{node} {ns.linkFrom.n3()} {URIRef(r.article_deal).n3()} ."
        yield f"{node} {ns.linkTo.n3()} {URIRef(r.register_deal).n3()} ."
        yield f"{node} {ns.linkScore.n3()} {Literal(Decimal(str(r.score)), datatype=XSD.decimal).n3()} ."
        yield f"{node} {ns.linkCandidate.n3()} {Literal(r.candidate).n3()} ."
        for reason in r.reasons:
            yield f"{node} {ns.linkReason.n3()} {Literal(reason).n3()} ."


def _report(report: LinkReport, deals: Sequence[ArticleDeal], results: list[LinkResult]) -> None:
    report.article_deals = len(deals)
    report.results = results
    report.links = sum(1 for r in results if not r.candidate)
    report.candidates = sum(1 for r in results if r.candidate)
    linked = {r.article_deal for r in results}
    report.unlinked = sum(1 for d in deals if d.iri not in linked)


def _compute(store: Store, deal_iris: Iterable[str] | None) -> tuple[list[ArticleDeal], list[LinkResult]]:
    deals = article_deals(store, deal_iris)
    with_system = [d for d in deals if d.system]
    article_keys = system_keys(store, {d.system for d in with_system if d.system})
    wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in with_system:
        wanted[(d.supplier, d.buyer)] |= article_keys[d.system or ""]
    registers, register_keys = register_deals(store, wanted, wanted)
    return deals, match(deals, registers, {**register_keys, **article_keys})


def _affected_deals(
    store: Store, article_graphs: Iterable[str] | None, release_graphs: Iterable[str] | None
) -> set[str]:
    affected: set[str] = set()
    graphs = sorted(set(map(str, article_graphs or ())))
    if graphs:
        q = _DEALS_IN_GRAPHS % {"values": values_block(["g"], ((URIRef(g),) for g in graphs))}
        affected |= {r["deal"] for r in rows(store, q)}
    releases = sorted(set(map(str, release_graphs or ())))
    if releases:
        q = _PAIRS_IN_RELEASES % {"values": values_block(["g"], ((URIRef(g),) for g in releases))}
        pairs = {(r["supplier"], r["buyer"]) for r in rows(store, q)}
        if pairs:
            articles = graphs_of_type(store, ns.NewsArticle)
            by_buyer = [
                (d, g, b) for d, g, b in referrers(store, ns.buyer, {b for _, b in pairs}) if g in articles
            ]
            suppliers = {
                (d, g): o for d, g, _, o in describe(store, {d for d, _, _ in by_buyer}, [ns.supplier])
            }
            affected |= {d for d, g, b in by_buyer if (suppliers.get((d, g)), b) in pairs}
    return affected


_LINK_ENDS = """
SELECT ?l ?from ?to WHERE { GRAPH ?links { ?l a kg:DealLink ; kg:linkFrom ?from ; kg:linkTo ?to } }"""


def _stale_links(store: Store) -> list[str]:
    """Links whose article deal no longer appears in an article, or register deal in a release."""
    ends = rows(store, _LINK_ENDS, {"links": iris.LINKS_GRAPH})
    if not ends:
        return []
    articles = graphs_of_type(store, ns.NewsArticle)
    releases = graphs_of_type(store, ns.DatasetRelease)
    typed: dict[str, set[str]] = defaultdict(set)
    deals = {r["from"] for r in ends} | {r["to"] for r in ends}
    for d, g, _, o in describe(store, deals, [RDF.type]):
        if o == str(ns.Deal):
            typed[d].add(g)
    return sorted(
        {r["l"] for r in ends if not (typed[r["from"]] & articles) or not (typed[r["to"]] & releases)}
    )


def _delete_update(var: str, values: str) -> str:
    """DELETE every triple of the link nodes selected by ``?{var}`` (linkFrom deal or link IRI)."""
    links = safe_term(iris.LINKS_GRAPH)
    select = f"?l {safe_term(ns.linkFrom)} ?from ." if var == "from" else ""
    return f"DELETE {{ GRAPH {links} {{ ?l ?p ?o }} }} WHERE {{ {values} GRAPH {links} {{ {select} ?l ?p ?o }} }}"


def link(
    store: Store,
    *,
    article_graphs: Iterable[str] | None = None,
    release_graphs: Iterable[str] | None = None,
    deals: Iterable[str] | None = None,
) -> LinkReport:
    """Link article deals to register deals; idempotent.

    * ``link(store)``: relink everything (the links graph is replaced as a whole);
    * ``link(store, article_graphs=[g, ...])``: after an article import, relink the deals
      those article graphs mention;
    * ``link(store, release_graphs=[g, ...])``: after a register import, relink the article
      deals whose (supplier, buyer) pair the releases hold;
    * ``link(store, deals=[iri, ...])``: relink given article deals.

    Incremental runs replace the link nodes of the affected article deals in one SPARQL
    update and drop links whose ends disappeared (a re-imported article that no longer
    mentions a deal, a dropped release).
    """
    start = time.perf_counter()
    report = LinkReport()
    full = article_graphs is None and release_graphs is None and deals is None
    if full:
        found, results = _compute(store, None)
        data = "\n".join(_link_triples(results))
        store.replace_graphs({iris.LINKS_GRAPH: (data + "\n") if data else ""}, bulk=len(results) > 20000)
        _report(report, found, results)
        report.seconds = time.perf_counter() - start
        return report

    affected = _affected_deals(store, article_graphs, release_graphs) | set(map(str, deals or ()))
    stale = _stale_links(store)
    found, results = _compute(store, affected) if affected else ([], [])
    parts: list[str] = []
    if affected:
        values = values_block(["from"], ((URIRef(d),) for d in sorted(affected)))
        parts.append(_delete_update("from", values))
    if stale:
        values = values_block(["l"], ((URIRef(s),) for s in sorted(stale)))
        parts.append(_delete_update("l", values))
    if results:
        body = "\n".join(_link_triples(results))
        parts.append(f"INSERT DATA {{ GRAPH {safe_term(iris.LINKS_GRAPH)} {{\n{body}\n}} }}")
    if parts:
        store.update(" ;\n".join(parts))
    _report(report, found, results)
    report.removed_stale = len(stale)
    report.seconds = time.perf_counter() - start
    return report


# --- reading links back -----------------------------------------------------------------

_LINKS_OF = """
SELECT ?l ?from ?to ?score ?candidate ?reason ?release WHERE {
  GRAPH ?links { ?l a kg:DealLink ; kg:linkFrom ?from ; kg:linkTo ?to ; kg:linkScore ?score ;
                    kg:linkCandidate ?candidate . OPTIONAL { ?l kg:linkReason ?reason } }
  OPTIONAL { GRAPH ?release { ?release a kg:DatasetRelease . ?to a kg:Deal } }
  FILTER (?from = ?deal || ?to = ?deal)
}"""


def links_of(store: Store, deal: str, *, include_candidates: bool = True) -> list[LinkResult]:
    """The link statements with ``deal`` at either end (chosen first, best score first)."""
    found: dict[str, dict[str, Any]] = {}
    for row in rows(store, _LINKS_OF, {"deal": URIRef(deal), "links": iris.LINKS_GRAPH}):
        item = found.setdefault(row["l"], {"row": row, "reasons": []})
        if row.get("reason") and row["reason"] not in item["reasons"]:
            item["reasons"].append(row["reason"])
    out = []
    for item in found.values():
        row = item["row"]
        candidate = bool(row.get("candidate"))
        if candidate and not include_candidates:
            continue
        order = [REASON_SUPPLIER, REASON_BUYER, REASON_SYSTEM, REASON_YEAR, REASON_YEAR_NEAR, REASON_QUANTITY]
        reasons = tuple(sorted(item["reasons"], key=lambda r: order.index(r) if r in order else 99))
        out.append(
            LinkResult(
                row["from"], row["to"], row.get("release", ""), float(row["score"]), reasons, candidate
            )
        )
    out.sort(key=lambda r: (r.candidate, -r.score, r.register_deal))
    return out


__all__ = [
    "ArticleDeal",
    "LinkReport",
    "LinkResult",
    "RegisterDeal",
    "article_deals",
    "link",
    "links_of",
    "match",
    "quantities_compatible",
    "register_deals",
    "rows",
    "score_candidate",
    "system_keys",
    "values_block",
]
