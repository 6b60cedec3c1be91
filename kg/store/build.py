"""``kg build --store DIR``: the build written to an Oxigraph store instead of graph files.

The build streams: after reading and merging, papers are extracted (in worker processes
for a large build, :mod:`kg.extract.parallel`; only the compact
:class:`~kg.records.Extraction` records are kept, not the spaCy docs), entities are resolved
across all papers, and then each batch's own triples (the paper, its sources, authorships,
mentions with their selectors, relation statements, results) are written as N-Triples to
files in the new store's scratch directory and dropped. The cross-paper part (people's and
organisations' display names, entities with their aliases and families, successorOf,
author profiles) is built in a small graph whose size grows with the number of distinct
entities, not with the papers. Each file of about ``CHUNK_TRIPLES`` triples is bulk-loaded
by Oxigraph on a thread of its own (it releases Python's lock) while the next one is
written, so the two stages share the machine's cores instead of taking turns. Oxigraph
keeps each triple once, so a person's triples written by every batch (and file) that
names them are stored once. The store holds the same triples as the in-memory build's
graph, whatever the batch and chunk sizes.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Identifier

from kg.config import Settings
from kg.errors import ValidationError
from kg.graph.build import Names, add_organization, add_paper, add_profile, choose_names
from kg.graph.iris import paper_iri
from kg.graph.vocab import ENTITY_CLASSES, KG, RDFS
from kg.normalize import name_key
from kg.pipeline import BuildReport, read_papers
from kg.records import RELATIONS, Extraction, Paper, ProfileStats
from kg.store.analyse import analyse_store
from kg.store.disk import write_store
from kg.store.incremental import (
    CACHE_NAME,
    extract_with_cache,
    extractor_version,
    input_records,
    load_cache,
    paper_key,
    write_cache,
)
from kg.store.memory import clear_caches, release_free_memory
from kg.store.validate import validate_store

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.entities import Resolution

__all__ = ["BATCH_SIZE", "CHUNK_TRIPLES", "build_store"]

#: Papers extracted, and written out as triples, at a time.
BATCH_SIZE = 500
#: Triples (about) per N-Triples file handed to the loader thread: big enough that each bulk
#: load pays its fixed cost rarely, small enough that loading starts early.
CHUNK_TRIPLES = 250_000


class TripleLines:
    """A write-only triple sink for the graph stage's ``add_*`` functions: the triples become
    N-Triples lines in ``out``, deduplicated per flush (in no particular order: the file
    is scratch, and the bulk loader does not care). Each term is written out once per
    flush: a predicate, class or entity recurs in thousands of triples, a mention's IRI in
    a dozen. The lines are flushed every ``flush_lines`` lines, and by :meth:`flush`.

    The triples of the ``held`` predicates are held back until :meth:`close`, so that
    :meth:`value` and :meth:`set` can read and replace them, as ``add_entity`` does with an
    organisation's label and key (a tiny part of rdflib's ``Graph`` API: enough for the
    cross-paper triples, without the memory of a graph of them)."""

    def __init__(self, out: IO[bytes], held: Iterable[URIRef] = (),
                 flush_lines: int = 200_000) -> None:
        self.out = out
        self.lines: set[str] = set()
        self.terms: dict[Identifier, str] = {}
        self.count = 0
        self.held_predicates = frozenset(held)
        self.held: dict[tuple[Identifier, Identifier], set[Identifier]] = {}
        self.flush_lines = flush_lines

    def add(self, triple: tuple[Identifier, Identifier, Identifier]) -> TripleLines:
        if triple[1] in self.held_predicates:
            self.held.setdefault((triple[0], triple[1]), set()).add(triple[2])
            return self
        terms = self.terms
        try:
            self.lines.add(f"{terms[triple[0]]} {terms[triple[1]]} {terms[triple[2]]} .\n")
        except KeyError:
            for term in triple:
                if term not in terms:
                    terms[term] = _quoteLiteral(term) if isinstance(term, Literal) else term.n3()
            return self.add(triple)
        if len(self.lines) >= self.flush_lines:
            self.flush()
        return self

    def value(self, subject: Identifier, predicate: Identifier) -> Identifier | None:
        """The object of a held ``(subject, predicate)`` (the least, if several)."""
        if predicate not in self.held_predicates:
            raise ValueError(f"{predicate} is not held: its triples cannot be read back")
        objects = self.held.get((subject, predicate))
        return min(objects) if objects else None

    def set(self, triple: tuple[Identifier, Identifier, Identifier]) -> TripleLines:
        """Replace the objects of a held ``(subject, predicate)`` with this one."""
        if triple[1] not in self.held_predicates:
            raise ValueError(f"{triple[1]} is not held: its triples cannot be replaced")
        self.held[triple[0], triple[1]] = {triple[2]}
        return self

    def flush(self) -> None:
        """Write the lines so far and forget them (not the held triples)."""
        self.out.write("".join(self.lines).encode("utf-8"))
        self.count += len(self.lines)
        self.lines = set()
        self.terms = {}

    def release(self) -> None:
        """Write the held triples and every line left; from now on nothing is held."""
        held, self.held, self.held_predicates = self.held, {}, frozenset()
        for (subject, predicate), objects in held.items():
            for obj in objects:
                self.add((subject, predicate, obj))
        self.flush()

    def close(self) -> None:
        """:meth:`release`, and close ``out``."""
        self.release()
        self.out.close()


class ChunkLoader:
    """Bulk-loads N-Triples files into ``store`` on a thread of its own, in the order they
    are handed over (:meth:`load`), each file deleted once loaded. At most one file waits
    while another loads, so the scratch space stays bounded. An error of the loader is
    raised in the caller's thread by the next :meth:`load` or by :meth:`close`."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.files: queue.Queue[Path | None] = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kg-bulk-load", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (path := self.files.get()) is not None:
            if self.error is None:  # after an error, the files left are only deleted
                try:
                    self.store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
                except BaseException as exc:  # raised again in the caller
                    self.error = exc
            path.unlink(missing_ok=True)

    def load(self, path: Path) -> None:
        """Queue ``path`` for loading (waiting while another file waits)."""
        self._raise()
        self.files.put(path)

    def close(self) -> None:
        """Wait until every queued file is loaded; raise the loader's error, if any."""
        if self.thread.is_alive():
            self.files.put(None)
            self.thread.join()
        self._raise()

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error


