"""Analyse a kg graph and write the results back into it; read them back for ``kg top``.

:func:`analyse_graph` projects the graph (:mod:`kg.analyse.projections`), computes the
default measures and communities, and adds them to the rdflib graph:

- on each person (co-authorship projection): ``kg:degreeCentrality`` (unweighted),
  ``kg:betweenness`` (edge length 1 / joint papers), ``kg:pagerank`` (weighted by joint
  papers), ``kg:eigenvector`` (weighted, per component) and ``kg:community``;
- on each entity in the lineage projection: ``kg:degreeCentrality``, ``kg:betweenness``
  (directed, hop counts), ``kg:influence`` (PageRank towards foundations,
  :func:`kg.analyse.lineage.influence_scores`), ``kg:descendantCount`` and
  ``kg:community`` (on the lineage taken as undirected, weighted by stating papers);
- a ``kg:Community`` node per community (``kg:algorithm``, ``kg:projection``,
  ``kg:communityNumber``, ``kg:memberCount``, ``kg:modularity``, ``prov:wasGeneratedBy``);
- a ``kg:Analysis`` (a prov:Activity) per measure and projection: ``kg:algorithm``,
  ``kg:projection``, ``kg:scoreProperty``, ``kg:parameters`` (JSON), ``kg:seed`` and
  ``kg:softwareVersion`` of each library used. No time is recorded.

Scores are xsd:decimal with :data:`SCORE_DECIMALS` decimals, so the same graph and seed
give byte-identical output; the results of an earlier analysis are removed first, so
analysing twice gives the same graph as analysing once.

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

import csv
import functools
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from kg import __version__
from kg.analyse.communities import (
    Partition,
    label_propagation_communities,
    leiden_communities,
    louvain_communities,
)
from kg.analyse.lineage import descendant_counts, influence_scores
from kg.analyse.measures import (
    betweenness_scores,
    degree_scores,
    eigenvector_scores,
    pagerank_scores,
)
from kg.analyse.projections import coauthorship_graph, lineage_graph
from kg.errors import KgError, ValidationError
from kg.graph.iris import analysis_iri, community_iri
from kg.graph.vocab import ENTITY_CLASSES, FOAF, KG, PROV, RDF, RDFS, XSD

__all__ = [
    "AnalysisReport", "COMMUNITY_ALGORITHMS", "DEFAULT_MEASURE", "MEASURES", "PROJECTIONS",
    "ProjectionSummary", "SCORE_DECIMALS", "analyse_build", "analyse_graph", "clear_analysis",
    "format_top", "score_literal", "top_table",
]

#: Decimals of every score written: fixed, so that output is byte-stable.
SCORE_DECIMALS = 9

#: The score properties, by the name ``kg top --by`` takes.
SCORE_PROPERTIES: dict[str, URIRef] = {
    "degree": KG.degreeCentrality, "betweenness": KG.betweenness, "pagerank": KG.pagerank,
    "eigenvector": KG.eigenvector, "influence": KG.influence,
    "descendants": KG.descendantCount,
}

#: The projections analysed, and the measures written for each.
MEASURES: dict[str, tuple[str, ...]] = {
    "coauthorship": ("degree", "betweenness", "pagerank", "eigenvector"),
    "lineage": ("degree", "betweenness", "influence", "descendants"),
}
PROJECTIONS = tuple(MEASURES)

#: The measure :func:`top_table` ranks by when given none.
DEFAULT_MEASURE = {"coauthorship": "pagerank", "lineage": "influence"}

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
    communities: int
    modularity: float


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
        parts = [f"{p.projection} {p.nodes} nodes, {p.edges} edges, {p.components} "
                 f"components, {p.communities} communities (modularity {p.modularity:.3f})"
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
    text = f"{float(value):.{SCORE_DECIMALS}f}"
    if text in ("nan", "inf", "-inf"):
        raise ValueError(f"not a finite score: {value!r}")
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]
    return Literal(text, datatype=XSD.decimal)


def clear_analysis(g: Graph) -> int:
    """Remove the results of any earlier analysis (scores, community memberships,
    kg:Community and kg:Analysis nodes) from ``g``; return how many triples went."""
    before = len(g)
    for prop in (*SCORE_PROPERTIES.values(), KG.community):
        g.remove((None, prop, None))
    for cls in (KG.Community, KG.Analysis):
        for node in list(g.subjects(RDF.type, cls)):
            g.remove((node, None, None))
            g.remove((None, None, node))
    return before - len(g)


def _versions(*libraries: str) -> list[str]:
    found = [f"kg {__version__}"]
    for name in libraries:
        try:
            found.append(f"{name} {metadata.version(_LIBRARIES[name])}")
        except metadata.PackageNotFoundError:
            continue
    return sorted(found)


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
    for version in _versions(*libraries):
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


def _coauthorship_runs(G: nx.Graph, *, seed: int, backend: str, k: int | None) -> list:
    k = k if k is not None and k < len(G) else None
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


def _lineage_runs(L: nx.DiGraph, *, backend: str) -> list:
    return [
        ("degree", degree_scores(L, weight=None), {"weight": None}, ("networkx",)),
        ("betweenness", betweenness_scores(L, weight=None, backend=backend),
         {"weight": None, "k": None, "normalized": True, "directed": True,
          "backend": backend}, _fast(backend)),
        ("influence", influence_scores(L, weight=None, alpha=0.85, backend=backend),
         {"weight": None, "alpha": 0.85, "reversed": True, "backend": backend},
         _fast(backend)),
        ("descendants", descendant_counts(L), {}, ("networkx",)),
    ]


def analyse_graph(g: Graph, *, seed: int = 0, backend: str = "igraph",
                  communities: str = "leiden", betweenness_k: int | None = None,
                  ) -> AnalysisReport:
    """Compute the default measures and communities of ``g``'s co-authorship and lineage
    projections and write them into ``g`` (see the module doc), replacing any earlier
    analysis. ``backend`` ("igraph", the default, or "networkx") runs betweenness and
    PageRank; ``communities`` is "leiden" (igraph's), "louvain" or
    "label-propagation"; ``seed`` seeds it and, with ``betweenness_k``, the sampling of
    co-authorship betweenness (exact without it).
    """
    if communities not in COMMUNITY_ALGORITHMS:
        raise ValueError(f"unknown community algorithm {communities!r} "
                         f"(known: {', '.join(COMMUNITY_ALGORITHMS)})")
    find = COMMUNITY_ALGORITHMS[communities]
    libraries = ("igraph",) if communities == "leiden" else ("networkx",)
    co, lineage = coauthorship_graph(g), lineage_graph(g)  # neither reads old scores
    plans = [
        ("coauthorship", co, _coauthorship_runs(co, seed=seed, backend=backend,
                                                k=betweenness_k),
         find(co, weight="weight", seed=seed)),
        ("lineage", lineage, _lineage_runs(lineage, backend=backend),
         find(lineage.to_undirected(), weight="weight", seed=seed)),
    ]
    removed = clear_analysis(g)  # only once everything is computed: a failure changes nothing
    before = len(g)
    summaries = []
    for projection, G, runs, partition in plans:
        for name, scores, parameters, used in runs:
            prop = SCORE_PROPERTIES[name]
            _record(g, projection, name, prop, parameters, used)
            _write_scores(g, prop, scores)
        _write_partition(g, projection, partition, libraries)
        components = (nx.number_weakly_connected_components(G) if G.is_directed()
                      else nx.number_connected_components(G))
        summaries.append(ProjectionSummary(projection, len(G), G.number_of_edges(),
                                           components, len(partition.communities),
                                           partition.modularity))
    return AnalysisReport(tuple(summaries), removed, len(g) - before, seed, backend,
                          communities)


def analyse_build(path: str | Path, out_dir: str | Path | None = None, *, seed: int = 0,
                  backend: str = "igraph", communities: str = "leiden",
                  betweenness_k: int | None = None) -> AnalysisReport:
    """``kg analyse``: load the graph at ``path`` (a build directory or a graph file),
    :func:`analyse_graph` it, check it against the SHACL shapes (a ValidationError, and
    nothing written, if it does not conform) and write ``graph.ttl`` and ``graph.nt`` to
    ``out_dir`` (default: ``path`` itself when it is a directory, else its directory)."""
    from kg.graph.io import load_graph, write_graph
    from kg.graph.validate import validate_graph

    path = Path(path)
    g = load_graph(path)
    report = analyse_graph(g, seed=seed, backend=backend, communities=communities,
                           betweenness_k=betweenness_k)
    outcome = validate_graph(g)
    if not outcome.conforms:
        raise ValidationError(outcome.report, outcome.count)
    write_graph(g, Path(out_dir) if out_dir is not None
                else path if path.is_dir() else path.parent)
    return report


# The classes of each subgraph's nodes: constants, spliced into the query text once.
_CLASSES = {"coauthorship": "kg:Person",
            "lineage": ", ".join(f"kg:{name}" for name in ENTITY_CLASSES)}

_TOP_QUERY = """
SELECT DISTINCT ?node ?score ?name ?community WHERE {
    ?node ?measure ?score ; a ?class .
    FILTER (?class IN (%s))
    OPTIONAL { ?node foaf:name ?person }
    OPTIONAL { ?node rdfs:label ?label }
    OPTIONAL { ?node kg:community ?group .
               ?group kg:projection ?projection ; kg:communityNumber ?community }
    BIND (COALESCE(?person, ?label, STR(?node)) AS ?name)
}
ORDER BY DESC(?score) ?node
"""
_NAMESPACES = {"kg": str(KG), "foaf": str(FOAF), "rdfs": str(RDFS)}


@functools.cache
def _top_query(subgraph: str):
    """The prepared query of ``subgraph``'s top table (prepared on first use, not at
    import); ``?measure`` and ``?projection`` are bound when it runs."""
    return prepareQuery(_TOP_QUERY % _CLASSES[subgraph], initNs=_NAMESPACES)


@functools.cache
def _analysed_query():
    return prepareQuery("""
        SELECT ?property WHERE { ?analysis a kg:Analysis ; kg:projection ?projection ;
                                           kg:scoreProperty ?property }""",
                        initNs=_NAMESPACES)


def top_table(g: Graph, by: str | None = None, subgraph: str = "coauthorship",
              limit: int | None = 10) -> list[dict]:
    """The nodes of ``subgraph`` ("coauthorship": people; "lineage": entities) with the
    highest written-back score ``by`` (one of :data:`MEASURES` of that subgraph; default
    :data:`DEFAULT_MEASURE`), read with SPARQL (``ORDER BY DESC``, ties by IRI), at most
    ``limit`` rows. Each row: ``rank``, ``iri``, ``name``, ``score`` (a float, an int for
    descendants) and ``community`` (its number in the subgraph's partition, or None).

    A KgError when ``g`` has no analysis of ``subgraph``, or none with that measure.
    """
    if subgraph not in MEASURES:
        raise ValueError(f"unknown subgraph {subgraph!r} (known: {', '.join(MEASURES)})")
    by = by or DEFAULT_MEASURE[subgraph]
    if by not in SCORE_PROPERTIES:
        raise ValueError(f"unknown measure {by!r} (known: {', '.join(SCORE_PROPERTIES)})")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be at least 0, not {limit}")
    projection = Literal(subgraph)
    written = {row.property for row in g.query(_analysed_query(),
                                               initBindings={"projection": projection})}
    if not written:
        raise KgError(f"the graph has no {subgraph} analysis: run `kg analyse` on it first")
    prop = SCORE_PROPERTIES[by]
    if prop not in written:
        have = [name for name, p in SCORE_PROPERTIES.items() if p in written]
        raise KgError(f"the {subgraph} analysis has no {by} scores "
                      f"(it has: {', '.join(have)})")
    rows = []
    results = g.query(_top_query(subgraph), initBindings={"measure": prop,
                                                      "projection": projection})
    for row in results:
        if limit is not None and len(rows) >= limit:
            break
        score = row.score.toPython()
        rows.append({"rank": len(rows) + 1, "iri": str(row.node), "name": str(row.name),
                     "score": score if isinstance(score, int) else float(score),
                     "community": None if row.community is None
                     else int(row.community.toPython())})
    return rows


FORMATS = ("table", "csv", "json")
_COLUMNS = ("rank", "score", "community", "name", "iri")


def format_top(rows: list[dict], fmt: str = "table") -> str:
    """:func:`top_table` rows as an aligned text table, CSV (with a header) or JSON.

    >>> rows = [{"rank": 1, "iri": "https://w3id.org/mlkg/id/person/a", "name": "A",
    ...          "score": 0.5, "community": 1}]
    >>> print(format_top(rows), end="")
    rank  score        community  name  iri
       1  0.500000000          1  A     https://w3id.org/mlkg/id/person/a
    >>> print(format_top(rows, "csv"), end="")
    rank,score,community,name,iri
    1,0.5,1,A,https://w3id.org/mlkg/id/person/a
    """
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: row[c] for c in _COLUMNS} for row in rows)
        return out.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")

    def cell(column: str, value: object) -> str:
        if value is None:
            return ""
        if column == "score" and isinstance(value, float):
            return f"{value:.{SCORE_DECIMALS}f}"
        return str(value)

    table = [list(_COLUMNS)] + [[cell(c, row[c]) for c in _COLUMNS] for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(_COLUMNS))]
    right = {"rank", "score", "community"}
    lines = []
    for line in table:
        cells = [text.rjust(w) if c in right and line is not table[0] else text.ljust(w)
                 for c, text, w in zip(_COLUMNS, line, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
