"""Extraction quality on ``tests/fixtures/newsset3``: a third set of 24 news articles written blind.

Why: half of ``tests/fixtures/newsset2`` is now tuned on, so it no longer measures generality alone.
This set was written and labelled (by ``../shared/eval/README.md``'s guidelines and newsset2's
conventions) without reading ``kg/extract/``, its tests or any labelled text, and committed before
the first run.  The floors sit a little below the figures measured when the set was added, so a
regression fails here; raise them as the extractor improves, but never tune a rule on these texts
(write an own-words test of the general pattern instead).  Scoring: ``tests/helpers/newsscore.py``.
The set must stay the authors' own words: no 12-word sequence may be shared with the development
articles (``../shared/eval/articles``) or the other news sets.
"""

from __future__ import annotations

import pytest
from helpers.newsscore import check_labels, extract_set, load_set, score
from helpers.overlap import shared_sequences, texts
from helpers.paths import FIXTURES, SHARED

NEWSSET3 = FIXTURES / "newsset3"
EVAL_ARTICLES = SHARED / "eval" / "articles"

# measured when the set was added (kg at cdb265f, labels committed at 15624fe before the first run;
# 24 articles, 206 gold facts on 176 triples): P=0.64 R=0.61 F1=0.63 status=84/130; at confidence
# >= 0.8 P=0.90 R=0.22 (38 of 42 confident triples right).  Floors: a little below.
MIN_PRECISION = 0.60
MIN_RECALL = 0.56
MIN_STATUS = 0.60
MIN_CONFIDENT_PRECISION = 0.82
# conf9: the band starts where its cross-validated precision on blind text keeps the 0.95 promise
# (docs/extract-json.md, "Confidence scale"); it covers less: at confidence >= 0.8 P=1.00 R=0.16
# round 24's refit (L2 1, band 0.96, chosen by --select) narrows it further: measured P=1.00 R=0.12
MIN_CONFIDENT_RECALL = 0.11


def test_shingles_find_a_copied_sentence() -> None:
    """The overlap check is able to fail: a copied run of 12 words is found, 11 are not."""
    base = "one two three four five six seven eight nine ten eleven twelve thirteen"
    assert shared_sequences({"a": base}, {"b": "Words before. " + base.upper()})
    assert not shared_sequences({"a": base}, {"b": " ".join(base.split()[:11])})


def test_the_set_is_complete_and_consistent() -> None:
    """24 articles, gold by the guidelines: evidence is a sentence of the text, years on signed facts."""
    check_labels(load_set(NEWSSET3, "n-*.json"), 24)


def test_no_text_copied_from_the_other_news_sets() -> None:
    mine = texts(sorted(NEWSSET3.glob("n-*.json")))
    others = texts(sorted(FIXTURES.glob("newsset/*.json")) + sorted(FIXTURES.glob("newsset2/*.json")))
    assert others, "the other news sets are missing"
    assert not shared_sequences(mine, others)


def test_no_text_copied_from_the_development_set() -> None:
    if not EVAL_ARTICLES.is_dir():
        pytest.skip(f"no development articles at {EVAL_ARTICLES} (kept beside the checkout, never copied in)")
    mine = texts(sorted(NEWSSET3.glob("n-*.json")))
    assert not shared_sequences(mine, texts(sorted(EVAL_ARTICLES.glob("*.json"))))


@pytest.fixture(scope="module")
def extracted() -> list[tuple[dict, list[dict]]]:
    return extract_set(load_set(NEWSSET3, "n-*.json"))


def test_precision_recall_status_floors(extracted) -> None:
    sc, misses = score(extracted)
    print(f"newsset3 P={sc.precision:.2f} R={sc.recall:.2f} status={sc.status_ok}/{sc.status_n}\n{misses}")
    assert sc.precision >= MIN_PRECISION, misses
    assert sc.recall >= MIN_RECALL, misses
    assert sc.status_ok >= MIN_STATUS * sc.status_n, misses


def test_confident_claims_floor(extracted) -> None:
    sc, misses = score(extracted, confidence=0.8)
    print(f"newsset3 confidence>=0.8 P={sc.precision:.2f} R={sc.recall:.2f}\n{misses}")
    assert sc.precision >= MIN_CONFIDENT_PRECISION, misses
    assert sc.recall >= MIN_CONFIDENT_RECALL, misses
