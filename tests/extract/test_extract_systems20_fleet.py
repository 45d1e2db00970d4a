"""Which system a claim names: a fleet held before another item's stage (helper systems20).

Why: "the air force flies X and Y, and it has been negotiating with B for more Z" states talks about Z
only; X and Y are the fleet the buyer holds, and the later clause's stage is not theirs (a claim
"X negotiating" names the wrong system).  Sentences are the helper's own.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 9, 10)

_FLEET = st.sampled_from([("F-16", "Mirage 2000"), ("MiG-29", "Su-30"), ("F-15", "Hawk")])
_HOLD = st.sampled_from(["flies", "operates", "fields"])
_LATER = st.sampled_from(
    [
        ("it has been negotiating with Sweden for as many as 20 Gripens", "negotiating"),
        ("it signed a contract with Sweden for 12 Gripen jets last year", "signed"),
        ("it is in talks with Sweden over new Gripen fighters", "negotiating"),
    ]
)


@settings(max_examples=25, deadline=None)
@given(_FLEET, _HOLD, _LATER)
def test_fleet_held_takes_no_stage_of_a_later_clause(
    fleet: tuple[str, str], hold: str, later: tuple[str, str]
) -> None:
    """Pattern "A's air force <flies> X and Y jets, and <stage of Z>": only Z has that stage."""
    text = f"Oman's air force {hold} {fleet[0]} and {fleet[1]} jets, and {later[0]}."
    got = facts(text, PUB)
    assert ("SWE", "OMN", "Gripen", later[1]) in {(f[0], f[1], (f[2] or "").split()[0], f[3]) for f in got}, (
        got
    )
    assert not any(f[2] and f[2].split()[0] in (fleet[0], fleet[1]) and f[3] == later[1] for f in got), got


@settings(max_examples=10, deadline=None)
@given(_LATER)
def test_item_named_again_in_the_later_clause_keeps_its_stage(later: tuple[str, str]) -> None:
    """Limit: a held item named again in the later clause ("flies X, ..., and is negotiating for more
    X") takes that clause's stage."""
    text = f"Oman's air force flies F-16 jets and Gripens, and {later[0]}."
    got = facts(text, PUB)
    assert any(f[0] == "SWE" and f[2] and "Gripen" in f[2] and f[3] == later[1] for f in got), got
