"""Items of a bulleted list under a lead-in line (issue 13, helper missed20).

Why: fact boxes put the verb and the parties in a lead-in line ("Since then it has also received:")
and only the items on the bullet lines; each item is one more transfer of the lead-in's deal, at
the lead-in's stage.  The sentences are invented; the limits: a lead-in with no stage word lists
properties, a bullet naming its own party is read on its own, an item of another state's make is
not the deal's.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 3, 10)
LEAD = "Serbia received six MiG-29 fighters from Russia in 2019. "


def _box(lead_in: str, mark: str, items: list[str]) -> str:
    return (
        LEAD
        + lead_in
        + "\n"
        + "".join(f"{mark} {item}\n" for item in items)
        + "\nThe ministry gave no figures."
    )


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from([("Since then it has also received:", "delivered"), ("It has since ordered:", "signed")]),
    st.sampled_from(["-", "*"]),
    st.permutations(
        ["Pantsir-S1 air-defence systems", "Mi-35M attack helicopters", "Kornet anti-tank missiles"]
    ),
)
def test_bullet_items_take_the_lead_ins_deal(lead: tuple[str, str], mark: str, items: list[str]) -> None:
    """Pattern "<lead-in with a stage>:" then "- X", "- Y": each item is the deal's, at that stage."""
    lead_in, stage = lead
    got = facts(_box(lead_in, mark, items), PUB)
    for name in ("Pantsir-S1", "Mi-35M", "Kornet"):
        assert any(f[:2] == ("RUS", "SRB") and f[2] and name in f[2] and f[3] == stage for f in got), name


def test_a_lead_in_without_a_stage_lists_no_transfers() -> None:
    """Limit: "Key features of the fighter:" lists properties, no deals."""
    got = facts(_box("Key features of the fighter:", "-", ["Kornet anti-tank missiles", "a new radar"]), PUB)
    assert not [f for f in got if f[2] and "Kornet" in f[2]]


def test_bullets_with_their_own_party_or_another_make_are_left_alone() -> None:
    """Limits: "- X from Y" tells its own deal; an item of another state's make is not the deal's."""
    got = facts(
        _box(
            "Since then it has also received:", "-", ["Wing Loong drones from China", "Bayraktar TB2 drones"]
        ),
        PUB,
    )
    assert not [f for f in got if f[0] == "RUS" and f[2] and ("Wing Loong" in f[2] or "TB2" in f[2])]
