"""Roles of the parties of one sentence, from explicit cues (never from word order alone).

Cues: "from X" and "X-made" supplier, "to X" after a sale verb buyer, the subject of a buy
verb buyer and of a sell verb seller, "with X" the counterpart, "X and Y signed" a pair,
demonyms and possessives before a system (origin or owner, settled in :mod:`.frames`),
speakers, negative contexts ("the war with X", "sanctions on X") no party; coordinated
parties share the cue of their list; the alternative a choice was made against is dropped.
"""

from __future__ import annotations

import itertools
import re

from kg.extract._fastre import NeedsRx, contains_any, lower_in_place
from kg.extract.entities import Mention
from kg.extract.nouns import ITEM_NOUNS
from kg.extract.parties import _Party
from kg.extract.patterns import (
    _ACCORDING,
    _AWARDED_BY,
    _AWARDED_TO,
    _BE_BEFORE,
    _BUILT_WITH,
    _BUYER_BY,
    _BY,
    _CHOICE_BEFORE,
    _CHOICE_OR_BUY,
    _CLAUSE_END,
    _CONJUNCTION,
    _COPULA_BEFORE,
    _EARLIER_BUYERS,
    _ERA_NEXT,
    _FINITE_NEXT,
    _FOR,
    _FROM,
    _GERUND_OPENING,
    _GIVEN_VERB,
    _HOSTILE_BETWEEN,
    _ITEM_FOR_BEFORE,
    _ITEM_HISTORY_TO,
    _ITEMS4,
    _LIST_GAP,
    _MADE,
    _NEG_CONTEXT,
    _NEG_LAST,
    _NEG_RIGHT,
    _NOT_TO,
    _NTH_BUYER_NEXT,
    _OBJ_OF_SELL,
    _OFFICIAL,
    _ORG_NOUN,
    _ORIGIN_BY,
    _PASSIVE_BUY,
    _PASSIVE_TO_BY,
    _POSS,
    _PRIORITY_TO,
    _PRONOUN,
    _PURCHASE_BY,
    _PURCHASE_NOUN,
    _REJ_GAP,
    _REJECTED,
    _REQUEST_TO,
    _SAID_IT_NEXT,
    _SALE_NOUN,
    _SELL_AFTER,
    _SELL_BEFORE,
    _SELLER_BY,
    _SERVICE_WITH,
    _SPEAKER_NEAR,
    _SPEAKER_VERB,
    _STOP_BEFORE,
    _SUCH_AS,
    _TO,
    _TO_BUYERS,
    _TURN_TO,
    _VISIT_TO,
    _WITH,
    _WON_CONTRACT,
    _WON_FROM,
    FORCE_HONORIFIC,
)
from kg.extract.triggers import (
    _REL_APPOS_GAP,
    _REL_BE,
    _REL_OWNER,
    _REL_PRONOUN_NEXT,
    _REL_SUBJ_GAP,
    _REL_TO_GAP,
    _verb_class,
)
from kg.extract.vocabulary import _COUNT_WORD, _REL_ADJ, _REL_SHARE, INDUSTRY_HABITUAL


def _rejected(s: str, a: int, mentions: list[Mention]) -> set[int]:
    """Mentions (ids) of the alternative a choice was made against: "selected the Gripen over
    the Lockheed Martin F-16", "bought K9s rather than CAESARs", "won, beating Naval Group"."""
    out: set[int] = set()
    for mk in _REJECTED.finditer(s):
        word = s[mk.start(1) : mk.end(1)].lower()
        before = s[: mk.start()]
        cue = _CHOICE_BEFORE if word in ("over", "ahead of") else _CHOICE_OR_BUY
        if not cue.search(before):
            continue
        pos, after_system, bidder = mk.end(), False, False
        for m in mentions:
            if m.start - a < pos:
                continue
            gap = s[pos : m.start - a]
            # the maker and the system ("the Lockheed Martin F-16"); after a system, only a
            # list goes on ("over the F-16 and the Rafale") or the system's bidder ("beating the X
            # offered by A's maker and the Y offered by B's")
            if m.kind == "party" and (
                (after_system and (_OFFERED_BY_GAP.match(gap) or (bidder and _OWNER_GAP.match(gap))))
                # an item the catalogue does not know, then its bidder ("ahead of the Type 9 offered by A's")
                or (not after_system and not bidder and _UNKNOWN_ITEM_BY.match(gap))
            ):
                out.add(id(m))
                pos, bidder, after_system = m.end - a, True, True
                continue
            if not (_LIST_GAP.match(gap) if after_system else _REJ_GAP.match(gap)):
                break
            out.add(id(m))
            after_system, bidder = m.kind == "system", False
            pos = m.end - a
    return out


#: after a rejected system, the phrase naming its bidder ("the X offered by", "the Y, proposed by the")
_OFFERED_BY_GAP = re.compile(
    r"^\s*,?\s+(?:offered|proposed|pitched|put forward|submitted|entered)\s+by\s+(?:the\s+)?$"
)
#: a bidder's owner and the bidder ("offered by A's maker"): nothing but the possessive between
_OWNER_GAP = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:firm|company|group|maker|manufacturer|shipbuilder|contractor|giant)\s+)?$",
    re.IGNORECASE,
)
#: a rejected item the catalogue does not know and the phrase naming its bidder ("the Type 9 offered by")
_UNKNOWN_ITEM_BY = re.compile(
    r"^(?:[\w&./-]+\s+){1,4}(?:offered|proposed|pitched|put forward|submitted|entered)\s+by\s+(?:the\s+)?$"
)


#: a parenthetical phrase between a subject and its verb ("X, long reliant on Y's arms, signed"):
#: set off by commas, no relative pronoun, no clause break, the verb right after its closing comma
_APPOSITIVE = re.compile(
    r",\s+(?!(?:which|who|whose|whom|and|but|while|with|after|before|as|when|if|although|though|"
    r"according)\b)[^,;:.()\"“”]{3,90},\s+(?:(?:has|have|had|also|now|then|finally|recently|on \w+day)\s+){0,2}$"
)


#: a state's gift named by its demonym or possessive ("a Spanish package including X", "Poland's
#: latest donation of X", "the Dutch contribution"): the state gives, whatever the items' origin
_GIFT_NEXT = re.compile(
    r"^(?:'s|’s)?\s+(?:(?:latest|new|first|second|third|fourth|planned|promised|pledged|military|aid|arms|"
    r"weapons|additional|further)\s+){0,2}(?:donations?|aid packages?|packages?(?!\s+(?:for|worth|deal)\b)|"
    r"gifts?|contributions?|pledges?)\b(?=\s+(?:of|including|includ\w+|with|contain\w*|compris\w*)\b)",
    re.IGNORECASE,
)


#: a state's own sale named by a noun right after it ("a US sale cleared in 2022", "American arms
#: sales to B", "Korean weapons exports"): the state sells (not "A's sale of B's X", a consent, read
#: elsewhere; not "sales tax", "export rules", "export licence")
_SALE_NEXT = re.compile(
    # "Taiwan arms sales" most often names the buyer: a bare state before an arms noun and "sale"
    # sells only when "to" names the buyer ("US arms sales to B"); "exports" and "a US sale" always
    r"^(?:(?:'s|\u2019s)\s+(?:(?:arms|weapons|military|defen[cs]e)\s+)?sales?|"
    r"\s+(?:arms|weapons|military|defen[cs]e)\s+sales?(?=\s+to\b)|\s+sales?|"
    r"(?:'s|\u2019s)?\s+(?:(?:arms|weapons|military|defen[cs]e)\s+)?exports?)\b"
    r"(?!\s+(?:of\s+(?:[A-Z]\w*(?:'s|\u2019s))|tax|rules?|licen[cs]es?|controls?|ban|regime|credit|agency|figures?|"
    r"data|record|market|revenue))",
    re.IGNORECASE,
)


#: a gapped clause: "A has promised 24 of the jets and B 19": "and" before a state, a count after it
_GAP_AND = re.compile(r"(?:,\s*|\s+)and\s+(?:the\s+)?\Z")
_GAP_COUNT = re.compile(
    r"\s+(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?!\s*(?:per\s*cent|percent|%|years?|months?|days?|weeks?|km|kilometres?|miles?))"
)


#: "in B, where A": the place of a relative clause of place right before its subject
_WHERE_GAP = re.compile(r"\s*,\s*where\s+(?:the\s+)?")


def _gapped_subjects(s: str, base: int, parties: list[_Party]) -> None:
    """A subject whose verb is gapped ("A has promised 24 of the jets and B 19", "A sent 18 tanks
    and B 14"): B takes the role of the last subject before it (the elided verb's)."""
    for i, p in enumerate(parties):
        if p.role is not None or p.mention.form == "demonym" or i == 0:
            continue
        if not _GAP_AND.search(s, max(0, p.mention.start - base - 8), p.mention.start - base):
            continue
        if not _GAP_COUNT.match(s, p.mention.end - base):
            continue
        subj = next(
            (
                q
                for q in reversed(parties[:i])
                if q.cue.startswith("subject:") and q.role in ("supplier", "buyer")
            ),
            None,
        )
        if subj is not None:
            p.role, p.cue = subj.role, subj.cue


#: an appositive that names a co-party ("A, together with B, ordered": both buy, read by the joint-buyer
#: step), not one that describes its subject ("A, a neighbour courted by B", "A, long wooed by B")
_CO_PARTY = re.compile(
    r"\s*,\s*(?:together|jointly|along|alongside|with|and|as well as|plus|like|unlike|as did|as has)\b",
    re.IGNORECASE,
)


def _appositive_subjects(
    s: str, base: int, parties: list[_Party], trig: list[tuple[str, int, int, str]]
) -> None:
    """A subject whose verb follows a parenthetical ("X, traditionally reliant on Y's arms, signed a
    deal with Z"): the subject takes its verb's role; a party inside the parenthetical is background,
    no party to the deal (its own cue, "Y's arms", described the subject, not this deal)."""
    for p in parties:
        if p.role is not None and p.role != "other":
            continue
        start = p.mention.end - base
        for _status, ts, te, word in trig:
            if ts <= start or ts - start > 100 or not _APPOSITIVE.fullmatch(s, start, ts):
                continue
            vclass = _verb_class(word, s[te:])
            if vclass is None:
                break
            inside = [q for q in parties if start < q.mention.start - base < ts]
            # an alliance or bloc inside ("A, the first NATO member to buy it, received") only
            # describes the subject; a state named in full may be the real subject: no guess, unless
            # A opens the sentence ("A, a neighbour courted by both B and C, received X": B and C,
            # a comma before the verb, are no subject of it)
            if any(q.mention.form != "demonym" and q.kind != "org" for q in inside) and not (
                _OPENING_TO_SUBJECT.fullmatch(s, 0, p.mention.start - base) and not _CO_PARTY.match(s, start)
            ):
                break
            if vclass == "buy":
                p.role, p.cue = "buyer", f"subject:{word}"
            elif vclass == "sell":
                p.role, p.cue = "supplier", f"subject:{word}"
            else:
                p.role, p.cue = "pair", f"subject:{word}"
            for q in inside:
                q.role, q.cue = "other", "appositive"
            break


#: a party's relative clause opening on its verb: ", which ordered", ", who had already bought"
_RELATIVE_OPEN = re.compile(
    r"\s*,\s+(?:which|who)\s+(?P<mods>(?:(?:had|has|have|also|already|recently|earlier|first|previously)\s+){0,3})"
)


#: the rest of a non-restrictive relative clause and the comma closing it, up to the main verb
_RELATIVE_BODY = re.compile(
    r"[^,;:.()\"“”]{3,90},\s+(?:(?:has|have|had|also|now|then|finally|recently)\s+){0,2}"
)


