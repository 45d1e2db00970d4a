"""General patterns of missed facts on news written blind to the rules (issue 13, helper recall3):
company-only suppliers and deals whose item is only a generic noun.

Why: each test states one pattern in its own words, with made-up designations and pairings no
labelled article holds, so the rule or catalogue row that passes it fixes the class, not one
article; negative cases pin the limit (precision on blind text matters as much as recall).
"""

from __future__ import annotations

from datetime import date

from tests.helpers.claim_facts import claims, facts, triples

PUB = date(2025, 6, 2)


# -- company-only suppliers: the maker stands for its home state (company catalogue) -----------------


def test_a_catalogued_maker_named_alone_gives_its_home_state() -> None:
    """No country is written for the seller, only a defence firm: the firm's home state from the
    company catalogue is the supplier (labelling guidelines: a company stands for its country)."""
    got = _supplier_company("Terma has handed over three XR-12 coastal radars to Ghana.")
    assert got == {("DNK", "Terma")}


def test_a_local_subsidiary_keeps_its_own_home_state_not_the_parent() -> None:
    """A subsidiary named with a country ("<parent> <country>") stands for that country, not for the
    parent group's home state; the longer catalogue name wins over the parent's alias."""
    got = _supplier_company("Thales Nederland delivered four XK-9 naval radars to Chile last month.")
    assert got == {("NLD", "Thales Nederland")}


def test_a_maker_from_a_second_tier_industry_is_known() -> None:
    """Firms of smaller exporting industries (here a Korean gun maker) resolve too."""
    got = triples("Peru took delivery of six KX-105 towed howitzers from Hyundai WIA in May.", PUB)
    assert ("KOR", "PER", "KX-105") in got


def test_an_unknown_firm_gives_no_invented_supplier_state() -> None:
    """A firm the catalogue does not hold is not resolved by guesswork."""
    got = _supplier_company("Qorvalix Dynamics delivered four XK-9 naval radars to Chile last month.")
    assert all(iso3 is None for iso3, _ in got)


def _supplier_company(text: str) -> set[tuple]:
    """(supplier iso3, supplier company name) of every claim of ``text``."""
    return {
        (
            c["supplier"]["iso3"] if c["supplier"] else None,
            (c.get("supplier_company") or {}).get("name"),
        )
        for c in claims(text, PUB)
    }


# -- system-less deals beside a named deal of the same two states --------------------------------------


def test_a_second_deal_for_a_generic_item_of_another_kind_is_kept() -> None:
    """A named helicopter sale, then a sale of support for radars to the same buyer: the radar deal
    names no system, but its item is of another kind than the helicopters, so it is a second deal
    (system null), not the helicopter deal told again."""
    text = (
        "The State Department approved a possible sale to Ghana of 8 AW-9 helicopters for $300 million. "
        "The State Department also approved a possible sale to Ghana of spare parts for coastal radars "
        "worth $40 million."
    )
    got = triples(text, PUB)
    assert {("USA", "GHA", None)} <= got
    assert any(t[2] is not None for t in got)


def test_a_deal_called_separate_is_kept_even_for_an_item_of_the_same_kind() -> None:
    """'in a separate sale' says the item is another deal though it is of the same kind."""
    text = (
        "Peru ordered four XR-30 radars from France in 2022. "
        "Peru also signed with France for the maintenance of its coastal radars in a separate contract."
    )
    assert ("FRA", "PER", None) in triples(text, PUB)


def test_the_same_deal_told_again_without_its_name_stays_one_fact() -> None:
    """'the six helicopters' after a named helicopter order is that deal again: no system-less
    fact of the same two states is added (the item is of the named system's kind)."""
    text = (
        "Ghana ordered six AW-9 helicopters from Italy in 2023. "
        "Ghana signed a contract with Italy for the six helicopters in March."
    )
    got = triples(text, PUB)
    assert ("ITA", "GHA", None) not in got


# -- lost bids: the loser offered ------------------------------------------------------------------------


def test_a_maker_that_lost_out_to_a_rival_in_a_state_offered_to_that_state() -> None:
    """'A lost out to B in C': per the labelling guidelines a losing bid is an offer (A's home state
    to C, no system named); the winner B is no party to A's offer."""
    got = _facts("Navantia lost out to Fincantieri in Ghana last year.")
    assert got == {("ESP", "GHA", None, "offered")}


