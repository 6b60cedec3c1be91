"""Analyse a kg graph and write the results back into it (``kg analyse``; ``kg top`` reads
them back with :mod:`kg.analyse.top`).

:func:`analyse_graph` projects the graph (:mod:`kg.analyse.projections`), computes the
default measures and communities, and adds them to the rdflib graph. What each node
carries (the projection is the "subgraph" of ``kg top``):

- each person (``coauthorship``: people linked by joint papers): ``kg:degreeCentrality``
  (unweighted), ``kg:betweenness`` (edge length 1 / joint papers), ``kg:pagerank``
  (weighted by joint papers), ``kg:eigenvector`` (weighted, per component) and
  ``kg:community``;
- each entity in the lineage (``lineage``: basedOn, usesComponent, successorOf):
  ``kg:degreeCentrality``, ``kg:betweenness`` (directed, hop counts), ``kg:influence``
  (PageRank towards foundations, :func:`kg.analyse.lineage.influence_scores`),
  ``kg:descendantCount`` and ``kg:community`` (on the lineage taken as undirected,
  weighted by stating papers);
- each paper that mentions an entity (``papers``, scored on the paper–entity bipartite
  graph, :func:`kg.analyse.projections.paper_entity_graph`, each paper–entity link once):
  ``kg:pagerank`` (:func:`kg.analyse.measures.bipartite_pagerank_scores`: PageRank of the
  whole bipartite graph kept for the papers and rescaled to sum to 1 over them) and
  ``kg:community`` (the community detection run on the bipartite graph, so that papers
  and the entities they share are grouped together, each community then cut down to its
  papers). Why this graph: a paper's place in the literature is what it works with, and
  the seeds have no citations; authors already have their own projection, and a
  paper–paper projection through shared entities is quadratic in the papers of a popular
  entity, while the bipartite graph is linear in the mentions and ranks papers much as
  that projection would, with Newman's 1 / k weighting of a shared entity;
- each mentioned entity (``comention``: entities linked by the papers that mention both,
  :func:`kg.analyse.projections.comention_graph`): ``kg:comentionPagerank`` (weighted by
  shared papers) and ``kg:community`` (which models, datasets and metrics are used
  together);
- each entity in a comparison (``comparison``: ``u → v`` when ``u kg:comparedWith v``):
  ``kg:baselineCount`` (how many papers evaluate something against it,
  :func:`kg.analyse.measures.baseline_counts`: "the most compared-against") and
  ``kg:baselineRank`` (PageRank along those edges, weighted by stating papers: a baseline
  ranks high when systems that are themselves baselines are compared against it). No
  communities: the comparison graph is small and its groups are the co-mention ones;
- a ``kg:Community`` node per community (``kg:algorithm``, ``kg:projection``,
  ``kg:communityNumber``, ``kg:memberCount``, ``kg:modularity``, ``prov:wasGeneratedBy``);
  an entity can be a member of a lineage and a co-mention community, told apart by their
  ``kg:projection``;
- a ``kg:Analysis`` (a prov:Activity) per measure and projection: ``kg:algorithm``,
  ``kg:projection``, ``kg:scoreProperty``, ``kg:parameters`` (JSON), ``kg:seed`` and
  ``kg:softwareVersion`` of each library used. No time is recorded;
- the whole-graph counts that the named queries ``most-compared`` and
  ``papers-per-family-year`` read (:mod:`kg.analyse.aggregates`).

Scores are xsd:decimal with :data:`SCORE_DECIMALS` decimals (counts are
xsd:nonNegativeInteger), so the same graph and seed give byte-identical output; the
results of an earlier analysis are removed first, so analysing twice gives the same graph
as analysing once.

>>> from kg.analyse.top import top_table
>>> from kg.graph.build import paper_graph
>>> from kg.records import Paper, SourceSpan
>>> src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
>>> g = paper_graph([Paper("We do A.", src, authors=("Ann Lee", "Bo Li")),
...                  Paper("We do B.", src, authors=("Bo Li", "Cy Wu"))], [])
>>> report = analyse_graph(g, seed=0)
>>> [(row["rank"], row["name"], row["score"]) for row in top_table(g, limit=2)]
[(1, 'Bo Li', 0.486486486), (2, 'Ann Lee', 0.256756757)]
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef

from kg import __version__
from kg.analyse.aggregates import AGGREGATE_CLASSES, AGGREGATE_PROPERTIES, aggregate_graph
from kg.analyse.communities import (
    Partition,
    label_propagation_communities,
    leiden_communities,
    louvain_communities,
)
from kg.analyse.lineage import descendant_counts, influence_scores
from kg.analyse.measures import (
    baseline_counts,
    betweenness_scores,
    bipartite_pagerank_scores,
    degree_scores,
    eigenvector_scores,
    pagerank_scores,
)
from kg.analyse.projections import (
    coauthorship_graph,
    comention_graph,
    comparison_graph,
    lineage_graph,
    paper_entity_graph,
)
from kg.errors import ValidationError
from kg.graph.iris import analysis_iri, community_iri
from kg.graph.vocab import KG, PROV, RDF, RDFS, XSD

__all__ = [
    "ANALYSIS_CLASSES", "ANALYSIS_PROPERTIES", "AnalysisReport", "COMMUNITY_ALGORITHMS",
    "DEFAULT_MEASURE",
    "MEASURES", "PROJECTIONS", "ProjectionSummary", "SCORE_DECIMALS", "SCORE_PROPERTIES",
    "analyse_build", "analyse_graph", "analysis_graph", "clear_analysis", "score_literal",
    "score_text",
]

#: Decimals of every score written: fixed, so that output is byte-stable.
SCORE_DECIMALS = 9

#: The projections analysed ("subgraphs" of ``kg top``) and the measures written for each:
#: the name ``kg top --by`` takes → the property it is written as. A node scored in two
#: projections (an entity in the lineage and the co-mention graph) gets different
#: properties from each.
MEASURES: dict[str, dict[str, URIRef]] = {
    "coauthorship": {"degree": KG.degreeCentrality, "betweenness": KG.betweenness,
                     "pagerank": KG.pagerank, "eigenvector": KG.eigenvector},
    "lineage": {"degree": KG.degreeCentrality, "betweenness": KG.betweenness,
                "influence": KG.influence, "descendants": KG.descendantCount},
    "papers": {"pagerank": KG.pagerank},
    "comention": {"pagerank": KG.comentionPagerank},
    "comparison": {"baseline-count": KG.baselineCount, "baseline-rank": KG.baselineRank},
}
PROJECTIONS = tuple(MEASURES)

#: Every score property, once.
SCORE_PROPERTIES: tuple[URIRef, ...] = tuple(dict.fromkeys(
    prop for measures in MEASURES.values() for prop in measures.values()))

#: What an analysis writes, removed before it is redone (from a graph or a store): the
#: properties, and the classes whose nodes go with every triple about them.
ANALYSIS_PROPERTIES = (*SCORE_PROPERTIES, KG.community, *AGGREGATE_PROPERTIES)
ANALYSIS_CLASSES = (KG.Community, KG.Analysis, *AGGREGATE_CLASSES)

#: The measure :func:`kg.analyse.top.top_table` ranks by when given none.
DEFAULT_MEASURE = {"coauthorship": "pagerank", "lineage": "influence", "papers": "pagerank",
                   "comention": "pagerank", "comparison": "baseline-count"}

COMMUNITY_ALGORITHMS: dict[str, Callable[..., Partition]] = {
    "leiden": leiden_communities, "louvain": louvain_communities,
    "label-propagation": label_propagation_communities,
}

_LIBRARIES = {"networkx": "networkx", "igraph": "igraph", "leidenalg": "leidenalg",
              "scipy": "scipy"}


@dataclass(frozen=True, slots=True)
class ProjectionSummary:
    """One analysed projection: its size and what its community detection found."""

    projection: str
    nodes: int
    edges: int
    components: int
    communities: int | None
    modularity: float | None


@dataclass(frozen=True, slots=True)
class AnalysisReport:
    """What :func:`analyse_graph` did: per projection a summary; ``removed`` triples of an
    earlier analysis, ``added`` triples of this one; the seed, backend and community
    algorithm it ran with."""

    projections: tuple[ProjectionSummary, ...]
    removed: int
    added: int
    seed: int
    backend: str
    algorithm: str

    def summary(self) -> str:
        """One line for the CLI."""
        parts = [f"{p.projection} {p.nodes} nodes, {p.edges} edges, {p.components} components"
                 + ("" if p.communities is None else f", {p.communities} communities "
                    f"(modularity {p.modularity:.3f})")
                 for p in self.projections]
        return (f"analysed ({self.algorithm}, seed {self.seed}, {self.backend}): "
                + "; ".join(parts) + f"; {self.added} triples written")


def score_literal(value: float) -> Literal:
    """``value`` as an xsd:decimal with :data:`SCORE_DECIMALS` decimals (never ``-0``).

    >>> score_literal(1 / 3).n3()
    '"0.333333333"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    >>> str(score_literal(-1e-12))
    '0.000000000'
    """
    return Literal(score_text(value), datatype=XSD.decimal)


def score_text(value: float) -> str:
    """The lexical form of :func:`score_literal` ``(value)``.

    >>> score_text(2 / 3)
    '0.666666667'
    """
    text = f"{float(value):.{SCORE_DECIMALS}f}"
    if text in ("nan", "inf", "-inf"):
        raise ValueError(f"not a finite score: {value!r}")
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]
    return text


def clear_analysis(g: Graph) -> int:
    """Remove the results of any earlier analysis (scores, community memberships,
    kg:Community and kg:Analysis nodes) from ``g``; return how many triples went."""
    before = len(g)
    for prop in ANALYSIS_PROPERTIES:
        g.remove((None, prop, None))
    for cls in ANALYSIS_CLASSES:
        for node in list(g.subjects(RDF.type, cls)):
            g.remove((node, None, None))
            g.remove((None, None, node))
    return before - len(g)


@functools.cache
def _versions(*libraries: str) -> tuple[str, ...]:
    found = [f"kg {__version__}"]
    for name in libraries:
        try:
            found.append(f"{name} {metadata.version(_LIBRARIES[name])}")
        except metadata.PackageNotFoundError:
            continue
    return tuple(sorted(found))


def _record(g: Graph, projection: str, name: str, prop: URIRef, parameters: Mapping,
            libraries: Iterable[str]) -> URIRef:
    """Add the kg:Analysis of measure or algorithm ``name`` on ``projection``."""
    iri = analysis_iri(projection, name)
    g.add((iri, RDF.type, KG.Analysis))
    g.add((iri, RDFS.label, Literal(f"{name} of the {projection} projection")))
    g.add((iri, KG.algorithm, Literal(name)))
    g.add((iri, KG.projection, Literal(projection)))
    g.add((iri, KG.scoreProperty, prop))
    g.add((iri, KG.parameters, Literal(json.dumps(dict(parameters), sort_keys=True))))
    if parameters.get("seed") is not None:
        g.add((iri, KG.seed, Literal(int(parameters["seed"]), datatype=XSD.integer)))
    for version in _versions(*sorted(libraries)):
        g.add((iri, KG.softwareVersion, Literal(version)))
    return iri


def _write_scores(g: Graph, prop: URIRef, scores: Mapping) -> None:
    for node, value in scores.items():
        if isinstance(value, int):
            literal = Literal(value, datatype=XSD.nonNegativeInteger)
        else:
            literal = score_literal(value)
        g.add((URIRef(node), prop, literal))


def _write_partition(g: Graph, projection: str, partition: Partition,
                     libraries: Iterable[str]) -> None:
    activity = _record(g, projection, partition.algorithm, KG.community,
                       partition.parameters, libraries)
    modularity = score_literal(partition.modularity)
    for number, members in enumerate(partition.communities, start=1):
        iri = community_iri(projection, partition.algorithm, members)
        g.add((iri, RDF.type, KG.Community))
        g.add((iri, RDFS.label, Literal(f"{projection} community {number} "
                                        f"({partition.algorithm})")))
        g.add((iri, KG.algorithm, Literal(partition.algorithm)))
        g.add((iri, KG.projection, Literal(projection)))
        g.add((iri, KG.communityNumber, Literal(number, datatype=XSD.positiveInteger)))
        g.add((iri, KG.memberCount, Literal(len(members), datatype=XSD.positiveInteger)))
        g.add((iri, KG.modularity, modularity))
        g.add((iri, PROV.wasGeneratedBy, activity))
        for member in members:
            g.add((URIRef(member), KG.community, iri))


def _fast(backend: str) -> tuple[str, ...]:
    return ("igraph",) if backend == "igraph" else ("networkx",)


#: Betweenness is exact on graphs of up to this many nodes; above, it is estimated from
#: ``SAMPLED_SOURCES`` sampled sources (exact betweenness costs nodes × edges: hours on a
#: 100k-person co-authorship graph, 2 s on 2k).
EXACT_BETWEENNESS_NODES = 5000
SAMPLED_SOURCES = 500


def sources_for(G: nx.Graph, k: int | None) -> int | None:
    """The sources betweenness is computed from on ``G``: all (None) when ``k`` is None and
    ``G`` has up to ``EXACT_BETWEENNESS_NODES`` nodes, else ``k`` (default
    ``SAMPLED_SOURCES``) sampled ones, all when that is not fewer than the nodes."""
    if k is None and len(G) > EXACT_BETWEENNESS_NODES:
        k = SAMPLED_SOURCES
    return k if k is not None and k < len(G) else None


def _coauthorship_runs(G: nx.Graph, *, seed: int, backend: str, k: int | None) -> list:
    k = sources_for(G, k)
    return [
        ("degree", degree_scores(G, weight=None), {"weight": None}, ("networkx",)),
        ("betweenness", betweenness_scores(G, weight="distance", k=k, seed=seed,
                                           backend=backend),
         {"weight": "distance", "k": k, "seed": seed if k is not None else None,
          "normalized": True, "backend": backend}, _fast(backend)),
        ("pagerank", pagerank_scores(G, weight="weight", alpha=0.85, backend=backend),
         {"weight": "weight", "alpha": 0.85, "backend": backend}, _fast(backend)),
        ("eigenvector", eigenvector_scores(G, weight="weight"),
         {"weight": "weight", "per_component": True}, ("scipy",)),
    ]


def _lineage_runs(L: nx.DiGraph, *, seed: int, backend: str) -> list:
    k = sources_for(L, None)
    return [
        ("degree", degree_scores(L, weight=None), {"weight": None}, ("networkx",)),
        ("betweenness", betweenness_scores(L, weight=None, k=k, seed=seed, backend=backend),
         {"weight": None, "k": k, "seed": seed if k is not None else None,
          "normalized": True, "directed": True, "backend": backend}, _fast(backend)),
        ("influence", influence_scores(L, weight=None, alpha=0.85, backend=backend),
         {"weight": None, "alpha": 0.85, "reversed": True, "backend": backend},
         _fast(backend)),
        ("descendants", descendant_counts(L), {}, ("networkx",)),
    ]


def _paper_runs(B: nx.Graph, papers: list[str], *, backend: str) -> list:
    return [
        ("pagerank", bipartite_pagerank_scores(B, papers, weight=None, alpha=0.85,
                                               backend=backend),
         {"graph": "paper-entity", "weight": None, "alpha": 0.85, "rescaled": "papers",
          "backend": backend}, _fast(backend)),
    ]


def _comention_runs(C: nx.Graph, *, backend: str) -> list:
    return [
        ("pagerank", pagerank_scores(C, weight="weight", alpha=0.85, backend=backend),
         {"weight": "weight", "alpha": 0.85, "backend": backend}, _fast(backend)),
    ]


def _comparison_runs(C: nx.DiGraph, *, backend: str) -> list:
    return [
        ("baseline-count", baseline_counts(C), {"directed": True, "count": "papers"},
         ("networkx",)),
        ("baseline-rank", pagerank_scores(C, weight="weight", alpha=0.85, backend=backend),
         {"weight": "weight", "alpha": 0.85, "directed": True, "backend": backend},
         _fast(backend)),
    ]


def _plans(g: Graph, find: Callable[..., Partition], *, seed: int, backend: str,
           betweenness_k: int | None) -> list:
    """``(projection, graph, runs, partition or None)`` for every projection; nothing
    here reads or writes the graph's earlier scores."""
    co, lineage = coauthorship_graph(g), lineage_graph(g)
    bipartite = paper_entity_graph(g, count_mentions=False)  # each link once: no counts
    papers = [node for node, side in bipartite.nodes(data="bipartite") if side == 0]
    comention = comention_graph(g, bipartite=bipartite)
    comparison = comparison_graph(g, directed=True)
    return [
        ("coauthorship", co, _coauthorship_runs(co, seed=seed, backend=backend,
                                                k=betweenness_k),
         find(co, weight="weight", seed=seed)),
        ("lineage", lineage, _lineage_runs(lineage, seed=seed, backend=backend),
         find(lineage.to_undirected(), weight="weight", seed=seed)),
        ("papers", bipartite, _paper_runs(bipartite, papers, backend=backend),
         find(bipartite, weight=None, seed=seed).restricted(papers)),
        ("comention", comention, _comention_runs(comention, backend=backend),
         find(comention, weight="weight", seed=seed)),
        ("comparison", comparison, _comparison_runs(comparison, backend=backend), None),
    ]


