"""Designations as the text writes them: never pin a variant the text does not name.

The catalogue (``data/reference/systems.csv``) follows SIPRI's grouping: a bare family name
("F-16", "Leopard 2", "Su-35") is an alias of one variant's record (F-16A, Leopard-2A4,
Su-35S), and a newer variant can be an alias of an older one (Leopard 2A8 in Leopard-2A7).
That grouping is right for linking to SIPRI records, but a claim that says "F-16A" when the
article says "F-16" states something the article does not.  So a claim's ``system.name`` is
the catalogue designation only when that designation names no *other* variant than the text;
otherwise it is the designation as written (the record still gives category and origin, and
``kg.vocab.reference.resolve_system(name)`` still finds the record).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from kg.extract.model import Claim
from kg.extract.nouns import ITEM_NOUNS
from kg.vocab.reference import resolve_system, system_key, systems

#: a designation key split into its family (letters then digits: "f16", "leopard2", "su35")
#: and a variant code (a short letter/digit tail: "a", "ex", "a7", "block70")
_FAMILY_VARIANT = re.compile(r"^([a-z]*\d+)([a-z]{0,6}\d{0,3})$")
#: a plural "s" written after a designation ("F-16s", "K9s"), not a variant letter (upper case)
_PLURAL = re.compile(r"(?<=[\dA-Z])(?:'s|’s|s)$")
#: what a catalogue designation adds to a bare family name to pin a variant ("1a3" of "Marder-1A3")
_VARIANT_TAIL = re.compile(r"^\d{1,2}(?!mm$)[a-z]{1,2}\d{0,2}$")
#: a roman numeral written as a word of a name ("Wing Loong II", "Mirage III")
_ROMAN_VALUES = {"II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6", "VII": "7"}
_ROMAN = re.compile(r"(?<=[\s-])(?:VII|VI|IV|V|III|II)\b")
#: a mark number written after a name ("Mk II", "Mk.3", "Mark 2", "Mk1A"): the text's generation of the
#: family; a three-digit build standard ("Mk951" of an engine) is not one (the family stays the name)
MARK = r"(?:Mk\.?|Mark)\s?(?:[IVX]{1,4}|\d{1,2}[A-Z]?)(?![\w-])"
_MARK = re.compile(r"(?<![\w-])" + MARK)
#: a ship class name ("Akula-class", "Kalvari class"), with the nouns after it ("Kilo-class boats")
_CLASS_NAME = re.compile(r"^(.+?)[\s-]class(?:\s+[a-z][a-z-]*)*$")
#: lower-case words after a designation are nouns of the alias ("Leopard 2 tank"), not its name
_NOUN_TAIL = re.compile(r"(?:\s+[a-z][a-z-]*)+$")


#: a designation as written: a token with letters and digits ("S26T", "Giraffe 1X", "Type 071E"), not
#: a name ("Sudarshan Chakra", "Small Diameter Bomb")
_DESIGNATION_LIKE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[\w./ -]{2,40}$")


def _rest_key(name: str) -> str:
    """The comparison key of a name's words after its first, a roman numeral read as its number
    ("Lightning II" and "Lightning-2" are one name)."""
    rest = name.split(maxsplit=1)[1] if " " in name.strip() else ""
    return system_key(_ROMAN.sub(lambda r: _ROMAN_VALUES[r.group(0)], " " + rest))


def _split(text: str) -> tuple[str, str] | None:
    m = _FAMILY_VARIANT.match(system_key(text))
    return (m.group(1), m.group(2)) if m else None


#: the letter and digit runs of a designation ("M-1A1 Abrams": m 1 a 1 abrams)
_RUN = re.compile(r"[a-z]+|\d+")
#: words that number a variant after a name ("Typhoon Block-20", "Sea Skua Mark 2", "M1A2 SEPv3")
_VARIANT_WORDS = frozenset({"block", "batch", "mark", "flight", "increment", "sepv", "tranche"})
#: a calibre written after a designation ("K-9 Thunder 155mm"): the gun's bore, not a variant
_CALIBRE_UNITS = frozenset({"mm", "cm", "in"})
#: a role abbreviation the catalogue writes after a name ("Puma IFV", "Mk-41 VLS", "Iskander TEL"): the
#: kind of item, not a variant of it
_ROLE_CODES = frozenset(
    {"mbt", "ifv", "apc", "afv", "aps", "vls", "lwt", "hwt", "sdb", "sfw", "rws", "rcws", "tel", "atm", "pgk"}
    | {"itv", "ssm", "mcv", "sam", "atgm", "uav", "ucav", "mlrs", "spg", "asm", "aam"}
)


def written_form(mention: str) -> str:
    """A system mention without the item nouns or plural "s" after it ("Leopard 2 tanks" -> "Leopard 2")."""
    return _PLURAL.sub("", _NOUN_TAIL.sub("", mention.strip()))


@lru_cache(maxsize=16384)
def designation_runs(text: str) -> tuple[str, ...]:
    """The letter and digit runs of a designation as written, a roman numeral word read as its number
    and a plural "s" or item nouns after it dropped: "Type-209/1500" -> (type, 209, 1500), "Mirage
    III jets" -> (mirage, 3).  Separators do not count: "M1A1" and "M-1A1" have one run list."""
    text = written_form(text)
    text = _ROMAN.sub(lambda r: _ROMAN_VALUES[r.group(0)], " " + text)
    return tuple(_RUN.findall(_ascii_lower(text)))


