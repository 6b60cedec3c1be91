"""``kg bench --backend store``: the build into an Oxigraph store (``kg build --store``),
which is what scales past the in-memory build, measured stage for stage.

:func:`kg.store.build.build_store` runs the build as one call and reports the seconds of
each of its stages (:data:`STORE_STAGES`: read, extract, resolve, triples, load, analyse,
validate, view, write); the peak RSS is sampled as each stage ends. Then every named query
runs on the finished store (Oxigraph, :func:`kg.store.query.query_store`), with its own
parameters and with the busiest model, person and dataset of the store bound
(:func:`busiest_parameters`).

The references, measured in the same process after the build: bare spaCy tokenisation of
the abstracts (for read and extract, as in the memory mode) and, for every other stage and
the queries, Oxigraph's own bulk load of the finished store's triples as N-Triples into a
fresh store (``oxload``). The memory mode's reference, an rdflib N-Triples parse, is not
used here: at 10,000 papers (5.8M triples) it takes about ten minutes, longer than the
store build it would measure.
"""

from __future__ import annotations

import gc
import os
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg.bench.measure import add_ratios, peak_rss_mb, tokenise_seconds
from kg.bench.stages import Run, Stage, select_stages, time_query

__all__ = ["BUSIEST", "OXLOAD", "STORE_STAGES", "StageSeconds", "TreeRssSampler",
           "busiest_parameters", "measure_store", "select_store_stages", "store_query_timings",
           "tree_rss_mb"]

#: The reference of the store's graph stages: Oxigraph bulk-loading N-Triples.
OXLOAD = "oxload"
TOKENISE = "tokenise"
REFERENCE_OF = {"read": TOKENISE, "extract": TOKENISE}

#: The busiest thing of each kind in a store, by the papers (or results) that name it.
BUSIEST = {
    "model": "SELECT ?n (COUNT(DISTINCT ?p) AS ?c) WHERE { ?p kg:mentions ?m . "
             "?m a kg:Model ; rdfs:label ?n } GROUP BY ?n ORDER BY DESC(?c) ?n LIMIT 1",
    "person": "SELECT ?n (COUNT(DISTINCT ?p) AS ?c) WHERE { ?p schema:author ?m . "
              "?m foaf:name ?n } GROUP BY ?n ORDER BY DESC(?c) ?n LIMIT 1",
    "dataset": "SELECT ?n (COUNT(DISTINCT ?r) AS ?c) WHERE { ?r kg:onDataset ?m . "
               "?m rdfs:label ?n } GROUP BY ?n ORDER BY DESC(?c) ?n LIMIT 1",
}

# The stages build_store times, in its order: each needs the others (the build runs as
# one call), except view, which it can leave out (views=False).
_BUILD = (
    ("read", "read the corpus and merge the records of the same paper (kg.read)"),
    ("extract", "extraction in worker processes, kg.extract.parallel (includes building "
                "the spaCy pipeline and hashing the extractor)"),
    ("resolve", "mentions to entities, display names (kg.entities)"),
    ("triples", "the triples as N-Triples, batch by batch, each file of them bulk-loaded "
                "by Oxigraph on a thread while the next is written (kg.store.build)"),
    ("load", "what is left of the bulk load after the last file, then the store's counts"),
    ("analyse", "projections from the store, centrality and communities written back "
                "(kg.store.analyse)"),
    ("validate", "the SHACL constraints checked by SPARQL on the store (kg.store.validate)"),
    ("write", "flush the store, write the extraction cache and manifest, move it into place"),
)
_REQUIRED = tuple(name for name, _ in _BUILD)


def _timed_by_build_store(run: Run) -> dict[str, Any]:
    raise RuntimeError("the store's build stages are timed inside build_store, as one call "
                       "(kg.bench.store.measure_store)")


def _store_query(run: Run) -> dict[str, Any]:
    from kg.store.disk import open_store

    store = open_store(run.work / "store")
    try:
        return {"queries": store_query_timings(store, run.query_repeat)}
    finally:
        del store


def _build_stage(name: str, doc: str) -> Stage:
    return Stage(name, tuple(n for n in _REQUIRED if n != name), _timed_by_build_store, doc)


STORE_STAGES: tuple[Stage, ...] = (
    *(_build_stage(name, doc) for name, doc in _BUILD[:-1]),
    Stage("view", _REQUIRED, _timed_by_build_store,
          "render the HTML views from the store and write them (kg.store.views)"),
    _build_stage(*_BUILD[-1]),
    Stage("query", _REQUIRED, _store_query, "every named SPARQL query on the store, repeated",
          pipeline=False),
)


