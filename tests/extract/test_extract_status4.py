"""The lifecycle stage on news wordings found failing on the tuning halves (issue 13), in our own words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the
newsset fixtures), read with the labelling guidelines (rule 5): equipment in service is delivered.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)


def _stages(text: str, supplier: str = "DEU", buyer: str = "PER") -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text`` (denials left out)."""
    return claim_facts.stages(text, PUB, supplier, buyer)


# --- a fleet the buyer operates now is in service (delivered), whenever it was bought -----------


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian army currently operates Leopard 1 tanks bought second-hand from Germany in 2011.",
        "Peru's navy is currently operating two Type 209 submarines purchased from Germany in 1983.",
    ],
)
def test_a_fleet_currently_operated_is_delivered_not_a_signed_purchase(text: str) -> None:
    assert _stages(text) == {"delivered"}


#: in-service wordings read alike: the adverb of the present fleet does not change the stage
_IN_SERVICE_WORDINGS = ["currently operates", "still operates", "already operates"]


@settings(max_examples=20, deadline=None)
@given(wording=st.sampled_from(_IN_SERVICE_WORDINGS))
def test_swapping_an_in_service_adverb_keeps_the_delivered_stage(wording: str) -> None:
    text = f"The Peruvian army {wording} Leopard 1 tanks bought from Germany in 2011."
    assert _stages(text) == {"delivered"}, wording


def _fra(text: str) -> set[str]:
    return _stages(text, supplier="FRA")


# --- two variants of one catalogue record, written apart, take a stage each ----------------------------


def _by_system(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in claim_facts.claims(text, PUB, asserted=True):
        if c["system"] and c["buyer"]["iso3"] == "PER":
            out.setdefault(c["system"]["name"], set()).add(c["status"])
    return out


@pytest.mark.parametrize(
    ("text", "later"),
    [
        (
            "The Peruvian army received 36 CAESAR guns from France in 2022, and it has since ordered a dozen "
            "CAESAR Mk II systems.",
            "signed",
        ),
        (
            "France delivered 36 CAESAR guns to Peru in 2022; Peru is now in talks with France over 12 CAESAR "
            "Mk II systems.",
            "negotiating",
        ),
        (
            # a purchase noun before the variant awaits its predicate, after the variant
            "France delivered 36 CAESAR guns to Peru in 2022, and a follow-on contract for 12 CAESAR Mk II "
            "systems is under negotiation.",
            "negotiating",
        ),
    ],
)
def test_a_variant_named_after_its_base_model_takes_its_own_clauses_stage(text: str, later: str) -> None:
    stages = _by_system(text)
    assert stages["CAESAR Mk II"] == {later}
    assert "delivered" in stages["CAESAR 155mm"]


# --- a counted share of an order delivered is a delivery under way -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Peru has taken delivery of 12 of the 24 CAESAR howitzers it ordered from France.",
        "France has delivered eight out of the 24 CAESAR howitzers to Peru.",
        "Peru has received two of its three CAESAR batteries from France.",
    ],
)
def test_a_counted_share_of_an_order_delivered_is_delivering(text: str) -> None:
    stages = _fra(text)
    assert "delivering" in stages and "delivered" not in stages


def test_all_of_an_order_delivered_stays_delivered() -> None:
    assert "delivered" in _fra("France has delivered all 24 CAESAR howitzers to Peru.")


# --- talks that broke down, however far the verb stands from "talks", are cancelled -------------------

_BREAKDOWNS = ["broke down", "collapsed", "fell through", "fell apart", "have broken down"]


@settings(max_examples=20, deadline=None)
@given(verb=st.sampled_from(_BREAKDOWNS))
def test_talks_breaking_down_after_a_long_subject_are_cancelled(verb: str) -> None:
    text = f"Talks between Peru and France on 24 CAESAR howitzers {verb} in March."
    assert _fra(text) == {"cancelled"}, verb


def test_figures_broken_down_by_year_are_no_cancellation() -> None:
    text = "France delivered 24 CAESAR howitzers to Peru in 2023, according to figures broken down by year."
    assert "cancelled" not in _fra(text)


# --- a delivery the buyer expects is a signed deal's schedule, not a delivery --------------------------

_FUTURE_RECEIPTS = [
    "will receive",
    "is to receive",
    "expects to receive",
    "is expected to take delivery of",
    "is due to get",
]


@settings(max_examples=20, deadline=None)
@given(verb=st.sampled_from(_FUTURE_RECEIPTS))
def test_swapping_a_future_receipt_wording_keeps_the_signed_stage(verb: str) -> None:
    assert _fra(f"Peru {verb} 24 CAESAR howitzers from France next year.") == {"signed"}, verb


# --- suspended or frozen talks are cancelled (labelling guidelines), whatever the verb's form ---------

_SUSPENSIONS = [
    "has frozen talks",
    "froze talks",
    "has suspended talks",
    "put the talks on hold",
    "paused negotiations",
    "has frozen negotiations",
]


@settings(max_examples=20, deadline=None)
@given(verb=st.sampled_from(_SUSPENSIONS))
def test_swapping_a_suspension_of_talks_keeps_the_cancelled_stage(verb: str) -> None:
    assert _fra(f"Peru {verb} with France on the purchase of 24 CAESAR howitzers.") == {"cancelled"}, verb


# --- an approval still to come is a purchase in the works, not an approval -----------------------------

_PENDING = ["is seeking", "still needs", "is awaiting", "requires"]


@settings(max_examples=20, deadline=None)
@given(verb=st.sampled_from(_PENDING))
def test_a_pending_approval_to_buy_is_talks(verb: str) -> None:
    text = f"Peru's government {verb} congressional approval to buy 24 CAESAR howitzers from France."
    assert _fra(text) == {"negotiating"}, verb


def test_a_contract_signed_subject_to_approval_stays_signed() -> None:
    text = "Peru signed a contract with France for 24 CAESAR howitzers, subject to parliamentary approval."
    assert _fra(text) == {"signed"}


# --- a completed delivery keeps its stage whichever equivalent verb tells it ---------------------------

_RECEIPTS = ["took delivery of", "received", "inducted", "has taken delivery of", "accepted delivery of"]


@settings(max_examples=20, deadline=None)
@given(verb=st.sampled_from(_RECEIPTS), first=st.booleans())
def test_swapping_a_receipt_verb_keeps_the_delivery_stage(verb: str, first: bool) -> None:
    """All of an order received is delivered; its first units are a delivery under way."""
    items = "the first four of 24" if first else "all 24"
    text = f"The Peruvian army {verb} {items} CAESAR howitzers from France in 2023."
    assert _fra(text) == ({"delivering"} if first else {"delivered"}), (verb, first)


def test_a_block_named_after_the_designation_keeps_its_own_stage() -> None:
    """'FA-50 Block 20' (the block read after the designation) and the older 'FA-50' fleet are two systems
    of one catalogue record: the block's deal is the contract, the fleet flown since 2018 is not its stage."""
    text = (
        "Peru's first FA-50 Block 20 fighter is due in 2026 under a contract signed in 2023, adding to the "
        "12 FA-50 jets the air force has flown since 2018."
    )
    assert _stages(text, supplier="KOR") == {"signed"}
