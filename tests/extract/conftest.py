"""The extractor's rule tests read every claim a rule makes: the candidates, before the claim model's
drop floor (``learned.ClaimModel.floor``).

Why: a rule test states what a construction yields ("a lease from a state keeps the lessee as buyer");
whether the shipped model then emits that claim by default is a different question, answered where the
shipped output is measured.  Those tests carry the ``shipped_output`` marker and see the floor as a
user does (the own-words fixtures, the labelled sets' floors, the claim model, the floor itself).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from kg.extract import learned


@pytest.fixture(autouse=True)
def _rules_see_candidates(request: pytest.FixtureRequest) -> Iterator[None]:
    model = learned.current_model()
    if request.node.get_closest_marker("shipped_output") or model is None or model.floor <= 0:
        yield
        return
    token = learned.use_model(dataclasses.replace(model, floor=0.0))
    try:
        yield
    finally:
        learned.reset_model(token)
