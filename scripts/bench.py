#!/usr/bin/env python3
"""Run every benchmark and print its figures (``make bench``).

Each capability has its own script (``scripts/bench_*.py``) printing a table; this runs
them in order, each in a fresh process, so one slow or failing benchmark does not hide
the others.  ``python scripts/bench.py sipri views`` runs a subset by name.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["sipri", "extract", "queries", "views", "linking", "validate", "search", "feeds"]


def main(argv: list[str]) -> int:
    wanted = argv or ORDER
    failures = 0
    for name in wanted:
        script = HERE / f"bench_{name}.py"
        if not script.exists():
            print(f"== {name}: no script {script.name}", flush=True)
            failures += 1
            continue
        print(f"== {name} ({script.name})", flush=True)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script)], check=False)
        print(f"== {name}: exit {proc.returncode} in {time.perf_counter() - start:.1f} s\n", flush=True)
        failures += proc.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
