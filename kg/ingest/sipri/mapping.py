"""Parsed SIPRI rows -> N-Triples text for one release graph (no rdflib per triple).

Why strings: a full register is about a million triples; building rdflib terms for each
costs seconds, while f-strings of pre-serialised IRIs cost a fraction of that, and the
store bulk-loads N-Triples natively.  Every IRI comes from :mod:`kg.vocab.iris` and every term
from :mod:`kg.vocab.ns`; literals are escaped by :func:`lit`.  No blank nodes: re-importing a
file writes byte-identical triples into the same graph.

What the release graph holds (so it stands alone, without the reference graph):

* the release (``kg:DatasetRelease``: title, ``Data generated`` date, content hash, file);
* one ``kg:RegisterRecord`` per source row (physical line number, release);
* the deals (``kg:Deal``) and deliveries (``kg:Delivery``) or TIV observations;
* minimal typing and labels of the parties and weapon systems the release mentions.

Deal status (``kg:status``) is derived from the numbers, because SIPRI states none:
``signed`` when nothing is delivered yet, ``delivered`` when the delivered number reaches
the number ordered, ``delivering`` when some units are delivered and either fewer than
ordered or the number ordered is unknown (always the case in the 17-column layout, which
has no Number ordered: its deals are at least "delivering").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.ingest.sipri.formats import DealRow, DeliveryRow, ParsedFile, RowProblem, TivRow
from kg.ingest.sipri.values import parse_value
from kg.io.resources import data_path
from kg.vocab import iris, ns, reference

# --- N-Triples building blocks ---------------------------------------------------------


def iri(value: object) -> str:
    """``<...>`` for an IRI minted by kg.vocab.iris / kg.vocab.ns (never user text)."""
    return f"<{value}>"


def lit(text: str) -> str:
    """A plain string literal, escaped for N-Triples.

    Four ``str.replace`` (each a C scan that returns the text itself when there is nothing
    to replace) instead of ``str.translate``, which looks every character up in a dict."""
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{text}"'


_XSD_INT = iri(XSD.integer)
_XSD_DEC = iri(XSD.decimal)
_XSD_BOOL = iri(XSD.boolean)
_XSD_DT = iri(XSD.dateTime)
_XSD_DATE = iri(XSD.date)


def lit_int(value: int) -> str:
    return f'"{int(value)}"^^{_XSD_INT}'


def lit_dec(value: str | Decimal) -> str:
    """xsd:decimal from SIPRI's lexical form (``"0.25"``) or a Decimal (plain notation)."""
    text = format(value, "f") if isinstance(value, Decimal) else value
    return f'"{text}"^^{_XSD_DEC}'


_TRUE = f'"true"^^{_XSD_BOOL}'
_FALSE = f'"false"^^{_XSD_BOOL}'


def lit_bool(value: bool) -> str:
    return _TRUE if value else _FALSE


# Cached forms for the values a register repeats (years, quantities, TIV figures,
# descriptions, conditions, designations): one escape/format per distinct value.
_LIT_CACHE = 16384
lit_cached = lru_cache(maxsize=_LIT_CACHE)(lit)
lit_int_cached = lru_cache(maxsize=_LIT_CACHE)(lit_int)
lit_dec_cached = lru_cache(maxsize=_LIT_CACHE)(lit_dec)


