"""Full-text search (``kg search``, the endpoint's ``/search``): BM25 over what sources say.

Indexed, one document each: a claim's evidence sentence (``kg:evidenceText``), an article's
title (``schema:headline``) and text (``schema:articleBody``), a register deal's comments
(``kg:comments``).  Each hit carries its claim, deal and source (article URL or register
release and row) and the parties of its deal(s), so ``--buyer``/``--supplier`` and the
order-year range filter inside the index.  The endpoint answers ``/search`` with it in
:mod:`kg.serve.search`.

Why SQLite FTS5 (Python's own ``sqlite3``): BM25 ranking, a Porter stemmer (delay, delays,
delayed are one term), phrase queries and snippets, no server and no new dependency; an
index of the whole SIPRI register is a few MB.  Oxigraph has no text index, and a second
engine (Tantivy, Xapian, Elasticsearch) would add a dependency or a service for the same
result at this size.

**Kept in step with the store, whatever wrote to it.**  The index is keyed by named graph,
with a fingerprint per graph: the graph's ``kg:contentHash`` plus the number and total
length of its searchable literals (one aggregate query, ~0.1 s on the whole register).
:meth:`SearchIndex.refresh` compares them with the store's and re-indexes only graphs whose
fingerprint changed, and deletes graphs that are gone: an article re-import, a dropped or
replaced graph, ``kg import rdf``, curated data or another client writing to a remote store
are all caught.  It runs before every search and after every CLI command that opened the
store for writing (when an index exists; the first search builds it).

Where the index lives: ``$KG_SEARCH_INDEX`` when set (a file path, or ``:memory:``); else
``<store dir>/search.sqlite`` for an on-disk store; in memory, for the life of the store
object, for ``memory:``; for a remote store ``$XDG_CACHE_HOME/kg/search-<digest of the
URL>.sqlite`` (default ``~/.cache``), so repeated searches do not pull every text again.

User text is never FTS syntax: words are quoted one by one (all must occur) and a
``"double-quoted phrase"`` is matched as a phrase; ``OR``, ``NEAR(``, ``*``, ``:`` and stray
quotes are ordinary text.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.namespace import PROV

from kg.errors import EXIT_USAGE, KgError, StoreError
from kg.rdf.bindings import safe_term
from kg.store import EmbeddedStore, RemoteStore, Store
from kg.vocab import ns

#: Bumped when the index layout or what is indexed changes: an older index is rebuilt.
SCHEMA_VERSION = "2"
INDEX_FILE = "search.sqlite"
TOKENIZER = "porter unicode61 remove_diacritics 2"
#: Searchable literal -> document kind.
KINDS: dict[str, str] = {
    str(ns.evidenceText): "claim",
    str(ns.SCHEMA.headline): "title",
    str(ns.SCHEMA.articleBody): "text",
    str(ns.comments): "comment",
}
#: Graphs per indexing query (a VALUES block each).
_BATCH = 200
#: Tokens of context around the match in the snippet of a long text.
_SNIPPET_TOKENS = 24
_LONG = 400

_TEXT_VALUES = " ".join(f"<{p}>" for p in KINDS)
_PREFIXES = ns.SPARQL_PREFIXES

_FINGERPRINT_TEXTS = f"""SELECT ?g (COUNT(?t) AS ?n) (SUM(STRLEN(STR(?t))) AS ?len) WHERE {{
  VALUES ?p {{ {_TEXT_VALUES} }} GRAPH ?g {{ ?s ?p ?t }} }} GROUP BY ?g"""
_FINGERPRINT_HASHES = _PREFIXES + "SELECT ?g ?h WHERE { GRAPH ?g { ?g kg:contentHash ?h } }"

_TEXTS = """SELECT ?g ?s ?p ?t WHERE {{ VALUES ?g {{ {graphs} }} VALUES ?p {{ {preds} }}
  GRAPH ?g {{ ?s ?p ?t }} }}"""
#: Facts about deals and claims, one plain triple pattern each: joined in Python, because
#: Oxigraph's OPTIONAL joins cost ~1 s per 20k comments where plain scans cost ~0.15 s.
_FACTS = """SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {graphs} }} VALUES ?p {{ {preds} }}
  GRAPH ?g {{ ?s ?p ?o }} }}"""
_FACT_PREDICATES = " ".join(
    f"<{p}>" for p in (ns.about, ns.buyer, ns.supplier, ns.orderYear, PROV.wasDerivedFrom, ns.rowNumber)
)
_SOURCES = (
    _PREFIXES
    + """SELECT ?g ?url ?title ?date WHERE {{ VALUES ?g {{ {graphs} }}
  GRAPH ?g {{ ?g a ?type
    OPTIONAL {{ ?g schema:url ?url }}
    OPTIONAL {{ ?g schema:headline ?headline }} OPTIONAL {{ ?g kg:releaseTitle ?release }}
    OPTIONAL {{ ?g schema:datePublished ?published }} OPTIONAL {{ ?g kg:dataGenerated ?generated }} }}
  BIND(COALESCE(?headline, ?release) AS ?title) BIND(COALESCE(?published, ?generated) AS ?date) }}"""
)

_DDL = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS graphs(graph TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(graph TEXT PRIMARY KEY, url TEXT, title TEXT, date TEXT);
CREATE TABLE IF NOT EXISTS docs(
  id INTEGER PRIMARY KEY, graph TEXT NOT NULL, kind TEXT NOT NULL, claim TEXT, deal TEXT,
  row INTEGER, year INTEGER);
CREATE INDEX IF NOT EXISTS docs_graph ON docs(graph);
CREATE TABLE IF NOT EXISTS parties(doc INTEGER NOT NULL, role TEXT NOT NULL, party TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS parties_doc ON parties(doc);
CREATE INDEX IF NOT EXISTS parties_party ON parties(role, party, doc);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(text, tokenize='{TOKENIZER}');
"""


