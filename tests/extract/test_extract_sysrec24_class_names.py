"""A name written with "-class" names a ship class, whatever else the name names.

Navies name ships after cities, animals and heroes, so a class name is often a capital city's (a
party's metonym) or another system's name in the catalogue (a missile, a howitzer, a vehicle).
Written with "-class" or " class" it is the ship class: the city is no party of the sentence and the
other system is not what the sentence is about.  Sentences invented; the capitals and catalogue names
are only stand-ins for the two vocabularies.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.extract.mentions import find_mentions

CITIES = ["Lisbon", "Oslo", "Havana", "Warsaw", "Helsinki"]
OTHER_SYSTEMS = ["Javelin", "Boxer", "Caesar", "Stinger"]
SHIP_NOUNS = ["frigates", "corvettes", "patrol boats", "submarines"]
JOINS = ["-class", " class"]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(CITIES + OTHER_SYSTEMS),
    st.sampled_from(JOINS),
    st.sampled_from(SHIP_NOUNS),
    st.integers(2, 9),
    st.sampled_from(["ordered", "bought", "took delivery of"]),
)
def test_a_class_name_is_a_ship_class(name, join, noun, n, verb) -> None:
    text = f"Peru {verb} {n} {name}{join} {noun} from Italy in 2019."
    systems = [x for x in find_mentions(text) if x.kind == "system"]
    assert [x.system.designation for x in systems] == [f"{name}-class"], systems
    parties = {x.text for x in find_mentions(text) if x.kind == "party"}
    assert parties == {"Peru", "Italy"}
    (claim,) = [c.to_dict() for c in extract_text(text)]
    assert claim["system"]["name"] == f"{name}-class"
    assert claim["supplier"]["iso3"] == "ITA"
    assert claim["buyer"]["iso3"] == "PER"


def test_a_demonym_before_a_class_name_stays_a_party() -> None:
    text = "Thailand ordered a Chinese Ruby-class submarine in 2017."
    kinds = [(x.kind, x.text) for x in find_mentions(text)]
    assert ("party", "Chinese") in kinds
    assert ("system", "Ruby-class") in kinds


def test_the_catalogue_system_without_class_is_unchanged() -> None:
    text = "Peru ordered 12 Caesar howitzers from France."
    (system,) = [x for x in find_mentions(text) if x.kind == "system"]
    assert system.text.startswith("Caesar") and system.system.category != "ships"
