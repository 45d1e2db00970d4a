"""General patterns of news prose found by reading the tuning half of ``tests/fixtures/newsset3``
(the even-numbered articles; issue 13): whole facts missed or invented, wrong or missed systems.

Why: each test states one pattern in its own words, with systems, firms and states chosen so that
no labelled article names them together, so the rule that passes it fixes the pattern, not one
article; the negative cases pin the limit of each rule (precision on blind text matters as much as
recall).
"""

from __future__ import annotations

from datetime import date

from kg.extract.mentions import find_mentions
from tests.helpers.claim_facts import claims, triples

PUB = date(2025, 6, 2)


def _triples(text: str) -> set[tuple]:
    """(supplier, buyer, system name) of every claim of ``text``."""
    return triples(text, PUB)


# -- parties named as one list --------------------------------------------------------------------


def test_talks_with_a_list_of_states_each_state_sells() -> None:
    """'in talks with A, B and C on X': the states of one list of counterparts sell together (a
    consortium); the first alone was kept before."""
    got = _triples("Uruguay is in talks with Paris, Madrid and Rome on 12 Tornado strike jets.")
    assert {("FRA", "URY", "Tornado"), ("ESP", "URY", "Tornado"), ("ITA", "URY", "Tornado")} <= got


def test_talks_with_two_states_on_a_design_of_one_of_them_keep_its_maker_only() -> None:
    """Two counterparts and a catalogued system made by one of them: the other may be a rival
    bidder, so the list rule needs three states before it overrides the system's origin."""
    got = _triples("Uruguay is in talks with Washington and Seoul on 12 NH90 helicopters.")
    assert not any(t[0] == "KOR" for t in got)


# -- rejected bids -----------------------------------------------------------------------------------


def test_alternative_a_choice_was_made_over_was_offered() -> None:
    """'picked X over B's maker's Y': per the labelling guidelines a rejected offer is still an
    offer; the owner written before the losing system is its bidder."""
    got = _triples("Morocco picked the Dutch Sigma corvette over France's Naval Group Barracuda submarine.")
    assert {("NLD", "MAR", "Sigma"), ("FRA", "MAR", "Barracuda")} <= got


def test_bid_beaten_in_a_competition_was_offered_to_the_winner_s_buyer() -> None:
    """'won B's order for X, beating the maker's Y': Y was offered to B (the buyer of the deal it
    lost to), not to the buyer of another deal the sentence names first."""
    text = (
        "Rafael is in talks with Oman on Piorun missiles, and last month won a Bahraini order for "
        "Iron Dome batteries, beating Raytheon's NASAMS."
    )
    got = _triples(text)
    assert ("USA", "BHR", "NASAMS") in got
    assert not any(t[2] == "NASAMS" and t[1] == "OMN" for t in got)


def test_plain_purchase_rather_than_another_system_is_no_offer() -> None:
    """'bought X rather than Y' need not follow a competition: Y stays unclaimed."""
    got = _triples("Morocco bought Iron Dome batteries rather than NASAMS launchers.")
    assert not any(t[2] and "NASAMS" in t[2] for t in got)


def test_fleet_a_programme_replaces_is_no_item_of_the_deal() -> None:
    """'for its X replacement': the system before the noun 'replacement' is the old fleet."""
    got = _triples("Morocco picked the Gripen for its F-5E replacement.")
    assert ("SWE", "MAR", "Gripen") in got
    assert not any(t[2] and t[2].startswith("F-5") for t in got)


# -- sums, background phrases and new deals ------------------------------------------------------


def test_sum_after_a_currency_code_is_no_designation() -> None:
    """'worth RM2.35 billion': the code and first digit look like a designation ("RM2"), the
    decimals and the magnitude after them make it money; the deal keeps its value, no system."""
    text = "Malaysia has ordered six offshore patrol vessels from Italy worth RM2.35 billion."
    assert not any(m.text.startswith("RM") for m in find_mentions(text))
    assert all(c["system"] is None for c in claims(text, PUB))


