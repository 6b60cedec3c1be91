"""The named queries rewritten for Oxigraph's planner answer what the graph says: their
rows on the seed store against the same answers computed here in Python from the
store's triples (tests/query/test_aggregates.py compares them with their earlier text)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import URIRef

from kg.graph.vocab import FOAF, KG, RDF, RDFS, SDO
from kg.normalize import name_key, person_key
from kg.store.query import store_query_rows

from .conftest import store_graph


@pytest.fixture(scope="module")
def graph(seed_store):
    return store_graph(seed_store)


def _by_key(g, prop, key):
    return {s for s in g.subjects(prop, None) if str(g.value(s, prop)) == key}


@pytest.mark.parametrize("person", ["Cheng Cui", "hua wu"])
def test_coauthors(seed_store, graph, person):
    (someone,) = _by_key(graph, KG.personKey, person_key(person))
    papers, latest = defaultdict(set), {}
    for paper in graph.subjects(SDO.author, someone):
        for other in graph.objects(paper, SDO.author):
            if other != someone:
                papers[other].add(paper)
                for date in graph.objects(paper, SDO.datePublished):
                    latest[other] = max(latest.get(other, str(date)), str(date))
    expected = sorted(((str(graph.value(o, FOAF.name)), len(p), latest.get(o), str(o))
                       for o, p in papers.items()), key=lambda r: (-r[1], r[0]))
    rows = store_query_rows(seed_store, "coauthors", {"person": person})
    assert [(r["coauthor"], r["papers"], r["latest"], r["other"]) for r in rows] == expected
    assert len(rows) >= 2


@pytest.mark.parametrize("model", ["PP-OCRv3", "BERT"])
def test_co_mentioned(seed_store, graph, model):
    (target,) = _by_key(graph, KG.nameKey, name_key(model))
    papers = defaultdict(set)
    for paper in graph.subjects(KG.mentions, target):
        for entity in graph.objects(paper, KG.mentions):
            if entity != target:
                papers[entity].add(paper)
    expected = {(str(graph.value(e, RDFS.label)), str(t).rpartition("#")[2], len(p), str(e))
                for e, p in papers.items() for t in graph.objects(e, RDF.type)}
    rows = store_query_rows(seed_store, "co-mentioned", {"model": model})
    got = [(r["entityName"], r["class"], r["papers"], r["entity"]) for r in rows]
    assert set(got) == expected and len(got) == len(expected) > 5
    assert [(-r[2], r[1], r[0]) for r in got] == sorted((-r[2], r[1], r[0]) for r in got)


@pytest.mark.parametrize("measure", ["pagerank", "betweenness"])
def test_central_authors(seed_store, graph, measure):
    people = [(float(graph.value(p, KG[measure])), str(graph.value(p, FOAF.name)), p)
              for p in graph.subjects(RDF.type, KG.Person)
              if graph.value(p, KG[measure]) is not None and graph.value(p, FOAF.name)]
    top = sorted(people, key=lambda r: (-r[0], r[1]))[:25]
    rows = store_query_rows(seed_store, "central-authors", {"measure": f"kg:{measure}"})
    assert [(r["score"], r["name"], r["person"]) for r in rows] == [
        (score, name, str(p)) for score, name, p in top]
    for row in rows:
        person = URIRef(row["person"])
        assert row["papers"] == len(set(graph.subjects(SDO.author, person)))
        groups = [c for c in graph.objects(person, KG.community)
                  if str(graph.value(c, KG.projection)) == "coauthorship"]
        assert row["community"] == (int(graph.value(groups[0], KG.communityNumber))
                                    if groups else None)
