"""Structural cues of a claim's sentence that say how far its pairing can be trusted.

Why a module: the role step decides *who* is supplier and buyer; this stage only asks, after the
fact, whether the sentence's structure makes that decision risky, and names the risk as a cue the
claim carries (``Claim.cues``) so :mod:`.confidence` can weigh it.  On text the rules were not
written for, the confident wrong claims share a few shapes, none tied to a word list:

* ``buyer:origin-adjective`` - the buyer is named only as a demonym right before a system
  ("the Swedish X", "the Norwegian-American Y"): the adjective says who makes the item, not who
  buys it;
* ``actor:pronoun`` - the deal verb's subject is a pronoun ("it has handed ...", "guns they
  donated"): the actor is named in another sentence, so the party the sentence does name was
  picked for the role;
* ``pair:two-subjects`` - supplier and buyer are each the subject of their own verb ("A ordered
  X, and B signed for Y"): two clauses, two deals, paired across;
* ``supplier:company-abroad`` - the supplying firm is tied to another state in the same phrase
  ("<firm>'s <state> plant/subsidiary"): the firm's home may not be the supplier;
* ``supplier:origin-of-other-item`` - the supplier is only an origin ("X-made", "French") that
  qualifies another item than the system ("its British-made seats"); arms in general ("Indian
  weapons") cover any item;
* ``system:no-trigger-in-clause`` - the system sits in a clause with no deal word of its own
  ("... since the X was retired"): it is background to the sentence's deal;
* ``system:name-fragment`` - a designation-shaped unknown right after a catalogue name ("<name>
  Evolved Mk3"): a qualifier of that name, not a system of its own;
* ``pair:other-clause`` - the buyer and the system are named in different coordinate clauses
  ("A is buying the same, and B and C have bought X from D"), or the claim pairs something named
  only in an opening participle clause with something named only in the main clause ("Having
  sold X to A, B ordered Y from C"): paired across two events;
* ``pair:split-actors`` - no system named, the supplier the actor of one coordinate clause (a verb's
  subject, a firm, a "with" partner) and the buyer named only in another ("A's yard builds ships for
  B, and C's firm has offered submarines to D"): two deals paired across; such a claim is dropped
  (:func:`.confidence.background`);
* ``party:in-list`` - the buyer is named only inside a list of three or more states (other
  customers, bidders, operators);
* ``stage:intent`` / ``stage:negated-verb`` / ``stage:comparison`` - a deal word or the system
  governed by interest or evaluation ("is evaluating", "said it would buy"), by a negation ("has
  not delivered"), or the item or a party named as the option not taken ("chosen over the",
  "instead of", "pitted against");
* ``stage:never`` - with ``stage:negated-verb``, the deal word right after "never" ("X was never
  offered to B"), the supplier only the item's origin and the buyer only named or a bare recipient:
  no deal at any time; such a claim is dropped (:func:`.confidence.background`);
* ``party:negated`` - every mention of a party is followed closely by a negation ("X said it would
  no longer block", "Y did not take part"): the party refuses or stays out;
* ``stage:retiring`` - the system is named as a fleet being retired ("the X fleet it retired",
  "is retiring its X"): the old fleet, not the deal's item;
* ``context:new-paragraph`` - a party or the system carried over from context into the first
  sentence of a paragraph that opens with a time stamp (a live blog's next entry is another story);
* ``context:boilerplate`` - the sentence is in a paragraph opening with "About <Name>": a profile, not news;
* ``stage:in-service`` - the buyer's verb describes a fleet in service ("operates", "relies on"), or a
  buyer no verb ties has a fleet verb before the system (also across the list it governs) and no
  deal word of the system's own after it ("the air force currently operates US-built X"; "flew only
  Y-designed P and Q, and now also operates R donated by Z"), or is told as in service right after the system ("the X, in
  service since ..."), or every mention of the system is a force's own ("the navy's X", "its Y") in a
  sentence about upkeep of a fleet in hand ("upgrade", "spare parts", "fleet"), and the supplier is
  only the item's origin (also "X-made"): a fleet, not a transfer the text states.
* ``supplier:licensor-unnamed`` - the buyer is the maker of a licensed production ("B builds the X
  under licence") and the supplier only the item's origin, its state named by no name, capital or
  firm: production at home, no transfer (labelling guidelines, rule 7); such a claim is dropped
  (:func:`.confidence.background`);
* ``supplier:fleet-origin-only`` - with ``stage:in-service`` and a named system: the supplier's state is named in the
  sentence by no name, capital or firm, only by the item's origin ("the army operates Soviet-era X,
  bought in the 1970s"): a fleet's history, no transfer from a party the text names;
* ``system:context-beside-other`` - the system was carried over from another sentence although
  this one names a system of its own (not the claim's): the sentence is about its own item ("the
  guns replace the X that A sent to B"), and the role step could not tie the named one;
* ``pair:untied`` - the buyer is only named in the sentence (no verb, preposition or possessive gives
  it the role, and it is not the sentence's opening subject) and the supplier is only the system's
  catalogue origin: a state named near a system; such a claim is dropped unless another claim of the
  article states the same pair and system with a cue (:func:`.confidence.calibrate`);
* ``system:used-from`` - every mention of the system is a platform another item is used from ("the
  missiles the air force fires from its X jets", "the helicopters fly from the carrier X") and the
  supplier is only the system's catalogue origin or carried over from the deal in context (a platform
  of unknown make takes the carried item's seller): a platform in hand, no transfer; such a claim is
  dropped (:func:`.confidence.background`);
* ``system:part-for`` - every mention of the system is the platform a part is for ("A's firm supplies
  engines for B's X", "missiles for the navy's new Y frigates") and the supplier is only the
  platform's maker: the part changes hands, not the platform; such a claim is dropped
  (:func:`.confidence.background`);
* ``party:org-named-only`` - an international organisation is a party of the claim with only a
  ``mention`` cue ("meets NATO standards", "the EU agreed to compensate B"): a
  standard-setter or funder named near the deal, not its buyer or seller; such a claim is dropped
  (:func:`.confidence.background`);
* ``stage:deployment`` - the system's clause moves or bases a state's own forces abroad ("sent N X
  to B for air policing", "deployed to B for exercises", "X batteries were stationed in B") with no
  word of a change of hands: no transfer; such a claim is dropped (:func:`.confidence.background`);
* ``stage:speculation`` - every deal word of the sentence stands after a pundit's modal ("analysts
  say B could buy X"): a guess, no deal stated; such a claim is dropped
  (:func:`.confidence.background`);
* ``stage:interest-only`` - the buyer only carried over, the supplier only the item's origin, and the
  system only under "considering" / "contemplating" ("It is also contemplating ordering A-ian X"):
  an interest, no deal and no party named; such a claim is dropped (:func:`.confidence.background`).

``party:one-of-many`` (three or more suppliers or buyers read from one sentence) needs the
sentence's other claims and is added by :func:`.confidence.calibrate`.

Each check is local to one sentence and made once per sentence (:class:`Sentence`, shared by the
sentence's claims, reusing the triggers the extractor found); the weights are in :mod:`.confidence`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from kg.extract._fastre import LowerRx, NeedsRx, contains_any
from kg.extract.entities import Mention
from kg.extract.model import Claim
from kg.extract.triggers import _triggers
from kg.extract.vocabulary import _MAKE_VERB, RETIRE_VERB

#: a personal pronoun as a verb's subject, with the auxiliaries and adverbs between them
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they|he|she)\s+(?:(?:has|have|had|also|already|then|later|since|will|would|could|is|are|was|"
    r"were|been|recently|just|now|itself|themselves)\s+){0,3}$",
    re.IGNORECASE,
)
#: a clause boundary inside a sentence: a semicolon or dash, or a comma or conjunction opening a
#: subordinate or coordinate clause
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|\s--\s|,\s+(?:while|whereas|although|though|after|since|before|when|as|unlike|until)\b|"
    r"\s(?:since|while|whereas|although|though|because|unlike|until)\s",
    re.IGNORECASE,
)
_AFTER_COMMA = "while|whereas|although|though|after|since|before|when|as|unlike|until"
_AFTER_SPACE = "since|while|whereas|although|though|because|unlike|until"
#: :data:`_CLAUSE_BREAK`'s matches, found faster: the pattern opens with the character every alternative
#: consumes first (``[;,\s]``: re skips to those in a C loop instead of entering the pattern at every
#: position), each alternative checks it behind ``(?<=c)`` (the whitespace ones first: no character is
#: both a comma and a space, so the order between them changes nothing), and the words are matched on
#: the lowercased sentence where that is exact (:class:`kg.extract._fastre.LowerRx`)
_CLAUSE_BREAK_SCAN = LowerRx(
    r"[;,\s](?:(?<=;)|(?<=\s)(?:[—–]\s|--\s|(?:"
    + _AFTER_SPACE
    + r")\s)|(?<=,)\s+(?:"
    + _AFTER_COMMA
    + r")\b)"
)
#: between a demonym and the system it qualifies: nothing, or the other half of a compound origin
_ORIGIN_GAP = re.compile(r"^(?:[-‐‑–][A-Z][\w]+)?[\s-]*$")
#: between two parts of one written name ("<catalogue name> <qualifier> <pattern designation>")
_NAME_GAP = re.compile(r"^\s(?:[A-Z][\w-]*\s)?$")
#: between two items of a list of parties ("A, B and C", "the Spanish X, Israeli Y and Swedish Z")
#: the gap before a list's last member ("and", "or")
_LIST_END = re.compile(r"\b(?:and|or)\s+(?:the\s+)?$")
_LIST_GAP = re.compile(r"^(?:\s+[\w./-]+){0,3}?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")
#: interest, evaluation or intention governing a deal word or the system ("is evaluating",
#: "weighing", "said it would buy", "interested in", "plans to")
_INTENT = re.compile(
    r"\b(?:evaluat\w*|weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|stud(?:y|ies|ied|ying)|"
    r"look(?:s|ed|ing)?\s+(?:at|into)|interest(?:ed)?\s+in|eye(?:s|d|ing)?|explor\w*|mull\w*|"
    r"would|intend\w*|intention\s+to|contemplat\w*)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: a buyer's interest in a purchase, nothing more ("is contemplating buying X", "was considering ordering
#: X"): unlike "weighing an offer" it states no offer, talks or decision (labelling rule 5: expressed
#: interest is not a fact); no offer or proposal noun may stand between the verb and the system
_INTEREST_ONLY = re.compile(
    r"\b(?:consider(?:s|ed|ing)?|contemplat(?:e|es|ed|ing)|mull(?:s|ed|ing)?)\s+"
    r"(?:(?!(?:offers?|proposals?|bids?|pitch|sale|purchase)\b)[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_INTEREST_WORDS = ("consider", "contemplat", "mull")
#: buyer cues that name no buyer in the sentence: carried over from the article or the context
_CARRIED_BUYERS = frozenset({"buyer:focus", "buyer:context", "buyer:pronoun"})
#: a negation right before a deal word ("would not allow", "no longer block", "never received")
_NEGATION = re.compile(
    r"\b(?:not|n't|no longer|never|neither|nor|without)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: "never" right before a deal word ("was never offered", "has never confirmed supplying"): the deal
#: did not happen at any time, unlike "not yet" or "has not progressed" (a deal that stalls)
_NEVER = re.compile(r"\bnever\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
#: buyers only named or a bare recipient ("offered to B"), no verb of their own
_WEAK_BUYERS = ("buyer:mention", "buyer:passive-recipient", "buyer:to")
#: a comparison or rival right before an item or party ("chosen over the", "instead of", "rather than")
_COMPARISON = re.compile(
    r"\b(?:(?:chose|chosen|choosing|selected|selecting|picked|preferred|favou?red)\s+(?:[\w-]+\s+){0,3}?over|"
    r"instead\s+of|rather\s+than|in\s+place\s+of|in\s+preference\s+to|alternatives?\s+to|"
    r"beat(?:s|ing)?|outbid\w*|pitted\s+against|compet(?:ed|ing)\s+against|up\s+against|lost\s+out\s+to|"
    r"edged\s+out|in\s+competition\s+with)\s+(?:[\w-]+\s+){0,6}$",
    re.IGNORECASE,
)
#: a fleet in service, not a transfer ("operates", "relies on", "flies", "has used")
_IN_SERVICE = re.compile(
    r"^(?:\w+\s+)?(?:operat\w*|reli\w*|rel(?:y|ies)\s+on|fl(?:y|ies|ew|own)|us(?:e|es|ed|ing)|field\w*|"
    r"in service|inventory)\b"
)
#: supplier cues that give only the item's origin (with a fleet verb: a fleet in service, no transfer)
_ORIGIN_ONLY = frozenset({"system-origin", "origin-modifier", "demonym-item", "mention", "focus", "made"})
#: a fleet verb as the sentence's own word ("currently operates", "fields", "relies on") and how far
#: before the system it is looked for
_FLEET_WORD = re.compile(
    r"\b(?:operat(?:es|ing)|flies|flew|fields|relies\s+on|rely\s+on|in\s+service\s+with)\b", re.IGNORECASE
)
_FLEET_REACH = 80
#: supplier cues that make the supplier the actor of its own clause (a verb's subject, a firm, a
#: "with" partner), unlike an item's origin or an earlier customer
_CLAUSE_ACTORS = frozenset({"subject", "company", "with"})
#: how far a fleet verb reaches over a list of the items it governs ("already operates X-built P, Y-built Q
#: and a handful of Z-built R"), as long as no clause or deal word intervenes (:func:`_one_list`)
_FLEET_LIST_REACH = 160
#: how far after an in-service word its own object is looked for ("now also operates <system>")
_OWN_OBJECT_REACH = 30
#: a force's own item: its owner right before the system ("the air force's X", "the navy's ageing Y",
#: "its Z"), at most an age word between them ("first", "new", "additional" are not allowed: "its
#: first X" is the deal's item)
_FORCE_OWNER = re.compile(
    r"\b(?:(?:the\s+)?(?:air\s+force|army|navy|marines?|coast\s+guard|armed\s+forces|military)(?:'s|’s)|its|their)"
    r"\s+(?:(?:ageing|aging|old|older|existing|current|remaining|legacy|fleet\s+of)\s+)?$",
    re.IGNORECASE,
)
#: a fleet in service told right after the system ("the X, in service since 1999", "the X, which has
#: been in service with ...")
_IN_SERVICE_AFTER = re.compile(
    r"[\s,]*(?:which\s+|that\s+)?(?:(?:has|have)\s+been\s+|is\s+|are\s+)?in\s+service\b", re.IGNORECASE
)
#: what is done to a fleet a force already has: kept, upgraded, maintained, in service
_FLEET_CARE = re.compile(
    r"\b(?:fleet|in\s+service|at\s+sea|upgrad\w*|overhaul\w*|spare\s+parts|maintenance|maintain\w*|"
    r"life[- ]extension|moderni[sz]\w*|refit\w*|retrofit\w*|sustainment)\b",
    re.IGNORECASE,
)
#: a state glued to a making word: "US-made", "US-built", "Russian-origin", "Soviet-designed"
_MADE_SUFFIX = re.compile(r"-(?:made|built|origin|designed|manufactured)\b", re.IGNORECASE)
#: a coordinate clause with its own subject (", and Estonia has ...", "; the navy ...")
#: a coordinator that opens a second predicate ("operates P and has ordered Q", "flies P, and last year
#: it bought Q", "; it also ordered")
_COORDINATOR = re.compile(r";|\b(?:and|but|while|whereas)\s")
_COORDINATE = re.compile(r";|,\s+(?:and|but|while|whereas)\s+(?=(?:the\s+)?[A-Z])")
#: a negation in the few words after a party ("X indicated that it would no longer block", "Y did not
#: take part"): the party refuses or stays out, it does not deal
_NEGATED_AFTER = re.compile(
    r"[^,;.]{0,40}?\b(?:not|n't|no longer|never|neither|nor|declin\w+ to|refus\w+ to)\b", re.IGNORECASE
)
#: a boilerplate paragraph about a company or an agency ("About X: X is a ...")
_ABOUT = re.compile(r"\s*(?:About|ABOUT)\s+[A-Z]")
#: how far back a sentence looks for the start of its paragraph (keeps the check linear in text size)
PARAGRAPH_LOOKBACK = 3000
#: a fleet being retired or replaced ("is retiring its", "was withdrawn", "phasing out")
_RETIRE = r"(?:" + RETIRE_VERB + r"|decommission\w*|withdr[ae]wn?|mothball\w*|scrapp(?:ed|ing))"
_RETIRING_BEFORE = re.compile(r"\b" + _RETIRE + r"\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_RETIRING_AFTER = re.compile(r"[^\w,;.]*(?:[\w-]+\s+){0,3}?" + _RETIRE + r"\b", re.IGNORECASE)
#: a live blog entry's time stamp before its first sentence ("10:45 -", "14.30 GMT:")
_ENTRY_HEAD = re.compile(
    r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|CET|IST|BST|local time)?\s*[-–—:|]?\s*", re.IGNORECASE
)
#: between an origin ("British-made", "French") and the item it qualifies: at most three words
_QUALIFIES = re.compile(r"^(?:'s|’s)?[\s-]*(?:made\s+|built\s+|designed\s+)?(?:[\w-]+\s+){0,3}?$")
#: an origin qualifying arms in general ("Indian weapons", "US-made equipment") covers any item
_GENERIC_ITEMS = re.compile(
    r"(?:'s|’s)?[\s-]*(?:made\s+|built\s+)?(?:[\w-]+\s+){0,2}?(?:weapons|arms|equipment|hardware|"
    r"systems|materiel|kit|platforms)\b",
    re.IGNORECASE,
)
#: an opening participle or adverbial clause with its own event ("Having sold X to A, B ordered ...",
#: "After taking delivery of X, A signed ...", "Delivered by A in 2010, the X ..."), up to its comma
_OPENER = re.compile(
    r"\s*(?:Having\s+\w+|After\s+\w+ing|Before\s+\w+ing|(?:[A-Z]\w+ed)\s+(?:by|from|to|in|for)|"
    r"(?:Since|Once|When)\s+(?:\w+ing))\b[^,;]{3,200},"
)
#: the words each positional check of :class:`Sentence` cannot match without: a sentence that has
#: none of them skips that check's regex at every spot (most sentences have no intent, negation,
#: comparison or retirement at all)
_NEGATION_WORDS = ("not", "n't", "no longer", "never", "neither", "nor")
_HINTS: dict[str, tuple[str, ...]] = {
    "intent": (
        "evaluat",
        "weigh",
        "consider",
        "stud",
        "look",
        "interest",
        "eye",
        "explor",
        "mull",
        "would",
        "intend",
        "contemplat",
    ),
    "negation": (*_NEGATION_WORDS, "without"),
    "comparison": (
        "chos",
        "select",
        "picked",
        "prefer",
        "favo",
        "instead",
        "rather",
        "place",
        "alternative",
        "beat",
        "outbid",
        "against",
        "lost out",
        "edged",
        "competition",
    ),
    "negated-after": (*_NEGATION_WORDS, "declin", "refus"),
    "retiring": ("retir", "phas", "decommission", "withdr", "mothball", "scrapp"),
}
_HINTS["retiring-after"] = _HINTS["retiring"]
#: a firm's own unit in another state: "<firm>'s <state> plant"
_POSSESSIVE = re.compile(r"^(?:'s|’s)\s+$")

#: right before an item: the platform another item is used from ("missiles the air force fires from
#: its X jets", "the helicopters now fly from the carriers X and Y", "launched from the X frigate")
_USED_FROM = re.compile(
    r"\b(?:fl(?:y|ies|ew|own|ying)|fir(?:e|es|ed|ing)|launch(?:es|ed|ing)?|operat(?:e|es|ed|ing)|deploy(?:s|ed)?)"
    r"\s+(?:(?:them|it)\s+)?from\s+(?:(?:the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:(?:[A-Z][\w-]*|and|or|,)\s+){0,8}?\Z"
)
#: right before an item: the platform a part is for ("supplies engines for A's X", "requested missiles for
#: the navy's new X frigates", "spare parts for its X jets"): the part is what changes hands
_PART_FOR = re.compile(
    r"\b(?:engines?|turbofans?|radars?|sensors?|missiles?|interceptors?|munitions|ammunition|rounds|shells|"
    r"torpedoes|components?|parts|spares|subsystems?|avionics|seats?|guns?|turrets?)\s+for\s+"
    r"(?:(?:the|its|their|a|an)\s+)?(?:[\w'’.-]+\s+){0,4}?\Z",
    re.IGNORECASE,
)
#: a state's own forces moved abroad for an exercise or a mission ("sent four X jets to B for NATO air
#: policing", "deployed by the A-ian Army to B for exercises", "flew X to B to take part in a drill"):
#: the equipment stays the sender's, no transfer (the purpose phrase decides, not the verb, which also
#: tells of donations: "sent X to B in 2022")
_DEPLOYMENT = re.compile(
    r"\b(?:sent|sends|send|sending|deploy(?:s|ed|ing)?|dispatch(?:es|ed|ing)?|flew|flown|rotat(?:es|ed|ing)|"
    r"station(?:s|ed|ing)?|moved|moves)\b[^.;]{0,120}?\b(?:for|to\s+(?:take\s+part|participate|join)\s+in)\s+"
    r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|air[- ]policing|policing|"
    r"missions?|patrols?|patrolling|rotations?|manoeuvres|maneuvers|war\s?games)\b",
    re.IGNORECASE,
)
#: a force's equipment based abroad ("allied X batteries were stationed in the country", "US Y jets are
#: based at Z"): basing, no transfer
_BASED = re.compile(
    r"\b(?:were|was|are|is|have\s+been|has\s+been|remain|remained)\s+(?:\w+\s+)?"
    r"(?:stationed|based|deployed|forward-deployed|rotated)\s+(?:in|at|to|on|through)\b",
    re.IGNORECASE,
)
_DEPLOYMENT_WORDS = (
    "exercise",
    "drill",
    "policing",
    "mission",
    "patrol",
    "rotat",
    "manoeuvre",
    "maneuver",
    "war game",
    "wargame",
    "stationed",
    "based",
    "deployed",
)
#: words of a change of hands, which a deployment sentence does not use ("donated", "handed over")
_HANDOVER = re.compile(
    r"\b(?:donat\w*|gift\w*|handed\s+over|hand\s+over|sold|sale|transfer\w*|purchas\w*|bought|order\w*)\b",
    re.IGNORECASE,
)
#: a pundit's guess: analysts, experts or observers saying what could or would happen ("analysts say B
#: could buy X next", "a move analysts said would help A's firm win tenders"); the words after the
#: modal are their speculation, not news of a deal
_SPECULATION = re.compile(
    r"\b(?:analysts?|experts?|observers?|commentators?|pundits?)\b[^.;]{0,60}?\b(?:said|say|says|believe|"
    r"believes|think|thinks|expect|expects|suggest|suggests|speculat\w+|predict\w*|reckon\w*)\b[^.;]{0,80}?"
    r"\b(could|may|might|would|will\s+likely|(?:is|are)\s+likely\s+to)\b",
    re.IGNORECASE,
)
_SPECULATION_WORDS = ("analyst", "expert", "observer", "commentator", "pundit")
#: the buyer as the subject of a making verb: only a licensed production trigger makes the maker a
#: buyer (kg.extract.triggers._verb_class; a maker is otherwise the seller)
LICENSEE_CUE = re.compile(r"^buyer:subject:(?:\w+ )*?" + _MAKE_VERB + r"$")
#: supplier cues that only name who made the platform (its catalogue origin, a maker's possessive, a
#: builder), never a party that acts in the sentence
_MAKER_ONLY = frozenset({"system-origin", "origin-modifier", "made", "built-by", "made-by"})

Trigger = tuple[str, int, int, str]


def _sentence_mentions(mentions: list[Mention], starts: list[int], a: int, b: int) -> list[Mention]:
    i = bisect_left(starts, a)
    out = []
    while i < len(mentions) and mentions[i].start < b:
        if mentions[i].end <= b:
            out.append(mentions[i])
        i += 1
    return out


class Sentence:
    """What every claim of one sentence shares, computed once per sentence instead of once per claim.

    Why: a sentence yields several claims (one per system and dyad) and the checks of a claim are
    mostly about the sentence (its mentions, triggers, clauses, lists, paragraph) or about a position
    in it (is the word at x governed by intent, a negation, a comparison?); those results are kept
    here, so the cost of the cues grows with the sentences of an article, not with its claims.
    ``s`` is the sentence, ``a`` its offset in ``text``; ``ms`` its mentions."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        starts: list[int],
        a: int,
        b: int,
        trig: list[Trigger] | None = None,
    ) -> None:
        self.text, self.a, self.b = text, a, b
        self.s = s = text[a:b]
        self.ms = _sentence_mentions(mentions, starts, a, b)
        self.trig: tuple[Trigger, ...] = tuple(_triggers(s) if trig is None else trig)
        self.parties = [m for m in self.ms if m.kind == "party" and m.iso3]
        self.systems = [m for m in self.ms if m.kind == "system"]
        self._memo: dict[tuple[str, int], bool] = {}
        self._hinted: dict[str, bool] = {}
        self._low: str | None = None
        self._listed: set[int] | None = None
        self._clauses: tuple[tuple[int, int], ...] | None = None

    @property
    def low(self) -> str:
        """The sentence lowercased, once (every claim's word gates read it)."""
        if self._low is None:
            self._low = self.s.lower()
        return self._low

    def hinted(self, kind: str) -> bool:
        """Whether the sentence holds a word a ``kind`` check needs (:data:`_HINTS`); without one,
        :meth:`check` is False at every position.  Callers ask it before a loop of checks (nine in
        ten of them are of a sentence without the words: one test, not a call per position)."""
        hinted = self._hinted.get(kind)
        if hinted is None:
            hinted = self._hinted[kind] = contains_any(self.low, _HINTS[kind])
        return hinted

    def check(self, kind: str, x: int) -> bool:
        """Whether the word at ``x`` is governed by ``kind``: "intent", "negation" (a negation
        before it), "comparison", "negated-after" (a negation after it), "retiring" (a retiring verb
        before it), "retiring-after" (after it)."""
        if not self.hinted(kind):
            return False
        key = (kind, x)
        hit = self._memo.get(key)
        if hit is None:
            s = self.s
            if kind == "intent":
                hit = bool(_INTENT.search(s, max(0, x - 40), x)) and not _NEGATION.search(
                    s, max(0, x - 40), x
                )
            elif kind == "negation":
                hit = bool(_NEGATION.search(s, max(0, x - 30), x))
            elif kind == "comparison":
                hit = bool(_COMPARISON.search(s, max(0, x - 50), x))
            elif kind == "negated-after":
                hit = bool(_NEGATED_AFTER.match(s, x))
            else:  # "retiring": a retiring verb just before the mention at x or in the words after its end
                end = x if kind == "retiring-after" else -1
                hit = bool(
                    _RETIRING_AFTER.match(s, end)
                    if end >= 0
                    else _RETIRING_BEFORE.search(s, max(0, x - 40), x)
                )
            self._memo[key] = hit
        return hit

    def pronoun(self, x: int) -> re.Match[str] | None:
        """A pronoun subject right before the word at ``x``."""
        return _PRONOUN_SUBJECT.search(self.s, max(0, x - 60), x)

    def listed(self) -> set[int]:
        """ids of the party mentions inside a list of three or more states ("A, B and C")."""
        if self._listed is None:
            chains: list[list[Mention]] = []
            closed = True  # a list ends at its "and X" / "or X": "A and B, C bought" is no list of three
            for m in self.parties:
                gap = self.text[chains[-1][-1].end : m.start] if chains else ""
                if chains and not closed and _LIST_GAP.match(gap):
                    chains[-1].append(m)
                    closed = _LIST_END.search(gap) is not None
                else:
                    chains.append([m])
                    closed = False
            self._listed = {id(m) for ch in chains if len({x.iso3 for x in ch}) >= 3 for m in ch}
        return self._listed

    def clause_of(self, pos: int) -> tuple[int, int]:
        """The clause (between :data:`_CLAUSE_BREAK` cuts) holding ``pos``."""
        if self._clauses is None:
            cuts = [0, *(m.start() for m in _CLAUSE_BREAK_SCAN.finditer(self.s)), len(self.s)]
            self._clauses = tuple((x, y) for x, y in pairwise(cuts) if y > x)
        for x, y in self._clauses:
            if x <= pos < y:
                return x, y
        return 0, len(self.s)


