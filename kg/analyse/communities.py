"""Communities: each function returns a :class:`Partition` of the graph's nodes.

Communities are listed largest first (ties: by smallest member), so community numbers are
a function of the partition alone. The randomised algorithms take an explicit ``seed``;
the same graph (nodes and edges in the same order, as the projections build them) and the
same seed give the same partition.

Modularity is Newman's, with the ``weight`` and ``resolution`` the partition was found
with (directed modularity on a directed graph); 0 on a graph without edges.

>>> import networkx as nx
>>> G = nx.barbell_graph(4, 0)
>>> part = louvain_communities(G, seed=0)
>>> [sorted(c) for c in part.communities], round(part.modularity, 4)
([[0, 1, 2, 3], [4, 5, 6, 7]], 0.4231)
>>> part.membership()[5]
1
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx

from kg.analyse.backends import library, sort_key, to_igraph

if TYPE_CHECKING:
    import igraph

__all__ = [
    "Partition", "connected_component_communities", "igraph_leiden",
    "label_propagation_communities",
    "leiden_communities", "louvain_communities", "modularity",
]


@dataclass(frozen=True, slots=True)
class Partition:
    """A partition of a graph's nodes into communities, and how it was found.

    ``communities``: largest first, ties by smallest member. ``parameters``: the
    algorithm's parameters (seed, weight, resolution, ...) as given.
    """

    algorithm: str
    communities: tuple[frozenset, ...]
    modularity: float
    parameters: dict = field(default_factory=dict)

    def membership(self) -> dict[Hashable, int]:
        """The index (0 = largest) of each node's community."""
        return {node: i for i, members in enumerate(self.communities) for node in members}

    def restricted(self, nodes: Iterable[Hashable]) -> Partition:
        """The same partition seen from ``nodes`` only (e.g. the papers of a partition of
        the paper–entity graph): each community cut down to them, empty ones dropped,
        renumbered largest first; ``modularity`` stays that of the whole partition.

        >>> part = Partition("x", (frozenset({"p1", "e1", "e2"}), frozenset({"e3"})), 0.5)
        >>> part.restricted({"p1", "p2"}).communities
        (frozenset({'p1'}),)
        """
        keep = set(nodes)
        return Partition(self.algorithm, _canonical(c & keep for c in self.communities),
                         self.modularity, dict(self.parameters))


def _canonical(communities: Iterable[Iterable[Hashable]]) -> tuple[frozenset, ...]:
    """Non-empty communities, largest first, ties by smallest member."""
    parts = [frozenset(c) for c in communities if c]
    try:
        return tuple(sorted(parts, key=lambda c: (-len(c), min(c))))
    except TypeError:  # nodes of types that do not compare
        return tuple(sorted(parts, key=lambda c: (-len(c), min(map(sort_key, c)))))


def modularity(G: nx.Graph, communities: Iterable[Iterable[Hashable]], *,
               weight: str | None = "weight", resolution: float = 1.0) -> float:
    """Newman's modularity of ``communities`` (which must partition ``G``'s nodes); 0 on a
    graph without edges (where networkx divides by zero).

    Reference: Newman, "Modularity and community structure in networks" (2006).

    >>> modularity(nx.barbell_graph(3, 0), [{0, 1, 2}, {3, 4, 5}], weight=None)
    0.35714285714285715
    """
    if G.number_of_edges() == 0:
        return 0.0
    return float(nx.community.modularity(G, communities, weight=weight,
                                         resolution=resolution))


def louvain_communities(G: nx.Graph, *, weight: str | None = "weight",
                        resolution: float = 1.0, seed: int = 0) -> Partition:
    """Louvain communities (networkx's ``louvain_communities`` with ``seed``).

    Reference: Blondel, Guillaume, Lambiotte and Lefebvre, "Fast unfolding of communities
    in large networks" (2008).

    >>> louvain_communities(nx.empty_graph(2)).communities
    (frozenset({0}), frozenset({1}))
    """
    found = nx.community.louvain_communities(G, weight=weight, resolution=resolution,
                                             threshold=1e-7, seed=seed)
    communities = _canonical(found)
    return Partition("louvain", communities,
                     modularity(G, communities, weight=weight, resolution=resolution),
                     {"seed": seed, "weight": weight, "resolution": resolution})


