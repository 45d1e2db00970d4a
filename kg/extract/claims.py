"""Deal claims from article text: deterministic rules over gazetteer matches.

Pipeline per article (all offsets index the original text; see :mod:`.sentences`):

1. mask markup, split sentences, match parties/sources/systems once over the article;
2. per sentence: find status *triggers* (verbs and nouns per lifecycle stage), money,
   dates, numbers; give each party a *role* from local cues ("from X" supplier, "to X"
   buyer, "X-made" supplier, subject of "bought" buyer, subject of "delivered"
   supplier, "X and Y signed" a pair, "with X" the counterpart, lists share the cue of
   their first member), never from word order alone;
3. build one frame per weapon system of the sentence (or one system-less frame for a
   stated supplier relationship), complete missing roles with the system's origin
   country, then with the previous frame when the sentence refers back ("the deal",
   "these systems", "the remaining two");
4. decide status with negation and modality ("expected to sign" is not signed; "talks
   collapsed" is cancelled; "delivered the first three" is delivering), quantities
   (total, delivered, remaining), value (not a package sum), dates and their roles;
5. drop the headline's claims the body contradicts (:mod:`.headline`), then group claims
   of one article into deals (``deal_key``: dyad, system, original or additional batch)
   and carry value/quantity/order year between claims of one deal.

Why rules and not a model: no trustworthy offline English model exists here and the
rules run at hundreds of articles per second (``shared/design/nlp-notes.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from kg.extract._fastre import NeedsRx, contains_any, lower_in_place
from kg.extract.anaphora import ANAPHOR_CUE, mark, names_its_kind, refers_back
from kg.extract.bullets import bullet_claims, is_bullet, lead_in_stage, sibling_claims
from kg.extract.clauses import item_phrases, split_clauses
from kg.extract.confidence import RISKS, calibrate, finalise, score
from kg.extract.customers import customer_claims, listed_customers, origin_ref
from kg.extract.dates import find_dates
from kg.extract.deals import (
    _link_deals,
    _partial_deliveries,
    _reconcile_bare_names,
    _reconcile_blocks,
    _reconcile_classes,
    _reconcile_families,
    _reconcile_family_codes,
    _reconcile_systems,
    _reconcile_written,
    _settle_intents,
    _settle_requests,
    _settle_unknown,
    _stage_counts,
)
from kg.extract.designations import (
    mark_catalogue_variants,
    name_families,
    name_other_names,
    name_written_variants,
)
from kg.extract.details import DetailReader
from kg.extract.entities import Mention
from kg.extract.frames import _PAST_TRANSFER_NEXT, FrameBuilder
from kg.extract.headline import drop_contradicted_headline
from kg.extract.mentions import find_mentions
from kg.extract.model import Claim, Evidence, PartyRef, SystemRef, no_details
from kg.extract.money import find_money
from kg.extract.nouns import GROUPING_NOUNS, ITEM_NOUNS, names_the_item_again
from kg.extract.offers import offer_claim, rejected_offers
from kg.extract.parties import (
    _BASE_DESIGN_BEFORE,
    _CAPABILITY_BEFORE,
    _CARRIER_BEFORE,
    _COUNTED_RETIRED,
    _OWN_BEFORE,
    _REPLACED,
    _REPLACEMENT_NEXT,
    _RETIRED_NEXT,
    _SUCCESSOR,
    _USED_BEFORE,
    _Ctx,
    _Frame,
    _home_states,
    _maker_state,
    _not_a_party,
    _Party,
    _party_of,
    _system_ref,
)
from kg.extract.patterns import (
    _ANAPHORA,
    _DEAL_LIST,
    _DEAL_NOUN,
    _GENERIC_ITEM,
    _ITEMS4,
    _REJECTED_WORDS,
    _SKIP_SENT,
    CLAUSE_BREAK,
    REQUEST_SENT,
)
from kg.extract.quantities import find_numbers, parse_number
from kg.extract.replaced import REPLACED_DONOR_CUE, replaced_donations
from kg.extract.roles import (
    _participle_item,
    _ranked_followers,
    _rejected,
    _roles,
    buys_the_item,
    onward_gifts,
    pronoun_relation_supplier,
    system_demonyms,
)
from kg.extract.sentence_cues import sentence_states
from kg.extract.sentences import mask_markup, split_sentences
from kg.extract.status import other_stages, stage_window
from kg.extract.triggers import _triggers
from kg.extract.vocabulary import _IN_SERVICE_RX, RELATION_LRX, RETIRE_VERB
from kg.vocab.reference import SystemRecord
from kg.vocab.statuses import CONTRACTED, PRE_CONTRACT

#: a state the headline names counts this many times toward the article's focus (the headline names
#: the article's subject; the lead may open with the suppliers or the brokers of a report)
_TITLE_WEIGHT = 2


#: a headline's seller position ("buys X from B", "deal with B", "X of B", "built by B"): not its subject
_SELLER_BEFORE = re.compile(r"\b(?:from|of|with|by)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _title_states(title: str, extra_systems: Iterable[SystemRecord]) -> list[Mention]:
    """The headline's mentions that may be its subject: none in a seller's position."""
    masked = mask_markup(title)
    return [m for m in find_mentions(masked, extra_systems) if not _SELLER_BEFORE.search(masked, 0, m.start)]


class _Extractor(FrameBuilder, DetailReader):
    """One article's claims: sentence by sentence, then deal grouping (see the module docstring)."""

    def __init__(
        self,
        text: str,
        published: date | None,
        extra_systems: Iterable[SystemRecord],
        title: str | None = None,
        candidates: bool = False,
    ) -> None:
        self.text = text
        self.candidates = candidates
        self._title_mentions = _title_states(title, extra_systems) if title else []
        self.published = published
        self.masked = mask_markup(text)
        self.mentions = find_mentions(self.masked, extra_systems)
        self._mention_starts = [m.start for m in self.mentions]
        self.money = find_money(self.masked)
        # dates and numbers once per article; sentences take their slice (see _details)
        self.dates = find_dates(self.masked, published)
        self.numbers = find_numbers(self.masked)
        # sorted start offsets: a sentence takes its slice by bisection (linear in article size)
        self._date_starts = [d.start for d in self.dates]
        self._money_starts = [m.start for m in self.money]
        self._number_starts = [n.start for n in self.numbers]
        self.ctx = _Ctx()
        self.claims: list[Claim] = []
        self._cur_status = "unknown"
        self._rivals = False
        self._lead: tuple[str, Claim] | None = None  # a bulleted list's lead-in: its stage and deal
        self._sibling: Claim | None = None  # the deal the bullet line before told (bullets.sibling_claims)
        self._orphan: SystemRef | None = None
        self._n_systems = 0
        self._relations: set[int] = set()
        self._heading: _Party | None = None  # the seller a roundup heading names ("From Russia")
        #: the item kinds (catalogue categories) a system-less claim's own sentence names, by claim id
        self._item_kinds: dict[int, frozenset[str]] = {}
        self._whole: dict[tuple[int, int], tuple[int, int]] = {}  # a clause's sentence (evidence)
        self._triggers: dict[tuple[int, int], list] = {}  # a sentence's triggers, reused by calibrate
        self.focus = self._focus_buyer()
        self._force_index = None  # the named forces ("A's navy"), built on first need

    def _about_context(self, systems: list[Mention]) -> bool:
        """Whether every system of a sentence is the system of the deal in context."""
        last = self.ctx.last[-1].system
        if last is None:
            return False
        names = {last.name, last.surface}
        return all(
            m.system is not None
            and (m.system.designation in names or m.text in names or _record_name(m) == last.name)
            for m in systems
        )

    def _focus_buyer(self) -> _Party | None:
        """The country the article is mostly about (most named in its headline, counted twice, and its
        first 600 characters; the earliest named wins a tie).  A state in a seller's position ("from
        B", "with B", "of B", "by B") is not counted: news is told from the buyer's side.

        Used only as a last resort for a sentence that names a system, a supplier and a deal
        stage but no buyer.  Demonyms do not count (they usually describe equipment).
        """
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        order: dict[str, int] = {}
        title = [(m.start - 100_000, m) for m in self._title_mentions]
        for pos, m in [*title, *((m.start, m) for m in self.mentions)]:
            if pos > 600:
                break
            if (
                m.kind == "party"
                and m.party is not None
                and m.party.kind == "country"
                and m.form != "demonym"
            ):
                if m.party.historical or m.iso3 is None:
                    continue
                if pos >= 0 and _SELLER_BEFORE.search(self.masked, max(0, m.start - 12), m.start):
                    continue  # "a contract with Airbus of Spain": the seller, not the article's subject
                counts[m.iso3] = counts.get(m.iso3, 0) + (_TITLE_WEIGHT if pos < 0 else 1)
                first.setdefault(m.iso3, m)
                order.setdefault(m.iso3, pos)
        if not counts:
            return None
        iso = max(counts, key=lambda k: (counts[k], -order[k]))
        rec = first[iso].party
        assert rec is not None
        return _Party(Mention("party", -1, -1, "", "focus"), iso, rec.name, "country", None, "buyer", "focus")

    def _heading_line(self, a: int, b: int, mentions: list[Mention]) -> bool:
        """Whether span ``a:b`` is a roundup heading line ("Chinese-made:", "From Russia", "Made in
        France:"); one naming a seller sets the supplier of the lines below it (for lines that name
        none), any other short heading line ends that section."""
        line = self.masked[a:b]
        if len(line) > 60 or "\n" in line.strip():
            return False
        if _SUPPLIER_HEADING.fullmatch(line) is None:
            if _HEADING_LINE.fullmatch(line):
                self._heading = None
            return False
        states = [p for x in mentions if x.kind == "party" and (p := _party_of(x)) is not None and p.iso3]
        if len({p.iso3 for p in states}) != 1:
            self._heading = None
            return False
        self._heading = _Party(
            Mention("party", -1, -1, "", "heading"),
            states[0].iso3,
            states[0].name,
            "country",
            None,
            "supplier",
            "heading",
        )
        return True

    def run(self) -> list[Claim]:
        mi = 0
        mentions = self.mentions
        clauses, self._whole = split_clauses(
            _bounded(split_sentences(self.masked), self.masked), self.masked, mentions
        )
        prev_b = 0
        for a, b in clauses:
            # "..., because B's own X are late": a clause of reason is background, its claim does not
            # become the deal a later "the deal" refers to
            background = (a, b) in self._whole and _REASON_GAP.fullmatch(self.masked, prev_b, a) is not None
            kept_last = self.ctx.last
            prev_b = b
            while mi < len(mentions) and mentions[mi].start < a:
                mi += 1
            mj = mi
            while mj < len(mentions) and mentions[mj].end <= b:
                mj += 1
            sent_mentions = mentions[mi:mj]
            if _SKIP_SENT.match(self.masked[a:b]):
                continue
            if self._heading_line(a, b, mentions[mi:mj]):
                continue
            before = len(self.claims)
            customers = listed_customers(self.masked[a:b], a, sent_mentions)
            if customers is not None:  # earlier customers are no parties to the sentence's deal
                listed = {id(m) for m in customers[0]}
                sent_mentions = [m for m in sent_mentions if id(m) not in listed]
            try:
                self._sentence(a, b, sent_mentions)
            except RecursionError:  # pragma: no cover - pathological input only
                continue
            if background:
                self.ctx.last = kept_last
            if customers is not None:
                lo, hi = customers[2]  # the system the phrase names ("buyer of the X", "the Y fighter")
                phrase = [m for m in sent_mentions if lo <= m.start < hi]
                ref = self._customer_ref(phrase, before) or origin_ref(sent_mentions, a, b, self.masked)
                named = any(m.kind == "system" for m in sent_mentions)
                self.claims.extend(customer_claims(self.masked[a:b], a, b, self.text, customers, ref, named))
            self.claims.extend(replaced_donations(self.text, a, b, sent_mentions, self.claims[before:]))
            self._bullet_items(a, b, sent_mentions, before)
            unplaced = [m for m in sent_mentions if m.kind == "system"] if len(self.claims) == before else []
            self._orphan = None
            if unplaced and self.ctx.last and self._about_context(unplaced):
                continue  # the deal in context's own system named again ("these X drones will ..."): it stays
            if unplaced:
                # a new system we could not place (a domestic order, an unknown buyer): a later
                # "the deal" must not attach to an older, unrelated deal; only a pronoun object in
                # the very next sentence takes it ("X showed the Y. X had acquired it in 2020.")
                self.ctx.last = []
                m = unplaced[-1]
                self._orphan = _system_ref(m, self.masked[m.end : m.end + 60])
                maker = [
                    p.iso3
                    for p in sent_mentions
                    if p.kind == "party" and p.form == "demonym" and 0 <= m.start - p.end <= 40
                ]
                if self._orphan.origin_iso3 is None and maker:
                    self._orphan = replace(self._orphan, origin_iso3=maker[-1])  # "the Russian Y"
        self.claims = drop_contradicted_headline(self.claims, self.masked)
        self.claims = _drop_systemless_echoes(self.claims, self._relations, self._item_kinds)
        _reconcile_systems(self.claims)
        _reconcile_bare_names(self.claims)
        _reconcile_families(self.claims)
        _reconcile_family_codes(self.claims)
        _reconcile_classes(self.claims)
        _reconcile_blocks(self.claims)
        _reconcile_written(self.claims)
        _link_deals(self.claims)
        _partial_deliveries(self.claims)
        _stage_counts(self.claims)
        _settle_unknown(self.claims)
        _settle_requests(self.claims)
        _settle_intents(self.claims)
        calibrate(self.claims, self.masked, self.mentions, self._triggers)
        self.claims = finalise(self.claims, self.masked, self.mentions, self.published, self.candidates)
        name_families(self.claims)
        name_other_names(self.claims)
        name_written_variants(self.claims)
        mark_catalogue_variants(self.claims)
        return self.claims

    def _past_rival_bids(self, n_sentence: int, last_before: list[Claim]) -> None:
        """A list of rival bids ("drew responses from A with X, B with Y") leaves the deal in context
        as it was: none of the bids is the deal a later "the deal" or "the French side" refers to (a
        single rival offer may be: "cleared that possible sale")."""
        bids = self.claims[n_sentence:]
        if (
            self._rivals
            and len({c.system.name for c in bids if c.system}) > 1
            and all(c.status == "offered" for c in bids)
        ):
            self.ctx.last = last_before

    def _bullet_items(self, a: int, b: int, mentions: list[Mention], before: int) -> None:
        """The items of a bulleted list under a lead-in line (:mod:`.bullets`): a bullet line whose
        systems no claim placed takes the lead-in's deal and stage; a line ending in a colon with a
        stage word opens such a list, any other line that is no bullet closes it."""
        bullet = is_bullet(self.text, a)
        if self._lead is not None and not bullet:
            self._lead = None
        if self._lead is not None:
            if len(self.claims) == before:
                self.claims.extend(bullet_claims(self._lead[1], self._lead[0], mentions, a, b, self.text))
            self._sibling_item(a, b, mentions, before)
            return
        if bullet:
            self._sibling_item(a, b, mentions, before)
        else:
            self._sibling = None
        stage = lead_in_stage(self.masked[a:b]) if self.masked.startswith(":", b - 1) else None
        if stage is not None:
            own = [c for c in self.claims[before:] if not c.negated]
            # the lead-in's own deal, else the deal in context, else the article's latest (a sentence
            # with an unplaced system in between clears the context, not the article's subject)
            earlier = self.ctx.last or [c for c in self.claims[:before] if not c.negated]
            ref = own[-1] if own else (earlier[-1] if earlier else None)
            self._lead = (stage, ref) if ref is not None else None

    def _sibling_item(self, a: int, b: int, mentions: list[Mention], before: int) -> None:
        """A bullet line: remember the deal it told for the next line, or, when it told none, read
        it as the next item of the deal the line before told (:func:`.bullets.sibling_claims`)."""
        made = [c for c in self.claims[before:] if not c.negated and c.system is not None]
        if made:
            self._sibling = made[-1]
        elif len(self.claims) == before and self._sibling is not None:
            stage = self._lead[0] if self._lead is not None else "unknown"
            self.claims.extend(sibling_claims(self._sibling, stage, mentions, a, b, self.text))

    def _customer_ref(self, mentions: list[Mention], before: int) -> Claim | None:
        """The deal whose earlier customers a sentence lists: its own claim, else the claim of the
        system it names, else the latest deal of the supplier its demonym names, else the last."""
        own = [c for c in self.claims[before:] if c.system is not None and not c.negated]
        if own and max(c.confidence for c in own) >= 0.5:
            return max(own, key=lambda c: c.confidence)
        earlier = [c for c in reversed(self.claims[:before]) if c.system and c.supplier and not c.negated]
        names = {
            n for m in mentions if m.kind == "system" and m.system for n in (m.system.designation, m.text)
        }
        makers = {m.iso3 for m in mentions if m.kind == "party" and m.form == "demonym"}
        for c in earlier:
            if c.system is not None and c.system.name in names:
                return c
        for c in earlier:
            if c.supplier is not None and c.supplier.iso3 in makers:
                return c
        return None if names or makers or not self.ctx.last else self.ctx.last[-1]

    # -- one sentence --------------------------------------------------------------------
    def _sentence(self, a: int, b: int, mentions: list[Mention]) -> None:
        s = self.masked[a:b]
        # a sentence with no trigger and no deal noun makes no claim whatever its parties, systems or
        # anaphora (the last return below): skip reading them (a sentence naming nothing is cheap anyway)
        found = _triggers(s) if mentions else None
        if found is not None and not found and not _DEAL_NOUN.search(s):
            return
        parties = [
            p
            for m in mentions
            if m.kind == "party"
            and (p := _party_of(m)) is not None
            and not _not_a_party(s, m.start - a, m.end - a, m.party.kind if m.party else "country")
        ]
        systems = _deal_systems(s, a, mentions)
        parties = _home_states(s, a, parties)
        refused = _REFUSED_REQUEST.search(s) if "request" in s or "plea" in s or "appeal" in s else None
        if refused is not None:
            # "X has refused Y's requests for its Z": no transfer either way, Z is not the deal's
            systems = [m for m in systems if not refused.start() <= m.start - a <= refused.end() + 80]
            if not systems:
                return
        # "One package covers 11 HIMARS ...": a deal listing its items refers to the deal in context
        anaphora = bool(_ANAPHORA.search(s)) or bool(systems and self.claims and _DEAL_LIST.search(s))
        if not anaphora and not systems and parties and self.ctx.last:
            anaphora = self._generic_item_back(s, parties) or self._same_buyer_back(s, parties)
        elif not anaphora and not systems and parties and self._orphan is not None:
            # "... to buy the missile as well", "bought 40 of those guns"
            anaphora = buys_the_item(s, self._orphan.category) or names_the_item_again(
                s, self._orphan.category
            )
        anaphor = None  # "All 24 had arrived by May": an anaphoric subject alone (see anaphora.py)
        if not anaphora and not systems and not parties and self.ctx.last:
            anaphor = refers_back(self.masked, a, b, self.ctx.last[-1], self.claims, self.text)
            anaphora = anaphor is not None
        if not parties and not anaphora and not systems:
            return
        # "the donated jets": a participle after a determiner describes an item, states no stage
        found = self._triggers[(a, b)] = _triggers(s) if found is None else found
        trig = _stage_triggers(s, a, found, systems)
        if not trig and not (anaphora and _DEAL_NOUN.search(s)):
            return
        rejected = (
            _rejected(s, a, mentions) if len(mentions) >= 2 and contains_any(s, _REJECTED_WORDS) else set()
        )
        offers = rejected_offers(s, a, mentions, rejected) if rejected else []
        if offers:  # the offerer of a rejected alternative is no party to the chosen deal
            rejected |= {id(w) for _m, w in offers if w is not None}
            trig = _chosen_stage(trig, a, [m for m in mentions if id(m) in rejected])
        if rejected:
            systems = [m for m in systems if id(m) not in rejected]
        _roles(s, a, parties, trig)
        if (" its " in s or " their " in s) and not any(p.role == "buyer" for p in parties):
            self._earlier_relation_owner(s, a, parties)
        if trig and any(p.cue == "item-history" for p in parties):
            trig = _drop_history_verbs(s, a, parties, trig)
        if systems:
            system_demonyms(s, a, parties, systems)
        if self._heading is not None and not any(
            p.role in ("supplier", "origin") or p.iso3 == self._heading.iso3 for p in parties
        ):
            parties.append(replace(self._heading))  # the roundup's heading names the seller
        if rejected:
            for p in parties:
                if id(p.mention) in rejected:
                    p.role, p.cue = "other", "rejected"
        frames = self._frames(s, a, b, parties, systems, trig, anaphora)
        if offers:
            self._rejected_offers(offers, frames, a, b)
        n_sentence = len(self.claims)
        last_before = self.ctx.last
        for fr in frames:
            claim = self._claim(fr)
            n0 = len(self.claims)
            if claim is not None:
                if claim.system is None and (
                    fr.companion or (fr.suppliers and fr.suppliers[0].cue == "relation")
                ):
                    self._relations.add(id(claim))
                elif claim.system is None and not systems:
                    # a sentence that calls its deal another one ("in a separate notification", "has
                    # also received")
                    self._item_kinds[id(claim)] = (
                        _NEW_DEAL_KIND
                        if _SEPARATE_DEAL.search(s) or _ALSO_TRANSFER.search(s)
                        else _item_kinds(s)
                    )
                self.claims.append(claim)
                self._standing_relation(s, claim)
                if not fr.companion and (
                    ";" in s or not _list_member_after_head(claim, self.claims[n_sentence:-1])
                ):
                    # "the deal" later means the named system's deal, not an item beside it; after a list
                    # of one pair's items ("to supply N X and M Y"), the list's head (an itemised notice,
                    # "N X; M Y; and K Z", keeps its last line: each line is a sale of its own)
                    self.ctx.last = [claim]
                if claim.system:
                    self.ctx.by_system[claim.system.name] = claim
                if not fr.own_clause:
                    self._also_stated(s, a, systems, trig, claim, mentions)
            if anaphor is not None and fr.system_source == "context":
                for c in self.claims[n0:]:  # the anaphoric sentence's claims (and stages it also states)
                    mark(c, RISKS[ANAPHOR_CUE], s)
        self._past_rival_bids(n_sentence, last_before)
        self._relation_beside_examples(s, a, n_sentence, parties)
        if " talks with " in s or "negotiat" in s:
            self._also_in_talks(s, a, parties, n_sentence)
        if "to " in s and ("donat" in s or "given" in s or "gave" in s or "sent" in s):
            self._replaced_gifts(s, a, parties, n_sentence)
        if s.count(";") >= 2:  # the item list of an export notification: "N X; M Y; and K Z"
            self._list_seller(n_sentence)

    def _earlier_relation_owner(self, s: str, a: int, parties: list[_Party]) -> None:
        """The buyer of a stated relation whose possessive pronoun stands for the subject of the
        sentence before ("A became the largest importer. B supplied 45% of its imports"): news
        names the buyer once and goes on with "its"; that state joins the sentence's parties as the
        relation's buyer, and the relation's state as its supplier."""
        sup = pronoun_relation_supplier(s, a, parties)
        if sup is None:
            return
        owner = self._subject_antecedent(a, {sup.iso3}, loose=True)
        if not owner:
            return
        sup.role, sup.cue = "supplier", "relation"
        # first, as the state named before the relation ("followed by C with 12%" ranks beside the
        # supplier, see roles._ranked_followers)
        parties.insert(0, replace(owner[0], role="buyer", cue="relation"))
        if "followed by" in s:
            _ranked_followers(s, a, parties)

    def _relation_beside_examples(self, s: str, a: int, n0: int, parties: list[_Party]) -> None:
        """A supplier relation illustrated with the systems it covered ("most of the weapons Y imported
        came from X, from A submarines to B fighters") is itself a system-less fact (labelling rule 4):
        the systems named as examples do not stand for the whole relation, so the pair gets its
        ``unknown`` claim without a system too (cue ``system:relation``); so does a relation whose
        system (and stage) the sentence took from the deal in context, and a relation stated beside
        the deal of the sentence's only pair ("B buys X from A, its main arms supplier", "X for B, one
        of the largest buyers of A-ian equipment"): the deal and the relation are two facts."""
        new = self.claims[n0:]
        if not new or not RELATION_LRX.search(s):
            return
        pairs = {(c.supplier.iso3 if c.supplier else None, c.buyer.iso3) for c in new if c.system is None}
        states = {p.iso3 for p in parties if p.kind == "country"}
        for c in new:
            key = (c.supplier.iso3 if c.supplier else None, c.buyer.iso3)
            sole = not pairs and states == set(key) and _relation_of_pair(s, a, parties)
            if c.system is None or c.negated or key in pairs or not (sole or "supplier:relation" in c.cues):
                continue
            # a relation whose system came from the deal in context ("X has become one of Y's main
            # suppliers, and wants to add to the jets it has sold"): the relation is still no stage of
            # that deal, so it gets its own system-less fact as well
            from_context = "system:context" in c.cues
            if c.status != "unknown" and not from_context and not sole:
                continue
            pairs.add(key)
            cues = [x for x in c.cues if not x.startswith("system:")] + ["system:none", "system:relation"]
            rel = replace(
                c,
                system=None,
                system_source=None,
                status="unknown",
                quantity=None,
                value=None,
                quantity_delivered=None,
                package_value=None,
                cues=[x for x in cues if not x.startswith("status:")] + ["status:relation"]
                if c.status != "unknown"
                else cues,
            )
            self._relations.add(id(rel))
            self.claims.append(rel)

    def _standing_relation(self, s: str, claim: Claim) -> None:
        """A stated supplier relation in a sentence whose verb gives another stage ("X, long Y's main
        arms supplier, has failed to deliver weapons Y paid for") states two facts: the stage, and the
        standing relation itself (labelling rule 5: ``unknown``), which gets its own claim (cue
        ``status:relation``, no quantity or value: those belong to the staged deal)."""
        if id(claim) not in self._relations or claim.status == "unknown" or claim.negated:
            return
        if not RELATION_LRX.search(s):
            return
        rel = replace(
            claim,
            status="unknown",
            quantity=None,
            value=None,
            quantity_delivered=None,
            package_value=None,
            cues=[c for c in claim.cues if not c.startswith("status:")] + ["status:relation"],
        )
        self._relations.add(id(rel))
        self.claims.append(rel)

    def _replaced_gifts(self, s: str, a: int, parties: list[_Party], n0: int) -> None:
        """ "A buys (more) X to replace the (Y) guns it donated to B": the buyer gave the replaced items
        to B (a delivered gift); they are the Y the text names, else the X bought again."""
        m = _REPLACED_GIFT.search(s)
        if m is None:
            return
        to = next(
            (
                p
                for p in parties
                if p.kind == "country" and p.iso3 and 0 <= p.mention.start - a - m.end() <= 5
            ),
            None,
        )
        if to is None:
            return
        inside = [
            x
            for x in self.mentions
            if x.kind == "system" and x.system is not None and m.start() <= x.start - a < m.end()
        ]
        done: set[tuple] = set()
        for c in list(self.claims[n0:]):
            if c.negated or c.system is None or c.buyer.iso3 in (None, to.iso3) or c.buyer.kind != "country":
                continue
            sysref = (
                _system_ref(inside[0], s[inside[0].end - a : inside[0].end - a + 60]) if inside else c.system
            )
            key = (c.buyer.iso3, sysref.name)
            if key in done:
                continue
            done.add(key)
            self.claims.append(
                replace(
                    c,
                    supplier=c.buyer,
                    buyer=PartyRef(to.name, to.iso3, to.kind),
                    system=sysref,
                    status="delivered",
                    supplier_company=None,
                    **no_details(),
                    deal_key=f"{c.buyer.iso3}>{to.iso3}:{sysref.name}:original",
                    system_source="catalogue" if inside else "context",
                    cues=[
                        "supplier:giver",
                        "buyer:to",
                        "system:catalogue" if inside else "system:context",
                        "status:trigger",
                        # the gift's item unnamed ("guns it donated"): taken to be the type bought again
                        *(() if inside else ("system:context-beside-other",)),
                    ],
                )
            )

    def _list_seller(self, n0: int) -> None:
        """ "B has asked to buy N X; M Y; and K Z" with X's seller known and Y, Z unseen designations (no
        origin, no seller of their own): the items an export notification lists for one buyer are one
        deal's, sold by its one seller."""
        here = self.claims[n0:]
        for i, c in enumerate(here):
            if c.supplier is not None or c.system is None or c.system.origin_iso3 or c.negated:
                continue
            sellers = {
                x.supplier.iso3: x.supplier
                for x in here
                if x.supplier is not None and x.system is not None and x.buyer.iso3 == c.buyer.iso3
            }
            if len(sellers) != 1:
                continue
            (sup,) = sellers.values()
            here[i] = self.claims[n0 + i] = replace(
                c,
                supplier=sup,
                deal_key=f"{sup.iso3}{c.deal_key[c.deal_key.index('>') :]}"
                if ">" in c.deal_key
                else c.deal_key,
                cues=["supplier:context" if x == "supplier:none" else x for x in c.cues],
            )

    def _also_in_talks(self, s: str, a: int, parties: list[_Party], n0: int) -> None:
        """ "A has sold X to B and is in talks with C and D": the seller's second verb, with no item of
        its own, is about the same item; each state it is in talks with negotiates X with A."""
        m = _ALSO_IN_TALKS.search(s)
        if m is None:
            return
        made = [c for c in self.claims[n0:] if not c.negated and c.system is not None and c.supplier]
        if not made or len({c.supplier.iso3 for c in made if c.supplier}) != 1:
            return
        stop = _CLAUSE_END.search(s, m.end())
        if stop is not None and stop.group().strip() in ("over", "on", "about", "for"):
            return  # "in talks with C over the Y": the talks have an object of their own
        end = stop.start() if stop is not None else len(s)
        if any(x.kind == "system" and m.end() <= x.start - a < end for x in self.mentions):
            return  # the talks name an item of their own: the general rules read them
        sup = made[0].supplier
        taken = {c.buyer.iso3 for c in made} | {sup.iso3 if sup else None}
        partners = [
            p
            for p in parties
            if m.end() <= p.mention.start - a < end and p.kind == "country" and p.iso3 not in taken
        ]
        seen: set[str] = set()
        for p in partners:
            if p.iso3 is None or p.iso3 in seen:
                continue
            seen.add(p.iso3)
            for c in {x.system.name: x for x in made if x.system}.values():
                self.claims.append(
                    replace(
                        c,
                        buyer=PartyRef(p.name, p.iso3, p.kind),
                        status="negotiating",
                        quantity=None,
                        quantity_delivered=None,
                        quantity_inferred=False,
                        value=None,
                        package_value=None,
                        dates=[],
                        inherited=[],
                        deal_key=f"{sup.iso3 if sup else ''}>{p.iso3}:{c.system.name if c.system else ''}:original",
                        cues=[
                            *(x for x in c.cues if not x.startswith(("buyer:", "status:"))),
                            "buyer:with",
                            "status:trigger",
                        ],
                    )
                )

    def _also_stated(
        self,
        s: str,
        a: int,
        systems: list[Mention],
        trig: list[tuple[str, int, int, str]],
        claim: Claim,
        mentions: list[Mention],
    ) -> None:
        """A claim per further stage the sentence states of the same deal (status.other_stages)."""
        if claim.negated or claim.inherited or "buyer:onward" in claim.cues:
            # (a gift onward has the stage of its own verb, not the purchase's: "ordered X, some of
            # which it has given to C" signed nothing with C)
            return
        trig = _own_deal_clauses(s, a, trig, claim, mentions)
        spans: list[tuple[str, int]] = []
        for m in systems:
            n = _record_name(m)
            if n and all(n != x for x, _e in spans):
                spans.append((n, m.end))
        window = stage_window(a, spans, trig, claim.system.name if claim.system else "", s)
        if len(spans) > 1 and claim.system is not None:
            # "received X from A and awaits Y, a US sale cleared in 2023": the clearance is Y's
            other = [
                (lo - a, hi - a)
                for lo, hi, items in item_phrases(self.masked, systems)
                if all(_record_name(x) != claim.system.name for x in items)
            ]
            window = [t for t in window if not any(lo <= t[1] < hi for lo, hi in other)]
        for st in other_stages(s, window, claim.status):
            self.claims.append(
                replace(
                    claim,
                    status=st,
                    dates=list(claim.dates),
                    inherited=[],
                    cues=[*claim.cues, "status:also-stated"],
                )
            )

    def _rejected_offers(
        self, offers: list[tuple[Mention, Mention | None]], frames: list[_Frame], a: int, b: int
    ) -> None:
        """Offered claims of the alternatives a choice was made against, to the chooser (the buyer
        of the sentence's chosen deal, else of the deal in context)."""
        prev = next((c for c in reversed(self.claims) if not c.negated and c.system is not None), None)
        for m, who in offers:
            chooser = self._chooser(m, frames) or (prev.buyer if prev is not None else None)
            if chooser is None:
                continue
            sysref = _system_ref(m, self.masked[m.end : m.end + 60])
            claim = offer_claim(chooser, sysref, _party_of(who) if who is not None else None, a, b, self.text)
            if claim is not None:
                self.claims.append(claim)

    def _chooser(self, m: Mention, frames: list[_Frame]) -> PartyRef | None:
        """The buyer of the sentence's deal chosen over rejected system ``m`` (its claims are not made
        yet): the frame of the nearest system named before ``m`` ("talks with A on X, and won B's
        order for Y, beating Z": Z lost to Y, B chose), else the first frame's; None without one."""
        before = [
            x for x in self.mentions if x.kind == "system" and x.system is not None and x.end <= m.start
        ]
        names = {f.system.name: f for f in frames if f.system is not None and f.buyers}
        fr = next(
            (names[n] for x in reversed(before) if (n := _system_ref(x, "").name) in names),
            frames[0] if frames and frames[0].buyers else None,
        )
        if fr is None or fr.buyers[0].iso3 is None:
            return None
        b = fr.buyers[0]
        if b.mention.form == "demonym" and _CHOSEN_ITEM.search(
            self.text, max(0, b.mention.start - 40), b.mention.start
        ):
            # "had chosen the Swedish jet over the X": the origin of the chosen item, not the chooser
            return None
        return PartyRef(b.name, b.iso3, b.kind)

    def _inherited_status(
        self, deal_key: str, loose_key: str, sup_iso: str, buyer_iso: str | None, a: int, b: int
    ) -> tuple[str, bool]:
        """(status, inherited) of a mention that states no stage: its deal's stage so far; an item
        the deal in context lists ("the deal covers N X and M Y") takes the stage of the latest
        deal of the dyad that names a system (not of background talks); else the dyad's stage."""
        if self.ctx.deal_status.get(deal_key, "unknown") != "unknown":
            return self.ctx.deal_status[deal_key], True
        if _DEAL_LIST.search(self.masked[a:b]):
            dyad = next(
                (
                    c
                    for c in reversed(self.claims)
                    if not c.negated
                    and c.status != "unknown"
                    and c.system is not None
                    and (c.supplier.iso3 if c.supplier else "?") == sup_iso
                    and c.buyer.iso3 == buyer_iso
                ),
                None,
            )
            if dyad is not None:
                return dyad.status, True
        if self.ctx.deal_status.get(loose_key, "unknown") != "unknown":
            return self.ctx.deal_status[loose_key], True
        return "unknown", False

    def _generic_item_back(self, s: str, parties: list[_Party]) -> bool:
        """A count or "new" before an item noun of the deal in context's category, beside one of
        its parties ("opted for 36 aircraft ... with France", "to purchase new howitzers"), refers
        back to that deal's system."""
        last = self.ctx.last[-1]
        if last.system is None or last.negated:
            return False
        m = _GENERIC_ITEM.search(s)
        c = _HANDED_COUNT.search(s)
        if (
            (m is None or ITEM_NOUNS.get(m.group("noun").lower()) != last.system.category)
            and not buys_the_item(s, last.system.category)
            # "A has delivered 12 so far": a bare count of a handover, a share of the deal's counted items
            and not (c is not None and last.quantity and (parse_number(c.group("n")) or 0) <= last.quantity)
        ):
            return False
        isos = {p.iso3 for p in parties}
        if last.buyer.iso3 in isos or (last.supplier is not None and last.supplier.iso3 in isos):
            return True
        # "B placed an order for 54 howitzers" right after a howitzer deal: a counted noun of the deal's
        # kind of item, and one other state alone (no seller of its own), is another customer of the
        # same item; the claim's system comes from context (cue system:context)
        return (
            m is not None
            and m.group(0)[0].isdigit()
            and names_its_kind(m.group("noun"), last)
            and len(isos) == 1
            and all(p.kind == "country" and p.mention.form != "demonym" for p in parties)
        )

    def _same_buyer_back(self, s: str, parties: list[_Party]) -> bool:
        """The buyer of the deal in context, alone in a sentence with a deal noun and no item of
        another kind ("X ordered the Y in 2022. X signed a $N contract in 2022"), speaks of that deal."""
        last = self.ctx.last[-1]
        if last.system is None or last.negated or last.buyer.iso3 is None:
            return False
        if any(p.iso3 != last.buyer.iso3 or p.mention.form == "demonym" for p in parties):
            return False
        if not _DEAL_NOUN.search(s):
            return False
        m = _ANY_ITEM.search(s)
        return m is None or ITEM_NOUNS.get(m.group(0).lower()) == last.system.category

    # -- claim assembly -------------------------------------------------------------------------
    def _claim(self, fr: _Frame) -> Claim | None:
        buyer = fr.buyers[0]
        supplier = fr.suppliers[0] if fr.suppliers else None
        if buyer.iso3 is None and buyer.kind == "country":
            return None
        if supplier is not None and _SENT_CUE.match(supplier.cue) and buyer.cue in ("", "focus"):
            return None  # "X sent its jets" and no recipient: a deployment (an exercise), no transfer
        if supplier is None and buyer.cue == "with":
            # "signs a contract with X" and no one else: X is the counterpart, not a buyer; with a named
            # system and a stateless subject ("the ministry is in talks with X over N Y") X sells to
            # the state the article is about
            focus = self.focus
            if (
                fr.system is None
                or focus is None
                or focus.iso3 == buyer.iso3
                or not _STATELESS_SUBJECT.match(self.masked[fr.sentence[0] : fr.sentence[1]])
            ):
                return None
            supplier, buyer = buyer, focus
        system = fr.system
        supplier = _maker_state(supplier, system)
        if supplier is not None and supplier.iso3 is not None and supplier.iso3 == buyer.iso3:
            return None  # the maker's home moved the supplier onto the buyer: no transfer
        a, b = fr.sentence
        status = "unknown" if fr.bare_purchase and fr.status == "signed" else fr.status
        if fr.announced_sale and status == "signed" and supplier is not None and _state_seller(supplier):
            status = "approved"  # "the United States will provide 31 tanks to B": a government's decision
        batch = fr.batch
        key_sys = system.name if system else "*"
        sup_iso = supplier.iso3 if supplier else "?"
        # an unmarked mention after an "additional" one: a signed/delivered contract is the
        # original deal when the additional batch is still being discussed
        prev = self.ctx.last[-1] if self.ctx.last else None
        if (
            batch == "original"
            and prev is not None
            and prev.batch == "additional"
            and system
            and prev.system
            and prev.system.name == system.name
            and fr.system_source == "context"
        ):
            prev_status = self.ctx.deal_status.get(prev.deal_key, prev.status)
            if not (status in (*CONTRACTED, "delayed") and prev_status in (*PRE_CONTRACT, "unknown")):
                batch = "additional"
        deal_key = f"{sup_iso}>{buyer.iso3 or buyer.name}:{key_sys}:{batch}"
        inherited_status = False
        loose_key = f"{sup_iso}>{buyer.iso3 or buyer.name}:*:{batch}"
        if status == "unknown" and system is not None:
            status, inherited_status = self._inherited_status(deal_key, loose_key, sup_iso, buyer.iso3, a, b)
        elif (
            status in ("negotiating", "signed")
            and fr.modality == "expected"
            and self.ctx.deal_status.get(deal_key) == "approved"
        ):
            # "the contract is expected to be signed by May", "deliveries are expected to start in 2027"
            # after its approval: a schedule, neither talks nor a contract the text states
            status, inherited_status = "approved", True
        if supplier is not None and supplier.cue == "resale-approver":
            # the design's state clearing another state's resale: its own stage is the approval
            status, inherited_status = "approved", False
        conf = fr.confidence
        if fr.negated:
            conf = min(conf, 0.3)
        if fr.modality in ("possible", "reported"):
            conf -= 0.1
        if status == "unknown":
            conf -= 0.1
        company = supplier.company if supplier else None
        if supplier is not None and company is None:
            for p in fr.suppliers:
                if p.company:
                    company = p.company
        ea, eb = self._whole.get((a, b), (a, b))
        ev = Evidence(self.text[ea:eb], ea, eb)
        cues = [
            f"supplier:{supplier.cue or supplier.role or 'mention'}" if supplier else "supplier:none",
            f"buyer:{buyer.cue or buyer.role or 'mention'}",
            f"system:{fr.system_source or 'none'}",
            "status:inherited"
            if inherited_status
            else f"status:{'none' if status == 'unknown' else 'trigger'}",
        ]
        origin = system.origin_iso3 if system else None
        conf = score(
            cues,
            modality=fr.modality,
            parties=max(fr.parties, sentence_states(self.mentions, ea, eb)),
            origin_agrees=bool(supplier and origin and _SUCCESSOR.get(origin, origin) == supplier.iso3),
        )
        if fr.negated:
            conf = min(conf, 0.3)
        claim = Claim(
            buyer=PartyRef(buyer.name, buyer.iso3, buyer.kind),
            supplier=PartyRef(supplier.name, supplier.iso3, supplier.kind) if supplier else None,
            system=system,
            status=status,
            evidence=ev,
            confidence=max(0.05, min(0.99, conf)),
            supplier_company=company,
            quantity=fr.quantity,
            value=fr.value.to_dict() if fr.value else None,
            order_year=fr.order_year,
            dates=fr.dates,
            deal_key=deal_key,
            batch=batch,
            negated=fr.negated,
            modality=fr.modality,
            delayed=fr.delayed,
            quantity_delivered=fr.quantity_delivered,
            quantity_inferred=fr.quantity_inferred,
            package_value=fr.package_value.to_dict() if fr.package_value else None,
            system_source=fr.system_source,
            inherited=["status"] if inherited_status else [],
            cues=cues,
        )
        if not fr.negated:
            self.ctx.deal_status[deal_key] = (
                status if status != "unknown" else self.ctx.deal_status.get(deal_key, status)
            )
        return claim


