"""SIPRI export parsing: layout detection and every documented quirk (fixtures we wrote)."""

from __future__ import annotations

import pytest
from helpers.paths import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.sipri.formats import (
    LAYOUTS,
    REGISTER_16_COLUMNS,
    LayoutError,
    _deal_row,
    _delivery_row,
    decode,
    parse_bytes,
    parse_file,
    parse_generated,
    split_lines,
)

FIX = FIXTURES / "sipri"


@pytest.fixture(scope="module")
def f16():
    return parse_file(FIX / "register16_latin1.csv")


@pytest.fixture(scope="module")
def f17():
    return parse_file(FIX / "register17_crlf.csv")


def by_line(parsed, line):
    [row] = [r for r in parsed.rows if r.line == line]
    return row


# --- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "layout", "header_line"),
    [
        ("register16_latin1.csv", "register-16", 6),
        ("register17_crlf.csv", "register-17", 6),
        ("tiv_imports.csv", "tiv-table", 8),
        ("tiv_legacy.csv", "tiv-legacy", 8),
    ],
)
def test_layout_detected_from_header_content(name, layout, header_line):
    parsed = parse_file(FIX / name)
    assert parsed.layout == layout
    assert parsed.header_line == header_line


def test_layout_does_not_depend_on_line_numbers():
    """The same register with a longer preamble is still found (header found by content)."""
    data = (FIX / "register16_latin1.csv").read_bytes()
    longer = b"an extra note line\nanother one\n" + data
    parsed = parse_bytes(longer)
    assert parsed.layout == "register-16"
    assert parsed.header_line == 8
    assert [r.line for r in parsed.rows] == [r.line + 2 for r in parse_bytes(data).rows]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unknown_layout.csv", "unknown layout"),
        ("truncated_preamble.csv", "unknown layout"),
    ],
)
def test_unusable_files_are_refused_naming_known_layouts(name, expected):
    with pytest.raises(LayoutError) as info:
        parse_file(FIX / name)
    assert expected in info.value.message
    for key in LAYOUTS:
        assert key in info.value.message


def test_header_with_wrong_columns_is_refused_with_its_line():
    header = ",".join(c or " " for c in REGISTER_16_COLUMNS[:-1])  # one column missing
    data = f"Title\nData generated: 1 Jan 2025\n{header}\nIndia,Russia,2018\n".encode()
    with pytest.raises(LayoutError) as info:
        parse_bytes(data)
    assert info.value.line == 3
    assert "columns differ" in info.value.message


def test_legacy_raw_layout_is_refused_explicitly():
    data = b"tidn,buyercod,sellercod,odat\n58981,CZR,AST,2017\n"
    with pytest.raises(LayoutError, match="pre-2023 raw"):
        parse_bytes(data)


def test_empty_file_is_refused():
    with pytest.raises(LayoutError, match="empty"):
        parse_bytes(b"")


# --- provenance ----------------------------------------------------------------------------


def test_title_and_generated_date_kept(f16, f17):
    assert f16.title.startswith("Transfers of major conventional arms (kg test fixture)")
    assert f16.generated == "13 Oct 2024 2:20:11 PM"
    assert f16.generated_iso == "2024-10-13T14:20:11"
    assert f17.generated_iso == "2026-02-12T12:26:12"
    assert f17.title.endswith("'2025'")  # trailing ';' stripped
    assert f16.release_key != f17.release_key


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("13 Oct 2024 2:20:11 PM", "2024-10-13T14:20:11"),
        ("12 Feb 2026 12:26:12 PM", "2026-02-12T12:26:12"),
        ("28 July 2022", "2022-07-28"),
        ("sometime", None),
        (None, None),
    ],
)
def test_generated_dates(text, iso):
    assert parse_generated(text) == iso


