"""A claim's confidence learned from the labelled news sets: structural features and a logistic scorer.

Why a learned scale: the hand-weighted cue table (:mod:`.confidence`) separates right from wrong
claims well on the text it was written against and badly on news written blind to it.  The
labelled sets hold enough gold facts to fit the weights instead of writing them.  The features
below are general and structural -- which kind of cue decided each role (the verb stripped:
``buyer:subject:ordered`` counts as ``buyer:subject``), stage, modality, negation, the hand
table's own confidence, and what the article around the claim says (how many sentences state the
same triple, whether its parties are the article's most-claimed ones or named in the lede, where
the sentence sits, how crowded it is, whether its dates are history), and the sentence's own shape
(:data:`CANDIDATES`: several systems, several triples, a party or system not named in it, buyer and
system far apart) -- never a word from an article.  The score (model and hand table blended) is mapped
so that the band's score becomes 0.8 (:func:`to_confidence`): the band is where the claims'
cross-validated precision on held-out sets keeps the 0.95 promise.  The weights live in ``claim_model.json`` beside this module, written by
``scripts/train_claim_model.py`` (which documents the validation protocol and the figures,
also in docs/extract-json.md).

Run time is pure Python: one dot product and a sigmoid per claim, features computed once per
article from the claims, the mentions and the text.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.extract._fastre import lower_in_place
from kg.extract.entities import Mention
from kg.extract.model import Claim
from kg.extract.sentence_cues import sentence_states
from kg.extract.sentences import split_sentences
from kg.vocab.statuses import DELIVERY, OFF_LIFECYCLE, STATUS_KEYS

MODEL_PATH = Path(__file__).with_name("claim_model.json")

#: buyer cue kind (after ``buyer:``, the verb stripped) -> feature group
_BUYER_GROUPS: dict[str, str] = {
    "subject": "subject",
    "object-of-sell": "subject",
    "relation": "subject",
    "chooser": "subject",
    "nominal": "nominal",
    "to": "to",
    "passive-recipient": "to",
    "for": "for",
    "by": "by",
    "context": "context",
    "pronoun": "context",  # the state a sentence-opening "it" stands for: the previous sentence's subject
    "focus": "focus",
    "force": "focus",  # the state of a bare force noun ("the navy"): read from the article, as the focus
    "mention": "mention",
    "none": "mention",
    "speaker": "mention",
    "with": "with",
    "competition": "competition",
    "earlier-customer": "customer",
    "listed-customer": "customer",
    "earlier-buyer": "customer",
    "nth-buyer": "customer",
}
#: supplier cue kind -> feature group
_SUPPLIER_GROUPS: dict[str, str] = {
    "from": "from",
    "request-to": "from",  # the state a purchase request is sent to: the seller, named by a preposition
    "company": "company",
    "system-origin": "system-origin",
    "origin-modifier": "origin",
    "demonym-item": "origin",
    "made": "origin",
    "made-in": "origin",
    "subject": "subject",
    "approver": "subject",
    "official": "subject",
    "relation": "subject",
    "by": "by",
    "with": "with",
    "context": "context",
    "mention": "mention",
    "none": "mention",
    "speaker": "mention",
    "pronoun": "mention",
    "bidder": "offer",
    "offer-list": "offer",
    "rejected-offer": "offer",
    "earlier-customer": "customer",
}
#: the structural risk cues of :mod:`.sentence_cues` (keys of :data:`.confidence.RISKS`) -> group
RISK_GROUPS: dict[str, str] = {
    "buyer:origin-adjective": "risk:buyer-origin-adjective",
    "actor:pronoun": "risk:pronoun",
    "pair:two-subjects": "risk:pair",
    "pair:other-clause": "risk:pair",
    "pair:split-actors": "risk:pair",
    "supplier:company-abroad": "risk:supplier",
    "supplier:origin-of-other-item": "risk:supplier",
    "supplier:fleet-origin-only": "risk:supplier",
    "supplier:licensor-unnamed": "risk:supplier",
    "pair:untied": "risk:pair",
    "system:no-trigger-in-clause": "risk:system",
    "system:name-fragment": "risk:system",
    "system:context-beside-other": "risk:system",
    "system:used-from": "risk:system",
    "party:in-list": "risk:party",
    "party:negated": "risk:party",
    "party:one-of-many": "risk:party",
    "party:other-owner": "risk:party",
    "stage:intent": "risk:stage",
    "stage:negated-verb": "risk:stage",
    "stage:comparison": "risk:stage",
    "stage:in-service": "risk:stage",
    "stage:retiring": "risk:stage",
    "stage:never": "risk:stage",
    "system:part-for": "risk:system",
    "party:org-named-only": "risk:party",
    "stage:deployment": "risk:stage",
    "stage:speculation": "risk:stage",
    "stage:interest-only": "risk:stage",
    "context:boilerplate": "risk:context",
    "context:new-paragraph": "risk:context",
    "context:anaphor": "risk:context",
}
_SETBACKS = tuple(k for k in OFF_LIFECYCLE if k != "unknown")
#: the stage feature of each status: its own, the two delivery stages one, the two off-lifecycle
#: setbacks one; signed is the base (no feature)
_STATUS_GROUPS = {
    key: "delivery" if key in DELIVERY else "delayed-cancelled" if key in _SETBACKS else key
    for key in STATUS_KEYS
}
#: how many years before the article's date a claim's dates must lie to be history
HISTORY_YEARS = 3
#: characters of the article read for its lede (the first sentence)
LEDE_WINDOW = 600

#: the risk shapes of harder news (conf12: aid, re-exports and second-hand sales, a maker's partners and
#: licence lines, a firm whose country the text never states, a recipient among several states), learned
#: from the confident wrong claims of the tuning halves of the former final sets; the feature set
#: ``harder`` of scripts/train_claim_model.py (``all`` without them is the set shipped before)
HARDER: tuple[str, ...] = (
    "supplier:origin-beside-state",
    "supplier:origin-in-transfer",
    "sentence:production",
    "supplier:unstated",
    "buyer:to-among-states",
    "buyer:after-other-state",
)

#: the features of the sentence's own shape and the hand table's steps (conf9); the cross-validation chooses
#: whether to use them (scripts/train_claim_model.py ``FEATURE_SETS``, ``--select``)
CANDIDATES: tuple[str, ...] = (
    "hand:0.8",
    "hand:0.85",
    "sentence:systems-2",
    "sentence:triples-3",
    "buyer:outside-sentence",
    "supplier:outside-sentence",
    "system:outside-sentence",
    "pair:far",
    *HARDER,
)
#: characters between the buyer's and the system's nearest mentions beyond which the pair is far
FAR = 120

#: every feature the code can produce, and exactly the features ``claim_model.json`` names (tests check
#: both ways).  Binary (1 when present) except ``hand`` (the hand table's confidence), ``position`` (the
#: evidence's start over the article's length), ``triple:share`` (the claims of the triple over the
#: article's claims) and ``article:triples`` (distinct triples of the article / 10, at most 2).
FEATURES: tuple[str, ...] = (
    "hand",
    *sorted({f"buyer:{g}" for g in _BUYER_GROUPS.values()} | {"buyer:other"}),
    *sorted({f"supplier:{g}" for g in _SUPPLIER_GROUPS.values()} | {"supplier:other"}),
    "system:pattern",
    "system:context",
    "system:none",
    "status:none",
    "status:inherited",
    "status:also-stated",
    *sorted({f"stage:{g}" for g in _STATUS_GROUPS.values()} - {"stage:signed"}),
    "modality:expected",
    "modality:uncertain",
    "negated",
    *sorted(set(RISK_GROUPS.values())),
    "triple:sentences-2",
    "triple:sentences-3",
    "triple:share",
    "buyer:top-party",
    "supplier:top-party",
    "position",
    "sentence:states-3",
    "sentence:states-5",
    "lede:buyer",
    "lede:supplier",
    "year:history",
    "article:triples",
    "details:quantity",
    "details:value",
    "company:named",
    "batch:additional",
    "inherited",
    *CANDIDATES,
)


_STATUS_CUES = frozenset({"status:none", "status:inherited", "status:also-stated"})


def _kind(kind: str) -> str:
    """A role cue's kind with the verb stripped ("subject:ordered" -> "subject", "ordered-by" -> "by")."""
    if kind.startswith("subject:"):
        return "nominal" if kind.endswith(" of") else "subject"
    if kind.endswith("-by"):
        return "by"
    return kind


