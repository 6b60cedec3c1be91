"""Seconds for each analytics measure: every projection :func:`kg.analyse.analyse_graph`
builds, and every measure and community detection it runs on them, with the same
functions and parameters (igraph backend, Leiden, betweenness as
:func:`kg.analyse.writeback.sources_for` samples it), each timed on its
own. Nothing is written into the graph."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

from rdflib import Graph

from kg.analyse.communities import leiden_communities
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
from kg.analyse.writeback import sources_for


def measure_timings(g: Graph, *, seed: int = 0, backend: str = "igraph"
                    ) -> list[dict[str, Any]]:
    """One row per projection build, measure and community detection: ``projection``,
    ``measure``, ``seconds``, and the projection's ``nodes`` and ``edges``."""
    rows: list[dict[str, Any]] = []

    def timed(projection: str, measure: str, fn: Callable[[], Any]) -> Any:
        gc.collect()
        start = time.perf_counter()
        value = fn()
        rows.append({"projection": projection, "measure": measure,
                     "seconds": time.perf_counter() - start})
        return value

    def sized(projection: str, G: Any) -> None:
        for row in rows:
            if row["projection"] == projection:
                row.update(nodes=G.number_of_nodes(), edges=G.number_of_edges())

    co = timed("coauthorship", "projection", lambda: coauthorship_graph(g))
    timed("coauthorship", "degree", lambda: degree_scores(co, weight=None))
    timed("coauthorship", "betweenness", lambda: betweenness_scores(
        co, weight="distance", k=sources_for(co, None), seed=seed, backend=backend))
    timed("coauthorship", "pagerank", lambda: pagerank_scores(co, weight="weight",
                                                              backend=backend))
    timed("coauthorship", "eigenvector", lambda: eigenvector_scores(co, weight="weight"))
    timed("coauthorship", "leiden", lambda: leiden_communities(co, weight="weight", seed=seed))
    sized("coauthorship", co)

    lin = timed("lineage", "projection", lambda: lineage_graph(g))
    timed("lineage", "degree", lambda: degree_scores(lin, weight=None))
    timed("lineage", "betweenness", lambda: betweenness_scores(
        lin, weight=None, k=sources_for(lin, None), seed=seed, backend=backend))
    timed("lineage", "influence", lambda: influence_scores(lin, weight=None, backend=backend))
    timed("lineage", "descendants", lambda: descendant_counts(lin))
    timed("lineage", "leiden", lambda: leiden_communities(lin.to_undirected(),
                                                          weight="weight", seed=seed))
    sized("lineage", lin)

    bip = timed("papers", "projection", lambda: paper_entity_graph(g, count_mentions=False))
    papers = [node for node, side in bip.nodes(data="bipartite") if side == 0]
    timed("papers", "pagerank", lambda: bipartite_pagerank_scores(bip, papers, weight=None,
                                                                  backend=backend))
    timed("papers", "leiden", lambda: leiden_communities(bip, weight=None, seed=seed))
    sized("papers", bip)

    com = timed("comention", "projection", lambda: comention_graph(g, bipartite=bip))
    timed("comention", "pagerank", lambda: pagerank_scores(com, weight="weight",
                                                           backend=backend))
    timed("comention", "leiden", lambda: leiden_communities(com, weight="weight", seed=seed))
    sized("comention", com)

    cmp = timed("comparison", "projection", lambda: comparison_graph(g, directed=True))
    timed("comparison", "baseline-count", lambda: baseline_counts(cmp))
    timed("comparison", "baseline-rank", lambda: pagerank_scores(cmp, weight="weight",
                                                                 backend=backend))
    sized("comparison", cmp)
    return rows