def _chosen_stage(
    trig: list[tuple[str, int, int, str]], a: int, rejected: list[Mention]
) -> list[tuple[str, int, int, str]]:
    """The stage words of a choice less the offer verbs of the rejected bids ("picked the X, ahead of
    the Y offered by A's maker": offered is the Y's stage, given by its own claim, not the X's), when
    another stage word remains."""
    lo, hi = min(m.start for m in rejected) - a, max(m.end for m in rejected) - a
    # the verb inside the rejected list, or right before its first bidder ("the Y offered by A")
    kept = [
        t
        for t in trig
        if not (
            t[0] == "offered" and (lo <= t[1] < hi or any(0 <= m.start - a - t[2] <= 8 for m in rejected))
        )
    ]
    return kept or trig


def _stray_in_service(s: str, a: int, t: tuple[str, int, int, str], systems: list[Mention]) -> bool:
    """An in-service cue ("has flown since", "in service since") states the stage of a system named
    before it, never of one named after it, nor across "will replace"/"retirement" (the fleet
    being replaced is not the deal's system)."""
    if not _IN_SERVICE_RX.match(t[3]) or t[3].startswith(("still", "already")):
        return False  # "still flies N X": the verb's object follows
    before = [m for m in systems if m.end - a <= t[1]]
    return not before or _REPLACING.search(s, 0, t[1]) is not None


