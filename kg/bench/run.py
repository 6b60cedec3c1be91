"""``kg bench``: generate a synthetic corpus per size, measure each size in a fresh
process, write ``bench.json``, ``bench.md`` and ``bench.png``."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import kg
from kg.bench.stages import MEMORY_STAGES, QUERY_REPEAT, Stage, select_stages
from kg.errors import KgError
from kg.write import atomic_write_text

PACKAGES = ("kg", "spacy", "rdflib", "pyshacl", "networkx", "igraph", "leidenalg", "numpy",
            "scipy", "matplotlib")


#: The builds kg bench measures, and how the report names them.
BACKENDS = {"memory": "in-memory (rdflib Graph)",
            "store": "Oxigraph store (kg build --store)"}


def backend_stages(backend: str) -> tuple[Stage, ...]:
    """The stages ``kg bench --backend BACKEND`` can time, in their order."""
    if backend == "store":
        from kg.bench.store import STORE_STAGES

        return STORE_STAGES
    return MEMORY_STAGES


def check_plotting() -> None:
    """A KgError, before any work, when matplotlib (the ``bench`` extra) is missing."""
    if importlib.util.find_spec("matplotlib") is None:
        raise KgError("kg bench draws bench.png with matplotlib, which is not installed: "
                      "pip install 'kg[bench]' (or pip install matplotlib)")


def machine_info() -> dict[str, Any]:
    """What the figures were measured on: CPU, cores, memory, load, Python, versions."""
    info: dict[str, Any] = {"platform": platform.platform(), "machine": platform.machine(),
                            "python": platform.python_version(), "cpus": os.cpu_count()}
    if hasattr(os, "sched_getaffinity"):  # Linux
        info["cpus_usable"] = len(os.sched_getaffinity(0))
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gib"] = round(int(line.split()[1]) / 2**20, 1)
    if hasattr(os, "getloadavg"):
        info["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    versions["kg"] = kg.__version__
    info["versions"] = versions
    return info


def _child(args: list[str], out: Path) -> dict[str, Any]:
    """Run ``python -m kg.bench.measure ARGS`` in a fresh process running this same kg;
    its log goes to our stderr, its figures come back through ``out``."""
    env = dict(os.environ)
    root = str(Path(kg.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (root, env.get("PYTHONPATH"))))
    done = subprocess.run([sys.executable, "-m", "kg.bench.measure", *args, "--out", str(out)],
                          env=env, stdin=subprocess.DEVNULL, check=False)
    if done.returncode != 0 or not out.is_file():
        raise KgError(f"kg bench: the measuring process ({' '.join(args[:3])}) failed with "
                      f"exit status {done.returncode} (its messages are above)")
    return json.loads(out.read_text(encoding="utf-8"))


def run_bench(sizes: Sequence[int], out_dir: str | Path, *, seed: int = 0,
              stages: Sequence[str] | None = None, repeat: int = QUERY_REPEAT,
              keep: bool = False, log: Callable[[str], None] | None = None,
              backend: str = "memory") -> dict[str, Any]:
    """Benchmark the build on synthetic corpora of each of ``sizes`` papers (seeded by
    ``seed``), each size in a fresh process; write ``bench.json``, ``bench.md`` and
    ``bench.png`` into ``out_dir`` and return what bench.json holds.

    ``backend`` is the build measured: ``"memory"`` (:func:`kg.pipeline.build`, an rdflib
    graph; its stages :data:`kg.bench.stages.MEMORY_STAGES`) or ``"store"``
    (:func:`kg.store.build.build_store`, an Oxigraph store on disk; its stages
    :data:`kg.bench.store.STORE_STAGES`). ``stages`` picks stages by name (with the stages
    they need; default all); ``repeat`` is how often each named query runs.
    The corpora and builds go to ``out_dir/work/N`` and are removed after each size unless
    ``keep``.
    """
    log = log or (lambda text: print(text, file=sys.stderr, flush=True))
    if not sizes or min(sizes) < 1:
        raise ValueError("every size must be at least 1 paper")
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r} (known: {', '.join(BACKENDS)})")
    all_stages = backend_stages(backend)
    chosen = [s.name for s in select_stages(stages, all_stages)]
    check_plotting()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "kg_bench": 1, "seed": seed, "sizes": sorted(set(sizes)), "stages": chosen,
        "query_repeat": repeat, "backend": backend, "build": BACKENDS[backend],
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine_info(),
        "stage_docs": {s.name: s.doc for s in all_stages if s.name in chosen},
        "results": []}
    for n in result["sizes"]:
        work = out / "work" / str(n)
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        corpus = work / "corpus"
        log(f"kg bench: {n} papers: writing the synthetic corpus (seed {seed})")
        made = _child(["corpus", "--papers", str(n), "--seed", str(seed),
                       "--corpus", str(corpus)], work / "corpus.json")
        log(f"kg bench: {n} papers: {made['files']} files, {made['bytes'] / 2**20:.1f} MiB "
            f"in {made['seconds']:.1f} s; measuring in a fresh process")
        figures = _child(["measure", "--papers", str(n), "--seed", str(seed),
                          "--corpus", str(corpus), "--work", str(work / "run"),
                          "--stages", ",".join(chosen), "--repeat", str(repeat),
                          *(["--backend", backend] if backend != "memory" else [])],
                         work / "figures.json")
        figures["corpus"] = made
        result["results"].append(figures)
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    if not keep:
        shutil.rmtree(out / "work", ignore_errors=True)
    if hasattr(os, "getloadavg"):
        result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

    from kg.bench.report import bench_markdown, write_plot

    atomic_write_text(out / "bench.json", json.dumps(result, indent=1) + "\n")
    atomic_write_text(out / "bench.md", bench_markdown(result))
    write_plot(result, out / "bench.png")
    return result
