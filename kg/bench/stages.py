"""The stages ``kg bench`` times, as plain :class:`Stage` records: a name, the stages it
needs, and a function that does the stage's work on a :class:`Run` (what earlier stages
left) and returns what it wants reported beside its time.

:data:`MEMORY_STAGES` is today's in-memory build, stage for stage what
:func:`kg.pipeline.build` does (read → merge → extract → resolve → graph → analyse →
validate → view → write), then what a user of the written build pays: loading
``graph.nt`` back (``kg query``, ``kg serve``) and the named SPARQL queries. ``measures``
times each analytics measure on its own, and ``query`` runs every named query several
times. Another build (a streaming one, a persistent store) plugs in as another sequence of
stages with the same names where they do the same work: :func:`kg.bench.measure.measure`
times whatever sequence it is given.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.config import Settings

#: Repetitions of each named query (p50 and p95 are taken over them), and the seconds
#: after which a slow query is not repeated further (it has run at least twice by then).
QUERY_REPEAT = 5
QUERY_BUDGET_S = 20.0


@dataclass(slots=True)
class Run:
    """What the stages of one benchmark size share: inputs, then each stage's output."""

    corpus: Path
    work: Path
    papers_made: int
    seed: int = 0
    settings: Settings = field(default_factory=Settings)
    query_repeat: int = QUERY_REPEAT
    read: Any = None
    papers: list = field(default_factory=list)
    extractions: list = field(default_factory=list)
    resolution: Any = None
    graph: Any = None
    nt_path: Path | None = None


@dataclass(frozen=True, slots=True)
class Stage:
    """One timed step. ``work`` does it and returns extra figures for the report (counts,
    per-query or per-measure timings); ``pipeline`` marks the stages of the build itself,
    whose times add up to the end-to-end figure."""

    name: str
    needs: tuple[str, ...]
    work: Callable[[Run], dict[str, Any]]
    doc: str
    pipeline: bool = True
    prepare: Callable[[Run], object] | None = None  # untimed set-up before ``work``


# ------------------------------------------------------------------------------ the build


def _read(run: Run) -> dict[str, Any]:
    from kg.read import read_paths

    run.read = read_paths([run.corpus], run.settings)
    if run.read.errors:  # a generator bug, not a slow stage: stop with the first error
        raise RuntimeError(f"the synthetic corpus did not read cleanly: {run.read.errors[0]}")
    return {"records": len(run.read.papers), "files": len(run.read.files)}


def _merge(run: Run) -> dict[str, Any]:
    from kg.resolve import merge_papers

    run.papers = merge_papers(run.read.papers)
    return {"papers": len(run.papers)}


def _extract(run: Run) -> dict[str, Any]:
    from kg.extract import build_pipeline, extract_papers

    start = time.perf_counter()
    nlp = build_pipeline()  # loading the lexicons is part of a build, so it is timed
    pipeline_s = time.perf_counter() - start
    run.extractions = extract_papers(run.papers, nlp)
    return {"pipeline_s": pipeline_s,
            "mentions": sum(len(e.mentions) for e in run.extractions),
            "relations": sum(len(e.relations) for e in run.extractions),
            "results": sum(len(e.results) for e in run.extractions)}


def _resolve(run: Run) -> dict[str, Any]:
    from kg.entities import resolve_entities

    run.resolution = resolve_entities(run.extractions)
    return {"entities": len(run.resolution.entities)}


def _graph(run: Run) -> dict[str, Any]:
    from kg.graph.build import paper_graph
    from kg.graph.extractions import add_extractions

    run.graph = paper_graph(run.papers, run.read.profiles)
    add_extractions(run.graph, run.papers, run.extractions, run.resolution)
    return {"triples": len(run.graph)}


def _analyse(run: Run) -> dict[str, Any]:
    from kg.analyse import analyse_graph

    report = analyse_graph(run.graph, seed=run.seed)
    return {"triples": len(run.graph), "added": report.added}


def _measures(run: Run) -> dict[str, Any]:
    from kg.bench.analytics import measure_timings

    return {"measures": measure_timings(run.graph, seed=run.seed)}


def _validate(run: Run) -> dict[str, Any]:
    from kg.graph.validate import validate_graph

    outcome = validate_graph(run.graph)
    if not outcome.conforms:
        raise RuntimeError(f"the synthetic graph does not conform ({outcome.count} "
                           f"violations):\n{outcome.report[:2000]}")
    return {"triples": len(run.graph), "violations": outcome.count}


def _view(run: Run) -> dict[str, Any]:
    from kg.view import render_views, write_pages

    pages = render_views(run.graph, max_nodes=run.settings.view_max_nodes)
    write_pages(pages, run.work / "build")
    return {"pages": len(pages), "bytes": sum(len(p.encode()) for p in pages.values())}


def _write(run: Run) -> dict[str, Any]:
    from kg.graph.io import write_graph

    ttl, nt = write_graph(run.graph, run.work / "build")
    run.nt_path = nt
    return {"triples": len(run.graph), "bytes": ttl.stat().st_size + nt.stat().st_size}


# ------------------------------------------------------------------------------ using it


def _load(run: Run) -> dict[str, Any]:
    from kg.graph.io import load_graph

    path = run.nt_path  # written by the write stage, else untimed by Stage.prepare
    run.graph = None  # the built graph goes first, so the two are never in memory together
    gc.collect()
    run.graph = load_graph(path)
    return {"triples": len(run.graph)}


