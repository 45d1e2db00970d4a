"""Command-line interface (click), thin over the library.

Each command module registers its commands on the groups defined in :mod:`kg.cli.app`;
importing this package imports them all, so ``kg.cli.cli`` is the complete CLI.

Layer 9, the top: the click commands and ``kg demo``; may import every layer below.
"""

from __future__ import annotations

import importlib

from kg.cli.app import cli, main

#: Modules that register commands (one per capability).
COMMAND_MODULES: tuple[str, ...] = (
    "core",
    "articles",
    "sipri",
    "sparql",
    "views",
    "deals",
    "search",
    "feeds",
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"kg.cli.{_name}")

__all__ = ["cli", "main"]
