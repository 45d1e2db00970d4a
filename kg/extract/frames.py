"""Frames: one per weapon system of a sentence (or one system-less frame for a stated supplier
relationship): which systems the sentence's deals are about (named, referred back to, the other
bids of a competition, unnamed items listed beside them), each system's stage, and the
sentence-level settling of roles (modifiers, makers); the parties of each frame come from
:mod:`.assign`.

A mixin of :class:`kg.extract.claims._Extractor`: frames read and write the article memory
(claims so far, the deal in context, the article's focus buyer).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

from kg.extract._fastre import NeedsRx, contains_any, lower_in_place
from kg.extract.assign import _OFFERED_ABROAD, PartyAssigner, _implied
from kg.extract.clauses import item_phrases
from kg.extract.entities import Mention
from kg.extract.model import Claim, SystemRef
from kg.extract.money import find_money
from kg.extract.nouns import ITEM_NOUNS, names_the_item_again, platform_nouns, platform_of
from kg.extract.offers import (
    contest_buyer,
    contest_holders,
    lost_not_denied,
    offer_suppliers,
    offer_triggers,
    settle_firm_homes,
)
from kg.extract.parties import (
    _SUCCESSOR,
    _Ctx,
    _Frame,
    _origin_of,
    _Party,
    _Stage,
    _SysRef,
    _system_ref,
    home_states,
)
from kg.extract.patterns import (
    _ADDITIONAL,
    _ARMS_WORD,
    _CLASS_APPOSITION,
    _COMPANION,
    _COVERS_COUNT,
    _DEAL_LIST,
    _FOR_PLATFORM,
    _FUTURE,
    _ITEMS4,
    _LISTED_DETERMINED,
    _LISTED_ITEM,
    _MORE_OK,
    _NEW_DEAL,
    _POSS,
    _PRONOUN_OBJECT_RX,
    _RELATIVE_AFTER,
    _SUBITEM,
    _TRANSFER_LIST,
    _WORTH_WORD,
    CLAUSE_BREAK,
)
from kg.extract.quantities import parse_number
from kg.extract.roles import buys_the_item
from kg.extract.status import _FLEET_VERB_LEFT, _status, announced_sale, bare_purchase
from kg.extract.vocabulary import _HOLDS_FROM, _RIVAL_WORDS, _RIVALS
from kg.vocab import reference

#: a state's holdings listed with their sellers ("the arsenal includes X and Y from A"): the items are
#: the holdings, not the parts of a package
_HOLDINGS_LIST = re.compile(r"\b" + _HOLDS_FROM, re.IGNORECASE)

#: the fleet being replaced, with its own past transfer ("to replace the X bought from Y", "the X that
#: A handed over to B"): a fact of its own, kept (the replacing deal's roles do not reach it)
_PAST_TRANSFER_NEXT = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}?,?\s+(?:(?:that|which)\s+(?:[A-Z][\w]+\s+){1,2}(?:had\s+)?(?:handed over|sent|gave|"
    r"donated|transferred|sold|supplied)\s|(?:originally\s+)?(?:bought|acquired|purchased|imported|received|"
    r"ordered)\s+from\s|(?:supplied|delivered|donated|sold)\s+by\s|"
    # "to replace the N Y (that) the country has leased from B", "... Y A bought from B": a relative clause
    # without "that" telling the fleet's own earlier transfer
    r"(?:(?:that|which)\s+)?(?:the\s+(?:country|state|kingdom|nation)|it|they|[A-Z][\w]+)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:leased|bought|acquired|purchased|imported|received)\s+from\s)"
)

#: a companion named beside the deal's item ("N jets, along with X early-warning planes", "as well as
#: Y frigates"): of a platform of its own (below), a second item of the offer or order, not a
#: component; "including", "armed with", "equipped with" still name the package's parts
_COMPANION_BEFORE = re.compile(
    r"\b(?:along with|together with|as well as|in addition to)\s+(?:[\w/-]+,?\s+){0,8}?$",
    re.IGNORECASE,
)
_PARTS_BEFORE = re.compile(r"\b(?:includ\w*|armed with|equipped with)\b", re.IGNORECASE)
#: categories of platforms bought in their own right (munitions, sensors and engines are parts)
_PLATFORMS = frozenset({"aircraft", "ships", "armoured-vehicles", "air-defence", "artillery"})


class FrameBuilder(PartyAssigner):
    """Frames of one sentence (see the module docstring); the state lives on the extractor."""

    claims: list[Claim]
    ctx: _Ctx
    focus: _Party | None
    _cur_status: str
    #: the system the previous sentence named but could not place (no claim), else None
    _orphan: SystemRef | None
    #: the sentence names the other bids of a competition (see :data:`vocabulary._RIVAL`)
    _rivals: bool
    _n_systems: int
    _starts: dict[str, list[int]]
    masked: str
    #: (offset, state) of the competitions the article names (read when an offer names no buyer)
    _contests: list[tuple[int, _Party]] | None = None

    def _frames(
        self,
        s: str,
        a: int,
        b: int,
        parties: list[_Party],
        systems: list[Mention],
        trig: list[tuple[str, int, int, str]],
        anaphora: bool,
    ) -> list[_Frame]:
        trig = offer_triggers(s, a, parties, trig)
        status, negated, modality, delayed = _status(s, trig)
        negated = lost_not_denied(s, status, negated)
        self._cur_status = status
        low = s.lower()
        rivals = _RIVALS.search(s) if contains_any(low, _RIVAL_WORDS) else None
        self._rivals = rivals is not None
        sys_status = _per_system_status(s, a, systems, trig)
        add_m = _ADDITIONAL.search(s)
        additional = (
            bool(add_m)
            and (not add_m.group(3) or bool(_MORE_OK.search(s)))
            and status not in ("delivered", "delivering", "delayed")
        )
        future = bool(_FUTURE.search(s))
        bare = bare_purchase(s, trig, self.published.year if self.published else None)
        announced = announced_sale(s, trig)
        sys_refs = self._system_refs(s, a, parties, systems, anaphora)
        n_refs = len(sys_refs)
        sys_refs = _platforms(s, a, parties, sys_refs)
        if len(sys_refs) < n_refs:  # the platform's triggers are its component's
            kept = {id(m) for _r, m, _src in sys_refs if m is not None}
            sys_status = _per_system_status(s, a, [m for m in systems if id(m) in kept], trig)
        _settle_modifiers(s, a, parties, sys_refs)
        settle_firm_homes(s, a, parties)
        self._settle_makers(parties, sys_refs)
        actors = [p for p in parties if p.role not in ("other", "speaker", "origin")]
        speakers = [p for p in parties if p.role == "speaker"]
        if not sys_refs:
            sys_refs = self._context_systems(s, parties, status, anaphora)
        _split_context_status(s, a, sys_refs, trig, sys_status)
        competition = "compet" in low or "tender" in low
        bidders = _competition_bidders(s, a, parties) if competition or "beat" in low else []
        if bidders and competition:
            # "after a competition in which A, B and C made offers": bidders, not the deal's sellers;
            # the beaten bidders of "beat bids from A (the X) and B" keep their own frames (their X)
            actors = [p for p in actors if all(p is not q for q in bidders)]
        frames: list[_Frame] = []
        n_states = len({p.iso3 for p in parties if p.iso3})
        bids = offer_suppliers(s, a, parties, sys_refs, status, self._rivals)
        if bids:
            # a list of competing offers: its states are bidders, the buyer is the competition's
            self._rivals = True
            bidder_isos = {p.iso3 for p in bids.values()}
            actors = [p for p in actors if p.iso3 not in bidder_isos]
        self._sys_status = sys_status  # each system's own stage, for the roles read from context
        phrases = item_phrases(self.masked, systems) if len(systems) > 1 else []
        for ref, m, src in sys_refs:
            own = bids.get(ref.name) if ref is not None else None
            here = actors if own is None else [replace(own, role="supplier", cue="offer-list"), *actors]
            here = _conjunct_sources(s, a, m, here, trig)
            if m is not None and len(systems) > 1:
                here = _outside_other_items(m, here, phrases)
            sup, buy, conf = self._assign(ref, m, here, speakers, s, a, anaphora, src)
            holder = (
                self._holder(
                    ref, src == "context" or _OWN_STOCK.search(s, max(0, m.start - a - 30), m.start - a)
                )
                if sup
                and sup[0].cue == "system-origin"
                and _PASS_ON.search(s)
                and (src == "context" or m is not None)
                else None
            )
            if ref is None and not buy and additional and sup:
                buy = self._follow_on_buyer(sup)
            offer = (
                sys_status.get(ref.name, (status,))[0] == "offered"
                if ref is not None
                else status == "offered" and _bid_handed_in(s, sup)  # "A and B have pitched designs"
            )
            if not buy and sup and offer and not ("abroad" in s and _OFFERED_ABROAD.search(s)):
                # ("pitching X abroad": the buyers are unnamed, no contest's or focus buyer)
                buy = self._contest_buyer(sup, a, b)
                conf -= 0.15 if buy and buy[0].cue == "competition" else 0.25
            if not _frame_worth_it(ref, sup, buy, status, s):
                continue
            st, neg, mod, dl = sys_status.get(ref.name if ref else "", (status, negated, modality, delayed))
            if st == NO_STAGE[0]:
                continue  # a fleet held in a clause before another item's stage (see _stage_of_other_item)
            if rivals is not None and (m is None or m.start - a >= rivals.start()) and st != "cancelled":
                st = "offered"  # "rival bidders included X with its Y": Y was offered, not bought
            add_here = additional
            if additional and m is not None and self._n_systems > 1:
                # several systems: the marker must sit right before this one ("30 more Rafales")
                add_here = any(
                    0 <= m.start - a - mk.end() <= 40 or mk.start() <= m.start - a < mk.end()
                    for mk in _ADDITIONAL.finditer(s)
                )
            for supplier, buyer in _pairs(ref, _one_per_state(sup), buy):
                if holder is not None and buyer.iso3 != holder.iso3:
                    supplier = holder  # passed on by the state that holds it, not sold by its maker
                fr = _Frame(
                    [supplier] if supplier else [],
                    [buyer],
                    ref,
                    src,
                    "unknown" if buyer.cue == "earlier-buyer" else st,  # bought earlier, stage not stated
                    (a, b),
                    negated=neg,
                    modality=mod,
                    delayed=dl,
                    confidence=conf,
                )
                fr.batch = "additional" if add_here else "original"
                fr.bare_purchase = st == "signed" and bare
                fr.announced_sale = st == "signed" and announced
                fr.parties = n_states
                frames.append(fr)
        reading = (status, negated, modality, delayed)
        return self._finish_frames(frames, s, a, parties, systems, sys_refs, trig, future, reading, bidders)

    def _finish_frames(
        self,
        frames: list[_Frame],
        s: str,
        a: int,
        parties: list[_Party],
        systems: list[Mention],
        sys_refs: list[tuple[SystemRef | None, Mention | None, str]],
        trig: list[tuple[str, int, int, str]],
        future: bool,
        reading: tuple[str, bool, str | None, bool],
        bidders: list[_Party],
    ) -> list[_Frame]:
        """The sentence's frames once each system's pairs are made: foreign sellers dropped, generic
        items settled, details read, then the frames other constructions derive from them (more of
        the same, a contract stage before a break, companions, listed items, bidders, onward
        transfers).  ``reading`` is the sentence's (status, negated, modality, delayed)."""
        frames = _drop_foreign_suppliers(frames, sys_refs, s, a, trig)
        _share_list_origin(frames, s, a, sys_refs)
        generic = _generic_items(s, a, parties, systems, trig) if systems and trig else []
        if generic:
            frames = _settle_generic_items(frames, s, a, parties, sys_refs, generic)
        if not frames:
            return []
        self._details(frames, s, a, sys_refs, future, trig)
        frames += _more_of_the_same(frames, s, a, sys_refs, trig)
        status = reading[0]
        if status in _LATER_STAGES and _signed_before_break(s, trig):
            # "A ordered X in 2017, but construction stalled": the contract is a stage of its own
            frames += [
                replace(fr, status="signed", delayed=False, quantity_delivered=None)
                for fr in frames
                if fr.system is not None and not fr.negated and fr.status == status
            ]
        frames = _later_bidders(frames, s, a, parties, sys_refs)
        return (
            frames
            + _companions(frames, s, a, sys_refs, systems)
            + _follow_on_items(frames, s, a, sys_refs, systems)
            + _listed_items(frames, s, a, systems, reading)
            + _item_suppliers(frames, s, a, parties, reading)
            + _bidder_frames(frames, bidders)
            + _onward_frames(frames, parties, sys_refs)
            + _generic_item_frames(frames, s, parties, trig, generic)
            + _relations_beside_systems(frames, parties)
        )

    def _contest_buyer(self, sup: list[_Party], a: int, b: int) -> list[_Party]:
        """The buyer of an offer whose sentence names none: the state whose competition the article
        names (:func:`kg.extract.offers.contest_buyer`; the competitions are read once per article),
        else the article's focus buyer (not the bidder's own state, nor the maker of a system here)."""
        if self._contests is None:
            self._contests = contest_holders(self.masked, self.mentions)
        isos = {p.iso3 for p in sup}
        held = contest_buyer(self._contests, b, isos)
        if held is not None:
            return [held]
        focus = self.focus
        if focus is not None and focus.iso3 in isos:
            focus = self._first_buyer(isos)
        if focus is None or focus.iso3 in isos or focus.iso3 in self._origins_here((a, b)):
            return []
        return [focus]

    def _follow_on_buyer(self, sup: list[_Party]) -> list[_Party]:
        """The buyer of a follow-on order that names its seller but no buyer and no system ("a
        follow-on order for three more German boats was cancelled"): the buyer of the article's
        latest deal with that seller; else none."""
        isos = {p.iso3 for p in sup if p.role == "supplier" and p.iso3}
        prev = next(
            (
                c
                for c in reversed(self.claims)
                if not c.negated and c.supplier is not None and c.supplier.iso3 in isos and c.buyer.iso3
            ),
            None,
        )
        if prev is None or prev.buyer.iso3 in isos:
            return []
        b = prev.buyer
        return [_implied(b.iso3, b.name, b.kind, None, "buyer", "follow-on", "context")]

    def _holder(self, ref: SystemRef | None, held_here: object) -> _Party | None:
        """The seller of a system passed on to a new buyer ("the tanks were later handed over to B",
        "it handed two of its X to B"): the buyer of the article's deal for that system holds it (a
        re-export or donation: the passing state supplies), not the maker's state; else None.
        ``held_here``: the sentence refers to the deal in context or to the subject's own stock."""
        if not held_here or ref is None:
            return None
        held = self.ctx.last[-1] if self.ctx.last and self.ctx.last[-1].system is not None else None
        if held is None or held.system is None or held.system.name != ref.name:
            held = self.ctx.by_system.get(ref.name)
        if (
            held is None
            or held.negated
            or ref is None
            or held.system is None
            or held.system.name != ref.name
            or held.buyer.kind != "country"
            or held.buyer.iso3 is None
        ):
            return None
        hb = held.buyer
        return _implied(hb.iso3, hb.name, hb.kind, None, "supplier", "holder", "context")

    def _system_refs(
        self, s: str, a: int, parties: list[_Party], systems: list[Mention], anaphora: bool
    ) -> list[_SysRef]:
        """The systems the sentence's deals are about: the named ones (once each), the earlier
        deal's system a demonym refers back to, minus the components of a package."""
        sys_refs: list[_SysRef] = []
        seen: set[str] = set()
        self._n_systems = len({m.system.designation for m in systems if m.system is not None})
        self._starts = {}
        for m in systems:
            if m.system is not None:
                self._starts.setdefault(m.system.designation, []).append(m.start)
        prev_m: Mention | None = None
        for m in systems:
            ref = _system_ref(m, s[m.end - a : m.end - a + 60])
            apposed = (
                prev_m is not None
                and m.text.lower().endswith("class")
                and _CLASS_APPOSITION.fullmatch(s, prev_m.end - a, m.start - a) is not None
            )
            prev_m = m
            if ref.name in seen or apposed:  # "the X, an Y-class submarine": one vessel, named
                continue
            seen.add(ref.name)
            sys_refs.append((ref, m, "catalogue" if m.form == "catalogue" else "pattern"))

        # "bought the first batch of the Russian systems ..., a move that led Washington to remove
        # it from the F-35 programme": the Russian systems are the earlier Russian deal's system
        if sys_refs and anaphora and self.claims:
            makers = {p.iso3 for p in parties if p.cue in ("demonym-item", "origin-modifier")}
            named_origins = {
                _SUCCESSOR.get(r.origin_iso3 or "", r.origin_iso3) for r, _m, _x in sys_refs if r
            }
            for iso in makers - named_origins:
                prev_c = next(
                    (c for c in reversed(self.claims) if c.system and c.supplier and c.supplier.iso3 == iso),
                    None,
                )
                if prev_c is not None and prev_c.system is not None and prev_c.system.name not in seen:
                    sys_refs.append((_context_ref(prev_c.system), None, "context"))
                    seen.add(prev_c.system.name)
                    self._n_systems += 1

        # "the army's X helicopters are being armed with Y from B", "ordered Y missiles for its X": the
        # fleet the item arms is the buyer's own, no item of the deal
        if len(sys_refs) > 1:
            own = _own_platforms(s, a, sys_refs)
            if own:
                sys_refs = [r for r in sys_refs if r[1] is None or id(r[1]) not in own]
                if len(sys_refs) == 1:
                    return sys_refs  # the item the fleet is armed with is the deal's, not a package part
        # components of a package ("which would include Hellfire missiles") are not deals of their own
        # ... but the items a deal itself lists ("the deal covers 170 Hellfires as well as 310 SDBs",
        # "won deals including S-400s and K-226Ts") are each a deal item
        if sys_refs and not self._rivals:  # "rival bids included X and Y": each is a bid of its own
            dl = _DEAL_LIST.search(s)
            listed_from = dl.end() if dl else len(s) + 1
            tl = _TRANSFER_LIST.search(s) if "includ" in s or "cover" in s or "compris" in s else None
            if tl is not None:  # "its donations, which have included X": X is a transfer of its own
                listed_from = min(listed_from, tl.end())
            held = _HOLDINGS_LIST.search(s) if "includ" in s or "compris" in s else None
            if held is not None:  # "the arsenal includes X and Y from A": holdings, each a deal item
                listed_from = min(listed_from, held.end())
            main = [
                r
                for r in sys_refs
                if r[1] is None
                or r[1].start - a >= listed_from
                or not _SUBITEM.search(s[max(0, r[1].start - a - 60) : r[1].start - a])
                or self._companion_platform(s, a, r)
                # "to replace the N X that A handed over to B": the replaced fleet's own transfer
                or _PAST_TRANSFER_NEXT.match(s, r[1].end - a) is not None
                # "the fleet includes N X and M Y aircraft bought from B": the participle after the
                # list is every member's
                or _listed_past_transfer(s, a, r, sys_refs, parties)
            ]
            ctx_sys = self.ctx.last[-1].system if (anaphora and self.ctx.last) else None
            if main and len(main) < len(sys_refs):
                sys_refs = main
            elif not main and ctx_sys is not None:
                sys_refs = [(_context_ref(ctx_sys), None, "context")]
            if (
                dl is not None
                and ctx_sys is not None
                and _ALSO_WORD.search(dl.group(0))
                and ctx_sys.name not in seen
                and all(r[1] is None or r[1].start - a >= dl.end() for r in sys_refs)
            ):
                # "the package, which also included X": X beside the deal in context's own system
                # (unless the sentence names the package's main item before the list)
                sys_refs = [*sys_refs, (_context_ref(ctx_sys), None, "context")]
        return sys_refs

    @staticmethod
    def _companion_platform(s: str, a: int, r: _SysRef) -> bool:
        """A platform listed as a companion of the deal's item (see :data:`_COMPANION_BEFORE`)."""
        ref, m, _src = r
        if m is None or ref is None or ref.category not in _PLATFORMS:
            return False
        left = s[max(0, m.start - a - 60) : m.start - a]
        return _COMPANION_BEFORE.search(left) is not None and not _PARTS_BEFORE.search(left)

    def _settle_makers(self, parties: list[_Party], sys_refs: list[_SysRef]) -> None:
        """Makers ("built by", "developed by") become the supplier unless a seller is named; a
        builder of the buyer's own state and a co-developer that is not the origin are no seller."""
        # "submarines to be built by Mazagon Dock", "made under licence by HAL": a builder of the
        # buyer's own country is not the seller of a foreign design (its licensor is)
        # the countries the named systems come from (a historical state's successor exports)
        design = {
            _SUCCESSOR.get(r.origin_iso3, r.origin_iso3)
            for r, _m, _x in sys_refs
            if r is not None and r.origin_iso3
        }
        buyer_isos = {p.iso3 for p in parties if p.role == "buyer" and p.iso3}
        if not buyer_isos and self.focus is not None and any(p.role == "origin" for p in parties):
            buyer_isos = {self.focus.iso3}
        if buyer_isos and design - buyer_isos:
            for p in parties:
                if p.iso3 in buyer_isos and (
                    p.role == "origin" or (p.role == "supplier" and p.company and p.cue == "company")
                ):
                    p.role, p.cue = "other", "domestic-builder"
        if not any(p.role == "supplier" for p in parties):
            makers = [p for p in parties if p.role == "origin"]
            # "developed jointly by India and Russia": of several makers, the one the catalogue
            # gives as the system's origin exports it; the co-developer is not a second seller
            if not sys_refs and self.ctx.last:  # "the missile": the deal in context names its seller
                design = {c.supplier.iso3 for c in self.ctx.last if c.supplier and c.supplier.iso3}
            if len({p.iso3 for p in makers}) > 1 and any(p.iso3 in design for p in makers):
                for p in makers:
                    if p.iso3 not in design:
                        p.role, p.cue = "other", "co-developer"
            for p in parties:
                if p.role == "origin":
                    p.role = "supplier"

    def _context_systems(self, s: str, parties: list[_Party], status: str, anaphora: bool) -> list[_SysRef]:
        """A sentence naming no system that refers back with a stage or a detail ("the deal was
        signed", "the jets cost $N") is about the deal in context; else one system-less frame."""
        sys_refs: list[_SysRef] = []
        if (
            anaphora
            and self.ctx.last
            # a stage, or a detail of the deal (a sum, "worth", "covers N"): checked last, it is the
            # costly test
            and (
                status != "unknown"
                # "the order makes X the fourth buyer of the gun after Y": the deal's system
                or any(p.cue in ("earlier-buyer", "nth-buyer") for p in parties)
                or bool(_WORTH_WORD.search(s))
                or bool(_COVERS_COUNT.search(s))
                or bool(find_money(s))
            )
            and not _NEW_DEAL.search(s)
            and not self._rivals  # the other bids are not the deal the competition gave
            and not _new_dyad(parties, self.ctx.last[-1])
        ):
            prev = self.ctx.last[-1]
            # "the French jets": the latest deal supplied by France, not simply the last one
            makers = {p.iso3 for p in parties if p.cue in ("demonym-item", "origin-modifier")}
            of_maker = prev
            if makers and (prev.supplier is None or prev.supplier.iso3 not in makers):
                of_maker = next(
                    (
                        c
                        for c in reversed(self.claims)
                        if c.system and c.supplier and c.supplier.iso3 in makers
                    ),
                    None,
                )
            # "the Xish sonars" after a deal with another supplier: the maker's own items, which the article has
            # not named (no system), not the other supplier's
            stranger = of_maker is None and prev.supplier is not None and prev.system is not None
            prev = of_maker or prev
            prev_sys = None if stranger else _noun_context(s, prev, self.claims)
            if prev_sys:
                sys_refs.append((_context_ref(prev_sys), None, "context"))
        elif (
            self._orphan is not None
            and not self.ctx.last
            and (
                _PRONOUN_OBJECT_RX.search(s)
                or buys_the_item(s, self._orphan.category)
                # "A bought 40 of those guns": a state of the sentence's own buys the item pointed back at
                or (
                    any(p.cue != "context" for p in parties)
                    and names_the_item_again(s, self._orphan.category)
                )
            )
        ):
            # "Serbia showed the Russian Y. Serbia had acquired it in 2020.": the system the
            # previous sentence named without a deal
            sys_refs.append((_context_ref(self._orphan), None, "context"))
        if not sys_refs:
            sys_refs.append((None, None, None))
        return sys_refs


