"""A counterpart named as a state's firm ("signed a contract with B's F for the purchase of X"): F is
B's firm, the deal's counterpart, not the subject of "purchase" (roles: ``patterns._WITH``)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text

PUB = date(2025, 8, 20)


@settings(max_examples=20, deadline=None)
@given(
    pair=st.sampled_from(
        [
            ("Turkey", "STM", "two Istif class frigates", "TUR"),
            ("Germany", "Rheinmetall", "20 Boxer vehicles", "DEU"),
            ("France", "Naval Group", "four Scorpene submarines", "FRA"),
        ]
    ),
    deal=st.sampled_from(["a contract", "an MoU", "a deal"]),
    noun=st.sampled_from(["purchase", "acquisition"]),
)
def test_a_counterpart_firm_of_a_possessor_state_is_no_buyer(
    pair: tuple[str, str, str, str], deal: str, noun: str
) -> None:
    """ "A signed a contract with B's F for the purchase of X": F is B's firm, the counterpart; the
    purchase is A's (the firm after the possessive was read as the subject of "purchase")."""
    state, firm, item, iso = pair
    claims = extract_text(f"Chile signed {deal} with {state}'s {firm} for the {noun} of {item}.", PUB)
    assert {(c.supplier.iso3 if c.supplier else None, c.buyer.iso3) for c in claims} == {(iso, "CHL")}
