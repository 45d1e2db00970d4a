"""Extraction quality on ``tests/fixtures/newsset``: 24 news articles written blind to the rules.

Why: the project's own fixtures score 1.00 because the rules were written against them; this set
was written and labelled (by ``../shared/eval/README.md``'s guidelines) by someone who had not read
``kg/extract/``, so it measures how the extractor generalises.  The floors sit a little below the
figures measured when the set was added, so a regression fails here; raise them as the extractor
improves.  Scoring mirrors ``../shared/eval/score.py`` (which the repository does not ship): one
matching unit per (supplier, buyer, system) triple, systems equal on their letters-and-digits key,
one key containing the other, or a gold ``system_also`` name; status right when one claim of the
matched triple has the gold status or one of ``status_also``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

import pytest
from helpers.paths import FIXTURES

from kg.extract import Article, extract, read_articles
from kg.vocab import reference

NEWSSET = FIXTURES / "newsset"

# measured when the set was added (kg at a488ce5): P=0.69 R=0.58 status=38/54; at confidence >= 0.8
# P=0.94 R=0.39.  Floors: a little below.
MIN_PRECISION = 0.64
MIN_RECALL = 0.53
MIN_STATUS = 0.65
MIN_CONFIDENT_PRECISION = 0.88
MIN_CONFIDENT_RECALL = 0.34


def _system_key(name: str | None) -> str | None:
    if not name:
        return None
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", name).lower()) or None


def _party_key(party: object) -> str | None:
    """iso3 of a claim's party dict or of a gold country name."""
    if isinstance(party, dict):
        return party.get("iso3") or party.get("name")
    if isinstance(party, str):
        rec = reference.resolve_country(party)
        return rec.iso3 if rec else party
    return None


def _contains(a: str, b: str) -> bool:
    return a == b or a in b or b in a


@dataclass
class NewsScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_ok: int = 0
    status_n: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def _score_article(doc: dict, claims: list[dict], sc: NewsScore, misses: list[str]) -> None:
    gold: dict[tuple, list[dict]] = {}
    for g in doc["gold"]:
        key = (_party_key(g["supplier"]), _party_key(g["buyer"]), _system_key(g["system"]))
        gold.setdefault(key, []).append(g)
    pred: dict[tuple, list[dict]] = {}
    for c in claims:
        system = (c.get("system") or {}).get("name")
        key = (_party_key(c.get("supplier")), _party_key(c.get("buyer")), _system_key(system))
        pred.setdefault(key, []).append(c)

    def same(gk: tuple, pk: tuple) -> bool:
        if gk[:2] != pk[:2]:
            return False
        if gk[2] is None or pk[2] is None:
            return gk[2] is None and pk[2] is None
        names = {gk[2]} | {_system_key(a) for g in gold[gk] for a in g.get("system_also") or []}
        return any(_contains(n, pk[2]) for n in names - {None})

    used: set[tuple] = set()
    for gk in sorted(gold, key=lambda k: k not in pred):  # exact designations first
        hit = gk if gk in pred and gk not in used else None
        hit = hit or next((pk for pk in pred if pk not in used and pk not in gold and same(gk, pk)), None)
        hit = hit or next((pk for pk in pred if pk not in used and same(gk, pk)), None)
        if hit is None:
            sc.fn += 1
            misses.append(f"{doc['id']}: MISS {gk}")
            continue
        sc.tp += 1
        used.add(hit)
        claimed = {c.get("status") for c in pred[hit]}
        for g in gold[gk]:
            sc.status_n += 1
            sc.status_ok += bool(({g["status"]} | set(g.get("status_also") or [])) & claimed)
    for pk in pred:
        if pk not in used:
            sc.fp += 1
            misses.append(f"{doc['id']}: EXTRA {pk}")


