"""Files: a failed write leaves the old file and no temporary file; nothing lands outside.

Every writer of the package that writes through a temporary file is made to fail halfway
(the one writer ``kg.io.atomicwrite``, used by views/report, ``kg network export``
(``kg.analysis.network.export_graph``) and ``kg export -o``): the directory afterwards holds exactly
what it held before.  Data-derived file names are in tests/security/test_security_html.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import open_store


def listing(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


class Boom(RuntimeError):
    pass


def test_atomic_text_write_failing_in_fsync_or_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.io import atomicwrite

    target = tmp_path / "view.html"
    target.write_text("old", encoding="utf-8")
    before = listing(tmp_path)

    def fail(*_a: object, **_k: object) -> None:
        raise Boom("interrupted")

    for name in ("fsync", "replace"):
        with monkeypatch.context() as m:
            m.setattr(atomicwrite.os, name, fail)
            with pytest.raises(Boom):
                atomicwrite.write_atomic(target, "<html>new</html>")
        assert listing(tmp_path) == before, name  # old file intact, no .tmp left
    atomicwrite.write_atomic(target, "new")
    assert listing(tmp_path) == {"view.html": b"new"}


def test_network_export_failing_midway_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.analysis import network as kn

    g = nx.DiGraph()
    g.add_node("a", label="A")
    g.add_node("b", label="B")
    out = tmp_path / "net.gexf"

    def half_then_fail(_g, fh, *_a, **_k):
        fh.write(b"<gexf>")
        raise Boom("disk full")

    monkeypatch.setattr(nx, "write_gexf", half_then_fail)
    with pytest.raises(Boom):
        kn.export_graph(g, out, "gexf")
    assert listing(tmp_path) == {}


def test_cli_export_failing_midway_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg import store as kstore

    s = tmp_path / "store"
    with open_store(str(s)) as st:
        st.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'c' } }")
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "all.trig").write_text("previous export")
    before = listing(outdir)

    def half_then_fail(self, fmt, out, graph=None):
        out.write(b"@prefix broken")
        raise Boom("interrupted")

    monkeypatch.setattr(kstore.EmbeddedStore, "export", half_then_fail)
    res = CliRunner().invoke(cli, ["--store", str(s), "export", "-o", str(outdir / "all.trig")])
    assert isinstance(res.exception, Boom)
    assert listing(outdir) == before


def test_write_view_and_report_into_unwritable_directory_fail_cleanly(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores directory permissions")
    from kg.present.views import render

    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            render.write_text_atomic(ro / "x.html", "x")
        assert listing(ro) == {}
    finally:
        ro.chmod(0o755)
