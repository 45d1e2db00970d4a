"""Linking, timelines and contradictions through the generic Store API: the on-disk embedded
store (index lookups) and a real Oxigraph SPARQL server (SPARQL queries and updates) give
the same answers."""

from __future__ import annotations

from helpers.linking import REGISTER_TRIG, S400_REGISTER, article, claim, deal_of, load_article, load_seed
from helpers.trig import load_trig_graphs

from kg.analysis import timeline
from kg.analysis.contradictions import find_contradictions
from kg.ingest import linking
from kg.store import Store
from kg.vocab import iris


def test_same_answers_on_embedded_and_remote(any_store: Store) -> None:
    store = any_store
    load_trig_graphs(store, REGISTER_TRIG)  # graph by graph: works on any store
    seed = load_seed(store)
    rafale = load_article(
        store,
        article("rafale", "2019-01-01"),
        [
            claim("France", "India", "Rafale", order_year=2016, quantity=36, dates=("2016-09",)),
        ],
    )
    report = linking.link(store, article_graphs=[seed, rafale])
    assert (report.article_deals, report.links, report.candidates) == (3, 2, 0)
    seed_deal = deal_of(store, seed, 2018)
    assert [r.register_deal for r in linking.links_of(store, seed_deal)] == [str(S400_REGISTER)]

    t = timeline.deal_timeline(store, seed_deal)
    assert t.status_explanation == (
        "delivering: SIPRI 2024-10-13 records deliveries 2021-2023 (6 of 10); "
        "article 2026-05-26 says 3 delivered, 2 delayed"
    )
    assert [e.date for e in t.events if e.kind == "delivery" and not e.expected][:3] == [
        "2021",
        "2022",
        "2023",
    ]

    found = {(c.field, tuple(v.value for v in c.values)) for c in find_contradictions(store)}
    assert found == {("quantity", ("5", "10")), ("order year", ("2016", "2017"))}

    # incremental and full runs agree; a re-imported article without the deal drops its link
    full = linking.link(store)
    assert full.links == 2
    load_article(
        store, article("rafale", "2019-01-01"), [claim("France", "India", "Rafale-M", order_year=2023)]
    )
    again = linking.link(store, article_graphs=[rafale])
    assert again.removed_stale == 1 and again.links == 0
    rows = store.select(
        "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { GRAPH ?g { ?l ?p ?o } }", {"g": iris.LINKS_GRAPH}
    )
    assert int(rows[0]["n"]) == 1
