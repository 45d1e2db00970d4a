"""A bare name two catalogue families share is resolved by the item noun written after it.

Own words.  The catalogue holds a British jet trainer and an American air-defence system whose bare
name is the same bird; before, the catalogue's order gave every text the missile system."""

from __future__ import annotations

import pytest

from kg.extract import extract_text
from kg.extract.entities import gazetteer


def _systems(text: str) -> list[tuple[str, str]]:
    return [(c.system.name, c.system.category) for c in extract_text(text, candidates=True) if c.system]


@pytest.mark.parametrize(
    "noun", ["trainer jets", "jet trainers", "aircraft", "advanced trainers", "training aircraft"]
)
@pytest.mark.parametrize("buyer", ["Oman", "Indonesia", "Kenya"])
def test_aircraft_nouns_choose_the_trainer(noun: str, buyer: str) -> None:
    got = _systems(f"{buyer} ordered eight Hawk {noun} from Britain last year.")
    assert got and all(cat == "aircraft" for _, cat in got), got


@pytest.mark.parametrize("noun", ["air defence batteries", "surface-to-air missile systems", "SAM batteries"])
def test_air_defence_nouns_choose_the_missile_system(noun: str) -> None:
    got = _systems(f"Jordan bought three Hawk {noun} from the United States in 1998.")
    assert got and all(cat == "air-defence" for _, cat in got), got


def test_without_a_noun_the_first_entry_stays_and_other_names_are_untouched() -> None:
    gaz = gazetteer()
    text = "the Hawk was shown beside a Rafale"
    (first, second) = gaz.find(text)
    assert first.text == "Hawk"
    assert "Rafale" in second.system.designation
    assert [m.system.designation for m in gaz.find("the Hawk was shown")] == [first.system.designation]


@pytest.mark.parametrize(
    ("noun", "category"),
    [
        ("infantry fighting vehicles", "armoured-vehicles"),
        ("armoured vehicles", "armoured-vehicles"),
        ("helicopters", "aircraft"),
        ("transport helicopters", "aircraft"),
    ],
)
def test_the_other_shared_name_follows_its_noun_too(noun: str, category: str) -> None:
    got = _systems(f"Qatar ordered 40 Puma {noun} from Germany.")
    assert got and all(cat == category for _, cat in got), got
