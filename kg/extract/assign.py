"""The parties of one frame: suppliers and buyers as the sentence's cues give them for one system,
completed from the unassigned parties, the system's origin, the deal in context and the article's
focus buyer (each completion lowers the confidence).

A mixin of :class:`kg.extract.claims._Extractor` (through :class:`kg.extract.frames.FrameBuilder`):
it reads the article memory (claims so far, the deal in context, the article's focus buyer).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from kg.extract._fastre import lower_in_place
from kg.extract.bullets import is_bullet
from kg.extract.entities import Mention
from kg.extract.model import Claim, PartyRef, SystemRef
from kg.extract.parties import _SUCCESSOR, _Ctx, _Party, home_states, prev_pair
from kg.extract.patterns import (
    _APPROVER_CUE,
    _EXPORTER_RANK,
    _FORCE_WORD,
    _GERUND_OPENING,
    BARE_FORCE,
    CLAUSE_BREAK,
    FORCE_IN_NAME,
    OWNED_FORCE,
    force_kind,
)
from kg.extract.sentences import split_sentences
from kg.vocab import reference

_SOME_STATES = (
    r"(?:more than |over |at least |some |about |around )?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|several|many|numerous|other|various)"
    r"\s+(?:(?:other|undisclosed|unnamed|unidentified|foreign|export|overseas)\s+)?"
    r"(?:countries|nations|states|armies|air forces|navies|customers|operators|buyers|users|clients)\b"
)
#: a sale to buyers the text does not name ("sold to more than ten countries", "to several armies",
#: "export contracts with 35 countries", "in talks with a European customer", "without naming the
#: buyer", "orders from several undisclosed customers", "in service with three foreign users"): neither
#: the article's focus nor the deal in context's buyer is their buyer
_UNNAMED_BUYERS = re.compile(
    r"\b(?:sold|supplied|exported|delivered|offered)\s+to\s+" + _SOME_STATES + r"|"
    r"\b(?:contracts?|deals?|agreements?|talks|discussions|negotiations)\s+with\s+" + _SOME_STATES + r"|"
    r"\b(?:talks|discussions|negotiations|contracts?|deals?|agreements?)\s+with\s+an?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:customer|buyer|client|country|operator)\b|"
    r"\bwithout\s+(?:naming|identifying|disclosing)\s+(?:the|its|a)\s+(?:country|customer|buyer|client|operator)\b|"
    # "received orders for X from several undisclosed customers", "in service with three foreign users"
    r"\b(?:orders?|contracts?|requests?)\s+(?:[\w-]+\s+){0,4}?from\s+" + _SOME_STATES + r"|"
    r"\bin\s+service\s+with\s+[\"“]?" + _SOME_STATES,
    re.IGNORECASE,
)


#: an item offered, sold or sent abroad with no buyer named ("is pitching X abroad", "the first
#: warships to go abroad", "any sale abroad"); not "from abroad" or "turned abroad" (a buyer's imports)
_OFFERED_ABROAD = re.compile(
    r"\b(?:pitch\w*|market\w*|offer\w*|sell\w*|sold|sales?|export\w*|go|goes|going|gone|went|promot\w*)\b"
    r"[^.;:]{0,60}?(?<!from )\babroad\b",
    re.IGNORECASE,
)


#: a sentence whose subject is a pronoun giving something away ("They have since sent some of their X to Y")
#: a state followed by its holding verb ("A operates X", "A and B fly X", "A, which flies X and ..."):
#: it holds the item the sentence names, its buyer even where the sentence goes on about the deal in
#: context (an in-service fleet is a delivered transfer)
_HOLDER_NEXT = re.compile(
    r"(?:\s+and\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,3}|\s*,\s*which\s+|\s+)"
    r"(?:already\s+|also\s+|still\s+|now\s+|currently\s+)?"
    r"(?:operates?|flies|fly|uses|use|fields?)\s+(?:the\s+|its\s+|their\s+|\d+\s+)?[A-Z]"
)
_PRONOUN_GIVER = re.compile(
    r"\s*(?:(?:And|But|So)\s+)?(?:It|They)\s+(?:(?:has|have|had|also|already|since|then|later|now|"
    r"previously|separately)\s+){0,3}(?:handed|sent|gave|given|donated|transferred|supplied|delivered|sold|"
    r"shipped|passed|lent|exported)\b"
)

#: a sentence whose subject is a pronoun or a state noun acquiring something, after at most a short
#: opening phrase ("In 2018 it took over N X from B", "They have since bought ...", "The country also
#: ordered ..."): the buyer is the state the previous sentence is about (see
#: :meth:`PartyAssigner._subject_antecedent`), not the article's most named state
_PRONOUN_BUYER = re.compile(
    r"\s*(?:(?:And|But|So)\s+)?(?:(?:(?:In|By|Since|Later in|Early in|Late in)\s+(?:(?:early |late )?\d{4}|"
    r"the same year|that year|then)|Later|Since then|Then|Meanwhile|Separately|Subsequently|Last year|This year|"
    r"Earlier this year|Two years later|A year later)\s*,?\s+)?"
    r"(?:[Ii]t|[Tt]hey|[Tt]he\s+(?:country|kingdom|republic|emirate|sultanate|island nation|island state|nation))\s+"
    r"(?:(?:has|have|had|also|already|since|then|later|now|previously|separately|recently|subsequently|"
    r"additionally|further)\s+){0,3}"
    r"(?:bought|purchased|acquired|ordered|received|obtained|imported|procured|inducted|took over|"
    r"took delivery of|taken over|taken delivery of|signed for|signed (?:a |an )?(?:deal|contract|agreement) "
    r"(?:for|with))\b"
)
#: a supplier cue of a gift ("A pledged/donated X to C"): a donor round-up goes on giver by giver
_GIFT_CUE = re.compile(r"supplier:subject:(?:\w+ ){0,3}(?:pledged|donated|gifted|given|gave|promised|sent)\b")
#: the words before a previous sentence's subject state (a short opening phrase, an article): that
#: state is the sentence's subject, the one a following "it" stands for
_SUBJECT_LEAD = re.compile(
    r"\s*(?:(?:In|By|Since)\s+\d{4}\s*,?\s+|[A-Z][^,.;:\"“”]{1,40},\s+)?(?:[Tt]he\s+)?\Z"
)
#: ... also after a list item's bullet ("- A became ...")
_SUBJECT_LEAD_ITEM = re.compile(r"\s*(?:[-*•–]\s+)?" + _SUBJECT_LEAD.pattern)
#: right after a subject state: a possessive or a second state ("A's war", "A and B"): the subject is
#: another thing or a group, no antecedent of a singular "it"
_SUBJECT_NOT_ALONE = re.compile(r"(?:'s|’s|\s+and\s|\s*,)")
#: right after a subject state: its verb (a lower-case word), or a force it owns ("A's army has"); not a
#: dateline's dash ("CITY, A -- ...")
_SUBJECT_VERB_AFTER = re.compile(r"(?:'s|’s)?\s+[a-z]")


#: a sentence whose subject is a bare force or ministry handing something over, after at most a short
#: opening ("Last August, the navy handed over X to B", "In 2021 the ministry agreed to sell N X to B")
_FORCE_GIVER = re.compile(
    r"\s*(?:(?:In|By|Since|Last|Earlier|Later|Then|Meanwhile|Separately)\b[^,.;]{0,30},\s*|In\s+\d{4}\s+|"
    r"In\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"[Tt]he\s+(?:" + _FORCE_WORD + r"|(?:[A-Z][\w-]*\s+){0,2}(?:cabinet|council|parliament)"
    r"(?:\s+of(?:\s+[A-Z][\w-]*){1,3})?)\s+(?:(?:has|have|had|also|then|later|now|already|previously)\s+){0,2}"
    r"(?:handed over|sold|agreed to sell|transferred|gave|donated|delivered|supplied|gifted|shipped|lent|"
    # a decision to give ("the government decided in March to give B all N of its X", "the cabinet
    # approved the donation of N X to B"): the deciding state gives
    r"(?:decided|agreed|voted|approved|pledged|promised)\b[^,.;]{0,25}?\bto\s+(?:give|donate|send|transfer|hand over)|"
    r"(?:approved|authori[sz]ed|cleared)\s+the\s+(?:donation|transfer|gift|handover|hand-over)\s+of)\b",
    re.IGNORECASE,
)
#: the subject of an offer or a bid ("X offered", "made offers", "bid for")
_BID_CUE = re.compile(r"subject:(?:offer|bid|pitch|propos|submit|tender|made (?:an )?offer)", re.IGNORECASE)
#: a competition between bids ("tender", "competition", "bidders", "shortlist")
_COMPETITION = re.compile(
    r"\b(?:competitions?|competitive|tenders?|contests?|bidders?|bidding|rival\w*|run-?offs?|shortlist\w*)\b",
    re.IGNORECASE,
)
#: a state referred back to by a common noun ("the kingdom's air defences", "the country has"): the
#: buyer of the deal in context, not the article's most named state
_STATE_NOUN = re.compile(
    r"\b[Tt]he\s+(kingdom|emirate|sultanate|principality)(?:'s|’s|\s+(?:has|had|have|is|was|also|now|already|still|"
    r"operates|flies|fields|uses|bought|received|ordered))\b"
)
#: the start of a relative clause right before its subject (", which B", "that the B")
_RELATIVE_BEFORE = re.compile(r"(?:,\s*)?\b(?:which|that)\s+(?:the\s+)?\Z")
#: between an item and a later member of its participle's agent list ("X donated by A, the B, C and ")
_AGENT_LIST_GAP = re.compile(r"\s+(?:[a-z]+\s+){1,3}by\s+[^.;:()]*", re.IGNORECASE)
#: the words of a plain list of items ("X, Y and Z", "the X as well as two Y"): no clause of their own
_LIST_WORDS = frozenset(
    {"and", "or", "the", "a", "as", "well", "plus", "its", "their", "some", "more", "older"}
)
_WORD = re.compile(r"[A-Za-z]+")
#: a party that only qualifies the system after it (origin or owner)
_MODIFIER_CUE = re.compile(r"(?:demonym-item|origin-modifier|owner-modifier)$")
#: a seller phrase that can follow its item ("X from A", "Y built in B") and how far after the item
_SOURCE_CUE = re.compile(r"(?:from|made-in)$")
_SOURCE_REACH = 45
#: between an item and a seller phrase that is not its own ("X and from B with Y", "X, and Y from B")
_SOURCE_BREAK = re.compile(r"[,;(]|\b(?:and|or|but|while|whereas|with)\b")
#: supplier cues that are only a demonym before an item ("Chinese arms", "the French jets")
_DEMONYM_CUE = re.compile(r"(?:demonym-item|origin-modifier)$")
#: supplier cues that tie the seller to the item ("bought from B", "B-built", "delivered by B", "built in
#: B"): only these let a bare force noun ("the navy") name the buyer
_TIED_SUPPLIER = re.compile(r"from|made|made-in|[a-z]+-by")
#: right before a force that receives the item ("delivered to the navy", "ordered from B for the army")
_RECIPIENT_BEFORE = re.compile(r"\b(?:to|for)\s+\Z")
#: right before a state's force in a seller's or counterpart's position ("from B's navy", "retired by the
#: B-ian navy", "drills with B's navy"): that force is no owner a later "the navy" stands for
_COUNTERPART_BEFORE = re.compile(r"\b(?:from|by|with)\s+(?:the\s+)?\Z", re.IGNORECASE)


#: seller cues that only read a maker off an item (no verb or "from" states the sale)
_ORIGIN_SELLER_CUES = tuple(
    f"supplier:{k}"
    for k in ("system-origin", "origin-modifier", "made", "mention", "demonym-item", "context")
)


class PartyAssigner:
    """Suppliers and buyers of one system's frame (see the module docstring)."""

    claims: list[Claim]
    ctx: _Ctx
    focus: _Party | None
    _cur_status: str
    #: the stage of each system of the sentence (its own triggers, see ``frames._per_system_status``)
    _sys_status: dict[str, tuple]
    #: the sentence names the other bids of a competition (see :data:`vocabulary._RIVAL`)
    _rivals: bool
    _n_systems: int
    mentions: list[Mention]
    #: the article's text (mention offsets index into it)
    text: str
    #: the start offsets of ``mentions`` (sorted), for bisection
    _mention_starts: list[int]
    #: the article's named forces by kind ("A's navy"): their starts and states (see :meth:`_named_forces`)
    _force_index: dict[str, tuple[list[int], list[_Party]]] | None

    def _assign(
        self,
        ref: SystemRef | None,
        m: Mention | None,
        actors: list[_Party],
        speakers: list[_Party],
        s: str,
        a: int,
        anaphora: bool,
        src: str | None,
    ) -> tuple[list[_Party], list[_Party], float]:
        """(suppliers, buyers, confidence) of one system's frame: the roles the sentence states,
        then the unassigned parties, the system's origin, the deal in context, the article's focus."""
        conf = 0.5
        origin = ref.origin_iso3 if ref else None
        if m is not None and self._n_systems > 1:
            # a demonym or owner before one system of several ("weighed used Peruvian X and new
            # Swedish Y") qualifies that system only, not the others
            actors = [
                p for p in actors if not _MODIFIER_CUE.match(p.cue) or not self._qualifies_other(s, a, p, m)
            ]
        if m is not None and self._n_systems > 1:
            actors = [p for p in actors if not self._in_later_clause(p, m)]
            actors = [p for p in actors if not self._source_of_other_clause(m, p, actors, a, len(s))]
            own = self._attached_source(m, actors)
            if own is not None:
                # "X from A, and Y built in B": each item has its own source, B sells no X; "X from A
                # and C": the sellers listed in that phrase (one group) sell X jointly
                actors = [
                    p
                    for p in actors
                    if p is own
                    or (own.group >= 0 and p.group == own.group)
                    or not _SOURCE_CUE.match(p.cue)
                    or p.role != "supplier"
                ]
            opening = _GERUND_OPENING.match(s) if s[:2] in ("Af", "Ha", "Si", "On", "Up") else None
            if opening is not None and m.end - a <= opening.end():
                # "After taking delivery of X, A signed with B for Y": B's "with" is the main clause's
                actors = [
                    p
                    for p in actors
                    if p.role not in ("with", "supplier") or p.mention.start - a < opening.end()
                ]
        suppliers, buyers, pairs = self._stated_roles(ref, m, actors, anaphora, s)
        stated = {p.iso3 for p in actors if p.role == "buyer" and p.mention.start >= 0}
        if (
            suppliers
            and not buyers
            and stated
            and stated <= {p.iso3 for p in suppliers if p.cue != "approver"}
        ):
            return [], [], conf  # the buyer a cue names is the seller's own state: a domestic deal
        if m is None and self._sells_something_else(ref, suppliers, anaphora):
            return [], [], conf
        explicit = bool(suppliers) + bool(buyers)
        suppliers, buyers, conf = self._roles_from_pairs(
            ref, suppliers, buyers, pairs, speakers, anaphora, conf
        )
        if not suppliers and src == "context" and ref is not None:
            suppliers = self._reseller(ref, anaphora, buyers, origin)
            conf -= 0.1 if suppliers else 0.0
        if not suppliers and buyers and _PRONOUN_GIVER.match(s):
            suppliers = self._antecedent({p.iso3 for p in buyers})
            conf -= 0.1 if suppliers else 0.0
        if buyers and (not suppliers or all(_DEMONYM_CUE.match(p.cue) for p in suppliers)):
            giver = _FORCE_GIVER.match(s)
            # a cabinet or council stands for its government
            owner = self._force_owner(force_kind(giver.group(1) or "government"), a) if giver else None
            if owner is not None and owner.iso3 not in {p.iso3 for p in buyers}:
                # "Last August, the navy handed over X to B": the state of that navy gives X, not
                # the state a demonym later in the sentence names ("before the C-ian vessel docked")
                suppliers = [owner]
                conf -= 0.1
        if not suppliers and origin and (not buyers or buyers[0].iso3 != origin):
            if origin in _SUCCESSOR:  # a Soviet design sold today is sold by Russia
                origin = _SUCCESSOR[origin]
            rec = reference.country_by_iso3(origin)
            if rec is not None:
                suppliers = [
                    _implied(origin, rec.name, "country", None, "supplier", "system-origin", "origin")
                ]
                conf -= 0.05
        if not buyers and suppliers and _PRONOUN_BUYER.match(s):
            # "A signed for X from B. In 2022 it ordered Y from C": "it" is A, whoever the article is
            # mostly about
            buyers = self._subject_antecedent(a, {p.iso3 for p in suppliers} | {origin})
            conf -= 0.1 if buyers else 0.0
        suppliers, buyers, conf = self._roles_from_context(
            ref, suppliers, buyers, speakers, origin, anaphora, conf, (a, a + len(s))
        )
        if (
            buyers
            and all(p is self.focus or p.cue in ("focus", "context") for p in buyers)
            and _UNNAMED_BUYERS.search(s)
        ):
            # "sold to more than ten countries": the buyers are unnamed, neither the article's main one
            # nor the deal in context's
            buyers = []
        if (
            buyers
            and "abroad" in s
            and _OFFERED_ABROAD.search(s)
            and all(p is self.focus or p.cue in ("context", "focus") for p in buyers)
        ):
            # "A is also pitching X abroad", "the first warships to go abroad": buyers unnamed, neither
            # the deal in context's nor the article's main one
            buyers = []
        if not suppliers and origin and all(p.iso3 == origin for p in buyers):
            buyers = []  # a state ordering its own design with no seller named: a domestic order
        if not buyers:
            return suppliers, [], conf
        conf += 0.15 * explicit
        if src == "catalogue":
            conf += 0.1
        elif src == "context":
            conf -= 0.1
        return suppliers, buyers, conf

    def _by_other_item(self, p: _Party, m: Mention) -> bool:
        """Whether supplier ``p`` is the agent of a participle ("offered by B", "sold by B") that
        follows a system mention other than ``m``'s system: the phrase qualifies that item only."""
        if not p.cue.endswith("-by") or p.mention.start < 0 or m.system is None:
            return False
        i = bisect.bisect_left(self._mention_starts, p.mention.start)
        item = next((x for x in reversed(self.mentions[:i]) if x.kind == "system"), None)
        if item is None or item.system is None or item.system.designation == m.system.designation:
            return False
        gap = self.text[item.end : p.mention.start]
        if len(gap) > 40 and not (len(gap) <= 120 and _AGENT_LIST_GAP.fullmatch(gap)):
            return False  # (the later members of the agent list: "donated by A, B, C and D")
        if m.end <= item.start and self._earlier_clause(m, item):
            # "which flew X and Y before the war, now operates Z donated by B": B gave Z only; X
            # and Y belong to a clause of their own
            return True
        if len(gap) > 40:
            return False
        # only where ``m`` names its own maker ("the Dassault X"): else the agent stays (and the
        # several-origins filter decides), the text ties no other seller to ``m``
        head = m.text.split()[0] if " " in m.text else ""
        maker = reference.resolve_party(head) if head else None
        return maker is not None and maker.kind == "company"

    def _earlier_clause(self, m: Mention, item: Mention) -> bool:
        """Whether system ``m`` stands in another clause than the later ``item``: words of their own
        (a verb, an adverbial) come between them, not only list commas, conjunctions and other
        systems ("X, Y and Z" is one list, "X before the war, now operates Z" two clauses)."""
        lo = m.end
        rest: list[str] = []
        for x in self.mentions:
            if x.kind == "system" and m.end <= x.start < item.start:
                rest.append(self.text[lo : x.start])
                lo = max(lo, x.end)
        rest.append(self.text[lo : item.start])
        words = [w for w in _WORD.findall(" ".join(rest)) if w.lower() not in _LIST_WORDS]
        return len(words) >= 3

    def _clause_apart(self, owners: list[_Party], buyer: _Party) -> bool:
        """Whether a clause break (see :data:`CLAUSE_BREAK`) stands between every owner ("A's first X")
        and ``buyer``: "A's first X is due in 2026, while B agreed to buy N more X" names two
        buyers of their own deals, A sells nothing to B."""
        if buyer.mention.start < 0:
            return False
        text = self.text
        for o in owners:
            lo, hi = sorted((o.mention.end, buyer.mention.start))
            if o.mention.start < 0 or not CLAUSE_BREAK.search(text, lo, hi):
                return False
        return True

    def _sells_something_else(self, ref: SystemRef | None, suppliers: list[_Party], anaphora: bool) -> bool:
        """Whether the sellers a sentence names (about the deal in context's system, not naming it)
        are neither that system's home nor a party of that deal: they offer or sell something
        else ("France has offered its Y system", Y unknown), the context system is not their item."""
        home = _SUCCESSOR.get(ref.origin_iso3 or "", ref.origin_iso3) if ref is not None else None
        if not home or not suppliers or any(p.company for p in suppliers):
            return False
        prev = self._prev_for(ref, anaphora)
        known = {home}
        if prev is not None:
            known |= {prev.buyer.iso3, prev.supplier.iso3 if prev.supplier else None}
        return all(p.iso3 not in known for p in suppliers)

    def _qualifies_other(self, s: str, a: int, p: _Party, m: Mention) -> bool:
        """Whether modifier ``p`` stands right before a system mention other than ``m``'s system."""
        if p.mention.start < 0:
            return False
        i = bisect.bisect_left(self._mention_starts, p.mention.end)
        nxt = next((x for x in self.mentions[i:] if x.kind == "system"), None)
        return (
            nxt is not None
            and nxt.system is not m.system
            and nxt.start - p.mention.end <= 40
            and nxt.end - a <= len(s)
            and _MODIFIER_GAP.fullmatch(s, p.mention.end - a, nxt.start - a) is not None
        )

    def _sibling_sellers(self, span: tuple[int, int]) -> set[str | None]:
        """The sellers of the claims read from the earlier clauses of the sentence clause ``span`` was
        cut from (:func:`kg.extract.clauses.split_clauses`): "X were delivered by A, and N Y ordered
        from B were commissioned" names A as a seller of the sentence, never as Y's buyer."""
        whole = getattr(self, "_whole", {}).get(span)
        if whole is None or whole[0] == span[0]:
            return set()
        return {
            c.supplier.iso3
            for c in self.claims
            if c.supplier is not None
            and (c.evidence.start, c.evidence.end) == whole
            and not any(q.startswith(_ORIGIN_SELLER_CUES) for q in c.cues)
        }

    def _seller_only(self, iso3: str | None) -> bool:
        """Whether the article's claims so far name ``iso3`` as a seller and never as a buyer: the most
        named state of a story told around its own sale (A, named in the headline and the lede, tells B
        its order will be late) is the seller, not the buyer a sentence without one leaves to guess."""
        sold = bought = False
        for c in self.claims:
            if c.negated:
                continue
            sold = sold or (c.supplier is not None and c.supplier.iso3 == iso3)
            bought = bought or c.buyer.iso3 == iso3
        return sold and not bought

    def _qualifies_same_system(self, p: _Party, m: Mention) -> bool:
        """Whether the demonym ``p`` qualifies a later mention of the system ``m`` names ("sent X
        parts, and the A-ian X jets B took"): the next system mention after it, within a few words."""
        i = bisect.bisect_left(self._mention_starts, p.mention.end)
        nxt = next((x for x in self.mentions[i:] if x.kind == "system"), None)
        return (
            nxt is not None
            and nxt.system is not None
            and m.system is not None
            and nxt.start - p.mention.end <= 30
            and nxt.system.designation == m.system.designation
        )

    def _origins_here(self, span: tuple[int, int]) -> set[str | None]:
        """The home states of the systems named in the article span ``span`` (a sentence)."""
        lo = bisect.bisect_left(self._mention_starts, span[0])
        hi = bisect.bisect_left(self._mention_starts, span[1])
        return {
            _SUCCESSOR.get(m.system.origin_iso3 or "", m.system.origin_iso3)
            for m in self.mentions[lo:hi]
            if m.kind == "system" and m.system is not None and m.system.origin_iso3
        }

    def _antecedent(self, not_isos: set[str | None]) -> list[_Party]:
        """The state a sentence-opening "It"/"They" stands for: the subject of the previous claim
        (its buyer when a verb made it the buyer, its seller when a verb made it the seller)."""
        last = self.ctx.last[-1] if self.ctx.last else None
        if last is None or last.negated:
            return []
        party = None
        if any(c.startswith("buyer:subject:") for c in last.cues):
            party = last.buyer
        elif last.supplier is not None and any(c.startswith("supplier:subject:") for c in last.cues):
            party = last.supplier
        if party is None or party.iso3 is None or party.iso3 in not_isos:
            return []
        return [_implied(party.iso3, party.name, party.kind, None, "supplier", "pronoun", "context")]

    def _subject_antecedent(self, a: int, not_isos: set[str | None], loose: bool = False) -> list[_Party]:
        """The state a sentence-opening "it"/"they"/"the country" at ``a`` stands for: the state that
        opens the previous sentence as its subject ("A has turned to B for its navy."), unless that
        sentence only has it sell (a seller is no antecedent of a buyer) or it sells here.  ``loose``:
        also a capital standing for its state ("Yerevan bought ...") and a list item's subject ("- A
        became ..."), for a possessive pronoun that names no other referent (a stated relation)."""
        spans = self._sentence_spans()
        i = bisect.bisect_right(spans, (a, len(self.text))) - 1
        if i < 1 or self.text[spans[i][0] : a].strip():
            return []  # not the sentence's opening (a later clause), or the article's first sentence
        ps, pe = spans[i - 1]
        lo = bisect.bisect_left(self._mention_starts, ps)
        first = next((m for m in self.mentions[lo:] if m.kind == "party"), None)
        if (
            first is None
            or first.start >= pe
            or first.party is None
            or first.party.kind != "country"
            or first.form not in (("name", "metonym") if loose else ("name",))
            or first.iso3 in not_isos
            or not (_SUBJECT_LEAD_ITEM if loose else _SUBJECT_LEAD).fullmatch(self.text, ps, first.start)
            or (
                _SUBJECT_NOT_ALONE.match(self.text, first.end) and not OWNED_FORCE.match(self.text, first.end)
            )
            or not _SUBJECT_VERB_AFTER.match(self.text, first.end)
        ):
            return []
        told = [c for c in self.claims if ps <= c.evidence.start < pe and not c.negated]
        if any(c.supplier is not None and c.supplier.iso3 == first.iso3 for c in told) and not any(
            c.buyer.iso3 == first.iso3 for c in told
        ):
            return []  # "B sold X to A. It also ...": B sells, it buys nothing here
        rec = first.party
        return [_implied(first.iso3, rec.name, "country", None, "buyer", "pronoun", "context")]

    def _sentence_spans(self) -> list[tuple[int, int]]:
        """The article's sentences (start, end), computed once."""
        spans = getattr(self, "_sent_spans", None)
        if spans is None:
            spans = split_sentences(getattr(self, "masked", self.text))
            self._sent_spans = spans
        return spans

    def _reseller(
        self, ref: SystemRef, anaphora: bool, buyers: list[_Party], origin: str | None
    ) -> list[_Party]:
        """A system referred back to ("the contract for the jets") is sold by the seller of the deal
        in context, also where that seller is not the maker (a second-hand sale, a re-export)."""
        prev = self._prev_for(ref, anaphora)
        if (
            prev is None
            or prev.negated
            or prev.supplier is None
            or prev.supplier.iso3 is None
            or prev.system is None
            or prev.system.name != ref.name
            or prev.supplier.iso3 == _SUCCESSOR.get(origin or "", origin)
            or (buyers and prev.buyer.iso3 not in {p.iso3 for p in buyers})
        ):
            return []
        ps = prev.supplier
        return [_implied(ps.iso3, ps.name, ps.kind, prev.supplier_company, "supplier", "context", "context")]

    def _stated_roles(
        self, ref: SystemRef | None, m: Mention | None, actors: list[_Party], anaphora: bool, s: str
    ) -> tuple[list[_Party], list[_Party], list[_Party]]:
        """(suppliers, buyers, unassigned parties) as the sentence's cues give them for this system.

        Three steps, each a method: the parties whose cue names a role (:meth:`_cued_roles`), the
        sellers that belong to this system and not another item or bid (:meth:`_own_suppliers`), and,
        with several systems, the buyer group nearest before this one (:meth:`_nearest_buyers`).
        """
        suppliers, buyers = self._cued_roles(ref, m, actors)
        pairs = [p for p in actors if p.role in ("pair", "with", None, "modifier")]
        if self._rivals:
            pairs = []  # the states named beside the other bids are bidders, never their buyers
        suppliers, buyers = self._own_suppliers(ref, m, actors, anaphora, s, suppliers, buyers)
        return self._nearest_buyers(m, suppliers, buyers, pairs)

    def _cued_roles(
        self, ref: SystemRef | None, m: Mention | None, actors: list[_Party]
    ) -> tuple[list[_Party], list[_Party]]:
        """(suppliers, buyers) by the parties' role cues, less a maker buying its own system, a
        domestic partner company and the buyer's own demonym."""
        suppliers = [p for p in actors if p.role == "supplier"]
        if m is not None and self._n_systems > 1:
            # "featured the X, the Y and second-hand Z offered by B": B offered Z, the item its
            # participle follows; X and Y keep their own makers
            suppliers = [p for p in suppliers if not self._by_other_item(p, m)]
        maker = ref.manufacturer if ref is not None else None
        # the system's maker never buys it ("a contract signed by the ministry and Airbus for the
        # procurement of C-295s": Airbus sells)
        buyers = [p for p in actors if p.role == "buyer" and not (maker and p.company == maker)]
        # a domestic company next to its own state's purchase is a partner, not the supplier
        # ("negotiations with Mazagon Dock ... with Germany's TKMS")
        owners = [p for p in buyers if p.cue == "owner-modifier"]
        origin = ref.origin_iso3 if ref is not None else None
        makers = [p for p in buyers if p.iso3 == origin and _APPROVER_CUE.match(p.cue)] if origin else []
        if (
            owners
            and not suppliers
            and makers
            and all(p in makers or p.cue == "owner-modifier" for p in buyers)
        ):
            # "A approved a support package for B's X" (X made in A): A's export approval, B buys
            suppliers = [replace(p, role="supplier", cue="approver") for p in makers]
            buyers = owners
        elif (
            owners
            and not suppliers
            and any(
                p.cue != "owner-modifier"
                and p.iso3 not in {q.iso3 for q in owners}
                and not self._clause_apart(owners, p)
                for p in buyers
            )
        ):
            # "A bought the B-ish X" (X not made in B): B owned them and sells them on, second-hand
            suppliers = [replace(p, role="supplier", cue="owner-seller") for p in owners]
            buyers = [p for p in buyers if p.cue != "owner-modifier"]
        buyer_isos = {p.iso3 for p in buyers}
        if any(p.iso3 not in buyer_isos for p in suppliers):
            suppliers = [p for p in suppliers if not (p.cue == "company" and p.iso3 in buyer_isos)]
        # the buyer's own demonym describes its items, not their origin ("X ordered N Y, and the
        # first X-ish guns arrived"): a buyer named by its name outranks it
        named_buyers = {p.iso3 for p in buyers if p.mention.form != "demonym"} if ref is not None else set()
        suppliers = [p for p in suppliers if not (p.mention.form == "demonym" and p.iso3 in named_buyers)]
        return suppliers, buyers

    def _approvers_as_suppliers(
        self, ref: SystemRef | None, anaphora: bool, suppliers: list[_Party], buyers: list[_Party]
    ) -> tuple[list[_Party], list[_Party]]:
        """(suppliers, buyers) once a state approving the export of the deal in context, or clearing
        another state's sales, is read as its seller (the approval is the export licence), not a buyer."""
        origin = ref.origin_iso3 if ref else None
        home = _SUCCESSOR.get(origin or "", origin)
        if (
            buyers
            and not suppliers
            and ref is not None
            and all(
                _APPROVER_CUE.match(p.cue)
                # "the purchase of X was approved by <X's maker state>": no purchase by the maker
                or (p.cue == "purchase-by" and p.iso3 == home and self._cur_status == "approved")
                for p in buyers
            )
        ):
            # "The deal was approved by the US government": the state approving an export of the
            # deal in context is its supplier, not a buyer
            # ("Washington approved the transfer", the deal in context a re-export of a US design: the
            # design's state clears the resale, an approval of its own for the same buyer)
            ctx_prev = self._prev_for(ref, anaphora)
            approving = {p.iso3 for p in buyers}
            if (
                ctx_prev is not None
                and ctx_prev.supplier is not None
                and (
                    ctx_prev.supplier.iso3 in approving
                    or approving <= home_states(ref) | {_SUCCESSOR.get(origin or "", origin)}
                )
                and ctx_prev.buyer.iso3 not in approving
            ) or (home is not None and all(p.iso3 == home for p in buyers)):
                # (or the approving state makes the item: "a deal for US-made X was approved by the
                # State Department" is its export licence; a state buys no item of its own make)
                suppliers = [replace(p, role="supplier", cue="approver") for p in buyers]
                buyers = []
        approvers = [p for p in buyers if _APPROVER_CUE.match(p.cue)]
        markets = {p.iso3 for p in buyers if p.cue == "for"}
        if approvers and markets and not suppliers and not markets & {p.iso3 for p in approvers}:
            # "A approved $N in B arms sales, including X": the state clearing sales for another is
            # their seller (its approval is the export licence), not a second buyer
            suppliers = [replace(p, role="supplier", cue="approver") for p in approvers]
            buyers = [p for p in buyers if p not in approvers]
        return suppliers, buyers

    def _own_suppliers(
        self,
        ref: SystemRef | None,
        m: Mention | None,
        actors: list[_Party],
        anaphora: bool,
        s: str,
        suppliers: list[_Party],
        buyers: list[_Party],
    ) -> tuple[list[_Party], list[_Party]]:
        """(suppliers, buyers) once the sellers that are an approver, a demonym of another item, a
        losing bidder or another system's maker are settled: why each, beside its step."""
        origin = ref.origin_iso3 if ref else None
        home = _SUCCESSOR.get(origin or "", origin)
        suppliers, buyers = self._approvers_as_suppliers(ref, anaphora, suppliers, buyers)
        if m is None and home and suppliers and all(_DEMONYM_CUE.match(p.cue) for p in suppliers):
            # the system is the deal in context's, not named here: a demonym before another item
            # ("a long-time buyer of Chinese arms") is no origin of it
            ctx_prev = self._prev_for(ref, anaphora)
            seller = ctx_prev.supplier.iso3 if ctx_prev is not None and ctx_prev.supplier else None
            suppliers = [p for p in suppliers if p.iso3 in (home, seller)]
        bids = {p.iso3 for p in suppliers if _BID_CUE.match(p.cue)}
        chosen = {p.iso3 for p in suppliers if not _BID_CUE.match(p.cue)}
        if len(bids) >= 2 and (chosen or len(bids) >= 3) and _COMPETITION.search(s):
            # "picked A's maker and its Y; B, C and A had all bid in the tender": the other bidders
            # offered designs of their own, not Y (without a competition, several states offering
            # one system are a coalition of donors or a consortium)
            keep = chosen or {home}
            suppliers = [p for p in suppliers if not _BID_CUE.match(p.cue) or p.iso3 in keep]
        # several systems: keep suppliers matching this system's origin
        makers = home_states(ref)  # a consortium's system: any member state sells it
        if origin and suppliers and self._n_systems > 1 and all(p.iso3 not in makers for p in suppliers):
            # "turned to Britain and Germany for Typhoons, and talks with the United States over
            # F-16s": the F-16's maker named in the sentence supplies it
            cand = [p for p in actors if p.iso3 == origin]
            if cand:
                suppliers = [cand[0]]
                buyers = [p for p in buyers if p.iso3 != origin]
            elif all(p.cue in ("origin-modifier", "demonym-item") for p in suppliers):
                suppliers = []  # "Chinese J-10Cs ... more Rafales": China describes the other system
            elif (
                m is not None
                and all(p.cue == "giver" for p in suppliers)
                and not any(0 <= m.start - p.mention.end <= 60 for p in suppliers)
            ):
                # "focus on the X, ..., while a B-ish package including Y is held up": B gives the
                # items its package lists, not another system of the sentence
                suppliers = []
        if (
            origin
            and m is not None
            and suppliers
            and self._n_systems == 1
            and all(
                p.cue == "demonym-item"
                and p.iso3 != origin
                and (
                    p.mention.end <= m.start - 25
                    or (p.mention.start >= m.end + 15 and not self._qualifies_same_system(p, m))
                )
                for p in suppliers
            )
        ):
            # "with Chinese trainers ... as X talks stall", "talks over the X and has received Chinese
            # drones": the demonym describes another item far before or after the named system, whose
            # maker is of another state
            suppliers = []
        attached = (
            [p for p in suppliers if p.cue == "from" and p.iso3 != origin and self._item_from(m, p)]
            if m is not None and self._n_systems > 1 and len(suppliers) > 1
            else []
        )
        if attached:
            # "signed for N used X from A, ..., and B has since given it Y": the seller named right
            # after the item sells it (a re-export), not the item's design state named for another item
            suppliers = [p for p in suppliers if p.group == attached[0].group]
        elif origin and len(suppliers) > 1 and any(p.iso3 in makers for p in suppliers):
            same_group = {p.group for p in suppliers if p.iso3 in makers}
            suppliers = [p for p in suppliers if p.iso3 in makers or p.group in same_group]
        elif (
            m is not None
            and self._n_systems > 1
            and len({p.group for p in suppliers if p.mention.start >= 0}) > 1
        ):
            # "received N X from A and M Y from B": the "from" right after the item names its seller
            own_from = [
                p
                for p in suppliers
                if p.cue in ("from", "made-in")
                and _ITEM_FROM_GAP.fullmatch(self.text, m.end, max(m.end, p.mention.start))
            ]
            # "Iran supplied Shaheds ..., while North Korea sent KN-23s": the nearest supplier before
            before = [p for p in suppliers if 0 <= p.mention.start < m.start]
            if own_from:
                suppliers = [p for p in suppliers if p.group == own_from[0].group]
            elif before:
                g = max(before, key=lambda p: p.mention.start).group
                suppliers = [p for p in suppliers if p.group == g]
        homes = home_states(ref) | {_SUCCESSOR.get(origin or "", origin)}
        resale = [p for p in buyers if _APPROVER_CUE.match(p.cue) and p.iso3 in homes]
        if suppliers and resale and len(resale) < len(buyers) and all(p.iso3 not in homes for p in suppliers):
            # "B bought N X from A, a sale C had to approve" (X made in C): C, the design's state,
            # clears A's resale to B (an approval of its own, C -> B); C buys nothing from A
            buyers = [p for p in buyers if p not in resale]
            suppliers = [*suppliers, *(replace(p, role="supplier", cue="resale-approver") for p in resale)]
        return suppliers, buyers

    def _nearest_buyers(
        self, m: Mention | None, suppliers: list[_Party], buyers: list[_Party], pairs: list[_Party]
    ) -> tuple[list[_Party], list[_Party], list[_Party]]:
        """(suppliers, buyers, pairs) with this system's suppliers never its buyers, and with several
        systems the buyer group named nearest before it."""
        sup_isos = {p.iso3 for p in suppliers}
        buyers = [p for p in buyers if p.iso3 not in sup_isos]
        if m is not None and self._n_systems > 1:
            # "Saudi Arabia is close to a deal to buy J-10Cs, while Egypt has ordered Rafales"
            cands = [p for p in buyers + pairs if 0 <= p.mention.start < m.start and p.iso3 not in sup_isos]
            if cands:
                g = max(cands, key=lambda p: p.mention.start).group
                chosen = [p for p in cands if p.group == g]
                if chosen and chosen[0].role == "buyer":
                    if self._relative_of_other_clause(chosen[0], m):
                        # "A offered its X, which B and C are buying, while D is offering Y": B and
                        # C buy X; Y's buyer is the competition's (the deal in context)
                        return (
                            suppliers,
                            [p for p in buyers if p.group != g],
                            [p for p in pairs if p.group != g],
                        )
                    buyers = chosen
                    pairs = [p for p in pairs if p.group != g]
        return suppliers, buyers, pairs

    def _source_of_other_clause(self, m: Mention, p: _Party, actors: list[_Party], a: int, n: int) -> bool:
        """Whether seller phrase ``p`` is another item's own source ("X from A") in another clause than
        system ``m`` ("a plan to buy X from A was dropped, and B picked Y": A sells no Y)."""
        if p.role != "supplier" or not _SOURCE_CUE.match(p.cue) or p.mention.start < 0:
            return False
        lo, hi = sorted((m.end, p.mention.start))
        if not CLAUSE_BREAK.search(self.text, lo, hi):
            return False
        return any(
            x.kind == "system"
            and x.system is not m.system
            and a <= x.start < a + n
            and self._attached_source(x, actors) is p
            for x in self.mentions
        )

    def _attached_source(self, m: Mention, actors: list[_Party]) -> _Party | None:
        """The seller phrase right after system ``m`` ("X jets from A", "Y built in B"), with no other
        system, comma or conjunction between them: that item's own source, which no other source of the
        sentence replaces."""
        nxt = next((x.start for x in self.mentions if x.kind == "system" and x.start >= m.end), None)
        for p in actors:
            start = p.mention.start
            if (
                p.role == "supplier"
                and _SOURCE_CUE.match(p.cue)
                and 0 <= start - m.end <= _SOURCE_REACH
                and (nxt is None or start < nxt)
                and not _SOURCE_BREAK.search(self.text, m.end, start)
            ):
                return p
        return None

    def _item_from(self, m: Mention, p: _Party) -> bool:
        """Whether "from" ``p`` follows system ``m`` right after it ("N X fighters from A")."""
        return 0 <= p.mention.start - m.end <= 40 and bool(
            _ITEM_FROM_GAP.fullmatch(self.text, m.end, p.mention.start)
        )

    def _in_later_clause(self, p: _Party, m: Mention) -> bool:
        """Whether the "with" counterpart ``p`` belongs to a later clause with an item of its own ("A
        signed with B's maker for X, and it has held talks with C on Y": C is Y's party, not X's)."""
        if p.role != "with" or p.mention.start < m.end:
            return False
        brk = CLAUSE_BREAK.search(self.text, m.end, p.mention.start)
        if brk is None:
            return False
        return any(
            x.kind == "system"
            and x.system is not None
            and x.start > p.mention.end
            and CLAUSE_BREAK.search(self.text, p.mention.end, x.start) is None
            for x in self.mentions
            if x.start < p.mention.end + 120
        )

    def _relative_of_other_clause(self, p: _Party, m: Mention) -> bool:
        """Whether party ``p`` is the subject of a relative clause ("..., which B is buying") on a
        system named before it, with a clause break between that clause and system ``m``."""
        text = self.text
        rel = _RELATIVE_BEFORE.search(text, max(0, p.mention.start - 14), p.mention.start)
        if rel is None:
            return False
        i = bisect.bisect_left(self._mention_starts, rel.start())
        item = next((x for x in reversed(self.mentions[:i]) if x.kind == "system"), None)
        return (
            item is not None
            and rel.start() - item.end <= 20
            and CLAUSE_BREAK.search(text, p.mention.end, m.start) is not None
        )

    def _roles_from_pairs(
        self,
        ref: SystemRef | None,
        suppliers: list[_Party],
        buyers: list[_Party],
        pairs: list[_Party],
        speakers: list[_Party],
        anaphora: bool,
        conf: float,
    ) -> tuple[list[_Party], list[_Party], float]:
        """Roles for the parties no cue decided: the system's origin among them sells, the others
        buy; two states and nothing else: the deal in context, a "with" counterpart, or (with a
        lower confidence) the one that exports widely sells."""
        origin = ref.origin_iso3 if ref else None
        if (
            not buyers
            and len({p.iso3 for p in suppliers}) >= 2
            and all(p.cue == "company" for p in suppliers)
            and not {p.iso3 for p in suppliers} <= home_states(ref)
        ):
            # "a contract signed between Safran and HAL": two makers of two states, one of them buys;
            # the deal in context or the system's origin tells which one sells (makers of a
            # consortium's member states are its co-builders: both sell)
            ctx_prev = self._prev_for(ref, anaphora)
            pair = prev_pair(ctx_prev, suppliers) if ctx_prev is not None else None
            home = _SUCCESSOR.get(origin or "", origin)
            if pair is not None:
                suppliers, buyers = pair
            elif home and any(p.iso3 == home for p in suppliers):
                buyers = [p for p in suppliers if p.iso3 != home]
                suppliers = [p for p in suppliers if p.iso3 == home]
        if not suppliers and origin:
            # a bare mention of the origin state sells only when no "with" counterpart is named
            # ("X negotiates with Y over Z, now that W no longer objects": Y sells, not W)
            withs = any(p.role == "with" and p.iso3 != origin for p in pairs)
            two = _subject_pair(pairs)
            if two is not None and origin not in {p.iso3 for p in two}:
                # "A and B are in talks over Z" (Z made elsewhere): the two sides are A and B, a state
                # named apart is no seller; the known exporter of the two sells, with less confidence
                ranked = sorted(two, key=lambda p: _EXPORTER_RANK.get(p.iso3 or "", 99))
                if _EXPORTER_RANK.get(ranked[0].iso3 or "", 99) < _EXPORTER_RANK.get(
                    ranked[1].iso3 or "", 99
                ):
                    return (
                        [replace(ranked[0], role="supplier", cue="pair-exporter")],
                        [ranked[1]],
                        conf - 0.15,
                    )
                withs = True
            cand = [p for p in pairs if p.iso3 == origin and not (withs and p.role is None)] or [
                p for p in speakers if p.iso3 == origin
            ]
            if cand:
                suppliers = _with_list(cand[0], pairs, 3)
                listed = {p.iso3 for p in suppliers}
                pairs = [p for p in pairs if p.iso3 not in listed]
        sup_isos = {p.iso3 for p in suppliers}
        buyers = [p for p in buyers if p.iso3 not in sup_isos]
        if not buyers and pairs:
            rest = [p for p in pairs if p.iso3 not in sup_isos]
            rest_isos = {p.iso3 for p in rest}
            if (
                not suppliers
                and len(rest_isos) >= 2
                and anaphora
                and (ctx_prev := self._prev_for(ref, anaphora)) is not None
                and ctx_prev.supplier is not None
                and ctx_prev.supplier.iso3 not in rest_isos
                and ctx_prev.buyer.iso3 in rest_isos
            ):
                # "with Peru as well as with Chile, the deal is at the final stage": the deal in
                # context names its seller; the states named with it are its buyers
                return suppliers, list({p.iso3: p for p in rest}.values()), conf
            if suppliers or origin:
                rest = [p for p in rest if p.iso3 != origin]
                ctx_prev = self._prev_for(ref, anaphora) if anaphora and rest else None
                if (
                    ctx_prev is not None
                    and all(p.role is None and p.mention.form != "demonym" for p in rest)
                    and ctx_prev.buyer.iso3 not in {p.iso3 for p in rest}
                    # "A and B operate X supplied by C", "A, which flies X": the holders of the item
                    and not any(_HOLDER_NEXT.match(self.text, p.mention.end) for p in rest)
                ):
                    # "The US, which helped develop it, approved the sale": a bare mention in a sentence
                    # about the deal in context is not a new buyer of it (the deal's buyer stays)
                    rest = []
                if rest:
                    # prefer subjects / "with" counterparts over bare mentions
                    ranked = sorted(rest, key=lambda p: (p.role is None, p.role == "with"))
                    top = ranked[0]
                    buyers = (
                        [q for q in rest if q.group == top.group]
                        if top.role in ("pair", "with", None)
                        else [top]
                    )
            elif (
                len({p.iso3 for p in rest}) >= 2
                and (ctx_prev := self._prev_for(ref, anaphora)) is not None
                and prev_pair(ctx_prev, rest)
            ):
                suppliers, buyers = prev_pair(ctx_prev, rest)  # type: ignore[misc]
            elif len({p.iso3 for p in rest}) >= 2:
                withs = [p for p in rest if p.role == "with"]
                subj = [p for p in rest if p.role == "pair"]
                if withs and subj:
                    suppliers, buyers = _with_list(withs[0], withs, 2 if not origin else 3), [subj[0]]
                else:
                    ranked = sorted(
                        {p.iso3: p for p in rest if p.iso3}.values(),
                        key=lambda p: _EXPORTER_RANK.get(p.iso3 or "", 99),
                    )
                    if len(ranked) >= 2 and _EXPORTER_RANK.get(ranked[0].iso3 or "", 99) < 99:
                        suppliers, buyers = [ranked[0]], [ranked[1]]
                        conf -= 0.15
            elif rest and any(p.role in ("pair", "with", "modifier") for p in rest):
                buyers = [rest[0]] if not anaphora else []
        if not suppliers and buyers and pairs:
            rest = [p for p in pairs if p.iso3 not in {q.iso3 for q in buyers}]
            # only a "with" counterpart sells by default: a bare mention, or the subject of its own
            # verb in another clause ("X is in talks ..., and Y has also held talks"), is tied to
            # the buyer's deal by no cue (the system's origin supplies it, below); with no origin
            # known, a bare mention is the only seller the sentence offers
            if rest and (rest[0].role == "with" or (rest[0].role is None and not origin)):
                suppliers = _with_list(rest[0], rest, 2 if not origin else 3)
        return suppliers, buyers, conf

    def _roles_from_context(
        self,
        ref: SystemRef | None,
        suppliers: list[_Party],
        buyers: list[_Party],
        speakers: list[_Party],
        origin: str | None,
        anaphora: bool,
        conf: float,
        span: tuple[int, int],
    ) -> tuple[list[_Party], list[_Party], float]:
        """Missing roles from outside the sentence's cues: the previous claim about this system
        (or the deal referred back to), a speaker, the deal in context, the article's focus."""
        prev = self._prev_for(ref, anaphora)
        if prev is not None and ref is not None:
            sup_isos = {p.iso3 for p in suppliers}
            compatible = not suppliers or prev.supplier is None or prev.supplier.iso3 in sup_isos
            if not buyers and compatible and prev.buyer.iso3 not in sup_isos:
                pb = prev.buyer
                buyers = [_implied(pb.iso3, pb.name, pb.kind, None, "buyer", "context", "context")]
                conf -= 0.1
            if not suppliers and prev.supplier and buyers and prev.buyer.iso3 in {p.iso3 for p in buyers}:
                ps, company = prev.supplier, prev.supplier_company
                suppliers = [_implied(ps.iso3, ps.name, ps.kind, company, "supplier", "context", "context")]
                conf -= 0.1
        if not buyers and speakers and (suppliers or origin):
            sup_isos = {p.iso3 for p in suppliers} | {origin}
            cand = [p for p in speakers if p.iso3 and p.iso3 not in sup_isos]
            if cand:
                buyers = [cand[0]]
                conf -= 0.1
        if (
            not buyers
            and ref is not None
            and suppliers
            and self.ctx.last
            and any(p.role == "supplier" and p.cue.startswith("subject") for p in suppliers)
        ):
            lb = self.ctx.last[-1].buyer
            if lb.iso3 not in {p.iso3 for p in suppliers} and self._continues_context(suppliers, span):
                buyers = [_implied(lb.iso3, lb.name, lb.kind, None, "buyer", "context", "context")]
                conf -= 0.2
        if not buyers and suppliers and self._rivals:
            # the other bids of a competition are offers to the competition's buyer: the state
            # the article's deals so far are most often bought by (the winner's buyer)
            sup_isos = {p.iso3 for p in suppliers}
            counts: dict[str, int] = {}
            for c in self.claims:
                if (
                    not c.negated
                    and c.buyer.iso3
                    and c.buyer.iso3 not in sup_isos
                    and "buyer:earlier-customer" not in c.cues  # an earlier customer holds no competition
                    and "buyer:listed-customer" not in c.cues
                ):
                    counts[c.buyer.iso3] = counts.get(c.buyer.iso3, 0) + 1
            if counts:
                top = max(counts.values())
                rb = next(c.buyer for c in reversed(self.claims) if counts.get(c.buyer.iso3 or "") == top)
                last = self.claims[-1]
                if last.status == "approved" and counts.get(last.buyer.iso3 or ""):
                    rb = last.buyer  # the choice told just before is the competition's result: its chooser
                buyers = [_implied(rb.iso3, rb.name, rb.kind, None, "buyer", "competition", "context")]
            conf -= 0.1
        noun = _STATE_NOUN.search(self.text, span[0], span[1]) if not buyers and ref is not None else None
        if noun is not None:
            # "The kingdom's air defences rest on US-made X": the latest buyer whose official name
            # has that title ("Kingdom of ..."), not the article's most named state
            pb = self._titled_buyer(noun.group(1), {p.iso3 for p in suppliers})
            if pb is not None:
                buyers = [_implied(pb.iso3, pb.name, pb.kind, None, "buyer", "state-noun", "context")]
                conf -= 0.1
        force = self._force_buyer(ref, suppliers, span) if not buyers else None
        if force is not None:
            # "A's navy ... The navy also operates N X bought from B": the force's state, which
            # need not be the article's most named one
            buyers = [force]
            conf -= 0.25
        focus = self.focus
        if focus is not None and (
            focus.iso3 in {p.iso3 for p in suppliers} | self._sibling_sellers(span)
            or self._seller_only(focus.iso3)
        ):
            # the most named state is this supplier ("Thailand shelved plans to buy from China ...
            # China offered ... the navy operates a Chinese-built X"), or the article's claims name it only
            # as a seller: the article's first stated buyer
            focus = self._first_buyer({p.iso3 for p in suppliers})
        if (
            not buyers
            and ref is not None
            and suppliers
            and self._cur_status not in ("unknown", "offered")
            and focus is not None
            and focus.iso3 not in {p.iso3 for p in suppliers}
            # the focus makes another system of the sentence ("flies US-made X alongside Russian-built
            # Y"): it is a maker here, not the buyer of Y
            and focus.iso3 not in self._origins_here(span)
        ):
            # the article's main buyer: "the procurement of three Scorpene submarines" in a
            # story about India's submarine deals
            buyers = [focus]
            conf -= 0.25
        return suppliers, buyers, conf

    def _continues_context(self, suppliers: list[_Party], span: tuple[int, int]) -> bool:
        """Whether a sentence whose subject sells, naming no buyer, goes on with the deal in context:
        the same seller ("A's maker will deliver the first X in May"), a bid in the competition told
        ("B offered its Y", an offer to that buyer), a donor after a donor ("A pledged X to C. B has
        sent Y": the recipient's aid told giver by giver), or an item of a bullet list under a lead-in.  A
        new seller of a new item with none of these ties tells another state's business ("Separately,
        C delivered N Z"): the buyer named before is not its buyer."""
        prev = self.ctx.last[-1]
        if prev.supplier is not None and prev.supplier.iso3 in {p.iso3 for p in suppliers}:
            return True
        if any(_GIFT_CUE.match(q) for q in prev.cues):
            return True  # a round-up of donors: "A has pledged X to C. B has delivered Y": C's aid
        return self._cur_status == "offered" or is_bullet(self.text, span[0])

    def _force_buyer(
        self, ref: SystemRef | None, suppliers: list[_Party], span: tuple[int, int]
    ) -> _Party | None:
        """The buyer behind a bare force noun ("the navy", "its air force") of sentence ``span``: the
        state whose force of that kind the article named last before it ("A's navy", "the A-ian
        navy", "the A Navy"; "the ministry" is the last "A's defence ministry"), when a cue ties the
        seller to the item ("bought from B", "B-built") after the force noun (or the force receives
        it: "delivered to the navy", "for the navy") and a deal stage is told of the item.

        None when that state sells or makes the item here (B's own navy buys nothing from B), when
        "its navy" may be a state named before it in the sentence ("B, which retired them from its
        navy": the seller's), and when no force was named (the article's focus decides, as before).
        An unnamed item ("two patrol vessels", ``ref`` None) is bought as when the state is named."""
        own = self._sys_status.get(ref.name) if ref is not None else None
        if own is not None:
            stage: str | None = own[0]
        else:  # one system takes the sentence's stage; of several, one without its own has none
            stage = self._cur_status if self._n_systems <= 1 else None
        if stage in (None, "unknown", "offered"):
            # the item's own clause tells no deal ("flies X acquired in 1999, alongside B-built Y")
            return None
        tied = [
            p.mention.start for p in suppliers if p.mention.start >= 0 and _TIED_SUPPLIER.fullmatch(p.cue)
        ]
        if not tied:
            return None
        # the force is the clause's subject, before the seller's cue ("the navy operates N X bought from
        # B"), or the recipient ("delivered to the navy", "ordered from B for the navy"), not an owner
        # told after the item ("the B-built X of the air force": a fleet's description)
        for bare in BARE_FORCE.finditer(self.text, span[0], span[1]):
            if bare.start() > min(tied) and not _RECIPIENT_BEFORE.search(self.text, span[0], bare.start()):
                continue
            if not bare.group(0).lower().startswith("the"):
                # "its"/"their": a state named earlier in the sentence may own it
                lo = bisect.bisect_left(self._mention_starts, span[0])
                hi = bisect.bisect_left(self._mention_starts, bare.start())
                if any(m.kind == "party" for m in self.mentions[lo:hi]):
                    continue
            owner = self._named_force(force_kind(bare.group(1)), bare.start())
            if owner is None:
                continue
            if owner.iso3 in {p.iso3 for p in suppliers} or owner.iso3 in self._origins_here(span):
                return None
            return owner
        return None

    def _force_owner(self, kind: str, before: int) -> _Party | None:
        """The state whose force (or ministry) of ``kind`` the article named last before offset
        ``before``, else the article's focus: the giver a bare "the navy" of a sentence stands for."""
        starts, owners = self._named_forces().get(kind, ([], []))
        i = bisect.bisect_left(starts, before)
        if i:
            return replace(owners[i - 1], role="supplier", cue="force")
        if self.focus is None:
            return None
        return replace(self.focus, role="supplier", cue="force")

    def _named_force(self, kind: str, before: int) -> _Party | None:
        """The state of the latest force of ``kind`` named before offset ``before``, else None; a state
        that only sold in the article's claims so far is passed over ("the US Navy handed over a
        cutter to A ... the navy also operates X bought from B": the navy is A's, named before)."""
        starts, owners = self._named_forces().get(kind, ([], []))
        i = bisect.bisect_left(starts, before)
        if not i:
            return None
        sold = {c.supplier.iso3 for c in self.claims if c.supplier is not None and not c.negated}
        bought = {c.buyer.iso3 for c in self.claims if not c.negated}
        return next((o for o in reversed(owners[:i]) if o.iso3 not in sold or o.iso3 in bought), None)

    def _named_forces(self) -> dict[str, tuple[list[int], list[_Party]]]:
        """The article's forces named with their state, by kind, in text order (computed once): a
        state's name or demonym before a force noun ("A's navy", "the A-ian army") or a force's own
        name in the catalogue ("the A Navy"); not one in a seller's or counterpart's position ("bought
        from B's navy", "drills with B's navy")."""
        if self._force_index is not None:
            return self._force_index
        index: dict[str, tuple[list[int], list[_Party]]] = {}
        for m in self.mentions:
            rec = m.party
            if m.kind != "party" or rec is None or rec.historical:
                continue
            if rec.kind == "country" and m.iso3:
                hit = OWNED_FORCE.match(self.text, m.end)
                iso, name = m.iso3, rec.name
            elif rec.kind == "agency" and rec.country_iso3:
                hit = FORCE_IN_NAME.search(rec.name)
                state = reference.country_by_iso3(rec.country_iso3)
                iso, name = rec.country_iso3, state.name if state is not None else rec.name
            else:
                continue
            if hit is None or _COUNTERPART_BEFORE.search(self.text, max(0, m.start - 12), m.start):
                continue
            starts, owners = index.setdefault(force_kind(hit.group(1)), ([], []))
            starts.append(m.start)
            owners.append(_implied(iso, name, "country", None, "buyer", "force", "force"))
        self._force_index = index
        return index

    def _titled_buyer(self, title: str, not_isos: set[str | None]) -> PartyRef | None:
        """The buyer of the latest claim whose official name carries ``title`` ("kingdom": the
        Kingdom of ...), else None."""
        for c in reversed(self.claims):
            if c.negated or c.buyer.iso3 is None or c.buyer.iso3 in not_isos:
                continue
            rec = reference.country_by_iso3(c.buyer.iso3)
            if rec is not None and title.lower() in (rec.official_name or "").lower():
                return c.buyer
        return None

    def _first_buyer(self, not_isos: set[str | None]) -> _Party | None:
        """The buyer of the article's first claim whose buyer a verb states, as a focus stand-in."""
        for c in self.claims:
            if (
                not c.negated
                and c.buyer.iso3
                and c.buyer.iso3 not in not_isos
                and any(q.startswith("buyer:subject:") for q in c.cues)
            ):
                b = c.buyer
                return _implied(b.iso3, b.name, b.kind, None, "buyer", "focus", "focus")
        return None

    def _prev_for(self, ref: SystemRef | None, anaphora: bool) -> Claim | None:
        if ref is not None and ref.name in self.ctx.by_system:
            return self.ctx.by_system[ref.name]
        if not anaphora:
            return None
        last = self.ctx.last[-1] if self.ctx.last else None
        origin = _SUCCESSOR.get(ref.origin_iso3 or "", ref.origin_iso3) if ref is not None else None
        if origin and (last is None or (last.supplier is not None and last.supplier.iso3 != origin)):
            # "the package" naming a US system refers to the latest US deal, not to a sentence in
            # between about another state (or a system we could not place)
            same = next(
                (
                    c
                    for c in reversed(self.claims)
                    if not c.negated and c.supplier and c.supplier.iso3 == origin
                ),
                None,
            )
            if same is not None:
                return same
        return last


