"""All mentions of an article: the gazetteer's matches plus systems the catalogue lacks.

Systems that are not in the catalogue are caught three ways: designation-shaped tokens
(``Su-35``, ``MQ-9B``, ``K9``, ``J-35A``), a capitalised name right before an item noun
("Gripen fighters", "Caesar howitzers") and a name in apposition to its item noun ("a new
frigate, the X,", "the corvette Y").  Their category is guessed from the item noun.
One system written two ways side by side ("MQ-9B Predator") is one mention.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache

from kg.extract._fastre import first_letter_alternation, prefix_guard, prefixes
from kg.extract.designations import MARK
from kg.extract.entities import Mention, combining_forms, gazetteer
from kg.extract.nouns import _NAME_STOP, ITEM_NOUNS, guess_category
from kg.vocab import reference
from kg.vocab.months import CALENDAR_WORDS
from kg.vocab.reference import SystemRecord

# --- unseen designations --------------------------------------------------------------

# Whole-article scans open with the character they consume first and check "no word before" after
# it ("[A-Z](?<![\w/-][A-Z])" for "(?<![\w/-])[A-Z]"): re then skips to the characters a match can
# start with in its C loop instead of entering the pattern at every position of the article (a
# leading lookbehind or \b hides the first character from re); the matches are the same
# (tests/extract/test_extract_speed2.py checks each against its plain form).
_DESIGNATION = re.compile(
    r"(?P<d>[A-Z](?<![\w/-][A-Z])(?:(?:[A-Z]{0,3}|[a-z]{1,2})-?\d{1,4}(?:[A-Z]{1,4}\d?|[A-Z][a-z])?"
    r"(?:-?[A-Z]{1,2}\d?)?"
    r"|[a-z]{3,9}-(?!(?:19|20)\d\d\b)\d{1,3}[A-Z]{0,3}))"  # "Fath-360", "Barak-8", "Shahed-136"
    r"(?:s|'s)?(?![\w-])"
)
_NOT_NAMED_DESIGNATION = frozenset(
    [
        "Covid",
        "Article",
        "Chapter",
        "Section",
        "Vision",
        "Mission",
        "Agenda",
        "Phase",
        "Stage",
        "Level",
        "Round",
        "Group",
        "Page",
        "Line",
        "Route",
        "Gate",
        "Block",
        "Lot",
        "Tranche",
        "Batch",
        "Class",
        "Type",
        "Model",
        "Version",
        "Series",
        "Unit",
        "Squadron",
        "Brigade",
        "Division",
        "Regiment",
        "Battalion",
        "Corps",
        "Fleet",
    ]
)
_NOT_DESIGNATION = re.compile(
    r"^(?:COVID|Covid|G\d|Q[1-4]|H[12]$|FY|CO\d|PM\d|N95|MH\d|UN|EU|No\d|Art|Sec|A[0-9]$|B20|P5|E3|C40|"
    r"[A-Z]\d{5,}|SARS|MERS|SDG|GPS|ISO|IPO|WW\d|UNSC|NH\d|AH\d{3,}|AD\d|BC\d|I\d|Mr|Ms|Dr|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Rs|USD|EUR|GBP|INR|US|PKR|CAD|AUD|CHF|SEK|NOK|PLN)"
)
# the leading capital comes first and the "no word before" check after it: a pattern opening with a
# character class lets re skip to the capitals instead of trying every position (same matches)
#: the item noun after a name (its two first letters guard it: a capitalised word with no item noun
#: after it is rejected after a character test or two, not after trying every noun).  The name's
#: and the adjective's letter runs are possessive (``++``): what follows each run is a space, a
#: hyphen or a slash, never a letter it could give back, so backtracking into them only repeats
#: failures (same matches, tests/extract/test_extract_speed2.py)
_ITEM_NOUN = (
    r"fighters?|jets?|aircraft|helicopters?|submarines?|frigates?|"
    r"corvettes?|destroyers?|howitzers?|tanks|drones?|missiles?|missile systems?|air[\s-]defen[cs]e systems?|"
    r"(?:infantry )?fighting vehicles?|armou?red vehicles?|reconnaissance vehicles?|"
    r"(?:landing|amphibious|assault) (?:platform |helicopter )?(?:docks?|ships?)|"
    r"rocket systems?|launchers?|radars?|warships?|trainers?|transport aircraft|patrol vessels?|guns|boats|rockets|"
    r"surveillance systems?|mobility vehicles?"
)
_NAME_ITEM = re.compile(
    r"(?P<name>[A-Z](?<![\w-][A-Z])(?:[a-z]++(?:[A-Z][a-z]*+)?|[A-Z]{2,}+(?:\([A-Z]\))?)"
    r"(?:[ -](?:[A-Z][a-z]++|[A-Z0-9]{1,4}+(?:/[A-Z0-9]{1,3}+)?|\d{1,3}+))?)"
    r"(?:\s+(?:[a-z]++-)?(?:[a-z]++(?:-[a-z]++)*+)){0,2}\s+"
    + prefix_guard(prefixes(_ITEM_NOUN, 2))
    + "(?P<noun>"
    + _ITEM_NOUN
    + r")\b"
)
#: a ship class, its name in any Latin script ("Södermanland-class", "Álvaro de Bazán class")
_CLASS = re.compile(
    r"(?P<name>[A-ZÀ-ÖØ-Þ](?<![\w-][A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿ]{2,}(?:[ -][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)[- ]class\b"
)
#: a commissioned ship's name with its navy's prefix ("HMS Montrose", "INS Vikrant", "the frigate
#: ORP Kontradmirał X"): one hull, kept as written when the catalogue does not know it
_SHIP_PREFIXES = [
    "HMS",
    "HMAS",
    "HMCS",
    "HMNZS",
    "HNLMS",
    "HNoMS",
    "HSwMS",
    "HDMS",
    "INS",
    "USS",
    "USNS",
    "FGS",
    "ESPS",
    "NRP",
    "ORP",
    "TCG",
    "ROKS",
    "JS",
    "PNS",
    "BNS",
    "SLNS",
    "KRI",
    "BRP",
    "KD",
    "RSS",
    "HTMS",
    "ARA",
    "ARC",
    "BAP",
    "NAe",
    "LÉ",
    "CGS",
    "NNS",
    "GNS",
    "ENS",
]
_SHIP_PREFIX_SET = frozenset(_SHIP_PREFIXES)
_SHIP = re.compile(
    r"(?P<name>" + first_letter_alternation(_SHIP_PREFIXES, r"(?<![\w-]{c})") + r"\s+"
    r"[A-ZÀ-Þ][\w’'-]+(?:\s+(?:[A-ZÀ-Þ][\w’'-]+|de|da|del|di|von|van))?(?:\s+[A-ZÀ-Þ][\w’'-]+)?)"
)
#: ... counted as a system only as the object of a transfer ("took delivery of the frigate HMS X",
#: "the former HMS X"): a hull named as a platform ("will operate from INS X") is no deal item
_SHIP_TAKEN = re.compile(
    r"(?:\b(?:bought|buys|buy|acquired|acquire|purchased|purchase|received|receive|delivery of|delivered|deliver|"
    r"handed over|hand over|handed|transferred|transfer|sold|sell|ordered|donated|donate|gave|gift(?:ed)?|"
    r"supplied|supply|lease[ds]?)\s+"
    # "supplied a patrol vessel, CGS X,", "handed the navy its two frigates, X": the hull in apposition
    r"(?:the\s+|two\s+|three\s+)?(?:[\w'’-]+\s+){0,4}?(?:[a-z-]+,\s+)?|\b(?:former|ex-|ex)\s*)\Z",
    re.IGNORECASE,
)
#: a second hull joined to a taken one ("X in 2020 and Y a year later", "X and Y"): taken with it
_SHIP_AND = re.compile(r"(?:\s+(?:in|on)\s+\d{4})?,?\s+(?:and|as well as)\s+(?:the\s+(?:[a-z-]+\s+){0,2})?\Z")
#: designations the letter-first pattern misses: a hull number with a variant code ("214NG",
#: "209PN") and a roman-numbered batch ("KSS-III", "KDX-II"); units and eras are excluded
_HULL_CODE = re.compile(
    r"(?P<d>[\dA-Z](?<![\w/.-][\dA-Z])"
    r"(?:(?<=\d)\d{2}[A-Z]{2,3}|(?<=[A-Z])[A-Z]{1,3}-(?:I{2,3}|IV|VI{0,3})))(?:s|'s)?(?![\w-])"
)
#: a letters-only acronym with its block number ("KM-SAM Block II", "ABC-XY Block 2"): the block
#: marks it as a designation the digit-first patterns cannot see
_BLOCK_CODE = re.compile(
    r"(?<![\w/-])(?P<d>[A-Z]{2,5}-[A-Z]{2,5}\s+Block[\s-](?:I{1,3}|IV|VI{0,3}|\d{1,3}[A-Z]?))(?![\w-])"
)
#: a family name and number with a variant code glued on ("Leopard 2A7HU", "Leopard 2PL"); the
#: capital first, its "no word before" check after it (re then skips to capitals, see _NAME_ITEM)
_FAMILY_CODE = re.compile(
    r"(?P<d>(?P<fam>[A-Z](?<![\w-][A-Z])[a-z]{3,9} \d{1,2})[A-Z][A-Z0-9]{1,5})(?:s|'s)?(?![\w-])"
)
#: one or two capitalised words between a system's name and a name before an item noun: the words of
#: that system's variant ("X Evolved ...", "X New Generation ..."), not a second system
_VARIANT_WORDS_BEFORE = (re.compile(r"\s+[A-Z][a-z]+\s+\Z"), re.compile(r"\s+[A-Z][a-z]+\s+[A-Z][a-z]+\s+\Z"))


def _after_variant_words(start: int, occupied: bytearray, party_at: bytearray, text: str) -> bool:
    """Whether one or two capitalised words alone separate ``start`` from a system (not a party)
    matched before it: the name at ``start`` continues that system's variant name."""
    for rx in _VARIANT_WORDS_BEFORE:
        gap = rx.search(text, max(0, start - 30), start)
        if (
            gap is not None
            and gap.start() > 0
            and occupied[gap.start() - 1]
            and not party_at[gap.start() - 1]
        ):
            return True
    return False


