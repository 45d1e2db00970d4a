"""A state's own forces moved or based abroad are no transfer (issue 13, precision on fresh news).

Why: news of exercises, air-policing rotations and basing uses the verbs of donations ("sent",
"deployed", "stationed"), and the place the equipment goes was read as its buyer.  A deal told in
another clause of the same sentence also lent its parties to a based item.  The sentences below are
written for these tests (no labelled article's text).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

SENDERS = [("France", "FRA"), ("Germany", "DEU"), ("Italy", "ITA"), ("Spain", "ESP")]
HOSTS = [("Romania", "ROU"), ("Lithuania", "LTU"), ("Estonia", "EST"), ("Bulgaria", "BGR")]
ITEMS = [
    ("Rafale jets", "Rafale"),
    ("Eurofighter Typhoon jets", "Eurofighter Typhoon"),
    ("F-35A fighters", "F-35"),
]
PURPOSES = [
    "for a NATO air policing mission",
    "for an exercise",
    "to take part in a NATO exercise",
    "for joint drills",
    "for a four-month rotation",
]


@settings(max_examples=30, deadline=None)
@given(
    sender=st.sampled_from(SENDERS),
    host=st.sampled_from(HOSTS),
    item=st.sampled_from(ITEMS),
    purpose=st.sampled_from(PURPOSES),
    verb=st.sampled_from(["sent", "deployed", "dispatched"]),
    count=st.sampled_from(["four", "six", "12"]),
)
def test_forces_sent_abroad_for_an_exercise_are_no_delivery(
    sender: tuple[str, str],
    host: tuple[str, str],
    item: tuple[str, str],
    purpose: str,
    verb: str,
    count: str,
) -> None:
    """'A <verb> N X to B <for an exercise/mission>': the jets stay A's, B buys nothing."""
    found = triples(f"{sender[0]} {verb} {count} {item[0]} to {host[0]} {purpose} in March.", PUB)
    assert (sender[1], host[1]) not in {(s, b) for s, b, _y in found}


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("HIMARS, made by Lockheed Martin, was deployed by the US Army to Estonia for drills.", "EST"),
        ("The Patriot, made by Raytheon, has been deployed by the US Army to Poland for an exercise.", "POL"),
        ("NASAMS launchers were deployed by the Norwegian Army to Lithuania for a NATO exercise.", "LTU"),
    ],
)
def test_deployed_by_a_force_for_exercises(text: str, host: str) -> None:
    """'X, made by F, was deployed by A's army to B for exercises': no sale to B."""
    assert not any(b == host for _s, b, _y in triples(text, PUB))


def test_based_item_takes_no_parties_of_the_deal_in_another_clause() -> None:
    """'A gave B its only X battery; allied Y batteries were stationed in A': Y is based, not given."""
    found = triples(
        "Latvia handed over its only S-300 battery to Ukraine in 2022; allied NASAMS batteries were "
        "stationed in the country while it waited for replacements.",
        PUB,
    )
    assert ("LVA", "UKR", "S-300") in found
    assert not any(y == "NASAMS" for _s, _b, y in found)


@pytest.mark.parametrize(
    "text",
    [
        "France sent 12 Caesar howitzers to Ukraine in 2022.",
        "Germany sent 18 Leopard 2A6 tanks to Ukraine for its spring offensive.",
        "Italy donated SAMP/T batteries to Ukraine, which deployed them for air defence missions.",
    ],
)
def test_a_gift_stays(text: str) -> None:
    """A gift is a transfer: 'sent N X to B' with no exercise, or a donation the recipient then
    deploys."""
    assert any(b == "UKR" for _s, b, _y in triples(text, PUB))
