"""Named patterns of the claim rules: role cues, negation, modality, quantity and money cues.

Why one module: the rule stages (:mod:`.roles`, :mod:`.status`, :mod:`.frames`, :mod:`.details`)
share many of these patterns; defining each once here keeps them from drifting apart, and a
newcomer tuning a wording finds every cue in one place.  The lifecycle-stage *triggers* live
in :mod:`.vocabulary`.  Patterns are compiled once at import: a module-level ``re.search(...)``
call pays re's pattern-cache lookup every time (~1 us, ~100k calls per 400 articles).
"""

from __future__ import annotations

import re

from kg.extract._fastre import NeedsRx, first_letter_alternation
from kg.extract.nouns import GROUPING_NOUNS, ITEM_NOUNS
from kg.extract.quantities import NUMBER_WORDS
from kg.extract.vocabulary import _I, CUSTOMER_NOUN, NTH_CUSTOMER, NTH_ORDINAL, _lrx, _rx


def _nrx(pattern: str, flags: int = _I) -> NeedsRx:
    """A pattern scanned over whole sentences: skipped where its required words are missing
    (:class:`kg.extract._fastre.NeedsRx`; only ``search``/``finditer`` of a whole text)."""
    return NeedsRx(re.compile(pattern, flags))


_ITEMS = "|".join(sorted(ITEM_NOUNS, key=len, reverse=True))
_ITEMS4 = "|".join(sorted((k for k in ITEM_NOUNS if len(k) > 3), key=len, reverse=True))
#: every item noun, short ones too ("gun", "jet")
_ITEMS_ALL = "|".join(sorted(ITEM_NOUNS, key=len, reverse=True))
_ITEMS_NOSYS = "|".join(
    sorted((k for k in ITEM_NOUNS if k not in ("system", "systems", "unit", "units")), key=len, reverse=True)
)


