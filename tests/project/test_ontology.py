"""The ontology declares every term the code uses, and the shapes cover every class.

The source scan is dynamic: any ``KG.name``, ``KG["name"]`` or ``kg:name`` that anyone adds
to ``kg/`` or ``scripts/`` (Python, SPARQL ``.rq``, Turtle) must be declared in ``kg.ttl``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.paths import REPO
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from kg.io.resources import ontology_path
from kg.vocab import ns

ROOT = REPO
ONTOLOGY_IRI = URIRef("https://w3id.org/defence-kg/ontology")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path("kg.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def _ns_terms() -> dict[str, URIRef]:
    """Every module attribute of kg.vocab.ns that is an IRI in the kg: namespace."""
    return {
        name: value
        for name, value in vars(ns).items()
        if isinstance(value, URIRef) and str(value).startswith(str(ns.KG)) and value != URIRef(ns.KG)
    }


def _concepts() -> dict[str, tuple[URIRef, URIRef]]:
    """notation -> (concept, scheme) for both concept schemes."""
    out: dict[str, tuple[URIRef, URIRef]] = {}
    for key, concept in ns.CATEGORIES.items():
        out[f"category:{key}"] = (URIRef(concept), ns.WeaponCategoryScheme)
    for key, concept in ns.STATUSES.items():
        out[f"status:{key}"] = (URIRef(concept), ns.DealStatusScheme)
    for key, concept in ns.MODALITY_CONCEPTS.items():
        out[f"modality:{key}"] = (URIRef(concept), ns.ModalityScheme)
    return out


def _english(graph: Graph, subject: URIRef, predicate: URIRef) -> list[Literal]:
    return [
        o
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language in (None, "en") and str(o).strip()
    ]


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert onto.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert str(ns.KG) == "https://w3id.org/defence-kg/ontology#"


def test_no_blank_nodes(onto: Graph) -> None:
    """Loading kg.ttl twice into one graph must add nothing (idempotent re-imports)."""
    assert not [t for t in onto if any(isinstance(x, BNode) for x in t)]
    again = Graph().parse(ontology_path("kg.ttl"), format="turtle")
    again.parse(ontology_path("kg.ttl"), format="turtle")
    assert len(again) == len(onto)


def test_every_ns_term_is_declared_with_label_and_comment(onto: Graph) -> None:
    concepts = {c for c, _ in _concepts().values()}
    missing, unlabelled = [], []
    for name, term in _ns_terms().items():
        if term in concepts:
            continue  # checked with SKOS below
        if not list(onto.objects(term, RDF.type)):
            missing.append(name)
        elif not _english(onto, term, RDFS.label) or not _english(onto, term, RDFS.comment):
            unlabelled.append(name)
    assert not missing, f"kg.vocab.ns terms not declared in kg.ttl: {missing}"
    assert not unlabelled, f"terms without English rdfs:label/rdfs:comment: {unlabelled}"


#: The kinds of party, each a subclass of kg:Party (written out: the ontology is checked
#: against this list, not against kg's own tables).
PARTY_SUBCLASSES = (
    ns.Country,
    ns.Company,
    ns.GovernmentAgency,
    ns.InternationalOrganisation,
    ns.NonStateArmedGroup,
    ns.UnknownParty,
)


def test_kinds_of_terms(onto: Graph) -> None:
    """Classes are owl:Class, schemes skos:ConceptScheme, properties Object/Datatype."""
    classes = {t for t in _ns_terms().values() if (t, RDF.type, OWL.Class) in onto}
    assert {
        ns.Party,
        *PARTY_SUBCLASSES,
        ns.WeaponSystem,
        ns.Deal,
        ns.Delivery,
        ns.Source,
        ns.NewsArticle,
        ns.DatasetRelease,
        ns.RegisterRecord,
        ns.Claim,
        ns.DealLink,
        ns.TivObservation,
    } == classes
    for scheme in (ns.WeaponCategoryScheme, ns.DealStatusScheme, ns.ModalityScheme):
        assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    assert (ns.NonFactualModalities, RDF.type, SKOS.Collection) in onto
    concepts = {c for c, _ in _concepts().values()}
    schemes = {ns.WeaponCategoryScheme, ns.DealStatusScheme, ns.ModalityScheme, ns.NonFactualModalities}
    for name, term in _ns_terms().items():
        if term in classes or term in concepts or term in schemes:
            continue
        kinds = set(onto.objects(term, RDF.type))
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"{name} is not a property"


def test_class_hierarchy(onto: Graph) -> None:
    for sub in PARTY_SUBCLASSES:
        assert (sub, RDFS.subClassOf, ns.Party) in onto
    for sub in (ns.NewsArticle, ns.DatasetRelease, ns.RegisterRecord):
        assert (sub, RDFS.subClassOf, ns.Source) in onto
    assert (ns.Source, RDFS.subClassOf, ns.PROV.Entity) in onto
    assert (ns.Claim, RDFS.subClassOf, ns.PROV.Entity) in onto
    assert (ns.NewsArticle, RDFS.subClassOf, ns.SCHEMA.NewsArticle) in onto
    assert (ns.WeaponSystem, RDFS.subClassOf, ns.SCHEMA.ProductModel) in onto
    assert (ns.Claim, SKOS.closeMatch, ns.SCHEMA.Claim) in onto
    assert (ns.manufacturer, RDFS.subPropertyOf, ns.SCHEMA.manufacturer) in onto
    assert (ns.originCountry, RDFS.subPropertyOf, ns.SCHEMA.countryOfOrigin) in onto


def test_properties_have_domain_and_range(onto: Graph) -> None:
    props = [
        t
        for t in _ns_terms().values()
        if set(onto.objects(t, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}
    ]
    assert len(props) > 50
    for p in props:
        domains = list(onto.objects(p, RDFS.domain)) + list(onto.objects(p, ns.SCHEMA.domainIncludes))
        assert domains, f"{p} has no rdfs:domain or schema:domainIncludes"
        assert onto.value(p, RDFS.range) is not None, f"{p} has no rdfs:range"
        for d in domains:
            # skos:Concept: kg:lifecycleRank describes the status concepts themselves
            assert (d, RDF.type, OWL.Class) in onto or d == SKOS.Concept, f"{p} domain {d} is not a kg class"
        if (p, RDF.type, OWL.DatatypeProperty) in onto:
            rng = onto.value(p, RDFS.range)
            assert str(rng).startswith(str(ns.XSD)) or rng == RDFS.Literal, (p, rng)


@pytest.mark.parametrize(
    ("prop", "datatype"),
    [
        (ns.quantity, ns.XSD.integer),
        (ns.quantityDelivered, ns.XSD.integer),
        (ns.valueAmount, ns.XSD.decimal),
        (ns.valueUSD, ns.XSD.decimal),
        (ns.tiv, ns.XSD.decimal),
        (ns.tivPerUnit, ns.XSD.decimal),
        (ns.tivDelivered, ns.XSD.decimal),
        (ns.confidence, ns.XSD.decimal),
        (ns.linkScore, ns.XSD.decimal),
        (ns.orderYear, ns.XSD.integer),
        (ns.deliveryYear, ns.XSD.integer),
        (ns.historical, ns.XSD.boolean),
        (ns.secondHand, ns.XSD.boolean),
        (ns.negated, ns.XSD.boolean),
        (ns.evidenceStart, ns.XSD.integer),
        (ns.evidenceEnd, ns.XSD.integer),
    ],
)
def test_datatype_ranges(onto: Graph, prop: URIRef, datatype: URIRef) -> None:
    assert onto.value(prop, RDFS.range) == datatype


def test_concepts(onto: Graph) -> None:
    for label, (concept, scheme) in _concepts().items():
        key = label.split(":", 1)[1]
        assert (concept, RDF.type, SKOS.Concept) in onto, label
        assert (concept, SKOS.inScheme, scheme) in onto, label
        assert (scheme, SKOS.hasTopConcept, concept) in onto, label
        assert str(onto.value(concept, SKOS.notation)) == key, label
        assert _english(onto, concept, SKOS.prefLabel), label
        assert _english(onto, concept, SKOS.definition), label
    for scheme, table in (
        (ns.WeaponCategoryScheme, ns.CATEGORIES),
        (ns.DealStatusScheme, ns.STATUSES),
        (ns.ModalityScheme, ns.MODALITY_CONCEPTS),
    ):
        in_scheme = set(onto.subjects(SKOS.inScheme, scheme))
        assert in_scheme == {URIRef(c) for c in table.values()}
        assert _english(onto, scheme, SKOS.prefLabel)
    assert len(ns.CATEGORIES) == 12 and len(ns.STATUSES) == 9 and len(ns.MODALITY_CONCEPTS) == 4


def test_declared_terms_are_all_in_ns(onto: Graph) -> None:
    """kg.ttl declares nothing that kg.vocab.ns lacks (code must reach every term through kg.vocab.ns)."""
    declared = {
        s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(ns.KG))
    }
    known = set(_ns_terms().values()) | {URIRef(c) for c, _ in _concepts().values()}
    assert declared - known == set()


# --- dynamic scan of the code base ---------------------------------------------------------

_PY_ATTR = re.compile(r"\bKG\.([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()")
_PY_ITEM = re.compile(r"\bKG\[\s*[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']\s*\]")
_PREFIXED = re.compile(r"(?<![\w/#.\-])kg:([A-Za-z_][A-Za-z0-9_]*)")


def _scanned_files() -> list[Path]:
    files: list[Path] = []
    for top in ("kg", "scripts"):
        base = ROOT / top
        if base.is_dir():
            for pattern in ("*.py", "*.rq", "*.ttl", "*.trig"):
                files.extend(base.rglob(pattern))
    return sorted(files)


def _used_terms() -> dict[str, set[str]]:
    """local name -> files using it as KG.name / KG["name"] / kg:name."""
    used: dict[str, set[str]] = {}
    for path in _scanned_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = str(path.relative_to(ROOT))
        names: set[str] = set(_PREFIXED.findall(text))
        if path.suffix == ".py":
            names |= set(_PY_ATTR.findall(text)) | set(_PY_ITEM.findall(text))
        for name in names:
            used.setdefault(name, set()).add(rel)
    return used


def test_scanner_finds_known_usages() -> None:
    """The scan must actually see the terms used in kg/vocab/ns.py and this package's queries."""
    used = _used_terms()
    assert {"Deal", "supplier", "buyer", "StatusUnknown", "OtherCategory"} <= set(used)
    assert "kg/vocab/ns.py" in used["Deal"]


