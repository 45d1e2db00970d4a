"""Scans rewritten for speed (speed3) match exactly what their plain forms match.

The combined trigger scan got one guard in front on the union of every class's first three
characters (kg.extract._fastre.front_guard over open_prefixes), so word starts where no trigger
class can begin are rejected at once.  A guard that missed a prefix would silently drop triggers,
so the scan is compared with its plain form (the same pattern without the front guard) on the
fixture articles and on generated text: trigger words, unicode digits ("٣rd buyer"), the long s
and the Kelvin sign, empty text and long tokens.
"""

from __future__ import annotations

import functools
import re

import pytest
from helpers.paths import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Article, read_articles, triggers
from kg.extract._fastre import front_guard, open_prefixes

#: the trigger scan as it ran before the front guard (every class behind its own guard only)
PLAIN_TRIGGERS = re.compile(triggers._combined_triggers(first_letters=True, front_guard=False)[0])


def _scan(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in rx.finditer(text)]


def _agree(text: str) -> None:
    # _triggers runs the lowercase scan on any text whose lower() keeps its length
    for low in {text.lower(), text}:
        assert _scan(triggers._TRIGGER_RX, low) == _scan(PLAIN_TRIGGERS, low), text


@functools.cache
def _fixture_texts() -> tuple[str, ...]:
    return tuple(
        a.text for a in read_articles(REPO / "tests" / "fixtures" / "articles") if isinstance(a, Article)
    )


def test_the_front_guard_is_there() -> None:
    # the point of the rewrite: without the guard this file would compare a pattern with itself
    assert triggers._TRIGGER_RX.pattern != PLAIN_TRIGGERS.pattern
    assert triggers._TRIGGER_RX.pattern.startswith(r"(?<!\w)(?=")


def test_trigger_scan_agrees_on_the_fixtures() -> None:
    texts = _fixture_texts()
    assert len(texts) >= 20
    found = 0
    for text in texts:
        _agree(text)
        found += len(_scan(triggers._TRIGGER_RX, text.lower()))
    assert found > 50  # the fixtures are full of triggers: the comparison is not of empty lists


# trigger words of every class, the pieces around them, and characters that lower oddly
_PIECES = [
    " ",
    "-",
    ".",
    ",",
    "'",
    "’",
    "\n",
    "$",
    "signed",
    "is buying",
    "are\tpurchasing",
    "ordered",
    "won a",
    "contract",
    "cancelled",
    "scrapped",
    "delayed",
    "deliveries began",
    "delivered",
    "received",
    "will supply",
    "approved",
    "green-lit",
    "in talks",
    "negotiating",
    "offered",
    "turned to",
    "operates",
    "3rd",
    "٣rd",
    "１２th",
    "buyer",
    "after",
    "the",
    "of",
    "MoU",
    "AoN",
    "ſigned",
    "K",
    "İ",
    "x",
    "12",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_trigger_scan_agrees_on_generated_text(pieces: list[str]) -> None:
    _agree(" ".join(pieces))
    _agree("".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_trigger_scan_agrees_on_any_text(text: str) -> None:
    _agree(text)


@pytest.mark.parametrize(
    "text", ["", "signed" * 3000, "a" * 5000 + " signed", "٣" * 3000 + "rd buyer after", "x " * 3000]
)
def test_trigger_scan_agrees_on_edge_texts(text: str) -> None:
    _agree(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1 ", max_size=12))
def test_open_prefixes_cover_every_match(text: str) -> None:
    # every match of each pattern starts with one of its open prefixes
    for pattern in [r"ab|b\s+a", r"(?:a\w+|1\d)b", r"a*b", r"(?:ab)+1|\d", r"[^a]b|ba"]:
        starts = open_prefixes(pattern, 3, ascii_digits=True)
        for m in re.finditer(pattern, text):
            assert starts is None or any(text.startswith(p, m.start()) for p in starts), (pattern, text)


def test_open_prefixes_give_up_where_anything_can_start() -> None:
    assert open_prefixes(r"\w+", 3) is None
    assert open_prefixes(r"a|\d", 3) is None  # unicode digits: not enumerable without ascii_digits
    assert open_prefixes(r"a|\d", 3, ascii_digits=True) == frozenset("a0123456789")
    assert open_prefixes(r"is\s+buying|x+y", 3) == frozenset({"is", "x"})
    assert open_prefixes("abc", 3, flags=re.IGNORECASE) is None


def test_front_guard_keeps_every_digit() -> None:
    # a digit-led prefix becomes \d: lower() keeps unicode digits, which \d matches and 0-9 would not
    guard = front_guard([r"ab|\d+th", "x"])
    assert guard.endswith(r"|\d)")
    rx = re.compile(guard + r"(?:ab|\d+th|x)")
    assert [m.group(0) for m in rx.finditer("٣th ab 1th x")] == ["٣th", "ab", "1th", "x"]
    assert front_guard([r"\w+"]) == ""  # unbounded: no guard rather than a wrong one
