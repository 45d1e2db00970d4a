"""Gazetteer matching of parties, sources and weapon systems.

The gazetteer is built once (cached) from :mod:`kg.vocab.reference`: country names, aliases,
demonyms ("Russian") and metonyms ("Moscow", "the Kremlin"); companies and agencies
(resolved to their country); news agencies and think tanks (sources, never parties);
catalogue systems.  Matching is token-based longest match: every alphanumeric run is a
token, and a multi-token name matches only across spaces, hyphens, dots, slashes or
apostrophes (never across commas).  Case rules: acronyms (no lower-case letter, e.g. "US",
"DSCA", "PRC") must match exactly; other names match case-insensitively but the text must
start with a capital where the name does ("Turkey", not "turkey").

Systems the catalogue lacks (designation-shaped tokens, "Name + item noun") and the
merging of all mentions of an article are in :mod:`kg.extract.mentions`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, compress, count

from kg.extract._fastre import ascii_classes, ascii_twin
from kg.extract.nouns import _GENERIC_TAIL, _NAME_STOP, _TOKEN, ITEM_NOUNS, guess_category
from kg.vocab import reference
from kg.vocab.months import CALENDAR_WORDS
from kg.vocab.reference import PartyRecord, SystemRecord

_JOINABLE_GAP = re.compile(r"^(?:\s{1,3}|\s?[-‐‑–/.'&]\s?|\.\s|’)$")
_ACRONYM = re.compile(r"^[^a-z]*$")


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
    #: the country the party stands for, from ``party`` (not compared, not in the repr)
    iso3: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # a slot set once, not a property: the stages read it ~540 times per article (sentence cues,
        # the learned scale), a Python call each as a property
        p = self.party
        object.__setattr__(
            self, "iso3", None if p is None else p.iso3 if p.kind == "country" else p.country_iso3
        )


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
alpha harrier longbow predator sentinel
""")
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
        # first tokens and their plurals ("rafale", "rafales"): the one set lookup that decides
        # whether a token can start a match (rebuilt after ``add``)
        self._starts: frozenset[str] | None = None
        # (first token, next token) -> the entries that can match there (see _candidates)
        self._cands: dict[tuple[str, str | None], list[_Entry]] = {}

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
            if tokens[0] in CALENDAR_WORDS:  # "May", "March": dates, never system names
                return
            weak = tokens[0] in WEAK_SYSTEM_NAMES
        entry = _Entry(tokens, surface, exact, kind, form, party, system, priority, weak)
        self._starts = None
        self._cands = {}
        bucket = self._first.setdefault(tokens[0], [])
        bucket.append(entry)
        bucket.sort(key=lambda e: (-len(e.tokens), -e.priority))

    def _candidates(self, f: str, nxt: str | None) -> list[_Entry]:
        """The entries that can start at a token ``f`` followed by ``nxt`` (None: last token), best first.

        Why: a common first token ("united", "south") heads many entries; their second token
        rejects almost all of them, and checking it once per (first, next) pair instead of once
        per occurrence is the gazetteer's main saving.  An entry is kept when it has one token,
        or its second token is ``nxt``, or (two-token systems) ``nxt`` is that token's plural
        ("Su-30s").  Plural first tokens ("rafales") also take the singular's entries.
        """
        key = (f, nxt)
        got = self._cands.get(key)
        if got is None:
            first = self._first
            cands = first.get(f) or []
            if f[-1:] == "s" and len(f) > 2 and f[:-1] in first:
                cands = sorted([*cands, *first[f[:-1]]], key=lambda e: (-len(e.tokens), -e.priority))
            got = [
                e
                for e in cands
                if len(e.tokens) == 1
                or nxt == e.tokens[1]
                or (len(e.tokens) == 2 and e.kind == "system" and nxt == e.tokens[1] + "s")
            ]
            if len(self._cands) >= 100_000:  # bounded: a long-running process reads any text
                self._cands.clear()
            self._cands[key] = got
        return got

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping longest matches, left to right."""
        low = text.lower()
        if len(low) == len(text):  # offsets kept (true unless e.g. a dotted capital I): tokenise once
            words, bounds = _token_bounds(low, ascii_classes(low))
            folded = words if low.isascii() else [w if w.isascii() else _fold(w) for w in words]
        else:
            words, bounds = _token_bounds(text)
            folded = [_fold(w) for w in words]
        first = self._first
        starts = self._starts
        if starts is None:
            # f[-1:] == "s" and len(f) > 2 and f[:-1] in first  <=>  f == k + "s" for a key len(k) > 1
            starts = self._starts = frozenset(first) | {k + "s" for k in first if len(k) > 1}
        # only positions where some entry can start are visited (the indices of tokens in starts)
        hits = compress(count(), map(starts.__contains__, folded))
        out: list[Mention] = []
        n = len(folded)
        consumed = 0
        for i in hits:
            if i < consumed:
                continue
            best: _Entry | None = None
            cands = self._candidates(folded[i], folded[i + 1] if i + 1 < n else None)
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
                # token j spans bounds[2j]:bounds[2j + 1]; the gap after it ends at bounds[2j + 2]
                if k > 1 and any(
                    not _JOINABLE_GAP.match(text[bounds[2 * j + 1] : bounds[2 * j + 2]])
                    for j in range(i, i + k - 1)
                ):
                    continue
                start_, end_ = bounds[2 * i], bounds[2 * (i + k) - 1]
                span_text = text[start_:end_]
                if entry.exact:
                    want = _surface_tokens(entry.surface)
                    have = _TOKEN.findall(span_text)
                    if have != want and not (
                        entry.kind == "system" and have[:-1] == want[:-1] and have[-1] == want[-1] + "s"
                    ):
                        continue
                elif entry.surface[0].isupper() and not span_text[0].isupper():
                    continue
                if entry.weak and not (
                    _WEAK_CONTEXT.match(text, end_, end_ + 40)
                    or _NUMBER_BEFORE.search(text, max(0, start_ - 25), start_)
                ):
                    continue
                best = entry
                break
            if best is None:
                continue
            if best.kind == "system" and len(cands) > 1:
                best = _by_category(best, cands, text, bounds[2 * (i + len(best.tokens)) - 1])
            k = len(best.tokens)
            start, end = bounds[2 * i], bounds[2 * (i + k) - 1]
            out.append(Mention(best.kind, start, end, text[start:end], best.form, best.party, best.system))
            consumed = i + k
        return out


def _by_category(best: _Entry, cands: list[_Entry], text: str, end: int) -> _Entry:
    """``best``, or the entry of the same name whose system is of the kind the words after the name
    say ("Hawk trainer jets", "Hawk air defence batteries").

    Why: a bare name can be two catalogue families (a maker's jet trainer and another maker's missile
    system both called after one bird); the catalogue's order picked one for every text.  The item noun
    after the name is how news tells them apart; without one the first entry stays."""
    same = [
        e
        for e in cands
        if e.tokens == best.tokens
        and e.kind == "system"
        and e.system is not None
        and e.priority == best.priority
    ]
    if len({e.system.category for e in same if e.system}) < 2:
        return best
    want = guess_category(" ".join(_TOKEN.findall(text[end : end + 60])[:5]))
    if want is None:
        return best
    return next((e for e in same if e.system and e.system.category == want), best)


#: the tokens of :data:`_TOKEN` and the text between them, alternately (see _token_bounds)
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")", _TOKEN.flags)


#: the same split compiled with re.ASCII (for text where kg.extract._fastre.ascii_classes holds)
_TOKEN_SPLIT_A = ascii_twin(_TOKEN_SPLIT) or _TOKEN_SPLIT


def _token_bounds(text: str, asc: bool = False) -> tuple[list[str], list[int]]:
    """The tokens of ``text`` and their offsets: token ``j`` spans ``bounds[2j]:bounds[2j + 1]``.

    Why not ``finditer``: a match object per token (350 in a 2 KB article) cost more than the
    rest of the tokenising; ``split`` hands out the gaps and tokens in turn, and the running sum
    of their lengths (a C loop) is every token's start and end.  ``asc``: ``ascii_classes(text)``
    holds, so the ASCII-compiled split (one table lookup per character) gives the same parts.
    """
    parts = (_TOKEN_SPLIT_A if asc else _TOKEN_SPLIT).split(text)
    return parts[1::2], list(accumulate(map(len, parts)))


@lru_cache(maxsize=4096)
def _surface_tokens(surface: str) -> list[str]:
    """The tokens of an exact (acronym) entry's surface, compared with the text's (read only)."""
    return _TOKEN.findall(surface)


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
        for name in reference.people_nouns(rec):
            gaz.add(name, "party", "name", party=rec, priority=6)
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
            if _WORD_ACRONYM.match(name) and name.capitalize() not in sysrec.names():
                _add_title_acronym(gaz, name.capitalize(), sysrec, priority)
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


#: an acronym of five letters or more, pronounced as a word ("ABCDE"): house styles write it in title
#: case ("Abcde"), so that spelling names the system too (shorter acronyms, "US", "MBT", stay exact)
_WORD_ACRONYM = re.compile(r"^[A-Z]{5,}$")
#: such acronyms whose title-case spelling is already another name of the family ("Caesar" guns are
#: the family, not the catalogue's variant record): left to the name patterns
_TITLE_FAMILIES = _words("caesar")


def _add_title_acronym(gaz: Gazetteer, title: str, sysrec: SystemRecord, priority: int) -> None:
    """Add the title-case spelling of a word-like acronym ("Abcde" of "ABCDE") as a weak name: a
    title-case word may be a brand, a surname or a place, so it names the system only next to an item
    noun or a count ("four Abcde batteries", "Abcde systems"), as :data:`WEAK_SYSTEM_NAMES` do."""
    if title.lower() in _TITLE_FAMILIES:
        return
    gaz.add(title, "system", "catalogue", system=sysrec, priority=priority - 1)
    bucket = gaz._first[title.lower()]
    bucket[:] = [replace(e, weak=True) if e.surface == title and e.system is sysrec else e for e in bucket]


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


#: the combining forms of a compound demonym ("Franco-Italian", "Anglo-French", "Indo-Russian"): the
#: first state of a joint design, named only before a hyphen and the second state's demonym ("Indo-" is
#: left out: "Indo-Russian" names joint ventures in India, a buyer, not a second seller)
_COMBINING_FORMS = {
    "Franco": "FRA",
    "Anglo": "GBR",
    "Italo": "ITA",
    "Sino": "CHN",
    "Russo": "RUS",
    "Greco": "GRC",
    "Turco": "TUR",
    "Hispano": "ESP",
    "Luso": "PRT",
    "Austro": "AUT",
    "Germano": "DEU",
    "Nippo": "JPN",
}
_SHORT_GAP = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}")
_COMBINING = re.compile(r"\b(" + "|".join(_COMBINING_FORMS) + r")-(?=[A-Z])")


def combining_forms(text: str, found: list[Mention]) -> list[Mention]:
    """Demonym mentions for the combining forms of compound demonyms ("the Franco-Italian SAMP/T"
    names France beside Italy), each only right before a hyphen and another demonym the gazetteer
    found.  Why: the gazetteer reads "Italian" alone, and the first state of the pair went unnamed."""
    if "o-" not in text:
        return []
    demonyms = {m.start: m for m in found if m.kind == "party" and m.form == "demonym"}
    out: list[Mention] = []
    for m in _COMBINING.finditer(text):
        second = demonyms.get(m.end())
        if second is None:
            continue
        # only before a system the catalogue knows ("the Franco-Italian SAMP/T"), not a firm ("the
        # Franco-German KNDS group", whose items may be one state's design)
        nxt = next((x for x in found if x.start >= second.end), None)
        if nxt is None or nxt.kind != "system" or not _SHORT_GAP.fullmatch(text, second.end, nxt.start):
            continue
        rec = reference.country_by_iso3(_COMBINING_FORMS[m.group(1)])
        if rec is not None:
            out.append(Mention("party", m.start(1), m.end(1), m.group(1), "demonym", rec))
    return out
