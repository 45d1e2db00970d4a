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
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import Environment, select_autoescape
from matplotlib.figure import Figure

from kg import iris
from kg import network as kn
from kg.store import Store
from kg.views import country_view, render_html, write_text_atomic

SOVIET_RUSSIA = "Soviet Union/Russia"
#: The merge applied to the share chart and HHI (see the module docstring).
DEFAULT_MERGE = {str(iris.country("SUN")): SOVIET_RUSSIA, str(iris.country("RUS")): SOVIET_RUSSIA}
OTHERS = "Others"
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
    ax.set_ylabel("share of delivered TIV (%)")
    ax.set_title(mpl_escape(title), fontsize=11)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return fig


def _hhi_chart(t: kn.ShareTable, title: str) -> Figure:
    years = [k for k in t.keys if t.total(k) > 0]
    fig = Figure(figsize=(10, 3.6))
    ax = fig.add_subplot()
    ax.plot([int(y) for y in years], [t.hhi(y) for y in years], color="#2b6cb0", linewidth=2)
    ax.axhspan(2500, 10000, color="#fed7d7", alpha=0.4, label="highly concentrated (> 2,500)")
    ax.axhspan(1500, 2500, color="#fefcbf", alpha=0.4, label="moderately concentrated (1,500-2,500)")
    ax.set_ylim(0, 10000)
    ax.set_ylabel("HHI (0-10,000)")
    ax.set_title(mpl_escape(title), fontsize=11)
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return fig


def _volume_chart(t: kn.ShareTable, keys: list[str], colours: dict[str, str], title: str) -> Figure:
    keys = [k for k in keys if k in t.suppliers]
    periods = [k for k in t.keys if t.total(k) > 0]
    fig = Figure(figsize=(10, 4.6))
    ax = fig.add_subplot()
    width = 0.8 / max(1, len(keys))
    for i, k in enumerate(keys):
        vals = [t.volume.get(p, {}).get(k, 0.0) if t.basis.get(p) == "tiv" else 0.0 for p in periods]
        ax.bar(
            [j + i * width for j in range(len(periods))],
            vals,
            width,
            label=mpl_escape(t.labels.get(k, k)),
            color=colours[k],
        )
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(periods))])
    ax.set_xticklabels([mpl_escape(p) for p in periods], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("delivered TIV (millions)")
    ax.set_title(mpl_escape(title), fontsize=11)
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


_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<title>{{ title }}</title>
<style>
 body { font: 14px/1.45 system-ui, sans-serif; color: #1d2330; max-width: 1100px; margin: 20px auto; padding: 0 16px; }
 h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 15px; margin-bottom: 4px; }
 table { border-collapse: collapse; margin: 6px 0 14px; font-size: 13px; }
 th, td { border-bottom: 1px solid #e2e8f0; padding: 3px 10px; text-align: left; }
 td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
 img { max-width: 100%; } .note { color: #4a5568; font-size: 13px; }
</style></head><body>
<h1>{{ title }}</h1>
<p class="note">{{ subtitle }}</p>
<p><a href="{{ ego_href }}">Open the interactive view of {{ buyer }}'s suppliers and customers</a>
 (same folder, works offline).</p>
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
<table><thead><tr><th>Supplier</th><th class="num">{{ "TIV" if p.basis == "delivered TIV" else "Deals" }}</th>
<th class="num">Share</th></tr></thead><tbody>
{% for r in p.rows %}<tr><td>{{ r.supplier }}</td><td class="num">{{ "{:,.1f}".format(r.volume) }}</td>
<td class="num">{{ "{:.1f}".format(r.share) }}%</td></tr>
{% endfor %}</tbody></table>
{% endfor %}
<h2>Sources</h2>
<ul>
{% for s in sources %}<li>{% if s.safe_url %}<a href="{{ s.safe_url }}" rel="noopener noreferrer">{{ s.title }}</a>
{% else %}{{ s.title }}{% endif %} <span class="note">({{ s.kind }}{% if s.date %}, {{ s.date }}{% endif %},
 {{ s.deals }} deal(s))</span></li>
{% endfor %}</ul>
<p class="note">TIV: SIPRI trend-indicator value (millions), a volume index, not money.
Generated by kg from the store; numbers follow the counting rules in kg.network.</p>
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
) -> Report:
    """Write the report for ``buyer`` into ``out_dir`` (created if needed); see the module doc.

    ``top`` suppliers are drawn by name (the rest as "Others"), plus any named in ``show``
    (labels such as "Germany"); each supplier keeps one colour across the charts.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    base = filters or kn.Filters()
    if base.buyer or base.supplier:
        raise kn.UnknownName(
            "the diversification report takes the buyer as its argument, not --buyer/--supplier"
        )
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
            f"{label}: delivered TIV of leading suppliers per {length}-year period",
        ),
        out,
        "volumes",
        rep.files,
    )
    ego_name = f"{_slug(label)}-suppliers.html"
    rep.files[ego_name] = write_text_atomic(
        out / ego_name, render_html(country_view(store, periods.buyer, base))
    )
    sources = kn.sources_used(store, replace(base, buyer=periods.buyer))
    rep.sources = sources
    rows = _period_rows(periods, merged_periods)
    title = f"Diversification of {label}'s arms imports"
    subtitle = f"{span} · shares of delivered SIPRI TIV by supplier; {kn.describe_sources(sources)}"
    merged_names = sorted({periods.labels[k] for k in merge if k in periods.labels})
    merge_note = (
        f"The share chart, the HHI chart and the volume chart count {' and '.join(merged_names)} as one "
        f"supplier, \u201c{SOVIET_RUSSIA}\u201d; the tables keep them apart."
        if merged_names
        else "No suppliers are merged."
    )
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    page = env.from_string(_HTML).render(
        csp="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
        title=title,
        subtitle=subtitle,
        buyer=label,
        ego_href=ego_name,
        img={k: base64.b64encode(v).decode("ascii") for k, v in imgs.items()},
        merge_note=merge_note,
        periods=rows,
        sources=[{**s.__dict__, "safe_url": _safe_url(s.url)} for s in sources],
    )
    rep.files["report.html"] = write_text_atomic(out / "report.html", page)
    rep.files["report.md"] = write_text_atomic(
        out / "report.md", _markdown(title, subtitle, merge_note, ego_name, rows, sources)
    )
    return rep


def _markdown(
    title: str, subtitle: str, merge_note: str, ego: str, rows: list[dict], sources: list[kn.SourceRef]
) -> str:
    lines = [
        f"# {md_escape(title)}",
        "",
        md_escape(subtitle),
        "",
        f"Interactive view: [{md_escape(ego)}]({ego})",
        "",
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
            "| Supplier | Volume | Share |",
            "|---|---:|---:|",
        ]
        lines += [
            f"| {md_escape(r['supplier'])} | {r['volume']:,.1f} | {r['share']:.1f}% |" for r in p["rows"]
        ]
        lines.append("")
    lines += ["## Sources", ""]
    for s in sources:
        url = _safe_url(s.url)
        name = f"[{md_escape(s.title)}](<{url}>)" if url else md_escape(s.title)
        lines.append(
            f"- {name} ({md_escape(s.kind)}{', ' + md_escape(s.date) if s.date else ''}, {s.deals} deal(s))"
        )
    lines.append("")
    return "\n".join(lines)


__all__ = ["DEFAULT_MERGE", "SOVIET_RUSSIA", "Report", "diversification_report", "md_escape", "mpl_escape"]
