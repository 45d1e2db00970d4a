"""Case-insensitive regexes run case-sensitively on lowercased text, when that is exact.

Why: ``re.IGNORECASE`` makes sre compare every character through case folding, two to
five times slower on the long alternations of the extractor.  For text whose characters
are ASCII or *uncased* (typographic quotes, dashes, currency signs, ``×``: no lower/upper
form and no case-folding partner), ``text.lower()`` keeps every offset and a lowercased
pattern matches exactly the spans the ``re.I`` pattern matches on the original text.  Only
the *text* of groups differs (in case), so callers take group text from the original by
offsets, lowercase it, or only test truthiness.  Any other text (``ſ``, ``µ``, accented
capitals, ...) falls back to the ``re.I`` pattern, so results never change.
"""

from __future__ import annotations

import re
import re._compiler as _sre_compiler  # how re picks a pattern's scan (see guarded)
import re._constants as _sre_c  # the parse tree of a pattern (see required_words); stable since 3.11
import re._parser as _sre_p
import sys
from collections.abc import Iterator

# characters outside ASCII and the uncased ranges checked once against sre's case folding:
# Latin-1 punctuation (minus U+00B5 micro sign, which folds to Greek mu), U+00D7, U+00F7,
# General Punctuation / super- and subscripts / currency / combining marks for symbols
_UNSAFE = re.compile(r"[^\x00-\xb4\xb6-\xbf\xd7\xf7\u2000-\u20ff]")


def lowers_exactly(text: str) -> bool:
    """True when matching ``text.lower()`` case-sensitively equals matching ``text`` with re.I."""
    return text.isascii() or _UNSAFE.search(text) is None


def _char_class(chars: list[str]) -> str:
    """A character class body for ``chars``, consecutive code points as ranges."""
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + ("-" + re.escape(chars[j]) if j > i else ""))
        i = j + 1
    return "".join(out)


#: a character that is one of the ASCII controls Unicode ``\s`` matches and ASCII ``\s`` does not
#: (``\x1c``-``\x1f``: file, group, record and unit separators), or outside ASCII and cased, a word
#: character, a digit or a space; the characters it leaves out are the uncased ones of _UNSAFE that
#: are none of these (quotes, dashes, currency signs)
_NOT_ASCII_SAFE = re.compile(
    "[^\\x00-\\x1b\\x20-\\x7f"
    + _char_class(
        [
            c
            for c in map(chr, [*range(0x80, 0xC0), 0xD7, 0xF7, *range(0x2000, 0x2100)])
            if not _UNSAFE.match(c) and not c.isalnum() and not c.isspace()
        ]
    )
    + "]"
)


def ascii_classes(text: str) -> bool:
    r"""True when ``\w``, ``\d``, ``\s`` (and so ``\b``) say the same of every character of ``text``
    compiled with ``re.ASCII`` or not: a pattern compiled with ``re.ASCII`` then matches ``text``
    exactly as its Unicode form.

    Why: re tests ``\w`` and ``\b`` of a Unicode pattern through the Unicode character database
    (several lookups for every space and punctuation mark), of an ASCII pattern with one table
    lookup; news text outside ASCII is mostly quotes, dashes and currency signs, none of them
    word characters or spaces.  (Conservative: a text with any other character outside ASCII,
    an accented letter or a rarer symbol, gets False; so does one with an ASCII separator control
    ``\x1c``-``\x1f``, a space to Unicode ``\s`` only.)
    """
    if text.isascii():  # one flag test; four single-character searches (memchr) for the separators
        return not ("\x1f" in text or "\x1e" in text or "\x1d" in text or "\x1c" in text)
    return _NOT_ASCII_SAFE.search(text) is None


