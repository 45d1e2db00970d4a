"""The endpoint's query page (``GET /``): a form, the named queries, and a small inline script.

Kept apart from the request handling in :mod:`kg.serve.app`: it is presentation only.  The
inline script and style are allowed by their hashes in :data:`PAGE_CSP` (no ``unsafe-inline``,
no external files: the page works offline).
"""

from __future__ import annotations

import base64
import hashlib
import html
import urllib.parse

from kg.serve import ServeConfig

EXAMPLE_QUERY = """PREFIX kg: <https://w3id.org/defence-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
# Suppliers of each buyer, by number of deals (all sources)
SELECT ?buyerLabel ?supplierLabel (COUNT(DISTINCT ?deal) AS ?deals) WHERE {
  GRAPH ?g { ?deal a kg:Deal ; kg:buyer ?b ; kg:supplier ?s .
             ?b rdfs:label ?buyerLabel . ?s rdfs:label ?supplierLabel }
}
GROUP BY ?buyerLabel ?supplierLabel
ORDER BY DESC(?deals)
LIMIT 50"""

_SCRIPT = """
const form = document.getElementById('qform');
const out = document.getElementById('out');
const status = document.getElementById('status');
form.addEventListener('submit', async (event) => {
  const chosen = form.elements.format.value;
  if (chosen !== 'table') { return; }  // other formats: plain form submission (download)
  event.preventDefault();
  out.replaceChildren();
  status.textContent = 'running...';
  const started = performance.now();
  let response;
  try {
    response = await fetch('query', {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded',
                'Accept': 'application/sparql-results+json, text/turtle;q=0.9'},
      body: new URLSearchParams({query: form.elements.query.value}),
    });
  } catch (err) { status.textContent = 'request failed: ' + err; return; }
  const ms = Math.round(performance.now() - started);
  if (!response.ok) { status.textContent = 'HTTP ' + response.status + ': ' + await response.text(); return; }
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('sparql-results+json')) {
    const pre = document.createElement('pre');
    pre.textContent = await response.text();
    out.append(pre);
    status.textContent = 'graph result in ' + ms + ' ms';
    return;
  }
  const data = await response.json();
  if ('boolean' in data) { status.textContent = 'ASK: ' + data.boolean + ' (' + ms + ' ms)'; return; }
  const vars = data.head.vars;
  const table = document.createElement('table');
  const head = table.insertRow();
  for (const v of vars) { const th = document.createElement('th'); th.textContent = v; head.append(th); }
  for (const binding of data.results.bindings) {
    const tr = table.insertRow();
    for (const v of vars) { const cell = tr.insertCell(); cell.textContent = binding[v] ? binding[v].value : ''; }
  }
  out.append(table);
  const truncated = response.headers.get('X-KG-Truncated') === 'true';
  status.textContent = data.results.bindings.length + ' row(s) in ' + ms + ' ms' +
    (truncated ? ' - truncated at the row limit (' + response.headers.get('X-KG-Row-Limit') + ')' : '');
});
"""

_STYLE = """
body{font:14px system-ui,sans-serif;margin:1.5em;max-width:80em}
textarea{width:100%;font:13px monospace}
table{border-collapse:collapse;margin-top:.5em}
td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left}
th{background:#eee}
fieldset{margin:.4em 0}
#status{color:#444}
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


PAGE_CSP = (
    f"default-src 'none'; script-src {_csp_hash(_SCRIPT)}; style-src {_csp_hash(_STYLE)}; "
    "connect-src 'self'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def _named_query_forms() -> str:
    from kg.queries.named import list_queries

    parts = []
    for q in list_queries():
        inputs = []
        for p in q.params:
            placeholder = p.default if p.default is not None else "(any)"
            inputs.append(
                f"<label>{html.escape(p.name)} <input name='{html.escape(p.name, quote=True)}' "
                f"placeholder='{html.escape(placeholder, quote=True)}' "
                f"title='{html.escape(p.type + ': ' + p.description, quote=True)}'></label> "
            )
        parts.append(
            f"<form method=get action='queries/{html.escape(q.name, quote=True)}'><fieldset>"
            f"<legend><b>{html.escape(q.name)}</b>: {html.escape(q.description)}</legend>{''.join(inputs)}"
            "<select name=format><option>html<option>csv<option>json<option>tsv<option>xml</select> "
            "<button>Run</button></fieldset></form>"
        )
    return "".join(parts)


def render_page(config: ServeConfig, view_files: list[str]) -> str:
    """The query page: inline CSS and script only (allowed by hash in the CSP)."""
    mode = "read-write" if config.writable else "read-only"
    views = ""
    if view_files:
        items = "".join(
            f"<li><a href='views/{html.escape(urllib.parse.quote(v), quote=True)}'>{html.escape(v)}</a>"
            for v in view_files
        )
        views = f"<h2>Views</h2><ul>{items}</ul>"
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>kg SPARQL endpoint</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>kg SPARQL endpoint</h1><p>{mode}; queries stop after {config.timeout:g} s and "
        f"{config.max_rows} rows. Endpoint: <code>/query</code> (SPARQL 1.1 Protocol).</p>"
        "<form id=qform method=get action='query'>"
        f"<textarea name=query rows=14>{html.escape(EXAMPLE_QUERY)}</textarea><br>"
        "Format <select name=format><option value=table>table<option>csv<option>tsv<option>json"
        "<option>xml<option>turtle<option>nt<option>jsonld</select> <button>Run</button></form>"
        "<p id=status></p><div id=out></div>"
        "<form method=get action='search'>Full-text search <input type=search name=q "
        "placeholder='e.g. delay'><input type=hidden name=format value=html> <button>Search</button></form>"
        f"<h2>Named queries</h2>{_named_query_forms()}{views}"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


__all__ = ["EXAMPLE_QUERY", "PAGE_CSP", "render_page"]
