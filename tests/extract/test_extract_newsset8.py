"""Extraction quality on ``tests/fixtures/newsset8``: an eighth blind set of 24 news articles.

Why: the set is meant for tuning and for training the learned confidence model, but it was written and
labelled blind (by ``../shared/eval/README.md``'s guidelines and the earlier sets' conventions, without
reading ``kg/extract/``, its tests or any labelled text, and committed before the first run), so its first
measurement is an honest blind figure.  It covers Asia (China, South Korea and India as exporters; Southeast
Asian buyers), the Gulf, Israel's and Iran's exports, Africa and Latin America, in shapes extractors find
hard: several deals per sentence, bullet lists and a table in prose, photo captions, pronouns and capitals
for governments, company-only suppliers, re-exports, reports denied or left unconfirmed, history paragraphs.
The floors sit a little below the figures measured when the set was added, so a regression fails here while
merges and tuning on the set may move the figures up.  Scoring: ``tests/helpers/newsscore.py``.  The set must
stay the author's own words: no 12-word sequence may be shared with the development articles
(``../shared/eval/articles``) or the other news sets.
"""

from __future__ import annotations

import pytest
from helpers.newsscore import check_labels, extract_set, load_set, score
from helpers.overlap import shared_sequences, texts
from helpers.paths import FIXTURES, SHARED

NEWSSET8 = FIXTURES / "newsset8"
EVAL_ARTICLES = SHARED / "eval" / "articles"
OTHER_SETS = ("newsset", "newsset2", "newsset3", "newsset4", "newsset5", "newsset6", "newsset7")

# measured when the set was added (labels committed at 4546241 before the first run; 24 articles, 213 gold
# facts on 163 triples): kg at 44d080a P=0.61 R=0.45 F1=0.52 status=76/98 (0.78), confidence >= 0.8
# P=0.94 R=0.09; kg at a043641 (main with the learned confidence model) the same first line and
# confidence >= 0.8 P=0.90 R=0.11.  Floors: 0.05 below (recall at confidence: 0.04 below).
MIN_PRECISION = 0.56
MIN_RECALL = 0.40
MIN_STATUS = 0.73
MIN_CONFIDENT_PRECISION = 0.85
MIN_CONFIDENT_RECALL = 0.05


def test_the_set_is_complete_and_consistent() -> None:
    """24 articles, gold by the guidelines: evidence is a sentence of the text, years on signed facts."""
    check_labels(load_set(NEWSSET8, "v-*.json"), 24)


def test_no_text_copied_from_the_other_news_sets() -> None:
    """newsset7 (written in parallel) is checked too once it sits beside this set."""
    mine = texts(sorted(NEWSSET8.glob("v-*.json")))
    others = texts([p for name in OTHER_SETS for p in sorted(FIXTURES.glob(f"{name}/*.json"))])
    assert others, "the other news sets are missing"
    assert not shared_sequences(mine, others)


def test_no_text_copied_from_the_development_set() -> None:
    if not EVAL_ARTICLES.is_dir():
        pytest.skip(f"no development articles at {EVAL_ARTICLES} (kept beside the checkout, never copied in)")
    mine = texts(sorted(NEWSSET8.glob("v-*.json")))
    assert not shared_sequences(mine, texts(sorted(EVAL_ARTICLES.glob("*.json"))))


def test_no_text_copied_between_articles_of_the_set() -> None:
    """Each article is its own prose: a stock sentence repeated across articles would be scored twice."""
    mine = texts(sorted(NEWSSET8.glob("v-*.json")))
    for name, text in mine.items():
        rest = {other: t for other, t in mine.items() if other != name}
        assert not shared_sequences({name: text}, rest), name


def test_no_deal_articles_have_no_gold() -> None:
    """The two articles that state no deal (a flypast in captions, a budget debate) stay empty."""
    docs = {doc["id"]: doc for doc, _ in load_set(NEWSSET8, "v-*.json")}
    assert docs["v-17"]["gold"] == [] and docs["v-24"]["gold"] == []
    assert sum(not doc["gold"] for doc in docs.values()) == 2


@pytest.fixture(scope="module")
def extracted() -> list[tuple[dict, list[dict]]]:
    return extract_set(load_set(NEWSSET8, "v-*.json"))


def test_precision_recall_status_floors(extracted) -> None:
    sc, misses = score(extracted)
    print(f"newsset8 P={sc.precision:.2f} R={sc.recall:.2f} status={sc.status_ok}/{sc.status_n}\n{misses}")
    assert sc.precision >= MIN_PRECISION, misses
    assert sc.recall >= MIN_RECALL, misses
    assert sc.status_ok >= MIN_STATUS * sc.status_n, misses


def test_confident_claims_floor(extracted) -> None:
    sc, misses = score(extracted, confidence=0.8)
    print(f"newsset8 confidence>=0.8 P={sc.precision:.2f} R={sc.recall:.2f}\n{misses}")
    assert sc.precision >= MIN_CONFIDENT_PRECISION, misses
    assert sc.recall >= MIN_CONFIDENT_RECALL, misses