def ascii_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``rx`` compiled with ``re.ASCII`` (same matches on text where :func:`ascii_classes` holds);
    None for a case-insensitive pattern (ASCII changes its case folding) or one with its own flags."""
    if rx.flags & re.IGNORECASE:
        return None
    try:
        return re.compile(rx.pattern, (rx.flags & ~re.UNICODE) | re.ASCII)
    except (re.error, ValueError):  # pragma: no cover - an inline (?u) in the pattern
        return None


#: texts up to this long are remembered by :func:`lowered` (sentences and the windows cut from them)
_MEMO_LEN = 2000
_MEMO_SIZE = 512
#: text -> (its lowercase form or None, :func:`ascii_classes` of that form)
_lowered_memo: dict[str, tuple[str | None, bool]] = {}
_MISSING = object()
_NOT_EXACT: tuple[str | None, bool] = (None, False)


def lowered_info(text: str) -> tuple[str | None, bool]:
    """(``text.lower()`` when matching it is exact (:func:`lowers_exactly`), else None; whether
    ASCII-compiled patterns match that lowercase text exactly (:func:`ascii_classes`)).

    Why remembered: one sentence is handed to dozens of patterns in a row (the role cues, the
    status checks, the confidence cues); lowercasing it and checking its characters once, not
    once per pattern, saves a copy and a scan per call.  Bounded: a few hundred short texts.
    """
    got = _lowered_memo.get(text, _MISSING)
    if got is _MISSING:
        # one scan in the common case: quotes, dashes and currency signs lower exactly and are no
        # word characters or spaces (ascii_classes implies lowers_exactly)
        if ascii_classes(text):
            got = (text.lower(), True)
        elif lowers_exactly(text):
            got = (text.lower(), False)
        else:
            got = _NOT_EXACT
        if len(text) <= _MEMO_LEN:
            if len(_lowered_memo) >= _MEMO_SIZE:
                _lowered_memo.clear()
            _lowered_memo[text] = got  # type: ignore[assignment]
    return got  # type: ignore[return-value]


def lowered(text: str) -> str | None:
    """``text.lower()`` when matching it is exact (:func:`lowers_exactly`), else None (remembered:
    see :func:`lowered_info`)."""
    return lowered_info(text)[0]


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``words`` (a C loop: several times faster than a generator)."""
    return any(map(text.__contains__, words))


def _lower_pattern(pattern: str) -> str:
    """The pattern with its letters lowercased; escapes (``\\S``, ``\\B``) and ``(?P`` kept."""
    return re.sub(
        r"\\.|\(\?P|[A-Z]", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(), pattern
    )


#: longest automatic prefilter: past this many words, checking them costs about what the scan saves
_MAX_NEEDS = 24
#: words in almost every sentence of defence news: a requirement made of them filters nothing,
#: so a sequence's other requirements are preferred ("won ... contract": "won", not "contract")
_COMMON = frozenset(
    [
        "the",
        "to",
        "of",
        "and",
        "a",
        "an",
        "in",
        "for",
        "with",
        "on",
        "by",
        "from",
        "is",
        "was",
        "has",
        "will",
        "said",
        "deal",
        "deals",
        "contract",
        "contracts",
        "order",
        "orders",
        "agreement",
    ]
)


