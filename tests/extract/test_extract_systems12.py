"""Which system a claim names (systems12): the text's own name where the catalogue files it under
another name altogether.  Own-words sentences of the general patterns."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract_text
from kg.extract.designations import another_name
from kg.extract.mentions import find_mentions
from kg.extract.nouns import names_the_item_again
from kg.vocab.reference import system_key

PUB = date(2024, 5, 1)


def _triples(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {
        (
            c.supplier.iso3 if c.supplier else None,
            c.buyer.iso3 if c.buyer else None,
            c.system.name if c.system else None,
        )
        for c in extract_text(text, published=PUB)
    }


@pytest.mark.parametrize(
    "sentence, supplier, buyer, name",
    [
        (
            "Vietnam signed a contract with Russia for two Varshavyanka submarines in 2023.",
            "RUS",
            "VNM",
            "Varshavyanka",
        ),
        ("Bulgaria took delivery of six Dhanush howitzers from India last year.", "IND", "BGR", "Dhanush"),
        ("Peru ordered Protector RG1 drones from the United States in March.", "USA", "PER", "Protector RG1"),
        ("Egypt ordered Shahine air defence systems from France.", "FRA", "EGY", "Shahine"),
    ],
)
def test_another_name_of_a_record_is_named_as_written(
    sentence: str, supplier: str, buyer: str, name: str
) -> None:
    assert (supplier, buyer, name) in _triples(sentence)


def test_a_dyad_that_also_writes_the_designation_keeps_one_name() -> None:
    text = (
        "Vietnam signed a contract with Russia for two Varshavyanka submarines in 2023. "
        "The first Project 636 boat arrived in May."
    )
    names = {n for _s, _b, n in _triples(text)}
    assert len(names) == 1 and "Varshavyanka" not in names


@pytest.mark.parametrize(
    "written, designation",
    [
        ("Typhoons", "Typhoon Block-20"),
        ("Eurofighter Typhoons", "Typhoon Block-20"),
        ("F-16 Block 70", "F-16V Viper"),
        ("Terminal High Altitude Area Defense", "THAAD"),
        ("High Mobility Artillery Rocket System", "M-142 HIMARS"),
        ("National Advanced Surface-to-Air Missile Systems", "NASAMS-2"),
        ("Sky Guardian", "MQ-9B SkyGuardian"),
        ("Bayraktar Akıncı", "Akinci"),
        ("K9", "K-9 Thunder 155mm"),
    ],
)
def test_the_same_name_written_otherwise_is_not_another_name(written: str, designation: str) -> None:
    assert not another_name(written, designation)


@pytest.mark.parametrize(
    "sentence, supplier, buyer, key",
    [
        ("Australia ordered Jassm missiles from the United States in 2023.", "USA", "AUS", "jassm"),
        ("Ukraine received 20 Atacms from the United States last autumn.", "USA", "UKR", "atacms"),
        ("Taiwan has signed for Lrasm missiles from the United States.", "USA", "TWN", "lrasm"),
    ],
)
def test_a_word_acronym_in_title_case_names_the_system(
    sentence: str, supplier: str, buyer: str, key: str
) -> None:
    """The catalogue's record, not a name guessed from the item noun: the record gives the origin."""
    got = [c for c in extract_text(sentence, published=PUB) if c.system and key in system_key(c.system.name)]
    assert any(
        c.supplier
        and c.supplier.iso3 == supplier
        and c.buyer.iso3 == buyer
        and c.system.origin_iso3 == supplier
        for c in got
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The defence ministers met in Milan on Tuesday.",
        "Analysts called it a Smart decision by the ministry.",
        "Flash floods delayed the talks.",
    ],
)
def test_an_ordinary_word_spelled_like_an_acronym_is_no_system(sentence: str) -> None:
    assert not [m for m in find_mentions(sentence) if m.kind == "system"]


_NAMED = "The Krab is a tracked howitzer built in Stalowa Wola. "


@pytest.mark.parametrize(
    "deal",
    [
        "Ukraine bought 18 of those guns from Poland in 2022.",
        "Ukraine bought the 18 howitzers from Poland in 2022.",
        "Ukraine has ordered 18 from Poland, and the last arrive in 2025.",
        "Ukraine signed for 18 guns from Poland in 2022.",
    ],
)
def test_a_deal_pointing_back_at_a_system_named_without_a_deal_takes_it(deal: str) -> None:
    """The sentence before names the system and no deal; the deal sentence names no system but points
    back at one with a determiner or a count and a noun of its kind (or a bare bought count)."""
    assert ("POL", "UKR", "AHS Krab") in _triples(_NAMED + deal)


@pytest.mark.parametrize(
    "deal", ["Ukraine ordered 18 jets from Poland in 2022.", "Ukraine ordered 18 frigates from Poland."]
)
def test_a_noun_of_another_kind_does_not_point_back(deal: str) -> None:
    assert not any(n == "AHS Krab" for _s, _b, n in _triples(_NAMED + deal))


