"""Which system a claim names (issue 13, helper systems14).

Why: the right supplier and buyer with a missing or wrong system costs a miss and often an extra at
once.  Each test states one general pattern in its own words, with parties and systems no labelled
article pairs; negative cases pin the limit of the rule.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import claims, triples

PUB = date(2025, 6, 2)

# -- a plain list shares its seller, whatever the catalogue gives as a member's make ----------------------

#: (seller, its own item, an item the catalogue files under another state's make)
_MIXED_LISTS = [
    ("Italy", "ITA", "four M-346 trainers", "M-346 Master", "two CH-47 helicopters", "CH-47"),
    (
        "Brazil",
        "BRA",
        "six Super Tucano aircraft",
        "EMB-314 Super Tucano",
        "a C-130H transport",
        "C-130H Hercules",
    ),
    ("Israel", "ISR", "three Hermes 900 drones", "Hermes-900", "ten M-113 carriers", "M-113"),
    ("Turkey", "TUR", "six Bayraktar TB2 drones", "Bayraktar TB2", "Leopard 2A4 tanks", "Leopard-2A4"),
]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_MIXED_LISTS),
    st.booleans(),
    st.sampled_from(
        [
            "{S} gave Kenya {X} and {Y} last year.",
            "{S} delivered {X} and {Y} to Kenya in 2023.",
            "Kenya bought {X} and {Y} from {S}.",
            "Kenya has received {X} and {Y} from {S}.",
        ]
    ),
)
def test_plain_list_shares_its_seller(case: tuple, swap: bool, frame: str) -> None:
    """Pattern "A gave B N X and M Y" / "B bought X and Y from A", X of A's make and Y filed under
    another state's: A sells both (licence-built, co-made or second-hand items are sold by the state
    the text names), in either order of the list."""
    seller, iso, own, own_name, other, other_name = case
    x, y = (other, own) if swap else (own, other)
    got = triples(frame.format(S=seller, X=x, Y=y), PUB)
    assert (iso, "KEN", own_name) in got
    assert (iso, "KEN", other_name) in got


def test_own_demonym_keeps_own_make() -> None:
    """Limit: members qualified by their own makers ("Russian X and Korean Y") are no shared-seller
    list; the seller of one is not the seller of the other."""
    got = triples("Kenya bought US-built F-16 jets, Russian Su-27 fighters and Korean T-50 trainers.", PUB)
    assert not any(t[0] == "USA" and t[2] != "F-16" for t in got)


def test_respective_sellers_keep_their_own_items() -> None:
    """Limit: several sellers of one sentence ("A, B and C pitched X, Y and Z respectively") each sell
    their own make, not every listed item."""
    got = triples(
        "Boeing, Embraer and Airbus have pitched the C-130J, C-390 and A400M respectively to Kenya.", PUB
    )
    assert not any(t[0] == "USA" and t[2] != "C-130J Hercules" for t in got)
    assert not any(t[0] == "BRA" and t[2] != "C-390 Millennium" for t in got)


# -- a named hull handed over: the hull in apposition, a second hull joined to it ---------------------------


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["CGS", "NNS", "KRI", "HTMS"]),
    st.sampled_from(
        ["has supplied a patrol vessel, {P} Shujaa, to Kenya", "gifted a patrol vessel, {P} Shujaa, to Kenya"]
    ),
)
def test_hull_in_apposition_to_the_item_handed_over(prefix: str, frame: str) -> None:
    """Pattern "A has supplied a patrol vessel, <prefix> Name, to B": the named hull in apposition to
    the item handed over is the system, written as the text names it."""
    got = triples("India " + frame.format(P=prefix) + ".", PUB)
    assert ("IND", "KEN", f"{prefix} Shujaa") in got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from([("in 2020", "a year later"), ("", "")]))
def test_second_hull_joined_to_a_handed_over_one(when: tuple[str, str]) -> None:
    """Pattern "A handed B two frigates, X in 2020 and Y a year later": the hull joined to a handed-over
    one by "and" is handed over too."""
    first, second = (f" {w}" if w else "" for w in when)
    text = f"South Korea handed Kenya's navy two frigates, KRI Jasiri{first} and KRI Shupavu{second}."
    got = triples(text, PUB)
    assert ("KOR", "KEN", "KRI Jasiri") in got
    assert ("KOR", "KEN", "KRI Shupavu") in got


def test_hull_a_missile_arms_is_no_item() -> None:
    """Limit: a named hull that only carries the item ("missiles to arm the corvette X") is no item."""
    got = triples("France sold 20 Exocet missiles to Kenya to arm the corvette KNS Shujaa.", PUB)
    assert not any(t[2] == "KNS Shujaa" for t in got)


# -- the aircraft that carried the deal's item ----------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["four", "six", "two"]),
    st.sampled_from(
        [
            "{N} Russian Il-76 transport aircraft landed in Nairobi carrying parts of the Pantsir system",
            "{N} Russian Il-76 transport aircraft flew Pantsir air defence systems to Nairobi",
            "{N} Russian Il-76 planes touched down in Nairobi carrying the first Pantsir batteries",
        ]
    ),
)
def test_carrier_aircraft_is_no_item(count: str, clause: str) -> None:
    """Pattern "N X transport aircraft landed at A carrying (parts of) the Y" / "flew Y systems to A": the
    aircraft carried the deal's item; Y is the system (and N counts the carriers, not Y)."""
    text = "In 2023, " + clause.format(N=count) + ", which Kenya had ordered in 2020."
    got = triples(text, PUB)
    assert ("RUS", "KEN", "Pantsir") in got
    assert not any(t[2] == "Il-76" for t in got)
    assert all(c["quantity"] is None for c in claims(text, PUB))


