"""Patterns of real news the extractor must handle, each in our own words (never text of the
development set in ``../shared/eval``): designations as written, role cues, trigger vocabulary,
statuses per the labelling guidelines, hallucinated pairs from background, and the calibrated
confidence scale.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.confidence import score
from kg.extract.designations import written_designation
from kg.vocab import reference

PUB = date(2025, 6, 1)


def _claims(text: str) -> list[dict]:
    return claim_facts.claims(text, PUB, asserted=True)


def _triples(text: str) -> set[tuple]:
    return claim_facts.triples(text, PUB, asserted=True)


# --- designations as written ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "designation", "expected"),
    [
        ("F-16", "F-16A", "F-16"),  # a bare family is not its first variant
        ("F-16s", "F-16A", "F-16"),  # nor is its plural
        ("J-10Cs", "J-10C", "J-10C"),
        ("Leopard 2 tank", "Leopard-2A4", "Leopard 2"),
        ("Leopard 2A8", "Leopard-2A7", "Leopard 2A8"),  # a newer variant grouped with an older one
        ("F-15EX", "F-15E Strike Eagle", "F-15EX"),
        ("P-8I", "P-8A Poseidon", "P-8I"),
        ("K9", "K-9 Thunder 155mm", "K-9 Thunder 155mm"),  # the family's own record
        ("MQ-9B", "MQ-9B SkyGuardian", "MQ-9B SkyGuardian"),
        ("AGM-114R", "AGM-114 Hellfire-2", "AGM-114R"),  # a variant the family record lumps in keeps its name
        ("F-16 Block 70", "F-16V Viper", "F-16V Viper"),  # block numbers are the catalogue's variant
        ("Sudarshan Chakra", "S-400 Triumf", "S-400 Triumf"),  # a nickname keeps the identity
    ],
)
def test_designation_never_pins_a_variant_the_text_does_not_name(mention, designation, expected):
    assert written_designation(mention, designation) == expected


def test_claim_keeps_the_written_designation_and_the_mention():
    (c,) = _claims("Chile ordered 20 Leopard 2 tanks from Germany.")
    assert c["system"]["name"] == "Leopard 2"
    assert c["system"]["mention"].startswith("Leopard 2")
    # the written name still finds the catalogue record (linking to SIPRI keeps working)
    rec = reference.resolve_system(c["system"]["name"])
    assert rec is not None and rec.origin_iso3 == "DEU"
    (v,) = _claims("Chile ordered 20 F-16 Block 70 jets from the United States.")
    assert v["system"]["name"] == "F-16V Viper"


# --- who is a party ------------------------------------------------------------------------


def test_dateline_place_is_not_a_party():
    # the filing city's country is no supplier of a deal in which no supplier is named
    out = _triples("LISBON, Portugal — Peru's army has selected the K9 self-propelled howitzer.")
    assert all(t[0] != "PRT" and t[1] != "PRT" for t in out), out


def test_currency_prefix_is_not_a_country():
    out = _triples("Peru wants to buy 30 more K9 howitzers for US$200 million to replace its old guns.")
    assert all("USA" not in t[:2] for t in out), out


def test_a_system_being_replaced_is_not_bought():
    out = _triples(
        "Peru ordered 30 K9 howitzers from South Korea to replace the outdated Soviet-era D-30 guns."
    )
    assert {t[2] for t in out} == {"K-9 Thunder 155mm"}, out


def test_company_takes_the_state_the_text_gives_it():
    (c,) = _claims("Peru signed a contract with Airbus Defence and Space of Spain for six C-295 aircraft.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"]) == ("ESP", "PER")
    (d,) = _claims("Peru signed a contract with the Spain-based unit of Airbus for six C-295 aircraft.")
    assert (d["supplier"]["iso3"], d["buyer"]["iso3"]) == ("ESP", "PER")


def test_stated_supplier_relation_with_one_of():
    (c,) = _claims("Russia remains one of Vietnam's principal defence suppliers.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["system"], c["status"]) == (
        "RUS",
        "VNM",
        None,
        "unknown",
    )


# --- statuses per the labelling guidelines ---------------------------------------------------


def test_awaiting_the_first_batch_is_not_delivering():
    (c,) = _claims("Peru is awaiting the arrival of the first batch of Rafale fighters from France.")
    assert c["status"] != "delivering"


def test_green_lit_purchase_is_an_approval():
    (c,) = _claims("Peru's cabinet green-lit the purchase of 10 Rafale fighters from France.")
    assert c["status"] == "approved"


# --- trigger vocabulary: an equivalent trigger keeps the claim --------------------------------

SIGNED = ["signed", "inked", "sealed", "closed", "finalised", "concluded"]
NOUNS = ["contract", "deal", "agreement"]


@settings(max_examples=40, deadline=None)
@given(
    verb=st.sampled_from(SIGNED),
    noun=st.sampled_from(NOUNS),
    buyer=st.sampled_from(["Peru", "Chile", "Kenya"]),
)
def test_swapping_a_signing_trigger_keeps_the_claim(verb, noun, buyer):
    out = _claims(f"{buyer} {verb} a {noun} with France for 10 Rafale fighters.")
    assert [(c["supplier"]["iso3"], c["system"]["name"], c["status"], c["quantity"]) for c in out] == [
        ("FRA", "Rafale", "signed", 10)
    ], (verb, noun)


@settings(max_examples=20, deadline=None)
@given(verb=st.sampled_from(["approved", "cleared", "green-lit", "okayed"]))
def test_swapping_an_approval_trigger_keeps_the_claim(verb):
    out = _claims(f"Peru's defence ministry {verb} the purchase of 24 Swedish Gripen fighters.")
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in out] == [
        ("SWE", "PER", "approved")
    ]


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["delivered", "supplied", "shipped", "exported", "transferred", "sent"]),
    seller=st.sampled_from([("France", "FRA"), ("Sweden", "SWE"), ("Turkey", "TUR")]),
)
def test_swapping_a_delivery_verb_of_the_seller_keeps_the_claim(verb, seller):
    """The seller as subject of any delivery verb, "exported" included, supplies the "to" party."""
    name, iso3 = seller
    out = _claims(f"{name} {verb} 12 Gripen fighters to Peru in 2021.")
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"], c["quantity"]) for c in out] == [
        (iso3, "PER", "delivered", 12)
    ], verb


def test_a_reexport_stays_a_resale_not_a_plain_export():
    """ "re-exported" keeps its own reading (the re-exporting state sells); "exported" does not take it over."""
    out = _claims("Jordan re-exported 12 F-16 fighters to Chile in 2019.")
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in out] == [
        ("JOR", "CHL", "signed")
    ]


@settings(max_examples=30, deadline=None)
@given(
    lead=st.sampled_from(["will", "is due to", "is set to", "is expected to", "agreed to"]),
    verb=st.sampled_from(["deliver", "supply", "transfer", "provide"]),
)
def test_a_sellers_future_or_agreed_delivery_is_a_deal_told_ahead(lead, verb):
    """ "A is expected to deliver / agreed to transfer N X to B": a deal whose delivery is still to
    come (signed, the delivery expected), whichever of the equivalent wordings the text uses."""
    out = _claims(f"Sweden {lead} {verb} 12 Gripen fighters to Peru.")
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"], c["quantity"]) for c in out] == [
        ("SWE", "PER", "signed", 12)
    ], (lead, verb)


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["orders", "ordered", "has ordered", "signed for"]),
    count=st.sampled_from(["20", "twelve", "up to 20", "20 more"]),
)
def test_the_headline_present_orders_is_an_order(verb, count):
    """ "Greece orders 20 F-35s from US": the present of a headline or a lede is the order itself."""
    out = _claims(f"Peru {verb} {count} Gripen fighters from Sweden")
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in out] == [
        ("SWE", "PER", "signed")
    ], (
        verb,
        count,
    )


@settings(max_examples=20, deadline=None)
@given(lead=st.sampled_from(["will buy", "is to buy", "is set to buy", "is due to buy"]))
def test_a_purchase_announced_ahead_is_the_same_stage_whatever_the_wording(lead):
    """ "A is to buy N X" reads as "A will buy N X" (a purchase still to be made: talks)."""
    out = _claims(f"Peru {lead} 12 Gripen fighters from Sweden.")
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in out] == [
        ("SWE", "PER", "negotiating")
    ], lead


@pytest.mark.parametrize("verb", ["approved", "cleared"])
def test_a_third_state_approving_a_resale_is_no_buyer(verb):
    """ "A bought X from B in a deal approved by C": C gave its consent; A buys from B, C buys nothing."""
    out = _claims(f"Peru bought 12 F-16 fighters from Norway in a deal {verb} by the United States.")
    assert {(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in out} == {("NOR", "PER")}


def test_a_buyers_own_approval_keeps_the_buyer():
    """With no other subject buyer, "approved by A's cabinet" is A approving its own purchase."""
    out = _claims("The purchase of 12 Gripen fighters from Sweden was approved by Peru's cabinet.")
    assert {(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in out} == {("SWE", "PER")}


# --- confidence ------------------------------------------------------------------------------


def test_confidence_rises_with_explicit_cues_and_falls_with_guesses():
    explicit = score(
        ["supplier:from", "buyer:subject:ordered", "system:catalogue", "status:trigger"],
        modality=None,
        parties=2,
    )
    guessed = score(
        ["supplier:system-origin", "buyer:focus", "system:context", "status:none"], modality=None, parties=2
    )
    hedged = score(
        ["supplier:from", "buyer:subject:ordered", "system:catalogue", "status:trigger"],
        modality="expected",
        parties=2,
    )
    crowded = score(
        ["supplier:from", "buyer:subject:ordered", "system:catalogue", "status:trigger"],
        modality=None,
        parties=5,
    )
    assert explicit >= 0.8 > hedged
    assert guessed < 0.5
    assert crowded < explicit
    (c,) = _claims("Peru ordered 24 Gripen fighters from Sweden.")
    assert c["confidence"] >= 0.8 and "buyer:subject:ordered" in c["cues"]


def test_two_systems_of_one_makers_list_stay_two_systems():
    # same maker, same category, one sentence: a list of two systems, not one system named twice
    out = _triples(
        "In 2021, Hanwha Aerospace won a deal to provide Peru with 100 K9 howitzers and 50 Chunmoo launchers."
    )
    assert {t[2] for t in out} == {"K-9 Thunder 155mm", "K239 Chunmoo"}, out


def test_passive_supplied_to_x_by_y_makes_y_the_supplier():
    (c,) = _claims("The S-300 battery in question had been provided to Iran by Russia.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) == ("RUS", "IRN", "delivered")
    assert "supplier:passive-by" in c["cues"]


def test_a_contract_awarded_to_a_maker_makes_no_buyer_of_it():
    out = _triples(
        "Saab had offered the Gripen in a fighter contest that was finally awarded to French Dassault's Rafale."
    )
    assert all(t[1] != "FRA" for t in out), out


def test_organisation_describing_a_member_state_is_no_party():
    out = _triples("Chile is negotiating with the NATO member France over the purchase of 12 Rafale jets.")
    assert out == {("FRA", "CHL", "Rafale")}


def test_x_made_country_is_never_a_buyer():
    out = _triples(
        "Egypt is considering buying China's J-10C jets and is in talks to buy U.S.-made F-15EX fighters."
    )
    assert out == {("CHN", "EGY", "J-10C"), ("USA", "EGY", "F-15EX")}


def test_multinational_maker_supplies_from_the_state_that_builds_the_system():
    # the catalogue places Airbus in France; its C-295 is built in Spain
    (c,) = _claims("Peru signed a contract with Airbus for six C-295 transport aircraft.")
    assert (c["supplier"]["iso3"], c["supplier_company"]) == ("ESP", {"name": "Airbus"})


def test_the_counterpart_of_a_contract_is_no_buyer_without_a_subject():
    # a headline whose subject the page noise swallowed: "with X" alone decides nothing
    out = _claims("HomePage signs contract with Turkey to purchase 48 KAAN fighter aircraft")
    assert all(c["buyer"]["iso3"] != "TUR" for c in out), out


def test_items_a_deal_lists_are_each_a_deal_item():
    out = _triples(
        "Peru signed a deal with the United States for new drones. "
        "The deal also covers 50 AGM-114R Hellfire missiles as well as 100 GBU-39 Small Diameter Bombs."
    )
    assert {("USA", "PER", "AGM-114 Hellfire-2"), ("USA", "PER", "GBU-39 SDB")} <= out, out


def test_equipment_a_system_carries_is_still_no_deal_of_its_own():
    # "armed with" describes the system, not what the deal lists
    out = _triples("Peru ordered 12 F-16V jets from the United States, each armed with AIM-120 missiles.")
    assert {t[2] for t in out} == {"F-16V Viper"}, out


def test_a_states_own_system_is_no_transfer():
    out = _triples(
        "Peru has long wanted better fighters, especially as neighbouring Chile has inducted its own F-16 jets."
    )
    assert out == set(), out


def test_a_possible_sale_is_an_approval_only_when_approved():
    (hedged,) = _claims("Washington has also indicated a possible sale to Peru of F-35 stealth fighter jets.")
    assert hedged["status"] != "approved" and hedged["confidence"] < 0.8
    (approved,) = _claims("The US State Department approved a possible sale of F-35 jets to Peru.")
    assert approved["status"] == "approved"


def test_a_makers_home_state_written_before_it_is_the_same_party():
    out = _claims("Peru signed a contract with Germany's Krauss-Maffei Wegmann for 20 Leopard 2A8 tanks.")
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["supplier_company"]) for c in out] == [
        ("DEU", "PER", {"name": "Krauss-Maffei Wegmann"})
    ]


@pytest.mark.parametrize(
    ("phrase", "amount", "currency"),
    [
        ("valued at 3.5 billion Czech crowns (about 150 million U.S. dollars)", 3_500_000_000, "CZK"),
        ("worth 2.1 billion lei", 2_100_000_000, "RON"),
        ("at a cost of 1,200 crore taka", 12_000_000_000, "BDT"),
        ("for nearly Euro 6 billion", 6_000_000_000, "EUR"),
        # Bangladeshi, Pakistani, Malaysian and Indonesian prefixes
        ("a Tk 900 crore purchase", 9_000_000_000, "BDT"),
        ("costing BDT 4 billion", 4_000_000_000, "BDT"),
        ("a PKR 7 billion order", 7_000_000_000, "PKR"),
        ("signed for RM2.5 billion", 2_500_000_000, "MYR"),
        ("worth Rp 3 trillion", 3_000_000_000_000, "IDR"),
        # "cr" is no English word: spaced from the number it still means crore
        ("an order of Rs 750 cr for radars", 7_500_000_000, "INR"),
    ],
)
def test_more_currencies_and_the_first_stated_amount(phrase, amount, currency):
    from kg.extract.money import find_money

    first = find_money(phrase)[0]
    assert (first.amount, first.currency) == (amount, currency)


def test_euro_without_a_scale_is_no_money():
    from kg.extract.money import find_money

    assert find_money("fans watched the Euro 2024 final") == []


@pytest.mark.parametrize("phrase", ["the RM said 5 units", "tk 40 rounds", "a 300 m runway", "rp 9 files"])
def test_short_currency_prefixes_need_their_exact_case_and_a_number(phrase):
    from kg.extract.money import find_money

    assert find_money(phrase) == []


def test_a_maker_that_secured_a_contract_to_deliver_is_the_supplier():
    (c,) = _claims(
        "Hanwha Aerospace has secured a contract worth 500 billion won ($350 million) to deliver 80 more K9 howitzers to Peru."
    )
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"], c["quantity"]) == (
        "KOR",
        "PER",
        "signed",
        80,
    )
    assert c["value"] == {"amount": 500_000_000_000, "currency": "KRW"}


def test_a_calibre_is_no_quantity():
    (c,) = _claims("Peru has selected the K9 Thunder 155 mm self-propelled howitzer from South Korea.")
    assert c["quantity"] is None
    (d,) = _claims("France has donated to Peru six 155 millimeter truck-mounted CAESAR systems.")
    assert d["quantity"] == 6


def test_a_makers_other_system_is_not_reconciled_with_its_named_one():
    text = (
        "Peru has ordered an MArG 155 self-propelled howitzer from Bharat Forge of India. "
        "Peru, in 2023, ordered six such ATAGS."
    )
    assert {t[2] for t in _triples(text)} == {"MArG 155", "ATAGS"}


def test_packages_listing_items_refer_to_the_deal_in_context():
    text = (
        "The State Department approved the sale of 100 Harpoon systems to Peru. "
        "Separately, Chile complained about arms sales in the region. "
        "One package of weapons covers 11 M142 HIMARS launchers plus associated equipment, worth $436.1 million. "
        "Another package covers 135 AGM-84H missiles with associated equipment."
    )
    out = {(t[0], t[1], t[2]): t for t in _triples(text)}
    assert ("USA", "PER", "M-142 HIMARS") in out and ("USA", "PER", "AGM-84H SLAM-ER") in out, out
    himars = next(c for c in _claims(text) if c["system"] and c["system"]["name"] == "M-142 HIMARS")
    assert (himars["status"], himars["quantity"]) == ("approved", 11)


def test_an_announced_deal_to_send_is_signed_by_the_sender():
    (c,) = _claims("Hyundai Rotem announced a deal to send Peru 180 K2PL tanks by 2025.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"], c["quantity"]) == (
        "KOR",
        "PER",
        "signed",
        180,
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Peru is evaluating a Russian proposal for building Su-57 fighters at home.", "offered"),
        (
            "Russia has proposed to Peru both the supply and the local manufacture of Su-57 fighters.",
            "offered",
        ),
        ("Peru is considering buying Su-57 fighters from Russia.", "negotiating"),
        (
            "Korea Aerospace Industries revealed the signing of a contract with Peru for 12 FA-50 jets.",
            "signed",
        ),
        ("Peru signed an MoU with Turkey for the purchase of two Istif class frigates.", "negotiating"),
        ("Peru signed a memorandum of understanding with France on 12 Rafale jets.", "negotiating"),
    ],
)
def test_statuses_per_the_labelling_guidelines(text, status):
    out = _claims(text)
    assert out and {c["status"] for c in out} == {status}, out


def test_a_mention_without_a_stage_takes_the_stage_stated_elsewhere():
    text = (
        "Peru signed a contract with South Korea for 12 FA-50 jets. "
        "Peru's pilots praised the FA-50, which South Korea also operates."
    )
    out = [c for c in _claims(text) if c["buyer"]["iso3"] == "PER"]
    assert {c["status"] for c in out} == {"signed"}, out


def test_the_party_before_a_passive_buy_verb_is_not_the_buyer():
    out = _triples(
        "Peru scrapped the fighter contest after disputes with the French Dassault, whose Rafale was picked in 2012."
    )
    assert all(t[1] != "FRA" for t in out), out
    (c,) = _claims("Peru was chosen as the launch customer and ordered 12 Rafale jets from France.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) == ("FRA", "PER", "signed")


def test_the_count_written_before_the_system_wins_over_a_generic_count():
    out = _claims(
        "Peru chose South Korea for the acquisition of three battalion-level howitzer systems, "
        "including 54 K9 Thunder self-propelled howitzers."
    )
    assert [c["quantity"] for c in out] == [54]


def test_kinds_of_items_are_no_count():
    (c,) = _claims(
        "Two kinds of self-propelled howitzers were purchased by the Peruvian Army from China North Industries Corporation."
    )
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["quantity"]) == ("CHN", "PER", None)


def test_a_ship_class_keeps_the_class_name_the_text_gives():
    assert written_designation("Akula-class", "Project-971I") == "Akula-class"
    assert written_designation("Kalvari class", "Scorpene") == "Kalvari-class"
    (c,) = _claims("Peru signed an agreement with Russia to lease an Akula-class nuclear-powered submarine.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["system"]["name"]) == ("RUS", "PER", "Akula-class")
    assert reference.resolve_system(c["system"]["name"]) is not None


def test_a_kind_of_drone_is_no_designation():
    (c,) = _claims("Iran has provided Russia with several batches of Kamikaze drones.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["system"]) == ("IRN", "RUS", None)


def test_a_defence_partner_is_a_stated_supplier_relation():
    (c,) = _claims("Russia remains Peru's biggest defence partner.")
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"], c["system"], c["status"]) == (
        "RUS",
        "PER",
        None,
        "unknown",
    )
    assert _claims("Russia remains Peru's biggest trading partner.") == []


def test_a_block_number_is_a_variant_not_a_system():
    out = _triples(
        "Peru has requested to purchase 200 Block IV plus 200 Block V Tomahawk missiles from the United States."
    )
    assert {t[2] for t in out} == {"BGM-109 Tomahawk"}, out


def test_a_fleet_a_state_possesses_is_delivered_with_its_count():
    """'the army possesses N X' states systems in service (guidelines: delivered), and N is that
    fact's count; a wish to possess them is no delivery."""
    out = _claims("Today the Egyptian Air Force possesses 24 Rafale fighters.")
    assert [(c["buyer"]["iso3"], c["status"], c["quantity"]) for c in out] == [("EGY", "delivered", 24)]
    assert all(c["status"] != "delivered" for c in _claims("Egypt hopes to possess 24 Rafale fighters."))


