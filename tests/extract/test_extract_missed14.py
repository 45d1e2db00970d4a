"""Deals missed whole and deals invented whole (issue 13, helper missed14).

Why: a deal told in a shape the vocabulary lacks is missed with every party; each test states one
general pattern of real reporting in its own words, with parties and systems no labelled article
pairs; negative cases pin the limit of the rule.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 3, 10)


def _pairs(text: str) -> set[tuple[str | None, str | None, str | None, str]]:
    return {(f[0], f[1], f[2], f[3]) for f in facts(text, PUB)}


# -- a standing supplier relation told from the seller's side (labelling rule 5: unknown) ----------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["largest", "main", "biggest", "top", "leading"]),
    st.sampled_from(["customer", "arms customer", "export customer", "client"]),
    st.sampled_from(["was", "remained", "is", "has been"]),
)
def test_buyer_named_as_the_sellers_customer(adj: str, noun: str, verb: str) -> None:
    """Pattern "B was A's largest customer" and "A's largest customer was B": A supplies B, a
    standing relation without a deal stage (``unknown``)."""
    assert ("ESP", "CHL", None, "unknown") in _pairs(f"Chile {verb} Spain's {adj} {noun} over the period.")
    assert ("ESP", "CHL", None, "unknown") in _pairs(f"Spain's {adj} {noun} {verb} Chile, the report said.")


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["recipient", "customer", "importer", "buyer"]),
    st.sampled_from(["Spanish arms", "Spain's weapons", "Spanish exports", "Spain's arms exports"]),
)
def test_buyer_named_as_largest_recipient_of_the_sellers_arms(noun: str, goods: str) -> None:
    """Pattern "B was the largest recipient of A's arms": A supplies B (``unknown``)."""
    assert ("ESP", "CHL", None, "unknown") in _pairs(
        f"Chile was the largest {noun} of {goods} in those years."
    )


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(["recipients", "customers", "clients"]), st.sampled_from(["rose by 40%", "fell sharply"])
)
def test_exports_with_a_list_of_main_recipients(noun: str, change: str) -> None:
    """Pattern "A's exports rose, with B and C the main recipients" and "B and C were A's largest
    customers": every state of the list is a buyer of A's."""
    got = _pairs(f"Spain's arms exports {change}, with Chile and Peru the main {noun}.")
    assert {("ESP", "CHL", None, "unknown"), ("ESP", "PER", None, "unknown")} <= got
    got = _pairs(f"Chile and Peru were Spain's largest {noun} over the five years.")
    assert {("ESP", "CHL", None, "unknown"), ("ESP", "PER", None, "unknown")} <= got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["a key customer for", "a possible customer for", "the first customer for"]))
def test_customer_of_a_system_is_no_relation_between_states(phrase: str) -> None:
    """Limit: "B, a key customer for Spanish ships, ..." names no seller's customer by possession,
    and a company's customer ("the maker's largest customer") is no state's."""
    assert not _pairs(f"Chile, {phrase} Spanish ships, has said nothing about its plans.")
    assert not _pairs("The maker's largest customer was the national airline, the report said.")


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["main", "largest", "top"]),
    st.sampled_from(["suppliers", "arms suppliers"]),
    st.sampled_from(["Italy and Japan", "Italy, Japan and Canada", "Japan and Italy"]),
)
def test_every_state_of_a_supplier_list_supplies_the_buyer(adj: str, noun: str, states: str) -> None:
    """Pattern "A and B remain Y's main suppliers", "Y's main suppliers are A and B": each state of
    the list supplies Y (a standing relation, ``unknown``), not only the one next to Y."""
    want = {("ITA", "CHL", None, "unknown"), ("JPN", "CHL", None, "unknown")}
    assert want <= _pairs(f"{states} remain Chile's {adj} {noun}, the institute said.")
    assert want <= _pairs(f"Chile's {adj} {noun} are {states}, the institute said.")


# -- a corporate takeover is no arms transfer ---------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        [
            "Saab completed its acquisition of Finnish drone maker Arctic Wing",
            "Saab has acquired the Finnish shipbuilder Arctic Yards",
            "Saab bought a 20% stake in Finland's Arctic Wing",
            "Saab agreed to buy the Finnish radar firm Arctic Wing",
            "Saab took over the Finnish engine manufacturer Arctic Wing",
        ]
    ),
    st.sampled_from([" in May.", " for 60 million euros.", ", the company said."]),
)
def test_buying_a_firm_is_no_arms_deal(takeover: str, tail: str) -> None:
    """Pattern "A's firm acquired B's maker N" / "bought a stake in B's N": a takeover of a company
    (or a share of one), no weapons sold from B to A."""
    assert not _pairs(takeover + tail)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["maker", "firm", "company"]))
