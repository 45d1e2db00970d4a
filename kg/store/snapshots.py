"""Published checkpoints of an on-disk store: what readers open while a writer runs.

Why: Oxigraph documents a read-only open of a RocksDB directory that another process is
writing as undefined behaviour, and under load a reader once saw a graph dropped and not
yet reloaded.  So readers never open the directory a writer holds.  The writer publishes
consistent checkpoints (``Store.backup``: RocksDB hard-links its immutable SST files and
copies the few small ones, milliseconds on the same filesystem) and readers open the
newest one; nobody writes a checkpoint after it is published.

Layout, beside the store (never inside the RocksDB directory, which RocksDB owns)::

    <store>.snapshots/
        published          the name of the newest complete checkpoint (one line)
        000007/            a checkpoint (a RocksDB directory, opened read-only)
        000007.lock        readers hold a shared flock on it while they use 000007/
        .private-PID-N/    a writer's own checkpoint for its query worker, never published

Decisions:

* **when**: the writer publishes when it opens the store (after recovering a killed
  writer's half-written graphs, so readers have the state before the import while it
  runs) and when it closes (the end of a command: the logical write unit of every
  ``kg`` command that writes, whatever it calls in between); :meth:`publish` is there for
  long-lived writers (the writable endpoint, API scripts).  A store holding pending graph
  markers (a write failed half-way) is never published: readers stay on the last state.
* **atomic pointer**: a checkpoint is complete (written, its small files and directory
  fsynced, its lock file made) before ``published`` names it; ``published`` is switched by
  renaming an fsynced temporary file over it (:func:`kg.io.atomicwrite.write_atomic`), so
  it is never seen half-written.
* **readers** read the pointer, open the lock file, take a shared flock, then check the
  lock file is still the one at its path and the checkpoint is still there (the writer may
  have deleted it between the read and the lock): if not, re-read the pointer and retry.
  The lock is held for the life of the store object (:class:`Published`).
* **old checkpoints** are deleted by the writer after each publish, and stale ones (a
  killed writer's partial, unpublished checkpoint; orphan lock files; temporary pointers)
  at its open: every checkpoint but the newest whose lock it can take exclusively without
  waiting.  Disk use is the newest checkpoint plus those in use, sharing most files with
  the store (hard links) until compaction rewrites them.
* **legacy stores** (no ``published`` pointer: written before checkpoints, or by an older
  kg) are opened directly read-only when no process holds the store's lock; when one does
  (an older kg writing, or a new writer still recovering before its first publish) the
  reader waits for a pointer, up to ``READ_WAIT`` seconds.
* **a writer's own isolated queries** (:meth:`kg.store.EmbeddedStore.query_isolated` runs
  user SPARQL in a worker process without network) read a private checkpoint of the
  writer's current state, deleted when the worker ends: publishing for them would show
  other readers the middle of a command, and nothing at all while writes are pending.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import re
import shutil
import time
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import StoreError
from kg.io.atomicwrite import write_atomic

#: Seconds a reader waits for a running writer to publish its first checkpoint (legacy store).
READ_WAIT = float(os.environ.get("KG_READ_WAIT", "60"))

#: Times a reader re-reads the pointer when the checkpoint it names is gone before giving up.
OPEN_RETRIES = 5

POINTER = "published"
_NAME = re.compile(r"\d{6,}")

#: Prefix of a writer's private checkpoints (see :func:`private_checkpoint`); never published.
PRIVATE = ".private-"

#: This process's private checkpoints still in use; any other one in a snapshot root is a
#: killed writer's (only the writer makes them, and only the writer prunes).
_LIVE_PRIVATE: set[Path] = set()
_private_numbers = itertools.count(1)


def snapshot_root(path: str | Path) -> Path:
    """The directory of ``path``'s checkpoints: ``<store>.snapshots`` beside the store.

    Of the resolved path: a writer and a reader that name the store differently (``.``, a
    symlink, a relative path) find the same checkpoints.
    """
    p = Path(path).resolve()
    return p.with_name(p.name + ".snapshots")


def published_name(root: Path) -> str | None:
    """The name of the newest published checkpoint, or None when none was ever published."""
    try:
        name = (root / POINTER).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"cannot read {root / POINTER}: {exc}") from None
    if not _NAME.fullmatch(name):  # the atomic rename makes this impossible short of a hand edit
        raise StoreError(f"{root / POINTER} does not name a checkpoint: {name!r}")
    return name


class Published:
    """A read-only pyoxigraph store on a checkpoint, and the shared lock that keeps it.

    ``lock`` is None for a legacy store opened in place.  :meth:`release` drops the lock;
    the caller drops every reference to ``store`` first (its files may go afterwards).
    """

    def __init__(self, store: ox.Store, path: Path, lock: IO[bytes] | None) -> None:
        self.store = store
        self.path = path
        self.lock = lock

    def release(self) -> None:
        if self.lock is not None:
            self.lock.close()  # closing the file releases the flock
            self.lock = None


def open_published(path: str) -> Published:
    """Open the newest published checkpoint of the store at ``path`` read-only (see the module)."""
    root = snapshot_root(path)
    deadline = time.monotonic() + READ_WAIT
    missing, last = 0, None
    while True:
        name = published_name(root)
        if name is None:
            if not _writer_alive(path):
                legacy = _open_in_place(path)
                if published_name(root) is None and not _writer_alive(path):
                    return legacy  # still nobody writing: the open saw a settled store
                del legacy  # a writer started meanwhile: use what it publishes
                continue
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"store {path} is being written by a process that publishes no snapshot "
                    f"(an older kg?) for over {READ_WAIT:.0f} s; try again when it ends"
                )
            time.sleep(0.1)
            continue
        opened = _lock_and_open(root, name)
        if opened is not None:
            return opened
        # gone: a race with a publish moves the pointer on; a pointer that stays on a
        # missing checkpoint (deleted by hand) is refused after a few looks
        missing = missing + 1 if name == last else 1
        last = name
        if missing >= OPEN_RETRIES or time.monotonic() >= deadline:
            raise StoreError(
                f"store {path}: the published snapshot {root / name} is missing; "
                "a writable open (any `kg import`) publishes a fresh one"
            )
        time.sleep(0.05 * missing)


def _lock_and_open(root: Path, name: str) -> Published | None:
    """The checkpoint ``name`` opened under a shared lock, or None if it is gone (retry)."""
    lock_path = root / f"{name}.lock"
    try:
        lock = open(lock_path, "rb")  # noqa: SIM115 (held for the life of the store object)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_SH)
        same = os.stat(lock_path).st_ino == os.fstat(lock.fileno()).st_ino
        if same and (root / name / "CURRENT").exists():
            return Published(ox.Store.read_only(str(root / name)), root / name, lock)
    except FileNotFoundError:
        pass
    except OSError as exc:
        lock.close()
        raise StoreError(f"cannot open the published snapshot {root / name}: {exc}") from None
    lock.close()
    return None


def _open_in_place(path: str) -> Published:
    """A legacy store no process writes, opened read-only in place.

    Graph writes a killed older writer left marked pending are refused (the next writable
    open drops them, then publishes): reading them would show half-written graphs.
    """
    from kg.vocab import ns
    from kg.vocab.iris import REGISTRY_GRAPH

    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from None
    reg = ox.NamedNode(str(REGISTRY_GRAPH))
    marker = ox.Literal("pending")
    if next(iter(store.quads_for_pattern(None, ox.NamedNode(str(ns.importState)), marker, reg)), None):
        raise StoreError(
            f"store {path} has half-written graphs from an interrupted import; "
            "the next `kg import` (any writable open) drops them"
        )
    return Published(store, Path(path), None)


def _writer_alive(path: str) -> bool:
    """False only when it is certain that no process holds the store's RocksDB lock.

    Read from ``/proc/locks`` (Linux) without touching the lock: taking it, even briefly,
    could release a lock held by this very process (POSIX locks are per process).
    Elsewhere, or when unsure, the writer is assumed alive (the reader waits).
    """
    try:
        st = os.stat(Path(path, "LOCK"))
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            table = fh.read()
    except OSError:
        return True
    key = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino} "
    return key in table


# -- the writer's side ---------------------------------------------------------------------


def publish(store: ox.Store, path: str) -> Path:
    """Checkpoint the writable ``store`` at ``path``, switch the pointer to it, prune the rest.

    Only the writer (the holder of the store's RocksDB lock) calls this, so names cannot
    collide; the checkpoint is written under its final name because nothing reads a
    checkpoint the pointer does not name, and a killed writer's partial one is pruned.
    """
    root = snapshot_root(path)
    try:
        root.mkdir(exist_ok=True)
        current = published_name(root)
        taken = [
            int(n.removesuffix(".lock")) for n in os.listdir(root) if _NAME.fullmatch(n.removesuffix(".lock"))
        ]
        name = f"{max([*taken, int(current or 0)], default=0) + 1:06d}"
        target = root / name
        store.backup(str(target))
        _sync_small_files(target)
        (root / f"{name}.lock").touch()
        write_atomic(root / POINTER, name + "\n")  # an fsynced temporary file, renamed over
        _fsync_dir(root)
    except OSError as exc:
        raise StoreError(f"cannot publish a snapshot of store {path} in {root}: {exc}") from None
    prune(root)
    return target


def _sync_small_files(checkpoint: Path) -> None:
    """fsync the files the checkpoint copied (MANIFEST, OPTIONS, CURRENT, WAL) and its directory.

    The SST files are hard links to files RocksDB already synced; the rest are small.
    """
    for entry in os.scandir(checkpoint):
        if entry.is_file() and not entry.name.endswith(".sst"):
            fd = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(checkpoint)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def prune(root: Path) -> list[str]:
    """Delete every checkpoint but the published one that no reader holds; say which went.

    A checkpoint is deleted under an exclusive lock taken without waiting (a reader's
    shared lock makes it fail: that checkpoint stays until a later prune), its lock file
    unlinked last so a reader that opened it meanwhile sees the change and retries.
    """
    if not root.is_dir():
        return []
    current = published_name(root)
    names: set[str] = set()
    for entry in os.listdir(root):
        if entry.startswith(f".{POINTER}.") and entry.endswith(".tmp"):  # a killed writer's, never read
            Path(root, entry).unlink(missing_ok=True)
        elif entry.startswith(PRIVATE) and root / entry not in _LIVE_PRIVATE:  # a killed writer's
            shutil.rmtree(root / entry, ignore_errors=True)
        elif _NAME.fullmatch(entry.removesuffix(".lock")):
            names.add(entry.removesuffix(".lock"))
    gone: list[str] = []
    for name in sorted(names - {current}):
        lock_path = root / f"{name}.lock"
        try:
            lock = open(lock_path, "ab")  # noqa: SIM115 (closed below, after the unlink)
        except OSError:
            continue
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()  # in use by a reader
            continue
        try:
            shutil.rmtree(root / name, ignore_errors=True)
            lock_path.unlink(missing_ok=True)
            gone.append(name)
        finally:
            lock.close()
    return gone


# -- the writer's private checkpoints ------------------------------------------------------


def private_checkpoint(store: ox.Store, path: str) -> Path:
    """A checkpoint of the writable ``store`` for this process alone, never published.

    The writer's query worker (:meth:`kg.store.EmbeddedStore.query_isolated`) is another
    process, so it cannot read the writer's RocksDB directory; publishing for it would
    show other readers the state in the middle of a command (or nothing new at all while
    writes are pending).  A private checkpoint gives the worker exactly what the writer
    sees now.  :func:`discard_private` deletes it; a killed writer's is pruned.
    """
    root = snapshot_root(path)
    target = root / f"{PRIVATE}{os.getpid()}-{next(_private_numbers)}"
    try:
        root.mkdir(exist_ok=True)
        shutil.rmtree(target, ignore_errors=True)  # a dead process's with the same pid
        _LIVE_PRIVATE.add(target)
        store.backup(str(target))
    except OSError as exc:
        discard_private(target)
        raise StoreError(f"cannot checkpoint store {path} for a query in {root}: {exc}") from None
    return target


def discard_private(target: Path) -> None:
    """Delete a private checkpoint once its reader has ended."""
    _LIVE_PRIVATE.discard(target)
    shutil.rmtree(target, ignore_errors=True)


def open_private(target: str) -> Published:
    """A private checkpoint opened read-only (in the worker): nobody writes it, no lock needed."""
    try:
        return Published(ox.Store.read_only(target), Path(target), None)
    except OSError as exc:
        raise StoreError(f"cannot open the checkpoint {target}: {exc}") from None
