"""A deal told with its count before the text names it ("six submarines ... The project, known as X"):
the system-less sentence is the same deal, so it takes the dyad's one named system instead of being
dropped as an echo, and its stage and count stay with the deal (claims.py ``_drop_systemless_echoes``)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text

PUB = date(2025, 8, 20)


@settings(max_examples=15, deadline=None)
@given(n=st.integers(min_value=2, max_value=40), verb=st.sampled_from(["cleared", "approved"]))
def test_a_counted_deal_named_later_keeps_its_stage_and_count(n: int, verb: str) -> None:
    text = (
        f"The Brazilian cabinet has {verb} talks with a local yard for {n} diesel submarines to be built "
        "with France's Naval Group. The programme, known as Scorpene, will run for a decade. The boats "
        "will be assembled in Rio under a technology transfer agreement with the French firm."
    )
    claims = extract_text(text, PUB)
    named = [(c.system.name if c.system else None, c.status, c.quantity) for c in claims]
    assert any(s is not None and st_ == "approved" and q == n for s, st_, q in named), named
    assert all(s is not None for s, _, _ in named), named


def test_an_uncounted_echo_is_still_dropped() -> None:
    text = (
        "Brazil signed a contract with France for four Scorpene submarines. The deal was welcomed by "
        "the navy, officials said."
    )
    claims = extract_text(text, PUB)
    assert all(c.system is not None for c in claims)
    assert len({c.deal_key for c in claims}) == 1
