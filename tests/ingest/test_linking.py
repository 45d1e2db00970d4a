"""Linking article deals to register deals: rules, link statements, idempotence, increments.

Fixtures: ``tests/fixtures/links/register.trig`` (a small register release in the SIPRI
importer's shape) and ``seed_claims.json`` (what the extractor yields for the seed article,
in its documented JSON shape), mapped by the real article mapper (:mod:`kg.ingest.article_rdf`).
The helpers live in ``tests/helpers/linking.py`` (the timeline and contradiction tests use them too).
"""

from __future__ import annotations

from helpers.linking import (
    FIXTURE_RELEASE,
    S400_REGISTER,
    article,
    claim,
    deal_of,
    load_article,
    load_register,
    load_seed,
)

from kg.ingest import linking
from kg.store import Store, open_store
from kg.vocab import iris


def fill_store(store: Store) -> None:
    """What the ``store`` fixture (tests/conftest.py) holds here: the fixture register."""
    load_register(store)


def chosen(report: linking.LinkReport, deal: str) -> list[linking.LinkResult]:
    return [r for r in report.results if r.article_deal == str(deal) and not r.candidate]


def test_seed_contract_links_to_register_s400_by_alias(store: Store) -> None:
    seed = load_seed(store)
    report = linking.link(store)
    seed_deal = deal_of(store, seed, 2018)
    links = chosen(report, seed_deal)
    assert [r.register_deal for r in links] == [str(S400_REGISTER)]
    assert links[0].reasons == ("supplier", "buyer", "system", "order year")  # 5 vs 10: no quantity reason
    # the additional batch under negotiation is a different deal: no link, no candidate
    extra = deal_of(store, seed, None)
    assert not [r for r in report.results if r.article_deal == str(extra)]


def test_link_is_a_statement_in_the_links_graph(store: Store) -> None:
    seed = load_seed(store)
    linking.link(store)
    seed_deal = deal_of(store, seed, 2018)
    node = iris.link(str(seed_deal), str(S400_REGISTER))
    rows = store.select("SELECT ?p ?o WHERE { GRAPH ?g { ?l ?p ?o } }", {"g": iris.LINKS_GRAPH, "l": node})
    props = {(str(r["p"]), str(r["o"])) for r in rows}
    kg = str(iris.ID).replace("/id/", "/ontology#")
    assert (kg + "linkFrom", str(seed_deal)) in props
    assert (kg + "linkTo", str(S400_REGISTER)) in props
    assert (kg + "linkCandidate", "false") in props
    assert {o for p, o in props if p == kg + "linkReason"} == {"supplier", "buyer", "system", "order year"}
    # neither source graph was touched: the register deal has no link triples in its graph
    assert not store.ask(
        "ASK { GRAPH ?g { ?d ?p ?o } FILTER(STRSTARTS(STR(?p), STR(kg:link))) }".replace(
            "kg:link", "<https://w3id.org/defence-kg/ontology#link>"
        ),
        {"g": FIXTURE_RELEASE, "d": S400_REGISTER},
    )


def test_order_year_within_one_and_beyond(store: Store) -> None:
    a = load_article(
        store, article("rafale"), [claim("France", "India", "Rafale", order_year=2016, quantity=36)]
    )
    b = load_article(
        store, article("su30"), [claim("Russia", "India", "Su-30MKI", order_year=2012, quantity=42)]
    )
    c = load_article(store, article("su30-far"), [claim("Russia", "India", "Su-30MKI", order_year=2015)])
    report = linking.link(store)
    rafale = chosen(report, deal_of(store, a, 2016))
    assert [r.register_deal for r in rafale] == [str(iris.ID["deal/sipri/fx-rafale"])]
    assert "order year ±1" in rafale[0].reasons and "quantity" in rafale[0].reasons
    su30 = chosen(report, deal_of(store, b, 2012))
    assert [r.register_deal for r in su30] == [str(iris.ID["deal/sipri/fx-su30-2012"])]
    far = deal_of(store, c, 2015)
    assert not [r for r in report.results if r.article_deal == str(far)]


def test_quantity_breaks_a_tie_and_identical_rows_stay_candidates(store: Store) -> None:
    a = load_article(
        store, article("greece"), [claim("France", "Greece", "Rafale", order_year=2021, quantity=6)]
    )
    b = load_article(
        store, article("brahmos"), [claim("Russia", "India", "BrahMos", order_year=1998, quantity=400)]
    )
    report = linking.link(store)
    greece = deal_of(store, a, 2021)
    assert [r.register_deal for r in chosen(report, greece)] == [str(iris.ID["deal/sipri/fx-grc-6"])]
    runner_up = [r for r in report.results if r.article_deal == str(greece) and r.candidate]
    assert [r.register_deal for r in runner_up] == [str(iris.ID["deal/sipri/fx-grc-12"])]
    brahmos = deal_of(store, b, 1998)
    assert not chosen(report, brahmos)
    cands = [r for r in report.results if r.article_deal == str(brahmos)]
    assert len(cands) == 2 and all(r.candidate for r in cands)
    assert cands[0].score == cands[1].score