def analysis_graph(g: Graph, *, seed: int = 0, backend: str = "igraph",
                   communities: str = "leiden", betweenness_k: int | None = None,
                   ) -> tuple[Graph, tuple[ProjectionSummary, ...]]:
    """The analysis of ``g`` (the parameters of :func:`analyse_graph`) as a graph of its
    own: the scores, communities and kg:Analysis records to add to ``g`` once the earlier
    analysis is removed; and a summary per projection. ``g`` is only read: anything with
    the read methods of an rdflib Graph the projections use will do (a store's view,
    :class:`kg.store.analyse.StoreView`)."""
    if communities not in COMMUNITY_ALGORITHMS:
        raise ValueError(f"unknown community algorithm {communities!r} "
                         f"(known: {', '.join(COMMUNITY_ALGORITHMS)})")
    libraries = ("igraph",) if communities == "leiden" else ("networkx",)
    plans = _plans(g, COMMUNITY_ALGORITHMS[communities], seed=seed, backend=backend,
                   betweenness_k=betweenness_k)
    out = Graph(bind_namespaces="none")
    summaries = []
    for projection, G, runs, partition in plans:
        for name, scores, parameters, used in runs:
            prop = MEASURES[projection][name]
            _record(out, projection, name, prop, parameters, used)
            _write_scores(out, prop, scores)
        if partition is not None:
            _write_partition(out, projection, partition, libraries)
        components = (nx.number_weakly_connected_components(G) if G.is_directed()
                      else nx.number_connected_components(G))
        summaries.append(ProjectionSummary(
            projection, len(G), G.number_of_edges(), components,
            None if partition is None else len(partition.communities),
            None if partition is None else partition.modularity))
    out += aggregate_graph(g)  # the counts named queries read (kg.analyse.aggregates)
    return out, tuple(summaries)


