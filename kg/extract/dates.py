"""Date expressions in news text, resolved against the article's publication date.

Why our own rules: ``dateparser.search_dates`` over whole articles turns ``three S-400``
into seconds and ``$5`` into the 5th (``shared/design/nlp-notes.md``).  We find date
expressions with a closed regex and resolve them arithmetically, which is also ~50x
faster.  Relative expressions ("in March", "last year", "on Tuesday") need the
publication date; without it they are returned with ``value=None`` (unresolved) rather
than guessed.

``value`` is an ISO 8601 string at the expression's granularity: ``"2018"``,
``"2026-03"``, ``"2026-05-26"``.  Week expressions resolve to a day (the day one week
before publication for "last week") with ``granularity="week"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extract._fastre import contains_any, first_letter_alternation
from kg.extract.quantities import _UNITS
from kg.vocab.months import MONTH_NAMES, WEEKDAY_NAMES

#: month name or abbreviation ("march", "mar", "sept") -> month number
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)} | {m[:3]: i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(WEEKDAY_NAMES)}

#: "January|...|December" as the text writes them (capitalised)
_MONTH_WORDS = "|".join(m.capitalize() for m in MONTH_NAMES)
#: full names first, then the abbreviations ("Sept" before "Sep"; "May" is its own)
_MON = (
    "(?:"
    + _MONTH_WORDS
    + "|"
    + "|".join(("Sept|" if m == "september" else "") + m[:3].capitalize() for m in MONTH_NAMES if m != "may")
    + r")\.?"
)
_DAYNAME = "(?:" + "|".join(d.capitalize() for d in WEEKDAY_NAMES) + ")"
_YEAR = r"(?:19[5-9]\d|20\d\d)"

#: "two years ago", "a year after": the number words up to twelve (shared with quantities)
_NUMBERS = {"a": 1, "an": 1} | {w: n for w, n in _UNITS.items() if n <= 12}
_NUMWORD = "|".join(sorted(_NUMBERS, key=len, reverse=True))
#: "two years after Manila signed ...": the clause after "after" must be in the past tense
#: for the offset to count back from publication (not "two years after the contract is signed")
_PAST_CLAUSE = re.compile(
    r"\s+(?:(?:the|a|an|its|their|it|they|[A-Z][\w.'-]*)\s+){1,4}?(?:had\s+|first\s+)?"
    r"(?:[a-z]+ed|was|were|bought|sold|won|took|got|made|struck|began|chose|paid)\b"
)

_NOW = re.compile(r"\b(?:has|have|is|are|now|today|this (?:week|month|year))\b", re.IGNORECASE)

# The patterns run over whole articles open with the character they consume first and check "no word
# before" after it (``1(?<!\w1)9..`` for ``\b19..``): re then skips to the characters a match can
# start with in its C loop instead of entering the pattern at every position (a leading \b or
# lookbehind hides the first character from re).  Same matches: tests/extract/test_extract_speed2.py.
_NO_WORD_BEFORE = r"(?<!\w{c})"
_DAYS = [d.capitalize() for d in WEEKDAY_NAMES]


def _both_cases(words: str) -> list[str]:
    """Each word capitalised, then as written ("This", "this", ...): ``[Tt]his`` as literals."""
    return [v for w in words.split() for v in (w.capitalize(), w)]


def _year_first(not_before: str) -> str:
    """:data:`_YEAR` behind ``(?<!not_before)``, the lookbehind after the first digit (see above)."""
    return rf"(?:1(?<!{not_before}1)9[5-9]\d|2(?<!{not_before}2)0\d\d)"


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(r"(?P<y>" + _year_first(r"\w") + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
    ),
    (
        "mdy",
        re.compile(r"\b(?P<mon>" + _MON + r")\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>" + _YEAR + r")\b"),
    ),
    (
        "dmy",
        re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>" + _MON + r"),?\s+(?P<y>" + _YEAR + r")\b"),
    ),
    ("my", re.compile(r"\b(?P<mon>" + _MON + r")(?:\s+of)?,?\s+(?P<y>" + _YEAR + r")\b")),
    ("md", re.compile(r"\b(?P<mon>" + _MON + r")\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)")),
    ("dm", re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>" + _MON + r")\b(?!,?\s+\d)")),
    (
        "rel",
        re.compile(
            r"(?P<rel>"
            + first_letter_alternation(_both_cases("this last next past coming previous"), _NO_WORD_BEFORE)
            + r")\s+(?P<unit>year|month|week)\b"
        ),
    ),
    (
        "relmon",
        re.compile(r"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<mon>" + _MONTH_WORDS + r")\b"),
    ),
    (
        "mon",
        re.compile(r"\b(?P<mon>" + _MONTH_WORDS + r")\b(?!\s+\d)"),
    ),
    (
        "monbare",
        re.compile(
            # not "March" and "May" alone (a verb, a modal)
            r"\b(?P<mon>" + _MONTH_WORDS.replace("March|", "").replace("May|", "") + r")\b(?!\s+\d)"
        ),
    ),
    (
        "ago",
        re.compile(r"(?P<unit>y(?<!\wy)ears?|m(?<!\wm)onths?)\s+(?P<dir>ago|after)\b"),
    ),
    ("dow", re.compile(r"(?P<dow>" + first_letter_alternation(_DAYS, _NO_WORD_BEFORE) + r")\b")),
    (
        "day",
        re.compile(
            r"(?P<word>"
            + first_letter_alternation(_both_cases("yesterday today tomorrow"), _NO_WORD_BEFORE)
            + r")\b"
        ),
    ),
    ("year", re.compile(r"(?P<y>" + _year_first(r"[\w$€£₹.,-]") + r")(?![\w%]|[.,]\d|-\d\d\d)")),
]


_ANY_MONTH = re.compile(_MON)
#: looked up backwards from the match (cheaper than an optional prefix tried everywhere)
_REL_QUAL = re.compile(r"\b(?P<qual>[Ee]arlier|[Ll]ater)\s+$")
_AGO_NUM = re.compile(r"\b(?P<n>" + _NUMWORD + r"|\d{1,2})\s+$", re.IGNORECASE)
#: a preposition (and "early"/"late"/"the end of") right before a date, found by looking
#: back from the date instead of trying the optional prefix at every position (10x faster)
_QUAL_BEFORE = re.compile(
    r"\b(?P<qual>[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Ff]rom|[Oo]n|[Dd]uring|[Tt]hrough|[Tt]o|[Oo]f)"
    r"\s+(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of|end|the\s+middle\s+of)[\s-]+)?$"
)
_DOW_QUAL = re.compile(r"\b(?P<qual>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext)\s+$")
_QUALIFIED = frozenset({"mdy", "dmy", "my", "md", "dm", "mon", "year"})
_MON_QUALS = frozenset({"in", "by", "since", "until", "before", "after", "from", "during", "through"})
#: cheap pre-checks: a pattern only runs when the text can contain it
_NEEDS: dict[str, object] = {
    "iso": "digit",
    "mdy": "month",
    "dmy": "month",
    "my": "month",
    "md": "month",
    "dm": "month",
    "relmon": "month",
    "mon": "month",
    "monbare": "month",
    "year": "digit",
    "rel": ("year", "month", "week"),
    "dow": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "day": ("yesterday", "today", "tomorrow"),
    "ago": (" ago", "year after", "years after", "month after", "months after"),
}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: its text and span, resolved ``value`` (ISO, or None), granularity.

    ``qualifier`` keeps the preposition ("by", "since", "in") because "by 2023" is a
    deadline, not the event date; callers decide roles from it and the sentence.
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: str  # "day" | "week" | "month" | "year"
    qualifier: str | None
    relative: bool

    def shifted(self, by: int) -> DateMention:
        """The same date with its span moved by ``by`` (article to sentence offsets); a plain
        constructor call, several times cheaper than ``dataclasses.replace`` on a hot path."""
        return DateMention(
            self.text,
            self.start + by,
            self.end + by,
            self.value,
            self.granularity,
            self.qualifier,
            self.relative,
        )

    @property
    def year(self) -> int | None:
        """The year of the resolved value, if any."""
        return int(self.value[:4]) if self.value else None


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _resolve_month(month: int, published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    if future:
        year = published.year if month >= published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
    return _month_value(year, month)


def _safe_day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, published: date | None = None, *, future: bool = False) -> list[DateMention]:
    """Date expressions in ``text`` (non-overlapping, leftmost-longest), resolved.

    ``future`` says the sentence speaks about the future ("expected to arrive in
    November"), so a bare month resolves forward from publication instead of back.
    """
    found: list[DateMention] = []
    occupied = bytearray(len(text) + 1)  # O(1) overlap checks, linear in text size

    def free(a: int, b: int) -> bool:
        return not any(occupied[a:b])

    months = [(m.start(), m.end()) for m in _ANY_MONTH.finditer(text)]
    has_month = bool(months)
    has_digit = any(map(str.isdigit, text))  # a C loop over the characters, not a generator
    lower = text.lower()
    for kind, rx in _PATTERNS:
        need = _NEEDS.get(kind)
        if need == "month" and not has_month:
            continue
        if need == "digit" and not has_digit:
            continue
        if isinstance(need, tuple) and not contains_any(lower, need):
            continue
        for m in _around(rx, text, months) if need == "month" else rx.finditer(text):
            start, end = m.span()
            gd = m.groupdict()
            qual = (gd.get("qual") or "").strip().lower() or None
            if kind == "rel":
                q = _REL_QUAL.search(text, max(0, start - 12), start)
                if q is not None:
                    qual, start = q.group("qual").lower(), q.start()
            elif kind == "ago":
                q = _AGO_NUM.search(text, max(0, start - 10), start)
                if q is None:
                    continue
                gd["n"], start = q.group("n"), q.start()
            if kind == "dow":
                q = _DOW_QUAL.search(text, max(0, start - 8), start)
                if q is not None:
                    qual, start = q.group("qual").lower(), q.start()
            if kind in _QUALIFIED:
                q = _QUAL_BEFORE.search(text, max(0, start - 40), start)
                if q is not None:
                    qual, start = q.group("qual").lower(), q.start()
                if kind == "mon" and qual not in _MON_QUALS:
                    continue
            if not free(start, end):
                continue
            value: str | None
            gran, relative = "day", False
            if kind == "iso":
                value = _safe_day(int(gd["y"]), int(gd["m"]), int(gd["d"]))
            elif kind in ("mdy", "dmy"):
                value = _safe_day(int(gd["y"]), MONTHS[gd["mon"].rstrip(".").lower()], int(gd["d"]))
            elif kind == "my":
                value, gran = _month_value(int(gd["y"]), MONTHS[gd["mon"].rstrip(".").lower()]), "month"
            elif kind in ("md", "dm"):
                relative = True
                mon = MONTHS[gd["mon"].rstrip(".").lower()]
                if kind == "md" and gd["mon"].rstrip(".").lower() == "may" and qual is None:
                    continue  # "May 5" fine, but guard the modal verb below
                month_value = _resolve_month(mon, published, future)
                value = _safe_day(int(month_value[:4]), mon, int(gd["d"])) if month_value else None
            elif kind == "rel":
                relative, gran = True, gd["unit"]
                value = _relative(gd["rel"].lower(), gd["unit"], published)
            elif kind == "relmon":
                relative, gran = True, "month"
                mon = MONTHS[gd["mon"].lower()]
                rel = gd["rel"].lower()
                if published is None:
                    value = None
                elif rel == "last":
                    y = published.year if mon < published.month else published.year - 1
                    value = _month_value(y, mon)
                elif rel == "next":
                    y = published.year if mon > published.month else published.year + 1
                    value = _month_value(y, mon)
                else:
                    value = _month_value(published.year, mon)
                qual = rel
            elif kind in ("mon", "monbare"):
                relative, gran = True, "month"
                value = _resolve_month(MONTHS[gd["mon"].lower()], published, future)
            elif kind == "ago":
                # "three years ago", "two years after Manila signed ...": counted back from publication
                if gd["dir"].lower() == "after" and not (
                    _PAST_CLAUSE.match(text, end) and _now_clause(text, start)
                ):
                    continue
                relative, gran = True, "year" if gd["unit"].lower().startswith("year") else "month"
                n = _NUMBERS.get(gd["n"].lower()) if not gd["n"].isdigit() else int(gd["n"])
                value = _relative_back(gran, n or 0, published)
            elif kind == "dow":
                relative = True
                value = _weekday(WEEKDAYS[gd["dow"].lower()], published, (qual or ""), future)
            elif kind == "day":
                relative = True
                offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[gd["word"].lower()]
                value = (published + timedelta(days=offset)).isoformat() if published else None
            else:  # year
                value, gran = gd["y"], "year"
            if value is None and not relative:
                continue
            occupied[start:end] = b"\x01" * (end - start)
            found.append(DateMention(text[start:end], start, end, value, gran, qual, relative))
    found.sort(key=lambda d: d.start)
    return found


def _relative(rel: str, unit: str, published: date | None) -> str | None:
    if published is None:
        return None
    step = {"this": 0, "coming": 1, "next": 1, "last": -1, "past": -1, "previous": -1}[rel]
    if unit == "year":
        return f"{published.year + step:04d}"
    if unit == "month":
        y, m = divmod(published.year * 12 + published.month - 1 + step, 12)
        return _month_value(y, m + 1)
    return (published + timedelta(weeks=step)).isoformat()


def _around(rx: re.Pattern[str], text: str, months: list[tuple[int, int]]) -> list[re.Match[str]]:
    """What ``rx.finditer(text)`` gives for a pattern that must contain a month name, found
    only near the month names (8 month patterns x the whole article was a tenth of the
    extractor's time); matches stay non-overlapping and in order."""
    out: list[re.Match[str]] = []
    last_end = -1
    n = len(text)
    for a, b in months:
        for m in rx.finditer(text, max(0, a - 16), min(n, b + 48)):
            if m.start() >= last_end and m.start() <= a < m.end():
                out.append(m)
                last_end = m.end()
    return out


def _now_clause(text: str, start: int) -> bool:
    """The sentence around "N years after ..." speaks of the present ("has taken delivery")."""
    before = text[max(0, start - 200) : start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    before = before[cut + 1 :]
    if before.strip():
        return bool(_NOW.search(before))
    after = text[start : start + 250]
    cut = after.find(". ")
    return bool(_NOW.search(after[: cut if cut >= 0 else None]))


def _relative_back(unit: str, n: int, published: date | None) -> str | None:
    if published is None:
        return None
    if unit == "year":
        return f"{published.year - n:04d}" if published.year - n >= 1 else None
    y, m = divmod(published.year * 12 + published.month - 1 - n, 12)
    return _month_value(y, m + 1) if y >= 1 else None


def _weekday(dow: int, published: date | None, qual: str, future: bool) -> str | None:
    """Most recent such weekday not after publication (the same weekday is the day itself).

    News says "said Tuesday" on the Tuesday it reports; "last Tuesday" is the week before.
    """
    if published is None:
        return None
    delta = (published.weekday() - dow) % 7
    if qual == "next":
        ahead = (dow - published.weekday()) % 7 or 7
        return (published + timedelta(days=ahead)).isoformat()
    if qual == "last" and delta == 0:
        delta = 7
    return (published - timedelta(days=delta)).isoformat()


_PUB_RE = re.compile(
    r"^\s*(?:(?P<mon>" + _MON + r")\s+(?P<d>[0-3]?\d),?\s+(?P<y>" + _YEAR + r")"
    r"|(?P<d2>[0-3]?\d)\s+(?P<mon2>" + _MON + r")\s+(?P<y2>" + _YEAR + r")"
    r"|(?P<iso>" + _YEAR + r"-\d\d-\d\d))\s*$"
)


def parse_date(text: str) -> date | None:
    """Parse a stand-alone date (front matter, JSON field, dateline): ISO or "May 26, 2026".

    Accepts an ISO datetime too (the date part is kept).  Returns None when unparseable.
    """
    text = text.strip().strip("\"'")
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?$", text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    m = _PUB_RE.match(text)
    if not m:
        return None
    try:
        if m["mon"]:
            return date(int(m["y"]), MONTHS[m["mon"].rstrip(".").lower()], int(m["d"]))
        if m["mon2"]:
            return date(int(m["y2"]), MONTHS[m["mon2"].rstrip(".").lower()], int(m["d2"]))
    except ValueError:
        return None
    return None


def find_dateline(text: str, max_lines: int = 6) -> date | None:
    """A publication date standing alone on one of the first lines (news "dateline").

    The seed article has "May 26, 2026" on its own line under the headline.  Only whole
    lines count, so a date inside a sentence is never taken for the publication date.
    """
    for line in text.splitlines()[: max_lines * 3]:
        if not line.strip():
            continue
        got = parse_date(line)
        if got:
            return got
        max_lines -= 1
        if max_lines <= 0:
            break
    return None