@dataclass(slots=True)
class _SpanView:
    """The mentions of one evidence sentence: where its parties and systems sit, and its claims' triples."""

    parties: dict[str | None, list[int]]
    systems: dict[str, list[int]]
    triples: set[tuple]
    #: the states the sentence names by a name, a capital or a firm (not a demonym: "the German tanks"
    #: names an item's origin, not an actor)
    actors: set[str]


def _span_view(mentions: list[Mention], a: int, b: int) -> _SpanView:
    parties: dict[str | None, list[int]] = defaultdict(list)
    systems: dict[str, list[int]] = defaultdict(list)
    actors: set[str] = set()
    i = bisect_left(mentions, a, key=lambda m: m.start)
    while i < len(mentions) and mentions[i].start < b:
        m = mentions[i]
        if m.kind == "party" and m.iso3:
            parties[m.iso3].append(m.start)
            if m.form != "demonym":
                actors.add(m.iso3)
        elif m.kind == "system" and m.system is not None:
            systems[m.system.designation].append(m.start)
        i += 1
    return _SpanView(parties, systems, set(), actors)


@dataclass(slots=True)
class _ArticleView:
    """What one article says around its claims, computed once: the source of the article-level features."""

    length: int
    sentences: dict[tuple, set[int]]  # triple -> evidence starts stating it
    per_triple: Counter
    top_parties: set[str | None]
    lede: set[str | None]
    year: int | None
    states: dict[tuple[int, int], int]
    n_claims: int
    #: per evidence span: its party mentions (iso3, start), its system names and starts, its triples
    spans: dict[tuple[int, int], _SpanView]
    #: the states the article itself names: by a name, a demonym, a capital or a state body, not only
    #: through a firm the gazetteer places there
    stated: frozenset[str] = frozenset()


