"""Checks rewritten for speed (speed5) keep exactly what their plain forms keep.

``claims._deal_systems`` skips a check of the system mentions for a whole sentence that lacks every
word the check's pattern needs (kg.extract._fastre.NeedsRx); a wrong prefilter would keep a replaced
fleet, a carrier or a domestic system as the deal's item.  It is compared with the checks run on
every mention, on own-words sentences of each shape and on the fixture articles.
"""

from __future__ import annotations

import functools

from helpers.paths import REPO

from kg.extract import Article, claims, read_articles
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
