"""System-less facts (helper sysless6): own-words sentences only.

* a standing supplier relation stated in a relative clause or an appositive after the supplier
  ("X, which has long been Y's main arms supplier, ...", "X, long Y's biggest arms supplier, ...") is
  a system-less claim of X to Y, as the main-clause form is.
* a relation stated beside another stage of the same sentence ("X, Y's main supplier, has failed to
  deliver weapons Y paid for") gives both: the staged claim and the standing relation (``unknown``).
* the other suppliers of a share sentence, each with its share in brackets ("X accounted for 12 per cent
  of Y's arms imports, behind A (40 per cent) and B (30 per cent)"), are suppliers of Y too.
* "N percent of the weapons Y imported came from X" states X's relation with Y; when it names example
  systems ("from A frigates to B trainers") the relation still gets its own system-less claim.
"""

from __future__ import annotations

import pytest
from helpers import claim_facts

_claims = claim_facts.asserted


@pytest.mark.parametrize(
    "intro",
    [
        "which has long been",
        "which had been",
        "who is",
        "that remains",
        "long",
        "traditionally",
    ],
)
@pytest.mark.parametrize("adj", ["largest", "biggest", "main", "top"])
def test_a_relation_in_a_relative_clause_or_appositive(intro: str, adj: str) -> None:
    text = f"Brazil, {intro} Chile's {adj} arms supplier, sent a delegation to the exhibition on Monday."
    assert ("BRA", "CHL", None) in {c[:3] for c in _claims(text)}


def test_a_relative_clause_that_is_not_a_relation_gives_no_systemless_claim() -> None:
    text = "Brazil, which is Chile's neighbour, sent a delegation to the exhibition on Monday."
    assert not [c for c in _claims(text) if c[:2] == ("BRA", "CHL")]


@pytest.mark.parametrize(
    "relation",
    [
        "which has long been Chile's main arms supplier",
        "long Chile's largest weapons supplier",
        "who remains Chile's top arms supplier",
    ],
)
@pytest.mark.parametrize(
    ("verb", "stage"),
    [
        ("has failed to deliver weapons worth about $300 million that Santiago had paid for", "delayed"),
        ("signed a contract last year to sell it twelve more trucks", "signed"),
    ],
)
def test_a_relation_beside_another_stage_keeps_its_own_unknown_claim(
    relation: str, verb: str, stage: str
) -> None:
    text = f"Brazil, {relation}, {verb}."
    statuses = {c[3] for c in _claims(text) if c[:3] == ("BRA", "CHL", None)}
    assert "unknown" in statuses
    assert stage in statuses


def test_a_plain_relation_sentence_gives_one_unknown_claim() -> None:
    claims = [c for c in _claims("Brazil is Chile's largest arms supplier.") if c[:2] == ("BRA", "CHL")]
    assert [c[3] for c in claims] == ["unknown"]


@pytest.mark.parametrize(
    "lead",
    [
        "Greece accounted for 12 per cent of Chile's major arms imports in 2019-23",
        "Greece supplied 12% of Chile's arms imports over the period",
        "Greece supplies 12 percent of Chile's weapons",
    ],
)
@pytest.mark.parametrize("share", ["40 per cent", "40%", "about 40 percent"])
def test_the_other_suppliers_of_a_share_sentence_with_their_share_in_brackets(lead: str, share: str) -> None:
    text = f"{lead}, behind Brazil ({share}) and Spain (30 per cent)."
    triples = {c[:3] for c in _claims(text)}
    assert {("GRC", "CHL", None), ("BRA", "CHL", None), ("ESP", "CHL", None)} <= triples


def test_bracketed_shares_without_a_relation_name_no_supplier() -> None:
    text = "Brazil (40 per cent) and Spain (30 per cent) voted for the motion on Chile."
    assert not [c for c in _claims(text) if c[1] == "CHL" and c[2] is None]


@pytest.mark.parametrize("share", ["Roughly 70 percent", "About 60%", "Most", "Two-thirds"])
@pytest.mark.parametrize("what", ["major weapons", "arms", "military equipment"])
@pytest.mark.parametrize("verb", ["imported over the past two decades", "has bought since 1990"])
def test_a_share_of_imports_that_came_from_a_supplier(share: str, what: str, verb: str) -> None:
    text = f"{share} of the {what} Chile {verb} came from Brazil."
    assert ("BRA", "CHL", None, "unknown") in _claims(text)


@pytest.mark.parametrize(
    "relation",
    [
        "Roughly 70 percent of the major weapons Chile imported over the past two decades came from Brazil",
        "Brazil is Chile's largest arms supplier",
        "Brazil supplies most of Chile's weapons",
    ],
)
def test_a_relation_illustrated_with_systems_keeps_its_systemless_claim(relation: str) -> None:
    text = f"{relation}, from Tamandare frigates to Super Tucano trainers."
    claims = _claims(text)
    assert ("BRA", "CHL", None, "unknown") in claims
    assert any(c[:2] == ("BRA", "CHL") and c[2] for c in claims)


def test_a_share_of_funds_names_no_supplier() -> None:
    text = "The remaining 30 percent of the funds Chile raised came from Brazil."
    assert not [c for c in _claims(text) if c[:2] == ("BRA", "CHL")]


def test_a_purchase_with_a_system_gets_no_systemless_twin() -> None:
    claims = [
        c for c in _claims("Chile bought Super Tucano trainers from Brazil.") if c[:2] == ("BRA", "CHL")
    ]
    assert claims and all(c[2] for c in claims)
