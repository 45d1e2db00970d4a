"""kg.vocab.parties: the one party resolver (names, codes, IRIs, store labels), defined once."""

from __future__ import annotations

import ast

import pytest
from helpers.paths import REPO
from rdflib import URIRef

from kg.errors import UnknownName, UsageError
from kg.vocab import iris
from kg.vocab.parties import resolve_party_iri

KG = REPO / "kg"


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("India", "IND"),
        ("  india ", "IND"),
        ("ind", "IND"),
        ("IND", "IND"),
        ("USSR", "SUN"),
        ("Russia", "RUS"),
    ],
)
def test_names_and_codes_resolve_to_the_minted_country(name: str, iso3: str) -> None:
    assert resolve_party_iri(name) == iris.country(iso3)
    assert resolve_party_iri(name, country_only=True) == iris.country(iso3)


def test_an_iri_is_taken_as_given_and_a_malformed_one_refused() -> None:
    iri = "https://w3id.org/defence-kg/id/company/some-maker"
    assert resolve_party_iri(iri) == URIRef(iri)
    with pytest.raises(UnknownName, match="not an absolute IRI"):
        resolve_party_iri("http://bad iri/<x>")


def test_unknown_names_fail_with_suggestions() -> None:
    with pytest.raises(UnknownName, match=r"unknown party 'Indai'; did you mean .*'India'"):
        resolve_party_iri("Indai")
    with pytest.raises(UnknownName, match=r"^unknown country 'Atlantis'"):
        resolve_party_iri("Atlantis", country_only=True)


def test_callers_choose_their_error_classes() -> None:
    class Unknown(UnknownName):
        pass

    class NotCountry(UsageError):
        pass

    with pytest.raises(Unknown):
        resolve_party_iri("Atlantis", unknown=Unknown)
    with pytest.raises(NotCountry, match=r"'Dassault Aviation' is a company .*not a country"):
        resolve_party_iri("Dassault Aviation", country_only=True, not_country=NotCountry)


def test_store_labels_are_the_last_resort_and_must_be_unambiguous() -> None:
    asked: list[str] = []

    def labels(lowered: str) -> list[str]:
        asked.append(lowered)
        return {"evil arms": ["https://e.org/evil"], "twins": ["https://e.org/a", "https://e.org/b"]}.get(
            lowered, []
        )

    assert resolve_party_iri("Evil Arms", labels=labels) == URIRef("https://e.org/evil")
    assert asked == ["evil arms"]
    assert resolve_party_iri("India", labels=labels) == iris.country("IND")  # tables first
    assert asked == ["evil arms"]
    with pytest.raises(UnknownName):
        resolve_party_iri("Twins", labels=labels)  # two parties carry the label: ambiguous
    with pytest.raises(UnknownName):
        resolve_party_iri("Evil Arms", labels=labels, country_only=True)  # a label is no country


def _definitions(names: set[str]) -> list[str]:
    out = []
    for path in sorted(KG.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in names:
                out.append(f"{path.relative_to(KG.parent)}:{node.lineno} {node.name}")
    return out


def test_the_party_resolver_is_defined_once() -> None:
    """One definition of the party resolver in kg/ (named.py, timeline.py and network.py
    each had their own); other modules import it.  Only it suggests party names.  (Minting an
    IRI from a reference record, ``kg.rdf.terms.party_iri``, is not resolving a name.)"""
    names = {"resolve_party_iri", "party_iri_for", "resolve_party_name", "party_for"}
    assert _definitions(names) == ["kg/vocab/parties.py:29 resolve_party_iri"]
    suggesting = [
        str(p.relative_to(KG.parent))
        for p in sorted(KG.rglob("*.py"))
        if "reference.close_matches(" in p.read_text(encoding="utf-8") and p.name != "reference.py"
    ]
    assert suggesting == ["kg/vocab/parties.py"]
