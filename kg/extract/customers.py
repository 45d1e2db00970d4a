"""Earlier customers named beside a deal: "X became the third buyer of the Y after A and B",
"X joins A and B as operators of the Y", "other operators of the Y include A and B".

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

from kg.extract._fastre import NeedsRx, contains_any, required_words
from kg.extract.entities import Mention
from kg.extract.model import Claim, Evidence, PartyRef, no_details
from kg.extract.parties import _system_ref
from kg.extract.vocabulary import CUSTOMER_NOUN, NTH_CUSTOMER, TRIGGERS
from kg.vocab import reference
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
#: the plural nouns of a group of buying states ("several European air forces", "a dozen countries"),
#: defined once: the pattern's alternatives and, by their last word, its word prefilter (_GROUP_WORDS)
_GROUP_NOUNS = (
    "countries",
    "nations",
    "states",
    "governments",
    "air forces",
    "navies",
    "armies",
    "militaries",
    "customers",
    "buyers",
    "clients",
    "operators",
    "users",
)
_GROUP = "(?P<noun>" + "|".join(_GROUP_NOUNS) + ")"
#: "ordered by several European air forces, including A and B", "sold the Y to more than a dozen
#: countries, such as A": a counted group of states and its examples, each a buyer of the item the
#: sentence's verb states (the verb before the group: see _GROUP_VERB)
_GROUP_INCLUDING = re.compile(
    r"\b(?:several|many|various|numerous|multiple|(?:a|an)\s+(?:dozen|number|handful|host|range|string)\s+of|"
    r"(?:more than|over|at least|nearly|almost|about|some)\s+(?:a\s+|an\s+)?[\w-]+(?:\s+of)?|[\w-]+\s+other)\s+"
    r"(?:[\w-]+\s+){0,2}?" + _GROUP + r"\b[^,.;]{0,40}?,?\s+(?:including|such as|among them)\s+"
    r"(?P<list>[^.;]{3,160})",
    re.IGNORECASE,
)
#: "A, B and C are among the countries that have ordered the Y": the list before the group noun, the
#: purchase in the relative clause after it (a bare choice, "to have chosen it", states no purchase)
_AMONG = re.compile(
    r"^(?P<list>[^.;]{3,160}?)\s+(?:are|were)\s+among\s+the\s+(?:other\s+)?(?:[\w-]+\s+){0,2}?"
    + _GROUP
    + r"\s+(?:that|which|who|to)\s+(?P<clause>[^.;]{3,80})",
    re.IGNORECASE,
)
#: "a backlog that includes orders from A, B and C": the orders of several states, each signed
_ORDERS_FROM = re.compile(
    r"\b(?P<noun>orders|contracts)\s+(?:from|by)\s+(?P<list>[^.;]{3,160})", re.IGNORECASE
)
#: the verb a counted group's purchase is told by: its stage (kg.extract.vocabulary.TRIGGERS), else a
#: bare sale or purchase (``unknown``); none ("close ties with several countries, including A"): no list
_GROUP_VERB = re.compile(
    r"\b(?:sold|sells|exported|exports|supplied|supplies|bought|purchased|acquired)\b", re.IGNORECASE
)
_SALE = re.compile(r"\b(?:sold|sells|exported|exports)\b", re.IGNORECASE)
_GROUP_WORDS = tuple(n.split()[-1] for n in _GROUP_NOUNS)
_GROUP_INCLUDING = NeedsRx(_GROUP_INCLUDING, needs=_GROUP_WORDS)
_AMONG = NeedsRx(_AMONG, needs=("among",))
_ORDERS_FROM = NeedsRx(_ORDERS_FROM, needs=("orders", "contracts"))
_GROUP_RXS = (_GROUP_INCLUDING, _AMONG, _ORDERS_FROM)
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
    "among",
    "orders from",
    "orders by",
    "contracts from",
)
#: the gap between two states of one list
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as well as\s+)(?:the\s+)?$")
#: the list ends at a new clause
_LIST_END = re.compile(r",\s+(?:which|who|where|while|but|although)\b|\s+(?:but|while|whereas)\s")
#: the gap before a state that resumes a list after a relative clause on its previous state ("A, which
#: ordered N of them, B, and C"): a comma, at most "and" and "the"
_RESUME_GAP = re.compile(r",\s+(?:and\s+)?(?:the\s+)?$")
#: what may follow the last state of a resumed list: the sentence's end
_SENTENCE_REST = re.compile(r"^\s*[.!?]?[\"'”’)]*\s*$")


def _resumed_list(s: str, a: int, mentions: list[Mention], start: int) -> tuple[list[Mention], int]:
    """The states a customer list goes on with after a relative clause on its last state, from offset
    ``start`` (the clause's start) in ``s``, and where the clause ends: "include A, which has ordered
    N of them, B, and C" lists B and C as well.  Only when the resumed list runs to the sentence's end
    ("... B, and C."), so a state inside the clause ("which bought it from B, C said") is not taken."""
    states = [
        p
        for p in mentions
        if p.kind == "party"
        and p.party is not None
        and p.party.kind == "country"
        and p.form != "demonym"
        and p.start - a > start
    ]
    for i, first in enumerate(states):
        gap = _RESUME_GAP.search(s, start, first.start - a)
        if gap is None or gap.end() != first.start - a:
            continue
        run = [first]
        for p in states[i + 1 :]:
            if not _LIST_GAP.match(s[run[-1].end - a : p.start - a]):
                break
            run.append(p)
        if _SENTENCE_REST.match(s[run[-1].end - a :]):
            return run, gap.start()
        return [], len(s)
    return [], len(s)


#: what :func:`listed_customers` finds: the listed states (and the systems of a relative clause), their
#: status, the phrase's span, the buyer cue, and the status of the states whose own differs (by id)
Customers = tuple[list[Mention], str, tuple[int, int], str, dict[int, str]]


def listed_customers(s: str, a: int, mentions: list[Mention]) -> Customers | None:
    """(the states of an earlier-customer list, their status, the phrase's span in the article, the
    buyer cue: ``listed-customer`` for a list after a buyer noun, else ``earlier-customer``, and the
    status of each state a relative clause's stage does not cover) in
    sentence ``s`` at offset ``a``; the systems of a relative clause on the list ("after A, which
    builds its own Z") follow the states (no party, they only leave the sentence's deal)."""
    low = s.lower()
    if not contains_any(low, _KEYWORDS):  # a C loop, not a generator (every sentence)
        return None
    for rx in (
        _NTH_AFTER,
        _JOINS,
        _INCLUDE,
        _BUYERS_INCLUDE,
        _SOLD_TO,
        _GROUP_INCLUDING,
        _AMONG,
        _ORDERS_FROM,
    ):
        m = rx.search(s)
        group = rx in _GROUP_RXS
        stage = _group_stage(rx, m, s) if group and m is not None else None
        if group and stage is None:
            continue
        if m is None or (not group and m.group("noun").lower().startswith(("countr", "nation"))):
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
        resumed: list[Mention] = []
        if states and end is not None and end.group(0).lstrip(", ").startswith(("which", "who", "where")):
            # "after A, which builds its own version as the Z": Z is the listed customer's, not the deal's
            stop = _LIST_END.search(s, end.end())
            clause_end = stop.start() if stop else len(s)
            resumed, resume_at = _resumed_list(s, a, mentions, end.end())
            clause_end = min(clause_end, resume_at)
            states += [x for x in mentions if x.kind == "system" and end.end() <= x.start - a < clause_end]
            own = _clause_stage(s[end.end() : clause_end])
        if rx is _ORDERS_FROM and len(states) < 2:
            continue  # "an order from A for the Y": the sentence's own deal, not a list of customers
        if states:
            noun = m.group("noun").lower()
            default = stage or ("delivered" if noun.startswith(("operator", "user")) else "unknown")
            # a list after a buyer noun or a counted group with its purchase verb names each state as a
            # buyer (confidence.background keeps such a list of three or more)
            cue = "listed-customer" if rx is _BUYERS_INCLUDE or group else "earlier-customer"
            # the relative clause's stage is its own state's; the states after it have the list's
            return (
                states + resumed,
                own or default,
                (a + m.start(), a + hi),
                cue,
                {id(p): default for p in resumed},
            )
    return None


def _group_stage(rx: object, m: re.Match[str], s: str) -> str | None:
    """The status of a group pattern's purchases, None when the sentence tells none: the stage of the
    verb before a counted group ("ordered by several air forces", "sold it to a dozen countries"), of
    the relative clause after "among the countries" ("that have ordered it"); orders are signed."""
    if rx is _ORDERS_FROM:
        return "signed"
    told = s[: m.start()] if rx is _GROUP_INCLUDING else m.group("clause")
    stage = _clause_stage(told)
    if stage == "signed" and _SALE.search(told):
        return "unknown"  # "has sold the Y to a dozen countries": a sale without its stage (rule 5)
    if stage is None and (_GROUP_VERB.search(told) or _BARE_PURCHASE.search(told)):
        return "unknown"
    return stage


def _clause_stage(clause: str) -> str | None:
    """The stage a relative clause on the list states of the listed customer's own purchase ("after A,
    which ordered 180 of them in 2022": signed; "which received its first in 2024": delivering), else
    None (the customer noun's reading holds).  A delivery outranks the order told beside it."""
    for stage in _CLAUSE_STAGES:
        m = _STAGE_RX[stage].search(clause)
        if m is not None and not (stage == "signed" and _BARE_PURCHASE.fullmatch(m.group(0))):
            return stage
    return None


def origin_ref(mentions: list[Mention], a: int, b: int, text: str) -> Claim | None:
    """The deal a list of customers is about when the article told no earlier deal of the system the
    sentence names (its only one) ("a backlog of Rafales, including orders from A and B"): the system, sold by its
    maker's state (the catalogue's origin), to no buyer yet; None without a catalogue origin."""
    named = [m for m in mentions if m.kind == "system" and m.system is not None]
    if len({m.system.designation for m in named if m.system}) != 1:
        return None  # no system, or several: which one the list bought is not told
    for m in named:
        if m.system is None or not m.system.origin_iso3:
            continue
        rec = reference.country_by_iso3(m.system.origin_iso3)
        if rec is None:
            continue
        return Claim(
            buyer=PartyRef("", None, "country"),
            supplier=PartyRef(rec.name, m.system.origin_iso3, "country"),
            system=_system_ref(m, text[m.end : m.end + 60]),
            status="unknown",
            evidence=Evidence(text[a:b], a, b),
            confidence=0.5,
            system_source="catalogue",
            cues=["supplier:system-origin"],
        )
    return None


def customer_claims(
    s: str,
    a: int,
    b: int,
    text: str,
    found: Customers,
    ref: Claim | None,
    named: bool = True,
) -> list[Claim]:
    """One claim per listed earlier customer of ``ref``'s system and supplier (see the module docstring).

    ``named``: whether the sentence names a system itself ("other customers of the X include");
    when not, an earlier-customer list's claims say their system is the deal in context's
    (``system:context``), so a long list of them stays background (confidence.background)."""
    if ref is None or ref.system is None or ref.supplier is None or ref.negated:
        return []
    states, list_status, _span, buyer_cue, own_status = found
    # an earlier-customer list whose sentence names no system ("joins A, B and C as buyers of the new
    # version") takes the system from context; a counted group's list with its own purchase verb ("A, B
    # and C are among the countries that have bought the drone") refers back to the deal as before
    own_name_only = not named and buyer_cue == "earlier-customer"
    out: list[Claim] = []
    for p in states:
        rec = p.party
        if rec is None or rec.iso3 is None or rec.iso3 in (ref.supplier.iso3, ref.buyer.iso3):
            continue
        status = own_status.get(id(p), list_status)
        sup = ref.supplier.iso3 or ref.supplier.name
        out.append(
            replace(
                ref,
                **no_details(),
                buyer=PartyRef(rec.name, rec.iso3, "country"),
                status=status,
                evidence=Evidence(text[a:b], a, b),
                confidence=0.5,
                deal_key=f"{sup}>{rec.iso3}:{ref.system.name}:original",
                cues=[
                    "supplier:system-origin"
                    if "supplier:system-origin" in ref.cues
                    else f"supplier:{'context' if ref.evidence.start != a else 'earlier-customer'}",
                    f"buyer:{buyer_cue}",
                    f"system:{'context' if own_name_only else (ref.system_source or 'context')}",
                    "status:none" if status == "unknown" else "status:trigger",
                ],
            )
        )
    return out
