"""SHACL shapes and kg.analysis.validate: the README example conforms, broken data fails as documented."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.paths import FIXTURES, REPO
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.analysis.validate import ValidationReport, ValidationResult, validate, validate_file
from kg.vocab import iris, ns

ROOT = REPO
README = ROOT / "ontology" / "README.md"

ARTICLE_URL = "https://news.example.org/2018/10/05/india-russia-s400"
IND, RUS = iris.country("IND"), iris.country("RUS")
S400 = iris.system("S-400 Triumf")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def example() -> Dataset:
    """A fresh Dataset parsed from the README's TriG example."""
    (trig,) = _blocks("trig")
    ds = Dataset()
    ds.parse(data=trig, format="trig")
    return ds


def _objs(ds: Dataset, s: URIRef, p: URIRef) -> list:
    """Objects of ``s p`` in any graph (Dataset.objects sees only the default graph)."""
    return [o for _, _, o, _ in ds.quads((s, p, None, None))]


def _has(ds: Dataset, s, p, o) -> bool:
    return any(True for _ in ds.quads((s, p, o, None)))


def _nodes(ds: Dataset, cls: URIRef) -> list[URIRef]:
    return sorted({s for s, _, _, _ in ds.quads((None, RDF.type, cls, None))})


def _one(ds: Dataset, cls: URIRef, pred=None, obj=None) -> URIRef:
    """The single node of ``cls`` (optionally: the one with ``pred obj``)."""
    found = [n for n in _nodes(ds, cls) if pred is None or _has(ds, n, pred, obj)]
    assert len(found) == 1, (cls, found)
    return found[0]


def _graph_of(ds: Dataset, node: URIRef) -> Graph:
    (ctx,) = {c for _, _, _, c in ds.quads((node, RDF.type, None, None))}
    return ds.graph(ctx)


def _article_deal(ds: Dataset) -> URIRef:
    return _one(ds, ns.Deal, ns.quantity, Literal(5))


def _register_deal(ds: Dataset) -> URIRef:
    return _one(ds, ns.Deal, ns.quantity, Literal(10))


def _claim(ds: Dataset) -> URIRef:
    return _one(ds, ns.Claim)


def _set(ds: Dataset, s: URIRef, p: URIRef, o) -> None:
    """Replace every value of ``s p`` (in any graph) with ``o`` in ``s``'s own graph."""
    g = _graph_of(ds, s)
    ds.remove((s, p, None, None))
    if o is not None:
        g.add((s, p, o))


def _hits(report: ValidationReport, severity: str, focus: URIRef, path: str | None, text: str) -> list:
    return [
        r
        for r in report.results
        if r.severity == severity and r.focus == focus and r.path == path and text in r.message
    ]


# --- the README example ------------------------------------------------------------------


def test_readme_example_conforms_without_any_result() -> None:
    report = validate(example())
    assert report.conforms, report.text
    assert report.results == []
    assert report.text.startswith("Conforms: True (0 violations, 0 warnings")


def test_readme_example_uses_the_iris_kg_iris_mints() -> None:
    ds = example()
    graphs = {g.identifier for g in ds.graphs()}
    article = _one(ds, ns.NewsArticle)
    url = _objs(ds, article, ns.SCHEMA.url)[0]
    assert article == iris.article_source(str(url))
    assert iris.graph_for_source(article) in graphs
    assert _graph_of(ds, article).identifier == article
    release = _one(ds, ns.DatasetRelease)
    assert _graph_of(ds, release).identifier == release and str(release).startswith(
        str(ns.ID["source/release/"])
    )
    assert iris.REFERENCE_GRAPH in graphs and iris.LINKS_GRAPH in graphs
    for country in (IND, RUS):
        assert (country, RDF.type, ns.Country) in ds.graph(iris.REFERENCE_GRAPH)
        assert country == iris.country(str(_objs(ds, country, ns.iso3)[0]))
    assert (S400, ns.designation, Literal("S-400 Triumf")) in ds.graph(iris.REFERENCE_GRAPH)

    deal = _article_deal(ds)
    assert deal == iris.article_deal(str(RUS), str(IND), str(S400), 2018)
    assert _graph_of(ds, deal).identifier == article
    claim = _claim(ds)
    assert str(claim).startswith(str(article) + "/claim/")
    reg = _register_deal(ds)
    assert str(reg).startswith(str(ns.ID["deal/sipri/"]))
    record = _objs(ds, reg, PROV.wasDerivedFrom)[0]
    row = _objs(ds, record, ns.rowNumber)[0]
    assert record == iris.record(release, int(row))
    for delivery in _objs(ds, reg, ns.delivery):
        year = int(_objs(ds, delivery, ns.deliveryYear)[0])
        derived = bool((_objs(ds, delivery, ns.derived) or [Literal(False)])[0].toPython())
        assert delivery == iris.delivery(reg, year, derived=derived)
    link = _one(ds, ns.DealLink)
    assert link == iris.link(deal, reg)
    assert (link, RDF.type, ns.DealLink) in ds.graph(iris.LINKS_GRAPH)