_REPLACING = re.compile(r"\b(?:replac\w*|" + RETIRE_VERB + r"|retirements?|succeed\w*)\b", re.IGNORECASE)


#: the gap before a clause of reason or time cut off a sentence (see ``clauses._BECAUSE_BEFORE``)
#: a choice word and its article right before a demonym: the demonym qualifies the chosen item
#: ("picked the French jet over the Y"), it names no chooser
_CHOSEN_ITEM = re.compile(
    r"\b(?:chose|chosen|choos(?:e|es|ing)|pick(?:s|ed|ing)?|select(?:s|ed|ing)?|prefer(?:s|red|ring)?|"
    r"opt(?:s|ed|ing) for)\s+(?:(?:the|an?|its|their)\s+)?$",
    re.IGNORECASE,
)
#: "to replace the (N) Y guns it donated to", "replacements for X they have given to": the buyer's
#: earlier gift of the replaced items (the recipient follows)
_REPLACED_GIFT = re.compile(
    r"\b(?:replac(?:e|es|ed|ing)|replacements?\s+for|backfill(?:s|ed|ing)?)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w/-]+\s+){0,4}?(?:that\s+|which\s+)?(?:it|they|he|she)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:earlier\s+|already\s+|previously\s+)?(?:donated|given|gave|sent|transferred)\s+to\s+(?:the\s+)?"
)
#: the seller's second verb: "(has sold X to B) and is in talks with C and D"
_ALSO_IN_TALKS = re.compile(
    r"\band\s+(?:is|are|has been|have been)\s+(?:also\s+|now\s+|currently\s+|still\s+)?"
    r"(?:in\s+(?:advanced\s+)?(?:talks|negotiations)|negotiating)\s+with\s+"
)
_CLAUSE_END = re.compile(r"[;:(]|,\s+(?:while|whereas|but|although|which|who)\b|\s(?:over|on|about|for)\s")
_REASON_GAP = re.compile(r"\s+(?:because|as|since|after|while)\s+(?:the\s+)?")

