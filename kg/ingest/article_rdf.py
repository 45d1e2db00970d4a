"""Map one article and its extracted claims to the article's own named graph.

Input is the extractor's documented JSON shape (``Claim.to_dict()``, see
``docs/extract-json.md``), so this module depends on the extractor's contract, not its
internals.  Per article:

* the article is a :class:`kg:NewsArticle` source; its graph IRI is the source IRI, keyed
  by URL (or content hash), so a corrected version of the same URL replaces the old graph;
* each claim is a :class:`kg:Claim` with the evidence sentence, offsets, confidence and the
  claimed status/quantity/value/dates, ``prov:wasDerivedFrom`` the article;
* each claim is ``kg:about`` a :class:`kg:Deal` minted from (supplier, buyer, system, order
  year, batch): claims from different articles about the same contract meet on one Deal,
  while an additional batch under negotiation is a different Deal;
* the Deal, as this article states it, carries the parties and system and the article's
  summary of the deal (its latest status, largest quantity, first value), so queries and
  views that read deals see article-only deals too; every claim keeps its own version.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.rdf.terms import NTriples, text_hash
from kg.vocab import iris, ns, reference
from kg.vocab.ns import SCHEMA

_HTTP_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+", re.IGNORECASE)


def storable_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL, else None: only those are stored as ``schema:url``.

    Why: views and the report turn ``schema:url`` into links; a ``javascript:`` or ``data:``
    URL from an article's metadata would become a script a reader runs by clicking.
    """
    if not url or not _HTTP_URL.fullmatch(url):
        return None
    try:
        ox.NamedNode(url)  # characters an IRI may not hold (U+FFFD, controls) fail the store's parser
    except ValueError:
        return None
    return url


