"""SHACL validation of kg data against ``ontology/shapes.ttl``.

The store calls :func:`validate` on its whole :class:`rdflib.Dataset`; ``kg validate`` prints
:attr:`ValidationReport.text` and exits 3 when :attr:`ValidationReport.conforms` is false.

Design choices (see ``ontology/README.md``):

* **Union of all graphs.**  A deal's facts sit in its source's graph, its parties' types in the
  reference graph and its claims in the article graph, so shapes such as "the buyer is a
  kg:Party" can only be checked on the union.  We copy every quad's triple into one private
  :class:`rdflib.Graph`; validation then never touches the caller's data.
* **Ontology mixed in, no inference.**  Every triple of ``kg.ttl`` is added to the union graph.
  SHACL's ``sh:targetClass``/``sh:class`` already follow ``rdfs:subClassOf`` in the data graph,
  so a kg:Country satisfies ``sh:class kg:Party`` without a reasoner.  We do not use pyshacl's
  ``ont_graph`` argument for this: its mix-in copies only RDFS/OWL axioms (it drops the SKOS
  schemes), and its deep clone of ``owl:NamedIndividual`` nodes followed the schemes'
  hasTopConcept/topConceptOf cycles for minutes on an 800-triple ontology.  Adding the triples ourselves is what ``ont_graph`` is meant to do, minus both
  problems.  RDFS inference would be slower and would *hide* errors: ``rdfs:range kg:Company``
  on ``kg:supplierCompany`` would make any wrongly used party a Company, so the ``sh:class``
  check could never fail.
* **SHACL-AF on** (``advanced=True``): one shape pre-selects its focus nodes with a SPARQL
  target, so its SPARQL constraint runs on a handful of candidates instead of every deal.
* **Warnings do not break conformance.**  pyshacl runs with ``allow_warnings=True``; warnings
  (e.g. delivered more than ordered) are listed in ``results`` and ``text`` but ``conforms``
  reflects Violations only.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.paths import Path as RDFPath
from rdflib.term import Node

from kg.analysis import shacl_sparql
from kg.analysis.shacl_sparql import Unsupported
from kg.io.resources import ontology_path
from kg.vocab.ns import PREFIXES

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_LONGEST_FIRST = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda item: -len(item[1]))


class ValidationResult(NamedTuple):
    """One SHACL result: ``(severity, focus, path, message)``.

    ``severity`` is ``"Violation"``, ``"Warning"`` or ``"Info"``; ``focus`` the node that failed;
    ``path`` the property path in compact form (``"kg:buyer"``, ``"^kg:delivery"``) or None for
    node-level constraints; ``message`` the shape's message plus the offending value, if any.
    """

    severity: str
    focus: Node
    path: str | None
    message: str


@dataclass
class ValidationReport:
    """Outcome of :func:`validate`: ``conforms`` is False iff there is at least one Violation."""

    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    text: str = ""

    @property
    def violations(self) -> list[ValidationResult]:
        """Results with severity Violation (the ones that make the data non-conformant)."""
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        """Results with severity Warning (reported, but the data still conforms)."""
        return [r for r in self.results if r.severity == "Warning"]


def _file_key(path: Path) -> tuple[str, int]:
    return (str(path.resolve()), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load(path_str: str, _mtime: int) -> Graph:
    """Parse a Turtle file once per (path, mtime): the store validates after every import."""
    return Graph().parse(path_str, format="turtle")


def _bind(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


def _union(data: Graph | Dataset) -> Graph:
    """A private Graph holding every triple of ``data`` (all named graphs and the default graph)."""
    union = _bind(Graph())
    if isinstance(data, Dataset) or callable(getattr(data, "quads", None)):
        triples = ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
    else:
        triples = iter(data)
    # straight into the store: Graph.add's per-triple checks and events cost more than the add
    store_add = union.store.add
    for triple in triples:
        store_add(triple, union, quoted=False)
    return union


def _compact(node: Node, graph: Graph) -> str:
    """Short human-readable form of an IRI (``kg:buyer``) or literal."""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, ns in _LONGEST_FIRST:
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns) :]}"  # readable, e.g. kgid:deal/sipri/4e77...
        return f"<{text}>"
    if isinstance(node, Literal):
        return node.n3(graph.namespace_manager)
    return str(node)


def _path_text(results: Graph, path: Node | None, data_ns: Graph) -> str | None:
    """Render a SHACL result path: a predicate, or an inverse/sequence path node."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return _compact(path, data_ns)
    if isinstance(path, RDFPath):  # pragma: no cover - pyshacl reports paths as nodes
        return str(path)
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + (_path_text(results, inverse, data_ns) or "?")
    alternatives = results.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_list_texts(results, alternatives, data_ns))
    if results.value(path, RDF.first) is not None:  # a sequence path
        return "/".join(_list_texts(results, path, data_ns))
    return str(path) if not isinstance(path, BNode) else "(complex path)"


