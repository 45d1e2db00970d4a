"""A later stage told in a sentence that names neither the system nor the parties.

Why: news tells a deal in one sentence and its next stage in another whose subject is only an
anaphor of the item or the deal: "The first two arrived in March.", "All 12 had been handed over by
the end of the year.", "The boat is running a year late.", "Deliveries are due to finish in 2030.",
"The programme was later shelved.".  The general back-reference of :mod:`.patterns` (``_ANAPHORA``:
"the jets", "the deal") misses a counted subject with no noun ("all 12", "the first two"), a
category noun it does not list ("the boat", "the corvette", "the guns"), a bare "Deliveries" and
a few deal nouns ("the programme", "the package").  Such a sentence states a stage of the deal told
just before, so the labelled fact with that stage is missed when it gives no claim.

:func:`refers_back` decides whether a sentence is such a reference to the deal in context (the
nearest preceding claim); the claims it yields are marked by :func:`mark` (cue
:data:`ANAPHOR_CUE`, supplier, buyer and system listed in ``inherited``, a lower confidence:
the hand table's ``context:anaphor`` row).  Guards, each a shape where the reference would be wrong:

* the sentence names no system and no party of its own (the caller checks);
* the anaphor is the sentence's subject (its opening words, after at most a short opening phrase);
* category and number fit the deal in context: a noun's catalogue category is the system's, and a
  noun of another kind than the one the deal's sentence names is another item ("the frigate" after
  a submarine order); a count needs a counted item before ("all N" its very number, "the first N"
  fewer); a singular noun needs a deal of one item or an ordinal ("the first boat");
* the deal in context is the nearest one: in the same paragraph, or at most one sentence before,
  and never across a heading or a list item;
* not another party's fleet ("its own", "in service", "existing fleet"), not history (an
  acquisition in the pluperfect with a year, a year before the deal's own, "previously").

Negation and hedges are read by :mod:`.status` like any other sentence's, so a denied or hedged
stage stays denied or hedged.
"""

from __future__ import annotations

import re

from kg.extract.model import Claim
from kg.extract.nouns import ITEM_NOUNS

#: the cue of a claim whose sentence refers back only by an anaphor (a row of confidence.RISKS)
ANAPHOR_CUE = "context:anaphor"

_NUMBERS = {
    w: i
    for i, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
        start=1,
    )
}
#: words that may follow a count standing alone for the items ("All 12 were", "the first of them")
_VERB_AFTER_COUNT = frozenset(
    {"were", "was", "are", "is", "had", "have", "has", "will", "of", "arrived", "followed"}
)
_NUMBER = r"(?:\d{1,4}|" + "|".join(_NUMBERS) + r")\b"  # "ten", not the start of "tenders"
#: nouns of one kind of item: a noun of another group than the deal's sentence names is another item
_KINDS = (
    frozenset({"fighter", "jet", "warplane", "plane", "interceptor", "bomber", "fighter-bomber"}),
    frozenset({"helicopter", "chopper", "gunship"}),
    frozenset({"drone", "uav"}),
    frozenset({"trainer"}),
    frozenset({"tanker", "airlifter"}),
    frozenset({"submarine", "boat"}),
    frozenset({"frigate", "corvette", "destroyer", "warship", "minehunter", "carrier", "boat"}),
    frozenset({"tank", "apc", "ifv"}),
    frozenset({"howitzer", "gun", "mortar", "launcher", "mlrs"}),
    frozenset({"missile", "rocket"}),
)
#: nouns any item of its category may be called ("the aircraft", "the vessel")
_GENERIC = frozenset({"aircraft", "vessel", "ship", "vehicle", "system", "unit", "platform", "battery"})

