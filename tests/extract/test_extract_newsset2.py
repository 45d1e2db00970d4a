"""Extraction quality on ``tests/fixtures/newsset2``: a second set of 24 news articles written blind.

Why: ``tests/fixtures/newsset`` stopped being blind once rules were tuned on it; this set was written
and labelled (by ``../shared/eval/README.md``'s guidelines) without reading ``kg/extract/`` and committed
before the first run, so it is the current estimate of how the extractor does on news it never saw.
The floors sit a little below the figures measured when the set was added, so a regression fails
here; raise them as the extractor improves, but never tune a rule on these texts (write an own-words
test of the general pattern instead).  Scoring: ``tests/helpers/newsscore.py``.
"""

from __future__ import annotations

import pytest
from helpers.newsscore import check_labels, extract_set, load_set, score
from helpers.paths import FIXTURES

NEWSSET2 = FIXTURES / "newsset2"

# measured when the set was added (kg at e561406, labels at 0d2db6b): P=0.51 R=0.57 status=79/117;
# at confidence >= 0.8 P=0.73 R=0.35.  Floors: a little below.  After the structural risk cues of
# kg/extract/sentence_cues.py (branch confidence, merged with quality at cf44ad8): at confidence
# >= 0.8 P=0.91 R=0.32 (even half P=1.00, odd half P=0.86; without the cues 0.77 and 0.75): fewer
# confident claims, far fewer of them wrong.
MIN_PRECISION = 0.46
MIN_RECALL = 0.52
MIN_STATUS = 0.62
MIN_CONFIDENT_PRECISION = 0.85
#: 0.28 -> 0.24 on 2026-12-05: the trainer chose all/1/1.0/0.955, a narrower band right more often out of
#: sample (checks P 0.958 R 0.168 against 0.922 R 0.184); here P 1.00 R 0.26.  0.24 -> 0.22 with the refit after
#: round 22 (all/3/1.0/0.955: checks P 0.968 R 0.163): here P 1.00 R 0.239
MIN_CONFIDENT_RECALL = 0.22


@pytest.fixture(scope="module")
def extracted() -> list[tuple[dict, list[dict]]]:
    return extract_set(load_set(NEWSSET2, "m-*.json"))


def test_the_set_is_complete_and_consistent() -> None:
    """24 articles, gold by the guidelines: evidence is a sentence of the text, years on signed facts."""
    check_labels(load_set(NEWSSET2, "m-*.json"), 24)


def test_precision_recall_status_floors(extracted) -> None:
    sc, misses = score(extracted)
    print(f"newsset2 P={sc.precision:.2f} R={sc.recall:.2f} status={sc.status_ok}/{sc.status_n}\n{misses}")
    assert sc.precision >= MIN_PRECISION, misses
    assert sc.recall >= MIN_RECALL, misses
    assert sc.status_ok >= MIN_STATUS * sc.status_n, misses


def test_confident_claims_floor(extracted) -> None:
    sc, misses = score(extracted, confidence=0.8)
    print(f"newsset2 confidence>=0.8 P={sc.precision:.2f} R={sc.recall:.2f}\n{misses}")
    assert sc.precision >= MIN_CONFIDENT_PRECISION, misses
    assert sc.recall >= MIN_CONFIDENT_RECALL, misses