def required_words(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literal strings of which every match of ``pattern`` contains one (None: none found).

    Why: a sentence lacking all of them cannot match, and a few substring tests (``in``, a
    C loop) cost far less than the regex engine trying the pattern at every position.  Read
    from the parse tree, conservatively: a run of literal characters is required; an
    alternation requires one of its alternatives' requirements (each must have one); a group
    or a repeat taken at least once requires what its content requires; a sequence requires
    the most selective of its elements' requirements.  Anything else (classes, optional
    parts, lookarounds, case-insensitive flags) requires nothing.
    """
    if flags & re.IGNORECASE:
        return None
    tree = _sre_p.parse(pattern, flags)
    if tree.state.flags & re.IGNORECASE:
        return None
    return _seq_words(list(tree))


def _seq_words(items: list) -> tuple[str, ...] | None:
    """The most selective requirement among the elements of a sequence (see required_words)."""
    options: list[tuple[str, ...]] = []
    run = ""
    for op, av in items:
        if op is _sre_c.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append((run,))
            run = ""
        sub = _item_words(op, av)
        if sub is not None:
            options.append(sub)
    if run:
        options.append((run,))
    # no common words, at least 3 characters each, fewest alternatives, then the longest shortest
    return max(
        options,
        key=lambda o: (
            -sum(w.strip() in _COMMON for w in o),
            min(map(len, o)) >= 3,
            -len(o),
            min(map(len, o)),
        ),
        default=None,
    )


def _item_words(op: object, av: object) -> tuple[str, ...] | None:
    if op is _sre_c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av  # type: ignore[misc]
        return None if add_flags or del_flags else _seq_words(list(sub))
    if op is _sre_c.BRANCH:
        words: list[str] = []
        for alt in av[1]:  # type: ignore[index]
            got = _seq_words(list(alt))
            if got is None:
                return None
            words += got
        return tuple(dict.fromkeys(words))
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, _sre_c.POSSESSIVE_REPEAT):
        low, _high, sub = av  # type: ignore[misc]
        return _seq_words(list(sub)) if low >= 1 else None
    return None


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """The characters a match of ``pattern`` can start with (None: any, or not worked out).

    Case-sensitive patterns only; zero-width items (anchors, lookarounds) are looked through.
    """
    got = prefixes(pattern, 1, flags)
    return None if got is None or "" in got else "".join(sorted(got))


#: most prefixes :func:`prefixes` enumerates before giving up (a guard that long saves nothing)
_MAX_PREFIXES = 400


def prefixes(pattern: str, k: int, flags: int = 0) -> frozenset[str] | None:
    """The first ``k`` characters of every match of ``pattern`` (shorter: the match can end there).

    None when not worked out: case-insensitive patterns, classes such as ``\\w`` or negated sets,
    back-references, or more than a few hundred prefixes.

    Why: an alternation of many patterns tried at every word start spends its time entering
    alternatives that cannot match there; a lookahead on the two letters they can start with,
    ``(?=a[bc]|d[e])`` (:func:`prefix_guard`), rejects them with two character tests (see
    :func:`kg.extract.triggers._combined_triggers`).  Zero-width items (anchors, lookarounds) are
    looked through, so the set may be larger than needed, never smaller.
    """
    if flags & re.IGNORECASE:
        return None
    tree = _sre_p.parse(pattern, flags)
    if tree.state.flags & re.IGNORECASE:
        return None
    got = _walk_seq(list(tree), k, digits=False, strict=True)
    return None if got is None else frozenset(p for p, _closed in got)


def open_prefixes(pattern: str, k: int, flags: int = 0, ascii_digits: bool = False) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` starts with one (shorter than ``k``: anything
    may follow); None when the empty string would be among them or when there are too many.

    Unlike :func:`prefixes`, an item it cannot enumerate (``\\w``, a negated set, ``.``) does not
    give up: it ends the prefixes it continues, so a pattern such as ``is\\s+buying|\\d+th buyer``
    still yields ``is`` and the digits.  ``ascii_digits``: ``\\d`` stands for 0-9, true of text
    that lowers exactly (:func:`lowers_exactly`: ASCII and uncased symbols hold no other decimal
    digit).  Why: one guard on the union of an alternation's prefixes rejects a position with a
    character test or two, where a guard per alternative costs one such test per alternative.
    """
    if flags & re.IGNORECASE:
        return None
    tree = _sre_p.parse(pattern, flags)
    if tree.state.flags & re.IGNORECASE:
        return None
    pairs = _walk_seq(list(tree), k, digits=ascii_digits, strict=False)  # never None when not strict
    got = {p for p, _closed in pairs}  # type: ignore[union-attr]
    return None if "" in got or len(got) > _MAX_PREFIXES else frozenset(got)


def front_guard(patterns: list[str], k: int = 3) -> str:
    """One lookahead passing wherever a match of one of ``patterns`` (case-sensitive) can start,
    "" when :func:`open_prefixes` cannot bound one of them.

    A digit is any decimal digit (``\\d``): the guard also holds on text whose ``lower()`` keeps
    unicode digits, and under ``re.IGNORECASE`` its letters fold as the patterns' own do.  Why:
    put in front of a scan that opens with a lookbehind or an alternation, it rejects most
    positions with a character test or two (see kg.extract.triggers, kg.extract.money).
    """
    starts: set[str] = set()
    for pattern in patterns:
        got = open_prefixes(pattern, k, ascii_digits=True)
        if got is None:
            return ""
        starts |= got
    letters = frozenset(p for p in starts if not p[0].isdigit())
    if not letters:
        return r"(?=\d)" if starts else ""
    return prefix_guard(letters)[:-1] + (r"|\d)" if len(letters) < len(starts) else ")")


#: a prefix that says nothing: anything may start there
_ANY = frozenset([("", True)])
#: (prefix, closed) pairs: ``closed`` once the prefix is ``k`` long or cut by an item not enumerated
_Pairs = frozenset[tuple[str, bool]]


def _walk_seq(items: list, k: int, digits: bool, strict: bool) -> _Pairs | None:
    """The (prefix, closed) pairs of a sequence of parse-tree items: the one walker behind
    :func:`prefixes` (``strict``: an item it cannot enumerate gives None, so every prefix shorter
    than ``k`` is one where the match can end) and :func:`open_prefixes` (not strict: such an item
    closes the prefixes it continues).  ``digits``: ``\\d`` stands for 0-9 (see open_prefixes)."""
    out: _Pairs | None = frozenset([("", False)])
    for op, av in items:
        if all(closed for _p, closed in out):  # type: ignore[union-attr]
            break
        if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
            continue  # zero-width: the next item gives the next character
        sub = _walk_item(op, av, k, digits, strict)
        if sub is None:
            return None
        out = _join(out, sub, k)  # type: ignore[arg-type]
        if out is None:
            return None if strict else _ANY
    return out


