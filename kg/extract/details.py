"""Details of a sentence's frames: quantities (total, delivered, remaining), value (not a package
sum, not an earlier deal's), dates and their roles (order, delivery, approval, report, expected).

A mixin of :class:`kg.extract.claims._Extractor`: it reads the article-wide money, dates and
numbers found once per article and takes each sentence's slice by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from kg.extract._fastre import contains_any, lower_in_place
from kg.extract.dates import DateMention, find_dates
from kg.extract.entities import Mention
from kg.extract.model import DateRef, SystemRef
from kg.extract.money import Money, local_currency
from kg.extract.nouns import ITEM_NOUNS
from kg.extract.parties import _Ctx, _Frame, _SysRef
from kg.extract.patterns import (
    _ACQUIRE_VERB_BEFORE,
    _AT_LEAST_BEFORE,
    _BATCH_OF,
    _BY_WORD,
    _COUNT_GAP,
    _DEAL_NOUN_NEXT,
    _EARLIER_DEAL,
    _EARLIER_WORDS,
    _FIRST_KW,
    _FUTURE_WORD,
    _HITS_ITEM,
    _ITEMS,
    _ITEMS_NOSYS,
    _MONEY_BAD,
    _NEAR_ITEM,
    _OF_NEXT,
    _OF_SYSTEMS,
    _OF_THE,
    _ONE_AFTER,
    _ONE_BEFORE,
    _ORDER_FOR,
    _PACKAGE,
    _PACKAGE_WORD,
    _PACKAGE_WORTH_BEFORE,
    _PARTIAL,
    _PER_UNIT_NEXT,
    _PHRASE_BREAK,
    _PLACED_BEFORE,
    _PLACED_WORDS,
    _PRICE_OF,
    _PROPOSALS_WORD,
    _QTY_BAD_AFTER,
    _REMAINING_KW,
    _REPORT_AFTER,
    _REPORT_BEFORE,
    _SIGNED_BEFORE,
    _UNITS_NEXT,
    _VERB_NEXT,
    _WORD_NEXT,
)
from kg.extract.quantities import NumberMention
from kg.extract.vocabulary import _I
from kg.vocab.statuses import CONTRACTED


class DetailReader:
    """Quantities, money and dates of a sentence's frames (see the module docstring)."""

    text: str
    published: date | None
    ctx: _Ctx
    dates: list[DateMention]
    money: list[Money]
    numbers: list[NumberMention]
    mentions: list[Mention]
    _mention_starts: list[int]
    _date_starts: list[int]
    _money_starts: list[int]
    _number_starts: list[int]
    _starts: dict[str, list[int]]

    # -- quantities, money, dates -------------------------------------------------------------
    def _details(
        self,
        frames: list[_Frame],
        s: str,
        a: int,
        sys_refs: list[_SysRef],
        future: bool,
        trig: list[tuple[str, int, int, str]],
    ) -> None:
        end = a + len(s)
        dates = [d.shifted(-a) for d in _within(self.dates, self._date_starts, a, end)]
        if future and any(d.relative and d.granularity in ("month", "day") for d in dates):
            dates = find_dates(s, self.published, future=True)
        # "could cost EUR 500 million more than agreed": an overrun is no deal's sum
        all_money = _within(self.money, self._money_starts, a, end)
        money = [mo for mo in all_money if not _overrun(s, mo, a)]
        blocked = [(d.start, d.end) for d in dates] + [(mo.start - a, mo.end - a) for mo in all_money]
        numbers = [n.shifted(-a) for n in _within(self.numbers, self._number_starts, a, end)]
        # "12 more jets, adding to the 24 it bought in 2017": the tail is an earlier deal; its
        # numbers and dates are not this order's (unless a system is named there: "follows the
        # 2017 purchase of 24 K9s" is handled with the value below)
        earlier_at = None
        if (
            sys_refs
            and _has_any(s.lower(), _EARLIER_WORDS)
            and (earlier := _EARLIER_DEAL.search(s)) is not None
        ):
            named_after = any(m is not None and m.start - a >= earlier.start() for _r, m, _x in sys_refs)
            if not named_after:
                earlier_at = earlier.start()
                numbers = [n for n in numbers if n.start < earlier_at]
                money = [mo for mo in money if mo.start - a < earlier_at]
        arrived = _arrived_of(s, a, numbers, sys_refs, trig)
        numbers = [n for n in numbers if _counts_items(s, n, blocked, a, sys_refs)]
        per_system = self._quantities(s, a, numbers, sys_refs, trig)
        for key, (n_in, n_of) in arrived.items():
            total, delivered, remaining = per_system.get(key, (None, None, None))
            if delivered is None:
                per_system[key] = (n_of if n_of is not None else total, n_in, remaining)
        value, package, per_money, per_pkg = _sentence_money(s, a, money, sys_refs)
        ctx_added = [r for r, m, _src in sys_refs if r is not None and m is None]
        own_counts = _party_counts(frames, numbers, a)
        if "respectively" in s:
            own_counts.update(_respective_counts(s, frames, numbers, a))
        for fr in frames:
            key = fr.system.name if fr.system else None
            total, delivered, remaining = per_system.get(key, (None, None, None))
            if id(fr) in own_counts:
                total, delivered, remaining = own_counts[id(fr)], None, None
            inferred = False
            if fr.status == "delayed" and total is None and delivered is None and remaining is not None:
                # "the remaining two were due in 2023": the slipped fact is about those two (not
                # the deal's total, so a total stated elsewhere still wins on the deal's other claims)
                total, inferred = remaining, True
            elif total is None and delivered is not None and remaining is not None:
                total, inferred = delivered + remaining, True
            elif total is None and delivered is not None:
                # "received its first six HIMARS": the one count the sentence gives (inferred, so
                # a total the article states elsewhere for the deal still wins on its other claims)
                total, inferred = delivered, True
            if total is not None and fr.buyers and fr.buyers[0].cue == "context":
                # "..., and the Israeli army ordered 60 of the launchers": a count told after
                # another state's own purchase is that state's, not the deal in context's
                cut = self._other_acquirer(s, a, fr.buyers[0].iso3)
                if cut is not None:
                    own = self._quantities(s, a, [n for n in numbers if n.start < cut], sys_refs, trig)
                    total, delivered, remaining = own.get(key, (None, None, None))
                    inferred = False
            fr.quantity, fr.quantity_delivered, fr.quantity_inferred = total, delivered, inferred
            if (
                fr.status == "delivered"
                and delivered is None
                and total is not None
                and not _PARTIAL.search(s)
            ):
                fr.quantity_delivered = None
            if per_money:
                fr.value, fr.package_value = per_money.get(key or ""), per_pkg.get(key or "")
                if (
                    fr.value is not None
                    and ctx_added
                    and (_MONEY_BAD.search(s[max(0, fr.value.start - a - 30) : fr.value.end - a + 20]))
                ):
                    fr.value = None
                if fr.package_value is not None:
                    fr.value = None
            elif fr.system is not None or fr.status != "unknown":
                fr.value, fr.package_value = value, package
                if value is not None and fr.system is not None:
                    self._earlier_value(fr, value, s, a, sys_refs)
            # "150 billion crowns": the currency of the deal's buyer (else supplier) that says so
            isos = [p.iso3 for p in (*fr.buyers, *fr.suppliers)]
            if fr.value is not None:
                fr.value = local_currency(fr.value, isos)
            if fr.package_value is not None:
                fr.package_value = local_currency(fr.package_value, isos)
            self._frame_dates(fr, dates, s, a, trig, future, earlier_at)

    def _other_acquirer(self, s: str, a: int, buyer: str | None) -> int | None:
        """Where (sentence offset) a state other than ``buyer`` is told acquiring something
        ("the Israeli army ordered", "Germany bought"), or None."""
        i = bisect_left(self._mention_starts, a)
        while i < len(self.mentions) and self.mentions[i].start < a + len(s):
            m = self.mentions[i]
            i += 1
            if m.kind == "party" and m.iso3 and m.iso3 != buyer and _ACQUIRER_NEXT.match(s, m.end - a):
                return m.start - a
        return None

    def _earlier_value(self, fr: _Frame, value: Money, s: str, a: int, sys_refs: list[_SysRef]) -> None:
        """ "The NOK 1.1 billion option follows the 2017 purchase of 24 K9s": the sum before
        "follows" is the deal just reported (the previous claim), not the earlier purchase."""
        earlier = _EARLIER_DEAL.search(s)
        if earlier is None or fr.system is None:
            return
        m_sys = [m for r, m, _x in sys_refs if r is fr.system and m is not None]
        if value.start - a < earlier.start() and m_sys and m_sys[0].start - a >= earlier.end():
            fr.value = None
            prev = self.ctx.last[-1] if self.ctx.last else None
            if prev is not None and prev.value is None and prev.system and prev.system.name == fr.system.name:
                isos = [prev.buyer.iso3, prev.supplier.iso3 if prev.supplier else None]
                local = local_currency(value, isos)
                prev.value = local.to_dict() if local is not None else None

    def _frame_dates(
        self,
        fr: _Frame,
        dates: list[DateMention],
        s: str,
        a: int,
        trig: list[tuple[str, int, int, str]],
        future: bool,
        earlier_at: int | None,
    ) -> None:
        """The sentence's dates with their roles; a signed (or later) deal's order date gives its
        order year (never a year after publication)."""
        fr.dates = [
            DateRef(
                self.text[d.start + a : d.end + a],
                d.value,
                "event"
                if earlier_at is not None and d.start >= earlier_at
                else self._date_role(s, d, trig, future),
            )
            for d in dates
        ]
        if fr.status in (*CONTRACTED, "delayed", "cancelled"):
            for d, ref in zip(dates, fr.dates, strict=True):
                if (
                    ref.role == "order"
                    and d.year
                    and (self.published is None or d.year <= self.published.year)
                ):
                    fr.order_year = d.year
                    break

    def _quantities(
        self,
        s: str,
        a: int,
        numbers: list[NumberMention],
        sys_refs: list[_SysRef],
        trig: list[tuple[str, int, int, str]],
    ) -> dict[str | None, tuple[int | None, int | None, int | None]]:
        """(total, delivered, remaining) per system: a count right before the system (or an item
        noun when the sentence names one system), "the first N" delivered, "the remaining N"."""
        order_total = next(
            (
                n.value
                for n in numbers
                if _ORDER_FOR.search(s[max(0, n.start - 30) : n.start]) or _COUNT_COMPOUND.match(s, n.end)
            ),
            None,
        )
        trig_delivery = any(t[0] in ("delivered", "delivering") for t in trig)
        per_system: dict[str | None, tuple[int | None, int | None, int | None]] = {}
        for ref, m, _src in sys_refs:
            total = delivered = remaining = None
            total_hits_system = False
            for n in numbers:
                after = s[n.end : n.end + 80]
                if _CARRIER_COUNT.match(after):
                    continue  # "six X transport aircraft flew Y to A": the carriers' count, not Y's
                before = s[max(0, n.start - 25) : n.start]
                near = _NEAR_ITEM.match(after)
                hits_system = False
                if m is not None and ref is not None:
                    for target in self._starts.get(ref.name, [m.start]):
                        rel = target - a - n.end
                        if 0 <= rel <= 45 and (
                            (near is not None and near.end() + n.end >= target - a)
                            or _COUNT_GAP.fullmatch(s, n.end, target - a)
                        ):
                            hits_system = True
                hits_item = (
                    near is not None and _HITS_ITEM.match(after) is not None and not _OF_SYSTEMS.match(after)
                ) or (near is not None and _OF_THE.match(after) is not None)
                if hits_item and not hits_system and _other_kind(ref, after):
                    continue  # "110 of those 180 tanks" is no count of the jets in context
                remaining_kw = _REMAINING_KW.search(before)
                first_kw = _FIRST_KW.search(before)
                if remaining_kw and (
                    hits_system or hits_item or not _WORD_NEXT.match(after) or _VERB_NEXT.match(after)
                ):
                    remaining = n.value
                elif hits_system or (hits_item and (m is None or len(sys_refs) == 1)):
                    if first_kw and trig_delivery:
                        delivered = n.value
                    elif first_kw and total is None:
                        # "the initial 12 jets were ordered in 2014": the first order's size, no delivery
                        total, total_hits_system = n.value, hits_system
                    elif total is None or (hits_system and not total_hits_system):
                        # "three battalion systems, including 54 K9 howitzers": the count
                        # written before the system itself wins over a generic item count
                        total, total_hits_system = n.value, hits_system
                elif (
                    total is None
                    and m is None
                    and len(sys_refs) == 1
                    and _ALL_BEFORE.search(before)
                    and _DONE_NEXT.match(after)
                ):
                    # "All 24 had been delivered": the whole of the deal in context, told as done
                    total = n.value
                elif (_UNITS_NEXT.match(after) and total is None) or (
                    _BATCH_OF.search(before) and total is None
                ):
                    total = n.value
            if (
                total is None
                and delivered is None
                and remaining is None
                and m is not None
                and _ONE_BEFORE.search(s[max(0, m.start - a - 40) : m.start - a])
                and _ONE_AFTER.match(s[m.start - a : m.end - a + 50])
            ):
                total = 1
            if (
                total is None
                and delivered is None
                and remaining is None
                and m is not None
                and _one_battery(s, a, m)
            ):
                total = 1
            if order_total is not None and order_total != total:
                # "delivered two Su-30SMEs ..., completing a 2018 order for six aircraft"
                if total is not None and delivered is None and trig_delivery:
                    delivered = total
                total = order_total
            per_system[ref.name if ref else None] = (total, delivered, remaining)
        return per_system

    def _date_role(self, s: str, d: DateMention, trig: list[tuple[str, int, int, str]], future: bool) -> str:
        left, right = s[max(0, d.start - 40) : d.start], s[d.end : d.end + 30]
        if self.published is not None and d.year is not None and d.year > self.published.year:
            return "expected"  # a year after publication is never when something was said or signed
        if _REPORT_BEFORE.search(left) or _REPORT_AFTER.match(right):
            return "report"
        if _DEAL_NOUN_NEXT.match(right):
            return "order"
        if _SIGNED_BEFORE.search(left) or (
            (placed_left := s[max(0, d.start - 90) : d.start])
            and contains_any(placed_left, _PLACED_WORDS)
            and _PLACED_BEFORE.search(placed_left)
        ):
            return "order"
        best, dist = None, 10**6
        for status, ts, te, _w in trig:
            gap = d.start - te if ts < d.start else ts - d.end
            if (
                status in ("purchase", "signed")
                and ts > d.end
                and _PHRASE_BREAK.search(s[d.end : ts])
                and any(t[2] <= d.start for t in trig)
            ):
                continue  # "on Monday, part of an order for 108 tanks": the date is not the order's
            if 0 <= gap < dist:
                best, dist = status, gap
        if best in ("delivered", "delivering"):
            return (
                "expected"
                if future and not _BY_WORD.search(d.qualifier or "") and _FUTURE_WORD.search(s)
                else "delivery"
            )
        if best == "approved":
            return "approval"
        if best in ("signed", "purchase"):
            return "order"
        if future:
            return "expected"
        return "event"


