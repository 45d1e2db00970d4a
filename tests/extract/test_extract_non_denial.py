"""A non-denial is no denial: "neither confirmed nor denied" leaves a report unconfirmed (issue 13).

Why: defence news often closes a reported deal with an official's refusal to comment on it
("the ministry neither confirmed nor denied the purchase", "officials would not confirm or deny
reports that ..."). The "denied" of that phrase made the claim a denial (``negated``, confidence
capped at 0.3), and the auxiliary "would" of "would not confirm" read as a hedge of the deal (a
signing turned into talks). The deal is reported, not denied and not hedged: modality ``reported``,
the stage the verb states. A real denial ("denied that it had sold") stays a denial. The sentences
below are written for these tests (no labelled article's text).
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims

PUB = date(2025, 6, 2)

NON_DENIALS = [
    "The ministry neither confirmed nor denied that",
    "Officials would not confirm or deny reports that",
    "A spokesman declined to confirm or deny that",
    "The embassy wouldn't confirm or deny that",
    "The government has refused to confirm or deny that",
    "Its defence ministry did not confirm or deny that",
]
DEALS = [
    ("Chile ordered 14 Leopard 2A4 tanks from Germany", ("DEU", "CHL"), "signed"),
    ("Peru signed a contract for 24 K9 howitzers with South Korea", ("KOR", "PER"), "signed"),
    ("Ghana took delivery of six Z-9 helicopters from China", ("CHN", "GHA"), "delivered"),
]


def _pair(claim: dict) -> tuple[str | None, str]:
    return (claim["supplier"]["iso3"] if claim["supplier"] else None, claim["buyer"]["iso3"])


@settings(max_examples=30, deadline=None)
@given(lead=st.sampled_from(NON_DENIALS), deal=st.sampled_from(DEALS))
def test_a_non_denial_leaves_the_deal_reported(lead: str, deal: tuple[str, tuple[str, str], str]) -> None:
    sentence, pair, stage = deal
    text = f"{lead} {sentence[0].lower() + sentence[1:] if sentence.startswith('The') else sentence}."
    found = [c for c in claims(text, PUB) if _pair(c) == pair]
    assert found, text
    for claim in found:
        assert claim["negated"] is False, (text, claim)
        assert claim["modality"] == "reported", (text, claim)
        assert claim["status"] == stage, (text, claim)


def test_a_real_denial_stays_a_denial() -> None:
    text = "The Kremlin denied that Russia had sold 12 Su-35 fighters to Algeria."
    found = [c for c in claims(text, PUB) if _pair(c) == ("RUS", "DZA")]
    assert found and all(c["negated"] for c in found)


def test_a_denial_beside_a_non_denial_still_denies() -> None:
    text = (
        "Paris would not confirm or deny the talks, and the ministry in Cairo denied that Egypt "
        "had ordered 12 more Rafale jets from France."
    )
    found = [c for c in claims(text, PUB) if _pair(c) == ("FRA", "EGY")]
    assert found and all(c["negated"] for c in found)
