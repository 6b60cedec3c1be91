"""Query headers, parameter types, what kg query takes for a query, and the checks and
limits of read-only evaluation, on small hand-made inputs."""

from __future__ import annotations

import time

import pytest
from rdflib import Literal, URIRef

from kg.errors import InputError, KgError
from kg.graph.build import new_graph
from kg.graph.vocab import KG, RDFS
from kg.query.evaluate import QueryError, QueryLimitError, prepare_query, run_query
from kg.query.formats import format_result, result_rows
from kg.query.library import load_query, named_query, parse_named_query, parse_parameters

HEADER = """# title: Things by name
# description: Every thing with this name,
#   and its label.
# param: name (string, default BERT): the name,
#   exactly
# param: n (integer): a number
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?thing WHERE { ?thing rdfs:label ?name }
"""


@pytest.fixture
def tiny():
    g = new_graph()
    for key, label in [("bert", "BERT"), ("gpt", "GPT"), ("odd", 'x"} ; DROP ALL #')]:
        g.add((URIRef(f"https://w3id.org/mlkg/id/model/{key}"), RDFS.label, Literal(label)))
        g.add((URIRef(f"https://w3id.org/mlkg/id/model/{key}"), KG.family, Literal(key)))
    return g


def test_header_fields_and_continuations():
    q = parse_named_query("things", HEADER, "things.rq")
    assert q.title == "Things by name"
    assert q.description == "Every thing with this name, and its label."
    assert [(p.name, p.type, p.default, p.doc) for p in q.params] == [
        ("name", "string", "BERT", "the name, exactly"), ("n", "integer", None, "a number")]
    assert q.bindings({}) == {"name": Literal("BERT")}
    assert q.bindings({"n": "7"})["n"] == Literal(7)


@pytest.mark.parametrize("line, message", [
    ("# author: me", "things.rq:3: unknown header field 'author' (expected title, "
                     "description, param or key)"),
    ("# key: k := x", "things.rq:3: expected 'key: NAME = FUNCTION(PARAM)', not 'k := x'"),
    ("# key: k = upper(x)", "things.rq:3: unknown key function 'upper' (expected one of "
                            "name_key, person_key)"),
    ("# key: k = name_key(x)", "things.rq:3: key 'k': 'x' is not a string parameter of the "
                               "query"),
    ("# param: name string: the name", "things.rq:3: expected 'param: NAME (TYPE[, default "
                                       "VALUE]): what it is', not 'name string: the name'"),
    ("# param: name (text): the name", "things.rq:3: unknown parameter type 'text' (expected "
                                       "one of string, integer, decimal, boolean, iri)"),
    ("# param: n (integer, default many): a count",
     "things.rq:3: bad default: things.rq: parameter 'n' must be an integer, not 'many'"),
])
def test_broken_headers_name_the_file_and_line(line, message):
    text = f"# title: T\n# description: D\n{line}\nSELECT * WHERE {{ ?s ?p ?o }}\n"
    with pytest.raises(InputError) as caught:
        parse_named_query("things", text, "things.rq")
    assert str(caught.value) == message


def test_a_key_is_bound_to_the_key_of_its_parameter():
    text = HEADER.replace("PREFIX", "# key: nameKey = name_key(name)\nPREFIX")
    q = parse_named_query("things", text, "things.rq")
    assert [(k.name, k.function, k.param) for k in q.keys] == [("nameKey", "name_key", "name")]
    assert q.bindings({})["nameKey"] == Literal("bert")
    assert q.bindings({"name": "ERNIE-ViLG 2.0"})["nameKey"] == Literal("ernievilg2.0")
    person = parse_named_query("p", "# title: T\n# description: D\n# param: who (string): "
                               "a person\n# key: whoKey = person_key(who)\nSELECT * {}")
    assert person.bindings({"who": "  Hua  WU "})["whoKey"] == Literal("hua wu")
    assert person.bindings({}) == {}  # no value, no key
    with pytest.raises(KgError, match="unknown parameter 'whoKey'"):
        person.bindings({"whoKey": "x"})  # a key is computed, never given


