"""The retire/phase-out verbs are one pattern (vocabulary.RETIRE_VERB) read by three stages."""

from __future__ import annotations

import re

import pytest

from kg.extract import claims, parties, sentence_cues
from kg.extract.vocabulary import RETIRE_VERB


@pytest.mark.parametrize("verb", ["retire", "retires", "retired", "retiring", "phased out", "Phasing  out"])
def test_every_stage_reads_the_retire_verbs(verb: str) -> None:
    assert re.fullmatch(RETIRE_VERB, verb, re.IGNORECASE)
    assert parties._REPLACED.search(f"plans to {verb} its old ")  # the fleet after it is not bought
    assert claims._REPLACING.search(f"the air force will {verb} the jets")  # in-service cues stop there
    assert sentence_cues._RETIRING_BEFORE.search(f"is {verb} its ")  # stage:retiring


@pytest.mark.parametrize("word", ["retiree", "phase", "tired", "phases in"])
def test_other_words_are_no_retire_verbs(word: str) -> None:
    assert not re.fullmatch(RETIRE_VERB, word, re.IGNORECASE)
