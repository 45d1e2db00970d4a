#!/usr/bin/env python3
"""Benchmark ``kg validate`` on the full SIPRI register: the SPARQL engine against pyshacl.

Steps, each a subprocess (``python -m kg``) timed for wall and CPU seconds (user + system;
on a shared machine CPU varies less than wall):

1. ``kg import sipri ../shared/data/sipri/trade-register.csv`` into a fresh on-disk store
   (skipped with ``--store DIR``, which validates an existing store);
2. ``kg validate --engine E`` for each engine (``sparql``: shapes compiled to SPARQL and run
   in Oxigraph; ``pyshacl``: the reference engine, fed the exported store);
3. the two reports (stdout) are compared: the script fails if they differ.

Usage: ``python scripts/bench_validate.py [--store DIR] [--engines sparql,pyshacl]``.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT.parent / "shared" / "data" / "sipri" / "trade-register.csv"


def run(args: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds, CPU seconds of the child, and the completed ``python -m kg ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="validate this existing store instead of importing the register")
    parser.add_argument("--engines", default="sparql,pyshacl")
    opts = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-validate-") as tmp:
        store = opts.store or str(Path(tmp) / "store")
        rows = []
        if not opts.store:
            if not REGISTER.is_file():
                print(f"skip: {REGISTER} not found")
                return 0
            wall, cpu, proc = run(["--store", store, "import", "sipri", str(REGISTER)])
            if proc.returncode != 0:
                print(proc.stderr)
                return 1
            rows.append(("import sipri (register)", wall, cpu, "-"))
        reports = {}
        for engine in opts.engines.split(","):
            wall, cpu, proc = run(["--store", store, "validate", "--engine", engine])
            if proc.returncode not in (0, 3):
                print(proc.stderr)
                return 1
            reports[engine] = proc.stdout
            head = proc.stdout.splitlines()[0] if proc.stdout else "?"
            rows.append((f"validate --engine {engine}", wall, cpu, head))
    print(f"{'step':<28} {'wall s':>8} {'cpu s':>8}  report")
    for name, wall, cpu, head in rows:
        print(f"{name:<28} {wall:>8.1f} {cpu:>8.1f}  {head}")
    texts = set(reports.values())
    if len(reports) > 1:
        print("same report from every engine:", "yes" if len(texts) == 1 else "NO")
    return 0 if len(texts) <= 1 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
