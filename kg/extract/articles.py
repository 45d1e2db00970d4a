"""Reading articles from files, directories and stdin, without ever stopping a batch.

Formats (chosen by extension; stdin is sniffed):

* ``.txt`` / ``.md`` / ``.markdown``: plain text with optional front matter, a ``---`` block
  of ``key: value`` lines (``title``, ``url``, ``published``, ``publisher``, ``source``;
  other keys are kept in ``Article.meta``).  Without a ``published`` key, a date standing
  alone on one of the first lines (a news dateline, as in the seed article) is used.
* ``.html`` / ``.htm``: main text and metadata through trafilatura, offline (it never
  fetches); scripts, styles and iframes never reach the text.
* ``.json``: one object ``{"url", "title", "published", "publisher", "text"}``; unknown
  keys are ignored, a wrong type is an error for that article.
* ``.jsonl``: one such object per line; errors name ``file:line``.

Bad input yields an :class:`ArticleError` item instead of raising, so a batch goes on:
empty or whitespace-only text, binary data (NUL bytes), text over :data:`MAX_TEXT_BYTES`,
unparseable or future publication dates, invalid JSON.  **Invalid UTF-8** is decoded with
U+FFFD replacement and the article is kept with a warning in ``Article.warnings`` as long
as under 1% of the bytes are invalid (typical of a single mis-encoded quote in a scraped
page); more than that is treated as a wrong encoding or binary and rejected.  A **lone
surrogate** (``"\ud800"`` in JSON, which no UTF-8 text can hold) in the text, title, URL or
publisher is replaced by U+FFFD with a warning naming the field, and the article is kept.

Text is **normalised to NFC** on reading (every format, and :func:`article_from_text`):
the extractor's patterns and the catalogue's names are composed characters, so a
decomposed "Türkiye" (``u`` + combining diaeresis) would otherwise match nothing.  Claim
offsets index the normalised text, which is the text stored and returned.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kg.extract.dates import find_dateline, parse_date

#: Largest article text accepted (UTF-8 bytes).  Longer "articles" are dumps or binaries.
MAX_TEXT_BYTES = 5 * 1024 * 1024
#: Largest raw file read for one HTML/text article (HTML carries markup around the text).
MAX_FILE_BYTES = 4 * MAX_TEXT_BYTES
#: Fraction of undecodable bytes above which a file is rejected instead of repaired.
MAX_INVALID_UTF8 = 0.01
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".json", ".jsonl"}


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its text (evidence offsets index into it) and metadata.

    ``key`` is stable across runs: the URL when known, else ``sha256:<content hash>``.
    """

    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    publisher: str | None = None
    path: str | None = None
    line: int | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False)
    warnings: tuple[str, ...] = ()

    @property
    def content_hash(self) -> str:
        """SHA-256 (hex) of the UTF-8 text: detects a changed article under the same URL."""
        from kg.rdf.terms import text_hash  # here: the extractor itself needs no RDF modules

        return text_hash(self.text)

    @property
    def key(self) -> str:
        """Stable identity: the URL, else ``sha256:<content_hash>``."""
        return self.url or f"sha256:{self.content_hash}"


