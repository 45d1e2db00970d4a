"""Whether a sentence states a deal at all (issue 13, helper frames12).

Why: a claim about a pair no deal ties costs precision, a deal told in a shape the vocabulary
lacks costs recall.  Each test states one general pattern in its own words, with parties and
systems no labelled article pairs; negative cases pin the limit of the rule.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 6, 2)


# -- a permission received is no delivery -----------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["has received", "received", "has now received", "receives"]),
    st.sampled_from(
        [
            "Paris's formal consent",
            "French approval",
            "the go-ahead from Paris",
            "France's permission",
            "a licence",
        ]
    ),
    st.sampled_from(["send", "re-export", "transfer"]),
)
def test_a_permission_received_is_no_delivery(verb: str, leave: str, act: str) -> None:
    """Pattern "A has received B's consent to send N X to C": A got a permission, not the items; A
    takes no delivery of X from B."""
    text = f"Athens {verb} {leave} to {act} 12 Caesar howitzers to Armenia."
    got = facts(text, PUB)
    assert not any(f[1] == "GRC" and f[3] in ("delivered", "delivering") for f in got)


def test_items_received_are_still_a_delivery() -> None:
    """The limit: items received (not a permission) stay a delivery to the receiver."""
    got = facts("Greece received 12 Caesar howitzers from France in May.", PUB)
    assert ("FRA", "GRC", "delivered") in {(f[0], f[1], f[3]) for f in got}


# -- a gift told with two objects -------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["gave", "has given", "had given"]),
    st.sampled_from(
        [
            ("its first submarine, the Kilo-class boat", "Kilo-class"),
            ("a Kilo-class submarine", "Kilo-class"),
            ("all six of its Gepard anti-aircraft tanks", "Gepard"),
            ("both of its Gepard tanks", "Gepard"),
        ]
    ),
)
def test_a_gift_with_recipient_then_item_is_a_transfer(verb: str, item: tuple[str, str]) -> None:
    """Pattern "A gave B its first X", "A has given B all N of its X": the recipient comes first,
    then the item with its determiner (singular too): A supplied B."""
    phrase, name = item
    got = facts(f"In 2019 Norway {verb} Bangladesh {phrase}.", PUB)
    assert any(f[0] == "NOR" and f[1] == "BGD" and f[2] and name.lower() in f[2].lower() for f in got)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["a chance to test its new missiles", "an edge with its drones", "a week for its tanks"])
)
def test_a_recipient_given_a_chance_is_no_gift(rest: str) -> None:
    """The limit: "gave B a chance to test its missiles" hands over no item."""
    got = facts(f"The exercise gave Bangladesh {rest}, Norway said.", PUB)
    assert not any(f[1] == "BGD" for f in got)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["decided", "decided in March", "agreed", "voted"]),
    st.sampled_from(["give Ukraine 14 Mi-8 helicopters", "hand over 14 Mi-8 helicopters to Ukraine"]),
)
def test_a_decision_to_give_from_stocks_is_approved(decided: str, act: str) -> None:
    """Pattern "A decided to give B N X": the giving state's decision (approved, as "decided to
    donate"); A supplies, never buys."""
    got = facts(f"Slovenia {decided} to {act}.", PUB)
    assert ("SVN", "UKR", "Mi-8", "approved") in got
    assert not any(f[1] == "SVN" for f in got)


# -- a bidder's proposal handed in --------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["has submitted", "submitted", "has also presented", "tabled", "lodged"]),
    st.sampled_from(["a proposal", "its proposal", "a revised proposal", "proposals"]),
)
def test_a_proposal_submitted_is_an_offer(verb: str, proposal: str) -> None:
    """Pattern "A's maker has submitted a proposal with its X during a visit to B": the bidder offers
    X to the buyer the paragraph is about."""
    text = f"Peru wants new frigates. Italy's Fincantieri {verb} {proposal} with its FREMM design during a visit to Lima."
    got = facts(text, PUB)
    assert ("ITA", "PER", "FREMM", "offered") in {(f[0], f[1], (f[2] or "").split()[0], f[3]) for f in got}


