"""The weapon-system catalogue on own-words news: named systems are found, ordinary words are not.

Why: a system named without digits ("Hurkus", "Belharra", "Tigr") is found only if the catalogue
lists it, so a blind article about it loses the fact; but every name the catalogue adds is also a
chance to read an ordinary word ("Hamilton", "Kronos", "hunter") as a weapon.  Each positive
sentence below is our own wording of a plausible deal with a system the catalogue sweep added; each
negative sentence uses the same kind of word in its ordinary sense, beside countries and a deal verb,
and must yield no system.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from kg.extract.entities import WEAK_SYSTEM_NAMES, base_gazetteer
from tests.helpers.claim_facts import claims, triples

PUB = date(2025, 6, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan agreed to buy 12 Hurkus from Turkey.", ("TUR", "KAZ", "Hurkus")),
        ("Greece signed a contract with France for three Belharra frigates.", ("FRA", "GRC", "Belharra")),
        ("Morocco took delivery of the first Tigr from Russia.", ("RUS", "MAR", "Tigr")),
        ("Slovakia ordered the Piorun MANPADS from Poland.", ("POL", "SVK", "Piorun")),
        ("Egypt received Kinzhal from Russia in May.", ("RUS", "EGY", "Kh-47M2 Kinzhal")),
        ("Indonesia ordered ASTROS II rocket launchers from Brazil.", ("BRA", "IDN", "Astros II")),
        ("The Netherlands ordered 40 Bushmaster vehicles from Australia.", ("AUS", "NLD", "Bushmaster PMV")),
        (
            "The Philippines signed a contract with South Korea for two Jose Rizal class frigates.",
            ("KOR", "PHL", "Jose Rizal-class"),
        ),
    ],
)
def test_a_catalogued_name_without_digits_yields_the_claim(text: str, expected: tuple) -> None:
    assert expected in triples(text, PUB)


def test_a_new_variant_keeps_its_own_designation() -> None:
    """A newer variant traded on its own has its own row: the claim names it, not the old family."""
    got = triples("Vietnam signed a deal with the Czech Republic for 12 L-39NG trainers.", PUB)
    assert ("CZE", "VNM", "L-39NG") in got


def test_a_licence_built_name_is_its_own_entry() -> None:
    """A local name of a licence-built system ("Rosomak") stays the name the text writes."""
    got = triples("Slovakia signed a contract with Finland for 30 Rosomak vehicles.", PUB)
    assert ("FIN", "SVK", "Rosomak") in got


@pytest.mark.parametrize(
    "text",
    [
        "Virginia signed a trade agreement with Poland last week.",
        "Hamilton said Britain would sign the deal with Japan soon.",
        "The Lancet published a study on soldiers funded by Sweden.",
        "Kronos said profits rose after Germany signed a contract with the firm.",
        "Bushmaster said the deal between Germany and Austria was signed.",
        "The Constellation of satellites was ordered by Brazil from France.",
        "Canada bought a switchblade knife collection from Spain.",
        "Orbiter images show the new base that Iran bought from China.",
    ],
)
def test_an_ordinary_word_is_no_system(text: str) -> None:
    assert [c["system"] for c in claims(text, PUB) if c["system"]] == []


#: Ordinary English words and given names that are also names of weapon systems.  A catalogue name
#: made of one of them alone must need context (``WEAK_SYSTEM_NAMES``: an item noun or a number next
#: to it), else a person, place or everyday noun at the start of a sentence becomes a weapon.
STOPLIST = frozenset(
    re.findall(
        "[a-z]+",
        """
    hunter boxer piranha caesar tiger spike storm barracuda lynx warrior raven shadow guardian eagle
    falcon panther cobra dragon phoenix aegis protector lancet virginia hamilton constellation horizon
    dolphin tornado jaguar leopard orbiter skylark sigma fuchs dingo ajax wildcat gazelle caravan
    tempest kestrel mastiff scorpion spartan challenger albatros dana khan grom nag delilah ruslan
    lakota kaan magura narew zubr pion sokol bars mamba badger bronco warthog rampage trophy switchblade
    bushmaster kronos reaper sparrow stinger hercules sentry atlas merlin lama cheetah vampire phantom
    hornet orion neptune griffin
    """,
    )
)

#: Names of the catalogue before the sweep that match alone although they are ordinary words: the
#: extractor has no way yet to mark a name as needing context other than WEAK_SYSTEM_NAMES (code,
#: out of the catalogue's reach).  The list may shrink, never grow.
KNOWN_STRONG = frozenset({"patriot", "hawk", "mistral", "sentinel", "viper", "typhoon", "bastion", "puma"})


def test_no_ordinary_word_alone_is_a_system() -> None:
    gaz = base_gazetteer()
    strong = set()
    for word in sorted(STOPLIST | KNOWN_STRONG):
        for text in (
            f"{word.capitalize()} was mentioned in the report.",
            f"They met {word.capitalize()} there.",
        ):
            if any(m.kind == "system" for m in gaz.find(text)):
                strong.add(word)
    assert strong <= KNOWN_STRONG, sorted(strong - KNOWN_STRONG)


def test_a_weak_name_still_counts_with_its_item_noun() -> None:
    """The limit of the stoplist: "Hunter-class frigates" and "12 Boxers" are systems."""
    assert "hunter" in WEAK_SYSTEM_NAMES
    found = [m.system.designation for m in base_gazetteer().find("two Hunter-class frigates") if m.system]
    assert found == ["Type 26"]
    assert [m.kind for m in base_gazetteer().find("it bought 12 Boxers")] == ["system"]
