"""The extractor's trigger vocabulary: lifecycle-stage triggers and role verbs, defined once.

Why a module of its own: these patterns are what a newcomer tunes when the extractor misses a
wording ("close a contract", "green-lit", "take delivery"); keeping them apart from the role and
frame logic in :mod:`kg.extract.claims` makes each change a one-line edit with its own test
(``tests/extract/test_extract_realnews.py`` swaps equivalent triggers and expects the same claim).
"""

from __future__ import annotations

import re

from kg.extract._fastre import LowerRx
from kg.vocab.statuses import RANK, STATUS_KEYS

# --- trigger vocabulary -------------------------------------------------------------------

_I = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _I)


#: a count of items as news writes it ("24", "six", "a dozen"); never a year (four digits)
_COUNT_WORD = r"(?:\d{1,3}(?![\d,.])|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|hundreds)"


def _lrx(pattern: str, needs: tuple[str, ...] = ()) -> LowerRx:
    # see kg.extract._fastre: only for patterns whose group text callers never use as is
    return LowerRx(pattern, needs=needs)


#: "the third (export) buyer of the X after A and B": a purchase whose stage the sentence omits, by
#: a state named before the phrase, and earlier purchases by the states after it.  One phrase, read
#: by the trigger list (the "unknown" stage), the role step (the states after it bought earlier:
#: ``patterns._EARLIER_BUYERS``, ``patterns._NTH_BUYER_NEXT``) and :mod:`.customers` (one claim
#: per earlier customer).
NTH_ORDINAL = (
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)|latest|newest)"
)
CUSTOMER_NOUN = r"(?:buyer|customer|operator|user|client|importer|country|nation)s?"
#: ... up to the word that opens the list of earlier customers
NTH_CUSTOMER = (
    NTH_ORDINAL + r"\s+(?:[\w-]+\s+){0,3}?" + CUSTOMER_NOUN + r"\b[^.;]{0,80}?\b(?:after|following)"
)

#: the habitual present of a state's industry, "A-ian companies still sell ammunition to B", "A-ian
#: firms supply B with optics": a standing supply whose stage the text leaves untold (an ``unknown``
#: trigger; its seller is read as a stated relation, kg.extract.roles._industry_relations)
INDUSTRY_HABITUAL = (
    r"(?:companies|firms|manufacturers|makers|producers|shipyards|entities|contractors) "
    r"(?:(?:still|also|now|already|regularly|reportedly) )?(?:sell|supply|export)"
)

#: (status, pattern) checked on every sentence; the first group is the trigger word.
#: the rank of a supplier relation; a ranked one ("the second-largest supplier") and a comparative
#: ("one of Y's larger suppliers") state the relation as much as "the main supplier" does
_REL_ADJ = (
    r"(?:main|largest|biggest|top|leading|key|principal|primary|major|chief|dominant|traditional|"
    r"long-?standing|long-?time|number[- ]one|no\.? 1|sole|single (?:largest|biggest)|larger|bigger|"
    r"(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ](?:largest|biggest|most important))"
)
_REL_SHARE = (
    r"(?:most|much|the bulk|the majority|nearly all|almost all|(?:about |around |over |nearly |some |more than |"
    r"roughly |almost )?(?:half|two-thirds|three-quarters|a third|a quarter|\d+(?:\.\d+)? ?(?:%|per ?cent)))"
)
#: a stated supplier relationship without a deal ("X is Y's main arms supplier", "X supplies
#: most of Y's weapons"): listed first so "supplies" here is not a delivery
_RELATION = (
    r"(?:(?:single |foreign )?"
    + _REL_ADJ
    + r" (?:foreign |overseas |external )?(?:sources? of (?:arms|weapons|"
    r"(?:military |naval |defen[cs]e )?(?:equipment|hardware))|(?:destination|source) for (?:arms|weapons|defen[cs]e|military) "
    r"(?:purchases|imports|procurement|buys)|(?:arms |weapons |defen[cs]e |military |hardware )?(?:suppliers?|providers?|"
    r"exporters? to)|(?:arms |weapons |military )donors?|donors? of (?:arms|weapons|military (?:aid|assistance)) to|(?:arms|weapons|defen[cs]e|military) partners?|"
    # the relation told from the seller's side: "B was A's largest customer", "B and C were the main
    # recipients of A's exports" (kg.extract.roles._customer_roles reads who is who)
    r"(?:export |arms |weapons |defen[cs]e |military )?(?:customers?|clients?|recipients?)\b(?! for\b)|"
    r"(?:arms |weapons )?(?:importers?|buyers?) of (?=(?:[\w.'’-]+ ){0,2}?(?:arms|weapons|weaponry|exports|equipment|hardware)\b))|"
    # "Y has relied almost entirely on X for new weapons": a dependence on one supplier
    r"(?:relie[sd]|rely|relying|depend(?:s|ed|ing)?) (?:[\w-]+ ){0,2}?on(?= [^.;]{2,40}? for (?:[\w-]+ ){0,2}?"
    r"(?:arms|weapons|military (?:equipment|hardware)|defen[cs]e (?:equipment|hardware|imports))\b)|"
    r"suppl(?:y|ies|ied|ying) " + _REL_SHARE + r" of|account(?:s|ed|ing)? for " + _REL_SHARE + r" of|"
    # "B took 38% of A-ian deliveries": the buyer's share of a seller's exports
    r"(?:took|takes|taking|received|receives|receiving|absorbed|absorbing) "
    + _REL_SHARE
    + r" of(?= (?:the |all )?(?:[\w'’-]+ ){0,2}?(?:exports|deliveries)\b)|"
    # "70 percent of the major weapons Y imported over two decades came from X"
    + _REL_SHARE
    + r" of (?:the |its |all )?(?:major |main )?(?:arms|weapons|weapon systems|military (?:equipment|hardware))\b"
    r"[^.;]{0,100}?\b(?:came|come|comes|coming) from)"
)

#: checked apart from TRIGGERS, only when the sentence has one of these words (cheaper than
#: one more alternative tried at every word of every sentence); wins over overlapping triggers
_RELATION_RX = re.compile(r"(?<!\w)(" + _RELATION + r")\b")  # on lower-cased text
_RELATION_RX_I = re.compile(_RELATION_RX.pattern, _I)
_RELATION_WORDS = (
    "suppl",
    "provider",
    "source of",
    "sources of",
    "exporter",
    "donor",
    "account",
    "partner",
    "destination for",
    "source for",
    "came from",
    "come from",
    "comes from",
    "coming from",
    "customer",
    "client",
    "recipient",
    "importer",
    "buyer",
    "relie",
    "rely",
    "relying",
    "depend",
)
#: _RELATION_RX for any text (case-insensitive), behind its word prefilter (every match holds one of
#: _RELATION_WORDS); the sentence checks of claims ask it about most sentences that gave a claim, and
#: the plain re.I scan tried every alternative at every position (6% of the extractor's regex time)
RELATION_LRX = LowerRx(_RELATION_RX.pattern, needs=_RELATION_WORDS)
#: weak "signed" cues (a purchase noun): also checked apart, lowest priority (see _status)
_PURCHASE_RX = re.compile(
    r"\b((?:purchase|acquisition|procurement)s? of|(?:order|contract)s? (?:for|to (?:buy|purchase|"
    r"acquire|procure))|procures|"
    # the buyer's order named by its item: "B's X order", "the navy's $2bn submarine order" (not "B's
    # order book", "in order to")
    r"(?<=\w)['’]s (?:[\w$.,-]+ ){0,3}?orders?(?! book)(?= (?!(?:of|to)\b)))\b"
)
_PURCHASE_RX_I = re.compile(_PURCHASE_RX.pattern, _I)
#: every _PURCHASE_RX match contains one of these: it runs only on a sentence that has one
_PURCHASE_WORDS = ("purchase", "acquisition", "procure", "order", "contract")

