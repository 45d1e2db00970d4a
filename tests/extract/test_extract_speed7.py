"""Scans rewritten for speed (speed7) find exactly what their plain forms find.

The supplier-relation check of a claim's sentence (``claims._relation_beside_examples``,
``claims._standing_relation``) was a case-insensitive scan of the whole sentence; it is now
``vocabulary.RELATION_LRX``, the same pattern run on lowercased text behind its word prefilter
(``_RELATION_WORDS``).  A prefilter missing a word would drop a relation claim, so both forms are
compared on own-words sentences of each relation shape, on generated text and on the fixtures.

Other case-insensitive sentence scans run behind a word prefilter (``_fastre.NeedsRx``): the onward
gift phrase (roles), the earlier-customer lists (customers), a completed delivery (patterns), the
stage checks of status (on order, a dated order, a signing still to come, a pending approval, a refused
cancellation, a replaced fleet); each is compared with its plain pattern the same way.

``mentions.find_mentions`` asks whether a system is an upgrade's standard only in an article holding
"standard" or "configuration" (every match of those patterns does); the checks of the words before a
party in ``roles._cue`` (and those after it), of the words before a count, sum or date (details) and
sentence and word checks of frames, triggers, claims, assign and status run on the lowercased text
(``_fastre.lower_in_place``).  Both are compared with
their plain forms on the fixtures.

The symbolic-price scan of money (``_TOKEN_PRICE``, run over the whole article) opens with its "f" and
runs on lowercased text; it is compared with its plain ``re.I`` form on generated text and the fixtures.
"""

from __future__ import annotations

import functools
import re

from helpers.paths import REPO
from helpers.strategies import pieces_text
from hypothesis import given, settings

from kg.extract import (
    Article,
    assign,
    claims,
    customers,
    details,
    frames,
    mentions,
    money,
    patterns,
    read_articles,
    roles,
    status,
    triggers,
)
from kg.extract._fastre import NeedsRx
from kg.extract.sentences import mask_markup, split_sentences
from kg.extract.vocabulary import _RELATION_RX_I, RELATION_LRX


def _same(text: str) -> bool:
    """Both scans agree on ``text`` (the span of the first match, or no match); True on a match."""
    plain = _RELATION_RX_I.search(text)
    fast = RELATION_LRX.search(text)
    assert (plain.span() if plain else None) == (fast.span() if fast else None), text
    return plain is not None


RELATION_SHAPES = [
    "Ruritania remains the main arms supplier of Freedonia.",
    "Ruritania is Freedonia's Largest Source of Weapons.",
    "Freedonia is the top destination for arms imports from Ruritania.",
    "Ruritania supplies nearly all of Freedonia's combat aircraft.",
    "Ruritanian kit accounted for 40 per cent of the fleet.",
    "About half of the major arms the country imported since 2000 came from Ruritania.",
    "Ruritania, a key defence partner, sent advisers.",
    "Ruritania is Freedonia's Number-One provider of hardware.",
    "Ruritania is the leading exporter to the region.",
]
NO_RELATION = [
    "Ruritania signed a contract for six frigates.",
    "The supplies arrived by ship from the port.",
    "Freedonia’s partner in the talks is Ruritania — the deal is worth €2 billion.",
    "ſome text the lowercase form cannot stand for: MAIN SUPPLIER",
]


def test_relation_shapes_agree_and_match() -> None:
    assert all(_same(s) for s in RELATION_SHAPES)
    for s in NO_RELATION:
        _same(s)
    assert _same("THE MAIN SUPPLIER IS ſOMEONE")  # a text that does not lower exactly takes the re.I scan


PIECES = [
    "main",
    "arms",
    "supplier",
    "suppliers",
    "supplies",
    "most",
    "of",
    "half",
    "35%",
    "per cent",
    "source",
    "for",
    "weapons",
    "imports",
    "partner",
    "came from",
    "accounts for",
    "exporter to",
    "Top",
    "’",
    "é",
    "ſ",
]
texts = pieces_text(PIECES, noise=4, max_size=14)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_relation_scan_agrees_on_generated_text(text: str) -> None:
    _same(text)


