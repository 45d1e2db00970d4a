"""A monarchy's force named with its honorific is still the recipient "to"/"for" names (issue 13, helper missun28).

Why: news names the forces of monarchies with their honorific ("the Royal Thai Navy", "the Royal
Saudi Air Force", "the Royal Moroccan Armed Forces", "the Royal Netherlands Navy").  The word stands
between the cue ("delivered ... to the", "built ... for the") and the state, so the state lost its
buyer cue and the claim its buyer.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 3, 3)

#: (the state's word in a force name, its ISO code); demonyms and one name
_FORCES = [
    ("Thai", "THA"),
    ("Saudi", "SAU"),
    ("Malaysian", "MYS"),
    ("Moroccan", "MAR"),
    ("Cambodian", "KHM"),
    ("Netherlands", "NLD"),
    ("Jordanian", "JOR"),
]
_SERVICES = ["Navy", "Air Force", "Armed Forces", "Army", "Naval Forces"]
#: (seller, its ISO code, the verb phrase that hands items to a recipient)
_SELLERS = [
    ("China", "CHN", "has supplied {n} patrol boats and artillery rockets to"),
    ("Spain", "ESP", "delivered {n} transport aircraft to"),
    ("France", "FRA", "has shipped {n} light helicopters to"),
    ("Turkey", "TUR", "handed over {n} armed drones to"),
]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_FORCES),
    st.sampled_from(_SERVICES),
    st.sampled_from(_SELLERS),
    st.integers(min_value=2, max_value=30),
)
def test_to_the_royal_force_names_the_buyer(
    force: tuple[str, str], service: str, seller: tuple[str, str, str], n: int
) -> None:
    """Pattern "A <gave> N X to the Royal B-ian Navy": B buys from A."""
    word, iso = force
    name, sup, verb = seller
    text = f"{name} {verb.format(n=n)} the Royal {word} {service} last year."
    got = claims(text, PUB)
    assert any(c["supplier"] and c["supplier"]["iso3"] == sup and c["buyer"]["iso3"] == iso for c in got), got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_FORCES), st.sampled_from(_SERVICES))
def test_royal_force_as_subject_still_buys(force: tuple[str, str], service: str) -> None:
    """Guard: "The Royal B-ian Navy ordered X from A" keeps B as the buyer (the subject reading)."""
    word, iso = force
    text = f"The Royal {word} {service} ordered four offshore patrol vessels from South Korea in 2021."
    got = claims(text, PUB)
    assert any(c["supplier"] and c["supplier"]["iso3"] == "KOR" and c["buyer"]["iso3"] == iso for c in got), (
        got
    )


def test_royal_navy_of_britain_is_untouched() -> None:
    """Guard: Britain's own "Royal Navy" (no state word after the honorific) is no other state's force."""
    text = "Norway delivered two patrol boats to the Royal Navy in 2022."
    got = claims(text, PUB)
    assert not any(c["buyer"]["iso3"] not in (None, "GBR") for c in got), got