# patterns built from the item vocabularies, compiled once (not per call through re's cache)
_OF_THE_ITEMS = re.compile(
    r"\s*of\s+(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,3}?(?:[A-Z][\w-]*\d[\w-]*|" + _ITEMS + r")\b"
    r"(?!\s*\d)",
    _I,
)
_EXTRA_ITEMS = re.compile(
    r"\b(?:as well as|along with|and|plus|including|includes?)\s+(?:\w+[\s-]+){0,3}?("
    + _ITEMS_NOSYS
    + r")\b",
    _I,
)


def _party_counts(frames: list[_Frame], numbers: list[NumberMention], a: int) -> dict[int, int]:
    """ "Chile bought 18 F-16s in 2005 and Jordan bought six in 2006", "A has pledged 22 jets, B 19":
    frames of one system that differ in one party each take the count told after their own party
    (up to the next one's; its first), not the system's first count.  Only where every such party
    has a count of its own and the counts differ (else the system's count stands)."""
    by_system: dict[str | None, list[_Frame]] = {}
    for fr in frames:
        if fr.system is not None and not fr.negated:
            by_system.setdefault(fr.system.name, []).append(fr)
    out: dict[int, int] = {}
    for group in by_system.values():
        if len(group) < 2:
            continue
        for side in ("buyers", "suppliers"):
            marks = []
            for fr in group:
                parties = getattr(fr, side)
                marks.append(parties[0].mention.start - a if len(parties) == 1 else None)
            if None in marks or len(set(marks)) != len(group):
                continue
            cuts = [*sorted(marks), 10**9]
            counts = {}
            for fr, at in zip(group, marks, strict=True):
                end = cuts[cuts.index(at) + 1]
                own = [n.value for n in numbers if at <= n.start < end]
                if not own:
                    break
                counts[id(fr)] = own[0]
            else:
                if len(set(counts.values())) == len(group):
                    out.update(counts)
            break
    return out


