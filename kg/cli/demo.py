"""``kg demo``: build the demo graph from ``data/`` and write the views and the report.

The demo is the main job on a fresh machine: it loads the ontology and reference tables,
the curated India deals table, and the example articles, then writes the HTML views and
the India diversification report, and says where they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest.articles import import_articles
from kg.ingest.base_graphs import ensure_base_graphs
from kg.ingest.curated import import_curated
from kg.io.resources import data_path
from kg.store import Store


@dataclass
class DemoResult:
    store: str
    stats: dict[str, int]
    outputs: dict[str, Path] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"demo graph in {self.store}:"]
        lines += [f"  {k:<11}{v:>8}" for k, v in self.stats.items()]
        if self.outputs:
            lines.append("outputs:")
            lines += [f"  {name:<24}{path}" for name, path in self.outputs.items()]
        return "\n".join(lines)


def run_demo(
    store: Store,
    out_dir: Path,
    log: Callable[[str], None] = print,
    *,
    registers: Sequence[Path] = (),
) -> DemoResult:
    """Load everything the project ships into ``store`` and write the outputs into ``out_dir``.

    ``registers`` are optional SIPRI exports (not shipped: third-party data) imported too.
    """
    loaded = ensure_base_graphs(store)
    log(f"base graphs: {'loaded ' + str(len(loaded)) if loaded else 'up to date'}")
    warnings: list[str] = []
    for table in sorted(data_path("facts").glob("*.csv")):
        report = import_curated(store, table)
        log(f"curated facts {table.name}: {report.total('deals')} deals")
        for err in [*report.errors, *report.skipped]:
            warnings.append(str(err))
            log(f"warning: {err}")
    articles = import_articles(store, [data_path("articles")])
    log(
        f"example articles: {len(articles.written)} imported, {len(articles.unchanged)} unchanged, "
        f"{articles.total('claims')} claims"
    )
    warnings.extend(str(e) for e in articles.errors)
    if registers:
        from kg.cli.sipri import summary
        from kg.ingest.sipri.importer import import_sipri

        for line in summary(import_sipri(store, list(registers))):  # one line per file
            log(line)
    out_dir = out_dir.resolve()  # print absolute paths: the user opens them from anywhere
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = write_outputs(store, out_dir, log)
    return DemoResult(store=store.location, stats=store.stats(), outputs=outputs, warnings=warnings)


def write_outputs(store: Store, out_dir: Path, log: Callable[[str], None]) -> dict[str, Path]:
    """The India ego view, the global network, India's deals and the diversification report."""
    from kg.analysis.network import Filters
    from kg.present.report import diversification_report
    from kg.present.views import country_view, deals_view, network_view, write_view

    outputs = {
        "India ego view": write_view(country_view(store, "India"), out_dir / "india.html"),
        "global network": write_view(network_view(store), out_dir / "network.html"),
        "India deals": write_view(deals_view(store, Filters(buyer="India")), out_dir / "india-deals.html"),
    }
    # the report links to india.html above rather than writing a second copy of it
    report = diversification_report(
        store, "India", out_dir / "india-report", ego_view=outputs["India ego view"]
    )
    outputs["India report (HTML)"] = report.files["report.html"]
    outputs["India report (Markdown)"] = report.files["report.md"]
    for name, path in outputs.items():
        log(f"wrote {name}: {path}")
    return outputs