def test_subject_before_a_parenthetical_takes_its_verb() -> None:
    """'X, long a buyer of Y-ish arms, signed a deal with Z's firm': X is the subject of 'signed'
    (the buyer); the demonym inside the parenthetical describes X's past, no seller of this deal."""
    text = "Mongolia, traditionally close to Russian suppliers, signed a deal with the Czech government for radars."
    got = _triples(text)
    assert ("CZE", "MNG", None) in got
    assert not any(t[0] == "RUS" for t in got)


def test_sentence_with_a_new_buyer_and_seller_does_not_reuse_the_previous_system() -> None:
    """A sentence naming its own buyer and seller, neither a party of the deal before it, is a new
    deal: its unnamed item is not the previous deal's system."""
    text = (
        "Kenya ordered a Chinese VN22 armoured vehicle in 2023. "
        "Mongolia signed a deal with the Czech government for the passive surveillance system."
    )
    got = _triples(text)
    assert ("CZE", "MNG", None) in got
    assert not any(t[1] == "MNG" and t[2] is not None for t in got)


# -- owners and buyers of separate clauses ----------------------------------------------------------


def test_owner_in_one_clause_is_not_the_seller_to_the_buyer_of_the_next() -> None:
    """ "A's first X is due in 2026 under a contract ..., while B agreed to buy N more X": A and B are
    buyers of their own deals (the maker's state sells to each), A sells nothing to B."""
    text = (
        "Kenya's first KF-21 fighter is due in 2026 under a contract signed in 2023, while Ghana "
        "agreed in June to purchase 12 more KF-21s."
    )
    got = _triples(text)
    assert {("KOR", "KEN", "KF-21 Boramae"), ("KOR", "GHA", "KF-21 Boramae")} <= got
    assert ("KEN", "GHA", "KF-21 Boramae") not in got


def test_owner_in_the_buyer_s_own_clause_still_sells_second_hand() -> None:
    """'B bought A's old X' (one clause): A owned them and sells them on."""
    assert ("KEN", "GHA", "KF-21 Boramae") in _triples("Ghana bought Kenya's old KF-21 fighters.")


# -- donations and pledges -------------------------------------------------------------------------


def test_promise_of_counted_items_with_two_objects_is_a_pledge() -> None:
    """'A has promised B 30 X': a pledge (approved) of A to B; a promise with no count is no trigger."""
    got = claims("Chile has promised Bolivia 30 Tornado jets.", PUB)
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in got] == [
        ("CHL", "BOL", "approved")
    ]
    assert not claims("Chile has promised in 2023 to modernise its Tornado fleet.", PUB)


