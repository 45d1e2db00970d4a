"""Generality of the extractor's rules: each test uses its own wording (no article of a
development set), so a rule that only fits one sentence fails here.

Covers: option/order/purchase-noun triggers with a company supplier; "built by <company>"
and capitals as parties with a system-less claim; stated supplier relationships (status
``unknown``); future deliveries and aid pledges (never delivering); one system written two
ways ("MQ-9B Predator", "F-39 Gripen E"); a bare family name ("Gripen") not resolving to one
variant; "N years ago/after" dates; more ISO currencies.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.extract.dates import find_dates
from kg.extract.mentions import find_mentions
from kg.extract.money import find_money
from kg.extract.triggers import _triggers
from kg.vocab import reference

PUB = date(2025, 3, 12)


def _claims(text: str, published: date | None = PUB) -> list[dict]:
    return [c.to_dict() for c in extract_text(text, published)]


def _triple(c: dict) -> tuple:
    return (
        c["supplier"]["iso3"] if c["supplier"] else None,
        c["buyer"]["iso3"],
        c["system"]["name"] if c["system"] else None,
    )


# --- 1. options, orders and purchase nouns; a company supplier after "with"/"from" ----------


def test_exercised_option_with_a_company_is_a_signed_follow_on():
    out = _claims(
        "Latvia's armed forces have exercised a contract option with Patria for 40 more armoured "
        "vehicles, the ministry said."
    )
    assert out, out
    c = out[0]
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"]) == ("FIN", "LVA")
    assert c["supplier_company"] == {"name": "Patria"}
    assert c["status"] == "signed"
    assert c["quantity"] == 40


def test_exercised_option_names_company_supplier_and_country():
    out = _claims("Estonia exercised an option with Hanwha for six additional K9 howitzers.")
    assert [_triple(c) for c in out] == [("KOR", "EST", "K-9 Thunder 155mm")]
    assert out[0]["supplier_company"] == {"name": "Hanwha Aerospace"}
    assert out[0]["status"] == "signed" and out[0]["quantity"] == 6 and out[0]["batch"] == "additional"


def test_placed_a_follow_on_order_is_signed():
    out = _claims("Romania placed a follow-on order with Rheinmetall for 12 Lynx vehicles.")
    assert out and out[0]["status"] == "signed" and out[0]["supplier"]["iso3"] == "DEU"


def test_purchase_noun_with_a_year_is_a_signed_order():
    out = _claims("The ministry recalled the 2019 purchase of 18 Rafale jets by Croatia.")
    assert out, out
    c = out[0]
    assert (c["supplier"]["iso3"], c["buyer"]["iso3"]) == ("FRA", "HRV")
    assert c["status"] == "signed" and c["quantity"] == 18 and c["order_year"] == 2019


def test_planned_purchase_noun_is_not_signed():
    out = _claims("Lawmakers debated the planned purchase of 32 F-35 jets by Czechia.")
    assert out and all(c["status"] != "signed" for c in out)


def test_approval_of_a_purchase_stays_approved():
    out = _claims("Washington approved the purchase of 12 AH-64E helicopters by Morocco.")
    assert out and out[0]["status"] == "approved"


def test_money_before_follows_belongs_to_the_new_option_not_the_earlier_purchase():
    out = _claims(
        "Denmark took up an option with Elbit for eight more PULS rocket launchers. "
        "The DKK 1.5 billion option comes after the 2023 purchase of eight PULS launchers."
    )
    by_batch = {c["batch"]: c for c in out}
    assert by_batch["additional"]["value"] == {"amount": 1500000000, "currency": "DKK"}
    assert by_batch["original"]["value"] is None and by_batch["original"]["order_year"] == 2023


# --- 2. "built by <company>", capitals, system-less claims ------------------------------------


def test_ampersand_company_names_are_found():
    texts = [m.text for m in find_mentions("boats from Larsen & Toubro and L&T Defence")]
    assert "Larsen & Toubro" in texts


def test_capital_buyer_and_built_by_company_supplier_without_catalogue_system():
    out = _claims("Jakarta received eight fast patrol boats built by Larsen & Toubro last month.")
    assert [_triple(c) for c in out] == [("IND", "IDN", None)]
    assert out[0]["status"] == "delivered" and out[0]["quantity"] == 8


# --- 3. stated supplier relationships -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "supplier", "buyer"),
    [
        ("China has long been Bangladesh's largest arms supplier.", "CHN", "BGD"),
        ("France remained the biggest weapons supplier to Egypt over the period.", "FRA", "EGY"),
        ("Israel supplies nearly half of Azerbaijan's weapons, analysts say.", "ISR", "AZE"),
        ("Serbia's main source of arms is Russia, according to the data.", "RUS", "SRB"),
        ("The United States accounted for 40% of Saudi Arabia's arms imports.", "USA", "SAU"),
    ],
)
def test_relationship_sentence_gives_unknown_systemless_claim(text, supplier, buyer):
    out = _claims(text)
    assert [(_triple(c), c["status"]) for c in out] == [((supplier, buyer, None), "unknown")]


def test_relationship_claim_survives_beside_a_deal_of_the_same_pair():
    out = _claims(
        "China remains Bangladesh's top arms supplier. Bangladesh ordered 16 J-10C fighters from China."
    )
    assert ("CHN", "BGD", None) in {_triple(c) for c in out}
    assert ("CHN", "BGD", "J-10C") in {_triple(c) for c in out}


# --- 4. future deliveries and pledges ------------------------------------------------------


def test_future_first_deliveries_are_not_delivering():
    out = _claims(
        "Poland signed a contract with the United States for 96 AH-64E helicopters. "
        "Boeing will deliver the first helicopters in 2028."
    )
    assert out and all(c["status"] not in ("delivering", "delivered") for c in out)
    assert len({c["deal_key"] for c in out}) == 1
    assert any(d["date"] == "2028" and d["role"] == "expected" for c in out for d in c["dates"])


def test_first_batch_due_to_arrive_is_not_delivering():
    out = _claims("The first batch of K2 tanks for Poland is expected to arrive in 2026.")
    assert out and all(c["status"] not in ("delivering", "delivered") for c in out)


def test_will_be_delivered_is_not_delivering():
    out = _claims("The first four Rafale jets ordered by Serbia will be delivered in 2028.")
    assert out and all(c["status"] not in ("delivering", "delivered") for c in out)


def test_aid_pledge_in_the_future_is_approved():
    out = _claims("Norway will provide Ukraine with 10 NASAMS launchers under a new aid package.")
    assert [(_triple(c)[:2], c["status"]) for c in out] == [(("NOR", "UKR"), "approved")]


def test_pledged_donation_is_approved():
    out = _claims("Denmark pledged to donate 19 F-16 jets to Ukraine.")
    assert out and out[0]["status"] == "approved" and out[0]["supplier"]["iso3"] == "DNK"


def test_future_sale_without_aid_stays_signed():
    out = _claims("Under the contract, France will sell 12 Rafale jets to Serbia.")
    assert out and out[0]["status"] == "signed"


# --- 5. one system written two ways; generic family names ------------------------------------


def test_brazilian_f39_designation_is_the_gripen_e():
    assert reference.resolve_system("F-39").designation == "Gripen-E"
    ms = [m for m in find_mentions("a third F-39E Gripen fighter") if m.kind == "system"]
    assert [m.system.designation for m in ms] == ["Gripen-E"]


def test_bare_gripen_is_the_family_not_the_c_variant():
    assert reference.resolve_system("Gripen").designation == "Gripen"
    assert reference.resolve_system("Gripen C").designation == "JAS-39C Gripen"
    out = _claims("Thailand ordered four Gripen jets from Sweden.")
    assert [_triple(c) for c in out] == [("SWE", "THA", "Gripen")]


@pytest.mark.parametrize(
    ("text", "designation"),
    [
        ("bought 24 MQ-9B Predator drones", "MQ-9B SkyGuardian"),
        ("ordered 12 Su-30MKI Flanker jets", "Su-30MK"),
        ("received the first F-39 Gripen E", "Gripen-E"),
    ],
)
def test_designation_next_to_nickname_is_one_system(text, designation):
    ms = [m for m in find_mentions(text) if m.kind == "system"]
    assert [m.system.designation for m in ms] == [designation]


def test_designation_with_nickname_gives_one_claim_with_quantity_and_value():
    out = _claims("Taiwan agreed to buy 4 MQ-9B Predator drones from the United States for $600 million.")
    assert len(out) == 1
    assert out[0]["quantity"] == 4 and out[0]["value"] == {"amount": 600000000, "currency": "USD"}


def test_two_different_systems_side_by_side_stay_apart():
    ms = [m for m in find_mentions("its F-16 F-35 mix") if m.kind == "system"]
    assert len(ms) == 2


# --- 6. "N years ago/after" ---------------------------------------------------------------


def test_years_after_a_past_signing_counts_back_from_publication():
    out = _claims(
        "Vietnam has received its first radars from Israel, three years after Hanoi signed a "
        "$90 million contract for four EL/M-2084 radars.",
        date(2023, 8, 1),
    )
    assert out and out[0]["order_year"] == 2020


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The jets were ordered four years ago.", "2021"),
        ("Talks began 18 months ago.", "2023-09"),
        ("It has the radars now, a year after Manila ordered them.", "2024"),
    ],
)
def test_ago_and_after_resolve(text, value):
    got = [d.value for d in find_dates(text, PUB)]
    assert value in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Deliveries start two years after the contract is signed.",
        "Deliveries began two years after the contract was signed.",
        "The jets were ordered four years ago.",
    ],
)
def test_relative_offsets_need_publication_and_a_present_main_clause(text):
    assert all(d.value is None for d in find_dates(text, None) if "ago" in d.text or "after" in d.text)
    if "Deliveries" in text:
        assert not any("after" in d.text for d in find_dates(text, PUB))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=12), st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
)
def test_years_ago_is_publication_year_minus_n(n, pub):
    ds = find_dates(f"The deal was signed {n} years ago.", pub)
    assert [d.value for d in ds] == [f"{pub.year - n:04d}"]
    assert all(d.granularity == "year" and d.relative for d in ds)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=99), st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
)
def test_months_ago_steps_back_n_months(n, pub):
    (d,) = find_dates(f"talks began {n} months ago", pub)
    y, m = map(int, d.value.split("-"))
    assert (pub.year * 12 + pub.month) - (y * 12 + m) == n


# --- currencies -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("NOK 2.4 billion", 2_400_000_000, "NOK"),
        ("2.4 billion Norwegian kroner", 2_400_000_000, "NOK"),
        ("ILS 1.2 billion", 1_200_000_000, "ILS"),
        ("NIS 300 million", 300_000_000, "ILS"),
        ("750 million shekels", 750_000_000, "ILS"),
        ("1.1 billion Australian dollars", 1_100_000_000, "AUD"),
        ("900 million Canadian dollars", 900_000_000, "CAD"),
        ("6 billion Danish kroner", 6_000_000_000, "DKK"),
        ("NT$ 20 billion", 20_000_000_000, "TWD"),
        ("2 trillion South Korean won", 2_000_000_000_000, "KRW"),
    ],
)
def test_more_currencies(text, amount, currency):
    (m,) = find_money(text)
    assert (m.amount, m.currency) == (Decimal(amount), currency)


_CODES = ["NOK", "SEK", "DKK", "KRW", "AUD", "CAD", "JPY", "CHF", "ILS", "NIS", "TWD", "SGD", "BRL"]
_ISO = {"NIS": "ILS"}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_CODES),
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["million", "billion", ""]),
)
def test_iso_prefix_amounts_parse_exactly(code, n, scale):
    text = f"a contract worth {code} {n} {scale}".rstrip() + " for the jets"
    (m,) = find_money(text)
    mult = {"million": 10**6, "billion": 10**9, "": 1}[scale]
    assert m.currency == _ISO.get(code, code)
    assert m.amount == Decimal(n * mult)
    assert text[m.start : m.end] == m.text
    # lower-case codes inside prose are not money
    assert find_money(text.replace(code, code.lower())) == []


def test_a_year_after_publication_is_an_expected_date_not_a_report_date():
    out = _claims("Spain will supply Ukraine with 6 Hawk launchers by 2027, Madrid said, as part of its aid.")
    assert out and all(d["role"] == "expected" for c in out for d in c["dates"] if d["date"] == "2027")
    assert any(d["date"] == "2027" for c in out for d in c["dates"])


def test_scheduled_deliveries_are_a_future_cue_not_a_delivery():
    s = "Deliveries of the frigates, two of which will be built in Jakarta, are scheduled between 2027 and 2030."
    assert [t[0] for t in _triggers(s)] == ["signed-future"]
    out = _claims("Warships for Indonesia: " + s)
    assert all(c["status"] not in ("delivering", "delivered") for c in out)


# --- 7. a choice against a rival: "selected X over Y" ---------------------------------------


def test_rival_named_with_its_maker_after_over_is_not_the_deal():
    out = _claims(
        "The Philippine Air Force has picked the KAI FA-50 over the Leonardo M-346, with a deal for "
        "12 jets expected to be signed in May."
    )
    # the rival lost a competition: per the labelling guidelines a rejected offer is still an offer
    # (status offered, no quantity of the deal), never a party to the chosen deal
    deal = [c for c in out if c["status"] != "offered"]
    assert [_triple(c) for c in deal] == [("KOR", "PHL", "FA-50")]
    assert [(_triple(c), c["quantity"]) for c in out if c["status"] == "offered"] == [
        (("ITA", "PHL", "M-346 Master"), None)
    ]
    # a buyer's choice is its government's decision (approved), the contract still to come
    assert deal[0]["status"] == "approved" and deal[0]["quantity"] == 12


def test_beaten_rival_is_not_a_second_deal():
    out = _claims("Indonesia ordered 12 Rafale jets from France, beating the Boeing F-15EX.")
    deal = [c for c in out if c["status"] != "offered"]
    assert [_triple(c) for c in deal] == [("FRA", "IDN", "Rafale")]
    assert deal[0]["status"] == "signed"
    # the beaten rival was an offer (labelling guidelines), with none of the deal's details
    assert [(c["supplier"]["iso3"], c["quantity"]) for c in out if c["status"] == "offered"] == [
        ("USA", None)
    ]


def test_rejected_list_after_rather_than_is_dropped():
    out = _claims(
        "Colombia chose the Gripen E rather than the F-16 Block 70 and the Rafale for its fighter programme."
    )
    assert [_triple(c) for c in out] == [("SWE", "COL", "Gripen-E")]
    assert out[0]["status"] == "approved"


def test_opted_for_instead_of_is_a_selection():
    out = _claims("Argentina opted for the F-16 Block 15 from Denmark instead of the Chinese JF-17.")
    assert [(_triple(c)[:2], c["status"]) for c in out] == [(("DNK", "ARG"), "approved")]


@pytest.mark.parametrize(
    ("text", "triple", "quantity"),
    [
        ("Egypt ordered 30 more Rafale jets over the next decade.", ("FRA", "EGY", "Rafale"), 30),
        (
            "India signed a deal with Russia for S-400 systems over the objections of Washington.",
            ("RUS", "IND", "S-400 Triumf"),
            None,
        ),
    ],
)
def test_over_without_a_rival_changes_nothing(text, triple, quantity):
    out = _claims(text)
    assert [_triple(c) for c in out] == [triple]
    assert out[0]["status"] == "signed" and out[0]["quantity"] == quantity


def test_saab_prefixed_variant_names_resolve_to_the_variant():
    ms = [m for m in find_mentions("the Saab Gripen E/F and the Saab Gripen C/D") if m.kind == "system"]
    assert [m.system.designation for m in ms] == ["Gripen-E", "JAS-39C Gripen"]


# --- 8. a domestic builder of a foreign design ------------------------------------------------


def test_licence_builder_of_the_buyers_country_is_not_the_supplier():
    out = _claims(
        "The Indian Air Force approved 12 more Su-30MKI jets to be built under licence by Hindustan Aeronautics."
    )
    assert [(_triple(c), c["status"], c["quantity"]) for c in out] == [
        (("RUS", "IND", "Su-30MKI"), "approved", 12)
    ]


def test_domestic_shipyard_after_approving_agency_keeps_the_design_origin():
    text = (
        "India's Defence Acquisition Council approved 31 MQ-9B drones last year. "
        "The DAC on Tuesday also cleared two more Scorpene submarines to be built by Mazagon Dock."
    )
    out = [c for c in _claims(text) if c["system"] and c["system"]["name"] == "Scorpene"]
    assert [(_triple(c), c["status"], c["quantity"]) for c in out] == [
        (("FRA", "IND", "Scorpene"), "approved", 2)
    ]


def test_domestic_product_made_by_domestic_company_stays_domestic():
    assert _claims("India ordered 97 Tejas jets from Hindustan Aeronautics.") == []


def test_acquisition_council_is_indian():
    assert reference.resolve_party("Defence Acquisition Council").country_iso3 == "IND"


# --- 9. an approving government of the deal in context ------------------------------------------


def test_export_cleared_by_the_suppliers_government_attaches_to_the_deal():
    out = _claims(
        "Chile bought four CAESAR howitzers from France last year. "
        "The deal was cleared by the French government in 2022 for about $60 million."
    )
    approved = [c for c in out if c["status"] == "approved"]
    assert [_triple(c) for c in approved] == [("FRA", "CHL", "CAESAR 155mm")]
    assert approved[0]["value"] == {"amount": 60000000, "currency": "USD"}


def test_buyers_own_approval_by_government_stays_the_buyer():
    out = _claims(
        "Chile bought four CAESAR howitzers from France last year. "
        "The purchase was approved by the Chilean government in 2022."
    )
    assert {_triple(c) for c in out} == {("FRA", "CHL", "CAESAR 155mm")}


# --- 10. an earlier deal the new order adds to ---------------------------------------------------


def test_earlier_purchase_after_adding_to_keeps_its_year_and_number():
    out = _claims("Egypt signed for more Rafale jets, adding to the 24 it bought in 2015.")
    assert [_triple(c) for c in out] == [("FRA", "EGY", "Rafale")]
    assert out[0]["order_year"] != 2015 and out[0]["quantity"] != 24


def test_on_top_of_earlier_order_keeps_new_quantity_only():
    out = _claims(
        "Norway ordered six more K9 howitzers from Hanwha, on top of the 24 it already bought in 2017 for $200 million."
    )
    assert [_triple(c) for c in out] == [("KOR", "NOR", "K-9 Thunder 155mm")]
    assert (out[0]["quantity"], out[0]["order_year"], out[0]["value"]) == (6, None, None)


# --- 11. the order's year in a delivery sentence --------------------------------------------------


def test_order_placed_in_year_is_the_order_year_of_a_delivery():
    out = _claims(
        "Hungary took delivery of the last four Leopard 2A7 tanks on Tuesday, completing an order for "
        "44 tanks placed in 2018."
    )
    assert [(_triple(c), c["quantity"], c["order_year"]) for c in out] == [
        (("DEU", "HUN", "Leopard-2A7"), 44, 2018)
    ]


def test_delivery_day_is_not_the_order_date_of_a_contract_signed_earlier():
    out = _claims("Greece received six Rafale jets on Friday under a contract signed in 2021.")
    assert out and out[0]["order_year"] == 2021


def test_year_before_a_signing_verb_stays_the_order_year():
    out = _claims("In 2019, Poland signed a contract for 32 F-35 jets.")
    assert out and out[0]["order_year"] == 2019


# --- 12. variants --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "designation"),
    [
        ("Belarus received four Su-30SM2 fighters", "Su-30SM"),
        ("Myanmar's Su-30SME jets", "Su-30SM"),
        ("eight F-16 Block 72 jets", "F-16V Viper"),
    ],
)
def test_variant_names_resolve_to_their_own_designation(text, designation):
    ms = [m for m in find_mentions(text) if m.kind == "system"]
    assert [m.system.designation for m in ms] == [designation]


# --- co-developed systems: one seller, not one claim per developer -----------------------


def test_a_co_developer_in_a_later_sentence_is_not_a_second_seller() -> None:
    text = (
        "Indonesia signed a contract with India last month for BrahMos coastal missile batteries. "
        "It is the second export order for the missile, developed jointly by India and Russia. "
        "The contract covers two batteries."
    )
    claims = _claims(text)
    assert {c["supplier"]["name"] for c in claims if c["supplier"]} == {"India"}
    assert 2 in {c["quantity"] for c in claims}


def test_of_two_named_developers_the_catalogue_origin_sells() -> None:
    claims = _claims("Vietnam ordered BrahMos missiles, developed jointly by India and Russia, in 2024.")
    assert [(c["supplier"]["name"], c["buyer"]["name"]) for c in claims] == [("India", "Vietnam")]


@pytest.mark.parametrize("adj", ["main", "largest", "biggest", "leading"])
@pytest.mark.parametrize("what", ["arms purchases", "weapons imports", "military procurement"])
def test_source_for_arms_is_a_relation_trigger(adj: str, what: str) -> None:
    """ "X is Y's main source for arms purchases" states the supplier relation (the relation pattern
    had the wording, but the cheap word test before it knew only "destination for")."""
    s = f"Portugal remained Chile's {adj} source for {what} over the decade."
    assert [t[0] for t in _triggers(s)] == ["unknown"]
