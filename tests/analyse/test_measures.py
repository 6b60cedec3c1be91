"""Each centrality measure against networkx (and igraph) reference values on Zachary's karate
club, on both backends."""

from __future__ import annotations

import math

import igraph as ig
import networkx as nx
import pytest

from kg.analyse.measures import (
    baseline_counts,
    betweenness_scores,
    bipartite_pagerank_scores,
    closeness_scores,
    degree_scores,
    eigenvector_scores,
    pagerank_scores,
)

BACKENDS = ["networkx", "igraph"]


@pytest.fixture(scope="module")
def karate() -> nx.Graph:
    G = nx.karate_club_graph()
    for _, _, d in G.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return G


@pytest.fixture(scope="module")
def karate_ig(karate) -> ig.Graph:
    """The karate club in igraph, vertex i = node i."""
    h = ig.Graph(n=len(karate), edges=list(karate.edges()))
    h.es["weight"] = [d["weight"] for _, _, d in karate.edges(data=True)]
    return h


def close(a: dict, b: dict, tol: float = 1e-9) -> bool:
    return a.keys() == b.keys() and all(abs(a[n] - b[n]) <= tol for n in a)


def test_degree_matches_networkx_and_weighted_degree_is_strength(karate):
    assert degree_scores(karate) == nx.degree_centrality(karate)
    weighted = degree_scores(karate, weight="weight")
    assert weighted[33] == pytest.approx(karate.degree(33, weight="weight") / 33)
    assert degree_scores(nx.empty_graph(1), weight="weight") == {0: 1.0}
    one = degree_scores(nx.empty_graph(1))  # a float, as every score (networkx: the int 1)
    assert one == {0: 1.0} and isinstance(one[0], float)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("weight", [None, "weight"])
def test_exact_betweenness_matches_networkx(karate, backend, weight):
    expected = nx.betweenness_centrality(karate, weight=weight, normalized=True)
    assert close(betweenness_scores(karate, weight=weight, backend=backend), expected)


def test_fractional_lengths_that_tie_up_to_rounding_are_ties_for_igraph_only(karate):
    # 0.1 + 0.2 != 0.15 + 0.15 in floating point: networkx sees one shortest path, igraph two
    G = nx.Graph([("a", "b", {"d": 0.1}), ("b", "c", {"d": 0.2}), ("a", "x", {"d": 0.15}),
                  ("x", "c", {"d": 0.15})])
    assert betweenness_scores(G, weight="d")["b"] == 0.0
    assert betweenness_scores(G, weight="d", backend="igraph")["b"] == pytest.approx(1 / 6)
    # on the karate club with lengths 1 / weight the two differ only at such ties
    nx_scores = betweenness_scores(karate, weight="distance")
    ig_scores = betweenness_scores(karate, weight="distance", backend="igraph")
    assert close(nx_scores, ig_scores, 0.01)
    assert nx_scores == nx.betweenness_centrality(karate, weight="distance")


def test_igraph_betweenness_is_igraphs_own_rescaled(karate, karate_ig):
    n = len(karate)
    raw = karate_ig.betweenness()
    scores = betweenness_scores(karate, backend="igraph")
    assert close(scores, {i: raw[i] * 2 / ((n - 1) * (n - 2)) for i in range(n)})
    assert max(scores, key=scores.get) == 0  # the instructor


@pytest.mark.parametrize("backend", BACKENDS)
def test_sampled_betweenness_is_networkx_sampled_estimate(karate, backend):
    for k, seed in ((5, 0), (10, 1), (34, 2)):
        expected = nx.betweenness_centrality(karate, k=k, seed=seed, weight="weight")
        got = betweenness_scores(karate, weight="weight", k=k, seed=seed, backend=backend)
        assert close(got, expected), (k, seed)
    exact = betweenness_scores(karate)
    assert close(betweenness_scores(karate, k=34, backend=backend), exact)


@pytest.mark.parametrize("backend", BACKENDS)
def test_directed_betweenness_matches_networkx(backend):
    D = nx.gnp_random_graph(40, 0.08, seed=2, directed=True)
    assert close(betweenness_scores(D, backend=backend), nx.betweenness_centrality(D))
    assert close(betweenness_scores(D, k=7, seed=3, backend=backend),
                 nx.betweenness_centrality(D, k=7, seed=3))


def test_betweenness_rejects_a_bad_k_and_backend(karate):
    with pytest.raises(ValueError, match="k must be between 1 and"):
        betweenness_scores(karate, k=0)
    with pytest.raises(ValueError, match="unknown backend 'graph-tool'"):
        betweenness_scores(karate, backend="graph-tool")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("weight", [None, "weight"])
def test_closeness_matches_networkx(karate, backend, weight):
    expected = nx.closeness_centrality(karate, distance=weight)
    assert close(closeness_scores(karate, weight=weight, backend=backend), expected)


def test_closeness_is_igraphs_on_a_connected_graph(karate, karate_ig):
    assert close(closeness_scores(karate, backend="igraph"),
                 dict(enumerate(karate_ig.closeness())))


@pytest.mark.parametrize("directed", [False, True])
def test_closeness_on_a_disconnected_graph_is_wasserman_faust(directed):
    G = nx.gnp_random_graph(40, 0.06, seed=5, directed=directed)
    assert not (nx.is_weakly_connected(G) if directed else nx.is_connected(G))
    assert close(closeness_scores(G, backend="igraph"), nx.closeness_centrality(G))


