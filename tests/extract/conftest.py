import pytest

from kg.extract import build_pipeline, extract_papers
from kg.records import Paper, SourceSpan


@pytest.fixture(scope="session")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Extract from a hand-written abstract (and title): returns the Extraction."""

    def run(abstract: str, title: str | None = None):
        paper = Paper(abstract, (SourceSpan("t", 1, 1, "jsonl"),), title=title)
        return extract_papers([paper], nlp)[0]

    return run


def names(extraction, type_name=None):
    return {m.name for m in extraction.mentions if type_name in (None, m.type)}


def typed(extraction):
    return {(m.name, m.type) for m in extraction.mentions}
