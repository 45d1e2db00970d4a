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

1. the features, the L2 strength, the blend with the hand table and any drop floor are chosen by
   fitting on the **tuning** sets (``bench_confidence.TUNING``) and measuring on
   the **checks** (``bench_confidence.CHECKS``, the odd halves): scores only (F1, P/R, precision and coverage
   at confidence >= 0.8, reliability table, log-loss, Brier, AUC of the distinct triples, each
   triple's confidence the highest of its claims), never a check claim printed;
2. the model ships only if it beats the hand table on the checks (confident precision not down by more
   than one claim of the hand table's band, without collapsing coverage, better log-loss/Brier/AUC);
   a floor only if it raises F1 on every check;
3. the shipped weights are refit with the chosen settings on every labelled set that is not the
   final check (dev, newsset, newsset2, newsset3, newsset7, newsset8, newsset10, newsset12); the final checks
   (``bench_confidence.FINAL``: newsset4, newsset5, newsset6, newsset9, newsset11, newsset13, newsset14)
   are never read here.

Usage::

    python scripts/train_claim_model.py            # validate (tuning fit vs checks), refit on all, write JSON
    python scripts/train_claim_model.py --select   # also print the grid of settings on the checks
    python scripts/train_claim_model.py --no-write # measure only

After rule changes are merged, rerun the first command: it rewrites the JSON (the commit and date
in it say which extractor it was fitted to); ``tests/extract/test_extract_learned.py`` checks that
a retrain reproduces the shipped weights.
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

#: Tuned on :data:`bench_confidence.TUNING`, settings chosen on :data:`bench_confidence.CHECKS` (the
#: odd halves).  The sets written blind and measured before anyone tuned on them (newsset7, newsset8):
#: their claims are right as often as on unseen news (about 60%), where the tuning sets' are right 86%
#: of the time, so they say most about how the model does on text nobody tuned on.
#: The shipped model is refit on every labelled set but the final checks.
ALL = ("dev", *(n for n, (_, role) in NEWS_SETS.items() if role != "final"))
#: chosen on the checks (``--select``): L2 strength, share of the model in the confidence, no floor
L2 = 30.0
BLEND = 0.3
FLOOR: float | None = None
#: sign constraints: a denial, a hedge or a risk cue never raises a claim; the hand table never lowers it
NON_POSITIVE = (
    "negated",
    "modality:expected",
    "modality:uncertain",
    *sorted(set(learned.RISK_GROUPS.values())),
)
NON_NEGATIVE = ("hand",)
THRESHOLD = 0.8


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
        gold.append(doc["gold"])
        for (c, f), k in zip(pairs, keys, strict=True):
            examples.append(Example(i, k, f, c.confidence, k in hit))
    return Labelled(gold, examples)


# -- fitting -------------------------------------------------------------------------------------
def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve ``a x = b`` (symmetric positive definite: Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        p = m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / p
            if f:
                row, top = m[r], m[col]
                for c in range(col, n + 1):
                    row[c] -= f * top[c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def _newton(
    rows: list[list[tuple[int, float]]], y: list[float], n: int, l2: float, sw: list[float]
) -> list[float]:
    """L2-regularised logistic regression; index 0 is the unpenalised intercept."""
    w = [0.0] * n
    for _ in range(50):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for row, t, s in zip(rows, y, sw, strict=True):
            z = sum(w[j] * v for j, v in row)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g, h = s * (p - t), s * p * (1 - p)
            for j, v in row:
                grad[j] += g * v
                hj = hess[j]
                for k, u in row:
                    hj[k] += h * v * u
        for j in range(1, n):
            grad[j] += l2 * w[j]
            hess[j][j] += l2
        hess[0][0] += 1e-9
        step = _solve(hess, grad)
        w = [a - s for a, s in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return w


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


def _prf(sc, data: Labelled, conf: list[float], floor: float) -> tuple[float, float, float, int]:
    """P, R, F1 of the triples at or above ``floor``, and how many triples that is."""
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
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp + fp


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


def _with_blend(model: learned.ClaimModel, blend: float) -> learned.ClaimModel:
    return learned.ClaimModel(weights=model.weights, intercept=model.intercept, blend=blend)


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


def fit_shipped(sc=None) -> learned.ClaimModel:
    """The shipped model: the chosen settings refit on :data:`ALL` (the reproduction test calls this)."""
    sc = sc or load_scorer()
    data = load(sc, ALL)
    return _with_blend(fit(_merge([data[n] for n in ALL]).examples, L2), BLEND)


def _report(sc, data: dict[str, Labelled], model: learned.ClaimModel) -> None:
    for name in CHECKS:
        hand, new = (
            measure(sc, data[name], confidences(None, data[name])),
            measure(sc, data[name], confidences(model, data[name])),
        )
        print(f"{name:<13} hand    {hand.line()}")
        print(f"{'':<13} learned {new.line()}")
        for (b, n0, k0), (_, n1, k1) in zip(hand.buckets, new.buckets, strict=True):
            print(f"    {b:<11} hand {k0:>3}/{n0:<3} learned {k1:>3}/{n1:<3}")


GRID_L2 = (0.3, 1.0, 3.0, 10.0, 30.0)
GRID_BLEND = (0.3, 0.5, 0.7, 1.0)
#: a setting may cover this share of the hand table's confident coverage and still count (precision first:
#: a stricter confident band that keeps nine tenths of the coverage is what the promise asks for)
COVERAGE_KEEP = 0.9
#: settings whose pooled check log-loss is this close to the best count as equally good
LOGLOSS_TIE = 0.005


def select(sc, data: dict[str, Labelled], train: Labelled, show: bool = False) -> tuple[float, float]:
    """(l2, blend) by the documented rule: among the settings whose confident precision on the pooled
    checks is at least the hand table's (less one claim of its confident band) and whose confident
    coverage is at least :data:`COVERAGE_KEEP` of the hand table's, those within :data:`LOGLOSS_TIE`
    of the lowest pooled log-loss; of these the most regularised (largest l2, then the smallest blend)."""
    checks = _merge([data[n] for n in CHECKS])
    hand = measure(sc, checks, confidences(None, checks))
    rows: list[tuple[float, float, Scores]] = []
    for l2 in GRID_L2:
        base = fit(train.examples, l2)
        rows += [(l2, b, measure(sc, checks, confidences(_with_blend(base, b), checks))) for b in GRID_BLEND]
    if show:
        print("\ngrid (fit on tuning; the checks pooled): l2 blend | confident P, R | logloss Brier AUC")
        for l2, b, s in [(0.0, 0.0, hand), *rows]:
            name = "hand table" if s is hand else f"{l2:>4} {b:.1f}"
            print(f"  {name:<10} | {s.cp:.3f} {s.cr:.3f} | {s.logloss:.3f} {s.brier:.3f} {s.auc:.3f}")
    # one claim's worth of precision is noise on a band of ~150 triples: this round's merges flipped the
    # gate back and forth on a single claim while log-loss, Brier, AUC and coverage all stayed better
    tolerance = 1 / max(1, hand.cn)
    ok = [r for r in rows if r[2].cp >= hand.cp - tolerance and r[2].cr >= COVERAGE_KEEP * hand.cr]
    if not ok:
        raise SystemExit("no setting beats the hand table on the checks: ship no model")
    best = min(r[2].logloss for r in ok)
    near = [r for r in ok if r[2].logloss <= best + LOGLOSS_TIE]
    l2, blend, _ = max(near, key=lambda r: (r[0], -r[1]))
    return l2, blend


def floors(sc, data: dict[str, Labelled], model: learned.ClaimModel) -> None:
    """F1 of each check set by drop floor (claims below it not emitted); a floor ships only if it raises all."""
    print("\nF1 by floor (chosen settings, fit on tuning) on the checks:")
    for floor in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5):
        f1s = [measure(sc, data[n], confidences(model, data[n]), floor).f1 for n in CHECKS]
        print(f"  floor {floor:.1f}: " + " ".join(f"{n}={f:.3f}" for n, f in zip(CHECKS, f1s, strict=True)))


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

    Every feature of :data:`learned.FEATURES` is listed: one the data never shows, or whose weight broke
    its sign constraint, with weight 0."""
    weights = {f: model.weights.get(f, 0.0) for f in learned.FEATURES}
    doc = {
        "about": "learned claim confidence (kg/extract/learned.py); written by scripts/train_claim_model.py",
        "trained_on": list(ALL),
        "tuned_on": list(TUNING),
        "checked_on": list(CHECKS),
        "note": "settings chosen by fitting on tuned_on and measuring on checked_on; the weights here are "
        "refit with those settings on trained_on (the final checks, newsset4 and later, never read)",
        "l2": L2,
        "blend": model.blend,
        "floor": FLOOR,
        "commit": _commit(),
        "date": dt.date.today().isoformat(),
        "intercept": round(model.intercept, 6),
        "weights": {k: round(v, 6) for k, v in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))},
    }
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", action="store_true", help="print the grid of settings measured on the checks")
    ap.add_argument("--no-write", action="store_true", help="measure only; leave claim_model.json")
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        sys.exit(f"no scorer under {EVAL}")
    sc = load_scorer()
    data = load(sc, tuple(dict.fromkeys((*TUNING, *CHECKS, *ALL))))
    train = _merge([data[n] for n in TUNING])
    print(f"tuning: {len(train.examples)} claims of {len(train.gold)} articles; fit l2={L2} blend={BLEND}")
    model = _with_blend(fit(train.examples, L2), BLEND)
    _report(sc, data, model)
    if args.select:
        chosen = select(sc, data, train, show=True)
        print(f"\nthe rule chooses l2={chosen[0]} blend={chosen[1]} (shipped: l2={L2} blend={BLEND})")
        floors(sc, data, model)
    shipped = _with_blend(fit(_merge([data[n] for n in ALL]).examples, L2), BLEND)
    dev = measure(sc, data["dev"], confidences(shipped, data["dev"]))
    print(f"\nshipped (refit on {', '.join(ALL)}): dev {dev.line()}")
    if not args.no_write:
        write(shipped)
        print(f"wrote {learned.MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