def _relative_subjects(
    s: str, base: int, parties: list[_Party], trig: list[tuple[str, int, int, str]]
) -> None:
    """A party right before its own relative clause is that clause's subject ("A, which ordered 64 X
    in 2021, ..."): it takes the verb's role (the clause end stops the ordinary subject search at ",
    which").  When the clause holds no deal verb ("A, which borders B, ordered X"), A is the subject of
    the main verb after it and a party inside the clause is background."""
    for p in parties:
        if p.role is not None or p.mention.form == "demonym":
            continue
        m = _RELATIVE_OPEN.match(s, p.mention.end - base)
        if m is None:
            continue
        # the trigger may take in a modifier ("recently bought")
        verb = next((t for t in trig if m.start("mods") <= t[1] <= m.end() < t[2]), None)
        inside: list[_Party] = []
        if verb is None:
            # "A, which borders B, ordered X": the clause closes at its comma, the main verb follows
            body = _RELATIVE_BODY.match(s, m.end())
            verb = next((t for t in trig if body is not None and t[1] == body.end()), None)
            if verb is None:
                continue
            inside = [q for q in parties if m.end() <= q.mention.start - base < verb[1]]
        vclass = _verb_class(verb[3], s[verb[2] :])
        if vclass is None:
            continue
        for q in inside:
            q.role, q.cue = "other", "relative-clause"
        if vclass == "buy":
            p.role, p.cue = "buyer", f"subject:{verb[3]}"
        elif vclass == "sell":
            p.role, p.cue = "supplier", f"subject:{verb[3]}"
        else:
            p.role, p.cue = "pair", f"subject:{verb[3]}"  # "signed a deal": the counterpart decides


#: a verb right after a party: a finite auxiliary or a past-tense verb ("Turkey built", "B has")
_CLAUSE_VERB_NEXT = re.compile(
    r"\s+(?:also\s+|later\s+|then\s+|itself\s+)?(?:has|have|had|was|were|is|are|will|would|[a-z]+ed|built|sold|sent|"
    r"bought|gave|took|won|got|made)\b"
)


def _group_parties(s: str, base: int, parties: list[_Party]) -> None:
    """Coordinated parties share a group ("France, Israel, the United States and Germany")."""
    gid = 0
    for i, p in enumerate(parties):
        gap = s[parties[i - 1].mention.end - base : p.mention.start - base] if i else ""
        loose = p.mention.form == "demonym" or _SPEAKER_NEAR.match(s[p.mention.end - base :])
        if i and gap == "-" and p.mention.form == "demonym" and parties[i - 1].mention.form == "demonym":
            p.group = parties[i - 1].group  # "the American-Norwegian X": a joint design of both states
        elif (
            i
            and _LIST_GAP.match(gap)
            and not (loose and not _CONJUNCTION.search(gap))
            and not (
                gap.strip() == "," and _FINITE_NEXT.match(s[p.mention.end - base : p.mention.end - base + 12])
            )
            # "from A, and B is expected to follow": after a single party, ", and" + a finite verb
            # starts a clause with its own subject ("A, B, and C have bought" stays a list)
            and not (
                "," in gap
                and sum(q.group == parties[i - 1].group for q in parties[:i]) == 1
                and _CLAUSE_VERB_NEXT.match(s, p.mention.end - base)
            )
        ):
            p.group = parties[i - 1].group
        else:
            gid += 1
            p.group = gid


def _relation_roles(s: str, base: int, parties: list[_Party]) -> None:
    """Stated supplier relationships: "X remains Y's main arms supplier", "Y's top supplier, X"."""
    for i, (p, q) in enumerate(itertools.pairwise(parties)):
        gap = s[p.mention.end - base : q.mention.start - base]
        if len(gap) > 120:
            continue
        if _SHARE_OF_GAP.search(gap) and _SELLER_EXPORTS_NEXT.match(s[q.mention.end - base :]):
            # "B accounted for two-thirds of A-ian arms exports", "B ..., taking 38% of A-ian
            # deliveries": the share is the buyer's, of the seller's exports
            p.role, p.cue, q.role, q.cue = "buyer", "relation", "supplier", "relation"
            for x in parties[:i]:
                if x.group == p.group and x.role is None:
                    x.role, x.cue = "buyer", "relation"
        elif (_REL_SUBJ_GAP.match(gap) and _REL_OWNER.match(s[q.mention.end - base :])) or _REL_TO_GAP.match(
            gap
        ):
            p.role, p.cue, q.role, q.cue = "supplier", "relation", "buyer", "relation"
            # "A and B remain Y's main suppliers": every state of the subject's list supplies Y
            for x in parties[:i]:
                if x.group == p.group and x.role is None:
                    x.role, x.cue = "supplier", "relation"
        elif (_REL_APPOS_GAP.match(gap) or _REL_CAME_GAP.match(gap)) or (
            _REL_RELY_GAP.match(gap) and _REL_FOR_ARMS.match(s[q.mention.end - base :])
        ):
            p.role, p.cue, q.role, q.cue = "buyer", "relation", "supplier", "relation"
            # "Y's main suppliers are A and B": the list after the noun
            for x in parties[i + 2 :]:
                if x.group == q.group and x.role is None:
                    x.role, x.cue = "supplier", "relation"
    if " its " in s or " their " in s:
        _pronoun_relations(s, base, parties)
    if " after " in s:
        _ranked_after(s, base, parties)
    if contains_any(s, _CUSTOMER_WORDS):
        _customer_roles(s, base, parties)
    _share_list_suppliers(s, base, parties)
    if "followed by" in s:
        _ranked_followers(s, base, parties)


def pronoun_relation_supplier(s: str, base: int, parties: list[_Party]) -> _Party | None:
    """The supplier of a relation whose possessive pronoun names no state of the sentence ("A ranks
    first. B supplied 45% of its imports", "It bought X, as it moves away from B, its traditional
    supplier"): the first state followed by such a relation with no state named before it (the
    caller finds the pronoun's state in the sentence before)."""
    for i, p in enumerate(parties):
        if p.kind != "country" or p.role == "buyer" or p.mention.form == "demonym":
            continue
        if any(q.kind == "country" and q.mention.form != "demonym" for q in parties[:i]):
            return None
        if _REL_PRONOUN_NEXT.match(s[p.mention.end - base :]):
            return p
    return None


_INDUSTRY_CUE = re.compile(r"subject:" + INDUSTRY_HABITUAL + r"$", re.IGNORECASE)


def _industry_relations(parties: list[_Party]) -> None:
    """The seller of a habitual industry supply ("A-ian companies still sell ammunition to B") states
    a standing relation of A and B, not one deal: its cue says so, so the claim stands beside the
    pair's named deals instead of being read as one of them told again."""
    for p in parties:
        if p.role == "supplier" and _INDUSTRY_CUE.match(p.cue):
            p.cue = "relation"


def _pronoun_relations(s: str, base: int, parties: list[_Party]) -> None:
    """A supplier relation whose buyer is a possessive pronoun for a state named earlier in the
    sentence: "B's reliance on A, which supplied 80 per cent of its arms imports", "B and C were
    large importers, with A supplying most of their arms", "B's purchases fell, though A remained its
    biggest supplier".  Why: the pairwise reading (:func:`_relation_roles`) needs both states named
    around the relation noun, and news refers back to the buyer it has just named.  The pronoun's
    state is the nearest state named before the supplier (by name, not a demonym: "A-ian equipment"
    names a seller's goods), with its coordinated list ("their")."""
    for i, p in enumerate(parties):
        if (
            p.kind != "country"
            or p.role == "buyer"
            or not i
            or not _REL_PRONOUN_NEXT.match(s[p.mention.end - base :])
        ):
            continue
        owners = [
            q
            for q in parties[:i]
            if q.kind == "country" and q.mention.form != "demonym" and q.iso3 not in (None, p.iso3)
        ]
        if not owners:
            continue  # the pronoun stands for a state of an earlier sentence: see pronoun_relation_supplier
        q = owners[-1]
        p.role, p.cue = "supplier", "relation"
        for x in owners:
            if x.group == q.group:
                x.role, x.cue = "buyer", "relation"


#: "A is Y's second-largest supplier after C", "the second-largest donor of arms to Y after C": the
#: ordinal rank of the relation, and the gap from its last party to the state ranked above
_RANKED_SECOND = re.compile(
    r"\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ](?:largest|biggest)\b", re.IGNORECASE
)
_AFTER_GAP = re.compile(r"^(?:(?:'s?|’s?)\s+[^,.;:()]{0,60}?)?\s+(?:only\s+)?after\s+(?:the\s+)?$")


def _ranked_after(s: str, base: int, parties: list[_Party]) -> None:
    """The state a ranked relation names above its subject ("A is Y's second-largest arms supplier after
    C", "the second-largest donor of arms to Y after C"): C supplies Y too (it ranks first), a standing
    relation of its own; "after C and D" ranks each state of the list above."""
    if not _RANKED_SECOND.search(s):
        return
    for q, z in itertools.pairwise(parties):
        ranked = q.cue == "relation" and q.role == "buyer" and z.kind == "country" and z.iso3 != q.iso3
        if (
            ranked
            and z.role in (None, "other")
            and _AFTER_GAP.match(s[q.mention.end - base : z.mention.start - base])
        ):
            for x in parties:
                if x.group == z.group and x.role in (None, "other") and x.kind == "country":
                    x.role, x.cue = "supplier", "relation"


_CUSTOMER_WORDS = ("customer", "client", "recipient", "importer", "buyer")
_CUSTOMER_NOUN = (
    r"(?:[\w-]+\s+){0,2}?" + _REL_ADJ + r"\s+(?:[\w-]+\s+){0,2}?(?:customers?|clients?|recipients?)"
)
#: "B was A's largest customer": the gap between B and A, a main clause's verb (in a relative clause,
#: "B, which is A's largest customer, signed with C for X", the main verb's deal is the sentence's)
_CUSTOMER_SUBJ_GAP = re.compile(r"^\s+" + _REL_BE + r"(?:one of\s+)?(?:the\s+)?$")
#: ... and after A (the owner of the noun, the seller)
_CUSTOMER_OWNER = re.compile(r"^(?:'s?|’s?)\s+" + _CUSTOMER_NOUN + r"\b(?!\s+for\b)")
#: "A's main customer was B", "A's largest clients, B and C,": the gap between the seller and the buyer
_CUSTOMER_APPOS_GAP = re.compile(
    r"^(?:'s?|’s?)\s+" + _CUSTOMER_NOUN + r"\s*(?:,|:|\b(?:is|was|are|were|remains?|remained|has been|"
    r"have been|became|included|include)\b)\s*(?:the\s+)?$"
)
#: "B was the largest recipient of A's arms", "B became the main importer of A weapons": the gap
#: between the buyer and the seller, whose arms (exports, weapons) follow it; the rank also told by a
#: list ("with B and C listed among the biggest buyers of A hardware") or in an appositive ("B, for
#: years among the biggest buyers of A weapons, ...")
_CUSTOMER_OF_GAP = re.compile(
    r"^(?:\s+(?:"
    + _REL_BE
    + r"|(?:(?:is|are|was|were)\s+)?(?:listed|ranked|counted|named)\s+)"
    + r"|,\s*(?:(?:for|over)\s+(?:years|decades)\s+|long\s+|once\s+|traditionally\s+|historically\s+)?"
    + r"(?=one of\b|among\b))"
    + r"(?:one of\s+|among\s+)?(?:the\s+)?(?:world's\s+)?(?:[\w-]+\s+){0,2}?"
    + _REL_ADJ
    + r"\s+(?:[\w-]+\s+){0,2}?(?:customers?|clients?|recipients?|importers?|buyers?)\s+of\s+(?:the\s+)?$"
)
_SELLER_GOODS_NEXT = re.compile(
    r"^(?:'s?|’s?)?\s*(?:[\w.-]+\s+){0,2}?(?:arms|weapons|weaponry|exports|(?:military|defen[cs]e) (?:equipment|hardware))\b"
)
#: "A's exports rose by a third, with B and C the main recipients": from the seller's exports to the
#: first buyer of the list, and after the list's last
_EXPORTS_WITH_GAP = re.compile(
    r"^(?:'s?|’s?)\s+(?:arms\s+|weapons\s+|defen[cs]e\s+)?exports\b[^.;:()]{0,80}?,\s*with\s+(?:the\s+)?$"
)
_AS_RECIPIENTS_NEXT = re.compile(
    r"^\s+(?:as\s+)?(?:the|its|their)\s+"
    + _REL_ADJ
    + r"\s+(?:customers|clients|recipients|buyers|destinations)\b"
)


