"""Gazetteer matching of parties, sources and weapon systems, plus unseen designations.

The gazetteer is built once (cached) from :mod:`kg.vocab.reference`: country names, aliases,
demonyms ("Russian") and metonyms ("Moscow", "the Kremlin"); companies and agencies
(resolved to their country); news agencies and think tanks (sources, never parties);
catalogue systems.  Matching is token-based longest match: every alphanumeric run is a
token, and a multi-token name matches only across spaces, hyphens, dots, slashes or
apostrophes (never across commas).  Case rules: acronyms (no lower-case letter, e.g. "US",
"DSCA", "PRC") must match exactly; other names match case-insensitively but the text must
start with a capital where the name does ("Turkey", not "turkey").

Systems that are not in the catalogue are caught two ways: designation-shaped tokens
(``Su-35``, ``MQ-9B``, ``K9``, ``J-35A``) and a capitalised name right before an item noun
("Gripen fighters", "Caesar howitzers").  Their category is guessed from the item noun.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg.vocab import reference
from kg.vocab.reference import PartyRecord, SystemRecord

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_JOINABLE_GAP = re.compile(r"^(?:\s{1,3}|\s?[-‐‑–/.'&]\s?|\.\s|’)$")
_ACRONYM = re.compile(r"^[^a-z]*$")

#: Item nouns -> SIPRI category key (None: the noun says nothing about the category).
ITEM_NOUNS: dict[str, str | None] = {
    "fighter": "aircraft",
    "fighters": "aircraft",
    "jet": "aircraft",
    "jets": "aircraft",
    "aircraft": "aircraft",
    "warplane": "aircraft",
    "warplanes": "aircraft",
    "plane": "aircraft",
    "planes": "aircraft",
    "bomber": "aircraft",
    "bombers": "aircraft",
    "helicopter": "aircraft",
    "helicopters": "aircraft",
    "chopper": "aircraft",
    "choppers": "aircraft",
    "drone": "aircraft",
    "drones": "aircraft",
    "uav": "aircraft",
    "uavs": "aircraft",
    "trainer": "aircraft",
    "trainers": "aircraft",
    "tanker": "aircraft",
    "tankers": "aircraft",
    "airlifter": "aircraft",
    "airlifters": "aircraft",
    "gunship": "aircraft",
    "gunships": "aircraft",
    "fighter-bomber": "aircraft",
    "interceptor": "aircraft",
    "interceptors": "aircraft",
    "submarine": "ships",
    "submarines": "ships",
    "frigate": "ships",
    "frigates": "ships",
    "corvette": "ships",
    "corvettes": "ships",
    "destroyer": "ships",
    "destroyers": "ships",
    "warship": "ships",
    "warships": "ships",
    "vessel": "ships",
    "vessels": "ships",
    "ship": "ships",
    "ships": "ships",
    "carrier": "ships",
    "carriers": "ships",
    "boat": "ships",
    "boats": "ships",
    "minehunter": "ships",
    "minehunters": "ships",
    "tank": "armoured-vehicles",
    "tanks": "armoured-vehicles",
    "apc": "armoured-vehicles",
    "apcs": "armoured-vehicles",
    "ifv": "armoured-vehicles",
    "ifvs": "armoured-vehicles",
    "vehicle": "armoured-vehicles",
    "vehicles": "armoured-vehicles",
    "howitzer": "artillery",
    "howitzers": "artillery",
    "gun": "artillery",
    "guns": "artillery",
    "artillery": "artillery",
    "mortar": "artillery",
    "mortars": "artillery",
    "mlrs": "artillery",
    "launcher": "artillery",
    "launchers": "artillery",
    "missile": "missiles",
    "missiles": "missiles",
    "rocket": "missiles",
    "rockets": "missiles",
    "torpedo": "naval-weapons",
    "torpedoes": "naval-weapons",
    "radar": "sensors",
    "radars": "sensors",
    "sonar": "sensors",
    "sonars": "sensors",
    "engine": "engines",
    "engines": "engines",
    "satellite": "satellites",
    "satellites": "satellites",
    "system": None,
    "systems": None,
    "unit": None,
    "units": None,
    "battery": "air-defence",
    "batteries": "air-defence",
    "squadron": "aircraft",
    "squadrons": "aircraft",
}
_AIR_DEFENCE = re.compile(
    r"air[\s-]+defen[cs]e|surface-to-air|anti-aircraft|missile[\s-]+defen[cs]e|\bsams?\b|"
    r"anti-missile|interceptor missile",
    re.I,
)
_ARMOURED = re.compile(r"armou?red|infantry fighting|personnel carrier|main battle", re.I)
_ARTILLERY = re.compile(r"rocket launcher|rocket system|multiple[\s-]+launch|self-propelled", re.I)
_SUBMARINE = re.compile(r"submarine", re.I)


@lru_cache(maxsize=8192)
def guess_category(context: str) -> str | None:
    """SIPRI category key from words around a designation, or None when nothing says.

    Checked most specific first: "air defence missile system" is air-defence, not missiles.
    """
    if _AIR_DEFENCE.search(context):
        return "air-defence"
    if _ARTILLERY.search(context):
        return "artillery"
    if _ARMOURED.search(context):
        return "armoured-vehicles"
    if _SUBMARINE.search(context):
        return "ships"
    for word in _TOKEN.findall(context.lower()):
        cat = ITEM_NOUNS.get(word)
        if cat:
            return cat
    return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer or pattern match in the text.

    ``kind`` is ``"party"``, ``"source"`` (news agency/think tank) or ``"system"``.  For
    parties ``form`` is ``"name"``, ``"demonym"``, ``"metonym"`` or the organisation kind
    (``"company"``, ``"agency"``, ``"org"``, ``"group"``) and ``iso3`` is the country the
    party stands for.  For systems ``system`` holds the record (a synthetic one for unseen
    designations, ``form="pattern"``).
    """

    kind: str
    start: int
    end: int
    text: str
    form: str
    party: PartyRecord | None = None
    system: SystemRecord | None = None

    @property
    def iso3(self) -> str | None:
        if self.party is None:
            return None
        return self.party.iso3 if self.party.kind == "country" else self.party.country_iso3


