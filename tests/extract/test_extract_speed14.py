"""Scans rewritten for speed (speed14) find exactly what their plain forms find.

The two sentence checks of every claim's learned features (``learned._TRANSFER``,
``learned._PRODUCTION``) run on the lowercased evidence sentence (``_fastre.lower_in_place``); they are
compared with their plain ``re.I`` forms on own-words sentences of each shape, on generated text
(hypothesis, with the characters that lower inexactly) and on the fixture sentences.
"""

from __future__ import annotations

import functools
import re

from helpers.paths import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Article, learned, read_articles
from kg.extract.sentences import mask_markup, split_sentences

LOWERED = [(learned, learned._SENTENCE_CHECKS)]

SHAPES = [
    "Elbonia will donate four used tanks to Freedonia.",
    "The jets were handed over to the navy in May.",
    "Ruritania leased two ex-Navy frigates from its neighbour.",
    "The surplus launchers were sent to the front.",
    "The helicopters will be built under licence by a local firm.",
    "A joint venture will assemble the rifles locally.",
    "The missiles are produced in Elbonia by a consortium.",
    "Freedonia signed a contract for 12 new fighters.",
    "GIFTED 40 TRUCKS",
    "Licence-built ſhips",
    "The Straße partner",
]


@functools.cache
def _fixture_sentences() -> tuple[str, ...]:
    out: list[str] = []
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            masked = mask_markup(item.text)
            out += [masked[a:b] for a, b in split_sentences(masked)]
    return tuple(out)


def _agree(text: str) -> set[str]:
    """Every lowered check agrees with its plain pattern on ``text``; the patterns that matched."""
    fired = set()
    for mod, plain in LOWERED:
        for name, rx in plain.items():
            fast = getattr(mod, name)
            for how in ("search", "match"):
                want = getattr(rx, how)(text)
                got = getattr(fast, how)(text)
                assert (want.span() if want else None) == (got.span() if got else None), (name, text)
                if want:
                    fired.add(name)
    return fired


def test_lowered_checks_are_the_plain_patterns_rebound() -> None:
    for mod, plain in LOWERED:
        for name, rx in plain.items():
            assert rx.flags & re.IGNORECASE
            assert getattr(mod, name) is not rx


def test_lowered_checks_agree_on_own_words_shapes() -> None:
    fired: set[str] = set()
    for s in SHAPES:
        fired |= _agree(s)
    assert fired == {name for _mod, plain in LOWERED for name in plain}  # every check fires


def test_lowered_checks_agree_on_the_fixtures() -> None:
    sentences = _fixture_sentences()
    assert len(sentences) >= 100
    for s in sentences:
        _agree(s)


PIECES = [
    "donated",
    "Gift",
    "used",
    "licence",
    "LICENSED",
    "assembly",
    "ex-Navy",
    "joint venture",
    "ſ",
    "K",
    "é",
]
pieces_texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(pieces_texts)
def test_lowered_checks_agree_on_generated_text(text: str) -> None:
    _agree(text)