def _system_mentions(claim: Claim, sent: Sentence) -> list[Mention]:
    if claim.system is None:
        return []
    names = {claim.system.name, claim.system.surface}
    return [
        m for m in sent.systems if m.text in names or (m.system is not None and m.system.designation in names)
    ]


def _verb_of(cue: str) -> str | None:
    """The trigger word of a role cue "subject:<verb>" (else None)."""
    parts = cue.split(":", 2)
    return parts[2] if len(parts) == 3 and parts[1] == "subject" else None


def _pronoun_actor(claim: Claim, sent: Sentence) -> bool:
    """The verb that decided a role, or any deal verb when the supplier was not stated, has a pronoun
    subject whose antecedent is not the claim's party: the sentence's first party is the likely
    antecedent ("A was dropped after it bought X": "it" is A), any other party was picked for the role."""
    sup = next((c for c in claim.cues if c.startswith("supplier:")), "supplier:none")
    buy = next((c for c in claim.cues if c.startswith("buyer:")), "buyer:none")
    roles = {v: p for v, p in ((_verb_of(sup), claim.supplier), (_verb_of(buy), claim.buyer)) if v and p}
    stated = sup.split(":", 1)[1] not in ("system-origin", "mention", "focus", "none", "context")
    for _st, x, _y, word in sent.trig:
        if word not in roles and stated:
            continue
        pro = sent.pronoun(x)
        if pro is None:
            continue
        party = roles.get(word, claim.supplier)
        first = next((m for m in sent.parties if m.start - sent.a < pro.start()), None)
        if party is None or first is None or first.iso3 != party.iso3:
            return True
    return False