def _join(heads: _Pairs, tails: _Pairs, k: int) -> _Pairs | None:
    """Every open head continued by every tail, cut to ``k`` characters (None: too many)."""
    out: set[tuple[str, bool]] = set()
    for head, closed in heads:
        if closed:
            out.add((head, True))
            continue
        for tail, tail_closed in tails:
            both = head + tail
            out.add((both[:k], tail_closed or len(both) >= k))
    return frozenset(out) if len(out) <= _MAX_PREFIXES else None


def _walk_item(op: object, av: object, k: int, digits: bool, strict: bool) -> _Pairs | None:
    unknown = None if strict else _ANY
    if op is _sre_c.LITERAL:
        return frozenset([(chr(av), False)])  # type: ignore[arg-type]
    if op is _sre_c.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:  # type: ignore[attr-defined]
            if sub_op is _sre_c.LITERAL:
                chars.add(chr(sub_av))
            elif sub_op is _sre_c.RANGE and sub_av[1] - sub_av[0] < 64:
                chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            elif digits and sub_op is _sre_c.CATEGORY and sub_av is _sre_c.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:
                return unknown  # negated sets, other categories, wide ranges
        return frozenset((c, False) for c in chars)
    if op is _sre_c.SUBPATTERN:
        _group, add_flags, del_flags, pat = av  # type: ignore[misc]
        return unknown if add_flags or del_flags else _walk_seq(list(pat), k, digits, strict)
    if op is _sre_c.BRANCH:
        union: set[tuple[str, bool]] = set()
        for alt in av[1]:  # type: ignore[index]
            got = _walk_seq(list(alt), k, digits, strict)
            if got is None:
                return None
            union |= got
        return frozenset(union)
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, _sre_c.POSSESSIVE_REPEAT):
        low, high, pat = av  # type: ignore[misc]
        one = _walk_seq(list(pat), k, digits, strict)
        if one is None:
            return None
        if not strict:
            if high != 1:  # a second repetition may follow: what one repetition leaves open ends there
                one = frozenset((p, True) for p, _closed in one)
            return one | {("", False)} if low == 0 else one
        # i repetitions for i in [low, high]; past k of them the first k characters repeat themselves
        reps: set[tuple[str, bool]] = set()
        cur: _Pairs | None = frozenset([("", False)])
        for i in range(min(high, k) + 1):
            if i >= min(low, k):
                reps |= cur  # type: ignore[arg-type]
            cur = _join(cur, one, k)  # type: ignore[arg-type]
            if cur is None:
                return None
        return frozenset(reps)
    return unknown


def prefix_guard(starts: frozenset[str]) -> str:
    """A lookahead that passes exactly where one of ``starts`` begins: ``(?=a[bc]|d)``, a trie by
    character so the regex engine rejects a position after a character test or two."""
    by_first: dict[str, set[str]] = {}
    for p in starts:
        by_first.setdefault(p[:1], set()).add(p[1:])
    alts = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:  # the match may be that one character long: nothing more to require
            alts.append(re.escape(first))
        elif all(len(r) == 1 for r in rests):
            alts.append(re.escape(first) + "[" + "".join(re.escape(c) for c in sorted(rests)) + "]")
        else:
            alts.append(re.escape(first) + "(?:" + prefix_guard(frozenset(rests))[3:-1] + ")")
    return "(?=" + "|".join(alts) + ")"


