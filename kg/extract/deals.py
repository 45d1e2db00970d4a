"""Deal grouping after all sentences: one system per dyad and family, deal-level facts carried
between claims of one deal (value, quantity, order year, company), and stages settled for
mentions that state none (recorded in ``inherited``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from kg.extract.designations import adds_variant, written_form
from kg.extract.mentions import _catalogue_variant
from kg.extract.model import Claim, SystemRef
from kg.extract.patterns import _DIGIT
from kg.extract.vocabulary import _APPROVE
from kg.vocab import reference
from kg.vocab.reference import SystemRecord
from kg.vocab.statuses import LIFECYCLE, RANK, latest_stage

#: designation keys, cached (the same few names recur in every article)
_key = lru_cache(maxsize=8192)(reference.system_key)


@lru_cache(maxsize=8192)
def _same_family(a: str, b: str) -> bool:
    """Two designations of one family: their comparison keys share a prefix of 3+ characters that
    holds a digit ("mq9" of "MQ-9B" and "MQ-9 Reaper"), is the whole of one key ("Gripen" of "Gripen
    E") or is a name of 5+ letters ("Caesar 8x8", "Caesar Mk II"); two names that only share their
    first letters ("Spike" and "SPICE") are two systems."""
    ka, kb = reference.system_key(a), reference.system_key(b)
    n = 0
    for x, y in zip(ka, kb, strict=False):
        if x != y:
            break
        n += 1
    return n >= 3 and (n >= 5 or n == min(len(ka), len(kb)) or any(ch.isdigit() for ch in ka[:n]))


def _reconcile_systems(claims: list[Claim]) -> None:
    """One article, one dyad, one maker and category: a bare name ("31 Predator drones") is
    the designation the article also gives ("MQ-9B"), not a different catalogue entry."""
    named = [
        c for c in claims if c.system is not None and c.system.surface and _DIGIT.search(c.system.surface)
    ]
    if not named:
        return
    for c in claims:
        sysref = c.system
        if sysref is None or not sysref.surface or _DIGIT.search(sysref.surface) or not sysref.manufacturer:
            continue
        for other in named:
            o = other.system
            assert o is not None
            if (
                o.name != sysref.name
                and other.evidence.start != c.evidence.start  # one sentence's list names two systems
                # one family ("Reaper" and "MQ-9B", "Gripen" and "Gripen E"); a maker's other
                # system ("Chunmoo" beside "K9", "ATAGS" beside "MArG 155") is not the same
                and _same_family(o.name, sysref.name)
                and o.manufacturer == sysref.manufacturer
                and o.category == sysref.category
                and _same_dyad(other, c)
                and not _named_inside(sysref.surface, o.surface or "")
                # "Gripen E" beside "JAS-39 Gripen": a variant of the other's family keeps its own name
                and not (_key(sysref.name) != _key(o.name) and _key(sysref.name).startswith(_key(o.name)))
            ):
                _adopt_system(c, o)
                break


def _named_inside(bare: str, other: str) -> bool:
    """Whether the bare name is the tail of a longer name the other mention writes ("Hornets" inside
    "F/A-18E/F Super Hornet"): the longer name is another model ("Super Hornet"), not the bare one's
    designation."""
    word = bare.strip().rstrip("s")
    if len(word) < 3:
        return False
    return re.search(r"[A-Z][\w-]*\s+" + re.escape(word) + r"\b", other) is not None


def _same_dyad(a: Claim, b: Claim) -> bool:
    """Same supplier (or both unknown) and same buyer."""
    return (a.supplier.iso3 if a.supplier else None) == (
        b.supplier.iso3 if b.supplier else None
    ) and a.buyer.iso3 == b.buyer.iso3


def _adopt_system(c: Claim, o: SystemRef) -> None:
    """``c`` names the system ``o`` (keeping the text's own surface form) and joins its deal."""
    sysref = c.system
    assert sysref is not None
    c.system = SystemRef(o.name, o.category, o.origin_iso3, sysref.surface, o.manufacturer)
    c.deal_key = c.deal_key.replace(f":{sysref.name}:", f":{o.name}:")


def _reconcile_bare_names(claims: list[Claim]) -> None:
    """One article, one dyad: a bare word the article also writes as the start of a fuller
    designation ("Hawk jets" after "Hawk Advanced Jet Trainer aircraft") is that system, not
    another catalogue entry that shares the word (a Hawk missile).

    The fuller designations are indexed by their first word (in claim order), so a long
    article costs one lookup per claim, not a scan of every other claim."""
    fuller: dict[str, list[Claim]] = defaultdict(list)
    for other in claims:
        o = other.system
        if o is not None and o.surface and " " in o.surface.strip():
            fuller[o.surface.split()[0].lower()].append(other)
    for c in claims:
        sysref = c.system
        if sysref is None or not sysref.surface or " " in sysref.surface.strip() or " Block " in sysref.name:
            continue  # a block number written after the name makes it specific (see _reconcile_blocks)
        bare = reference.system_key(sysref.surface)
        if len(bare) < 4:
            continue
        for other in fuller.get(sysref.surface.strip().lower(), ()):
            o = other.system
            if (
                o is not None
                and o.name != sysref.name
                and other.evidence.start != c.evidence.start
                and _same_dyad(other, c)
                and not _named_inside(sysref.surface, o.surface or "")
                # the family of a variant named elsewhere ("54 Rafale jets bought in 2015" beside "20
                # Rafale M jets"), with a stage and a count of its own, is the family: another purchase
                # (the count of any claim of the variant's deal: one of its sentences may give none; the
                # variant letter of the catalogue's name where the text spells it out: "X Marine", "X-M")
                and not (
                    (_own_count(c, other) or _own_count_of_deal(c, other, claims))
                    and (
                        adds_variant(sysref.surface, o.surface or "")
                        or _variant_letter(sysref.surface, o.name)
                    )
                )
            ):
                _adopt_system(c, o)
                break


def _variant_letter(bare: str, name: str) -> bool:
    """Whether the catalogue name ``name`` is the bare family plus a variant letter or two ("X-M" of
    "X"); a model number ("X-100") is another model, not a variant of the bare name."""
    key, full = _key(written_form(bare)), _key(name)
    return (
        len(key) >= 4
        and full.startswith(key)
        and full[len(key) :].isalpha()
        and 0 < len(full) - len(key) <= 2
    )


def _own_count_of_deal(c: Claim, other: Claim, claims: list[Claim]) -> bool:
    """:func:`_own_count` against every claim of ``other``'s system for the same dyad that gives a count."""
    assert other.system is not None
    return any(
        _own_count(c, o)
        for o in claims
        if o.system is not None and o.system.name == other.system.name and _same_dyad(o, other)
    )


def _own_count(c: Claim, other: Claim) -> bool:
    """Whether a claim states its own stage and a count another claim's deal does not have."""
    return (
        c.status != "unknown"
        and "status" not in c.inherited
        and bool(c.quantity)
        and bool(other.quantity)
        and c.quantity != other.quantity
        and "quantity" not in c.inherited
    )


def _reconcile_classes(claims: list[Claim]) -> None:
    """One article, one dyad: a vessel named like a class the article names ("the first boat, the
    X, was launched" beside "ordered eight X-class submarines") is the class's lead ship, an item
    of the class's deal, not a second system."""
    classes = {
        (c.system.name[: -len("-class")], c.supplier.iso3 if c.supplier else None, c.buyer.iso3): c.system
        for c in claims
        if c.system is not None and c.system.name.endswith("-class")
    }
    if not classes:
        return
    for c in claims:
        sysref = c.system
        if sysref is None or sysref.name.endswith("-class"):
            continue
        o = classes.get((sysref.name, c.supplier.iso3 if c.supplier else None, c.buyer.iso3))
        if o is not None:
            _adopt_system(c, o)


def _reconcile_families(claims: list[Claim]) -> None:
    """One article, one dyad: a bare family name that states no stage of its own ("the deal also
    covers simulators for the Rafale" after a Rafale-M contract) is the variant the dyad's deal
    names, not a second deal for the family (a mention with its own trigger keeps its name)."""
    for c in claims:
        sysref = c.system
        if sysref is None or "status" not in c.inherited:
            continue
        bare = _key(sysref.name)
        if len(bare) < 4:
            continue
        for other in claims:
            o = other.system
            if (
                o is not None
                and o.name != sysref.name
                and "status" not in other.inherited
                and not other.negated
                and o.category == sysref.category
                and _key(o.name).startswith(bare)
                # a variant letter ("Rafale-M", "Igla-S", "Su-30MKI"); a generation number is another
                # model ("Heron" and "Heron-2")
                and _key(o.name)[len(bare) :].isalpha()
                and _same_dyad(other, c)
                and not _named_inside(sysref.surface, o.surface or "")
            ):
                _adopt_system(c, o)
                break


#: stages of a deal in the making: a family named at one of them beside its variant is that deal (a
#: fleet held or delivered, "already flies X", may be an earlier purchase of the family)
_DEAL_STAGES = frozenset(LIFECYCLE[: RANK["signed"] + 1]) | {"cancelled"}
#: a variant code written right after a family's designation ("CE" of "J-10CE", "A6" of "Leopard 2A6")
_CODE_TAIL = re.compile(r"[a-z]{1,3}\d{0,2}")


def _variant_of(family: str, name: str) -> bool:
    """Whether ``name`` (its first word) is the designation ``family`` plus a variant code ("J-10" and
    "J-10CE", "Leopard 2" and "Leopard-2A6", "F-35" and "F-35A Lightning II"); a generation number
    ("Heron" and "Heron-2") or a name without a number is no variant code."""
    kf = _key(family)
    head = name.split()[0] if " " in name and _DIGIT.search(name.split()[0]) else name
    kv = _key(head)
    return (
        len(kf) >= 3
        and bool(_DIGIT.search(kf))
        and kf[-1].isdigit()
        and kv.startswith(kf)
        and _CODE_TAIL.fullmatch(kv[len(kf) :]) is not None
    )


def _same_code(code: str, name: str) -> bool:
    """Whether ``name`` is the designation ``code`` with name words after it ("UH-60M" and "UH-60M Black
    Hawk"), both of one catalogue record."""
    if " " in code or " " not in name or not _DIGIT.search(code) or _key(name.split()[0]) != _key(code):
        return False
    rec = _record_of(code)
    return rec is not None and rec is _record_of(name)


def _reconcile_family_codes(claims: list[Claim]) -> None:
    """One article, one dyad, one stage: a family's bare designation ("an offer of J-10 jets") beside
    the one variant of it the article names for the dyad at that stage ("offered 42 J-10CE jets") is
    that variant, not a second system; a family with a count and stage of its own is another purchase,
    and a family beside two variants ("K2GF" and "K2PL") is left as written."""
    by_dyad: dict[tuple[str | None, str | None], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.system is not None and not c.negated:
            by_dyad[(c.supplier.iso3 if c.supplier else None, c.buyer.iso3)].append(c)
    for group in by_dyad.values():
        names = {c.system.name for c in group if c.system is not None}
        if len(names) < 2 or any(" Block " in n for n in names):
            continue  # block numbers: the bare type is the block named last (_reconcile_blocks)
        for c in group:
            fam = c.system
            assert fam is not None
            named = [n for n in names if n != fam.name and _same_code(fam.name, n)]
            if len(named) == 1:
                # "UH-60Ms" beside "UH-60M Black Hawks": one designation, the second with its name
                _adopt_system(
                    c, next(o.system for o in group if o.system is not None and o.system.name == named[0])
                )
                continue
            variants = {n for n in names if n != fam.name and _variant_of(fam.name, n)}
            if len(variants) != 1:
                continue
            (vname,) = variants
            mates = [o for o in group if o.system is not None and o.system.name == vname]
            if (
                mates[0].system.category == fam.category
                and (c.status in _DEAL_STAGES or any(o.status == c.status for o in mates))
                and not any(_own_count(c, o) for o in mates)
            ):
                _adopt_system(c, mates[0].system)


@lru_cache(maxsize=8192)
def _record_of(name: str) -> SystemRecord | None:
    """The catalogue record of a claim's system name (a designation, an alias or a variant of one)."""
    return reference.resolve_system(name) or _catalogue_variant(name)


def _reconcile_written(claims: list[Claim]) -> None:
    """One article, one dyad: a mention named by its catalogue record ("Hangor") is the designation
    the article writes for that record elsewhere ("S26T", kept as written), not a second system."""
    written: dict[str, SystemRef] = {}
    for c in claims:
        if c.system is not None:
            rec = _record_of(c.system.name)
            if (
                rec is not None
                and rec.designation != c.system.name
                and " Block " not in c.system.name
                and not c.system.name.endswith("-class")  # a class covers many boats, each its own deal
            ):
                written.setdefault(rec.designation, c.system)
    if not written:
        return
    for c in claims:
        o = written.get(c.system.name) if c.system is not None else None
        if o is not None and any(
            _same_dyad(c, other) and other.system is o for other in claims if other is not c
        ):
            _adopt_system(c, o)


def _reconcile_blocks(claims: list[Claim]) -> None:
    """One article, one dyad: the bare type name of a system the article writes with block numbers
    ("FA-50 Block 20" ... "the FA-50 ..." ... "FA-50 Block 10") is the block named last before it
    (else the first one after it), not a third system."""
    if not any(c.system is not None and " Block " in c.system.name for c in claims):
        return
    for i, c in enumerate(claims):
        sysref = c.system
        if sysref is None or " Block " in sysref.name:
            continue
        blocks = [
            (j, o)
            for j, o in enumerate(claims)
            if o.system is not None
            and o.system.name.startswith(sysref.name + " Block ")
            and o.system.category == sysref.category
            and _same_dyad(o, c)
        ]
        if blocks:
            before = [o for j, o in blocks if j < i]
            chosen = before[-1] if before else blocks[0][1]
            assert chosen.system is not None
            _adopt_system(c, chosen.system)


def _link_deals(claims: list[Claim]) -> None:
    """Carry deal-level facts between claims of one deal (recorded in ``inherited``)."""
    by_deal: dict[str, list[Claim]] = {}
    for c in claims:
        by_deal.setdefault(c.deal_key, []).append(c)
    for group in by_deal.values():
        if len(group) < 2:
            continue
        value = next((c.value for c in group if c.value and not c.negated), None)
        order_year = next((c.order_year for c in group if c.order_year and not c.negated), None)
        stated = [c for c in group if c.quantity and not c.quantity_inferred and not c.negated]
        quantity = stated[0] if stated else next((c for c in group if c.quantity and not c.negated), None)
        company = next((c.supplier_company for c in group if c.supplier_company), None)
        for c in group:
            if c.value is None and value is not None:
                c.value = dict(value)
                c.inherited.append("value")
            if c.order_year is None and order_year is not None:
                c.order_year = order_year
                c.inherited.append("order_year")
            if c.quantity is None and quantity is not None:
                c.quantity = quantity.quantity
                c.quantity_inferred = quantity.quantity_inferred
                c.inherited.append("quantity")
            if c.supplier_company is None and company is not None:
                c.supplier_company = company
                c.inherited.append("supplier_company")


def _stage_counts(claims: list[Claim]) -> None:
    """A delivery in progress whose sentence says how many have arrived ("the first three of six",
    "has received three of them") is a fact of that many: its claim carries the delivered count as
    its quantity, where another claim of the deal keeps the total (so the deal's size is not lost)."""
    for c in claims:
        if (
            c.status != "delivering"
            or c.negated
            or not c.quantity_delivered
            or c.delayed  # "delivered three, the other two are late": the late remainder is the total's
            or not c.quantity
            or c.quantity_delivered >= c.quantity
        ):
            continue
        if any(
            o is not c and o.deal_key == c.deal_key and o.quantity == c.quantity and not o.negated
            for o in claims
        ):
            c.quantity, c.quantity_inferred = c.quantity_delivered, False


#: a year in a sentence
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
#: words that make a delivery the whole of it, whatever its count ("the last 20", "all 20", "completed")
_WHOLE = re.compile(r"\b(?:all|last|final|remaining|rest|completed?|completing|completion)\b", re.IGNORECASE)


def _partial_deliveries(claims: list[Claim]) -> None:
    """A delivery of fewer items than the deal's order ("A ordered 46 X from B in 2022. B delivered 20 X to
    A in 2024.") is a delivery under way (labelling guidelines, rule 5: delivering), not the whole deal
    delivered.  Only a count the delivery sentence states itself, against a larger count of a factual
    order or approval of the same deal told in the article; not a delivery dated before that order (an
    earlier deal), nor one whose sentence calls it the last, the rest or all."""
    orders: dict[str, list[Claim]] = {}
    for c in claims:
        if (
            c.status in ("signed", "approved")
            and not c.negated
            and c.modality in (None, "reported")
            and c.quantity
            and "quantity" not in c.inherited
            and not c.quantity_inferred
        ):
            orders.setdefault(c.deal_key, []).append(c)
    if not orders:
        return
    for c in claims:
        if (
            c.status != "delivered"
            or c.negated
            or c.deal_key not in orders
            or not c.quantity
            or "quantity" in c.inherited
            or c.quantity_inferred
            or _WHOLE.search(c.evidence.text)
        ):
            continue
        years = [int(y) for y in _YEAR_IN.findall(c.evidence.text)]
        for o in orders[c.deal_key]:
            assert o.quantity is not None
            if o.quantity > c.quantity and not (o.order_year and years and min(years) < o.order_year):
                c.status = "delivering"
                break


def _settle_unknown(claims: list[Claim]) -> None:
    """A mention without its own stage of a deal whose stage the article states elsewhere takes
    that stage (recorded in ``inherited``): "the FA-50 is a proven platform ... the Philippines'
    operational experience" is the same deal as the contract sentence, not a second fact.
    A stated supplier relationship ("X is Y's main supplier") keeps ``unknown``."""
    by_triple: dict[tuple, list[Claim]] = {}
    for c in claims:
        if not c.negated:
            key = (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
            by_triple.setdefault(key, []).append(c)
    for group in by_triple.values():
        known = [c for c in group if c.status != "unknown"]
        if not known or len(known) == len(group):
            continue
        for c in group:
            if c.status != "unknown" or "supplier:relation" in c.cues:
                continue
            # a stage the same sentence states beside a purchase without its stage ("bought X in
            # 2020, and an export licence was granted") is another fact of the deal, not this one's
            own = [
                k
                for k in known
                if not (k.evidence.start == c.evidence.start and "status:also-stated" in k.cues)
            ]
            if not own:
                continue
            before = [k for k in own if k.evidence.start < c.evidence.start]
            source = before[-1] if before else own[0]
            c.status = source.status
            if "status" not in c.inherited:
                c.inherited.append("status")


#: an export notice's own words: "approving a possible Foreign Military Sale", "notifying Congress"
_NOTICE = re.compile(
    r"\bpossible (?:foreign military )?sale\b|\bnotif(?:y|ying|ied|ication)\b", re.IGNORECASE
)
#: a buyer's request in a notice: "has requested to buy", "has requested a possible sale of"
_REQUEST = re.compile(
    r"\b(?:has|have|had)\s+(?:formally\s+)?(?:requested|asked)\s+(?:to (?:buy|purchase|acquire|procure)|"
    r"(?:a |the )?(?:possible )?(?:sale|purchase) of)",
    re.IGNORECASE,
)


#: a buyer's purchase told ahead, as an intention or a plan: "A will buy N X", "would acquire", "is set to
#: buy", "plans to order", "intends to increase its order" (what the negotiating triggers read as a
#: purchase still in the works)
_INTENT_BUY = re.compile(
    r"\b(?:will|would|shall|(?:is|are|was|were)\s+(?:set|poised|due|slated|scheduled)|set|poised|plans?|planned|"
    r"planning|intends?|intended|aims?|aiming)\s+(?:(?:also|now|soon|still|eventually|instead|\w+ly)\s+)?"
    r"(?:to\s+)?(?:buy|acquire|purchase|procure|order|increase (?:its|their|the) order|be (?:bought|"
    r"purchased|acquired|procured))\b",
    re.IGNORECASE,
)
#: words of talks proper (labelling guidelines, rule 5: talks, negotiations, MoUs): such a sentence
#: states a negotiation whatever else the article says of the deal
_TALKS_WORD = re.compile(
    r"\b(?:negotiat\w*|talks|discuss\w*|memorandum|MoU|letter of (?:intent|request)|request\w*|tenders?|"
    r"shortlist\w*|bargain\w*|haggl(?:e|es|ed|ing)|close to|near(?:ing|s)? (?:a |the )?deal|final stages?|bids?|offers?)\b",
    re.IGNORECASE,
)


#: a government's clearance (not a buyer's choice): the approvals a purchase told ahead belongs to; the
#: approval words are the stage vocabulary's own (:data:`kg.extract.vocabulary._APPROVE`), plus an
#: export notice ("notified", "notification")
_NOTICE_WORD = re.compile(r"\bnotif\w*", re.IGNORECASE)


def _clearance(text: str) -> bool:
    """Whether ``text`` states a government's clearance (approval words or an export notice)."""
    return _APPROVE.search(text) is not None or _NOTICE_WORD.search(text) is not None


def _settle_intents(claims: list[Claim]) -> None:
    """A purchase told ahead ("India will buy 18 of them in fly-away state", "the army is set to buy N
    X", "the government said it would buy them in phases") of a deal the article reports approved or
    signed is that deal's content, not talks of its own (labelling guidelines, rule 5: negotiating is
    talks, negotiations, MoUs; an intention is no fact): the claim takes the deal's stated stage, the
    latest of its factual approved or signed claims (recorded in ``inherited``).  An approval counts
    only as a clearance ("approved", "cleared", "notified"): after a buyer's mere choice ("selected the
    X") the talks still follow.  A deal only intended, or one with talks words in the sentence ("will
    buy ... after talks"), keeps its stage."""
    stages: dict[str, list[str]] = {}
    for c in claims:
        if (
            c.status in ("approved", "signed")
            and not c.negated
            and c.modality in (None, "reported")
            and (c.status == "signed" or _clearance(c.evidence.text))
        ):
            stages.setdefault(c.deal_key, []).append(c.status)
    if not stages:
        return
    for c in claims:
        if (
            c.status != "negotiating"
            or c.negated
            or c.deal_key not in stages
            or _INTENT_BUY.search(c.evidence.text) is None
            or _TALKS_WORD.search(c.evidence.text) is not None
        ):
            continue
        c.status = latest_stage(stages[c.deal_key]) or c.status
        if "status" not in c.inherited:
            c.inherited.append("status")


def _settle_requests(claims: list[Claim]) -> None:
    """A buyer's request for a sale the article reports approved ("X has requested to buy ...",
    the standard text of an export-approval notice) is that approval's request, not separate
    talks: the request claim takes the approved stage (recorded in ``inherited``)."""
    approved = {
        (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
        for c in claims
        if c.status == "approved" and not c.negated
    }
    if not approved:
        return
    # the dyads an export notice approves ("approving a possible Foreign Military Sale", "notifying
    # Congress"): the notice's request sentence ("The recipient has requested to buy N X; M Y; and
    # K Z") lists what it approves, each item, also one no other sentence names
    noticed = {
        (c.supplier.iso3 if c.supplier else None, c.buyer.iso3)
        for c in claims
        if c.status == "approved" and not c.negated and _NOTICE.search(c.evidence.text)
    }
    for c in claims:
        if c.status != "negotiating" or c.negated:
            continue
        key = (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
        notice_request = (key[0], key[1]) in noticed and _REQUEST.search(c.evidence.text) is not None
        request = any(cue.startswith("buyer:subject:request") for cue in c.cues)
        if notice_request or (request and key in approved):
            c.status = "approved"
            if "status" not in c.inherited:
                c.inherited.append("status")
