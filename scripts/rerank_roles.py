#!/usr/bin/env python3
"""Re-ranking the rules' own role near-misses: is there a better supplier or buyer for a claim the rules got wrong?

Why: on news written blind to the rules, a good share of the errors are role errors -- the right
system and one right party, the other party wrong (a state named beside the deal but not in it, a
supplier taken from the system's maker when a second-hand seller sells, buyer and supplier swapped).
A fixed role turns an extra AND a miss into one right triple, so each fix counts twice.  The
prior is far better than for open co-occurrences (cands24): only alternatives of an emitted claim
are proposed.

For each rule claim this script proposes alternatives -- ``swap`` (buyer and supplier exchanged),
``origin`` (supplier := the system's catalogue origin, when it differs), ``sent-supplier`` /
``sent-buyer`` (another state named in the evidence sentence takes the supplier or the buyer slot)
-- and labels each: ``gain`` when the alternative matches a gold fact no rule claim of the article
matches while the rule claim itself matches none (the re-ranking would turn an extra and a miss
into a hit), ``loss`` when the rule claim is right (replacing it would lose a hit), else neutral.

``--inventory GROUP``: the role near-misses of a TUNING group claim by claim (cues, the states of
the sentence, catalogue origin), for reading; refused for a check set.
``--count GROUP ...``: per group and alternative kind, how many rule claims have an alternative of
that kind and how many would gain / lose: counts only, so it may run on the check sets.
``--loso``: an L2 logistic arbiter (``train_claim_model._newton``) of "this alternative gains" over
structural features -- the kind of alternative crossed with the cue heads that decided the rule
claim's supplier and buyer, the role and cue the rules' role stage gave the incoming party in the
sentence, whether the outgoing/incoming party is the system's catalogue origin, the article's
most-named state, named 3+ times, a seller or buyer of the same system in another rule claim, how
many states the sentence names -- plus the claim model's own features of the rule claim (refit here,
so the shipped claim model, fit on these very sets, does not leak).  Fit leave-one-set-out over every
non-final set (a halved set's two halves held out together); the rule claim is replaced by its best
alternative when p > t (``--add``: the alternative is added beside it instead).  Prints the pooled
out-of-sample ranking, the oracle ceiling and P/R/F1 per set and pooled.

Result at ceb20c1 (rerank24): NEGATIVE, not wired into the extractor.
* Inventory, tuning halves: of the 41 role extras (buyer 18, reversed 8, supplier 15) only 8 distinct
  triples have a right alternative of the four kinds: another state of the same sentence 6 (buyer 3:
  an organisation or a bare mention chosen over a state the sentence names, a speaker's state; supplier
  3: a second-hand seller beside the maker, a multinational's partner, a "turning to" state), the
  catalogue origin 1 (a supplier taken from an approver while the origin state was read as a "to"
  recipient), a swap 1 (a supplier relation read backwards); by set newsset7 1, newsset14 2,
  newsset19 2, newsset23 3.  The rest have the right party outside the sentence or a gold label the
  keys cannot meet.  No cue ordering separates them: e.g. the other-state buyers of ``buyer:mention``
  claims: 4 alternatives gain (3 triples), 72 would replace a right claim, and the gaining states carry
  no common role or cue.
* Ceiling (oracle choosing only the gaining alternatives): checks F1 0.672 -> 0.704 (35 triples),
  all non-final sets 0.764 -> 0.782, tuning 0.845 -> 0.851; 64 gaining alternatives among 6,912
  (0.9%), 5,510 proposed for claims that are right.
* The arbiter (L2 3, with claim features): pooled out-of-sample AUC 0.80, but among its top 10 / 50 /
  100 alternatives 1 / 4 / 8 gain against 6 / 28 / 51 that would replace a right claim.  Replacing at
  t=0.3: checks F1 0.672 -> 0.673, tuning 0.845 -> 0.844; per set newsset10-odd +0.011,
  newsset2-even -0.005, newsset11-even -0.006, every other set unchanged; at t=0.5 nothing moves.
  L2 0.3 / 10 / 30 and no claim features: no better (top 50 at best 7 gains for 25 losses).  Adding
  instead of replacing (``--add``, 134 addable alternatives, ceiling checks 0.706): checks 0.670-0.672
  for t 0.3-0.5, L2 1 and 3.
So the near-miss prior is not good enough either: 80% of the alternatives belong to right claims (the
rule claims are right 90% of the time on the tuning halves, 75% on the checks), and nothing structural
tells the 1% that would gain from the rest.

Run from the checkout's root with its venv: ``.venv/bin/python scripts/rerank_roles.py --loso``
(about 100 s).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench_confidence as bc
import train_claim_model as tcm

import kg.extract.claims as claims_module
from kg.extract import Article, learned, read_articles
from kg.extract.claims import _Extractor
from kg.extract.model import Claim

#: whether the claim model's own (structural) features of the rule claim join the alternative's: they say
#: how likely the rule claim is wrong, which an alternative's gain needs first (fit here leave-one-set-out,
#: so no leak from the shipped claim model, which was fit on every non-final set)
CLAIM_FEATURES = True

#: groups whose claims may be printed one by one (the tuning halves and sets); everything else counts only
_SHOWABLE = frozenset(bc.TUNING)


@dataclass(slots=True)
class Alternative:
    """One re-ranked triple of a rule claim: its kind, key, and the label against gold."""

    kind: str
    key: tuple
    label: str = "neutral"
    #: matches a gold fact no rule claim matches, whether or not the rule claim is right (worth adding)
    hits: bool = False
    features: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Row:
    """A rule claim, whether it is right, its sentence's states and its alternatives."""

    claim: Claim
    key: tuple
    right: bool
    states: list[str]
    origin: str | None
    alternatives: list[Alternative] = field(default_factory=list)


