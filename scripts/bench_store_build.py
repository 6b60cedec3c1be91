"""Time ``kg build --store`` on a synthetic corpus: seconds per stage and peak RSS.

    python scripts/bench_store_build.py --papers 2000 [--mode stream|memory] [--batch 500]

``stream`` is today's build (kg.store.build.build_store: papers extracted and their triples
streamed to N-Triples in batches); ``memory`` is the build it replaced (the whole graph in
an rdflib Graph, serialised, then loaded), kept here as the reference. Each run happens in a
fresh subprocess, so peak RSS (``ru_maxrss``) is the build's own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's kg, not an installed one


def _memory_build(corpus: Path, out: Path, timings: dict[str, float]) -> None:
    """The previous ``build_store``: everything in one rdflib Graph first."""
    import pyoxigraph as ox

    from kg.config import Settings
    from kg.entities import resolve_entities
    from kg.extract import extract_papers
    from kg.graph.build import paper_graph
    from kg.graph.extractions import add_extractions
    from kg.graph.io import ntriples_bytes
    from kg.read import read_paths
    from kg.resolve import merge_papers
    from kg.store.analyse import analyse_store
    from kg.store.disk import write_store
    from kg.store.validate import validate_store

    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        timings[name] = timings.get(name, 0.0) + now - clock[0]
        clock[0] = now

    read = read_paths([corpus], Settings())
    papers = merge_papers(read.papers)
    lap("read")
    extractions = extract_papers(papers)
    lap("extract")
    resolution = resolve_entities(extractions)
    lap("resolve")
    graph = paper_graph(papers, read.profiles)
    add_extractions(graph, papers, extractions, resolution)
    lap("graph")

    def fill(store: ox.Store, work: Path) -> dict:
        nt = work / "graph.nt"
        nt.write_bytes(ntriples_bytes(graph))
        lap("serialise")
        store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        lap("load")
        analyse_store(store, seed=0)
        lap("analyse")
        assert validate_store(store).conforms
        lap("validate")
        return {"triples": len(store)}

    write_store(out, fill)


def run_one(corpus: Path, mode: str, batch: int) -> dict:
    """One build in this process; its stage seconds, triples and peak RSS."""
    from kg.bench.store import StageSeconds
    from kg.config import Settings
    from kg.store.build import build_store
    from kg.store.disk import read_manifest

    timings = StageSeconds()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "store"
        if mode == "memory":
            _memory_build(corpus, out, timings)
        else:
            build_store([corpus], out, Settings(), batch_size=batch, timings=timings)
        triples = read_manifest(out)["triples"]
    total = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "batch": batch, "triples": triples, "total_s": round(total, 1),
            "stages_s": {k: round(v, 1) for k, v in timings.items()},
            "peak_rss_mb": round(rss),
            "rss_after_stage_mb": {k: round(v) for k, v in timings.rss.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--mode", choices=("stream", "memory"), default="stream")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--corpus", type=Path, help="reuse this corpus directory")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.papers < 1 or args.batch < 1:
        parser.error("--papers and --batch must be at least 1")
    if args.child:
        print(json.dumps(run_one(args.corpus, args.mode, args.batch)))
        return 0
    from kg.synth import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp) / "corpus"
        if not args.corpus:
            write_corpus(args.papers, corpus, seed=0)
        done = subprocess.run([sys.executable, __file__, "--child", "--corpus", str(corpus),
                               "--mode", args.mode, "--batch", str(args.batch)],
                              cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stderr)
        return 1
    result = {"papers": args.papers, **json.loads(done.stdout.strip().splitlines()[-1])}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