def test_the_request_an_approval_answers_is_that_approval():
    """An export-approval notice restates the buyer's request ('X has requested to buy ...'):
    the request is the approved sale's, not a separate negotiation. Without an approval in the
    text a request stays a negotiation."""
    text = (
        "The State Department has cleared a possible sale of Patriot systems to Norway. "
        "Norway has requested to buy four Patriot fire units, the agency said."
    )
    assert {c["status"] for c in _claims(text)} == {"approved"}
    alone = _claims("Norway has requested to buy four Patriot fire units, the agency said.")
    assert alone and {c["status"] for c in alone} == {"negotiating"}


@pytest.mark.parametrize(
    "text",
    [
        "Chile bought 12 K9 howitzers from South Korea in 2015, with the delivery completed in 2018.",
        "Delivery of all the ordered K9 howitzers to Chile from South Korea was completed in 2018.",
        "Chile received the first batch of K9 howitzers from South Korea in 2016 and the delivery "
        "was completed in 2018.",
    ],
)
def test_a_completed_delivery_is_delivered(text):
    """'the delivery (of ...) was completed' states the transfer done, even beside first-batch words
    (a purchase stated in the same sentence is a stage of its own: labelling guidelines, rule 2)."""
    statuses = {c["status"] for c in _claims(text)}
    assert "delivered" in statuses and statuses <= {"delivered", "signed"}


