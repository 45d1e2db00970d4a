"""Whole-article scans rewritten for speed match exactly what their plain forms match.

The designation, date and number scans open with the character they consume first and check "no
word before" after it, so re skips to candidate characters instead of entering the pattern at every
position (kg.extract._fastre.first_letter_alternation, dates._year_first, quantities._scan_pattern);
the item-noun pattern got a guard and possessive letter runs.  A wrong rewrite would silently drop
or add mentions, so each is compared here with its plain form (as the patterns were written before
the rewrite) on the fixture articles and on generated text: unicode digits, capitals, hyphens,
empty text and very long tokens included.
"""

from __future__ import annotations

import functools
import re

import pytest
from helpers.paths import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Article, dates, mentions, quantities, read_articles
from kg.extract._fastre import LowerRx, first_letter_alternation
from kg.extract.money import find_money  # noqa: F401  (imported with the extractor; not rewritten)

_YEAR = r"(?:19[5-9]\d|20\d\d)"
_ITEM = mentions._ITEM_NOUN

#: the plain forms: (rewritten pattern, plain pattern)
PLAIN: dict[str, tuple[re.Pattern[str], str]] = {
    "designation": (
        mentions._DESIGNATION,
        r"(?<![\w/-])(?P<d>(?:[A-Z]{1,4}|[A-Z][a-z]{1,2})-?\d{1,4}(?:[A-Z]{1,4}\d?|[A-Z][a-z])?(?:-?[A-Z]{1,2}\d?)?"
        r"|[A-Z][a-z]{3,9}-(?!(?:19|20)\d\d\b)\d{1,3}[A-Z]{0,3})(?:s|'s)?(?![\w-])",
    ),
    "ship": (
        mentions._SHIP,
        r"(?<![\w-])(?P<name>(?:HMS|HMAS|HMCS|HMNZS|HNLMS|HNoMS|HSwMS|HDMS|INS|USS|USNS|FGS|ESPS|NRP|ORP|TCG|"
        r"ROKS|JS|PNS|BNS|SLNS|KRI|BRP|KD|RSS|HTMS|ARA|ARC|BAP|NAe|LÉ)\s+"
        r"[A-ZÀ-Þ][\w’'-]+(?:\s+(?:[A-ZÀ-Þ][\w’'-]+|de|da|del|di|von|van))?(?:\s+[A-ZÀ-Þ][\w’'-]+)?)",
    ),
    "hull": (
        mentions._HULL_CODE,
        r"(?<![\w/.-])(?P<d>\d{3}[A-Z]{2,3}|[A-Z]{2,4}-(?:I{2,3}|IV|VI{0,3}))(?:s|'s)?(?![\w-])",
    ),
    "mil-code": (
        mentions._MIL_CODE,
        r"(?<![\w/-])(?P<d>AN/[A-Z]{3}-\d{1,3}[A-Z]?|[A-Z]{1,2}\d{2,4}-[A-Z]{2}-\d{2,4}[A-Z]?)(?:s|'s)?(?![\w-])",
    ),
    "name-item": (
        mentions._NAME_ITEM,
        r"(?P<name>[A-Z](?<![\w-][A-Z])(?:[a-z]+(?:[A-Z][a-z]*)?|[A-Z]{2,}(?:\([A-Z]\))?)(?:[ -](?:[A-Z][a-z]+|[A-Z0-9]{1,4}(?:/[A-Z0-9]{1,3})?"
        r"|\d{1,3}))?)(?:\s+(?:[a-z]+-)?(?:[a-z]+(?:-[a-z]+)*)){0,2}\s+(?P<noun>" + _ITEM + r")\b",
    ),
    "iso": (
        dict(dates._PATTERNS)["iso"],
        r"\b(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b",
    ),
    "year": (dict(dates._PATTERNS)["year"], r"(?<![\w$€£₹.,-])(?P<y>" + _YEAR + r")(?![\w%]|[.,]\d|-\d\d\d)"),
    "rel": (
        dict(dates._PATTERNS)["rel"],
        r"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|[Cc]oming|[Pp]revious)\s+(?P<unit>year|month|week)\b",
    ),
    "ago": (dict(dates._PATTERNS)["ago"], r"\b(?P<unit>years?|months?)\s+(?P<dir>ago|after)\b"),
    "dow": (
        dict(dates._PATTERNS)["dow"],
        r"\b(?P<dow>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    ),
    "day": (dict(dates._PATTERNS)["day"], r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b"),
}

#: NUMBER_RE's plain form behind the same lowercasing as the rewritten scan
PLAIN_NUMBERS = LowerRx(quantities.NUMBER_RE.pattern, quantities.NUMBER_RE.flags)


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def _agree(text: str) -> None:
    for name, (fast, plain) in PLAIN.items():
        assert _spans(fast, text) == _spans(re.compile(plain), text), (name, text)
    got = [(m.span(), m.group(0).lower()) for m in quantities._NUMBER_RX.finditer(text)]
    want = [(m.span(), m.group(0).lower()) for m in PLAIN_NUMBERS.finditer(text)]
    assert got == want, text
    ci = [(m.span(), m.group(0)) for m in quantities._NUMBER_RX.ci.finditer(text)]  # the re.I fallback
    assert ci == [(m.span(), m.group(0)) for m in PLAIN_NUMBERS.ci.finditer(text)], text


@functools.cache
def _fixture_texts() -> tuple[str, ...]:
    return tuple(
        a.text for a in read_articles(REPO / "tests" / "fixtures" / "articles") if isinstance(a, Article)
    )


def test_plain_forms_are_the_rewritten_patterns_on_the_fixtures() -> None:
    texts = _fixture_texts()
    assert len(texts) >= 20
    for text in texts:
        _agree(text)
        _agree(text.upper())
        _agree(text.lower())


# pieces that sit at the edges of the rewritten patterns: a word or sign before a match, unicode
# digits (Arabic-Indic, fullwidth), capitals that fold oddly, years, ship prefixes, number words
_PIECES = [
    " ",
    "-",
    "/",
    ".",
    ",",
    "'",
    "’",
    "$",
    "€",
    "_",
    "\n",
    "%",
    "A",
    "Su",
    "F",
    "MQ",
    "KDX",
    "Fath",
    "Leopard",
    "Block",
    "class",
    "HMS",
    "INS",
    "LÉ",
    "NAe",
    "Zulu",
    "1",
    "9",
    "16",
    "214",
    "2019",
    "1999",
    "2024-03-05",
    "٣",
    "１２",
    "٢٠١٩",
    "1,200",
    "12,34",
    "5.5",
    "NG",
    "II",
    "IV",
    "VI",
    "s",
    "'s",
    "new",
    "fighters",
    "jets",
    "air defence systems",
    "fighting vehicles",
    "This",
    "last",
    "year",
    "month",
    "weeks",
    "ago",
    "after",
    "Monday",
    "today",
    "Tomorrow",
    "a couple of",
    "A dozen",
    "twenty",
    "Twenty-one",
    "seven",
    "eighty",
    "one hundred",
    "ſeven",
    "K",
    "İ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_rewritten_scans_agree_on_generated_text(pieces: list[str]) -> None:
    _agree("".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_rewritten_scans_agree_on_any_text(text: str) -> None:
    _agree(text)


@pytest.mark.parametrize("text", ["", "A" * 5000 + "-16", "9" * 5000, "F-" + "1" * 3000 + "A", "x " * 3000])
def test_rewritten_scans_agree_on_edge_texts(text: str) -> None:
    _agree(text)


def test_class_scan_needs_the_word_class() -> None:
    # find_designations skips _CLASS on a text without "class": every match ends in it
    for text in _fixture_texts():
        for m in mentions._CLASS.finditer(text):
            assert m.group(0).endswith("class")


def test_first_letter_alternation() -> None:
    pat = first_letter_alternation(["HMS", "HMAS", "INS", "LÉ"], r"(?<!\w{c})")
    assert pat == r"(?:H(?<!\wH)(?:MS|MAS)|I(?<!\wI)(?:NS)|L(?<!\wL)(?:É))"
    rx = re.compile(pat)
    assert [m.group(0) for m in rx.finditer("HMAS x, INS y, xHMS, LÉ")] == ["HMAS", "INS", "LÉ"]
    assert rx.match("HMS").group(0) == "HMS"  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "KSS", "-III", "-V", "209PN", "١٢٣NG", "12AB"]), max_size=30))
def test_hull_code_prefilter_never_hides_a_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    if mentions._HULL_CODE.search(text):
        assert mentions._may_hold_hull_code(text), text


def test_hull_code_prefilter_cases() -> None:
    assert mentions._may_hold_hull_code("the KSS-III boats")
    assert mentions._may_hold_hull_code("two 214NG submarines")
    assert not mentions._may_hold_hull_code("")
    assert not mentions._may_hold_hull_code("F-16 jets bought in 2019")
