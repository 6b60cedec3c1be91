"""Synthetic corpora: realistic-looking machine-learning papers for benchmarks and tests.

Everything is drawn from one ``random.Random(seed)`` per call, so the same seed always gives
the same papers and the same files. Names of datasets, metrics, tasks, methods, software,
hardware, organisations and baseline models come from the extractor lexicons
(``kg/extract/lexicons/*.txt``, read by a tiny reader of this package's own); the proposed
models are invented families with successive versions and sizes (``Lumora-Net v2``,
``KavLM-7B``, ``Tarix 2.0``, ``QRT-DETR-L``). Authors come from a pool with a heavy-tailed
(Zipf-like) productivity: a few people sign many papers, most sign one or two.

>>> papers = synthetic_papers(3, seed=1)
>>> all(120 <= len(p.abstract.split()) <= 300 for p in papers)
True
>>> synthetic_papers(3, seed=1) == papers
True
"""

from kg.synth.corpus import CORPUS_LAYOUTS, write_corpus
from kg.synth.papers import synthetic_papers
from kg.synth.words import LexiconEntry, lexicon_entries

__all__ = ["CORPUS_LAYOUTS", "LexiconEntry", "lexicon_entries", "synthetic_papers",
           "write_corpus"]