def _fold(token: str) -> str:
    if token.isascii():
        return token.lower()
    token = unicodedata.normalize("NFKD", token)
    return "".join(ch for ch in token if not unicodedata.combining(ch)).casefold()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class _Entry:
    tokens: tuple[str, ...]
    surface: str
    exact: bool  # acronym: case-sensitive
    kind: str
    form: str
    party: PartyRecord | None
    system: SystemRecord | None
    priority: int
    weak: bool = False  # a common word: needs an item noun or a number next to it


#: Catalogue names that are also ordinary words, first names or NATO reporting names
#: ("May", "Austin", "Kilo", "Hunter"): they count as systems only next to an item noun
#: ("Kilo-class submarines", "Hunter drones") or a number ("12 Hunters").
WEAK_SYSTEM_NAMES = _words("""
ada alto atlas austin candid charlie crate cub curl halo hammer hermes hip hunter kilo lama midas mitten
neptune orion perry romeo sher sherman sniper spike viking vampire voyager sparrow griffin merlin phantom
firebird negev sherpa terminator boxer tor osa meteor hornet backfire fencer fitter hind havoc helix hormone
foxtrot hawkeye nene rana derby cheetah giraffe gnat harpy invar positiv searcher watchman arthur flash
excalibur reaper hound grad kub buk skat uran centurion caribou hercules polaris abbot astra agave leander
marder molniya onyx favorit ferret gepard sarath bahadur tamir talwar vajra akula natya petya styx neva
angara dvina shtil kopye kokon pechora cline atak sut sdb smart alize lanza bolide taurus stinger paladin
""")
_MONTHS_DAYS = _words("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""")
_WEAK_CONTEXT = re.compile(
    r"(?:s|'s)?[\s-]+(?:[\w-]+\s+){0,2}?(?:class|" + "|".join(ITEM_NOUNS) + r")\b", re.I
)
_NUMBER_BEFORE = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|dozen))\s+(?:[\w-]+\s+)?$", re.I
)


