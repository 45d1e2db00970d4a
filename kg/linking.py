"""Link deals known from news articles to the deals a register release records.

An article deal (minted by :func:`kg.iris.article_deal` from supplier, buyer, system, order
year and batch) and a SIPRI register deal (one per release row) may describe the same
contract.  Linking never merges or rewrites either source: each match is its own
statement, a :class:`kg:DealLink` node ``kg.iris.link(article_deal, register_deal)`` with
``kg:linkFrom``, ``kg:linkTo``, ``kg:linkScore``, one ``kg:linkReason`` literal per agreeing
field and ``kg:linkCandidate`` (``true`` for a candidate that was not chosen, because the
register holds several equally good matches or a clearly better one).

Where links live (decided for incremental updates): one named graph,
:data:`kg.iris.LINKS_GRAPH`.  An article deal is shared by every article that mentions
the same contract, so its links depend on the union of those articles, not on one
article graph; per-article link graphs would hold the same link with different scores.
Updates are therefore keyed by *article deal*: :func:`link` recomputes the links of the
affected article deals and replaces exactly those link nodes (one SPARQL update, atomic),
plus drops links whose ends no longer exist.  A full run (no arguments) rebuilds the whole
graph with a crash-safe graph replacement.  Runs are idempotent: same store, same triples.

Matching rules (:func:`score_candidate`):

* supplier and buyer must be the same party IRI (importers mint parties identically);
* the weapon system must be the same through the catalogue's aliases
  (:func:`kg.reference.resolve_system`: ``S-400`` = ``S-400 Triumf``; ``Rafale`` and
  ``Rafale-M`` stay apart); systems outside the catalogue compare by
  :func:`kg.reference.system_key` of their labels;
* order years, when both are known, must be equal or one apart (reason ``order year`` or
  ``order year ±1``); an *additional batch* without an order year cannot be a register
  deal ordered well before the article reporting it as new;
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
from functools import cache
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg import iris, ns, reference
from kg.bindings import inject_values, safe_term
from kg.store import EmbeddedStore, Store

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


def _py(term: Any) -> Any:
    """A pyoxigraph or rdflib term as a plain Python value (IRIs as str)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | URIRef):
        return str(term.value if isinstance(term, ox.NamedNode) else term)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype is not None else None
        text = term.value
    elif isinstance(term, Literal):
        dt = str(term.datatype) if term.datatype is not None else None
        text = str(term)
    else:
        return str(term)
    try:
        if dt in (str(XSD.integer), str(XSD.int), str(XSD.long)):
            return int(text)
        if dt in (str(XSD.decimal), str(XSD.double), str(XSD.float)):
            return Decimal(text)
        if dt == str(XSD.boolean):
            return text in ("true", "1")
    except (ValueError, ArithmeticError):
        return text
    return text