#: the items between an acquisition verb and its seller phrase, as a list ("has taken N X, M Y and K Z
#: from A", "two X carriers and four Y corvettes from A"): a comma or "and" inside, no clause word, up to
#: 16 words
_LIST_TO_FROM = (
    r"(?:(?!(?:to|that|which|who|when|while|after|before|because|since|but|as)\b)[\w-]+,? ){0,8}?"
    r"(?:[\w-]+, |and )(?:(?!(?:to|that|which|who|when|while|after|before|because|since|but|as)\b)[\w-]+,? ){0,8}?"
    r"from\b"
)
#: ... or a few words ("took N X from A"); never a range ("from 24 to 36", "from the 1990s")
_ITEMS_TO_FROM = r"(?:(?:[\w-]+ ){0,5}?from\b|" + _LIST_TO_FROM + r")(?! (?:the )?\d)"
#: "took N X from A": items taken from a seller; the words that make "took ... from" no transfer (a
#: list after "took the last/first of" is read as the end or the start of the deliveries below); "...,
#: taking N X and M Y from A": the participle of a clause after a comma, with its items counted or
#: named (never "taking the total from 24 to 36", "taking its fleet from", "taking advantage of")
_TOOK_FROM = (
    r"(?:(?:took|taken)(?= (?!(?:over|part|office|power|control|place|steps?|charge|command|action|note|"
    r"aim|the lead|a|an|one|it|them|him|her|lessons?|time|years?|months?|weeks?|days?|inspiration|"
    r"advantage|shape|hold|cover|refuge|credit|issue|delivery)\b)(?:(?:[\w-]+ ){0,5}?from\b|"
    r"(?!(?:the )?(?:last|final|first|initial)\b)" + _LIST_TO_FROM + r"(?! (?:the )?\d)))|"
    r"(?<=, )taking(?= (?!(?:over|part|office|power|control|place|steps?|charge|command|action|note|aim|"
    r"the|its|their|his|her|our|total|a|an|one|it|them|time|advantage|shape|hold|cover|refuge|credit|"
    r"issue|delivery)\b)" + _ITEMS_TO_FROM + ")|"
    # "took over two X frigates from B's navy": counted items taken over from a seller (not "took over
    # from", "took over the running of", "took over as")
    r"(?:took|taken|takes) over(?= (?:the |its |their )?(?:" + _COUNT_WORD + r"|several|some) "
    r"(?:[\w'’-]+ ){0,6}?from\b))"
)
#: "has obtained N X from A", "has added N X and M Y from A": items acquired from a seller, a purchase
#: whose stage the verb leaves open (as "acquired"); the words that make them no acquisition
_GOT_FROM = (
    r"(?:obtained|added)(?= (?!(?:approval|permission|clearance|consent|licen[cs]es?|an? licen[cs]e|a permit|"
    r"financing|funding|funds|loans?|credit|information|data|intelligence|details|documents?|assurances?|"
    r"guarantees?|support|backing|help|visas?|that|to|weight|value|pressure|a|an|it|them|copies|copy|access|"
    r"evidence|records|e-?mails|images|footage|figures|statistics|quotes|comments?|reports?|the)\b)"
    + _ITEMS_TO_FROM
    + ")"
)
#: "has imported N X from A": items brought in from a seller, a supply whose stage is left open
_IMPORTED_FROM = r"imported(?= " + _ITEMS_TO_FROM + ")"
#: "the arsenal includes X and Y from A": a state's holdings listed with their sellers
_HOLDS_FROM = (
    r"(?:fleet|inventory|arsenal|armou?ry)s? (?:now |also |today )?(?:includes?|included|comprises?|comprised)(?= "
    + _ITEMS_TO_FROM
    + ")"
)

#: "A is awaiting N X from B": the buyer waits for items it bought from B
_AWAIT_FROM = (
    r"await(?:s|ing|ed)?(?= (?!(?:approval|clearance|permission|word|a decision|the decision|the go-ahead|"
    r"a response|a reply|an answer|news|confirmation|funding|payment)\b)(?:[\w-]+ ){1,6}?from\b)"
)

#: the other bids of a competition ("rival bidders included X with its Y", "the other contenders
#: were X and Y"): each is an offer to the competition's buyer (labelling guidelines: an offer,
#: also a losing one, is *offered*)
_RIVAL = (
    # "a rival Chinese offer": one word (a demonym, a maker) may stand between
    r"(?:other|rival|competing|losing|unsuccessful|failed)\s+(?:[\w-]+\s+)?(?:bidders?|bids?|offers?|contenders?|"
    r"competitors?|"
    r"suitors?|entrants?|proposals?|tenders?)|(?:bidders|contenders|competitors) (?:for|in) (?:the|this)|"
    r"(?:was|were) also in the running|"
    # the entrants of a competition: "among the bidders are A with the X", "the finalists include A and
    # B", "A with the X and B with the Y are the finalists"
    r"(?:among|of) the (?:bidders|contenders|finalists)|(?:bidders|contenders|finalists) (?:are|were|include|included)|"
    r"(?:are|were) (?:the |among the )(?:finalists|bidders|contenders)|"
    # "the request drew responses from A with the X and B with the Y": the entrants' bids
    r"(?:drew|drawn|draws|attracted|attracts)\s+(?:[\w-]+\s+){0,2}?(?:responses|bids|offers|proposals|submissions|entries)"
    r"\s+from|"
    # "the winner beat bids from A (the X) and B (the Y)": the beaten bids are the rivals
    r"(?:beat|beating|beats|defeated|defeating|saw off|edged out|outbid)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:bids?|offers?|proposals?)\s+(?:from|of|by)|"
    # "the winner beat A's maker, which offered its X": the beaten bidder's offer is a rival one
    r"(?:beat|beating|beats|defeated|defeating|saw off|edged out|outbid)\s+[^.;,]{2,60},\s+(?:which|who)\s+"
    r"(?:had\s+)?(?:offered|proposed|pitched|bid)|"
    # "A's X, B's Y and C's Z also lost": the losers of the competition told before (not "were both
    # lost", a loss of the items)
    r"(?<!were )(?<!was )(?<!been )(?:also|both|all) lost(?: out)?(?=\s*[.;,])|"
    # "a competition ..., with the X of A, the Y of B and the Z of C in contention"
    r"(?:(?:remain|remains|remained|are|were|is|was|still|also)\s+)?in contention"
)
_RIVALS = _lrx(r"\b(?:" + _RIVAL + r")\b")
#: every _RIVAL alternative contains one of these: checked apart from TRIGGERS (like _RELATION),
#: only when the sentence has one of them
_RIVAL_WORDS = (
    "bid",
    "offer",
    "contend",
    "finalist",
    "compet",
    "suitor",
    "entrant",
    "proposal",
    "tender",
    "running",
    " lost",
    "contention",
    "beat",
    "defeat",
    "edged out",
    "drew",
    "drawn",
    "draws",
    "attract",
    "saw off",
)

