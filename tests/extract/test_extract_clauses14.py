"""One sentence, several clauses (issue 13, round 14): a seller, a buyer or a stage of one clause does not
go to the item of another clause of the same sentence.

Own-words sentences of the general patterns of defence news (never text of ``../shared/eval`` or of the
newsset fixtures).
"""

from __future__ import annotations

from datetime import date

from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Article, extract

PUB = date(2025, 6, 1)


def _titled(title: str, text: str) -> list[tuple]:
    """(supplier iso3, buyer iso3, system name, status) of an article with a headline (the focus)."""
    out = []
    for c in extract(Article(text=text, title=title, published=PUB)):
        if not c.negated:
            out.append(
                (
                    c.supplier.iso3 if c.supplier else None,
                    c.buyer.iso3,
                    c.system.name if c.system else None,
                    c.status,
                )
            )
    return out


# --- two clauses, each with its own item: each reads its own parties and stage -----------------------


@settings(max_examples=25, deadline=None)
@given(
    buyer=st.sampled_from([("Chile", "CHL"), ("Peru", "PER"), ("Colombia", "COL")]),
    first=st.sampled_from(
        [
            "The army ordered 50 Leopard 2A7 tanks from a German consortium in 2021",
            "The army bought 50 Leopard 2A7 tanks from a German firm in 2021",
        ]
    ),
    second=st.sampled_from(
        [
            "the navy has taken delivery of two of the four Gowind corvettes it bought from France",
            "the navy has received two of the four Gowind corvettes it ordered from France",
        ]
    ),
)
def test_a_later_clause_buyer_is_not_the_earlier_clause_seller(
    buyer: tuple[str, str], first: str, second: str
) -> None:
    """ "The army ordered X from a German firm, and the navy has received Y from France": Germany sells X;
    it is no buyer of France's Y (the second clause's subject is the article's own force)."""
    name, iso = buyer
    facts = _titled(f"{name} rebuilds its forces", f"{name} is rebuilding its forces. {first}, and {second}.")
    gowind = {(s, b) for s, b, y, _st in facts if y == "Gowind"}
    assert ("FRA", iso) in gowind
    assert ("FRA", "DEU") not in gowind


@settings(max_examples=20, deadline=None)
@given(
    when=st.sampled_from(["last year", "in 2023", "in 2021"]),
    seller=st.sampled_from(["France's Dassault", "France's Safran"]),
)
def test_a_coordinated_verb_after_a_time_phrase_keeps_the_sentence_subject(when: str, seller: str) -> None:
    """ "A bought X from B's firm, and in 2023 received Y from C": the second verb's subject is A (a
    verb phrase coordinated with the first, a date before it), never B named just before the "and"."""
    text = f"Egypt is buying weapons. Egypt bought Rafale jets from {seller}, and {when} received K9 howitzers from South Korea."
    pairs = {(s, b) for s, b, y, _st in claim_facts.asserted(text, PUB) if y and y.startswith("K-9")}
    assert ("KOR", "EGY") in pairs
    assert ("KOR", "FRA") not in pairs


@settings(max_examples=20, deadline=None)
@given(
    signed=st.sampled_from(
        [
            "Slovakia signed a contract with Sweden's Saab for two Gripen jets last month",
            "Slovakia signed for two Gripen jets from Sweden last month",
        ]
    ),
    arrived=st.sampled_from(["arrived in May", "was handed over in May"]),
)
def test_the_stage_of_one_clause_does_not_go_to_the_item_of_another(signed: str, arrived: str) -> None:
    """ "A signed for X, and the last of N Y bought from C arrived": the contract is X's; Y's last one
    arrived (delivered), not signed nor still delivering."""
    text = f"Slovakia is rearming. {signed}, and the last of six Leopard 2A4 tanks bought from Germany {arrived}."
    stages = claim_facts.stages(text, PUB, "DEU", "SVK")
    assert "delivered" in stages
    assert "signed" not in stages


@settings(max_examples=20, deadline=None)
@given(
    dropped=st.sampled_from(["was abandoned in 2023", "was dropped in 2023", "was scrapped in 2023"]),
)
def test_a_dropped_plan_is_not_read_from_the_next_clause_memorandum(dropped: str) -> None:
    """ "A plan to buy X from B was dropped, and a deal for Y has not gone beyond an MoU": X is cancelled;
    the memorandum (talks) is Y's."""
    text = (
        "Indonesia needs jets. A plan to buy 10 second-hand Su-30 jets from Belarus "
        f"{dropped}, and a deal for 20 J-10C fighters has not gone beyond a memorandum of understanding."
    )
    stages = claim_facts.stages(text, PUB, "BLR", "IDN")
    assert "cancelled" in stages
    assert "negotiating" not in stages


