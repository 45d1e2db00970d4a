"""What is coming: each supplier's pipeline to a buyer, beside what was delivered.

Why a module of its own: "news ahead of the register" is defined once, by the named
query ``kg/queries/pipeline.rq`` (also run by ``kg query run pipeline`` and the endpoint);
this module only runs it and shapes its rows for the report, the views and the feed
digest.  Two kinds of :class:`PipelineRow`:

* ``kind == "register"``: an order of the latest SIPRI register release that states
  numbers ordered, with fewer units delivered than ordered (``outstanding`` =
  ordered - delivered, ``tiv_outstanding`` = outstanding x TIV per unit, and the
  register's own estimate flags);
* ``kind == "news"``: a deal stated by a news article or curated table with status
  approved, negotiating or signed, that no source calls delivering/delivered/cancelled
  and that no chosen link ties to a register deal.  Its ``sources`` are every source
  stating it (newest first); ``newer_than_release`` is true when the newest of them is
  dated after that register release was generated.

Stable interface (other modules import it): :class:`PipelineRow`, :class:`PipelineSource`,
:func:`pipeline_rows`, :func:`by_supplier`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.queries.named import run_named
from kg.store import Store
from kg.vocab import ns

_STATUS_KEYS = {str(v): k for k, v in ns.STATUSES.items()}


@dataclass
class PipelineSource:
    """One source stating a news pipeline deal (graph IRI = source IRI)."""

    iri: str
    date: str | None  # publication date (YYYY-MM-DD) when the source has one
    status: str  # status key this source gives the deal


@dataclass
class PipelineRow:
    """One pipeline entry: an undelivered register order or an uncorroborated news deal."""

    kind: str  # "register" | "news"
    deal: str  # deal IRI
    supplier: str
    supplier_label: str
    buyer: str
    buyer_label: str
    system_label: str | None
    order_year: int | None
    status: str | None  # status key (register: derived from the numbers)
    quantity: int | None  # number ordered
    delivered: int | None = None  # register rows: number delivered
    outstanding: int | None = None  # register rows: ordered - delivered
    tiv_outstanding: float | None = None  # register rows: outstanding x TIV per unit
    order_year_estimated: bool | None = None  # register '?' flags
    quantity_estimated: bool | None = None
    delivered_estimated: bool | None = None
    release: str | None = None  # register rows: the release graph
    release_date: str | None = None  # generation date of the release the rows compare with
    newer_than_release: bool = False
    sources: list[PipelineSource] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        """The newest source date (news rows), else None."""
        dates = [s.date for s in self.sources if s.date]
        return max(dates) if dates else None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    try:
        return None if value is None else int(float(str(value)))
    except ValueError:
        return None


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(str(value))
    except ValueError:
        return None


def _bool(value: Any) -> bool | None:
    return None if value is None else str(value).lower() in ("true", "1")


def _status(value: Any) -> str | None:
    return None if value is None else _STATUS_KEYS.get(str(value), str(value).rsplit("#", 1)[-1])


def pipeline_rows(store: Store, buyer: str | None = None, supplier: str | None = None) -> list[PipelineRow]:
    """The pipeline (see the module docstring), optionally for one buyer and/or supplier.

    ``buyer`` is a country name, alias or ISO code and ``supplier`` any party name, as
    for the named query's parameters (unknown names raise
    :class:`kg.queries.named.ParameterError`).  Register rows come first (largest outstanding
    TIV first within each supplier), then news rows, newest first.
    """
    params: dict[str, str] = {}
    if buyer:
        params["buyer"] = buyer
    if supplier:
        params["supplier"] = supplier
    result = run_named(store, "pipeline", params)
    variables = result.variables
    rows = [dict(zip(variables, r, strict=False)) for r in result.rows]
    return _shape(rows)


def _shape(rows: Iterable[Mapping[str, Any]]) -> list[PipelineRow]:
    register: list[PipelineRow] = []
    news: dict[str, PipelineRow] = {}
    for r in rows:
        kind = str(r.get("kind"))
        deal = str(r.get("deal"))
        source = PipelineSource(
            str(r.get("source")), _text(r.get("sourceDate")), _status(r.get("status")) or ""
        )
        row = PipelineRow(
            kind=kind,
            deal=deal,
            supplier=str(r.get("supplier")),
            supplier_label=_text(r.get("supplierLabel")) or str(r.get("supplier")).rsplit("/", 1)[-1],
            buyer=str(r.get("buyer")),
            buyer_label=_text(r.get("buyerLabel")) or str(r.get("buyer")).rsplit("/", 1)[-1],
            system_label=_text(r.get("systemLabel")),
            order_year=_int(r.get("orderYear")),
            status=_status(r.get("status")),
            quantity=_int(r.get("quantity")),
            release_date=_text(r.get("releaseDate")),
            newer_than_release=bool(_bool(r.get("newerThanRelease"))),
        )
        if kind == "register":
            row.delivered = _int(r.get("delivered"))
            row.outstanding = _int(r.get("outstanding"))
            row.tiv_outstanding = _float(r.get("tivOutstanding"))
            row.order_year_estimated = _bool(r.get("orderYearEstimated"))
            row.quantity_estimated = _bool(r.get("quantityEstimated"))
            row.delivered_estimated = _bool(r.get("deliveredEstimated"))
            row.release = source.iri
            register.append(row)
            continue
        have = news.get(deal)
        if have is None:
            row.sources.append(source)
            news[deal] = row
            continue
        if all(s.iri != source.iri for s in have.sources):
            have.sources.append(source)
        have.newer_than_release = have.newer_than_release or row.newer_than_release
        have.order_year = have.order_year or row.order_year
        have.quantity = have.quantity or row.quantity
    for row in news.values():
        row.sources.sort(key=lambda s: (s.date or "", s.iri), reverse=True)
        newest = row.sources[0]
        row.status = newest.status or row.status
    register.sort(
        key=lambda x: (x.supplier_label, -(x.tiv_outstanding or 0.0), -(x.outstanding or 0), x.deal)
    )
    ordered_news = sorted(news.values(), key=lambda x: (x.date or "", x.order_year or 0), reverse=True)
    return register + ordered_news


def by_supplier(rows: Iterable[PipelineRow]) -> dict[str, list[PipelineRow]]:
    """Rows grouped by supplier label (suppliers sorted by outstanding TIV, then name)."""
    groups: dict[str, list[PipelineRow]] = {}
    for row in rows:
        groups.setdefault(row.supplier_label, []).append(row)
    weight = {k: sum(r.tiv_outstanding or 0.0 for r in v) for k, v in groups.items()}
    return {k: groups[k] for k in sorted(groups, key=lambda k: (-weight[k], k))}


__all__ = ["PipelineRow", "PipelineSource", "by_supplier", "pipeline_rows"]
