"""Claims of a short own-words text as comparable tuples, for the extractor's pattern tests.

Why a helper: the pattern tests compare what ``extract_text`` says as sets of
(supplier, buyer, system, status); each test module had its own copy of these few lines.
"""

from __future__ import annotations

from datetime import date

from kg.extract import Article, extract, extract_text


def claims(text: str, published: date, *, asserted: bool = False) -> list[dict]:
    """The claims of ``text`` as their public JSON dicts (docs/extract-json.md); ``asserted``
    leaves out the negated ones (a denial)."""
    return [c.to_dict() for c in extract_text(text, published) if not (asserted and c.negated)]


def facts(text: str, published: date, *, system: str = "name") -> set[tuple]:
    """(supplier iso3, buyer iso3, system field, status) of every claim; ``system`` picks the
    system's field: ``name`` (the catalogue's) or ``mention`` (as the text writes it)."""
    return {
        (
            c["supplier"]["iso3"] if c["supplier"] else None,
            c["buyer"]["iso3"],
            c["system"][system] if c["system"] else None,
            c["status"],
        )
        for c in claims(text, published)
    }


def triples(text: str, published: date, *, asserted: bool = False) -> set[tuple]:
    """(supplier iso3, buyer iso3, catalogue system name) of every claim: the scorer's unit."""
    return {
        (
            c["supplier"]["iso3"] if c["supplier"] else None,
            c["buyer"]["iso3"],
            c["system"]["name"] if c["system"] else None,
        )
        for c in claims(text, published, asserted=asserted)
    }


def stages(text: str, published: date, supplier: str, buyer: str) -> set[str]:
    """The statuses claimed for the (supplier, buyer) pair of ``text``, denials left out: the stage
    tests' unit (one deal, every stage the text states of it)."""
    return {
        c["status"]
        for c in claims(text, published, asserted=True)
        if c["supplier"] and c["supplier"]["iso3"] == supplier and c["buyer"]["iso3"] == buyer
    }


def asserted(
    text: str, published: date | None = None
) -> list[tuple[str | None, str | None, str | None, str]]:
    """(supplier iso3, buyer iso3, catalogue system name, status) of every claim but the denials, in
    order and with repeats (for tests that count claims, not only sets)."""
    return [
        (
            c.supplier.iso3 if c.supplier else None,
            c.buyer.iso3 if c.buyer else None,
            c.system.name if c.system else None,
            c.status,
        )
        for c in extract_text(text, published)
        if not c.negated
    ]


def titled_triples(text: str, title: str = "Defence news") -> set[tuple]:
    """(supplier iso3, buyer iso3, catalogue system name) of an article with a headline: for the
    rules that read the title (the article's focus, headline-weighted buyers)."""
    return {
        (
            c["supplier"]["iso3"] if c["supplier"] else None,
            c["buyer"]["iso3"],
            c["system"]["name"] if c["system"] else None,
        )
        for c in (claim.to_dict() for claim in extract(Article(text=text, title=title)))
    }
