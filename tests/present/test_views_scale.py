"""Views at register scale without a browser: merged unknowns, "others", layout, time data, legend."""

from __future__ import annotations

from dataclasses import replace

import networkx as nx
import numpy as np
import pytest
from helpers import views_world as world
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.analysis import network as kn
from kg.present.views import country_view, layout, network_view, scale
from kg.vocab import iris

IND = str(iris.country("IND"))


def _edge(tiv: float, deals: int, years: dict[int, list[float]] | None = None) -> dict:
    return {
        "deals": deals,
        "tiv": tiv,
        "graphs": ["g1"],
        "sources": 1,
        "articles": 0,
        "releases": 1,
        "corroborated": 0,
        "order_years": [],
        "delivery_years": [],
        "value_usd": 0.0,
        "valued_deals": 0,
        "statuses": {},
        "systems": [{"iri": "s1", "label": "S1", "category": None, "deals": deals, "tiv": tiv}],
        "years": years or {2000: [tiv, deals]},
    }


def _graph(edges: list[tuple[str, str, float]], unknown: set[str] = frozenset()) -> nx.DiGraph:
    g = nx.DiGraph()
    for s, b, tiv in edges:
        for n in (s, b):
            if n not in g:
                g.add_node(n, kind="unknown" if n in unknown else "country", label=n)
        g.add_edge(s, b, **_edge(tiv, 1))
    scale.totals(g)
    return g


def test_unknown_parties_become_one_node_per_side() -> None:
    """62 'unknown supplier(s)' parties in the register are one node; their deals add up."""
    g = _graph(
        [("u1", "India", 5.0), ("u2", "India", 7.0), ("u3", "Peru", 1.0), ("Russia", "u4", 2.0)],
        unknown={"u1", "u2", "u3", "u4"},
    )
    h = scale.one_unknown_per_side(g)
    assert set(h) == {scale.UNKNOWN_SUPPLIER, scale.UNKNOWN_RECIPIENT, "India", "Peru", "Russia"}
    e = h[scale.UNKNOWN_SUPPLIER]["India"]
    assert e["tiv"] == 12.0 and e["deals"] == 2 and e["years"] == {2000: [12.0, 2]}
    assert h.nodes[scale.UNKNOWN_SUPPLIER]["label"] == "unknown supplier(s) (3)"
    assert h.nodes[scale.UNKNOWN_RECIPIENT]["label"] == "unknown recipient(s)"
    assert h.nodes["India"]["received_tiv"] == 12.0
    assert g.number_of_nodes() == 7  # the input is left alone


def test_fold_keeps_the_parties_carrying_the_share() -> None:
    """Suppliers/buyers beyond 90% of the volume are folded; their volume is kept in 'others'."""
    edges = [("A", "X", 60.0), ("B", "X", 25.0), ("C", "Y", 10.0), ("D", "Z", 3.0), ("E", "Z", 2.0)]
    g = _graph(edges)
    h = scale.fold_others(g, 0.9)
    assert {"A", "B", "C", "X", "Y"} <= set(h)
    assert {"D", "E", "Z"}.isdisjoint(h)  # X and Y buy 95%
    assert h[scale.OTHER_SUPPLIERS][scale.OTHER_BUYERS]["tiv"] == 5.0
    assert sum(d["tiv"] for _, _, d in h.edges(data=True)) == pytest.approx(100.0)
    assert h.graph["folded"] == 3
    assert scale.fold_others(g, 1.0) is g  # everyone kept: nothing folded


def test_latest_full_period() -> None:
    assert scale.latest_full_period(1950, 2024) == (2020, 2024)
    assert scale.latest_full_period(1950, 2023) == (2015, 2019)
    assert scale.latest_full_period(2021, 2023) == (2021, 2023)  # no full period: the range


boxes = st.lists(
    st.tuples(
        st.floats(-300, 300),
        st.floats(-300, 300),
        st.floats(5, 120),
        st.floats(2, 40),
        st.floats(5, 60),
    ),
    min_size=2,
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boxes)
def test_declutter_leaves_no_overlap(spec: list[tuple[float, ...]]) -> None:
    """Whatever the start (even identical positions), no two node+label boxes overlap after."""
    arr = np.array(spec)
    pos = layout.declutter(arr[:, :2], arr[:, 2], arr[:, 3], arr[:, 4], iterations=2000)
    assert layout.overlaps(pos, arr[:, 2], arr[:, 3], arr[:, 4]) == []


