"""General patterns of real news, each in our own words (never text of the development set in
``../shared/eval``): the other bids of a competition, unnamed items beside a named system, a
trigger in a relative clause about another system, non-deal objects of "finalised".
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.extract.vocabulary import _RIVALS

PUB = date(2025, 6, 1)


def _claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract_text(text, PUB) if not c.negated]


def _facts(text: str) -> set[tuple]:
    """(supplier, buyer, system, status) of every claim."""
    return {
        (
            c["supplier"]["iso3"] if c["supplier"] else None,
            c["buyer"]["iso3"],
            c["system"]["name"] if c["system"] else None,
            c["status"],
        )
        for c in _claims(text)
    }


# --- 1. the other bids of a competition are offers to its buyer -------------------------------

WINNER = "Chile picked the Gripen for its air force. "


@pytest.mark.parametrize(
    "rivals",
    [
        "Other contenders for the contract included the French Rafale and the American F-16.",
        "Rival bidders for the deal included France's Dassault with its Rafale and Lockheed Martin with the F-16.",
        "The Rafale from France and the F-16 from the United States were also in the running.",
        "Competing offers came from Dassault with the Rafale and from Lockheed Martin with the F-16.",
    ],
)
def test_rival_bids_are_offers_to_the_competition_buyer(rivals):
    facts = _facts(WINNER + rivals)
    assert ("SWE", "CHL", "Gripen", "negotiating") in facts  # the winner keeps its own stage
    offered = {(s, b, y) for s, b, y, st_ in facts if st_ == "offered"}
    assert offered == {("FRA", "CHL", "Rafale"), ("USA", "CHL", "F-16")}


def test_rival_bidders_without_systems_are_system_less_offers():
    facts = _facts(
        "Chile signed a deal for 20 Gripen jets. The other bidders were Dassault from France and Boeing."
    )
    assert ("FRA", "CHL", None, "offered") in facts
    assert ("USA", "CHL", None, "offered") in facts
    assert ("SWE", "CHL", "Gripen", "signed") in facts


def test_the_competition_buyer_is_the_articles_buyer_not_a_state_named_in_between():
    text = (
        "Chile selected the Gripen for its air force. The choice still worries some, given threats of "
        "sanctions from the United States over buying arms from Russia. "
        "The other bidders were Dassault from France and Boeing."
    )
    buyers = {b for _s, b, _y, st_ in _facts(text) if st_ == "offered"}
    assert buyers == {"CHL"}


def test_a_rival_cue_does_not_turn_the_winner_into_an_offer():
    facts = _facts("Chile ordered 12 Gripen jets, while rival bidders included the Rafale.")
    assert ("SWE", "CHL", "Gripen", "signed") in facts
    assert ("FRA", "CHL", "Rafale", "offered") in facts


def test_a_choice_over_a_rival_still_drops_the_rival():
    # "selected X over Y": the text states no offer of Y to the buyer in this sentence's deal
    facts = _facts("Chile ordered 12 Gripen jets, beating rival bids from the Rafale and the F-16.")
    assert {(s, b, y) for s, b, y, _st in facts} == {("SWE", "CHL", "Gripen")}


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["other", "rival", "competing", "losing", "unsuccessful"]),
    st.sampled_from(["bidders", "bids", "offers", "contenders", "competitors", "suitors"]),
    st.sampled_from(["included", "were", "came from"]),
)
def test_rival_wordings_are_equivalent(adj, noun, verb):
    text = WINNER + f"{adj.capitalize()} {noun} {verb} the Rafale from France."
    assert _RIVALS.search(text) is not None
    assert ("FRA", "CHL", "Rafale", "offered") in _facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "India's rival Pakistan ordered 12 J-10C jets from China.",
        "Our competitors in Europe sell tanks.",
    ],
)
def test_rival_words_alone_are_no_competition(text):
    assert _RIVALS.search(text) is None
