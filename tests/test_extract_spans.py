"""``shifted`` (article to sentence offsets) equals ``dataclasses.replace`` of the span, field by field.

The hot path builds the shifted copy with a plain constructor call; a field added to the class
later and forgotten there makes this test fail instead of silently dropping the field.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.dates import DateMention, find_dates
from kg.extract.quantities import NumberMention, find_numbers

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
