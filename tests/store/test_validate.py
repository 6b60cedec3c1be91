"""SHACL by SPARQL on a store reports what pySHACL reports: on the seed graph (nothing)
and on copies of it broken in many ways (focus node, path, constraint component, value)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.graph.build import new_graph
from kg.graph.validate import shapes_graph, validate_graph
from kg.graph.vocab import DCTERMS, FOAF, KG, OA, PROV, RDF, SDO, XSD
from kg.store.analyse import write_graph_to_store
from kg.store.terms import store_form
from kg.store.validate import store_violations, validate_store


def pyshacl_results(g: Graph) -> set[tuple]:
    _, results, _ = validate(g, shacl_graph=shapes_graph(), inference="none",
                             abort_on_first=False, allow_warnings=True)
    nested = set(results.objects(None, SH.detail))
    found = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        if r in nested:
            continue
        path = results.value(r, SH.resultPath)
        if isinstance(path, BNode):
            path = ("^", results.value(path, SH.inversePath))
        value = results.value(r, SH.value)
        component = results.value(r, SH.sourceConstraintComponent)
        found.add((results.value(r, SH.focusNode), path, component,
                   None if value is None else store_form(value)))
    return found


def store_results(g: Graph) -> set[tuple]:
    store = ox.Store()
    write_graph_to_store(g, store)
    return {(v.focus, v.path, v.component, v.value) for v in store_violations(store)}


def copy(g: Graph) -> Graph:
    out = new_graph()
    for triple in g:
        out.add(triple)
    return out


def first(g: Graph, cls: URIRef, n: int = 0) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[n]


def break_graph(g: Graph) -> None:
    """Many violations of different constraints, each on a different node."""
    papers = sorted(g.subjects(RDF.type, KG.Paper))
    g.remove((papers[0], SDO.abstract, None))                                   # minCount
    g.add((papers[1], DCTERMS.title, Literal("Another", lang="en")))            # max, datatype
    g.set((papers[2], KG.hasCode, Literal("yes")))                              # datatype
    g.add((papers[3], KG.mentions, Literal("BERT")))                            # node
    g.add((papers[4], KG.mentions, papers[5]))                                  # node
    person = first(g, KG.Person)
    g.add((person, FOAF.name, Literal("")))                                     # minLength
    g.add((person, KG.pagerank, Literal("1.5", datatype=XSD.decimal)))         # maxInclusive
    slots = sorted(g.objects(papers[6], KG.authorship))
    position = g.value(slots[0], KG.authorPosition)
    g.set((slots[1], KG.authorPosition, position))                              # sparql
    source = first(g, KG.SourceRecord)
    g.set((source, KG.startLine, Literal(10 ** 6, datatype=XSD.positiveInteger)))  # lessThanEq
    g.set((first(g, KG.SourceRecord, 1), KG.layout, Literal("weird")))          # in
    mention = first(g, KG.Mention)
    g.set((mention, KG.mentionOf, papers[7]))                                   # node
    g.set((first(g, KG.Mention, 1), KG.surfaceForm, Literal("not the text")))  # sparql
    selector = first(g, OA.TextPositionSelector, 2)
    g.set((selector, OA.end, Literal(10 ** 6, datatype=XSD.nonNegativeInteger)))  # sparql
    result = first(g, KG.Result)
    g.set((result, KG.value, Literal("high")))                                  # or
    g.remove((result, KG.underMetric, None))                         # or, if no dataset
    result = first(g, KG.Result, 1)
    g.remove((result, KG.underMetric, None))
    g.remove((result, KG.onDataset, None))                                      # or (node)
    g.add((first(g, KG.Result, 2), KG.underMetric, first(g, KG.Metric, 1)))    # maxCount
    statements = [s for s in sorted(g.subjects(RDF.type, RDF.Statement))
                  if g.value(s, PROV.wasDerivedFrom) is not None]
    st = statements[0]
    g.remove((g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)))
    g.remove((statements[1], PROV.wasDerivedFrom, None))                        # or (node)
    g.remove((statements[1], KG.evidence, None))
    dataset = first(g, KG.Dataset)
    g.add((dataset, KG.successorOf, first(g, KG.Dataset, 1)))                  # node
    community = first(g, KG.Community)
    g.remove((None, KG.community, community))                                   # ^path
    g.add((URIRef("https://w3id.org/mlkg/id/paper/orphan"), RDF.type, KG.Paper))


def test_the_seed_graph_conforms_both_ways(seed_memory_graph, seed_store):
    assert pyshacl_results(seed_memory_graph) == set()
    assert store_results(seed_memory_graph) == set()
    outcome = validate_store(seed_store)
    assert outcome.conforms and outcome.count == 0


def test_a_broken_graph_has_the_same_violations_both_ways(seed_memory_graph):
    g = copy(seed_memory_graph)
    break_graph(g)
    expected = pyshacl_results(g)
    got = store_results(g)
    assert len(expected) >= 25
    assert {c for _, _, c, _ in expected} >= {
        SH.MinCountConstraintComponent, SH.MaxCountConstraintComponent,
        SH.DatatypeConstraintComponent, SH.NodeConstraintComponent,
        SH.MinLengthConstraintComponent, SH.MaxInclusiveConstraintComponent,
        SH.SPARQLConstraintComponent, SH.LessThanOrEqualsConstraintComponent,
        SH.InConstraintComponent, SH.OrConstraintComponent}
    assert sorted(got - expected, key=str) == [] and sorted(expected - got, key=str) == []


def test_the_report_names_focus_path_and_message(seed_memory_graph):
    g = copy(seed_memory_graph)
    paper = sorted(g.subjects(RDF.type, KG.Paper))[0]
    g.remove((paper, SDO.abstract, None))
    store = ox.Store()
    write_graph_to_store(g, store)
    outcome = validate_store(store)
    expected = validate_graph(g)
    assert not outcome.conforms and outcome.count == expected.count > 1  # selectors too
    line = f"<{paper}> schema:abstract: a paper has exactly one non-empty abstract"
    assert line in outcome.report.splitlines() and line in expected.report.splitlines()


@pytest.mark.parametrize("text", ["sh:pattern", "sh:equals"])
def test_an_unsupported_constraint_is_an_error(text):
    from kg.store.validate import _Compiler

    shapes = Graph().parse(data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ;
            sh:property [ sh:path <urn:p> ; {text} "x" ] .""", format="turtle")
    with pytest.raises(ValueError, match="unsupported constraint"):
        list(_Compiler(shapes).queries())