def _key(sc, c: Claim) -> tuple:
    return (
        sc.country_key(c.supplier.to_dict() if c.supplier else None),
        sc.country_key(c.buyer.to_dict()),
        sc.system_key(c.system.to_dict() if c.system else None),
    )


def _gold_key(sc, g: dict) -> tuple:
    return (sc.country_key(g["supplier"]), sc.country_key(g["buyer"]), sc.system_key(g.get("system")))


def _states(ex: _Extractor, c: Claim) -> list[str]:
    """ISO3 codes of the states named in the claim's evidence sentence, in text order, once each."""
    a, b = c.evidence.start, c.evidence.end
    seen = [m.iso3 for m in ex.mentions if m.kind == "party" and a <= m.start < b and m.iso3]
    return list(dict.fromkeys(seen))


def _alternatives(row: Row) -> Iterator[tuple[str, tuple]]:
    sup, buy, sysk = row.key
    if sup and sup != buy:
        yield "swap", (buy, sup, sysk)
    if row.origin and row.origin not in (sup, buy):
        yield "origin", (row.origin, buy, sysk)
    for s in row.states:
        if s not in (sup, buy):
            yield "sent-supplier", (s, buy, sysk)
            yield "sent-buyer", (sup, s, sysk)


@dataclass(slots=True)
class _Context:
    """What the features read from the whole article: the rule claims' parties, state counts, mention roles."""

    suppliers: set[tuple[str, str | None]]
    buyers: set[tuple[str, str | None]]
    counts: Counter
    top: set[str]
    roles: dict[tuple[int, int, str], set[str]]


def _context(ex: _Extractor, rows: list[Row], roles: dict[int, tuple[str | None, str]]) -> _Context:
    counts = Counter(m.iso3 for m in ex.mentions if m.kind == "party" and m.iso3)
    most = max(counts.values(), default=0)
    by_sentence: dict[tuple[int, int, str], set[str]] = {}
    for row in rows:
        a, b = row.claim.evidence.start, row.claim.evidence.end
        for m in ex.mentions:
            if m.kind == "party" and m.iso3 and a <= m.start < b and m.start in roles:
                role, cue = roles[m.start]
                head = cue.split(":", 1)[0] if cue else "none"
                by_sentence.setdefault((a, b, m.iso3), set()).update({f"role:{role}", f"cue:{role}:{head}"})
    return _Context(
        suppliers={(r.key[0], r.key[2]) for r in rows if r.key[0]},
        buyers={(r.key[1], r.key[2]) for r in rows},
        counts=counts,
        top={p for p, n in counts.items() if n == most and most >= 2},
        roles=by_sentence,
    )


def _cue(claim: Claim, slot: str) -> str:
    """The head of the cue that decided a slot ("supplier:subject:approved" -> "subject")."""
    for c in claim.cues:
        if c.startswith(slot + ":"):
            return c.split(":")[1]
    return "none"