@functools.cache
def _fixture_sentences() -> tuple[str, ...]:
    out: list[str] = []
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            masked = mask_markup(item.text)
            out += [masked[a:b] for a, b in split_sentences(masked)]
    return tuple(out)


def test_relation_scan_agrees_on_the_fixtures() -> None:
    sentences = _fixture_sentences()
    assert len(sentences) >= 100
    for s in sentences:
        _same(s)


PREFILTERED: list[NeedsRx] = [
    roles.ONWARD_PHRASE,
    roles._ONWARD_TO,
    customers._NTH_AFTER,
    customers._JOINS,
    customers._INCLUDE,
    patterns._COMPLETED,
    status._ON_ORDER,
    status._DATED_ORDER,
    status._TO_BE_LEFT,
    status._PENDING_LEFT,
    status._CANCEL_REFUSED_RIGHT,
    status._REPLACING_LEFT,
]
PREFILTER_SHAPES = [
    "Freedonia bought the guns from Ruritania to be donated to Elbonia.",
    "The jets were bought FOR LATER TRANSFER TO the navy.",
    "Elbonia became the third European operator of the howitzer after Freedonia and Ruritania.",
    "Freedonia joins Ruritania and Elbonia as users of the tank.",
    "Other customers of the frigate include Freedonia and Ruritania.",
    "Deliveries were completed in March.",
    "The jets were delivered between 2019 and 2021.",
    "The third batch arrived after the second one.",
    "Freedonia bought the guns for later donation to the ",  # the window before a recipient
    "Four were handed over so far, with eight more still on order.",
    "The boats came under a 2019 government contract.",
    "The frigate deal is yet to be ",  # the words before a trigger
    "The sale is pending parliamentary ",
    "Dropping the purchase was not an option, the minister said.",
    "The army wants to replace the donated ",
]


def _agree(rx: NeedsRx, text: str) -> bool:
    plain = rx.rx.search(text)
    fast = rx.search(text)
    assert (plain.span() if plain else None) == (fast.span() if fast else None), (rx.rx.pattern[:40], text)
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in rx.rx.finditer(text)]
    return plain is not None


def test_prefiltered_scans_agree_and_fire() -> None:
    hits = {id(rx): 0 for rx in PREFILTERED}
    for s in PREFILTER_SHAPES:
        for rx in PREFILTERED:
            hits[id(rx)] += _agree(rx, s)
    assert all(hits.values())  # each scan finds its own shape: the comparison is not of two empty lists


def test_prefiltered_scans_agree_on_the_fixtures() -> None:
    for s in _fixture_sentences():
        for rx in PREFILTERED:
            _agree(rx, s)


def _fixture_texts() -> list[str]:
    return [
        mask_markup(a.text)
        for a in read_articles(REPO / "tests" / "fixtures" / "articles")
        if isinstance(a, Article)
    ]


def test_upgrade_standard_needs_its_words() -> None:
    text = "Ruritania is upgrading its F-16 fighters to the Viper standard."
    assert [
        m.text for m in mentions.find_mentions(text) if m.kind == "system"
    ] == []  # the gate lets it through
    for article in [*_fixture_texts(), text.replace("standard", "level")]:
        if "standard" in article or "configuration" in article:
            continue
        for m in mentions.find_mentions(article):
            assert not mentions._upgrade_standard(m, article), (m.text, article[m.start - 40 : m.end + 40])


CUE_SHAPES = [
    "Freedonia bought the ",
    "the same helicopter already used by the ",
    "a team of engineers from the ",
    "fitted with radars from ",
    "ending decades of reliance on aircraft from ",
    "jets built under licence in the ",
    "THE JETS BUILT IN ",
    "ſome odd text with engines from ",
    "Soviet-era tanks",
    "'s latest donation of drones",
    "-made rifles",
    "According to ",
    " defence company said",
    "the contract it won from ",
    "the order was awarded by the ",
    "awarded the contract to ",
    "a purchase by ",
    "exports to countries such as ",
    "were delivered to Elbonia by ",
    "bought the jets from ",
    "during a state visit to ",
    "gave priority to ",
    "agreed to sell six frigates to ",
    " will buy them",
    "a contract for the navy of ",
    "a frigate built with ",
    " consent",
    "signed a deal with ",
    "already in service with the ",
]


