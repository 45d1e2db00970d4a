#!/usr/bin/env python3
"""Learn the claim confidence (``kg/extract/claim_model.json``) from the labelled news sets.

Why: the hand-weighted cue table (``kg/extract/confidence.py``) fits the text it was written on
and separates right from wrong claims badly on news written blind to it.  This script fits the
weights of :mod:`kg.extract.learned` (L2-regularised logistic regression over structural
features, pure-Python Newton iterations, deterministic) to the labelled sets and writes them.

Labels: the extractor runs in-process over each set (``bench_confidence.sets()``) with the hand
table only; a claim is *right* when its (supplier, buyer, system) triple is paired with a gold
fact by the scorer's own matching (``bench_confidence.match_pairs`` over ``../shared/eval/score.py``'s
keys).  Every claim is one example.

Validation protocol (docs/extract-json.md, "Confidence scale"):

1. **leave one set out** (:func:`cross_validate`): each labelled set of :data:`ALL` in turn is held
   out whole (its tuning half and its check half together), the model is fit on the others and the
   held-out claims scored; every figure used to choose is such an out-of-sample score.  The check
   halves (``bench_confidence.CHECKS``) are trained on only inside this loop, never scored by a model
   that saw them; scores only, never a check claim printed;
2. per setting (feature set of :data:`FEATURE_SETS`, L2, blend with the hand table) the band's score
   is :func:`band_threshold`: the lowest score from which the pooled checks' distinct triples,
   out-of-sample, are right often enough that the one-sided 95% Wilson lower bound of their precision
   reaches 0.95; the shipped model maps it to confidence 0.8 (``learned.to_confidence``);
3. the setting (:func:`select`): the largest pooled check coverage at its band, among those whose
   band holds when each check half is held out of choosing it (:func:`nested_band`) and whose
   shipped refit keeps the dev band at P >= 0.95 and R >= :data:`DEV_COVERAGE`; ties to the simplest
   feature set, then the most regularised; the model ships only if its band covers at least what the
   hand table's own band does.  When no setting's band keeps the dev target (:func:`dev_limited`, since
   conf15 the case: with the harder sets among the checks the Wilson band sits where the dev band covers
   0.2-0.3 of the dev facts), each setting's band is the highest the dev target allows (:func:`dev_band`)
   and the setting whose pooled checks are right most often there wins; the script then prints that the
   promise is not kept out-of-sample, with the measured precision;
4. the shipped weights are refit with the chosen settings on every labelled set that is not a final
   check (dev, newsset and every halved set, both halves); the final checks (``bench_confidence.FINAL``:
   newsset4, newsset6, newsset9, newsset13, newsset15, newsset20, newsset21) are never read here.
   :data:`NOT_TRAINED` (empty since conf15) can leave a set out.

Usage::

    python scripts/train_claim_model.py            # refit the shipped settings on all, write JSON
    python scripts/train_claim_model.py --select   # also the cross-validated grid, the rule's choice, per set
    python scripts/train_claim_model.py --no-write # measure only

5. the drop floor (:func:`choose_floor`): with the chosen setting's out-of-sample scores, the floor of
   :data:`FLOOR_GRID` under which dropping the claims raises the pooled check halves' F1, kept only when a
   nested estimate (each check half at the floor chosen on the others) beats emitting every claim.

After rule changes are merged, rerun with ``--select``: if the rule chooses otherwise, set
:data:`FEATURE_SET`, :data:`L2`, :data:`BLEND`, :data:`BAND` and :data:`FLOOR` and rerun; the JSON records the commit and
date it was fitted at.  ``tests/extract/test_extract_learned.py`` checks that a retrain reproduces the
shipped weights and band.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract import Article, learned, read_articles  # noqa: E402
from scripts.bench_confidence import (  # noqa: E402
    CHECKS,
    EVAL,
    NEWS_SETS,
    TUNING,
    bucket_table,
    load_scorer,
    match_pairs,
    sets,
)

#: Cross-validated by whole sets, the band measured on :data:`bench_confidence.CHECKS` (the odd halves).
#: The sets written blind and measured before anyone tuned on them (newsset7, newsset8): their claims are right as often as on unseen news (about 60%), where the tuning sets' are right 86%
#: of the time, so they say most about how the model does on text nobody tuned on.
#: Former final checks made halved sets on 2026-12-04 (newsset5, newsset11, newsset14) and the sets written blind
#: that day (newsset17, newsset18) were left out here until conf15 (with their odd halves among the checks no
#: setting kept a Wilson band then).  conf15 trains on their even and odd halves like every halved set and
#: measures the band on all the odd halves: the older checks alone said 0.99 where the harder halves' band
#: was right 0.89 of the time.  Kept as the hook to leave a set out again (empty: none left out).
NOT_TRAINED: frozenset[str] = frozenset()
TUNING = tuple(n for n in TUNING if n.rsplit("-", 1)[0] not in NOT_TRAINED)
CHECKS = tuple(n for n in CHECKS if n.rsplit("-", 1)[0] not in NOT_TRAINED)
#: The shipped model is refit on every labelled set but the final checks (and :data:`NOT_TRAINED`).
ALL = (
    "dev",
    *(n for n, (_, role) in NEWS_SETS.items() if role != "final" and n not in NOT_TRAINED),
)
#: chosen by the cross-validation (``--select``): L2 strength, share of the model in the score
L2 = 10.0
BLEND = 1.0
#: sign constraints: a denial, a hedge or a risk cue never raises a claim; the hand table never lowers it
NON_POSITIVE = (
    "negated",
    "modality:expected",
    "modality:uncertain",
    *sorted(set(learned.RISK_GROUPS.values())),
    *(f for f in learned.CANDIDATES if not f.startswith("hand:")),  # the sentence's risk shapes
)
NON_NEGATIVE = ("hand", *(f for f in learned.CANDIDATES if f.startswith("hand:")))
THRESHOLD = learned.THRESHOLD
#: the feature sets the cross-validation chooses among: the article-level set, plus the sentence's own
#: risk shapes (several systems, three or more triples, a supplier not named in it, buyer and system far
#: apart), plus the hand table's band as steps, plus the risk shapes of harder news (``learned.HARDER``)
_BASE = tuple(f for f in learned.FEATURES if f not in learned.CANDIDATES)
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "base": _BASE,
    "sentence": (*_BASE, "sentence:systems-2", "sentence:triples-3", "supplier:outside-sentence", "pair:far"),
    "all": tuple(f for f in learned.FEATURES if f not in learned.HARDER),
    "harder": learned.FEATURES,
}
#: chosen by the cross-validation (``--select``), with the band's score (``band_threshold``)
FEATURE_SET = "harder"
BAND = 0.94
#: the promise: the confident band right at least this often on text nobody tuned on ...
PROMISE = 0.95
#: ... as the one-sided 95% Wilson lower bound of its cross-validated precision on the pooled checks
#: (a margin: the final checks ran 0.03-0.04 below the checks when the checks were the estimate)
WILSON_Z = 1.645
#: the drop floor's score, chosen by :func:`choose_floor` (``--select``): claims scoring under it are not
#: emitted by default (``kg extract --candidates`` keeps them); 0.0 emits every claim
FLOOR = 0.6
#: the scores tried as the drop floor
FLOOR_GRID = tuple(round(0.05 * i, 2) for i in range(17))
#: the scores tried as the band's start
BAND_GRID = tuple(round(0.8 + 0.005 * i, 3) for i in range(39))


@dataclass(slots=True)
class Example:
    """One claim: its article's index, its triple as the scorer keys it, features, hand confidence, label."""

    doc: int
    key: tuple
    features: dict[str, float]
    hand: float
    right: bool
    weight: float = 1.0


