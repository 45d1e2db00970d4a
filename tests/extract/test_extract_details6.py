"""Counts and sums of real-news deal sentences (helper details6), each pattern in our own words
(never text of ``../shared/eval`` or the labelled sets).

Each test names the wording and fails without the rule it guards.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract_text
from kg.extract.money import find_money, local_currency

PUB = date(2025, 6, 1)


def _claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract_text(text, PUB) if not c.negated]


def _values(text: str, buyer: str) -> set[tuple]:
    """(amount, currency) of the claims of ``buyer`` that carry a value."""
    return {
        (c["value"]["amount"], c["value"]["currency"])
        for c in _claims(text)
        if c["buyer"]["iso3"] == buyer and c["value"]
    }


# --- a currency word several states share is the deal party's own -------------------------


@pytest.mark.parametrize(
    "buyer_name, buyer, supplier_name, word, currency",
    [
        ("Denmark", "DNK", "France", "crowns", "DKK"),
        ("Norway", "NOR", "Germany", "crowns", "NOK"),
        ("The Czech Republic", "CZE", "Sweden", "crowns", "CZK"),
        ("Chile", "CHL", "Spain", "pesos", "CLP"),
        ("Mexico", "MEX", "France", "pesos", "MXN"),
        ("Pakistan", "PAK", "China", "rupees", "PKR"),
        ("Morocco", "MAR", "France", "dirhams", "MAD"),
    ],
)
def test_shared_currency_word_is_the_buyers_currency(
    buyer_name: str, buyer: str, supplier_name: str, word: str, currency: str
) -> None:
    text = f"{buyer_name} has signed a contract with {supplier_name} for 12 Caesar howitzers worth 3 billion {word}."
    assert _values(text, buyer) == {(3_000_000_000, currency)}


def test_shared_currency_word_falls_back_to_the_suppliers_currency() -> None:
    text = "Thailand has signed a contract with Sweden for four Gripen jets worth 5 billion crowns."
    assert _values(text, "THA") == {(5_000_000_000, "SEK")}


def test_shared_word_with_no_default_and_no_party_using_it_is_no_value() -> None:
    (mo,) = find_money("about 7 billion pesos")
    assert local_currency(mo, ["FRA", "DEU"]) is None
    assert local_currency(mo, ["ARG"]) is not None and local_currency(mo, ["ARG"]).currency == "ARS"


def test_own_currency_sums_are_not_reread() -> None:
    (mo,) = find_money("$2 billion")
    assert local_currency(mo, ["CZE"]) == mo