_RESPECTIVELY = re.compile(r"\brespectively\b")


def _respective_counts(s: str, frames: list[_Frame], numbers: list[NumberMention], a: int) -> dict[int, int]:
    """ "A and B, which signed for five and four aircraft respectively": frames of one system that
    differ in their buyer take, in the order the buyers are named, the counts listed between the
    last buyer and "respectively" (the last buyers named when the list is shorter)."""
    resp = _RESPECTIVELY.search(s)
    if resp is None:
        return {}
    by_system: dict[str | None, list[_Frame]] = {}
    for fr in frames:
        if fr.system is not None and not fr.negated and len(fr.buyers) == 1:
            by_system.setdefault(fr.system.name, []).append(fr)
    out: dict[int, int] = {}
    for group in by_system.values():
        at = {fr.buyers[0].iso3: fr.buyers[0].mention.start - a for fr in group}
        if len(at) < 2 or len(at) != len(group) or min(at.values()) < 0:
            continue
        last = max(at.values())
        counts = [n.value for n in numbers if last < n.start < resp.start()]
        ordered = sorted(group, key=lambda fr: at[fr.buyers[0].iso3])[-len(counts) :] if counts else []
        if len(counts) >= 2 and len(ordered) == len(counts):
            out.update({id(fr): n for fr, n in zip(ordered, counts, strict=True)})
    return out


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return contains_any(text, words)  # a C loop over the words, not a generator


