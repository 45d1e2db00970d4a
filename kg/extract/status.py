"""The lifecycle stage of a sentence (or of one system's part of it), with negation and modality.

"expected to sign" is not signed; "talks collapsed" is cancelled; "delivered the first three"
is delivering; "the first jets will arrive in 2026" is a signed deal's schedule; an MoU is
signed during talks.  Returns (status, negated, modality, delayed).
"""

from __future__ import annotations

import re

from kg.extract._fastre import NeedsRx, contains_any, lower_in_place, lowered
from kg.extract.patterns import (
    _AFTER_TALKS,
    _AID,
    _APPROVED_SALE,
    _ARRIVAL_WORD,
    _AWAITING,
    _BACK_OR_NOW,
    _BATCH_WORD,
    _COMPLETED,
    _DELIVERY_WORD,
    _DENIAL,
    _FOR_PURPOSE,
    _FUTURE_RIGHT,
    _MODAL,
    _MOU_AFTER,
    _NEGATION_NEAR,
    _ON_SCHEDULE,
    _OVER_TIME,
    _PARTIAL,
    _PLANNED,
    _PLEDGE_VERB,
    CLAUSE_BREAK,
)
from kg.extract.vocabulary import _IN_HAND_RX, _STATUS_RANK
from kg.vocab.months import MONTH_NAMES
from kg.vocab.statuses import latest_stage

#: purchase verbs that, with "over time", describe a fleet built up in the past
_PAST_BUY = frozenset(["bought", "purchased", "acquired", "procured", "ordered"])
#: a purchase or sale verb that states no stage of its own ("Israel has sold X the Y", "a boat
#: acquired from Z", "B is buying replacements from A"): a narrated transfer or purchase whose stage the
#: sentence leaves open
_BARE_BUY = frozenset(
    ["bought", "buys", "purchased", "sold", "acquired", "obtained", "added", "is buying", "are buying"]
)
#: words that give a purchase its stage (a contract, an order, a sum, a month, a deal); a bare year
#: does not ("bought from X in 1986" narrates a past transfer: labelled delivered, unknown accepted)
_CONTRACT_WORD = re.compile(
    r"\b(?:contract|order|deal|agreement|worth|valued|billion|million|crore|last year|this year|"
    r"ago|" + "|".join(MONTH_NAMES) + r")\b|[$€£]",
    re.IGNORECASE,
)

#: a year, not the digits of a designation ("EL/M-2032", "K-2000")
_YEAR = re.compile(r"(?<![\w/-])((?:19|20)\d\d)(?![\w/]|-[A-Za-z])")
#: how many years before publication a bare purchase's year still dates a news event (a signed deal)
_RECENT_YEARS = 1

