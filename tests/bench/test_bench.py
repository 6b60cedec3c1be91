"""kg bench end to end on a tiny corpus (no timing assertions: the figures exist, are
positive and hang together), stage selection, and its errors."""

import importlib.util
import json
import struct

import pytest

from kg.bench.stages import MEMORY_STAGES, percentile, select_stages
from kg.cli import main
from kg.query.library import named_queries

SIZES = (12, 24)
STAGES = [s.name for s in MEMORY_STAGES]


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    code = main(["bench", "--papers", *map(str, SIZES), "-o", str(out), "--repeat", "2",
                 "--seed", "3"])
    assert code == 0
    return out


def test_json_has_every_stage_figure_and_ratio_for_every_size(bench):
    result = json.loads((bench / "bench.json").read_text())
    assert result["sizes"] == list(SIZES) and result["seed"] == 3
    assert result["machine"]["cpus"] >= 1 and result["machine"]["versions"]["spacy"]
    assert [r["papers"] for r in result["results"]] == list(SIZES)
    for r in result["results"]:
        assert [s["name"] for s in r["stages"]] == STAGES
        for s in r["stages"]:
            for key in ("seconds", "papers_per_s", "ratio", "peak_rss_mb"):
                assert s[key] > 0, (r["papers"], s["name"], key)
            assert s["reference"] == ("tokenise" if s["name"] in ("read", "merge", "extract")
                                      else "ntparse")
        graph = next(s for s in r["stages"] if s["name"] == "graph")
        assert graph["triples_per_s"] > 0 and graph["triples"] > 100 * r["papers"]
        assert r["distinct_papers"] == r["papers"]  # the duplicates across files merged
        assert r["peak_rss_mb"] >= max(s["peak_rss_mb"] for s in r["stages"]) > 50
        e2e = r["end_to_end"]
        assert e2e["stages"] == [s.name for s in MEMORY_STAGES if s.pipeline]
        assert e2e["seconds"] == pytest.approx(sum(s["seconds"] for s in r["stages"]
                                                   if s["pipeline"]))
        assert e2e["papers_per_s"] > 0 and e2e["triples_per_s"] > 0 and e2e["ratio"] > 0
        assert r["references"]["tokenise"]["seconds"] > 0
        assert r["references"]["ntparse"]["triples"] == r["triples"]
        queries = {(q["query"], q["variant"]) for q in r["queries"]}
        assert {name for name, _ in queries} == set(named_queries())
        assert ("coauthors", "busy") in queries and ("leaderboard", "busy") in queries
        for q in r["queries"]:
            assert 0 < q["min_s"] <= q["p50_s"] <= q["p95_s"] <= q["max_s"]
            assert q["runs"] == 2 and q["p50_ratio"] > 0 and q["prepare_s"] > 0
        busy = next(q for q in r["queries"] if q["query"] == "coauthors"
                    and q["variant"] == "busy")
        assert busy["rows"] > 0  # the busiest person has co-authors
        measures = {(m["projection"], m["measure"]) for m in r["measures"]}
        assert {("coauthorship", "pagerank"), ("coauthorship", "leiden"),
                ("lineage", "influence"), ("papers", "pagerank")} <= measures
        assert all(m["seconds"] > 0 and m["ratio"] > 0 for m in r["measures"])
        assert r["corpus"]["files"] >= 4  # profile listings, dumps, pairs, JSON Lines


def test_markdown_has_a_row_per_stage_and_query(bench):
    text = (bench / "bench.md").read_text()
    for name in STAGES:
        assert f"\n| {name} | " in text
    for name in named_queries():
        assert f"\n| {name} (default) | " in text
    assert "| **end to end**" in text and "| peak RSS | " in text
    assert "| coauthorship: pagerank | " in text
    header = next(line for line in text.splitlines() if line.startswith("| stage |"))
    assert header.count("papers") == len(SIZES)


def test_plot_is_a_png(bench):
    data = (bench / "bench.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 400 and height > 200
    assert not (bench / "work").exists()  # corpora and builds are removed


def test_stages_bring_what_they_need_in_pipeline_order():
    assert [s.name for s in select_stages(["extract"])] == ["read", "merge", "extract"]
    assert [s.name for s in select_stages(["query", "read"])] == [
        "read", "merge", "extract", "resolve", "graph", "query"]
    assert [s.name for s in select_stages(None)] == STAGES
    with pytest.raises(ValueError, match="unknown stage 'parse' .*known: read, merge"):
        select_stages(["parse"])


def test_percentiles():
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([1.0, 2.0], 95) == pytest.approx(1.95)


@pytest.mark.parametrize(("args", "message"), [
    (["--papers", "0"], "must be at least 1"),
    (["--papers", "5", "--stages", "read,parse"], "unknown stage 'parse'"),
    (["--papers", "5", "--repeat", "0"], "must be at least 1"),
])
def test_bad_arguments_are_usage_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        code = main(["bench", *args, "-o", str(tmp_path / "out")])
        raise SystemExit(code)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_missing_matplotlib_is_a_clear_error_before_any_work(tmp_path, capsys, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "matplotlib" else real(name, *a))
    assert main(["bench", "--papers", "5", "-o", str(tmp_path / "out")]) == 1
    assert "pip install 'kg[bench]'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_runs_with_other_sizes_and_stages_combine_into_one_table_and_plot(bench, tmp_path):
    from kg.bench.report import bench_markdown, combine_results, write_plot

    full = json.loads((bench / "bench.json").read_text())
    part = json.loads((bench / "bench.json").read_text())
    run = part["results"][-1]
    run["papers"] = 48
    run["stages"] = [s for s in run["stages"] if s["name"] not in ("validate", "query")]
    del run["queries"]
    part["results"] = [run]
    both = combine_results([part, full])
    assert both["sizes"] == [*SIZES, 48] and len(both["runs"]) == 2
    text = bench_markdown(both)
    validate = next(line for line in text.splitlines() if line.startswith("| validate |"))
    assert validate.count("not run") == 1 and validate.endswith("| not run |")
    assert next(line for line in text.splitlines()
                if line.startswith("| coauthors (busy) |")).endswith("| not run |")
    assert write_plot(both, tmp_path / "both.png").read_bytes()[:4] == b"\x89PNG"


def test_load_and_query_without_the_write_stage(tmp_path):
    # The N-Triples file that load reads is then written untimed, before load's clock.
    from kg.bench.measure import measure
    from kg.bench.stages import Run
    from kg.synth import write_corpus

    write_corpus(8, tmp_path / "corpus", seed=1)
    run = Run(corpus=tmp_path / "corpus", work=tmp_path / "work", papers_made=8,
              query_repeat=1)
    out = measure(run, select_stages(["load", "query"]), log=lambda text: None)
    names = [s["name"] for s in out["stages"]]
    assert names == ["read", "merge", "extract", "resolve", "graph", "load", "query"]
    load = out["stages"][-2]
    assert load["triples"] == out["references"]["ntparse"]["triples"] > 0
    assert (tmp_path / "work" / "build" / "graph.nt").is_file()
    assert not (tmp_path / "work" / "build" / "graph.ttl").exists()
    assert len(out["queries"]) >= len(named_queries())


def test_the_backend_is_recorded(bench):
    result = json.loads((bench / "bench.json").read_text())
    assert result["backend"] == "memory" and result["build"] == "in-memory (rdflib Graph)"
