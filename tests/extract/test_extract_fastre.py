"""LowerRx gives exactly the spans of the re.IGNORECASE pattern it replaces, on any text."""

from __future__ import annotations

import functools
import gc
import re
import re._constants as _c
import re._parser as _p

from helpers.strategies import pieces_text
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.extract.claims
import kg.extract.money
import kg.extract.quantities  # noqa: F401
from kg.extract._fastre import LowerRx


@functools.cache
def _patterns() -> tuple[LowerRx, ...]:
    """Every LowerRx the extractor modules built at import (found once: scanning the heap per
    hypothesis example cost seconds late in a full run, when the heap holds the whole suite)."""
    return tuple(o for o in gc.get_objects() if isinstance(o, LowerRx))


WORDS = [
    "India",
    "RUSSIA",
    "signed",
    "Deal",
    "ſigned",
    "İndia",
    "µ",
    "K",
    "billion",
    "Rs",
    "crore",
    "—",
    "’",
    "$",
    "€",
]
texts = pieces_text(WORDS, noise=8, max_size=12)


def test_patterns_are_found() -> None:
    assert len(_patterns()) >= 10


@settings(max_examples=150, deadline=None)
@given(texts)
def test_same_spans_as_ignorecase(text: str) -> None:
    for rx in _patterns():
        fast = [(m.start(), m.end(), m.regs) for m in rx.finditer(text)]
        slow = [(m.start(), m.end(), m.regs) for m in rx.ci.finditer(text)]
        assert fast == slow, rx.ci.pattern[:80]


# words that the ``needs`` prefilters look for, in several cases, beside the noise above
NEED_WORDS = [
    "another",
    "ANOTHER",
    "more",
    "More than",
    "second batch",
    "Follow-on",
    "12",
    "Rafales",
    "jets",
    "denied",
    "Denies",
    "ruled out",
    "no plans to",
    "ſecond",
]
need_texts = pieces_text(WORDS + NEED_WORDS, noise=8, max_size=12)


def test_some_patterns_have_a_prefilter() -> None:
    assert any(rx.needs for rx in _patterns())


@settings(max_examples=200, deadline=None)
@given(need_texts)
def test_search_with_a_prefilter_finds_what_ignorecase_finds(text: str) -> None:
    """``needs`` only skips texts the pattern cannot match: search agrees with re.I everywhere."""
    for rx in _patterns():
        fast = rx.search(text)
        slow = rx.ci.search(text)
        assert (fast.regs if fast else None) == (slow.regs if slow else None), rx.ci.pattern[:80]


def test_prefilter_words_are_lowercase() -> None:
    for rx in _patterns():
        assert all(w == w.lower() for w in rx.needs), rx.needs


@settings(max_examples=200, deadline=None)
@given(texts)
def test_lowered_is_the_lowercase_when_exact_and_stays_so_when_remembered(text: str) -> None:
    from kg.extract._fastre import lowered, lowers_exactly

    want = text.lower() if lowers_exactly(text) else None
    assert lowered(text) == want
    assert lowered(text) == want  # the remembered answer


def test_lowered_memo_is_bounded() -> None:
    from kg.extract import _fastre

    for i in range(3 * _fastre._MEMO_SIZE):
        _fastre.lowered(f"Sentence {i}")
    assert len(_fastre._lowered_memo) <= _fastre._MEMO_SIZE
    long = "X" * (_fastre._MEMO_LEN + 1)
    assert _fastre.lowered(long) == long.lower()
    assert long not in _fastre._lowered_memo


@given(st.text(max_size=30), st.lists(st.text(min_size=1, max_size=4), max_size=5))
def test_contains_any_is_any_substring(text: str, words: list[str]) -> None:
    from kg.extract._fastre import contains_any

    assert contains_any(text, tuple(words)) == any(w in text for w in words)


