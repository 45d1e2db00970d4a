"""Items of a bulleted list under a lead-in line: "In recent years it has received:" then
"- X air-defence systems", "- Y jet trainers".

Why a stage of its own: news copy (fact boxes, "what the package includes", "key points") puts the
verb and the parties in the lead-in line and only the items on the bullet lines below it.  A bullet
line naming a system but no party and no stage word is not a sentence the general steps can read:
its system was left unplaced.  Each such item is one more transfer of the deal the lead-in tells
(its own claim, else the deal in context), at the lead-in's stage.  A bullet that names its own
parties or stage ("- two X from Y") is read by the general steps; when it names a seller but no
verb ("- Y drones from Z."), the general steps place nothing, and it is the next item of the list
its sibling line opened (:func:`sibling_claims`).  A lead-in without a stage word ("Key features of
the ship:", "Key facts:") lists properties, not transfers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.entities import Mention
from kg.extract.model import Claim, Evidence, PartyRef, no_details
from kg.extract.parties import _system_ref
from kg.extract.quantities import parse_number
from kg.extract.triggers import _triggers
from kg.vocab import reference
from kg.vocab.statuses import CONTRACTED

#: the marks that open a bullet line (masked to spaces in the masked text: read on the raw text)
_MARKS = ("-", "*", "\u2022", "\u2013", "\u00b7")
#: the stages a lead-in may hand down to its items (a request, an offer or a cancellation of a whole
#: list is rarer in fact boxes and riskier: each item would be a separate bid or loss)
_LEAD_STAGES = frozenset(CONTRACTED) | {"approved"}


def is_bullet(text: str, a: int) -> bool:
    """Whether the clause at ``a`` opens a bullet line: only a bullet mark and spaces before it on its line."""
    line = text.rfind("\n", 0, a) + 1
    head = text[line:a].strip()
    return head in _MARKS


def lead_in_stage(s: str) -> str | None:
    """The stage a lead-in line hands down to the bullet items below it ("it has received:",
    "the cabinet approved:"), None when ``s`` is no lead-in (no closing colon) or names no stage."""
    if not s.rstrip().endswith(":"):
        return None
    for st, _lo, _hi, _word in _triggers(s):
        if st in _LEAD_STAGES:
            return st
    return None


def bullet_claims(ref: Claim, stage: str, mentions: list[Mention], a: int, b: int, text: str) -> list[Claim]:
    """One claim per system of a bullet line (``mentions``: the line's): ``ref``'s parties (the
    lead-in's deal), the lead-in's stage."""
    if ref.supplier is None or ref.negated or any(m.kind == "party" for m in mentions):
        return []  # a bullet naming a state or a firm tells its own deal (or a domestic one)
    if ref.system is not None and any(
        m.system is not None and _system_ref(m, "").name == ref.system.name for m in mentions
    ):
        return []  # the deal's own item again ("six X with Y radar"): the others are its parts
    out: list[Claim] = []
    seen: set[str] = set()
    sup = ref.supplier.iso3 or ref.supplier.name
    for m in mentions:
        if m.kind != "system" or m.system is None:
            continue
        sys_ref = _system_ref(m, text[m.end : m.end + 60])
        if sys_ref.name in seen:
            continue
        if sys_ref.origin_iso3 and sys_ref.origin_iso3 != ref.supplier.iso3:
            continue  # another state's make: the list is not (only) the deal's ("what was cleared:")
        seen.add(sys_ref.name)
        out.append(
            replace(
                ref,
                **no_details(),
                system=sys_ref,
                system_source="catalogue" if m.form == "catalogue" else "pattern",
                status=stage,
                evidence=Evidence(text[a:b], a, b),
                confidence=0.5,
                deal_key=f"{sup}>{ref.buyer.iso3}:{sys_ref.name}:original",
                cues=[
                    "supplier:context",
                    "buyer:context",
                    f"system:{'catalogue' if m.form == 'catalogue' else 'pattern'}",
                    "status:trigger",
                ],
            )
        )
    return out


#: the words before a seller named on a bullet line ("X drones from ", "Y radars supplied by the ")
_SOURCE_BEFORE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?\Z")
#: a count opening a bullet line ("- 13 X radars", "- two X aircraft")
_LINE_COUNT = re.compile(r"\s*[-*\u2022\u2013\u00b7]?\s*(\d{1,4}|[a-z]+)\s")


def sibling_claims(
    sibling: Claim, stage: str, mentions: list[Mention], a: int, b: int, text: str
) -> list[Claim]:
    """The item of a bullet line that names its own seller but no stage ("- X drones from A", "- N Y
    radars from A's firm", "- X trainers, also A-ian"), in a list whose bullet before it told a deal
    (``sibling``): the list is one buyer's acquisitions, so the item is a transfer from that seller to
    the sibling's buyer.  A line with no verb is no sentence the general steps can read.  Its stage is
    the lead-in's (``stage``, else unknown); its count the one opening the line."""
    states = {m.iso3 for m in mentions if m.kind == "party" and m.iso3}
    systems = [m for m in mentions if m.kind == "system" and m.system is not None]
    if len(states) != 1 or not systems or sibling.buyer.iso3 in states or sibling.negated:
        return []  # no seller, several, or the buyer named: the line tells its own kind of fact
    seller = next(m for m in mentions if m.kind == "party" and m.iso3)
    if not (
        seller.form == "demonym"
        or _SOURCE_BEFORE.search(text, max(0, seller.start - 12), seller.start)
        or text.startswith(("'s", "\u2019s"), seller.end)
    ):
        return []  # a state named as no source of the item ("- X, now retired in A")
    rec = reference.country_by_iso3(seller.iso3)
    if rec is None:
        return []
    first = systems[0]
    count = _LINE_COUNT.match(text, a, first.start)
    out: list[Claim] = []
    for m in systems:
        sys_ref = _system_ref(m, text[m.end : m.end + 60])
        if any(c.system is not None and c.system.name == sys_ref.name for c in out):
            continue
        out.append(
            replace(
                sibling,
                **{
                    **no_details(),
                    "quantity": parse_number(count.group(1)) if count and m is first else None,
                },
                supplier=PartyRef(rec.name, rec.iso3, "country"),
                supplier_company=None,
                system=sys_ref,
                system_source="catalogue" if m.form == "catalogue" else "pattern",
                status=stage,
                evidence=Evidence(text[a:b], a, b),
                confidence=0.45,
                negated=False,
                deal_key=f"{rec.iso3}>{sibling.buyer.iso3}:{sys_ref.name}:original",
                cues=[
                    "supplier:from",
                    "buyer:context",
                    f"system:{'catalogue' if m.form == 'catalogue' else 'pattern'}",
                    "status:inherited" if stage != "unknown" else "status:none",
                ],
            )
        )
    return out
