"""The guarded money scan finds exactly what the plain money pattern finds, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import money
from kg.extract.money import _MONEY_RE, _MONEY_RX, find_money


def _plain(text: str) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in _MONEY_RE.finditer(text)]


def _guarded(text: str) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in _MONEY_RX.finditer(text)]


def test_the_scan_is_guarded() -> None:
    # the point of the rewrite: without the guard the comparisons below would compare a pattern with itself
    assert _MONEY_RX.ci.pattern != _MONEY_RE.pattern
    assert _MONEY_RX.ci.pattern.startswith(money._LEAD + "(?=")


# prefixes and suffixes in several cases, scales, numbers, glue, and characters that fold oddly under
# re.IGNORECASE: long s ("Euroſ"), Kelvin sign ("\u212aRW"), unicode digits, combining marks
PIECES = [
    "$",
    "US$",
    "U.S.$",
    "usd",
    "USD",
    "€",
    "EUR",
    "Euros",
    "Euroſ",
    "Rs",
    "Rs.",
    "rs",
    "₹",
    "\u212aRW",
    "KRW",
    "NT$",
    "5",
    "5.4",
    "40,000",
    "1,30,000",
    "\u0665\u0660",
    "billion",
    "bn",
    "m",
    "crore",
    "lakh crore",
    "thouſand",
    "dollars",
    "u.s. dollars",
    "new zealand dollars",
    "won",
    "e\u0301",
    "İ",
    "x",
]
glue = st.sampled_from(["", " ", "-", "  ", "\n", ",", "."])
texts = st.lists(st.tuples(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), glue), max_size=12).map(
    lambda pairs: "".join(a + b for a, b in pairs)
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_guarded_scan_matches_the_plain_pattern(text: str) -> None:
    assert _guarded(text) == _plain(text)


def test_guarded_scan_finds_money_and_keeps_non_money_out() -> None:
    text = "India will pay Rs 63,000 crore, US$1.2bn and 300 million euros; rs 5 and Euro 2024 are not money."
    assert _guarded(text) == _plain(text)
    assert [(str(m.amount), m.currency) for m in find_money(text)] == [
        ("630000000000", "INR"),
        ("1200000000.0", "USD"),
        ("300000000", "EUR"),
    ]
