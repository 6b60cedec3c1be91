"""Extractions in the graph (kg.graph.extractions): typed entities, mentions with selectors,
relations with provenance, results, SHACL, determinism. Hand-made records only."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef

from kg.entities import resolve_entities
from kg.graph.build import paper_graph
from kg.graph.extractions import add_extractions
from kg.graph.io import ntriples_bytes
from kg.graph.iris import entity_iri, paper_iri
from kg.graph.stats import graph_stats
from kg.graph.validate import ontology_graph, validate_graph
from kg.graph.vocab import DCTERMS, KG, OA, PROV, RDF, RDFS, SDO, XSD
from kg.normalize import name_key
from kg.records import Extraction, Mention, Paper, Relation, Result, SourceSpan

VILG = Paper(
    abstract=("We present ERNIE-ViLG 2.0, an upgraded model built upon ERNIE-ViLG. It "
              "achieves an FID of 6.75 on MS-COCO, outperforming DALL-E 2. Code is at "
              "github.com/PaddlePaddle/PaddleNLP/tree/develop/ppdiffusers, built with "
              "PaddlePaddle."),
    sources=(SourceSpan("a.txt", 1, 3, "abstracts"),),
    title="ERNIE-ViLG 2.0: Improving Text-to-Image Diffusion",
    organization="PaddlePaddle",
)
LRA = Paper(
    abstract=("We introduce Long Range Arena (LRA), a benchmark. PP-OCRv3 reaches 72.5% "
              "accuracy and PP-OCRv2 scores 0.0000001 on it."),
    sources=(SourceSpan("b.txt", 1, 2, "abstracts"),),
    title="Long Range Arena",
)
UNTITLED = Paper(abstract="LRA results for ERNIE-ViLG and the PaddleNLP repository.",
                 sources=(SourceSpan("c.txt", 4, 4, "abstracts"),))


def span(paper: Paper, field: str, text: str, nth: int = 0) -> tuple[str, int, int]:
    """(field, start, end) of the nth occurrence of ``text`` in the paper's field."""
    where = paper.title if field == "title" else paper.abstract
    start = -1
    for _ in range(nth + 1):
        start = where.index(text, start + 1)
    return field, start, start + len(text)


def mention(paper, field, text, type_name, name=None, nth=0, **kw) -> Mention:
    return Mention(*span(paper, field, text, nth), type_name, name or text, "test:" + type_name,
                   **kw)


def sentence(paper: Paper, text: str) -> tuple[str, int, int]:
    return span(paper, "abstract", text)


REPO = "github.com/paddlepaddle/paddlenlp"
EXTRACTIONS = {
    "VILG": Extraction(
        mentions=(
            mention(VILG, "title", "ERNIE-ViLG 2.0", "Model"),
            mention(VILG, "abstract", "ERNIE-ViLG 2.0", "Model"),
            mention(VILG, "abstract", "ERNIE-ViLG", "Model", nth=1),
            mention(VILG, "abstract", "MS-COCO", "Dataset"),
            mention(VILG, "abstract", "FID", "Metric"),
            mention(VILG, "abstract", "github.com/PaddlePaddle/PaddleNLP/tree/develop/ppdiffusers",
                    "Repository", REPO, attrs=(("subPath", "tree/develop/ppdiffusers"),)),
            mention(VILG, "abstract", "PaddlePaddle", "Software", nth=1),
            mention(VILG, "abstract", "PaddlePaddle", "Organization", "paddlepaddle", nth=0),
        ),
        relations=(
            Relation("ERNIE-ViLG 2.0", "basedOn", "ERNIE-ViLG",
                     *sentence(VILG, "We present ERNIE-ViLG 2.0, an upgraded model built upon "
                                     "ERNIE-ViLG."), "test:based_on"),
            Relation("ERNIE-ViLG 2.0", "comparedWith", "DALL-E 2",
                     *sentence(VILG, "It achieves an FID of 6.75 on MS-COCO, outperforming "
                                     "DALL-E 2."), "test:compared"),
            Relation("ERNIE-ViLG 2.0", "evaluatedOn", "MS-COCO",
                     *sentence(VILG, "It achieves an FID of 6.75 on MS-COCO"), "test:eval"),
        ),
        results=(Result("ERNIE-ViLG 2.0", "MS-COCO", "FID", 6.75, None,
                        *span(VILG, "abstract", "6.75"), "test:result"),),
    ),
    "LRA": Extraction(
        mentions=(
            mention(LRA, "title", "Long Range Arena", "Dataset", aliases=("LRA",)),
            mention(LRA, "abstract", "Long Range Arena", "Dataset", aliases=("LRA",)),
            mention(LRA, "abstract", "PP-OCRv3", "Model"),
            mention(LRA, "abstract", "PP-OCRv2", "Model"),
        ),
        relations=(Relation("PP-OCRv3", "basedOn", "PP-OCRv2", "abstract", -20, 40,
                            "test:crosses_the_title"),),
        results=(Result("PP-OCRv3", "LRA", "accuracy", 72.5, "%",
                        *span(LRA, "abstract", "72.5"), "test:result"),
                 Result("PP-OCRv2", None, "score", 1e-7, None,
                        *span(LRA, "abstract", "0.0000001"), "test:result")),
    ),
    "UNTITLED": Extraction(mentions=(mention(UNTITLED, "abstract", "LRA", "Dataset"),
                                     mention(UNTITLED, "abstract", "ERNIE-ViLG", "Model"))),
}
PAPERS = [VILG, LRA, UNTITLED]


