"""The lifecycle stage on news wordings found failing on the tuning halves (issue 13), in our own words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the
newsset fixtures), read with the labelling guidelines (rule 5): equipment in service is delivered.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)


def _stages(text: str, supplier: str = "DEU", buyer: str = "PER") -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text`` (denials left out)."""
    return claim_facts.stages(text, PUB, supplier, buyer)


# --- a fleet the buyer operates now is in service (delivered), whenever it was bought -----------


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian army currently operates Leopard 1 tanks bought second-hand from Germany in 2011.",
        "Peru's navy is currently operating two Type 209 submarines purchased from Germany in 1983.",
    ],
)
def test_a_fleet_currently_operated_is_delivered_not_a_signed_purchase(text: str) -> None:
    assert _stages(text) == {"delivered"}


#: in-service wordings read alike: the adverb of the present fleet does not change the stage
_IN_SERVICE_WORDINGS = ["currently operates", "still operates", "already operates"]


@settings(max_examples=20, deadline=None)
@given(wording=st.sampled_from(_IN_SERVICE_WORDINGS))
def test_swapping_an_in_service_adverb_keeps_the_delivered_stage(wording: str) -> None:
    text = f"The Peruvian army {wording} Leopard 1 tanks bought from Germany in 2011."
    assert _stages(text) == {"delivered"}, wording