def test_declutter_is_deterministic_and_keeps_fixed_nodes() -> None:
    pos = np.zeros((5, 2))
    w, up, down = np.full(5, 30.0), np.full(5, 10.0), np.full(5, 20.0)
    fixed = np.array([True, False, False, False, False])
    a = layout.declutter(pos, w, up, down, fixed)
    b = layout.declutter(pos, w, up, down, fixed)
    assert (a == b).all() and (a[0] == 0).all()
    assert layout.overlaps(a, w, up, down) == []


def test_columns_stack_labels_without_overlap() -> None:
    names = [f"Supplier {i}" for i in range(12)]
    sizes = {n: layout.SIZE_MIN + i for i, n in enumerate(names)} | {"F": 30.0}
    labels = {n: n + " 100.0%" for n in names} | {"F": "F"}
    pos, fonts = layout.columns("F", names[:8], names[8:], labels, sizes, shown=(3, 2))
    assert all(pos[n][0] < 0 for n in names[:8]) and all(pos[n][0] > 0 for n in names[8:])
    ids = names
    arr = np.array([pos[n] for n in ids])
    half = np.array([layout.label_width(labels[n], fonts[n]) / 2 for n in ids])
    up = np.array([sizes[n] for n in ids])
    down = np.array([sizes[n] + 1.5 * fonts[n] + 8 for n in ids])
    assert layout.overlaps(arr, half, up, down) == []


STORE_SCOPE = "module"  # the ``store`` fixture (tests/conftest.py): one world, read by every test


def fill_store(store) -> None:
    world.load(store)


def test_country_view_opens_on_the_latest_full_period(store) -> None:
    v = country_view(store, "India")
    t = v.time
    assert t["focus"] == IND and t["measure"] == "tiv"
    assert (t["from"], t["to"]) == scale.latest_full_period(t["min"], t["max"])
    assert t["to"] - t["from"] == 4
    # every edge's years are inside the slider's bounds
    assert all(t["min"] <= y <= t["max"] for ys in t["edges"].values() for y, _, _ in ys)


def test_year_range_of_the_view_follows_the_filters(store) -> None:
    v = network_view(store, kn.Filters(year_from=2010, year_to=2020))
    assert v.time["min"] >= 2010 and v.time["max"] <= 2020
    assert all(2010 <= y <= 2020 for ys in v.time["edges"].values() for y, _, _ in ys)


def test_legend_says_deals_when_the_data_has_no_tiv(store) -> None:
    """Article-only data has no TIV: the legend and tooltips never claim 'delivered TIV'."""
    v = network_view(store, kn.Filters(source="articles"))
    text = " ".join(item["label"] for item in v.legend)
    assert "number of deals" in text and "TIV" not in text.replace("no TIV", "")
    assert v.time is None or v.time["measure"] == "deals"
    assert not any("0.0 TIV" in n["tooltip"] or "0 TIV" in n["tooltip"] for n in v.nodes)
    full = " ".join(item["label"] for item in network_view(store).legend)
    assert "delivered TIV" in full


def test_network_view_nodes_have_sizes_fonts_and_no_overlap(store) -> None:
    v = network_view(store)
    assert all(layout.SIZE_MIN <= n["size"] <= layout.SIZE_MAX for n in v.nodes)
    arr = np.array([[n["x"], n["y"]] for n in v.nodes])
    half = np.array([max(layout.label_width(n["label"], n["font"]["size"]) / 2, n["size"]) for n in v.nodes])
    up = np.array([n["size"] for n in v.nodes])
    down = np.array([n["size"] + 1.5 * n["font"]["size"] + 6 for n in v.nodes])
    assert layout.overlaps(arr, half, up, down) == []


def test_country_view_lists_the_pipeline(store) -> None:
    """News deals ahead of the register (kg.analysis.pipeline's one definition) reach the side panel."""
    from kg.analysis.pipeline import pipeline_rows

    items = country_view(store, "India").time["pipeline"]
    rows = pipeline_rows(store, buyer="India")
    assert len(items) == min(len(rows), 40) > 0
    assert any(i["text"].startswith("France: Rafale-M: signed") for i in items)
    assert all(i["meta"] for i in items)


SELECTIONS = [
    kn.Filters(),
    kn.Filters(buyer="India"),
    kn.Filters(supplier="Russia"),
    kn.Filters(source="sipri"),
    kn.Filters(source="articles"),
    kn.Filters(category="aircraft"),
]


