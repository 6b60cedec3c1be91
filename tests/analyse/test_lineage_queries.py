"""Lineage questions: roots, ancestry with depth, chains, family trees, influence."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analyse.lineage import (
    acyclic_lineage,
    ancestor_depths,
    descendant_counts,
    descendant_depths,
    family_tree,
    find_node,
    influence_scores,
    lineage_roots,
    longest_chains,
)
from kg.analyse.measures import pagerank_scores


@pytest.fixture
def tree() -> nx.DiGraph:
    """transformer → bert → {roberta → xlm-r, distilbert}; transformer → gpt → gpt-2;
    word2vec → glove (a second family); bert also uses wordpiece."""
    L = nx.DiGraph([("transformer", "bert"), ("bert", "roberta"), ("roberta", "xlm-r"),
                    ("bert", "distilbert"), ("transformer", "gpt"), ("gpt", "gpt-2"),
                    ("word2vec", "glove"), ("wordpiece", "bert")])
    for node in L:
        L.nodes[node]["label"] = node.upper()
    L.graph["projection"] = "lineage"
    return L


def test_roots_are_the_foundations(tree):
    assert lineage_roots(tree) == ["transformer", "word2vec", "wordpiece"]


def test_ancestors_and_descendants_with_depth(tree):
    assert ancestor_depths(tree, "xlm-r") == {"bert": 2, "roberta": 1, "transformer": 3,
                                               "wordpiece": 3}
    assert descendant_depths(tree, "transformer") == {
        "bert": 1, "distilbert": 2, "gpt": 1, "gpt-2": 2, "roberta": 2, "xlm-r": 3}
    assert descendant_depths(tree, "xlm-r") == {}
    with pytest.raises(ValueError, match="'t5' is not a node"):
        ancestor_depths(tree, "t5")


def test_descendant_counts_match_networkx_descendants(tree):
    counts = descendant_counts(tree)
    assert counts == {n: len(nx.descendants(tree, n)) for n in tree}
    cyclic = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    assert descendant_counts(cyclic) == {n: len(nx.descendants(cyclic, n)) for n in cyclic}


def test_longest_chains_one_per_root_longest_first(tree):
    assert longest_chains(tree) == [
        ["transformer", "bert", "roberta", "xlm-r"],
        ["wordpiece", "bert", "roberta", "xlm-r"],
        ["word2vec", "glove"],
    ]
    assert longest_chains(tree, limit=1) == [["transformer", "bert", "roberta", "xlm-r"]]
    assert all(len(c) <= len(nx.dag_longest_path(tree)) for c in longest_chains(tree))


def test_family_tree_has_generations(tree):
    family = family_tree(tree, "BERT")  # found by label
    assert dict(family.nodes(data="generation")) == {
        "bert": 0, "distilbert": 1, "roberta": 1, "transformer": -1, "wordpiece": -1,
        "xlm-r": 2}
    assert set(family.edges()) == {("transformer", "bert"), ("wordpiece", "bert"),
                                   ("bert", "roberta"), ("bert", "distilbert"),
                                   ("roberta", "xlm-r")}
    assert family.nodes["bert"]["label"] == "BERT"
    assert family.graph == {"projection": "lineage"}
    assert "gpt" not in family  # a sibling branch is not family


def test_find_node_by_iri_label_or_iri_ending():
    L = nx.DiGraph([("https://w3id.org/mlkg/id/model/bert", "https://w3id.org/mlkg/id/model/x")])
    nx.set_node_attributes(L, {"https://w3id.org/mlkg/id/model/bert": "BERT"}, "label")
    assert find_node(L, "Bert") == find_node(L, "https://w3id.org/mlkg/id/model/bert")
    assert find_node(L, "x") == "https://w3id.org/mlkg/id/model/x"
    L.add_node("https://w3id.org/mlkg/id/method/bert")
    with pytest.raises(ValueError, match="names 2 nodes"):
        find_node(L, "bert")
    with pytest.raises(ValueError, match="is not a node"):
        find_node(L, "t5")


def test_cycles_are_broken_deterministically():
    cyclic = nx.DiGraph([("b", "a"), ("a", "b"), ("b", "c"), ("c", "a")])
    dag = acyclic_lineage(cyclic)
    assert nx.is_directed_acyclic_graph(dag)
    assert sorted(dag.edges()) == [("a", "b"), ("b", "c")]
    assert lineage_roots(cyclic) == ["a"]
    assert longest_chains(cyclic) == [["a", "b", "c"]]
    assert set(cyclic.edges()) == {("b", "a"), ("a", "b"), ("b", "c"), ("c", "a")}
    plain = nx.DiGraph([("a", "b")])
    assert acyclic_lineage(plain) is plain


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_influence_is_pagerank_towards_the_foundations(tree, backend):
    scores = influence_scores(tree, backend=backend)
    expected = nx.pagerank(tree.reverse(), alpha=0.85, weight=None, tol=1e-12)
    assert all(abs(scores[n] - expected[n]) < 1e-8 for n in tree)
    ranked = sorted(scores, key=scores.get, reverse=True)
    assert ranked[0] == "transformer"
    assert scores["bert"] > scores["xlm-r"]
    assert pagerank_scores(tree, weight=None)["xlm-r"] > pagerank_scores(
        tree, weight=None)["transformer"]  # the other way round, leaves would win
