"""Recall on prose the rules were not written for: general patterns of missed deals and wrong
designations found by reading the even half of ``tests/fixtures/newsset2`` (issue 13).

Why: each test states one pattern in its own words (no sentence, name pairing or number of a
labelled article), so the rule that passes it fixes the pattern, not one article.
"""

from __future__ import annotations

from datetime import date

from kg.extract.designations import written_designation
from tests.helpers.claim_facts import facts

PUB = date(2025, 3, 4)


# -- designations: a ship class stays the class ------------------------------------------------------


def test_class_name_with_its_noun_stays_the_class() -> None:
    """'six X-class submarines': the catalogue groups the class under one project designation,
    but the claim names the class the text names (the nouns after it are not part of the name)."""
    assert written_designation("Kilo-class submarines", "Project-877E") == "Kilo-class"
    assert written_designation("Kilo class boat", "Project-877E") == "Kilo-class"
    got = facts("Algeria received four Kilo-class submarines from Russia in 2010.", PUB)
    assert ("RUS", "DZA", "Kilo-class", "delivered") in got