@pytest.mark.parametrize("filters", SELECTIONS, ids=lambda f: f.describe() or "all")
def test_edge_query_counts_the_deals_per_order_year_of_the_separate_query(store, filters) -> None:
    """One scan (edge query + order-year keys) gives the graph and pair_deal_years' counts."""
    f = kn.resolve_filters(store, filters)
    g, deal_years = kn.build_graph_and_deal_years(store, f)
    assert deal_years == kn.pair_deal_years(store, f)
    assert deal_years or filters.category  # the world has deals for every selection but one category
    plain = kn.build_graph(store, f)
    assert list(g.nodes(data=True)) == list(plain.nodes(data=True))
    assert list(g.edges(data=True)) == list(plain.edges(data=True))  # same pairs, same order
    for lo, hi in ((2015, None), (None, 1999), (2005, 2009)):
        ranged = replace(f, year_from=lo, year_to=hi)
        assert kn.deal_years_in_range(deal_years, ranged) == kn.pair_deal_years(store, ranged)


def test_build_graph_and_deal_years_refuses_a_year_range(store) -> None:
    with pytest.raises(ValueError, match="without a year range"):
        kn.build_graph_and_deal_years(store, kn.resolve_filters(store, kn.Filters(year_from=2015)))


@pytest.mark.parametrize("filters", [kn.Filters(), kn.Filters(year_from=2010), kn.Filters(buyer="India")])
def test_timed_graph_years_are_pair_years_of_the_separate_queries(store, filters) -> None:
    """The view's per-edge years equal kg.analysis.network.pair_years (TIV and deal queries run apart)."""
    f = kn.resolve_filters(store, filters)
    expected = kn.pair_years(store, f)
    for tivless in (None, kn.tivless_deliveries(store)):
        g = scale.timed_graph(store, filters, tivless=tivless)
        assert g.number_of_edges() > 0
        for s, b, d in g.edges(data=True):
            want = expected.get((s, b), {})
            assert d["years"] == {y: list(v) for y, v in want.items()}
            if f.has_years:
                assert d["deals"] == int(sum(v[1] for v in want.values()))


def test_tivless_passed_on_gives_the_same_tiv(store) -> None:
    f = kn.resolve_filters(store, kn.Filters(buyer="India"))
    asked = kn.tivless_deliveries(store)
    assert kn.tiv_by_year(store, f, tivless=asked) == kn.tiv_by_year(store, f)


def test_node_totals_do_not_depend_on_edge_order() -> None:
    """Node TIV totals are exact sums (math.fsum): 0.1 + 0.2 + 0.3 is 0.6 whichever edge comes first."""
    edges = [("A", "X", 0.1), ("A", "Y", 0.2), ("A", "Z", 0.3)]
    forward, backward = _graph(edges), _graph(edges[::-1])
    assert forward.nodes["A"]["supplied_tiv"] == backward.nodes["A"]["supplied_tiv"] == 0.6
    assert (0.1 + 0.2) + 0.3 != (0.3 + 0.2) + 0.1  # what a plain running sum would give


def test_unknown_nodes_carry_their_members_years_for_the_page() -> None:
    """The page counts an unknown node's parties per year range (its label follows the slider):
    each member's years with volume, [] for one without dated volume (always counted)."""
    g = _graph(
        [("u1", "India", 5.0), ("u2", "India", 7.0), ("u3", "Peru", 1.0), ("Russia", "u4", 2.0)],
        unknown={"u1", "u2", "u3", "u4"},
    )
    g["u1"]["India"]["years"] = {1990: [5.0, 0], 2021: [0.0, 1]}
    g["u2"]["India"]["years"] = {}
    g["u3"]["Peru"]["years"] = {2005: [0.0, 0]}  # no volume that year: not a year of the member
    h = scale.one_unknown_per_side(g)
    assert h.graph["unknown_members"] == {
        scale.UNKNOWN_SUPPLIER: [[1990, 2021], [], []],
        scale.UNKNOWN_RECIPIENT: [[2000]],
    }
    assert h.nodes[scale.UNKNOWN_SUPPLIER]["name"] == "unknown supplier(s)"  # the label without "(3)"
    drawn = scale.merge_nodes(h, lambda n, side: n, {})  # later merges keep the members
    assert drawn.graph["unknown_members"] == h.graph["unknown_members"]


def test_network_view_sends_the_unknown_members_and_names_the_counts_years(store) -> None:
    v = network_view(store, kn.Filters(year_from=2015))
    assert v.time["members"] == {}  # the world has no unknown party
    assert v.subtitle.endswith(f"parties and pairs counted in {v.time['min']}-{v.time['max']}")
    c = country_view(store, "India")
    assert f"customers (right) in {c.time['min']}-{c.time['max']} ·" in c.subtitle