#: the deal in context as the frame of a sentence ("under the deal", "under the 2021 contract")
_UNDER_THE_DEAL = re.compile(
    r"\b[Uu]nder (?:the|this|that|its|their) (?:[\w$.,-]+ ){0,3}?(?:deal|contract|agreement|order)\b"
)
#: an agreement whose content a relative clause tells: "the 2023 pact, under which A will buy N X"
_UNDER_WHICH = re.compile(
    r"\b(?:deal|contract|agreement|plan|pact|accord|arrangement|programme|program|treaty|partnership),? under which\b"
)
#: a future purchase as the trigger list words it ("will acquire", "will also buy")
_FUTURE_BUY = re.compile(r"^will (?:[\w]+ )?(?:buy|acquire|purchase|procure|order)$")

#: a supplier's refusal as a stage trigger ("refused to deliver", "declined to supply"; see TRIGGERS)
_REFUSAL_WORDS = ("refus", "declin")
#: right before a refusal: a clause of reason or time and its subject ("because A", "after B's government"):
#: the refusal explains another stage of the sentence
_REASON_BEFORE = re.compile(
    r"\b(?:because|after|since|as|when|once)\s+(?:[\w'’.-]+\s+){1,4}?\Z", re.IGNORECASE
)

#: an event (not a deal) as the subject of a cancellation: "one sortie was cancelled", "the flight
#: display has been called off" (talks, orders and programmes are deals and stay)
_EVENT_CALLED_OFF = re.compile(
    r"\b(?:sorties?|flights?|exercises?|drills?|visits?|meetings?|trips?|parades?|(?:air )?shows?|events?|"
    r"displays?|launch(?:es)?|test(?:-firing)?s?|rehearsals?|ceremon(?:y|ies)|summits?|briefings?|"
    r"conferences?|press conferences?|demonstrations?)\s+(?:was|were|has been|have been|had been|got|is|are)\s+"
    r"(?:\w+\s+)?\Z",
    re.IGNORECASE,
)

