"""Roles on text the rules were not written for: a party needs a cue to be a party.

Why: on blind news text most wrong claims pair a state with a deal it has no part in (a state
named in another clause, a parallel buyer, a history or a list).  Each test states one general
pattern in its own words (no sentence, name pairing or number of a dev or newsset article):
precision first, a state no cue ties to the deal is not made its supplier or buyer.
"""

from __future__ import annotations

from datetime import date

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)


def _pairs(text: str) -> set[tuple]:
    """(supplier, buyer) of every asserted claim of ``text``."""
    return {(s, b) for s, b, _ in triples(text, PUB, asserted=True)}


# --- a state no cue ties to the deal does not sell it ---------------------------------------


def test_bare_mention_in_another_clause_is_no_supplier() -> None:
    """A state merely named beside a buyer's talks is not their seller: the system's maker is."""
    pairs = _pairs("Kenya is in talks over the Akash missile; Ghana was mentioned too.")
    assert ("GHA", "KEN") not in pairs
    assert ("IND", "KEN") in pairs


def test_parallel_buyers_in_coordinated_clauses_do_not_sell_to_each_other() -> None:
    """Two states, each the subject of its own talks, are two buyers in parallel, not a pair."""
    text = (
        "Chile is in the last stage of talks for a similar purchase of the K9 howitzer, "
        "and Peru has also held talks on the gun."
    )
    pairs = _pairs(text)
    assert ("PER", "CHL") not in pairs and ("CHL", "PER") not in pairs
    assert ("KOR", "CHL") in pairs


def test_headline_of_two_events_does_not_cross_pair() -> None:
    """A headline joining two events with a semicolon: the second state is no seller to the first."""
    pairs = _pairs("Kenya takes delivery of its first Akash batch; Ghana talks stall.")
    assert ("GHA", "KEN") not in pairs
    assert ("IND", "KEN") in pairs


# --- a state's own design ------------------------------------------------------------------------


def test_state_ordering_its_own_design_with_no_seller_is_domestic() -> None:
    """No seller named and the buyer is the system's home state: a domestic order, no transfer."""
    assert _pairs("Sweden ordered more Archer howitzers for its own army.") == set()
    text = (
        "Norway has ordered 20 more K9 howitzers from South Korea, and South Korea itself has "
        "ordered more K9 howitzers for its army."
    )
    assert _pairs(text) == {("KOR", "NOR")}


def test_buyers_own_demonym_later_in_the_sentence_does_not_cancel_its_order() -> None:
    """ "X ordered N Y, and the first X-ish units arrived": the demonym describes the buyer's own
    items; it neither sells them nor cancels the order as a sale to itself."""
    text = "Kenya ordered 20 Akash launchers in 2023, and the first Kenyan missiles arrived in 2025."
    assert _pairs(text) == {("IND", "KEN")}


def test_background_state_of_the_systems_origin_does_not_displace_the_with_counterpart() -> None:
    """ "A is in talks with B over Z, after C stopped blocking the sale": B is the counterpart a cue
    names; C, named only in the background clause, sells nothing even where Z's maker is in C."""
    text = (
        "Chile is in talks with Britain over the Eurofighter Typhoon jets, after Germany indicated "
        "that it would no longer block the sale."
    )
    assert _pairs(text) == {("GBR", "CHL")}


# --- makers named with "with" --------------------------------------------------------------------


def test_built_with_names_a_maker_not_a_counterpart_buyer() -> None:
    """ "N boats built (jointly) with X": X made the item; it is no "with" counterpart buying it."""
    text = "Chile is expanding its navy. Germany sold it three Type 209 boats built jointly with South Korea."
    assert _pairs(text) == {("DEU", "CHL")}
    text = "Chile signed for three Type 209 boats built with South Korea's Okpo yard."
    assert _pairs(text) == {("KOR", "CHL")}


# --- history of the item ---------------------------------------------------------------------------


def test_recipient_of_the_items_earlier_gift_is_no_party_to_the_new_order() -> None:
    """ "ordered N X from A to replace guns it donated to B": B received older guns; it buys
    nothing here and A gives it nothing."""
    text = (
        "Norway has signed for 12 more K9 howitzers from South Korea's Hanwha "
        "to replace guns it donated to Ukraine."
    )
    assert _pairs(text) == {("KOR", "NOR")}
    # the pronoun as the sentence's own subject still gives
    assert ("KOR", "UKR") in _pairs("It donated six K9 howitzers to Ukraine.")


