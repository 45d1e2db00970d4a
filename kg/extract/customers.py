"""Earlier customers named beside a deal: "X became the third buyer of the Y after A and B",
"X joins A and B as operators of the Y", "other operators of the Y include A and B", "has sold the Y to a
dozen countries, including A and B", "a backlog including orders from A and B", "A and B are among the
countries that have ordered the Y".

Why a stage of its own: the states of such a list are not parties to the sentence's deal (the
general role step must not pair them with it), but each of them is a fact of its own: an
earlier purchase of the same system from the same supplier.  Per the labelling guidelines a
purchase without its stage is ``unknown``; "operators"/"users" state the system in service
(``delivered``).  The system and its supplier come from the sentence's own claim, else from the
deal the sentence refers back to ("the design", "the Swedish fighter").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract._fastre import NeedsRx, required_words
from kg.extract.entities import Mention
from kg.extract.model import Claim, Evidence, PartyRef
from kg.extract.vocabulary import CUSTOMER_NOUN, NTH_CUSTOMER, TRIGGERS
from kg.vocab.statuses import DELIVERY

_NOUNS = "(?P<noun>" + CUSTOMER_NOUN + ")"
#: "the third (European|export) buyer of the K9 after A and B"
_NTH_AFTER = re.compile(
    r"\b" + NTH_CUSTOMER.replace(CUSTOMER_NOUN, _NOUNS, 1) + r"\s+(?P<list>[^.;]{3,160})", re.IGNORECASE
)
#: "joins A and B as operators of the Y"
_JOINS = re.compile(
    r"\bjoin(?:s|ed|ing)?\s+(?P<list>[^.;]{3,120}?)\s+as\s+(?:(?:an?|the|other|fellow)\s+)?(?:[\w-]+\s+){0,2}?"
    + _NOUNS
    + r"\b",
    re.IGNORECASE,
)
#: "(other) operators of the Y include A and B"
_INCLUDE = re.compile(
    r"\b(?:other|existing|current|previous|earlier)\s+" + _NOUNS + r"\s+(?:of|for)\s+[^.;]{2,60}?\s+"
    r"(?:include|includes|included|are|were)\s+(?P<list>[^.;]{3,160})",
    re.IGNORECASE,
)
#: "after buyers that include A and B", "its customers, such as A and B": the item's earlier buyers told
#: by a buyer noun and its list (not "potential/prospective buyers include": see _PROSPECTIVE)
_BUYERS_INCLUDE = re.compile(
    r"\b(?P<noun>buyers|customers|clients)\s*,?\s+(?:(?:that|which|who)\s+)?(?:include|included|including|"
    r"such as|among them)\s+(?P<list>[^.;]{3,160})",
    re.IGNORECASE,
)
#: the adjectives of customers still to come ("potential buyers include A"): no purchase
_PROSPECTIVE = re.compile(
    r"\b(?:potential|possible|prospective|likely|future|target|interested|would-be|new|candidate)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
#: "A has put forward the X, the boat it has sold to B and C", "the Y, which it exported to B": the
#: item's earlier sales, told in a relative clause or an appositive (no customer noun: a bare sale
#: verb, ``unknown``)
_SOLD_TO = re.compile(
    r"(?:,\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:(?:that|which)\s+)?|\s+(?:that|which)\s+)(?:it|they)\s+"
    r"(?:(?:has|have|had|already|previously|also|since)\s+){0,2}(?:sold|exported)\s+(?:it\s+|them\s+)?to\s+"
    r"(?P<noun>)(?P<list>[^.;]{3,160})",
    re.IGNORECASE,
)
#: "has sold the X to more than a dozen countries, including A, B and C": the item's earlier buyers
#: counted by a state noun and named by an example list (the sale verb gives the stage)
_SOLD_TO_STATES = re.compile(
    r"\b(?P<verb>sold|exported|supplied|delivered)\s+(?:[^.;]{0,60}?\s+)?to\s+(?:more than\s+|over\s+|at least\s+|"
    r"about\s+|some\s+|nearly\s+|around\s+)?(?:a dozen|dozens of|a number of|\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many|numerous|other)\s+(?:[\w-]+\s+)?(?P<noun>countries|nations|states|customers|"
    r"militaries|navies|air forces|armies)\s*,?\s+(?:including|among them|such as)\s+(?P<list>[^.;]{3,160})",
    re.IGNORECASE,
)
#: "a backlog of N X, including orders from A, B and C": each state of the list has ordered the item
_ORDERS_FROM = re.compile(
    r"\b(?:including|among them|such as|with)\s+(?:export\s+|firm\s+)?(?P<noun>orders)\s+from\s+(?P<list>[^.;]{3,160})",
    re.IGNORECASE,
)
#: "A, B and C are among the countries that have ordered the X": the list before its state noun
_AMONG_STATES = re.compile(
    r"\s+(?:are|were)\s+(?:also\s+)?among\s+the\s+(?:[\w-]+\s+)?(?P<noun>countries|nations|customers|buyers|"
    r"operators|users)\s+(?:that|which|who)\s+(?:have\s+|had\s+|already\s+){0,2}(?P<verb>ordered|bought|"
    r"purchased|acquired|operate|use|fly|field|received)\b",
    re.IGNORECASE,
)
#: the stage each verb of those three patterns states (a bare sale or purchase is ``unknown``)
_VERB_STAGE = {
    "ordered": "signed",
    "orders": "signed",
    "supplied": "delivered",
    "delivered": "delivered",
    "received": "delivered",
    "operate": "delivered",
    "use": "delivered",
    "fly": "delivered",
    "field": "delivered",
}
_SOLD_TO_STATES = NeedsRx(_SOLD_TO_STATES, needs=("including", "among them", "such as"))
_ORDERS_FROM = NeedsRx(_ORDERS_FROM, needs=("orders from",))
_AMONG_STATES = NeedsRx(_AMONG_STATES, needs=("among the",))
#: the customer nouns every match of the three list patterns holds (their word prefilter, NeedsRx):
#: a sentence with "after" or "other" but no such noun skips the case-insensitive scans, which try
#: every alternative at every position (2% of the extractor's regex time)
_NOUN_WORDS = required_words(CUSTOMER_NOUN) or ()
_NTH_AFTER, _INCLUDE = NeedsRx(_NTH_AFTER, needs=_NOUN_WORDS), NeedsRx(_INCLUDE, needs=_NOUN_WORDS)
_BUYERS_INCLUDE = NeedsRx(_BUYERS_INCLUDE, needs=("buyer", "customer", "client"))
_JOINS = NeedsRx(_JOINS)
#: the stages a relative clause on a listed customer may state, a delivery first (it outranks the
#: order told beside it), and their trigger patterns
_CLAUSE_STAGES: tuple[str, ...] = (*DELIVERY, "signed")
_STAGE_RX = {st: rx for st, rx in TRIGGERS if st in _CLAUSE_STAGES}
#: a bare purchase verb states no stage of its own (labelling rule 5: "bought" is unknown)
_BARE_PURCHASE = re.compile(r"bought|buys|purchased|acquired|acquires|procured", re.IGNORECASE)
_KEYWORDS = (
    "after",
    "following",
    "join",
    "includ",
    " are ",
    " were ",
    " sold ",
    " exported ",
    "such as",
    "among them",
    "among the",
    "orders from",
)
#: the gap between two states of one list
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as well as\s+)(?:the\s+)?$")
#: the list ends at a new clause
_LIST_END = re.compile(r",\s+(?:which|who|where|while|but|although)\b|\s+(?:but|while|whereas)\s")


#: (the listed states, their status, the phrase's span, the buyer cue, the states whose status differs:
#: those listed after a relative clause on an earlier member take the noun's reading, not the clause's)
Found = tuple[list[Mention], str, tuple[int, int], str, dict[int, str]]


_COMMA_END = re.compile(r",\s+(?:the\s+)?$")


def _tail_after_clause(s: str, a: int, lo: int, hi: int, mentions: list[Mention]) -> list[Mention]:
    """The states that close a list after a relative clause on its member ("A, which has ordered N X,
    B, and C."): a run of states from a comma to the sentence's end, each joined by a list gap."""
    states = [
        p
        for p in mentions
        if p.kind == "party" and p.party is not None and p.party.kind == "country" and p.form != "demonym"
        if lo <= p.start - a < hi
    ]
    tail: list[Mention] = []
    end = len(s.rstrip(" .\n"))
    for p in reversed(states):
        gap = s[p.end - a : tail[0].start - a] if tail else s[p.end - a : end]
        if (tail and not _LIST_GAP.match(gap)) or (not tail and gap.strip()):
            break
        tail.insert(0, p)
    if len(tail) >= 2 and _COMMA_END.search(s, lo, tail[0].start - a):
        return tail
    return []


def listed_customers(s: str, a: int, mentions: list[Mention]) -> Found | None:
    """(the states of an earlier-customer list, their status, the phrase's span in the article, the
    buyer cue: ``listed-customer`` for a list after a buyer noun, else ``earlier-customer``) in
    sentence ``s`` at offset ``a``; the systems of a relative clause on the list ("after A, which
    builds its own Z") follow the states (no party, they only leave the sentence's deal)."""
    low = s.lower()
    if not any(k in low for k in _KEYWORDS):
        return None
    among = _listed_before(s, a, mentions)
    if among is not None:
        return among
    for rx in (_NTH_AFTER, _JOINS, _INCLUDE, _BUYERS_INCLUDE, _SOLD_TO, _SOLD_TO_STATES, _ORDERS_FROM):
        m = rx.search(s)
        counted = rx is _SOLD_TO_STATES or rx is _ORDERS_FROM
        if m is None or (m.group("noun").lower().startswith(("countr", "nation")) and not counted):
            # "the third country after A to field it": A is kept out of the deal by the role step
            # (earlier buyer); only buyer/customer/operator/user nouns name A's own purchase here
            continue
        if rx is _BUYERS_INCLUDE and _PROSPECTIVE.search(s, 0, m.start()):
            continue
        lo, hi = m.start("list"), m.end("list")
        end = _LIST_END.search(s, lo, hi)
        if end is not None:
            hi = end.start()
        states: list[Mention] = []
        for p in mentions:
            if p.kind != "party" or p.party is None or p.party.kind != "country" or p.form == "demonym":
                continue
            if not lo <= p.start - a < hi:
                continue
            gap = s[(states[-1].end - a) if states else lo : p.start - a]
            if states and not _LIST_GAP.match(gap):
                break
            if not states and gap.strip() not in ("", "the"):
                break
            states.append(p)
        own: str | None = None
        tail: list[Mention] = []
        if states and end is not None and end.group(0).lstrip(", ").startswith(("which", "who", "where")):
            # "after A, which builds its own version as the Z": Z is the listed customer's, not the deal's
            stop = _LIST_END.search(s, end.end())
            clause_end = stop.start() if stop else len(s)
            tail = _tail_after_clause(s, a, end.end(), clause_end, mentions)
            if tail:
                clause_end = s.rindex(",", end.end(), tail[0].start - a)
            states += [x for x in mentions if x.kind == "system" and end.end() <= x.start - a < clause_end]
            own = _clause_stage(s[end.end() : clause_end])
        if states:
            noun = m.group("noun").lower()
            verb = m.group("verb").lower() if rx is _SOLD_TO_STATES else noun
            plain = "delivered" if noun.startswith(("operator", "user")) else _VERB_STAGE.get(verb, "unknown")
            status = own or plain
            cue = (
                "listed-customer"
                if rx in (_BUYERS_INCLUDE, _SOLD_TO_STATES, _ORDERS_FROM)
                else "earlier-customer"
            )
            # "a backlog of N X, including orders from A": the item is named before the phrase
            span = (a if rx is _ORDERS_FROM else a + m.start(), a + hi)
            return states + tail, status, span, cue, {id(p): plain for p in tail}
    return None


def _listed_before(s: str, a: int, mentions: list[Mention]) -> Found | None:
    """The states of a list that ends right before "are among the countries that have ordered" (the
    list comes first, so it is read backwards from the phrase), with the verb's stage."""
    m = _AMONG_STATES.search(s)
    if m is None:
        return None
    states: list[Mention] = []
    end = m.start()
    for p in reversed(mentions):
        if p.end - a > end:
            continue
        if p.kind != "party" or p.party is None or p.party.kind != "country" or p.form == "demonym":
            break
        gap = s[p.end - a : end]
        if (states and not _LIST_GAP.match(gap)) or (not states and gap.strip()):
            break
        states.insert(0, p)
        end = p.start - a
    if not states:
        return None
    noun, verb = m.group("noun").lower(), m.group("verb").lower()
    status = "delivered" if noun.startswith(("operator", "user")) else _VERB_STAGE.get(verb, "unknown")
    return states, status, (states[0].start, a + m.end()), "listed-customer", {}


def _clause_stage(clause: str) -> str | None:
    """The stage a relative clause on the list states of the listed customer's own purchase ("after A,
    which ordered 180 of them in 2022": signed; "which received its first in 2024": delivering), else
    None (the customer noun's reading holds).  A delivery outranks the order told beside it."""
    for stage in _CLAUSE_STAGES:
        m = _STAGE_RX[stage].search(clause)
        if m is not None and not (stage == "signed" and _BARE_PURCHASE.fullmatch(m.group(0))):
            return stage
    return None


def customer_claims(
    s: str,
    a: int,
    b: int,
    text: str,
    found: Found,
    ref: Claim | None,
    named: bool = False,
) -> list[Claim]:
    """One claim per listed earlier customer of ``ref``'s system and supplier (see the module docstring);
    ``named``: the customer phrase names that system itself ("sold the X to ..."), so the system is the
    phrase's own, not the context's."""
    if ref is None or ref.system is None or ref.supplier is None or ref.negated:
        return []
    states, listed_status, _span, buyer_cue, own_status = found
    out: list[Claim] = []
    for p in states:
        rec = p.party
        if rec is None or rec.iso3 is None or rec.iso3 in (ref.supplier.iso3, ref.buyer.iso3):
            continue
        sup = ref.supplier.iso3 or ref.supplier.name
        status = own_status.get(id(p), listed_status)
        out.append(
            replace(
                ref,
                buyer=PartyRef(rec.name, rec.iso3, "country"),
                status=status,
                evidence=Evidence(text[a:b], a, b),
                confidence=0.5,
                quantity=None,
                value=None,
                order_year=None,
                dates=[],
                deal_key=f"{sup}>{rec.iso3}:{ref.system.name}:original",
                batch="original",
                modality=None,
                delayed=False,
                quantity_delivered=None,
                quantity_inferred=False,
                package_value=None,
                inherited=[],
                cues=[
                    f"supplier:{'context' if ref.evidence.start != a else 'earlier-customer'}",
                    f"buyer:{buyer_cue}",
                    f"system:{'catalogue' if named and ref.system_source == 'context' else ref.system_source or 'context'}",
                    "status:none" if status == "unknown" else "status:trigger",
                ],
            )
        )
    return out