class SearchError(KgError):
    """A search that cannot run: nothing to search for, or no FTS5 in this Python's SQLite."""

    exit_code = EXIT_USAGE


@dataclass
class Hit:
    """One search result: the matching text (a snippet for long texts) and where it comes from.

    ``kind`` is ``claim`` (an evidence sentence), ``title`` or ``text`` (of an article) or
    ``comment`` (of a register deal).  ``score`` is BM25 (higher is better).  ``row`` is the
    register row of a comment; ``buyers``/``suppliers`` the parties of the hit's deal(s).
    """

    kind: str
    text: str
    score: float
    source: str
    claim: str | None = None
    deal: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    row: int | None = None
    year: int | None = None
    buyers: list[str] = field(default_factory=list)
    suppliers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def where(self) -> str:
        """Human-readable source: the URL, or the release title and row."""
        if self.url:
            return self.url
        base = self.title or self.source
        return f"{base}, row {self.row}" if self.row is not None else base


@dataclass
class RefreshReport:
    """What :meth:`SearchIndex.refresh` did (graphs re-indexed or removed, documents written)."""

    indexed: int = 0
    removed: int = 0
    unchanged: int = 0
    documents: int = 0
    seconds: float = 0.0


# --- the query language ------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


def fts_query(text: str) -> str:
    """The FTS5 MATCH expression for a user's text: every word (or ``"phrase"``) must occur.

    Only ``\\w`` runs ever reach FTS5, each inside double quotes, so no user text is read as
    FTS syntax.  A chunk such as ``S-400`` becomes the phrase ``"S 400"`` (how the tokenizer
    splits it in the documents too).  Raises :class:`SearchError` when no word is left.
    """
    parts: list[list[str]] = []
    pos = 0
    for m in _PHRASE.finditer(text):
        parts.extend(_WORD.findall(chunk) for chunk in text[pos : m.start()].split())
        parts.append(_WORD.findall(m.group(1)))
        pos = m.end()
    parts.extend(_WORD.findall(chunk) for chunk in text[pos:].split())
    phrases = ['"' + " ".join(words) + '"' for words in parts if words]
    if not phrases:
        raise SearchError(f"nothing to search for in {text!r} (give at least one word)")
    return " ".join(phrases)


# --- reading the store --------------------------------------------------------------------


def _rows(store: Store, sparql: str) -> Iterator[dict[str, str]]:
    """Rows of a SELECT as strings (:meth:`Store.rows`: no rdflib terms on embedded stores)."""
    for row in store.rows(sparql):
        yield {k: str(v) for k, v in row.items()}


def fingerprints(store: Store) -> dict[str, str]:
    """Graph IRI -> fingerprint of its searchable content (graphs without any are absent)."""
    hashes: dict[str, list[str]] = {}
    for row in _rows(store, _FINGERPRINT_HASHES):
        hashes.setdefault(row["g"], []).append(row["h"])
    out = {}
    for row in _rows(store, _FINGERPRINT_TEXTS):
        g = row["g"]
        out[g] = f"{row['n']}:{row.get('len', '0')}:{','.join(sorted(hashes.get(g, [])))}"
    return out


