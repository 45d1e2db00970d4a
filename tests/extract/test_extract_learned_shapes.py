"""The learned confidence's features for the risk shapes of harder news (kg/extract/learned.py, conf12).

Aid, re-exports and second-hand sales (the item's maker is not its sender), a firm whose country the text
never states, a maker's partners and licence lines, a recipient "to X" among several states: each feature
fires on an own-words sentence of its shape and not on a plain deal sentence (never a labelled text).
"""

from __future__ import annotations

import pytest

from kg.extract import learned


def _features(text: str, system: str | None = None) -> list[dict[str, float]]:
    """The features of the claims of ``text`` (of one system's claims when ``system`` is given)."""
    return [
        f
        for c, f in learned.explain(text)
        if system is None or (c.system is not None and c.system.name == system)
    ]


def _fires(feature: str, text: str, system: str | None = None) -> bool:
    feats = _features(text, system)
    assert feats, f"no claim read from {text!r}"
    return any(feature in f for f in feats)


PLAIN = (
    "Ukraine received 12 Leopard 2 tanks from Germany last month.",
    "India ordered 20 K9 Thunder howitzers from South Korea.",
    "Sweden sold 30 CV90 vehicles to Slovenia.",
)


@pytest.mark.parametrize(
    "text",
    [
        # (since frames12 "Portugal will give Ukraine six X" names the giver as supplier: no risk left)
        "Ukraine received six Leopard 2 tanks, Portugal said.",
        "Ukraine has received six Leopard 2 tanks promised by Portugal.",
    ],
)
def test_the_items_origin_as_supplier_beside_another_state_is_a_risk(text: str) -> None:
    """A state that passes on what it once bought is the supplier, not the maker's state: the item's
    origin read as supplier while the sentence names another state is the aid and resale shape."""
    feats = _features(text, "Leopard 2")
    assert any("supplier:origin-beside-state" in f for f in feats if "supplier:system-origin" in f)


@pytest.mark.parametrize(
    "text", [*PLAIN, "Chile ordered six Leopard 2 tanks last week, the defence ministry said."]
)
def test_origin_beside_state_not_on_a_plain_deal(text: str) -> None:
    assert not _fires("supplier:origin-beside-state", text)


@pytest.mark.parametrize("word", ["used", "second-hand", "surplus", "donated", "ex-Dutch"])
def test_the_items_origin_as_supplier_of_a_transfer_is_a_risk(word: str) -> None:
    """A used, surplus or donated item comes from whoever held it: its maker's state is a guess."""
    assert _fires("supplier:origin-in-transfer", f"Ukraine received 12 {word} Leopard 2 tanks last month.")


@pytest.mark.parametrize("text", PLAIN)
def test_origin_in_transfer_not_on_a_plain_deal(text: str) -> None:
    assert not _fires("supplier:origin-in-transfer", text)


@pytest.mark.parametrize(
    "tail",
    [
        "to be built under licence at a plant in Gujarat",
        "to be assembled locally by a joint venture",
        "with local production at a state factory",
    ],
)
def test_a_sentence_about_making_the_item_is_a_risk(tail: str) -> None:
    """Licence lines, local assembly and partners: who supplies is the text's framing, often a partner."""
    assert _fires("sentence:production", f"India ordered 20 K9 Thunder howitzers from South Korea, {tail}.")


@pytest.mark.parametrize("text", PLAIN)
def test_production_not_on_a_plain_deal(text: str) -> None:
    assert not _fires("sentence:production", text)


@pytest.mark.parametrize(
    "text",
    [
        "Brazil ordered four Scorpene submarines from Naval Group.",
        "Chile ordered six Leopard 2 tanks last week, the defence ministry said.",
    ],
)
def test_a_supplier_the_article_never_names_is_a_risk(text: str) -> None:
    """Only a firm (the gazetteer's country) or the catalogue's origin gives the supplier: the text never
    states the state, and a reader (and the labels) give a firm's country only where the text does."""
    assert _fires("supplier:unstated", text)


@pytest.mark.parametrize(
    "text",
    [
        *PLAIN,
        "Brazil ordered four Scorpene submarines from France's Naval Group.",
        "Brazil ordered four Scorpene submarines from Naval Group. The French yard will build them at home.",
    ],
)
def test_a_supplier_the_article_names_is_stated(text: str) -> None:
    assert not _fires("supplier:unstated", text)


@pytest.mark.parametrize("verb", ["sending", "handing"])
def test_a_recipient_among_three_states_is_a_risk(verb: str) -> None:
    """ "A signed with B to buy X, while handing its old tanks to C": the "to" may be another verb's."""
    text = f"Slovenia signed a deal with Sweden to buy 30 CV90 vehicles, while {verb} its old M-84 tanks to Ukraine."
    assert _fires("buyer:to-among-states", text)


@pytest.mark.parametrize("text", PLAIN)
def test_recipient_among_states_not_on_a_plain_deal(text: str) -> None:
    assert not _fires("buyer:to-among-states", text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said Ghana, a partner courted by both France and Turkey, received two Super Tucano aircraft from Brazil.",
        "Wary of Russia, Finland ordered 64 F-35 fighters from the United States.",
    ],
)
def test_a_subject_buyer_named_after_another_state_is_a_risk(text: str) -> None:
    """ "B, courted by both C and D, received X": a state before the subject that is no party to the claim
    may be the subject itself, the buyer read from a later name of an appositive or an opening phrase."""
    assert _fires("buyer:after-other-state", text)


@pytest.mark.parametrize("text", [*PLAIN, "Finland ordered 64 F-35 fighters from the United States."])
def test_buyer_after_other_state_not_on_a_plain_deal(text: str) -> None:
    assert not _fires("buyer:after-other-state", text)
