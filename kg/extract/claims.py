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
5. group claims of one article into deals (``deal_key``: dyad, system, original or
   additional batch) and carry value/quantity/order year between claims of one deal.

Why rules and not a model: no trustworthy offline English model exists here and the
rules run at hundreds of articles per second (``shared/design/nlp-notes.md``).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from kg.extract.confidence import corroborate, score
from kg.extract.dates import DateMention, find_dates
from kg.extract.designations import written_designation
from kg.extract.entities import ITEM_NOUNS, Mention, find_mentions, guess_category
from kg.extract.model import Claim, DateRef, Evidence, PartyRef, SystemRef
from kg.extract.money import Money, find_money
from kg.extract.quantities import find_numbers
from kg.extract.sentences import mask_markup, split_sentences
from kg.extract.vocabulary import (
    _APPROVE,
    _BUY_V,
    _I,
    _NEUTRAL_V,
    _PURCHASE_RX,
    _PURCHASE_RX_I,
    _REL_ADJ,
    _REL_SHARE,
    _RELATION_RX,
    _RELATION_RX_I,
    _RELATION_WORDS,
    _SELL_V,
    _STATUS_RANK,
    TRIGGERS,
    _lrx,
    _rx,
)
from kg.vocab import reference
from kg.vocab.reference import SystemRecord

_ITEMS = "|".join(sorted(ITEM_NOUNS, key=len, reverse=True))
_ITEMS4 = "|".join(sorted((k for k in ITEM_NOUNS if len(k) > 3), key=len, reverse=True))
_ITEMS_NOSYS = "|".join(
    sorted((k for k in ITEM_NOUNS if k not in ("system", "systems", "unit", "units")), key=len, reverse=True)
)


_SPEAKER_AFTER = _rx(
    r"^(?:'s\s+[\w\s-]{0,60}?)?(?:\s*\([^)]{1,20}\))?\s*(?:chief|head|spokes\w+|official\w*|"
    r"minister|director|[A-Z][a-z]+\s+[A-Z][a-z]+\s+)?\s*,?\s*(said|says|told|announced|"
    r"reported|stated|added|confirmed|noted|quoted|wrote|claimed)\b"
)
_SUBITEM = _lrx(
    r"\b(?:includ\w*|along with|together with|plus|armed with|equipped with|as well as|"
    r"in addition to)\b[^.;]*$|\b(?:replac\w+|retir\w+|phas\w+ out|decommission\w*|succeed\w*)\s+"
    r"(?:its|their|the|an?)\s+(?:[\w-]+\s+){0,3}?(?:fleet of\s+)?$"
)
_SELL_BEFORE = _rx(
    r"\b(sell|sold|sale|sales|supply|supplie|deliver|export|transfer|offer|provid|"
    r"ship|hand|send|sent|donat|gift|pledg|approv|clear|arms|weapons)"
)
_SELL_AFTER = _rx(r"\b(sell|sold|sale|suppl|deliver|export|transfer|offer|provid)")
_OFFICIAL = re.compile(
    r"^(?:'s)?\s+(?:(?:[Dd]efen[cs]e|[Ff]oreign|[Pp]rime|[Dd]eputy|[Aa]ir|[Nn]aval|[Aa]rmy|[Ss]tate|"
    r"[Vv]ice|[Cc]hief|[Ss]enior|[Tt]op)\s+)*(?:Secretary|Minister|President|Ambassador|Envoy|"
    r"Chancellor|[Ss]pokes(?:man|woman|person)|[Oo]fficials?|[Mm]inister|[Pp]resident|[Aa]mbassador|"
    r"[Ee]nvoy|[Cc]hancellor|[Ss]ecretary)\b"
)
_WON_FROM = _rx(
    r"\b(?:won|wins|secured|bagged|landed|received)\s+(?:a|an|the)\s+[^.;]{0,40}?"
    r"(?:contract|order|deal|tender)\s+from\s+(?:the\s+)?$"
)
_AWARDED_TO = _rx(
    r"\b(?:awarded|gave|granted|placed)\s+(?:a|an|the)\s+[^.;]{0,40}?(?:contract|order|deal)\s+"
    r"(?:to|with)\s+(?:the\s+)?$|"
    # "the deal that was ultimately awarded to France's Dassault": contracts go to sellers
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?awarded\s+to\s+(?:the\s+)?$"
)
_PURCHASE_BY = _rx(
    r"\b(?:purchase|acquisition|procurement|order|import|induction)s?\s+of\s+[^,;]{0,80}?\s+by\s+"
    r"(?:the\s+)?$"
)
_TO_BUYERS = _rx(
    r"\bto\s+(?:(?:other\s+)?(?:countries|nations|customers|buyers|states|armies|air forces|clients)\s+"
    r"(?:such as|like|including)|the likes of)\s+(?:the\s+)?$"
)
_ARMS_WORD = _rx(r"\b(?:arms|weapons|munitions|" + _ITEMS4 + r")\b")
_NEW_DEAL = _rx(
    r"\b(?:second|another|separate|different|new|other)\s+(?:\w+\s+)?(?:project|deal|contract|programme|"
    r"program|tender|acquisition|procurement)\b"
)
_SPEAKER_NEAR = _lrx(
    r"^(?:'s)?\s*(?:[\w-]+\s+){0,4}?(?:said|says|told|announced|reported|stated|confirmed)\b"
)
_ACCORDING = _rx(r"according to\s+(?:the\s+)?$")
_NEG_CONTEXT = _lrx(
    r"(?:invasion of|invaded|war (?:in|with|on|against)|against|attack(?:s|ed)? on|conflict (?:in|with)|"
    r"sanctions (?:on|against)|border with|borders? of|tensions with|threats? from|rivalry with|"
    r"pressure from|away from|independence from|delegation from|officials from|troops from|visit(?:ed|s)? to|"
    r"trip to|envoy to|ambassador to|relations with|ties with|partnership with|"
    r"allies? (?:like|such as)|neighbou?rs? (?:like|such as)|compared (?:with|to)|rather than|instead of|"
    r"dependence on|reliance on|relying on|reduce \w+ on|than|tensions? (?:between|with)|"
    r"counter|deter|threat posed by|threat of|aggression|adversar\w+|invasion by|fight(?:ing)?|war against|"
    r"in response to|sanctions by|sanctions from|opposition from|(?:approval|permission|consent|clearance|"
    r"licen[cs]e|authori[sz]ation|nod|go-ahead|waiver)\s+from|objections from|criticism from|warnings from|retaliation from|"
    r"backlash from|response from|retaliation against|pressure on|warned|sanctioned)\s+"
    r"(?:the\s+|both\s+|either\s+)?$"
)
#: last words of every _NEG_CONTEXT phrase: the regex only runs when one of them ends the left context
_NEG_LAST = frozenset(
    [
        "of",
        "in",
        "with",
        "on",
        "against",
        "from",
        "to",
        "by",
        "than",
        "like",
        "as",
        "between",
        "deter",
        "counter",
        "aggression",
        "fight",
        "fighting",
        "invaded",
        "warned",
        "sanctioned",
    ]
)
_NEG_RIGHT = _lrx(
    r"^(?:'s)?\s*(?:-\s*)?(?:[A-Z][\w]+\s+)?(?:conflict|war\b|crisis|standoff|clashes|hostilities|"
    r"border|tensions)|^\s*(?:has\s+|had\s+|have\s+|also\s+|repeatedly\s+)*(?:imposed|slapped|threaten\w*|"
    r"warned|condemn\w*|critici[sz]\w*|object\w*|protest\w*|sanctioned|opposed|blocked|vetoed|urged|"
    r"pressured|pressed)\b|^(?:'s)?\s*(?:-\s*)?(?:sanctions|pressure|embargo|opposition|objections?|warnings?|threats?|"
    r"invasion|aggression|war\b|strikes?|attacks?|troops|forces? (?:attacked|invaded))"
)
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and|or|as well as)?|and|or|as well as|&|/)\s*(?:the\s+)?$", _I)

# role cue right before a party (left context) or after it
_FROM = _rx(
    r"\b(?:from|by)\s+(?:the\s+)?(?:(?:countries|nations|suppliers|partners|vendors|firms|companies)\s+"
    r"(?:such as|like|including)\s+(?:the\s+)?)?$"
)
_TURN_TO = _lrx(
    r"\b(?:turn(?:ing|ed|s)?|look(?:ing|ed|s)?|pivot(?:ing|ed|s)?|shift(?:ing|ed|s)?)\s+(?:increasingly\s+)?"
    r"to(?:wards?)?\s+(?:the\s+)?(?:(?:countries|nations|suppliers|partners|vendors|such|others)\s+"
    r"(?:such as|like|including)\s+(?:the\s+)?)?$"
)
_SUCH_AS = _lrx(
    r"\b(?:suppliers?|vendors?|exporters?|sellers?|manufacturers?)\s+(?:such as|like|including|from)\s+"
    r"(?:the\s+)?$"
)
_BY = _rx(r"\b(\w+)\s+by\s+(?:the\s+)?$")
_TO = _rx(r"\b(\w+)\s+(?:\w+\s+){0,1}to\s+(?:the\s+)?$")
_FOR = _rx(r"\bfor\s+(?:the\s+)?$")
#: a deal (or package, sale) that lists its items: "the deal covers", "deals including", "the
#: package comprises"
_DEAL_LIST = _rx(
    r"\b(?:deals?|contracts?|packages?|sales?|orders?|agreements?)\s+(?:\w+\s+){0,2}?"
    r"(?:includ(?:e|es|ing|ed)|cover(?:s|ed|ing)?|compris(?:e|es|ing|ed)|consist(?:s|ing)? of)\b"
)
#: "had been supplied to X by Y": Y sells (the word before "by" is the buyer, not a verb)
_PASSIVE_TO_BY = _rx(
    r"\b(?:sold|supplied|provided|delivered|transferred|exported|handed(?: over)?|given|gifted|donated|"
    r"leased|shipped|sent)\s+to\s+(?:the\s+)?[\w .'’-]{1,40}?\s+by\s+(?:the\s+)?$"
)
_WITH = _rx(
    r"\b(?:with|between)\s+(?:the\s+)?(?:[A-Z]{2,}\s+(?:member|country|ally|partner|state|nation)\s+(?:state\s+)?)?$"
)
_MADE = _rx(
    r"^\.?[-\s]?(?:made|built|manufactured|designed|developed|origin|supplied|produced|sourced|led)\b"
)
_POSS = re.compile(r"^(?:'s?|’s?)(?=\s)")
_ORG_NOUN = _rx(
    r"^(?:'s?|’s?)?\s+(?:[A-Z][\w-]+\s+){0,3}?(army|navy|air force|armed forces|military|government|"
    r"defen[cs]e ministry|ministry|ministry of defen[cs]e|defen[cs]e department|coast guard|marines|"
    r"forces|officials|cabinet|parliament|agency|procurement agency|armament agency|defen[cs]e forces)\b"
)

_ORIGIN_BY = _rx(r"^(made|built|manufactured|produced|developed|designed|jointly)$")
_SELLER_BY = _rx(
    r"^(made|built|manufactured|produced|developed|designed|supplied|sold|delivered|offered|provided|"
    r"exported|transferred|shipped|donated|offered|pitched|proposed)$"
)
_BUYER_BY = _rx(
    r"^(bought|ordered|purchased|acquired|procured|signed|approved|requested|sought|cleared|inducted|"
    r"received|used|operated|leased|commissioned|fielded|chosen|selected|picked)$"
)
_NOT_TO = _rx(
    r"^(according|linked|related|attributed|owing|due|subject|exposure|request|letter|proposal|turning|turned|turn|close|next|due|similar|compared|addition|prior|relation|"
    r"respect|regard|up|visit|trip|travelled|traveled|envoy|ambassador|threat|contrary|thanks|"
    r"referring|refer|pointed|pivot|pivoting|looking|look|shift|shifting|owing|thanks|went|go|going|"
    r"went|sent|came|come|back|way|route|home|access|exports|closer|ties|relations|commitment|"
    r"committed|opposed|open)$"
)

