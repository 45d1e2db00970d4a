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


# -- the object of a giving verb is no subject of the main verb ---------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["had promised", "promised", "sold", "had offered"]),
    st.sampled_from(["has not delivered any", "has delivered none of them", "has since delivered them"]),
    st.sampled_from(["Paris", "France"]),
)
def test_the_object_of_a_relative_giving_verb_is_the_buyer(verb: str, main: str, seller: str) -> None:
    """Pattern "A, which promised B N X last year, has not delivered any": B, the object of the giving
    verb, receives X; the main verb after the clause is A's, never B's (B is no seller)."""
    got = triples(f"{seller}, which {verb} Egypt 30 Rafale fighters last year, {main}.", PUB)
    assert ("FRA", "EGY", "Rafale") in got
    assert not any(t[0] == "EGY" for t in got)


def test_a_promise_to_a_named_state_is_its_purchase() -> None:
    """Pattern "A promised B N X": "promised" takes its receiver as a direct object like "sold"."""
    got = triples("Germany promised Poland 12 Leopard 2A4 tanks in March.", PUB)
    assert ("DEU", "POL", "Leopard-2A4") in got


# -- a discourse aside between a speaker and "said it" ----------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["for its part", "meanwhile", "in turn", "however", "by contrast"]),
    st.sampled_from(["has said it will keep", "said it would keep", "announced it will keep"]),
)
def test_an_aside_does_not_hide_the_subject_of_said_it(aside: str, said: str) -> None:
    """Pattern "A, for its part, has said it will keep its X, bought from B": the aside between A and
    its reporting verb leaves A the subject (and so the buyer), never the article's earlier buyer."""
    text = (
        "Peru signed a deal with South Korea for 54 K2 tanks. Peru also received 20 KT-1P trainers in 2012. "
        f"Chile, {aside}, {said} its Leopard 2A4 tanks, bought from Germany in the 2000s, in service."
    )
    got = triples(text, PUB)
    assert ("DEU", "CHL", "Leopard-2A4") in got
    assert ("DEU", "PER", "Leopard-2A4") not in got


# -- a demonym right before a passive giving verb is no recipient ------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["the French maker", "the company's French arm", "its French subsidiary"]),
    st.sampled_from(["have been handed over", "were delivered", "have been supplied"]),
)
def test_a_demonym_before_a_passive_giving_verb_is_no_recipient(apposition: str, passive: str) -> None:
    """Pattern "All N X ordered from F, the French maker, have been handed over": the demonym qualifies
    the maker, it receives nothing; the deal of the article's buyer stands (no domestic deal)."""
    text = (
        "Qatar took delivery of its first Typhoon jets from Italy in May. "
        f"All 16 H225M helicopters ordered in 2018 from Airbus Helicopters, {apposition}, {passive}."
    )
    got = triples(text, PUB)
    assert ("FRA", "QAT", "H225M") in got
    assert not any(t[1] == "FRA" for t in got)


# -- each listed item's own place of make -----------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["built in", "made in", "produced in"]),
    st.sampled_from(["received", "took delivery of"]),
    st.sampled_from([", and of", " and", ", and"]),
)
def test_an_items_place_of_make_is_its_seller_beside_another_from(made: str, verb: str, joint: str) -> None:
    """Pattern "A received N X from B, and M Y built in C": "built in C" right after Y names Y's seller
    as "from B" names X's; C sells Y, B does not."""
    text = f"Kenya {verb} 12 A-29 Super Tucano aircraft from Brazil in 2021{joint} three JF-17 Thunder jets {made} Pakistan."
    got = triples(text, PUB)
    assert ("PAK", "KEN", "JF-17 Thunder") in got
    assert ("BRA", "KEN", "JF-17 Thunder") not in got


# -- an opening gerund clause of receiving ----------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(
        ["After receiving", "After taking delivery of", "Having taken delivery of", "After buying"]
    ),
    st.sampled_from(["signed a contract with France for", "ordered from France"]),
)
def test_the_subject_after_an_opening_gerund_bought_its_item(opening: str, main: str) -> None:
    """Pattern "After taking delivery of N X, A signed a contract with B for M Y": A, the subject of the
    main clause, is the one who received X; B is Y's seller only, never X's."""
    text = f"{opening} 40 Leopard 2A4 tanks, Chile {main} 36 CAESAR howitzers."
    got = triples(text, PUB)
    assert ("DEU", "CHL", "Leopard-2A4") in got
    assert ("FRA", "CHL", "Leopard-2A4") not in got
    assert ("FRA", "CHL", "CAESAR 155mm") in got


# -- a choice told as a noun --------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(
        [
            "announced its choice of",
            "confirmed its selection of",
            "made its final choice of",
            "announced the selection of",
        ]
    ),
    st.sampled_from(["", "Chile picked the Gripen from Sweden in 2023, and "]),
)
def test_a_choice_told_as_a_noun_is_an_approved_purchase(choice: str, before: str) -> None:
    """Pattern "A announced its choice of X from B": the noun "choice"/"selection" says what "chose"
    says (A's approved purchase); A is the chooser, not only a speaker reporting it."""
    got = triples(f"{before}Peru {choice} the Rafale from France last year.", PUB)
    assert ("FRA", "PER", "Rafale") in got


# -- officials of a state as the subject of a deal verb -----------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["Swedish officials", "Swedish defence officials", "Sweden's defence minister"]),
    st.sampled_from(["have offered", "offered", "have pitched"]),
)
def test_officials_of_a_state_offer_for_it(officials: str, verb: str) -> None:
    """Pattern "B officials have offered N X" after a deal of A: the officials act for their state, the
    seller of X (to the buyer in context), not a speaker reporting someone else's deal."""
    text = f"Colombia received its first Kfir jets from Israel on Monday. {officials} {verb} 16 used Gripen C jets."
    got = triples(text, PUB)
    assert any(t[:2] == ("SWE", "COL") and "Gripen" in (t[2] or "") for t in got)
