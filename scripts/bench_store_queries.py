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
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's kg, not an installed one


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (at most)")
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    from kg.errors import KgError
    from kg.store.disk import open_store
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
    from kg.bench.store import busiest_parameters, store_query_timings

    out["parameters"] = busiest_parameters(store)
    queries = [{"query": q["query"], "params": q["params"], "rows": q["rows"],
                "runs": q["runs"], "p50_s": round(q["p50_s"], 4),
                "p95_s": round(q["p95_s"], 4)}
               for q in store_query_timings(store, args.repeat, variants=False)]
    out["queries"] = queries
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
