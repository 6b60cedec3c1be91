"""``kg bench``: how fast the build is, and how its cost grows with the corpus.

A synthetic corpus (:mod:`kg.synth`) of each size is written in the seed layouts and as
JSON Lines; a fresh process per size times each stage (:mod:`kg.bench.stages`), each
analytics measure and each named SPARQL query, records its peak RSS, and measures two
references on the same data (bare spaCy tokenisation, a plain N-Triples parse), so that
every figure is also given as a ratio that holds on a noisy machine. The results go to
``bench.json``, ``bench.md`` and ``bench.png`` (:mod:`kg.bench.report`).

``backend="store"`` (``kg bench --backend store``) measures the Oxigraph store build
(``kg build --store``) instead, with Oxigraph's bulk load as the graph reference
(:mod:`kg.bench.store`).
"""

from kg.bench.run import run_bench
from kg.bench.stages import MEMORY_STAGES, Stage, select_stages

__all__ = ["MEMORY_STAGES", "Stage", "run_bench", "select_stages"]
