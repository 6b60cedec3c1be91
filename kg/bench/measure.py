"""One benchmark size, measured in a process of its own (``python -m kg.bench.measure``),
so that its peak RSS (``ru_maxrss``) is its own and no size warms the caches of another.

``corpus`` writes the synthetic corpus; ``measure`` times the stages on it and then the
two references: bare ``spacy.blank("en")`` tokenisation (``nlp.pipe``) of the texts the
extractors read, and a plain rdflib N-Triples parse of the build's ``graph.nt``
(``--backend store``: the store build instead, :mod:`kg.bench.store`, whose graph
reference is Oxigraph's bulk load). Each writes its figures as JSON to ``--out``.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg.bench.stages import MEMORY_STAGES, Run, Stage, ensure_ntriples, select_stages

#: Which reference each stage's time is divided by: text stages by tokenisation, graph
#: stages by parsing the N-Triples of the same graph.
TOKENISE, NTPARSE = "tokenise", "ntparse"
REFERENCE_OF = {"read": TOKENISE, "merge": TOKENISE, "extract": TOKENISE}


def peak_rss_mb() -> float:
    """The peak resident set size of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes vs KiB


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def tokenise_seconds(texts: Sequence[str], repeat: int = 3) -> float:
    """Best of ``repeat`` passes of bare ``spacy.blank("en").pipe`` over ``texts``."""
    import spacy

    nlp = spacy.blank("en")
    for _ in nlp.pipe(texts[:200]):  # warm-up
        pass

    def run() -> None:
        for _ in nlp.pipe(texts, batch_size=256):
            pass

    return min(_timed(run)[0] for _ in range(repeat))


def ntparse_seconds(path: Path) -> tuple[float, int]:
    """Seconds for a plain ``rdflib.Graph().parse(path, format="nt")``, and its triples."""
    from rdflib import Graph

    seconds, g = _timed(lambda: Graph().parse(path, format="nt"))
    return seconds, len(g)


def warm_imports() -> float:
    """Import what the stages use (spaCy, pySHACL, igraph, leidenalg, rdflib's SPARQL
    engine, Jinja2), so that import time is reported once, not charged to the first
    stage that happens to import a module; the seconds it took."""
    import importlib

    start = time.perf_counter()
    for name in ("spacy", "kg.extract", "kg.entities", "kg.graph.build", "kg.analyse",
                 "kg.bench.analytics", "igraph", "leidenalg", "pyshacl", "kg.graph.validate",
                 "kg.view", "kg.query", "rdflib.plugins.sparql"):
        importlib.import_module(name)
    return time.perf_counter() - start


def measure(run: Run, stages: Sequence[Stage], log: Callable[[str], None] = print
            ) -> dict[str, Any]:
    """Run ``stages`` in order on ``run``, timing each, then the references; the figures
    as a JSON-ready dict (see :func:`kg.bench.run.run_bench`)."""
    n = run.papers_made
    imports = warm_imports()
    out: dict[str, Any] = {"papers": n, "imports_s": imports, "rss_start_mb": peak_rss_mb(),
                           "stages": []}
    for stage in stages:
        log(f"  {n} papers: {stage.name} ...")
        if stage.prepare is not None:
            stage.prepare(run)
        seconds, extra = _timed(lambda s=stage: s.work(run))
        row = {"name": stage.name, "pipeline": stage.pipeline, "seconds": seconds,
               "papers_per_s": n / seconds if seconds else None,
               "peak_rss_mb": peak_rss_mb()}
        for key in ("measures", "queries"):
            if key in extra:
                out[key] = extra.pop(key)
        if "triples" in extra:
            row["triples_per_s"] = extra["triples"] / seconds if seconds else None
        row.update(extra)
        out["stages"].append(row)
        log(f"  {n} papers: {stage.name} {seconds:.2f} s, peak RSS {row['peak_rss_mb']:.0f} MiB")
    out["peak_rss_mb"] = peak_rss_mb()
    pipeline = [r for r in out["stages"] if r["pipeline"]]
    e2e = sum(r["seconds"] for r in pipeline)
    out["end_to_end"] = {"stages": [r["name"] for r in pipeline], "seconds": e2e,
                         "papers_per_s": n / e2e if e2e else None}
    out["distinct_papers"] = len(run.papers)
    triples = [r["triples"] for r in out["stages"] if r["pipeline"] and "triples" in r]
    if triples:
        out["triples"] = triples[-1]
        out["end_to_end"]["triples_per_s"] = triples[-1] / e2e if e2e else None

    # The references, once the stages are done (their memory is not the build's).
    from kg.extract import paper_text

    texts = [paper_text(p) for p in run.papers]
    refs: dict[str, Any] = {}
    path = ensure_ntriples(run) if run.graph is not None or run.nt_path is not None else None
    run.graph = None  # a big heap slows everything that allocates (the collector walks it)
    gc.collect()
    log(f"  {n} papers: reference: spacy.blank('en') tokenisation ...")
    seconds = tokenise_seconds(texts)
    refs[TOKENISE] = {"seconds": seconds, "texts": len(texts),
                      "papers_per_s": len(texts) / seconds if seconds else None,
                      "what": "spacy.blank('en').pipe over the texts extract reads, best of 3"}
    if path is not None:
        log(f"  {n} papers: reference: rdflib N-Triples parse of {path.name} ...")
        seconds, count = ntparse_seconds(path)
        refs[NTPARSE] = {"seconds": seconds, "triples": count,
                         "triples_per_s": count / seconds if seconds else None,
                         "what": "rdflib Graph().parse(graph.nt, format='nt')"}
    out["references"] = refs
    add_ratios(out)
    return out


