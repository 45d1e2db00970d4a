#!/usr/bin/env python3
"""Feed benchmark: 20 local feeds x 50 items, each feed on its own loopback address.

Each feed is served by its own HTTP server on 127.0.0.2 ... 127.0.0.21, so the per-host
limit (2 requests in flight, ``--delay`` seconds apart) applies per feed as it would
across real sites.  The 1000 pages are own-words articles (paragraph templates of
scripts/gen_dedup_pairs.py filled with deals) in a realistic page template.  Measured:
``kg feed run`` as a library call (robots.txt, feeds, pages, extraction, import, linking)
into an on-disk store, the digest, a second run (all 304s), and near-duplicate precision
and recall on the labelled pairs.  Target: < 60 s for the run on a 2-core machine;
precision and recall >= 0.95.

``python scripts/bench_feeds.py [--feeds 20] [--items 50] [--jobs 2] [--delay 0.05]``
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from feeds_site import Route, Site, page_html, rss2  # noqa: E402
from gen_dedup_pairs import DEALS, HEADLINES, PARAGRAPHS, generate  # noqa: E402


def _vocabulary() -> list[str]:
    words = {w.strip(".,'") for p in PARAGRAPHS for w in p.split() if "{" not in w and w.isalpha()}
    return sorted(words)


def build_sites(feeds: int, items: int) -> list[Site]:
    """The pages: template paragraphs (shared stock phrases, as in real coverage), each
    followed by a sentence of its own, so the 1000 articles are different stories."""
    rng = random.Random(2026)
    vocab = _vocabulary()
    sites = []
    for f in range(feeds):
        site = Site(host=f"127.0.0.{f + 2}")
        listed = []
        for i in range(items):
            n = f * items + i
            deal = dict(DEALS[n % len(DEALS)])
            deal["qty"] = int(deal["qty"]) + n // len(DEALS)
            paras = [
                PARAGRAPHS[p].format(**deal)
                + " Sources added that "
                + " ".join(rng.choices(vocab, k=14))
                + "."
                for p in rng.sample(range(len(PARAGRAPHS)), 6)
            ]
            title = HEADLINES[n % len(HEADLINES)].format(**deal)
            path = f"/news/{n}.html"
            html = page_html(title, "2026-03-02", paras, canonical=site.url(path), site=f"Outlet {f}")
            site.routes[path] = Route(html.encode())
            listed.append((path, title))
        site.routes["/feed.xml"] = Route(
            rss2(site.base, listed, f"Outlet {f}").encode(), "application/rss+xml"
        )
        sites.append(site.start())
    return sites


def dedup_scores() -> tuple[float, float, int]:
    from kg.feeds.dedup import THRESHOLD, signature, similarity

    tp = fp = fn = 0
    pairs = generate()
    for p in pairs:
        same = similarity(signature(p.a), signature(p.b)) >= THRESHOLD
        tp += same and p.same
        fp += same and not p.same
        fn += (not same) and p.same
    return tp / max(1, tp + fp), tp / max(1, tp + fn), len(pairs)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--per-host", type=int, default=2)
    ap.add_argument("--delay", type=float, default=0.05)
    args = ap.parse_args(argv)

    from kg.feeds.digest import build_digest
    from kg.feeds.run import run_feeds
    from kg.feeds.state import FeedState
    from kg.io.fetch import Fetcher
    from kg.store import open_store

    sites = build_sites(args.feeds, args.items)
    rows: list[tuple[str, str]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="kg-bench-feeds-") as tmp:
            state = FeedState(Path(tmp) / "feeds.json")
            for s in sites:
                state.add(s.url("/feed.xml"), None, "2026-01-01T00:00:00Z")
            state.save()
            with open_store(str(Path(tmp) / "store")) as store:
                with Fetcher(per_host=args.per_host, delay=args.delay) as fetcher:
                    start = time.perf_counter()
                    report = run_feeds(store, state, fetcher=fetcher, jobs=args.jobs)
                    run_s = time.perf_counter() - start
                start = time.perf_counter()
                digest = build_digest(store, report)
                digest_s = time.perf_counter() - start
                triples = store.count()
                with Fetcher(per_host=args.per_host, delay=args.delay) as fetcher:
                    start = time.perf_counter()
                    again = run_feeds(store, state, fetcher=fetcher, jobs=args.jobs)
                    again_s = time.perf_counter() - start
                unchanged = store.count() == triples
            web = report.web
            rows += [
                (
                    f"feed run: {args.feeds} feeds x {args.items} items (per-host {args.per_host}, "
                    f"delay {args.delay} s, jobs {args.jobs})",
                    f"{run_s:.1f} s (target < 60 s)",
                ),
                (
                    "  of which fetch + read pages / extract + import + link",
                    f"{report.seconds.get('fetch', 0):.1f} s / {report.seconds.get('import', 0):.1f} s",
                ),
                (
                    "articles imported / claims",
                    f"{len(web.imported.written)} / {web.imported.total('claims')}",
                ),
                ("copies of known stories (kg:sameStoryAs)", str(len(web.copies))),
                ("requests", str(report.requests)),
                ("errors", str(len(report.errors))),
                (
                    "digest (claims, contradictions)",
                    f"{digest_s:.1f} s ({len(digest.claims)}, {len(digest.contradictions)})",
                ),
                (
                    "second run (nothing new)",
                    f"{again_s:.1f} s, {len(again.web.imported.written)} imported, "
                    f"triples unchanged: {unchanged}",
                ),
            ]
            failed = run_s >= 60 or report.errors or not unchanged
    finally:
        for s in sites:
            s.stop()
    precision, recall, n = dedup_scores()
    rows.append(
        (
            f"near-duplicates: precision / recall on {n} labelled pairs",
            f"{precision:.3f} / {recall:.3f} (target >= 0.95)",
        )
    )
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    return 1 if failed or precision < 0.95 or recall < 0.95 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