def _customer_roles(s: str, base: int, parties: list[_Party]) -> None:
    """A supplier relation told from the seller's side (labelling rule 5: a standing relation is
    ``unknown``): "B remained A's main customer", "A's largest customer was B", "B was the largest
    recipient of A's arms", "A's exports grew, with B and C the main recipients".  Each buyer of a
    coordinated list ("B and C were A's largest customers") takes the role of the list."""

    def rest(q: _Party) -> str:
        return s[q.mention.end - base :]

    for i, (p, q) in enumerate(itertools.pairwise(parties)):
        if p.kind != "country" or q.kind != "country":
            continue
        gap = s[p.mention.end - base : q.mention.start - base]
        if len(gap) > 120:
            continue
        if (_CUSTOMER_SUBJ_GAP.match(gap) and _CUSTOMER_OWNER.match(rest(q))) or (
            _CUSTOMER_OF_GAP.match(gap) and _SELLER_GOODS_NEXT.match(rest(q))
        ):
            buyers, seller = [x for x in parties[: i + 1] if x.group == p.group], q
        elif _CUSTOMER_APPOS_GAP.match(gap):
            buyers, seller = [x for x in parties[i + 1 :] if x.group == q.group], p
        elif _EXPORTS_WITH_GAP.match(gap):
            buyers, seller = [x for x in parties[i + 1 :] if x.group == q.group], p
            if not _AS_RECIPIENTS_NEXT.match(rest(buyers[-1])):
                continue
        else:
            continue
        seller.role, seller.cue = "supplier", "relation"
        for b in buyers:
            b.role, b.cue = "buyer", "relation"


#: "followed by A with 12% and B (11%)": from the relation to the first follower, and between followers
_FOLLOWED_BY_GAP = re.compile(r",?\s+followed\s+by\s+(?:the\s+)?$")
_FOLLOWER_GAP = re.compile(
    r"^\s*(?:(?:with\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?\d+(?:\.\d+)?\s*(?:%|per\s?cent)\s*|"
    r"\(\s*[^()]{1,24}\)\s*)?(?:,\s*(?:and\s+)?|\s*and\s+)(?:by\s+)?(?:the\s+)?$"
)


def _ranked_followers(s: str, base: int, parties: list[_Party]) -> None:
    """The states that follow a ranked relation: "A supplied 45% of Y's imports, followed by B with 12%
    and C", "Y remained A's main customer, followed by D and E".  The ranked state is the relation's
    party that owns no noun (not "Y's"); each follower takes its role beside the same counterpart."""
    rel = [p for p in parties if p.cue == "relation" and p.role in ("supplier", "buyer")]
    if len(rel) < 2 or len({p.role for p in rel}) < 2:
        return
    # a demonym owns its noun as much as "A's" does ("38% of A-ian deliveries, followed by C")
    ranked = [
        p for p in rel if p.mention.form != "demonym" and not re.match(r"['’]s?\b", s[p.mention.end - base :])
    ]
    if not ranked:
        return
    lead = ranked[-1]
    after = [
        p
        for p in parties
        if p.mention.start > max(q.mention.end for q in rel) and p.mention.form != "demonym"
    ]
    if not after or p_gap(s, base, rel[-1], after[0], _FOLLOWED_BY_GAP) is False:
        return
    prev = after[0]
    followers = [prev]
    for q in after[1:]:
        if not _FOLLOWER_GAP.match(s[prev.mention.end - base : q.mention.start - base]):
            break
        followers.append(q)
        prev = q
    for q in followers:
        if q.kind == "country" and q.role in (None, "other") and q.iso3 not in {p.iso3 for p in rel}:
            q.role, q.cue = lead.role, "relation"


def p_gap(s: str, base: int, p: _Party, q: _Party, rx: re.Pattern[str]) -> bool:
    """Whether the text between ``p`` and ``q`` ends in ``rx`` (searched, at most 120 characters)."""
    gap = s[p.mention.end - base : q.mention.start - base]
    return len(gap) <= 120 and rx.search(gap) is not None


#: "B accounted for two-thirds of", "B remained its main customer, taking 38% of": the end of the gap
#: between a buyer and the seller whose exports follow (see _SELLER_EXPORTS_NEXT)
_SHARE_OF_GAP = re.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|took|takes|taking|received|receives|receiving|absorbed|absorbing)\s+"
    + _REL_SHARE
    + r"\s+of\s+(?:the\s+)?$"
)
#: ... and what follows the seller: its exports or deliveries ("A-ian arms exports", "A's deliveries")
_SELLER_EXPORTS_NEXT = re.compile(
    r"^(?:'s?|’s?)?\s+(?:[\w-]+\s+){0,2}?(?:exports|deliveries|arms\s+sales|weapons\s+sales)\b"
)
#: "Y has relied almost entirely on X for new weapons": the gap between Y and X ...
_REL_RELY_GAP = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:relie[sd]|rely|relying|depend(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,2}?on\s+(?:the\s+)?$"
)
#: ... and what X is relied on for (arms, not "for transit" or "for support")
_REL_FOR_ARMS = re.compile(
    r"^\s+for\s+(?:[\w-]+\s+){0,2}?(?:arms|weapons|military (?:equipment|hardware)|defen[cs]e (?:equipment|hardware|imports))\b"
)
#: "of the weapons Y imported over two decades came from X": the gap between Y and X
_REL_CAME_GAP = re.compile(
    r"^\s*(?:has |have |had )?(?:imported|bought|acquired|purchased|received)\b[^.;()]{0,80}?"
    r"\b(?:came|come|comes|coming) from\s+(?:the\s+)?$"
)
#: "(36 per cent)", "(about 20%)" right after a state: its share of the relation's imports
_SHARE_PAREN = re.compile(
    r"^\s*\(\s*(?:about |around |some |nearly |roughly |over |almost )?\d+(?:\.\d+)?\s*(?:%|per ?cent)\s*\)"
)


def _share_list_suppliers(s: str, base: int, parties: list[_Party]) -> None:
    """The other suppliers of a share sentence, each with its share in brackets: "X accounted for 13
    per cent of Y's arms imports, behind A (36 per cent) and B (33 per cent)" states A's and B's
    relations with Y as well.  Only after a relation already read in the sentence, so a bracketed
    share elsewhere (a market share, a poll) names no supplier."""
    rel = [p for p in parties if p.cue == "relation"]
    if not any(p.role == "buyer" for p in rel) or not any(p.role == "supplier" for p in rel):
        return
    last = max(p.mention.end for p in rel)
    for p in parties:
        if p.cue != "relation" and p.mention.start >= last and _SHARE_PAREN.match(s[p.mention.end - base :]):
            p.role, p.cue = "supplier", "relation"


def _subject_reach(s: str, base: int, start: int, p: _Party, parties: list[_Party]) -> tuple[int, int]:
    """The length of the clause after a group ending at ``start`` and the distance to the next
    group's first party (the clause length when none follows).

    Why apart: only a group with a trigger after it needs them, and the clause scan is one of the
    costlier per-party scans of the extractor (most groups have none)."""
    window = s[start : start + 160]
    # "A said it would hand over six": the speaker is the subject of the reported verb
    said = _SAID_IT_NEXT.match(window)
    cut = _CLAUSE_END.search(window, said.end() if said else 0)  # what re.split(...)[0] kept
    clause_len = cut.start() if cut else len(window)
    nxt = [q for q in parties if q.mention.start - base >= start and q.group != p.group]
    return clause_len, min((q.mention.start - base - start for q in nxt), default=clause_len)


#: a coordinated verb phrase without a subject of its own ("gave X to B in 2023, and is buying Y"): the
#: verb after "and" is the sentence subject's, never the party right before it
_AND_VP_BEFORE = re.compile(
    r"(?:,\s*|\s)and\s+(?:(?:also|now|then|later|is|are|was|were|has|have|had|will|would|"
    r"(?:in|by|since)\s+(?:early\s+|late\s+)?(?:19|20)\d\d|last\s+year|this\s+year),?\s+){0,3}\Z"
)


#: a preposition governing a party (over its possessive: "from A's" before A's firm): the party is no
#: subject of a verb after a new coordinate clause ("bought X from A's maker, and in 2019 took delivery")
_GOVERNED_BEFORE = re.compile(
    r"\b(?:from|with|by|than|like|unlike|on|at)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:'s|\u2019s)\s+)?\Z"
)


#: a pronoun subject of the passive right before its verb ("... before it was sold", "until they were
#: handed over"): the passive's subject is the pronoun's item, never a party named before it
_PRONOUN_PASSIVE = re.compile(
    r"\b(?:it|they)\s+(?:(?:was|were|had|has|have|been|later|then|eventually)\s+){1,3}\Z"
)


#: a bare state name right before "arms sales" ("in Taiwan arms sales"), without "to" after it ...
_MODIFIER_OF_SALES = re.compile(r"\s+(?:arms|weapons|military)\s+sales?\b(?!\s+to\b)", re.IGNORECASE)
#: ... inside a prepositional phrase: a noun modifier, not the subject of "sales"
_PREP_BEFORE = re.compile(r"\b(?:in|of|for|on|about|over)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _subject_roles(
    s: str, base: int, parties: list[_Party], trig: list[tuple[str, int, int, str]], lasts: dict[int, _Party]
) -> None:
    """Subjects: a party (group) followed by a verb trigger in the same clause takes the verb's role."""
    for p in parties:
        if p.role is not None and p.cue != "official":
            continue  # "Chinese officials have offered N X": officials act for their state
        if _OBJ_OF_SELL.search(s[max(0, p.mention.start - base - 24) : p.mention.start - base]):
            continue  # "A, which promised B N X, has delivered none": B is the object, never a subject
        if (
            p.mention.form == "name"
            and _MODIFIER_OF_SALES.match(s, p.mention.end - base)
            and _PREP_BEFORE.search(s, 0, p.mention.start - base)
        ):
            # "approved $2 billion in B arms sales": B names the sales' market (arms sales for B), not
            # their seller ("US arms sales to B" keeps its reading: "to" follows)
            p.role, p.cue = "buyer", "for"
            continue
        start = lasts[p.group].mention.end - base
        reach = limit = -1  # how far after the group a verb may be: worked out at the first trigger after it
        for _status, ts, te, word in trig:
            if ts < start:
                continue
            if reach < 0:
                clause_len, limit = _subject_reach(s, base, start, p, parties)
                reach = min(clause_len, limit + 40)
            if ts - start > reach:
                continue
            between = s[start:ts]
            if ts - start > limit and not _PRONOUN.search(between):
                continue
            if " and " in between and _AND_VP_BEFORE.search(between):
                continue  # "..., and is buying": another subject's coordinated verb
            if ", and " in between and _GOVERNED_BEFORE.search(s, 0, p.mention.start - base):
                # a party in a prepositional phrase, then a new coordinate clause: the verb is the
                # sentence subject's ("It bought X from A's maker, and in 2019 took delivery of Y"),
                # never the party's
                break
            vclass = _verb_class(word, s[te:])
            if vclass is None or _participle_item(s, (_status, ts, te, word)):
                continue  # "the donated jets": a participle describing an item, no verb of the subject
            if _reduced_relative(s, ts, te, word, vclass):
                continue  # "A flies jets supplied by B", "under a deal concluded in 2021": no subject's verb
            if _STOP_BEFORE.search(between) and _EXPORTS_WORD.match(word):
                p.role, p.cue = "other", "stopped-exports"  # "X froze arms exports to Y": a policy, no sale
                break
            if _HOSTILE_BETWEEN.search(between):
                p.role, p.cue = "other", "hostile"  # "X imposed sanctions on firms selling arms to Y"
                break
            if vclass == "sell" and _BE_BEFORE.search(between) and _GIVEN_VERB.match(word):
                if p.mention.form == "demonym":
                    continue  # "X from F, the French maker, have been handed over": an adjective, no recipient
                if _PART_OF_WHICH.search(between):
                    continue  # "bought ships from A's yard, the first of which was handed over": the ships
                if _PRONOUN_PASSIVE.search(between):
                    continue  # "had served in A's navy before it was sold to B": "it" was sold, not A
                p.role, p.cue = "buyer", "passive-recipient"  # "India was sold ...", "X were supplied"
            elif vclass == "buy" and _PASSIVE_BUY.search(between) and _PARTICIPLE_WORD.match(word):
                continue  # "Dassault, whose Rafale was picked": what was bought, not who bought
            elif vclass == "buy":
                p.role, p.cue = "buyer", f"subject:{word}"
            elif vclass == "sell":
                p.role, p.cue = "supplier", f"subject:{word}"
            elif _SALE_NOUN.search(between):
                p.role, p.cue = "supplier", f"subject:{word}"  # "expanded the export ... by negotiating"
            elif _PURCHASE_NOUN.search(between):
                p.role, p.cue = "buyer", f"subject:{word}"
            else:
                p.role, p.cue = "pair", f"subject:{word}"
            break


