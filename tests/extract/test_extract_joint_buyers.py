"""Co-buyers of one purchase (issue 13, helper joint11).

Why: "A, together with B, ordered X" and "A will negotiate the purchase jointly with B" name two
buyers of one deal, but "with B" was read as A's counterpart: B sold to A, or A lost its verb and
only B bought.  "A signed on behalf of itself, B and C" named C and B as bare mentions.  Each buyer
now gets its own claim of the same stage (the labels' convention for several buyers).  Each test
states the pattern in its own words; negative cases pin its limits ("signed with B" is the seller,
"together with B's maker" names a maker's home).
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims, triples

PUB = date(2025, 6, 2)

_PAIRS = [
    (("Portugal", "PRT"), ("Ireland", "IRL")),
    (("Chile", "CHL"), ("Uruguay", "URY")),
    (("Slovenia", "SVN"), ("Croatia", "HRV")),
]


def _buyers(text: str) -> set[str]:
    return {c["buyer"]["iso3"] for c in claims(text, PUB) if c.get("buyer")}


def _sellers(text: str) -> set[str]:
    return {c["supplier"]["iso3"] for c in claims(text, PUB) if c.get("supplier")}


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["together with", "jointly with"]),
    st.sampled_from(["ordered", "bought", "signed a contract for"]),
    st.sampled_from(_PAIRS),
)
def test_a_co_buyer_between_commas_buys_beside_the_subject(
    joint: str, verb: str, pair: tuple[tuple[str, str], tuple[str, str]]
) -> None:
    """Pattern "A, together with B, ordered N X from F": A and B both buy, neither sells."""
    (a, a3), (b, b3) = pair
    text = f"{a}, {joint} {b}, {verb} 16 Piranha armoured vehicles from General Dynamics."
    assert {a3, b3} <= _buyers(text)
    assert not {a3, b3} & _sellers(text)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["jointly with", "together with"]),
    st.sampled_from(["negotiate the purchase of", "buy", "procure"]),
    st.sampled_from(_PAIRS),
)
def test_a_purchase_made_jointly_with_b_has_b_as_a_buyer(
    joint: str, verb: str, pair: tuple[tuple[str, str], tuple[str, str]]
) -> None:
    """Pattern "A intends to buy X jointly with B": B is a second buyer, not A's seller."""
    (a, a3), (b, b3) = pair
    text = f"{a} intends to {verb} the Piranha armoured vehicles {joint} {b}."
    assert {a3, b3} <= _buyers(text)
    assert b3 not in _sellers(text)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["on behalf of itself,", "on behalf of"]), st.sampled_from(_PAIRS))
def test_states_a_buyer_signs_on_behalf_of_buy_too(
    behalf: str, pair: tuple[tuple[str, str], tuple[str, str]]
) -> None:
    """Pattern "A signed for X on behalf of (itself,) B and C": each named state buys."""
    (a, a3), (b, b3) = pair
    text = f"{a} signed a contract for the Piranha armoured vehicles {behalf} {b} and Paraguay."
    assert {a3, b3, "PRY"} <= _buyers(text)


def test_signing_with_a_state_still_names_the_seller() -> None:
    """Limit: "A signed with B for X": plain "with" is the counterpart, B sells."""
    got = triples("Portugal signed with Sweden for the Gripen fighters.", PUB)
    assert any(t[0] == "SWE" and t[1] == "PRT" for t in got)


def test_together_with_a_makers_home_is_no_co_buyer() -> None:
    """Limit: "together with B's maker" names the maker's firm, B is no second buyer."""
    text = "Portugal, together with Sweden's maker Saab, signed a contract for the Gripen fighters."
    assert "SWE" not in _buyers(text)


def test_a_co_seller_sells_beside_the_subject() -> None:
    """Limit: "A, together with B, sold X to C": B joins A's side, the seller's."""
    text = "Germany, together with Norway, sold the Piranha armoured vehicles to Chile."
    assert "NOR" not in _buyers(text)
    assert "CHL" in _buyers(text)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["and jointly by", "and by", "as well as by"]), st.sampled_from(_PAIRS))
def test_a_second_by_phrase_of_buyers_buys_too(
    joint: str, pair: tuple[tuple[str, str], tuple[str, str]]
) -> None:
    """Pattern "X has been ordered by A, and jointly by B and C": the second "by" phrase repeats the
    first one's role, so B and C buy as A does."""
    (a, a3), (b, b3) = pair
    text = f"The Boxer armoured vehicle has been ordered by {a}, {joint} {b} and Paraguay."
    assert {a3, b3, "PRY"} <= _buyers(text)


