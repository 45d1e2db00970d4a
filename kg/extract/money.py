"""Money expressions in news text: ``$5.4 billion``, ``Rs 40,000 crore``, ``€7.4bn``.

Why our own regex: off-the-shelf price parsers ignore the scale words news uses (billion,
bn, crore, lakh crore) and return raw symbols instead of ISO 4217 codes (see
``shared/design/nlp-notes.md``).  The table below is the whole vocabulary; anything else is
not money.

Amounts are returned as :class:`decimal.Decimal` so ``5.4 billion`` is exactly
``5400000000`` (floats would give ``5400000000.000001``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from kg.extract._fastre import BoundaryScan, LowerRx, front_guard

#: Currency symbols/prefixes written *before* the number -> ISO 4217.  Longer first.
_PREFIX = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "S$": "SGD",
    "EUR": "EUR",
    "€": "EUR",
    "GBP": "GBP",
    "£": "GBP",
    "INR": "INR",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "CHF": "CHF",
    "SEK": "SEK",
    "NOK": "NOK",
    "DKK": "DKK",
    "PLN": "PLN",
    "RUB": "RUB",
    "JPY": "JPY",
    "¥": "JPY",
    "KRW": "KRW",
    "₩": "KRW",
    "AUD": "AUD",
    "CAD": "CAD",
    "TRY": "TRY",
    "ILS": "ILS",
    "NIS": "ILS",
    "₪": "ILS",
    "NT$": "TWD",
    "TWD": "TWD",
    "SGD": "SGD",
    "NZD": "NZD",
    "Euros": "EUR",
    "Euro": "EUR",
    "R$": "BRL",
    "BRL": "BRL",
    "SAR": "SAR",
    "AED": "AED",
    # South and South-East Asian news writes these before the number ("Tk 1,200 crore", "RM1.2 billion")
    "Tk": "BDT",
    "BDT": "BDT",
    "PKR": "PKR",
    "RM": "MYR",
    "MYR": "MYR",
    "Rp": "IDR",
    # ISO codes of other arms-buying states, as news writes them before the number ("RON 1.2 billion")
    "RON": "RON",
    "CZK": "CZK",
    "HUF": "HUF",
    "BGN": "BGN",
    "UAH": "UAH",
    "ZAR": "ZAR",
    "EGP": "EGP",
    "PHP": "PHP",
    "THB": "THB",
    "VND": "VND",
    "CNY": "CNY",
    "IDR": "IDR",
    "CLP": "CLP",
    "COP": "COP",
    "MXN": "MXN",
    "QAR": "QAR",
    "KWD": "KWD",
    "NGN": "NGN",
    "MAD": "MAD",
    "DZD": "DZD",
    # more ISO codes and symbols written before the number ("RMB 2 billion", "₺1.2 billion")
    "RMB": "CNY",
    "HK$": "HKD",
    "HKD": "HKD",
    "E£": "EGP",
    "₺": "TRY",
    "₱": "PHP",
    "₦": "NGN",
    "₴": "UAH",
    "₽": "RUB",
    "₫": "VND",
    "₸": "KZT",
    "ARS": "ARS",
    "PEN": "PEN",
    "KES": "KES",
    "KZT": "KZT",
    "AZN": "AZN",
    "IQD": "IQD",
    "JOD": "JOD",
    "OMR": "OMR",
    "BHD": "BHD",
    "LKR": "LKR",
    "MMK": "MMK",
    "RSD": "RSD",
    "TND": "TND",
}
#: Currency words written *after* the number ("1.5 billion euros").
_SUFFIX = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "rupees": "INR",
    "rupee": "INR",
    "inr": "INR",
    "rubles": "RUB",
    "roubles": "RUB",
    "rub": "RUB",
    "swiss francs": "CHF",
    "francs": "CHF",
    "chf": "CHF",
    "yen": "JPY",
    "won": "KRW",
    "zlotys": "PLN",
    "zloty": "PLN",
    "pln": "PLN",
    "kronor": "SEK",
    "crowns": "SEK",
    "sek": "SEK",
    "baht": "THB",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "taiwan dollars": "TWD",
    "new taiwan dollars": "TWD",
    "norwegian kroner": "NOK",
    "norwegian crowns": "NOK",
    "nok": "NOK",
    "danish kroner": "DKK",
    "danish crowns": "DKK",
    "dkk": "DKK",
    "swedish kronor": "SEK",
    "swedish krona": "SEK",
    "swedish crowns": "SEK",
    "shekels": "ILS",
    "new shekels": "ILS",
    "nis": "ILS",
    "ils": "ILS",
    "korean won": "KRW",
    "south korean won": "KRW",
    "krw": "KRW",
    "japanese yen": "JPY",
    "jpy": "JPY",
    "turkish lira": "TRY",
    "lira": "TRY",
    "liras": "TRY",
    "brazilian reais": "BRL",
    "reais": "BRL",
    "riyals": "SAR",
    "saudi riyals": "SAR",
    "dirhams": "AED",
    "aud": "AUD",
    "cad": "CAD",
    "czech crowns": "CZK",
    "czech korunas": "CZK",
    "czech koruna": "CZK",
    "korunas": "CZK",
    "koruna": "CZK",
    "czk": "CZK",
    "lei": "RON",
    "romanian lei": "RON",
    "ron": "RON",
    "taka": "BDT",
    "bdt": "BDT",
    "forints": "HUF",
    "hungarian forints": "HUF",
    "huf": "HUF",
    "rupiah": "IDR",
    "idr": "IDR",
    "philippine pesos": "PHP",
    "ringgit": "MYR",
    "rand": "ZAR",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    # a state's own currency named with its adjective: stated first, it is the deal's currency
    "egyptian pounds": "EGP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "naira": "NGN",
    "indian rupees": "INR",
    "pakistani rupees": "PKR",
    "sri lankan rupees": "LKR",
    "nepalese rupees": "NPR",
    "qatari riyals": "QAR",
    "omani rials": "OMR",
    "moroccan dirhams": "MAD",
    "emirati dirhams": "AED",
    "uae dirhams": "AED",
    "algerian dinars": "DZD",
    "kuwaiti dinars": "KWD",
    "iraqi dinars": "IQD",
    "jordanian dinars": "JOD",
    "serbian dinars": "RSD",
    "tunisian dinars": "TND",
    "bahraini dinars": "BHD",
    "kenyan shillings": "KES",
    "tenge": "KZT",
    "leva": "BGN",
    "bulgarian leva": "BGN",
    "colombian pesos": "COP",
    "mexican pesos": "MXN",
    "chilean pesos": "CLP",
    "argentine pesos": "ARS",
    "peruvian soles": "PEN",
    "soles": "PEN",
    "hong kong dollars": "HKD",
    "vietnamese dong": "VND",
    "kyat": "MMK",
    "birr": "ETB",
    "złoty": "PLN",
    "polish zlotys": "PLN",
    "indonesian rupiah": "IDR",
    "thai baht": "THB",
    "malaysian ringgit": "MYR",
    "south african rand": "ZAR",
}
#: Currency words several states share, read for the deal's party whose currency it is ("150 billion
#: crowns" in a Czech purchase is CZK, "16.5 trillion pesos" in a Colombian one COP).  The word's
#: entry in :data:`_SUFFIX` (if any) is the reading when no party of the deal uses it.
_SHARED = {
    "crowns": {"CZE": "CZK", "NOR": "NOK", "DNK": "DKK", "SWE": "SEK", "ISL": "ISK"},
    "kroner": {"NOR": "NOK", "DNK": "DKK"},
    "krone": {"NOR": "NOK", "DNK": "DKK"},
    "pesos": {
        "COL": "COP",
        "MEX": "MXN",
        "CHL": "CLP",
        "ARG": "ARS",
        "PHL": "PHP",
        "URY": "UYU",
        "DOM": "DOP",
    },
    "dinars": {
        "DZA": "DZD",
        "IRQ": "IQD",
        "JOR": "JOD",
        "KWT": "KWD",
        "SRB": "RSD",
        "TUN": "TND",
        "BHR": "BHD",
        "LBY": "LYD",
    },
    "riyals": {"SAU": "SAR", "QAT": "QAR", "OMN": "OMR", "YEM": "YER"},
    "rials": {"OMN": "OMR", "IRN": "IRR", "YEM": "YER"},
    "dirhams": {"ARE": "AED", "MAR": "MAD"},
    "rupees": {"IND": "INR", "PAK": "PKR", "LKA": "LKR", "NPL": "NPR"},
    "francs": {"CHE": "CHF"},
}
#: the shared words with no default reading of their own (money only where a party uses them)
_SHARED_ONLY = ("kroner", "krone", "pesos", "dinars", "rials")

#: Scale words -> multiplier.  Compound Indian scales first.
_SCALE = {
    "lakh crore": Decimal(10) ** 12,
    "lakh crores": Decimal(10) ** 12,
    "thousand crore": Decimal(10) ** 10,
    "thousand crores": Decimal(10) ** 10,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "cr": Decimal(10) ** 7,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
}

#: Upper bound for a single amount (about a hundred trillion): larger numbers are noise.
MAX_AMOUNT = Decimal(10) ** 14


def _alt(keys) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


# Number: 5.4 / 40,000 / 1,30,000 (Indian grouping) / 5
_NUM = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_RE = _alt(_SCALE)
_SUFFIX_ALL = {**_SUFFIX, **{w: "" for w in _SHARED_ONLY}}
_MONEY_RE = re.compile(
    r"(?<![\w$€£₹¥₩])"
    r"(?:(?P<pre>" + _alt(_PREFIX) + r")\s?(?P<num1>" + _NUM + r")"
    r"(?:[\s-]?(?P<scale1>" + _SCALE_RE + r"))?(?![\w])"
    r"|(?P<num2>" + _NUM + r")[\s-]?(?P<scale2>" + _SCALE_RE + r")?\s(?P<suf>" + _alt(_SUFFIX_ALL) + r")\b)",
    re.IGNORECASE,
)

_LEAD = r"(?<![\w$€£₹¥₩])"


def _scan_pattern() -> str:
    """:data:`_MONEY_RE` with a guard on the first characters a match can start with after its lookbehind.

    Why: the lookbehind hides the first character from re, which then enters the pattern at every
    position of an article and tries the ninety currency prefixes one by one; the guard
    (:func:`kg.extract._fastre.front_guard`: a trie of the prefixes' first three characters, or a
    digit) rejects a position after a character test or two.  It is implied by the alternatives
    (same matches, tests/extract/test_money.py) and, under ``re.IGNORECASE``, folds as they do.
    """
    pattern = _MONEY_RE.pattern
    assert pattern.startswith(_LEAD + "(?:") and pattern.endswith(")"), pattern[:40]
    body = pattern[len(_LEAD) :]
    return _LEAD + front_guard([body[3:-1]]) + body


_MONEY_RX = LowerRx(_scan_pattern(), _MONEY_RE.flags)
#: the same matches, found from the character before each (kg.extract._fastre.BoundaryScan: re enters
#: the pattern after a space or a punctuation mark only, not at every position of the article)
_MONEY_SCAN = BoundaryScan(_LEAD[5:-2], _scan_pattern()[len(_LEAD) :], _MONEY_RE.flags)
_CASE_SENSITIVE_PREFIX = {
    "Rs",
    "Rs.",
    "USD",
    "EUR",
    "GBP",
    "INR",
    "CHF",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "RUB",
    "JPY",
    "KRW",
    "AUD",
    "CAD",
    "TRY",
    "ILS",
    "NIS",
    "TWD",
    "SGD",
    "NZD",
    "BRL",
    "SAR",
    "AED",
    "Tk",
    "BDT",
    "PKR",
    "RM",
    "MYR",
    "Rp",
    "RMB",
    "HKD",
    "ARS",
    "PEN",
    "KES",
    "KZT",
    "AZN",
    "IQD",
    "JOD",
    "OMR",
    "BHD",
    "LKR",
    "MMK",
    "RSD",
    "TND",
}


@dataclass(frozen=True, slots=True)
class Money:
    """One money mention: ``amount`` in units of ``currency`` (ISO 4217), with its span."""

    amount: Decimal
    currency: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        """JSON form: integral amounts as int, others as float."""
        return {"amount": amount_json(self.amount), "currency": self.currency}


def amount_json(amount: Decimal) -> int | float:
    """An amount as a JSON number (int when integral, so 5.4 billion prints as 5400000000)."""
    integral = amount.to_integral_value()
    return int(integral) if integral == amount else float(amount)


_SPACES = re.compile(r"\s+")


def _scale(word: str | None) -> Decimal:
    if not word:
        return Decimal(1)
    # casefold, not lower: under re.IGNORECASE the long s and the Kelvin sign match "s" and "k"
    # ("thouſand"), and lower() keeps them, so the scale would silently fall back to 1
    key = _SPACES.sub(" ", word.casefold())
    return _SCALE.get(key, Decimal(1))


def find_money(text: str) -> list[Money]:
    """Every money mention in ``text`` with exact offsets, in order of appearance.

    A bare ``m``/``b``/``k`` scale only counts when glued to the number (``$300m``), so
    ``$5 in many`` does not become five million.  Acronym prefixes (``Rs``, ``EUR``) are
    case-sensitive so the word ``rs`` or ``eur`` inside prose never matches.
    """
    out: list[Money] = []
    for m, g in _MONEY_SCAN.finditer(text):
        # group text may be lowercased (see kg.extract._fastre): the prefix comes from the text
        pre_start, pre_end = m.span("pre")
        pre = text[pre_start:pre_end] if pre_start >= 0 else None
        if pre is not None:
            # casefold: re.IGNORECASE lets "Euroſ" (long s) match "Euros"; lower() would not find it
            canon = next((k for k in _PREFIX if k.casefold() == pre.casefold()), None)
            if canon is None or (canon in _CASE_SENSITIVE_PREFIX and pre != canon):
                continue
            currency = _PREFIX[canon]
            num, scale = m.group("num1"), m.group("scale1")
        else:
            suf = m.group("suf").casefold()
            currency = _SUFFIX_ALL.get(suf)
            if currency is None:
                currency = next((v for k, v in _SUFFIX_ALL.items() if k.casefold() == suf), None)
            if currency is None:
                continue
            num, scale = m.group("num2"), m.group("scale2")
        end = m.end(g)
        if scale and scale.lower() in {"m", "b", "k"}:
            # single-letter scales must be glued to the number: "$300m", not "$300 m"
            # ("cr" and "tn" are no English words: "Rs 500 cr" is 500 crore).
            scale_start = m.start("scale1") if pre is not None else m.start("scale2")
            if text[scale_start - 1].isspace():
                if pre is None:
                    continue
                scale, end = None, scale_start - 1
        if pre is not None and pre.lower().startswith("euro") and not scale:
            continue  # "Euro 8 billion" is money, "Euro 2024" is a tournament
        try:
            value = Decimal(num.replace(",", "")) * _scale(scale)
        except InvalidOperation:  # pragma: no cover - the regex only admits digits
            continue
        if value <= 0 or value > MAX_AMOUNT:
            continue
        out.append(Money(value, currency, text[m.start(g) : end], m.start(g), end))
    words = _word_money(text) + _token_price(text)
    if words:
        taken = [(mo.start, mo.end) for mo in out]
        out += [w for w in words if all(w.end <= x or w.start >= y for x, y in taken)]
        out.sort(key=lambda mo: mo.start)
    return out


#: amounts in words: "a billion dollars", "one billion euros", "half a billion dollars", "two million pounds"
_WORD_AMOUNT = {
    "half a": Decimal("0.5"),
    "a": Decimal(1),
    "one": Decimal(1),
    "two": Decimal(2),
    "three": Decimal(3),
    "four": Decimal(4),
    "five": Decimal(5),
    "six": Decimal(6),
    "seven": Decimal(7),
    "eight": Decimal(8),
    "nine": Decimal(9),
    "ten": Decimal(10),
}
#: the count in words before a scale ending at the scale word's "illion": "half a b", "two m"
_WORD_LEFT = re.compile(r"(?:^|(?<=\W))(?P<num>" + _alt(_WORD_AMOUNT) + r")\s+(?:tr|b|m)$", re.IGNORECASE)
#: the scale's end and the currency word after it: "illion dollars"
_WORD_RIGHT = re.compile(r"illion\s+(?P<suf>" + _alt(_SUFFIX) + r")\b", re.IGNORECASE)
_SCALE_OF = {"tr": Decimal(10) ** 12, "b": Decimal(10) ** 9, "m": Decimal(10) ** 6}


def _word_money(text: str) -> list[Money]:
    """Sums whose number is a word ("a billion dollars"): rare, so each "illion" found by a plain
    string search is looked at (a regex over the whole text costs as much as the money scan)."""
    out = []
    low = text.lower()
    i = low.find("illion")
    while i >= 0:
        left = _WORD_LEFT.search(text, max(0, i - 16), i)
        right = _WORD_RIGHT.match(text, i) if left is not None else None
        if left is not None and right is not None:
            currency = _SUFFIX.get(right.group("suf").casefold())
            head = low[left.start("num") : left.end()].split()[-1]  # "tr", "b" or "m"
            scale = _SCALE_OF.get(head)
            if currency is not None and scale is not None:
                amount = _WORD_AMOUNT[_SPACES.sub(" ", left.group("num").lower())] * scale
                start = left.start("num")
                out.append(Money(amount, currency, text[start : right.end()], start, right.end()))
        i = low.find("illion", i + 6)
    return out


#: a symbolic price in words: "for a symbolic one euro", "for one dollar", "for a token pound".
#: Case-insensitive on lowercased text (LowerRx: group text lowercase, offsets kept); "f" first and the
#: "no word before" check after it (``\bfor``), so re skips from one "f" of the article to the next
_TOKEN_PRICE = LowerRx(
    r"f(?<!\wf)or\s+(?P<num>a\s+(?:symbolic|token|nominal|single)\s+(?:one\s+)?|"
    r"(?:a\s+)?(?:symbolic\s+|token\s+|nominal\s+)?one\s+|a\s+)"
    r"(?P<suf>euro|dollar|pound|franc|zloty)\b"
)


def _token_price(text: str) -> list[Money]:
    """A transfer for a symbolic unit of currency, written in words ("sold for one euro"):
    the deal's value is that one unit (a plain string test first: the wording is rare)."""
    low = text.lower()
    if "for " not in low or not any(w in low for w in (" euro", " dollar", " pound", " franc", " zloty")):
        return []
    out = []
    for m in _TOKEN_PRICE.finditer(text):
        word = m.group("suf").lower()
        currency = _SUFFIX.get(word + "s") or _SUFFIX.get(word)
        if currency:
            out.append(Money(Decimal(1), currency, text[m.start("num") : m.end()], m.start("num"), m.end()))
    return out


def local_currency(money: Money, isos: list[str | None]) -> Money | None:
    """``money`` read in the currency of the first of ``isos`` (the deal's buyer, then its supplier)
    that uses its shared currency word ("crowns", "pesos"); unchanged for other sums, and None for a
    word no party uses and that has no default reading ("pesos" in a deal of two euro states)."""
    word = next((w for w in _SHARED if money.text.casefold().endswith(" " + w)), None)
    if word is None:
        return money if money.currency else None
    currency = next((_SHARED[word][iso] for iso in isos if iso in _SHARED[word]), money.currency)
    if not currency:
        return None
    return money if currency == money.currency else replace(money, currency=currency)


def parse_money(text: str) -> Money | None:
    """The first money mention in ``text`` (convenience for tests and callers)."""
    found = find_money(text)
    return found[0] if found else None