@dataclass(slots=True)
class Labelled:
    """One labelled set: gold triples per article and the claims as examples."""

    gold: list[list[dict]]
    examples: list[Example]


def collect(sc, paths: list[Path]) -> Labelled:
    """Run the extractor (hand table only) over ``paths``; features and labels of every claim."""
    gold: list[list[dict]] = []
    examples: list[Example] = []
    for i, path in enumerate(paths):
        doc_gold, rows = _article(sc, path)
        gold.append(doc_gold)
        examples.extend(Example(i, k, f, hand, right) for k, f, hand, right in rows)
    return Labelled(gold, examples)


#: an article's gold and claim rows by path: a set's halves and the whole set (both loaded by the
#: selection and the tests) read each article once per process
_ARTICLES: dict[Path, tuple[list[dict], list[tuple]]] = {}


def _article(sc, path: Path) -> tuple[list[dict], list[tuple]]:
    """(gold, [(triple key, features, hand confidence, right)]) of one labelled article, remembered."""
    if path not in _ARTICLES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        (art,) = [a for a in read_articles(path) if isinstance(a, Article)]
        pairs = learned.explain(art.text, art.published)
        keys = [
            (
                sc.country_key(c.supplier.to_dict() if c.supplier else None),
                sc.country_key(c.buyer.to_dict()),
                sc.system_key(c.system.to_dict() if c.system else None),
            )
            for c, _f in pairs
        ]
        hit = {pk for _, pk in match_pairs(sc, doc["gold"], dict.fromkeys(keys))}
        rows = [(k, f, c.confidence, k in hit) for (c, f), k in zip(pairs, keys, strict=True)]
        _ARTICLES[path] = (doc["gold"], rows)
    return _ARTICLES[path]