#: a sentence whose subject is an institution with no state named ("The ministry has", "The navy is")
_STATELESS_SUBJECT = re.compile(
    r"\s*(?:The|Its|Their)\s+(?:[a-z]+\s+){0,2}?(?:ministry|government|navy|army|air force|military|cabinet|"
    r"defen[cs]e ministry|armed forces|procurement agency|agency|coast guard)\b"
)

#: "has so far refused Y's requests for", "declined an appeal for": a refused request is no transfer
_REFUSED_REQUEST = re.compile(
    r"\b(?:refus\w*|reject\w*|declin\w*|turn(?:s|ed|ing)? down|den(?:y|ies|ied))\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:requests?|pleas?|appeals?)\b",
    re.IGNORECASE,
)

#: "sent 14 of its own X", "offered to fit it with its own X": the giver's own stock or product is
#: given, not a domestic system of the buyer
_GIVEN_FROM_STOCK = re.compile(
    r"(?:\b\d+\s+of\s+|\b(?:sent|sends|send|sending|donat\w+|gave|gives|give|giving|gift\w*|offer\w*|suppl\w+|"
    r"sold|sells?|selling|transferr?\w*|hand(?:s|ed|ing)? over|ship\w*|export\w*|fit\s+(?:[\w-]+\s+){0,3}?with)\b"
    r"[^.;]{0,70}?)"
    # "handed over the indigenously built corvette X", "exported its home-grown X": the giver's own make
    r"(?:(?:its|their)\s+own|home-?grown|indigenous(?:ly (?:built|developed|made))?|"
    r"domestically (?:built|developed|made|produced))\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)

#: "retired" as the adjective of items changing hands ("the possible transfer of retired X", "the sale
#: of its retired X", "offered B two retired X"): surplus stock traded, not the fleet a purchase replaces
_TRADED_RETIRED = re.compile(
    r"\b(?:transfer|sale|donation|gift|handover|hand-over|supply|delivery|lease|acquisition|purchase|offer)s?\s+"
    r"of\s+(?:(?:the|its|their|some|several|two|three|four|five|six|\d{1,3})\s+)?(?:recently\s+)?retired\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)

#: the aircraft or ship that brought another system ("N X transport aircraft landed at A carrying parts
#: of the Y", "N X aircraft flew Y systems to A"): a carrier, no item of the deal (the system after it is)
_CARRIER_NEXT = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}\s+(?:(?:landed|arrived|touched down)\b[^.;]{0,60}?\s)?"
    r"(?:carrying|ferrying|transporting|which carried|that carried|flew|ferried|airlifted)\s+"
    r"(?:(?:the|parts|components|elements|batteries|units|of|first|more|some|several|an?|\d+)\s+){0,4}\Z"
)
_CARRIERS = frozenset({"aircraft", "ships"})

