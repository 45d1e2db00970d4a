"""A deal word under "never" with no stated party is no deal (issue 13, precision on fresh news).

Why: commentary often names a famous system beside a state to say it was never on offer ("the
Y-ian X, often praised, was never offered to B").  With the supplier only the item's origin and
the buyer only a bare recipient, the extractor read an offer.  "Not yet delivered" (a deal that
stalls) is kept.  The sentences are written for these tests (no labelled article's text).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)


@pytest.mark.parametrize(
    ("sentence", "buyer"),
    [
        ("Germany's Leopard 2, often cited as the benchmark, was never offered to Chile.", "CHL"),
        ("Italy's M-346 was never offered to Kenya and would not fit its budget.", "KEN"),
        ("The Korean K9 howitzer was never offered to Ghana, the ministry said.", "GHA"),
        ("France's Rafale, praised by its pilots, was never offered to Peru.", "PER"),
    ],
)
def test_system_never_offered_to_a_state_is_no_offer(sentence: str, buyer: str) -> None:
    """'The Y-ian X was never offered to B': no offer, no claim with B as buyer."""
    assert not any(b == buyer for _s, b, _x in triples(sentence, PUB))


@pytest.mark.parametrize("later", ["but Spain has not yet delivered them", "and the first was never late"])
def test_a_stated_deal_beside_a_negation_stays(later: str) -> None:
    """'B signed for X from A, but A has not yet delivered them': the signed deal stays."""
    found = triples(f"Indonesia signed for two A400M transports from Spain in 2021, {later}.", PUB)
    assert ("ESP", "IDN", "A400M Atlas") in found