# -- fitting -------------------------------------------------------------------------------------
def _newton(
    rows: list[list[tuple[int, float]]], y: list[float], n: int, l2: float, sw: list[float]
) -> list[float]:
    """L2-regularised logistic regression by Newton's method; index 0 is the unpenalised intercept.

    numpy (a dependency of kg) holds the design matrix: the selection fits some 3,000 models and the
    tests refit the shipped one, where the pure-Python Hessian took most of a minute."""
    x = np.zeros((len(rows), n))
    for i, row in enumerate(rows):
        for j, v in row:
            x[i, j] = v
    t, s = np.asarray(y, dtype=float), np.asarray(sw, dtype=float)
    ridge = np.full(n, float(l2))
    ridge[0] = 1e-9  # the intercept is not penalised; the tiny term keeps the Hessian invertible
    w = np.zeros(n)
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30.0, 30.0)))
        grad = x.T @ (s * (p - t))
        grad[1:] += l2 * w[1:]
        hess = (x.T * (s * p * (1 - p))) @ x + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        w = w - step
        if np.max(np.abs(step)) < 1e-10:
            break
    return [float(v) for v in w]


def fit(
    examples: list[Example], l2: float, features: tuple[str, ...] = learned.FEATURES
) -> learned.ClaimModel:
    """Fit the weights; a feature whose weight breaks its sign constraint is fixed at 0 and the rest refit."""
    active = [f for f in features if any(f in e.features for e in examples)]
    while True:
        index = {f: i + 1 for i, f in enumerate(active)}
        rows = [
            [(0, 1.0)] + [(index[k], v) for k, v in sorted(e.features.items()) if k in index]
            for e in examples
        ]
        y = [float(e.right) for e in examples]
        w = _newton(rows, y, len(active) + 1, l2, [e.weight for e in examples])
        weights = dict(zip(active, w[1:], strict=True))
        bad = [
            f
            for f in active
            if (f in NON_POSITIVE and weights[f] > 0) or (f in NON_NEGATIVE and weights[f] < 0)
        ]
        if not bad:
            return learned.ClaimModel(weights={f: weights[f] for f in active}, intercept=w[0])
        active = [f for f in active if f not in bad]


# -- measuring -----------------------------------------------------------------------------------
@dataclass(slots=True)
class Scores:
    """A set's figures under one confidence: all claims, confident claims, calibration of the triples."""

    p: float
    r: float
    f1: float
    cp: float
    cr: float
    logloss: float
    brier: float
    auc: float
    buckets: list[tuple[str, int, int]]
    #: triples at or above the threshold (the confident band's size)
    cn: int = 0

    def line(self) -> str:
        return (
            f"P={self.p:.2f} R={self.r:.2f} F1={self.f1:.2f} | >={THRESHOLD} P={self.cp:.2f} R={self.cr:.2f} | "
            f"logloss={self.logloss:.3f} Brier={self.brier:.3f} AUC={self.auc:.3f}"
        )


def _best(data: Labelled, conf: list[float], doc: int, floor: float = 0.0) -> dict[tuple, float]:
    out: dict[tuple, float] = {}
    for e, c in zip(data.examples, conf, strict=True):
        if e.doc == doc and c >= floor:
            out[e.key] = max(out.get(e.key, 0.0), c)
    return out


def _counts(sc, data: Labelled, conf: list[float], floor: float) -> tuple[int, int, int]:
    """True positives, false positives and misses of the distinct triples at or above ``floor``."""
    tp = fp = fn = 0
    for i, gold in enumerate(data.gold):
        pred = _best(data, conf, i, floor)
        hit = {pk for _, pk in match_pairs(sc, gold, pred)}
        ngold = len(
            {
                (sc.country_key(g["supplier"]), sc.country_key(g["buyer"]), sc.system_key(g.get("system")))
                for g in gold
            }
        )
        tp, fp, fn = tp + len(hit), fp + len(pred) - len(hit), fn + ngold - len(hit)
    return tp, fp, fn


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _prf(sc, data: Labelled, conf: list[float], floor: float) -> tuple[float, float, float, int]:
    """P, R, F1 of the triples at or above ``floor``, and how many triples that is."""
    tp, fp, fn = _counts(sc, data, conf, floor)
    return (*_f1(tp, fp, fn), tp + fp)


