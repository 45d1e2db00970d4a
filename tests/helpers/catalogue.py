"""Checks shared by the catalogue sweeps' tests (``tests/extract/test_extract_catalog*.py``)."""

from __future__ import annotations

from kg.vocab import reference as ref


def assert_resolves_from_each_name(designation: str) -> None:
    """A catalogue row is found by its designation and by every one of its aliases, and by nothing else:
    a sweep that adds a row whose alias another row already claims would split one system in two."""
    record = ref.resolve_system(designation)
    assert record is not None and record.designation == designation
    for name in record.names():
        assert ref.resolve_system(name) == record, name
