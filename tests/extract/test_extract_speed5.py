"""Checks and scans rewritten for speed (speed5) keep exactly what their plain forms keep.

``claims._deal_systems`` skips a check of the system mentions for a whole sentence that lacks every
word the check's pattern needs (kg.extract._fastre.NeedsRx); a wrong prefilter would keep a replaced
fleet, a carrier or a domestic system as the deal's item.  It is compared with the checks run on
every mention, on own-words sentences of each shape and on the fixture articles.

Case-sensitive scans of lowercase text run compiled with ``re.ASCII`` where no character outside
ASCII is a word character, digit or space (``_fastre.ascii_classes``); they are compared with their
Unicode forms on generated text that mixes such characters with quotes, dashes and currency signs.
"""

from __future__ import annotations

import functools
import re

from helpers.paths import REPO
from helpers.strategies import pieces_text
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Article, claims, entities, parties, read_articles, triggers
from kg.extract._fastre import ascii_classes, ascii_twin
from kg.extract.entities import Mention
from kg.extract.mentions import find_mentions
from kg.extract.sentences import mask_markup, split_sentences


def _plain_deal_systems(s: str, a: int, mentions: list[Mention]) -> list[Mention]:
    """The filter as it was written inline in ``_sentence``: every check on every system mention."""
    return [
        m
        for m in mentions
        if m.kind == "system"
        and not (
            claims._REPLACED.search(s, max(0, m.start - a - 90), m.start - a)
            and not claims._PAST_TRANSFER_NEXT.match(s, m.end - a)
            and not claims._COUNTED_RETIRED.search(s, max(0, m.start - a - 60), m.start - a)
        )
        and not claims._CARRIER_BEFORE.search(s, max(0, m.start - a - 60), m.start - a)
        and not claims._BASE_DESIGN_BEFORE.search(s, max(0, m.start - a - 60), m.start - a)
        and not claims._USED_BEFORE.search(s, max(0, m.start - a - 60), m.start - a)
        and not claims._RETIRED_NEXT.match(s, m.end - a)
        and not claims._REPLACEMENT_NEXT.match(s, m.end - a)
        and not (
            claims._OWN_BEFORE.search(s, max(0, m.start - a - 40), m.start - a)
            and not claims._GIVEN_FROM_STOCK.search(s, max(0, m.start - a - 100), m.start - a)
        )
    ]


def _agree(text: str) -> int:
    """Compare both filters on every sentence of ``text``; the number of mentions dropped."""
    masked = mask_markup(text)
    mentions = find_mentions(masked)
    dropped = 0
    for a, b in split_sentences(masked):
        ms = [m for m in mentions if a <= m.start and m.end <= b]
        got = claims._deal_systems(masked[a:b], a, ms)
        assert got == _plain_deal_systems(masked[a:b], a, ms), masked[a:b]
        dropped += sum(m.kind == "system" for m in ms) - len(got)
    return dropped


SHAPES = [
    "The navy will buy six Rafale jets to replace its ageing Mirage 2000 fleet.",
    "Poland sent 14 retired Leopard 2 tanks, replacing the older T-72 tanks it gave earlier.",
    "The troops arrived aboard an air force C-17 to collect the HIMARS launchers.",
    "India ordered the Rafale M, the naval version of the Rafale, for its carrier.",
    "After years of operating the older F-16, Chile picked the Gripen.",
    "The Mirage 2000 fleet was retired in 2015, and the Gripen replacement programme began.",
    "Turkey inducted its own KAAN fighters while buying Eurofighter Typhoon jets.",
    "Germany sent 14 of its own Leopard 2 tanks to Ukraine.",
    "Egypt bought 24 Rafale jets from France in 2015.",
]


def test_each_shape_agrees_and_some_mentions_are_dropped() -> None:
    dropped = sum(_agree(text) for text in SHAPES)
    assert dropped >= 3  # the checks fire: the comparison is not of unfiltered lists


@functools.cache
def _fixture_texts() -> tuple[str, ...]:
    return tuple(
        a.text for a in read_articles(REPO / "tests" / "fixtures" / "articles") if isinstance(a, Article)
    )


def test_deal_systems_agrees_on_the_fixtures() -> None:
    texts = _fixture_texts()
    assert len(texts) >= 20
    for text in texts:
        _agree(text)


# --- ASCII-compiled twins of case-sensitive scans (kg.extract._fastre.ascii_classes/ascii_twin) ---------
# pieces where \w, \d, \s and \b differ between Unicode and ASCII patterns (accented and other
# letters, non-ASCII digits, no-break and thin spaces, a combining mark) and where they do not
# (quotes, dashes, currency signs), beside trigger words and designations
ASCII_PIECES = [
    "signed",
    "ordered 12",
    "to buy",
    "F-16",
    "deal",
    "é",
    "Türkiye",
    "\u0663rd",
    "\u00b2",
    "\xa0",
    "\u2009",
    "e\u0301",
    "’",
    "“",
    "—",
    "€",
    "_",
    "ſ",
    "\x1f",
]
ascii_texts = pieces_text(ASCII_PIECES, noise=6, max_size=12)


