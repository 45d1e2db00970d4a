"""The state a purchase request goes to, and the weapons a requested platform can fire (issue 13,
helper pairs25).

Why: "B sent a (formal) request to A to buy X" and "a letter of request for N X was sent to A" name A
as the state asked to sell; the "to" read as a recipient made A a second buyer, and with several
systems in the sentence no frame was left at all.  A relative clause on the requested item naming the
weapons it can fire or carry ("X, which can fire Y missiles and Z interceptors") names no items of the
deal: Y and Z are the platform's capability.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims, triples

PUB = date(2025, 9, 21)

_ASKED = [("the United States", "USA"), ("Washington", "USA")]
_BUYERS = [("Poland", "POL"), ("Denmark", "DNK"), ("Japan", "JPN"), ("Morocco", "MAR")]
_PLATFORMS = ["HIMARS launchers", "Typhon missile systems", "Patriot batteries"]
_WEAPONS = [
    ("Tomahawk cruise missiles", "Tomahawk"),
    ("SM-6 interceptors", "SM-6"),
    ("ATACMS missiles", "ATACMS"),
]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_ASKED),
    st.sampled_from(_BUYERS),
    st.sampled_from(_PLATFORMS),
    st.sampled_from(_WEAPONS),
    st.sampled_from(_WEAPONS),
    st.sampled_from(["sent a formal request", "sent a letter of request", "sent a request"]),
)
def test_the_addressee_of_a_request_sells_and_the_carried_weapons_are_no_items(
    asked: tuple[str, str],
    buyer: tuple[str, str],
    platform: str,
    first: tuple[str, str],
    second: tuple[str, str],
    verb: str,
) -> None:
    """Pattern "B <sent a request> to A to buy X, which can fire Y and Z": A sells X to B; Y and Z
    are what X can fire, not items of the request."""
    (a_name, a3), (b_name, b3) = asked, buyer
    text = (
        f"{b_name} has {verb} to {a_name} to buy {platform}, which can fire {first[0]} and "
        f"{second[0]}, the defence ministry said on Monday."
    )
    got = triples(text, PUB)
    assert any(t[:2] == (a3, b3) and t[2] is not None for t in got), got
    assert all(t[1] != a3 for t in got), got  # the addressee buys nothing
    for _written, short in (first, second):
        assert not any(t[2] and short.lower() in t[2].lower() for t in got), got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_BUYERS),
    st.sampled_from([("Stryker", "vehicles"), ("Black Hawk", "helicopters"), ("Abrams", "tanks")]),
    st.integers(min_value=4, max_value=60),
    st.sampled_from(["January", "May", "October"]),
)
def test_a_letter_of_request_sent_to_a_state_names_the_seller(
    buyer: tuple[str, str], item: tuple[str, str], n: int, month: str
) -> None:
    """Pattern "a letter of request for N X was sent to A": A is asked to sell the X the article's
    buyer wants (the item and the buyer from the sentence before); the letter was sent, no arms."""
    (b_name, b3), (system, noun) = buyer, item
    text = (
        f"{b_name} wants to buy {system} {noun} from the United States to replace its old fleet. "
        f"A letter of request for {n} {noun} was sent to Washington in {month}, a ministry spokesman said."
    )
    got = claims(text, PUB)
    letter = [c for c in got if "letter of request" in c["evidence"]["text"]]
    assert any(
        c["supplier"] and c["supplier"]["iso3"] == "USA" and c["buyer"]["iso3"] == b3 for c in letter
    ), got
    assert all(c["status"] == "negotiating" for c in letter), letter
    assert all(c["buyer"]["iso3"] != "USA" for c in got), got