def _noun_context(s: str, prev: Claim, claims: list[Claim]) -> SystemRef | None:
    """The system of the deal in context, unless the sentence's item nouns name another platform
    ("those 180 tanks have arrived" after a jet deal of the same buyer): then the buyer's latest
    system of that platform, else none (the nouns name an item the article gives no designation)."""
    if prev.system is None:
        return None
    said = platform_nouns(s)
    own = platform_of(prev.system.category)
    if not said or own is None or own in {platform_of(cat) for cat in said}:
        return prev.system
    same_buyer = [
        c.system for c in reversed(claims) if c.system is not None and c.buyer.iso3 == prev.buyer.iso3
    ]
    # the noun's own category first ("tanks": an armoured vehicle, not a rocket launcher), then its platform
    return next((x for x in same_buyer if x.category in said), None) or next(
        (x for x in same_buyer if platform_of(x.category) in {platform_of(cat) for cat in said}), None
    )


def _new_dyad(parties: list[_Party], prev: Claim) -> bool:
    """Whether a sentence names a buyer and a seller of its own, neither of them a party of the deal
    in context ("A's deal for X ... B signed a deal with C's firm for an unnamed system"): a new deal,
    not a reference back to X."""
    buyers = {p.iso3 for p in parties if p.role in ("buyer", "pair") and p.iso3}
    sellers = {p.iso3 for p in parties if p.role in ("supplier", "with") and p.iso3} - buyers
    if not buyers or not sellers:
        return False
    known = {prev.buyer.iso3, prev.supplier.iso3 if prev.supplier else None}
    return not (known & (buyers | sellers))


