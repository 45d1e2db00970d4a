"""Scoring of extracted claims against ``tests/fixtures/articles/*.expected.json``.

Shared by ``tests/extract/test_extract_quality.py`` (as ``scripts.extract_scoring``) and
``scripts/bench_extract_quality.py``.  Triples
(supplier iso3, buyer iso3, system) are compared as sets per article (micro P/R over
all articles); a claim's system matches when the catalogue resolves both names to the
same designation, or one comparison key is a prefix of the other ("F-16" matches
"F-16 Block 70").  Negated claims ("dismissed reports that ...") are scored separately:
they must be extracted as negated and never count as transfers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import Article, ArticleError, extract, read_articles
from kg.vocab import reference

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"


def system_key(name: str | None) -> str:
    if not name:
        return ""
    rec = reference.resolve_system(name)
    return reference.system_key(rec.designation if rec else name)


def same_system(a: str | None, b: str | None) -> bool:
    ka, kb = system_key(a), system_key(b)
    if not ka or not kb:
        return ka == kb
    return ka == kb or (min(len(ka), len(kb)) >= 3 and (ka.startswith(kb) or kb.startswith(ka)))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_ok: int = 0
    quantity_ok: int = 0
    value_ok: int = 0
    matched: int = 0
    negated_ok: int = 0
    negated_total: int = 0
    errors: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def rate(self, n: int) -> float:
        return n / self.matched if self.matched else 1.0


def _triple(d: dict) -> tuple:
    sup = d["supplier"]["iso3"] if isinstance(d.get("supplier"), dict) else d.get("supplier")
    buy = d["buyer"]["iso3"] if isinstance(d.get("buyer"), dict) else d.get("buyer")
    sysn = d["system"]["name"] if isinstance(d.get("system"), dict) else d.get("system")
    return sup, buy, sysn


def _match(t1: tuple, t2: tuple) -> bool:
    return t1[0] == t2[0] and t1[1] == t2[1] and same_system(t1[2], t2[2])


def fixture_articles(root: Path = FIXTURES) -> dict[Path, list[Article]]:
    """Articles grouped by fixture file (a .jsonl file holds several)."""
    out: dict[Path, list[Article]] = {}
    for item in read_articles(root):
        if isinstance(item, ArticleError):
            raise AssertionError(f"fixture unreadable: {item}")
        out.setdefault(Path(item.path or ""), []).append(item)
    return out


def score_fixtures(root: Path = FIXTURES) -> Score:
    sc = Score()
    for path, articles in sorted(fixture_articles(root).items()):
        expected = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json").read_text())
        predicted = [c.to_dict() for art in articles for c in extract(art)]
        pos_pred = [p for p in predicted if not p["negated"]]
        pos_exp = [e for e in expected if not e.get("negated")]
        # negated expectations: must come out negated, never as a transfer
        for e in expected:
            if e.get("negated"):
                sc.negated_total += 1
                if any(_match(_triple(p), _triple(e)) for p in predicted if p["negated"]):
                    sc.negated_ok += 1
                else:
                    sc.details.append(f"{path.name}: negated claim not found {_triple(e)}")
        exp_triples: list[tuple] = []
        for e in pos_exp:
            if not any(_match(_triple(e), t) for t in exp_triples):
                exp_triples.append(_triple(e))
        pred_triples: list[tuple] = []
        for p in pos_pred:
            if not any(_match(_triple(p), t) for t in pred_triples):
                pred_triples.append(_triple(p))
        for t in pred_triples:
            if any(_match(t, e) for e in exp_triples):
                sc.tp += 1
            else:
                sc.fp += 1
                sc.details.append(f"{path.name}: FP {t}")
        for e in exp_triples:
            if not any(_match(e, t) for t in pred_triples):
                sc.fn += 1
                sc.details.append(f"{path.name}: FN {e}")
        # attributes on matched claims: the predicted claim of the same triple that agrees
        # on status (the article may mention the deal at several stages)
        for e in pos_exp:
            cands = [p for p in pos_pred if _match(_triple(p), _triple(e))]
            if not cands:
                continue
            cands = [p for p in cands if p.get("batch") == e.get("batch", "original")] or cands
            best = next((p for p in cands if p["status"] == e["status"]), cands[0])
            sc.matched += 1
            sc.status_ok += best["status"] == e["status"]
            sc.quantity_ok += best["quantity"] == e["quantity"]
            sc.value_ok += best["value"] == e["value"]
            for k in ("status", "quantity", "value"):
                if best[k] != e[k]:
                    sc.details.append(f"{path.name}: {_triple(e)} {k}: got {best[k]!r} want {e[k]!r}")
    return sc