_ANAPHORA = _lrx(
    r"\b(?:the|these|those|this|that|such|its|their)\s+(?:[\w-]+\s+){0,3}?(?:systems?|jets?|aircraft|deals?|"
    r"contracts?|orders?|agreements?|deliver(?:y|ies)|units?|batch|purchases?|acquisitions?|talks|negotiations|"
    r"weapons|missiles|fighters|helicopters|submarines|vessels|ships|drones|tanks|howitzers|platforms|"
    r"batteries|frigates|warplanes|planes|consignments?|shipments?|sales?)\b|\b(?:the\s+)?(?:remaining|rest|"
    r"outstanding|final units)\b|\bfulfil+\s+this\b|\bunder the (?:deal|contract|agreement)\b"
)
_ADD_TARGET = (
    r"(?:\d+\s+|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:[A-Z][\w/-]*\d[\w/-]*|[A-Z][a-z]+s\b|batch|batches|tranche|order|orders|"
    r"deliveries|delivery|units?|"
    r"purchases?|deal|contract|" + _ITEMS4 + r")\b"
)
_SECOND_BATCH = r"|\b(?:second|third|fresh)\s+(?:[\w-]+\s+){0,2}?(?:batch|tranche|order|lot|contract)\b"
_ADDITIONAL = _lrx(
    r"\b(additional|another|further|extra)\s+"
    + _ADD_TARGET
    + r"|\b(follow-on|follow-up|repeat order|second batch|new batch|next batch|new order|fresh order|"
    r"second tranche)\b" + _SECOND_BATCH + r"|\b(more)\b(?!\s+than)"
)
_MORE_OK = _lrx(
    r"(?:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|dozen|buy|order|acquire|purchase|procure|get)\s+more\b)|\bmore\s+[A-Z]"
)
_FUTURE = _lrx(
    r"\b(will|expected to|scheduled to|due to|set to|slated to|plans? to|is to|are to|next|"
    r"by the end of|upcoming|would|intends? to|aims? to|hopes? to)\b"
)
_MODAL = _lrx(
    r"\b(expected to|set to|poised to|likely to|due to|scheduled to|slated to|will|would|"
    r"plans?(?:ned)? to|planning to|intends? to|aims? to|wants? to|hopes? to|seeks? to|seeking to|"
    r"could|may|might|considering|mulling|weighing|reportedly|is to|are to)\b[^.;]{0,40}$"
)
_EARLIER_DEAL = _lrx(
    r"\b(?:follows|followed|following|comes after|came after|builds on|built on|adds to|added to|on top of|"
    r"in addition to|is separate from|supplements?)\s+(?:the|an?|its|their|an earlier|a previous|a prior)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:purchase|order|contract|deal|acquisition|agreement|buy)\b|"
    # "adding to the 24 it bought in 2017", "on top of the six jets already ordered"
    r"\b(?:adding to|adds to|added to|on top of|in addition to|besides|alongside|supplementing|joining)\s+"
    r"(?:the|its|their|an?)\s+(?:[\w-]+\s+){0,3}?(?:(?:it|they|that|which|already|previously|had|has|have|"
    r"was|were|earlier)\s+){1,3}(?:bought|ordered|purchased|acquired|procured|received|contracted|signed for|"
    r"delivered|in service)\b"
)
_EARLIER_WORDS = (
    "follow",
    "after",
    "build",
    "built",
    "add",
    "top of",
    "besides",
    "alongside",
    "separate",
    "supplement",
    "joining",
)
#: "whose Rafale was picked", "which were ordered": the party before a passive buy verb is the
#: maker or the item's owner, never the buyer
_PASSIVE_BUY = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: "X won/secured/landed an order": X is the seller of that order
_WON_CONTRACT = re.compile(
    r"\b(?:won|wins|secured|secures|bagged|landed|clinched)\s+(?:an?|the)\s+[^.;]{0,40}?\b(?:contract|order|deal)s?\b",
    re.IGNORECASE,
)
#: a delivery stated as complete outranks the first-batch wording of the same sentence
_COMPLETED = re.compile(r"\bcomplet(?:ed|ion)\b", re.IGNORECASE)
#: a memorandum or letter of intent is signed during talks (labelling guidelines: negotiating)
_MOU_AFTER = re.compile(
    r"\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:mou|memorandum|letter of intent|loi)\b", re.IGNORECASE
)
#: "the State Department approved a possible sale": only then is a possible sale an approval
_APPROVED_SALE = _lrx(r"\b(approv\w*|clear\w*|notif\w*|authori[sz]\w*|green[- ]?l\w*)\b[^.;]{0,40}$")
#: "awaiting the arrival of the first batch": deliveries have not begun (the deal is signed)
_AWAITING = _lrx(
    r"\b(await\w*|wait(?:s|ed|ing)? for|yet to (?:receive|get|take)|expect\w* (?:to receive )?)\s+(?:[\w-]+\s+){0,4}$"
)
_PLEDGE_VERB = _lrx(r"\b(supply|provide|send|donate|give|gift|transfer|hand over|deliver)\b")
_AID = _lrx(
    r"\b(aid|assistance|package|donat\w+|pledg\w+|gift\w*|free of charge|military support|support package|"
    r"security assistance|drawdown|promised|commitment)\b"
)
_FUTURE_RIGHT = _lrx(
    r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,4}?(?:will|(?:is|are) (?:expected|due|scheduled|set|slated) to|"
    r"(?:is|are) (?:expected|due|scheduled|slated))\b"
)
_PLANNED = _lrx(
    r"\b(planned|proposed|potential|possible|prospective|intended|future|mooted|envisaged|pending|"
    r"for the|for an?|about (?:the|an?)|on (?:the|an?)|over (?:the|an?)|talks|negotiat\w+|offer\w*|bid|tender)\s+"
    r"(?:[\w-]+\s+){0,3}?$"
)
#: "selected the Gripen over the F-16", "ordered K2s rather than more Abrams", "won, beating the
#: Rafale": the system after the marker lost the competition and is no deal of this sentence
_REJECTED = _lrx(
    r"\b(over|rather than|instead of|ahead of|in preference to|beating|beat|outbidding|outbid|defeating|"
    r"edging out|edged out|outclassing|trumping)\s+(?:the\s+|an?\s+|its\s+|their\s+|rival\s+|competing\s+|"
    r"(?:\w+\s+)?bids?\s+(?:from|by)\s+(?:the\s+)?)*"
)
_REJECTED_WORDS = (
    " over ",
    "ather than",
    "nstead of",
    "head of",
    "eat",
    "outbid",
    "efeat",
    "edg",
    "preference",
    "trump",
    "outclass",
)
#: the choice the marker needs before it (anywhere earlier in the sentence)
_CHOICE_BEFORE = _lrx(
    r"\b(select\w*|chose|chosen|choos\w*|pick\w*|opt(?:s|ed|ing)? for|prefer\w*|favou?r(?:s|ed|ing)|"
    r"went (?:for|with)|go(?:es|ing)? (?:for|with)|won|wins|winning|winner|award\w*|decided on|settled on)\b"
)
_CHOICE_OR_BUY = _lrx(
    r"\b(select\w*|chose|chosen|choos\w*|pick\w*|opt\w*|prefer\w*|favou?r\w*|went (?:for|with)|won|wins|"
    r"winning|award\w*|decided|settled|order\w*|bought|buy\w*|purchas\w*|acquir\w*|procur\w*|sign\w*|"
    r"contract\w*|deal)\b"
)
#: "an order for 108 tanks placed in 2019", "a contract worth $2 billion signed in 2021"
_PLACED_BEFORE = _lrx(
    r"\b(?:order|contract|deal|agreement|purchase)s?\b[^.;,]{0,70}?\b(?:placed|signed|awarded|inked|"
    r"concluded|finali[sz]ed|struck|agreed|made)\s+(?:back\s+|originally\s+|first\s+)?$"
)
_PLACED_WORDS = ("placed", "signed", "awarded", "inked", "concluded", "finali", "struck", "agreed", "made")
_C34 = re.compile(r"[,;(]|\b(?:under|part of)\s+(?:an?|the|its|their)\b")
#: role cues of a state that approved something: its own purchase, or an export
_APPROVER_CUE = re.compile(
    r"^(?:(?:approved|cleared|authori[sz]ed|sanctioned|green-?lit|greenlighted)-by|"
    r"subject:(?:approv|clear|authori|green|go-ahead))"
)
#: between the marker (or a rejected maker) and the rejected system: a few plain words
_REJ_GAP = re.compile(r"^(?:'s\s+|’s\s+|[\w&.-]+\s+){0,3}$|^\s*$")
_NEGATION_NEAR = _lrx(r"\b(not|never|no longer|n't|yet to|without|cannot|unable to|failed to)\b[^.;,]{0,25}$")
_DENIAL = _lrx(
    r"\b(denied|denies|deny|dismissed|refuted|rejected (?:media |the |those )?reports|ruled out|"
    r"no plans? to|not true|baseless|false reports?)\b"
)
_PARTIAL = _lrx(
    r"\b(first|initial|some of the|part of the (?:order|deal|contract|batch|shipment|consignment)|"
    r"remaining|so far|batch|tranche|outstanding|rest of)\b"
)
_ON_SCHEDULE = _rx(r"\b(?:back\s+)?\"?\s*on (?:schedule|track)\b")
_REPORT_BEFORE = _lrx(
    r"\b(said|says|told|announced|reported|stated|added|confirmed|noted|statement)\s+"
    r"(?:\w+\s+){0,3}?(?:on\s+)?$"
)
_REPORT_AFTER = _rx(r"^\s*,?\s*(?:\w+\s+){0,2}(said|told|announced|reported)\b")
_PACKAGE = _lrx(
    r"\b(proposals|package|as well as|along with|among (?:them|others)|and other|a (?:slew|host|"
    r"raft|range) of|several|various|multiple|procurement proposals|capital acquisition)\b"
)
_MONEY_BAD = _lrx(
    r"\b(budget|revenue|revenues|gdp|spending|spent|spend|exports? worth|turnover|market|profit|"
    r"income|line of credit|credit line|loan|aid|assistance|fund(?:s|ing)?|investment|invested|"
    r"economy|trade|allocation|allocated|outlay|per unit|annual)\b"
)
_QTY_BAD_AFTER = _lrx(
    r"^\s*(?:-|\s)?(?:years?|percent|per cent|%|km|kilomet\w+|miles|times|days|months|weeks|"
    r"billion|million|crore|lakh|hours|people|soldiers|troops|countries|nations|decades|"
    r"buyers|firms|companies|officials|sources|metres|meters|tonnes|tons|kg|minutes|rounds|"
    r"nautical|feet|seconds|per|of the world|mm|millimet\w+|cm|centimet\w+|calib\w+|cal|"
    r"kinds?|types?|sorts?|varieties|variants|versions|models)\b"
)
_SKIP_SENT = _rx(
    r"^\s*(?:related(?: article| stories| news)?|read (?:more|also)|also read|see also|"
    r"original url|source|photo|image|file photo|subscribe|advertisement)\s*:"
)
_DEAL_NOUN = _lrx(
    r"\b(deal|deals|contract|contracts|order|orders|agreement|purchase|purchases|acquisition|sale|"
    r"sales|procurement|exports?|imports?|transfer|deliver(?:y|ies)|arms|weapons|packages?)\b"
)

#: States that export arms widely: the tie-break when a sentence pairs two countries and
#: nothing else says who sells (SIPRI's top exporters; a prior, used with low confidence).
MAJOR_EXPORTERS = (
    "USA",
    "RUS",
    "FRA",
    "CHN",
    "DEU",
    "ITA",
    "GBR",
    "ESP",
    "ISR",
    "KOR",
    "TUR",
    "SWE",
    "NLD",
    "UKR",
    "CHE",
    "NOR",
    "CZE",
    "AUS",
    "POL",
    "CAN",
    "BLR",
    "BRA",
    "ZAF",
    "ARE",
    "IND",
    "JPN",
)
_EXPORTER_RANK = {iso: i for i, iso in enumerate(MAJOR_EXPORTERS)}