def _later_roles(s: str, base: int, parties: list[_Party], trig: list[tuple[str, int, int, str]]) -> None:
    """Roles read after the subjects: appositions, relative and gapped clauses, "where", hostile
    acts, objects of sell verbs."""
    if "," in s:
        _appositive_subjects(s, base, parties, trig)
        if ", wh" in s:
            _relative_subjects(s, base, parties, trig)
    if " and " in s:
        _gapped_subjects(s, base, parties)
    if "where" in s:
        # "in B, where A has supplied N X": the place before "where" receives what its subject sells
        for p, q in itertools.pairwise(parties):
            if (
                p.role in (None, "pair", "other")
                and p.mention.form != "demonym"
                and q.role == "supplier"
                and q.cue.startswith("subject:")
                and _WHERE_GAP.fullmatch(s, p.mention.end - base, q.mention.start - base)
            ):
                p.role, p.cue = "buyer", "where-recipient"
    # a party acting against the deal the sentence names, even across a clause ("X said it would
    # impose sanctions on firms involved in arms sales to Y"): no party to it
    for p in parties:
        if p.role is None:
            start = p.mention.end - base
            nxt = next((t for t in trig if t[1] >= start), None)
            if nxt is not None and _HOSTILE_BETWEEN.search(s[start : nxt[1]]):
                p.role, p.cue = "other", "hostile"
    # objects of sell verbs: "sold India", "supply Ukraine with"; also over a subject role the party
    # took for a later verb ("A, which had promised B 50 X, has not delivered any": B is the object of
    # "promised", not the subject of "delivered")
    for p in parties:
        if p.role in (None, "pair", "speaker") or (p.role == "supplier" and p.cue.startswith("subject:")):
            left = s[max(0, p.mention.start - base - 24) : p.mention.start - base]
            if _OBJ_OF_SELL.search(left):
                p.role, p.cue = "buyer", "object-of-sell"