def _clauses(claim: Claim, sent: Sentence) -> tuple[set[int], set[int], set[int]] | None:
    """The coordinate clauses (their indices) that name the claim's system, buyer and supplier;
    None when the sentence is one clause."""
    s, a = sent.s, sent.a
    cuts = [0, *(m.start() for m in _COORDINATE.finditer(s)), len(s)]
    if len(cuts) == 2:
        return None
    spans = list(pairwise(cuts))

    def clause(pos: int) -> int:
        return next(i for i, (x, y) in enumerate(spans) if x <= pos < y or y == len(s))

    def clauses_of(iso: str | None) -> set[int]:
        return {clause(m.start - a) for m in sent.parties if iso and m.iso3 == iso}

    own = {clause(m.start - a) for m in _system_mentions(claim, sent)}
    sellers = clauses_of(claim.supplier.iso3) if claim.supplier else set()
    return own, clauses_of(claim.buyer.iso3), sellers


def _other_clause(claim: Claim, sent: Sentence) -> bool:
    """The buyer and the system are both named, but never in the same coordinate clause; or the
    supplier is named only in a clause that names neither the system nor the buyer."""
    found = _clauses(claim, sent)
    if found is None:
        return False
    own, buyers, sellers = found
    if own and buyers and not own & buyers:
        return True
    # a supplier named only in another clause than the system and the buyer (", while A sold Y")
    return bool(own and sellers and buyers and not sellers & (own | buyers))