@dataclass(frozen=True, slots=True)
class ArticleError:
    """An input that could not become an :class:`Article` (yielded, never raised)."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


ArticleOrError = Article | ArticleError


class _Bad(Exception):
    """Internal: turns into an ArticleError at the boundary."""


def _decode(raw: bytes) -> tuple[str, tuple[str, ...]]:
    if not raw.strip():
        raise _Bad("empty input")
    if b"\x00" in raw[:65536]:
        raise _Bad("binary data (NUL bytes), not text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad > max(1, MAX_INVALID_UTF8 * len(raw)):
            raise _Bad(f"not UTF-8 text ({bad} invalid byte sequences)") from None
        return text, (f"invalid UTF-8: {bad} byte sequence(s) replaced by U+FFFD",)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: str | None, field: str, warnings: list[str]) -> str | None:
    """``value`` in NFC with lone surrogates replaced by U+FFFD (noted in ``warnings``)."""
    if not value:
        return value
    if _SURROGATE.search(value):
        value = _SURROGATE.sub("\ufffd", value)
        warnings.append(f"lone surrogate(s) in {field!r} replaced by U+FFFD")
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def _cleaned(article: Article) -> Article:
    """The article with every text field through :func:`_clean` (the one place that does it)."""
    from dataclasses import replace

    notes: list[str] = []
    fields = {
        name: _clean(getattr(article, name), name, notes) for name in ("text", "title", "url", "publisher")
    }
    changed = {k: v for k, v in fields.items() if v != getattr(article, k)}
    if not changed:
        return article
    return replace(article, **changed, warnings=(*article.warnings, *notes))


def _check_text(text: str) -> str:
    if not text.strip():
        raise _Bad("empty article text")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise _Bad(f"article text exceeds {MAX_TEXT_BYTES} bytes (MAX_TEXT_BYTES)")
    return text


def _check_date(value: object, what: str = "published") -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        d = value
    elif isinstance(value, str):
        d = parse_date(value)
        if d is None:
            raise _Bad(f"unparseable {what} date: {value!r}")
    else:
        raise _Bad(f"{what} must be a date string, not {type(value).__name__}")
    if d > date.today() + timedelta(days=1):
        raise _Bad(f"{what} date {d.isoformat()} is in the future")
    return d


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` block of ``key: value`` lines from the body.

    The body keeps its original characters; only the block is removed.
    """
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            body = "\n".join(lines[i + 1 :])
            return meta, body.lstrip("\n")
        if ":" in line and not line.startswith((" ", "\t", "#")):
            k, v = line.split(":", 1)
            v = v.strip()
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
                v = v[1:-1]
            meta[k.strip().lower()] = v
    return {}, text  # unterminated block: treat everything as text


def _title_from_text(text: str) -> str | None:
    for line in text.splitlines()[:5]:
        s = line.strip()
        if s.startswith("#"):
            return s.lstrip("#").strip() or None
        if s:
            return None
    return None


def _from_text(raw: bytes, path: str) -> Article:
    text, warnings = _decode(raw)
    meta, body = _front_matter(text)
    _check_text(body)
    published = _check_date(meta.get("published") or meta.get("date"))
    if published is None:
        published = find_dateline(body)
    return Article(
        text=body,
        title=meta.get("title") or _title_from_text(body),
        url=meta.get("url") or None,
        published=published,
        publisher=meta.get("publisher") or None,
        path=path,
        meta={k: v for k, v in meta.items() if k not in {"title", "url", "published", "publisher"}},
        warnings=warnings,
    )