def extraction_graph(papers=PAPERS, extractions=None):
    extractions = extractions or [EXTRACTIONS[k] for k in ("VILG", "LRA", "UNTITLED")]
    g = paper_graph(papers, [])
    add_extractions(g, papers, extractions, resolve_entities(extractions))
    return g


@pytest.fixture(scope="module")
def g():
    return extraction_graph()


def model(name_key: str) -> URIRef:
    return entity_iri("Model", name_key)


def test_the_graph_conforms_and_has_no_blank_nodes_or_undeclared_terms(g):
    outcome = validate_graph(g)
    assert outcome.conforms, outcome.report
    nodes = {n for t in g for n in t}
    assert not any(isinstance(n, BNode) for n in nodes)
    ontology = ontology_graph()
    assert all((n, RDF.type, None) in ontology for n in nodes
               if isinstance(n, URIRef) and n.startswith(str(KG)))


def test_entities_are_typed_with_label_key_aliases_and_family(g):
    vilg2 = model("ernievilg2.0")
    assert set(g.objects(vilg2, RDF.type)) == {KG.Model}
    assert g.value(vilg2, RDFS.label) == Literal("ERNIE-ViLG 2.0")
    assert g.value(vilg2, KG.normalizedKey) == Literal("ernievilg2.0")
    assert g.value(vilg2, KG.family) == Literal("ERNIE-ViLG")
    lra = entity_iri("Dataset", "longrangearena")
    assert g.value(lra, RDF.type) == KG.Dataset
    assert g.value(lra, RDFS.label) == Literal("Long Range Arena")  # 2 mentions to 1
    assert list(g.objects(lra, KG.alias)) == [Literal("LRA")]
    # the key of each name: the alias's own besides the normalised key
    assert set(g.objects(lra, KG.nameKey)) == {Literal("longrangearena"), Literal("lra")}
    assert list(g.objects(vilg2, KG.nameKey)) == [Literal("ernievilg2.0")]
    assert g.value(lra, KG.family) is None  # families are for models
    repo = entity_iri("Repository", REPO)
    assert g.value(repo, RDF.type) == KG.Repository
    # a repository's key is its github.com/owner/repo form; its label's name_key differs
    assert list(g.objects(repo, KG.nameKey)) == [
        Literal(name_key(str(g.value(repo, RDFS.label))))]
    assert list(g.objects(repo, KG.subPath)) == [Literal("tree/develop/ppdiffusers")]
    # DALL-E 2 is named only by a relation: minted as a Model
    assert g.value(model("dalle2"), RDF.type) == KG.Model


