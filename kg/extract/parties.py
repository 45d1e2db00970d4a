"""Parties, frames and article memory: the data the rule stages pass between them.

Why a module: :mod:`.roles` gives parties roles, :mod:`.frames` turns them into frames and
:mod:`.claims` into claims; the structures and the small helpers that build a party from a
gazetteer mention (a company's stated home state, a dateline that is no party) are shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from kg.extract.designations import catalogue_name
from kg.extract.entities import Mention
from kg.extract.model import Claim, DateRef, SystemRef
from kg.extract.money import Money
from kg.extract.nouns import guess_category
from kg.extract.vocabulary import RETIRE_VERB
from kg.vocab import reference

# --- data structures ---------------------------------------------------------------------


@dataclass
class _Party:
    mention: Mention
    iso3: str | None
    name: str
    kind: str
    company: str | None
    role: str | None = None  # supplier | buyer | pair | with | speaker | other
    cue: str = ""
    group: int = -1


@dataclass
class _Frame:
    """What the extractor believes one deal mention says (pre-claim)."""

    suppliers: list[_Party]
    buyers: list[_Party]
    system: SystemRef | None
    system_source: str | None
    status: str
    sentence: tuple[int, int]
    quantity: int | None = None
    quantity_delivered: int | None = None
    quantity_inferred: bool = False
    value: Money | None = None
    package_value: Money | None = None
    dates: list[DateRef] = field(default_factory=list)
    order_year: int | None = None
    batch: str = "original"
    negated: bool = False
    modality: str | None = None
    delayed: bool = False
    confidence: float = 0.5
    inherited_status: bool = False
    context: bool = False
    #: distinct states the sentence names (crowded sentences give wrong pairs more often)
    parties: int = 0
    #: an unnamed item listed beside a named system ("plus two recovery tanks"): kept beside the
    #: dyad's system claims (a system-less claim of a dyad otherwise gives way to them)
    companion: bool = False
    #: the stage rests on a bare "bought" (no contract, sum or year): claimed ``unknown``
    bare_purchase: bool = False
    #: an unnamed item of a clause of its own (frames._generic_items): its stage is that clause's,
    #: the sentence's other stage words are other deals'
    own_clause: bool = False
    #: the stage rests on a seller's future sale verb and no deal noun ("A will provide N X to B"): a
    #: state's announcement is claimed ``approved`` (status.announced_sale)
    announced_sale: bool = False


@dataclass
class _Ctx:
    """Article-level memory for cross-sentence references."""

    last: list[Claim] = field(default_factory=list)
    by_system: dict[str, Claim] = field(default_factory=dict)
    deal_status: dict[str, str] = field(default_factory=dict)


#: (system, its mention in the sentence or None when referred back, source: catalogue | pattern |
#: context); ``(None, None, None)`` is the system-less frame of a stated supplier relationship
_SysRef = tuple[SystemRef | None, Mention | None, str | None]
_Stage = tuple[str, bool, str | None, bool]


# --- helpers -------------------------------------------------------------------------------


#: a dateline ("WARSAW, Poland -- ...") names where the story was filed, not a party
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*(?:date \S+\s+)?[A-Z][A-Z .'-]{2,},\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{0,20}\)\s*)?[—–-]")
_DATELINE_CITY_AFTER = re.compile(r"(?:,\s*[A-Z][\w.' -]{1,30}?)?\s*(?:\([^)]{0,20}\)\s*)?[—–-]\s")
#: a currency prefix ("US$155 million", "A$2 billion") is money, not the country
_CURRENCY_AFTER = re.compile(r"^\.? ?\$")
#: "inducted its own J-20s", "home-grown", "indigenous": a domestic system, no transfer
_OWN_BEFORE = re.compile(
    r"\b(?:its|their|our) own\s+(?:[\w-]+\s+){0,2}$|\b(?:home-?grown|indigenous(?:ly (?:built|developed|made))?|"
    r"domestically (?:built|developed|made|produced))\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: the carrier that brought the goods ("reached the port aboard an air force C-17"): no item of the deal
_CARRIER_BEFORE = re.compile(
    r"\b(?:aboard|on board|flown in by|ferried by)\s+(?:an?|the|two|three|several)?\s*"
    r"(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
#: a weapon a platform can fire or carry, named in a relative clause on the platform ("the X launcher,
#: which can fire Y missiles and Z interceptors"): what the item is able to use, no item of the deal
_CAPABILITY_BEFORE = re.compile(
    r",\s+(?:which|that)\s+(?:can|could|will\s+be\s+able\s+to|(?:is|are)\s+(?:able\s+to|capable\s+of))\s+"
    r"(?:also\s+)?(?:fire|firing|carry|carrying|launch|launching)\s+[^,;.()]{0,80}$",
    re.IGNORECASE,
)
#: a fleet retired ("since the X family was retired in 2015"): history, no item of the deal
_RETIRED_NEXT = re.compile(
    r"(?:\s+(?:family|fleet|jets|aircraft|fighters|tanks|ships|submarines|helicopters))?\s+(?:was|were|had been|"
    r"has been|have been)\s+(?:finally\s+|fully\s+)?(?:retired|decommissioned|phased out|withdrawn from service)\b"
)
#: the fleet a programme replaces ("picked Y for its X replacement", "the X replacement programme"): the
#: system before the noun "replacement" is the old fleet, no item of the deal ("replacement parts" or
#: "replacement engines" for X are items, but they come before the system)
_REPLACEMENT_NEXT = re.compile(
    r"(?:\s+(?:fleet|fighter|jet|tank|ship|helicopter))?\s+replacements?\b(?!\s+(?:parts?|engines?)\b)"
)
#: "retired" as the adjective of a counted gift or sale ("has given B 49 retired X", "sold 12 retired
#: X"): surplus stock changing hands, not the fleet a purchase replaces
_COUNTED_RETIRED = re.compile(
    r"\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds)\s+"
    r"(?:of\s+(?:its|their|the)\s+)?(?:recently\s+)?retired\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: a system being replaced ("to replace the ageing X", "retiring its X") is not bought
_REPLACED = re.compile(
    r"\b(?:replac(?:e|es|ed|ing)|" + RETIRE_VERB + r"|succeed(?:s|ing)?|in place of|instead of)\s+"
    r"(?:(?:the|its|their|an?|ageing|aging|old|older|outdated|obsolete|existing|current|remaining|fleet of|[\w-]+-era|"
    r"[\w-]+-(?:built|made|designed|supplied|origin))\s+){0,4}"
    # a later member of the replaced list: "to replace its MiG-29 and Mirage 2000 jets", "the X 122 mm
    # howitzers as well as Y"
    r"(?:[\w/-]+(?:\s+[\w/-]+){0,4}?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+)(?:(?:the|its|their)\s+)?)?$",
    re.IGNORECASE,
)


#: the base design named in an apposition of the item (", the export version of the X", "(a derivative
#: of the X)"): the design the item derives from, not a second item of the deal
_BASE_DESIGN_BEFORE = re.compile(
    r"[,(]\s*(?:the|an?|its)\s+(?:[\w-]+\s+){0,2}?(?:version|variant|derivative|development|model)\s+of\s+"
    r"(?:the\s+|its\s+)?$",
    re.IGNORECASE,
)


#: a fleet the buyer used before the deal ("after years of using the older X", "having flown its X for
#: decades"): the background of the purchase, not its item
_USED_BEFORE = re.compile(
    r"\b(?:after|following|having)\s+(?:\w+\s+){0,3}?(?:using|used|operating|operated|flying|flown|fielding|"
    r"fielded)\s+(?:the\s+|its\s+|their\s+)?(?:older\s+|ageing\s+|aging\s+|old\s+)?$",
    re.IGNORECASE,
)


#: "the NATO member France", "EU partner Greece", "the first NATO and EU member to buy": the
#: organisation only describes a member state, named after it or in the sentence's subject
_MEMBER_AFTER = re.compile(
    r"^\s+(?:and\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3})?(?:member|country|ally|partner|state|nation)"
    r"(?:\s+(?:state|country|nation))?\s+(?:(?:the\s+)?[A-Z]|(?:to|that|which|who)\s)"
)


def _not_a_party(s: str, start: int, end: int, kind: str = "country") -> bool:
    """A country named as a dateline place or in a currency prefix is no party to a deal; nor is
    an organisation that only describes a member state ("the NATO member France")."""
    after = s[end : end + 40]
    # "$" and a dash: every match of _CURRENCY_AFTER and _DATELINE_AFTER holds one (a substring test
    # costs less than the pattern call it spares, for the few parties a dollar sign or dash follows)
    if "$" in after and _CURRENCY_AFTER.match(after):
        return True
    if kind != "country" and _MEMBER_AFTER.match(after):
        return True
    if s[start:end].isupper() and _DATELINE_CITY_AFTER.match(s, end):
        return True  # "LISBON, Portugal --": the filing city (a capital stands for its state elsewhere)
    return bool(
        ("-" in after or "\u2014" in after or "\u2013" in after)
        and _DATELINE_AFTER.match(after)
        and _DATELINE_BEFORE.search(s, 0, start)
    )


#: "Airbus Defence and Space of Spain": the company's home state as the text states it
_OF_STATE_GAP = re.compile(r"^\s+of\s+(?:the\s+)?$")
#: "the Poland-based unit of X", "X's British subsidiary", "a Spain-based maker": the state stated
_BASED_GAP = re.compile(
    r"^(?:-based|\s+based)\s+(?:[\w-]+\s+){0,2}?(?:of\s+(?:the\s+)?)?$|"
    r"^(?:-based)?\s+(?:[\w-]+\s+)?(?:subsidiary|unit|arm|division|branch|affiliate)\s+of\s+(?:the\s+)?$"
)


#: "X's UK plant", "X's Polish subsidiary": a company's site or unit in the state named between
_POSSESSIVE_GAP = re.compile(r"^(?:'s|’s)\s+(?:local\s+|own\s+)?$")
_SITE_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:plant|factory|subsidiary|unit|arm|division|branch|affiliate|site|facility|works|shipyard|yard)\b"
)


_OWNER_GAP = re.compile(
    r"^(?:'s|’s)?\s+(?:state-owned\s+|state-run\s+|defen[cs]e\s+(?:firm|company|group)\s+)?$"
)


def _home_states(s: str, a: int, parties: list[_Party]) -> list[_Party]:
    """A company resolves to the state the text gives it ("X of Spain", "the Spain-based unit of X"),
    not to its parent's home state; the state named only to place the company is not a party."""
    drop: set[int] = set()
    for i in range(len(parties) - 1):
        p, q = parties[i], parties[i + 1]
        gap = s[p.mention.end - a : q.mention.start - a]
        if p.company and not q.company and q.kind == "country" and _OF_STATE_GAP.match(gap):
            p.iso3, p.name = q.iso3, q.name
            drop.add(i + 1)
        elif p.company and not q.company and q.kind == "country" and _SITE_AFTER.match(s, q.mention.end - a):
            if _POSSESSIVE_GAP.match(gap):  # "X's UK plant", "X's Polish subsidiary": the site's state
                p.iso3, p.name = q.iso3, q.name
                drop.add(i + 1)
        elif q.company and not p.company and p.kind == "country" and _BASED_GAP.match(gap):
            q.iso3, q.name = p.iso3, p.name
            drop.add(i)
        elif (
            q.company and not p.company and p.kind == "country" and p.iso3 == q.iso3 and _OWNER_GAP.match(gap)
        ):
            drop.add(i)  # "Germany's Krauss-Maffei Wegmann", "Turkish BMC": the maker's home, one party
    return [p for i, p in enumerate(parties) if i not in drop] if drop else parties


