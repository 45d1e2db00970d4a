"""Sentence rule of extras20 (issue 13): a designation's letter suffix after a hyphen ("Tigris-T",
"Mk-D") ends a sentence before its period like any word; it is no initial ("J. Smith").

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.sentences import split_sentences

_NAMES = ["Tigris-T", "Arjun Mk-A", "Kaan-B", "Varuna-S", "Hisar-O"]
_NEXT = ["The army", "Its first batch", "Deliveries", "The ministry"]


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(_NAMES), nxt=st.sampled_from(_NEXT), n=st.integers(2, 400))
def test_a_hyphenated_letter_suffix_ends_its_sentence(name: str, nxt: str, n: int) -> None:
    """The period after a designation ending in "-<letter>" ends the sentence."""
    first = f"Local firms now build the {name}."
    second = f"{nxt} ordered {n} more in March."
    text = f"{first} {second}"
    assert [text[a:b] for a, b in split_sentences(text)] == [first, second]


def test_an_initial_still_does_not_end_a_sentence() -> None:
    """A lone capital after a space is an initial: no cut."""
    text = "The deal was signed by J. Smith of the ministry."
    assert [text[a:b] for a, b in split_sentences(text)] == [text]