def _split_actors(claim: Claim, sent: Sentence, sup: str) -> bool:
    """A claim with no system whose supplier acts in one coordinate clause (its verb's subject, a
    firm, a "with" partner) and whose buyer is named only in another one: two events, each with its
    own actor ("A's firm builds corvettes for B, and C's yard has offered submarines to D"; "states
    curbed arms trade with A; C suspended licences").

    Why: with no item named, only the clause ties a party to a deal; pairing the actor of one clause
    with the party of the other gave extras in three tuning sets and no right claim.  With a system
    named the item's own clause decides (:func:`_other_clause`; "A has pitched X, and B has
    expressed interest" is an offer to B), and a supplier that is only the item's origin or an
    earlier customer is no actor of a clause."""
    kind = sup.split(":", 2)[1] if sup.count(":") >= 1 else ""
    if kind not in _CLAUSE_ACTORS or claim.system is not None:
        return False
    found = _clauses(claim, sent)
    if found is None:
        return False
    _own, buyers, sellers = found
    return bool(sellers and buyers and not sellers & buyers)


def _opener_split(claim: Claim, sent: Sentence) -> bool:
    """A sentence opening with a participle clause of its own event, and the claim pairs something
    named only there with something named only in the main clause."""
    m = _OPENER.match(sent.s)
    if m is None:
        return False
    cut, a = m.end(), sent.a
    sides = []
    for iso in (claim.buyer.iso3, claim.supplier.iso3 if claim.supplier else None):
        named = {m.start - a < cut for m in sent.parties if iso and m.iso3 == iso}
        if len(named) == 1:
            sides.append(named.pop())
    own = {x.start - a < cut for x in _system_mentions(claim, sent)}
    if len(own) == 1:
        sides.append(own.pop())
    return len(set(sides)) == 2


