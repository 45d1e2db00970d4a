"""Precision rules of unrelated7 (issue 13): sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

import pytest
from helpers import claim_facts

from kg.extract import Article, extract

_triples = claim_facts.titled_triples


_LEDE = "Peru approves its defence budget.\n\nPeru's congress passed the defence budget for next year on Tuesday. "


@pytest.mark.parametrize(
    "sentence",
    [
        "The money covers a mid-life upgrade of the air force's F-16 fleet, which includes jets bought second-hand.",
        "The navy's ageing Type 23 frigates will get spare parts, and its Leopard 2A4 tanks, in service since "
        "the 1990s, will be overhauled.",
        "The army's Leopard 2A4 tanks, in service since the 1990s, and its M113 carriers will receive spare parts.",
    ],
)
def test_upkeep_of_a_force_s_own_fleet_is_no_deal(sentence: str) -> None:
    """A force's own item ("the navy's X", "its Y") in a sentence about upkeep of a fleet in hand
    (upgrade, spare parts, in service) is no transfer when only the item's origin names a supplier."""
    found = _triples(_LEDE + sentence, "Peru approves its defence budget")
    assert not any(t[1] == "PER" and t[0] in ("USA", "GBR", "DEU") for t in found), found


def test_a_force_s_new_item_with_a_delivery_is_still_read() -> None:
    """The deal's own item named with the force's possessive and a delivery is still a claim."""
    text = (
        "Peru signs for fighters.\n\nPeru ordered 12 F-16 Block 70 jets from the United States in March. "
        "The air force's first F-16 Block 70 jets will be delivered in 2027."
    )
    assert any(t[0] == "USA" and t[1] == "PER" for t in _triples(text, "Peru signs for fighters"))


@pytest.mark.parametrize(
    "told", ["in service with the Republic of Korea Army since 1999", "in service since 1999"]
)
def test_a_fleet_in_service_carries_no_buyer_from_context(told: str) -> None:
    """A system told as a fleet in service ("the X, in service with ...") right after a list of its
    operators is no deal of the last operator named, nor does "in service with" make a seller."""
    text = (
        "Romania orders K9 howitzers.\n\nRomania signed for 54 K9 howitzers from Hanwha in May.\n\n"
        "Romania becomes the fifth European country to operate the K9, after Poland, Finland, Estonia and Norway.\n\n"
        f"The K9, {told}, is the best-selling self-propelled howitzer, with more than 1,300 units operating in "
        "nine countries."
    )
    found = _triples(text, "Romania orders K9 howitzers")
    assert not any(t[1] == "NOR" for t in found), found
    assert any(t[1] == "ROU" for t in found)


@pytest.mark.parametrize("org", ["NATO and European Union member", "NATO member", "European Union country"])
def test_an_organisation_describing_the_buyer_is_no_buyer(org: str) -> None:
    """ "the first <org> member to buy the drone" describes the subject, a member state: the
    organisation buys nothing."""
    text = (
        f"Poland, the first {org} to buy the drone, received 24 Bayraktar TB2 drones in two batches in 2022."
    )
    found = _triples(text)
    assert any(t[0] == "TUR" and t[1] == "POL" for t in found), found
    assert not any(t[1] in ("NATO", "EU") for t in found), found


@pytest.mark.parametrize("source", ["built in Pakistan", "made in Pakistan", "bought from Pakistan"])
def test_each_item_keeps_its_own_attached_source(source: str) -> None:
    """Two items, each with its own seller phrase right after it ("X from A, and Y built in B"):
    A sells no Y."""
    text = (
        "Kenya expands its air force.\n\nThe air force took delivery of ten second-hand F-5 jets from Jordan "
        f"last year, and of two JF-17 Thunder jets {source} in March."
    )
    found = _triples(text, "Kenya expands its air force")
    assert ("JOR", "KEN", "F-5") in {(t[0], t[1], t[2] and t[2][:3]) for t in found}, found
    assert not any(t[0] == "JOR" and t[2] and "JF-17" in t[2] for t in found), found


