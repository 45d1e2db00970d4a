"""A bare family name stays the family: a claim never names a variant the text does not write.

Why: the catalogue files a family name under one variant's record ("Type 209" in the record
"Type-209/1500", "Abrams" in "M-1A1 Abrams", "Typhoon" in "Typhoon Block-20"), which is right for
linking to SIPRI records but wrong as a claim's name: "Abrams tanks" does not say M1A1.  The claim's
``system.name`` is the family as the text writes it whenever the catalogue finds the same record from
that name (so linking is unchanged); ``system.mention`` keeps the text's words.  The sweep over the
whole catalogue is ``scripts/family_aliases.py``.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract_text
from kg.extract.designations import adds_variant, written_designation, written_form
from kg.extract.entities import base_gazetteer
from kg.vocab.reference import resolve_system, system_key

PUB = date(2024, 5, 1)


def _gazetteer_spellings() -> list[str]:
    """Every system spelling of the base gazetteer (designations, aliases, a maker's bare names)."""
    seen: dict[str, None] = {}
    for bucket in base_gazetteer()._first.values():
        for entry in bucket:
            if entry.kind == "system":
                seen.setdefault(entry.surface)
    return list(seen)


def test_no_catalogue_spelling_is_named_with_a_variant_it_does_not_write() -> None:
    pinned = []
    for spelling in _gazetteer_spellings():
        text = f"{spelling} systems"
        found = [m for m in base_gazetteer().find(text) if m.kind == "system"]
        if not found or found[0].start != 0 or found[0].end != len(spelling):
            continue  # a weak name needs a count or noun; another spelling covers it
        m = found[0]
        assert m.system is not None
        name = written_designation(m.text, m.system.designation)
        family = resolve_system(written_form(spelling))
        if adds_variant(spelling, name) and family is not None and family.designation == m.system.designation:
            pinned.append((spelling, name))
    assert pinned == []


@pytest.mark.parametrize(
    "family, noun, supplier",
    [
        ("Type 209", "submarines", "Germany"),
        ("Abrams", "tanks", "the United States"),
        ("Apache", "helicopters", "the United States"),
        ("NASAMS", "systems", "Norway"),
        ("Harpoon", "missiles", "the United States"),
        ("Typhoon", "jets", "Britain"),
        ("MEKO", "frigates", "Germany"),
        ("Chinook", "helicopters", "the United States"),
        ("Hercules", "transport aircraft", "the United States"),
        ("AMRAAM", "missiles", "the United States"),
    ],
)
@pytest.mark.parametrize("verb", ["bought", "ordered", "received"])
def test_bare_family_name_is_the_claims_name(family: str, noun: str, supplier: str, verb: str) -> None:
    claims = [c.to_dict() for c in extract_text(f"Peru {verb} {family} {noun} from {supplier}.", PUB)]
    names = {c["system"]["name"] for c in claims if c["system"]}
    assert names and all(system_key(n) == system_key(family) for n in names), names


def test_a_written_variant_is_still_named() -> None:
    claims = [
        c.to_dict() for c in extract_text("Peru ordered M1A2 Abrams tanks from the United States.", PUB)
    ]
    names = {c["system"]["name"] for c in claims if c["system"]}
    assert names and all("m1a2" in system_key(n) for n in names), names


@pytest.mark.parametrize(
    "written, name",
    [
        ("Type 209", "Type-209/1500"),
        ("Abrams", "M-1A1 Abrams"),
        ("AH-64 Apache", "AH-64E Apache"),
        ("Typhoon", "Typhoon Block-20"),
        ("NASAMS systems", "NASAMS-2"),
        ("Su-30s", "Su-30MKI"),
        ("Eurofighter Typhoon", "Typhoon Block-20"),
    ],
)
def test_a_name_that_adds_a_variant_code_adds_a_variant(written: str, name: str) -> None:
    assert adds_variant(written, name)


@pytest.mark.parametrize(
    "written, name",
    [
        ("K9", "K-9 Thunder 155mm"),  # a nickname and a calibre
        ("Patriot", "MIM-104 Patriot"),  # the family's own code
        ("Black Hawk", "S-70 Black Hawk"),
        ("Puma", "Puma IFV"),  # a role abbreviation
        ("Mk 41", "Mk-41 VLS"),
        ("Kilo", "Project-877E"),  # another name altogether
        ("Leopard 2A8", "Leopard-2A7"),  # the text names a variant of its own
        ("F-16 Fighting Falcon", "F-16"),
    ],
)
def test_a_fuller_name_without_a_variant_adds_none(written: str, name: str) -> None:
    assert not adds_variant(written, name)


def test_a_family_name_of_another_record_keeps_the_designation() -> None:
    # "Hawk" alone is no record's name: the trainer's claim keeps its designation (and its link)
    assert written_designation("Hawk advanced jet trainer", "Hawk-100") == "Hawk-100"


def test_a_dyad_whose_text_names_the_variant_keeps_it_for_every_claim() -> None:
    # one deal, one name: the family written later is the variant the text named for the pair
    text = (
        "Peru signed a contract with the United States for 24 AH-64E Apache helicopters. "
        "The first Apache helicopters will arrive in Lima next year."
    )
    names = {c.system.name for c in extract_text(text, PUB) if c.system and c.buyer.iso3 == "PER"}
    assert names and all("64e" in system_key(n) for n in names), names


def test_a_family_named_alone_keeps_the_deal_whole() -> None:
    text = "Peru ordered 24 Apache helicopters from the United States. The Apache helicopters will arrive next year."
    claims = [c for c in extract_text(text, PUB) if c.system and c.buyer.iso3 == "PER"]
    assert claims and {c.system.name for c in claims} == {"Apache"}
    assert len({c.deal_key for c in claims}) == 1 and ":Apache:" in claims[0].deal_key


@pytest.mark.parametrize(
    "earlier, later",
    [
        (
            "ordered 12 Gripen E fighters from Sweden",
            "already operates 8 Gripen jets bought from Sweden in 2016",
        ),
        (
            "signed for 20 Rafale M jets with France",
            "has flown 30 Rafale jets delivered by France since 2017",
        ),
    ],
)
def test_a_family_fleet_of_its_own_count_is_not_the_variant_named_before(earlier: str, later: str) -> None:
    claims = [c for c in extract_text(f"Peru {earlier}. The Peruvian Air Force {later}.", PUB) if c.system]
    counts = {c.quantity: c.system.name for c in claims if c.buyer.iso3 == "PER"}
    assert len(counts) == 2 and counts[min(counts)] != counts[max(counts)], counts


@pytest.mark.parametrize(
    "later", ["will deliver the Gripen jets to Peru in 2027", "will deliver the 12 Gripen jets to Peru"]
)
def test_the_family_of_the_same_deal_is_the_variant_named_before(later: str) -> None:
    claims = [c for c in extract_text(f"Peru ordered 12 Gripen E fighters from Sweden. Sweden {later}.", PUB)]
    names = {c.system.name for c in claims if c.system and c.buyer.iso3 == "PER"}
    assert names == {"Gripen-E"}, names