#: a counted class or programme name written in title case with its ship noun ("four Coastal Strike
#: Vessels", "two Multi-Role Support Ships"): the text's designation of the ships (the count first: a
#: title-case phrase alone may be a headline)
_COUNT_WORD = (
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:four|fif|six|seven|eigh)teen)"
)
_TITLE_SHIP_NOUN = re.compile(r" (?:Ships?|Vessels?|Boats?|Cutters?|Craft)\b")
_TITLE_SHIP_BEFORE = re.compile(
    r"(?<![\w-])" + _COUNT_WORD + r"\s+(?:new\s+|more\s+|additional\s+)?"
    r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})\Z"
)
#: an accord or plan named after its item ("the X submarine pact", "the Y drone partnership"): the name
#: before the item noun is the accord's, not a system's (a deal or contract noun keeps it: "the Z jet deal")
_PACT_NEXT = re.compile(
    r"\s+(?:plans?|pacts?|partnerships?|alliances?|initiatives?|accords?|treat(?:y|ies)|framework)\b"
)
#: a place or an event the item noun only modifies ("the X drone base", "the X drone and missile
#: attacks"): X names where or who, not an item (a base's town, an armed group)
_SCENE_NEXT = re.compile(
    r"(?:\s+and\s+(?:[a-z]+\s+)?[a-z]+)?\s+(?:air\s?)?(?:bases?|attacks?|strikes?|raids?|crash(?:es)?)\b"
)
#: a sum glued to a currency code ("RM1.04 billion", "R2bn"): the code and first digit look like a
#: designation, the decimals or the magnitude after them make it money
_SUM_NEXT = re.compile(r"(?:[.,]\d+)?\s?(?:billion|million|trillion|bn|mn|crore|lakh)\b", re.IGNORECASE)
#: an acronym and a number apart ("ABC 740 patrol aircraft"): a designation when an item noun follows
#: (currency codes and programme numbers have none); the capital first, re skips to it
_SPACED_CODE = re.compile(r"(?P<d>[A-Z](?<![\w/-][A-Z])[A-Z]{1,4} \d{2,4})(?![\w/-]|[.,]\d)")
_HULL_HINT = re.compile(r"\d{3}[A-Z]")
#: :data:`_HULL_HINT` found from the capital: re skips to capitals (rarer in news than digits, and
#: a digit rarely follows two more) and looks back for the three digits
_HULL_HINT_SCAN = re.compile(r"[A-Z](?<=\d{3}[A-Z])")


