"""Benchmark the views on the whole 16-column SIPRI register.

Imports ``../shared/data/sipri/trade-register.csv`` (with ``--both-releases`` also the 2026
release ``trade_register.csv``, as users have both) into a temporary on-disk store (or uses
``--store DIR`` if it already holds them), then times, median of ``--repeat`` runs:

* the default global network (the suppliers and buyers carrying 90% of the TIV, the rest
  folded into "others"), all years and ``--from 2015``: library build + render + write
  (target < 3 s), its HTML size, the time until it has settled in headless Chromium with
  the label check passing (>= 15 labels drawn, none overlapping; target < 5 s), and the
  CLI's wall time for the same view (process start, imports and store open included);
* the ego view of India (target < 1 s, CLI beside it) and the India deals view;
* the diversification report for India.

Prints a table.  Usage: ``.venv/bin/python scripts/bench_views.py [--store DIR] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REGISTER = REPO.parent / "shared" / "data" / "sipri" / "trade-register.csv"
#: the 2026 release (17 columns, deliveries 1995-2024), loaded beside it with --both-releases
REGISTER_2026 = REPO.parent / "shared" / "data" / "sipri" / "trade_register.csv"
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


def settle_seconds(path: Path, repeat: int) -> tuple[float, str] | None:
    """Median seconds from opening the page until it has settled, and the label check's result."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    from kg.present.views.layout import LABEL_BOXES_JS, screen_overlaps

    times, note = [], ""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.kgStabilized === true", timeout=120_000)
            labels = page.evaluate(LABEL_BOXES_JS)
            times.append(time.perf_counter() - started)
            drawn = [x for x in labels if x["drawn"]]
            clashes = screen_overlaps(drawn)
            note = f"{len(drawn)} labels drawn, {len(clashes)} overlapping" + (
                " (check passed)" if len(drawn) >= 15 and not clashes else " (CHECK FAILED)"
            )
            page.close()
        browser.close()
    return statistics.median(times), note


def cli_seconds(store_dir: str, args: list[str], out: Path, repeat: int) -> tuple[float, float]:
    """Median wall time and CPU time (user + system of the child) of ``kg --store DIR view ...``
    as a user runs it."""
    import resource

    kg = Path(sys.executable).with_name("kg")
    cmd = [str(kg) if kg.exists() else sys.executable, *([] if kg.exists() else ["-m", "kg"])]
    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [*cmd, "--store", store_dir, "view", *args, "-o", str(out)], check=True, capture_output=True
        )
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="store directory already holding the register")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--both-releases", action="store_true", help="import the 2026 release too")
    args = parser.parse_args()

    from kg.analysis import network as kn
    from kg.present.report import diversification_report
    from kg.present.views import country_view, deals_view, network_view, write_view
    from kg.store import open_store

    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    work = Path(tempfile.mkdtemp(prefix="kg-bench-views-"))
    rows: list[tuple[str, str, str, str]] = []
    try:
        if args.store:
            store = open_store(args.store, read_only=True)
        else:
            files = [REGISTER, REGISTER_2026] if args.both_releases else [REGISTER]
            for path in files:
                if not path.exists():
                    print(f"register not found: {path}", file=sys.stderr)
                    return 1
            from kg.ingest.sipri.importer import import_sipri

            store = open_store(str(work / "store"))
            started = time.perf_counter()
            import_sipri(store, files)
            rows.append(
                (
                    f"import {' + '.join(p.name for p in files)} (setup)",
                    f"{time.perf_counter() - started:.2f} s",
                    "",
                    "",
                )
            )
            store.close()  # reopened read-only, so the CLI runs below can open it too
            store = open_store(str(work / "store"), read_only=True)

        out = work / "out"
        out.mkdir()
        store_dir = args.store or str(work / "store")
        t, g = timed(lambda: kn.build_graph(store), args.repeat)
        rows.append(
            (
                "global graph: SPARQL -> networkx",
                f"{t:.2f} s",
                f"{CPU[-1]:.2f} s",
                f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges",
            )
        )
        for label, filters, cli_args in (
            ("global view, all years", kn.Filters(), []),
            ("global view --from 2015", kn.Filters(year_from=2015), ["--from", "2015"]),
        ):
            html = out / "global.html"
            t, _ = timed(lambda f=filters, h=html: write_view(network_view(store, f), h), args.repeat)
            rows.append(
                (
                    f"{label} (top 90%): build + write (target < 3 s)",
                    f"{t:.2f} s",
                    f"{CPU[-1]:.2f} s",
                    f"HTML {os.path.getsize(html) / 1e6:.2f} MB",
                )
            )
            settled = settle_seconds(html, args.repeat)
            rows.append(
                (
                    f"{label}: settled in Chromium (target < 5 s)",
                    f"{settled[0]:.2f} s" if settled else "n/a",
                    "",
                    settled[1] if settled else "no chromium",
                )
            )
            t, c = cli_seconds(store_dir, ["network", *cli_args], out / "cli.html", args.repeat)
            rows.append((f"{label}: CLI (kg view network)", f"{t:.2f} s", f"{c:.2f} s", "whole process"))
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
        settled = settle_seconds(out / "india.html", args.repeat)
        rows.append(
            (
                "ego view India: settled in Chromium",
                f"{settled[0]:.2f} s" if settled else "n/a",
                "",
                settled[1] if settled else "no chromium",
            )
        )
        t, c = cli_seconds(store_dir, ["country", "India"], out / "cli.html", args.repeat)
        rows.append(
            ("ego view India: CLI (kg view country India)", f"{t:.2f} s", f"{c:.2f} s", "whole process")
        )
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
        f"\nkg views on {args.store or 'the SIPRI register'}{' (both releases)' if args.both_releases else ''} "
        f"(median of {args.repeat}; load avg {load_start:.1f} at the "
        f"start, {load:.1f} at the end, {os.cpu_count()} CPUs)"
    )
    print(f"{'step'.ljust(w)}  {'wall':>8}  {'CPU':>8}  notes")
    print(f"{'-' * w}  {'-' * 8}  {'-' * 8}  -----")
    for name, value, cpu, note in rows:
        print(f"{name.ljust(w)}  {value:>8}  {cpu:>8}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
