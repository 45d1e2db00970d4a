"""Import RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) graph by graph.

A file of triples goes into its own named graph, keyed by the file's resolved path, so
re-importing the same file replaces that graph (idempotent) and an edited file replaces
its old version.  A file that carries named graphs (N-Quads, TriG) keeps them; its
default-graph triples go to the file's own graph.  Each file is parsed completely in
memory by Oxigraph's strict parsers before anything is written, so a malformed file is
rejected with ``file:line`` and leaves the store untouched.

Hostile files are refused before or instead of harming the store: RDF/XML with DTD entity
declarations (``<!ENTITY``: nested internal entities expand a 650-byte file to gigabytes),
a token over the parser's 16 MiB buffer, and graphs kg owns (:func:`reserved_graph`: the
ontology, reference, links and registry graphs and every source graph kg mints), which an
import would silently replace; ``force`` allows the last, except the registry.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.errors import InputError
from kg.ingest.pipeline import Importer, ImportReport, InputOutcome, Prepared, run_import
from kg.rdf.terms import content_hash
from kg.store import Store
from kg.vocab import iris, ns
from kg.vocab.ns import ID

#: File suffix -> Oxigraph format.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
FORMAT_NAMES: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
#: Files above this size are refused before reading: each file is parsed whole in memory
#: (so a malformed file changes nothing), which bounds memory at a few GB.  Load bigger
#: dumps with the oxigraph CLI (`oxigraph load`) into a store of their own.
MAX_FILE_BYTES = 256 * 1024 * 1024


#: IRI prefixes of the graphs kg mints itself (``graph/...`` and the ``source/...`` graphs).
RESERVED_GRAPH_PREFIXES = (str(ID["graph/"]), str(ID["source/"]))


def reserved_graph(graph: str) -> bool:
    """True for a graph kg writes itself: importing RDF into it would replace kg's own data."""
    return graph.startswith(RESERVED_GRAPH_PREFIXES)


def _refuse_entities(data: bytes, path: Path) -> None:
    """Refuse XML that declares DTD entities (billion-laughs expansion), before parsing."""
    text = data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace").encode("utf-8")
    pos = text.find(b"<!ENTITY")
    if pos >= 0:
        raise InputError(
            "RDF/XML with DTD entity declarations (<!ENTITY) is refused: entity expansion can exhaust memory",
            str(path),
            text.count(b"\n", 0, pos) + 1,
        )


def _format_for(path: Path, fmt: str | None) -> ox.RdfFormat:
    if fmt:
        if fmt not in FORMAT_NAMES:
            raise InputError(f"unknown RDF format {fmt!r} (known: {', '.join(FORMAT_NAMES)})", str(path))
        return FORMAT_NAMES[fmt]
    suffix = path.suffix.lower()
    if suffix not in RDF_FORMATS:
        known = ", ".join(sorted(RDF_FORMATS))
        raise InputError(
            f"cannot tell the RDF format from {suffix or 'no suffix'!r} (known: {known})", str(path)
        )
    return RDF_FORMATS[suffix]


def parse_file(path: Path, fmt: str | None = None) -> tuple[ox.Store, bytes]:
    """Parse a whole file into a scratch in-memory store; raise :class:`InputError` on bad input."""
    rdf_format = _format_for(path, fmt)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read file", str(path)) from None
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"file is {size / 2**20:.0f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB limit", str(path)
        )
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 BOM is legal text but not legal Turtle
        data = data[3:]
    if rdf_format == ox.RdfFormat.RDF_XML:
        _refuse_entities(data, path)
    scratch = ox.Store()
    try:
        scratch.load(data, rdf_format, base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        line = exc.lineno
        message = str(exc.msg if hasattr(exc, "msg") else exc)
        raise InputError(f"malformed {rdf_format.name}: {message}", str(path), line) from None
    except (ValueError, OSError) as exc:
        raise InputError(f"cannot parse: {exc}", str(path)) from None
    except MemoryError as exc:  # Oxigraph caps one token (a literal, an IRI) at 16 MiB
        raise InputError(f"too large to parse (a single token over 16 MiB?): {exc}", str(path)) from None
    check_literals(scratch, data, path)
    return scratch, data


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INT = r"[+-]?\d+"
_DEC = r"[+-]?(\d+(\.\d*)?|\.\d+)"
_DBL = r"([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)"
_DATE = r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?"
#: Lexical forms of the XSD datatypes the tool computes with (XSD 1.1 part 2).
LEXICAL: dict[str, re.Pattern[str]] = {
    _XSD + name: re.compile(pattern)
    for name, pattern in {
        "integer": _INT,
        "int": _INT,
        "long": _INT,
        "short": _INT,
        "byte": _INT,
        "nonNegativeInteger": r"\+?\d+|-0+",
        "positiveInteger": r"\+?0*[1-9]\d*",
        "decimal": _DEC,
        "double": _DBL,
        "float": _DBL,
        "boolean": r"true|false|1|0",
        "date": _DATE,
        "dateTime": r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-4]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?",
        "gYear": r"-?\d{4,}(Z|[+-]\d{2}:\d{2})?",
        "gYearMonth": r"-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d{2}:\d{2})?",
    }.items()
}