def date_literal(text: str | None) -> Literal | None:
    """``2026-03-01`` -> xsd:date, ``2026-03`` -> xsd:gYearMonth, ``2026`` -> xsd:gYear."""
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return Literal(text, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return Literal(text, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", text):
        return Literal(text, datatype=XSD.gYear)
    return Literal(text)


def party_node(out: NTriples, party: Mapping[str, Any] | None) -> URIRef | None:
    """IRI of an extracted party (countries by ISO code), typed and labelled in the graph."""
    if not party or not party.get("name"):
        return None
    kind = party.get("kind") or "country"
    iso3 = party.get("iso3")
    if kind == "country" and iso3:
        node = iris.country(iso3)
    elif kind in ("company", "agency", "org", "group"):
        node = iris.organisation(kind, party["name"])
    else:
        record = reference.resolve_party(party["name"])
        if record is None:
            return None
        kind = record.kind
        node = iris.party(record.kind, record.iso3 or record.key, record.name)
    out.add(node, RDF.type, ns.PARTY_CLASSES.get(kind, ns.Party))
    out.add(node, RDFS.label, Literal(party["name"]))
    return node


def company_node(out: NTriples, company: Mapping[str, Any] | None) -> URIRef | None:
    if not company or not company.get("name"):
        return None
    record = reference.resolve_party(company["name"])
    name = record.name if record is not None else company["name"]
    node = iris.organisation("company", name)
    out.add(node, RDF.type, ns.Company)
    out.add(node, RDFS.label, Literal(name))
    if record is not None and record.country_iso3:
        out.add(node, ns.country, iris.country(record.country_iso3))
    return node


def system_node(out: NTriples, system: Mapping[str, Any] | None) -> URIRef | None:
    """The claim's system node; a family named as written ("Apache") also gets the catalogue
    variant it stands for ("AH-64E Apache") linked to it by ``kg:variantOf``, so the family and
    the register's or curated variant deals can be joined by a query without being merged."""
    if not system or not system.get("name"):
        return None
    node = _typed_system(out, system["name"], system.get("category"))
    variant = system.get("catalogue_variant")
    if isinstance(variant, str) and variant.strip():
        variant_node = _typed_system(out, variant, system.get("category"))
        if variant_node != node:
            out.add(variant_node, ns.variantOf, node)
    return node


def _typed_system(out: NTriples, name: str, category: Any) -> URIRef:
    designation = reference.normalise_designation(name)
    node = iris.system(designation)
    out.add(node, RDF.type, ns.WeaponSystem)
    out.add(node, RDFS.label, Literal(designation))
    out.add(node, ns.designation, Literal(designation))
    if category in ns.CATEGORIES:
        out.add(node, ns.category, ns.CATEGORIES[category])
    return node


def _value(value: Mapping[str, Any] | None) -> tuple[Decimal, str] | None:
    if not value or value.get("amount") is None or not value.get("currency"):
        return None
    return Decimal(str(value["amount"])), str(value["currency"]).upper()


def _group(claim: Mapping[str, Any]) -> str:
    """The extractor's deal key, or one built from the claim's parties, system and batch."""
    if claim.get("deal_key"):
        return str(claim["deal_key"])
    names = [
        ((claim.get(k) or {}).get("iso3") or (claim.get(k) or {}).get("name")) for k in ("supplier", "buyer")
    ]
    return f"{names[0]}>{names[1]}:{(claim.get('system') or {}).get('name')}:{claim.get('batch')}"


def _latest_date(claim: Mapping[str, Any]) -> str:
    dates = [d.get("date") for d in claim.get("dates") or [] if d.get("date")]
    return max(dates) if dates else ""


def article_graph(
    *,
    key: str,
    text: str,
    title: str | None,
    url: str | None,
    published: date | None,
    publisher: str | None,
    path: str | None,
    claims: Sequence[Mapping[str, Any]],
) -> tuple[URIRef, bytes]:
    """The article's named graph (IRI, N-Triples) from its metadata and claim dicts."""
    source = iris.article_source(key)
    out = NTriples()
    out.add(source, RDF.type, ns.NewsArticle)
    out.add(source, SCHEMA.headline, Literal(title) if title else None)
    if storable_url(url):
        out.add(source, SCHEMA.url, URIRef(url))
    out.add(
        source, SCHEMA.datePublished, Literal(published.isoformat(), datatype=XSD.date) if published else None
    )
    out.add(source, SCHEMA.publisher, Literal(publisher) if publisher else None)
    out.add(source, ns.contentHash, Literal(text_hash(text)))
    # the text itself: evidence offsets point into it, and `kg search` indexes it
    out.add(source, SCHEMA.articleBody, Literal(text) if text else None)
    if path and not path.startswith("<"):
        out.add(source, ns.sourceFile, Literal(path.rsplit("/", 1)[-1]))

    # Claims the extractor tied to one deal (same deal_key) share the deal's order year,
    # even when a sentence does not repeat it ("the remaining two ...").
    group_year: dict[str, int] = {}
    for claim in claims:
        if claim.get("order_year") is not None:
            group_year.setdefault(_group(claim), claim["order_year"])

    by_deal: dict[URIRef, list[tuple[URIRef, Mapping[str, Any]]]] = {}
    for index, claim in enumerate(claims):
        buyer = party_node(out, claim.get("buyer"))
        if buyer is None:
            continue
        supplier = party_node(out, claim.get("supplier"))
        system = system_node(out, claim.get("system"))
        # only an additional batch is a deal of its own; "original" is the plain contract
        batch = "additional" if claim.get("batch") == "additional" else None
        evidence = claim.get("evidence") or {}
        deal_supplier = str(supplier) if supplier else f"unknown:{key}"
        order_year = group_year.get(_group(claim))
        deal = iris.article_deal(
            deal_supplier, str(buyer), str(system) if system else None, order_year, batch
        )
        if supplier is None:
            supplier = iris.unknown_party(f"{key}\x1f{deal}", "supplier")
            out.add(supplier, RDF.type, ns.UnknownParty)
            out.add(supplier, RDFS.label, Literal("unknown supplier"))
        node = iris.claim(str(source), index, evidence.get("start"), evidence.get("end"))
        out.add(node, RDF.type, ns.Claim)
        out.add(node, ns.about, deal)
        out.add(node, PROV.wasDerivedFrom, source)
        status = claim.get("status") or "unknown"
        out.add(node, ns.status, ns.STATUSES.get(status, ns.STATUSES["unknown"]))
        out.add(node, ns.quantity, claim.get("quantity"))
        out.add(node, ns.quantityDelivered, claim.get("quantity_delivered"))
        out.add(node, ns.orderYear, claim.get("order_year"))
        value = _value(claim.get("value"))
        if value:
            out.add(node, ns.valueAmount, value[0])
            out.add(node, ns.valueCurrency, Literal(value[1]))
        for d in claim.get("dates") or []:
            out.add(node, ns.eventDate, date_literal(d.get("date")))
        if evidence.get("text") is not None:
            out.add(node, ns.evidenceText, Literal(evidence["text"]))
            out.add(node, ns.evidenceStart, evidence.get("start"))
            out.add(node, ns.evidenceEnd, evidence.get("end"))
        confidence = claim.get("confidence")
        if confidence is not None:
            out.add(node, ns.confidence, Decimal(str(round(float(confidence), 3))))
        if claim.get("negated"):
            out.add(node, ns.negated, True)
        if claim.get("modality"):
            out.add(node, ns.modality, Literal(str(claim["modality"])))
        company = company_node(out, claim.get("supplier_company"))
        out.add(node, ns.supplierCompany, company)

        out.add(deal, RDF.type, ns.Deal)
        out.add(deal, ns.supplier, supplier)
        out.add(deal, ns.buyer, buyer)
        out.add(deal, ns.weaponSystem, system)
        out.add(deal, ns.orderYear, order_year)
        out.add(deal, ns.supplierCompany, company)
        if batch:
            out.add(deal, ns.additionalBatch, True)
        by_deal.setdefault(deal, []).append((node, claim))

    for deal, items in by_deal.items():
        _summarise(out, deal, [c for _, c in items])
    return source, bytes(out)


def _summarise(out: NTriples, deal: URIRef, claims: list[Mapping[str, Any]]) -> None:
    """The article's one-line view of a deal: latest dated status, largest quantity, a value."""
    known = [c for c in claims if (c.get("status") or "unknown") != "unknown"]
    if known:
        # latest dated claim wins; among undated/equal dates, the later mention in the text
        latest = max(enumerate(known), key=lambda ic: (_latest_date(ic[1]), ic[0]))[1]
        out.add(deal, ns.status, ns.STATUSES[latest["status"]])
    else:
        out.add(deal, ns.status, ns.STATUSES["unknown"])
    quantities = [c["quantity"] for c in claims if isinstance(c.get("quantity"), int)]
    if quantities:
        out.add(deal, ns.quantity, max(quantities))
    for c in claims:
        value = _value(c.get("value"))
        if value:
            out.add(deal, ns.valueAmount, value[0])
            out.add(deal, ns.valueCurrency, Literal(value[1]))
            break
