"""Extraction quality on ``tests/fixtures/newsset4``: a fourth set of 24 news articles, the final held-out one.

Why: newsset2 is half tuned on and newsset3 is watched by every helper changing the extractor, so the
lead needs one set nobody has looked at for the final measurement.  It was written and labelled (by
``../shared/eval/README.md``'s guidelines and newsset2/newsset3's conventions) without reading
``kg/extract/``, its tests or any labelled text, and committed before the first run.  The floors sit
0.05 below the figures measured when the set was added, so a regression fails here while the merge of
other branches may move the figures a little; never tune a rule on these texts (write an own-words
test of the general pattern instead).  Scoring: ``tests/helpers/newsscore.py``.  The set must stay the
authors' own words: no 12-word sequence may be shared with the development articles
(``../shared/eval/articles``) or the other news sets.
"""

from __future__ import annotations

import pytest
from helpers.newsscore import check_labels, extract_set, load_set, score
from helpers.overlap import shared_sequences, texts
from helpers.paths import FIXTURES, SHARED

NEWSSET4 = FIXTURES / "newsset4"
EVAL_ARTICLES = SHARED / "eval" / "articles"

# measured when the set was added (kg at 1203639, labels committed at f613dcc before the first run;
# 24 articles, 184 gold facts on 152 triples): P=0.70 R=0.63 F1=0.66 status=82/118 (0.69); at
# confidence >= 0.8 P=0.93 R=0.25.  Floors: 0.05 below.
MIN_PRECISION = 0.65
MIN_RECALL = 0.58
MIN_STATUS = 0.64
MIN_CONFIDENT_PRECISION = 0.88
MIN_CONFIDENT_RECALL = 0.20


def test_the_set_is_complete_and_consistent() -> None:
    """24 articles, gold by the guidelines: evidence is a sentence of the text, years on signed facts."""
    check_labels(load_set(NEWSSET4, "p-*.json"), 24)


def test_no_text_copied_from_the_other_news_sets() -> None:
    mine = texts(sorted(NEWSSET4.glob("p-*.json")))
    others = texts(
        sorted(FIXTURES.glob("newsset/*.json"))
        + sorted(FIXTURES.glob("newsset2/*.json"))
        + sorted(FIXTURES.glob("newsset3/*.json"))
    )
    assert others, "the other news sets are missing"
    assert not shared_sequences(mine, others)


def test_no_text_copied_from_the_development_set() -> None:
    if not EVAL_ARTICLES.is_dir():
        pytest.skip(f"no development articles at {EVAL_ARTICLES} (kept beside the checkout, never copied in)")
    mine = texts(sorted(NEWSSET4.glob("p-*.json")))
    assert not shared_sequences(mine, texts(sorted(EVAL_ARTICLES.glob("*.json"))))


@pytest.fixture(scope="module")
def extracted() -> list[tuple[dict, list[dict]]]:
    return extract_set(load_set(NEWSSET4, "p-*.json"))


def test_precision_recall_status_floors(extracted) -> None:
    sc, misses = score(extracted)
    print(f"newsset4 P={sc.precision:.2f} R={sc.recall:.2f} status={sc.status_ok}/{sc.status_n}\n{misses}")
    assert sc.precision >= MIN_PRECISION, misses
    assert sc.recall >= MIN_RECALL, misses
    assert sc.status_ok >= MIN_STATUS * sc.status_n, misses


def test_confident_claims_floor(extracted) -> None:
    sc, misses = score(extracted, confidence=0.8)
    print(f"newsset4 confidence>=0.8 P={sc.precision:.2f} R={sc.recall:.2f}\n{misses}")
    assert sc.precision >= MIN_CONFIDENT_PRECISION, misses
    assert sc.recall >= MIN_CONFIDENT_RECALL, misses
