"""LowerRx gives exactly the spans of the re.IGNORECASE pattern it replaces, on any text."""

from __future__ import annotations

import gc

from hypothesis import given, settings
from hypothesis import strategies as st

import kg.extract.claims
import kg.extract.money
import kg.extract.quantities  # noqa: F401
from kg.extract._fastre import LowerRx


def _patterns() -> list[LowerRx]:
    return [o for o in gc.get_objects() if isinstance(o, LowerRx)]


WORDS = [
    "India",
    "RUSSIA",
    "signed",
    "Deal",
    "ſigned",
    "İndia",
    "µ",
    "K",
    "billion",
    "Rs",
    "crore",
    "—",
    "’",
    "$",
    "€",
]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=12).map(" ".join)


def test_patterns_are_found() -> None:
    assert len(_patterns()) >= 10


@settings(max_examples=150, deadline=None)
@given(texts)
def test_same_spans_as_ignorecase(text: str) -> None:
    for rx in _patterns():
        fast = [(m.start(), m.end(), m.regs) for m in rx.finditer(text)]
        slow = [(m.start(), m.end(), m.regs) for m in rx.ci.finditer(text)]
        assert fast == slow, rx.ci.pattern[:80]
