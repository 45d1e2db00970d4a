"""The buyer behind a bare force noun (issue 13, helper buyer10).

Why: background paragraphs tell a force's purchases with the force as subject and no state:
"the navy also operates two X bought from B in 2020".  The buyer is the state whose navy the
article named ("A's navy", "the A-ian navy"), which need not be the state the article names most
(the supplier, or a third state of the lead, often is).  Each test states the pattern in its own
words, with parties and item names no labelled article uses; negative cases pin its limits.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims, triples

PUB = date(2025, 6, 2)

#: (force noun, an item it would hold, the catalogue or pattern name of that item)
_FORCES = [
    ("navy", "Kestrel-class patrol vessels", "Kestrel-class"),
    ("coast guard", "Kestrel-class cutters", "Kestrel-class"),
    ("army", "Mi-17 helicopters", "Mi-17"),
    ("air force", "C-130H transport aircraft", "C-130H Hercules"),
]
#: participles with "from": cues that tie the seller to the item
_FROM = ["bought from", "acquired from", "purchased from", "received from", "ordered from"]
#: (how the article names the buyer's force, the buyer's code)
_OWNERS = [
    ("Kenya's {f}", "KEN"),
    ("the Kenyan {f}", "KEN"),
    ("Peru's {f}", "PER"),
    ("the Peruvian {f}", "PER"),
]
#: a lead about another state: the article's most named state is not the force's owner
_LEAD = "Egypt launched a frigate on Monday, and Egypt said that Egypt would build three more by 2030. "


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_FORCES), st.sampled_from(_FROM), st.sampled_from(_OWNERS))
def test_a_bare_force_noun_buys_for_the_state_whose_force_was_named(
    force: tuple[str, str, str], cue: str, owner: tuple[str, str]
) -> None:
    """Pattern "A's navy is ... . The navy also operates N X bought from B in 2020": A buys, not the
    state the lead names most."""
    noun, item, name = force
    named = owner[0].format(f=noun)
    text = (
        f"{_LEAD}{named[0].upper()}{named[1:]} has grown quickly in recent years. "
        f"The {noun} also operates two {item} {cue} Turkey in 2019."
    )
    got = triples(text, PUB)
    assert ("TUR", owner[1], name) in got
    assert ("TUR", "EGY", name) not in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Turkish-built", "Turkish-made"]), st.sampled_from(["navy", "coast guard"]))
def test_a_force_noun_buys_when_the_lead_is_about_the_maker(made: str, noun: str) -> None:
    """Pattern "B's yards ... . A's navy ... . The navy operates a B-built X, handed over in 2023":
    the article names the maker most, so its focus is the seller; the force's owner buys."""
    text = (
        "Turkey's shipyards are busy, and Turkey launched two hulls this spring. "
        f"Kenya's {noun} is modernising. The {noun} also operates a {made} Kestrel-class patrol "
        "vessel, which was handed over in 2023."
    )
    got = triples(text, PUB)
    assert ("TUR", "KEN", "Kestrel-class") in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_FORCES),
    st.sampled_from(
        [
            "In 2021 the two {item} bought from Turkey were delivered to the {f}.",
            "In 2021 the two {item} ordered from Turkey were handed over to the {f}.",
            "In 2021 two {item} were ordered from Turkey for the {f}.",
        ]
    ),
)
def test_a_bare_force_receiving_the_item_is_the_buyers(force: tuple[str, str, str], sentence: str) -> None:
    """Pattern "A's navy ... . N X bought from B were delivered to the navy": the force after the
    seller receives the items (or they are bought for it): A buys."""
    noun, item, name = force
    text = f"{_LEAD}Kenya's {noun} has grown quickly. " + sentence.format(item=item, f=noun)
    got = triples(text, PUB)
    assert ("TUR", "KEN", name) in got
    assert ("TUR", "EGY", name) not in got


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(["patrol vessels", "landing craft", "transport helicopters"]),
    st.sampled_from(["bought from", "received from"]),
)
def test_a_bare_force_buys_unnamed_items_too(item: str, cue: str) -> None:
    """Pattern "A's navy ... . The navy also operates two patrol vessels bought from B": as with "A's
    navy received two patrol vessels from B", a system-less claim of A buying from B."""
    text = f"{_LEAD}Kenya's navy has grown quickly. The navy also operates two {item} {cue} Turkey in 2019."
    got = triples(text, PUB)
    assert ("TUR", "KEN", None) in got