_SPEAKER_AFTER = _rx(
    r"^(?:'s\s+[\w\s-]{0,60}?)?(?:\s*\([^)]{1,20}\))?\s*(?:chief|head|spokes\w+|official\w*|"
    r"minister|director|[A-Z][a-z]+\s+[A-Z][a-z]+\s+)?\s*,?\s*(said|says|told|announced|"
    r"reported|stated|added|confirmed|noted|quoted|wrote|claimed)\b"
)
#: a component named inside another item's phrase ("which would include Hellfire missiles", "armed
#: with X"): no deal item of its own.  "along with", "together with" and "as well as" are not among
#: the words: they join items of one offer or sale ("offered N X, along with Y and the Z"), each an
#: item of the deal
_SUBITEM = _lrx(
    r"\b(?:includ\w*|plus|armed with|equipped with|"
    r"in addition to)\b[^.;]*$|\b(?:replac\w+|retir\w+|phas\w+ out|decommission\w*|succeed\w*)\s+"
    r"(?:its|their|the|an?)\s+(?:[\w-]+\s+){0,3}?(?:fleet of\s+)?$"
)
_SELL_BEFORE = _rx(
    r"\b(sell|sold|sale|sales|supply|supplie|deliver|export|transfer|offer|provid|"
    r"ship|hand|send|sent|donat|gift|pledg|approv|clear|arms|weapons|resel|resold|re-export|"
    # "gave N X to": a gift; "gave priority to X", "gave approval to" name no recipient of a transfer
    r"gave(?! (?:its |the |an? |final |formal |top )?(?:approval|go-ahead|nod|green light|boost|priority|"
    r"assurances?|details?|up)\b))"
)
_SELL_AFTER = _rx(r"\b(sell|sold|sale|suppl|deliver|export|transfer|offer|provid)")
_OFFICIAL = re.compile(
    r"^(?:'s)?\s+(?:(?:[Dd]efen[cs]e|[Ff]oreign|[Pp]rime|[Dd]eputy|[Aa]ir|[Nn]aval|[Aa]rmy|[Ss]tate|"
    r"[Vv]ice|[Cc]hief|[Ss]enior|[Tt]op)\s+)*(?:Secretary|Minister|President|Ambassador|Envoy|"
    r"Chancellor|[Ss]pokes(?:man|woman|person)|[Oo]fficials?|[Mm]inister|[Pp]resident|[Aa]mbassador|"
    r"[Ee]nvoy|[Cc]hancellor|[Ss]ecretary)\b"
)
_WON_FROM = _rx(
    r"\b(?:won|wins|secured|bagged|landed|received|receives|booked|books)\s+(?:a|an|the)\s+[^.;]{0,40}?"
    r"(?:contract|order|deal|tender)\s+from\s+(?:the\s+)?$"
)
_AWARDED_TO = _rx(
    r"\b(?:awarded|gave|granted|placed)\s+(?:a|an|the)\s+[^.;]{0,40}?(?:contract|order|deal)\s+"
    r"(?:to|with)\s+(?:the\s+)?$|"
    # "the deal that was ultimately awarded to France's Dassault": contracts go to sellers
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?awarded\s+to\s+(?:the\s+)?$"
)
#: a purchase request and its passive dispatch ("a letter of request for N X was sent"): the verb
#: is the letter's, no delivery of arms (group ``verb``)
_REQUEST_NOUN = r"\b(?:requests?|letters?\s+of\s+request|LoRs?|LOR)"
_REQUEST_SENT_VERB = (
    r"\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?P<verb>sent|submitted|handed|delivered|forwarded|addressed)"
)
REQUEST_SENT = re.compile(
    _REQUEST_NOUN + r"(?:\s+(?:for|of)\s+[^.;]{0,80}?)?" + _REQUEST_SENT_VERB + r"\b", re.IGNORECASE
)
#: the state a purchase request goes to: "sent a formal request to A to buy X", "a letter of request for
#: N X was sent to A", "B's request to A for X": the addressee of a request would sell, it buys nothing
_REQUEST_TO = _rx(
    _REQUEST_NOUN + r"(?:\s+(?:for|of)\s+[^.;]{0,80}?)?(?:" + _REQUEST_SENT_VERB + r")?\s+to\s+(?:the\s+)?$"
)
#: "was awarded a contract by the navy", "awarded GBP 200m by X": the awarding party buys
_AWARDED_BY = _rx(r"\bawarded\s+(?:[^.;]{0,40}?\s+)?by\s+(?:the\s+)?$")
#: a subject right before a finite verb ("..., X has been awarded"): not a list member of the party
#: before the comma ("Under an agreement with Y, X has been awarded")
_FINITE_NEXT = re.compile(r"^\s+(?:has|have|had|was|were|is|are|will|would)\b")
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
    r"pressure from|away from|independence from|delegation from|officials from|information from|reports? from|statements? from|data from|troops from|visit(?:ed|s)? to|"
    r"trip to|envoy to|ambassador to|relations with|ties with|partnership with|"
    r"allies? (?:like|such as)|neighbou?rs? (?:like|such as)|compared (?:with|to)|rather than|instead of|"
    r"dependence on|reliance on|relying on|reduce \w+ on|than|tensions? (?:between|with)|"
    r"counter|deter|threat posed by|threat of|aggression|adversar\w+|invasion by|fight(?:ing)?|war against|"
    r"in response to|sanctions by|sanctions from|opposition from|(?:approval|permission|consent|clearance|"
    r"licen[cs]e|authori[sz]ation|nod|go-ahead|waiver)\s+from|objections from|criticism from|warnings from|retaliation from|"
    r"backlash from|response from|retaliation against|pressure on|warned|sanctioned|"
    # a place where a system was used ("drones that have been used in X"): no party to its deals
    r"(?:been|were|was|being) (?:used|deployed|fielded|tested|combat-tested|battle-tested) in|"
    r"(?:proved|proven|shown) (?:its|their) (?:worth|value|mettle) in)\s+"
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
#: the gap between two members of one list of parties: a comma, "and", "or", "as well as"; a repeated
#: preposition after "and"/"or" too ("talks with A and with B", "sold to C and to D", "orders from E, and
#: from F"; not a comma alone: "bought from A, to B" names two roles)
_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and|or|as well as)?|and|or|as well as|&|/|,?\s*(?:and|or|as well as)\s+(?:with|to|from))\s*"
    r"(?:the\s+)?$",
    _I,
)

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
#: "<verb> by the", also "ordered jointly by all three" (an adverb, a count of services)
_BY = _rx(
    r"\b(\w+)\s+(?:(?:jointly|directly|originally|initially|largely|mainly)\s+)?by\s+(?:the\s+|all\s+)?"
    r"(?:(?:two|three|four|five|several)\s+)?$"
)
_TO = _rx(r"\b(\w+)\s+(?:\w+\s+){0,1}to\s+(?:the\s+)?$")
_FOR = _rx(r"\bfor\s+(?:the\s+)?$")
#: a deal (or package, sale) that lists its items: "the deal covers", "deals including", "the
#: package comprises"
_DEAL_LIST = _nrx(
    r"\b(?:deals?|contracts?|packages?|sales?|orders?|agreements?)"
    # ", approved in 2023,", ", which also included", ", which A cleared in 2020 and which also included";
    # a relative clause only with "also" (the deal has its own item beside the list): ", which would include
    # Hellfire missiles" after a sale of drones lists the sale's components, no deal items
    r"(?:,[^,.;]{1,80},|,\s+(?:which|that)\b(?:[^.;]{0,90}?\band\s+(?:which|that)\b)?(?=(?:\s+\w+)?\s+also\b))?"
    r"\s+(?:\w+\s+){0,2}?"
    r"(?:includ(?:e|es|ing|ed)|cover(?:s|ed|ing)?|compris(?:e|es|ing|ed)|consist(?:s|ing)? of)\b"
)
#: a plural transfer noun whose relative clause lists what it has held ("its donations, which have
#: included X", "arms purchases that also included X"): each listed item is a transfer of its own; a
#: singular sale's "which would include X" still lists the parts of one item (see :data:`_DEAL_LIST`)
_TRANSFER_LIST = _nrx(
    r"\b(?:purchases|donations|acquisitions|deliveries|transfers|exports|imports|shipments|gifts|deals|orders|"
    r"contracts|packages|sales),?\s+(?:which|that)\s+(?:(?:have|has|had)\s+)?(?:also\s+)?"
    r"(?:included|includes|include|covered|comprised)\b"
)
#: "had been supplied to X by Y": Y sells (the word before "by" is the buyer, not a verb)
_PASSIVE_TO_BY = _rx(
    r"\b(?:sold|supplied|provided|delivered|transferred|exported|handed(?: over)?|given|gifted|donated|"
    r"leased|shipped|sent)\s+to\s+(?:the\s+)?[\w .'’-]{1,40}?\s+by\s+(?:the\s+)?$"
)
_WITH = _rx(
    r"\b(?:with|between)\s+(?:the\s+)?(?:[A-Z]{2,}\s+(?:member|country|ally|partner|state|nation)\s+(?:state\s+)?)?"
    # "signed with Turkey's STM for the purchase of": the firm of a possessor state is the counterpart
    r"(?:(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,2}(?:'s|\u2019s|')\s+)?$"
)
#: "in service with X", "operational with X": X operates a fleet of the item, it is no deal's counterpart
_SERVICE_WITH = _rx(r"\b(?:in\s+service|in\s+use|operational|serv(?:es|ed|ing))\s+with\s+(?:the\s+)?$")
#: "boats built with X's yard", "a missile developed jointly with X": X is a maker, not the counterpart
_BUILT_WITH = _rx(
    r"\b(?:built|made|manufactured|produced|co-produced|developed|co-developed|designed|assembled)\s+"
    r"(?:jointly\s+|together\s+)?with\s+(?:the\s+)?$"
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

#: a state's armed service or defence ministry ("navy", "air force", "defence ministry"): the kinds of
#: :func:`force_kind`
_FORCE_WORD = (
    r"(navy|army|air\s+force|coast\s+guard|marines|marine\s+corps|military|armed\s+forces|"
    r"defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|ministry|government)"
)
#: a force told with no state ("the navy", "its air force", "the country's coast guard"): its buyer is
#: the state whose force of that kind the article named (not "the navy of A", which names its state)
BARE_FORCE = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:country|nation)(?:'s|’s)\s+)?(?i:{_FORCE_WORD})\b(?!\s+of\s+[A-Z])"
)
#: right after a state named as a force's owner: "A's navy", "the A-ian air force", "A Army"
OWNED_FORCE = re.compile(rf"(?:'s|’s)?\s+(?i:{_FORCE_WORD})\b")
#: the honorific opening a monarchy's force name ("the Royal Thai Navy", "the Royal Saudi Air Force",
#: "the Royal Netherlands Navy"): it stands between the cue word and the state ("to the Royal Malaysian
#: Navy"), so the cue is read as if it were not there
FORCE_HONORIFIC = "Royal "
#: a force noun inside a force's own name ("Indian Navy", "Royal Thai Air Force")
FORCE_IN_NAME = re.compile(rf"\b(?i:{_FORCE_WORD})\b")