def _within(items: list, starts: list[int], a: int, b: int) -> list:
    """Items (sorted by ``start``) lying inside ``[a, b)``."""
    i = bisect_left(starts, a)
    out = []
    while i < len(items) and items[i].start < b:
        if items[i].end <= b:
            out.append(items[i])
        i += 1
    return out


#: a count of the aircraft or ships that carried the deal's item ("six X transport aircraft landed at A
#: carrying Y", "five X planes flew Y to A"): the carriers', no quantity of the item
_CARRIER_COUNT = re.compile(
    r"(?:\s+[\w-]+){1,4}?\s+(?:aircraft|planes|airlifters|transports|ships|vessels)\s+"
    r"(?:landed|arrived|touched down|carrying|ferrying|transporting|flew|ferried|airlifted)\b"
)

#: "Block 20", "Batch 3", "Tranche 2", "Mk 2", "Flight III": the number names a standard, it counts nothing
_DESIGNATOR_BEFORE = re.compile(
    r"\b(?:block|batch|tranche|flight|lot|increment|mk\.?|mark|series|phase|standard|version)[\s-]?$",
    re.IGNORECASE,
)
#: "an 18-aircraft contract", "a 12-ship order": the count in a compound before the deal noun
_COUNT_COMPOUND = re.compile(
    r"-(?:[\w]+-)?(?:" + _ITEMS_NOSYS + r"|aircraft|jets?|ships?|units?|boats?|vessels?|helicopters?|tanks?|"
    r"launchers?|batter(?:y|ies)|systems?|planes?|fighters?)\s+(?:contract|order|deal|purchase|agreement|buy|package)\b",
    re.IGNORECASE,
)

