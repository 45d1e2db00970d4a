"""A force's fleet in service, listed with only the items' origins, is no transfer.

Why: background paragraphs describe what a force already flies or operates ("the army still flies
ageing P, many of them grounded, and a handful of X-made Q"; "the air force, which flew only
Y-designed R and S before the war, now also operates T donated by Z").  The origin adjective names
who made the item, not a seller the text states.  Two shapes escaped the fleet check: a long list
object that puts the last item far from the fleet verb, and a fleet verb in the past ("flew") or a
second fleet verb after the list ("now also operates"), which is no deal word of the listed items.
A deal word that does tell the item's transfer (its own clause, no other item between) still counts.
"""

from __future__ import annotations

import pytest

from kg.extract import extract_text


def _pairs(text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
        for c in extract_text(text)
    }


@pytest.mark.parametrize(
    ("text", "supplier", "buyer"),
    [
        (
            "Peru's army still flies about 20 ageing Mi-17 helicopters, most of them over 30 years old, "
            "and a handful of Italian-made AW139s in liaison roles.",
            "ITA",
            "PER",
        ),
        (
            "Bolivia's air force still operates nine ageing Mi-17 helicopters, two of them waiting for spare "
            "engines, and a small number of Italian-built AW139s for medical flights.",
            "ITA",
            "BOL",
        ),
        (
            "Kenya's air force, which flew only Soviet-designed MiG-21s and Su-22s until 2010, now also "
            "operates F-16s donated by Norway.",
            "RUS",
            "KEN",
        ),
        (
            "Angola's air force, which flew only Soviet-designed Su-25s before the war, now also operates "
            "Mirage 2000-5 jets handed over by France.",
            "RUS",
            "AGO",
        ),
    ],
)
def test_a_listed_fleet_names_no_seller(text: str, supplier: str, buyer: str) -> None:
    assert not any(s == supplier and b == buyer for s, b, _y in _pairs(text))


def test_the_donor_of_the_next_item_is_still_read() -> None:
    pairs = _pairs(
        "Kenya's air force, which flew only Soviet-designed MiG-21s until 2010, now also operates F-16s "
        "donated by Norway."
    )
    assert ("NOR", "KEN", "F-16") in pairs


def test_an_order_in_its_own_clause_is_still_read() -> None:
    pairs = _pairs(
        "Peru's army still flies about 20 ageing Mi-17 helicopters; last year it ordered six Italian-made AW139s."
    )
    assert any(s == "ITA" and b == "PER" for s, b, _y in pairs)