#: mention forms that state a state: its name, a demonym, a capital, a ministry or armed service (a firm
#: alone does not: the labelled sets, like a reader, give a firm's country only where the text states it)
_STATING = frozenset({"name", "demonym", "metonym", "agency"})


def _triple(c: Claim) -> tuple:
    return (
        c.supplier.iso3 if c.supplier else None,
        c.buyer.iso3 or c.buyer.name,
        c.system.name if c.system else None,
    )


def _view(claims: list[Claim], text: str, mentions: list[Mention], published: date | None) -> _ArticleView:
    sentences: dict[tuple, set[int]] = defaultdict(set)
    per_triple: Counter = Counter()
    parties: Counter = Counter()
    states: dict[tuple[int, int], int] = {}
    spans: dict[tuple[int, int], _SpanView] = {}
    for c in claims:
        key = _triple(c)
        per_triple[key] += 1
        if not c.negated:
            sentences[key].add(c.evidence.start)
        parties[key[1]] += 1
        if key[0] is not None:
            parties[key[0]] += 1
        span = (c.evidence.start, c.evidence.end)
        if span not in states:
            states[span] = sentence_states(mentions, *span)
            spans[span] = _span_view(mentions, *span)
        spans[span].triples.add(key)
    most = max(parties.values(), default=0)
    first = split_sentences(text[:LEDE_WINDOW])
    lede_end = first[0][1] if first else 0
    lede: set[str | None] = set()
    for m in mentions:  # sorted by start
        if m.start >= lede_end:
            break
        if m.kind == "party" and m.end <= lede_end:
            lede.add(m.iso3)
    return _ArticleView(
        length=max(1, len(text)),
        sentences=sentences,
        per_triple=per_triple,
        top_parties={p for p, n in parties.items() if n == most},
        lede=lede - {None},
        year=published.year if published else None,
        states=states,
        n_claims=max(1, len(claims)),
        spans=spans,
        stated=frozenset(m.iso3 for m in mentions if m.kind == "party" and m.iso3 and m.form in _STATING),
    )


def _years(c: Claim) -> list[int]:
    out = [c.order_year] if c.order_year else []
    for d in c.dates:
        if d.date and d.date[:4].isdigit():
            out.append(int(d.date[:4]))
    return out


