"""The SIPRI import's fast paths agree with the plain forms they replace.

Each shortcut taken for import speed (a prefilter before a regex, cached cell readers,
string templates instead of minted URIRefs, ``str.replace`` escaping) must give exactly
what the slower formulation gives; these tests compare the two on generated input.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.sipri import formats, mapping, values
from kg.ingest.sipri.formats import ParsedFile, parse_bytes
from kg.vocab import iris

#: Text that reaches the prefilters: ASCII words of the patterns, their case variants and
#: the non-ASCII letters that case-fold onto ASCII ones in the regex engine (ı, İ, ſ, K).
_WORDS = st.sampled_from(
    [
        "produced under licence",
        "Assembled in",
        "LICENSED PRODUCTION",
        "locally produced",
        "local assembly",
        "lİcence",
        "produced under lıcense",
        "aſſembled in",
        "$45 m deal",
        "EUR7.8 b deal",
        "INR390 b ($5.4 b) deal",
        "Part of $88 m deal",
        "offsets $845 m",
        "Deal worth $20 m",
        "; ",
        " ",
        "-",
        "built",
        "version",
    ]
)
_TEXT = st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_local_production_prefilter_agrees_with_the_pattern(text):
    assert mapping.states_local_production(text) == (mapping._LOCAL_PRODUCTION.search(text) is not None)


@pytest.mark.parametrize(
    "text", ["Produced under LICENCE in India", "lİcensed production", "assembled in Turkey", "no remark"]
)
def test_local_production_examples(text):
    assert mapping.states_local_production(text) == (mapping._LOCAL_PRODUCTION.search(text) is not None)


def _parse_value_per_segment(comments: str) -> values.DealValue | None:
    """parse_value as it was before the whole-text prefilter: every segment tried."""
    for segment in comments.split(";"):
        found = values._segment_value(segment.strip())
        if found is not None:
            return found
    return None


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_value_prefilter_agrees_with_the_segment_scan(text):
    assert values.parse_value(text) == (_parse_value_per_segment(text) if text else None)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_lit_escapes_like_translate_and_parses_back(text):
    assert mapping.lit(text) == f'"{text.translate(_ESCAPES)}"'
    line = f"<https://example.org/s> <https://example.org/p> {mapping.lit(text)} .\n"
    [triple] = list(ox.parse(line.encode("utf-8"), ox.RdfFormat.N_TRIPLES))
    assert triple.object.value == text


def test_cached_cell_readers_raise_every_time():
    for _ in range(2):  # a bad cell is never cached as a value
        with pytest.raises(ValueError, match="not a year"):
            formats._year("20x5", "Year of order")
        with pytest.raises(ValueError, match="not a whole number"):
            formats._int("1O", "Number ordered")
        with pytest.raises(ValueError, match="not a number"):
            formats._decimal("1,5", "SIPRI TIV per unit")
    assert formats._years(" 2005; 2006 ;2007") == [2005, 2006, 2007]
    assert formats._years_cell("2005;2006") == ((2005, 2006), "2005; 2006")
    years = formats._years("2005; 2006")
    years.append(1)  # callers get their own list, never the cached tuple
    assert formats._years("2005; 2006") == [2005, 2006]


_HEADER = (
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
    "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,"
    "SIPRI TIV of delivered weapons"
)


def _register(rows: list[str]) -> ParsedFile:
    text = "Transfers of major conventional arms\nData generated: 13 Oct 2024 2:20:11 PM\n" + _HEADER + "\n"
    return parse_bytes((text + "\n".join(rows) + "\n").encode(), "trade-register.csv")


def test_templated_iris_equal_the_minted_ones():
    parsed = _register(
        [
            "India,Russia,2015,,5,,S-400,SAM system,,,,New,,1,5,",
            "India,France,2016,?,36,,Rafale,FGA aircraft,36,,2019; 2020,New,,70,2520,2520",
            "Afghanistan,Brazil,2017,,6,,EMB-314 Super Tucano,trainer/combat aircraft,6,?,2018,New,,4.5,27,27",
        ]
    )
    mapper = mapping.ReleaseMapper(parsed)
    release = iris.release_source(parsed.release_key)
    for row in parsed.rows:
        assert (
            mapper.deal16_iri(row.ordinal) == f"<{iris.register_deal(parsed.release_key, str(row.ordinal))}>"
        )
        mapper.deal16(row)  # type: ignore[arg-type]
    nt = "".join(mapper.finish().lines)
    for row in parsed.rows:
        assert f"<{iris.record(release, row.line)}> " in nt
    assert f"<{iris.delivery(str(iris.register_deal(parsed.release_key, '3')), 2018)}> " in nt


def test_a_changed_iri_template_is_refused(monkeypatch):
    parsed = _register(["India,Russia,2015,,5,,S-400,SAM system,,,,New,,1,5,"])
    minted = iris.register_deal
    monkeypatch.setattr(iris, "register_deal", lambda key, row: minted(key, f"x{row}"))
    with pytest.raises(RuntimeError, match="template"):
        mapping.ReleaseMapper(parsed)
