#!/usr/bin/env python3
"""Write a synthetic SIPRI trade register N times the size of the real one (deterministic).

Why: scaling is measured on data shaped like the real register.  Copy 0 is the real
register row for row; each further copy re-draws, for every row, the (recipient,
supplier) pair, the weapon (designation, description) and the order year from three
independently chosen real rows, so the marginal distributions of parties, systems and
years stay those of the register while the combinations are new deals.  Delivery years
move with the order year.  The preamble and header are the real ones, so
``kg import sipri`` reads the file as it reads the register.

Usage: ``python scripts/gen_scale.py N OUT.csv [--seed 16] [--register PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REGISTER = REPO.parent / "shared" / "data" / "sipri" / "trade-register.csv"
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def split_register(path: Path) -> tuple[list[str], list[list[str]]]:
    """(preamble lines up to and including the header, data rows parsed by the csv module).

    Latin-1 both ways: every byte round-trips, whatever the export's own encoding.
    """
    lines = path.read_text(encoding="latin-1").splitlines(keepends=True)
    head = next(i for i, line in enumerate(lines) if line.startswith("Recipient,Supplier,"))
    rows = [r for r in csv.reader(lines[head + 1 :]) if r]
    rows = [r for r in rows if len(r) >= 16]  # (footer lines, if any, are not deals)
    return lines[: head + 1], rows


def synthetic_rows(rows: list[list[str]], copies: int, seed: int) -> list[list[str]]:
    """The real rows, then ``copies - 1`` re-drawn copies (see the module docstring)."""
    rng = random.Random(seed)
    out = [list(r) for r in rows]
    for _ in range(copies - 1):
        for row in rows:
            new = list(row)
            parties, weapon, year_row = rng.choice(rows), rng.choice(rows), rng.choice(rows)
            new[0], new[1] = parties[0], parties[1]
            new[6], new[7] = weapon[6], weapon[7]
            try:
                delta = int(year_row[2]) - int(row[2])
            except ValueError:
                delta = 0
            new[2] = year_row[2]
            new[10] = _YEAR.sub(lambda m, d=delta: str(int(m.group(0)) + d), row[10])
            out.append(new)
    return out


def write_register(path: Path, preamble: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="latin-1", newline="") as fh:
        fh.writelines(preamble)
        csv.writer(fh, lineterminator="\n").writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("scale", type=int, help="how many times the real register (1 = the register itself)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--register", type=Path, default=REGISTER)
    args = parser.parse_args()
    preamble, rows = split_register(args.register)
    write_register(args.out, preamble, synthetic_rows(rows, max(1, args.scale), args.seed))
    print(f"wrote {args.out}: {len(rows) * max(1, args.scale)} rows ({args.scale}x)")


if __name__ == "__main__":
    main()
