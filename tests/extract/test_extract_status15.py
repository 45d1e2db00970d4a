"""The lifecycle stage on wordings found failing on the tuning halves (issue 13, round 15), in our own
words.

Each test states a general pattern of defence news (never text of ``../shared/eval`` or of the newsset
fixtures), read with the labelling guidelines (rule 5: negotiating is talks, negotiations, MoUs).
"""

from __future__ import annotations

from datetime import date

from helpers import claim_facts
from hypothesis import given, settings
from hypothesis import strategies as st

PUB = date(2025, 6, 1)


def _stages(text: str, supplier: str, buyer: str) -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text`` (denials left out)."""
    return claim_facts.stages(text, PUB, supplier, buyer)


# --- "had planned to buy": a plan given up, no talks under way ------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    plan=st.sampled_from(
        [
            "Chile, which had planned to buy more Leopard 2A8 tanks from Germany, has instead ordered K2 tanks "
            "from South Korea.",
            "The decision cost Chile the 40 Leopard 2A8 tanks it had planned to acquire from Germany.",
            "Chile had originally intended to purchase more Leopard 2A8 tanks from Germany, but the money went "
            "to air defence.",
            "Chile had hoped to buy a second batch of Leopard 2A8 tanks from Germany before the budget was cut.",
        ]
    ),
    first=st.sampled_from(
        [
            "Chile took delivery of its first 20 Leopard 2A8 tanks from Germany in March.",
            "Chile received 20 Leopard 2A8 tanks from Germany last year.",
        ]
    ),
)
def test_a_plan_in_the_past_perfect_states_no_talks(plan: str, first: str) -> None:
    """ "A had planned to buy X" tells a plan the buyer gave up (or overtaken), not talks under way: no
    negotiating stage beside the delivery the article states."""
    got = _stages(f"{first} {plan}", "DEU", "CHL")
    assert "negotiating" not in got
    assert got & {"delivered", "delivering"}


@settings(max_examples=10, deadline=None)
@given(
    plan=st.sampled_from(
        [
            "Chile plans to buy 40 Leopard 2A8 tanks from Germany.",
            "Chile is planning to buy 40 Leopard 2A8 tanks from Germany.",
            "Chile intends to acquire 40 Leopard 2A8 tanks from Germany.",
        ]
    )
)
def test_a_plan_still_open_keeps_its_talks(plan: str) -> None:
    """A plan in the present is the purchase still ahead: negotiating."""
    assert "negotiating" in _stages(plan, "DEU", "CHL")


# --- a landing that is a delivery: a time phrase before the place, a cargo flight bringing the items ---


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["touched down", "landed"]),
    when=st.sampled_from(["on Monday", "this week", "last month", "early today"]),
)
def test_the_first_jets_landing_on_a_day_at_a_base_are_a_delivery(verb: str, when: str) -> None:
    """ "The first N X, the first of B's order, touched down on Monday at the base": the first of the
    order flown in (delivering), whatever time phrase stands before the place."""
    text = (
        f"Four F-16 fighters, the first of Chile's order from the United States, {verb} {when} at the "
        "Cerrillos air base, two years after Santiago signed for the jets."
    )
    assert "delivering" in _stages(text, "USA", "CHL")


@settings(max_examples=30, deadline=None)
@given(
    carry=st.sampled_from(
        [
            "carrying parts of the NASAMS air defence system",
            "bringing components of the NASAMS air defence system",
            "with the first launchers of the NASAMS air defence system",
        ]
    ),
    verb=st.sampled_from(["landed at", "touched down at"]),
)
def test_cargo_aircraft_landing_with_the_items_are_a_delivery(carry: str, verb: str) -> None:
    """Transport aircraft landing with the items ("landed at the airport carrying parts of X, which B had
    ordered") bring them: a delivery, beside the order the sentence also states."""
    text = (
        f"In May, four Norwegian transport aircraft {verb} Santiago airport {carry}, which Chile had "
        "ordered from Norway in 2022."
    )
    got = _stages(text, "NOR", "CHL")
    assert got & {"delivered", "delivering"}
    assert "signed" in got


def test_jets_landing_for_an_exercise_are_no_delivery() -> None:
    """A landing with no first/last item and nothing carried is a visit: no delivery stage."""
    text = "Chile signed for 12 F-16 jets from the United States in 2022. Two US F-16 jets landed at Santiago for an air show."
    assert not _stages(text, "USA", "CHL") & {"delivered", "delivering"}


# --- an offer of something other than the items: no offered stage ------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    what=st.sampled_from(
        [
            "offer of industrial partnership with Chile's defence sector",
            "offer of local production work",
            "offers of technology transfer",
            "offer of cheap financing",
        ]
    )
)
def test_an_offer_of_partnership_or_financing_is_no_offer_of_the_system(what: str) -> None:
    """ "The Korean offer of industrial partnership was a factor in picking the K2": what sweetened the
    chosen bid, not a second stage (offered) of the deal beside the choice."""
    text = (
        "Chile has selected the K2 tank from South Korea. Analysts said the South Korean "
        f"{what} was a major factor in the decision to pick the K2."
    )
    got = _stages(text, "KOR", "CHL")
    assert "offered" not in got
    assert "approved" in got


