"""Copy check for the own news sets: no run of 12 words may be shared with another labelled text.

Why: the sets must stay the authors' own words (the development articles may never be pasted into
the repository, and a set that reuses another set's sentences measures nothing new).  Twelve
consecutive words is the unit of copying the before-stop hook uses for ``../shared/eval``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SHINGLE = 12


def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive words (lower case, punctuation dropped): the unit of copying."""
    words = re.findall(r"[\w']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def texts(paths: list[Path]) -> dict[str, str]:
    """``set/file name`` -> article text of labelled article files (empty for an article without text).

    Keyed with the set's folder: two sets share a file prefix (newsset13 and newsset14 both name their files
    ``a-NN``), and a key of the bare file name let one set's article hide the other's from the copy check."""
    return {
        f"{p.parent.name}/{p.name}": json.loads(p.read_text(encoding="utf-8")).get("text") or ""
        for p in paths
    }


def shared_sequences(mine: dict[str, str], others: dict[str, str]) -> list[str]:
    """``mine/other: words`` for every 12-word sequence an article of ``mine`` shares with one of ``others``."""
    theirs = {name: shingles(text) for name, text in others.items()}
    found = []
    for name, text in mine.items():
        own = shingles(text)
        for other, seqs in theirs.items():
            found += [f"{name}/{other}: {' '.join(s)}" for s in sorted(own & seqs)]
    return found
