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
    assert ("SWE", "CHL", "Gripen", "approved") in facts  # the winner keeps its own stage (a choice)
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


# --- 2. an unnamed item listed beside a named system is an item of its own -------------------


@pytest.mark.parametrize(
    ("text", "named", "count"),
    [
        ("Norway donated 14 Leopard 2A4 tanks plus three recovery tanks to Ukraine in 2023.", 14, 3),
        (
            "Peru will buy 24 K2 tanks along with four armoured recovery vehicles (ARV) from South Korea.",
            24,
            4,
        ),
        ("Greece received 18 Rafale jets together with 2 transport aircraft from France.", 18, 2),
    ],
)
def test_an_unnamed_item_beside_a_system_is_a_system_less_claim(text, named, count):
    claims = _claims(text)
    with_system = [c for c in claims if c["system"]]
    without = [c for c in claims if not c["system"]]
    assert [c["quantity"] for c in with_system] == [named]
    assert [c["quantity"] for c in without] == [count]
    # same dyad, same stage: it is an item of the same deal
    assert {(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in without} == {
        (c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in with_system
    }


@pytest.mark.parametrize(
    "text",
    [
        "Egypt ordered 30 Rafale jets along with two more squadrons.",  # more of the same system
        "Egypt ordered 30 Rafale jets plus 4 units for training.",  # a part of the system's order
        "Egypt ordered 30 Rafale jets plus 40 Meteor missiles.",  # a named system: its own claim
        "Egypt ordered 30 Rafale jets, and two frigates were discussed.",
    ],
)
def test_no_unnamed_item_without_its_own_count_and_noun(text):
    assert all(c["system"] for c in _claims(text))


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["plus", "along with", "together with", "as well as", "alongside"]),
    st.integers(min_value=2, max_value=60),
    st.sampled_from(["recovery vehicles", "trainer aircraft", "support ships", "utility helicopters"]),
)
def test_companion_connectors_are_equivalent(connector, n, item):
    text = f"Chile bought 12 Gripen jets {connector} {n} {item} from Sweden."
    without = [c for c in _claims(text) if not c["system"]]
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["quantity"]) for c in without] == [
        ("SWE", "CHL", n)
    ]


# --- 3. the items a deal lists take the stage of the latest deal that names a system ----------


def test_items_a_deal_lists_take_the_stage_of_the_deal_not_of_background_talks():
    text = (
        "The United States approved a possible sale of 24 F-16 jets to Chile. "
        "Chile has long voiced interest in buying armed drones from the United States, and talks "
        "on drones began years ago. "
        "The deal covers 100 Hellfire missiles as well as spare engines."
    )
    hellfire = [c for c in _claims(text) if c["system"] and "Hellfire" in c["system"]["name"]]
    assert hellfire and {c["status"] for c in hellfire} == {"approved"}


# --- 4. a verb in a relative clause about another system is that system's --------------------


def test_a_relative_clause_verb_belongs_to_the_system_it_follows():
    text = (
        "Poland approved the purchase of 96 Apache helicopters. Polish officials said the Apaches matter "
        "because they fly well with F-35 jets, which Poland also ordered from the United States."
    )
    facts = _facts(text)
    assert ("USA", "POL", "F-35", "signed") in facts
    assert {st_ for _s, _b, y, st_ in facts if y and "Apache" in y} == {"approved"}


def test_coordinated_systems_still_share_the_verb_after_them():
    facts = _facts("Egypt ordered Rafale jets and K9 howitzers last year.")
    assert {st_ for _s, _b, _y, st_ in facts} == {"signed"}


# --- 5. settling a plan is no contract ----------------------------------------------------------


@pytest.mark.parametrize(
    "obj", ["a blueprint", "the design", "its plans", "a roadmap", "the specifications", "the site"]
)
def test_finalising_a_plan_is_not_signing(obj):
    text = f"Saab has finalised {obj} for a plant to build Gripen jets for India."
    assert all(c["status"] != "signed" for c in _claims(text))


@pytest.mark.parametrize("verb", ["finalised", "finalized", "signed", "concluded", "inked"])
def test_finalising_a_deal_is_signing(verb):
    assert ("FRA", "IND", "Rafale-M", "signed") in _facts(
        f"India {verb} the deal for 26 Rafale M jets with France."
    )


def test_a_study_that_concluded_is_no_contract():
    assert all(
        c["status"] != "signed" for c in _claims("The study concluded that Chile should buy Gripen jets.")
    )


