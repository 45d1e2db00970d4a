"""The lifecycle stage on wordings found failing on the fresh tuning halves (issue 13, round 13), in our
own words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the newsset
fixtures), read with the labelling guidelines (rule 5) and the newsset conventions.
"""

from __future__ import annotations

from datetime import date

from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)


def _stages(text: str, supplier: str, buyer: str) -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text`` (denials left out)."""
    return claim_facts.stages(text, PUB, supplier, buyer)


# --- a completed delivery is delivered, not a delivery under way ------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    sentence=st.sampled_from(
        [
            "Kenya received two Mi-17 helicopters from Russia, which arrived in {y} after long delays.",
            "The Mi-17 helicopters that Kenya bought from Russia were finally delivered in {y} after a two-year delay.",
            "Russia handed over two Mi-17 helicopters to Kenya in {y}, after years of delays.",
        ]
    ),
    y=st.sampled_from(["2019", "2022", "2024"]),
)
def test_a_delivery_after_delays_is_delivered(sentence: str, y: str) -> None:
    """ "arrived after long delays": the delay is over, the items are delivered (not still delivering)."""
    stages = _stages(sentence.format(y=y), "RUS", "KEN")
    assert "delivered" in stages
    assert "delivering" not in stages


def test_a_delivery_still_late_is_not_delivered() -> None:
    """A delivery that is still late (no "after") stays a delivery under way."""
    text = "Russia delivered four of the Mi-17 helicopters to Kenya, but the remaining two are delayed."
    assert "delivered" not in _stages(text, "RUS", "KEN")


@settings(max_examples=30, deadline=None)
@given(
    tail=st.sampled_from(
        [
            "the last was commissioned in {y}",
            "the last of them was delivered in {y}",
            "the final two were handed over in {y}",
        ]
    ),
    y=st.sampled_from(["2021", "2023"]),
)
def test_the_last_of_a_series_handed_over_is_delivered(tail: str, y: str) -> None:
    """ "built four of the eight X for B; the last was commissioned in 2023": the series is complete."""
    text = f"Germany built four of the eight Sachsen-class frigates for Chile; {tail.format(y=y)}."
    assert _stages(text, "DEU", "CHL") == {"delivered"}


def test_the_last_still_to_come_is_not_delivered() -> None:
    """ "the last is due in 2027": a schedule, the series is not complete."""
    text = "Germany has delivered four of the eight Sachsen-class frigates to Chile; the last is due in 2027."
    assert "delivered" not in _stages(text, "DEU", "CHL")


# --- "no contract was signed": the paper not signed, talks only -------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    tail=st.sampled_from(
        [
            "but no contract was signed",
            "but no deal has been signed so far",
            "but no final agreement was signed at the show",
            "though no document has been inked",
        ]
    ),
    n=st.sampled_from(["180", "96", "sixty"]),
)
def test_no_contract_signed_is_talks(tail: str, n: str) -> None:
    """ "talks on N more X continued, but no contract was signed": negotiating, not signed."""
    text = f"Poland and South Korea held talks on {n} more K2 tanks this week, {tail}."
    assert _stages(text, "KOR", "POL") == {"negotiating"}


def test_no_doubt_before_a_signing_is_no_negation() -> None:
    """ "there is no doubt that A signed": a "no" far from the signing negates nothing."""
    text = "There is no doubt that Poland signed a contract for 180 K2 tanks with South Korea."
    assert _stages(text, "KOR", "POL") == {"signed"}


# --- a "first" that is no first batch of the deal ----------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    tail=st.sampled_from(
        [
            "the first delivery of the system to Africa",
            "the first delivery of the type to the region",
            "the first deliveries of this missile system outside Asia",
        ]
    ),
    y=st.sampled_from(["2019", "2023"]),
)
def test_a_first_of_its_kind_in_a_region_is_delivered(tail: str, y: str) -> None:
    """ "flew X systems to B, the first delivery of the system to Africa": a delivery done, not a first batch."""
    text = f"In {y}, Chinese transport aircraft flew HQ-9 air defence systems to Egypt, {tail}."
    assert _stages(text, "CHN", "EGY") == {"delivered"}


@settings(max_examples=30, deadline=None)
@given(
    tail=st.sampled_from(
        [
            "first under a loan and then as a gift",
            "first on lease and then outright",
            "first as a loan, then as a donation",
        ]
    ),
)
def test_first_as_an_adverb_of_a_sequence_is_no_first_batch(tail: str) -> None:
    """ "handed over six X in 2015 and 2016, first under a loan and then as a gift": delivered."""
    text = f"Norway handed over six Hawk trainer aircraft to Kenya in 2015 and 2016, {tail}."
    assert _stages(text, "NOR", "KEN") == {"delivered"}


def test_the_first_two_of_a_series_are_still_a_first_batch() -> None:
    """ "handed over the first two of six": a delivery under way."""
    text = "Norway handed over the first two of six NASAMS units to Kenya in 2024."
    assert _stages(text, "NOR", "KEN") == {"delivering"}