#: "all 24 had been delivered", "all of the six were handed over"
_ALL_BEFORE = re.compile(r"\ball\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)
_DONE_NEXT = re.compile(r"\s+(?:have|has|had|are|were|now)\b")

#: item kinds no item of another kind is ever counted as ("tanks" are never jets); land kinds are
#: one group (a self-propelled howitzer is one of "200 vehicles")
_KIND_GROUP = {"aircraft": "air", "ships": "sea", "armoured-vehicles": "land", "artillery": "land"}
_ITEM_WORD = re.compile(r"[A-Za-z][\w-]*")


def _other_kind(ref: SystemRef | None, after: str) -> bool:
    """The item noun a count is of ("180 tanks") names a kind other than the system's own."""
    own = _KIND_GROUP.get(ref.category or "") if ref is not None else None
    if own is None:
        return False
    for word in _ITEM_WORD.findall(after[:60])[:5]:
        kind = ITEM_NOUNS.get(word.lower())
        if kind is not None:
            return _KIND_GROUP.get(kind, own) != own
    return False


#: "talks (with A) over N", "negotiations over N": the subject of talks, an exact count
_TALKS_OVER = re.compile(
    r"\b(?:talks|negotiations|discussions|consultations|dispute|wrangling)\s+(?:[\w-]+\s+){0,5}?over\s+$",
    re.IGNORECASE,
)


#: a sum told as the excess over the agreed price: "EUR 500 million more than agreed", "$2 billion
#: over budget", "in cost overruns"
_OVERRUN_AFTER = re.compile(
    r"\s*(?:more|higher|over|above)\s+than\s+(?:(?:was|had been|it was|first)\s+)?(?:agreed|planned|"
    r"budgeted|expected|estimated|forecast|projected|contracted|originally|initially|first)"
    r"|\s*(?:over|above)\s+(?:the\s+)?(?:budget|agreed|original|initial|planned|estimate)"
    r"|\s*in\s+(?:cost\s+)?overruns?",
    re.IGNORECASE,
)
#: a sum told as an increase: "an overrun of $1 billion", "costs rose by EUR 300 million"
_OVERRUN_BEFORE = re.compile(
    r"\b(?:overruns?|cost\s+(?:increases?|growth|rises?)|overspend)\s+(?:of\s+)?"
    r"(?:up to\s+|about\s+|around\s+|nearly\s+|some\s+|almost\s+)?$"
    r"|\b(?:rose|risen|rise|rising|increased?|climbed|grew|grown|ballooned|jumped)\s+by\s+"
    r"(?:up to\s+|about\s+|around\s+|nearly\s+|some\s+|almost\s+)?$",
    re.IGNORECASE,
)


def _overrun(s: str, mo: Money, a: int) -> bool:
    """A sum stated as an excess over the agreed price or an increase: it is no deal's value."""
    return bool(
        _OVERRUN_AFTER.match(s, mo.end - a)
        or _OVERRUN_BEFORE.search(s[max(0, mo.start - a - 40) : mo.start - a])
    )


#: "the first three of six X", "110 of the 180 tanks": a part of a whole, both counts
_PART_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|those\s+|these\s+)?", re.IGNORECASE)
#: "the first two of six ordered in 2018": the whole told by the order that made it
_ORDERED_NEXT = re.compile(r"\s+(?:ordered|bought|purchased|contracted|acquired|on order)\b", re.IGNORECASE)
#: "has received three of them", "60 of which were handed over": a part of the items named before
_PART_OF_NAMED = re.compile(r"\s+of\s+(?:them|which|those|these)\b(?!\s+[a-z]+s\b)", re.IGNORECASE)


