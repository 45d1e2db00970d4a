"""Sentences that state two transfers, cut into their clauses before roles are read.

Why a stage of its own: roles are read per sentence, so a sentence with two transfers lends the
parties of one to the other ("A sent X to B, and C delivered Y to A" pairs C's Y with B).  Two
shapes are cut, each only when both sides name a system:

* a swap: "N X donated by A in return for the Y that B sent to C" (the legs of the exchange);
* coordinated transfers: "..., and C delivered Y to A", "..., and C ordered N Y": a conjunction
  followed by a state and its own transfer verb, with its own counterpart or as the buyer (a seller
  without a counterpart shares the first clause's).

Each clause is then read as its own sentence (same article offsets).
"""

from __future__ import annotations

import bisect
import re

from kg.extract.entities import Mention
from kg.extract.patterns import _ITEMS_ALL
from kg.extract.triggers import _triggers

#: "in return for", "in exchange for": the second leg of a swap follows
_SWAP = re.compile(
    r",?\s+\b(?:in (?:return|exchange|compensation) for|as (?:compensation|a replacement) for)\s+"
)
_SWAP_WORDS = (" return for", " exchange for", " compensation for", " replacement for")
#: a conjunction right before a state that starts a new clause
_AND_BEFORE = re.compile(r"(?:,\s*(?:and|while|whereas|but)|;|\s+and|\s+while)\s+(?:the\s+)?\Z")
#: a subordinate clause of reason or time right before a state ("because B's own X ...")
_BECAUSE_BEFORE = re.compile(r"\s+(?:because|as|since|after|while)\s+(?:the\s+)?\Z")
#: ... whose subject is that state's own item with a finite verb ("'s own US-built X are arriving")
_OWNER_ITEM_VERB = re.compile(
    r"(?:'s|’s)\s+(?:own\s+)?(?:[\w-]+\s+){0,3}?[A-Z][\w-]*\d?[\w/-]*s?\s+(?:are|were|is|was|have|has|had)\b"
)
#: ... whose own transfer verb follows within a few words
_OWN_VERB = re.compile(
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?\s+(?:\w+\s+){0,2}?(?:sent|sends|delivered|delivers|sold|sells|supplied|supplies|gave|gives|donated|"
    r"donates|transferred|transfers|handed|hands|shipped|ships|exported|exports|ordered|orders|bought|buys|"
    r"received|receives|signed for|signs for|is buying|are buying|(?:will|would)\s+(?:\w+\s+)?(?:send|deliver|sell|supply|give|donate|transfer|hand|ship|buy|"
    r"order|receive|get))\b"
)


#: "is buying the same gun", "ordered a similar system": the first clause's item is the deal in context's
_SAME_ITEM = re.compile(
    r"\b(?:the same|a similar|an identical|the identical)\s+(?:[\w-]+\s+){0,2}?(?:" + _ITEMS_ALL + r")\b",
    re.IGNORECASE,
)
_SAME_WORDS = ("the same ", "similar ", "identical ")

#: two states of one coordinated subject ("A and B", "A, B")
_JOINED = re.compile(r"\s+and\s+(?:the\s+)?|\s*,\s*")

#: ... a buying verb: its subject is the second clause's buyer, whatever the first clause names
_BUY_VERB = re.compile(
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?\s+(?:\w+\s+){0,2}?(?:ordered|orders|bought|buys|signed for|signs for|is buying|are buying|will buy|would buy)\b"
)


def split_clauses(
    spans: list[tuple[int, int]], text: str, mentions: list[Mention]
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], tuple[int, int]]]:
    """``spans`` (sentences) with swaps and coordinated transfers cut into their clauses, and the
    sentence of each cut clause (a claim's evidence stays the whole sentence)."""
    starts = [m.start for m in mentions]
    out: list[tuple[int, int]] = []
    whole: dict[tuple[int, int], tuple[int, int]] = {}
    for a, b in spans:
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        systems = [m for m in mentions[lo:hi] if m.kind == "system"]
        same = None
        if len(systems) == 1 and any(w in text[a:b] for w in _SAME_WORDS):
            same = _SAME_ITEM.search(text, a, systems[0].start)
        if len(systems) == 1 and same is None:
            # "A received shells from B, and C-designed X drones are now built in D": the one system
            # is the subject of a clause of its own, not an item of the first clause's deal
            cut = _own_subject_cut(text, a, systems[0], mentions[lo:hi])
            if cut is not None:
                out += [(a, cut[0]), (cut[1], b)]
                whole[(a, cut[0])] = whole[(cut[1], b)] = (a, b)
                continue
        lost = _lost_bid_cut(text, a, b, systems) if systems and "lost " in text[a:b] else None
        if lost is not None:
            out += [(a, lost[0]), (lost[1], b)]
            whole[(a, lost[0])] = whole[(lost[1], b)] = (a, b)
            continue
        if len(systems) < 2 and same is None:
            out.append((a, b))
            continue
        # "A is buying the same gun, and B has bought the X": the first clause's item stands in for
        # a system of its own (the deal in context's)
        sides = (
            systems
            if same is None
            else [Mention("system", same.start(), same.end(), same.group(0), "same"), *systems]
        )
        cut = (
            _swap_cut(text, a, b, sides)
            or _coordination_cut(text, a, b, mentions[lo:hi], sides)
            or (_distinct_items_cut(text, a, b, mentions[lo:hi], sides) if same is None else None)
        )
        if cut is None:
            out.append((a, b))
        else:
            out += [(a, cut[0]), (cut[1], b)]
            whole[(a, cut[0])] = whole[(cut[1], b)] = (a, b)
    return out, whole


