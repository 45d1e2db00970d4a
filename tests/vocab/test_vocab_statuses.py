"""kg.vocab.statuses: one status order and one modality set, tied to the ontology and the queries.

Three kinds of check: the vocabulary equals what ``ontology/kg.ttl`` says (so the two cannot
drift); the SPARQL files that restate it (they must, SPARQL cannot import Python) say the
same; and no module of ``kg/`` defines a second copy (an AST scan for literals that look
like a status order, a status rank table or a modality set).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from helpers.paths import REPO
from rdflib import Graph
from rdflib.namespace import SKOS

from kg.io.resources import ontology_path
from kg.queries import load_queries
from kg.vocab import ns, statuses
from kg.vocab.statuses import (
    CONTRACTED,
    DELIVERY,
    EVENT_KIND,
    LIFECYCLE,
    MIN_CONFIDENCE,
    MODALITIES,
    NOT_FACTUAL,
    OFF_LIFECYCLE,
    PRE_CONTRACT,
    RANK,
    STATUS_KEYS,
    latest_stage,
)

ROOT = REPO
KG_DIR = ROOT / "kg"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path("kg.ttl"), format="turtle")


# --- the vocabulary equals the ontology ------------------------------------------------------


def test_lifecycle_is_the_ontology_rank_order(onto: Graph) -> None:
    ranked = {
        str(onto.value(concept, SKOS.notation)): int(rank)
        for concept, rank in onto.subject_objects(ns.lifecycleRank)
    }
    assert [k for k, _ in sorted(ranked.items(), key=lambda kv: kv[1])] == list(LIFECYCLE)
    assert sorted(ranked.values()) == list(range(len(LIFECYCLE)))
    for key in OFF_LIFECYCLE:  # delayed / cancelled / unknown have no place in the order
        assert onto.value(ns.STATUSES[key], ns.lifecycleRank) is None


def test_status_keys_are_the_ns_table_and_the_scheme(onto: Graph) -> None:
    assert tuple(ns.STATUSES) == STATUS_KEYS
    notations = {str(onto.value(c, SKOS.notation)) for c in onto.subjects(SKOS.inScheme, ns.DealStatusScheme)}
    assert notations == set(STATUS_KEYS)
    assert set(EVENT_KIND) == set(STATUS_KEYS)


def test_modalities_are_the_ontology_scheme(onto: Graph) -> None:
    notations = {str(onto.value(c, SKOS.notation)) for c in onto.subjects(SKOS.inScheme, ns.ModalityScheme)}
    assert notations == set(MODALITIES)
    non_factual = {
        str(onto.value(c, SKOS.notation)) for c in onto.objects(ns.NonFactualModalities, SKOS.member)
    }
    assert non_factual == set(NOT_FACTUAL)
    assert set(MODALITIES) > NOT_FACTUAL
    for key, concept in ns.MODALITY_CONCEPTS.items():
        assert str(onto.value(concept, SKOS.notation)) == key
    for key in MODALITIES:  # each modality documented, in code and in the ontology
        assert MODALITIES[key].strip()
        assert onto.value(ns.MODALITY_CONCEPTS[key], SKOS.definition)


def test_retired_modality_tokens_are_gone(onto: Graph) -> None:
    """'asserted' and 'speculative' were documented but never emitted; nothing may use them."""
    comment = str(onto.value(ns.modality, ns.RDFS.comment))
    for token in ("asserted", "speculative", "actual"):
        assert f"'{token}'" not in comment
        assert token not in MODALITIES


def test_json_docs_list_the_modalities() -> None:
    """docs/extract-json.md and the extractor's model docstring name exactly MODALITIES."""
    doc = (ROOT / "docs" / "extract-json.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if line.startswith("| `modality` |"))
    assert set(re.findall(r"`([a-z]+)`", row.split("|")[2].split(" when ")[0])) == set(MODALITIES)
    from kg.extract import model

    line = next(x for x in (model.__doc__ or "").splitlines() if '"modality":' in x)
    assert set(re.findall(r'"([a-z]+)"', line.split(":", 1)[1])) == set(MODALITIES)


def test_derived_sets() -> None:
    assert PRE_CONTRACT + CONTRACTED == LIFECYCLE
    assert DELIVERY == ("delivering", "delivered")
    assert [RANK[k] for k in LIFECYCLE] == list(range(6))
    assert latest_stage({"offered", "signed", "unknown", "delayed"}) == "signed"
    assert latest_stage({"unknown", "cancelled"}) is None
    assert statuses.is_factual_modality(None) and statuses.is_factual_modality("reported")
    assert not statuses.is_factual_modality("expected")


# --- the SPARQL files say the same -----------------------------------------------------------

_STATUS_IRI = {f"kg:{str(iri).rsplit('#', 1)[1]}": key for key, iri in ns.STATUSES.items()}


def _status_list(text: str) -> set[str]:
    return {_STATUS_IRI[t] for t in re.findall(r"kg:[A-Za-z]+", text) if t in _STATUS_IRI}


def _queries() -> dict[str, str]:
    return {name: q.sparql for name, q in load_queries().items()}


def test_status_sequences_rq_uses_the_lifecycle() -> None:
    """The impossible-sequence condition is CONTRACTED then PRE_CONTRACT, or cancelled then DELIVERY."""
    text = _queries()["status-sequences"]
    first = re.search(r"\?earlierStatus IN \(([^)]*)\)\s*&&\s*\?laterStatus IN \(([^)]*)\)", text)
    assert first is not None
    assert _status_list(first.group(1)) == set(CONTRACTED)
    assert _status_list(first.group(2)) == set(PRE_CONTRACT)
    second = re.search(r"\?earlierStatus = (kg:\w+) && \?laterStatus IN \(([^)]*)\)", text)
    assert second is not None
    assert _STATUS_IRI[second.group(1)] == "cancelled"
    assert _status_list(second.group(2)) == set(DELIVERY)


def test_rq_modality_lists_are_not_factual() -> None:
    """Every modality list in a named query is the NOT_FACTUAL set, and the confidence floor is
    MIN_CONFIDENCE."""
    seen = 0
    for name, text in _queries().items():
        for found in re.findall(r"STR\(\?\w+\)\s+(?:NOT\s+)?IN\s*\(([^)]*)\)", text):
            tokens = set(re.findall(r'"([a-z]+)"', found))
            if tokens & (set(MODALITIES) | {"asserted", "speculative"}):
                assert tokens == set(NOT_FACTUAL), name
                seen += 1
        for floor in re.findall(r"kg:confidence \?\w+ \}\s*FILTER\(\?\w+ < ([0-9.]+)\)", text):
            assert float(floor) == MIN_CONFIDENCE, name
    assert seen >= 3  # status-sequences (twice), deal-status


def test_deal_events_rq_event_kinds() -> None:
    """deal-events.rq's status -> event chain is EVENT_KIND."""
    text = _queries()["deal-events"]
    pairs = re.findall(r'IF\(\?status (?:= (kg:\w+)|IN \(([^)]*)\)), "(\w+)"', text)
    assert pairs
    mapped: dict[str, str] = {}
    for single, several, kind in pairs:
        for key in _status_list(single or several):
            mapped[key] = kind
    fallback = re.search(r'"(\w+)"\)+ AS \?event\)', text)
    assert fallback is not None
    for key in STATUS_KEYS:
        assert mapped.get(key, fallback.group(1)) == EVENT_KIND[key], key


# --- no second definition in kg/ -------------------------------------------------------------

#: (file, line text fragment) -> why it may stay.  Keep this short (empty now: the extractor's
#: status cue table is derived from kg.vocab.statuses).
_ALLOWED: set[tuple[str, str]] = set()
_VOCAB_FILES = {"kg/vocab/statuses.py", "kg/vocab/ns.py"}
_LEGACY_MODALITIES = {"asserted", "actual", "fact", "speculative"}


def _literal_strings(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.Dict):
        elts: list[ast.expr | None] = list(node.keys)
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        elts = list(node.elts)
    else:
        return None
    return [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def second_definitions(path: Path, source: str) -> list[str]:
    """Literals in one module that restate the status order, a status rank or a modality set."""
    found: list[str] = []
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source)):
        strings = _literal_strings(node)
        if not strings:
            continue
        is_dict = isinstance(node, ast.Dict)
        stages = [RANK[s] for s in strings if s in RANK]
        stage_set = set(strings) & set(LIFECYCLE)
        # a tuple/list/set: the lifecycle (or part of it) in order, or a named part of it
        ordered = (
            not is_dict
            and len(stages) >= 3
            and (stages == sorted(stages) or stages == sorted(stages, reverse=True))
        )
        named_set = not is_dict and len(stage_set) >= 2 and stage_set in (set(PRE_CONTRACT), set(CONTRACTED))
        full_status_list = not is_dict and set(STATUS_KEYS) <= set(strings)
        # a dict: a rank table, or a per-status table keyed in the vocabulary's order (a copy)
        rank_table = (
            is_dict
            and len([s for s in strings if s in STATUS_KEYS]) >= 3
            and all(isinstance(v, ast.Constant) and isinstance(v.value, int) for v in node.values)
        )
        status_table = is_dict and [s for s in strings if s in STATUS_KEYS] == list(STATUS_KEYS)
        modal = {s for s in strings if s in MODALITIES}
        modality_set = (
            (len(modal) >= 3 or modal == set(NOT_FACTUAL))
            or (bool(modal) and bool(set(strings) & _LEGACY_MODALITIES))
            or len(set(strings) & _LEGACY_MODALITIES) >= 2
        )
        if ordered or named_set or full_status_list or rank_table or status_table or modality_set:
            line = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
            found.append(f"{node.lineno}: {line.strip()}")
    return found


