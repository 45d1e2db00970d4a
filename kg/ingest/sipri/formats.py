"""SIPRI export files: layout detection and row parsing (pure Python, no RDF).

SIPRI has changed its CSV exports several times (see ``shared/data/sipri/FORMAT.md``), so
the layout is recognised from the *header line's content*, never from a line number:

* ``register-16``: the 16-column trade register (2023-2025 web export), one row per deal,
  delivery years as a ``; `` list, blank-named uncertainty columns holding ``?``;
* ``register-17``: the 17-column register (armstransfers.sipri.org, 2025/26), one row per
  deal and delivery year, ``SIPRI AT Database ID``, ``Armament category``, Yes/No flags;
* ``tiv-table``: "Volume of transfers of major arms" (``Recipient,1950,...`` imports or
  ``Exports by,1950,...`` exports), one row per country, one column per year;
* ``tiv-legacy``: the pre-2023 per-supplier tables ("TIV of arms exports from X"), a header
  whose first cell is empty, one row per recipient.

Everything that varies between files is handled here and only here: encoding (UTF-8, else
cp1252, else Latin-1), BOM, CRLF, a trailing ``;`` on every line, records broken by raw
newlines inside Comments (re-joined), designations with a trailing `` -``.  Values are
returned as Python values; decimals keep SIPRI's lexical form (``"0.25"``) so sums are
exact.  A row that cannot be parsed becomes a :class:`RowProblem` naming its physical line
(1-based, the first line of a re-joined record) and is skipped; the rest of the file
still parses.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from kg.errors import EXIT_REJECTED, KgError
from kg.rdf.terms import content_hash as _content_hash

# --- layouts ---------------------------------------------------------------------------

#: Column headers of the 16-column register ('' = SIPRI's blank-named uncertainty columns).
REGISTER_16_COLUMNS = (
    "recipient",
    "supplier",
    "year of order",
    "",
    "number ordered",
    "",
    "weapon designation",
    "weapon description",
    "number delivered",
    "",
    "year(s) of delivery",
    "status",
    "comments",
    "sipri tiv per unit",
    "sipri tiv for total order",
    "sipri tiv of delivered weapons",
)
#: Column headers of the 17-column register (one row per deal and delivery year).
REGISTER_17_COLUMNS = (
    "sipri at database id",
    "supplier",
    "recipient",
    "designation",
    "description",
    "armament category",
    "order date",
    "order date is estimate",
    "numbers delivered",
    "numbers delivered is estimate",
    "delivery year",
    "delivery year is estimate",
    "status",
    "sipri estimate",
    "tiv deal unit",
    "tiv delivery values",
    "local production",
)

#: Layout key -> human description (used in the "unknown layout" message and reports).
LAYOUTS: dict[str, str] = {
    "register-16": "16-column SIPRI trade register (one row per deal; header 'Recipient,Supplier,"
    "Year of order,...')",
    "register-17": "17-column SIPRI trade register (one row per deal and delivery year; header "
    "'SIPRI AT Database ID,Supplier,Recipient,...')",
    "tiv-table": "SIPRI TIV table 'Volume of transfers of major arms' (header 'Recipient,1950,...' "
    "or 'Exports by,1950,...')",
    "tiv-legacy": "legacy SIPRI TIV table 'TIV of arms exports from X' (header ',1950,...,Total')",
}

#: How many lines to look through for the header (real preambles are 9-11 lines).
HEADER_SCAN_LINES = 40

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_INT = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^\d+(\.\d+)?$|^\.\d+$")
_GENERATED = re.compile(r"^(?:Data generated|Generated)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_DESIGNATION_TAIL = re.compile(r"(\s+-+)+\s*$")


class LayoutError(KgError, ValueError):
    """The file as a whole cannot be read (unknown layout, no header, truncated preamble).

    An import rejected (exit 3); still a ``ValueError`` for callers that catch that.
    """

    exit_code = EXIT_REJECTED

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A skipped row: physical line (1-based) and the reason, for the import report."""

    line: int
    reason: str