# word prefilters (kg.extract._fastre.NeedsRx) of the checks of _deal_systems
_SYSTEM_CHECKS = tuple(
    NeedsRx(rx)
    for rx in (
        _REPLACED,
        _PAST_TRANSFER_NEXT,
        _COUNTED_RETIRED,
        _CARRIER_BEFORE,
        _BASE_DESIGN_BEFORE,
        _USED_BEFORE,
        _RETIRED_NEXT,
        _REPLACEMENT_NEXT,
        _OWN_BEFORE,
        _GIVEN_FROM_STOCK,
        _TRADED_RETIRED,
        _CAPABILITY_BEFORE,
    )
)


def _deal_systems(s: str, a: int, mentions: list[Mention]) -> list[Mention]:
    """The system mentions of sentence ``s`` (at ``a``) that can be items of its deal: not a fleet
    replaced or retired, a carrier, a base design, a fleet used before, a domestic system, a weapon
    an item named before it can fire or carry.

    Why the prefilter: each check is a scan of a window before or after every system mention; a
    sentence lacking every word a check needs (most lack all of them) skips that check for all its
    mentions after one look at its words, with the same result."""
    systems = [m for m in mentions if m.kind == "system"]
    if not systems:
        return systems
    replaced, past, counted, carrier, base_design, used, retired, replacement, own, given, traded, able = (
        chk.rx if chk.may_match(s) else None for chk in _SYSTEM_CHECKS
    )
    out = []
    for k, m in enumerate(systems):
        x, y = m.start - a, m.end - a
        nxt = systems[k + 1] if k + 1 < len(systems) else None
        if (
            nxt is not None
            and m.system is not None
            and m.system.category in _CARRIERS
            and _CARRIER_NEXT.fullmatch(s, y, nxt.start - a) is not None
        ):
            continue  # "six X transport aircraft flew Y systems to A": X carried the deal's item Y
        if (
            replaced is not None
            and replaced.search(s, max(0, x - 90), x)
            and not (past is not None and past.match(s, y))
            and not (counted is not None and counted.search(s, max(0, x - 60), x))
            and not (traded is not None and traded.search(s, max(0, x - 80), x))
        ):
            continue
        if (
            (carrier is not None and carrier.search(s, max(0, x - 60), x))
            or (base_design is not None and base_design.search(s, max(0, x - 60), x))
            or (used is not None and used.search(s, max(0, x - 60), x))
            or (retired is not None and retired.match(s, y))
            or (replacement is not None and replacement.match(s, y))
            or (able is not None and k > 0 and able.search(s, max(0, x - 100), x))
        ):
            continue
        if (
            own is not None
            and own.search(s, max(0, x - 40), x)
            and not (given is not None and given.search(s, max(0, x - 100), x))
        ):
            continue
        out.append(m)
    return out


