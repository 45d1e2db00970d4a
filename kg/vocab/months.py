"""English month and weekday names, lower case: the one definition.

Why here (layer 1): the extractor parses dates with them and refuses them as system names,
and the evidence read model (:mod:`kg.analysis.evidence`) looks for them in a sentence; the
lowest layer both may import keeps one list instead of copies that can drift.  Not taken
from :mod:`calendar`, whose names follow the process locale: news text is English.
"""

from __future__ import annotations

#: "january" ... "december"; index + 1 is the month number
MONTH_NAMES: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
#: "monday" ... "sunday"; the index is ``date.weekday()``
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
#: month and weekday names together: words that are dates, never names of things
CALENDAR_WORDS: frozenset[str] = frozenset(MONTH_NAMES + WEEKDAY_NAMES)
