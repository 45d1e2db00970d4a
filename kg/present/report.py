"""The diversification report: how a buyer's arms imports spread over suppliers over time.

``diversification_report(store, "India", out_dir)`` writes into ``out_dir``:

* ``shares.png``/``.svg``: stacked area of supplier shares per year (rolling 5-year
  windows by default, so a single large delivery year does not dominate);
* ``hhi.png``/``.svg``: the Herfindahl-Hirschman index over time (same windows);
* ``volumes.png``/``.svg``: the leading suppliers' delivered TIV per 5-year period;
* ``report.html`` (self-contained: charts inlined as data URIs, CSP forbids fetches) and
  ``report.md``, with one table per period and the list of sources;
* the buyer's ego view (``<buyer>-suppliers.html``), which the report links to.

**Soviet Union + Russia.** SIPRI records the Soviet Union (to 1991) and Russia (from 1992)
as different suppliers.  For a buyer such as India the two are one continuous supply
relationship, so the *share chart and HHI* treat them as one line, "Soviet Union/Russia";
the *tables* keep them apart so nothing is hidden.  Everything printed is escaped (HTML by
Jinja autoescape, Markdown by :func:`md_escape`, chart text by :func:`mpl_escape`).
"""

from __future__ import annotations

import base64
import html
import io
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import Environment, select_autoescape
from matplotlib.figure import Figure

from kg.analysis import network as kn
from kg.analysis.pipeline import PipelineRow, by_supplier, pipeline_rows
from kg.errors import UsageError
from kg.present.views import country_view, render_html, write_text_atomic
from kg.queries.releases import register_releases
from kg.store import Store
from kg.vocab import iris

SOVIET_RUSSIA = "Soviet Union/Russia"
#: The merge applied to the share chart and HHI (see the module docstring).
DEFAULT_MERGE = {str(iris.country("SUN")): SOVIET_RUSSIA, str(iris.country("RUS")): SOVIET_RUSSIA}
OTHERS = "Others"
#: Upper limit of the HHI axis: above the 10,000 maximum so a single-supplier line shows.
HHI_TOP = 10600
PALETTE = ["#c53030", "#2b6cb0", "#d69e2e", "#2f855a", "#805ad5", "#dd6b20", "#319795", "#b83280", "#4a5568"]


@dataclass
class Report:
    """What was written, and the numbers behind it (tests read these)."""

    out_dir: Path
    buyer: str
    buyer_label: str
    periods: kn.ShareTable  # per period, Soviet Union and Russia separate
    merged_periods: kn.ShareTable  # per period, merged
    rolling: kn.ShareTable  # per year (rolling window), merged
    files: dict[str, Path] = field(default_factory=dict)
    sources: list[kn.SourceRef] = field(default_factory=list)
    pipeline: list[PipelineRow] = field(default_factory=list)


def mpl_escape(text: str) -> str:
    """Text for matplotlib: ``$`` would start mathtext (and can raise on hostile names)."""
    return text.replace("\\", "\\\\").replace("$", r"\$")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~!#])")


def md_escape(text: str) -> str:
    """Text for Markdown: HTML-escaped (renderers pass raw HTML through) and punctuation escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


def _slug(text: str) -> str:
    return iris.slug(text)[:60] or "party"


def _colours(keys: list[str]) -> dict[str, str]:
    return {k: (PALETTE[i % len(PALETTE)] if k != OTHERS else "#cbd5e0") for i, k in enumerate(keys)}


def _top_keys(table: kn.ShareTable, n: int, show: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The ``n`` leading suppliers, plus any of ``show`` (IRIs or labels) not among them."""
    keys = table.suppliers[:n]
    for want in show:
        for k in table.suppliers:
            if k not in keys and (k == want or table.labels.get(k, "").casefold() == want.casefold()):
                keys.append(k)
    return keys


