"""Later items of a transfer list told in a relative clause (issue 13, helper lists23).

Why: news sums up a state's earlier transfers after the one it reports: "its donations, which have
included X and Y", "a string of purchases that also included X".  The plural transfer noun makes the
relative clause a list of transfers of their own, not the parts of one item (as a singular sale's
"which would include Hellfire missiles" is), so each listed item is a claim of the sentence's dyad.
A giver's used stock ("49 retired X", "second-hand Y") is its own to give whoever made it, so a second
item of the giver's own make in the sentence no longer takes the first item's seller away.
Own-words sentences; no labelled article's names or numbers.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 3, 14)

#: (as written, catalogue name) of German-made items
_GERMAN = [
    ("Leopard 1 tanks", "Leopard 1"),
    ("Gepard anti-aircraft guns", "Gepard"),
    ("Marder infantry fighting vehicles", "Marder"),
    ("Boxer armoured vehicles", "Boxer"),
]
_NOUNS = ["donations", "deliveries", "transfers", "shipments"]
_VERBS = ["which have included", "which have also included", "that have included", "which included"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_GERMAN), st.sampled_from(_NOUNS), st.sampled_from(_VERBS))
def test_item_of_a_plural_transfer_relative_clause(item: tuple[str, str], noun: str, verb: str) -> None:
    """Pattern "A has sent B N X, the latest of its <transfers>, <which have included> Y": Y is a
    transfer from A to B as well as X."""
    written, name = item
    text = f"Germany has sent Moldova 30 Piranha armoured vehicles this month, the latest of its {noun}, {verb} {written}."
    got = triples(text, PUB)
    assert ("DEU", "MDA", name) in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["retired", "second-hand", "surplus", "decommissioned", "used"]), st.sampled_from(_GERMAN)
)
def test_used_stock_of_foreign_make_keeps_its_giver(used: str, item: tuple[str, str]) -> None:
    """Pattern "A has given B N <used> X (made elsewhere), ... which have included Y (A's own make)":
    A gives both; the foreign make of its own old fleet does not hand X to its maker."""
    text = (
        f"Germany has given Moldova 20 {used} M113 armoured personnel carriers, the latest of its donations, "
        f"which have included {item[0]}."
    )
    got = triples(text, PUB)
    assert ("DEU", "MDA", item[1]) in got
    assert ("DEU", "MDA", "M-113") in got


def test_singular_sale_components_stay_parts() -> None:
    """A singular sale's relative clause lists one item's parts ("a sale of X, which would include Y
    missiles"): no claim of the part."""
    text = "Washington approved the sale of 12 MH-60R helicopters to Norway, which would include Hellfire missiles."
    got = triples(text, PUB)
    assert not any(t[2] and "Hellfire" in t[2] for t in got)
