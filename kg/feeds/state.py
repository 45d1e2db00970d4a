"""Feed subscriptions and run bookkeeping, in one JSON file beside the store.

The graph holds what the news says (and which feed brought each article); everything a
run needs only to behave well next time stays here, so a run that finds nothing new
changes 0 triples: feed URL and name, HTTP validators (ETag, Last-Modified), the items
already seen, the last run, its status and its last error.

Location: ``<store directory>.feeds.json`` beside an on-disk store (``kg-store`` ->
``kg-store.feeds.json``; not inside it, the directory belongs to RocksDB), else
``./kg-feeds.json`` (``memory:``, remote stores); ``--state FILE`` or ``KG_FEEDS_STATE``
override it.  The file is written atomically (temporary file, fsync, rename), so a run
killed at any point leaves the previous state or the new one, never half of it.  A
damaged file is refused with its path and reason, never silently replaced by an empty one.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from kg.errors import InputError, KgError
from kg.io.atomicwrite import write_atomic
from kg.io.fetch import is_http_url

VERSION = 1
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def state_path(location: str) -> Path:
    """Where the feed state of the store at ``location`` lives (see module doc)."""
    env = os.environ.get("KG_FEEDS_STATE")
    if env:
        return Path(env)
    if location == "memory:" or location.startswith(("http://", "https://")):
        return Path("kg-feeds.json")
    p = Path(location)
    return p.with_name(p.name + ".feeds.json")


@dataclass
class Feed:
    """One subscription and what the last runs learnt about it."""

    name: str
    url: str
    added: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_run: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    #: item id (entry id or link) -> "first seen time | outcome"
    seen: dict[str, str] = field(default_factory=dict)


def default_name(url: str, taken: set[str]) -> str:
    """``host`` or ``host-2`` ...: short, unique, valid as a NAME argument."""
    host = (urlsplit(url).hostname or "feed").removeprefix("www.")
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", host).strip("-.")[:56] or "feed"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


class FeedState:
    """The feeds of one store, loaded from and saved to :attr:`path`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.feeds: dict[str, Feed] = {}
        if self.path.exists():
            self._load()

    def _load(self) -> None:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or not isinstance(doc.get("feeds"), dict):
                raise ValueError("expected {'version': 1, 'feeds': {...}}")
            for name, data in doc["feeds"].items():
                self.feeds[name] = Feed(**{**data, "name": name})
        except (OSError, ValueError, TypeError) as exc:
            raise KgError(f"{self.path}: unreadable feed state ({exc}); fix or move it away") from None

    def save(self) -> None:
        """Write atomically: a crash leaves the old file or the new one."""
        doc = {
            "version": VERSION,
            "feeds": {n: {**asdict(f), "name": n} for n, f in sorted(self.feeds.items())},
        }
        data = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        write_atomic(self.path, data)

    def add(self, url: str, name: str | None, now: str) -> Feed:
        if not is_http_url(url):
            raise InputError(f"not an http(s) feed URL: {url!r}")
        for f in self.feeds.values():
            if f.url == url:
                raise InputError(f"feed {url} is already subscribed as {f.name!r}")
        if name is not None and not _NAME.match(name):
            raise InputError(f"feed name {name!r}: use letters, digits, '.', '_' or '-' (at most 64)")
        if name is not None and name in self.feeds:
            raise InputError(f"a feed named {name!r} exists ({self.feeds[name].url})")
        feed = Feed(name or default_name(url, set(self.feeds)), url, added=now)
        self.feeds[feed.name] = feed
        return feed

    def remove(self, name: str) -> Feed:
        if name not in self.feeds:
            raise InputError(f"no feed named {name!r} (kg feed list shows them)")
        return self.feeds.pop(name)

    def select(self, names: tuple[str, ...] | list[str]) -> list[Feed]:
        unknown = [n for n in names if n not in self.feeds]
        if unknown:
            raise InputError(f"no feed named {', '.join(map(repr, unknown))} (kg feed list shows them)")
        return [self.feeds[n] for n in names] if names else [self.feeds[n] for n in sorted(self.feeds)]