def build_store(paths: Sequence[str | Path], out: Path, settings: Settings,
                progress: Callable[[list], Iterable] | None = None, *,
                nlp: Language | None = None, batch_size: int = BATCH_SIZE,
                timings: dict[str, float] | None = None, reuse: bool = True,
                views: bool = True, chunk_triples: int = CHUNK_TRIPLES) -> BuildReport:
    """Build the graph of ``paths`` (as :func:`kg.pipeline.build` does: extraction,
    analytics, SHACL validation) into the store directory ``out``: the triples streamed in
    batches of ``batch_size`` papers (module doc) and bulk-loaded, then analysed
    (:mod:`kg.store.analyse`) and validated by SPARQL (:mod:`kg.store.validate`) in the new
    store. Nothing is written when the graph does not conform or no paper was read; the
    store at ``out`` is replaced only when the new one is complete (``chunk_triples``: the
    triples per file loaded, module doc). ``timings``, if given,
    gets the seconds of each stage. With ``views`` (the default) the HTML views of the
    store are written to ``out/views`` (:mod:`kg.store.views`).

    The store keeps its inputs and an extraction cache (:mod:`kg.store.incremental`); with
    ``reuse`` (the default) a build into an existing store extracts only the papers its
    cache lacks (``BuildReport.reused`` counts the others), with the same result."""
    from kg.entities import resolve_entities
    from kg.extract import build_pipeline
    from kg.extract.parallel import default_jobs, extract_all

    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    started = time.monotonic()
    lap = _Laps(timings)
    papers, read = read_papers(paths, settings, progress)
    errors, profiles = read.errors, read.profiles
    del read  # its records: the merged papers are what the build keeps
    if not papers:
        return BuildReport(0, 0, 0, 0, errors, written=False)
    lap("read")
    pipeline = nlp or build_pipeline()  # for its version; workers build the same one

    def extract(todo: Sequence[Paper]) -> list[Extraction]:
        jobs = settings.jobs or default_jobs(len(todo))
        return extract_all(todo, jobs, pipeline if jobs == 1 else nlp)

    version = extractor_version(pipeline)
    warnings: list[str] = []
    cache = load_cache(out, version, warnings.append) if reuse else {}
    extractions, kept = extract_with_cache(papers, cache, extract)
    n_papers = len(papers)
    reused = sum(1 for p in papers if paper_key(p) in cache)
    del cache
    lap("extract")
    resolution = resolve_entities(extractions)
    names = choose_names(papers, profiles)
    lap("resolve")
    counts: dict[str, int] = {}

    def fill(store: ox.Store, work: Path) -> dict:
        nonlocal kept, resolution, names
        # work.parent is the new store directory: the cache moves into place with it. It is
        # written first, so that the records can go as their triples are written.
        digest = write_cache(work.parent / CACHE_NAME, version, kept)
        kept = None
        loader = ChunkLoader(store)
        try:  # "triples": writing them, while the loader loads; "load": what it has left
            _write_triples(work, loader, papers, extractions, resolution, names,
                           profiles, batch_size, chunk_triples)
            resolution = names = None  # the analysis and validation need the store only
            lap("triples")
        finally:
            loader.close()
        clear_caches()  # so that the arenas the records filled can go back (kg.store.memory)
        release_free_memory()
        counts.update(store_counts(store))
        lap("load")
        analyse_store(store, seed=0)
        release_free_memory()
        lap("analyse")
        outcome = validate_store(store)
        if not outcome.conforms:
            raise ValidationError(outcome.report, outcome.count)
        lap("validate")
        if views:  # from the finished store, into the new store directory (work.parent)
            from kg.store.views import VIEWS_DIR, render_store_views
            from kg.view import write_pages

            write_pages(render_store_views(store, max_nodes=settings.view_max_nodes),
                        work.parent / VIEWS_DIR)
            lap("view")
        counts["triples"] = len(store)
        return {"papers": n_papers, **counts,
                "seconds": round(time.monotonic() - started, 1),
                "inputs": input_records(paths), "capture_year": settings.capture_year,
                "extractions": {"extractor": version, "sha256": digest, "file": CACHE_NAME,
                                "extracted": n_papers - reused, "reused": reused}}

    write_store(out, fill)
    lap("write")
    return BuildReport(n_papers, counts.pop("people"), counts.pop("triples"), 0,
                       errors, written=True, **counts, reused=reused,
                       warnings=tuple(warnings))


