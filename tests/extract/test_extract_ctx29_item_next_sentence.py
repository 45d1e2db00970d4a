"""A system named in one sentence, its buyer in the next with only an item noun (issue 13, helper ctx29).

Why: news names a system once and then goes on with a plain item noun: another customer of the same
item ("Peru placed an order for 30 tanks last year.") right after a deal of it, or a sale told after a
sentence that only shows the system ("A model of the X stood at the stand. A sold two of the long-range
maritime patrol aircraft to B.").  The noun may carry several modifiers before it.  The new buyer's
claim takes the system from context (cue ``system:context``); a noun of another kind of item, a noun
any item may be called ("aircraft" after a fighter deal) or a seller of its own keep it off.  The
sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 10, 1)

#: (seller, item words of the first sentence, catalogue name, the plain noun for the same kind)
_ITEMS = [
    ("France", "CAESAR howitzers", "CAESAR", "howitzers"),
    ("Germany", "Leopard 2A8 tanks", "Leopard", "tanks"),
    ("Sweden", "Gripen fighters", "Gripen", "fighters"),
]
_FIRST_BUYERS = ["Belgium", "Norway", "Thailand"]
#: (later buyer, iso3)
_LATER = [("Lithuania", "LTU"), ("Peru", "PER"), ("Hungary", "HUN"), ("Chile", "CHL")]
_VERBS = [
    "ordered {n} {noun} last year",
    "placed an order for {n} {noun} in March",
    "bought {n} {noun} in 2024",
]


def _about(text: str, buyer: str, system: str) -> list[dict]:
    return [
        c
        for c in claims(text, PUB)
        if c["buyer"]["iso3"] == buyer and c["system"] and system in c["system"]["name"]
    ]


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_ITEMS),
    st.sampled_from(_FIRST_BUYERS),
    st.sampled_from(_LATER),
    st.sampled_from(_VERBS),
    st.integers(min_value=4, max_value=90),
)
def test_another_customer_counts_the_same_item(
    item: tuple[str, str, str, str], first: str, later: tuple[str, str], verb: str, n: int
) -> None:
    """Pattern "A sold N X to B. C ordered M <noun of X's kind>": C bought X from A, from context."""
    seller, words, system, noun = item
    name, iso = later
    text = f"{seller} signed a contract to sell 12 {words} to {first}. {name} {verb.format(n=n, noun=noun)}."
    found = _about(text, iso, system)
    assert found, text
    assert all("system:context" in c["cues"] for c in found)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_FIRST_BUYERS), st.sampled_from(_LATER), st.sampled_from(["helicopters", "aircraft"]))
def test_another_kind_or_a_bare_category_noun_is_no_customer(
    first: str, later: tuple[str, str], noun: str
) -> None:
    """Helicopters after a fighter deal are another item; "aircraft" says too little to tie them."""
    name, iso = later
    text = f"Sweden signed a contract to sell 12 Gripen fighters to {first}. {name} bought 6 {noun} in 2024."
    assert not _about(text, iso, "Gripen")


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_FIRST_BUYERS), st.sampled_from(_LATER))
def test_a_seller_of_its_own_keeps_the_context_off(first: str, later: tuple[str, str]) -> None:
    """ "C bought N howitzers from D": D's howitzers, not the deal in context's."""
    name, iso = later
    text = f"France signed a contract to sell 12 CAESAR howitzers to {first}. {name} bought 20 howitzers from Israel."
    assert not _about(text, iso, "CAESAR")


#: (system shown, seller, a noun phrase of its kind with three words before the noun)
_SHOWN = [
    ("CAESAR", "France", "truck-mounted 155 mm howitzers"),
    ("Leopard 2A8", "Germany", "heavy third-generation battle tanks"),
]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(_SHOWN), st.sampled_from(_LATER), st.sampled_from(["sold", "delivered"]))
def test_a_long_noun_phrase_points_back_at_the_system_shown(
    shown: tuple[str, str, str], later: tuple[str, str], verb: str
) -> None:
    """Pattern "A model of X was on display. A sold N of the <three modifiers> <noun> to B": X."""
    system, seller, phrase = shown
    name, iso = later
    text = f"A model of the {system} was on display. {seller} {verb} eight of the {phrase} to {name} in June."
    assert _about(text, iso, system.split()[0]), text
