"""The lifecycle stage on wordings the rules were not written for (issue 13), in our own words.

Each test states a general pattern of real news (never text of ``../shared/eval`` or of the
newsset fixtures): a sentence stating two stages of one deal gives a claim per stage (labelling
guidelines, rule 2), and swapping a stage trigger for an equivalent from the vocabulary keeps the
claim's stage.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)


def _stages(text: str, supplier: str = "FRA", buyer: str = "PER") -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text`` (denials left out)."""
    return claim_facts.stages(text, PUB, supplier, buyer)


# --- a sentence stating two stages of one deal ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        # a contract, then its first deliveries
        (
            "Peru signed for 10 Rafale fighters from France in 2021, and the first jets were handed over in 2024.",
            {"signed", "delivering"},
        ),
        # an order, then a slipped schedule
        (
            "Peru ordered 10 Rafale fighters from France in 2019, but production has stalled since.",
            {"signed", "delayed"},
        ),
        # a contract, then its cancellation
        (
            "Peru signed a contract with France for 10 Rafale fighters in 2018 and cancelled it two years later.",
            {"signed", "cancelled"},
        ),
        # a purchase after the cabinet's approval
        (
            "Peru signed a contract for 10 Rafale fighters from France after its cabinet approved the purchase.",
            {"approved", "signed"},
        ),
        # a fleet received, then talks for more
        (
            "Peru, which received 10 Rafale fighters from France last year, is now in talks for six more.",
            {"delivered", "negotiating"},
        ),
        # a choice after a competition of offers
        (
            "Peru chose the Rafale from France after a contest in which France and Sweden made offers.",
            {"approved", "offered"},
        ),
        # an offer, then talks on it
        (
            "France offered Peru 10 Rafale fighters, and the two sides later held talks on the price.",
            {"offered", "negotiating"},
        ),
    ],
)
def test_a_sentence_stating_two_stages_gives_both(text: str, stages: set[str]) -> None:
    assert _stages(text) == stages


def test_one_stage_stays_one_claim() -> None:
    """A sentence with one stage gets no second claim (no stage is guessed from another)."""
    text = "France handed over 10 Rafale fighters to Peru in 2024."
    out = [c for c in claim_facts.claims(text, PUB) if c["buyer"]["iso3"] == "PER"]
    assert [c["status"] for c in out] == ["delivered"]


def test_a_fleet_in_hand_described_by_its_purchase_is_not_a_second_stage() -> None:
    """'flies N jets bought from X in <year>': the participle describes the fleet, no contract stage."""
    assert _stages("The Peruvian air force still flies 10 Rafale fighters bought from France in 2015.") <= {
        "delivered",
        "unknown",
    }


def test_a_future_schedule_beside_a_delay_is_no_second_stage() -> None:
    """'is set to deliver ... after delays': the schedule of the delayed deal, not a stage of its own."""
    assert _stages(
        "France is set to deliver the first of 10 Rafale fighters to Peru after a year of delays."
    ) == {"delayed"}


def test_the_losers_offer_is_not_the_chosen_deals_stage() -> None:
    """'chosen over the Y that Z had offered': the offer belongs to the rejected alternative."""
    text = "Peru selected the Rafale from France over the Gripen that Sweden had offered."
    assert "offered" not in _stages(text)


def test_a_denied_report_gives_no_second_stage() -> None:
    text = "Peru denied reports that it had signed for 10 Rafale fighters from France and received the first two."
    assert all(c["negated"] for c in claim_facts.claims(text, PUB) if c["buyer"]["iso3"] == "PER")


# --- swapping a stage trigger for an equivalent keeps the stage ------------------------------