def _may_hold_hull_code(text: str) -> bool:
    """Whether ``text`` can hold a :data:`_HULL_CODE` match: each holds three digits and a capital
    ("214NG") or "-I"/"-V" ("KSS-III"); most articles have neither, and this check (a scan that
    re skips to capitals for) costs a fraction of the full scan."""
    return "-I" in text or "-V" in text or _HULL_HINT_SCAN.search(text) is not None


#: designations of the US military nomenclature ("AN/TPQ-36": equipment code after "AN/") and engine
#: codes with a maker's pair of letters between two numbers ("T64-GE-419", "F404-GE-102D"): their
#: slash and second hyphen hide them from the letter-first scan; the capital first (re skips to it)
_MIL_CODE = re.compile(
    r"(?P<d>[A-Z](?<![\w/-][A-Z])(?:(?<=A)N/[A-Z]{3}-\d{1,3}[A-Z]?|[A-Z]?\d{2,4}-[A-Z]{2}-\d{2,4}[A-Z]?))"
    r"(?:s|'s)?(?![\w-])"
)
_MIL_CODE_HINT = re.compile(r"AN/|\d-[A-Z]{2}-\d")
#: the engine-code half of :data:`_MIL_CODE_HINT` opening with its hyphen: a literal first character
#: lets re skip through the text in a C loop; the alternation hid it (re entered at every position)
_ENGINE_CODE_HINT = re.compile(r"-(?<=\d-)[A-Z]{2}-\d")


def _may_hold_mil_code(text: str) -> bool:
    """Whether ``text`` has a :data:`_MIL_CODE_HINT` match ("AN/" or "4-GE-1"): a substring test and a
    hyphen-first scan, a tenth of the cost of the alternation on a whole article."""
    return "AN/" in text or _ENGINE_CODE_HINT.search(text) is not None


_NOT_HULL_CODE = re.compile(r"^(?:\d+(?:KM|MM|KG|MW|KW|HP|GW|AM|PM|GB|TB|MB)|WW-.*|[A-Z]{2,4}-V)$")


# patterns of the function(s) below, compiled once: a module-level re.search(...) call
# pays re's pattern-cache lookup every time (~1 us, ~100k calls per 400 articles)
_LETTER_NUMBER = re.compile(r"[A-Z]\d{3,4}")
_DIGIT = re.compile(r"\d")
_NAME_HYPHEN = re.compile(r"[A-Z][a-z]{3,}-")
_VEHICLE_LETTER = re.compile(r"[MKTA]")
_DIGIT_OR_CAPS = re.compile(r"\d|[A-Z]{2}")
_WORD = re.compile(r"[\w-]+")
_SPACE_OR_HYPHEN = re.compile(r"[ -]")
_CODE_WORD = re.compile(r"[A-Z0-9]{1,4}$")


class _Spans:
    """Which characters a designation scan has taken (and which are parties), so each scan skips
    what an earlier one matched: O(1) overlap checks on a byte map instead of comparing spans."""

    __slots__ = ("occupied", "party_at", "text")

    def __init__(
        self, text: str, known: Iterable[tuple[int, int]], parties: Iterable[tuple[int, int]]
    ) -> None:
        self.text = text
        self.occupied = bytearray(len(text) + 1)  # 1 where a match already sits
        for ka, kb in known:
            self.take(ka, kb)
        self.party_at = bytearray(len(text) + 1)
        for ka, kb in parties:
            self.party_at[ka:kb] = b"\x01" * (kb - ka)

    def take(self, a: int, b: int) -> None:
        self.occupied[a:b] = b"\x01" * (b - a)

    def free(self, a: int, b: int) -> bool:
        return not any(self.occupied[a:b])

    def right_after_match(self, a: int) -> bool:
        """True when a match ends at ``a`` or one space before it ("Rafale F4", "Javelin FGM-148F")."""
        occupied, party_at = self.occupied, self.party_at
        return (a >= 1 and occupied[a - 1] == 1 and not party_at[a - 1]) or (
            a >= 2 and occupied[a - 2] == 1 and not party_at[a - 2] and self.text[a - 1].isspace()
        )

    def add(self, out: list[Mention], a: int, b: int, rec: SystemRecord, form: str = "pattern") -> None:
        """Record a system mention over ``text[a:b]`` and take its span."""
        out.append(Mention("system", a, b, self.text[a:b], form, system=rec))
        self.take(a, b)


def _record(name: str, category: str) -> SystemRecord:
    """A synthetic catalogue record for a designation the catalogue lacks (no origin, no maker)."""
    return SystemRecord(name, (), category, None, None, None, None)


def _category_after(text: str, end: int) -> str | None:
    """The category the five words after ``end`` suggest ("... air defence systems")."""
    return guess_category(" ".join(_WORD.findall(text[end : end + 60])[:5]))


def _ship_scans(text: str, sp: _Spans, out: list[Mention]) -> None:
    """Ship names: "Name-class" and hull names after a navy prefix ("HMCS Ottawa")."""
    for m in _CLASS.finditer(text) if "class" in text else ():  # every match ends in "class"
        a, name = m.start("name"), m.group("name")
        if sp.party_at[a] and " " in name and not sp.party_at[m.end("name") - 1]:
            # "the Chinese Yuan-class": the demonym before the class name stays a party
            a += name.index(" ") + 1
            name = name[name.index(" ") + 1 :]
        # ships are named after cities: "Lisbon-class" names a class, its place name is no party
        # (find_mentions drops the party inside it); another system's span still blocks it
        if any(sp.occupied[i] and not sp.party_at[i] for i in range(a, m.end())):
            continue
        rec = _record(name + "-class", guess_category(text[m.end() : m.end() + 40]) or "ships")
        sp.add(out, a, m.end(), rec)
    taken_end = -1
    for m in _SHIP.finditer(text):
        a, b = m.start("name"), m.end("name")
        # a place name inside a hull's name is no party ("HMCS Ottawa"): only other systems block it
        if any(sp.occupied[i] and not sp.party_at[i] for i in range(a, b)) or not (
            _SHIP_TAKEN.search(text, max(0, m.start() - 50), m.start())
            or (0 <= a - taken_end <= 40 and _SHIP_AND.search(text, taken_end, a))
        ):
            continue
        taken_end = b
        sp.add(out, a, b, _record(m.group("name"), guess_category(text[m.end() : m.end() + 40]) or "ships"))