# --- encodings and line endings --------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Wärtsilä".encode("latin-1"), "Wärtsilä", "cp1252"),
        ("Wärtsilä".encode(), "Wärtsilä", "utf-8"),
        (b"\xef\xbb\xbfRecipient", "Recipient", "utf-8"),
        (b"\x81\x8d", "\x81\x8d", "latin-1"),  # undefined in cp1252: Latin-1 never fails
    ],
)
def test_decode(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_latin1_register_decoded(f16):
    row = by_line(f16, 9)
    assert row.designation == "Wärtsilä WV-8"
    assert f16.encoding == "cp1252"


def test_utf8_copy_of_the_same_register_gives_the_same_rows(f16):
    text = (FIX / "register16_latin1.csv").read_bytes().decode("latin-1")
    utf8 = parse_bytes(text.encode("utf-8"))
    assert [r.designation for r in utf8.rows] == [r.designation for r in f16.rows]


def test_crlf_and_trailing_semicolon(f17):
    assert f17.encoding == "utf-8"
    row = by_line(f17, 7)
    assert row.local_production is True  # last field, would be 'Yes;' without stripping
    assert row.deal_id == "58668"


def test_split_lines_keeps_line_numbers_for_odd_separators():
    # A form feed or Unicode line separator inside a field must not make a new line.
    assert split_lines("a\x0cb\u2028c\r\nd\re\n") == ["a\x0cb\u2028c", "d", "e"]


# --- 16-column quirks ---------------------------------------------------------------------------


def test_broken_record_rejoined(f16):
    row = by_line(f16, 10)
    assert row.designation == "BTR-3"
    assert row.comments.endswith("for other engines")
    assert (row.tiv_per_unit, row.tiv_total_order, row.tiv_delivered) == ("0.25", "3.5", "3.25")
    assert 11 not in {r.line for r in f16.rows}  # the continuation line is not a record


def test_blank_named_uncertainty_columns(f16):
    s400 = by_line(f16, 7)
    assert (s400.order_year_uncertain, s400.number_ordered_uncertain, s400.number_delivered_uncertain) == (
        False,
        False,
        True,
    )
    barak = by_line(f16, 8)
    assert barak.order_year_uncertain is True


def test_empty_number_ordered_is_unknown_not_zero(f16):
    barak = by_line(f16, 8)
    assert barak.number_ordered is None
    assert barak.tiv_total_order == "0"  # SIPRI writes 0 there; the importer ignores it


def test_tiv_zero_kept_as_zero(f16):
    assert by_line(f16, 9).tiv_delivered == "0"
    assert by_line(f16, 17).tiv_delivered is None  # empty: nothing delivered


def test_designation_tail_and_spaces_removed(f16):
    assert by_line(f16, 9).designation == "Wärtsilä WV-8"
    assert by_line(f16, 17).designation == "Hangor"


def test_delivery_year_list(f16):
    row = by_line(f16, 16)
    assert row.delivery_years == [2019, 2020, 2021, 2022]
    assert row.delivery_years_text == "2019; 2020; 2021; 2022"
    assert by_line(f16, 17).delivery_years == []


def test_malformed_rows_reported_with_physical_line(f16):
    problems = {p.line: p.reason for p in f16.problems}
    assert set(problems) == {14, 15}
    assert "Number ordered is not a whole number" in problems[14]
    assert "expected 16 fields, found 7" in problems[15]
    # the good record after the short one is still read
    assert by_line(f16, 16).designation == "Rafale"
    assert len(f16.rows) == 8  # lines 7, 8, 9, 10(+11), 12, 13, 16, 17


def test_truncated_last_row_reported(tmp_path):
    data = (FIX / "register16_latin1.csv").read_bytes()
    cut = data[: data.rindex(b"$3-5.4 b")]  # cut in the middle of the last record
    parsed = parse_bytes(cut, tmp_path / "cut.csv")
    assert [p.line for p in parsed.problems] == [14, 15, 17]
    assert "found 13" in parsed.problems[-1].reason


# --- 17-column quirks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "order_est", "delivered_est", "year_est"),
    [(7, False, True, False), (9, False, False, False), (10, None, None, None)],
)
def test_yes_no_empty_estimate_flags(f17, line, order_est, delivered_est, year_est):
    row = by_line(f17, line)
    assert (row.order_year_estimate, row.delivered_estimate, row.delivery_year_estimate) == (
        order_est,
        delivered_est,
        year_est,
    )


def test_register17_values(f17):
    row = by_line(f17, 10)
    assert row.designation == "Bushmaster"  # ' -' stripped
    assert (row.tiv_estimate, row.tiv_unit, row.tiv_delivery) == ("0.35", "0.14", "1.96")
    assert row.category == "Armoured vehicles"
    problems = {p.line: p.reason for p in f17.problems}
    assert set(problems) == {11, 12, 13}
    assert "Numbers delivered is not a whole number" in problems[11]
    assert "expected 17 fields, found 5" in problems[12]
    assert "Order date is estimate must be Yes, No or empty" in problems[13]


# --- TIV tables -----------------------------------------------------------------------------------


def test_tiv_table_values_and_zero():
    parsed = parse_file(FIX / "tiv_imports.csv")
    assert parsed.tiv_role == "importer"
    rows = {r.party: r for r in parsed.rows}
    assert set(rows) == {"India", "Saudi Arabia"}  # 'Total world import' is not a country
    assert rows["India"].values == {2021: "3959", 2022: "2582", 2023: "1428"}
    assert rows["Saudi Arabia"].values == {2021: "0", 2023: "7"}  # '0 ' = under 0.5; empty = none


def test_exports_table_role():
    data = (FIX / "tiv_imports.csv").read_bytes().replace(b"Recipient,", b"Exports by,")
    assert parse_bytes(data).tiv_role == "exporter"


def test_legacy_tiv_table():
    parsed = parse_file(FIX / "tiv_legacy.csv")
    assert parsed.title == "TIV of arms exports from India, 2020-2021"
    assert parsed.generated_iso == "2022-07-28"
    assert parsed.tiv_counterpart == "India"
    assert parsed.tiv_role == "importer"
    assert {r.party: r.values for r in parsed.rows} == {
        "Afghanistan": {2020: "12", 2021: "3"},
        "Sri Lanka": {2020: "0"},
    }


# --- robustness -------------------------------------------------------------------------------------

FIELD = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(FIELD, min_size=16, max_size=16))
def test_register16_row_parser_never_crashes(fields):
    try:
        row = _deal_row(fields, 1, 1)
    except ValueError:
        return
    assert row.line == 1


@settings(max_examples=300, deadline=None)
@given(st.lists(FIELD, min_size=17, max_size=17))
def test_register17_row_parser_never_crashes(fields):
    try:
        row = _delivery_row(fields, 1, 1)
    except ValueError:
        return
    assert row.delivered >= 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=8))
def test_whole_file_parser_never_crashes_on_arbitrary_rows(lines):
    header = ",".join(c or " " for c in REGISTER_16_COLUMNS)
    body = "\n".join(lines)
    data = ("Title\nData generated: 1 Jan 2025\n" + header + "\n" + body).encode("utf-8")
    parsed = parse_bytes(data)
    # every physical line after the header is a record, part of one, blank, or a problem
    assert len(parsed.rows) + len(parsed.problems) <= len(split_lines(body))
    assert all(p.line >= 4 for p in parsed.problems)
