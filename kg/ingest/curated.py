"""Import the project's curated fact tables (``data/facts/*.csv``) as a sourced release.

Each table is one :class:`kg:DatasetRelease` in its own named graph; each row becomes a
Deal stated by that release, with the row's public source URL on its record.  Deals are
minted like article deals (same supplier, buyer, system and order year -> same Deal), so
news claims about the same contract attach to the same node, while the graph still says
which source states which value.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.errors import InputError
from kg.ingest.base_graphs import with_base_graphs
from kg.rdf.terms import NTriples, content_hash, describe_party, describe_system, party_iri, system_iri
from kg.store import Store
from kg.vocab import iris, ns, reference
from kg.vocab.ns import SCHEMA

REQUIRED = ("supplier", "buyer", "system", "status", "source_url")


@dataclass
class CuratedReport:
    graph: URIRef | None = None
    deals: int = 0
    errors: list[InputError] = field(default_factory=list)


def _int(text: str) -> int | None:
    text = text.strip().replace(",", "")
    return int(text) if text else None


def _decimal(text: str) -> Decimal | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None


def curated_graph(path: Path) -> tuple[URIRef, bytes, int, list[InputError]]:
    """Map one curated CSV to (graph IRI, N-Triples, deal count, row errors)."""
    raw = path.read_bytes()
    release = iris.release_source(f"kg-curated:{path.name}")
    out = NTriples()
    out.add(release, RDF.type, ns.DatasetRelease)
    out.add(release, ns.releaseTitle, Literal(f"kg curated facts: {path.stem}"))
    out.add(release, ns.sourceFile, Literal(path.name))
    out.add(release, ns.contentHash, Literal(content_hash(raw)))
    errors: list[InputError] = []
    deals = 0
    rows = csv.DictReader(raw.decode("utf-8").splitlines())
    for line, row in enumerate(rows, start=2):
        try:
            missing = [k for k in REQUIRED if not (row.get(k) or "").strip()]
            if missing:
                raise ValueError(f"missing {', '.join(missing)}")
            supplier = reference.resolve_party(row["supplier"])
            buyer = reference.resolve_party(row["buyer"])
            system = reference.resolve_system(row["system"])
            for name, rec in (("supplier", supplier), ("buyer", buyer), ("system", system)):
                if rec is None:
                    raise ValueError(f"unknown {name} {row[name]!r}")
            status = row["status"].strip().lower()
            if status not in ns.STATUSES:
                raise ValueError(f"unknown status {status!r} (known: {', '.join(ns.STATUSES)})")
            url = row["source_url"].strip()
            if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", url):
                raise ValueError(f"source_url is not an http(s) URL: {url!r}")
            year = _int(row.get("order_year", ""))
            amount = _decimal(row.get("value_amount", ""))
            quantity = _int(row.get("quantity", ""))
        except ValueError as exc:
            errors.append(InputError(str(exc), str(path), line))
            continue
        assert supplier and buyer and system  # narrowed above
        s_iri, b_iri = party_iri(supplier), party_iri(buyer)
        sys_iri = system_iri(system.designation)
        deal = iris.article_deal(str(s_iri), str(b_iri), str(sys_iri), year)
        record = iris.record(str(release), line)
        describe_party(out, supplier)
        describe_party(out, buyer)
        describe_system(out, system)
        out.add(deal, RDF.type, ns.Deal)
        out.add(deal, RDFS.label, Literal(f"{supplier.name} -> {buyer.name}: {system.designation}"))
        out.add(deal, ns.supplier, s_iri)
        out.add(deal, ns.buyer, b_iri)
        out.add(deal, ns.weaponSystem, sys_iri)
        out.add(deal, ns.orderYear, year)
        out.add(deal, ns.quantity, quantity)
        out.add(deal, ns.status, ns.STATUSES[status])
        if amount is not None and (row.get("value_currency") or "").strip():
            out.add(deal, ns.valueAmount, amount)
            out.add(deal, ns.valueCurrency, Literal(row["value_currency"].strip().upper()))
        if (row.get("supplier_company") or "").strip():
            company = reference.resolve_party(row["supplier_company"])
            if company is not None:
                out.add(deal, ns.supplierCompany, describe_party(out, company))
        if (row.get("delivered_years") or "").strip():
            out.add(deal, ns.deliveryYearsText, Literal(row["delivered_years"].strip()))
        if (row.get("notes") or "").strip():
            out.add(deal, ns.comments, Literal(row["notes"].strip()))
        out.add(deal, PROV.wasDerivedFrom, record)
        out.add(record, RDF.type, ns.RegisterRecord)
        out.add(record, ns.rowNumber, line)
        out.add(record, ns.release, release)
        out.add(record, SCHEMA.url, URIRef(url))
        deals += 1
    return release, bytes(out), deals, errors


@with_base_graphs
def import_curated(store: Store, path: Path) -> CuratedReport:
    """Import one curated table; bad rows are reported with their line and skipped."""
    graph, data, deals, errors = curated_graph(path)
    store.replace_graphs({graph: data})
    return CuratedReport(graph=graph, deals=deals, errors=errors)
