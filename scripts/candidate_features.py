"""Candidates for a learned recall stage: (supplier, buyer, system) triples the rules did not emit, with structural features.

Why: on news written blind to the rules most errors are *missed* triples (a system and a buyer named
in one sentence, the rules finding no cue that ties them).  Instead of one more rule per construction,
this module proposes every co-occurrence the rules left out -- per sentence, each named system with
each state named beside it as buyer, the supplier the system's catalogue origin (named in the sentence
or not) or another state of the sentence; a system whose only state is its maker with the previous
sentence's states; and in a sentence with a stage trigger and no system, every ordered pair of its
states, system-less -- and describes it by features that are general and structural (``supplier:<how>``
says which of those it is): which forms the parties take, the role and cue kind the rules' role stage
gave each party's mention (``roles``, read by the training script), which stage triggers, denial,
modal, comparison or fleet words sit in the sentence, token distance and order of buyer and system, how
many systems and states the sentence names, its place, whether the buyer is the article's most-named
state, how often it is named, whether it is a buyer or supplier of a rule claim elsewhere, whether the
system is a rule claim's, whether the sentence's years are history.  Never a word from an article.
``scripts/train_candidates.py`` fits a logistic model over them on the labelled sets (leave one set
out) and measures whether adding the candidates above a threshold pays.

It did not (cands24, at ceb20c1: see that script's docstring for the figures), so this generator lives
among the scripts, not in ``kg.extract``: the material for a next attempt, not a stage of the extractor.
Pure Python, one pass over the mentions of each sentence holding a system or two states.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from kg.extract.entities import Mention
from kg.extract.model import Claim
from kg.extract.parties import _system_ref
from kg.extract.sentences import split_sentences
from kg.extract.triggers import _triggers

_NON_ALNUM = re.compile(r"[^0-9a-z]")
_TOKEN = re.compile(r"\S+")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_DENIAL = re.compile(r"\b(?:not|no|never|denied|rejected|declined|ruled out|without)\b", re.I)
_MODAL = re.compile(
    r"\b(?:may|might|could|would|plans?|planned|planning|expected|considering|seeks?|wants?)\b", re.I
)
_COMPARE = re.compile(r"\b(?:like|similar|rival|compared|unlike|than|such as)\b", re.I)
_OPERATE = re.compile(r"\b(?:operates?|operated|flies|flown|uses?|used|fleet|in service|inventory)\b", re.I)


def system_key(name: str | None) -> str | None:
    """The scorer's normalised system name (``../shared/eval/score.py`` ``system_key``)."""
    if not name:
        return None
    return _NON_ALNUM.sub("", name.lower()) or None


def _same_system(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b or a in b or b in a


@dataclass(slots=True)
class Candidate:
    """One proposed triple of an article: keys, the mentions of its best sentence, features."""

    supplier: str | None
    buyer: str
    system: str
    buyer_mention: Mention
    system_mention: Mention
    span: tuple[int, int]
    features: dict[str, float] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.supplier, self.buyer, system_key(self.system))


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    return sum(n > e for e in edges)


@dataclass(slots=True)
class _Article:
    """What the features read from the whole article, computed once."""

    rule_buyers: set[str]
    rule_suppliers: set[str]
    rule_systems: set[str]
    rule_buyer_systems: set[tuple[str, str]]
    rule_dyads: dict[tuple[str | None, str], list[str | None]]
    rule_spans: set[int]
    top: set[str]
    counts: Counter
    lede_end: int
    year: int | None
    length: int


def _article(claims: list[Claim], mentions: list[Mention], spans: list, published: date | None) -> _Article:
    dyads: dict[tuple[str | None, str], list[str | None]] = {}
    for c in claims:
        sup = c.supplier.iso3 if c.supplier else None
        dyads.setdefault((sup, c.buyer.iso3 or ""), []).append(
            system_key(c.system.name if c.system else None)
        )
    counts = Counter(m.iso3 for m in mentions if m.kind == "party" and m.iso3)
    most = max(counts.values(), default=0)
    return _Article(
        rule_buyers={c.buyer.iso3 for c in claims if c.buyer.iso3},
        rule_suppliers={c.supplier.iso3 for c in claims if c.supplier and c.supplier.iso3},
        rule_systems={k for c in claims if c.system and (k := system_key(c.system.name))},
        rule_buyer_systems={
            (c.buyer.iso3, k)
            for c in claims
            if c.system and c.buyer.iso3 and (k := system_key(c.system.name))
        },
        rule_dyads=dyads,
        rule_spans={c.evidence.start for c in claims},
        top={p for p, n in counts.items() if n == most and most >= 2},
        counts=counts,
        lede_end=spans[1][1] if len(spans) > 1 else (spans[0][1] if spans else 0),
        year=published.year if published else None,
        length=max(1, spans[-1][1] if spans else 1),
    )


