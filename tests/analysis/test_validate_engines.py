"""The two validation engines (SPARQL in Oxigraph, pyshacl) give the same report.

``tests/fixtures/shacl_every_shape.trig`` breaks every shape of ``ontology/shapes.ttl`` at least
once; both engines must report exactly the same results on it, and on the demo graph.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from helpers.paths import FIXTURES
from rdflib import Dataset, Graph
from rdflib.namespace import SH

from kg.analysis.shacl_sparql import Unsupported, class_closure, compile_shapes
from kg.analysis.validate import validate, validate_store
from kg.cli import cli
from kg.io.resources import ontology_path

BAD = FIXTURES / "shacl_every_shape.trig"


def bad_dataset() -> Dataset:
    """The fixture as the store holds it: through Oxigraph, which writes numbers canonically
    ("-1.0"^^xsd:decimal is "-1"), so both engines print the same values."""
    store = ox.Store()
    store.load(path=str(BAD), format=ox.RdfFormat.TRIG)
    ds = Dataset()
    ds.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    return ds


def shape_messages() -> set[str]:
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    return {str(m) for m in shapes.objects(None, SH.message)}


def _base(message: str) -> str:
    return re.sub(r" \(value: .*\)$", "", message)


def test_both_engines_give_the_same_report_on_data_breaking_every_shape():
    fast = validate(bad_dataset(), engine="sparql")
    slow = validate(bad_dataset(), engine="pyshacl")
    assert not fast.conforms and not slow.conforms
    assert fast.results == slow.results
    assert fast.text == slow.text


def test_every_shape_is_broken_at_least_once():
    report = validate(bad_dataset(), engine="sparql")
    reported = {_base(r.message) for r in report.results}
    templates = {m for m in shape_messages() if "{?" in m}
    missing = {m for m in shape_messages() - templates if m not in reported}
    assert not missing, missing
    assert any(r.message.startswith("delivered quantity 10 exceeds ordered quantity") for r in report.results)


def test_same_report_on_a_selected_graph_and_on_valid_data():
    ds = bad_dataset()
    graphs = ["https://example.org/bad/graph"]
    assert validate(ds, graphs=graphs).results == validate(ds, graphs=graphs, engine="pyshacl").results
    ok = Dataset()
    ok.parse(
        data="<https://example.org/x> a <https://w3id.org/defence-kg/ontology#Country> ; "
        '<http://www.w3.org/2000/01/rdf-schema#label> "X" ; '
        '<https://w3id.org/defence-kg/ontology#iso3> "XXX" .',
        format="turtle",
    )
    assert validate(ok).conforms and validate(ok, engine="pyshacl").conforms


def test_validate_store_runs_in_place_with_progress():
    store = ox.Store()
    store.load(path=str(BAD), format=ox.RdfFormat.TRIG)
    before = len(store)
    seen = []
    report = validate_store(store, progress=lambda done, total, shape: seen.append((done, total)))
    assert len(store) == before  # nothing written
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 50
    assert report.results == validate(bad_dataset()).results


def test_a_shape_the_compiler_does_not_know_is_refused_not_skipped(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .\n"
        "ex:s a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:uniqueLang true .\n",
        encoding="utf-8",
    )
    with pytest.raises(Unsupported):
        compile_shapes(Graph().parse(shapes), class_closure([]))
    # validate() then falls back to pyshacl, which knows sh:uniqueLang
    ds = Dataset()
    ds.parse(
        data='<https://example.org/a> a <https://example.org/C> ; <https://example.org/p> "x"@en, "y"@en .',
        format="turtle",
    )
    assert not validate(ds, shapes_path=shapes).conforms


def test_cli_engines_agree_on_a_file(tmp_path):
    runner = CliRunner()
    fast = runner.invoke(cli, ["--store", str(tmp_path / "s"), "validate", str(BAD)])
    slow = runner.invoke(cli, ["--store", str(tmp_path / "s"), "validate", str(BAD), "--engine", "pyshacl"])
    assert fast.exit_code == slow.exit_code == 3
    report = fast.stdout if hasattr(fast, "stdout") else fast.output
    assert "Conforms: False" in report
    strip = [line for line in fast.output.splitlines() if not line.startswith("validate:")]
    strip_slow = [line for line in slow.output.splitlines() if not line.startswith("validate:")]
    assert strip == strip_slow
