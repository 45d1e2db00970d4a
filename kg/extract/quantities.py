"""Numbers as news writes them ("31", "five", "twenty-six", "a dozen", "1,200").

Only the number layer lives here; deciding that a number counts weapons (and not years,
money or percentages) needs the sentence and is done in :mod:`kg.extract.claims`, which
looks for the number right before a system designation or an item noun ("26 Rafale-M
jets", "five more S-400 systems", "the remaining two").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract._fastre import BoundaryScan, LowerRx

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SPECIAL = {
    "a dozen": 12,
    "dozen": 12,
    "a pair of": 2,
    "a couple of": 2,
    "a single": 1,
    "single": 1,
    "a hundred": 100,
    "one hundred": 100,
    "two dozen": 24,
    "three dozen": 36,
    "four dozen": 48,
}
#: Largest count we accept as a number of weapons (larger is ammunition or noise).
MAX_QUANTITY = 100_000

#: the characters no number may follow (NUMBER_RE's lookbehind)
_NOT_AFTER = r"\w$€£₹.,/-"
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
#: the number words as a regex alternation (longest first), for patterns that must not cross a count
NUMBER_WORDS = _WORD
NUMBER_RE = re.compile(
    r"(?<![" + _NOT_AFTER + r"])(?:"
    r"(?P<special>" + "|".join(re.escape(k) for k in sorted(_SPECIAL, key=len, reverse=True)) + r")"
    r"|(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,]\d|-\d)"
    r"|(?P<words>(?:"
    + "|".join(_TENS)
    + r")(?:[\s-](?:"
    + "|".join(k for k in _UNITS if _UNITS[k] < 10)
    + r"))?"
    r"|" + _WORD + r")"
    r")(?![\w])",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_PARTS_SEP = re.compile(r"[\s-]")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number in the text with its span."""

    value: int
    text: str
    start: int
    end: int

    def shifted(self, by: int) -> NumberMention:
        """The same number with its span moved by ``by`` (cheaper than ``dataclasses.replace``)."""
        return NumberMention(self.value, self.text, self.start + by, self.end + by)


def parse_number(text: str) -> int | None:
    """``"twenty-six"`` -> 26, ``"1,200"`` -> 1200, ``"a dozen"`` -> 12; None otherwise."""
    t = _SPACES.sub(" ", text.strip().lower())
    if not t:
        return None
    if t in _SPECIAL:
        return _SPECIAL[t]
    if _DIGITS.fullmatch(t):
        if len(t) > 12:
            return None
        return int(t.replace(",", ""))
    if t in _UNITS:
        return _UNITS[t]
    parts = _PARTS_SEP.split(t)
    if len(parts) == 1 and parts[0] in _TENS:
        return _TENS[parts[0]]
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS and _UNITS[parts[1]] < 10:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


def _scan_pattern(lookbehind: bool = True) -> str:
    """:data:`NUMBER_RE` (lowercase, no group names) opening with the character it consumes first.

    Why: NUMBER_RE's leading lookbehind hides its first character from re, which then enters the
    pattern at every position of an article; here the first character is a class ``[\\d...]``
    (re skips to those characters in a C loop), the lookbehind comes after it and each alternative
    continues behind ``(?<=c)`` in NUMBER_RE's order (specials, digits, words), so the matches are
    the same (tests/extract/test_extract_speed2.py).
    """
    specials = sorted(_SPECIAL, key=len, reverse=True)
    words = _WORD.split("|")
    units = "|".join(k for k in _UNITS if _UNITS[k] < 10)
    firsts = sorted({w[0] for w in [*specials, *words]})
    alts = [r"(?<=\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?![\w%]|[.,]\d|-\d)"]
    for c in firsts:
        opts = [re.escape(w[1:]) for w in specials if w[0] == c]
        tens = [w[1:] for w in _TENS if w[0] == c]
        if tens:
            opts.append("(?:" + "|".join(tens) + r")(?:[\s-](?:" + units + "))?")
        opts += [w[1:] for w in words if w[0] == c]
        alts.append(f"(?<={c})(?:" + "|".join(opts) + ")")
    behind = r"(?<![\w$€£₹.,/-].)" if lookbehind else ""  # without it: the body of _NUMBER_SCAN
    return r"[\d" + "".join(firsts) + "]" + behind + "(?:" + "|".join(alts) + r")(?![\w])"


#: NUMBER_RE's matches, run on lowercased text where that is exact (see kg.extract._fastre)
_NUMBER_RX = LowerRx(_scan_pattern(), NUMBER_RE.flags)
#: the same matches, found from the character before each (kg.extract._fastre.BoundaryScan: re enters
#: the pattern after a space or a punctuation mark only, not at every letter a number word starts with)
_NUMBER_SCAN = BoundaryScan(_NOT_AFTER, _scan_pattern(lookbehind=False), NUMBER_RE.flags)


#: a count in words followed by the same count in digits, the style of export notices: "sixty (60)"
_PAREN_DIGITS = re.compile(r"\s*\((\d{1,3}(?:,\d{3})*|\d+)\)")


_HUNDRED = re.compile(r"[\s-]+(?P<scale>hundred|thousand)\b", re.IGNORECASE)
_AND_REST = re.compile(
    r"(?:\s+and)?\s+(?P<rest>(?:"
    + "|".join(_TENS)
    + r")(?:[\s-](?:"
    + "|".join(k for k in _UNITS if _UNITS[k] < 10)
    + r"))?|"
    + _WORD
    + r")\b",
    re.IGNORECASE,
)


def _hundreds(text: str, value: int, end: int) -> tuple[int, int]:
    """ "two hundred" -> 200, "one hundred and twenty" -> 120, "five thousand" -> 5000: a count in
    words with its scale (the words alone read "two" and "one hundred"), and the new end."""
    scale = _HUNDRED.match(text, end) if value < 100 else None
    if scale is not None and (value < 10 or scale.group("scale").lower() == "thousand"):
        value *= 100 if scale.group("scale").lower() == "hundred" else 1000
        end = scale.end()
    if value >= 100 and value % 100 == 0 and (rest := _AND_REST.match(text, end)) is not None:
        more = parse_number(rest.group("rest"))
        if more is not None and more < 100:
            value, end = value + more, rest.end()
    return value, end


def find_numbers(text: str) -> list[NumberMention]:
    """Every cardinal number in ``text`` (years and money are filtered by the caller).

    "one hundred twenty-three (123) missiles" is one count spanning the words and the bracketed
    digits, so the item noun is right after it (the words alone are followed by the bracket)."""
    out: list[NumberMention] = []
    for m, g in _NUMBER_SCAN.finditer(text):
        start, end = m.span(g)
        if out and start < out[-1].end:
            continue  # the bracketed digits of a count in words, already taken in with it
        found = m.group(g)
        value = parse_number(found)  # parse_number lowercases: same value either way
        if value is None or not 0 < value <= MAX_QUANTITY:
            continue
        if not found[:1].isdigit():
            value, end = _hundreds(text, value, end)
        paren = _PAREN_DIGITS.match(text, end)
        if paren is not None and not found[:1].isdigit():
            digits = int(paren.group(1).replace(",", ""))
            # the words may be several number mentions ("one hundred" "twenty-three"): fold them in
            while out and 0 < start - out[-1].end <= 1 and text[out[-1].end : start].isspace():
                start = out.pop().start
            if 0 < digits <= MAX_QUANTITY:
                out.append(NumberMention(digits, text[start : paren.end()], start, paren.end()))
                continue
        out.append(NumberMention(value, text[start:end], start, end))
    return out
