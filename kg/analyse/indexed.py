"""The projections of :mod:`kg.analyse.projections` built from plain rows of strings into
integer-indexed edge lists, and the measures :mod:`kg.analyse.writeback` writes computed
on them with igraph, without networkx or rdflib terms in between (the store's analysis,
:mod:`kg.store.analyse`, at scale).

Each :class:`IndexedGraph` is exactly the graph the networkx projection builds, as
:func:`kg.analyse.backends.to_igraph` hands it to igraph: nodes sorted (vertex ``i`` is
``nodes[i]``), edges in the order networkx lists them, the same weights. The same igraph
calls on the same input then give the same numbers, bit for bit, and the same
communities (tests/analyse/test_indexed.py compares them with the networkx path).

>>> G = coauthorship_indexed([("p1", "ann"), ("p1", "bo"), ("p2", "bo"), ("p2", "ann")])
>>> G.nodes, G.edges.tolist(), G.weights
(['ann', 'bo'], [[0, 1]], [2])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from kg.analyse.backends import library
from kg.analyse.communities import Partition, _canonical, igraph_leiden
from kg.analyse.measures import Scores, adjacency_eigenvector_scores, igraph_betweenness

if TYPE_CHECKING:
    import igraph

__all__ = ["IndexedGraph", "coauthorship_indexed", "comention_indexed", "comparison_indexed",
           "lineage_indexed", "linked_papers", "paper_entity_indexed"]


@dataclass(slots=True)
class IndexedGraph:
    """A projection: ``nodes`` (sorted IRIs), ``edges`` (vertex index pairs, in networkx's
    order: a list of tuples, or an (m, 2) array where there can be millions, as in the
    co-mention graph, since a tuple of two ints takes about 150 bytes), ``weights`` (the
    ``weight`` of each edge: papers in common, at least 1; None for an unweighted graph),
    ``directed``; ``papers``: per edge, the papers on it, where a measure needs them (the
    comparison graph)."""

    nodes: list[str]
    edges: list[tuple[int, int]] | np.ndarray
    weights: list[int] | None
    directed: bool
    papers: list[frozenset[str]] | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.nodes)

    def igraph(self, weight: str | None = None) -> igraph.Graph:
        """The igraph Graph, with ``weight`` ("weight", or "distance": 1 / weight) as its
        edge attribute ``"weight"`` when given."""
        h = self._cache.get("graph")
        if h is None:
            ig = library("igraph")
            h = self._cache["graph"] = ig.Graph(n=len(self.nodes), directed=self.directed)
            if isinstance(self.edges, np.ndarray):  # as tuples a slice at a time
                for start in range(0, len(self.edges), _EDGE_SLICE):
                    h.add_edges(self.edges[start:start + _EDGE_SLICE].tolist())
            else:
                h.add_edges(self.edges)
        if weight is not None:
            if self.weights is None:
                raise ValueError("an unweighted graph has no edge weights")
            h.es["weight"] = ([float(w) for w in self.weights] if weight == "weight"
                              else [1.0 / w for w in self.weights])
        return h

    def components(self) -> int:
        """Connected components (weakly connected when directed)."""
        return len(self.igraph().connected_components(mode="weak"))

    def undirected(self) -> IndexedGraph:
        """networkx's ``to_undirected()`` of this directed graph: a pair linked both ways
        is one edge with the weight of the one listed last; edges in networkx's order."""
        adjacency: list[dict[int, int]] = [{} for _ in self.nodes]
        weights = self.weights or [1] * len(self.edges)
        for (u, v), w in zip(self.edges, weights, strict=True):
            adjacency[u][v] = w
            adjacency[v][u] = w
        edges, out = [], []
        for u, neighbours in enumerate(adjacency):
            for v, w in neighbours.items():
                if v > u:  # networkx lists an edge from the end it reaches first
                    edges.append((u, v))
                    out.append(w)
        return IndexedGraph(self.nodes, edges, out if self.weights else None, False)

    # the measures of kg.analyse.measures, as igraph computes them

    def degree_scores(self) -> Scores:
        """:func:`kg.analyse.measures.degree_scores` with ``weight=None``."""
        if len(self.nodes) <= 1:
            return dict.fromkeys(self.nodes, 1.0)
        scale = 1.0 / (len(self.nodes) - 1.0)
        return {node: d * scale for node, d in zip(self.nodes, self.igraph().degree(),
                                                     strict=True)}

    def betweenness_scores(self, *, weight: str | None, k: int | None, seed: int) -> Scores:
        """:func:`kg.analyse.measures.betweenness_scores` (igraph backend)."""
        if len(self.nodes) < 3:
            return dict.fromkeys(self.nodes, 0.0)
        return igraph_betweenness(self.igraph(weight), self.nodes, self.nodes,
                                  weighted=weight is not None, k=k, seed=seed)

    def pagerank_scores(self, *, weight: str | None, alpha: float = 0.85,
                        reverse: bool = False) -> Scores:
        """:func:`kg.analyse.measures.pagerank_scores` (igraph backend); with
        ``reverse``, of the graph with every edge reversed (as networkx's
        ``reverse(copy=False)`` lists them)."""
        if not self.nodes:
            return {}
        if reverse:
            order = sorted(range(len(self.edges)), key=lambda e: self.edges[e][::-1])
            ig = library("igraph")
            h = ig.Graph(n=len(self.nodes), edges=[self.edges[e][::-1] for e in order],
                         directed=self.directed)
            if weight is not None:
                h.es["weight"] = [float(self.weights[e]) for e in order]
        else:
            h = self.igraph(weight)
        ranks = h.pagerank(directed=self.directed, damping=alpha,
                           weights="weight" if weight is not None else None)
        return dict(zip(self.nodes, ranks, strict=True))

    def eigenvector_scores(self) -> Scores:
        """:func:`kg.analyse.measures.eigenvector_scores` with ``weight="weight"``."""
        import scipy.sparse as sp

        n = len(self.nodes)
        if n == 0:
            return {}
        pairs = np.array(self.edges, dtype=np.int64).reshape(-1, 2)
        data = np.array(self.weights, dtype=float)
        A = sp.coo_array((np.concatenate([data, data]),
                          (np.concatenate([pairs[:, 0], pairs[:, 1]]),
                           np.concatenate([pairs[:, 1], pairs[:, 0]]))),
                         shape=(n, n), dtype=float).asformat("csr")
        return adjacency_eigenvector_scores(A, self.nodes)

    def descendant_counts(self) -> dict[str, int]:
        """:func:`kg.analyse.lineage.descendant_counts`: the nodes each node reaches."""
        h = self.igraph()
        sizes = h.neighborhood_size(order=max(len(self.nodes), 1), mode="out")
        return {node: size - 1 for node, size in zip(self.nodes, sizes, strict=True)}

    def baseline_counts(self) -> dict[str, int]:
        """:func:`kg.analyse.measures.baseline_counts` of a comparison graph."""
        found: list[set[str]] = [set() for _ in self.nodes]
        for (_, v), papers in zip(self.edges, self.papers or (), strict=True):
            found[v].update(papers)
        return {node: len(papers) for node, papers in zip(self.nodes, found, strict=True)}

    def leiden_communities(self, *, weight: str | None, seed: int) -> Partition:
        """:func:`kg.analyse.communities.leiden_communities` with its defaults
        (igraph's Leiden, modularity at resolution 1, iterated until stable)."""
        parameters = {"seed": seed, "weight": weight, "resolution": 1.0, "n_iterations": -1,
                      "implementation": "igraph"}
        if len(self.edges) == 0:
            return Partition("leiden", _canonical([node] for node in self.nodes), 0.0,
                             parameters)
        if self.directed:
            raise ValueError("igraph's Leiden needs an undirected graph")
        return igraph_leiden(self.igraph(weight), self.nodes, weighted=weight is not None,
                             parameters=parameters)


