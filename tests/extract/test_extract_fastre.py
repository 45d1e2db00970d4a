"""LowerRx gives exactly the spans of the re.IGNORECASE pattern it replaces, on any text."""

from __future__ import annotations

import functools
import gc
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import kg.extract.claims
import kg.extract.money
import kg.extract.quantities  # noqa: F401
from kg.extract._fastre import LowerRx


@functools.cache
def _patterns() -> tuple[LowerRx, ...]:
    """Every LowerRx the extractor modules built at import (found once: scanning the heap per
    hypothesis example cost seconds late in a full run, when the heap holds the whole suite)."""
    return tuple(o for o in gc.get_objects() if isinstance(o, LowerRx))


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


# words that the ``needs`` prefilters look for, in several cases, beside the noise above
NEED_WORDS = [
    "another",
    "ANOTHER",
    "more",
    "More than",
    "second batch",
    "Follow-on",
    "12",
    "Rafales",
    "jets",
    "denied",
    "Denies",
    "ruled out",
    "no plans to",
    "ſecond",
]
need_texts = st.lists(st.one_of(st.sampled_from(WORDS + NEED_WORDS), st.text(max_size=8)), max_size=12).map(
    " ".join
)


def test_some_patterns_have_a_prefilter() -> None:
    assert any(rx.needs for rx in _patterns())


@settings(max_examples=200, deadline=None)
@given(need_texts)
def test_search_with_a_prefilter_finds_what_ignorecase_finds(text: str) -> None:
    """``needs`` only skips texts the pattern cannot match: search agrees with re.I everywhere."""
    for rx in _patterns():
        fast = rx.search(text)
        slow = rx.ci.search(text)
        assert (fast.regs if fast else None) == (slow.regs if slow else None), rx.ci.pattern[:80]


def test_prefilter_words_are_lowercase() -> None:
    for rx in _patterns():
        assert all(w == w.lower() for w in rx.needs), rx.needs


@settings(max_examples=200, deadline=None)
@given(texts)
def test_lowered_is_the_lowercase_when_exact_and_stays_so_when_remembered(text: str) -> None:
    from kg.extract._fastre import lowered, lowers_exactly

    want = text.lower() if lowers_exactly(text) else None
    assert lowered(text) == want
    assert lowered(text) == want  # the remembered answer


def test_lowered_memo_is_bounded() -> None:
    from kg.extract import _fastre

    for i in range(3 * _fastre._MEMO_SIZE):
        _fastre.lowered(f"Sentence {i}")
    assert len(_fastre._lowered_memo) <= _fastre._MEMO_SIZE
    long = "X" * (_fastre._MEMO_LEN + 1)
    assert _fastre.lowered(long) == long.lower()
    assert long not in _fastre._lowered_memo


@given(st.text(max_size=30), st.lists(st.text(min_size=1, max_size=4), max_size=5))
def test_contains_any_is_any_substring(text: str, words: list[str]) -> None:
    from kg.extract._fastre import contains_any

    assert contains_any(text, tuple(words)) == any(w in text for w in words)


def test_guard_only_where_re_has_no_scan_of_its_own() -> None:
    """A pattern re scans for by its literal prefix or first characters stays unguarded; an
    alternation of groups gets a lookahead on its first characters, with the same matches."""
    from kg.extract._fastre import guarded

    assert guarded(r"contract(?:s)? for") == r"contract(?:s)? for"
    assert guarded(r"[ab]x") == r"[ab]x"
    assert guarded(r"\w+ly") == r"\w+ly"  # first characters unknown
    g = guarded(r"(?:war|conflict) (?:in|with)|(?:sanctions|pressure) on")
    assert g.startswith("(?=")
    text = "the war in the east, sanctions on exports and a warning about pressure on prices"
    plain = r"(?:war|conflict) (?:in|with)|(?:sanctions|pressure) on"
    assert [m.span() for m in re.finditer(g, text)] == [m.span() for m in re.finditer(plain, text)]


@settings(max_examples=150, deadline=None)
@given(need_texts, need_texts)
def test_remembered_answers_are_the_answers_of_a_fresh_scan(first: str, second: str) -> None:
    """search/match asked again (after other texts, past the memo's size) answer as re.I does."""
    from kg.extract import _fastre

    for rx in _patterns():
        for text in (first, second, first, *(f"{second} {i}" for i in range(_fastre._ANSWERS + 1)), first):
            for fast, slow in ((rx.search(text), rx.ci.search(text)), (rx.match(text), rx.ci.match(text))):
                assert (fast.regs if fast else None) == (slow.regs if slow else None), rx.ci.pattern[:80]
        assert len(rx._found) <= _fastre._ANSWERS and len(rx._matched) <= _fastre._ANSWERS
