"""Scans rewritten for speed (speed14) find exactly what their plain forms find.

The two sentence checks of every claim's learned features (``learned._TRANSFER``,
``learned._PRODUCTION``) run on the lowercased evidence sentence (``_fastre.lower_in_place``); they are
compared with their plain ``re.I`` forms on own-words sentences of each shape, on generated text
(hypothesis, with the characters that lower inexactly) and on the fixture sentences.

The article scans of numbers and money (``quantities._NUMBER_SCAN``, ``money._MONEY_SCAN``) consume the
character before a match instead of opening with a lookbehind (``_fastre.BoundaryScan``); they find
the spans of their plain forms (``NUMBER_RE``, ``_MONEY_RE``) on generated text and the fixtures, and
the scan itself is compared with ``re.finditer`` of ``(?<![B])(?:body)`` on toy patterns, including
matches that end with a character a next match may follow.

The trigger scan of every sentence (``triggers._triggers``) runs its compiled alternation through
``_fastre.boundary_finditer`` (the same consumption of the character before, for a compiled pattern
opening with ``(?<!\\w)``); its matches, named groups and ``lastgroup`` are ``finditer``'s on the
fixture sentences, on own-words shapes and on generated text.

A case-insensitive check opening with ``\\b`` and a word character (68 of the extractor's ``LowerRx``)
searches a sentence from the non-word characters only (``_fastre.word_start_scan``, then ``match`` at
the position after); ``LowerRx.search`` gives the plain ``re.I`` pattern's span on the fixture
sentences and on generated text.

``LowerRx.match`` runs without the word prefilter (an anchored match fails within a few characters):
every check's ``match`` gives the plain ``re.I`` pattern's span on the fixture sentences and the
windows after each word of them.

The naming steps' catalogue lookup (``designations._resolved``) is ``resolve_system`` remembered: it
returns the same record for catalogue designations, aliases, variants written otherwise and unknown
names, called once or again.
"""

from __future__ import annotations

import functools
import re

from helpers.paths import REPO
from helpers.strategies import pieces_text
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Article, _fastre, designations, learned, money, quantities, read_articles, triggers
from kg.extract._fastre import BoundaryScan, LowerRx, boundary_finditer, word_start_scan
from kg.extract.sentences import mask_markup, split_sentences
from kg.vocab.reference import resolve_system, systems

LOWERED = [(learned, learned._SENTENCE_CHECKS)]

SHAPES = [
    "Elbonia will donate four used tanks to Freedonia.",
    "The jets were handed over to the navy in May.",
    "Ruritania leased two ex-Navy frigates from its neighbour.",
    "The surplus launchers were sent to the front.",
    "The helicopters will be built under licence by a local firm.",
    "A joint venture will assemble the rifles locally.",
    "The missiles are produced in Elbonia by a consortium.",
    "Freedonia signed a contract for 12 new fighters.",
    "GIFTED 40 TRUCKS",
    "Licence-built ſhips",
    "The Straße partner",
]


@functools.cache
def _fixture_sentences() -> tuple[str, ...]:
    out: list[str] = []
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            masked = mask_markup(item.text)
            out += [masked[a:b] for a, b in split_sentences(masked)]
    return tuple(out)


def _agree(text: str) -> set[str]:
    """Every lowered check agrees with its plain pattern on ``text``; the patterns that matched."""
    fired = set()
    for mod, plain in LOWERED:
        for name, rx in plain.items():
            fast = getattr(mod, name)
            for how in ("search", "match"):
                want = getattr(rx, how)(text)
                got = getattr(fast, how)(text)
                assert (want.span() if want else None) == (got.span() if got else None), (name, text)
                if want:
                    fired.add(name)
    return fired


def test_lowered_checks_are_the_plain_patterns_rebound() -> None:
    for mod, plain in LOWERED:
        for name, rx in plain.items():
            assert rx.flags & re.IGNORECASE
            assert getattr(mod, name) is not rx


def test_lowered_checks_agree_on_own_words_shapes() -> None:
    fired: set[str] = set()
    for s in SHAPES:
        fired |= _agree(s)
    assert fired == {name for _mod, plain in LOWERED for name in plain}  # every check fires


def test_lowered_checks_agree_on_the_fixtures() -> None:
    sentences = _fixture_sentences()
    assert len(sentences) >= 100
    for s in sentences:
        _agree(s)


PIECES = [
    "donated",
    "Gift",
    "used",
    "licence",
    "LICENSED",
    "assembly",
    "ex-Navy",
    "joint venture",
    "ſ",
    "K",
    "é",
]
pieces_texts = pieces_text(PIECES, noise=4, max_size=8)


