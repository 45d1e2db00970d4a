"""One content hash: ``kg:contentHash`` is computed by one function, whoever writes or compares it.

It used to be spelled three times for articles (the importer's unchanged check, the RDF
mapper, the extractor's ``Article.content_hash``) and twice more for files; a difference in
one spelling (say, dropping ``surrogatepass``) would make every re-import look changed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from helpers.paths import REPO
from hypothesis import given
from hypothesis import strategies as st

from kg.extract import Article
from kg.rdf.terms import content_hash, text_hash

ROOT = REPO

#: Other hashes in kg/, each a different concept (none is a kg:contentHash).
_OTHER_HASHES = {
    "kg/vocab/iris.py",  # a short digest inside minted IRIs (an identity, not a content check)
    "kg/analysis/search.py",  # the name of a store's search-index cache directory
    "kg/serve/page.py",  # the CSP 'sha256-...' of an inline script (base64, per the CSP spec)
    "kg/feeds/dedup.py",  # blake2b shingles for near-duplicate detection
}
_HASH_CALL = re.compile(r"\bhashlib\.|\bsha256\(|\bblake2b\(")


def _home() -> str:
    return str(Path(content_hash.__code__.co_filename).resolve().relative_to(ROOT))


def test_one_definition_in_kg() -> None:
    home = _home()
    offenders = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        if rel == home or rel in _OTHER_HASHES:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _HASH_CALL.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, "hash computed outside " + home + ":\n" + "\n".join(offenders)


def test_scanner_sees_the_old_spellings() -> None:
    assert _HASH_CALL.search('h = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()')
    assert not _HASH_CALL.search("h = content_hash(data)")


def test_other_hash_users_still_exist() -> None:
    """The allow-list stays honest: each listed file still hashes something."""
    for rel in _OTHER_HASHES:
        assert _HASH_CALL.search((ROOT / rel).read_text(encoding="utf-8")), rel


@given(st.text())
def test_article_hash_is_text_hash(text: str) -> None:
    """Lone surrogates included (articles read with surrogateescape keep them)."""
    assert Article(text=text).content_hash == text_hash(text)
    assert text_hash(text) == hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@given(st.binary())
def test_content_hash_is_sha256_hex(data: bytes) -> None:
    digest = content_hash(data)
    assert digest == hashlib.sha256(data).hexdigest() and len(digest) == 64
