"""A sentence-opening "it"/"they"/"the country" that buys stands for the previous sentence's subject
state (issue 13, helper pron11).

Why: news background tells a state's purchases one sentence after another ("A signed for X from B in
2021. In 2022 it ordered Y from C."), in articles mostly about another state.  The buyer of the
pronoun's sentence is the state the previous sentence opens with, not the article's most named
state; a state that only sold in the previous sentence is no antecedent of a buyer, and a pronoun
that gives something away or offers it stays a seller.  Own-words sentences; no labelled article's
names or numbers.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims, triples

PUB = date(2025, 6, 2)

#: an article mostly about Brazil, whose background then turns to Chile
_LEAD = (
    "Brazil is buying more jets from Sweden. Brazil also ordered four Scorpene submarines from France. "
    "Brazil has spent heavily on its navy. "
)
_PREVIOUS = [
    "Chile signed for 18 Caesar howitzers from France in 2021.",
    "Chile has turned to Germany for most of its army.",
    "Chile received six Tiger helicopters from France in 2019.",
    "In 2019, Chile bought six Tiger helicopters from Airbus.",
    "Over the past decade, Chile has spent heavily on its army.",
    "Chile's army has grown quickly.",
]
_PRONOUNS = ["it", "they", "the country"]
_OPENINGS = ["", "In 2022, ", "In 2022 ", "Later, ", "Since then, "]
_VERBS = [
    "bought",
    "ordered",
    "received",
    "has since bought",
    "also ordered",
    "acquired",
    "purchased",
    "took delivery of",
    "has also received",
]


def _opened(opening: str, pronoun: str) -> str:
    said = opening + pronoun
    return said[0].upper() + said[1:]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_PREVIOUS),
    st.sampled_from(_OPENINGS),
    st.sampled_from(_PRONOUNS),
    st.sampled_from(_VERBS),
)
def test_the_pronoun_buyer_is_the_previous_sentences_subject(
    previous: str, opening: str, pronoun: str, verb: str
) -> None:
    """Pattern "A signed for X from B. In 2022 it ordered Y from C.": A buys Y, not the state the
    article is mostly about."""
    text = f"{_LEAD}{previous} {_opened(opening, pronoun)} {verb} 44 Leopard 2 tanks from Germany."
    got = triples(text, PUB)
    assert ("DEU", "CHL", "Leopard 2") in got
    assert ("DEU", "BRA", "Leopard 2") not in got


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["bought", "ordered", "received", "has since bought"]))
def test_the_resolved_buyer_is_read_from_context(verb: str) -> None:
    """The buyer is a reading of the previous sentence (cue ``buyer:pronoun``), below the confident
    band."""
    text = f"{_LEAD}Chile signed for 18 Caesar howitzers from France in 2021. It {verb} 44 Leopard 2 tanks from Germany."
    leo = [c for c in claims(text, PUB) if c["system"] and c["system"]["name"] == "Leopard 2"]
    assert leo and all("buyer:pronoun" in c["cues"] for c in leo)
    assert all(c["confidence"] < 0.8 for c in leo)


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["bought", "ordered", "has since bought"]))
def test_a_seller_is_no_antecedent_of_a_buyer(verb: str) -> None:
    """Pattern "B sold X to A. It also bought Y from C.": B only sold in the previous sentence; the
    pronoun's buyer is not read as B."""
    text = f"{_LEAD}Germany sold 18 Caesar howitzers to Chile in 2021. It also {verb} 44 Leopard 2 tanks from Italy."
    got = triples(text, PUB)
    assert ("ITA", "DEU", "Leopard 2") not in got


def test_a_possessor_of_something_else_is_no_antecedent() -> None:
    """Pattern "B's war has alarmed A. It has since bought Y from C": the subject is B's war, not B."""
    text = f"{_LEAD}Russia's war has alarmed Chile. It has since bought 44 Leopard 2 tanks from Germany."
    assert not any(b == "RUS" for _s, b, _n in triples(text, PUB))


def test_a_dateline_names_no_subject() -> None:
    """A dateline ("CITY, A -- ...") opens the article's first sentence with a state that is not its
    subject: no ``buyer:pronoun`` reading from it."""
    text = (
        "SANTIAGO, Chile -- Officials met on Monday to discuss the budget. It has since bought 44 Leopard 2 "
        "tanks from Germany."
    )
    assert not any("buyer:pronoun" in c["cues"] for c in claims(text, PUB))


def test_a_pronoun_that_offers_stays_the_seller() -> None:
    """Pattern "B sold X to A. It also offered Y.": the offer is B's (no buyer pronoun)."""
    text = "Germany sold 44 Leopard 2 tanks to Chile. It also offered IRIS-T systems."
    got = triples(text, PUB)
    assert ("DEU", "CHL", "Leopard 2") in got
    assert not any(b == "DEU" for _s, b, _n in got)


def test_a_later_clause_pronoun_is_not_read_as_opening() -> None:
    """Only a sentence-opening pronoun is read: "..., and it bought Y from C" keeps the sentence's
    own reading (no ``buyer:pronoun`` cue)."""
    text = (
        f"{_LEAD}Chile signed for 18 Caesar howitzers from France in 2021, and it bought 44 Leopard 2 "
        "tanks from Germany."
    )
    assert not any("buyer:pronoun" in c["cues"] for c in claims(text, PUB))


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["", "In 2018 ", "In 2018, "]),
    st.sampled_from(["two", "four", "12", "several"]),
    st.sampled_from(["from the Russian navy", "from Russia", "from Russia's navy"]),
)
def test_items_taken_over_from_a_seller_are_a_transfer(opening: str, count: str, seller: str) -> None:
    """Pattern "In 2018 it took over two X from B's navy" after "A has turned to B for its navy": A
    received the items from B (a second-hand transfer, delivered); the pronoun is A."""
    text = (
        "Vietnam has turned to Russia for most of its navy. "
        f"{_opened(opening, 'it')} took over {count} Kilo submarines {seller}."
    )
    kilo = [c for c in claims(text, PUB) if c["system"] and c["system"]["mention"].startswith("Kilo")]
    assert {(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in kilo} == {
        ("RUS", "VNM", "delivered")
    }


def test_taking_over_a_post_or_a_task_is_no_transfer() -> None:
    """ "took over from his predecessor", "took over the running of the yard from B": no items change
    hands."""
    for text in (
        "The admiral took over from his predecessor in 2020.",
        "Vietnam took over the running of the shipyard from Russia in 2020.",
        "Vietnam took over as chair of the group from Russia.",
    ):
        assert claims(text, PUB) == []