def ensure_ntriples(run: Run) -> Path:
    """The build's ``graph.nt``: the one the write stage wrote, else written now (untimed
    by the caller's choice), for the N-Triples reference and the load stage."""
    if run.nt_path is None:
        from kg.graph.io import ntriples_bytes
        from kg.write import atomic_write_text

        run.nt_path = run.work / "build" / "graph.nt"
        atomic_write_text(run.nt_path, ntriples_bytes(run.graph).decode("utf-8"))
    return run.nt_path


def busy_parameters(run: Run) -> dict[str, str]:
    """Parameter values about the busiest things of the corpus: the model most papers
    mention, the person with the most papers, the dataset with the most results (the
    named queries' own defaults name things of the seed listings, absent here)."""
    out: dict[str, str] = {}
    people = Counter(a for p in run.papers for a in p.authors)
    if people:
        out["person"] = people.most_common(1)[0][0]
    if run.resolution is not None:
        models: Counter[str] = Counter()
        datasets: Counter[str] = Counter()
        for extraction in run.extractions:
            for mention in extraction.mentions:
                entity = run.resolution.mention_entity(mention)
                if entity is not None and entity.type == "Model":
                    models[entity.name] += 1
            for result in extraction.results:
                found = run.resolution.result_entities(result)
                if found is not None and len(found) > 1 and found[1] is not None:
                    datasets[found[1].name] += 1
        if models:
            out["model"] = models.most_common(1)[0][0]
        if datasets:
            out["dataset"] = datasets.most_common(1)[0][0]
    return out


def _query(run: Run) -> dict[str, Any]:
    from kg.query.evaluate import run_query
    from kg.query.formats import result_rows
    from kg.query.library import compile_query, named_queries

    busy = busy_parameters(run)
    rows = []
    for name, q in named_queries().items():
        variants: list[tuple[str, dict[str, str]]] = [("default", {})]
        mine = {p.name: busy[p.name] for p in q.params if p.name in busy}
        if mine:
            variants.append(("busy", mine))
        for variant, params in variants:
            start = time.perf_counter()
            prepared, bindings = compile_query(name, params)  # parse + algebra, once
            prepare_s = time.perf_counter() - start
            timing = time_query(lambda p=prepared, b=bindings: result_rows(
                run_query(run.graph, p, b)), run.query_repeat)
            rows.append({"query": name, "variant": variant, "params": params,
                         "prepare_s": prepare_s, **timing})
    return {"queries": rows}


def time_query(call: Callable[[], list], repeat: int) -> dict[str, Any]:
    """Run ``call`` up to ``repeat`` times (at least twice, fewer once it has taken
    :data:`QUERY_BUDGET_S` in all): p50, p95, min and max seconds, and its rows."""
    times: list[float] = []
    found = 0
    while len(times) < repeat and (len(times) < 2 or sum(times) < QUERY_BUDGET_S):
        start = time.perf_counter()
        found = len(call())
        times.append(time.perf_counter() - start)
    return {"runs": len(times), "rows": found, "p50_s": percentile(times, 50),
            "p95_s": percentile(times, 95), "min_s": min(times), "max_s": max(times)}


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile of ``values``, interpolated between the closest ranks.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50), percentile([5.0], 95)
    (2.5, 5.0)
    """
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


MEMORY_STAGES: tuple[Stage, ...] = (
    Stage("read", (), _read, "read and parse every file of the corpus (kg.read)"),
    Stage("merge", ("read",), _merge, "merge the records of the same paper (kg.resolve)"),
    Stage("extract", ("merge",), _extract, "spaCy pipeline + records (kg.extract)"),
    Stage("resolve", ("extract",), _resolve, "mentions to entities (kg.entities)"),
    Stage("graph", ("resolve",), _graph, "papers, people, entities into rdflib (kg.graph)"),
    Stage("measures", ("graph",), _measures, "each analytics measure on its own",
          pipeline=False),
    Stage("analyse", ("graph",), _analyse, "centrality and communities written back"),
    Stage("validate", ("graph",), _validate, "SHACL validation (pySHACL)"),
    Stage("view", ("graph",), _view, "render and write the HTML views (kg.view)"),
    Stage("write", ("graph",), _write, "graph.ttl and graph.nt, atomically (kg.graph.io)"),
    Stage("load", ("graph",), _load, "load graph.nt back (what kg query and kg serve do)",
          pipeline=False, prepare=ensure_ntriples),
    Stage("query", ("graph",), _query, "every named SPARQL query, repeated",
          pipeline=False),
)


def stage_names(stages: Sequence[Stage] = MEMORY_STAGES) -> list[str]:
    return [s.name for s in stages]


def select_stages(names: Sequence[str] | None,
                  stages: Sequence[Stage] = MEMORY_STAGES) -> list[Stage]:
    """The stages named (all when ``names`` is None) and the stages they need, in the
    order of ``stages``. An unknown name is a ValueError listing the known ones."""
    by_name = {s.name: s for s in stages}
    if names is None:
        return list(stages)
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ValueError(f"unknown stage {unknown[0]!r} (known: {', '.join(by_name)})")
    chosen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in chosen:
            chosen.add(name)
            todo.extend(by_name[name].needs)
    return [s for s in stages if s.name in chosen]