def test_ascii_classes_tells_text_where_ascii_classes_differ() -> None:
    assert ascii_classes("India signed a deal for 26 jets.")
    assert ascii_classes("India’s “deal” — worth €3 billion")
    for odd in ("Türkiye signed", "the \u0663rd buyer", "26\xa0jets", "26\u2009jets", "x\u00b2"):
        assert not ascii_classes(odd), odd


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int] | tuple[tuple[int, int], ...]]:
    return [m.regs for m in rx.finditer(text)]


PLAIN = [
    triggers._TRIGGER_RX,
    triggers._PURCHASE_RX,
    triggers._RELATION_RX,
    entities._TOKEN_SPLIT,
    re.compile(r"\b\w+\b|\s+|\d+|[^\W_]+"),
]


@settings(max_examples=300, deadline=None)
@given(ascii_texts)
def test_ascii_twins_match_as_the_unicode_patterns_where_ascii_classes_holds(text: str) -> None:
    for low in {text, text.lower()}:
        if not ascii_classes(low):
            continue
        for rx in PLAIN:
            twin = ascii_twin(rx)
            assert twin is not None and twin.flags & re.ASCII
            assert _spans(twin, low) == _spans(rx, low), rx.pattern[:60]
        assert entities._token_bounds(low, True) == entities._token_bounds(low)


def test_no_twin_for_a_case_insensitive_pattern() -> None:
    assert ascii_twin(re.compile("deal", re.IGNORECASE)) is None


def test_ascii_classes_of_each_character_outside_ascii() -> None:
    """A character it lets through is uncased (lowers exactly: lowered() takes the ASCII patterns
    on the strength of this check alone) and no word character, digit or space."""
    from kg.extract._fastre import lowers_exactly

    passed = 0
    for cp in range(0x80, 0x30000):
        c = chr(cp)
        if ascii_classes(c):
            passed += 1
            assert lowers_exactly(c) and c.lower() == c and not c.isalnum() and not c.isspace(), hex(cp)
    assert passed > 100  # quotes, dashes, currency signs
    assert ascii_classes("\u2019\u201c\u201d\u2014\u20ac\xa3") and not ascii_classes("\xa0")


# --- substring gates in front of the party checks (parties._not_a_party) ---------------
def _plain_not_a_party(s: str, start: int, end: int, kind: str = "country") -> bool:
    """parties._not_a_party without its substring gates."""
    after = s[end : end + 40]
    if parties._CURRENCY_AFTER.match(after):
        return True
    if kind != "country" and parties._MEMBER_AFTER.match(after):
        return True
    if s[start:end].isupper() and parties._DATELINE_CITY_AFTER.match(s, end):
        return True
    return bool(parties._DATELINE_AFTER.match(after) and parties._DATELINE_BEFORE.search(s, 0, start))


GATE_PIECES = ["$", " $", ".$", "US", "A$2 billion", "—", "–", "-", " (AP) —", "WARSAW,", "\n", "Poland", " "]
gate_texts = pieces_text(GATE_PIECES, noise=4, max_size=10, sep="")


@settings(max_examples=300, deadline=None)
@given(gate_texts, gate_texts, st.sampled_from(["country", "org"]))
def test_not_a_party_gates_keep_every_answer(before: str, after: str, kind: str) -> None:
    s = before + "Poland" + after
    start, end = len(before), len(before) + len("Poland")
    assert parties._not_a_party(s, start, end, kind) == _plain_not_a_party(s, start, end, kind)


def test_gated_checks_still_fire() -> None:
    assert parties._not_a_party("WARSAW, Poland — The army ordered tanks.", 8, 14)
    assert parties._not_a_party("It costs A$2 billion.", 9, 10)


def test_ascii_separators_are_unicode_spaces_only() -> None:
    """``\\x1c``-``\\x1f`` are spaces to Unicode ``\\s`` and not to ASCII ``\\s``: no ASCII twin there."""
    for c in "\x1c\x1d\x1e\x1f":
        assert re.fullmatch(r"\s", c) and not re.fullmatch(r"\s", c, re.ASCII)
        assert not ascii_classes(f"a{c}b") and not ascii_classes(f"a{c}b\u2019")
    assert ascii_classes("a\tb\n\u2019")
    for cp in range(0x80):  # every ASCII character it lets through is classed alike by both forms
        c = chr(cp)
        if ascii_classes(c):
            for cls in (r"\w", r"\d", r"\s"):
                assert bool(re.fullmatch(cls, c)) == bool(re.fullmatch(cls, c, re.ASCII)), (cls, hex(cp))
