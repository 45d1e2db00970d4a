"""The one file writer behind every ``-o``: atomic for regular files, ``-`` for stdout.

Why one module: views, reports, ``kg export`` and ``kg network export`` each had their own
temp-file-and-rename copy, with different file modes (0600 from ``mkstemp`` vs 0644) and the
same blind spot: ``os.replace`` over a *device node* (``-o ./null``, or ``-o /dev/null`` as
root) turned it into a regular file.  The rules, in one place:

* a regular file (or a new path) is written to a temp file in the same directory, fsynced,
  given mode ``0644`` minus the umask and renamed over the target, so a reader sees the old
  file or the new one, never half of one, and an interrupted write leaves no temp file;
* an existing *non-regular* target (a character device such as ``/dev/null``, a FIFO, a
  socket) is opened and written directly, never replaced: that is what ``> target`` in a
  shell does, and it cannot destroy the node;
* a directory is refused (``IsADirectoryError``);
* ``-`` means standard output.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: Mode of every file kg writes, before the umask is applied.
FILE_MODE = 0o644
#: The path that means standard output.
STDOUT = "-"


def is_stdout(path: str | os.PathLike[str] | None) -> bool:
    """True when ``path`` is ``-`` (standard output)."""
    return path is not None and os.fspath(path) == STDOUT


def _umask() -> int:
    """The process umask (read by setting and restoring it; kg's writers are single-threaded)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class _NoClose:
    """A binary stream proxy whose ``close`` only flushes (stdout must stay open)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def __getattr__(self, name: str) -> object:
        return getattr(self._raw, name)

    def write(self, data: bytes) -> int:
        return self._raw.write(data)

    def close(self) -> None:
        self._raw.flush()


@contextlib.contextmanager
def open_atomic(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file handle for ``path`` following the rules of the module docstring.

    The new content becomes visible only when the ``with`` block ends without an exception.
    """
    if is_stdout(path):
        out = sys.stdout.buffer
        yield _NoClose(out)  # type: ignore[misc]
        out.flush()
        return
    target = Path(path)
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "is a directory", str(target))
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(target, "wb") as fh:  # device, FIFO: write through, never replace the node
            yield fh
        return
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to ``path`` (see :func:`open_atomic`); returns the path."""
    with open_atomic(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


__all__ = ["FILE_MODE", "STDOUT", "is_stdout", "open_atomic", "write_atomic"]
