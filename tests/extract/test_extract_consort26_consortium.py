"""A consortium's system is sold by any of its member states (issue 13, helper consort26).

Why: the catalogue gives each system one origin, but a fighter, helicopter, missile or submarine
built by a multinational consortium or joint venture is sold by whichever member state the story
names (a Gulf state buys its Eurofighters from Britain or Italy, Pakistan sells the JF-17 it builds
with China, Spain's yard co-builds the French-designed submarines).  Two filters read the single
origin as the only maker: a sentence listing a second item of the named seller's own make dropped the
consortium's item as "another state's system", and two member companies named as its co-builders
were read as a seller and a buyer.
"""

from __future__ import annotations

import csv
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.io.resources import data_path
from kg.vocab import reference
from tests.helpers.claim_facts import triples

PUB = date(2025, 3, 12)

#: (consortium system as written, its catalogue name, a member state that sells it, the member's
#: iso3, another item of that member's own make as written)
_MEMBER_SALES = [
    ("Eurofighter Typhoons", "Typhoon Block-20", "Italy", "ITA", "M-346 trainers"),
    ("NH90 helicopters", "NH90", "Italy", "ITA", "AW139 helicopters"),
    ("Storm Shadow missiles", "Storm Shadow/SCALP-EG", "Britain", "GBR", "Challenger 2 tanks"),
    ("NASAMS launchers", "NASAMS", "the United States", "USA", "HIMARS launchers"),
    ("JF-17 fighters", "JF-17 Thunder", "Pakistan", "PAK", "Shahpar drones"),
]
_BUYERS = [("Qatar", "QAT"), ("Peru", "PER"), ("Kuwait", "KWT"), ("Nigeria", "NGA")]
_VERBS = ["received", "bought", "took delivery of"]
_JOINERS = ["together with", "along with", "as well as"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_MEMBER_SALES),
    st.sampled_from(_BUYERS),
    st.sampled_from(_VERBS),
    st.sampled_from(_JOINERS),
    st.integers(min_value=3, max_value=40),
    st.integers(min_value=2, max_value=30),
)
def test_a_member_state_sells_the_consortium_system_beside_its_own_item(
    sale: tuple[str, str, str, str, str],
    buyer: tuple[str, str],
    verb: str,
    joiner: str,
    n: int,
    m: int,
) -> None:
    """Pattern "B <verb> N X from A, <joiner> M Y" with X a consortium's system A is a member of and Y
    of A's own make: A sells both; X is not dropped as another state's system."""
    written, name, seller, s3, other = sale
    b, b3 = buyer
    text = f"{b} {verb} {n} {written} from {seller}, {joiner} {m} {other}."
    got = triples(text, PUB)
    assert (s3, b3, name) in got, got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from([("Chile's navy operates", "CHL"), ("The Malaysian navy took delivery of", "MYS")]),
    st.sampled_from([("France's DCN", "Spain's Navantia"), ("France's Naval Group", "Spain's Navantia")]),
    st.integers(min_value=2, max_value=6),
    st.integers(min_value=2004, max_value=2012),
)
def test_member_companies_named_as_co_builders_both_sell(
    lead: tuple[str, str], builders: tuple[str, str], n: int, year: int
) -> None:
    """Pattern "B has N X, built jointly by A1's C1 and A2's C2": two companies of the consortium's
    member states are X's co-builders (both sellers), not a seller and a buyer."""
    (opening, b3), (first, second) = lead, builders
    text = (
        f"{opening} {n} Scorpene submarines, built jointly by {first} and {second} and delivered in {year}."
    )
    got = triples(text, PUB)
    assert {("FRA", b3, "Scorpene"), ("ESP", b3, "Scorpene")} <= got, got
    assert ("FRA", "ESP", "Scorpene") not in got


def test_a_consortium_system_lists_its_member_states() -> None:
    """The catalogue's origin is one member; the consortium table adds the others (sourced rows)."""
    assert reference.maker_states("Eurofighter Typhoon") == {"DEU", "GBR", "ITA", "ESP"}
    assert reference.maker_states("SAMP/T") == {"FRA", "ITA"}
    assert reference.maker_states("F-16") == {"USA"}  # a single-state system: its origin only
    assert reference.maker_states("no such system") == frozenset()


def test_every_consortium_row_is_a_catalogue_system_with_its_origin_and_a_source() -> None:
    """Each row names a catalogue designation, includes the catalogue's origin among its member
    states (known ISO codes), and cites a public source (the data rules of data/README.md)."""
    with data_path("reference", "codeveloped.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        rec = reference.resolve_system(row["designation"])
        assert rec is not None and rec.designation == row["designation"], row["designation"]
        members = set(row["maker_iso3"].split("|"))
        assert rec.origin_iso3 in members and len(members) >= 2, row["designation"]
        assert all(reference.country_by_iso3(iso) is not None for iso in members), members
        assert row["source_url"].startswith("https://"), row["designation"]
