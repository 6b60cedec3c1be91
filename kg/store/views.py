"""The HTML views of a store, read from it for what the pages show.

The pages show only the ``max_nodes`` most central nodes of each view, so the store is not
read into memory: the whole-graph figures a page needs (who is in the co-authorship
network and their PageRank and community, the lineage links with each entity's influence
and family, how many papers mention each entity, the number of papers) come from SPARQL
queries that return one short row per node; everything else (names, titles, years,
scores, papers, results, the evidence of a lineage link) is looked up in the store's
indexes for the kept nodes alone (:class:`StoreLookup`), by the same per-node code of
:mod:`kg.view.data` that an in-memory graph goes through. Abstracts are read only for the
untitled papers a page lists (their label is the abstract's first words).

A store and the same graph in memory give the same pages (tests/store/test_views.py).
A store without the analysis' PageRank (never one that ``kg build --store`` writes) has its
co-authorship view ranked by degree, through :func:`store_view_graph`: the store read into
memory as before.

The query texts hold only constant vocabulary IRIs; per-node lookups pass terms to
Oxigraph's pattern and substitution APIs, never in query text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Identifier

from kg.analyse.projections import LINEAGE_KINDS, _name, _type_name
from kg.graph.vocab import DCTERMS, KG, PROV, RDF, RDFS, SDO, XSD
from kg.store.analyse import PROJECTION_PREDICATES, StoreView
from kg.store.disk import open_store
from kg.store.terms import from_ox, to_ox
from kg.view.data import (
    OTHER,
    ExplorerView,
    NetworkView,
    coauthor_edges,
    coauthorship_view,
    colour_scale,
    entity_node,
    explorer_view,
    lineage_edge,
    person_node,
    result_text,
    top_nodes,
)
from kg.view.data import _number as literal_number
from kg.view.layout import layered_layout

__all__ = ["VIEW_PREDICATES", "VIEWS_DIR", "StoreLookup", "render_store_views",
           "store_coauthorship_view", "store_explorer_rows", "store_lineage_view",
           "store_view_graph"]

#: Every predicate the views read (for :func:`store_view_graph`).
VIEW_PREDICATES = (
    *PROJECTION_PREDICATES, SDO.abstract, SDO.datePublished, KG.family,
    KG.pagerank, KG.betweenness, KG.degreeCentrality, KG.eigenvector, KG.influence,
    KG.descendantCount, KG.community, KG.communityNumber, KG.projection,
    KG.evaluatedModel, KG.value, KG.unit, KG.onDataset, KG.underMetric,
)
#: Where in a store directory ``kg build --store`` and ``kg view STORE`` put the views.
VIEWS_DIR = "views"

#: The predicates whose values :class:`StoreLookup` keeps: what a paper or an entity
#: is listed by, asked for again and again.
_KEPT = frozenset({DCTERMS.title, SDO.abstract, SDO.datePublished, RDFS.label})

#: IRIs per VALUES block.
_CHUNK = 1000

_Q = f"""PREFIX kg: <{KG}> PREFIX sdo: <{SDO}> PREFIX rdf: <{RDF}> """
# the people of the co-authorship projection (kg.analyse.projections.coauthorship_graph:
# the agents of a kg:Paper's author slots, or its schema:author when no slot has one),
# with their PageRank
_PEOPLE = _Q + """SELECT ?person ?rank WHERE {
    { SELECT DISTINCT ?person WHERE {
        ?paper a kg:Paper .
        { ?paper kg:authorship ?slot . ?slot kg:agent ?person }
        UNION
        { ?paper sdo:author ?person
          MINUS { ?paper kg:authorship ?any . ?any kg:agent ?anyone } } } }
    OPTIONAL { ?person kg:pagerank ?rank } }"""
# the papers of some people (VALUES ?person), and the people of some papers (VALUES ?paper)
_PEOPLE_PAPERS = _Q + """SELECT ?person ?paper WHERE { {values}
    { ?paper sdo:author ?person } UNION { ?slot kg:agent ?person . ?paper kg:authorship ?slot } }"""
_SLOTTED = _Q + """SELECT ?paper ?person WHERE { {values} ?paper a kg:Paper ;
    kg:authorship ?slot . ?slot kg:agent ?person }"""
_LISTED = _Q + """SELECT ?paper ?person WHERE { {values} ?paper a kg:Paper ; sdo:author ?person }"""
# the communities of one projection (%s: a constant name)
_COMMUNITIES = _Q + """SELECT ?node ?number WHERE {
    ?community kg:projection ?projection FILTER (STR(?projection) = "%s")
    ?community kg:communityNumber ?number . ?node kg:community ?community }"""
# one query per lineage predicate (%s)
_LINKS = "SELECT ?s ?o WHERE { ?s <%s> ?o FILTER (isIRI(?s) && isIRI(?o) && ?s != ?o) }"
_STATEMENTS = _Q + """SELECT DISTINCT ?statement ?s ?p ?o WHERE {
    ?statement rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; a rdf:Statement }"""
_MENTIONED = _Q + """SELECT ?entity (COUNT(DISTINCT ?paper) AS ?papers) WHERE {
    ?paper kg:mentions ?entity FILTER (isIRI(?entity)) } GROUP BY ?entity"""
_PAPERS = _Q + "SELECT (COUNT(DISTINCT ?paper) AS ?n) WHERE { ?paper a kg:Paper }"


class StoreLookup:
    """The read methods of an rdflib Graph that the per-node code of :mod:`kg.view.data`
    and :mod:`kg.analyse.projections` uses (``value``, ``objects``; ``subjects`` with the
    object given), answered one node at a time from the store's indexes, as rdflib terms
    in the order a :class:`~kg.store.analyse.StoreView` gives them. Titles, abstracts,
    dates and labels looked up are kept (papers are listed again and again)."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store
        self._kept: dict[tuple[Identifier, Identifier], tuple[Identifier, ...]] = {}

    def _read(self, subject: Identifier | None, predicate: Identifier,
              obj: Identifier | None) -> Iterator[ox.Quad]:
        return self._store.quads_for_pattern(
            None if subject is None else to_ox(subject), to_ox(predicate),
            None if obj is None else to_ox(obj), ox.DefaultGraph())

    def objects(self, subject: Identifier, predicate: Identifier) -> Iterator[Identifier]:
        if predicate not in _KEPT:
            return (from_ox(q.object) for q in self._read(subject, predicate, None))
        key = (subject, predicate)
        found = self._kept.get(key)
        if found is None:
            found = self._kept[key] = tuple(from_ox(q.object)
                                            for q in self._read(subject, predicate, None))
        return iter(found)

    def value(self, subject: Identifier, predicate: Identifier) -> Identifier | None:
        return next(self.objects(subject, predicate), None)

    def subjects(self, predicate: Identifier, obj: Identifier) -> Iterator[Identifier]:
        return (from_ox(q.subject) for q in self._read(None, predicate, obj))

    def subject_names(self, predicate: Identifier, obj: Identifier | str) -> set[str]:
        """The subjects of ``? predicate obj``, as strings."""
        return {q.subject.value for q in self._read(None, predicate, URIRef(obj))}

    def prime(self, papers: Iterable[str]) -> None:
        """Read the titles and dates of ``papers`` (IRIs) not read yet, a few queries for
        them all. A paper with several of one is left to be looked up on its own (the
        first in the store's order)."""
        for predicate in (DCTERMS.title, SDO.datePublished):
            todo = [p for p in set(papers) if (URIRef(p), predicate) not in self._kept]
            for start in range(0, len(todo), _CHUNK):
                chunk = todo[start:start + _CHUNK]
                found: dict[str, list[ox.Term]] = {p: [] for p in chunk}
                query = (f"SELECT ?s ?o WHERE {{ VALUES ?s {{ "
                         f"{' '.join(str(ox.NamedNode(p)) for p in chunk)} }} "
                         f"?s <{predicate}> ?o }}")
                for subject, obj in self._store.query(query):
                    found[subject.value].append(obj)
                for paper, values in found.items():
                    if len(values) < 2:
                        self._kept[(URIRef(paper), predicate)] = tuple(map(from_ox, values))


