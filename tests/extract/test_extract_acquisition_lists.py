"""Coordinated acquisitions in a background paragraph that sums up a country's sources (issue 13,
helper lists10).

Why: news background often lists what a state has taken from whom in one sentence ("A has taken N X
and M Y from B, Z from C and D, and W from E"), or a fleet "bought from B" after a list of its types.
Each conjunct is a deal of its own: one seller phrase covers every item listed before it, a list of
sellers ("from C and D") sells its one item jointly, and an item with a seller of its own never takes
another conjunct's.  Own-words sentences; no labelled article's names or numbers.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims, facts, stages, triples

PUB = date(2025, 6, 2)

#: (as written, catalogue name) of French systems
_FRENCH = [
    ("Gowind corvettes", "Gowind"),
    ("Caesar howitzers", "CAESAR 155mm"),
    ("Scorpene submarines", "Scorpene"),
    ("Tiger helicopters", "Tiger"),
    ("Mirage 2000 jets", "Mirage-2000"),
]
_COUNTS = ["two", "four", "six", "12", "18", "24"]
#: the acquisition verbs of a background summary (a stage of its own or none)
_VERBS = [
    "has taken",
    "took",
    "has acquired",
    "acquired",
    "has bought",
    "bought",
    "has obtained",
    "obtained",
    "has received",
    "received",
    "has purchased",
    "has imported",
    "imported",
    "has added",
]


def _listed(items: list[tuple[str, str]], counts: list[str]) -> str:
    words = [f"{n} {written}" for n, (written, _name) in zip(counts, items, strict=True)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_VERBS),
    st.integers(min_value=2, max_value=4).flatmap(
        lambda n: st.tuples(
            st.permutations(_FRENCH).map(lambda p: p[:n]),
            st.lists(st.sampled_from(_COUNTS), min_size=n, max_size=n),
        )
    ),
)
def test_one_seller_phrase_covers_every_listed_item(verb: str, listing: tuple) -> None:
    """Pattern "A has taken N X, M Y and K Z from B": the seller phrase after the list is every
    item's seller; the verbs of acquisition (taken, obtained, imported, added as well as bought)
    all make A the buyer."""
    items, counts = listing
    got = triples(f"Morocco {verb} {_listed(list(items), counts)} from France.", PUB)
    for _written, name in items:
        assert ("FRA", "MAR", name) in got


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["has taken", "has bought", "has acquired", "has obtained", "took", "received"]))
def test_each_conjunct_has_its_own_sellers(verb: str) -> None:
    """Pattern "A has taken X and Y from B, Z from B and C and W from D": X and Y are B's, Z is sold
    by B and C jointly (two sellers of one system), W is D's; no seller reaches a conjunct with
    a seller of its own."""
    text = (
        f"Morocco {verb} two Gowind corvettes and 18 Caesar howitzers from France, FREMM frigates from "
        "France and Italy and Type 214 submarines from Germany."
    )
    got = triples(text, PUB)
    assert {
        ("FRA", "MAR", "Gowind"),
        ("FRA", "MAR", "CAESAR 155mm"),
        ("FRA", "MAR", "FREMM"),
        ("ITA", "MAR", "FREMM"),
        ("DEU", "MAR", "Type-214"),
    } <= got
    assert not {("ITA", "MAR", "Gowind"), ("ITA", "MAR", "CAESAR 155mm"), ("DEU", "MAR", "FREMM")} & got


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["has taken", "has bought", "has obtained"]))
def test_an_origin_adjective_in_a_continuing_clause_keeps_the_buyer(verb: str) -> None:
    """Pattern "A has taken X from B, while continuing to receive C-ish Y": the demonym sells Y to the
    same buyer, and the continuing receipt is a delivery under way."""
    text = (
        f"Morocco {verb} four Gowind corvettes from France, while continuing to receive American Abrams "
        "tank kits."
    )
    got = triples(text, PUB)
    assert ("FRA", "MAR", "Gowind") in got
    assert ("USA", "MAR", "Abrams") in got
    assert stages(text, PUB, "USA", "MAR") == {"delivering"}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["has bought", "has acquired", "bought"]))
def test_the_continuing_clause_is_no_stage_of_the_list_before_it(verb: str) -> None:
    """Pattern "A has bought X and Y from B, Z from C, while continuing to receive D-ish W": the list's
    members share the list's verb (a purchase, its stage open); the later clause's delivery is W's."""
    text = (
        f"Morocco {verb} two Gowind corvettes and 18 Caesar howitzers from France, Type 214 submarines "
        "from Germany, while continuing to receive American Abrams tank kits."
    )
    assert "delivering" not in stages(text, PUB, "FRA", "MAR")
    assert "delivering" not in stages(text, PUB, "DEU", "MAR")
    assert stages(text, PUB, "USA", "MAR") == {"delivering"}


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["transport fleet includes", "fleet includes", "inventory includes", "air arm includes"]),
    st.sampled_from(["bought", "purchased", "acquired"]),
)
def test_a_fleet_list_bought_from_one_seller(container: str, verb: str) -> None:
    """Pattern "A's fleet includes N X and M Y aircraft bought from B": the participle after the list
    covers every listed type (shared head noun), not only the last."""
    text = f"Morocco's {container} 12 C-130J and 11 C-17 aircraft {verb} from the United States."
    got = triples(text, PUB)
    assert ("USA", "MAR", "C-130J Hercules") in got
    assert ("USA", "MAR", "C-17") in got