@dataclass(slots=True)
class DealRow:
    """One record of the 16-column register: one deal, all its deliveries summed."""

    line: int
    ordinal: int  # 1-based position among the file's records (stable row key)
    recipient: str
    supplier: str
    order_year: int
    order_year_uncertain: bool
    number_ordered: int | None  # None = SIPRI has no figure (not 0)
    number_ordered_uncertain: bool
    designation: str  # normalised (trailing " -" and spaces removed)
    description: str
    number_delivered: int | None
    number_delivered_uncertain: bool
    delivery_years: list[int]
    delivery_years_text: str
    transfer_condition: str  # "New", "Second hand", "Second hand but modernized"
    comments: str
    tiv_per_unit: str | None  # decimal lexical form, millions of TIV
    tiv_total_order: str | None
    tiv_delivered: str | None  # "0" = under 0.5; None = no deliveries identified


@dataclass(slots=True)
class DeliveryRow:
    """One record of the 17-column register: one delivery year of one deal."""

    line: int
    deal_id: str
    supplier: str
    recipient: str
    designation: str
    description: str
    category: str  # SIPRI armament category as written ("Air-defence systems")
    order_year: int
    order_year_estimate: bool | None  # None = flag empty (unknown)
    delivered: int
    delivered_estimate: bool | None
    delivery_year: int
    delivery_year_estimate: bool | None
    transfer_condition: str
    tiv_estimate: str | None  # base TIV of one new unit
    tiv_unit: str | None  # TIV per unit actually applied
    tiv_delivery: str | None  # TIV of this row, as given (never recomputed)
    local_production: bool | None


@dataclass(slots=True)
class TivRow:
    """One row of a TIV table: a country's yearly TIV (imports or exports, or one pair)."""

    line: int
    party: str  # the row's country (recipient in imports/legacy tables, supplier in exports)
    values: dict[int, str]  # year -> decimal lexical; "0" = under 0.5; absent = no deliveries