def _save(fig: Figure, out_dir: Path, stem: str, files: dict[str, Path]) -> bytes:
    """Write PNG and SVG atomically; returns the PNG bytes (inlined into report.html)."""
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=110, bbox_inches="tight")
    svg = io.BytesIO()
    fig.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None})
    files[f"{stem}.png"] = write_text_atomic(out_dir / f"{stem}.png", png.getvalue())
    files[f"{stem}.svg"] = write_text_atomic(out_dir / f"{stem}.svg", svg.getvalue())
    return png.getvalue()


def basis_label(t: kn.ShareTable, keys: list[str] | None = None) -> str:
    """What the shares are shares *of*, for the keys shown: says deals when deals are plotted."""
    kinds = {t.basis.get(k) for k in (t.keys if keys is None else keys) if t.total(k) > 0}
    if kinds == {"tiv"}:
        return "delivered SIPRI TIV"
    if kinds == {"deals"}:
        return "deals ordered (no TIV known)"
    if not kinds:
        return "nothing recorded"
    return "delivered SIPRI TIV, or deals ordered where no TIV is known"


def _shares_chart(t: kn.ShareTable, keys: list[str], colours: dict[str, str], title: str) -> Figure:
    years = [k for k in t.keys if t.total(k) > 0]
    series = {k: [100 * t.share(y, k) for y in years] for k in keys}
    others = [100 - sum(series[k][i] for k in keys) for i in range(len(years))]
    if any(v > 0.05 for v in others):
        series[OTHERS] = [max(0.0, v) for v in others]
    fig = Figure(figsize=(10, 5.2))
    ax = fig.add_subplot()
    xs = [int(y) for y in years]
    if xs:
        ax.stackplot(
            xs,
            *series.values(),
            labels=[mpl_escape(t.labels.get(k, k)) for k in series],
            colors=[colours[k] for k in series],
            alpha=0.9,
        )
    ax.set_ylim(0, 100)
    ax.set_ylabel(f"share of {basis_label(t)} (%)", fontsize=9)
    ax.set_title(mpl_escape(title), fontsize=11)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return fig


def _hhi_chart(t: kn.ShareTable, title: str) -> Figure:
    years = [k for k in t.keys if t.total(k) > 0]
    fig = Figure(figsize=(10, 3.6))
    ax = fig.add_subplot()
    ax.plot([int(y) for y in years], [t.hhi(y) for y in years], color="#2b6cb0", linewidth=2, clip_on=False)
    ax.axhspan(2500, 10000, color="#fed7d7", alpha=0.4, label="highly concentrated (> 2,500)")
    ax.axhspan(1500, 2500, color="#fefcbf", alpha=0.4, label="moderately concentrated (1,500-2,500)")
    # headroom above 10,000 (one supplier): a line at the maximum is drawn, not clipped
    ax.set_ylim(0, HHI_TOP)
    ax.set_ylabel("HHI (0-10,000)")
    ax.set_title(mpl_escape(title), fontsize=11)
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return fig


def _has_tiv(t: kn.ShareTable) -> bool:
    """Whether any period is measured in delivered TIV (else the volumes are deal counts)."""
    return any(v == "tiv" for v in t.basis.values())