def _auc(pairs: list[tuple[float, bool]]) -> float:
    pos = [c for c, y in pairs if y]
    neg = [c for c, y in pairs if not y]
    if not pos or not neg:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def measure(sc, data: Labelled, conf: list[float], floor: float = 0.0) -> Scores:
    """The figures of ``data`` when its claims have confidences ``conf`` (triples: their best claim)."""
    p, r, f1, _ = _prf(sc, data, conf, floor)
    cp, cr, _, cn = _prf(sc, data, conf, THRESHOLD)
    right = {(e.doc, e.key) for e in data.examples if e.right}
    triples: list[tuple[float, bool]] = []
    for i in range(len(data.gold)):
        triples += [(c, (i, k) in right) for k, c in _best(data, conf, i).items()]
    eps = 1e-3
    logloss = -sum(math.log(max(eps, c) if y else max(eps, 1 - c)) for c, y in triples) / max(1, len(triples))
    brier = sum((c - y) ** 2 for c, y in triples) / max(1, len(triples))
    buckets = bucket_table(triples)
    return Scores(p, r, f1, cp, cr, logloss, brier, _auc(triples), buckets, cn)


def confidences(model: learned.ClaimModel | None, data: Labelled) -> list[float]:
    """Each claim's confidence under ``model`` (None: the hand table)."""
    if model is None:
        return [e.hand for e in data.examples]
    return [model.confidence(e.features, e.hand) for e in data.examples]


def _with(
    model: learned.ClaimModel, blend: float, band: float = THRESHOLD, floor: float = 0.0
) -> learned.ClaimModel:
    return learned.ClaimModel(
        weights=model.weights, intercept=model.intercept, blend=blend, band=band, floor=floor
    )


def _merge(parts: list[Labelled]) -> Labelled:
    gold: list[list[dict]] = []
    examples: list[Example] = []
    for part in parts:
        off = len(gold)
        gold += part.gold
        examples += [
            Example(e.doc + off, e.key, e.features, e.hand, e.right, e.weight) for e in part.examples
        ]
    return Labelled(gold, examples)


def load(sc, names: tuple[str, ...]) -> dict[str, Labelled]:
    """The labelled sets by name; a set outside tuning, checks and refit sets (the final checks,
    newsset4 and later) is refused."""
    known = {*TUNING, *CHECKS, *ALL}
    if set(names) - known:
        raise SystemExit(f"{', '.join(sorted(set(names) - known))}: a final check, never read here")
    all_sets = sets()
    return {n: collect(sc, all_sets[n]) for n in names}


def fit_shipped(sc=None, data: dict[str, Labelled] | None = None) -> learned.ClaimModel:
    """The shipped model: the chosen settings refit on :data:`ALL` (the reproduction test calls this).

    ``data``: sets already loaded (a superset of :data:`ALL`), so a caller holding them does not run the
    extractor over every labelled article a second time."""
    sc = sc or load_scorer()
    data = data if data is not None else load(sc, ALL)
    return _with(
        fit(_merge([data[n] for n in ALL]).examples, L2, FEATURE_SETS[FEATURE_SET]), BLEND, BAND, FLOOR
    )


# -- cross-validation and the band -------------------------------------------------------------
def group(name: str) -> str:
    """The set a half belongs to ("newsset7-odd" -> "newsset7"): held out together in the cross-validation."""
    return name.rsplit("-", 1)[0] if name.endswith(("-even", "-odd")) else name


def cross_validate(data: dict[str, Labelled], l2: float, features: tuple[str, ...]) -> dict[str, list[float]]:
    """The out-of-sample probability of every claim of every set in ``data``: the claims of a set (its
    tuning and its check half together) are scored by a model fit on the other sets only.

    Why: the rules were tuned on the tuning halves until their claims are right, so a model fit there
    and judged there looks more reliable than it is; a set held out whole is text neither the model
    nor (for its check half) the rules saw.  The check halves are trained on only inside this loop."""
    out: dict[str, list[float]] = {}
    for g in dict.fromkeys(group(n) for n in data):
        model = fit(_merge([d for n, d in data.items() if group(n) != g]).examples, l2, features)
        for n, d in data.items():
            if group(n) == g:
                out[n] = [model.probability(e.features) for e in d.examples]
    return out