def test_readme_example_evidence_offsets_match_the_quote() -> None:
    ds = example()
    claim = _claim(ds)
    text = str(_objs(ds, claim, ns.evidenceText)[0])
    start = int(_objs(ds, claim, ns.evidenceStart)[0])
    end = int(_objs(ds, claim, ns.evidenceEnd)[0])
    assert end - start == len(text)


def _run(query: str, ds: Dataset, **bindings) -> list:
    return list(ds.query(ns.SPARQL_PREFIXES + query, initBindings=bindings))


def test_readme_queries_answer_the_5_versus_10_question() -> None:
    ds = example()
    all_versions, preferred, evidence = _blocks("sparql")
    rows = _run(all_versions, ds, buyer=IND, system=S400)
    by_kind = {row.kind: int(row.quantity) for row in rows}
    assert by_kind == {ns.NewsArticle: 5, ns.DatasetRelease: 10}
    (best,) = _run(preferred, ds, buyer=IND, system=S400)
    assert int(best.quantity) == 10 and best.deal == _register_deal(ds)
    (ev,) = _run(evidence, ds, buyer=IND, system=S400)
    assert int(ev.quantity) == 5 and "five S-400" in str(ev.text) and str(ev.url) == ARTICLE_URL
    # nothing for another buyer: the bindings really filter
    assert _run(all_versions, ds, buyer=iris.country("PAK"), system=S400) == []


def test_preferred_query_takes_the_newest_release_first() -> None:
    """A second, newer release saying 12 beats the older one; articles never beat a release."""
    ds = example()
    newer = iris.release_source("a newer export")
    g = ds.graph(newer)
    deal = iris.register_deal("a newer export", "1")
    g.add((newer, RDF.type, ns.DatasetRelease))
    g.add((newer, ns.releaseTitle, Literal("newer")))
    g.add((newer, ns.dataGenerated, Literal("2026-02-12", datatype=XSD.date)))
    for p, o in (
        (RDF.type, ns.Deal),
        (ns.supplier, RUS),
        (ns.buyer, IND),
        (ns.weaponSystem, S400),
        (ns.orderYear, Literal(2018)),
        (ns.quantity, Literal(12)),
    ):
        g.add((deal, p, o))
    _, preferred, _ = _blocks("sparql")
    (best,) = _run(preferred, ds, buyer=IND, system=S400)
    assert int(best.quantity) == 12
    assert validate(ds).conforms


# --- broken data -------------------------------------------------------------------------


def test_deal_without_buyer() -> None:
    ds = example()
    reg = _register_deal(ds)
    _set(ds, reg, ns.buyer, None)
    report = validate(ds)
    assert not report.conforms
    assert _hits(report, "Violation", reg, "kg:buyer", "exactly one kg:buyer")
    assert "Conforms: False" in report.text and "kg:buyer" in report.text


def test_deal_with_two_suppliers_and_a_non_party_buyer() -> None:
    ds = example()
    reg = _register_deal(ds)
    _graph_of(ds, reg).add((reg, ns.supplier, IND))
    _set(ds, reg, ns.buyer, S400)  # a weapon system is not a party
    report = validate(ds)
    assert _hits(report, "Violation", reg, "kg:supplier", "exactly one kg:supplier")
    assert _hits(report, "Violation", reg, "kg:buyer", "a kg:Party")


