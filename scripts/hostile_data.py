"""Hostile and broken inputs, generated on the fly (never committed): an article batch with one
of each bad kind, an XML entity bomb, a SIPRI register with broken rows, an HTML article.

Shared by the tests (``tests/reliability/test_reliability_inputs.py``, ``test_security_inputs.py``,
``test_packaging.py``, as ``scripts.hostile_data``) and by ``scripts/reliability.py`` and
``scripts/hostile_inputs.py``, so the table those scripts print measures the same inputs the
tests check.
"""

from __future__ import annotations

import json
from pathlib import Path

HOSTILE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "hostile"

GOOD = """---
title: India signs deal for 36 Rafale jets
url: https://example.org/rel/rafale
published: 2016-09-23
---
India signed an inter-governmental agreement with France on Friday to buy 36 Rafale fighter jets
made by Dassault Aviation for about 7.87 billion euros.
"""

#: Text with one invalid byte (a mis-encoded quote): repaired with a warning, kept.
ONE_BAD_BYTE = (
    b"---\ntitle: Philippines buys BrahMos\nurl: https://example.org/rel/brahmos\n---\n"
    b"The Philippines signed a \x93$375 million contract with India for the BrahMos missile system.\n"
)


def write_batch(d: Path) -> dict[str, str | None]:
    """A batch of good and bad articles; returns file name -> expected message part (None: imported)."""
    (d / "a_good.md").write_text(GOOD, encoding="utf-8")
    (d / "b_empty.md").write_bytes(b"")
    (d / "c_binary.txt").write_bytes(bytes(range(256)) * 64)
    with (d / "d_huge.txt").open("wb") as fh:  # 50 MB of text, generated here, never committed
        line = b"India ordered 36 Rafale jets from France for 7.87 billion euros in 2016. " * 14 + b"\n"
        for _ in range(50 * 2**20 // len(line) + 1):
            fh.write(line)
    (d / "e_latin1.md").write_bytes("Indien kauft Kampfjets für Milliarden".encode("utf-16"))
    (d / "f_one_bad_byte.md").write_bytes(ONE_BAD_BYTE)
    (d / "g_scripted.html").write_bytes((HOSTILE / "scripted.html").read_bytes())
    (d / "h_missing_text.json").write_text('{"title": "no text", "url": "https://example.org/x"}')
    (d / "i_wrong_type.json").write_text('{"title": 5, "text": "India bought jets."}')
    (d / "j_not_json.json").write_text('{"title": "cut off", "text": "Ind')
    (d / "k_future.md").write_text("---\npublished: 2999-01-01\n---\nIndia ordered 36 Rafale jets.\n")
    (d / "l_bad_date.md").write_text("---\npublished: the day after Tuesday\n---\nIndia ordered jets.\n")
    lines = [
        json.dumps(
            {"url": "https://example.org/rel/k2", "text": "Poland ordered 180 K2 tanks from South Korea."}
        ),
        json.dumps({"url": "https://example.org/rel/bad", "text": ["not", "a", "string"]}),
        "{not json",
    ]
    (d / "m_batch.jsonl").write_text("\n".join(lines) + "\n")
    return {
        "a_good.md": None,
        "b_empty.md": "empty",
        "c_binary.txt": "binary",
        "d_huge.txt": "exceeds",
        "e_latin1.md": "",  # UTF-16: NUL bytes -> binary, or not UTF-8
        "f_one_bad_byte.md": None,
        "g_scripted.html": None,
        "h_missing_text.json": "missing 'text'",
        "i_wrong_type.json": "'title' must be a string",
        "j_not_json.json": "invalid JSON",
        "k_future.md": "future",
        "l_bad_date.md": "unparseable",
        "m_batch.jsonl:1": None,
        "m_batch.jsonl:2": "'text' must be a string",
        "m_batch.jsonl:3": "invalid JSON",
    }


def laughs(levels: int) -> str:
    entities = ['<!ENTITY a0 "ha">'] + [
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, levels + 1)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n'
        + "\n".join(entities)
        + ']>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:ex="http://example.org/">\n'
        f'<rdf:Description rdf:about="http://example.org/s"><ex:p>&a{levels};</ex:p></rdf:Description>\n'
        "</rdf:RDF>\n"
    )


_PREAMBLE = (
    "Transfers of major conventional arms (kg guard fixture). Deals with deliveries or orders made "
    "for year range '2000' to '2024' \nA '?' in a column indicates uncertain data.\n\n"
    "Source: own-made kg test fixture in the SIPRI 16-column layout.\nData generated: {when}\n"
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
    "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,"
    "SIPRI TIV for total order,SIPRI TIV of delivered weapons\n"
)
_BUYERS = ["India", "Egypt", "Greece", "Qatar", "Brazil", "Chile", "Peru", "Kenya", "Ghana", "Nepal"]


def register(path: Path, rows: int, *, broken: int = 0, when: str = "13 Oct 2024 2:20:11 PM") -> Path:
    """A 16-column register with ``rows`` rows, the first ``broken`` missing their last field."""
    lines = []
    for i, buyer in enumerate(_BUYERS[:rows]):
        row = f"{buyer},France,{2010 + i},,{i + 2},,Rafale,FGA aircraft,{i + 2},,{2012 + i},New,,55,110,110"
        lines.append(row.rsplit(",", 1)[0] if i < broken else row)
    path.write_text(_PREAMBLE.format(when=when) + "\n".join(lines) + "\n", encoding="utf-8")
    return path


HTML_ARTICLE = """<!doctype html><html><head><title>Navy news</title>
<meta property="article:published_time" content="2024-05-02"></head><body><article>
<h1>Navy orders patrol boats</h1>
<p>The Philippine Navy ordered nine patrol boats from Israel in 2023, the ministry said on Tuesday.
The boats are to be delivered by 2026 and the first two arrived in Manila last month.</p>
<p>Officials said the order followed a review of coastal needs that began three years ago.</p>
</article></body></html>
"""
