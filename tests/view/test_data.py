"""kg.view.data: what each view shows, read from small hand-made graphs."""

from rdflib import Literal, URIRef

from kg.graph.build import paper_graph
from kg.graph.iris import entity_iri
from kg.graph.vocab import KG, RDF, RDFS, XSD
from kg.records import Paper, SourceSpan
from kg.view.data import OTHER, coauthorship_view, explorer_rows, lineage_view

SRC = (SourceSpan("a.txt", 1, 2, "jsonl"),)


def graph():
    from kg.analyse import analyse_graph

    g = paper_graph([Paper("We do A.", SRC, title="On A", authors=("Ann Lee", "Bo Li")),
                     Paper("We do B.", SRC, title="On B", authors=("Bo Li", "Cy Wu")),
                     Paper("We do C.", SRC, authors=("Bo Li",))], [])
    bert, roberta, glue = (entity_iri("Model", "bert"), entity_iri("Model", "roberta"),
                           entity_iri("Dataset", "glue"))
    for iri, cls, label in ((bert, KG.Model, "BERT"), (roberta, KG.Model, "RoBERTa"),
                            (glue, KG.Dataset, "GLUE")):
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(label)))
    g.add((roberta, KG.basedOn, bert))
    g.add((bert, KG.family, Literal("BERT")))
    g.add((roberta, KG.family, Literal("RoBERTa")))
    papers = sorted(g.subjects(RDF.type, KG.Paper))
    for paper in papers:
        g.add((paper, KG.mentions, glue))
    g.add((papers[0], KG.mentions, bert))
    analyse_graph(g, seed=0)
    return g


def test_coauthorship_view_ranks_by_pagerank_and_lists_papers():
    g = graph()
    view = coauthorship_view(g, max_nodes=10)
    assert [n["label"] for n in view.nodes] == ["Ann Lee", "Bo Li", "Cy Wu"]
    bo = next(n for n in view.nodes if n["label"] == "Bo Li")
    assert bo["value"] == max(n["value"] for n in view.nodes)
    fields = dict(bo["tip"]["fields"])
    assert fields["Papers"] == "3" and fields["Co-authors"] == "2" and "PageRank" in fields
    assert sorted(bo["tip"]["lists"][0][1]) == ["On A", "On B", "We do C."]
    assert len(view.edges) == 2 and view.total == 3 and not view.truncated
    top = coauthorship_view(g, max_nodes=1)
    assert [n["label"] for n in top.nodes] == ["Bo Li"] and top.edges == [] and top.truncated


def test_lineage_view_runs_from_foundation_and_colours_families():
    view = lineage_view(graph(), max_nodes=10)
    by_label = {n["label"]: n for n in view.nodes}
    (edge,) = view.edges
    assert (edge["from"], edge["to"]) == (by_label["BERT"]["id"], by_label["RoBERTa"]["id"])
    assert by_label["BERT"]["y"] < by_label["RoBERTa"]["y"]
    assert by_label["BERT"]["color"] != by_label["RoBERTa"]["color"] != OTHER
    assert [text for text, _ in view.legend] == ["BERT (1)", "RoBERTa (1)"]


def test_explorer_rows_by_type_then_name_and_top_by_papers():
    g = graph()
    view = explorer_rows(g, max_nodes=10)
    assert [(r["name"], r["type"], len(r["papers"])) for r in view.rows] == [
        ("BERT", "Model", 1), ("GLUE", "Dataset", 3)]
    assert view.types == [["Model", 1], ["Dataset", 1]]
    assert [r["name"] for r in explorer_rows(g, max_nodes=1).rows] == ["GLUE"]


def test_scores_are_read_whatever_their_datatype():
    g = graph()
    person = URIRef(coauthorship_view(g, max_nodes=1).nodes[0]["id"])
    g.set((person, KG.pagerank, Literal("0.5", datatype=XSD.double)))
    assert coauthorship_view(g, max_nodes=1).nodes[0]["value"] == 0.5
