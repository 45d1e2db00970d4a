"""attach28 (issue 13): a past participle that describes the noun right before it (a reduced relative
clause: "under an arrangement concluded in 2019", "N X, all handed over by 2023") has no subject of its
own; the nearest state before it (the seller's firm's nationality, the owning force) is not the verb's
subject.  And a platform of unknown make that another item is fired from, its seller only carried over
from the deal in context, is no item of the deal.

Own-words sentences written for the general pattern, not taken from any article."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import claim_facts

_DAY = date(2025, 6, 1)


@pytest.mark.parametrize(("buyer", "iso3"), [("Ghana", "GHA"), ("Oman", "OMN"), ("Uruguay", "URY")])
@pytest.mark.parametrize("noun", ["lease-purchase arrangement", "buy-back arrangement"])
@pytest.mark.parametrize("verb", ["concluded", "signed", "agreed"])
def test_a_deal_noun_s_participle_has_no_subject(buyer: str, iso3: str, noun: str, verb: str) -> None:
    """ "... from <firm>, a French shipbuilder, under a <noun> <verb> in 2019": France is the seller,
    not the buyer of a verb whose subject is the arrangement."""
    text = (
        f"{buyer} is modernising its fleet. The navy has taken delivery of the third of four Gowind "
        f"corvettes from Naval Group, a French shipbuilder, under a {noun} {verb} in 2019."
    )
    assert ("FRA", iso3, "Gowind") in claim_facts.triples(text, _DAY)


@pytest.mark.parametrize(
    ("force", "iso3", "count", "system", "origin", "name"),
    [
        ("The Hellenic Air Force", "GRC", 18, "Rafale jets", "FRA", "Rafale"),
        ("Qatar's air force", "QAT", 24, "Typhoon jets", "DEU", "Typhoon"),
        ("The Indonesian Air Force", "IDN", 6, "Rafale fighters", "FRA", "Rafale"),
    ],
)
@pytest.mark.parametrize("participle", ["handed over by 2023", "delivered in 2024", "received by 2022"])
@pytest.mark.parametrize("quantifier", ["all", "both batches"])
def test_a_quantified_participle_after_the_items_has_no_subject(
    force: str, iso3: str, count: int, system: str, origin: str, name: str, participle: str, quantifier: str
) -> None:
    """ "<Force> already has N X, all handed over by <year> under a contract ...": the items were
    handed over; the force that holds them did not hand them over."""
    text = f"{force} already has {count} {system}, {quantifier} {participle} under a contract with the maker."
    found = claim_facts.triples(text, _DAY)
    assert any(t[0] == origin and t[1] == iso3 and t[2] and t[2].startswith(name) for t in found), found


@pytest.mark.parametrize(
    ("buyer", "iso3", "firm"), [("Vietnam", "VNM", "Rafael"), ("Peru", "PER", "Elbit Systems")]
)
@pytest.mark.parametrize("verb", ["fires", "launches"])
@pytest.mark.parametrize("platform", ["Condor", "Falcon", "Harrier"])
def test_a_platform_the_item_is_fired_from_is_no_item(
    buyer: str, iso3: str, firm: str, verb: str, platform: str
) -> None:
    """A contract for missiles "which the air force fires from its A and <B> jets": B (of unknown
    make, its seller carried over from the deal in context) is a platform in hand, not bought."""
    text = (
        f"{buyer} has placed an order with Israel's {firm} for rockets. A contract for Delilah missiles, "
        f"which the air force {verb} from its MiG-29 and {platform} jets, was signed in May."
    )
    found = claim_facts.triples(text, _DAY)
    assert ("ISR", iso3, "Delilah") in found, found
    assert not any(t[2] and platform in t[2] for t in found), found
