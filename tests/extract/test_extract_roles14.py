"""Who supplies and who buys (issue 13, helper roles14).

Why: real reports name a seller by its state's adjective and a maker's noun ("from an Italian
consortium"), and run two deals in one sentence joined by ", and", often with the second verb's
subject left out ("It bought X from A's maker, and in 2019 took delivery of Y from B").  A party
read as the subject of the wrong verb turned a seller into a buyer.  Each test states the pattern in
its own words; negative cases pin its limits.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import triples

PUB = date(2025, 6, 2)

_MAKER_STATES = [("Spanish", "ESP"), ("South Korean", "KOR"), ("Italian", "ITA"), ("Turkish", "TUR")]
_BUYERS = [("Peru", "PER"), ("Chile", "CHL"), ("Colombia", "COL"), ("Ecuador", "ECU")]


def _pairs(text: str) -> set[tuple[str | None, str]]:
    return {(s, b) for s, b, _ in triples(text, PUB)}


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_MAKER_STATES),
    st.sampled_from(_BUYERS),
    st.sampled_from(["consortium", "shipbuilder", "firm", "defence company", "yard"]),
    st.sampled_from(["a", "an"]),
)
def test_a_maker_named_by_its_state_adjective_after_from_a_sells(
    maker: tuple[str, str], buyer: tuple[str, str], noun: str, article: str
) -> None:
    """Pattern "ordered X from an Italian consortium, and the air force received Y it ordered from
    B": the adjective's state sells X; it is no subject of the later clause's verb, so no buyer of Y."""
    (adj, a3), (b, b3) = maker, buyer
    text = (
        f"{b} is rebuilding its forces. The army ordered 40 Tiburon-class armoured vehicles from {article} "
        f"{adj} {noun} in 2021, and the air force has since received six of the 12 Rafale fighters it "
        "ordered from France."
    )
    pairs = _pairs(text)
    assert ("FRA", b3) in pairs
    assert ("FRA", a3) not in pairs
    assert (a3, b3) in pairs


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from([("Israel", "ISR", "Rafael"), ("Sweden", "SWE", "Saab"), ("France", "FRA", "Thales")]),
    st.sampled_from(_BUYERS),
    st.sampled_from(["in 2021 took delivery of", "later received", "last year took delivery of"]),
)
def test_a_maker_in_a_from_phrase_is_not_the_subject_of_the_next_coordinate_verb(
    maker: tuple[str, str, str], buyer: tuple[str, str], verb: str
) -> None:
    """Pattern "It bought X from A's firm, and in 2021 took delivery of Y from C": the second verb's
    subject is the sentence's ("it"), never A, the state of the firm in the "from" phrase."""
    (a, a3, firm), (b, b3) = maker, buyer
    text = (
        f"{b} has been rebuilding its air defences. It bought an air-defence system from {a}'s {firm}, "
        f"and {verb} 12 Yak-130 jet trainers from Russia."
    )
    pairs = _pairs(text)
    assert ("RUS", a3) not in pairs
    assert ("RUS", b3) in pairs


def test_the_opening_subject_keeps_the_verb_of_its_coordinated_clause() -> None:
    """Negative: the sentence's own subject, named first, keeps the coordinated verb ("A has long
    wanted new jets, and on Monday signed for 12 X from B")."""
    text = (
        "Peru has long wanted new fighters, and on Monday signed a contract for 12 Gripen jets from Sweden."
    )
    assert ("SWE", "PER") in _pairs(text)