def _list_party(claim: Claim, sent: Sentence) -> list[str]:
    """``party:in-list`` when the buyer is named only inside a list of three or more states."""
    own = [m for m in sent.parties if m.iso3 == claim.buyer.iso3]
    listed = sent.listed() if own else set()
    return ["party:in-list"] if own and all(id(m) in listed for m in own) else []


def _stage_cues(claim: Claim, sent: Sentence) -> list[str]:
    """Cues of the deal word: governed by intent, negated, a comparison, a fleet in service."""
    out: list[str] = []
    if claim.negated:
        return out
    a = sent.a
    own = _system_mentions(claim, sent)
    spots = [(t[1], t[3]) for t in sent.trig] + [(m.start - a, "") for m in own]
    if sent.hinted("intent") and any(sent.check("intent", x) for x, _w in spots):
        out.append("stage:intent")
    buy = next((c for c in claim.cues if c.startswith("buyer:")), "")
    sup = next((c for c in claim.cues if c.startswith("supplier:")), "")
    if sent.hinted("negation") and any(sent.check("negation", x) for x, w in spots if w):
        out.append("stage:negated-verb")
        if _never_a_deal(sup, buy, spots, sent):
            out.append("stage:never")
    for iso in {claim.buyer.iso3, claim.supplier.iso3 if claim.supplier else None} - {None}:
        named = [m for m in sent.parties if m.iso3 == iso]
        if (
            named
            and sent.hinted("negated-after")
            and all(sent.check("negated-after", m.end - a) for m in named)
        ):
            out.append("party:negated")
            break
    roles = (claim.buyer.iso3, claim.supplier.iso3 if claim.supplier else None)
    sides = [m for m in sent.ms if m.kind == "party" and m.iso3 in roles]
    if sent.hinted("comparison") and any(sent.check("comparison", m.start - a) for m in [*own, *sides]):
        out.append("stage:comparison")
    if (
        _fleet_verb(buy, own, sent)
        and sup.split(":", 1)[-1] in _ORIGIN_ONLY
        and not _own_purchase_after_fleet(claim, buy, own, sent)
    ):
        out.append("stage:in-service")
        if (
            claim.supplier is not None
            and claim.system is not None
            and not any(m.iso3 == claim.supplier.iso3 and not _origin_form(m, sent) for m in sent.parties)
        ):
            out.append("supplier:fleet-origin-only")
    if (
        sup == "supplier:system-origin"
        and claim.supplier is not None
        and LICENSEE_CUE.match(buy)
        and not any(m.iso3 == claim.supplier.iso3 and not _origin_form(m, sent) for m in sent.parties)
    ):
        # "B builds the X under licence", the licensor's state named by no name, capital or firm: the
        # item's origin only, production at home (labelling guidelines, rule 7)
        out.append("supplier:licensor-unnamed")
    return out