def force_kind(word: str) -> str:
    """One name per kind of force: "defence ministry" and "ministry of defense" are the ministry,
    "armed forces" the military, "marine corps" the marines."""
    w = " ".join(word.lower().split())
    if "ministry" in w:
        return "ministry"
    if w == "armed forces":
        return "military"
    if w.startswith("marine"):
        return "marines"
    return w


_ORIGIN_BY = _rx(r"^(made|built|manufactured|produced|developed|designed|jointly)$")
_SELLER_BY = _rx(
    r"^(made|built|manufactured|produced|developed|designed|supplied|sold|delivered|offered|provided|"
    r"exported|transferred|shipped|donated|gifted|given|granted|lent|loaned|offered|pitched|proposed)$"
)
_BUYER_BY = _rx(
    r"^(bought|ordered|purchased|acquired|procured|signed|approved|requested|sought|cleared|inducted|"
    r"received|used|operated|leased|commissioned|fielded|chosen|selected|picked)$"
)
#: "during a visit by X's president to Y", "a trip to Y": Y is where someone went, no recipient
_VISIT_TO = _rx(r"\b(?:visit|visits|trip|tour|journey)\s+(?:by\s+[^,.;]{1,50}?\s+)?to\s+(?:the\s+)?$")
#: precedence given to another state ("after Washington gave priority to X", "deliveries prioritised
#: to X"): X jumped the queue of someone else's order, it is no party to that deal
_PRIORITY_TO = _rx(
    r"\b(?:priority|precedence|preference|prioriti[sz](?:e|es|ed|ing)|(?:the\s+)?front\s+of\s+the\s+queue)\s+"
    r"(?:[\w-]+\s+){0,2}?to\s+(?:the\s+)?$"
)
#: a state stopping its own exports ("froze arms exports to", "halted deliveries"): no seller of the deal
_STOP_BEFORE = re.compile(
    r"\b(?:froze|freezes?|freezing|frozen|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|block(?:s|ed|ing)?|"
    r"ban(?:s|ned|ning)?|embargo(?:es|ed|ing)?|stopp(?:ed|ing)|stops?|veto(?:es|ed|ing)?)\s+"
    r"(?:all\s+|its\s+|their\s+|further\s+|new\s+)?\Z",
    re.IGNORECASE,
)
_NOT_TO = _rx(
    r"^(according|linked|related|attributed|owing|due|subject|exposure|request|letter|proposal|turning|turned|turn|close|next|due|similar|compared|addition|prior|relation|"
    r"respect|regard|up|visit|trip|travelled|traveled|envoy|ambassador|threat|contrary|thanks|"
    r"referring|refer|pointed|pivot|pivoting|looking|look|shift|shifting|owing|thanks|went|go|going|"
    r"went|sent|came|come|back|way|route|home|access|exports|closer|ties|relations|commitment|"
    r"committed|opposed|open)$"
)

