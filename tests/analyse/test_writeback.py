"""Write-back: scores and communities land in the RDF graph, readable by SPARQL, valid under
the SHACL shapes, byte-stable and idempotent."""

from __future__ import annotations

import json
import re

import pytest
from rdflib import Graph, Literal

from kg.analyse.communities import leiden_communities
from kg.analyse.measures import pagerank_scores
from kg.analyse.projections import coauthorship_graph, lineage_graph
from kg.analyse.top import top_table
from kg.analyse.writeback import (
    SCORE_DECIMALS,
    analyse_build,
    analyse_graph,
    clear_analysis,
)
from kg.entities import resolve_entities
from kg.graph.build import new_graph, paper_graph
from kg.graph.extractions import add_extractions
from kg.graph.io import load_graph, ntriples_bytes, write_graph
from kg.graph.iris import analysis_iri, entity_iri, paper_iri, person_iri
from kg.graph.validate import validate_graph
from kg.graph.vocab import KG, PROV, RDF, XSD
from kg.records import Extraction, Paper, Relation, SourceSpan

LINEAGE = (("Foo 2", "basedOn", "Foo"), ("Bar", "usesComponent", "Foo"),
           ("Baz", "basedOn", "Bar"), ("Foo 2", "comparedWith", "Bar"))


def seed_graph(papers, profiles) -> Graph:
    """The seed papers' graph with a little lineage stated by the first few papers."""
    g = paper_graph(papers, profiles)
    extractions = [Extraction() for _ in papers]
    first = sorted(range(len(papers)), key=lambda i: str(paper_iri(papers[i])))
    for i, (subject, predicate, obj) in zip(first, LINEAGE, strict=False):
        end = min(40, len(papers[i].abstract))
        extractions[i] = Extraction(relations=(
            Relation(subject, predicate, obj, "abstract", 0, end, "test:rule"),))
    add_extractions(g, papers, extractions, resolve_entities(extractions))
    return g


@pytest.fixture(scope="module")
def base(seed_read, seed_papers) -> Graph:
    return seed_graph(seed_papers, seed_read.profiles)


def copy(g: Graph) -> Graph:
    out = new_graph()
    for triple in g:
        out.add(triple)
    return out


@pytest.fixture(scope="module")
def analysed(base) -> Graph:
    g = copy(base)
    analyse_graph(g, seed=0)
    return g


def test_the_seed_graph_still_conforms_after_write_back(base, analysed):
    assert validate_graph(base).conforms
    outcome = validate_graph(analysed)
    assert outcome.conforms, outcome.report


def test_sparql_order_by_desc_returns_the_top_scorer(analysed):
    expected = pagerank_scores(coauthorship_graph(analysed), weight="weight")
    best = max(sorted(expected), key=expected.get)
    rows = list(analysed.query("""
        PREFIX kg: <https://w3id.org/mlkg/ns#>
        SELECT ?person ?score WHERE { ?person a kg:Person ; kg:pagerank ?score }
        ORDER BY DESC(?score) LIMIT 3"""))
    assert str(rows[0].person) == best
    assert rows[0].score.datatype == XSD.decimal
    assert float(rows[0].score) == pytest.approx(expected[best], abs=1e-8)
    table = top_table(analysed, by="pagerank", subgraph="coauthorship", limit=3)
    assert [row["iri"] for row in table] == [str(row.person) for row in rows]
    assert [row["rank"] for row in table] == [1, 2, 3]


def test_lineage_influence_ranks_the_foundation_first(analysed):
    rows = top_table(analysed, subgraph="lineage", limit=None)
    assert rows[0]["iri"] == str(entity_iri("Model", "foo"))
    assert rows[0]["name"] == "Foo"
    assert len(rows) == lineage_graph(analysed).number_of_nodes()
    counts = {row["name"]: row["score"] for row in top_table(analysed, by="descendants",
                                                             subgraph="lineage")}
    assert counts["Foo"] == 3 and counts["Baz"] == 0  # Foo 2, Bar and (via Bar) Baz