def test_subclass_instances_satisfy_class_constraints_without_inference() -> None:
    """A kg:Company is a kg:Party through rdfs:subClassOf in the mixed-in ontology."""
    ds = example()
    reg = _register_deal(ds)
    _set(ds, reg, ns.supplier, iris.organisation("company", "Almaz-Antey"))
    assert validate(ds).conforms


def test_range_is_not_used_to_excuse_a_wrong_type() -> None:
    """No RDFS inference: a country as kg:supplierCompany is not silently made a company."""
    ds = example()
    reg = _register_deal(ds)
    _set(ds, reg, ns.supplierCompany, RUS)
    report = validate(ds)
    assert _hits(report, "Violation", reg, "kg:supplierCompany", "kg:Company")


def test_lowercase_currency() -> None:
    ds = example()
    reg = _register_deal(ds)
    _set(ds, reg, ns.valueCurrency, Literal("usd"))
    report = validate(ds)
    assert not report.conforms
    (hit,) = _hits(report, "Violation", reg, "kg:valueCurrency", "ISO 4217")
    assert '"usd"' in hit.message


def test_amount_needs_currency_and_decimal() -> None:
    ds = example()
    reg = _register_deal(ds)
    _set(ds, reg, ns.valueCurrency, None)
    _set(ds, reg, ns.valueAmount, Literal(5.4e9))  # a Python float is xsd:double
    report = validate(ds)
    assert _hits(report, "Violation", reg, "kg:valueCurrency", "without kg:valueCurrency")
    assert _hits(report, "Violation", reg, "kg:valueAmount", "xsd:decimal")


def test_confidence_above_one() -> None:
    ds = example()
    claim = _claim(ds)
    _set(ds, claim, ns.confidence, Literal(Decimal("1.5")))
    report = validate(ds)
    assert not report.conforms
    assert _hits(report, "Violation", claim, "kg:confidence", "[0, 1]")


def test_evidence_start_after_end() -> None:
    ds = example()
    claim = _claim(ds)
    _set(ds, claim, ns.evidenceStart, Literal(600))
    report = validate(ds)
    assert _hits(report, "Violation", claim, "kg:evidenceStart", "not be greater than kg:evidenceEnd")


def test_claim_needs_deal_and_source() -> None:
    ds = example()
    claim = _claim(ds)
    _set(ds, claim, ns.about, IND)  # a country is not a deal
    _set(ds, claim, PROV.wasDerivedFrom, None)
    report = validate(ds)
    assert _hits(report, "Violation", claim, "kg:about", "kg:Deal")
    assert _hits(report, "Violation", claim, "prov:wasDerivedFrom", "kg:Source")


def test_status_outside_the_scheme() -> None:
    ds = example()
    reg = _register_deal(ds)
    _set(ds, reg, ns.status, ns.CATEGORIES["aircraft"])  # a concept, but of the category scheme
    report = validate(ds)
    (hit,) = [r for r in report.results if r.focus == reg]
    assert hit.severity == "Violation" and hit.path == "kg:status" and "kg:Aircraft" in hit.message
    assert len(report.results) == 1  # nested sh:node details are not reported separately


def test_bad_numbers() -> None:
    ds = example()
    reg = _register_deal(ds)
    _set(ds, reg, ns.quantity, Literal(-1))
    _set(ds, reg, ns.orderYear, Literal("2018"))  # a string, not an integer
    report = validate(ds)
    assert _hits(report, "Violation", reg, "kg:quantity", "non-negative")
    assert _hits(report, "Violation", reg, "kg:orderYear", "xsd:integer")


def test_country_code_pattern_and_presence() -> None:
    ds = example()
    _set(ds, IND, ns.iso3, Literal("India"))
    _set(ds, RUS, ns.iso3, None)
    report = validate(ds)
    assert _hits(report, "Violation", IND, "kg:iso3", "three upper-case letters")
    # a missing code is only a warning: sources type countries without their codes
    assert _hits(report, "Warning", RUS, "kg:iso3", "reference graph")
    assert not [r for r in report.violations if r.focus == RUS]


def test_article_needs_url_or_hash_and_delivery_needs_deal() -> None:
    ds = example()
    article = _one(ds, ns.NewsArticle)
    _set(ds, article, ns.SCHEMA.url, None)
    _set(ds, article, ns.contentHash, None)
    reg = _register_deal(ds)
    orphan = _objs(ds, reg, ns.delivery)[0]
    ds.remove((reg, ns.delivery, orphan, None))
    report = validate(ds)
    assert _hits(report, "Violation", article, "schema:url|kg:contentHash", "schema:url or kg:contentHash")
    assert _hits(report, "Violation", orphan, "^kg:delivery", "exactly one kg:Deal")