#: categories of parts fitted to a platform (engines, radars), bought for it
_COMPONENTS = frozenset(["engines", "sensors"])


#: a fleet an item is fitted to ("X helicopters are being armed with", "X jets will be fitted with")
_ARMED_WITH_NEXT = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}\s+(?:are|is|were|was|will be|would be|have been|has been)\s+(?:also\s+)?"
    r"(?:being\s+)?(?:armed|fitted|equipped|retrofitted|outfitted)\s+with\s+(?:the\s+|new\s+|\d+\s+)*\Z"
)
#: ... owned by a state or force before it ("B's X", "the army's X", "its X")
_OWNED_BEFORE = re.compile(r"(?:['’]s|\b(?:its|their))\s+(?:[\w-]+\s+){0,2}?\Z")
#: "Y missiles for its X", "to arm their X": the owner's fleet an item is bought for
_FOR_OWN_FLEET = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}\s+(?:(?:from|by)\s+[^.;,()]{1,40}?\s+)?(?:for|to arm|to equip|for use on)\s+"
    r"(?:its|their)\s+(?:[\w-]+\s+){0,2}?\Z"
)


def _own_platforms(s: str, a: int, sys_refs: list[_SysRef]) -> set[int]:
    """Mentions of an owner's fleet that another named system arms: "B's X helicopters are being armed
    with Y" (X before Y) and "ordered Y missiles for its X" (X after Y): the item Y is the deal's, the
    fleet X is the buyer's own (no transfer told of it)."""
    named = [m for _r, m, _src in sys_refs if m is not None]
    own: set[int] = set()
    for x, y in itertools.pairwise(named):
        gap_lo, gap_hi = x.end - a, y.start - a
        if gap_lo > gap_hi:
            continue
        if (
            _ARMED_WITH_NEXT.fullmatch(s, gap_lo, gap_hi) is not None
            and _OWNED_BEFORE.search(s, max(0, x.start - a - 40), x.start - a) is not None
        ):
            own.add(id(x))
        elif _FOR_OWN_FLEET.fullmatch(s, gap_lo, gap_hi) is not None:
            own.add(id(y))
    return own


def _platforms(s: str, a: int, parties: list[_Party], sys_refs: list[_SysRef]) -> list[_SysRef]:
    """A component for a platform of another state ("F404 engines meant for the Tejas fighters"): the
    platform is no deal item of the sentence, and when no buyer is named the platform's home state
    buys the component (its maker builds the platform)."""
    named = [(r, m) for r, m, _src in sys_refs if r is not None and m is not None]
    drop: set[int] = set()
    for (comp, cm), (plat, pm) in itertools.pairwise(named):
        if (
            comp.category in _COMPONENTS
            and plat.category not in _COMPONENTS
            and plat.origin_iso3
            and plat.origin_iso3 != comp.origin_iso3
            and _FOR_PLATFORM.match(s[cm.end - a : pm.start - a])
        ):
            drop.add(id(pm))
            if not any(p.role == "buyer" or p.iso3 == plat.origin_iso3 for p in parties):
                rec = reference.country_by_iso3(_SUCCESSOR.get(plat.origin_iso3, plat.origin_iso3))
                if rec is not None:
                    parties.append(
                        _Party(
                            Mention("party", -1, -1, "", "platform"),
                            rec.iso3,
                            rec.name,
                            "country",
                            None,
                            "buyer",
                            "platform",
                        )
                    )
    return [r for r in sys_refs if r[1] is None or id(r[1]) not in drop] if drop else sys_refs


#: the gap between two members of a list sharing one head noun ("N X and M Y aircraft", "X, Y and Z
#: jets"): a comma or "and", a count at most
_SHARED_HEAD_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve)\s+)?",
    re.IGNORECASE,
)
#: a seller phrase's party right after a past-transfer participle ("bought from (the) B")
_SELLER_REACH = 6


def _listed_past_transfer(s: str, a: int, r: _SysRef, sys_refs: list[_SysRef], parties: list[_Party]) -> bool:
    """Whether system ``r`` heads or continues a list whose last member is followed by a past
    transfer ("includes 12 X and 11 Y aircraft bought from B"): the participle covers ``r`` as well
    when the members share one head noun or ``r`` is of the seller's make; a member with a qualifier
    of its own ("Russian X") or of another make with a noun of its own is not covered."""
    ref, m, _src = r
    if m is None or ref is None:
        return False
    named = sorted((x for x in sys_refs if x[1] is not None), key=lambda x: x[1].start)  # type: ignore[union-attr]
    i = next((k for k, x in enumerate(named) if x[1] is m), None)
    if i is None or i + 1 >= len(named):
        return False
    shared, j = True, i
    while j + 1 < len(named):
        lo, hi = named[j][1].end - a, named[j + 1][1].start - a  # type: ignore[union-attr]
        if not _list_gap(s, lo, hi):
            break
        shared = shared and _SHARED_HEAD_GAP.fullmatch(s, lo, hi) is not None
        j += 1
    last = named[j][1]
    if j == i or last is None:
        return False
    tail = _PAST_TRANSFER_NEXT.match(s, last.end - a)
    if tail is None or any(p.cue in _MAKE_CUES and 0 <= m.start - p.mention.end <= 25 for p in parties):
        return False
    if shared:
        return True
    seller = next(
        (
            p
            for p in parties
            if p.mention.start >= 0 and 0 <= p.mention.start - a - tail.end() <= _SELLER_REACH
        ),
        None,
    )
    home = _SUCCESSOR.get(ref.origin_iso3 or "", ref.origin_iso3)
    return seller is not None and (home is None or seller.iso3 == home)


def _context_ref(sysref: SystemRef) -> SystemRef:
    """A system referred back to (its origin looked up again from the catalogue)."""
    return SystemRef(
        sysref.name,
        sysref.category,
        _origin_of(sysref.name) or sysref.origin_iso3,
        sysref.surface,
        sysref.manufacturer,
    )


#: a clause word between two systems: the second is no plain member of the first's list
_CLAUSE_WORD = re.compile(
    r"\b(?:which|that|who|whom|while|whereas|but|although|though|after|before|when|since|because|whose)\b|[.;:()]",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r",|\b(?:and|or|plus|as well as)\b", re.IGNORECASE)


def _list_gap(s: str, lo: int, hi: int) -> bool:
    """Whether ``s[lo:hi]``, the text between two systems, only joins them as members of one list
    (" jets, ", " missiles and 36 "): short, a comma or "and", no clause word."""
    gap = s[lo:hi]
    return len(gap) <= 60 and bool(_LIST_JOIN.search(gap)) and not _CLAUSE_WORD.search(gap)


#: a seller phrase that opens its conjunct ("came from A with X and from B with Y"): it names the item
#: after it, not the ones before
_SOURCE_OPENS = re.compile(r"(?:\band|\bor|[,;]|^)\s*from\s+(?:the\s+)?$", re.IGNORECASE)
#: a party that only qualifies the item right after it ("Russian X", "B's Y")
_QUALIFIER_CUES = frozenset({"demonym-item", "origin-modifier", "owner-modifier"})
#: ... by its make ("Russian X", "X of French make"), a seller of its own
_MAKE_CUES = frozenset({"demonym-item", "origin-modifier"})


def _outside_other_items(
    m: Mention, actors: list[_Party], phrases: list[tuple[int, int, list[Mention]]]
) -> list[_Party]:
    """The actors of system ``m`` without those named in a relative or appositive phrase about other
    items (:func:`kg.extract.clauses.item_phrases`): "Z was handed over, alongside the X that A donated"
    gives A no part in Z's deal."""
    other = [(lo, hi) for lo, hi, items in phrases if all(x is not m for x in items)]
    if not other:
        return actors
    return [p for p in actors if not any(lo <= p.mention.start < hi for lo, hi in other)]


