"""The analysis of a store as pyoxigraph quads: the triples
:func:`kg.analyse.writeback.analysis_graph` adds to a graph (scores, communities,
kg:Analysis records, and the counts of :mod:`kg.analyse.aggregates`), made straight from
strings and numbers, without rdflib terms, to be added to the store in one go.

>>> out = AnalysisQuads()
>>> out.scores(KG.pagerank, {"https://w3id.org/mlkg/id/person/a": 0.25})
>>> [str(q.object) for q in out.quads]
['"0.250000000"^^<http://www.w3.org/2001/XMLSchema#decimal>']
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg.analyse.aggregates import NAME_SEPARATOR
from kg.analyse.communities import Partition
from kg.analyse.writeback import _record, score_text
from kg.graph.iris import community_iri, family_year_iri
from kg.graph.vocab import KG, PROV, RDF, RDFS, XSD
from kg.store.tables import AnalysisTables
from kg.store.terms import to_ox

__all__ = ["AnalysisQuads", "comparison_counts", "family_year_counts"]

_DECIMAL, _INTEGER = ox.NamedNode(str(XSD.decimal)), ox.NamedNode(str(XSD.integer))
_NON_NEGATIVE = ox.NamedNode(str(XSD.nonNegativeInteger))
_POSITIVE = ox.NamedNode(str(XSD.positiveInteger))


@functools.cache
def _iri(term: str) -> ox.NamedNode:
    return ox.NamedNode(term)


_TYPE, _LABEL = _iri(str(RDF.type)), _iri(str(RDFS.label))


class AnalysisQuads:
    """The quads of an analysis, added to in the order the in-memory analysis writes its
    triples (the store keeps a set: the order only makes the list reproducible).

    With a ``sink`` (``store.bulk_extend``), :meth:`spill` hands the quads made so far to it
    once there are ``chunk`` of them, and :meth:`close` the rest, so that they need not all
    be in memory at once (a pyoxigraph quad takes about 400 bytes: 2.8 million of them at
    100,000 papers). ``handed`` counts the quads handed over."""

    def __init__(self, sink: Callable[[list[ox.Quad]], object] | None = None,
                 chunk: int = 100_000) -> None:
        self.quads: list[ox.Quad] = []
        self._nodes: dict[str, ox.NamedNode] = {}
        self.sink, self.chunk, self.handed = sink, chunk, 0

    def spill(self) -> None:
        """Hand the quads so far to the sink, if there is one and they are ``chunk`` or
        more."""
        if self.sink is not None and len(self.quads) >= self.chunk:
            self.close()

    def close(self) -> None:
        """Hand every quad left to the sink (if there is one)."""
        if self.sink is not None and self.quads:
            self.sink(self.quads)
            self.handed += len(self.quads)
            self.quads = []

    def node(self, iri: str) -> ox.NamedNode:
        """The NamedNode of ``iri`` (made once: a node gets several scores)."""
        found = self._nodes.get(iri)
        if found is None:
            found = self._nodes[iri] = ox.NamedNode(iri)
        return found

    def add(self, s: str, p: URIRef, o: ox.NamedNode | ox.Literal) -> None:
        self.quads.append(ox.Quad(self.node(s), _iri(str(p)), o))

    def record(self, projection: str, name: str, prop: URIRef, parameters: Mapping,
               libraries: Iterable[str]) -> str:
        """The kg:Analysis of :func:`kg.analyse.writeback._record` (a few triples, made by
        that function itself); its IRI."""
        g = Graph(bind_namespaces="none")
        iri = _record(g, projection, name, prop, parameters, libraries)
        self.quads.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in g)
        return str(iri)

    def scores(self, prop: URIRef, scores: Mapping[str, float | int]) -> None:
        """``node prop score`` for every node: an xsd:nonNegativeInteger for a count, else
        an xsd:decimal (:func:`kg.analyse.writeback.score_literal`)."""
        p, node, append = _iri(str(prop)), self.node, self.quads.append
        for iri, value in scores.items():
            if isinstance(value, int):
                literal = ox.Literal(str(value), datatype=_NON_NEGATIVE)
            else:
                literal = ox.Literal(score_text(value), datatype=_DECIMAL)
            append(ox.Quad(node(iri), p, literal))

    def partition(self, projection: str, partition: Partition,
                  libraries: Iterable[str]) -> None:
        """A partition as ``kg.analyse.writeback._write_partition`` writes it."""
        activity = _iri(self.record(projection, partition.algorithm, KG.community,
                                    partition.parameters, libraries))
        modularity = ox.Literal(score_text(partition.modularity), datatype=_DECIMAL)
        algorithm, named = ox.Literal(partition.algorithm), ox.Literal(projection)
        member_of = _iri(str(KG.community))
        for number, members in enumerate(partition.communities, start=1):
            iri = str(community_iri(projection, partition.algorithm, members))
            node = self.node(iri)
            self.add(iri, RDF.type, _iri(str(KG.Community)))
            self.add(iri, RDFS.label, ox.Literal(f"{projection} community {number} "
                                                 f"({partition.algorithm})"))
            self.add(iri, KG.algorithm, algorithm)
            self.add(iri, KG.projection, named)
            self.add(iri, KG.communityNumber, ox.Literal(str(number), datatype=_POSITIVE))
            self.add(iri, KG.memberCount, ox.Literal(str(len(members)), datatype=_POSITIVE))
            self.add(iri, KG.modularity, modularity)
            self.add(iri, PROV.wasGeneratedBy, activity)
            self.quads.extend(ox.Quad(self.node(member), member_of, node)
                              for member in members)

    def aggregates(self, tables: AnalysisTables) -> None:
        """The counts of :func:`kg.analyse.aggregates.aggregate_graph`."""
        for entity, (papers, challengers, names) in comparison_counts(tables).items():
            self.add(entity, KG.comparisonPaperCount, _integer(papers))
            self.add(entity, KG.challengerCount, _integer(challengers))
            self.add(entity, KG.challengerNames, ox.Literal(names))
        for (family, year), papers in family_year_counts(tables).items():
            node = str(family_year_iri(family, year))
            self.add(node, RDF.type, _iri(str(KG.FamilyYear)))
            self.add(node, RDFS.label, ox.Literal(
                f"{family} papers in {'no year' if year is None else year}"))
            self.add(node, KG.familyName, ox.Literal(family))
            if year is not None:
                self.add(node, KG.publicationYear, _integer(year))
            self.add(node, KG.familyPaperCount, _integer(papers))


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_INTEGER)


def comparison_counts(tables: AnalysisTables) -> dict[str, tuple[int, int, str]]:
    """:func:`kg.analyse.aggregates.comparison_counts` from the tables: per entity that
    papers state a comparison against (by a challenger with a label), the papers, the
    distinct challengers and their names."""
    labels: dict[str, set[str]] = defaultdict(set)
    for challenger, label in tables.challenger_names:
        labels[challenger].add(label)
    papers: dict[str, set[str]] = defaultdict(set)
    challengers: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for entity, challenger, paper in tables.compared:
        if challenger in labels:
            papers[entity].add(paper)
            challengers[entity].add(challenger)
            names[entity] |= labels[challenger]
    return {entity: (len(papers[entity]), len(challengers[entity]),
                     NAME_SEPARATOR.join(sorted(names[entity])))
            for entity in sorted(papers)}


@functools.lru_cache(maxsize=65536)
def _year(value: str, datatype: str) -> int | None:
    """SPARQL's YEAR of a schema:datePublished, as :mod:`kg.analyse.aggregates` reads it
    (None where it has none)."""
    if datatype == str(RDF.langString):
        return None
    found = Literal(value, datatype=URIRef(datatype)).toPython()
    return found.year if isinstance(found, dt.date) else None


def family_year_counts(tables: AnalysisTables) -> dict[tuple[str, int | None], int]:
    """:func:`kg.analyse.aggregates.family_year_counts` from the tables: per model family
    and year (None: undated), the papers that mention a model of the family."""
    families: dict[str, list[str]] = defaultdict(list)
    for model, family in tables.families:
        families[model].append(family)
    years: dict[str, list[int | None]] = defaultdict(list)
    for paper, date in tables.dates:
        years[paper].append(_year(*date))
    found: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    for paper, entity in tables.mentions:
        for family in families.get(entity, ()):
            for year in years.get(paper) or (None,):
                found[(family, year)].add(paper)
    return {key: len(papers) for key, papers in sorted(
        found.items(), key=lambda item: (item[0][0], item[0][1] is not None, item[0][1] or 0))}
