"""Exceptions with documented CLI exit codes: one hierarchy, each class carries its code.

The CLI maps each to one clear line on stderr and its ``exit_code`` in one place
(:class:`kg.cli.app.KgGroup`); library callers catch them like any exception.
Exit codes: 0 ok, 1 error, 2 usage, 3 validation failed or import rejected, 4 store locked.
Which mistake gets which code (the README's table, checked by tests/project/test_exit_codes.py):
an unknown name, IRI or deal selection and a bad option value are usage errors (2); an input
file that is missing or cannot be read or imported is rejected input (3), in every command.
Why one hierarchy: the same mistake (say an unknown party name) must give the same exit
code in every command, which only holds when every command raises the same class.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_LOCKED = 4


class KgError(Exception):
    """Base class: an error a user can act on; ``str(e)`` is the one-line message."""

    exit_code = EXIT_ERROR


class UsageError(KgError):
    """The user asked for something that cannot be: a bad option value or combination
    ("--from after --to", an unknown format), not a problem with the data."""

    exit_code = EXIT_USAGE


class UnknownName(UsageError):
    """A name given by the user (a party, a category, a status...) that matches nothing."""


class StoreError(KgError):
    """The store cannot be opened or written (missing, unreadable, remote unreachable)."""


class StoreLocked(StoreError):
    """Another process holds the store for writing."""

    exit_code = EXIT_LOCKED


class InputError(KgError):
    """Bad input: names the file and, where known, the line (``file:line: message``)."""

    exit_code = EXIT_REJECTED

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(f"{where}{message}")


class ValidationFailed(KgError):
    """SHACL validation found violations."""

    exit_code = EXIT_REJECTED


class QueryError(KgError):
    """A SPARQL query that does not parse or cannot run; the message gives the position."""


def check_year_range(year_from: int | None, year_to: int | None) -> None:
    """Raise :class:`UsageError` for ``--from`` after ``--to`` (the same answer in every command)."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise UsageError(f"--from {year_from} is after --to {year_to}")
