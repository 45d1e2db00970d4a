"""An acronym and a number written apart ("ABC 740 patrol aircraft") is a designation when an item
noun follows it.

Makers often write a type as letters, a space and a model number; the letter-first designation scan
needs a hyphen or no gap, so such a type named no system and the clause's buyer went to another
system in the sentence.  The item noun after it is what separates it from a currency code and sum
("EUR 740 million") or a programme number.  Sentences and designations invented.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.extract.mentions import find_mentions

CODES = ["ABC 740", "KLM 52", "QRT 1100", "ZX 310"]
NOUNS = [
    ("patrol aircraft", "aircraft"),
    ("airborne early warning aircraft", "aircraft"),
    ("frigates", "ships"),
]
SELLERS = ["Norway", "Sweden", "Spain"]
BUYERS = ["Peru", "Kenya", "Vietnam"]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(CODES),
    st.sampled_from(NOUNS),
    st.sampled_from(SELLERS),
    st.sampled_from(BUYERS),
    st.integers(2, 12),
)
def test_spaced_code_before_an_item_noun_is_a_system(code, noun, seller, buyer, n) -> None:
    words, category = noun
    text = f"{seller} last month approved the sale of {n} {code} {words} to {buyer}."
    systems = [x for x in find_mentions(text) if x.kind == "system"]
    assert [(x.text, x.system.category) for x in systems] == [(code, category)]
    claims = [c.to_dict() for c in extract_text(text)]
    assert any(
        c["system"]["name"] == code and c["supplier"]["name"] == seller and c["buyer"]["name"] == buyer
        for c in claims
    ), claims


@given(st.sampled_from(["EUR", "NOK", "PHP", "CZK"]), st.integers(10, 999))
def test_currency_sum_is_no_system(currency, amount) -> None:
    text = f"The {currency} {amount} million contract covers six frigates."
    assert not [x for x in find_mentions(text) if x.kind == "system"]


def test_spaced_code_without_an_item_noun_is_no_system() -> None:
    text = "The plan, known as ABC 740, was approved by the cabinet."
    assert not [x for x in find_mentions(text) if x.kind == "system"]
