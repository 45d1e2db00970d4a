"""Deterministic SERVICE / LOAD spellings aimed at one URL (issue 11: the SSRF class).

Every text asks the engine to reach ``url`` (or would, were it valid SPARQL): the keyword
in many spellings (case, ``\\u`` escapes of its letters, glued to prefixed names, dots,
comments and newlines around it), the target as an IRI, a relative IRI under ``BASE``, a
prefixed name, or a variable bound to the IRI, and the clause inside the shapes a query
can take (nested groups, OPTIONAL, UNION, MINUS, FILTER [NOT] EXISTS, GRAPH, subqueries,
ASK/CONSTRUCT, updates' WHERE).  Updates add LOAD in the same spellings.  The set is
built by cycling the dimensions with co-prime strides, so each value meets many others
and the same call always returns the same list.
"""

from __future__ import annotations

from collections.abc import Callable


def keyword_spellings(word: str) -> list[str]:
    """Case variants, then ``\\u`` / ``\\U`` escapes of each letter (upper- and lower-case hex).

    (Oxigraph 0.5 parses the escaped ones as syntax errors; SPARQL 1.1 says they are the
    keyword, so another engine, or a later Oxigraph, may run them: refused all the same.)
    """
    out = [word, word.lower(), word.capitalize(), word.swapcase().capitalize().swapcase()]
    out += ["".join(c.lower() if k % 2 else c for k, c in enumerate(word))]
    out += ["".join(c if k % 2 else c.lower() for k, c in enumerate(word))]
    out += [word[:-1] + word[-1].lower(), word[0].lower() + word[1:]]
    out = list(dict.fromkeys(out))
    for k, c in enumerate(word):
        out.append(word[:k] + f"\\u{ord(c):04X}" + word[k + 1 :])
        out.append(word[:k] + f"\\u{ord(c.lower()):04x}" + word[k + 1 :])
        out.append(word[:k] + f"\\U{ord(c):08X}" + word[k + 1 :])
    out.append("".join(f"\\u{ord(c):04X}" for c in word))
    return list(dict.fromkeys(out))


def pick(words: list[str], i: int) -> str:
    """The i-th keyword: a case variant three times in four, an escaped spelling the fourth."""
    plain = [w for w in words if "\\" not in w]
    escaped = [w for w in words if "\\" in w]
    return escaped[(i // 4) % len(escaped)] if i % 4 == 3 else plain[i % len(plain)]


#: What may stand between the keyword and its target.
SEPARATORS = [" ", "\n", "\t", "  \r\n ", " # a comment\n", "#x\n", "\n#\n\t", "\n\n"]

# A target form: (keyword, separator, url) -> (prologue, clause text that reaches url)
Target = Callable[[str, str, str], tuple[str, str]]

GROUP = "{ ?a ?b ?c }"


def _iri(kw: str, sep: str, url: str) -> tuple[str, str]:
    return "", f"{kw}{sep}<{url}sparql> {GROUP}"


def _glued_iri(kw: str, sep: str, url: str) -> tuple[str, str]:
    return "", f"{kw}<{url}sparql>{GROUP}"


def _silent(kw: str, sep: str, url: str) -> tuple[str, str]:
    return "", f"{kw}{sep}SILENT{sep}<{url}sparql> {GROUP}"


def _glued_prefixed(kw: str, sep: str, url: str) -> tuple[str, str]:
    return f"PREFIX ex: <{url}>\n", f"{kw}ex:sparql {GROUP}"


def _prefixed(kw: str, sep: str, url: str) -> tuple[str, str]:
    return f"PREFIX ex: <{url}>\n", f"{kw}{sep}ex:sparql {GROUP}"


def _empty_prefix(kw: str, sep: str, url: str) -> tuple[str, str]:
    return f"PREFIX : <{url}>\n", f"{kw}{sep}:sparql {GROUP}"


def _dot_glued(kw: str, sep: str, url: str) -> tuple[str, str]:
    return (
        "PREFIX : <https://w3id.org/defence-kg/ontology#Deal>\n",
        f"?s a :.{kw}{sep}<{url}dot> {GROUP}",
    )


def _base_relative(kw: str, sep: str, url: str) -> tuple[str, str]:
    return f"BASE <{url}>\n", f"{kw}{sep}<sparql> {GROUP}"


def _bound_variable(kw: str, sep: str, url: str) -> tuple[str, str]:
    return "", f"BIND(<{url}sparql> AS ?e) {kw}{sep}?e {GROUP}"


def _values_variable(kw: str, sep: str, url: str) -> tuple[str, str]:
    return "", f"VALUES ?e {{ <{url}sparql> }} {kw}{sep}$e {GROUP}"


def _after_filter(kw: str, sep: str, url: str) -> tuple[str, str]:
    return "", f"?a ?b ?c FILTER(?a<?b){kw}{sep}<{url}sparql> {GROUP}"


def _prefix_named_like_keyword(kw: str, sep: str, url: str) -> tuple[str, str]:
    return f"PREFIX {kw.lower()}x: <{url}>\n", f"{kw}{sep}<{url}sparql> {GROUP}"


TARGETS: list[Target] = [
    _iri,
    _glued_iri,
    _silent,
    _glued_prefixed,
    _prefixed,
    _empty_prefix,
    _dot_glued,
    _base_relative,
    _bound_variable,
    _values_variable,
    _after_filter,
    _prefix_named_like_keyword,
]

#: Query shapes around the clause ``{}``.
WRAPPERS = [
    "SELECT * WHERE {{ {} }}",
    "SELECT * {{ {{ {{ {} }} }} }}",
    "SELECT * WHERE {{ OPTIONAL {{ {} }} }}",
    "SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ {} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o MINUS {{ {} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ {} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER(NOT EXISTS {{ {} }}) }}",
    "SELECT * WHERE {{ GRAPH ?g {{ {} }} }} LIMIT 1",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ {} }} }} }}",
    "ASK {{ {} }}",
    "CONSTRUCT {{ ?a ?b ?c }} WHERE {{ {} }}",
    "select distinct ?a where {{ optional {{ {{ {} }} union {{ ?s ?p ?o }} }} }}",
]