def test_scanner_patterns() -> None:
    text = 'x = KG.fooBar; y = KG["baz"]; q = "SELECT ?d { ?d kg:quux ?o }"; z = KG.term("n")'
    assert _PY_ATTR.findall(text) == ["fooBar"]
    assert _PY_ITEM.findall(text) == ["baz"]
    assert _PREFIXED.findall(text + " kgid:deal/x https://w3id.org/defence-kg:no") == ["quux"]


def test_every_used_term_is_declared(onto: Graph) -> None:
    undeclared = {
        name: sorted(files)
        for name, files in _used_terms().items()
        if not list(onto.objects(ns.KG[name], RDF.type))
    }
    assert not undeclared, f"kg: terms used in code but not declared in ontology/kg.ttl: {undeclared}"


# --- shapes ------------------------------------------------------------------------------


def test_every_class_has_a_shape(onto: Graph, shapes: Graph) -> None:
    classes = {c for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(str(ns.KG))}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set(), "classes without a SHACL shape"


def test_shapes_only_use_declared_terms(onto: Graph, shapes: Graph) -> None:
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(str(ns.KG))}
    undeclared = {t for t in used if not list(onto.objects(t, RDF.type))}
    assert not undeclared


def test_readme_tables_cover_every_term(onto: Graph) -> None:
    readme = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `kg:([A-Za-z0-9]+)` \|", readme, flags=re.M))
    terms = {
        str(t)[len(str(ns.KG)) :]
        for t in onto.subjects(RDF.type, None)
        if str(t).startswith(str(ns.KG))
        and set(onto.objects(t, RDF.type)) & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    }
    assert terms - rows == set(), "ontology/README.md tables miss these terms"


def test_shape_concept_lists_match_the_schemes(onto: Graph, shapes: Graph) -> None:
    """shapes.ttl checks status/category with sh:in lists; they must equal the SKOS schemes."""
    from rdflib.collection import Collection

    for path, scheme in ((ns.status, ns.DealStatusScheme), (ns.category, ns.WeaponCategoryScheme)):
        lists = [
            Collection(shapes, lst)
            for shape in shapes.subjects(SH.path, path)
            for lst in shapes.objects(shape, SH["in"])
        ]
        assert lists, f"no sh:in list for {path}"
        members = set(onto.subjects(SKOS.inScheme, scheme))
        for lst in lists:
            assert set(lst) == members