def claim_features(c: Claim, hand: float, view: _ArticleView) -> dict[str, float]:
    """The features of one claim (binary unless named otherwise in :data:`FEATURES`' docs)."""
    f: dict[str, float] = {"hand": hand}
    roles = {"buyer": "none", "supplier": "none", "system": "none"}  # the first cue of each role decides
    for cue in c.cues:
        if cue in RISK_GROUPS:
            f[RISK_GROUPS[cue]] = 1.0
        elif cue in _STATUS_CUES:
            f[cue] = 1.0
        else:
            role, _, kind = cue.partition(":")
            if roles.get(role) == "none" and kind:
                roles[role] = kind
    f["buyer:" + _BUYER_GROUPS.get(_kind(roles["buyer"]), "other")] = 1.0
    f["supplier:" + _SUPPLIER_GROUPS.get(_kind(roles["supplier"]), "other")] = 1.0
    if roles["system"] in ("pattern", "context", "none"):
        f["system:" + roles["system"]] = 1.0
    stage = _STATUS_GROUPS.get(c.status, "unknown")
    if stage != "signed":
        f["stage:" + stage] = 1.0
    if c.modality in ("expected", "planned"):
        f["modality:expected"] = 1.0
    elif c.modality is not None:
        f["modality:uncertain"] = 1.0
    if c.negated:
        f["negated"] = 1.0
    key = _triple(c)
    n_sent = len(view.sentences.get(key, ()))
    if n_sent >= 2:
        f["triple:sentences-2"] = 1.0
    if n_sent >= 3:
        f["triple:sentences-3"] = 1.0
    f["triple:share"] = view.per_triple[key] / view.n_claims
    if key[1] in view.top_parties:
        f["buyer:top-party"] = 1.0
    if key[0] is not None and key[0] in view.top_parties:
        f["supplier:top-party"] = 1.0
    f["position"] = c.evidence.start / view.length
    states = view.states.get((c.evidence.start, c.evidence.end), 0)
    if states >= 3:
        f["sentence:states-3"] = 1.0
    if states >= 5:
        f["sentence:states-5"] = 1.0
    if c.buyer.iso3 in view.lede:
        f["lede:buyer"] = 1.0
    if c.supplier is not None and c.supplier.iso3 in view.lede:
        f["lede:supplier"] = 1.0
    years = _years(c)
    if view.year is not None and years and max(years) <= view.year - HISTORY_YEARS:
        f["year:history"] = 1.0
    f["article:triples"] = min(len(view.per_triple), 20) / 10
    if c.supplier is not None and c.supplier.iso3 and c.supplier.iso3 not in view.stated:
        f["supplier:unstated"] = 1.0
    if c.quantity is not None:
        f["details:quantity"] = 1.0
    if c.value is not None:
        f["details:value"] = 1.0
    if c.supplier_company:
        f["company:named"] = 1.0
    if c.batch == "additional":
        f["batch:additional"] = 1.0
    if c.inherited and c.inherited != ["status"]:
        f["inherited"] = 1.0
    f.update(_sentence_features(c, hand, view.spans[(c.evidence.start, c.evidence.end)]))
    f.update(_sender_features(c, f, view.spans[(c.evidence.start, c.evidence.end)]))
    return {k: v for k, v in f.items() if v}


def _sentence_features(c: Claim, hand: float, span: _SpanView) -> dict[str, float]:
    """The :data:`CANDIDATES` of one claim: the hand table's band, and where its parties sit in its sentence."""
    f: dict[str, float] = {}
    if hand >= 0.8:
        f["hand:0.8"] = 1.0
    if hand >= 0.85:
        f["hand:0.85"] = 1.0
    if len(span.systems) >= 2:
        f["sentence:systems-2"] = 1.0
    if len(span.triples) >= 3:
        f["sentence:triples-3"] = 1.0
    buyer = span.parties.get(c.buyer.iso3, []) if c.buyer.iso3 else []
    if not buyer:
        f["buyer:outside-sentence"] = 1.0
    if c.supplier is not None and c.supplier.iso3 not in span.parties and not c.supplier_company:
        f["supplier:outside-sentence"] = 1.0
    system = span.systems.get(c.system.name, []) if c.system else []
    if c.system is not None and not system:
        f["system:outside-sentence"] = 1.0
    if buyer and system and min(abs(a - b) for a in buyer for b in system) > FAR:
        f["pair:far"] = 1.0
    return f