UPDATE_WRAPPERS = [
    "INSERT {{ ?a ?b ?c }} WHERE {{ {} }}",
    "DELETE {{ ?a ?b ?c }} WHERE {{ OPTIONAL {{ {} }} }}",
    "INSERT DATA {{ <a:a> <a:b> <a:c> }} ;\nINSERT {{ ?a ?b ?c }} WHERE {{ {{ {} }} UNION {{ }} }}",
]


def _loads(url: str) -> list[str]:
    """LOAD in every keyword spelling, target form and separator."""
    forms: list[Callable[[str, str], str]] = [
        lambda kw, sep: f"{kw}{sep}<{url}x.ttl>",
        lambda kw, sep: f"{kw}{sep}SILENT{sep}<{url}x.ttl>",
        lambda kw, sep: f"{kw}{sep}<{url}x.ttl>{sep}INTO GRAPH <http://e/g>",
        lambda kw, sep: f"PREFIX ex: <{url}>\nINSERT DATA {{ <a:a> <a:b> <a:c> }} ;{kw}ex:x",
        lambda kw, sep: f"PREFIX ex: <{url}>\n{kw}{sep}ex:x",
        lambda kw, sep: f"BASE <{url}>\n{kw}{sep}<x.ttl>",
        lambda kw, sep: f"CLEAR SILENT GRAPH <http://e/g> ;{sep}{kw}<{url}x.ttl>",
        lambda kw, sep: (
            f"PREFIX : <https://w3id.org/defence-kg/ontology#>\nINSERT DATA {{ :a :b :c }};{kw}:x"
        ),
    ]
    words = keyword_spellings("LOAD")
    out = []
    for i in range(24 * len(forms)):
        kw = pick(words, i)
        sep = SEPARATORS[(i // 3) % len(SEPARATORS)]
        out.append(forms[(i // 2) % len(forms)](kw, sep))
    return out


def spellings(url: str, *, queries: int = 480) -> list[tuple[str, str]]:
    """``(kind, text)`` pairs, kind ``query`` or ``update``; ``url`` ends with ``/``."""
    words = keyword_spellings("SERVICE")
    out: list[tuple[str, str]] = []
    for i in range(queries):
        kw = pick(words, i)
        sep = SEPARATORS[(i // 5) % len(SEPARATORS)]
        target = TARGETS[(i // 2) % len(TARGETS)]
        wrapper = WRAPPERS[(i // 7) % len(WRAPPERS)]
        prologue, clause = target(kw, sep, url)
        out.append(("query", prologue + wrapper.format(clause)))
    for i in range(len(UPDATE_WRAPPERS) * len(TARGETS)):
        prologue, clause = TARGETS[i % len(TARGETS)](pick(words, i), SEPARATORS[i % 4], url)
        out.append(("update", prologue + UPDATE_WRAPPERS[i // len(TARGETS)].format(clause)))
    out += [("update", text) for text in _loads(url)]
    return list(dict.fromkeys(out))
