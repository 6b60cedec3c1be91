"""The certificates of kg.store.certify: they hold on a valid store (so no shape is checked
constraint by constraint there), fail where a violation is, and never hide one: the
store's violations stay pySHACL's on graphs broken where only the narrower certificates
or the patterns for sh:or / sh:node can see it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.graph.vocab import KG, PROV, RDF, XSD
from kg.store.analyse import write_graph_to_store
from kg.store.certify import NEVER, shape_certs, uncertified
from kg.store.disk import open_store
from kg.store.validate import _Compiler, store_violations
from tests.store.test_validate import copy, exhaustive_results, first, pyshacl_results


def test_a_valid_store_is_certified_whole(seed_store):
    with ThreadPoolExecutor(2) as pool:
        assert uncertified(open_store(seed_store), pool) == set()


def break_scores_and_slots(g: Graph) -> None:
    """Violations that only a certificate's narrower check, or a pattern compiled from a
    sh:or or sh:node, tells apart from a valid graph."""
    g.add((first(g, KG.SourceRecord), KG.pagerank, Literal("0.5", datatype=XSD.decimal)))
    person = first(g, KG.Person, 1)                                  # node, minCounts
    g.add((person, KG.comparisonPaperCount, Literal(2)))
    g.add((first(g, KG.Model), KG.successorOf, Literal("v1")))      # node (value)
    g.add((first(g, KG.Person, 2), KG.community, Literal("c1")))    # class, nodeKind
    slot = first(g, KG.Authorship)
    g.remove((slot, KG.agent, None))                                  # minCount
    result = first(g, KG.Result, 3)                                   # maxCount on a
    g.add((result, PROV.wasDerivedFrom, first(g, KG.Paper, 9)))      # shared predicate
    statement = first(g, RDF.Statement, 2)                            # class on a shared one
    g.set((statement, PROV.wasDerivedFrom, first(g, KG.SourceRecord, 2)))
    g.add((first(g, KG.Paper, 10), KG.hasCode, Literal(True)))      # maxCount, one node


def test_what_only_narrower_checks_see_is_reported_as_pyshacl_reports_it(seed_memory_graph):
    g = copy(seed_memory_graph)
    break_scores_and_slots(g)
    store = ox.Store()
    write_graph_to_store(g, store)
    got = {(v.focus, v.path, v.component, v.value) for v in store_violations(store, jobs=1)}
    expected = pyshacl_results(g)
    assert len(expected) >= 10
    assert sorted(got - expected, key=str) == [] and sorted(expected - got, key=str) == []
    assert got == exhaustive_results(store)
    assert store_violations(store, jobs=2) == store_violations(store)  # threads: the same


EX = "urn:ex:"
SHAPES = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <{EX}> .
ex:Node a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
ex:Two a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:q ; sh:maxCount 2 ] .
ex:Or a sh:NodeShape ; sh:targetSubjectsOf ex:s ;
    sh:or ( [ sh:class ex:C ] [ sh:property [ sh:path ex:t ; sh:hasValue "x" ] ] ) .
ex:One a sh:NodeShape ; sh:targetClass ex:E ;
    sh:property [ sh:path ex:u ; sh:minCount 1 ; sh:maxCount 1 ] ,
        [ sh:path ex:w ; sh:minCount 1 ; sh:maxCount 1 ] .
"""


def failing(triples: list[tuple[str, str, object]]) -> set[str]:
    """The custom shapes whose certificates fail on a store of ``triples``."""
    g = Graph().parse(data=SHAPES, format="turtle")
    c = _Compiler(g)
    certs = {shape: shape_certs(c, shape) for shape in c.shapes()}
    store = ox.Store()
    for s, p, o in triples:
        obj = ox.Literal(o) if isinstance(o, str) else ox.NamedNode(EX + o[0])
        predicate = str(RDF.type) if p == "a" else EX + p
        store.add(ox.Quad(ox.NamedNode(EX + s), ox.NamedNode(predicate), obj))
    with ThreadPoolExecutor(1) as pool:
        return {str(shape)[len(EX):] for shape in uncertified(store, pool, certs)}


@pytest.mark.parametrize(("triples", "expected"), [
    ([], {"Node"}),                                                     # a target node, no p
    ([("a", "p", "1")], set()),
    ([("b", "a", ("C",)), ("b", "q", "1"), ("b", "q", "2"), ("a", "p", "1")], set()),
    ([("b", "a", ("C",)), ("b", "q", "1"), ("b", "q", "2"), ("b", "q", "3"),
      ("a", "p", "1")], {"Two"}),
    ([("c", "q", "1"), ("c", "q", "2"), ("c", "q", "3"), ("a", "p", "1")], set()),  # no focus
    ([("e", "s", "1"), ("e", "a", ("C",)), ("a", "p", "1")], set()),   # or: first branch
    ([("e", "s", "1"), ("e", "t", "x"), ("a", "p", "1")], set()),      # or: second branch
    ([("e", "s", "1"), ("e", "t", "y"), ("a", "p", "1")], {"Or"}),
    # exactly one u and one w: all at once, or one by one where other nodes have them too
    ([("f", "a", ("E",)), ("f", "u", "1"), ("f", "w", "1"), ("a", "p", "1")], set()),
    ([("f", "a", ("E",)), ("f", "u", "1"), ("f", "w", "1"), ("g", "u", "1"),
      ("a", "p", "1")], set()),
    ([("f", "a", ("E",)), ("f", "u", "1"), ("a", "p", "1")], {"One"}),
    ([("f", "a", ("E",)), ("f", "u", "1"), ("f", "w", "1"), ("h", "a", ("E",)),
      ("h", "w", "1"), ("g", "u", "1"), ("a", "p", "1")], {"One"}),  # as many u as E
])
def test_certificates_of_constraints_kg_shapes_do_not_use(triples, expected):
    assert failing(triples) == expected


def test_minimum_counts_above_one_are_never_certified():
    g = Graph().parse(data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <{EX}Pair> a sh:NodeShape ; sh:targetClass <{EX}D> ;
            sh:property [ sh:path <{EX}r> ; sh:minCount 2 ] .""", format="turtle")
    assert NEVER in shape_certs(_Compiler(g), URIRef(EX + "Pair"))
