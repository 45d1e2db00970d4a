"""Write query results as table, CSV, TSV, JSON or JSON Lines.

Rows are sequences of RDF terms (or plain values); ``None`` is an unbound variable.
CSV/TSV/JSONL stream row by row; JSON streams its array; only the table buffers (it needs
column widths).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, TextIO

from rdflib import BNode, Literal, URIRef

from kg.io.spreadsheet import safe_row
from kg.vocab.ns import PREFIXES

FORMATS = ("table", "csv", "tsv", "json", "jsonl")
#: Help of the ``--raw-csv`` flag of every command that writes CSV/TSV.
RAW_CSV_HELP = "CSV/TSV: write cells as they are (default: quote cells a spreadsheet would run as formulas)."
_MAX_CELL = 80


def default_format(stream: TextIO | None = None) -> str:
    """Table on a terminal, JSON when piped."""
    stream = stream or sys.stdout
    return "table" if stream.isatty() else "json"


def plain(value: Any) -> Any:
    """A JSON-friendly Python value for a term: numbers and booleans typed, the rest text."""
    if value is None:
        return None
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, bool | int | float):
            return py
        if isinstance(py, Decimal):
            return int(py) if py == py.to_integral_value() and abs(py) < 2**53 else float(py)
        return str(value)
    if isinstance(value, URIRef | BNode):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def text(value: Any) -> str:
    """Plain text for CSV/TSV: the lexical form; IRIs in full."""
    if value is None:
        return ""
    return str(value)


def short(value: Any) -> str:
    """Compact text for the table: IRIs shortened with the known prefixes."""
    if isinstance(value, URIRef):
        s = str(value)
        best = ""
        for prefix, ns in PREFIXES.items():
            if s.startswith(str(ns)) and len(str(ns)) > len(best):
                best, name = str(ns), prefix
        return f"{name}:{s[len(best) :]}" if best else f"<{s}>"
    out = text(value).replace("\n", " ")
    return out if len(out) <= _MAX_CELL else out[: _MAX_CELL - 1] + "…"


def _cell(value: str, fmt: str) -> str:
    """A CSV/TSV cell: a carriage return becomes a line feed (which the writer quotes; a bare CR
    is not quoted by Python's csv module and would split the row); TSV tabs become spaces."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\t", " ") if fmt == "tsv" else value


def write_rows(
    variables: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str, stream: TextIO, *, raw: bool = False
) -> int:
    """Write rows in ``fmt``; returns the number of rows written.

    CSV/TSV cells that a spreadsheet would run as a formula are quoted
    (:mod:`kg.io.spreadsheet`) unless ``raw``.
    """
    n = 0
    if fmt in ("csv", "tsv"):
        writer = csv.writer(stream, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(safe_row(list(variables), raw))
        for row in rows:
            cells = [_cell(text(v), fmt) for v in row]
            writer.writerow(safe_row(cells, raw))
            n += 1
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(dict(zip(variables, map(plain, row), strict=True)), ensure_ascii=False))
            stream.write("\n")
            n += 1
    elif fmt == "json":
        stream.write("[")
        for row in rows:
            stream.write(",\n" if n else "\n")
            stream.write(json.dumps(dict(zip(variables, map(plain, row), strict=True)), ensure_ascii=False))
            n += 1
        stream.write("\n]\n" if n else "]\n")
    elif fmt == "table":
        cells = [[short(v) for v in row] for row in rows]
        n = len(cells)
        widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(variables)]
        line = "  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip()
        stream.write(line + "\n" + "  ".join("-" * w for w in widths) + "\n")
        for r in cells:
            stream.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
        stream.write(f"({n} row{'s' if n != 1 else ''})\n")
    else:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    return n