#: between an item and the "from" naming its seller: a few words, no clause break ("X howitzers from
#: the", "Leopard 2A6s from")
_ITEM_FROM_GAP = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:from|(?:built|made|produced|manufactured)\s+in)\s+(?:the\s+)?"
)


def _implied(
    iso3: str | None, name: str, kind: str, company: str | None, role: str, cue: str, form: str
) -> _Party:
    """A party the sentence does not name (the system's origin, the deal in context)."""
    return _Party(Mention("party", -1, -1, "", form), iso3, name, kind, company, role, cue)


#: between a demonym or possessor and the system it qualifies: "'s", a joint design's second demonym
#: ("-American"), a few lower-case words ("short-range", "second-hand")
_MODIFIER_GAP = re.compile(r"(?:'s|’s)?(?:-[A-Z][a-z]+)?\s+(?:[a-z][\w-]*\s+){0,3}")


def _with_list(first: _Party, pairs: list[_Party], least: int) -> list[_Party]:
    """The counterparts of talks or a deal named as one list ("in talks with A, B, C and D over X"):
    ``first`` and the other states of its list when ``first`` is a "with" counterpart and the list
    names at least ``least`` states (a consortium sells together: each state is a seller; of two
    states where the system's origin is known, the other may be a rival, so it takes three), else
    ``first`` alone."""
    if first.role != "with":
        return [first]
    listed = {p.iso3: p for p in pairs if p.role == "with" and p.group == first.group and p.iso3}
    if len(listed) < least:
        return [first]
    return [first, *(p for iso, p in listed.items() if iso != first.iso3)]


def _subject_pair(pairs: list[_Party]) -> list[_Party] | None:
    """The two states of one coordinated subject of a neutral verb ("A and B are in talks"), if any."""
    groups: dict[int, dict[str | None, _Party]] = {}
    for p in pairs:
        if p.role == "pair" and p.iso3:
            groups.setdefault(p.group, {}).setdefault(p.iso3, p)
    two = [list(g.values()) for g in groups.values() if len(g) == 2]
    return two[0] if len(two) == 1 else None


# the bid cue check of a party's role cue, on the lowercased cue (kg.extract._fastre.lower_in_place:
# same spans, truthiness only; a cue string repeats, and LowerRx remembers its answers)
_CUE_CHECKS = lower_in_place(globals(), ("_BID_CUE",))
