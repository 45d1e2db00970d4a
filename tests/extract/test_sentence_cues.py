"""The clause-break scan of sentence cues finds exactly what the plain clause-break pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.sentence_cues import _CLAUSE_BREAK, _CLAUSE_BREAK_SCAN, Sentence

# the break words in several cases, their glue, and characters that fold oddly under re.IGNORECASE:
# long s ("ſince"), Kelvin sign, dotted capital I (lower() lengthens it), unicode digits, combining marks
PIECES = [
    "while",
    "WHILE",
    "ſince",
    "since",
    "Although",
    "as",
    "aſ",
    "because",
    "unlike",
    "until",
    "after",
    "whereas",
    "though",
    "India",
    "\u212a",
    "İ",
    "\u0663",
    "e\u0301",
    "x",
]
GLUE = [" ", ", ", ",  ", ";", "; ", " — ", " – ", " -- ", "--", "\t", "\n", ",", ""]
texts = st.lists(
    st.tuples(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), st.sampled_from(GLUE)), max_size=14
).map(lambda pairs: "".join(a + b for a, b in pairs))


@settings(max_examples=500, deadline=None)
@given(texts)
def test_clause_break_scan_matches_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in _CLAUSE_BREAK_SCAN.finditer(text)] == [
        m.span() for m in _CLAUSE_BREAK.finditer(text)
    ]


def test_clauses_are_cut_at_the_breaks() -> None:
    s = "India bought jets; France sold tanks, while Spain — as ever — waited since June because of costs."
    sent = Sentence(s, [], [], 0, len(s))
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(s)]
    assert len(cuts) == 6
    assert sent.clause_of(0) == (0, cuts[0])
    assert sent.clause_of(len(s) - 1) == (cuts[-1], len(s))
