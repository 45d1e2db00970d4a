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


# -- a beaten bidder's offer, told as its maker -----------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["beat", "defeated", "edged out", "saw off"]),
    st.sampled_from(["offered", "had offered", "pitched"]),
    st.sampled_from(["The Swedish jet", "The winning design", "Sweden's fighter"]),
)
def test_the_beaten_maker_offered_to_the_chooser(verb: str, offered: str, winner: str) -> None:
    """Pattern "A picked X. The X beat B's maker, which offered its Y": the beaten maker's offer went to
    the chooser A (a rival bid), never to the winner's state named in the comparison."""
    text = f"Chile picked the Gripen from Sweden last week. {winner} {verb} France's Dassault, which {offered} its Rafale."
    got = triples(text, PUB)
    assert ("FRA", "CHL", "Rafale") in got
    assert ("FRA", "SWE", "Rafale") not in got


def test_the_chooser_is_the_choice_just_told_not_the_most_frequent_buyer() -> None:
    """Pattern: an article that told other deals of another buyer first; the competition the beaten
    offer belongs to is the choice told right before it, so its chooser is the buyer."""
    text = (
        "Peru bought 12 Leopard 2A4 tanks from Germany in 2019. Peru also ordered four K9 howitzers from "
        "South Korea. Chile picked the Gripen from Sweden last week. The Swedish jet beat France's Dassault, "
        "which offered its Rafale."
    )
    got = triples(text, PUB)
    assert ("FRA", "CHL", "Rafale") in got
    assert ("FRA", "PER", "Rafale") not in got
