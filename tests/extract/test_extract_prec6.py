"""Precision rules of prec6 (issue 13): sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

import pytest
from helpers import claim_facts

_triples = claim_facts.titled_triples


@pytest.mark.parametrize("made", ["US-made", "US-built", "American-made"])
def test_fleet_relied_on_with_a_made_origin_is_no_deal(made: str) -> None:
    """A force relying on "X-made" systems names what it has, not a transfer: the maker's state glued
    to "-made"/"-built" is only the item's origin."""
    text = f"Portugal's coastal defences rely on {made} Harpoon launchers and older Crotale units."
    assert not any(t[0] == "USA" and t[1] == "PRT" for t in _triples(text))


@pytest.mark.parametrize("verb", ["currently operates", "fields", "currently flies"])
def test_fleet_verb_of_a_verbless_buyer_is_no_deal(verb: str) -> None:
    """The article's own state, named by no verb, with a fleet verb before an origin-only item: the
    fleet in service, not a purchase."""
    text = (
        "Peru weighs new fighters.\n\n"
        f"The air force {verb} a mixed fleet of US-built F-16s and ageing trainers, officials said."
    )
    assert not any(t[0] == "USA" and t[1] == "PER" for t in _triples(text, "Peru weighs new fighters"))


def test_fleet_verb_with_a_delivery_word_still_states_the_delivery() -> None:
    """A delivery word after the item ("which was handed over") is a transfer the text states."""
    text = (
        "Peru weighs new fighters.\n\n"
        "The air force currently operates a US-built C-130 transport, which was handed over in 2021."
    )
    assert any(t[0] == "USA" and t[1] == "PER" for t in _triples(text, "Peru weighs new fighters"))


def test_an_order_is_not_a_fleet() -> None:
    text = "Brazil ordered 12 more F-16 Block 70 jets from the United States in March."
    assert any(t[0] == "USA" and t[1] == "BRA" for t in _triples(text))


@pytest.mark.parametrize("venue", ["at the Paris Air Show", "at the Paris Airshow", "during the Paris Expo"])
def test_venue_of_an_announcement_is_no_party(venue: str) -> None:
    """A capital naming a trade show is where a deal was announced, not its buyer."""
    text = f"Embraer has signed a contract with an undisclosed customer for C-390 aircraft, the firm said {venue}."
    assert not any(t[1] == "FRA" for t in _triples(text))


def test_a_capital_alone_still_stands_for_its_state() -> None:
    text = "Paris has ordered 12 more C-390 aircraft from Embraer."
    assert any(t[0] == "BRA" and t[1] == "FRA" for t in _triples(text))


@pytest.mark.parametrize("title", ["President", "former President", "Minister"])
def test_a_firm_name_as_a_persons_given_name_is_no_seller(title: str) -> None:
    """A firm's name between a person's title and a surname is the person's given name."""
    text = (
        "Much of the stock was bought from Russia under "
        f"{title} Rafael Correa, including Mi-17 helicopters, officials in Quito said."
    )
    assert not any(t[0] == "ISR" for t in _triples(text))


def test_a_firm_named_as_a_firm_still_sells() -> None:
    assert any(
        t[0] == "ISR" and t[1] == "CHL" for t in _triples("Chile bought Spike missiles from Rafael in 2015.")
    )


@pytest.mark.parametrize(
    "upgrade",
    [
        "is upgrading its 20 F-16 fighters to the Viper standard",
        "will bring its 20 F-16 jets to the Viper configuration",
    ],
)
def test_the_standard_an_upgrade_reaches_is_no_item(upgrade: str) -> None:
    """ "to the <name> standard" is the level a fleet is brought to, not a system bought (a helicopter
    of the same name is not in the sentence)."""
    text = f"Peru {upgrade} and took delivery of 12 more F-16 Block 70 jets from the United States."
    names = {t[2] for t in _triples(text)}
    assert "AH-1Z Viper" not in names
    assert any(n and n.startswith("F-16") for n in names)


@pytest.mark.parametrize(
    "relative",
    ["which builds NASAMS with US firm Raytheon", "which makes NASAMS jointly with US firm Raytheon"],
)
def test_co_maker_of_a_states_own_system_is_no_party(relative: str) -> None:
    """The partner in a state's own make, named in a relative clause, neither sells nor buys."""
    text = f"Norway, {relative}, has given Ukraine NASAMS units and is buying new ones for itself."
    triples = _triples(text)
    assert not any("USA" in t[:2] for t in triples)
    assert any(t[0] == "NOR" and t[1] == "UKR" for t in triples)


def test_a_firm_after_with_still_sells() -> None:
    assert any(
        t[0] == "USA" and t[1] == "POL"
        for t in _triples("Poland signed a deal with Raytheon for Patriot batteries.")
    )