def test_link_score_range() -> None:
    ds = example()
    link = _one(ds, ns.DealLink)
    _set(ds, link, ns.linkScore, Literal(Decimal("3")))
    assert _hits(validate(ds), "Violation", link, "kg:linkScore", "[0, 1]")


def test_delivered_more_than_ordered_is_a_warning_only() -> None:
    ds = example()
    reg = _register_deal(ds)
    _set(ds, reg, ns.quantityDelivered, Literal(12))
    report = validate(ds)
    assert report.conforms  # warnings do not break conformance (allow_warnings=True)
    (hit,) = report.warnings
    assert hit.focus == reg and "delivered quantity 12 exceeds ordered quantity 10" in hit.message
    assert report.violations == []
    assert "Warning:" in report.text and "1 warnings" in report.text


def test_sources_disagreeing_on_quantity_is_a_warning() -> None:
    """Two articles about the same article deal: 5 and 6 units, each in its own graph."""
    ds = example()
    deal = _article_deal(ds)
    other = iris.article_source("https://news.example.org/other")
    g = ds.graph(other)
    g.add((other, RDF.type, ns.NewsArticle))
    g.add((other, ns.SCHEMA.url, URIRef("https://news.example.org/other")))
    for p, o in (
        (RDF.type, ns.Deal),
        (ns.supplier, RUS),
        (ns.buyer, IND),
        (ns.weaponSystem, S400),
        (ns.orderYear, Literal(2018)),
        (ns.quantity, Literal(6)),
        (ns.status, ns.STATUSES["signed"]),
    ):
        g.add((deal, p, o))
    report = validate(ds)
    assert report.conforms, report.text
    assert _hits(report, "Warning", deal, "kg:quantity", "sources disagree")


# --- API details -------------------------------------------------------------------------


def test_validate_does_not_modify_the_input_and_accepts_a_graph() -> None:
    ds = example()
    before = len(list(ds.quads((None, None, None, None))))
    validate(ds)
    assert len(list(ds.quads((None, None, None, None)))) == before
    # a plain Graph (here: only the article graph plus reference) is validated as is
    g = Graph()
    for ctx in (iris.REFERENCE_GRAPH, _one(ds, ns.NewsArticle)):
        for triple in ds.graph(ctx):
            g.add(triple)
    report = validate(g)
    assert report.conforms, report.text
    g.remove((_claim(ds), ns.about, None))
    assert not validate(g).conforms


def test_union_of_named_graphs_is_validated() -> None:
    """Without the reference graph the deal's parties are untyped: that must be caught."""
    ds = example()
    ds.remove_graph(ds.graph(iris.REFERENCE_GRAPH))
    report = validate(ds)
    assert not report.conforms
    assert _hits(report, "Violation", _register_deal(ds), "kg:buyer", "a kg:Party")


def test_oxigraph_backed_dataset() -> None:
    pytest.importorskip("oxrdflib")
    ds = Dataset(store="Oxigraph")
    for s, p, o, c in example().quads((None, None, None, None)):
        ds.graph(c.identifier if isinstance(c, Graph) else c).add((s, p, o))
    assert validate(ds).conforms
    ds.remove((_register_deal(ds), ns.buyer, None, None))
    assert not validate(ds).conforms


def test_validate_file_and_custom_shapes(tmp_path: Path) -> None:
    trig = tmp_path / "example.trig"
    trig.write_text(_blocks("trig")[0], encoding="utf-8")
    assert validate_file(trig).conforms
    shapes = tmp_path / "strict.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        f"<urn:x:s> a sh:NodeShape ; sh:targetClass <{ns.Deal}> ;\n"
        f'  sh:property [ sh:path <{ns.valueAmount}> ; sh:minCount 1 ; sh:message "needs a value" ] .\n',
        encoding="utf-8",
    )
    report = validate_file(trig, shapes_path=shapes)
    (hit,) = report.results
    assert hit == ValidationResult("Violation", _article_deal(example()), "kg:valueAmount", "needs a value")
    with pytest.raises(ValueError, match="format"):
        validate_file(tmp_path / "data.unknown-ext")