def guarded(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind :func:`prefix_guard` of its first three characters, where that helps.

    Why: the regex engine scans fast for a pattern's literal prefix or first character set, but a
    pattern opening with an alternation of groups ("(?:approval|consent) from|war (?:in|with)|...")
    has neither, so the engine tries every alternative at every position of the text; the guard
    rejects most positions after a character test or two.  Patterns with a prefix or character
    set of their own, with inline flags or of unknown first characters stay as they are.
    """
    if flags & (re.IGNORECASE | re.VERBOSE) or (pattern.startswith("(?") and pattern[2:3].isalpha()):
        return pattern
    tree = _sre_p.parse(pattern, flags)
    if _sre_compiler._get_literal_prefix(tree, flags)[0] or _sre_compiler._get_charset_prefix(tree, flags):
        return pattern
    starts = prefixes(pattern, 3, flags)
    if not starts or "" in starts:
        return pattern
    return prefix_guard(starts) + "(?:" + pattern + ")"


def word_start_scan(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """For a lowercase ``pattern`` opening with ``\\b`` and then a word character in every match:
    ``[^\\w](?:rest)`` compiled with re.ASCII (None for any other pattern).

    Why: such a pattern has no first character re can skip ahead to (``\\b`` is no character), so a
    search enters it at every position of the sentence, and its prefix guard (:func:`guarded`) with
    it.  Every match of it after offset 0 follows a non-word character (``\\b`` before a word
    character says just that), so the first match of ``[^\\w](?:rest)``, which re finds by skipping to
    the spaces and punctuation in a C loop, starts one character before the first match of
    ``pattern`` after offset 0: ``pattern.match(text, its start + 1)`` is what ``search`` would return
    (a match at offset 0 is tried first).  For text where :func:`ascii_classes` holds.
    """
    if flags & (re.IGNORECASE | re.VERBOSE) or not pattern.startswith("\\b"):
        return None
    tree = _sre_p.parse(pattern, flags)
    items = list(tree)
    if tree.state.flags & re.IGNORECASE or not items or items[0] != (_sre_c.AT, _sre_c.AT_BOUNDARY):
        return None  # \b not in front of every alternative ("\ba|b")
    rest = pattern[2:]
    starts = prefixes(rest, 1, flags)
    if not starts or not all(c.isascii() and (c.isalnum() or c == "_") for c in starts):
        return None
    return re.compile("[^\\w](?:" + guarded(rest, flags) + ")", (flags & ~re.UNICODE) | re.ASCII)


def first_letter_alternation(words: list[str], after_first: str = "") -> str:
    """``(?:w1|w2|...)`` regrouped by first character: ``(?:H<after>(?:MS|MAS)|I<after>NS)``.

    Why: re skips ahead to the characters a match can start with (a C loop over the text) only
    when the pattern opens with a literal character or a class in every alternative; a "no word
    before" lookbehind in front of the alternation hides them, so re enters the pattern at every
    position.  ``after_first`` (``{c}``: the escaped first character) goes right after that
    character, where the lookbehind moves (``(?<![\\w-]{c})``).  Matches are the same: at one
    position only the group of its character can match, and each group keeps the words' order.
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return (
        "(?:"
        + "|".join(
            re.escape(c) + after_first.replace("{c}", re.escape(c)) + "(?:" + "|".join(tails) + ")"
            for c, tails in groups.items()
        )
        + ")"
    )


#: a named group of a pattern (LowerRx checks its names are lowercase)
_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")


class LowerRx:
    """``re.compile(pattern, re.I)`` with the same results, faster on ordinary text.

    Nothing is compiled up front: the pattern for lowercase ASCII-class text (``asc``, what nearly
    every sentence takes) and its word prefilter (``needs``) on first use, the ``re.I`` pattern (``ci``,
    for text that does not lower exactly) and the Unicode lowercase one (``low``) only when such text
    comes.  Why: the extractor builds hundreds of these at import, and compiling each long alternation
    (three times) was a visible part of a cold start, while one article uses a fraction of them.
    """

    __slots__ = (
        "_asc",
        "_ci",
        "_flags",
        "_found",
        "_given",
        "_low",
        "_matched",
        "_needs",
        "_pattern",
        "_words",
    )

    def __init__(self, pattern: str, flags: int = 0, needs: tuple[str, ...] = ()) -> None:
        """``needs``: lowercase words of which every match contains one (a prefilter: ``search`` and
        ``finditer`` skip the scan of a text that has none, ``match`` does without it; give it only
        where each alternative has one).  Without it, :func:`required_words` derives it when it finds
        a short enough list."""
        if any(c.isupper() for name in _GROUP_NAME.findall(pattern) for c in name):  # pragma: no cover
            raise ValueError(f"group names must be lowercase: {pattern!r}")  # import-time guard
        self._pattern, self._flags, self._given = pattern, flags, needs
        self._asc: re.Pattern[str] | None = None
        self._needs: tuple[str, ...] | None = None
        self._ci: re.Pattern[str] | None = None
        self._low: re.Pattern[str] | None = None
        self._words: re.Pattern[str] | None = None  # see word_start_scan (with asc)
        # the answers of search and match per text (see _remember)
        self._found: dict[str, re.Match[str] | None] = {}
        self._matched: dict[str, re.Match[str] | None] = {}

    def _build(self) -> tuple[str, ...]:
        """Compile ``asc`` and work out ``needs`` (first use); returns ``needs``."""
        low = _lower_pattern(self._pattern)
        low_flags = self._flags & ~re.IGNORECASE
        try:
            self._asc = re.compile(guarded(low, low_flags), (low_flags & ~re.UNICODE) | re.ASCII)
            self._words = word_start_scan(low, low_flags)
        except (re.error, ValueError):  # pragma: no cover - an inline (?u) in the pattern
            self._asc = self.low
        needs = self._given
        if not needs:
            found = required_words(low, low_flags)
            needs = found if found is not None and len(found) <= _MAX_NEEDS else ()
        self._needs = needs
        return needs

    @property
    def asc(self) -> re.Pattern[str]:
        """The lowercase pattern compiled with ``re.ASCII``, for lowercase text whose word characters
        and spaces are all ASCII (see :func:`ascii_classes`)."""
        if self._asc is None:
            self._build()
        return self._asc  # type: ignore[return-value]

    @property
    def needs(self) -> tuple[str, ...]:
        """The word prefilter (see ``__init__``)."""
        return self._build() if self._needs is None else self._needs

    @property
    def ci(self) -> re.Pattern[str]:
        """The ``re.I`` pattern, for text that does not lower exactly (compiled on first use)."""
        if self._ci is None:
            self._ci = re.compile(self._pattern, self._flags | re.IGNORECASE)
        return self._ci

    @property
    def low(self) -> re.Pattern[str]:
        """The lowercase pattern with Unicode classes, for lowercase text with word characters outside
        ASCII (compiled on first use)."""
        if self._low is None:
            self._low = re.compile(
                guarded(_lower_pattern(self._pattern), self._flags & ~re.IGNORECASE),
                self._flags & ~re.IGNORECASE,
            )
        return self._low

    # search and match are the extractor's most frequent calls (hundreds per article): the remembered
    # answer, the remembered lowercase form and the word prefilter are read inline (contains_any,
    # lowered_info, _remember), not through three more Python calls each
    def search(self, text: str) -> re.Match[str] | None:
        """Like ``Pattern.search``; group text may be lowercased (use offsets)."""
        found = self._found
        got = found.get(text, _MISSING)
        if got is not _MISSING:
            return got  # type: ignore[return-value]
        low, asc = _lowered_memo.get(text) or lowered_info(text)
        if low is None:
            got = self.ci.search(text)
        else:
            needs = self._needs if self._needs is not None else self._build()
            if needs and not any(map(low.__contains__, needs)):
                got = None
            elif asc and self._words is not None:
                # a match at 0, else the first non-word character a match follows: the match right
                # after it is the one search would find (see word_start_scan)
                got = self._asc.match(low)  # type: ignore[union-attr]
                if got is None and (before := self._words.search(low)) is not None:
                    got = self._asc.match(low, before.start() + 1)  # type: ignore[union-attr]
            else:
                got = (self._asc if asc else self.low).search(low)  # type: ignore[union-attr]
        if len(text) <= _MEMO_LEN:  # _remember, inline
            if len(found) >= _ANSWERS:
                found.clear()
            found[text] = got
        return got  # type: ignore[return-value]

    def match(self, text: str) -> re.Match[str] | None:
        """Like ``Pattern.match``; group text may be lowercased (use offsets)."""
        matched = self._matched
        got = matched.get(text, _MISSING)
        if got is not _MISSING:
            return got  # type: ignore[return-value]
        low, asc = _lowered_memo.get(text) or lowered_info(text)
        # no word prefilter here: a match anchored at offset 0 fails within a few characters, while
        # the prefilter reads the whole text once per word (three times the cost of the match itself
        # over the extractor's 250 anchored checks per article)
        rx = self.ci if low is None else (self._asc or self.asc) if asc else self.low
        got = rx.match(text if low is None else low)
        if len(text) <= _MEMO_LEN:  # _remember, inline
            if len(matched) >= _ANSWERS:
                matched.clear()
            matched[text] = got
        return got  # type: ignore[return-value]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Like ``Pattern.finditer``; group text may be lowercased (use offsets)."""
        rx, subject = self.scan_form(text)
        return iter(()) if rx is None else rx.finditer(subject)

    def scan_form(self, text: str) -> tuple[re.Pattern[str] | None, str]:
        """The compiled form to run on ``text`` and the string to run it on (the lowercased text, or
        ``text`` itself for the ``re.I`` fallback); None when the word prefilter rules out any match."""
        low, asc = lowered_info(text)
        if low is None:
            return self.ci, text
        needs = self._needs if self._needs is not None else self._build()
        if needs and not contains_any(low, needs):
            return None, low
        return (self._asc if asc else self.low), low  # type: ignore[return-value]


class BoundaryScan:
    """``finditer`` of ``(?<![B])(?:body)`` (as :class:`LowerRx`: case-insensitive, run on lowercased
    text where that is exact), for a ``body`` that never matches the empty string.

    Why: a scan opening with a lookbehind hides its first character from re, which then enters the
    pattern (and the lookbehind, a nested match) at every position of an article.  Here the character
    before a match is consumed instead, ``[^B](?P<at>body)``: re skips in a C loop to the characters
    outside ``B`` (spaces and punctuation: about one position in six of news text) and enters the
    pattern only there.  A match at offset 0 (no character before it) is tried on its own.  Matches,
    offsets and groups are the plain form's (tests/extract/test_extract_speed14.py); only group 0
    differs, so :meth:`finditer` hands out the group to read the match from.
    """

    __slots__ = ("_first", "_rest")

    def __init__(self, not_after: str, body: str, flags: int = 0) -> None:
        """``not_after``: the body of a character class (``\\w$€``) no match may follow."""
        self._first = LowerRx("(?:" + body + ")", flags)  # a match at offset 0
        self._rest = LowerRx("[^" + not_after + "](?P<at>" + body + ")", flags)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], int | str]]:
        """(match, group) for each match of ``(?<![B])(?:body)`` in ``text``, left to right, not
        overlapping: the match spans ``m.span(group)`` (group text may be lowercased: use offsets).

        After a match ending at ``e`` the next is looked for from ``e - 1``: its character before
        may be the last character of the previous match (when that is outside ``B``), as in
        ``finditer`` of the plain form, whose next match starts at ``e`` or later."""
        rx, subject = self._rest.scan_form(text)
        if rx is None:
            return
        first = self._first.match(text)
        pos = 0
        if first is not None and first.end() > 0:
            yield first, 0
            pos = first.end() - 1
        search = rx.search
        while (m := search(subject, pos)) is not None:
            yield m, "at"
            pos = m.end() - 1