#: (stage, sentence template with {v} for the trigger, equivalent triggers of the vocabulary)
_EQUIVALENTS: list[tuple[str, str, list[str]]] = [
    (
        "signed",
        "Peru {v} a contract with France for 10 Rafale fighters.",
        ["signed", "inked", "sealed", "closed", "finalised", "concluded", "clinched"],
    ),
    (
        "signed",
        "Peru {v} a deal with France for 10 Rafale fighters.",
        ["signs", "inks", "seals", "closes", "clinches", "finalises", "concludes", "strikes"],
    ),
    (
        "signed",
        "Peru {v} 10 Rafale fighters from France in 2024.",
        ["ordered", "bought", "purchased", "procured"],
    ),
    # a future delivery is the signed deal's schedule, not a delivery (labelling guidelines, rule 5)
    (
        "signed",
        "Deliveries of 10 Rafale fighters from France to Peru {v} in 2027.",
        ["will start", "will begin", "are expected to start", "are scheduled to begin", "are to begin"],
    ),
    (
        "approved",
        "Peru's cabinet {v} the purchase of 10 Rafale fighters from France.",
        ["approved", "cleared", "green-lit", "okayed", "authorised", "sanctioned"],
    ),
    (
        "approved",
        "Peru's cabinet {v} the purchase of 10 Rafale fighters from France.",
        ["approves", "clears", "green-lights", "okays", "authorises", "sanctions"],
    ),
    (
        "delivered",
        "France {v} 10 Rafale fighters to Peru in 2024.",
        ["delivered", "handed over", "shipped", "transferred", "supplied"],
    ),
    ("delivered", "Peru {v} 10 Rafale fighters from France in 2024.", ["received", "took delivery of"]),
    (
        "delivering",
        "France {v} 10 Rafale fighters to Peru.",
        ["is delivering", "delivers", "began delivering", "started delivering", "continues to deliver"],
    ),
    ("delivering", "Peru {v} 10 Rafale fighters from France.", ["takes delivery of", "is receiving"]),
    (
        "cancelled",
        "Peru {v} its order for 10 Rafale fighters from France.",
        ["cancelled", "scrapped", "shelved", "axed", "called off", "abandoned", "terminated"],
    ),
    (
        "cancelled",
        "Peru {v} its order for 10 Rafale fighters from France.",
        ["cancels", "scraps", "shelves", "axes", "calls off", "tears up"],
    ),
    (
        "cancelled",
        "Peru {v} with France over 10 Rafale fighters.",
        ["suspended talks", "froze talks", "paused the negotiations", "put the talks on hold"],
    ),
    ("cancelled", "Peru's talks with France over 10 Rafale fighters {v}.", ["remain frozen", "are on hold"]),
    (
        "delayed",
        "The delivery of 10 Rafale fighters from France to Peru has been {v}.",
        ["delayed", "postponed", "pushed back", "deferred", "held up"],
    ),
    ("delayed", "The delivery of 10 Rafale fighters from France to Peru has {v}.", ["slipped", "stalled"]),
    (
        "negotiating",
        "Peru is {v} with France over 10 Rafale fighters.",
        ["in talks", "negotiating", "holding talks", "in negotiations"],
    ),
]


@settings(max_examples=80, deadline=None)
@given(case=st.sampled_from(_EQUIVALENTS), data=st.data())
def test_swapping_a_stage_trigger_for_an_equivalent_keeps_the_stage(case, data) -> None:
    stage, template, verbs = case
    verb = data.draw(st.sampled_from(verbs), label="trigger")
    assert _stages(template.format(v=verb)) == {stage}, verb


# --- one stage read right ---------------------------------------------------------------------


def test_deliveries_still_to_come_are_not_under_way() -> None:
    """'the remaining N are to arrive by <year>': the deal's schedule (signed), not deliveries under way."""
    text = "France sold 10 Rafale fighters to Peru; the remaining jets are to arrive in batches through 2029."
    assert "delivering" not in _stages(text)


@pytest.mark.parametrize(
    "text",
    [
        "Peru replaces donated Mirage jets with French Rafale fighters.",
        "Peru has ordered 10 Rafale fighters from France to replace jets it donated to Ecuador.",
    ],
)
def test_a_transfer_in_the_object_of_a_replacement_is_not_the_deals_stage(text: str) -> None:
    """The donated fleet being replaced was delivered elsewhere; the new deal is not delivered."""
    assert not _stages(text) & {"delivered", "delivering"}


def test_an_ordered_batch_is_no_first_delivery() -> None:
    """'ordered a further batch of X': a batch bought, not a partial delivery of the fleet in hand."""
    text = (
        "Peru already operates the Rafale, bought from France in 2015, and ordered a further batch in 2023."
    )
    assert "delivering" not in _stages(text)


@pytest.mark.parametrize("verb", ["selected", "chose", "picked", "opted for", "settled on"])
def test_a_buyers_choice_is_approved(verb: str) -> None:
    """A buyer's choice of a system is its government's decision to buy (approved), not talks."""
    assert _stages(f"Peru {verb} the Rafale from France for its fighter programme.") == {"approved"}


