"""A guarded, read-only-by-default SPARQL 1.1 endpoint over the on-disk store (``kg serve``).

Why this design and not ``oxigraph serve-read-only``:

* Oxigraph's server keeps ``SERVICE`` enabled even in read-only mode (it POSTed to a local
  listener when tried), has no row cap, and sees the store as of its own start.  It would
  need a guarding proxy in front of it anyway, plus a second process to manage.
* So the HTTP side is the standard library's ``ThreadingHTTPServer`` (no new dependency)
  with a guard (:mod:`kg.serve.guard`: a tokenizer that refuses SERVICE, LOAD, updates and
  dereferenceable FROM IRIs before any engine sees the text), and the engine is Oxigraph
  itself (pyoxigraph) running in worker processes (:mod:`kg.serve.worker`).  A worker is
  killed when a query passes ``--timeout``, which is the only real way to stop a runaway
  query: pyoxigraph has no timeout and threads cannot be cancelled.
* Results are capped at ``--max-rows`` (headers ``X-KG-Truncated: true`` and
  ``X-KG-Row-Limit`` say so, unlike Virtuoso's silent partial answers); request bodies
  over ``--max-body`` get 413.
* Browsers: on loopback the ``Host`` header must name loopback (no DNS rebinding);
  updates carrying a foreign ``Origin`` are refused (no cross-site writes to a
  ``--writable`` server), and so are queries from another site's page (a foreign
  ``Origin``, or ``Sec-Fetch-Site: cross-site``/``same-site``): a page the analyst opens
  must not be able to make this server send requests or read the store, unless
  ``--allow-origin`` names it (reads only).  Clients without those headers (curl, kg,
  scripts) and this server's own page are not affected.  HTML answers carry a
  Content-Security-Policy.

Only this module's light names are imported eagerly; the worker processes import
:mod:`kg.serve.worker` and :mod:`kg.serve.formats` without rdflib so they start fast.

Layer 8 (beside :mod:`kg.feeds`): may import layers 0-8; never :mod:`kg.cli`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class ServeConfig:
    """Settings of ``kg serve`` (each one is a CLI option of the same name)."""

    location: str
    host: str = "127.0.0.1"
    port: int = 8000
    writable: bool = False
    timeout: float = 10.0
    max_rows: int = 10_000
    max_body: int = 1_000_000
    workers: int = 2
    views_dir: Path | None = None
    quiet: bool = False
    #: Foreign origins whose pages may read (never write): ``--allow-origin``.
    allow_origins: tuple[str, ...] = ()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)(i?)[bB]?\s*$")


def parse_size(text: str | int) -> int:
    """``"1MB"`` -> 1_000_000, ``"64KiB"`` -> 65536, ``"2048"`` -> 2048."""
    if isinstance(text, int):
        return text
    m = _SIZE.match(text)
    if not m:
        raise ValueError(f"not a size: {text!r} (e.g. 512KB, 1MB)")
    base = 1024 if m.group(3) else 1000
    power = {"": 0, "k": 1, "m": 2, "g": 3}[m.group(2).lower()]
    return int(float(m.group(1)) * base**power)


def __getattr__(name: str) -> Any:
    if name in ("SparqlServer", "serve_forever"):
        from kg.serve import app

        return getattr(app, name)
    raise AttributeError(name)


__all__ = ["ServeConfig", "SparqlServer", "parse_size", "serve_forever"]
