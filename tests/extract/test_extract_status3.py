"""The lifecycle stage on news wordings found failing on fresh tuning text (issue 13), in our own words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the
newsset fixtures), read with the labelling guidelines (rule 5): an order is signed, a supplier
government's export licence is approved, a call to cancel is no cancellation, a contract that
"has to be concluded" is not signed yet, and taking the last of a fleet is a completed delivery.
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


# --- a dated order beside a delivery is the deal's signed stage --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Peru's ten Rafale fighters, a 2019 order from France, had all been delivered by 2023.",
        "Peru received ten Rafale fighters from France in 2023 under a 2019 order.",
        "The Peruvian air force took delivery of ten Rafale jets from France last year, under its 2020 order.",
    ],
)
def test_a_dated_order_beside_a_delivery_is_also_the_signed_stage(text: str) -> None:
    stages = _stages(text)
    assert "signed" in stages
    assert stages & {"delivered", "delivering"}


# --- a supplier government's export licence is its approval ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Peru bought ten Rafale fighters from France in 2021, and French officials later confirmed that an "
        "export licence had been granted.",
        "Peru ordered ten Rafale fighters from France last year after Paris issued an export license for the jets.",
    ],
)
def test_an_export_licence_granted_is_the_approved_stage(text: str) -> None:
    # the purchase beside it is signed, or unknown when only an old year dates a bare "bought"
    # (test_extract_status5: a narrated purchase without its stage)
    stages = _stages(text)
    assert "approved" in stages
    assert stages - {"approved"} in ({"signed"}, {"unknown"})


# --- a call for a cancellation is no cancellation ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Peru signed for ten Rafale fighters from France in 2021; opposition parties have renewed calls to cancel it.",
        "Peru signed for ten Rafale fighters from France in 2021, and critics urged the government to scrap the deal.",
        "Peru's government said that cancelling its contract for ten Rafale fighters from France was not an option.",
    ],
)
def test_a_call_to_cancel_or_a_refusal_to_cancel_is_no_cancellation(text: str) -> None:
    assert "cancelled" not in _stages(text)


# --- a noun is not the present-tense verb of a lede -------------------------------------------


def test_the_noun_transfers_is_no_ongoing_delivery() -> None:
    text = (
        "France supplied ten Rafale fighters to Peru, and officials said the transfers took place "
        "before the border war began."
    )
    assert _stages(text) == {"delivered"}


# --- a negation of another verb does not deny the transfer ------------------------------------


def test_a_negated_reporting_verb_does_not_deny_the_transfer_it_mentions() -> None:
    text = "The totals do not include the jets donated to Peru by France."
    assert _stages(text) == {"delivered"}


# --- a contract that still has to be concluded is not signed ----------------------------------


@pytest.mark.parametrize("verb", ["concluded", "finalised", "signed", "inked"])
def test_a_contract_that_has_to_be_concluded_is_not_signed(verb: str) -> None:
    text = f"France cleared the sale of ten Rafale fighters to Peru; the contract still has to be {verb}."
    assert "signed" not in _stages(text)


# --- taking the last of a fleet is a completed delivery ---------------------------------------


def test_taking_the_last_of_a_fleet_is_delivered() -> None:
    text = (
        "Peru took the last of ten Rafale fighters from France in 2023, four years after the 2019 contract."
    )
    assert _stages(text) == {"delivered", "signed"}


# --- a system that "offered the best" capability made no offer ---------------------------------


def test_a_system_offering_the_best_capability_is_no_offer() -> None:
    text = "Peru's minister said the Rafale from France offered the best capability of the jets it had flown."
    assert "offered" not in _stages(text)


# --- the n-th of m items handed over is a delivery under way ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "France has shipped the second of three Gowind corvettes to Peru.",
        "Peru received the fourth of six Rafale fighters from France in March.",
    ],
)
def test_the_nth_of_m_items_delivered_is_delivering(text: str) -> None:
    assert "delivering" in _stages(text)
    assert "delivered" not in _stages(text)


def test_the_last_of_m_items_delivered_is_delivered() -> None:
    assert "delivered" in _stages("Peru received the last of six Rafale fighters from France in March.")


# --- a dated sale or deal beside a delivery is the signed stage ---------------------------------


def test_a_dated_sale_beside_a_delivery_is_also_the_signed_stage() -> None:
    text = "Peru has received its first Rafale fighters, bought under a 2021 government-to-government sale with France."
    assert {"delivering", "signed"} <= _stages(text)


# --- a government announcing it will buy has decided (approved), not opened talks ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Peru's government announced in March that it would buy ten Rafale fighters from France.",
        "Lima confirmed it will buy a further ten Rafale fighters from France.",
    ],
)
def test_an_announced_purchase_is_the_buyers_decision(text: str) -> None:
    assert _stages(text) == {"approved"}


# --- the last system of a sentence takes its own clause's verb, not an earlier clause's ---------


def test_the_last_system_takes_the_verb_after_it_in_its_own_clause() -> None:
    text = (
        "In May Peru signed for ten Rafale fighters from France, a deal the EU had to approve, and France "
        "has since given Peru a Gowind corvette, handed over at Callao in June."
    )
    gowind = {
        c["status"]
        for c in claim_facts.claims(text, PUB, asserted=True)
        if c["system"] and c["system"]["name"].lower().startswith("gowind")
    }
    assert "delivered" in gowind  # (before the rule: only the earlier clause's "approved")


# --- swapping a wording for an equivalent keeps the stage --------------------------------------

#: (stages, template with {v}, equivalent wordings): the wordings the rules above read alike
_EQUIVALENTS: list[tuple[set[str], str, list[str]]] = [
    (
        {"signed", "approved"},
        "Peru ordered ten Rafale fighters from France in 2022 after Paris {v}.",
        [
            "granted an export licence",
            "issued an export license for the jets",
            "confirmed an export licence had been granted",
            "said the export licences were issued",
        ],
    ),
    (
        {"signed"},
        "Peru signed for ten Rafale fighters from France in 2021, but critics {v} the deal.",
        ["urged the government to cancel", "renewed calls to scrap", "demanded that ministers call off"],
    ),
    (
        {"approved"},
        "Peru's government {v} ten Rafale fighters from France.",
        [
            "announced that it would buy",
            "announced in March that it will acquire",
            "confirmed it would purchase",
            "confirmed that it will order",
        ],
    ),
]


@settings(max_examples=60, deadline=None)
@given(case=st.sampled_from(_EQUIVALENTS), data=st.data())
def test_swapping_a_wording_for_an_equivalent_keeps_the_stage(case, data) -> None:
    stages, template, wordings = case
    wording = data.draw(st.sampled_from(wordings), label="wording")
    assert _stages(template.format(v=wording)) == stages, wording


# --- a deal running months or years late is delayed -------------------------------------------


@pytest.mark.parametrize("late", ["more than three years late", "well over a year behind"])
def test_a_deal_running_years_late_is_delayed(late: str) -> None:
    text = f"Peru's first Rafale fighter, ordered from France in 2019, is now running {late}."
    assert "delayed" in _stages(text)


# --- the first aircraft of an order landing at the buyer's base is a delivery under way ----------


@pytest.mark.parametrize("verb", ["landed at", "touched down at", "arrived at"])
def test_the_first_jets_landing_at_the_buyers_base_are_a_delivery(verb: str) -> None:
    text = f"The first two of Peru's Rafale fighters {verb} Talara air base in May, four years after Peru ordered them from France."
    assert "delivering" in _stages(text)


def test_jets_landing_for_an_exercise_are_no_delivery() -> None:
    text = "French Rafale fighters landed at Talara air base in Peru for a joint exercise."
    assert not _stages(text) & {"delivered", "delivering"}


# --- a list member shares its list's verb, not a later time clause's ----------------------------


def test_a_list_member_shares_the_lists_verb_before_a_later_time_clause() -> None:
    text = (
        "Peru took the last of ten Rafale fighters and six Gowind corvettes from France in 2018, five years "
        "after it signed a package for both types."
    )
    gowind = {
        c["status"]
        for c in claim_facts.claims(text, PUB, asserted=True)
        if c["system"] and c["system"]["name"].lower().startswith("gowind")
    }
    assert "delivered" in gowind


# --- a maker entering a tender with its system made an offer --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dassault entered the Rafale in Peru's fighter tender, France's defence ministry said.",
        "Peru's fighter tender, which France's Dassault had entered with the Rafale, went to another bidder.",
    ],
)
def test_entering_a_tender_with_a_system_is_an_offer(text: str) -> None:
    assert _stages(text) == {"offered"}