def test_scanner_finds_copies() -> None:
    """The scan must flag the copies this issue removed (so it cannot pass vacuously)."""
    samples = {
        'RANK = {k: i for i, k in enumerate(("offered", "negotiating", "approved", "signed"))}': 1,
        'PRE = frozenset({"offered", "negotiating", "approved"})': 1,
        'NOT_FACTUAL = frozenset({"expected", "planned", "possible"})': 1,
        'if mod and mod not in ("asserted", "actual", "fact"): pass': 1,
        'for st in ("signed", "approved", "negotiating", "offered", "unknown"): pass': 1,
        'R = {"cancelled": 9, "delivered": 7, "signed": 5}': 1,
        'ok = st in ("delivering", "delivered") or m in ("possible", "reported")': 0,
        'w = {"signed": "signed", "negotiating": "under negotiation", "offered": "offered"}': 0,
        'K = {"offered": "offer", "negotiating": "negotiation", "approved": "approval", "signed": "order",'
        ' "delivering": "delivery", "delivered": "delivery", "delayed": "delay", "cancelled": "x",'
        ' "unknown": "mention"}': 1,
    }
    for text, expected in samples.items():
        assert len(second_definitions(Path("x.py"), text)) == expected, text


def test_no_second_definition_in_kg() -> None:
    offenders: list[str] = []
    for path in sorted(KG_DIR.rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        if rel in _VOCAB_FILES:
            continue
        for hit in second_definitions(path, path.read_text(encoding="utf-8")):
            if any(rel == f and frag in hit for f, frag in _ALLOWED):
                continue
            offenders.append(f"{rel}:{hit}")
    assert not offenders, "status order / modality set defined outside kg.vocab.statuses:\n" + "\n".join(
        offenders
    )


def test_shapes_allow_exactly_the_modalities() -> None:
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    lists = [
        {str(m) for m in Collection(shapes, lst)}
        for shape in shapes.subjects(SH.path, ns.modality)
        for lst in shapes.objects(shape, SH["in"])
    ]
    assert lists == [set(MODALITIES)]