CUE_SHAPES += [
    "at least 12 ",
    "a cost overrun of ",
    "the first ",
    "the remaining ",
    "signed in ",
    "the Block 52 ",
    "the jets were later handed over to Elbonia.",
    "Freedonia signed a separate contract for tanks.",
]
CUE_SHAPES += [
    "approved",
    "cleared the sale of",
    "signed for 12 ",
    "subject:offered",
    "newly acquired",
    "Related stories",
    "sent humanitarian aid and generators",  # frames._CIVIL_GOODS (speed24)
    "a letter of request for patrol boats was sent to ",  # roles: patterns._REQUEST_TO (pairs25)
]
LOWERED = [
    (roles, roles._CUE_CHECKS),
    (details, details._WINDOW_CHECKS),
    (frames, frames._SENTENCE_CHECKS),
    (triggers, triggers._VERB_CHECKS),
    (claims, claims._SENTENCE_CHECKS),
    (assign, assign._CUE_CHECKS),
    (status, status._WORD_CHECKS),
]


def test_lowered_checks_agree_with_the_plain_patterns() -> None:
    plain_forms = [rx for _mod, plain in LOWERED for rx in plain.values()]
    fast_forms = [getattr(mod, n) for mod, plain in LOWERED for n in plain]
    assert all(rx.flags & re.IGNORECASE for rx in plain_forms)
    fired = set()
    for s in [*CUE_SHAPES, *_fixture_sentences()]:
        cuts = [m.start() for m in re.finditer(r"\b[A-Z]", s)]
        windows = [
            s,
            *(s[:x] for x in cuts),
            *(s[x:] for x in cuts),
            *(s[m.end() :] for m in re.finditer(r"\w+", s)),
            *(m.group() for m in re.finditer(r"\w+(?: \w+)?", s)),  # words and word pairs (trigger words)
        ]
        for plain, fast in zip(plain_forms, fast_forms, strict=True):
            for w in windows:
                for how in ("search", "match"):
                    want = getattr(plain, how)(w)
                    got = getattr(fast, how)(w)
                    assert (want.span() if want else None) == (got.span() if got else None), (
                        plain.pattern[:40],
                        w,
                    )
                    if want:
                        fired.add(plain.pattern)
    assert len(fired) >= len(plain_forms) - 4  # nearly every check fires: not a comparison of misses only


_PLAIN_TOKEN_PRICE = re.compile(
    r"\bfor\s+(?P<num>a\s+(?:symbolic|token|nominal|single)\s+(?:one\s+)?|"
    r"(?:a\s+)?(?:symbolic\s+|token\s+|nominal\s+)?one\s+|a\s+)"
    r"(?P<suf>euro|dollar|pound|franc|zloty)\b",
    re.IGNORECASE,
)
TOKEN_PIECES = [
    "for",
    "For",
    "FOR",
    "a",
    "symbolic",
    "one",
    "token",
    "euro",
    "Dollar",
    "pounds",
    "before",
    "ſ",
    "’",
    "\n",
]
token_texts = pieces_text(TOKEN_PIECES, noise=3, max_size=10)


def _token_spans(text: str) -> None:
    want = [(m.span(), m.span("num"), m.group("suf").lower()) for m in _PLAIN_TOKEN_PRICE.finditer(text)]
    got = [(m.span(), m.span("num"), m.group("suf").lower()) for m in money._TOKEN_PRICE.finditer(text)]
    assert got == want, text


@settings(max_examples=300, deadline=None)
@given(token_texts)
def test_token_price_scan_agrees_on_generated_text(text: str) -> None:
    _token_spans(text)


def test_token_price_scan_agrees_on_the_fixtures() -> None:
    _token_spans("It went for a symbolic one euro; the boats, FOR ONE DOLLAR, and the rest for a Pound.")
    for text in _fixture_texts():
        _token_spans(text)