@pytest.mark.parametrize("key, message", [
    ("n = name_key(name)", "key 'n': the variable is already a parameter or a key"),
    ("k = name_key(n)", "key 'k': 'n' is not a string parameter of the query"),
])
def test_a_key_needs_its_own_variable_and_a_string_parameter(key, message):
    with pytest.raises(InputError, match=message):
        parse_named_query("things", HEADER.replace("PREFIX", f"# key: {key}\nPREFIX"))


def test_a_header_needs_a_title_and_a_description():
    with pytest.raises(InputError, match=r"^q.rq:1: the header has no description$"):
        parse_named_query("q", "# title: T\nSELECT * WHERE { ?s ?p ?o }", "q.rq")
    assert parse_named_query("q", "SELECT * WHERE { ?s ?p ?o }").title == ""


def test_parameter_types():
    text = ("# title: T\n# description: D\n# param: a (decimal): x\n# param: b (boolean): x\n"
            "# param: c (iri): x\nSELECT * WHERE { ?a ?b ?c }")
    q = parse_named_query("q", text)
    got = q.bindings({"a": "1.50", "b": "TRUE", "c": "kg:Model"})
    assert got == {"a": Literal("1.50", datatype=got["a"].datatype), "b": Literal(True),
                   "c": KG.Model}
    assert q.bindings({"c": "https://example.org/x"})["c"] == URIRef("https://example.org/x")
    for name, value in [("a", "nan"), ("a", "one"), ("b", "yes"), ("c", "<x>"),
                        ("c", "x> . ?s ?p <y"), ("c", "no iri")]:
        with pytest.raises(KgError, match=f"^q: parameter '{name}' must be"):
            q.bindings({name: value})


def test_unknown_parameter_lists_the_known_ones():
    with pytest.raises(KgError) as caught:
        parse_named_query("things", HEADER).bindings({"nmae": "x"})
    assert str(caught.value) == "things: unknown parameter 'nmae' (the query's parameters: " \
        "name, n)"
    # an ad-hoc query without a header binds any name as a string
    adhoc = parse_named_query("query", "SELECT ?s WHERE { ?s ?p ?name }")
    assert adhoc.bindings({"name": "BERT"}) == {"name": Literal("BERT")}


def test_parse_parameters():
    assert parse_parameters(["a=1", "b=x=y", "c="]) == {"a": "1", "b": "x=y", "c": ""}
    for bad in (["a"], ["=1"], ["a b=1"], ["a=1", "a=2"]):
        with pytest.raises(KgError):
            parse_parameters(bad)


def test_load_query_takes_text_a_file_or_a_name(tmp_path):
    assert load_query("SELECT * WHERE { ?s ?p ?o }").name == "query"
    assert load_query("DROP ALL").text == "DROP ALL"  # text, refused when prepared
    path = tmp_path / "mine.rq"
    path.write_text(HEADER)
    assert load_query(str(path)).title == "Things by name"
    assert load_query("leaderboard").title == "Leaderboard of a dataset"
    with pytest.raises(KgError, match=r"nope.rq: no such query file"):
        load_query(str(tmp_path / "nope.rq"))
    with pytest.raises(KgError) as caught:
        named_query("leaderbord")
    assert str(caught.value).startswith("unknown query 'leaderbord' (known: central-authors, ")
    assert "leaderboard, lineage-chain" in str(caught.value)


def test_bound_values_are_never_query_text(tiny):
    q = prepare_query("SELECT ?m WHERE { ?m rdfs:label ?name }")
    rows = result_rows(run_query(tiny, q, {"name": Literal('x"} ; DROP ALL #')}))
    assert rows == [{"m": "https://w3id.org/mlkg/id/model/odd"}]  # the literal, matched
    assert result_rows(run_query(tiny, q, {"name": Literal('BERT" } UNION { ?m ?p ?o')})) == []
    assert len(tiny) == 6


