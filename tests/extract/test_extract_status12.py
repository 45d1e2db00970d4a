"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 12), in our own
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


# --- a framework agreement sets terms for contracts still to come: talks, not a contract ------------


@settings(max_examples=30, deadline=None)
@given(
    sentence=st.sampled_from(
        [
            "Spain signed a framework agreement with Germany's KNDS for up to {n} Leopard 2A8 tanks.",
            "Germany's KNDS said it had signed a framework agreement with Spain covering {n} Leopard 2A8 tanks.",
            "Spain has signed a new framework agreement with Germany for the supply of {n} Leopard 2A8 tanks.",
            "A framework agreement for {n} Leopard 2A8 tanks from Germany was signed by Spain in May.",
        ]
    ),
    n=st.sampled_from(["30", "44", "twelve"]),
)
def test_a_signed_framework_agreement_is_negotiating(sentence: str, n: str) -> None:
    """ "signed a framework agreement for N X": the terms of orders still to be placed (negotiating)."""
    assert _stages(sentence.format(n=n), "DEU", "ESP") == {"negotiating"}


def test_a_contract_under_a_framework_agreement_is_signed() -> None:
    """The contract signed under a framework agreement is a contract (signed)."""
    text = "Spain signed a contract with Germany for 30 Leopard 2A8 tanks under a framework agreement."
    assert _stages(text, "DEU", "ESP") == {"signed"}


# --- a delivery date missed: the deliveries are the subject of the delay, not under way -------------

_SIGNED = "Chile signed for 12 KF-21 jets from South Korea in 2021. "


@settings(max_examples=30, deadline=None)
@given(
    sentence=st.sampled_from(
        [
            "The first KF-21 jet was supposed to arrive in {y}; now the first deliveries have slipped again.",
            "The first KF-21 jets were supposed to be delivered in {y}.",
            "Chile had hoped to take delivery of the first KF-21 jets in {y}.",
            "The air force had expected to receive the first KF-21 jets in {y}.",
            "The remaining six KF-21 jets were originally due in {y}; officials now say they will be delivered "
            "by 2027.",
            "The first deliveries of the KF-21 jets have been delayed from {y} to 2027.",
        ]
    ),
    y=st.sampled_from(["2023", "2024"]),
)
def test_a_missed_delivery_date_is_delayed_not_delivering(sentence: str, y: str) -> None:
    """ "was supposed to arrive in 2023", "had hoped to take delivery in 2023", "the first deliveries
    slipped": a slipped schedule (delayed), no delivery under way."""
    got = _stages(_SIGNED + sentence.format(y=y), "KOR", "CHL")
    assert "delayed" in got
    assert not got & {"delivering", "delivered"}


def test_a_delivery_verb_beside_a_delay_stays_delivering() -> None:
    """A delivery a verb states is under way whatever the delay of the rest."""
    text = _SIGNED + "Chile received the first six KF-21 jets in 2024, but the rest have been delayed."
    assert "delivering" in _stages(text, "KOR", "CHL")


# --- a purchase still under way beside its clearance: the clearance is the stage stated -------------


@settings(max_examples=30, deadline=None)
@given(
    sentence=st.sampled_from(
        [
            "Chile is also buying 12 AH-64E helicopters from the United States, approved by Washington in {y}.",
            "Chile is awaiting 12 AH-64E helicopters from the United States, whose sale Washington approved in {y}.",
            "Chile is now acquiring 12 AH-64E helicopters from the United States, a sale the State Department "
            "cleared in {y}.",
        ]
    ),
    y=st.sampled_from(["2022", "2023"]),
)
def test_a_pending_purchase_beside_a_clearance_is_approved(sentence: str, y: str) -> None:
    """ "is buying X, approved in 2023", "awaiting X, whose sale W approved": no contract is stated."""
    assert _stages(sentence.format(y=y), "USA", "CHL") == {"approved"}


def test_a_contract_beside_a_clearance_keeps_both_stages() -> None:
    """A signing verb states the contract beside the clearance (rule 2: both stages)."""
    text = "Chile signed for 12 AH-64E helicopters from the United States, whose sale Washington approved in 2022."
    assert _stages(text, "USA", "CHL") == {"signed", "approved"}


# --- talks ended by a party are cancelled (rule 5: suspended talks are cancelled) -------------------


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(
        ["has ended talks", "ended negotiations", "broke off talks", "has broken off negotiations"]
    ),
    prep=st.sampled_from(["on the purchase of", "over"]),
)
def test_talks_ended_by_the_buyer_are_cancelled(verb: str, prep: str) -> None:
    """ "A has ended talks with B on the purchase of N X", "broke off negotiations": cancelled."""
    text = f"Chile {verb} with Germany {prep} 40 Leopard 2A8 tanks."
    assert _stages(text, "DEU", "CHL") == {"cancelled"}


# --- a hold told in the past perfect is over: no delay now -------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    sentence=st.sampled_from(
        [
            "Washington approved the sale of 40 F-16 Block 70 jets to Chile on Friday. A senator had held up "
            "the F-16 Block 70 sale for months before dropping his objection.",
            "Washington approved the sale of 40 F-16 Block 70 jets to Chile on Friday. The F-16 Block 70 package "
            "had been held up by demands for safeguards.",
            "Washington approved the sale of 40 F-16 Block 70 jets to Chile on Friday. The F-16 Block 70 sale had "
            "long been held back by Congress.",
        ]
    )
)
def test_a_hold_in_the_past_perfect_is_no_delay(sentence: str) -> None:
    """ "had held up the sale before dropping his objection", "the package had been held up": the hold
    is over, told before a later event (here the approval): no delayed stage."""
    assert _stages(sentence, "USA", "CHL") == {"approved"}


def test_a_slip_in_the_past_perfect_stands() -> None:
    """ "had pushed back the schedule": the slip is still the deal's state (delayed)."""
    text = (
        "Chile signed for 40 F-16 Block 70 jets from the United States in 2018. Production problems had "
        "pushed back the F-16 schedule by two years."
    )
    assert "delayed" in _stages(text, "USA", "CHL")


# --- "its first <kind>": the first of a kind the buyer ever had, not a first batch -------------------


@settings(max_examples=30, deadline=None)
@given(
    sentence=st.sampled_from(
        [
            "Ghana received its first {kind} from Turkey in 2023: a Bayraktar TB2.",
            "Ghana took delivery of Bayraktar TB2 drones from Turkey this year, its first {kind}, to watch its coast.",
        ]
    ),
    kind=st.sampled_from(["armed drone", "armed unmanned aircraft", "combat drone", "attack aircraft"]),
)
def test_the_first_of_a_kind_is_delivered(sentence: str, kind: str) -> None:
    """ "received its first armed drone", "its first combat aircraft": a first of its kind for the buyer
    (delivered), not the first batch of a deal (delivering)."""
    got = _stages(sentence.format(kind=kind), "TUR", "GHA")
    assert "delivered" in got
    assert "delivering" not in got


@settings(max_examples=20, deadline=None)
@given(
    first=st.sampled_from(
        [
            "its first two Bayraktar TB2 drones",
            "its first batch of Bayraktar TB2 drones",
            "the first Bayraktar TB2 drones",
        ]
    )
)
def test_a_first_batch_stays_delivering(first: str) -> None:
    """A counted, batched or designated first delivery is still a delivery under way."""
    assert "delivering" in _stages(f"Ghana received {first} from Turkey in 2023.", "TUR", "GHA")
