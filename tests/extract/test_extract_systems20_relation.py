"""A standing supplier relation is a fact without a system (helper systems20).

Why: "B has for decades been one of A's biggest sources of arms" or "B nevertheless remains by far the
largest supplier of weapons to A" states a relation (labelling rule 5: ``unknown``) and names no system
(rule 4), even when it lists examples; wording with a plural noun, a time adverbial or a sentence
adverb before the verb must still read as that relation.  Sentences are the helper's own.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 11, 12)

_PAIR = st.sampled_from(
    [("China", "CHN", "Kenya", "KEN"), ("France", "FRA", "Egypt", "EGY"), ("Russia", "RUS", "Laos", "LAO")]
)
_VERB = st.sampled_from(
    ["has for decades been", "has for years been", "has for two decades been", "nevertheless remains"]
)
_NOUN = st.sampled_from(["biggest sources of arms", "main sources of weapons", "largest arms suppliers"])


@settings(max_examples=30, deadline=None)
@given(_PAIR, _VERB, _NOUN)
def test_relation_with_adverbials_and_plural_nouns(
    pair: tuple[str, str, str, str], verb: str, noun: str
) -> None:
    """Pattern "B <has for decades been | nevertheless remains> one of A's <biggest sources of arms>":
    B supplies A, no system, stage unknown."""
    text = f"{pair[0]} {verb} one of {pair[2]}'s {noun}, officials said."
    assert (pair[1], pair[3], None, "unknown") in facts(text, PUB)


@settings(max_examples=10, deadline=None)
@given(_PAIR)
def test_relation_to_buyer_after_sentence_adverb(pair: tuple[str, str, str, str]) -> None:
    """Pattern "B nevertheless remains by far the largest supplier of weapons to A"."""
    text = f"{pair[0]} nevertheless remains by far the largest supplier of weapons to {pair[2]}."
    got = facts(text, PUB)
    assert (pair[1], pair[3], None, "unknown") in got, got