# --- 6. equipment described as in hand is delivered ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya, armed with Chinese and Turkish weaponry, has the upper hand in the north.",
        "Kenya, equipped with Chinese and Turkish weapons, holds the border.",
        "Kenya's answer will rely on newly procured Chinese and Turkish weapon systems.",
    ],
)
def test_a_states_arsenal_of_foreign_make_is_delivered(text):
    assert _facts(text) == {("CHN", "KEN", None, "delivered"), ("TUR", "KEN", None, "delivered")}


def test_a_system_recently_acquired_from_a_state_is_delivered():
    assert ("CHN", "SRB", "FK-3", "delivered") in _facts(
        "Serbia showed the FK-3 air defence system recently acquired from China."
    )


@pytest.mark.parametrize(
    "text",
    [
        "India's Rafale jets, armed with Meteor missiles, flew over the capital.",  # a description
        "The rebels, armed with Russian rifles, attacked the town.",  # no state's arsenal
    ],
)
def test_armed_with_a_named_weapon_is_no_delivery(text):
    assert all(c["status"] != "delivered" for c in _claims(text))


# --- 7. a fleet built up over time is in hand -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chile operates a fleet of F-16 jets it has bought from the United States over the years.",
        "The new drones will join the older Searcher drones that were acquired by Chile over time.",
        "Chile flies F-16 jets purchased from the United States over the past two decades.",
    ],
)
def test_systems_acquired_over_time_are_delivered(text):
    statuses = {st_ for _s, b, y, st_ in _facts(text) if b == "CHL" and y in ("F-16", "Searcher")}
    assert statuses == {"delivered"}


def test_a_first_generation_system_is_no_first_batch():
    text = "The new drone improves on the first-generation Searcher drones acquired by Chile over time."
    assert {st_ for _s, _b, y, st_ in _facts(text) if y == "Searcher"} == {"delivered"}


# --- 8. a pronoun object of a transfer verb refers to the deal in context -------------------------


@pytest.mark.parametrize("verb", ["delivered them", "supplied them", "handed them over", "shipped them"])
def test_a_pronoun_object_takes_the_system_in_context(verb):
    text = f"India signed a deal for 36 Rafale jets with France in 2016. France {verb} by 2022."
    assert ("FRA", "IND", "Rafale", "delivered") in _facts(text)


# --- 9. a ship's name and its class in apposition are one vessel ----------------------------------


def test_a_class_in_apposition_to_a_ship_name_is_not_a_second_system():
    facts = _facts("India leased the Chakra II, an Akula-class submarine, from Russia in 2012.")
    assert len(facts) == 1
    assert all(y and "class" not in y.lower() for _s, _b, y, _st in facts)


def test_a_class_alone_is_the_system():
    assert {y for _s, _b, y, _st in _facts("India leased an Akula-class submarine from Russia in 2012.")} == {
        "Akula-class"
    }


# --- 10. a count of bare items beside a party of the deal in context is that deal's system --------


def _claims_of(text: str, system: str) -> list[dict]:
    return [c for c in _claims(text) if c["system"] and c["system"]["name"] == system]


def test_a_bare_item_count_with_a_party_refers_back_to_the_deal():
    text = (
        "Chile chose the Gripen over rival fighters last year. "
        "The government opted for a modest 24 aircraft through a direct agreement with Sweden "
        "for nearly EUR 3 billion."
    )
    gripen = _claims_of(text, "Gripen")
    assert any(c["quantity"] == 24 and c["value"] == {"amount": 3e9, "currency": "EUR"} for c in gripen)


@pytest.mark.parametrize(
    "second",
    [
        "Peru bought 24 aircraft from Brazil in 2019.",  # no party of the deal in context
        "Sweden also sold 12 submarines to Peru.",  # another category
    ],
)
def test_a_bare_item_count_without_a_tie_is_not_the_deal(second):
    text = "Chile chose the Gripen from Sweden last year. " + second
    assert [c["evidence"]["text"] for c in _claims_of(text, "Gripen")] == [
        "Chile chose the Gripen from Sweden last year."
    ]


# --- 11. money: a sum spent to buy is a price; currency codes; "U.S. $" is no party -------------


