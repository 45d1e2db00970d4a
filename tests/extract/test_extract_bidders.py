"""Bids of a country's company in a competition told elsewhere (issue 13, helper offers10).

Why: news about tenders tells the competition once ("Norway's frigate programme", "the Thai navy's
submarine tender", "Peru has launched a competition") and then each bid by its maker alone
("France's Naval Group has offered four X"): the bid names its seller but no buyer, and was dropped.
The buyer is the state whose competition the article names; a losing bid stays an offer; a firm's
bid at home is no import.  Each test states the pattern in its own words; negative cases pin its
limits.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.mentions import find_mentions
from kg.extract.offers import contest_holders
from tests.helpers.claim_facts import claims, facts, triples

PUB = date(2025, 3, 14)

#: (a sentence naming a buyer's competition, the buyer's iso3)
_CONTESTS = [
    ("Peru's Future Frigate programme is due to pick a winner next year.", "PER"),
    ("The Peruvian navy's frigate tender has drawn four bids.", "PER"),
    ("Peru has launched a competition for up to four frigates.", "PER"),
    ("Peru is choosing new frigates under its fleet renewal programme.", "PER"),
    ("Kenya is running a tender for four frigates for its navy.", "KEN"),
]
#: offer verbs a bidder's entry is written with
_OFFER_VERBS = ["has offered", "offered", "has pitched", "has put forward", "has proposed a version of"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_CONTESTS), st.sampled_from(_OFFER_VERBS))
def test_a_bid_goes_to_the_state_whose_competition_the_article_names(
    contest: tuple[str, str], verb: str
) -> None:
    """Pattern "<A's competition>. B's maker has offered the X.": an offer to A."""
    text = f"{contest[0]}\n\nItaly's Fincantieri {verb} the FREMM frigate, with local assembly."
    assert ("ITA", contest[1], "FREMM", "offered") in facts(text, PUB)


def test_a_bid_at_home_is_no_import() -> None:
    """Limit: the competition is the bidder's own state's; no other buyer is tied."""
    text = (
        "France has launched a competition for new corvettes.\n\nFrance's Naval Group has offered its Gowind."
    )
    assert not any(t[2] == "Gowind" for t in triples(text, PUB))


def test_a_rival_demonym_holds_no_competition() -> None:
    """Limit: "Chinese competition" is the rival makers, not China's tender: the buyer stays the
    programme's owner."""
    text = (
        "The Chilean navy's frigate programme faces stiff Chinese competition.\n\n"
        "Italy's Fincantieri has offered four FREMM frigates."
    )
    got = facts(text, PUB)
    assert ("ITA", "CHL", "FREMM", "offered") in got
    assert not any(f[1] == "CHN" for f in got)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from([("South Korea", "KOR", "KF-21"), ("China", "CHN", "J-10"), ("France", "FRA", "Rafale")]),
    st.sampled_from(["programme", "program"]),
)
def test_a_development_programme_of_the_states_own_design_is_no_competition(
    owner: tuple[str, str, str], noun: str
) -> None:
    """Limit: "A's own X programme" develops A's own design, no competition for bids; a programme
    that buys another state's design ("B's X programme") is B's."""
    own = f"{owner[0]}'s {owner[2]} fighter {noun} is running late."
    assert contest_holders(own, find_mentions(own)) == []
    bought = f"Poland's {owner[2]} fighter {noun} is running late."
    assert [p.iso3 for _q, p in contest_holders(bought, find_mentions(bought))] == ["POL"]


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["has put forward", "has offered", "has submitted"]),
    st.sampled_from(["sold", "supplied"]),
)
def test_the_sales_history_of_a_bid_item_is_not_the_bids_stage(verb: str, sold: str) -> None:
    """Pattern "B's maker has put forward the X, the boat it has sold to C and D": the bid is an offer
    (the past sales are the item's history, not a sale to the competition's buyer)."""
    text = (
        "Thailand has launched a competition for up to six new submarines.\n\n"
        f"Germany's TKMS {verb} the Type 214, the boat it has {sold} to Greece and Portugal."
    )
    if verb == "has submitted":
        text = text.replace("has submitted the Type 214", "has submitted a bid with the Type 214")
    got = facts(text, PUB)
    assert ("DEU", "THA", "Type-214", "offered") in got
    assert ("DEU", "THA", "Type-214", "signed") not in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["the boat it has sold to", "which it has already exported to", "a design it sold to"]),
    st.sampled_from(["has put forward", "has offered"]),
)
def test_the_earlier_buyers_of_a_bid_item_bought_it_at_an_unknown_stage(history: str, verb: str) -> None:
    """Pattern "B's maker has offered the X, the boat it has sold to C and D": C and D are earlier
    buyers of the X from B (stage not stated: ``unknown``); B's own state is none of them."""
    text = (
        "Thailand has launched a competition for up to six new submarines.\n\n"
        f"Germany's TKMS {verb} the Type 214, {history} Greece and Portugal."
    )
    got = facts(text, PUB)
    assert ("DEU", "THA", "Type-214", "offered") in got
    assert {("DEU", "GRC", "Type-214", "unknown"), ("DEU", "PRT", "Type-214", "unknown")} <= got
    home = facts(text.replace("Greece and Portugal", "Greece and Germany"), PUB)
    assert ("DEU", "GRC", "Type-214", "unknown") in home
    assert not any(f[1] == "DEU" for f in home)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["beating", "ahead of", "edging out"]),
    st.sampled_from(["offered", "pitched", "put forward"]),
)
def test_every_beaten_bid_of_a_list_is_an_offer_of_its_own_maker(beat: str, verb: str) -> None:
    """Pattern "won, beating the X offered by A's maker and the Y offered by B's maker": both beaten
    bids are offers (not cancelled) to the chooser, each by its own maker's state."""
    text = (
        "Romania chose the CAESAR howitzer for its artillery requirement last month.\n\n"
        f"KNDS won the contest, {beat} the K9 Thunder {verb} by South Korea's Hanwha and the PLZ-45 "
        f"{verb} by China's Norinco."
    )
    got = facts(text, PUB)
    assert ("KOR", "ROU", "K-9 Thunder 155mm", "offered") in got
    assert ("CHN", "ROU", "PLZ-45 155mm", "offered") in got
    assert not any(f[3] == "cancelled" for f in got)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["offered", "has offered", "pitched", "put forward"]))