#: a pronoun object of a transfer verb: "France delivered them by 2022", "Serbia bought it in 2020"
_PRONOUN_OBJECT = (
    r"\b(?:delivered|supplied|received|bought|ordered|acquired|inducted|handed(?: over)?|sold|shipped|leased|"
    r"purchased|procured|"
    # the infinitive: "had agreed to buy it in 2019", "decided to order them" (the deal in context)
    r"to (?:buy|order|acquire|purchase|procure|lease))\s+(?:it|them|this|these|those)\b(?!\s+(?:to|with)\s+(?:buy|sell))"
)
_PRONOUN_OBJECT_RX = _lrx(_PRONOUN_OBJECT)
_ANAPHORA = _lrx(
    r"\b(?:the|these|those|this|that|such|its|their)\s+(?:[\w-]+\s+){0,3}?(?:systems?|jets?|aircraft|deals?|"
    r"contracts?|orders?|agreements?|deliver(?:y|ies)|units?|batch|purchases?|acquisitions?|talks|negotiations|"
    r"weapons|missiles|fighters|helicopters|submarines|vessels|ships|drones|tanks|howitzers|platforms|"
    r"batter(?:y|ies)|frigates|warplanes|planes|consignments?|shipments?|sales?)\b|\b(?:the\s+)?(?:remaining|rest|"
    r"outstanding|final units)\b|\bfulfil+\s+this\b|\bunder the (?:deal|contract|agreement)\b|"
    # "The recipient has requested to buy ...": a notice's name for the buyer of the sale it announces
    r"\bthe\s+(?:recipient|purchaser|customer)\s+(?:has|have|had|would|will|is|also|requested|wants)\b|"
    # "is buying the same gun", "ordered a similar system": the item of the deal in context
    r"\b(?:the same|a similar|an identical)\s+(?:[\w-]+\s+){0,2}?(?:" + _ITEMS_ALL + r")\b|"
    # a price in front of the deal noun: "the $2 billion deal", "this EUR 300 million contract"
    r"\b(?:the|this|that|its|their)\s+(?:[$€£₹¥]|(?:us|au|ca|nz)\$|(?:usd|eur|gbp|inr|rs\.?)\s?)"
    r"\d[\d.,]*(?:\s*(?:million|billion|trillion|crore|lakh|mn|bn))?[\s-]+(?:[\w-]+\s+){0,2}?"
    r"(?:deals?|contracts?|orders?|agreements?|purchases?|acquisitions?|sales?|packages?)\b|"
    + _PRONOUN_OBJECT
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
    r"second tranche)\b" + _SECOND_BATCH + r"|\b(more)\b(?!\s+than)",
    # every alternative contains one of these (the scan runs on every deal sentence)
    needs=(
        "additional",
        "another",
        "further",
        "extra",
        "follow-",
        "repeat order",
        "new batch",
        "next batch",
        "new order",
        "second",
        "third",
        "fresh",
        "more",
    ),
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
    r"could|may|might|considering|mulling|weighing|reportedly|is to|are to|expects?|expecting)\b[^.;]{0,40}$"
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
#: between a subject and a deal word: the subject acts against the deal ("X imposed sanctions on
#: firms involved in arms sales to Y", "X condemned the sale"), it is no party to it
_HOSTILE_BETWEEN = _lrx(
    r"\b(?:sanction\w*|condemn\w*|protest\w*|denounc\w*|criticis\w*|criticiz\w*|retaliat\w*|"
    r"oppos(?:e|es|ed|ing)|object(?:s|ed|ing)? to|blacklist\w*|penali[sz]\w*)\b",
    needs=(
        "sanction",
        "condemn",
        "protest",
        "denounc",
        "critici",
        "retaliat",
        "oppos",
        "object",
        "blacklist",
        "penali",
    ),
)
#: "the fourth buyer of the gun after Lithuania and Croatia": the states after "after" bought it
#: earlier (the party right after the phrase; its list shares the cue)
_EARLIER_BUYERS = _lrx(r"\b" + NTH_CUSTOMER + r"\s+(?:the\s+)?$")
#: "X the fourth buyer ...", "X would be the second country ... to obtain": X buys
_NTH_BUYER_NEXT = _lrx(
    r"^\s+(?:(?:is|was|becomes|became|has become|would be|will be|as)\s+)?the\s+(?:first|"
    + NTH_ORDINAL
    + r")\s+(?:[\w-]+\s+){0,3}?"
    + CUSTOMER_NOUN
    + r"\b"
)
#: "X won/secured/landed an order", "X has been awarded GBP 200m": X is the seller of that order
_WON_CONTRACT = _nrx(
    r"\b(?:won|wins|secured|secures|bagged|landed|clinched)\s+(?:an?|the|several|multiple|many|numerous|two|three|four|"
    r"five|\d+)\s+[^.;]{0,40}?\b(?:contract|order|deal)s?\b|"
    r"\b(?:was|were|has been|have been|had been|is|are|being)\s+(?:\w+ly\s+)?awarded\b(?!\s+to\b)",
    re.IGNORECASE,
)
#: a delivery stated as complete outranks the first-batch wording of the same sentence
#: a delivery done: "completed", and a past span of years it took ("delivered between 2020 and 2022",
#: "handed over from 2019 to 2021"; not "to be delivered between ...", a schedule)
_COMPLETED = re.compile(
    r"\bcomplet(?:ed|ion)\b|(?<!\bbe )(?<!\bbeing )\b(?:delivered|handed over|arrived|received|transferred|"
    r"supplied|shipped)\s+(?:[^,;.]{0,80}?\s)?(?:between (?:19|20)\d\d and|from (?:19|20)\d\d (?:to|until|through))"
    r" (?:19|20)\d\d\b|"
    # "the last was commissioned in 2024", "the last of them arrived in May", "the final two were handed
    # over": the series' end has come (not "the last is due in 2027", a schedule)
    r"\bthe (?:last|final)(?: (?:one|two|three|four|five|\d+|of (?:them|these|those|the [^,;.]{1,40}?)))? "
    r"(?:(?:was|were|had been|has been|have been) (?:delivered|handed over|commissioned|inducted|received|"
    r"shipped|transferred)|arrived|landed)\b",
    re.IGNORECASE,
)
# word prefilter (kg.extract._fastre.NeedsRx): a case-insensitive scan of the whole sentence, skipped on
# one without "complet" or a delivery verb
_COMPLETED = NeedsRx(_COMPLETED)
#: a memorandum or letter of intent is signed during talks (labelling guidelines: negotiating); so is a
#: framework agreement, which sets terms for contracts still to be placed ("signed a framework agreement
#: for up to N X": the newsset conventions label it negotiating, signed accepted)
_MOU_AFTER = re.compile(
    r"\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:mou|memorandum|letters? of (?:intent|request)|loi|lor|"
    r"framework\s+agreements?)\b",
    re.IGNORECASE,
)
#: "the State Department approved a possible sale", "the agency informed Congress about the possible
#: sale" (an export notice, however worded): only then is a possible sale an approval
_APPROVED_SALE = _lrx(
    r"\b(approv\w*|clear\w*|notif\w*|authori[sz]\w*|green[- ]?l\w*|"
    r"(?:inform|told|tell|brief|alert|advis)\w* (?:the )?(?:u\.?s\.? )?(?:congress|lawmakers|senate|house))\b[^.;]{0,40}$"
)
#: "a contract for supplying engines", "awarded GBP 200m for delivering": the purpose of a deal, not
#: deliveries under way
_FOR_PURPOSE = re.compile(r"\bfor\s+$")
#: "the contract, closed after a year of negotiations": talks that led to the deal, not its stage
_AFTER_TALKS = re.compile(r"\bafter\s+[^.;,]{0,30}$", re.IGNORECASE)
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
#: Rafale", "chosen after trials in which it was pitted against the F-18": the system after the marker lost the competition and is no deal of this sentence
_REJECTED = _lrx(
    r"\b(over|rather than|instead of|ahead of|in preference to|beating|beat|outbidding|outbid|defeating|"
    r"edging out|edged out|outclassing|trumping|rejecting|turning down|passing over|"
    # "selected after trials in which it was pitted against the X", "competing against the Y"
    r"pitted against|(?:competed|competing) against)\s+(?:the\s+|an?\s+|its\s+|their\s+|rival\s+|competing\s+|"
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
    "rejecting",
    "turning down",
    "passing over",
    "pitted against",
    "ompeted against",
    "ompeting against",
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
_PHRASE_BREAK = re.compile(r"[,;(]|\b(?:under|part of)\s+(?:an?|the|its|their)\b")
#: role cues of a state that approved something: its own purchase, or an export
_APPROVER_CUE = re.compile(
    r"^(?:(?:approved|cleared|authori[sz]ed|sanctioned|green-?lit|greenlighted)-by|"
    r"subject:(?:approv|clear|authori|green|go-ahead))"
)
#: between the marker (or a rejected maker) and the rejected system: a few plain words
_REJ_GAP = re.compile(r"^(?:'s\s+|’s\s+|[\w&.-]+\s+){0,3}$|^\s*$")
#: a negation shortly before a stage trigger; also "no contract / no deal / no document was signed" (the
#: paper not signed: talks only)
_NEGATION_NEAR = _lrx(
    r"\b(not|never|no longer|n't|yet to|without|cannot|unable to|failed to|"
    r"no (?:[\w-]+ )?(?:contracts?|deals?|agreements?|documents?|orders?|papers?)|no(?=\s+(?:[\w-]+\s+)?$))\b[^.;,]{0,25}$"
)
_DENIAL = _lrx(
    r"\b(denied|denies|deny|dismissed|refuted|rejected (?:media |the |those )?reports|ruled out|"
    r"no plans? to|not true|baseless|false reports?)\b",
    needs=(
        "den",
        "dismissed",
        "refuted",
        "rejected",
        "ruled out",
        "no plan",
        "not true",
        "baseless",
        "false report",
    ),
)
_PARTIAL = _lrx(
    # "first-generation", "the first time" describe no first batch; nor does a first of buyers or of
    # events: "the first African operator of the type", "the first of the Baltic states to field",
    # "its first export customer", "the first NATO member to buy it", "the first flight of the type"
    r"\b(first(?![- ](?:generation|ever|time)\b)(?!(?:[- ][\w-]+){0,4}?[- ](?:operators?|users?|customers?|"
    r"buyers?|clients?|countr(?:y|ies)|nations?|states?|members?|all(?:y|ies)|exporters?|exports?|importers?|"
    r"flights?|sorties?)(?![\w-]))|"
    r"initial|some of the|"
    r"part of the (?:order|deal|contract|batch|shipment|consignment)|"
    r"remaining|so far|batch|tranche|outstanding|rest of|"
    # "shipped the third of four radars": one of a counted series, the rest still to come
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) of (?:the |its |their )?(?:\d+|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve)\b|"
    # "has received three of them": a part of the deal just named
    r"(?:received|delivered|handed over|taken delivery of) (?:\d+|two|three|four|five|six|seven|eight|nine|ten) of them|"
    # "took delivery of 12 of the 24 guns", "Twenty of the 46 vehicles have been delivered": a share of a
    # counted order ("half / most of the" are left out: they also open general statements)
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?) (?:out )?of "
    r"(?:the |its |their )?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty(?:-\w+)?)"
    r"(?! (?:per ?cent|%))"
    r")\b"
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
    # "three Type 209 submarines": a designation "Type N" is the item, not "three types of"
    r"kinds?|types?(?![\s-]*\d)|sorts?|varieties|variants|versions|models|"
    # groupings count deals or formations, not units: "two batches of", "three squadrons"
    r"batch(?:es)?|tranches|lots|blocks|phases|squadrons|regiments|battalions|brigades|"
    # a number before a singular formation names it: "delivered to the 332 Squadron"
    r"squadron|regiment|battalion|brigade|flotilla)\b"
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
# matches; the "no word before" lookbehind sits after each word's first letter, so every alternative
# opens with a character and re skips to the few characters a match can start with
_CLAUSE_END = re.compile(
    r"[;:]|, wh(?:ich|o)\b|"
    + first_letter_alternation(["while", "but", "whereas", "said", "says", "told", "added"], r"(?<!\w{c})")
    + r"\b"
)
_SPEAKER_VERB = _lrx(
    # "A has added two X from B": items counted after "added" are acquired, nothing is said
    r"^\s*(?:'s\s+)?[\w\s-]{0,40}?\b(said|says|told|announced|reported|stated|confirmed|"
    r"added(?!\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|more|another|further)\b))\b"
    # "A announced its choice of X": A chose (a buyer), it does not only report
    r"(?!\s+(?:its|their|the|a)\s+(?:final\s+)?(?:choice|selection)\s+of\b)"
)

_OBJ_OF_SELL = _lrx(
    r"\b(sell|sells|sold|selling|supply|supplies|supplied|supplying|offer|offers|offered|"
    r"offering|provide|provides|provided|give|gives|gave|arm|arms|armed|send|sent|"
    r"deliver|delivers|delivered|promise|promises|promised|promising|pledge|pledges|pledged|"
    r"lend|lends|lent|lending|hand|hands|handed)\s+(?:the\s+)?$"
)

_ORDER_FOR = _rx(
    r"\b(?:order|contract|deal|agreement)\s+(?:for|of|covering)\s+(?:a total of\s+|up to\s+)?$"
    # "received four X, out of 12 ordered": the order's size
    r"|\bout of\s+(?:a total of\s+|the\s+)?$"
)

# quantity cues (hot loop: compiled once)
_NEAR_ITEM = re.compile(
    r"^\s+(?:(?:more|additional|new|used|second-hand|refurbished|advanced|upgraded|"
    r"extra|further|of the|of|the|its|their|generation|next-generation|"
    r"[\w]+-(?:made|built|designed|origin)|[a-z]+(?:-[a-z]+)?|"
    # a calibre between the count and the item: "six 155 millimetre guns", "24 155mm howitzers"
    r"\d+(?:\.\d+)?(?:[\s-]?(?:mm|millimet\w+|cm|calib\w+))|"
    r"[A-Z][\w-]*)\s+){0,4}?(?:[A-Z][\w/-]*\d[\w/-]*|[A-Z][\w-]+|" + _ITEMS + r")"
)
#: the words a count may have between it and the designation it counts ("12 used Dutch F-16s", "10 new
#: Airbus H145M", "two ex-Navy Santa Maria-class frigates"): the whole gap, so a capitalised adjective
#: or maker is not taken for the item itself (where :data:`_NEAR_ITEM`, lazy, stops)
_COUNT_GAP = re.compile(
    r"\s+(?:(?!(?:and|or|plus|with|than|"
    + NUMBER_WORDS
    + r")\b)(?:[\w]+-(?:made|built|designed|origin)|[a-z]+(?:-[a-z]+)?|[a-z]+-[A-Z][\w]*|[A-Z][\w-]*)\s+){1,4}"
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


_SALE_AFTER = re.compile(r"\b(sale|sell|export|transfer|supply)\b", _I)
_TO_BUY_NEXT = re.compile(r"^\W*(?:\w+\s+){0,3}?to (?:buy|purchase|acquire|procure|order|import)\b")
#: "signed for N X", "signed for the system": the signer buys the items it signed for ("talks for
#: additional X" is no purchase, "signed for the first time" none either)
_SIGNED_FOR_NEXT = re.compile(
    r"^\s*for (?:(?:an? |the )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|more|"
    r"additional|further|new)\s|(?:the|this|that|its|their) (?:same )?(?:[\w-]+ ){0,2}?(?:system|"
    + _ITEMS4
    + r")s?\b|it\b|them\b)",
    _I,
)
_TO_SELL_NEXT = re.compile(
    r"^\W*(?:\w+\s+){0,3}?to (?:sell|supply|export|deliver|provide|send|ship|transfer|hand over|donate|lease to)\b"
)

_DEAL_NOUN_NEXT = re.compile(r"^\s*(?:-\s*)?(?:contract|deal|agreement|order|accord|pact)\b", _I)
_SIGNED_BEFORE = re.compile(
    r"\b(?:sign\w*|ink\w*|order\w*|contract\w*|conclud\w*|awarded|bought|purchased|acquired|"
    r"agreed|deal|agreement)\s+(?:\w+\s+)?$",
    _I,
)
_ERA_NEXT = re.compile(r"^-?era\b|^\s*(?:era|war|revolution|empire|origin\b)", _I)
_ITEM_FOR_BEFORE = re.compile(
    r"(?:\d|jets?|aircraft|systems?|contract|deal|order|helicopters?|"
    r"submarines?|frigates?|drones?|tanks|missiles?|howitzers?|vessels?|"
    r"[A-Z]-?\d)\s+(?:\w+\s+){0,2}for\s+(?:the\s+)?$",
    _I,
)
_PER_UNIT_NEXT = re.compile(
    r"^\s*(?:a|per|each)\s+(?:year|unit|aircraft|jet|piece|" + _ITEMS_NOSYS + r")\b"
    # "worth $50 million each", "at $3 million a piece": a unit price, not the deal's value
    r"|^\s*(?:apiece|each\b|a piece\b)"
)
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:also\s+|widely\s+)?$")
_SAID_IT_NEXT = re.compile(
    # a discourse aside may stand between ("A, for its part, has said it will keep X")
    r"^(?:\s*,\s*(?:for (?:its|their) part|meanwhile|in turn|however|likewise|by contrast|in the meantime|"
    r"on the other hand|for now),)?"
    r"\s*(?:'s\s+)?[\w\s-]{0,40}?\b(said|told|announced)\s+"
    r"(?:\w+\s+){0,2}(?:it|they|that it)\b",
    _I,
)
_BACK_OR_NOW = re.compile(r"\bback\b|\bnow\b")
_BATCH_WORD = re.compile(r"(?:first|initial|latest|final|last) (?:batch|tranche|lot|units?)")
_PACKAGE_WORD = re.compile(r"\b(?:package|proposals)\b", _I)
_PACKAGE_WORTH_BEFORE = re.compile(
    r"\bpackage (?:worth|valued at|of)\s+(?:about\s+|around\s+|nearly\s+)?$", _I
)
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+\s+)?$")
_GIVEN_VERB = re.compile(
    r"(?:sold|supplied|delivered|offered|given|provided|promised|shipped|sent|"
    r"transferred|handed|donated|gifted)\b"
)
_WORTH_WORD = re.compile(r"\b(?:worth|valued|cost)\b", _I)
_COVERS_COUNT = re.compile(
    r"\b(?:cover|covers|covered|include|includes|comprise|comprises|consists? of)\s+"
    r"(?:\w+\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\b",
    _I,
)
_DELIVERY_WORD = re.compile(r"deliver|arriv|receiv|hand|batch|units|consignment", _I)
_ARRIVAL_WORD = re.compile(r"deliver|arriv|receiv|hand|induct|land|reach|ship|flown|fly", _I)
_FUTURE_WORD = re.compile(r"expected|will|scheduled|due", _I)
_PRONOUN = re.compile(r"\b(?:it|they)\b")
#: "to make up for howitzers it gave to X", "the jets that they had sold to X": a relative clause on an item
#: with a pronoun subject tells the item's history; X is no party to the sentence's deal
_ITEM_HISTORY_TO = re.compile(
    r"\b(?:" + _ITEMS4 + r"|[A-Z][\w-]*\d[\w-]*)\s+(?:(?:that|which)\s+)?(?:it|they)\s+"
    r"(?:(?:had|has|have|once|earlier|previously)\s+)?(?:donated|sold|gave|given|sent|supplied|delivered|"
    r"transferred|handed over|exported|shipped|lent)\s+"
    r"(?:[\w-]+\s+){0,2}?to\s+(?:the\s+)?\Z"
    # "(bought) to replace vehicles donated to X", "to make up for guns sent to X": the old items'
    # history, X is no party to the purchase
    r"|\b(?:replac\w*|make up for|backfill\w*|replenish\w*)\s+(?:the\s+|its\s+|their\s+|those\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:"
    + _ITEMS4
    + r"|stocks?|equipment)\s+(?:(?:that|which)\s+(?:were|was|had been)\s+)?"
    r"(?:donated|sold|given|sent|supplied|delivered|transferred|handed over|exported|shipped|lent)\s+"
    r"(?:[\w-]+\s+){0,2}?to\s+(?:the\s+)?\Z"
)
_AT_LEAST_BEFORE = re.compile(
    # "over" after a phrasal verb is its particle, not "more than": "handed over 40 vehicles"
    r"\b(?:more than|(?<!\bhand )(?<!\bhands )(?<!\bhanded )(?<!\bhanding )(?<!\bturned )(?<!\bturns )"
    r"(?<!\bpassed )over|at least|fleet to|total to|bringing \w+ \w+ to)\s+$",
    _I,
)
_BY_WORD = re.compile(r"\bby\b")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&|/")
_SALE_NOUN = re.compile(r"\b(?:exports?|sales?|sell|selling|supply|supplies|supplying)\b", _I)
_OF_NEXT = re.compile(r"\s*of\b")
_PURCHASE_NOUN = re.compile(r"\b(?:purchases?|imports?|acquisitions?|buy|buying|procurement)\b", _I)
_PROPOSALS_WORD = re.compile(r"\bproposals\b", _I)
_ACQUIRE_VERB_BEFORE = re.compile(
    r"\b(?:order\w*|bought|buy|purchas\w+|acquir\w+|receiv\w+|deliver\w*|took|take|sell|sold|"
    r"suppl\w+|export\w*|get|got|sent|send|sends|donat\w+|gave|give|transferr?\w*|handed over|ship\w*|"
    # a donor's share of a fleet: "handed two of its X", "pledged 24 of the jets"
    r"hand(?:s|ed)|pledg\w+|promis\w+|lent|lend\w*|leas\w+)\s+$",
    _I,
)
_DIGIT = re.compile(r"\d")