def test_items_bought_from_a_firm_stay_a_deal(noun: str) -> None:
    """Limit: "B bought 12 jets from the Korean maker N": the firm is the seller of the items."""
    assert ("KOR", "PER", None, "unknown") in _pairs(
        f"Peru bought 12 jets from the Korean {noun} KAI in 2019."
    )


# -- the buyer's taking over of the items: a delivery ----------------------------------------------


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        ["took possession of", "has taken possession of", "took charge of", "has taken charge of"]
    ),
    st.sampled_from(["the first", "its first two", "the last"]),
)
def test_taking_charge_of_items_is_a_delivery(verb: str, which: str) -> None:
    """Pattern "B took possession / charge of the first X from A": the items reached the buyer (a
    delivery stage, ``delivering`` or ``delivered``)."""
    got = _pairs(f"Chile {verb} {which} K9 howitzers from South Korea on Monday.")
    assert any(
        f[:3] == ("KOR", "CHL", "K-9 Thunder 155mm") and f[3] in ("delivering", "delivered") for f in got
    )


def test_taking_charge_of_an_office_is_no_delivery() -> None:
    """Limit: "took charge of the navy" names a post, not items handed over."""
    got = _pairs("Admiral Soto took charge of the Chilean navy in May, after South Korea signed for K9 guns.")
    assert not any(f[3] in ("delivering", "delivered") for f in got)


# -- a deal told in nominal form -----------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["South Korea's sale of", "Seoul's sale of", "the South Korean sale of"]),
    st.sampled_from(["12 K9 howitzers", "K9 howitzers", "the K9 guns"]),
    st.sampled_from(["has drawn criticism", "was a first for the region", "went ahead quietly"]),
)
def test_a_sellers_sale_of_items_to_a_buyer_is_a_fact(seller: str, items: str, tail: str) -> None:
    """Pattern "A's sale of X to B (drew criticism)": the nominal form states A's transfer of X to B
    without its stage (``unknown``), though no verb of the sentence is a deal word."""
    got = _pairs(f"{seller[0].upper()}{seller[1:]} {items} to Chile {tail}.")
    assert ("KOR", "CHL", "K-9 Thunder 155mm", "unknown") in got


def test_a_sale_to_someone_else_names_no_buyer() -> None:
    """Limit: "the sale of X" with no recipient after it ("to B") is no fact of a buyer the text names."""
    assert not _pairs("South Korea's sale of K9 howitzers has drawn criticism at home.")


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["K9 order", "K9 howitzer order", "$300 million K9 order"]),
    st.sampled_from(["has drawn criticism", "is small", "was a first for the region"]),
)
def test_a_buyers_item_order_is_a_signed_fact(order: str, tail: str) -> None:
    """Pattern "B's X order (is small)": the buyer's order of the item, a contract signed (labelling
    rule 5: an order is ``signed``), though no verb of the sentence is a deal word."""
    got = _pairs(f"Chile's {order} from South Korea {tail}.")
    assert ("KOR", "CHL", "K-9 Thunder 155mm", "signed") in got


def test_an_order_book_or_order_of_battle_is_no_order() -> None:
    """Limit: "B's order of battle", "the maker's order book" name no order of an item."""
    assert not _pairs("Chile's order of battle lists K9 howitzers from South Korea.")


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["Italy with 12% and Japan with 9%", "Italy (12%) and Japan (9%)", "Italy and Japan"]),
)
def test_states_that_follow_a_ranked_supplier_supply_the_same_buyer(followers: str) -> None:
    """Pattern "A supplied 45% of Y's imports, followed by B with 12% and C": the followers rank
    beside A as Y's suppliers (a standing relation, ``unknown``)."""
    got = _pairs(f"Spain supplied 45% of Chile's arms imports, followed by {followers}.")
    assert {("ITA", "CHL", None, "unknown"), ("JPN", "CHL", None, "unknown")} <= got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Peru and Cuba", "Peru, then Cuba", "Peru with 20% and Cuba"]))
def test_states_that_follow_a_ranked_customer_buy_from_the_same_seller(followers: str) -> None:
    """Pattern "B remained A's main customer, followed by D and E": the followers are A's buyers;
    a demonym inside the clause ("of Spanish deliveries") is no follower."""
    got = _pairs(
        f"Chile remained Spain's main customer, taking 30% of Spanish deliveries, followed by {followers}."
    )
    assert ("ESP", "PER", None, "unknown") in got


def test_followed_by_without_a_relation_adds_no_party() -> None:
    """Limit: "followed by B" after a sentence with no supplier relation names no supplier or buyer."""
    assert not _pairs("The parade opened with Chilean troops, followed by Peru and Cuba.")