#: the subject of "sent"/"deployed": a transfer only with a recipient the sentence names
_SENT_CUE = re.compile(r"^subject:(?:sen[dt]s?|sending|deploy\w*|dispatch\w*)$")

_ANY_ITEM = re.compile(r"\b(?:" + _ITEMS4 + r")\b", re.IGNORECASE)
#: a policy institute, not an armoured vehicle ("a Washington think tank")
_THINK_TANK = re.compile(r"\bthink[\s-]tanks?\b", re.IGNORECASE)


#: a deal noun and the item it is for ("a sale of support for radars", "a contract for two corvettes")
_DEAL_FOR_ITEM = re.compile(
    r"\b(?:deal|contract|order|agreement|purchase|acquisition|sale)s?\s+(?:[\w$.,-]+\s+){0,3}?(?:of|for)\s+"
    r"(?:[\w-]+\s+){0,5}?(?P<noun>" + _ITEMS4 + r")\b",
    re.IGNORECASE,
)


#: a roundup heading that names the seller of the lines below it: "Chinese-made:", "From Russia",
#: "Made in France:" (a line of its own, no sentence punctuation)
_SUPPLIER_HEADING = re.compile(
    r"\s*(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?-(?:made|built|supplied|designed)(?:\s+[\w-]+){0,2}|"
    r"(?:Made|Built|Bought|Supplied|Imported|Sourced)\s+(?:in|from|by)\s+(?:the\s+)?[A-Z][\w'’ -]{1,30}|"
    r"From\s+(?:the\s+)?[A-Z][\w'’ -]{1,30})\s*:?\s*"
)
#: any other heading line (up to five words, no digit, no sentence punctuation): it ends a supplier
#: heading's section; a list line ("Kenya: six X ordered in 2023") has a number and does not
_HEADING_LINE = re.compile(r"\s*[A-Z][A-Za-z'’-]*(?:\s+[A-Za-z'’-]+){0,4}\s*:?\s*")

#: a sentence that says its deal is not the one in context ("in a separate notification")
_SEPARATE_DEAL = re.compile(
    r"\bseparate\s+(?:[\w-]+\s+){0,2}?(?:deal|contract|order|sale|notification|agreement|purchase|request)s?\b",
    re.IGNORECASE,
)

#: "A has also received/supplied ...": a sentence naming no system whose transfer verb is told as one
#: more besides the deals already in the article is another deal of the pair, not the named one again
_ALSO_TRANSFER = re.compile(
    r"\balso\s+(?:[a-z]+\s+)?(?:received|supplied|bought|ordered|delivered|sold|offered|donated|gifted|"
    r"acquired|purchased|shipped|provided)\b"
)

#: the item kinds of a system-less sentence that says its deal is another one ("a separate sale")
_NEW_DEAL_KIND = frozenset({"new-deal"})


#: a handover of a bare count, no item noun after it: "has delivered 12 so far", "received only eight"
_HANDED_COUNT = re.compile(
    r"\b(?:delivered|received|handed over|supplied|shipped|(?:taken|took) delivery of)\s+(?:only\s+|the\s+first\s+)?"
    r"(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?=\s*(?:so far|to date|[,.;]|$|"
    r"(?:in|by|last|this|since|on)\b))",
    re.IGNORECASE,
)


