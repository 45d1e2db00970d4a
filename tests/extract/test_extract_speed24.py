"""Speed24's rewrites give what their plain forms give.

``Mention.iso3`` is a slot set at construction (was a property); ``reference.system_key`` remembers
its keys; frames' civil-goods check runs on the lowercased sentence (``lower_in_place``) and its
used-stock window scan behind a word prefilter (``NeedsRx``).  Each is compared with its plain form.
"""

from __future__ import annotations

import pickle
import re
from dataclasses import replace

from helpers.paths import REPO

from kg.extract import Article, frames, read_articles
from kg.extract.entities import Mention
from kg.extract.mentions import find_mentions
from kg.extract.sentences import mask_markup, split_sentences
from kg.vocab import reference

SHAPES = [
    "It sent humanitarian aid and non-military equipment such as generators to Ukraine.",
    "The package holds medical supplies, food and 12 howitzers.",
    "Poland gave 49 retired T-72 tanks and its second-hand MiG-29 jets to Ukraine.",
    "The ex-Dutch PzH 2000 and the refurbished, surplus, mothballed, decommissioned used former Leopard.",
    "Secondhand Gepard guns and EX-GERMAN Leopard tanks arrived.",
]


def _sentences() -> list[str]:
    out = list(SHAPES)
    for item in read_articles(REPO / "tests" / "fixtures" / "articles"):
        if isinstance(item, Article):
            masked = mask_markup(item.text)
            out += [masked[a:b] for a, b in split_sentences(masked)]
    return out


def test_civil_goods_and_used_stock_agree_with_their_plain_patterns() -> None:
    civil = frames._SENTENCE_CHECKS["_CIVIL_GOODS"]
    used = frames._USED_BEFORE.rx
    assert civil.flags & re.IGNORECASE and used.flags & re.IGNORECASE
    fired = {"civil": 0, "used": 0}
    for s in _sentences():
        want = civil.search(s)
        assert bool(want) == bool(frames._CIVIL_GOODS.search(s)), s
        fired["civil"] += bool(want)
        for m in re.finditer(r"\b[A-Z0-9]", s):  # every window before a capital or a digit (a system)
            lo, hi = max(0, m.start() - 30), m.start()
            plain = used.search(s, lo, hi)
            fast = frames._USED_BEFORE.search(s, lo, hi)
            assert (plain.span() if plain else None) == (fast.span() if fast else None), (s, hi)
            fired["used"] += plain is not None
    assert fired["civil"] and fired["used"]


def test_mention_iso3_is_the_party_country() -> None:
    ms = find_mentions("India bought 36 Rafale jets from France and Lockheed Martin, with Indian pilots.", ())
    for m in ms:
        p = m.party
        want = None if p is None else p.iso3 if p.kind == "country" else p.country_iso3
        assert m.iso3 == want
        copy = pickle.loads(pickle.dumps(m))
        assert copy == m and hash(copy) == hash(m) and copy.iso3 == m.iso3
        assert replace(m, start=m.start + 1).iso3 == m.iso3
    assert repr(ms[0]).endswith("system=None)")  # the repr holds the fields only, as before
    assert [m.iso3 for m in ms if m.kind == "party"] == ["IND", "FRA", "USA", "IND"]
    assert Mention("system", 0, 1, "X", "pattern").iso3 is None


def test_system_key_remembered_equals_plain() -> None:
    plain = reference.system_key.__wrapped__
    for name in ["S-400", "S 400", "s400", "Scorpène -", "MEKO-A200 --", "F-16C Block-50/52", "K9 Thunder"]:
        assert reference.system_key(name) == plain(name) == reference.system_key(name)
