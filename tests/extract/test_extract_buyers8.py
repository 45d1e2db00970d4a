"""The buyer of a second-hand deal (issue 13, helper buyers8).

Why: "X settled on the Dutch F-16s" names the jets' former owner by its demonym; read as the owner
of a foreign design it became the buyer, and the chooser was lost when its verb was phrasal
("opted for", "settled on").  Each test states the pattern in its own words, with parties no
labelled article pairs; negative cases pin its limit.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["opted for", "settled on"]),
    st.sampled_from([("Peru", "PER"), ("Kenya", "KEN"), ("Vietnam", "VNM")]),
)
def test_a_phrasal_choice_verb_makes_its_subject_the_buyer(verb: str, buyer: tuple[str, str]) -> None:
    """Pattern "A opted for the B-ian X": A chose (the buyer), the demonym sells its used items."""
    got = triples(f"{buyer[0]} {verb} the Norwegian F-16 fighters after a long search.", PUB)
    assert ("NOR", buyer[1], "F-16") in got
    assert ("USA", "NOR", "F-16") not in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["chose", "settled on", "opted for", "bought", "took over"]),
    st.sampled_from(["", "used ", "retired "]),
    st.sampled_from([("Dutch", "NLD"), ("Belgian", "BEL"), ("Norwegian", "NOR")]),
)
def test_the_demonym_of_chosen_items_is_no_buyer(verb: str, used: str, owner: tuple[str, str]) -> None:
    """Pattern "the new government chose the B-ian X": B owned the items and sells them; it never
    buys the design from its maker."""
    got = triples(f"The new government {verb} the {used}{owner[0]} F-16 jets.", PUB)
    assert not any(t[1] == owner[1] for t in got)


def test_a_demonym_owning_a_flying_fleet_stays_its_owner() -> None:
    """Limit: with no buying verb before it, "the B-ian X" is B's own fleet (B bought it)."""
    got = triples("The Norwegian F-16 jets were bought from the United States in the 1980s.", PUB)
    assert ("USA", "NOR", "F-16") in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["agreed to sell", "sold", "has sold"]),
    st.sampled_from(
        [("a Canadian company", "CAN"), ("a Chilean firm", "CHL"), ("a Brazilian company", "BRA")]
    ),
)
def test_an_unnamed_ministry_selling_its_stock_sells_for_the_holder(
    verb: str, buyer: tuple[str, str]
) -> None:
    """Pattern "A bought X from M. The ministry sold N of its remaining aircraft to C, a B-ian firm":
    the items are A's own (its stock of the earlier deal), so A sells them to B, never their maker M."""
    text = (
        "Over the years Belgium bought 160 F-16 jets from the United States. In 2021 the ministry "
        f"{verb} 12 of its remaining aircraft to Skyhawk Aviation, {buyer[0]} that trains pilots."
    )
    got = triples(text, PUB)
    assert ("BEL", buyer[1], "F-16") in got
    assert ("USA", buyer[1], "F-16") not in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["agreed to sell", "sold"]),
    st.sampled_from(["a US company that trains pilots", "an American firm", "a US private contractor"]),
)
def test_a_firm_named_with_its_state_after_to_is_the_buyer(verb: str, firm: str) -> None:
    """Pattern "A sold N of its X to Firm, a B-ian company": the firm's state B buys, even where B
    makes the design (a buy-back of used items), and A sells."""
    got = triples(f"Belgium {verb} 12 of its old F-16 jets to Skyhawk Aviation, {firm}.", PUB)
    assert ("BEL", "USA", "F-16") in got
    assert ("USA", "BEL", "F-16") not in got
