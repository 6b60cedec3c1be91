"""Extraction on several cores: the papers cut into chunks, each chunk extracted by a
worker process with its own pipeline, the records gathered back in order.

Only :class:`~kg.records.Paper` records go to the workers and only
:class:`~kg.records.Extraction` records come back (never a spaCy Doc), so the result is
the same list, in the same order, as :func:`kg.extract.extract_papers` gives in one
process: extraction reads one paper at a time, and the pipeline is built the same way in
every worker. Workers start with ``forkserver`` (not ``fork``): a large build's parent
process may hold gigabytes that a forked child would share page by page.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from kg.extract import build_pipeline, extract_papers
from kg.records import Extraction, Paper

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["CHUNK_SIZE", "MIN_PAPERS_PER_JOB", "default_jobs", "extract_all",
           "extract_in_processes"]

#: Papers per task sent to a worker.
CHUNK_SIZE = 250
#: Below this many papers per extra worker, starting it (and its pipeline) costs more
#: than it saves.
MIN_PAPERS_PER_JOB = 1000

_nlp = None  # the worker's pipeline


def default_jobs(papers: int) -> int:
    """Worker processes for ``papers`` papers when the user does not say: one per CPU this
    process may use, but none beyond one per ``MIN_PAPERS_PER_JOB`` papers."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cpus or 1, papers // MIN_PAPERS_PER_JOB))


def extract_all(papers: Sequence[Paper], jobs: int = 0,
                nlp: Language | None = None) -> list[Extraction]:
    """One Extraction per paper, in order: with ``nlp`` (a pipeline of the caller's) in this
    process, else by ``jobs`` processes (0: :func:`default_jobs`)."""
    if nlp is not None:
        return extract_papers(papers, nlp)
    return extract_in_processes(papers, jobs or default_jobs(len(papers)))


def extract_in_processes(papers: Sequence[Paper], jobs: int,
                         chunk_size: int = CHUNK_SIZE) -> list[Extraction]:
    """One Extraction per paper, in order, computed by ``jobs`` worker processes (in this
    process when ``jobs`` is 1 or there is only one chunk)."""
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    chunks = [papers[i:i + chunk_size] for i in range(0, len(papers), chunk_size)]
    if jobs == 1 or len(chunks) < 2:
        return extract_papers(papers)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(min(jobs, len(chunks)), mp_context=context,
                             initializer=_start_worker) as pool:
        return [found for part in pool.map(_extract_chunk, chunks) for found in part]


def _start_worker() -> None:
    global _nlp
    _nlp = build_pipeline()


def _extract_chunk(papers: Sequence[Paper]) -> list[Extraction]:
    return extract_papers(papers, _nlp)
