"""Exceptions with documented CLI exit codes.

The CLI maps each to one clear line on stderr and its exit code; library callers catch
them like any exception.  Exit codes: 0 ok, 1 error, 2 usage, 3 validation failed or
import rejected, 4 store locked.
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
