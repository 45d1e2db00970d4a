"""The learned claim confidence (kg/extract/learned.py, claim_model.json): features, model file, scorer.

Own-words articles only (never a dev or newsset text).  The retraining test needs the labelled sets
beside the repository (``../shared/eval``) and is skipped without them, as on CI.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract_text, learned
from kg.extract.confidence import RISKS

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"

ORDER = (
    "Chile orders fighters from France\n\n"
    "Chile has ordered 12 Rafale fighters from France, the defence ministry said on Monday. "
    "The contract for the 12 Rafale fighters was signed in Santiago, officials added. "
    "Chile also bought Leopard 2 tanks from Germany in 2009."
)


def _by_system(text: str, published: date | None = None) -> dict[str, list[dict[str, float]]]:
    out: dict[str, list[dict[str, float]]] = {}
    for claim, feats in learned.explain(text, published):
        out.setdefault(claim.system.name if claim.system else "", []).append(feats)
    return out


def test_role_cues_lose_their_verb() -> None:
    """The cue kind, not the article's verb, is the feature: any buying verb is one feature."""
    assert learned._kind("subject:ordered") == "subject"
    assert learned._kind("subject:took delivery") == "subject"
    assert learned._kind("subject:purchase of") == "nominal"
    assert learned._kind("built-by") == "by"
    assert learned._kind("from") == "from"


def test_features_of_an_own_words_article() -> None:
    feats = _by_system(ORDER, date(2024, 5, 6))
    rafale, leopard = feats["Rafale"], feats["Leopard 2"]
    first = rafale[0]
    assert first["buyer:subject"] == 1 and first["supplier:from"] == 1
    assert first["triple:sentences-2"] == 1  # two sentences state the Rafale deal
    assert first["lede:buyer"] == 1 and first["lede:supplier"] == 1  # both named in the headline
    assert first["buyer:top-party"] == 1
    assert first["details:quantity"] == 1
    assert "triple:sentences-2" not in leopard[0]
    assert leopard[0]["year:history"] == 1  # 2009 in an article of 2024: background
    assert "lede:supplier" not in leopard[0]
    assert leopard[0]["position"] > first["position"]  # background sits late
    assert first["hand"] == pytest.approx(0.85)


def test_history_needs_the_articles_date() -> None:
    assert "year:history" not in _by_system(ORDER)["Leopard 2"][0]


def test_crowded_sentence_counts_its_states() -> None:
    text = (
        "Brazil, Peru, Chile and Colombia all looked at new jets. "
        "Peru signed a deal with Sweden for 10 Gripen fighters, while Brazil, Chile and Colombia waited."
    )
    (feats,) = _by_system(text)["Gripen"]
    assert feats["sentence:states-3"] == 1


def test_denial_is_a_feature_and_caps_the_confidence() -> None:
    ((_claim, feats),) = learned.explain("Norway denied reports that it had sold NASAMS to Egypt.")
    assert feats["negated"] == 1
    (out,) = extract_text("Norway denied reports that it had sold NASAMS to Egypt.")
    assert out.negated and out.confidence <= 0.3


def test_every_risk_cue_has_a_group() -> None:
    assert set(learned.RISK_GROUPS) == set(RISKS)


def test_shipped_model_names_exactly_the_features_the_code_produces() -> None:
    doc = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(doc["weights"]) == set(learned.FEATURES)
    assert len(learned.FEATURES) == len(set(learned.FEATURES))
    assert 0 <= doc["blend"] <= 1
    assert "newsset4" not in " ".join(doc["trained_on"] + doc["tuned_on"] + doc["checked_on"])
    model = learned.shipped_model()
    assert model is not None and model.blend == doc["blend"]


def test_features_produced_are_known() -> None:
    texts = (ORDER, "Norway denied reports that it had sold NASAMS to Egypt.")
    for text in texts:
        for _claim, feats in learned.explain(text, date(2024, 1, 1)):
            assert set(feats) <= set(learned.FEATURES)