#: "the remaining jets are to arrive through 2028": deliveries still to come (the deal is signed)
_TO_COME_RIGHT = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:is|are)\s+(?:still\s+)?to\s+(?:arrive|be\s+(?:delivered|handed|shipped|supplied))\b",
    re.IGNORECASE,
)
#: "replaces donated X with Y", "to replace the guns it donated to Z", "to backfill jets sent to Z": a
#: transfer verb in the object of a replacement is the stage of the replaced equipment, not of the deal
_REPLACING_LEFT = re.compile(
    r"\b(?:replac(?:e|es|ed|ing)|backfill(?:s|ed|ing)?|in place of)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)
#: an approval still to come: "subject to parliamentary approval", "needs the cabinet's clearance"
_PENDING_LEFT = re.compile(
    r"\b(?:subject to|pending|awaiting|awaits|await|needs?|needed|requires?|required|seeks?|seeking|sought|"
    r"submitted (?:\w+ ){0,3}?for|sent (?:\w+ ){0,3}?for|for final)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: a fleet flown, operated or fielded, in the present, earlier in the clause: "the navy flies N X bought
#: from A", "currently operates N X purchased from A", "will keep its X, bought from A in the 2000s, in
#: service" (labelling guidelines: in service is delivered).
#: Read only on a purchase participle after it (:func:`_readings`), never as a trigger of its own: alone,
#: "flies N X" names no seller and would open claims on fleets, not deals
_FLEET_VERB_LEFT = re.compile(
    r"\b(?:flies|fly|operates|operate|fields|field|keeps?|retains?)\s[^,;.]{0,80}(?:,\s*)?$",
    re.IGNORECASE,
)

#: "(not delivered) before 2027", "until 2026 at the earliest": a handover no sooner than a later year
_NOT_BEFORE_RIGHT = re.compile(
    r"[^.;]{0,40}?\b(?:before|until|till)\s+(?:(?:early|mid|late|the end of)[\s-]+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)

#: "(months of negotiation) before signing / before the contract was signed / prior to the signing": talks
#: that ended in the contract, told after the talks word
_BEFORE_SIGNING = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:before|prior to|ahead of|leading (?:up )?to)\s+(?:the\s+)?(?:signing|"
    r"(?:final\s+)?(?:contract|deal|agreement)\s+(?:was|were)\s+(?:signed|inked|concluded))\b",
    re.IGNORECASE,
)

#: a deal noun before a passive "was dropped": "a plan to buy ...", "the order", "the purchase"
_DEAL_NOUN_LEFT = re.compile(
    r"\b(?:plans?|deals?|purchases?|orders?|contracts?|programm?e?s?|acquisitions?|sales?|procurements?|projects?)\b",
    re.IGNORECASE,
)

#: an MoU or a letter of intent as what a passive signing signs: "A memorandum of intent for N X was signed",
#: "a letter of intent ..., signed in 2018," (no contract, deal or order named between it and the verb)
_MOU_LEFT = re.compile(
    r"\b(?:mous?|memorand(?:um|a)|letters? of (?:intent|request)|loi|framework agreements?)\b"
    r"(?![^.;]*\b(?:contracts?|deals?|orders?|"
    r"agreements?)\b)[^.;]{0,100}?(?:\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?|,\s*)$",
    re.IGNORECASE,
)
#: the signing words a passive or participle signing is read from
_SIGNED_WORDS = frozenset(["signed", "inked", "concluded"])

#: "in May", "May 2024": the month, not the modal verb
_MONTH_MAY_BEFORE = re.compile(
    r"\b(?:in|by|since|from|until|till|early|late|mid|of|last|next|this|on)[\s-]+$", re.IGNORECASE
)
_MONTH_MAY_AFTER = re.compile(r"May\b(?:\s*\d|\s*,|\s*$)")


#: "a contract (yet / still) to be signed": the passive infinitive of a signing still to come, also after
#: an apposition's comma ("expect the contract with the maker, B's firm, to be signed by May")
_TO_BE_LEFT = re.compile(
    r"\b(?:yet|still|due|set|expected|scheduled|slated|[a-z]+)[,)]?\s+to\s+be\s+$", re.IGNORECASE
)


#: a cancellation called for, threatened or weighed, not done: "renewed calls to cancel it", "urged the
#: government to scrap the deal", "demanded that ministers call off", "could cancel", "threatened to call
#: off", "refused to cancel"
_CANCEL_UNDONE_LEFT = re.compile(
    r"\b(?:(?:calls?|called|calling|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|press(?:es|ed|ing)?|pressure|"
    r"push(?:es|ed|ing)?|campaign(?:s|ed|ing)?|petition(?:s|ed)?|lobb(?:y|ies|ied|ying)|motion|threat(?:s|en|ens|ened)?|"
    r"refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|vow(?:s|ed)?|promis(?:e|es|ed))\b(?:\s+[\w'’-]+){0,4}?\s+to|"
    r"could|may|might|would|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|ruled out|rules out|"
    # a demand in the subjunctive: "demanded that ministers call off", "asked that the cabinet scrap"
    r"(?:demand|urg|call|insist|ask|propos)\w*\s+that\s+(?:[\w'’-]+\s+){1,3}?)\s*$",
    re.IGNORECASE,
)
#: "cancelling the purchase was not an option", "a cancellation is off the table", "a cancellation of the
#: contract is not being considered": refused
_CANCEL_REFUSED_RIGHT = re.compile(
    r"[^.;]{0,80}?\b(?:(?:is|was|are|were|would be|remains?)\s+(?:not|no longer)\s+(?:being\s+)?(?:(?:an?\s+)?"
    r"(?:option|possibility|on the table)|considered|contemplated|envisaged|planned|under consideration)|"
    r"(?:is|was|are|were) off the table|out of the question)",
    re.IGNORECASE,
)


#: "the transfers took place", "its deliveries": a present-tense lede verb of ``delivering`` ("X sends N
#: tanks") after a determiner is a noun, which states no ongoing delivery
_NOUN_VERBS = frozenset(["transfers", "supplies", "sends", "delivers", "donates", "gets"])
_DETERMINER_LEFT = re.compile(
    r"\b(?:the|its|their|his|her|these|those|such|any|all|arms|weapons|military|further|earlier|past)\s+$",
    re.IGNORECASE,
)
#: "the figures do not include the jets donated to X": the negation is another verb's (a report's
#: scope), not the transfer's
_NEGATED_OTHER_VERB = re.compile(
    r"(?:not|n't|never)\s+(?:include|includes|including|count|counts|cover|covers|mention|list|reflect|"
    r"account for)\b",
    re.IGNORECASE,
)


#: participles of signing that "to be" puts in the future ("has to be concluded")
_SIGNING_WORDS = frozenset(["signed", "concluded", "finalised", "finalized", "inked", "sealed"])


#: "announced that it would buy", "confirmed it will acquire": the buyer's decision made public (a
#: buyer's choice is its government's approval), not talks
_ANNOUNCED_LEFT = re.compile(
    r"\b(?:announc(?:ed|es|ing)|confirm(?:ed|s|ing))\b[^.;:!?]{0,50}$", re.IGNORECASE
)


#: "will give B N X", "is to send", "would donate": a future gift is a pledge (newsset10 conventions:
#: approved) where "will deliver/supply" is a signed deal's schedule; "will give us a faster platform"
#: (a pronoun's gain) is no gift
_GIFT_VERB = re.compile(r"\b(?:gift|donate|send|give)\b")
_PRONOUN_AFTER = re.compile(r"\s+(?:us|me|you|him|her|them|it)\b", re.IGNORECASE)

#: a present arrival in a time clause is one still to come: "until the last frigate arrives", "once the
#: army receives them", "before the first jet arrives"
_TIME_CLAUSE_LEFT = re.compile(
    r"\b(?:until|till|when|whenever|once|before|after|as soon as|by the time|if|unless)\s+[^,;.]{0,50}$",
    re.IGNORECASE,
)

#: an aircraft landing is an arrival of a deal's items only as its first or last ones ("the first two
#: jets landed at the base", "the second of the two transports landed"); "jets landed at the base for an
#: exercise" is a visit
_LANDING = frozenset(["landed", "touched down"])
_SERIES_BEFORE = re.compile(
    r"\b(?:first|last|final|initial|(?:second|third|fourth|fifth|sixth) of (?:the|its|their|all) "
    r"(?:two|three|four|five|six|seven|eight|nine|ten))\b",
    re.IGNORECASE,
)
#: an offer of something other than the items: "the offer of industrial partnership", "an offer of
#: local production work" (what sweetened a bid), and a term offered for a purchase already asked for:
#: "the earliest production slot offered", "the price offered" (no offer of the system itself)
_NON_ITEM_OFFER_RIGHT = re.compile(
    r"s?\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:industrial|partnerships?|co-?operation|offsets?|financ\w*|local|production|"
    r"credits?|loans?|training|technology|support|assistance|jobs|work|workshare)\b",
    re.IGNORECASE,
)
_NON_ITEM_OFFER_LEFT = re.compile(
    r"\b(?:slots?|dates?|timelines?|schedules?|prices?|terms|financing|loans?|credits?|discounts?)\s+(?:was\s+|were\s+)?$",
    re.IGNORECASE,
)
#: talks about something other than a purchase: "have been discussing a way to pay for new arms",
#: "with talks on that project due to begin" (the project a clause
#: before names, not the deal)
_NON_ITEM_TALKS_RIGHT = re.compile(
    r"\s+(?:(?:on|about|over)\s+)?(?:(?:an?|the)\s+(?:\w+\s+)?(?:ways?|means|mechanism|methods?|formula)\s+(?:to|of|for)|"
    r"(?:that|this)\s+(?:project|issue|matter|idea|plan|question))\b",
    re.IGNORECASE,
)
#: a landing that brings the items: "transport aircraft landed at the airport carrying the parts of
#: X", "a cargo plane touched down in B with the launchers" (a delivery flown in, not a visit)
_CARRYING_RIGHT = re.compile(
    r"[^.;]{0,80}?\b(?:carrying|bringing|delivering|with (?:the )?(?:first |initial )?(?:parts|components|"
    r"elements|equipment|launchers|missiles|systems))\b",
    re.IGNORECASE,
)


def _modal_word(left: str) -> str | None:
    """The modal word that hedges a trigger (the lowercased group of ``_MODAL``), skipping the month
    "May" ("approved in May, was signed in June" states no possibility)."""
    m = _MODAL.search(left)
    while m is not None:
        i = m.start(1)
        month = left.startswith("May", i) and (
            _MONTH_MAY_BEFORE.search(left, 0, i) is not None or _MONTH_MAY_AFTER.match(left, i) is not None
        )
        if not month:
            return m.group(1).lower()
        left = left[m.end(1) :]
        m = _MODAL.search(left)
    return None


#: a pause ("on hold", "frozen") is a delay of deliveries but the suspension of talks (labelling
#: guidelines: suspended talks are cancelled) when talks, and no delivery, come before it
_PAUSE = re.compile(r"on hold|on ice|frozen")
_TALKS_BEFORE = re.compile(
    r"^(?![^.;]*\b(?:deliver\w*|production|construction|shipments?|handover)\b)[^.;]*\b(?:talks|negotiations|discussions)\b",
    re.IGNORECASE,
)
#: "ordered a further batch of launchers": a batch bought, not a first delivery of a fleet in hand
_ORDERED_BATCH = re.compile(
    r"\b(?:order(?:s|ed|ing)?|bought|buys|purchas\w+|acquir\w+|sign(?:s|ed|ing)? for|contract\w* for)\s+"
    r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:batch|tranche|lot)\b",
    re.IGNORECASE,
)
#: a word every match of _ORDERED_BATCH holds (lowercase)
_BATCH_WORDS = ("batch", "tranche", "lot")


#: delivery triggers that are nouns, the subject or object of another verb ("the first deliveries
#: slipped", "the remaining jets are late"): alone, beside a delay, no delivery under way
_DELIVERY_NOUN = re.compile(
    r"^(?:remaining|so far|rest of the|outstanding deliver\w*|deliver(?:y|ies) of (?:the |its |their )?\w+|"
    r"(?:first|initial|latest|final|last) (?:batch|tranche|consignment|lot|shipment|units?|deliver(?:y|ies)))$"
)
#: a date missed: "was supposed to arrive in 2023", "had hoped to take delivery in 2023" (the delayed
#: trigger; the delivery verb after it states no delivery)
_MISSED_LEFT = re.compile(
    r"\b(?:supposed|had (?:hoped|expected|planned|intended)) to\s+(?:be\s+)?$", re.IGNORECASE
)


#: a buyer's own plan or wish to buy (a negotiating trigger word), and the past perfect before it:
#: "had planned to buy", "had once hoped to acquire" tells a plan given up, not talks under way
_ABANDONED_PLAN = re.compile(r"(?:plann|intend|hop|want|aim)ed to ", re.IGNORECASE)
_HAD_LEFT = re.compile(r"\bhad\s+(?:(?:\w+ly|once|long|originally|initially|earlier)\s+)?$", re.IGNORECASE)


#: the past perfect right before a trigger: "had been held up", "had long delayed"
_PAST_PERFECT_LEFT = re.compile(
    r"\bhad\s+(?:(?:\w+ly|long|already)\s+)?(?:been\s+)?(?:\w+ly\s+)?$", re.IGNORECASE
)


#: "received its first submarine from A", ", its first armed drone,": the first of a kind the buyer
#: ever had (a lowercase singular noun after "its first"), not the first batch of a deal
_FIRST_OF_KIND = re.compile(
    r"\b(?:its|their)\s+first\s+(?!(?:batch|tranche|lot|consignment|shipment|delivery|unit|one|of|two|three|"
    r"four|five|six|seven|eight|nine|ten|few)\b)(?:[a-z][a-z-]*\s+){0,3}?[a-z][a-z-]*[^s\W](?=\s*(?:[,:;.]|from\b|in\b|"
    r"since\b|to\b))"
)


#: a "first" that is no first batch of the deal: the first of its kind somewhere ("the first delivery of
#: the system to Europe", "the first export of the type outside Asia") or an adverb of a sequence ("first
#: under a lease and then as a gift", "first on loan, then outright")
#: "the first batch of a planned fleet of 12", "an initial tranche of an eventual 48-jet order": the batch
#: a contract buys (a purchase in steps), not items handed over
_BATCH_OF_PLAN = re.compile(
    r"\s+of\s+(?:an?|the|its|their)\s+(?:planned|eventual|projected|intended|envisaged|total|larger|wider|future)\b",
    re.IGNORECASE,
)
_FIRST_NOT_BATCH = re.compile(
    r"\bfirst (?:deliver(?:y|ies)|transfers?|exports?|sales?) of (?:the|this|that|its) (?:[\w-]+ ){0,2}?"
    r"(?:system|type|weapon|aircraft|jet|model|design|vehicle|ship|missile)s? (?:to|in|outside|beyond) |"
    r"(?<!\bthe )(?<!\bits )(?<!\btheir )\bfirst (?:under|as|on|via|through) [^,;.]{0,40}?,? (?:and )?then\b",
    re.IGNORECASE,
)


def _first_reading(
    s: str, trig: list[tuple[str, int, int, str]], st: str, ts: int, te: int, word: str, left: str, neg: bool
) -> str | None:
    """The stage trigger ``word`` (at ``ts:te`` of ``s``) states before modality and negation are read,
    or None when the word states no stage of this deal here (talks that are over, a cancellation only
    called for, a landing for an exercise, the stage of replaced equipment, ...)."""
    # decided before modality: "the remaining 96 jets will be built at home" is no delivery (nor
    # a future one); "bought the first batch" is a purchase, not a delivery
    if st == "delivering" and word in ("remaining", "so far", "rest of the") and not _DELIVERY_WORD.search(s):
        return None
    if st == "delivering" and word.endswith(("batch", "tranche", "lot")) and _BATCH_OF_PLAN.match(s, te):
        return None  # "signed for four jets, the first batch of a planned fleet of 12": bought, not delivered
    if st == "delivering" and _FIRST_NOT_BATCH.match(s, ts):
        return "delivered"  # "flew the X to B, the first delivery of the system to Europe": a delivery done
    if st == "negotiating" and word.startswith(("negotiat", "talks")) and _AFTER_TALKS.search(left[-40:]):
        return None  # "closed after a year of negotiations": the talks are over
    if st == "negotiating" and word.startswith(("negotiat", "talks")) and _BEFORE_SIGNING.match(s, te):
        return None  # "months of negotiation before the signing": the talks that led to the contract
    if st == "cancelled" and (
        _CANCEL_UNDONE_LEFT.search(left) or _CANCEL_REFUSED_RIGHT.match(s, te, te + 90)
    ):
        return None  # "calls to cancel it", "cancelling it is not an option": no cancellation
    if st == "negotiating" and neg and word.lower().startswith(("consider", "evaluat")):
        return None  # "X was not considered", "a cancellation is not being considered": nothing weighed
    if st == "cancelled" and word.endswith(" dropped") and not _DEAL_NOUN_LEFT.search(s, 0, ts):
        return None  # "the charges were dropped": a passive 'dropped' cancels only a plan, deal or order
    if (
        st == "negotiating"
        and word.startswith(("will ", "would "))
        and not neg
        and _ANNOUNCED_LEFT.search(left)
    ):
        st = "approved"  # "announced that it would buy the X": the decision to buy
    if (
        st == "negotiating"
        and word.startswith("tender")
        and any(t[0] == "offered" and t[3] == "entered" for t in trig)
    ):
        return None  # "the tender, which A had entered with the X": A's offer, not A's talks
    if st == "delayed" and _PAUSE.search(word) and _TALKS_BEFORE.search(s, 0, ts):
        st = "cancelled"  # "the talks over X remain frozen / are on hold": suspended talks
    if st == "delayed" and word in ("held up", "held back") and _PAST_PERFECT_LEFT.search(left):
        # "the package had been held up by US demands", "had held up the sale for months before dropping
        # his objection": a hold told as over before a later event, no stage of the deal now ("had pushed
        # back the schedule" is a slip that stands)
        return None
    if st == "delayed" and ts >= 1 and s[ts - 1] == "-":
        return None  # "its long-delayed programme": an adjective of the programme, not the deal's stage
    if st in ("delivering", "delivered") and _MISSED_LEFT.search(left):
        return None  # "had hoped to take delivery in 2023": a missed date (the delay), no delivery
    if word in ("arrives", "receives") and _TIME_CLAUSE_LEFT.search(left):
        return None  # "until the last frigate arrives", "when the army receives them": a time to come
    if (
        st == "negotiating"
        and _NON_ITEM_TALKS_RIGHT.match(s, te)
        and not any(t[0] == "purchase" and t[1] >= te for t in trig)
    ):
        return None  # "discussing a way to pay for X", "talks on that project": talks about something else
    if st == "offered" and (_NON_ITEM_OFFER_RIGHT.match(s, te) or _NON_ITEM_OFFER_LEFT.search(left)):
        return None  # "the offer of industrial partnership", "the earliest slot offered": no item offered
    if word in _LANDING and not _SERIES_BEFORE.search(s, 0, ts) and not _CARRYING_RIGHT.match(s, te):
        return None  # "jets landed at the base for an exercise": a visit, no delivery
    if st == "delivering" and word in _NOUN_VERBS and _DETERMINER_LEFT.search(left):
        return None  # "the transfers took place": a noun, no ongoing delivery
    if st == "delivering" and word in ("supplying", "delivering") and _FOR_PURPOSE.search(left):
        return None  # "awarded a contract for supplying engines": what the deal is for
    if st == "delivering" and _BATCH_WORD.match(word) and not _ARRIVAL_WORD.search(s):
        return None
    if st == "approved" and _PENDING_LEFT.search(left):
        # "signed, subject to parliamentary approval": the approval is still to come; alone ("is
        # seeking the cabinet's approval to buy"), a purchase still in the works
        st = "negotiating"
    if st in ("delivered", "delivering") and _REPLACING_LEFT.search(left):
        return None  # "to replace the guns it donated to X": the stage of the replaced equipment
    return st


#: the readings of the sentence read last, by its trigger list: (stages, modality, the delivery stages a
#: verb states).  Why: _status reads a sentence's triggers, then other_stages reads the same ones again
#: for each claim of the sentence (4 of 10 calls on the bench repeat one of their own sentence)
_LAST_READINGS: dict[tuple[str, tuple], tuple[dict[str, int], str | None, frozenset[str]]] = {}


#: "neither confirmed nor denied", "would not confirm or deny", "declined to confirm or deny": a report
#: left unconfirmed, neither a denial nor a hedge of the deal (its auxiliary is no modal of the deal)
_NON_DENIAL = re.compile(
    r"\b(?:(?:would|could|did|does|do|will|can|has|have|had)(?:\s+not|n't)|wouldn't|couldn't|won't|can't|"
    r"neither|(?:declined|refused|declines|refuses|declining|refusing)\s+to)\s+(?:be\s+able\s+to\s+)?"
    r"confirm(?:s|ed|ing)?\s+(?:or|nor)\s+den(?:y|ies|ied|ying)\b",
    re.IGNORECASE,
)


def _without_non_denials(s: str) -> tuple[str, bool]:
    """The sentence with its non-denials blanked (same length: offsets hold), and whether it had one."""
    if "onfirm" not in s:  # every non-denial holds it
        return s, False
    blanked = _NON_DENIAL.sub(lambda m: " " * len(m.group()), s)
    return blanked, blanked != s


def _readings(
    s: str, trig: list[tuple[str, int, int, str]], verbs: set[str] | None = None
) -> tuple[dict[str, int], str | None]:
    """Every stage the triggers state, each read with its negation and modality (stage -> rank),
    and the modality of the sentence's claim.  ``verbs``, when given, collects the delivery stages
    a verb states (not only a noun such as "the first deliveries", "the remaining jets").

    A non-denial ("would not confirm or deny that") is read as blanks: its auxiliary hedges nothing
    and its "deny" denies nothing; the deal it leaves unconfirmed is ``reported``.  Remembered for the
    sentence read last (a pure function of ``s`` and ``trig``; the stages are handed out as a copy,
    callers change them)."""
    key = (s, tuple(trig))
    got = _LAST_READINGS.get(key)
    if got is None:
        if _LAST_READINGS and next(iter(_LAST_READINGS))[0] != s:
            _LAST_READINGS.clear()  # a new sentence
        said: set[str] = set()
        plain, unconfirmed = _without_non_denials(s)
        found, modality = _read_triggers(plain, trig, said)
        if unconfirmed and modality is None:
            modality = "reported"  # "officials neither confirmed nor denied that A bought X": reported
        got = _LAST_READINGS[key] = (found, modality, frozenset(said))
    if verbs is not None:
        verbs.update(got[2])
    return dict(got[0]), got[1]


def _read_triggers(
    s: str, trig: list[tuple[str, int, int, str]], verbs: set[str]
) -> tuple[dict[str, int], str | None]:
    """:func:`_readings`, worked out (``verbs`` collects the delivery stages a verb states)."""
    found: dict[str, int] = {}
    modality = None
    for status, ts, te, word in trig:
        left = s[max(0, ts - 60) : ts]
        neg = _NEGATION_NEAR.search(left)
        if neg is not None and _NEGATED_OTHER_VERB.match(left, neg.start(1)):
            neg = None  # "do not include the jets donated": the totals' negation
        st = _first_reading(s, trig, status, ts, te, word, left, neg is not None)
        if st is None:
            continue
        if (
            st in ("delivered", "delivering", "signed-future")
            and (neg or " not " in word)
            and _NOT_BEFORE_RIGHT.match(s, te)
        ):
            # "the first would not be transferred before 2025 at the earliest", "will not deliver them
            # until 2027": a handover put off
            found["delayed"] = _STATUS_RANK["delayed"]
            continue
        in_hand = bool(_IN_HAND_RX.match(word))
        if st == "signed" and word in _PAST_BUY and _OVER_TIME.match(s, te):
            st, in_hand = "delivered", True  # "the X jets it has bought over the years": a fleet in hand
        if st == "signed" and word in _BARE_BUY and _FLEET_VERB_LEFT.search(s, 0, ts) and _participle(s, ts):
            st, in_hand = "delivered", True  # "the navy flies N X jets bought from A": a fleet in hand

        mod = _modal_word(left)
        if st == "signed" and not mod and word in _SIGNING_WORDS and _TO_BE_LEFT.search(left):
            # "with a first contract to be signed by December", "still has to be concluded": a signing
            # still to come
            mod = "expected"
        if st in ("signed", "delivered") and mod and not in_hand:
            modality = (
                "possible"
                if mod in ("could", "may", "might", "considering", "mulling", "weighing")
                else "planned"
                if mod.startswith(("plan", "intend", "aim", "want", "hope", "seek"))
                else "reported"
                if mod == "reportedly"
                else "expected"
            )
            if mod == "reportedly":
                pass
            elif st == "signed":
                st = "negotiating"
            else:
                st = "signed"  # "the first jets will be delivered in 2026": not delivering yet
        if neg and st in ("signed", "delivered", "approved", "cancelled", "delivering"):
            if st == "cancelled":
                continue
            st = "negotiating" if st in ("signed", "approved") else "signed"
        if st == "signed" and _MOU_AFTER.match(s, te):
            st = "negotiating"  # "signed an MoU for the purchase": talks, not a contract
        elif st == "signed" and word in _SIGNED_WORDS and _MOU_LEFT.search(s[max(0, ts - 120) : ts]):
            st = "negotiating"  # "a memorandum of intent for 48 jets was signed in 2018": talks, no contract
        if word.lower().startswith("possible") and not _APPROVED_SALE.search(left):
            st, modality = "negotiating", modality or "possible"  # "indicated a possible sale"
        if st == "purchase":
            # "the 2017 purchase of 24 K9s", "an order for six jets": a weak signed cue, used only
            # when nothing else in the sentence gives the stage (see below)
            if _MODAL.search(left) or _PLANNED.search(left[-40:]):
                st = "negotiating"
            elif neg:
                continue
        if st == "signed-future":
            # a future delivery is not a delivery: "will deliver the first systems in 2025" is
            # the signed deal's schedule; "will supply Ukraine with ... as part of its aid" is
            # a pledge (approved); "will sell" an announced sale
            st = (
                "approved"
                if (_PLEDGE_VERB.search(word) and _AID.search(s))
                or (_GIFT_VERB.search(word) and not _PRONOUN_AFTER.match(s, te))
                else "signed"
            )
            modality = modality or "expected"
        elif st == "delivering" and (
            mod
            or _FUTURE_RIGHT.match(s[te : te + 60])
            or _TO_COME_RIGHT.match(s, te)
            or _AWAITING.search(left)
        ):
            st = "signed"  # "the first batch will arrive in 2026"
            modality = modality or "expected"
        if st == "delayed" and _ON_SCHEDULE.search(s) and _BACK_OR_NOW.search(s):
            continue
        if st == "unknown" and word in ("uses", "used", "operated", "operates", "operating") and found:
            continue
        if st == "negotiating" and word in ("talks", "discussions", "discussed") and "cancelled" in found:
            continue
        if st == "negotiating" and _ABANDONED_PLAN.match(word) and _HAD_LEFT.search(left):
            continue  # "which had planned to buy more X, has instead ordered Y": a plan given up, no talks
        if st in ("delivered", "delivering") and not _DELIVERY_NOUN.match(word):
            verbs.add(st)
        found[st] = max(found.get(st, 0), _STATUS_RANK[st])
    return found, modality


#: a purchase still under way, with no contract word: "is (also) buying", "are acquiring", "awaiting N X
#: from A"
_PENDING_BUY = re.compile(r"^(?:(?:is|are)\s+(?:\w+\s+)?(?:buying|acquiring|purchasing|procuring)|await\w*)$")


def _pending_purchase_cleared(trig: list[tuple[str, int, int, str]]) -> bool:
    """Whether every signed trigger is a purchase still under way ("is buying", "awaiting ... from")
    and a government's clearance is stated beside it ("approved by the cabinet in 2023", "whose sale
    Washington approved"): the clearance is the stage the sentence gives (the newsset conventions
    label it approved alone)."""
    signed = [t for t in trig if t[0] == "signed"]
    return (
        bool(signed)
        and all(_PENDING_BUY.match(t[3]) for t in signed)
        and any(t[0] == "approved" and _CLEARANCE.match(t[3]) for t in trig)
    )


#: a delay told as past, which the delivery ended: "arrived in 2024 after long delays", "were finally
#: handed over after a two-year delay", "landed after years of setbacks"
_AFTER_DELAY_LEFT = re.compile(r"\bafter\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$", re.IGNORECASE)


def _delay_overcome(s: str, trig: list[tuple[str, int, int, str]]) -> bool:
    """Whether every delay trigger of the sentence is a delay the delivery came after ("arrived after
    long delays"): the items are delivered, the delay is over (not a delivery still running late)."""
    delays = [t for t in trig if t[0] == "delayed"]
    return bool(delays) and all(_AFTER_DELAY_LEFT.search(s, max(0, t[1] - 40), t[1]) for t in delays)


def _without_batch_words(s: str) -> str:
    """The sentence less its ordered batches and its firsts of a kind or of no batch (each blanked out),
    where _PARTIAL looks for a batch of a delivery."""
    # each sub runs only when the (exactly) lowercased sentence holds a word every match of it holds:
    # the subs scanned every position of the sentence, most often for nothing
    low = lowered(s)
    if low is None or contains_any(low, _BATCH_WORDS):
        s = _ORDERED_BATCH.sub(" ", s)
    if low is None or "first" in low:
        s = _FIRST_NOT_BATCH.sub(" ", _FIRST_OF_KIND.sub(" ", s))
    return s


def _status(s: str, trig: list[tuple[str, int, int, str]]) -> tuple[str, bool, str | None, bool]:
    verbs: set[str] = set()
    found, modality = _readings(s, trig, verbs)
    s, _unconfirmed = _without_non_denials(s)  # "neither confirmed nor denied" denies nothing
    if "delayed" in found and not verbs and "cancelled" not in found:
        # "the first deliveries slipped to 2026", "the remaining jets were originally due in 2023": the
        # deliveries are only the subject of the delay (no delivery verb states one under way)
        found.pop("delivering", None)
        found.pop("delivered", None)
    if "signed" in found and "approved" in found and _pending_purchase_cleared(trig):
        found.pop(
            "signed"
        )  # "is buying X, approved by the cabinet in 2023": the stage stated is the clearance
    negated = bool(_DENIAL.search(s))
    if "purchase" in found:
        found.pop("purchase")
        if not any(k != "unknown" for k in found):
            found["signed"] = _STATUS_RANK["signed"]
    delayed = "delayed" in found
    if "delivered" in found and _PARTIAL.search(_without_batch_words(s)) and not _COMPLETED.search(s):
        found.pop("delivered")
        found["delivering"] = _STATUS_RANK["delivering"]
    if "cancelled" in found:
        return "cancelled", negated, modality, delayed
    if "delivering" in found or "delivered" in found:
        st = "delivering" if "delivering" in found else "delivered"
        if st == "delivering" and "delivered" in found and _COMPLETED.search(s):
            st = "delivered"  # "the first batch arrived in 2018 and the delivery was completed in 2020"
        if delayed and st == "delivered" and not _delay_overcome(s, trig):
            st = "delivering"
        return st, negated, modality, delayed
    if delayed:
        return "delayed", negated, modality, True
    return latest_stage(found) or "unknown", negated, modality, False


def bare_purchase(s: str, trig: list[tuple[str, int, int, str]], published_year: int | None = None) -> bool:
    """Whether the sentence's signed stage rests only on "bought"/"purchased"/"sold"/"acquired" with no
    contract, order, sum or recent date: a purchase without its stage (labelling guidelines, rule 5),
    claimed ``unknown``.  A year states the stage only when it is recent (the year of ``published`` or
    the one before: "Peru bought 10 X in 2024", a news event); an older one narrates a past transfer
    ("a boat bought from X in 1986", labelled delivered, unknown accepted).  Without a publication
    date every year counts."""
    signed = [t for t in trig if t[0] == "signed"]
    if not signed or any(t[3] not in _BARE_BUY for t in signed) or _CONTRACT_WORD.search(s):
        return False
    years = [int(y) for y in _YEAR.findall(s)]
    return not years or (published_year is not None and max(years) < published_year - _RECENT_YEARS)


#: a future sale verb of a seller ("will sell", "would provide", "is to supply"), not a delivery's
#: schedule ("will deliver the first in 2026") nor the buyer's side ("will receive")
_FUTURE_SALE_WORD = re.compile(r"\b(?:sell|supply|provide|transfer|export|hand over)$")
#: the announcement a future sale is reported in ("the president said that A will sell ..."): a decision
#: made public; a bare "A will supply N X next year" is read as a signed deal's schedule
_ANNOUNCED_LEFT = re.compile(
    r"\b(?:announc(?:es|ed|ing)|said|says|confirm(?:s|ed)|declared|told)\b", re.IGNORECASE
)
#: a contract, order or deal named in the sentence: the future sale is that deal's schedule
_DEAL_NAMED = re.compile(
    r"\b(?:contracts?|orders?|deals?|agreements?|accords?|tenders?|purchases?)\b", re.IGNORECASE
)


def announced_sale(s: str, trig: list[tuple[str, int, int, str]]) -> bool:
    """Whether the sentence's signed stage rests only on a seller's future sale verb reported as an
    announcement ("the president said the United States will provide 31 tanks to B", "officials confirmed
    that A would sell B the jets") and it names no contract, order or deal: a transfer announced, not yet
    contracted.  Said by a state, it is the supplier government's decision
    (labelling guidelines, rule 5: approved); said by a company it is its contract's schedule, so the
    claim decides, knowing the supplier (``kg.extract.claims._Extractor._claim``)."""
    signed = [t for t in trig if t[0] in ("signed", "signed-future")]
    return (
        bool(signed)
        and all(t[0] == "signed-future" and _FUTURE_SALE_WORD.search(t[3].lower()) for t in signed)
        and _ANNOUNCED_LEFT.search(s, 0, signed[0][1]) is not None
        and not _DEAL_NAMED.search(s)
    )


#: a choice made against an alternative ("chosen over", "rather than"): an offer the sentence states
#: is the alternative's (:mod:`.offers` claims it for the loser)
_CHOSEN_OVER = re.compile(
    r"\b(?:chos\w*|select\w*|pick\w*|prefer\w*|opt\w* for|favou?r\w*|went for)\b[^.;,]{0,60}?"
    r"\b(?:over|rather than|instead of|in preference to|ahead of)\s",
    re.IGNORECASE,
)

#: the earlier (or parallel) stages a sentence may state beside its latest one, by that latest stage:
#: "signed for N X in 2023 and the first were handed over in 2025" (signed, delivering), "ordered in
#: 2017 but construction stalled" (signed, delayed), "signed in 2019 and cancelled in 2022" (signed,
#: cancelled), "signed after the cabinet's approval" (approved, signed), "took delivery of N, then
#: signed a letter of intent for M more" (delivered, negotiating), "had offered the X, and the buyer
#: was close to a deal" (offered, negotiating), "chose the X after a competition in which its maker
#: made an offer" (offered, approved), "is receiving the last of N X sold under a package approved in
#: 2022" (approved, delivering).
#: Labelling guidelines, rule 2: one deal at several stages gives several facts.
_ALSO_STATED: dict[str, tuple[str, ...]] = {
    "delivered": ("signed", "negotiating", "approved"),
    "delivering": ("signed", "approved"),
    # "talks over X, a sale approved by Washington in 2020, remain suspended", "the package, which
    # Washington notified to Congress in 2020, was held up": a government's approval before the deal
    # stalled (an explicit clearance only, see :data:`_CLEARANCE`; a buyer's choice there is no fact)
    "delayed": ("signed", "approved"),
    "cancelled": ("signed", "approved"),
    # "signed a framework agreement; firm contracts are still to be negotiated": talks still open
    # beside the signed paper (only a negotiation still to come or under way, see
    # :data:`_TALKS_OPEN_LEFT`; "signed after months of negotiation" states none)
    "signed": ("approved", "negotiating"),
    "negotiating": ("offered",),
    "approved": ("offered",),
    # a purchase without its stage ("bought X in 2020, and an export licence was granted"): the
    # approval is a fact of its own beside the unknown purchase
    "unknown": ("approved",),
}


#: an approval trigger that is a government's explicit clearance (not a buyer's choice or decision)
_CLEARANCE = re.compile(r"(?:approv|clear|notif|authori[sz]|sanction|green|pledg)", re.IGNORECASE)


#: words after which a past purchase verb is finite ("it had bought", "which were acquired"), not a
#: participle describing a noun ("the jets bought from X")
_FINITE_BEFORE = frozenset(
    {
        *("has", "have", "had", "was", "were", "is", "are", "be", "been", "being"),
        *("it", "they", "he", "she", "we", "which", "that", "who", "and"),
        *("also", "already", "recently", "then", "later", "first", "originally", "previously"),
    }
)


def _participle(s: str, start: int) -> bool:
    """Whether the verb at ``start`` is a participle after a common noun or a comma ("jets bought",
    "the NASAMS, bought in 2017"); after a name it is the name's verb ("Greece bought")."""
    left = s[max(0, start - 40) : start].rstrip()
    if left.endswith(","):
        return True
    words = left.split()
    return bool(words) and words[-1].islower() and words[-1].lower() not in _FINITE_BEFORE


#: "delivered four so far, with eight more on order", "out of six on order": the rest of a signed deal.
#: Read only beside a delivery (:func:`other_stages`), never as a trigger of its own: alone, a fleet
#: "on order" names no supplier's deal reliably enough to open a claim
_ON_ORDER = re.compile(
    r"\b(?:more|others?|rest|remainder|\d+|two|three|four|five|six|seven|eight|nine|ten|dozens?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:still\s+)?on order\b",
    re.IGNORECASE,
)


#: "under a 2020 order", "a 2011 order from X", "bought under a 2023 government-to-government sale": a
#: dated order, contract, sale or deal is a
#: signed deal (labelling guidelines, rule 5); beside a delivery it is that delivery's contract.
#: Read only there (:func:`other_stages`): alone, the noun states no stage a trigger does not
_DATED_ORDER = re.compile(
    r"\b(?:an?|the|its|their|under)\s+(?:(?:19|20)\d\d|(?:19|20)\d\d-\d\d)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:order|contract|sale|deal)\b",
    re.IGNORECASE,
)


#: a negotiation still to come or under way: "(are) still / yet to be negotiated", "remain to be
#: negotiated", "are being negotiated", "is under negotiation"
_TALKS_OPEN_LEFT = re.compile(
    r"\b(?:(?:still|yet|remains?|remained)\s+to\s+be|(?:is|are)\s+(?:still\s+|now\s+)?being|"
    r"(?:is|are)\s+(?:still\s+|now\s+)?under)\s+$",
    re.IGNORECASE,
)


def _talks_open(s: str, t: tuple[str, int, int, str]) -> bool:
    """Whether the negotiating trigger ``t`` states talks still open ("still to be negotiated")."""
    return (
        t[3].lower().startswith("negotiat")
        and _TALKS_OPEN_LEFT.search(s, max(0, t[1] - 40), t[1]) is not None
    )


def other_stages(s: str, trig: list[tuple[str, int, int, str]], status: str) -> list[str]:
    """Stages the sentence states besides ``status`` (its latest), in lifecycle order.

    Only stages a trigger of their own states (a bare purchase noun, "the purchase of", is no
    second stage) and only the pairs of :data:`_ALSO_STATED`: a later stage implies nothing about
    what the sentence does not say."""
    allowed = _ALSO_STATED.get(status)
    if not allowed:
        return []
    stated = [t for t in trig if t[0] not in ("purchase", "signed-future")]
    if status in ("delivered", "delivering"):
        # "flies N jets bought from X in 1996", "the fleet, bought in 2021, is delivered": a fleet in
        # hand described by a participle of its purchase states no contract stage of its own
        stated = [t for t in stated if not (t[3] in _PAST_BUY - {"ordered"} and _participle(s, t[1]))]
        # "receiving the last of N X sold under a package approved in 2022": an approval after the
        # delivery describes its deal; one before it ("A clears a sale to B; C delivered X") may be another's
        first = min((t[1] for t in stated if t[0] in ("delivered", "delivering")), default=0)
        stated = [t for t in stated if not (t[0] == "approved" and t[1] < first)]
    talks_open = status == "signed" and any(t[0] == "negotiating" and _talks_open(s, t) for t in stated)
    if status == "signed":
        stated = [t for t in stated if t[0] != "negotiating" or _talks_open(s, t)]
    if status in ("cancelled", "delayed"):
        # beside a stalled or dropped deal only an explicit clearance is a stage of its own: "picked in
        # 2012, the contest was scrapped" or "decided to buy X, but ran into delays" states no approval
        stated = [t for t in stated if t[0] != "approved" or _CLEARANCE.match(t[3])]
    # "approved a proposal to acquire": the buyer's own proposal, no supplier's offer
    stated = [t for t in stated if not (t[0] == "offered" and t[3].startswith("proposal"))]
    found, _modality = _readings(s, stated)
    if status in ("delivered", "delivering") and (_ON_ORDER.search(s) or _DATED_ORDER.search(s)):
        found["signed"] = _STATUS_RANK["signed"]
    if "negotiating" in found and status == "signed" and not talks_open:
        found.pop("negotiating")  # "officials expected the contract to be signed": no talks still open
    if "offered" in found and _CHOSEN_OVER.search(s):
        found.pop("offered")  # "chosen over the Y that Z had offered": the loser's offer, not this deal's
    return [st for st in allowed if st in found and st != status]


#: the talks nouns, which await their predicate after the system ("talks over X, ..., remain suspended")
_TALKS_NOUNS = frozenset(["talks", "negotiations", "discussions"])


def stage_window(
    a: int, spans: list[tuple[str, int]], trig: list[tuple[str, int, int, str]], name: str, s: str = ""
) -> list[tuple[str, int, int, str]]:
    """The triggers that speak of one system of a sentence naming several: those between the
    previous system and this one (as the per-system stage reads them) and those after the last
    system, which every system of the list shares ("signed for A and B ..., and the first were
    handed over").  ``spans``: (designation, end offset in the text) of each distinct system, in
    order; one system or an unknown name: every trigger."""
    names = [n for n, _end in spans]
    if len(spans) < 2 or name not in names:
        return trig
    i = names.index(name)
    lo = spans[i - 1][1] - a if i else 0
    hi = spans[i][1] - a
    last = spans[-1][1] - a
    brk = [m.end() for m in CLAUSE_BREAK.finditer(s, lo, hi)] if s and i else []
    if brk:
        # "the K2 tanks A bought arrived on Monday; FA-50 deliveries are late": a clause break between
        # the previous system and this one ends the previous system's clause
        lo = brk[-1]
    own = [t for t in trig if lo <= t[1] < hi]
    if s and own and all(t[0] == "purchase" or t[3] in _TALKS_NOUNS for t in own):
        # "talks over X, a sale approved in 2020 that also included Y, remain suspended": a talks or
        # purchase noun before X awaits the rest of X's clause (as the per-system stage reads it)
        brk = CLAUSE_BREAK.search(s, hi)
        stop = brk.start() if brk is not None else len(s)
        own += [t for t in trig if hi <= t[1] < stop]
    return [*own, *(t for t in trig if t[1] >= last and t not in own)]


# word prefilters (kg.extract._fastre.NeedsRx; matches unchanged): case-insensitive scans of a sentence
# or of the words before a trigger, skipped on a text that lacks every word the pattern needs (most
# do): the plain scans tried every alternative at every position (1% of the extractor's time)
_ON_ORDER, _TO_BE_LEFT, _PENDING_LEFT, _CANCEL_REFUSED_RIGHT, _REPLACING_LEFT = (
    NeedsRx(rx) for rx in (_ON_ORDER, _TO_BE_LEFT, _PENDING_LEFT, _CANCEL_REFUSED_RIGHT, _REPLACING_LEFT)
)
_DATED_ORDER = NeedsRx(_DATED_ORDER, needs=("19", "20"))  # the year every match holds
# the in-hand check of a trigger word (truthiness only), on the lowercased word (lower_in_place)
_WORD_CHECKS = lower_in_place(globals(), ("_IN_HAND_RX",))
