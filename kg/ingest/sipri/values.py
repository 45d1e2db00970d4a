"""Deal values written in SIPRI Comments: ``INR390 b ($5.4 b) deal``, ``EUR7.8 b deal``.

SIPRI's Comments use a small, regular notation: a currency code glued to the number
(``$``, ``EUR``, ``GBP``, old codes such as ``FFR`` or ``DM``), an optional range
(``$3-5.4 b``), a scale letter (``m`` million, ``b`` billion) and a noun that says what
the amount is (``deal``, ``aid``, ``lease``, ``contract``).  A US-dollar conversion may
follow in brackets: ``INR390 b ($5.4 b) deal``.

Decisions (documented in the importer report and tests):

* The *first* currency is the primary value (``kg:valueAmount`` + ``kg:valueCurrency``
  as ISO 4217); a ``$`` figure, primary or in brackets, also gives ``kg:valueUSD``.
* A range keeps its lower bound as the amount and its upper bound as ``amount_max``
  (SIPRI's "at least" reading; the text is kept verbatim in ``kg:valueText``).
* ``Part of $2.4 b deal`` is the value of a larger package, not of this deal: the text is
  kept (``part_of=True``) but no amount is asserted for the deal.
* ``offsets $845 m`` and similar side amounts are never taken as the deal value.
* An unrecognised currency code keeps the text only (no amount with a guessed currency).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pycountry

#: SIPRI spellings that are not ISO 4217 codes -> ISO 4217 (historic codes for old deals).
SIPRI_CURRENCIES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "FFR": "FRF",
    "DM": "DEM",
    "DKR": "DKK",
    "BFR": "BEF",
    "HFL": "NLG",
    "NKR": "NOK",
    "SKR": "SEK",
    "SFR": "CHF",
    "RMB": "CNY",
    "NIS": "ILS",
    "TB": "THB",
}
#: Pre-euro and other withdrawn ISO 4217 codes that old SIPRI deals are quoted in.
HISTORIC_CURRENCIES = frozenset(
    (
        "FRF",
        "DEM",
        "BEF",
        "NLG",
        "ESP",
        "FIM",
        "ITL",
        "ATS",
        "PTE",
        "IEP",
        "GRD",
        "EEK",
        "LTL",
        "LVL",
        "SKK",
        "SIT",
        "HRK",
    )
)
#: ISO 4217 codes accepted as written: pycountry's current list plus the historic codes.
ISO_CURRENCIES = frozenset(c.alpha_3 for c in pycountry.currencies) | HISTORIC_CURRENCIES

_SCALES = {"b": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "m": Decimal(10) ** 6, "k": Decimal(10) ** 3}
_NUM = r"\d+(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?P<cur>US\$|\$|\b[A-Z]{{2,3}})\s?(?P<lo>{_NUM})(?:\s?-\s?(?P<hi>{_NUM}))?\s?(?P<scale>bn|b|m|k)\b"
)
_USD_AFTER = re.compile(
    rf"^\s*\(\s*(?:US)?\$\s?(?P<lo>{_NUM})(?:\s?-\s?(?P<hi>{_NUM}))?\s?(?P<scale>bn|b|m|k)\b"
)
_SIDE = re.compile(r"(offsets?|incl|including|debt|payment)\s*$", re.I)
_PART_OF = re.compile(r"\bpart of\b", re.I)
_WORTH = re.compile(r"\b(worth|value[ds]?|valued at|cost)\s*$", re.I)


@dataclass(frozen=True)
class DealValue:
    """A value found in Comments; amounts in whole currency units (Decimal, exact)."""

    text: str  # the Comments segment it came from, verbatim
    amount: Decimal | None  # None when only text is kept (part of a package, odd currency)
    amount_max: Decimal | None  # upper bound of a range
    currency: str | None  # ISO 4217
    usd: Decimal | None  # a US-dollar figure when one is given (primary or in brackets)
    part_of: bool = False


def _currency(code: str) -> str | None:
    code = code.strip()
    if code in SIPRI_CURRENCIES:
        return SIPRI_CURRENCIES[code]
    return code if code in ISO_CURRENCIES else None


def _amount(number: str, scale: str) -> Decimal:
    return (Decimal(number) * _SCALES[scale]).normalize()


def parse_value(comments: str) -> DealValue | None:
    """The deal value stated in Comments, or None.  Never raises on any string."""
    if not comments or not isinstance(comments, str):
        return None
    # One scan of the whole text first: an amount never spans a ';' and keeps its word
    # boundaries inside its segment, so a text without one has no value (most Comments).
    if _MONEY.search(comments) is None:
        return None
    for segment in comments.split(";"):
        segment = segment.strip()
        found = _segment_value(segment)
        if found is not None:
            return found
    return None


_TAIL_NOUN = re.compile(
    rf"^\s*(?:or\s+(?:US\$|\$|[A-Z]{{2,3}})\s?{_NUM}\s?(?:bn|b|m|k)\s+)?(?:'[^']*'\s+)?"
    r"(?:[A-Z]{2,5}\s+)?(?:deal|deals|contract|aid|lease|package|programme|program|order|sale)\b"
    r"|^\s*\d+-year\s+lease\b",
    re.I,
)


def _segment_value(segment: str) -> DealValue | None:
    for match in _MONEY.finditer(segment):
        before = segment[: match.start()]
        if _SIDE.search(before):
            continue  # "offsets $845 m", "incl $267 m debt payment"
        rest = segment[match.end() :]
        usd_match = _USD_AFTER.match(rest)
        tail = rest[usd_match.end() :].lstrip(" )") if usd_match else rest
        # Only an amount that says what it is counts: "$45 m deal", "Deal worth $20 m".
        if not (_TAIL_NOUN.match(tail) or _WORTH.search(before)):
            continue
        currency = _currency(match.group("cur"))
        lo, hi, scale = match.group("lo"), match.group("hi"), match.group("scale")
        if _PART_OF.search(before):
            return DealValue(segment, None, None, currency, None, part_of=True)
        amount = _amount(lo, scale) if currency else None
        amount_max = _amount(hi, scale) if currency and hi else None
        usd: Decimal | None = None
        if currency == "USD":
            usd = amount
        elif usd_match:
            usd = _amount(usd_match.group("lo"), usd_match.group("scale"))
        return DealValue(segment, amount, amount_max, currency, usd)
    return None
