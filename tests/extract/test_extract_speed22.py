"""Checks gated for speed (speed22) answer exactly as their plain forms.

``status._without_batch_words`` runs the three subs that blank out ordered batches and firsts of a kind
only when the lowercased sentence holds a word their matches need; it equals the plain chain of subs
on own-words sentences, on generated text (with characters that lower inexactly) and on the fixtures.
``mentions._CAPITAL_WORD_BEFORE`` is how every match of ``_PERSON_BEFORE`` ends: on every window before
a word of the fixtures, the person check never matches where the gate does not.  The per-class guard
of the trigger scan is covered by the trigger scan tests of speed14.
"""

from __future__ import annotations

import functools

from helpers.paths import REPO
from helpers.strategies import pieces_text
from hypothesis import given, settings

from kg.extract import Article, mentions, read_articles, status
from kg.extract.sentences import mask_markup, split_sentences

SHAPES = [
    "The first batch of six jets arrived in May; the rest follow.",
    "It ordered a second tranche of 12 and received the first lot in 2024.",
    "Its first export customer took delivery of the first two aircraft.",
    "The FIRST delivery of the type to Europe came in 2023, and Some of the jets are in service.",
    "The ſecond batch and the fırst lot were delivered.",
    "No batch words and no firsts here: the jets were delivered.",
]


def _plain(s: str) -> str:
    return status._FIRST_NOT_BATCH.sub(" ", status._FIRST_OF_KIND.sub(" ", status._ORDERED_BATCH.sub(" ", s)))


@functools.cache
def _fixture_sentences() -> tuple[str, ...]:
    out: list[str] = []
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            out += [item.text[a:b] for a, b in split_sentences(mask_markup(item.text))]
    return tuple(out)


def test_batch_words_gate_on_shapes_and_fixtures() -> None:
    for s in [*SHAPES, *_fixture_sentences()]:
        assert status._without_batch_words(s) == _plain(s), s


@settings(max_examples=200, deadline=None)
@given(
    pieces_text(
        ["first", "First", "batch", "Tranche", "LOT", "ordered", "its", "ſ", "ı", "K"], noise=6, max_size=12
    )
)
def test_batch_words_gate_on_generated_text(text: str) -> None:
    assert status._without_batch_words(text) == _plain(text)


def test_person_gate_on_fixture_windows() -> None:
    text = " ".join(_fixture_sentences()) + " Chief Executive John Rafale President Emmanuel Macron said."
    for end in range(len(text) + 1):
        if end and not text[end - 1].isspace():
            continue
        lo = max(0, end - 60)
        if mentions._PERSON_BEFORE.search(text, lo, end):
            assert mentions._CAPITAL_WORD_BEFORE.search(text, lo, end), text[lo:end]