# -- an alliance named after a capital ------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["air forces", "members", "armies", "states"]),
    st.sampled_from(["were supplied to", "went to", "were sold to"]),
)
def test_an_alliance_named_after_a_capital_is_no_buyer(members: str, verb: str) -> None:
    """Pattern "X were supplied to Warsaw Pact air forces": the bloc named after a city is no state;
    the city's country buys nothing."""
    got = facts(f"Hundreds of MiG-21 jets {verb} Warsaw Pact {members} in the 1970s.", PUB)
    assert not any(f[1] == "POL" for f in got)


# -- goods that are no arms ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["has sent", "provided", "has delivered", "shipped"]),
    st.sampled_from(
        [
            "humanitarian aid and medical supplies",
            "non-military equipment such as generators",
            "food, fuel and non-lethal equipment",
            "medical supplies",
        ]
    ),
)
def test_civil_goods_are_no_arms_transfer(verb: str, goods: str) -> None:
    """Pattern "A has sent humanitarian aid and non-military equipment to B": no arms change hands,
    so no system-less deal between A and B."""
    assert not facts(f"Japan {verb} {goods} to Moldova since 2022.", PUB)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        ["weapons and humanitarian aid", "military equipment and medical supplies", "ammunition and food"]
    )
)
def test_arms_beside_civil_goods_stay_a_transfer(goods: str) -> None:
    """The limit: arms named beside the civil goods keep the system-less transfer."""
    assert any(f[:3] == ("JPN", "MDA", None) for f in facts(f"Japan has sent {goods} to Moldova.", PUB))


# -- retired items changing hands ---------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["have held talks on", "are in talks on", "are discussing"]),
    st.sampled_from(["the transfer of retired", "the possible transfer of retired", "the sale of retired"]),
)
def test_retired_items_traded_are_the_deal_item(talks: str, traded: str) -> None:
    """Pattern "A and B have held talks on the transfer of retired X": "retired" describes the surplus
    items changing hands, not a fleet a purchase replaces; X is the item of the talks."""
    got = facts(f"Jakarta and Tokyo {talks} {traded} Abukuma-class destroyer escorts.", PUB)
    assert any(f[:3] == ("JPN", "IDN", "Abukuma-class") for f in got)


def test_a_retired_fleet_replaced_is_still_no_deal_item() -> None:
    """The limit: "bought X to replace its retired Y" buys X; the retired Y is no item."""
    got = facts("Indonesia bought 24 Rafale jets from France to replace its retired F-5 fighters.", PUB)
    assert not any(f[2] and "F-5" in f[2] for f in got)


# -- a second seller in a clause of its own -------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["; ", ", and ", ", but ", ", while "]),
    st.sampled_from(["Sweden has offered the Gripen", "Sweden is pitching the Gripen"]),
)
def test_a_seller_in_another_clause_leaves_the_first_deal(join: str, other: str) -> None:
    """Pattern "A signed for N X; B has offered the Y": B sells Y in its own clause; A's X deal stays,
    its seller the one X's origin gives."""
    got = facts(f"Portugal signed for 27 F-35 fighters in 2024{join}{other}.", PUB)
    assert any(f[:3] == ("USA", "PRT", "F-35") for f in got)
    assert not any(f[0] == "SWE" and f[2] == "F-35" for f in got)


def test_a_giver_in_the_same_clause_is_not_replaced_by_the_origin() -> None:
    """The limit: "B delivered two X, along with several Y": B gives X (a re-export or donation); the
    origin of X does not stand in for B."""
    text = "Moldova wants air defence. Norway has delivered two Patriot systems, along with several IRIS-T SLM systems."
    assert not any(f[0] == "USA" for f in facts(text, PUB))
