"""The agent of a gift or loan participle sells ("boats gifted by A", "jets lent by A") (issue 13, helper missun28).

Why: aid news names the giver after the item in a participle phrase: "two patrol boats gifted by A
were handed over to B", "the Y lent by A", "radars granted by A".  "supplied by", "donated by" and
"sold by" already made their agent the seller; the gift and loan verbs did not, so the giver was
lost (no claim: the handover's subject is the item) or the item's maker took its place.  The
sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 3, 3)

_GIVERS = [("Japan", "JPN"), ("India", "IND"), ("Norway", "NOR"), ("Australia", "AUS")]
_TAKERS = [("Vietnam", "VNM"), ("Mozambique", "MOZ"), ("Fiji", "FJI"), ("Ghana", "GHA")]
_VERBS = ["gifted", "given", "lent", "loaned", "granted"]
_ITEMS = ["two fast patrol boats", "four coastal radars", "six light helicopters", "three landing craft"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_GIVERS),
    st.sampled_from(_TAKERS),
    st.sampled_from(_VERBS),
    st.sampled_from(_ITEMS),
)
def test_gift_participle_agent_is_the_seller(
    giver: tuple[str, str], taker: tuple[str, str], verb: str, items: str
) -> None:
    """Pattern "N X <gifted> by A were handed over to B in <year>": A sells, B buys."""
    text = f"In 2022, {items} {verb} by {giver[0]} were handed over to {taker[0]} at a ceremony."
    got = {(c["supplier"] and c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in claims(text, PUB)}
    assert (giver[1], taker[1]) in got, got
