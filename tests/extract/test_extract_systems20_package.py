"""Which system a claim names: the items a deal's relative clause lists (helper systems20).

Why: "The package, which also included X, was held up" names X as an item of the deal in context
(a fact of its own with that deal's pair), and "also" says the deal's own system is still part of
the package; neither may be dropped for the other.  Sentences are the helper's own.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 7, 8)

_MAIN = st.sampled_from(["F-15EX fighters", "Apache helicopters", "Patriot batteries"])
_ITEM = st.sampled_from(
    [("AIM-120 missiles", "AIM-120"), ("Hellfire missiles", "Hellfire"), ("Javelin", "Javelin")]
)
_NOUN = st.sampled_from(["package", "deal", "sale"])
_REL = st.sampled_from(["which also included", "which Washington cleared in 2023 and which also included"])


def _key(name: str | None) -> str:
    """A system name as letters and digits only (the scorer's comparison)."""
    return re.sub(r"[^0-9a-z]", "", (name or "").lower())


@settings(max_examples=25, deadline=None)
@given(_MAIN, _ITEM, _NOUN, _REL)
def test_item_listed_in_a_relative_clause_of_the_deal(
    main: str, item: tuple[str, str], noun: str, rel: str
) -> None:
    """Pattern "A wants to buy X from B. The <deal>, <which also included> Y, has been held up":
    B sells Y to A (and the deal in context keeps its system)."""
    text = (
        f"Qatar wants to buy 24 {main} from the United States. "
        f"The $9 billion {noun}, {rel} {item[0]}, has been held up by Congress."
    )
    got = facts(text, PUB)
    assert any(f[:2] == ("USA", "QAT") and _key(item[1]) in _key(f[2]) for f in got), got
    head = _key(main.split()[0])
    assert any(f[:2] == ("USA", "QAT") and head in _key(f[2]) and f[3] == "delayed" for f in got), got


@settings(max_examples=10, deadline=None)
@given(_ITEM)
def test_named_main_item_takes_no_context_system(item: tuple[str, str]) -> None:
    """Limit: a sentence naming the package's main item before the list ("talks over X, a sale ... in a
    package that also included Y") adds no system of an earlier deal."""
    text = (
        "Poland ordered K9 howitzers from South Korea in 2022. "
        f"Talks between Qatar and the United States over F-15EX fighters, a sale approved in 2023 as part of "
        f"a package that also included {item[0]}, remain stalled."
    )
    got = facts(text, PUB)
    assert not any(f[2] and "K9" in f[2] and f[1] != "POL" for f in got), got


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from([("MQ-9B", "drones"), ("F-16 Block 70", "jets"), ("AH-64E", "helicopters")]),
    _ITEM,
    st.sampled_from(["which would include", "which will include", "that would include"]),
)
def test_components_of_a_sale_without_also_are_no_deal_items(
    main: tuple[str, str], item: tuple[str, str], rel: str
) -> None:
    """Limit (found at the merge: the own fixtures' DSCA notice): "the proposed sale, which would include Y
    missiles" lists the sale's components, no deal of their own; and "the <noun>" in the next sentence
    is still the sale's system, not the last component named."""
    name, noun = main
    text = (
        f"The State Department has approved the possible sale of 12 {name} {noun} to Morocco. "
        f"Congress was notified of the proposed sale, {rel} {item[0]} and spare parts. "
        f"Rabat is expected to sign a contract for the {noun} next year."
    )
    got = facts(text, PUB)
    assert not any(_key(item[1]) in _key(f[2]) for f in got), got
    assert any(f[:2] == ("USA", "MAR") and _key(name)[:3] in _key(f[2]) for f in got), got
