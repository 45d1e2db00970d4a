"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 9), in our own
words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the newsset
fixtures), read with the labelling guidelines (rule 5) and the newsset conventions.
"""

from __future__ import annotations

from datetime import date

from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)


def _stages(text: str, supplier: str, buyer: str) -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text`` (denials left out)."""
    return claim_facts.stages(text, PUB, supplier, buyer)


# --- "A will buy N X" after the deal's clearance or contract: the deal's content, no talks -----------


@settings(max_examples=30, deadline=None)
@given(
    first=st.sampled_from(
        [
            "Chile's cabinet on Monday approved a plan to acquire 40 Leopard 2A8 tanks from Germany.",
            "Chile's cabinet on Monday cleared the purchase of 40 Leopard 2A8 tanks from Germany.",
            "Chile on Monday signed a contract with Germany for 40 Leopard 2A8 tanks.",
        ]
    ),
    intent=st.sampled_from(
        [
            "Under the plan, Chile will buy 12 of the Leopard 2A8 tanks straight off the German line.",
            "The government said it would buy the Leopard 2A8 tanks in two tranches.",
            "The Chilean army is set to buy the Leopard 2A8 tanks over four years.",
        ]
    ),
)
def test_a_purchase_told_ahead_of_a_cleared_deal_is_no_talks(first: str, intent: str) -> None:
    """ "A will buy N of the X" after the article's clearance or contract is that deal's content: no
    negotiating stage of its own (rule 5: negotiating is talks, negotiations, MoUs)."""
    got = _stages(f"{first} {intent}", "DEU", "CHL")
    assert "negotiating" not in got
    assert got & {"approved", "signed"}


def test_an_intent_after_a_choice_or_with_talks_keeps_its_stage() -> None:
    """After a buyer's mere choice the talks still follow; a sentence with talks words states them."""
    chose = (
        "Chile has selected the Leopard 2A8 tank from Germany. The government intends to buy 40 of the tanks."
    )
    assert "negotiating" in _stages(chose, "DEU", "CHL")
    talks = (
        "Chile on Monday signed a contract with Germany for 40 Leopard 2A8 tanks. "
        "Chile will buy more Leopard 2A8 tanks after talks with Germany on a second batch."
    )
    assert "negotiating" in _stages(talks, "DEU", "CHL")


def test_a_purchase_only_intended_stays_negotiating() -> None:
    """Without a cleared or signed deal in the article, a purchase told ahead keeps its reading."""
    assert _stages("Chile will buy 40 Leopard 2A8 tanks from Germany.", "DEU", "CHL") == {"negotiating"}


# --- "expect the contract with the maker, B's firm, to be signed": a signing still to come ----------


@settings(max_examples=30, deadline=None)
@given(
    apposition=st.sampled_from(
        ["the maker, Rheinmetall,", "Germany's KNDS (the maker)", "the German firm, KNDS,"]
    ),
    when=st.sampled_from(["by the end of the year", "in the autumn", "next month"]),
)
def test_a_contract_to_be_signed_after_an_apposition_is_not_signed(apposition: str, when: str) -> None:
    """ "Officials expect the contract with the maker, X, to be signed by May": the passive infinitive
    is a signing still to come, also when an apposition's comma stands before 'to be'."""
    text = (
        "Chile's cabinet approved the purchase of 40 Leopard 2A8 tanks from Germany on Monday. "
        f"Officials expect the contract with {apposition} to be signed {when}."
    )
    assert _stages(text, "DEU", "CHL") == {"approved"}


# --- "the agency informed Congress about the possible sale": an export notice -----------------------


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(
        ["informed Congress about", "told Congress of", "briefed lawmakers on", "notified Congress of"]
    ),
)
def test_congress_informed_of_a_possible_sale_is_an_approval(verb: str) -> None:
    """ "The agency informed Congress about the possible sale of N X to B": the supplier government's
    export notice (approved), however the notice is worded; not talks."""
    text = f"The US defence cooperation agency {verb} the possible sale of 12 F-16 jets to Chile on Monday."
    assert _stages(text, "USA", "CHL") == {"approved"}


# --- "months of negotiation before signing": the talks that led to the contract ---------------------


@settings(max_examples=30, deadline=None)
@given(
    talks=st.sampled_from(["months of negotiation", "two years of talks", "long negotiations"]),
    before=st.sampled_from(["before signing", "before the contract was signed", "prior to the signing"]),
)
def test_talks_before_the_signing_are_over(talks: str, before: str) -> None:
    """ "The offsets were the subject of months of negotiation before signing": past talks, no stage of
    their own beside the signed contract."""
    text = (
        "Chile signed a contract with Germany for 40 Leopard 2A8 tanks on Monday. "
        f"The industrial offsets for the Leopard 2A8 tanks were the subject of {talks} {before}."
    )
    assert _stages(text, "DEU", "CHL") == {"signed"}