#: ", and" opening a clause whose subject is an item: up to four modifiers ("Iranian-designed",
#: "the new") before the system mention
_AND_ITEM_BEFORE = re.compile(r",\s+(?:and|while|but)\s+(?:(?:the|its|their|some|many|[\w-]+)\s+){0,4}\Z")
#: ... and the finite verb right after the item (its nouns, then "are/were/is/was/have been")
_ITEM_VERB_AFTER = re.compile(
    r"(?:'s)?(?:\s+[a-z][\w-]*){0,2}?\s+(?:are|were|is|was|have been|has been|had been|will be|remain|remains)\b"
)


def _own_subject_cut(text: str, a: int, m: Mention, mentions: list[Mention]) -> tuple[int, int] | None:
    """(end of the first clause, start of the second) where the sentence's one system is the subject
    of a coordinate clause of its own (see :data:`_AND_ITEM_BEFORE`) and is qualified by a state the
    first clause does not name ("..., and C-designed X are built in D"), else None: an item of
    the first clause's deal ("..., and the X tanks are due in 2026") stays with it."""
    gap = _AND_ITEM_BEFORE.search(text, max(a, m.start - 60), m.start)
    if gap is None or gap.start() <= a or not _ITEM_VERB_AFTER.match(text, m.end, m.end + 60):
        return None
    first = {p.party.key for p in mentions if p.kind == "party" and p.party and p.start < gap.start()}
    own = [p for p in mentions if p.kind == "party" and p.party and gap.start() < p.start < m.start]
    if not own or any(p.party.key in first for p in own if p.party):
        return None
    start = gap.start() + 1
    while start < m.start and text[start].isspace():
        start += 1
    return gap.start(), start


#: a lost bid naming no system ("A lost out to B in C") and the coordinate clause after it
_LOST_BID_AND = re.compile(
    r"\blost\s+(?:out\s+)?(?:(?:an?|the)\s+[^,;]{0,40}?)?\bto\b[^,;]{0,80}?(?P<gap>,\s+(?:and|while|but|whereas)\s+)"
)


def _lost_bid_cut(text: str, a: int, b: int, systems: list[Mention]) -> tuple[int, int] | None:
    """(end, start) of "A lost out to B in C, and D <verb> X": a lost bid names no system, so the
    systems of the next clause are not what A offered (its own clause is read apart), else None."""
    m = _LOST_BID_AND.search(text, a, b)
    if m is None or any(x.start < m.start("gap") for x in systems):
        return None
    return m.start("gap"), m.end("gap")


def _both_sides(systems: list[Mention], left: int, right: int) -> bool:
    return any(m.end <= left for m in systems) and any(m.start >= right for m in systems)