#: equipment described as in hand: "newly procured Israeli systems", "recently acquired from X",
#: "armed with Chinese weaponry" (a state's arsenal: delivered, whatever the main verb's tense)
#: a fleet in service: "it has operated since 1990", "which X had flown since 1997", "in service since",
#: "still flies", "already operates", "currently operates" (labelling guidelines: in service is delivered;
#: "currently" only with "operate", which is a trigger of its own: "currently flies N X" with no supplier
#: named would open claims on fleets, not deals)
_IN_SERVICE = (
    r"(?:has|have|had) (?:operated|flown|used|fielded)(?= (?:them |it )?since\b)|in service since|"
    r"(?:still|already) (?:operates|operate|flies|fly|fields|field|uses)|currently (?:operates|operate|operating)"
)
#: an in-service trigger word as :func:`kg.extract.triggers._triggers` gives it (without "since")
_IN_SERVICE_RX = _rx(
    r"^(?:(?:has|have|had) (?:operated|flown|used|fielded)|in service since|(?:still|already) \w+)$"
)
_IN_HAND = (
    r"(?:(?:newly|recently|freshly) (?:acquired|procured|purchased|bought|received|delivered|inducted)|"
    r"(?:armed|equipped) with (?:[\w-]+ ){0,3}?(?:weaponry|weapons|arms|military hardware|military equipment)|"
    + _IN_SERVICE
    + r")"
)
_IN_HAND_RX = _rx(r"^(?:" + _IN_HAND + r")$")
#: checked apart from TRIGGERS (like _RELATION), only when the sentence has one of these words
_IN_HAND_FIND = _lrx(r"\b(?:" + _IN_HAND + r")\b")
_IN_HAND_WORDS = ("newly", "recently", "freshly", "armed with", "equipped with", "since", "still", "already")
_IN_HAND_WORDS += ("currently",)

#: a fleet being retired or phased out, the verb forms: a system named with them is the old fleet, not
#: the deal's item (``sentence_cues`` "stage:retiring", the replaced system of ``claims``/``parties``,
#: in-service cues that do not reach across them)
RETIRE_VERB = r"(?:retir(?:e|es|ed|ing)|phas(?:e|es|ed|ing)\s+out)"

#: "finalised a blueprint / the design / its plans": settling a plan is no contract
_NOT_A_DEAL = (
    r"(?! (?:an? |the |its |their )?(?:[\w-]+ ){0,2}?(?:blue-?prints?|plans?|designs?|roadmaps?|specifications|"
    r"requirements|layouts?|strateg(?:y|ies)|details|timelines?|schedules?|sites?|locations?)\b)"
)

#: "received / booked an order for N X", "receives a $2 billion contract": a maker's order or contract
#: won (signed), not items arriving (the object is the order; "received the rest of its order" is a
#: delivery, so only an indefinite or counted order reads so)
_ORDER_TAKEN = (
    r"(?:an?|two|three|four|five|several|multiple|new|fresh|another|\d+)\s+(?:(?!of\b)[\w$.,-]+\s+){0,3}?"
    r"(?:orders?|contracts?)\b"
)
#: the items a double-object gift names ("gave B its first submarine"): a platform or weapon noun
_GIFT_ITEM = (
    r"(?:submarines?|frigates?|corvettes?|destroyers?|warships?|patrol (?:ships?|vessels?|boats?)|jets?|fighters?|"
    r"aircraft|helicopters?|tanks?|howitzers?|launchers?|drones?|batter(?:y|ies)|armou?red vehicles?|missiles?)"
)
#: "received Berlin's formal consent to send N X", "receives US approval to re-export": a permission
#: received, not items arriving (the receiver may be the one allowed to pass items on)
_LEAVE_TAKEN = (
    r"(?:[\w'’.-]+\s+){0,3}?(?:consent|approval|permission|go-ahead|green light|clearance|authori[sz]ation|"
    r"licen[cs]es?|permits?|assurances?|guarantees?|waivers?)\b"
)


#: the verbs of making, before "under (a) licence" a few words on
_MAKE_VERB = (
    r"(?:built|building|builds|produced|producing|produces|assembled|assembling|assembles|manufactured|"
    r"manufacturing|manufactures|made|makes|making)"
)
#: licensed production, the licensee's act ("HAL builds the engine under licence", "the shells produced
#: under a German licence", "licence-built jets", "a design licensed from A"): the maker is the
#: licensee (a buyer of the design), the licensor its supplier
UNDER_LICENCE = r"under (?:an? |the |its |their )?(?:[\w'’-]+ ){0,2}?licen[cs]e\b"
LICENSED_MAKE = (
    _MAKE_VERB + r"(?= (?:[\w,'’-]+ ){0,5}?" + UNDER_LICENCE + r")|"
    r"licen[cs]e-(?:built|produced|assembled|made|manufactured)|licen[cs]ed from"
)


TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "cancelled",
        _rx(
            r"\b(cancel(?:s|led|ed|ling|lation)?|scrap(?:s|ped|ping)?|terminat(?:e|ed|es|ing|ion)|called off|"
            r"call(?:s|ing)? off|pull(?:s|ed|ing)? out(?: of)?|withdr(?:ew|awn|aws) from|abandon(?:s|ed|ing)?|"
            r"(?:talks|negotiations|deal)\s+(?:have\s+|had\s+)?(?:collapsed|broke\s+down|broken\s+down|fell\s+through|"
            r"failed|fell\s+apart)|collapse of (?:the )?(?:talks|negotiations|deal)|suspend(?:s|ed|ing)?|"
            # suspended talks (labelling guidelines: cancelled): "talks stay frozen", "put the negotiations
            # on hold", "froze the talks"; a paused delivery is a delay, not this
            r"(?:talks|negotiations|discussions)\s+(?:\w+\s+){0,2}?(?:frozen|on hold|on ice|paused)|"
            # talks ended by a party: "has ended talks with A on the X", "broke off negotiations"
            r"(?:end(?:s|ed|ing)?|(?:broke|breaks?|breaking|broken) off)\s+(?:the\s+|its\s+|their\s+|all\s+)?"
            r"(?:[\w-]+\s+){0,2}?(?:talks|negotiations|discussions)|"
            r"(?:froze|frozen|freez(?:e|es|ing)|paus(?:e|ed|es|ing))\s+(?:the\s+|its\s+|their\s+|all\s+)?"
            r"(?:talks|negotiations|discussions)|put\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:talks|negotiations|"
            r"discussions)\s+on\s+(?:hold|ice)|"
            r"shelv(?:e|ed|es|ing)|dropp(?:ed|ing) (?:its |the |their )?(?:[\w-]+ ){0,2}?(?:plans?|deal|purchase|order)|walked away|"
            # the passive: "a plan to buy N X, agreed in 2018, was dropped in 2021" (read only beside another
            # stage word and after a deal noun, kg.extract.status: "the charges were dropped" is none)
            r"(?:was|were|has been|have been|had been) (?:\w+ly |later |then |eventually )?dropped|"
            # "the contract was annulled / rescinded", "revoked the export licence", "ditched its plan"
            r"revok(?:e|ed|es|ing)|annul(?:led|s|ment)|rescind(?:ed|s|ing)?|ditch(?:ed|es|ing)|"
            # "axes the order", "tore up the contract"
            r"ax(?:es|ed|ing)|(?:tear(?:s|ing)?|tore|torn) up|"
            r"vetoed|rejected (?:the|an?|its) (?:offer|deal|sale|bid|proposal|purchase|plan|contract)|halted|"
            # a supplier's embargo on a buyer, its arms supplies stopped: "imposed an arms embargo on B",
            # "stopped military aid to B" (its supplies cancelled; kg.extract.roles._halted_supplies)
            r"(?:impos|introduc)(?:ed|es|ing) (?:an? |its )?(?:[\w-]+ )?(?:arms|weapons) embargo|"
            r"stopp(?:ed|ing) (?:all |its )?(?:[\w-]+ )?(?:arms|weapons|military) (?:exports|sales|deliveries|"
            r"supplies|aid)|"
            r"collapsed|fell through|fell apart|fizzled out|(?:deal|contract|sale) (?:is|was) (?:dead|off)|"
            # "talks between A and B over X broke down" (not figures "broken down by year")
            r"(?:broke|broken) down(?! by\b| into\b)|"
            r"failed to (?:seal|sign|conclude|finali[sz]e|close|secure)|"
            # a supplier's refusal of the transfer itself: "refused to deliver the X", "has declined to
            # supply them", "declined to approve the export of X" (not "refused to cancel", "declined to
            # comment", nor a buyer's "refused to buy": the verb after "to" is the seller's)
            r"(?:refus|declin)(?:e|es|ed|ing) to (?:deliver|supply|sell|send|provide|export|transfer|hand over|"
            r"release|approve (?:the |an? |its )?(?:export|sale|transfer|delivery|re-export))|"
            r"(?:remov|expell|eject|exclud|suspend)\w* (?:\w+ ){0,2}from (?:the |its )?(?:[\w-]+ ){0,3}"
            r"(?:program|programme|project|consortium|deal|contract))\b"
        ),
    ),
    (
        "delayed",
        _rx(
            r"\b(delay(?:s|ed|ing)?|behind schedule|postpone(?:d|s|ment)?|push(?:ed)? back|slipp(?:ed|age)|"
            r"held up|held back|on hold|on ice|"
            # "deliveries have slowed", "production slowed": a schedule running late (newsset10 conventions)
            r"(?:has|have|had|was|were)\s+(?:\w+ly\s+)?slowed|slow(?:ed|ing)\s+(?:the\s+)?(?:deliver(?:y|ies)|production)|"
            r"(?:remains?|remained|stay(?:s|ed)?|is|are|was|were|been) (?:still )?frozen|"
            r"deferred|stalled|setbacks?|late deliver(?:y|ies)|slips?|slip by|overdue|rescheduled|"
            # "delivery has been put back to 2028", "missed the deadline for delivering"
            r"put back (?:to|until|by|into)|missed (?:the |its |their )?(?:\w+ )?deadlines?|"
            # "froze the delivery of the jets": a paused delivery (frozen talks are cancelled, see above)
            r"(?:froze|freez(?:e|es|ing)|paus(?:e|ed|es|ing)) (?:the |its |their |all |further )?"
            r"(?:deliver(?:y|ies)|shipments?|transfers?)|"
            r"running (?:\w+ ){0,5}?(?:late|behind)|"
            # "the jets ordered with them are late", "arriving late" (newsset12 conventions), not a time
            # of year ("arrived late in 2023", "are late this summer") nor "the late president"
            r"(?:(?:is|are|was|were|been|remains?) (?:now |still |already |years? |months? )?"
            # "are two years late", "is 18 months late"
            r"(?:(?:a|one|two|three|four|five|six|\d{1,2}|several|many) (?:years?|months?) )?late|arriv(?:e|es|ed|ing) late)"
            r"(?![\w-]| (?:in|on|last|this|next|that|summer|spring|autumn|fall|winter|\d)\b)|"
            # "has failed to deliver the weapons it was paid for": owed and not delivered, a slipped deal
            r"(?:failed|fails|failing) to deliver(?! on\b)|"
            # "expects the first in 2026, later than planned", "were originally due in 2023",
            # "pushing delivery to 2027": a schedule that slipped
            r"later than (?:originally )?(?:planned|scheduled|expected|promised|agreed|foreseen|envisaged)|"
            r"originally (?:due|scheduled|planned|expected|slated|set)(?= (?:to|for|in|by)\b)|"
            # a date missed or moved: "the first jet was supposed to arrive in 2023", "had hoped to take
            # delivery in 2023"
            r"(?:was|were) supposed to(?= (?:arrive|land|be (?:delivered|handed|shipped|supplied)|enter service|"
            r"reach)\b)|had (?:hoped|expected|planned|intended) to(?= (?:take delivery|receive|get|field)\b)|"
            r"push(?:es|ing)? back|push(?:ed|es|ing)? (?:the |its |their )?(?:first |final |planned )?"
            r"deliver(?:y|ies)(?: dates?)? (?:back |out )?(?:to|into|until|beyond))\b"
        ),
    ),
    (
        "delivering",
        _rx(
            r"\b(deliver(?:ies|y) (?:began|begun|started|commenced|(?:are|is) (?:now )?(?:underway|under way|ongoing|continuing)|"
            # "deliveries of the X to A began in 2023", "deliveries to the army began only in 2022",
            # "deliveries to A are under way"
            r"(?:of|to|from) (?:[\w-]+ ){1,8}?(?:began|begun|started|commenced|(?:have|has) (?:begun|started)|"
            r"(?:are|is) (?:now )?(?:underway|under way|ongoing))|"
            r"continue[sd]?|have (?:begun|started))|(?:began|begun|started|commenced|begins|starts) (?:deliver\w*|receiving|taking delivery|to receive)|"
            r"(?:is|are|has been|have been) delivering|continu(?:e|es|ed|ing) to (?:deliver|receive|take delivery)|supplies|supplying|delivering|"
            # "the missiles are being supplied under a 2022 contract": a delivery under way (passive progressive)
            r"(?:is|are) (?:now )?being (?:supplied|delivered|shipped|handed over)|"
            r"takes delivery|take delivery|"
            # present-tense transfers of a news lede: "X sends N tanks to Y", "Y gets N jets from X"
            r"delivers|sends|transfers|donates|(?:is|are) (?:sending|shipping|transferring|donating|getting|"
            r"receiving)|gets|receives(?! " + _ORDER_TAKEN + r"| " + _LEAVE_TAKEN + r")|"
            r"(?:first|initial|latest|final|last) (?:batch|tranche|consignment|lot|shipment|units?|deliver(?:y|ies))|"
            r"remaining|outstanding deliver(?:y|ies)|rest of the|so far|deliver(?:y|ies) of (?:the |its |their )?"
            r"(?:first|initial|second|latest))\b"
        ),
    ),
    (
        "delivered",
        _rx(
            # "delivered the required certification to Congress": a document, not the equipment
            r"\b(delivered(?! (?:the |a |an |its |their )?(?:required |formal |official )?(?:certification|notification|"
            r"notice|speech|address|remarks|statement|message|letter|verdict|ruling|report)s?\b)|received(?! "
            + _ORDER_TAKEN
            + r"| "
            + _LEAVE_TAKEN
            + r")|took delivery|taken delivery|taking delivery|handed over|hands over|arrived|arrives|"
            # a buyer's taking over of the items: "took possession of N X", "the navy took charge of the
            # first (of four) X" (charge of a new item only, not "took charge of the ministry")
            r"(?:took|taken|takes|taking) possession of|(?:took|taken|takes|taking) charge of(?= (?:the |its |their |her )?"
            r"(?:first|second|third|fourth|fifth|sixth|last|final|latest|new|newest|\d+|two|three|four|five|six|seven|"
            r"eight|nine|ten|eleven|twelve)\b)|"
            r"inducted|commissioned|completed (?:the )?deliver(?:y|ies)|deliveries were completed|possess(?:es|ed)|"
            # "the handover of N X to B": the items changed hands (a delivered transfer)
            r"hand-?overs? of|"
            # "with the delivery completed in 2020", "delivery of every unit was completed by May"
            r"deliver(?:y|ies) (?:of (?:(?:the|all|every|each) ){0,2}(?:[\w-]+ ){0,8}?)?(?:(?:was|were|has been|have been|"
            r"had been) )?(?:fully )?completed|"
            r"sent(?! (?:a|an|its|the|their) (?:formal )?(?:request|letter|proposal|note|message|delegation|team|"
            r"invitation|query|rfp))|shipped|(?<!-)exported|"
            r"supplied|provided|transferred|donated|gifted|handed|"
            # "the first two jets landed at the air base", "touched down on Monday at": an arrival (read
            # only after first/last or with the items carried, see
            # kg.extract.status: jets landing for an exercise are no delivery)
            r"(?:landed|touched down)(?= (?:(?:on|this|last|early|late) [\w-]+ )?(?:at|in)\b)|"
            + _TOOK_FROM
            + r"|"
            # "the army took N X from A in 2020": items taken from a seller (not "took over from",
            # "took power/control/part", "took the lead from")
            # "took the last of the 12 jets in 2018": the end of the deliveries
            r"(?:took|takes|taken) (?:the )?(?:last|final)(?= (?:of|\d+|two|three|four|five|six|seven|eight|nine|ten)\b)|"
            # "took the first two batteries in 2023", "has taken the initial four jets": the first items
            # in hand (a delivery under way: the partial reading of kg.extract.status)
            r"(?:took|takes|taken) (?:the )?(?:first|initial)(?= (?:of|\d+|two|three|four|five|six|seven|eight|nine|ten|"
            r"batch|tranche|consignment|shipment|lot)\b)|"
            # "has so far accepted ten aircraft", "accepted delivery of the first": a buyer's acceptance
            # of the items (not "accepted the offer")
            r"accepted(?= (?:delivery\b|(?:the |its |their )?first\b|\d+\b|(?:two|three|four|five|six|seven|eight|nine|"
            r"ten|eleven|twelve)\b))|"
            # the passive: "the first vehicles were accepted by the Army in 2024", "was formally accepted
            # by the navy" (a force takes the items; not "the offer was accepted by the ministry")
            r"(?:was|were|been|being) (?:\w+ly )?accepted(?= (?:into service )?by (?:the )?(?:[\w'’-]+ ){0,3}?"
            r"(?:army|navy|air force|air forces|armed forces|forces|military|marines|marine corps|coast guard|"
            r"guard)\b)|"
            # "the tanks it gave to X": a gift, not "gave approval", "gave a boost", "gave up"
            r"gave(?= (?:[\w-]+ ){0,5}?to\b)(?! (?:its |the |an? |final |formal )?(?:approval|go-ahead|nod|green light|boost|"
            r"assurances?|details?|priority|up)\b)|"
            # a gift with two objects: "has given B 49 tanks", "gave the army 12 jets", a recipient of up to three
            # words ("gave the A-ian army 14 tanks", "has given B more than 30"), then a count
            r"(?:gave|given)(?= (?:the )?(?:[\w-]+ ){1,3}?" + _COUNT_WORD + r"\b)|"
            # ... or a recipient, then items by their plural unit noun: "has given B X units", "gave B
            # its X launchers" (not "given priority to", "gave rise to")
            r"(?:gave|given)(?= (?:the )?[\w-]+ (?:(?:its|their|some|several|more|[\w/-]+) ){1,2}?"
            r"(?:units|systems|jets|fighters|tanks|howitzers|guns|launchers|helicopters|drones|batteries|"
            r"vehicles|missiles)\b)|"
            # ... or a recipient, then a determiner and the item, singular too: "gave B its first
            # submarine", "has given the navy a frigate", "gave B all 14 of its X helicopters" (not
            # "gave the army a chance to test its missiles": no "to", "for" or "with" in the gap)
            r"(?:gave|given)(?= (?:the )?[\w-]+ (?:its|their|a|an|all|both|one) (?:(?!(?:to|for|with|that|which)\b)"
            r"[\w'’/-]+ ){0,6}?" + _GIFT_ITEM + r"\b)|"
            # "have made similar swaps with X, receiving Y": a participle clause of a past act
            r"(?<=, )receiving|"
            r"was delivered|were delivered|have been delivered|has been delivered|"
            # a delivery told as a past event the sentence builds on: "after the delivery of X from A",
            # "since the arrival of the first X" (not "the delivery of X is expected")
            r"(?<=\b(?:after|since) )(?:the )?(?:deliver(?:y|ies)|arrivals?|handover) of|"
            r"(?<=\bfollowing )(?:the )?(?:deliver(?:y|ies)|arrivals?|handover) of)\b"
        ),
    ),
    (
        "signed",
        _rx(
            # "signed off on the purchase" is a clearance (approved, below), not a signature
            r"\b(sign(?:s|ed)(?! off\b)|"
            # a participle clause of a past act: "B followed in May, signing a contract for X", "chose the X,
            # awarding a contract worth $N", "became the first customer, ordering N launchers in 2022" (not
            # "ordering the army to")
            r"(?<=, )(?:signing|awarding|placing|inking|sealing|clinching)(?= (?:[\w$.,-]+ ){0,4}?"
            r"(?:contracts?|deals?|agreements?|orders?)\b)|"
            r"(?<=, )ordering(?! (?:[\w-]+ ){0,3}?to\b)|inked|inks|conclude[sd](?! that\b)|finali[sz](?:ed|es)"
            + _NOT_A_DEAL
            + r"|awarded|"
            # "A is awaiting N X from B": items bought and not yet delivered (not "awaiting approval from")
            + _AWAIT_FROM
            + r"|"
            # the signing idioms: "put pen to paper with B on N X", "put its signature on the contract"
            r"(?:put|puts) (?:(?:its|their|his|her|the|a) )?(?:pen to paper|signatures? (?:on|to))|"
            # "placed a firm / an emergency / an urgent / a $2bn order": any one or two words before it
            r"placed (?:an? |the |its |their )?(?:[\w$.,-]+ ){0,2}?(?:order|contract)s?\b(?! book)|"
            r"exercis(?:ed|es) (?:an?|the|its|their) (?:[\w-]+ ){0,2}?options?|(?:took|takes|taken) up (?:an?|the|its) "
            r"(?:[\w-]+ ){0,2}?options?|bought|buys|purchased|acquired|acquires|ordered|procured|"
            + _GOT_FROM
            + r"|"
            # the headline present "A orders 20 X" (the verb, with its count; "orders for" is the noun)
            r"orders(?= (?:up to |another |a further |(?:more|further|additional|new|extra) )?"
            + _COUNT_WORD
            + r"\b)|"
            r"contracted|clinch(?:ed|es)|seal(?:ed|s)|sold|sells|resold|resells|re-exported|(?:increas|expand|boost|rais)\w* (?:its|their|the) order|"
            r"(?:receiv(?:ed|es)|book(?:ed|s)) (?=" + _ORDER_TAKEN + r")[^.;]{0,40}?(?:contract|order)s?|"
            r"(?:won|secured|secures|bagged|bags|landed|clinched) (?:a|an|the|several|multiple|many|numerous|two|three|four|five|\d+) "
            r"[^.;]{0,40}?(?:contract|order|deal|tender)s?|"
            r"announc(?:ed|es|ing) (?:a|an|the) (?:[\w$-]+ ){0,4}?(?:deal|contract|order|agreement) (?:to|for|with)|became the (?:first|second|third|latest|newest|\w+th) [^.;]{0,80}?"
            r"to (?:acquire|buy|purchase|order|receive|operate|field)|agree[sd]? (?:\w+ ){0,3}?to (?:buy|purchase|acquire|sell|supply|lease|"
            r"procure|transfer|deliver|provide|export)|(?:struck|strikes) (?:an? |the )?(?:[\w$-]+ ){0,3}?(?:deal|contract|agreement|pact)|(?:is|are|was|were)\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?(?:buying|"
            r"purchasing|acquiring|procuring|ordering)|"
            r"(?:contract|deal|agreement)s? (?:was |were )?(?:signed|inked)|"
            # the order told in the passive: "under an order placed last month", "the order was placed in May"
            r"(?:order|contract)s? (?:was |were |(?:has|have|had) been )?placed|"
            r"(?:the )?signing of (?:an? |the )(?:[\w$-]+ ){0,3}?(?:contract|deal|agreement)|"
            r"clos(?:ed|es|ing) (?:an? |the |its |their )?(?:[\w$-]+ ){0,4}?(?:deal|contract|agreement|order|pact|accord)|"
            r"leased|signed (?:an? |the )?lease|"
            # "under a 2021 contract, A is building N X for B": the contract's stage
            r"under an? (?:[\w$.,-]+ ){0,4}?(?:contract|deal|agreement)(?! (?:talks|negotiations|signed|awarded|placed))|"
            # "A and B reached an agreement on N X", "agreed a $1bn deal for N X": a deal concluded (not
            # "an agreement in principle", which is talks)
            r"reach(?:ed|es) (?:an? |the )?(?:[\w$.,-]+ ){0,3}?(?:agreement|deal|accord)(?! in principle)|"
            r"agreed (?:an? |the )(?:[\w$.,-]+ ){0,3}?(?:deal|contract)|committed to (?:buying|purchasing|acquiring|ordering))\b"
        ),
    ),
    (
        "signed-future",
        _rx(
            r"\b((?:will|shall|is to|are to|would|(?:set|poised|due|scheduled|slated|expected) to) (?:\w+ )?(?:sell|supply|deliver|"
            r"provide|transfer|hand over|send|export|donate|give|gift|resell|re-export)|"
            # the buyer's side only with its source or its items ("is to receive N X from Y", "will get
            # the N X"); "the navy will receive 15 of them" shares out a deal in context (its stage holds)
            r"(?:will|shall|is to|are to|(?:set|poised|due|scheduled|slated|expects?|expected|expecting) to) (?:\w+ )?"
            r"(?:receive|get|take delivery of)"
            r"(?= [^.;]{0,80}?\bfrom\b| (?:the |all )?\d+ (?!of\b)[a-z])|"
            r"deliver(?:y|ies)\b[^.;]{0,120}?\b(?:are|is) (?:now )?(?:planned|scheduled|expected|"
            r"due|slated|set)|deliver(?:y|ies)\b[^.;]{0,120}?\b(?:will|(?:is|are) to) (?:start|begin|commence)|"
            r"(?:planned|scheduled|expected) deliver(?:y|ies))\b"
        ),
    ),
    (
        "approved",
        _rx(
            # "the cabinet signed off on the purchase", "parliament endorsed the deal": a clearance
            r"\b(sign(?:s|ed|ing)? off on|endors(?:e|ed|es|ing)(?= (?:the |an? |its |their )?(?:[\w$-]+ ){0,3}?"
            r"(?:purchase|procurement|acquisition|deal|contract|order|proposal|sale|plan)s?\b)|"
            r"approv(?:e|ed|es|al|ing)|clear(?:ed|s|ance)|green[- ]light(?:ed|s)?|green[- ]?lit|okay(?:ed|s)|go-ahead|authori[sz](?:ed|es|ation)|"
            # "sanctioned the purchase" (a clearance), never "sanctioned the firms" (a penalty)
            r"sanction(?:ed|s)(?= (?:the |an? |its |their )?(?:[\w$-]+ ){0,3}?(?:purchase|procurement|acquisition|buy|deal|"
            r"contract|order|proposal|sale|import)s?\b)|"
            r"acceptance of necessity|AoN|notified congress|possible (?:foreign military )?sale|"
            # an export-approval notice told in running prose: "which the administration notified to
            # Congress", "Congress was notified of the sale", "formally notified lawmakers"
            r"notified (?:to )?(?:the )?(?:U\.?S\.? )?(?:congress|lawmakers|the senate)|"
            r"(?:congress|lawmakers) (?:was|were|has been|have been|had been) (?:formally )?notified|"
            r"(?:congressional )?notification (?:to|of) (?:the )?(?:congress|lawmakers)|"
            # a supplier government's export approval (labelling guidelines, rule 5): "an export licence
            # was granted", "issued an export license for the jets"
            r"export licen[cs]es? (?:(?:was|were|has been|have been|had been|is|are) )?(?:granted|issued)|"
            r"(?:grant(?:s|ed|ing)?|issu(?:e|es|ed|ing)) (?:an? |the |its |their )?export (?:licen[cs]es?|permits?|authori[sz]ations?)|"
            # "allowed the export of N X", "parliament voted to buy N X", "passed a bill to buy N X"
            r"allow(?:s|ed|ing) the (?:export|sale|transfer) of|voted (?:in favou?r of |to (?:buy|purchase|acquire|approve|fund) )|"
            r"pass(?:ed|es) (?:an? |the )(?:\w+ )?(?:bill|law|resolution|motion) (?:to (?:buy|purchase|acquire|fund)|(?:on|for) the (?:purchase|acquisition|sale))|"
            # a buyer's choice of a system or a supplier is its government's decision to buy
            # (not "was chosen as the launch customer": the buyer chosen by a maker)
            r"(?:select(?:ed|s)|chose|chosen|opt(?:s|ed) for|pick(?:ed|s))(?! as (?:the |an? )?(?:[\w-]+ ){0,2}?"
            r"(?:customer|buyer|operator|user|partner|host|venue|site|location)s?\b)|"
            # "announced its choice of the X", "made its final selection of": the choice told as a noun
            r"(?:announc(?:ed|es|ing)|confirm(?:ed|s|ing)|made|makes|making) (?:its|their|the|a) (?:final )?"
            r"(?:choice|selection) of|"
            # "A's selection of the X was announced": the chooser's possessive, the choice as a noun
            r"(?<=['’]s )(?:final |formal )?(?:choice|selection) of|"
            # "was named the winner of the competition": the buyer's choice of a bidder
            r"(?:designated|named|declared|announced|confirmed)(?: as)? [\"“”']?(?:the )?winner|"
            # "settled on the X" (a choice), not "settled on $N as the price" (agreed terms: talks)
            r"settled on(?! (?:an? |the )?(?:[$€£\d]|(?:[\w-]+ ){0,2}?(?:price|terms|sum|figure|amount)\b))|"
            r"(?:decided|opted|chose|resolved) to (?:buy|purchase|acquire|procure|order|go for)|"
            r"pledg(?:e|ed|es|ing)|(?:promis|commit)(?:ed|s|ted|ting|ing)? to (?:supply|supplying|send|sending|provid\w+|"
            r"deliver\w*|donat\w+|give|giving|transfer\w*)|(?:plans?|planning|intends?|offered|agreed|decided) to donate|"
            # "decided to give B its N X", "agreed to hand over N X to B": a state's decision to give
            # from its stocks (approved, as "decided to donate"), never its own purchase
            r"(?:decided|decides|agreed|agrees|resolved|voted)(?: (?:in|on|last|this|earlier) [\w-]+(?: \d{4})?)? to "
            r"(?:give|gift|hand over)|"
            # a promise of a counted gift ("has promised 24 of the jets", "promised B 30 tanks"), a
            # state agreeing to give from its stocks ("agreed to hand over a third battery")
            r"promis(?:ed|es)(?= (?:[\w-]+ ){0,2}?"
            + _COUNT_WORD
            + r"\b)|(?:agreed|decided) to (?:hand over|give|gift))\b"
        ),
    ),
    (
        "negotiating",
        _rx(
            # "considering a French proposal" is the offer's stage, not talks (see "offered")
            r"\b(negotiat\w*|in talks|talks|discuss(?:ing|ions?|ed|es)|"
            # ("considered the price out of reach": a judgement of a cost, no talks either)
            r"(?:consider(?:ing|s|ed)?|evaluat(?:e|es|ed|ing))(?! (?:an? |the |its |their )?(?:[\w-]+ ){0,2}?"
            r"(?:proposal|offer|bid|pitch|price|cost)s?\b)|"
            r"(?:plan|plans|planned|planning|seek|seeks|seeking|sought|want|wants|wanted|intend|intends|intended|"
            r"aims?|aiming|hopes?|hoping|looking) to (?:buy|acquire|purchase|procure|order|sign|import|get)|"
            # "expressed interest in them" states no fact (labelling guidelines, rule 5); interest in a
            # purchase, a delivery or more of a system is a request (talks)
            r"(?:expressed |showed |shown |shows )?interest(?:ed)? in(?= (?:the |an? )?(?:[\w-]+ ){0,2}?"
            r"(?:deliver|purchas|acqui|procur|buy|order|supply|deal|additional|more|further))|"
            r"request(?:ed|s)? for (?:proposals?|information)|"
            r"request(?:ed|s|ing)? (?:to (?:buy|purchase|acquire|procure)|the (?:sale|purchase))|"
            # a buyer's request: "B has asked to buy N X" (in an export notification it is the request
            # the notification approves: see kg.extract.triggers)
            r"ask(?:ed|s)? to (?:buy|purchase|acquire|procure)|"
            r"requests? for (?:proposals?|information)|RFP|tenders?|shortlist\w*|preferred bidder|settled on|(?:expected|set|poised|likely|due|scheduled|slated|is|are) to (?:sign|buy|order|"
            r"finali[sz]e|conclude|acquire|purchase|procure|ink)|close to (?:signing|a deal|finali[sz]ing)|"
            r"near(?:ing|s)? (?:a |the )?deal|will (?:also |now |soon |still |eventually |instead |\w+ly )?(?:buy|acquire|purchase|sign|order|procure)|"
            r"(?:could|may|might|would) (?:also |now |soon |still |eventually |instead |\w+ly )?(?:buy|acquire|sign|order|purchase|procure)|memorandum of understanding|"
            r"MoU|letter of (?:intent|request)|ready to (?:fulfil+|supply|sell|deliver)|bargain\w*|haggl(?:e|es|ed|ing)|"
            r"(?:moving|preparing|working|looking|seeking|hoping|aiming|keen|eager) to (?:buy|acquire|purchase|procure|"
            r"order|get)|sent (?:a|an) (?:formal )?(?:request|letter of request|proposal)|issued (?:a|an) "
            r"(?:request|tender|rfp)|"
            r"talks? (?:on|over|for|about)|(?:at|in) (?:the |an? )?(?:final|advanced|last|late) stages?)\b"
        ),
    ),
    (
        "offered",
        _rx(
            # "the X offered the best capability": a system's merit, not a seller's offer
            r"\b(offer(?:s|ed|ing)?(?! (?:the )?(?:best|better|greatest|superior)\b)|pitch(?:ed|es|ing)|propos(?:ed|es) (?:to sell|selling|supplying|to supply)|"
            r"(?:has|have|had) proposed to|proposals? (?:for|to)|"
            # a bidder's entry: "A has put forward its X", "A proposed a version of its Y", "A tabled a
            # bid" (not a buyer's plan, budget or request put forward)
            r"put(?:s|ting)? forward(?! (?:an? |the |its |their )?(?:[\w-]+ )?(?:plans?|requests?|budgets?|bills?|"
            r"laws?|motions?|resolutions?|ideas?|case|arguments?|names?|candidates?|proposals? to (?:buy|purchase|"
            r"acquire|procure))\b)|propos(?:ed|es|ing) (?:its|their|an? (?:[\w-]+ )?(?:version|variant|derivative))\b|"
            r"(?:submitted|tabled|lodged) (?:an? |its |their |the )?(?:[\w-]+ ){0,2}?(?:bids?|offers?)|"
            # a bidder's proposal handed in: "A has also submitted a proposal", "officials presented a
            # proposal during visits to B" (not a buyer's "proposal to buy", put to its parliament)
            r"(?:submitted|tabled|lodged|presented) (?:an? |its |their |the )?(?:[\w-]+ ){0,2}?proposals?"
            r"(?! to (?:buy|purchase|acquire|procure|fund|order|lease)\b)(?! (?:to|before) (?:the )?(?:parliament|"
            r"congress|cabinet|lawmakers|senate|government|committee)\b)|"
            # a competition's entrant: "A has bid the X", "A is competing for B's frigate contract" (the
            # lists of entrants, "among the bidders are A with the X", are rival bids: see _RIVAL)
            r"(?:has|have|had) bid (?:the|its|their|an?)|"
            # a losing bid was still made: "B's X bid was rejected", "the offer was turned down"
            r"(?:bids?|offers?|entry|entries) (?:was|were|has been|have been|had been) (?:\w+ly |later |then )?"
            r"(?:rejected|turned down|unsuccessful|eliminated|ruled out|knocked out|passed over)|"
            r"compet(?:e|es|ed|ing) (?:(?:against|with) [^.;:]{2,60}? )?(?:for|in) (?:[\w'’-]+ ){0,5}?(?:contracts?|tenders?|"
            r"competitions?|programmes?|"
            r"requirements?|orders?)|"
            # "a competition in which it beat the X and the Y": the entries the winner beat were offers
            # (not "beat expectations")
            r"(?:in which|where|when) (?:[\w'’-]+ ){1,3}?(?:beat|defeated|outscored|edged out|saw off)"
            r"(?! (?:the )?(?:expectations?|forecasts?|estimates?|deadlines?|odds|records?)\b)|"
            r"(?:consider(?:ing|s|ed)?|evaluat(?:e|es|ed|ing)|stud(?:y|ies|ying)|weigh(?:s|ing)?|review(?:s|ing)?|"
            r"examin(?:e|es|ing)|mull(?:s|ing)?) (?:an? |the |its |their )?(?:[\w-]+ ){0,2}?(?:proposal|offer|bid|pitch)s?|"
            r"bid(?:s|ding)? (?:for|to)|"
            # "A lost out to B in C", "A lost the tender to B": a losing bid is an offer
            r"lost out to|lost (?:an? |the )(?:[\w-]+ ){0,2}?(?:tender|competition|contest|bid|race) to|"
            # a maker's entry in a competition: "entered the X in the tender", "the tender, which A had
            # entered with the X" (the tender itself is the buyer's process: see kg.extract.status)
            r"entered(?= (?:an? |the |its |their )?(?:[\w-]+ ){0,4}?(?:in|into|for) (?:an? |the |its |[\w'’-]+ )?"
            r"(?:[\w-]+ ){0,3}?(?:tender|competition|contest)s?\b| with\b))\b"
        ),
    ),
    (
        "unknown",
        _rx(
            r"\b(turn(?:ing|ed|s)? to|import(?:s|ed|ing)? (?:arms|weapons|military equipment|hardware|\w+ )?from|"
            r"rel(?:y|ies|ied|iance) (?:heavily )?on|depend(?:s|ed|ence|ent|ency)? (?:heavily )?on|"
            r"sourc(?:e|es|ed|ing) (?:\w+ ){0,2}from|main suppliers?|largest suppliers?|top suppliers?|"
            r"biggest suppliers?|arms suppliers?|suppliers? (?:such as|like|including)|"
            r"(?:arms|weapons) (?:purchases|imports|deals|supplies|exports|sales)|operat(?:es|ed|ing)|"
            r"(?:its|their) (?:fleet|inventory|arsenal) of|in service with|"
            + INDUSTRY_HABITUAL
            + r"(?= )|"
            # licensed production: "B builds the X under licence", "licence-built X", "a design licensed
            # from A": the licensor's design passes to the licensee, a transfer whose stage is untold
            + LICENSED_MAKE
            + r"|"
            # the nominal sale, "A's sale of N X to B", "the sale of X to B drew criticism": a transfer told
            # without its stage (a stage word beside it, "the sale ... was approved", is read too)
            r"sales? of(?= [^.;:]{0,80}? to\b)|"
            # "has imported N X and M Y from A", "the arsenal includes X and Y from A and Z from B": a
            # supply told without its stage (a list of items may stand before the seller phrase)
            + _IMPORTED_FROM
            + r"|"
            + _HOLDS_FROM
            + r"|"
            # "the fourth buyer of the gun after X and Y": a purchase whose stage the sentence omits
            + NTH_ORDINAL
            + r"\s+(?:[\w-]+\s+){0,3}?"
            + CUSTOMER_NOUN
            + r"(?=\b[^.;]{0,80}?\b(?:after|following)\b))\b"
        ),
    ),
]
#: The status cues a trigger may name: every status of :mod:`kg.vocab.statuses` (the one status
#: order) and the extractor's two pseudo-statuses, "signed-future" (a contract still to come)
#: and "purchase" (a buying verb without a stage).  Only membership is used (the decision is
#: the if-chain of ``kg.extract.status._status``); the value is the lifecycle rank, -1 off it.
_STATUS_RANK: dict[str, int] = {key: RANK.get(key, -1) for key in (*STATUS_KEYS, "signed-future", "purchase")}

