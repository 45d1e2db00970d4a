"""A headline item the body never ties to the headline's two states is no item of their deal (issue 13,
precision on fresh news).

Why: headlines join two stories ("A looks to B for arms as X deliveries slip") and drop the words
that tie an item to its deal, so the sentence rules gave the second story's item to the first
story's states.  The body tells both stories again in full, naming each pair's own item; a headline
item it names only for other states is the other story's.  Kept: a headline the body does not
contradict (the same item, the item unnamed in the body, or no body claim at all).  The texts below
are written for these tests (no labelled article's text).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.headline import headline_end
from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

#: (buyer, its capital, supplier country, supplier's firm, the bought item, its catalogue name)
DEALS = [
    ("Finland", "HELSINKI", "Israel", "Rafael", "David's Sling batteries", "David's Sling", "FIN", "ISR"),
    (
        "Norway",
        "OSLO",
        "South Korea",
        "Hanwha Aerospace",
        "K9 Thunder howitzers",
        "K-9 Thunder 155mm",
        "NOR",
        "KOR",
    ),
    ("Romania", "BUCHAREST", "Switzerland", "Mowag", "Piranha 5 vehicles", "Piranha-5", "ROU", "CHE"),
]
#: an item of another story, named in the headline's "as" clause (catalogue name, its seller)
RIVALS = [
    ("Patriot", "Patriot", "the United States"),
    ("Archer", "Archer 155mm", "Sweden"),
    ("CAESAR", "CAESAR 155mm", "France"),
]
CLAUSES = ["as {r} deliveries slip", "as {r} sales draw delays"]
HEAD_VERBS = ["looks to {s} for arms", "turns to {s} for weapons"]


def _article(deal: tuple, rival: tuple, clause: str, head_verb: str, count: int) -> str:
    """Headline; a body telling the pair's contract, then the other story's own deal."""
    buyer, capital, seller, firm, item, _name, _b, _s = deal
    head = f"{buyer} {head_verb.format(s=seller)} {clause.format(r=rival[0])}"
    body = (
        f"{capital} - {buyer} signed a contract on Monday with {seller}'s {firm} for {count} {item}. "
        f"Its earlier order for {rival[0]} systems from {rival[2]} has been delayed by two years."
    )
    return f"{head}\n\n{body}"


@pytest.mark.parametrize("deal", DEALS)
@pytest.mark.parametrize("rival", RIVALS)
def test_as_clause_item_of_headline_is_not_the_deal(deal: tuple, rival: tuple) -> None:
    """'B looks to A for arms as X deliveries slip' + a body contract for Y and X's own deal with C:
    A to B is Y, never X."""
    found = triples(_article(deal, rival, CLAUSES[0], HEAD_VERBS[0], 12), PUB)
    pair = (deal[7], deal[6])
    assert (*pair, deal[5]) in found
    assert (*pair, rival[1]) not in found


@settings(max_examples=25, deadline=None)
@given(
    deal=st.sampled_from(DEALS),
    rival=st.sampled_from(RIVALS),
    clause=st.sampled_from(CLAUSES),
    head_verb=st.sampled_from(HEAD_VERBS),
    count=st.integers(min_value=2, max_value=90),
)
def test_any_headline_story_joined_by_as(
    deal: tuple, rival: tuple[str, str, str], clause: str, head_verb: str, count: int
) -> None:
    """Whatever the states, the verbs, the count and the other story's item: the body's item is the
    pair's deal, the other story's item is not."""
    if rival[1].split()[0] in deal[5]:
        return
    found = triples(_article(deal, rival, clause, head_verb, count), PUB)
    pair = (deal[7], deal[6])
    assert (*pair, rival[1]) not in found


@pytest.mark.parametrize("deal", DEALS)
def test_headline_the_body_repeats_stays(deal: tuple) -> None:
    """'B buys Y from A' over a body telling the same Y: the deal stays."""
    buyer, capital, seller, firm, item, name, b, s = deal
    text = f"{buyer} buys {item} from {seller}\n\n{capital} - {buyer} ordered 20 {item} from {firm}."
    assert (s, b, name) in triples(text, PUB)


@pytest.mark.parametrize("deal", DEALS)
def test_headline_item_the_body_leaves_unnamed_stays(deal: tuple) -> None:
    """The body tells the pair's deal without naming the item ("the systems"): the headline's name
    is the only one given, and stays."""
    buyer, capital, seller, _firm, item, name, b, s = deal
    text = (
        f"{buyer} buys {item} from {seller}\n\n"
        f"{capital} - {buyer} signed a contract with {seller} on Monday for the new systems."
    )
    assert (s, b, name) in triples(text, PUB)


@pytest.mark.parametrize("deal", DEALS)
def test_headline_alone_stays(deal: tuple) -> None:
    """A text that is only a headline line and a body with no deal keeps the headline's claim."""
    buyer, _capital, seller, _firm, item, name, b, s = deal
    text = f"{buyer} buys {item} from {seller}\n\nThe weather in the capital was fine on Monday."
    assert (s, b, name) in triples(text, PUB)


@pytest.mark.parametrize(
    ("text", "has_headline"),
    [
        ("A short line with no stop\n\nBody text.", True),
        ("A first sentence that ends with a stop.\nMore text.", False),
        ("One line only", False),
    ],
)
def test_headline_line(text: str, has_headline: bool) -> None:
    """The headline is the text's first line when it ends without sentence punctuation."""
    assert (headline_end(text) > 0) is has_headline
