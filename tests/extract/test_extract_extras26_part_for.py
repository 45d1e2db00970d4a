"""The platform a part is for is no item of a transfer (issue 13, precision on fresh news).

Why: news about engines, radars or missiles names the platform they go into ("<seller> supplies
engines for <maker>'s X", "requested missiles for the navy's new Y frigates").  The part changes
hands; the platform is its maker's product or the buyer's own fleet.  With the platform's maker read
as a supplier, a claim for the platform came out with buyer and seller reversed (the part's seller
is the platform maker's supplier, not its customer).  The sentences below are written for these
tests (no labelled article's text).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

#: (the platform after "for", with its maker's possessive, and its catalogue name)
PLATFORMS = [
    ("Baykar's Akinci drones", "Akinci"),
    ("Dassault's Rafale fighters", "Rafale"),
    ("KAI's KF-21 fighters", "KF-21 Boramae"),
    ("Saab's Gripen E jets", "Gripen-E"),
    ("Embraer's C-390 transports", "C-390 Millennium"),
]
SELLERS = ["Ukraine's Motor Sich", "Sweden", "Italy's Leonardo", "Japan"]
VERBS = ["supplies", "has supplied", "will deliver", "sells"]
PARTS = ["engines", "radars", "turbofan engines", "spare parts", "ejection seats", "missiles"]


@pytest.mark.parametrize(("platform", "name"), PLATFORMS)
@pytest.mark.parametrize("seller", SELLERS)
def test_platform_a_part_is_for_is_no_deal_item(platform: str, name: str, seller: str) -> None:
    """'<seller> supplies engines for <maker>'s <platform>': the platform changes no hands."""
    found = triples(f"{seller} supplies engines for {platform}.", PUB)
    assert name not in {s for _sup, _buy, s in found}


@settings(max_examples=30, deadline=None)
@given(
    part=st.sampled_from(PARTS),
    case=st.sampled_from(PLATFORMS),
    seller=st.sampled_from(SELLERS),
    verb=st.sampled_from(VERBS),
)
def test_any_part_for_any_platform(part: str, case: tuple[str, str], seller: str, verb: str) -> None:
    """Whatever the part, the verb and the platform, the platform after '<part> for' is no claim's item
    (and above all the part's seller is never its buyer)."""
    platform, name = case
    found = triples(f"{seller} {verb} {part} for {platform}.", PUB)
    assert name not in {s for _sup, _buy, s in found}


@pytest.mark.parametrize("verb", ["ordered", "bought", "signed for"])
def test_platform_bought_for_a_force_stays(verb: str) -> None:
    """'A <verb> N Y from B for its air force': the platform itself is bought, 'for' names the force."""
    found = triples(f"Greece {verb} 18 Rafale fighters from France for its air force in 2021.", PUB)
    assert ("FRA", "GRC", "Rafale") in found


def test_part_bought_for_a_platform_keeps_the_part() -> None:
    """'A ordered N <part> from B for its <platform>': the part's own deal stays."""
    found = triples("Greece ordered 40 Meteor missiles from France for its Rafale fighters in 2022.", PUB)
    assert any(s == "Meteor" for _sup, _buy, s in found)