def _docs() -> list[tuple[dict, Article]]:
    out = []
    for path in sorted(NEWSSET.glob("n-*.json")):
        (art,) = [a for a in read_articles(path) if isinstance(a, Article)]
        out.append((json.loads(path.read_text(encoding="utf-8")), art))
    return out


@pytest.fixture(scope="module")
def extracted() -> list[tuple[dict, list[dict]]]:
    return [(doc, [c.to_dict() for c in extract(art)]) for doc, art in _docs()]


def score(extracted: list[tuple[dict, list[dict]]], confidence: float | None = None) -> tuple[NewsScore, str]:
    """The set's score (optionally only claims with confidence >= ``confidence``) and the misses."""
    sc, misses = NewsScore(), []
    for doc, claims in extracted:
        kept = [c for c in claims if confidence is None or float(c.get("confidence") or 0) >= confidence]
        _score_article(doc, kept, sc, misses)
    return sc, "\n".join(misses)


def test_the_set_is_complete_and_consistent() -> None:
    """24 articles, gold by the guidelines: evidence is a sentence of the text, years on signed facts."""
    docs = _docs()
    assert len(docs) == 24
    assert sum(1 for doc, _ in docs if not doc["gold"]) >= 2, "need articles without any deal"
    statuses = {"approved", "negotiating", "signed", "delivering", "delivered", "delayed", "cancelled"}
    statuses |= {"offered", "unknown"}
    seen = set()
    for doc, art in docs:
        assert doc["rewritten"] is True and art.url and art.published, doc["id"]
        keys = set()
        for g in doc["gold"]:
            assert g["evidence"] in doc["text"], (doc["id"], g["evidence"])
            assert {g["status"], *g["status_also"]} <= statuses, (doc["id"], g)
            assert g["order_year"] is None or g["status"] == "signed", (doc["id"], g)
            assert _party_key(g["supplier"]) != _party_key(g["buyer"]), (doc["id"], g)
            key = (g["supplier"], g["buyer"], g["system"], g["status"])
            assert key not in keys, f"{doc['id']}: two facts for {key}"
            keys.add(key)
            seen.add(g["status"])
    assert seen == statuses, f"statuses not covered: {statuses - seen}"


def test_precision_recall_status_floors(extracted) -> None:
    sc, misses = score(extracted)
    print(f"newsset P={sc.precision:.2f} R={sc.recall:.2f} status={sc.status_ok}/{sc.status_n}\n{misses}")
    assert sc.precision >= MIN_PRECISION, misses
    assert sc.recall >= MIN_RECALL, misses
    assert sc.status_ok >= MIN_STATUS * sc.status_n, misses


def test_confident_claims_floor(extracted) -> None:
    sc, misses = score(extracted, confidence=0.8)
    print(f"newsset confidence>=0.8 P={sc.precision:.2f} R={sc.recall:.2f}\n{misses}")
    assert sc.precision >= MIN_CONFIDENT_PRECISION, misses
    assert sc.recall >= MIN_CONFIDENT_RECALL, misses


def test_scoring_counts_a_wrong_claim_against_precision() -> None:
    """The scorer itself: a reversed pair is an extra and a miss, a family name matches its variant."""
    doc = {
        "id": "t",
        "gold": [
            {"supplier": "France", "buyer": "India", "system": "Rafale Marine", "system_also": [],
             "status": "approved", "status_also": []},
        ],
    }  # fmt: skip
    claim = {"supplier": {"iso3": "FRA"}, "buyer": {"iso3": "IND"}, "system": {"name": "Rafale"}}
    sc, _ = score([(doc, [claim | {"status": "signed"}])])
    assert (sc.tp, sc.fp, sc.fn, sc.status_ok) == (1, 0, 0, 0)
    reversed_claim = {"supplier": {"iso3": "IND"}, "buyer": {"iso3": "FRA"}, "system": {"name": "Rafale M"}}
    sc, _ = score([(doc, [reversed_claim | {"status": "approved"}])])
    assert (sc.tp, sc.fp, sc.fn) == (0, 1, 1)
