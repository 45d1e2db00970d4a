"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 12), in our own
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


# --- a framework agreement sets terms for contracts still to come: talks, not a contract ------------


@settings(max_examples=30, deadline=None)
@given(
    sentence=st.sampled_from(
        [
            "Spain signed a framework agreement with Germany's KNDS for up to {n} Leopard 2A8 tanks.",
            "Germany's KNDS said it had signed a framework agreement with Spain covering {n} Leopard 2A8 tanks.",
            "Spain has signed a new framework agreement with Germany for the supply of {n} Leopard 2A8 tanks.",
            "A framework agreement for {n} Leopard 2A8 tanks from Germany was signed by Spain in May.",
        ]
    ),
    n=st.sampled_from(["30", "44", "twelve"]),
)
def test_a_signed_framework_agreement_is_negotiating(sentence: str, n: str) -> None:
    """ "signed a framework agreement for N X": the terms of orders still to be placed (negotiating)."""
    assert _stages(sentence.format(n=n), "DEU", "ESP") == {"negotiating"}


def test_a_contract_under_a_framework_agreement_is_signed() -> None:
    """The contract signed under a framework agreement is a contract (signed)."""
    text = "Spain signed a contract with Germany for 30 Leopard 2A8 tanks under a framework agreement."
    assert _stages(text, "DEU", "ESP") == {"signed"}
