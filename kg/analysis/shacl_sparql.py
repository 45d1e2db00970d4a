"""SHACL validation compiled to SPARQL and run inside Oxigraph: ``kg validate``'s default engine.

Why: pyshacl walks the shapes in Python, node by node; on the whole SIPRI register (820k
triples) it took 88 s, after the store had been exported and re-parsed by rdflib.  Each
shape of ``ontology/shapes.ttl`` is instead compiled into one SELECT per constraint that
returns the failing (focus node, value) pairs, and Oxigraph runs them over the union of the
store's graphs where the data already is (no export, no copy).  The report is the same as
pyshacl's, result for result (``tests/analysis/test_validate_engines.py`` checks this on data that
breaks every shape; ``scripts/bench_validate.py`` measures both engines on the register).

Only what ``shapes.ttl`` uses is compiled (SHACL Core: targets by class, subjects-of and
SPARQL targets; predicate, inverse, alternative and sequence paths; min/maxCount, datatype,
in, min/maxInclusive, pattern, minLength, nodeKind, class, or of datatypes,
lessThanOrEquals; SHACL-SPARQL constraints).  Anything else raises :class:`Unsupported`,
and :func:`kg.analysis.validate.validate` then falls back to pyshacl: a new kind of shape is never
skipped silently.

Differences that cannot change a result on kg data: class membership follows
``rdfs:subClassOf`` from ``kg.ttl`` and from the data (as pyshacl does with the ontology mixed
in); ill-typed literals are caught for the numeric and boolean datatypes only (the importers
write dates through typed constructors).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

#: Shape predicates that are not constraints (targets, path, metadata).
_NON_CONSTRAINTS = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SH.name,
    SH.description,
    SH.message,
    SH.severity,
    SH.targetClass,
    SH.targetSubjectsOf,
    SH.target,
    SH.path,
}
#: Predicates a shape may carry; anything else makes the shapes :class:`Unsupported`.
_KNOWN = _NON_CONSTRAINTS | {
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["in"],
    SH.minInclusive,
    SH.maxInclusive,
    SH.pattern,
    SH.minLength,
    SH.nodeKind,
    SH["class"],
    SH["or"],
    SH.lessThanOrEquals,
    SH.sparql,
}
_NODE_KINDS = {
    SH.Literal: "isLiteral(?v)",
    SH.IRI: "isIRI(?v)",
    SH.BlankNode: "isBlank(?v)",
    SH.BlankNodeOrIRI: "(isBlank(?v) || isIRI(?v))",
    SH.BlankNodeOrLiteral: "(isBlank(?v) || isLiteral(?v))",
    SH.IRIOrLiteral: "(isIRI(?v) || isLiteral(?v))",
}
_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}
_TEMPLATE = re.compile(r"\{[?$](\w+)\}")
_TRUE = Literal(True)


class Unsupported(Exception):
    """``shapes.ttl`` uses a SHACL feature this compiler does not translate (use pyshacl)."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape as a query whose rows are failures (``?this``, maybe ``?v``)."""

    shape: Node
    severity: str
    messages: tuple[str, ...]
    path: Node | None
    sparql: str
    #: SHACL-SPARQL: the message is a template filled from the row's variables
    template: bool = False
    #: value checks folded into one query: the row says which failed in ?c0, ?c1, ...
    #: (each true flag is one result, as each constraint component is one in SHACL)
    flags: int = 0


@dataclass(frozen=True)
class Failure:
    """A failing row: the check, the focus node, the value (if any), the row's bindings."""

    check: Check
    focus: Node
    value: Node | None
    bindings: dict[str, Node]


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise Unsupported(f"cannot use {node!r} in a compiled check")


def _path(shapes: Graph, path: Node) -> str:
    if isinstance(path, URIRef):
        return _term(path)
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return f"^({_path(shapes, inverse)})"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(shapes, p) for p in Collection(shapes, alternatives)) + ")"
    if shapes.value(path, RDF.first) is not None:
        return "(" + "/".join(_path(shapes, p) for p in Collection(shapes, path)) + ")"
    raise Unsupported(f"path {path!r} is not a predicate, inverse, alternative or sequence path")


