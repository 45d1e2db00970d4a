"""The "said it" scan of roles, behind its word prefilter, answers as the plain pattern on any text."""

from __future__ import annotations

from helpers.strategies import pieces_text
from hypothesis import given, settings

from kg.extract import patterns, roles

# the verbs in several cases (and with a long s: "ſaid" is "said" under re.IGNORECASE), the words
# after them, glue, and other oddities (Kelvin sign, dotted capital I, combining mark, unicode digit)
PIECES = [
    "said",
    "SAID",
    "ſaid",
    "Told",
    "told",
    "announced",
    "it",
    "they",
    "that it",
    "'s",
    "India",
    "\u212a",
]
PIECES += ["İ", "e\u0301", "\u0663", "the", "would", "-", " ", "  ", "\n"]
texts = pieces_text(PIECES, noise=4, max_size=12)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_said_it_prefilter_answers_as_the_plain_pattern(text: str) -> None:
    fast = roles._SAID_IT_NEXT.match(text)
    plain = patterns._SAID_IT_NEXT.match(text)
    assert (fast.regs if fast else None) == (plain.regs if plain else None), text


def test_said_it_is_found_and_skipped() -> None:
    assert roles._SAID_IT_NEXT.match(" said it would buy") is not None
    assert roles._SAID_IT_NEXT.match(" officials ſaid they would") is not None  # re.I folds the long s
    assert roles._SAID_IT_NEXT.match(" bought it") is None
    assert roles._SAID_IT_NEXT.needs == ("said", "told", "announced")