def test_one_name_two_types_and_the_listed_affiliation_is_the_organization(g):
    org, soft = entity_iri("Organization", "paddlepaddle"), entity_iri("Software", "paddlepaddle")
    assert (org, RDF.type, KG.Organization) in g and (soft, RDF.type, KG.Software) in g
    assert g.value(paper_iri(VILG), KG.listedAffiliation) == org
    # one label (the listing's spelling), the extractor's other spelling an alias
    assert list(g.objects(org, RDFS.label)) == [Literal("PaddlePaddle")]
    assert list(g.objects(org, KG.alias)) == [Literal("paddlepaddle")]
    assert list(g.objects(org, KG.nameKey)) == [Literal("paddlepaddle")]  # both spellings


def test_papers_mention_what_their_mentions_relations_and_results_name(g):
    assert set(g.objects(paper_iri(UNTITLED), KG.mentions)) == {
        entity_iri("Dataset", "longrangearena"), model("ernievilg")}
    assert {model("dalle2"), entity_iri("Metric", "fid")} <= set(
        g.objects(paper_iri(VILG), KG.mentions))


MENTION_TEXT = """
SELECT ?paper ?mention ?form ?prop ?start ?end ?entity ?selected WHERE {
    ?paper kg:mention ?mention .
    ?mention a kg:Mention ; kg:surfaceForm ?form ; kg:mentionOf ?entity ;
             oa:hasTarget ?target .
    ?target a oa:SpecificResource ; oa:hasSource ?paper ; oa:hasSelector ?selector .
    ?selector a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ;
              kg:textProperty ?prop .
    ?paper ?prop ?text .
    BIND (SUBSTR(?text, ?start + 1, ?end - ?start) AS ?selected)
}"""


def test_every_mention_selects_its_surface_form_out_of_the_title_or_abstract(g):
    rows = list(g.query(MENTION_TEXT))
    count = sum(len(e.mentions) for e in EXTRACTIONS.values())
    assert len(rows) == len(set(g.subjects(RDF.type, KG.Mention))) == count
    papers = {paper_iri(p): p for p in PAPERS}
    for row in rows:
        assert row.selected == row.form
        assert row.start.datatype == row.end.datatype == XSD.nonNegativeInteger
        text = papers[row.paper].title if row.prop == DCTERMS.title else papers[
            row.paper].abstract
        assert text[int(row.start):int(row.end)] == str(row.form)
    props = {(str(r.form), r.prop) for r in rows}
    assert ("ERNIE-ViLG 2.0", DCTERMS.title) in props
    assert ("ERNIE-ViLG 2.0", SDO.abstract) in props


def test_a_mention_records_its_rule_entity_and_sub_path(g):
    (m,) = g.subjects(KG.surfaceForm,
                      Literal("github.com/PaddlePaddle/PaddleNLP/tree/develop/ppdiffusers"))
    assert g.value(m, KG.mentionOf) == entity_iri("Repository", REPO)
    assert g.value(m, KG.extractor) == Literal("test:Repository")
    assert g.value(m, KG.subPath) == Literal("tree/develop/ppdiffusers")
    assert (paper_iri(VILG), KG.mention, m) in g
    # an alias mentioned elsewhere is the same entity
    (lra,) = g.subjects(KG.surfaceForm, Literal("LRA"))
    assert g.value(lra, KG.mentionOf) == entity_iri("Dataset", "longrangearena")


WHO_STATES = """
SELECT ?paper ?rule ?start ?end WHERE {
    ?s a rdf:Statement ; rdf:subject ?x ; rdf:predicate ?p ; rdf:object ?y ;
       prov:wasDerivedFrom ?paper ; kg:extractor ?rule ; kg:evidence ?passage .
    ?passage oa:hasSource ?paper ; oa:hasSelector ?sel .
    ?sel oa:start ?start ; oa:end ?end .
}"""


def test_which_paper_states_a_relation_and_where(g):
    x, y = model("ernievilg2.0"), model("ernievilg")
    assert (x, KG.basedOn, y) in g
    rows = list(g.query(WHO_STATES, initBindings={"x": x, "p": KG.basedOn, "y": y}))
    assert [(r.paper, str(r.rule)) for r in rows] == [(paper_iri(VILG), "test:based_on")]
    start, end = int(rows[0].start), int(rows[0].end)
    assert VILG.abstract[start:end] == ("We present ERNIE-ViLG 2.0, an upgraded model built "
                                        "upon ERNIE-ViLG.")
    assert (x, KG.evaluatedOn, entity_iri("Dataset", "mscoco")) in g
    assert (x, KG.comparedWith, model("dalle2")) in g


