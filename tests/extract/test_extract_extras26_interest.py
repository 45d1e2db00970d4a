"""A carried-over buyer's mere interest in an item is no deal (issue 13, precision on fresh news).

Why: "It is also contemplating ordering A-ian X" names neither party: the buyer is carried from an
earlier sentence and the supplier is only the item's origin, while the one stage word is an interest
(labelling rule 5: expressed interest is not a fact).  A named buyer's "B is considering buying X"
stays (read as talks), and so does an offer weighed ("considering a A-ian offer of X").  The
sentences below are written for these tests (no labelled article's text).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

#: (opening sentence naming the buyer, the buyer's code)
OPENINGS = [
    ("Peru signed for 24 K2 tanks from South Korea in May.", "PER"),
    ("Egypt received its first Rafale jets from France last year.", "EGY"),
    ("Thailand ordered four Gripen E jets from Sweden in 2024.", "THA"),
]
#: (the item as the pronoun sentence names it, its origin's code, its catalogue name)
ITEMS = [
    ("China's J-10 fighters", "CHN", "J-10"),
    ("American F-16 Block 70 jets", "USA", "F-16"),
    ("Russian Su-35 fighters", "RUS", "Su-35"),
]
VERBS = ["is also contemplating ordering", "is also considering buying", "has been mulling acquiring"]


@settings(max_examples=30, deadline=None)
@given(opening=st.sampled_from(OPENINGS), item=st.sampled_from(ITEMS), verb=st.sampled_from(VERBS))
def test_a_carried_buyers_interest_is_no_claim(
    opening: tuple[str, str], item: tuple[str, str, str], verb: str
) -> None:
    """'<B bought Y.> It <is contemplating ordering> A-ian X': no claim of A selling X to B."""
    text, buyer = opening
    words, origin, _name = item
    found = triples(f"{text} It {verb} {words}.", PUB)
    assert (origin, buyer) not in {(s, b) for s, b, _y in found}


@pytest.mark.parametrize(
    "text",
    [
        "India is weighing a Russian offer of Su-35 fighters.",
        "India is considering a Russian offer of Su-35 fighters.",
    ],
)
def test_an_offer_weighed_stays(text: str) -> None:
    """'B is weighing an A-ian offer of X': the offer was made, its claim stays."""
    assert ("RUS", "IND", "Su-35") in triples(text, PUB)