def _code_scans(text: str, sp: _Spans, out: list[Mention]) -> None:
    """Block and hull codes, catalogue families with an unlisted variant code, counted title-case
    ship classes and military codes."""
    for m in itertools.chain(
        _BLOCK_CODE.finditer(text) if "Block" in text else (),
        _HULL_CODE.finditer(text) if _may_hold_hull_code(text) else (),
    ):
        d = m.group("d")
        if _NOT_HULL_CODE.match(d) or not sp.free(m.start("d"), m.end("d")):
            continue
        sp.add(out, m.start("d"), m.end("d"), _record(d, _category_after(text, m.end()) or "other"))
    for m in _FAMILY_CODE.finditer(text):
        # "Leopard 2A7HU": a catalogue family with a variant code it does not list (the family's
        # alias stops at a word boundary, so the gazetteer did not match it)
        d = m.group("d")
        if not sp.free(m.start("d"), m.end("d")) or reference.resolve_system(m.group("fam")) is None:
            continue
        known_rec = _catalogue_variant(d) or reference.resolve_system(m.group("fam"))
        sp.add(out, m.start("d"), m.end("d"), known_rec, "catalogue")
    for h in _TITLE_SHIP_NOUN.finditer(text):
        # "three Littoral Patrol Ships": a counted class name in title case, its noun included (the
        # rare noun is found first, the words before it are read backwards from it)
        m = _TITLE_SHIP_BEFORE.search(text, max(0, h.start() - 60), h.start())
        if m is None:
            continue
        a, b = m.start("name"), h.end()
        if not sp.free(a, b) or m.group("name").split()[0].lower() in _NAME_STOP:
            continue
        sp.add(out, a, b, _record(text[a:b], "ships"))
    for m in _SPACED_CODE.finditer(text):
        cat = _category_after(text, m.end())
        if cat is None or not sp.free(m.start("d"), m.end("d")) or _NOT_DESIGNATION.match(m.group("d")):
            continue
        if _SUM_NEXT.match(text, m.end()):
            continue  # "NOK 740 million contract for frigates": a currency code and a sum
        sp.add(out, m.start("d"), m.end("d"), _record(m.group("d"), cat))
    for m in _MIL_CODE.finditer(text) if _may_hold_mil_code(text) else ():
        # a maker's initials or a catalogue alias inside a code are not what it names ("GE" of
        # "F404-GE-102"): only the patterns above block it; find_mentions drops the gazetteer's
        # matches inside it
        if any(x.start < m.end("d") and m.start("d") < x.end for x in out):
            continue
        d = m.group("d")
        sp.add(out, m.start("d"), m.end("d"), _record(d, _category_after(text, m.end()) or "other"))


def _designation_scan(text: str, sp: _Spans, out: list[Mention]) -> None:
    """Designation-shaped tokens with a digit ("F-16V", "K239"), unless a known non-weapon shape."""
    for m in _DESIGNATION.finditer(text):
        d = m.group("d")
        if _NOT_DESIGNATION.match(d) or not _DIGIT.search(d) or not sp.free(m.start("d"), m.end("d")):
            continue
        head = d.split("-")[0]
        if (
            head in _NOT_NAMED_DESIGNATION
            or head.lower() in ITEM_NOUNS
            or head.lower() in _NAME_STOP
            or (_NAME_HYPHEN.match(d) and reference.resolve_party(d.split("-")[0]) is not None)
        ):
            continue  # "Article-370", "Covid-19", "Russia-2"
        if sp.right_after_match(m.start("d")):
            continue  # a variant suffix of a name just matched ("Rafale F4", "Leopard 2A4")
        if _SUM_NEXT.match(text, m.end("d")):
            continue  # a sum in a currency the money scanner knows by its code ("RM1.04 billion")
        if _LETTER_NUMBER.fullmatch(d) and not _VEHICLE_LETTER.match(d):
            continue  # "B2000"-like codes are rarely weapons; M142, K239, T129, A400 are kept
        known_rec = _catalogue_variant(d)
        if known_rec is not None:
            sp.add(out, m.start("d"), m.end("d"), known_rec, "catalogue")
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        cat = _category_after(text, m.end()) or guess_category(" ".join(_WORD.findall(before)[-2:]))
        sp.add(out, m.start("d"), m.end("d"), _record(d, cat or "other"))


#: a function word between a capitalised word and an item noun: the word names no item ("landed near X
#: aboard a transport aircraft", "X tour a drone factory")
_FUNCTION_FILLER = re.compile(
    r"(?<![\w-])(?:a|an|the|aboard|of|in|on|at|to|from|with|by|for|near|into|onto|as|its|their|was|were|is|"
    r"are|has|have|had|will|would)(?![\w-])"
)


def _name_item_scan(text: str, sp: _Spans, out: list[Mention]) -> None:
    """ "Name + item noun" phrases ("the Kite drones"), with the name coordinated before them."""
    for m0 in _NAME_ITEM.finditer(text):
        m = m0
        sep = m.group("name").find(" ")
        if sep > 0 and not sp.free(m.start("name"), m.start("name") + sep):
            # "the Russian Panzir air defence system": the demonym is a party, the name follows it
            m = _NAME_ITEM.match(text, m.start("name") + sep + 1) or m0
        name = m.group("name")
        first = name.split()[0].split("-")[0].lower()
        if first in _NAME_STOP or first in CALENDAR_WORDS or not sp.free(m.start("name"), m.end("name")):
            continue
        if any(w.lower() in _NAME_STOP for w in _SPACE_OR_HYPHEN.split(name)[1:] if not _CODE_WORD.match(w)):
            continue
        # a sentence-initial capital is only a name when something else marks it (digits, caps)
        prefix = text[max(0, m.start() - 3) : m.start()]
        if (
            not prefix.strip() or prefix.rstrip().endswith((".", '"', "“", ":"))
        ) and not _DIGIT_OR_CAPS.search(name):
            continue
        if sp.right_after_match(m.start("name")):
            continue  # "Javelin FGM-148F missiles": the variant after a known name
        if _after_variant_words(m.start("name"), sp.occupied, sp.party_at, text):
            continue  # "X Evolved Plus LI boats": capitalised variant words after a known name, one system
        noun = m.group("noun").split()[0].rstrip("s") if m.group("noun") else ""
        known_rec = (reference.resolve_system(f"{name} {noun}") if noun else None) or (
            _catalogue_variant(name) if _DIGIT.search(name) else None
        )
        if known_rec is not None:
            sp.add(out, m.start("name"), m.end("name"), known_rec, "catalogue")
            continue
        if _PACT_NEXT.match(text, m.end()):
            continue  # "the X submarine pact": the name of an accord or plan, not of an item
        if _SCENE_NEXT.match(text, m.end()):
            continue  # "the X drone base", "X missile strikes": a place or an attack, not an item
        if _FUNCTION_FILLER.search(text, m.end("name"), m.start("noun")):
            continue  # "near X aboard a transport aircraft", "Beyond the submarines": no name of the item
        rec = _record(name, guess_category(m.group(0)) or "other")
        sp.add(out, m.start("name"), m.end("name"), rec)
        _coordinated_name(text, m.start("name"), rec, sp.free, sp.take, out)