def _ascii_lower(text: str) -> str:
    """``text`` folded as :func:`kg.vocab.reference.system_key` folds it, separators kept."""
    return " ".join(system_key(w) for w in re.split(r"[^\w]+|_", text) if w)


def _is_variant_group(group: list[str], before_name: bool) -> bool:
    """Whether runs a catalogue name adds to the text's name number a variant of it.

    After (or inside) the text's name: a number, a short code ("MKI", "E", "NG") or a variant word
    ("Block"), not a name word ("Thunder", "Fighting Falcon"), the number or code of a name word the
    catalogue adds ("Lightning-2" of "F-35A Lightning-2", "SLAM-ER" of "AGM-84H SLAM-ER": the name) or a calibre ("155mm").  Before a bare
    name: a designation code with a letter after its number ("M-1A1" of "M-1A1 Abrams", "AH-64E"),
    not the family's own code ("MIM-104 Patriot", "M-142 HIMARS", "S-70 Black Hawk")."""
    if before_name:
        return any(a.isdigit() and b.isalpha() for a, b in pairwise(group))
    for i, run in enumerate(group):
        if i and group[i - 1].isalpha() and len(group[i - 1]) >= 4 and group[i - 1] not in _VARIANT_WORDS:
            continue  # a name's own number or code ("Lightning-2", "SLAM-ER" of "AGM-84H SLAM-ER")
        if run.isdigit():
            if i + 1 < len(group) and group[i + 1] in _CALIBRE_UNITS:
                continue
            return True
        if run in _VARIANT_WORDS or (
            len(run) <= 3 and run not in _CALIBRE_UNITS and run not in _ROLE_CODES and run not in ITEM_NOUNS
        ):
            return True
    return False


@lru_cache(maxsize=8192)
def adds_variant(written: str, name: str) -> bool:
    """Whether ``name`` pins a variant of what ``written`` names: every run of the text's name is in
    the catalogue name, in order, and the catalogue name adds a variant to them ("Type 209" ->
    "Type-209/1500", "Abrams" -> "M-1A1 Abrams", "Typhoon" -> "Typhoon Block-20", "NASAMS" ->
    "NASAMS-2").  Another name altogether ("Kilo" -> "Project-877E") or a fuller name without a
    variant ("K9" -> "K-9 Thunder 155mm", "Patriot" -> "MIM-104 Patriot") adds none.

    >>> adds_variant("Abrams", "M-1A1 Abrams"), adds_variant("Patriot", "MIM-104 Patriot")
    (True, False)
    """
    w, n = designation_runs(written), designation_runs(name)
    maker = 0
    while maker < len(w) and w[maker].isalpha() and w[maker] not in n:
        maker += 1
    if maker and w[maker:] and w[maker] == n[0] and len("".join(w[maker:])) >= 3:
        # a maker's name before the designation ("Eurofighter Typhoon", "Dassault Mirage III"); a
        # word before a later part of it is another name ("Grey Eagle" of "MQ-1C Gray Eagle")
        w = w[maker:]
    if not w or w == n:
        return False
    groups: list[list[str]] = [[]]  # the runs the name adds before, between and after the text's runs
    j = 0
    for run in n:
        if j < len(w) and run == w[j]:
            j += 1
            groups.append([])
        else:
            groups[-1].append(run)
    if j < len(w):
        return False  # the text writes a run the name lacks: another name or variant, not a family
    return any(
        g and _is_variant_group(g, before_name=i == 0) and (i or _shared_name(w))
        for i, g in enumerate(groups)
    )