def test_a_state_that_lost_a_contest_to_a_rival_offered() -> None:
    """The loser may be a state, the phrase 'lost the <kind> contest to B in C'."""
    got = _facts("Spain lost the corvette contest to Turkey in Ghana.")
    assert ("ESP", "GHA", None, "offered") in got
    assert not any(f[0] == "TUR" and f[1] == "ESP" for f in got)


def test_the_clause_after_a_lost_bid_keeps_its_own_system() -> None:
    """'A lost out to B in C, and D delayed the purchase of X': the lost bid names no system, so X
    is not what A offered; the second clause is read on its own."""
    text = (
        "Navantia lost out to Fincantieri in Ghana in May, and the Kenyan government delayed a planned "
        "purchase of AW-9 helicopters."
    )
    got = _facts(text)
    assert ("ESP", "GHA", None, "offered") in got
    assert not any(f[0] == "ESP" and f[2] is not None for f in got)


def _facts(text: str) -> set[tuple]:
    """(supplier iso3, buyer iso3, system name, status) of every claim of ``text``."""
    return facts(text, PUB)


# -- new unnamed items that follow an earlier named system --------------------------------------------


def test_new_items_called_follow_ons_of_a_named_class_are_a_deal_of_their_own() -> None:
    """'took delivery of two new patrol ships, follow-ons to the X-class it received earlier': the
    named class is the earlier deal; the new ships name no system and are a fact of their own."""
    text = (
        "Kenya took delivery in May of the first of three new patrol ships built by Navantia in Spain, "
        "follow-ons to the Serviola-class ships it received in 2015."
    )
    got = _facts(text)
    assert ("ESP", "KEN", None, "delivering") in got  # the first of three: deliveries under way
    assert any(f[2] is not None for f in got)


def test_a_named_system_alone_gives_no_system_less_fact() -> None:
    """Without the follow-on phrase the sentence's one named system is the whole deal."""
    got = _facts(
        "Kenya took delivery in May of three new Serviola-class patrol ships built by Navantia in Spain."
    )
    assert not any(f[2] is None for f in got)


# -- deliveries owed and not made ----------------------------------------------------------------------


def test_a_seller_that_failed_to_deliver_is_a_delayed_deal_not_a_denial() -> None:
    """'A failed to deliver the X to B': the deal exists and its deliveries slipped (labelling
    guidelines: slipped schedules are delayed), so it is a delayed fact, not a negated one."""
    got = _facts("Belarus failed to deliver the 12 XJ-3 jets to Georgia that were due in 2022.")
    assert ("BLR", "GEO", "XJ-3", "delayed") in got


def test_failing_to_deliver_on_a_promise_is_no_delivery_verb() -> None:
    """'failed to deliver on' is an idiom (a promise not kept), not a slipped delivery."""
    got = _facts("Belarus failed to deliver on its promise of reform to Georgia, the XJ-3 maker said.")
    assert not any(f[3] == "delayed" for f in got)


# -- roundups: a heading names the seller of the lines below it --------------------------------------


def test_a_from_heading_gives_the_supplier_of_the_lines_below() -> None:
    """A roundup line under "From <state>" that names no seller takes the heading's state."""
    text = "From Spain\n\nGhana took delivery of two new corvettes in 2024.\n\nKenya ordered six XJ-9 helicopters in 2023."
    got = triples(text, PUB)
    assert {("ESP", "GHA", None), ("ESP", "KEN", "XJ-9")} <= got


def test_a_demonym_made_heading_gives_the_supplier() -> None:
    """ "<Demonym>-made:" heads a list of buyers and items."""
    text = "Italian-made:\n- Kenya: six XJ-9 helicopters ordered in 2023."
    assert ("ITA", "KEN", "XJ-9") in triples(text, PUB)


def test_a_line_that_names_its_own_seller_keeps_it_and_a_new_heading_ends_the_section() -> None:
    """The heading is a default: a line naming its seller keeps it, and the next heading line
    (without a seller) closes the section."""
    text = (
        "From Spain\n\nKenya ordered six XJ-9 helicopters from France in 2023.\n\nOther news\n\n"
        "Ghana ordered four XJ-7 trainers in 2024."
    )
    got = triples(text, PUB)
    assert ("FRA", "KEN", "XJ-9") in got
    assert not any(t[0] == "ESP" for t in got)