def test_terms_settled_on_are_talks_not_a_choice() -> None:
    """'settled on $N as the price' agrees terms during talks; no system or supplier is chosen."""
    text = "France and Peru settled on $900 million as the price for 10 Rafale fighters."
    assert "approved" not in _stages(text)


def test_a_buyer_chosen_as_launch_customer_is_no_approval() -> None:
    text = "Peru was chosen as the launch customer and ordered 10 Rafale fighters from France."
    assert _stages(text) == {"signed"}


def test_a_paused_delivery_is_a_delay_not_a_cancellation() -> None:
    """Only suspended talks are cancelled (labelling guidelines); a delivery on hold is delayed."""
    assert _stages("France's delivery of 10 Rafale fighters to Peru is on hold.") == {"delayed"}


def test_a_buyers_own_proposal_is_no_offer() -> None:
    """'approved a proposal to acquire X': the ministry's own proposal, not a supplier's offer."""
    text = "Peru's cabinet approved a proposal to acquire 10 Rafale fighters from France."
    assert _stages(text) == {"approved"}


def test_a_bidder_named_winner_is_chosen_not_contracted() -> None:
    """'was named the winner of the tender for the acquisition of X': a choice; the purchase noun
    states no contract."""
    text = "France's Dassault was named the winner of the competition for Peru's acquisition of 10 Rafale fighters."
    assert _stages(text) == {"approved"}


def test_the_month_may_is_no_hedge() -> None:
    """'approved in May, signed in June': the month is not the modal 'may' (no possibility, no talks)."""
    text = "The contract for 10 Rafale fighters from France, approved by Peru's cabinet in May, was signed in June."
    out = [c for c in claim_facts.claims(text, PUB) if c["buyer"]["iso3"] == "PER"]
    assert {c["status"] for c in out} == {"approved", "signed"}
    assert all(c["modality"] is None for c in out)


def test_a_hedge_may_still_hedges() -> None:
    assert _stages("Peru may order 10 Rafale fighters from France.") == {"negotiating"}


@pytest.mark.parametrize(
    "pending",
    [
        "subject to parliamentary approval",
        "pending approval by parliament",
        "which still needs the cabinet's clearance",
    ],
)
def test_an_approval_still_to_come_is_no_stage(pending: str) -> None:
    """A contract awaiting approval is signed; the approval it waits for is not stated as given."""
    assert _stages(f"Peru signed a contract for 10 Rafale fighters from France, {pending}.") == {"signed"}


def test_an_expected_signing_after_an_approval_is_its_schedule() -> None:
    """'the contract is expected to be signed by <date>' after the approval: the approved deal's
    schedule, not talks (a future stage is no fact)."""
    text = (
        "Peru's cabinet approved the purchase of 10 Rafale fighters from France. "
        "The contract is expected to be signed by the end of the year."
    )
    assert _stages(text) == {"approved"}


def test_an_expected_signing_without_an_approval_is_talks() -> None:
    assert _stages("Peru is expected to sign a contract for 10 Rafale fighters from France.") == {
        "negotiating"
    }


# --- slipped schedules, equipment still on order, documents (second status round) ------------------


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        # a schedule later than planned, with no "delay" word
        (
            "Peru expects its first Rafale fighters from France in 2027, later than planned because of "
            "backlogs at the factory.",
            {"delayed"},
        ),
        # a date that was the original one, now moved
        (
            "Peru ordered 10 Rafale fighters from France in 2020; they were originally due in 2024, and the "
            "maker now says they will come in 2027.",
            {"signed", "delayed"},
        ),
        # a dispute that pushes the delivery date out
        (
            "Peru ordered Rafale fighters from France in 2019, and a quarrel over engines is pushing delivery "
            "to 2028 at the earliest.",
            {"signed", "delayed"},
        ),
        # some handed over, the rest still on order
        (
            "France has delivered four Rafale fighters to Peru so far, with eight more on order.",
            {"delivering", "signed"},
        ),
        (
            "Two Rafale fighters built by France were handed over to Peru last week, out of six on order.",
            {"delivered", "signed"},
        ),
        # a letter of request is signed during talks, not a contract
        (
            "Peru signed a letter of request in March for Rafale fighters from France.",
            {"negotiating"},
        ),
    ],
)
def test_slipped_schedules_and_equipment_on_order(text: str, stages: set[str]) -> None:
    assert _stages(text) == stages


def test_on_order_alone_opens_no_claim() -> None:
    """'N on order' is read only beside a delivery: alone it names no deal a claim could rest on."""
    assert _stages("Peru has 12 Rafale fighters on order, a local paper said of France.") == set()


