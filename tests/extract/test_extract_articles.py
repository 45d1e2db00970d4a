"""Article readers (every format, every error path) and the public extraction API."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers.claim_json import CLAIM_KEYS
from helpers.paths import FIXTURES

from kg.extract import (
    MAX_TEXT_BYTES,
    Article,
    ArticleError,
    extract,
    extract_many,
    extract_text,
    read_articles,
)
from kg.vocab.reference import SystemRecord

ARTICLES = FIXTURES / "articles"


def _one(path: Path, **kw: object) -> Article | ArticleError:
    items = list(read_articles(path, **kw))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def test_markdown_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(
        '---\ntitle: "T: x"\nurl: https://example.org/a\npublished: 2024-02-01\n'
        "publisher: Example\nsource: https://example.org/src\n---\n\nIndia bought jets.\n"
    )
    art = _one(p)
    assert isinstance(art, Article)
    assert (art.title, art.url, art.published, art.publisher) == (
        "T: x",
        "https://example.org/a",
        date(2024, 2, 1),
        "Example",
    )
    assert art.meta == {"source": "https://example.org/src"}
    assert art.text == "India bought jets.\n"
    assert art.key == "https://example.org/a"
    assert len(art.content_hash) == 64


def test_text_without_front_matter_uses_dateline_and_heading(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("# Big news\n\nMay 26, 2026\n\nRussia delivered S-400 systems to India.\n")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.title == "Big news" and art.published == date(2026, 5, 26) and art.url is None
    assert art.key == f"sha256:{art.content_hash}"


def test_overrides(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("---\npublished: 2020-01-01\nurl: https://a.example\n---\nText.\n")
    art = _one(p, published=date(2021, 3, 3), url="https://b.example")
    assert isinstance(art, Article) and art.published == date(2021, 3, 3) and art.url == "https://b.example"


def test_html_drops_scripts_styles_iframes() -> None:
    art = _one(ARTICLES / "serbia_rafale.html")
    assert isinstance(art, Article)
    assert "Rafale" in art.text
    for junk in ("dataLayer", "Qatar", "margin", "Barak-8", "J-10C", "Leopard", "Copyright", "Most read"):
        assert junk not in art.text, junk
    assert art.published == date(2024, 8, 29)
    assert art.title == "Serbia buys 12 Rafale jets from France"


def test_json_and_jsonl() -> None:
    art = _one(ARTICLES / "greece_f35.json")
    assert isinstance(art, Article) and art.published == date(2024, 7, 25) and "F-35" in art.text
    items = list(read_articles(ARTICLES / "swiss_jets.jsonl"))
    assert [type(i) for i in items] == [Article, Article]
    assert [i.line for i in items] == [1, 2]  # type: ignore[union-attr]


def test_directory_is_recursive_sorted_and_skips_expected_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Z text.")
    (tmp_path / "a.md").write_text("A text.")
    (tmp_path / "a.expected.json").write_text("[]")
    (tmp_path / ".hidden.md").write_text("hidden")
    (tmp_path / "notes.csv").write_text("x,y")
    items = list(read_articles(tmp_path))
    assert [Path(i.path).name for i in items] == ["a.md", "z.md"]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "empty"),
        ("blank.md", b"   \n\n ", "empty"),
        ("bin.md", b"\x00\x01\x02binary\x00", "binary"),
        ("latin.md", "Caf\u00e9 ".encode("latin-1") * 50, "not UTF-8"),
        ("future.md", b"---\npublished: 2999-01-01\n---\nText.", "future"),
        ("baddate.md", b"---\npublished: someday\n---\nText.", "unparseable"),
        ("bad.json", b"{not json", "invalid JSON"),
        ("list.json", b"[1, 2]", "JSON object"),
        ("type.json", b'{"text": "x", "published": 20240101}', "'published' must be a string"),
        ("title.json", b'{"text": "x", "title": ["a"]}', "'title' must be a string"),
        ("notext.json", b'{"title": "x"}', "missing 'text'"),
        ("nohtml.html", b"<html><body><script>var a=1;</script></body></html>", "no article text"),
    ],
)
def test_bad_inputs_yield_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    item = _one(p)
    assert isinstance(item, ArticleError), item
    assert message in item.message and item.path == str(p)


def test_a_few_invalid_utf8_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_bytes(b"India bought jets from France " * 20 + b"\xff.")
    art = _one(p)
    assert isinstance(art, Article) and "\ufffd" in art.text and art.warnings


def test_jsonl_errors_name_the_line_and_batch_goes_on(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "One."}\n{broken\n\n{"text": 5}\n{"text": "Four."}\n')
    items = list(read_articles(p))
    assert [type(i).__name__ for i in items] == ["Article", "ArticleError", "ArticleError", "Article"]
    assert [i.line for i in items] == [1, 2, 4, 5]
    assert str(items[1]).startswith(f"{p}:2: invalid JSON")


def test_too_large_article_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"text": "x" * (MAX_TEXT_BYTES + 1)}) + "\n")
    (item,) = list(read_articles(p))
    assert isinstance(item, ArticleError) and "MAX_TEXT_BYTES" in item.message


def test_missing_path() -> None:
    (item,) = list(read_articles("/nonexistent/dir/x.md"))
    assert isinstance(item, ArticleError) and "no such file" in item.message


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b'{"text": "India signed a deal with France for 26 Rafale-M jets.", "published": "2025-04-28"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    (art,) = list(read_articles("-"))
    assert isinstance(art, Article) and art.published == date(2025, 4, 28) and art.path == "<stdin>"


# --- API --------------------------------------------------------------------------------

TEXT = (
    "Indonesia cancelled its order for 11 Su-35 jets from Russia in 2021. "
    "India signed a €7.4 billion contract with France for 26 Rafale-M jets in April 2025."
)


def test_to_dict_shape_is_stable_and_json_serialisable() -> None:
    claims = extract_text(TEXT, date(2025, 5, 1))
    assert claims
    for c in claims:
        d = c.to_dict()
        json.dumps(d)
        for key in CLAIM_KEYS:
            assert key in d
        assert set(d["buyer"]) == {"name", "iso3", "kind"}
        assert d["supplier"] is None or set(d["supplier"]) == {"name", "iso3", "kind"}
        assert d["system"] is None or {"name", "category"} <= set(d["system"])  # keys may be added
        assert d["value"] is None or set(d["value"]) == {"amount", "currency"}
        assert set(d["evidence"]) == {"text", "start", "end"}
        assert all(set(x) == {"text", "date", "role"} for x in d["dates"])
    by_sys = {c.system.name: c.to_dict() for c in claims if c.system}
    su35 = next(v for k, v in by_sys.items() if "Su-35" in k)
    assert (su35["supplier"]["iso3"], su35["buyer"]["iso3"], su35["status"], su35["quantity"]) == (
        "RUS",
        "IDN",
        "cancelled",
        11,
    )
    rafale = next(v for k, v in by_sys.items() if "Rafale" in k)
    assert rafale["value"] == {"amount": 7400000000, "currency": "EUR"} and rafale["quantity"] == 26
    assert rafale["status"] == "signed" and rafale["order_year"] == 2025


def test_extra_systems_extend_the_catalogue() -> None:
    text = "Egypt bought 12 Zorblax interceptors from Russia last year."
    assert all(c.system is None or c.system.name != "Zorblax-9" for c in extract_text(text))
    extra = [SystemRecord("Zorblax-9", ("Zorblax",), "air-defence", "RUS", None, None, None)]
    art = Article(text=text, published=date(2025, 1, 1))
    claims = extract(art, extra_systems=extra)
    assert any(
        c.system and c.system.name == "Zorblax-9" and c.system.category == "air-defence" for c in claims
    )


def test_extract_many_parallel_equals_serial() -> None:
    arts = [
        Article(text=TEXT, published=date(2025, 5, 1)),
        Article(text="Germany delivered 18 Leopard 2A6 tanks to Ukraine.", published=date(2023, 3, 28)),
    ] * 3
    serial = [[c.to_dict() for c in cs] for _a, cs in extract_many(arts, jobs=1)]
    parallel = [[c.to_dict() for c in cs] for _a, cs in extract_many(arts, jobs=2, chunksize=1)]
    assert serial == parallel and all(serial)


def test_demo_articles_read_and_yield_claims() -> None:
    from kg.io.resources import data_path

    items = list(read_articles(data_path("articles")))
    assert len(items) >= 5
    for art in items:
        assert isinstance(art, Article), art
        assert art.url and art.published and art.meta.get("source")
        assert extract(art), art.path


def test_html_without_a_declared_date_has_no_publication_date(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(
        "<html><head><title>T</title></head><body><article><h1>Deal</h1><p>India bought 36 Rafale jets "
        "from France. The deal was signed in 2016 and deliveries ended in 2022, officials said in a long "
        "statement about the programme.</p></article><footer>Copyright 2025 Example</footer></body></html>"
    )
    art = _one(p)
    assert isinstance(art, Article) and art.published is None  # never guessed from the footer
