"""An order told in the passive states the signed stage (issue 13, helper ctx29).

Why: news tells the order after its item and seller as often as before them: "under an order placed
last month", "the order was placed in May", "orders have been placed with the maker".  The active
"placed an order" and the passive "contract was signed" were triggers, the passive order was not, so
a sentence whose only deal word is that order gave no claim (a component fitted on the deal in
context's vehicles, bought from another seller, was lost).  A future order ("is to be placed") is no
signing.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 10, 1)

_BUYERS = [("Chile", "CHL"), ("Estonia", "EST"), ("Peru", "PER")]
#: (seller, seller iso3, items, catalogue name)
_ITEMS = [
    ("Israel", "ISR", "Spike missiles", "Spike"),
    ("Norway", "NOR", "NASAMS batteries", "NASAMS"),
    ("France", "FRA", "CAESAR howitzers", "CAESAR"),
]
_PASSIVE = [
    "under an order placed last month",
    "under a EUR {n} million order placed in May",
    "; the order was placed in March",
    "; orders have been placed for {n} more",
]


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_BUYERS),
    st.sampled_from(_ITEMS),
    st.sampled_from(_PASSIVE),
    st.integers(min_value=2, max_value=90),
)
def test_a_passive_order_is_signed(
    buyer: tuple[str, str], item: tuple[str, str, str, str], tail: str, n: int
) -> None:
    """Pattern "B's army will get X from A <passive order>": signed."""
    name, iso = buyer
    seller, s_iso, words, system = item
    text = f"{name}'s army will field {words} from {seller} {tail.format(n=n)}."
    assert any(
        f[0] == s_iso and f[1] == iso and f[2] and system in f[2] and f[3] == "signed"
        for f in facts(text, PUB)
    ), text


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(_ITEMS))
def test_an_order_still_to_be_placed_is_no_signing(
    buyer: tuple[str, str], item: tuple[str, str, str, str]
) -> None:
    """ "an order is to be placed next year": not signed."""
    name, _iso = buyer
    seller, _s, words, _system = item
    text = f"{name}'s army will field {words} from {seller}; an order is to be placed next year."
    assert not any(f[3] == "signed" for f in facts(text, PUB)), text
