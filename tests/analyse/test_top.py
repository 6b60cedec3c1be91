"""kg top's table and the written-back scores of papers, co-mentioned and compared
entities, read back with SPARQL from a small hand-made corpus (tests/analyse/conftest.py)."""

from __future__ import annotations

import json
from itertools import combinations

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from kg.analyse.communities import leiden_communities
from kg.analyse.projections import paper_entity_graph
from kg.analyse.top import format_top, top_table
from kg.analyse.writeback import analyse_graph
from kg.errors import KgError
from kg.graph.io import ntriples_bytes
from kg.graph.iris import entity_iri, paper_iri
from kg.graph.validate import validate_graph
from kg.graph.vocab import KG, XSD
from kg.records import Paper, SourceSpan

PREFIX = "PREFIX kg: <https://w3id.org/mlkg/ns#>\n"


@pytest.fixture
def iri(corpus_spec):
    def entity(name: str) -> str:
        return str(entity_iri(corpus_spec["types"][name], name.lower().replace("-", "")))
    return entity


def by_sparql(g, cls: str, prop: str) -> list[tuple[str, float]]:
    rows = g.query(PREFIX + f"SELECT ?node ?score WHERE {{ ?node a {cls} ; {prop} ?score }} "
                            "ORDER BY DESC(?score) ?node")
    return [(str(row.node), row.score.toPython()) for row in rows]


@pytest.fixture
def analysed(corpus):
    g, papers = corpus
    analyse_graph(g, seed=0)
    return g, {key: str(paper_iri(paper)) for key, paper in papers.items()}


def test_the_hand_made_corpus_resolves_as_written(corpus, corpus_spec, iri):
    g, _ = corpus
    assert {str(e) for e in g.objects(None, KG.mentions)} == {iri(n)
                                                              for n in corpus_spec["types"]}


def test_papers_pagerank_is_bipartite_pagerank_over_the_papers(analysed, corpus_spec, iri):
    g, papers = analysed
    B = nx.Graph()  # the reference, from the corpus itself
    for key, spec in corpus_spec["papers"].items():
        B.add_edges_from((papers[key], iri(name)) for name in spec["mentions"])
    ranks = nx.pagerank(B, alpha=0.85, weight=None, tol=1e-10, max_iter=10_000)
    total = sum(ranks[p] for p in papers.values())
    rows = by_sparql(g, "kg:Paper", "kg:pagerank")
    assert rows[0][0] == papers["p2"]  # names five entities, all shared with other papers
    assert {node for node, _ in rows} == set(papers.values())
    for node, score in rows:
        assert float(score) == pytest.approx(ranks[node] / total, abs=1e-8)
    assert sum(float(s) for _, s in rows) == pytest.approx(1.0, abs=1e-6)
    table = top_table(g, subgraph="papers", limit=2)
    assert [(row["iri"], row["name"]) for row in table] == [(papers["p2"], "XLNet"),
                                                           (rows[1][0], table[1]["name"])]


def test_paper_communities_are_the_bipartite_partition_cut_down_to_papers(analysed):
    g, papers = analysed
    written: dict[int, set[str]] = {}
    for paper in papers.values():
        (community,) = g.objects(URIRef(paper), KG.community)
        assert g.value(community, KG.projection) == Literal("papers")
        written.setdefault(int(g.value(community, KG.communityNumber)), set()).add(paper)
    B = paper_entity_graph(g)
    expected = leiden_communities(B, weight=None, seed=0).restricted(papers.values())
    assert [frozenset(written[i]) for i in sorted(written)] == list(expected.communities)
    # the two disconnected topics are never in one community; the ResNet pair is one
    vision = {papers["p4"], papers["p5"]}
    assert vision in [set(c) for c in written.values()]
    assert all(c <= vision or not c & vision for c in written.values())


def test_comention_pagerank_and_communities(analysed, corpus_spec, iri):
    g, _ = analysed
    C = nx.Graph()
    for spec in corpus_spec["papers"].values():
        for u, v in combinations(sorted(spec["mentions"]), 2):
            w = C.get_edge_data(iri(u), iri(v), {"weight": 0})["weight"]
            C.add_edge(iri(u), iri(v), weight=w + 1)
    ranks = nx.pagerank(C, alpha=0.85, weight="weight", tol=1e-10, max_iter=10_000)
    rows = by_sparql(g, "kg:Model", "kg:comentionPagerank")
    assert rows[0][0] == iri("BERT")  # in three papers, beside six other entities
    assert all(float(s) == pytest.approx(ranks[n], abs=1e-8) for n, s in rows)
    groups = {}
    for name in corpus_spec["types"]:
        (community,) = [c for c in g.objects(URIRef(iri(name)), KG.community)
                        if g.value(c, KG.projection) == Literal("comention")]
        groups.setdefault(community, set()).add(name)
    vision = {"ResNet", "ImageNet", "CIFAR-10"}
    assert vision in groups.values()