#: a name set off after its item noun ("a new infantry fighting vehicle, the X,", "a new corvette from A,
#: Y, in May") or right after a ship noun ("the corvette Z, built by"): the item the phrase names, by name.
#: The scan opens at the comma or the ship noun (re skips to them); the item noun before the comma is
#: checked in a window (:data:`_APPOSED_NOUN_BEFORE`)
_APPOSED_NAME = re.compile(
    r"(?:,(?P<comma>\s+(?:the\s+)?)|(?<![\w-])(?P<ship>corvette|frigate|submarine|destroyer|patrol vessel|patrol ship|"
    r"landing ship|aircraft carrier)\s+)"
    r"(?P<name>[A-ZÀ-Þ](?<![\w-][A-ZÀ-Þ])[\w’'-]*[a-zß-ÿ][\w-]*(?:\s+[A-ZÀ-Þ][\w-]+){0,2})"
    r"(?=\s*[,.;:)]|\s+(?:in|from|with|which|that|as|to|for|and|built|made|was|were|is|arrived|entered)\b)"
)
#: right before the comma of an apposition: the item noun, with its seller or maker ("from A", "by B")
_APPOSED_NOUN_BEFORE = re.compile(
    r"\b(?P<noun>" + _ITEM_NOUN + r")(?:\s+(?:from|by)\s+(?:[A-Z][\w.’'-]*\s+){0,3}?[A-Z][\w.’'-]*)?\Z"
)
#: before a ship noun that a hull's name follows: a determiner and up to two words ("the former corvette",
#: "its new frigate")
_SHIP_NOUN_OPENS = re.compile(r"\b(?:the|a|an|its|their|new|former)\s+(?:[a-z-]+\s+){0,2}?\Z")


def _apposed_name_scan(text: str, sp: _Spans, out: list[Mention]) -> None:
    """Items named in apposition to their item noun: "a new infantry fighting vehicle, the X," and "the
    corvette Y, built by ...".  Why: news introduces a system by its kind and then its name; the name
    alone has no item noun after it (the "Name + item noun" scan) and often no catalogue alias of its
    own ("X" stands for "X infantry fighting vehicle").  A party, a source or a taken span is no name."""
    for m in _APPOSED_NAME.finditer(text):
        a, b = m.start("name"), m.end("name")
        if m.group("ship"):
            if not _SHIP_NOUN_OPENS.search(text, max(0, m.start() - 40), m.start()):
                continue  # "the corvette X" names a hull; "a frigate Navy officials chose" does not
            noun = m.group("ship")
        else:
            before = _APPOSED_NOUN_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if before is None:
                continue
            noun = before.group("noun")
        name = m.group("name")
        words = _SPACE_OR_HYPHEN.split(name)
        if not sp.free(a, b) or any(sp.party_at[a:b]) or any(w.lower() in _NAME_STOP for w in words):
            continue
        if words[0].lower() in CALENDAR_WORDS:
            continue
        known = reference.resolve_system(f"{name} {noun.rstrip('s')}") or reference.resolve_system(name)
        if known is not None:
            sp.add(out, a, b, known, "catalogue")
        else:
            sp.add(out, a, b, _record(name, guess_category(noun) or "other"))


def find_designations(
    text: str, known: Iterable[tuple[int, int]] = (), parties: Iterable[tuple[int, int]] = ()
) -> list[Mention]:
    """Designation-shaped tokens, "Name + item noun" phrases and names in apposition to their item
    noun, not in the catalogue.

    ``known`` spans (gazetteer matches) are skipped so a catalogue system is never
    matched twice; of them, ``parties`` (countries, demonyms) do not make the word after them
    a variant suffix ("the Russian Panzir system" names a system, "Rafale F4" a variant).  The
    synthetic :class:`SystemRecord` has no origin and a category guessed from up to five following
    words (or the item noun); an apposed name that a catalogue alias holds with its noun ("the X" of
    "X infantry fighting vehicle") takes that record.  The scans run in a fixed order (ships, codes,
    designations, names, apposed names):
    each skips what an earlier one took.
    """
    sp = _Spans(text, known, parties)
    out: list[Mention] = []
    _ship_scans(text, sp, out)
    _code_scans(text, sp, out)
    _designation_scan(text, sp, out)
    _name_item_scan(text, sp, out)
    _apposed_name_scan(text, sp, out)
    out.sort(key=lambda x: x.start)
    return out


#: a name coordinated with the name before an item noun ("the Kite and Falcon drones"): the noun is
#: shared, so the first name is a system of the same kind
_NAME_AND = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]*)?|[A-Z]{2,})\s+and\s+\Z")


def _coordinated_name(text: str, start: int, sibling: SystemRecord, free, take, out: list[Mention]) -> None:
    """Add the name coordinated before the pattern name at ``start`` (its item noun is shared:
    "X and Y drones" names two drones) unless it is a stop word, a month, a party or taken."""
    m = _NAME_AND.search(text, max(0, start - 40), start)
    if m is None:
        return
    name = m.group("name")
    if (
        name.lower() in _NAME_STOP
        or name.lower() in CALENDAR_WORDS
        or not free(m.start("name"), m.end("name"))
    ):
        return
    prefix = text[max(0, m.start() - 3) : m.start()]
    if (not prefix.strip() or prefix.rstrip().endswith((".", '"', "“", ":"))) and not _DIGIT_OR_CAPS.search(
        name[1:]
    ):
        return  # a sentence-initial capital is only a name when something else marks it
    if reference.resolve_party(name) is not None:
        return
    rec = SystemRecord(name, (), sibling.category, None, None, None, None)
    out.append(Mention("system", m.start("name"), m.end("name"), name, "pattern", system=rec))
    take(m.start("name"), m.end("name"))


