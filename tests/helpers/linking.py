"""Linking fixtures shared by the linking, timeline, contradiction and deals-view tests.

``fixtures/links/register.trig`` is a small register release in the SIPRI importer's shape;
``seed_claims.json`` is what the extractor yields for the seed article, in its documented JSON
shape, mapped here by the real article mapper (:mod:`kg.ingest.article_rdf`).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from kg.ingest.article_rdf import article_graph
from kg.store import Store
from kg.vocab import iris, reference

LINKS = Path(__file__).resolve().parents[1] / "fixtures" / "links"
REGISTER_TRIG = LINKS / "register.trig"
SEED_CLAIMS = LINKS / "seed_claims.json"
FIXTURE_RELEASE = URIRef(iris.ID["source/release/links-fixture"])
S400_REGISTER = URIRef(iris.ID["deal/sipri/fx-s400"])


def load_register(store: Store) -> None:
    """Write the fixture register release (``register.trig``) into ``store``."""
    scratch = ox.Store()
    scratch.load(path=str(REGISTER_TRIG), format=ox.RdfFormat.TRIG)
    store.load_dataset(scratch)  # type: ignore[attr-defined]


def load_article(store: Store, article: dict[str, Any], claims: list[dict[str, Any]]) -> URIRef:
    """Map an article and its extractor-shaped claims with the real mapper; returns its graph.

    The extractor's ``batch: "original"`` means "not an additional batch" and is passed on
    as ``None`` (what kg.ingest.article_rdf does with it too).
    """
    claims = [{**c, "batch": None if c.get("batch") == "original" else c.get("batch")} for c in claims]
    graph, data = article_graph(
        key=article["key"],
        text=article.get("text", ""),
        title=article.get("title"),
        url=article.get("url"),
        published=date.fromisoformat(article["published"]) if article.get("published") else None,
        publisher=article.get("publisher"),
        path=None,
        claims=claims,
    )
    store.replace_graphs({graph: data})
    return graph


def load_seed(store: Store) -> URIRef:
    doc = json.loads(SEED_CLAIMS.read_text(encoding="utf-8"))
    return load_article(store, doc["article"], doc["claims"])


def party(name: str) -> dict[str, Any]:
    record = reference.resolve_party(name)
    assert record is not None, name
    return {"name": record.name, "iso3": record.iso3, "kind": record.kind}


def claim(
    supplier: str,
    buyer: str,
    system: str | None,
    *,
    status: str = "signed",
    order_year: int | None = None,
    quantity: int | None = None,
    batch: str | None = None,
    dates: tuple[str, ...] = (),
    evidence: str = "",
    value: tuple[float, str] | None = None,
    quantity_delivered: int | None = None,
    negated: bool = False,
    confidence: float = 0.8,
    modality: str | None = None,
) -> dict[str, Any]:
    """A claim dict in the extractor's JSON shape (kg/extract/model.py)."""
    text = evidence or f"{supplier} and {buyer}: {system} ({status})."
    return {
        "supplier": party(supplier),
        "supplier_company": None,
        "buyer": party(buyer),
        "system": {"name": system, "category": None} if system else None,
        "status": status,
        "quantity": quantity,
        "value": {"amount": value[0], "currency": value[1]} if value else None,
        "order_year": order_year,
        "dates": [{"text": d, "date": d, "role": "event"} for d in dates],
        "evidence": {"text": text, "start": 0, "end": len(text)},
        "confidence": confidence,
        "batch": batch,
        "negated": negated,
        "modality": modality,
        "quantity_delivered": quantity_delivered,
    }


def article(key: str, published: str = "2025-01-15", title: str | None = None) -> dict[str, Any]:
    return {
        "key": f"https://news.example.org/{key}",
        "url": f"https://news.example.org/{key}",
        "title": title or f"Test article {key}",
        "published": published,
    }


def deal_of(store: Store, graph: URIRef, year: int | None = None, *, additional: bool | None = None) -> str:
    """The one deal of an article graph with this order year and batch (read back, not re-minted)."""
    rows = store.select(
        """SELECT ?deal ?year ?batch WHERE { GRAPH ?g { ?deal a <https://w3id.org/defence-kg/ontology#Deal> .
             OPTIONAL { ?deal <https://w3id.org/defence-kg/ontology#orderYear> ?year }
             OPTIONAL { ?deal <https://w3id.org/defence-kg/ontology#additionalBatch> ?batch } } }""",
        {"g": graph},
    )
    hits = {
        str(r["deal"])
        for r in rows
        if (int(r["year"]) if "year" in r else None) == year
        and (additional is None or ("batch" in r and bool(r["batch"].toPython())) == additional)
    }
    assert len(hits) == 1, (graph, year, additional, rows)
    return hits.pop()
