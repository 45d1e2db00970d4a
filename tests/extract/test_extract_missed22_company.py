"""A deal told with "the company" for the firm named just before (issue 13, helper missed22).

Why: news names a maker once and tells its further sales with a bare "the company" or "the firm"
("..., and the company has sold vehicles to B", "The firm is also offering its X to B"); with no
name in the clause the deal had no seller and was lost whole.  The anaphor stands for the company
named last before it (its home state is the seller); without a company before it, it names nobody.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

_MAKERS = [("Rheinmetall", "DEU"), ("Hanwha", "KOR"), ("Embraer", "BRA"), ("Saab", "SWE")]
_BUYERS = [("Chile", "CHL"), ("Peru", "PER"), ("Vietnam", "VNM"), ("Estonia", "EST")]
_VERBS = ["has sold", "sold", "has since delivered", "is also offering", "has supplied", "will supply"]
_ITEMS = ["40 armoured vehicles", "six patrol boats", "a dozen trucks", "two radars"]


def _pairs(text: str) -> set[tuple[str | None, str | None]]:
    return {(t[0], t[1]) for t in triples(text, PUB)}


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_MAKERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(_VERBS),
    st.sampled_from(_ITEMS),
    st.sampled_from(["company", "firm"]),
    st.booleans(),
)
def test_the_company_is_the_firm_named_before(
    maker: tuple[str, str],
    buyer: tuple[str, str],
    verb: str,
    items: str,
    noun: str,
    same_sentence: bool,
) -> None:
    """Pattern "<Maker> ... . The company <sale verb> <items> to <B>": the maker's state sells to B,
    in a new sentence or in a second clause ("..., and the company ...")."""
    (name, home), (state, iso) = maker, buyer
    lead = f"{name} opened a new plant last year"
    text = (
        f"{lead}, and the {noun} {verb} {items} to {state}."
        if same_sentence
        else f"{lead}. The {noun} {verb} {items} to {state}."
    )
    assert (home, iso) in _pairs(text)


def test_no_company_before_names_no_seller() -> None:
    """A bare "the company" with no firm named before it stands for nobody: no seller is guessed."""
    assert not {p for p in _pairs("The company has sold 40 armoured vehicles to Peru.") if p[0] is not None}


def test_the_company_as_a_speaker_is_no_seller() -> None:
    """Only a sale or build verb right after the noun makes it the deal's subject ("the company said"
    is a speaker)."""
    assert ("DEU", "CHL") not in _pairs(
        "Rheinmetall opened a new plant. The company said its sales rose; Chile's army is also testing trucks."
    )