@lru_cache(maxsize=4096)
def _shared_name(runs: tuple[str, ...]) -> bool:
    """Whether two or more catalogue records write the name ``runs`` ("Abrams" in "M-1A1 Abrams" and
    "M-1A2 Abrams", "Hawkeye" in "E-2C" and "E-2D Hawkeye"): the code before it then picks one variant.
    A name only one record writes ("Kinzhal" of "Kh-47M2 Kinzhal") is that type, code and all."""
    k = len(runs)
    holders = 0
    for rec in systems():
        if any(
            any(r[i : i + k] == runs for i in range(len(r) - k + 1))
            for r in map(designation_runs, rec.names())
        ):
            holders += 1
            if holders > 1:
                return True
    return False


def record_key(name: str, designation: str) -> str:
    """Which system a claim's ``name`` of the catalogue record ``designation`` is: the record when
    the name is a family as written ("NASAMS" of "NASAMS-2": one sentence naming both names one
    system), else the name (a variant kept as written is a system of its own)."""
    return designation if adds_variant(name, designation) else name


@lru_cache(maxsize=8192)  # pure; a designation recurs in every article that names it
def written_designation(mention: str, designation: str) -> str:
    """``designation`` unless it pins a variant ``mention`` does not name; then the mention.

    >>> written_designation("F-16", "F-16A"), written_designation("Leopard 2A8", "Leopard-2A7")
    ('F-16', 'Leopard 2A8')
    >>> written_designation("K9", "K-9 Thunder 155mm"), written_designation("AGM-114R", "AGM-114 Hellfire-2")
    ('K-9 Thunder 155mm', 'AGM-114 Hellfire-2')
    >>> written_designation("Type 209 submarines", "Type-209/1500"), written_designation("Abrams", "M-1A1 Abrams")
    ('Type 209', 'Abrams')
    """
    return family_as_written(mention, designation) or catalogue_name(mention, designation)


@lru_cache(maxsize=8192)
def catalogue_name(mention: str, designation: str) -> str:
    """The name a mention's claims are grouped by while an article is read: the catalogue designation,
    or the text's designation where the catalogue groups another variant or name under the record
    ("Leopard 2A8" in "Leopard-2A7", "F-16" in "F-16A").  A family the catalogue files under one
    variant ("Abrams" in "M-1A1 Abrams") keeps the record's designation here, so an article's
    mentions of one record stay one system; :func:`family_as_written` names its claims at the end."""
    cls = _CLASS_NAME.match(mention.strip())
    if cls:
        # "Akula-class", "Kalvari class": a ship class as the text names it (the catalogue record,
        # often the project or export designation, still resolves from it)
        return f"{cls.group(1)}-class"
    return _chosen(_singular(written_form(mention), designation), designation)


def _singular(written: str, designation: str) -> str:
    """The written name without the plural "s" of its last name word where the record writes that
    name in the singular ("UH-60M Black Hawks" of a record naming "UH-60M Black Hawk"); a name that
    ends in "s" itself ("C-130H Hercules") is kept."""
    if not written.endswith("s") or " " not in written:
        return written
    rec = resolve_system(designation)
    if rec is None:
        return written
    keys = {system_key(n) for n in rec.names()}
    key = system_key(written)
    return written[:-1] if key not in keys and key[:-1] in keys else written


@lru_cache(maxsize=8192)
def family_as_written(mention: str, designation: str) -> str | None:
    """The family as the text writes it when the catalogue name pins a variant the text does not
    name ("Type 209" of the record "Type-209/1500", "Abrams" of "M-1A1 Abrams"), else None.  Only a
    family the catalogue finds the same record from: the claim still links to that record."""
    if _CLASS_NAME.match(mention.strip()):
        return None
    written = written_form(mention)
    name = _chosen(written, designation)
    if name != written and adds_variant(written, name) and _resolves_to(written, designation):
        return written
    return None


