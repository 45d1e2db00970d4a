"""Scans rewritten for speed (speed7) find exactly what their plain forms find.

The supplier-relation check of a claim's sentence (``claims._relation_beside_examples``,
``claims._standing_relation``) was a case-insensitive scan of the whole sentence; it is now
``vocabulary.RELATION_LRX``, the same pattern run on lowercased text behind its word prefilter
(``_RELATION_WORDS``).  A prefilter missing a word would drop a relation claim, so both forms are
compared on own-words sentences of each relation shape, on generated text and on the fixtures.
"""

from __future__ import annotations

import functools

from helpers.paths import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Article, read_articles
from kg.extract.sentences import mask_markup, split_sentences
from kg.extract.vocabulary import _RELATION_RX_I, RELATION_LRX


def _same(text: str) -> bool:
    """Both scans agree on ``text`` (the span of the first match, or no match); True on a match."""
    plain = _RELATION_RX_I.search(text)
    fast = RELATION_LRX.search(text)
    assert (plain.span() if plain else None) == (fast.span() if fast else None), text
    return plain is not None


RELATION_SHAPES = [
    "Ruritania remains the main arms supplier of Freedonia.",
    "Ruritania is Freedonia's Largest Source of Weapons.",
    "Freedonia is the top destination for arms imports from Ruritania.",
    "Ruritania supplies nearly all of Freedonia's combat aircraft.",
    "Ruritanian kit accounted for 40 per cent of the fleet.",
    "About half of the major arms the country imported since 2000 came from Ruritania.",
    "Ruritania, a key defence partner, sent advisers.",
    "Ruritania is Freedonia's Number-One provider of hardware.",
    "Ruritania is the leading exporter to the region.",
]
NO_RELATION = [
    "Ruritania signed a contract for six frigates.",
    "The supplies arrived by ship from the port.",
    "Freedonia’s partner in the talks is Ruritania — the deal is worth €2 billion.",
    "ſome text the lowercase form cannot stand for: MAIN SUPPLIER",
]


def test_relation_shapes_agree_and_match() -> None:
    assert all(_same(s) for s in RELATION_SHAPES)
    for s in NO_RELATION:
        _same(s)
    assert _same("THE MAIN SUPPLIER IS ſOMEONE")  # a text that does not lower exactly takes the re.I scan


PIECES = [
    "main",
    "arms",
    "supplier",
    "suppliers",
    "supplies",
    "most",
    "of",
    "half",
    "35%",
    "per cent",
    "source",
    "for",
    "weapons",
    "imports",
    "partner",
    "came from",
    "accounts for",
    "exporter to",
    "Top",
    "’",
    "é",
    "ſ",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_relation_scan_agrees_on_generated_text(text: str) -> None:
    _same(text)


@functools.cache
def _fixture_sentences() -> tuple[str, ...]:
    out: list[str] = []
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            masked = mask_markup(item.text)
            out += [masked[a:b] for a, b in split_sentences(masked)]
    return tuple(out)


def test_relation_scan_agrees_on_the_fixtures() -> None:
    sentences = _fixture_sentences()
    assert len(sentences) >= 100
    for s in sentences:
        _same(s)
