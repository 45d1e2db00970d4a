"""The one list of month and weekday names (kg.vocab.months) and its users agree."""

from __future__ import annotations

from datetime import date

from kg.extract.dates import MONTHS, WEEKDAYS, find_dates
from kg.vocab.months import CALENDAR_WORDS, MONTH_NAMES, WEEKDAY_NAMES


def test_month_names_are_numbered_from_january() -> None:
    assert len(MONTH_NAMES) == 12 and MONTH_NAMES[0] == "january" and MONTH_NAMES[11] == "december"
    for i, name in enumerate(MONTH_NAMES, 1):
        assert date(2024, i, 1).strftime("%B").lower() == name
        assert MONTHS[name] == MONTHS[name[:3]] == i
    assert MONTHS["sept"] == 9


def test_weekday_names_follow_date_weekday() -> None:
    for day in range(1, 8):
        d = date(2024, 7, day)
        assert WEEKDAY_NAMES[d.weekday()] == d.strftime("%A").lower()
        assert WEEKDAYS[WEEKDAY_NAMES[d.weekday()]] == d.weekday()


def test_calendar_words_are_months_and_weekdays_only() -> None:
    assert set(MONTH_NAMES) | set(WEEKDAY_NAMES) == CALENDAR_WORDS
    assert len(CALENDAR_WORDS) == 19


def test_every_month_name_parses_as_a_date() -> None:
    for i, name in enumerate(MONTH_NAMES, 1):
        found = find_dates(f"The contract was signed on {name.capitalize()} 3, 2021.", date(2024, 1, 1))
        assert [d.value for d in found] == [f"2021-{i:02d}-03"]
