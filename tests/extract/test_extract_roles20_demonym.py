"""A state adjective on another item after the named system sells not the system (issue 13, helper roles20).

Why: "B held talks with A over the X and has received C-ish drones" names two purchases; the
adjective qualifies the item noun right after it, not the X named before.  The rule already set
aside such an adjective far before the system; after it, the adjective's state took the X's sale from
the "with A" counterpart (or from the X's own maker).  Own-words sentences; the negative case pins
the limit (an adjective of the system's own maker stays).
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 5, 5)

_DEALS = [
    ("France", "FRA", "Rafale jets"),
    ("South Korea", "KOR", "KF-21 fighters"),
    ("Turkey", "TUR", "KAAN fighters"),
]
_BUYERS = [("Egypt", "EGY"), ("Indonesia", "IDN"), ("Saudi Arabia", "SAU")]
_OTHERS = [("Chinese", "CHN"), ("Iranian", "IRN"), ("Belarusian", "BLR")]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_DEALS),
    st.sampled_from(_BUYERS),
    st.sampled_from(_OTHERS),
    st.sampled_from(
        [
            "{b} has held talks with {s} over more {x} and has received {o} drones.",
            "{b} bought 24 {x} from {s} and later some {o} drones.",
            "{b} is in talks with {s} over {x}, and has also bought {o} armed drones.",
        ]
    ),
)
def test_an_adjective_on_a_later_item_does_not_sell_the_named_system(
    deal: tuple[str, str, str], buyer: tuple[str, str], other: tuple[str, str], frame: str
) -> None:
    """Pattern "<buyer> ... <seller> over the X and ... <adjective> drones": the X's seller is the
    counterpart, never the adjective's state."""
    (s, s3, x), (b, b3), (o, o3) = deal, buyer, other
    got = {(sup, buy) for sup, buy, sysname in triples(frame.format(b=b, s=s, x=x, o=o), PUB) if sysname}
    assert (s3, b3) in got
    assert (o3, b3) not in got


def test_an_adjective_of_the_systems_own_maker_stays() -> None:
    """Limit: "the X, a French design" names the X's own maker, who keeps its sale."""
    assert ("FRA", "EGY") in {
        (s, b) for s, b, _ in triples("Egypt ordered 24 Rafale jets, French fighters.", PUB)
    }
