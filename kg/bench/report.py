"""The benchmark's figures as a short Markdown report and a log-log plot of time and peak
memory against the number of papers (matplotlib, the ``bench`` extra, imported here only).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from kg.write import write_temp


def _num(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    if digits == 0 and abs(value) >= 1:
        return f"{value:,.0f}"
    return f"{value:,.{max(digits, 2)}f}" if abs(value) < 100 else f"{value:,.0f}"


def _secs(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 100 else f"{value:,.0f}"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.3g}×"


def _stage(run: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((s for s in run["stages"] if s["name"] == name), None)


def stage_names(runs: list[dict[str, Any]]) -> list[str]:
    """The stages of any of ``runs``, in the order they ran."""
    return list(dict.fromkeys(s["name"] for r in runs for s in r["stages"]))


def combine_results(results: list[dict[str, Any]]) -> dict[str, Any]:
    """One bench.json-like dict of the sizes of several runs (``kg bench`` on the same
    machine with different ``--papers`` or ``--stages``), for one table and one plot;
    the machine and settings are the first run's, each run's are kept in ``runs``."""
    first = results[0]
    sized = sorted((r for res in results for r in res["results"]), key=lambda r: r["papers"])
    return {**first, "sizes": [r["papers"] for r in sized], "results": sized,
            "runs": [{k: v for k, v in res.items() if k != "results"} for res in results]}


def _legend(result: dict[str, Any]) -> str:
    if result.get("backend") == "store":
        return ("Each cell: seconds · papers/s · time as a multiple of the reference (×): "
                "bare spaCy tokenisation of the same abstracts for read and extract; "
                "Oxigraph's bulk load of the finished store's triples (as N-Triples, into a "
                "fresh store) for the rest. The stages are kg.store.build.build_store's own "
                "(one call). Peak RSS: the measuring process's own (ru_maxrss); with the "
                "workers: the summed RSS of it and its extraction workers, sampled every "
                "0.25 s during the build (shared pages counted in each).")
    return ("Each cell: seconds · papers/s · time as a multiple of the reference (×): bare "
            "spaCy tokenisation of the same abstracts for read, merge and extract; a plain "
            "rdflib N-Triples parse of the same graph for the rest.")


def bench_markdown(result: dict[str, Any]) -> str:
    """The Markdown of ``bench.md``: one table of stages against sizes, then the
    references, the named queries and the analytics measures."""
    runs = result["results"]
    sizes = [r["papers"] for r in runs]
    m = result["machine"]
    head = " | ".join(f"{n:,} papers" for n in sizes)
    rule = "|".join("---:" for _ in sizes)
    lines = [
        f"# kg bench: {', '.join(f'{n:,}' for n in sizes)} papers (seed {result['seed']}, "
        f"{result['build']})",
        "",
        f"{m.get('cpu', m['machine'])}, {m['cpus']} CPUs, {m.get('memory_gib', '?')} GiB, "
        f"Python {m['python']}, load average at start "
        f"{', '.join(map(str, m.get('load_average_at_start', [])))}; "
        f"started {result['started']}.",
        "",
        _legend(result),
        "",
        f"| stage | {head} |",
        f"|---|{rule}|",
    ]
    for name in stage_names(runs):
        cells = []
        for r in runs:
            s = _stage(r, name)
            cells.append("not run" if s is None else f"{_secs(s['seconds'])} s · "
                         f"{_num(s['papers_per_s'])}/s · {_ratio(s['ratio'])}")
        lines.append(f"| {name} | {' | '.join(cells)} |")
    e2e_stages = {" + ".join(r["end_to_end"]["stages"]) for r in runs}
    lines.append("| **end to end** (" + " / ".join(sorted(e2e_stages)) + ") | "
                 + " | ".join(f"**{_secs(r['end_to_end']['seconds'])} s** · "
                              f"{_num(r['end_to_end']['papers_per_s'])}/s · "
                              f"{_ratio(r['end_to_end']['ratio'])}" for r in runs) + " |")
    lines.append("| triples (triples/s end to end) | " + " | ".join(
        f"{_num(r.get('triples'))} ({_num(r['end_to_end'].get('triples_per_s'))}/s)"
        for r in runs) + " |")
    lines.append("| peak RSS | " + " | ".join(f"{r['peak_rss_mb']:,.0f} MiB" for r in runs)
                 + " |")
    refs = {k for r in runs for k in r["references"]}
    if "tokenise" in refs:
        lines.append("| reference: spaCy tokenisation | " + " | ".join(
            f"{_secs(r['references']['tokenise']['seconds'])} s · "
            f"{_num(r['references']['tokenise']['papers_per_s'])}/s"
            if "tokenise" in r["references"] else "not run" for r in runs) + " |")
    if "ntparse" in refs:
        lines.append("| reference: N-Triples parse | " + " | ".join(
            f"{_secs(r['references']['ntparse']['seconds'])} s · "
            f"{_num(r['references']['ntparse']['triples_per_s'])} triples/s"
            if "ntparse" in r["references"] else "not run" for r in runs) + " |")
    if "oxload" in refs:
        lines.append("| reference: Oxigraph bulk load | " + " | ".join(
            f"{_secs(r['references']['oxload']['seconds'])} s · "
            f"{_num(r['references']['oxload']['triples_per_s'])} triples/s"
            if "oxload" in r["references"] else "not run" for r in runs) + " |")
    if any("build_wall_s" in r for r in runs):
        lines.append("| build_store wall time; peak RSS with the workers | " + " | ".join(
            f"{_secs(r.get('build_wall_s'))} s; {_num(r.get('peak_rss_tree_mb'))} MiB"
            for r in runs) + " |")
    extract = [_stage(r, "extract") for r in runs]
    if all(extract) and any("pipeline_s" in s for s in extract):
        lines += ["", "Extraction without building the pipeline (lexicons, matchers: "
                  + ", ".join(f"{s.get('pipeline_s', 0):.1f} s" for s in extract) + "): "
                  + ", ".join(_ratio(s.get("ratio_without_pipeline")) for s in extract)
                  + " bare spaCy tokenisation."]
    if any("queries" in r for r in runs):
        prepare = sorted(q["prepare_s"] for r in runs for q in r.get("queries", []))
        on, how = (("the store (Oxigraph)", "as `kg query` does on a store: the bindings; "
                    "rdflib's check only for a query not shipped with kg")
                   if result.get("backend") == "store" else
                   ("the in-memory graph", "parse + algebra"))
        lines += ["", f"Named SPARQL queries on {on}, each prepared once "
                  f"({how}, median {prepare[len(prepare) // 2] * 1000:,.0f} ms, "
                  "which `kg query` pays on every call; prepare_s in bench.json), then "
                  "evaluated with its rows read, up to "
                  f"{result['query_repeat']} times: p50 / p95 milliseconds (rows). *default*: "
                  "the query's own parameters; *busy*: the model, person or dataset of the "
                  "corpus with the most papers or results.", "",
                  f"| query | {head} |", f"|---|{rule}|"]
        keys = dict.fromkeys((q["query"], q["variant"]) for r in runs
                             for q in r.get("queries", []))
        for query, variant in keys:
            cells = []
            for r in runs:
                row = next((x for x in r.get("queries", []) if x["query"] == query
                            and x["variant"] == variant), None)
                cells.append("not run" if row is None else
                             f"{row['p50_s'] * 1000:,.0f} / {row['p95_s'] * 1000:,.0f} ms "
                             f"({row['rows']})")
            lines.append(f"| {query} ({variant}) | {' | '.join(cells)} |")
    if any("measures" in r for r in runs):
        lines += ["", "Analytics, each measure timed on its own (seconds):", "",
                  f"| projection: measure | {head} |", f"|---|{rule}|"]
        keys = dict.fromkeys((m["projection"], m["measure"]) for r in runs
                             for m in r.get("measures", []))
        for projection, measure in keys:
            cells = []
            for r in runs:
                row = next((m for m in r.get("measures", []) if m["projection"] == projection
                            and m["measure"] == measure), None)
                cells.append("not run" if row is None else _secs(row["seconds"]))
            lines.append(f"| {projection}: {measure} | {' | '.join(cells)} |")
    return "\n".join(lines) + "\n"


def write_plot(result: dict[str, Any], path: str | Path) -> Path:
    """Draw ``bench.png``: seconds (left) and peak RSS by the end of each stage (right)
    against papers, log-log, one line per stage; written atomically."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    runs = result["results"]
    sizes = [r["papers"] for r in runs]
    names = stage_names(runs)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), dpi=90)
    try:
        for name in [*names, "end to end"]:
            if name == "end to end":
                secs = [r["end_to_end"]["seconds"] for r in runs]
                left.plot(sizes, secs, "k-o", linewidth=2.2, label=name)
                continue
            ran = [(r["papers"], s) for r in runs if (s := _stage(r, name)) is not None]
            xs = [n for n, _ in ran]
            colour = plt.get_cmap("tab20")(names.index(name) % 20)
            left.plot(xs, [max(s["seconds"], 1e-4) for _, s in ran], "-o", label=name,
                      markersize=4, color=colour)
            right.plot(xs, [s["peak_rss_mb"] for _, s in ran], "-o", label=name, markersize=4,
                       color=colour)
        for key, label, style in (("tokenise", "ref: spaCy tokenise", ":x"),
                                  ("ntparse", "ref: N-Triples parse", "--x"),
                                  ("oxload", "ref: Oxigraph bulk load", "-.x")):
            ran = [(r["papers"], r["references"][key]["seconds"]) for r in runs
                   if key in r["references"]]
            if ran:
                left.plot(*zip(*ran, strict=True), style, color="grey", label=label)
        for ax, title, unit in ((left, "time per stage", "seconds"),
                                (right, "peak RSS by the end of each stage", "MiB")):
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlabel("papers")
            ax.set_ylabel(unit)
            ax.set_title(title)
            ax.grid(True, which="both", alpha=0.3)
        left.legend(fontsize=7, ncol=2)
        fig.suptitle(f"kg bench (seed {result['seed']}, {result['build']}, "
                     f"{result['machine'].get('cpus')} CPUs)", fontsize=10)
        fig.tight_layout()
        target = Path(path)
        data = io.BytesIO()
        fig.savefig(data, format="png", metadata={"Software": None})
        os.replace(write_temp(target, data.getvalue()), target)
    finally:
        plt.close(fig)
    return target
