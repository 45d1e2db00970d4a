"""Which system a claim names: a maker's system sold to buyers the text does not name (helper systems20).

Why: "the maker is in talks with a European customer over its X, without naming the country" or "has
export contracts with 35 countries for X" names no buyer; the article's focus state (the buyer of
its main deal) buys none of X, so a claim of it about X names a system that state never sought.
Sentences are the helper's own.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 10, 11)
_LEAD = "Chile signed a contract with Spain for six C-295 aircraft in March. "

_UNNAMED = st.sampled_from(
    [
        "Separately, Airbus said it was in discussions with a European customer over its A400M, without naming the country.",
        "Separately, Airbus said it was in talks with an Asian buyer regarding the A400M.",
        "Airbus said it had signed export contracts with 12 countries for the A400M.",
        "Airbus said it had deals with several other customers for the A400M, without identifying the buyer.",
    ]
)


@settings(max_examples=15, deadline=None)
@given(_UNNAMED)
def test_unnamed_buyers_are_not_the_focus_state(sentence: str) -> None:
    """Pattern "maker <talks/contracts> with <a European customer | N countries> for X": no claim of the
    article's focus buyer about X."""
    got = facts(_LEAD + sentence, PUB)
    assert not any(f[1] == "CHL" and f[2] and "A400M" in f[2] for f in got), got
    assert any(f[1] == "CHL" and f[2] and "C-295" in f[2] for f in got), got


def test_named_buyer_beside_unnamed_ones_stays() -> None:
    """Limit: a sentence that names its buyer keeps it, whatever other customers it mentions."""
    text = (
        _LEAD
        + "Airbus also signed a contract with Peru for two A400M transports, one of several deals with other customers."
    )
    got = facts(text, PUB)
    assert any(f[1] == "PER" and f[2] and "A400M" in f[2] for f in got), got
