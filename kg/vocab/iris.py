"""Deterministic instance IRIs: the same input mints the same IRI in every run.

All minting happens here so that importers (articles, SIPRI, RDF) agree on identity:
India is ``id/country/IND`` whether an article says "New Delhi" or SIPRI says "India".
Opaque parts are short SHA-256 digests of the identifying fields joined by an ASCII unit
separator, so no field value can collide with another by containing the separator.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.vocab.ns import ID

#: Graph holding the curated reference tables (countries, agencies, companies, systems).
REFERENCE_GRAPH = URIRef(ID["graph/reference"])
#: Graph holding article-deal <-> register-deal links (derived; rebuilt by ``kg link``).
LINKS_GRAPH = URIRef(ID["graph/links"])
#: Bookkeeping graph: import state markers used for crash recovery.
REGISTRY_GRAPH = URIRef(ID["graph/registry"])
#: Graph holding the ontology and the concept schemes.
ONTOLOGY_GRAPH = URIRef(ID["graph/ontology"])


def digest(*parts: object, length: int = 16) -> str:
    """Short stable hex digest of ``parts`` (None and '' are distinct from each other)."""
    text = "\x1f".join("\x00" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """ASCII, lower-case, dash-separated form of a name for readable IRIs.

    ``"S-400 Triumf"`` -> ``s-400-triumf``; ``"Rafale-M"`` stays distinct from ``"Rafale"``.
    Returns a digest when nothing alphanumeric survives (e.g. a name in another script).
    """
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    return out or "x" + digest(text, length=12)


def country(iso3: str) -> URIRef:
    """A country (current ISO 3166-1 alpha-3, or ISO 3166-3 code for historical states)."""
    return URIRef(ID[f"country/{iso3.upper()}"])


def organisation(kind: str, name: str) -> URIRef:
    """A non-country party; ``kind`` is company, agency, org (international) or group."""
    if kind not in {"company", "agency", "org", "group"}:
        raise ValueError(f"unknown organisation kind {kind!r}")
    return URIRef(ID[f"{kind}/{slug(name)}"])


def unknown_party(scope: str, role: str) -> URIRef:
    """A placeholder for SIPRI's ``unknown supplier(s)``: unique per scope, never merged."""
    return URIRef(ID[f"unknown/{role}/{digest(scope)}"])


def system(designation: str) -> URIRef:
    """A weapon system type, keyed by its normalised designation."""
    return URIRef(ID[f"system/{slug(designation)}"])


def article_deal(
    supplier: str, buyer: str, system_iri: str | None, order_year: int | None, batch: str | None = None
) -> URIRef:
    """A deal known from articles: same parties, system and order year -> same deal.

    ``batch`` separates an additional batch under negotiation from the contract already
    signed for the same system (e.g. ``"additional"``).
    """
    return URIRef(ID[f"deal/{digest('article', supplier, buyer, system_iri, order_year, batch)}"])


def register_deal(release_key: str, row_key: str) -> URIRef:
    """A deal as one register release records it (releases are never merged)."""
    return URIRef(ID[f"deal/sipri/{digest(release_key, row_key)}"])


def delivery(deal_iri: str, year: int, derived: bool = False) -> URIRef:
    """One delivery year of a deal; derived (spread) deliveries get their own IRIs."""
    return URIRef(f"{deal_iri}/delivery/{year}{'-derived' if derived else ''}")


def article_source(key: str) -> URIRef:
    """An article, keyed by its URL (or content hash when it has none)."""
    return URIRef(ID[f"source/article/{digest(key)}"])


def release_source(key: str) -> URIRef:
    """A register/dataset release, keyed by its title line and generation date."""
    return URIRef(ID[f"source/release/{digest(key)}"])


def rdf_file_source(key: str) -> URIRef:
    """An RDF file imported with ``kg import rdf`` (keyed by content hash)."""
    return URIRef(ID[f"source/file/{digest(key)}"])


def record(release_iri: str, row: int | str) -> URIRef:
    """One row of a register release (the provenance target of a register deal)."""
    return URIRef(f"{release_iri}/row/{row}")


def claim(source_iri: str, *parts: object) -> URIRef:
    """One claim of a source, keyed by what makes it unique inside that source."""
    return URIRef(f"{source_iri}/claim/{digest(*parts)}")


def link(from_deal: str, to_deal: str) -> URIRef:
    """A link statement between an article deal and a register deal."""
    return URIRef(ID[f"link/{digest(from_deal, to_deal)}"])


def graph_for_source(source_iri: str) -> URIRef:
    """Each source document lives in its own named graph, named by the source IRI."""
    return URIRef(source_iri)


def party(kind: str, key: str, name: str) -> URIRef:
    """The IRI of a reference party record: countries by ISO code, the rest by kind and name.

    Takes plain fields (not a record object) so this module stays independent of the
    reference tables; call it as ``party(rec.kind, rec.iso3 or rec.key, rec.name)``.
    """
    if kind == "country":
        return country(key)
    return organisation(kind, name)


def tiv_observation(
    release_iri: str, role: str, party: str, year: int, counterpart: str | None = None
) -> URIRef:
    """One (party, year) figure of a SIPRI TIV table release (``role``: importer/exporter)."""
    return URIRef(f"{release_iri}/tiv/{digest(role, party, year, counterpart)}")
