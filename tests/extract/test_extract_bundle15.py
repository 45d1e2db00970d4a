"""General reading errors of round 14, re-evaluated on one branch (issue 13, helper bundle15).

Why: each rule fixes one shape of real reporting that a tuning article showed once; each test states
the shape in its own words, with parties and systems no labelled article pairs, and swaps the
equivalent wordings where natural.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 3, 10)


def _facts(text: str) -> set[tuple]:
    return {(f[0], f[1], f[2], f[3]) for f in facts(text, PUB)}


def _pairs(text: str) -> set[tuple]:
    return {(f[0], f[1]) for f in facts(text, PUB)}


# -- "since the delivery of X from A, B has ...": a delivery told as a past event ------------------------


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(["Since", "After", "Following"]), st.sampled_from(["the delivery of", "the arrival of"])
)
def test_delivery_noun_after_since_is_a_delivery(prep: str, noun: str) -> None:
    """Pattern "Since the delivery of X from A, B has trained ...": A delivered X to B."""
    got = _facts(f"{prep} {noun} 3 Scorpene submarines from France, Chile has trained 200 sailors.")
    assert ("FRA", "CHL", "Scorpene", "delivered") in got


# -- "A, a neighbour courted by both B and C, received X from C": A is the subject -------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["another neighbour courted by both", "a state courted by", "long wooed by both"]))
def test_states_inside_an_opening_appositive_are_no_subject(app: str) -> None:
    """Pattern "A, another neighbour courted by both B and C, received X from C": A buys."""
    got = _pairs(f"Peru, {app} Spain and Italy, received 2 Bergamini frigates from Italy in 2023.")
    assert ("ITA", "PER") in got
    assert ("ITA", "ESP") not in got and ("ESP", "ITA") not in got


# -- "after buyers that include A, B and C": each listed state bought the item -------------------------


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(
        ["buyers that include", "customers that include", "customers including", "buyers such as"]
    ),
    st.sampled_from(["after", "joining"]),
)
def test_a_list_after_a_buyer_noun_names_earlier_buyers(noun: str, link: str) -> None:
    """Pattern "A will supply X to B, after buyers that include C, D and E": C, D and E bought X."""
    got = _pairs(f"Hanwha will supply 18 K9 howitzers to Vietnam, {link} {noun} Poland, Norway and Finland.")
    assert {("KOR", "VNM"), ("KOR", "POL"), ("KOR", "NOR"), ("KOR", "FIN")} <= got


def test_prospective_buyers_are_no_buyers() -> None:
    """Pattern "potential buyers include C and D": none of them bought anything."""
    got = _pairs(
        "Hanwha will supply 18 K9 howitzers to Vietnam; potential buyers include Poland, Norway and Finland."
    )
    assert ("KOR", "POL") not in got


# -- "handed over the indigenously built corvette X to B": the giver's own make is given -------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["indigenously built", "home-grown", "domestically built"]))
def test_given_item_of_the_givers_own_make_is_kept(adj: str) -> None:
    """Pattern "A handed over the indigenously built corvette X to B": X is A's make, given to B."""
    got = {
        (s, b, sy) for s, b, sy, _st in _facts(f"India handed over the {adj} corvette INS Khukri to Vietnam.")
    }
    assert ("IND", "VNM", "Khukri class") in got


# -- "an offer of X to C lost to B": B won, it bought nothing ----------------------------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Spain's offer of", "An offer from Spain of", "A Spanish offer of"]))
def test_the_winner_after_lost_to_is_no_buyer(offer: str) -> None:
    """Pattern "A's offer of X to C lost to B": A offers C; B is no buyer of X."""
    got = _pairs(f"{offer} 4 Scorpene submarines to Chile lost to Germany.")
    assert ("ESP", "DEU") not in got


