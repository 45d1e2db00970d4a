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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.errors import InputError
from kg.ingest.pipeline import Importer, ImportReport, InputOutcome, Prepared, run_import
from kg.rdf.terms import NTriples, content_hash, describe_party, describe_system, party_iri, system_iri
from kg.store import Store
from kg.vocab import iris, ns, reference
from kg.vocab.ns import SCHEMA

REQUIRED = ("supplier", "buyer", "system", "status", "source_url")


@dataclass
class CuratedOutcome(InputOutcome):
    """One table's outcome, with the number of deals mapped from it."""

    deals: int = 0


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


def curated_graph(path: Path, raw: bytes | None = None) -> tuple[URIRef, bytes, int, list[InputError]]:
    """Map one curated CSV (``raw``: its bytes, read here if not given) to (graph IRI,
    N-Triples, deal count, row errors)."""
    raw = path.read_bytes() if raw is None else raw
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


def import_curated(store: Store, path: Path) -> ImportReport:
    """Import one curated table; bad rows are skipped and listed with their line.

    A table already imported with the same content changes nothing (its release graph
    carries the table's content hash).
    """
    return run_import(store, CuratedImporter([path]))


class CuratedImporter(Importer):
    """Curated tables into the pipeline: one release graph per table, mapped up front (small)."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = paths

    def inputs(self) -> Iterator[Prepared | InputError]:
        for path in self.paths:
            try:
                raw = path.read_bytes()
                graph, data, deals, errors = curated_graph(path, raw)
            except (OSError, UnicodeDecodeError) as exc:
                yield InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", str(path))
                continue
            record = CuratedOutcome(source=str(path), deals=deals, triples=data.count(b"\n"))
            record.skipped = [str(e) for e in errors]
            yield Prepared(record, graph=graph, content_hash=content_hash(raw), graphs={graph: data})