def test_a_gapped_list_of_bids_goes_to_the_competitions_buyer(verb: str) -> None:
    """Pattern "A's maker offered its X, B's maker the Y and C's maker a version of the Z", the
    competition told before: each system is offered by its own maker to the competition's buyer."""
    text = (
        "Kenya is running a tender for four frigates for its navy.\n\n"
        f"Naval Group {verb} its FREMM, TKMS the MEKO A-200 and Navantia a version of the Gowind."
    )
    got = facts(text, PUB)
    assert ("FRA", "KEN", "FREMM", "offered") in got
    assert ("DEU", "KEN", "MEKO A-200", "offered") in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["had offered", "had proposed", "had pitched", "offered"]))
def test_states_offering_their_firms_designs_in_a_told_competition(verb: str) -> None:
    """Pattern "A had offered a version of A's maker's X, B had proposed B's maker's Y": each state
    offers its own firm's design to the competition's buyer."""
    text = (
        "Colombia held a competition for new frigates in 2021.\n\n"
        f"France {verb} a version of Naval Group's FREMM frigate, Germany {verb} TKMS's MEKO A-200."
    )
    got = facts(text, PUB)
    assert ("FRA", "COL", "FREMM", "offered") in got
    assert ("DEU", "COL", "MEKO A-200", "offered") in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        ["the Dutch firm", "the Dutch shipbuilder", "Dutch company", "the Netherlands-based group"]
    ),
    st.sampled_from(["has pitched", "has offered", "has put forward"]),
)
def test_the_home_of_a_rival_firm_is_no_buyer(firm: str, verb: str) -> None:
    """Pattern "A's maker has offered its X, and the B-ian firm M has pitched its own design": B
    names M's home (a rival bidder), not the buyer of A's X."""
    text = (
        "Chile is running a tender for new corvettes for its navy.\n\n"
        f"France's Naval Group has offered its Gowind, and {firm} Damen {verb} a version of its own design."
    )
    got = facts(text, PUB)
    assert not any(f[1] == "NLD" for f in got)
    assert ("FRA", "CHL", "Gowind", "offered") in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["the US firm", "the American company", "US manufacturer"]))