def test_a_first_batch_without_completion_is_still_delivering():
    out = _claims("South Korea delivered the first six of 12 K9 howitzers to Chile in 2016.")
    assert {c["status"] for c in out} == {"delivering"}


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Vietnam signed a deal with Russia to lease a Kilo-class diesel submarine for eight years.", 1),
        # 'agreed with X to lease' is a signed lease like 'agreed to buy'
        ("Vietnam agreed with Russia to lease a Kilo-class diesel submarine for eight years.", 1),
        ("Egypt bought a FREMM frigate from Italy.", 1),
        # a ship programme or deal counts nothing; neither does a type-level 'ordered a howitzer'
        ("Egypt bought a FREMM frigate package from Italy.", None),
        ("Armenia has ordered an ATAGS towed howitzer from India.", None),
    ],
)
def test_a_single_ship_is_a_count_of_one(text, quantity):
    assert [c["quantity"] for c in _claims(text)] == [quantity]


def test_a_contract_won_with_a_foreign_company_makes_that_company_the_customer():
    """'<maker> won an order with <a foreign state firm> to supply ...': the winner sells, its
    counterpart buys; 'signed a contract with <maker>' keeps the maker as seller."""
    out = _claims(
        "Saab has won an order worth SEK 2 billion with Hindustan Aeronautics to supply 40 Gripen E fighters."
    )
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in out] == [("SWE", "IND")]
    assert out[0]["value"] == {"amount": 2_000_000_000, "currency": "SEK"}
    out = _claims("India signed a contract with Dassault Aviation for 26 Rafale jets.")
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in out] == [("FRA", "IND")]


def test_a_bare_word_the_article_also_writes_in_full_is_that_system():
    """'Hawk jets' after 'Hawk Advanced Jet Trainer aircraft' (same dyad) is the trainer, not the
    catalogue's other system that shares the word."""
    text = (
        "India ordered 20 Hawk Advanced Jet Trainer aircraft from the United Kingdom in March. "
        "Britain will also supply India 12 more Hawk jets next year."
    )
    names = {c["system"]["name"] for c in _claims(text)}
    assert len(names) == 1
