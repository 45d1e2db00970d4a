"""The nouns of weapon items ("jets", "howitzers", "frigates") and the category they suggest.

Why a module: the gazetteer (a "Name + item noun" phrase is a system), the unseen-designation
finder (category from the noun after it) and the claim rules (counts of items, "N more jets")
all read the same noun list; it is defined once here.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: a word: every alphanumeric run (the gazetteer's token, too)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

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
#: item nouns that name a grouping or a part of whatever system a deal is for ("units", "batteries",
#: "squadrons": S-400 squadrons, Patriot batteries), never the kind of item a sentence is about
GROUPING_NOUNS = frozenset(
    {"system", "systems", "unit", "units", "squadron", "squadrons", "battery", "batteries"}
)
#: the platform a category is carried on: a "tanks" sentence speaks of no aircraft deal
_PLATFORM_OF = {
    "aircraft": "air",
    "ships": "sea",
    "armoured-vehicles": "land",
    "artillery": "land",
}


def platform_nouns(text: str) -> frozenset[str]:
    """The categories of the platform item nouns of ``text`` ("jets": aircraft, "frigates": ships,
    "tanks": armoured-vehicles); empty when it names none or only items of no platform ("missiles",
    "radars")."""
    out = set()
    for word in _TOKEN.findall(text.lower()):
        cat = ITEM_NOUNS.get(word)
        if cat in _PLATFORM_OF:
            out.add(cat)
    return frozenset(out)


def platform_of(category: str | None) -> str | None:
    """The platform ("air", "sea", "land") of a SIPRI category key, None for weapons and parts."""
    return _PLATFORM_OF.get(category or "")


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


#: words that end a "Name + item noun" phrase without naming a system, and words never part
#: of a name
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

#: adjectives of regions and ambiguous nationalities (absent from the country table on purpose):
#: "Korean missiles", "European jets", "Gulf buyers" name no system
_REGION_ADJECTIVES = frozenset(
    [
        "korean",
        "congolese",
        "dominican",
        "european",
        "asian",
        "african",
        "arab",
        "arabian",
        "nordic",
        "scandinavian",
        "latin",
        "gulf",
        "baltic",
        "balkan",
        "allied",
        "caucasian",
        "pacific",
        "atlantic",
        "mediterranean",
        "iberian",
        "persian",
    ]
)
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
_NAME_STOP = _NAME_STOP | _REGION_ADJECTIVES


_COUNT_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds"
#: an item noun a determiner or a count points back with ("those howitzers", "the 12 Korean jets",
#: "40 launchers", "the radar", "the truck-mounted 155 mm howitzers"): up to three words between them
_ITEM_BACK = re.compile(
    r"\b(?:these|those|the|this|that|\d[\d,]*|" + _COUNT_WORDS + r")\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<noun>" + "|".join(sorted((k for k in ITEM_NOUNS if ITEM_NOUNS[k]), key=len, reverse=True)) + r")\b"
    r"(?!\s*[A-Z]\w*\d)",
    re.IGNORECASE,
)
#: a bought count with no noun after it ("has bought 30 from A", "ordered six more in 2020")
_COUNT_ELLIPSIS = re.compile(
    r"\b(?:ordered|bought|purchased|acquired|received|signed\s+for)\s+(?:a\s+further\s+|another\s+)?"
    r"(?:\d{1,4}|" + _COUNT_WORDS + r")\s+(?:more\s+)?(?=from\b|for\b|in\b|under\b|,)",
    re.IGNORECASE,
)


def names_the_item_again(s: str, category: str | None) -> bool:
    """Whether ``s`` points back at an item of ``category`` without naming it: an item noun of that
    category (or of its platform) after a determiner or a count ("bought 40 of those guns", "the
    12 jets it ordered", "picked the radar"), or a bought count with no noun ("has bought 30 from
    A").  Read only right after a sentence that named a system without a deal (the one the noun
    stands for)."""
    if category is None:
        return False
    if _COUNT_ELLIPSIS.search(s):
        return True
    for m in _ITEM_BACK.finditer(s):
        said = ITEM_NOUNS[m.group("noun").lower()]
        if said == category or (platform_of(said) is not None and platform_of(said) == platform_of(category)):
            return True
    return False
