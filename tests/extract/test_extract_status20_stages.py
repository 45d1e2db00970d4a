"""The lifecycle stage on wordings of fresh news (issue 13, status round 20), in our own words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the newsset
fixtures), read with the labelling guidelines (rule 5).
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


# --- ", signing a contract for X": a participle clause of a past purchase -------------------------------


@settings(max_examples=30, deadline=None)
@given(
    lead=st.sampled_from(
        [
            "Chile moved next in March",
            "Chile expanded its armoured corps last year",
            "Chile joined the programme last year",
        ]
    ),
    verb=st.sampled_from(
        [
            "signing a contract for",
            "signing a 400 million euro deal for",
            "signing two contracts covering",
            "signing an agreement worth $1 billion for",
            "ordering",
            "ordering 44",
            "ordering a first batch of",
            "awarding a contract worth $300 million for",
            "placing an order for",
        ]
    ),
    item=st.sampled_from(["Leopard 2A8 tanks", "IRIS-T SLM air defence systems", "Boxer armoured vehicles"]),
)
def test_a_participle_clause_of_a_purchase_is_signed(lead: str, verb: str, item: str) -> None:
    """ "A did something, signing a contract for X" / ", ordering N X": the participle clause tells a
    contract the subject concluded (labelling rule 5: signed), not a purchase without its stage."""
    got = _stages(f"{lead}, {verb} {item} from Germany.", "DEU", "CHL")
    assert "signed" in got


@settings(max_examples=10, deadline=None)
@given(
    tail=st.sampled_from(
        [
            "ordering the army to prepare for the arrival of Leopard 2A8 tanks from Germany.",
            "ordering officials to study Leopard 2A8 tanks from Germany.",
        ]
    )
)
def test_an_ordering_of_a_command_is_no_purchase(tail: str) -> None:
    """ "..., ordering the army to ...": a command, not an order placed; no signed stage."""
    got = _stages(f"The Chilean president issued a decree on Monday, {tail}", "DEU", "CHL")
    assert "signed" not in got


# --- "signed for A, B and C, as Athens seeks ...": a later clause of its own subject -----------------


@settings(max_examples=20, deadline=None)
@given(
    verb=st.sampled_from(["signed contracts for", "ordered", "signing contracts for"]),
    tail=st.sampled_from(
        [
            "as Athens seeks to cut its dependence on Russia",
            "as Athens tries to end its reliance on Russia",
            "as it seeks to reduce its dependence on Russia",
        ]
    ),
)
def test_an_as_clause_after_a_list_is_not_its_stage(verb: str, tail: str) -> None:
    """ "A signed for X, Y and Z since 2022, as A seeks to cut its dependence on B": the "as" clause has
    its own subject and verb; its relation words are no stage of the list, each member keeps the list's
    verb."""
    text = (
        f"Greece has become a large customer of French industry, {verb} Rafale fighters, Exocet missiles "
        f"and Caesar howitzers from France since 2021, {tail}."
    )
    if not verb.startswith("signing"):
        text = text.replace(", " + verb, " and " + verb, 1)
    got = {c[2]: c[3] for c in claim_facts.asserted(text, PUB) if c[0] == "FRA" and c[1] == "GRC"}
    assert len(got) == 3
    assert set(got.values()) == {"signed"}


# --- "the United States will provide N X to B": a state's announced transfer is approved --------------


@settings(max_examples=30, deadline=None)
@given(
    speaker=st.sampled_from(
        ["The president announced that", "A government spokesman said", "Officials confirmed"]
    ),
    seller=st.sampled_from([("Spain", "ESP"), ("the United States", "USA"), ("Norway", "NOR")]),
    verb=st.sampled_from(["will provide", "will sell", "would supply", "is to transfer"]),
    item=st.sampled_from(["six NASAMS launchers", "12 F-16 fighters", "40 M113 armoured personnel carriers"]),
)
def test_a_state_announcing_a_transfer_is_approved(
    speaker: str, seller: tuple[str, str], verb: str, item: str
) -> None:
    """ "A will provide N X to B", said of a state with no contract or deal named, is the supplier
    government's decision (labelling rule 5: approved), not a signed deal's schedule."""
    name, iso3 = seller
    got = _stages(f"{speaker} {name} {verb} {item} to Peru.", iso3, "PER")
    assert got == {"approved"}


@settings(max_examples=20, deadline=None)
@given(
    sentence=st.sampled_from(
        [
            "Kongsberg will supply six NASAMS launchers to Peru under a contract signed in May.",
            "Norway will supply six NASAMS launchers to Peru under a deal worth $300 million.",
            "Kongsberg will supply six NASAMS launchers to Peru.",
        ]
    )
)
def test_a_company_or_a_contract_keeps_the_signed_schedule(sentence: str) -> None:
    """A company's "will supply", or a sale whose contract the sentence names, is the schedule of a
    signed deal: no approval."""
    got = _stages(sentence, "NOR", "PER")
    assert "approved" not in got
    assert "signed" in got


# --- "a cancellation is not being considered": no cancellation, and nothing weighed --------------------


@settings(max_examples=30, deadline=None)
@given(
    refusal=st.sampled_from(
        [
            "A cancellation of the contract is not being considered, the ministry said.",
            "Cancelling the order was not considered, officials said.",
            "Scrapping the purchase is not under consideration, the minister told parliament.",
            "Terminating the deal is not being contemplated, according to the ministry.",
        ]
    ),
    order=st.sampled_from(
        [
            "Peru ordered eight Hermes 900 drones from Israel in 2019.",
            "Peru signed a contract for eight Hermes 900 drones from Israel in 2019.",
        ]
    ),
)
def test_a_refused_cancellation_is_no_stage(refusal: str, order: str) -> None:
    """ "A cancellation is not being considered" refuses the cancellation; its negated "considered" states
    no talks either: the deal keeps its signed stage alone."""
    assert _stages(f"{order} {refusal}", "ISR", "PER") == {"signed"}


# --- an approved deal's delivery schedule: the deal stays approved --------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    approval=st.sampled_from(
        [
            "The State Department approved the sale of 12 F-16 jets to Peru.",
            "Washington cleared a possible sale of 12 F-16 jets to Peru on Monday.",
        ]
    ),
    schedule=st.sampled_from(
        [
            "The first jets will be delivered in 2028.",
            "Deliveries are expected to start in 2028.",
            "The jets are due to arrive from 2028.",
        ]
    ),
)
def test_a_schedule_after_an_approval_states_no_contract(approval: str, schedule: str) -> None:
    """After an approval, a delivery schedule ("deliveries are expected to start in 2028") tells when the
    items may come; it states no contract (labelling rule 5: future deliveries are not deliveries), so the
    deal stays approved."""
    assert _stages(f"{approval} {schedule}", "USA", "PER") == {"approved"}


# --- "chosen after trials in which it was pitted against the X": X lost, an offer ------------------------


@settings(max_examples=30, deadline=None)
@given(
    choice=st.sampled_from(
        [
            "The Gripen E was selected by Peru after flight trials in 2023, in which it was pitted against",
            "Peru picked the Gripen E in 2023 after a contest in which it competed against",
            "Peru chose the Gripen E last year after an evaluation in which the Swedish jet was competing against",
        ]
    ),
    rival=st.sampled_from(["the American F-16 Block 70", "the American F/A-18 Super Hornet"]),
)
def test_the_rival_a_choice_was_pitted_against_was_offered(choice: str, rival: str) -> None:
    """The system a chosen one was pitted (competed) against lost the competition: it was offered to the
    chooser (labelling rule 5: a rejected offer is offered), never chosen nor approved."""
    assert _stages(f"{choice} {rival}.", "USA", "PER") == {"offered"}


# --- "now operates X donated by A, and Y": the reduced relative after a system is its own stage ----------


@settings(max_examples=30, deadline=None)
@given(
    fleet=st.sampled_from(["now also operates", "currently flies", "has added"]),
    participle=st.sampled_from(["donated by", "supplied by", "transferred by"]),
    other=st.sampled_from(["Mi-17 helicopters", "M113 armoured personnel carriers"]),
)
def test_a_reduced_relative_after_a_listed_system_is_its_stage(
    fleet: str, participle: str, other: str
) -> None:
    """ "The army flew only A before the war and now operates X donated by B, and Y sent by C": the
    participle right after X (a reduced relative: "X, which were donated by B") tells X's own stage, not
    the fleet verb before it (delivered: in hand, given by B)."""
    text = (
        f"Moldova's army, which used only old T-55 tanks before the war, {fleet} Leopard 1 tanks {participle} "
        f"Belgium, and {other} sent by Romania this year."
    )
    assert "delivered" in _stages(text, "BEL", "MDA")


# --- "signed for four jets, the first batch of a planned fleet of 12": a purchase in steps ---------------


@settings(max_examples=30, deadline=None)
@given(
    batch=st.sampled_from(
        [
            "the first batch of a planned fleet of 20",
            "the first tranche of an eventual fleet of 20",
            "an initial batch of a projected fleet of 18",
        ]
    ),
    count=st.sampled_from(["six", "eight", "two"]),
)
def test_the_first_batch_of_a_planned_fleet_is_no_delivery(batch: str, count: str) -> None:
    """A contract for "six jets, the first batch of a planned fleet of 20" buys in steps: the batch is the
    contract's, no delivery under way."""
    text = (
        f"Thailand has signed a contract with South Korea's KAI for {count} T-50TH trainers, the Royal Thai "
        f"Air Force said on Friday, {batch}."
    )
    assert _stages(text, "KOR", "THA") == {"signed"}


