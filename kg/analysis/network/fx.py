"""Contract values in US dollars: annual average rates from ``data/fx_rates.csv``."""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from collections.abc import Mapping

from rdflib.term import Node

from kg.analysis.network.rows import (
    _int,
    _num,
)
from kg.io.resources import data_path


@functools.cache
def fx_table() -> dict[str, dict[int, float]]:
    """Currency -> year -> units per US dollar (annual averages, ``data/fx_rates.csv``)."""
    table: dict[str, dict[int, float]] = defaultdict(dict)
    with open(data_path("fx_rates.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            table[row["currency"].upper()][int(row["year"])] = float(row["units_per_usd"])
    table["USD"] = {2000: 1.0}
    return dict(table)


def to_usd(amount: float, currency: str, year: int | None) -> float | None:
    """``amount`` in ``currency`` as US dollars at the annual average rate of ``year``.

    The nearest year in the table is used when ``year`` is outside it or missing (the
    table covers 2000-2024); unknown currencies give ``None`` rather than a guess.
    """
    rates = fx_table().get(currency.strip().upper())
    if not rates:
        return None
    if year is None:
        year = max(rates)
    nearest = min(rates, key=lambda y: (abs(y - year), -y))
    return amount / rates[nearest]


def _deal_usd(row: Mapping[str, Node]) -> float | None:
    usd = row.get("maxUsd")
    if usd is not None and _num(usd) >= 0:  # -1 stands for "no USD value" (see _VALUE_Q)
        return _num(usd)
    money = row.get("anyMoney")
    if money is None:
        return None
    cur, _, amt = str(money).partition(" ")
    try:
        amount = float(amt)
    except ValueError:
        return None
    year = _int(row["year"]) if row.get("year") is not None else None
    return to_usd(amount, cur, year)