#: a sentence that passes on what a state already holds: a gift, a loan, a lease, a resale, a used item
_TRANSFER = re.compile(
    r"\b(?:donat\w+|gift\w*|gave|give[ns]?|giving|hand(?:s|ed|ing)? over|handover|transferr?\w*|"
    r"re-?export\w*|re-?sel\w*|resold|leas(?:e|es|ed|ing)|lent|lend\w*|loan\w*|second-hand|used|surplus|"
    r"ex-[A-Z]\w*|former|retired|decommissioned|pass(?:es|ed|ing)? on|sent|send(?:s|ing)?)\b",
    re.IGNORECASE,
)
#: a sentence about who makes the item: a licence, a local assembly line, a joint venture or programme
_PRODUCTION = re.compile(
    r"\b(?:licen[cs]\w*|assembl\w+|co-?produc\w+|joint (?:venture|development|programme|program)|"
    r"developed (?:with|jointly)|built (?:in|at|locally|under|by)|produced (?:in|at|locally|under|by)|"
    r"manufactured (?:in|at|locally|under|by)|local production|partner(?:s|ship)?|consortium|teamed)\b",
    re.IGNORECASE,
)
# the two sentence checks of every claim, run on the lowercased evidence sentence (same spans; truthiness
# only): kg.extract._fastre.lower_in_place
_SENTENCE_CHECKS = lower_in_place(globals(), ("_TRANSFER", "_PRODUCTION"))
#: supplier feature groups that are only the item's origin (the catalogue's, "German-made", "French X")
_ORIGIN_ONLY = ("supplier:system-origin", "supplier:origin")


def _sender_features(c: Claim, f: Mapping[str, float], span: _SpanView) -> dict[str, float]:
    """Who else could have sent the item: the risk shapes of aid, re-exports and second-hand sales.

    ``supplier:origin-beside-state``: the supplier is only the item's origin while the sentence names
    another state, neither buyer nor supplier ("Canada will give Ukraine four German tanks", "the
    Netherlands sold its F-16s to Romania"): a state that gives, resells or passes on what it once
    bought is the supplier, not the maker's state."""
    out: dict[str, float] = {}
    if any(g in f for g in _ORIGIN_ONLY):
        others = span.actors - {c.buyer.iso3, c.supplier.iso3 if c.supplier else None}
        if others:
            out["supplier:origin-beside-state"] = 1.0
        if _TRANSFER.search(c.evidence.text):
            out["supplier:origin-in-transfer"] = 1.0
    buyer_at = span.parties.get(c.buyer.iso3, []) if c.buyer.iso3 else []
    if "buyer:subject" in f and buyer_at:
        roles = {c.buyer.iso3, c.supplier.iso3 if c.supplier else None}
        first = min(buyer_at)
        if any(p not in roles and min(at) < first for p, at in span.parties.items()):
            # "B, courted by both C and D, received X": another state named before the subject
            out["buyer:after-other-state"] = 1.0
    if "buyer:to" in f and len(span.parties) >= 3:
        # "A signed with B to buy X, while handing its old tanks to C": a recipient named by "to" in a
        # sentence of three or more states may be another verb's
        out["buyer:to-among-states"] = 1.0
    if _PRODUCTION.search(c.evidence.text):
        out["sentence:production"] = 1.0
    return out


def article_features(
    claims: list[Claim], text: str, mentions: list[Mention], published: date | None
) -> list[dict[str, float]]:
    """The features of every claim of one article (``claim.confidence`` read as the hand table's)."""
    if not claims:
        return []
    view = _view(claims, text, mentions, published)
    return [claim_features(c, c.confidence, view) for c in claims]


def explain(
    text: str, published: date | None = None, title: str | None = None
) -> list[tuple[Claim, dict[str, float]]]:
    """Each claim of ``text`` with its features, its confidence the hand table's (training, tests);
    ``title`` is the headline, as :func:`kg.extract.extract` passes it."""
    from kg.extract.claims import _Extractor  # claims imports this module through .confidence

    token = use_model(None)
    try:
        ex = _Extractor(text, published, (), title)
        claims = ex.run()
    finally:
        reset_model(token)
    return list(zip(claims, article_features(claims, ex.masked, ex.mentions, published), strict=True))


#: the confidence at which a consumer's band starts (issue 13: claims at or above it right >= 95%)
THRESHOLD = 0.8


