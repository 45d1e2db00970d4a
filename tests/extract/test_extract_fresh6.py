"""General patterns found on fresh tuning halves (helper fresh6): own-words sentences only.

* a platform named as a companion of the deal's item ("N jets, along with X planes and the Y air
  defence system") is an item of the offer or order of its own; munitions after the same words stay
  parts of the package.
* a verb coordinated after "and" with no subject of its own ("has given B X units and is buying new
  ones") is the sentence subject's: the party right before "and" (the first verb's recipient) is not
  its subject.
"""

from __future__ import annotations

import pytest

from kg.extract import extract_text


def _triples(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {
        (
            c.supplier.iso3 if c.supplier else None,
            c.buyer.iso3 if c.buyer else None,
            c.system.name if c.system else None,
        )
        for c in extract_text(text)
        if not c.negated
    }


@pytest.mark.parametrize("companion", ["along with", "together with", "as well as", "in addition to"])
def test_a_companion_platform_is_an_item_of_the_offer(companion: str) -> None:
    text = (
        f"Russia has offered Algeria 20 Su-57 fighter jets, {companion} A-50 early-warning planes "
        "and the S-500 air-defence system, the ministry said."
    )
    systems = {t[2] for t in _triples(text) if t[:2] == ("RUS", "DZA")}
    assert {"Su-57", "A-50"} <= systems
    assert any(s and s.startswith("S-500") for s in systems)


def test_designated_munitions_after_a_companion_word_are_items_too() -> None:
    """Labelling rule 4: a designation the text names as offered with the deal is a fact of its own
    (recall5's "along with" reading, which the merge keeps: a designated munition is no unnamed part)."""
    text = "Russia has offered Algeria 20 Su-57 fighter jets, along with Kh-59 missiles, the ministry said."
    systems = {t[2] for t in _triples(text) if t[:2] == ("RUS", "DZA")}
    assert systems == {"Su-57", "Kh-59"}


@pytest.mark.parametrize("verb", ["is buying", "has ordered", "will buy", "is now buying"])
def test_the_recipient_before_and_is_no_subject_of_the_coordinated_verb(verb: str) -> None:
    text = (
        "The Netherlands, which builds frigates with French firm Naval Group, has given Moldova Patriot "
        f"units and {verb} new systems for its own army."
    )
    claims = extract_text(text)
    assert not [
        c
        for c in claims
        if c.buyer and c.buyer.iso3 == "MDA" and any(x.startswith("buyer:subject") for x in c.cues)
    ], [(c.buyer and c.buyer.iso3, c.cues) for c in claims]
