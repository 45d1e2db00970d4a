"""Precision rule of extras20 (issue 13): a maker's government approving a package for another
state's fleet of its item ("A approved support for B's X", X made in A) is A's export approval: A
sells, B buys (never B selling to A as a second-hand owner).

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

_DAY = date(2025, 9, 10)

_APPROVERS = [
    "The US State Department has approved",
    "Washington has cleared",
    "The United States government approved",
]
#: (owner phrase, owner iso3, US-made system)
_OWNERS = [
    ("the Polish Air Force's", "POL", "F-16"),
    ("the Royal Thai Navy's", "THA", "MH-60R"),
    ("Norway's", "NOR", "P-8A Poseidon"),
    ("the Greek Army's", "GRC", "AH-64 Apache"),
]
_PACKAGES = [
    "a possible $310 million sustainment package for",
    "a $95 million sale of spare parts for",
    "a follow-on support deal worth $1.2 billion for",
]


@settings(max_examples=20, deadline=None)
@given(
    approver=st.sampled_from(_APPROVERS),
    owner=st.sampled_from(_OWNERS),
    package=st.sampled_from(_PACKAGES),
)
def test_a_maker_government_s_approval_for_a_foreign_fleet_is_its_export(
    approver: str, owner: tuple[str, str, str], package: str
) -> None:
    """The approving state makes the item: it sells; the fleet's owner buys."""
    phrase, iso, system = owner
    text = f"{approver} {package} {phrase} {system} fleet, the Defense Security Cooperation Agency said."
    found = claim_facts.triples(text, _DAY)
    assert not any(t[0] == iso and t[1] == "USA" for t in found), found
    assert any(t[0] == "USA" and t[1] == iso for t in found), found
