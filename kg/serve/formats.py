"""SPARQL result formats, content negotiation, and term conversions.

Rows are lists of SPARQL-JSON term dicts (``{"type": "uri", "value": ...}``), the one
shape every path shares: the worker converts pyoxigraph terms into it, the named-query
path converts rdflib terms into it.  Writers exist for the four W3C result formats and a
small escaped HTML table for browsers.  Only the standard library is imported here (the
worker process imports this module and must start fast).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

Term = dict[str, Any]
Row = Sequence[Term | None]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: Result formats for SELECT/ASK: key -> media type.
RESULT_FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "html": "text/html",
}
#: Graph formats for CONSTRUCT/DESCRIBE: key -> media type.
GRAPH_FORMATS: dict[str, str] = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_ALIASES = {
    "ttl": "turtle",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "jsonld",
    "rdf": "rdfxml",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "nt",
    "application/x-turtle": "turtle",
}
_BY_MEDIA = {v: k for k, v in {**RESULT_FORMATS, **GRAPH_FORMATS}.items()}


class NotAcceptable(Exception):
    """No format the client accepts fits the query form (HTTP 406)."""


def _parse_accept(header: str) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for part in header.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        if not media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        out.append((media.lower(), q))
    return sorted(out, key=lambda mq: -mq[1])


def negotiate(
    graph: bool, format_param: str | None, accept: str | None, *, browser_html: bool = False
) -> str:
    """The format key to answer with: ``format=`` first, then Accept, then the default."""
    allowed = GRAPH_FORMATS if graph else RESULT_FORMATS
    default = "turtle" if graph else "json"
    if format_param:
        key = format_param.strip().lower()
        key = _ALIASES.get(key, _BY_MEDIA.get(key, key))
        if key not in allowed:
            raise NotAcceptable(
                f"format {format_param!r} is not available for this query (use {', '.join(allowed)})"
            )
        return key
    if not accept:
        return default
    for media, q in _parse_accept(accept):
        if q <= 0:
            continue
        if media == "text/html" and not browser_html:
            continue
        key = _ALIASES.get(media, _BY_MEDIA.get(media))
        if key in allowed:
            return key
        if media in ("*/*", "application/*", "text/*"):
            return default
    raise NotAcceptable(
        f"none of the accepted types ({accept}) fits; available: {', '.join(allowed.values())}"
    )


# --- term conversions ------------------------------------------------------------------


def ox_term(term: Any) -> Term | None:
    """A pyoxigraph term as a SPARQL-JSON dict (imported lazily: only the worker needs it)."""
    if term is None:
        return None
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: Term = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": ox_term(term.subject),
                "predicate": ox_term(term.predicate),
                "object": ox_term(term.object),
            },
        }
    return {"type": "literal", "value": str(term)}


def rdflib_term(term: Any) -> Term | None:
    """An rdflib term (or ``None``) as a SPARQL-JSON dict."""
    if term is None:
        return None
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out: Term = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and str(term.datatype) != XSD_STRING:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def to_rdflib(term: Term | None) -> Any:
    """A SPARQL-JSON dict back to an rdflib term (for post-processing named-query rows)."""
    if term is None:
        return None
    from rdflib import BNode, Literal, URIRef

    kind = term["type"]
    if kind == "uri":
        return URIRef(term["value"])
    if kind == "bnode":
        return BNode(term["value"])
    if "xml:lang" in term:
        return Literal(term["value"], lang=term["xml:lang"])
    return Literal(term["value"], datatype=URIRef(term["datatype"]) if term.get("datatype") else None)


def _nt_escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


def term_nt(term: Term | None) -> str:
    """N-Triples syntax of a term (TSV cells)."""
    if term is None:
        return ""
    kind = term["type"]
    if kind == "uri":
        return f"<{term['value']}>"
    if kind == "bnode":
        return f"_:{term['value']}"
    if kind == "triple":
        v = term["value"]
        return f"<< {term_nt(v['subject'])} {term_nt(v['predicate'])} {term_nt(v['object'])} >>"
    text = f'"{_nt_escape(term["value"])}"'
    if "xml:lang" in term:
        return f"{text}@{term['xml:lang']}"
    if term.get("datatype"):
        return f"{text}^^<{term['datatype']}>"
    return text


def term_plain(term: Term | None) -> str:
    """CSV cell: lexical form only (W3C SPARQL CSV)."""
    if term is None:
        return ""
    if term["type"] == "bnode":
        return f"_:{term['value']}"
    if term["type"] == "triple":
        return term_nt(term)
    return str(term["value"])


# --- writers ---------------------------------------------------------------------------


def _csv_cell(text: str) -> str:
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_select(fmt: str, variables: Sequence[str], rows: Iterable[Row], *, title: str = "") -> bytes:
    """Serialise SELECT rows in ``fmt`` (a key of :data:`RESULT_FORMATS`)."""
    rows = list(rows)
    if fmt == "json":
        bindings = [{v: t for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        body = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    if fmt == "csv":
        lines = [",".join(_csv_cell(v) for v in variables)]
        lines += [",".join(_csv_cell(term_plain(t)) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join(term_nt(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>")
            for v, t in zip(variables, row, strict=True):
                if t is not None:
                    out.append(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "html":
        return html_table(variables, rows, title=title).encode("utf-8")
    raise ValueError(f"unknown result format {fmt!r}")


def _xml_term(t: Term) -> str:
    kind = t["type"]
    if kind == "uri":
        return f"<uri>{xml_escape(t['value'])}</uri>"
    if kind == "bnode":
        return f"<bnode>{xml_escape(t['value'])}</bnode>"
    if kind == "triple":
        v = t["value"]
        parts = "".join(f"<{k}>{_xml_term(v[k])}</{k}>" for k in ("subject", "predicate", "object"))
        return f"<triple>{parts}</triple>"
    attrs = ""
    if "xml:lang" in t:
        attrs = f" xml:lang={quoteattr(t['xml:lang'])}"
    elif t.get("datatype"):
        attrs = f" datatype={quoteattr(t['datatype'])}"
    return f"<literal{attrs}>{xml_escape(t['value'])}</literal>"


def write_boolean(fmt: str, value: bool) -> bytes:
    """Serialise an ASK answer."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n"
        ).encode()
    if fmt == "html":
        return html_page("ASK", f"<p>{'true' if value else 'false'}</p>").encode()
    return ("_askResult\n" + ("true" if value else "false") + "\n").encode()


# --- HTML (browsers; every value escaped) -----------------------------------------------

PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"


def html_page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang=en><meta charset=utf-8>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left}"
        "th{background:#eee}</style>"
        f"<p><a href='/'>kg SPARQL endpoint</a></p><h1>{html.escape(title)}</h1>{body}</html>\n"
    )


def html_table(variables: Sequence[str], rows: Sequence[Row], *, title: str = "") -> str:
    head = "".join(f"<th>{html.escape(v)}</th>" for v in variables)
    body = []
    for row in rows:
        cells = []
        for t in row:
            text = term_plain(t)
            cells.append(f"<td>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    table = f"<p>{len(rows)} row(s)</p><table><tr>{head}</tr>{''.join(body)}</table>"
    return html_page(title or "Results", table)


__all__ = [
    "GRAPH_FORMATS",
    "PAGE_CSP",
    "RESULT_FORMATS",
    "NotAcceptable",
    "html_page",
    "html_table",
    "negotiate",
    "ox_term",
    "rdflib_term",
    "term_nt",
    "term_plain",
    "to_rdflib",
    "write_boolean",
    "write_select",
]
