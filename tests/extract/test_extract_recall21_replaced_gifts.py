"""Earlier donations told as what a purchase replaces (issue 13, helper recall21).

Why: rearmament news explains a purchase by the equipment it replaces, and that equipment's clause
states a transfer of its own: "B ordered N X from A to replace the guns it donated to C", "..., which
will replace old batteries that <B's capital> gave to C", "to replace vehicles donated to C".  The
donor (the state the clause names, else the buyer of the purchase) gave C the equipment: a
``delivered`` fact, without a system unless the replaced noun names one, and beside the purchase's own
claim.  A demonym in the replaced noun ("Soviet-era guns") is their origin, not the donor.  The
sentences are invented.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 4, 14)

_BUYERS = [("Finland", "FIN", "Helsinki"), ("Norway", "NOR", "Oslo"), ("Portugal", "PRT", "Lisbon")]
_OLD = ["guns", "howitzers", "vehicles", "old batteries", "Soviet-era launchers", "armoured vehicles"]


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(_BUYERS),
    st.sampled_from(_OLD),
    st.sampled_from(["it donated", "it had donated", "it gave", "it has largely given", "it sent"]),
    st.sampled_from(["ordered new howitzers", "signed for new tanks", "ordered 24 new rocket launchers"]),
)
def test_pronoun_donor_is_the_buyer(buyer: tuple[str, str, str], old: str, verb: str, deal: str) -> None:
    """Pattern "B ordered N X from A to replace the guns it donated to C": B gave C (delivered)."""
    name, iso, _capital = buyer
    got = facts(f"{name} has {deal} from Germany to replace the {old} {verb} to Ukraine.", PUB)
    assert (iso, "UKR", None, "delivered") in got
    assert any(f[:2] == ("DEU", iso) for f in got)


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(_OLD), st.sampled_from(["gave", "handed over", "had sent"]))
def test_named_donor_in_the_relative_clause(buyer: tuple[str, str, str], old: str, verb: str) -> None:
    """Pattern "..., which will replace old batteries that <capital> gave to C": the capital's state gave C."""
    name, iso, capital = buyer
    got = facts(
        f"{name} signed a contract worth $300 million for Israel's Spyder air defence system, "
        f"which will replace the {old} that {capital} {verb} to Ukraine.",
        PUB,
    )
    assert (iso, "UKR", None, "delivered") in got


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(_BUYERS), st.sampled_from(["vehicles", "tanks", "guns"]))
def test_bare_participle_and_a_named_gift_beside_it(buyer: tuple[str, str, str], old: str) -> None:
    """Pattern "... to replace vehicles donated to C, and B will buy N Y to be donated to C": both gifts."""
    name, iso, _capital = buyer
    got = facts(
        f"{name} has begun receiving 18 Leopard 2A8 tanks ordered from Germany to replace {old} donated to "
        f"Ukraine, and it said it would buy two more NASAMS batteries from Norway to be donated to Kyiv.",
        PUB,
    )
    assert (iso, "UKR", None, "delivered") in got


def test_a_demonym_in_the_replaced_noun_is_no_donor() -> None:
    """Counter-case: "to replace Soviet-era launchers it gave to C": the buyer gave them, not the USSR."""
    got = facts(
        "Portugal ordered new launchers from Germany to replace Soviet-era launchers it gave to Ukraine.",
        PUB,
    )
    assert not any(f[0] == "SUN" for f in got)
    assert ("PRT", "UKR", None, "delivered") in got


def test_the_replaced_gift_told_elsewhere_with_its_system_is_not_repeated() -> None:
    """Counter-case: the article names the gift's system in its own delivery ("sent dozens of M60 tanks
    to C"): the replacement clause tells that same gift again, no second, system-less fact."""
    got = facts(
        "Portugal signed a contract to buy 30 Leopard 2A8 tanks from Germany, as it replaces old armour it "
        "has largely given to Ukraine. Portugal sent dozens of M60 tanks to Ukraine in 2022.",
        PUB,
    )
    assert ("PRT", "UKR", "M60", "delivered") in got
    assert ("PRT", "UKR", None, "delivered") not in got
