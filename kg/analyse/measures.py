"""Centrality measures: one function per measure, each returning ``{node: score}``.

Every weighted measure takes its edge attribute explicitly, and the two kinds are not
interchangeable:

- a *strength* (``weight``: more joint papers, a stronger tie) for degree, PageRank and
  eigenvector centrality;
- a *length* (networkx's ``weight`` of shortest-path algorithms, here the projections'
  ``distance = 1 / weight``) for betweenness and closeness, where a strong tie must be a
  short one. Passing ``"weight"`` there would make the strongest ties the longest.

``backend="networkx"`` is the reference; ``backend="igraph"`` gives the same numbers (to
~1e-10) in C and is what :func:`kg.analyse.writeback.analyse_graph` uses. Randomised
measures take an explicit ``seed``.

>>> import networkx as nx
>>> G = nx.karate_club_graph()
>>> top = max(pagerank_scores(G, weight="weight").items(), key=lambda kv: kv[1])
>>> top[0], round(top[1], 4)
(33, 0.097)
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

from kg.analyse.backends import check_backend, node_order, sorted_nodes, to_igraph

if TYPE_CHECKING:
    import igraph

__all__ = [
    "baseline_counts", "betweenness_scores", "bipartite_pagerank_scores", "closeness_scores",
    "degree_scores", "eigenvector_scores", "pagerank_scores",
    "adjacency_eigenvector_scores", "igraph_betweenness",
]

Scores = dict[Hashable, float]


def degree_scores(G: nx.Graph, *, weight: str | None = None) -> Scores:
    """Degree centrality: a node's degree over ``n - 1`` (networkx's
    ``degree_centrality``); with ``weight``, its strength (the sum of the weights of its
    edges) over ``n - 1``. On a directed graph, in- plus out-degree. A graph of one node
    scores it 1, as networkx does.

    Reference: Freeman, "Centrality in social networks" (1978).

    >>> degree_scores(nx.star_graph(3))
    {0: 1.0, 1: 0.3333333333333333, 2: 0.3333333333333333, 3: 0.3333333333333333}
    """
    if len(G) <= 1:  # networkx gives the int 1: scores are floats (xsd:decimal)
        return dict.fromkeys(G, 1.0)
    if weight is None:
        return nx.degree_centrality(G)
    scale = 1.0 / (len(G) - 1)
    return {node: float(strength) * scale for node, strength in G.degree(weight=weight)}


def betweenness_scores(G: nx.Graph, *, weight: str | None = None, k: int | None = None,
                       seed: int = 0, backend: str = "networkx") -> Scores:
    """Normalised shortest-path betweenness (networkx's ``betweenness_centrality`` with
    ``normalized=True``, ``endpoints=False``). ``weight`` is an edge *length* (use the
    projections' ``"distance"``), None for hop counts.

    With ``k``, the paths from ``k`` sources only, sampled with ``random.Random(seed)``
    exactly as networkx samples them, and scaled up: an estimate whose error shrinks as
    ``k`` grows (Brandes and Pich, 2007). Both backends sample the same sources and give
    the same estimate; igraph computes it as subset betweenness from those sources.

    With fractional lengths the backends can differ where two paths tie only up to
    rounding (``0.1 + 0.2`` against ``0.15 + 0.15``): igraph compares lengths with a small
    relative tolerance and counts both paths, networkx compares floats exactly and counts
    one. With integer lengths or hop counts they agree exactly.

    Reference: Brandes, "A faster algorithm for betweenness centrality" (2001).

    >>> scores = betweenness_scores(nx.path_graph(3))
    >>> scores
    {0: 0.0, 1: 1.0, 2: 0.0}
    >>> betweenness_scores(nx.path_graph(3), backend="igraph") == scores
    True
    """
    check_backend(backend)
    if k is not None and not 1 <= k <= len(G):
        raise ValueError(f"k must be between 1 and the number of nodes ({len(G)}), not {k}")
    if backend == "networkx" or len(G) < 3:
        return nx.betweenness_centrality(G, k=k, normalized=True, weight=weight,
                                         endpoints=False, seed=random.Random(seed))
    h, nodes = to_igraph(G, weight=weight)
    return igraph_betweenness(h, nodes, list(G), weighted=weight is not None, k=k, seed=seed)


def igraph_betweenness(h: igraph.Graph, nodes: list, order: list, *, weighted: bool,
                       k: int | None, seed: int) -> Scores:
    """:func:`betweenness_scores` on the igraph Graph ``h`` of 3 nodes or more (vertex
    ``i`` is ``nodes[i]``; edge lengths in its ``"weight"`` when ``weighted``); ``order``:
    the nodes in the order networkx would list them, which ``k`` sources are sampled
    from."""
    weights = "weight" if weighted else None
    n = len(nodes)
    directed = h.is_directed()
    if k is None:
        raw = h.betweenness(directed=directed, weights=weights)
        scale = (1.0 if directed else 2.0) / ((n - 1) * (n - 2))
        return {node: value * scale for node, value in zip(nodes, raw, strict=True)}
    # networkx samples random.Random(seed).sample(list(G), k) over G's own node order
    sources = random.Random(seed).sample(order, k)
    index = {node: i for i, node in enumerate(nodes)}
    raw = h.betweenness(directed=directed, weights=weights,
                        sources=[index[s] for s in sources])
    if not directed:
        raw = [2.0 * value for value in raw]  # igraph counts each unordered pair once
    sampled = set(sources)
    # networkx's scaling for sampled sources: a source cannot be its own (s, t) pair
    on_source = 1.0 / ((k - 1) * (n - 2)) if k > 1 else math.nan
    off_source = 1.0 / (k * (n - 2))
    return {node: value * (on_source if node in sampled else off_source)
            for node, value in zip(nodes, raw, strict=True)}


def closeness_scores(G: nx.Graph, *, weight: str | None = None,
                     backend: str = "networkx") -> Scores:
    """Closeness centrality with the Wasserman–Faust correction for disconnected graphs
    (networkx's ``closeness_centrality(wf_improved=True)``): the inverse mean distance to
    a node from the nodes that reach it, times the share of the graph that does. ``weight``
    is an edge *length* (``"distance"``), None for hop counts. Isolated nodes score 0.
    igraph computes the reachable-only closeness; the correction is applied here.

    Reference: Wasserman and Faust, "Social Network Analysis" (1994).

    >>> closeness_scores(nx.path_graph(3))
    {0: 0.6666666666666666, 1: 1.0, 2: 0.6666666666666666}
    >>> closeness_scores(nx.path_graph(3), backend="igraph")
    {0: 0.6666666666666666, 1: 1.0, 2: 0.6666666666666666}
    """
    check_backend(backend)
    if backend == "networkx" or len(G) < 2:
        return nx.closeness_centrality(G, distance=weight, wf_improved=True)
    h, nodes = to_igraph(G, weight=weight)
    mode = "in" if G.is_directed() else "all"
    raw = h.closeness(mode=mode, weights="weight" if weight is not None else None,
                      normalized=True)
    if G.is_directed():  # how many nodes reach each node
        reach = [size - 1 for size in h.neighborhood_size(order=len(nodes), mode="in")]
    else:
        membership = h.connected_components().membership
        sizes = np.bincount(membership)
        reach = [int(sizes[c]) - 1 for c in membership]
    scale = 1.0 / (len(nodes) - 1)
    return {node: 0.0 if r == 0 or math.isnan(value) else value * r * scale
            for node, value, r in zip(nodes, raw, reach, strict=True)}


def pagerank_scores(G: nx.Graph, *, weight: str | None = "weight", alpha: float = 0.85,
                    backend: str = "networkx", tol: float = 1e-10) -> Scores:
    """PageRank: the stationary distribution of a random walk that follows edges (by
    ``weight``, a strength) with probability ``alpha`` and jumps to a uniformly random node
    otherwise, and from a node without out-edges always. Scores sum to 1. An undirected
    edge is followed both ways. networkx iterates until the change is below ``tol`` per
    node; igraph solves it with PRPACK; they agree to about ``tol``.

    Reference: Page, Brin, Motwani and Winograd, "The PageRank citation ranking" (1999).

    >>> scores = pagerank_scores(nx.star_graph(2), weight=None)
    >>> {node: round(score, 4) for node, score in scores.items()}
    {0: 0.4865, 1: 0.2568, 2: 0.2568}
    >>> other = pagerank_scores(nx.star_graph(2), weight=None, backend="igraph")
    >>> max(abs(other[n] - scores[n]) for n in scores) < 1e-9
    True
    """
    check_backend(backend)
    if len(G) == 0:
        return {}
    if backend == "networkx":
        return nx.pagerank(G, alpha=alpha, weight=weight, tol=tol, max_iter=10_000)
    h, nodes = to_igraph(G, weight=weight)
    ranks = h.pagerank(directed=G.is_directed(), damping=alpha,
                       weights="weight" if weight is not None else None)
    return dict(zip(nodes, ranks, strict=True))


def bipartite_pagerank_scores(B: nx.Graph, nodes: Iterable[Hashable], *,
                              weight: str | None = None, alpha: float = 0.85,
                              backend: str = "networkx") -> Scores:
    """PageRank of one side of a bipartite graph: :func:`pagerank_scores` on all of ``B``,
    kept for ``nodes`` (one side, e.g. the papers of
    :func:`kg.analyse.projections.paper_entity_graph`) and rescaled to sum to 1 over them:
    the share of its time a random walk, when it is on that side, spends on each node.

    Two steps of the walk go paper → entity → paper, so this ranks the papers much as
    PageRank on the paper projection would in which a shared entity ``e`` links papers
    with weight ``1 / k_e`` (``k_e``: the papers that mention it; Newman's collaboration
    weighting), without building that projection, which is quadratic in the papers of a
    popular entity. A paper ranks high when it mentions entities that many papers, and
    high-ranking ones, mention: the papers at the centre of the shared vocabulary of
    models, datasets and metrics.

    References: Page et al. (1999); Newman, "Scientific collaboration networks. II"
    (2001) for the weighting.

    >>> B = nx.Graph([("p1", "bert"), ("p2", "bert"), ("p2", "glue"), ("p3", "glue"),
    ...               ("p2", "squad")])
    >>> scores = bipartite_pagerank_scores(B, ["p1", "p2", "p3"])
    >>> max(scores, key=scores.get), round(sum(scores.values()), 9)
    ('p2', 1.0)
    """
    side = sorted_nodes(nodes)
    missing = [node for node in side if node not in B]
    if missing:
        raise ValueError(f"not nodes of the graph: {missing[:3]!r}")
    ranks = pagerank_scores(B, weight=weight, alpha=alpha, backend=backend)
    total = sum(ranks[node] for node in side)
    return {node: ranks[node] / total if total else 0.0 for node in side}


def baseline_counts(C: nx.DiGraph, *, papers: str = "papers") -> dict[Hashable, int]:
    """How often each node of a directed comparison graph
    (:func:`kg.analyse.projections.comparison_graph` with ``directed=True``: ``u → v``
    when ``u`` is evaluated against ``v``) serves as a baseline: the number of distinct
    papers on its in-edges (edge attribute ``papers``), so a model that five papers
    compare their systems against counts 5, however many systems each compares.

    >>> C = nx.DiGraph()
    >>> C.add_edge("ropo", "dpo", papers=("p1",)); C.add_edge("ipo", "dpo", papers=("p1", "p2"))
    >>> C.add_edge("dpo", "ppo", papers=("p3",))
    >>> baseline_counts(C)
    {'dpo': 2, 'ipo': 0, 'ppo': 1, 'ropo': 0}
    """
    if not C.is_directed():
        raise ValueError("baseline_counts needs a directed comparison graph "
                         "(comparison_graph(g, directed=True))")
    return {node: len({paper for _, _, found in C.in_edges(node, data=papers, default=())
                       for paper in found})
            for node in node_order(C)}


#: Components up to this size are solved densely (numpy.linalg.eigh), larger ones with
#: ARPACK (scipy.sparse.linalg.eigsh).
DENSE_LIMIT = 256


def eigenvector_scores(G: nx.Graph, *, weight: str | None = "weight") -> Scores:
    """Eigenvector centrality of an undirected graph, per connected component.

    A disconnected graph has no single leading eigenvector (power iteration gives all the
    weight to the component with the largest eigenvalue and zero elsewhere), so each
    component with an edge gets its own Perron vector (non-negative), scaled to Euclidean
    norm ``sqrt(size / n)``: the squares of all scores sum to the share of nodes in such
    components, and on a connected graph the scores are exactly networkx's
    ``eigenvector_centrality`` (norm 1). Isolated nodes score 0. Never NaN.

    Reference: Bonacich, "Power and centrality: a family of measures" (1987).

    >>> G = nx.disjoint_union(nx.path_graph(3), nx.path_graph(2))
    >>> G.add_node(5)
    >>> {node: round(score, 4) for node, score in eigenvector_scores(G).items()}
    {0: 0.3536, 1: 0.5, 2: 0.3536, 3: 0.4082, 4: 0.4082, 5: 0.0}
    """
    if G.is_directed():
        raise ValueError("eigenvector_scores needs an undirected graph "
                         "(for a directed one, use pagerank_scores)")
    nodes = node_order(G)
    n = len(nodes)
    if n == 0:
        return {}
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=weight, format="csr",
                                 dtype=float)
    return adjacency_eigenvector_scores(A, nodes)


def adjacency_eigenvector_scores(A, nodes: list) -> Scores:
    """:func:`eigenvector_scores` from the symmetric adjacency matrix ``A`` (scipy sparse,
    CSR) of an undirected graph with ``nodes``, in that order."""
    from scipy.sparse.csgraph import connected_components

    n = len(nodes)
    count, labels = connected_components(A, directed=False)
    scores = np.zeros(n)
    members = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[members], np.arange(count + 1))
    for c in range(count):
        part = members[bounds[c]:bounds[c + 1]]
        if len(part) < 2:
            continue
        vector = _perron_vector(A[part][:, part])
        scores[part] = vector * math.sqrt(len(part) / n)
    return {node: float(score) for node, score in zip(nodes, scores, strict=True)}


def _perron_vector(A) -> np.ndarray:
    """The non-negative unit eigenvector of the largest eigenvalue of the symmetric,
    non-negative, irreducible matrix ``A`` (a connected component)."""
    if A.shape[0] <= DENSE_LIMIT:
        _, vectors = np.linalg.eigh(A.toarray())
        vector = vectors[:, -1]
    else:
        from scipy.sparse.linalg import eigsh

        _, vectors = eigsh(A, k=1, which="LA", v0=np.ones(A.shape[0]), tol=0)
        vector = vectors[:, 0]
    vector = np.abs(vector)  # the Perron vector is one-signed; fix the sign, drop -0.0
    return vector / np.linalg.norm(vector)