def _party_of(m: Mention) -> _Party | None:
    rec = m.party
    if rec is None:
        return None
    if rec.kind == "country":
        if rec.historical and m.form == "demonym":
            return None
        return _Party(m, rec.iso3, rec.name, "country", None)
    iso3 = rec.country_iso3
    company = rec.name if rec.kind == "company" else None
    if iso3:
        country = reference.country_by_iso3(iso3)
        return _Party(m, iso3, country.name if country else iso3, "country", company)
    return _Party(m, None, rec.name, rec.kind, company)


def _system_ref(m: Mention, context: str) -> SystemRef:
    rec = m.system
    assert rec is not None
    if m.form == "pattern":
        cat = rec.category if rec.category != "other" else (guess_category(context) or "other")
        return SystemRef(rec.designation, cat, None, m.text)
    name = catalogue_name(m.text, rec.designation)
    block = _BLOCK_AFTER.match(context) if "Block" in context else None  # every match holds "Block"
    if block and "block" not in m.text.lower() and "block" not in name.lower():
        # "12 FA-50 Fighting Eagle Block 20 aircraft", "FA-50s of the Block 10 variant": two blocks of one
        # type are two systems (the catalogue has one record for the type)
        name = f"{name} Block {block.group(1) or block.group(2)}"
    return SystemRef(name, rec.category, rec.origin_iso3, m.text, rec.manufacturer)


