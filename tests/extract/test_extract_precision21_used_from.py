"""A platform another item is used from is no item of a transfer (issue 13, precision on fresh news).

Why: news about a missile or helicopter buy often names the fleet that will carry it ("which the
air force fires from its X jets", "the helicopters fly from the carrier Y").  The platform is the
buyer's own; with no seller named, its catalogue origin was read as the supplier of a deal the
sentence never tells.  The sentences below are written for these tests (no labelled article's text).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

#: (the carried item's deal, the platform phrase, the platform's catalogue name)
CASES = [
    ("Greece concluded a contract for Meteor missiles in May", "Rafale jets", "Rafale"),
    ("Egypt signed for 40 Exocet missiles last year", "MEKO A-200 frigates", "MEKO A-200"),
    ("Indonesia ordered 12 Harpoon missiles in 2023", "Martadinata-class frigates", "Martadinata-class"),
]


@pytest.mark.parametrize(("deal", "platform", "name"), CASES)
@pytest.mark.parametrize(
    "use",
    [
        "which the air force fires from its",
        "which the navy launches from its",
        "which will be fired from the",
        "which the crews will launch from their",
        "and the squadrons will operate them from their",
    ],
)
def test_platform_an_item_is_fired_from_is_no_deal_item(
    deal: str, platform: str, name: str, use: str
) -> None:
    """'A ordered X, which its force fires from its Y': X is bought, the platform Y is A's own fleet."""
    found = triples(f"{deal}, {use} {platform}.", PUB)
    systems = {s for _sup, _buy, s in found}
    assert name not in systems
    assert systems  # the carried item's own claim stays


@pytest.mark.parametrize("verb", ["ordered", "bought", "signed for"])
def test_platform_bought_from_a_state_stays(verb: str) -> None:
    """'A <verb> N Y from B': a seller after 'from' is a transfer of the platform, no platform of use."""
    found = triples(f"Greece {verb} 18 Rafale jets from France in 2021.", PUB)
    assert ("FRA", "GRC", "Rafale") in found
