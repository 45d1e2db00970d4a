"""Diversification across buyers: several buyers side by side, and who moves away from a supplier.

* :func:`comparison_report` (``kg report diversification --buyer A --buyer B ...``): each
  buyer's supplier shares per period in one table per period (a column per buyer), a
  stacked-bar chart per buyer with one colour per supplier across all of them, and the
  buyers' HHI lines on one chart.
* :func:`away_from_report` (``kg report diversification --away-from Russia``): every buyer
  ranked by the change of the supplier's share of its imports between the last two
  periods (largest fall first, top 20).  Small importers would dominate a ranking of
  shares (one delivery moves a tiny total by tens of points), so a buyer counts only when
  its imports reach ``min_volume`` TIV (default :data:`MIN_VOLUME`) in *each* of the two
  periods; the volumes are printed beside the shares.

Both read one register release per period (:mod:`kg.queries.releases`) through
:func:`kg.analysis.network.supplier_shares` / :func:`kg.analysis.network.tiv_by_year`, count the Soviet
Union and Russia as one supplier (as the single-buyer report's charts do), and escape
every name as :mod:`kg.present.report` does.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import Environment, select_autoescape
from matplotlib.figure import Figure

from kg.analysis import network as kn
from kg.present.report import (
    DEFAULT_MERGE,
    HHI_TOP,
    OTHERS,
    REPORT_CSS,
    _colours,
    _save,
    md_escape,
    mpl_escape,
)
from kg.present.views import write_text_atomic
from kg.queries import releases as kr
from kg.store import Store
from kg.vocab.parties import resolve_party_iri

#: Minimum imports (TIV, millions) of a buyer in each of the two periods compared.
MIN_VOLUME = 500.0
#: Buyers listed by ``--away-from``.
TOP = 20

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<title>{{ title }}</title>
<style>
{{ css }}</style></head><body>
<h1>{{ title }}</h1>
<p class="note">{{ note }}</p>
{% for alt, img in images %}<p><img alt="{{ alt }}" src="data:image/png;base64,{{ img }}"></p>{% endfor %}
{% for t in tables %}<h3>{{ t.heading }}</h3>
<table><thead><tr>{% for h in t.head %}<th{% if not loop.first %} class="num"{% endif %}>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in t.rows %}<tr>{% for c in row %}<td{% if not loop.first %} class="num"{% endif %}>{{ c }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>
{% endfor %}
</body></html>
"""


@dataclass
class Written:
    """Files written and the numbers behind them (tests read these)."""

    out_dir: Path
    files: dict[str, Path] = field(default_factory=dict)
    tables: dict[str, kn.ShareTable] = field(default_factory=dict)  # comparison: buyer label -> table
    ranking: list[dict] = field(default_factory=list)  # away-from: rows, largest fall first


def _page(out: Path, stem: str, title: str, note: str, images: list[tuple[str, bytes]], tables: list[dict]):
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    html = env.from_string(_PAGE).render(
        css=REPORT_CSS,
        csp=_CSP,
        title=title,
        note=note,
        images=[(alt, base64.b64encode(png).decode("ascii")) for alt, png in images],
        tables=tables,
    )
    md = [f"# {md_escape(title)}", "", md_escape(note), ""]
    md += [f"![{md_escape(alt)}]({stem}-{i}.svg)" for i, (alt, _) in enumerate(images)] + [""]
    for t in tables:
        md += [
            f"### {md_escape(t['heading'])}",
            "",
            "| " + " | ".join(md_escape(h) for h in t["head"]) + " |",
        ]
        md.append("|---|" + "---:|" * (len(t["head"]) - 1))
        md += ["| " + " | ".join(md_escape(str(c)) for c in row) + " |" for row in t["rows"]] + [""]
    return (
        write_text_atomic(out / f"{stem}.html", html),
        write_text_atomic(out / f"{stem}.md", "\n".join(md)),
    )