def test_guard_only_where_re_has_no_scan_of_its_own() -> None:
    """A pattern re scans for by its literal prefix or first characters stays unguarded; an
    alternation of groups gets a lookahead on its first characters, with the same matches."""
    from kg.extract._fastre import guarded

    assert guarded(r"contract(?:s)? for") == r"contract(?:s)? for"
    assert guarded(r"[ab]x") == r"[ab]x"
    assert guarded(r"\w+ly") == r"\w+ly"  # first characters unknown
    g = guarded(r"(?:war|conflict) (?:in|with)|(?:sanctions|pressure) on")
    assert g.startswith("(?=")
    text = "the war in the east, sanctions on exports and a warning about pressure on prices"
    plain = r"(?:war|conflict) (?:in|with)|(?:sanctions|pressure) on"
    assert [m.span() for m in re.finditer(g, text)] == [m.span() for m in re.finditer(plain, text)]


@settings(max_examples=150, deadline=None)
@given(need_texts, need_texts)
def test_remembered_answers_are_the_answers_of_a_fresh_scan(first: str, second: str) -> None:
    """search/match asked again (after other texts, past the memo's size) answer as re.I does."""
    from kg.extract import _fastre

    for rx in _patterns():
        for text in (first, second, first, *(f"{second} {i}" for i in range(_fastre._ANSWERS + 1)), first):
            for fast, slow in ((rx.search(text), rx.ci.search(text)), (rx.match(text), rx.ci.match(text))):
                assert (fast.regs if fast else None) == (slow.regs if slow else None), rx.ci.pattern[:80]
        assert len(rx._found) <= _fastre._ANSWERS and len(rx._matched) <= _fastre._ANSWERS


# --- the prefix walkers: prefixes and open_prefixes share one walker (_fastre._walk_seq) ------------
# the two walkers as they were before (reference copies): the shared one must answer as each did


def _ref_join(heads: set[str], tails: set[str], k: int) -> set[str] | None:
    out = {h if len(h) >= k else (h + t)[:k] for h in heads for t in tails}
    return out if len(out) <= 400 else None


def _ref_seq(items: list, k: int) -> set[str] | None:
    out: set[str] | None = {""}
    for op, av in items:
        if all(len(p) >= k for p in out):  # type: ignore[union-attr]
            break
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        sub = _ref_item(op, av, k)
        if sub is None:
            return None
        out = _ref_join(out, sub, k)  # type: ignore[arg-type]
        if out is None:
            return None
    return out


def _ref_chars(av: list, digits: bool) -> set[str] | None:
    chars: set[str] = set()
    for sub_op, sub_av in av:
        if sub_op is _c.LITERAL:
            chars.add(chr(sub_av))
        elif sub_op is _c.RANGE and sub_av[1] - sub_av[0] < 64:
            chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
        elif digits and sub_op is _c.CATEGORY and sub_av is _c.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return None
    return chars


def _ref_item(op: object, av: object, k: int) -> set[str] | None:
    if op is _c.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is _c.IN:
        return _ref_chars(av, False)  # type: ignore[arg-type]
    if op is _c.SUBPATTERN:
        return None if av[1] or av[2] else _ref_seq(list(av[3]), k)  # type: ignore[index]
    if op is _c.BRANCH:
        union: set[str] = set()
        for alt in av[1]:  # type: ignore[index]
            got = _ref_seq(list(alt), k)
            if got is None:
                return None
            union |= got
        return union
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, pat = av  # type: ignore[misc]
        one = _ref_seq(list(pat), k)
        if one is None:
            return None
        reps: set[str] = set()
        cur: set[str] | None = {""}
        for i in range(min(high, k) + 1):
            if i >= min(low, k):
                reps |= cur  # type: ignore[arg-type]
            cur = _ref_join(cur, one, k)  # type: ignore[arg-type]
            if cur is None:
                return None
        return reps
    return None


_REF_ANY = frozenset([("", True)])


