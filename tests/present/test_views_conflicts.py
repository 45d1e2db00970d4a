"""The deals view shows, for each deal, where its sources disagree (as kg contradictions does)."""

from __future__ import annotations

from helpers.linking import load_register, load_seed

from kg.analysis import network as kn
from kg.ingest import linking
from kg.present.views import deals_view
from kg.store import open_store


def test_deal_panel_lists_the_seed_quantity_conflict() -> None:
    store = open_store("memory:")
    load_register(store)
    load_seed(store)
    linking.link(store)
    view = deals_view(store, kn.Filters(buyer="India"), limit=1000)
    shown = [
        (detail["title"], item["text"])
        for detail in view.details.values()
        for section in detail.get("sections", [])
        if section["heading"] == "Sources disagree"
        for item in section["items"]
    ]
    assert shown, "no deal panel lists a disagreement"
    assert all("S-400" in title for title, _ in shown)
    assert "quantity: 5 [article 2026-05-26] | 10 [SIPRI 2024-10-13 row 30]" in {text for _, text in shown}


def test_deals_view_reads_each_deals_evidence_once(monkeypatch) -> None:
    """One read of the evidence model feeds the deal records and their disagreements: the
    view gathers once, for every deal it shows (not a second timeline through other queries)."""
    from kg.analysis import evidence

    store = open_store("memory:")
    load_register(store)
    load_seed(store)
    linking.link(store)
    reads: list[list[str]] = []
    real = evidence._gather_facts

    def counting(store_, wanted, ev):
        reads.append(list(wanted))
        return real(store_, wanted, ev)

    monkeypatch.setattr(evidence, "_gather_facts", counting)
    view = deals_view(store, kn.Filters(buyer="India"), limit=1000)
    shown = {detail["subtitle"] for detail in view.details.values()}
    assert len(reads) == 1, reads
    assert shown and shown <= set(reads[0])
    # the records are those deal_records gives (the same model, read the same way)
    records = kn.deal_records(store, kn.Filters(buyer="India"), limit=1000)
    assert {r.iri for r in records} == shown