def test_a_sentence_running_over_from_the_title_is_cut_at_the_abstract(g):
    rows = list(g.query(WHO_STATES, initBindings={
        "x": model("ppocrv3"), "p": KG.basedOn, "y": model("ppocrv2")}))
    assert [(r.paper, int(r.start), int(r.end)) for r in rows] == [(paper_iri(LRA), 0, 40)]


def test_successors_are_inferred_with_their_own_provenance(g):
    assert (model("ernievilg2.0"), KG.successorOf, model("ernievilg")) in g
    assert (model("ppocrv3"), KG.successorOf, model("ppocrv2")) in g
    assert len(list(g.triples((None, KG.successorOf, None)))) == 2
    rows = list(g.query("""
        SELECT ?s ?paper WHERE {
            ?s rdf:subject ?x ; rdf:predicate kg:successorOf ; rdf:object ?y ;
               kg:extractor "kg_resolve:successor" .
            OPTIONAL { ?s prov:wasDerivedFrom ?paper }
        }""", initBindings={"x": model("ppocrv3"), "y": model("ppocrv2")}))
    assert len(rows) == 1 and rows[0].paper is None
    assert graph_stats(g)["statements"] == 6  # 4 stated by papers, 2 inferred


def test_results_are_typed_numbers_with_their_passage(g):
    rows = list(g.query("""
        SELECT ?r ?model ?dataset ?metric ?value ?unit ?start ?end WHERE {
            ?paper kg:result ?r .
            ?r a kg:Result ; kg:evaluatedModel ?model ; kg:underMetric ?metric ;
               kg:value ?value ; prov:wasDerivedFrom ?paper ; kg:evidence ?passage .
            ?passage oa:hasSelector ?sel .
            ?sel oa:start ?start ; oa:end ?end .
            OPTIONAL { ?r kg:onDataset ?dataset }
            OPTIONAL { ?r kg:unit ?unit }
            FILTER (?value > 5)
        } ORDER BY ?value"""))
    assert [(r.model, r.dataset, r.value, r.unit) for r in rows] == [
        (model("ernievilg2.0"), entity_iri("Dataset", "mscoco"),
         Literal("6.75", datatype=XSD.decimal), None),
        (model("ppocrv3"), entity_iri("Dataset", "longrangearena"),
         Literal("72.5", datatype=XSD.decimal), Literal("%")),
    ]
    assert VILG.abstract[int(rows[0].start):int(rows[0].end)] == "6.75"
    (tiny,) = g.subjects(KG.value, Literal("0.0000001", datatype=XSD.decimal))
    assert g.value(tiny, KG.onDataset) is None  # the paper names none
    assert g.value(tiny, KG.underMetric) == entity_iri("Metric", "score")  # minted
    assert g.value(tiny, KG.extractor) == Literal("test:result")


def test_a_result_with_two_values_fails_shacl():
    g = extraction_graph()
    (r,) = g.subjects(KG.value, Literal("6.75", datatype=XSD.decimal))
    g.add((r, KG.value, Literal("6.5", datatype=XSD.decimal)))
    outcome = validate_graph(g)
    assert not outcome.conforms
    assert outcome.report == (f"<{r}> kg:value: a result has exactly one numeric value "
                              "(xsd:decimal or xsd:double)")


def test_a_mention_that_ends_before_it_starts_fails_shacl():
    g = extraction_graph()
    (m,) = g.subjects(KG.surfaceForm, Literal("MS-COCO"))
    selector = g.value(g.value(m, OA.hasTarget), OA.hasSelector)
    start = int(g.value(selector, OA.start))
    g.set((selector, OA.end, Literal(start - 1, datatype=XSD.nonNegativeInteger)))
    outcome = validate_graph(g)
    assert outcome.report.splitlines() == [
        f"<{selector}> oa:start: a text position selector has one start offset ≥ 0, before "
        f'its end (value: "{start}"^^xsd:nonNegativeInteger)']


