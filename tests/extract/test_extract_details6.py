"""Counts and sums of real-news deal sentences (helper details6), each pattern in our own words
(never text of ``../shared/eval`` or the labelled sets).

Each test names the wording and fails without the rule it guards.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract_text
from kg.extract.money import find_money, local_currency

PUB = date(2025, 6, 1)


def _claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract_text(text, PUB) if not c.negated]


def _values(text: str, buyer: str) -> set[tuple]:
    """(amount, currency) of the claims of ``buyer`` that carry a value."""
    return {
        (c["value"]["amount"], c["value"]["currency"])
        for c in _claims(text)
        if c["buyer"]["iso3"] == buyer and c["value"]
    }


# --- a currency word several states share is the deal party's own -------------------------


@pytest.mark.parametrize(
    "buyer_name, buyer, supplier_name, word, currency",
    [
        ("Denmark", "DNK", "France", "crowns", "DKK"),
        ("Norway", "NOR", "Germany", "crowns", "NOK"),
        ("The Czech Republic", "CZE", "Sweden", "crowns", "CZK"),
        ("Chile", "CHL", "Spain", "pesos", "CLP"),
        ("Mexico", "MEX", "France", "pesos", "MXN"),
        ("Pakistan", "PAK", "China", "rupees", "PKR"),
        ("Morocco", "MAR", "France", "dirhams", "MAD"),
    ],
)
def test_shared_currency_word_is_the_buyers_currency(
    buyer_name: str, buyer: str, supplier_name: str, word: str, currency: str
) -> None:
    text = f"{buyer_name} has signed a contract with {supplier_name} for 12 Caesar howitzers worth 3 billion {word}."
    assert _values(text, buyer) == {(3_000_000_000, currency)}


def test_shared_currency_word_falls_back_to_the_suppliers_currency() -> None:
    text = "Thailand has signed a contract with Sweden for four Gripen jets worth 5 billion crowns."
    assert _values(text, "THA") == {(5_000_000_000, "SEK")}


def test_shared_word_with_no_default_and_no_party_using_it_is_no_value() -> None:
    (mo,) = find_money("about 7 billion pesos")
    assert local_currency(mo, ["FRA", "DEU"]) is None
    assert local_currency(mo, ["ARG"]) is not None and local_currency(mo, ["ARG"]).currency == "ARS"


def test_own_currency_sums_are_not_reread() -> None:
    (mo,) = find_money("$2 billion")
    assert local_currency(mo, ["CZE"]) == mo


# --- a delivery told as a part of the whole ----------------------------------------------


def _by_status(text: str, supplier: str, buyer: str) -> dict[str, set]:
    out: dict[str, set] = {}
    for c in _claims(text):
        if (c["supplier"] or {}).get("iso3") == supplier and c["buyer"]["iso3"] == buyer:
            out.setdefault(c["status"], set()).add(c["quantity"])
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Peru has taken delivery of the first four of ten Caesar howitzers it ordered from France.",
        "Peru has received the first four of the ten Caesar howitzers it ordered from France.",
        "Peru ordered ten Caesar howitzers from France in 2021 and has received four of them.",
        "Peru bought Caesar howitzers from France: the first four of ten ordered in 2021 were handed over last month.",
    ],
)
def test_part_of_the_whole_delivered_is_the_delivery_count(text: str) -> None:
    stages = _by_status(text, "FRA", "PER")
    assert stages.get("delivering") == {4}, stages
    assert stages.get("signed") == {10}, stages


def test_part_of_which_delivered_gives_the_named_systems_count() -> None:
    text = "Spain has supplied Peru with Leopard 2A4 tanks, 30 of which were handed over in 2020."
    stages = _by_status(text, "ESP", "PER")
    assert {30} in stages.values(), stages


def test_more_than_n_of_them_is_no_delivery_count() -> None:
    text = "Peru ordered ten Caesar howitzers from France in 2021 and has received more than four of them."
    stages = _by_status(text, "FRA", "PER")
    assert 4 not in set().union(*stages.values()), stages


# --- one battery, stated as such -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Slovakia bought a battery of Pantsir-S1 systems from Russia in 2019.",
        "Slovakia bought one battery of the Pantsir-S1 system from Russia in 2019.",
        "Slovakia bought a second Pantsir-S1 battery from Russia in 2019.",
        "Slovakia bought a new Pantsir-S1 fire unit from Russia in 2019.",
        "Spain will send a Pantsir-S1 battery of its own to Slovakia.",
    ],
)
def test_one_battery_is_a_count_of_one(text: str) -> None:
    found = [c for c in _claims(text) if c["buyer"]["iso3"] == "SVK" and c["system"]]
    assert found and {c["quantity"] for c in found} == {1}


def test_batteries_without_a_count_have_no_quantity() -> None:
    found = [c for c in _claims("Slovakia bought Pantsir-S1 batteries from Russia in 2019.") if c["system"]]
    assert found and {c["quantity"] for c in found} == {None}


# --- numbers that name a standard, counts written as a compound ----------------------------


@pytest.mark.parametrize("designator", ["Block 20", "Batch 3", "Tranche 2", "Mk 2", "Block-50"])
def test_designator_number_is_no_count(designator: str) -> None:
    text = f"Chile's first F-16 {designator} fighter jets ordered from the United States arrived in 2024."
    found = [c for c in _claims(text) if c["buyer"]["iso3"] == "CHL"]
    assert found and all(c["quantity"] != int(designator.split()[-1].split("-")[-1]) for c in found)


@pytest.mark.parametrize("compound", ["an 18-aircraft contract", "an 18-jet order", "an 18-helicopter deal"])
def test_count_in_a_compound_before_the_deal_noun_is_the_total(compound: str) -> None:
    text = f"Chile signed {compound} with Italy for the M-346 trainer in 2023."
    found = [c for c in _claims(text) if c["buyer"]["iso3"] == "CHL"]
    assert found and {c["quantity"] for c in found} == {18}


# --- a slipped remainder -------------------------------------------------------------------


@pytest.mark.parametrize(
    "later",
    [
        "Delivery of the last four has slipped to 2026.",
        "The remaining four have been delayed by two years.",
        "Delivery of the other four has been delayed until 2027.",
    ],
)
def test_delayed_remainder_is_the_delayed_facts_count(later: str) -> None:
    text = f"Peru ordered ten Caesar howitzers from France in 2021. {later}"
    stages = _by_status(text, "FRA", "PER")
    assert stages.get("delayed") == {4}, stages
    assert stages.get("signed") == {10}, stages


# --- counts listed "respectively" ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Ghana ordered six and four Bayraktar TB2 drones from Turkey respectively.",
        "Turkey's Baykar sold the Bayraktar TB2 to Kenya and Ghana, which bought six and four respectively.",
    ],
)
def test_respectively_gives_each_buyer_its_count(text: str) -> None:
    got = {c["buyer"]["iso3"]: c["quantity"] for c in _claims(text) if c["system"]}
    assert got.get("KEN") == 6 and got.get("GHA") == 4, got


# --- a sum of a sale of an item with its accessory -----------------------------------------


@pytest.mark.parametrize("joint", ["with", "along with", "plus"])
def test_sum_of_a_sale_with_an_accessory_goes_to_the_head_item(joint: str) -> None:
    text = (
        "The State Department approved a possible sale to Romania of 54 M1A2 Abrams tanks "
        f"{joint} 200 Javelin missiles, estimated at $2.5 billion."
    )
    got = {c["system"]["name"]: c["value"] for c in _claims(text) if c["system"]}
    abrams = [v for k, v in got.items() if "Abrams" in k]
    javelin = [v for k, v in got.items() if "Javelin" in k]
    assert abrams == [{"amount": 2_500_000_000, "currency": "USD"}], got
    assert all(v is None for v in javelin), got


# --- a cumulative whole told as done ----------------------------------------------------------


@pytest.mark.parametrize(
    "done",
    [
        "All 16 had been delivered by March 2024.",
        "All 16 were handed over by March 2024.",
        "All of the 16 have now arrived.",
    ],
)
def test_all_n_delivered_is_the_count_of_the_delivered_fact(done: str) -> None:
    text = f"Chile signed for ten Leopard 2 tanks from Germany in 2021 and ordered six more in 2022. {done}"
    stages = _by_status(text, "DEU", "CHL")
    assert 16 in stages.get("delivered", set()), stages


# --- a symbolic price in words ------------------------------------------------------------


@pytest.mark.parametrize(
    "price, currency",
    [
        ("for a symbolic one euro", "EUR"),
        ("for one dollar", "USD"),
        ("for a token pound", "GBP"),
        ("for a nominal one franc", "CHF"),
    ],
)
def test_symbolic_price_in_words_is_the_deal_value(price: str, currency: str) -> None:
    text = f"Bulgaria signed a contract with Norway for 12 used F-16 jets {price}."
    assert _values(text, "BGR") == {(1, currency)}


def test_one_in_other_wordings_is_no_price() -> None:
    assert find_money("for one year, the euro area grew") == []


# --- a count of another kind of item --------------------------------------------------------


@pytest.mark.parametrize(
    "later, kind",
    [
        ("So far 40 of those 60 tanks have arrived.", "tanks"),
        ("The order also covers six howitzers.", "howitzers"),
        ("Deliveries of the 12 frigates have begun.", "frigates"),
    ],
)
def test_count_of_another_kind_of_item_is_not_the_systems(later: str, kind: str) -> None:
    text = f"Chile ordered 12 KF-21 fighter jets from South Korea in 2024. {later}"
    found = [c for c in _claims(text) if c["system"] and c["evidence"]["text"] == later]
    assert all(c["quantity"] in (None, 12) for c in found), (kind, found)


def test_land_kinds_count_each_other() -> None:
    text = "Chile will build the K9 howitzer under a licence agreement with South Korea that covers 200 vehicles."
    found = [c for c in _claims(text) if c["system"] and c["buyer"]["iso3"] == "CHL"]
    assert found and {c["quantity"] for c in found} == {200}
