#!/usr/bin/env python
"""How fast are the analytics? Every measure of kg.analyse, with networkx and with
igraph/leidenalg, on synthetic heavy-tailed co-authorship graphs.

    python scripts/bench_analyse.py [--nodes 10000,100000] [--pairs-per-node 10]
                                    [--k 50,200,1000] [--k-large 50,200]
                                    [--seed S] [--json OUT] [--nx-limit N]
                                    [--exact-limit N]

The graphs: papers with heavy-tailed team sizes (1 + a Zipf draw, capped at 30) whose
authors are drawn with heavy-tailed productivity (Chung–Lu weights, exponent 2.5), mostly
(80%) from the paper's own group of ~100 people, so the graph has communities; each
paper a clique among its authors; an edge's ``weight`` is the papers two people share and
its ``distance`` 1 / weight, as in :func:`kg.analyse.projections.coauthorship_graph`.
Papers are added until the graph has about ``pairs-per-node`` edges per node (10: ~1M
edges at 100k nodes). Seeded: the same arguments give the same graph.

Each measure is timed once (wall time, including the conversion to igraph that the
igraph backend does on every call). The slow networkx measures (exact betweenness,
closeness, Louvain) run only up to ``--nx-limit`` nodes; exact betweenness only up to
``--exact-limit``. At the smallest size, betweenness sampled from ``k`` sources is
compared with the exact values: largest and mean absolute error, Spearman's rank
correlation and the overlap of the top 100. Prints Markdown tables; ``--json OUT`` also
writes the numbers. The target is PageRank + communities (igraph + Leiden) on the
~1M-edge graph in under 30 s.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from kg.analyse.communities import (  # noqa: E402
    connected_component_communities,
    label_propagation_communities,
    leiden_communities,
    louvain_communities,
)
from kg.analyse.measures import (  # noqa: E402
    betweenness_scores,
    closeness_scores,
    degree_scores,
    eigenvector_scores,
    pagerank_scores,
)

TARGET_SECONDS = 30.0


def coauthorship_like(nodes: int, pairs_per_node: float, seed: int,
                      group_size: int = 100, local: float = 0.8) -> nx.Graph:
    """A seeded synthetic co-authorship graph (see the module doc): people in random
    groups of ``group_size``; each paper belongs to one group and each of its authors is
    drawn from that group with probability ``local``, else from everyone, both by
    heavy-tailed productivity."""
    rng = np.random.default_rng(seed)

    def zipf_weights(size: int) -> np.ndarray:
        w = np.arange(1, size + 1, dtype=float) ** (-1.0 / 1.5)  # degree exponent 2.5
        return w / w.sum()

    everyone = rng.permutation(nodes)  # everyone[i]: the person of productivity rank i
    people = rng.permutation(nodes)  # groups are contiguous runs of this order
    groups = max(1, nodes // group_size)
    size = nodes // groups
    target = int(nodes * pairs_per_node)
    keys, counts = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    batch, per_paper = max(100, target // 50), None
    while len(keys) < target:
        if per_paper:
            batch = max(100, int((target - len(keys)) / per_paper / 2))
        sizes = np.minimum(1 + rng.zipf(2.5, batch), 30)
        slots = int(sizes.sum())
        group = np.repeat(rng.integers(groups, size=batch), sizes)
        within = people[group * size + rng.choice(size, size=slots, p=zipf_weights(size))]
        anyone = everyone[rng.choice(nodes, size=slots, p=zipf_weights(nodes))]
        authors = np.where(rng.random(slots) < local, within, anyone)
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        pairs = [np.empty(0, dtype=np.int64)]
        for start, n in zip(starts.tolist(), sizes.tolist(), strict=True):
            team = np.unique(authors[start:start + n])
            if len(team) > 1:
                u, v = np.triu_indices(len(team), k=1)
                pairs.append(team[u].astype(np.int64) * nodes + team[v])
        merged = np.concatenate((keys, *pairs))
        weights = np.concatenate((counts, np.ones(len(merged) - len(keys), dtype=np.int64)))
        before = len(keys)
        keys, index = np.unique(merged, return_inverse=True)
        counts = np.bincount(index, weights=weights).astype(np.int64)
        per_paper = max((len(keys) - before) / batch, 0.01)
    G = nx.Graph()
    G.add_nodes_from(range(nodes))
    G.add_edges_from((int(k // nodes), int(k % nodes), {"weight": int(w), "distance": 1.0 / w})
                     for k, w in zip(keys.tolist(), counts.tolist(), strict=True))
    return G


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def sampling_errors(exact: dict, estimate: dict) -> dict:
    from scipy.stats import spearmanr

    nodes = sorted(exact)
    a = np.array([exact[n] for n in nodes])
    b = np.array([estimate[n] for n in nodes])
    top = min(100, len(nodes))
    best = set(np.argsort(-a, kind="stable")[:top].tolist())
    guess = set(np.argsort(-b, kind="stable")[:top].tolist())
    return {"max_abs_error": float(np.max(np.abs(a - b))),
            "mean_abs_error": float(np.mean(np.abs(a - b))),
            "max_exact": float(a.max()),
            "spearman": float(spearmanr(a, b).statistic),
            "top100_overlap": len(best & guess) / top}


def bench_size(G: nx.Graph, args: argparse.Namespace, first: bool) -> dict:
    n = len(G)
    big = n > args.nx_limit
    rows: list[dict] = []

    def run(measure: str, backend: str, fn: Callable[[], object], note: str = "") -> object:
        seconds, result = timed(fn)
        rows.append({"measure": measure, "backend": backend, "seconds": seconds,
                     "note": note})
        print(f"  {measure:<28} {backend:<9} {seconds:9.2f} s {note}", file=sys.stderr,
              flush=True)
        return result

    def skip(measure: str, backend: str, why: str) -> None:
        rows.append({"measure": measure, "backend": backend, "seconds": None, "note": why})

    seed = args.seed
    run("degree", "networkx", lambda: degree_scores(G))
    run("pagerank", "networkx", lambda: pagerank_scores(G, weight="weight", tol=1e-10))
    pr = run("pagerank", "igraph", lambda: pagerank_scores(G, weight="weight",
                                                           backend="igraph"))
    run("eigenvector (per component)", "scipy", lambda: eigenvector_scores(G))
    leiden = run("leiden", "igraph", lambda: leiden_communities(G, seed=seed))
    run("label propagation", "networkx", lambda: label_propagation_communities(G, seed=seed))
    run("connected components", "networkx", lambda: connected_component_communities(G))
    louvain = None
    if big:
        skip("louvain", "networkx", f"skipped above {args.nx_limit} nodes")
    else:
        louvain = run("louvain", "networkx", lambda: louvain_communities(G, seed=seed))
    target = (next(r["seconds"] for r in rows if r["measure"] == "pagerank"
                   and r["backend"] == "igraph")
              + next(r["seconds"] for r in rows if r["measure"] == "leiden"))

    exact = None
    if n <= args.exact_limit:
        exact = run("betweenness exact", "igraph",
                    lambda: betweenness_scores(G, weight="distance", backend="igraph"))
    else:
        skip("betweenness exact", "igraph", f"skipped above {args.exact_limit} nodes")
    if big:
        skip("betweenness exact", "networkx", f"skipped above {args.nx_limit} nodes")
        skip("closeness", "networkx", f"skipped above {args.nx_limit} nodes")
    else:
        sample = sorted(G)[:: max(1, n // 50)][:50]  # 50 nodes, then scaled up to n
        seconds, _ = timed(lambda: [nx.closeness_centrality(G, u=u, distance="distance")
                                    for u in sample])
        rows.append({"measure": "closeness", "backend": "networkx",
                     "seconds": seconds * n / len(sample),
                     "note": f"estimated from {len(sample)} nodes"})
        seconds, _ = timed(lambda: betweenness_scores(G, weight="distance", k=50, seed=seed))
        rows.append({"measure": "betweenness exact", "backend": "networkx",
                     "seconds": seconds * n / 50, "note": "estimated from k=50 sources"})
    if n <= args.exact_limit:
        run("closeness", "igraph", lambda: closeness_scores(G, weight="distance",
                                                           backend="igraph"))
    else:
        skip("closeness", "igraph", f"skipped above {args.exact_limit} nodes")

    sampling = []
    for k in (args.k if n <= args.exact_limit else args.k_large):
        if k >= n:
            continue
        estimate = run(f"betweenness k={k}", "igraph", lambda k=k: betweenness_scores(
            G, weight="distance", k=k, seed=seed, backend="igraph"))
        if not big and k <= 200:
            run(f"betweenness k={k}", "networkx", lambda k=k: betweenness_scores(
                G, weight="distance", k=k, seed=seed))
        if first and exact is not None:
            sampling.append({"k": k, **sampling_errors(exact, estimate)})

    result = {"nodes": n, "edges": G.number_of_edges(), "measures": rows,
              "sampling": sampling, "pagerank_plus_leiden_igraph": target,
              "leiden_communities": len(leiden.communities),
              "leiden_modularity": leiden.modularity,
              "pagerank_max": max(pr.values())}
    if louvain is not None:
        result.update(louvain_communities=len(louvain.communities),
                      louvain_modularity=louvain.modularity)
    return result


def markdown(result: dict) -> str:
    lines = [f"### {result['nodes']:,} nodes, {result['edges']:,} edges "
             f"(generated in {result['generate_seconds']:.1f} s)", "",
             "| measure | networkx | igraph / scipy | note |", "|---|---:|---:|---|"]
    by: dict[str, dict] = {}
    for row in result["measures"]:
        cell = by.setdefault(row["measure"], {"notes": []})
        backend = "networkx" if row["backend"] == "networkx" else "fast"
        cell[backend] = ("—" if row["seconds"] is None else f"{row['seconds']:.2f} s")
        if row["note"]:
            cell["notes"].append(f"{row['backend']}: {row['note']}")
    for measure, cell in by.items():
        lines.append(f"| {measure} | {cell.get('networkx', '')} | {cell.get('fast', '')} | "
                     f"{'; '.join(cell['notes'])} |")
    lines += ["", f"PageRank + Leiden (igraph): {result['pagerank_plus_leiden_igraph']:.2f} s "
              f"(target < {TARGET_SECONDS:.0f} s); Leiden: {result['leiden_communities']} "
              f"communities, modularity {result['leiden_modularity']:.4f}"
              + (f"; Louvain: {result['louvain_communities']} communities, modularity "
                 f"{result['louvain_modularity']:.4f}" if "louvain_modularity" in result
                 else "")]
    if result["sampling"]:
        lines += ["", "Betweenness sampled from k sources against exact (distance = 1 / "
                  "weight):", "",
                  "| k | max abs error | mean abs error | max exact | Spearman | top-100 overlap |",
                  "|---:|---:|---:|---:|---:|---:|"]
        for s in result["sampling"]:
            lines.append(f"| {s['k']} | {s['max_abs_error']:.2e} | {s['mean_abs_error']:.2e} | "
                         f"{s['max_exact']:.2e} | {s['spearman']:.4f} | "
                         f"{s['top100_overlap']:.2f} |")
    return "\n".join(lines)


def positive_ints(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of integers: {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"must be integers of at least 1: {text!r}")
    return values


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--nodes", type=positive_ints, default=[10_000, 100_000],
                   help="graph sizes, comma-separated (10000,100000)")
    p.add_argument("--pairs-per-node", type=float, default=10.0,
                   help="edges per node to generate (10)")
    p.add_argument("--k", type=positive_ints, default=[50, 200, 1000],
                   help="betweenness sample sizes (50,200,1000)")
    p.add_argument("--k-large", type=positive_ints, default=[50, 200],
                   help="betweenness sample sizes above --exact-limit nodes (50,200)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--nx-limit", type=int, default=20_000,
                   help="run the slow networkx measures up to this many nodes (20000)")
    p.add_argument("--exact-limit", type=int, default=20_000,
                   help="exact betweenness and closeness up to this many nodes (20000)")
    p.add_argument("--json", metavar="OUT", help="also write the numbers here")
    args = p.parse_args(argv)
    if args.pairs_per_node <= 0:
        p.error("--pairs-per-node must be positive")

    import igraph
    import leidenalg

    results = []
    print(f"# kg.analyse benchmark: {platform.python_implementation()} "
          f"{platform.python_version()}, networkx {nx.__version__}, igraph "
          f"{igraph.__version__}, leidenalg {leidenalg.version}, {os.cpu_count()} CPUs, "
          f"seed {args.seed}\n")
    for i, nodes in enumerate(sorted(args.nodes)):
        print(f"{nodes} nodes: generating", file=sys.stderr, flush=True)
        seconds, G = timed(lambda nodes=nodes: coauthorship_like(nodes, args.pairs_per_node,
                                                                 args.seed))
        result = bench_size(G, args, first=i == 0)
        result["generate_seconds"] = seconds
        results.append(result)
        print(markdown(result) + "\n", flush=True)
        del G
    if args.json:
        Path(args.json).write_text(json.dumps({"seed": args.seed, "results": results},
                                              indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