def _volume_chart(t: kn.ShareTable, keys: list[str], colours: dict[str, str], title: str) -> Figure:
    """Bars per period of the leading suppliers, in the unit the periods have.

    Delivered TIV when any period has it (periods counted in deals are left out: two units
    on one axis would mislead); deal counts when no period has TIV (article-only data).
    The legend lists only suppliers with a bar, and an empty chart says so.
    """
    unit = "tiv" if _has_tiv(t) else "deals"
    periods = [k for k in t.keys if t.total(k) > 0 and t.basis.get(k) == unit]
    series = {
        k: [t.volume.get(p, {}).get(k, 0.0) for p in periods]
        for k in keys
        if k in t.suppliers and k != OTHERS
    }
    series = {k: v for k, v in series.items() if any(x > 0 for x in v)}
    fig = Figure(figsize=(10, 4.6))
    ax = fig.add_subplot()
    width = 0.8 / max(1, len(series))
    for i, (k, vals) in enumerate(series.items()):
        ax.bar(
            [j + i * width for j in range(len(periods))],
            vals,
            width,
            label=mpl_escape(t.labels.get(k, k)),
            color=colours[k],
        )
    if not series:
        ax.text(0.5, 0.5, "no volumes recorded", ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(periods))])
    ax.set_xticklabels([mpl_escape(p) for p in periods], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("delivered TIV (millions)" if unit == "tiv" else "deals ordered")
    ax.set_title(mpl_escape(title), fontsize=11)
    if series:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return fig


def _period_rows(t: kn.ShareTable, merged: kn.ShareTable) -> list[dict]:
    out = []
    for p in t.keys:
        tot = t.total(p)
        if tot <= 0:
            continue
        sups = sorted(t.volume[p], key=lambda s: -t.volume[p][s])
        out.append(
            {
                "period": p,
                "basis": "delivered TIV" if t.basis[p] == "tiv" else "deals ordered",
                "fed_by": t.fed_by.get(p, ""),
                "total": tot,
                "hhi": t.hhi(p),
                "hhi_merged": merged.hhi(p),
                "rows": [
                    {"supplier": t.labels.get(s, s), "volume": t.volume[p][s], "share": 100 * t.share(p, s)}
                    for s in sups
                ],
            }
        )
    return out


#: The style of every report page (report.html, comparison and away-from pages).
REPORT_CSS = """ body { font: 14px/1.45 system-ui, sans-serif; color: #1d2330; max-width: 1100px; margin: 20px auto; padding: 0 16px; }
 h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 15px; margin-bottom: 4px; }
 table { border-collapse: collapse; margin: 6px 0 14px; font-size: 13px; }
 th, td { border-bottom: 1px solid #e2e8f0; padding: 3px 10px; text-align: left; }
 td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
 img { max-width: 100%; } .note { color: #4a5568; font-size: 13px; }
"""

_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<title>{{ title }}</title>
<style>
{{ css }}</style></head><body>
<h1>{{ title }}</h1>
<p class="note">{{ subtitle }}</p>
{% if ego_href %}<p><a href="{{ ego_href }}">Open the interactive view of {{ buyer }}'s suppliers and customers</a>
 (works offline).</p>{% endif %}
{% if releases %}<p class="note">Register releases are versions, never added up: each period's figures come
from one release ({{ releases }}).</p>{% endif %}
<h2>Supplier shares</h2>
<p><img alt="Stacked area of supplier shares" src="data:image/png;base64,{{ img.shares }}"></p>
<p class="note">{{ merge_note }}</p>
<h2>Concentration (Herfindahl-Hirschman index)</h2>
<p><img alt="HHI over time" src="data:image/png;base64,{{ img.hhi }}"></p>
<h2>Leading suppliers' volume per period</h2>
<p><img alt="Volume per period" src="data:image/png;base64,{{ img.volumes }}"></p>
<h2>Tables per period</h2>
<p class="note">Soviet Union and Russia are listed separately here. Shares are of delivered TIV;
periods without known TIV use deals ordered instead (stated in each heading).</p>
{% for p in periods %}
<h3>{{ p.period }} · {{ p.basis }} · total {{ "{:,.0f}".format(p.total) }} · HHI {{ "{:,.0f}".format(p.hhi) }}
 (Soviet Union/Russia merged: {{ "{:,.0f}".format(p.hhi_merged) }})</h3>
{% if p.fed_by %}<p class="note">From {{ p.fed_by }}</p>{% endif %}
<table><thead><tr><th>Supplier</th><th class="num">{{ "TIV" if p.basis == "delivered TIV" else "Deals" }}</th>
<th class="num">Share</th></tr></thead><tbody>
{% for r in p.rows %}<tr><td>{{ r.supplier }}</td><td class="num">{{ "{:,.1f}".format(r.volume) }}</td>
<td class="num">{{ "{:.1f}".format(r.share) }}%</td></tr>
{% endfor %}</tbody></table>
{% endfor %}
<h2>Pipeline: what is coming</h2>
<p class="note">{{ pipeline_note }}</p>
{% for sup, rows in pipeline %}
<h3>{{ sup }}</h3>
<table><thead><tr><th>What</th><th>System</th><th class="num">Order year</th><th class="num">Ordered</th>
<th class="num">Outstanding</th><th class="num">TIV outstanding</th><th>Status</th><th>Sources</th></tr></thead><tbody>
{% for r in rows %}<tr><td>{{ r.what }}</td><td>{{ r.system }}</td><td class="num">{{ r.order_year }}</td>
<td class="num">{{ r.quantity }}</td><td class="num">{{ r.outstanding }}</td><td class="num">{{ r.tiv }}</td>
<td>{{ r.status }}</td><td>{{ r.sources }}</td></tr>
{% endfor %}</tbody></table>
{% else %}<p>Nothing in the pipeline.</p>
{% endfor %}
<h2>Sources</h2>
<ul>
{% for s in sources %}<li>{% if s.safe_url %}<a href="{{ s.safe_url }}" rel="noopener noreferrer">{{ s.title }}</a>
{% else %}{{ s.title }}{% endif %} <span class="note">({{ s.kind }}{% if s.date %}, {{ s.date }}{% endif %},
 {{ s.deals }} deal(s))</span></li>
{% endfor %}</ul>
<p class="note">TIV: SIPRI trend-indicator value (millions), a volume index, not money.
Generated by kg from the store; numbers follow the counting rules in kg.analysis.network.</p>
</body></html>
"""


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"^https?://", url, re.I) and not re.search(r"[\s\"'<>]", url) else None


def diversification_report(
    store: Store,
    buyer: str,
    out_dir: str | Path,
    *,
    filters: kn.Filters | None = None,
    length: int = 5,
    top: int = 8,
    show: list[str] | tuple[str, ...] = (),
    merge: dict[str, str] | None = None,
    ego_view: str | Path | None = None,
) -> Report:
    """Write the report for ``buyer`` into ``out_dir`` (created if needed); see the module doc.

    ``top`` suppliers are drawn by name (the rest as "Others"), plus any named in ``show``
    (labels such as "Germany"); each supplier keeps one colour across the charts.
    ``ego_view``: an interactive view of the buyer written elsewhere (``kg demo`` writes
    one); the report links to it instead of writing a copy.  ``""``: no link at all.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    base = filters or kn.Filters()
    if base.buyer or base.supplier:
        raise UsageError("the diversification report takes the buyer as its argument, not --buyer/--supplier")
    merge = DEFAULT_MERGE if merge is None else merge
    periods = kn.supplier_shares(store, buyer, base, by="period", length=length)
    merged_periods = kn.supplier_shares(store, buyer, base, by="period", length=length, merge=merge)
    rolling = kn.supplier_shares(store, buyer, base, by="rolling", length=length, merge=merge)
    label = periods.buyer_label or buyer
    rep = Report(out, periods.buyer, label, periods, merged_periods, rolling)
    span = base.describe()
    keys = _top_keys(rolling, top, show)
    colours = _colours([*keys, OTHERS])
    imgs = {}
    imgs["shares"] = _save(
        _shares_chart(
            rolling,
            keys,
            colours,
            f"{label}: supplier shares of arms imports (rolling {length}-year, {span})",
        ),
        out,
        "shares",
        rep.files,
    )
    imgs["hhi"] = _save(
        _hhi_chart(rolling, f"{label}: supplier concentration (HHI, rolling {length}-year)"),
        out,
        "hhi",
        rep.files,
    )
    imgs["volumes"] = _save(
        _volume_chart(
            merged_periods,
            keys,
            colours,
            f"{label}: {'delivered TIV' if _has_tiv(merged_periods) else 'deals ordered'} from leading "
            f"suppliers per {length}-year period",
        ),
        out,
        "volumes",
        rep.files,
    )
    if ego_view is None:
        ego_href: str | None = f"{_slug(label)}-suppliers.html"
        rep.files[ego_href] = write_text_atomic(
            out / ego_href, render_html(country_view(store, periods.buyer, base))
        )
    else:
        ego_href = os.path.relpath(Path(ego_view).resolve(), out.resolve()) if ego_view else None
    sources = _sources(store, base, periods, merged_periods, rolling)
    rep.sources = sources
    rep.pipeline = pipeline_rows(store, buyer=periods.buyer)
    rows = _period_rows(periods, merged_periods)
    title = f"Diversification of {label}'s arms imports"
    subtitle = f"{span} · supplier shares of {basis_label(periods)}; {kn.describe_sources(sources)}"
    merged_names = sorted({periods.labels[k] for k in merge if k in periods.labels})
    merge_note = (
        f"The share chart, the HHI chart and the volume chart count {' and '.join(merged_names)} as one "
        f"supplier, \u201c{SOVIET_RUSSIA}\u201d; the tables keep them apart."
        if merged_names
        else "No suppliers are merged."
    )
    pipeline = _pipeline_tables(store, rep.pipeline)
    releases_line = _releases_line(periods.fed_by)
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    page = env.from_string(_HTML).render(
        css=REPORT_CSS,
        csp="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
        title=title,
        subtitle=subtitle,
        buyer=label,
        ego_href=ego_href,
        releases=releases_line,
        img={k: base64.b64encode(v).decode("ascii") for k, v in imgs.items()},
        merge_note=merge_note,
        periods=rows,
        pipeline=list(pipeline.items()),
        pipeline_note=PIPELINE_NOTE,
        sources=[{**s.__dict__, "safe_url": _safe_url(s.url)} for s in sources],
    )
    rep.files["report.html"] = write_text_atomic(out / "report.html", page)
    rep.files["report.md"] = write_text_atomic(
        out / "report.md",
        _markdown(title, subtitle, merge_note, ego_href, rows, sources, pipeline, releases_line),
    )
    return rep


PIPELINE_NOTE = (
    "Register orders not yet delivered (ordered minus delivered, from the latest register release that "
    "states numbers ordered; '?' marks the register's estimates), then deals that news articles or curated "
    "tables state (approved, negotiating, signed) and no register deal corroborates. "
    "'newer than the register' marks news dated after that release was generated."
)


def _sources(store: Store, base: kn.Filters, *tables: kn.ShareTable) -> list[kn.SourceRef]:
    """The sources behind the tables: every non-register source, and the releases that fed them."""
    used = {iri for t in tables for iri in t.releases_used}
    registers = {r.iri for r in register_releases(store)}
    everything = kn.sources_used(store, replace(base, buyer=tables[0].buyer, exclude_graphs=()))
    return [s for s in everything if s.iri not in registers or s.iri in used]


def _pipeline_tables(store: Store, rows: list[PipelineRow]) -> dict[str, list[dict[str, str]]]:
    """Pipeline rows as text cells per supplier (escaped later by Jinja / md_escape)."""
    meta = kn.source_meta(store, sorted({s.iri for r in rows for s in r.sources}))
    out: dict[str, list[dict[str, str]]] = {}
    for supplier, items in by_supplier(rows).items():
        cells = []
        for r in items:
            q = lambda flag: "?" if flag else ""  # noqa: E731 - the register's estimate mark
            if r.kind == "register":
                what = "register order"
                srcs = f"SIPRI register generated {(r.release_date or '')[:10]}"
            else:
                what = "news" + (" (newer than the register)" if r.newer_than_release else "")
                srcs = "; ".join(
                    f"{meta[s.iri].title if s.iri in meta else s.iri}" + (f" ({s.date})" if s.date else "")
                    for s in r.sources
                )
            cells.append(
                {
                    "what": what,
                    "system": r.system_label or "(system not named)",
                    "order_year": f"{r.order_year}{q(r.order_year_estimated)}" if r.order_year else "",
                    "quantity": f"{r.quantity:,}{q(r.quantity_estimated)}" if r.quantity else "",
                    "outstanding": f"{r.outstanding:,}{q(r.delivered_estimated)}" if r.outstanding else "",
                    "tiv": f"{r.tiv_outstanding:,.1f}" if r.tiv_outstanding is not None else "",
                    "status": r.status or "",
                    "sources": srcs,
                }
            )
        out[supplier] = cells
    return out


def _releases_line(fed_by: dict[str, str]) -> str:
    """Which release fed which periods: "deliveries 1950-1994: SIPRI register generated
    2024-10-13 (16 columns); deliveries 1995-2024: ..." (consecutive periods fed alike joined)."""
    runs: list[list[str]] = []  # [first period, last period, "measure: release"]
    for key in sorted(fed_by, key=lambda k: k.split("-")[0]):
        if runs and runs[-1][2] == fed_by[key]:
            runs[-1][1] = key
        elif fed_by[key]:
            runs.append([key, key, fed_by[key]])
    out = []
    for first, last, fed in runs:
        measure, _, release = fed.partition(": ")
        out.append(f"{measure} {first.split('-')[0]}-{last.split('-')[-1]}: {release}")
    return "; ".join(out)


def _markdown(
    title: str,
    subtitle: str,
    merge_note: str,
    ego: str | None,
    rows: list[dict],
    sources: list[kn.SourceRef],
    pipeline: dict[str, list[dict[str, str]]],
    releases_line: str,
) -> str:
    lines = [f"# {md_escape(title)}", "", md_escape(subtitle), ""]
    if ego:
        lines += [f"Interactive view: [{md_escape(ego)}](<{ego}>)", ""]
    if releases_line:
        lines += [
            "Register releases are versions, never added up: each period's figures come from one "
            f"release ({md_escape(releases_line)}).",
            "",
        ]
    lines += [
        "## Supplier shares",
        "",
        "![Supplier shares (rolling window)](shares.svg)",
        "",
        md_escape(merge_note),
        "",
        "## Concentration (HHI)",
        "",
        "![HHI over time](hhi.svg)",
        "",
        "## Leading suppliers' volume per period",
        "",
        "![Volume per period](volumes.svg)",
        "",
        "## Tables per period",
        "",
    ]
    for p in rows:
        lines += [
            f"### {md_escape(p['period'])} ({md_escape(p['basis'])}; total {p['total']:,.0f}; HHI {p['hhi']:,.0f})",
            "",
        ]
        if p["fed_by"]:
            lines += [f"From {md_escape(p['fed_by'])}", ""]
        lines += ["| Supplier | Volume | Share |", "|---|---:|---:|"]
        lines += [
            f"| {md_escape(r['supplier'])} | {r['volume']:,.1f} | {r['share']:.1f}% |" for r in p["rows"]
        ]
        lines.append("")
    lines += ["## Pipeline: what is coming", "", md_escape(PIPELINE_NOTE), ""]
    for supplier, cells in pipeline.items():
        lines += [
            f"### {md_escape(supplier)}",
            "",
            "| What | System | Order year | Ordered | Outstanding | TIV outstanding | Status | Sources |",
            "|---|---|---:|---:|---:|---:|---|---|",
        ]
        lines += ["| " + " | ".join(md_escape(c[k]) for k in _PIPELINE_COLUMNS) + " |" for c in cells]
        lines.append("")
    if not pipeline:
        lines += ["Nothing in the pipeline.", ""]
    lines += ["## Sources", ""]
    for s in sources:
        url = _safe_url(s.url)
        name = f"[{md_escape(s.title)}](<{url}>)" if url else md_escape(s.title)
        lines.append(
            f"- {name} ({md_escape(s.kind)}{', ' + md_escape(s.date) if s.date else ''}, {s.deals} deal(s))"
        )
    lines.append("")
    return "\n".join(lines)


_PIPELINE_COLUMNS = ("what", "system", "order_year", "quantity", "outstanding", "tiv", "status", "sources")


__all__ = ["DEFAULT_MERGE", "SOVIET_RUSSIA", "Report", "diversification_report", "md_escape", "mpl_escape"]