def _drop_history_verbs(
    s: str, a: int, parties: list[_Party], trig: list[tuple[str, int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """The sentence's stage words without the verb of an item's history ("to replace the guns it sent
    to B", "in return for the equipment sent to B"): that verb is the buyer's own earlier gift to B
    (see ``roles._OWN_GIFT_TO``), no stage of the deal the sentence tells."""
    ends = [p.mention.start - a for p in parties if p.cue == "item-history"]
    return [t for t in trig if not any(0 <= e - t[2] <= 40 and " to " in s[t[2] : e + 1] for e in ends)]


def _item_kinds(s: str) -> frozenset[str]:
    """The catalogue categories of the generic items a sentence's deal is about: those its deal nouns
    are for ("a sale of support for radars": sensors), else every item noun of the sentence (a
    sentence naming no system tells its deal by its generic items, most often as the verb's object:
    "agreed to buy 200 tanks", "has received patrol boats").  A grouping noun ("three squadrons",
    "two batteries") counts units of any system and says no kind; a "think tank" is no tank."""
    deal = frozenset(k for m in _DEAL_FOR_ITEM.finditer(s) if (k := ITEM_NOUNS.get(m.group("noun").lower())))
    if deal:
        return deal
    return frozenset(
        k
        for m in _ANY_ITEM.finditer(s)
        if (w := m.group(0).lower()) not in GROUPING_NOUNS
        and (k := ITEM_NOUNS.get(w))
        and not _THINK_TANK.search(s, max(0, m.start() - 7), m.end())
    )


#: what may stand between a stated relation and the state it names after it: "the largest buyers of
#: [A-ian] equipment", "the main supplier to [the] B"
_REL_NAMED_AFTER = re.compile(r"\s*(?:the\s+)?")
#: ... and before it: "[B]'s main arms supplier", "its main supplier"
_REL_NAMED_BEFORE = re.compile(r"(?:(?P<owner>['’]s?)|\b(?:its|their))\s+(?:[\w-]+\s+){0,2}?$")


def _relation_of_pair(s: str, a: int, parties: list[_Party]) -> bool:
    """Whether a stated relation in ``s`` names one of the sentence's states (right after it, as its
    owner right before it, or through a possessive pronoun), not a region or a group beside the deal
    of one pair ("the main supplier to the region", "most of Central Asia's weapons")."""
    starts = {p.mention.start - a for p in parties}
    ends = {p.mention.end - a for p in parties}
    for m in RELATION_LRX.finditer(s):
        gap = _REL_NAMED_AFTER.match(s, m.end())
        if gap is not None and gap.end() in starts:
            return True
        hit = _REL_NAMED_BEFORE.search(s, max(0, m.start() - 30), m.start())
        if hit is not None and (hit.group("owner") is None or hit.start() in ends):
            return True
    return False


def _drop_systemless_echoes(
    claims: list[Claim], relations: set[int], item_kinds: dict[int, frozenset[str]]
) -> list[Claim]:
    """Drop a system-less claim of a dyad that also has a claim naming a system: mostly the same deal
    told again without its name ("the jets", "the contract").  Kept: a standing relation, an item
    listed beside a system, and a sentence naming no system whose own item nouns are all of another
    kind than every named system of the dyad ("... agreed to buy 200 tanks" after a fighter sale) or
    that calls its deal another one ("a separate sale", "has also received": ``_NEW_DEAL_KIND``): a
    second deal of the same two states (the labelling guidelines: a deal whose text names no system
    is a fact with no system)."""
    kinds: dict[tuple, set[str]] = {}
    systems: dict[tuple, dict[str, Claim]] = {}
    for c in claims:
        if c.system:
            dyad = (c.supplier.iso3 if c.supplier else None, c.buyer.iso3)
            kinds.setdefault(dyad, set()).add(c.system.category or "")
            systems.setdefault(dyad, {}).setdefault(c.system.name, c)
    out = []
    for c in claims:
        dyad = (c.supplier.iso3 if c.supplier else None, c.buyer.iso3)
        named = kinds.get(dyad)
        own = item_kinds.get(id(c))
        if (
            c.system
            or id(c) in relations
            or named is None
            or own == _NEW_DEAL_KIND
            or (own and not own & named)
            # the gift a purchase replaces (kg.extract.replaced): a deal of its own, unless the dyad's
            # named delivery tells the same gift ("sent N X to C" elsewhere in the article)
            or (
                REPLACED_DONOR_CUE in c.cues
                and not any(o.status == "delivered" for o in systems[dyad].values())
            )
        ):
            out.append(c)
        elif len(systems[dyad]) == 1 and (c.quantity is not None or c.value is not None):
            # the same deal told before or after its name with a count or price of its own ("six
            # submarines ..." then "the project, known as X"): named, not dropped, so its stage and
            # details stay with the deal
            (named_claim,) = systems[dyad].values()
            assert named_claim.system is not None
            c.system = named_claim.system
            c.deal_key = named_claim.deal_key
            out.append(c)
    return out


def _state_seller(p: _Party) -> bool:
    """A seller named as a state ("the United States", "Paris"), not a company nor a maker's demonym:
    its announced sale is a government's decision, not a contract's schedule."""
    return p.kind == "country" and p.company is None and p.mention.form != "demonym"


def _own_deal_clauses(
    s: str, a: int, trig: list[tuple[str, int, int, str]], claim: Claim, mentions: list[Mention]
) -> list[tuple[str, int, int, str]]:
    """The stage triggers that may be further stages of ``claim``'s deal: every trigger but those of a
    later coordinated clause that opens on a deal of its own.

    Why: news packs two deals into one sentence, one per clause ("A received X in 2022, while B,
    which ordered six X in 2021, took them a year later"; "A took delivery of X, and a follow-on
    contract for Y is under negotiation"): the later clause's verb is the other deal's stage, not a
    second stage of the first.  A clause after the one naming the claim's system whose first name is a
    state outside the claim's pair (a new buyer or seller) or another system (a new item) opens that
    other deal.  A later clause that goes on with the same deal ("..., and it ordered a third battery
    in 2023", "..., and four have been delivered so far") opens on no new name and stays the claim's;
    so does an earlier clause (the background the claim's clause follows)."""
    if claim.system is None or len(trig) < 2:
        return trig
    cuts = [0, *(m.end() for m in CLAUSE_BREAK.finditer(s)), len(s) + 1]
    if len(cuts) < 3:
        return trig
    pair = {claim.buyer.iso3, claim.supplier.iso3 if claim.supplier else None}

    def clause(off: int) -> int:
        return next(i for i in range(len(cuts) - 1) if off < cuts[i + 1])

    own: int | None = None
    opens_other: set[int] = set()  # clauses whose first name is another item or a state outside the pair
    named: set[int] = set()
    for m in mentions:
        k = clause(m.start - a)
        mine = m.kind == "system" and m.system is not None and _record_name(m) == claim.system.name
        if (
            k not in named
            and not mine
            and (m.kind == "system" or (m.iso3 is not None and m.iso3 not in pair))
        ):
            opens_other.add(k)
        named.add(k)
        if mine and own is None:
            own = k
    if own is None:
        return trig
    return [t for t in trig if (k := clause(t[1])) <= own or k not in opens_other]


def _record_name(m: Mention) -> str | None:
    """The claim name a system mention would get (its written or catalogue designation)."""
    return _system_ref(m, "").name if m.system is not None else None


#: Longest span handled as one sentence; longer runs (tables, text without punctuation)
#: are cut at a clause boundary or a space so the rules stay local and fast.
MAX_SENTENCE = 1200


def _bounded(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            window = text[a : a + MAX_SENTENCE]
            cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
            cut = cut + 1 if cut > MAX_SENTENCE // 3 else MAX_SENTENCE
            out.append((a, a + cut))
            a += cut
            while a < b and text[a].isspace():
                a += 1
        if b > a:
            out.append((a, b))
    return out


def extract_claims(
    text: str,
    published: date | None = None,
    extra_systems: Iterable[SystemRecord] = (),
    title: str | None = None,
    candidates: bool = False,
) -> list[Claim]:
    """Claims of one article text (see the module docstring); ``candidates`` also keeps the claims under
    the claim model's drop floor (leads to check, :mod:`.learned`)."""
    if not isinstance(text, str) or not text.strip():
        return []
    return _Extractor(text, published, extra_systems, title, candidates).run()


def _list_member_after_head(claim: Claim, earlier: list[Claim]) -> bool:
    """True when ``claim`` is a later item of a list whose head, an earlier claim of the same sentence,
    has the same supplier and buyer: a later back-reference by a deal noun ("the acquisition was
    approved in June") is the head item's deal, as a delivery clause after the list is (frames)."""
    if claim.system is None or claim.negated:
        return False
    sup = claim.supplier.iso3 if claim.supplier else None
    return any(
        c.system is not None
        and not c.negated
        and c.buyer.iso3 == claim.buyer.iso3
        and (c.supplier.iso3 if c.supplier else None) == sup
        and c.system.name != claim.system.name
        for c in earlier
    )


# the boilerplate check of every sentence, run on the lowercased sentence (kg.extract._fastre.lower_in_place:
# same spans, truthiness only; the sentence is lowercased once for every later check)
_SENTENCE_CHECKS = lower_in_place(globals(), ("_SKIP_SENT",))


def _stage_triggers(
    s: str, a: int, found: list[tuple[str, int, int, str]], systems: list[Mention]
) -> list[tuple[str, int, int, str]]:
    """The sentence's stage triggers that state a stage of an arms deal: the words that look like one
    but describe an item ("the donated jets"), a letter sent, an event called off, a deal's content told
    ahead, charges dropped or a gift's verb beside a purchase are set aside (or re-read) here."""
    trig = [t for t in found if not _participle_item(s, t) and not _stray_in_service(s, a, t, systems)]
    if trig and ("equest" in s or "LoR" in s or "LOR" in s):
        # "a letter of request for N X was sent to A": the letter was sent, no arms delivered
        sent = [r.span("verb") for r in REQUEST_SENT.finditer(s)]
        trig = [t for t in trig if not any(lo <= t[1] < hi for lo, hi in sent)]
    if trig and any(t[0] == "cancelled" for t in trig):
        # "one sortie was cancelled because of storms": an event called off, not a deal
        trig = [
            t
            for t in trig
            if not (t[0] == "cancelled" and _EVENT_CALLED_OFF.search(s, max(0, t[1] - 60), t[1]))
        ]
    if trig and any(t[0] == "cancelled" and t[3].startswith(_REFUSAL_WORDS) for t in trig) and len(trig) > 1:
        # "held up because A refused to supply its engines": the refusal is the reason of the sentence's
        # other stage (a part withheld), not the item's cancellation
        trig = [
            t
            for t in trig
            if not (
                t[0] == "cancelled"
                and t[3].startswith(_REFUSAL_WORDS)
                and _REASON_BEFORE.search(s, max(0, t[1] - 80), t[1])
            )
        ]
    if trig and ("under " in s or "Under " in s) and _UNDER_THE_DEAL.search(s):
        # "Under the deal, A will acquire the jets by 2028": the future buy is the signed deal's
        # content, not talks (the stage comes from the deal in context)
        trig = [t for t in trig if not (t[0] == "negotiating" and _FUTURE_BUY.match(t[3]))]
    if trig and " under which " in s and (pact := _UNDER_WHICH.search(s)) is not None:
        # "the submarine pact, under which A will buy N X from B": a purchase the agreement settles
        # (signed, told ahead), not talks
        trig = [
            ("signed-future", *t[1:])
            if t[0] == "negotiating" and t[1] > pact.start() and _FUTURE_BUY.match(t[3])
            else t
            for t in trig
        ]
    if trig and all(t[0] == "cancelled" and t[3].endswith(" dropped") for t in trig):
        # "the charges were dropped": a passive 'dropped' alone opens no deal (beside a deal's own
        # stage word, "a plan to buy X ... was dropped", it is that deal's cancellation)
        trig = []
    if " to " in s and trig:
        # "buy N X from A to be donated to B": the gift's verb is no stage of the purchase
        onward = onward_gifts(s)
        trig = [t for t in trig if not any(lo <= t[1] < hi for lo, hi in onward)]
    return trig