def _conjunct_sources(
    s: str, a: int, m: Mention | None, actors: list[_Party], trig: list[tuple[str, int, int, str]]
) -> list[_Party]:
    """Seller phrases that each close a conjunct of one list ("has taken N X and M Y from A, Z from A
    and B, and W from C"): system ``m`` is sold by the group of the first seller phrase after it when
    only the list's items stand between (no clause word, no verb, no other party); the seller phrases
    of the other conjuncts are not its sellers.  An item with a qualifier of its own ("Russian X")
    keeps it (the existing origin reading decides)."""
    if m is None:
        return actors
    sources = [p for p in actors if p.role == "supplier" and p.cue == "from" and p.mention.start >= 0]
    if len({p.group for p in sources}) < 2:
        return actors
    after = [p for p in sources if p.mention.start >= m.end]
    if not after:
        return actors
    first = min(after, key=lambda p: p.mention.start)
    lo, hi = m.end - a, first.mention.start - a
    if (
        hi - lo > 150
        or _SOURCE_OPENS.search(s, lo, hi)
        or _CLAUSE_WORD.search(s, lo, hi)
        or any(lo <= t[1] < hi for t in trig)
        or any(
            p.mention.start >= 0 and p.group != first.group and lo <= p.mention.start - a < hi
            for p in actors
            if all(p is not q for q in sources)
        )
        or any(p.cue in _QUALIFIER_CUES and 0 <= m.start - p.mention.end <= 25 for p in actors)
    ):
        return actors
    return [p for p in actors if all(p is not q for q in sources) or p.group == first.group]


def _list_end(s: str, a: int, distinct: list[Mention], i: int) -> int:
    """The end (sentence offset) of the list that system ``distinct[i]`` belongs to: its last member
    joined by list gaps only ("took X and Y from A, Z from B, while receiving W": the list ends at Z,
    W is in a later clause)."""
    j = i
    while j + 1 < len(distinct) and _list_gap(s, distinct[j].end - a, distinct[j + 1].start - a):
        j += 1
    return distinct[j].end - a


def _later_clause(s: str, list_end: int, after: list[tuple[str, int, int, str]]) -> bool:
    """Whether the next trigger after a list member lies in a later clause than the list (a clause
    break after the list's last system, before it): then it is no verb of the list ("which were
    delivered" after the list is)."""
    return (
        not after
        or _last_clause_break(s, list_end, after[0][1]) is not None
        or _TIME_CLAUSE.search(s, list_end, after[0][1]) is not None
    )


#: ", six years after it signed", ", before it ordered", ", when it bought": a time clause after a list
#: (a later clause than the list's own verb); ", as Athens seeks to cut its reliance on B": a clause of
#: its own subject (a name or a pronoun after "as", not "as part of", "as well as")
_TIME_CLAUSE = re.compile(
    r",\s+(?:[\w-]+\s+){0,3}?(?:after|before|when|since|following|until|as(?=\s+(?:it|they|[A-Z])))\b"
)


#: the stage of a system that states none of its own (see :func:`_stage_of_other_item`): no frame
NO_STAGE: _Stage = ("none", False, None, False)


def _stage_of_other_item(s: str, a: int, m: Mention, at: int, systems: list[Mention]) -> bool:
    """Whether system ``m`` is a fleet held ("flies X", "operates X") and the stage word at ``at`` (the
    first after it, as it has none before) lies past a clause break, in a clause that names another
    system and not ``m``'s again: that clause's stage is its own item's ("flies X, and it is
    negotiating for Z")."""
    brk = CLAUSE_BREAK.search(s, m.end - a, at)
    if brk is None or not _FLEET_VERB_LEFT.search(s, max(0, m.start - a - 100), m.start - a):
        return False
    key = _stage_key(m, s, a)
    later = [x for x in systems if x.system is not None and x.start - a >= brk.end()]
    return bool(later) and all(_stage_key(x, s, a) != key for x in later)


def _per_system_status(
    s: str, a: int, systems: list[Mention], trig: list[tuple[str, int, int, str]]
) -> dict[str, _Stage]:
    """Several systems: each takes the triggers between the previous system and itself
    ("inducted J-10CE fighters ... and also operates the JF-17")."""
    sys_status: dict[str, _Stage] = {}
    distinct: list[Mention] = []
    for m in systems:
        if m.system and all(_stage_key(m, s, a) != _stage_key(d, s, a) for d in distinct):
            distinct.append(m)
    if len(distinct) == 1 and distinct[0].system is not None:
        # "A cancelled the X deal, and will instead buy Y": the one system after a clause break takes
        # the stage of its own clause (the cancelled deal before the break is not Y's)
        m = distinct[0]
        cut = _last_clause_break(s, 0, m.start - a)
        after = [t for t in trig if cut is not None and t[1] >= cut]
        if after and any(t[1] < cut for t in trig if cut is not None):
            sys_status[_stage_key(m, s, a)] = _status(s, after)
        contrast = _OTHER_SUBJECT_CLAUSE.search(s, m.end - a)
        own = [t for t in trig if contrast is not None and t[1] < contrast.start()]
        if contrast is not None and own and len(own) < len(trig):
            # "A, which ordered six X in 2024, expects them this year, while B received its first batch
            # in 2023": the contrasted clause is another party's, its stage not this deal's
            sys_status[_stage_key(m, s, a)] = _status(s[: contrast.start()], own)
    if len(distinct) > 1:
        prev_end = 0
        heads: set[str] = set()
        for i, m in enumerate(distinct):
            assert m.system is not None
            end = m.end - a
            window = [t for t in trig if prev_end <= t[1] < end]
            cut = _last_clause_break(s, prev_end, m.start - a)
            if cut is not None and any(t[1] >= cut for t in window):
                # "X were delivered in May, and A agreed to supply Y": the verbs before the break
                # are the previous system's clause
                window = [t for t in window if t[1] >= cut]
            elif (
                cut is not None
                and window
                and i == len(distinct) - 1
                and (tail := _own_clause_tail(s, end, trig))
            ):
                # "A signed for X, a deal B had to approve, and C has since given it a Y, handed over in
                # June": no verb of the last system's clause comes before it; the one after it is its own
                window = tail
            prev = _stage_key(distinct[i - 1], s, a) if i else None
            if (
                not window
                and prev is not None
                and prev in heads
                and _list_gap(s, prev_end, m.start - a)
                and _later_clause(s, _list_end(s, a, distinct, i), [t for t in trig if t[1] >= end])
            ):
                # "has supplied A, B and C", "signing contracts for A, B and C": a list member without a
                # verb of its own shares the previous member's stage, not a later clause's
                sys_status[_stage_key(m, s, a)] = sys_status[prev]
                heads.add(_stage_key(m, s, a))
                prev_end = end
                continue
            if not window:
                nxt = [t for t in trig if t[1] >= end]
                window = nxt[:1]
                following = distinct[i + 1] if i + 1 < len(distinct) else None
                if (
                    window
                    and following is not None
                    and window[0][1] >= following.end - a
                    and _RELATIVE_AFTER.match(s, following.end - a, window[0][1])
                ):
                    # "Apaches pair well with Abrams tanks, which Poland also ordered": the verb
                    # of a relative clause about the next system is that system's, not this one's
                    sys_status[_stage_key(m, s, a)] = ("unknown", False, None, False)
                    window = []
                bound = following.start - a if following is not None else len(s)
                brk = CLAUSE_BREAK.search(s, end, bound)
                stop = brk.start() if brk is not None else bound
                if window and (tail := [t for t in trig if end <= t[1] < stop]):
                    # "the K2 tanks A bought from B arrived on Monday; FA-50 deliveries are late", "while
                    # the X it ordered are late": the verbs of this system's own clause, up to the break
                    # (or the next system), not its first verb alone
                    window = tail
                elif window and _stage_of_other_item(s, a, m, window[0][1], systems):
                    # "the air force flies X and Y, and it has been negotiating with B for more Z": the
                    # later clause's stage is its own item's; X and Y (a fleet held) take no stage
                    sys_status[_stage_key(m, s, a)] = NO_STAGE
                    window = []
            if window and all(t[0] == "purchase" or t[3] in _TALKS_NOUNS for t in window):
                # "a follow-on contract for more Y is under negotiation", "talks over X, ..., remain
                # suspended": a purchase or talks noun before the system awaits its predicate, which
                # follows the system in its clause
                window += _own_clause_tail(s, end, trig)
            rel = _own_relative(s, end, distinct[i + 1].start - a if i + 1 < len(distinct) else len(s), trig)
            if rel:
                # "bought two X from A, the first of which was handed over in 2025, and ... Y": the
                # relative clause right after X is X's own (the next system does not take it)
                window = [*(t for t in window if t not in rel), *rel]
            if window:
                # the text before this system's own clause (a clause word since the previous system) is
                # blanked: "took delivery of the first of 14 X ... after B gave its Y to C" (the first of X
                # makes no partial delivery of Y)
                words = list(_CLAUSE_WORD.finditer(s, prev_end, max(prev_end, m.start - a))) if i else []
                lo = words[-1].start() if words else 0  # in the same clause, its "first" may be this one's
                own = " " * lo + s[lo : max(end, window[-1][2]) + 40]
                sys_status[_stage_key(m, s, a)] = _status(own, window)
                if all(t[1] < m.start - a for t in window):
                    heads.add(_stage_key(m, s, a))  # its verb comes before it: it may head a list
            prev_end = max(end, rel[-1][2]) if rel else end
        _shared_later_clause(s, a, distinct, trig, sys_status, systems)
    return sys_status


#: a relative clause right after a system, past its seller at most: "X from A, the first of which
#: was ...", ", which were delivered ...", ", all of which ...", ", two of which ..."
_OWN_RELATIVE = re.compile(
    r"(?P<gap>[^,;.()]{0,50}?),\s+(?P<part>(?:the\s+)?(?:first|last|final|rest|remainder|bulk|majority|all|most|some|many|none|"
    r"both|each|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+of\s+)?which\b",
    re.IGNORECASE,
)
#: a name closing the gap before a bare ", which": "the sale of X to Poland, which already operates Y" (the
#: clause is the named party's, not the items'; "N of which" still counts the items)
_NAME_END = re.compile(r"\b[A-Z][\w'’-]*\s*$")


#: a reduced relative clause right after a system (and its item noun): "operates F-16s donated by A",
#: "flies X jets bought from B in 2019" (the participle and its seller are the items' own, as a ", which
#: were donated" would be)
_REDUCED_RELATIVE = re.compile(
    r"(?:'?s)?(?:\s+(?!(?:and|or|but|which|that|who|were|was|is|are|had|has|have)\b)[\w-]+){0,2}?"
    r"\s+(?:(?:all|both|also|later|originally|recently|since)\s+)?(?:donated|gifted|supplied|delivered|"
    r"handed over|transferred|sent|given|bought|purchased|acquired|ordered|leased)\s+(?:by|from|to)\b",
    re.IGNORECASE,
)


