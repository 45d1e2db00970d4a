"""Markup masking and sentence splitting with exact character offsets.

Evidence must be an exact slice of the article text (``text[start:end]``), so we never
rewrite the text.  Instead :func:`mask_markup` returns a *same-length* copy in which
Markdown/HTML markup (``\\$`` escapes, ``[said](#)`` links, ``**bold**``, ``<url>``, bare
URLs, heading hashes) is replaced by spaces.  Every regex runs on the masked copy and
every offset is valid in the original.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]\n]{0,300})\]\(([^)\n]{0,500})\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&<>~|])")
_BOLD = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_ANGLE_URL = re.compile(r"<(?:https?://|www\.)[^>\s]{1,500}>")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_HEADING = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}|>+|[-*+])(?=[ \t])")
_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def mask_markup(text: str) -> str:
    """Same-length copy of ``text`` with markup replaced by spaces (see module docstring).

    Each pattern runs only when the character it needs is in the text: plain prose (most
    articles) skips the scans, whose lookarounds test every position.
    """
    out = text
    if "](" in out:
        out = _LINK.sub(
            lambda m: (
                " " * (2 if m.group(0).startswith("!") else 1) + m.group(1) + " " * (len(m.group(2)) + 3)
            ),
            out,
        )
    if "\\" in out:
        out = _ESCAPE.sub(lambda m: " " + m.group(1), out)
    if "<" in out:
        out = _ANGLE_URL.sub(_blank, out)
    if "://" in out or "www." in out:
        out = _URL.sub(_blank, out)
    if "<" in out:
        out = _TAG.sub(_blank, out)
    if "*" in out or "__" in out:
        out = _BOLD.sub(_blank, out)
    out = _HEADING.sub(_blank, out)
    assert len(out) == len(text)
    return out


_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "adm",
    "sen",
    "rep",
    "gov",
    "prof",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "st",
    "co",
    "corp",
    "inc",
    "ltd",
    "vs",
    "approx",
    "rs",
    "vol",
    "cmdr",
    "brig",
    "sgt",
    "cpl",
    "pvt",
    "jr",
    "sr",
    "mt",
    "ft",
    "fig",
    "est",
    "dept",
    "govt",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "u.s.a",
    "etc",
}
# A punctuation match may only start where a run of [.!?] starts (the lookbehind): a
# match starting inside a run could only end where one from the run's start ends, and
# letting the engine try every position of a long run ('.' * 50_000 + 'x') rescanned the
# rest of the run each time, quadratic in its length.  The first mark is matched before the
# lookbehind (which then looks at it and the character before it): the same matches, but the
# engine rejects every other position on its first character instead of running the lookbehind.
# Every alternative opens with the character class ``[.!?\n]`` and then checks behind ``(?<=...)``
# which character it took, in the same order: re skips through the text to those four characters in
# a C loop instead of entering the alternation at every position (the scan costs less than half).
_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?<![.!?][.!?])[.!?]*[\"'”’)\]]*(?=\s)|(?<=\n)[ \t]*\n|(?<=\n)(?=[ \t]*(?:[-*+]|\d+\.)\s))"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


# patterns of the function(s) below, compiled once: a module-level re.search(...) call
# pays re's pattern-cache lookup every time (~1 us, ~100k calls per 400 articles)
_S1 = re.compile(r"\s*(\S)")
_S2 = re.compile(r"(?:[a-z]\.)+[a-z]")


#: the start of a list item's line: its masked bullet mark ("- ", "* ": spaces in the masked text) or
#: a mark the masking keeps ("\u2022 "); a long item line without final punctuation ("- X: five units from
#: A, delivery delayed") ends there, not with the next item
_LIST_LINE = re.compile(r"[ \t]{1,4}(?=\S)|[\u2022\u2013\u00b7][ \t]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` over ``text`` (use the masked text).

    Breaks at sentence punctuation followed by whitespace, at blank lines (headlines,
    datelines and captions have no final period) and at single line breaks after a short
    line or a line ending in punctuation (a list item ending in ";" too: its bullet mark is masked), and
    before a list item's line (a long item line with no final punctuation ends there).  Abbreviations (``U.S.``, ``Gen.``, initials)
    do not end a sentence.  Spans are stripped of surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    cuts: list[int] = []
    for m in _END.finditer(text):
        end = m.end()
        chunk = m.group(0)
        if chunk[0] in ".!?":
            if chunk == "." or (chunk.startswith(".") and len(chunk.rstrip("\"'”’)]")) == 1):
                w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
                if w:
                    word = w.group(1).lower()
                    # a lone letter is an initial ("J. Smith"), not the plural of a designation
                    # ending in a digit ("12 F-16s. The jets ...", "24 K9s. Deliveries ...")
                    # ... nor a designation's letter suffix ("the K9 Vajra-T. The ...", "an F-16V. It ...")
                    glued = (
                        len(word) == 1
                        and w.start(1) > 0
                        and (text[w.start(1) - 1].isdigit() or text[w.start(1) - 1] == "-")
                    )
                    if word in _ABBREV or (len(word) == 1 and not glued) or _S2.fullmatch(word):
                        continue
            nxt = _S1.match(text[end : end + 40])
            if nxt and nxt.group(1).islower():
                continue
        cuts.append(end)
    # single line breaks after a short line (headline, dateline) or a line ending in punctuation
    for m in re.finditer(r"\n", text):
        i = m.start()
        line_start = text.rfind("\n", 0, i) + 1
        line = text[line_start:i].strip()
        if line and (len(line) < 80 or line[-1] in '.!?:;"”' or _LIST_LINE.match(text, i + 1)):
            cuts.append(i)
    for cut in sorted(set(cuts)):
        if cut > start:
            spans.append((start, cut))
            start = cut
    if start < n:
        spans.append((start, n))
    out = []
    for a, b in spans:
        seg = text[a:b]
        lstrip = len(seg) - len(seg.lstrip())
        rstrip = len(seg) - len(seg.rstrip())
        a2, b2 = a + lstrip, b - rstrip
        if b2 > a2:
            out.append((a2, b2))
    return out