def _emitted(art: _Article, sup: str | None, buy: str, skey: str | None) -> bool:
    return any(_same_system(k, skey) for k in art.rule_dyads.get((sup, buy), ()))


def _sentence_features(s: str, a: int, b: int, art: _Article, n_sys: int, n_states: int) -> dict[str, float]:
    """What the sentence itself says: its stage triggers, denial, modality, comparison, history, place."""
    f: dict[str, float] = {}
    trig = _triggers(s)
    stages = {t[0] for t in trig}
    f["trigger:none" if not stages else "trigger:any"] = 1.0
    for st in stages:
        f[f"stage:{st}"] = 1.0
    if _DENIAL.search(s):
        f["negation"] = 1.0
    if _MODAL.search(s):
        f["modal"] = 1.0
    if _COMPARE.search(s):
        f["comparison"] = 1.0
    if _OPERATE.search(s):
        f["operates"] = 1.0
    years = [int(y) for y in _YEAR.findall(s)]
    if years and art.year and max(years) < art.year - 2:
        f["history"] = 1.0
    if a < art.lede_end:
        f["lede"] = 1.0
    f[f"position:{min(3, int(4 * a / art.length))}"] = 1.0
    f[f"systems:{min(n_sys, 3)}"] = 1.0
    f[f"states:{min(n_states, 4)}"] = 1.0
    if a in art.rule_spans:
        f["sentence:has-rule-claim"] = 1.0
    return f


def _pair_features(
    s: str, a: int, buyer: Mention, system: Mention | None, sup: str | None, how: str, art: _Article
) -> dict[str, float]:
    """How the buyer and the system sit in the sentence and in the article."""
    f: dict[str, float] = {f"buyer-form:{buyer.form}": 1.0, f"supplier:{how}": 1.0}
    iso = buyer.iso3 or ""
    if iso in art.rule_buyers:
        f["buyer:rule-buyer"] = 1.0
    if iso in art.rule_suppliers:
        f["buyer:rule-supplier"] = 1.0
    if iso in art.top:
        f["buyer:top"] = 1.0
    f[f"buyer-count:{_bucket(art.counts[iso], (1, 3, 6))}"] = 1.0
    if sup is not None and sup in art.rule_suppliers:
        f["supplier:rule-supplier"] = 1.0
    if sup is not None and sup in art.rule_buyers:
        f["supplier:rule-buyer"] = 1.0
    if system is None:
        return f
    if buyer.end <= a or buyer.start >= a + len(s):
        f["distance:other-sentence"] = 1.0
    else:
        lo, hi = (buyer.end, system.start) if buyer.start < system.start else (system.end, buyer.start)
        gap = len(_TOKEN.findall(s[max(0, lo - a) : max(0, hi - a)]))
        f[f"distance:{_bucket(gap, (2, 6, 12, 20))}"] = 1.0
        f["buyer-before-system" if buyer.start < system.start else "buyer-after-system"] = 1.0
    skey = system_key(system.system.designation if system.system else None)
    if skey in art.rule_systems:
        f["system:rule-system"] = 1.0
    if (iso, skey) in art.rule_buyer_systems:
        f["system:rule-same-buyer"] = 1.0
    f[f"system-form:{'catalogue' if system.form == 'catalogue' else 'pattern'}"] = 1.0
    return f