def wilson_lower(right: int, n: int, z: float | None = None) -> float:
    """The Wilson score lower bound of a proportion ``right / n`` (0 for no data; ``z`` :data:`WILSON_Z`)."""
    if n == 0:
        return 0.0
    z = WILSON_Z if z is None else z
    p = right / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def band_threshold(sc, checks: Labelled, scores: list[float]) -> float | None:
    """The lowest score of :data:`BAND_GRID` from which the distinct triples of ``checks`` are right
    often enough that the Wilson lower bound of their precision reaches :data:`PROMISE` (None: none).

    ``scores`` must be out-of-sample (:func:`cross_validate`): the band's promise is about text
    nobody tuned on.  The shipped model maps this score to confidence 0.8 (``learned.to_confidence``)."""
    for t in BAND_GRID:
        cp, _, _, cn = _prf(sc, checks, scores, t)
        if cn and wilson_lower(round(cp * cn), cn) >= PROMISE:
            return t
    return None


@dataclass(slots=True)
class Setting:
    """One point of the grid, measured out-of-sample: its band and what the band holds on the checks and dev."""

    features: str
    l2: float
    blend: float
    band: float | None
    cp: float = 0.0
    cr: float = 0.0
    cn: int = 0
    dev_cp: float = 0.0
    dev_cr: float = 0.0
    logloss: float = 0.0
    #: the dev set's band under the model refit on :data:`ALL` (what ships): precision and coverage
    shipped_dev: tuple[float, float] = (0.0, 0.0)
    #: :func:`nested_band`: right and all triples of the bands chosen without each check set, and how
    #: many check sets were left without a band
    nested: tuple[int, int, int] = (0, 0, 0)

    def line(self) -> str:
        name = (
            "hand table" if self.features == "hand" else f"{self.features:<8} {self.l2:>4} {self.blend:.1f}"
        )
        band = f"{self.band:.3f}" if self.band is not None else "none "
        return (
            f"  {name:<19} band={band} | checks P={self.cp:.3f} R={self.cr:.3f} n={self.cn:<3} "
            f"lower={wilson_lower(round(self.cp * self.cn), self.cn):.3f} | dev P={self.dev_cp:.2f} R={self.dev_cr:.2f}"
            f" | logloss={self.logloss:.3f} | shipped dev P={self.shipped_dev[0]:.2f} R={self.shipped_dev[1]:.2f}"
            f" | nested {self.nested[0]}/{self.nested[1]} without band {self.nested[2]}"
        )


GRID_L2 = (1.0, 3.0, 10.0, 30.0, 100.0)
GRID_BLEND = (0.3, 0.5, 0.7, 1.0)
#: issue 13 also asks the band to cover >= 40% of the dev set's gold facts; a little above it, as a floor
#: of the shipped model's dev band (the dev set is in its training data: this is a floor, not an estimate)
DEV_COVERAGE = 0.42
#: settings whose pooled check coverage at their band is this close to the best count as equally good
COVERAGE_TIE = 0.005


def _scores(
    data: dict[str, Labelled], probs: dict[str, list[float]] | None, blend: float
) -> dict[str, list[float]]:
    """Each claim's score (the blend of its out-of-sample probability and the hand table; None: the hand table)."""
    if probs is None:
        return {n: [e.hand for e in d.examples] for n, d in data.items()}
    return {
        n: [blend * p + (1 - blend) * e.hand for p, e in zip(probs[n], d.examples, strict=True)]
        for n, d in data.items()
    }


def nested_band(sc, data: dict[str, Labelled], scores: dict[str, list[float]]) -> tuple[int, int, int]:
    """The band's rule checked on itself: each check set's band is chosen (:func:`band_threshold`) on the
    other check sets only and applied to it.  Returns the right and all distinct triples of those bands
    pooled, and how many check sets got no band.

    Why: the band's score is chosen on the same out-of-sample scores that measure it, so its precision
    there is a little flattering; and a band that only exists with every set in (the score of a set's
    best claims) moves when one set changes.  A setting ships only if every held-out check set gets a
    band and the pooled held-out precision keeps the promise."""
    right = total = missing = 0
    for held in CHECKS:
        rest = [n for n in CHECKS if n != held]
        band = band_threshold(sc, _merge([data[n] for n in rest]), [x for n in rest for x in scores[n]])
        if band is None:
            missing += 1
            continue
        cp, _, _, cn = _prf(sc, data[held], scores[held], band)
        right, total = right + round(cp * cn), total + cn
    return right, total, missing


def _setting(
    sc, data: dict[str, Labelled], scores: dict[str, list[float]], features: str, l2: float, blend: float
) -> Setting:
    checks = _merge([data[n] for n in CHECKS])
    dev = _merge([data[n] for n in ("dev-even", "dev-odd")])

    def pool(names: tuple[str, ...]) -> list[float]:
        return [x for n in names for x in scores[n]]

    band = band_threshold(sc, checks, pool(CHECKS))
    out = Setting(features, l2, blend, band)
    if band is None:
        return out
    out.cp, out.cr, _, out.cn = _prf(sc, checks, pool(CHECKS), band)
    out.dev_cp, out.dev_cr, _, _ = _prf(sc, dev, pool(("dev-even", "dev-odd")), band)
    out.logloss = measure(sc, checks, [learned.to_confidence(x, band) for x in pool(CHECKS)]).logloss
    out.nested = nested_band(sc, data, scores)
    return out