#: an unnamed item listed beside a named system: "... tanks plus two recovery tanks", "jets along
#: with three trainer aircraft": a further item of the same deal, with its own count.  Nouns that
#: name a part or a grouping of the system itself ("units", "batteries", "squadrons") are no item.
_COMPANION_NOUNS = "|".join(
    sorted(
        (
            k
            for k in ITEM_NOUNS
            if k not in GROUPING_NOUNS and k not in ("launcher", "launchers", "engine", "engines")
        ),
        key=len,
        reverse=True,
    )
)
_COMPANION = re.compile(
    r"[^.;,()]{0,25}?\b(?:plus|along with|together with|as well as|alongside|in addition to)\s+"
    r"(?P<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty)\s+(?!more\b|additional\b|further\b|of\b)(?:[\w-]+\s+){0,3}?(?P<item>"
    + _COMPANION_NOUNS
    + r")\b(?!\s*(?:[A-Z][\w-]*\d|of\b))",
    re.IGNORECASE,
)

#: an unnamed item listed beside named systems: "S-300 batteries, frigates for the navy and Mi-17
#: helicopters", "the X tanks and two types of towed howitzers" (plural nouns only: a singular
#: noun after a system is usually its apposition; "other", "its", "existing" items are background)
_NOT_LISTED = (
    r"(?:other|its|their|his|her|our|existing|older|old|similar|such|more|additional|further|associated|"
    r"related|spare|support|and|or|one|two|three|four|five|six|seven|eight|nine|ten|a|an|dozens?|hundreds?)\b"
)
_LISTED_ITEM = re.compile(
    r"(?:,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as|plus)\s+)"
    r"(?:the\s+|(?:two|three|four|several|various|different)\s+(?:kinds|types|variants|models)\s+of\s+)?"
    r"(?:(?!"
    + _NOT_LISTED
    + r")[a-z][\w-]*\s+){0,2}?(?!"
    + _NOT_LISTED
    + r")(?P<noun>"
    + "|".join(sorted((k for k in _COMPANION_NOUNS.split("|") if k.endswith("s")), key=len, reverse=True))
    + r")\b(?!\s*(?:[A-Z][\w-]*\d|\(|of\b))"
)