def test_a_second_by_phrase_of_makers_stays_no_buyer() -> None:
    """Limit: "made by A and by B": the second phrase is a maker as the first, no buyer."""
    text = "Chile ordered the Boxer armoured vehicles, which are built by Switzerland and by Spain."
    assert not {"CHE", "ESP"} & _buyers(text)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["joins", "has joined", "will join", "agreed to join"]),
    st.sampled_from(["order for", "purchase of", "procurement of"]),
    st.sampled_from(_PAIRS),
)
def test_a_state_joining_anothers_order_buys_too(
    verb: str, noun: str, pair: tuple[tuple[str, str], tuple[str, str]]
) -> None:
    """Pattern "A joins B's order for X": A and B both buy, B stays a buyer."""
    (a, a3), (b, b3) = pair
    text = f"{a} {verb} {b}'s {noun} HIMARS launchers from the United States."
    assert {a3, b3} <= _buyers(text)


def test_not_joining_a_purchase_names_no_buyer() -> None:
    """Limit: "A did not join the purchase" names no one's order to join: no claim for A."""
    text = "Chile bought HIMARS launchers from the United States. Peru did not join the purchase."
    assert "PER" not in _buyers(text)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        [
            "signed a contract for 40 Boxer armoured vehicles on behalf of itself,",
            "ordered 40 Boxer armoured vehicles together with",
        ]
    ),
    st.sampled_from(_PAIRS),
)
def test_a_list_of_co_buyers_is_no_background(
    lead: str, pair: tuple[tuple[str, str], tuple[str, str]]
) -> None:
    """Pattern "A signed for X on behalf of itself, B, C and D": a list of three or more states is
    background only when nothing ties it to the deal; co-buyers are tied through the signer."""
    (a, a3), (b, b3) = pair
    text = f"{a} {lead} {b}, Paraguay and Peru."
    assert {a3, b3, "PRY", "PER"} <= _buyers(text)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["like", "unlike", "just like"]),
    st.sampled_from(["chose", "selected", "opted for", "ordered"]),
    st.sampled_from(_PAIRS),
)
def test_a_state_compared_between_commas_leaves_the_subject_the_chooser(
    like: str, verb: str, pair: tuple[tuple[str, str], tuple[str, str]]
) -> None:
    """Pattern "A, like B, chose X": A chose (the buyer); B is only compared with, no buyer here."""
    (a, a3), (b, b3) = pair
    text = f"{a}, {like} {b}, {verb} the IRIS-T SLM air defence system."
    got = _buyers(text)
    assert a3 in got
    assert b3 not in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        [
            "Lockheed Martin received",
            "Lockheed Martin was awarded",
            "The US Air Force awarded Lockheed Martin",
        ]
    ),
    st.sampled_from([("Bulgaria", "BGR"), ("Jordan", "JOR"), ("Slovakia", "SVK")]),
)
def test_a_contract_on_behalf_of_a_state_makes_it_the_buyer(lead: str, buyer: tuple[str, str]) -> None:
    """Pattern "F received a contract for X on behalf of B" (a foreign military sale): B buys, even
    though the party before it is the seller."""
    got = triples(f"{lead} a contract for 16 F-16 jets on behalf of {buyer[0]}.", PUB)
    assert any(t[0] == "USA" and t[1] == buyer[1] for t in got)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["together with", "jointly with"]),
    st.sampled_from(["will deliver", "sent", "has supplied"]),
)
def test_a_co_party_after_the_recipient_joins_the_subject(joint: str, verb: str) -> None:
    """Limit: "A will deliver X to C together with B": B joins the subject A (a giver), never the
    nearer recipient C."""
    text = f"Germany {verb} 100 Leopard 1 tanks to Ukraine {joint} Denmark and the Netherlands."
    got = _buyers(text)
    assert "UKR" in got
    assert not {"DNK", "NLD"} & got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["selection of", "choice of", "final selection of"]),
    st.sampled_from(["was announced on Monday", "surprised analysts", "ends a long competition"]),
    st.sampled_from([("Portugal", "PRT"), ("Chile", "CHL"), ("Ireland", "IRL")]),
)
def test_a_states_selection_told_as_a_possessive_noun_is_approved(
    noun: str, rest: str, buyer: tuple[str, str]
) -> None:
    """Pattern "A's selection of the X was announced": A chose the X, status approved."""
    got = claims(f"{buyer[0]}'s {noun} the K9 howitzer {rest}.", PUB)
    assert any(c["buyer"]["iso3"] == buyer[1] and c["status"] == "approved" for c in got if c.get("buyer"))