def class_closure(graphs: Iterable[Graph | Iterable[tuple[Node, Node]]]) -> Callable[[URIRef], list[URIRef]]:
    """``cls -> [cls and every subclass]`` from ``rdfs:subClassOf`` pairs (transitively)."""
    children: dict[Node, set[Node]] = {}
    for g in graphs:
        pairs = g.subject_objects(RDFS.subClassOf) if isinstance(g, Graph) else g
        for sub, sup in pairs:
            children.setdefault(sup, set()).add(sub)

    def closure(cls: URIRef) -> list[URIRef]:
        seen, todo = {cls}, [cls]
        while todo:
            for sub in children.get(todo.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        return sorted(c for c in seen if isinstance(c, URIRef))

    return closure


def _prefixes(shapes: Graph, owner: Node) -> str:
    """PREFIX lines from the ``sh:prefixes``/``sh:declare`` of a SPARQL target or constraint."""
    lines = []
    for decl_owner in shapes.objects(owner, SH.prefixes):
        for decl in shapes.objects(decl_owner, SH.declare):
            prefix, namespace = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>\n")
    return "".join(lines)


def _targets(shapes: Graph, shape: Node, closure: Callable[[URIRef], list[URIRef]]) -> tuple[str, str]:
    """(prefix lines, a group pattern binding every focus node ``?this`` once)."""
    parts, prefixes = [], ""
    for cls in shapes.objects(shape, SH.targetClass):
        values = " ".join(_term(c) for c in closure(cls))
        parts.append(f"{{ VALUES ?_c {{ {values} }} ?this a ?_c }}")
    for pred in shapes.objects(shape, SH.targetSubjectsOf):
        parts.append(f"{{ ?this {_term(pred)} ?_t }}")
    for target in shapes.objects(shape, SH.target):
        select = shapes.value(target, SH.select)
        if (target, RDF.type, SH.SPARQLTarget) not in shapes or select is None:
            raise Unsupported(f"target {target!r} of {shape} is not a SPARQL target")
        prefixes += _prefixes(shapes, target)
        parts.append(f"{{ {select} }}")
    if not parts:
        raise Unsupported(f"{shape} has no target kg can compile")
    return prefixes, "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"


def _datatype_ok(dt: Node) -> str:
    if not isinstance(dt, URIRef):
        raise Unsupported(f"sh:datatype {dt!r}")
    test = f"(isLiteral(?v) && datatype(?v) = {_term(dt)}"
    if dt in _NUMERIC:
        test += " && isNumeric(?v)"
    elif dt == XSD.boolean:
        test += " && COALESCE(?v = true || ?v = false, false)"
    return test + ")"


def _value_condition(shapes: Graph, pred: Node, obj: Node) -> str:
    """A FILTER expression true when the value ``?v`` violates ``pred obj``."""
    if pred == SH.datatype:
        return f"!{_datatype_ok(obj)}"
    if pred == SH["in"]:
        members = list(Collection(shapes, obj))
        return "!(" + " || ".join(f"sameTerm(?v, {_term(m)})" for m in members) + ")" if members else "true"
    if pred == SH.minInclusive:
        return f"!COALESCE(?v >= {_term(obj)}, false)"
    if pred == SH.maxInclusive:
        return f"!COALESCE(?v <= {_term(obj)}, false)"
    if pred == SH.pattern:
        return f"(isBlank(?v) || !REGEX(STR(?v), {Literal(str(obj)).n3()}))"
    if pred == SH.minLength:
        return f"(isBlank(?v) || STRLEN(STR(?v)) < {int(obj)})"
    if pred == SH.nodeKind:
        if obj not in _NODE_KINDS:
            raise Unsupported(f"sh:nodeKind {obj}")
        return f"!{_NODE_KINDS[obj]}"
    if pred == SH["or"]:
        options = []
        for member in Collection(shapes, obj):
            props = set(shapes.predicates(member))
            if props != {SH.datatype}:
                raise Unsupported("sh:or other than a list of sh:datatype alternatives")
            options.append(_datatype_ok(shapes.value(member, SH.datatype)))
        return "!(" + " || ".join(options) + ")"
    raise Unsupported(f"constraint {pred}")


def _severity(shapes: Graph, shape: Node) -> str:
    sev = shapes.value(shape, SH.severity)
    return str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"


def _messages(shapes: Graph, node: Node) -> tuple[str, ...]:
    return tuple(sorted(str(m) for m in shapes.objects(node, SH.message)))


def compile_shape(shapes: Graph, shape: Node, closure: Callable[[URIRef], list[URIRef]]) -> list[Check]:
    """The checks of one shape: one query for all its value constraints, one per count/pair rule.

    Why fold: each query scans the values of the path once; a shape with a datatype and a
    range check is one scan instead of two.  When the shape targets the subjects of its own
    path predicate (most shapes here), the focus nodes need no sub-query: every subject of the
    predicate is one.
    """
    unknown = set(shapes.predicates(shape)) - _KNOWN
    if unknown:
        raise Unsupported(f"{shape} uses {', '.join(sorted(str(u) for u in unknown))}")
    prefixes, focus = _targets(shapes, shape, closure)
    severity, messages = _severity(shapes, shape), _messages(shapes, shape)
    path_node = shapes.value(shape, SH.path)
    checks: list[Check] = []

    def add(sparql: str, flags: int = 0) -> None:
        checks.append(Check(shape, severity, messages, path_node, prefixes + sparql, False, flags))

    if path_node is None:
        return _node_shape_checks(shapes, shape, prefixes, focus, severity, messages)
    path = _path(shapes, path_node)
    targets = {(p, o) for p, o in shapes.predicate_objects(shape) if p in _TARGETS}
    direct = targets == {(SH.targetSubjectsOf, path_node)}  # every subject of the path is a focus node
    values = f"?this {path} ?v" if direct else f"{focus} ?this {path} ?v"
    if any(len(list(shapes.objects(shape, p))) > 1 for p in (SH.minCount, SH.maxCount)):
        raise Unsupported(f"{shape} has several sh:minCount or sh:maxCount")
    low = max((int(c) for c in shapes.objects(shape, SH.minCount)), default=0)
    high = min((int(c) for c in shapes.objects(shape, SH.maxCount)), default=None)
    if low == 1 and not direct:  # an anti-join: one pass over the path's triples
        add(f"SELECT ?this WHERE {{ {focus} MINUS {{ ?this {path} ?_any }} }}")
    elif low > 1:
        add(
            f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?v }} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {low})"
        )
    if high is not None:  # count every subject's values first, then keep the focus nodes among the few
        over = f"SELECT ?this WHERE {{ ?this {path} ?v }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {high})"
        add(f"SELECT ?this WHERE {{ {{ {over} }} {'' if direct else focus} }}")
    conditions = []
    for pred, obj in sorted(shapes.predicate_objects(shape)):
        if pred in _NON_CONSTRAINTS or pred in (SH.minCount, SH.maxCount):
            continue
        if pred == SH.lessThanOrEquals:
            cond = f"?this {_term(obj)} ?_o FILTER(!COALESCE(?v <= ?_o, false))"
            # one result per failing (value, other value) pair, as pyshacl reports them
            add(f"SELECT DISTINCT ?this ?v ?_o WHERE {{ {values} . {cond} }}")
        elif pred == SH.sparql:
            raise Unsupported("sh:sparql on a property shape")
        elif pred == SH["class"]:  # an anti-join against the typed nodes, not a lookup per value
            typed = " ".join(_term(c) for c in closure(obj))
            add(
                f"SELECT DISTINCT ?this ?v WHERE {{ {values} MINUS {{ VALUES ?_k {{ {typed} }} ?v a ?_k }} }}"
            )
        else:
            conditions.append(_value_condition(shapes, pred, obj))
    if conditions:
        binds = " ".join(f"BIND(COALESCE({c}, true) AS ?c{i})" for i, c in enumerate(conditions))
        flags = " || ".join(f"?c{i}" for i in range(len(conditions)))
        add(
            f"SELECT DISTINCT ?this ?v {' '.join(f'?c{i}' for i in range(len(conditions)))} WHERE {{ {values} {binds} FILTER({flags}) }}",
            len(conditions),
        )
    return checks


