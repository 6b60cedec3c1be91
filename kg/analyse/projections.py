"""The kg graph (rdflib) projected onto networkx graphs, one function per projection.

Nodes are the IRIs of the graph's nodes as plain ``str`` (so ``G.nodes["https://..."]``
works), and every projection adds its nodes and edges in sorted order, so the same RDF
graph gives the same networkx graph, in the same order, however it was built or parsed:
randomised algorithms with a fixed seed then give the same answer too.

- :func:`coauthorship_graph`: people, linked by the papers they wrote together;
- :func:`lineage_graph`: entities linked by kg:basedOn, kg:usesComponent, kg:successorOf,
  drawn from the earlier entity to the later one (foundation → derived);
- :func:`comparison_graph`: entities linked by kg:comparedWith;
- :func:`paper_entity_graph`: the bipartite graph of papers and the entities they mention,
  and :func:`comention_graph`, its projection onto the entities.

Weighted projections carry ``weight`` (a strength: papers in common, papers stating a
link) and ``distance = 1 / weight`` (a length, for shortest-path measures such as
betweenness and closeness, where a strong tie must be a short one).

>>> from kg.graph.build import paper_graph
>>> from kg.records import Paper, SourceSpan
>>> src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
>>> g = paper_graph([Paper("We do A.", src, authors=("Ann Lee", "Bo Li")),
...                  Paper("We do B.", src, authors=("Bo Li", "Ann Lee", "Cy Wu"))], [])
>>> G = coauthorship_graph(g)
>>> sorted((G.nodes[u]["name"], G.nodes[v]["name"], w)
...        for u, v, w in G.edges(data="weight"))
[('Ann Lee', 'Bo Li', 2), ('Ann Lee', 'Cy Wu', 1), ('Bo Li', 'Cy Wu', 1)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from itertools import combinations

import networkx as nx
from rdflib import Graph, Literal, URIRef

from kg.graph.vocab import DCTERMS, ENTITY_CLASSES, FOAF, KG, PROV, RDF, RDFS, SDO

__all__ = [
    "LINEAGE_KINDS", "coauthorship_graph", "comention_graph", "comparison_graph",
    "lineage_graph", "paper_entity_graph",
]

#: The lineage predicates, strongest first: when one pair is linked by several, an edge's
#: ``kind`` is the first of them here and ``kinds`` lists them all.
LINEAGE_KINDS = ("successorOf", "basedOn", "usesComponent")

_Pair = tuple[str, str]


def coauthorship_graph(g: Graph) -> nx.Graph:
    """The co-authorship graph of ``g``: one node per person who is an author of at least
    one paper, an edge between two people for every paper they are both authors of.

    Node attributes: ``name`` (foaf:name), ``paper_count``. Edge attributes: ``weight``
    (number of joint papers), ``papers`` (their IRIs, sorted), ``distance`` (1 / weight).
    The author list of a paper is its ordered kg:authorship slots (schema:author when it
    has none); a person named twice in one list counts once.

    Truncated author lists: a listing that cuts the list short ("et al.") is flagged with
    kg:authorListTruncated; only the people it names are in the graph, and no missing
    co-author is invented, so degrees and weights on such papers are lower bounds. The
    IRIs of those papers are in ``G.graph["truncated_papers"]``. A paper listed in several
    files is one kg:Paper node (merged upstream, with several prov:wasDerivedFrom), so it
    counts once.

    >>> from kg.graph.build import paper_graph
    >>> from kg.records import Paper, SourceSpan
    >>> paper = Paper("We do A.", (SourceSpan("a.txt", 1, 2, "abstracts"),
    ...               SourceSpan("b.txt", 4, 5, "abstracts")),
    ...               authors=("Ann Lee", "Bo Li"), authors_truncated=True)
    >>> G = coauthorship_graph(paper_graph([paper], []))
    >>> G.number_of_nodes(), [w for _, _, w in G.edges(data="weight")]
    (2, [1])
    >>> len(G.graph["truncated_papers"])
    1
    """
    authors: dict[str, list[str]] = {}
    for paper in g.subjects(RDF.type, KG.Paper):
        people = _author_list(g, paper)
        if people:
            authors[str(paper)] = people
    joint: dict[_Pair, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for paper in sorted(authors):
        people = sorted(set(authors[paper]))
        for person in people:
            counts[person] += 1
        for pair in combinations(people, 2):
            joint[pair].append(paper)
    truncated = sorted(str(p) for p, flag in g.subject_objects(KG.authorListTruncated)
                       if isinstance(flag, Literal) and flag.toPython() is True)
    G = nx.Graph(projection="coauthorship", truncated_papers=tuple(truncated))
    for person in sorted(counts):
        G.add_node(person, name=_name(g, person), paper_count=counts[person])
    for (u, v), papers in sorted(joint.items()):
        G.add_edge(u, v, **_weighted(papers))
    return G


def _author_list(g: Graph, paper: URIRef) -> list[str]:
    slots = []
    for slot in g.objects(paper, KG.authorship):
        agent, position = g.value(slot, KG.agent), g.value(slot, KG.authorPosition)
        if agent is not None:
            order = position.toPython() if isinstance(position, Literal) else 0
            slots.append((order if isinstance(order, int) else 0, str(agent)))
    if slots:
        return [agent for _, agent in sorted(slots)]
    return sorted(str(person) for person in g.objects(paper, SDO.author))


def _name(g: Graph, node: str) -> str:
    iri = URIRef(node)
    for prop in (FOAF.name, RDFS.label, DCTERMS.title):
        if (value := g.value(iri, prop)) is not None:
            return str(value)
    return node


def _type_name(g: Graph, node: str) -> str:
    types = set(g.objects(URIRef(node), RDF.type))
    return next((name for name, cls in ENTITY_CLASSES.items() if cls in types), "Entity")


def _weighted(papers: Collection[str], *, floor: int = 1) -> dict:
    papers = tuple(sorted(set(papers)))
    weight = max(len(papers), floor)
    return {"weight": weight, "papers": papers, "distance": 1.0 / weight}


def _statement_papers(g: Graph, predicates: Iterable[URIRef],
                      ) -> dict[tuple[str, URIRef, str], set[str]]:
    """For every reified statement (rdf:Statement) of one of ``predicates`` whose triple is
    in ``g``: the papers it is derived from (an empty set for a statement inferred from
    names, kg:successorOf, which no paper states)."""
    wanted = set(predicates)
    found: dict[tuple[str, URIRef, str], set[str]] = defaultdict(set)
    for statement in g.subjects(RDF.type, RDF.Statement):
        p = g.value(statement, RDF.predicate)
        s, o = g.value(statement, RDF.subject), g.value(statement, RDF.object)
        if p in wanted and s is not None and o is not None and (s, p, o) in g:
            found[(str(s), p, str(o))].update(
                str(paper) for paper in g.objects(statement, PROV.wasDerivedFrom))
    return found


def _mentioned_by(g: Graph) -> dict[str, set[str]]:
    """The papers that kg:mentions each entity."""
    papers: dict[str, set[str]] = defaultdict(set)
    for paper, entity in g.subject_objects(KG.mentions):
        papers[str(entity)].add(str(paper))
    return papers


def _linked(g: Graph, predicates: Iterable[URIRef],
            ) -> dict[tuple[str, URIRef, str], tuple[set[str], str]]:
    """Every ``s p o`` triple of ``predicates`` between IRIs, with the papers that state it
    and where they came from: ``"statement"`` (rdf:Statement prov:wasDerivedFrom),
    ``"inferred"`` (a statement no paper states: inferred from names) or ``"comention"``
    (no statement at all: the papers that kg:mentions both ends)."""
    predicates = tuple(predicates)
    stated = _statement_papers(g, predicates)
    mentioned: dict[str, set[str]] | None = None
    links = {}
    for p in predicates:
        for s, o in g.subject_objects(p):
            if not (isinstance(s, URIRef) and isinstance(o, URIRef)) or s == o:
                continue
            key = (str(s), p, str(o))
            if key in stated:
                papers = stated[key]
                links[key] = (papers, "statement" if papers else "inferred")
            else:
                if mentioned is None:
                    mentioned = _mentioned_by(g)
                both = mentioned.get(key[0], set()) & mentioned.get(key[2], set())
                links[key] = (both, "comention")
    return links


def lineage_graph(g: Graph) -> nx.DiGraph:
    """The lineage of the entities in ``g``: a directed edge ``u → v`` for every
    ``v kg:basedOn u``, ``v kg:usesComponent u`` and ``v kg:successorOf u``, so that edges
    run from the foundation (the earlier model, the component) to what builds on it; roots
    (in-degree 0) are foundations and ``nx.descendants`` are what derives from a node.

    Nodes: every entity (models, and the methods, software, ... that take part) in such a
    triple, with ``label`` (rdfs:label) and ``type`` (its kg class, e.g. ``"Model"``).
    Edge attributes: ``kind`` (the predicate's name; the first of :data:`LINEAGE_KINDS`
    when a pair is linked several ways) and ``kinds`` (all of them, sorted); ``papers``
    (sorted IRIs of the papers that state it: the prov:wasDerivedFrom of its
    rdf:Statement; when a triple has no statement at all, the papers that kg:mentions both
    ends); ``evidence`` (``"statement"``, ``"inferred"`` for a kg:successorOf inferred
    from names, which no paper states, or ``"comention"``); ``weight`` (number of
    papers, at least 1) and ``distance`` (1 / weight). Self-loops are dropped.

    >>> from kg.graph.build import new_graph
    >>> from kg.graph.iris import entity_iri
    >>> g = new_graph()
    >>> ernie, layout = entity_iri("Model", "ernie"), entity_iri("Model", "ernielayout")
    >>> _ = g.add((layout, KG.basedOn, ernie))
    >>> [(u.rsplit("/", 1)[1], v.rsplit("/", 1)[1], d["kind"], d["evidence"])
    ...  for u, v, d in lineage_graph(g).edges(data=True)]
    [('ernie', 'ernielayout', 'basedOn', 'comention')]
    """
    links = _linked(g, [KG[kind] for kind in LINEAGE_KINDS])
    by_pair: dict[_Pair, dict[str, tuple[set[str], str]]] = defaultdict(dict)
    for (s, p, o), found in links.items():
        by_pair[(o, s)][p.fragment] = found
    G = nx.DiGraph(projection="lineage")
    for node in sorted({n for pair in by_pair for n in pair}):
        G.add_node(node, label=_name(g, node), type=_type_name(g, node))
    rank = {kind: i for i, kind in enumerate(LINEAGE_KINDS)}
    for (u, v), kinds in sorted(by_pair.items()):
        papers = set().union(*(found[0] for found in kinds.values()))
        evidence = {found[1] for found in kinds.values()}
        G.add_edge(u, v, kind=min(kinds, key=rank.__getitem__), kinds=tuple(sorted(kinds)),
                   evidence=next(e for e in ("statement", "inferred", "comention")
                                 if e in evidence),
                   **_weighted(papers))
    return G


def comparison_graph(g: Graph, *, directed: bool = False) -> nx.Graph:
    """The entities compared with each other (kg:comparedWith) in ``g``: undirected, one
    edge per pair whichever way round the papers state it; with ``directed``, a DiGraph
    with an edge ``u → v`` for every ``u kg:comparedWith v`` (``u`` is evaluated against
    ``v``, the baseline), so in-edges are the times a node served as a baseline.

    Nodes have ``label`` and ``type``; edges have ``papers`` (the papers that state the
    comparison, either way round when undirected; as in :func:`lineage_graph`, the
    co-mentioning papers when a triple has no statement), ``weight`` (their number, at
    least 1) and ``distance``.

    >>> from kg.graph.build import new_graph
    >>> from kg.graph.iris import entity_iri
    >>> g = new_graph()
    >>> a, b = entity_iri("Method", "ropo"), entity_iri("Method", "dpo")
    >>> _ = g.add((a, KG.comparedWith, b)); _ = g.add((b, KG.comparedWith, a))
    >>> comparison_graph(g).number_of_edges(), comparison_graph(g, directed=True).number_of_edges()
    (1, 2)
    """
    pairs: dict[_Pair, set[str]] = defaultdict(set)
    for (s, _, o), (papers, _) in _linked(g, [KG.comparedWith]).items():
        pairs[(s, o) if directed else (min(s, o), max(s, o))].update(papers)
    G = nx.DiGraph(projection="comparison") if directed else nx.Graph(projection="comparison")
    for node in sorted({n for pair in pairs for n in pair}):
        G.add_node(node, label=_name(g, node), type=_type_name(g, node))
    for (u, v), papers in sorted(pairs.items()):
        G.add_edge(u, v, **_weighted(papers))
    return G


def paper_entity_graph(g: Graph, *, types: Collection[str] | None = None,
                       count_mentions: bool = True) -> nx.Graph:
    """The bipartite graph of papers and the entities they mention (kg:mentions).

    Papers have ``bipartite=0``, ``kind="paper"`` and ``label`` (the title, else the IRI);
    entities have ``bipartite=1``, ``kind="entity"``, ``type`` and ``label``. An edge's
    ``mentions`` is the number of kg:Mention occurrences of the entity in the paper (at
    least 1; not counted, and not set, with ``count_mentions=False``, which reads only
    kg:mentions). ``types`` keeps only entities of those types (e.g. ``{"Model"}``);
    papers that mention none of them are left out.

    >>> from kg.graph.build import new_graph
    >>> from kg.graph.iris import entity_iri
    >>> g = new_graph()
    >>> paper = URIRef("https://w3id.org/mlkg/id/paper/p")
    >>> _ = g.add((paper, KG.mentions, entity_iri("Model", "bert")))
    >>> B = paper_entity_graph(g)
    >>> sorted(B.nodes(data="bipartite"))[0][1], B.number_of_edges()
    (1, 1)
    """
    occurrences: dict[_Pair, int] = defaultdict(int)
    for paper, mention in g.subject_objects(KG.mention) if count_mentions else ():
        if (entity := g.value(mention, KG.mentionOf)) is not None:
            occurrences[(str(paper), str(entity))] += 1
    edges = sorted({(str(p), str(e)) for p, e in g.subject_objects(KG.mentions)
                    if isinstance(p, URIRef) and isinstance(e, URIRef)})
    entity_types = {e: _type_name(g, e) for e in {e for _, e in edges}}
    if types is not None:
        unknown = set(types) - set(ENTITY_CLASSES)
        if unknown:
            raise ValueError(f"unknown entity type(s) {', '.join(sorted(unknown))} "
                             f"(known: {', '.join(ENTITY_CLASSES)})")
        edges = [(p, e) for p, e in edges if entity_types[e] in types]
    B = nx.Graph(projection="paper-entity")
    for paper in sorted({p for p, _ in edges}):
        B.add_node(paper, bipartite=0, kind="paper", label=_name(g, paper))
    for entity in sorted({e for _, e in edges}):
        B.add_node(entity, bipartite=1, kind="entity", type=entity_types[entity],
                   label=_name(g, entity))
    for paper, entity in edges:
        if count_mentions:
            B.add_edge(paper, entity, mentions=max(1, occurrences.get((paper, entity), 0)))
        else:
            B.add_edge(paper, entity)
    return B


def comention_graph(g: Graph, *, types: Collection[str] | None = None,
                    bipartite: nx.Graph | None = None) -> nx.Graph:
    """The entity projection of :func:`paper_entity_graph`: an edge between two entities
    that one paper or more both mention, with ``weight`` (papers in common), ``papers``
    (their IRIs, sorted) and ``distance``. Every mentioned entity is a node, with
    ``label`` and ``type``; ``types`` as in :func:`paper_entity_graph`. ``bipartite``:
    ``paper_entity_graph(g, types=types)`` when the caller has it already.

    >>> from kg.graph.build import new_graph
    >>> from kg.graph.iris import entity_iri
    >>> g = new_graph()
    >>> bert, glue = entity_iri("Model", "bert"), entity_iri("Dataset", "glue")
    >>> for p in ("p1", "p2"):
    ...     paper = URIRef(f"https://w3id.org/mlkg/id/paper/{p}")
    ...     _ = g.add((paper, KG.mentions, bert)); _ = g.add((paper, KG.mentions, glue))
    >>> [(w, len(papers)) for _, _, w, papers in
    ...  ((u, v, d["weight"], d["papers"]) for u, v, d in comention_graph(g).edges(data=True))]
    [(2, 2)]
    """
    B = paper_entity_graph(g, types=types) if bipartite is None else bipartite
    G = nx.Graph(projection="comention")
    for node, data in B.nodes(data=True):
        if data["bipartite"] == 1:
            G.add_node(node, label=data["label"], type=data["type"])
    shared: dict[_Pair, list[str]] = defaultdict(list)
    for paper, data in B.nodes(data=True):
        if data["bipartite"] == 0:
            for pair in combinations(sorted(B[paper]), 2):
                shared[pair].append(paper)
    for (u, v), papers in sorted(shared.items()):
        G.add_edge(u, v, **_weighted(papers))
    return G
