"""Status triggers of a sentence and the verb class (buy, sell, neutral) of a trigger word.

Why a module: the trigger list of a sentence is the first thing every later stage reads
(roles take subjects of verbs, status weighs the triggers); building it in one pass over one
combined alternation is also what keeps the extractor fast.
"""

from __future__ import annotations

import re

from kg.extract._fastre import ascii_twin, contains_any, lower_in_place, lowered_info, prefix_guard, prefixes
from kg.extract._fastre import boundary_finditer as _boundary_finditer
from kg.extract._fastre import front_guard as _front_guard
from kg.extract.patterns import _SALE_AFTER, _SIGNED_FOR_NEXT, _TO_BUY_NEXT, _TO_SELL_NEXT
from kg.extract.vocabulary import (
    _APPROVE,
    _BUY_V,
    _I,
    _IN_HAND_FIND,
    _IN_HAND_WORDS,
    _MAKE_VERB,
    _NEUTRAL_V,
    _PURCHASE_RX,
    _PURCHASE_RX_I,
    _PURCHASE_WORDS,
    _REL_ADJ,
    _REL_SHARE,
    _RELATION_RX,
    _RELATION_RX_I,
    _RELATION_WORDS,
    _RIVAL_WORDS,
    _RIVALS,
    _SELL_V,
    TRIGGERS,
    _rx,
)


def _combined_triggers(first_letters: bool, front_guard: bool = True) -> tuple[str, dict[str, str]]:
    """All trigger patterns as one alternation (one pass per sentence instead of ten).

    At one position the first class listed wins, so "talks collapsed" is a cancellation,
    never also "talks"; the classes are listed most specific first.  ``first_letters`` (for
    the pattern run on lowercased text): each class is guarded by the three letters it can
    start with (:func:`kg.extract._fastre.prefix_guard`), so a word start ("the", "and",
    "with") skips the classes that cannot match there at once; with ``front_guard``, one guard on
    the union of every class's first letters (:func:`kg.extract._fastre.front_guard`) comes
    first, so the ~60% of word starts where no class can begin ("the", "of", "and") are rejected
    by one trie of character tests instead of one test per class (the scan costs ~25% less).  The
    front guard reads five characters: three let every word that merely starts like a trigger in
    ("the", "in", "with", "contract") into the classes; five reject them too (a third less again).
    """
    parts, names, bodies = [], {}, []
    for i, (status, rx) in enumerate(TRIGGERS):
        pat = rx.pattern.replace("AoN", "aon").replace("RFP", "rfp").replace("MoU", "mou")
        assert pat.startswith(r"\b(") and pat.endswith(r")\b"), status
        names[f"t{i}"] = status
        starts = prefixes(pat[3:-3], 3) if first_letters else None
        lower = starts is not None and "" not in starts and all(p == p.lower() for p in starts)
        guard = prefix_guard(starts) if lower else ""  # type: ignore[arg-type]
        if first_letters and not guard:
            # a class whose prefixes \w or a lookbehind cut short ("signed", "unknown") still gets the
            # guard of the characters every match opens with: else every word start enters it
            guard = _front_guard([pat[3:-3]], 3)
        parts.append(f"{guard}(?P<t{i}>{pat[3:-3]})")
        bodies.append(pat[3:-3])
    # every alternative starts with a letter, so the leading \b is exactly "no word character
    # before"; as a lookbehind it rejects positions inside words at once (1.5x faster)
    lead = _front_guard(bodies, 5) if first_letters and front_guard else ""
    return r"(?<!\w)" + lead + "(?:" + "|".join(parts) + r")\b", names


_TRIGGER_PATTERN, _TRIGGER_NAMES = _combined_triggers(first_letters=False)
_TRIGGER_RX = re.compile(_combined_triggers(first_letters=True)[0])

