"""The closed namespaces match the ontology, and the ontology and shapes are consistent."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.graph.validate import ontology_graph, shapes_graph
from kg.graph.vocab import ENTITY_CLASSES, FAIR4ML, KG, MLS, OA, PREFIXES, bind_prefixes


def terms(ns) -> set[URIRef]:
    return {URIRef(str(ns) + name) for name in ns.__annotations__}


def iris_in(g: Graph, namespace: str) -> set[URIRef]:
    return {node for triple in g for node in triple
            if isinstance(node, URIRef) and str(node).startswith(namespace)}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph()


def test_every_kg_term_is_declared_in_the_ontology_and_vice_versa(ontology):
    declared = {s for s in ontology.subjects(RDF.type, None) if s in iris_in(ontology, str(KG))}
    assert declared == terms(KG)


def test_the_ontology_names_no_undeclared_kg_term(ontology, shapes):
    assert iris_in(ontology, str(KG)) <= terms(KG)
    assert iris_in(shapes, str(KG)) <= terms(KG)


@pytest.mark.parametrize("ns", [MLS, OA, FAIR4ML], ids=["mls", "oa", "fair4ml"])
def test_other_vocabularies_use_only_the_listed_terms(ns, ontology, shapes):
    used = iris_in(ontology, str(ns)) | iris_in(shapes, str(ns))
    assert used, f"{ns} is not used at all"
    assert used <= terms(ns)


def test_every_kg_term_has_one_label_and_one_comment(ontology):
    for term in terms(KG):
        labels = list(ontology.objects(term, RDFS.label))
        comments = list(ontology.objects(term, RDFS.comment))
        assert len(labels) == 1 and len(comments) == 1, term
        assert isinstance(labels[0], Literal) and str(comments[0]).strip(), term


def test_classes_and_properties_are_typed(ontology):
    for term in terms(KG):
        kinds = set(ontology.objects(term, RDF.type))
        is_class = term.fragment[0].isupper()
        expected = {OWL.Class} if is_class else {OWL.ObjectProperty, OWL.DatatypeProperty}
        assert kinds & expected, f"{term} is not declared as {expected}"


def test_entity_types_are_subclasses_of_entity(ontology):
    assert set(ENTITY_CLASSES) == {"Model", "Dataset", "Metric", "Organization", "Repository",
                                   "Method", "Software", "Task", "Hardware"}
    for cls in ENTITY_CLASSES.values():
        assert (cls, RDFS.subClassOf, KG.Entity) in ontology


def test_reused_vocabularies_are_linked(ontology):
    assert (KG.Paper, RDFS.subClassOf, URIRef("https://schema.org/ScholarlyArticle")) in ontology
    assert (FAIR4ML.fineTunedFrom, RDFS.subPropertyOf, KG.basedOn) in ontology
    assert (KG.evaluatedOn, OWL.equivalentProperty, FAIR4ML.evaluatedOn) in ontology
    assert (KG.Mention, RDFS.subClassOf, OA.Annotation) in ontology


def test_every_shape_targets_a_declared_class(ontology, shapes):
    targets = set(shapes.objects(None, SH.targetClass))
    assert KG.Paper in targets and KG.Result in targets
    declared = terms(KG) | terms(OA) | {RDF.Statement}
    assert targets <= declared


@pytest.mark.parametrize("ns", [KG, MLS, OA, FAIR4ML])
def test_a_misspelt_term_fails_loudly(ns):
    with pytest.raises(AttributeError, match="not in namespace"):
        _ = ns.Papr
    with pytest.raises(AttributeError, match="not in namespace"):
        _ = ns["hasTraget"]


def test_a_listed_term_is_an_iri_in_its_namespace():
    assert KG.authorPosition == URIRef("https://w3id.org/mlkg/ns#authorPosition")
    assert OA.hasSelector == URIRef("http://www.w3.org/ns/oa#hasSelector")
    assert MLS.ModelEvaluation == URIRef("http://www.w3.org/ns/mls#ModelEvaluation")


def test_bind_prefixes_binds_every_prefix_and_overrides_clashes():
    g = Graph(bind_namespaces="none")
    g.bind("kg", "http://example.org/not-kg#")
    bind_prefixes(g)
    bound = {prefix: str(ns) for prefix, ns in g.namespaces()}
    assert {p: bound.get(p) for p in PREFIXES} == PREFIXES
    g.add((URIRef("https://w3id.org/mlkg/id/x"), RDF.type, KG.Paper))
    assert "a kg:Paper" in g.serialize(format="turtle")