def _from_html(raw: bytes, path: str) -> Article:
    text, warnings = _decode(raw)
    import trafilatura  # heavy import, only for HTML input

    result = trafilatura.extract(
        text,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        # only dates the page declares (meta tags, time elements): a guessed date (a
        # copyright year in the footer) would silently shift every relative date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not result:
        raise _Bad("no article text found in HTML")
    doc = json.loads(result)
    body = doc.get("text") or ""
    _check_text(body)
    try:
        published = _check_date(doc.get("date"))
    except _Bad:
        published = None
    return Article(
        text=body,
        title=doc.get("title") or None,
        url=doc.get("source") or doc.get("url") or None,
        published=published,
        publisher=doc.get("sitename") or doc.get("hostname") or None,
        path=path,
        warnings=warnings,
    )


def _from_obj(obj: object, path: str, line: int | None) -> Article:
    if not isinstance(obj, dict):
        raise _Bad(f"expected a JSON object, got {type(obj).__name__}")
    for key in ("url", "title", "published", "publisher", "text"):
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            raise _Bad(f"field {key!r} must be a string, not {type(obj[key]).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise _Bad("missing 'text' field")
    _check_text(text)
    return Article(
        text=text,
        title=obj.get("title") or None,
        url=obj.get("url") or None,
        published=_check_date(obj.get("published")),
        publisher=obj.get("publisher") or None,
        path=path,
        line=line,
    )


def _override(article: Article, published: date | None, url: str | None) -> Article:
    if published is None and url is None:
        return article
    from dataclasses import replace

    return replace(article, published=published or article.published, url=url or article.url)


def _read_bytes(raw: bytes, path: str, kind: str) -> Iterator[ArticleOrError]:
    if kind == ".jsonl":
        for lineno, line in enumerate(raw.split(b"\n"), start=1):
            if not line.strip():
                continue
            try:
                text, _ = _decode(line)
                yield _cleaned(_from_obj(json.loads(text), path, lineno))
            except (_Bad, json.JSONDecodeError) as exc:
                yield ArticleError(
                    path, lineno, str(exc) if isinstance(exc, _Bad) else f"invalid JSON: {exc}"
                )
        return
    try:
        if len(raw) > MAX_FILE_BYTES:
            raise _Bad(f"file exceeds {MAX_FILE_BYTES} bytes")
        if kind == ".json":
            text, _ = _decode(raw)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise _Bad(f"invalid JSON: {exc}") from None
            yield _cleaned(_from_obj(obj, path, None))
        elif kind in HTML_SUFFIXES:
            yield _cleaned(_from_html(raw, path))
        else:
            yield _cleaned(_from_text(raw, path))
    except _Bad as exc:
        yield ArticleError(path, None, str(exc))


def _sniff(raw: bytes) -> str:
    head = raw.lstrip()[:200].lower()
    if head.startswith(b"{"):
        lines = [x for x in raw.strip().split(b"\n") if x.strip()]
        return ".jsonl" if len(lines) > 1 and all(x.lstrip().startswith(b"{") for x in lines) else ".json"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p")):
        return ".html"
    return ".md"


def iter_paths(path: Path) -> Iterator[Path]:
    """Article files under ``path`` (recursive, sorted; hidden and ``*.expected.json`` skipped)."""
    if path.is_file():
        yield path
        return
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.endswith(".expected.json"):
            yield p


def read_articles(
    path: str | Path, *, published: date | None = None, url: str | None = None
) -> Iterator[ArticleOrError]:
    """Yield an :class:`Article` or :class:`ArticleError` for every article under ``path``.

    ``path`` is a file, a directory (recursive, sorted) or ``"-"`` for stdin.
    ``published`` and ``url`` override what the files say (useful for one article).
    """
    if str(path) == "-":
        raw = sys.stdin.buffer.read()
        for item in _read_bytes(raw, "<stdin>", _sniff(raw)):
            yield _override(item, published, url) if isinstance(item, Article) else item
        return
    p = Path(path)
    if not p.exists():
        yield ArticleError(str(p), None, "no such file or directory")
        return
    for f in iter_paths(p):
        try:
            with f.open("rb") as fh:
                raw = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            yield ArticleError(str(f), None, f"cannot read: {exc.strerror or exc}")
            continue
        kind = f.suffix.lower()
        if kind not in SUFFIXES:
            kind = _sniff(raw)
        if kind == ".jsonl" and len(raw) > MAX_FILE_BYTES:
            with f.open("rb") as fh:  # jsonl: each line is limited, not the file
                raw = fh.read()
        for item in _read_bytes(raw, str(f), kind):
            yield _override(item, published, url) if isinstance(item, Article) else item


def article_from_text(
    text: str, *, published: date | None = None, url: str | None = None, title: str | None = None
) -> Article:
    """Wrap a string as an :class:`Article` (front matter is not parsed here; text in NFC)."""
    return _cleaned(Article(text=text, title=title, url=url, published=published))
