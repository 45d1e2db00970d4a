"""Shared pieces of the RDF mapping: N-Triples terms, an N-Triples builder and the reference graph.

Importers build N-Triples text directly (one string per triple) rather than rdflib Graph
objects: it is several times faster and the store bulk-loads N-Triples natively.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.vocab import iris, ns, reference
from kg.vocab.ns import WD

_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(node: Node) -> str:
    """N-Triples text for a term.  rdflib's ``n3()`` writes multi-line literals with
    triple quotes, which is Turtle but not N-Triples, so literals are escaped here."""
    if isinstance(node, Literal):
        text = '"' + str(node).translate(_NT_ESCAPES) + '"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None:
            return f"{text}^^<{node.datatype}>"
        return text
    return node.n3()


def lit(value: object) -> Literal:
    """A typed literal for a Python value (int, Decimal/float as decimal, bool, date, str)."""
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float | Decimal):
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(str(value))


class NTriples:
    """Accumulates triples as N-Triples lines; de-duplicates; ``bytes()`` for the store."""

    def __init__(self) -> None:
        self._lines: dict[str, None] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | object) -> None:
        """Add a triple; plain Python objects become typed literals; ``None`` is skipped."""
        if o is None:
            return
        obj = o if isinstance(o, URIRef | Literal) else lit(o)
        self._lines[f"{s.n3()} {p.n3()} {nt_term(obj)} .\n"] = None

    def extend(self, triples: Iterable[tuple[URIRef, URIRef, object]]) -> None:
        for s, p, o in triples:
            self.add(s, p, o)

    def __len__(self) -> int:
        return len(self._lines)

    def __bytes__(self) -> bytes:
        return "".join(self._lines).encode("utf-8")


def party_iri(record: reference.PartyRecord) -> URIRef:
    return iris.party(record.kind, record.iso3 or record.key, record.name)


def describe_party(out: NTriples, record: reference.PartyRecord, *, full: bool = False) -> URIRef:
    """Type and label a party (``full`` adds aliases, codes and Wikidata for the reference graph)."""
    node = party_iri(record)
    out.add(node, RDF.type, ns.PARTY_CLASSES[record.kind])
    out.add(node, RDFS.label, Literal(record.name))
    if not full:
        return node
    out.add(node, SKOS.prefLabel, Literal(record.name, lang="en"))
    for alias in record.aliases:
        out.add(node, SKOS.altLabel, Literal(alias, lang="en"))
    for metonym in record.metonyms:
        out.add(node, SKOS.hiddenLabel, Literal(metonym, lang="en"))
    for demonym in record.demonyms:
        out.add(node, ns.demonym, Literal(demonym, lang="en"))
    if record.kind == "country":
        out.add(node, ns.iso3, record.iso3)
        out.add(node, ns.iso2, record.iso2)
        if record.historical:
            out.add(node, ns.historical, True)
    elif record.country_iso3:
        out.add(node, ns.country, iris.country(record.country_iso3))
    if record.wikidata:
        out.add(node, SKOS.exactMatch, WD[record.wikidata])
    return node


def system_iri(designation: str) -> URIRef:
    return iris.system(reference.normalise_designation(designation))


def describe_system(out: NTriples, record: reference.SystemRecord, *, full: bool = False) -> URIRef:
    """Type, label and categorise a catalogue system (``full`` adds aliases, origin, maker)."""
    node = system_iri(record.designation)
    out.add(node, RDF.type, ns.WeaponSystem)
    out.add(node, RDFS.label, Literal(record.designation))
    out.add(node, ns.designation, Literal(record.designation))
    if record.category in ns.CATEGORIES:
        out.add(node, ns.category, ns.CATEGORIES[record.category])
    if not full:
        return node
    for alias in record.aliases:
        out.add(node, SKOS.altLabel, Literal(alias))
    if record.origin_iso3:
        out.add(node, ns.originCountry, iris.country(record.origin_iso3))
    if record.manufacturer:
        maker = reference.resolve_party(record.manufacturer)
        if maker is not None:
            out.add(node, ns.manufacturer, party_iri(maker))
    out.add(node, ns.description, record.description)
    if record.source_url:
        out.add(node, RDFS.seeAlso, URIRef(record.source_url))
    return node


def reference_graph() -> bytes:
    """The curated reference tables (countries, organisations, systems) as N-Triples."""
    out = NTriples()
    for record in (*reference.countries(), *reference.organisations()):
        describe_party(out, record, full=True)
    for system in reference.systems():
        describe_system(out, system, full=True)
    return bytes(out)


def content_hash(data: bytes) -> str:
    """The ``kg:contentHash`` of a source: SHA-256 (hex) of its bytes.

    The one definition: importers compare it to skip unchanged inputs (a register file, an
    RDF file, a curated table, an article) and the feed fetcher to spot a changed article
    under the same URL, so every writer and reader must compute it the same way
    (``tests/rdf/test_content_hash.py`` greps for other spellings).
    """
    return hashlib.sha256(data).hexdigest()


def text_hash(text: str) -> str:
    """The content hash of an article text: its UTF-8 bytes, lone surrogates kept (as stored)."""
    return content_hash(text.encode("utf-8", "surrogatepass"))