class Gazetteer:
    """Longest-match token gazetteer (see module docstring for the case rules)."""

    def __init__(self) -> None:
        self._first: dict[str, list[_Entry]] = {}

    def add(
        self,
        surface: str,
        kind: str,
        form: str,
        *,
        party: PartyRecord | None = None,
        system: SystemRecord | None = None,
        priority: int = 0,
    ) -> None:
        surface = surface.strip()
        if not surface or "," in surface or "(" in surface:
            return
        if surface.lower().startswith("the "):
            surface = surface[4:]
        tokens = tuple(_fold(t) for t in _TOKEN.findall(surface))
        if not tokens:
            return
        exact = bool(_ACRONYM.match(surface)) and any(c.isalpha() for c in surface)
        if len(tokens) == 1 and len(tokens[0]) == 1:
            return  # single letters are never names
        weak = False
        if kind == "system" and len(tokens) == 1:
            if tokens[0] in _MONTHS_DAYS:
                return
            weak = tokens[0] in WEAK_SYSTEM_NAMES
        entry = _Entry(tokens, surface, exact, kind, form, party, system, priority, weak)
        bucket = self._first.setdefault(tokens[0], [])
        bucket.append(entry)
        bucket.sort(key=lambda e: (-len(e.tokens), -e.priority))

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping longest matches, left to right."""
        low = text.lower()
        if len(low) == len(text):  # offsets kept (true unless e.g. a dotted capital I): tokenise once
            toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(low)]
            folded = [w if w.isascii() else _fold(w) for _a, _b, w in toks]
        else:
            toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
            folded = [_fold(w) for _a, _b, w in toks]
        first = self._first
        # only positions where some entry can start are visited
        hits = [
            i
            for i, f in enumerate(folded)
            if f in first or (f[-1:] == "s" and len(f) > 2 and f[:-1] in first)
        ]
        out: list[Mention] = []
        n = len(toks)
        consumed = 0
        for i in hits:
            if i < consumed:
                continue
            best: _Entry | None = None
            f = folded[i]
            cands = first.get(f) or []
            plural = f[-1:] == "s" and len(f) > 2 and f[:-1] in first
            if plural:
                cands = sorted(
                    [*cands, *self._first.get(folded[i][:-1], ())],
                    key=lambda e: (-len(e.tokens), -e.priority),
                )
            for entry in cands:
                k = len(entry.tokens)
                if i + k > n:
                    continue
                got = tuple(folded[i : i + k])
                # plural of the last token ("Rafales", "F-16s") for systems only
                if got != entry.tokens and (
                    entry.kind != "system"
                    or got[:-1] != entry.tokens[:-1]
                    or got[-1] != entry.tokens[-1] + "s"
                ):
                    continue
                if any(
                    not _JOINABLE_GAP.match(text[toks[j][1] : toks[j + 1][0]]) for j in range(i, i + k - 1)
                ):
                    continue
                span_text = text[toks[i][0] : toks[i + k - 1][1]]
                if entry.exact:
                    want = _TOKEN.findall(entry.surface)
                    have = _TOKEN.findall(span_text)
                    if have != want and not (
                        entry.kind == "system" and have[:-1] == want[:-1] and have[-1] == want[-1] + "s"
                    ):
                        continue
                elif entry.surface[0].isupper() and not span_text[0].isupper():
                    continue
                if entry.weak:
                    end_ = toks[i + k - 1][1]
                    if not (
                        _WEAK_CONTEXT.match(text, end_, end_ + 40)
                        or _NUMBER_BEFORE.search(text, max(0, toks[i][0] - 25), toks[i][0])
                    ):
                        continue
                best = entry
                break
            if best is None:
                continue
            k = len(best.tokens)
            start, end = toks[i][0], toks[i + k - 1][1]
            out.append(Mention(best.kind, start, end, text[start:end], best.form, best.party, best.system))
            consumed = i + k
        return out


@lru_cache(maxsize=1)
def base_gazetteer() -> Gazetteer:
    """The gazetteer of the reference tables (built once per process)."""
    gaz = Gazetteer()
    _add_reference(gaz)
    return gaz


def _add_reference(gaz: Gazetteer) -> None:
    for rec in reference.countries():
        for name in rec.names():
            gaz.add(name, "party", "name", party=rec, priority=8)
        if rec.official_name:
            gaz.add(rec.official_name, "party", "name", party=rec, priority=8)
        for name in rec.demonyms:
            gaz.add(name, "party", "demonym", party=rec, priority=6)
        for name in rec.metonyms:
            gaz.add(name, "party", "metonym", party=rec, priority=7)
    for rec in reference.organisations():
        form = "org" if rec.kind in ("company", "agency") and not rec.country_iso3 else rec.kind
        for name in rec.names():
            gaz.add(name, "party", form, party=rec, priority=5)
    for name in reference.non_parties():
        # stored lower-case; capitalise each word for the case rule, keep acronyms exact
        gaz.add(name if len(name) > 5 else name.upper(), "source", "source", priority=9)
        gaz.add(name.title(), "source", "source", priority=9)
    _add_systems(gaz, reference.systems(), priority=4)


def _add_systems(
    gaz: Gazetteer, records: Iterable[SystemRecord], priority: int, skip: frozenset[str] = frozenset()
) -> None:
    """Add systems by every name, plus the bare name after a maker's prefix.

    News writes "Typhoon" for the catalogue's "Eurofighter Typhoon" and "Rafale" for
    "Dassault Rafale"; the bare name is added only when the alias starts with the first
    word of the system's manufacturer (so "Black Panther" never yields "Panther").
    """
    records = list(records)
    names = {reference.system_key(n) for r in records for n in r.names()}
    for sysrec in records:
        for name in sysrec.names():
            if reference.system_key(name) in skip:
                continue
            gaz.add(name, "system", "catalogue", system=sysrec, priority=priority)
            maker = (sysrec.manufacturer or "").split()
            words = name.split()
            if (
                len(words) == 2
                and (words[1].lower() in ITEM_NOUNS or words[1].lower() in _GENERIC_TAIL)
                and len(words[0]) >= 4
                and words[0][0].isupper()
                and words[0].lower() not in _NAME_STOP
                and reference.system_key(words[0]) not in names
            ):
                gaz.add(words[0], "system", "catalogue", system=sysrec, priority=priority - 1)
            if (
                maker
                and len(words) == 2
                and words[0].lower() == maker[0].lower()
                and len(words[1]) >= 4
                and words[1][0].isupper()
                and words[1].lower() not in (sysrec.manufacturer or "").lower()
                and words[1].lower() not in _NAME_STOP
                and reference.system_key(words[1]) not in names
            ):
                gaz.add(words[1], "system", "catalogue", system=sysrec, priority=priority - 1)


_EXTRA_CACHE: dict[tuple[str, ...], Gazetteer] = {}


def gazetteer(extra_systems: Iterable[SystemRecord] = ()) -> Gazetteer:
    """The base gazetteer, extended with ``extra_systems`` (cached per distinct set)."""
    extra = tuple(extra_systems)
    if not extra:
        return base_gazetteer()
    key = tuple(sorted({s.designation for s in extra}))
    gaz = _EXTRA_CACHE.get(key)
    if gaz is None:
        gaz = Gazetteer()
        _add_reference(gaz)
        known = frozenset(reference.system_key(d) for s in reference.systems() for d in s.names())
        _add_systems(gaz, extra, priority=3, skip=known)
        if len(_EXTRA_CACHE) > 4:
            _EXTRA_CACHE.clear()
        _EXTRA_CACHE[key] = gaz
    return gaz


# --- unseen designations --------------------------------------------------------------

_DESIGNATION = re.compile(
    r"(?<![\w/-])(?P<d>(?:[A-Z]{1,4}|[A-Z][a-z]{1,2})-?\d{1,4}(?:[A-Z]{1,4}\d?|[A-Z][a-z])?(?:-?[A-Z]{1,2}\d?)?"
    r"|[A-Z][a-z]{3,9}-(?!(?:19|20)\d\d\b)\d{1,3}[A-Z]{0,3})"  # "Fath-360", "Barak-8", "Shahed-136"
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
_NAME_ITEM = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][a-z]+|[A-Z]{3,})(?:[ -](?:[A-Z][a-z]+|[A-Z0-9]{1,4}(?:/[A-Z0-9]{1,3})?|\d{1,3}))?)"
    r"(?:\s+(?:[a-z]+-)?(?:[a-z]+(?:-[a-z]+)*))?\s+(?P<noun>fighters?|jets?|aircraft|helicopters?|submarines?|frigates?|"
    r"corvettes?|destroyers?|howitzers?|tanks|drones?|missiles?|missile systems?|air[\s-]defen[cs]e systems?|"
    r"rocket systems?|launchers?|radars?|warships?|trainers?|transport aircraft|patrol vessels?|guns)\b"
)
_GENERIC_TAIL = frozenset(
    {
        "atgm",
        "sam",
        "manpads",
        "ssm",
        "asm",
        "aam",
        "sam system",
        "spg",
        "mbt",
        "ifv",
        "apc",
        "uav",
        "ucav",
        "mlrs",
        "fighter",
        "tank",
        "howitzer",
        "frigate",
        "corvette",
    }
)
_CLASS = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)?)[- ]class\b")
_NAME_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "some",
        "more",
        "new",
        "additional",
        "such",
        "other",
        "both",
        "all",
        "several",
        "many",
        "first",
        "second",
        "third",
        "last",
        "most",
        "latest",
        "older",
        "used",
        "advanced",
        "modern",
        "military",
        "combat",
        "naval",
        "army",
        "navy",
        "air",
        "force",
        "forces",
        "corps",
        "guard",
        "coast",
        "marine",
        "marines",
        "ministry",
        "defence",
        "defense",
        "government",
        "national",
        "royal",
        "armed",
        "special",
        "state",
        "federal",
        "republic",
        "people",
        "liberation",
        "ground",
        "maritime",
        "space",
        "command",
        "department",
        "council",
        "committee",
        "parliament",
        "congress",
        "senate",
        "cabinet",
        "president",
        "minister",
        "prime",
        "general",
        "chief",
        "agency",
        "service",
        "group",
        "company",
        "corporation",
        "industries",
        "aerospace",
        "dynamics",
        "electronics",
        "technologies",
        "holdings",
        "limited",
        "ltd",
        "inc",
        "shipyard",
        "shipbuilding",
        "works",
        "factory",
        "division",
        "brigade",
        "regiment",
        "squadron",
        "fleet",
        "union",
        "nations",
        "nato",
        "western",
        "eastern",
        "northern",
        "southern",
        "soviet",
        "cold",
        "war",
        "world",
        "next",
        "upgraded",
        "fighter",
        "fighters",
        "jet",
        "jets",
        "stealth",
        "block",  # "Block V missiles": a variant of the system named beside it
        "kamikaze",  # "Kamikaze drones": a kind of drone (loitering munition), not a designation
        "suicide",
        "loitering",
        "attack",
        "strike",
        "transport",
        "trainer",
        "light",
        "heavy",
        "medium",
        "unmanned",
        "armed",
        "drone",
        "drones",
        "ballistic",
        "cruise",
        "nuclear",
        "diesel",
        "electric",
        "tactical",
        "utility",
        "multirole",
        "surveillance",
        "patrol",
        "long",
        "short",
        "range",
        "missile",
        "missiles",
        "tank",
        "tanks",
        "howitzer",
        "howitzers",
        "submarine",
        "submarines",
        "frigate",
        "frigates",
        "helicopter",
        "helicopters",
        "aircraft",
        "system",
        "systems",
        "battle",
        "main",
        "anti",
        "ship",
        "guided",
        "self",
        "propelled",
        "mobile",
        "indigenous",
        "foreign",
        "domestic",
        "local",
        "imported",
        "under",
        "while",
        "after",
        "before",
        "when",
        "since",
        "however",
        "but",
        "and",
        "or",
        "if",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "to",
        "with",
        "without",
        "he",
        "she",
        "it",
        "they",
        "we",
        "you",
        "i",
        "us",
        "them",
        "him",
        "said",
        "says",
        "told",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "also",
        "only",
        "just",
        "exercise",
        "exercises",
        "drill",
        "drills",
        "joint",
        "operation",
        "operations",
        "mission",
        "missions",
        "show",
        "expo",
        "summit",
    ]
)


# patterns of the function(s) below, compiled once: a module-level re.search(...) call
# pays re's pattern-cache lookup every time (~1 us, ~100k calls per 400 articles)
_E1 = re.compile(r"[A-Z]\d{3,4}")
_E2 = re.compile(r"\d")
_E3 = re.compile(r"[A-Z][a-z]{3,}-")
_E4 = re.compile(r"[MKTA]")
_E5 = re.compile(r"\d|[A-Z]{2}")
_E6 = re.compile(r"\d")
_E7 = re.compile(r"[\w-]+")
_E8 = re.compile(r"[\w-]+")
_E9 = re.compile(r"[ -]")
_E10 = re.compile(r"[A-Z0-9]{1,4}$")


def find_designations(text: str, known: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Designation-shaped tokens and "Name + item noun" phrases not in the catalogue.

    ``known`` spans (gazetteer matches) are skipped so a catalogue system is never
    matched twice.  The synthetic :class:`SystemRecord` has no origin and a category
    guessed from up to five following words (or the item noun).
    """
    occupied = bytearray(len(text) + 1)  # 1 where a match already sits: O(1) overlap checks

    def take(a: int, b: int) -> None:
        occupied[a:b] = b"\x01" * (b - a)

    def free(a: int, b: int) -> bool:
        return not any(occupied[a:b])

    def right_after_match(a: int) -> bool:
        """True when a match ends at ``a`` or one space before it ("Rafale F4", "Javelin FGM-148F")."""
        return (a >= 1 and occupied[a - 1] == 1) or (
            a >= 2 and occupied[a - 2] == 1 and text[a - 1].isspace()
        )

    for ka, kb in known:
        take(ka, kb)

    out: list[Mention] = []
    for m in _CLASS.finditer(text):
        if not free(m.start("name"), m.end()):
            continue
        name = m.group("name") + "-class"
        rec = SystemRecord(
            name, (), guess_category(text[m.end() : m.end() + 40]) or "ships", None, None, None, None
        )
        out.append(
            Mention(
                "system", m.start("name"), m.end(), text[m.start("name") : m.end()], "pattern", system=rec
            )
        )
        take(m.start("name"), m.end())
    for m in _DESIGNATION.finditer(text):
        d = m.group("d")
        if _NOT_DESIGNATION.match(d) or not _E2.search(d) or not free(m.start("d"), m.end("d")):
            continue
        head = d.split("-")[0]
        if (
            head in _NOT_NAMED_DESIGNATION
            or head.lower() in ITEM_NOUNS
            or head.lower() in _NAME_STOP
            or (_E3.match(d) and reference.resolve_party(d.split("-")[0]) is not None)
        ):
            continue  # "Article-370", "Covid-19", "Russia-2"
        if right_after_match(m.start("d")):
            continue  # a variant suffix of a name just matched ("Rafale F4", "Leopard 2A4")
        if _E1.fullmatch(d) and not _E4.match(d):
            continue  # "B2000"-like codes are rarely weapons; M142, K239, T129, A400 are kept
        after = text[m.end() : m.end() + 60]
        before = text[max(0, m.start() - 40) : m.start()]
        known_rec = _catalogue_variant(d)
        if known_rec is not None:
            out.append(Mention("system", m.start("d"), m.end("d"), d, "catalogue", system=known_rec))
            take(m.start("d"), m.end("d"))
            continue
        cat = guess_category(" ".join(_E7.findall(after)[:5])) or guess_category(
            " ".join(_E8.findall(before)[-2:])
        )
        rec = SystemRecord(d, (), cat or "other", None, None, None, None)
        out.append(Mention("system", m.start("d"), m.end("d"), d, "pattern", system=rec))
        take(m.start("d"), m.end("d"))
    for m in _NAME_ITEM.finditer(text):
        name = m.group("name")
        first = name.split()[0].split("-")[0].lower()
        if first in _NAME_STOP or not free(m.start("name"), m.end("name")):
            continue
        if any(w.lower() in _NAME_STOP for w in _E9.split(name)[1:] if not _E10.match(w)):
            continue
        # a sentence-initial capital is only a name when something else marks it (digits, caps)
        prefix = text[max(0, m.start() - 3) : m.start()]
        if (not prefix.strip() or prefix.rstrip().endswith((".", '"', "“", ":"))) and not _E5.search(name):
            continue
        if right_after_match(m.start("name")):
            continue  # "Javelin FGM-148F missiles": the variant after a known name
        noun = m.group("noun").split()[0].rstrip("s") if m.group("noun") else ""
        known_rec = (reference.resolve_system(f"{name} {noun}") if noun else None) or (
            _catalogue_variant(name) if _E6.search(name) else None
        )
        if known_rec is not None:
            out.append(Mention("system", m.start("name"), m.end("name"), name, "catalogue", system=known_rec))
            take(m.start("name"), m.end("name"))
            continue
        cat = guess_category(m.group(0)) or "other"
        rec = SystemRecord(name, (), cat, None, None, None, None)
        out.append(Mention("system", m.start("name"), m.end("name"), name, "pattern", system=rec))
        take(m.start("name"), m.end("name"))
    out.sort(key=lambda x: x.start)
    return out