#: a block number written after a designation: "FA-50 Fighting Eagle Block 20", "F-16s of the Block 52 standard"
_BLOCK_AFTER = re.compile(
    r"^(?:\s+[A-Z][\w-]*){0,2}\s+Block\s+(\d{1,3}|[IVX]{1,4})\b|"
    r"^\s+(?:[a-z]+\s+){0,2}of\s+the\s+Block\s+(\d{1,3}|[IVX]{1,4})\s+(?:variant|version|standard|configuration|model)\b"
)


#: Historical states whose designs are supplied by a successor today.
_SUCCESSOR = {"SUN": "RUS", "CSK": "CZE", "YUG": "SRB", "DDR": "DEU"}


def home_states(system: SystemRef | None) -> frozenset[str]:
    """The states that sell ``system`` as its maker: its catalogue origin and, for a consortium's
    product, every member state (:func:`kg.vocab.reference.maker_states`).  A filter that keeps "the
    system's origin" among named sellers must keep any of them: news names Britain or Italy as the
    seller of a Eurofighter the catalogue files under Germany.  (A historical origin's successor is
    the caller's business: a Soviet design's named Russian seller is a re-export question.)"""
    if system is None or not system.origin_iso3:
        return frozenset()
    return _maker_states(system.catalogue_variant or system.name, system.origin_iso3)


