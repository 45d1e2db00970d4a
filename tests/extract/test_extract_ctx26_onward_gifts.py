"""A purchase whose items the buyer has since given on (issue 13, helper ctx26).

Why: aid coverage tells a state's purchase and, in the same sentence, that it passed the items on:
"B bought X from A and donated them to C", "B ordered N X, several of which it has sent to C".  C got
the items from B (a ``delivered`` gift), it is no buyer of A's; the purchase stays B's (also where B is
a pronoun the previous sentence names), and the gift's verb is no stage of the purchase.  Only after a
purchase verb: "B grounded its X and then sent some of them to C" is the gift alone, told by its own
verb.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 6, 2)

_BUYERS = [("Finland", "FIN"), ("Portugal", "PRT"), ("Belgium", "BEL"), ("Denmark", "DNK")]
_ITEMS = [("Patriot systems", "Patriot", "USA"), ("Caesar howitzers", "CAESAR 155mm", "FRA")]
_AFTER_AND = ["and donated them to", "and later sent some of them to", "and gave two of them to"]
_OF_WHICH = [
    "several of which it had given to",
    "some of which it has since sent to",
    "most of which it donated to",
    "two of which it later transferred to",
]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(_ITEMS), st.sampled_from(_AFTER_AND))
def test_bought_and_given_on(buyer: tuple[str, str], item: tuple[str, str, str], gift: str) -> None:
    """Pattern "B bought N X from A and donated them to C": A sold to B, B gave C (delivered)."""
    name, iso = buyer
    words, system, origin = item
    got = facts(f"In 2023 {name} bought eight {words} and {gift.split(' ', 1)[1]} Ukraine.", PUB)
    assert (iso, "UKR", system, "delivered") in got
    assert any(f[:3] == (origin, iso, system) for f in got)
    assert not any(f[:2] == (origin, "UKR") for f in got)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(_ITEMS), st.sampled_from(_OF_WHICH))
def test_pronoun_buyer_and_relative_gift(
    buyer: tuple[str, str], item: tuple[str, str, str], gift: str
) -> None:
    """Pattern "B has bought heavily abroad. It also ordered X, some of which it has sent to C"."""
    name, iso = buyer
    words, system, origin = item
    got = facts(
        f"{name} has bought heavily abroad since 2022. It also ordered additional {words}, {gift} Ukraine.",
        PUB,
    )
    assert (iso, "UKR", system, "delivered") in got
    assert (origin, iso, system, "signed") in got
    # the gift's verb is no stage of the purchase, nor the purchase's of the gift
    assert (origin, iso, system, "delivered") not in got
    assert (iso, "UKR", system, "signed") not in got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(["sent", "gave", "handed"]))
def test_no_purchase_no_onward_gift(buyer: tuple[str, str], verb: str) -> None:
    """Pattern "B stopped flying its X and later sent some of them to C": no purchase to give on, the
    gift is told by its own verb (still a delivery to C)."""
    name, _iso = buyer
    got = facts(
        f"{name} stopped flying its MiG-29 fighters in 2021 and later {verb} four of them to Ukraine.",
        PUB,
    )
    assert any(f[1] == "UKR" and f[3] == "delivered" for f in got)