_FLOATS = frozenset(str(XSD[t]) for t in ("decimal", "double", "float"))
_INTEGERS = frozenset(str(XSD[t]) for t in ("integer", "positiveInteger"))


def _number(term: ox.Term | None) -> float | int | None:
    """kg.view.data's number of a literal (the scores of every node are read: the common
    datatypes straight from their lexical forms)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value in _FLOATS:
        try:
            return float(term.value)
        except ValueError:
            pass
    if isinstance(term, ox.Literal) and term.datatype.value in _INTEGERS:
        try:
            return int(term.value)
        except ValueError:
            pass
    return literal_number(from_ox(term))


def _communities(store: ox.Store, projection: str) -> dict[str, int]:
    """Node IRI → its community number in ``projection``'s written-back partition (as
    kg.view.data reads them)."""
    numbers = {}
    for node, number in store.query(_COMMUNITIES % projection):
        if isinstance(number := _number(number), int):
            numbers[node.value] = number
    return numbers


def _values(name: str, iris: list[str]) -> str:
    return f"VALUES ?{name} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def _chunked(store: ox.Store, query: str, name: str, iris: Iterable[str]) -> Iterator:
    """The rows of ``query`` (``{values}`` in it) for ``iris`` given as ``VALUES ?name``,
    :data:`_CHUNK` at a time."""
    iris = sorted(set(iris))
    for start in range(0, len(iris), _CHUNK):
        yield from store.query(query.replace("{values}", _values(name, iris[start:start + _CHUNK])))


def _people_papers(store: ox.Store, people: list[str]) -> dict[str, set[str]]:
    """Person → the papers they are an author of: schema:author, or the agent of a slot
    (a slot has one agent: shapes.ttl)."""
    papers: dict[str, set[str]] = {person: set() for person in people}
    for person, paper in _chunked(store, _PEOPLE_PAPERS, "person", people):
        papers[person.value].add(paper.value)
    return papers


def _author_sets(store: ox.Store, papers: Iterable[str]) -> dict[str, set[str]]:
    """kg:Paper → its people as the co-authorship projection reads them: the agents of its
    author slots, or its schema:author when no slot has one."""
    people: dict[str, set[str]] = defaultdict(set)
    for paper, person in _chunked(store, _SLOTTED, "paper", papers):
        people[paper.value].add(person.value)
    for paper, person in _chunked(store, _LISTED, "paper", set(papers) - set(people)):
        people[paper.value].add(person.value)
    return people


def store_coauthorship_view(store: ox.Store, g: StoreLookup, *, max_nodes: int
                            ) -> NetworkView | None:
    """:func:`kg.view.data.coauthorship_view` of the graph in ``store``; None when no
    person has a PageRank (ranked by degree then)."""
    ranks: dict[str, float | int | None] = {}
    for person, rank in store.query(_PEOPLE):
        if ranks.get(person.value) is None:
            ranks[person.value] = _number(rank)
    if not ranks:
        return NetworkView([], [], [], 0, "degree", noun="people")
    if all(v is None for v in ranks.values()):
        return None
    rank = {n: float(v or 0.0) for n, v in ranks.items()}
    del ranks
    kept = sorted(top_nodes(rank, max_nodes))
    communities = _communities(store, "coauthorship")
    colours, legend = colour_scale(
        [communities[n] for n in rank if n in communities],
        lambda c, size: f"community {c} ({size} {'person' if size == 1 else 'people'})")
    papers = _people_papers(store, kept)
    authors = _author_sets(store, set().union(*papers.values()))
    joint: dict[tuple[str, str], int] = defaultdict(int)
    keep = set(kept)
    for people in authors.values():
        for pair in combinations(sorted(p for p in people if p in keep), 2):
            joint[pair] += 1
    names = {n: _name(g, n) for n in kept}
    g.prime(set().union(*papers.values()))
    nodes = []
    for n in kept:
        own = [p for p in papers[n] if n in authors.get(p, ())]
        coauthors = set().union(*(authors[p] for p in own)) - {n}
        nodes.append(person_node(g, n, name=names[n], rank=rank[n], paper_count=len(own),
                                 coauthors=len(coauthors), community=communities.get(n),
                                 colours=colours, papers=papers[n]))
    edges = coauthor_edges(names, ((u, v, w) for (u, v), w in joint.items()))
    return NetworkView(nodes, edges, legend, len(rank), "PageRank", noun="people")


def _link_papers(store: ox.Store, g: StoreLookup, links: list[tuple[str, str, str]]
                 ) -> dict[tuple[str, str, str], tuple[set[str], str]]:
    """The papers behind each link (s, kind, o) of ``links`` and where they came from, as
    kg.analyse.projections._linked finds them: the rdf:Statements of the links (one
    query, the links as VALUES), else the papers that mention both ends."""
    stated: dict[tuple[str, str, str], set[str]] = {}
    kinds = {str(KG[kind]): kind for kind in LINEAGE_KINDS}
    for chunk in range(0, len(links), 500):
        rows = " ".join(f"({ox.NamedNode(s)} {ox.NamedNode(str(KG[kind]))} {ox.NamedNode(o)})"
                        for s, kind, o in links[chunk:chunk + 500])
        query = _STATEMENTS.replace("WHERE {", f"WHERE {{ VALUES (?s ?p ?o) {{ {rows} }}", 1)
        for statement, s, p, o in store.query(query):
            node, link = from_ox(statement), (s.value, kinds[p.value], o.value)
            if (g.value(node, RDF.predicate) == from_ox(p)
                    and g.value(node, RDF.subject) == URIRef(link[0])
                    and g.value(node, RDF.object) == URIRef(link[2])):
                stated.setdefault(link, set()).update(
                    str(paper) for paper in g.objects(node, PROV.wasDerivedFrom))
    found = {}
    for link in links:
        if link in stated:
            found[link] = (stated[link], "statement" if stated[link] else "inferred")
        else:
            both = (g.subject_names(KG.mentions, link[0])
                    & g.subject_names(KG.mentions, link[2]))
            found[link] = (both, "comention")
    return found


def store_lineage_view(store: ox.Store, g: StoreLookup, *, max_nodes: int) -> NetworkView:
    """:func:`kg.view.data.lineage_view` of the graph in ``store``."""
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    for kind in LINEAGE_KINDS:
        for s, o in store.query(_LINKS % KG[kind]):
            by_pair[(o.value, s.value)].append(kind)
    nodes_all = sorted({n for pair in by_pair for n in pair})
    influence = {n: _number(v) for n, v in _node_values(store, KG.influence, nodes_all).items()}
    if any(v is not None for v in influence.values()):
        ranked_by, rank = "influence", {n: float(v or 0.0) for n, v in influence.items()}
    else:
        degree: dict[str, int] = defaultdict(int)
        for u, v in by_pair:
            degree[u] += 1
            degree[v] += 1
        ranked_by, rank = "degree", {n: float(degree[n]) for n in nodes_all}
    families = {n: f.value for n, f in _node_values(store, KG.family, nodes_all).items()
                if f is not None}
    colours, legend = colour_scale([families[n] for n in nodes_all if n in families],
                                   lambda f, size: f"{f} ({size})")
    if any(n not in families for n in nodes_all):
        legend.append(["not a model (box)", OTHER])
    kept = sorted(top_nodes(rank, max_nodes))
    keep = set(kept)
    pairs = sorted(pair for pair in by_pair if pair[0] in keep and pair[1] in keep)
    drawn = nx.DiGraph()
    drawn.add_nodes_from(kept)
    drawn.add_edges_from(pairs)
    positions = layered_layout(drawn)
    labels = {n: _name(g, n) for n in kept}
    mentioned = {n: g.subject_names(KG.mentions, n) for n in kept}
    order = {kind: i for i, kind in enumerate(LINEAGE_KINDS)}
    links = _link_papers(store, g, [(v, kind, u) for u, v in pairs for kind in by_pair[(u, v)]])
    g.prime(set().union(*mentioned.values(), *(papers for papers, _ in links.values())))
    nodes = [entity_node(g, n, label=labels[n], kind=_type_name(g, n), rank=rank[n],
                         family=families.get(n), colours=colours, position=positions[n],
                         papers=mentioned[n],
                         results=_results(g, n))
             for n in kept]
    edges = []
    for u, v in pairs:
        kinds = by_pair[(u, v)]
        found = [links[(v, kind, u)] for kind in kinds]
        evidence = {e for _, e in found}
        edges.append(lineage_edge(
            g, len(edges), u, v, labels=(labels[u], labels[v]),
            kind=min(kinds, key=order.__getitem__),
            evidence=next(e for e in ("statement", "inferred", "comention") if e in evidence),
            papers=set().union(*(papers for papers, _ in found))))
    return NetworkView(nodes, edges, legend, len(nodes_all), ranked_by, noun="entities")


def _node_values(store: ox.Store, predicate: URIRef, nodes: list[str]
                 ) -> dict[str, ox.Term | None]:
    """The first object of ``node predicate ?`` for each of ``nodes`` (a
    :class:`StoreView`'s ``value``): every such triple read at once, and a node with
    several objects looked up on its own for the first in the store's order."""
    wanted = set(nodes)
    found: dict[str, list[ox.Term]] = defaultdict(list)
    for quad in store.quads_for_pattern(None, to_ox(predicate), None, ox.DefaultGraph()):
        if quad.subject.value in wanted:
            found[quad.subject.value].append(quad.object)
    values: dict[str, ox.Term | None] = {}
    for node in nodes:
        objects = found.get(node, [])
        if len(objects) > 1:
            objects = [q.object for q in store.quads_for_pattern(
                ox.NamedNode(node), to_ox(predicate), None, ox.DefaultGraph())]
        values[node] = objects[0] if objects else None
    return values


def _results(g: StoreLookup, model: str) -> list[str]:
    """The results of ``model`` as text (kg.view.data._results), sorted."""
    found = [(text.casefold(), text) for result in g.subjects(KG.evaluatedModel, URIRef(model))
             if (text := result_text(g, result)) is not None]
    return [t for _, t in sorted(found)]


def store_explorer_rows(store: ox.Store, g: StoreLookup, *, max_nodes: int) -> ExplorerView:
    """:func:`kg.view.data.explorer_rows` of the graph in ``store``."""
    counts = {entity.value: float(int(papers.value))
              for entity, papers in store.query(_MENTIONED)}
    kept = top_nodes(counts, max_nodes)
    papers = {e: g.subject_names(KG.mentions, e) for e in kept}
    g.prime(set().union(*papers.values()))
    return explorer_view(g, kept, papers, len(counts))


def render_store_views(target: str | Path | ox.Store, *, max_nodes: int) -> dict[str, str]:
    """:func:`kg.view.render_views` of the graph in a store (a store directory or an open
    store), read from it for the kept nodes alone."""
    from kg.view.html import render_pages

    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    store = open_store(target) if isinstance(target, str | Path) else target
    g = StoreLookup(store)
    co = store_coauthorship_view(store, g, max_nodes=max_nodes)
    if co is None:  # no analysis: degree in the projection, read into memory
        co = coauthorship_view(store_view_graph(store),  # type: ignore[arg-type]
                               max_nodes=max_nodes)
    lineage = store_lineage_view(store, g, max_nodes=max_nodes)
    explorer = store_explorer_rows(store, g, max_nodes=max_nodes)
    papers = int(next(iter(store.query(_PAPERS)))[0].value)
    return render_pages(co, lineage, explorer, papers=papers)


def store_view_graph(target: str | Path | ox.Store) -> StoreView:
    """Every predicate the views read (:data:`VIEW_PREDICATES`) of the store (a store
    directory or an open store), read into memory: :func:`kg.view.render_views` of it
    gives the pages :func:`render_store_views` gives, at the cost of the whole graph in
    memory (the reference the tests compare with)."""
    store = open_store(target) if isinstance(target, str | Path) else target
    return StoreView(store, VIEW_PREDICATES)