def test_gift_with_two_objects_is_a_transfer_of_retired_stock() -> None:
    """'A has given B 49 retired X': a donation (delivered); 'retired' after a count describes the
    surplus stock given away, not the fleet a purchase replaces."""
    got = claims("Chile's government has given Bolivia 49 retired Leopard 2A4 tanks.", PUB)
    assert [(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in got] == [
        ("CHL", "BOL", "delivered")
    ]
    # the fleet being replaced stays no item
    assert not claims("Chile plans to replace its retired Tornado jets.", PUB)


def test_agreeing_to_hand_over_a_foreign_system_from_stocks_makes_the_giver_its_supplier() -> None:
    """'A delivered its own X, and agreed to hand over a Y battery from army stocks' (Y made
    elsewhere): the giver supplies Y (a donation from stock), approved."""
    text = (
        "Berlin has delivered three IRIS-T SLM systems to Bolivia, and in May agreed to hand over "
        "a second Patriot battery from army stocks."
    )
    got = {
        (c["supplier"]["iso3"], c["buyer"]["iso3"], c["system"]["name"], c["status"])
        for c in claims(text, PUB)
    }
    assert ("DEU", "BOL", "Patriot", "approved") in got


def test_subject_weighing_an_offer_is_its_buyer() -> None:
    """'B is weighing a <demonym> offer of X': B studies what the demonym's state offers; B buys,
    never sells (the verb class of 'offer' alone is a seller's)."""
    for verb in ("weighing", "considering", "studying", "reviewing"):
        got = claims(f"Bolivia is {verb} a Swedish offer of 12 Gripen fighters.", PUB)
        assert {(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in got} == {
            ("SWE", "BOL", "offered")
        }


def test_recipient_of_a_notified_sale_is_the_buyer_in_context() -> None:
    """A sale notice's 'The recipient has requested to buy N X; M Y; and K Z': the recipient is the
    buyer of the sale the notice announced; each listed item is bought from its maker's state."""
    text = (
        "Washington approved a possible sale to Bolivia of Tornado jets worth $1 billion. "
        "The recipient has requested to buy twelve (12) Tornado jets; forty (40) AIM-9X Sidewinder "
        "missiles; and two (2) Sentinel radars."
    )
    got = _triples(text)
    assert {("USA", "BOL", "AIM-9X Sidewinder"), ("USA", "BOL", "MPQ-64 Sentinel")} <= got


# -- systems in lists --------------------------------------------------------------------------------


def test_agent_of_a_participle_qualifies_only_the_item_it_follows() -> None:
    """'chose the <maker> X, ending a contest that featured the <maker> Y and used Z offered by B':
    B offered Z only; X and Y named with their makers keep their makers' states."""
    text = (
        "Bolivia has chosen the Saab Gripen E/F, ending a contest that featured the Dassault Rafale "
        "and used F-16s offered by Washington."
    )
    got = _triples(text)
    assert {("SWE", "BOL", "Gripen-E"), ("FRA", "BOL", "Rafale"), ("USA", "BOL", "F-16")} <= got
    assert not any(t[0] == "USA" and t[2] != "F-16" for t in got)


def test_buyers_of_a_relative_clause_are_not_the_next_clause_s_buyers() -> None:
    """'A's maker proposed its X, which B and C are buying, while D's maker is offering Y': B and C
    buy X; Y is offered to the competition's buyer (the deal in context), not to B and C."""
    text = (
        "Chile has narrowed its search for new submarines to two bidders. TKMS has proposed its "
        "Type 214 design, which Greece and Portugal are buying jointly, while Navantia is offering "
        "the S-80 Plus."
    )
    got = _triples(text)
    assert ("ESP", "CHL", "S-80 Plus") in got
    assert not any(t[2].startswith("S-80") and t[1] in ("GRC", "PRT") for t in got)


# -- purchases made to give on -----------------------------------------------------------------------


def test_purchase_to_be_donated_on_is_two_transfers() -> None:
    """'A will buy N X from B to be donated to C': B sells to A (the purchase, not a delivery: the
    gift's verb is no stage of it), A pledges the items to C; C buys nothing from B."""
    got = claims("Chile confirmed it would buy a batch of NASAMS from Norway to be donated to Moldova.", PUB)
    facts_ = {(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in got}
    assert ("CHL", "MDA", "approved") in facts_
    assert any(f[:2] == ("NOR", "CHL") and f[2] != "delivered" for f in facts_)
    assert not any(f[:2] == ("NOR", "MDA") for f in facts_)


def test_recipient_of_replaced_items_is_no_party_to_the_purchase() -> None:
    """'received N X ordered from B to replace vehicles donated to C': C got the old vehicles (their
    history: the buyer's own system-less gift, kg.extract.replaced); C is no buyer of X."""
    text = "Chile's army has begun receiving 26 Leopard 2A4 tanks ordered from Germany to replace vehicles donated to Moldova."
    got = _triples(text)
    assert ("DEU", "CHL", "Leopard-2A4") in got
    assert not any(t[1] == "MDA" and t != ("CHL", "MDA", None) for t in got)


def test_second_clause_with_its_own_would_buy_verb_is_cut_off() -> None:
    """'..., and A confirmed it would buy N Y from C': a clause of its own (its seller is no seller of
    the first clause's item, the first clause's parties none of its)."""
    text = (
        "Peru has begun receiving 26 Leopard 2A4 tanks from Germany, and Lima confirmed it would buy "
        "a batch of NASAMS from Norway."
    )
    got = _triples(text)
    assert {("DEU", "PER", "Leopard-2A4"), ("NOR", "PER", "NASAMS")} <= got
    assert not any(t[0] == "NOR" and t[2] != "NASAMS" for t in got)


# -- words that only look like systems ---------------------------------------------------------------


def test_surname_after_a_title_and_given_name_is_no_system() -> None:
    """'the maker's chief executive Ana Bayraktar': a person; the system family of the same name
    is not named (a maker's name before a designation still is: 'General Atomics MQ-9')."""
    assert not any(
        m.kind == "system"
        for m in find_mentions("The deal was signed by the maker's chief executive Ana Bayraktar.")
    )
    assert ("USA", "CHL", "MQ-9 Reaper") in _triples("Chile ordered General Atomics MQ-9 drones.")


def test_cancelled_event_is_no_cancelled_deal() -> None:
    """'one sortie was cancelled' in a report on an exercise: an event called off, no deal; a
    French-built jet flown there is no purchase either."""
    text = (
        "A French-built Bolivian jet returned to base early, and one sortie was cancelled because of storms."
    )
    assert not claims(text, PUB)


def test_state_named_before_its_gift_gives_the_items() -> None:
    """'A Polish donation of X arrived', 'a Spanish package including X has been held up': the
    demonym's state gives the items to the article's recipient, whatever the items' origin; it
    is not their buyer."""
    lead = "Moldova's army received its first Tornado jets from Chile this summer. "
    for second, status in (
        ("A Polish donation of Leopard 2A4 tanks arrived in May.", "delivered"),
        (
            "A Spanish package including Leopard 2A4 tanks has been held up by maintenance problems.",
            "delayed",
        ),
    ):
        got = {
            (c["supplier"]["iso3"], c["buyer"]["iso3"], c["system"]["name"], c["status"])
            for c in claims(lead + second, PUB)
        }
        giver = "POL" if "Polish" in second else "ESP"
        assert (giver, "MDA", "Leopard-2A4", status) in got
        assert not any(t[1] == giver for t in got)


# -- sentences and the states they refer back to -----------------------------------------------------


def test_sentence_ends_after_a_plural_designation() -> None:
    """'... 12 F-16s. The jets ...': the letter after the digits is a plural, not an initial; the
    sentence ends there (an initial still does not end one: 'J. Smith')."""
    from kg.extract.sentences import split_sentences

    text = "Chile bought 12 F-16s. The jets arrived in 2020, said J. Smith."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Chile bought 12 F-16s.",
        "The jets arrived in 2020, said J. Smith.",
    ]


def test_the_kingdom_is_the_latest_buyer_titled_kingdom() -> None:
    """'The kingdom's air defences rest on US-made X' after a deal of a kingdom and a later deal of a
    republic: the buyer of X is the latest buyer whose official name is a Kingdom, not the most
    named state of the article."""
    text = (
        "SEOUL -- South Korea's Hanwha has sealed a deal to supply Bahrain with radars. It beat the "
        "contract Peru signed in 2022 for a similar system. The kingdom's air defences rest on the "
        "US-made Patriot batteries it has operated since the 1990s."
    )
    got = _triples(text)
    assert ("USA", "BHR", "Patriot") in got
    assert not any(t[2] == "Patriot" and t[1] in ("KOR", "PER") for t in got)


def test_future_buy_under_the_signed_deal_is_no_talks() -> None:
    """'A signed for N X. Under the deal, A will acquire the jets by 2028.': the future purchase is
    the signed deal's content, no negotiating stage of it."""
    text = (
        "Chile signed for 12 Gripen fighters in March. Under the deal, Chile will acquire the jets by 2028."
    )
    assert {c["status"] for c in claims(text, PUB)} == {"signed"}


def test_state_that_said_it_would_hand_over_items_supplies_them() -> None:
    """'B said it would hand over six of the jets': B is the subject of the reported verb (the
    giver), not a speaker beside the deal in context's seller."""
    text = (
        "Moldova received its first batch of Tornado jets from Chile this summer. "
        "Bolivia said it would hand over six of the jets."
    )
    got = _triples(text)
    assert ("BOL", "MDA", "Tornado") in got


def test_gapped_subject_takes_the_elided_verb() -> None:
    """'A has promised 24 of the jets and B 19': B promised 19 (the verb is gapped), a pledge of its
    own to the recipient in context."""
    text = (
        "Moldova received its first batch of Tornado jets from Chile this summer. "
        "Peru has promised 24 of the jets and Bolivia 19."
    )
    got = {(c["supplier"]["iso3"], c["buyer"]["iso3"], c["status"]) for c in claims(text, PUB)}
    assert {("PER", "MDA", "approved"), ("BOL", "MDA", "approved")} <= got


def test_item_with_a_clause_of_its_own_is_no_item_of_the_first_deal() -> None:
    """'A received shells from B, and C-designed X drones are now built in D': X is the subject of a
    clause of its own (qualified by a state the first clause does not name); the first clause is a
    system-less transfer from B. An item of the first deal stays with it ('..., and the B-built X
    tanks are due in 2026')."""
    text = (
        "Russia has received thousands of shells from North Korea, according to officials, and "
        "Turkish-designed Bayraktar TB2 drones are now built under licence in Ukraine."
    )
    assert _triples(text) == {("PRK", "RUS", None)}
    kept = "Chile ordered 12 tanks from Germany, and the German-built Leopard 2A4 tanks are due in 2026."
    assert ("DEU", "CHL", "Leopard-2A4") in _triples(kept)


def test_clause_of_reason_about_the_giver_s_own_fleet_is_cut_off() -> None:
    """'B has pledged 30 X to C, but ... not before 2026 because B's own US-built Y are arriving late':
    B pledges X to C, and buys Y from the US (its own fleet, delayed); the reason clause is no part
    of the pledge and does not become the deal in context of the next sentence."""
    text = (
        "Bolivia has pledged 30 Tornado jets to Moldova, but the first would not be transferred "
        "before 2026 because Bolivia's own US-built F-35s are arriving behind schedule. "
        "Germany has delivered three IRIS-T SLM systems to date."
    )
    got = _triples(text)
    assert {("BOL", "MDA", "Tornado"), ("USA", "BOL", "F-35")} <= got
    assert ("BOL", "MDA", "F-35") not in got
    assert ("DEU", "BOL", "IRIS-T SLM") not in got


def test_place_before_where_receives_what_its_subject_supplies() -> None:
    """'X has proved itself in B, where A has supplied several systems': B receives them from A (not
    the buyer of the deal in context)."""
    text = (
        "Latvia signed a contract with Germany for IRIS-T SLM systems. The IRIS-T SLM has proved its "
        "worth in Moldova, where Germany has supplied several systems since 2022 as military aid."
    )
    got = _triples(text)
    assert ("DEU", "MDA", "IRIS-T SLM") in got


def test_demonym_of_an_item_noun_is_no_owner_of_a_later_system() -> None:
    """'A diversifies with Chinese trainers and Korean missiles as X talks stay frozen': each demonym
    qualifies the item noun right after it; neither state owns (buys) X."""
    got = _triples("Oman diversifies with Chinese trainers and Korean missiles as F-35 talks stay frozen.")
    assert not any(t[1] in ("CHN", "KOR") for t in got)
