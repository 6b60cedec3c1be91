"""A small hand-made corpus with mentions and comparisons (tests/data/analyse/corpus.json),
built into a graph through the real records → graph path (paper_graph, resolve_entities,
add_extractions)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph

from kg.entities import resolve_entities
from kg.graph.build import paper_graph
from kg.graph.extractions import add_extractions
from kg.records import Extraction, Mention, Paper, Relation, SourceSpan

CORPUS = json.loads((Path(__file__).parents[1] / "data" / "analyse" / "corpus.json")
                    .read_text(encoding="utf-8"))


def _records(keys: list[str]) -> tuple[list[Paper], list[Extraction]]:
    papers, extractions = [], []
    for key in keys:
        spec = CORPUS["papers"][key]
        i = sorted(CORPUS["papers"]).index(key)  # its place in the file, whatever the order
        abstract = spec["abstract"]
        papers.append(Paper(abstract, (SourceSpan("corpus.txt", 2 * i + 1, 2 * i + 2,
                                                  "pairs"),),
                            title=spec["title"], authors=(f"Author {key}",)))
        mentions = tuple(
            Mention("abstract", *re.search(rf"\b{re.escape(name)}\b", abstract).span(),
                    CORPUS["types"][name], name, "test:rule")
            for name in spec["mentions"])
        relations = tuple(Relation(s, "comparedWith", o, "abstract", 0, len(abstract),
                                   "test:rule") for s, o in spec["comparisons"])
        extractions.append(Extraction(mentions=mentions, relations=relations))
    return papers, extractions


def _build(keys: list[str]) -> tuple[Graph, dict[str, Paper]]:
    papers, extractions = _records(keys)
    g = paper_graph(papers, [])
    add_extractions(g, papers, extractions, resolve_entities(extractions))
    return g, dict(zip(keys, papers, strict=True))


@pytest.fixture
def corpus_spec() -> dict:
    """The corpus as written: {"types": {name: type}, "papers": {key: {...}}}."""
    return CORPUS


@pytest.fixture
def build_corpus() -> Callable[..., tuple[Graph, dict[str, Paper]]]:
    """``build_corpus(reverse=False)`` → (graph, papers by key), the records given in key
    order or reversed."""
    return lambda reverse=False: _build(sorted(CORPUS["papers"], reverse=reverse))


@pytest.fixture
def corpus(build_corpus) -> tuple[Graph, dict[str, Paper]]:
    return build_corpus()
