"""The sentence-end scan, opening with the character it consumes first, matches its plain form."""

from __future__ import annotations

import re

from helpers.strategies import pieces_text
from hypothesis import given, settings

from kg.extract.sentences import _END, split_sentences

#: the scan as it was before it opened with ``[.!?\n]`` (the first mark before its lookbehind)
_PLAIN_END = re.compile(
    r"[.!?](?<![.!?][.!?])[.!?]*[\"'”’)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d+\.)\s)"
)

# marks, closers, line breaks, list bullets and digits (ASCII and Arabic-Indic), odd whitespace
# (no-break space, line separator), the long s, the Kelvin sign and a combining mark
PIECES = [
    ".",
    "!",
    "?",
    "...",
    "\n",
    "\n\n",
    " \n",
    "\t",
    " ",
    '"',
    "”",
    "’",
    ")",
    "]",
    "-",
    "*",
    "+",
    "1.",
    "\u0661.",
]
PIECES += ["\n\t\n", "\n \t", "\u00a0", "\u2028", "ſ", "\u212a", "e\u0301", "U.S.", "Gen.", "Jets", "x"]
texts = pieces_text(PIECES, noise=3, max_size=20, sep="")


@settings(max_examples=500, deadline=None)
@given(texts)
def test_sentence_end_scan_matches_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in _END.finditer(text)] == [m.span() for m in _PLAIN_END.finditer(text)]


def test_sentences_split_at_marks_blank_lines_and_list_items() -> None:
    text = "India bought jets. Gen. Rao said so!\n\nHeadline\n- a listed item\n1. numbered"
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == ["India bought jets.", "Gen. Rao said so!", "Headline", "- a listed item", "1. numbered"]
