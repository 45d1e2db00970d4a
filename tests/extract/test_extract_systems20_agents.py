"""Which system a claim names: the agent of a participle after one item (helper systems20).

Why: "the army, which fielded X and Y until 2015, now also uses Z supplied by A and B" names A and B
as the givers of Z only; X and Y sit in a clause of their own (what the force used before), so a
claim of A or B about X or Y names the wrong system.  Sentences are the helper's own, with
varying systems, givers and participles.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 3, 4)


def _key(name: str | None) -> str:
    """A system name as letters and digits only (the scorer's comparison)."""
    return re.sub(r"[^0-9a-z]", "", (name or "").lower())


def _names(system: str | None, part: str) -> bool:
    return bool(system) and _key(part) in _key(system)


_OLD = st.sampled_from([("Mi-24", "Mi-8"), ("T-72", "BMP-2"), ("MiG-29", "Su-25")])
_NEW = st.sampled_from([("Leopard 1", "Leopard"), ("F-16", "F-16"), ("CV90", "CV90")])
_VERB = st.sampled_from(["donated", "supplied", "transferred"])
_GIVERS = st.sampled_from(
    [
        ("Denmark", "DNK", "Finland", "FIN"),
        ("Norway", "NOR", "the Netherlands", "NLD"),
        ("Spain", "ESP", "Belgium", "BEL"),
    ]
)


@settings(max_examples=20, deadline=None)
@given(_OLD, _NEW, _VERB, _GIVERS)
def test_agent_after_the_later_item_gives_that_item_only(
    old: tuple[str, str], new: tuple[str, str], verb: str, givers: tuple[str, str, str, str]
) -> None:
    """Pattern "A's force, which flew X and Y before the war, now also operates Z <verb> by B and C":
    B and C give Z, not X or Y."""
    text = (
        f"Georgia's armed forces, which used only {old[0]}s and {old[1]}s before the conflict, now also "
        f"operate {new[0]}s {verb} by {givers[0]} and {givers[2]}, officials said on Monday."
    )
    got = triples(text, PUB)
    wrong = {
        t for t in got if t[0] in (givers[1], givers[3]) and t[2] is not None and not _names(t[2], new[1])
    }
    assert not wrong, got
    assert any(t[0] == givers[1] and t[1] == "GEO" and _names(t[2], new[1]) for t in got), got


@settings(max_examples=10, deadline=None)
@given(_VERB)
def test_one_list_shares_its_agent(verb: str) -> None:
    """Limit: a plain list of items before the participle ("X, Y and Z supplied by B") is one list;
    B gives every item of it."""
    text = (
        f"Georgia's army has received Leopard 1 tanks and CV90 vehicles {verb} by Denmark, the ministry said."
    )
    got = triples(text, PUB)
    assert any(t[0] == "DNK" and _names(t[2], "CV90") for t in got), got
    assert any(t[0] == "DNK" and _names(t[2], "Leopard") for t in got), got
