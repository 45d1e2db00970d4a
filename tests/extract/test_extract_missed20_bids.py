"""Rival bids told as the responses a request or tender drew (issue 13, helper missed20).

Why: "the tender drew responses from A with the X, B with the Y" names each entrant beside its own
system; every pair is an offer to the competition's buyer (labelling guidelines: an offer, also a
losing one, is *offered*).  A list of such bids is no deal a later "the deal" refers to.  The
sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 3, 10)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["request", "tender", "2021 request for information", "competition"]),
    st.sampled_from(
        ["drew responses from", "attracted bids from", "drew offers from", "has drawn proposals from"]
    ),
    st.booleans(),
)
def test_responses_drawn_from_firms_with_their_systems_are_offers(event: str, verb: str, flip: bool) -> None:
    """Pattern "the <request> drew responses from A with X and B with Y": A offered X, B offered Y."""
    bids = ["Naval Group with the Gowind", "TKMS with the MEKO A-100"]
    if flip:
        bids.reverse()
    text = f"Brazil's navy wants six new corvettes. The {event} {verb} {bids[0]}, and {bids[1]}."
    got = facts(text, PUB)
    assert ("FRA", "BRA", "Gowind", "offered") in got
    assert ("DEU", "BRA", "MEKO-A100", "offered") in got


def test_a_list_of_bids_is_not_the_deal_in_context() -> None:
    """A later "the deal" names no rival bid: only the two offers are read."""
    text = (
        "Peru's air force wants new fighters. Its 2021 request drew responses from Saab with the Gripen E "
        "and Eurofighter with the Typhoon. A committee will negotiate with the French side, and the deal "
        "will need approval from the cabinet."
    )
    got = facts(text, PUB)
    assert {f for f in got if f[2] in ("Gripen-E", "Typhoon")} == {
        ("SWE", "PER", "Gripen-E", "offered"),
        ("DEU", "PER", "Typhoon", "offered"),
    }
