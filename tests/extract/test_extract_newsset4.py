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

import json
import re
from pathlib import Path

import pytest
from helpers.newsscore import check_labels, extract_set, load_set, score
from helpers.paths import FIXTURES, SHARED

NEWSSET4 = FIXTURES / "newsset4"
EVAL_ARTICLES = SHARED / "eval" / "articles"
SHINGLE = 12

# measured when the set was added (kg at 1203639, labels committed at f613dcc before the first run;
# 24 articles, 184 gold facts on 152 triples): P=0.70 R=0.63 F1=0.66 status=82/118 (0.69); at
# confidence >= 0.8 P=0.93 R=0.25.  Floors: 0.05 below.
MIN_PRECISION = 0.65
MIN_RECALL = 0.58
MIN_STATUS = 0.64
MIN_CONFIDENT_PRECISION = 0.88
MIN_CONFIDENT_RECALL = 0.20


def _shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive words (lower case, punctuation dropped): the unit of copying."""
    words = re.findall(r"[\w']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _texts(paths: list[Path]) -> dict[str, str]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")).get("text") or "" for p in paths}


def _shared_sequences(mine: dict[str, str], others: dict[str, str]) -> list[str]:
    """``mine/other: words`` for every 12-word sequence an article of ``mine`` shares with one of ``others``."""
    theirs = {name: _shingles(text) for name, text in others.items()}
    found = []
    for name, text in mine.items():
        own = _shingles(text)
        for other, seqs in theirs.items():
            found += [f"{name}/{other}: {' '.join(s)}" for s in sorted(own & seqs)]
    return found


def test_shingles_find_a_copied_sentence() -> None:
    """The overlap check is able to fail: a copied run of 12 words is found, 11 are not."""
    base = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"
    assert _shared_sequences({"a": base}, {"b": "Noise first. " + base.upper()})
    assert not _shared_sequences({"a": base}, {"b": " ".join(base.split()[:11])})


def test_the_set_is_complete_and_consistent() -> None:
    """24 articles, gold by the guidelines: evidence is a sentence of the text, years on signed facts."""
    check_labels(load_set(NEWSSET4, "p-*.json"), 24)


def test_no_text_copied_from_the_other_news_sets() -> None:
    mine = _texts(sorted(NEWSSET4.glob("p-*.json")))
    others = _texts(
        sorted(FIXTURES.glob("newsset/*.json"))
        + sorted(FIXTURES.glob("newsset2/*.json"))
        + sorted(FIXTURES.glob("newsset3/*.json"))
    )
    assert others, "the other news sets are missing"
    assert not _shared_sequences(mine, others)


def test_no_text_copied_from_the_development_set() -> None:
    if not EVAL_ARTICLES.is_dir():
        pytest.skip(f"no development articles at {EVAL_ARTICLES} (kept beside the checkout, never copied in)")
    mine = _texts(sorted(NEWSSET4.glob("p-*.json")))
    assert not _shared_sequences(mine, _texts(sorted(EVAL_ARTICLES.glob("*.json"))))


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