_OPENING = r"(?:(?:By|In|On|Since|As of|So far|To date|Meanwhile|However|But|And|Now|Later|Eventually|Then)\b[^,.;]{0,40},\s*)?"
_ORDINAL = r"(?:first|last|remaining|other|final|next|initial|second|third)"
#: "All 24", "The first two", "The remaining three", "The first" (a count standing for the items)
_COUNTED = re.compile(
    _OPENING + r"(?:(?P<all>All|Both)(?:\s+of\s+them)?|(?:The|Only\s+the)\s+(?P<ord>" + _ORDINAL + r"))"
    r"(?:\s+(?P<n>" + _NUMBER + r"))?(?:\s+(?P<noun>[a-z][\w-]*))?\b",
)
#: a bare count standing for the items before its verb: "Twelve have arrived so far", "So far, 20 of them
#: have been handed over" (a share of the deal in context: fewer than, or all of, its counted items)
_BARE_COUNT = re.compile(
    _OPENING + r"(?P<n>" + _NUMBER + r")(?:\s+of\s+them)?\s+(?:have|has|had|were|was|are)\b",
    re.IGNORECASE,
)
#: a follow-on batch: "Six more jets", "Another four boats", "A further 12 guns"
_MORE = re.compile(
    _OPENING
    + r"(?:(?P<n>"
    + _NUMBER
    + r")\s+more|another(?:\s+(?:"
    + _NUMBER
    + r"))?|a\s+further(?:\s+(?:"
    + _NUMBER
    + r"))?)\s+(?P<words>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})",
    re.IGNORECASE,
)
#: "The boat", "These corvettes", "The guns"
_NOUN = re.compile(
    _OPENING + r"(?:The|These|Those|This|That)\s+(?P<words>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
)
#: "Deliveries", "First deliveries", "The first handovers", "The programme", "The package"
_DEAL = re.compile(
    _OPENING + r"(?:(?:The|This|That)\s+)?(?:(?:first|initial|final|remaining|further)\s+)?"
    r"(?:deliver(?:y|ies)|handovers?|(?:programme|program|package|project|acquisition|purchase)\b)",
    re.IGNORECASE,
)
#: another party's fleet, not the deal's items
_FLEET = re.compile(
    r"\b(?:its|their|his|her)\s+own\b|\bin service\b|\bexisting\b|\bfleet\b|\balready (?:operates|flies|has)\b",
    re.IGNORECASE,
)
#: history: an acquisition told in the pluperfect, or a word placing it earlier
_HISTORY = re.compile(
    r"\bhad\s+(?:been\s+)?(?:bought|acquired|purchased|ordered|procured)\b|\bpreviously\b|\bformerly\b|"
    r"\bdecades?\s+ago\b|\bin the past\b|\bearlier\s+(?:order|deal|contract|batch)\b",
    re.IGNORECASE,
)
#: a modal hedge ("could be cancelled", "may arrive"): the stage stays hedged
#: (the hand table's cost of a hedged claim, confidence._score)
HEDGE_COST = 0.15
_MODAL = re.compile(r"\b(?:may|might|could)\b")  # lower case: "May" at a date is the month
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: a list item line ("- ", "* ", "2. ", "# ")
_LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)]|#)\s")
#: a heading or list item line between the deal and the sentence (a heading ends with no full stop)
_BOUNDARY_LINE = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)]|#)\s|[^\n]*[^\s.!?\"'’”)]\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]?\s")


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


def _singular(noun: str) -> str:
    n = noun.lower()
    if n.endswith("ies"):
        return n[:-3] + "y"
    return n[:-1] if n.endswith("s") and not n.endswith("ss") and n[:-1] in ITEM_NOUNS else n


def _item_word(words: str) -> str | None:
    """The first item noun of the (up to three) words after a determiner or a count ("new jets")."""
    return next((w for w in words.split() if _singular(w) in ITEM_NOUNS), None)


def _noun_fits(noun: str, prev: Claim) -> bool:
    """Whether an item noun may name the system of ``prev`` (category, then kind of item)."""
    n = _singular(noun)
    if prev.system is None or n not in ITEM_NOUNS:
        return False
    category = ITEM_NOUNS[n]
    if category is not None and category != prev.system.category:
        return False
    if n in _GENERIC or category is None:
        return True
    told = {_singular(w) for w in re.findall(r"[a-z][\w-]*", prev.evidence.text.lower())}
    mine = [k for k in _KINDS if n in k]
    stated = [k for k in _KINDS if k & told and ITEM_NOUNS.get(next(iter(k & told))) == category]
    return not stated or any(k in stated for k in mine)


def names_its_kind(noun: str, prev: Claim) -> bool:
    """Whether a counted item noun of another state's purchase names the kind of item ``prev``'s
    system is ("B placed an order for 54 howitzers" after a howitzer deal): its category and kind
    fit, and it is no noun any item of the category may be called ("aircraft", "system"), which
    says too little to tie a new buyer to that system."""
    return _singular(noun) not in _GENERIC and _noun_fits(noun, prev)


def _nearest(text: str, written: str | None, prev: Claim, a: int) -> bool:
    """Whether ``prev``'s sentence is near enough: same paragraph or one sentence between, no
    heading or list item between (nor the sentence itself a list item)."""
    gap = text[prev.evidence.end : a]
    lines = gap.split("\n")
    if len(lines) > 1:
        if any(_BOUNDARY_LINE.match(x) for x in lines[1:-1] if x.strip()):
            return False
        if _LIST_ITEM.match(written or text, a - len(lines[-1])):
            return False
    if re.search(r"\n\s*\n", gap) is None:
        return True
    return len(_SENTENCE_END.findall(gap + " ")) <= 1


def _totals(prev: Claim, earlier: list[Claim]) -> set[int]:
    """The counts "all N" may stand for: the deal's quantity, or the sum of every order of the same
    system by the same buyer told so far ("18 jets ... six more ...; all 24")."""
    out = {prev.quantity} if prev.quantity else set()
    per_deal: dict[str, int] = {}
    for c in earlier:
        if (
            not c.negated
            and c.quantity
            and c.system is not None
            and prev.system is not None
            and c.system.name == prev.system.name
            and c.buyer.iso3 == prev.buyer.iso3
        ):
            per_deal[c.deal_key] = max(per_deal.get(c.deal_key, 0), c.quantity)
    if per_deal:
        out.add(sum(per_deal.values()))
    return out


