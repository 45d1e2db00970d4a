"""kg: a sourced knowledge graph of defence relationships (who arms whom, under which deal, says who).

The library API a script needs, importable from ``kg`` itself (see "Use kg from Python" in
the README)::

    import kg

    with kg.open_store("kg-store") as store:
        report = kg.import_articles(store, ["data/articles"])
        for outcome in report.inputs:
            print(outcome.outcome, outcome.source)

Names are resolved lazily (PEP 562 ``__getattr__``): ``import kg`` loads nothing but this
module, so the CLI, the endpoint and every submodule import cheaply and without cycles;
``kg.open_store`` imports :mod:`kg.store` on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

from kg._version import __version__

#: public name -> the module that defines it (one place: the README and tests read this list)
_API: dict[str, str] = {
    # the store
    "open_store": "kg.store",
    "Store": "kg.store",
    # importers, and the one report shape they return
    "import_articles": "kg.ingest.articles",
    "import_sipri": "kg.ingest.sipri.importer",
    "import_rdf": "kg.ingest.rdf",
    "import_curated": "kg.ingest.curated",
    "ImportReport": "kg.ingest.pipeline",
    "InputOutcome": "kg.ingest.pipeline",
    # linking and deal timelines
    "link": "kg.ingest.linking",
    "deal_timeline": "kg.analysis.timeline",
    "timelines_for": "kg.analysis.timeline",
    "format_timeline": "kg.analysis.timeline",
    # views and reports
    "Filters": "kg.analysis.network",
    "network_view": "kg.present.views",
    "country_view": "kg.present.views",
    "deals_view": "kg.present.views",
    "write_view": "kg.present.views",
    "diversification_report": "kg.present.report",
    "comparison_report": "kg.present.comparison",
    "away_from_report": "kg.present.comparison",
    # errors (each carries its CLI exit code)
    "KgError": "kg.errors",
    "UsageError": "kg.errors",
    "UnknownName": "kg.errors",
    "InputError": "kg.errors",
    "StoreError": "kg.errors",
    "StoreLocked": "kg.errors",
    "ValidationFailed": "kg.errors",
    "QueryError": "kg.errors",
    "LayoutError": "kg.ingest.sipri.formats",
    "QueryFileError": "kg.queries",
    "Refused": "kg.serve.guard",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    """Import the module defining ``name`` on first use and keep the value (PEP 562)."""
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