# Pre-serialised predicates and classes.
A = iri(RDF.type)
LABEL = iri(RDFS.label)
DERIVED_FROM = iri(PROV.wasDerivedFrom)
P = {name: iri(getattr(ns, name)) for name in dir(ns) if not name.startswith("_") and name[0].islower()}
C = {name: iri(getattr(ns, name)) for name in dir(ns) if not name.startswith("_") and name[0].isupper()}
STATUS = {key: iri(value) for key, value in ns.STATUSES.items()}
CATEGORY = {key: iri(value) for key, value in ns.CATEGORIES.items()}
PUBLISHER = iri(DCTERMS.publisher)
# The hottest terms, bound once (a register writes each tens of thousands of times).
C_DEAL, C_DELIVERY, C_RECORD = C["Deal"], C["Delivery"], C["RegisterRecord"]
P_SUPPLIER, P_BUYER, P_SYSTEM = P["supplier"], P["buyer"], P["weaponSystem"]
P_DESCRIPTION, P_CATEGORY, P_ORDER_YEAR = P["description"], P["category"], P["orderYear"]
P_QUANTITY, P_STATUS, P_TIV, P_TIV_BELOW_HALF = P["quantity"], P["status"], P["tiv"], P["tivBelowHalf"]
P_DELIVERY, P_DELIVERY_YEAR = P["delivery"], P["deliveryYear"]
P_ROW_NUMBER, P_RELEASE = P["rowNumber"], P["release"]

#: kind of a reference.PartyRecord -> class
_KIND_CLASS = {
    "country": C["Country"],
    "company": C["Company"],
    "agency": C["GovernmentAgency"],
    "org": C["InternationalOrganisation"],
    "group": C["NonStateArmedGroup"],
}

#: SIPRI 'Armament category' (folded) -> key of kg.vocab.ns.CATEGORIES
_ARMAMENT_CATEGORIES = {
    "aircraft": "aircraft",
    "air defence systems": "air-defence",
    "air-defence systems": "air-defence",
    "anti-submarine warfare weapons": "anti-submarine",
    "armoured vehicles": "armoured-vehicles",
    "artillery": "artillery",
    "engines": "engines",
    "missiles": "missiles",
    "naval weapons": "naval-weapons",
    "satellites": "satellites",
    "sensors": "sensors",
    "ships": "ships",
    "other": "other",
}

#: Comments that state production or assembly in the buyer country (16-column layout has
#: no Local production column).  Only a match asserts kg:localProduction true; no match
#: asserts nothing (absence of a remark is not evidence of import-only).
_LOCAL_PRODUCTION = re.compile(
    r"\b(produced|assembled|built|manufactured) under licen[cs]e|\blicen[cs]ed production|"
    r"\bproduction under licen[cs]e|\bassembled in\b|\blocal(ly)? (production|assembly|produced|assembled)",
    re.IGNORECASE,
)


def states_local_production(comments: str) -> bool:
    """True when Comments state production or assembly in the buyer country.

    Every alternative of :data:`_LOCAL_PRODUCTION` contains ``licen``, ``assembl`` or
    ``local``: an ASCII text without any cannot match, so the pattern runs only on the few
    that have one (non-ASCII text always runs it: case folding beyond ASCII is the engine's).
    """
    if comments.isascii():
        low = comments.lower()
        if "licen" not in low and "assembl" not in low and "local" not in low:
            return False
    return _LOCAL_PRODUCTION.search(comments) is not None


