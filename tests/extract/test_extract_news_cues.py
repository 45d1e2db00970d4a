"""More real-news patterns (issue 13), each in our own words and never text of the development set
in ``../shared/eval``: contracts awarded to a maker, a variant mark written beside a catalogue
name, unnamed items listed beside named systems, a bare family name after its variant, the
subject of sanctions, and components bought for a home-built platform.
"""

from __future__ import annotations

from datetime import date

from helpers import claim_facts

PUB = date(2025, 6, 1)


def _claims(text: str) -> list[dict]:
    return claim_facts.claims(text, PUB, asserted=True)


def _triples(text: str) -> set[tuple]:
    return claim_facts.triples(text, PUB, asserted=True)


# --- a contract awarded to a maker -----------------------------------------------------------


def test_passive_award_makes_the_winner_the_seller_and_the_counterpart_the_buyer():
    text = (
        "Under a follow-on arrangement with Turkish Aerospace, Safran has been awarded roughly "
        "EUR 90m for supplying M53-P2 engines for the trainers."
    )
    (c,) = _claims(text)
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"]) == ("FRA", "TUR")
    assert c["status"] == "signed"  # "for supplying" is what the award is for, not deliveries
    assert c["value"] == {"amount": 90000000, "currency": "EUR"}


def test_awarded_by_names_the_buyer():
    (c,) = _claims("Safran was awarded a contract by Embraer for delivering M88 engines.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) == ("FRA", "BRA", "signed")
    assert any(q == "buyer:awarded-by" for q in c["cues"])


def test_a_comma_before_a_finite_verb_ends_a_list_of_parties():
    # "with X, Y has ...": X and Y are not one list sharing the "with" cue
    (c,) = _claims(
        "Following talks with Embraer, Saab has signed a contract to supply Gripen E jets to Brazil."
    )
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"]) == ("SWE", "BRA")


def test_a_real_list_before_a_verb_still_shares_its_cue():
    triples = _triples("Germany as well as Norway have donated IRIS-T launchers to Ukraine.")
    assert ("DEU", "UKR", "IRIS-T SLM") in triples or any(t[0] == "DEU" and t[1] == "UKR" for t in triples)
    assert any(t[0] == "NOR" and t[1] == "UKR" for t in triples)


def test_supplying_under_way_is_still_delivering():
    (c,) = _claims("Russia is supplying S-400 systems to India.")
    assert c["status"] == "delivering"


# --- a variant mark written beside a catalogue name ------------------------------------------


def test_an_unknown_mark_beside_a_catalogue_name_is_one_system():
    (c,) = _claims("Brazil ordered Mk951 Adour engines from Rolls-Royce.")
    assert c["system"]["name"] == "Adour"
    assert c["system"]["mention"].startswith("Mk951 Adour")
    # the mark after the name is its variant suffix (never a second system)
    (c,) = _claims("Brazil ordered Adour Mk951 engines from Rolls-Royce.")
    assert c["system"]["name"] == "Adour"


# --- unnamed items listed beside named systems ------------------------------------------------


def test_an_unnamed_item_in_a_list_of_systems_is_a_system_less_fact():
    text = (
        "Over the past decade Russia won several large deals with India including S-300s, "
        "frigates for the navy and Mi-17 helicopters."
    )
    assert _triples(text) == {("RUS", "IND", "S-300"), ("RUS", "IND", "Mi-17"), ("RUS", "IND", None)}
    assert {c["status"] for c in _claims(text)} == {"signed"}


def test_a_listed_item_takes_the_sentences_stage():
    text = (
        "The first batch of 20 vehicles, made up of the K2 tanks, the K9 howitzers and two types of "
        "armoured recovery vehicles bought by the Polish Army from Hanwha, arrived in May."
    )
    (item,) = [c for c in _claims(text) if c["system"] is None]
    assert (item["supplier"]["iso3"], item["buyer"]["iso3"], item["status"]) == ("KOR", "POL", "delivering")


def test_the_systems_own_noun_phrase_and_background_items_are_no_listed_item():
    for text in (
        "India ordered Ka-31 early warning and control helicopters from Russia.",
        "Poland ordered K2 tanks and other vehicles from South Korea.",
        "Poland ordered K2 tanks and associated vehicles from South Korea.",
        # a counted item after a counted system is a version of the same deal, not a listed item
        "Greece ordered 18 single-seat Rafale jets and six twin-seat trainers from France.",
    ):
        assert all(t[2] is not None for t in _triples(text)), text


# --- a bare family name after its variant ---------------------------------------------------


def test_a_bare_family_name_without_a_stage_of_its_own_is_the_deals_variant():
    text = (
        "Colombia signed a contract with France for 24 Rafale-M jets. "
        "The deal also covers spare engines and simulators for the Rafale."
    )
    assert _triples(text) == {("FRA", "COL", "Rafale-M")}


def test_a_family_name_with_its_own_stage_keeps_its_name():
    # its own trigger: the air force's earlier Rafales are another deal
    text = (
        "Colombia signed a contract with France for 24 Rafale-M jets. "
        "Colombia received 12 Rafale jets from France in 2020."
    )
    assert {t[2] for t in _triples(text)} == {"Rafale-M", "Rafale"}


# --- a party acting against the deal ----------------------------------------------------------


def test_the_state_imposing_sanctions_over_a_sale_is_no_party_to_it():
    for text in (
        "Beijing said on Friday it would impose sanctions on American firms involved in weapons sales to Taiwan.",
        "Beijing has sanctioned several firms over their arms sales to Taiwan.",
    ):
        assert not any(t[0] == "CHN" for t in _triples(text)), text


def test_the_seller_of_a_condemned_sale_is_still_its_seller():
    triples = _triples("Moscow condemned the sale of Patriot batteries to Poland by the United States.")
    assert ("USA", "POL", "Patriot") in triples
    assert not any(t[0] == "RUS" or t[1] == "RUS" for t in triples)


# --- components bought for a home-built platform ----------------------------------------------


def test_a_component_for_a_foreign_platform_is_bought_by_the_platforms_home_state():
    text = (
        "Safran is set to hand over the first of 40 M88 engines meant for the Tejas fighters by March, "
        "after a year of delays."
    )
    # the platform is no deal item; its home state (its maker builds it) buys the engines
    assert _triples(text) == {("FRA", "IND", "M88-2")}
    assert {c["status"] for c in _claims(text)} == {"delayed"}


def test_a_named_buyer_wins_over_the_platforms_home():
    triples = _triples("Egypt ordered 24 M88 engines from Safran for its Tejas fighters.")
    assert ("FRA", "EGY", "M88-2") in triples
    assert not any(t[1] == "IND" for t in triples)


def test_a_contract_between_two_makers_the_systems_home_maker_sells():
    text = (
        "Safran is set to hand over the first of 40 M88 engines meant for the Tejas fighters. "
        "This delivery is part of a EUR 300 million contract signed between Safran and HAL in 2022."
    )
    signed = [c for c in _claims(text) if "between" in c["evidence"]["text"]]
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in signed] == [("FRA", "IND")]
    assert signed[0]["value"] == {"amount": 300000000, "currency": "EUR"}
    (c,) = _claims("A contract for 20 M88 engines was signed between Safran and HAL.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["quantity"]) == ("FRA", "IND", 20)


def test_a_delivery_set_to_happen_is_the_signed_deals_schedule():
    (c,) = _claims("Russia is due to deliver two more S-400 units to India next year.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) == ("RUS", "IND", "signed")


# --- an unnamed item with its own seller ------------------------------------------------------


def test_an_unnamed_item_from_another_seller_is_that_sellers_system_less_fact():
    triples = _triples("Ghana will buy K9 howitzers from South Korea and helicopters from France.")
    assert triples == {("KOR", "GHA", "K-9 Thunder 155mm"), ("FRA", "GHA", None)}


def test_the_deal_in_context_stays_the_named_systems_after_an_item_beside_it():
    text = (
        "Ghana signed a contract for 20 K9 howitzers. The howitzers will be bought from South Korea, and "
        "the helicopters from France. Under the deal, the howitzers cost $300 million."
    )
    triples = _triples(text)
    assert ("FRA", "GHA", None) in triples
    k9 = [c for c in _claims(text) if c["system"] and c["system"]["name"] == "K-9 Thunder 155mm"]
    assert any(c["value"] == {"amount": 300000000, "currency": "USD"} for c in k9)


# --- two blocks of one type -------------------------------------------------------------------


def test_two_blocks_of_one_type_are_two_systems_and_the_bare_type_is_the_last_block_named():
    text = (
        "Peru signed a contract with Korea Aerospace Industries for 12 FA-50 Fighting Eagle Block 20 jets. "
        "Officials said the FA-50 has served the air force well. "
        "The initial 12 FA-50 aircraft of the Block 10 variant were ordered by Peru in 2014."
    )
    names = {t[2] for t in _triples(text)}
    assert names == {"FA-50 Block 20", "FA-50 Block 10"}
    block10 = [c for c in _claims(text) if c["system"]["name"] == "FA-50 Block 10"]
    assert block10 and block10[0]["quantity"] == 12  # "the initial 12 ... ordered": no delivery


def test_a_catalogue_block_variant_keeps_its_catalogue_name():
    (c,) = _claims("Chile ordered 20 F-16 Block 70 jets from the United States.")
    assert c["system"]["name"] == "F-16V Viper"


def test_the_first_units_delivered_are_still_a_delivered_count():
    (c,) = _claims("South Korea delivered the first 12 FA-50 jets to Peru in 2016.")
    assert (c["quantity_delivered"], c["status"]) == (12, "delivering")


# --- the states named with the deal in context ------------------------------------------------


def test_states_named_with_the_deal_in_context_are_its_buyers_not_its_seller():
    text = (
        "South Korea has signed a deal for the supply of K9 howitzers to Chile. "
        "“With Peru as well as with Chile, the deal is at the final stage and in Chile’s case it has "
        "already been signed,” the minister said."
    )
    triples = _triples(text)
    assert ("KOR", "PER", "K-9 Thunder 155mm") in triples
    assert not any(t[0] == "PER" for t in triples)


def test_a_deal_at_an_advanced_stage_is_negotiating():
    (c,) = _claims("Talks with France on the Rafale deal are at an advanced stage, India said.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) == ("FRA", "IND", "negotiating")


# --- designations as written -------------------------------------------------------------------


def test_a_designation_the_catalogue_files_under_another_name_is_kept_as_written():
    from kg.extract.designations import written_designation

    assert written_designation("S26T", "Hangor") == "S26T"  # a sister export design's record
    assert written_designation("Giraffe 1X", "Giraffe AMB") == "Giraffe 1X"
    # spellings and families of the catalogue's designation keep the catalogue's name
    assert written_designation("K9", "K-9 Thunder 155mm") == "K-9 Thunder 155mm"
    assert written_designation("F-16", "F-16A") == "F-16"
    assert written_designation("Sudarshan Chakra", "S-400 Triumf") == "S-400 Triumf"  # a name, no designation


def test_the_catalogue_name_of_a_designation_written_elsewhere_is_that_designation():
    text = "China will deliver the S26T to Thailand in 2028. The Hangor submarine ordered by Thailand is delayed."
    assert {t[2] for t in _triples(text)} == {"S26T"}


def test_a_class_name_does_not_absorb_a_named_boat_of_the_class():
    text = (
        "India signed a deal with Russia to lease an Akula-class submarine in 2019. "
        "Russia had earlier handed over the Chakra-II to India on lease in 2012."
    )
    names = {t[2] for t in _triples(text)}
    assert "Akula-class" in names and len(names) == 2


# --- "the Nth buyer after Y and Z" ------------------------------------------------------------


def test_the_states_after_nth_buyer_bought_the_system_earlier():
    text = (
        "Peru signed a contract with South Korea for K9 howitzers. "
        "The order makes Peru the third buyer of the Korean gun in the region after Chile and Colombia."
    )
    claims = _claims(text)
    earlier = {c["buyer"]["iso3"]: c for c in claims if c["buyer"]["iso3"] in ("CHL", "COL")}
    assert set(earlier) == {"CHL", "COL"}
    for c in earlier.values():
        assert (c["supplier"]["iso3"], c["system"]["name"], c["status"]) == (
            "KOR",
            "K-9 Thunder 155mm",
            "unknown",
        )
    assert not any(c["supplier"]["iso3"] in ("PER", "CHL", "COL") for c in claims)


def test_a_regional_demonym_is_no_state():
    triples = _triples(
        "If confirmed, Peru would be the second South American country after Chile to obtain the K9."
    )
    assert not any("USA" in t for t in triples)
    assert {t[1] for t in triples} == {"PER", "CHL"}


def test_a_joint_design_adjective_makes_no_buyer():
    triples = _triples(
        "Peru would be the second country after Chile to obtain the Indo-Russian BrahMos missile."
    )
    assert not any(t[1] == "RUS" or t[0] == "RUS" for t in triples)


# --- statuses ----------------------------------------------------------------------------------


def test_deliveries_that_will_slip_or_run_late_are_delayed():
    for text in (
        "Deliveries of the 12 Patriot launchers Poland ordered from the United States will slip by a year.",
        "The first of the K2 tanks Poland bought from South Korea is running six months late.",
    ):
        assert "delayed" in {c["status"] for c in _claims(text)}, text


def test_a_hyphenated_delay_adjective_is_no_delay_of_the_deal():
    (c,) = _claims(
        "Chile has picked Sweden's Saab to supply 10 Gripen E jets under its much-delayed jet programme."
    )
    assert c["status"] != "delayed"


def test_talks_that_led_to_a_signed_contract_are_over():
    text = (
        "Norway signed a contract with Germany for 20 Leopard 2A8 tanks. "
        "The contract, concluded after two years of negotiations, also covers spares."
    )
    assert {c["status"] for c in _claims(text)} == {"signed"}


def test_a_contract_officials_expect_to_sign_is_not_signed_yet():
    text = (
        "Sweden's government approved the purchase of 30 Boxer vehicles from Germany. "
        "Officials expect the contract to be signed in the autumn."
    )
    assert "signed" not in {c["status"] for c in _claims(text)}


def test_a_role_as_main_supplier_is_a_stated_supplier_relation():
    for text, pair in (
        ("The visit underlined Paris's long role as Cairo's main arms supplier.", ("FRA", "EGY")),
        ("Analysts cite Moscow’s ongoing role as Hanoi’s biggest defence partner.", ("RUS", "VNM")),
    ):
        (c,) = _claims(text)
        assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["system"], c["status"]) == (
            *pair,
            None,
            "unknown",
        )


# --- the deal in context ------------------------------------------------------------------------


def test_naming_the_deals_system_again_keeps_the_deal_in_context():
    text = (
        "Chile signed a deal with South Korea for 20 K9 howitzers. "
        "“These K9 howitzers will transform our artillery,” the minister said. "
        "The deal, valued at $300 million, was delayed by the pandemic."
    )
    claims = _claims(text)
    assert {c["status"] for c in claims} == {"signed", "delayed"}
    assert all(c["value"] == {"amount": 300000000, "currency": "USD"} for c in claims)


def test_a_bare_state_in_a_sentence_about_the_deal_is_no_new_buyer():
    text = (
        "Finland concluded a contract with Israel for the Arrow 3 interceptor. "
        "The United States, a partner in building the missile, gave its consent to the export in March."
    )
    assert {(t[0], t[1]) for t in _triples(text)} == {("ISR", "FIN")}


def test_the_buyer_of_the_deal_in_context_signing_a_contract_speaks_of_that_deal():
    text = (
        "Peru ordered K9 howitzers from South Korea in 2021. "
        "Peru signed a $300 million contract in 2021 and has since received deliveries."
    )
    claims = _claims(text)
    assert {t[:2] for t in _triples(text)} == {("KOR", "PER")}
    assert any(c["value"] == {"amount": 300000000, "currency": "USD"} for c in claims)


def test_a_contract_for_another_kind_of_item_is_not_the_deal_in_context():
    text = "India ordered 36 Rafale jets from France in 2016. India also signed a $2 billion contract for submarines."
    assert _triples(text) == {("FRA", "IND", "Rafale")}
    assert all(c["value"] is None for c in _claims(text))
