"""Counts over the whole graph that named queries read instead of counting at query time.

Two named queries count over the whole graph: ``most-compared`` (per baseline, the papers
that state a comparison against it and the systems compared with it) and
``papers-per-family-year`` (per model family and year, the papers that mention one of the
family's models). On an Oxigraph store each counted row cost a lookup per joined triple,
so they grew with the graph (2.2 s and 1.3 s on a 10,000-paper store). kg analyse
computes the counts once, here, and writes them into the graph beside its scores; the
queries then read one row per row they return. Both counts are computed exactly as the
queries counted before (tests/query/test_aggregates.py runs the earlier query text beside
the new one, on both engines):

- on each entity that a paper states a comparison against (an rdf:Statement of
  ``challenger kg:comparedWith entity``, ``prov:wasDerivedFrom`` the paper, the triple
  itself in the graph, the challenger named by an rdfs:label): ``kg:comparisonPaperCount``
  (those papers), ``kg:challengerCount`` (the distinct challengers) and
  ``kg:challengerNames`` (their names, distinct, sorted, joined by ``", "``);
- a ``kg:FamilyYear`` node per model family (kg:family) and year of publication (the
  year of schema:datePublished; none for papers without a date) with a paper:
  ``kg:familyName``, ``kg:publicationYear`` (absent for the undated) and
  ``kg:familyPaperCount`` (the papers that mention a model of the family, each once).

Counts are xsd:integer, as SPARQL's COUNT gives them, so the rows are the same terms.
The graph is only read through the methods :class:`kg.store.analyse.StoreView` offers.

>>> from kg.graph.build import new_graph
>>> from kg.graph.iris import entity_iri
>>> from rdflib import Literal, URIRef
>>> g = new_graph()
>>> ernie, paper = entity_iri("Model", "ernie3.0"), URIRef("https://w3id.org/mlkg/id/paper/p")
>>> _ = g.add((ernie, KG.family, Literal("ERNIE"))); _ = g.add((paper, KG.mentions, ernie))
>>> family_year_counts(g)
{('ERNIE', None): 1}
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from rdflib import Graph, Literal, URIRef

from kg.graph.iris import family_year_iri
from kg.graph.vocab import KG, PROV, RDF, RDFS, SDO, XSD

__all__ = ["AGGREGATE_CLASSES", "AGGREGATE_PROPERTIES", "aggregate_graph",
           "comparison_counts", "family_year_counts"]

#: The properties and classes this module writes (removed before an analysis is redone).
AGGREGATE_PROPERTIES = (KG.comparisonPaperCount, KG.challengerCount, KG.challengerNames)
AGGREGATE_CLASSES = (KG.FamilyYear,)

#: How ``most-compared`` joined the names of an entity's challengers.
NAME_SEPARATOR = ", "


def comparison_counts(g: Any) -> dict[URIRef, tuple[int, int, str]]:
    """Per entity that papers state a comparison against (see the module doc): the number
    of those papers, of distinct challengers, and the challengers' names (distinct,
    sorted, joined by ``", "``)."""
    papers: dict[URIRef, set] = defaultdict(set)
    challengers: dict[URIRef, set] = defaultdict(set)
    names: dict[URIRef, set[str]] = defaultdict(set)
    for statement in g.subjects(RDF.predicate, KG.comparedWith):
        stated_by = list(g.objects(statement, PROV.wasDerivedFrom))
        if not stated_by:
            continue
        for challenger in g.objects(statement, RDF.subject):
            labels = [str(label) for label in g.objects(challenger, RDFS.label)]
            if not labels:
                continue
            for entity in g.objects(statement, RDF.object):
                if (challenger, KG.comparedWith, entity) not in g:
                    continue
                papers[entity].update(stated_by)
                challengers[entity].add(challenger)
                names[entity].update(labels)
    return {entity: (len(papers[entity]), len(challengers[entity]),
                     NAME_SEPARATOR.join(sorted(names[entity])))
            for entity in sorted(papers)}


def _year(date: object) -> int | None:
    """SPARQL's YEAR of a schema:datePublished (None where it has none)."""
    value = date.toPython() if isinstance(date, Literal) else None
    return value.year if isinstance(value, dt.date) else None


def family_year_counts(g: Any) -> dict[tuple[str, int | None], int]:
    """Per model family (the kg:family of a model, as written) and year of publication
    (None for papers without a date): how many papers mention a model of the family."""
    found: dict[tuple[Literal, int | None], set] = defaultdict(set)
    years: dict[object, list[int | None]] = {}
    for model, family in g.subject_objects(KG.family):
        for paper in g.subjects(KG.mentions, model):
            if paper not in years:
                years[paper] = [_year(d) for d in g.objects(paper, SDO.datePublished)] or [None]
            for year in years[paper]:
                found[(family, year)].add(paper)
    return {(str(family), year): len(papers)
            for (family, year), papers in sorted(
                found.items(), key=lambda item: (str(item[0][0]), item[0][1] is not None,
                                                 item[0][1] or 0))}


def _integer(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


def aggregate_graph(g: Any) -> Graph:
    """The counts of ``g`` (see the module doc) as a graph of their own, to add to ``g``."""
    out = Graph(bind_namespaces="none")
    for entity, (papers, challengers, names) in comparison_counts(g).items():
        out.add((entity, KG.comparisonPaperCount, _integer(papers)))
        out.add((entity, KG.challengerCount, _integer(challengers)))
        out.add((entity, KG.challengerNames, Literal(names)))
    for (family, year), papers in family_year_counts(g).items():
        node = family_year_iri(family, year)
        out.add((node, RDF.type, KG.FamilyYear))
        out.add((node, RDFS.label, Literal(f"{family} papers in "
                                           f"{'no year' if year is None else year}")))
        out.add((node, KG.familyName, Literal(family)))
        if year is not None:
            out.add((node, KG.publicationYear, _integer(year)))
        out.add((node, KG.familyPaperCount, _integer(papers)))
    return out
