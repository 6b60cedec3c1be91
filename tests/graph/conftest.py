"""Small hand-made records for the graph tests (no reader involved)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from rdflib import Graph, Literal, URIRef

from kg.graph.build import paper_graph
from kg.graph.iris import (
    entity_iri,
    mention_iri,
    mention_selector_iri,
    mention_target_iri,
    paper_iri,
    result_iri,
)
from kg.graph.vocab import KG, OA, RDF, RDFS, XSD
from kg.records import Paper, ProfileStats, SourceSpan

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


def add_extractions(g: Graph) -> dict[str, URIRef]:
    """Triples shaped as the extraction stage is to emit them (entities, a mention, a
    relation, a result), added to a graph built from the records above."""
    paper = paper_iri(ERNIE)
    model = entity_iri("Model", "ernielayout")
    base = entity_iri("Model", "ernie")
    dataset = entity_iri("Dataset", "funsd")
    metric = entity_iri("Metric", "f1")
    for node, cls, label, key in ((model, KG.Model, "ERNIE-Layout", "ernielayout"),
                                  (base, KG.Model, "ERNIE", "ernie"),
                                  (dataset, KG.Dataset, "FUNSD", "funsd"),
                                  (metric, KG.Metric, "F1", "f1")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, KG.normalizedKey, Literal(key)))
        g.add((paper, KG.mentions, node))
    g.add((model, KG.basedOn, base))
    g.add((model, KG.evaluatedOn, dataset))
    g.add((model, KG.successorOf, base))

    mention = mention_iri(paper, "Model", 66, 78)
    target, selector = mention_target_iri(mention), mention_selector_iri(mention)
    g.add((paper, KG.mention, mention))
    g.add((mention, RDF.type, KG.Mention))
    g.add((mention, KG.mentionOf, model))
    g.add((mention, KG.extractor, Literal("kg_models:pattern")))
    g.add((mention, KG.surfaceForm, Literal("ERNIE-Layout")))
    g.add((mention, OA.hasTarget, target))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, paper))
    g.add((target, OA.hasSelector, selector))
    g.add((selector, RDF.type, OA.TextPositionSelector))
    g.add((selector, OA.start, Literal(66, datatype=XSD.nonNegativeInteger)))
    g.add((selector, OA.end, Literal(78, datatype=XSD.nonNegativeInteger)))

    result = result_iri(paper, "ernielayout", "funsd", "f1", 93.12, "%")
    g.add((paper, KG.result, result))
    g.add((result, RDF.type, KG.Result))
    g.add((result, KG.evaluatedModel, model))
    g.add((result, KG.onDataset, dataset))
    g.add((result, KG.underMetric, metric))
    g.add((result, KG.value, Literal("93.12", datatype=XSD.decimal)))
    g.add((result, KG.unit, Literal("%")))
    return {"paper": paper, "model": model, "base": base, "dataset": dataset,
            "metric": metric, "mention": mention, "selector": selector, "result": result}


@pytest.fixture
def extracted(graph) -> tuple[Graph, dict[str, URIRef]]:
    return graph, add_extractions(graph)
