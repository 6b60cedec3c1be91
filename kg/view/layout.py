"""A deterministic top-down layered layout for directed graphs such as the model lineage.

vis-network's own hierarchical layout puts every tree of a forest side by side, so a
lineage of many small families becomes one thin strip that the page must shrink until no
label can be read. :func:`layered_layout` lays each weakly connected component out in
layers (a node one layer below the lowest of its predecessors) and packs the components
into rows of about the page's aspect ratio.

>>> import networkx as nx
>>> G = nx.DiGraph([("bert", "roberta"), ("roberta", "xlm-r"), ("bert", "albert")])
>>> pos = layered_layout(G)
>>> [pos[n][1] for n in ("bert", "roberta", "albert", "xlm-r")]
[0.0, 110.0, 110.0, 220.0]
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable

import networkx as nx

__all__ = ["layered_layout"]


def _levels(G: nx.DiGraph) -> dict[Hashable, int]:
    """Each node's layer: the longest path to it from a root, cycles taken as one node."""
    C = nx.condensation(G)
    level: dict[int, int] = {}
    for scc in nx.topological_sort(C):
        level[scc] = max((level[p] + 1 for p in C.predecessors(scc)), default=0)
    return {n: level[C.graph["mapping"][n]] for n in G}


def _component(G: nx.DiGraph, nodes: list, level: dict, x_gap: float, y_gap: float,
               ) -> tuple[dict, float, float]:
    """Positions of one component, from (0, 0); its width and height."""
    layers: dict[int, list] = defaultdict(list)
    for n in nodes:
        layers[level[n]].append(n)
    order: dict[Hashable, float] = {}
    widest = max(len(layer) for layer in layers.values())
    pos = {}
    for depth in sorted(layers):
        def key(n, depth=depth):
            parents = [order[p] for p in G.predecessors(n) if p in order and level[p] < depth]
            return (sum(parents) / len(parents) if parents else -1.0, str(n))

        layer = sorted(layers[depth], key=key)
        offset = (widest - len(layer)) / 2
        for i, n in enumerate(layer):
            order[n] = offset + i
            pos[n] = ((offset + i) * x_gap, depth * y_gap)
    return pos, (widest - 1) * x_gap, (max(layers)) * y_gap


def layered_layout(G: nx.DiGraph, *, x_gap: float = 150.0, y_gap: float = 110.0,
                   aspect: float = 1.9) -> dict[Hashable, tuple[float, float]]:
    """Node → (x, y) for a top-down drawing of ``G``: edges point down (``y`` grows with
    the layer, roots at ``y = 0`` of their component), nodes of a layer ``x_gap`` apart in
    the order of their predecessors, components packed left to right into rows about
    ``aspect`` times as wide as the whole is high, largest first. The same graph gives the
    same positions."""
    if len(G) == 0:
        return {}
    level = _levels(G)
    parts = []
    for nodes in nx.weakly_connected_components(G):
        nodes = sorted(nodes, key=str)
        pos, width, height = _component(G, nodes, level, x_gap, y_gap)
        parts.append((-len(nodes), str(nodes[0]), pos, width, height))
    parts.sort(key=lambda p: (p[0], p[1]))
    area = sum((w + x_gap) * (h + y_gap) for _, _, _, w, h in parts)
    row_width = max(max(w for _, _, _, w, _ in parts), math.sqrt(area * aspect))
    placed: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for _, _, pos, width, height in parts:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + y_gap, 0.0
        for n, (px, py) in pos.items():
            placed[n] = (round(x + px, 1), round(y + py, 1))
        x += width + x_gap
        row_height = max(row_height, height)
    return placed
