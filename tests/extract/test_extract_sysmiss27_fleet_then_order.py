"""A purchase told in a predicate coordinated after the buyer's fleet verb is news, not a fleet.

Why: news sums up a force in one sentence, its fleet first and its latest order second ("B operates
X-made P and has ordered Q", "B flies P, and last year it ordered more P").  The buyer is the
subject of both verbs, so its cue is the fleet verb, and with only the item's origin as seller every
item of the sentence was read as a fleet in service and dropped as background, the ordered one too.
The second predicate's own object is a deal the text states (its seller the item's origin, as the
labelling takes it), unless the sentence names another seller; the items of the fleet verb stay a
fleet.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text

#: (buyer, its sentence subject) pairs: a state's name or its capital
_BUYERS = [("KEN", "Kenya"), ("BOL", "Bolivia"), ("NGA", "Abuja"), ("ZMB", "Zambia"), ("UZB", "Tashkent")]
#: (fleet item, ordered item) of one origin (China), each with its noun
_CHINESE = [
    ("VT-4 tanks", "Wing Loong II drones"),
    ("K-8 trainers", "VT-4 tanks"),
    ("Wing Loong II drones", "CH-4 drones"),
]
#: (fleet items, the one ordered again with its noun, its plural) of one origin (the United States)
_AMERICAN = [
    ("F-16 jets, C-130 transports", "F-35A jets", "F-35As"),
    ("C-130 transports, F-16 jets", "AH-64E helicopters", "AH-64Es"),
]
_ORDER_VERBS = ["has ordered", "has signed for", "last year ordered", "recently bought"]


def _pairs(text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (c.supplier.iso3 if c.supplier else None, c.buyer.iso3, c.system.name if c.system else None)
        for c in extract_text(text)
    }


def _stated(pairs: set[tuple[str | None, str, str | None]], supplier: str, buyer: str, item: str) -> bool:
    head = item.split()[0].split("-")[0].lower()
    return any(s == supplier and b == buyer and y and y.lower().startswith(head) for s, b, y in pairs)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_BUYERS),
    st.sampled_from(_CHINESE),
    st.sampled_from(_ORDER_VERBS),
    st.integers(min_value=4, max_value=40),
)
def test_the_ordered_item_after_a_fleet_is_a_deal(
    buyer: tuple[str, str], items: tuple[str, str], verb: str, n: int
) -> None:
    iso, subject = buyer
    fleet, ordered = items
    text = f"{subject} already operates Chinese-made {fleet} and {verb} {n} {ordered}."
    assert _stated(_pairs(text), "CHN", iso, ordered)


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(_AMERICAN), st.integers(min_value=2019, max_value=2024))
def test_more_of_the_fleet_item_ordered_in_a_second_clause(
    buyer: tuple[str, str], items: tuple[str, str, str], year: int
) -> None:
    iso, subject = buyer
    fleet, item, plural = items
    text = f"{subject} operates {fleet} and {item}, and it placed an order for 12 more {plural} in {year}."
    assert _stated(_pairs(text), "USA", iso, item)


def test_a_fleet_alone_stays_background() -> None:
    assert not _pairs("Zambia already operates Chinese-made VT-4 tanks and K-8 trainers.")


def test_a_named_seller_keeps_the_co_origin_out() -> None:
    """ "the A-B X, bought from <A's firm>, and ordered more X": the firm's state sells, B does not."""
    pairs = _pairs(
        "Quito has long operated the Italian-Brazilian AMX, obtained via Embraer in 2012, "
        "and in 2024 ordered four more AMX jets."
    )
    assert ("BRA", "ECU") in {(s, b) for s, b, _y in pairs}
    assert not any(s == "ITA" and b == "ECU" for s, b, _y in pairs)
