"""The gazetteer's tokenising by ``split`` finds what the plain match-object scan found, on any text."""

from __future__ import annotations

from itertools import compress, count

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.entities import (
    _JOINABLE_GAP,
    _NUMBER_BEFORE,
    _TOKEN,
    _WEAK_CONTEXT,
    Gazetteer,
    Mention,
    _Entry,
    _fold,
    _token_bounds,
    base_gazetteer,
)

# names the gazetteer holds (countries, acronyms, systems, weak names), joiners and Unicode oddities:
# long s, Kelvin sign, dotted capital I (lower() lengthens it), Arabic-Indic digits, combining marks
PIECES = [
    "India",
    "INDIA",
    "india",
    "United States",
    "United  Kingdom",
    "South Korea",
    "US",
    "Us",
    "DSCA",
    "Rafale",
    "Rafales",
    "F-16",
    "F-16s",
    "Su-30",
    "Su-30s",
    "Hunter",
    "Hunters",
    "drones",
    "12",
    "the Kremlin",
    "Reuters",
    "-",
    "/",
    ".",
    ",",
    "’",
    "&",
    "ſ",
    "\u212a",
    "İstanbul",
    "\u0661\u0662",
    "e\u0301",
    "Türkiye",
    "_",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=14).map(
    lambda parts: " ".join(parts)
)
joined = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "-", "", "  ", ". ", ", ", "’"])), max_size=12
).map(lambda pairs: "".join(a + b for a, b in pairs))


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, joined))
def test_token_bounds_are_the_spans_of_the_token_scan(text: str) -> None:
    words, bounds = _token_bounds(text)
    spans = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    assert [(w, bounds[2 * j], bounds[2 * j + 1]) for j, w in enumerate(words)] == spans
    assert len(bounds) == 2 * len(words) + 1 and (not bounds or bounds[-1] == len(text))


def _plain_find(gaz: Gazetteer, text: str) -> list[Mention]:
    """Gazetteer.find as it was: match objects per token (the reference for the split form)."""
    low = text.lower()
    if len(low) == len(text):
        toks = list(_TOKEN.finditer(low))
        words = _TOKEN.findall(low)
        folded = words if low.isascii() else [w if w.isascii() else _fold(w) for w in words]
    else:
        toks = list(_TOKEN.finditer(text))
        folded = [_fold(w) for w in _TOKEN.findall(text)]
    starts = frozenset(gaz._first) | {k + "s" for k in gaz._first if len(k) > 1}
    out: list[Mention] = []
    n = len(toks)
    consumed = 0
    for i in compress(count(), map(starts.__contains__, folded)):
        if i < consumed:
            continue
        best: _Entry | None = None
        for entry in gaz._candidates(folded[i], folded[i + 1] if i + 1 < n else None):
            k = len(entry.tokens)
            if i + k > n:
                continue
            got = tuple(folded[i : i + k])
            if got != entry.tokens and (
                entry.kind != "system" or got[:-1] != entry.tokens[:-1] or got[-1] != entry.tokens[-1] + "s"
            ):
                continue
            if any(
                not _JOINABLE_GAP.match(text[toks[j].end() : toks[j + 1].start()])
                for j in range(i, i + k - 1)
            ):
                continue
            span_text = text[toks[i].start() : toks[i + k - 1].end()]
            if entry.exact:
                want = _TOKEN.findall(entry.surface)
                have = _TOKEN.findall(span_text)
                if have != want and not (
                    entry.kind == "system" and have[:-1] == want[:-1] and have[-1] == want[-1] + "s"
                ):
                    continue
            elif entry.surface[0].isupper() and not span_text[0].isupper():
                continue
            if entry.weak:
                end_, start_ = toks[i + k - 1].end(), toks[i].start()
                if not (
                    _WEAK_CONTEXT.match(text, end_, end_ + 40)
                    or _NUMBER_BEFORE.search(text, max(0, start_ - 25), start_)
                ):
                    continue
            best = entry
            break
        if best is None:
            continue
        k = len(best.tokens)
        start, end = toks[i].start(), toks[i + k - 1].end()
        out.append(Mention(best.kind, start, end, text[start:end], best.form, best.party, best.system))
        consumed = i + k
    return out


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, joined))
def test_find_matches_the_plain_token_scan(text: str) -> None:
    gaz = base_gazetteer()
    assert gaz.find(text) == _plain_find(gaz, text)


def test_find_reads_offsets_past_a_lengthening_capital() -> None:
    """ "İ" lowers to two characters: tokens come from the original text, offsets stay true."""
    text = "İstanbul hosted talks as India and South Korea signed for 12 Hunter drones."
    found = base_gazetteer().find(text)
    assert found == _plain_find(base_gazetteer(), text)
    assert [m.text for m in found] == [text[m.start : m.end] for m in found]
    assert {"India", "South Korea", "Hunter"} <= {m.text for m in found}


@pytest.mark.parametrize(
    ("bare", "with_noun"),
    [
        ("The Sentinel reported on Tuesday that the talks had stalled.", "It ordered four Sentinel radars."),
        ("Alpha company moved to the border.", "The air force retired its Alpha Jet trainers."),
        ("The Predator sequel opened in cinemas.", "The ministry leased two Predator drones."),
        (
            "Longbow, the archery club, held its meeting.",
            "The army fitted Longbow radars to its helicopters.",
        ),
        ("The Harrier, a local paper, ran the story.", "The navy flew six Harrier jets from the carrier."),
    ],
)
def test_a_catalogue_name_that_is_a_common_word_needs_an_item_noun(bare: str, with_noun: str) -> None:
    """A newspaper, a company of soldiers or a film named like a system is no system mention; next to
    an item noun ("Sentinel radars", "Predator drones") it is."""
    gaz = base_gazetteer()
    assert not [m for m in gaz.find(bare) if m.kind == "system"]
    assert [m for m in gaz.find(with_noun) if m.kind == "system"]
