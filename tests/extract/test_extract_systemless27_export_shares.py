"""A buyer's share of a seller's exports (issue 13, helper systemless27).

Why: arms-trade reports state a relation from the seller's side as the buyer's share of its exports:
"B accounted for two-thirds of A-ian arms exports", "B remained its main customer, taking 38% of
A-ian deliveries, followed by C and D".  "Accounted for N% of" was read as the supplier's share of
imports, so the roles came out reversed, and the states that follow the ranked buyer were taken as
suppliers.  The labelling guidelines make each a standing relation: no system, status ``unknown``.
The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 3, 17)

_SELLERS = [("French", "FRA"), ("Italian", "ITA"), ("Turkish", "TUR")]
_BUYERS = [("Egypt", "EGY"), ("Qatar", "QAT"), ("Indonesia", "IDN")]
_SHARES = ["almost half", "two-thirds", "31%", "about 22 per cent", "most"]
_SHAPES = [
    "{b} accounted for {n} of {a} arms exports over the period, the institute said.",
    "{b} received {n} of {a} exports of major arms in the last five years.",
]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_SELLERS), st.sampled_from(_BUYERS), st.sampled_from(_SHARES), st.sampled_from(_SHAPES)
)
def test_share_of_sellers_exports_names_the_buyer(
    seller: tuple[str, str], buyer: tuple[str, str], n: str, shape: str
) -> None:
    """Pattern "B accounted for / received N of A-ian (arms) exports": A sells to B, not B to A."""
    got = claims(shape.format(a=seller[0], b=buyer[0], n=n), PUB)
    pairs = {(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in got if c["supplier"] and not c["system"]}
    assert (seller[1], buyer[1]) in pairs, got
    assert (buyer[1], seller[1]) not in pairs


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(_SELLERS))
def test_followers_of_a_ranked_buyer_are_buyers(seller: tuple[str, str]) -> None:
    """Pattern "B remained its main customer, taking N% of A-ian deliveries, followed by C and D": C
    and D buy from A too."""
    text = (
        f"Exports fell by a third. Egypt remained the main customer, taking 41% of {seller[0]} deliveries, "
        "followed by Qatar and Indonesia."
    )
    pairs = {(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in claims(text, PUB) if c["supplier"]}
    assert {(seller[1], "EGY"), (seller[1], "QAT"), (seller[1], "IDN")} <= pairs, pairs
    assert not any(s in ("QAT", "IDN") for s, _b in pairs)


def test_supplier_share_of_imports_keeps_its_roles() -> None:
    """Guard: "A accounted for 40% of B's arms imports" still makes A the supplier."""
    text = "France accounted for 40% of Egypt's arms imports over the period."
    pairs = {(c["supplier"]["iso3"], c["buyer"]["iso3"]) for c in claims(text, PUB) if c["supplier"]}
    assert ("FRA", "EGY") in pairs
