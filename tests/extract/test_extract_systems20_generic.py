"""Which system a claim names: an unnamed item of a clause of its own (helper systems20).

Why: "A took delivery of X, and B has received Chinese-made transport aircraft" states two
transfers; the second names no system, so it is a fact without one (labelling rule 4), and neither
its buyer nor the state whose adjective qualifies the item belongs to X.  Sentences are the
helper's own, varying the named system, the adjective, the item noun and the stage verb.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.claim_facts import facts

PUB = date(2025, 5, 6)

_NAMED = st.sampled_from([("K2 tanks", "South Korea", "KOR"), ("Z-9 helicopters", "China", "CHN")])
_ADJ = st.sampled_from([("French-built", "FRA"), ("Turkish", "TUR"), ("Italian-made", "ITA")])
_NOUN = st.sampled_from(["patrol boats", "armoured vehicles", "transport aircraft", "drones"])
_GOT = st.sampled_from(
    [("took delivery of", "delivered"), ("has received", "delivered"), ("ordered", "signed")]
)


@settings(max_examples=25, deadline=None)
@given(_NAMED, _ADJ, _NOUN, _GOT)
def test_later_clause_buyer_of_an_unnamed_item(
    named: tuple[str, str, str], adj: tuple[str, str], noun: str, got: tuple[str, str]
) -> None:
    """Pattern "A bought X from B, while C <verb> <adjective> <items>": C buys the items from the
    adjective's state (no system), and C buys no X."""
    text = f"Ghana bought {named[0]} from {named[1]} in March, while Togo {got[0]} {adj[0]} {noun} last year."
    out = facts(text, PUB)
    assert (adj[1], "TGO", None, got[1]) in out, out
    assert not any(f[1] == "TGO" and f[2] is not None for f in out), out
    assert any(f[0] == named[2] and f[1] == "GHA" and f[2] is not None for f in out), out


@settings(max_examples=20, deadline=None)
@given(_ADJ, _NOUN, _GOT)
def test_shared_subject_unnamed_item_is_not_the_named_system(
    adj: tuple[str, str], noun: str, got: tuple[str, str]
) -> None:
    """Pattern "A has held talks with B over X and <verb> <adjective> <items>": the adjective's state
    sells the items (no system), not X, at the stage of its own clause."""
    text = f"Oman has held talks with Sweden over the Gripen and {got[0]} {adj[0]} {noun}, officials said."
    out = facts(text, PUB)
    assert (adj[1], "OMN", None, got[1]) in out, out
    assert not any(f[0] == adj[1] and f[2] is not None for f in out), out
    assert not any(f[0] == adj[1] and f[3] == "negotiating" for f in out), out


@settings(max_examples=10, deadline=None)
@given(_ADJ)
def test_part_for_a_foreign_platform_is_no_transfer(adj: tuple[str, str]) -> None:
    """Limit: "engines for a <adjective> ship" names the platform a part is for; its state sells
    nothing here."""
    text = f"Ghana ordered K2 tanks from South Korea, and Norway refused to license engines for a {adj[0]} frigate."
    assert not any(f[0] == adj[1] for f in facts(text, PUB))
