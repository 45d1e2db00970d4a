"""A system named once in full and then by its short name alone is one system.

News names a system first with its code or maker ("six EA-18G Growler jets") and afterwards by the
bare name ("four more Growlers").  The catalogue leaves bare names out when they are ambiguous alone
(an animal, a word, another maker's type), so without the article's own full mention the later
sentence names no system at all.  These sentences are invented; the systems are catalogue entries
whose bare name the catalogue does not list.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.extract.mentions import find_mentions

#: (full catalogue name, its short name alone)
FULL_AND_SHORT = [
    ("EA-18G Growler", "Growler"),
    ("C-27J Spartan", "Spartan"),
    ("V-22 Osprey", "Osprey"),
    ("MQ-4C Triton", "Triton"),
    ("SA-342 Gazelle", "Gazelle"),
]
BUYERS = ["Peru", "Kenya", "Norway", "Vietnam"]
FIRST = [
    "The air force of Chile flies {n} {full} aircraft bought in 2015.",
    "Chile took {n} {full} aircraft in 2012.",
]
LATER = [
    "Last week Canada agreed to sell {m} more {short}s to {buyer}, the ministry said.",
    "In March Canada signed a deal to supply {m} {short}s to {buyer}.",
]


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(FULL_AND_SHORT),
    st.sampled_from(BUYERS),
    st.sampled_from(FIRST),
    st.sampled_from(LATER),
    st.integers(2, 30),
    st.integers(2, 12),
)
def test_short_name_after_full_name_is_the_same_system(pair, buyer, first, later, n, m) -> None:
    full, short = pair
    text = first.format(n=n, full=full) + " " + later.format(m=m, short=short, buyer=buyer)
    later_start = text.index(short + "s")
    systems = [x for x in find_mentions(text) if x.kind == "system"]
    assert any(x.start == later_start and x.system.designation == full for x in systems), systems
    claims = [c.to_dict() for c in extract_text(text)]
    assert any(
        (c["buyer"] or {}).get("name") == buyer and (c["system"] or {}).get("name") == full for c in claims
    ), claims


def test_short_name_alone_is_not_a_system() -> None:
    """Without the full name in the article the bare word stays unmatched (it is ambiguous alone)."""
    text = "Canada agreed to sell four Ospreys to Peru, the ministry said."
    assert not [x for x in find_mentions(text) if x.kind == "system"]


def test_short_name_after_by_is_a_maker() -> None:
    """The agent of "built by", "integrated by" is a maker, not the item."""
    text = "Chile flies six V-22 Osprey aircraft. The radars were integrated by Osprey."
    systems = [x for x in find_mentions(text) if x.kind == "system"]
    assert [x.text for x in systems] == ["V-22 Osprey"]


def test_code_words_are_no_short_name() -> None:
    """ "Type" of "Type 209" or "Block" of a block number is a word of the code, not a name."""
    text = "Chile took two Type 209 submarines. Type approval for the boats came later."
    systems = [x for x in find_mentions(text) if x.kind == "system"]
    assert [x.text for x in systems] == ["Type 209"]
