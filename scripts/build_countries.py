"""Regenerate ``data/reference/countries.csv`` from pycountry plus the hand-written overlay.

Why a generated file: pycountry gives every ISO 3166-1 country with its codes and official
names, but not the names news and SIPRI actually use ("Russia", "UAE", "Viet Nam",
"DR Congo"), demonyms, capital metonyms ("the Kremlin"), Wikidata QIDs, or the historical
states SIPRI keeps apart (Soviet Union, East Germany ...).  Those live in
``data/reference/countries_overlay.csv``; this script merges the two so that the shipped
table is complete and the loader (:mod:`kg.vocab.reference`) needs no pycountry at run time.

Run from the repository root (no network needed)::

    .venv/bin/python scripts/build_countries.py          # rewrite countries.csv
    .venv/bin/python scripts/build_countries.py --check  # exit 1 if countries.csv is stale
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "reference"
OVERLAY = REFERENCE / "countries_overlay.csv"
OUTPUT = REFERENCE / "countries.csv"
COLUMNS = [
    "iso3",
    "iso2",
    "name",
    "official_name",
    "aliases",
    "demonyms",
    "metonyms",
    "wikidata",
    "historical",
]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _merge(*groups: list[str], exclude: str = "") -> str:
    """Pipe-join names, first occurrence wins, case-insensitive de-duplication."""
    seen = {exclude.casefold()} if exclude else set()
    out: list[str] = []
    for group in groups:
        for item in group:
            if item.casefold() not in seen:
                seen.add(item.casefold())
                out.append(item)
    return "|".join(out)


def read_overlay(path: Path = OVERLAY) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    overlay: dict[str, dict[str, str]] = {}
    for row in rows:
        iso3 = row["iso3"].strip().upper()
        if iso3 in overlay:
            raise SystemExit(f"overlay: duplicate iso3 {iso3}")
        overlay[iso3] = {k: (v or "").strip() for k, v in row.items()}
    return overlay


def build_rows(overlay: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """One row per ISO 3166-1 country plus every overlay-only (historical / non-ISO) entity."""
    rows: list[dict[str, str]] = []
    historic = {c.alpha_3: c for c in pycountry.historic_countries}
    for country in pycountry.countries:
        extra = overlay.get(country.alpha_3, {})
        iso_names = [country.name]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                iso_names.append(value)
        name = extra.get("name") or getattr(country, "common_name", None) or country.name
        official = extra.get("official_name") or getattr(country, "official_name", None) or country.name
        rows.append(
            {
                "iso3": country.alpha_3,
                "iso2": extra.get("iso2") or country.alpha_2,
                "name": name,
                "official_name": official,
                "aliases": _merge(_split(extra.get("aliases", "")), iso_names, exclude=name),
                "demonyms": extra.get("demonyms", ""),
                "metonyms": extra.get("metonyms", ""),
                "wikidata": extra.get("wikidata", ""),
                "historical": "0",
            }
        )
    known = {row["iso3"] for row in rows}
    for iso3, extra in overlay.items():
        if iso3 in known:
            continue
        if not extra.get("name"):
            raise SystemExit(f"overlay: {iso3} is not an ISO 3166-1 country and has no name")
        old = historic.get(iso3)
        iso_names = [old.name] if old is not None else []
        official = extra.get("official_name") or (old.name if old is not None else extra["name"])
        rows.append(
            {
                "iso3": iso3,
                "iso2": extra.get("iso2", ""),
                "name": extra["name"],
                "official_name": official,
                "aliases": _merge(_split(extra.get("aliases", "")), iso_names, exclude=extra["name"]),
                "demonyms": extra.get("demonyms", ""),
                "metonyms": extra.get("metonyms", ""),
                "wikidata": extra.get("wikidata", ""),
                "historical": extra.get("historical") or "0",
            }
        )
    rows.sort(key=lambda row: row["iso3"])
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if countries.csv is out of date")
    args = parser.parse_args(argv)
    text = render(build_rows(read_overlay()))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print("countries.csv is stale: run scripts/build_countries.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({text.count(chr(10)) - 1} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