def _resolves_to(name: str, designation: str) -> bool:
    """Whether the catalogue finds the record ``designation`` from ``name`` (an alias of it), so a
    claim named ``name`` links to that record as before ("Hawk" of "Hawk advanced jet trainer" is
    another record's alias: the trainer keeps its designation)."""
    rec = resolve_system(name)
    return rec is not None and rec.designation == designation


def _chosen(mention: str, designation: str) -> str:
    """The name of :func:`written_designation` for a cleaned mention, before the family check."""
    if not mention or system_key(mention) == system_key(designation):
        return designation
    mark = _MARK.search(mention)
    if mark and system_key(mark.group(0)) not in system_key(designation):
        return mention  # "Caesar Mk II" for the record "Caesar": the mark the text names is its variant
    if _ROMAN.search(mention):
        arabic = system_key(_ROMAN.sub(lambda r: _ROMAN_VALUES[r.group(0)], mention))
        if system_key(designation).startswith(arabic):
            # "Wing Loong II" for the record "Wing Loong-2", "Mirage III" for "Mirage-3E": the text's
            # numeral as written (and no variant letter the text does not name)
            return mention
    said = _split(mention)
    canon = _split(designation.split()[0]) if designation.split() else None
    said_key, canon_key = system_key(mention), system_key(designation)
    head_said = _split(mention.split()[0])
    head_canon = _split(designation.split()[0]) if designation.split() else None
    if (
        _DESIGNATION_LIKE.match(mention)
        and (head_said is None or head_canon is None or head_said[0] != head_canon[0])
        and said_key not in canon_key
        and canon_key not in said_key
    ):
        # a designation the catalogue groups under another name ("S26T" in the record of a sister
        # export design, "Giraffe 1X" in another radar's): the text's designation is the claim
        return mention
    if (
        head_said is not None
        and head_canon is not None
        and head_said[0] == head_canon[0]
        and not head_said[1]
        and head_canon[1]
        and len(mention.split()) > 1
        and _rest_key(mention) == _rest_key(designation)
    ):
        # "F/A-18 Super Hornet" for the record "F/A-18E Super Hornet", "F-35 Lightning II" for "F-35A
        # Lightning-2": no variant letter written
        return mention
    if said is None and _VARIANT_TAIL.match(canon_key[len(said_key) :]) and canon_key.startswith(said_key):
        return mention  # "Marder" for the record "Marder-1A3": the family, no variant the text names
    if (
        said is not None
        and canon is None
        and said_key.startswith(canon_key)
        and said_key[len(canon_key) :].isdigit()
    ):
        return mention  # "X 1000" for the record "X": the text's numbered model of a family record
    if said is None or canon is None or said[0] != canon[0]:
        return designation  # a name, nickname or other family: the catalogue's identity holds
    if said[1] and not canon[1] and not said[1].startswith("block"):
        return mention  # "X-600M" for the record "X-600": the text names a variant of the family record
    if said[1].startswith("block"):
        return designation  # "F-16 Block 70": the catalogue lists block numbers as their variant
    if canon[1] and canon[1] != said[1]:
        return mention  # the record names a variant the text does not ("F-16A" for "F-16")
    return designation


@lru_cache(maxsize=8192)
def catalogue_variant(name: str) -> str | None:
    """The catalogue record a claim's family name stands for when the record pins a variant the
    name does not ("M-1A1 Abrams" of "Abrams", "Marder-1A3" of "Marder"), else None: the claim
    keeps the family, the store links the two (``kg:variantOf``).

    >>> catalogue_variant("Abrams"), catalogue_variant("M-1A1 Abrams"), catalogue_variant("Patriot")
    ('M-1A1 Abrams', None, None)
    """
    rec = resolve_system(name)
    if rec is None or rec.designation == name or not adds_variant(name, rec.designation):
        return None
    return rec.designation


#: the catalogue lookup of a claim's system name, remembered: both naming steps of every article read
#: it for each of its systems (a key built through two regex substitutions per call)
_resolved = lru_cache(maxsize=8192)(resolve_system)


