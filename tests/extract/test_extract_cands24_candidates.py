"""The candidate generator of the learned recall experiment (``scripts/candidate_features.py``).

The experiment did not pay (``scripts/train_candidates.py``), so the generator is no stage of the
extractor; these tests keep the measuring tools honest for a next attempt: a triple the rules emit is
never proposed again, a co-occurrence they do not emit is, with the catalogue origin as supplier, a
system-less pair needs a stage trigger, and the training script's command line runs.  Invented sentences.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.extract.claims import _Extractor
from scripts import candidate_features as cf

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2025, 1, 1)


def _candidates(text: str) -> dict[tuple, dict[str, float]]:
    ex = _Extractor(text, DAY, (), None)
    claims = ex.run()
    return {c.key: c.features for c in cf.generate(ex.masked, ex.mentions, claims, DAY)}


def test_a_rule_triple_is_not_proposed_again() -> None:
    found = _candidates("Chile signed a contract for 12 Rafale fighters from France in March.")
    assert ("FRA", "CHL", "rafale") not in found


def test_a_cooccurrence_the_rules_leave_out_is_proposed_with_the_catalogue_origin() -> None:
    found = _candidates("At the air show, pilots from Chile and Peru watched the Rafale fly past.")
    assert found[("FRA", "CHL", "rafale")]["supplier:origin-only"] == 1.0
    assert found[("PER", "CHL", "rafale")]["supplier:not-origin"] == 1.0
    assert "trigger:none" in found[("FRA", "CHL", "rafale")]


def test_a_systemless_pair_needs_a_stage_trigger() -> None:
    assert ("PER", "CHL", None) in _candidates("Chile and Peru signed an agreement last week.")
    assert _candidates("Chile and Peru met last week to discuss fishing rights.") == {}


def test_features_are_structural_never_a_word_of_the_text() -> None:
    found = _candidates("At the air show, pilots from Chile and Peru watched the Rafale fly past.")
    names = {k for feats in found.values() for k in feats}
    assert not any(w in k.lower() for k in names for w in ("chile", "peru", "rafale", "show", "pilot"))


@pytest.mark.parametrize(
    ("script", "option"),
    [("train_candidates.py", "--ceiling"), ("rerank_roles.py", "--loso")],
)
def test_experiment_scripts_keep_their_command_line(script: str, option: str) -> None:
    """The two learned-stage experiments (cands24, rerank24: negative, not wired) stay runnable as documented."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--help"], capture_output=True, text=True, check=True
    )
    assert option in out.stdout
