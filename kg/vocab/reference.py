"""Reference tables: countries, organisations, non-parties, weapon systems, India's deals.

Pure Python on purpose: the article extractor uses this module to recognise parties and
systems and must know nothing of RDF, so nothing here imports rdflib.  The RDF side
(reference graph loader) reads the same records and mints IRIs with :mod:`kg.vocab.iris`.

Every table is read once (``functools.cache``) and indexed into dicts, so each lookup is
O(1) after the first call.  Lookups are "exact-ish": names are compared after folding case,
diacritics, punctuation and a leading "the", never by fuzzy similarity (that is what
:func:`close_matches` is for, and only for "did you mean" messages).
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg.io.resources import data_path

#: Kinds of party a record can be (countries plus the organisation kinds of kg.vocab.iris).
PARTY_KINDS = ("country", "company", "agency", "org", "group")
ORGANISATION_KINDS = ("company", "agency", "org", "group")


@dataclass(frozen=True)
class PartyRecord:
    """A country, company, government agency, international organisation or armed group."""

    key: str  # iso3 for countries (e.g. "IND", "SUN"); the name for others (slug it for IRIs)
    name: str
    kind: str  # "country" | "company" | "agency" | "org" | "group"
    iso3: str | None
    iso2: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]
    country_iso3: str | None  # agencies/companies/groups: the country they belong to; countries: own
    wikidata: str | None
    historical: bool
    official_name: str | None = None
    source_url: str | None = None

    @property
    def is_country(self) -> bool:
        return self.kind == "country"

    def names(self) -> tuple[str, ...]:
        """Name and aliases (the spellings that identify the party on their own)."""
        return (self.name, *self.aliases)


#: nationality nouns whose plural is not the demonym plus "s" ("the Poles ordered", "the Swedes
#: offered", "the Czechs sent"): news names a state by its people as often as by its adjective, and
#: these forms share no spelling with the demonym's regular plural
_IRREGULAR_PEOPLE = {
    "Polish": ("Poles",),
    "Swedish": ("Swedes",),
    "Finnish": ("Finns",),
    "Danish": ("Danes",),
    "Turkish": ("Turks",),
    "Spanish": ("Spaniards",),
    "Serbian": ("Serbs", "Serbians"),
    "Croatian": ("Croats", "Croatians"),
    "Icelandic": ("Icelanders",),
}

#: demonym endings whose plural noun is the demonym plus "s" ("Czech" -> "Czechs", "Israeli" ->
#: "Israelis", "Argentine" -> "Argentines"); others ("French", "Chinese", "Swiss") are their own plural,
#: which the demonym already matches
_PLURAL_S_ENDS = ("an", "i", "ech", "eek", "ak", "ine", "ot", "ino", "kh", "ek", "ik")


def people_nouns(record: PartyRecord) -> tuple[str, ...]:
    """The plural nouns for a country's people ("the Czechs", "the Poles", "the Emiratis"): in news they
    stand for the state that acts ("the Czechs sent tanks to Ukraine"), like the country's name, so the
    gazetteer needs them beside the adjective (which only reaches "the Dutch"-style plurals)."""
    out: list[str] = []
    for dem in record.demonyms:
        if dem in _IRREGULAR_PEOPLE:
            out.extend(_IRREGULAR_PEOPLE[dem])
        elif dem.endswith(_PLURAL_S_ENDS) and dem != "Soviet":
            out.append(dem + "s")
    return tuple(n for n in out if n not in record.names())  # "Philippine" + "s" is the name itself


@dataclass(frozen=True)
class SystemRecord:
    """A weapon-system type from the catalogue (designation as SIPRI spells it)."""

    designation: str
    aliases: tuple[str, ...]
    category: str  # a key of kg.vocab.ns.CATEGORIES
    origin_iso3: str | None
    manufacturer: str | None  # a name that resolves in organisations()
    description: str | None
    source_url: str | None

    def names(self) -> tuple[str, ...]:
        return (self.designation, *self.aliases)


# --- normalisation --------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DROP = re.compile(r"[.'\u00b7]")  # "U.S." == "US", "Cote d'Ivoire" == "Cote dIvoire"
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_LEADING_THE = re.compile(r"^the\s+")
_SIPRI_MARKER = re.compile(r"\s*\*+\s*$")
_DESIGNATION_TAIL = re.compile(r"(\s+-+)+\s*$")
_PLACEHOLDER = re.compile(r"^unknown (supplier|recipient|rebel group|group|party)(\s*s)?$")


def _ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def party_key(text: str) -> str:
    """Comparison key for party names: case, diacritics, punctuation and a leading "the" folded.

    ``"Côte d’Ivoire"``, ``"Cote d'Ivoire"`` and ``"COTE DIVOIRE"`` share a key; so do
    ``"the Kremlin"`` and ``"Kremlin"``, ``"U.S."`` and ``"US"``, ``"Bosnia-Herzegovina"``
    and ``"Bosnia Herzegovina"``.  SIPRI's trailing ``*`` / ``**`` markers are *not* removed
    here (see :func:`strip_sipri_marker`).
    """
    folded = _DROP.sub("", _ascii_fold(text)).replace("&", " and ")
    folded = _NON_ALNUM.sub(" ", folded).strip()
    return _LEADING_THE.sub("", folded)


# remembered: the extractor keys the same few names of an article over and over (36 calls, 11 names)
@lru_cache(maxsize=8192)
def system_key(text: str) -> str:
    """Comparison key for designations: ``"S 400"``, ``"S-400"`` and ``"s400"`` are equal."""
    return _NON_ALNUM.sub("", _ascii_fold(normalise_designation(text)))


def normalise_designation(text: str) -> str:
    """Clean a designation as SIPRI exports it: trailing ``" -"`` (F3), stray spaces (F2).

    ``"Scorpene -"`` -> ``"Scorpene"``, ``"MEKO-A200 --"`` -> ``"MEKO-A200"``,
    ``"Fleyta/Skorpion "`` -> ``"Fleyta/Skorpion"``.  Case and hyphens inside are kept:
    this is the display form; :func:`system_key` is the comparison form.
    """
    text = " ".join(text.split())
    return _DESIGNATION_TAIL.sub("", text).strip()


def strip_sipri_marker(name: str) -> tuple[str, str | None]:
    """Split SIPRI's entity marker off a name: ``"NATO**"`` -> ``("NATO", "org")``.

    A trailing ``**`` marks an international organisation, ``*`` a non-state armed group.
    """
    stripped = name.rstrip()
    match = _SIPRI_MARKER.search(stripped)
    if not match:
        return stripped, None
    stars = match.group(0).count("*")
    return stripped[: match.start()].rstrip(), ("org" if stars >= 2 else "group")


def placeholder_role(name: str) -> str | None:
    """``"supplier"`` / ``"recipient"`` / ``"group"`` for SIPRI's unknown-party placeholders.

    ``unknown supplier(s)``, ``unknown recipient(s)`` and ``unknown rebel group*`` are not
    parties: each occurrence must become its own placeholder node (``kg.vocab.iris.unknown_party``),
    never be merged, so :func:`resolve_party` returns ``None`` for them.
    """
    if not isinstance(name, str):
        return None
    base, _ = strip_sipri_marker(name)
    match = _PLACEHOLDER.match(party_key(base))
    if not match:
        return None
    role = match.group(1)
    return "group" if role in {"rebel group", "group"} else ("party" if role == "party" else role)


# --- reading --------------------------------------------------------------------------


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _opt(cell: str | None) -> str | None:
    cell = (cell or "").strip()
    return cell or None


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


@cache
def countries() -> tuple[PartyRecord, ...]:
    """Every ISO 3166-1 country plus historical and non-ISO states SIPRI uses (sorted by iso3)."""
    out = []
    for row in _read(data_path("reference", "countries.csv")):
        iso3 = row["iso3"].upper()
        out.append(
            PartyRecord(
                key=iso3,
                name=row["name"],
                kind="country",
                iso3=iso3,
                iso2=_opt(row["iso2"]),
                aliases=_split(row["aliases"]),
                demonyms=_split(row["demonyms"]),
                metonyms=_split(row["metonyms"]),
                country_iso3=iso3,
                wikidata=_opt(row["wikidata"]),
                historical=row["historical"] == "1",
                official_name=_opt(row["official_name"]),
            )
        )
    return tuple(out)


@cache
def organisations() -> tuple[PartyRecord, ...]:
    """Companies, government agencies, international organisations and armed groups."""
    out = []
    for row in _read(data_path("reference", "organisations.csv")):
        kind = row["kind"]
        if kind not in ORGANISATION_KINDS:
            raise ValueError(f"organisations.csv: unknown kind {kind!r} for {row['name']!r}")
        out.append(
            PartyRecord(
                key=row["name"],
                name=row["name"],
                kind=kind,
                iso3=None,
                iso2=None,
                aliases=_split(row["aliases"]),
                demonyms=(),
                metonyms=(),
                country_iso3=_opt(row["country_iso3"]),
                wikidata=_opt(row["wikidata"]),
                historical=False,
                source_url=_opt(row["source_url"]),
            )
        )
    return tuple(out)


@cache
def non_parties() -> frozenset[str]:
    """Lower-cased names (and aliases) of news agencies, papers and think tanks.

    They are sources or speakers ("Interfax reported", "SIPRI data show"), never a
    supplier or buyer; :func:`resolve_party` returns ``None`` for them.
    """
    names: set[str] = set()
    for row in _read(data_path("reference", "non_parties.csv")):
        for name in (row["name"], *_split(row["aliases"])):
            names.add(name.casefold())
    return frozenset(names)


@cache
def _non_party_keys() -> frozenset[str]:
    return frozenset(party_key(name) for name in non_parties())


@cache
def systems() -> tuple[SystemRecord, ...]:
    """The weapon-system catalogue, in file order."""
    out = []
    for row in _read(data_path("reference", "systems.csv")):
        out.append(
            SystemRecord(
                designation=normalise_designation(row["designation"]),
                aliases=_split(row["aliases"]),
                category=row["category"],
                origin_iso3=_opt(row["origin_iso3"]),
                manufacturer=_opt(row["manufacturer"]),
                description=_opt(row["description"]),
                source_url=_opt(row["source_url"]),
            )
        )
    return tuple(out)


@cache
def codeveloped() -> dict[str, frozenset[str]]:
    """Catalogue designation -> the states whose industry builds and sells a multinational system
    (``data/reference/codeveloped.csv``: a consortium's or joint venture's member states).

    The catalogue gives each system one origin, but news names any member state as the seller of a
    consortium's product (Britain sells the Eurofighter to a Gulf state, Italy the SAMP/T, Pakistan
    the JF-17): the extractor must neither drop nor override a member named as seller."""
    out: dict[str, frozenset[str]] = {}
    for row in _read(data_path("reference", "codeveloped.csv")):
        out[normalise_designation(row["designation"])] = frozenset(_split(row["maker_iso3"]))
    return out


def maker_states(designation: str) -> frozenset[str]:
    """The states that build and sell the catalogue system ``designation``: its origin plus, for a
    consortium's system, the other member states (see :func:`codeveloped`)."""
    rec = resolve_system(designation)
    if rec is None:
        return frozenset()
    home = frozenset({rec.origin_iso3}) if rec.origin_iso3 else frozenset()
    return home | codeveloped().get(rec.designation, frozenset())


