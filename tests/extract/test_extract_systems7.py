"""System names (helper systems7): own-words sentences only.

* a sentence that names no system refers back to the deal in context, but not when its item nouns
  name another platform ("the tanks have arrived" after a jet deal of the same buyer): then it is the
  buyer's latest deal of that platform, else no catalogue system at all.
* a multi-word designation written without the variant letter the catalogue record carries ("X-18
  Super Y" for the record "X-18E Super Y") keeps the name as written, as a one-word family name does.
"""

from __future__ import annotations

import pytest
from helpers import claim_facts

from kg.extract.designations import written_designation
from kg.extract.nouns import platform_nouns, platform_of

_claims = claim_facts.asserted


@pytest.mark.parametrize("noun", ["tanks", "main battle tanks"])
@pytest.mark.parametrize("verb", ["have arrived in Norway", "have been delivered to Norway"])
def test_a_platform_noun_refers_to_the_deal_of_that_platform(noun: str, verb: str) -> None:
    text = (
        "Norway signed a contract with Germany's KNDS in 2023 for 54 Leopard 2A8 tanks. "
        "In 2024 Norway also ordered 20 F-35A fighters from the United States. "
        f"So far 30 of those {noun} {verb}, the ministry said."
    )
    got = _claims(text)
    later = [c for c in got if c[2] and "F-35" in c[2] and c[3] in ("delivering", "delivered")]
    assert not later, got
    assert any(c[2] and "Leopard" in c[2] and c[3] in ("delivering", "delivered") for c in got), got


def test_the_same_platform_keeps_the_deal_in_context() -> None:
    text = (
        "Norway ordered 20 F-35A fighters from the United States in 2024. "
        "The first of those jets were delivered in March, the ministry said."
    )
    got = _claims(text)
    assert any(c[2] and "F-35" in c[2] and c[3] in ("delivering", "delivered") for c in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the jets and two frigates", {"aircraft", "ships"}),
        ("howitzers and tanks", {"artillery", "armoured-vehicles"}),
        ("missiles and radars", set()),
    ],
)
def test_platform_nouns(text: str, expected: set[str]) -> None:
    assert platform_nouns(text) == expected


def test_platform_of() -> None:
    assert platform_of("artillery") == platform_of("armoured-vehicles") == "land"
    assert platform_of("missiles") is None and platform_of(None) is None


@pytest.mark.parametrize(
    ("mention", "record", "expected"),
    [
        ("QX-18 Super Falcon", "QX-18E Super Falcon", "QX-18 Super Falcon"),
        ("QX-18E Super Falcon", "QX-18E Super Falcon", "QX-18E Super Falcon"),
        ("QX-7 Sky Falcon II", "QX-7C Sky Falcon-2", "QX-7 Sky Falcon II"),
    ],
)
def test_a_multiword_name_without_the_variant_letter_is_kept_as_written(
    mention: str, record: str, expected: str
) -> None:
    assert written_designation(mention, record) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Oman's army said its Challenger 2 tanks are being rebuilt to the Challenger 3 standard under a"
        " contract with Britain.",
        "Greece is upgrading its 38 F-16 jets to the Viper standard under a contract with the United States.",
        "Egypt said its M1A1 tanks will be modernised to the M1A2 configuration under a deal with the"
        " United States.",
    ],
)
def test_a_fleet_upgraded_to_a_standard_is_no_item_bought(sentence: str) -> None:
    assert not [c for c in _claims(sentence) if c[2]], _claims(sentence)


def test_the_second_of_two_standards_joined_by_a_slash_is_no_item() -> None:
    text = "Chile's Mirage 5 jets, delivered by France in 1980 and later upgraded to the 2000-5/2000-9 standard, are grounded."
    got = _claims(text.replace("the 2000-5", "the Mirage 2000-5"))
    assert [c[2] for c in got if c[2]] == ["Mirage-5"], got


def test_a_fleet_bought_and_not_upgraded_is_still_an_item() -> None:
    got = _claims("Egypt bought 12 M1A1 tanks from the United States in 2007.")
    assert any(c[2] and "M-1A1" in c[2] for c in got), got


@pytest.mark.parametrize("modifiers", ["long-range cruise", "short-range ballistic", "medium-altitude armed"])
@pytest.mark.parametrize("noun", ["missiles", "drones"])
def test_an_unknown_name_before_two_modifiers_and_an_item_noun_is_a_system(modifiers: str, noun: str) -> None:
    text = f"Kazakhstan is negotiating to buy Zephyrion {modifiers} {noun} from Turkey's Roketsan."
    assert ("TUR", None, "Zephyrion") in {(c[0], None, c[2]) for c in _claims(text)}, _claims(text)


def test_swathi_is_an_indian_radar_not_arthur() -> None:
    from kg.vocab import reference

    rec = reference.resolve_system("Swathi radar")
    assert rec is not None and rec.designation == "Swathi" and rec.origin_iso3 == "IND"
    got = _claims("Vietnam bought 4 WLR Swathi radars from India in 2021.")
    assert any(c[0] == "IND" and c[2] == "Swathi" for c in got), got


@pytest.mark.parametrize(
    "clause",
    ["which parliament approved in May", "worth about one billion euros", "approved by the cabinet in 2023"],
)
@pytest.mark.parametrize("deal", ["deal", "package", "contract"])
def test_a_deal_with_a_clause_before_its_list_still_lists_its_items(clause: str, deal: str) -> None:
    text = (
        "Spain signed a deal to buy 20 NH90 helicopters from France. "
        f"The {deal}, {clause}, includes Mistral and Exocet missiles."
    )
    names = {c[2] for c in _claims(text) if c[:2] == ("FRA", "ESP")}
    assert "Mistral" in names and any(n and "Exocet" in n for n in names), names


@pytest.mark.parametrize("verb", ["was launched in Kiel in 2021", "was floated out at the yard last year"])
def test_a_vessel_named_like_its_class_is_the_class_deal(verb: str) -> None:
    text = (
        "Chile ordered three Visby-class corvettes from Sweden in 2019. "
        f"The first ship, the Visby, {verb}, and Chile hopes to take delivery of the others in 2026."
    )
    names = {c[2] for c in _claims(text) if c[:2] == ("SWE", "CHL")}
    assert names == {"Visby-class"}, names


@pytest.mark.parametrize("item", ["armoured vehicles", "drones", "trainers"])
def test_a_demonym_of_another_item_far_before_the_system_is_not_its_seller(item: str) -> None:
    text = f"Qatar is spending heavily on Turkish {item} this year, while its talks on buying the F-35 remain stalled."
    got = _claims(text)
    assert not [c for c in got if c[0] == "TUR" and c[2] and "F-35" in c[2]], got


def test_a_demonym_of_the_system_itself_still_names_its_seller() -> None:
    got = _claims("Qatar bought Turkish drones, the Bayraktar TB2, in 2022.")
    assert ("TUR", "QAT") in {c[:2] for c in got}, got