@dataclass
class ParsedFile:
    """A parsed export: provenance of the release plus its rows and skipped-row problems."""

    path: Path
    layout: str
    title: str
    generated: str | None  # as written after "Data generated:"
    generated_iso: str | None  # ISO 8601 date or date-time when the text parses
    content_hash: str  # sha256 of the file bytes
    encoding: str
    header_line: int
    physical_lines: int
    rows: list[DealRow] | list[DeliveryRow] | list[TivRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    #: tiv tables: "importer" or "exporter" (whose yearly totals the rows hold)
    tiv_role: str | None = None
    #: tiv-legacy: the supplier named in the title ("TIV of arms exports from India")
    tiv_counterpart: str | None = None

    @property
    def release_key(self) -> str:
        """Identity of the release: title + generation date + layout (never the file name)."""
        return "\x1f".join((self.title, self.generated or "", self.layout))


# --- low-level helpers -----------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (BOM stripped) if valid, else cp1252, else Latin-1.

    Why this order: the Oct 2024 register is Latin-1 (``Wärtsilä``) and cp1252 is a
    superset for the printable range; Latin-1 never fails, so the function never raises.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def split_lines(text: str) -> list[str]:
    """Physical lines without their CR/LF (only ``\\n``, ``\\r\\n`` and ``\\r`` end a line).

    ``str.splitlines`` is not used: it also splits on form feeds and Unicode separators
    that could occur inside Comments, which would shift every line number after them.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def split_fields(line: str) -> list[str]:
    """Fields of one line; a fast path for SIPRI's unquoted rows, csv for quoted ones."""
    if '"' not in line:
        return line.split(",")
    try:
        return next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return line.split(",")


def normalise_designation(text: str) -> str:
    """``"Scorpene -"`` -> ``"Scorpene"``, ``"Fleyta/Skorpion "`` -> ``"Fleyta/Skorpion"``.

    Prefers :func:`kg.vocab.reference.normalise_designation` (the project-wide rule) and falls
    back to the same rule locally so this module stays importable on its own.
    """
    try:
        from kg.vocab.reference import normalise_designation as _norm
    except ImportError:  # pragma: no cover - reference module always present in the package
        return _DESIGNATION_TAIL.sub("", " ".join(text.split())).strip()
    return _norm(text)


def parse_generated(text: str | None) -> str | None:
    """``"13 Oct 2024 2:20:11 PM"`` -> ``"2024-10-13T14:20:11"``; ``"28 July 2022"`` -> date."""
    if not text:
        return None
    for fmt in ("%d %b %Y %I:%M:%S %p", "%d %B %Y %I:%M:%S %p", "%d %b %Y %H:%M:%S", "%d %B %Y %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).isoformat()
        except ValueError:
            pass
    for fmt in ("%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    return None


def _flag_q(cell: str) -> bool:
    """16-column uncertainty column: ``?`` -> True, empty -> False."""
    return cell.strip() == "?"


def _flag_yes_no(cell: str, name: str) -> bool | None:
    """17-column estimate flag: Yes/No -> bool, empty -> None (unknown)."""
    value = cell.strip().lower()
    if value in ("yes", "y", "true", "1"):
        return True
    if value in ("no", "n", "false", "0"):
        return False
    if value == "":
        return None
    raise ValueError(f"{name} must be Yes, No or empty, not {cell.strip()!r}")


# The cell readers below are cached per distinct cell: a register repeats a few hundred
# years, quantities and TIV figures tens of thousands of times.  Only values are cached
# (the caches hold immutable results); a bad cell raises every time it is met.
_CELL_CACHE = 8192


@lru_cache(maxsize=_CELL_CACHE)
def _int(cell: str, name: str, optional: bool = False) -> int | None:
    value = cell.strip().rstrip("?").strip()
    if value == "":
        if optional:
            return None
        raise ValueError(f"{name} is empty")
    if not _INT.match(value):
        raise ValueError(f"{name} is not a whole number: {cell.strip()[:40]!r}")
    return int(value)


@lru_cache(maxsize=_CELL_CACHE)
def _year(cell: str, name: str) -> int:
    value = cell.strip().rstrip("?").strip()
    if not _YEAR.match(value):
        raise ValueError(f"{name} is not a year: {cell.strip()[:40]!r}")
    return int(value)


@lru_cache(maxsize=_CELL_CACHE)
def _decimal(cell: str, name: str) -> str | None:
    """Decimal lexical form (``"0.25"``), leading zero added to ``".5"``; empty -> None."""
    value = cell.strip()
    if value == "":
        return None
    if not _DECIMAL.match(value):
        raise ValueError(f"{name} is not a number: {value[:40]!r}")
    return "0" + value if value.startswith(".") else value


@lru_cache(maxsize=_CELL_CACHE)
def _years_cell(cell: str) -> tuple[tuple[int, ...], str]:
    """``"2005; 2006; 2007"`` -> ((2005, 2006, 2007), ``"2005; 2006; 2007"``), the text
    re-joined in SIPRI's spelling; raises on anything but years."""
    years = tuple(_year(part, "Year(s) of delivery") for part in cell.split(";") if part.strip())
    return years, "; ".join(str(y) for y in years)


def _years(cell: str) -> list[int]:
    """``"2005; 2006; 2007"`` -> [2005, 2006, 2007]; raises on anything but years."""
    return list(_years_cell(cell)[0])


@lru_cache(maxsize=_CELL_CACHE)
def _spaced(cell: str) -> str:
    """Runs of white space as one space, ends stripped (descriptions, conditions)."""
    return " ".join(cell.split())


_designation = lru_cache(maxsize=_CELL_CACHE)(normalise_designation)


# --- header detection ------------------------------------------------------------------


def _norm_header(cells: list[str]) -> tuple[str, ...]:
    return tuple(c.strip().lower() for c in cells)


def detect_layout(header: list[str]) -> str | None:
    """Layout key for a header row, or None when it is no header at all."""
    cells = _norm_header(header)
    if cells == REGISTER_16_COLUMNS:
        return "register-16"
    if cells == REGISTER_17_COLUMNS:
        return "register-17"
    if len(cells) >= 3 and cells[0] in ("recipient", "exports by", "imports by") and _YEAR.match(cells[1]):
        return "tiv-table"
    if len(cells) >= 3 and cells[0] == "" and _YEAR.match(cells[1]):
        return "tiv-legacy"
    return None


def _looks_like_header(cells: tuple[str, ...]) -> str | None:
    """A near-miss header (right first cells, wrong columns): which layout it resembles."""
    if cells[:3] == REGISTER_16_COLUMNS[:3]:
        return "register-16"
    if cells[:1] == REGISTER_17_COLUMNS[:1]:
        return "register-17"
    if cells[:1] == ("tidn",):
        return "legacy-raw"
    return None


def _known_layouts() -> str:
    return "; ".join(f"{k}: {v}" for k, v in LAYOUTS.items())


# --- row parsers -----------------------------------------------------------------------


def _deal_row(f: list[str], line: int, ordinal: int) -> DealRow:
    years, years_text = _years_cell(f[10])
    return DealRow(
        line=line,
        ordinal=ordinal,
        recipient=f[0].strip(),
        supplier=f[1].strip(),
        order_year=_year(f[2], "Year of order"),
        order_year_uncertain=_flag_q(f[3]),
        number_ordered=_int(f[4], "Number ordered", True),
        number_ordered_uncertain=_flag_q(f[5]),
        designation=_designation(f[6]),
        description=_spaced(f[7]),
        number_delivered=_int(f[8], "Number delivered", True),
        number_delivered_uncertain=_flag_q(f[9]),
        delivery_years=list(years),
        delivery_years_text=years_text,
        transfer_condition=_spaced(f[11]),
        comments=" ".join(f[12].split()),
        tiv_per_unit=_decimal(f[13], "SIPRI TIV per unit"),
        tiv_total_order=_decimal(f[14], "SIPRI TIV for total order"),
        tiv_delivered=_decimal(f[15], "SIPRI TIV of delivered weapons"),
    )


def _delivery_row(f: list[str], line: int, ordinal: int) -> DeliveryRow:
    deal_id = f[0].strip()
    if not _INT.match(deal_id):
        raise ValueError(f"SIPRI AT Database ID is not a number: {deal_id[:40]!r}")
    delivered = _int(f[8], "Numbers delivered")
    assert delivered is not None
    return DeliveryRow(
        line=line,
        deal_id=deal_id,
        supplier=f[1].strip(),
        recipient=f[2].strip(),
        designation=_designation(f[3]),
        description=_spaced(f[4]),
        category=_spaced(f[5]),
        order_year=_year(f[6], "Order date"),
        order_year_estimate=_flag_yes_no(f[7], "Order date is estimate"),
        delivered=delivered,
        delivered_estimate=_flag_yes_no(f[9], "Numbers delivered is estimate"),
        delivery_year=_year(f[10], "Delivery year"),
        delivery_year_estimate=_flag_yes_no(f[11], "Delivery year is estimate"),
        transfer_condition=_spaced(f[12]),
        tiv_estimate=_decimal(f[13], "SIPRI estimate"),
        tiv_unit=_decimal(f[14], "TIV deal unit"),
        tiv_delivery=_decimal(f[15], "TIV delivery values"),
        local_production=_flag_yes_no(f[16], "Local production"),
    )


_ROW_PARSERS: dict[str, tuple[int, Callable[[list[str], int, int], object]]] = {
    "register-16": (16, _deal_row),
    "register-17": (17, _delivery_row),
}


def _register_rows(
    lines: list[str], start: int, layout: str, strip_semicolon: bool
) -> tuple[list, list[RowProblem]]:
    """Parse register records from ``lines[start:]`` (0-based index; reported 1-based).

    A line with too few fields is joined with the following line(s) while the joined
    record does not exceed the expected width: that repairs records broken by a raw
    newline inside Comments.  If the join cannot reach the exact width the first line is
    reported and parsing resumes at the next line (nothing good is swallowed).
    """
    width, parse = _ROW_PARSERS[layout]
    rows: list = []
    problems: list[RowProblem] = []
    n = len(lines)
    i = start
    ordinal = 0

    def clean(k: int) -> str:
        text = lines[k]
        if strip_semicolon and text.endswith(";"):
            text = text[:-1]
        return text

    while i < n:
        text = clean(i)
        if not text.strip(" ,"):  # blank (or all-empty-fields) line: not a record
            i += 1
            continue
        fields = split_fields(text)
        used = 1
        if len(fields) < width:
            joined, j = text, i + 1
            while j < n and len(fields) < width:
                if len(split_fields(clean(j))) == width:
                    break  # a whole record of its own is never swallowed as a continuation
                candidate = joined + "\n" + clean(j)
                cand_fields = split_fields(candidate)
                if len(cand_fields) > width:
                    break
                joined, fields, j = candidate, cand_fields, j + 1
            if len(fields) == width:
                used = j - i
            else:
                fields = split_fields(text)
        if len(fields) != width:
            problems.append(RowProblem(i + 1, f"expected {width} fields, found {len(fields)}"))
            i += 1
            continue
        ordinal += 1
        try:
            rows.append(parse(fields, i + 1, ordinal))
        except ValueError as exc:
            problems.append(RowProblem(i + 1, str(exc)))
        i += used
    return rows, problems


def _tiv_rows(lines: list[str], start: int, width: int, strip_semicolon: bool, years: dict[int, int]):
    """Rows of a TIV table: the country cell plus one value per year column."""
    rows: list[TivRow] = []
    problems: list[RowProblem] = []
    for k in range(start, len(lines)):
        text = lines[k]
        if strip_semicolon and text.endswith(";"):
            text = text[:-1]
        fields = split_fields(text)
        name = fields[0].strip() if fields else ""
        if not name:
            continue  # blank separator line before the Total row
        if name.lower().startswith("total"):
            continue  # world / file totals are sums, not observations
        if len(fields) < max(years.values(), default=0) + 1:
            problems.append(RowProblem(k + 1, f"expected {width} fields, found {len(fields)}"))
            continue
        values: dict[int, str] = {}
        try:
            for year, col in years.items():
                value = _decimal(fields[col], f"TIV for {year}")
                if value is not None:
                    values[year] = value
        except ValueError as exc:
            problems.append(RowProblem(k + 1, str(exc)))
            continue
        rows.append(TivRow(line=k + 1, party=name, values=values))
    return rows, problems


# --- entry point -----------------------------------------------------------------------


def parse_bytes(data: bytes, path: str | Path = "<data>") -> ParsedFile:
    """Detect the layout of an export and parse every row.

    Raises :class:`LayoutError` when the file as a whole is unusable: no recognisable
    header in the first lines, a header that resembles a known one but has other columns,
    the pre-2023 raw layout, or a preamble without its header (truncated file).
    """
    text, encoding = decode(data)
    lines = split_lines(text)
    title = ""
    generated: str | None = None
    header_idx: int | None = None
    layout: str | None = None
    header_cells: list[str] = []
    for k, raw in enumerate(lines[:HEADER_SCAN_LINES]):
        line = raw[:-1] if raw.endswith(";") else raw
        cells = split_fields(line)
        first = cells[0].strip() if cells else ""
        if not title and first:
            title = first
        match = _GENERATED.match(first)
        if match:
            generated = match.group(1).rstrip(";").strip()
            continue
        layout = detect_layout(cells)
        if layout:
            header_idx, header_cells = k, cells
            break
        near = _looks_like_header(_norm_header(cells))
        if near == "legacy-raw":
            raise LayoutError(
                "the pre-2023 raw SIPRI export (header 'tidn,buyercod,...') is not supported; "
                f"known layouts: {_known_layouts()}",
                k + 1,
            )
        if near:
            raise LayoutError(
                f"header resembles the {LAYOUTS[near]} but its columns differ "
                f"({len(cells)} columns: {', '.join(c.strip() or '(blank)' for c in cells)[:300]})",
                k + 1,
            )
    if layout is None or header_idx is None:
        what = "no header line found" if lines else "the file is empty"
        raise LayoutError(
            f"unknown layout: {what} in the first {HEADER_SCAN_LINES} lines; known layouts: {_known_layouts()}"
        )
    strip_semicolon = lines[header_idx].endswith(";")
    parsed = ParsedFile(
        path=Path(path),
        layout=layout,
        title=title,
        generated=generated,
        generated_iso=parse_generated(generated),
        content_hash=_content_hash(data),
        encoding=encoding,
        header_line=header_idx + 1,
        physical_lines=len(lines),
    )
    if layout in _ROW_PARSERS:
        parsed.rows, parsed.problems = _register_rows(lines, header_idx + 1, layout, strip_semicolon)
    else:
        cells = _norm_header(header_cells)
        years = {int(c): i for i, c in enumerate(cells) if i > 0 and _YEAR.match(c)}
        parsed.rows, parsed.problems = _tiv_rows(lines, header_idx + 1, len(cells), strip_semicolon, years)
        if layout == "tiv-table":
            parsed.tiv_role = "exporter" if cells[0] == "exports by" else "importer"
        else:
            # "TIV of arms exports from India, 1950-2021": rows are recipients of India.
            parsed.tiv_role = "importer"
            m = re.match(r"TIV of arms (exports|imports) (?:from|to) (.+?),\s*\d{4}", title)
            if m:
                parsed.tiv_counterpart = m.group(2).strip()
                parsed.tiv_role = "importer" if m.group(1) == "exports" else "exporter"
    return parsed


def parse_file(path: str | Path) -> ParsedFile:
    """Read and parse one export file (see :func:`parse_bytes`)."""
    p = Path(path)
    return parse_bytes(p.read_bytes(), p)
