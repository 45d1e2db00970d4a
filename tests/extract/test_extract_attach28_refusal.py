"""attach28 (issue 13): a supplier's refusal of the transfer itself ("A refused to deliver the X to B",
"A has declined to approve the export of X to B") is that deal's cancellation (labelling rule 5), never an
approval read off "approve"; a refusal that only gives the reason of the sentence's other stage ("the
boat is held up because A refused to supply its engines") does not cancel the sentence's item.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

_DAY = date(2025, 6, 1)

_DEALS = [
    ("Sweden", "SWE", "Colombia", "COL", "Gripen fighters", "Gripen"),
    ("Germany", "DEU", "Saudi Arabia", "SAU", "Leopard 2 tanks", "Leopard 2"),
    ("France", "FRA", "Egypt", "EGY", "Rafale jets", "Rafale"),
]


@pytest.mark.parametrize(("seller", "s_iso", "buyer", "b_iso", "items", "name"), _DEALS)
@pytest.mark.parametrize(
    "verb",
    [
        "refused to deliver",
        "has declined to supply",
        "declined to sell",
        "has refused to send",
        "declined to provide",
    ],
)
def test_a_seller_s_refusal_is_a_cancellation(
    seller: str, s_iso: str, buyer: str, b_iso: str, items: str, name: str, verb: str
) -> None:
    """ "<A> <refused to deliver> <X> to <B>": the deal is claimed cancelled."""
    text = f"{seller} {verb} the {items} to {buyer}, officials said on Monday."
    found = claim_facts.facts(text, _DAY)
    assert any(
        f[0] == s_iso and f[1] == b_iso and f[2] and f[2].startswith(name) and f[3] == "cancelled"
        for f in found
    ), found


@pytest.mark.parametrize(("seller", "s_iso", "buyer", "b_iso", "items", "name"), _DEALS)
def test_a_declined_export_approval_is_no_approval(
    seller: str, s_iso: str, buyer: str, b_iso: str, items: str, name: str
) -> None:
    """ "<A> has declined to approve the export of <X> to <B>": cancelled, not approved."""
    text = f"{seller} has declined to approve the export of {items} to {buyer}."
    found = claim_facts.facts(text, _DAY)
    pair = {f[3] for f in found if f[0] == s_iso and f[1] == b_iso}
    assert "cancelled" in pair and "approved" not in pair, found


@pytest.mark.parametrize("conj", ["because", "after", "since"])
@pytest.mark.parametrize(
    ("maker", "verb"), [("Germany", "refused to supply"), ("Britain", "declined to deliver")]
)
def test_a_refusal_giving_a_reason_keeps_the_item_s_stage(conj: str, maker: str, verb: str) -> None:
    """ "The navy's new Type 039 submarine from China is held up <because> <A> <refused to supply> its
    engines": the submarine is delayed, not cancelled."""
    text = (
        f"The Thai navy is still awaiting its Type 039 submarine from China, which has been held up for years "
        f"{conj} {maker} {verb} its diesel engines."
    )
    stages = {f[3] for f in claim_facts.facts(text, _DAY) if f[0] == "CHN" and f[1] == "THA"}
    assert "cancelled" not in stages and "delayed" in stages, stages
