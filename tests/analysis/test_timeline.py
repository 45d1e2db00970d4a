"""Deal timelines: events from every source, merged by date, derived status with its reasons."""

from __future__ import annotations

import json

import pytest
from helpers.linking import S400_REGISTER, article, claim, deal_of, load_article, load_register, load_seed

from kg.analysis import evidence, timeline
from kg.errors import UnknownName
from kg.ingest import linking
from kg.store import Store, open_store


@pytest.fixture
def seeded() -> tuple[Store, str]:
    store = open_store("memory:")
    load_register(store)
    graph = load_seed(store)
    linking.link(store)
    return store, deal_of(store, graph, 2018)


def test_seed_contract_timeline_has_every_source(seeded: tuple[Store, str]) -> None:
    store, deal = seeded
    t = timeline.deal_timeline(store, deal)
    assert t.deals == [deal, str(S400_REGISTER)]
    assert t.label == "Russia -> India: S-400 Triumf (2018)"
    by_key = {(e.date, e.kind): e for e in t.events}
    # one order event, stated by the article and by the register row
    order = by_key[("2018", "order")]
    kinds = {t.sources[st.source].kind for st in order.statements}
    assert kinds == {"article", "register"}
    register_statement = next(st for st in order.statements if t.sources[st.source].kind == "register")
    assert register_statement.row == 30 and register_statement.quantity == 10
    article_statement = next(st for st in order.statements if t.sources[st.source].kind == "article")
    assert "signed in 2018" in (article_statement.evidence or "")
    # deliveries per year from the register, the article's "first three by 2023" joins 2023
    assert [e.date for e in t.events if e.kind == "delivery" and not e.expected] == ["2021", "2022", "2023"]
    assert len(by_key[("2023", "delivery")].statements) == 2
    # the delay is dated by the article, the rest of the deliveries are expected later
    assert ("2026-05-26", "delay") in by_key
    assert by_key[("2026-11", "delivery")].expected
    # events are in date order
    keys = [evidence.date_key(e.date) for e in t.events]
    assert keys == sorted(keys)
    assert t.links and not t.links[0].candidate


def test_derived_status_and_its_explanation(seeded: tuple[Store, str]) -> None:
    store, deal = seeded
    t = timeline.deal_timeline(store, deal)
    assert t.status == "delivering"
    assert t.status_explanation == (
        "delivering: SIPRI 2024-10-13 records deliveries 2021-2023 (6 of 10); "
        "article 2026-05-26 says 3 delivered, 2 delayed"
    )
    # the same timeline is reached from the register side
    back = timeline.deal_timeline(store, str(S400_REGISTER))
    assert back.status_explanation == t.status_explanation
    assert set(back.deals) == set(t.deals)


def test_additional_batch_is_its_own_timeline(seeded: tuple[Store, str]) -> None:
    store, deal = seeded
    found = timeline.find_deals(store, supplier="Russia", buyer="India", system="S-400")
    assert len(found) == 3  # 2018 contract (article + register) and the additional batch
    timelines = timeline.timelines_for(store, supplier="Russia", buyer="India", system="S-400")
    assert len(timelines) == 2
    extra = next(t for t in timelines if deal not in t.deals)
    assert extra.status == "negotiating"  # 2026-05-26 talks are later than the March approval
    assert [e.kind for e in extra.events] == ["approval", "negotiation"]


def test_find_deals_by_year_and_aliases(seeded: tuple[Store, str]) -> None:
    store, deal = seeded
    for name in ("S-400", "S-400 Triumf", "SA-21 Growler", "s400"):
        hits = timeline.find_deals(store, "Russia", "India", name, 2018)
        assert {h.iri for h in hits} == {deal, str(S400_REGISTER)}, name
    assert timeline.find_deals(store, "Russia", "India", "S-400", 2019) == []
    assert timeline.find_deals(store, "France", "India", "S-400") == []
    with pytest.raises(UnknownName, match="unknown party"):  # a usage error (exit 2), as everywhere
        timeline.find_deals(store, supplier="Atlantis")


def test_unknown_deal_is_an_unknown_name(seeded: tuple[Store, str]) -> None:
    store, _ = seeded
    with pytest.raises(UnknownName):  # a usage error (exit 2), like an unknown party
        timeline.deal_timeline(store, "https://w3id.org/defence-kg/id/deal/none")


def test_expectations_negations_and_low_confidence_do_not_set_status() -> None:
    store = open_store("memory:")
    load_register(store)
    a = load_article(
        store,
        article("rafale-news", "2025-06-01"),
        [
            claim("France", "India", "Rafale", status="delivered", order_year=2016, dates=("2022",)),
            claim("France", "India", "Rafale", status="cancelled", order_year=2016, negated=True),
            claim("France", "India", "Rafale", status="delayed", order_year=2016, confidence=0.3),
            claim(
                "France",
                "India",
                "Rafale",
                status="delivering",
                order_year=2016,
                dates=("2027",),
                modality="expected",
            ),
        ],
    )
    linking.link(store)
    t = timeline.deal_timeline(store, deal_of(store, a, 2016))
    assert t.status == "delivered"
    assert t.status_explanation.startswith(
        "delivered: SIPRI 2024-10-13 records deliveries 2019-2022 (36 of 36); "
    )
    assert t.status_explanation.endswith("article 2025-06-01 says delivered")
    expected = [e for e in t.events if e.expected]
    assert [e.date for e in expected] == ["2027"]
    negated = [st for e in t.events for st in e.statements if "negated" in st.notes]
    assert negated and negated[0].status == "cancelled"


def test_to_dict_is_json_and_text_lists_sources(seeded: tuple[Store, str]) -> None:
    store, deal = seeded
    t = timeline.deal_timeline(store, deal)
    data = json.loads(json.dumps(t.to_dict()))
    assert data["status"] == "delivering" and data["orderYear"] == 2018
    assert {s["kind"] for s in data["sources"].values()} == {"article", "register"}
    text = timeline.format_timeline(t)
    assert "Russia and India in Talks for Additional S-400 Missile System Deliveries" in text
    assert "SIPRI 2024-10-13 row 30" in text
    assert "signed in 2018" in text
