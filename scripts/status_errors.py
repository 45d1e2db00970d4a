#!/usr/bin/env python3
"""Where does the extractor get the lifecycle stage wrong?  Status errors of the labelled news sets.

Why: the scorer's ``status=`` (gold facts of matched triples whose status was claimed) and
``status_precision=`` (statuses claimed on matched triples that the text states) say how often the
stage is right, not which sentences get it wrong.  This tool pairs predicted and gold triples exactly
as ``../shared/eval/score.py`` does (exact keys first, then one containing the other, ``system_also``)
and prints, per set,

* the two scorer figures (the same numbers as the scorer's line), for every set, and
* with ``--list SET``: each matched triple whose gold statuses and claimed statuses disagree (a gold
  status no claim gives, or a claimed status the text does not state), with the gold evidence and every
  claim's status, modality, cues and evidence sentence: the material to classify the errors by cause.

Check sets (``bench_confidence.CHECK_SETS``: the odd halves, the whole sets that contain them and
``newsset4``) are never listed, only scored.  Tune on the even halves and ``newsset``.

The extractor runs in-process (``kg.extract.extract``, what ``kg extract --format json`` calls).

Usage: ``python scripts/status_errors.py [--sets dev-even,newsset2-even,...] [--list dev-even] [--all]``
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract import Article, extract, read_articles  # noqa: E402
from scripts.bench_confidence import CHECK_SETS, DEFAULT_SETS, match_pairs, sets, start  # noqa: E402

#: sets whose claims and texts are never printed (scores only)


@dataclass
class Pair:
    """One matched gold triple: its gold facts and the claims of the predicted triple paired with it."""

    article: str
    key: tuple
    gold: list[dict]
    claims: list[dict]

    def gold_statuses(self) -> set[str]:
        out: set[str] = set()
        for g in self.gold:
            out |= {g.get("status")} | set(g.get("status_also") or [])
        return out

    def claimed(self) -> set[str]:
        return {c.get("status") for c in self.claims}

    def facts_ok(self) -> list[bool]:
        """Per gold fact: is one of its statuses claimed (the scorer's ``status``)."""
        pst = self.claimed()
        return [bool(({g.get("status")} | set(g.get("status_also") or [])) & pst) for g in self.gold]

    def wrong_claimed(self) -> set[str]:
        """Claimed statuses the text does not state (what ``status_precision`` counts against)."""
        return self.claimed() - self.gold_statuses()


@dataclass
class StatusResult:
    pairs: list[Pair] = field(default_factory=list)

    def figures(self) -> tuple[int, int, int, int]:
        ok = sum(sum(p.facts_ok()) for p in self.pairs)
        n = sum(len(p.gold) for p in self.pairs)
        sp_n = sum(len(p.claimed()) for p in self.pairs)
        sp_ok = sp_n - sum(len(p.wrong_claimed()) for p in self.pairs)
        return ok, n, sp_ok, sp_n


def pair_up(sc, art_id: str, gold_facts: list[dict], claims: list[dict]) -> list[Pair]:
    """The scorer's matching (:func:`scripts.bench_confidence.match_pairs`), kept as (gold facts, claims) pairs."""
    gold: dict[tuple, list[dict]] = {}
    for g in gold_facts:
        key = (sc.country_key(g["supplier"]), sc.country_key(g["buyer"]), sc.system_key(g.get("system")))
        gold.setdefault(key, []).append(g)
    pred: dict[tuple, list[dict]] = {}
    for c in claims:
        key = (
            sc.country_key(c.get("supplier")),
            sc.country_key(c.get("buyer")),
            sc.system_key(c.get("system")),
        )
        pred.setdefault(key, []).append(c)
    return [Pair(art_id, gk, gold[gk], pred[pk]) for gk, pk in match_pairs(sc, gold_facts, pred)]


def run_set(sc, paths: list[Path]) -> StatusResult:
    res = StatusResult()
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        (art,) = [a for a in read_articles(path) if isinstance(a, Article)]
        claims = [c.to_dict() for c in extract(art)]
        res.pairs += pair_up(sc, doc["id"], doc["gold"], claims)
    return res


def describe(p: Pair, show_all: bool) -> list[str]:
    """The lines of one matched triple (only its errors unless ``show_all``)."""
    oks, wrong = p.facts_ok(), p.wrong_claimed()
    if not show_all and all(oks) and not wrong:
        return []
    lines = [f"{p.article} {p.key} claimed={sorted(p.claimed())} wrong={sorted(wrong)}"]
    for g, ok in zip(p.gold, oks, strict=True):
        also = "/".join(g.get("status_also") or [])
        lines.append(
            f"  gold {'ok  ' if ok else 'MISS'} {g.get('status')}{'|' + also if also else ''}: "
            f"{(g.get('evidence') or '')[:300]}"
        )
    for c in p.claims:
        mod = f" modality={c.get('modality')}" if c.get("modality") else ""
        neg = " negated" if c.get("negated") else ""
        cues = " ".join(x for x in c.get("cues") or [] if x.startswith(("status", "inherit", "context")))
        lines.append(f"  claim {c.get('status')}{mod}{neg} [{cues}]: {c['evidence']['text'][:300]}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS), help="sets to score (comma-separated)")
    ap.add_argument("--list", action="append", default=[], help="list the status errors of a set")
    ap.add_argument("--all", action="store_true", help="with --list: every matched triple, not only errors")
    args = ap.parse_args()
    sc = start(ap, CHECK_SETS, args.list)
    all_sets = sets()
    names = [*args.sets.split(","), *(s for s in args.list if s not in args.sets.split(","))]
    unknown = [n for n in names if n not in all_sets]
    if unknown:
        ap.error(f"unknown set {', '.join(unknown)} (known: {', '.join(sorted(all_sets))})")
    for name in names:
        res = run_set(sc, all_sets[name])
        ok, n, sp_ok, sp_n = res.figures()
        print(
            f"{name:<14} status={ok}/{n} ({ok / n if n else 0:.0%}) "
            f"status_precision={sp_ok}/{sp_n} ({sp_ok / sp_n if sp_n else 0:.0%})"
        )
        if name in args.list:
            for p in res.pairs:
                lines = describe(p, args.all)
                if lines:
                    print("\n".join(lines))


if __name__ == "__main__":
    main()