def _list_texts(results: Graph, head: Node, data_ns: Graph) -> list[str]:
    parts = []
    node: Node | None = head
    while node is not None and node != RDF.nil:
        parts.append(_path_text(results, results.value(node, RDF.first), data_ns) or "?")
        node = results.value(node, RDF.rest)
    return parts


def _results(results_graph: Graph, names: Graph) -> list[ValidationResult]:
    out: list[ValidationResult] = []
    nested = set(results_graph.objects(None, SH.detail))  # causes of a parent result, not results
    for res in results_graph.subjects(RDF.type, SH.ValidationResult):
        if res in nested:
            continue
        severity_iri = results_graph.value(res, SH.resultSeverity)
        severity = str(severity_iri).rsplit("#", 1)[-1] if severity_iri else "Violation"
        focus = results_graph.value(res, SH.focusNode)
        path = _path_text(results_graph, results_graph.value(res, SH.resultPath), names)
        messages = sorted(str(m) for m in results_graph.objects(res, SH.resultMessage))
        message = "; ".join(messages) or "constraint violated"
        value = results_graph.value(res, SH.value)
        if value is not None and value != focus and not isinstance(value, BNode):
            shown = _compact(value, names)
            if shown not in message:
                message += f" (value: {shown})"
        out.append(ValidationResult(severity, focus, path, message))
    out.sort(key=lambda r: (_SEVERITY_ORDER.get(r.severity, 9), str(r.focus), r.path or "", r.message))
    return out


def _text(conforms: bool, results: list[ValidationResult], names: Graph) -> str:
    counts = {sev: sum(1 for r in results if r.severity == sev) for sev in _SEVERITY_ORDER}
    head = (
        f"Conforms: {conforms} ({counts['Violation']} violations, {counts['Warning']} warnings, "
        f"{counts['Info']} infos)"
    )
    lines = [head]
    for r in results:
        focus = _compact(r.focus, names) if r.focus is not None else "?"
        where = f" {r.path}" if r.path else ""
        lines.append(f"{r.severity}: {focus}{where}: {r.message}")
    return "\n".join(lines) + "\n"


#: Validation engines: SPARQL checks compiled from the shapes and run in Oxigraph (default,
#: :mod:`kg.analysis.shacl_sparql`), or pyshacl (the reference implementation, ~20x slower).
ENGINES = ("sparql", "pyshacl")
Progress = Callable[[int, int, str], None]


