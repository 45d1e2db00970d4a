"""Extraction quality on the news sets written blind to the rules: ``tests/fixtures/newsset4`` to ``newsset23``.

Why: a set the rules were tuned on says little about unseen news, so each of these sets was written and
labelled (by ``../shared/eval/README.md``'s guidelines and the earlier sets' conventions) without reading
``kg/extract/``, its tests or any labelled text, and committed before the first run; each README says how
and what it covers.  newsset4, newsset6, newsset9, newsset13, newsset15, newsset20 and newsset21 are the final checks nobody tunes or
trains on; newsset7, newsset8, newsset10 and newsset12 are split like newsset2 (even halves tuning, odd halves
checks; ``scripts/bench_confidence.CHECK_SETS``), and so, since 2026-12-04, are newsset5, newsset11 and newsset14
(final checks until their misses had been read once to choose patterns; the three weakest finals became
tuning material, their odd halves checks), newsset17 and newsset18 (measured whole and blind when added), and since 2026-12-05 newsset16 and
newsset19 (finals written after every rule, the two hardest: made tuning material, fresh finals in their place),
and newsset22 and newsset23 (written blind with the new finals, measured whole and blind when added).  The floors sit a little below the figures measured when each
set was added, so a regression fails here while merges may move the figures a little; never tune a rule
on these texts (write an own-words test of the general pattern instead).  Scoring:
``tests/helpers/newsscore.py``.  The sets must stay their authors' own words: no 12-word sequence may be
shared with the development articles (``../shared/eval/articles``), another news set, or another article
of the same set (a stock sentence repeated across articles would be scored twice).

One table, one set of checks: each set differs only in its files, its no-deal articles and its floors.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from helpers.newsscore import check_labels, extract_set, load_set, score
from helpers.overlap import shared_sequences, texts
from helpers.paths import FIXTURES, SHARED

#: the shipped output, drop floor included (tests/conftest.py)
pytestmark = pytest.mark.shipped_output

EVAL_ARTICLES = SHARED / "eval" / "articles"
#: every own news set, for the copy check across sets
ALL_SETS = (
    "newsset",
    "newsset2",
    "newsset3",
    "newsset4",
    "newsset5",
    "newsset6",
    "newsset7",
    "newsset8",
    "newsset9",
    "newsset10",
    "newsset11",
    "newsset12",
    "newsset13",
    "newsset14",
    "newsset15",
    "newsset16",
    "newsset17",
    "newsset18",
    "newsset19",
    "newsset20",
    "newsset21",
    "newsset22",
    "newsset23",
)


@dataclass(frozen=True)
class BlindSet:
    """A blind set: its directory and file glob, the articles stating no deal, and its floors
    (precision, recall, status right among matched facts; precision and recall at confidence >= 0.8)."""

    name: str
    glob: str
    no_deal: tuple[str, ...]
    floors: tuple[float, float, float]
    confident_floors: tuple[float, float]

    @property
    def paths(self):
        return sorted((FIXTURES / self.name).glob(self.glob))


#: conf9 lowered the confident recall floors of newsset4, 7, 9, 11 and 12: the band now starts where its
#: cross-validated precision on the check halves keeps the 0.95 promise with a margin (docs/extract-json.md,
#: "Confidence scale"), and covers about 0.72 of what it did on the pooled checks (R 0.29 -> 0.21); the
#: finals' floors are their old floors times that ratio (their figures were not read), the checks' a little
#: under the measured value (newsset7 R=0.22, newsset12 R=0.23)
BLIND_SETS = (
    # kg at 1203639, labels at f613dcc; 184 gold facts on 152 triples: P=0.70 R=0.63 status 82/118,
    # confidence >= 0.8 P=0.93 R=0.25 (confident recall floor 0.14 -> 0.12 on 2026-12-04 when the trainer's rule
    # chose the base/30/0.7 model: its band covers 0.14 here, precision 1.00; 0.12 -> 0.10 on 2026-12-05 when it
    # chose all/1/1.0/0.955: out-of-sample checks P 0.958 R 0.168 where the old setting's band had P 0.922 R 0.184,
    # so every set's band is a little narrower and a little more often right; here P 0.95 R 0.115)
    BlindSet("newsset4", "p-*.json", ("p-12", "p-23"), (0.65, 0.58, 0.64), (0.88, 0.10)),
    # kg at 4c59a22, labels at 38a3b3c; 146 facts on 111 triples: P=0.54 R=0.53 status 57/86,
    # confidence >= 0.8 P=0.75 R=0.22
    BlindSet("newsset5", "s-*.json", ("s-17", "s-18"), (0.49, 0.48, 0.61), (0.70, 0.17)),
    # kg at 4c59a22, labels at 39c154e; 177 facts on 142 triples: P=0.52 R=0.52 status 68/98,
    # confidence >= 0.8 P=0.82 R=0.16 (confident recall floor 0.10 -> 0.09 on 2026-12-05, round 29: the trainer's
    # rule moved the band's score 0.935 -> 0.94, the band here P 1.00 R 0.099, 7 triples of 71)
    BlindSet("newsset6", "t-*.json", ("t-21", "t-22"), (0.47, 0.47, 0.64), (0.77, 0.09)),
    # kg at 44d080a, labels at b0ed4e7; 126 facts on 101 triples: P=0.61 R=0.54 status 60/72,
    # confidence >= 0.8 P=0.82 R=0.33
    BlindSet("newsset7", "u-*.json", ("u-21", "u-22"), (0.56, 0.49, 0.78), (0.77, 0.19)),
    # kg at 44d080a, labels at 4546241; 213 facts on 163 triples: P=0.61 R=0.45 status 76/98,
    # confidence >= 0.8 P=0.94 R=0.09
    BlindSet("newsset8", "v-*.json", ("v-17", "v-24"), (0.56, 0.40, 0.73), (0.85, 0.05)),
    # kg at 8a1bbba, labels at 8aab736; 150 facts on 130 triples: P=0.68 R=0.63 status 78/95,
    # confidence >= 0.8 P=0.84 R=0.29
    BlindSet("newsset9", "w-*.json", ("w-12", "w-22"), (0.63, 0.58, 0.77), (0.78, 0.17)),
    # kg at 7110af3, labels at c2e371c; 206 facts on 167 triples: P=0.63 R=0.65 status 107/144,
    # confidence >= 0.8 P=0.93 R=0.25
    BlindSet("newsset10", "x-*.json", ("x-23", "x-24"), (0.58, 0.60, 0.69), (0.85, 0.20)),
    # kg at 9181f8b, labels at 60a239b; 160 facts on 133 triples: P=0.60 R=0.50 status 69/89,
    # confidence >= 0.8 P=0.85 R=0.22
    BlindSet("newsset11", "y-*.json", ("y-23", "y-24"), (0.55, 0.45, 0.72), (0.78, 0.13)),
    # kg at d38d4e2, labels at 2061992; 155 facts on 123 triples: P=0.62 R=0.66 status 94/109,
    # confidence >= 0.8 P=0.90 R=0.30 (confident recall floor 0.20 -> 0.18 with the 2026-12-05 model: P 1.00 R 0.195;
    # 0.18 -> 0.17 with round 24's refit, all/1/1.0/0.96: R 0.179)
    BlindSet("newsset12", "z-*.json", ("z-23", "z-24"), (0.57, 0.60, 0.80), (0.83, 0.17)),
    # kg at cc9dd68, labels at e4cdc0e; 220 facts on 168 triples: P=0.84 R=0.72 status 118/164,
    # confidence >= 0.8 P=0.92 R=0.21
    BlindSet("newsset13", "a-*.json", ("a-23", "a-24"), (0.79, 0.67, 0.67), (0.85, 0.16)),
    # kg at e98c89f, labels at 51151d5; 168 facts on 134 triples: P=0.67 R=0.49 status 70/89,
    # confidence >= 0.8 P=0.83 R=0.18
    BlindSet("newsset14", "a-*.json", ("a-16", "a-17"), (0.62, 0.44, 0.72), (0.75, 0.13)),
    # kg at 7a68677, labels at 4df4e7a; 171 facts on 136 triples: P=0.74 R=0.66 status 101/122,
    # confidence >= 0.8 P=0.93 R=0.21
    BlindSet("newsset15", "b-*.json", ("b-02", "b-24"), (0.69, 0.61, 0.78), (0.86, 0.15)),
    # kg at a223cf0, labels at 9cddf97; 200 facts on 167 triples: P=0.52 R=0.43 status 68/94,
    # confidence >= 0.8 P=0.84 R=0.16 (the first measurement of a set written after every rule; confident recall
    # floor 0.11 -> 0.10 with round 25's refit, all/3/1.0/0.95: R 0.108)
    BlindSet("newsset16", "c-*.json", ("c-23", "c-24"), (0.47, 0.38, 0.66), (0.76, 0.10)),
    # kg at 1e34ea9, labels at 10914e5; 145 facts on 116 triples: P=0.69 R=0.57 status 69/92,
    # confidence >= 0.8 P=0.92 R=0.19 (measured whole and blind, then halved)
    BlindSet("newsset17", "f-*.json", ("f-11", "f-23"), (0.64, 0.52, 0.70), (0.85, 0.14)),
    # kg at 1e34ea9, labels at e1cbb2b; 220 facts on 195 triples: P=0.69 R=0.54 status 100/126,
    # confidence >= 0.8 P=0.80 R=0.17 (measured whole and blind, then halved; confident recall floor 0.12 -> 0.10
    # with the 2026-12-05 model: P 0.96 R 0.12)
    BlindSet("newsset18", "g-*.json", ("g-23", "g-24"), (0.64, 0.49, 0.74), (0.73, 0.10)),
    # kg at 9370d18, labels at b011c4f; 189 facts on 151 triples: P=0.61 R=0.42 status 65/82,
    # confidence >= 0.8 P=0.82 R=0.12 (written after every rule, like newsset16)
    BlindSet("newsset19", "h-*.json", ("h-08", "h-23"), (0.56, 0.37, 0.72), (0.74, 0.08)),
    # kg at e16c8a0, labels at 44d77cc; 191 facts on 160 triples: P=0.69 R=0.62 status 110/121,
    # confidence >= 0.8 P=1.00 R=0.16 (a final check written 2026-12-05, after every rule; confident precision
    # floor 0.92 -> 0.91 with round 25's refit, all/1/1.0/0.955: P 0.917, one claim of 12 wrong)
    BlindSet("newsset20", "i-*.json", ("i-08", "i-14"), (0.64, 0.57, 0.84), (0.91, 0.12)),
    # kg at e16c8a0, labels at 5e5c22d; 171 facts on 142 triples: P=0.66 R=0.64 status 89/110,
    # confidence >= 0.8 P=0.86 R=0.13 (a final check written 2026-12-05, after every rule)
    BlindSet("newsset21", "j-*.json", ("j-07", "j-24"), (0.61, 0.59, 0.74), (0.78, 0.09)),
    # kg at d90bd4f, labels at 205ebae; 156 facts on 122 triples: P=0.66 R=0.61 status 80/105,
    # confidence >= 0.8 P=0.92 R=0.19 (measured whole and blind, then halved; confident recall floor 0.14 -> 0.13
    # with the model of the 2026-12-05 morning round, all/3/1.0/0.955: R 0.139)
    BlindSet("newsset22", "k-*.json", ("k-09", "k-24"), (0.61, 0.56, 0.69), (0.84, 0.13)),
    # kg at d90bd4f, labels at fcae79d; 184 facts on 143 triples: P=0.59 R=0.60 status 94/115,
    # confidence >= 0.8 P=0.93 R=0.17 (measured whole and blind, then halved; confident recall floor 0.12 -> 0.09
    # with the model refit on it the same day: P 0.94 R 0.11)
    BlindSet("newsset23", "q-*.json", ("q-08", "q-20"), (0.54, 0.55, 0.75), (0.85, 0.09)),
)
IDS = [s.name for s in BLIND_SETS]


@pytest.mark.parametrize("blind", BLIND_SETS, ids=IDS)
def test_the_set_is_complete_and_consistent(blind: BlindSet) -> None:
    """24 articles, gold by the guidelines (evidence is a sentence of the text, years on signed facts),
    and exactly the articles that state no deal have no gold."""
    docs = load_set(FIXTURES / blind.name, blind.glob)
    check_labels(docs, 24)
    assert tuple(doc["id"] for doc, _ in docs if not doc["gold"]) == blind.no_deal


@pytest.mark.parametrize("blind", BLIND_SETS, ids=IDS)
def test_no_text_copied_from_the_other_news_sets(blind: BlindSet) -> None:
    mine = texts(blind.paths)
    others = texts(
        [p for name in ALL_SETS if name != blind.name for p in sorted(FIXTURES.glob(f"{name}/*.json"))]
    )
    assert others, "the other news sets are missing"
    assert not shared_sequences(mine, others)


@pytest.mark.parametrize("blind", BLIND_SETS, ids=IDS)
def test_no_text_copied_between_articles_of_the_set(blind: BlindSet) -> None:
    mine = texts(blind.paths)
    for name, text in mine.items():
        rest = {other: t for other, t in mine.items() if other != name}
        assert not shared_sequences({name: text}, rest), name


@pytest.mark.parametrize("blind", BLIND_SETS, ids=IDS)
def test_no_text_copied_from_the_development_set(blind: BlindSet) -> None:
    if not EVAL_ARTICLES.is_dir():
        pytest.skip(f"no development articles at {EVAL_ARTICLES} (kept beside the checkout, never copied in)")
    assert not shared_sequences(texts(blind.paths), texts(sorted(EVAL_ARTICLES.glob("*.json"))))


_EXTRACTED: dict[str, list] = {}


def _extracted(blind: BlindSet) -> list[tuple[dict, list[dict]]]:
    """Each set extracted once per session (both floor tests read it)."""
    if blind.name not in _EXTRACTED:
        _EXTRACTED[blind.name] = extract_set(load_set(FIXTURES / blind.name, blind.glob))
    return _EXTRACTED[blind.name]


@pytest.mark.parametrize("blind", BLIND_SETS, ids=IDS)
def test_precision_recall_status_floors(blind: BlindSet) -> None:
    sc, misses = score(_extracted(blind))
    print(
        f"{blind.name} P={sc.precision:.2f} R={sc.recall:.2f} status={sc.status_ok}/{sc.status_n}\n{misses}"
    )
    min_p, min_r, min_status = blind.floors
    assert sc.precision >= min_p, misses
    assert sc.recall >= min_r, misses
    assert sc.status_ok >= min_status * sc.status_n, misses


@pytest.mark.parametrize("blind", BLIND_SETS, ids=IDS)
def test_confident_claims_floor(blind: BlindSet) -> None:
    sc, misses = score(_extracted(blind), confidence=0.8)
    print(f"{blind.name} confidence>=0.8 P={sc.precision:.2f} R={sc.recall:.2f}\n{misses}")
    min_p, min_r = blind.confident_floors
    assert sc.precision >= min_p, misses
    assert sc.recall >= min_r, misses
