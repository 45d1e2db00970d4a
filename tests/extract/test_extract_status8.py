"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 8), in our own
words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the newsset
fixtures), read with the labelling guidelines (rule 5) and the newsset conventions.
"""

from __future__ import annotations

from datetime import date

from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)


def _stages(text: str, supplier: str, buyer: str) -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text`` (denials left out)."""
    return claim_facts.stages(text, PUB, supplier, buyer)


# --- "placed an emergency order with B for X": an order of any kind is signed ----------------------


@settings(max_examples=30, deadline=None)
@given(
    kind=st.sampled_from(["an emergency", "an urgent", "a fast-track", "a $400 million", "a small"]),
    verb=st.sampled_from(["has placed", "placed", "had placed"]),
)
def test_an_order_placed_with_a_maker_is_signed(kind: str, verb: str) -> None:
    """ "A placed an emergency order with B's maker for X": the order is placed, whatever word says
    its kind (a firm or repeat order already was signed)."""
    text = f"Chile {verb} {kind} order with Germany's Rheinmetall for Skyranger air defence guns, officials said."
    assert "signed" in _stages(text, "DEU", "CHL")


def test_an_order_book_is_no_order() -> None:
    """ "placed its order book": a maker's backlog, no buyer's order."""
    text = "Rheinmetall placed its order book at a record level as Chile studied Skyranger air defence guns."
    assert "signed" not in _stages(text, "DEU", "CHL")


# --- "the second operator after B, which ordered N X in 2022": B's own stage -------------------------


@settings(max_examples=30, deadline=None)
@given(
    noun=st.sampled_from(["operator", "user", "foreign operator", "export customer"]),
    verb=st.sampled_from(["ordered", "contracted", "signed for", "placed an order for"]),
)
def test_a_listed_customers_relative_clause_gives_its_stage(noun: str, verb: str) -> None:
    """ "C would become the second X operator after B, which ordered 40 of them in 2023": the clause
    on the earlier customer states its own order (signed); 'operator' alone would read as in service."""
    text = (
        f"Peru would become the second {noun} of the Leopard 2A8 after Chile, which {verb} "
        "40 Leopard 2A8 tanks from Germany in 2023."
    )
    assert _stages(text, "DEU", "CHL") == {"signed"}


def test_a_listed_customers_delivery_clause_stays_a_delivery() -> None:
    """ "after B, which ordered N X in 2021 and received them last year": the delivery outranks the
    order told beside it; a bare 'bought' keeps the noun's reading (an operator has it in service)."""
    for clause in (
        "ordered 40 Leopard 2A8 tanks from Germany in 2021 and received them last year",
        "bought 40 Leopard 2A8 tanks from Germany",
    ):
        text = f"Peru would become the second operator of the Leopard 2A8 after Chile, which {clause}."
        assert _stages(text, "DEU", "CHL") == {"delivered"}


# --- "the first NATO member to buy it": a first of buyers, no first batch ---------------------------


@settings(max_examples=30, deadline=None)
@given(
    first=st.sampled_from(
        [
            "the first NATO member",
            "the first European Union member",
            "the first alliance member",
            "the first ally",
        ]
    ),
    verb=st.sampled_from(["received", "took delivery of", "has received"]),
)
def test_the_first_member_to_buy_is_no_first_batch(first: str, verb: str) -> None:
    """ "A, the first NATO member to buy the drone, received 24 X": a first of buyers, as 'the first
    export customer' already was; the whole delivery stays delivered."""
    text = f"Chile, {first} to buy the drone, {verb} 24 TB2 drones from Turkey in 2022 and 2023."
    assert _stages(text, "TUR", "CHL") == {"delivered"}


# --- "the first vehicles were accepted by the Army": a force taking the items --------------------


@settings(max_examples=30, deadline=None)
@given(
    passive=st.sampled_from(
        [
            "were accepted by the Army",
            "were formally accepted by the Chilean Army",
            "have been accepted by the navy",
        ]
    ),
    when=st.sampled_from(["in 2024", "last year", "in March"]),
)
def test_items_accepted_by_a_force_are_a_delivery(passive: str, when: str) -> None:
    """ "The first X were accepted by the Army in 2024": the buyer's force took the items (a delivery,
    under way for the first ones), as 'the army accepted the first X' already was."""
    text = f"Chile ordered 30 K9 howitzers from South Korea in 2021. The first K9 howitzers {passive} {when}."
    assert "delivering" in _stages(text, "KOR", "CHL")


def test_an_offer_accepted_by_a_ministry_is_no_delivery() -> None:
    """ "the offer was accepted by the ministry": a choice, not items in hand."""
    text = "South Korea offered 30 K9 howitzers to Chile. The offer was accepted by the defence ministry in 2024."
    assert not {"delivering", "delivered"} & _stages(text, "KOR", "CHL")


# --- a deal noun after a list of one pair's items refers to the list's head ------------------------


@settings(max_examples=30, deadline=None)
@given(
    back=st.sampled_from(
        [
            "The contract follows the Chilean Parliament's approval of the acquisition in June.",
            "Parliament approved the purchase in June.",
            "The Chilean Senate cleared the deal in June.",
        ]
    ),
)
def test_a_deal_noun_after_a_list_is_the_heads_deal(back: str) -> None:
    """ "A signed to buy N X and M Y. Parliament approved the purchase in June.": the deal noun names
    the deal, whose head item is X (not only the list's last item, Y)."""
    text = f"Chile has signed a contract with South Korea to buy 54 K9 howitzers and 36 K10 resupply vehicles. {back}"
    facts = {(c["system"]["name"], c["status"]) for c in claim_facts.claims(text, PUB) if c["system"]}
    approved = {name for name, status in facts if status == "approved"}
    assert approved and not any("K10" in name for name in approved), facts


# --- "will keep its X, bought from A in the 2000s, in service": a fleet in hand --------------------


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["will keep", "keeps", "will retain", "retains"]),
    part=st.sampled_from(["bought", "purchased"]),
)
def test_a_kept_fleet_bought_long_ago_is_delivered(verb: str, part: str) -> None:
    """ "A will keep its X, bought from B in the 2000s, in service": a fleet in hand (delivered), as
    'A flies N X bought from B' already was; not talks because of the future verb."""
    text = f"Chile has said it {verb} its Leopard 2A4 tanks, {part} from Germany in the 2000s, in service until 2035."
    assert _stages(text, "DEU", "CHL") == {"delivered"}