def describe(row: Row, alt: Alternative, ctx: _Context) -> dict[str, float]:
    """Structural features of replacing the rule claim by one alternative: never a word of an article.

    Each feature is crossed with the alternative's kind, since a cue means opposite things for a swap
    and for a replaced buyer.  ``old`` is the party the alternative removes, ``new`` the one it brings."""
    k = alt.kind
    sup, buy, sysk = row.key
    slot = "buyer" if k == "sent-buyer" else "supplier"
    if k == "swap":
        old, new = sup, buy
    elif slot == "buyer":
        old, new = buy, alt.key[1]
    else:
        old, new = sup, alt.key[0]
    a, b = row.claim.evidence.start, row.claim.evidence.end
    f = {
        k: 1.0,
        f"{k}|rule-sup:{_cue(row.claim, 'supplier')}": 1.0,
        f"{k}|rule-buy:{_cue(row.claim, 'buyer')}": 1.0,
    }
    for r in ctx.roles.get((a, b, new or ""), {"role:unseen"}):
        f[f"{k}|new-{r}"] = 1.0
    for name, party in (("old", old), ("new", new)):
        if party and party == row.origin:
            f[f"{k}|{name}-origin"] = 1.0
        if party in ctx.top:
            f[f"{k}|{name}-top"] = 1.0
        if (party, sysk) in ctx.suppliers and party != sup:
            f[f"{k}|{name}-sells-it-elsewhere"] = 1.0
        if (party, sysk) in ctx.buyers and party != buy:
            f[f"{k}|{name}-buys-it-elsewhere"] = 1.0
        if ctx.counts.get(party or "", 0) >= 3:
            f[f"{k}|{name}-named-3+"] = 1.0
    if sysk is None:
        f[f"{k}|no-system"] = 1.0
    f[f"{k}|states:{min(len(row.states), 4)}"] = 1.0
    return f


@contextmanager
def _reading_roles() -> Iterator[dict[int, tuple[str | None, str]]]:
    """The role and cue the rules' role stage left on every party mention (by start offset), without a
    hook in the extractor: ``claims._roles`` wrapped for the duration (as cands24's script did)."""
    seen: list = []
    original = claims_module._roles

    def recording(s, a, parties, trig):  # type: ignore[no-untyped-def]
        seen.append(parties)
        return original(s, a, parties, trig)

    claims_module._roles = recording
    out: dict[int, tuple[str | None, str]] = {}
    try:
        yield out
    finally:
        claims_module._roles = original
        out.update({p.mention.start: (p.role, p.cue) for parties in seen for p in parties})


