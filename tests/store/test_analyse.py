"""Analytics on a store give the scores and communities the in-memory analysis gives."""

from __future__ import annotations

from functools import partial

import pyoxigraph as ox
from rdflib.compare import isomorphic

from kg.analyse.projections import coauthorship_graph, lineage_graph, paper_entity_graph
from kg.analyse.top import top_table
from kg.analyse.writeback import clear_analysis
from kg.graph.build import new_graph
from kg.store.analyse import StoreView, analyse_store, write_graph_to_store
from kg.store.terms import from_ox, store_form


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