_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.target}


def _node_shape_checks(
    shapes: Graph, shape: Node, prefixes: str, focus: str, severity: str, messages: tuple[str, ...]
) -> list[Check]:
    """SHACL-SPARQL constraints of a node shape (the only node-shape constraints kg uses)."""
    others = set(shapes.predicates(shape)) - _NON_CONSTRAINTS - {SH.sparql}
    if others:
        raise Unsupported(f"node shape {shape} with {', '.join(sorted(str(o) for o in others))}")
    checks = []
    for constraint in shapes.objects(shape, SH.sparql):
        select = shapes.value(constraint, SH.select)
        if select is None:
            raise Unsupported(f"SPARQL constraint of {shape} without sh:select")
        body = str(select).replace("$this", "?this")
        own = _messages(shapes, constraint) or messages
        sparql = prefixes + _prefixes(shapes, constraint) + _join(focus, body)
        checks.append(Check(shape, severity, own, None, sparql, True))
    return checks


def _join(focus: str, select: str) -> str:
    """``select`` (a SELECT with ``?this``) restricted to the focus nodes, as one query."""
    return f"SELECT * WHERE {{ {focus} {{ {select} }} }}"


def compile_shapes(shapes: Graph, closure: Callable[[URIRef], list[URIRef]]) -> list[Check]:
    """Every check of every shape (shapes without targets are only reachable by reference: none here)."""
    shape_nodes = set(shapes.subjects(RDF.type, SH.PropertyShape)) | set(
        shapes.subjects(RDF.type, SH.NodeShape)
    )
    checks: list[Check] = []
    for shape in sorted(shape_nodes, key=str):
        if isinstance(shape, BNode):
            raise Unsupported("blank-node shapes (nested sh:property/sh:node)")
        checks.extend(compile_shape(shapes, shape, closure))
    return checks


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """An rdflib term equal to what rdflib's parser makes of the same RDF (plain xsd:string)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return (
        Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))
    )


def run_checks(
    store: ox.Store,
    checks: Sequence[Check],
    progress: Callable[[int, int, Check], None] | None = None,
) -> list[Failure]:
    """Run every check over the union of ``store``'s graphs; the failing rows."""
    failures: list[Failure] = []
    for i, check in enumerate(checks):
        if progress:
            progress(i, len(checks), check)
        result = store.query(check.sparql, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        for solution in result:
            row = {n: to_rdflib(solution[n]) for n in names if solution[n] is not None}
            focus = row.get("this")
            if focus is None:
                continue
            value = row.get("value", row.get("v")) if not check.template else row.get("value", focus)
            times = sum(1 for j in range(check.flags) if row.get(f"c{j}") == _TRUE) if check.flags else 1
            failures.extend(Failure(check, focus, value, row) for _ in range(times))
    if progress:
        progress(len(checks), len(checks), checks[-1] if checks else None)  # type: ignore[arg-type]
    return failures


def fill_template(message: str, bindings: dict[str, Node]) -> str:
    """``{?var}`` / ``{$var}`` in a SHACL-SPARQL message, filled from the failing row."""

    def sub(m: re.Match[str]) -> str:
        value = bindings.get(m.group(1))
        return str(value) if value is not None else m.group(0)

    return _TEMPLATE.sub(sub, message)
