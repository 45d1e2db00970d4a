"""A second deal of the same two states told without a system (issue 13, helper systemless23).

Why: once an article has named a system the pair bought, a later sentence naming no system mostly
tells the same deal again ("the jets arrived") and its system-less claim is dropped as an echo.  News
also tells a second deal of the same pair with generic items only, and the labelling guidelines make
that a fact with no system: a sentence whose items are of another kind than every named system ("had
agreed to buy 150 tanks" after a fighter sale), or whose transfer verb is told as one more ("has
also received patrol boats" after a frigate).  A grouping noun ("three squadrons", "two batteries")
counts units of any system and says no kind, and a "think tank" is no tank.  Own-words sentences; no
labelled article's names or numbers.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 3, 11)

#: (buyer, buyer iso3) of the stories
_BUYERS = [("Egypt", "EGY"), ("Kenya", "KEN"), ("Chile", "CHL"), ("Indonesia", "IDN")]
#: an American fighter sale that opens the story (the named deal of the pair)
_FIGHTER = "{b} signed a contract with the United States last year for 16 F-16 Block 70 fighters."
#: a later sentence of the same pair about items of another kind, naming no system
_OTHER_KIND = [
    "Officials said {b} had also agreed to buy {n} American tanks, without naming the model.",
    "{b} has since agreed to purchase {n} American tanks as well, the embassy said.",
    "The Pentagon said {b} would buy {n} American howitzers in a further package.",
]
_COUNTS = ["40", "75", "120", "180"]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(_OTHER_KIND), st.sampled_from(_COUNTS))
def test_items_of_another_kind_are_a_deal_of_their_own(buyer: tuple[str, str], second: str, n: str) -> None:
    """Tanks or guns after a fighter sale of the same pair: two facts, the named one and a
    system-less one."""
    name, iso = buyer
    text = _FIGHTER.format(b=name) + " " + second.format(b=name, n=n)
    got = triples(text, PUB)
    assert ("USA", iso, "F-16V Viper") in got or any(t[:2] == ("USA", iso) and t[2] for t in got)
    assert ("USA", iso, None) in got


#: a frigate named first, then one more transfer of the same pair with generic items of the same kind
_FRIGATE = "{b} took delivery of the frigate INS Talwar from India in 2021, the navy said."
_ALSO = [
    "{b} has also received six fast patrol boats from India under a credit line.",
    "India has also supplied four interceptor boats to {b}, officials said.",
    "{b} also bought two offshore patrol vessels from India in 2019.",
]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(_ALSO))
def test_also_received_is_one_more_deal(buyer: tuple[str, str], second: str) -> None:
    """A "has also received/supplied/bought" with no system, after a named transfer of the pair: the
    second transfer keeps its system-less fact."""
    name, iso = buyer
    text = _FRIGATE.format(b=name) + " " + second.format(b=name)
    got = triples(text, PUB)
    assert any(t[:2] == ("IND", iso) and t[2] for t in got)
    assert ("IND", iso, None) in got


def test_same_kind_without_also_stays_an_echo() -> None:
    """The named deal told again with a generic noun of its own kind is no second fact."""
    text = (
        "Kenya signed a contract with the United States last year for 16 F-16 Block 70 fighters. "
        "The first of the American jets were delivered to Kenya in May."
    )
    assert ("USA", "KEN", None) not in triples(text, PUB)


@given(
    st.sampled_from(["five squadrons", "three squadrons", "two squadrons"]), st.sampled_from(["2017", "2018"])
)
@settings(max_examples=6, deadline=None)
def test_grouping_noun_says_no_kind(groups: str, year: str) -> None:
    """A "contract ... for three squadrons" after a named air-defence order of the pair is the same
    deal: a grouping noun counts units of any system, no aircraft."""
    text = (
        f"Egypt ordered the S-400 air defence system from Russia in {year}. "
        f"Egypt signed a $2 billion contract with Russia in October {year} for {groups}, "
        "some of which have been delivered."
    )
    assert ("RUS", "EGY", None) not in triples(text, PUB)


def test_think_tank_is_no_tank() -> None:
    """A "think tank" in a sentence about a fighter sale's backlog names no tank."""
    text = (
        "Kenya signed a contract with the United States last year for 16 F-16 Block 70 fighters. "
        "The backlog of American arms sales to Kenya was put at $2 billion by a Washington think tank."
    )
    assert ("USA", "KEN", None) not in triples(text, PUB)