def exhaustive_results(store: ox.Store) -> set[tuple]:
    """Every constraint's own query on the whole store (no suspects pass first)."""
    from kg.store.validate import _compiler, _violations

    return {(v.focus, v.path, v.component, v.value)
            for q in _compiler().queries() for v in _violations(store, q)}


def break_one_node_many_ways(g: Graph) -> None:
    """Several violations on one node and one property, and on values shared by nodes of
    other shapes, so that a merged check could report one and hide the others."""
    paper = sorted(g.subjects(RDF.type, KG.Paper))[8]
    g.add((paper, DCTERMS.title, Literal("")))                          # max, minLength
    g.add((paper, DCTERMS.title, Literal("x", lang="en")))             # datatype
    g.add((paper, KG.listingScore, Literal("high")))                   # datatype, max?
    g.add((paper, PROV.wasDerivedFrom, paper))                         # class
    g.remove((paper, PROV.wasDerivedFrom, None))                       # minCount too
    result = first(g, KG.Result, 1)
    g.add((result, PROV.wasDerivedFrom, first(g, KG.SourceRecord)))    # class, maxCount
    g.add((result, KG.value, Literal(1)))                              # maxCount, or
    selector = first(g, OA.TextPositionSelector, 3)
    g.set((selector, OA.start, Literal(-1)))                           # datatype, min, <
    g.add((selector, OA.start, Literal(5, datatype=XSD.nonNegativeInteger)))


def test_merged_checks_hide_no_violation(seed_memory_graph):
    g = copy(seed_memory_graph)
    break_graph(g)
    break_one_node_many_ways(g)
    store = ox.Store()
    write_graph_to_store(g, store)
    got = {(v.focus, v.path, v.component, v.value) for v in store_violations(store)}
    assert got == exhaustive_results(store)
    expected = pyshacl_results(g)
    assert sorted(got - expected, key=str) == [] and sorted(expected - got, key=str) == []


def test_many_suspects_are_checked_on_the_whole_shape(seed_memory_graph, monkeypatch):
    import kg.store.validate as validate

    g = copy(seed_memory_graph)
    break_graph(g)
    store = ox.Store()
    write_graph_to_store(g, store)
    monkeypatch.setattr(validate, "MAX_SUSPECTS", 1)
    got = {(v.focus, v.path, v.component, v.value) for v in store_violations(store)}
    assert got == exhaustive_results(store) and len(got) >= 25


def break_mentions(g: Graph) -> None:
    """Mentions, their targets and selectors broken in the ways the store checks by
    counts over a UNION, guards on distinct values and kgsh:storeSelect: each must still
    be reported, as pySHACL reports it."""
    mentions = sorted(g.subjects(RDF.type, KG.Mention))
    g.remove((mentions[0], KG.surfaceForm, None))                       # minCount
    g.add((mentions[1], KG.mentionOf, first(g, KG.Model, 3)))           # maxCount
    g.set((mentions[2], OA.hasTarget, Literal("here")))                 # class, nodeKind
    g.add((mentions[3], KG.subPath, Literal("")))                       # minLength
    g.remove((None, KG.mention, mentions[4]))                           # ^path minCount
    g.set((mentions[5], KG.extractor, Literal(7)))                      # datatype
    blank = BNode()                                                     # nodeKind (focus)
    for p, o in g.predicate_objects(mentions[6]):
        g.add((blank, p, o))
    target = g.value(mentions[7], OA.hasTarget)
    g.set((target, OA.hasSource, first(g, KG.Person)))                  # class
    g.add((target, OA.hasSelector, BNode()))                            # max, nodeKind, class
    selectors = sorted(g.subjects(RDF.type, OA.TextPositionSelector))
    g.set((selectors[0], KG.textProperty, KG.arxivCategory))           # in; sparql: length
    g.set((selectors[1], KG.textProperty, PROV.wasDerivedFrom))        # in; sparql: IRI text
    g.remove((selectors[2], OA.end, None))                              # minCount, lessThan


def test_broken_mentions_are_reported_as_pyshacl_reports_them(seed_memory_graph):
    g = copy(seed_memory_graph)
    break_mentions(g)
    store = ox.Store()
    write_graph_to_store(g, store)
    got = {(v.focus, v.path, v.component, v.value) for v in store_violations(store)}
    expected = pyshacl_results(g)
    assert len(expected) >= 15
    assert sorted(got - expected, key=str) == [] and sorted(expected - got, key=str) == []
    assert got == exhaustive_results(store)
