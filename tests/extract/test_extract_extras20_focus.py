"""Precision rule of extras20 (issue 13): the article's most named state, when the article's claims
name it only as a seller, is not the buyer a buyerless sentence falls back on.

Own-words articles written for the general pattern, not taken from any article."""

from __future__ import annotations

import pytest
from helpers import claim_facts

#: (buyer adjective, buyer, iso3, seller as headline names it, seller, iso3, first system, second
#: seller's firm, its iso3, second system)
_CASES = [
    (
        "Norwegian",
        "Norway",
        "NOR",
        "Washington",
        "the United States",
        "USA",
        "HIMARS",
        "Sweden's BAE Systems Hagglunds",
        "SWE",
        "CV90",
    ),
    (
        "Estonian",
        "Estonia",
        "EST",
        "US",
        "the United States",
        "USA",
        "Javelin",
        "South Korea's Hanwha Aerospace",
        "KOR",
        "K9",
    ),
    (
        "Finnish",
        "Finland",
        "FIN",
        "Israel",
        "Israel",
        "ISR",
        "David's Sling",
        "Germany's Rheinmetall",
        "DEU",
        "Skyranger 30",
    ),
]


@pytest.mark.parametrize(
    ("adj", "buyer", "iso", "head", "seller", "s_iso", "sys1", "firm", "f_iso", "sys2"), _CASES
)
def test_a_seller_story_s_second_purchase_goes_to_the_buyer(
    adj: str,
    buyer: str,
    iso: str,
    head: str,
    seller: str,
    s_iso: str,
    sys1: str,
    firm: str,
    f_iso: str,
    sys2: str,
) -> None:
    """A story told around the seller (headline and lede name A most, as it reshuffles its queue)
    whose later sentence signs a purchase from another firm and names no buyer: the buyer is the
    article's buyer B, never the seller A."""
    title = f"{head} pushes back {adj} {sys1} handovers to serve its own army first"
    text = (
        f"{seller} has told {buyer} that its {sys1} order will arrive two years behind schedule, because "
        f"{seller} wants to refill its own stocks first, officials said on Monday.\n\n"
        f"{buyer} bought 40 {sys1} from {seller} in 2021.\n\n"
        f"The defence ministry also signed a contract for 12 {sys2} from {firm} last week."
    )
    found = claim_facts.titled_triples(text, title)
    assert not any(t[0] == f_iso and t[1] == s_iso for t in found), found
    assert any(t[0] == s_iso and t[1] == iso for t in found), found
