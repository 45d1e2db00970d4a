#!/usr/bin/env python3
"""Snapshot every claim the extractor emits over a fixed corpus, to prove a change keeps them.

Speed work on ``kg.extract`` must not change its output at all.  This script runs
:func:`kg.extract.extract` over

* the bench corpus of ``scripts/bench_extract.py`` (same generator, same seed),
* ``tests/fixtures/articles/`` (every readable article file),
* ``tests/fixtures/newsset/*.json`` (the texts; gold labels are ignored),
* ``../shared/eval/articles/*.json`` (read beside the repository, never copied into it),

and writes one JSON document: for each article a key (source and position) and its claims,
every field, exactly as ``kg extract --format json`` prints them (``Claim.to_dict()``).

Usage::

    python scripts/extract_snapshot.py /tmp/before.json            # on the parent commit
    python scripts/extract_snapshot.py /tmp/after.json --compare /tmp/before.json

``--compare OLD`` exits 1 and prints the first differing claims when the new snapshot
differs from ``OLD``; it exits 0 and prints one ``identical`` line otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_extract import make_articles  # noqa: E402  (scripts/ is sys.path[0] when run as a script)

from kg.extract import Article, extract, read_articles  # noqa: E402

SHARED = ROOT.parent / "shared"


def _read(label: str, folder: Path, pattern: str | None = None) -> Iterator[tuple[str, Article]]:
    """``(key, article)`` for every readable article under ``folder`` (or its files matching
    ``pattern``); keys name the file relative to ``folder`` so they do not depend on the checkout."""
    paths = sorted(folder.glob(pattern)) if pattern else [folder]
    for path in paths:
        for item in read_articles(path):
            if isinstance(item, Article):  # unreadable files are the reader's tests' business
                name = Path(item.path).resolve().relative_to(folder.resolve())
                yield f"{label}/{name}#{item.line or 0}", item


def corpus() -> Iterator[tuple[str, Article]]:
    """Every article of the snapshot, each under a stable key."""
    for i, art in enumerate(make_articles(400, 2000)):
        yield f"bench#{i}", art
    yield from _read("fixtures", ROOT / "tests" / "fixtures" / "articles")
    yield from _read("newsset", ROOT / "tests" / "fixtures" / "newsset", "*.json")
    eval_dir = SHARED / "eval" / "articles"
    if not eval_dir.is_dir():
        print(f"warning: {eval_dir} not found; the dev set is not in the snapshot", file=sys.stderr)
        return
    yield from _read("eval", eval_dir, "*.json")


def snapshot() -> dict[str, list[dict]]:
    """Claims (as JSON objects) of every article of :func:`corpus`, keyed by article."""
    return {key: [c.to_dict() for c in extract(art)] for key, art in corpus()}


def differences(old: dict[str, list[dict]], new: dict[str, list[dict]], limit: int = 5) -> list[str]:
    """Human-readable lines describing the first ``limit`` differing articles (empty: identical)."""
    out: list[str] = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if a is None or b is None:
            out.append(f"{key}: only in the {'new' if a is None else 'old'} snapshot")
        else:
            out.append(f"{key}: {len(a)} claims before, {len(b)} after")
            for j in range(max(len(a), len(b))):
                ca = a[j] if j < len(a) else None
                cb = b[j] if j < len(b) else None
                if ca != cb:
                    out.append(f"  claim {j} before: {json.dumps(ca, ensure_ascii=False)}")
                    out.append(f"  claim {j} after:  {json.dumps(cb, ensure_ascii=False)}")
                    break
        if len(out) >= 3 * limit:
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", type=Path, help="where to write the snapshot (JSON)")
    ap.add_argument("--compare", type=Path, metavar="OLD", help="snapshot to compare against")
    args = ap.parse_args()
    text = json.dumps(snapshot(), ensure_ascii=False, indent=1, sort_keys=True)
    args.output.write_text(text + "\n", "utf-8")
    snap = json.loads(text)  # compare what was written (tuples become lists, as in OLD)
    claims = sum(len(v) for v in snap.values())
    print(f"{len(snap)} articles, {claims} claims -> {args.output}")
    if args.compare:
        old = json.loads(args.compare.read_text("utf-8"))
        diff = differences(old, snap)
        if diff:
            print("\n".join(diff))
            sys.exit(1)
        print(f"identical to {args.compare}")


if __name__ == "__main__":
    main()