# was r"[;:]|\bwhile\b|\bbut\b|\bwhereas\b|, which\b|, who\b|\b(?:said|says|told|added)\b": same
# matches, but positions inside words are rejected by the lookbehind before the alternation
_CLAUSE_END = re.compile(r"[;:]|, wh(?:ich|o)\b|(?<!\w)(?:while|but|whereas|said|says|told|added)\b")
_SPEAKER_VERB = _lrx(
    r"^\s*(?:'s\s+)?[\w\s-]{0,40}?\b(said|says|told|announced|reported|stated|added|confirmed)\b"
)

_OBJ_OF_SELL = _lrx(
    r"\b(sell|sells|sold|selling|supply|supplies|supplied|supplying|offer|offers|offered|"
    r"offering|provide|provides|provided|give|gives|gave|arm|arms|armed|send|sent|"
    r"deliver|delivers|delivered)\s+(?:the\s+)?$"
)

_ORDER_FOR = _rx(r"\b(?:order|contract|deal|agreement)\s+(?:for|of|covering)\s+(?:a total of\s+|up to\s+)?$")

# quantity cues (hot loop: compiled once)
_NEAR_ITEM = re.compile(
    r"^\s+(?:(?:more|additional|new|used|second-hand|refurbished|advanced|upgraded|"
    r"extra|further|of the|of|the|its|their|generation|next-generation|"
    r"[\w]+-(?:made|built|designed|origin)|[a-z]+(?:-[a-z]+)?|"
    # a calibre between the count and the item: "six 155 millimetre guns", "24 155mm howitzers"
    r"\d+(?:\.\d+)?(?:[\s-]?(?:mm|millimet\w+|cm|calib\w+))|"
    r"[A-Z][\w-]*)\s+){0,4}?(?:[A-Z][\w/-]*\d[\w/-]*|[A-Z][\w-]+|" + _ITEMS + r")"
)
_HITS_ITEM = _lrx(
    r"^\s+(?:(?:more|additional|new|used|\d+(?:\.\d+)?[\s-]?(?:mm|millimet\w+)|[\w-]+)\s+){0,3}?(?:"
    + _ITEMS
    + r")\b"
)
_OF_SYSTEMS = _rx(r"^\s+(?:of\s+)?(?:the|its|their)\s+(?:[\w-]+\s+)?(?:systems?|units?)\b")
_OF_THE = _rx(r"^\s+of\s+(?:the|these|those|its|their)\s")
_REMAINING_KW = _rx(r"\b(remaining|other|last|final|rest of the|outstanding)\s+$")
_FIRST_KW = _rx(r"\b(first|initial)\s+$")
_WORD_NEXT = re.compile(r"^\s+\w")
_VERB_NEXT = re.compile(r"^\s+(?:have|has|are|were|will|is|units|of)\b")
_UNITS_NEXT = re.compile(r"^\s+units?\b")
_BATCH_OF = _rx(r"\b(?:batch|total|fleet|order|consignment) of\s+$")
#: "to lease an Akula-class submarine", "bought a Type 054A frigate": a single ship, stated as
#: such, is a count of one (only a ship noun right after the designation qualifies: "ordered a
#: howitzer" often names the type, and "a frigate deal", "a submarine programme" count nothing)
_ONE_BEFORE = _lrx(
    r"\b(?:leas(?:e|es|ed|ing)|buy|buys|bought|buying|acquir(?:e|es|ed|ing)|order(?:s|ed|ing)?|"
    r"purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|deliver(?:s|ed|ing)?|"
    r"suppl(?:y|ies|ied|ying)|sell|sells|sold|transfer(?:s|red)?|donat(?:e|es|ed))\s+an?\s+$"
)
_ONE_AFTER = _lrx(
    r"^[\s-]*(?:[\w/-]+\s+){0,4}?(?:"
    + "|".join(
        sorted(
            (k for k, cat in ITEM_NOUNS.items() if cat == "ships" and k + "s" in ITEM_NOUNS),
            key=len,
            reverse=True,
        )
    )
    + r")\b(?!\s+(?:[\w-]+\s+)?(?:deal|contract|order|programme|program|package|purchase|sale|project|tender|fleet)s?\b)"
)


# --- data structures ---------------------------------------------------------------------


@dataclass
class _Party:
    mention: Mention
    iso3: str | None
    name: str
    kind: str
    company: str | None
    role: str | None = None  # supplier | buyer | pair | with | speaker | other
    cue: str = ""
    group: int = -1


@dataclass
class _Frame:
    """What the extractor believes one deal mention says (pre-claim)."""

    suppliers: list[_Party]
    buyers: list[_Party]
    system: SystemRef | None
    system_source: str | None
    status: str
    sentence: tuple[int, int]
    quantity: int | None = None
    quantity_delivered: int | None = None
    quantity_inferred: bool = False
    value: Money | None = None
    package_value: Money | None = None
    dates: list[DateRef] = field(default_factory=list)
    order_year: int | None = None
    batch: str = "original"
    negated: bool = False
    modality: str | None = None
    delayed: bool = False
    confidence: float = 0.5
    inherited_status: bool = False
    context: bool = False
    #: distinct states the sentence names (crowded sentences give wrong pairs more often)
    parties: int = 0


@dataclass
class _Ctx:
    """Article-level memory for cross-sentence references."""

    last: list[Claim] = field(default_factory=list)
    by_system: dict[str, Claim] = field(default_factory=dict)
    deal_status: dict[str, str] = field(default_factory=dict)


# --- helpers -------------------------------------------------------------------------------