def _write_triples(work: Path, loader: ChunkLoader, papers: list[Paper],
                   extractions: list[Extraction], resolution: Resolution, names: Names,
                   profiles: Sequence[ProfileStats], batch_size: int,
                   chunk_triples: int = CHUNK_TRIPLES) -> None:
    """The triples of the build (what ``paper_graph`` and ``add_extractions`` give), as
    N-Triples files in ``work`` handed to ``loader`` as each fills up: the cross-paper ones
    first, then the papers' own batch by batch. It empties ``papers`` and ``extractions``
    as it goes (each batch is dropped once written), so that the records' memory goes
    while the store's grows."""
    from kg.graph.extractions import add_entities, add_paper_extraction, add_successors

    listed: dict[str, set[URIRef]] = defaultdict(set)
    organizations: set[str] = set()
    for paper in papers:
        for span in paper.sources:
            if span.layout == "profile":
                listed[span.path].add(paper_iri(paper))
        if paper.organization and name_key(paper.organization):
            organizations.add(paper.organization)
    files = (work / f"triples-{i:05d}.nt" for i in itertools.count())
    path = next(files)
    # a listed affiliation's node keeps its label as an entity (add_entity reads it back)
    sink = TripleLines(path.open("wb"), held=(RDFS.label, KG.normalizedKey))
    handed = 0  # the triples in the files handed over
    try:
        for organization in sorted(organizations):
            add_organization(sink, organization, names)
        add_entities(sink, extractions, resolution)
        add_successors(sink, resolution)
        for stats in profiles:
            add_profile(sink, stats, listed.get(stats.source.path, ()), names)
        sink.release()
        del listed
        while papers:
            for paper, extraction in zip(papers[:batch_size], extractions[:batch_size],
                                         strict=True):
                add_paper(sink, paper, names)
                add_paper_extraction(sink, paper, extraction, resolution)
            del papers[:batch_size], extractions[:batch_size]
            sink.flush()
            if sink.count - handed >= chunk_triples:
                sink.out.close()
                loader.load(path)
                handed, path = sink.count, next(files)
                sink.out = path.open("wb")
    finally:
        sink.out.close()
    loader.load(path)


def store_counts(store: ox.Store) -> dict[str, int]:
    """People, entities, mentions, distinct lineage triples and results in ``store`` (what
    :func:`kg.pipeline.extraction_counts` counts in a graph)."""
    def count(where: str) -> int:
        rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(next(iter(rows))["n"].value)

    classes = " ".join(f"<{c}>" for c in ENTITY_CLASSES.values())
    lineage = " ".join(f"<{KG[p]}>" for p in (*RELATIONS, "successorOf"))
    return {
        "people": count(f"?s a <{KG.Person}>"),
        "entities": count(f"SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {classes} }} ?s a ?c }}"),
        "mentions": count(f"?s a <{KG.Mention}>"),
        "relations": count(f"VALUES ?p {{ {lineage} }} ?s ?p ?o"),
        "results": count(f"?s a <{KG.Result}>"),
    }


class _Laps:
    """Seconds per stage, added to ``timings`` (if any) as each stage ends."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now