@lru_cache(maxsize=8192)
def _catalogue_variant(designation: str) -> SystemRecord | None:
    """A catalogue system of which ``designation`` is a variant ("FGM-148F" -> "FGM-148").

    Only one or two trailing letters/digits may differ, so "F-16V" never becomes "F-1".
    """
    key = reference.system_key(designation)
    for cut in (0, 1, 2):
        cand = key[: len(key) - cut] if cut else key
        if len(cand) < 3 or not _DIGIT.search(cand):
            break
        if cut and cand[-1].isdigit() and key[len(cand)].isdigit():
            break  # a cut inside a number is another type ("AH-64" is no "AH-6")
        rec = reference.resolve_system(cand)
        if rec is not None:
            return rec
    return None


def find_mentions(text: str, extra_systems: Iterable[SystemRecord] = ()) -> list[Mention]:
    """Parties, sources and systems in ``text`` (masked text), sorted by position.

    Pattern designations that overlap a party name (e.g. a country code) are dropped.
    """
    gaz = gazetteer(extra_systems)
    found = gaz.find(text)
    if "class" in text:
        found = [x for x in found if not _other_than_class(x, text)]
    found += combining_forms(text, found)
    found += find_designations(
        text, [(x.start, x.end) for x in found], [(x.start, x.end) for x in found if x.kind == "party"]
    )
    found.sort(key=lambda x: x.start)
    ships = [
        (x.start, x.end)
        for x in found
        if x.kind == "system" and x.form == "pattern" and (_SHIP.match(x.text) or x.text.endswith("class"))
    ]
    if ships:
        found = [
            x for x in found if x.kind != "party" or not any(a <= x.start and x.end <= b for a, b in ships)
        ]
    # a navy's hull prefix that is also an organisation's acronym ("RSS X" for a Singapore ship, not
    # the Caribbean Regional Security System): the ship's name, named as a platform or not, no party
    found = [
        x
        for x in found
        if not (x.kind == "party" and x.text in _SHIP_PREFIX_SET and _SHIP.match(text, x.start))
    ]
    codes = [
        (x.start, x.end)
        for x in found
        if x.kind == "system" and x.form == "pattern" and _MIL_CODE.fullmatch(x.text) is not None
    ]
    if codes:
        # a whole military code: the gazetteer's party or system inside it is part of its name
        found = [
            x
            for x in found
            if not any(a <= x.start and x.end <= b and (a, b) != (x.start, x.end) for a, b in codes)
        ]
    found = _merge_names(found, text)
    found = _short_names(found, text)
    if " of " in text:
        found = _service_of_state(found, text)
    if "he company" in text or "he firm" in text or "he shipbuilder" in text or "he manufacturer" in text:
        found = _company_anaphors(found, text)
    if "Mk" in text or "Mark" in text:
        found = _with_marks(found, text)
    if " and " in text or ", " in text:
        found = _counted_siblings(found, text)
    # every match of the three upgrade-standard patterns holds one of these words (case-sensitive):
    # an article without them (most) skips three scans per system mention
    standards = "standard" in text or "configuration" in text
    return [
        x
        for x in found
        if not (
            x.kind == "system"
            # a capitalised word right before the system first (every match ends with one): a scan
            # that skips to capitals, where _PERSON_BEFORE enters its alternation at every position
            and _CAPITAL_WORD_BEFORE.search(text, max(0, x.start - 60), x.start)
            and _PERSON_BEFORE.search(text, max(0, x.start - 60), x.start)
        )
        and not (x.kind == "party" and _not_a_party(x, text))
        and not (x.kind == "system" and standards and _upgrade_standard(x, text))
    ]


#: a system's name word in its full mention: a capitalised word of letters only ("Lynx" of "KF41 Lynx",
#: of "Lynx infantry fighting vehicles"); codes, makers and nouns around it are not its short name
_NAME_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{3,}(?![\w-])")
_AGENT_BEFORE = re.compile(r"\bby\s\Z")
#: _NAME_WORD's matches, found from their capital (re skips to capitals instead of trying the
#: lookbehind at every position); the lookbehind after the capital checks the character before it
_NAME_TOKEN = re.compile(r"[A-Z](?<![\w-][A-Z])[a-z]{3,}(?![\w-])")


@lru_cache(maxsize=8192)
def _names_party(word: str) -> bool:
    """Whether ``word`` alone names a party (cached: the same name words recur in every article)."""
    return reference.resolve_party(word) is not None


def _short_names(found: list[Mention], text: str) -> list[Mention]:
    """The short name of a system the article has named in full ("21 KF41 Lynx vehicles ... the Lynx
    has been ordered by ..."): news names a system once with its code, maker or noun and then by
    its name alone.  The catalogue leaves out names that are ambiguous alone (a name is also another
    maker's helicopter, an animal, a word); in an article that has named the system in full the
    short name is that system.  Only a word no other mention covers, never a party's name."""
    names: dict[str, Mention] = {}
    for m in found:
        if m.kind != "system" or m.system is None:
            continue
        for w in _NAME_WORD.findall(m.text):
            low = w.lower()
            if (
                w in _NOT_NAMED_DESIGNATION  # "Type" of "Type 035G", "Block" of "F-16 Block 70"
                or low in _NAME_STOP
                or low in ITEM_NOUNS
                or low in CALENDAR_WORDS
                or _names_party(w)
            ):
                continue
            names.setdefault(w, m)
    if not names:
        return found
    covered = bytearray(len(text) + 1)
    for m in found:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    added: list[Mention] = []
    order = {w: i for i, w in enumerate(names)}
    # every name is one capitalised word of letters, so a hit of a name (plus "s"/"es") between two
    # non-word characters is a whole such word: one precompiled scan of those words and a dict look-up
    # find the same hits as an alternation of the names, which re compiled anew for each article
    for hit in _NAME_TOKEN.finditer(text):
        word = hit.group()
        if not (
            word in names
            or (word[-1] == "s" and (word[:-1] in names or (word[-2] == "e" and word[:-2] in names)))
        ):
            continue
        a, b = hit.span()
        if any(covered[a:b]) or _AGENT_BEFORE.search(text, max(0, a - 4), a):
            continue  # "integrated by X": the agent of a making verb is a maker, not the item
        # the name found first in the article wins a word two names can spell ("Xs": "X" + s, or "Xs")
        spellings = (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "")
        name = min((c for c in spellings if c in names), key=order.__getitem__)
        full = names[name]
        covered[a:b] = b"\x01" * (b - a)
        added.append(Mention("system", a, b, word, full.form, system=full.system))
    if not added:
        return found
    return sorted(found + added, key=lambda x: x.start)


