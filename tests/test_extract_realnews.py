"""Patterns of real news the extractor must handle, each in our own words (never text of the
development set in ``../shared/eval``): designations as written, role cues, trigger vocabulary,
statuses per the labelling guidelines, hallucinated pairs from background, and the calibrated
confidence scale.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg import reference
from kg.extract import extract_text
from kg.extract.designations import written_designation

PUB = date(2025, 6, 1)


def _claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract_text(text, PUB) if not c.negated]


def _triples(text: str) -> set[tuple]:
    return {
        (
            c["supplier"]["iso3"] if c["supplier"] else None,
            c["buyer"]["iso3"],
            c["system"]["name"] if c["system"] else None,
        )
        for c in _claims(text)
    }


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
        ("AGM-114R", "AGM-114 Hellfire-2", "AGM-114 Hellfire-2"),  # a family record is no pin
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