def _values(graphs: Iterable[str]) -> str:
    return " ".join(safe_term(URIRef(g)) for g in graphs)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _facts(store: Store, block: str) -> dict[tuple[str, str], dict[str, list[str]]]:
    """(graph, subject) -> predicate -> objects, for the predicates of :data:`_FACT_PREDICATES`."""
    facts: dict[tuple[str, str], dict[str, list[str]]] = {}
    if isinstance(store, EmbeddedStore):  # index scans without a query: ~40% faster on the register
        for g in block.split():
            for p in _FACT_PREDICATES.split():
                for s, pred, o, graph in store.quads(None, p[1:-1], None, g[1:-1]):
                    facts.setdefault((graph, str(s)), {}).setdefault(pred, []).append(str(o))
        return facts
    for r in _rows(store, _FACTS.format(graphs=block, preds=_FACT_PREDICATES)):
        facts.setdefault((r["g"], r["s"]), {}).setdefault(r["p"], []).append(r["o"])
    return facts


def _documents(
    store: Store, block: str, sources: Mapping[str, Mapping[str, str]]
) -> Iterator[tuple[tuple[Any, ...], set[tuple[str, str]], str]]:
    """``(docs row, {(role, party)}, text)`` for every searchable literal of the graphs in ``block``."""
    facts = _facts(store, block)
    about, buyer, supplier = str(ns.about), str(ns.buyer), str(ns.supplier)
    year_of, derived, row_of = str(ns.orderYear), str(PROV.wasDerivedFrom), str(ns.rowNumber)
    graph_deals: dict[str, set[str]] = {}
    for (g, s), props in facts.items():
        if buyer in props or supplier in props:
            graph_deals.setdefault(g, set()).add(s)

    def parties(g: str, deals: Iterable[str]) -> set[tuple[str, str]]:
        out = set()
        for d in deals:
            props = facts.get((g, d), {})
            out.update(("buyer", p) for p in props.get(buyer, ()))
            out.update(("supplier", p) for p in props.get(supplier, ()))
        return out

    for r in _rows(store, _TEXTS.format(graphs=block, preds=_TEXT_VALUES)):
        g, subject, kind = r["g"], r["s"], KINDS[r["p"]]
        meta = sources.get(g, {})
        date = meta.get("date")
        claim = subject if kind == "claim" else None
        deal = subject if kind == "comment" else None
        if claim:
            deal = min(facts.get((g, claim), {}).get(about, [""])) or None
        props = facts.get((g, deal), {}) if deal else {}
        years = [y for y in map(_int, props.get(year_of, [])) if y is not None]
        year = min(years) if years else _int(date[:4]) if date else None
        rows = [facts.get((g, rec), {}).get(row_of, []) for rec in props.get(derived, [])]
        row = next((_int(x[0]) for x in rows if x), None) if kind == "comment" else None
        deals = graph_deals.get(g, set()) if kind in ("title", "text") else [deal] if deal else []
        doc = (g, kind, claim, deal, row, year)
        yield doc, parties(g, deals), r["t"]


# --- the index ----------------------------------------------------------------------------

_MEMORY: weakref.WeakKeyDictionary[Store, SearchIndex] = weakref.WeakKeyDictionary()


def index_location(store: Store) -> str:
    """Where ``store``'s index lives: a file path or ``:memory:`` (see the module docstring)."""
    env = os.environ.get("KG_SEARCH_INDEX")
    if env:
        return env
    if isinstance(store, RemoteStore):
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"
        key = hashlib.sha256(store.location.encode("utf-8")).hexdigest()[:16]
        return str(cache / f"search-{key}.sqlite")
    if store.location == "memory:":
        return ":memory:"
    return str(Path(store.location) / INDEX_FILE)


