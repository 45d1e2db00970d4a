"""A small fuzz run (200 generated articles, 200 SIPRI rows): no crash; scripts/fuzz.py runs 10,000."""

from __future__ import annotations

from scripts import fuzz


def test_generated_articles_never_crash_the_extractor() -> None:
    res = fuzz.fuzz_articles(200, seed=11)
    assert res.tried == 200
    assert res.crashes == 0, "\n".join(res.examples)


def test_generated_sipri_rows_never_crash_parser_or_mapping() -> None:
    res = fuzz.fuzz_sipri_rows(200, seed=11, chunk=50)
    assert res.tried == 200
    assert res.crashes == 0, "\n".join(res.examples)


def test_generated_rows_mix_good_and_bad() -> None:
    """The generator is worth running: most rows parse, a good share is reported as bad."""
    from kg.ingest.sipri.formats import parse_bytes

    rows = fuzz.generate_sipri_rows(400, seed=3)
    data = (
        "T (fuzz)\nData generated: 01 Jan 2025\n" + fuzz.HEADER16 + "\n" + "\n".join(rows) + "\n"
    ).encode()
    parsed = parse_bytes(data, "<fuzz>")
    assert 0.3 * len(rows) < len(parsed.rows) < 0.95 * len(rows)
    assert len(parsed.problems) > 0.05 * len(rows)
    assert all(p.line > 3 for p in parsed.problems)
