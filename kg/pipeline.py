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