_GIVER_FOCUS = [("Slovenia", "SVN"), ("Portugal", "PRT"), ("Lithuania", "LTU"), ("Greece", "GRC")]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(_GIVER_FOCUS),
    st.sampled_from(
        ["The government", "The cabinet", "In May the Supreme Defence Council", "The parliament"]
    ),
    st.sampled_from(
        [
            "decided in March to give Ukraine all eight of its Mi-8 transport helicopters",
            "approved the donation of six Mi-8 transport helicopters to Ukraine",
            "agreed last week to donate its remaining Mi-8 helicopters to Ukraine",
        ]
    ),
)
def test_a_state_body_deciding_to_give_away_equipment_gives_for_its_state(
    focus: tuple[str, str], body: str, decision: str
) -> None:
    """Pattern "The government decided to give B N X", "the council approved the donation of X to
    B": the state the article is about gives X; X's design state (its maker's home) sells nothing."""
    a, a3 = focus
    text = f"{a} is replacing its ageing helicopter fleet. {body} {decision}."
    pairs = _pairs(text)
    assert (a3, "UKR") in pairs
    assert ("RUS", "UKR") not in pairs


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from([("Russia", "RUS"), ("Poland", "POL")]),
    st.sampled_from([("Belarus", "BLR"), ("Slovakia", "SVK"), ("Bulgaria", "BGR")]),
    st.sampled_from(["gave four more", "sent another six", "donated two more", "supplied a further three"]),
)
def test_a_second_giver_of_more_of_the_same_is_no_buyer(
    first: tuple[str, str], second: tuple[str, str], gave: str
) -> None:
    """Pattern "A donated six X in 2017, and B gave four more": B gives X too; the recipient is the
    state the article is about, never B."""
    (a, a3), (b, b3) = first, second
    text = f"Serbia is rebuilding its air force. {a} donated six second-hand MiG-29 fighters in 2017, and {b} {gave} two years later."
    pairs = _pairs(text)
    assert (a3, "SRB") in pairs
    assert (a3, b3) not in pairs


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from([("Germany", "DEU"), ("France", "FRA"), ("Britain", "GBR")]),
    st.sampled_from(["refused to supply", "declined to sell", "would not export"]),
)
def test_a_state_refusing_to_supply_a_component_is_no_buyer(refuser: tuple[str, str], refused: str) -> None:
    """Pattern "X has been held up because B refused to supply its engines": B is no party to the
    deal for X, least of all its buyer; the navy named bare is the article's state's."""
    b, b3 = refuser
    text = (
        "Peru is rebuilding its navy. The navy is awaiting a Chinese Yuan-class submarine that has been "
        f"held up for years because {b} {refused} its diesel engines."
    )
    pairs = _pairs(text)
    assert ("CHN", b3) not in pairs
    assert ("CHN", "PER") in pairs


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(
        [
            ("Franco-Italian", "SAMP/T air defence system", {"FRA", "ITA"}),
            ("Italo-French", "SAMP/T air defence system", {"FRA", "ITA"}),
            ("Anglo-French", "Storm Shadow cruise missiles", {"GBR", "FRA"}),
            ("Franco-British", "Storm Shadow cruise missiles", {"GBR", "FRA"}),
        ]
    ),
    st.sampled_from([("Denmark", "DNK"), ("Morocco", "MAR"), ("Singapore", "SGP")]),
    st.sampled_from(["ordered the", "has signed for the", "took delivery of the first"]),
)
def test_a_compound_demonym_names_both_states_of_a_joint_design(
    design: tuple[str, str, set[str]], buyer: tuple[str, str], verb: str
) -> None:
    """Pattern "B ordered the Franco-Italian X": "Franco-" names France beside Italy, the two
    states of a joint design; each sells X."""
    compound, item, states = design
    b, b3 = buyer
    text = f"{b} {verb} {compound} {item} in 2024."
    sellers = {s for s, buyer3 in _pairs(text) if buyer3 == b3}
    assert states <= sellers


def test_a_compound_demonym_before_a_firm_names_no_second_seller() -> None:
    """Negative: "the Franco-German KNDS group will deliver Leopard tanks": the firm's two homes do
    not make France a seller of a German design; "Indo-" (joint ventures in India) is left alone."""
    text = "The Franco-German KNDS group will deliver 18 Leopard 2A8 tanks to Lithuania."
    assert ("FRA", "LTU") not in _pairs(text)
    text = "The Indo-Russian BrahMos missile was delivered to the Philippines in 2024."
    assert ("RUS", "PHL") not in _pairs(text)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from([("Ecuador", "ECU"), ("Guyana", "GUY"), ("Mauritius", "MUS")]),
    st.sampled_from(
        [
            "HAL is also pitching the Tejas light combat aircraft abroad.",
            "HAL is now marketing the Tejas fighter abroad.",
            "India has also offered the Tejas light combat aircraft abroad.",
        ]
    ),
)
def test_an_item_pitched_abroad_has_no_buyer_from_the_context(buyer: tuple[str, str], pitch: str) -> None:
    """Pattern "A is also pitching X abroad": the buyers are unnamed; neither the state that bought
    another item in the sentence before nor the article's main buyer is X's."""
    b, b3 = buyer
    text = f"{b} bought seven Dhruv helicopters from India in 2008. {pitch}"
    assert not any(system == "Tejas" for _s, _b, system in triples(text, PUB))
    assert ("IND", b3) in _pairs(text)


def test_an_item_bought_from_abroad_keeps_its_buyer() -> None:
    """Negative: "the missiles still come from abroad" tells the buyer's imports; the buyer stays."""
    text = "Peru signed for 12 Gripen fighters from Sweden in 2024, and it has also ordered Meteor missiles from abroad."
    assert ("SWE", "PER") in _pairs(text)
