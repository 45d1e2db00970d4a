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
from functools import lru_cache

from kg.vocab.reference import system_key

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


@lru_cache(maxsize=8192)  # pure; a designation recurs in every article that names it
def written_designation(mention: str, designation: str) -> str:
    """``designation`` unless it pins a variant ``mention`` does not name; then the mention.

    >>> written_designation("F-16", "F-16A"), written_designation("Leopard 2A8", "Leopard-2A7")
    ('F-16', 'Leopard 2A8')
    >>> written_designation("K9", "K-9 Thunder 155mm"), written_designation("AGM-114R", "AGM-114 Hellfire-2")
    ('K-9 Thunder 155mm', 'AGM-114 Hellfire-2')
    """
    cls = _CLASS_NAME.match(mention.strip())
    if cls:
        # "Akula-class", "Kalvari class": a ship class as the text names it (the catalogue record,
        # often the project or export designation, still resolves from it)
        return f"{cls.group(1)}-class"
    mention = _PLURAL.sub("", _NOUN_TAIL.sub("", mention.strip()))
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
    if said is None or canon is None or said[0] != canon[0]:
        return designation  # a name, nickname or other family: the catalogue's identity holds
    if said[1].startswith("block"):
        return designation  # "F-16 Block 70": the catalogue lists block numbers as their variant
    if canon[1] and canon[1] != said[1]:
        return mention  # the record names a variant the text does not ("F-16A" for "F-16")
    return designation
