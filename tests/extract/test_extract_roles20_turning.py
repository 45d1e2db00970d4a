"""A shift of sourcing is no transfer (issue 13, helper roles20).

Why: "its share fell as Y turned to A, B and C" says where a buyer now looks for arms, not that any
of those states sold it anything; labelled news gives no fact for such a list, and the claims it gave
were wrong.  When the turn says what it is for ("Y turned to A for the X", "to A and B for arms"), the
states are Y's suppliers and the claims stay.  Own-words sentences; the negative cases pin the limit.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2024, 11, 20)

_BUYERS = [("India", "IND"), ("Egypt", "EGY"), ("Vietnam", "VNM"), ("Indonesia", "IDN")]
_LISTS = [
    ["France", "the US", "Israel"],
    ["Germany", "South Korea"],
    ["Turkey", "Italy", "Spain"],
]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_BUYERS),
    st.sampled_from(_LISTS),
    st.sampled_from(["turned to", "has turned increasingly to", "is turning to", "shifted to"]),
    st.sampled_from(
        [
            "Russia's share of its imports has fallen sharply as {b} {v} {l}.",
            "Over the decade {b} {v} {l}, officials said.",
        ]
    ),
)
def test_a_turn_to_listed_states_without_an_item_is_no_claim(
    buyer: tuple[str, str], states: list[str], verb: str, frame: str
) -> None:
    """Pattern "Y turned to A, B and C" with nothing bought named: no (A, Y) claim."""
    b, b3 = buyer
    listed = ", ".join(states[:-1]) + " and " + states[-1]
    text = frame.format(b=b, v=verb, l=listed)
    assert not [t for t in triples(text, PUB) if t[1] == b3 and t[0] not in (None, "RUS")]


def test_a_turn_to_a_supplier_for_a_named_item_or_for_arms_stays() -> None:
    """Limit: "Y turned to A for N X" names the item, so A stays X's supplier; "Y is turning to A and B
    for arms" states a supplier relation with each."""
    assert ("FRA", "IND", "Rafale") in triples("India turned to France for 36 Rafale jets in 2016.", PUB)
    pairs = {
        (s, b) for s, b, _ in triples("Egypt has increasingly turned to Italy and Germany for weapons.", PUB)
    }
    assert {("ITA", "EGY"), ("DEU", "EGY")} <= pairs
