"""The claim model's drop floor: claims scoring under it are not emitted by default, ``candidates``
keeps them, and the trainer chooses the floor only where dropping pays out-of-sample."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.extract import extract_text, learned

#: the shipped output, drop floor included (tests/conftest.py)
pytestmark = pytest.mark.shipped_output

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"

# own words: a plain signed contract, and a maker named alone as the seller (the model scores a
# company-only seller lower than a state named as one)
PLAIN = "Chile signed a contract with Sweden for 14 Gripen fighters in March."
RISKY = "Hanwha Aerospace disclosed the signing of a deal with Estonia for six K9 howitzers."


def _model(floor: float) -> learned.ClaimModel:
    shipped = learned.shipped_model()
    assert shipped is not None
    return dataclasses.replace(shipped, floor=floor)


def _with_model(model: learned.ClaimModel | None, text: str, candidates: bool = False) -> list:
    token = learned.use_model(model)
    try:
        return extract_text(text, candidates=candidates)
    finally:
        learned.reset_model(token)


def test_a_floor_above_every_score_drops_every_claim_and_candidates_keep_them() -> None:
    everything = _with_model(_model(0.0), PLAIN + " " + RISKY)
    assert everything
    assert _with_model(_model(1.01), PLAIN + " " + RISKY) == []
    kept = _with_model(_model(1.01), PLAIN + " " + RISKY, candidates=True)
    assert [c.to_dict() for c in kept] == [c.to_dict() for c in everything]


def test_the_floor_compares_the_score_not_the_shown_confidence() -> None:
    """A claim is kept exactly when the model's score reaches the floor (the confidence is the score mapped
    by the band, and a denial's is capped: neither decides)."""
    model = _model(0.0)
    claims = _with_model(model, PLAIN + " " + RISKY)
    scores = sorted({round(model.score(f, hand), 6) for f, hand in _features(PLAIN + " " + RISKY)})
    assert len(scores) >= 2
    middle = (scores[0] + scores[-1]) / 2
    kept = _with_model(_model(middle), PLAIN + " " + RISKY)
    assert 0 < len(kept) < len(claims)


def _features(text: str) -> list[tuple[dict[str, float], float]]:
    return [(f, c.confidence) for c, f in learned.explain(text)]


def test_the_hand_table_alone_has_no_floor() -> None:
    assert _with_model(None, RISKY) == _with_model(None, RISKY, candidates=True)


def test_a_plain_signed_contract_clears_the_shipped_floor() -> None:
    claims = extract_text(PLAIN)
    assert [(c.supplier.iso3, c.buyer.iso3, c.status) for c in claims] == [("SWE", "CHL", "signed")]


def test_the_shipped_json_carries_the_floor_the_trainer_chose() -> None:
    doc = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    from scripts import train_claim_model as train

    assert doc["floor"] == train.FLOOR == learned.shipped_model().floor
    assert 0.0 <= train.FLOOR < train.BAND


def test_cli_candidates_prints_a_superset() -> None:
    runner = CliRunner()
    args = ["extract", "--format", "json", "-"]
    text = PLAIN + "\n\n" + RISKY + "\n"
    default = json.loads(runner.invoke(cli, args, input=text).output)[0]["claims"]
    every = json.loads(runner.invoke(cli, [*args[:-1], "--candidates", "-"], input=text).output)[0]["claims"]
    assert len(every) >= len(default) >= 1
    assert all(c in every for c in default)


# -- the trainer's choice ---------------------------------------------------------------------------
needs_scorer = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="no ../shared/eval/score.py")


def _labelled(sc, train, rows: list[tuple[str, float, bool]]):
    """One article per row: a gold fact, and one claim whose triple is the gold's when ``right``."""
    gold, examples = [], []
    for i, (name, score, right) in enumerate(rows):
        gold.append([{"supplier": "France", "buyer": name, "system": "Rafale"}])
        key = (
            sc.country_key("France"),
            sc.country_key(name),
            sc.system_key("Rafale" if right else "Mirage 2000"),
        )
        examples.append(train.Example(i, key, {}, score, right))
    return train.Labelled(gold, examples), [score for _, score, _ in rows]


@needs_scorer
@pytest.mark.parametrize("low_right", [False, True])
def test_the_trainer_drops_low_scores_only_when_they_are_mostly_wrong(low_right: bool) -> None:
    from scripts import train_claim_model as train

    sc = train.load_scorer()
    checks, scores = {}, {}
    for h in range(4):
        rows = [(f"Peru{h}{i}", 0.9, True) for i in range(6)] + [
            (f"Chad{h}{i}", 0.2, low_right) for i in range(6)
        ]
        checks[f"set{h}-odd"], scores[f"set{h}-odd"] = _labelled(sc, train, rows)
    choice = train.choose_floor(sc, checks, scores)
    if low_right:
        assert choice.floor == 0.0
    else:
        assert 0.2 < choice.floor <= 0.9
        assert choice.nested[0] == 1.0 and choice.wins == 4