#: "-class" or " class" right after a name: the name is a ship class's ("Archer-class boats")
_CLASS_NEXT = re.compile(r"[- ]class\b")


def _other_than_class(m: Mention, text: str) -> bool:
    """Whether the catalogue system ``m`` is written as a ship class it is not: a class is named
    after a ship, and ships take the names of cities, animals and heroes that other systems also
    carry ("the Archer-class submarines" are no Archer howitzers).  The class scan then takes it."""
    return (
        m.kind == "system"
        and m.system is not None
        and m.system.category != "ships"
        and (_CLASS_NEXT.match(text, m.end) is not None)
    )


#: the words between a state body and the state it belongs to ("the Royal Air Force of Oman", "the Navy
#: of the Republic of X")
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?")


def _service_of_state(found: list[Mention], text: str) -> list[Mention]:
    """Drop a state body the gazetteer knows as another state's ("Royal Air Force", "Royal Navy",
    "Ministry of Defence" are Britain's) when "of <country>" follows it: "the Royal Air Force of Oman"
    is Oman's air force, and the country named after it already stands for the body (armed services and
    ministries stand for their state, labelling rule 3)."""
    out: list[Mention] = []
    for i, m in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            m.kind == "party"
            and m.form == "agency"
            and nxt is not None
            and nxt.kind == "party"
            and nxt.form == "name"
            and nxt.iso3 != m.iso3
            and _OF_STATE.fullmatch(text, m.end, nxt.start)
        ):
            continue
        out.append(m)
    return out


#: "the company" / "the firm" as the subject of a sale or build verb ("..., and the company has sold
#: vehicles to B", "The firm also built two tankers for B's navy"): a clause that tells the named
#: company's deal without its name
_COMPANY_ANAPHOR = re.compile(
    r"(?:^|(?<=\n)|(?<=[.;:] )|(?<=, and )|(?<=\band ))[Tt]he (?:company|firm|shipbuilder|manufacturer)\b"
    r"(?= (?:(?:has|had|have|also|already|since|later|then|recently|previously|now|is|was|will|additionally) ){0,3}"
    r"(?:sold|supplied|delivered|exported|built|shipped|handed over|donated|gifted|delivering|supplying|building|"
    r"selling|offered|offering|pitched|pitching|supply|deliver|provide|furnish|held (?:talks|discussions))\b)"
)
#: how far back the named company may be (its paragraph or the one before)
_COMPANY_REACH = 700


def _company_anaphors(found: list[Mention], text: str) -> list[Mention]:
    """Add "the company" told as the subject of a sale or build as a mention of the company named last
    before it (the company's home state is the seller, as when it is named): news names a firm once
    and then tells its further sales as "the company sold ...", a deal that otherwise has no seller."""
    added: list[Mention] = []
    for hit in _COMPANY_ANAPHOR.finditer(text):
        named = [
            m
            for m in found
            if m.kind == "party"
            and m.form == "company"
            and hit.start() - _COMPANY_REACH <= m.start < hit.start()
            and m.iso3 is not None
        ]
        if named:
            last = named[-1]
            added.append(Mention("party", hit.start(), hit.end(), hit.group(0), "company", last.party))
    if not added:
        return found
    return sorted([*found, *added], key=lambda x: x.start)


def _upgrade_standard(m: Mention, text: str) -> bool:
    """A system named as the standard a fleet is brought to ("upgrading its X to the Viper standard",
    "rebuilt to the M1A2 configuration"), or the fleet so brought ("upgrading its 23 X fighters to the
    Y standard", "the army's X tanks are being rebuilt to the Y standard"): a level of an upgrade or
    an existing fleet, not an item bought."""
    if _STANDARD_AFTER.match(text, m.end) and _TO_BEFORE.search(text, max(0, m.start - 12), m.start):
        return True
    if _UPGRADED_AFTER.match(text, m.end):
        return True
    return bool(
        _TO_STANDARD_AFTER.match(text, m.end)
        and _UPGRADING_BEFORE.search(text, max(0, m.start - 50), m.start)
    )


def _not_a_party(m: Mention, text: str) -> bool:
    """A state or firm name that is part of another name: a currency's ("US$"), a venue's ("the Paris Air Show", "the
    Singapore Airshow": where a deal was announced, not a party to it), an alliance's ("the Warsaw
    Pact") or a person's given name after
    a title ("President Rafael Correa": a person, not the firm)."""
    if m.form in ("name", "metonym") and _EVENT_AFTER.match(text, m.end):
        return True
    if m.form == "name" and text.startswith("$", m.end):
        return True  # "US$2 billion": the currency of a value, no state of the deal
    return bool(
        m.form not in ("name", "metonym", "demonym")
        and _TITLE_BEFORE.search(text, max(0, m.start - 40), m.start)
        and _SURNAME_AFTER.match(text, m.end)
    )