@dataclass(frozen=True, slots=True)
class ClaimModel:
    """Logistic regression over :data:`FEATURES`: ``p = sigmoid(intercept + sum(w_f * x_f))``.

    The claim's score is ``blend * p + (1 - blend) * hand``; ``band`` is the score from which the
    cross-validated precision of the claims on blind text reaches the promise (scripts/train_claim_model.py
    ``band_threshold``), and the confidence maps it to :data:`THRESHOLD` (piecewise linear, order kept):
    a score under ``band`` stays under 0.8, whatever the hand table says."""

    weights: Mapping[str, float]
    intercept: float
    #: the confidence is ``blend * p + (1 - blend) * hand`` (1.0: the model's probability alone)
    blend: float = 1.0
    #: the score that maps to :data:`THRESHOLD` (0.8: the score is the confidence)
    band: float = THRESHOLD
    #: the score under which a claim is not emitted by default (0.0: every claim is); chosen by the
    #: cross-validation (scripts/train_claim_model.py ``choose_floor``) where dropping the claims under it
    #: raises the out-of-sample F1 of text the rules were not written on; ``candidates=True`` keeps them
    floor: float = 0.0

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def score(self, features: Mapping[str, float], hand: float) -> float:
        """The blend of the model's probability and the hand table (before the band's mapping)."""
        return self.blend * self.probability(features) + (1 - self.blend) * hand

    def confidence(self, features: Mapping[str, float], hand: float) -> float:
        """The claim's confidence in [0.01, 0.99]; a denial stays at most 0.3 (as in the hand table)."""
        return self.scored_confidence(self.score(features, hand), features)

    def scored_confidence(self, score: float, features: Mapping[str, float]) -> float:
        """:meth:`confidence` of a claim whose :meth:`score` is known (``apply`` reads it for the floor too)."""
        conf = to_confidence(score, self.band)
        if features.get("negated"):
            conf = min(conf, 0.3)
        return max(0.01, min(0.99, conf))

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> ClaimModel:
        return cls(
            weights={str(k): float(v) for k, v in doc["weights"].items()},
            intercept=float(doc["intercept"]),
            blend=float(doc.get("blend", 1.0)),
            band=float(doc.get("band", THRESHOLD)),
            floor=float(doc.get("floor", 0.0)),
        )


def to_confidence(score: float, band: float) -> float:
    """``score`` mapped so that ``band`` becomes :data:`THRESHOLD`: [0, band] onto [0, 0.8] and [band, 1]
    onto [0.8, 1], both linear (monotone: the ranking of claims never changes)."""
    if score < band:
        return THRESHOLD * score / band
    return THRESHOLD + (1 - THRESHOLD) * (score - band) / max(1e-9, 1 - band)


@lru_cache(maxsize=1)
def shipped_model() -> ClaimModel | None:
    """The model of ``claim_model.json`` (None when the file is absent: the hand table stays)."""
    if not MODEL_PATH.exists():
        return None
    return ClaimModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


#: the model :func:`apply` uses when set (None: the hand table, as :func:`explain` needs it for training
#: and tests), without touching the shipped file
_OVERRIDE: ContextVar[tuple[ClaimModel | None] | None] = ContextVar("claim_model_override", default=None)


def use_model(model: ClaimModel | None):
    """Use ``model`` (None: the hand table) for extractions in this context; returns the reset token."""
    return _OVERRIDE.set((model,))


def reset_model(token) -> None:
    _OVERRIDE.reset(token)


def current_model() -> ClaimModel | None:
    over = _OVERRIDE.get()
    return over[0] if over is not None else shipped_model()


#: cues that state the claim's item belongs to a third party ("to counter B's Y, bought from C"): the
#: model, which sees them only pooled in their risk group, may not raise such a claim above the hand
#: table's value on the shipped scale (:func:`capped`), whose own cost for the cue keeps it under the
#: band whatever the blend
NEVER_RAISED = frozenset({"party:other-owner"})


def apply(
    claims: list[Claim], text: str, mentions: list[Mention], published: date | None, candidates: bool = False
) -> list[Claim]:
    """Replace each claim's hand-table confidence by the learned one (nothing without a model); the
    claims to emit: those whose score reaches the model's ``floor``, or all of them with ``candidates``.

    Why a floor: on the check halves, out-of-sample, the claims under it are right about a third of the
    time, so emitting them costs more precision than they bring recall (docs/extract-json.md, "Drop floor").
    The floor is read on the score before any cap, so a denial (capped at 0.3) is judged as any claim."""
    model = current_model()
    if model is None or not claims:
        return claims
    kept: list[Claim] = []
    for c, feats in zip(claims, article_features(claims, text, mentions, published), strict=True):
        score = model.score(feats, c.confidence)
        c.confidence = capped(model.scored_confidence(score, feats), c.confidence, c.cues, model.band)
        if candidates or score >= model.floor:
            kept.append(c)
    return kept


def capped(conf: float, hand: float, cues: list[str], band: float) -> float:
    """``conf``, or for a claim with a :data:`NEVER_RAISED` cue at most its hand value on the shipped scale
    (the hand value mapped by the band, :func:`to_confidence`): a hand value under the band stays under 0.8."""
    if NEVER_RAISED.intersection(cues):
        return min(conf, to_confidence(hand, band))
    return conf
