"""A capitalised name before an item noun that only modifies a place or an event names no system.

"The X drone base", "the X drone and missile attacks", "X missile strikes": the item noun is a
modifier of a base, an attack or a raid, and X is the town or the armed group, not a designation;
"the X drones" (the noun heads the phrase) still names the item X.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.mentions import find_designations

_NAMES = ("Tamorra", "Kelvane", "Ostrava", "Brisko", "Zelmar")
_NOUNS = ("drone", "missile", "helicopter", "rocket")
_SCENES = ("base", "bases", "attacks", "strikes", "raid", "air base", "and missile attacks")


def _names(text: str) -> set[str]:
    return {m.text for m in find_designations(text)}


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(_NAMES), noun=st.sampled_from(_NOUNS), scene=st.sampled_from(_SCENES))
def test_a_name_before_a_place_or_event_is_no_system(name: str, noun: str, scene: str) -> None:
    text = f"Officials said the troops had left after the {name} {noun} {scene} last year."
    assert name not in _names(text)


@settings(max_examples=20, deadline=None)
@given(name=st.sampled_from(_NAMES), noun=st.sampled_from(_NOUNS))
def test_a_name_heading_its_item_noun_is_still_a_system(name: str, noun: str) -> None:
    text = f"Officials said the army had ordered more {name} {noun}s last year."
    assert name in _names(text)