def _never_a_deal(sup: str, buy: str, spots: list[tuple[int, str]], sent: Sentence) -> bool:
    """A deal word right after "never" ("X was never offered to B", "A has never confirmed supplying
    them"), with the supplier only the item's origin (or none) and the buyer only named or a bare
    recipient: the text says no such deal happened at any time, and names no party of one.

    Why: unlike "has not delivered" or "has not progressed" (a deal that stalls, kept), "never" denies
    the deal; on fresh news such claims were extras in two sets and a stated party keeps the claim
    (a seller or buyer a verb ties: "A never delivered the X it sold to B")."""
    if sup.split(":", 1)[-1] not in (*_ORIGIN_ONLY, "none") or buy not in _WEAK_BUYERS:
        return False
    return any(_NEVER.search(sent.s, max(0, x - 30), x) for x, w in spots if w)


def _fleet_verb(buy: str, own: list[Mention], sent: Sentence) -> bool:
    """Whether the buyer's side of the claim is a fleet in service: its own verb is one ("relies on",
    "operates"), or, for a buyer no verb ties (only named, the article's focus, carried over), a
    fleet verb stands before the system and no deal word follows it ("the army currently fields
    X-made P"): the sentence tells what the force has, not a transfer ("operates a Chinese-built P,
    which was handed over in 2023" still states the delivery)."""
    verb = _verb_of(buy)
    if verb is not None:
        return bool(_IN_SERVICE.match(verb))
    if buy not in ("buyer:mention", "buyer:focus", "buyer:force", "buyer:context") or not own:
        return False
    x = min(m.start for m in own) - sent.a
    ends = [h.end() for h in _FLEET_WORD.finditer(sent.s, max(0, x - _FLEET_LIST_REACH), x)]
    if ends and x - ends[-1] > _FLEET_REACH and not _one_list(ends[-1], x, sent):
        ends = []
    if ends and not any(ends[-1] <= t[1] and _tells_item(t, own, sent) for t in sent.trig):
        return True
    if any(_IN_SERVICE_AFTER.match(sent.s, m.end - sent.a) for m in own):
        return True
    return _owned_fleet(own, sent)


def _own_purchase_after_fleet(claim: Claim, buy: str, own: list[Mention], sent: Sentence) -> bool:
    """The buyer's fleet verb is its cue, yet the system is the object of a deal word of a predicate
    coordinated after it (:func:`_coordinate_deal_object`) and the sentence names no other seller
    (a state, capital or firm that is neither party): the purchase is the claim's own news.

    Why the seller condition: "operates the A-B X, bought from <firm of A>, and ordered more X" names
    the seller; B, only a co-origin, sells nothing the text states."""
    if _verb_of(buy) is None or not _coordinate_deal_object(own, sent):
        return False
    sides = {claim.buyer.iso3, claim.supplier.iso3 if claim.supplier else None}
    return not any(m.iso3 not in sides and not _origin_form(m, sent) for m in sent.parties)


def _coordinate_deal_object(own: list[Mention], sent: Sentence) -> bool:
    """Whether a mention of the system is the object of a deal word in a predicate coordinated after
    the buyer's fleet verb ("B operates P and has ordered Q", "B flies P, and last year it ordered
    more P"): that clause states a deal of its own, the fleet verb governs only the items before it.

    Why: the buyer's cue is the subject of the fleet verb, which would make every item of the sentence
    a fleet in service (and, with only the item's origin as seller, background); the second predicate
    is news of a purchase.  The deal word must stand after a coordinator that follows the fleet verb,
    with no other system between it and the mention (its own object, not a later item's)."""
    a, s = sent.a, sent.s
    fleet = _FLEET_WORD.search(s)
    if fleet is None:
        return False
    for t in sent.trig:
        if t[1] < fleet.end() or _IN_SERVICE.match(t[3]) or not _COORDINATOR.search(s, fleet.end(), t[1]):
            continue
        for m in own:
            x = m.start - a
            if t[2] <= x <= t[2] + _FLEET_REACH and not any(
                t[2] <= o.start - a < x for o in sent.systems if o not in own
            ):
                return True
    return False


def _one_list(y: int, x: int, sent: Sentence) -> bool:
    """Whether the words between a fleet verb ending at ``y`` and the system at ``x`` (sentence
    offsets) stay in one clause with no deal word: a list of the items the verb governs.

    Why: news lists a force's fleet in one long object ("the navy operates A-designed P, B-built Q
    and a handful of C-built R"); the last item is as much a fleet as the first, while "operates P,
    and last year ordered R" or "operates P; the army bought R" starts another event."""
    gap = sent.s[y:x]
    return not (
        _COORDINATE.search(gap)
        or contains_any(gap, (";", ". "))
        or any(y <= t[1] < x and not _IN_SERVICE.match(t[3]) for t in sent.trig)
    )


