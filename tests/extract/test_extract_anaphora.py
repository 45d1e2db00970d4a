"""A later stage told in a sentence naming neither the system nor the parties (kg/extract/anaphora.py).

Own-words texts of the general pattern: a deal sentence, then a sentence whose subject is only an
anaphor of it ("all N", "the first two", "the boat", "deliveries", "the programme").  Each guard has
an adversarial case: another category, a count that does not fit, another party's fleet, history,
a heading or list item between, a deal too far back, a denial or a hedge.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.extract.anaphora import ANAPHOR_CUE
from kg.extract.model import Claim

JETS = "Ecuador signed a contract with France in 2019 for 14 Rafale fighter jets. "
BOATS = "Chile ordered two Scorpene submarines from France in 2018. "


def _anaphoric(text: str) -> list[Claim]:
    return [c for c in extract_text(text) if ANAPHOR_CUE in c.cues]


def _stated(text: str) -> Claim:
    return next(c for c in extract_text(text) if ANAPHOR_CUE not in c.cues)


def _one(text: str) -> Claim:
    found = _anaphoric(text)
    assert len(found) == 1, [(c.status, c.evidence.text) for c in found]
    return found[0]


def test_a_counted_subject_gives_the_deals_later_stage() -> None:
    claim = _one(JETS + "All 14 had been delivered by the end of 2022.")
    assert (claim.supplier.iso3, claim.buyer.iso3, claim.system.name) == ("FRA", "ECU", "Rafale")
    assert claim.status == "delivered"
    assert {"supplier", "buyer", "system"} <= set(claim.inherited)
    assert claim.confidence < _stated(JETS).confidence


def test_the_first_few_are_a_delivery_under_way() -> None:
    assert _one(JETS + "The first two arrived in May 2021.").status == "delivering"
    assert _one(JETS + "The first of them was handed over in 2021.").status == "delivering"


def test_bare_deliveries_and_a_programme_refer_to_the_deal() -> None:
    assert _one(JETS + "Deliveries began in 2021.").status == "delivering"
    assert _one(JETS + "The programme was later shelved.").status == "cancelled"


def test_a_category_noun_of_the_deals_item_refers_to_it() -> None:
    claim = _one(BOATS + "The first boat is running two years late.")
    assert (claim.buyer.iso3, claim.system.name, claim.status) == ("CHL", "Scorpene", "delayed")


def test_a_follow_on_batch_and_all_of_both_orders() -> None:
    text = JETS + "Six more jets were ordered in 2021. All 20 were handed over by 2024."
    found = _anaphoric(text)
    assert [(c.system.name, c.status) for c in found] == [("Rafale", "signed"), ("Rafale", "delivered")]
    assert found[0].batch == "additional"


ANAPHORS = ["All 14", "The first two", "The first three", "The first of them", "The last two"]
STAGES = [
    ("were handed over in 2022.", {"delivered", "delivering"}),
    ("were delivered in 2022.", {"delivered", "delivering"}),
    ("arrived in 2022.", {"delivered", "delivering"}),
]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(ANAPHORS), st.sampled_from(STAGES))
def test_swapping_the_anaphor_and_the_stage_wording_keeps_the_claim(anaphor: str, stage) -> None:
    wording, statuses = stage
    if anaphor == "The first of them":
        wording = wording.replace("were", "was")
    claim = _one(JETS + f"{anaphor} {wording}")
    assert claim.system.name == "Rafale" and claim.status in statuses


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["The programme", "The package", "The project"]), st.sampled_from(["scrapped", "shelved"])
)
def test_swapping_the_deal_noun_and_the_cancel_verb_keeps_the_claim(noun: str, verb: str) -> None:
    assert _one(JETS + f"{noun} was later {verb}.").status == "cancelled"


# -- guards ---------------------------------------------------------------------------------------


def test_another_category_never_attaches() -> None:
    assert _anaphoric(JETS + "The frigate was handed over in 2022.") == []
    assert _anaphoric(JETS + "Deliveries began in 2022, along with 40 tanks.") == []
    assert _anaphoric(JETS + "The programme also covers 40 tanks and was signed in 2022.") == []


def test_another_kind_of_the_same_category_never_attaches() -> None:
    # a corvette is a ship, but the deal's sentence says submarines
    assert _anaphoric(BOATS + "The corvettes were handed over in 2021.") == []
    assert _anaphoric(BOATS + "The corvette was handed over in 2021.") == []


def test_a_count_needs_a_counted_item_that_fits() -> None:
    uncounted = "France will sell Rafale fighter jets to Ecuador, officials said in 2019. "
    assert _anaphoric(uncounted + "The first two arrived in 2021.") == []
    assert _anaphoric(JETS + "All 30 were delivered in 2022.") == []
    assert _anaphoric(JETS + "The first 40 arrived in 2021.") == []
    # a singular noun for a deal of two items: which one is not said
    assert _anaphoric(BOATS + "The boat is running two years late.") == []


def test_another_partys_fleet_is_not_the_deal() -> None:
    assert _anaphoric(BOATS + "The first two of its own boats arrived in 2016.") == []
    assert _anaphoric(JETS + "All 14 of the jets already in service were delivered in 2010.") == []
    assert _anaphoric(JETS + "All 14 of its own were delivered in 2022.") == []


def test_history_is_not_a_stage_of_the_deal() -> None:
    assert _anaphoric(JETS + "The first two had been ordered in 2005.") == []
    assert _anaphoric(JETS + "All 14 had been bought in 2010.") == []


def test_no_reference_across_a_heading_or_a_list_item() -> None:
    assert _anaphoric(JETS + "\n\nDeliveries\n\nThe first two arrived in 2021.") == []
    assert _anaphoric(JETS + "\n- The first two arrived in 2021.") == []


def test_only_the_nearest_deal_in_reach() -> None:
    far = JETS + "\n\nThe weather was cold. Officials met in the capital.\n\nThe first two arrived in 2021."
    assert _anaphoric(far) == []
    near = JETS + "\n\nThe first two arrived in 2021."
    assert len(_anaphoric(near)) == 1


def test_a_denial_or_a_hedge_stays_one() -> None:
    denied = _anaphoric(JETS + "The programme has not been cancelled.")
    assert all(c.negated or c.status != "cancelled" for c in denied)
    hedged = _anaphoric(JETS + "The programme could be cancelled.")
    assert hedged and all(c.modality is not None for c in hedged)
    assert all(c.modality is not None for c in _anaphoric(JETS + "Deliveries are due to begin in 2023."))


def test_the_month_may_is_no_hedge() -> None:
    claim = _one(JETS + "All 14 had been delivered by May 2023.")
    assert claim.status == "delivered" and claim.modality is None


def test_a_number_word_is_a_whole_word_and_both_means_two() -> None:
    assert _anaphoric(JETS + "The first ten arrived in 2021.")[0].status == "delivering"
    assert _anaphoric(JETS + "The first time was cancelled in 2021.") == []
    assert _one(BOATS + "Both were handed over in 2022.").status == "delivered"
    assert _anaphoric(JETS + "Both were handed over in 2022.") == []