class SearchIndex:
    """The SQLite FTS5 index of one store; :meth:`refresh` brings it in step, :meth:`search` asks."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._lock = threading.Lock()
        self.db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        path = self.location
        if path != ":memory:":
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the search index {path}: {exc.strerror}") from None
        try:
            db = sqlite3.connect(path, timeout=60, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL" if path != ":memory:" else "PRAGMA journal_mode=MEMORY")
            version = self._version(db)
            if version not in (None, SCHEMA_VERSION):
                db.executescript(
                    "DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS docs; "
                    "DROP TABLE IF EXISTS parties; DROP TABLE IF EXISTS graphs; DROP TABLE IF EXISTS sources; DROP TABLE meta;"
                )
            db.executescript(_DDL)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower():
                raise SearchError("this Python's SQLite has no FTS5; kg search needs it") from None
            raise StoreError(f"search index {path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"search index {path} is unreadable ({exc}); delete it to rebuild") from None
        return db

    @staticmethod
    def _version(db: sqlite3.Connection) -> str | None:
        exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
        if not exists:
            return None
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        return row[0] if row else "?"

    def close(self) -> None:
        self.db.close()

    # -- keeping in step ---------------------------------------------------------------
    def refresh(self, store: Store) -> RefreshReport:
        """Re-index graphs whose fingerprint changed, drop graphs no longer in ``store``."""
        started = time.perf_counter()
        current = fingerprints(store)
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")  # one writer at a time, readers see old or new
            try:
                known = dict(self.db.execute("SELECT graph, fingerprint FROM graphs"))
                stale = [g for g in known if current.get(g) != known[g]]
                todo = sorted(g for g in current if known.get(g) != current[g])
                report = RefreshReport(
                    removed=len(set(stale) - set(current)), unchanged=len(current) - len(todo)
                )
                for g in stale:
                    self._delete(g)
                for i in range(0, len(todo), _BATCH):
                    report.documents += self._insert(store, todo[i : i + _BATCH])
                self.db.executemany(
                    "INSERT OR REPLACE INTO graphs VALUES (?, ?)", [(g, current[g]) for g in todo]
                )
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        report.indexed = len(todo)
        report.seconds = time.perf_counter() - started
        return report

    def _delete(self, graph: str) -> None:
        ids = "SELECT id FROM docs WHERE graph = ?"
        self.db.execute(f"DELETE FROM fts WHERE rowid IN ({ids})", (graph,))
        self.db.execute(f"DELETE FROM parties WHERE doc IN ({ids})", (graph,))
        self.db.execute("DELETE FROM docs WHERE graph = ?", (graph,))
        self.db.execute("DELETE FROM sources WHERE graph = ?", (graph,))
        self.db.execute("DELETE FROM graphs WHERE graph = ?", (graph,))

    def _insert(self, store: Store, graphs: Sequence[str]) -> int:
        cur = self.db.cursor()
        count = 0
        block = _values(graphs)
        sources = {r["g"]: r for r in _rows(store, _SOURCES.format(graphs=block))}
        cur.executemany(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)",
            [(g, m.get("url"), m.get("title"), m.get("date")) for g, m in sources.items()],
        )
        for doc, parties, text in _documents(store, block, sources):
            cur.execute(
                "INSERT INTO docs(graph, kind, claim, deal, row, year) VALUES (?, ?, ?, ?, ?, ?)", doc
            )
            doc_id = cur.lastrowid
            cur.execute("INSERT INTO fts(rowid, text) VALUES (?, ?)", (doc_id, text))
            cur.executemany("INSERT INTO parties VALUES (?, ?, ?)", [(doc_id, r, p) for r, p in parties])
            count += 1
        return count

    # -- asking ------------------------------------------------------------------------
    def search(
        self,
        text: str,
        *,
        buyers: Sequence[str] = (),
        suppliers: Sequence[str] = (),
        year_from: int | None = None,
        year_to: int | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        """Documents matching every word of ``text``, best BM25 first, within the filters."""
        where = ["fts MATCH ?"]
        args: list[Any] = [fts_query(text)]
        for role, parties in (("buyer", buyers), ("supplier", suppliers)):
            if parties:
                marks = ", ".join("?" * len(parties))
                where.append(
                    f"d.id IN (SELECT doc FROM parties WHERE role = '{role}' AND party IN ({marks}))"
                )
                args.extend(parties)
        if year_from is not None:
            where.append("d.year >= ?")
            args.append(year_from)
        if year_to is not None:
            where.append("d.year <= ?")
            args.append(year_to)
        args.append(max(1, limit))
        sql = (
            "SELECT d.id, d.kind, d.claim, d.deal, d.graph, s.url, s.title, s.date, d.row, d.year, "
            f"fts.text, snippet(fts, 0, '', '', '…', {_SNIPPET_TOKENS}), bm25(fts) AS score "
            "FROM fts JOIN docs d ON d.id = fts.rowid LEFT JOIN sources s ON s.graph = d.graph "
            f"WHERE {' AND '.join(where)} "
            "ORDER BY score, d.id LIMIT ?"
        )
        with self._lock:
            rows = self.db.execute(sql, args).fetchall()
            hits = [self._hit(row) for row in rows]
        return hits

    def _hit(self, row: Sequence[Any]) -> Hit:
        doc, kind, claim, deal, source, url, title, date, rownum, year, text, snippet, score = row
        hit = Hit(
            kind=kind,
            text=snippet if len(text) > _LONG else text,
            score=round(-float(score), 4),
            source=source,
            claim=claim,
            deal=deal,
            title=title,
            url=url,
            date=date,
            row=rownum,
            year=year,
        )
        for role, party in self.db.execute(
            "SELECT role, party FROM parties WHERE doc = ? ORDER BY party", (doc,)
        ):
            (hit.buyers if role == "buyer" else hit.suppliers).append(party)
        return hit


def open_index(store: Store) -> SearchIndex:
    """The store's index (the same object for the life of an in-memory store).

    A file that cannot be written (a store directory of another user) gives an in-memory
    index instead: searching still works, it just is rebuilt by each process.
    """
    location = index_location(store)
    if location != ":memory:":
        try:
            return SearchIndex(location)
        except StoreError:
            location = ":memory:"
    index = _MEMORY.get(store)
    if index is None:
        index = _MEMORY[store] = SearchIndex(":memory:")
    return index


def index_exists(store: Store) -> bool:
    """Whether ``store`` already has an index (writers refresh only an existing one)."""
    location = index_location(store)
    if location == ":memory:":
        return store in _MEMORY
    return Path(location).is_file()


def refresh(store: Store) -> RefreshReport:
    """Bring ``store``'s index in step with it (building it on first use)."""
    index = open_index(store)
    try:
        return index.refresh(store)
    finally:
        if index.location != ":memory:":
            index.close()


