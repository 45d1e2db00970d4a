"""The supplier -> buyer network as networkx, built from SPARQL aggregates; its metrics.

Why this layer exists: views, the diversification report and exports all need the same
numbers (deal counts, delivered TIV, contract values, systems, sources), filtered the same
way.  Everything is aggregated in SPARQL (one ``GROUP BY`` per measure, so a join never
multiplies a sum), and Python only assembles the aggregated rows.  Nothing here knows
pyvis or matplotlib.

Counting rules (documented because they change the numbers):

* A deal is selected when its order year or any of its delivery years falls in the year
  range (SIPRI's own "deliveries or orders made for year range" rule).  Delivery years
  come from ``kg:Delivery`` nodes or, for the 16-column register (whose importer records
  multi-year deliveries only as text), from ``kg:deliveryYearsText`` ("2005; 2006").
* Without a year range, an edge's delivered TIV is the sum of the deals' deal-level
  ``kg:tivDelivered`` (every register deal has one).  Within a year range it is the TIV
  of the delivery years inside the range: a delivery's own ``kg:tiv`` when it has one
  (single-year and 17-column register deals), otherwise the deal's ``kg:tivDelivered``
  spread evenly over its delivery years (SIPRI's 16-column register gives no split; the
  even spread is ours).  TIV of deals without any delivery year counts only without a
  year range.
* An article deal linked (``kg:DealLink``) to a register deal counts once, as the
  register deal; its source still counts as a source of the edge.
* Contract values: ``kg:valueUSD`` when a source gives it, otherwise ``kg:valueAmount`` in
  ``kg:valueCurrency`` converted with the annual average rate of the order year from
  ``data/fx_rates.csv`` (nearest year when the exact year is missing).
* Shares use delivered TIV; a period in which no TIV is known (article-only data) uses
  deal counts by order year instead, and says so (``basis``).
* Big graphs (more than :data:`DETAIL_LIMIT` supplier->buyer pairs, e.g. the whole
  register) skip per-edge systems, statuses, values and delivery years unless asked
  (``build_graph(detail=True)``): each is another scan of every selected deal.

The package's modules: ``rows`` (SPARQL plumbing), ``filters``, ``fx``, ``queries`` (the
aggregates), ``graph``, ``metrics``, ``deals`` (sources and deal records) and ``exports``.

Public API: :class:`Filters`, :func:`resolve_filters`, :func:`store_labels` (the store label lookup of :func:`kg.vocab.parties.resolve_party_iri`),
:func:`build_graph`, :func:`tiv_by_year`, :func:`yearly_imports`, :func:`supplier_shares`
(-> :class:`ShareTable`), :func:`hhi`, :func:`top_systems`, :func:`pagerank`,
:func:`centrality`, :func:`deal_records` (-> :class:`DealRecord`), :func:`sources_used`,
:func:`graph_sources`, :func:`describe_sources`, :func:`to_usd`, :func:`export_graph`.
"""

from __future__ import annotations

from kg.analysis.network.deals import (
    DealRecord,
    SourceRef,
    StatusEvent,
    clean_title,
    deal_records,
    describe_sources,
    graph_sources,
    source_meta,
    sources_used,
)
from kg.analysis.network.exports import EXPORT_FORMATS, export_graph, exportable
from kg.analysis.network.filters import SOURCES, Filters, fed_by, resolve_filters, store_labels
from kg.analysis.network.fx import fx_table, to_usd
from kg.analysis.network.graph import DETAIL_LIMIT, build_graph, build_graph_and_deal_years
from kg.analysis.network.metrics import (
    FIRST_YEAR,
    UNKNOWN_SUPPLIER,
    ShareTable,
    centrality,
    hhi,
    pagerank,
    period_of,
    supplier_shares,
    top_systems,
)
from kg.analysis.network.queries import (
    deal_years_in_range,
    pair_deal_years,
    pair_years,
    party_info,
    system_info,
    tiv_by_year,
    tivless_deliveries,
    yearly_imports,
)
from kg.errors import UnknownName
from kg.vocab import iris, ns  # callers read kn.ns.CATEGORIES / kn.iris.slug through the package

__all__ = [
    "DETAIL_LIMIT",
    "EXPORT_FORMATS",
    "FIRST_YEAR",
    "SOURCES",
    "UNKNOWN_SUPPLIER",
    "DealRecord",
    "Filters",
    "ShareTable",
    "SourceRef",
    "StatusEvent",
    "UnknownName",
    "build_graph",
    "build_graph_and_deal_years",
    "centrality",
    "clean_title",
    "deal_records",
    "deal_years_in_range",
    "describe_sources",
    "export_graph",
    "exportable",
    "fed_by",
    "fx_table",
    "graph_sources",
    "hhi",
    "iris",
    "ns",
    "pagerank",
    "pair_deal_years",
    "pair_years",
    "party_info",
    "period_of",
    "resolve_filters",
    "source_meta",
    "sources_used",
    "store_labels",
    "supplier_shares",
    "system_info",
    "tiv_by_year",
    "tivless_deliveries",
    "to_usd",
    "top_systems",
    "yearly_imports",
]