def _swap_cut(text: str, a: int, b: int, systems: list[Mention]) -> tuple[int, int] | None:
    """(end of the first leg, start of the second) of a swap, else None."""
    span = text[a:b]
    if not any(w in span for w in _SWAP_WORDS):
        return None
    m = _SWAP.search(text, a, b)
    if m is None or not _both_sides(systems, m.start(), m.end()):
        return None
    return m.start(), m.end()


def _coordination_cut(
    text: str, a: int, b: int, mentions: list[Mention], systems: list[Mention]
) -> tuple[int, int] | None:
    """(end of the first clause, start of the second) of "..., and STATE <transfer verb> ...", else None."""
    prev_end = -1
    for p in mentions:
        if p.kind != "party" or p.form == "demonym" or p.start <= a:
            continue
        joined = prev_end >= 0 and _JOINED.fullmatch(text, prev_end, p.start) is not None
        prev_end = p.end
        if joined:
            continue  # the second state of "A and B have bought ...": the clause starts at A
        gap = _AND_BEFORE.search(text, max(a, p.start - 16), p.start)
        if gap is None:
            reason = _BECAUSE_BEFORE.search(text, max(a, p.start - 16), p.start)
            if (
                reason is not None
                and _OWNER_ITEM_VERB.match(text, p.end, min(b, p.end + 80))
                and _both_sides(systems, reason.start(), p.start)
            ):
                return reason.start(), p.start  # "..., because B's own X are arriving late": B's own deal
            continue
        if not _OWN_VERB.match(text, p.end, min(b, p.end + 40)):
            continue
        # the second clause names its own counterpart ("... to A"); else it shares the first's
        # ("X supplied A with Y, while B has sent Z": A receives Z too)
        own = _BUY_VERB.match(text, p.end, min(b, p.end + 40)) is not None or any(
            q.kind == "party" and q.form != "demonym" and q.start > p.end for q in mentions
        )
        if own and _both_sides(systems, gap.start(), p.start):
            return gap.start(), p.start
    return None


#: a break between coordinate clauses: "; ", ", and ", ", while ", ", whereas ", ", but "
_COORD_BREAK = re.compile(r";\s+|,\s+(?:and|while|whereas|but)\s+")
#: the words between a break and the next clause's verb when that clause has no subject of its own
#: ("..., and in 2021 took delivery of Y", "..., and also operates Y"): a verb phrase coordinated
#: with the first clause's, whose subject it shares (not cut: the subject would be lost)
_SUBJECTLESS = re.compile(
    r"(?:(?:(?:in|by|since|from)\s+(?:early\s+|late\s+|mid-)?(?:19|20)\d\d|last\s+year|this\s+year|"
    r"also|then|later|now|since|so\s+far|already|recently|has|have|had|is|are|was|were|will|would)"
    r",?\s+)*"
)


def _item_names(systems: list[Mention]) -> set[str]:
    return {m.system.designation if m.system else m.text for m in systems} | {m.text for m in systems}


def _distinct_items_cut(
    text: str, a: int, b: int, mentions: list[Mention], systems: list[Mention]
) -> tuple[int, int] | None:
    """(end, start) of the first coordinate break with a clause on each side that names its own
    item (a system the other clause does not name) and states its own stage (a trigger), else None:
    "A bought X from B, and in 2021 took delivery of Y from C", "A's army ordered X from B, and the
    air force has received N Y from C", "A has offered X, and D answered with an offer of Y".  Roles
    and stages are read per sentence, so uncut, one clause's seller, buyer or stage goes to the other
    clause's item."""
    breaks = list(_COORD_BREAK.finditer(text, a, b))
    if not breaks:
        return None
    trig = [(t[1] + a, t[2] + a) for t in _triggers(text[a:b])]
    parties = [m for m in mentions if m.kind == "party"]
    lo = a
    for brk in breaks:
        left = [m for m in systems if lo <= m.start and m.end <= brk.start()]
        right = [m for m in systems if m.start >= brk.end()]
        nxt = next((x.start() for x in breaks if x.start() > brk.start()), b)
        if (
            left
            and right
            and not (_item_names(left) & _item_names(right))
            and any(lo <= t0 < brk.start() for t0, _t1 in trig)
            and any(brk.end() <= t0 < nxt for t0, _t1 in trig)
            and not _SUBJECTLESS.fullmatch(text, brk.end(), min(t0 for t0, _t1 in trig if t0 >= brk.end()))
            and not _shares_counterpart(parties, lo, brk.start(), brk.end(), nxt, trig)
            and not _list_member(text, brk.end(), right[0], trig)
        ):
            return brk.start(), brk.end()
    return None


