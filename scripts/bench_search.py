#!/usr/bin/env python3
"""Benchmark ``kg search`` on the full SIPRI register: index build, no-op refresh, a search.

Imports ``../shared/data/sipri/trade-register.csv`` into a fresh store (or uses ``--store DIR``),
then in-process (no CLI start-up): the per-graph fingerprint check, a full index build (the
first search, or the refresh after an import), a refresh with nothing changed (what every
search and every write command pays), and searches with and without filters.

Usage: ``python scripts/bench_search.py [--store DIR]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT.parent / "shared" / "data" / "sipri" / "trade-register.csv"


def timed(label: str, fn, rows: list) -> object:
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    rows.append((label, time.perf_counter() - start, time.process_time() - cpu, out))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="an existing store (default: import the register into a fresh one)")
    opts = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from kg.analysis import search
    from kg.store import open_store

    with tempfile.TemporaryDirectory(prefix="kg-bench-search-") as tmp:
        location = opts.store or str(Path(tmp) / "store")
        if not opts.store:
            if not REGISTER.is_file():
                print(f"skip: {REGISTER} not found")
                return 0
            cmd = [sys.executable, "-m", "kg", "--store", location, "import", "sipri", str(REGISTER)]
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        index_file = Path(search.index_location(open_store(location, read_only=True)))
        for suffix in ("", "-wal", "-shm"):
            Path(str(index_file) + suffix).unlink(missing_ok=True)
        store = open_store(location, read_only=True)
        rows: list = []
        timed("fingerprints (per-graph check)", lambda: len(search.fingerprints(store)), rows)
        timed("refresh: full build", lambda: search.refresh(store), rows)
        timed("refresh: nothing changed", lambda: search.refresh(store), rows)
        timed("search delay (incl. refresh)", lambda: len(search.search(store, "delay")), rows)
        timed(
            "search licence --buyer India",
            lambda: len(search.search(store, "licence", buyer="India", year_from=1990)),
            rows,
        )
        size = index_file.stat().st_size / 1e6
        store.close()
    print(f"{'step':<34} {'wall s':>7} {'cpu s':>7}  result")
    for label, wall, cpu, out in rows:
        print(f"{label:<34} {wall:>7.2f} {cpu:>7.2f}  {out}")
    print(f"index size: {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
