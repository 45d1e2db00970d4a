"""General patterns of missed or misassigned deals on real news (issue 13, helper recall7).

Why: a deal missed for a wrong party costs a miss and an extra at once.  Each test states one
pattern in its own words, with parties and systems no labelled article pairs, so the rule that
passes it fixes the class, not one article; negative cases pin its limit.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)


# -- an alliance inside the subject's appositive ----------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(
        [
            "the first NATO member to buy the type",
            "the newest member of NATO",
            "an EU member since 2004",
            "a key NATO ally on the eastern flank",
        ]
    ),
    st.sampled_from(["received", "ordered", "bought", "took delivery of"]),
)
def test_an_alliance_in_the_appositive_is_no_buyer(apposition: str, verb: str) -> None:
    """Pattern "A, the first NATO member to buy it, received N X": the alliance describes A; A is the
    subject and the buyer, never the alliance."""
    got = triples(f"Romania, {apposition}, {verb} 18 F-16 fighters from Norway in 2023.", PUB)
    assert ("NOR", "ROU", "F-16") in got
    assert not any(t[1] is None for t in got)
