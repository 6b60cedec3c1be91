"""The ``kg`` command: each subcommand parses its arguments, calls one library function and
prints. Data goes to stdout or ``-o``; logs, progress and errors to stderr. Exit codes: 0
success, 1 bad input / validation failure, 2 usage."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.config import load_settings
from kg.errors import KgError, ValidationError

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _progress(items):
    """A progress bar on a terminal, nothing otherwise."""
    if not sys.stderr.isatty() or len(items) < 20:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="reading", unit="file", file=sys.stderr, leave=False)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.pipeline import build

    settings = load_settings(args.config, capture_year=args.capture_year,
                             strict=args.strict or None, jobs=args.jobs)
    started = time.perf_counter()
    if args.add and (args.paths or not args.store):
        print("error: --add takes the paths to add to the store of --store DIR (no PATH "
              "arguments)", file=sys.stderr)
        return EXIT_USAGE
    if args.store:  # the Oxigraph store instead of graph files (kg.store)
        from kg.store.build import build_store

        paths = args.paths or ["seeds"]
        if args.add:  # the store's recorded inputs, then the new ones
            from kg.store.incremental import added_inputs

            paths = added_inputs(Path(args.store), args.add, settings.capture_year)
        report = build_store(paths, Path(args.store), settings, progress=_progress,
                             reuse=not args.no_cache)
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    else:
        report = build(args.paths or ["seeds"], Path(args.output), settings,
                       progress=_progress)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    if report.errors:
        print(f"error: {len(report.errors)} bad input(s) in "
              f"{len({e.path for e in report.errors})} file(s)"
              + ("; nothing was written (--strict)" if not report.written else ""),
              file=sys.stderr)
    if not report.written:
        return EXIT_FAIL
    seconds = time.perf_counter() - started
    print(f"built {args.store or args.output}: {report.papers} papers, {report.people} people, "
          f"{report.entities} entities, {report.mentions} mentions, {report.relations} "
          f"relations, {report.results} results, {report.triples} triples, "
          f"{report.violations} violations, "
          f"{seconds:.2f} s, {report.papers / seconds:.1f} papers/s", file=sys.stderr)
    if args.store:
        print(f"extracted {report.papers - report.reused} papers, reused the extractions of "
              f"{report.reused} from the store's cache", file=sys.stderr)
    return EXIT_FAIL if report.errors else EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.graph.io import load_graph
    from kg.graph.validate import validate_graph

    if _is_store(args.graph):
        from kg.store.validate import validate_store

        outcome = validate_store(args.graph)
    else:
        outcome = validate_graph(load_graph(args.graph))
    if not outcome.conforms:
        raise ValidationError(outcome.report, outcome.count)
    print(f"{args.graph}: conforms to the kg shapes (0 violations)")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.graph.io import load_graph
    from kg.graph.stats import graph_stats

    if _is_store(args.graph):
        from kg.store.analyse import store_stats

        stats = store_stats(args.graph)
    else:
        stats = graph_stats(load_graph(args.graph))
    for name, value in stats.items():
        print(f"{name:<24}{value:>10}")
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    import json

    from kg.pipeline import extraction_rows
    from kg.write import atomic_write_text

    settings = load_settings(args.config, capture_year=args.capture_year,
                             strict=args.strict or None, jobs=args.jobs)
    rows, errors = extraction_rows(args.paths, settings)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if not rows and errors:
        return EXIT_FAIL
    text = "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)
    if args.output:
        atomic_write_text(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return EXIT_FAIL if errors else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    import json

    from kg.evaluate import evaluate, format_scores, load_jsonl
    from kg.pipeline import extraction_rows

    gold = load_jsonl(args.gold)
    if args.system:
        rows = load_jsonl(args.system)
    else:
        rows, errors = extraction_rows(args.paths or ["seeds"], load_settings())
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
    scores = evaluate(gold, rows)
    if args.format == "json":
        print(json.dumps({k: {"p": v.precision, "r": v.recall, "f1": v.f1, "tp": v.tp,
                              "fp": v.fp, "fn": v.fn} for k, v in sorted(scores.items())},
                         indent=2))
    else:
        print(format_scores(scores))
    return EXIT_OK


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be at least 0")
    return value


def cmd_analyse(args: argparse.Namespace) -> int:
    from kg.analyse import analyse_build

    if _is_store(args.graph):
        if args.output:
            raise KgError("-o: a store is analysed in place (kg analyse STORE takes no -o)")
        from kg.store.analyse import analyse_store
        from kg.store.validate import validate_store

        report = analyse_store(args.graph, seed=args.seed, backend=args.backend,
                               communities=args.communities, betweenness_k=args.betweenness_k)
        print(report.summary(), file=sys.stderr)
        outcome = validate_store(args.graph)
        if not outcome.conforms:
            raise ValidationError(outcome.report, outcome.count)
        from kg.store.views import VIEWS_DIR

        if (Path(args.graph) / VIEWS_DIR / "index.html").is_file():  # new scores, new views
            from kg.view import view_build

            view_build(args.graph, max_nodes=load_settings().view_max_nodes)
        return EXIT_OK

    report = analyse_build(args.graph, args.output, seed=args.seed, backend=args.backend,
                           communities=args.communities, betweenness_k=args.betweenness_k)
    print(report.summary(), file=sys.stderr)
    return EXIT_OK


def cmd_top(args: argparse.Namespace) -> int:
    from kg.analyse import format_top, top_table
    from kg.analyse.writeback import MEASURES
    from kg.graph.io import load_graph

    known = MEASURES[args.subgraph]
    if args.by is not None and args.by not in known:
        print(f"error: --by {args.by}: not a measure of the {args.subgraph} subgraph "
              f"(known: {', '.join(known)})", file=sys.stderr)
        return EXIT_USAGE
    if _is_store(args.graph):
        from kg.store.disk import open_store

        graph = open_store(args.graph)
    else:
        graph = load_graph(args.graph)
    rows = top_table(graph, by=args.by, subgraph=args.subgraph,
                     limit=args.limit)
    sys.stdout.write(format_top(rows, args.format))
    return EXIT_OK


def cmd_view(args: argparse.Namespace) -> int:
    from kg.view import view_build

    settings = load_settings(args.config, view_max_nodes=args.max_nodes)
    written = view_build(args.graph, args.output, max_nodes=settings.view_max_nodes)
    print(f"wrote {written[0]} and {len(written) - 1} pages beside it", file=sys.stderr)
    return EXIT_OK


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def cmd_queries(args: argparse.Namespace) -> int:
    from kg.query.library import named_queries, named_query

    if args.name:
        q = named_query(args.name)
        print(f"{q.name}: {q.title}\n\n{q.description}")
        if q.params:
            print("\nparameters (-p NAME=VALUE):")
            for p in q.params:
                default = f"default {p.default}" if p.default is not None else "optional"
                print(f"  {p.name} ({p.type}, {default}): {p.doc}")
        return EXIT_OK
    queries = named_queries()
    width = max(map(len, queries), default=0)
    for name, q in queries.items():
        params = " ".join(f"[-p {p.name}]" if p.default is None else f"-p {p.name}"
                          for p in q.params)
        print(f"{name:<{width}}  {q.title}" + (f"  ({params})" if params else ""))
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from kg.graph.io import load_graph
    from kg.query.evaluate import run_query
    from kg.query.formats import format_result
    from kg.query.library import compile_query, parse_parameters

    if _is_store(args.graph):  # the store runs the text: no rdflib parse of a shipped query
        from kg.store.query import compile_store_query, run_store_query

        named, bindings = compile_store_query(args.query, parse_parameters(args.param))
        result = run_store_query(args.graph, named, bindings, timeout=args.timeout)
        sys.stdout.write(format_result(result, args.format))
        return EXIT_OK
    prepared, bindings = compile_query(args.query, parse_parameters(args.param))
    result = run_query(load_graph(args.graph), prepared, bindings, timeout=args.timeout)
    sys.stdout.write(format_result(result, args.format))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.graph.io import load_graph
    from kg.query.endpoint import is_loopback, serve_graph

    if not is_loopback(args.host):
        raise KgError(f"--host {args.host}: kg serve only listens on loopback (127.0.0.1, "
                      "::1 or localhost)")
    if _is_store(args.graph):
        from kg.store.serve import serve_store

        serve_store(args.graph, host=args.host, port=args.port, timeout=args.timeout or None,
                    max_rows=args.max_rows or None)
        return EXIT_OK
    g = load_graph(args.graph)

    def announce(url: str) -> None:
        limits = (f"query time limit {args.timeout:g} s" if args.timeout else "no time limit")
        rows = f"at most {args.max_rows} rows" if args.max_rows else "no row limit"
        print(f"serving {args.graph} ({len(g)} triples) read-only at {url} ({limits}, "
              f"{rows}); Ctrl-C stops", file=sys.stderr, flush=True)

    serve_graph(g, host=args.host, port=args.port, timeout=args.timeout or None,
                max_rows=args.max_rows or None, source=args.graph, announce=announce)
    return EXIT_OK


def _is_store(path: str) -> bool:
    """Whether GRAPH is a kg store directory (kg build --store) rather than graph files."""
    from kg.store.disk import is_store

    return is_store(path)


def cmd_bench(args: argparse.Namespace) -> int:
    from kg.bench import run_bench, select_stages
    from kg.bench.run import backend_stages

    stages = args.stages.split(",") if args.stages else None
    try:
        select_stages(stages, backend_stages(args.backend))
    except ValueError as exc:
        print(f"error: --stages: {exc}", file=sys.stderr)
        return EXIT_USAGE
    result = run_bench(args.papers, args.output, seed=args.seed, stages=stages,
                       repeat=args.repeat, keep=args.keep, backend=args.backend)
    out = Path(args.output)
    for r in result["results"]:
        e2e = r["end_to_end"]
        print(f"{r['papers']} papers: {e2e['seconds']:.1f} s end to end "
              f"({e2e['papers_per_s']:.1f} papers/s), peak RSS {r['peak_rss_mb']:,.0f} MiB",
              file=sys.stderr)
    print(f"wrote {out / 'bench.json'}, {out / 'bench.md'} and {out / 'bench.png'}",
          file=sys.stderr)
    return EXIT_OK


def _seconds(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError("must be at least 0")
    return value


def _input_options(p: argparse.ArgumentParser) -> None:
    """The options of every command that reads listings."""
    p.add_argument("--strict", action="store_true",
                   help="write nothing if any input is bad (default: use the good files)")
    p.add_argument("--capture-year", type=int, metavar="YEAR",
                   help="year given to listing dates printed without one (default 2026)")
    p.add_argument("--config", metavar="FILE", help="a kg.toml with settings")
    p.add_argument("--jobs", type=int, metavar="N", help="processes that extract (default: "
                   "one per CPU, at most one per 1,000 papers)")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description=(
        "Build a knowledge graph of machine-learning papers (models, datasets, lineage, "
        "results) from scraped listings; query, analyse and view it."))
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    top.add_argument("-v", "--verbose", action="store_true", help="tracebacks on errors")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="read listings, build and validate the graph, write it",
                       description="Read paper listings (files or directories; default "
                       "seeds/), merge duplicate papers, build the RDF graph, check it "
                       "against the SHACL shapes and write DIR/graph.ttl and DIR/graph.nt.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (seeds/)")
    p.add_argument("-o", "--output", default="build", metavar="DIR",
                   help="output directory (build/)")
    p.add_argument("--store", metavar="DIR", help="write an Oxigraph store to DIR instead "
                   "of graph files (for large builds; kg query, serve, analyse, top, "
                   "validate and stats read it in place)")
    p.add_argument("--add", nargs="+", metavar="PATH", help="with --store DIR: rebuild "
                   "the store from the inputs it was built from plus these, extracting only "
                   "the papers it has not extracted yet")
    p.add_argument("--no-cache", action="store_true", help="with --store: extract every "
                   "paper again instead of reusing the store's extraction cache")
    _input_options(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("extract", help="extract entities, relations and results as JSON Lines",
                       description="Read listings, merge duplicate papers and write one JSON "
                       "object per distinct paper with its entities (name, type, offsets), "
                       "relations and results.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    p.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    _input_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score the extractors against a gold file",
                       description="Precision, recall and F1 per entity type, per relation "
                       "and for results, against GOLD (EXTRACTION.md's matching rules).")
    p.add_argument("gold", metavar="GOLD", help="gold JSON Lines file")
    p.add_argument("paths", nargs="*", metavar="PATH", help="listings to extract (seeds/)")
    p.add_argument("--system", metavar="FILE",
                   help="score this extraction output instead of extracting PATHs")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("analyse", help="re-run centrality and communities, write them back",
                       description="Compute centrality and communities on the co-authorship, "
                       "model-lineage, paper-entity, co-mention and comparison projections of "
                       "GRAPH and write them into the graph (kg build already does this).")
    p.add_argument("graph", metavar="GRAPH", help="build directory, graph file or store")
    p.add_argument("-o", "--output", metavar="DIR", help="write here (default: GRAPH's "
                   "directory; a store's views/)")
    p.add_argument("--seed", type=int, default=0, help="random seed (0)")
    p.add_argument("--backend", choices=["igraph", "networkx"], default="igraph",
                   help="library for PageRank and betweenness (igraph)")
    p.add_argument("--communities", choices=["leiden", "louvain", "label-propagation"],
                   default="leiden", help="community detection algorithm (leiden)")
    p.add_argument("--betweenness-k", type=int, metavar="K",
                   help="sample K nodes for betweenness (default: exact)")
    p.set_defaults(func=cmd_analyse)

    p = sub.add_parser("top", help="the most central people, papers or most influential models",
                       description="A ranked table of the scores written back by the "
                       "analytics: people in the co-authorship subgraph, models in lineage, "
                       "papers (on the paper-entity graph), entities by co-mention, and the "
                       "most compared-against baselines in comparison.")
    p.add_argument("graph", metavar="GRAPH", help="build directory or graph file")
    p.add_argument("--by", metavar="MEASURE", help="coauthorship: pagerank, degree, "
                   "betweenness, eigenvector; lineage: influence, descendants, degree, "
                   "betweenness; papers, comention: pagerank; comparison: baseline-count, "
                   "baseline-rank (default: the first)")
    p.add_argument("--subgraph", choices=["coauthorship", "lineage", "papers", "comention",
                                          "comparison"], default="coauthorship")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--limit", type=_count, default=10, metavar="N", help="rows (10)")
    p.set_defaults(func=cmd_top)

    p = sub.add_parser("view", help="write the interactive HTML views of a graph",
                       description="Write DIR/index.html and the pages it links: the "
                       "co-authorship network, the model-lineage graph and a paper-entity "
                       "explorer. Each page is one HTML file that opens from disk with no "
                       "network (kg build writes them too).")
    p.add_argument("graph", metavar="GRAPH", help="build directory, graph file or store")
    p.add_argument("-o", "--output", metavar="DIR", help="write here (default: GRAPH's "
                   "directory; a store's views/)")
    p.add_argument("--max-nodes", type=_positive, metavar="N",
                   help="draw at most N nodes per view, the most central (default 500, "
                   "or view_max_nodes in --config)")
    p.add_argument("--config", metavar="FILE", help="a kg.toml with settings")
    p.set_defaults(func=cmd_view)
    p = sub.add_parser("queries", help="list the named queries (or document one)",
                       description="List the named queries of the library with their "
                       "parameters, or print the documentation of one.")
    p.add_argument("name", nargs="?", metavar="NAME", help="a query to document")
    p.set_defaults(func=cmd_queries)

    p = sub.add_parser("query", help="run a SPARQL query (named, a .rq file or text)",
                       description="Run a read-only SPARQL query on GRAPH: the NAME of a "
                       "query in the library (kg queries lists them), a .rq file, or the "
                       "text of a query. Parameters are bound as values, never pasted into "
                       "the query.")
    p.add_argument("graph", metavar="GRAPH", help="build directory or graph file")
    p.add_argument("query", metavar="QUERY", help="NAME, FILE.rq or 'SELECT ...'")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to VALUE (repeatable)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                   help="stop a query that runs longer (default: no limit)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("serve", help="serve a graph as a read-only SPARQL endpoint",
                       description="Serve GRAPH as a read-only SPARQL 1.1 Protocol endpoint "
                       "on loopback (GET and POST; SPARQL JSON, XML or CSV by Accept) until "
                       "interrupted. Updates are refused; every query has a time limit and "
                       "a result-size limit.")
    p.add_argument("graph", metavar="GRAPH", help="build directory or graph file")
    p.add_argument("--port", type=_count, default=7878, metavar="N",
                   help="port (7878; 0 picks a free one)")
    p.add_argument("--host", default="127.0.0.1",
                   help="loopback address to listen on (127.0.0.1)")
    p.add_argument("--timeout", type=_seconds, default=10.0, metavar="SECONDS",
                   help="query time limit (10; 0 for none)")
    p.add_argument("--max-rows", type=_count, default=10_000, metavar="N",
                   help="most rows (or triples) in a result (10000; 0 for no limit)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("bench", help="benchmark the build on synthetic corpora",
                       description="Write a synthetic corpus of N papers for each N (the "
                       "seed layouts and JSON Lines), time every stage of the build on it "
                       "in a fresh process (papers/s, triples/s, peak RSS), each analytics "
                       "measure, each named query (p50/p95) and the views, each also as a "
                       "ratio to bare spaCy tokenisation or a plain N-Triples parse "
                       "measured in the same run; write DIR/bench.json, DIR/bench.md and "
                       "DIR/bench.png (needs matplotlib: pip install 'kg[bench]').")
    p.add_argument("--papers", type=_positive, nargs="+", required=True, metavar="N",
                   help="corpus sizes, e.g. 1000 10000")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (0)")
    p.add_argument("--stages", metavar="A,B",
                   help="only these stages (and the ones they need): read, merge, extract, "
                   "resolve, graph, measures, analyse, validate, view, write, load, query "
                   "(default all; see --backend for the store's)")
    p.add_argument("--repeat", type=_positive, default=5, metavar="R",
                   help="runs of each named query for p50/p95 (5)")
    p.add_argument("--keep", action="store_true",
                   help="keep the corpora and builds under DIR/work/N")
    p.add_argument("--backend", choices=("memory", "store"), default="memory",
                   help="the build to measure: memory (an rdflib graph, kg build; default) "
                   "or store (an Oxigraph store, kg build --store; its stages: read, "
                   "extract, resolve, triples, load, analyse, validate, view, write, query; "
                   "its graph reference is Oxigraph's bulk load of the same N-Triples)")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("validate", help="check a graph against the SHACL shapes",
                       description="Check a graph (a build directory or a graph file) against "
                       "the kg SHACL shapes; list the violations and exit 1 if any.")
    p.add_argument("graph", metavar="GRAPH", help="build directory or graph file")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("stats", help="counts of what a graph holds",
                       description="Print counts of papers, people, sources and triples.")
    p.add_argument("graph", metavar="GRAPH", help="build directory or graph file")
    p.set_defaults(func=cmd_stats)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KgError as exc:
        if args.verbose:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