#: a dateline ("WARSAW, Poland -- ...") names where the story was filed, not a party
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*(?:date \S+\s+)?[A-Z][A-Z .'-]{2,},\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{0,20}\)\s*)?[—–-]")
_DATELINE_CITY_AFTER = re.compile(r"(?:,\s*[A-Z][\w.' -]{1,30}?)?\s*(?:\([^)]{0,20}\)\s*)?[—–-]\s")
#: a currency prefix ("US$155 million", "A$2 billion") is money, not the country
_CURRENCY_AFTER = re.compile(r"^\$")
#: "inducted its own J-20s", "home-grown", "indigenous": a domestic system, no transfer
_OWN_BEFORE = re.compile(
    r"\b(?:its|their|our) own\s+(?:[\w-]+\s+){0,2}$|\b(?:home-?grown|indigenous(?:ly (?:built|developed|made))?|"
    r"domestically (?:built|developed|made|produced))\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: a system being replaced ("to replace the ageing X", "retiring its X") is not bought
_REPLACED = re.compile(
    r"\b(?:replac(?:e|es|ed|ing)|retir(?:e|es|ed|ing)|phas(?:e|es|ed|ing) out|succeed(?:s|ing)?|"
    r"in place of|instead of)\s+(?:(?:the|its|their|an?|ageing|aging|old|older|outdated|obsolete|"
    r"existing|current|remaining|fleet of|[\w-]+-era)\s+){0,4}$",
    re.IGNORECASE,
)


#: "the NATO member France", "EU partner Greece": the organisation only describes the state after it
_MEMBER_AFTER = re.compile(
    r"^\s+(?:member|country|ally|partner|state|nation)(?:\s+(?:state|country|nation))?\s+(?:the\s+)?[A-Z]"
)


def _not_a_party(s: str, start: int, end: int, kind: str = "country") -> bool:
    """A country named as a dateline place or in a currency prefix is no party to a deal; nor is
    an organisation that only describes a member state ("the NATO member France")."""
    after = s[end : end + 40]
    if _CURRENCY_AFTER.match(after):
        return True
    if kind != "country" and _MEMBER_AFTER.match(after):
        return True
    if s[start:end].isupper() and _DATELINE_CITY_AFTER.match(s, end):
        return True  # "LISBON, Portugal --": the filing city (a capital stands for its state elsewhere)
    return bool(_DATELINE_AFTER.match(after) and _DATELINE_BEFORE.search(s, 0, start))


#: "Airbus Defence and Space of Spain": the company's home state as the text states it
_OF_STATE_GAP = re.compile(r"^\s+of\s+(?:the\s+)?$")
#: "the Poland-based unit of X", "X's British subsidiary", "a Spain-based maker": the state stated
_BASED_GAP = re.compile(
    r"^(?:-based|\s+based)\s+(?:[\w-]+\s+){0,2}?(?:of\s+(?:the\s+)?)?$|"
    r"^(?:-based)?\s+(?:[\w-]+\s+)?(?:subsidiary|unit|arm|division|branch|affiliate)\s+of\s+(?:the\s+)?$"
)


_OWNER_GAP = re.compile(
    r"^(?:'s|’s)?\s+(?:state-owned\s+|state-run\s+|defen[cs]e\s+(?:firm|company|group)\s+)?$"
)


def _home_states(s: str, a: int, parties: list[_Party]) -> list[_Party]:
    """A company resolves to the state the text gives it ("X of Spain", "the Spain-based unit of X"),
    not to its parent's home state; the state named only to place the company is not a party."""
    drop: set[int] = set()
    for i in range(len(parties) - 1):
        p, q = parties[i], parties[i + 1]
        gap = s[p.mention.end - a : q.mention.start - a]
        if p.company and not q.company and q.kind == "country" and _OF_STATE_GAP.match(gap):
            p.iso3, p.name = q.iso3, q.name
            drop.add(i + 1)
        elif q.company and not p.company and p.kind == "country" and _BASED_GAP.match(gap):
            q.iso3, q.name = p.iso3, p.name
            drop.add(i)
        elif (
            q.company and not p.company and p.kind == "country" and p.iso3 == q.iso3 and _OWNER_GAP.match(gap)
        ):
            drop.add(i)  # "Germany's Krauss-Maffei Wegmann", "Turkish BMC": the maker's home, one party
    return [p for i, p in enumerate(parties) if i not in drop] if drop else parties


def _party_of(m: Mention) -> _Party | None:
    rec = m.party
    if rec is None:
        return None
    if rec.kind == "country":
        if rec.historical and m.form == "demonym":
            return None
        return _Party(m, rec.iso3, rec.name, "country", None)
    iso3 = rec.country_iso3
    company = rec.name if rec.kind == "company" else None
    if iso3:
        country = reference.country_by_iso3(iso3)
        return _Party(m, iso3, country.name if country else iso3, "country", company)
    return _Party(m, None, rec.name, rec.kind, company)


def _system_ref(m: Mention, context: str) -> SystemRef:
    rec = m.system
    assert rec is not None
    if m.form == "pattern":
        cat = rec.category if rec.category != "other" else (guess_category(context) or "other")
        return SystemRef(rec.designation, cat, None, m.text)
    name = written_designation(m.text, rec.designation)
    return SystemRef(name, rec.category, rec.origin_iso3, m.text, rec.manufacturer)


def _combined_triggers() -> tuple[re.Pattern[str], dict[str, str]]:
    """All trigger patterns as one alternation (one pass per sentence instead of ten).

    At one position the first class listed wins, so "talks collapsed" is a cancellation,
    never also "talks"; the classes are listed most specific first.
    """
    parts, names = [], {}
    for i, (status, rx) in enumerate(TRIGGERS):
        pat = rx.pattern.replace("AoN", "aon").replace("RFP", "rfp").replace("MoU", "mou")
        assert pat.startswith(r"\b(") and pat.endswith(r")\b"), status
        names[f"t{i}"] = status
        parts.append(f"(?P<t{i}>{pat[3:-3]})")
    # every alternative starts with a letter, so the leading \b is exactly "no word character
    # before"; as a lookbehind it rejects positions inside words at once (1.5x faster)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")\b"), names


_TRIGGER_RX, _TRIGGER_NAMES = _combined_triggers()

_REL_BE = (
    r"(?:remains?|remained|is|was|(?:has|had|have)\s+(?:long\s+|always\s+|traditionally\s+|historically\s+)?been|"
    r"are|were|became|becomes|become|continues to be|"
    r"continued to be|stays?|stayed|ranks? as|ranked as|emerged as)\s+(?:still\s+|now\s+|also\s+|by far\s+|long\s+)?"
)
_REL_NOUN = (
    r"(?:[\w-]+\s+){0,2}?" + _REL_ADJ + r"\s+(?:[\w-]+\s+){0,2}?(?:suppliers?|providers?|source|"
    r"(?<=arms )partners?|(?<=defence )partners?|(?<=defense )partners?|(?<=military )partners?)"
    r"(?:\s+of\s+(?:arms|weapons|(?:[\w-]+\s+)?(?:equipment|hardware)))?"
)
#: "X remains Y's main arms supplier": the gap between X and Y, and what follows Y
_REL_SUBJ_GAP = _rx(r"^\s*(?:,[^,]{0,60},\s*)?" + _REL_BE + r"(?:one of\s+)?(?:the\s+)?$")
_REL_OWNER = _rx(r"^(?:'s?|’s?)\s+" + _REL_NOUN + r"\b")
#: "X is the largest arms supplier to Y", "X supplies most of Y's weapons", "X accounts for
#: most of Y's arms imports"
_REL_TO_GAP = _rx(
    r"^\s*(?:,[^,]{0,60},\s*)?(?:" + _REL_BE + r"(?:the\s+|an?\s+)?" + _REL_NOUN + r"\s+(?:to|for|of)|"
    r"(?:\w+\s+)?(?:suppl(?:y|ies|ied|ying)|account(?:s|ed|ing)?\s+for)\s+"
    + _REL_SHARE
    + r"\s+of)\s+(?:the\s+)?$"
)
#: "Y's top supplier, X," / "Y's main arms supplier is X"
_REL_APPOS_GAP = _rx(
    r"^(?:'s?|’s?)\s+" + _REL_NOUN + r"\s*(?:,|:|\bis\b|\bwas\b|\bremains\b|\bhas been\b)\s*(?:the\s+)?$"
)
_TRIGGER_RX_I = re.compile(_TRIGGER_RX.pattern, _I)


def _triggers(s: str) -> list[tuple[str, int, int, str]]:
    # lower() keeps offsets for ASCII text: match case-sensitively on it (faster than re.I)
    low = s.lower()
    rx, text = (_TRIGGER_RX, low) if len(low) == len(s) else (_TRIGGER_RX_I, s)
    out = []
    for m in rx.finditer(text):
        name = m.lastgroup
        if name is None:  # pragma: no cover - every alternative is a named group
            continue
        out.append((_TRIGGER_NAMES[name], m.start(name), m.end(name), m.group(name).lower()))
    if (
        "purchase" in low or "acquisition" in low or "procure" in low or "order" in low or "contract" in low
    ) and (
        purchase := [
            ("purchase", m.start(1), m.end(1), m.group(1).lower())
            for m in (_PURCHASE_RX if text is low else _PURCHASE_RX_I).finditer(text)
        ]
    ):
        out = out + [p for p in purchase if not any(t[1] <= p[1] < t[2] or p[1] <= t[1] < p[2] for t in out)]
        out.sort(key=lambda t: t[1])
    if any(w in low for w in _RELATION_WORDS):
        rel = [
            ("unknown", m.start(1), m.end(1), m.group(1).lower())
            for m in (_RELATION_RX if text is low else _RELATION_RX_I).finditer(text)
        ]
        if rel:
            # "X supplies most of Y's weapons": a relationship, not a delivery under way
            out = [t for t in out if not any(r[1] <= t[1] < r[2] or t[1] <= r[1] < t[2] for r in rel)] + rel
            out.sort(key=lambda t: t[1])
    return out


# patterns of the function(s) below, compiled once: a module-level re.search(...) call
# pays re's pattern-cache lookup every time (~1 us, ~100k calls per 400 articles)
_C1 = re.compile(r"\b(sale|sell|export|transfer|supply)\b", _I)
_C2 = re.compile(r"^\W*(?:\w+\s+){0,3}?to (?:buy|purchase|acquire|procure|order|import)\b")
_C3 = re.compile(
    r"^\W*(?:\w+\s+){0,3}?to (?:sell|supply|export|deliver|provide|send|ship|transfer|hand over|donate|lease to)\b"
)


def _verb_class(word: str, after: str) -> str | None:
    """buy / sell / approve-buy / approve-sell / neutral for a trigger word (with what follows)."""
    if word.startswith(("sent a", "sent an", "issued", "took", "take", "taken", "taking", "receiv")) or (
        word.startswith("deliver") and " of " in word
    ):
        return "buy"  # "sent a request to France", "issued a tender", "the delivery of its first F-35s"
    if _APPROVE.match(word):
        if _C1.search(after[:80]):
            return "sell"
        return "buy"  # a state approving without "sale"/"export" approves its own purchase
    if _NEUTRAL_V.search(word) and not _APPROVE.match(word):
        nxt = after[:50].lower()
        if _C2.match(nxt):
            return "buy"  # "close to a deal to buy", "signed an agreement to acquire"
        if _C3.match(nxt):
            return "sell"
    if _SELL_V.search(word):
        return "sell"
    if _BUY_V.search(word):
        return "buy"
    if _NEUTRAL_V.search(word):
        return "neutral"
    return None


# --- the extractor ---------------------------------------------------------------------------


# patterns of the function(s) below, compiled once: a module-level re.search(...) call
# pays re's pattern-cache lookup every time (~1 us, ~100k calls per 400 articles)
_C4 = re.compile(r"^\s*(?:-\s*)?(?:contract|deal|agreement|order|accord|pact)\b", _I)
_C5 = re.compile(
    r"\b(?:sign\w*|ink\w*|order\w*|contract\w*|conclud\w*|awarded|bought|purchased|acquired|"
    r"agreed|deal|agreement)\s+(?:\w+\s+)?$",
    _I,
)
_C6 = re.compile(r"^-?era\b|^\s*(?:era|war|revolution|empire|origin\b)", _I)
_C7 = re.compile(
    r"(?:\d|jets?|aircraft|systems?|contract|deal|order|helicopters?|"
    r"submarines?|frigates?|drones?|tanks|missiles?|howitzers?|vessels?|"
    r"[A-Z]-?\d)\s+(?:\w+\s+){0,2}for\s+(?:the\s+)?$",
    _I,
)
_C8 = re.compile(r"^\s*(?:a|per|each)\s+(?:year|unit|aircraft|jet)\b|^\s*apiece")
_C9 = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:also\s+|widely\s+)?$")
_C10 = re.compile(
    r"^\s*(?:'s\s+)?[\w\s-]{0,40}?\b(said|told|announced)\s+"
    r"(?:\w+\s+){0,2}(?:it|they|that it)\b",
    _I,
)
_C11 = re.compile(r"\bback\b|\bnow\b")
_C12 = re.compile(r"(?:first|initial|latest|final|last) (?:batch|tranche|lot|units?)")
_C13 = re.compile(r"\b(?:package|proposals)\b", _I)
_C14 = re.compile(r"\bpackage (?:worth|valued at|of)\s+(?:about\s+|around\s+|nearly\s+)?$", _I)
_C15 = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+\s+)?$")
_C16 = re.compile(
    r"(?:sold|supplied|delivered|offered|given|provided|promised|shipped|sent|"
    r"transferred|handed|donated|gifted)\b"
)
_C17 = re.compile(r"\b(?:worth|valued|cost)\b", _I)
_C18 = re.compile(
    r"\b(?:cover|covers|covered|include|includes|comprise|comprises|consists? of)\s+"
    r"(?:\w+\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\b",
    _I,
)
_C19 = re.compile(r"deliver|arriv|receiv|hand|batch|units|consignment", _I)
_C20 = re.compile(r"deliver|arriv|receiv|hand|induct|land|reach|ship|flown|fly", _I)
_C21 = re.compile(r"\b(?:package|proposals)\b", _I)
_C22 = re.compile(r"expected|will|scheduled|due", _I)
_C23 = re.compile(r"\b(?:it|they)\b")
_C24 = re.compile(r"\b(?:more than|over|at least|fleet to|total to|bringing \w+ \w+ to)\s+$", _I)
_C25 = re.compile(r"\bby\b")
_C26 = re.compile(r"\b(?:and|or)\b|&|/")
_C27 = re.compile(r"\b(?:exports?|sales?|sell|selling|supply|supplies|supplying)\b", _I)
_C28 = re.compile(r"\s*of\b")
_C29 = re.compile(r"\b(?:purchases?|imports?|acquisitions?|buy|buying|procurement)\b", _I)
_C30 = re.compile(r"\bproposals\b", _I)
_C31 = re.compile(
    r"\b(?:order\w*|bought|buy|purchas\w+|acquir\w+|receiv\w+|deliver\w*|took|take|sell|sold|"
    r"suppl\w+|export\w*|get|got)\s+$",
    _I,
)