_NTH = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|further|additional|new|single|complete)"
#: "a battery of Pantsir systems", "one more battery of the X": one battery of the system after it
_BATTERY_OF_BEFORE = re.compile(
    r"\b(?:a|one)\s+(?:more\s+)?(?:"
    + _NTH
    + r"\s+)?(?:battery|fire unit)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
#: "a third Patriot battery", "one NASAMS fire unit": one battery of the system inside it
_ONE_BEFORE_BATTERY = re.compile(r"\b(?:a|one)\s+(?:more\s+)?(?:" + _NTH + r"\s+)?$", re.IGNORECASE)
_BATTERY_AFTER = re.compile(r"[\s-]*(?:[\w/-]+\s+){0,2}?(?:battery|fire unit)\b", re.IGNORECASE)


def _one_battery(s: str, a: int, m: Mention) -> bool:
    """A single air-defence battery (or fire unit) of the system, stated as such: a count of one."""
    before = s[max(0, m.start - a - 60) : m.start - a]
    return bool(
        _BATTERY_OF_BEFORE.search(before)
        or (_ONE_BEFORE_BATTERY.search(before[-30:]) and _BATTERY_AFTER.match(s, m.end - a))
    )


#: a party told acquiring: "(the Israeli) army ordered", "Germany has bought", "X took delivery"
_ACQUIRER_NEXT = re.compile(
    r"(?:'s)?(?:\s+(?:army|navy|air force|armed forces|military|marines|government|ministry|forces))?"
    r"\s+(?:has\s+|had\s+|have\s+|also\s+|already\s+){0,2}(?:ordered|bought|purchased|acquired|procured|"
    r"received|took delivery|signed for|contracted)\b",
    re.IGNORECASE,
)


def _arrived_of(
    s: str,
    a: int,
    numbers: list[NumberMention],
    sys_refs: list[_SysRef],
    trig: list[tuple[str, int, int, str]],
) -> dict[str | None, tuple[int, int | None]]:
    """(delivered, total or None) per system of a delivery told as a part of the whole: "took
    delivery of the first three of six X" (three delivered of six), "has received three of them"
    (three of the X named before).  Only in a sentence that reports a delivery."""
    if not any(t[0] in ("delivered", "delivering") for t in trig):
        return {}
    named = [(r, m.start - a, m.end - a) for r, m, _x in sys_refs if r is not None and m is not None]
    out: dict[str | None, tuple[int, int | None]] = {}
    for i, n in enumerate(numbers):
        if _AT_LEAST_BEFORE.search(s[max(0, n.start - 30) : n.start]):
            continue  # "more than 110 of them": no exact count
        whole = numbers[i + 1] if i + 1 < len(numbers) else None
        if whole is not None and _PART_OF_WHOLE.fullmatch(s, n.end, whole.start):
            after = [(r, st) for r, st, _e in named if 0 <= st - whole.end <= 45]
            if after:
                out.setdefault(after[0][0].name, (n.value, whole.value))
            elif len({r.name for r, _s, _e in named}) == 1 and (
                _HITS_ITEM.match(s[whole.end : whole.end + 60]) or _ORDERED_NEXT.match(s, whole.end)
            ):
                out.setdefault(named[0][0].name, (n.value, whole.value))
        elif _PART_OF_NAMED.match(s, n.end):
            before = [r for r, _st, e in named if e <= n.start]
            if before:
                out.setdefault(before[-1].name, (n.value, None))
    return out


def _counts_items(
    s: str, n: NumberMention, blocked: list[tuple[int, int]], a: int, sys_refs: list[_SysRef]
) -> bool:
    """A number that can count items: not inside a date, a sum or a designation, not a
    measure ("5 km", "20 years"), not "more than N", not "N of" (except "N of the jets")."""
    return (
        all(n.end <= x or n.start >= y for x, y in blocked)
        and not _DESIGNATOR_BEFORE.search(s[max(0, n.start - 12) : n.start])
        and not _QTY_BAD_AFTER.match(s[n.end : n.end + 20])
        and not (
            _OF_NEXT.match(s[n.end : n.end + 5])
            and not (
                _OF_THE_ITEMS.match(s[n.end : n.end + 60])
                and _ACQUIRE_VERB_BEFORE.search(s[max(0, n.start - 20) : n.start])
            )
        )
        and not (
            _AT_LEAST_BEFORE.search(s[max(0, n.start - 30) : n.start])
            # "talks with A over 50 jets": "over" is "about", not "more than"
            and not _TALKS_OVER.search(s, max(0, n.start - 80), n.start)
        )
        and all(n.end <= m.start - a or n.start >= m.end - a for _r, m, _x in sys_refs if m is not None)
    )


#: "18 X launchers with 40 Y missiles": the second item equips the first
_WITH_BEFORE = re.compile(r"\b(?:with|along with|plus)\s+(?:up to\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _head_of_accessory(s: str, a: int, named: list[tuple], nearest: tuple) -> tuple:
    """The sum nearest an item sold "with" another ("a sale of 18 X launchers with 40 Y missiles,
    estimated at $N") is the sale's: it goes to the head item the accessory comes with."""
    at = nearest[1].start - a
    earlier = [rm for rm in named if rm[1].end - a <= at]
    if earlier and _WITH_BEFORE.search(s[max(0, at - 40) : at]):
        head = earlier[-1]
        if not _PHRASE_BREAK.search(s[head[1].end - a : at]):
            return head
    return nearest


def _sentence_money(
    s: str, a: int, money: list[Money], sys_refs: list[_SysRef]
) -> tuple[Money | None, Money | None, dict[str, Money | None], dict[str, Money]]:
    """(value, package value, value per system, package per system) of a sentence's sums: a
    sum covering several items is a package (no system's value); a budget, a loan, a price
    per unit are no deal value; with several sums and systems each takes the sum after it."""
    value: Money | None = None
    package: Money | None = None
    if money:
        mo = money[0]
        around = s[max(0, mo.start - a - 30) : mo.end - a + 20]
        per_year = _PER_UNIT_NEXT.match(s[mo.end - a :])
        if _PACKAGE_WORD.search(s[mo.end - a : mo.end - a + 40]) or _PACKAGE_WORTH_BEFORE.search(
            s[: mo.start - a]
        ):
            package = mo
        elif (not _MONEY_BAD.search(around) or _PRICE_OF.match(s, mo.end - a)) and not per_year:
            n_items = len({r.name for r, _m, _src in sys_refs if r is not None})
            extra_items = _EXTRA_ITEMS.findall(s[mo.end - a :])
            if (
                _PACKAGE.search(s) and (extra_items or n_items > 1 or _PROPOSALS_WORD.search(s))
            ) or n_items > 1:
                package = mo
            else:
                value = mo
    per_money: dict[str, Money | None] = {}
    per_pkg: dict[str, Money] = {}
    named = [(r, m) for r, m, _src in sys_refs if r is not None and m is not None]
    ctx_added = [r for r, m, _src in sys_refs if r is not None and m is None]
    if len(money) == 1 and named and ctx_added and len(named) + len(ctx_added) >= 2:
        # money before the first named system goes with the system referred back to
        mo = money[0]
        first_named = min(m.start for _r, m in named)
        for r in ctx_added:
            per_money[r.name] = mo if mo.start < first_named else None
        for r, _m in named:
            per_money[r.name] = None if mo.start < first_named else mo
    elif len(money) == 1 and len(named) >= 2:
        # one sum, several systems: it belongs to the system closest to it
        mo = money[0]
        nearest = min(
            named, key=lambda rm: abs((rm[1].start if rm[1].start > mo.start else rm[1].end) - mo.start)
        )
        nearest = _head_of_accessory(s, a, named, nearest)
        for r, _m in named:
            per_money[r.name] = mo if r.name == nearest[0].name else None
        if package is not None and _PACKAGE_WORD.search(s):
            per_pkg = {nearest[0].name: package}
    if len(money) >= 2 and len(named) >= 2:
        # "180 K2 tanks ... for $3.37 billion and 212 K9 howitzers ... for $2.4 billion"
        bounds = [m.start - a for _r, m in named] + [len(s)]
        for i, (r, m) in enumerate(named):
            own = [mo for mo in money if m.end - a <= mo.start - a < bounds[i + 1]]
            if own:
                per_money[r.name] = own[0]
    return value, package, per_money, per_pkg


# the case-insensitive checks of the words before a count, a sum or a date run on the lowercased window
# (kg.extract._fastre.lower_in_place: same spans; this module tests truthiness only and passes no
# offsets): no case folding per compared character, each window lowercased once for all of them
_WINDOW_CHECKS = lower_in_place(
    globals(),
    (
        "_AT_LEAST_BEFORE",
        "_OVERRUN_BEFORE",
        "_FIRST_KW",
        "_REMAINING_KW",
        "_SIGNED_BEFORE",
        "_DESIGNATOR_BEFORE",
        "_ORDER_FOR",
    ),
)
