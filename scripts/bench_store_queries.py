"""Time SHACL validation and every named query on a kg store (``kg build --store``).

    python scripts/bench_store_queries.py STORE [--repeat 5] [--no-validate]

Prints JSON: the store's triples; validation's wall and CPU seconds (the CPU figure is
the one to compare on a shared machine: Oxigraph runs a query in the calling thread) and
its violations; and for each named query the p50 and p95 seconds and rows, with the
busiest model, person and dataset of the store bound as its parameters (the queries'
own defaults name things of the seed listings).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's kg, not an installed one

BUSIEST = {
    "model": "SELECT ?n (COUNT(DISTINCT ?p) AS ?c) WHERE { ?p kg:mentions ?m . "
             "?m a kg:Model ; rdfs:label ?n } GROUP BY ?n ORDER BY DESC(?c) ?n LIMIT 1",
    "person": "SELECT ?n (COUNT(DISTINCT ?p) AS ?c) WHERE { ?p schema:author ?m . "
              "?m foaf:name ?n } GROUP BY ?n ORDER BY DESC(?c) ?n LIMIT 1",
    "dataset": "SELECT ?n (COUNT(DISTINCT ?r) AS ?c) WHERE { ?r kg:onDataset ?m . "
               "?m rdfs:label ?n } GROUP BY ?n ORDER BY DESC(?c) ?n LIMIT 1",
}


def busiest(store: object) -> dict[str, str]:
    """The most mentioned model, the person with most papers, the dataset with most
    results (absent when the store has none)."""
    from kg.graph.vocab import PREFIXES

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    out = {}
    for name, text in BUSIEST.items():
        rows = list(store.query(text, prefixes=prefixes))
        if rows:
            out[name] = rows[0]["n"].value
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (at most)")
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    from kg.errors import KgError
    from kg.query.formats import result_rows
    from kg.query.library import named_queries
    from kg.store.disk import open_store
    from kg.store.query import query_store
    from kg.store.validate import store_violations

    try:
        store = open_store(args.store)
    except KgError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out: dict[str, object] = {"store": str(args.store), "triples": len(store)}
    if not args.no_validate:
        wall, cpu = time.perf_counter(), time.process_time()
        found = store_violations(store)
        out["validate"] = {"wall_s": round(time.perf_counter() - wall, 3),
                           "cpu_s": round(time.process_time() - cpu, 3),
                           "violations": len(found)}
    busy = busiest(store)
    out["parameters"] = busy
    queries = []
    for name, q in sorted(named_queries().items()):
        params = {p.name: busy[p.name] for p in q.params if p.name in busy}
        bindings = q.bindings(params)
        times, rows = [], 0
        while len(times) < args.repeat and (len(times) < 2 or sum(times) < 20):
            start = time.perf_counter()
            rows = len(result_rows(query_store(store, q.text, bindings, checked=True)))
            times.append(time.perf_counter() - start)
        p95 = statistics.quantiles(times, n=100, method="inclusive")[94] if len(times) > 1 \
            else times[0]
        queries.append({"query": name, "params": params, "rows": rows, "runs": len(times),
                        "p50_s": round(statistics.median(times), 4), "p95_s": round(p95, 4)})
    out["queries"] = queries
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