# --- a pronoun subject stands for the previous sentence's subject ---------------------------------


def test_sentence_opening_pronoun_giver_is_the_previous_subject_not_the_makers_state() -> None:
    """ "A bought X from B. It has also handed two of its X to C": A gives, not X's maker B."""
    text = "Lithuania bought NASAMS from Norway in 2020. It has also handed two of its NASAMS launchers to Ukraine."
    pairs = _pairs(text)
    assert ("LTU", "UKR") in pairs and ("NOR", "UKR") not in pairs
    # the previous subject was the seller: it is still the giver
    text = "The United States sold F-16 jets to Chile in 2019. It has also sent Javelin missiles to Ukraine."
    assert ("USA", "UKR") in _pairs(text) and ("CHL", "UKR") not in _pairs(text)


def test_demonym_before_another_item_is_no_origin_of_the_deal_in_context() -> None:
    """A sentence about the deal in context ("the first sale ... to X") that adds "which has long
    bought <demonym> equipment" tells X's history: that demonym sells nothing of this deal."""
    text = (
        "Chile ordered 20 K9 howitzers from South Korea in 2024. It is the first sale of a major "
        "Korean land system to Santiago, which has traditionally bought American equipment."
    )
    assert _pairs(text) == {("KOR", "CHL")}


def test_seller_foreign_to_the_deal_in_context_does_not_take_its_system() -> None:
    """A sentence naming no known system whose seller is neither the context system's maker nor
    a party of that deal ("France has offered its <unknown> system") is about another item."""
    text = (
        "Chile ordered 20 K9 howitzers from South Korea in 2024. Officials said the army is also "
        "looking at wheeled guns, and France has offered its Xena system."
    )
    assert _pairs(text) == {("KOR", "CHL")}
    # the deal's own buyer passing the system on keeps it (a re-export names a party of the deal)
    text = "Poland bought 40 K9 howitzers from South Korea in 2022. Poland has since sent some of them to Ukraine."
    assert ("POL", "UKR") in _pairs(text)


# --- a modifier qualifies the system right after it -------------------------------------------------


def test_owner_demonym_of_one_listed_option_is_no_buyer_of_the_others() -> None:
    """ "A looked at Spanish X, Israeli Y and Swedish Z": Spain is tied to X only, never the buyer
    of Z or of another system the sentence names."""
    text = (
        "Santiago had looked at Spanish Mirage F1s, Israeli Kfirs and Swedish Gripens, but each option "
        "fell apart: the Gripen and the Korean FA-50 were blocked because they contain British-made "
        "parts that London would not allow to be exported to Chile."
    )
    triples_ = triples(text, PUB, asserted=True)
    assert not any(b == "ESP" and "Mirage" not in (y or "") for _s, b, y in triples_)


# --- rival bids ----------------------------------------------------------------------------------


def test_other_bidders_of_a_competition_did_not_offer_the_chosen_design() -> None:
    """ "A chose B's maker and its Y, after a competition in which C, D, E and B made offers": C, D
    and E offered designs of their own, not Y; two offerers alone may be a consortium."""
    text = (
        "Chile chose Germany's TKMS and its Type 212 design in May 2025 for its submarine programme, "
        "after a competition in which France, Spain, Italy and Germany all made offers."
    )
    assert _pairs(text) == {("DEU", "CHL")}
    assert _pairs("Britain and Germany offered Typhoon jets to Chile.") == {("GBR", "CHL"), ("DEU", "CHL")}


# --- the carrier is no item ------------------------------------------------------------------------


def test_transport_that_carried_the_goods_is_no_item_of_the_deal() -> None:
    """ "The first batch reached the capital aboard an air force C-17": the aircraft carried the
    goods; nobody bought it here.  Bought as such it stays an item."""
    text = "The first batch of Akash launchers reached Nairobi aboard an Indian Air Force C-17 in May, officials said."
    assert {y for _s, _b, y in triples(text, PUB)} == {"Akash SAMS"}
    assert _pairs("Kenya bought two C-17 transports from the United States in 2024.") == {("USA", "KEN")}