def select_store_stages(names: Sequence[str] | None) -> list[Stage]:
    """The store stages named (all when None) with the ones they need: the build's stages
    always run together; ``view`` and ``query`` are the ones a selection can leave out.
    An unknown name is a ValueError listing the known ones."""
    return select_stages(names, STORE_STAGES)


def busiest_parameters(store: Any) -> dict[str, str]:
    """The most mentioned model, the person with most papers and the dataset with most
    results in the Oxigraph ``store`` (by name; a kind the store lacks is left out)."""
    from kg.graph.vocab import PREFIXES

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    out = {}
    for name, text in BUSIEST.items():
        rows = list(store.query(text, prefixes=prefixes))
        if rows:
            out[name] = rows[0]["n"].value
    return out


def store_query_timings(store: Any, repeat: int, *, variants: bool = True
                        ) -> list[dict[str, Any]]:
    """Every named query on the open ``store``, run up to ``repeat`` times (see
    :func:`kg.bench.stages.time_query`) with its rows read: one row per query and variant
    (``default``: its own parameters; ``busy``: the :func:`busiest_parameters` it takes,
    for the queries that take any), with p50/p95/min/max seconds, its rows and
    ``prepare_s``, what ``kg query`` does before running it
    (:func:`kg.store.query.compile_store_query`). Without
    ``variants``, one ``busy`` row per query, with whatever busiest parameters it takes."""
    from kg.query.formats import result_rows
    from kg.query.library import named_queries
    from kg.store.query import compile_store_query, query_store

    busy = busiest_parameters(store)
    rows = []
    for name, q in named_queries().items():
        mine = {p.name: busy[p.name] for p in q.params if p.name in busy}
        todo: list[tuple[str, dict[str, str]]] = [("default", {})] if variants else []
        if mine or not variants:
            todo.append(("busy", mine))
        for variant, params in todo:
            start = time.perf_counter()
            named, bindings = compile_store_query(name, params)  # what kg query pays
            prepare_s = time.perf_counter() - start
            timing = time_query(lambda t=named.text, b=bindings: result_rows(
                query_store(store, t, b, checked=True)), repeat)
            rows.append({"query": name, "variant": variant, "params": params,
                         "prepare_s": prepare_s, **timing})
    return rows


def tree_rss_mb(root: int | None = None) -> float | None:
    """The summed RSS of process ``root`` (this one by default) and all its descendants
    (the extraction workers, their forkserver), in MiB, from Linux's ``/proc``; pages
    shared between processes count once per process. None where there is no ``/proc``."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").is_file():
        return None
    root = os.getpid() if root is None else root
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        rss[int(entry.name)] = int(fields[21])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


class TreeRssSampler:
    """A thread that samples :func:`tree_rss_mb` every ``interval`` seconds while in its
    ``with`` block; ``peak_mb`` is the largest sample (None without ``/proc``)."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak_mb: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            now = tree_rss_mb()
            if now is None:
                return
            self.peak_mb = max(self.peak_mb or 0.0, now)
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> TreeRssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class StageSeconds(dict):
    """A ``timings`` dict for build_store: seconds per stage, and in ``rss`` this
    process's peak RSS (MiB) as each stage ends."""

    def __init__(self) -> None:
        super().__init__()
        self.rss: dict[str, float] = {}

    def __setitem__(self, stage: str, seconds: float) -> None:
        super().__setitem__(stage, seconds)
        self.rss[stage] = peak_rss_mb()


def warm_store_imports() -> float:
    """Import what the store build and its stages use, so that no stage is charged with
    it; the seconds it took."""
    import importlib

    start = time.perf_counter()
    for name in ("spacy", "pyoxigraph", "kg.extract", "kg.extract.parallel", "kg.entities",
                 "kg.store.build", "kg.store.analyse", "kg.store.validate", "kg.store.views",
                 "kg.store.query", "igraph", "leidenalg", "kg.view", "rdflib.plugins.sparql"):
        importlib.import_module(name)
    return time.perf_counter() - start