@settings(max_examples=300, deadline=None)
@given(pieces_texts)
def test_lowered_checks_agree_on_generated_text(text: str) -> None:
    _agree(text)


def _boundary_spans(scan: BoundaryScan, text: str) -> list[tuple[int, int]]:
    return [m.span(g) for m, g in scan.finditer(text)]


TOY = [
    (r"\w", r"ab|b!|c"),  # "b!" ends outside the class: a next match may start right after it
    (r"\w$", r"\d+|x(?:yz)?"),
    (r"\w.,-", r"[a-c]+-?"),
]
toy_texts = st.text(alphabet="abcxyz!$.,- 019\u017f\u212aK", max_size=30)


@settings(max_examples=300, deadline=None)
@given(toy_texts)
def test_boundary_scan_is_the_lookbehind_scan(text: str) -> None:
    for before, body in TOY:
        plain = re.compile(f"(?<![{before}])(?:{body})", re.IGNORECASE)
        scan = BoundaryScan(before, body, re.IGNORECASE)
        assert _boundary_spans(scan, text) == [m.span() for m in plain.finditer(text)], (before, body)


def test_boundary_scan_on_own_words() -> None:
    scan = BoundaryScan(r"\w", r"ab|b!|c")
    assert _boundary_spans(scan, "ab b!c c") == [(0, 2), (3, 5), (5, 6), (7, 8)]
    assert _boundary_spans(scan, "xab cab") == [(4, 5)]  # "c" after a space; no "ab" after a letter
    assert _boundary_spans(BoundaryScan(r"\w", "no"), "No, NO no") == [(0, 2), (4, 6), (7, 9)]


def _plain_scans(text: str) -> tuple[list, list]:
    numbers = [m.span() for m in quantities.NUMBER_RE.finditer(text)]
    sums = [m.span() for m in money._MONEY_RE.finditer(text)]
    return numbers, sums


def _fast_scans(text: str) -> tuple[list, list]:
    return _boundary_spans(quantities._NUMBER_SCAN, text), _boundary_spans(money._MONEY_SCAN, text)


ARTICLE_PIECES = [
    "12",
    "1,200",
    "twenty-six",
    "a dozen",
    "Two",
    "$5 billion",
    "EUR 300m",
    "Rs 500 crore",
    "400 million euros",
    "US$1.2bn",
    "€",
    "$",
    "-",
    ".",
    ",",
    "/",
    "ſ",
    "\n",
    "(60)",
]
article_texts = pieces_text(ARTICLE_PIECES, noise=3, max_size=12, sep="")


@settings(max_examples=400, deadline=None)
@given(article_texts)
def test_number_and_money_scans_agree_on_generated_text(text: str) -> None:
    assert _fast_scans(text) == _plain_scans(text)


@functools.cache
def _fixture_articles() -> tuple[str, ...]:
    return tuple(
        mask_markup(item.text)
        for item in read_articles(REPO / "tests" / "fixtures" / "articles")
        if isinstance(item, Article)
    )


def test_number_and_money_scans_agree_on_the_fixtures() -> None:
    found = [0, 0]
    for text in _fixture_articles():
        fast = _fast_scans(text)
        assert fast == _plain_scans(text)
        found[0] += len(fast[0])
        found[1] += len(fast[1])
    assert found[0] >= 100 and found[1] >= 20  # not a comparison of misses only


def _groups(ms) -> list[tuple]:
    """What a caller of a boundary scan may read: every group but group 0, and the last group."""
    return [(m.regs[1:], m.lastgroup, m.lastindex, m.end()) for m in ms]


@settings(max_examples=300, deadline=None)
@given(toy_texts)
def test_boundary_finditer_is_finditer(text: str) -> None:
    for before, body in [*TOY, (r"\w", r"(?P<x>ab)|(?P<y>b!)c?")]:
        lead = r"(?<!\w)" if before == r"\w" else f"(?<![{before}])"
        for flags in (0, re.IGNORECASE, re.ASCII):
            plain = re.compile(lead + f"(?:{body})", flags)
            assert _groups(boundary_finditer(plain, text)) == _groups(plain.finditer(text)), (body, flags)


def test_boundary_finditer_keeps_other_patterns() -> None:
    rx = re.compile(r"\bab")
    assert [m.span() for m in boundary_finditer(rx, "ab xab ab")] == [(0, 2), (7, 9)]
    rx = re.compile(r"(?<!\w)(?P<w>ab|b!)")
    assert [m.span("w") for m in boundary_finditer(rx, "ab b!b! xab")] == [(0, 2), (3, 5), (5, 7)]