#: id of a compiled pattern -> (that pattern, the pattern without its leading one-character lookbehind,
#: the same behind the character it consumes instead), or (that pattern, None) when it opens otherwise
#: (see boundary_finditer).  By id: hashing a compiled pattern hashes its whole code (the trigger
#: alternation's: 80 us), where a scan of a sentence costs a few
_BOUNDARY_FORMS: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], re.Pattern[str]] | None]] = {}


def _boundary_forms(rx: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    held = _BOUNDARY_FORMS.get(id(rx))
    if held is not None and held[0] is rx:
        return held[1]
    pattern, got, before = rx.pattern, None, None  # worked out once per pattern
    if pattern.startswith("(?<!\\w)"):
        before, rest = "\\w", pattern[7:]
    elif pattern.startswith("(?<![") and "])" in pattern:
        before = pattern[5 : pattern.index("])")]
        rest = pattern[len(before) + 7 :]
        if "[" in before or before.startswith("^") or before.endswith("\\"):
            before = None  # not a plain class body: keep the pattern as it is
    if before is not None:
        try:
            got = (
                re.compile("(?:" + rest + ")", rx.flags),
                re.compile("[^" + before + "](?:" + rest + ")", rx.flags),
            )
        except re.error:  # pragma: no cover - a class body this reading does not know
            got = None
    _BOUNDARY_FORMS[id(rx)] = (rx, got)  # the pattern held: its id stays its own
    return got


def boundary_finditer(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern opening with a one-character negative lookbehind
    (``(?<!\\w)``, ``(?<![\\w$-])``) and never matching the empty string: the same matches with the
    same groups, except group 0, which may start at the character before (read named groups).

    Why: a scan opening with a lookbehind hides its first character from re, which then enters the
    pattern (and the lookbehind, a nested match) at every position; consuming the character before
    instead (``[^\\w](?:...)``) lets re skip in a C loop to spaces and punctuation, about one position
    in six of news text (see :class:`BoundaryScan`, whose ``finditer`` this is for a compiled pattern).
    Patterns of another shape are scanned as they are."""
    forms = _boundary_forms(rx)
    if forms is None:
        yield from rx.finditer(text)
        return
    first, rest = forms
    pos = 0
    m = first.match(text)
    if m is not None and m.end() > 0:
        yield m
        pos = m.end() - 1
    search = rest.search
    while (m := search(text, pos)) is not None:
        yield m
        pos = m.end() - 1


#: texts per pattern whose search/match answers :class:`LowerRx` remembers (short texts only)
_ANSWERS = 32


def _remember(
    memo: dict[str, re.Match[str] | None], text: str, got: re.Match[str] | None
) -> re.Match[str] | None:
    """Store ``got`` as the answer for ``text`` (texts up to ``_MEMO_LEN`` long, a few per pattern).

    Why: the stages of the extractor ask the same pattern about the same sentence again and again
    (one sentence is handed to a check once per party, per system, per trigger): within each article
    of the benchmark, half the searches repeat one already made (22,600 searches, 11,400 distinct
    (pattern, text) pairs over 100 articles).  A match object is immutable and its ``string`` is the
    text searched, so handing the same one out again is exact.
    """
    if len(text) <= _MEMO_LEN:
        if len(memo) >= _ANSWERS:
            memo.clear()
        memo[text] = got
    return got


class NeedsRx:
    """``search``/``finditer`` of a compiled pattern, skipped on a text lacking every word
    :func:`required_words` finds in it; matches (and their group text) are the pattern's own.

    For patterns whose callers read group text or that must stay ``re.I`` on the original
    text; a case-insensitive pattern's words are looked for in the lowercased text when that
    is exact (:func:`lowers_exactly`), else the scan always runs.
    """

    __slots__ = ("fold", "needs", "rx")

    def __init__(self, rx: re.Pattern[str], needs: tuple[str, ...] = ()) -> None:
        """``needs``: words of which every match contains one (lowercase for a case-insensitive
        pattern), where :func:`required_words` would pick a less selective set (it avoids words of
        :data:`_COMMON` such as "said"); without it they are derived from the pattern."""
        self.rx = rx
        self.fold = bool(rx.flags & re.IGNORECASE)
        if not needs:
            pattern = _lower_pattern(rx.pattern) if self.fold else rx.pattern
            words = required_words(pattern, rx.flags & ~re.IGNORECASE)
            needs = words if words is not None and len(words) <= _MAX_NEEDS else ()
        self.needs = needs

    def may_match(self, text: str) -> bool:
        """False when ``text`` lacks every needed word: no match anywhere in it (nor in any window)."""
        return self._may_match(text)

    def _may_match(self, text: str) -> bool:
        # lowered and contains_any read inline: this runs before every windowed scan of a sentence
        needs = self.needs
        if not needs:
            return True
        if self.fold:
            low = (_lowered_memo.get(text) or lowered_info(text))[0]
            if low is None:
                return True
            text = low
        return any(map(text.__contains__, needs))

    # a window [pos, endpos) is prefiltered on the whole text: a text that lacks every needed word
    # has no window with one (and the whole sentence, handed over for window after window, is
    # lowercased once: see lowered)
    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like ``Pattern.search``."""
        return self.rx.search(text, pos, endpos) if self._may_match(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like ``Pattern.match``."""
        return self.rx.match(text, pos, endpos) if self._may_match(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Like ``Pattern.finditer``."""
        return self.rx.finditer(text, pos, endpos) if self._may_match(text) else iter(())


def lower_in_place(namespace: dict[str, object], names: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    """Rebind each case-insensitive pattern ``names`` of a module's ``namespace`` (its ``globals()``)
    to a :class:`LowerRx` of the same pattern; return the plain patterns by name (for tests).

    For checks the module only asks ``search(text)`` / ``match(text)`` and reads no group text of
    (LowerRx takes no offsets and its group text is lowercase).  Why rebinding in the module that
    reads them: a pattern shared through :mod:`kg.extract.patterns` may be read elsewhere with group
    text; each module turns only the checks it reads that way, and its rule code stays unchanged.
    """
    plain: dict[str, re.Pattern[str]] = {}
    for name in names:
        rx = namespace[name]
        if not isinstance(getattr(rx, "pattern", None), str) or not rx.flags & re.IGNORECASE:  # type: ignore[attr-defined]
            raise TypeError(f"{name} is not a case-insensitive pattern")
        plain[name] = rx
        namespace[name] = LowerRx(rx.pattern, rx.flags & ~re.IGNORECASE)
    return plain
