"""The second catalogue sweep on own-words news: exported variants, makers' home states, ordinary words.

Why: news names the variant a country buys ("K2PL", "F-15QA", "CAESAR 8x8"); when the catalogue has
only the family, the claim pins the family's name (or another variant's) and the labelled variant is
lost.  Makers stand for their home state ("Iran-based HESA will supply ..."), so a maker the
catalogue of organisations lacks leaves a supplier-less deal.  And each new name is also a chance to
read an ordinary word ("tranche", "hero", "Spyder" the ski brand) as a weapon.  Every sentence below is
our own wording of a plausible deal, never a labelled article's.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.entities import WEAK_SYSTEM_NAMES
from kg.vocab import reference as ref
from tests.extract.test_extract_catalog4 import STOPLIST
from tests.helpers.claim_facts import claims, triples

PUB = date(2025, 6, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qatar took delivery of the first F-15QA jets from the United States.", ("USA", "QAT", "F-15QA")),
        ("Poland signed a contract with South Korea for 180 K2PL tanks.", ("KOR", "POL", "K2PL")),
        ("Slovenia ordered IRIS-T SLX systems from Germany.", ("DEU", "SVN", "IRIS-T SLX")),
        ("Germany agreed to buy the Arrow 4 from Israel.", ("ISR", "DEU", "Arrow-4")),
        ("Egypt signed a deal with Germany for two MEKO A-200 frigates.", ("DEU", "EGY", "MEKO A-200")),
        ("Belgium ordered nine CAESAR 8x8 howitzers from France.", ("FRA", "BEL", "CAESAR 8x8")),
        ("Romania signed a contract with South Korea for 54 K9A1 howitzers.", ("KOR", "ROU", "K9A1")),
        ("Serbia received Pantsir-SM systems from Russia.", ("RUS", "SRB", "Pantsir-SM")),
        ("Armenia signed a contract with India for Akash-NG systems.", ("IND", "ARM", "Akash-NG")),
        (
            "Spain signed a contract with Germany for 20 Eurofighter Tranche 4 jets.",
            ("DEU", "ESP", "Eurofighter Tranche 4"),
        ),
    ],
)
def test_a_variant_sentence_keeps_its_variant(text: str, expected: tuple) -> None:
    assert expected in triples(text, PUB)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Croatia signed a contract with France for six CAESAR howitzers.", ("FRA", "HRV", "CAESAR 155mm")),
        ("Qatar ordered 36 F-15 jets from the United States.", ("USA", "QAT", "F-15")),
    ],
)
def test_a_bare_family_name_pins_no_variant(text: str, expected: tuple) -> None:
    """The variant rows must not swallow the family: a text naming no variant keeps the family."""
    assert triples(text, PUB) == {expected}


def test_a_maker_word_before_a_tranche_keeps_the_system() -> None:
    """'Eurofighter' alone is the company; the tranche form is the aircraft, not a lost system."""
    got = triples("Austria signed a contract with Germany for 15 Eurofighter Tranche 3 jets.", PUB)
    assert got and all(system is not None for _, _, system in got)


@pytest.mark.parametrize(
    ("text", "supplier", "buyer"),
    [
        ("Kharkiv-based KMDB will supply 20 BTR-4 vehicles to Indonesia.", "UKR", "IDN"),
        ("Iran-based HESA will supply Shahed-136 drones to Venezuela.", "IRN", "VEN"),
        ("Taiwan's NCSIST will supply Sky Bow missiles to the Philippines.", "TWN", "PHL"),
        ("Turkey-based BMC will supply 30 Kirpi vehicles to Ghana.", "TUR", "GHA"),
        ("Pakistan-based GIDS will supply Shahpar drones to Nigeria.", "PAK", "NGA"),
        ("CETC will supply radars to Serbia under a contract signed in May.", "CHN", "SRB"),
        ("Luch Design Bureau will supply Stugna-P missiles to Morocco.", "UKR", "MAR"),
        ("Abu Dhabi-based Calidus will supply 12 aircraft to Mauritania.", "ARE", "MRT"),
    ],
)
def test_a_maker_only_sentence_resolves_the_supplier_state(text: str, supplier: str, buyer: str) -> None:
    assert {(s, b) for s, b, _ in triples(text, PUB)} == {(supplier, buyer)}


@pytest.mark.parametrize(
    "text",
    [
        "Poland signed a contract with Germany for the second tranche of the loan.",
        "The hero of the talks, Poland's minister, signed the deal with Germany.",
        "Orion said Norway would sign the contract with Sweden.",
        "Spyder said Canada had signed a contract with Italy for ski jackets.",
        "Lynx said Norway would sign the contract with Sweden.",
        "The arrow on the map shows the base Israel sold to Cyprus.",
    ],
)
def test_an_ordinary_word_is_no_system(text: str) -> None:
    assert [c["system"] for c in claims(text, PUB) if c["system"]] == []


#: Ordinary words a maker prefix could expose ("UVision Hero" -> "Hero", "Westland Lynx" -> "Lynx"):
#: the gazetteer adds the second word of a two-word "<maker> <name>" alias as a bare name, so a
#: filled manufacturer cell must not expose one unless WEAK_SYSTEM_NAMES already asks for context.
_ORDINARY = STOPLIST | {"hero", "marauder", "lancet", "lynx", "orion", "patroller", "orbiter", "skylark"}


def test_no_manufacturer_prefix_exposes_an_ordinary_word() -> None:
    exposed = [
        (record.designation, name)
        for record in ref.systems()
        if record.manufacturer
        for name in record.names()
        if len(name.split()) == 2
        and name.split()[0].lower() == record.manufacturer.split()[0].lower()
        and name.split()[1].lower() in _ORDINARY - WEAK_SYSTEM_NAMES
    ]
    assert exposed == []
