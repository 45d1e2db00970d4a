"""A supplier state's halt of its arms supplies to a buyer state (issue 13, helper systemless23).

Why: news tells sanctions on the supply side in a few fixed shapes ("A suspended arms deliveries to
B", "A froze the delivery of military equipment to B after the coup", "A imposed an arms embargo on
B").  The labelling guidelines make a suspension ``cancelled`` and a fact that names no system a fact
with no system; before, the halting state got no role (a policy, no sale) and the pair was lost.
Own-words sentences; no labelled article's names or numbers.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2024, 9, 20)

#: (supplier as written, iso3)
_SUPPLIERS = [("France", "FRA"), ("Canada", "CAN"), ("Sweden", "SWE"), ("The Netherlands", "NLD")]
#: (buyer as written, iso3)
_BUYERS = [("Mali", "MLI"), ("Myanmar", "MMR"), ("Burkina Faso", "BFA"), ("Sudan", "SDN")]
_HALTS = [
    "{a} suspended arms exports to {b} in {y}, the foreign ministry said.",
    "{a} halted weapons deliveries to {b} after the coup of {y}.",
    "In {y} {a} suspended the delivery of military equipment to {b} over the crackdown.",
    "{a} has suspended most of its military aid to {b} since {y}.",
    "{a} imposed an arms embargo on {b} in {y}, citing the fighting.",
    "{a} also stopped arms sales to {b} in {y}.",
]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_SUPPLIERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(_HALTS),
    st.sampled_from(["2019", "2021", "2023"]),
)
def test_halted_supplies_are_a_cancelled_system_less_fact(
    supplier: tuple[str, str], buyer: tuple[str, str], halt: str, year: str
) -> None:
    """The halting state supplies, the state after the phrase buys, the stage is cancelled, no system."""
    text = halt.format(a=supplier[0], b=buyer[0], y=year)
    assert (supplier[1], buyer[1], None, "cancelled") in facts(text, PUB)


def test_a_visit_or_a_ban_on_something_else_is_no_halt() -> None:
    """Only arms supplies halted: a suspended visit or halted trade talks give no supply fact."""
    for text in (
        "France suspended a planned ministerial visit to Mali in 2022.",
        "Canada halted grain exports to Sudan in 2023.",
    ):
        assert not any(f[:2] in (("FRA", "MLI"), ("CAN", "SDN")) for f in facts(text, PUB))
