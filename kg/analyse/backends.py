"""networkx graphs handed to igraph (and leidenalg), which are imported only when used.

The networkx functions are the reference; the igraph ones compute the same values faster
(tested against each other on Zachary's karate club). A graph goes to igraph with its
nodes in :func:`node_order`, so a result never depends on the order nodes were added in.

>>> import networkx as nx
>>> h, nodes = to_igraph(nx.path_graph(3), weight=None)
>>> h.vcount(), h.ecount(), nodes
(3, 2, [0, 1, 2])
"""

from __future__ import annotations

import importlib
from collections.abc import Hashable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import KgError

if TYPE_CHECKING:
    import igraph

__all__ = ["BACKENDS", "check_backend", "library", "node_order", "sort_key", "sorted_nodes",
           "to_igraph"]

#: The computation backends a measure can run on.
BACKENDS = ("networkx", "igraph")

_INSTALL = {"igraph": "igraph", "leidenalg": "leidenalg"}


def library(name: str) -> ModuleType:
    """Import the optional library ``name`` ("igraph" or "leidenalg"); a KgError saying how
    to install it when it is missing."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise KgError(f"the {name} backend needs the {_INSTALL.get(name, name)} package: "
                      f"pip install {_INSTALL.get(name, name)}") from exc


def check_backend(backend: str) -> None:
    """A ValueError naming the known backends unless ``backend`` is one of them."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r} (known: {', '.join(BACKENDS)})")


def sort_key(node: Hashable) -> tuple[str, str]:
    """A key that orders nodes of any types: type name, then text."""
    return (type(node).__name__, str(node))


def sorted_nodes(nodes: Iterable[Hashable]) -> list:
    """``nodes`` sorted by value when they compare, else by :func:`sort_key`."""
    nodes = list(nodes)
    try:
        return sorted(nodes)
    except TypeError:
        return sorted(nodes, key=sort_key)


def node_order(G: nx.Graph) -> list:
    """``G``'s nodes, :func:`sorted_nodes`."""
    return sorted_nodes(G)


def to_igraph(G: nx.Graph, *, weight: str | None) -> tuple[igraph.Graph, list]:
    """``G`` as an igraph Graph (directed if ``G`` is) with vertices in
    :func:`node_order`, and that order. With ``weight``, the edges carry the attribute
    ``"weight"`` read from ``G``'s edge attribute ``weight`` (1.0 where it is missing).
    Multigraphs are not supported."""
    if G.is_multigraph():
        raise ValueError("multigraphs are not supported; collapse parallel edges first")
    ig = library("igraph")
    nodes = node_order(G)
    index = {node: i for i, node in enumerate(nodes)}
    if weight is None:
        edges = [(index[u], index[v]) for u, v in G.edges()]
        h = ig.Graph(n=len(nodes), edges=edges, directed=G.is_directed())
    else:
        data = G.edges(data=weight, default=1.0)
        edges = [(index[u], index[v]) for u, v, _ in data]
        h = ig.Graph(n=len(nodes), edges=edges, directed=G.is_directed())
        h.es["weight"] = [float(w) for _, _, w in data]
    return h, nodes
