"""A stated supplier relation beside a deal of the same pair (issue 13, helper pairs25).

Why: news often states the standing relation in the same sentence as one deal ("B ordered X from A,
its main arms supplier", "A, B's largest arms supplier, delivered N X"). The labelling guidelines
make that two facts: the deal (with its system) and the standing relation (no system, ``unknown``).
The extractor gave the deal only, or, for the bare appositive "A, B's main supplier," nothing at
all (both states read as one subject list).  A relation about a region or a group ("the main
supplier to the region") is no relation of the deal's pair.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts, triples

PUB = date(2025, 6, 3)

_SUPPLIERS = [("France", "FRA"), ("Russia", "RUS"), ("the United States", "USA"), ("China", "CHN")]
_BUYERS = [("Egypt", "EGY"), ("Algeria", "DZA"), ("Indonesia", "IDN"), ("Peru", "PER")]
_ITEMS = [("Rafale", "jets"), ("Su-35", "fighters"), ("Tor", "air defence systems"), ("K9", "howitzers")]
_RELATIONS = ["main arms supplier", "largest weapons supplier", "biggest arms supplier", "top arms supplier"]


def _systemless(text: str) -> set[tuple[str | None, str, str]]:
    return {(s, b, st_) for s, b, y, st_ in facts(text, PUB) if y is None}


def _assert_deal_and_relation(text: str, s3: str, b3: str) -> None:
    """Two facts of the pair: the deal with its system, and the system-less ``unknown`` relation."""
    got = triples(text, PUB)
    assert any(t[:2] == (s3, b3) and t[2] is not None for t in got), got
    assert (s3, b3, "unknown") in _systemless(text)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_SUPPLIERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(_ITEMS),
    st.sampled_from(_RELATIONS),
    st.integers(min_value=2, max_value=48),
    st.sampled_from(["delivered", "has delivered", "handed over"]),
)
def test_an_appositive_relation_names_supplier_and_buyer(
    supplier: tuple[str, str],
    buyer: tuple[str, str],
    item: tuple[str, str],
    relation: str,
    n: int,
    verb: str,
) -> None:
    """Pattern "A, B's <rank> supplier, <verb> N X": A supplied B (the deal) and A is B's standing
    supplier (a system-less ``unknown`` fact)."""
    (s, s3), (b, b3), (system, noun) = supplier, buyer, item
    text = f"{s[0].upper()}{s[1:]}, {b}'s {relation}, {verb} {n} {system} {noun} last month."
    _assert_deal_and_relation(text, s3, b3)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_SUPPLIERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(_ITEMS),
    st.sampled_from(
        [
            "{s}, which has become its {rel}",
            "{s}, long its {rel}",
            "{s}, {b}'s {rel}",
        ]
    ),
    st.sampled_from(_RELATIONS),
    st.sampled_from(["ordered", "bought", "signed a contract for"]),
)
def test_a_relation_beside_the_deal_is_a_fact_of_its_own(
    supplier: tuple[str, str],
    buyer: tuple[str, str],
    item: tuple[str, str],
    shape: str,
    relation: str,
    verb: str,
) -> None:
    """Pattern "B <bought> X from A, (which is) its/B's <rank> supplier": the deal keeps its system
    and the pair gets a system-less relation fact as well."""
    (s, s3), (b, b3), (system, noun) = supplier, buyer, item
    tail = shape.format(s=s, b=b, rel=relation)
    text = f"In March {b} {verb} more {system} {noun} from {tail}."
    _assert_deal_and_relation(text, s3, b3)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_SUPPLIERS),
    st.sampled_from(_BUYERS),
    st.sampled_from(_ITEMS),
    st.sampled_from(
        [
            "{s}, historically the main supplier to the region, has lost ground in {b}, though {b} did buy {x} from {s}",
            "{s}, which has long supplied most of Central Asia's weapons, offered {b} the {x}",
        ]
    ),
)
def test_a_relation_with_a_region_gives_the_pair_no_relation(
    supplier: tuple[str, str], buyer: tuple[str, str], item: tuple[str, str], shape: str
) -> None:
    """A relation whose other side is a region or a group ("the main supplier to the region") says
    nothing of the pair whose deal the sentence also tells."""
    (s, s3), (b, b3), (system, noun) = supplier, buyer, item
    text = shape.format(s=s, b=b, x=f"{system} {noun}") + " in 2021."
    text = text[0].upper() + text[1:]
    assert (s3, b3, "unknown") not in _systemless(text)