def test_scores_are_decimals_with_fixed_decimals_and_no_time(analysed):
    pattern = re.compile(rf"\d+\.\d{{{SCORE_DECIMALS}}}")
    for prop in (KG.pagerank, KG.betweenness, KG.degreeCentrality, KG.eigenvector,
                 KG.influence, KG.modularity):
        values = list(analysed.objects(None, prop))
        assert values, prop
        assert all(v.datatype == XSD.decimal and pattern.fullmatch(str(v)) for v in values)
    assert not any(isinstance(o, Literal) and o.datatype in (XSD.dateTime, XSD.date)
                   for a in analysed.subjects(RDF.type, KG.Analysis)
                   for o in analysed.objects(a, None))


def test_the_analysis_records_algorithm_parameters_and_versions(analysed):
    activity = analysis_iri("coauthorship", "leiden")
    assert analysed.value(activity, KG.algorithm) == Literal("leiden")
    assert analysed.value(activity, KG.seed) == Literal(0, datatype=XSD.integer)
    parameters = json.loads(str(analysed.value(activity, KG.parameters)))
    assert parameters == {"seed": 0, "weight": "weight", "resolution": 1.0,
                          "n_iterations": -1, "implementation": "igraph"}
    versions = {str(v).split()[0] for v in analysed.objects(activity, KG.softwareVersion)}
    assert versions == {"kg", "igraph"}
    pagerank = analysis_iri("coauthorship", "pagerank")
    assert analysed.value(pagerank, KG.scoreProperty) == KG.pagerank
    assert json.loads(str(analysed.value(pagerank, KG.parameters)))["weight"] == "weight"
    for community in analysed.subjects(RDF.type, KG.Community):
        projection = str(analysed.value(community, KG.projection))
        assert analysed.value(community, PROV.wasGeneratedBy) == analysis_iri(
            projection, "leiden")


def test_communities_are_the_leiden_partition_of_the_projection(analysed):
    co = coauthorship_graph(analysed)
    partition = leiden_communities(co, weight="weight", seed=0)
    written = {}
    for person, community in analysed.subject_objects(KG.community):
        if analysed.value(community, KG.projection) == Literal("coauthorship"):
            written.setdefault(int(analysed.value(community, KG.communityNumber)),
                               set()).add(str(person))
    assert [frozenset(written[i + 1]) for i in range(len(written))] == list(
        partition.communities)
    modularity = {float(m) for m in analysed.objects(None, KG.modularity)}
    assert round(partition.modularity, SCORE_DECIMALS) in modularity


def test_analysing_twice_gives_the_same_bytes_as_once(base, analysed):
    g = copy(analysed)
    analyse_graph(g, seed=0)
    assert ntriples_bytes(g) == ntriples_bytes(analysed)
    other = copy(base)
    analyse_graph(other, seed=3, communities="louvain", backend="networkx")
    analyse_graph(other, seed=0)  # the old scores and communities are replaced
    assert ntriples_bytes(other) == ntriples_bytes(analysed)
    assert clear_analysis(other) > 0
    assert ntriples_bytes(other) == ntriples_bytes(base)


def test_same_input_and_seed_give_byte_identical_output(seed_read, seed_papers, analysed):
    again = seed_graph(list(reversed(seed_papers)), list(reversed(seed_read.profiles)))
    analyse_graph(again, seed=0)
    assert ntriples_bytes(again) == ntriples_bytes(analysed)


def test_the_backends_agree_on_the_written_scores(base, analysed):
    g = copy(base)
    analyse_graph(g, seed=0, backend="networkx")
    for prop in (KG.pagerank, KG.influence):
        fast = {s: float(o) for s, o in analysed.subject_objects(prop)}
        reference = {s: float(o) for s, o in g.subject_objects(prop)}
        assert fast.keys() == reference.keys()
        assert all(abs(fast[s] - reference[s]) < 1e-8 for s in fast)


