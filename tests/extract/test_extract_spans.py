"""Spans kept exact by the speed-ups: ``shifted`` equals ``dataclasses.replace`` field by field,
and the sentence-end pattern matches what its first formulation matched.

The hot path builds the shifted copy with a plain constructor call; a field added to the class
later and forgotten there makes this test fail instead of silently dropping the field.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.dates import DateMention, find_dates
from kg.extract.quantities import NumberMention, find_numbers
from kg.extract.sentences import _END

TEXT = "On 3 March 2021 the army ordered 24 howitzers; twelve more follow by next year, 5 in May."


@given(by=st.integers(min_value=-10_000, max_value=10_000))
def test_shifted_dates_equal_replace(by):
    found = find_dates(TEXT, date(2025, 6, 1))
    assert found
    for d in found:
        assert d.shifted(by) == replace(d, start=d.start + by, end=d.end + by)
    assert {f.name for f in fields(DateMention)} == {
        "text",
        "start",
        "end",
        "value",
        "granularity",
        "qualifier",
        "relative",
    }


@given(by=st.integers(min_value=-10_000, max_value=10_000))
def test_shifted_numbers_equal_replace(by):
    found = find_numbers(TEXT)
    assert found
    for n in found:
        assert n.shifted(by) == replace(n, start=n.start + by, end=n.end + by)
    assert {f.name for f in fields(NumberMention)} == {"value", "text", "start", "end"}


# the sentence-end pattern as first written (lookbehind first); _END matches the first mark
# before its lookbehind so the engine skips other positions faster: the matches must not change
_END_REFERENCE = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d+\.)\s)")


@settings(max_examples=300)
@given(st.text(alphabet='.!? \n\tab"”’)]-*+1A', max_size=40))
def test_sentence_end_pattern_matches_its_reference(text):
    assert [m.span() for m in _END.finditer(text)] == [m.span() for m in _END_REFERENCE.finditer(text)]


def test_a_long_run_of_marks_is_one_match():
    text = "x" + "." * 5000 + " Next"
    assert [m.span() for m in _END.finditer(text)] == [(1, 5001)]
