"""Analytics on a store: the scores and communities of :mod:`kg.analyse.writeback`,
computed from tables read out of the store and written back into it.

With the default backend and community algorithm (igraph, Leiden), :func:`analyse_store`
reads the few tables the projections need by SPARQL (:mod:`kg.store.tables`), builds the
projections as integer-indexed edge lists straight into igraph
(:mod:`kg.analyse.indexed`) and writes the analysis back as pyoxigraph quads
(:mod:`kg.store.quads`): no rdflib terms or networkx graphs in between, several times
faster than the path below on large stores, with the same triples (tests/store).

Any other backend or algorithm takes the reference path: the networkx projections of
:mod:`kg.analyse.projections`, which read a graph through a handful of rdflib methods
(``subjects``, ``objects``, ``subject_objects``, ``value``, ``in``). :class:`StoreView`
offers exactly those over the few predicates the projections use (authorship, names,
mentions, lineage, statements), loaded from the store predicate by predicate; abstracts,
mention nodes and everything else stay on disk. The same projection code then runs
unchanged, so a store and the same graph in memory give the same scores (tests/store).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Identifier

from kg.analyse.communities import Partition
from kg.analyse.indexed import (
    IndexedGraph,
    coauthorship_indexed,
    comention_indexed,
    comparison_indexed,
    lineage_indexed,
    linked_papers,
    paper_entity_indexed,
)
from kg.analyse.projections import LINEAGE_KINDS
from kg.analyse.writeback import (
    ANALYSIS_CLASSES,
    ANALYSIS_PROPERTIES,
    MEASURES,
    AnalysisReport,
    ProjectionSummary,
    analysis_graph,
    sources_for,
)
from kg.graph.vocab import DCTERMS, ENTITY_CLASSES, FOAF, KG, PROV, RDF, RDFS, SDO
from kg.store.disk import open_store
from kg.store.quads import AnalysisQuads
from kg.store.tables import LINK_KINDS, analysis_tables
from kg.store.terms import from_ox, to_ox

__all__ = ["PROJECTION_PREDICATES", "StoreView", "analyse_store", "clear_store_analysis",
           "store_analysis", "write_graph_to_store"]

#: Quads made (about) before they go into a store the analysis streams to (analyse_store).
STREAM_CHUNK = 100_000

#: Every predicate the projections read (rdf:type only for :data:`PROJECTION_CLASSES`).
PROJECTION_PREDICATES = (
    KG.authorship, KG.agent, KG.authorPosition, SDO.author, KG.authorListTruncated,
    FOAF.name, RDFS.label, DCTERMS.title, RDF.subject, RDF.predicate, RDF.object,
    PROV.wasDerivedFrom, *(KG[kind] for kind in LINEAGE_KINDS), KG.comparedWith,
    KG.mentions, KG.family, SDO.datePublished,  # the last two for kg.analyse.aggregates
)
PROJECTION_CLASSES = (KG.Paper, RDF.Statement, *ENTITY_CLASSES.values())


class StoreView:
    """A read-only view of some predicates of a store with the read methods of an rdflib
    Graph that :mod:`kg.analyse.projections` uses. Only patterns with the predicate given
    are supported (a ValueError otherwise)."""

    def __init__(self, store: ox.Store, predicates: Iterable[URIRef] = PROJECTION_PREDICATES,
                 classes: Iterable[URIRef] = PROJECTION_CLASSES) -> None:
        self._by_subject: dict[URIRef, dict[Identifier, list[Identifier]]] = {}
        terms: dict[object, Identifier] = {}

        def term(t: object) -> Identifier:
            found = terms.get(t)
            if found is None:
                found = terms[t] = from_ox(t)
            return found

        for p in (*predicates, RDF.type):
            table: dict[Identifier, list[Identifier]] = defaultdict(list)
            objects = [to_ox(c) for c in classes] if p == RDF.type else [None]
            for o in objects:
                for quad in store.quads_for_pattern(None, to_ox(p), o, ox.DefaultGraph()):
                    table[term(quad.subject)].append(term(quad.object))
            self._by_subject[p] = dict(table)
        self._by_object: dict[URIRef, dict[Identifier, list[Identifier]]] = {}

    def _table(self, p: Identifier | None) -> dict[Identifier, list[Identifier]]:
        if p is None or p not in self._by_subject:
            raise ValueError(f"the store view has no table for the predicate {p}")
        return self._by_subject[p]

    def triples(self, pattern: tuple) -> Iterator[tuple]:
        s, p, o = pattern
        table = self._table(p)
        for subject in ([s] if s is not None else list(table)):
            for obj in table.get(subject, ()):
                if o is None or obj == o:
                    yield subject, p, obj

    def subjects(self, predicate: Identifier, obj: Identifier | None = None
                 ) -> Iterator[Identifier]:
        if obj is not None:
            by_object = self._by_object.get(predicate)
            if by_object is None:
                by_object = defaultdict(list)
                for s, objects in self._table(predicate).items():
                    for o in objects:
                        by_object[o].append(s)
                self._by_object[predicate] = by_object = dict(by_object)
            yield from by_object.get(obj, ())
            return
        yield from (s for s, _, _ in self.triples((None, predicate, None)))

    def objects(self, subject: Identifier, predicate: Identifier) -> Iterator[Identifier]:
        yield from self._table(predicate).get(subject, ())

    def subject_objects(self, predicate: Identifier) -> Iterator[tuple]:
        yield from ((s, o) for s, _, o in self.triples((None, predicate, None)))

    def value(self, subject: Identifier, predicate: Identifier) -> Identifier | None:
        found = self._table(predicate).get(subject)
        return found[0] if found else None

    def __contains__(self, triple: tuple) -> bool:
        return next(self.triples(triple), None) is not None


def clear_store_analysis(store: ox.Store) -> int:
    """Remove every earlier analysis from ``store`` (as
    :func:`kg.analyse.writeback.clear_analysis` does from a graph), in one transaction;
    return how many triples went (counted first: nothing is done when there are none)."""
    props = " ".join(f"<{p}>" for p in ANALYSIS_PROPERTIES)
    classes = " ".join(f"<{c}>" for c in ANALYSIS_CLASSES)
    patterns = (f"{{ VALUES ?p {{ {props} }} ?s ?p ?o }}",
                f"{{ VALUES ?c {{ {classes} }} ?o a ?c . ?s ?p ?o }}",
                f"{{ VALUES ?c {{ {classes} }} ?s a ?c . ?s ?p ?o }}")
    count = next(iter(store.query(f"""SELECT (COUNT(*) AS ?n) WHERE {{
        SELECT DISTINCT ?s ?p ?o WHERE {{ {" UNION ".join(patterns)} }} }}""")))
    removed = int(count[0].value)
    if removed:
        store.update(f"""
            DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o }} ;
            DELETE {{ ?x ?p ?s }} WHERE {{ VALUES ?c {{ {classes} }} ?s a ?c . ?x ?p ?s }} ;
            DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?c {{ {classes} }} ?s a ?c . ?s ?p ?o }}""")
    return removed


def write_graph_to_store(g: Graph, store: ox.Store) -> None:
    """Add the triples of ``g`` to the default graph of ``store``."""
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in g)


def analyse_store(target: str | Path | ox.Store, *, seed: int = 0, backend: str = "igraph",
                  communities: str = "leiden", betweenness_k: int | None = None
                  ) -> AnalysisReport:
    """:func:`kg.analyse.writeback.analyse_graph` on a store (a store directory, opened
    for writing, or an open store): the analysis computed (:func:`store_analysis`, or
    through a :class:`StoreView` for another backend or community algorithm than igraph's
    Leiden), then the earlier analysis removed and the new one added. A store opened here
    (``kg analyse STORE``, in place) gets the new analysis in one transaction, so a failure
    leaves it whole; an open store (the build's own, not yet in place) takes the faster
    bulk load, which is not transactional."""
    in_place = isinstance(target, str | Path)
    store = open_store(target, read_only=False) if in_place else target
    # The build's own store (new: no earlier analysis) takes the quads as they are made, a
    # projection at a time, so that they are never all in memory; its earlier analysis
    # goes first (the tables are read from the rest of the graph).
    streamed = not in_place and backend == "igraph" and communities == "leiden"
    removed = clear_store_analysis(store) if streamed else 0
    out = AnalysisQuads(sink=store.bulk_extend if streamed else None, chunk=STREAM_CHUNK)
    if backend == "igraph" and communities == "leiden":
        quads, summaries = store_analysis(store, seed=seed, betweenness_k=betweenness_k,
                                          out=out)
    else:
        added, summaries = analysis_graph(StoreView(store), seed=seed, backend=backend,
                                          communities=communities,
                                          betweenness_k=betweenness_k)
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph())
                 for s, p, o in added]
    distinct = set(quads)
    if not streamed:
        removed = clear_store_analysis(store)
    if in_place:
        store.extend(distinct)  # one transaction
    else:
        store.bulk_extend(distinct)  # new files written whole: far faster than extend
    store.flush()
    return AnalysisReport(summaries, removed, len(distinct) + out.handed, seed, backend,
                          communities)


def _summary(projection: str, G: IndexedGraph, partition: Partition | None
             ) -> ProjectionSummary:
    return ProjectionSummary(projection, len(G), len(G.edges), G.components(),
                             None if partition is None else len(partition.communities),
                             None if partition is None else partition.modularity)


def store_analysis(store: ox.Store, *, seed: int = 0, betweenness_k: int | None = None,
                   out: AnalysisQuads | None = None
                   ) -> tuple[list[ox.Quad], tuple[ProjectionSummary, ...]]:
    """The quads :func:`kg.analyse.writeback.analysis_graph` adds (igraph backend, Leiden
    communities) for the graph in ``store``, from :func:`kg.store.tables.analysis_tables`
    and :mod:`kg.analyse.indexed`; and a summary per projection. The store is only read,
    but by ``out``'s sink, if it has one: then the quads returned are those not yet handed
    to it (:class:`~kg.store.quads.AnalysisQuads`), after each projection."""
    tables = analysis_tables(store)
    out = AnalysisQuads() if out is None else out
    summaries, backend, fast = [], "igraph", ("igraph",)

    def write(projection: str, G: IndexedGraph, runs: list,
              partition: Partition | None) -> None:
        for name, scores, parameters, used in runs:
            prop = MEASURES[projection][name]
            out.record(projection, name, prop, parameters, used)
            out.scores(prop, scores)
        if partition is not None:
            out.partition(projection, partition, fast)
        summaries.append(_summary(projection, G, partition))
        out.spill()

    co = coauthorship_indexed(tables.authors)
    k = sources_for(co, betweenness_k)
    write("coauthorship", co, [
        ("degree", co.degree_scores(), {"weight": None}, ("networkx",)),
        ("betweenness", co.betweenness_scores(weight="distance", k=k, seed=seed),
         {"weight": "distance", "k": k, "seed": seed if k is not None else None,
          "normalized": True, "backend": backend}, fast),
        ("pagerank", co.pagerank_scores(weight="weight"),
         {"weight": "weight", "alpha": 0.85, "backend": backend}, fast),
        ("eigenvector", co.eigenvector_scores(),
         {"weight": "weight", "per_component": True}, ("scipy",)),
    ], co.leiden_communities(weight="weight", seed=seed))
    del co

    linked = linked_papers(tables.links, tables.stated, tables.mentions, LINK_KINDS)
    lineage = lineage_indexed(linked, LINEAGE_KINDS)
    k = sources_for(lineage, None)
    write("lineage", lineage, [
        ("degree", lineage.degree_scores(), {"weight": None}, ("networkx",)),
        ("betweenness", lineage.betweenness_scores(weight=None, k=k, seed=seed),
         {"weight": None, "k": k, "seed": seed if k is not None else None,
          "normalized": True, "directed": True, "backend": backend}, fast),
        ("influence", lineage.pagerank_scores(weight=None, reverse=True),
         {"weight": None, "alpha": 0.85, "reversed": True, "backend": backend}, fast),
        ("descendants", lineage.descendant_counts(), {}, ("networkx",)),
    ], lineage.undirected().leiden_communities(weight="weight", seed=seed))

    bipartite, papers = paper_entity_indexed(tables.mentions)
    ranks = bipartite.pagerank_scores(weight=None)
    total = sum(ranks[paper] for paper in papers)
    write("papers", bipartite, [
        ("pagerank", {paper: ranks[paper] / total if total else 0.0 for paper in papers},
         {"graph": "paper-entity", "weight": None, "alpha": 0.85, "rescaled": "papers",
          "backend": backend}, fast),
    ], bipartite.leiden_communities(weight=None, seed=seed).restricted(papers))
    del bipartite, ranks

    comention = comention_indexed(tables.mentions)
    write("comention", comention, [
        ("pagerank", comention.pagerank_scores(weight="weight"),
         {"weight": "weight", "alpha": 0.85, "backend": backend}, fast),
    ], comention.leiden_communities(weight="weight", seed=seed))
    del comention

    comparison = comparison_indexed(linked)
    write("comparison", comparison, [
        ("baseline-count", comparison.baseline_counts(), {"directed": True, "count": "papers"},
         ("networkx",)),
        ("baseline-rank", comparison.pagerank_scores(weight="weight"),
         {"weight": "weight", "alpha": 0.85, "directed": True, "backend": backend}, fast),
    ], None)
    out.aggregates(tables)
    return out.quads, tuple(summaries)


def store_stats(target: str | Path | ox.Store) -> dict[str, int]:
    """:func:`kg.graph.stats.graph_stats` of a store, counted by SPARQL in the store."""
    from kg.graph.stats import COUNTED

    store = open_store(target) if isinstance(target, str | Path) else target

    def count(query: str) -> int:
        row = next(iter(store.query(query)))
        return int(row[0].value)

    counts = {name: count(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{cls}> }}")
              for name, cls in COUNTED.items()}
    counts["papers merged"] = count(f"""
        SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT ?p WHERE {{ ?p a <{KG.Paper}> ;
            <{PROV.wasDerivedFrom}> ?s }} GROUP BY ?p HAVING (COUNT(DISTINCT ?s) > 1) }} }}""")
    counts["years inferred"] = count(f"""SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{
        ?p a <{KG.Paper}> ; <{KG.yearInferred}> true }}""")
    counts["triples"] = len(store)
    return counts