# patterns of the function(s) below, compiled once: a module-level re.search(...) call
# pays re's pattern-cache lookup every time (~1 us, ~100k calls per 400 articles)
_E11 = re.compile(r"\d")


@lru_cache(maxsize=8192)
def _catalogue_variant(designation: str) -> SystemRecord | None:
    """A catalogue system of which ``designation`` is a variant ("FGM-148F" -> "FGM-148").

    Only one or two trailing letters/digits may differ, so "F-16V" never becomes "F-1".
    """
    key = reference.system_key(designation)
    for cut in (0, 1, 2):
        cand = key[: len(key) - cut] if cut else key
        if len(cand) < 3 or not _E11.search(cand):
            break
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
    found += find_designations(text, [(x.start, x.end) for x in found])
    found.sort(key=lambda x: x.start)
    return _merge_names(found, text)


_NAME_GAP = re.compile(r"^[\s-]{1,3}$")
_DIGIT = re.compile(r"\d")


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
                or (
                    prev.system.manufacturer is not None
                    and prev.system.manufacturer == m.system.manufacturer
                    and prev.system.category == m.system.category
                    and bool(_DIGIT.search(prev.text)) != bool(_DIGIT.search(m.text))
                )
            )
        ):
            keep = prev if _DIGIT.search(prev.text) or not _DIGIT.search(m.text) else m
            out[-1] = Mention(
                "system", prev.start, m.end, text[prev.start : m.end], keep.form, keep.party, keep.system
            )
            continue
        out.append(m)
    return out
