"""The designation hints of mentions, rewritten to open with a literal or a capital, answer as their
plain patterns do on any text."""

from __future__ import annotations

from helpers.strategies import pieces_text
from hypothesis import given, settings

from kg.extract import mentions

# code pieces, digits (ASCII and other scripts), capitals and look-alikes (Kelvin sign, dotted I)
PIECES = [
    "AN/",
    "TPQ",
    "-",
    "GE",
    "F404",
    "102",
    "214",
    "NG",
    "KSS",
    "III",
    "A",
    "Z",
    "\u212a",
    "İ",
    "\u0663",
    "7",
    "/",
]
texts = pieces_text(PIECES, noise=3, max_size=12, sep="")


@settings(max_examples=500, deadline=None)
@given(texts)
def test_mil_code_hint_answers_as_the_plain_alternation(text: str) -> None:
    assert mentions._may_hold_mil_code(text) == (mentions._MIL_CODE_HINT.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_hull_hint_scan_answers_as_the_plain_pattern(text: str) -> None:
    assert (mentions._HULL_HINT_SCAN.search(text) is not None) == (
        mentions._HULL_HINT.search(text) is not None
    )


def test_hints_on_written_codes() -> None:
    assert mentions._may_hold_mil_code("the AN/TPQ-36 radar")
    assert mentions._may_hold_mil_code("two T64-GE-419 engines")
    assert not mentions._may_hold_mil_code("F-16 jets and 12 GE engines")
    assert mentions._HULL_HINT_SCAN.search("two 214NG submarines")
    assert not mentions._HULL_HINT_SCAN.search("the 21 4NG boats")