# --- a clause cut from a sentence: its sibling is not its context ------------------------------------


def test_the_seller_of_a_sibling_clause_is_not_the_focus_buyer() -> None:
    """ "X were delivered by A, and the first Y ordered from B was commissioned": when the article's most
    named state is A, a seller of the sentence, Y's buyer is the article's first stated buyer, not A."""
    text = (
        "Egypt ordered two more FREMM frigates from Italy in 2024. Italy's Fincantieri launched the third hull "
        "in Italy on Monday. Four FREMM frigates were delivered by Italy between 2020 and 2022, and the first "
        "of two MEKO A-200 frigates ordered from Germany was commissioned in 2023."
    )
    pairs = {
        (s, b)
        for s, b, y, _st in _titled("Italy launches third frigate in Italy for export", text)
        if y == "MEKO A-200"
    }
    assert ("DEU", "EGY") in pairs
    assert ("DEU", "ITA") not in pairs


@settings(max_examples=25, deadline=None)
@given(
    verb=st.sampled_from(["has ordered", "bought", "signed for"]),
    tail=st.sampled_from(
        [", which arrived in 2023", ", the first of which arrived in 2023", " delivered in 2023"]
    ),
    items=st.sampled_from(
        [("K2 tanks", "FA-50 jets", "FA-50"), ("Rafale jets", "Mistral carriers", "Mistral")]
    ),
)
def test_the_last_member_of_a_list_is_not_a_clause_of_its_own(
    verb: str, tail: str, items: tuple[str, str, str]
) -> None:
    """ "A ordered X, and Y, which arrived in 2023" (a list with a serial comma): Y is the list's last
    item, bought by A as X is (its relative or participle phrase is no clause of its own, and the
    article's focus is not its buyer)."""
    first, last, name = items
    text = f"Hungary weighs new jets. Poland {verb} {first}, and {last}{tail}."
    buyers = {b for s, b, y, _st in _titled("Hungary weighs new jets", text) if y == name}
    assert "POL" in buyers
    assert "HUN" not in buyers


# --- a relative or appositive phrase about other items lends them its parties and stage only -------


@settings(max_examples=20, deadline=None)
@given(
    phrase=st.sampled_from(
        [", a US sale cleared in 2023", ", a US sale approved in 2023", ", which Washington cleared in 2023"]
    ),
    got=st.sampled_from(
        [
            "has received 20 Boxer vehicles from Rheinmetall",
            "took delivery of 20 Boxer vehicles from Rheinmetall",
        ]
    ),
)
def test_an_appositive_about_another_item_gives_no_party_or_stage_to_the_first(phrase: str, got: str) -> None:
    """ "The army received X from A and still awaits Y, a US sale cleared in 2023": the United States
    sells Y; it is no buyer of X, and the clearance is no stage of X's deal."""
    text = f"Kenya is rearming. The army {got} and still awaits 8 HIMARS launchers{phrase}."
    boxer = [(s, b, st_) for s, b, y, st_ in _titled("Kenya rearms", text) if y == "Boxer"]
    assert ("DEU", "KEN", "delivered") in boxer
    assert not any(b == "USA" or st_ == "approved" for _s, b, st_ in boxer)


@settings(max_examples=20, deadline=None)
@given(givers=st.sampled_from([("Berlin", "Madrid", "ESP"), ("Berlin", "Rome", "ITA")]))
def test_the_givers_named_in_a_relative_clause_give_only_its_items(givers: tuple[str, str, str]) -> None:
    """ "X were delivered, alongside the Y and Z that A and B donated": A and B gave Y and Z, not X."""
    first, second, iso = givers
    text = (
        "Kenya is rearming. Two Gripen jets were delivered in 2022, paid for by Nairobi, alongside the "
        f"Leopard 2 tanks and Marder vehicles that {first} and {second} donated in 2021."
    )
    facts = _titled("Kenya rearms", text)
    assert not any(s == iso and y == "Gripen" for s, _b, y, _st in facts)
    assert any(s == iso and y == "Marder" for s, _b, y, _st in facts)
