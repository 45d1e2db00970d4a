"""Deal values in SIPRI Comments -> amount, currency (ISO 4217), USD figure, range."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.sipri.values import parse_value

D = Decimal


@pytest.mark.parametrize(
    ("comments", "text", "amount", "amount_max", "currency", "usd"),
    [
        (
            "INR390 b ($5.4 b) deal; delivery planned 2021-2024",
            "INR390 b ($5.4 b) deal",
            D("390e9"),
            None,
            "INR",
            D("5.4e9"),
        ),
        ("EUR7.8 b deal", "EUR7.8 b deal", D("7.8e9"), None, "EUR", None),
        ("$3-5.4 b deal; Su-30 MKI version", "$3-5.4 b deal", D("3e9"), D("5.4e9"), "USD", D("3e9")),
        ("$45 m deal", "$45 m deal", D("45e6"), None, "USD", D("45e6")),
        ("Deal worth $20 m", "Deal worth $20 m", D("20e6"), None, "USD", D("20e6")),
        ("GBP65 m ($106 m) deal", "GBP65 m ($106 m) deal", D("65e6"), None, "GBP", D("106e6")),
        ("FFR200 m ($30 m) deal", "FFR200 m ($30 m) deal", D("200e6"), None, "FRF", D("30e6")),
        ("DM552 m ($104 m) deal", "DM552 m ($104 m) deal", D("552e6"), None, "DEM", D("104e6")),
        ("$590 m 'FMF' aid", "$590 m 'FMF' aid", D("590e6"), None, "USD", D("590e6")),
        ("$4.9 m 5-year lease", "$4.9 m 5-year lease", D("4.9e6"), None, "USD", D("4.9e6")),
        ("$12m deal", "$12m deal", D("12e6"), None, "USD", D("12e6")),
        ("aid; $8 m deal", "$8 m deal", D("8e6"), None, "USD", D("8e6")),
    ],
)
def test_values(comments, text, amount, amount_max, currency, usd):
    value = parse_value(comments)
    assert value is not None
    assert value.text == text
    assert value.amount == amount
    assert value.amount_max == amount_max
    assert value.currency == currency
    assert value.usd == usd
    assert not value.part_of


@pytest.mark.parametrize(
    "comments",
    ["Part of $88 m deal", "part of EUR270 m ($333 m) deal", "Part of $675-703 m deal (offsets $845 m)"],
)
def test_part_of_a_package_keeps_text_but_no_amount(comments):
    value = parse_value(comments)
    assert value is not None and value.part_of
    assert value.amount is None and value.usd is None
    assert value.text == comments


@pytest.mark.parametrize(
    "comments",
    [
        "",
        "financed by USA",
        "Su-30 MKI version; produced under licence in India",
        "delivery planned 2021-2024",
        "offsets $845 m",
        "incl 20 for $3 m",  # no noun saying what the amount is
    ],
)
def test_no_value(comments):
    assert parse_value(comments) is None


def test_unknown_currency_keeps_text_only():
    value = parse_value("QAT27.5 b ($7.6 b) deal")
    assert value is not None
    assert value.amount is None and value.currency is None
    assert value.usd == D("7.6e9")  # the dollar figure is still stated


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_never_crashes(text):
    value = parse_value(text)
    if value is not None:
        assert value.text in text
        assert value.amount is None or value.amount >= 0
