"""A long bullet line with no final punctuation ends at the next bullet line (issue 13, helper lists25).

Why: fact boxes ("Background: the army's programmes" then "- X: N units from A, delivery delayed
because ...") often write items longer than a headline and without a final period.  The splitter
only broke a single line break after a short line or a punctuated one, so such an item ran on into
the next items: one "sentence" held several deals, and the seller or buyer of one item was read as
another's (the first item's seller as the second item's buyer).  A line that opens with a list mark
starts a new sentence.  The sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.sentences import mask_markup, split_sentences
from tests.helpers.claim_facts import triples

PUB = date(2025, 9, 1)
#: words that make an item line longer than a headline, with no final punctuation
PADS = [
    "with deliveries slipping because the maker gave priority to another customer",
    "a decision the parliament questioned at length during the budget debate last year",
]


def _box(mark: str, pad: str) -> str:
    return (
        "Norway is re-arming fast. Background: the Norwegian programmes\n"
        f"{mark} NASAMS: six fire units from the United States, {pad}\n"
        f"{mark} K9 Thunder: 24 howitzers ordered from South Korea, {pad}\n"
        f"{mark} CV90: 20 vehicles ordered from Sweden, {pad}\n"
        "\nThe ministry declined to comment."
    )


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["-", "*"]), st.sampled_from(PADS))
def test_each_long_item_line_is_a_sentence_of_its_own(mark: str, pad: str) -> None:
    """Pattern "- X: ..., <long tail>" then "- Y: ...": two sentences, one per line."""
    text = _box(mark, pad)
    pieces = [text[a:b] for a, b in split_sentences(mask_markup(text))]
    for name in ("NASAMS:", "K9 Thunder:", "CV90:"):
        (piece,) = [p for p in pieces if name in p]
        assert piece.startswith(name) and piece.endswith(pad), piece


@settings(max_examples=6, deadline=None)
@given(st.sampled_from(["-", "*"]), st.sampled_from(PADS))
def test_an_items_seller_is_not_the_next_items_buyer(mark: str, pad: str) -> None:
    """Each line's seller sells to the list's state; no line's seller becomes another's buyer."""
    got = triples(_box(mark, pad), PUB)
    assert not [t for t in got if t[1] in ("USA", "KOR")], got
    assert any(t[:2] == ("KOR", "NOR") for t in got), got


def test_a_wrapped_paragraph_still_runs_on() -> None:
    """Limit: a long line followed by a line with no list mark is one sentence wrapped (no cut)."""
    text = (
        "The ministry said the six fire units bought from the United States would arrive late\n"
        "because the maker gave priority to another customer."
    )
    assert len(split_sentences(mask_markup(text))) == 1