def select(sc, data: dict[str, Labelled], show: bool = False) -> Setting:
    """(features, l2, blend, band) by the documented rule, every figure out-of-sample (:func:`cross_validate`):
    each setting's band is :func:`band_threshold` on the pooled checks; among the settings whose band
    holds when each check set is held out from choosing it (:func:`nested_band`: a band for every check
    set, pooled precision >= :data:`PROMISE`) and whose shipped refit keeps the dev band at
    :data:`PROMISE` and :data:`DEV_COVERAGE`, the one whose band covers the most
    gold facts of the pooled checks wins, ties (within :data:`COVERAGE_TIE`) going to the simplest
    feature set, then the most regularised (largest l2, then smallest blend).  The learned scale ships only
    if its band covers at least as much as the hand table's own band (the hand table thresholded the same way).

    ``data`` holds the halves (:data:`TUNING`, :data:`CHECKS`) and the whole sets of :data:`ALL`."""
    halves = {n: data[n] for n in (*TUNING, *CHECKS)}
    whole = _merge([data[n] for n in ALL])
    hand = _setting(sc, halves, _scores(halves, None, 0.0), "hand", 0.0, 0.0)
    rows: list[Setting] = []
    grid: dict[tuple[str, float], tuple[dict[str, list[float]], learned.ClaimModel]] = {}
    for fs, feats in FEATURE_SETS.items():
        for l2 in GRID_L2:
            probs = cross_validate(halves, l2, feats)
            full = fit(whole.examples, l2, feats)
            grid[(fs, l2)] = (probs, full)
            for b in GRID_BLEND:
                row = _setting(sc, halves, _scores(halves, probs, b), fs, l2, b)
                if row.band is not None:
                    shipped = confidences(_with(full, b, row.band), data["dev"])
                    row.shipped_dev = _prf(sc, data["dev"], shipped, THRESHOLD)[:2]
                rows.append(row)
    if show:
        print(
            "\ngrid (leave one set out; out-of-sample): features l2 blend | the band on the pooled checks, on dev"
        )
        for r in [hand, *rows]:
            print(r.line())
    ok = [
        r
        for r in rows
        if r.band is not None
        and r.cr >= hand.cr
        and r.nested[2] == 0
        and r.nested[0] >= PROMISE * r.nested[1]
        and r.shipped_dev[0] >= PROMISE
        and r.shipped_dev[1] >= DEV_COVERAGE
    ]
    if not ok:
        return dev_limited(sc, halves, data["dev"], grid, show)
    best = max(r.cr for r in ok)
    order = list(FEATURE_SETS)
    near = [r for r in ok if r.cr >= best - COVERAGE_TIE]
    return min(near, key=lambda r: (order.index(r.features), -r.l2, r.blend))


def dev_band(sc, dev: Labelled, full: learned.ClaimModel, blend: float) -> float | None:
    """The highest score of :data:`BAND_GRID` (scanning up from its start) at which the shipped refit's dev
    band still keeps the issue's dev target (P >= :data:`PROMISE`, R >= :data:`DEV_COVERAGE`); None: none."""
    top = None
    for band in BAND_GRID:
        p, r = _prf(sc, dev, confidences(_with(full, blend, band), dev), THRESHOLD)[:2]
        if p < PROMISE or r < DEV_COVERAGE:
            break
        top = band
    return top


