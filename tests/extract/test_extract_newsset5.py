"""Extraction quality on ``tests/fixtures/newsset5``: a fifth blind set of 24 news articles.

Why: every earlier set is either tuned on, watched by the helpers changing the extractor, or kept as
the lead's final check; the learned confidence model also needs more labelled claims from text nobody
tuned on.  This set covers what the others lack (Central and Eastern Europe since 2022, East Asia and
the Pacific; ring exchanges, re-export consent, leases and loans, repair work that is no transfer, a
live blog, an interview, translated pieces, photo captions).  It was written and labelled (by
``../shared/eval/README.md``'s guidelines and the earlier sets' conventions) without reading
``kg/extract/``, its tests or any labelled text, and committed before the first run.  The floors sit
0.05 below the figures measured when the set was added, so a regression fails here while the merge of
other branches may move the figures a little; never tune a rule on these texts (write an own-words
test of the general pattern instead).  Scoring: ``tests/helpers/newsscore.py``.  The set must stay the
author's own words: no 12-word sequence may be shared with the development articles
(``../shared/eval/articles``), the other news sets, or another article of this set.
"""

from __future__ import annotations

import pytest
from helpers.newsscore import check_labels, extract_set, load_set, score
from helpers.overlap import shared_sequences, texts
from helpers.paths import FIXTURES, SHARED

NEWSSET5 = FIXTURES / "newsset5"
EVAL_ARTICLES = SHARED / "eval" / "articles"

# measured when the set was added (kg at 4c59a22, labels committed at 38a3b3c before the first run;
# 24 articles, 146 gold facts on 111 triples): P=0.54 R=0.53 F1=0.54 status=57/86 (0.66); at
# confidence >= 0.8 P=0.75 R=0.22.  Floors: 0.05 below.
MIN_PRECISION = 0.49
MIN_RECALL = 0.48
MIN_STATUS = 0.61
MIN_CONFIDENT_PRECISION = 0.70
MIN_CONFIDENT_RECALL = 0.17


def test_the_set_is_complete_and_consistent() -> None:
    """24 articles, gold by the guidelines: evidence is a sentence of the text, years on signed facts."""
    check_labels(load_set(NEWSSET5, "s-*.json"), 24)


def test_no_text_copied_from_the_other_news_sets() -> None:
    mine = texts(sorted(NEWSSET5.glob("s-*.json")))
    others = texts(
        sorted(FIXTURES.glob("newsset/*.json"))
        + sorted(FIXTURES.glob("newsset2/*.json"))
        + sorted(FIXTURES.glob("newsset3/*.json"))
        + sorted(FIXTURES.glob("newsset4/*.json"))
    )
    assert others, "the other news sets are missing"
    assert not shared_sequences(mine, others)


def test_no_text_repeated_between_two_articles_of_the_set() -> None:
    mine = texts(sorted(NEWSSET5.glob("s-*.json")))
    for name in mine:
        rest = {other: text for other, text in mine.items() if other != name}
        assert not shared_sequences({name: mine[name]}, rest)


def test_no_text_copied_from_the_development_set() -> None:
    if not EVAL_ARTICLES.is_dir():
        pytest.skip(f"no development articles at {EVAL_ARTICLES} (kept beside the checkout, never copied in)")
    mine = texts(sorted(NEWSSET5.glob("s-*.json")))
    assert not shared_sequences(mine, texts(sorted(EVAL_ARTICLES.glob("*.json"))))


@pytest.fixture(scope="module")
def extracted() -> list[tuple[dict, list[dict]]]:
    return extract_set(load_set(NEWSSET5, "s-*.json"))


def test_precision_recall_status_floors(extracted) -> None:
    sc, misses = score(extracted)
    print(f"newsset5 P={sc.precision:.2f} R={sc.recall:.2f} status={sc.status_ok}/{sc.status_n}\n{misses}")
    assert sc.precision >= MIN_PRECISION, misses
    assert sc.recall >= MIN_RECALL, misses
    assert sc.status_ok >= MIN_STATUS * sc.status_n, misses


def test_confident_claims_floor(extracted) -> None:
    sc, misses = score(extracted, confidence=0.8)
    print(f"newsset5 confidence>=0.8 P={sc.precision:.2f} R={sc.recall:.2f}\n{misses}")
    assert sc.precision >= MIN_CONFIDENT_PRECISION, misses
    assert sc.recall >= MIN_CONFIDENT_RECALL, misses