#: the words between a break and the item that heads a list's last member ("..., and FA-50 jets")
_LIST_HEAD = re.compile(r"(?:(?:the|its|their|some|all|both|\d[\d,]*|[a-z][\w-]*)\s+){0,3}")
#: a relative or participle phrase after a list member: ", the first of which", ", which", " delivered in"
_MEMBER_PHRASE = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2},\s+(?:[\w-]+\s+){0,4}?(?:which|that|who)\s+[^.;,]*\Z"
    r"|(?:\s+(?!(?:is|are|was|were|has|have|had|will|would|be|been)\b)[a-z][\w-]*){0,2}\s+\Z"
)


def _list_member(text: str, start: int, item: Mention, trig: list[tuple[int, int]]) -> bool:
    """Whether the clause after a break is the last member of a list of items ("bought X, Y, and Z,
    the first of which arrived in 2023"): it opens with its item, and its verb sits in a relative or
    participle phrase of that item (no finite predicate of its own)."""
    if _LIST_HEAD.fullmatch(text, start, item.start) is None:
        return False
    verb = min((t0 for t0, _t1 in trig if t0 >= item.end), default=None)
    return verb is not None and _MEMBER_PHRASE.fullmatch(text, item.end, verb) is not None


def _shares_counterpart(
    parties: list[Mention], lo: int, end: int, start: int, nxt: int, trig: list[tuple[int, int]]
) -> bool:
    """Whether the clause after a break names no party but its subject while the clause before it
    names two (a seller and a counterpart, demonyms too): "A has supplied B with X, while C has sent Y",
    "an A-ian X was shelved so that B-ian pilots focus on Y, while a C-ian package of Z is held up" (B
    receives Y and Z too: the second clause leans on the first's counterpart, the two are read together)."""
    own = [p for p in parties if start <= p.start < nxt]
    verb = min((t0 for t0, _t1 in trig if t0 >= start), default=nxt)
    others = [p for p in own if not (p is own[0] and p.start < verb)]
    first = {p.iso3 or p.text for p in parties if lo <= p.start and p.end <= end}
    return not others and len(first) >= 2


#: a relative or appositive phrase right after an item, up to its clause's end: " that A donated in
#: 2017", ", which B sold", ", a C sale cleared in 2022", ", an order A placed in 2021"
_ITEM_PHRASE = re.compile(
    r"(?:[^\S\n]+[a-z][\w-]*){0,2}?(?:,\s+(?:which|whom)\b|\s+(?:that|which)\b|,\s+(?:an?|the)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:sale|deal|order|contract|purchase|package)\b)[^,;.:()]*"
)
#: a short gap inside a list of items: "X and Y", "X, Y", "X fighters and Y"
_ITEM_LIST_GAP = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?(?:\s*,\s*|\s+and\s+)(?:(?:the|its|some|\d+)\s+)?")


def item_phrases(text: str, systems: list[Mention]) -> list[tuple[int, int, list[Mention]]]:
    """(start, end, items) of each relative or appositive phrase that describes the items right before
    it (a list of them: "the X and Y that A and B donated"): the states it names are those items' parties,
    never another item's ("Z was handed over, alongside the X that A donated": A gave X, not Z)."""
    out: list[tuple[int, int, list[Mention]]] = []
    group: list[Mention] = []
    for i, m in enumerate(systems):
        if group and _ITEM_LIST_GAP.fullmatch(text, group[-1].end, m.start) is None:
            group = []
        group.append(m)
        nxt = systems[i + 1].start if i + 1 < len(systems) else len(text)
        ph = _ITEM_PHRASE.match(text, m.end, nxt)
        if ph is not None and ph.end() > ph.start():
            out.append((ph.start(), ph.end(), list(group)))
    return out
