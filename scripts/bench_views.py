"""Benchmark the views on the whole 16-column SIPRI register.

Imports ``../shared/data/sipri/trade-register.csv`` into a temporary on-disk store (or
uses ``--store DIR`` if it already holds it), then times, median of ``--repeat`` runs:

* the global network (every supplier and buyer, 1950-2024): build + render + write
  (target < 3 s), its HTML size, and the time until it has settled in headless Chromium
  (target < 10 s);
* the ego view of India (target < 1 s) and the India deals view;
* the diversification report for India.

Prints a table.  Usage: ``.venv/bin/python scripts/bench_views.py [--store DIR] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REGISTER = REPO.parent / "shared" / "data" / "sipri" / "trade-register.csv"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]  # fmt: skip


CPU: list[float] = []


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median wall time; the median CPU time of this process goes to ``CPU[-1]``.

    Both are reported because a shared machine's load inflates wall time, while CPU time
    (all threads of this process) shows the work itself.
    """
    times, cpu, result = [], [], None
    for _ in range(repeat):
        started, cpu0 = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu0)
    CPU.append(statistics.median(cpu))
    return statistics.median(times), result


def settle_seconds(path: Path, repeat: int) -> float | None:
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.kgStabilized === true", timeout=120_000)
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="store directory already holding the register")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from kg import network as kn
    from kg.report import diversification_report
    from kg.store import open_store
    from kg.views import country_view, deals_view, network_view, write_view

    work = Path(tempfile.mkdtemp(prefix="kg-bench-views-"))
    rows: list[tuple[str, str, str, str]] = []
    try:
        if args.store:
            store = open_store(args.store, read_only=True)
        else:
            if not REGISTER.exists():
                print(f"register not found: {REGISTER}", file=sys.stderr)
                return 1
            from kg.sipri.importer import import_sipri

            store = open_store(str(work / "store"))
            started = time.perf_counter()
            import_sipri(store, [REGISTER])
            rows.append(
                ("import 16-column register (setup)", f"{time.perf_counter() - started:.2f} s", "", "")
            )

        out = work / "out"
        out.mkdir()
        t, g = timed(lambda: kn.build_graph(store), args.repeat)
        rows.append(
            (
                "global graph: SPARQL -> networkx",
                f"{t:.2f} s",
                f"{CPU[-1]:.2f} s",
                f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges",
            )
        )
        t, _ = timed(lambda: write_view(network_view(store), out / "global.html"), args.repeat)
        size = os.path.getsize(out / "global.html")
        rows.append(
            (
                "global view: build + write (target < 3 s)",
                f"{t:.2f} s",
                f"{CPU[-1]:.2f} s",
                f"HTML {size / 1e6:.2f} MB",
            )
        )
        s = settle_seconds(out / "global.html", args.repeat)
        rows.append(
            ("global view: settled in Chromium (target < 10 s)", f"{s:.2f} s" if s else "n/a", "", "headless")
        )
        t, _ = timed(lambda: write_view(country_view(store, "India"), out / "india.html"), args.repeat)
        size = os.path.getsize(out / "india.html")
        rows.append(
            (
                "ego view India: build + write (target < 1 s)",
                f"{t:.2f} s",
                f"{CPU[-1]:.2f} s",
                f"HTML {size / 1e6:.2f} MB",
            )
        )
        s = settle_seconds(out / "india.html", args.repeat)
        rows.append(("ego view India: settled in Chromium", f"{s:.2f} s" if s else "n/a", "", "headless"))
        f = kn.Filters(buyer="India")
        t, _ = timed(lambda: write_view(deals_view(store, f), out / "deals.html"), args.repeat)
        rows.append(("deals view India (300 largest): build + write", f"{t:.2f} s", f"{CPU[-1]:.2f} s", ""))
        t, _ = timed(lambda: diversification_report(store, "India", out / "report"), 1)
        rows.append(("diversification report India (charts, ego view)", f"{t:.2f} s", f"{CPU[-1]:.2f} s", ""))
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    w = max(len(r[0]) for r in rows)
    print(
        f"\nkg views on the 16-column SIPRI register (median of {args.repeat}; load avg {load:.1f}, {os.cpu_count()} CPUs)"
    )
    print(f"{'step'.ljust(w)}  {'wall':>8}  {'CPU':>8}  notes")
    print(f"{'-' * w}  {'-' * 8}  {'-' * 8}  -----")
    for name, value, cpu, note in rows:
        print(f"{name.ljust(w)}  {value:>8}  {cpu:>8}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