def _tells_item(t: Trigger, own: list[Mention], sent: Sentence) -> bool:
    """Whether a deal word ``t`` after a fleet verb may tell the system's own transfer or stage: no
    other system is named between the system's last mention before it and it, and an in-service
    word there does not govern an item of its own.

    Why: a fleet list goes on to another item and its own deal word ("flew only Soviet-designed X,
    Y and Z, and now also operates W donated by A"; "operates P and Q, and ordered R"): the word
    belongs to the item next to it, while "operates a Chinese-built P, which was handed over in
    2023" or "relies on US-made P it has operated since 1990" still states P's delivery."""
    a, y = sent.a, t[1]
    before = [m.end - a for m in own if m.end - a <= y]
    if not before:
        return True
    x = max(before)
    if any(x <= m.start - a < y and m not in own for m in sent.systems):
        return False
    return not (
        _IN_SERVICE.match(t[3])
        and any(y < m.start - a <= t[2] + _OWN_OBJECT_REACH and m not in own for m in sent.systems)
    )


def _owned_fleet(own: list[Mention], sent: Sentence) -> bool:
    """Every mention of the system is a force's own item ("the army's X", "its Y") and the sentence
    tells what is done to a fleet in hand ("upgrade", "in service", "spare parts", "fleet"): a budget
    or upkeep of the fleet, not a transfer ("funds for the upgrade of the navy's X frigates")."""
    s, a = sent.s, sent.a
    return all(bool(_FORCE_OWNER.search(s, max(0, m.start - a - 40), m.start - a)) for m in own) and bool(
        _FLEET_CARE.search(s)
    )


def _origin_form(m: Mention, sent: Sentence) -> bool:
    """A mention that only gives an item's origin: a demonym ("Russian") or a state glued to a
    making word ("US-made", "US-built", "Russian-origin")."""
    return m.form == "demonym" or bool(_MADE_SUFFIX.match(sent.text, m.end))


def _origin_of_other_item(claim: Claim, sent: Sentence, sup: str, own: list[Mention]) -> bool:
    """The supplier is only an origin ("X-made", "French") qualifying another item than the system."""
    if sup.split(":", 1)[-1] not in ("made", "origin-modifier") or claim.supplier is None or not own:
        return False
    text = sent.text
    origins = [m for m in sent.parties if m.iso3 == claim.supplier.iso3]
    return bool(
        origins
        and not any(_QUALIFIES.match(text[o.end : y.start]) for o in origins for y in own if y.start >= o.end)
        and not any(_GENERIC_ITEMS.match(text, o.end) for o in origins)
    )


def _context_cues(claim: Claim, sent: Sentence) -> list[str]:
    """``context:new-paragraph`` and ``context:boilerplate`` from the paragraph the sentence opens or is in."""
    out = []
    text, a = sent.text, sent.a
    para = text.rfind("\n\n", max(0, a - PARAGRAPH_LOOKBACK), a)
    head = para if para >= 0 else (0 if a <= PARAGRAPH_LOOKBACK else -1)
    carried = any(c in claim.cues for c in ("buyer:context", "supplier:context", "system:context"))
    if carried and para >= 0 and _ENTRY_HEAD.fullmatch(text, para, a):
        out.append("context:new-paragraph")
    if head >= 0 and _ABOUT.match(text, head, a):
        out.append("context:boilerplate")
    return out


def sentence_cues(
    claim: Claim, text: str, mentions: list[Mention], starts: list[int], sent: Sentence | None = None
) -> list[str]:
    """The structural risk cues of one claim (see the module docstring); ``text`` is the article
    (masked), ``mentions`` its mentions sorted by start and ``starts`` their start offsets; ``sent``
    the claim's :class:`Sentence` when the caller keeps one per sentence (else it is built here)."""
    a, b = claim.evidence.start, claim.evidence.end
    if sent is None or (sent.a, sent.b) != (a, b):
        sent = Sentence(text, mentions, starts, a, b)
    out: list[str] = []
    buyer = [m for m in sent.parties if m.iso3 == claim.buyer.iso3]
    systems = sent.systems
    if buyer and all(
        m.form == "demonym"
        and any(_ORIGIN_GAP.match(text[m.end : y.start]) for y in systems if y.start >= m.end)
        for m in buyer
    ):
        out.append("buyer:origin-adjective")
    if _pronoun_actor(claim, sent):
        out.append("actor:pronoun")
    sup = next((c for c in claim.cues if c.startswith("supplier:")), "")
    buy = next((c for c in claim.cues if c.startswith("buyer:")), "")
    if _verb_of(sup) and _verb_of(buy) and _verb_of(sup) != _verb_of(buy):
        out.append("pair:two-subjects")
    if claim.supplier is not None and claim.supplier_company:
        firms = [
            m for m in sent.ms if m.kind == "party" and m.form == "company" and m.iso3 == claim.supplier.iso3
        ]
        for f in firms:
            nxt = next((m for m in sent.ms if m.kind == "party" and m.start >= f.end), None)
            if nxt is not None and nxt.iso3 != f.iso3 and _POSSESSIVE.match(text[f.end : nxt.start]):
                out.append("supplier:company-abroad")
                break
    out += _context_cues(claim, sent)
    out += _list_party(claim, sent)
    if _other_clause(claim, sent) or _opener_split(claim, sent):
        out.append("pair:other-clause")
    if _split_actors(claim, sent, sup):
        out.append("pair:split-actors")
    out += _stage_cues(claim, sent)
    own = _system_mentions(claim, sent)
    if _origin_of_other_item(claim, sent, sup, own):
        out.append("supplier:origin-of-other-item")
    if (
        claim.system_source == "pattern"
        and own
        and all(
            any(y.end <= m.start and _NAME_GAP.match(text[y.end : m.start]) for y in systems) for m in own
        )
    ):
        out.append("system:name-fragment")
    if (
        claim.status not in ("cancelled", "offered")
        and (sent.hinted("retiring") or sent.hinted("retiring-after"))
        and any(sent.check("retiring", m.start - a) or sent.check("retiring-after", m.end - a) for m in own)
    ):
        out.append("stage:retiring")
    if systems and not own and "system:context" in claim.cues:
        out.append("system:context-beside-other")
    if _untied(claim, sent):
        out.append("pair:untied")
    if (
        sup in ("supplier:system-origin", "supplier:context")
        and own
        and all(_used_from(m, sent) for m in own)
    ):
        out.append("system:used-from")
    if _interest_only(claim, buy, sup, own, sent):
        out.append("stage:interest-only")
    if _speculation(claim, own, sent):
        out.append("stage:speculation")
    if _deployment(claim, own, sent):
        out.append("stage:deployment")
    if sup.split(":", 1)[-1] in _MAKER_ONLY and own and all(_part_for(m, sent) for m in own):
        out.append("system:part-for")
    if _org_named_only(claim, sup, buy):
        out.append("party:org-named-only")
    if own and sent.trig:
        clauses = [sent.clause_of(m.start - a) for m in own]
        if not any(x <= t[1] < y for x, y in clauses for t in sent.trig):
            out.append("system:no-trigger-in-clause")
    return out