def test_a_fleet_list_takes_the_article_buyer() -> None:
    """Pattern "The air force's fleet includes N X and M Y bought from B" after a sentence naming the
    state: the state the article is about buys both."""
    text = (
        "Morocco is modernising its armed forces. The air force's transport fleet includes 12 C-130J and "
        "11 C-17 aircraft bought from the United States."
    )
    got = triples(text, PUB)
    assert ("USA", "MAR", "C-130J Hercules") in got
    assert ("USA", "MAR", "C-17") in got


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["operates", "flies", "fleet includes"]))
def test_a_demonym_conjunct_keeps_its_own_seller(verb: str) -> None:
    """Guard: "A flies C-ish X and Y bought from B": X has a seller of its own (the demonym); the
    participle after Y does not spread to it."""
    subject = "Morocco's" if verb.startswith("fleet") else "Morocco"
    got = triples(
        f"{subject} {verb} 12 Russian Su-30 fighters and 24 Mirage 2000 jets bought from France.", PUB
    )
    assert ("FRA", "MAR", "Mirage-2000") in got
    assert ("FRA", "MAR", "Su-30") not in got


def test_a_conjunct_of_another_make_with_its_own_noun_is_not_covered() -> None:
    """Guard: "A's fleet includes N X fighters and M Y jets bought from B", X not of B's make: the
    participle names Y's seller; X, with a noun of its own, is no item B sold."""
    got = triples(
        "Morocco's fleet includes 12 Su-30 fighters and 24 F-16 jets bought from the United States.", PUB
    )
    assert ("USA", "MAR", "F-16") in got
    assert ("USA", "MAR", "Su-30") not in got


def test_taken_part_is_still_no_acquisition() -> None:
    """Limit: "took part in ... from" and "taken over from" stay no transfer with a longer gap."""
    got = triples(
        "Morocco took part in exercises with Rafale jets and Tiger helicopters from France last year.", PUB
    )
    assert ("FRA", "MAR", "Rafale") not in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["arsenal includes", "fleet includes", "inventory now includes", "navy fleet comprises"]),
    st.sampled_from(["", "four ", "12 "]),
)
def test_holdings_listed_with_their_sellers(holdings: str, count: str) -> None:
    """Pattern "A's arsenal includes X and Y from B and Z from C": the state holding the list bought
    each item from the seller phrase closing its conjunct (its stage left open); the possessive
    makes A the holder of every item, not the owner of the first one."""
    text = (
        f"Morocco's {holdings} {count}Gowind corvettes and Caesar howitzers from France and Su-30 "
        "fighters from Russia."
    )
    got = facts(text, PUB)
    assert {
        ("FRA", "MAR", "Gowind", "unknown"),
        ("FRA", "MAR", "CAESAR 155mm", "unknown"),
        ("RUS", "MAR", "Su-30", "unknown"),
    } <= got
    assert not any(f[0] == "FRA" and f[2] == "Su-30" for f in got)


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["has imported", "imported"]), st.integers(min_value=2, max_value=3))
def test_imports_listed_before_their_seller(verb: str, n: int) -> None:
    """Pattern "A has imported X, Y and Z from B": every item is B's, a supply whose stage the
    verb leaves open (as "imported arms from B")."""
    items = _FRENCH[:n]
    text = f"Morocco {verb} {_listed(items, _COUNTS[:n])} from France."
    got = facts(text, PUB)
    for _written, name in items:
        assert ("FRA", "MAR", name, "unknown") in got


