"""One story, many witnesses: recognising near-duplicate copies of one article.

Wire copy is reprinted by many sites with other headlines, boilerplate ("Subscribe to our
newsletter"), trimmed or reordered paragraphs and small edits.  Counted naively, ten
reprints outvote one register row.  kg recognises a copy by the overlap of its **word
5-shingles** (every run of five consecutive words, lower-cased, punctuation dropped) with
an earlier article's, estimated with **MinHash** (:data:`NUM_PERM` = 128 minima of
universal hashes ``(a*x + b) mod (2**61 - 1)`` over 32-bit shingle hashes).

Shingles are taken within each paragraph (line of the extracted text), skipping short
lines (headlines, menus, share buttons), so reordering paragraphs or swapping the headline
does not change them.  The score is the estimated **containment** of the shorter text in the longer one
(``|A & B| / min(|A|, |B|)``, derived from the Jaccard estimate and both shingle counts),
not plain Jaccard: a reprint trimmed to half the paragraphs has a Jaccard of about 0.5
but a containment near 1, while two different stories about the same deal, which share
names and figures but rarely five words in a row, stay low.  A pair is one story when the
containment is at least :data:`THRESHOLD`.  The threshold and the shingle size were
chosen on the labelled own-words pairs of ``scripts/gen_dedup_pairs.py`` (hard negatives:
other stories on the same deal, other articles in one site template; positives: edited
reprints); ``scripts/bench_feeds.py`` prints precision and recall.

Why our own ~80 lines rather than ``datasketch``: the signature must be stored in the
graph as a stable string (``kg:textSignature``) and compared with the containment above;
datasketch would bring scipy for one vectorised min, which numpy (already installed with
matplotlib) does in one line.

Texts with fewer than :data:`MIN_SHINGLES` shingles (a two-line brief) are never merged:
there is too little text to tell a reprint from a coincidence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from kg.store import Store
from kg.vocab import ns

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.5
MIN_SHINGLES = 12
MIN_LINE_WORDS = 12
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)
_rng = np.random.RandomState(20260101)  # fixed: signatures must be comparable across runs
_A = _rng.randint(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_B = _rng.randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)
PREFIX = "mh1"


def _line_shingles(lines: list[list[str]], k: int) -> set[str]:
    return {" ".join(w[i : i + k]) for w in lines for i in range(max(1, len(w) - k + 1))}


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """32-bit hashes of the word k-shingles of the text's paragraphs (lines).

    Shingles never cross a line break, so reordered paragraphs keep their shingles, and
    lines of fewer than :data:`MIN_LINE_WORDS` words (headlines, menus, share buttons,
    bylines: what differs between copies of one story) are left out unless nothing else
    is left.
    """
    lines = [_WORD.findall(line.lower()) for line in text.splitlines()]
    lines = [w for w in lines if w]
    grams = _line_shingles([w for w in lines if len(w) >= MIN_LINE_WORDS], k)
    if len(grams) < MIN_SHINGLES:
        grams = _line_shingles(lines, k)
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") for g in grams}


@dataclass(frozen=True)
class Signature:
    """MinHash minima and the number of shingles they summarise."""

    mins: np.ndarray
    count: int

    def __str__(self) -> str:
        return f"{PREFIX}:{self.count}:{self.mins.astype('>u4').tobytes().hex()}"

    @classmethod
    def parse(cls, text: str) -> Signature | None:
        """The inverse of ``str()``; None for anything else (an older or foreign format)."""
        parts = str(text).split(":")
        if len(parts) != 3 or parts[0] != PREFIX or not parts[1].isdigit() or len(parts[2]) != NUM_PERM * 8:
            return None
        try:
            raw = bytes.fromhex(parts[2])
        except ValueError:
            return None
        return cls(np.frombuffer(raw, dtype=">u4").astype(np.uint64), int(parts[1]))


def signature(text: str) -> Signature:
    hashes = shingles(text)
    if not hashes:
        return Signature(np.full(NUM_PERM, int(_MASK), dtype=np.uint64), 0)
    x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    values = ((np.outer(x, _A) + _B) % _PRIME) & _MASK  # (shingles, NUM_PERM), exact in uint64
    return Signature(values.min(axis=0), len(hashes))


def containment(jaccard: float | np.ndarray, a: int, b: int | np.ndarray) -> float | np.ndarray:
    """|A & B| / min(|A|, |B|) from a Jaccard estimate and both set sizes."""
    inter = jaccard * (a + b) / (1.0 + jaccard)
    return np.minimum(1.0, inter / np.maximum(1, np.minimum(a, b)))


def similarity(x: Signature, y: Signature) -> float:
    """Estimated containment of the shorter text's shingles in the longer one's."""
    if min(x.count, y.count) < MIN_SHINGLES:
        return 0.0
    return float(containment(float(np.mean(x.mins == y.mins)), x.count, y.count))


class StoryIndex:
    """Signatures of the articles seen so far, each with the story (first copy) it belongs to.

    Matching is a vectorised comparison against every stored signature: exact, and fast
    enough for tens of thousands of articles (no LSH banding to tune).  Rows live in one
    preallocated matrix that doubles when full, so adding is amortised O(1).
    """

    def __init__(self) -> None:
        self.graphs: list[str] = []
        self.roots: list[str] = []
        self._row: dict[str, int] = {}
        self._mins = np.zeros((64, NUM_PERM), dtype=np.uint64)
        self._counts = np.zeros(64, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.graphs)

    def add(self, graph: str, sig: Signature, root: str | None = None) -> None:
        i = self._row.get(graph)
        if i is None:
            i = len(self.graphs)
            if i == len(self._counts):
                self._mins = np.vstack([self._mins, np.zeros_like(self._mins)])
                self._counts = np.concatenate([self._counts, np.zeros_like(self._counts)])
            self._row[graph] = i
            self.graphs.append(graph)
            self.roots.append(root or graph)
        else:
            self.roots[i] = root or graph
        self._mins[i] = sig.mins
        self._counts[i] = sig.count

    def match(self, sig: Signature, exclude: str | None = None) -> tuple[str, float] | None:
        """(story root, score) of the best-matching earlier article at or above THRESHOLD."""
        n = len(self.graphs)
        if not n or sig.count < MIN_SHINGLES:
            return None
        jac = (self._mins[:n] == sig.mins).mean(axis=1)
        counts = self._counts[:n]
        scores = np.where(counts >= MIN_SHINGLES, containment(jac, sig.count, counts), 0.0)
        if exclude is not None and exclude in self._row:
            scores[self._row[exclude]] = 0.0
        best = int(np.argmax(scores))
        if scores[best] < THRESHOLD:
            return None
        root = self.roots[best]
        if root == exclude:  # this article was itself the story's first copy: it stays so
            return None
        return root, float(scores[best])

    @classmethod
    def load(cls, store: Store) -> StoryIndex:
        """Every article signature in the store, oldest story roots as they were recorded."""
        rows = store.select(
            f"""SELECT ?g ?sig ?root WHERE {{ GRAPH ?g {{ ?g <{ns.textSignature}> ?sig
                OPTIONAL {{ ?g <{ns.sameStoryAs}> ?root }} }} }} ORDER BY ?g"""
        )
        index = cls()
        for row in rows:
            sig = Signature.parse(str(row["sig"]))
            if sig is not None:
                index.add(str(row["g"]), sig, str(row["root"]) if row.get("root") else None)
        return index