def _own_relative(
    s: str, end: int, nxt: int, trig: list[tuple[str, int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """The triggers of a relative clause right after a system (ending at offset ``end``), up to the
    clause's next comma or semicolon and before the next system (at ``nxt``); none without one."""
    red = _REDUCED_RELATIVE.match(s, end)
    if red is not None:
        # up to the clause's end: a comma, a semicolon or a clause word ("bought from B after A gave ...")
        brk = _CLAUSE_WORD.search(s, red.end(), nxt)
        stop = min(nxt, *(i for i in (s.find(",", red.end()), s.find(";", red.end())) if i >= 0), len(s))
        return [t for t in trig if end <= t[1] < (min(stop, brk.start()) if brk is not None else stop)]
    m = _OWN_RELATIVE.match(s, end)
    if m is None or m.end() > nxt or _CLAUSE_WORD.search(m.group("gap")):
        return []  # "X that A bought, which ...": the relative clause is not right after X
    if m.group("part") is None and m.group("gap").strip() and _NAME_END.search(m.group("gap")):
        return []  # "X to Poland, which already operates Y": the clause is Poland's
    stop = min(nxt, *(i for i in (s.find(",", m.end()), s.find(";", m.end())) if i >= 0), len(s))
    return [t for t in trig if m.end() <= t[1] < stop]


def _shared_later_clause(
    s: str,
    a: int,
    distinct: list[Mention],
    trig: list[tuple[str, int, int, str]],
    sys_status: dict[str, _Stage],
    systems: list[Mention],
) -> None:
    """ "A signed for N X and M Y in 2023, and the first were handed over in 2025": a clause after the
    list, past a clause break, with a later stage and no system of its own goes on with the list's first
    system when its own verb left it at signed (the contract is added back by :func:`_signed_before_break`).
    A clause that names a system of the list again ("bought X, Y and Z, and the first Z arrived in 2023")
    goes on with that one."""
    brk = CLAUSE_BREAK.search(s, distinct[-1].end - a)
    if brk is None:
        return
    again = [m for m in systems if m.start - a >= brk.end() and m.system is not None]
    tail = [t for t in trig if t[1] >= brk.end() and t[0] in ("delivering", "delivered")]
    if not tail:
        return
    st = _status(s, tail)
    if st[0] not in ("delivering", "delivered") or st[1] or st[2]:
        return
    # the list's head item only: "the first guns were handed over" after "N howitzers and M resupply
    # vehicles" speaks of the howitzers (the headline item, as a package value is), unless the clause
    # names one of the list again
    key = _stage_key(again[0] if again else distinct[0], s, a)
    cur = sys_status.get(key)
    if cur is not None and cur[0] == "signed" and not cur[1] and cur[2] is None:
        sys_status[key] = st


#: a contrasting clause with a subject of its own, a name: ", while B received ...", ", whereas B ..."
_OTHER_SUBJECT_CLAUSE = re.compile(r",\s+(?:while|whereas)\s+(?=[A-Z])")


def _stage_key(m: Mention, s: str, a: int) -> str:
    """The name a system's stage is filed under: the name its claim gets (:func:`parties._system_ref` with
    the text after the mention, as :meth:`FrameBuilder._system_refs` reads it: "FA-50 ... Block 20"), so
    two variants of one catalogue record written apart ("36 CAESAR guns ... additional CAESAR Mk II
    systems") are two systems with a stage each, not one."""
    return _system_ref(m, s[m.end - a : m.end - a + 60]).name


#: a later batch of the system just named: "exercised an option for four more", "signed a letter of
#: intent for 12 additional jets" (the count, group "n", belongs to a batch of its own)
_MORE_BATCH = re.compile(
    r"\b(?:for|ordered|bought|buy|acquired?|purchased?|order)\s+(?:a\s+further\s+|another\s+)?(?P<n>\d{1,4}|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+(?:more|additional|"
    r"extra)\b(?!\s+than)",
    re.IGNORECASE,
)


def _more_of_the_same(
    frames: list[_Frame], s: str, a: int, sys_refs: list[_SysRef], trig: list[tuple[str, int, int, str]]
) -> list[_Frame]:
    """'A, which bought 24 X in 2017, exercised an option for four more in 2022': after the one
    system a sentence names, a count of more of it in a later clause is a batch of its own (its
    own count and stage, ``additional``); the first count stays the first deal's (``original``)."""
    named = [(r, m) for r, m, _src in sys_refs if r is not None and m is not None]
    if len(named) != 1 or ("more" not in s and "additional" not in s and "extra" not in s):
        return []
    mb = _MORE_BATCH.search(s, named[0][1].end - a)
    count = parse_number(mb.group("n")) if mb is not None else None
    if mb is None or count is None:
        return []
    lo = max(s.rfind(",", 0, mb.start()), s.rfind(" and ", 0, mb.start()))
    if lo < named[0][1].end - a:
        return []  # no clause of its own: "ordered 24 X and four more Y" is the general rules'
    st, neg, mod, dl = _status(s[lo:], [(t[0], t[1] - lo, t[2] - lo, t[3]) for t in trig if t[1] >= lo])
    out: list[_Frame] = []
    for fr in frames:
        if fr.system is named[0][0] and not fr.negated and fr.quantity != count and st != "unknown":
            fr.batch = "original"
            out.append(
                replace(
                    fr,
                    status=st,
                    negated=neg,
                    modality=mod,
                    delayed=dl,
                    quantity=count,
                    quantity_delivered=None,
                    value=None,
                    package_value=None,
                    order_year=None,
                    batch="additional",
                )
            )
    return out


#: stages after the contract: a sentence at one of them may state its contract too
_LATER_STAGES = frozenset(["delivering", "delivered", "delayed"])
#: signed-stage verbs that state a contract (not a bare "bought", which states no stage)
_CONTRACT_VERB = re.compile(
    r"^(?:sign|ink|conclud|order|placed|contract|award|seal|clinch|struck|finali)", re.I
)


def _signed_before_break(s: str, trig: list[tuple[str, int, int, str]]) -> bool:
    """Whether a clause before a clause break states a signed contract on its own ("A signed for X
    in 2023, and the first guns were handed over in 2025"; "A ordered X, but construction stalled"),
    with no negation or modality: the sentence states two stages of one deal."""
    first = next((t for t in trig if t[0] == "signed" and _CONTRACT_VERB.match(t[3])), None)
    if first is None:
        return False
    cut = next((m.start() for m in CLAUSE_BREAK.finditer(s, first[2])), None)
    if cut is None or not any(t[1] >= cut and t[0] in _LATER_STAGES for t in trig):
        return False
    st, negated, modality, _delayed = _status(s[:cut], [t for t in trig if t[2] <= cut])
    return st == "signed" and not negated and modality is None


#: "two of its X", "their X": the items come out of the subject's own stock
_OWN_STOCK = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
#: a transfer onward of a system someone holds: "handed over to", "gave/give ... to", "donated"
_PASS_ON = re.compile(
    r"\b(?:hand(?:ed|s|ing)? (?:[\w-]+ ){0,6}?(?:over|to)|g[ia]ve (?:\w+ ){0,5}?to|giving (?:\w+ ){0,5}?to|donat\w*|"
    r"re-?export\w*|pass(?:ed|es|ing)? (?:\w+ ){0,3}?on to|transferr?\w* (?:\w+ ){0,4}?to|"
    r"(?:sell|sells|sold|selling) (?:[\w-]+ ){0,6}?to)\b",
    re.IGNORECASE,
)


#: the talks nouns (negotiating triggers that are no verb): their predicate may follow the system
_TALKS_NOUNS = frozenset(["talks", "negotiations", "discussions"])


def _own_clause_tail(
    s: str, end: int, trig: list[tuple[str, int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """The triggers after offset ``end`` up to the next clause break (the rest of a system's clause)."""
    m = CLAUSE_BREAK.search(s, end)
    stop = m.start() if m is not None else len(s)
    return [t for t in trig if end <= t[1] < stop]


def _last_clause_break(s: str, lo: int, hi: int) -> int | None:
    """The end of the last clause break in ``s[lo:hi]``, else None."""
    ends = [m.end() for m in CLAUSE_BREAK.finditer(s, lo, hi)]
    return ends[-1] if ends else None


def _split_context_status(
    s: str,
    a: int,
    sys_refs: list[_SysRef],
    trig: list[tuple[str, int, int, str]],
    sys_status: dict[str, _Stage],
) -> None:
    """A system referred back to and a named one: each takes the triggers on its side."""
    ctx_refs = [r for r, m, _src in sys_refs if r is not None and m is None]
    named_starts = [m.start - a for r, m, _src in sys_refs if r is not None and m is not None]
    if not (ctx_refs and named_starts):
        return
    first = min(named_starts)
    before = [t for t in trig if t[1] < first - 60]
    after = [t for t in trig if t[1] >= first - 60]
    if before:
        for r in ctx_refs:
            sys_status[r.name] = _status(s[: first - 60], before)
    if after:
        for r, m, _src in sys_refs:
            if r is not None and m is not None and r.name not in sys_status:
                sys_status[r.name] = _status(s, after)


#: a count or a purchase noun right before a demonym ("purchase of two Italian", "12 Swedish")
_COUNTED_BEFORE = re.compile(
    r"(?:\b(?:purchase|acquisition|procurement|order|sale|delivery|supply|import)s?\s+of\s+(?:the\s+)?"
    r"|\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\s+"
    r"(?:(?:more|new|used|additional|second-hand)\s+)?)$",
    re.IGNORECASE,
)


#: a buying or choosing verb and a determiner right before a demonym ("settled on the Danish", "bought
#: the used Dutch"): the items are someone's second-hand ones, the demonym names their seller
_BOUGHT_BEFORE = re.compile(
    r"\b(?:bought|buys?|buying|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|chose|chosen|choos(?:e|es|ing)|"
    r"select(?:s|ed|ing)?|pick(?:s|ed|ing)?|opt(?:s|ed|ing)? for|settl(?:es|ed|ing) on|receiv(?:e|es|ed|ing)|"
    r"took over|tak(?:e|es|ing) over)\s+(?:the|its|their)\s+(?:(?:used|second-hand|surplus|former|retired)\s+)?$",
    re.IGNORECASE,
)


#: an item noun followed by more words between a demonym and a system: the demonym's item is that noun
_GAP_ITEM = re.compile(r"\b(?:" + _ITEMS4 + r")\s+(?:and|as|while|but|with|for|,)\b", re.IGNORECASE)


#: a state's own offer of the item named after it ("A's offer of the X", "A's rival bid with the Y", "the
#: A proposal for X"): the possessor (or demonym) offers, it owns no item it bought
_OFFER_OWNER = re.compile(
    r"(?:['’]s?)?\s+(?:(?:rival|competing|new|revised|latest|earlier|unsolicited|formal|final)\s+)?"
    r"(?:offer|bid|proposal|pitch)s?\s+(?:of|with|for)\b",
    re.IGNORECASE,
)


def _settle_modifiers(s: str, a: int, parties: list[_Party], sys_refs: list[_SysRef]) -> None:
    """Modifiers before a system: "Russian S-400" (origin: supplier), "India's Rafale jets"
    (owner: buyer); a demonym before no named system describes an item and sells it; the state of
    "A's offer of the X" offers it."""
    for p in parties:
        if p.role != "modifier":
            continue
        if _OFFER_OWNER.match(s, p.mention.end - a):
            p.role, p.cue = "supplier", "bidder"
            continue
        origin = None
        for ref, m, _src in sys_refs:
            if (
                ref is not None
                and m is not None
                and 0 <= m.start - p.mention.end <= 40
                # "Korean missiles as X talks": the demonym qualifies the item noun after it, not X
                and not _GAP_ITEM.search(s, p.mention.end - a, m.start - a)
            ):
                origin = ref.origin_iso3
                if ref.origin_iso3 is None:
                    ref.origin_iso3 = p.iso3
                    origin = p.iso3
                break
        if p.mention.form == "demonym" and p.mention.start - a >= 1 and s[p.mention.start - a - 1] == "-":
            p.role, p.cue = "other", "co-origin"  # "the Indo-Russian missile": a joint design, no buyer
            first = next((q for q in parties if q.mention.end == p.mention.start - 1), None)
            if origin is not None and first is not None and first.mention.form == "demonym":
                # "the Franco-Italian X", "the American-Norwegian Y": a design of both states, each
                # sells it (never an owner: a compound demonym names makers)
                for q in (first, p):
                    q.role, q.cue = "supplier", "origin-modifier"
        elif origin is None and p.mention.form == "demonym":
            p.role, p.cue = "supplier", "demonym-item"
        elif origin is not None and (
            origin == p.iso3
            or (
                p.mention.form == "demonym"
                and (
                    _COUNTED_BEFORE.search(s, 0, p.mention.start - a) is not None
                    or _BOUGHT_BEFORE.search(s, max(0, p.mention.start - a - 60), p.mention.start - a)
                    is not None
                )
            )
        ):
            # "the purchase of two Italian X": a counted demonym states where the items come from,
            # even where the catalogue files the design under a partner state
            p.role, p.cue = "supplier", "origin-modifier"
        elif origin is not None:
            p.role, p.cue = "buyer", "owner-modifier"
        elif _POSS.match(s[p.mention.end - a :]):
            p.role, p.cue = None, ""
        else:
            p.role, p.cue = "supplier", "demonym-item"


#: goods that are no arms ("humanitarian aid, medical supplies and non-military equipment such as
#: generators", "non-lethal equipment"), and the words that name arms among them
_CIVIL_GOODS = re.compile(
    r"\b(?:humanitarian|medical|non-military|non-lethal|civilian (?:aid|goods|supplies|equipment)|food|"
    r"generators?|financial (?:aid|support|assistance))\b",
    re.IGNORECASE,
)
_ARMS_GOODS = re.compile(
    r"(?<!non-)\b(?:arms|weapons?|weaponry|munitions|ammunition|shells|(?<!non-)military (?:equipment|aid|"
    r"hardware|assistance|supplies|goods)|" + _ITEMS4 + r")\b",
    re.IGNORECASE,
)


#: a bidder's design, bid or proposal handed in, with no system named ("A and B have pitched designs",
#: "C has also submitted a proposal", "D presented its proposals"): an offer to the competition's buyer
_BID_HANDED_IN = re.compile(
    r"\b(?:pitched|submitted|tabled|lodged|presented)\s+(?:an?\s+|its\s+|their\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:designs?|proposals?|bids?|offers?)\b",
    re.IGNORECASE,
)


def _bid_handed_in(s: str, sup: list[_Party]) -> bool:
    """Whether a system-less sentence hands in a bid of its sellers (see :data:`_BID_HANDED_IN`)."""
    return bool(sup) and all(p.role == "supplier" for p in sup) and _BID_HANDED_IN.search(s) is not None


#: the opening of a clause of its own ("..., and", "..., while", "; ")
_CLAUSE_OPEN = re.compile(r",\s+(?:and|while|whereas|but)\s+|;\s+")


def _later_bidders(
    frames: list[_Frame], s: str, a: int, parties: list[_Party], sys_refs: list[_SysRef]
) -> list[_Frame]:
    """ "A has offered its X, while B and C have also submitted proposals": the states of a later
    clause that hand in a bid of their own with no system (see :data:`_BID_HANDED_IN`) offer the
    same buyer as the sentence's offer of X, with a system the sentence does not name: system-less
    ``offered`` frames (a frame that gave them A's X is replaced).  Returns the sentence's frames."""
    base = next(
        (fr for fr in frames if fr.status == "offered" and not fr.negated and fr.system and fr.buyers), None
    )
    if base is None:
        return frames
    last_sys = max((m.end - a for _r, m, _src in sys_refs if m is not None), default=0)
    for bid in _BID_HANDED_IN.finditer(s, last_sys):
        opens = list(_CLAUSE_OPEN.finditer(s, last_sys, bid.start()))
        if not opens:
            continue
        lo, hi = opens[-1].end(), bid.start()
        bidders = [p for p in parties if p.iso3 and lo <= p.mention.start - a < hi]
        isos = {p.iso3 for p in bidders}
        if not isos or isos & {p.iso3 for p in base.buyers + base.suppliers}:
            continue
        frames = [fr for fr in frames if not {p.iso3 for p in fr.suppliers} & isos]
        for iso in dict.fromkeys(p.iso3 for p in bidders):
            bidder = replace(next(p for p in bidders if p.iso3 == iso), role="supplier", cue="bidder")
            frames.append(_systemless_companion(base, ("offered", False, None, False), suppliers=[bidder]))
    return frames


def _frame_worth_it(ref: SystemRef | None, sup: list[_Party], buy: list[_Party], status: str, s: str) -> bool:
    """A frame needs a buyer; a system-less one needs a stated relationship or a seller and a
    buyer named in the sentence (never only from context), and goods that may be arms ("sent
    humanitarian aid and non-military equipment to B" transfers no arms)."""
    if not buy:
        return False
    if ref is not None:
        return True
    if _CIVIL_GOODS.search(s) and not _ARMS_GOODS.search(s):
        return False
    if not (status == "unknown" or sup):
        return False
    if (
        status != "unknown"
        and not any(p.role == "supplier" for p in sup)
        and not (any(p.role == "with" for p in sup) and _ARMS_WORD.search(s))
    ):
        return False
    return any(p.role in ("buyer", "with", "pair") and p.cue != "context" for p in buy)


def _one_per_state(sup: list[_Party]) -> list[_Party]:
    """One supplier per state: "the US ... Lockheed Martin" is one supplier (with its company)."""
    by_iso: dict[str | None, _Party] = {}
    for p in sup:
        kept = by_iso.get(p.iso3)
        if kept is None:
            by_iso[p.iso3] = p
        elif p.company and not kept.company:
            by_iso[p.iso3] = replace(kept, company=p.company)
        elif p.cue == "relation" and kept.cue != "relation":
            # "B's reliance on A-ian jets and on A, its main supplier": the state of the stated
            # relation stands for the seller, so the relation is read as one (not a demonym's deal)
            by_iso[p.iso3] = replace(p, company=p.company or kept.company)
    return list(by_iso.values())


def _pairs(ref: SystemRef | None, sup: list[_Party], buy: list[_Party]) -> list[tuple[_Party | None, _Party]]:
    """(supplier, buyer) pairs of one system: one per buyer state, never a state with itself."""
    out: list[tuple[_Party | None, _Party]] = []
    seen_buyers: set[str | None] = set()
    for buyer in buy:
        if buyer.iso3 in seen_buyers and buyer.iso3 is not None:
            continue
        seen_buyers.add(buyer.iso3)
        for supplier in sup or [None]:
            if supplier is not None and supplier.iso3 and supplier.iso3 == buyer.iso3:
                continue
            if supplier is None and ref is None:
                continue
            out.append((supplier, buyer))
    return out


#: "a battery from its own stocks", "tanks from army reserves": items given from a state's inventory
_FROM_STOCKS = re.compile(
    r"[^.;]{0,40}?\bfrom\s+(?:its\s+|their\s+|the\s+)?(?:own\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:stocks?|stockpiles?|inventor(?:y|ies)|reserves|holdings|surplus)\b",
    re.IGNORECASE,
)

#: a used-stock word right before an item ("49 retired X tanks", "its second-hand Y jets"): the item
#: comes from the giver's own fleet, so the giver supplies it whatever state made it
_USED_BEFORE = re.compile(
    r"\b(?:retired|used|second-hand|secondhand|surplus|decommissioned|ex-[a-z]+|refurbished|"
    r"mothballed|former)\s+\Z",
    re.IGNORECASE,
)


def _drop_foreign_suppliers(
    frames: list[_Frame], sys_refs: list[_SysRef], s: str, a: int, trig: list[tuple[str, int, int, str]]
) -> list[_Frame]:
    """Systems of several origins: a state does not supply another state's system ("acquired
    J-10Cs from China in response to India's purchase of Rafales": China supplies the J-10C) unless
    it gives the system from its own stocks ("A delivered its X, and agreed to hand over a Y battery
    from army stocks": a re-export or donation, the giver supplies)."""
    where = {r.name: m for r, m, _src in sys_refs if r is not None and m is not None}
    origins = {
        r.name: _SUCCESSOR.get(r.origin_iso3, r.origin_iso3)
        for r, m, _src in sys_refs
        if r is not None
        and r.origin_iso3
        and not (
            m is not None
            and (
                _FROM_STOCKS.match(s, m.end - a)
                or _USED_BEFORE.search(s, max(0, m.start - a - 30), m.start - a)
            )
        )
    }
    if len(origins) <= 1:
        return frames
    out: list[_Frame] = []
    for fr in frames:
        if not (
            fr.system is not None
            and fr.suppliers
            and fr.system.name in origins
            and fr.suppliers[0].iso3 != origins[fr.system.name]
            and fr.suppliers[0].iso3 not in home_states(fr.system)  # a consortium member sells it too
            and fr.suppliers[0].iso3 in set(origins.values()) - {origins[fr.system.name]}
        ) or _listed_with_own_make(fr, frames, where, origins, s, a):
            out.append(fr)
            continue
        # "A signed for N X; B has offered the Y": B sells Y in a clause of its own, not X; X keeps the
        # seller its origin gives (as a system no seller is named for), where that is no buyer of it
        # ("B delivered its X, along with Y": B gives X in its own clause, no origin stands in)
        origin = origins[fr.system.name]
        rec = reference.country_by_iso3(origin) if origin else None
        if (
            rec is None
            or any(p.iso3 == origin for p in fr.buyers)
            or not _other_clause_seller(fr, where, s, a, trig)
        ):
            continue
        implied = _implied(origin, rec.name, "country", None, "supplier", "system-origin", "origin")
        out.append(replace(fr, suppliers=[implied], confidence=fr.confidence - 0.05))
    return out


def _listed_with_own_make(
    fr: _Frame,
    frames: list[_Frame],
    where: dict[str, Mention],
    origins: dict[str, str | None],
    s: str,
    a: int,
) -> bool:
    """Whether the frame's system is a member of one plain list with a system of its seller's own
    make ("A gave B two X helicopters and a Y", "bought X helicopters and Y missiles from A"): the list
    shares its seller, whatever the catalogue gives as the member's origin (licence-built, co-made or
    re-exported items are sold by the state the text names).  Not a participle closing the list ("N X
    and M Y bought from A" names Y's seller only) nor several sellers of one sentence."""
    if fr.system is None or not fr.suppliers or fr.system.name not in where:
        return False
    seller = fr.suppliers[0]
    if any(f.suppliers and f.suppliers[0].iso3 != seller.iso3 for f in frames):
        return False  # several sellers ("A, B and C pitched X, Y and Z respectively"): each its own make
    listed = sorted(where.items(), key=lambda kv: kv[1].start)
    i = j = next(k for k, (name, _m) in enumerate(listed) if name == fr.system.name)
    while i > 0 and _plain_list_gap(s, listed[i - 1][1].end - a, listed[i][1].start - a):
        i -= 1
    while j + 1 < len(listed) and _plain_list_gap(s, listed[j][1].end - a, listed[j + 1][1].start - a):
        j += 1
    if not any(origins.get(name) == seller.iso3 for name, _m in listed[i : j + 1] if name != fr.system.name):
        return False
    last = listed[j][1].end - a
    sup = seller.mention.start - a
    return not (seller.mention.start >= 0 and sup >= last and _TRANSFER_PARTICIPLE.search(s, last, sup))


#: the gap between two members of one plain list: the first one's lower-case nouns, a comma or
#: "and"/"plus", then at most two lower-case words or a count (" helicopters and a ", " jets, 12 ");
#: no seller, maker or demonym of a member's own ("Russian X and Korean Y")
_PLAIN_LIST_GAP = re.compile(
    r"(?:\s+[a-z][a-z-]*){0,3}\s*(?:,\s*(?:and\s+|plus\s+)?|\s+(?:and|plus|as well as|along with)\s+)"
    r"(?:[a-z\d][\w-]*\s+){0,2}"
)
_OWN_SOURCE = re.compile(r"\b(?:from|by|of|made|built)\b")
#: a participle closing a list ("N X and M Y bought from A"): it names the last member's seller
_TRANSFER_PARTICIPLE = re.compile(
    r"\b(?:bought|acquired|purchased|supplied|obtained|ordered|delivered|received|built|made|sourced|"
    r"procured|leased|transferred|donated|given|sent|sold|imported|gifted|provided|inherited)\b"
)


def _plain_list_gap(s: str, lo: int, hi: int) -> bool:
    """Whether ``s[lo:hi]`` only joins two members of one plain list (:data:`_PLAIN_LIST_GAP`)."""
    return lo <= hi and _PLAIN_LIST_GAP.fullmatch(s, lo, hi) is not None and not _OWN_SOURCE.search(s, lo, hi)


def _other_clause_seller(
    fr: _Frame, where: dict[str, Mention], s: str, a: int, trig: list[tuple[str, int, int, str]]
) -> bool:
    """Whether the frame's seller is named in another clause than its system (a semicolon or ", and",
    ", but", ", while" between them) and the system's clause has a deal verb of its own: "A signed for
    X; B has offered Y" (not "A fielded X at the drill, while B sent Y": no deal in X's clause)."""
    m = where.get(fr.system.name) if fr.system is not None else None
    sup = fr.suppliers[0].mention
    if m is None or sup.start < 0:
        return False
    before = m.start < sup.start
    lo, hi = (m.end - a, sup.start - a) if before else (sup.end - a, m.start - a)
    brk = CLAUSE_BREAK.search(s, lo, hi) if lo < hi else None
    if brk is None:
        return False
    return any((t[1] < brk.start()) if before else (t[1] >= brk.end()) for t in trig)


#: the gap between two counted items of one list ("54 X howitzers and 36 Y", "X guns, 12 Y"): a
#: few lower-case nouns, then a comma or "and"/"plus", then a count
_LIST_GAP = re.compile(r"(?:\s+[a-z][\w-]*){0,3},?\s+(?:and|plus|as well as)?\s*(?:\d+|[a-z]+)\s+$")


def _share_list_origin(frames: list[_Frame], s: str, a: int, sys_refs: list[_SysRef]) -> None:
    """An uncatalogued system counted in one list right after a catalogued one ("N X and M Y") with
    no seller of its own is bought from the seller the first item's origin gives (cue
    ``system-origin`` as the first item's, its confidence lowered: the list does not state it)."""
    where = {id(ref): m for ref, m, _src in sys_refs if ref is not None and m is not None}
    for fr in frames:
        m = where.get(id(fr.system))
        if fr.suppliers or m is None or fr.system is None or fr.system.origin_iso3 is not None:
            continue
        mate = next(
            (
                o
                for o in frames
                if o.system is not None
                and o.suppliers
                and o.suppliers[0].cue == "system-origin"
                and {p.iso3 for p in o.buyers} == {p.iso3 for p in fr.buyers}
                and (om := where.get(id(o.system))) is not None
                and om.end <= m.start
                and _LIST_GAP.fullmatch(s, om.end - a, m.start - a) is not None
            ),
            None,
        )
        if mate is not None:
            fr.suppliers = [mate.suppliers[0]]
            fr.confidence -= 0.1


def _companions(
    frames: list[_Frame], s: str, a: int, sys_refs: list[_SysRef], systems: list[Mention]
) -> list[_Frame]:
    """Unnamed items listed right after a named system ("28 X tanks plus two recovery tanks"):
    a system-less frame of the same dyad and stage with the item's own count."""
    out: list[_Frame] = []
    for ref, m, _src in sys_refs:
        if ref is None or m is None:
            continue
        cm = _COMPANION.match(s, m.end - a)
        if cm is None or any(m.end <= o.start < a + cm.end() + 20 for o in systems):
            continue
        count = parse_number(cm.group("n"))
        for fr in frames:
            if fr.system is ref and not fr.negated:
                out.append(_systemless_companion(fr, None, quantity=count))
    return out


#: "two new corvettes ..., follow-ons to the X": new unnamed items (group "noun") that follow an
#: earlier named system; the named one is the earlier deal, the items are a deal of their own
_FOLLOW_ON = re.compile(
    r"\b(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twelve|new|more|further)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>" + _ITEMS4 + r")\b[^.;()]{0,90}?,\s+(?:as\s+)?(?:follow-ons?|successors?|sister ships?)\s+"
    r"(?:to|of)\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)


def _follow_on_items(
    frames: list[_Frame], s: str, a: int, sys_refs: list[_SysRef], systems: list[Mention]
) -> list[_Frame]:
    """New unnamed items called follow-ons of a named system ("took two new corvettes, follow-ons to
    the X it received in 2019"): the frame of the named system keeps the earlier deal, and a
    system-less frame of the same dyad and stage states the new items (the labelling guidelines: a
    deal whose text names no system is a fact with no system)."""
    out: list[_Frame] = []
    for ref, m, _src in sys_refs:
        if ref is None or m is None or ("follow" not in s and "success" not in s and "sister" not in s):
            continue
        fo = _FOLLOW_ON.search(s, max(0, m.start - a - 160), m.start - a)
        if fo is None or any(a + fo.start() <= o.start < m.start for o in systems):
            continue
        out += [_systemless_companion(fr, None) for fr in frames if fr.system is ref and not fr.negated][:1]
    return out


def _listed_items(
    frames: list[_Frame], s: str, a: int, systems: list[Mention], stage: _Stage
) -> list[_Frame]:
    """Unnamed items in the list of a sentence's named systems ("deals for S-300 batteries, frigates
    for the navy and Mi-17 helicopters"): one system-less frame of the same dyad and stage (the
    labelling guidelines: a deal whose text names no system is a fact with no system)."""
    named = [
        fr for fr in frames if fr.system is not None and fr.system_source != "context" and not fr.negated
    ]
    if not named or not systems or stage[1]:
        return []
    lo, hi = systems[0].end - a, systems[-1].end - a
    if (
        s.find(",", lo) < 0
        and s.find(" and ", lo) < 0
        and s.find(" plus ", lo) < 0
        and s.find("as well as", lo) < 0
    ):
        return []
    tail = s[hi : hi + 80]
    cut = _CLAUSE_CUT.search(tail)
    hi += cut.start() if cut else len(tail)
    for it in itertools.chain(_LISTED_ITEM.finditer(s, lo, hi), _LISTED_DETERMINED.finditer(s, lo, hi)):
        if any(it.start() <= m.start - a < it.end() for m in systems):
            continue  # the segment is itself a named system ("and K-226T helicopters")
        if _FROM_NEXT.match(s, it.end()):
            continue  # "and helicopters from France": that seller's item (see _item_suppliers)
        prev_end = max((m.end - a for m in systems if m.end - a <= it.start()), default=lo)
        if (
            it.re is _LISTED_DETERMINED
            and (it.group("det") or "a").lower() not in ("a", "an", "more", "additional", "further", "new")
            and ITEM_NOUNS.get(it.group("noun").lower())
            in {fr.system.category for fr in named if fr.system is not None}
        ):
            # "10 X jets bought new and 36 second-hand aircraft": a count of the named system's kind
            # splits its fleet ("a training ship" beside drones, "more patrol vessels" are new items)
            continue
        if (
            it.re is _LISTED_ITEM
            and "," not in s[it.start() : it.start("noun")]
            and not _ITEM_NOUN.search(s, prev_end, it.start())
        ):
            continue  # "X early warning and control helicopters": the system's own noun phrase
        # the item takes the sentence's stage, not the stage of one system of the list
        return [_systemless_companion(fr, stage) for fr in named if fr.buyers and fr.suppliers][:1]
    return []


#: a capitalised name of one or more words ("South Korea", "the United States")
_NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
#: "a competition in which A, B and C all made offers", "a tender between A and B": the states of the
#: list (groups "list", "list2", "list3") are bidders of the competition the sentence's deal came out of
_COMPETITION = re.compile(
    r"\b(?i:competition|tender|contest)\s+(?i:in which|where)\s+(?P<list>[^;:.()]{3,160}?)\s+(?i:(?:all|each|had|"
    r"have|also)\s+)*(?i:made|submitted|put forward|tabled|entered)\s+(?i:(?:rival|competing|their)\s+)?"
    r"(?i:offers?|bids?|proposals?)\b"
    # "a tender between A, B and C": a list of names that ends with "and <name>"
    r"|\b(?i:competition|tender|contest)\s+(?:between|among)\s+(?P<list2>"
    + _NAME
    + r"(?:\s*,\s*"
    + _NAME
    + r")*,?\s+and\s+"
    + _NAME
    + r")"
    # "the winner beat bids from A (the X), B (the Y) and C": the beaten bidders, to the sentence's end
    # (not "picked X over bids from A": there the list often names the bidders' firms, not states)
    r"|\b(?i:beat|beating|beats)\s+(?i:rival\s+|competing\s+)?(?i:bids|offers|proposals)\s+"
    r"(?i:from|by)\s+(?P<list3>[^;.]{3,200}?)\s*(?:[.;]|$)"
)


def _competition_bidders(s: str, a: int, parties: list[_Party]) -> list[_Party]:
    """The states a sentence lists as the bidders of a competition (see :data:`_COMPETITION`);
    two or more, else none (one state is not a list of rivals)."""
    m = _COMPETITION.search(s)
    if m is None:
        return []
    lo, hi = m.span(next(g for g in ("list", "list2", "list3") if m.group(g)))
    out = [p for p in parties if p.iso3 and p.kind == "country" and lo <= p.mention.start - a < hi]
    return out if len({p.iso3 for p in out}) >= 2 else []


def _bidder_frames(frames: list[_Frame], bidders: list[_Party]) -> list[_Frame]:
    """One ``offered`` frame per bidder of the competition to the deal's buyer: the winner's with
    the system it won with, every other bidder's with no system (the sentence names none of theirs)."""
    base = next((fr for fr in frames if fr.buyers and not fr.negated and fr.system is not None), None)
    if base is None or not bidders:
        return []
    won = {p.iso3: fr for fr in frames if not fr.negated for p in fr.suppliers}
    buyers = {p.iso3 for p in base.buyers}
    out: list[_Frame] = []
    seen: set[str | None] = set()
    for p in bidders:
        if p.iso3 in buyers or p.iso3 in seen:
            continue
        seen.add(p.iso3)
        bidder = replace(p, role="supplier", cue="bidder")
        winner = won.get(p.iso3)
        if winner is not None and winner.system is not None:
            out.append(replace(winner, suppliers=[bidder], status="offered", modality=None, companion=True))
        else:
            out.append(_systemless_companion(base, ("offered", False, None, False), suppliers=[bidder]))
    return out


def _onward_frames(frames: list[_Frame], parties: list[_Party], sys_refs: list[_SysRef]) -> list[_Frame]:
    """A purchase made to give the items on ("A will buy N X from B to be donated to C"): the buyer
    pledges them to the recipient (an ``approved`` frame of the buyer as supplier; ``delivered`` where
    it has given them already, "and donated them to C"), besides its own purchase; the recipient is no buyer of the seller's (see ``roles._ONWARD_TO``).  Only the item
    named last before the recipient is given on."""
    onward = [p for p in parties if p.cue in ("onward", "onward-done") and p.iso3]
    named = [(m.start, r.name) for r, m, _src in sys_refs if r is not None and m is not None]
    out: list[_Frame] = []
    seen: set[tuple[str | None, str | None, str | None]] = set()
    for fr in frames:
        if fr.negated or fr.system is None or not fr.buyers:
            continue
        giver = fr.buyers[0]
        for p in onward:
            last = max(((st, n) for st, n in named if st < p.mention.start), default=None)
            if last is None or last[1] != fr.system.name:
                continue
            key = (giver.iso3, p.iso3, fr.system.name)
            if p.iso3 == giver.iso3 or key in seen or giver.iso3 is None:
                continue
            seen.add(key)
            donor = replace(giver, role="supplier", cue="donor")
            out.append(
                replace(
                    fr,
                    suppliers=[donor],
                    buyers=[replace(p, role="buyer", cue="onward")],
                    # pledged ("to be donated to C"), or given already ("and donated them to C")
                    status="delivered" if p.cue == "onward-done" else "approved",
                    modality=None,
                    delayed=False,
                    quantity_delivered=None,
                    value=None,
                    package_value=None,
                    dates=list(fr.dates),
                    companion=True,
                )
            )
    return out


def _relations_beside_systems(frames: list[_Frame], parties: list[_Party]) -> list[_Frame]:
    """A stated relation in a sentence whose named systems come from other states ("B bought A-ian
    X, as it moves away from C, its traditional supplier"): the relation's supplier sells none of
    the named systems, so it gets a system-less frame of its own with the relation's buyer, status
    ``unknown`` (labelling rule 5: a standing relation)."""
    rel_buyers = [p for p in parties if p.role == "buyer" and p.cue == "relation" and p.iso3]
    base = next((fr for fr in frames if fr.system is not None and fr.buyers and not fr.negated), None)
    if not rel_buyers or base is None:
        return []
    selling = {q.iso3 for fr in frames for q in fr.suppliers}
    out: list[_Frame] = []
    for p in parties:
        if p.role == "supplier" and p.cue == "relation" and p.iso3 and p.iso3 not in selling:
            selling.add(p.iso3)
            buyers = [b for b in rel_buyers if b.iso3 != p.iso3]
            if buyers:
                stage = ("unknown", False, None, False)
                out.append(_systemless_companion(base, stage, suppliers=[p], buyers=buyers[:1]))
    return out


def _systemless_companion(fr: _Frame, stage: _Stage | None, **changes: Any) -> _Frame:
    """A system-less companion of ``fr`` at the sentence's ``stage`` (``None``: the frame's own
    stage), an unnamed item beside a named deal: no system, quantity or value of its own
    unless ``changes`` give them, the frame's dates copied."""
    fields: dict[str, Any] = {
        "system": None,
        "system_source": None,
        "quantity": None,
        "quantity_delivered": None,
        "quantity_inferred": False,
        "value": None,
        "package_value": None,
        "dates": list(fr.dates),
        "companion": True,
    }
    if stage is not None:
        fields.update(status=stage[0], modality=stage[2], delayed=stage[3])
    return replace(fr, **{**fields, **changes})


_ITEM_NOUN = re.compile(r"\b(?:" + _ITEMS4 + r")\b", re.IGNORECASE)
_FROM_NEXT = re.compile(r"\s+(?:[\w-]+\s+){0,3}?from\b")
#: an item noun right before "from X": "and the helicopters from France"
_ITEM_FROM = re.compile(r"\b(?:" + _ITEMS4 + r")\s+from\s+(?:the\s+)?$", re.IGNORECASE)


def _item_suppliers(
    frames: list[_Frame], s: str, a: int, parties: list[_Party], stage: _Stage
) -> list[_Frame]:
    """A seller the sentence names for an unnamed item beside a deal ("the tanks will be bought
    from China, and the helicopters from France"): a system-less frame of that seller and the
    deal's buyer (no system of the sentence is from there, so no frame of its own was made)."""
    if "from" not in s or stage[1]:
        return []
    base = next((fr for fr in frames if fr.buyers and not fr.negated), None)
    if base is None:
        return []
    taken = {p.iso3 for fr in frames for p in fr.suppliers} | {p.iso3 for fr in frames for p in fr.buyers}
    out: list[_Frame] = []
    for p in parties:
        if p.role != "supplier" or p.cue != "from" or p.iso3 in taken or p.mention.start < a:
            continue
        if not _ITEM_FROM.search(s, max(0, p.mention.start - a - 40), p.mention.start - a):
            continue
        taken.add(p.iso3)
        out.append(_systemless_companion(base, stage, suppliers=[p]))
    return out


#: "also" in a deal's list of items ("the package also included X"): the deal has an item beside X
_ALSO_WORD = re.compile(r"\balso\b", re.IGNORECASE)
#: a state's adjective or name before an unnamed item ("Chinese-made transport aircraft", "Turkish
#: armoured vehicles"), read right after the party mention: lower-case words only, so no designation
_GENERIC_ITEM_NEXT = re.compile(
    r"(?P<made>-(?:made|built|supplied|designed|produced|manufactured))?\s+"
    r"(?:(?!(?:and|or|with|from|to|for)\b)[a-z][a-z-]*\s+){0,2}?(?P<noun>" + _ITEMS4 + r")\b"
)
#: "for a" before an item: the platform something is for ("engines for a Chinese-built ship")
_FOR_ITEM_BEFORE = re.compile(r"\bfor\s+(?:an?|the|its|their)\s+\Z")
#: the start of a clause of its own inside a sentence ("..., and B has received", "while B took")
_ITEM_CLAUSE_BREAK = re.compile(r"[;:]\s|,\s+(?:and|while|whereas|but)\s|\s(?:and|while|whereas|but)\s")


def _generic_items(
    s: str, a: int, parties: list[_Party], systems: list[Mention], trig: list[tuple[str, int, int, str]]
) -> list[tuple[_Party, int, int]]:
    """The unnamed items of their own clauses in a sentence that names systems elsewhere: (the state
    whose adjective qualifies the item, the clause's start, the item noun's end), all offsets in ``s``.

    Why: "A took delivery of X, and B has received Chinese-made transport aircraft" states two
    transfers; the second names no system (labelling rule 4: a fact without a system), so neither
    its buyer nor its maker belongs to X.  Only a clause with a stage word of its own before the
    item and no system mention counts."""
    out: list[tuple[_Party, int, int]] = []
    for p in parties:
        start = p.mention.start - a
        if start < 0 or not p.iso3 or p.mention.kind != "party":
            continue
        g = _GENERIC_ITEM_NEXT.match(s, p.mention.end - a)
        if g is None or (p.mention.form != "demonym" and not g.group("made")) or p.kind == "company":
            continue  # ("Lockheed Martin stealth fighters": a maker's name, no state's adjective)
        if _FOR_ITEM_BEFORE.search(s, max(0, start - 12), start):
            continue  # "engines for a Chinese-built vessel": the platform a part is for, no transfer
        lo = max((b.end() for b in _ITEM_CLAUSE_BREAK.finditer(s, 0, start)), default=0)
        if any(lo <= m.start - a < g.end() for m in systems):
            continue
        if not any(lo <= t[1] < start for t in trig):
            continue
        out.append((p, lo, g.end()))
    return out


def _settle_generic_items(
    frames: list[_Frame],
    s: str,
    a: int,
    parties: list[_Party],
    sys_refs: list[_SysRef],
    generic: list[tuple[_Party, int, int]],
) -> list[_Frame]:
    """The named systems' frames once the unnamed items' clauses are set apart (see
    :func:`_generic_items`): the buyer named in such a later clause buys the unnamed item, not a
    system of an earlier clause; the state qualifying the unnamed item sells it, not the named system
    (whose own maker, when the sentence names it, sells that instead)."""
    where = {id(ref): m for ref, m, _src in sys_refs if ref is not None and m is not None}
    out: list[_Frame] = []
    for fr in frames:
        m = where.get(id(fr.system)) if fr.system is not None else None
        if m is None:
            out.append(fr)
            continue
        clause = next(
            (
                (lo, end)
                for _p, lo, end in generic
                if m.end - a <= lo and any(lo <= b.mention.start - a < end for b in fr.buyers)
            ),
            None,
        )
        if clause is not None:
            continue  # "A took X, and B has received Chinese-made aircraft": B buys no X
        makers = {id(p.mention) for p, _lo, _end in generic}
        if fr.suppliers and all(id(p.mention) in makers for p in fr.suppliers):
            origin = fr.system.origin_iso3
            home = next((p for p in parties if origin and p.iso3 == origin and p.role != "buyer"), None)
            if home is None:
                continue
            fr = replace(fr, suppliers=[replace(home, role="supplier")])
        out.append(fr)
    return out


def _generic_item_frames(
    frames: list[_Frame],
    s: str,
    parties: list[_Party],
    trig: list[tuple[str, int, int, str]],
    generic: list[tuple[_Party, int, int]],
) -> list[_Frame]:
    """A system-less frame for each unnamed item of its own clause (see :func:`_generic_items`):
    the qualifying state sells, the buyer named in that clause (else the sentence's deal's) buys, at
    the stage of the clause's own words."""
    base = next((fr for fr in frames if fr.buyers and not fr.negated), None)
    if base is None:
        return []
    out: list[_Frame] = []
    a = base.sentence[0]
    for p, lo, end in generic:
        own = [b for b in parties if b.role == "buyer" and lo <= b.mention.start - a < p.mention.start - a]
        buyer = own[-1] if own else base.buyers[0]
        if buyer.iso3 in (None, p.iso3):
            continue
        if any(
            fr.system is not None
            and fr.buyers[0].iso3 == buyer.iso3
            and any(q.iso3 == p.iso3 for q in fr.suppliers)
            for fr in frames
            if fr.buyers
        ):
            continue  # the state already sells a named system to that buyer here
        stage = _status(s, [t for t in trig if lo <= t[1] < end])
        out.append(
            _systemless_companion(
                base, stage, suppliers=[replace(p, role="supplier")], buyers=[buyer], own_clause=True
            )
        )
    return out


#: where the list of a sentence's systems ends: a clause break or a verb of the item
_CLAUSE_CUT = re.compile(r"[;:.]|\b(?:which|that|who|were|was|will|would|is|are|has|have)\b")


# the case-insensitive sentence checks of passing on, of another deal and of civil goods, run on the
# lowercased sentence (kg.extract._fastre.lower_in_place: same spans; truthiness only, no offsets)
_SENTENCE_CHECKS = lower_in_place(globals(), ("_PASS_ON", "_NEW_DEAL", "_CIVIL_GOODS"))
# the used-stock window before each system runs only in a sentence holding one of its words (NeedsRx):
# a re.I alternation behind \b, entered at every position of the window, where most sentences have none
_USED_BEFORE = NeedsRx(_USED_BEFORE)
