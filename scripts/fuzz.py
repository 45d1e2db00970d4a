"""Fuzz the extractor and the SIPRI parser/mapper with generated input; report crashes and time.

Articles: mutations of the fixture articles (tests/fixtures/articles: cut, shuffled,
duplicated sentences, swapped entity names, injected numbers, currencies, dates, markup,
control characters) and random text mixing entity names, numbers, currencies and dates,
through :func:`kg.extract.extract`.  SIPRI: generated 16- and 17-column rows (good rows
with random bad cells, wrong widths, quotes, odd delimiters) through the row parser and
the release mapping.  A crash is any exception; bad input must be reported, not raised.

    python scripts/fuzz.py [--articles 10000] [--rows 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "tests" / "fixtures" / "articles"

NAMES = [
    "India",
    "France",
    "Russia",
    "the United States",
    "China",
    "Pakistan",
    "Poland",
    "South Korea",
    "Turkey",
    "Greece",
    "Egypt",
    "Indonesia",
    "Ukraine",
    "Germany",
    "Israel",
    "the Philippines",
    "Dassault",
    "Lockheed Martin",
    "Hyundai Rotem",
    "Rafale",
    "S-400",
    "F-35",
    "K2",
    "BrahMos",
    "Su-57",
    "MQ-9B",
    "Leopard 2",
    "Javelin",
    "TB2",
    "Tejas",
    "Mogami",
    "New Delhi",
    "Moscow",
    "Washington",
    "DSCA",
]
VERBS = [
    "signed a contract with",
    "ordered",
    "will buy",
    "delivered",
    "received",
    "agreed to sell",
    "cancelled",
    "is negotiating with",
    "took delivery of",
    "approved the sale of",
    "denied buying",
    "offered",
]
NUMBERS = ["36", "two", "a dozen", "1,200", "0", "-5", "3.5", "10^9", "99999999999999999999", "½", "٣٦"]
MONEY = [
    "$5.4 billion",
    "€7.87bn",
    "INR 390 billion",
    "Rs 59,000 crore",
    "£1 million",
    "$3-5.4 b",
    "¥1e9",
    "USD 0.000001",
    "€",
    "$$$",
    "9,99,99,999 rupees",
    "EUR7.8 b",
]
DATES = [
    "2016-09-23",
    "September 23, 2016",
    "23 Sept 2016",
    "last year",
    "in 2099",
    "on 31 February 2020",
    "Friday",
    "0000-00-00",
    "in 1066",
    "next month",
    "2016/09/23",
    "Q3 2024",
]
NOISE = [
    "<script>alert(1)</script>",
    "\x00",
    "\u202e",
    "\ufeff",
    "\r\n",
    "\t",
    "\u2028",
    '"',
    "\\",
    "…",
    "(",
    ")",
    "[",
    "]",
    "--",
    ";",
    "'",
    "‘’“”",
    "  ",
    "\n\n\n",
    "#",
    "*",
    "|",
    "=" * 40,
]


@dataclass
class FuzzResult:
    tried: int = 0
    crashes: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)  # first few crash reports

    def crash(self, what: str) -> None:
        self.crashes += 1
        if len(self.examples) < 5:
            self.examples.append(what + "\n" + traceback.format_exc(limit=4))


def _sentence(rng: random.Random) -> str:
    parts = [
        rng.choice(NAMES),
        rng.choice(VERBS),
        rng.choice(NUMBERS),
        rng.choice(NAMES),
        "from",
        rng.choice(NAMES),
        "for",
        rng.choice(MONEY),
        rng.choice(DATES),
    ]
    if rng.random() < 0.3:
        parts.insert(rng.randrange(len(parts)), rng.choice(NOISE))
    if rng.random() < 0.2:
        rng.shuffle(parts)
    return " ".join(parts) + rng.choice([".", "!", "?", "", "...", ";"])


def _mutate(text: str, rng: random.Random) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    op = rng.randrange(8)
    if op == 0:  # cut anywhere (mid-word, mid-number)
        return text[: rng.randrange(len(text) + 1)]
    if op == 1:
        rng.shuffle(sentences)
    elif op == 2:
        sentences = sentences * rng.randint(2, 5)
    elif op == 3:  # swap entity names
        for _ in range(rng.randint(1, 6)):
            text = text.replace(rng.choice(NAMES), rng.choice(NAMES))
        return text
    elif op == 4:  # inject generated sentences
        for _ in range(rng.randint(1, 5)):
            sentences.insert(rng.randrange(len(sentences) + 1), _sentence(rng))
    elif op == 5:  # sprinkle noise characters
        chars = list(text)
        for _ in range(rng.randint(1, 30)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(NOISE))
        return "".join(chars)
    elif op == 6:  # numbers and currencies replaced
        return re.sub(r"\d[\d,.]*", lambda _m: rng.choice(NUMBERS + MONEY), text)
    else:  # drop sentences
        sentences = [s for s in sentences if rng.random() < 0.6]
    return " ".join(sentences)


def generate_articles(n: int, seed: int = 1):
    """``n`` generated :class:`kg.extract.Article` objects (mutated fixtures and random text)."""
    from kg.extract import Article, read_articles

    fixtures = [
        a
        for p in sorted(ARTICLES.iterdir())
        if not p.name.endswith(".expected.json")
        for a in read_articles(p)
        if isinstance(a, Article)
    ]
    rng = random.Random(seed)
    for i in range(n):
        if i % 3 == 2 or not fixtures:
            text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 25)))
        else:
            text = _mutate(rng.choice(fixtures).text, rng)
        published = rng.choice([None, date(2016, 9, 23), date(1950, 1, 1), date.today()])
        yield Article(text=text or " ", published=published, url=f"https://example.org/fuzz/{i}")


def fuzz_articles(n: int, seed: int = 1) -> FuzzResult:
    """Run the extractor on ``n`` generated articles; any exception is a crash."""
    from kg.extract import extract

    res = FuzzResult()
    started = time.perf_counter()
    for article in generate_articles(n, seed):
        res.tried += 1
        try:
            for claim in extract(article):
                claim.to_dict()  # what the RDF mapping reads
        except Exception:
            res.crash(f"article {article.url}: {article.text[:200]!r}")
    res.seconds = time.perf_counter() - started
    return res


HEADER16 = (
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
    "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,"
    "SIPRI TIV of delivered weapons"
)
CELLS16 = [
    ["India", "Pakistan", "unknown recipient(s)", "Hamas*", "UN**", "Atlantis", "", "Côte d'Ivoire"],
    ["Russia", "France", "unknown supplier(s)", "Soviet Union", "Hezbollah*", "", "Narnia"],
    ["2018", "1950", "20x8", "", "3000", "-1", "2018.5"],
    ["", "?", "x"],
    ["10", "", "abc", "-3", "1e9", "99999999999999999999"],
    ["", "?"],
    ["S-400 Triumf", "Rafale -", "  ", "<script>", 'K2 "Black Panther"', "Mi-17\x00"],
    ["SAM system", "FGA aircraft", "", "tank", "ship engine"],
    ["6", "", "0", "x", "-1"],
    ["", "?"],
    ["2021; 2022", "2021", "", "2021;;2022", "twenty", "1999; 2050; 3000"],
    ["New", "Second hand", "", "?"],
    ["$5.4 b deal", "INR390 b ($5.4 b) deal", "", "EUR7.8 b", "$3-5.4 b deal", "part of $120 m deal", "¥"],
    ["65", "0", "", "0.9", "abc", "-1"],
    ["650", "", "1e3", "0"],
    ["390", "", "NaN", "0"],
]


def _row16(rng: random.Random) -> str:
    # mostly the valid first value of a column, sometimes anything from it
    cells = [col[0] if rng.random() < 0.9 else rng.choice(col) for col in CELLS16]
    r = rng.random()
    if r < 0.05:
        cells = cells[: rng.randrange(16)]
    elif r < 0.1:
        cells += [rng.choice(NOISE) for _ in range(rng.randint(1, 3))]
    elif r < 0.15:
        return ";".join(cells)
    elif r < 0.2:
        k = rng.randrange(len(cells))
        cells[k] = '"' + cells[k] + rng.choice(['"', "", ',"', '""'])
    return ",".join(cells)


def generate_sipri_rows(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [_row16(rng) for _ in range(n)]


def fuzz_sipri_rows(n: int, seed: int = 1, chunk: int = 100) -> FuzzResult:
    """Parse and map ``n`` generated 16-column rows, ``chunk`` rows per generated file."""
    from kg.ingest.sipri.formats import LayoutError, parse_bytes
    from kg.ingest.sipri.mapping import map_release

    rows = generate_sipri_rows(n, seed)
    res = FuzzResult()
    started = time.perf_counter()
    for k in range(0, len(rows), chunk):
        part = rows[k : k + chunk]
        data = (
            "Transfers of major conventional arms (fuzz)\n\nData generated: 01 Jan 2025 1:00:00 AM\n"
            + HEADER16
            + "\n"
            + "\n".join(part)
            + "\n"
        ).encode("utf-8", "surrogatepass")
        res.tried += len(part)
        try:
            parsed = parse_bytes(data, f"<fuzz {k}>")
            mapped = map_release(parsed)
            mapped.ntriples()
        except LayoutError:
            pass  # a reported refusal, not a crash
        except Exception:
            res.crash(f"rows {k}..{k + len(part)}: {part[:3]!r}")
    res.seconds = time.perf_counter() - started
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    fa = fuzz_articles(a.articles, a.seed)
    print(
        f"articles: {fa.tried} tried, {fa.crashes} crashes, {fa.seconds:.1f} s "
        f"({fa.tried / max(fa.seconds, 1e-9):.0f}/s)"
    )
    fs = fuzz_sipri_rows(a.rows, a.seed)
    print(
        f"SIPRI rows: {fs.tried} tried, {fs.crashes} crashes, {fs.seconds:.1f} s "
        f"({fs.tried / max(fs.seconds, 1e-9):.0f}/s)"
    )
    for ex in fa.examples + fs.examples:
        print("---\n" + ex, file=sys.stderr)
    return 1 if fa.crashes or fs.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
