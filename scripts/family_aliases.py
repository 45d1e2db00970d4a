#!/usr/bin/env python3
"""Sweep the catalogue: which names the gazetteer matches come out as a variant the text does not write.

For every catalogue system and every spelling the gazetteer matches for it (designation, aliases,
a maker's bare name), the spelling is looked up as a text would write it and named the way a claim
of a dyad the text names only so is named (:func:`kg.extract.designations.written_designation`).  A spelling is listed when the claim's name adds a
variant to it (:func:`kg.extract.designations.adds_variant`: a variant suffix, block, mark, slash
number or letter, or a variant code before a bare name: "Abrams" named "M-1A1 Abrams"), and, with
``--names``, when the claim's name is another name altogether ("Kilo" named "Project-877E").
A family whose bare name the catalogue does not resolve to the same record ("Viper": two records)
keeps the designation (so the claim still links to it) and is listed as KEPT.

Usage::

    python scripts/family_aliases.py            # the pinned family aliases (none expected)
    python scripts/family_aliases.py --names    # also nicknames named by another designation
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from kg.extract.designations import adds_variant, written_designation, written_form
from kg.extract.entities import Mention, base_gazetteer
from kg.vocab.reference import resolve_system, system_key


def gazetteer_spellings() -> Iterator[str]:
    """Every system spelling the base gazetteer holds (each once, in catalogue order)."""
    seen: set[str] = set()
    for bucket in base_gazetteer()._first.values():
        for entry in bucket:
            if entry.kind == "system" and entry.surface not in seen:
                seen.add(entry.surface)
                yield entry.surface


def named(spelling: str) -> tuple[Mention, str] | None:
    """The mention the gazetteer finds for ``spelling`` written alone before an item noun, and
    the name a claim gives it (None when the spelling is not found whole, e.g. a weak name)."""
    text = f"{spelling} systems"
    found = [m for m in base_gazetteer().find(text) if m.kind == "system" and m.system is not None]
    if not found or found[0].start != 0 or found[0].end != len(spelling):
        return None
    m = found[0]
    assert m.system is not None
    return m, written_designation(m.text, m.system.designation)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--names", action="store_true", help="also list spellings named by another name")
    args = ap.parse_args()
    pinned = 0
    for spelling in gazetteer_spellings():
        got = named(spelling)
        if got is None:
            continue
        m, name = got
        assert m.system is not None
        if adds_variant(spelling, name):
            family = resolve_system(written_form(spelling))
            if family is not None and family.designation == m.system.designation:
                pinned += 1
                print(f"PINNED  {spelling!r:32} -> {name!r:34} (record {m.system.designation!r})")
            else:  # the family name alone is another record's or none: the designation keeps the link
                other = family.designation if family else None
                print(f"KEPT    {spelling!r:32} -> {name!r:34} (the family name alone resolves to {other!r})")
        elif args.names and system_key(spelling) not in system_key(name) and any(c.isdigit() for c in name):
            print(f"NAME    {spelling!r:32} -> {name!r:34} (record {m.system.designation!r})")
    print(f"{pinned} spellings named with a variant they do not write", file=sys.stderr)
    return 1 if pinned else 0


if __name__ == "__main__":
    sys.exit(main())
