"""Lists of competing offers: each system of the list is offered by its own bidder.

Why a stage of its own: a sentence such as "A's maker offered its X, B's maker the Y, and C the Z"
or "bids included the X from A, the Y from B" names several suppliers and several systems; the
general role step gives every system every supplier (or takes the last bare state of the list as
the buyer).  Here each system is paired with the party written right after it ("the X from A")
or, failing that, the nearest party before it with no other system in between ("B's maker the
Y": the offer verb is gapped).  The pairing is used only when it is one-to-one over two or more
systems of distinct bidders; otherwise the sentence is left to the general rules.

The buyer of such a list is the competition's buyer (the state the article's deals so far are
bought by): the parties of the list are bidders, never buyers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.entities import Mention
from kg.extract.model import Claim, Evidence, PartyRef, SystemRef
from kg.extract.parties import _SUCCESSOR, _Party, _party_of, _SysRef
from kg.extract.patterns import _DENIAL
from kg.vocab import reference

#: "the X from A", "the X Evolved offered by A", "the X of A": the bidder written after its system
_AFTER_GAP = re.compile(
    r"^(?:\s+[A-Z][\w-]*){0,2}\s*(?:(?:(?:was|were|is|are|has been|have been|had been)\s+)?"
    r"(?:offered|proposed|pitched|built|made)\s+)?(?:from|by|of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*(?:'s|’s)\s+)?$"
)
#: "A's maker had offered its X", "B's maker the Y", "and C the Z": a short gap before the system
_BEFORE_GAP = re.compile(
    r"^(?:(?:'s|’s)\s+)?\s*(?:(?:had|has|have|also|reportedly|each)\s+){0,2}"
    r"(?:(?:offered|proposed|pitched|bid|put forward|tabled)\s+|with\s+)?(?:(?:its|their|the|an?)\s+)?$"
)
#: statuses of an offer list (or a sentence naming the competition's other bids)
_OFFER_STATUSES = ("offered", "cancelled")


def offer_suppliers(
    s: str, a: int, parties: list[_Party], sys_refs: list[_SysRef], status: str, rivals: bool
) -> dict[str, _Party]:
    """{system name: its bidder} for a list of competing offers, else ``{}`` (see the module docstring)."""
    named = [(ref, m) for ref, m, _src in sys_refs if ref is not None and m is not None]
    if len(named) < 2 or not (rivals or status in _OFFER_STATUSES):
        return {}
    # in a list of rival bids "A's X" names X's bidder, not its owner (A buys nothing it bids)
    cands = [
        p
        for p in parties
        if p.mention.start >= 0
        and p.iso3
        and (p.role not in ("buyer", "other") or (rivals and p.cue == "owner-modifier"))
    ]
    if len({p.iso3 for p in cands}) < 2:
        return {}
    starts = sorted(m.start for _ref, m in named)
    out: dict[str, _Party] = {}
    for ref, m in named:
        nxt = min((x for x in starts if x > m.start), default=len(s) + a)
        after = [
            p
            for p in cands
            if m.end <= p.mention.start < nxt and _AFTER_GAP.match(s[m.end - a : p.mention.start - a])
        ]
        if after:
            out[ref.name] = after[0]
            continue
        prv = max((x for x in starts if x < m.start), default=-1)
        before = [
            p
            for p in cands
            if prv < p.mention.start
            and p.mention.end <= m.start
            and _BEFORE_GAP.match(s[p.mention.end - a : m.start - a])
        ]
        if before:
            out[ref.name] = before[-1]
    bidders = [p.iso3 for p in out.values()]
    if len(out) < 2 or len(out) != len(named) or len(set(bidders)) < 2 or not _runs(bidders):
        return {}
    return out


def _runs(bidders: list[str | None]) -> bool:
    """Whether each bidder's systems sit side by side in the list ("C's maker the Y and the Z from C":
    one bidder, two coordinated systems); a bidder named again after another's system means the
    pairing went astray."""
    seen: set[str | None] = set()
    for i, iso in enumerate(bidders):
        if iso in seen and bidders[i - 1] != iso:
            return False
        seen.add(iso)
    return True


#: "the X that/which <maker> had offered", "the X offered by <maker>": a rejected alternative that
#: was an offer (the offerer in group "who" or "by")
_OFFERED_REL = re.compile(
    r"\s*,?\s*(?:(?:that|which)\s+(?P<who>(?:[\w&.'’-]+\s+){1,4}?)(?:had\s+|has\s+|have\s+|also\s+)*"
    r"(?:offered|proposed|pitched|bid|put forward)\b|(?:offered|proposed|pitched|put forward)\s+by\s+(?P<by>(?:the\s+)?[A-Z][\w&.'’-]*"
    r"(?:\s+[A-Z][\w&.'’-]*){0,3}))"
)


#: the words of a choice between bids ("picked X over Y", "won, beating Y", "ahead of Y"): the
#: alternative lost a competition, so it was offered; "rather than"/"instead of" also follow a plain
#: purchase ("bought X rather than Y": Y may never have been offered) and are not among them
_LOST_TO = re.compile(
    r"\b(?:over|ahead of|in preference to|beating|beat|outbidding|outbid|defeating|edging out|edged out|"
    r"outclassing|trumping|pitted against|(?:competed|competing) against)\s+"
    r"(?:the\s+|an?\s+|its\s+|their\s+|rival\s+|competing\s+)*$",
    re.IGNORECASE,
)


def _lost_bid(
    s: str, a: int, m: Mention, mentions: list[Mention], rejected: set[int]
) -> Mention | bool | None:
    """Whether rejected system ``m`` lost a competition (see :data:`_LOST_TO`): its bidder (the
    party written between the choice word and the system: "over B's maker's Y"), None when none is
    written, False when ``m`` is no lost bid."""
    prior = [x for x in mentions if x.end <= m.start and id(x) in rejected]
    head = prior[0].start if prior and prior[0].kind == "party" else m.start
    # the list of rejected items starts right after the choice word ("over the F and the G")
    first = min((x.start for x in mentions if id(x) in rejected and x.start <= m.start), default=m.start)
    if not _LOST_TO.search(s, max(0, first - a - 60), first - a):
        return False
    who = [x for x in prior if x.kind == "party" and x.start >= min(head, first)]
    return who[-1] if who else None


def rejected_offers(
    s: str, a: int, mentions: list[Mention], rejected: set[int]
) -> list[tuple[Mention, Mention | None]]:
    """(system, its offerer or None) of each rejected alternative a relative clause calls an offer
    ("chosen over the X that <maker> had offered") or that lost a competition ("picked X over the
    Y", "won, beating B's maker's Y"): per the labelling guidelines a rejected offer is still an
    offer (status ``offered``) of that system to the chooser."""
    out: list[tuple[Mention, Mention | None]] = []
    for m in mentions:
        if m.kind != "system" or id(m) not in rejected:
            continue
        rel = _OFFERED_REL.match(s, m.end - a)
        if rel is None:
            lost = _lost_bid(s, a, m, mentions, rejected)
            if lost is not False:
                out.append((m, lost))
            continue
        group = "who" if rel.group("who") is not None else "by"
        who = next(
            (
                p
                for p in mentions
                if p.kind == "party" and rel.start(group) <= p.start - a and p.end - a <= rel.end(group) + 1
            ),
            None,
        )
        out.append((m, who))
    return out


def offer_claim(
    chooser: PartyRef, sysref: SystemRef, offerer: _Party | None, a: int, b: int, text: str
) -> Claim | None:
    """The offered claim of a rejected alternative to ``chooser``, the buyer of the deal chosen over it."""
    iso = (
        offerer.iso3 if offerer is not None else _SUCCESSOR.get(sysref.origin_iso3 or "", sysref.origin_iso3)
    )
    rec = reference.country_by_iso3(iso) if iso else None
    if rec is None or iso == chooser.iso3:
        return None
    return Claim(
        buyer=chooser,
        supplier=PartyRef(rec.name, iso, "country"),
        system=sysref,
        status="offered",
        evidence=Evidence(text[a:b], a, b),
        confidence=0.55,
        supplier_company=offerer.company if offerer is not None else None,
        deal_key=f"{iso}>{chooser.iso3 or chooser.name}:{sysref.name}:original",
        system_source="catalogue" if sysref.origin_iso3 else "pattern",
        cues=[
            f"supplier:{'rejected-offer' if offerer is not None else 'system-origin'}",
            "buyer:chooser",
            "system:catalogue" if sysref.origin_iso3 else "system:pattern",
            "status:trigger",
        ],
    )


#: the nouns of a buyer's competition for a deal ("tender", "the Land 400 programme", "its frigate
#: requirement"): the offers an article tells are made to the state that holds it
_CONTEST_NOUN = re.compile(
    r"\b(?:competitions?|tenders?|contests?|programmes?|programs?|requirements?|procurements?)\b",
    re.IGNORECASE,
)
#: words that may stand between a state and its competition's noun ("Norway's Future Surface
#: Combatant programme", "the Philippine navy's submarine tender"); a preposition, a verb or a bid
#: word between them ("France's bid in the X tender") ties the state to something else
_CONTEST_WORD = (
    r"(?!(?:in|for|to|of|by|from|with|and|or|but|the|a|an|its|their|bids?|offers?|entry|entries|has|have|had|"
    r"is|was|are|were|will|won|lost|wins|joined|entered|said|says)\b)[\w/().-]+"
)
_STATE_GAP = re.compile(
    r"^(?:'s|’s)?\s+(?:(?P<service>navy|army|air force|armed forces|military|coast guard|marines|"
    r"defen[cs]e ministry|ministry of defen[cs]e|government)(?:'s|’s)?\s+)?"
    rf"(?:{_CONTEST_WORD}\s+){{0,5}}$",
    re.IGNORECASE,
)
#: "A has launched a competition", "A is running a tender", "under its X programme": the
#: subject (or the owner "its" stands for) holds the competition
_HOLDS_BEFORE = re.compile(
    r"(?:\b(?:has|have|had|is|was)\s+)?(?:\b(?:launched|launch(?:es|ing)|opened|open(?:s|ing)|running|runs|ran|"
    r"held|hold(?:s|ing)|issued|issu(?:es|ing)|announced|start(?:ed|s|ing)|kicked off|organi[sz](?:ed|es|ing))\s+"
    r"(?:an?|the|its|their)\s+|\bits\s+)"
    rf"(?:{_CONTEST_WORD}\s+){{0,5}}$",
    re.IGNORECASE,
)
#: what a contest's noun may be (rivalry, not a buyer's process) after a demonym alone: "Chinese
#: competition" is the rival makers; "the Indian tender" is India's
_DEMONYM_CONTESTS = ("tender", "programme", "program", "requirement", "procurement")


def contest_holders(text: str, mentions: list[Mention]) -> list[tuple[int, _Party]]:
    """(offset, state) of each competition the article ties to a state (see :data:`_CONTEST_NOUN`):
    the state written before the noun ("Norway's X programme", "the Philippine navy's tender"), or
    the subject that holds it ("A has launched a competition", "A ... under its X programme")."""
    out: list[tuple[int, _Party]] = []
    # a state, or its armed service or ministry ("the Indian Navy's P-75I competition")
    states = [
        m
        for m in mentions
        if m.kind == "party" and m.party is not None and m.party.kind in ("country", "agency")
    ]
    for nm in _CONTEST_NOUN.finditer(text):
        q = nm.start()
        near = [m for m in states if q - 70 <= m.end <= q]
        if not near:
            continue
        m = near[-1]
        gap = text[m.end : q]
        if "\n" in gap or any(c in gap for c in ",;:"):
            continue
        tied = _STATE_GAP.match(gap)
        if tied is not None and m.form == "demonym":
            tied = (
                tied if tied.group("service") or nm.group().lower().rstrip("s") in _DEMONYM_CONTESTS else None
            )
        if tied is None and m.form != "demonym" and _HOLDS_BEFORE.search(text, m.end, q):
            # the subject holds it only where no other party stands between ("A said B ... its")
            between = [x for x in mentions if m.end <= x.start < q and x.kind == "party"]
            tied = None if between else _HOLDS_BEFORE.search(text, m.end, q)
        if tied is None or m.party is None or m.party.historical:
            continue
        p = _party_of(m)
        develops = nm.group().lower().startswith("program") and _own_design(
            mentions, m.end, q, p.iso3 if p else ""
        )
        if p is not None and p.iso3 and p.company is None and not develops:
            out.append((q, replace(p, role="buyer", cue="competition")))
    return out


def _own_design(mentions: list[Mention], lo: int, hi: int, iso: str) -> bool:
    """Whether a system of state ``iso``'s own make is named in ``lo:hi`` ("South Korea's KF-21 fighter
    programme"): a programme that develops the state's own design, no competition for bids."""
    return any(
        m.kind == "system"
        and m.system is not None
        and _SUCCESSOR.get(m.system.origin_iso3 or "", m.system.origin_iso3) == iso
        for m in mentions
        if lo <= m.start < hi
    )


def contest_buyer(holders: list[tuple[int, _Party]], end: int, not_isos: set[str | None]) -> _Party | None:
    """The state whose competition the article names last before offset ``end`` (the end of an
    offer's sentence): the buyer of an offer that names none; None when none is tied or when it is
    the bidder's own state (a firm's offer at home is no import)."""
    held = [p for q, p in holders if q < end]
    if not held or held[-1].iso3 in not_isos:
        return None
    return held[-1]


#: right before "received": offers, not items, came in ("two bids were received")
_BIDS_RECEIVED = re.compile(
    r"\b(?:bids?|offers?|proposals?|tenders?)\s+(?:(?:were|was|have been|has been|had been|had|have|has)\s+)?"
    r"(?:been\s+)?$",
    re.IGNORECASE,
)
#: the stage words that name a buyer's competition itself ("the navy's tender")
_CONTEST_TRIGGERS = frozenset({"tender", "tenders"})
#: "(the boat) it has sold to", "which they exported to": a relative clause on an item's past sales
_HISTORY_CLAUSE = re.compile(
    r"\b(?:it|they)\s+(?:(?:has|have|had|already|previously|also|since)\s+){0,2}"
    r"(?P<verb>sold|exported|supplied|delivered)\s+(?:it\s+|them\s+)?to\b",
    re.IGNORECASE,
)
#: between a past-sale verb and the first earlier customer it names ("sold to", "has supplied to the")
_HISTORY_VERB_GAP = re.compile(r"^[\w-]+(?:\s+over)?\s+(?:[\w-]+\s+){0,2}?to\s+(?:the\s+)?$")


def offer_triggers(
    s: str, a: int, parties: list[_Party], trig: list[tuple[str, int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """The sentence's stage words without the verbs of an item's past sales ("A has put forward the
    X, the boat it has sold to B and C": the offer is the sentence's stage; the sale to B and C is
    the item's history, see ``patterns._ITEM_HISTORY_TO``), when another stage word remains, and
    without the competition's own noun beside an offer; bids "received" are offers, not deliveries."""
    if any(t[0] == "offered" for t in trig) and any(
        t[0] == "negotiating" and t[3] in _CONTEST_TRIGGERS for t in trig
    ):
        # "for the A-ian navy's tender, B's maker has offered X": the tender is the competition the
        # bid is made in, the offer is the sentence's stage
        trig = [t for t in trig if not (t[0] == "negotiating" and t[3] in _CONTEST_TRIGGERS)]
    if any(t[0] == "delivered" for t in trig):
        # "two bids were received": the buyer received offers, not items
        trig = [
            ("offered", *t[1:]) if t[0] == "delivered" and _BIDS_RECEIVED.search(s, 0, t[1]) else t
            for t in trig
        ]
    if len(trig) < 2:
        return trig
    firsts = [p.mention.start - a for p in parties if p.cue == "item-history" and p.mention.start >= 0]
    # the customers a relative clause lists ("the boat it has sold to B and C") are no parties here
    # (kg.extract.customers): the clause's own verb marks the history
    spans = [m.span("verb") for m in _HISTORY_CLAUSE.finditer(s)] if " to " in s else []
    kept = [
        t
        for t in trig
        if not any(t[1] < q and _HISTORY_VERB_GAP.match(s[t[1] : q]) for q in firsts)
        and not any(lo <= t[1] < hi for lo, hi in spans)
    ]
    return kept or trig


#: a state and a firm noun before the firm's name ("the Dutch firm Damen", "the US company X",
#: "Italian shipbuilder Y", "the Germany-based group Z"): the firm's home, which sells through it
_FIRM_HOME_GAP = re.compile(
    r"^(?:-based|-headquartered|-owned)?\s+(?:(?:state-owned|state-run|defen[cs]e|arms|aerospace|naval|"
    r"privately held|family-owned|missile|vehicle|helicopter)\s+){0,2}(?:firm|company|group|maker|manufacturer|"
    r"shipbuilder|shipyard|contractor|giant|major|conglomerate|corporation|consortium|outfit|supplier)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def settle_firm_homes(s: str, a: int, parties: list[_Party]) -> None:
    """A state that only names a firm's home ("the Dutch firm Damen has pitched ...", "the Y from the
    US firm B") takes no role of its own: the firm is the party (it takes the state's seller cue,
    "from the US firm B": B is the source, never the subject of the sentence's verb)."""
    for i, p in enumerate(parties[:-1]):
        q = parties[i + 1]
        if (
            p.company is not None
            or q.company is None
            or q.iso3 != p.iso3
            or p.mention.start < 0
            or not _FIRM_HOME_GAP.match(s[p.mention.end - a : q.mention.start - a])
        ):
            continue
        if p.role == "supplier" and q.role == "buyer":
            q.role, q.cue = p.role, p.cue
        p.role, p.cue = "other", "firm-home"


#: a bid eliminated from a competition ("A's maker, which offered X, was ruled out in trials"): the
#: offer was made and lost (labelling guidelines: a losing bid is still ``offered``), no denial
_ELIMINATED = re.compile(
    r"\b(?:was|were|been|is|are)\s+(?:later\s+|eventually\s+|subsequently\s+|quickly\s+|then\s+)?ruled out\b",
    re.IGNORECASE,
)


def lost_not_denied(s: str, status: str, negated: bool) -> bool:
    """The sentence's negation, less a bid ruled out of a competition (see :data:`_ELIMINATED`): an
    offer that lost is no denial of the offer."""
    if not negated or status != "offered" or "ruled out" not in s:
        return negated
    return bool(_DENIAL.search(_ELIMINATED.sub(" ", s)))
