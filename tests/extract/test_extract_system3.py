"""General patterns of missed and invented systems on news written blind to the rules (issue 13,
point 5; helper system3): list items, designation shapes the scanners did not know.

Why: each test states one pattern in its own words, with made-up designations and pairings no
labelled article holds, so the rule that passes it fixes the class, not one article; negative cases
pin the limit (a looser designation shape invents systems).
"""

from __future__ import annotations

from datetime import date

from kg.extract.sentences import mask_markup, split_sentences
from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)


# -- list items: each bullet is its own sentence -------------------------------------------------------


def test_a_list_item_ending_in_a_semicolon_is_its_own_sentence() -> None:
    """Bulleted items of a long list end in ";" and the bullet mark itself is masked: the line break
    after the semicolon still ends the item, so each item's system keeps its own buyer."""
    text = (
        "Exports this year were the highest on record. The main items were:\n\n"
        "* the delivery of Kestrel-40 coastal radars to the Chilean Navy under the contract signed "
        "two years ago in the capital;\n"
        "* the handover of Talon-9 towed guns to Peru, whose army has become one of the largest "
        "customers of the national industry;\n"
        "* four Osprey-7 patrol boats gifted to the Ghanaian navy under a security assistance plan.\n"
    )
    masked = mask_markup(text)
    items = [masked[a:b] for a, b in split_sentences(masked)]
    assert sum("Kestrel-40" in s for s in items) == 1
    assert not any("Kestrel-40" in s and "Talon-9" in s for s in items)
    assert not any("Talon-9" in s and "Osprey-7" in s for s in items)


def test_list_items_keep_their_own_buyers() -> None:
    text = (
        "France's arms exports grew again last year. Highlights include:\n\n"
        "* the delivery of Kestrel-40 coastal radars by the French firm to the Chilean Navy under the "
        "contract signed two years ago;\n"
        "* the delivery of Talon-9 towed guns by the French firm to the Peruvian Army, whose crews have "
        "trained on them since the deal was signed in 2021;\n"
    )
    got = triples(text, PUB)
    assert ("FRA", "PER", "Talon-9") in got and ("FRA", "CHL", "Kestrel-40") in got
    assert ("FRA", "PER", "Kestrel-40") not in got and ("FRA", "CHL", "Talon-9") not in got


def test_a_semicolon_inside_a_line_does_not_split_it() -> None:
    """Only a line break after the semicolon ends an item: a semicolon inside prose is no cut."""
    text = "Peru ordered the Talon-9 guns; Chile ordered radars from the same maker in the same year."
    assert len(split_sentences(text)) == 1
