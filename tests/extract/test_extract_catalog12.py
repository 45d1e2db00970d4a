"""Catalogue sweep 12: reference data that real 2023-2026 defence news needs and the tables lacked.

Why: a system the catalogue lacks has no category, origin or maker, and a company the tables lack
gives its claims no supplier state.  Three general gaps: helicopter engine families (Safran's
turboshafts, licence-built abroad), small exported armed drones and new submarine designs of the
European yards, and companies named by a division, an old yard name or a joint venture ("Rheinmetall
Landsysteme", "Thyssen Nordseewerke", "Adani Elbit") and state shipyards.  A local plant named with
its host state ("Hanwha Defense Australia") stays out on purpose (see test_extract_catalog7).
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers.catalogue import assert_resolves_from_each_name

from kg.extract import extract_text
from kg.vocab import reference as ref

#: Rows added by the sweep (designation as the catalogue spells it).
ADDED = (
    "CH-92A", "Ardiden 1H1", "Ardiden 1U", "Ardiden 3", "Makila", "Arriel", "Arrano", "Sayurala class",
    "U212 NFS", "Shortfin Barracuda", "J/TPS-P14ME", "Khukri class", "Agosta 90B", "Project 75I",
    "TR-1700", "T-72B1MS", "HQ-19", "FTC-2000", "AN/AAR-57",
)  # fmt: skip


@pytest.mark.parametrize("designation", ADDED)
def test_every_added_row_resolves_from_each_of_its_names(designation: str) -> None:
    assert_resolves_from_each_name(designation)


@pytest.mark.parametrize(
    ("name", "designation", "origin"),
    [
        ("Shakti engine", "Ardiden 1H1", "FRA"),
        ("Safran Ardiden 3G", "Ardiden 3", "FRA"),
        ("Makila 2A", "Makila", "FRA"),
        ("Arriel 2D", "Arriel", "FRA"),
        ("CH-92", "CH-92A", "CHN"),
        ("Type 212 NFS", "U212 NFS", "ITA"),
        ("SLNS Sindurala", "Sayurala class", "IND"),
        ("Attack-class submarine", "Shortfin Barracuda", "FRA"),
        ("Khalid-class", "Agosta 90B", "FRA"),
        ("Project 75 India", "Project 75I", "DEU"),
        ("ARA San Juan", "TR-1700", "DEU"),
        ("FTC-2000G", "FTC-2000", "CHN"),
        ("INS Kirpan", "Khukri class", "IND"),
    ],
)
def test_news_spellings_resolve_to_the_row_with_its_origin(name: str, designation: str, origin: str) -> None:
    record = ref.resolve_system(name)
    assert record is not None and record.designation == designation, name
    assert record.origin_iso3 == origin


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Rheinmetall Landsysteme GmbH", "DEU"),
        ("Thyssen Nordseewerke", "DEU"),
        ("L3Harris Wescam", "CAN"),
        ("Adani Elbit Advanced Systems India", "IND"),
        ("Changhe Aircraft Industries", "CHN"),
        ("China Shipbuilding and Offshore International Company", "CHN"),
        ("Sedef Shipyard", "TUR"),
        ("Gölcük Naval Shipyard", "TUR"),
        ("Munitions India Limited", "IND"),
    ],
)
def test_companies_resolve_to_their_home_state(name: str, iso3: str) -> None:
    record = ref.resolve_party(name)
    assert record is not None and record.country_iso3 == iso3, name


def _triples(text: str) -> list[tuple]:
    out = [c.to_dict() for c in extract_text(text, date(2025, 3, 1))]
    return [
        (
            c["supplier"]["iso3"] if c["supplier"] else None,
            c["buyer"]["iso3"],
            c["system"]["name"] if c["system"] else None,
        )
        for c in out
    ]


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Croatia signed a contract with Fincantieri for two U212 NFS submarines.",
            ("ITA", "HRV", "U212 NFS"),
        ),
        (
            "Ecuador ordered 20 Ardiden 1U engines from Safran for its utility helicopters.",
            ("FRA", "ECU", "Ardiden 1U"),
        ),
        (
            "Argentina ordered two submarines from Thyssen Nordseewerke.",
            ("DEU", "ARG", None),
        ),
        ("Chile took delivery of a J/TPS-P14ME radar from Japan.", ("JPN", "CHL", "J/TPS-P14ME")),
        ("Peru's Agosta 90B submarines were bought from France.", ("FRA", "PER", "Agosta 90B")),
        ("Colombia ordered electro-optical turrets from Wescam last year.", ("CAN", "COL", None)),
    ],
)
def test_an_own_words_sentence_gives_the_triple(text: str, triple: tuple) -> None:
    assert triple in _triples(text)


def test_a_catalogued_drone_gets_its_category() -> None:
    """A designation-like name is found without the catalogue, but only its row gives the category
    when the text names no item noun."""
    out = [
        c.to_dict()
        for c in extract_text("Bolivia has received the first four CH-92A from China.", date(2025, 3, 1))
    ]
    assert [(c["supplier"]["iso3"], c["system"]["name"], c["system"]["category"]) for c in out] == [
        ("CHN", "CH-92A", "aircraft")
    ]


@pytest.mark.parametrize("name", ["Dhruv", "ALH", "Advanced Light Helicopter", "HAL Dhruv", "ALH Dhruv"])
def test_the_indian_helicopter_is_named_by_both_of_its_press_names(name: str) -> None:
    """The press writes the helicopter "Dhruv", "ALH" or "Advanced Light Helicopter"; the designation
    carries both short names so a claim's system reads as the programme and the type alike."""
    record = ref.resolve_system(name)
    assert record is not None and record.designation == "ALH Dhruv"
    out = [
        c.to_dict()
        for c in extract_text(f"Ecuador received two {name} helicopters from India.", date(2025, 3, 1))
    ]
    assert [(c["supplier"]["iso3"], c["system"]["name"]) for c in out] == [("IND", "ALH Dhruv")]
