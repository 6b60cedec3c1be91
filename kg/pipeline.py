"""The build, stage by stage: read → merge → extract → resolve → graph → validate → write."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, Graph

from kg.config import Settings
from kg.entities import resolve_entities
from kg.errors import InputError, KgError, ValidationError
from kg.graph.build import paper_graph
from kg.graph.extractions import add_extractions
from kg.graph.io import write_graph
from kg.graph.validate import validate_graph
from kg.graph.vocab import ENTITY_CLASSES, KG
from kg.read import ReadResult, read_paths
from kg.records import RELATIONS, Paper
from kg.resolve import merge_papers

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did. ``entities``, ``mentions``, ``relations`` (distinct lineage
    triples, successorOf included) and ``results`` count nodes of the written graph; they
    are 0 when nothing was written or extraction was off."""

    papers: int
    people: int
    triples: int
    violations: int
    errors: tuple[InputError, ...]
    written: bool
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    results: int = 0
    reused: int = 0  # papers whose extraction a store build took from its cache
    warnings: tuple[str, ...] = ()  # what the build chose to ignore (a bad cache), said once


def read_papers(paths: Sequence[str | Path], settings: Settings,
                progress: Callable[[list], Iterable] | None = None,
                ) -> tuple[list[Paper], ReadResult]:
    """The merged papers of ``paths`` and what reading found: no papers when an input error
    meets ``settings.strict`` or no file could be read; a KgError when the paths hold no
    paper and no error either."""
    read = read_paths(paths, settings, progress=progress)
    if settings.strict and read.errors:
        return [], read
    papers = merge_papers(read.papers)
    if not papers and not read.errors:
        raise KgError("no papers found in " + ", ".join(str(p) for p in paths))
    return papers, read


def build(paths: Sequence[str | Path], out_dir: Path, settings: Settings,
          progress: Callable[[list], Iterable] | None = None, *, extract: bool = True,
          analyse: bool = True, nlp: Language | None = None,
          views: bool = True) -> BuildReport:
    """Build the graph of ``paths`` into ``out_dir``.

    Bad files and records are reported in the result, and the good ones are still built
    unless ``settings.strict``. Nothing is written when the graph does not conform to the
    shapes (ValidationError) or when no paper could be read. With ``extract`` (the default)
    the extractors (``nlp``, default ``kg.extract.build_pipeline()``) run on every paper and
    their entities, mentions, relations and results go into the graph. With ``views`` (the
    default) the HTML views (:mod:`kg.view`) are written beside the graph too.
    """
    papers, read = read_papers(paths, settings, progress)
    if not papers:
        return BuildReport(0, 0, 0, 0, read.errors, written=False)
    graph = paper_graph(papers, read.profiles)
    if extract:
        from kg.extract.parallel import extract_all  # spaCy loads only when extraction runs

        extractions = extract_all(papers, settings.jobs, nlp)
        add_extractions(graph, papers, extractions, resolve_entities(extractions))
    if analyse:
        from kg.analyse import analyse_graph

        analyse_graph(graph, seed=0)
    outcome = validate_graph(graph)
    if not outcome.conforms:
        raise ValidationError(outcome.report, outcome.count)
    pages = None
    if views:  # rendered before anything is written: a failure leaves the old build
        from kg.view import render_views

        pages = render_views(graph, max_nodes=settings.view_max_nodes)
    write_graph(graph, out_dir)
    if pages is not None:
        from kg.view import write_pages

        write_pages(pages, out_dir)
    people = len(set(graph.subjects(RDF.type, KG.Person)))
    return BuildReport(len(papers), people, len(graph), 0, read.errors, written=True,
                       **extraction_counts(graph))


def extraction_counts(g: Graph) -> dict[str, int]:
    """Entities (nodes of any entity class), mentions, distinct lineage triples and results
    in ``g``."""
    entities = {s for cls in ENTITY_CLASSES.values() for s in g.subjects(RDF.type, cls)}
    lineage = {t for p in (*RELATIONS, "successorOf") for t in g.triples((None, KG[p], None))}
    return {"entities": len(entities),
            "mentions": len(set(g.subjects(RDF.type, KG.Mention))),
            "relations": len(lineage),
            "results": len(set(g.subjects(RDF.type, KG.Result)))}


def extraction_rows(paths: Sequence[str | Path], settings: Settings,
                    ) -> tuple[list[dict], tuple[InputError, ...]]:
    """One JSON-ready row per distinct paper (the format ``kg extract`` writes and
    ``kg eval`` and ``../shared/tools/score.py`` read), and the input errors."""
    from kg.extract.parallel import extract_all
    from kg.extract.repos import organization_name

    read = read_paths(paths, settings)
    if settings.strict and read.errors:
        return [], read.errors
    papers = merge_papers(read.papers)
    rows = []
    for paper, found in zip(papers, extract_all(papers, settings.jobs), strict=True):
        entities = [{"name": m.name, "type": m.type, "field": m.field, "start": m.start,
                     "end": m.end, "rule": m.rule} for m in found.mentions]
        if paper.organization:  # the author line's "· org" tag
            entities.append({"name": organization_name(paper.organization),
                             "type": "Organization", "field": "organization", "start": 0,
                             "end": len(paper.organization), "rule": "author-line"})
        rows.append({
            "title": paper.title,
            "authors": list(paper.authors),
            "date": paper.date.isoformat() if paper.date else None,
            "abstract": paper.abstract,
            "sources": [f"{s.path}:{s.start_line}-{s.end_line}" for s in paper.sources],
            "entities": entities,
            "relations": [{"subject": r.subject, "predicate": r.predicate, "object": r.object,
                           "rule": r.rule} for r in found.relations],
            "results": [{"model": r.model, "dataset": r.dataset, "metric": r.metric,
                         "value": r.value, "unit": r.unit, "rule": r.rule}
                        for r in found.results],
        })
    return rows, read.errors