_REL_BE = (
    r"(?:(?:nevertheless|still|also|however|traditionally|historically)\s+)?"
    r"(?:remains?|remained|is|was|(?:has|had|have)\s+(?:long\s+|always\s+|traditionally\s+|historically\s+|"
    r"for\s+(?:decades|years|generations|(?:many|several|\w+)\s+(?:years|decades))\s+)?been|"
    r"are|were|became|becomes|(?:has\s+|have\s+|had\s+)?become|continues to be|"
    r"continued to be|stays?|stayed|ranks? as|ranked as|(?:has\s+|have\s+|had\s+)?emerged\s+as|"
    # "Paris's long role as Cairo's main supplier", "Moscow's position as Delhi's top partner"
    r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:role|position|status|standing|place)\s+as)\s+"
    r"(?:still\s+|now\s+|also\s+|by far\s+|long\s+)?"
)
_REL_NOUN = (
    r"(?:[\w-]+\s+){0,2}?" + _REL_ADJ + r"\s+(?:[\w-]+\s+){0,2}?(?:suppliers?|providers?|sources?|"
    r"(?:destination|source) for (?:arms|weapons|defen[cs]e|military) (?:purchases|imports|procurement)|"
    r"(?<=arms )partners?|(?<=defence )partners?|(?<=defense )partners?|(?<=military )partners?|"
    # "Y's second-largest military donor", "the largest donor of military aid to Y"
    r"(?<=arms )donors?|(?<=weapons )donors?|(?<=military )donors?|donors?(?=\s+of\s+(?:arms|weapons|military)\b))"
    r"(?:\s+of\s+(?:arms|weapons|military\s+(?:aid|assistance)|(?:[\w-]+\s+)?(?:equipment|hardware)))?"
)
#: "X remains Y's main arms supplier": the gap between X and Y, and what follows Y
#: also in a relative clause or an appositive after X ("X, which had long been Y's main supplier, ...",
#: "X, long Y's biggest arms supplier, ...", "X, Y's main supplier, ..."): the clause still says X
#: supplies Y
_REL_SUBJ_GAP = _rx(
    r"^\s*(?:,[^,]{0,60},\s*)?(?:" + _REL_BE + r"|,\s*(?:which|who|that)\s+" + _REL_BE + r"|"
    r",\s*(?:(?:long|once|traditionally|historically|for decades)\s+)?)(?:one of\s+)?(?:the\s+)?$"
)
_REL_OWNER = _rx(r"^(?:'s?|’s?)\s+" + _REL_NOUN + r"\b")
#: "X is the largest arms supplier to Y", "X supplies most of Y's weapons", "X accounts for
#: most of Y's arms imports"
_REL_TO_GAP = _rx(
    r"^\s*(?:,[^,]{0,60},\s*)?(?:" + _REL_BE + r"(?:the\s+|an?\s+)?" + _REL_NOUN + r"\s+(?:to|for|of|by)|"
    r"(?:\w+\s+)?(?:suppl(?:y|ies|ied|ying)|account(?:s|ed|ing)?\s+for)\s+"
    + _REL_SHARE
    + r"\s+of)\s+(?:the\s+)?$"
)
#: a relation whose buyer is a possessive pronoun, after the supplier: "X remained its biggest
#: supplier", "X, which supplied 80 per cent of its arms imports", "with X supplying most of their
#: arms", "X, its traditional supplier" (the pronoun's state is named before X:
#: kg.extract.roles._pronoun_relations)
_REL_PRONOUN_NEXT = _rx(
    r"^\s*(?:,\s*(?:which|who|that)\s+)?(?:"
    + _REL_BE
    + r"(?:one of\s+)?(?:its|their)\s+"
    + _REL_NOUN
    + r"|(?:\w+\s+)?(?:suppl(?:y|ies|ied|ying)|account(?:s|ed|ing)?\s+for)\s+"
    + _REL_SHARE
    + r"\s+of\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:arms|weapons|weaponry|imports|"
    r"(?:military|defen[cs]e)\s+(?:equipment|hardware|imports))"
    + r"|,\s*(?:(?:long|once|traditionally|historically)\s+)?(?:its|their)\s+"
    + _REL_NOUN
    + r")\b"
)
#: "Y's top supplier, X," / "Y's main arms supplier is X"
_REL_APPOS_GAP = _rx(
    r"^(?:'s?|’s?)\s+"
    + _REL_NOUN
    + r"\s*(?:,|:|\b(?:is|was|are|were|remains?|remained|has been|have been|included?)\b)\s*(?:the\s+)?$"
)
_TRIGGER_RX_I = re.compile(_TRIGGER_PATTERN, _I)
# the lowercase scans compiled with re.ASCII, for text where that is exact (kg.extract._fastre.ascii_classes)
_TRIGGER_RX_A = ascii_twin(_TRIGGER_RX) or _TRIGGER_RX
_PURCHASE_RX_A = ascii_twin(_PURCHASE_RX) or _PURCHASE_RX
_RELATION_RX_A = ascii_twin(_RELATION_RX) or _RELATION_RX


