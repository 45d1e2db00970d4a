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
from collections.abc import Iterator

# characters outside ASCII and the uncased ranges checked once against sre's case folding:
# Latin-1 punctuation (minus U+00B5 micro sign, which folds to Greek mu), U+00D7, U+00F7,
# General Punctuation / super- and subscripts / currency / combining marks for symbols
_UNSAFE = re.compile(r"[^\x00-\xb4\xb6-\xbf\xd7\xf7\u2000-\u20ff]")


def lowers_exactly(text: str) -> bool:
    """True when matching ``text.lower()`` case-sensitively equals matching ``text`` with re.I."""
    return text.isascii() or _UNSAFE.search(text) is None


def _lower_pattern(pattern: str) -> str:
    """The pattern with its letters lowercased; escapes (``\\S``, ``\\B``) and ``(?P`` kept."""
    return re.sub(
        r"\\.|\(\?P|[A-Z]", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(), pattern
    )


class LowerRx:
    """``re.compile(pattern, re.I)`` with the same results, faster on ordinary text."""

    __slots__ = ("ci", "low", "needs")

    def __init__(self, pattern: str, flags: int = 0, needs: tuple[str, ...] = ()) -> None:
        """``needs``: lowercase words of which every match contains one (a prefilter: ``search``
        skips the scan of a text that has none; give it only where each alternative has one)."""
        self.ci = re.compile(pattern, flags | re.IGNORECASE)
        self.low = re.compile(_lower_pattern(pattern), flags & ~re.IGNORECASE)
        self.needs = needs
        if self.low.groupindex != self.ci.groupindex:  # pragma: no cover - import-time guard
            raise ValueError(f"group names must be lowercase: {pattern!r}")

    def search(self, text: str) -> re.Match[str] | None:
        """Like ``Pattern.search``; group text may be lowercased (use offsets)."""
        if not lowers_exactly(text):
            return self.ci.search(text)
        low = text.lower()
        if self.needs and not any(w in low for w in self.needs):
            return None
        return self.low.search(low)

    def match(self, text: str) -> re.Match[str] | None:
        """Like ``Pattern.match``; group text may be lowercased (use offsets)."""
        return self.low.match(text.lower()) if lowers_exactly(text) else self.ci.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Like ``Pattern.finditer``; group text may be lowercased (use offsets)."""
        return self.low.finditer(text.lower()) if lowers_exactly(text) else self.ci.finditer(text)