@cache
def description_categories() -> dict[str, str]:
    """``data/sipri/description_categories.csv``: 16-column description -> category key."""
    path: Path = data_path("sipri", "description_categories.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["description"]: row["category"] for row in csv.DictReader(handle)}


def armament_category(text: str) -> str | None:
    """Category key for a 17-column ``Armament category`` value, or None if unknown."""
    return _ARMAMENT_CATEGORIES.get(" ".join(text.lower().split()))


def status_key(ordered: int | None, delivered: int | None) -> str:
    """Derived deal status (see the module docstring)."""
    if not delivered:
        return "signed"
    if ordered is not None and delivered >= ordered:
        return "delivered"
    return "delivering"


# --- the mapper ------------------------------------------------------------------------


class UnknownParty(ValueError):
    """A party name that is neither resolvable nor marked by SIPRI as group/organisation."""


@dataclass
class MappedRelease:
    """N-Triples of one release graph plus the counts the import report shows."""

    graph: str  # graph IRI (= release IRI)
    lines: list[str] = field(default_factory=list)
    deals: int = 0
    deliveries: int = 0
    derived_deliveries: int = 0
    observations: int = 0
    parties: set[str] = field(default_factory=set)
    systems: set[str] = field(default_factory=set)
    skipped: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def ntriples(self) -> str:
        return "".join(self.lines)


ProgressFn = Callable[[int], None]


class ReleaseMapper:
    """Maps one parsed file into its release graph.  Use :func:`map_release`."""

    def __init__(self, parsed: ParsedFile, *, derive_years: bool = False) -> None:
        self.parsed = parsed
        self.derive_years = derive_years
        self.release_key = parsed.release_key
        self.release = iris.release_source(self.release_key)
        self.release_s = iri(self.release)
        # Record and deal IRIs of kg.vocab.iris as string templates (no URIRef per row), each
        # checked once against the minting function: "<release/row/" + line + ">" and
        # "<.../deal/sipri/" + digest(release key, row key) + ">".
        self._record_prefix = iri(iris.record(self.release, ""))[:-1]
        probe = str(iris.register_deal(self.release_key, "1"))
        self._deal_prefix = "<" + probe.removesuffix(iris.digest(self.release_key, "1"))
        if f"{self._record_prefix}7>" != iri(iris.record(self.release, 7)) or self.deal16_iri(1) != iri(
            probe
        ):
            raise RuntimeError("kg.vocab.iris changed the record or register deal IRI template")
        self.out = MappedRelease(graph=str(self.release))
        self.entity_lines: dict[str, None] = {}  # ordered set of party/system triples
        self._party_cache: dict[str, tuple[str, str | None, str, str | None]] = {}
        self._system_cache: dict[tuple[str, str, str | None], str] = {}
        self._cat_missing: dict[str, int] = {}

    # -- shared pieces ---------------------------------------------------------------
    def _deal_core(
        self, d: str, row: Any, supplier: str, buyer: str, system: str, category: str | None
    ) -> None:
        """The triples every register deal has, in either export format: its class, label,
        parties, system, description, category and order year (one place for both mappers)."""
        add = self.out.lines.append
        add(f"{d} {A} {C_DEAL} .\n")
        add(
            f"{d} {LABEL} {lit(f'{row.supplier} -> {row.recipient}: {row.designation} ({row.order_year})')} .\n"
        )
        add(f"{d} {P_SUPPLIER} {supplier} .\n")
        add(f"{d} {P_BUYER} {buyer} .\n")
        add(f"{d} {P_SYSTEM} {system} .\n")
        add(f"{d} {P_DESCRIPTION} {lit_cached(row.description)} .\n")
        if category:
            add(f"{d} {P_CATEGORY} {CATEGORY[category]} .\n")
        add(f"{d} {P_ORDER_YEAR} {lit_int_cached(row.order_year)} .\n")

    def _emit(self, s: str, p: str, o: str) -> None:
        self.out.lines.append(f"{s} {p} {o} .\n")

    def _entity(self, s: str, p: str, o: str) -> None:
        self.entity_lines[f"{s} {p} {o} .\n"] = None

    def release_triples(self) -> None:
        pf, r = self.parsed, self.release_s
        self._emit(r, A, C["DatasetRelease"])
        self._emit(r, LABEL, lit(f"{pf.title} (SIPRI, {pf.generated or 'undated'})"))
        self._emit(r, P["releaseTitle"], lit(pf.title))
        if pf.generated_iso:
            dtype = _XSD_DT if "T" in pf.generated_iso else _XSD_DATE
            self._emit(r, P["dataGenerated"], f'"{pf.generated_iso}"^^{dtype}')
        elif pf.generated:
            self._emit(r, P["dataGenerated"], lit(pf.generated))
        self._emit(r, P["contentHash"], lit(pf.content_hash))
        self._emit(r, P["sourceFile"], lit(pf.path.name))
        self._emit(r, PUBLISHER, lit("SIPRI Arms Transfers Database"))

    def record(self, line: int) -> str:
        """The register record of a physical line (its three triples), serialised."""
        rec = f"{self._record_prefix}{line}>"
        add = self.out.lines.append
        add(f"{rec} {A} {C_RECORD} .\n")
        add(f"{rec} {P_ROW_NUMBER} {lit_int(line)} .\n")
        add(f"{rec} {P_RELEASE} {self.release_s} .\n")
        return rec

    def party(self, name: str, role: str, scope: str) -> str:
        """IRI (serialised) of a party, typing it in the release graph on first sight.

        Resolution is cached per spelling (a register repeats a few hundred names tens of
        thousands of times); SIPRI's unknown-party placeholders get a fresh IRI per scope.
        """
        cached = self._party_cache.get(name)
        if cached is None:
            cached = self._resolve(name)
            self._party_cache[name] = cached
        node, cls, label, iso3 = cached
        if cls is None:  # placeholder: never merged, one node per release and row/deal
            node = iri(iris.unknown_party(f"{self.release_key}\x1f{scope}", role))
            self._entity(node, A, C["UnknownParty"])
            self._entity(node, LABEL, lit(label))
            self.out.parties.add(node)
            return node
        if node not in self.out.parties:
            self.out.parties.add(node)
            self._entity(node, A, cls)
            self._entity(node, LABEL, lit(label))
            if iso3:  # keeps the release graph valid (shapes) without the reference graph
                self._entity(node, P["iso3"], lit(iso3))
        return node

    @staticmethod
    def _resolve(name: str) -> tuple[str, str | None, str, str | None]:
        """(node, class, label, iso3) for a spelling; class None marks a placeholder."""
        if reference.placeholder_role(name) is not None:
            return "", None, name.strip(), None
        record = reference.resolve_party(name)
        base, marker = reference.strip_sipri_marker(name)
        if record is not None:
            if record.kind == "country" and record.iso3:
                return iri(iris.country(record.iso3)), _KIND_CLASS["country"], base, record.iso3
            return iri(iris.organisation(record.kind, record.name)), _KIND_CLASS[record.kind], base, None
        if marker is not None:
            # SIPRI's own marker says what it is: '*' armed group, '**' organisation.
            return iri(iris.organisation(marker, base)), _KIND_CLASS[marker], base, None
        raise UnknownParty(f"unknown party name {name.strip()[:80]!r}")

    def system(self, designation: str, description: str, category: str | None) -> str:
        key = (designation, description, category)
        node = self._system_cache.get(key)
        if node is not None:
            return node
        node = iri(iris.system(designation))
        self._system_cache[key] = node
        self.out.systems.add(node)
        self._entity(node, A, C["WeaponSystem"])
        self._entity(node, LABEL, lit(designation))
        self._entity(node, P["designation"], lit(designation))
        if description:
            self._entity(node, P["description"], lit(description))
        if category:
            self._entity(node, P["category"], CATEGORY[category])
        return node

    def value_triples(self, deal: str, comments: str) -> None:
        value = parse_value(comments)
        if value is None:
            return
        self._emit(deal, P["valueText"], lit(value.text))
        if value.amount is not None and value.currency:
            self._emit(deal, P["valueAmount"], lit_dec(value.amount))
            self._emit(deal, P["valueCurrency"], lit(value.currency))
            if value.amount_max is not None:
                self._emit(deal, P["valueAmountMax"], lit_dec(value.amount_max))
        if value.usd is not None:
            self._emit(deal, P["valueUSD"], lit_dec(value.usd))

    def _category_for_description(self, description: str) -> str | None:
        cat = description_categories().get(description)
        if cat is None:
            self._cat_missing[description] = self._cat_missing.get(description, 0) + 1
        return cat

    def finish(self) -> MappedRelease:
        for desc, count in sorted(self._cat_missing.items()):
            self.out.warnings.append(
                f"description {desc!r} ({count} rows) has no category in data/sipri/description_categories.csv"
            )
        self.out.lines.extend(self.entity_lines)
        return self.out

    # -- 16-column register --------------------------------------------------------------
    def deal16_iri(self, ordinal: int) -> str:
        """Serialised ``iris.register_deal(release key, ordinal)`` (checked in ``__init__``)."""
        return f"{self._deal_prefix}{iris.digest(self.release_key, str(ordinal))}>"

    def deal16(self, row: DealRow) -> None:
        """One deal from a 16-column row.  Its flags (uncertain, second-hand, estimated) are
        written only when true: SIPRI's '?' marks are definite, so absent means false (about
        70,000 fewer triples on the full register).  The 17-column layout keeps its explicit
        Yes/No flags as ``true``/``false``, where an empty flag means unknown; its
        ``kg:secondHand``, derived from the transfer condition, is written only when true."""
        scope = f"{row.ordinal}"  # the row key of the deal IRI (see deal16_iri)
        if not row.designation:
            raise ValueError("Weapon designation is empty")
        supplier = self.party(row.supplier, "supplier", scope)
        buyer = self.party(row.recipient, "recipient", scope)
        category = self._category_for_description(row.description)
        system = self.system(row.designation, row.description, category)
        d = self.deal16_iri(row.ordinal)
        deal_iri = d[1:-1]
        add = self.out.lines.append
        self._deal_core(d, row, supplier, buyer, system, category)
        if row.order_year_uncertain:
            add(f"{d} {P['orderYearUncertain']} {_TRUE} .\n")
        if row.number_ordered is not None:
            add(f"{d} {P_QUANTITY} {lit_int_cached(row.number_ordered)} .\n")
            if row.number_ordered_uncertain:
                add(f"{d} {P['quantityUncertain']} {_TRUE} .\n")
            if row.tiv_total_order is not None:
                add(f"{d} {P['tivTotalOrder']} {lit_dec_cached(row.tiv_total_order)} .\n")
        if row.transfer_condition:
            add(f"{d} {P['transferCondition']} {lit_cached(row.transfer_condition)} .\n")
            if row.transfer_condition.lower().startswith("second"):
                add(f"{d} {P['secondHand']} {_TRUE} .\n")
        if row.comments:
            add(f"{d} {P['comments']} {lit(row.comments)} .\n")
            if states_local_production(row.comments):
                add(f"{d} {P['localProduction']} {_TRUE} .\n")
            self.value_triples(d, row.comments)
        if row.tiv_per_unit is not None:
            add(f"{d} {P['tivPerUnit']} {lit_dec_cached(row.tiv_per_unit)} .\n")
        if row.tiv_delivered is not None:
            add(f"{d} {P['tivDelivered']} {lit_dec_cached(row.tiv_delivered)} .\n")
            if row.tiv_delivered == "0":
                add(f"{d} {P_TIV_BELOW_HALF} {_TRUE} .\n")
        if row.number_delivered is not None:
            add(f"{d} {P['quantityDelivered']} {lit_int_cached(row.number_delivered)} .\n")
            if row.number_delivered_uncertain:
                add(f"{d} {P['quantityDeliveredUncertain']} {_TRUE} .\n")
        if row.delivery_years_text:
            add(f"{d} {P['deliveryYearsText']} {lit_cached(row.delivery_years_text)} .\n")
        add(f"{d} {P_STATUS} {STATUS[status_key(row.number_ordered, row.number_delivered)]} .\n")
        add(f"{d} {DERIVED_FROM} {self.record(row.line)} .\n")
        # Deliveries of a 16-column deal come from the deal's own row: no separate
        # prov:wasDerivedFrom on them (the deal's is the provenance; saves 60k triples).
        years = sorted(set(row.delivery_years))
        if len(years) == 1:
            # All deliveries in one stated year: the deal totals *are* that year's figures.
            dv = iri(iris.delivery(deal_iri, years[0]))
            add(f"{d} {P_DELIVERY} {dv} .\n")
            add(f"{dv} {A} {C_DELIVERY} .\n")
            add(f"{dv} {P_DELIVERY_YEAR} {lit_int_cached(years[0])} .\n")
            if row.number_delivered is not None:
                add(f"{dv} {P_QUANTITY} {lit_int_cached(row.number_delivered)} .\n")
            if row.tiv_delivered is not None:
                add(f"{dv} {P_TIV} {lit_dec_cached(row.tiv_delivered)} .\n")
                if row.tiv_delivered == "0":
                    add(f"{dv} {P_TIV_BELOW_HALF} {_TRUE} .\n")
            if row.number_delivered_uncertain:
                add(f"{dv} {P['estimated']} {_TRUE} .\n")
            self.out.deliveries += 1
        elif self.derive_years:
            # Several years: SIPRI gives no split.  On request, one derived node per listed
            # year with the year only; quantity and TIV stay at deal level (nothing is
            # spread).  Off by default: the years are in kg:deliveryYearsText already, and
            # the nodes would add 18% to the graph for no figure.
            for year in years:
                dv = iri(iris.delivery(deal_iri, year, derived=True))
                add(f"{d} {P_DELIVERY} {dv} .\n")
                add(f"{dv} {A} {C_DELIVERY} .\n")
                add(f"{dv} {P_DELIVERY_YEAR} {lit_int_cached(year)} .\n")
                add(f"{dv} {P['derived']} {_TRUE} .\n")
                self.out.deliveries += 1
                self.out.derived_deliveries += 1
        self.out.deals += 1

    # -- 17-column register --------------------------------------------------------------
    def deal17(self, rows: list[DeliveryRow]) -> None:
        first = rows[0]
        deal_id = first.deal_id
        if not first.designation:
            raise ValueError("Designation is empty")
        for other in rows[1:]:
            if (other.supplier, other.recipient, other.designation, other.order_year) != (
                first.supplier,
                first.recipient,
                first.designation,
                first.order_year,
            ):
                self.out.warnings.append(
                    f"{self.parsed.path}:{other.line}: deal {deal_id} differs from its first row "
                    f"(line {first.line}) in supplier/recipient/designation/order year; first row kept"
                )
        supplier = self.party(first.supplier, "supplier", deal_id)
        buyer = self.party(first.recipient, "recipient", deal_id)
        category = armament_category(first.category)
        if category is None and first.category:
            self.out.warnings.append(
                f"{self.parsed.path}:{first.line}: unknown Armament category {first.category!r}"
            )
        system = self.system(first.designation, first.description, category)
        deal_iri = iris.register_deal(self.release_key, deal_id)
        d = iri(deal_iri)
        e = self._emit
        self._deal_core(d, first, supplier, buyer, system, category)
        e(d, P["sipriDealId"], lit(deal_id))
        if first.order_year_estimate is not None:
            e(d, P["orderYearUncertain"], lit_bool(first.order_year_estimate))
        if first.transfer_condition:
            e(d, P["transferCondition"], lit(first.transfer_condition))
            if first.transfer_condition.lower().startswith("second"):  # (derived: absent means false)
                e(d, P["secondHand"], _TRUE)
        if first.local_production is not None:
            e(d, P["localProduction"], lit_bool(first.local_production))
        if first.tiv_unit is not None:
            e(d, P["tivPerUnit"], lit_dec(first.tiv_unit))
        if first.tiv_estimate is not None:
            e(d, P["tivBasePerUnit"], lit_dec(first.tiv_estimate))
        total_units = 0
        total_tiv = Decimal(0)
        any_tiv = False
        seen_years: set[int] = set()
        for row in rows:
            if row.delivery_year in seen_years:
                self.out.skipped.append(
                    RowProblem(row.line, f"deal {deal_id} lists delivery year {row.delivery_year} twice")
                )
                continue
            seen_years.add(row.delivery_year)
            rec = self.record(row.line)
            e(d, DERIVED_FROM, rec)
            dv = iri(iris.delivery(str(deal_iri), row.delivery_year))
            e(d, P["delivery"], dv)
            e(dv, A, C["Delivery"])
            e(dv, P["deliveryYear"], lit_int(row.delivery_year))
            e(dv, P["quantity"], lit_int(row.delivered))
            if row.tiv_delivery is not None:
                e(dv, P["tiv"], lit_dec(row.tiv_delivery))
                total_tiv += Decimal(row.tiv_delivery)
                any_tiv = True
            if row.delivered_estimate is not None:
                e(dv, P["estimated"], lit_bool(row.delivered_estimate))
            if row.delivery_year_estimate is not None:
                e(dv, P["deliveryYearUncertain"], lit_bool(row.delivery_year_estimate))
            e(dv, DERIVED_FROM, rec)
            total_units += row.delivered
            self.out.deliveries += 1
        e(d, P["quantityDelivered"], lit_int(total_units))
        if any_tiv:
            e(d, P["tivDelivered"], lit_dec(total_tiv))
        e(d, P["deliveryYearsText"], lit("; ".join(str(y) for y in sorted(seen_years))))
        e(d, P["status"], STATUS[status_key(None, total_units)])
        self.out.deals += 1

    # -- TIV tables ---------------------------------------------------------------------------
    def tiv_row(self, row: TivRow) -> None:
        pf = self.parsed
        role = pf.tiv_role or "importer"
        scope = f"row {row.line}"
        node = self.party(row.party, "recipient" if role == "importer" else "supplier", scope)
        counterpart = None
        if pf.tiv_counterpart:
            other_role = "supplier" if role == "importer" else "recipient"
            counterpart = self.party(pf.tiv_counterpart, other_role, "title")
        rec = self.record(row.line)
        e = self._emit
        for year, value in sorted(row.values.items()):
            obs = iri(iris.tiv_observation(str(self.release), role, node[1:-1], year, counterpart))
            e(obs, A, C["TivObservation"])
            e(obs, P[role], node)
            if counterpart:
                e(obs, P["exporter" if role == "importer" else "importer"], counterpart)
            e(obs, P["year"], lit_int(year))
            e(obs, P["tiv"], lit_dec(value))
            if value == "0":
                e(obs, P["tivBelowHalf"], _TRUE)
            e(obs, DERIVED_FROM, rec)
            self.out.observations += 1


def _grouped(rows: Iterable[DeliveryRow]) -> dict[str, list[DeliveryRow]]:
    groups: dict[str, list[DeliveryRow]] = {}
    for row in rows:
        groups.setdefault(row.deal_id, []).append(row)
    return groups


def map_release(
    parsed: ParsedFile,
    progress: ProgressFn | None = None,
    every: int = 2000,
    *,
    derive_years: bool = False,
) -> MappedRelease:
    """N-Triples and counts for one parsed file; bad rows go to ``skipped`` with their line.

    ``progress(n)`` is called with the number of source rows mapped since the last call.
    ``derive_years`` adds year-only ``kg:derived`` deliveries for 16-column deals
    delivered over several years.
    """
    mapper = ReleaseMapper(parsed, derive_years=derive_years)
    mapper.release_triples()
    out = mapper.out
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None and done >= every:
            progress(done)
            done = 0

    def guarded(line: int, fn: Callable[[], None], what: str = "") -> None:
        mark = len(out.lines)
        counts = (out.deals, out.deliveries, out.derived_deliveries, out.observations)
        try:
            fn()
        except (UnknownParty, ValueError) as exc:
            del out.lines[mark:]  # drop a half-mapped row
            out.deals, out.deliveries, out.derived_deliveries, out.observations = counts
            out.skipped.append(RowProblem(line, f"{exc}{what}"))

    if parsed.layout == "register-16":
        for row in parsed.rows:
            guarded(row.line, lambda row=row: mapper.deal16(row))  # type: ignore[arg-type]
            tick(1)
    elif parsed.layout == "register-17":
        for rows in _grouped(parsed.rows).values():  # type: ignore[arg-type]
            what = f" (deal {rows[0].deal_id}: {len(rows)} rows skipped)"
            guarded(rows[0].line, lambda rows=rows: mapper.deal17(rows), what)
            tick(len(rows))
    else:
        for row in parsed.rows:
            guarded(row.line, lambda row=row: mapper.tiv_row(row))  # type: ignore[arg-type]
            tick(1)
    if progress is not None and done:
        progress(done)
    return mapper.finish()