@cache
def india_deals() -> tuple[dict[str, str], ...]:
    """Rows of ``data/facts/india_deals.csv`` (curated, one source URL per row)."""
    return tuple(_read(data_path("facts", "india_deals.csv")))


# --- indexes --------------------------------------------------------------------------


def _index(entries: list[tuple[str, object]]) -> tuple[dict[str, object], list[tuple[str, object, object]]]:
    """Build key -> record; first entry wins, conflicts are returned for the tests to report."""
    index: dict[str, object] = {}
    conflicts: list[tuple[str, object, object]] = []
    for key, record in entries:
        if not key:
            continue
        previous = index.get(key)
        if previous is None:
            index[key] = record
        elif previous is not record:
            conflicts.append((key, previous, record))
    return index, conflicts


@cache
def _party_index() -> tuple[dict[str, PartyRecord], list[tuple[str, PartyRecord, PartyRecord]]]:
    # Priority: names/aliases of countries, then of organisations, then demonyms and
    # metonyms (the weakest evidence).  Conflicts anywhere are data errors (tested).
    entries: list[tuple[str, object]] = []
    for record in countries():
        entries += [(party_key(n), record) for n in record.names()]
        if record.official_name:
            entries.append((party_key(record.official_name), record))
    for record in organisations():
        entries += [(party_key(n), record) for n in record.names()]
    for record in countries():
        entries += [(party_key(n), record) for n in (*record.demonyms, *record.metonyms)]
    index, conflicts = _index(entries)
    return index, conflicts  # type: ignore[return-value]