def test_talks_before_a_signing_to_come_are_still_talks() -> None:
    """Talks under way ahead of a signing planned later are negotiations."""
    text = (
        "Chile is in negotiations with Germany over 40 Leopard 2A8 tanks, with a contract expected next year."
    )
    assert "negotiating" in _stages(text, "DEU", "CHL")


# --- "A receives its first X from B": the present of a news lede is a delivery ----------------------


@settings(max_examples=30, deadline=None)
@given(
    items=st.sampled_from(
        ["first Leopard 2A8 tanks", "its first Leopard 2A8 tanks", "the first two Leopard 2A8 tanks"]
    ),
)
def test_receives_in_a_lede_is_a_delivery(items: str) -> None:
    """ "Chile receives first X from Germany" (a headline's present, as "gets" already was): the first
    items arrive, a delivery under way."""
    text = f"Chile receives {items} from Germany."
    assert _stages(text, "DEU", "CHL") == {"delivering"}


# --- "the maker received / booked an order from B for N X": an order won, not items arriving --------


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["received", "has received", "receives", "booked", "books"]),
    order=st.sampled_from(["an order", "a contract", "a $900 million order", "a new contract"]),
)
def test_an_order_received_by_a_maker_is_signed(verb: str, order: str) -> None:
    """ "Germany's KNDS received an order from Chile for 40 X": the maker's new business (signed, the
    maker's state sells), not a delivery to the maker."""
    text = f"Germany's KNDS {verb} {order} from Chile for 40 Leopard 2A8 tanks."
    assert _stages(text, "DEU", "CHL") == {"signed"}


def test_the_rest_of_an_order_received_is_a_delivery() -> None:
    """ "received the rest of its order": the items of the order arrive (a delivery, not a new order)."""
    text = "Chile received the last tanks of its order of 40 Leopard 2A8 tanks from Germany in May."
    assert "signed" not in _stages(text, "DEU", "CHL")


# --- "the cabinet signed off on / endorsed the purchase": a clearance, no signature ------------------


@settings(max_examples=30, deadline=None)
@given(
    body=st.sampled_from(["Chile's cabinet", "The Chilean parliament", "Chile's defence council"]),
    verb=st.sampled_from(["signed off on", "has signed off on", "endorsed", "has endorsed"]),
    what=st.sampled_from(["the purchase of", "a deal for", "the plan to buy"]),
)
def test_a_purchase_signed_off_or_endorsed_is_approved(body: str, verb: str, what: str) -> None:
    """ "The cabinet signed off on the purchase of N X from B": the government's clearance (approved),
    not a contract signed."""
    text = f"{body} {verb} {what} 40 Leopard 2A8 tanks from Germany on Monday."
    assert _stages(text, "DEU", "CHL") == {"approved"}


# --- "the K2 tanks A bought arrived; FA-50 deliveries are late": each system keeps its own clause -----


@settings(max_examples=30, deadline=None)
@given(
    arrival=st.sampled_from(
        [
            "The second batch of K2 tanks Poland bought from South Korea arrived on Monday",
            "The first K2 tanks Poland ordered from South Korea were handed over in May",
        ]
    ),
    late=st.sampled_from(
        [
            "FA-50 deliveries from South Korea are still behind schedule",
            "FA-50 deliveries from South Korea have been delayed",
        ]
    ),
)
def test_a_clause_break_between_two_systems_bounds_their_stages(arrival: str, late: str) -> None:
    """ "The K2 tanks A bought from B arrived on Monday; FA-50 deliveries are still behind schedule": the
    first system's verbs come after it in its own clause (a delivery under way), and the purchase verb of
    that clause is no stage of the system after the semicolon."""
    text = f"{arrival}; {late}."
    facts = claim_facts.facts(text, PUB)
    k2 = {st for sup, buy, name, st in facts if name and name.startswith("K2")}
    fa50 = {st for sup, buy, name, st in facts if name and name.startswith("FA-50")}
    assert k2 == {"delivering"}
    assert fa50 == {"delayed"}


# --- "the first X arrives in B" (a lede's present) is a delivery; "until the last X arrives" is not --