def dev_limited(sc, halves: dict[str, Labelled], dev: Labelled, grid: dict, show: bool = False) -> Setting:
    """The rule when no setting's Wilson band keeps the dev target (conf15, with the harder sets among the
    checks): each setting's band is the most conservative the dev target allows (:func:`dev_band`), and the
    setting whose pooled checks are right most often there (the Wilson lower bound of their out-of-sample
    precision) wins, ties (within :data:`COVERAGE_TIE`) to the simplest feature set, the most regularised.

    Why: the issue asks both (P >= 0.95 over 40% of the dev facts; 0.95 on unseen news); when the checks say
    no band does both, the honest band is the highest the dev target permits, and its measured precision on
    the checks (printed: under the promise) is the figure to report, not a bound chosen on easier sets."""
    checks = _merge([halves[n] for n in CHECKS])
    rows: list[Setting] = []
    for (fs, l2), (probs, full) in grid.items():
        for b in GRID_BLEND:
            band = dev_band(sc, dev, full, b)
            if band is None:
                continue
            scores = _scores(halves, probs, b)
            row = Setting(fs, l2, b, band)
            row.cp, row.cr, _, row.cn = _prf(sc, checks, [x for n in CHECKS for x in scores[n]], band)
            row.shipped_dev = _prf(sc, dev, confidences(_with(full, b, band), dev), THRESHOLD)[:2]
            rows.append(row)
    if not rows:
        raise SystemExit(
            f"no setting keeps the dev target (P >= {PROMISE}, R >= {DEV_COVERAGE}): ship no model"
        )
    if show:
        print(
            "\nno Wilson band keeps the dev target; the band each setting's dev target allows, checks out-of-sample:"
        )
        for r in rows:
            print(r.line())

    def lower(r: Setting) -> float:
        return wilson_lower(round(r.cp * r.cn), r.cn)

    best = max(lower(r) for r in rows)
    order = list(FEATURE_SETS)
    near = [r for r in rows if lower(r) >= best - COVERAGE_TIE]
    chosen = min(near, key=lambda r: (order.index(r.features), -r.l2, r.blend))
    print(
        f"\nthe promise is NOT kept out-of-sample: checks P={chosen.cp:.3f} R={chosen.cr:.3f} n={chosen.cn} "
        f"lower={lower(chosen):.3f} at the dev-limited band {chosen.band}"
    )
    return chosen


def _report(sc, data: dict[str, Labelled], chosen: Setting, probs: dict[str, list[float]]) -> None:
    """Per set: the hand table against the chosen setting, both out-of-sample at their own band
    (``probs``: :func:`cross_validate` of the chosen setting)."""
    hand_band = band_threshold(
        sc, _merge([data[n] for n in CHECKS]), [e.hand for n in CHECKS for e in data[n].examples]
    )
    print(f"\nper set, out-of-sample (hand band {hand_band}, learned band {chosen.band}):")
    for name in data:
        if name not in (*TUNING, *CHECKS):
            continue
        d = data[name]
        hand = measure(sc, d, [learned.to_confidence(e.hand, hand_band or THRESHOLD) for e in d.examples])
        new = measure(
            sc,
            d,
            [
                learned.to_confidence(
                    chosen.blend * p + (1 - chosen.blend) * e.hand, chosen.band or THRESHOLD
                )
                for p, e in zip(probs[name], d.examples, strict=True)
            ],
        )
        print(f"{name:<14} hand    {hand.line()}")
        print(f"{'':<14} learned {new.line()}")


# -- the drop floor ------------------------------------------------------------------------------
@dataclass(slots=True)
class FloorChoice:
    """The drop floor the rule chooses, with the figures that chose it (all out-of-sample)."""

    floor: float
    #: pooled check halves at each floor of :data:`FLOOR_GRID`: (floor, P, R, F1)
    table: list[tuple[float, float, float, float]]
    #: nested: each check half scored at the floor chosen on the other halves; pooled (P, R, F1)
    nested: tuple[float, float, float]
    #: the check halves whose F1 the nested floor raised, left equal, lowered
    wins: int
    ties: int
    losses: int


def _best_floor(sc, parts: list[tuple[Labelled, list[float]]]) -> float:
    """The floor of :data:`FLOOR_GRID` with the highest pooled F1 over ``parts`` (ties: the lowest)."""
    best, best_f1 = 0.0, -1.0
    for floor in FLOOR_GRID:
        tp = fp = fn = 0
        for data, conf in parts:
            a, b, c = _counts(sc, data, conf, floor)
            tp, fp, fn = tp + a, fp + b, fn + c
        f1 = _f1(tp, fp, fn)[2]
        if f1 > best_f1 + 1e-9:
            best, best_f1 = floor, f1
    return best


