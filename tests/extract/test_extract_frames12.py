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