@pytest.mark.parametrize("sep", ["as well as", "and"])
def test_a_later_member_of_a_replaced_list_is_no_item(sep: str) -> None:
    """ "to retire the old X 130 mm field guns as well as Y": Y is retired too, it is not bought,
    even when the first member is a long noun phrase."""
    text = (
        "Ghana buys Korean guns.\n\nGhana ordered eight K9 howitzers from South Korea in 2024. Next it plans to "
        "buy 30 more K9 howitzers to retire its ageing Soviet-built M-46 130 mm field guns "
        f"{sep} 2A65 Msta-B guns."
    )
    found = _triples(text, "Ghana buys Korean guns")
    assert any(t[0] == "KOR" and t[1] == "GHA" for t in found), found
    assert not any(t[2] and "Msta" in t[2] for t in found), found


@pytest.mark.parametrize("verb", ["contemplating ordering", "considering buying"])
def test_interest_before_a_possessed_item_is_intent(verb: str) -> None:
    """ "is contemplating ordering B's X" is interest, not a deal: the claim carries ``stage:intent``
    also when an owner's possessive stands between the interest and the item."""
    text = (
        "Indonesia expands its air force.\n\nIndonesia signed for 42 Rafale jets in 2022. "
        # the buyer named (with only "It", a carried buyer's interest is dropped: test_extract_extras26_interest)
        f"Jakarta is also {verb} China's J-10 jets and continues talks on buying more Rafale jets."
    )
    claims = [
        c
        for c in extract(Article(text=text, title="Indonesia expands its air force"))
        if c.system and "J-10" in c.system.name
    ]
    assert claims and all("stage:intent" in c.cues for c in claims)


@pytest.mark.parametrize("verb", ["pledged", "promised", "has pledged", "had promised"])
def test_the_object_of_a_pledge_is_its_buyer(verb: str) -> None:
    """ "A pledged B 12 X": B, the first object of a promise or pledge, receives the items, as after
    "sold" or "offered"."""
    text = f"Poland buys tanks.\n\nPoland ordered 180 K2 tanks from South Korea. Germany {verb} Ukraine 12 Leopard 2A6 tanks."
    claims = [c for c in extract(Article(text=text, title="Poland buys tanks")) if c.buyer.iso3 == "UKR"]
    assert claims and all("buyer:object-of-sell" in c.cues for c in claims)


@pytest.mark.parametrize(
    "rival", ["pitted against", "up against", "in competition with", "competing against"]
)
def test_a_rival_named_after_a_contest_word_is_a_comparison(rival: str) -> None:
    """The item a choice was "pitted against" is the option not taken: its claim carries
    ``stage:comparison`` (a weaker claim), as after "chosen over"."""
    text = (
        "Greece picks frigates.\n\nGreece selected the FDI frigate after a long contest in which it was "
        f"{rival} the Spanish F-110 frigate."
    )
    claims = [
        c
        for c in extract(Article(text=text, title="Greece picks frigates"))
        if c.system and "F-110" in c.system.name
    ]
    assert all("stage:comparison" in c.cues for c in claims), [c.cues for c in claims]
    assert claims


@pytest.mark.parametrize("joint", ["but dropped, and", "but was dropped; since then"])
def test_another_clause_s_item_source_sells_nothing_here(joint: str) -> None:
    """ "a plan to buy X from A was explored ..., and the government picked Y": A is X's source, in
    another clause; it sells no Y."""
    text = (
        "Peru picks fighters.\n\nA plan to buy second-hand F-16 jets from Norway was explored in 2021 "
        f"{joint} the previous government had picked the Gripen in 2022 before the purchase stalled."
    )
    found = _triples(text, "Peru picks fighters")
    assert not any(t[0] == "NOR" and t[2] and "Gripen" in t[2] for t in found), found


@pytest.mark.parametrize("verb", ["had promised", "sold", "had offered"])
def test_the_object_inside_a_supplier_s_relative_clause_is_the_buyer(verb: str) -> None:
    """ "A, which had promised B 50 X, has not delivered any": B is the object of the relative clause's
    verb, the buyer, not the subject of the main verb after it."""
    text = (
        "Israel news.\n\nIsrael sold radars to India last year. "
        f"Washington, which {verb} the UAE 50 F-35A fighters in 2020, has not delivered any."
    )
    found = _triples(text, "Israel news")
    assert any(t[0] == "USA" and t[1] == "ARE" for t in found), found
    assert not any(t[0] == "USA" and t[1] == "IND" for t in found), found
