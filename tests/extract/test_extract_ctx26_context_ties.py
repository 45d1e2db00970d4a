"""A sentence whose subject sells and names no buyer takes the previous deal's buyer only when tied to it
(issue 13, helper ctx26).

Why: news moves from one deal to another without naming the buyer again ("The maker delivered the first
20 in May"), but it also tells a new seller's business next to a deal ("C delivered N Z in May"): the
buyer named in the sentence before is that sentence's buyer only when a cue ties the two (the same
seller goes on, an offer in the competition told, an item of a bullet list under a lead-in).  A state
merely named earlier is no buyer: that is the hallucinated pair real news punishes most.  The untied
sentence falls back to the article's subject as any other sentence naming no buyer does.  The sentences
are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 9, 1)

#: (state, iso3) pairs: the article's subject, and the buyer of the deal told just before
_SUBJECTS = [("Greece", "GRC"), ("Portugal", "PRT"), ("Chile", "CHL")]
_OTHERS = [("Cyprus", "CYP"), ("Uruguay", "URY"), ("Malta", "MLT")]
#: a new seller's item, unrelated to the deal before: (seller, item words, catalogue name)
_NEW_SELLER = [
    ("Germany", "Leopard 2A7 tanks", "Leopard-2A7"),
    ("Israel", "Heron drones", "Heron"),
    ("South Korea", "K9 howitzers", "K-9 Thunder 155mm"),
]


def _buyers_of(text: str, system: str) -> list[tuple[str, list[str]]]:
    """(buyer iso3, buyer cues) of every claim about ``system``."""
    return [
        (c["buyer"]["iso3"], [q for q in c["cues"] if q.startswith("buyer:")])
        for c in claims(text, PUB)
        if c["system"] and c["system"]["name"] == system
    ]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(_SUBJECTS), st.sampled_from(_OTHERS), st.sampled_from(_NEW_SELLER))
def test_new_seller_does_not_take_the_previous_buyer(
    subject: tuple[str, str], other: tuple[str, str], new: tuple[str, str, str]
) -> None:
    """Pattern "B bought X from A. C delivered N Z in May": C's sale is not to B (no cue ties it)."""
    s_name, _s_iso = subject
    o_name, o_iso = other
    seller, words, system = new
    text = (
        f"{s_name} has expanded its navy. {s_name} ordered three FDI frigates from France in 2022. "
        f"{o_name} bought 12 Exocet missiles from France last year. {seller} delivered 20 {words} in May."
    )
    assert not any(b == o_iso and "buyer:context" in cues for b, cues in _buyers_of(text, system))


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(_OTHERS), st.sampled_from(["delivered", "handed over", "shipped"]))
def test_same_seller_goes_on_with_the_deal(other: tuple[str, str], verb: str) -> None:
    """Pattern "B bought X from A. A's maker delivered N Y in May": the same seller, the same buyer."""
    o_name, o_iso = other
    text = (
        f"{o_name} bought 12 Exocet missiles from France last year. "
        f"France's MBDA {verb} 20 Mistral missiles in May."
    )
    assert (o_iso, ["buyer:context"]) in _buyers_of(text, "Mistral")


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_OTHERS), st.sampled_from(["offered its", "has pitched its", "proposed its"]))
def test_a_rival_offer_is_made_to_the_buyer_in_context(other: tuple[str, str], verb: str) -> None:
    """Pattern "B has held talks with A on X. C offered its Y": C's offer is to B."""
    o_name, o_iso = other
    text = f"{o_name} has held talks with Turkey on the Bayraktar TB2. Israel {verb} Heron drone."
    assert any(b == o_iso for b, _cues in _buyers_of(text, "Heron"))


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_OTHERS), st.sampled_from(["gifted", "delivered", "handed over"]))
def test_bullet_items_under_a_lead_in_keep_its_buyer(other: tuple[str, str], verb: str) -> None:
    """Pattern "B ... relies on foreign help:\\n- C gifted a Z": a listed item of the lead-in's buyer."""
    o_name, o_iso = other
    text = (
        f"{o_name} received two Hamilton-class cutters from the United States in 2019. "
        f"The navy relies heavily on foreign help:\n\n- China {verb} a Type 056 corvette in 2021\n"
    )
    assert (o_iso, ["buyer:context"]) in _buyers_of(text, "Type 056")


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_OTHERS), st.sampled_from(["pledged", "donated", "promised"]))
def test_a_donor_round_up_keeps_the_recipient(other: tuple[str, str], verb: str) -> None:
    """Pattern "A has pledged X to C. B has delivered Y": the donors' recipient C, giver by giver."""
    o_name, o_iso = other
    text = (
        f"Spain and Italy have stepped up their aid. Spain has {verb} six Hawk launchers to {o_name}. "
        "Germany has delivered two IRIS-T SLM systems to date."
    )
    assert (o_iso, ["buyer:context"]) in _buyers_of(text, "IRIS-T SLM")
