"""Extraction in worker processes gives exactly what one process gives."""

import pytest

from kg.config import Settings, load_settings
from kg.errors import KgError
from kg.extract import extract_papers
from kg.extract.parallel import MIN_PAPERS_PER_JOB, default_jobs, extract_in_processes
from kg.pipeline import read_papers


@pytest.fixture(scope="module")
def seed_papers():
    papers, _ = read_papers(["seeds"], Settings())
    return papers


def test_workers_give_the_same_records_in_the_same_order(seed_papers, nlp):
    alone = extract_papers(seed_papers, nlp)
    assert any(found.relations for found in alone) and any(found.results for found in alone)
    assert extract_in_processes(seed_papers, 2, chunk_size=16) == alone


def test_small_builds_stay_in_one_process():
    assert default_jobs(10) == 1
    assert default_jobs(MIN_PAPERS_PER_JOB - 1) == 1
    assert 1 <= default_jobs(100 * MIN_PAPERS_PER_JOB) <= 100


def test_jobs_must_be_positive(seed_papers):
    with pytest.raises(ValueError, match="at least 1"):
        extract_in_processes(seed_papers, 0)
    with pytest.raises(KgError, match="'jobs'"):
        load_settings(jobs=-1)