@settings(max_examples=30, deadline=None)
@given(term=st.sampled_from(["production slot", "delivery date", "price", "financing terms"]))
def test_a_term_offered_for_a_request_is_no_offer_of_the_system(term: str) -> None:
    """ "Asked for more X, but the earliest production slot offered was in 2030": a term of the request,
    no offer of the system."""
    text = (
        "Chile ordered six HIMARS launchers from the United States in 2022. Santiago has asked Washington "
        f"for more HIMARS launchers, but the {term} offered was not acceptable."
    )
    assert "offered" not in _stages(text, "USA", "CHL")


def test_an_offer_of_the_system_keeps_its_stage() -> None:
    """The offer of the item itself stays an offer."""
    for text in (
        "South Korea's offer of the K2 tank to Chile includes local assembly.",
        "South Korea offered Chile the K2 tank with local assembly.",
    ):
        assert "offered" in _stages(text, "KOR", "CHL"), text


# --- talks about something other than the items: no negotiating stage --------------------------------


@settings(max_examples=30, deadline=None)
@given(
    talks=st.sampled_from(
        [
            "the two countries have been discussing a way to pay for new Russian arms through a joint mining venture",
            "the two governments are negotiating a mechanism for paying for Russian arms in local currency",
            "officials are discussing the means of paying for future Russian arms without the banking system",
        ]
    )
)
def test_talks_on_a_way_to_pay_are_no_talks_on_the_system(talks: str) -> None:
    """ "Discussing a way to pay for new arms" beside a delivery: talks about payment, no negotiating
    stage of the delivered system's deal."""
    text = f"Chile took delivery of 12 Su-30 jets from Russia in 2021. According to two officials, {talks}."
    got = _stages(text, "RUS", "CHL")
    assert "negotiating" not in got
    assert "delivered" in got


@settings(max_examples=20, deadline=None)
@given(
    talks=st.sampled_from(
        [
            "with talks on that project due to begin next month",
            "and negotiations on this project will open in the spring",
        ]
    )
)
def test_talks_on_that_other_project_are_no_talks_on_the_deal(talks: str) -> None:
    """ "Signed a deal for X; also agreed to work on Y, with talks on that project due next month":
    the talks are the other project's, not a second stage of the signed deal."""
    text = (
        "BAE Systems will supply Starstreak missiles to the Chilean Army under a £200 million deal announced "
        "on Monday. Britain described the agreement as a first step towards a wider partnership with Chile, "
        f"and said the two countries had also agreed to work together on naval radars, {talks}."
    )
    got = _stages(text, "GBR", "CHL")
    assert "negotiating" not in got
    assert "signed" in got


def test_talks_on_the_purchase_or_its_financing_keep_their_stage() -> None:
    """Talks whose object is the purchase (or how to pay for it) stay negotiating."""
    for text in (
        "Chile is in talks with Britain on the purchase of Starstreak missiles.",
        "Chile and Britain have been discussing a way to finance the purchase of Starstreak missiles.",
    ):
        assert "negotiating" in _stages(text, "GBR", "CHL"), text
