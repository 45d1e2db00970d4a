"""Bad RDF is rejected with file:line and changes nothing; odd but valid RDF imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import rdf as rdf_import
from kg.ingest.rdf import import_rdf, parse_file
from kg.store import open_store
from kg.vocab.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("bad.ttl", "@prefix x: <http://x/> .\nx:a x:b x:c .\n\nx:a x:b ;; .\n", 4),
        ("bad.nt", '<http://a> <http://b> <http://c> .\n<http://a> <http://b> "open\n', 2),
        ("space.nt", '<http://a> <http://b> "1" .\n<http://a b> <http://b> "1" .\n', 2),
        ("bad.nq", "<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> .\n", 2),
        ("bad.trig", "<http://g> { <http://a> <http://b> <http://c> }\n<http://g2> { <http://a> }\n", 2),
    ],
)
def test_malformed_rdf_names_file_and_line(tmp_path: Path, name: str, text: str, line: int) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as err:
        parse_file(path)
    assert err.value.line == line
    assert str(err.value).startswith(f"{path}:{line}:")


def test_invalid_datatype_is_rejected_with_line(tmp_path: Path) -> None:
    text = '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<http://a> <http://b> 5 .\n<http://a> <http://c> "five"^^xsd:integer .\n'
    with pytest.raises(InputError, match="invalid xsd:integer") as err:
        parse_file(write(tmp_path, "dt.ttl", text))
    assert err.value.line == 3


@pytest.mark.parametrize(
    "literal",
    ['"2020-02-30x"^^xsd:date', '"1.2.3"^^xsd:decimal', '"yes"^^xsd:boolean', '"20x0"^^xsd:gYear'],
)
def test_other_ill_typed_literals(tmp_path: Path, literal: str) -> None:
    text = f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<http://a> <http://b> {literal} .\n"
    with pytest.raises(InputError, match="invalid xsd:"):
        parse_file(write(tmp_path, "dt.ttl", text))


def test_valid_typed_literals_and_bom_import(tmp_path: Path) -> None:
    text = (
        "\ufeff@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        '<http://a> <http://b> "2020-01-01"^^xsd:date, 1.5e3, true, -0.5, 42, "2019"^^xsd:gYear .\n'
    )
    store = open_store("memory:")
    report = import_rdf(store, [write(tmp_path, "bom.ttl", text)])
    assert not report.errors
    assert report.total("triples") == 6


def test_deeply_nested_collection_has_no_recursion_error(tmp_path: Path) -> None:
    depth = 20000
    text = "<http://a> <http://b> " + "(" * depth + ")" * depth + " .\n"
    store = open_store("memory:")
    report = import_rdf(store, [write(tmp_path, "deep.ttl", text)])
    assert not report.errors
    assert report.total("triples") > depth


def test_oversized_file_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rdf_import, "MAX_FILE_BYTES", 100)
    path = write(tmp_path, "big.nt", '<http://a> <http://b> "x" .\n' * 10)
    with pytest.raises(InputError, match="limit"):
        parse_file(path)


def test_unknown_suffix_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        parse_file(write(tmp_path, "data.xyz", "x"))
    with pytest.raises(InputError):
        parse_file(tmp_path)


def test_batch_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    good = write(tmp_path, "good.nt", '<http://a> <http://b> "x" .\n')
    bad = write(tmp_path, "bad.nt", "<http://a> <http://b> .\n")
    store = open_store("memory:")
    report = import_rdf(store, [bad, good])
    assert len(report.written) == 1 and len(report.errors) == 1
    base = store.count(ONTOLOGY_GRAPH) + store.count(REFERENCE_GRAPH)  # ensured by every import
    assert store.count() - base == 4  # one triple + the file's three source-description triples