@cache
def _maker_states(name: str, origin: str) -> frozenset[str]:
    # remembered: a few systems per article, asked for by every filter of every sentence
    return frozenset({origin}) | reference.maker_states(name)


def _maker_state(supplier: _Party | None, system: SystemRef | None) -> _Party | None:
    """A multinational maker named as supplier exports the system from the state that builds it:
    "Airbus" (FRA in the catalogue) supplying the C-295 supplies it from Spain, the system's origin."""
    if (
        supplier is None
        or supplier.cue != "company"
        or system is None
        or not system.manufacturer
        or supplier.company != system.manufacturer
        or not system.origin_iso3
    ):
        return supplier
    origin = _SUCCESSOR.get(system.origin_iso3, system.origin_iso3)
    rec = reference.country_by_iso3(origin)
    if origin == supplier.iso3 or rec is None:
        return supplier
    return replace(supplier, iso3=origin, name=rec.name)


def prev_pair(prev: Claim, rest: list[_Party]) -> tuple[list[_Party], list[_Party]] | None:
    """(suppliers, buyers) among ``rest`` as the previous claim of the deal had them."""
    if prev.supplier is None:
        return None
    sup = [p for p in rest if p.iso3 == prev.supplier.iso3]
    buy = [p for p in rest if p.iso3 == prev.buyer.iso3]
    if sup and buy:
        return [sup[0]], [buy[0]]
    return None


def _origin_of(designation: str) -> str | None:
    rec = reference.resolve_system(designation)
    return rec.origin_iso3 if rec else None