def test_a_delivered_document_is_no_delivery() -> None:
    """'delivered the required certification to Congress' hands over a document, not the equipment:
    the possible sale it notifies is approved, nothing is delivered."""
    text = (
        "The US agency delivered the required certification notifying Congress of the possible sale of "
        "Rafale fighters to Peru today."
    )
    assert _stages(text, supplier="USA") == {"approved"}


def test_list_members_share_the_verb_before_the_list() -> None:
    """'has supplied A, B and C ..., and later agreed on D': the list members after the first have no
    verb of their own; they share the first member's (delivered), not the later clause's."""
    text = (
        "France has supplied Rafale fighters, Exocet missiles and Caesar guns to Peru, worth over $1 billion, "
        "and in May the two agreed on a further batch of Mica missiles."
    )
    out = {
        c["system"]["name"]: c["status"]
        for c in claim_facts.claims(text, PUB, asserted=True)
        if c["system"] and c["buyer"]["iso3"] == "PER"
    }
    assert out["Rafale"] == out["MM-40 Exocet"] == out["Caesar"] == "delivered"


def test_a_relative_clause_after_the_list_is_its_own_verb() -> None:
    """'ordered A and B, which were handed over in 2020': the relative clause right after the list
    speaks of the list, so the list member keeps that later stage (no clause break before it)."""
    text = "Peru ordered Rafale fighters and Caesar guns from France, which were handed over in 2020."
    stages = {
        c["status"]
        for c in claim_facts.claims(text, PUB, asserted=True)
        if c["system"] and c["system"]["name"] == "Caesar"
    }
    assert "delivered" in stages


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        # a choice, with the contract still to be signed: the choice's stage, no contract yet
        (
            "Peru chose the Rafale from France in May, with a first contract to be signed by December.",
            {"approved"},
        ),
        # agreed terms, the signing still to come: talks
        (
            "Peru and France agreed on the terms for 10 Rafale fighters, with the contract to be signed in December.",
            {"negotiating"},
        ),
    ],
)
def test_a_contract_still_to_be_signed_is_not_signed(text: str, stages: set[str]) -> None:
    assert _stages(text) == stages


def test_some_of_the_deal_received_is_delivering() -> None:
    """'signed for N X and has received three of them': a part of the deal just named has arrived,
    so deliveries are under way (delivering), not complete."""
    text = "Peru signed a deal for ten Rafale fighters from France in 2019 and has received three of them."
    assert _stages(text) == {"signed", "delivering"}


def test_a_frozen_delivery_is_delayed() -> None:
    """'froze the delivery of X' pauses a delivery (delayed); frozen talks stay cancelled."""
    assert _stages(
        "When France froze the delivery of Rafale fighters to Peru last year, Lima protested."
    ) == {"delayed"}


def test_a_delivery_under_an_approved_package_states_the_approval() -> None:
    """'is receiving the last of N X sold under a package approved in 2022': the deliveries and
    the approval of the same deal are two stages of it (labelling guidelines, rule 2)."""
    text = "Peru is receiving the last of 12 Rafale fighters sold by France under a package approved in 2021."
    assert {"delivering", "approved"} <= _stages(text)


def test_begun_receiving_is_delivering() -> None:
    """'has begun receiving the first of N X ordered from Y': deliveries under way, of a signed deal."""
    text = "The Peruvian army has begun receiving the first of 26 Rafale fighters ordered from France."
    assert _stages(text) == {"delivering", "signed"}


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        # the buyer has accepted some of the aircraft: deliveries under way
        (
            "Peru signed for 36 Rafale fighters from France in 2014, and its air force has so far accepted ten.",
            {"signed", "delivering"},
        ),
        # accepting an offer is no delivery
        ("Peru accepted the French offer of Rafale fighters.", {"offered"}),
    ],
)
def test_accepted_aircraft_are_delivered_an_accepted_offer_is_not(text: str, stages: set[str]) -> None:
    assert _stages(text) == stages


def test_an_approval_before_a_delivery_lends_it_no_stage() -> None:
    """'A clears a sale to C; B delivered X to D' glued into one sentence: the approval before the
    delivery may be another deal's, so the delivery claims no approved stage."""
    text = "Spain clears a drone sale to Chile France delivered the first Rafale fighters to Peru in May."
    assert "approved" not in _stages(text)
