"""Speed26's rewrites give what their plain forms give.

``mentions._short_names`` finds a system's short name with one precompiled scan of capitalised words
and a look-up (was an alternation of the article's names, compiled for each article): compared with
that plain form on own-words shapes and every fixture article.  ``status._readings`` remembers the
readings of the sentence read last (``_status`` and then ``other_stages`` for each claim read the same
triggers): compared with the readings worked out afresh.  The sentence cues ask
``Sentence.hinted`` once before a loop of ``Sentence.check`` calls: a sentence without the words of
a kind fails that check at every position.  ``_Extractor._sentence`` returns before reading the
parties, systems and anaphora of a sentence that names something but has no trigger and no deal noun
(it could make no claim).
"""

from __future__ import annotations

import re

import pytest
from helpers.paths import REPO

from kg.extract import Article, claims, mentions, read_articles, status
from kg.extract.entities import Mention
from kg.extract.sentence_cues import _HINTS, Sentence
from kg.extract.sentences import mask_markup, split_sentences
from kg.extract.triggers import _triggers

SHAPES = [
    "Poland ordered 21 KF41 Lynx vehicles. The Lynx and two Lynxes arrived; Lynxs, Lynxas, Lynxe, XLynx.",
    "Lynx-class, Lynx2, Lynx_, -Lynx, Lynxé, éLynx, Lynx. Lynxes Lynxess integrated by Lynx.",
    "The Caesar howitzers came first: Caesars, Caesares, Caesarses and the Caesar.",
]


def _plain_hits(found: list[Mention], text: str) -> list[tuple[int, int]]:
    """The spans the alternation of the article's names finds (the pre-speed26 scan)."""
    names = {
        w
        for m in found
        if m.kind == "system" and m.system is not None
        for w in mentions._NAME_WORD.findall(m.text)
    }
    if not names:
        return []
    alternation = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    rx = re.compile(r"(?<![\w-])(?:" + alternation + r")(?:s|es)?(?![\w-])")
    return [h.span() for h in rx.finditer(text)]


def _fast_hits(found: list[Mention], text: str) -> list[tuple[int, int]]:
    names = {
        w
        for m in found
        if m.kind == "system" and m.system is not None
        for w in mentions._NAME_WORD.findall(m.text)
    }
    out = []
    for h in mentions._NAME_TOKEN.finditer(text):
        w = h.group()
        if w in names or (w[-1] == "s" and (w[:-1] in names or (w[-2] == "e" and w[:-2] in names))):
            out.append(h.span())
    return out


def _texts() -> list[str]:
    out = list(SHAPES)
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            out.append(mask_markup(item.text))
    return out


def test_name_token_scan_equals_the_name_word_scan() -> None:
    for text in _texts():
        assert [m.span() for m in mentions._NAME_TOKEN.finditer(text)] == [
            m.span() for m in mentions._NAME_WORD.finditer(text)
        ]


def test_short_name_hits_equal_the_alternation_of_names() -> None:
    hits = 0
    for text in _texts():
        found = mentions.find_mentions(text, ())
        plain = _plain_hits(found, text)
        assert _fast_hits(found, text) == plain, text[:80]
        hits += len(plain)
    assert hits


def test_short_names_of_an_own_words_article() -> None:
    text = SHAPES[0]
    lynx = [
        m.text for m in mentions.find_mentions(text, ()) if m.kind == "system" and m.text.startswith("Lynx")
    ]
    assert "Lynx" in lynx and "Lynxes" in lynx
    assert not any(t in ("Lynxas", "Lynxe") for t in lynx)


def test_remembered_readings_equal_fresh_ones() -> None:
    sentences = [
        "Poland signed a contract for 96 Apache helicopters, which will be delivered from 2028.",
        "The first two jets were delivered in May; talks on a second batch were suspended.",
    ]
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            masked = mask_markup(item.text)
            sentences += [masked[a:b] for a, b in split_sentences(masked)]
    read = 0
    for s in sentences:
        trig = _triggers(s)
        for part in (trig, trig[1:], trig):  # the sentence's triggers, a window of them, the same again
            verbs: set[str] = set()
            fresh: set[str] = set()
            got = status._readings(s, part, verbs)
            assert got == status._read_triggers(s, part, fresh) and verbs == fresh, s
            got[0]["cancelled"] = 99  # a caller changes its copy: the remembered readings stay
            assert status._readings(s, part) == status._read_triggers(s, part, set())
            read += bool(got[0])
    assert read


def test_a_sentence_without_the_hinted_words_fails_every_check() -> None:
    texts = [
        "Officials said it would consider buying the jets, not the older tanks being retired.",
        "Poland ordered 96 Apache helicopters.",
    ]
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            texts.append(mask_markup(item.text))
    seen = {True: 0, False: 0}
    for text in texts:
        for a, b in split_sentences(text):
            sent = Sentence(text, [], [], a, b, [])
            for kind in _HINTS:
                hinted = sent.hinted(kind)
                seen[hinted] += 1
                if not hinted:
                    assert not any(sent.check(kind, x) for x in range(b - a + 1)), (kind, text[a:b])
    assert seen[True] and seen[False]


def test_a_sentence_without_trigger_or_deal_noun_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    plain = claims._deal_systems

    def deal_systems(s: str, a: int, ms: list[Mention]) -> list[Mention]:
        read.append(s)
        return plain(s, a, ms)

    monkeypatch.setattr(claims, "_deal_systems", deal_systems)
    quiet = "The Polish Leopard 2 tanks took part in a parade in Warsaw."
    assert claims.extract_claims(quiet, None, ()) == [] and read == []
    assert claims.extract_claims("Poland bought 24 Leopard 2 tanks from Germany.", None, ())
    assert read == ["Poland bought 24 Leopard 2 tanks from Germany."]
    read.clear()
    claims.extract_claims("The Polish Leopard 2 deal was discussed in Warsaw.", None, ())
    assert read  # a deal noun: read as before