@cache
def _country_index() -> dict[str, PartyRecord]:
    entries: list[tuple[str, object]] = []
    for record in countries():
        entries += [(party_key(n), record) for n in record.names()]
        if record.official_name:
            entries.append((party_key(record.official_name), record))
    index, _ = _index(entries)
    return index  # type: ignore[return-value]


@cache
def _system_index() -> tuple[dict[str, SystemRecord], list[tuple[str, SystemRecord, SystemRecord]]]:
    entries: list[tuple[str, object]] = []
    for record in systems():
        entries += [(system_key(n), record) for n in record.names()]
    index, conflicts = _index(entries)
    return index, conflicts  # type: ignore[return-value]


def party_conflicts() -> list[tuple[str, PartyRecord, PartyRecord]]:
    """(key, kept, shadowed) for every spelling shared by two parties; must be empty."""
    return list(_party_index()[1])


def system_conflicts() -> list[tuple[str, SystemRecord, SystemRecord]]:
    """(key, kept, shadowed) for every spelling shared by two systems; must be empty."""
    return list(_system_index()[1])


# --- lookups --------------------------------------------------------------------------


def resolve_party(name: str) -> PartyRecord | None:
    """The party a name denotes, or ``None`` (unknown, a placeholder, or a non-party).

    Matches names, aliases, SIPRI spellings, official names, demonyms ("Russian") and
    metonyms ("the Kremlin", "New Delhi"), case/space/diacritics-insensitively.  SIPRI's
    ``*`` / ``**`` suffixes are accepted.  Never raises, whatever the input.
    """
    if not isinstance(name, str):
        return None
    base, _marker = strip_sipri_marker(name)
    key = party_key(base)
    if not key or placeholder_role(base) is not None or key in _non_party_keys():
        return None
    return _party_index()[0].get(key)