def _record_groups(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """The claims of each (supplier, buyer, system) whose system name is a catalogue designation, by
    that name: the groups the naming steps below may rename as a whole (one deal, one name)."""
    groups: dict[tuple[str | None, str | None, str], list[Claim]] = {}
    for c in claims:
        if c.system is not None:
            key = (c.supplier.iso3 if c.supplier else None, c.buyer.iso3 if c.buyer else None, c.system.name)
            groups.setdefault(key, []).append(c)
    out = []
    for (_sup, _buy, name), group in groups.items():
        rec = _resolved(name)
        if rec is not None and rec.designation == name:
            out.append((name, group))
    return out


def _rename(group: list[Claim], name: str, new: str) -> None:
    """Give every claim of ``group`` the system name ``new`` in place of ``name`` (and its deal key)."""
    for c in group:
        assert c.system is not None
        c.system = replace(c.system, name=new)
        c.deal_key = c.deal_key.replace(f":{name}:", f":{new}:")


def name_families(claims: list[Claim]) -> None:
    """Name each claim's system as the text writes it once the article is read: a record the
    catalogue files under one variant ("M-1A1 Abrams", "Type-209/1500") that the text names only by
    its family for a supplier and buyer ("Abrams tanks", "Type 209 submarines") is that family.

    Why at the end: while the article is read, its mentions of one record share the designation
    (one system, one deal, one stage); a dyad whose text names the variant anywhere keeps it for
    all its claims, so one deal never gets two names."""
    for name, group in _record_groups(claims):
        written = {c.system.surface for c in group if c.system is not None and c.system.surface}
        families = [family_as_written(w, name) for w in sorted(written)]
        if not families or None in families:
            continue  # the text names the record's designation or variant for this dyad
        family = next(
            f for f in (family_as_written(c.system.surface or "", name) for c in group if c.system) if f
        )
        _rename(group, name, family)


_DOTLESS = str.maketrans({"ı": "i", "İ": "I"})
#: small words an expanded acronym spells out without an initial ("Surface-to-Air": s, a)
_INITIAL_SKIP = frozenset({"to", "of", "and", "the", "for"})


def _initials(runs: tuple[str, ...]) -> str:
    """The acronym of a name's words ("terminal high altitude area defense" -> "thaad")."""
    return "".join(r[0] for r in runs if r.isalpha() and r not in _INITIAL_SKIP)


def _name_words(runs: tuple[str, ...]) -> set[str]:
    """A name's numbers and words of three letters or more, a plural "s" dropped ("typhoons")."""
    return {r[:-1] if len(r) > 3 and r.endswith("s") else r for r in runs if r.isdigit() or len(r) >= 3}


@lru_cache(maxsize=4096)
def another_name(written: str, designation: str) -> bool:
    """Whether the text's name of a catalogue record is another name altogether: it shares no word
    (three letters or more) and no number with the designation and neither spells out the other's
    acronym ("Varshavyanka" of the record "Project-636E", a licence-built gun's own name of the
    record it derives from).  "Typhoons" of "Typhoon Block-20", "F-16 Block 70" of "F-16V Viper"
    and "Terminal High Altitude Area Defense" of "THAAD" are the same name."""
    # a dotless i has no decomposition to fold ("Akıncı" is the catalogue's "Akinci")
    w, n = designation_runs(written.translate(_DOTLESS)), designation_runs(designation.translate(_DOTLESS))
    if not w or not n:
        return False
    if _name_words(w) & _name_words(n):
        return False
    key_w, key_n = system_key(written), system_key(designation)
    if key_w in key_n or key_n in key_w:
        return False  # "Sky Guardian" of "MQ-9B SkyGuardian": one name, spaced differently
    return not (_spells_out(w, key_n) or _spells_out(n, key_w))


def _spells_out(runs: tuple[str, ...], acronym: str) -> bool:
    """Whether a name of three words or more spells out ``acronym``: its initials in order among the
    acronym's letters ("High Mobility Artillery Rocket System" of "HIMARS", which takes a second
    letter of "Mobility")."""
    initials = _initials(runs)
    if len(initials) < 3:
        return False
    it = iter(acronym)
    return all(ch in it for ch in initials)


def _alias_written(surface: str, designation: str) -> str:
    """The record's own spelling of what the text writes ("Protector RG1" of the text's "Protector
    RG1 drones"): the longest name of the record the text's words begin with, so
    :func:`kg.vocab.reference.resolve_system` still finds the record; else the written form."""
    rec = resolve_system(designation)
    key = system_key(surface)
    names = [n for n in rec.names() if system_key(n) and key.startswith(system_key(n))] if rec else []
    return max(names, key=len) if names else written_form(surface)


def name_other_names(claims: list[Claim]) -> None:
    """Name a dyad's system as the text writes it when every name the text gives it is another name
    of the catalogue record altogether (see :func:`another_name`).

    Why: a claim's name is what the article states (the labelling rule: the designation as written);
    the catalogue's designation there is a name the article never uses (a project number for a
    submarine the text calls by its name, a programme's name filed under the design it derives from).  Where the text writes the
    designation or a name sharing a word with it anywhere for the dyad, the designation holds."""
    for name, group in _record_groups(claims):
        written = [c.system.surface for c in group if c.system is not None and c.system.surface]
        if not written or not all(another_name(w, name) for w in written):
            continue
        new = _alias_written(written[0], name)
        _rename(group, name, new)


def _written_variant(written: list[str], designation: str) -> str | None:
    """The one designation the text writes for a record that the record's name does not hold ("T-6C
    Texan II" of "T-6 Texan", "Iskander-M" of "Iskander TEL"), where every other name the text gives
    it is part of that one ("Iskander"); else None (the text writes the record's name, a family of
    it, or two different variants)."""
    key_n = system_key(designation)
    forms = {written_form(w) for w in written}
    keys = {system_key(f): f for f in forms if system_key(f)}
    own = {k: f for k, f in keys.items() if k not in key_n and key_n not in k}
    if len(own) != 1:
        return None
    ((key_w, form),) = own.items()
    if not all(k in key_w for k in keys) or not _DIGIT_OR_CODE.search(form) or "block" in key_w:
        return None  # block numbers: the catalogue lists them as its variants ("F-16V Viper")
    # the record's name word written with a variant ("Texan", "Gripen"); a bare code with a letter
    # ("AGM-114R" of "AGM-114 Hellfire-2") is the coded record's own variant, named by the record
    runs, said = designation_runs(designation), set(designation_runs(form))
    first = next((i for i, r in enumerate(runs) if r.isalpha() and len(r) >= 4 and r in said), None)
    if first is None:
        return None
    # a generation or mark the record writes after the name and the text does not ("Hellfire-2" of
    # "AGM-114R Hellfire") pins the record's own variant; a role code ("TEL") or a calibre pins none
    tail = [r for r in runs[first:] if r not in said and r not in _ROLE_CODES and not _is_calibre(r)]
    return None if tail else form


def _is_calibre(run: str) -> bool:
    """Whether a run is a calibre's unit or number ("155", "mm" of "155mm")."""
    return run in _CALIBRE_UNITS or (run.isdigit() and len(run) >= 3)


#: a written name that pins a variant: a number or a short capital code after the name ("T-6C",
#: "Iskander-M", "Gripen C/D", "Block 52"); a name of words alone ("Advanced Light Helicopter") is
#: another spelling of the record, named by its designation
_DIGIT_OR_CODE = re.compile(r"\d|[-\s][A-Z]{1,3}(?:/[A-Z]{1,3})?$")


def name_written_variants(claims: list[Claim]) -> None:
    """Name a dyad's system by the variant the text writes when the catalogue record's name neither
    holds it nor is held in it ("Gripen C/D" filed under "JAS-39C Gripen", "F-16 Block 52" under
    "F-16C Block-50/52").

    Why: a claim's name is the designation as written (the labelling rule); the record's name there
    is a sibling variant or a name with another suffix, which is not the system the text names.  A
    family the record's name holds ("Carl-Gustaf" of "Carl Gustaf M4") or a written name the record's
    name holds ("K9" of "K-9 Thunder 155mm") keeps the designation."""
    for name, group in _record_groups(claims):
        written = [c.system.surface for c in group if c.system is not None and c.system.surface]
        new = _written_variant(written, name) if written else None
        if new is not None and _resolved(new) is not None:
            _rename(group, name, new)


def mark_catalogue_variants(claims: list[Claim]) -> None:
    """Set each claim's :attr:`SystemRef.catalogue_variant` once its name is final (after
    :func:`name_families` and :func:`name_other_names`): the record a family named as written
    stands for, so the store can link the two."""
    for c in claims:
        if c.system is not None:
            c.system.catalogue_variant = catalogue_variant(c.system.name)
