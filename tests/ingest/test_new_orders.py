"""A new order for a different quantity years later is a new deal, not a contradiction.

India's 2020 order for six Apache helicopters (an article with no order year) is not the
2015 order for 22 that the curated table records: no link, and so no quantity or status
contradiction between them.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.ingest import linking
from kg.ingest.articles import import_articles
from kg.ingest.base_graphs import ensure_base_graphs
from kg.ingest.curated import import_curated
from kg.io.resources import data_path
from kg.store import open_store


def test_incompatible_quantity_years_later_is_a_new_deal() -> None:
    reg = linking.RegisterDeal("r", "g", "s", "b", "x", order_year=2015, quantity=22)
    new = linking.ArticleDeal("a", "s", "b", "x", quantities={6}, published_years={2020})
    assert linking.score_candidate(new, reg) is None
    # the same contract counted differently (within a factor of two) still links
    same = linking.ArticleDeal("a", "s", "b", "x", quantities={20}, published_years={2020})
    assert linking.score_candidate(same, reg) is not None
    # reported the year after the order: still the same deal, the quantities only disagree
    soon = linking.ArticleDeal("a", "s", "b", "x", quantities={6}, published_years={2016})
    assert linking.score_candidate(soon, reg) is not None


def test_apache_2020_is_not_linked_nor_a_contradiction(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s"))
    ensure_base_graphs(store)
    import_curated(store, data_path("facts", "india_deals.csv"))
    import_articles(store, [data_path("articles", "2020-02-25-india-us-helicopters.md")])
    linking.link(store)
    # the article writes the bare family ("Apache"): its deal's system is named as written (issue 13
    # point 5) and is the catalogue's AH-64E only through the aliases, as linking compares systems
    rows = store.select(
        "SELECT ?deal WHERE { GRAPH ?g { ?g a <https://w3id.org/defence-kg/ontology#NewsArticle> . "
        "?deal <https://w3id.org/defence-kg/ontology#weaponSystem> ?s . "
        "?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
        "FILTER(?label IN ('Apache', 'AH-64E Apache')) }"
    )
    assert len(rows) == 1
    assert [r for r in linking.links_of(store, str(rows[0]["deal"])) if not r.candidate] == []
    store.close()
    result = CliRunner().invoke(
        cli, ["--store", str(tmp_path / "s"), "contradictions", "--buyer", "India", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert "Apache" not in result.output


def test_a_family_named_as_written_is_linked_to_the_catalogue_variant(tmp_path: Path) -> None:
    """The article's "Apache" stays its own system (issue 13 point 5), and the store says which
    catalogue variant it stands for, so one query finds the family's deals and the variant's."""
    store = open_store(str(tmp_path / "s"))
    ensure_base_graphs(store)
    import_curated(store, data_path("facts", "india_deals.csv"))
    import_articles(store, [data_path("articles", "2020-02-25-india-us-helicopters.md")])
    kg = "https://w3id.org/defence-kg/ontology#"
    rows = store.select(
        f"SELECT ?vlabel ?flabel WHERE {{ GRAPH ?g {{ ?v <{kg}variantOf> ?f . "
        f"?v <http://www.w3.org/2000/01/rdf-schema#label> ?vlabel . "
        f"?f <http://www.w3.org/2000/01/rdf-schema#label> ?flabel }} }}"
    )
    assert {(str(r["vlabel"]), str(r["flabel"])) for r in rows} == {("AH-64E Apache", "Apache")}
    # the family's deals and its variant's, in one query: the curated AH-64E order and the article's
    deals = store.select(
        f"SELECT DISTINCT ?deal ?label WHERE {{ GRAPH ?a {{ ?deal <{kg}weaponSystem> ?s }} "
        f"GRAPH ?b {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }} "
        f"FILTER(?label = 'Apache' || EXISTS {{ GRAPH ?c {{ ?s <{kg}variantOf> ?f }} "
        f"GRAPH ?d {{ ?f <http://www.w3.org/2000/01/rdf-schema#label> 'Apache' }} }}) }}"
    )
    assert {str(r["label"]) for r in deals} == {"Apache", "AH-64E Apache"}
    store.close()
