"""Community detection against networkx and leidenalg on Zachary's karate club."""

from __future__ import annotations

import random

import igraph as ig
import leidenalg
import networkx as nx
import pytest

from kg.analyse.communities import (
    Partition,
    connected_component_communities,
    label_propagation_communities,
    leiden_communities,
    louvain_communities,
    modularity,
)


@pytest.fixture(scope="module")
def karate() -> nx.Graph:
    return nx.karate_club_graph()


def as_sets(communities) -> set[frozenset]:
    return {frozenset(c) for c in communities}


def is_canonical(part: Partition) -> bool:
    keys = [(-len(c), min(c)) for c in part.communities]
    return keys == sorted(keys)


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_louvain_is_networkx_louvain_with_its_modularity(karate, seed):
    expected = nx.community.louvain_communities(karate, weight="weight", seed=seed)
    part = louvain_communities(karate, weight="weight", seed=seed)
    assert as_sets(part.communities) == as_sets(expected)
    assert part.modularity == pytest.approx(
        nx.community.modularity(karate, expected, weight="weight"))
    assert part.algorithm == "louvain" and is_canonical(part)
    assert part.parameters == {"seed": seed, "weight": "weight", "resolution": 1.0}


def karate_igraph(karate) -> ig.Graph:
    h = ig.Graph(n=34, edges=list(karate.edges()))
    h.es["weight"] = [d["weight"] for _, _, d in karate.edges(data=True)]
    return h


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_leiden_with_leidenalg_is_leidenalg_with_igraphs_modularity(karate, seed):
    h = karate_igraph(karate)
    expected = leidenalg.find_partition(h, leidenalg.RBConfigurationVertexPartition,
                                        weights="weight", resolution_parameter=1.0,
                                        n_iterations=-1, seed=seed)
    part = leiden_communities(karate, weight="weight", seed=seed, implementation="leidenalg")
    assert as_sets(part.communities) == as_sets(expected)
    assert part.modularity == pytest.approx(h.modularity(expected.membership, weights="weight"))
    assert part.modularity == pytest.approx(modularity(karate, part.communities))
    assert is_canonical(part)


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_leiden_with_igraph_is_igraphs_leiden_from_a_seeded_generator(karate, seed):
    h = karate_igraph(karate)
    ig.set_random_number_generator(random.Random(seed))
    try:
        expected = h.community_leiden(objective_function="modularity", weights="weight",
                                      n_iterations=-1)
    finally:
        ig.set_random_number_generator(random)
    part = leiden_communities(karate, weight="weight", seed=seed)
    assert as_sets(part.communities) == as_sets(expected)
    assert part.modularity == pytest.approx(expected.modularity)
    assert part.parameters["implementation"] == "igraph"


def test_leiden_leaves_igraphs_generator_as_the_random_module(karate):
    leiden_communities(karate, seed=3)
    random.seed(11)
    first = ig.Graph.Erdos_Renyi(20, 0.2).get_edgelist()
    random.seed(11)
    assert ig.Graph.Erdos_Renyi(20, 0.2).get_edgelist() == first


def test_leiden_and_louvain_find_the_same_quality_on_karate(karate):
    louvain = louvain_communities(karate, seed=0)
    leiden = leiden_communities(karate, seed=0)
    assert leiden.modularity >= louvain.modularity - 1e-9
    # unweighted, the proven optimum is 0.4198 (Brandes et al., "On modularity
    # clustering", 2008)
    assert leiden_communities(karate, weight=None, seed=0).modularity == pytest.approx(
        0.4198, abs=1e-4)


def test_leiden_communities_are_connected(karate):
    for members in leiden_communities(karate, seed=3).communities:
        assert nx.is_connected(karate.subgraph(members))


def test_resolution_changes_the_number_of_communities(karate):
    coarse = leiden_communities(karate, resolution=0.3, seed=0)
    fine = leiden_communities(karate, resolution=3.0, seed=0)
    assert len(coarse.communities) < len(fine.communities)


def test_label_propagation_is_networkx_fast_label_propagation(karate):
    expected = list(nx.community.fast_label_propagation_communities(karate, weight="weight",
                                                                    seed=7))
    part = label_propagation_communities(karate, weight="weight", seed=7)
    assert as_sets(part.communities) == as_sets(expected)
    assert part.modularity == pytest.approx(
        nx.community.modularity(karate, expected, weight="weight"))


def test_connected_components(karate):
    G = nx.disjoint_union(karate, nx.path_graph(3))
    G.add_node("alone")
    part = connected_component_communities(G)
    assert as_sets(part.communities) == as_sets(nx.connected_components(G))
    assert [len(c) for c in part.communities] == [34, 3, 1]
    D = nx.DiGraph([(0, 1), (2, 1), (3, 4)])
    assert [sorted(c) for c in connected_component_communities(D).communities] == [
        [0, 1, 2], [3, 4]]


@pytest.mark.parametrize("find", [louvain_communities, leiden_communities,
                                  label_propagation_communities])
def test_same_graph_and_seed_give_the_same_partition(karate, find):
    one, two = find(karate, seed=5), find(karate.copy(), seed=5)
    assert one.communities == two.communities and one.modularity == two.modularity


def test_membership_numbers_communities_largest_first(karate):
    part = leiden_communities(karate, seed=0)
    membership = part.membership()
    assert set(membership) == set(karate)
    assert [len(c) for c in part.communities] == sorted(
        (len(c) for c in part.communities), reverse=True)
    assert all(membership[n] == i for i, c in enumerate(part.communities) for n in c)


def test_graphs_without_edges():
    G = nx.empty_graph(3)
    for find in (louvain_communities, leiden_communities, label_propagation_communities):
        part = find(G, seed=0)
        assert part.modularity == 0.0 and len(part.communities) == 3
    assert leiden_communities(nx.Graph()).communities == ()
    assert modularity(G, [{0}, {1}, {2}]) == 0.0


def test_directed_graphs_use_directed_modularity():
    D = nx.DiGraph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
    part = leiden_communities(D, weight=None, seed=0, implementation="leidenalg")
    assert as_sets(part.communities) == {frozenset({0, 1, 2}), frozenset({3, 4, 5})}
    assert part.modularity == pytest.approx(
        nx.community.modularity(D, part.communities, weight=None))
    with pytest.raises(ValueError, match="undirected"):
        leiden_communities(D)
    with pytest.raises(ValueError, match="unknown Leiden implementation 'cuda'"):
        leiden_communities(D, implementation="cuda")


def test_a_restricted_partition_keeps_the_groups_of_the_kept_nodes(karate):
    part = leiden_communities(karate, seed=0)
    even = [n for n in karate if n % 2 == 0]
    cut = part.restricted(even)
    assert as_sets(cut.communities) == {frozenset(c & set(even)) for c in part.communities
                                        if c & set(even)}
    assert is_canonical(cut)
    assert (cut.algorithm, cut.modularity, cut.parameters) == (
        part.algorithm, part.modularity, part.parameters)
    assert part.restricted([]).communities == ()
