"""kg.view.layout: layered positions for the lineage graph."""

import random

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.view.layout import layered_layout


def shuffled(G: nx.DiGraph, seed: int) -> nx.DiGraph:
    nodes, edges = list(G.nodes), list(G.edges)
    random.Random(seed).shuffle(nodes)
    random.Random(seed).shuffle(edges)
    H = nx.DiGraph()
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 25), st.integers(0, 25)), max_size=40))
def test_edges_point_down_nodes_never_overlap_and_order_does_not_matter(pairs):
    G = nx.DiGraph([(u, v) for u, v in pairs if u != v])
    pos = layered_layout(G)
    assert set(pos) == set(G)
    assert len(set(pos.values())) == len(pos)  # one node per place
    cyclic = {n for scc in nx.strongly_connected_components(G) if len(scc) > 1 for n in scc}
    for u, v in G.edges:
        if not (u in cyclic and v in cyclic):
            assert pos[u][1] < pos[v][1]
    assert layered_layout(shuffled(G, 1)) == pos


def test_components_are_packed_into_rows():
    G = nx.DiGraph([(f"a{i}", f"b{i}") for i in range(30)])
    pos = layered_layout(G)
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert height > 0 and 1 < width / height < 4  # not one long strip
    assert layered_layout(nx.DiGraph()) == {}