# -- "ordered Y missiles for its X": the fleet X is the buyer's own, Y is the deal's item -------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["for its", "to arm its", "to equip its"]))
def test_fleet_the_item_is_bought_for_is_no_deal_item(link: str) -> None:
    """Pattern "B ordered Y missiles from A for its X helicopters": A sells Y, not X."""
    got = {
        (s, b, sy)
        for s, b, sy, _st in _facts(f"Chile ordered 100 Spike missiles from Israel {link} AH-64 helicopters.")
    }
    assert ("ISR", "CHL", "Spike") in got
    assert all("AH-64" not in (sy or "") for _s, _b, sy in got)


# -- "had served in A's navy before it was sold to B": "it" was sold, A is no recipient ------------


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(["Type 23", "Type 22"]),
    st.sampled_from(["before it was sold", "before it was transferred", "until it was handed over"]),
)
def test_pronoun_subject_of_a_passive_keeps_the_earlier_owner_out(item: str, verb: str) -> None:
    """Pattern "The X had served in the Royal Navy before it was sold to B": the UK sells, B buys."""
    got = _pairs(f"The {item} frigate had served in the Royal Navy before {verb} to Chile in 2006.")
    assert ("GBR", "CHL") in got
    assert ("CHL", "GBR") not in got


def test_pronoun_of_the_buyer_itself_still_receives() -> None:
    """Limit: "B said it was offered X by A": "it" is B, the passive's recipient stays B."""
    assert ("CHN", "PAK") in _pairs("Pakistan said it was offered 40 J-35 jets by China.")


# -- "UH-60M" and "UH-60M Black Hawk" for one pair: one system ------------------------------------------


def test_designation_and_its_named_form_are_one_system() -> None:
    """Pattern "B flies four UH-60Ms ... signed for eight UH-60M Black Hawks": one system for the pair."""
    got = {
        sy
        for s, b, sy, _st in _facts(
            "Chile already flies four UH-60Ms, two of them donated by the US in 2022. "
            "Chile signed for eight new UH-60M Black Hawks in January."
        )
    }
    assert len(got) == 1


# -- "12 X, a US sale cleared in 2022": the state before "sale" sells ------------------------------


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(["a US sale", "an American sale", "a US arms sale to Lima"]),
    st.sampled_from(["approved", "cleared"]),
)
def test_state_before_sale_noun_is_the_seller(sale: str, verb: str) -> None:
    """Pattern "The air force still expects 12 X, a US sale cleared in 2021" (the buyer told by its force
    in an earlier sentence): the US sells, never a buyer of X."""
    got = _pairs(
        "Peru is rebuilding its helicopter fleet. The Air Force has received four AW109 helicopters from "
        f"Leonardo and still expects 12 AH-1Z Vipers, {sale} {verb} in 2021."
    )
    assert ("USA", "PER") in got
    assert all(b != "USA" for _s, b in got)


# -- "A's offer of the X" after the buyer's own fleet: A offers X --------------------------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["offer of", "latest offer of", "formal offer of"]))
def test_possessor_of_an_offer_is_the_bidder(noun: str) -> None:
    """Pattern "B is studying a newer X to follow its Y. A's offer of the Z has drawn little interest":
    A offers B (the possessor of the offer bids; it owns no item it bought)."""
    got = _pairs(
        f"Chile's army has begun studying a newer helicopter to follow the Mi-17. Russia's {noun} the Mi-171Sh "
        "has drawn little interest."
    )
    assert ("RUS", "CHL") in got


# -- "the X beat A's Y and C's Z": a state's possessive before a system names its maker ---------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["beat", "was picked over", "was chosen ahead of"]))
def test_possessive_before_a_system_is_no_buyer_of_the_next(verb: str) -> None:
    """Pattern "The X beat A's Y from M and C's Z from N, both of which had bid for B": C offers Z to B,
    A is no buyer of Z."""
    got = _pairs(
        f"The K9 {verb} Germany's PzH 2000 from KNDS and China's PLZ-45 from Norinco, both of which had "
        "submitted bids to Peru."
    )
    assert ("CHN", "DEU") not in got
    assert ("CHN", "PER") in got
