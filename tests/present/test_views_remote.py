"""The views and the report give the same result on a real Oxigraph server as embedded."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import views_world as world

from kg.analysis import network as kn
from kg.present.report import diversification_report
from kg.present.views import country_view, deals_view, network_view
from kg.store import open_store


def _data(view) -> tuple[list[str], list[tuple[str, str]], str]:
    """Node labels, edges and title of a view (what a user sees)."""
    labels = sorted(str(n["label"]) for n in view.nodes)
    edges = sorted((str(e["from"]), str(e["to"])) for e in view.edges)
    return labels, edges, view.title


def test_views_and_report_match_on_remote_store(remote_store, tmp_path: Path) -> None:
    embedded = open_store("memory:")
    world.load(embedded)
    world.load(remote_store)
    for build in (
        lambda s: country_view(s, "India"),
        lambda s: network_view(s),
        lambda s: deals_view(s, kn.Filters(buyer="India")),
    ):
        assert _data(build(remote_store)) == _data(build(embedded))
    local = diversification_report(embedded, "India", tmp_path / "embedded")
    remote = diversification_report(remote_store, "India", tmp_path / "remote")
    a, b = local.merged_periods, remote.merged_periods
    assert a.keys == b.keys and a.basis == b.basis
    for period in a.keys:
        assert b.volume.get(period, {}) == pytest.approx(a.volume.get(period, {})), period
        assert b.hhi(period) == pytest.approx(a.hhi(period)), period
    assert (tmp_path / "remote" / "report.html").is_file()