def test_a_firm_after_from_is_the_source_not_the_subject(firm: str) -> None:
    """Pattern "The X from A's maker and the Y from the B firm M were both considered": M (B's firm)
    is the source of Y, never the buyer of X."""
    text = (
        "Poland is looking for new attack helicopters for its army.\n\n"
        f"The AW249 from Italy's Leonardo and the Apache from {firm} Boeing were both considered."
    )
    got = triples(text, PUB)
    assert not any(t[1] == "USA" for t in got)
    assert ("USA", "POL", "Apache") in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["For the Peruvian navy's submarine tender,", "In Peru's submarine tender,"]),
    st.sampled_from(["has offered", "offered", "has put forward"]),
)
def test_the_tender_a_bid_is_made_in_is_not_a_stage_of_its_own(tender: str, verb: str) -> None:
    """Pattern "For A's tender, B's maker has offered the X": one offer, no talks beside it."""
    text = f"{tender} Germany's TKMS {verb} two Type 214 boats, together with a financing package."
    assert facts(text, PUB) == {("DEU", "PER", "Type-214", "offered")}


def test_haggling_is_a_word_not_a_prefix() -> None:
    """Limit: a maker whose name begins like "haggle" (BAE Hagglunds) states no talks."""
    text = "Sweden's BAE Hagglunds has offered the CV90 to Peru."
    assert facts(text, PUB) == {("SWE", "PER", "CV-90", "offered")}


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["ahead of", "over", "beating"]),
    st.sampled_from(["the US firm General Dynamics", "the US company General Dynamics", "General Dynamics"]),
)
def test_a_choice_over_bids_keeps_each_bidder_apart(beat: str, second: str) -> None:
    """Pattern "A picked the X, ahead of the Q offered by B's maker and the Y offered by C's maker"
    (Q unknown to the catalogue): B's maker sells nothing to A, the chosen X has no offer stage of its
    own, the Y is C's offer."""
    text = (
        f"The Peruvian army picked the Centauro in 2024, {beat} the Kestrel 8 offered by Japan's Mitsubishi "
        f"Heavy Industries and the Stryker offered by {second}."
    )
    got = facts(text, PUB)
    assert not any(f[0] == "JPN" for f in got)
    assert ("ITA", "PER", "Centauro", "offered") not in got
    assert ("USA", "PER", "Stryker", "offered") in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["The Peruvian Navy's submarine competition", "The Peruvian Navy's submarine tender"]),
    st.sampled_from(["has bid the", "has pitched the", "has put forward the"]),
)
def test_an_armed_service_holds_its_states_competition(contest: str, verb: str) -> None:
    """Pattern "The A-ian Navy's competition ... B's maker has bid the X": the service's state buys."""
    text = f"{contest} has two bidders left. Germany's TKMS, with a local yard, {verb} Type 214."
    assert ("DEU", "PER", "Type-214", "offered") in facts(text, PUB)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        [
            "Among the bidders are Italy's Leonardo with the M-346 and South Korea's KAI with the T-50.",
            "The bidders include Italy's Leonardo with the M-346 and South Korea's KAI with the T-50.",
            "Italy's Leonardo with the M-346 and South Korea's KAI with the T-50 are the finalists.",
            "Italy's Leonardo is competing for the trainer contract with the M-346, and South Korea's KAI with "
            "the T-50.",
        ]
    )
)
def test_the_entrants_of_a_competition_offer_their_items(entrants: str) -> None:
    """Pattern "among the bidders are A's maker with the X and B's maker with the Y": each entrant
    offers its own item to the competition's buyer."""
    got = facts(f"Kenya wants a new jet trainer for its air force. {entrants}", PUB)
    assert ("ITA", "KEN", "M-346 Master", "offered") in got
    assert ("KOR", "KEN", "T-50", "offered") in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["was ruled out in trials", "was later ruled out", "were ruled out after sea trials"]),
    st.sampled_from(["offered", "had offered", "pitched"]),
)
def test_a_bid_ruled_out_of_a_competition_was_still_made(out: str, verb: str) -> None:
    """Pattern "B's maker, which offered a version of its X, was ruled out in trials": the offer was
    made and lost (``offered``, not a denial)."""
    text = (
        "The Peruvian navy's submarine tender has narrowed to two contenders.\n\n"
        f"Spain's Navantia, which {verb} a version of its S-80 boat with a local yard, {out}."
    )
    got = [c for c in claims(text, PUB) if c["buyer"]["iso3"] == "PER"]
    assert [(c["supplier"]["iso3"], c["status"], c["negated"]) for c in got] == [("ESP", "offered", False)]