def test_rafale_m_is_not_rafale_and_supplier_must_match(store: Store) -> None:
    load_article(
        store, article("rafale-m"), [claim("France", "India", "Rafale-M", order_year=2017, quantity=26)]
    )
    load_article(store, article("wrong-supplier"), [claim("Israel", "India", "S-400", order_year=2018)])
    load_article(store, article("no-system"), [claim("Russia", "India", None, status="unknown")])
    report = linking.link(store)
    assert report.links == 0 and report.candidates == 0
    assert report.unlinked == 3


def test_year_less_deal_links_when_unique(store: Store) -> None:
    a = load_article(
        store, article("s400-noyear"), [claim("Russia", "India", "S-400 Triumf", status="delivering")]
    )
    b = load_article(
        store, article("su30-noyear"), [claim("Russia", "India", "Su-30MK", status="delivering")]
    )
    report = linking.link(store)
    s400 = chosen(report, deal_of(store, a))
    assert [r.register_deal for r in s400] == [str(S400_REGISTER)]
    assert s400[0].score == linking.BASE_SCORE
    su30 = deal_of(store, b)
    assert not chosen(report, su30)  # three orders, no year: candidates only
    assert len([r for r in report.results if r.article_deal == str(su30)]) == 3


def graph_triples(store: Store) -> set[tuple[str, str, str]]:
    rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": iris.LINKS_GRAPH})
    return {(str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}


def test_idempotent_and_incremental_equals_full(store: Store) -> None:
    seed = load_seed(store)
    other = load_article(store, article("rafale"), [claim("France", "India", "Rafale", order_year=2016)])
    # incremental, article by article, as the importer calls it
    linking.link(store, article_graphs=[seed])
    linking.link(store, article_graphs=[other])
    incremental = graph_triples(store)
    linking.link(store, article_graphs=[other])
    assert graph_triples(store) == incremental
    linking.link(store)
    assert graph_triples(store) == incremental
    linking.link(store)
    assert graph_triples(store) == incremental
    assert len({s for s, _, _ in incremental}) == 2


def test_reimported_article_drops_its_stale_links(store: Store) -> None:
    art = article("rafale")
    graph = load_article(store, art, [claim("France", "India", "Rafale", order_year=2016)])
    linking.link(store, article_graphs=[graph])
    assert len(graph_triples(store)) > 0
    # corrected article: now about a different system, the Rafale deal disappears
    load_article(store, art, [claim("France", "India", "Rafale-M", order_year=2023)])
    report = linking.link(store, article_graphs=[graph])
    assert report.removed_stale == 1
    assert graph_triples(store) == set()


def test_release_import_relinks_affected_deals() -> None:
    s = open_store("memory:")
    graph = load_seed(s)
    first = linking.link(s, article_graphs=[graph])
    assert first.links == 0  # no register yet
    load_register(s)
    report = linking.link(s, release_graphs=[FIXTURE_RELEASE])
    assert report.links == 1 and report.article_deals == 2
    s.drop_graphs([FIXTURE_RELEASE])
    after = linking.link(s, release_graphs=[])
    assert after.removed_stale == 1 and graph_triples(s) == set()


def test_links_of_reads_both_directions(store: Store) -> None:
    seed = load_seed(store)
    linking.link(store)
    seed_deal = deal_of(store, seed, 2018)
    forward = linking.links_of(store, str(seed_deal))
    backward = linking.links_of(store, str(S400_REGISTER))
    assert forward == backward
    assert forward[0].release == str(FIXTURE_RELEASE) and forward[0].score == 0.85


def test_score_rules_pure() -> None:
    deal = linking.ArticleDeal("a", "s", "b", "x", order_year=2018, quantities={5})
    reg = linking.RegisterDeal("r", "g", "s", "b", "x", order_year=2018, quantity=10)
    assert linking.score_candidate(deal, reg) == (0.85, ("supplier", "buyer", "system", "order year"))
    reg_far = linking.RegisterDeal("r", "g", "s", "b", "x", order_year=2020, quantity=5)
    assert linking.score_candidate(deal, reg_far) is None
    reg_big = linking.RegisterDeal("r", "g", "s", "b", "x", order_year=2019, quantity=50)
    assert linking.score_candidate(deal, reg_big) == (0.6, ("supplier", "buyer", "system", "order year ±1"))
    extra = linking.ArticleDeal("a", "s", "b", "x", additional=True, published_years={2026})
    assert linking.score_candidate(extra, reg) is None
    assert linking.score_candidate(extra, linking.RegisterDeal("r", "g", "s", "b", "x", order_year=2026)) == (
        0.55,
        ("supplier", "buyer", "system"),
    )
    assert linking.quantities_compatible(5, 10) and not linking.quantities_compatible(5, 11)