def validate(
    data: Graph | Dataset,
    *,
    shapes_path: Path | str | None = None,
    graphs: Iterable[URIRef | str] | None = None,
    engine: str = "sparql",
) -> ValidationReport:
    """Validate ``data`` (a Graph, or a Dataset whose graphs are validated as one union).

    ``engine`` is ``"sparql"`` (:func:`validate_store` on a copy in Oxigraph) or
    ``"pyshacl"``; both give the same report.

    ``shapes_path`` defaults to the packaged ``ontology/shapes.ttl``; the ontology
    ``ontology/kg.ttl`` is always mixed in.  The caller's graph is never modified.

    ``graphs`` (Dataset only) restricts the check to the nodes described in those named
    graphs, e.g. one freshly imported article: their triples from *every* graph plus the
    triples of the nodes they point to and of the nodes pointing at them are validated, and
    only results about the selected nodes are kept.  Every shape looks at most one hop from its
    focus node, so those results are the ones a full run gives for the same nodes, at a
    fraction of the cost.  Validating one graph on its own (without the reference graph
    that types its parties) would instead report every party as untyped.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r} (known: {', '.join(ENGINES)})")
    if graphs is not None and not callable(getattr(data, "quads", None)):
        raise TypeError("graphs= needs a Dataset (named graphs) to select from")
    if engine == "sparql":
        scratch = ox.Store()
        if isinstance(data, Dataset) or callable(getattr(data, "quads", None)):
            payload = data.serialize(format="nquads", encoding="utf-8")
            scratch.load(payload, ox.RdfFormat.N_QUADS)
        else:
            scratch.load(data.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
        try:
            return validate_store(scratch, shapes_path=shapes_path, graphs=graphs, with_ontology=True)
        except Unsupported:
            pass  # a shape the compiler does not translate: the reference engine
    shapes_file = Path(shapes_path) if shapes_path is not None else ontology_path("shapes.ttl")
    shapes = _load(*_file_key(shapes_file))
    ontology = _load(*_file_key(ontology_path("kg.ttl")))
    selected: set[Node] | None = None
    if graphs is None:
        union = _union(data)
    else:
        if not callable(getattr(data, "quads", None)):
            raise TypeError("graphs= needs a Dataset (named graphs) to select from")
        union, selected = _neighbourhood(data, [URIRef(str(g)) for g in graphs])
    for triple in ontology:
        union.store.add(triple, union, quoted=False)
    import pyshacl  # only for this engine: importing it costs ~1 s of start-up

    conforms, results_graph, _ = pyshacl.validate(
        union,
        shacl_graph=shapes,
        inference="none",
        inplace=True,  # ``union`` is our private copy: skip pyshacl's second clone
        allow_warnings=True,
        advanced=True,  # SHACL-AF SPARQL targets (shapes.ttl uses one to pre-select candidates)
    )
    names = _bind(Graph())
    results = _results(results_graph, names)
    if selected is not None:
        results = [r for r in results if r.focus in selected]
    # pyshacl's flag already ignores warnings (allow_warnings); recompute from the results so
    # the report can never disagree with itself.
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms=bool(conforms), results=results, text=_text(conforms, results, names))


def validate_store(
    store: ox.Store,
    *,
    shapes_path: Path | str | None = None,
    graphs: Iterable[URIRef | str] | None = None,
    progress: Progress | None = None,
    with_ontology: bool = False,
) -> ValidationReport:
    """Validate a pyoxigraph store in place with the SPARQL engine (:mod:`kg.analysis.shacl_sparql`).

    The union of all its graphs is checked, as :func:`validate` does; ``graphs`` keeps only
    results about the nodes described in those graphs.  ``with_ontology`` loads ``kg.ttl``
    into the store first (a scratch store; pyshacl's run mixes it in the same way).  Raises
    :class:`kg.analysis.shacl_sparql.Unsupported` when the shapes use a feature it cannot compile.
    """
    shapes_file = Path(shapes_path) if shapes_path is not None else ontology_path("shapes.ttl")
    shapes = _load(*_file_key(shapes_file))
    ontology = _load(*_file_key(ontology_path("kg.ttl")))
    if with_ontology:
        store.load(
            ontology.serialize(format="nt", encoding="utf-8"),
            ox.RdfFormat.N_TRIPLES,
            to_graph=ox.NamedNode("urn:x-kg:validate:ontology"),
        )
    pairs = [
        (URIRef(r[0].value), URIRef(r[1].value))
        for r in store.query(
            f"SELECT DISTINCT ?a ?b WHERE {{ ?a <{RDFS.subClassOf}> ?b FILTER(isIRI(?a) && isIRI(?b)) }}",
            use_default_graph_as_union=True,
        )
    ]
    checks = shacl_sparql.compile_shapes(shapes, shacl_sparql.class_closure([ontology, pairs]))
    names = _bind(Graph())

    def step(i: int, n: int, check: shacl_sparql.Check | None) -> None:
        if progress is not None:
            progress(i, n, _compact(check.shape, names) if check is not None else "")

    failures = shacl_sparql.run_checks(store, checks, step)
    results = []
    for f in failures:
        messages = [shacl_sparql.fill_template(m, f.bindings) for m in f.check.messages]
        message = "; ".join(sorted(messages)) or "constraint violated"
        if f.value is not None and f.value != f.focus and not isinstance(f.value, BNode):
            shown = _compact(f.value, names)
            if shown not in message:
                message += f" (value: {shown})"
        path = _path_text(shapes, f.check.path, names)
        results.append(ValidationResult(f.check.severity, f.focus, path, message))
    if graphs is not None:
        selected: set[Node] = set()
        for g in graphs:
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(g))):
                selected.add(shacl_sparql.to_rdflib(q.subject))  # type: ignore[arg-type]
        results = [r for r in results if r.focus in selected]
    results.sort(key=lambda r: (_SEVERITY_ORDER.get(r.severity, 9), str(r.focus), r.path or "", r.message))
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms=conforms, results=results, text=_text(conforms, results, names))


def _neighbourhood(data: Dataset, graph_iris: list[URIRef]) -> tuple[Graph, set[Node]]:
    """Triples about the subjects of ``graph_iris`` (from all graphs) and their neighbours."""
    selected: set[Node] = set()
    for iri in graph_iris:
        for s, _, _, _ in data.quads((None, None, None, iri)):
            selected.add(s)
    union = _bind(Graph())
    add = union.store.add
    neighbours: set[Node] = set()
    for node in selected:
        for s, p, o, _ in data.quads((node, None, None, None)):
            add((s, p, o), union, quoted=False)
            if isinstance(o, URIRef):
                neighbours.add(o)
        for s, p, o, _ in data.quads((None, None, node, None)):  # inverse paths (^kg:delivery)
            add((s, p, o), union, quoted=False)
            neighbours.add(s)
    for node in neighbours - selected:
        for s, p, o, _ in data.quads((node, None, None, None)):
            add((s, p, o), union, quoted=False)
    return union, selected


def validate_file(path: Path | str, *, shapes_path: Path | str | None = None) -> ValidationReport:
    """Parse an RDF file (format guessed from the extension; TriG/N-Quads keep their graphs)."""
    path = Path(path)
    ds = Dataset()
    fmt = _guess_format(path)
    ds.parse(str(path), format=fmt)
    return validate(ds, shapes_path=shapes_path)


def _guess_format(path: Path) -> str:
    from rdflib.util import guess_format

    fmt = guess_format(str(path))
    if fmt is None:
        raise ValueError(f"cannot tell the RDF format of {path.name!r} from its extension")
    return fmt
