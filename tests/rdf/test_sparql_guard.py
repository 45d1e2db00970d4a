"""kg.rdf.sparql_guard: the SERVICE/LOAD refusal that does not tokenize (issue 11, defect 1a).

Unit cases for each way a naive scan goes wrong, properties over arbitrary text, and a
differential test: random token soups that the check lets through are run by Oxigraph
itself with a real listener on 127.0.0.1 as the target, and must never connect to it.
"""

from __future__ import annotations

import contextlib

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.rdf.sparql_guard import OutboundRefused, check_outbound, refuse_outbound, unescape_once
from scripts.listener import CountingListener

URL = "http://127.0.0.1:9/"


@pytest.mark.parametrize(
    "query",
    [
        # the bypasses: keyword glued to a prefixed name, a name ending before a dot, ;LOAD
        f"PREFIX ex: <{URL}> SELECT * {{ SERVICEex:sparql {{ ?a ?b ?c }} }}",
        f"PREFIX : <https://w3id.org/defence-kg/ontology#Deal> SELECT * {{ GRAPH ?g {{ ?s a :.SERVICE <{URL}dot> {{ ?a ?b ?c }} }} }}",
        f"PREFIX ex: <{URL}> INSERT DATA {{ <a:a> <a:b> <a:c> }} ;LOADex:x",
        # escapes, case, Unicode case mapping
        f"SELECT * {{ \\u0053ERVICE <{URL}> {{ ?a ?b ?c }} }}",
        f"SELECT * {{ \\U00000073ervice <{URL}> {{ ?a ?b ?c }} }}",
        f"SELECT * {{ \\u005Cu0053ERVICE <{URL}> {{ }} }}",  # an escaped backslash escaping again
        f"SELECT * {{ ſERVICE <{URL}> {{ }} }}",
        f"lOaD <{URL}x>",
        # '<' as less-than: what looks like an IRI is code
        f"SELECT * {{ ?a ?b ?c FILTER(?a<?b)SERVICE#>\n<{URL}>{{?x ?y ?z}} }}",
        f"SELECT * {{ FILTER(?a<?b&&'x>'=?c) SERVICE<{URL}>{{?x ?y ?z}} #'\n}}",
        # quotes in comments and escaped in prefixed names must not open strings
        f"SELECT * {{ ?s ?p '''\n'''. SERVICE <{URL}> {{}} #'''\n}}",
        f"PREFIX ex: <http://e/> SELECT * {{ ?s ex:p\\#'''\n''' . SERVICE <{URL}> {{}} # '''\n}}",
        f"SELECT * {{ # it's\n SERVICE <{URL}> {{}} #'\n}}",
        # unterminated strings stay checked
        'SELECT * { ?s ?p "open SERVICE }',
        "SELECT * { ?s ?p '''open\nSERVICE }",
        # refused on purpose (the rare false refusal)
        "PREFIX service: <http://e/> SELECT * {}",
        "SELECT * {} # load the deals",
    ],
)
def test_refused(query: str) -> None:
    reason = refuse_outbound(query)
    assert reason is not None and reason.startswith("refused:") and "\n" not in reason
    with pytest.raises(OutboundRefused):
        check_outbound(query)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { ?s ?p ?o }",
        'SELECT * { ?s ?p "SERVICE <http://x/> LOAD" }',
        "SELECT * { ?s ?p '''multi\nline service'''@en }",
        'SELECT * { ?s ?p "with \\" quote SERVICE" }',
        "SELECT ?service ?load $LOADED { <http://x/service/load> ?p ?service }",
        "SELECT * { ?s ?p ?o FILTER(?p = <http://www.w3.org/2000/01/rdf-schema#label>) }",
        "SELECT * { ?s ?p ?o FILTER(?o < 3 && ?o > 1) } # ordinary comment",
        "PREFIX kg: <https://w3id.org/defence-kg/ontology#> SELECT * { ?d a kg:Deal }",
    ],
)
def test_allowed(query: str) -> None:
    assert refuse_outbound(query) is None
    check_outbound(query)


def test_unescape_once_leaves_impossible_code_points() -> None:
    assert unescape_once("\\u0053\\uD800\\U00110000") == "S\\uD800\\U00110000"


def test_adversarial_texts_are_refused_in_bounded_time() -> None:
    # forks on every '<...#...>' inside parentheses: refused (or decided) without blowing up
    for body in ("?a<?b#>'", "(?a<?b)>'", "<a'>(<b#>)"):
        assert refuse_outbound("SELECT * { FILTER(" + body * 5000 + ")} 'SERVICE'") is not None


SOUP = st.sampled_from(
    [
        "SERVICE",
        "service",
        "SERVICEex:s",
        ":.SERVICE",
        "LOAD",
        "ex:s",
        f"<{URL}>",
        "<http://x/a#b>",
        "<http://x/a'b>",
        "<a(b)>",
        '"s"',
        "'s'",
        '"""a\n"""',
        "'''",
        '"',
        "'",
        "#",
        "# c",
        "\n",
        "?a",
        "$e",
        "<",
        ">",
        "(",
        ")",
        "{",
        "}",
        ".",
        "&&",
        "FILTER",
        "SILENT",
        "\\",
        "\\#",
        " ",
    ]
)
TEXT = st.text(alphabet="SERVICELOADsl\"'<>#\\?$(){}: \n.x", max_size=60)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_a_keyword_on_its_own_line_is_always_refused(prefix: str) -> None:
    """Whatever comes before, nothing can hide a SERVICE that starts a line (no removed
    region can span it: strings need a closing quote, IRIs a '>', variables end at a newline)."""
    assert refuse_outbound(prefix + "\nSERVICE") is not None
    assert refuse_outbound(prefix + "\n\\u004COAD") is not None


@pytest.fixture(scope="module")
def target():
    with CountingListener() as listener:
        yield listener


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(SOUP, min_size=1, max_size=14))
def test_what_the_check_lets_through_never_connects(target: CountingListener, tokens: list[str]) -> None:
    """Differential: Oxigraph runs every accepted soup with a live listener as the target."""
    body = " ".join(tokens).replace("127.0.0.1:9", f"127.0.0.1:{target.port}")
    query = f"PREFIX ex: <{target.url}> PREFIX : <{target.url}> SELECT * WHERE {{ {body} }}"
    if refuse_outbound(query) is not None:
        return
    before = target.connections
    with contextlib.suppress(SyntaxError, OSError, RuntimeError, ValueError, TypeError):
        list(ox.Store().query(query))  # type: ignore[arg-type]
    assert target.sync() == before, query
