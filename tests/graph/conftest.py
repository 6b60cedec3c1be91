"""Small hand-made records for the graph tests (no reader involved)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from rdflib import Graph, URIRef

from kg.entities import resolve_entities
from kg.graph.build import paper_graph
from kg.graph.extractions import add_extractions as graph_extractions
from kg.graph.iris import entity_iri, mention_iri, mention_selector_iri, paper_iri, result_iri
from kg.records import Extraction, Mention, Paper, ProfileStats, Relation, Result, SourceSpan

PROFILE_FILE = "seeds/profile.txt"

ERNIE = Paper(
    abstract="Recent years have witnessed the rise of pre-training. We propose ERNIE-Layout.",
    sources=(SourceSpan(PROFILE_FILE, 10, 14, "profile"),
             SourceSpan("seeds/dump.txt", 1, 1, "abstracts")),
    title="ERNIE-Layout: Layout Knowledge Enhanced Pre-training",
    authors=("Hua Wu", "Haifeng Wang", "Yu Sun"),
    authors_truncated=True,
    organization="Baidu",
    category="CL",
    date=dt.date(2022, 10, 12),
    has_code=True,
)

VILG = Paper(
    abstract="Recent progress in diffusion models has revolutionized image generation.",
    sources=(SourceSpan(PROFILE_FILE, 16, 20, "profile"),),
    title="ERNIE-ViLG 2.0",
    authors=("Hua  WU", "Ann Lee"),
    organization="baidu",
    category="CV",
    date=dt.date(2026, 2, 4),
    year_inferred=True,
    score=61.5,
)

ODD = Paper(
    abstract='Ünïcode — “quotes”, a "backslash" \\ and a\nnewline: every byte kept.',
    sources=(SourceSpan("seeds/pairs.txt", 3, 4, "pairs"),),
    has_code=False,
)

OWNED = ProfileStats(
    source=SourceSpan(PROFILE_FILE, 1, 8, "profile"),
    owner="Hua Wu", category="CL", h_index=45, papers=13, citations=1055,
    novelty=60.0, ai_score=61.0, listed=13,
)

UNOWNED = ProfileStats(source=SourceSpan("seeds/other.txt", 1, 3, "profile"), h_index=0)


@pytest.fixture
def rec() -> SimpleNamespace:
    """The records above, by name."""
    return SimpleNamespace(ERNIE=ERNIE, VILG=VILG, ODD=ODD, OWNED=OWNED, UNOWNED=UNOWNED,
                           PROFILE_FILE=PROFILE_FILE)


@pytest.fixture
def papers() -> list[Paper]:
    return [ERNIE, VILG, ODD]


@pytest.fixture
def profiles() -> list[ProfileStats]:
    return [OWNED, UNOWNED]


@pytest.fixture
def graph(papers, profiles) -> Graph:
    return paper_graph(papers, profiles)


EXTRACTIONS = {
    "ERNIE": Extraction(
        mentions=(Mention("title", 0, 12, "Model", "ERNIE-Layout", "kg_models:pattern"),
                  Mention("abstract", 65, 77, "Model", "ERNIE-Layout", "kg_models:pattern")),
        relations=(Relation("ERNIE-Layout", "basedOn", "ERNIE", "abstract", 54, 78,
                            "kg_lineage:based_on"),
                   Relation("ERNIE-Layout", "evaluatedOn", "FUNSD", "abstract", 54, 78,
                            "kg_lineage:evaluated_on")),
        results=(Result("ERNIE-Layout", "FUNSD", "F1", 93.12, "%", "abstract", 54, 78,
                        "kg_results:pattern"),),
    ),
    "VILG": Extraction(
        mentions=(Mention("title", 0, 14, "Model", "ERNIE-ViLG 2.0", "kg_models:pattern"),),
        relations=(Relation("ERNIE-ViLG 2.0", "basedOn", "ERNIE-ViLG", "abstract", 0, 72,
                            "kg_lineage:based_on"),),
    ),
    "ODD": Extraction(),
}


def add_extractions(g: Graph) -> dict[str, URIRef]:
    """The extraction stage's output for hand-made records (EXTRACTIONS) added to a graph
    built from the papers above; the names of some of its nodes."""
    papers = [ERNIE, VILG, ODD]
    extractions = [EXTRACTIONS[k] for k in ("ERNIE", "VILG", "ODD")]
    graph_extractions(g, papers, extractions, resolve_entities(extractions))
    paper = paper_iri(ERNIE)
    mention = mention_iri(paper, "abstract", "Model", 65, 77, "ernielayout")
    return {"paper": paper, "model": entity_iri("Model", "ernielayout"),
            "base": entity_iri("Model", "ernie"), "dataset": entity_iri("Dataset", "funsd"),
            "metric": entity_iri("Metric", "f1"), "mention": mention,
            "selector": mention_selector_iri(mention), "start": 65,
            "result": result_iri(paper, "ernielayout", "funsd", "f1", 93.12, "%")}


@pytest.fixture
def extracted(graph) -> tuple[Graph, dict[str, URIRef]]:
    return graph, add_extractions(graph)
