"""A variant the text writes that the catalogue files under a sibling name keeps the text's name.

News names the variant a buyer takes ("T-6C Texan II", "Gripen C/D", "Iskander-M"); the catalogue may
file it under another variant or a role-coded name ("T-6 Texan", "JAS-39C Gripen", "Iskander TEL")
that neither holds the written name nor is held in it.  The claim is named as written (the labelling
rule: the designation as written), for every claim of that dyad's system.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.extract.designations import _written_variant
from kg.vocab.reference import system_key

_BUYERS = ("Kenya", "Peru", "Hungary", "Ghana", "Chile", "Ecuador")
_VERBS = ("ordered", "bought", "received", "took delivery of")
_CASES = (
    ("the United States", "T-6C Texan II trainers", "t6ctexanii"),
    ("Sweden", "Gripen C/D fighters", "gripencd"),
    ("Russia", "Iskander-M missile systems", "iskanderm"),
)


def _names(text: str) -> set[str]:
    return {system_key(c.system.name) for c in extract_text(text) if c.system is not None}


@settings(max_examples=25, deadline=None)
@given(
    buyer=st.sampled_from(_BUYERS),
    verb=st.sampled_from(_VERBS),
    case=st.sampled_from(_CASES),
    count=st.integers(min_value=2, max_value=40),
)
def test_written_variant_names_the_claim(
    buyer: str, verb: str, case: tuple[str, str, str], count: int
) -> None:
    supplier, item, key = case
    text = f"{buyer} {verb} {count} {item} from {supplier}, officials said on Monday."
    names = _names(text)
    assert key in names


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a family written beside the variant is the variant's deal: one name for both
        (
            "Ghana ordered nine Iskander-M launchers from Russia last year. The Iskander launchers "
            "arrived in March, the army said.",
            "iskanderm",
        ),
    ],
)
def test_family_beside_variant_takes_the_variant(text: str, key: str) -> None:
    assert _names(text) == {key}


def test_written_variant_helper() -> None:
    # the text writes the record's own name or a family it holds: no rename
    assert _written_variant(["K9 howitzers"], "K-9 Thunder 155mm") is None
    assert _written_variant(["Carl-Gustaf M4"], "Carl Gustaf") is None
    # two different variants written: left as they are
    assert _written_variant(["Iskander-M", "Iskander-E"], "Iskander TEL") is None
    # a name of words alone is another spelling, not a variant
    assert _written_variant(["Advanced Light Helicopters"], "ALH Dhruv") is None
    assert _written_variant(["Gripen C/D jets", "Gripen"], "JAS-39C Gripen") == "Gripen C/D"