def rows(store: Store, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """SELECT rows as dicts of plain Python values (IRIs as str); unbound keys absent.

    The embedded store answers natively through pyoxigraph (no rdflib term conversion:
    several times faster on the tens of thousands of rows a whole register yields);
    other stores go through :meth:`Store.select`.
    """
    text = ns.SPARQL_PREFIXES + sparql
    if isinstance(store, EmbeddedStore):
        result = store.ox.query(inject_values(text, bindings) if bindings else text)
        names = [v.value for v in result.variables]
        out = []
        for sol in result:
            row = {}
            for name in names:
                value = sol[name]
                if value is not None:
                    row[name] = _py(value)
            out.append(row)
        return out
    return [{k: _py(v) for k, v in row.items()} for row in store.select(text, bindings)]


def values_block(variables: Sequence[str], tuples: Iterable[Sequence[URIRef | Literal | None]]) -> str:
    """A multi-row ``VALUES`` block; every term serialised by :func:`kg.bindings.safe_term`."""
    lines = []
    for tup in tuples:
        cells = ["UNDEF" if t is None else safe_term(t) for t in tup]
        lines.append("(" + " ".join(cells) + ")")
    head = "(" + " ".join("?" + v for v in variables) + ")"
    return f"VALUES {head} {{ {' '.join(lines)} }}"


# --- systems through the catalogue ------------------------------------------------------


@cache
def _catalogue_key(label: str) -> str:
    """The comparison key of a system label: its catalogue designation's key when known."""
    try:
        record = reference.resolve_system(label)
    except (OSError, KeyError):  # catalogue table missing in a partial checkout
        record = None
    return reference.system_key(record.designation if record else label)


def system_keys(store: Store, systems: Iterable[str] | None = None) -> dict[str, frozenset[str]]:
    """System IRI -> its comparison keys (designation, labels and aliases through the catalogue).

    Two systems are the same when their key sets meet.  ``systems`` limits the lookup;
    ``None`` reads every weapon system of the store.
    """
    where = ""
    if systems is not None:
        wanted = sorted(set(systems))
        if not wanted:
            return {}
        where = values_block(["s"], ((URIRef(s),) for s in wanted))
    q = f"""
    SELECT DISTINCT ?s ?label WHERE {{
      {where}
      GRAPH ?g {{ ?s a kg:WeaponSystem .
        {{ ?s rdfs:label ?label }} UNION {{ ?s kg:designation ?label }} UNION {{ ?s skos:altLabel ?label }} }}
    }}"""
    keys: dict[str, set[str]] = defaultdict(set)
    for row in rows(store, q):
        key = _catalogue_key(str(row["label"]))
        if key:
            keys[row["s"]].add(key)
    # A system with no label still matches itself by IRI.
    for s in systems or ():
        keys.setdefault(s, set()).add("iri:" + s)
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


_ARTICLE_DEALS = """
SELECT ?deal ?supplier ?buyer ?system ?year ?batch ?qty ?cqty ?pub WHERE {
  GRAPH ?g {
    %(values)s
    ?g a kg:NewsArticle .
    ?deal a kg:Deal ; kg:supplier ?supplier ; kg:buyer ?buyer .
    OPTIONAL { ?deal kg:weaponSystem ?system }
    OPTIONAL { ?deal kg:orderYear ?year }
    OPTIONAL { ?deal kg:additionalBatch ?batch }
    OPTIONAL { ?deal kg:quantity ?qty }
    OPTIONAL { ?g schema:datePublished ?pub }
    OPTIONAL { ?c kg:about ?deal ; kg:quantity ?cqty . FILTER NOT EXISTS { ?c kg:negated true } }
  }
}"""

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

_ARTICLE_DEALS_FOR_PAIRS = """
SELECT DISTINCT ?deal WHERE {
  GRAPH ?g { %(values)s ?deal kg:buyer ?buyer ; kg:supplier ?supplier . ?deal a kg:Deal . ?g a kg:NewsArticle }
}"""

# The VALUES block sits inside the GRAPH pattern, before the triple patterns: Oxigraph then
# looks deals up by buyer (an index scan per pair) instead of joining every deal of the
# store against the block afterwards (20x slower on a whole register).
_REGISTER_DEALS = """
SELECT ?deal ?g ?supplier ?buyer ?system ?year ?qty WHERE {
  GRAPH ?g {
    %(values)s
    ?deal kg:buyer ?buyer .
    ?deal kg:supplier ?supplier .
    ?deal a kg:Deal ; kg:weaponSystem ?system .
    OPTIONAL { ?deal kg:orderYear ?year }
    OPTIONAL { ?deal kg:quantity ?qty }
  }
  GRAPH ?g { ?g a kg:DatasetRelease }
}"""


def _year_of(value: Any) -> int | None:
    text = str(value or "")
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


def article_deals(store: Store, deals: Iterable[str] | None = None) -> list[ArticleDeal]:
    """Article deals (all, or the given IRIs) with what every article says about them."""
    values = ""
    if deals is not None:
        wanted = sorted(set(deals))
        if not wanted:
            return []
        values = values_block(["deal"], ((URIRef(d),) for d in wanted))
    out: dict[str, ArticleDeal] = {}
    for row in rows(store, _ARTICLE_DEALS % {"values": values}):
        deal = out.get(row["deal"])
        if deal is None:
            deal = out[row["deal"]] = ArticleDeal(
                row["deal"], row["supplier"], row["buyer"], row.get("system")
            )
        if isinstance(row.get("year"), int):
            deal.order_year = row["year"]
        if row.get("batch") is True:
            deal.additional = True
        for key in ("qty", "cqty"):
            if isinstance(row.get(key), int) and row[key] > 0:
                deal.quantities.add(row[key])
        year = _year_of(row.get("pub"))
        if year:
            deal.published_years.add(year)
    return sorted(out.values(), key=lambda d: d.iri)


def register_deals(store: Store, pairs: Iterable[tuple[str, str]]) -> list[RegisterDeal]:
    """Register deals (deals of ``kg:DatasetRelease`` graphs) of the given (supplier, buyer) pairs."""
    wanted = sorted(set(pairs))
    if not wanted:
        return []
    values = values_block(["supplier", "buyer"], ((URIRef(s), URIRef(b)) for s, b in wanted))
    out: dict[tuple[str, str], RegisterDeal] = {}
    for row in rows(store, _REGISTER_DEALS % {"values": values}):
        key = (row["deal"], row["g"])
        if key in out:
            continue
        out[key] = RegisterDeal(
            row["deal"],
            row["g"],
            row["supplier"],
            row["buyer"],
            row["system"],
            row.get("year") if isinstance(row.get("year"), int) else None,
            row.get("qty") if isinstance(row.get("qty"), int) else None,
        )
    return list(out.values())


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
        deal.additional
        and reg.order_year is not None
        and deal.published_years
        and reg.order_year < min(deal.published_years) - 1
    ):
        # A follow-on batch "under negotiation" is not a contract signed years earlier.
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
    registers = register_deals(store, {(d.supplier, d.buyer) for d in deals if d.system})
    systems = {d.system for d in deals if d.system} | {r.system for r in registers}
    keys = system_keys(store, systems)
    return deals, match(deals, registers, keys)


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
            values = values_block(["supplier", "buyer"], ((URIRef(s), URIRef(b)) for s, b in sorted(pairs)))
            affected |= {r["deal"] for r in rows(store, _ARTICLE_DEALS_FOR_PAIRS % {"values": values})}
    return affected


_STALE = """
SELECT DISTINCT ?l WHERE {
  GRAPH ?links { ?l kg:linkFrom ?from ; kg:linkTo ?to }
  FILTER (NOT EXISTS { GRAPH ?a { ?a a kg:NewsArticle . ?from a kg:Deal } }
       || NOT EXISTS { GRAPH ?r { ?r a kg:DatasetRelease . ?to a kg:Deal } })
}"""


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
    stale = [r["l"] for r in rows(store, _STALE, {"links": iris.LINKS_GRAPH})]
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