def test_baseline_count_is_the_papers_that_compare_against_an_entity(analysed, iri):
    g, papers = analysed
    rows = by_sparql(g, "kg:Model", "kg:baselineCount")
    assert rows[0] == (iri("BERT"), 2)  # p2 and p3; three systems, but two papers
    counts = dict(rows)
    assert counts[iri("ELMo")] == 1 and counts[iri("XLNet")] == 0
    assert iri("ResNet") not in counts  # compared with nothing
    value = g.value(URIRef(iri("BERT")), KG.baselineCount)
    assert value.datatype == XSD.nonNegativeInteger
    table = top_table(g, subgraph="comparison")
    assert [(row["name"], row["score"], row["community"]) for row in table[:2]] == [
        ("BERT", 2, None), ("ELMo", 1, None)]


def test_baseline_rank_is_pagerank_towards_the_baselines(analysed, corpus_spec, iri):
    g, _ = analysed
    D = nx.DiGraph()
    for spec in corpus_spec["papers"].values():
        for system, baseline in spec["comparisons"]:
            D.add_edge(iri(system), iri(baseline), weight=1)
    ranks = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-10, max_iter=10_000)
    rows = top_table(g, subgraph="comparison", by="baseline-rank", limit=None)
    assert rows[0]["iri"] == iri("BERT")
    assert {row["iri"]: row["score"] for row in rows} == pytest.approx(ranks, abs=1e-8)


def test_the_analysed_corpus_conforms_and_is_deterministic(analysed, build_corpus):
    g, _ = analysed
    outcome = validate_graph(g)
    assert outcome.conforms, outcome.report
    again, _ = build_corpus(reverse=True)
    analyse_graph(again, seed=0)
    assert ntriples_bytes(again) == ntriples_bytes(g)


def test_an_entity_keeps_its_communities_apart_by_projection(analysed, iri):
    g, _ = analysed
    table = top_table(g, subgraph="comention", limit=None)
    bert = next(row for row in table if row["name"] == "BERT")
    community = next(c for c in g.objects(URIRef(iri("BERT")), KG.community)
                     if g.value(c, KG.projection) == Literal("comention"))
    assert bert["community"] == int(g.value(community, KG.communityNumber))


def two_authors():
    from kg.graph.build import paper_graph

    span = (SourceSpan("a.txt", 1, 2, "abstracts"),)
    return paper_graph([Paper("We do A.", span, authors=("Ann", "Bo")),
                        Paper("We do B.", span, authors=("Bo", "Cy"))], [])


def test_top_table_errors():
    g = two_authors()
    with pytest.raises(KgError, match="no coauthorship analysis: run `kg analyse`"):
        top_table(g)
    analyse_graph(g, seed=0)
    with pytest.raises(ValueError, match="unknown measure 'pagerank' for the lineage "
                                         r"subgraph \(known: degree, betweenness, influence, "
                                         r"descendants\)"):
        top_table(g, by="pagerank", subgraph="lineage")
    with pytest.raises(ValueError, match="unknown measure 'rank'"):
        top_table(g, by="rank")
    with pytest.raises(ValueError, match="unknown subgraph 'citations'"):
        top_table(g, subgraph="citations")
    assert top_table(g, limit=0) == []
    assert top_table(g, subgraph="papers") == []  # analysed, but no paper mentions anything
    g.remove((None, KG.scoreProperty, KG.baselineRank))  # as if analysed by an older kg
    with pytest.raises(KgError, match=r"the comparison analysis has no baseline-rank scores "
                                      r"\(it has: baseline-count\)"):
        top_table(g, subgraph="comparison", by="baseline-rank")


def test_format_top():
    rows = [{"rank": 1, "iri": "https://w3id.org/mlkg/id/person/a", "name": "Ann, \"A\"",
             "score": 0.25, "community": 2},
            {"rank": 2, "iri": "https://w3id.org/mlkg/id/person/b", "name": "Bo",
             "score": 0.125, "community": None}]
    assert format_top(rows).splitlines() == [
        "rank  score        community  name      iri",
        "   1  0.250000000          2  Ann, \"A\"  https://w3id.org/mlkg/id/person/a",
        "   2  0.125000000             Bo        https://w3id.org/mlkg/id/person/b",
    ]
    assert format_top(rows, "csv").splitlines()[1] == (
        '1,0.25,2,"Ann, ""A""",https://w3id.org/mlkg/id/person/a')
    assert json.loads(format_top(rows, "json")) == rows
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        format_top(rows, "xml")
