#!/usr/bin/env python
"""How fast is extraction? Bare spaCy tokenisation against the full kg pipeline, on a
synthetic corpus (kg.synth), with the cost of each pipeline component.

    python scripts/bench_extract.py [--papers N] [--repeat R] [--json OUT]
                                    [--seed S] [--components a,b] [--batch-size B]
                                    [--max-ratio X]

(a) bare: ``spacy.blank("en").pipe`` over ``kg.extract.paper_text`` of every paper;
(b) full: ``kg.extract.extract_papers(papers, nlp)`` with ``nlp = build_pipeline()`` built
once, outside the timing. Both are warmed up on all the texts first. Then, batch by batch,
bare and full run on the same batch one right after the other, R times; each batch's best
time counts and the batches add up. Pairing them batch by batch keeps the ratio honest on
a shared machine, whose speed drifts (2x within a minute here) while one long run of each
would be timed under different loads. The ratio is taken on CPU time (``process_time``):
the work done, not the time spent waiting for a core; wall-clock figures are shown too.
The target for full/bare is at most 3x.

Per component (CPU time): batch by batch, as ``nlp.pipe`` does, every repeat tokenises the
texts with the pipeline's own tokenizer, runs each component of ``nlp.pipe_names`` (read at
run time) in turn, timing each one, then ``doc_extraction`` turns the docs into records.
Best of R for each row; the rows add up to about the full run.

Prints a Markdown table; ``--json OUT`` also writes the numbers. ``--max-ratio X`` exits 1
when full/bare is above X (for CI); otherwise the exit status is 0 whatever the speed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 3.0


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call of ``fn``."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def paired_times(runs: dict[str, Callable[[int, int], object]], size: int, repeat: int,
                 batch_size: int) -> dict[str, tuple[float, float]]:
    """For each run, (CPU seconds, wall seconds) over all items: batch by batch, the runs
    one after the other on the same batch, ``repeat`` times; each batch's best counts."""
    best = {name: [(float("inf"), float("inf"))] * ((size + batch_size - 1) // batch_size)
            for name in runs}
    for _ in range(repeat):
        gc.collect()
        for b, start in enumerate(range(0, size, batch_size)):
            for name, run in runs.items():
                cpu, wall = timed(lambda run=run, start=start: run(start, start + batch_size))
                best[name][b] = (min(best[name][b][0], cpu), min(best[name][b][1], wall))
    return {name: (sum(c for c, _ in times), sum(w for _, w in times))
            for name, times in best.items()}


def consume(items: Iterable[object]) -> None:
    deque(items, maxlen=0)


def component_times(nlp: Any, papers: Sequence[Any], texts: Sequence[str], repeat: int,
                    batch_size: int) -> list[tuple[str, float]]:
    """(stage, best seconds) for the tokenizer, each pipe in order, and record building,
    batch by batch as ``nlp.pipe`` runs them."""
    from kg import extract

    to_records = getattr(extract, "doc_extraction", None)
    stages = ["tokenizer (pipeline's own)", *nlp.pipe_names]
    stages += ["records (doc_extraction)"] if to_records is not None else []
    best = dict.fromkeys(stages, float("inf"))
    for _ in range(repeat):
        gc.collect()
        spent = dict.fromkeys(stages, 0.0)
        for i in range(0, len(texts), batch_size):
            start = time.process_time()
            docs = [nlp.make_doc(text) for text in texts[i:i + batch_size]]
            spent[stages[0]] += time.process_time() - start
            for name, proc in nlp.pipeline:
                start = time.process_time()
                if hasattr(proc, "pipe"):
                    docs = list(proc.pipe(docs, batch_size=batch_size))
                else:
                    docs = [proc(doc) for doc in docs]
                spent[name] += time.process_time() - start
            if to_records is not None:
                start = time.process_time()
                consume(to_records(p, d) for p, d in zip(papers[i:i + batch_size], docs,
                                                         strict=True))
                spent[stages[-1]] += time.process_time() - start
        best = {name: min(best[name], spent[name]) for name in stages}
    return list(best.items())


def run(n: int, repeat: int, seed: int, components: Sequence[str] | None,
        batch_size: int) -> dict[str, Any]:
    import spacy

    from kg.extract import build_pipeline, extract_papers, paper_text
    from kg.synth import synthetic_papers

    start = time.perf_counter()
    papers = synthetic_papers(n, seed)
    made = time.perf_counter() - start
    texts = [paper_text(p) for p in papers]

    bare = spacy.blank("en")
    nlp = build_pipeline(components) if components is not None else build_pipeline()
    consume(bare.pipe(texts, batch_size=batch_size))  # warm-up: vocabularies, caches
    extract_papers(papers, nlp, batch_size=batch_size)
    times = paired_times({
        "bare": lambda i, j: consume(bare.pipe(texts[i:j], batch_size=batch_size)),
        "full": lambda i, j: extract_papers(papers[i:j], nlp, batch_size=batch_size),
    }, n, repeat, batch_size)
    (bare_s, bare_wall), (full_s, full_wall) = times["bare"], times["full"]

    stages = component_times(nlp, papers, texts, repeat, batch_size)
    return {
        "papers": n, "seed": seed, "repeat": repeat, "batch_size": batch_size,
        "words_per_paper": round(sum(len(t.split()) for t in texts) / max(n, 1), 1),
        "generate_seconds": round(made, 4),
        "pipe_names": list(nlp.pipe_names),
        "clock": "process_time (CPU seconds), batches paired",
        "bare": {"seconds": bare_s, "per_second": n / bare_s if bare_s else None,
                 "wall_seconds": bare_wall},
        "full": {"seconds": full_s, "per_second": n / full_s if full_s else None,
                 "wall_seconds": full_wall},
        "ratio": full_s / bare_s if bare_s else None,
        "wall_ratio": full_wall / bare_wall if bare_wall else None,
        "target_ratio": TARGET_RATIO,
        "components": [{"name": name, "seconds": s, "share_of_full": s / full_s if full_s
                        else None} for name, s in stages],
        "python": platform.python_version(), "spacy": spacy.__version__,
        "cpus": os.cpu_count(), "machine": platform.machine(),
    }


def markdown(r: dict[str, Any]) -> str:
    def rate(seconds: float) -> str:
        return f"{r['papers'] / seconds:,.0f}" if seconds else "-"

    lines = [
        f"## Extraction: {r['papers']} synthetic papers (seed {r['seed']}, "
        f"~{r['words_per_paper']:.0f} words each), best of {r['repeat']} per batch of "
        f"{r['batch_size']}, bare and full paired batch by batch",
        "",
        "| run | CPU seconds | abstracts/s (CPU) | wall seconds |",
        "|---|---:|---:|---:|",
        f"| bare: spacy.blank(\"en\").pipe | {r['bare']['seconds']:.3f} | "
        f"{rate(r['bare']['seconds'])} | {r['bare']['wall_seconds']:.3f} |",
        f"| full: kg.extract.extract_papers | {r['full']['seconds']:.3f} | "
        f"{rate(r['full']['seconds'])} | {r['full']['wall_seconds']:.3f} |",
        "",
    ]
    ratio = r["ratio"]
    verdict = "OK" if ratio is not None and ratio <= TARGET_RATIO else "ABOVE TARGET"
    lines += [f"ratio full/bare: {ratio:.2f}x (target <= {TARGET_RATIO:g}x): {verdict} "
              f"(CPU time; wall clock {r['wall_ratio']:.2f}x)", ""]
    lines += ["| stage (CPU) | seconds | abstracts/s | share of full |",
              "|---|---:|---:|---:|"]
    for c in r["components"]:
        share = f"{c['share_of_full']:.0%}" if c["share_of_full"] is not None else "-"
        lines.append(f"| {c['name']} | {c['seconds']:.3f} | {rate(c['seconds'])} | {share} |")
    total = sum(c["seconds"] for c in r["components"])
    lines.append(f"| (sum of stages) | {total:.3f} | {rate(total)} | "
                 f"{total / r['full']['seconds']:.0%} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=2000, metavar="N",
                        help="synthetic papers to extract from (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, metavar="R",
                        help="timed runs of each batch and stage; the best counts (default 3)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the numbers here")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--components", metavar="A,B",
                        help="pipeline components (default: kg.extract.DEFAULT_COMPONENTS)")
    parser.add_argument("--batch-size", type=int, default=256, metavar="B")
    parser.add_argument("--max-ratio", type=float, metavar="X",
                        help="exit 1 when full/bare is above X")
    args = parser.parse_args(argv)
    if args.papers < 1 or args.repeat < 1 or args.batch_size < 1:
        parser.error("--papers, --repeat and --batch-size must be at least 1")
    if str(ROOT) not in sys.path:  # run from a checkout without installing
        sys.path.insert(0, str(ROOT))
    components = args.components.split(",") if args.components is not None else None
    result = run(args.papers, args.repeat, args.seed, components, args.batch_size)
    print(markdown(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.max_ratio is not None and result["ratio"] > args.max_ratio:
        print(f"error: full/bare ratio {result['ratio']:.2f}x is above {args.max_ratio:g}x",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