#: "to the <system> standard", "to the <system>/<system> standard": the level an upgrade brings a fleet to
_STANDARD_AFTER = re.compile(r"(?:\s*/\s*[\w-]+)*\s+(?:standard|configuration)\b")
#: "upgrading its 23 <system> fighters", "<system> tanks are being rebuilt": a fleet brought to a standard
_UPGRADE_VERB = r"(?:upgrad|rebuil|moderni[sz]|retrofitt?)\w*"
_UPGRADING_BEFORE = re.compile(
    _UPGRADE_VERB + r"\s+(?:its|their|the|[A-Z]\w+'s|[A-Z]\w+’s)\s+(?:\d+\s+)?(?:[a-z-]+\s+)?\Z"
)
_UPGRADED_AFTER = re.compile(
    r"(?:\s+[a-z-]+)?(?:\s+(?:are|is|were|was|will|to|being|be|have|has|been))*\s+"
    + _UPGRADE_VERB
    + r"\s+to\s+(?:the\s+)?[\w/-]+(?:\s+[\w/-]+)?\s+(?:standard|configuration)\b"
)
#: "to the X standard" right after the fleet's nouns ("... F-16 fighters to the Viper standard")
_TO_STANDARD_AFTER = re.compile(
    r"(?:\s+[a-z-]+)?\s+to\s+(?:the\s+)?[\w/-]+(?:\s+[\w/-]+)?\s+(?:standard|configuration)\b"
)
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?\Z")
#: a trade show or meeting named after its venue ("Air Show", "Airshow", "Expo", "Summit")
_EVENT_AFTER = re.compile(
    r"\s+(?:International\s+)?(?:Air\s*[Ss]how|Airshow|Air\s+Salon|Expo|Exhibition|Summit|Defen[cs]e\s+Show)\b"
    # an alliance named after the city of its treaty ("Warsaw Pact air forces"): a bloc, not the state
    r"|\s+Pact\b"
)
#: a person's title right before a name, and the surname after it ("President Rafael Correa")
_TITLE_BEFORE = re.compile(
    r"\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Mm]inister|[Gg]eneral|[Aa]dmiral|[Ss]enator|[Gg]overnor|"
    r"[Cc]hief [Ee]xecutive|CEO|[Cc]hairman|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+\Z"
)
_SURNAME_AFTER = re.compile(r"\s+[A-Z][a-z]+\b")
#: a person's title and given name right before a word ("chief executive Jon Sten", "Minister Ana
#: Ruiz"): the word is a surname, even where a system family shares it
_PERSON_BEFORE = re.compile(
    r"\b(?:[Cc]hief [Ee]xecutive|CEO|[Cc]hairman|[Cc]hairwoman|[Pp]resident|[Mm]inister|[Dd]irector|"
    r"[Ss]pokes(?:man|woman|person)|[Ff]ounder|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+"
    r"[A-Z][a-z]+\s+\Z"
)
#: how every match of _PERSON_BEFORE ends
_CAPITAL_WORD_BEFORE = re.compile(r"[A-Z][a-z]+\s+\Z")


_COUNT = (
    r"(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:four|fif|six|seven|eigh)teen)"
)
#: the counted name after a counted system in a list: "24 Boxer and 16 Fennek", "12 X, 8 Y"
_SIBLING_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+plus\s+)" + _COUNT + r"\s+(?:more\s+)?"
    r"(?P<name>[A-Z][A-Za-z]{2,}(?:[ -][A-Z0-9][\w]{0,4})?)(?![\w-])"
)
#: ... and before it: "16 Fennek and 24 Boxer vehicles"
_SIBLING_BEFORE = re.compile(
    r"(?<![\w-])" + _COUNT + r"\s+(?P<name>[A-Z][A-Za-z]{2,}(?:[ -][A-Z0-9][\w]{0,4})?)"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+plus\s+)" + _COUNT + r"\s+$"
)
_COUNT_BEFORE = re.compile(r"(?<![\w-])" + _COUNT + r"\s+(?:more\s+)?$")


def _counted_siblings(found: list[Mention], text: str) -> list[Mention]:
    """A capitalised name with its own count beside a counted system in a list is a system too
    ("24 Boxer and 16 Fennek", "a package of 12 X, 8 Y and 4 Z"): a list of counts shares the
    kind of its members, so the name the catalogue lacks takes its sibling's category."""
    spans = [(x.start, x.end) for x in found]
    new: list[Mention] = []

    def add(a: int, b: int, sibling: SystemRecord) -> None:
        name = text[a:b]
        first = name.split()[0].split("-")[0].lower()
        if first in _NAME_STOP or first in CALENDAR_WORDS or reference.resolve_party(name) is not None:
            return
        if any(a < y and x < b for x, y in spans):
            return
        cat = guess_category(text[b : b + 40]) or sibling.category
        new.append(Mention("system", a, b, name, "pattern", system=SystemRecord(name, (), cat, *(None,) * 4)))
        spans.append((a, b))

    for m in found:
        if (
            m.kind != "system"
            or m.system is None
            or not _COUNT_BEFORE.search(text, max(0, m.start - 16), m.start)
        ):
            continue
        after = _SIBLING_AFTER.match(text, m.end)
        if after:
            add(after.start("name"), after.end("name"), m.system)
        before = _SIBLING_BEFORE.search(text, max(0, m.start - 60), m.start)
        if before:
            add(before.start("name"), before.end("name"), m.system)
    if not new:
        return found
    return sorted(found + new, key=lambda x: x.start)


#: a mark number right after a system's name ("Caesar Mk II", "Sea Skua Mark 2")
_MARK_AFTER = re.compile(r"\s?" + MARK)


def _with_marks(found: list[Mention], text: str) -> list[Mention]:
    """A system mention followed by a mark number ("Mk II") covers it: the mark names the variant
    (:func:`kg.extract.designations.written_designation` keeps it in the claim's name)."""
    out: list[Mention] = []
    for x in found:
        m = _MARK_AFTER.match(text, x.end) if x.kind == "system" else None
        if m is not None and not any(y.start < m.end() and x.end < y.end and y is not x for y in found):
            x = Mention(x.kind, x.start, m.end(), text[x.start : m.end()], x.form, x.party, x.system)
        out.append(x)
    return out


_NAME_GAP = re.compile(r"^[\s-]{1,3}$")


def _merge_names(found: list[Mention], text: str) -> list[Mention]:
    """One system written two ways side by side is one mention: "MQ-9B Predator",
    "Su-30MKI Flanker" (a designation and the same maker's nickname), "F-39 Gripen E".

    The designation with digits wins (it names the variant); the span covers both.
    """
    if len(found) < 2:
        return found
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.kind == "system"
            and prev.kind == "system"
            and prev.system is not None
            and m.system is not None
            and _NAME_GAP.match(text[prev.end : m.start])
            and (
                prev.system.designation == m.system.designation
                # an unknown mark beside a catalogue name is its variant: "Mk871 Adour", "Adour Mk871"
                or {prev.form, m.form} == {"pattern", "catalogue"}
                or (
                    prev.system.manufacturer is not None
                    and prev.system.manufacturer == m.system.manufacturer
                    and prev.system.category == m.system.category
                    and bool(_DIGIT.search(prev.text)) != bool(_DIGIT.search(m.text))
                )
            )
        ):
            if {prev.form, m.form} == {"pattern", "catalogue"}:
                keep = prev if prev.form == "catalogue" else m
            else:
                keep = prev if _DIGIT.search(prev.text) or not _DIGIT.search(m.text) else m
            out[-1] = Mention(
                "system", prev.start, m.end, text[prev.start : m.end], keep.form, keep.party, keep.system
            )
            continue
        out.append(m)
    return out