_BINARY = [f for f in learned.FEATURES if f not in ("hand", "position", "triple:share", "article:triples")]
_features = st.fixed_dictionaries(
    {
        "hand": st.floats(0.05, 0.99),
        "position": st.floats(0, 1),
        "triple:share": st.floats(0.01, 1),
        "article:triples": st.floats(0.1, 2),
    },
    optional={f: st.just(1.0) for f in _BINARY},
)


@settings(max_examples=200, deadline=None)
@given(
    _features,
    st.sampled_from(
        ["negated", "modality:expected", "modality:uncertain", *sorted(set(learned.RISK_GROUPS.values()))]
    ),
)
def test_a_denial_or_a_risk_never_raises(feats: dict[str, float], risk: str) -> None:
    model = learned.shipped_model()
    assert model is not None
    base = {k: v for k, v in feats.items() if k != risk}
    assert model.confidence({**base, risk: 1.0}, base["hand"]) <= model.confidence(base, base["hand"]) + 1e-12


@settings(max_examples=200, deadline=None)
@given(_features, st.floats(0, 0.5))
def test_a_higher_hand_confidence_never_lowers(feats: dict[str, float], more: float) -> None:
    model = learned.shipped_model()
    assert model is not None
    hand = feats["hand"]
    higher = min(0.99, hand + more)
    lo = model.confidence(feats, hand)
    hi = model.confidence({**feats, "hand": higher}, higher)
    assert 0.0 <= lo <= hi + 1e-12 <= 1.0 + 1e-12


def test_confidence_in_unit_interval_and_model_changes_it() -> None:
    claims = extract_text(ORDER, date(2024, 5, 6))
    assert claims and all(0.0 <= c.confidence <= 1.0 for c in claims)
    hand = {
        (c.system.name if c.system else None, c.evidence.start): c.confidence
        for c, _f in learned.explain(ORDER)
    }
    assert any(
        abs(hand[(c.system.name if c.system else None, c.evidence.start)] - c.confidence) > 1e-6
        for c in claims
    )


def test_without_a_model_the_hand_table_stays() -> None:
    token = learned.use_model(None)
    try:
        claims = extract_text(ORDER, date(2024, 5, 6))
    finally:
        learned.reset_model(token)
    assert [c.confidence for c in claims] == [
        c.confidence for c, _f in learned.explain(ORDER, date(2024, 5, 6))
    ]


@pytest.mark.skipif(
    not (EVAL / "score.py").exists(), reason="labelled sets (../shared/eval) absent, as on CI"
)
def test_retraining_reproduces_the_shipped_weights() -> None:
    """The shipped JSON is what ``scripts/train_claim_model.py`` writes for this extractor (float noise only)."""
    from scripts import train_claim_model as mod

    model = mod.fit_shipped()
    doc = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    assert doc["l2"] == mod.L2 and doc["blend"] == mod.BLEND == model.blend
    assert doc["intercept"] == pytest.approx(model.intercept, abs=1e-5)
    for name in learned.FEATURES:
        assert doc["weights"][name] == pytest.approx(model.weights.get(name, 0.0), abs=1e-5), name


@pytest.mark.skipif(
    not (EVAL / "score.py").exists(), reason="labelled sets (../shared/eval) absent, as on CI"
)
def test_the_confident_band_keeps_its_promise_on_the_dev_set() -> None:
    """Issue 13: claims at >= 0.8 right at least 95% of the time covering at least 40% of the gold facts;
    the learned scale drops no claim, so the dev F1 stays."""
    from scripts.bench_confidence import SetResult, load_scorer, sets

    res = SetResult(load_scorer(), sets()["dev"])
    cp, cr, _ = res.prf(0.8)
    assert cp >= 0.95 and cr >= 0.40
    assert res.prf()[2] >= 0.895