def analyse_graph(g: Graph, *, seed: int = 0, backend: str = "igraph",
                  communities: str = "leiden", betweenness_k: int | None = None,
                  ) -> AnalysisReport:
    """Compute the default measures and communities of ``g``'s projections (co-authorship,
    lineage, papers, co-mention, comparison) and write them into ``g`` (see the module
    doc), replacing any earlier analysis. ``backend`` ("igraph", the default, or
    "networkx") runs betweenness and PageRank; ``communities`` is "leiden" (igraph's),
    "louvain" or "label-propagation"; ``seed`` seeds it and the sampling of betweenness:
    co-authorship betweenness from ``betweenness_k`` sampled sources, or
    :func:`sources_for` (exact up to ``EXACT_BETWEENNESS_NODES`` nodes) without it.
    """
    added, summaries = analysis_graph(g, seed=seed, backend=backend, communities=communities,
                                      betweenness_k=betweenness_k)
    removed = clear_analysis(g)  # only once everything is computed: a failure changes nothing
    before = len(g)
    for triple in added:
        g.add(triple)
    return AnalysisReport(summaries, removed, len(g) - before, seed, backend, communities)


def analyse_build(path: str | Path, out_dir: str | Path | None = None, *, seed: int = 0,
                  backend: str = "igraph", communities: str = "leiden",
                  betweenness_k: int | None = None,
                  view_max_nodes: int | None = None) -> AnalysisReport:
    """``kg analyse``: load the graph at ``path`` (a build directory or a graph file),
    :func:`analyse_graph` it, check it against the SHACL shapes (a ValidationError, and
    nothing written, if it does not conform) and write ``graph.ttl`` and ``graph.nt`` to
    ``out_dir`` (default: ``path`` itself when it is a directory, else its directory).
    Views already there (``index.html``) are rewritten with the new scores, cut to
    ``view_max_nodes`` (default: the setting's default)."""
    from kg.config import DEFAULT_VIEW_MAX_NODES
    from kg.graph.io import load_graph, write_graph
    from kg.graph.validate import validate_graph
    from kg.view import render_views, write_pages

    path = Path(path)
    g = load_graph(path)
    report = analyse_graph(g, seed=seed, backend=backend, communities=communities,
                           betweenness_k=betweenness_k)
    outcome = validate_graph(g)
    if not outcome.conforms:
        raise ValidationError(outcome.report, outcome.count)
    target = Path(out_dir) if out_dir is not None else path if path.is_dir() else path.parent
    pages = None
    if (target / "index.html").is_file():
        pages = render_views(g, max_nodes=view_max_nodes or DEFAULT_VIEW_MAX_NODES)
    write_graph(g, target)
    if pages is not None:
        write_pages(pages, target)
    return report