#: the object of a purchase word that is a firm or a share of one ("acquired the Danish drone maker
#: N", "its acquisition of aircraft maker N", "bought a 10% stake in N", "agreed to buy the
#: shipbuilder"): a corporate takeover, no arms transfer (the firm's state sells no weapons to the
#: buyer's).  The gap holds no preposition, so "bought 12 jets from the French maker" stays a deal
_CORP_OBJECT = re.compile(
    r"\s+(?:to\s+(?:buy|acquire|purchase|take\s+over)\s+)?(?:of\s+)?(?:(?:a|an|the|its|their|his|her)\s+)?"
    r"(?:(?:\d+(?:\.\d+)?\s*(?:%|per\s?cent)|majority|minority|controlling|significant|small|large|further|"
    r"additional|\d+(?:\.\d+)?-per-?cent)\s+)?(?:stake|shareholding|holding|equity\s+stake)s?\s+in\b|"
    r"\s+(?:to\s+(?:buy|acquire|purchase|take\s+over)\s+)?(?:of\s+)?(?:(?:a|an|the|its|their|his|her)\s+)?"
    r"(?:(?!(?:from|for|to|with|by|under|and|or|in|on|at)\b)[\w'’.&-]+\s+){0,4}?"
    r"(?:maker|manufacturer|shipbuilder|shipyard|firm|company|group|business|subsidiary|division|start-?up|"
    r"conglomerate|contractor|producer)\b(?![’'])",
    re.IGNORECASE,
)
_CORP_WORDS = (
    "stake",
    "holding",
    "maker",
    "manufacturer",
    "shipbuilder",
    "shipyard",
    "firm",
    "company",
    "group",
    "business",
    "subsidiary",
    "division",
    "start",
    "conglomerate",
    "contractor",
    "producer",
)
#: the purchase words whose object is read (the buy verbs and nouns, and "agreed"/"deal" before "to buy")
_CORP_BUY = re.compile(
    r"(?:bought|buys?|buying|acquir\w*|acquisition(?:s)?(?: of)?|purchas\w*(?: of)?|took over|takes over|"
    r"taken over|taking over|agreed|agrees|deal|agreement)$"
)


