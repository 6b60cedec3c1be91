"""``kg build --store DIR``: the build written to an Oxigraph store instead of graph files."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import RDF

from kg.config import Settings
from kg.errors import KgError, ValidationError
from kg.graph.io import ntriples_bytes
from kg.graph.vocab import KG
from kg.pipeline import BuildReport, extraction_counts
from kg.read import read_paths
from kg.resolve import merge_papers
from kg.store.analyse import analyse_store
from kg.store.disk import write_store
from kg.store.validate import validate_store

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["build_store"]


def build_store(paths: Sequence[str | Path], out: Path, settings: Settings,
                progress: Callable[[list], Iterable] | None = None, *,
                nlp: Language | None = None) -> BuildReport:
    """Build the graph of ``paths`` (as :func:`kg.pipeline.build` does: extraction,
    analytics, SHACL validation) into the store directory ``out``: the graph bulk-loaded
    from N-Triples, then analysed (:mod:`kg.store.analyse`) and validated by SPARQL
    (:mod:`kg.store.validate`) in the new store. Nothing is written when the graph does
    not conform or no paper was read; the store at ``out`` is replaced only when the new
    one is complete."""
    from kg.entities import resolve_entities
    from kg.extract import extract_papers
    from kg.graph.build import paper_graph
    from kg.graph.extractions import add_extractions

    started = time.monotonic()
    read = read_paths(paths, settings, progress=progress)
    if settings.strict and read.errors:
        return BuildReport(0, 0, 0, 0, read.errors, written=False)
    papers = merge_papers(read.papers)
    if not papers:
        if read.errors:
            return BuildReport(0, 0, 0, 0, read.errors, written=False)
        raise KgError("no papers found in " + ", ".join(str(p) for p in paths))
    graph = paper_graph(papers, read.profiles)
    extractions = extract_papers(papers, nlp)
    add_extractions(graph, papers, extractions, resolve_entities(extractions))
    people = len(set(graph.subjects(RDF.type, KG.Person)))
    counts = extraction_counts(graph)
    triples = 0

    def fill(store: ox.Store, work: Path) -> dict:
        nonlocal triples
        nt = work / "graph.nt"
        nt.write_bytes(ntriples_bytes(graph))
        store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        analyse_store(store, seed=0)
        outcome = validate_store(store)
        if not outcome.conforms:
            raise ValidationError(outcome.report, outcome.count)
        triples = len(store)
        return {"papers": len(papers), "people": people, "triples": triples,
                "seconds": round(time.monotonic() - started, 1), **counts}

    write_store(out, fill)
    return BuildReport(len(papers), people, triples, 0, read.errors, written=True,
                       **counts)
