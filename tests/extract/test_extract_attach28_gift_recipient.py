"""attach28 (issue 13): a gift told with two objects reads past a recipient of up to three words ("A gave
the B-ian army 14 X", "A has given B more than 30 X"): the items change hands, a delivery.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

_DAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("giver", "g_iso", "recipient", "r_iso"),
    [
        ("Norway", "NOR", "the Ukrainian army", "UKR"),
        ("Spain", "ESP", "the Moroccan armed forces", "MAR"),
        ("Poland", "POL", "the Lithuanian land forces", "LTU"),
        ("Denmark", "DNK", "Ukraine more than", "UKR"),
    ],
)
@pytest.mark.parametrize("verb", ["gave", "has given", "had given"])
@pytest.mark.parametrize(
    ("count", "items", "name"), [("12", "Leopard 1A5 tanks", "Leopard"), ("eight", "M109 howitzers", "M109")]
)
def test_a_gift_reads_past_a_longer_recipient(
    giver: str, g_iso: str, recipient: str, r_iso: str, verb: str, count: str, items: str, name: str
) -> None:
    """ "<A> <gave> <the B-ian army> <N> <X> in 2024": A delivered X to B."""
    text = f"{giver} {verb} {recipient} {count} {items} in 2024."
    found = claim_facts.facts(text, _DAY)
    assert any(
        f[0] == g_iso and f[1] == r_iso and f[2] and name in f[2] and f[3] == "delivered" for f in found
    ), found
