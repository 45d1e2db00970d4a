#!/usr/bin/env python3
"""A labelled set of article pairs for near-duplicate detection, generated deterministically.

Own-words paragraph templates (below) are filled with a deal (buyer, supplier, system,
quantity, value, year ...) to make *stories*; every story of one deal uses its own
paragraphs (at most one shared with another story of that deal, as background sentences
are in real coverage).  Pairs, each labelled ``same`` (one story) or not:

* ``reprint`` (same): an edited reprint of a story: a new headline, one or two paragraphs
  dropped or the story trimmed to its first half, paragraphs reordered, a few words
  changed, another site's boilerplate added (navigation, newsletter, share lines);
* ``same_deal`` (hard negative): two different stories about the same deal;
* ``same_site`` (hard negative): two different stories in one site's template (the same
  boilerplate around both);
* ``unrelated`` (easy negative): different deals, different sites.

``python scripts/gen_dedup_pairs.py`` prints the counts; ``--jsonl FILE`` writes the pairs.
scripts/bench_feeds.py and tests/feeds/test_dedup.py measure kg.feeds.dedup on them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass

SEED = 15

PARAGRAPHS = [
    "{buyer} has signed a contract with {supplier} for {qty} {system} {cat}, officials in {city} said on Tuesday.",
    "The agreement, worth about {value}, was approved by the cabinet after more than two years of talks.",
    "Deliveries are due to begin in {year} and to be completed within four years, according to the ministry.",
    "{official} told reporters that the {system} would replace equipment that had been in service since the 1980s.",
    "The deal includes training for crews and technicians as well as a package of spare parts and munitions.",
    "{firm} will build part of the order locally under a technology transfer arrangement with a domestic partner.",
    "Opposition lawmakers questioned the price and asked why no open competition had been held for the contract.",
    "Analysts said the purchase signals a shift in {buyer}'s defence ties towards {supplier} after years of hesitation.",
    "The {system} has been exported to several other countries and has seen combat use in recent conflicts.",
    "A first group of personnel from {buyer} is expected to travel to {supplier} for instruction early next year.",
    "Negotiations had stalled last year over financing terms before a credit line from {supplier} unlocked the talks.",
    "The ministry in {city} declined to comment on whether an option for additional units was part of the deal.",
    "Neighbouring governments reacted cautiously, with one foreign ministry saying it would follow the matter closely.",
    "{firm} said in a statement that it was proud to support the modernisation of {buyer}'s armed forces.",
    "The contract is the largest single arms purchase by {buyer} in a decade, surpassing an earlier helicopter order.",
    "Budget documents show that payments will be spread over seven years to ease pressure on public finances.",
    "Industry sources said a rival offer had been rejected because it could not meet the required delivery schedule.",
    "The announcement came during a visit by a delegation from {supplier} led by its deputy defence minister.",
    "Parliament's defence committee is expected to review the financing arrangements at a hearing next month.",
    "Some experts warned that maintaining the {system} could prove costly without a reliable local supply chain.",
    "{official} described the order as a response to a deteriorating security environment in the region.",
    "The first {system} could arrive sooner if production slots freed by another customer become available.",
    "Local media had reported in the spring that talks were close to a conclusion, but officials denied it then.",
    "The purchase follows a review of the armed forces published last year that called for urgent investment.",
    "Under the agreement, {supplier} will also help set up a maintenance centre near {city} by the end of the decade.",
    "A retired general said the quantity was too small to make a real difference and called for a second batch.",
    "Shares in {firm} rose slightly after the announcement, though the company did not disclose the margin.",
    "Diplomats noted that the agreement was concluded only weeks after a summit between the two governments.",
    "Critics in {buyer} argue that the money would be better spent on salaries and housing for soldiers.",
    "The ministry said offset obligations worth half of the contract value would be placed with local companies.",
    "Testing of the {system} in local conditions is planned for the first year after the initial deliveries.",
    "It remains unclear how the order will be affected by export licence rules in {supplier}.",
    "A spokesperson for {firm} confirmed the signing but referred further questions to the government.",
    "The {cat} will be based at two sites, one of them close to the northern border, officials said.",
    "Observers expect further contracts for ammunition and upgrades to follow within the next three years.",
    "The deal was first reported by a regional newspaper, which cited two people familiar with the negotiations.",
    "According to the ministry, the total cost includes infrastructure, simulators and ten years of support.",
    "Earlier this year {buyer} had also expressed interest in long-range air defence from other suppliers.",
    "The announcement was welcomed by trade unions at {firm}, which had warned of job cuts without new orders.",
    "A senior official said the country could not afford further delays after earlier programmes ran late.",
]

HEADLINES = [
    "{buyer} orders {system} from {supplier}",
    "{supplier} wins {buyer} contract for {qty} {system}",
    "{buyer} signs deal for {cat}",
    "{value} arms deal: {buyer} picks {system}",
    "Landmark order: {system} for {buyer}",
]

DEALS = [
    dict(
        buyer="India",
        supplier="France",
        system="Rafale Marine",
        cat="fighter jets",
        qty=26,
        value="7 billion euros",
        year=2029,
        city="New Delhi",
        official="The defence secretary",
        firm="Dassault Aviation",
    ),
    dict(
        buyer="Poland",
        supplier="South Korea",
        system="K2",
        cat="main battle tanks",
        qty=180,
        value="6.5 billion dollars",
        year=2027,
        city="Warsaw",
        official="The deputy prime minister",
        firm="Hyundai Rotem",
    ),
    dict(
        buyer="Norway",
        supplier="Germany",
        system="Type 212CD",
        cat="submarines",
        qty=4,
        value="4.1 billion euros",
        year=2029,
        city="Oslo",
        official="The navy chief",
        firm="TKMS",
    ),
    dict(
        buyer="Egypt",
        supplier="France",
        system="Rafale",
        cat="fighter aircraft",
        qty=30,
        value="4 billion euros",
        year=2026,
        city="Cairo",
        official="A military spokesman",
        firm="Dassault Aviation",
    ),
    dict(
        buyer="Philippines",
        supplier="India",
        system="BrahMos",
        cat="anti-ship missile batteries",
        qty=3,
        value="375 million dollars",
        year=2025,
        city="Manila",
        official="The defence secretary",
        firm="BrahMos Aerospace",
    ),
    dict(
        buyer="Greece",
        supplier="France",
        system="FDI",
        cat="frigates",
        qty=3,
        value="3 billion euros",
        year=2026,
        city="Athens",
        official="The prime minister",
        firm="Naval Group",
    ),
    dict(
        buyer="Brazil",
        supplier="Sweden",
        system="Gripen E",
        cat="fighter aircraft",
        qty=36,
        value="4.5 billion dollars",
        year=2027,
        city="Brasilia",
        official="The air force commander",
        firm="Saab",
    ),
    dict(
        buyer="Indonesia",
        supplier="France",
        system="Scorpene",
        cat="submarines",
        qty=2,
        value="2 billion dollars",
        year=2031,
        city="Jakarta",
        official="The defence minister",
        firm="Naval Group",
    ),
    dict(
        buyer="Morocco",
        supplier="United States",
        system="AH-64E",
        cat="attack helicopters",
        qty=24,
        value="4.25 billion dollars",
        year=2026,
        city="Rabat",
        official="An official at the embassy",
        firm="Boeing",
    ),
    dict(
        buyer="Vietnam",
        supplier="Russia",
        system="Su-30MK2",
        cat="fighter jets",
        qty=12,
        value="1 billion dollars",
        year=2028,
        city="Hanoi",
        official="A senior officer",
        firm="Sukhoi",
    ),
    dict(
        buyer="Romania",
        supplier="United States",
        system="Abrams",
        cat="tanks",
        qty=54,
        value="2.5 billion dollars",
        year=2027,
        city="Bucharest",
        official="The defence minister",
        firm="General Dynamics",
    ),
    dict(
        buyer="Qatar",
        supplier="Turkey",
        system="Bayraktar TB2",
        cat="armed drones",
        qty=6,
        value="500 million dollars",
        year=2026,
        city="Doha",
        official="A ministry spokesman",
        firm="Baykar",
    ),
]

SITES = [
    [
        "Home | World | Defence | Business | Sign in",
        "Share this article on social media",
        "Subscribe to our daily newsletter for the latest defence and security news",
        "Most read today",
    ],
    [
        "MENU Search Latest Politics Economy Security",
        "Follow us for breaking news alerts on your phone",
        "This article was produced with the help of our regional correspondents",
        "Advertisement",
    ],
    [
        "The Capital Courier since 1921",
        "Readers also liked these stories from our archive",
        "Copyright 2026 The Capital Courier. All rights reserved. Terms and privacy",
        "Comments are closed",
    ],
    [
        "Wire desk | Top stories | Markets | Opinion",
        "Sign up to receive our weekly briefing by email",
        "Reporting by our staff, editing by the wire desk",
        "Related coverage",
    ],
]

SYNONYMS = {
    "said": "stated",
    "officials": "authorities",
    "contract": "agreement",
    "expected": "due",
    "reported": "said",
    "country": "nation",
    "purchase": "acquisition",
    "deal": "order",
    "talks": "negotiations",
    "announcement": "news",
}


@dataclass
class Pair:
    kind: str
    same: bool
    a: str
    b: str


def _fill(template: str, deal: dict) -> str:
    return template.format(**deal)


def _story(deal: dict, paras: list[int], headline: int) -> list[str]:
    return [_fill(HEADLINES[headline], deal)] + [_fill(PARAGRAPHS[i], deal) for i in paras]


def _text(lines: list[str], site: list[str] | None) -> str:
    if site is None:
        return "\n".join(lines)
    return "\n".join([site[0], *lines[:1], site[3], *lines[1:], site[1], site[2]])


def _edit(rng: random.Random, story: list[str], deal: dict) -> list[str]:
    """An edited reprint: new headline, trimmed or dropped paragraphs, reordering, word edits."""
    body = list(story[1:])
    mode = rng.choice(["drop", "trim", "reorder", "all"])
    if mode in ("drop", "all") and len(body) > 3:
        for _ in range(rng.randint(1, 2)):
            body.pop(rng.randrange(1, len(body)))
    if mode == "trim":
        body = body[: max(3, len(body) // 2)]
    if mode in ("reorder", "all"):
        head, rest = body[:1], body[1:]
        rng.shuffle(rest)
        body = head + rest
    edited = []
    for para in body:
        words = para.split()
        for i, w in enumerate(words):
            if w.lower() in SYNONYMS and rng.random() < 0.5:
                words[i] = SYNONYMS[w.lower()]
        edited.append(" ".join(words))
    headline = _fill(rng.choice([h for h in HEADLINES if _fill(h, deal) != story[0]]), deal)
    return [headline, *edited]


def generate(seed: int = SEED) -> list[Pair]:
    rng = random.Random(seed)
    stories: dict[int, list[list[str]]] = {}
    for d, deal in enumerate(DEALS):
        pool = list(range(len(PARAGRAPHS)))
        rng.shuffle(pool)
        shared = pool.pop()  # one background paragraph every story of this deal may share
        stories[d] = []
        for s in range(4):
            own = pool[s * 6 : s * 6 + 6]
            paras = [own[0], *own[1:5], shared] if s % 2 else own
            stories[d].append(_story(deal, paras, rng.randrange(len(HEADLINES))))
    pairs: list[Pair] = []
    for n in range(110):  # edited reprints
        d = n % len(DEALS)
        story = stories[d][rng.randrange(4)]
        a_site, b_site = rng.sample(range(len(SITES)), 2)
        reprint = _edit(rng, story, DEALS[d])
        pairs.append(Pair("reprint", True, _text(story, SITES[a_site]), _text(reprint, SITES[b_site])))
    for n in range(66):  # different stories about the same deal
        d = n % len(DEALS)
        i, j = rng.sample(range(4), 2)
        pairs.append(
            Pair(
                "same_deal",
                False,
                _text(stories[d][i], rng.choice(SITES)),
                _text(stories[d][j], rng.choice(SITES)),
            )
        )
    for _ in range(60):  # different stories in one site template
        d1, d2 = rng.sample(range(len(DEALS)), 2)
        site = rng.choice(SITES)
        pairs.append(
            Pair(
                "same_site",
                False,
                _text(stories[d1][rng.randrange(4)], site),
                _text(stories[d2][rng.randrange(4)], site),
            )
        )
    for _ in range(30):
        d1, d2 = rng.sample(range(len(DEALS)), 2)
        s1, s2 = rng.sample(range(len(SITES)), 2)
        pairs.append(
            Pair(
                "unrelated",
                False,
                _text(stories[d1][rng.randrange(4)], SITES[s1]),
                _text(stories[d2][rng.randrange(4)], SITES[s2]),
            )
        )
    return pairs


def story_texts(seed: int = SEED) -> list[str]:
    """Every base story once (for the feed benchmark's pages)."""
    out = []
    for p in generate(seed):
        for text in (p.a, p.b):
            if text not in out:
                out.append(text)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jsonl", help="write the pairs here")
    args = ap.parse_args(argv)
    pairs = generate()
    counts: dict[str, int] = {}
    for p in pairs:
        counts[p.kind] = counts.get(p.kind, 0) + 1
    print(f"{len(pairs)} pairs: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as fh:
            for p in pairs:
                fh.write(json.dumps(p.__dict__, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
