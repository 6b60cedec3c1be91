"""Questions about a lineage graph (:func:`kg.analyse.projections.lineage_graph`), whose
edges run from a foundation to what builds on it (``u → v``: ``v`` is based on ``u``).

Extracted lineage can contain cycles (two papers that disagree, an extraction error).
The functions that need an acyclic graph (roots, longest chains) first drop the edges that
close a cycle: the back edges of a depth-first search that visits nodes and successors in
sorted order, so the choice is deterministic; :func:`acyclic_lineage` gives that graph.

>>> import networkx as nx
>>> L = nx.DiGraph([("transformer", "bert"), ("bert", "roberta"), ("bert", "distilbert"),
...                 ("roberta", "xlm-r")])
>>> lineage_roots(L)
['transformer']
>>> descendant_depths(L, "bert")
{'distilbert': 1, 'roberta': 1, 'xlm-r': 2}
>>> longest_chains(L, limit=1)
[['transformer', 'bert', 'roberta', 'xlm-r']]
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

from kg.analyse.backends import node_order, sorted_nodes
from kg.analyse.measures import Scores, pagerank_scores

__all__ = [
    "acyclic_lineage", "ancestor_depths", "descendant_counts", "descendant_depths",
    "family_tree", "find_node", "influence_scores", "lineage_roots", "longest_chains",
]


def influence_scores(lineage: nx.DiGraph, *, weight: str | None = None, alpha: float = 0.85,
                     backend: str = "networkx") -> Scores:
    """Lineage influence: PageRank on the *reversed* lineage edges (from each model to what
    it builds on, the direction of the kg:basedOn triples), so that a foundation ranks high
    when many models, and influential ones, build on it, directly or not. Scores sum to 1.
    ``weight`` None counts each stated link once; ``"weight"`` weighs it by the papers
    that state it. See :func:`descendant_counts` for the plain count.

    >>> L = nx.DiGraph([("transformer", "bert"), ("bert", "roberta"), ("gpt", "gpt-2")])
    >>> max(influence_scores(L).items(), key=lambda kv: kv[1])[0]
    'transformer'
    """
    return pagerank_scores(lineage.reverse(copy=False), weight=weight, alpha=alpha,
                           backend=backend)


def descendant_counts(lineage: nx.DiGraph) -> dict[Hashable, int]:
    """How many nodes descend from each node (build on it, directly or not).

    >>> descendant_counts(nx.DiGraph([("a", "b"), ("b", "c")]))
    {'a': 2, 'b': 1, 'c': 0}
    """
    condensed = nx.condensation(lineage)
    members = condensed.graph["mapping"]
    size = {c: len(condensed.nodes[c]["members"]) for c in condensed}
    below: dict[int, set[int]] = {}
    for c in reversed(list(nx.topological_sort(condensed))):
        reach: set[int] = set()
        for d in condensed.successors(c):
            reach.add(d)
            reach |= below[d]
        below[c] = reach
    return {node: sum(size[d] for d in below[members[node]]) + size[members[node]] - 1
            for node in lineage}


def acyclic_lineage(lineage: nx.DiGraph) -> nx.DiGraph:
    """``lineage`` itself if it has no cycle, else a copy without the back edges of a
    depth-first search over nodes and successors in sorted order.

    >>> sorted(acyclic_lineage(nx.DiGraph([("a", "b"), ("b", "a")])).edges())
    [('a', 'b')]
    """
    if nx.is_directed_acyclic_graph(lineage):
        return lineage
    dag = lineage.copy()
    state: dict[Hashable, int] = {}  # 1: on the current path, 2: done
    for start in node_order(lineage):
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(sorted_nodes(lineage.successors(start))))]
        while stack:
            node, successors = stack[-1]
            for nxt in successors:
                if state.get(nxt) == 1:
                    dag.remove_edge(node, nxt)
                elif nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, iter(sorted_nodes(lineage.successors(nxt)))))
                    break
            else:
                state[node] = 2
                stack.pop()
    return dag


def lineage_roots(lineage: nx.DiGraph) -> list:
    """The foundations: nodes that something builds on and that build on nothing (in the
    :func:`acyclic_lineage`), sorted.

    >>> lineage_roots(nx.DiGraph([("a", "b"), ("c", "b"), ("b", "d")]))
    ['a', 'c']
    """
    dag = acyclic_lineage(lineage)
    return sorted_nodes(n for n in dag if dag.in_degree(n) == 0 and dag.out_degree(n) > 0)


def find_node(lineage: nx.Graph, name: str) -> Hashable:
    """The node ``name`` names: a node itself (an IRI), else the one node whose ``label``
    (or a label's IRI ending) matches case-insensitively. A ValueError when there is none
    or more than one.

    >>> L = nx.DiGraph([("https://w3id.org/mlkg/id/model/bert", "x")])
    >>> L.nodes["https://w3id.org/mlkg/id/model/bert"]["label"] = "BERT"
    >>> find_node(L, "bert")
    'https://w3id.org/mlkg/id/model/bert'
    """
    if name in lineage:
        return name
    wanted = name.casefold()
    found = [node for node, label in lineage.nodes(data="label")
             if (label is not None and str(label).casefold() == wanted)
             or str(node).casefold().endswith("/" + wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(f"{name!r} is not a node of the lineage graph")
    raise ValueError(f"{name!r} names {len(found)} nodes of the lineage graph: "
                     + ", ".join(sorted(map(str, found))))


def ancestor_depths(lineage: nx.DiGraph, node: Hashable) -> dict[Hashable, int]:
    """What ``node`` builds on, directly (1) or not, with the fewest steps to each.

    >>> ancestor_depths(nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")]), "c")
    {'a': 1, 'b': 1}
    """
    return _depths(lineage.reverse(copy=False), node)


def descendant_depths(lineage: nx.DiGraph, node: Hashable) -> dict[Hashable, int]:
    """What builds on ``node``, directly (1) or not, with the fewest steps to each.

    >>> descendant_depths(nx.DiGraph([("a", "b"), ("b", "c")]), "a")
    {'b': 1, 'c': 2}
    """
    return _depths(lineage, node)


def _depths(G: nx.DiGraph, node: Hashable) -> dict[Hashable, int]:
    if node not in G:
        raise ValueError(f"{node!r} is not a node of the lineage graph")
    found = nx.single_source_shortest_path_length(G, node)
    return {n: found[n] for n in sorted_nodes(found) if n != node}


def family_tree(lineage: nx.DiGraph, model: Hashable) -> nx.DiGraph:
    """The family of ``model`` (a node, or a name :func:`find_node` resolves): the
    subgraph of the model, its ancestors and its descendants, each node with
    ``generation`` (-k for an ancestor k steps up, +k for a descendant k steps down, 0 for
    the model; a node that is both, on a cycle, counts as an ancestor).

    >>> L = nx.DiGraph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> dict(family_tree(L, "b").nodes(data="generation"))
    {'a': -1, 'b': 0, 'c': 1}
    """
    node = find_node(lineage, model) if isinstance(model, str) else model
    generation = dict(descendant_depths(lineage, node))
    generation.update({n: -d for n, d in ancestor_depths(lineage, node).items()})
    generation[node] = 0
    tree = nx.DiGraph()
    tree.graph.update(lineage.graph)
    tree.add_nodes_from((n, lineage.nodes[n]) for n in sorted_nodes(generation))
    tree.add_edges_from((u, v, d) for u, v, d in lineage.subgraph(generation).edges(data=True))
    nx.set_node_attributes(tree, generation, "generation")
    return tree


def longest_chains(lineage: nx.DiGraph, *, limit: int | None = 10) -> list[list]:
    """The longest line of descent from each root of the :func:`acyclic_lineage` (ties:
    the chain that sorts first), longest first, at most ``limit`` of them.

    >>> L = nx.DiGraph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> longest_chains(L)
    [['a', 'b', 'c'], ['x', 'y']]
    """
    dag = acyclic_lineage(lineage)
    best: dict[Hashable, tuple] = {}  # node -> the longest chain from it
    for node in reversed(list(nx.lexicographical_topological_sort(dag, key=str))):
        chains = [best[s] for s in dag.successors(node)]
        best[node] = (node, *min(chains, key=_chain_key)) if chains else (node,)
    chains = sorted((list(best[root]) for root in lineage_roots(dag)), key=_chain_key)
    return chains if limit is None else chains[:limit]


def _chain_key(chain) -> tuple:
    return (-len(chain), [str(n) for n in chain])