def test_a_sum_spent_to_purchase_is_the_deals_value_and_the_us_prefix_no_party():
    text = (
        "Chile selected the K9 howitzer from South Korea. Earlier information from the Chilean ministry "
        "said Santiago intends to spend about EUR 400 million (U.S. $450 million) to purchase new "
        "howitzers together with ammunition."
    )
    claims = _claims(text)
    assert {(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in claims} == {("KOR", "CHL")}
    assert any(c["value"] == {"amount": 4e8, "currency": "EUR"} for c in claims)


def test_a_budget_is_still_no_deal_value():
    text = "Chile will spend EUR 400 million on its defence budget this year and ordered 12 K9 howitzers."
    assert all(c["value"] is None for c in _claims(text))


@pytest.mark.parametrize("code", ["RON", "CZK", "HUF", "ZAR", "PHP", "CLP"])
def test_iso_currency_codes_before_the_number_are_money(code):
    from kg.extract.money import find_money

    (m,) = find_money(f"a contract worth {code} 1.5 billion")
    assert (m.currency, int(m.amount)) == (code, 1_500_000_000)


# --- 12. "the remaining N will be built at home" is no delivery, present or future ----------------


@pytest.mark.parametrize("verb", ["will be built", "are to be manufactured", "would be assembled"])
def test_the_remaining_units_built_at_home_are_no_delivery(verb):
    text = f"India will buy 18 Rafale jets from France. The remaining 96 jets {verb} in India."
    assert {st_ for _s, _b, _y, st_ in _facts(text)} == {"negotiating"}


def test_the_remaining_units_delivered_are_still_a_delivery():
    text = "India bought 36 Rafale jets from France. The remaining 6 jets were delivered in 2022."
    assert ("FRA", "IND", "Rafale", "delivered") in _facts(text) or (
        "FRA",
        "IND",
        "Rafale",
        "delivering",
    ) in _facts(text)


# --- 13. a pronoun object refers to the system the previous sentence showed -----------------------


def test_a_pronoun_object_takes_the_system_the_previous_sentence_named():
    text = (
        "The Serbian army also showed the Russian Pantsir air defence system for the first time. "
        "Serbia had acquired it already in 2020."
    )
    assert {(s, b) for s, b, y, _st in _facts(text) if y and y.startswith("Pants")} == {("RUS", "SRB")}


def test_a_demonym_before_an_unknown_name_leaves_it_a_system():
    from kg.extract.mentions import find_mentions

    ms = find_mentions("the army showed the Russian Zorkiy air defence system")
    assert [(m.kind, m.text) for m in ms] == [("party", "Russian"), ("system", "Zorkiy")]
    # an uncatalogued variant suffix right after a known system is still no system of its own
    assert [m.text for m in find_mentions("India bought Rafale F5 jets") if m.kind == "system"] == ["Rafale"]


def test_a_pronoun_without_a_system_before_it_takes_nothing():
    text = "The Serbian army held a parade. Serbia had acquired it already in 2020."
    assert _claims(text) == []


# --- 14. a count of batches or squadrons is no unit count -------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Egypt ordered two batches of Rafale jets from France.", None),
        ("Egypt ordered three squadrons of Rafale jets from France.", None),
        ("India bought 36 Rafale jets, or two squadrons, from France.", 36),
    ],
)
def test_batches_and_squadrons_are_not_units(text, quantity):
    assert [c["quantity"] for c in _claims(text)] == [quantity]


# --- 15. the system's maker never buys it; a state never supplies itself ---------------------------


def test_the_maker_company_is_not_the_buyer_of_its_own_system():
    text = (
        "A contract was signed by the ministry and Airbus for the procurement of 56 C-295 planes for India."
    )
    facts = _facts(text)
    assert facts and all(b == "IND" for _s, b, _y, _st in facts)


def test_no_claim_has_its_supplier_as_buyer():
    text = (
        "Spain's Airbus plant in Seville builds the C-295. Of the 56 aircraft, 16 C-295 planes will be handed "
        "over by Airbus in flyaway condition from Seville."
    )
    assert all(s != b for s, b, _y, _st in _facts(text))


# --- 16. "X is Y's top destination for arms purchases" is a supplier relationship ------------------


@pytest.mark.parametrize(
    "text",
    [
        "Russia continues to be India's top destination for defence purchases.",
        "Russia remains India's main source for arms imports.",
        "Russia is the main destination for arms purchases by India.",
    ],
)
def test_a_top_destination_for_purchases_is_the_supplier(text):
    assert _facts(text) == {("RUS", "IND", None, "unknown")}


def test_a_destination_for_tourists_is_no_relationship():
    assert _claims("Paris is a top destination for tourists from India.") == []