def comparison_report(
    store: Store,
    buyers: list[str],
    out_dir: str | Path,
    *,
    filters: kn.Filters | None = None,
    length: int = 5,
    top: int = 8,
) -> Written:
    """Write ``comparison.html``/``.md`` and charts for ``buyers`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    base = filters or kn.Filters()
    done = Written(out)
    for name in buyers:
        t = kn.supplier_shares(store, name, base, by="period", length=length, merge=DEFAULT_MERGE)
        done.tables[t.buyer_label or name] = t
    weight: dict[str, float] = defaultdict(float)
    labels: dict[str, str] = {}
    for t in done.tables.values():
        labels.update(t.labels)
        for k in t.keys:
            for s in t.volume.get(k, {}):
                weight[s] += t.share(k, s)
    keys = sorted(weight, key=lambda s: -weight[s])[:top]
    colours = _colours([*keys, OTHERS])
    periods = sorted({k for t in done.tables.values() for k in t.keys if t.total(k) > 0})
    images = [
        (
            "Supplier shares per buyer",
            _save(_side_by_side(done.tables, keys, colours, labels), out, "comparison-0", done.files),
        ),
        ("HHI per buyer", _save(_hhi_lines(done.tables), out, "comparison-1", done.files)),
    ]
    tables = []
    names = list(done.tables)
    for p in reversed(periods):
        sups = sorted(
            {s for t in done.tables.values() for s in t.volume.get(p, {})},
            key=lambda s: -max(t.share(p, s) for t in done.tables.values()),
        )
        rows = [
            [labels.get(s, s)] + [f"{100 * done.tables[b].share(p, s):.1f}%" for b in names] for s in sups
        ]
        rows.append(["Total (TIV or deals)"] + [f"{done.tables[b].total(p):,.0f}" for b in names])
        rows.append(["HHI"] + [f"{done.tables[b].hhi(p):,.0f}" for b in names])
        fed = sorted({done.tables[b].fed_by.get(p, "") for b in names} - {""})
        tables.append(
            {
                "heading": p + (f" ({'; '.join(fed)})" if fed else ""),
                "head": ["Supplier", *names],
                "rows": rows,
            }
        )
    title = "Supplier shares compared: " + ", ".join(names)
    note = (
        f"{base.describe()} · shares of delivered SIPRI TIV per {length}-year period (deals ordered where no "
        "TIV is known); Soviet Union and Russia counted as one supplier; one register release per period."
    )
    done.files["comparison.html"], done.files["comparison.md"] = _page(
        out, "comparison", title, note, images, tables
    )
    return done


def _side_by_side(
    tables: dict[str, kn.ShareTable], keys: list[str], colours: dict[str, str], labels: dict[str, str]
) -> Figure:
    fig = Figure(figsize=(4.2 * len(tables) + 2, 4.6))
    axes = fig.subplots(1, len(tables), sharey=True, squeeze=False)[0]
    for ax, (name, t) in zip(axes, tables.items(), strict=True):
        periods = [k for k in t.keys if t.total(k) > 0]
        bottom = [0.0] * len(periods)
        for k in [*keys, OTHERS]:
            vals = [
                100 * (1 - sum(t.share(p, x) for x in keys)) if k == OTHERS else 100 * t.share(p, k)
                for p in periods
            ]
            ax.bar(
                range(len(periods)), vals, bottom=bottom, color=colours[k], label=mpl_escape(labels.get(k, k))
            )
            bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
        ax.set_xticks(range(len(periods)))
        ax.set_xticklabels([p[:4] for p in periods], rotation=90, fontsize=7)
        ax.set_title(mpl_escape(name), fontsize=11)
        ax.set_ylim(0, 100)
    axes[0].set_ylabel("share of imports (%)")
    handles, names = axes[-1].get_legend_handles_labels()
    axes[-1].legend(handles, names, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return fig


def _hhi_lines(tables: dict[str, kn.ShareTable]) -> Figure:
    fig = Figure(figsize=(10, 3.8))
    ax = fig.add_subplot()
    for name, t in tables.items():
        periods = [k for k in t.keys if t.total(k) > 0]
        ax.plot(
            [int(p[:4]) for p in periods],
            [t.hhi(p) for p in periods],
            marker="o",
            label=mpl_escape(name),
            clip_on=False,
        )
    ax.axhspan(2500, 10000, color="#fed7d7", alpha=0.3)
    ax.set_ylim(0, HHI_TOP)
    ax.set_ylabel("HHI (0-10,000)")
    ax.set_xlabel("first year of the period")
    ax.legend(fontsize=9, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return fig


def _last_periods(rels: list[kr.Release], length: int, year_to: int | None) -> list[tuple[int, int]]:
    """The last two complete periods the deliveries coverage reaches (aligned on 1950)."""
    end = (
        year_to
        if year_to is not None
        else max((r.year_to or 0 for r in rels if "deliveries" in r.measures), default=0)
    )
    first = kn.period_of(end, length)[0]
    if kn.period_of(end, length)[1] != end:  # the period holding ``end`` is not complete
        first -= length
    return [(first - length, first - 1), (first, first + length - 1)]


def away_from_report(
    store: Store,
    supplier: str,
    out_dir: str | Path,
    *,
    filters: kn.Filters | None = None,
    length: int = 5,
    min_volume: float = MIN_VOLUME,
    top: int = TOP,
) -> Written:
    """Rank buyers by the change of ``supplier``'s share of their imports; see the module doc."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    base = filters or kn.Filters()
    who = str(resolve_party_iri(supplier, labels=kn.store_labels(store)))
    group = {k for k, v in DEFAULT_MERGE.items() if DEFAULT_MERGE.get(who) == v} | {who}
    rels = kr.register_releases(store)
    spans = _last_periods(rels, length, base.year_to)
    per: list[dict[str, list[float]]] = []  # per period: buyer -> [supplier TIV, total TIV]
    fed = []
    for a, z in spans:
        rel = kr.choose(rels, "deliveries", a, z, base.release)
        fed.append(rel.label if rel else "")
        f = kn.resolve_filters(
            store, replace(base, year_from=a, year_to=z, exclude_graphs=kr.excluded(rels, rel))
        )
        vols: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for (s, b), years in kn.tiv_by_year(store, f).items():
            v = sum(x for y, x in years.items() if y is not None)
            vols[b][1] += v
            if s in group:
                vols[b][0] += v
        per.append(vols)
    names = kn.party_info(store, set(per[0]) | set(per[1]) | {who})
    rows = []
    for b in set(per[0]) & set(per[1]):
        (s0, t0), (s1, t1) = per[0][b], per[1][b]
        if names.get(b, ("party", ""))[0] == "unknown":  # SIPRI's per-deal placeholders
            continue
        if t0 < min_volume or t1 < min_volume or (s0 == 0 and s1 == 0):
            continue
        rows.append(
            {
                "buyer": names.get(b, ("party", b))[1],
                "share_before": 100 * s0 / t0,
                "share_after": 100 * s1 / t1,
                "change": 100 * (s1 / t1 - s0 / t0),
                "tiv_before": s0,
                "tiv_after": s1,
                "total_before": t0,
                "total_after": t1,
            }
        )
    rows.sort(key=lambda r: (r["change"], r["buyer"]))
    done = Written(out, ranking=rows[:top])
    label = names.get(who, ("", supplier))[1]
    p0, p1 = (f"{a}-{z}" for a, z in spans)
    title = f"Who moves away from {label}: change of its share of each buyer's imports, {p0} to {p1}"
    note = (
        f"Buyers importing at least {min_volume:,.0f} TIV (millions) in each period; largest fall first, top {top}. "
        f"Delivered SIPRI TIV from {fed[0]} ({p0}) and {fed[1]} ({p1})"
        + ("; Soviet Union and Russia counted as one." if len(group) > 1 else ".")
    )
    head = [
        "Buyer",
        f"Share {p0}",
        f"Share {p1}",
        "Change (points)",
        f"{label} TIV {p0}",
        f"{label} TIV {p1}",
        f"All imports {p0}",
        f"All imports {p1}",
    ]
    table = [
        [
            r["buyer"],
            f"{r['share_before']:.1f}%",
            f"{r['share_after']:.1f}%",
            f"{r['change']:+.1f}",
            f"{r['tiv_before']:,.0f}",
            f"{r['tiv_after']:,.0f}",
            f"{r['total_before']:,.0f}",
            f"{r['total_after']:,.0f}",
        ]
        for r in done.ranking
    ]
    stem = f"away-from-{kn.iris.slug(label)[:40] or 'supplier'}"
    images = [
        ("Change of share", _save(_change_chart(done.ranking, label, p0, p1), out, f"{stem}-0", done.files))
    ]
    done.files[f"{stem}.html"], done.files[f"{stem}.md"] = _page(
        out, stem, title, note, images, [{"heading": f"{p0} to {p1}", "head": head, "rows": table}]
    )
    return done


def _change_chart(rows: list[dict], label: str, p0: str, p1: str) -> Figure:
    fig = Figure(figsize=(10, 0.35 * max(4, len(rows)) + 1.2))
    ax = fig.add_subplot()
    names = [f"{r['buyer']} (imports {p1}: {r['total_after']:,.0f} TIV)" for r in rows]
    ax.barh(
        range(len(rows)),
        [r["change"] for r in rows],
        color=["#c53030" if r["change"] < 0 else "#2f855a" for r in rows],
    )
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([mpl_escape(n) for n in names], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(0, color="#1d2330", linewidth=0.8)
    ax.set_xlabel(f"change of {mpl_escape(label)}'s share of imports, {p0} to {p1} (percentage points)")
    if not rows:
        ax.text(
            0.5, 0.5, "no buyer above the minimum volume", ha="center", va="center", transform=ax.transAxes
        )
    ax.set_title(mpl_escape(f"Who moves away from {label}: largest fall first"), fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    return fig


__all__ = ["MIN_VOLUME", "TOP", "Written", "away_from_report", "comparison_report"]