def test_a_purchase_ruled_out_is_still_a_denial() -> None:
    """Limit: "A has ruled out buying the X" denies a purchase (no bid was ruled out)."""
    got = claims("Peru has ruled out buying the S-80 from Spain.", PUB)
    assert all(c["negated"] for c in got)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["was offered by", "is offered by", "has been offered by"]))
def test_a_passive_list_of_bids_pairs_each_item_with_its_bidder(verb: str) -> None:
    """Pattern "The X was offered by A's maker, the Y by B's maker and the Z by C's maker": each item
    is its own bidder's offer (not its design's origin)."""
    text = (
        "Norway's frigate competition closed in May.\n\n"
        f"The FREMM {verb} France's Naval Group, the MEKO A-200 by Germany's TKMS and the Gowind by "
        "Spain's Navantia."
    )
    got = facts(text, PUB)
    assert {("FRA", "NOR", "FREMM", "offered"), ("ESP", "NOR", "Gowind", "offered")} <= got
    assert ("FRA", "NOR", "Gowind", "offered") not in got


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        ["Two bids were received", "Two offers have been received", "Two proposals were received"]
    )
)
def test_bids_received_are_offers_not_deliveries(received: str) -> None:
    """Pattern "Two bids were received, from A's maker with the X and from B's maker with the Y": the
    buyer received offers (``offered``), not the items."""
    text = f"Chile's frigate tender closed in May. {received}, from Naval Group with the FREMM and from TKMS with the MEKO A-200."
    got = facts(text, PUB)
    assert {("FRA", "CHL", "FREMM", "offered"), ("DEU", "CHL", "MEKO A-200", "offered")} <= got
    assert not any(f[3] == "delivered" for f in got)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(
        ["bid was rejected", "offer was turned down", "bid was later ruled out", "entry was eliminated"]
    )
)
def test_a_losing_bid_told_in_the_passive_is_an_offer(lost: str) -> None:
    """Pattern "A picked the X. B's maker's Y bid was rejected": the losing bid was made (``offered``,
    not cancelled, not denied)."""
    text = f"Malaysia picked the Rafale in 2024. Saab's Gripen E {lost}."
    got = [c for c in claims(text, PUB) if c["system"] and c["system"]["name"] == "Gripen-E"]
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"], c["negated"]) for c in got] == [
        ("SWE", "MYS", "offered", False)
    ]


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["is competing against Dassault's Rafale for", "competes with Dassault for"]))
def test_a_maker_competing_for_a_states_contract_offers_its_item(competing: str) -> None:
    """Pattern "B's maker's X is competing against C's Y for A's fighter contract": X is offered to A."""
    text = f"Saab's Gripen E {competing} Colombia's fighter contract."
    assert ("SWE", "COL", "Gripen-E", "offered") in facts(text, PUB)