def _ref_open_seq(items: list, k: int, digits: bool) -> frozenset[tuple[str, bool]]:
    out: set[tuple[str, bool]] = {("", False)}
    for op, av in items:
        if all(closed for _p, closed in out):
            break
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        sub = _ref_open_item(op, av, k, digits)
        new: set[tuple[str, bool]] = set()
        for head, closed in out:
            if closed:
                new.add((head, True))
                continue
            for tail, tail_closed in sub:
                both = head + tail
                new.add((both[:k], tail_closed or len(both) >= k))
        if len(new) > 400:
            return _REF_ANY
        out = new
    return frozenset(out)


def _ref_open_item(op: object, av: object, k: int, digits: bool) -> frozenset[tuple[str, bool]]:
    if op is _c.LITERAL:
        return frozenset([(chr(av), False)])  # type: ignore[arg-type]
    if op is _c.IN:
        chars = _ref_chars(av, digits)  # type: ignore[arg-type]
        return _REF_ANY if chars is None else frozenset((c, False) for c in chars)
    if op is _c.SUBPATTERN:
        return _REF_ANY if av[1] or av[2] else _ref_open_seq(list(av[3]), k, digits)  # type: ignore[index]
    if op is _c.BRANCH:
        union: set[tuple[str, bool]] = set()
        for alt in av[1]:  # type: ignore[index]
            union |= _ref_open_seq(list(alt), k, digits)
        return frozenset(union)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, pat = av  # type: ignore[misc]
        one = _ref_open_seq(list(pat), k, digits)
        if high != 1:
            one = frozenset((p, True) for p, _closed in one)
        return one | {("", False)} if low == 0 else one
    return _REF_ANY


def _ref_prefixes(pattern: str, k: int) -> frozenset[str] | None:
    got = _ref_seq(list(_p.parse(pattern)), k)
    return None if got is None else frozenset(got)


def _ref_open_prefixes(pattern: str, k: int, digits: bool) -> frozenset[str] | None:
    got = {p for p, _closed in _ref_open_seq(list(_p.parse(pattern)), k, digits)}
    return None if "" in got or len(got) > 400 else frozenset(got)


# small regexes: literals (with a long s and a Kelvin sign), classes, \d, \w, ., groups, alternations,
# every kind of repeat and zero-width items
_ATOMS = ["a", "b", "ſ", "\u212a", "[ab]", "[a-c]", "[^a]", r"\d", r"\w", ".", r"\b", "^", "(?=a)", "(?<!b)"]
regexes = st.recursive(
    st.sampled_from(_ATOMS),
    lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda t: f"(?:{t[0]}|{t[1]})"),
        st.tuples(inner, st.sampled_from(["*", "+", "?", "{2}", "{1,3}", "{0,2}", "*?", "++"])).map(
            lambda t: f"(?:{t[0]}){t[1]}"
        ),
        inner.map(lambda x: f"({x})"),
    ),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None)
@given(regexes, st.integers(min_value=1, max_value=4), st.booleans())
def test_one_walker_answers_as_the_two_it_replaced(pattern: str, k: int, digits: bool) -> None:
    from kg.extract._fastre import open_prefixes, prefixes

    assert prefixes(pattern, k) == _ref_prefixes(pattern, k), pattern
    assert open_prefixes(pattern, k, ascii_digits=digits) == _ref_open_prefixes(pattern, k, digits), pattern


@settings(max_examples=300, deadline=None)
@given(regexes, st.text(alphabet="abcſ\u212a1٣_ ", max_size=8))
def test_every_match_starts_with_an_open_prefix(pattern: str, text: str) -> None:
    """The guard's promise: no match starts outside the prefixes (ASCII digits: text that lowers exactly)."""
    from kg.extract._fastre import open_prefixes

    starts = open_prefixes(pattern, 3, ascii_digits=not any(c in text for c in "٣ſ\u212a"))
    if starts is None:
        return
    for m in re.finditer(pattern, text):
        assert any(text.startswith(p, m.start()) for p in starts), (pattern, text, m.span())
