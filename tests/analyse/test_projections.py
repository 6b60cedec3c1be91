"""Projections give exactly the expected nodes and edges on small hand-made graphs."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg.analyse.projections import (
    coauthorship_graph,
    comention_graph,
    comparison_graph,
    lineage_graph,
    paper_entity_graph,
)
from kg.graph.build import new_graph, paper_graph
from kg.graph.iris import entity_iri, inferred_statement_iri, paper_iri, person_iri
from kg.graph.vocab import KG, PROV, RDF, RDFS, SDO
from kg.records import Paper, SourceSpan


def span(path: str, line: int = 1) -> SourceSpan:
    return SourceSpan(path, line, line + 1, "abstracts")


# P1 is listed in two files (merged upstream: one record with two sources) and cut short.
P1 = Paper("We propose A.", (span("a.txt"), span("b.txt", 7)),
           authors=("Ann Lee", "Bo Li", "Cy Wu"), authors_truncated=True)
P2 = Paper("We propose B.", (span("a.txt", 5),), authors=("Bo Li", "Ann Lee"))
P3 = Paper("We propose C.", (span("a.txt", 9),), authors=("Dee Ray",))
P4 = Paper("We propose D.", (span("c.txt"),), authors=("Ann Lee", "ann  LEE", "Bo Li"))
P5 = Paper("No authors here.", (span("c.txt", 3),))


def names(G, u, v):
    return tuple(sorted((G.nodes[u]["name"], G.nodes[v]["name"])))


def test_coauthorship_edges_weights_and_papers():
    G = coauthorship_graph(paper_graph([P1, P2, P3, P4, P5], []))
    got = {names(G, u, v): (d["weight"], d["papers"], d["distance"])
           for u, v, d in G.edges(data=True)}
    ann_bo = tuple(sorted(str(paper_iri(p)) for p in (P1, P2, P4)))
    assert got == {
        ("Ann Lee", "Bo Li"): (3, ann_bo, pytest.approx(1 / 3)),
        ("Ann Lee", "Cy Wu"): (1, (str(paper_iri(P1)),), 1.0),
        ("Bo Li", "Cy Wu"): (1, (str(paper_iri(P1)),), 1.0),
    }
    # a single author is a node without edges; a person named twice in a list counts once
    assert set(G) == {str(person_iri(n)) for n in ("Ann Lee", "Bo Li", "Cy Wu", "Dee Ray")}
    assert G.degree(str(person_iri("Dee Ray"))) == 0
    assert G.nodes[str(person_iri("Ann Lee"))]["paper_count"] == 3
    assert all(isinstance(n, str) and not isinstance(n, URIRef) for n in G)


def test_truncated_author_lists_are_flagged_not_completed():
    G = coauthorship_graph(paper_graph([P1, P2], []))
    assert G.graph["truncated_papers"] == (str(paper_iri(P1)),)
    assert G.number_of_nodes() == 3  # nobody behind the "et al." is invented
    assert G.graph["projection"] == "coauthorship"


def test_a_paper_with_two_sources_counts_once():
    g = paper_graph([P1], [])
    assert len(set(g.objects(paper_iri(P1), PROV.wasDerivedFrom))) == 2
    G = coauthorship_graph(g)
    assert {d["weight"] for _, _, d in G.edges(data=True)} == {1}


def test_schema_author_is_used_when_a_paper_has_no_author_slots():
    g = new_graph()
    paper = URIRef("https://w3id.org/mlkg/id/paper/x")
    a, b = person_iri("Ann Lee"), person_iri("Bo Li")
    g.add((paper, RDF.type, KG.Paper))
    for person in (a, b):
        g.add((paper, SDO.author, person))
    g.add((a, URIRef("http://xmlns.com/foaf/0.1/name"), Literal("Ann Lee")))
    G = coauthorship_graph(g)
    assert sorted(G.edges()) == [tuple(sorted((str(a), str(b))))]
    assert G.nodes[str(b)]["name"] == str(b)  # no name: the IRI


def test_coauthorship_is_the_same_whatever_the_order_of_the_records():
    one = coauthorship_graph(paper_graph([P1, P2, P3, P4], []))
    two = coauthorship_graph(paper_graph([P4, P3, P2, P1], []))
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(data=True)) == list(two.edges(data=True))


# --- lineage ---------------------------------------------------------------------------

ERNIE, LAYOUT, ERNIE3 = (entity_iri("Model", k) for k in ("ernie", "ernielayout", "ernie3.0"))
VILG, VILG2 = entity_iri("Model", "ernievilg"), entity_iri("Model", "ernievilg2.0")
PADDLE, OCR = entity_iri("Software", "paddlepaddle"), entity_iri("Model", "ppocr")
GLUE = entity_iri("Dataset", "glue")
PA, PB, PC = (URIRef(f"https://w3id.org/mlkg/id/paper/{p}") for p in ("a", "b", "c"))


def state(g, s, p, o, paper=None, rule="test:rule", name="x"):
    """Add ``s p o`` and its rdf:Statement, derived from ``paper`` (None: inferred)."""
    g.add((s, p, o))
    iri = (URIRef(f"{paper}/statement/{name}") if paper is not None
           else inferred_statement_iri(s, p, o))
    g.add((iri, RDF.type, RDF.Statement))
    g.add((iri, RDF.subject, s))
    g.add((iri, RDF.predicate, p))
    g.add((iri, RDF.object, o))
    g.add((iri, KG.extractor, Literal(rule)))
    if paper is not None:
        g.add((iri, PROV.wasDerivedFrom, paper))


@pytest.fixture
def lineage_rdf():
    g = new_graph()
    for node, cls, label in ((ERNIE, KG.Model, "ERNIE"), (LAYOUT, KG.Model, "ERNIE-Layout"),
                             (ERNIE3, KG.Model, "ERNIE 3.0"), (VILG, KG.Model, "ERNIE-ViLG"),
                             (VILG2, KG.Model, "ERNIE-ViLG 2.0"),
                             (PADDLE, KG.Software, "PaddlePaddle"), (OCR, KG.Model, "PP-OCR"),
                             (GLUE, KG.Dataset, "GLUE")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    state(g, LAYOUT, KG.basedOn, ERNIE, PA, name="1")  # stated by two papers
    state(g, LAYOUT, KG.basedOn, ERNIE, PB, name="2")
    state(g, ERNIE3, KG.basedOn, ERNIE, PC, name="3")  # two kinds between one pair
    state(g, ERNIE3, KG.successorOf, ERNIE, None, rule="kg_resolve:successor")
    state(g, VILG2, KG.successorOf, VILG, None, rule="kg_resolve:successor")  # inferred
    g.add((OCR, KG.usesComponent, PADDLE))  # no statement: papers that mention both
    for paper in (PA, PC):
        g.add((paper, KG.mentions, OCR))
    g.add((PC, KG.mentions, PADDLE))
    state(g, LAYOUT, KG.evaluatedOn, GLUE, PA, name="4")  # not lineage
    state(g, LAYOUT, KG.comparedWith, ERNIE3, PB, name="5")  # not lineage
    # a statement whose triple is not in the graph does not make an edge
    g.add((URIRef(f"{PA}/statement/ghost"), RDF.type, RDF.Statement))
    g.add((URIRef(f"{PA}/statement/ghost"), RDF.subject, OCR))
    g.add((URIRef(f"{PA}/statement/ghost"), RDF.predicate, KG.basedOn))
    g.add((URIRef(f"{PA}/statement/ghost"), RDF.object, ERNIE))
    g.add((ERNIE, KG.basedOn, ERNIE))  # self-loop: dropped
    return g


def test_lineage_edges_run_from_foundation_to_derived_with_their_papers(lineage_rdf):
    L = lineage_graph(lineage_rdf)
    edges = {(u, v): (d["kind"], d["kinds"], d["papers"], d["evidence"], d["weight"])
             for u, v, d in L.edges(data=True)}
    assert edges == {
        (str(ERNIE), str(LAYOUT)): ("basedOn", ("basedOn",), (str(PA), str(PB)),
                                    "statement", 2),
        (str(ERNIE), str(ERNIE3)): ("successorOf", ("basedOn", "successorOf"), (str(PC),),
                                    "statement", 1),
        (str(VILG), str(VILG2)): ("successorOf", ("successorOf",), (), "inferred", 1),
        (str(PADDLE), str(OCR)): ("usesComponent", ("usesComponent",), (str(PC),),
                                  "comention", 1),
    }
    assert str(GLUE) not in L
    assert L.nodes[str(PADDLE)] == {"label": "PaddlePaddle", "type": "Software"}
    assert list(L) == sorted(L)


def test_comparison_graph_is_undirected_with_papers(lineage_rdf):
    state(lineage_rdf, ERNIE3, KG.comparedWith, LAYOUT, PC, name="6")  # the other way round
    C = comparison_graph(lineage_rdf)
    assert [(u, v, d["papers"], d["weight"]) for u, v, d in C.edges(data=True)] == [
        (str(ERNIE3), str(LAYOUT), (str(PB), str(PC)), 2)]


def test_directed_comparison_graph_runs_from_the_system_to_its_baseline(lineage_rdf):
    state(lineage_rdf, ERNIE3, KG.comparedWith, LAYOUT, PC, name="6")  # the other way round
    state(lineage_rdf, OCR, KG.comparedWith, ERNIE3, PC, name="7")
    C = comparison_graph(lineage_rdf, directed=True)
    assert C.is_directed()
    assert [(u, v, d["papers"], d["weight"]) for u, v, d in C.edges(data=True)] == [
        (str(ERNIE3), str(LAYOUT), (str(PC),), 1),
        (str(LAYOUT), str(ERNIE3), (str(PB),), 1),
        (str(OCR), str(ERNIE3), (str(PC),), 1),
    ]
    assert C.nodes[str(OCR)] == {"label": "PP-OCR", "type": "Model"}


def test_paper_entity_graph_and_its_comention_projection():
    g = new_graph()
    for paper, entities in ((PA, (ERNIE, GLUE, OCR)), (PB, (ERNIE, GLUE)), (PC, (OCR,))):
        for entity in entities:
            g.add((paper, KG.mentions, entity))
    for entity, cls in ((ERNIE, KG.Model), (GLUE, KG.Dataset), (OCR, KG.Model)):
        g.add((entity, RDF.type, cls))
    mention = URIRef(f"{PA}/mention/1")
    g.add((PA, KG.mention, mention))
    g.add((mention, KG.mentionOf, ERNIE))
    g.add((PA, KG.mention, URIRef(f"{PA}/mention/2")))
    g.add((URIRef(f"{PA}/mention/2"), KG.mentionOf, ERNIE))

    B = paper_entity_graph(g)
    assert {n for n, side in B.nodes(data="bipartite") if side == 0} == {str(PA), str(PB),
                                                                         str(PC)}
    assert B.number_of_edges() == 6
    assert B[str(PA)][str(ERNIE)]["mentions"] == 2 and B[str(PB)][str(ERNIE)]["mentions"] == 1

    C = comention_graph(g)
    got = {tuple(sorted((u, v))): (d["weight"], d["papers"]) for u, v, d in C.edges(data=True)}
    assert got == {
        tuple(sorted((str(ERNIE), str(GLUE)))): (2, (str(PA), str(PB))),
        tuple(sorted((str(ERNIE), str(OCR)))): (1, (str(PA),)),
        tuple(sorted((str(GLUE), str(OCR)))): (1, (str(PA),)),
    }
    again = comention_graph(g, bipartite=B)
    assert list(again.edges(data=True)) == list(C.edges(data=True))
    models = comention_graph(g, types={"Model"})
    assert set(models) == {str(ERNIE), str(OCR)} and models.number_of_edges() == 1
    with pytest.raises(ValueError, match="unknown entity type"):
        paper_entity_graph(g, types={"Modle"})


def test_empty_graph_gives_empty_projections():
    g = new_graph()
    for project in (coauthorship_graph, lineage_graph, comparison_graph, paper_entity_graph,
                    comention_graph):
        assert project(g).number_of_nodes() == 0