#: Edges given to igraph at a time from an array (each call of ``add_edges`` costs time in
#: proportion to the edges already there, so not too few).
_EDGE_SLICE = 1_000_000


def _index(values: Iterable[str]) -> tuple[list[str], dict[str, int]]:
    nodes = sorted(set(values))
    return nodes, {node: i for i, node in enumerate(nodes)}


def _pair_counts(groups: np.ndarray, members: np.ndarray, n: int
                 ) -> tuple[np.ndarray, list[int]]:
    """The pairs ``i < j`` of members that share a group, sorted, as an (m, 2) array, and
    how many groups each pair shares; ``groups`` and ``members`` are parallel arrays,
    sorted by (group, member), without repeats."""
    if len(members) < 2:
        return np.zeros((0, 2), np.int64), []
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    ends = np.r_[starts[1:], len(groups)]
    end = np.repeat(ends, ends - starts)  # the end of each member's group
    reps = end - np.arange(len(members)) - 1  # the members after it in its group
    total = int(reps.sum())
    if total == 0:
        return np.zeros((0, 2), np.int64), []
    left = np.repeat(np.arange(len(members)), reps)
    offsets = np.arange(total) - np.repeat(np.cumsum(reps) - reps, reps)
    right = left + 1 + offsets
    codes = members[left].astype(np.int64) * n + members[right]
    unique, counts = np.unique(codes, return_counts=True)
    return np.stack([unique // n, unique % n], axis=1), counts.tolist()


def _grouped(rows: Sequence[tuple[str, str]], index: Mapping[str, int]
             ) -> tuple[np.ndarray, np.ndarray]:
    """(group, member index) arrays of ``rows`` (group, member), sorted, without repeats
    (groups numbered in the order they first come)."""
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    groups_of: dict[str, int] = {}
    groups = np.fromiter((groups_of.setdefault(g, len(groups_of)) for g, _ in rows),
                         np.int64, len(rows))
    members = np.fromiter((index[m] for _, m in rows), np.int64, len(rows))
    n = max(len(index), 1)
    codes = np.unique(groups * n + members)
    return codes // n, codes % n


def coauthorship_indexed(authors: Iterable[tuple[str, str]]) -> IndexedGraph:
    """:func:`kg.analyse.projections.coauthorship_graph` from (paper, person) rows: the
    people of every paper, linked by the papers they share (``weight``)."""
    authors = list(authors)
    nodes, index = _index(person for _, person in authors)
    groups, members = _grouped(authors, index)
    edges, weights = _pair_counts(groups, members, len(nodes))
    return IndexedGraph(nodes, edges, weights, False)


def paper_entity_indexed(mentions: Iterable[tuple[str, str]]
                         ) -> tuple[IndexedGraph, list[str]]:
    """:func:`kg.analyse.projections.paper_entity_graph` (``count_mentions=False``) from
    (paper, entity) rows, unweighted, and its papers (sorted)."""
    mentions = set(mentions)
    nodes, index = _index(n for pair in mentions for n in pair)
    ends = np.array([(index[p], index[e]) for p, e in mentions], dtype=np.int64).reshape(-1, 2)
    ends = ends[np.lexsort((ends[:, 1], ends[:, 0]))]  # sorted by (paper, entity)
    edges = list(zip(ends[:, 0].tolist(), ends[:, 1].tolist(), strict=True))
    papers = [nodes[i] for i in np.unique(ends[:, 0]).tolist()]
    return IndexedGraph(nodes, edges, None, False), papers


def comention_indexed(mentions: Iterable[tuple[str, str]]) -> IndexedGraph:
    """:func:`kg.analyse.projections.comention_graph` from (paper, entity) rows: every
    mentioned entity, linked by the papers that mention both (``weight``)."""
    mentions = list(mentions)
    nodes, index = _index(entity for _, entity in mentions)
    groups, members = _grouped(mentions, index)
    edges, weights = _pair_counts(groups, members, len(nodes))
    return IndexedGraph(nodes, edges, weights, False)


def linked_papers(links: Iterable[tuple[str, str, str]],
                  stated: Iterable[tuple[str, str, str, str | None]],
                  mentions: Iterable[tuple[str, str]], kinds: Iterable[str],
                  ) -> dict[tuple[str, str, str], set[str]]:
    """The papers behind each link (s, kind, o) of ``kinds`` (``_linked`` of
    :mod:`kg.analyse.projections`): those its statements are derived from when it has a
    statement (none for an inferred one), else those that mention both ends."""
    kinds = set(kinds)
    by_statement: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s, kind, o, paper in stated:
        if kind in kinds:
            papers = by_statement[(s, kind, o)]
            if paper is not None:
                papers.add(paper)
    mentioned: dict[str, set[str]] | None = None
    found = {}
    for key in links:
        if key[1] not in kinds:
            continue
        if key in by_statement:
            found[key] = by_statement[key]
            continue
        if mentioned is None:
            mentioned = defaultdict(set)
            for paper, entity in mentions:
                mentioned[entity].add(paper)
        found[key] = mentioned.get(key[0], set()) & mentioned.get(key[2], set())
    return found


def _pair_graph(pairs: Mapping[tuple[str, str], set[str]], *, keep_papers: bool
                ) -> IndexedGraph:
    nodes, index = _index(n for pair in pairs for n in pair)
    ordered = sorted(pairs.items())
    return IndexedGraph(nodes, [(index[u], index[v]) for (u, v), _ in ordered],
                        [max(len(papers), 1) for _, papers in ordered], True,
                        [frozenset(papers) for _, papers in ordered] if keep_papers else None)


def lineage_indexed(linked: Mapping[tuple[str, str, str], set[str]],
                    kinds: Iterable[str]) -> IndexedGraph:
    """:func:`kg.analyse.projections.lineage_graph` from :func:`linked_papers`: ``u → v``
    for every ``v kind u`` of ``kinds``, weighted by the papers of all of a pair's links."""
    kinds = set(kinds)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (s, kind, o), papers in linked.items():
        if kind in kinds:
            pairs[(o, s)] |= papers
    return _pair_graph(pairs, keep_papers=False)


def comparison_indexed(linked: Mapping[tuple[str, str, str], set[str]]) -> IndexedGraph:
    """:func:`kg.analyse.projections.comparison_graph` with ``directed=True`` from
    :func:`linked_papers`: ``u → v`` for every ``u kg:comparedWith v``, with its papers."""
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (s, kind, o), papers in linked.items():
        if kind == "comparedWith":
            pairs[(s, o)] |= papers
    return _pair_graph(pairs, keep_papers=True)
