"""Scoring of the blind news sets (``tests/fixtures/newsset``, ``tests/fixtures/newsset2``) in-process.

Why here: both sets are scored the same way, and a second copy of the matcher would drift from the
first.  Scoring mirrors ``../shared/eval/score.py`` (which the repository does not ship): one matching
unit per (supplier, buyer, system) triple, systems equal on their letters-and-digits key, one key
containing the other, or a gold ``system_also`` name; status right when one claim of the matched
triple has the gold status or one of ``status_also``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kg.extract import Article, extract, read_articles
from kg.vocab import reference

#: The statuses of the labelling guidelines (``../shared/eval/README.md`` rule 5).
STATUSES = frozenset(
    {
        "approved",
        "negotiating",
        "signed",
        "delivering",
        "delivered",
        "delayed",
        "cancelled",
        "offered",
        "unknown",
    }
)


def system_key(name: str | None) -> str | None:
    """Letters and digits of a designation, lower case: the scorer's matching key."""
    if not name:
        return None
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", name).lower()) or None


def party_key(party: object) -> str | None:
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
    """Counts over a set: matched triples, extra and missed ones, gold statuses found."""

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
        key = (party_key(g["supplier"]), party_key(g["buyer"]), system_key(g["system"]))
        gold.setdefault(key, []).append(g)
    pred: dict[tuple, list[dict]] = {}
    for c in claims:
        system = (c.get("system") or {}).get("name")
        key = (party_key(c.get("supplier")), party_key(c.get("buyer")), system_key(system))
        pred.setdefault(key, []).append(c)

    def same(gk: tuple, pk: tuple) -> bool:
        if gk[:2] != pk[:2]:
            return False
        if gk[2] is None or pk[2] is None:
            return gk[2] is None and pk[2] is None
        names = {gk[2]} | {system_key(a) for g in gold[gk] for a in g.get("system_also") or []}
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


def load_set(folder: Path, pattern: str) -> list[tuple[dict, Article]]:
    """Each labelled file of ``folder`` matching ``pattern``: its JSON and the article kg reads from it."""
    out = []
    for path in sorted(folder.glob(pattern)):
        (art,) = [a for a in read_articles(path) if isinstance(a, Article)]
        out.append((json.loads(path.read_text(encoding="utf-8")), art))
    return out


def extract_set(docs: list[tuple[dict, Article]]) -> list[tuple[dict, list[dict]]]:
    """Each labelled file with the claims (JSON shape) the extractor yields for its article."""
    return [(doc, [c.to_dict() for c in extract(art)]) for doc, art in docs]


def score(extracted: list[tuple[dict, list[dict]]], confidence: float | None = None) -> tuple[NewsScore, str]:
    """The set's score (optionally only claims with confidence >= ``confidence``) and the misses."""
    sc, misses = NewsScore(), []
    for doc, claims in extracted:
        kept = [c for c in claims if confidence is None or float(c.get("confidence") or 0) >= confidence]
        _score_article(doc, kept, sc, misses)
    return sc, "\n".join(misses)


def check_labels(docs: list[tuple[dict, Article]], size: int) -> None:
    """A set follows the guidelines: ``size`` articles, some without a deal, evidence a sentence of the
    text, years only on signed facts, one fact per (supplier, buyer, system, status), every status used."""
    assert len(docs) == size
    assert sum(1 for doc, _ in docs if not doc["gold"]) >= 2, "need articles without any deal"
    seen = set()
    for doc, art in docs:
        assert doc["rewritten"] is True and art.url and art.published, doc["id"]
        keys = set()
        for g in doc["gold"]:
            assert g["evidence"] in doc["text"], (doc["id"], g["evidence"])
            assert {g["status"], *g["status_also"]} <= STATUSES, (doc["id"], g)
            assert g["order_year"] is None or g["status"] == "signed", (doc["id"], g)
            assert party_key(g["supplier"]) != party_key(g["buyer"]), (doc["id"], g)
            key = (g["supplier"], g["buyer"], g["system"], g["status"])
            assert key not in keys, f"{doc['id']}: two facts for {key}"
            keys.add(key)
            seen.add(g["status"])
    assert seen == STATUSES, f"statuses not covered: {STATUSES - seen}"
