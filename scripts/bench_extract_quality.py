#!/usr/bin/env python3
"""Extraction quality on real news (the labelled development set) and on the project's fixtures.

Why: the extractor was tuned on the project's own prose; this bench is the development loop on
real published articles (rewritten in our own words, kept outside the repository in
``../shared/eval``).  It prints, for the dev set:

* the scorer's summary line (``../shared/eval/score.py``, run exactly as the held-out check
  runs it: ``kg extract --format json``) for all articles, the even-numbered and the
  odd-numbered ones.  *Even/odd* is the number in the file name (``d-02.json``, ``e-14.json``
  are even; ``d-01.json`` odd), so both halves mix India and other-country stories.  Tune on
  the even half, check the odd half: a rule that helps one half only is memorised.
* the summary line at ``--confidence 0.8`` (precision of the confident claims; its ``R`` is the
  share of gold facts those claims still cover),
* a reliability table: distinct (article, supplier, buyer, system) triples bucketed by their
  highest claim confidence (the scorer keeps a triple at threshold T when any of its claims
  reaches T), with the number of triples and the share the scorer pairs with a gold fact
  (``bench_confidence.SetResult``, the same table that script prints),
* the scorer's error kinds (``--show``; ``--verbose`` prints every miss and extra),

and for the project's fixtures (``tests/fixtures/articles``) the line of
``scripts/extract_scoring.py``, then the scorer's line (all claims, and confidence >= 0.8) on
every own news set (``tests/fixtures/newsset``, ``newsset2`` by halves, ``newsset3``, ``newsset4``:
24 articles each, written and labelled blind to the extractor's rules of their time; newsset and
newsset2's even half have since been tuned on, the others are checks).

Usage: ``python scripts/bench_extract_quality.py [--eval DIR] [--verbose]``
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.bench_confidence import HALVED, NEWS_SETS, SetResult, load_scorer  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"


def kg_command() -> list[str]:
    """The ``kg`` entry point of this interpreter's environment (else ``python -m kg``)."""
    exe = Path(sys.executable).with_name("kg")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("kg")
    return [found] if found else [sys.executable, "-m", "kg"]


def halves(paths: list[Path]) -> dict[str, list[Path]]:
    """All articles, and the even/odd halves by the number in the file name."""

    def number(p: Path) -> int:
        m = re.search(r"(\d+)$", p.stem)
        return int(m.group(1)) if m else 0

    return {
        "all": paths,
        "even": [p for p in paths if number(p) % 2 == 0],
        "odd": [p for p in paths if number(p) % 2 == 1],
    }


def run_scorer(score: Path, paths: list[Path], *extra: str) -> str:
    """The scorer's output (summary line last) for ``paths``."""
    kg = " ".join(kg_command())
    res = subprocess.run(
        [sys.executable, str(score), kg, *map(str, paths), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    return res.stdout.strip()


def fixture_line() -> str:
    """The own-fixture score (scripts/extract_scoring.py), the line test_extract_quality prints."""
    from extract_scoring import score_fixtures

    s = score_fixtures()
    return (
        f"fixtures: P={s.precision:.2f} R={s.recall:.2f} matched={s.matched} "
        f"status={s.status_ok}/{s.matched} quantity={s.quantity_ok}/{s.matched} value={s.value_ok}/{s.matched} "
        f"negated={s.negated_ok}/{s.negated_total}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL, help="folder with score.py and articles/*.json")
    ap.add_argument("--verbose", action="store_true", help="print every miss and extra")
    args = ap.parse_args()
    score = args.eval / "score.py"
    paths = sorted((args.eval / "articles").glob("*.json"))
    if not score.exists() or not paths:
        sys.exit(f"no scorer or articles under {args.eval}")
    for name, group in halves(paths).items():
        print(f"dev {name:<4} {run_scorer(score, group).splitlines()[-1]}")
    print(f"dev all  {run_scorer(score, paths, '--confidence', '0.8').splitlines()[-1]}")
    print("reliability (distinct triples by highest confidence):")
    print("  bucket       triples  right  precision")
    for bucket, n, ok in SetResult(load_scorer(score), paths).reliability():
        prec = f"{ok / n:.2f}" if n else "-"
        print(f"  {bucket:<12} {n:>7} {ok:>6}  {prec}")
    shown = run_scorer(score, paths, "--show").splitlines()
    if args.verbose:
        print("\n".join(line for line in shown if line.startswith("  ") and "kinds:" not in line))
    print("error kinds:" + next((line.split("kinds:", 1)[1] for line in shown if "kinds:" in line), " none"))
    print(fixture_line())
    blind_sets(score)


def blind_sets(score: Path) -> None:
    """The scorer's lines (all claims, confidence >= 0.8) on every own news set found."""
    for name, (prefix, _) in NEWS_SETS.items():
        paths = sorted((ROOT / "tests" / "fixtures" / name).glob(f"{prefix}-*.json"))
        if not paths:
            continue
        groups = halves(paths) if name in HALVED else {"all": paths}
        for half, group in groups.items():
            label = f"{name} {half}" if half != "all" else name
            print(f"{label:<14} {run_scorer(score, group).splitlines()[-1]}")
        print(f"{name:<14} {run_scorer(score, paths, '--confidence', '0.8').splitlines()[-1]}")


if __name__ == "__main__":
    main()