def measure_store(run: Run, stages: Sequence[Stage], log: Callable[[str], None] = print
                  ) -> dict[str, Any]:
    """Build the store of ``run.corpus`` into ``run.work/store`` with stage timings, run
    the selected non-build stages (``query``), then the references; the figures as a
    JSON-ready dict shaped as :func:`kg.bench.measure.measure`'s."""
    from kg.store.build import build_store

    n = run.papers_made
    names = {s.name for s in stages}
    out: dict[str, Any] = {"papers": n, "imports_s": warm_store_imports(),
                           "rss_start_mb": peak_rss_mb(), "stages": []}
    store_dir = run.work / "store"
    shutil.rmtree(store_dir, ignore_errors=True)
    timings = StageSeconds()
    log(f"  {n} papers: build_store (jobs {run.settings.jobs or 'one per CPU'}) ...")
    gc.collect()
    start = time.perf_counter()
    with TreeRssSampler() as tree:
        report = build_store([run.corpus], store_dir, run.settings, timings=timings,
                             views="view" in names)
    out["build_wall_s"] = time.perf_counter() - start
    out["peak_rss_tree_mb"] = tree.peak_mb
    if not report.written or report.errors:
        raise RuntimeError(f"the synthetic corpus did not build cleanly: {report.errors[:1]}")
    triples = report.triples  # of the finished store (analysis adds its scores at the end)
    for name, seconds in timings.items():
        row: dict[str, Any] = {"name": name, "pipeline": True, "seconds": seconds,
                               "papers_per_s": n / seconds if seconds else None,
                               "peak_rss_mb": timings.rss[name]}
        if name not in ("read", "extract", "resolve"):
            row["triples"] = triples
            row["triples_per_s"] = triples / seconds if seconds else None
        out["stages"].append(row)
        log(f"  {n} papers: {name} {seconds:.2f} s, peak RSS {row['peak_rss_mb']:.0f} MiB")
    out["counts"] = {"papers": report.papers, "people": report.people,
                     "entities": report.entities, "mentions": report.mentions,
                     "relations": report.relations, "results": report.results}
    for stage in stages:
        if not stage.pipeline:
            log(f"  {n} papers: {stage.name} ...")
            gc.collect()
            begin = time.perf_counter()
            extra = stage.work(run)
            seconds = time.perf_counter() - begin
            if "queries" in extra:
                out["queries"] = extra.pop("queries")
            out["stages"].append({"name": stage.name, "pipeline": False, "seconds": seconds,
                                  "papers_per_s": n / seconds if seconds else None,
                                  "peak_rss_mb": peak_rss_mb(), **extra})
            log(f"  {n} papers: {stage.name} {seconds:.2f} s")
    out["peak_rss_mb"] = peak_rss_mb()
    pipeline = [r for r in out["stages"] if r["pipeline"]]
    e2e = sum(r["seconds"] for r in pipeline)
    out["end_to_end"] = {"stages": [r["name"] for r in pipeline], "seconds": e2e,
                         "papers_per_s": n / e2e if e2e else None,
                         "triples_per_s": triples / e2e if e2e else None}
    out["distinct_papers"] = report.papers
    out["triples"] = triples
    out["references"] = store_references(run, store_dir, log)
    add_store_ratios(out)
    return out


def store_references(run: Run, store_dir: Path, log: Callable[[str], None]
                     ) -> dict[str, Any]:
    """Bare spaCy tokenisation of the texts extraction reads, and Oxigraph's bulk load of
    the store's triples (dumped as N-Triples, untimed) into a fresh on-disk store."""
    import pyoxigraph as ox

    from kg.extract import paper_text
    from kg.pipeline import read_papers
    from kg.store.disk import open_store

    n = run.papers_made
    papers, _ = read_papers([run.corpus], run.settings)
    texts = [paper_text(p) for p in papers]
    del papers
    gc.collect()
    log(f"  {n} papers: reference: spacy.blank('en') tokenisation ...")
    seconds = tokenise_seconds(texts)
    refs: dict[str, Any] = {TOKENISE: {
        "seconds": seconds, "texts": len(texts),
        "papers_per_s": len(texts) / seconds if seconds else None,
        "what": "spacy.blank('en').pipe over the texts extract reads, best of 3"}}
    ref = run.work / "reference"
    shutil.rmtree(ref, ignore_errors=True)
    ref.mkdir(parents=True)
    nt = ref / "graph.nt"
    built = open_store(store_dir)
    built.dump(str(nt), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    del built
    log(f"  {n} papers: reference: Oxigraph bulk load of {nt.stat().st_size / 2**20:.0f} MiB "
        "of N-Triples ...")
    fresh = ox.Store(str(ref / "oxigraph"))
    gc.collect()
    start = time.perf_counter()
    fresh.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    seconds = time.perf_counter() - start
    count = len(fresh)
    del fresh
    shutil.rmtree(ref, ignore_errors=True)
    refs[OXLOAD] = {"seconds": seconds, "triples": count,
                    "triples_per_s": count / seconds if seconds else None,
                    "what": "pyoxigraph Store.bulk_load of the finished store's triples as "
                            "N-Triples into a fresh on-disk store"}
    return refs


def add_store_ratios(out: dict[str, Any]) -> None:
    """Each time divided by its reference's (tokenisation for read and extract, the
    Oxigraph bulk load for the rest and the queries)."""
    add_ratios(out, graph_reference=OXLOAD, reference_of=REFERENCE_OF)