#: the role cue of a party only named in the sentence (no word gives it a side)
_NAMED_ONLY = frozenset({"mention"})


def _org_named_only(claim: Claim, sup: str, buy: str) -> bool:
    """An international organisation (not a state) is a party of the claim and no word of the
    sentence gives it its side: it is only named there ("meets NATO standards", "the EU agreed to
    compensate B").  Why: organisations turn up in arms news as standard-setters, funders, sanction
    authorities and forums far more than as buyers or sellers, and when they do buy the text says so
    ("ordered by NATO's agency", "sold to the UN mission"); a state named near an item may still be
    the article's buyer, an organisation so named is background."""
    return any(
        p is not None and p.kind not in ("country", None) and cue.split(":", 1)[-1] in _NAMED_ONLY
        for p, cue in ((claim.buyer, buy), (claim.supplier, sup))
    )


def _used_from(m: Mention, sent: Sentence) -> bool:
    """The system is named as the platform another item is used from ("the air force fires the
    missiles from its X jets", "the helicopters fly from the carrier X"): a platform the buyer has,
    no item the sentence tells of a transfer (its supplier only the platform's catalogue origin).

    Why: a list of platforms an item is carried by came up as extra claims in several fresh sets,
    each with a stage word that belongs to the carried item."""
    return (
        " from " in sent.s
        and _USED_FROM.search(sent.s, max(0, m.start - sent.a - 90), m.start - sent.a) is not None
    )


def _interest_only(claim: Claim, buy: str, sup: str, own: list[Mention], sent: Sentence) -> bool:
    """Two weak readings together: the buyer is only carried over (no party of the sentence takes the
    role) and the system stands only under "considering" / "contemplating" / "mulling" ("It is also
    contemplating ordering A-ian X"), with the supplier only the item's origin and no offer claimed.
    Why: an interest states no deal (labelling rule 5), and with neither party named the claim rests on
    nothing the sentence says; a named buyer's "B is considering buying X" is read as talks."""
    if buy not in _CARRIED_BUYERS or claim.status == "offered" or sup.split(":", 1)[-1] not in _ORIGIN_ONLY:
        return False
    if not own or not contains_any(sent.low, _INTEREST_WORDS):
        return False
    a = sent.a
    return all(_INTEREST_ONLY.search(sent.s, max(0, m.start - a - 60), m.start - a) for m in own)


def _speculation(claim: Claim, own: list[Mention], sent: Sentence) -> bool:
    """The claim's deal words (its system when it has none) stand only after a pundit's modal
    (:data:`_SPECULATION`): "analysts say B could buy X", "a move analysts said would help A win
    tenders".  Why: what an analyst thinks could happen is no deal the text states."""
    if not contains_any(sent.low, _SPECULATION_WORDS):
        return False
    m = _SPECULATION.search(sent.s)
    if m is None:
        return False
    spots = [t[1] for t in sent.trig] or [x.start - sent.a for x in own]
    return bool(spots) and all(x >= m.start(1) for x in spots)


def _deployment(claim: Claim, own: list[Mention], sent: Sentence) -> bool:
    """The system's clause (the sentence when the system is not named in it) moves or bases a state's
    own forces abroad (:data:`_DEPLOYMENT`, :data:`_BASED`) and tells of no change of hands: the
    buyer is only where the equipment goes or stands.

    Why: "sent N X to B for air policing", "allied X batteries were stationed in B" read as a
    delivery to B; news of deployments, rotations, basing and exercises uses the same verbs as news of
    donations, and a deal told in another clause of the sentence lent its parties to the based item."""
    if claim.status not in ("delivered", "delivering", "unknown"):
        return False
    if not contains_any(sent.low, _DEPLOYMENT_WORDS):
        return False
    spans = {sent.clause_of(m.start - sent.a) for m in own} or {(0, len(sent.s))}
    return all(
        (_DEPLOYMENT.search(sent.s, x, y) or _BASED.search(sent.s, x, y))
        and not _HANDOVER.search(sent.s, x, y)
        for x, y in spans
    )


def _part_for(m: Mention, sent: Sentence) -> bool:
    """The system is named only as the platform a part is for ("A's firm supplies engines for B's X",
    "asked to buy missiles for the navy's new X frigates"): the part changes hands, the platform is
    the buyer's or its maker's, no transfer of it is told (its supplier only the platform's maker).

    Why: the platform's maker and the part's buyer or seller made a claim for the platform, often
    with the roles reversed (the part's seller is the platform maker's supplier)."""
    return (
        " for " in sent.s
        and _PART_FOR.search(sent.s, max(0, m.start - sent.a - 70), m.start - sent.a) is not None
    )


#: what may stand before a sentence's opening subject ("Today the", "To date, the", "Meanwhile,")
_OPENING = re.compile(
    r"\W*(?:(?:today|to date|now|currently|meanwhile|by then|so far),?\s+)?(?:the\s+)?", re.IGNORECASE
)


def _untied(claim: Claim, sent: Sentence) -> bool:
    """No cue ties either party: the buyer only named (``buyer:mention``), the supplier only the
    system's catalogue origin, and the buyer not the sentence's opening subject ("A possesses 24 X",
    "A, 2020: two more X" state A's own fleet or order)."""
    if "buyer:mention" not in claim.cues or "supplier:system-origin" not in claim.cues:
        return False
    first = sent.parties[0] if sent.parties else None
    if first is None or first.iso3 != claim.buyer.iso3:
        return True
    return _OPENING.fullmatch(sent.s, 0, first.start - sent.a) is None


def sentence_states(mentions: list[Mention], a: int, b: int) -> int:
    """Distinct states the sentence ``[a, b)`` names (any form: name, demonym, capital, firm).

    The crowding of :func:`.confidence.score` counts the whole sentence, not the clause a frame was
    read from: lists of other customers and other deals sit in the clauses beside the claim's."""
    i = bisect_left(mentions, a, key=_start)
    states = set()
    while i < len(mentions) and mentions[i].start < b:
        m = mentions[i]
        if m.kind == "party" and m.iso3 and m.end <= b:
            states.add(m.iso3)
        i += 1
    return len(states)


def _start(m: Mention) -> int:
    return m.start


# word prefilters (kg.extract._fastre.NeedsRx): a claim's sentence that lacks every word one of
# these patterns needs skips its scans of window after window before each trigger and mention
_COMPARISON, _INTENT, _NEGATION, _NEGATED_AFTER, _RETIRING_BEFORE, _RETIRING_AFTER = (
    NeedsRx(rx) for rx in (_COMPARISON, _INTENT, _NEGATION, _NEGATED_AFTER, _RETIRING_BEFORE, _RETIRING_AFTER)
)
