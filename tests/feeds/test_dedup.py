"""Near-duplicate stories: the MinHash signature, the labelled pairs, one witness per story."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.analysis.contradictions import find_contradictions
from kg.extract import article_from_text
from kg.feeds.dedup import MIN_SHINGLES, THRESHOLD, Signature, StoryIndex, shingles, signature, similarity
from kg.feeds.web import Page, import_pages
from kg.store import open_store
from kg.vocab import ns
from scripts.gen_dedup_pairs import generate

WIRE = [
    "New Delhi, 28 April 2026. India signed a contract with France for {n} Rafale Marine fighter aircraft "
    "for its two aircraft carriers, the defence ministry said in a statement on Monday.",
    "The package includes weapons, simulators, crew training and five years of logistics support for "
    "the naval aviation wing, officials said after the signing ceremony.",
    "The first aircraft are expected in 2029 and the last by 2031, when both carriers should operate a full "
    "air wing of the new jets alongside older helicopters and trainers.",
    "Officials said the navy had evaluated the aircraft in trials off Goa two years ago before recommending "
    "it to the cabinet committee on security for approval.",
]


def test_the_labelled_set_is_large_enough_and_deterministic() -> None:
    pairs = generate()
    kinds = [p.kind for p in pairs]
    assert len(pairs) >= 200
    assert kinds.count("same_deal") + kinds.count("same_site") >= 50
    assert kinds.count("same_deal") >= 50 and kinds.count("same_site") >= 50
    assert kinds.count("reprint") >= 50
    assert [(p.a, p.b) for p in generate()] == [(p.a, p.b) for p in pairs]


def test_precision_and_recall_at_the_threshold() -> None:
    tp = fp = fn = 0
    for p in generate():
        same = similarity(signature(p.a), signature(p.b)) >= THRESHOLD
        tp += same and p.same
        fp += same and not p.same
        fn += (not same) and p.same
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_signature_round_trip_and_refusals() -> None:
    sig = signature("\n".join(w.format(n=26) for w in WIRE))
    again = Signature.parse(str(sig))
    assert again is not None and again.count == sig.count and np.array_equal(again.mins, sig.mins)
    for bad in ("", "mh1:1:zz", "mh2:3:" + "0" * 1024, "mh1:x:" + "0" * 1024, "mh1:3:" + "0" * 10):
        assert Signature.parse(bad) is None


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=600))
def test_any_text_has_a_parseable_signature(text: str) -> None:
    sig = signature(text)
    parsed = Signature.parse(str(sig))
    assert parsed is not None and parsed.count == len(shingles(text))
    assert 0.0 <= similarity(sig, sig) <= 1.0


def test_short_texts_are_never_merged() -> None:
    short = "India buys jets from France."
    assert similarity(signature(short), signature(short)) == 0.0
    long = "\n".join(w.format(n=26) for w in WIRE)
    assert len(shingles(long)) >= MIN_SHINGLES and similarity(signature(long), signature(long)) == 1.0


def test_story_index_points_to_the_first_copy() -> None:
    a = signature("\n".join(w.format(n=26) for w in WIRE))
    b = signature("\n".join(w.format(n=26) for w in reversed(WIRE)))
    c = signature("\n".join(w.format(n=26) for w in WIRE[:3]))
    index = StoryIndex()
    assert index.match(a) is None
    index.add("A", a)
    root, score = index.match(b)
    assert root == "A" and score >= THRESHOLD
    index.add("B", b, root)
    assert index.match(c, exclude="C")[0] == "A"  # a copy of a copy belongs to the first
    assert index.match(a, exclude="A") is None  # the first copy is the story itself


def _page(url: str, n: int, paras: list[str]) -> Page:
    text = "\n".join(p.format(n=n) for p in paras)
    art = article_from_text(text, url=url, title="Rafale Marine")
    return Page(art, url)


def test_copies_of_one_story_are_one_witness() -> None:
    store = open_store("memory:")
    report = import_pages(
        store, [_page("http://127.0.0.1/a", 26, WIRE), _page("http://127.0.0.1/b", 28, WIRE[:3])]
    )
    assert len(report.imported.written) == 2 and len(report.copies) == 1
    assert store.ask(f"ASK {{ GRAPH ?g {{ ?g <{ns.sameStoryAs}> ?root }} }}")
    # 26 vs 28 from two copies of one story: one witness, not a contradiction
    assert [c for c in find_contradictions(store) if c.field == "quantity"] == []
    other = [
        "Mumbai, 2 May 2026. The navy will receive 30 Rafale Marine jets from France under the contract "
        "India signed last week, a senior officer told our correspondent in an interview on Friday.",
        "He said pilots would begin conversion training at a French base next year, well before the first "
        "aircraft arrive, and that engineers would follow them later in the programme.",
    ]
    import_pages(store, [_page("http://127.0.0.1/c", 30, other)])
    found = [c for c in find_contradictions(store) if c.field == "quantity"]
    assert len(found) == 1
    witnesses = {w.witness for v in found[0].values for w in v.witnesses}
    assert len(witnesses) == 2  # the story (its two copies) and the independent article


@pytest.mark.parametrize("n", [0, 1, 5])
def test_no_text_no_match(n: int) -> None:
    index = StoryIndex()
    index.add("A", signature("word " * n))
    assert index.match(signature("word " * n)) is None