#: an unnamed item joined to a named system by "and" with its own determiner or count ("supplied X
#: drones and a training ship", "negotiating for the X trainer and more patrol vessels", "X jets and
#: two tanker aircraft") or a mass noun ("the X system and towed artillery"): after the conjunction a
#: new noun phrase starts, so the singular is no apposition of the system (a comma alone may be one,
#: see _LISTED_ITEM).  An option or a share of the named items ("and an option for", "and two of
#: them") is no item, nor a clause's subject (", and two frigates were discussed"), nor a count of the
#: named system's own kind ("10 X jets bought new and 36 second-hand aircraft" splits one fleet:
#: frames._listed_items checks the kind).
_LISTED_DETERMINED = re.compile(
    r"(?<!,)\s+(?:and|as well as|plus)\s+(?:(?P<det>a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|\d{1,3}|more|additional|further|several|some|new)\s+|(?=(?:[a-z][\w-]*\s+){0,2}?artillery\b))"
    r"(?!(?:option|options|follow-on|share|stake)\b)(?:(?!"
    + _NOT_LISTED
    + r")[A-Za-z][\w-]*\s+){0,2}?(?P<noun>"
    + _COMPANION_NOUNS
    + r")\b(?!\s*(?:[A-Z][\w-]*\d|\(|of\b)|\s+(?:were|was|are|is|have|has|had|will|would|could|may|might)\b)"
)

