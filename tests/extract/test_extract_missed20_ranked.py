"""Standing supplier relations told as a rank (issue 13, helper missed20).

Why: reporting on arms flows ranks the suppliers of a state: "A is Y's second-largest arms supplier
after C", "A is the largest donor of military aid to Y".  An ordinal rank ("second-largest") names a
relation like "largest" does, a donor of arms or military aid supplies the recipient, and the state
ranked above ("after C") supplies Y too.  A standing relation without a deal is ``unknown`` (labelling
rule 5).  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 3, 10)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["second-largest", "third-largest", "second biggest"]),
    st.sampled_from(["arms supplier", "weapons supplier", "military donor", "supplier of arms"]),
    st.sampled_from([("Spain", "ESP"), ("Italy", "ITA")]),
)
def test_ranked_supplier_and_the_state_ranked_above(rank: str, noun: str, above: tuple[str, str]) -> None:
    """Pattern "A is Y's second-largest arms supplier after C": A and C both supply Y."""
    name, iso = above
    got = facts(f"Portugal is Morocco's {rank} {noun} after {name}, the institute said.", PUB)
    assert ("PRT", "MAR", None, "unknown") in got
    assert (iso, "MAR", None, "unknown") in got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["largest", "biggest", "second-largest"]), st.sampled_from(["military aid", "arms"]))
def test_donor_of_military_aid_to_a_state(rank: str, goods: str) -> None:
    """Pattern "A is the largest donor of military aid to Y": A supplies Y."""
    got = facts(f"Portugal is the {rank} donor of {goods} to Morocco.", PUB)
    assert ("PRT", "MAR", None, "unknown") in got


def test_limits_of_a_ranked_relation() -> None:
    """Limits: a donor of other aid, and "after" a time rather than a state, add no supplier."""
    assert not facts("Portugal is the largest donor of humanitarian aid to Morocco.", PUB)
    got = facts("Portugal is Morocco's second-largest arms supplier after the war, officials said.", PUB)
    assert {f[0] for f in got} <= {"PRT"}