@pytest.mark.parametrize(
    "sentence, category, expected",
    [
        ("Chile ordered 12 of these jets.", "aircraft", True),
        ("Chile received the first of the 12 Korean trainers.", "aircraft", True),
        ("Chile picked the missile over two rivals.", "missiles", True),
        ("Chile has bought six more from Norway.", "missiles", True),
        ("Chile ordered 12 tanks.", "aircraft", False),
        ("Chile ordered the jets.", None, False),
    ],
)
def test_names_the_item_again(sentence: str, category: str | None, expected: bool) -> None:
    assert names_the_item_again(sentence, category) is expected


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Chile ordered four Zefir boats from Spain in 2021.", "Zefir"),
        ("Peru bought Tarvo rockets from Brazil.", "Tarvo"),
        ("Two Oxia 90C boats reached the navy from Italy last spring.", "Oxia 90C"),
    ],
)
def test_a_name_before_boats_or_rockets_is_a_system(sentence: str, name: str) -> None:
    assert name in {m.text for m in find_mentions(sentence) if m.kind == "system"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Coast Guard boats escorted the ship.",
        "Hamas rockets hit the town on Monday.",
        "Police boats arrived.",
    ],
)
def test_a_group_or_service_before_boats_or_rockets_is_no_system(sentence: str) -> None:
    assert not [m for m in find_mentions(sentence) if m.kind == "system"]


@pytest.mark.parametrize(
    "later",
    [
        "Some French sonar sets it acquired in 2012 kept failing, so the order was cancelled in 2016.",
        "The Italian patrol radars it acquired in 2014 never worked, and the purchase was cancelled a year later.",
        "Its Spanish coastal radars, acquired in 2011, broke down often and the contract was scrapped in 2015.",
    ],
)
def test_another_makers_items_do_not_take_the_deal_in_contexts_system(later: str) -> None:
    """The demonym names a maker with no deal of its own in the article: its items are not the system
    of the deal in context (another supplier's)."""
    text = "In 2019 Kenya ordered six Hurkus trainers from Turkey. " + later
    got = extract_text(text, published=PUB)
    assert not [c for c in got if c.system and c.system.name == "Hurkus" and c.status == "cancelled"]


def test_the_same_makers_items_keep_the_deal_in_contexts_system() -> None:
    text = "In 2019 Kenya ordered six Hurkus trainers from Turkey. Turkish engineers delivered the first two in 2021."
    assert ("TUR", "KEN", "Hurkus") in _triples(text)


@pytest.mark.parametrize("written", ["AH-64", "MiG-21", "Su-25"])
def test_a_designation_is_not_read_as_a_shorter_number(written: str) -> None:
    """A variant code is cut to find its family ("FGM-148F" of "FGM-148"), never a digit of the number
    (a two-digit type is not the one-digit type of the same letters)."""
    from kg.extract.mentions import _catalogue_variant

    rec = _catalogue_variant(written)
    assert (
        rec is None
        or system_key(written) in system_key(rec.designation)
        or any(system_key(written) in system_key(n) for n in rec.names())
    )


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "In 2019 Qatar ordered Brimstone 2 missiles from Britain. In 2023 Qatar ordered Brimstone 3 missiles from Britain.",
            {"Brimstone 2", "Brimstone 3"},
        ),
        (
            "Algeria received 12 MiG-31E jets from Russia in 2015, and it ordered 6 MiG-31BM jets from Russia in 2021.",
            {"MiG-31E", "MiG-31BM"},
        ),
        ("Algeria signed for Ka-52M helicopters from Russia in 2020.", {"Ka-52M"}),
    ],
)
def test_a_variant_the_catalogue_files_under_its_family_keeps_its_own_name(
    text: str, names: set[str]
) -> None:
    """The catalogue files numbered models and variant letters under the family's record; the claims
    name what the text names, so two variants of one family bought by one state stay two systems."""
    assert {n for _s, _b, n in _triples(text)} == names


@pytest.mark.parametrize(
    "buyer, new, old",
    [("Thailand", 12, 11), ("Hungary", 4, 14), ("Colombia", 16, 6)],
)
def test_a_family_fleet_with_its_own_count_stays_the_family_whatever_sentence_counts_the_variant(
    buyer: str, new: int, old: int
) -> None:
    """The variant's deal gives its count in one sentence and none in the next; the family fleet
    with a stage and a count of its own is still another purchase, not the variant."""
    text = (
        f"{buyer} cleared the purchase of {new} Gripen E fighters from Sweden on Monday. "
        "The contract is expected to be signed later this month. "
        f"The air force already flies {old} Gripen jets bought from Sweden in 2008."
    )
    got = {(c.system.name, c.quantity) for c in extract_text(text, published=PUB) if c.system}
    assert ("Gripen", old) in got


@pytest.mark.parametrize(
    "bare, name, expected",
    [
        ("Gripen", "Gripen-E", True),
        ("Kfir jets", "Kfir-C", True),
        ("Hawk", "Hawk-100", False),
        ("Su", "Su-E", False),
    ],
)
def test_variant_letter(bare: str, name: str, expected: bool) -> None:
    from kg.extract.deals import _variant_letter

    assert _variant_letter(bare, name) is expected
