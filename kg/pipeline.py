"""The build, stage by stage: read → merge → graph → validate → write."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF

from kg.config import Settings
from kg.errors import InputError, KgError, ValidationError
from kg.graph.build import paper_graph
from kg.graph.io import write_graph
from kg.graph.validate import validate_graph
from kg.graph.vocab import KG
from kg.read import read_paths
from kg.resolve import merge_papers


@dataclass(frozen=True, slots=True)
class BuildReport:
    papers: int
    people: int
    triples: int
    violations: int
    errors: tuple[InputError, ...]
    written: bool


def build(paths: Sequence[str | Path], out_dir: Path, settings: Settings,
          progress: Callable[[list], Iterable] | None = None) -> BuildReport:
    """Build the graph of ``paths`` into ``out_dir``.

    Bad files and records are reported in the result, and the good ones are still built
    unless ``settings.strict``. Nothing is written when the graph does not conform to the
    shapes (ValidationError) or when no paper could be read.
    """
    read = read_paths(paths, settings, progress=progress)
    if settings.strict and read.errors:
        return BuildReport(0, 0, 0, 0, read.errors, written=False)
    papers = merge_papers(read.papers)
    if not papers:
        if read.errors:
            return BuildReport(0, 0, 0, 0, read.errors, written=False)
        raise KgError("no papers found in " + ", ".join(str(p) for p in paths))
    graph = paper_graph(papers, read.profiles)
    outcome = validate_graph(graph)
    if not outcome.conforms:
        raise ValidationError(outcome.report, outcome.count)
    write_graph(graph, out_dir)
    people = len(set(graph.subjects(RDF.type, KG.Person)))
    return BuildReport(len(papers), people, len(graph), 0, read.errors, written=True)


def extraction_rows(paths: Sequence[str | Path], settings: Settings,
                    ) -> tuple[list[dict], tuple[InputError, ...]]:
    """One JSON-ready row per distinct paper (the format ``kg extract`` writes and
    ``kg eval`` and ``../shared/tools/score.py`` read), and the input errors."""
    from kg.extract import extract_papers

    read = read_paths(paths, settings)
    if settings.strict and read.errors:
        return [], read.errors
    papers = merge_papers(read.papers)
    rows = []
    for paper, found in zip(papers, extract_papers(papers), strict=True):
        rows.append({
            "title": paper.title,
            "authors": list(paper.authors),
            "date": paper.date.isoformat() if paper.date else None,
            "abstract": paper.abstract,
            "sources": [f"{s.path}:{s.start_line}-{s.end_line}" for s in paper.sources],
            "entities": [{"name": m.name, "type": m.type, "field": m.field, "start": m.start,
                          "end": m.end, "rule": m.rule} for m in found.mentions],
            "relations": [{"subject": r.subject, "predicate": r.predicate, "object": r.object,
                           "rule": r.rule} for r in found.relations],
            "results": [{"model": r.model, "dataset": r.dataset, "metric": r.metric,
                         "value": r.value, "unit": r.unit, "rule": r.rule}
                        for r in found.results],
        })
    return rows, read.errors
