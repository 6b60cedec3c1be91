"""The named queries rewritten for speed (reading kg analyse's counts,
kg.analyse.aggregates; ranking before counting; shaped for Oxigraph's planner) give the
rows their earlier text gave (tests/data/query/before/), in the same order, on rdflib and
on Oxigraph, on the seeds and on a synthetic corpus (with their own parameters and with
the corpus's busiest model, person and dataset), and after a listing is added to a
store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.config import Settings
from kg.query.evaluate import run_query
from kg.query.formats import result_rows
from kg.query.library import named_queries
from kg.store.build import build_store
from kg.store.disk import open_store
from kg.store.incremental import added_inputs
from kg.store.query import query_store

from ..store.conftest import store_graph
from .conftest import ROOT

BEFORE = ROOT / "tests" / "data" / "query" / "before"
QUERIES = sorted(p.stem for p in BEFORE.glob("*.rq"))
PARAMS = {
    "central-authors": [{}, {"measure": "kg:betweenness"}, {"measure": "kg:degreeCentrality"},
                        {"measure": "kg:eigenvector"}],
    "most-compared": [{}, {"type": "kg:Model"}, {"type": "kg:Method"}],
    "papers-per-family-year": [{}, {"family": "ERNIE"}],
    "co-mentioned": [{}, {"model": "BERT"}, {"model": "x\"} ; DROP ALL #"}],
    "coauthors": [{}, {"person": "hua wu"}],
    "leaderboard": [{}, {"metric": "mAP"}, {"dataset": "nothing"}],
    "model-evaluations": [{}, {"model": "ernie-vilg 2.0"}],
    "papers-with-code": [{}, {"year": "2022"}],
    "repositories-per-organisation": [{}, {"owner": "PaddlePaddle"}],
}
#: The columns each query sorts by: the new rows must come in the same order of these.
ORDER = {"central-authors": ("score", "name"), "most-compared": ("papers", "comparedBy",
         "baseline"), "papers-per-family-year": ("family", "year"),
         "co-mentioned": ("papers", "class", "entityName"), "coauthors": ("papers", "coauthor"),
         "leaderboard": ("metricName", "value", "model", "paper"),
         "model-evaluations": ("dataset", "metric"), "papers-with-code": ("date", "title", "paper"),
         "repositories-per-organisation": ("repositories", "repositoryOwner")}
#: Columns that join names in whatever order the engine met them, and their separator.
JOINED = {"most-compared": ("challengers", ", "), "papers-with-code": ("repositories", " "),
          "repositories-per-organisation": ("names", " ")}


def _normal(name: str, row: dict) -> tuple:
    """A row as a sortable tuple; joined names (:data:`JOINED`) as a sorted list."""
    row = dict(row)
    if name in JOINED:
        column, separator = JOINED[name]
        row[column] = sorted(row[column].split(separator))
    return tuple(sorted((k, repr(v)) for k, v in row.items()))


# The model with the most results: the busiest by mentions may have few evaluations.
_MOST_EVALUATED = ("SELECT ?n (COUNT(DISTINCT ?r) AS ?c) WHERE { ?r kg:evaluatedModel ?m . "
                   "?m rdfs:label ?n } GROUP BY ?n ORDER BY DESC(?c) ?n LIMIT 1")


def _params(name: str, store_dir: Path) -> list[dict[str, str]]:
    """The parameter sets ``name`` is compared with: :data:`PARAMS`, the store's busiest
    model, person or dataset where the query takes one, and its most evaluated model."""
    from kg.bench.store import busiest_parameters
    from kg.graph.vocab import PREFIXES

    query = named_queries()[name]
    store = open_store(store_dir)
    busy = busiest_parameters(store)
    mine = {p.name: busy[p.name] for p in query.params if p.name in busy}
    more = []
    if "model" in {p.name for p in query.params}:
        rows = list(store.query(_MOST_EVALUATED,
                                prefixes={p: str(ns) for p, ns in PREFIXES.items()}))
        more = [{"model": rows[0]["n"].value}] if rows else []
    return PARAMS[name] + ([mine] if mine else []) + more


def _rows_both(graph, store_dir: Path, text: str, bindings) -> tuple[list, list]:
    return (result_rows(run_query(graph, text, bindings)),
            result_rows(query_store(open_store(store_dir), text, bindings)))


def _compare(name: str, graph, store_dir: Path) -> int:
    """Compare the earlier and the new text of ``name`` with each parameter set, on both
    engines; return the rows seen."""
    seen = 0
    for params in _params(name, store_dir):
        query = named_queries()[name]
        bindings = query.bindings(params)
        before = (BEFORE / f"{name}.rq").read_text(encoding="utf-8")
        for old, new in zip(_rows_both(graph, store_dir, before, bindings),
                            _rows_both(graph, store_dir, query.text, bindings), strict=True):
            assert [list(r) for r in new[:1]] == [list(r) for r in old[:1]]  # columns
            assert sorted(_normal(name, r) for r in new) == sorted(
                _normal(name, r) for r in old), (name, params)
            assert [[r[c] for c in ORDER[name]] for r in new] == [
                [r[c] for c in ORDER[name]] for r in old], (name, params)
            seen += len(new)
    return seen


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A synthetic corpus built into a store whole, and into another store first without
    its JSON Lines file, which is then added (kg build --store DIR --add FILE)."""
    from kg.synth import write_corpus

    base = tmp_path_factory.mktemp("synthetic")
    files = write_corpus(150, base / "corpus", seed=5)
    added = [f for f in files if f.suffix == ".jsonl"]
    assert added and len(added) < len(files)
    whole, grown = base / "whole", base / "grown"
    assert build_store([base / "corpus"], whole, Settings()).written
    first = base / "first"
    for f in files:
        if f not in added:
            (first / f.name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, first / f.name)
    assert build_store([first], grown, Settings()).written
    report = build_store(added_inputs(grown, added, Settings().capture_year), grown,
                         Settings())
    assert report.written and report.reused > 0
    return {"whole": whole, "grown": grown}


@pytest.mark.parametrize("name", QUERIES)
def test_the_seeds_give_the_rows_of_the_earlier_query(name, seed_graph, seed_store_dir):
    assert _compare(name, seed_graph, seed_store_dir) > 0


@pytest.mark.parametrize("name", QUERIES)
def test_a_synthetic_corpus_gives_the_rows_of_the_earlier_query(name, synthetic):
    store = synthetic["whole"]
    assert _compare(name, store_graph(store), store) > 10


@pytest.mark.parametrize("name", ["most-compared", "papers-per-family-year"])
def test_a_store_a_listing_was_added_to_counts_it(name, synthetic):
    grown, whole = synthetic["grown"], synthetic["whole"]
    _compare(name, store_graph(grown), grown)
    query = named_queries()[name]
    got = result_rows(query_store(open_store(grown), query.text, query.bindings({})))
    assert got == result_rows(query_store(open_store(whole), query.text, query.bindings({})))


def test_a_graph_analysed_twice_has_its_counts_once(seed_graph):
    from kg.analyse import analyse_graph
    from kg.graph.vocab import KG

    g = seed_graph.__class__()
    for triple in seed_graph:
        g.add(triple)
    before = len(g)
    analyse_graph(g, seed=0)
    assert len(g) == before
    assert len(set(g.subjects(KG.familyPaperCount, None))) == len(
        set(g.subjects(KG.familyName, None))) > 0