def check_literals(scratch: ox.Store, data: bytes, path: Path) -> None:
    """Refuse literals whose text is not valid for their XSD datatype (``"abc"^^xsd:integer``).

    Oxigraph's parsers accept them (RDF allows ill-typed literals), but every numeric or
    date computation on them would silently drop the value.  The line is found by
    searching the file for the literal's text.
    """
    for quad in scratch:
        obj = quad.object
        if not isinstance(obj, ox.Literal):
            continue
        pattern = LEXICAL.get(obj.datatype.value)
        if pattern is not None and not pattern.fullmatch(obj.value):
            needle = obj.value.encode("utf-8")
            pos = data.find(b'"' + needle + b'"') if needle else -1
            line = data.count(b"\n", 0, pos) + 1 if pos >= 0 else None
            short = obj.datatype.value.removeprefix(_XSD)
            raise InputError(f"invalid xsd:{short} literal {obj.value[:60]!r}", str(path), line)


def _graph_ntriples(scratch: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> bytes:
    out = io.BytesIO()
    scratch.dump(out, ox.RdfFormat.N_TRIPLES, from_graph=graph)
    return out.getvalue()


def _check_graphs(scratch: ox.Store, path: Path, force: bool) -> None:
    """Refuse a file naming one of kg's own graphs (the registry even with ``force``)."""
    for g in scratch.named_graphs():
        if not isinstance(g, ox.NamedNode) or not reserved_graph(g.value):
            continue
        if g.value == str(iris.REGISTRY_GRAPH):
            raise InputError(
                f"graph <{g.value}> is kg's import bookkeeping; it cannot be imported", str(path)
            )
        if not force:
            raise InputError(
                f"graph <{g.value}> is one of kg's own graphs; importing would replace it "
                "(refused; --force imports it anyway)",
                str(path),
            )


def import_rdf(
    store: Store, paths: list[Path], fmt: str | None = None, *, force: bool = False
) -> ImportReport:
    """Import each file; bad files are refused (file and line in the report), the rest go in.

    A file naming a graph kg owns (:func:`reserved_graph`) is refused unless ``force``
    (which also rewrites a file already imported unchanged).
    """
    return run_import(store, RdfImporter(paths, fmt, force=force), force=force)


class RdfImporter(Importer):
    """RDF files into the pipeline: each file parsed whole in memory, then its graphs.

    The key graph is the file's own graph (its triples outside any named graph, stamped
    with the file's content hash); a file carrying only named graphs has none, so
    re-importing it rewrites the same triples (which changes nothing either).
    """

    def __init__(self, paths: Iterable[Path], fmt: str | None = None, *, force: bool = False) -> None:
        self.paths, self.fmt, self.force = paths, fmt, force

    def inputs(self) -> Iterator[Prepared | InputError]:
        for path in self.paths:
            try:
                scratch, data = parse_file(path, self.fmt)
                _check_graphs(scratch, path, self.force)
            except InputError as exc:
                yield exc
                continue
            file_graph = iris.rdf_file_source(str(path.resolve()))
            graphs: dict[URIRef, bytes] = {}
            for g in scratch.named_graphs():
                if isinstance(g, ox.NamedNode):
                    graphs[URIRef(g.value)] = _graph_ntriples(scratch, g)
            default = _graph_ntriples(scratch, ox.DefaultGraph())
            key = None
            digest = content_hash(data)
            if default or not graphs:
                meta = (
                    (file_graph, RDF.type, ns.Source),
                    (file_graph, ns.sourceFile, Literal(path.name)),
                    (file_graph, ns.contentHash, Literal(digest)),
                )
                header = "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in meta).encode()
                graphs[file_graph] = header + default
                key = file_graph if len(graphs) == 1 else None
            record = InputOutcome(source=str(path), triples=len(scratch))
            yield Prepared(record, graph=key, content_hash=digest, graphs=graphs)