TRIGGER_SHAPES = [
    "Elbonia signed a contract to buy 12 jets and ordered 4 more.",
    "The deal was cancelled; talks collapsed after the offer.",
    "Freedonia has received the first of six frigates, delivered in May.",
    "ordered",
    "buy-back",
]


def _trigger_scans(s: str) -> None:
    low = s.lower()
    for rx, text in ((triggers._TRIGGER_RX_A, low), (triggers._TRIGGER_RX, low), (triggers._TRIGGER_RX_I, s)):
        assert _groups(boundary_finditer(rx, text)) == _groups(rx.finditer(text)), text


def test_trigger_scan_agrees_on_shapes_and_fixtures() -> None:
    for rx in (triggers._TRIGGER_RX_A, triggers._TRIGGER_RX, triggers._TRIGGER_RX_I):
        assert _fastre._boundary_forms(rx) is not None  # the scan is the rewritten one
    hits = 0
    for s in [*TRIGGER_SHAPES, *_fixture_sentences()]:
        _trigger_scans(s)
        hits += len(list(boundary_finditer(triggers._TRIGGER_RX, s.lower())))
    assert hits >= 100


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*TRIGGER_SHAPES, "-", " ", "x", "ſ", "’"]), max_size=6).map("".join))
def test_trigger_scan_agrees_on_generated_text(text: str) -> None:
    _trigger_scans(text)


def test_word_start_scan_only_for_a_word_boundary_before_every_match() -> None:
    assert word_start_scan(r"\b(?:the|a)\s+deal") is not None
    assert word_start_scan(r"\ba|b") is None  # the boundary is the first alternative's only
    assert word_start_scan(r"\b(?:-x|y)") is None  # a match may start with a non-word character
    assert word_start_scan(r"(?:the|a)\b") is None
    assert word_start_scan(r"\bthe", re.IGNORECASE) is None


def _lower_checks() -> list[LowerRx]:
    import gc

    out = [o for o in gc.get_objects() if isinstance(o, LowerRx)]
    for rx in out:
        rx.asc  # noqa: B018 - compiles the ASCII form and its word-start scan
    return out


def test_word_start_searches_agree_on_the_fixtures() -> None:
    checks = [rx for rx in _lower_checks() if rx._words is not None]
    assert len(checks) >= 30
    hits = 0
    for rx in checks:
        plain = re.compile(rx._pattern, rx._flags | re.IGNORECASE)
        for s in _fixture_sentences():
            want, got = plain.search(s), rx.search(s)
            assert (want.span() if want else None) == (got.span() if got else None), (rx._pattern[:40], s)
            hits += want is not None
    assert hits >= 200


WORD_PIECES = ["the deal", "The Deal", "a", "-", "x", "ſ", "’", "deals", ",", " ", "\n", "é", "thedeal"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=8).map("".join))
def test_word_start_search_agrees_on_generated_text(text: str) -> None:
    for pattern in (r"\b(?:the|a)\s+deals?\b", r"\bdeal", r"\b(?:x|the)"):
        plain = re.compile(pattern, re.IGNORECASE)
        fast = LowerRx(pattern)
        assert fast.asc is not None and fast._words is not None
        want, got = plain.search(text), fast.search(text)
        assert (want.span() if want else None) == (got.span() if got else None), (pattern, text)


_NAMES = [r.designation for r in list(systems())[:200]] + [
    "S 400",
    "s400",
    "F-16s",
    "Rafale",
    "Unknown X-9",
    "",
]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.sampled_from(_NAMES), st.text(max_size=8)))
def test_remembered_catalogue_lookup_is_the_lookup(name: str) -> None:
    assert designations._resolved(name) is resolve_system(name)
    assert designations._resolved(name) is resolve_system(name)  # the remembered answer


def test_anchored_checks_agree_without_the_prefilter() -> None:
    checks = _lower_checks()
    hits = 0
    for s in _fixture_sentences()[:60]:
        windows = [s, *(s[m.start() :] for m in re.finditer(r"\b\w", s))]
        for rx in checks:
            plain = re.compile(rx._pattern, rx._flags | re.IGNORECASE)
            for w in windows:
                want, got = plain.match(w), rx.match(w)
                assert (want.span() if want else None) == (got.span() if got else None), (rx._pattern[:40], w)
                hits += want is not None
    assert hits >= 50