def choose_floor(sc, checks: dict[str, Labelled], scores: dict[str, list[float]]) -> FloorChoice:
    """The drop floor: the score under which emitting a claim costs the check halves more precision
    than it brings recall, out-of-sample (``scores``: each claim's cross-validated score).

    Why checks only: the tuning halves' claims are right 0.89 of the time because the rules were
    written on them, so any floor looks like a loss there; the check halves are text the rules did not
    see, as a user's news is.  Why nested: a floor chosen on the same halves it is judged on flatters
    itself, so each check half is scored at the floor chosen on the other halves; the floor ships only
    when that nested estimate beats emitting everything (else 0.0)."""
    parts = {n: (checks[n], scores[n]) for n in checks}
    pooled = _merge(list(checks.values()))
    conf = [x for n in checks for x in scores[n]]
    table = [(f, *_prf(sc, pooled, conf, f)[:3]) for f in FLOOR_GRID]
    totals, base_totals = [0, 0, 0], [0, 0, 0]
    wins = ties = losses = 0
    for held in checks:
        floor = _best_floor(sc, [v for n, v in parts.items() if n != held])
        got, base = _counts(sc, *parts[held], floor), _counts(sc, *parts[held], 0.0)
        totals = [t + g for t, g in zip(totals, got, strict=True)]
        base_totals = [t + g for t, g in zip(base_totals, base, strict=True)]
        delta = _f1(*got)[2] - _f1(*base)[2]
        wins, ties, losses = wins + (delta > 1e-9), ties + (abs(delta) <= 1e-9), losses + (delta < -1e-9)
    nested = _f1(*totals)
    floor = _best_floor(sc, list(parts.values())) if nested[2] > _f1(*base_totals)[2] else 0.0
    return FloorChoice(floor, table, nested, wins, ties, losses)


def _print_floor(choice: FloorChoice) -> None:
    print("\ndrop floor, pooled check halves out-of-sample (floor: P R F1):")
    for f, p, r, f1 in choice.table:
        print(f"  {f:.2f}: P={p:.3f} R={r:.3f} F1={f1:.3f}")
    p, r, f1 = choice.nested
    print(
        f"nested (each check half at the floor chosen on the others): P={p:.3f} R={r:.3f} F1={f1:.3f}; "
        f"halves raised {choice.wins}, equal {choice.ties}, lowered {choice.losses}"
    )
    print(f"the rule chooses floor={choice.floor} (shipped: floor={FLOOR})")


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write(model: learned.ClaimModel, path: Path = learned.MODEL_PATH) -> None:
    """The model as readable JSON: feature -> weight (largest first), intercept and provenance.

    Every feature of :data:`learned.FEATURES` is listed: one the data never shows, one outside the chosen
    feature set, or one whose weight broke its sign constraint, with weight 0."""
    weights = {f: model.weights.get(f, 0.0) for f in learned.FEATURES}
    doc = {
        "about": "learned claim confidence (kg/extract/learned.py); written by scripts/train_claim_model.py",
        "trained_on": list(ALL),
        "cross_validated_on": list(dict.fromkeys(group(n) for n in (*TUNING, *CHECKS))),
        "band_measured_on": list(CHECKS),
        "note": "features, l2, blend and band chosen by leave-one-set-out cross-validation over cross_validated_on "
        "(every figure out-of-sample; the band: the lowest score whose out-of-sample precision on the pooled "
        "check halves has a Wilson lower bound >= 0.95, mapped to confidence 0.8); the weights here are refit "
        "with those settings on trained_on (the final checks, newsset4 and later, never read)",
        "feature_set": FEATURE_SET,
        "l2": L2,
        "blend": model.blend,
        "band": model.band,
        "floor": model.floor,
        "commit": _commit(),
        "date": dt.date.today().isoformat(),
        "intercept": round(model.intercept, 6),
        "weights": {k: round(v, 6) for k, v in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))},
    }
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--select", action="store_true", help="print the cross-validated grid and the rule's choice"
    )
    ap.add_argument("--no-write", action="store_true", help="measure only; leave claim_model.json")
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        sys.exit(f"no scorer under {EVAL}")
    sc = load_scorer()
    data = load(sc, tuple(dict.fromkeys((*TUNING, *CHECKS, *ALL))))
    halves = {n: data[n] for n in (*TUNING, *CHECKS)}
    print(f"shipped settings: features={FEATURE_SET} l2={L2} blend={BLEND} band={BAND} floor={FLOOR}")
    if args.select:
        chosen = select(sc, data, show=True)
        print(
            f"\nthe rule chooses features={chosen.features} l2={chosen.l2} blend={chosen.blend} band={chosen.band} "
            f"(shipped: features={FEATURE_SET} l2={L2} blend={BLEND} band={BAND})"
        )
        probs = cross_validate(halves, chosen.l2, FEATURE_SETS[chosen.features])
        _report(sc, halves, chosen, probs)
        scores = {
            n: [
                chosen.blend * p + (1 - chosen.blend) * e.hand
                for p, e in zip(probs[n], halves[n].examples, strict=True)
            ]
            for n in CHECKS
        }
        _print_floor(choose_floor(sc, {n: halves[n] for n in CHECKS}, scores))
    shipped = fit_shipped(sc, data)
    dev = measure(sc, data["dev"], confidences(shipped, data["dev"]))
    print(f"\nshipped (refit on {', '.join(ALL)}): dev {dev.line()}")
    if not args.no_write:
        write(shipped)
        print(f"wrote {learned.MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