def test_aircraft_bought_with_another_system_is_an_item() -> None:
    """Limit: transport aircraft listed as bought beside another system are an item of the deal."""
    got = triples("Kenya bought two Il-76 transport aircraft and the Pantsir system from Russia.", PUB)
    assert ("RUS", "KEN", "Il-76") in got


# -- a family's bare designation beside the one variant the dyad names ------------------------------------


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        [
            ("Leopard 2", "Leopard 2A8", "Germany", "DEU", "tanks"),
            ("Su-35", "Su-35S", "Russia", "RUS", "jets"),
        ]
    ),
    st.sampled_from(
        [
            "Kenya seals {F} deal with {S}\nKenya on Monday signed a contract with {S} for 44 {V} {N}, "
            "a purchase the government approved last year.",
            "{S} agreed to send 14 {V} {N} to Kenya and approved requests by others to re-export {F}s to Kenya.",
            "Kenya is studying an offer from {S} for {F} {N}. Officials of {S} have offered 24 {V} {N} to Kenya.",
        ]
    ),
)
def test_bare_family_beside_its_one_variant_is_that_variant(case: tuple, frame: str) -> None:
    """Pattern: a headline or clause names the family ("seals F deal", "re-export Fs", "an offer for F
    jets") of the one variant the article names for the same dyad at a deal stage ("44 V tanks"): one
    system, the variant, not a second system for the family."""
    family, variant, seller, iso, noun = case
    got = {
        t for t in triples(frame.format(F=family, V=variant, S=seller, N=noun), PUB) if t[:2] == (iso, "KEN")
    }
    assert {t[2] for t in got} == {variant}


def test_family_fleet_held_beside_a_new_variant_stays_the_family() -> None:
    """Limit: a fleet already held ("already operates F tanks bought from A in 2005") beside a new
    variant's contract is an earlier purchase of the family, not the variant."""
    text = (
        "Kenya already operates Leopard 2 tanks bought from Germany in 2005. "
        "On Monday Kenya signed a contract with Germany for 44 Leopard 2A8 tanks."
    )
    names = {t[2] for t in triples(text, PUB)}
    assert names == {"Leopard 2", "Leopard 2A8"}