class _Extractor:
    def __init__(self, text: str, published: date | None, extra_systems: Iterable[SystemRecord]) -> None:
        self.text = text
        self.published = published
        self.masked = mask_markup(text)
        self.mentions = find_mentions(self.masked, extra_systems)
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
        self._n_systems = 0
        self._relations: set[int] = set()
        self.focus = self._focus_buyer()

    def _focus_buyer(self) -> _Party | None:
        """The country the article is mostly about (most named in its first 600 characters).

        Used only as a last resort for a sentence that names a system, a supplier and a deal
        stage but no buyer.  Demonyms do not count (they usually describe equipment).
        """
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for m in self.mentions:
            if m.start > 600:
                break
            if (
                m.kind == "party"
                and m.party is not None
                and m.party.kind == "country"
                and m.form != "demonym"
            ):
                if m.party.historical or m.iso3 is None:
                    continue
                counts[m.iso3] = counts.get(m.iso3, 0) + 1
                first.setdefault(m.iso3, m)
        if not counts:
            return None
        iso = max(counts, key=lambda k: (counts[k], -first[k].start))
        rec = first[iso].party
        assert rec is not None
        return _Party(Mention("party", -1, -1, "", "focus"), iso, rec.name, "country", None, "buyer", "focus")

    def run(self) -> list[Claim]:
        mi = 0
        mentions = self.mentions
        for a, b in _bounded(split_sentences(self.masked), self.masked):
            while mi < len(mentions) and mentions[mi].start < a:
                mi += 1
            mj = mi
            while mj < len(mentions) and mentions[mj].end <= b:
                mj += 1
            sent_mentions = mentions[mi:mj]
            if _SKIP_SENT.match(self.masked[a:b]):
                continue
            before = len(self.claims)
            try:
                self._sentence(a, b, sent_mentions)
            except RecursionError:  # pragma: no cover - pathological input only
                continue
            if len(self.claims) == before and any(m.kind == "system" for m in sent_mentions):
                # a new system we could not place (a domestic order, an unknown buyer): a later
                # "the deal" must not attach to an older, unrelated deal
                self.ctx.last = []
        with_system = {
            (c.supplier.iso3 if c.supplier else None, c.buyer.iso3) for c in self.claims if c.system
        }
        self.claims = [
            c
            for c in self.claims
            if c.system
            or id(c) in self._relations  # "X remains Y's main supplier" stands beside any deal
            or (c.supplier.iso3 if c.supplier else None, c.buyer.iso3) not in with_system
        ]
        _reconcile_systems(self.claims)
        _reconcile_bare_names(self.claims)
        _link_deals(self.claims)
        _settle_unknown(self.claims)
        _settle_requests(self.claims)
        corroborate(self.claims)
        return self.claims

    # -- one sentence --------------------------------------------------------------------
    def _sentence(self, a: int, b: int, mentions: list[Mention]) -> None:
        s = self.masked[a:b]
        parties = [
            p
            for m in mentions
            if m.kind == "party"
            and (p := _party_of(m)) is not None
            and not _not_a_party(s, m.start - a, m.end - a, m.party.kind if m.party else "country")
        ]
        systems = [
            m
            for m in mentions
            if m.kind == "system"
            and not _REPLACED.search(s, max(0, m.start - a - 90), m.start - a)
            and not _OWN_BEFORE.search(s, max(0, m.start - a - 40), m.start - a)
        ]
        parties = _home_states(s, a, parties)
        # "One package covers 11 HIMARS ...": a deal listing its items refers to the deal in context
        anaphora = bool(_ANAPHORA.search(s)) or bool(systems and self.claims and _DEAL_LIST.search(s))
        if not parties and not anaphora and not systems:
            return
        trig = _triggers(s)
        if not trig and not (anaphora and _DEAL_NOUN.search(s)):
            return
        rejected = (
            self._rejected(s, a, mentions)
            if len(mentions) >= 2 and any(w in s for w in _REJECTED_WORDS)
            else set()
        )
        if rejected:
            systems = [m for m in systems if id(m) not in rejected]
        self._roles(s, a, parties, trig)
        if rejected:
            for p in parties:
                if id(p.mention) in rejected:
                    p.role, p.cue = "other", "rejected"
        frames = self._frames(s, a, b, parties, systems, trig, anaphora)
        for fr in frames:
            claim = self._claim(fr)
            if claim is not None:
                if claim.system is None and fr.suppliers and fr.suppliers[0].cue == "relation":
                    self._relations.add(id(claim))
                self.claims.append(claim)
                self.ctx.last = [claim]
                if claim.system:
                    self.ctx.by_system[claim.system.name] = claim

    def _rejected(self, s: str, a: int, mentions: list[Mention]) -> set[int]:
        """Mentions (ids) of the alternative a choice was made against: "selected the Gripen over
        the Lockheed Martin F-16", "bought K9s rather than CAESARs", "won, beating Naval Group"."""
        out: set[int] = set()
        for mk in _REJECTED.finditer(s):
            word = s[mk.start(1) : mk.end(1)].lower()
            before = s[: mk.start()]
            cue = _CHOICE_BEFORE if word in ("over", "ahead of") else _CHOICE_OR_BUY
            if not cue.search(before):
                continue
            pos, after_system = mk.end(), False
            for m in mentions:
                if m.start - a < pos:
                    continue
                gap = s[pos : m.start - a]
                # the maker and the system ("the Lockheed Martin F-16"); after a system, only a
                # list goes on ("over the F-16 and the Rafale")
                if not (_LIST_GAP.match(gap) if after_system else _REJ_GAP.match(gap)):
                    break
                out.add(id(m))
                after_system = m.kind == "system"
                pos = m.end - a
        return out

    # -- roles ----------------------------------------------------------------------------
    def _roles(self, s: str, base: int, parties: list[_Party], trig: list[tuple[str, int, int, str]]) -> None:
        # groups of coordinated parties ("France, Israel, the United States and Germany")
        gid = 0
        for i, p in enumerate(parties):
            gap = s[parties[i - 1].mention.end - base : p.mention.start - base] if i else ""
            loose = p.mention.form == "demonym" or _SPEAKER_NEAR.match(s[p.mention.end - base :])
            if i and _LIST_GAP.match(gap) and not (loose and not _C26.search(gap)):
                p.group = parties[i - 1].group
            else:
                gid += 1
                p.group = gid
        firsts: dict[int, _Party] = {}
        lasts: dict[int, _Party] = {}
        for p in parties:
            firsts.setdefault(p.group, p)
            lasts[p.group] = p
        for p in parties:
            first, last = firsts[p.group], lasts[p.group]
            ls = s[: first.mention.start - base]
            rs = s[last.mention.end - base :]
            own_right = s[p.mention.end - base :]
            left = ls[-80:]
            role, cue = self._cue(left, rs, own_right, p, s, ls)
            p.role, p.cue = role, cue
        # stated supplier relationships: "X remains Y's main arms supplier", "Y's top supplier, X"
        if trig and any(t[0] == "unknown" for t in trig):
            for p, q in itertools.pairwise(parties):
                gap = s[p.mention.end - base : q.mention.start - base]
                if len(gap) > 120:
                    continue
                if (
                    _REL_SUBJ_GAP.match(gap) and _REL_OWNER.match(s[q.mention.end - base :])
                ) or _REL_TO_GAP.match(gap):
                    p.role, p.cue, q.role, q.cue = "supplier", "relation", "buyer", "relation"
                elif _REL_APPOS_GAP.match(gap):
                    p.role, p.cue, q.role, q.cue = "buyer", "relation", "supplier", "relation"
        # subjects: a party (group) followed by a verb trigger in the same clause
        for p in parties:
            if p.role is not None:
                continue
            last = lasts[p.group]
            start = last.mention.end - base
            window = s[start : start + 160]
            cut = _CLAUSE_END.search(window)  # what re.split(...)[0] kept: the text before it
            clause = window[: cut.start()] if cut else window
            nxt = [q for q in parties if q.mention.start - base >= start and q.group != p.group]
            limit = min((q.mention.start - base - start for q in nxt), default=len(clause))
            for _status, ts, te, word in trig:
                if ts < start or ts - start > min(len(clause), limit + 40):
                    continue
                between = s[start:ts]
                if ts - start > limit and not _C23.search(between):
                    continue
                vclass = _verb_class(word, s[te:])
                if vclass is None:
                    continue
                if vclass == "sell" and _C15.search(between) and _C16.match(word):
                    p.role, p.cue = "buyer", "passive-recipient"  # "India was sold ...", "X were supplied"
                elif vclass == "buy" and _PASSIVE_BUY.search(between):
                    continue  # "Dassault, whose Rafale was picked": what was bought, not who bought
                elif vclass == "buy":
                    p.role, p.cue = "buyer", f"subject:{word}"
                elif vclass == "sell":
                    p.role, p.cue = "supplier", f"subject:{word}"
                elif _C27.search(between):
                    p.role, p.cue = "supplier", f"subject:{word}"  # "expanded the export ... by negotiating"
                elif _C29.search(between):
                    p.role, p.cue = "buyer", f"subject:{word}"
                else:
                    p.role, p.cue = "pair", f"subject:{word}"
                break
        # objects of sell verbs: "sold India", "supply Ukraine with"
        for p in parties:
            if p.role in (None, "pair", "speaker"):
                left = s[max(0, p.mention.start - base - 24) : p.mention.start - base]
                if _OBJ_OF_SELL.search(left):
                    p.role, p.cue = "buyer", "object-of-sell"
        # companies are suppliers unless a cue said otherwise; companies listed after "developed
        # by ..." are the system's makers (origin), not the seller in this deal
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
            if p.company and p.role in (None, "pair", "speaker", "with"):
                if origin_at is not None and 0 <= p.mention.start - origin_at <= 160:
                    p.role, p.cue = "origin", "maker"
                else:
                    p.role, p.cue = "supplier", "company"

    def _cue(
        self, left: str, right: str, own_right: str, p: _Party, s: str, full_left: str
    ) -> tuple[str | None, str]:
        m = p.mention
        left = left[-70:]
        low = left.lower()
        tail = low[-30:]
        words = low.split()
        while words and words[-1] in ("the", "both", "either"):
            words.pop()
        last_word = words[-1] if words else ""
        neg_left = (last_word in _NEG_LAST or last_word.startswith("adversar")) and _NEG_CONTEXT.search(left)
        if neg_left or _NEG_RIGHT.match(own_right):
            return "other", "negative-context"
        if m.form == "demonym" and _C6.match(own_right):
            return "other", "era"
        if _MADE.match(own_right):
            return "origin", "made"
        if ("to" in low or "such" in low or "like" in low or "includ" in low or "from" in low) and (
            _TURN_TO.search(left) or _SUCH_AS.search(left)
        ):
            return "supplier", "turning-to"
        if "according" in tail and _ACCORDING.search(left):
            return "speaker", "according-to"
        if (
            m.form == "demonym"
            and not _ORG_NOUN.match(own_right)
            and re.match(
                r"^\s*(?:[\w-]+\s+){0,2}?(?:[A-Z][\w-]*\d[\w-]*|"
                + _ITEMS4
                + r"|arms|weapons|hardware|equipment)\b",
                own_right,
            )
        ):
            return "modifier", "demonym-item"
        if "from" in tail and _WON_FROM.search(left):
            return "buyer", "won-from"
        if "to" in tail and _AWARDED_TO.search(left):
            return "supplier", "awarded-to"
        if "by" in tail and _PURCHASE_BY.search(left):
            return "buyer", "purchase-by"
        if ("to" in low or "like" in low) and _TO_BUYERS.search(left):
            return "buyer", "to-buyers"
        if "by" in tail and _PASSIVE_TO_BY.search(left):
            return "supplier", "passive-by"  # "was provided to Iran by Russia"
        byw = _BY.search(left) if "by" in tail else None
        if byw:
            verb = byw.group(1)
            if _ORIGIN_BY.match(verb):
                return "origin", f"{verb}-by"  # who makes it, not necessarily who sells it here
            if _SELLER_BY.match(verb):
                return "supplier", f"{verb}-by"
            if _BUYER_BY.match(verb):
                return "buyer", f"{verb}-by"
        if "from" in low and _FROM.search(left) and not byw:
            return "supplier", "from"
        to = _TO.search(left) if "to" in tail else None
        if (
            to
            and not _NOT_TO.match(to.group(1))
            and (_SELL_BEFORE.search(full_left[-100:]) or _SELL_AFTER.search(right))
            and (not _POSS.match(own_right) or _ORG_NOUN.match(own_right))  # not "a boost to India's hopes"
        ):
            return "buyer", "to"
        if "for" in tail and _FOR.search(left) and _C7.search(left):
            return "buyer", "for"
        if ("with" in tail or "between" in tail) and _WITH.search(left):
            return "with", "with"
        # demonym or possessive right before a system or item: origin or owner
        if m.form in ("demonym",) or _POSS.match(own_right):
            after = own_right[2:] if _POSS.match(own_right) else own_right
            nxt = re.match(r"^\s*(?:[\w-]+\s+){0,3}?(?P<item>[A-Z][\w-]*\d[\w-]*|" + _ITEMS4 + r")\b", after)
            if nxt and not _ORG_NOUN.match(own_right):
                return "modifier", f"modifies:{nxt.group('item')}"
        sp = _SPEAKER_VERB.match(own_right)  # only its offsets are used
        if sp and not _C9.search(own_right[: sp.start(1)]) and not _C10.match(own_right):
            return "speaker", "speaker"
        if _OFFICIAL.match(own_right):
            return "speaker", "official"
        return None, ""

    # -- frames ---------------------------------------------------------------------------
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
        status, negated, modality, delayed = self._status(s, trig)
        self._cur_status = status
        sys_status: dict[str, tuple[str, bool, str | None, bool]] = {}
        distinct = []
        for m in systems:
            if m.system and all(m.system.designation != d.system.designation for d in distinct if d.system):
                distinct.append(m)
        if len(distinct) > 1:
            # several systems: each takes the triggers between the previous system and itself
            # ("inducted J-10CE fighters ... and also operates the JF-17")
            prev_end = 0
            for m in distinct:
                end = m.end - a
                window = [t for t in trig if prev_end <= t[1] < end]
                if not window:
                    nxt = [t for t in trig if t[1] >= end]
                    window = nxt[:1]
                if window:
                    sys_status[m.system.designation] = self._status(s[: end + 40], window)
                prev_end = end
        add_m = _ADDITIONAL.search(s)
        additional = (
            bool(add_m)
            and (not add_m.group(3) or bool(_MORE_OK.search(s)))
            and status not in ("delivered", "delivering", "delayed")
        )
        future = bool(_FUTURE.search(s))
        sys_refs: list[tuple[SystemRef, Mention | None, str]] = []
        seen: set[str] = set()
        self._n_systems = len({m.system.designation for m in systems if m.system is not None})
        self._starts: dict[str, list[int]] = {}
        for m in systems:
            if m.system is not None:
                self._starts.setdefault(m.system.designation, []).append(m.start)
        for m in systems:
            ref = _system_ref(m, s[m.end - a : m.end - a + 60])
            if ref.name in seen:
                continue
            seen.add(ref.name)
            sys_refs.append((ref, m, "catalogue" if m.form == "catalogue" else "pattern"))

        # "bought the first batch of the Russian systems ..., a move that led Washington to remove
        # it from the F-35 programme": the Russian systems are the earlier Russian deal's system
        if sys_refs and anaphora and self.claims:
            makers = {p.iso3 for p in parties if p.cue in ("demonym-item", "origin-modifier")}
            named_origins = {_SUCCESSOR.get(r.origin_iso3 or "", r.origin_iso3) for r, _m, _x in sys_refs}
            for iso in makers - named_origins:
                prev_c = next(
                    (c for c in reversed(self.claims) if c.system and c.supplier and c.supplier.iso3 == iso),
                    None,
                )
                if prev_c is not None and prev_c.system is not None and prev_c.system.name not in seen:
                    ps = prev_c.system
                    sys_refs.append(
                        (
                            SystemRef(ps.name, ps.category, _origin_of(ps.name), ps.surface, ps.manufacturer),
                            None,
                            "context",
                        )
                    )
                    seen.add(ps.name)
                    self._n_systems += 1

        # components of a package ("which would include Hellfire missiles") are not deals of their own
        # ... but the items a deal itself lists ("the deal covers 170 Hellfires as well as 310 SDBs",
        # "won deals including S-400s and K-226Ts") are each a deal item
        if sys_refs:
            dl = _DEAL_LIST.search(s)
            listed_from = dl.end() if dl else len(s) + 1
            main = [
                r
                for r in sys_refs
                if r[1] is None
                or r[1].start - a >= listed_from
                or not _SUBITEM.search(s[max(0, r[1].start - a - 60) : r[1].start - a])
            ]
            ctx_sys = self.ctx.last[-1].system if (anaphora and self.ctx.last) else None
            if main and len(main) < len(sys_refs):
                sys_refs = main
            elif not main and ctx_sys is not None:
                sys_refs = [
                    (
                        SystemRef(
                            ctx_sys.name,
                            ctx_sys.category,
                            _origin_of(ctx_sys.name),
                            ctx_sys.surface,
                            ctx_sys.manufacturer,
                        ),
                        None,
                        "context",
                    )
                ]

        # modifiers: "Russian S-400", "India's Rafale jets"
        for p in parties:
            if p.role == "modifier":
                origin = None
                for ref, m, _src in sys_refs:
                    if m is not None and 0 <= m.start - p.mention.end <= 40:
                        origin = ref.origin_iso3
                        if ref.origin_iso3 is None:
                            ref.origin_iso3 = p.iso3
                            origin = p.iso3
                        break
                if origin is None and p.mention.form == "demonym":
                    p.role, p.cue = "supplier", "demonym-item"
                elif origin is not None and origin == p.iso3:
                    p.role, p.cue = "supplier", "origin-modifier"
                elif origin is not None:
                    p.role, p.cue = "buyer", "owner-modifier"
                elif _POSS.match(s[p.mention.end - a :]):
                    p.role, p.cue = None, ""
                else:
                    p.role, p.cue = "supplier", "demonym-item"

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
        actors = [p for p in parties if p.role not in ("other", "speaker", "origin")]
        speakers = [p for p in parties if p.role == "speaker"]
        if not sys_refs:
            info = bool(find_money(s)) or bool(_C17.search(s)) or bool(_C18.search(s))
            if anaphora and self.ctx.last and (status != "unknown" or info) and not _NEW_DEAL.search(s):
                prev = self.ctx.last[-1]
                # "the French jets": the latest deal supplied by France, not simply the last one
                makers = {p.iso3 for p in parties if p.cue in ("demonym-item", "origin-modifier")}
                if makers and (prev.supplier is None or prev.supplier.iso3 not in makers):
                    prev = next(
                        (
                            c
                            for c in reversed(self.claims)
                            if c.system and c.supplier and c.supplier.iso3 in makers
                        ),
                        prev,
                    )
                if prev.system:
                    sys_refs.append(
                        (
                            SystemRef(
                                prev.system.name,
                                prev.system.category,
                                _origin_of(prev.system.name),
                                prev.system.surface,
                                prev.system.manufacturer,
                            ),
                            None,
                            "context",
                        )
                    )
            if not sys_refs:
                sys_refs.append((None, None, None))  # type: ignore[arg-type]

        ctx_refs = [r for r, m, _src in sys_refs if r is not None and m is None]
        named_starts = [m.start - a for r, m, _src in sys_refs if r is not None and m is not None]
        if ctx_refs and named_starts:
            # a system referred back to and a named one: each takes the triggers on its side
            first = min(named_starts)
            before = [t for t in trig if t[1] < first - 60]
            after = [t for t in trig if t[1] >= first - 60]
            if before:
                for r in ctx_refs:
                    sys_status[r.name] = self._status(s[: first - 60], before)
            if after:
                for r, m, _src in sys_refs:
                    if r is not None and m is not None and r.name not in sys_status:
                        sys_status[r.name] = self._status(s, after)
        frames: list[_Frame] = []
        n_states = len({p.iso3 for p in parties if p.iso3})
        for ref, m, src in sys_refs:
            sup, buy, conf = self._assign(ref, m, actors, speakers, s, a, anaphora, src)
            if not buy:
                continue
            if ref is None and not (status == "unknown" or sup):
                continue
            if (
                ref is None
                and status != "unknown"
                and not any(p.role == "supplier" for p in sup)
                and not (any(p.role == "with" for p in sup) and _ARMS_WORD.search(s))
            ):
                continue
            if ref is None and not any(
                p.role in ("buyer", "with", "pair") and p.cue != "context" for p in buy
            ):
                continue
            # one frame per (supplier state, buyer state): "the US ... Lockheed Martin" is one supplier
            by_iso: dict[str | None, _Party] = {}
            for p in sup:
                kept = by_iso.get(p.iso3)
                if kept is None:
                    by_iso[p.iso3] = p
                elif p.company and not kept.company:
                    by_iso[p.iso3] = _Party(
                        kept.mention,
                        kept.iso3,
                        kept.name,
                        kept.kind,
                        p.company,
                        kept.role,
                        kept.cue,
                        kept.group,
                    )
            sup = list(by_iso.values())
            seen_buyers: set[str | None] = set()
            for buyer in buy:
                if buyer.iso3 in seen_buyers and buyer.iso3 is not None:
                    continue
                seen_buyers.add(buyer.iso3)
                for supplier in sup or [None]:  # type: ignore[list-item]
                    if supplier is not None and supplier.iso3 and supplier.iso3 == buyer.iso3:
                        continue
                    if supplier is None and ref is None:
                        continue
                    st, neg, mod, dl = sys_status.get(
                        ref.name if ref else "", (status, negated, modality, delayed)
                    )
                    fr = _Frame(
                        [supplier] if supplier else [],
                        [buyer],
                        ref,
                        src,
                        st,
                        (a, b),
                        negated=neg,
                        modality=mod,
                        delayed=dl,
                        confidence=conf,
                    )
                    add_here = additional
                    if additional and m is not None and self._n_systems > 1:
                        # several systems: the marker must sit right before this one ("30 more Rafales")
                        add_here = any(
                            0 <= m.start - a - mk.end() <= 40 or mk.start() <= m.start - a < mk.end()
                            for mk in _ADDITIONAL.finditer(s)
                        )
                    fr.batch = "additional" if add_here else "original"
                    fr.parties = n_states
                    frames.append(fr)
        origins = {
            r.name: _SUCCESSOR.get(r.origin_iso3, r.origin_iso3)
            for r, _m, _src in sys_refs
            if r is not None and r.origin_iso3
        }
        if len(origins) > 1:
            # "acquired J-10Cs from China in response to India's purchase of Rafales": China
            # supplies the J-10C, not the Rafale
            frames = [
                fr
                for fr in frames
                if not (
                    fr.system is not None
                    and fr.suppliers
                    and fr.system.name in origins
                    and fr.suppliers[0].iso3 != origins[fr.system.name]
                    and fr.suppliers[0].iso3 in set(origins.values()) - {origins[fr.system.name]}
                )
            ]
        if not frames:
            return []
        self._details(frames, s, a, sys_refs, future, trig)
        return frames

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
        conf = 0.5
        suppliers = [p for p in actors if p.role == "supplier"]
        buyers = [p for p in actors if p.role == "buyer"]
        # a domestic company next to its own state's purchase is a partner, not the supplier
        # ("negotiations with Mazagon Dock ... with Germany's TKMS")
        buyer_isos = {p.iso3 for p in buyers}
        if any(p.iso3 not in buyer_isos for p in suppliers):
            suppliers = [p for p in suppliers if not (p.cue == "company" and p.iso3 in buyer_isos)]
        pairs = [p for p in actors if p.role in ("pair", "with", None, "modifier")]
        origin = ref.origin_iso3 if ref else None
        if buyers and not suppliers and ref is not None and all(_APPROVER_CUE.match(p.cue) for p in buyers):
            # "The deal was approved by the US government": the state approving an export of the
            # deal in context is its supplier, not a buyer
            ctx_prev = self._prev_for(ref, anaphora)
            if (
                ctx_prev is not None
                and ctx_prev.supplier is not None
                and ctx_prev.supplier.iso3 in {p.iso3 for p in buyers}
                and ctx_prev.buyer.iso3 not in {p.iso3 for p in buyers}
            ):
                suppliers = [replace(p, role="supplier", cue="approver") for p in buyers]
                buyers = []
        # several systems: keep suppliers matching this system's origin
        if origin and suppliers and self._n_systems > 1 and all(p.iso3 != origin for p in suppliers):
            # "turned to Britain and Germany for Typhoons, and talks with the United States over
            # F-16s": the F-16's maker named in the sentence supplies it
            cand = [p for p in actors if p.iso3 == origin]
            if cand:
                suppliers = [cand[0]]
                buyers = [p for p in buyers if p.iso3 != origin]
            elif all(p.cue in ("origin-modifier", "demonym-item") for p in suppliers):
                suppliers = []  # "Chinese J-10Cs ... more Rafales": China describes the other system
        if origin and len(suppliers) > 1 and any(p.iso3 == origin for p in suppliers):
            same_group = {p.group for p in suppliers if p.iso3 == origin}
            suppliers = [p for p in suppliers if p.iso3 == origin or p.group in same_group]
        elif (
            m is not None
            and self._n_systems > 1
            and len({p.group for p in suppliers if p.mention.start >= 0}) > 1
        ):
            # "Iran supplied Shaheds ..., while North Korea sent KN-23s": the nearest supplier before
            before = [p for p in suppliers if 0 <= p.mention.start < m.start]
            if before:
                g = max(before, key=lambda p: p.mention.start).group
                suppliers = [p for p in suppliers if p.group == g]
        sup_isos = {p.iso3 for p in suppliers}
        buyers = [p for p in buyers if p.iso3 not in sup_isos]
        if m is not None and self._n_systems > 1:
            # "Saudi Arabia is close to a deal to buy J-10Cs, while Egypt has ordered Rafales"
            cands = [p for p in buyers + pairs if 0 <= p.mention.start < m.start and p.iso3 not in sup_isos]
            if cands:
                g = max(cands, key=lambda p: p.mention.start).group
                chosen = [p for p in cands if p.group == g]
                if chosen and chosen[0].role == "buyer":
                    buyers = chosen
                    pairs = [p for p in pairs if p.group != g]
        explicit = bool(suppliers) + bool(buyers)
        if not suppliers and origin:
            cand = [p for p in pairs if p.iso3 == origin] or [p for p in speakers if p.iso3 == origin]
            if cand:
                suppliers = [cand[0]]
                pairs = [p for p in pairs if p.iso3 != origin]
        sup_isos = {p.iso3 for p in suppliers}
        buyers = [p for p in buyers if p.iso3 not in sup_isos]
        if not buyers and pairs:
            sup_iso = {p.iso3 for p in suppliers}
            rest = [p for p in pairs if p.iso3 not in sup_iso]
            if suppliers or origin:
                rest = [p for p in rest if p.iso3 != origin]
                if rest:
                    # prefer subjects / "with" counterparts over bare mentions
                    ranked = sorted(rest, key=lambda p: (p.role is None, p.role == "with"))
                    top = ranked[0]
                    buyers = (
                        [q for q in rest if q.group == top.group] if top.role in ("pair", "with") else [top]
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
                    suppliers, buyers = [withs[0]], [subj[0]]
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
            if rest:
                suppliers = [rest[0]]
        if not suppliers and origin and (not buyers or buyers[0].iso3 != origin):
            if origin in _SUCCESSOR:  # a Soviet design sold today is sold by Russia
                origin = _SUCCESSOR[origin]
            rec = reference.country_by_iso3(origin)
            if rec is not None:
                suppliers = [
                    _Party(
                        Mention("party", -1, -1, "", "origin"),
                        origin,
                        rec.name,
                        "country",
                        None,
                        "supplier",
                        "system-origin",
                    )
                ]
                conf -= 0.05
        # context: the previous claim about this system (or the previous claim when referring back)
        prev = self._prev_for(ref, anaphora)
        if prev is not None and ref is not None:
            sup_isos = {p.iso3 for p in suppliers}
            compatible = not suppliers or prev.supplier is None or prev.supplier.iso3 in sup_isos
            if not buyers and compatible and prev.buyer.iso3 not in sup_isos:
                buyers = [
                    _Party(
                        Mention("party", -1, -1, "", "context"),
                        prev.buyer.iso3,
                        prev.buyer.name,
                        prev.buyer.kind,
                        None,
                        "buyer",
                        "context",
                    )
                ]
                conf -= 0.1
            if not suppliers and prev.supplier and buyers and prev.buyer.iso3 in {p.iso3 for p in buyers}:
                suppliers = [
                    _Party(
                        Mention("party", -1, -1, "", "context"),
                        prev.supplier.iso3,
                        prev.supplier.name,
                        prev.supplier.kind,
                        prev.supplier_company,
                        "supplier",
                        "context",
                    )
                ]
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
            last = self.ctx.last[-1]
            if last.buyer.iso3 not in {p.iso3 for p in suppliers}:
                buyers = [
                    _Party(
                        Mention("party", -1, -1, "", "context"),
                        last.buyer.iso3,
                        last.buyer.name,
                        last.buyer.kind,
                        None,
                        "buyer",
                        "context",
                    )
                ]
                conf -= 0.2
        if (
            not buyers
            and ref is not None
            and suppliers
            and self._cur_status not in ("unknown", "offered")
            and self.focus is not None
            and self.focus.iso3 not in {p.iso3 for p in suppliers}
        ):
            # the article's main buyer: "the procurement of three Scorpene submarines" in a
            # story about India's submarine deals
            buyers = [self.focus]
            conf -= 0.25
        if not buyers:
            return suppliers, [], conf
        conf += 0.15 * explicit
        if src == "catalogue":
            conf += 0.1
        elif src == "context":
            conf -= 0.1
        return suppliers, buyers, conf

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

    def _status(self, s: str, trig: list[tuple[str, int, int, str]]) -> tuple[str, bool, str | None, bool]:
        found: dict[str, int] = {}
        modality = None
        negated = bool(_DENIAL.search(s))
        for status, ts, te, word in trig:
            left = s[max(0, ts - 60) : ts]
            st = status
            neg = _NEGATION_NEAR.search(left)
            if st in ("signed", "delivered") and _MODAL.search(left):
                mod = _MODAL.search(left).group(1).lower()
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
                st = "approved" if (_PLEDGE_VERB.search(word) and _AID.search(s)) else "signed"
                modality = modality or "expected"
            elif st == "delivering" and (
                _MODAL.search(left) or _FUTURE_RIGHT.match(s[te : te + 60]) or _AWAITING.search(left)
            ):
                st = "signed"  # "the first batch will arrive in 2026"
                modality = modality or "expected"
            if st == "delayed" and _ON_SCHEDULE.search(s) and _C11.search(s):
                continue
            if st == "delivering" and word in ("remaining", "so far", "rest of the") and not _C19.search(s):
                continue
            if st == "delivering" and _C12.match(word) and not _C20.search(s):
                continue  # "bought the first batch" is a purchase, not a delivery
            if st == "unknown" and word in ("uses", "used", "operated", "operates", "operating") and found:
                continue
            if st == "negotiating" and word in ("talks", "discussions", "discussed") and "cancelled" in found:
                continue
            found[st] = max(found.get(st, 0), _STATUS_RANK[st])
        if "purchase" in found:
            found.pop("purchase")
            if not any(k != "unknown" for k in found):
                found["signed"] = _STATUS_RANK["signed"]
        delayed = "delayed" in found
        if "delivered" in found and _PARTIAL.search(s) and not _COMPLETED.search(s):
            found.pop("delivered")
            found["delivering"] = _STATUS_RANK["delivering"]
        if "cancelled" in found:
            return "cancelled", negated, modality, delayed
        if "delivering" in found or "delivered" in found:
            st = "delivering" if "delivering" in found else "delivered"
            if st == "delivering" and "delivered" in found and _COMPLETED.search(s):
                st = "delivered"  # "the first batch arrived in 2018 and the delivery was completed in 2020"
            if delayed and st == "delivered":
                st = "delivering"
            return st, negated, modality, delayed
        if delayed:
            return "delayed", negated, modality, True
        for st in ("signed", "approved", "negotiating", "offered", "unknown"):
            if st in found:
                return st, negated, modality, False
        return "unknown", negated, modality, False

    # -- quantities, money, dates -------------------------------------------------------------
    def _details(
        self,
        frames: list[_Frame],
        s: str,
        a: int,
        sys_refs: list[tuple[SystemRef, Mention | None, str]],
        future: bool,
        trig: list[tuple[str, int, int, str]],
    ) -> None:
        end = a + len(s)
        dates = [
            replace(d, start=d.start - a, end=d.end - a)
            for d in _within(self.dates, self._date_starts, a, end)
        ]
        if future and any(d.relative and d.granularity in ("month", "day") for d in dates):
            dates = find_dates(s, self.published, future=True)
        money = _within(self.money, self._money_starts, a, end)
        blocked = [(d.start, d.end) for d in dates] + [(mo.start - a, mo.end - a) for mo in money]
        numbers = [
            replace(n, start=n.start - a, end=n.end - a)
            for n in _within(self.numbers, self._number_starts, a, end)
        ]
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
        numbers = [
            n
            for n in numbers
            if all(n.end <= x or n.start >= y for x, y in blocked)
            and not _QTY_BAD_AFTER.match(s[n.end : n.end + 20])
            and not (
                _C28.match(s[n.end : n.end + 5])
                and not (
                    re.match(
                        r"\s*of\s+(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,3}?(?:[A-Z][\w-]*\d[\w-]*|"
                        + _ITEMS
                        + r")\b"
                        r"(?!\s*\d)",
                        s[n.end : n.end + 60],
                        _I,
                    )
                    and _C31.search(s[max(0, n.start - 20) : n.start])
                )
            )
            and not _C24.search(s[max(0, n.start - 30) : n.start])
            and all(n.end <= m.start - a or n.start >= m.end - a for _r, m, _x in sys_refs if m is not None)
        ]
        # quantities per system mention
        order_total = next(
            (n.value for n in numbers if _ORDER_FOR.search(s[max(0, n.start - 30) : n.start])), None
        )
        trig_delivery = any(t[0] in ("delivered", "delivering") for t in trig)
        per_system: dict[str | None, tuple[int | None, int | None, int | None, bool]] = {}
        for ref, m, _src in sys_refs:
            total = delivered = remaining = None
            total_hits_system = False
            for n in numbers:
                after = s[n.end : n.end + 80]
                before = s[max(0, n.start - 25) : n.start]
                near = _NEAR_ITEM.match(after)
                hits_system = False
                if m is not None and ref is not None and near is not None:
                    for target in self._starts.get(ref.name, [m.start]):
                        rel = target - a - n.end
                        if 0 <= rel <= 45 and near.end() + n.end >= target - a:
                            hits_system = True
                hits_item = (
                    near is not None and _HITS_ITEM.match(after) is not None and not _OF_SYSTEMS.match(after)
                ) or (near is not None and _OF_THE.match(after) is not None)
                remaining_kw = _REMAINING_KW.search(before)
                first_kw = _FIRST_KW.search(before)
                if remaining_kw and (
                    hits_system or hits_item or not _WORD_NEXT.match(after) or _VERB_NEXT.match(after)
                ):
                    remaining = n.value
                elif hits_system or (hits_item and (m is None or len(sys_refs) == 1)):
                    if first_kw:
                        delivered = n.value
                    elif total is None or (hits_system and not total_hits_system):
                        # "three battalion systems, including 54 K9 howitzers": the count
                        # written before the system itself wins over a generic item count
                        total, total_hits_system = n.value, hits_system
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
            if order_total is not None and order_total != total:
                # "delivered two Su-30SMEs ..., completing a 2018 order for six aircraft"
                if total is not None and delivered is None and trig_delivery:
                    delivered = total
                total = order_total
            per_system[ref.name if ref else None] = (total, delivered, remaining, False)
        # money
        value: Money | None = None
        package: Money | None = None
        if money:
            mo = money[0]
            around = s[max(0, mo.start - a - 30) : mo.end - a + 20]
            per_year = _C8.match(s[mo.end - a :])
            if _C13.search(s[mo.end - a : mo.end - a + 40]) or _C14.search(s[: mo.start - a]):
                package = mo
            elif not _MONEY_BAD.search(around) and not per_year:
                n_items = len({r.name for r, _m, _src in sys_refs if r is not None})
                extra_items = re.findall(
                    r"\b(?:as well as|along with|and|plus|including|includes?)\s+(?:\w+[\s-]+){0,3}?("
                    + _ITEMS_NOSYS
                    + r")\b",
                    s[mo.end - a :],
                    _I,
                )
                if (_PACKAGE.search(s) and (extra_items or n_items > 1 or _C30.search(s))) or n_items > 1:
                    package = mo
                else:
                    value = mo
        per_money: dict[str, Money] = {}
        per_pkg: dict[str, Money] = {}
        named = [(r, m) for r, m, _src in sys_refs if r is not None and m is not None]
        ctx_added = [r for r, m, _src in sys_refs if r is not None and m is None]
        if len(money) == 1 and named and ctx_added and len(named) + len(ctx_added) >= 2:
            # money before the first named system goes with the system referred back to
            mo = money[0]
            first_named = min(m.start for _r, m in named)
            for r in ctx_added:
                per_money[r.name] = mo if mo.start < first_named else None  # type: ignore[assignment]
            for r, _m in named:
                per_money[r.name] = None if mo.start < first_named else mo  # type: ignore[assignment]
        elif len(money) == 1 and len(named) >= 2:
            # one sum, several systems: it belongs to the system closest to it
            mo = money[0]
            nearest = min(
                named, key=lambda rm: abs((rm[1].start if rm[1].start > mo.start else rm[1].end) - mo.start)
            )
            for r, _m in named:
                per_money[r.name] = mo if r.name == nearest[0].name else None  # type: ignore[assignment]
            if package is not None and _C21.search(s):
                per_pkg = {nearest[0].name: package}
        if len(money) >= 2 and len(named) >= 2:
            # "180 K2 tanks ... for $3.37 billion and 212 K9 howitzers ... for $2.4 billion"
            bounds = [m.start - a for _r, m in named] + [len(s)]
            for i, (r, m) in enumerate(named):
                own = [mo for mo in money if m.end - a <= mo.start - a < bounds[i + 1]]
                if own:
                    per_money[r.name] = own[0]
        for fr in frames:
            key = fr.system.name if fr.system else None
            total, delivered, remaining, _ = per_system.get(key, (None, None, None, False))
            inferred = False
            if total is None and delivered is not None and remaining is not None:
                total, inferred = delivered + remaining, True
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
                if value is not None and fr.system is not None and (earlier := _EARLIER_DEAL.search(s)):
                    # "The NOK 1.1 billion option follows the 2017 purchase of 24 K9s": the sum
                    # before "follows" is the deal just reported, not the earlier purchase
                    m_sys = [m for r, m, _x in sys_refs if r is fr.system and m is not None]
                    if value.start - a < earlier.start() and m_sys and m_sys[0].start - a >= earlier.end():
                        fr.value = None
                        prev = self.ctx.last[-1] if self.ctx.last else None
                        if (
                            prev is not None
                            and prev.value is None
                            and prev.system
                            and prev.system.name == fr.system.name
                        ):
                            prev.value = value.to_dict()
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
            if fr.status in ("signed", "delivering", "delivered", "delayed", "cancelled"):
                for d, ref in zip(dates, fr.dates, strict=True):
                    if (
                        ref.role == "order"
                        and d.year
                        and (self.published is None or d.year <= self.published.year)
                    ):
                        fr.order_year = d.year
                        break

    def _date_role(self, s: str, d: DateMention, trig: list[tuple[str, int, int, str]], future: bool) -> str:
        left, right = s[max(0, d.start - 40) : d.start], s[d.end : d.end + 30]
        if self.published is not None and d.year is not None and d.year > self.published.year:
            return "expected"  # a year after publication is never when something was said or signed
        if _REPORT_BEFORE.search(left) or _REPORT_AFTER.match(right):
            return "report"
        if _C4.match(right):
            return "order"
        if _C5.search(left) or (
            (placed_left := s[max(0, d.start - 90) : d.start])
            and any(w in placed_left for w in _PLACED_WORDS)
            and _PLACED_BEFORE.search(placed_left)
        ):
            return "order"
        best, dist = None, 10**6
        for status, ts, te, _w in trig:
            gap = d.start - te if ts < d.start else ts - d.end
            if (
                status in ("purchase", "signed")
                and ts > d.end
                and _C34.search(s[d.end : ts])
                and any(t[2] <= d.start for t in trig)
            ):
                continue  # "on Monday, part of an order for 108 tanks": the date is not the order's
            if 0 <= gap < dist:
                best, dist = status, gap
        if best in ("delivered", "delivering"):
            return (
                "expected" if future and not _C25.search(d.qualifier or "") and _C22.search(s) else "delivery"
            )
        if best == "approved":
            return "approval"
        if best in ("signed", "purchase"):
            return "order"
        if future:
            return "expected"
        return "event"

    # -- claim assembly -------------------------------------------------------------------------
    def _claim(self, fr: _Frame) -> Claim | None:
        buyer = fr.buyers[0]
        supplier = fr.suppliers[0] if fr.suppliers else None
        if buyer.iso3 is None and buyer.kind == "country":
            return None
        if supplier is None and buyer.cue == "with":
            return None  # "signs a contract with X" and no one else: X is the counterpart, not a buyer
        system = fr.system
        supplier = _maker_state(supplier, system)
        a, b = fr.sentence
        status = fr.status
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
            if not (
                status in ("signed", "delivering", "delivered", "delayed")
                and prev_status in ("negotiating", "approved", "offered", "unknown")
            ):
                batch = "additional"
        deal_key = f"{sup_iso}>{buyer.iso3 or buyer.name}:{key_sys}:{batch}"
        inherited_status = False
        loose_key = f"{sup_iso}>{buyer.iso3 or buyer.name}:*:{batch}"
        if status == "unknown" and system is not None:
            for k in (deal_key, loose_key):
                if k in self.ctx.deal_status and self.ctx.deal_status[k] != "unknown":
                    status = self.ctx.deal_status[k]
                    inherited_status = True
                    break
            if not inherited_status and _DEAL_LIST.search(self.masked[a:b]):
                # an item the deal in context lists takes that deal's stage
                dyad = next(
                    (
                        c
                        for c in reversed(self.claims)
                        if not c.negated
                        and c.status != "unknown"
                        and (c.supplier.iso3 if c.supplier else "?") == sup_iso
                        and c.buyer.iso3 == buyer.iso3
                    ),
                    None,
                )
                if dyad is not None:
                    status, inherited_status = dyad.status, True
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
        ev = Evidence(self.text[a:b], a, b)
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
            parties=fr.parties,
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


#: Historical states whose designs are supplied by a successor today.
_SUCCESSOR = {"SUN": "RUS", "CSK": "CZE", "YUG": "SRB", "DDR": "DEU"}


def _maker_state(supplier: _Party | None, system: SystemRef | None) -> _Party | None:
    """A multinational maker named as supplier exports the system from the state that builds it:
    "Airbus" (FRA in the catalogue) supplying the C-295 supplies it from Spain, the system's origin."""
    if (
        supplier is None
        or supplier.cue != "company"
        or system is None
        or not system.manufacturer
        or supplier.company != system.manufacturer
        or not system.origin_iso3
    ):
        return supplier
    origin = _SUCCESSOR.get(system.origin_iso3, system.origin_iso3)
    rec = reference.country_by_iso3(origin)
    if origin == supplier.iso3 or rec is None:
        return supplier
    return replace(supplier, iso3=origin, name=rec.name)


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _within(items: list, starts: list[int], a: int, b: int) -> list:
    """Items (sorted by ``start``) lying inside ``[a, b)``."""
    i = bisect_left(starts, a)
    out = []
    while i < len(items) and items[i].start < b:
        if items[i].end <= b:
            out.append(items[i])
        i += 1
    return out


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


def prev_pair(prev: Claim, rest: list[_Party]) -> tuple[list[_Party], list[_Party]] | None:
    """(suppliers, buyers) among ``rest`` as the previous claim of the deal had them."""
    if prev.supplier is None:
        return None
    sup = [p for p in rest if p.iso3 == prev.supplier.iso3]
    buy = [p for p in rest if p.iso3 == prev.buyer.iso3]
    if sup and buy:
        return [sup[0]], [buy[0]]
    return None


def _origin_of(designation: str) -> str | None:
    rec = reference.resolve_system(designation)
    return rec.origin_iso3 if rec else None


# patterns of the function(s) below, compiled once: a module-level re.search(...) call
# pays re's pattern-cache lookup every time (~1 us, ~100k calls per 400 articles)
_C32 = re.compile(r"\d")
_C33 = re.compile(r"\d")


@lru_cache(maxsize=8192)
def _same_family(a: str, b: str) -> bool:
    """Two designations of one family: their comparison keys share a prefix of 3+ characters."""
    ka, kb = reference.system_key(a), reference.system_key(b)
    n = 0
    for x, y in zip(ka, kb, strict=False):
        if x != y:
            break
        n += 1
    return n >= 3


def _reconcile_systems(claims: list[Claim]) -> None:
    """One article, one dyad, one maker and category: a bare name ("31 Predator drones") is
    the designation the article also gives ("MQ-9B"), not a different catalogue entry."""
    named = [c for c in claims if c.system is not None and c.system.surface and _C33.search(c.system.surface)]
    if not named:
        return
    for c in claims:
        sysref = c.system
        if sysref is None or not sysref.surface or _C32.search(sysref.surface) or not sysref.manufacturer:
            continue
        for other in named:
            o = other.system
            assert o is not None
            if (
                o.name != sysref.name
                and other.evidence.start != c.evidence.start  # one sentence's list names two systems
                # one family ("Reaper" and "MQ-9B", "Gripen" and "Gripen E"); a maker's other
                # system ("Chunmoo" beside "K9", "ATAGS" beside "MArG 155") is not the same
                and _same_family(o.name, sysref.name)
                and o.manufacturer == sysref.manufacturer
                and o.category == sysref.category
                and _same_dyad(other, c)
            ):
                _adopt_system(c, o)
                break


def _same_dyad(a: Claim, b: Claim) -> bool:
    """Same supplier (or both unknown) and same buyer."""
    return (a.supplier.iso3 if a.supplier else None) == (
        b.supplier.iso3 if b.supplier else None
    ) and a.buyer.iso3 == b.buyer.iso3


def _adopt_system(c: Claim, o: SystemRef) -> None:
    """``c`` names the system ``o`` (keeping the text's own surface form) and joins its deal."""
    sysref = c.system
    assert sysref is not None
    c.system = SystemRef(o.name, o.category, o.origin_iso3, sysref.surface, o.manufacturer)
    c.deal_key = c.deal_key.replace(f":{sysref.name}:", f":{o.name}:")


def _reconcile_bare_names(claims: list[Claim]) -> None:
    """One article, one dyad: a bare word the article also writes as the start of a fuller
    designation ("Hawk jets" after "Hawk Advanced Jet Trainer aircraft") is that system, not
    another catalogue entry that shares the word (a Hawk missile)."""
    for c in claims:
        sysref = c.system
        if sysref is None or not sysref.surface or " " in sysref.surface.strip():
            continue
        bare = reference.system_key(sysref.surface)
        if len(bare) < 4:
            continue
        for other in claims:
            o = other.system
            if (
                o is not None
                and o.surface
                and o.name != sysref.name
                and other.evidence.start != c.evidence.start
                and " " in o.surface.strip()
                and o.surface.split()[0].lower() == sysref.surface.strip().lower()
                and _same_dyad(other, c)
            ):
                _adopt_system(c, o)
                break


def _link_deals(claims: list[Claim]) -> None:
    """Carry deal-level facts between claims of one deal (recorded in ``inherited``)."""
    by_deal: dict[str, list[Claim]] = {}
    for c in claims:
        by_deal.setdefault(c.deal_key, []).append(c)
    for group in by_deal.values():
        if len(group) < 2:
            continue
        value = next((c.value for c in group if c.value and not c.negated), None)
        order_year = next((c.order_year for c in group if c.order_year and not c.negated), None)
        stated = [c for c in group if c.quantity and not c.quantity_inferred and not c.negated]
        quantity = stated[0] if stated else next((c for c in group if c.quantity and not c.negated), None)
        company = next((c.supplier_company for c in group if c.supplier_company), None)
        for c in group:
            if c.value is None and value is not None:
                c.value = dict(value)
                c.inherited.append("value")
            if c.order_year is None and order_year is not None:
                c.order_year = order_year
                c.inherited.append("order_year")
            if c.quantity is None and quantity is not None:
                c.quantity = quantity.quantity
                c.quantity_inferred = quantity.quantity_inferred
                c.inherited.append("quantity")
            if c.supplier_company is None and company is not None:
                c.supplier_company = company
                c.inherited.append("supplier_company")


def _settle_unknown(claims: list[Claim]) -> None:
    """A mention without its own stage of a deal whose stage the article states elsewhere takes
    that stage (recorded in ``inherited``): "the FA-50 is a proven platform ... the Philippines'
    operational experience" is the same deal as the contract sentence, not a second fact.
    A stated supplier relationship ("X is Y's main supplier") keeps ``unknown``."""
    by_triple: dict[tuple, list[Claim]] = {}
    for c in claims:
        if not c.negated:
            key = (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
            by_triple.setdefault(key, []).append(c)
    for group in by_triple.values():
        known = [c for c in group if c.status != "unknown"]
        if not known or len(known) == len(group):
            continue
        for c in group:
            if c.status != "unknown" or "supplier:relation" in c.cues:
                continue
            before = [k for k in known if k.evidence.start < c.evidence.start]
            source = before[-1] if before else known[0]
            c.status = source.status
            if "status" not in c.inherited:
                c.inherited.append("status")


def _settle_requests(claims: list[Claim]) -> None:
    """A buyer's request for a sale the article reports approved ("X has requested to buy ...",
    the standard text of an export-approval notice) is that approval's request, not separate
    talks: the request claim takes the approved stage (recorded in ``inherited``)."""
    approved = {
        (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
        for c in claims
        if c.status == "approved" and not c.negated
    }
    if not approved:
        return
    for c in claims:
        if (
            c.status != "negotiating"
            or c.negated
            or not any(cue.startswith("buyer:subject:request") for cue in c.cues)
        ):
            continue
        key = (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
        if key in approved:
            c.status = "approved"
            if "status" not in c.inherited:
                c.inherited.append("status")


def extract_claims(
    text: str, published: date | None = None, extra_systems: Iterable[SystemRecord] = ()
) -> list[Claim]:
    """Claims of one article text (see the module docstring)."""
    if not isinstance(text, str) or not text.strip():
        return []
    return _Extractor(text, published, extra_systems).run()