@settings(max_examples=30, deadline=None)
@given(batch=st.sampled_from(["First", "Second batch of", "The first"]))
def test_arrives_in_a_lede_is_a_delivery(batch: str) -> None:
    """ "Second batch of X from A arrives in B": the present of a headline or lede, as 'arrived'."""
    text = f"{batch} Leopard 2A8 tanks from Germany arrives in Chile."
    assert _stages(text, "DEU", "CHL") == {"delivering"}


@settings(max_examples=30, deadline=None)
@given(
    when=st.sampled_from(
        ["until the last Leopard 2A8 tank arrives", "before the first Leopard 2A8 tank arrives"]
    ),
)
def test_an_arrival_in_a_time_clause_is_still_to_come(when: str) -> None:
    """ "Chile and Germany held talks on used tanks to bridge the gap until the last X arrives": the
    arrival is a time to come, no delivery of the deal talked about."""
    text = f"Chile and Germany have held talks about the transfer of 20 used Leopard 2A4 tanks, {when}."
    assert "delivered" not in _stages(text, "DEU", "CHL")


# --- "A received N X from B, while the M Y it ordered from B are late": the Y's own clause ------------


@settings(max_examples=30, deadline=None)
@given(late=st.sampled_from(["are late", "have been delayed", "are running behind schedule"]))
def test_a_system_without_a_verb_before_it_takes_its_own_clause(late: str) -> None:
    """ "..., while the 36 FA-50 jets it ordered from B are late": a system with no verb of its own before
    it takes every verb of its clause (delayed), not only the first one (the order)."""
    text = f"Poland has received 40 K2 tanks from South Korea, while the 36 FA-50 jets it ordered from South Korea {late}."
    facts = claim_facts.facts(text, PUB)
    assert "delayed" in {st for _s, _b, name, st in facts if name and name.startswith("FA-50")}


# --- "the sale of X to B, which already operates Y": a relative clause after a name is the party's ----


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["already operates", "already flies", "received"]),
)
def test_a_relative_clause_after_a_party_is_not_the_items(verb: str) -> None:
    """ "The US approved the sale of N X to B, which already operates Y from C": the clause speaks of B
    (its other fleet), not of the X just approved (no delivery of X)."""
    text = (
        "The United States has approved the sale of 250 Abrams tanks to Poland, "
        f"which {verb} K2 tanks from South Korea."
    )
    assert _stages(text, "USA", "POL") == {"approved"}


# --- "bought X, Y and Z from A, and the first Z arrived": the later clause names its system ----------


def test_a_later_clause_naming_a_list_member_goes_on_with_it() -> None:
    """ "Poland has bought K9 howitzers, K2 tanks and FA-50 jets from South Korea, and the first FA-50
    jets arrived in 2023": the delivery is the FA-50's, not the list head's."""
    text = (
        "Poland has bought K9 howitzers, K2 tanks and FA-50 jets from South Korea, "
        "and the first FA-50 jets arrived in 2023."
    )
    facts = claim_facts.facts(text, PUB)
    fa50 = {st for _s, _b, name, st in facts if name and name.startswith("FA-50")}
    k9 = {st for _s, _b, name, st in facts if name and name.startswith("K-9")}
    assert "delivering" in fa50
    assert not k9 & {"delivering", "delivered"}


# --- "Twenty of the 46 X have been delivered": a share of a counted order, in words ------------------


@settings(max_examples=30, deadline=None)
@given(count=st.sampled_from(["Twenty", "Twelve", "Fifteen", "Thirty-two"]))
def test_a_worded_share_of_an_order_is_a_delivery_under_way(count: str) -> None:
    """ "Twenty of the 46 X B ordered from A have been delivered": part of the order (delivering), as
    with digits ("20 of the 46"), not the whole of it."""
    text = f"{count} of the 46 Leopard 2A8 tanks Chile ordered from Germany have been delivered."
    got = _stages(text, "DEU", "CHL")
    assert "delivering" in got
    assert "delivered" not in got


# --- "B had agreed to buy it in 2019": a pronoun after an infinitive refers to the deal in context ---


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(
        ["had agreed to buy it", "agreed to buy it", "had contracted to buy it", "agreed to purchase them"]
    ),
)
def test_a_pronoun_after_a_purchase_infinitive_refers_back(verb: str) -> None:
    """ "The X from A arrived in B in 2022. B had agreed to buy it in 2019.": the pronoun object of the
    purchase infinitive is the system in context, whose contract the sentence states (signed)."""
    text = f"The Leopard 2A8 tanks from Germany arrived in Chile in April 2025. Chile {verb} in 2022."
    assert {"delivered", "signed"} <= _stages(text, "DEU", "CHL")


