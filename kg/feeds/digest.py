"""What's new after a feed run: articles, claims, news ahead of the register, contradictions.

Every entry carries the URL of the article that says it, so an analyst can go to the
source.  Sections:

* **articles**: each newly imported (or corrected) article: title, URL, feed, publication
  date, and the story it is a copy of when it is a near-duplicate;
* **claims**: the deal claims those articles make (supplier, buyer, system, status, the
  evidence sentence);
* **ahead_of_register**: deals seen in the new articles that no register deal corroborates
  (the ``pipeline`` rows of :mod:`kg.analysis.pipeline`, restricted to this run's articles);
* **contradictions**: disagreements (kg.analysis.contradictions) in which a new article is a witness.

Rendered as text (the CLI's default), JSON (``--format json``) or an Atom 1.0 feed
(``--digest FILE.xml``) an analyst can subscribe to; the Atom file is written atomically.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.feeds.run import RunReport
from kg.io.atomicwrite import write_atomic
from kg.store import Store
from kg.vocab import ns
from kg.vocab.ns import SCHEMA

ATOM = "http://www.w3.org/2005/Atom"


@dataclass
class Digest:
    started: str
    articles: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    ahead_of_register: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    feeds: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "run": self.started,
            "feeds": self.feeds,
            "articles": self.articles,
            "claims": self.claims,
            "ahead_of_register": self.ahead_of_register,
            "contradictions": self.contradictions,
            "errors": self.errors,
        }


def _values(graphs: list[str]) -> str:
    return "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " }"


_CLAIMS = (
    ns.SPARQL_PREFIXES
    + """