def two_cliques() -> Graph:
    span = (SourceSpan("a.txt", 1, 2, "abstracts"),)
    papers = [Paper(f"We do {i}.", span, authors=authors) for i, authors in enumerate(
        [("Ann", "Bo", "Cy"), ("Ann", "Bo"), ("Dee", "Eve", "Fay"), ("Eve", "Fay"),
         ("Cy", "Dee")])]
    return paper_graph(papers, [])


def test_a_small_graph_gets_two_communities_and_sensible_scores():
    g = two_cliques()
    report = analyse_graph(g, seed=0)
    co = report.projections[0]
    assert (co.projection, co.nodes, co.edges, co.components, co.communities) == (
        "coauthorship", 6, 7, 1, 2)
    assert report.projections[1].nodes == 0  # no lineage: nothing to score, no error
    numbers = {name: row["community"] for row in top_table(g, limit=None)
               for name in [row["name"]]}
    assert numbers["Ann"] == numbers["Bo"] == numbers["Cy"] != numbers["Dee"]
    between = top_table(g, by="betweenness", limit=2)
    assert {row["name"] for row in between} == {"Cy", "Dee"}  # the bridge
    assert "2 communities" in report.summary()
    community = g.value(person_iri("Ann"), KG.community)
    assert g.value(community, KG.memberCount) == Literal(3, datatype=XSD.positiveInteger)
    assert validate_graph(g).conforms


def test_analyse_graph_rejects_an_unknown_algorithm():
    with pytest.raises(ValueError, match="unknown community algorithm 'infomap'"):
        analyse_graph(two_cliques(), communities="infomap")


def test_analyse_build_writes_the_analysed_graph(tmp_path):
    write_graph(two_cliques(), tmp_path / "build")
    report = analyse_build(tmp_path / "build")
    g = load_graph(tmp_path / "build")
    assert top_table(g, by="betweenness", limit=1)[0]["name"] in {"Cy", "Dee"}
    assert report.added > 0 and report.removed == 0
    before = (tmp_path / "build" / "graph.nt").read_bytes()
    again = analyse_build(tmp_path / "build" / "graph.nt", tmp_path / "other")
    assert again.removed == report.added
    assert (tmp_path / "other" / "graph.nt").read_bytes() == before


def test_a_failed_analysis_leaves_the_earlier_one_in_place(analysed):
    g = copy(analysed)
    with pytest.raises(ValueError, match="unknown backend 'graph-tool'"):
        analyse_graph(g, backend="graph-tool")
    assert ntriples_bytes(g) == ntriples_bytes(analysed)


def test_betweenness_is_exact_on_small_graphs_and_sampled_on_large_ones():
    import networkx as nx

    from kg.analyse.writeback import EXACT_BETWEENNESS_NODES, SAMPLED_SOURCES, sources_for

    assert sources_for(nx.path_graph(EXACT_BETWEENNESS_NODES), None) is None
    assert sources_for(nx.path_graph(EXACT_BETWEENNESS_NODES + 1), None) == SAMPLED_SOURCES
    assert sources_for(nx.path_graph(50), 10) == 10 and sources_for(nx.path_graph(5), 9) is None


def test_a_large_graphs_sampled_betweenness_is_recorded(base, monkeypatch):
    import kg.analyse.writeback as writeback

    monkeypatch.setattr(writeback, "EXACT_BETWEENNESS_NODES", 5)
    monkeypatch.setattr(writeback, "SAMPLED_SOURCES", 4)
    g = copy(base)
    analyse_graph(g, seed=4)
    for projection, G in (("coauthorship", coauthorship_graph(base)),
                          ("lineage", lineage_graph(base))):
        parameters = json.loads(str(g.value(analysis_iri(projection, "betweenness"),
                                            KG.parameters)))
        expected = (4, 4) if len(G) > 5 else (None, None)
        assert (parameters["k"], parameters["seed"]) == expected, projection
    monkeypatch.undo()
    exact = copy(base)
    analyse_graph(exact, seed=4)
    assert set(g.subject_objects(KG.betweenness)) != set(exact.subject_objects(KG.betweenness))
    assert validate_graph(g).conforms