@pytest.mark.parametrize("text, message", [
    ("SELEC ?x WHERE { ?x ?y ?z }", "q:1:1: malformed SPARQL query: Expected {SelectQuery | "
     "ConstructQuery | DescribeQuery | AskQuery}, found 'SELEC'"),
    ("SELECT ?x\nWHERE { ?x ?y ", "q:2:9: malformed SPARQL query: Expected SelectQuery, "
     "found '?'"),  # pyparsing points at the start of the unfinished triple
    ("INSERT DATA { <a:b> <a:b> <a:c> }", "q: this is a SPARQL update; kg only runs "
     "read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE)"),
    ("DROP ALL", "q: this is a SPARQL update; kg only runs read-only queries (SELECT, ASK, "
     "CONSTRUCT, DESCRIBE)"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
     "q: SERVICE is not allowed: a kg query never leaves the graph it is given"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
     "q: FROM and FROM NAMED are not allowed: a kg query runs on the one graph it is given"),
    ("SELECT * WHERE { ?s nope:x ?o }", "q: invalid SPARQL query: Unknown namespace prefix "
     ": nope"),
])
def test_queries_kg_will_not_run(text, message):
    with pytest.raises(QueryError) as caught:
        prepare_query(text, "q")
    assert str(caught.value) == message


def test_the_time_limit_stops_a_query_that_yields_nothing(tiny):
    for i in range(300):
        tiny.add((URIRef(f"https://w3id.org/mlkg/id/n/{i}"), RDFS.label, Literal(str(i))))
    slow = prepare_query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                         "FILTER (?c = 'never') }")
    started = time.monotonic()
    with pytest.raises(QueryLimitError, match=r"^the query ran past the time limit of 0.5 s$"):
        run_query(tiny, slow, timeout=0.5)
    assert time.monotonic() - started < 5


def test_the_row_limit(tiny):
    q = prepare_query("SELECT * WHERE { ?s ?p ?o }")
    assert len(run_query(tiny, q, max_rows=6)) == 6
    with pytest.raises(QueryLimitError, match=r"^the result has more than 5 rows \(the "
                       r"limit\): narrow the query or add a LIMIT$"):
        run_query(tiny, q, max_rows=5)
    construct = prepare_query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    with pytest.raises(QueryLimitError, match="more than 2 triples"):
        run_query(tiny, construct, max_rows=2)


def test_grouped_query_with_no_groups_has_no_rows(tiny):
    grouped = "SELECT ?f (COUNT(*) AS ?n) WHERE { ?m kg:family ?f ; kg:alias ?a } GROUP BY ?f"
    assert len(run_query(tiny, grouped)) == 0
    assert result_rows(run_query(tiny, "SELECT (COUNT(*) AS ?n) WHERE { ?m kg:alias ?a }")) \
        == [{"n": 0}]


def test_an_error_while_running_is_a_query_error(tiny):
    q = "SELECT (GROUP_CONCAT(DISTINCT ?x) AS ?all) WHERE { ?m kg:family ?f OPTIONAL { " \
        "?m kg:alias ?x } }"
    with pytest.raises(QueryError, match=r"^the query failed while running: NotBoundError: "):
        run_query(tiny, q)


def test_formats_of_ask_and_construct(tiny):
    assert format_result(run_query(tiny, "ASK { ?m kg:family 'gpt' }"), "table") == "true\n"
    g = run_query(tiny, "CONSTRUCT { ?m kg:family ?f } WHERE { ?m kg:family 'bert' , ?f }")
    assert format_result(g, "csv") == ('<https://w3id.org/mlkg/id/model/bert> '
                                       '<https://w3id.org/mlkg/ns#family> "bert" .\n')