def _sentence_mentions(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[list[Mention]]:
    """The mentions of each sentence span (mentions and spans both sorted by start)."""
    out: list[list[Mention]] = []
    mi = 0
    for a, b in spans:
        while mi < len(mentions) and mentions[mi].start < a:
            mi += 1
        mj = mi
        while mj < len(mentions) and mentions[mj].end <= b:
            mj += 1
        out.append(mentions[mi:mj])
    return out


def _pairs(
    sm: Mention, origin: str | None, states: list[Mention], before: list[Mention]
) -> list[tuple[str | None, Mention, str]]:
    """(supplier, buyer mention, how the supplier and buyer were found) of one system mention."""
    named = {m.iso3 for m in states}
    out: list[tuple[str | None, Mention, str]] = []
    for bm in states:
        if origin and bm.iso3 != origin:
            out.append((origin, bm, "origin-named" if origin in named else "origin-only"))
        out.extend(
            (p, bm, "not-origin" if origin else "named") for p in named if p != bm.iso3 and p != origin
        )
    if origin and not any(m.iso3 != origin for m in states):
        # a system whose only state here is its maker: the buyer may be the previous sentence's
        out.extend((origin, bm, "previous-sentence") for bm in before if bm.iso3 != origin)
    return out


def _role_features(read: dict[str, set[tuple[str, str]]], buy: str, sup: str | None) -> dict[str, float]:
    """The roles the rule stage gave the buyer's and the supplier's mentions in the sentence (``unread``:
    the sentence never reached the role stage, e.g. no stage trigger survived)."""
    f: dict[str, float] = {}
    for side, iso in (("buyer", buy), ("supplier", sup)):
        if iso is None:
            continue
        got = read.get(iso)
        if got is None:
            f[f"{side}-role:unread"] = 1.0
            continue
        for role, cue in got:
            f[f"{side}-role:{role}"] = 1.0
            f[f"{side}-cue:{cue}"] = 1.0
    return f


def generate(
    text: str,
    mentions: list[Mention],
    claims: list[Claim],
    published: date | None = None,
    roles: Mapping[int, tuple[str | None, str]] | None = None,
) -> list[Candidate]:
    """Every triple a sentence's system and state make that the rules did not emit, and every system-less
    pair of states a sentence with a stage trigger names, one per triple (its first sentence; the features
    OR'ed over its sentences, ``mentions:2+`` when several)."""
    spans = split_sentences(text)
    art = _article(claims, mentions, spans, published)
    out: dict[tuple, Candidate] = {}
    before: list[Mention] = []
    for (a, b), here in zip(spans, _sentence_mentions(mentions, spans), strict=True):
        states = [m for m in here if m.kind == "party" and m.iso3]
        prev, before = before, states
        systems = [m for m in here if m.kind == "system" and m.system is not None]
        if not states or not (systems or len({m.iso3 for m in states}) > 1):
            continue
        s = text[a:b]
        read: dict[str, set[tuple[str, str]]] = {}
        for m in states:
            if roles and m.start in roles:
                role, cue = roles[m.start]
                read.setdefault(m.iso3 or "", set()).add((role or "none", cue.split(":", 1)[0] or "none"))
        sent = _sentence_features(s, a, b, art, len(systems), len({m.iso3 for m in states}))
        if not systems and "trigger:any" not in sent:
            continue
        found: list[tuple[str | None, Mention, str, Mention | None, str | None]] = []
        for sm in systems:
            ref = _system_ref(sm, text[sm.end : sm.end + 60])
            origin = ref.origin_iso3 or (sm.system.origin_iso3 if sm.system else None)
            found.extend((sup, bm, how, sm, ref.name) for sup, bm, how in _pairs(sm, origin, states, prev))
        if not systems:
            named = {m.iso3 for m in states}
            found.extend((p, bm, "systemless", None, None) for bm in states for p in named if p != bm.iso3)
        for sup, bm, how, sm, name in found:
            buy, skey = bm.iso3 or "", system_key(name)
            if _emitted(art, sup, buy, skey):
                continue
            feats = {**sent, **_pair_features(s, a, bm, sm, sup, how, art), **_role_features(read, buy, sup)}
            key = (sup, buy, skey)
            if key in out:
                old = out[key].features
                old["mentions:2+"] = 1.0
                for k, v in feats.items():
                    old[k] = max(old.get(k, 0.0), v)
            else:
                out[key] = Candidate(sup, buy, name, bm, sm, (a, b), feats)
    return list(out.values())
