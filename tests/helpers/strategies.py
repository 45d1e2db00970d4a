"""Hypothesis strategies shared by the extractor's property tests.

Why: the fast paths of ``kg/extract`` (prefilters, lowered checks, boundary scans) are each tested
against their plain form on text made of the words that matter to them mixed with random noise; the
one recipe for that text lives here.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def pieces_text(
    pieces: Sequence[str], *, noise: int, max_size: int, sep: str = " "
) -> st.SearchStrategy[str]:
    """Text of up to ``max_size`` parts, each one of ``pieces`` or random text of up to ``noise``
    characters, joined by ``sep``."""
    return st.lists(st.one_of(st.sampled_from(list(pieces)), st.text(max_size=noise)), max_size=max_size).map(
        sep.join
    )