def _without_takeovers(
    s: str, low: str, out: list[tuple[str, int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """The triggers, less each purchase word whose object is a firm or a stake in one (``_CORP_OBJECT``)."""
    if not contains_any(low, _CORP_WORDS):
        return out
    return [t for t in out if not (_CORP_BUY.search(t[3]) and _CORP_OBJECT.match(s, t[2]))]


def _triggers(s: str) -> list[tuple[str, int, int, str]]:
    # lower() keeps offsets for ASCII text: match case-sensitively on it (faster than re.I)
    low, asc = lowered_info(s)  # remembered: the sentence was lowercased for earlier patterns
    if low is None:
        low, asc = s.lower(), False
    rx, text = ((_TRIGGER_RX_A if asc else _TRIGGER_RX), low) if len(low) == len(s) else (_TRIGGER_RX_I, s)
    out = []
    for m in _boundary_finditer(rx, text):  # rx.finditer's matches, found from the character before each
        name = m.lastgroup
        if name is None:  # pragma: no cover - every alternative is a named group
            continue
        out.append((_TRIGGER_NAMES[name], m.start(name), m.end(name), m.group(name).lower()))
    if contains_any(low, _PURCHASE_WORDS) and (
        purchase := [
            ("purchase", m.start(1), m.end(1), m.group(1).lower())
            for m in ((_PURCHASE_RX_A if asc else _PURCHASE_RX) if text is low else _PURCHASE_RX_I).finditer(
                text
            )
        ]
    ):
        out = out + [p for p in purchase if not any(t[1] <= p[1] < t[2] or p[1] <= t[1] < p[2] for t in out)]
        out.sort(key=lambda t: t[1])
    # the other bids of a competition (offered) and equipment in hand (delivered) win over the
    # triggers they overlap ("rival tenders", "newly procured")
    extra = []
    if contains_any(low, _RIVAL_WORDS):
        extra += [
            ("offered", m.start(), m.end(), s[m.start() : m.end()].lower()) for m in _RIVALS.finditer(s)
        ]
    if contains_any(low, _IN_HAND_WORDS):
        extra += [
            ("delivered", m.start(), m.end(), s[m.start() : m.end()].lower())
            for m in _IN_HAND_FIND.finditer(s)
        ]
    if extra:
        out = [t for t in out if not any(e[1] <= t[1] < e[2] or t[1] <= e[1] < t[2] for e in extra)] + extra
        out.sort(key=lambda t: t[1])
    if "notif" in low and "asked to" in low:
        # "according to the notification, B has asked to buy N X": the request an export notification
        # approves (the notice's stage), not talks
        out = [
            ("approved", *t[1:])
            if t[0] == "negotiating" and t[3].startswith("ask") and "notif" in low[: t[1]]
            else t
            for t in out
        ]
    if contains_any(low, _RELATION_WORDS):
        rel = [
            ("unknown", m.start(1), m.end(1), m.group(1).lower())
            for m in ((_RELATION_RX_A if asc else _RELATION_RX) if text is low else _RELATION_RX_I).finditer(
                text
            )
        ]
        if rel:
            # "X supplies most of Y's weapons": a relationship, not a delivery under way
            out = [t for t in out if not any(r[1] <= t[1] < r[2] or t[1] <= r[1] < t[2] for r in rel)] + rel
            out.sort(key=lambda t: t[1])
    return _without_takeovers(s, low, out) if out else out


#: the verbs of a buyer studying an offer ("considering a proposal", "weighing an offer")
_WEIGHS = ("consider", "evaluat", "stud", "weigh", "review", "examin", "mull")


#: "leased two X to the Y Navy", "leases N X to Peru": the lessor lets the items to a named state or
#: force (a capital after "to"; not "leased X to train pilots"), a sale, not a purchase
_LEASED_TO_NEXT = re.compile(r"^(?:\s+[\w$.,'’-]+){1,8}?\s+to\s+(?:the\s+)?[A-Z]")


#: a licensed production trigger (vocabulary.LICENSED_MAKE; a making verb is a trigger only there): its
#: maker is the licensee
_LICENSEE = re.compile(r"^(?:" + _MAKE_VERB + r"|licen[cs]e-\w+|licen[cs]ed from)$")


def _verb_class(word: str, after: str) -> str | None:
    """buy / sell / approve-buy / approve-sell / neutral for a trigger word (with what follows)."""
    if _LICENSEE.match(word):
        if after.startswith(" by "):
            return None  # "the X, built by B under licence": the subject is the item, the maker an agent
        return "buy"  # "B builds the X under licence": the licensee takes the licensor's design
    if word.startswith("leas") and _LEASED_TO_NEXT.match(after):
        return "sell"
    if word.startswith(("receiv", "book")) and word.endswith(("order", "orders", "contract", "contracts")):
        return "sell"  # "BAE received an order from B": the maker won it (as "won an order")
    if word.startswith(("sent a", "sent an", "issued", "took", "take", "taken", "taking", "receiv")) or (
        word.startswith("deliver") and " of " in word
    ):
        return "buy"  # "sent a request to France", "issued a tender", "the delivery of its first F-35s"
    if word.startswith(("submitted", "tabled", "lodged", "presented")) and "proposal" in word:
        return "sell"  # "Navantia has also submitted a proposal": the bidder offers
    if word.startswith(_WEIGHS):
        return "buy"  # "is weighing a French offer": the subject weighs what others offer
    if _APPROVE.match(word):
        if _SALE_AFTER.search(after[:80]):
            return "sell"
        return "buy"  # a state approving without "sale"/"export" approves its own purchase
    if word.startswith("sign") and _SIGNED_FOR_NEXT.match(after):
        return "buy"  # "signed for 12 K9 howitzers"
    if _NEUTRAL_V.search(word) and not _APPROVE.match(word):
        nxt = after[:50].lower()
        if _TO_BUY_NEXT.match(nxt):
            return "buy"  # "close to a deal to buy", "signed an agreement to acquire"
        if _TO_SELL_NEXT.match(nxt):
            return "sell"
    if _SELL_V.search(word):
        return "sell"
    if _BUY_V.search(word):
        return "buy"
    if _NEUTRAL_V.search(word):
        return "neutral"
    return None


# --- the extractor ---------------------------------------------------------------------------


# the case-insensitive checks of _verb_class on a trigger word and the words after it, run on the
# lowercased text (kg.extract._fastre.lower_in_place: same spans; truthiness only, no offsets); a
# trigger word repeats across sentences, and LowerRx remembers its answers
_VERB_CHECKS = lower_in_place(
    globals(), ("_APPROVE", "_NEUTRAL_V", "_SELL_V", "_BUY_V", "_SALE_AFTER", "_SIGNED_FOR_NEXT")
)