#: between a component and the platform it is for: "F404 engines meant for the Tejas", "radars to
#: equip the new frigates"
_FOR_PLATFORM = re.compile(
    r"^[^.;,()]{0,40}?\b(?:for|meant for|intended for|destined for|to power|powering|to equip|for use on|"
    r"fitted to|to be fitted to|installed on|to be installed on)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)

#: a relative clause right after a system ("X tanks, which Y also ordered", "the Z that Y bought"):
#: the clause's verb is about that system
_RELATIVE_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s*,?\s*(?:which|that|whose)\b[^,;.]*$", re.IGNORECASE)

#: "acquired by X over time", "bought over the years": a fleet built up in the past is in hand
_OVER_TIME = re.compile(
    r"(?:\s+(?:by|from)\s+[^,.;]{1,40}?)?\s+over\s+(?:time|the (?:years|decades|past (?:\w+\s+)?(?:years|decades)))\b",
    re.IGNORECASE,
)
#: a break between two coordinated clauses, each with its own subject: "; ", ", and ", ", but ", ", while ",
#: ", whereas " (defined once: frames, roles assignment, status and the claims' stage step cut clauses here)
CLAUSE_BREAK = re.compile(r";\s|,\s+(?:and|but|while|whereas)\s")
#: a ship class in apposition after the ship's name ("the X, an Y-class submarine"): one vessel
_CLASS_APPOSITION = re.compile(r"\s*,\s*(?:an?|the|its)\s+$")

#: a count or "new" before a bare item noun: "a modest 36 aircraft", "new howitzers" (no designation)
_GENERIC_ITEM = re.compile(
    r"\b(?:\d+|new|modern|additional|more)\s+(?:[\w-]+\s+){0,2}?(?P<noun>"
    + _ITEMS4
    + r")\b(?!\s*[A-Z]\w*\d)",
    re.IGNORECASE,
)

#: a sum spent to buy something is its price, not a budget: "to spend N (about $M) to purchase ..."
_PRICE_OF = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:to|on|for)\s+(?:buy|purchas|acquir|procur)", re.IGNORECASE
)


#: an opening gerund clause of receiving or buying ("After taking delivery of N X, A signed ..."):
#: its subject is the main clause's, the first party after the comma that closes it
_GERUND_OPENING = re.compile(
    r"(?:After|Having|Since|On|Upon)\s+(?:taking\s+delivery\s+of|taken\s+delivery\s+of|receiving|received|"
    r"buying|bought|ordering|ordered|acquiring|acquired|purchasing|purchased)\b[^;:]{3,200}?,\s+(?:the\s+)?"
)
