"""The real SIPRI exports beside the checkout, each imported once per test session.

Importing the 2024 register costs seconds of CPU, so the slow tests of several modules share
stores built in one chain, each file imported once:

* :func:`real_register_store`: the 2024 register (16 columns) alone;
* :func:`two_releases_dir`: that store copied (an Oxigraph backup: hard links) plus the 2026
  release (17 columns);
* :func:`all_registers`: that store copied plus the three TIV tables, with the import
  report of all five files.

Importing files one after the other writes the same quads as importing them together (one
release graph per file; the base graphs are the same whatever the import).  The stores are
for readers only; a test that adds to one takes a copy (:func:`real_register_copy`).  The
csv-module readers below recompute the expected figures independently of kg.
"""

from __future__ import annotations

import atexit
import csv
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from helpers.paths import SHARED

SIPRI_DIR = SHARED / "data" / "sipri"
#: The 2024 release (16 columns, orders and deliveries 1950-2024).
SIPRI_REGISTER = SIPRI_DIR / "trade-register.csv"
#: The 2026 release (17 columns, deliveries 1995-2024) beside the 2024 one.
SIPRI_REGISTER_2026 = SIPRI_DIR / "trade_register.csv"
#: SIPRI's TIV tables: imports and exports by country, and a legacy per-supplier table.
TIV_TABLES = (
    SIPRI_DIR / "import-export-values_1950-2024.csv",
    SIPRI_DIR / "import-export-values_1950-2024_1950-2024.csv",
    SIPRI_DIR / "trademap-raw" / "TIV-Export-IND-1950-2021.csv",
)

_BUILT: dict[str, Any] = {}


def _need(*paths: Path) -> None:
    for path in paths:
        if not path.exists():
            pytest.skip(f"real SIPRI export not found at {path}")


def _workdir() -> Path:
    """One temporary folder for the session's stores, removed at exit."""
    if "dir" not in _BUILT:
        tmp = tempfile.mkdtemp(prefix="kg-real-registers-")
        atexit.register(shutil.rmtree, tmp, True)
        _BUILT["dir"] = Path(tmp)
    return _BUILT["dir"]


def _keep_open(name: str, store: Any) -> None:
    _BUILT[name] = store
    atexit.register(store.close)


def _import(store: Any, paths: list[Path]) -> list[Any]:
    from kg.ingest.sipri.importer import import_sipri

    report = import_sipri(store, paths)
    assert not report.refused, report.refused
    return report.inputs


def real_register_store() -> Any:
    """An on-disk store holding the 2024 register alone (skips when the file is missing)."""
    _need(SIPRI_REGISTER)
    if "2024" not in _BUILT:
        from kg.store import open_store

        store = open_store(str(_workdir() / "register-2024"))
        _BUILT["2024-inputs"] = _import(store, [SIPRI_REGISTER])
        _keep_open("2024", store)
    return _BUILT["2024"]


def real_register_copy(target: Path) -> str:
    """A writable store at ``target`` holding the 2024 register (a backup of
    :func:`real_register_store`), for a test that adds to it.  Returns the location."""
    real_register_store().ox.backup(str(target))
    return str(target)


def two_releases_dir() -> str:
    """A closed store directory holding both registers (2024 and 2026), for readers that
    open it themselves (``read_only=True``) or through the CLI."""
    _need(SIPRI_REGISTER, SIPRI_REGISTER_2026)
    if "two" not in _BUILT:
        from kg.store import open_store

        location = _workdir() / "two-releases"
        with open_store(real_register_copy(location)) as store:
            _BUILT["2026-inputs"] = _import(store, [SIPRI_REGISTER_2026])
            store.ox.backup(str(_workdir() / "two-releases-seed"))  # what all_registers adds to
        _BUILT["two"] = str(location)
    return str(_BUILT["two"])


def all_registers() -> tuple[Any, Any]:
    """(store, report): both registers and the three TIV tables in one open store; the
    report has one outcome per file, in the order 2024, 2026, then the tables."""
    from kg.ingest.pipeline import ImportReport

    _need(*TIV_TABLES)
    two_releases_dir()
    if "all" not in _BUILT:
        from kg.store import open_store

        seed = _workdir() / "two-releases-seed"
        store = open_store(str(seed))
        inputs = _BUILT["2024-inputs"] + _BUILT["2026-inputs"] + _import(store, list(TIV_TABLES))
        _BUILT["all-report"] = ImportReport(inputs=inputs)
        _keep_open("all", store)
    return _BUILT["all"], _BUILT["all-report"]


# --------------------------------------------------------------------------- csv-module truth
def release_2026_volumes(recipient: str) -> dict[int, dict[str, float]]:
    """Delivered TIV per 5-year period start and supplier name, from the 2026 file with the
    csv module (FORMAT.md: 11-line preamble, trailing ';', one row per deal and delivery
    year, 'TIV delivery values' used as given)."""
    lines = SIPRI_REGISTER_2026.read_text(encoding="ascii").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("SIPRI AT Database ID,"))
    rows = csv.DictReader(line.rstrip(";") for line in lines[start:])
    out: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in rows:
        if r["Recipient"] == recipient and r["TIV delivery values"].strip():
            year = int(r["Delivery year"])
            out[1950 + (year - 1950) // 5 * 5][r["Supplier"]] += float(r["TIV delivery values"])
    return out


def register_rows() -> list[list[str]]:
    """The 2024 register's data rows, read with the csv module (FORMAT.md: Latin-1, 16
    columns, two records broken over two lines by raw newlines inside Comments)."""
    raw = SIPRI_REGISTER.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Recipient,Supplier,Year of order"))
    rows: list[list[str]] = []
    pending: list[str] | None = None
    for rec in csv.reader(lines[start + 1 :]):
        if pending is not None:
            pending[-1] += rec[0] if rec else ""
            rec = pending + rec[1:]
            pending = None
        if rec and len(rec) < 16:
            pending = rec
            continue
        if rec:
            rows.append(rec)
    return rows


def register_period_volumes(recipient: str, length: int = 5) -> dict[int, dict[str, float]]:
    """Delivered TIV (column 15) by period start and supplier name, straight from the CSV.

    Multi-year deals are spread evenly over their delivery years (column 10), the rule
    kg.analysis.network documents; a single-year deal keeps its whole TIV in that year.
    """
    out: dict[int, dict[str, float]] = {}
    for r in register_rows():
        if r[0] != recipient:
            continue
        years = [int(y) for y in r[10].split(";") if y.strip()]
        tiv = float(r[15]) if r[15].strip() else 0.0
        for y in years:
            p = 1950 + (y - 1950) // length * length
            out.setdefault(p, {})
            out[p][r[1]] = out[p].get(r[1], 0.0) + tiv / len(years)
    return out