def _counts_items(m: re.Match[str]) -> bool:
    """Whether a count opening a sentence stands for items: alone before its verb ("All 12 were",
    "the first arrived", "the first arrives"), before an item noun or a plural ("the first two units");
    "the first time" is something else."""
    noun = m.group("noun")
    return (
        noun is None
        or _singular(noun) in ITEM_NOUNS
        or noun in _VERB_AFTER_COUNT
        or noun.endswith("ed")
        or noun.endswith("s")
    )


def _count_kind(m: re.Match[str], prev: Claim, totals: set[int]) -> str | None:
    """ "count" when a count fits the deal in context (its item's kind, its number), else None."""
    n, noun, quantity = _count(m.group("n")), m.group("noun"), prev.quantity
    if noun is not None and _singular(noun) in ITEM_NOUNS and not _noun_fits(noun, prev):
        return None
    if m.group("all"):
        n = 2 if m.group("all") == "Both" else n
        return "count" if n is None or n in totals else None
    if n is not None and (quantity is None or n >= quantity) and m.group("ord") != "remaining":
        return None  # "the first two" of a deal that counted its items, fewer of them
    if n is None and noun is None and quantity is None:
        return None  # "the first" needs a counted item before
    return "count"


def _subject(s: str, prev: Claim, totals: set[int]) -> str | None:
    """The kind of anaphor opening ``s`` that fits ``prev`` ("count", "more", "deal", "noun"), else None."""
    quantity = prev.quantity
    m = _COUNTED.match(s)
    if m is not None and _counts_items(m):
        return _count_kind(m, prev, totals)
    m = _BARE_COUNT.match(s)
    if m is not None:
        n = _count(m.group("n"))
        return "count" if n is not None and quantity is not None and n <= quantity else None
    m = _MORE.match(s)
    if m is not None and (noun := _item_word(m.group("words"))) is not None:
        return "more" if _noun_fits(noun, prev) else None
    m = _DEAL.match(s)
    if m is not None:
        return "deal"
    m = _NOUN.match(s)
    if m is not None and (noun := _item_word(m.group("words"))) is not None:
        plural = _singular(noun) != noun.lower()
        if not _noun_fits(noun, prev) or (not plural and quantity is not None and quantity > 1):
            return None
        return "noun"
    return None


def _history(s: str, prev: Claim) -> bool:
    """Whether the sentence tells history: a pluperfect acquisition, or a year before the deal's order
    (its report date does not count: "ordered in 2017" may follow news of this week)."""
    if _HISTORY.search(s):
        return True
    years = [int(y) for y in _YEAR.findall(s)]
    return bool(years and prev.order_year and min(years) < prev.order_year)


def refers_back(
    text: str, a: int, b: int, prev: Claim | None, earlier: list[Claim], written: str | None = None
) -> str | None:
    """The anaphor kind when sentence ``text[a:b]`` (no system, no party of its own) states a stage of
    ``prev``, the deal in context, by an anaphoric subject alone; None when a guard fails.
    ``text`` is the extractor's masked copy, ``written`` the article as written (list markers are
    masked out of the copy; default ``text``); ``earlier``: the article's claims so far (the orders
    an "all N" may add up)."""
    if prev is None or prev.system is None or prev.negated:
        return None
    s = text[a:b]
    kind = _subject(s, prev, _totals(prev, earlier))
    if kind is None or _FLEET.search(s) or _history(s, prev) or not _nearest(text, written, prev, a):
        return None
    if any(_other_item(w, prev) for w in re.findall(r"[a-z][\w-]*", s.lower())):
        return None  # "the package covers 20 aircraft" after a tank deal: another deal
    return kind


def _other_item(word: str, prev: Claim) -> bool:
    """Whether ``word`` is an item noun of another category than ``prev``'s system."""
    category = ITEM_NOUNS.get(_singular(word))
    return category is not None and prev.system is not None and category != prev.system.category


def mark(claim: Claim, cost: float, sentence: str) -> None:
    """Mark a claim of an anaphoric sentence: its parties and system come from the deal in context.
    A modal the stage reader left unread ("could be shelved", "may arrive") hedges it: ``possible``,
    with the hand table's cost of a hedge."""
    claim.cues.append(ANAPHOR_CUE)
    claim.inherited = [
        *claim.inherited,
        *(f for f in ("supplier", "buyer", "system") if f not in claim.inherited),
    ]
    if claim.modality is None and _MODAL.search(sentence):
        claim.modality = "possible"
        cost += HEDGE_COST
    claim.confidence = max(0.05, claim.confidence - cost)