def test_a_surface_form_that_is_not_the_selected_text_fails_shacl():
    g = extraction_graph()
    (m,) = g.subjects(KG.surfaceForm, Literal("MS-COCO"))
    g.set((m, KG.surfaceForm, Literal("MS-COCO ")))
    (sel,) = g.subjects(OA.end, Literal(len(LRA.title), datatype=XSD.nonNegativeInteger))
    g.set((sel, OA.end, Literal(len(LRA.title) + 1, datatype=XSD.nonNegativeInteger)))
    report = validate_graph(g).report
    assert f"kg:Mention: a mention's kg:surfaceForm is not the text its selector selects " \
           f"(value: <{m}>)" in report
    assert f"ends after the end of the paper's text (or the paper has no such text) " \
           f"(value: <{sel}>)" in report


def test_a_statement_without_its_triple_or_source_fails_shacl():
    g = extraction_graph()
    x, y = model("ernievilg2.0"), model("dalle2")
    g.remove((x, KG.comparedWith, y))
    (st_node,) = g.subjects(RDF.object, y)
    g.remove((st_node, PROV.wasDerivedFrom, None))
    report = validate_graph(g).report
    assert f"rdf:Statement: a statement's triple is not in the graph (value: <{st_node}>)" \
        in report
    assert f"<{st_node}>: a statement is derived from a paper with kg:evidence, or inferred" \
        in report


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_same_records_in_any_order_give_the_same_bytes(rnd):
    keys = ["VILG", "LRA", "UNTITLED"]
    pairs = list(zip(PAPERS, (EXTRACTIONS[k] for k in keys), strict=True))
    rnd.shuffle(pairs)
    shuffled = [Extraction(tuple(rnd.sample(e.mentions, len(e.mentions))),
                           tuple(rnd.sample(e.relations, len(e.relations))),
                           tuple(rnd.sample(e.results, len(e.results)))) for _, e in pairs]
    g = extraction_graph([p for p, _ in pairs], shuffled)
    assert ntriples_bytes(g) == ntriples_bytes(extraction_graph())


def test_offsets_outside_the_text_are_an_error_naming_the_rule():
    bad = Extraction(mentions=(Mention("abstract", 50, 99, "Model", "X", "test:bad"),))
    with pytest.raises(ValueError, match=r"rule 'test:bad' gives abstract\[50:99\]"):
        extraction_graph([UNTITLED], [bad])
    untitled = Extraction(mentions=(Mention("title", 0, 3, "Dataset", "LRA", "test:t"),))
    with pytest.raises(ValueError, match="no such field"):
        extraction_graph([UNTITLED], [untitled])
    with pytest.raises(ValueError, match="1 papers but 2 extractions"):
        extraction_graph([UNTITLED], [Extraction(), Extraction()])


def test_two_rules_finding_one_mention_make_one_node():
    twice = Extraction(mentions=(mention(UNTITLED, "abstract", "LRA", "Dataset"),
                                 Mention(*span(UNTITLED, "abstract", "LRA"), "Dataset", "LRA",
                                         "test:other")))
    g = extraction_graph([UNTITLED], [twice])
    (m,) = g.subjects(RDF.type, KG.Mention)
    assert sorted(map(str, g.objects(m, KG.extractor))) == ["test:Dataset", "test:other"]
    assert validate_graph(g).conforms



def test_a_result_with_no_metric_names_its_dataset_and_one_with_neither_is_dropped():
    results = (Result("PP-OCRv3", "LRA", None, 72.5, "%", *span(LRA, "abstract", "72.5"),
                      "test:result"),
               Result("PP-OCRv2", None, None, 1e-7, None,
                      *span(LRA, "abstract", "0.0000001"), "test:result"))
    lra = dataclasses.replace(EXTRACTIONS["LRA"], results=results)
    g = extraction_graph(extractions=[EXTRACTIONS["VILG"], lra, EXTRACTIONS["UNTITLED"]])
    (r,) = g.subjects(KG.value, Literal("72.5", datatype=XSD.decimal))
    assert g.value(r, KG.underMetric) is None
    assert g.value(r, KG.onDataset) == entity_iri("Dataset", "longrangearena")
    assert not set(g.subjects(KG.value, Literal("0.0000001", datatype=XSD.decimal)))
    assert validate_graph(g).conforms