# --- "Twelve have arrived so far", "A has delivered 12 so far": a bare count of the deal's items -------


@settings(max_examples=30, deadline=None)
@given(
    later=st.sampled_from(
        [
            "Twelve have arrived so far.",
            "So far, 12 of them have been handed over.",
            "Germany has delivered 12 so far.",
            "Chile has received only eight so far.",
        ]
    ),
)
def test_a_bare_count_handed_over_is_a_delivery_of_the_deal(later: str) -> None:
    """A sentence with a count and no item noun after a counted order ("Twelve have arrived so far",
    "the maker has delivered 12 so far") states part of that order's delivery (delivering)."""
    text = f"Chile signed a contract with Germany for 40 Leopard 2A8 tanks in 2022. {later}"
    assert _stages(text, "DEU", "CHL") == {"signed", "delivering"}


def test_a_bare_count_larger_than_the_order_is_no_share() -> None:
    """A count above the deal's own ("Fifty have arrived" after an order of 40) is not its share."""
    text = "Chile signed a contract with Germany for 4 Leopard 2A8 tanks in 2022. Germany has delivered 12 so far."
    assert _stages(text, "DEU", "CHL") == {"signed"}


# --- "a plan to buy N X from A, agreed in 2018, was dropped": the passive cancels the deal -----------


@settings(max_examples=30, deadline=None)
@given(
    subject=st.sampled_from(
        [
            "Chile's plan to buy 40 Leopard 2A8 tanks from Germany, agreed in 2022,",
            "Chile's order for 40 Leopard 2A8 tanks from Germany",
            "The deal for 40 Leopard 2A8 tanks that Chile signed with Germany",
        ]
    ),
    verb=st.sampled_from(["was dropped", "was quietly dropped", "has been dropped", "was later dropped"]),
)
def test_a_deal_dropped_in_the_passive_is_cancelled(subject: str, verb: str) -> None:
    """ "A plan to buy N X from A, agreed in 2022, was dropped in 2024": the deal is called off (cancelled),
    as the active 'dropped its plan to buy' already was."""
    text = f"{subject} {verb} in 2024 under pressure from the United States."
    assert "cancelled" in _stages(text, "DEU", "CHL")


def test_charges_dropped_are_no_cancellation() -> None:
    """ "the charges were dropped": a passive 'dropped' with no deal noun before it opens no deal."""
    text = "The charges against a German arms dealer over tank sales were dropped, Chilean prosecutors said."
    assert "cancelled" not in _stages(text, "DEU", "CHL")


# --- "the contract was annulled / rescinded / revoked", "ditched its plan": cancellations -------------


@settings(max_examples=30, deadline=None)
@given(
    text=st.sampled_from(
        [
            "Chile's contract for 40 Leopard 2A8 tanks from Germany was annulled in 2024.",
            "Chile's contract for 40 Leopard 2A8 tanks from Germany was rescinded in 2024.",
            "Chile's order for 40 Leopard 2A8 tanks from Germany was revoked in 2024.",
            "Chile ditched its plan to buy 40 Leopard 2A8 tanks from Germany in 2024.",
        ]
    ),
)
def test_an_annulled_or_revoked_deal_is_cancelled(text: str) -> None:
    """Annulled, rescinded, revoked, ditched: the deal is called off (cancelled), as 'cancelled' and
    'scrapped' already were."""
    assert "cancelled" in _stages(text, "DEU", "CHL")


# --- "are two years late", "overdue", "put back to 2028", "rescheduled": a slipped schedule -----------


@settings(max_examples=30, deadline=None)
@given(
    text=st.sampled_from(
        [
            "Chile's 40 Leopard 2A8 tanks ordered from Germany are two years late.",
            "Chile's 40 Leopard 2A8 tanks ordered from Germany are 18 months late.",
            "Chile's 40 Leopard 2A8 tanks ordered from Germany are overdue.",
            "Delivery of Chile's 40 Leopard 2A8 tanks ordered from Germany has been put back to 2028.",
            "Delivery of Chile's 40 Leopard 2A8 tanks ordered from Germany has been rescheduled to 2028.",
        ]
    ),
)
def test_a_slipped_schedule_in_other_words_is_delayed(text: str) -> None:
    """A schedule told as late by a count, overdue, put back or rescheduled has slipped (delayed)."""
    assert "delayed" in _stages(text, "DEU", "CHL")


# --- "reached an agreement on N X", "agreed a $1bn deal", "committed to buying": a deal concluded -----