def test_labels_are_required_on_parties() -> None:
    ds = example()
    ds.remove((IND, RDFS.label, None, None))
    report = validate(ds)
    assert _hits(report, "Violation", IND, "rdfs:label|skos:prefLabel", "needs a name")


# --- what the project's own writers produce ----------------------------------------------


def test_every_writer_produces_conformant_data() -> None:
    """Base graphs, SIPRI fixtures (16/17 columns, TIV tables), the article fixtures through
    the extractor, the curated facts and the links: the union has no violation.

    This ties the shapes to the real importers: a shape that rejects what an importer
    rightly writes (or an importer that writes what the ontology forbids) fails here.
    """
    import io

    from kg.ingest import linking
    from kg.ingest.articles import import_articles
    from kg.ingest.base_graphs import ensure_base_graphs
    from kg.ingest.curated import import_curated
    from kg.ingest.sipri import import_sipri
    from kg.io.resources import data_path
    from kg.store import open_store

    fixtures = FIXTURES
    buf = io.BytesIO()
    with open_store("memory:") as store:
        ensure_base_graphs(store)
        import_sipri(store, sorted((fixtures / "sipri").glob("*.csv")))
        import_articles(store, [fixtures / "articles"])
        for table in sorted(data_path("facts").glob("*.csv")):
            import_curated(store, table)
        linking.link(store)
        store.export("nq", buf)
    ds = Dataset()
    ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
    counts = {
        cls: len(_nodes(ds, cls))
        for cls in (
            ns.Claim,
            ns.Deal,
            ns.Delivery,
            ns.DealLink,
            ns.TivObservation,
            ns.NewsArticle,
            ns.Country,
        )
    }
    assert all(counts.values()), counts  # every kind of node is really there
    report = validate(ds)
    assert report.violations == [], report.text


def test_validate_selected_graphs_only() -> None:
    """graphs=: only the nodes of those graphs are judged, with the rest as context."""
    ds = example()
    article = _one(ds, ns.NewsArticle)
    release = _one(ds, ns.DatasetRelease)
    reg = _register_deal(ds)
    _set(ds, reg, ns.valueCurrency, Literal("usd"))  # broken: in the release graph
    full = validate(ds)
    assert not full.conforms
    only_article = validate(ds, graphs=[article])
    # the article's deal, claim and source are judged against the reference graph's types
    assert only_article.conforms and only_article.results == [], only_article.text
    only_release = validate(ds, graphs=[str(release)])
    assert [r.focus for r in only_release.violations] == [reg]
    assert only_release.violations == full.violations
    with pytest.raises(TypeError):
        validate(Graph(), graphs=[article])


def test_selected_graph_sees_other_sources_of_the_same_deal() -> None:
    ds = example()
    deal = _article_deal(ds)
    claim = _claim(ds)
    other = iris.article_source("https://news.example.org/other")
    g = ds.graph(other)
    g.add((other, RDF.type, ns.NewsArticle))
    g.add((other, ns.contentHash, Literal("0" * 64)))
    g.add((deal, ns.quantity, Literal(6)))
    _set(ds, claim, ns.confidence, Literal(Decimal("2")))  # broken, but in the first article
    report = validate(ds, graphs=[other])
    assert _hits(report, "Warning", deal, "kg:quantity", "sources disagree")
    assert not [r for r in report.results if r.focus == claim]


def test_tiv_observation_needs_a_party_and_one_year() -> None:
    ds = example()
    release = _one(ds, ns.DatasetRelease)
    obs = URIRef(f"{release}/tiv/test")
    g = ds.graph(release)
    g.add((obs, RDF.type, ns.TivObservation))
    g.add((obs, ns.year, Literal(2020)))
    g.add((obs, ns.year, Literal(2021)))
    g.add((obs, ns.tiv, Literal(Decimal("12.5"))))
    report = validate(ds)
    assert _hits(report, "Violation", obs, "kg:importer|kg:exporter", "kg:importer or a kg:exporter")
    assert _hits(report, "Violation", obs, "kg:year", "exactly one kg:year")
    g.remove((obs, ns.year, Literal(2021)))
    g.add((obs, ns.importer, IND))
    assert validate(ds).conforms