def leiden_communities(G: nx.Graph, *, weight: str | None = "weight",
                       resolution: float = 1.0, seed: int = 0, n_iterations: int = -1,
                       implementation: str = "igraph") -> Partition:
    """Leiden communities optimising modularity at ``resolution``, iterated until stable
    (``n_iterations=-1``) or ``n_iterations`` times, from ``seed``. Unlike Louvain's, its
    communities are always connected.

    ``implementation="igraph"`` (the default) is igraph's ``community_leiden`` (C, an
    order of magnitude faster), run with its random number generator set to
    ``random.Random(seed)`` for the call (and set back to the ``random`` module after);
    ``"leidenalg"`` is leidenalg's ``RBConfigurationVertexPartition`` (at resolution 1,
    modularity) with ``seed``. Both find partitions of about the same modularity, not the
    same partition. On a directed graph, leidenalg optimises directed modularity; igraph's
    Leiden is for undirected graphs only.

    Reference: Traag, Waltman and van Eck, "From Louvain to Leiden: guaranteeing
    well-connected communities" (2019).

    >>> part = leiden_communities(nx.barbell_graph(4, 0), seed=0)
    >>> [sorted(c) for c in part.communities]
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    >>> part.communities == leiden_communities(nx.barbell_graph(4, 0), seed=0,
    ...                                        implementation="leidenalg").communities
    True
    """
    if implementation not in ("igraph", "leidenalg"):
        raise ValueError(f"unknown Leiden implementation {implementation!r} "
                         "(known: igraph, leidenalg)")
    parameters = {"seed": seed, "weight": weight, "resolution": resolution,
                  "n_iterations": n_iterations, "implementation": implementation}
    if G.number_of_edges() == 0:
        return Partition("leiden", _canonical([node] for node in G), 0.0, parameters)
    if implementation == "igraph" and G.is_directed():
        raise ValueError("igraph's Leiden needs an undirected graph "
                         "(use implementation='leidenalg' for a directed one)")
    h, nodes = to_igraph(G, weight=weight)
    return igraph_leiden(h, nodes, weighted=weight is not None, parameters=parameters)


def igraph_leiden(h: igraph.Graph, nodes: list, *, weighted: bool,
                  parameters: dict) -> Partition:
    """:func:`leiden_communities` on the igraph Graph ``h`` with at least one edge
    (vertex ``i`` is ``nodes[i]``; edge weights in its ``"weight"`` when ``weighted``),
    with the ``parameters`` it takes (all of them: seed, resolution, n_iterations,
    implementation, and weight, which is only recorded)."""
    seed, resolution = parameters["seed"], parameters["resolution"]
    n_iterations, implementation = parameters["n_iterations"], parameters["implementation"]
    weights = "weight" if weighted else None
    if implementation == "igraph":
        ig = library("igraph")
        ig.set_random_number_generator(random.Random(seed))
        try:
            found = h.community_leiden(objective_function="modularity", weights=weights,
                                       resolution=resolution, n_iterations=n_iterations)
        finally:
            ig.set_random_number_generator(random)
        membership = found.membership
    else:
        leidenalg = library("leidenalg")
        found = leidenalg.find_partition(
            h, leidenalg.RBConfigurationVertexPartition, weights=weights,
            resolution_parameter=resolution, n_iterations=n_iterations, seed=seed)
        membership = found.membership
    groups: dict[int, list] = {}
    for node, label in zip(nodes, membership, strict=True):
        groups.setdefault(label, []).append(node)
    communities = _canonical(groups.values())
    score = h.modularity(membership, weights=weights, resolution=resolution,
                         directed=h.is_directed())
    return Partition("leiden", communities, float(score), parameters)


def label_propagation_communities(G: nx.Graph, *, weight: str | None = "weight",
                                  seed: int = 0) -> Partition:
    """Communities by fast label propagation (networkx's
    ``fast_label_propagation_communities`` with ``seed``): each node takes the label most
    of its neighbours' (weighted) edges carry, until no label changes. Fast, no objective.

    Reference: Traag and Šubelj, "Large network community detection by fast label
    propagation" (2023).

    >>> part = label_propagation_communities(nx.barbell_graph(4, 0), seed=0)
    >>> len(part.communities)
    2
    """
    found = nx.community.fast_label_propagation_communities(G, weight=weight, seed=seed)
    communities = _canonical(found)
    return Partition("label-propagation", communities,
                     modularity(G, communities, weight=weight),
                     {"seed": seed, "weight": weight})


def connected_component_communities(G: nx.Graph, *,
                                    weight: str | None = "weight") -> Partition:
    """The connected components (weakly connected on a directed graph) as a partition;
    ``weight`` only enters its modularity.

    >>> part = connected_component_communities(nx.Graph([(0, 1), (2, 3)]))
    >>> [sorted(c) for c in part.communities]
    [[0, 1], [2, 3]]
    """
    found = (nx.weakly_connected_components(G) if G.is_directed()
             else nx.connected_components(G))
    communities = _canonical(found)
    return Partition("connected-components", communities,
                     modularity(G, communities, weight=weight), {"weight": weight})
