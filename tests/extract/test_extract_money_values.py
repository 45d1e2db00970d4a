"""Deal values of real news, each pattern in our own words (never text of ``../shared/eval``).

A price written in front of the deal noun ("the $3 billion deal was meant to ...") in the
sentence after a deal refers back to that deal, as "the deal is worth $3 billion" already does.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text

PUB = date(2025, 6, 1)
DEAL = "Greece ordered six Rafale jets from France in 2021. "


def _values(text: str) -> set[tuple]:
    """(supplier, buyer, system, value) of every non-negated claim with a system."""
    out = set()
    for claim in extract_text(text, PUB):
        c = claim.to_dict()
        if claim.negated or not c["system"]:
            continue
        v = c["value"]
        out.add(
            (
                c["supplier"]["iso3"] if c["supplier"] else None,
                c["buyer"]["iso3"],
                c["system"]["name"],
                (v["amount"], v["currency"]) if v else None,
            )
        )
    return out


@pytest.mark.parametrize(
    ("price", "amount", "currency"),
    [
        ("$3 billion", 3e9, "USD"),
        ("$2.5 billion", 2.5e9, "USD"),
        ("€400 million", 4e8, "EUR"),
        ("US$750 million", 7.5e8, "USD"),
    ],
)
@pytest.mark.parametrize("noun", ["deal", "contract", "agreement", "order"])
def test_a_price_before_the_deal_noun_in_the_next_sentence_is_the_deals_value(price, amount, currency, noun):
    text = DEAL + f"The {price} {noun} was intended to strengthen the air force."
    assert _values(text) == {("FRA", "GRC", "Rafale", (amount, currency))}


def test_a_price_before_the_deal_noun_of_a_delivery_in_progress():
    text = (
        "France will finish delivering the six Rafale jets ordered by Greece in 2021. "
        "The $3 billion deal was meant to replace older fighters."
    )
    assert ("FRA", "GRC", "Rafale", (3e9, "USD")) in _values(text)


@pytest.mark.parametrize(
    "after",
    [
        "The air force was meant to replace older fighters.",  # no price at all
        "The $3 billion budget was meant to cover fuel.",  # a price, but not of a deal
        "The 3 squadrons were meant to replace older fighters.",  # a number, not a price
    ],
)
def test_no_value_without_a_price_in_front_of_a_deal_noun(after):
    assert _values(DEAL + after) == {("FRA", "GRC", "Rafale", None)}


@settings(max_examples=30, deadline=None)
@given(
    amount=st.integers(min_value=2, max_value=900),
    scale=st.sampled_from([("million", 1e6), ("billion", 1e9)]),
    noun=st.sampled_from(["deal", "contract", "agreement", "purchase", "sale"]),
)
def test_any_price_before_a_deal_noun_is_carried(amount, scale, noun):
    text = DEAL + f"The ${amount} {scale[0]} {noun} was intended to strengthen the air force."
    assert _values(text) == {("FRA", "GRC", "Rafale", (amount * scale[1], "USD"))}


# Unicode case folding: under re.IGNORECASE the long s (U+017F) matches "s" and the Kelvin sign
# (U+212A) matches "k", so a currency or scale word written with them reaches the lookup tables in
# a form lower() does not map back (find_money raised KeyError on "Euroſ 5").
@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Euro\u017f 5 billion", 5_000_000_000, "EUR"),
        ("5 thou\u017fand dollar\u017f", 5_000, "USD"),
        ("300 million euro\u017f", 300_000_000, "EUR"),
    ],
)
def test_folded_letters_in_currency_and_scale_words(text: str, amount: int, currency: str) -> None:
    from kg.extract.money import find_money

    (m,) = find_money(text)
    assert (m.amount, m.currency) == (amount, currency)


@given(
    st.lists(
        st.sampled_from(
            [
                "Euro",
                "euros",
                "\u017f",
                "\u212a",
                "K",
                "$",
                "Rs",
                "EUR",
                "5",
                "3.5",
                " ",
                "billion",
                "thousand",
                "dollar",
                "m",
                "bn",
                "crore",
                ",",
                "\u0130",
                "\u0131",
            ]
        ),
        max_size=12,
    ).map("".join)
)
@settings(max_examples=300, deadline=None)
def test_find_money_never_raises_and_keeps_offsets(text: str) -> None:
    from kg.extract.money import find_money

    for m in find_money(text):
        assert text[m.start : m.end] == m.text and m.amount > 0