def test_a_first_batch_received_is_still_a_delivery() -> None:
    """Received, the same batch is a delivery under way."""
    got = _stages(
        "Peru received the first batch of a planned fleet of 24 Gripen E jets from Sweden.", "SWE", "PER"
    )
    assert got == {"delivering"}


# --- "the government considered the price too high": a judgement of the cost, no talks ------------------


@settings(max_examples=20, deadline=None)
@given(
    judgement=st.sampled_from(
        [
            "but the government considered the price too high",
            "but the ministry considered the cost out of reach",
            "though officials considered its price excessive",
        ]
    )
)
def test_considering_a_price_states_no_talks(judgement: str) -> None:
    """A buyer that "considered the price too high" judged an offer; it opened no talks (labelling rule 5:
    the offer stays offered, nothing negotiating)."""
    text = f"Brazil's Embraer had offered Peru its C-390 transport several times, {judgement}."
    assert _stages(text, "BRA", "PER") == {"offered"}


# --- "the second of the two X landed at the base": the last item of the deal arrived ---------------------


@settings(max_examples=30, deadline=None)
@given(
    ordinal=st.sampled_from(["second of the two", "second of its two"]),
    verb=st.sampled_from(["landed on Friday at", "touched down in"]),
)
def test_the_last_of_a_counted_series_landing_is_a_delivery(ordinal: str, verb: str) -> None:
    """A landing is a delivery only as one of a series (else a visit); "the second of the two X landed"
    names the series' last item: delivered."""
    text = f"The {ordinal} Embraer C-390 transports that Peru bought from Brazil {verb} Lima after a ferry flight."
    assert "delivered" in _stages(text, "BRA", "PER")
