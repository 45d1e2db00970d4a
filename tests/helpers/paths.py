"""Paths every test module computes: the repository root, the test fixtures, the shared data.

Defined once here so a test module can move between folders of ``tests/`` without its paths
silently pointing elsewhere.
"""

from __future__ import annotations

from pathlib import Path

#: The repository root (``tests/helpers/paths.py`` -> the checkout).
REPO = Path(__file__).resolve().parents[2]
#: The ``tests/`` folder.
TESTS = REPO / "tests"
#: Hand-written fixtures of the test suite.
FIXTURES = TESTS / "fixtures"
#: Real third-party data beside the checkout (never copied into the repository).
SHARED = REPO.parent / "shared"