@pytest.mark.parametrize("backend", BACKENDS)
def test_pagerank_matches_networkx_and_igraph(karate, karate_ig, backend):
    expected = nx.pagerank(karate, alpha=0.85, weight="weight", tol=1e-12, max_iter=10_000)
    got = pagerank_scores(karate, weight="weight", backend=backend)
    assert close(got, expected, 1e-8)
    assert close(got, dict(enumerate(karate_ig.pagerank(weights="weight"))), 1e-8)
    assert sum(got.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("backend", BACKENDS)
def test_pagerank_on_a_directed_graph_with_dangling_nodes(backend):
    D = nx.gnp_random_graph(30, 0.08, seed=1, directed=True)
    assert any(D.out_degree(n) == 0 for n in D)
    expected = nx.pagerank(D, alpha=0.85, tol=1e-12, max_iter=10_000)
    assert close(pagerank_scores(D, weight=None, backend=backend), expected, 1e-8)


def test_pagerank_of_an_empty_graph_is_empty():
    assert pagerank_scores(nx.Graph(), backend="igraph") == {} == pagerank_scores(nx.Graph())


def test_eigenvector_matches_networkx_on_a_connected_graph(karate, karate_ig):
    for weight in (None, "weight"):
        expected = nx.eigenvector_centrality(karate, weight=weight, tol=1e-12, max_iter=10_000)
        assert close(eigenvector_scores(karate, weight=weight), expected, 1e-8)
    scaled = karate_ig.eigenvector_centrality(weights="weight")  # igraph: max 1
    got = eigenvector_scores(karate, weight="weight")
    top = max(got.values())
    assert close({n: s / top for n, s in got.items()}, dict(enumerate(scaled)), 1e-8)


def test_eigenvector_on_a_disconnected_graph_is_per_component_and_never_nan(karate):
    G = nx.disjoint_union_all([karate, nx.complete_graph(4), nx.path_graph(2)])
    G.add_node("alone")
    scores = eigenvector_scores(G, weight="weight")
    assert all(math.isfinite(s) and s >= 0 for s in scores.values())
    n = len(G)
    reference = nx.eigenvector_centrality(karate, weight="weight", tol=1e-12, max_iter=10_000)
    for node in karate:  # the karate component: networkx's vector scaled by sqrt(34 / n)
        assert scores[node] == pytest.approx(reference[node] * math.sqrt(34 / n), abs=1e-9)
    clique = [scores[i] for i in range(34, 38)]
    assert clique == pytest.approx([math.sqrt(4 / n) / 2] * 4)
    assert scores[38] == scores[39] == pytest.approx(math.sqrt(2 / n) / math.sqrt(2))
    assert scores["alone"] == 0.0
    assert sum(s * s for s in scores.values()) == pytest.approx((n - 1) / n)


def test_eigenvector_of_a_large_component_uses_arpack_and_agrees():
    G = nx.powerlaw_cluster_graph(600, 3, 0.1, seed=4)  # above DENSE_LIMIT
    expected = nx.eigenvector_centrality(G, tol=1e-12, max_iter=10_000, weight=None)
    assert close(eigenvector_scores(G, weight=None), expected, 1e-7)


def test_eigenvector_refuses_a_directed_graph():
    with pytest.raises(ValueError, match="undirected"):
        eigenvector_scores(nx.DiGraph([(0, 1)]))
    assert eigenvector_scores(nx.Graph()) == {}


def test_scores_do_not_depend_on_node_insertion_order(karate):
    shuffled = nx.Graph()
    shuffled.add_nodes_from(sorted(karate, reverse=True))
    shuffled.add_edges_from(reversed(list(karate.edges(data=True))))
    for measure in (lambda G: pagerank_scores(G, backend="igraph"),
                    lambda G: betweenness_scores(G, weight="distance", backend="igraph"),
                    eigenvector_scores):
        a, b = measure(karate), measure(shuffled)
        assert close(a, b, 1e-12)


@pytest.mark.parametrize("backend", BACKENDS)
def test_bipartite_pagerank_is_pagerank_kept_for_one_side_and_rescaled(backend):
    B = nx.davis_southern_women_graph()  # 18 women, 14 events
    women = [n for n, side in B.nodes(data="bipartite") if side == 0]
    reference = nx.pagerank(B, alpha=0.85, weight=None, tol=1e-12, max_iter=10_000)
    total = sum(reference[w] for w in women)
    got = bipartite_pagerank_scores(B, women, weight=None, backend=backend)
    assert list(got) == sorted(women)
    assert close(got, {w: reference[w] / total for w in women}, tol=1e-8)
    assert sum(got.values()) == pytest.approx(1.0)
    # the top woman is one of those who went to the most events
    assert B.degree(max(got, key=got.get)) == max(B.degree(w) for w in women)


def test_bipartite_pagerank_rejects_nodes_not_in_the_graph():
    with pytest.raises(ValueError, match="not nodes of the graph"):
        bipartite_pagerank_scores(nx.Graph([("p", "e")]), ["p", "q"])
    assert bipartite_pagerank_scores(nx.Graph(), []) == {}


def test_baseline_counts_count_distinct_papers_on_in_edges():
    C = nx.DiGraph()
    C.add_edge("xlnet", "bert", papers=("p2",))
    C.add_edge("roberta", "bert", papers=("p3",))
    C.add_edge("albert", "bert", papers=("p3",))  # same paper: counts once
    C.add_edge("bert", "elmo", papers=())  # no paper known: nothing to count
    C.add_edge("xlnet", "elmo", papers=("p2",))
    assert baseline_counts(C) == {"albert": 0, "bert": 2, "elmo": 1, "roberta": 0,
                                  "xlnet": 0}
    with pytest.raises(ValueError, match="needs a directed comparison graph"):
        baseline_counts(C.to_undirected())