def test_the_latest_force_of_the_same_kind_decides() -> None:
    """Pattern "A's navy ... B's army ... the navy operates X bought from C": the navy is A's."""
    text = (
        f"{_LEAD}Kenya's navy and Peru's army both placed orders this year. "
        "The navy also operates two Kestrel-class patrol vessels bought from Turkey in 2019."
    )
    got = triples(text, PUB)
    assert ("TUR", "KEN", "Kestrel-class") in got
    assert not any(t[1] in ("PER", "EGY") for t in got)


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(
        [
            "took over two Kestrel-class frigates from Turkey's navy",
            "took over two Kestrel-class frigates retired by the Turkish navy",
            "held drills with Turkey's navy",
        ]
    )
)
def test_a_force_named_as_seller_or_counterpart_is_not_the_owner(clause: str) -> None:
    """Limit: "A's navy ... In 2018 it took over X from B's navy. The navy also operates Y bought from
    C": B's navy is named as a seller (or a partner), "the navy" is still A's."""
    text = (
        f"{_LEAD}Kenya's navy has grown quickly. In 2018 it {clause}. "
        "The navy also operates three Mi-17 helicopters bought from Russia in 2020."
    )
    got = triples(text, PUB)
    assert ("RUS", "KEN", "Mi-17") in got
    assert not any(t[0] == "RUS" and t[1] == "TUR" for t in got)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["handed over", "transferred", "donated"]))
def test_a_force_of_a_state_that_only_sold_is_passed_over(verb: str) -> None:
    """Limit: "A's navy ... the B Navy handed over a cutter to A. The navy also operates X bought from
    C": B's navy, named last, only sold in the article; "the navy" is A's."""
    text = (
        f"{_LEAD}Kenya's navy has grown quickly. Last year the US Navy {verb} a Hamilton-class cutter to "
        "Kenya. The navy also operates two Kestrel-class patrol vessels bought from Turkey in 2019."
    )
    got = triples(text, PUB)
    assert ("TUR", "KEN", "Kestrel-class") in got
    assert ("TUR", "USA", "Kestrel-class") not in got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["defence ministry", "defense ministry", "ministry of defence"]))
def test_the_ministry_is_the_state_whose_ministry_was_named(ministry: str) -> None:
    """Pattern "A's defence ministry said ... . The ministry ordered X from B": A buys; a force of
    another kind named later ("C's navy") does not stand for "the ministry"."""
    text = (
        f"{_LEAD}Kenya's {ministry} said on Monday that the budget would grow. Peru's navy was not "
        "mentioned. In 2020 the ministry ordered two Kestrel-class patrol vessels from Turkey."
    )
    got = triples(text, PUB)
    assert ("TUR", "KEN", "Kestrel-class") in got
    assert ("TUR", "PER", "Kestrel-class") not in got


def test_the_force_guess_is_not_confident() -> None:
    """The owner of a bare force noun is read from context: the claim stays below 0.8."""
    text = (
        f"{_LEAD}Kenya's navy has grown quickly. "
        "The navy also operates two Kestrel-class patrol vessels bought from Turkey in 2019."
    )
    got = [c for c in claims(text, PUB) if c["buyer"]["iso3"] == "KEN"]
    assert got
    assert all(c["confidence"] < 0.8 for c in got)


def test_a_force_of_the_seller_itself_sells_nothing_to_itself() -> None:
    """Limit: "B's navy ... the navy operates X bought from B": B is no buyer of its own items."""
    text = (
        f"{_LEAD}Turkey's navy has grown quickly. "
        "The navy also operates two Kestrel-class patrol vessels bought from Turkey in 2019."
    )
    got = triples(text, PUB)
    assert not any(t[0] == t[1] for t in got)


def test_the_seller_named_with_its_own_fleet_stays_the_seller() -> None:
    """Limit: "bought from B, which had retired them from its navy": "its navy" is B's (the seller)."""
    text = (
        f"{_LEAD}Kenya's navy has grown quickly. The navy also operates two Kestrel-class patrol "
        "vessels bought from Turkey in 2019, which had retired them from its navy."
    )
    got = triples(text, PUB)
    assert ("TUR", "KEN", "Kestrel-class") in got
    assert not any(t[1] == "TUR" for t in got)


def test_no_force_named_and_no_state_gives_no_buyer() -> None:
    """Limit: with no state named anywhere, "the navy" has no owner: no claim is made up."""
    got = triples("The navy also operates two Kestrel-class patrol vessels bought from Turkey in 2019.", PUB)
    assert not any(t[1] for t in got)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["flies", "operates", "fields"]))
def test_a_fleet_told_with_no_deal_stage_takes_no_force_buyer(verb: str) -> None:
    """Limit: "A's army ... The army flies B-built X": a fleet in hand, no deal told; the force's state
    is not made a buyer by the rule (a stage must be told of the item)."""
    text = (
        f"{_LEAD}Kenya's army is short of helicopters. "
        f"The army currently {verb} a dozen Turkish-built T129 ATAK helicopters."
    )
    got = triples(text, PUB)
    assert ("TUR", "KEN", "T129 ATAK") not in got
