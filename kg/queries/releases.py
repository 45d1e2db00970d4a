"""Register releases are versions of one register, never sources to add up.

SIPRI publishes its trade register again every year, revising history; two releases in
one store describe the same transfers twice.  Every aggregate (report, views, network
export, the named queries that sum TIV or count deals) therefore reads *one* release per
period and measure, chosen here and nowhere else:

* a release's **coverage** is what its title states ("Deals with deliveries or orders
  made for year range '1950' to '2024'": deliveries and orders 1950-2024; "Deals with
  deliveries made for the year range '1995' to '2025'": deliveries only), with the last
  year clamped to the last year its data reach (the 2026 file says 2025 but stops at
  2024).  ``undelivered`` (numbers ordered minus delivered) needs orders *and* numbers
  ordered, which only the 16-column layout has;
* for a period and a measure (``deliveries``, ``orders``, ``undelivered``) the release is
  the latest (by "Data generated") whose coverage includes the whole period; when none
  does, the one covering most of it (then the latest); ``--release`` names one instead;
* sources that are not SIPRI register releases (news articles, curated tables) are never
  excluded: they are other sources, not versions.

Public API: :class:`Release`, :func:`register_releases`, :func:`choose`, :func:`find`,
:func:`excluded`, :data:`MEASURES`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.errors import KgError
from kg.store import Store
from kg.vocab import ns

MEASURES = ("deliveries", "orders", "undelivered")
PUBLISHER = "SIPRI Arms Transfers Database"

_RANGE = re.compile(
    r"Deals with deliveries( or orders)? made for (?:the )?year range '([^']*)' to '([^']*)'", re.IGNORECASE
)


class UnknownRelease(KgError):
    """``--release`` names no release in the store; exit 2."""

    exit_code = 2


@dataclass(frozen=True)
class Release:
    """One SIPRI release in the store and what it covers."""

    iri: str  # = its named graph
    title: str
    generated: str | None  # ISO date(-time) of "Data generated"
    file: str | None
    columns: int | None  # 16 or 17 for registers, None for TIV tables
    rows: int  # register records (source rows)
    deals: int
    measures: tuple[str, ...]
    year_from: int | None
    year_to: int | None

    @property
    def date(self) -> str:
        return (self.generated or "")[:10]

    @property
    def label(self) -> str:
        """Short name for outputs: "SIPRI register generated 2026-02-12 (17 columns)"."""
        cols = f" ({self.columns} columns)" if self.columns else ""
        return f"SIPRI register generated {self.date or 'undated'}{cols}"

    @property
    def coverage(self) -> str:
        """ "deliveries, orders, undelivered 1950-2024" ("" without deals)."""
        if not self.measures:
            return ""
        span = f" {self.year_from}-{self.year_to}" if self.year_from is not None else ""
        return ", ".join(self.measures) + span

    def covers(self, measure: str, year_from: int, year_to: int) -> bool:
        return self.overlap(measure, year_from, year_to) == year_to - year_from + 1

    def overlap(self, measure: str, year_from: int, year_to: int) -> int:
        """Years of ``year_from..year_to`` this release covers for ``measure``."""
        if measure not in self.measures or self.year_from is None or self.year_to is None:
            return 0
        return max(0, min(year_to, self.year_to) - max(year_from, self.year_from) + 1)


_META_Q = """
SELECT ?g ?title ?gen ?file WHERE {
  GRAPH ?g { ?g a kg:DatasetRelease ; dcterms:publisher ?pub . }
  OPTIONAL { GRAPH ?g { ?g kg:releaseTitle ?title } }
  OPTIONAL { GRAPH ?g { ?g kg:dataGenerated ?gen } }
  OPTIONAL { GRAPH ?g { ?g kg:sourceFile ?file } }
}
"""
_COUNT_Q = "SELECT (COUNT(?x) AS ?n) WHERE { GRAPH ?g { ?x a ?cls } }"
_HAS_Q = "SELECT ?x WHERE { GRAPH ?g { ?x ?p ?o } } LIMIT 1"
_YEARS_Q = "SELECT (MIN(?y) AS ?lo) (MAX(?y) AS ?hi) WHERE { GRAPH ?g { ?x ?p ?y } }"


def _one(store: Store, text: str, bind: dict) -> dict:
    rows = store.rows(ns.SPARQL_PREFIXES + text, bind)
    return rows[0] if rows else {}


def _int(value: object) -> int | None:
    try:
        return None if value is None else int(float(str(value)))
    except ValueError:
        return None


def _year(text: str) -> int | None:
    return int(text) if re.fullmatch(r"\d{4}", text.strip()) else None


def register_releases(store: Store, *, counts: bool = False) -> list[Release]:
    """Every SIPRI release in the store (registers and TIV tables), newest first.

    ``counts`` also counts rows and deals (``kg releases``; a scan of each release, so
    the aggregates, which only need coverage, skip it and see ``deals`` as 0 or 1).
    """
    out: list[Release] = []
    for r in store.rows(ns.SPARQL_PREFIXES + _META_Q, {"pub": _literal(PUBLISHER)}):
        g = _iri(str(r["g"]))
        bind = {"g": g}
        deals = 1 if _one(store, _HAS_Q, {**bind, "p": ns.supplier}) else 0
        rows = 0
        if counts and deals:
            deals = _int(_one(store, _COUNT_Q, {**bind, "cls": ns.Deal}).get("n")) or 0
            rows = _int(_one(store, _COUNT_Q, {**bind, "cls": ns.RegisterRecord}).get("n")) or 0
        title = str(r.get("title") or "")
        measures, columns, lo, hi = _coverage(store, bind, title) if deals else ((), None, None, None)
        out.append(
            Release(
                iri=str(g),
                title=re.sub(r"\s+([.,;:])", r"\1", " ".join(title.split())),
                generated=str(r["gen"]) if r.get("gen") is not None else None,
                file=str(r["file"]) if r.get("file") is not None else None,
                columns=columns,
                rows=rows,
                deals=deals,
                measures=measures,
                year_from=lo,
                year_to=hi,
            )
        )
    return sorted(out, key=lambda x: (x.generated or "", x.iri), reverse=True)


def _coverage(store: Store, bind: dict, title: str) -> tuple[tuple[str, ...], int, int | None, int | None]:
    """(measures, columns, first year, last year) of a register release.

    The stated range comes from the title; the 17-column layout has a delivery node per
    year, so its last delivery year clamps the stated end (the 2026 file says 2025, its
    data stop at 2024).  Without a stated range the data's order/delivery years are used.
    """
    has_ids = bool(_one(store, _HAS_Q, {**bind, "p": ns.sipriDealId}))
    has_ordered = bool(_one(store, _HAS_Q, {**bind, "p": ns.quantityUncertain}))
    m = _RANGE.search(title)
    orders = bool(m.group(1)) if m else has_ordered
    measures = ("deliveries",) + (("orders",) if orders else ())
    if orders and has_ordered:
        measures += ("undelivered",)
    lo = _year(m.group(2)) if m else None
    hi = _year(m.group(3)) if m else None
    if lo is None or hi is None or has_ids:
        years = [_one(store, _YEARS_Q, {**bind, "p": p}) for p in (ns.deliveryYear, ns.orderYear)]
        if has_ids:
            years = years[:1]
        data_lo = min((v for y in years if (v := _int(y.get("lo"))) is not None), default=None)
        data_hi = max((v for y in years if (v := _int(y.get("hi"))) is not None), default=None)
        lo = lo if lo is not None else data_lo
        hi = hi if hi is not None else data_hi
        if has_ids and hi is not None and data_hi is not None:
            hi = min(hi, data_hi)
    return measures, 17 if has_ids else 16, lo, hi


def _iri(text: str):
    from rdflib import URIRef

    return URIRef(text)


def _literal(text: str):
    from rdflib import Literal

    return Literal(text)


def find(releases: Sequence[Release], name: str) -> Release:
    """The release ``name`` designates: its IRI, its generated date (or a prefix such as
    "2026" or "2024-10-13"), or its file name.  Raises :class:`UnknownRelease`."""
    want = name.strip()
    hits = [
        r
        for r in releases
        if r.deals and (want in (r.iri, r.file) or (want and r.generated and r.generated.startswith(want)))
    ]
    if len(hits) == 1:
        return hits[0]
    known = "; ".join(f"{r.date} ({r.file or r.iri})" for r in releases if r.deals) or "none loaded"
    what = "matches several releases" if hits else "matches no register release"
    raise UnknownRelease(f"--release {name!r} {what} (releases: {known})")


def choose(
    releases: Sequence[Release],
    measure: str,
    year_from: int | None = None,
    year_to: int | None = None,
    name: str | None = None,
) -> Release | None:
    """The release that feeds ``measure`` for ``year_from..year_to`` (see the module doc).

    ``None`` bounds mean "as far as any release reaches".  ``name`` (``--release``) wins.
    ``None`` is returned when the store holds no register release.
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    registers = [r for r in releases if r.deals]
    if name:
        return find(registers, name)
    if not registers:
        return None
    able = [r for r in registers if measure in r.measures and r.year_from is not None]
    if not able:
        return registers[0]
    lo = year_from if year_from is not None else min(r.year_from for r in able)  # type: ignore[type-var]
    hi = year_to if year_to is not None else max(r.year_to for r in able)  # type: ignore[type-var]
    if hi < lo:
        lo, hi = hi, lo
    # newest first already: max() keeps the first of equals
    return max(able, key=lambda r: (r.covers(measure, lo, hi), r.overlap(measure, lo, hi), r.generated or ""))


def excluded(releases: Sequence[Release], chosen: Release | None) -> tuple[str, ...]:
    """Graphs an aggregate leaves out when ``chosen`` feeds it: every other register release."""
    if chosen is None:
        return ()
    return tuple(sorted(r.iri for r in releases if r.deals and r.iri != chosen.iri))


__all__ = ["MEASURES", "Release", "UnknownRelease", "choose", "excluded", "find", "register_releases"]
