"""The integer-indexed projections give exactly what the networkx path gives on the same
graph: the same igraph input (vertex and edge order, weights), so the same numbers."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import networkx as nx
import numpy as np
import pytest

from kg.analyse.communities import leiden_communities
from kg.analyse.indexed import (
    IndexedGraph,
    _pair_counts,
    coauthorship_indexed,
    comention_indexed,
)
from kg.analyse.lineage import descendant_counts, influence_scores
from kg.analyse.measures import (
    baseline_counts,
    betweenness_scores,
    degree_scores,
    eigenvector_scores,
    pagerank_scores,
)


def _names(n: int) -> list[str]:
    return [f"https://example.org/node/{i:03d}" for i in range(n)]


def _random_pairs(rng: random.Random, nodes: list[str], m: int, *, directed: bool
                  ) -> dict[tuple[str, str], int]:
    pairs: dict[tuple[str, str], int] = {}
    while len(pairs) < m:
        u, v = rng.sample(nodes, 2)
        if not directed:
            u, v = min(u, v), max(u, v)
        pairs[(u, v)] = rng.randint(1, 4)
    return pairs


def _as_projection(nodes: list[str], pairs: dict, *, directed: bool):
    """Both forms, built the way kg.analyse.projections builds its graphs: nodes sorted,
    then edges in sorted order."""
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(sorted(nodes))
    for (u, v), w in sorted(pairs.items()):
        G.add_edge(u, v, weight=w, distance=1.0 / w, papers=tuple(f"p{i}" for i in range(w)))
    order = sorted(nodes)
    index = {node: i for i, node in enumerate(order)}
    ordered = sorted(pairs.items())
    H = IndexedGraph(order, [(index[u], index[v]) for (u, v), _ in ordered],
                     [w for _, w in ordered], directed,
                     [frozenset(f"p{i}" for i in range(w)) for _, w in ordered])
    return G, H


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_undirected_measures_are_the_networkx_paths(seed):
    rng = random.Random(seed)
    nodes = _names(60)
    G, H = _as_projection(nodes, _random_pairs(rng, nodes[:55], 120, directed=False),
                          directed=False)  # five isolated nodes
    assert H.degree_scores() == degree_scores(G)
    for k in (None, 20):
        assert (H.betweenness_scores(weight="distance", k=k, seed=seed)
                == betweenness_scores(G, weight="distance", k=k, seed=seed, backend="igraph"))
    assert (H.pagerank_scores(weight="weight")
            == pagerank_scores(G, weight="weight", backend="igraph"))
    assert H.pagerank_scores(weight=None) == pagerank_scores(G, weight=None, backend="igraph")
    assert H.eigenvector_scores() == eigenvector_scores(G, weight="weight")
    mine, theirs = (H.leiden_communities(weight="weight", seed=seed),
                    leiden_communities(G, weight="weight", seed=seed))
    assert mine == theirs and len(mine.communities) > 1
    assert H.components() == nx.number_connected_components(G)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_directed_measures_are_the_networkx_paths(seed):
    rng = random.Random(seed)
    nodes = _names(50)
    pairs = _random_pairs(rng, nodes, 90, directed=True)
    for (u, v) in list(pairs)[:15]:  # pairs linked both ways, with other weights
        pairs[(v, u)] = rng.randint(1, 4)
    G, H = _as_projection(nodes, pairs, directed=True)
    assert not nx.is_directed_acyclic_graph(G)
    assert H.degree_scores() == degree_scores(G)
    assert (H.betweenness_scores(weight=None, k=None, seed=seed)
            == betweenness_scores(G, weight=None, seed=seed, backend="igraph"))
    assert (H.pagerank_scores(weight=None, reverse=True)
            == influence_scores(G, weight=None, backend="igraph"))
    assert (H.pagerank_scores(weight="weight")
            == pagerank_scores(G, weight="weight", backend="igraph"))
    assert H.descendant_counts() == descendant_counts(G)
    assert H.baseline_counts() == baseline_counts(G)
    assert H.components() == nx.number_weakly_connected_components(G)
    U, undirected = G.to_undirected(), H.undirected()
    assert [(H.nodes[u], H.nodes[v], w) for (u, v), w
            in zip(undirected.edges, undirected.weights, strict=True)] == list(
        U.edges(data="weight"))
    assert (undirected.leiden_communities(weight="weight", seed=seed)
            == leiden_communities(U, weight="weight", seed=seed))


def test_pair_counts_are_the_groups_each_pair_shares():
    rng = random.Random(5)
    groups = [sorted(rng.sample(range(30), rng.randint(0, 6))) for _ in range(80)]
    rows = sorted((g, m) for g, members in enumerate(groups) for m in members)
    expected = Counter(pair for members in groups for pair in combinations(members, 2))
    pairs, counts = _pair_counts(np.array([g for g, _ in rows]),
                                 np.array([m for _, m in rows]), 30)
    assert [tuple(pair) for pair in pairs.tolist()] == sorted(expected)
    assert counts == [expected[pair] for pair in sorted(expected)]
    none, no_counts = _pair_counts(np.array([0, 1]), np.array([3, 4]), 30)
    assert none.shape == (0, 2) and no_counts == []


def test_coauthorship_counts_each_paper_once_and_keeps_solo_authors():
    G = coauthorship_indexed([("p1", "ann"), ("p1", "bo"), ("p1", "ann"), ("p2", "bo"),
                              ("p2", "ann"), ("p3", "cy")])
    assert G.nodes == ["ann", "bo", "cy"]
    assert (G.edges.tolist(), G.weights) == ([[0, 1]], [2])


def test_an_array_of_edges_makes_the_igraph_graph_a_list_makes(monkeypatch):
    import kg.analyse.indexed

    rng = random.Random(9)
    mentions = [(f"p{rng.randint(0, 40)}", f"e{rng.randint(0, 25)}") for _ in range(300)]
    G = comention_indexed(mentions)
    assert isinstance(G.edges, np.ndarray) and len(G.edges) > 50
    listed = IndexedGraph(G.nodes, [tuple(e) for e in G.edges.tolist()], G.weights, False)
    monkeypatch.setattr(kg.analyse.indexed, "_EDGE_SLICE", 7)  # many slices
    assert G.igraph().get_edgelist() == listed.igraph().get_edgelist()
    assert (G.pagerank_scores(weight="weight") == listed.pagerank_scores(weight="weight"))
    assert (G.leiden_communities(weight="weight", seed=2)
            == listed.leiden_communities(weight="weight", seed=2))
