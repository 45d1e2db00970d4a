"""Benchmark: link the whole SIPRI register against N generated article deals.

Usage::

    .venv/bin/python scripts/bench_linking.py [--deals 1000] [--register PATH] [--store memory:|DIR] [--json]

Imports the 16-column register (``../shared/data/sipri/trade-register.csv`` by default)
into a fresh store, generates ``--deals`` article deals from random register rows (fixed
seed) the way the press reports them (catalogue aliases for the system, the order year
off by one now and then, other quantities, an additional batch under negotiation, some
deals the register does not have), maps them with the real article mapper, then times:

* ``link(store)``: the full run (every article deal against the whole register; target < 5 s);
* ``link(store, article_graphs=[g])``: the incremental run after one article import;
* ``link(store, release_graphs=[release])``: the incremental run after a register import;
* ``find_contradictions(store)``.

It also reports how many generated deals link back to the row they were made from
(precision/recall against the generator's truth).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.analysis.contradictions import find_contradictions  # noqa: E402
from kg.ingest import linking  # noqa: E402
from kg.ingest.article_rdf import article_graph  # noqa: E402
from kg.ingest.sipri.formats import parse_file  # noqa: E402
from kg.ingest.sipri.importer import import_sipri  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.vocab import reference  # noqa: E402

DEFAULT_REGISTER = REPO.parent / "shared" / "data" / "sipri" / "trade-register.csv"


def party(name: str) -> dict[str, Any] | None:
    record = reference.resolve_party(name)
    if record is None or record.kind != "country":
        return None
    return {"name": record.name, "iso3": record.iso3, "kind": "country"}


def press_name(designation: str, rng: random.Random) -> str:
    """The designation or, half the time, one of its catalogue aliases."""
    record = reference.resolve_system(designation)
    if record is not None and record.aliases and rng.random() < 0.5:
        return rng.choice(record.aliases)
    return designation


Identity = tuple[str, str, str, int]


def generate(
    register: Path, n: int, seed: int = 7
) -> tuple[list[tuple[str, list[dict[str, Any]]]], dict[str, Identity], dict[int, Identity]]:
    """``n`` article deals as (article key, claims); the truth (article key -> identity of the
    register deal it reports; absent for deals the register does not have); line -> identity."""
    rng = random.Random(seed)
    parsed = parse_file(register).rows
    identity = {
        r.line: (r.supplier, r.recipient, reference.normalise_designation(r.designation), r.order_year)
        for r in parsed
    }
    rows = [r for r in parsed if r.order_year >= 1990]
    rng.shuffle(rows)
    articles: list[tuple[str, list[dict[str, Any]]]] = []
    truth: dict[str, Identity] = {}
    for row in rows:
        if len(articles) >= n:
            break
        supplier, buyer = party(row.supplier), party(row.recipient)
        if supplier is None or buyer is None:
            continue
        key = f"https://bench.example.org/{len(articles)}"
        kind = rng.random()
        year: int | None = row.order_year
        quantity = row.number_ordered
        batch = None
        status = "signed"
        same_deal = True
        if kind < 0.15:
            year += rng.choice((-1, 1))  # the press dates the contract a year off
        elif kind < 0.25:
            quantity = (quantity or 10) * 3  # counted differently
        elif kind < 0.33:
            year, batch, status = None, "additional", "negotiating"  # a follow-on batch
            same_deal = False
        elif kind < 0.40:
            year = row.order_year + rng.randint(5, 15)  # a later order the register lacks
            same_deal = False
        if same_deal:
            truth[key] = identity[row.line]
        claim = {
            "supplier": supplier,
            "supplier_company": None,
            "buyer": buyer,
            "system": {"name": press_name(row.designation, rng), "category": None},
            "status": status,
            "quantity": quantity,
            "value": None,
            "order_year": year,
            "dates": [{"text": str(year), "date": str(year), "role": "order"}] if year else [],
            "evidence": {
                "text": f"{row.supplier} and {row.recipient}: {row.designation}.",
                "start": 0,
                "end": 10,
            },
            "confidence": 0.8,
            "batch": batch,
            "negated": False,
        }
        articles.append((key, [claim]))
    return articles, truth, identity


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deals", type=int, default=1000)
    parser.add_argument("--register", type=Path, default=DEFAULT_REGISTER)
    parser.add_argument("--store", default="memory:")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.register.exists():
        print(f"register not found: {args.register}", file=sys.stderr)
        return 2
    figures: dict[str, Any] = {"deals": args.deals, "register": args.register.name}
    with open_store(args.store) as store:
        t = time.perf_counter()
        report = import_sipri(store, [args.register])
        figures["import_register_s"] = round(time.perf_counter() - t, 2)
        release = report.inputs[0].release

        t = time.perf_counter()
        articles, truth, identity = generate(args.register, args.deals)
        graphs = {}
        for key, claims in articles:
            g, data = article_graph(
                key=key,
                text="",
                title=key,
                url=key,
                published=date(2025, 6, 1),
                publisher=None,
                path=None,
                claims=claims,
            )
            graphs[g] = data
        store.replace_graphs(graphs)
        figures["load_articles_s"] = round(time.perf_counter() - t, 2)

        t = time.perf_counter()
        full = linking.link(store)
        figures["link_full_s"] = round(time.perf_counter() - t, 3)
        figures["links"], figures["candidates"], figures["unlinked"] = (
            full.links,
            full.candidates,
            full.unlinked,
        )
        figures["article_deals"] = full.article_deals

        t = time.perf_counter()
        linking.link(store, article_graphs=[next(iter(graphs))])
        figures["link_one_article_s"] = round(time.perf_counter() - t, 3)

        if release is not None:
            t = time.perf_counter()
            linking.link(store, release_graphs=[release])
            figures["link_after_release_s"] = round(time.perf_counter() - t, 3)

        t = time.perf_counter()
        figures["contradictions"] = len(find_contradictions(store))
        figures["contradictions_s"] = round(time.perf_counter() - t, 3)

        # accuracy against the generator's truth (the register line each deal was made from)
        lines = {
            r["deal"]: r["row"]
            for r in linking.rows(
                store,
                "SELECT ?deal ?row WHERE { GRAPH ?g { ?g a kg:DatasetRelease . "
                "?deal prov:wasDerivedFrom ?rec . ?rec kg:rowNumber ?row } }",
            )
        }
        source_of = {}
        for r in linking.rows(
            store, "SELECT ?deal ?g WHERE { GRAPH ?g { ?g a kg:NewsArticle . ?deal a kg:Deal } }"
        ):
            source_of[r["deal"]] = r["g"]
        key_of = {str(g): key for (key, _), g in zip(articles, graphs, strict=True)}
        tp = fp = 0
        found: set[str] = set()
        for res in full.results:
            if res.candidate:
                continue
            key = key_of.get(source_of.get(res.article_deal, ""), "")
            line = lines.get(res.register_deal)
            # right when the linked row has the identity of the row the deal was made from
            # (SIPRI lists a few deals twice; either row is right)
            if key in truth and line is not None and identity.get(line) == truth[key]:
                tp += 1
                found.add(key)
            else:
                fp += 1
        figures["precision_vs_generator"] = round(tp / (tp + fp), 3) if tp + fp else None
        figures["recall_vs_generator"] = round(len(found) / len(truth), 3) if truth else None
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for k, v in figures.items():
            print(f"{k:>24}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
