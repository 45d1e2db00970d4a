"""The one party resolver: a name, code or IRI -> the IRI the importers mint for that party.

Every command that takes a party (views, reports, network exports, named query parameters,
deal timelines, contradictions, search) resolves it here, so "India", "ind", "IND", "the
Kremlin", "USSR" and an IRI mean the same party everywhere and an unknown name fails the
same way: :class:`kg.errors.UnknownName` (exit 2) with "did you mean" suggestions.

Order: an absolute IRI is taken as given; a three-letter ISO code names a country; the
reference tables (names, aliases, SIPRI spellings); then, when the caller passes a label
lookup (the store's ``rdfs:label``s: parties that only some source names, such as a company
from an article), a label that matches exactly one party.  The store lookup is a callable so
that this module stays in the vocabulary layer (it never imports the store).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rdflib import URIRef

from kg.errors import UnknownName, UsageError
from kg.vocab import iris, reference

#: An absolute IRI (RFC 3987 scheme, then no character that may not appear in an IRI).
_ABS_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+$")


def resolve_party_iri(
    name: str,
    *,
    country_only: bool = False,
    labels: Callable[[str], Sequence[str]] | None = None,
    unknown: type[UnknownName] = UnknownName,
    not_country: type[UsageError] = UsageError,
) -> URIRef:
    """The IRI of the party ``name`` denotes ("India", "USSR", "IND", an IRI).

    ``country_only`` refuses a party that is not a country (``not_country``); ``labels``
    maps a lower-cased name to the IRIs of the store's parties labelled so; ``unknown``
    is the error raised for a name that matches nothing or a malformed IRI (named query
    parameters pass their own subclass of :class:`UnknownName`).
    """
    what = "country" if country_only else "party"
    text = name.strip()
    if text.startswith(("http://", "https://")):
        if not _ABS_IRI.match(text):
            raise unknown(f"{what}: {name!r} is not an absolute IRI")
        return URIRef(text)
    record = reference.country_by_iso3(text) if len(text) == 3 and text.isalpha() else None
    if record is None:
        record = reference.resolve_party(text)
    if record is not None:
        if country_only and record.kind != "country":
            raise not_country(f"{name!r} is a {record.kind} ({record.name}), not a country; use a country")
        return iris.party(record.kind, record.iso3 or record.key, record.name)
    if labels is not None and not country_only and text:
        found = list(dict.fromkeys(labels(text.lower())))
        if len(found) == 1:
            return URIRef(found[0])
    hints = reference.close_matches(text)
    hint = f"; did you mean {', '.join(repr(h) for h in hints)}?" if hints else ""
    raise unknown(f"unknown {what} {name!r}{hint}")


__all__ = ["resolve_party_iri"]
