"""Contradictions between the sources of a deal and across linked deals."""

from __future__ import annotations

from helpers.linking import S400_REGISTER, article, claim, deal_of, load_article, load_register, load_seed

from kg.analysis import contradictions
from kg.analysis.contradictions import ContradictionFilter, find_contradictions
from kg.ingest import linking
from kg.store import Store, open_store


def fill_store(store: Store) -> None:
    """What the ``store`` fixture (tests/conftest.py) holds here: the fixture register."""
    load_register(store)


def test_seed_quantity_conflict_side_by_side(store: Store) -> None:
    graph = load_seed(store)
    linking.link(store)
    found = find_contradictions(store)
    assert [(c.field, c.label) for c in found] == [("quantity", "Russia -> India: S-400 Triumf (2018)")]
    c = found[0]
    assert c.deal == deal_of(store, graph, 2018) and str(S400_REGISTER) in c.deals
    assert [v.value for v in c.values] == ["5", "10"]
    five, ten = c.values
    assert {w.kind for w in five.witnesses} == {"article"}
    assert all(w.evidence for w in five.witnesses)
    assert [(w.kind, w.row, w.label) for w in ten.witnesses] == [("register", 30, "SIPRI 2024-10-13 row 30")]
    assert c.side_by_side() == "5 [article 2026-05-26] | 10 [SIPRI 2024-10-13 row 30]"
    # the value agrees: $5.4 b in the article, SIPRI's INR 390 b ($5.4 b) -> no value conflict


def test_without_links_no_cross_source_conflict(store: Store) -> None:
    load_seed(store)
    assert find_contradictions(store) == []  # nothing linked yet: each deal has one source


def test_filters(store: Store) -> None:
    load_seed(store)
    linking.link(store)
    assert (
        len(find_contradictions(store, ContradictionFilter(supplier="Russia", buyer="India", system="S-400")))
        == 1
    )
    assert (
        len(
            find_contradictions(
                store, ContradictionFilter(system="S-400 Triumf", year_from=2018, year_to=2018)
            )
        )
        == 1
    )
    assert find_contradictions(store, ContradictionFilter(buyer="Pakistan")) == []
    assert find_contradictions(store, ContradictionFilter(system="Rafale")) == []
    assert find_contradictions(store, ContradictionFilter(year_from=2019)) == []


def test_value_and_order_year_conflicts(store: Store) -> None:
    load_article(
        store,
        article("rafale-a", "2016-09-23"),
        [
            claim(
                "France",
                "India",
                "Rafale",
                order_year=2016,
                quantity=36,
                value=(7.87e9, "EUR"),
                dates=("2016-09-23",),
            ),
        ],
    )
    load_article(
        store,
        article("rafale-b", "2018-01-10"),
        [
            claim("France", "India", "Rafale", order_year=2016, quantity=36, value=(8.7e9, "EUR")),
        ],
    )
    linking.link(store)
    found = {c.field: c for c in find_contradictions(store, ContradictionFilter(system="Rafale"))}
    assert set(found) == {"value", "order year"}  # 36 = 36: no quantity conflict
    assert [v.value for v in found["value"].values] == ["7.87 b EUR", "8.7 b EUR"]
    assert [v.value for v in found["order year"].values] == ["2016", "2017"]
    years = {v.value: {w.kind for w in v.witnesses} for v in found["order year"].values}
    assert years == {"2016": {"article"}, "2017": {"register"}}


def test_small_value_differences_are_rounding(store: Store) -> None:
    load_article(
        store, article("s400-a"), [claim("Russia", "India", "S-400", order_year=2018, value=(5.43e9, "USD"))]
    )
    load_article(
        store, article("s400-b"), [claim("Russia", "India", "S-400", order_year=2018, value=(5.4e9, "USD"))]
    )
    linking.link(store)
    assert [c.field for c in find_contradictions(store)] == []


def test_impossible_status_sequence(store: Store) -> None:
    graph = load_article(
        store,
        article("greece-later", "2024-03-01"),
        [
            claim(
                "France", "Greece", "Rafale", status="delivered", order_year=2021, quantity=6, dates=("2022",)
            ),
            claim(
                "France",
                "Greece",
                "Rafale",
                status="negotiating",
                order_year=2021,
                quantity=6,
                dates=("2024-02",),
            ),
        ],
    )
    linking.link(store)
    found = find_contradictions(store, ContradictionFilter(buyer="Greece"))
    status = [c for c in found if c.field == "status"]
    assert len(status) == 1
    assert (
        status[0].note == "negotiating in 2024-02 after delivered in 2022: a later stage was reported earlier"
    )
    assert [v.value for v in status[0].values] == ["delivered (2022)", "negotiating (2024-02)"]
    assert [w.kind for v in status[0].values for w in v.witnesses] == ["article", "article"]
    assert status[0].deal == deal_of(store, graph, 2021)
    # a status change within one year is not a contradiction (order of events unknown)
    s2 = open_store("memory:")
    load_article(
        s2,
        article("same-year", "2024-03-01"),
        [
            claim("France", "Greece", "Rafale", status="signed", order_year=2021, dates=("2024",)),
            claim("France", "Greece", "Rafale", status="negotiating", order_year=2021, dates=("2024-02",)),
            claim("France", "Greece", "Rafale", status="signed", order_year=2021, dates=("2024-01",)),
        ],
    )
    load_article(
        s2,
        article("same-year-2", "2024-04-01"),
        [
            claim("France", "Greece", "Rafale", status="signed", order_year=2021, dates=("2024-03",)),
        ],
    )
    assert [c.field for c in find_contradictions(s2)] == []


def test_cancelled_then_delivering(store: Store) -> None:
    load_article(
        store,
        article("su30-cancel", "2013-05-01"),
        [
            claim("Russia", "India", "Su-30MK", status="cancelled", order_year=2012, dates=("2013",)),
        ],
    )
    linking.link(store)
    found = [c for c in find_contradictions(store) if c.field == "status"]
    assert len(found) == 1 and "deliveries after cancellation" in found[0].note


def test_rows_for_output(store: Store) -> None:
    load_seed(store)
    linking.link(store)
    variables, rows = contradictions.rows_for_output(find_contradictions(store))
    assert variables == ["deal", "label", "field", "values", "note"]
    assert rows[0][2] == "quantity" and "10 [SIPRI" in rows[0][3]