def test_a_package_still_lists_its_parts() -> None:
    """Limit: "the package includes X from B" names a package's parts, not holdings: the holdings
    reading needs a fleet, an inventory or an arsenal."""
    got = triples(
        "Morocco bought 24 F-16 jets from the United States; the package includes Hellfire missiles "
        "from the United States.",
        PUB,
    )
    assert ("USA", "MAR", "F-16") in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["has bought", "has received", "has taken", "has acquired"]),
    st.sampled_from(
        [
            "Russian Su-30 fighters and Mirage 2000 jets from France",
            "Caesar howitzers, Russian Su-30 fighters and Tiger helicopters from France",
            "Russian Su-30 fighters and Mirage 2000 jets from France, and Abrams tanks from the United States",
        ]
    ),
)
def test_a_demonym_conjunct_is_not_sold_by_the_list_seller(verb: str, listing: str) -> None:
    """Guard: "A has bought C-ish X and Y from B": X keeps the seller its demonym names; the seller
    phrase after the list sells the conjuncts without one."""
    got = triples(f"Morocco {verb} {listing}.", PUB)
    assert ("RUS", "MAR", "Su-30") in got
    assert ("FRA", "MAR", "Su-30") not in got
    assert ("USA", "MAR", "Su-30") not in got


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["has diversified its suppliers", "has rebuilt its navy", "modernised its forces"]),
    st.sampled_from(["two", "four", ""]),
)
def test_a_participle_clause_of_taking_lists_its_sellers(main: str, count: str) -> None:
    """Pattern "A has diversified its suppliers, taking X and Y from B and Z from C": the participle
    clause's items are the subject's, each from the seller phrase closing its conjunct."""
    n = f"{count} " if count else ""
    text = (
        f"Morocco {main} since 2015, taking {n}Gowind corvettes and {n}Tiger helicopters from France and "
        "Type 214 submarines from Germany."
    )
    got = triples(text, PUB)
    assert {("FRA", "MAR", "Gowind"), ("FRA", "MAR", "Tiger"), ("DEU", "MAR", "Type-214")} <= got
    assert ("DEU", "MAR", "Tiger") not in got


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(
        [
            "taking the total from 24 to 36",
            "taking its fleet from 24 to 36 aircraft",
            "taking advantage of a loan from Spain",
        ]
    )
)
def test_taking_a_total_from_a_number_is_no_delivery(clause: str) -> None:
    """Limit: ", taking the total from N to M" counts the fleet; it names no items taken from a seller,
    so the order keeps its own stage and no delivery is claimed."""
    got = facts(f"Morocco ordered 12 more Caesar howitzers from France, {clause}.", PUB)
    assert ("FRA", "MAR", "CAESAR 155mm", "signed") in got
    assert not any(f[3] == "delivered" for f in got)


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(
        ["copies of the Caesar contract", "the Caesar howitzer's technical records", "access to Caesar data"]
    )
)
def test_obtaining_papers_from_a_state_is_no_purchase(what: str) -> None:
    """Limit: "A obtained copies/records/access ... from B": papers or access, no items acquired from
    a seller; no claim."""
    assert facts(f"Morocco obtained {what} from France.", PUB) == set()


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["two", "12", "more", "another four"]))
def test_added_with_counted_items_is_the_buyer_s_verb(count: str) -> None:
    """Pattern "A has added two X from B": "added" before counted items acquires them (A is the subject
    buyer), it reports nothing ("A added that ..." stays a speaker's verb)."""
    got = claims(f"Morocco has added {count} Caesar howitzers from France.", PUB)
    assert any(
        c["system"] and c["system"]["name"] == "CAESAR 155mm" and "buyer:subject:added" in c["cues"]
        for c in got
    )