def rows_of(sc, path: Path) -> tuple[list[dict], list[Row]]:
    """The gold and the rule claims of one labelled article with their labelled, described alternatives."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    (art,) = [a for a in read_articles(path) if isinstance(a, Article)]
    token = learned.use_model(None)  # the claim model was fit on these sets: its confidence would leak
    try:
        with _reading_roles() as roles:
            ex = _Extractor(art.text, art.published, (), art.title)
            claims = ex.run()
    finally:
        learned.reset_model(token)
    claim_feats = learned.article_features(claims, ex.masked, ex.mentions, art.published)
    keys = [_key(sc, c) for c in claims]
    hit_pred = {pk for _, pk in bc.match_pairs(sc, doc["gold"], dict.fromkeys(keys))}
    hit_gold = {gk for gk, _ in bc.match_pairs(sc, doc["gold"], dict.fromkeys(keys))}
    left = [g for g in doc["gold"] if _gold_key(sc, g) not in hit_gold]
    rows = []
    for c, k in zip(claims, keys, strict=True):
        origin = c.system.origin_iso3 if c.system else None
        row = Row(c, k, k in hit_pred, _states(ex, c), origin)
        for kind, alt in _alternatives(row):
            a = Alternative(kind, alt)
            a.hits = bool(left and bc.match_pairs(sc, left, [alt]))
            if row.right:
                a.label = "loss"
            elif left and bc.match_pairs(sc, left, [alt]):
                a.label = "gain"
            row.alternatives.append(a)
        rows.append(row)
    ctx = _context(ex, rows, roles)
    for row, cf in zip(rows, claim_feats, strict=True):
        for a in row.alternatives:
            a.features = describe(row, a, ctx)
            if CLAIM_FEATURES:
                a.features.update({f"claim|{k}": v for k, v in cf.items()})
    return doc["gold"], rows


def count(sc, names: list[str]) -> None:
    """Per group and alternative kind: claims with such an alternative, gains, losses."""
    all_sets = bc.sets()
    for name in names:
        groups = {"tuning": bc.TUNING, "checks": bc.CHECKS}.get(name, (name,))
        tally: Counter = Counter()
        for g in groups:
            for p in all_sets[g]:
                for row in rows_of(sc, p)[1]:
                    tally["claims"] += 1
                    tally["wrong"] += not row.right
                    kinds = {a.kind for a in row.alternatives}
                    for kind in kinds:
                        labels = {a.label for a in row.alternatives if a.kind == kind}
                        tally[f"{kind}:n"] += 1
                        tally[f"{kind}:gain"] += "gain" in labels
                        tally[f"{kind}:loss"] += "loss" in labels
        print(f"== {name}: claims={tally['claims']} wrong={tally['wrong']}")
        for kind in ("swap", "origin", "sent-supplier", "sent-buyer"):
            print(
                f"  {kind:14s} n={tally[kind + ':n']:4d} gain={tally[kind + ':gain']:3d} loss={tally[kind + ':loss']:4d}"
            )


def inventory(sc, name: str) -> None:
    """The wrong rule claims of a tuning group that have a gaining alternative, one by one."""
    if name not in _SHOWABLE and name != "tuning":
        sys.exit(f"{name}: not a tuning group; use --count")
    groups = bc.TUNING if name == "tuning" else (name,)
    all_sets = bc.sets()
    for g in groups:
        for p in all_sets[g]:
            for row in rows_of(sc, p)[1]:
                gains = [a for a in row.alternatives if a.label == "gain"]
                if row.right or not gains:
                    continue
                cues = [c for c in row.claim.cues if c.startswith(("supplier:", "buyer:"))]
                print(f"{p.stem}: {row.key} -> {[(a.kind, a.key[:2]) for a in gains]}")
                print(f"    cues={cues} states={row.states} origin={row.origin} conf={row.claim.confidence}")


# -- the learned arbiter, measured leave-one-set-out ---------------------------------------------

Doc = tuple[list[dict], list[Row]]


def collect(sc) -> dict[str, list[Doc]]:
    """Every non-final labelled set by halves (``bench_confidence.DEFAULT_SETS``), extracted once."""
    all_sets = bc.sets()
    return {name: [rows_of(sc, p) for p in all_sets[name]] for name in bc.DEFAULT_SETS}


def fit(docs: list[Doc], l2: float, add: bool = False) -> tuple[dict[str, float], float]:
    """L2 logistic regression (``train_claim_model._newton``) of "the alternative gains" over its features."""
    index: dict[str, int] = {}
    rows, y = [], []
    for _gold, claims in docs:
        for row in claims:
            for a in row.alternatives:
                rows.append(
                    [(0, 1.0)] + [(index.setdefault(f, len(index) + 1), v) for f, v in a.features.items()]
                )
                y.append(1.0 if (a.hits if add else a.label == "gain") else 0.0)
    w = tcm._newton(rows, y, len(index) + 1, l2, [1.0] * len(y))
    return {f: w[i] for f, i in index.items()}, w[0]


def _probability(model: tuple[dict[str, float], float], features: dict[str, float]) -> float:
    weights, intercept = model
    z = intercept + sum(weights.get(f, 0.0) * v for f, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def prf(
    sc, docs: list[Doc], probs: list[list[list[float]]] | None, t: float, add: bool = False
) -> tuple[int, int, int]:
    """(tp, predicted, gold) triples when every rule claim whose best alternative has p > ``t`` is replaced
    by it (``probs`` None: the rules as they are).  Triples are counted once per article, as the scorer does."""
    tp = npred = ngold = 0
    for i, (gold, rows) in enumerate(docs):
        keys = []
        for j, row in enumerate(rows):
            if add:  # keep the rule claim, add every alternative above t
                keys.append(row.key)
                keys += [a.key for m, a in enumerate(row.alternatives) if probs and probs[i][j][m] > t]
                continue
            best = (
                max(range(len(row.alternatives)), key=lambda m: probs[i][j][m], default=None)
                if probs
                else None
            )
            keys.append(row.alternatives[best].key if best is not None and probs[i][j][best] > t else row.key)
        pred = dict.fromkeys(keys)
        tp += len(bc.match_pairs(sc, gold, pred))
        npred += len(pred)
        ngold += len({_gold_key(sc, g) for g in gold})
    return tp, npred, ngold


def _line(fig: tuple[int, int, int]) -> str:
    tp, npred, ngold = fig
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return f"P={p:.3f} R={r:.3f} F1={2 * p * r / max(p + r, 1e-9):.3f} tp={tp}"


def ranking(data: dict[str, list[Doc]], probs: dict[str, list[list[list[float]]]], add: bool = False) -> None:
    """Pooled out-of-sample ranking of all alternatives: gains and losses among the top k, and the AUC."""
    scored = [
        (probs[n][i][j][m], "gain" if (a.hits if add else a.label == "gain") else a.label)
        for n, docs in data.items()
        for i, (_g, rows) in enumerate(docs)
        for j, row in enumerate(rows)
        for m, a in enumerate(row.alternatives)
    ]
    scored.sort(key=lambda x: -x[0])
    pos = sum(lab == "gain" for _, lab in scored)
    print(f"alternatives={len(scored)} gains={pos} losses={sum(lab == 'loss' for _, lab in scored)}")
    for k in (10, 20, 50, 100, 200):
        top = scored[:k]
        print(
            f"  top {k:3d}: gain={sum(lab == 'gain' for _, lab in top):3d} "
            f"loss={sum(lab == 'loss' for _, lab in top):3d} p>={top[-1][0]:.3f}"
        )
    ranks = sorted(range(len(scored)), key=lambda i: scored[i][0])
    rank_sum = sum(r + 1 for r, i in enumerate(ranks) if scored[i][1] == "gain")
    neg = len(scored) - pos
    print(f"  AUC={(rank_sum - pos * (pos + 1) / 2) / max(pos * neg, 1):.3f}")


def loso(
    sc, l2: float, thresholds: tuple[float, ...], data: dict[str, list[Doc]] | None = None, add: bool = False
) -> None:
    """Each set (both halves) scored by an arbiter fit on the other sets only; per set and pooled."""
    data = data or collect(sc)
    probs: dict[str, list[list[list[float]]]] = {}
    for g in dict.fromkeys(tcm.group(n) for n in data):
        model = fit([d for n, docs in data.items() if tcm.group(n) != g for d in docs], l2, add)
        for n, docs in data.items():
            if tcm.group(n) == g:
                probs[n] = [
                    [[_probability(model, a.features) for a in r.alternatives] for r in rows]
                    for _, rows in docs
                ]
    ranking(data, probs, add)
    oracle = {
        n: [
            [[1.0 if (a.hits if add else a.label == "gain") else 0.0 for a in r.alternatives] for r in rows]
            for _, rows in docs
        ]
        for n, docs in data.items()
    }
    for label, names in (
        ("tuning", [n for n in data if n in bc.TUNING]),
        ("checks", [n for n in data if n in bc.CHECKS]),
        ("all", list(data)),
    ):
        docs = [d for n in names for d in data[n]]
        print(
            f"ceiling {label:8s} rules {_line(prf(sc, docs, None, 0.0))} | oracle {_line(prf(sc, docs, [p for n in names for p in oracle[n]], 0.5, add))}"
        )
    pools = {"tuning": [n for n in data if n in bc.TUNING], "checks": [n for n in data if n in bc.CHECKS]}
    for label, names in [*pools.items(), *((n, [n]) for n in data)]:
        docs = [d for n in names for d in data[n]]
        pr = [p for n in names for p in probs[n]]
        cells = [f"rules {_line(prf(sc, docs, None, 0.0))}"]
        cells += [f"t={t}: {_line(prf(sc, docs, pr, t, add))}" for t in thresholds]
        print(f"{label:16s} " + " | ".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--inventory", metavar="GROUP")
    ap.add_argument("--count", nargs="*", metavar="GROUP", default=[])
    ap.add_argument("--loso", action="store_true", help="fit and measure the arbiter leave-one-set-out")
    ap.add_argument("--l2", type=float, nargs="+", default=[3.0])
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.5])
    ap.add_argument("--add", action="store_true", help="keep the rule claim and add alternatives above t")
    ap.add_argument("--no-claim-features", action="store_true")
    args = ap.parse_args()
    global CLAIM_FEATURES
    CLAIM_FEATURES = not args.no_claim_features
    sc = bc.load_scorer()
    if args.inventory:
        inventory(sc, args.inventory)
    if args.loso:
        data = collect(sc)
        for l2 in args.l2:
            print(f"-- l2={l2}")
            loso(sc, l2, tuple(args.thresholds), data, args.add)
    if args.count:
        count(sc, args.count)


if __name__ == "__main__":
    main()
