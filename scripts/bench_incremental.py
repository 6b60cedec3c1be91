"""Time adding one listing to a store (``kg build --store DIR --add``) against a full rebuild.

    python scripts/bench_incremental.py --papers 1000 --added 50 [-o DIR]

Writes a synthetic corpus of ``--papers`` papers (kg.synth, seed 0) and a JSON Lines listing
of ``--added`` other synthetic papers plus a few papers of the corpus again, builds a store
of the corpus, then adds the listing to it and, separately, builds a store of both from
scratch. Prints the seconds of each stage of both builds and checks that the two stores hold
the same triples.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's kg, not an installed one


def _listing(path: Path, added: int, again: list) -> None:
    """``added`` synthetic papers of another seed, then the papers of ``again``."""
    from kg.synth import synthetic_papers

    papers = synthetic_papers(added, seed=1) + again
    rows = [{"title": p.title, "authors": list(p.authors), "abstract": p.abstract,
             "date": p.date.isoformat() if p.date else None} for p in papers]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


def _triples(store: Path) -> list[str]:
    import pyoxigraph as ox

    return sorted(str(ox.Triple(q.subject, q.predicate, q.object)) for q in
                  ox.Store.read_only(str(store / "oxigraph")).quads_for_pattern(None, None, None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--added", type=int, default=50)
    parser.add_argument("-o", "--output", help="work directory (default: a temporary one)")
    args = parser.parse_args()

    from kg.config import Settings
    from kg.extract import build_pipeline
    from kg.store.build import build_store
    from kg.store.incremental import added_inputs
    from kg.synth import synthetic_papers, write_corpus

    work = Path(args.output or tempfile.mkdtemp(prefix="kg-incremental-"))
    corpus, listing = work / "corpus", work / "added.jsonl"
    write_corpus(args.papers, corpus, seed=0)
    _listing(listing, args.added, synthetic_papers(args.papers, seed=0)[:5])
    nlp = build_pipeline()
    settings = Settings()

    def timed(paths: list, out: Path) -> tuple[dict[str, float], object]:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        report = build_store(paths, out, settings, nlp=nlp, timings=timings)
        timings["total"] = time.perf_counter() - started
        return timings, report

    base, _ = timed([corpus], work / "store")
    added, report = timed(added_inputs(work / "store", [listing], settings.capture_year),
                          work / "store")
    full, whole = timed([corpus, listing], work / "full")
    assert _triples(work / "store") == _triples(work / "full"), "the stores differ"
    print(f"{args.papers} papers + a listing of {args.added} new papers and 5 known ones: "
          f"{report.papers} papers after adding, {report.papers - report.reused} extracted "
          f"(full rebuild: {whole.papers - whole.reused}); the same {whole.triples} triples")
    print("| stage | first build (corpus) | add the listing | full rebuild |")
    print("|---|---:|---:|---:|")
    for stage in full:
        print(f"| {stage} | {base.get(stage, 0):.1f} | {added.get(stage, 0):.1f} | "
              f"{full[stage]:.1f} |")


if __name__ == "__main__":
    main()