#: a co-party: "jointly with B", "together with B", "on behalf of (itself,) B and C"
_JOINT_WITH = re.compile(
    r"\b(?:(?:jointly|together)\s+with|on\s+behalf\s+of(?:\s+(?:itself|themselves)\s*,?(?:\s*and)?)?)"
    r"\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: a second "by" phrase of a passive verb: "ordered by A and B, and jointly by C and D"
_AND_BY = re.compile(
    r"\b(?:and|or|as\s+well\s+as)\s+(?:(?:also|jointly|together|separately|later)\s+)?by\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: "A, like B, chose X", "A, unlike B, bought X": a comparison between commas after the subject
_LIKE_BETWEEN_COMMAS = re.compile(r"\w,\s+(?:just\s+)?(?:like|unlike)\s+(?:the\s+)?\Z", re.IGNORECASE)
#: "A joins B's order for X", "A will join B's purchase": A becomes a buyer of B's deal
_JOINS_ORDER_NEXT = re.compile(
    r"^\s+(?:(?:has|have|had|will|would|is\s+to|are\s+to|plans?\s+to|intends?\s+to|agreed\s+to|"
    r"decided\s+to|is\s+set\s+to|is\s+expected\s+to|also)\s+)?join(?:s|ed)?\s+(?:the\s+)?"
    r"[A-Z][\w .-]{0,30}?(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,3}?(?:order|purchase|procurement|contract|buy)\b"
)
#: "together with B's maker", "together with B's yard": the maker's home, no co-buyer
_CO_MAKER_NEXT = re.compile(
    r"^(?:'s?|\u2019s?)\s+(?:[\w-]+\s+){0,2}?(?:makers?|manufacturers?|builders?|yards?|shipyards?|firms?|"
    r"compan(?:y|ies)|industry|industries|developers?|designers?|producers?|contractors?)\b",
    re.IGNORECASE,
)


def _buying(s: str, trig: list[tuple[str, int, int, str]]) -> bool:
    """Whether the sentence's verbs buy (a buying verb or a purchase noun) and none sells."""
    classes = {_verb_class(word, s[te:]) for _st, _ts, te, word in trig}
    return ("buy" in classes or any(st == "purchase" for st, *_ in trig)) and "sell" not in classes


def _co_parties(s: str, parties: list[_Party], trig: list[tuple[str, int, int, str]]) -> None:
    """A co-party ("A, together with B, ordered X", "A will negotiate the purchase jointly with B",
    "A signed on behalf of itself, B and C") takes the side of the party it is joined to: the
    subject before it, else the nearest party before it, with a buyer's or seller's role.  When that party has no side of its own
    yet (its verb was cut off by the co-party, or it is a bare subject), both buy when the sentence's
    verbs buy and none sells; otherwise the co-party is a plain "with" counterpart as before."""
    for i, p in enumerate(parties):
        if p.role not in ("co", "co-by", "co-join", "co-behalf"):
            continue
        before = [
            q
            for q in reversed(parties[:i])
            if q.role not in ("co", "co-by", "co-join", "co-behalf")
            and q.group != p.group
            and q.iso3 != p.iso3
        ]
        # "A will deliver X to C together with B": B joins the clause's subject A, not the nearer C
        subject = next((q for q in before if q.cue.startswith("subject:")), None)
        anchor = subject if p.role == "co" and subject is not None else next(iter(before), None)
        if p.role == "co-join":
            # "A joins B's order": A buys beside B, the buyer named after it
            joined = next((q for q in parties[i + 1 :] if q.iso3 != p.iso3), None)
            if joined is None or joined.role not in (None, "buyer", "modifier", "pair"):
                p.role, p.cue = None, ""
                continue
            if joined.role != "buyer":  # "Estonia's order", "the Estonian order": the order's owner buys
                joined.role, joined.cue = "buyer", "order-owner"
            p.role, p.cue = "buyer", "co-buyer"
            continue
        if p.role == "co-by":
            # a second "by" phrase repeats the first one's role, whatever it is ("made by A and by B")
            by_cue = anchor is not None and anchor.cue.endswith("-by")
            p.role, p.cue = (anchor.role, f"and-{anchor.cue}") if by_cue else (None, "")
            continue
        if p.role == "co-behalf":
            p.role, p.cue = "buyer", "co-buyer"  # the state a contract is signed for buys, whoever signs
            if anchor is not None and anchor.role in (None, "pair") and _buying(s, trig):
                anchor.role, anchor.cue = (
                    "buyer",
                    anchor.cue or "co-buyer",
                )  # "A signed on behalf of itself, B"
            continue
        if anchor is not None and anchor.role in ("buyer", "supplier"):
            p.role, p.cue = anchor.role, f"co-{anchor.role}"
            continue
        if anchor is not None and anchor.role in (None, "pair") and _buying(s, trig):
            anchor.role, anchor.cue = "buyer", anchor.cue or "co-buyer"
            p.role, p.cue = "buyer", "co-buyer"
        else:
            p.role, p.cue = "with", "with"


#: a firm named as a partner in a relative clause of making: "which builds X with US firm F"
_CO_MAKER = re.compile(
    r"\b(?:which|that|who)\s+(?:also\s+|jointly\s+)?(?:makes?|made|builds?|built|produces?|produced|"
    r"develops?|developed|manufactures?|manufactured)\b[^,;.]*?\b(?:with|alongside)\s+(?:[\w-]+\s+){0,3}$"
)


def _company_roles(s: str, base: int, parties: list[_Party]) -> None:
    """Companies are suppliers unless a cue said otherwise; companies listed after "developed by ..."
    are the system's makers (origin), not the seller in this deal."""
    origin_at = min(
        (p.mention.start for p in parties if p.role == "origin" and p.cue.endswith("-by")), default=None
    )
    won_at = _WON_CONTRACT.search(s)
    for p in parties:
        if (
            won_at is not None
            and p.company
            and p.role == "with"
            and any(
                q.company and q.iso3 != p.iso3 and 0 <= q.mention.start - base < won_at.start()
                for q in parties
            )
        ):
            # "BAE won an order with HAL to supply ...": the winner's counterpart is the customer
            p.role, p.cue = "buyer", "with-winner"
            continue
        left = s[max(0, p.mention.start - base - 80) : p.mention.start - base]
        if p.role in (None, "pair", "speaker", "with") and _CO_MAKER.search(left):
            # the partner in a state's own make ("N, which builds X with US firm F, has given
            # ..."), the firm and its state: a co-maker, neither this deal's seller nor its buyer
            p.role, p.cue = "other", "co-maker"
            continue
        if p.company and p.role in (None, "pair", "speaker", "with"):
            if origin_at is not None and 0 <= p.mention.start - origin_at <= 160:
                p.role, p.cue = "origin", "maker"
            else:
                p.role, p.cue = "supplier", "company"


#: cues of a passive approval ("a deal approved/cleared by C"): C consents; whether C also buys
#: depends on whether the sentence names another buyer
_CONSENT_BY = frozenset({"approved-by", "cleared-by"})


def _consenting_approvers(parties: list[_Party]) -> None:
    """A state approving a deal another named state buys in ("A bought X from B in a deal approved
    by C") gives its consent (a re-export's first seller, an alliance body) and buys nothing; with no
    other subject buyer, "approved by A's cabinet" stays A approving its own purchase."""
    approvers = [p for p in parties if p.role == "buyer" and p.cue.lower() in _CONSENT_BY]
    if not approvers:
        return
    for p in approvers:
        if any(q.role == "buyer" and q.cue.startswith("subject:") and q.iso3 != p.iso3 for q in parties):
            p.role, p.cue = "other", "consent-by"


def _roles(s: str, base: int, parties: list[_Party], trig: list[tuple[str, int, int, str]]) -> None:
    """Each party's role in the sentence and the cue that decided it, in a fixed order of readings:
    groups, the cue around each group, stated relationships, subjects of trigger verbs, later
    readings, companies, then the special shapes (former buyers, original suppliers, re-exports,
    consents, onward transfers, relative recipients, lost bids)."""
    _group_parties(s, base, parties)
    firsts: dict[int, _Party] = {}
    lasts: dict[int, _Party] = {}
    for p in parties:
        firsts.setdefault(p.group, p)
        lasts[p.group] = p
    for p in parties:
        first, last = firsts[p.group], lasts[p.group]
        ls = s[: first.mention.start - base]
        if ls.endswith(FORCE_HONORIFIC):
            ls = ls[: -len(FORCE_HONORIFIC)]  # "to the Royal Thai Navy": the cue is "to the"
        rs = s[last.mention.end - base :]
        own_right = s[p.mention.end - base :]
        left = ls[-80:]
        role, cue = _cue(left, rs, own_right, p, s, ls)
        p.role, p.cue = role, cue
    if trig and any(t[0] == "unknown" for t in trig):
        _relation_roles(s, base, parties)
    _subject_roles(s, base, parties, trig, lasts)
    if trig and any(t[0] == "unknown" for t in trig):
        _industry_relations(parties)
    _later_roles(s, base, parties, trig)
    if trig and (" it " in s or " they " in s):
        _pronoun_givers(s, base, parties, trig)
    if any(p.role in ("co", "co-by", "co-join", "co-behalf") for p in parties):
        _co_parties(s, parties, trig)
    if s[:2] in ("Af", "Ha", "Si", "On", "Up"):
        _gerund_opening_subject(s, base, parties)
    _company_roles(s, base, parties)
    if "by " in s:
        _consenting_approvers(parties)
    if contains_any(s, _FORMER_WORDS):
        _former_buyers(s, base, parties)
    if " from " in s:
        _original_suppliers(s, base, parties)
        if "export" in s or "transfer" in s:
            _reexport_approvers(s, parties)
    if "'s " in s or "\u2019s " in s:
        _consented_sales(s, base, parties)
    if " to " in s:
        done = [hi for _lo, hi in onward_gifts(s)] if _ONWARD_DONE_RX.may_match(s) else []
        for p in parties:
            if _ONWARD_TO.search(s, max(0, p.mention.start - base - 40), p.mention.start - base):
                p.role, p.cue = "other", "onward"  # the buyer gives it on: see frames._onward_frames
            elif any(0 <= p.mention.start - base - hi <= 5 for hi in done):
                p.role, p.cue = "other", "onward-done"  # ... and has given it: a delivered gift
        if ", wh" in s:
            _relative_recipients(s, base, parties)
    if "lost " in s:
        _lost_bids(s, base, parties)
    if contains_any(s, _HALT_WORDS):
        _halted_supplies(s, base, parties)
    _own_clause_givers(s, base, parties)


#: a supplier state's halt of its arms supplies to a buyer state, naming no system: "A suspended arms
#: deliveries to B", "A froze the delivery of military equipment to B", "A imposed an arms embargo on
#: B" (labelling guidelines: a suspension is ``cancelled``; the fact has no system).  Ends at the
#: buyer's mention (searched in the text before it).
_HALTED_SUPPLY = re.compile(
    r"\b(?P<verb>suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|froze|freez(?:es|ing)|stopp(?:ed|ing)|"
    r"impos(?:ed|es|ing)|introduc(?:ed|es|ing))\s+(?:[\w$-]+\s+){0,4}?"
    r"(?:(?:arms|weapons?|military|defen[cs]e|security)\s+(?:exports?|sales|deliveries|supplies|aid|assistance|"
    r"transfers|embargo(?:es)?)|(?:deliver(?:y|ies)|sales?|exports?|supplies|transfers?)\s+of\s+(?:arms|weapons|"
    r"military\s+equipment|military\s+hardware))\b(?:,?\s+(?:including|such as)\s+[^.;]{0,40}?)?\s+"
    r"(?:to|for|on|against)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: cheap precheck of :data:`_HALTED_SUPPLY` (every match holds one of these)
_HALT_WORDS = ("uspend", "alt", "froze", "freez", "stopp", "impos", "introduc")


def _halted_supplies(s: str, base: int, parties: list[_Party]) -> None:
    """A supplier's halt of its arms supplies (see :data:`_HALTED_SUPPLY`): the state after the
    phrase is the buyer, the nearest state before the verb the supplier."""
    for i, p in enumerate(parties):
        m = _HALTED_SUPPLY.search(s, max(0, p.mention.start - base - 140), p.mention.start - base)
        if m is None or p.kind != "country":
            continue
        verb_at = m.start("verb") + base
        before = [
            q for q in parties[:i] if q.mention.end <= verb_at and q.kind == "country" and q.iso3 != p.iso3
        ]
        if not before:
            continue
        p.role, p.cue = "buyer", "halted-to"
        before[-1].role, before[-1].cue = "supplier", "halted"


#: right after a party left without a role, its own verb of giving with no item named: "B gave four
#: more", "B sent another six" (a gift of more of the same), or a refusal to supply ("B refused to
#: supply the engines")
_OWN_GIVE_NEXT = re.compile(
    r"\s+(?:(?:has|have|had|also|then|later|itself|in turn)\s+){0,2}"
    r"(?:(?P<neg>refused|declined|(?:has|have|had|did|would|will)\s+not|(?:has|have|had)\s+refused)\s+(?:to\s+)?"
    r"(?:supply|sell|deliver|export|provide|give|send|ship|transfer)\b|"
    r"(?:gave|sold|sent|donated|supplied|delivered|transferred|shipped|provided)\s+"
    r"(?:another|a\s+further|" + _COUNT_WORD + r")(?:\s+more)?\b)"
)


def _own_clause_givers(s: str, base: int, parties: list[_Party]) -> None:
    """A party no cue placed, the subject of its own verb of giving with no item named ("A donated
    six X in 2017, and B gave four more"): B gives too, never the buyer of what A gives; one that
    refused to supply ("X has been held up because B refused to supply its engines") is no party to
    the deal at all.  Why: a bare mention was taken for the buyer of the sentence's system."""
    for p in parties:
        if p.role is not None or p.mention.form == "demonym":
            continue
        m = _OWN_GIVE_NEXT.match(s, p.mention.end - base)
        if m is None:
            continue
        if m.group("neg"):
            p.role, p.cue = "other", "refused-to-supply"
        else:
            p.role, p.cue = "supplier", "subject:gave-more"


#: a sentence subject's opening: nothing, an article or a short phrase and a comma ("In 2023, the")
_OPENING_TO_SUBJECT = re.compile(
    r"\s*(?:(?:In|By|Since|Then|Later|Meanwhile)\b[^,.;:]{0,30},\s*)?(?:[Tt]he\s+)?\Z"
)
#: a pronoun subject right before a give verb, after a clause break or subordinator ("...: it sold",
#: "... when it handed over", "since they had sent"), also a give verb coordinated with an earlier verb
#: of that pronoun ("since it grounded its X in 2022 and then sent")
_PRONOUN_GIVER_BEFORE = re.compile(
    r"(?:[:;]\s+|\b(?:when|after|since|as|because|before|once|and|until)\s+)(?:it|they)\s+"
    r"(?:(?:has|have|had|also|then|later|now|already|since|subsequently|eventually)\s+){0,3}"
    r"(?:[a-z]+ed\b[^,;:()]{0,60}?\s+and\s+(?:then\s+|later\s+|also\s+|subsequently\s+){0,2})?\Z"
)
#: right before a state in an object's place: a verb or preposition, not a clause opener ("help B",
#: "with B"; not "that B", "and B", "said B")
_OBJECT_BEFORE = re.compile(
    r"\b(?!(?:that|and|but|while|whereas|said|says|as|when|after|since|because|before|once|if|until|or)\s)"
    r"[a-z]+\s+(?:the\s+)?\Z"
)
#: verbs of handing over one's own equipment (a pronoun's antecedent is their giver)
_GIVE_VERB = re.compile(
    r"(?:handed|sent|gave|given|donated|transferred|sold|passed|lent|shipped|delivered|supplied|resold)\b"
)


def _pronoun_givers(s: str, base: int, parties: list[_Party], trig: list[tuple[str, int, int, str]]) -> None:
    """The sentence's subject state gives away what a later pronoun subject hands over: "A has had no
    jets since it grounded its X and then sent 13 of them to B", "A was the first to help B when it
    handed over its X", "A followed: it sold N X to B".  Why: the pronoun hid the giver, and the
    system's design state (its maker's home) took the seller's place, wrong for any re-export."""
    first = next((p for p in parties if p.mention.start >= base), None)
    if (
        first is None
        or first.role is not None
        or first.kind != "country"
        or first.mention.form == "demonym"
        or not _OPENING_TO_SUBJECT.fullmatch(s, 0, first.mention.start - base)
        or any(q is not first and q.group == first.group for q in parties)  # "A and B ...": a group
    ):
        return
    start = first.mention.end - base
    for _status, ts, _te, word in trig:
        if ts <= start or not _GIVE_VERB.match(word):
            continue
        pron = _PRONOUN_GIVER_BEFORE.search(s, start, ts)
        if pron is None:
            continue
        # a state between the subject and the pronoun could be its antecedent unless it is an object
        # ("gave Kyiv ... when it handed over", "... to B, after it sent")
        between = [q for q in parties if start <= q.mention.start - base < pron.start()]
        if any(
            q.role not in ("buyer", "other") and not _OBJECT_BEFORE.search(s, 0, q.mention.start - base)
            for q in between
        ):
            return
        first.role, first.cue = "supplier", f"subject:{word}"
        return


def _gerund_opening_subject(s: str, base: int, parties: list[_Party]) -> None:
    """The subject after an opening gerund clause of receiving or buying ("After taking delivery of
    three X built by B, A signed a contract with C for Y") bought what the clause names: A is a
    buyer (with C the seller of Y, A buys Y too), never a mere counterpart."""
    m = _GERUND_OPENING.match(s)
    if m is None:
        return
    p = next((q for q in parties if q.mention.start - base >= m.start()), None)
    if p is None or p.mention.start - base != m.end() or p.mention.form == "demonym":
        return
    if p.role in (None, "pair"):
        p.role, p.cue = "buyer", "subject:gerund"


#: a consent to a re-export from a holder: "approved the re-export of X from B to C", "cleared the
#: transfer of B's X to C"
_REEXPORT_CONSENT = re.compile(
    r"\b(?:approv\w*|clear\w*|authori[sz]\w*|allow\w*|permit\w*|consent\w*|green-?light\w*)\s+(?:the\s+)?"
    r"(?:re-?export|re-?transfer|onward transfer)s?\s+of\b",
    re.IGNORECASE,
)


#: after a party: the consent it gives ("with US approval", "with Washington's consent")
_CONSENT_NEXT = re.compile(
    r"^(?:'s|\u2019s)?\s+(?:approval|consent|permission|blessing|go-ahead|authori[sz]ation)\b", re.IGNORECASE
)
#: before a party: a consent verb whose object is that party's own sale ("approved B's sale of X")
_CONSENT_BEFORE = re.compile(
    r"\b(?:approv\w*|clear\w*|authori[sz]\w*|allow\w*|permit\w*|green-?light\w*|consent\w*\s+to|"
    r"signed off on)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: after that party: its sale ("'s sale of", "'s planned transfer of")
_OWN_SALE_NEXT = re.compile(
    r"^(?:'s|\u2019s)\s+(?:(?:planned|proposed|possible|intended)\s+)?(?:sale|transfer|re-?export|export|"
    r"donation|delivery)s?\s+of\b",
    re.IGNORECASE,
)


def _consented_sales(s: str, base: int, parties: list[_Party]) -> None:
    """A consent to another state's own sale ("A approved B's sale of N X to C"): B sells, A (the
    item's first seller, whose leave a re-export needs) is no supplier of this deal."""
    for q in parties:
        at, end = q.mention.start - base, q.mention.end - base
        if not (_OWN_SALE_NEXT.match(s[end:]) and _CONSENT_BEFORE.search(s, max(0, at - 40), at)):
            continue
        q.role, q.cue = "supplier", "consented-sale"
        for p in parties:
            if p is not q and p.role == "supplier" and p.cue.startswith("subject:"):
                p.role, p.cue = "other", "re-export-approver"


def _reexport_approvers(s: str, parties: list[_Party]) -> None:
    """The state consenting to a re-export ("A approved the re-export of X from B to C") is the
    item's first seller giving leave, not the seller: B, the holder named by "from", re-exports
    (labelling guidelines, rule 7)."""
    if not _REEXPORT_CONSENT.search(s):
        return
    if not any(q.role == "supplier" and q.cue == "from" for q in parties):
        return
    for p in parties:
        if p.role == "supplier" and p.cue.startswith("subject:"):
            p.role, p.cue = "other", "re-export-approver"


#: a relative clause on a party up to the next party: "B, which will use them after sending its own
#: to", "B, who had earlier given hers to" (no clause break in between)
_PARTY_RELATIVE = re.compile(r"^(?:'s|\u2019s)?\s*,\s+(?:which|who)\s[^;:]*\Z")


def _relative_recipients(s: str, base: int, parties: list[_Party]) -> None:
    """A recipient "to X" inside a relative clause on another party ("A approved the sale of N Y to
    B, which will restock after sending its own to X") receives from B in B's own transfer, not in
    the sentence's deal: X is no buyer of this deal's seller."""
    for q, p in itertools.pairwise(parties):
        if (
            p.role == "buyer"
            and p.cue == "to"
            and q.role == "buyer"
            and q.iso3 != p.iso3
            and _PARTY_RELATIVE.match(s[q.mention.end - base : p.mention.start - base])
        ):
            p.role, p.cue = "other", "relative-recipient"


#: "A lost out to B", "A lost the fighter tender to B": the party before it lost a bid to B
_LOST_TO_WINNER = re.compile(
    r"\blost\s+(?:out\s+)?(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:tender|competition|contest|bid|race)\s+)?"
    r"to\s+(?:the\s+)?(?:[A-Z][\w-]*(?:'s|’s)\s+)?$"
)
#: "... to B in C": the competition's place after the winner is its buyer
_IN_PLACE = re.compile(r"^\s*(?:'s\s+\w+\s+)?(?:[\w-]+\s+){0,2}?in\s+(?:the\s+)?$")


def _lost_bids(s: str, base: int, parties: list[_Party]) -> None:
    """A lost bid ("A lost out to B in C", "A lost the tender to B in C"): per the labelling
    guidelines a losing bid is an offer, so A (the subject before "lost") offers to C; the winner B
    is no party to A's offer (its own sale is another fact the sentence does not state fully)."""
    for i, w in enumerate(parties):
        m = _LOST_TO_WINNER.search(s, max(0, w.mention.start - base - 80), w.mention.start - base)
        if m is None:
            continue
        lost_at = m.start() + base
        losers = [p for p in parties[:i] if p.mention.end <= lost_at and p.role not in ("buyer",)]
        places = [
            p
            for p in parties
            if p.mention.start > w.mention.end
            and _IN_PLACE.match(s[w.mention.end - base : p.mention.start - base])
        ]
        if not places and w.role == "buyer" and w.cue == "to":
            # "an offer of X to C lost to B": B won, it bought nothing ("lost to" is no sale's "to")
            w.role, w.cue = "other", "winner"
        if not losers or not places:
            continue
        w.role, w.cue = "other", "winner"
        losers[-1].role, losers[-1].cue = "supplier", "subject:lost"
        places[0].role, places[0].cue = "buyer", "lost-in"


#: "bought N X from A to be donated to B", "for donation to B": B gets the items from the buyer, later
_ONWARD = (
    r"\b(?:to be|for|before being|and then|which will be|which would be)\s+(?:later\s+|then\s+)?"
    r"(?:donated|given|gifted|sent|handed over|passed on|transferred|donation|transfer)\s+to\b"
)
#: a purchase whose items the buyer has since given on, told after it: "A bought X from B and donated
#: them to C", "ordered N X, several of which it has sent to C": C got them from A (a gift delivered),
#: it is no buyer of B's
_ONWARD_DONE = (
    r"(?:\band\s+(?:later\s+|then\s+|has\s+since\s+|have\s+since\s+|since\s+)?"
    r"(?:donated|gave|sent|handed|transferred|passed|shipped)\s+(?:it|them|some|most|many|several|all|part|"
    r"one|two|three|four|five|six|\d+)(?:\s+of\s+them)?(?:\s+(?:on|over))?"
    r"|,\s+(?:some|several|most|many|all|part|one|two|three|four|five|six|\d+)\s+of\s+which\s+(?:it|they)\s+"
    r"(?:(?:has|have|had|since|later|then|already|subsequently)\s+){0,2}"
    r"(?:donated|given|gave|sent|handed over|passed on|transferred|shipped))\s+to\b"
)
#: (behind a word prefilter, kg.extract._fastre.NeedsRx: most sentences with " to " name no gift verb,
#: and the case-insensitive scan tries every alternative at every position: 2% of regex time)
_ONWARD_TO = NeedsRx(re.compile(_ONWARD + r"\s+(?:the\s+)?$", re.IGNORECASE))
_ONWARD_DONE_RX = NeedsRx(re.compile(_ONWARD_DONE, re.IGNORECASE))
#: a purchase verb: only after one is a later gift clause the purchase's items given on ("grounded its
#: X and then sent some of them to C" is the gift alone, told by its own verb)
_BOUGHT = re.compile(
    r"\b(?:bought|purchased|acquired|ordered|procured|imported|obtained|took delivery of|signed for)\b",
    re.IGNORECASE,
)
#: the phrase anywhere in a sentence: its verb is the later gift's, not the purchase's stage
ONWARD_PHRASE = NeedsRx(re.compile(_ONWARD, re.IGNORECASE))


def onward_gifts(s: str) -> list[tuple[int, int]]:
    """Spans of ``s`` that give a purchase's items on, each ending at its "to" before the recipient:
    a gift planned ("to be donated to") or made after a purchase verb ("bought X and donated them
    to", "ordered X, some of which it has sent to").  Their verbs are the gift's stage, not the
    purchase's, and the state after them gets the items from the buyer."""
    out = [o.span() for o in ONWARD_PHRASE.finditer(s)]
    out += [o.span() for o in _ONWARD_DONE_RX.finditer(s) if _BOUGHT.search(s, 0, o.start())]
    return out


#: exports in general ("arms exports", "weapons sales"), not the deliveries of one deal
_EXPORTS_WORD = re.compile(r"(?:arms |weapons? |military )?(?:exports?|sales)$", re.IGNORECASE)
#: cheap precheck of :func:`_former_buyers` (every pattern below contains one of these)
_FORMER_WORDS = (" for ", " by ", "that ", "which ")
#: "from B, which got them from A", "first bought from A": A sold the item to the re-exporter
_ORIGINAL_FROM = re.compile(
    r"(?:\b(?:which|who|that)\s+(?:had\s+|has\s+|itself\s+)?(?:originally\s+|first\s+|initially\s+)?|"
    # "the jets (that) it had bought from A", "guns they once acquired from A": the seller's own purchase
    # ("much of it bought from A" is no relative clause: "it" is the object of "of")
    r"\b(?:(?:which|that)\s+)?(?<!of )(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:once\s+|earlier\s+|previously\s+)?"
    r"(?:originally\s+|first\s+|initially\s+)?|"
    r"\b(?:originally|first|initially)\s+)(?:got|bought|received|acquired|purchased|obtained|imported|supplied|"
    r"delivered)\s+(?:(?:them|it|those|the\s+[\w-]+)\s+)?(?:\w+\s+){0,2}?from\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


#: from a buyer to the relative pronoun of its own clause ("B, which", "B, who had")
_BUYER_RELATIVE = re.compile(r"\s*,\s+\Z")


def _original_suppliers(s: str, base: int, parties: list[_Party]) -> None:
    """A re-export names the item's first seller ("buys used jets from B, which got them from A",
    "B will resell jets, first bought from A, to C"): the re-exporter sells (labelling guidelines,
    rule 7), the first seller is no party to this deal.  Only when another party sells here."""
    for p in parties:
        left = s[max(0, p.mention.start - base - 70) : p.mention.start - base]
        m = _ORIGINAL_FROM.search(left) if p.role == "supplier" else None
        if m is None:
            continue
        # "B, which bought X from A, is buying Y from C": the relative clause is on the buyer, A sold
        # X to B (no re-export)
        at = p.mention.start - base - len(left) + m.start()
        if any(q.role == "buyer" and _BUYER_RELATIVE.match(s, q.mention.end - base, at) for q in parties):
            continue
        if any(q is not p and q.role == "supplier" and q.iso3 not in (None, p.iso3) for q in parties):
            p.role, p.cue = "other", "original-supplier"


#: "the N X originally ordered by A", "the ships built for A", "jets intended for A"
_FORMER_FOR = re.compile(
    r"\b(?:(?:originally|initially|first)\s+(?:ordered|bought|meant|intended|destined|earmarked|built)\s+(?:by|for)|"
    r"(?:intended|meant|destined|earmarked|built|made)\s+for)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: "the N X that A gave up", "the jets which A had ordered": A, subject of a relative clause on an item
_FORMER_THAT = re.compile(
    r"(?:[A-Z][\w-]*\d[\w-]*|" + _ITEMS4 + r")\s+(?:that|which)\s+(?:the\s+)?\Z", re.IGNORECASE
)
_FORMER_VERB = re.compile(
    r"\s+(?:had\s+|has\s+|once\s+)?(?:originally\s+|initially\s+|first\s+)?(?:ordered|bought|gave up|given up|"
    r"cancell?ed|dropped|turned down|declined|returned|rejected|was (?:to|due to) (?:receive|get))\b"
)


def _former_buyers(s: str, base: int, parties: list[_Party]) -> None:
    """The earlier buyer of an item a new buyer takes over ("X will receive the tanks that A gave
    up", "the ships originally built for A") is no party to the new deal: it only describes the
    item.  Applied only when another party of the sentence is the buyer (else the relative clause
    may be the sentence's only statement of the purchase)."""
    if len(parties) < 2 or not any(q.role == "buyer" for q in parties):
        return
    for p in parties:
        left = s[max(0, p.mention.start - base - 60) : p.mention.start - base]
        tail = left[-12:]
        if not (
            (("for " in tail or "by " in tail) and _FORMER_FOR.search(left))
            or (
                ("that " in tail or "which " in tail)
                and _FORMER_VERB.match(s, p.mention.end - base)
                and _FORMER_THAT.search(left)
            )
        ):
            continue
        if any(q is not p and q.role == "buyer" and q.iso3 != p.iso3 for q in parties):
            p.role, p.cue = "other", "former-buyer"


#: a trigger that can be a passive participle ("was picked", "were bought", "is chosen"); "are in
#: talks" is no passive
#: a quantified relative ("the first of which", "two of them") between a party and a passive verb: the
#: verb's subject is the items just named, not the party before them
_PART_OF_WHICH = re.compile(r"\bof\s+(?:which|whom|them|these|those)\b", re.IGNORECASE)
_PARTICIPLE_WORD = re.compile(r"^\w+(?:ed|en|ght|wn)\b", re.IGNORECASE)
#: a determiner right before a trigger word makes it an adjective ("the donated jets")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their)\s+\Z", re.IGNORECASE)
#: right before a past participle: the noun it describes as a reduced relative clause ("a contract
#: signed in 2019", "an arrangement concluded in 2021") or a quantifier over the items just named ("N X,
#: all handed over by 2020", ", both delivered in 2022")
_REDUCED_RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:contracts?|deals?|agreements?|arrangements?|accords?|orders?|memorand(?:um|a)|mous?|leases?|"
    r"packages?|programm?es?)|,\s+(?:(?:all|both|each|most|many|some|several|none)(?:\s+(?:of\s+(?:them|which)|[a-z]+s))?|"
    r"the\s+(?:first|last)(?:\s+[\w-]+)?(?:\s+of\s+(?:them|which))?))\s+(?:\w+ly\s+)?\Z",
    re.IGNORECASE,
)


def _reduced_relative(s: str, ts: int, te: int, word: str, vclass: str) -> bool:
    """Whether the trigger ``word`` at ``ts:te`` is a past participle qualifying the item before it (a
    reduced relative clause), in either of its two shapes:

    * after the noun it describes ("under a lease concluded in 2021", "22 X, all handed over by 2020");
    * a one-word selling participle with its agent and no auxiliary ("operate helicopters supplied by B",
      "took delivery of ships built by B"), whose agent is B.

    Why: such a participle has no subject of its own; the subject-role search otherwise walks back to
    the nearest party before it ("from A's firm, an A-ian company, under an arrangement concluded in
    2021": A as the buyer; "A flies jets supplied by B": A as the seller) and gives a maker, an owner or
    the holder the verb's role."""
    if (
        vclass == "sell"
        and " " not in word
        and s.startswith(" by ", te)
        and _AGENT_BY_NEXT.match(s, te) is not None
        and _AUX_BEFORE.search(s, max(0, ts - 30), ts) is None
    ):
        return True
    if not _PARTICIPLE_WORD.match(word) or (" " in word.strip() and not word.endswith(" over")):
        return False
    return _REDUCED_RELATIVE_BEFORE.search(s, max(0, ts - 60), ts) is not None


#: "to buy the missile as well": a purchase verb before "the" and a bare item noun
_BUY_THE_ITEM = re.compile(
    r"\b(?:buy|acquire|purchase|order|procure|obtain)(?:ing|s)?\s+(?:the|that|this)\s+(?:same\s+)?"
    r"(?P<noun>" + _ITEMS4 + r")\b(?!\s*[A-Z]\w*\d)",
    re.IGNORECASE,
)


def buys_the_item(s: str, category: str) -> bool:
    """Whether ``s`` buys "the <item>" of ``category``: it refers back to a system named before."""
    m = _BUY_THE_ITEM.search(s)
    return m is not None and ITEM_NOUNS.get(m.group("noun").lower()) == category


def _participle_item(s: str, trig: tuple[str, int, int, str]) -> bool:
    """A one-word past participle right after a determiner describes an item ("the donated jets"):
    no verb, no stage."""
    word = trig[3]
    return (
        " " not in word
        and word.endswith("ed")
        and _DETERMINER_BEFORE.search(s, max(0, trig[1] - 8), trig[1]) is not None
    )


#: "by" and its agent right after a participle ("supplied by India"), not a deadline ("by March",
#: "by the end of the year", "by 2026")
_AGENT_BY_NEXT = re.compile(
    r"\s+by\s+(?!(?:the\s+)?(?:end|start|middle|beginning|close|time)\b|then\b|now\b|early\b|late\b|mid\b|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\d)"
)
#: an auxiliary right before a participle: "was supplied by", "have been sold by" are finite passives
_AUX_BEFORE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|has|have|had|will|would|get|gets|got)\s+(?:[a-z]+ly\s+)?\Z",
    re.IGNORECASE,
)


# the item patterns of _cue, compiled once (a re.match on a pattern built per call re-hashes
# the long item alternation for re's cache every time)
_DEMONYM_ITEM = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:[A-Z][\w-]*\d[\w-]*|"
    + _ITEMS4
    + r"|arms|weapons|weaponry|hardware|equipment)\b"
)
#: a state's holdings listed right after its possessive ("A's arsenal includes X from B", "A's navy fleet
#: comprises ..."): A holds the items, it bought them (not the owner of one item)
_HOLDINGS_NEXT = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?P<noun>fleet|inventory|arsenal|armou?ry)s?\s+(?:now\s+|also\s+|today\s+)?"
    r"(?:includ|compris)",
    re.IGNORECASE,
)
_OWNED_ITEM = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?P<item>[A-Z][\w-]*\d[\w-]*|" + _ITEMS4 + r")\b")


