"""Regex prefilters (kg.extract._fastre.required_words, NeedsRx): a skipped text can never match.

The extractor skips a pattern's scan when a sentence lacks every word the pattern requires; a
wrong requirement would silently drop matches, so the derivation is tested on small patterns,
against every prefiltered pattern of the extractor on the fixture articles, and on random text.
"""

from __future__ import annotations

import functools
import gc
import re
from itertools import product

import pytest
from helpers.paths import REPO
from helpers.strategies import pieces_text
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.extract.claims  # noqa: F401  (builds every pattern of the extractor)
from kg.extract import Article, read_articles
from kg.extract._fastre import LowerRx, NeedsRx, first_chars, prefix_guard, prefixes, required_words
from kg.extract.triggers import _TRIGGER_PATTERN, _TRIGGER_RX


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"abc", ("abc",)),
        (r"\bwon\s+(?:an?|the)\s+contract", ("won",)),  # "won": "contract" is a common word
        # re factors the common prefix out ("s(?:old|upplied)"): shorter words, still required
        (r"(?:sold|supplied)\s+to", ("old", "upplied")),
        (r"(?:a|bcd)x+yz", ("yz",)),
        (r"(?:foo|bar)+", ("foo", "bar")),
        (r"x(?:foo|bar){1,3}", ("foo", "bar")),
    ],
)
def test_required_words_of_small_patterns(pattern: str, words: tuple[str, ...]) -> None:
    assert required_words(pattern) == words


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:foo)?",  # optional: nothing is required
        r"foo|\d+",  # one alternative requires no word
        r"[a-z]+",
        r"(?i:foo)",  # a case-insensitive group is not a literal
        r"(?:foo)*bar?",
    ],
)
def test_required_words_none(pattern: str) -> None:
    got = required_words(pattern)
    assert got is None or all(w in "ba" for w in got)  # "ba" of "bar?" is the only literal run


def test_ignorecase_patterns_require_nothing() -> None:
    assert required_words("foo", re.IGNORECASE) is None
    assert required_words("(?i)foo") is None


@functools.cache
def _prefiltered() -> tuple[LowerRx | NeedsRx, ...]:
    found = tuple(o for o in gc.get_objects() if isinstance(o, LowerRx | NeedsRx) and o.needs)
    assert len(found) >= 10
    return found


@functools.cache
def _fixture_texts() -> tuple[str, ...]:
    return tuple(
        a.text for a in read_articles(REPO / "tests" / "fixtures" / "articles") if isinstance(a, Article)
    )


def _pattern(rx: LowerRx | NeedsRx) -> re.Pattern[str]:
    return rx.ci if isinstance(rx, LowerRx) else rx.rx


def test_every_match_in_the_fixtures_contains_a_required_word() -> None:
    checked = 0
    for rx in _prefiltered():
        for text in _fixture_texts():
            for m in _pattern(rx).finditer(text):
                checked += 1
                assert any(w in m.group(0).lower() for w in rx.needs), (rx.needs, m.group(0))
    assert checked > 100


WORDS = [
    "India",
    "won",
    "WON",
    "awarded",
    "contract",
    "includes",
    "ſecured",
    "more",
    "K",
    "’",
    "deal",
    "said",
]
texts = pieces_text(WORDS, noise=8, max_size=12)
#: trigger words and near misses, for the guarded trigger pattern
TRIGGER_WORDS = [
    "signed",
    "talks collapsed",
    "delivered",
    "in talks",
    "approved",
    "offered",
    "re-signed",
    "X-ordered",
]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_needsrx_finds_what_its_pattern_finds(text: str) -> None:
    for rx in _prefiltered():
        if isinstance(rx, NeedsRx):
            fast, slow = rx.search(text), rx.rx.search(text)
            assert (fast.regs if fast else None) == (slow.regs if slow else None), rx.rx.pattern[:80]
            assert [m.regs for m in rx.finditer(text)] == [m.regs for m in rx.rx.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 40), st.integers(0, 40))
def test_needsrx_windows_find_what_their_pattern_finds(text: str, pos: int, width: int) -> None:
    """A window of a text is prefiltered on the whole text: search and match in it agree with re."""
    import kg.extract.sentence_cues  # noqa: F401  (its window patterns are NeedsRx)

    end = pos + width
    for rx in _prefiltered():
        if isinstance(rx, NeedsRx):
            for method in ("search", "match"):
                fast, slow = getattr(rx, method)(text, pos, end), getattr(rx.rx, method)(text, pos, end)
                assert (fast.regs if fast else None) == (slow.regs if slow else None), rx.rx.pattern[:80]


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"abc", "a"),
        (r"(?:foo|bar)x", "bf"),
        (r"(?<=, )receiving", "r"),  # lookarounds take no character
        (r"x?y", "xy"),
        (r"\bfoo", "f"),
        (r"x?", None),  # can match empty
        (r"\w+", None),
        (r"[^a]b", None),
    ],
)
def test_first_chars(pattern: str, chars: str | None) -> None:
    assert first_chars(pattern) == chars


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"abc", {"ab"}),
        (r"(?:foo|bar)x", {"fo", "ba"}),
        (r"a|bc", {"a", "bc"}),  # "a" alone: the match may end after one character
        (r"(?<=, )re\w+", {"re"}),  # lookarounds take no character
        (r"x?y", {"xy", "y"}),
        (r"(?:ab)*c", {"c", "ab"}),
        (r"[ab]{2,}", {"aa", "ab", "ba", "bb"}),
        (r"x?", {"", "x"}),  # can match empty
        (r"\w+", None),
        (r"[^a]b", None),
    ],
)
def test_prefixes(pattern: str, starts: set[str] | None) -> None:
    assert prefixes(pattern, 2) == (None if starts is None else frozenset(starts))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcx -", max_size=12))
def test_prefix_guard_passes_wherever_the_pattern_matches(text: str) -> None:
    """The guard built from a pattern's prefixes never rejects a position the pattern matches at."""
    for pattern, k in product((r"ab|b[ac]x|c", r"(?:a|bb)+x?", r"x[ -]?(?:ab|c)", r"abc|abx|b"), (1, 2, 3)):
        starts = prefixes(pattern, k)
        assert starts is not None
        guarded = re.compile(prefix_guard(starts) + "(?:" + pattern + ")")
        for i in range(len(text) + 1):
            plain = re.compile(pattern).match(text, i)
            got = guarded.match(text, i)
            assert (got.span() if got else None) == (plain.span() if plain else None)


def test_guarded_trigger_pattern_matches_like_the_plain_one() -> None:
    """The first-letter guards of the combined trigger pattern never change a match."""
    plain = re.compile(_TRIGGER_PATTERN)
    assert plain.pattern != _TRIGGER_RX.pattern
    for text in _fixture_texts():
        low = text.lower()
        got = [(m.lastgroup, m.span()) for m in _TRIGGER_RX.finditer(low)]
        assert got == [(m.lastgroup, m.span()) for m in plain.finditer(low)]


@settings(max_examples=200, deadline=None)
@given(pieces_text(TRIGGER_WORDS, noise=6, max_size=10))
def test_guarded_trigger_pattern_on_random_text(text: str) -> None:
    low = text.lower()
    plain = [(m.lastgroup, m.span()) for m in re.finditer(_TRIGGER_PATTERN, low)]
    assert [(m.lastgroup, m.span()) for m in _TRIGGER_RX.finditer(low)] == plain