SELECT ?g ?url ?claim ?evidence ?deal ?st ?qty
       (SAMPLE(?sl) AS ?supplier) (SAMPLE(?bl) AS ?buyer) (SAMPLE(?yl) AS ?system) WHERE {
  %s
  GRAPH ?g {
    ?claim a kg:Claim ; kg:evidenceText ?evidence ; kg:evidenceStart ?start .
    OPTIONAL { ?g schema:url ?url }
    OPTIONAL { ?claim kg:about ?deal }
    OPTIONAL { ?claim kg:status ?st }
    OPTIONAL { ?claim kg:quantity ?qty }
    OPTIONAL { ?deal kg:supplier/rdfs:label ?sl }
    OPTIONAL { ?deal kg:buyer/rdfs:label ?bl }
    OPTIONAL { ?deal kg:weaponSystem/rdfs:label ?yl }
  }
} GROUP BY ?g ?url ?claim ?evidence ?deal ?st ?qty ?start ORDER BY ?g ?start"""
)


def _str(row: dict[str, Any], key: str) -> str | None:
    v = row.get(key)
    return None if v is None else str(v)


def build_digest(store: Store, report: RunReport) -> Digest:
    """The digest of one run (queries only this run's new article graphs)."""
    web = report.web
    graphs = [str(g) for g in web.imported.graphs]
    digest = Digest(report.started, errors=list(report.errors))
    digest.feeds = [
        {
            "name": o.name,
            "url": o.url,
            "status": o.status,
            "entries": o.entries,
            "new": o.new_items,
            "fetched": o.fetched,
            "failed": o.failed,
            "error": o.error,
        }
        for o in report.feeds
    ]
    for g in graphs:
        page = web.pages.get(g)
        art = page.article if page else None
        digest.articles.append(
            {
                "graph": g,
                "title": art.title if art else None,
                "url": art.url if art else None,
                "published": art.published.isoformat() if art and art.published else None,
                "publisher": art.publisher if art else None,
                "feed": page.feed if page else None,
                "copy_of": web.copies.get(g),
            }
        )
    if not graphs:
        return digest
    for start in range(0, len(graphs), 200):
        for row in store.select(_CLAIMS % _values(graphs[start : start + 200])):
            digest.claims.append(
                {
                    "source": _str(row, "url") or _str(row, "g"),
                    "claim": _str(row, "claim"),
                    "deal": _str(row, "deal"),
                    "supplier": _str(row, "supplier"),
                    "buyer": _str(row, "buyer"),
                    "system": _str(row, "system"),
                    "status": ns.STATUS_KEY_BY_IRI.get(str(row.get("st"))),
                    "quantity": int(str(row["qty"])) if row.get("qty") is not None else None,
                    "evidence": _str(row, "evidence"),
                }
            )
    urls = {a["graph"]: a["url"] for a in digest.articles}
    digest.ahead_of_register = _ahead_of_register(store, set(graphs), urls)
    digest.contradictions = _new_contradictions(store, set(graphs))
    return digest


def _ahead_of_register(store: Store, graphs: set[str], urls: dict[str, str | None]) -> list[dict[str, Any]]:
    """News deals no register deal corroborates (the ``pipeline`` query, kg.analysis.pipeline), stated by
    this run's articles; each with the URLs of the sources stating it."""
    from kg.analysis.pipeline import pipeline_rows

    out = []
    for row in pipeline_rows(store):
        if row.kind != "news" or not any(s.iri in graphs for s in row.sources):
            continue
        out.append(
            {
                "deal": row.deal,
                "supplier": row.supplier_label,
                "buyer": row.buyer_label,
                "system": row.system_label,
                "status": row.status,
                "quantity": row.quantity,
                "order_year": row.order_year,
                "newer_than_release": row.newer_than_release,
                "sources": [urls.get(s.iri) or _source_url(store, s.iri) for s in row.sources],
            }
        )
    return out


def _source_url(store: Store, graph: str) -> str:
    rows = store.select(f"SELECT ?u WHERE {{ GRAPH <{graph}> {{ <{graph}> <{SCHEMA.url}> ?u }} }} LIMIT 1")
    return str(rows[0]["u"]) if rows else graph


def _new_contradictions(store: Store, graphs: set[str]) -> list[dict[str, Any]]:
    from kg.analysis.contradictions import find_contradictions

    out = []
    for c in find_contradictions(store):
        witnesses = [w for v in c.values for w in v.witnesses]
        if any(w.source in graphs for w in witnesses):
            d = c.to_dict()
            d["sources"] = sorted({w.url or w.source for w in witnesses})
            out.append(d)
    return out


def _deal_label(r: dict[str, Any]) -> str:
    """``Germany -> Norway: Type 212CD x4 (2026) [signed]``."""
    text = f"{r['supplier']} -> {r['buyer']}: {r['system'] or '?'}"
    if r.get("quantity"):
        text += f" x{r['quantity']}"
    if r.get("order_year"):
        text += f" ({r['order_year']})"
    return text + f" [{r.get('status') or '?'}]"


def render_text(d: Digest) -> str:
    lines = [f"digest of the run at {d.started}"]
    for f in d.feeds:
        tail = f" ({f['error']})" if f["error"] else ""
        lines.append(
            f"  feed {f['name']}: {f['status']}, {f['new']} new item(s), {f['fetched']} fetched, "
            f"{f['failed']} failed{tail}"
        )
    lines.append(f"new articles: {len(d.articles)}")
    for a in d.articles:
        copy = " (copy of a known story)" if a["copy_of"] else ""
        lines.append(f"  {a['title'] or '(untitled)'} <{a['url']}>{copy}")
    lines.append(f"new claims: {len(d.claims)}")
    for c in d.claims:
        who = f"{c['supplier'] or '?'} -> {c['buyer'] or '?'}: {c['system'] or '?'}"
        lines.append(f"  {who} [{c['status'] or '?'}] <{c['source']}>")
    lines.append(f"deals in the news no register deal corroborates: {len(d.ahead_of_register)}")
    for r in d.ahead_of_register:
        lines.append(f"  {_deal_label(r)} <{', '.join(r['sources'])}>")
    lines.append(f"new contradictions: {len(d.contradictions)}")
    for c in d.contradictions:
        lines.append(f"  {c['label']}: {c['field']} <{', '.join(c['sources'])}>")
    return "\n".join(lines) + "\n"


def _entry(feed: ET.Element, eid: str, title: str, link: str | None, summary: str, updated: str) -> None:
    e = ET.SubElement(feed, f"{{{ATOM}}}entry")
    ET.SubElement(e, f"{{{ATOM}}}id").text = eid
    ET.SubElement(e, f"{{{ATOM}}}title").text = title
    ET.SubElement(e, f"{{{ATOM}}}updated").text = updated
    if link:
        ET.SubElement(e, f"{{{ATOM}}}link", href=link)
    ET.SubElement(e, f"{{{ATOM}}}summary").text = summary


def write_atom(d: Digest, path: Path) -> None:
    """The digest as an Atom 1.0 feed (one entry per item), written atomically."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"tag:defence-kg,2026:digest/{d.started}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"kg digest {d.started}"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = d.started
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "kg feed run"
    for a in d.articles:
        _entry(
            feed,
            f"tag:defence-kg,2026:article/{a['graph']}",
            f"New article: {a['title'] or a['url']}",
            a["url"],
            f"From {a['feed'] or 'a URL'}" + (" (copy of a known story)" if a["copy_of"] else ""),
            d.started,
        )
    for c in d.claims:
        title = f"Claim: {c['supplier'] or '?'} -> {c['buyer'] or '?'}: {c['system'] or '?'} ({c['status'] or '?'})"
        _entry(
            feed,
            f"tag:defence-kg,2026:claim/{c['claim']}",
            title,
            c["source"],
            c["evidence"] or "",
            d.started,
        )
    for r in d.ahead_of_register:
        label = _deal_label(r)
        link = r["sources"][0] if r["sources"] else None
        _entry(
            feed,
            f"tag:defence-kg,2026:ahead/{r['deal']}",
            f"Ahead of the register: {label}",
            link,
            "Reported in: " + ", ".join(r["sources"]),
            d.started,
        )
    for c in d.contradictions:
        link = c["sources"][0] if c["sources"] else None
        values = " | ".join(str(v["value"]) for v in c["values"])
        _entry(
            feed,
            f"tag:defence-kg,2026:contradiction/{c['deal']}:{c['field']}",
            f"Contradiction: {c['label']} ({c['field']})",
            link,
            f"{values}; sources: {', '.join(c['sources'])}",
            d.started,
        )
    data = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    write_atomic(path, data)