#: a state then a bare participle with a space, an object after it ("Iran supplied Shahed drones to",
#: "France built four frigates for"): a finite verb with its subject, not "Iran-supplied" (an origin)
_FINITE_MADE = re.compile(
    r"^\s+(?:supplied|built|developed|produced|designed|made)\s+(?:(?:the|a|an|its|their|some|all|more|\d+|"
    r"two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|several|many)\b|[A-Z])"
)
#: a determiner right before the party: "the Iran supplied drones" is an adjective phrase
_DETERMINER_END = re.compile(r"\b(?:the|a|an|its|their|these|those|of)\s+\Z", re.IGNORECASE)
#: "the same type (as that) used/flown/operated by A": another user named for comparison
_SAME_TYPE_BY = re.compile(
    r"\b(?:the\s+same|a\s+similar|similar)\s+(?:[\w-]+\s+){0,3}?(?:(?:as\s+(?:that|those|the\s+ones?)\s+)?"
    r"(?:already\s+|also\s+)?(?:used|flown|operated|fielded|bought|ordered))\s+by\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: people "from X" (visitors, experts, officials): X is where they come from, not a seller
_PEOPLE_FROM = re.compile(
    r"\b(?:analysts?|experts?|officials?|observers?|diplomats?|delegations?|delegates?|visitors?|journalists?|"
    r"reporters?|lawmakers?|engineers?|pilots?|crews?|instructors?|technicians?|advis[eo]rs?|sources?|critics?|"
    r"investors?|executives?|envoys?|guests?|students?|trainees?|soldiers?|troops?|personnel|teams?)\s+from\s+"
    r"(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: a component "from X" ("with engines from X", "fitted with radars from X"): X makes the part ("A, B and
#: C radars from X" is a list of items X sells, not a component)
_PART_FROM = re.compile(
    r"\b(?:with|using|uses|use)\s+(?:[\w-]+\s+){0,2}?(?:engines?|radars?|sensors?|avionics|"
    r"components?|parts?|subsystems?|seats?|ejection seats?|electronics|turrets?|guns?|transmissions?)\s+from\s+"
    r"(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: the source of an old dependence ("ending decades of reliance on aircraft from X")
_RELIANCE_FROM = re.compile(
    r"\b(?:relian\w+|dependen\w+|relied|relying|depended|depending)\s+on\s+(?:[\w-]+\s+){0,4}?from\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


#: the recipient of the buyer's own earlier or parallel gift told beside its purchase: what a purchase
#: replaces or is paid back for ("to replace the batteries that B gave to C", "in return for the
#: equipment sent to C"; the pronoun form is :data:`patterns._ITEM_HISTORY_TO`), or old stock given away
#: in a subordinate clause ("while handing dozens of its old tanks to C", "as it sends old armour to C";
#: not "as it sends them to C", the same items given on, nor a gap naming a designation): C is no buyer
#: of the purchase.  A bare relative clause with a named giver ("the tanks that B sent to C arrived")
#: is itself the fact: only a replacement or a pay-back makes it the old items' history, and only of
#: items without a designation ("to replace the 12 CAESAR guns that B gave to C" is B's sale of CAESAR)
_OLD_STOCK = r"(?:its|their|old|older|ageing|aging|surplus|retired|decommissioned|legacy|[A-Z][a-z]+-era)"
_OWN_GIFT_TO = re.compile(
    r"\b(?:replac\w*|make up for|backfill\w*|in\s+(?:return|exchange|compensation)\s+for)\s+"
    r"(?:(?:\d+|[a-z][\w'-]*|[A-Z][a-z]+(?:-[a-z]+)?)\s+){0,4}?(?:" + _ITEMS4 + r"|equipment|stocks?)\s+"
    r"(?:(?:that|which)\s+(?:it|they|(?:[A-Z][\w.'-]*\s+){1,3})\s*(?:(?:had|has|have|once|earlier|previously)\s+)?)?"
    r"(?:donated|gave|given|sent|transferred|handed over|lent|supplied|delivered)\s+(?:[\w-]+\s+){0,2}?to\s+(?:the\s+)?\Z"
    r"|\b(?:while|whilst|as|after)\s+(?:(?:it|they)\s+(?:(?:also|is|are|will|has|have)\s+){0,2})?"
    r"(?:hand(?:s|ing)(?:\s+over)?|send(?:s|ing)|giv(?:es|ing)|donat(?:es|ing)|transferr?(?:s|ing)|pass(?:es|ing)\s+on)\s+"
    r"(?=(?:[\w-]+\s+){0,4}?" + _OLD_STOCK + r"\s)"
    r"(?:(?:[a-z][\w'-]*|[A-Z][a-z]+-(?:era|made|built|designed))\s+){1,8}?to\s+(?:the\s+)?\Z"
)


#: a place of manufacture right before a state ("jets built in X", "made under licence in X", "assembled
#: in <city>, X"): X makes
#: the item (its origin), it is no buyer
_MADE_IN = re.compile(
    r"\b(?:built|made|produced|manufactured|assembled|designed|developed)\s+(?:(?:locally|domestically|under\s+licen[cs]e)\s+)?in\s+"
    r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+)?(?:the\s+)?\Z",
    re.IGNORECASE,
)


#: a recipient named as a firm with its state in an appositive: "to Skyhawk Aviation, a Canadian company"
_TO_NAMED_FIRM = re.compile(r"\bto\s+(?:[A-Z][\w&.'-]*\s+){0,4}[A-Z][\w&.'-]*,\s+an?\s+\Z")
_FIRM_NEXT = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:company|firm|contractor|operator)\b")


#: "from a", "from an" right before a demonym: a maker named by its state's adjective
_FROM_A = re.compile(r"\bfrom\s+an?\s+\Z", re.IGNORECASE)
#: a maker's noun after a demonym ("Italian consortium", "Korean shipbuilder", "French defence firm")
_MAKER_NEXT = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:consortium|company|firm|maker|manufacturer|builder|shipbuilder|yard|"
    r"shipyard|group|contractor|supplier|producer|joint venture)\b"
)


#: after the states a buyer turns to: what it turns to them for ("for arms", "for its new jets")
_TURN_FOR = re.compile(r"^[^.;:]{0,80}?\bfor\s")


#: a role and the cue that decided it (see :func:`_cue`)
Cue = tuple[str | None, str]


def _cue(left: str, right: str, own_right: str, p: _Party, s: str, full_left: str) -> Cue:
    """The role the words around a party mention give it, and the cue that says why.

    One cascade of rules tried in order (the first that fires decides), split in four by the
    kind of evidence so each part fits on a screen: the clause's frame words, by/from, to/for/with,
    then a possessive owner or a speaker.  ``s`` is the whole sentence (kept for callers)."""
    m = p.mention
    left = left[-70:]
    low = left.lower()
    tail = low[-30:]
    for step in (_cue_frame_words, _cue_by_from, _cue_to_for_with, _cue_owner_or_speaker):
        found = step(left, low, tail, right, own_right, m, full_left)
        if found is not None:
            return found
    return None, ""


def _cue_frame_words(
    left: str, low: str, tail: str, right: str, own_right: str, m: Mention, full_left: str
) -> Cue | None:
    """Negation, era, gift and sale nouns, earlier and nth buyers, made/made-in, turning to, according to."""
    words = low.split()
    while words and words[-1] in ("the", "both", "either"):
        words.pop()
    last_word = words[-1] if words else ""
    neg_left = (last_word in _NEG_LAST or last_word.startswith("adversar")) and _NEG_CONTEXT.search(left)
    if neg_left or _NEG_RIGHT.match(own_right):
        return "other", "negative-context"
    if m.form == "demonym" and _ERA_NEXT.match(own_right):
        return "other", "era"
    if _GIFT_NEXT.match(own_right):
        return "supplier", "giver"  # "a Spanish package including X", "Poland's latest donation of X"
    if "s" in own_right[:24] and _SALE_NEXT.match(own_right):
        return "supplier", "subject:sale"  # "12 X, a US sale cleared in 2022": the US sells
    if ("after" in tail or "following" in tail) and _EARLIER_BUYERS.search(left):
        return "buyer", "earlier-buyer"  # "the fourth buyer of the gun after Lithuania and Croatia"
    if m.form != "demonym" and "the " in own_right[:40] and _NTH_BUYER_NEXT.match(own_right[:120]):
        return "buyer", "nth-buyer"  # "makes Belgium the fourth buyer of"
    if _MADE.match(own_right) and not (_FINITE_MADE.match(own_right) and not _DETERMINER_END.search(left)):
        return "origin", "made"
    if "in" in tail and _MADE_IN.search(left):
        return "supplier", "made-in"  # "jets built in X": where the item is made (its seller), no buyer
    if ("to" in low or "such" in low or "like" in low or "includ" in low or "from" in low) and (
        _TURN_TO.search(left) or _SUCH_AS.search(left)
    ):
        if not _SUCH_AS.search(left) and not _TURN_FOR.match(right):
            # "as Y turned to A, B and C": where Y now looks, no purchase the sentence states
            return "other", "turning-to-bare"
        return "supplier", "turning-to"
    if "according" in tail and _ACCORDING.search(left):
        return "speaker", "according-to"
    if m.form == "demonym" and not _ORG_NOUN.match(own_right) and _DEMONYM_ITEM.match(own_right):
        return "modifier", "demonym-item"
    return None


def _cue_by_from(
    left: str, low: str, tail: str, right: str, own_right: str, m: Mention, full_left: str
) -> Cue | None:
    """Awarded/won/passive by and from, the verb before 'by', a supplier 'from' (people, parts, reliance aside)."""
    if "from" in tail and _WON_FROM.search(left):
        return "buyer", "won-from"
    if "by" in tail and _AWARDED_BY.search(left):
        return "buyer", "awarded-by"
    if "to" in tail and _AWARDED_TO.search(left):
        return "supplier", "awarded-to"
    if "to" in tail and ("equest" in low or "lor" in low) and _REQUEST_TO.search(left):
        return "supplier", "request-to"  # "sent a request to A to buy X": A is asked to sell
    if "by" in tail and _PURCHASE_BY.search(left):
        return "buyer", "purchase-by"
    if ("to" in low or "like" in low) and _TO_BUYERS.search(left):
        return "buyer", "to-buyers"
    if "by" in tail and _PASSIVE_TO_BY.search(left):
        return "supplier", "passive-by"  # "was provided to Iran by Russia"
    byw = _BY.search(left) if "by" in tail else None
    if byw and ("same" in low or "similar" in low) and _SAME_TYPE_BY.search(left):
        return "other", "same-type-user"  # "the same helicopter used by A": a comparison, not A's deal
    if byw:
        verb = byw.group(1)
        if _ORIGIN_BY.match(verb):
            return "origin", f"{verb}-by"  # who makes it, not necessarily who sells it here
        if _SELLER_BY.match(verb):
            return "supplier", f"{verb}-by"
        if _BUYER_BY.match(verb):
            return "buyer", f"{verb}-by"
    if m.form == "demonym" and "from a" in tail and _FROM_A.search(left) and _MAKER_NEXT.match(own_right):
        return "supplier", "from"  # "ordered X from an Italian consortium", "bought Y from a Korean yard"
    if "from" in low and _FROM.search(left) and not byw:
        if _PEOPLE_FROM.search(left):
            return "other", "people-from"  # "analysts from X": where people come from, no seller
        if _PART_FROM.search(left):
            return "other", "part-from"  # "with engines from X": a component's maker, not the item's seller
        if _RELIANCE_FROM.search(left):
            return "other", "reliance"  # "ending its reliance on aircraft from X": the old fleet's source
        return "supplier", "from"
    return None


def _cue_to_for_with(
    left: str, low: str, tail: str, right: str, own_right: str, m: Mention, full_left: str
) -> Cue | None:
    """A buyer 'to' and 'for', item history, visits and priorities, 'with' (consent, operators, joint buyers)."""
    to = _TO.search(left) if "to" in tail else None
    if to is not None and (_ITEM_HISTORY_TO.search(left) or _OWN_GIFT_TO.search(full_left[-120:])):
        return "other", "item-history"
    if to is not None and _VISIT_TO.search(left):
        return "other", "visit"
    if to is not None and _PRIORITY_TO.search(left):
        return "other", "priority-to"
    if (
        to
        and not _NOT_TO.match(to.group(1))
        and (_SELL_BEFORE.search(full_left[-100:]) or _SELL_AFTER.search(right))
        and (not _POSS.match(own_right) or _ORG_NOUN.match(own_right))  # not "a boost to India's hopes"
    ):
        return "buyer", "to"
    if _FIRM_NEXT.match(own_right) and _TO_NAMED_FIRM.search(left) and _SELL_BEFORE.search(full_left[-160:]):
        # "sold N of its jets to Skyhawk Aviation, a US company": the firm's state buys
        return "buyer", "to-firm"
    if (
        "for" in tail
        and _FOR.search(left)
        and _ITEM_FOR_BEFORE.search(left)
        # "a contract for B's X" names X's maker (the possessive branch below), "for B's navy" a buyer
        and (not _POSS.match(own_right) or _ORG_NOUN.match(own_right))
    ):
        return "buyer", "for"
    if "with" in tail and _BUILT_WITH.search(left):
        return "origin", "built-with"
    if "with" in tail and _CONSENT_NEXT.match(own_right) and _WITH.search(left):
        return "other", "consent"  # "bought X from B, with US approval": A consents, B sells
    if "with" in tail and _SERVICE_WITH.search(left):
        return "other", "operator"  # "in service with X": X operates a fleet, no deal's counterpart
    if "like" in tail and _LIKE_BETWEEN_COMMAS.search(left) and own_right[:1] == ",":
        return "other", "comparison"  # "A, like B, chose X": B is compared with, A the chooser
    if "join" in own_right[:40] and _JOINS_ORDER_NEXT.match(own_right):
        return "co-join", "joins-order"  # "A joins B's order for X": A buys beside B (see _co_parties)
    if "by" in tail and _AND_BY.search(left):
        return "co-by", "and-by"  # "ordered by A, and jointly by B and C": B and C take A's role
    if (
        ("with" in tail or "behalf" in tail)
        and _JOINT_WITH.search(left)
        and not _CO_MAKER_NEXT.match(own_right)
    ):
        if "behalf" in tail:
            # "A signed on behalf of itself, B and C", "F received a contract for X on behalf of B" (a
            # foreign military sale): the state a contract is signed for buys, whoever signs it
            return "co-behalf", "on-behalf"
        return "co", "jointly-with"  # "A, together with B, ordered": B shares A's side (see _co_parties)
    if ("with" in tail or "between" in tail) and _WITH.search(left):
        return "with", "with"
    return None


def _cue_owner_or_speaker(
    left: str, low: str, tail: str, right: str, own_right: str, m: Mention, full_left: str
) -> Cue | None:
    """A demonym or possessive before an owned item or holdings, else a speaker or an official."""
    # demonym or possessive right before a system or item: origin or owner
    if m.form in ("demonym",) or _POSS.match(own_right):
        after = own_right[2:] if _POSS.match(own_right) else own_right
        held = _HOLDINGS_NEXT.match(after) if m.form != "demonym" else None
        if held is not None:
            return "buyer", f"subject:{held.group('noun').lower()}"
        nxt = _OWNED_ITEM.match(after)
        if nxt and not _ORG_NOUN.match(own_right):
            return "modifier", f"modifies:{nxt.group('item')}"
    sp = _SPEAKER_VERB.match(own_right)  # only its offsets are used
    if sp and not _COPULA_BEFORE.search(own_right[: sp.start(1)]) and not _SAID_IT_NEXT.match(own_right):
        return "speaker", "speaker"
    if _OFFICIAL.match(own_right):
        return "speaker", "official"
    return None


#: between a demonym and the system it qualifies: another demonym of a joint design ("-American"),
#: up to two lower-case modifiers ("short-range")
_DEMONYM_TO_SYSTEM = re.compile(r"(?:-[A-Z][a-z]+)?\s+(?:[a-z][\w-]*\s+){0,2}\Z")


#: a possessive and at most a word ("'s ", "'s new "): a state's system right after it
_POSS_TO_SYSTEM = re.compile(r"(?:'s|\u2019s)\s+(?:[a-z][\w-]*\s+)?")


def system_demonyms(s: str, base: int, parties: list[_Party], systems: list[Mention]) -> None:
    """A demonym right before a system names its origin ("the Norwegian-American NASAMS, bought
    from ..."), never the subject of the verb after the system: the item patterns of :func:`_cue`
    only see designations with digits and item nouns, this sees every system mention."""
    for p in parties:
        if p.role is None and p.mention.form != "demonym" and p.mention.start >= base:
            # "France's CAESAR and China's SH-15": a state's possessive right before a system names
            # its maker or holder, no bare mention to be taken for another system's buyer
            nxt = next((m for m in systems if m.start >= p.mention.end), None)
            if nxt is not None and _POSS_TO_SYSTEM.fullmatch(s, p.mention.end - base, nxt.start - base):
                p.role, p.cue = "modifier", f"modifies:{nxt.text}"
            continue
        if p.mention.form != "demonym" or p.role in ("modifier", "origin", "supplier"):
            continue
        nxt = next((m for m in systems if m.start >= p.mention.end), None)
        if (
            nxt is not None
            and nxt.start - p.mention.end <= 40
            and _DEMONYM_TO_SYSTEM.match(s, p.mention.end - base, nxt.start - base)
        ):
            p.role, p.cue = "modifier", "demonym-item"


# word prefilter (kg.extract._fastre.NeedsRx): the lazy "said it" scan runs only on a window holding
# one of its verbs (every match has one), not on every window after every party; the words are given
# because the derived ones ("it", "they") are in almost every window
_SAID_IT_NEXT = NeedsRx(_SAID_IT_NEXT, needs=("said", "told", "announced"))

# the case-insensitive checks of the words before and after a party in _cue, run on the lowercased
# window (kg.extract._fastre.lower_in_place: same spans; _cue tests truthiness only and passes no
# offsets).  Why: re.IGNORECASE folds every character it compares, and these alternations are tried at
# every word of the window; the window is lowercased once for all of them (LowerRx remembers it)
_CUE_CHECKS = lower_in_place(
    globals(),
    (
        "_DETERMINER_END",
        "_SAME_TYPE_BY",
        "_PEOPLE_FROM",
        "_PART_FROM",
        "_RELIANCE_FROM",
        "_MADE_IN",
        "_ERA_NEXT",
        "_GIFT_NEXT",
        "_MADE",
        "_ACCORDING",
        "_ORG_NOUN",
        "_WON_FROM",
        "_AWARDED_BY",
        "_AWARDED_TO",
        "_REQUEST_TO",
        "_PURCHASE_BY",
        "_TO_BUYERS",
        "_PASSIVE_TO_BY",
        "_FROM",
        "_VISIT_TO",
        "_PRIORITY_TO",
        "_SELL_BEFORE",
        "_SELL_AFTER",
        "_FOR",
        "_ITEM_FOR_BEFORE",
        "_BUILT_WITH",
        "_CONSENT_NEXT",
        "_WITH",
        "_SERVICE_WITH",
    ),
)