def resolve_parties(names: Iterable[str]) -> list[str]:
    """Party IRIs for names, ISO codes or IRIs, as the importers mint them (unknown: error)."""
    from kg.queries.named import resolve_party_iri

    return [str(resolve_party_iri(n)) for n in names if n and n.strip()]


def search(
    store: Store,
    text: str,
    *,
    buyer: str | Sequence[str] | None = None,
    supplier: str | Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    limit: int = 20,
) -> list[Hit]:
    """Search ``store`` (refreshing its index first); parties by name, ISO code or IRI."""
    fts_query(text)  # nothing to search for: a usage error before any work
    buyers = resolve_parties([buyer] if isinstance(buyer, str) else buyer or [])
    suppliers = resolve_parties([supplier] if isinstance(supplier, str) else supplier or [])
    index = open_index(store)
    try:
        index.refresh(store)
        return index.search(
            text, buyers=buyers, suppliers=suppliers, year_from=year_from, year_to=year_to, limit=limit
        )
    finally:
        if index.location != ":memory:":
            index.close()


# --- output -------------------------------------------------------------------------------


def party_name(iri: str) -> str:
    """A short name for a party IRI: the country's name, else the last IRI segment."""
    from kg.vocab import reference

    tail = iri.rstrip("/").rsplit("/", 1)[-1]
    if "/country/" in iri:
        record = reference.country_by_iso3(tail)
        if record is not None:
            return record.name
    return tail


def table_rows(hits: Sequence[Hit]) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows for :func:`kg.cli.output.write_rows`."""
    header = ["score", "kind", "text", "supplier", "buyer", "year", "source", "deal", "claim"]
    rows = [
        [
            f"{h.score:.3f}",
            h.kind,
            " ".join(h.text.split()),
            ", ".join(party_name(p) for p in h.suppliers),
            ", ".join(party_name(p) for p in h.buyers),
            h.year,
            h.where,
            URIRef(h.deal) if h.deal else None,
            URIRef(h.claim) if h.claim else None,
        ]
        for h in hits
    ]
    return header, rows


__all__ = [
    "Hit",
    "RefreshReport",
    "SearchError",
    "SearchIndex",
    "fingerprints",
    "fts_query",
    "index_exists",
    "index_location",
    "open_index",
    "refresh",
    "search",
    "table_rows",
]
