"""The store layer: locations, atomic graph replacement, recovery, locking, bindings."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError, StoreError, StoreLocked
from kg.rdf.bindings import inject_values
from kg.store import EmbeddedStore, RemoteStore, open_store
from kg.vocab import ns
from kg.vocab.iris import REGISTRY_GRAPH

G1 = URIRef("https://example.org/g1")
G2 = URIRef("https://example.org/g2")
S = URIRef("https://example.org/s")
P = URIRef("https://example.org/p")


def triples(n: int, tag: str = "v") -> list[tuple[URIRef, URIRef, Literal]]:
    return [(S, P, Literal(f"{tag}{i}")) for i in range(n)]


def test_locations(tmp_path: Path) -> None:
    assert isinstance(open_store("memory:"), EmbeddedStore)
    assert isinstance(open_store("http://127.0.0.1:9/"), RemoteStore)
    store = open_store(str(tmp_path / "s"))
    assert isinstance(store, EmbeddedStore) and (tmp_path / "s").is_dir()
    store.close()


def test_default_location_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_STORE", str(tmp_path / "envstore"))
    store = open_store()
    assert store.location == str(tmp_path / "envstore")
    store.close()


def test_file_as_store_location_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(str(f))


def test_read_only_open_of_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "nothing"), read_only=True)


def test_replace_is_idempotent_and_replaces(any_store) -> None:
    any_store.replace_graphs({G1: triples(5), G2: triples(2, "w")})
    before = any_store.count()
    any_store.replace_graphs({G1: triples(5)})
    assert any_store.count() == before
    any_store.replace_graphs({G1: triples(3, "x")})
    assert any_store.count(G1) == 3
    assert any_store.count(G2) == 2
    assert set(any_store.named_graphs()) == {G1, G2}
    any_store.drop_graphs([G1])
    assert any_store.named_graphs() == [G2]


def test_bindings_are_terms_not_text(any_store) -> None:
    any_store.replace_graphs({G1: [(S, P, Literal('a "quoted" } value'))]})
    rows = any_store.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", {"o": Literal('a "quoted" } value')})
    assert rows == [{"s": S}]
    hostile = Literal('x" } } ; DROP ALL ; SELECT * { ?a ?b "')
    assert any_store.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", {"o": hostile}) == []
    assert any_store.count(G1) == 1


def test_query_syntax_error_names_position(any_store) -> None:
    with pytest.raises(QueryError) as err:
        any_store.query("SELECT * WHERE { ?s ?p }")
    assert "1" in str(err.value)


def test_stats_counts_classes(any_store) -> None:
    from rdflib.namespace import RDF

    deal = URIRef("https://example.org/deal")
    any_store.replace_graphs(
        {G1: [(deal, RDF.type, ns.Deal), (S, RDF.type, ns.Country), (P, RDF.type, ns.NewsArticle)]}
    )
    stats = any_store.stats()
    assert stats["deals"] == 1 and stats["parties"] == 1 and stats["sources"] == 1
    assert stats["graphs"] == 1 and stats["triples"] == 3


def test_export_formats(tmp_path: Path) -> None:
    store = open_store("memory:")
    store.replace_graphs({G1: triples(2)})
    for fmt in ("ttl", "nt", "nq", "trig", "jsonld"):
        buf = io.BytesIO()
        store.export(fmt, buf)
        assert b"v1" in buf.getvalue(), fmt
    buf = io.BytesIO()
    store.export("nq", buf)
    assert str(G1).encode() in buf.getvalue()


def test_second_writer_gets_locked(tmp_path: Path) -> None:
    path = tmp_path / "s"
    store = open_store(str(path))
    store.replace_graphs({G1: triples(1)})
    code = (
        "import sys\nfrom kg.store import open_store\nfrom kg.errors import StoreLocked\n"
        f"try:\n    open_store({str(path)!r})\nexcept StoreLocked as e:\n    print(e); sys.exit(4)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 4, proc.stderr
    assert "locked" in proc.stdout
    # a reader can still open it
    reader = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from kg.store import open_store; print(open_store({str(path)!r}, read_only=True).count())",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert reader.returncode == 0, reader.stderr
    store.close()


def test_in_process_second_open_is_locked(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s"))
    with pytest.raises(StoreLocked):
        open_store(str(tmp_path / "s"))
    store.close()


def test_recovery_drops_half_written_graphs(tmp_path: Path) -> None:
    """A writer killed between the pending marker and its removal leaves nothing half-done."""
    path = str(tmp_path / "s")
    store = open_store(path)
    store.replace_graphs({G1: triples(3)})
    # simulate a crash: marker written, graph partly loaded, process gone
    store.ox.extend(store._markers([G2]))
    store.replace_graphs.__func__  # noqa: B018 (the real path is exercised above)
    import pyoxigraph as ox

    store.ox.add(
        ox.Quad(ox.NamedNode(str(S)), ox.NamedNode(str(P)), ox.Literal("partial"), ox.NamedNode(str(G2)))
    )
    store.close()
    reopened = open_store(path)
    assert reopened.named_graphs() == [G1]
    assert reopened.count(G1) == 3
    assert not reopened.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": REGISTRY_GRAPH})
    reopened.close()


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    open_store(path).close()
    ro = open_store(path, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        ro.replace_graphs({G1: triples(1)})


def test_remote_unreachable_is_a_clear_error() -> None:
    store = RemoteStore("http://127.0.0.1:9", timeout=2)
    with pytest.raises(StoreError, match="cannot reach"):
        store.select("SELECT * WHERE { ?s ?p ?o }")


def test_inject_values_places_block_in_outer_where() -> None:
    q = 'PREFIX x: <http://x/> SELECT ?a WHERE { ?a x:p "{ not a brace" . { SELECT ?b WHERE { ?b ?c ?d } } }'
    out = inject_values(q, {"a": URIRef("http://x/1")})
    assert out.index("VALUES") < out.index('x:p "{ not a brace"')
    assert out.count("VALUES") == 1
    with pytest.raises(ValueError):
        inject_values(q, {"a": URIRef("http://x/ y>")})
    with pytest.raises(ValueError):
        inject_values(q, {"a b": URIRef("http://x/1")})


def test_inject_values_skips_construct_template() -> None:
    q = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    out = inject_values(q, {"g": URIRef("http://x/g")})
    assert out.index("VALUES") > out.index("WHERE")
    ask = inject_values("ASK { ?s ?p ?o }", {"s": URIRef("http://x/s")})
    assert ask.startswith("ASK { VALUES")
    prefixed = inject_values("PREFIX where: <http://w/> SELECT * WHERE { ?s where:x ?o }", {"s": S})
    assert prefixed.index("VALUES") > prefixed.index("SELECT")


def test_export_one_graph(any_store) -> None:
    any_store.replace_graphs({G1: triples(2), G2: triples(3, "w")})
    for fmt in ("nt", "ttl"):
        buf = io.BytesIO()
        any_store.export(fmt, buf, G1)
        text = buf.getvalue().decode()
        assert "v1" in text and "w1" not in text, fmt


# --- read-only opens (published checkpoints: tests/store/test_store_snapshots.py) ---------


def test_a_store_that_is_really_empty_reads_as_empty(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    open_store(path).close()
    ro = open_store(path, read_only=True)
    assert ro.count() == 0 and ro.named_graphs() == []
    ro.close()


class _VanishingFile:
    """A pyoxigraph store stand-in whose reads fail once as if a file had vanished."""

    def __init__(self, inner: object) -> None:
        self.inner, self.failed = inner, False

    def __len__(self) -> int:
        if not self.failed:
            self.failed = True
            raise OSError(
                "IO error: No such file or directory: While open a file for random read: 000042.sst"
            )
        return len(self.inner)  # type: ignore[arg-type]


@pytest.mark.parametrize("read_only", [False, True])
def test_an_engine_io_error_is_one_store_error(tmp_path: Path, read_only: bool) -> None:
    """No retry on a fresh snapshot any more (readers open checkpoints nobody writes)."""
    path = str(tmp_path / "s")
    open_store(path).close()
    store = open_store(path, read_only=read_only)
    assert isinstance(store, EmbeddedStore)
    inner = store._ox
    store._ox = _VanishingFile(inner)  # type: ignore[assignment]
    with pytest.raises(StoreError, match="No such file"):
        store.count()
    store._ox = inner
    store.close()


def test_bulk_load_in_parallel_slices_stores_the_same_graph(tmp_path, monkeypatch) -> None:
    """A payload over the slice size is loaded by concurrent bulk loads, cut at line ends:
    the graph is the same as one load's (and a payload with blank nodes stays whole)."""
    import kg.store.embedded as embedded

    lines = [f'<https://e.org/s{i}> <https://e.org/p> "v {i} \\" x" .\n' for i in range(5000)]
    payload = "".join(lines).encode()
    monkeypatch.setattr(embedded, "BULK_SLICE_BYTES", len(payload) // 3)
    monkeypatch.setattr(embedded.os, "cpu_count", lambda: 4)
    slices = embedded._bulk_slices(payload)
    assert len(slices) == 4 and b"".join(bytes(s) for s in slices) == payload
    assert all(bytes(s).endswith(b"\n") for s in slices)
    assert len(embedded._bulk_slices(payload + b"_:b <https://e.org/p> _:c .\n")) == 1
    graph = URIRef("https://e.org/g")
    with open_store(str(tmp_path / "sliced")) as sliced, open_store(str(tmp_path / "whole")) as whole:
        sliced.replace_graphs({graph: payload}, bulk=True)
        whole.replace_graphs({graph: payload}, bulk=False)
        assert sliced.count(graph) == whole.count(graph) == 5000
        q = "SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
        assert sorted(map(str, sliced.rows(q, {"g": graph}))) == sorted(map(str, whole.rows(q, {"g": graph})))


def test_bulk_load_slice_with_bad_syntax_leaves_no_graph(tmp_path, monkeypatch) -> None:
    import kg.store.embedded as embedded
    from kg.errors import StoreError

    good = "".join(f"<https://e.org/s{i}> <https://e.org/p> <https://e.org/o> .\n" for i in range(3000))
    payload = (good + "<not an iri> <https://e.org/p> <https://e.org/o> .\n" + good).encode()
    monkeypatch.setattr(embedded, "BULK_SLICE_BYTES", len(payload) // 2)
    monkeypatch.setattr(embedded.os, "cpu_count", lambda: 2)
    graph = URIRef("https://e.org/g")
    with open_store(str(tmp_path / "s")) as store:
        with pytest.raises(StoreError, match="do not parse"):
            store.replace_graphs({graph: payload}, bulk=True)
        assert store.count(graph) == 0 and graph not in store.named_graphs()
