"""SPARQL on a store (Oxigraph) gives what it gives on the same graph in rdflib: every
named query, with parameters bound, never pasted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal

from kg.query.evaluate import QueryError, QueryLimitError, run_query
from kg.query.formats import result_rows
from kg.query.library import compile_query, named_queries
from kg.store.disk import open_store
from kg.store.query import QueryWorker, query_store, store_query_rows

from .conftest import ROOT, store_graph

# Parameter values with rows on the seeds, besides each query's defaults.
PARAMS = {
    "coauthors": {"person": "hua wu"},
    "leaderboard": {"dataset": "MS-COCO"},
    "central-authors": {"measure": "kg:betweenness"},
    "most-compared": {"type": "kg:Model"},
    "papers-with-code": {"year": "2022"},
    # another case, and an alias with a key of its own (kg:nameKey "lra")
    "co-mentioned": {"model": "LRA"},
    "lineage-chain": {"model": "ernie 3.0"},
    "model-evaluations": {"model": "ernie-vilg 2.0"},
}


def _key(row: dict) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in row.items()))


@pytest.mark.parametrize("name", sorted(named_queries()))
@pytest.mark.parametrize("given", ["defaults", "params"])
def test_named_queries_give_the_same_rows_as_rdflib(seed_store, name, given):
    params = PARAMS.get(name, {}) if given == "params" else {}
    if given == "params" and not params:
        pytest.skip("no extra parameters for this query")
    graph = store_graph(seed_store)
    prepared, bindings = compile_query(name, params)
    expected = result_rows(run_query(graph, prepared, bindings))
    named = named_queries()[name]
    got = result_rows(query_store(open_store(seed_store), named.text, bindings))
    assert got, f"{name} has no rows on the seeds: the comparison would be empty"
    assert [list(r) for r in got[:1]] == [list(r) for r in expected[:1]]  # same columns
    assert sorted(map(_key, got)) == sorted(map(_key, expected))


def test_rows_come_in_the_order_the_query_sets(seed_store):
    rows = store_query_rows(seed_store, "coauthors", {"person": "Cheng Cui"})
    papers = [row["papers"] for row in rows]
    assert papers == sorted(papers, reverse=True) and papers[0] > 1


def test_a_parameter_is_a_value_not_query_text(seed_store):
    hostile = 'Cheng Cui"))} ; DROP ALL #'
    assert store_query_rows(seed_store, "coauthors", {"person": hostile}) == []
    bindings = {"name": Literal('x" } UNION { ?m ?p ?name')}
    rows = result_rows(query_store(open_store(seed_store),
                                   "SELECT ?m WHERE { ?m rdfs:label ?name }", bindings))
    assert rows == []
    assert len(store_graph(seed_store)) > 1000  # nothing was dropped


def test_updates_service_and_from_are_refused(seed_store):
    store = open_store(seed_store)
    with pytest.raises(QueryError, match="update"):
        query_store(store, "DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="SERVICE"):
        query_store(store, "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="FROM"):
        query_store(store, "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")


def test_row_and_time_limits(seed_store):
    store = open_store(seed_store)
    with pytest.raises(QueryLimitError, match="more than 5 rows"):
        query_store(store, "SELECT * WHERE { ?s ?p ?o }", max_rows=5)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with QueryWorker(seed_store) as worker:
        with pytest.raises(QueryLimitError, match="time limit of 1 s"):
            worker.run(slow, timeout=1)
        # the worker was replaced: the next query runs
        result = worker.run("ASK { ?s a kg:Paper }", timeout=30)
        assert result.askAnswer is True


def test_kg_query_cli_on_a_store(seed_store):
    def kg(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    done = kg("query", str(seed_store), "leaderboard", "-p", "dataset=MS-COCO",
              "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("metricName,model,value,")
    done = kg("query", str(seed_store), "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c . ?d ?e ?f }",
              "--timeout", "1")
    assert done.returncode == 1 and "time limit of 1 s" in done.stderr
    done = kg("query", str(seed_store), "SELECT ?x WHERE { ?x ?y }")
    assert done.returncode == 1 and done.stderr.startswith("error: query:")


def test_a_missing_store_is_a_clear_error(tmp_path: Path):
    from kg.errors import KgError

    with pytest.raises(KgError, match="not a kg store"):
        open_store(tmp_path)


def test_a_shipped_query_runs_on_a_store_without_rdflib_parsing_it(seed_store, tmp_path,
                                                                   monkeypatch):
    import kg.store.query as store_query
    from kg.query.evaluate import prepare_query
    from kg.query.library import load_query

    # what lets the store skip the check: every shipped query passes it
    shipped = named_queries()
    assert shipped and all(q.shipped for q in shipped.values())
    for query in shipped.values():
        prepare_query(query.text, query.source)
    copy = tmp_path / "leaderboard.rq"
    copy.write_text(shipped["leaderboard"].text, encoding="utf-8")
    assert not load_query(str(copy)).shipped
    assert not load_query("SELECT ?s WHERE { ?s ?p ?o }").shipped

    checked: list[str] = []
    monkeypatch.setattr(store_query, "_checked", lambda text, source: checked.append(source))
    rows = store_query_rows(seed_store, "leaderboard", {"dataset": "MS-COCO"})
    assert rows and checked == []
    assert store_query_rows(seed_store, str(copy), {"dataset": "MS-COCO"}) == rows
    assert checked == [str(copy)]


def test_a_query_of_the_users_is_still_checked_on_a_store(seed_store):
    from kg.store.query import compile_store_query

    for text, message in [("DELETE WHERE { ?s ?p ?o }", "update"),
                          ("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }",
                           "SERVICE"),
                          ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM")]:
        with pytest.raises(QueryError, match=message):
            compile_store_query(text)