def resolve_country(name: str) -> PartyRecord | None:
    """A country by name or alias only (no demonyms, metonyms or organisations)."""
    if not isinstance(name, str):
        return None
    key = party_key(name)
    return _country_index().get(key) if key else None


@cache
def _by_iso3() -> dict[str, PartyRecord]:
    return {record.iso3: record for record in countries() if record.iso3}


def country_by_iso3(iso3: str) -> PartyRecord | None:
    """A country by its iso3 key ("IND", "SUN", "XKX")."""
    return _by_iso3().get(iso3.upper()) if isinstance(iso3, str) else None


def resolve_system(name: str) -> SystemRecord | None:
    """A catalogue system by designation or alias ("S 400" == "S-400" == "s400")."""
    if not isinstance(name, str):
        return None
    key = system_key(name)
    return _system_index()[0].get(key) if key else None


@cache
def catalogue_key(label: str) -> str:
    """The comparison key of a system label: its catalogue designation's key when the catalogue
    knows the label (so an alias and the designation compare equal), else the label's own key.

    Used by deal linking and by ``--system`` filters of the timeline and contradictions, which
    must agree on when two system names are the same system.
    """
    record = resolve_system(label)
    return system_key(record.designation if record else label)


@cache
def _display_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for record in (*countries(), *organisations()):
        for name in record.names():
            names.setdefault(name.casefold(), name)
    return names


def close_matches(name: str, n: int = 3) -> list[str]:
    """Up to ``n`` party names similar to ``name``, for "did you mean ...?" messages."""
    if not isinstance(name, str) or not name.strip():
        return []
    names = _display_names()
    hits = difflib.get_close_matches(name.casefold(), list(names), n=n, cutoff=0.6)
    return [names[hit] for hit in hits]


def close_system_matches(name: str, n: int = 3) -> list[str]:
    """Up to ``n`` catalogue designations similar to ``name`` (for error messages)."""
    if not isinstance(name, str) or not name.strip():
        return []
    names = {d.casefold(): d for record in systems() for d in record.names()}
    hits = difflib.get_close_matches(name.casefold(), list(names), n=n, cutoff=0.6)
    return [names[hit] for hit in hits]


__all__ = [
    "ORGANISATION_KINDS",
    "PARTY_KINDS",
    "PartyRecord",
    "SystemRecord",
    "close_matches",
    "close_system_matches",
    "countries",
    "country_by_iso3",
    "india_deals",
    "non_parties",
    "normalise_designation",
    "organisations",
    "party_conflicts",
    "party_key",
    "placeholder_role",
    "resolve_country",
    "resolve_party",
    "resolve_system",
    "strip_sipri_marker",
    "system_conflicts",
    "system_key",
    "systems",
]
