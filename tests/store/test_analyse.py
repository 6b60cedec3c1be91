"""Analytics on a store give the scores and communities the in-memory analysis gives."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.compare import isomorphic

from kg.analyse.projections import coauthorship_graph, lineage_graph, paper_entity_graph
from kg.analyse.top import top_table
from kg.analyse.writeback import analysis_graph, clear_analysis
from kg.graph.build import new_graph
from kg.store.analyse import StoreView, analyse_store, store_analysis, write_graph_to_store
from kg.store.disk import open_store
from kg.store.terms import from_ox, store_form, to_ox


def as_stored(g):
    """``g`` with its terms as a store gives them back (integer subtypes as xsd:integer)."""
    out = new_graph()
    for s, p, o in g:
        out.add((s, p, store_form(o)))
    return out


def test_projections_through_a_store_view_are_the_same(seed_memory_graph):
    store = ox.Store()
    write_graph_to_store(seed_memory_graph, store)
    view = StoreView(store)
    links = partial(paper_entity_graph, count_mentions=False)  # what the analytics read
    for project in (coauthorship_graph, lineage_graph, links):
        G, H = project(seed_memory_graph), project(view)
        assert G.number_of_edges() > 10
        assert sorted(G.nodes(data=True)) == sorted(H.nodes(data=True))
        assert sorted(G.edges(data=True)) == sorted(H.edges(data=True))


def test_analysing_a_store_gives_the_analysed_graph(seed_memory_graph):
    g = new_graph()
    for triple in seed_memory_graph:
        g.add(triple)
    analysed = len(g)
    removed = clear_analysis(g)
    assert removed > 1000
    store = ox.Store()
    write_graph_to_store(g, store)
    report = analyse_store(store, seed=0)
    assert report.added == removed
    back = new_graph()
    for quad in store:
        back.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    assert len(back) == analysed
    assert isomorphic(back, as_stored(seed_memory_graph))
    again = analyse_store(store, seed=0)  # analysing twice is analysing once
    assert again.removed == again.added == removed and len(store) == analysed


def test_kg_top_reads_a_store(seed_store, seed_memory_graph):
    from kg.store.disk import open_store

    for subgraph in ("coauthorship", "lineage", "papers"):
        assert (top_table(open_store(seed_store), subgraph=subgraph, limit=5)
                == top_table(seed_memory_graph, subgraph=subgraph, limit=5))


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from a synthetic corpus of 300 papers (kg.synth), larger and more
    varied than the seeds: lineage cycles, comparisons both ways, duplicates."""
    from kg.config import Settings
    from kg.store.build import build_store
    from kg.synth import write_corpus

    root = tmp_path_factory.mktemp("synthetic")
    write_corpus(300, root / "corpus", seed=3)
    report = build_store([root / "corpus"], root / "store", Settings())
    assert report.written and not report.errors
    return root / "store"


@pytest.mark.parametrize(("which", "seed", "k"), [("seeds", 0, None), ("synthetic", 0, None),
                                                  ("synthetic", 1, 40)])
def test_the_fast_analysis_is_the_networkx_analysis(which, seed, k, seed_store,
                                                    synthetic_store):
    """store_analysis (SPARQL rows, integer-indexed igraph) writes exactly the triples the
    networkx projections write, read through a StoreView: every score, community and
    record, with sampled betweenness too (k)."""
    store = open_store(seed_store if which == "seeds" else synthetic_store)
    quads, summaries = store_analysis(store, seed=seed, betweenness_k=k)
    added, expected = analysis_graph(StoreView(store), seed=seed, betweenness_k=k)
    assert len(quads) == len(set(quads)) == len(added) > 1000
    assert set(quads) == {ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph())
                          for s, p, o in added}
    assert summaries == expected
    assert {s.projection for s in summaries if s.edges > 10} == {
        "coauthorship", "lineage", "papers", "comention", "comparison"}


def test_another_backend_takes_the_networkx_path(synthetic_store, tmp_path):
    import shutil

    shutil.copytree(synthetic_store, tmp_path / "store")
    report = analyse_store(tmp_path / "store", seed=0, backend="networkx",
                           communities="louvain")
    assert report.removed > 1000 and report.added > 1000 and report.algorithm == "louvain"
    rows = top_table(open_store(tmp_path / "store"), subgraph="comention", limit=3)
    assert len(rows) == 3 and rows[0]["community"] is not None


def test_the_analysis_streamed_into_an_open_store_is_the_one_added_in_place(
        synthetic_store, tmp_path, monkeypatch):
    """An open store (the build's) takes the analysis a projection at a time, after its
    earlier analysis is removed; a store analysed in place gets it in one transaction.
    Both end with the same triples, and the same counts reported."""
    import shutil

    import kg.store.analyse

    shutil.copytree(synthetic_store, tmp_path / "in-place")
    shutil.copytree(synthetic_store, tmp_path / "open")
    whole = analyse_store(tmp_path / "in-place", seed=1)
    monkeypatch.setattr(kg.store.analyse, "STREAM_CHUNK", 50)
    handed = []
    store = open_store(tmp_path / "open", read_only=False)
    extend = store.bulk_extend

    class Spy:  # pyoxigraph's Store cannot be patched: a stand-in for its bulk_extend only
        def __getattr__(self, name):
            return getattr(store, name)

        def bulk_extend(self, quads):
            handed.append(len(quads))
            extend(quads)

    streamed = analyse_store(Spy(), seed=1)
    assert len(handed) >= 5 and max(handed[:-1]) >= 50  # a projection or more at a time
    assert (streamed.removed, streamed.added) == (whole.removed, whole.added)
    assert whole.removed > 1000 and whole.added > 1000
    got = {str(q) for q in store}  # read by the handle that wrote it
    assert got == {str(q) for q in open_store(tmp_path / "in-place")}