def add_ratios(out: dict[str, Any], *, graph_reference: str = NTPARSE,
               reference_of: dict[str, str] = REFERENCE_OF) -> None:
    """Each time divided by its reference's time (None where the reference did not run):
    ``reference_of`` a stage's, else ``graph_reference``, which the end-to-end time, the
    measures and the queries are divided by too."""
    refs = out["references"]

    def ratio(seconds: float | None, ref: str) -> float | None:
        base = refs.get(ref, {}).get("seconds")
        return seconds / base if seconds is not None and base else None

    for row in out["stages"]:
        row["reference"] = reference_of.get(row["name"], graph_reference)
        row["ratio"] = ratio(row["seconds"], row["reference"])
        if "pipeline_s" in row:  # extraction proper, without building the pipeline
            row["ratio_without_pipeline"] = ratio(row["seconds"] - row["pipeline_s"],
                                                  row["reference"])
    out["end_to_end"]["ratio"] = ratio(out["end_to_end"]["seconds"], graph_reference)
    out["end_to_end"]["reference"] = graph_reference
    for row in out.get("measures", []):
        row["ratio"] = ratio(row["seconds"], graph_reference)
    for row in out.get("queries", []):
        row["p50_ratio"] = ratio(row["p50_s"], graph_reference)
        row["p95_ratio"] = ratio(row["p95_s"], graph_reference)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m kg.bench.measure", description=__doc__)
    sub = p.add_subparsers(dest="what", required=True)
    c = sub.add_parser("corpus")
    m = sub.add_parser("measure")
    for q in (c, m):
        q.add_argument("--papers", type=int, required=True)
        q.add_argument("--seed", type=int, default=0)
        q.add_argument("--corpus", type=Path, required=True)
        q.add_argument("--out", type=Path, required=True)
    m.add_argument("--work", type=Path, required=True)
    m.add_argument("--stages", default=None)
    m.add_argument("--repeat", type=int, default=5)
    m.add_argument("--backend", choices=("memory", "store"), default="memory")
    args = p.parse_args(argv)

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if args.what == "corpus":
        from kg.synth import write_corpus

        seconds, files = _timed(lambda: write_corpus(args.papers, args.corpus, args.seed))
        result: dict[str, Any] = {"seconds": seconds, "files": len(files),
                                  "bytes": sum(f.stat().st_size for f in files)}
    elif args.backend == "store":
        from kg.bench.store import measure_store, select_store_stages

        run = Run(corpus=args.corpus, work=args.work, papers_made=args.papers,
                  seed=args.seed, query_repeat=args.repeat)
        result = measure_store(run, select_store_stages(
            args.stages.split(",") if args.stages else None), log)
    else:
        stages = select_stages(args.stages.split(",") if args.stages else None,
                               MEMORY_STAGES)
        run = Run(corpus=args.corpus, work=args.work, papers_made=args.papers,
                  seed=args.seed, query_repeat=args.repeat)
        result = measure(run, stages, log)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