def test_family_beside_two_variants_is_left_as_written() -> None:
    """Limit: a family beside two of its variants for one dyad ("K2GF" and "K2PL") is not pinned to one."""
    text = (
        "Kenya bought K2GF tanks from South Korea in 2022 and signed for K2PL tanks in 2025. "
        "The K2 deal was approved by parliament."
    )
    names = {t[2] for t in triples(text, PUB)}
    assert {"K2GF", "K2PL", "K2 Black Panther"} <= names


# -- a plural written after a name word -----------------------------------------------------------------


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(
        [("UH-60M Black Hawks", "UH-60M Black Hawk"), ("UH-60L Black Hawks", "UH-60L Black Hawk")]
    )
)
def test_plural_of_a_name_word_is_not_in_the_name(case: tuple[str, str]) -> None:
    """Pattern "N <code> <Name>s" ("eight UH-60M Black Hawks"): the claim names the system in the
    singular the catalogue writes it, not with the text's plural "s"; a name ending in "s" itself
    ("C-130H Hercules") keeps it."""
    written, name = case
    got = triples(f"Kenya signed for eight new {written} from the United States in January.", PUB)
    assert ("USA", "KEN", name) in got
    got = triples("Kenya received two C-130H Hercules transports from the United States.", PUB)
    assert ("USA", "KEN", "C-130H Hercules") in got


# -- a capitalised word joined to an item noun by a function word names no item ---------------------------


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["Garissa", "Mombasa Port", "Lodwar"]),
    st.sampled_from(["aboard a transport aircraft", "on a cargo plane", "with the helicopters"]),
)
def test_place_before_a_function_word_is_no_system(place: str, tail: str) -> None:
    """Pattern "landed at an air base near <Place> aboard a transport aircraft": a capitalised word
    joined to an item noun by a function word ("aboard a", "on a", "with the") is no system's name."""
    text = (
        f"The first three F-16 jets for Kenya landed at an air base near {place} {tail}, the ministry said."
    )
    assert not any(t[2] == place for t in triples(text, PUB))


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["air-to-ground missiles", "air-to-surface missiles", "drones"]))
def test_name_with_hyphenated_words_before_the_noun_is_a_system(noun: str) -> None:
    """Limit: hyphenated words inside the noun phrase ("Name air-to-ground missiles") still name the item."""
    got = triples(f"Kenya has placed fresh orders for Stingray {noun} from Israel.", PUB)
    assert ("ISR", "KEN", "Stingray") in got


# -- the fleet a new system replaces, with its own earlier transfer -------------------------------------


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["the country has leased", "Kenya has leased", "that Kenya has leased", "Kenya bought"]),
    st.sampled_from([("Mirage 2000", "Mirage-2000", "France", "FRA"), ("MiG-29", "MiG-29", "Russia", "RUS")]),
)
def test_replaced_fleet_keeps_its_own_seller(clause: str, fleet: tuple) -> None:
    """Pattern "The new X will replace the N Y (that) A has leased from B": the relative clause, with or
    without "that", tells Y's own earlier transfer from B; the replacing X is not sold by B."""
    written, name, seller, iso = fleet
    text = (
        "Kenya is renewing its air force. "
        f"Its new KF-21 jets will replace the 14 {written} fighters {clause} from {seller} since 2005."
    )
    got = triples(text, PUB)
    assert (iso, "KEN", name) in got
    assert not any(t[0] == iso and t[2] != name for t in got)


def test_variant_beside_a_family_designation_keeps_its_name() -> None:
    """Pattern "leased N JAS-39 X fighters from B ... B had also offered the newer X E": the variant
    offered is its own system, not the leased family's."""
    text = (
        "Kenya has leased 14 JAS-39 Gripen fighters from Sweden since 2005. "
        "Sweden's Saab had also offered Kenya the newer Gripen E, but the ministry chose another jet."
    )
    assert ("SWE", "KEN", "Gripen-E") in triples(text, PUB)