@settings(max_examples=30, deadline=None)
@given(
    text=st.sampled_from(
        [
            "Chile and Germany reached an agreement on 40 Leopard 2A8 tanks in May.",
            "Chile reached a $1 billion deal with Germany for 40 Leopard 2A8 tanks in May.",
            "Chile and Germany agreed a $1 billion deal for 40 Leopard 2A8 tanks in May.",
            "Chile has committed to buying 40 Leopard 2A8 tanks from Germany.",
        ]
    ),
)
def test_a_deal_reached_or_agreed_is_signed(text: str) -> None:
    """A deal reached or agreed, a purchase committed to: concluded (signed), as 'sealed a deal'."""
    assert _stages(text, "DEU", "CHL") == {"signed"}


def test_an_agreement_in_principle_is_no_contract() -> None:
    """ "reached an agreement in principle": terms settled in outline, no contract."""
    text = "Chile and Germany reached an agreement in principle on 40 Leopard 2A8 tanks in May."
    assert "signed" not in _stages(text, "DEU", "CHL")


# --- "parliament voted to buy", "passed a bill to buy", "granted an export permit": clearances ---------


@settings(max_examples=30, deadline=None)
@given(
    text=st.sampled_from(
        [
            "Chile's parliament voted to buy 40 Leopard 2A8 tanks from Germany.",
            "Chile's parliament passed a bill to buy 40 Leopard 2A8 tanks from Germany.",
            "Germany granted an export permit for 40 Leopard 2A8 tanks to Chile.",
            "Germany's security council allowed the export of 40 Leopard 2A8 tanks to Chile.",
        ]
    ),
)
def test_a_vote_a_bill_or_an_export_permit_is_approved(text: str) -> None:
    """A parliament's vote or bill to buy, a supplier government's export permit (labelling guidelines,
    rule 5): approved."""
    assert _stages(text, "DEU", "CHL") == {"approved"}


# --- "a memorandum of intent for N X was signed": a signed MoU is talks, also in the passive ----------


@settings(max_examples=30, deadline=None)
@given(
    paper=st.sampled_from(
        ["A memorandum of intent", "A memorandum of understanding", "An MoU", "A letter of intent"]
    ),
    verb=st.sampled_from(["was signed", "had been signed", "was formally signed"]),
)
def test_a_memorandum_signed_in_the_passive_is_talks(paper: str, verb: str) -> None:
    """ "A memorandum of intent for N X from A was signed by B in 2018": the signed paper is an MoU
    (labelling guidelines, rule 5: negotiating), as the active 'signed an MoU' already was."""
    text = f"{paper} for 40 Leopard 2A8 tanks from Germany {verb} by Chile in March 2024."
    assert _stages(text, "DEU", "CHL") == {"negotiating"}


def test_a_contract_signed_after_a_memorandum_is_signed() -> None:
    """A contract named between the memorandum and the signing is what was signed."""
    text = "After a memorandum of intent in 2023, a contract for 40 Leopard 2A8 tanks from Germany was signed by Chile in 2024."
    assert "signed" in _stages(text, "DEU", "CHL")


# --- "A ordered 46 X in 2022. B delivered 20 X to A in 2024.": fewer than the order is under way -----


@settings(max_examples=30, deadline=None)
@given(
    later=st.sampled_from(
        [
            "Germany delivered 12 Leopard 2A8 tanks to Chile in 2025.",
            "Chile received 12 Leopard 2A8 tanks from Germany in 2025.",
            "Germany handed over 12 Leopard 2A8 tanks to Chile in March.",
        ]
    ),
)
def test_a_delivery_of_fewer_than_the_order_is_under_way(later: str) -> None:
    """A delivery of fewer items than the deal's stated order is part of it (delivering), not the whole
    deal delivered (labelling guidelines, rule 5)."""
    text = f"Chile ordered 40 Leopard 2A8 tanks from Germany in 2023. {later}"
    assert _stages(text, "DEU", "CHL") == {"signed", "delivering"}


def test_the_last_items_or_an_earlier_deal_stay_delivered() -> None:
    """ "delivered the last 12", or a delivery dated before the order (an earlier deal): delivered."""
    last = "Chile ordered 40 Leopard 2A8 tanks from Germany in 2023. Germany delivered the last 12 Leopard 2A8 tanks to Chile in 2025."
    earlier = "Chile ordered 40 Leopard 2A8 tanks from Germany in 2023. Germany delivered 12 Leopard 2A8 tanks to Chile in 2015."
    assert "delivered" in _stages(last, "DEU", "CHL")
    assert "delivered" in _stages(earlier, "DEU", "CHL")