_BUY_V = _rx(
    r"\b("
    + _TOOK_FROM
    # "obtained"/"added" are triggers only before their seller phrase (_GOT_FROM); here the word alone
    + r"|obtain\w*|added|await\w*|armed with|equipped with|newly procured|recently acquired|buy|buys|bought|buying|purchas\w*|acquir\w*|acquisition|order|orders|ordered|ordering|exercis\w*|"
    r"procur\w*|import\w*|receiv\w*|gets?|getting|took delivery|take delivery|taking delivery|inducted|inducts|"
    r"commissioned|lease[ds]?|leasing|interest(?:ed)? in|turn(?:ing|ed|s)? to|rel(?:y|ies|ied|iance) on|"
    r"depend\w* on|sought|seek\w*|wants?|plans?|diversif\w+|customer|buyer|operat\w+|fleet|inventory|"
    r"request\w*|tender\w*|select\w*|choice of|chose|chosen|pick\w*|shortlist\w*|evaluat\w*|consider\w*|"
    # a choice told with a phrasal verb ("opted for", "settled on", "decided on"): its subject buys
    r"opt(?:s|ed|ing)? for|settl(?:es|ed|ing) on|decid(?:es|ed|ing) on)\b"
)
_SELL_V = _rx(
    r"\b(won|wins|sell|sells|sold|selling|sale|sales|resell\w*|resold|re-export\w*|suppl(?:y|ies|ied|ying)|deliver\w*|export\w*|transfer\w*|"
    r"provid\w*|offer\w*|ship(?:s|ped|ping)?|hand(?:s|ed)? over|hand-?overs? of|send|sends|sent|give|gives|giving|gave|given|promis\w*|donat\w*|gift\w*|"
    r"pledg\w*|fulfil+\w*|ready to|manufactur\w*|build|builds|built|produc\w+|pitch\w*|bid\w*|proposed to)\b"
)
_NEUTRAL_V = _rx(
    r"\b(sign\w*|ink\w*|agree\w*|pen to paper|conclud\w*|finali[sz]\w*|negotiat\w*|talks|discuss\w*|deal|"
    r"contract|agreement|pact|cancel\w*|scrap\w*|collaps\w*|approv\w*|clear\w*|suspend\w*|seal\w*|"
    r"clos(?:e|ed|es|ing) (?:an? |the |its |their )?(?:[\w$-]+ ){0,4}?(?:deal|contract|agreement|order|pact|accord)|"
    r"shelv\w*|green[- ]?lit|okay\w*|secur(?:ed|es)|bagged|landed|clinch\w*|struck|strikes|ax(?:es|ed|ing)|"
    r"(?:tear(?:s|ing)?|tore|torn) up|announc(?:ed|es|ing) (?:a|an|the) "
    r"(?:[\w$-]+ ){0,4}?(?:deal|contract|order|agreement))\b"
)
_APPROVE = _rx(
    r"\b(sign\w* off on|endors\w*|approv\w*|clear(?:ed|s|ance)|green[- ]light\w*|green[- ]?lit|okay(?:ed|s)|go-ahead|authori[sz]\w*|"
    r"sanction(?:ed|s)|"
    r"acceptance of necessity)\b"
)
