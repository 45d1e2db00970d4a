"""General patterns of news prose found by reading the tuning half of ``tests/fixtures/newsset3``
(the even-numbered articles; issue 13): whole facts missed or invented, wrong or missed systems.

Why: each test states one pattern in its own words, with systems, firms and states chosen so that
no labelled article names them together, so the rule that passes it fixes the pattern, not one
article; the negative cases pin the limit of each rule (precision on blind text matters as much as
recall).
"""

from __future__ import annotations

from datetime import date

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)


def _triples(text: str) -> set[tuple]:
    """(supplier, buyer, system name) of every claim of ``text``."""
    return triples(text, PUB)


# -- parties named as one list --------------------------------------------------------------------


def test_talks_with_a_list_of_states_each_state_sells() -> None:
    """'in talks with A, B and C on X': the states of one list of counterparts sell together (a
    consortium); the first alone was kept before."""
    got = _triples("Uruguay is in talks with Paris, Madrid and Rome on 12 Tornado strike jets.")
    assert {("FRA", "URY", "Tornado"), ("ESP", "URY", "Tornado"), ("ITA", "URY", "Tornado")} <= got


def test_talks_with_two_states_on_a_design_of_one_of_them_keep_its_maker_only() -> None:
    """Two counterparts and a catalogued system made by one of them: the other may be a rival
    bidder, so the list rule needs three states before it overrides the system's origin."""
    got = _triples("Uruguay is in talks with Washington and Seoul on 12 NH90 helicopters.")
    assert not any(t[0] == "KOR" for t in got)
