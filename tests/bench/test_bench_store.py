"""kg bench --backend store end to end on a tiny corpus (no timing assertions: the figures
exist, are positive and hang together), its stage selection and its usage errors."""

import json
import subprocess
import sys
import time

import pytest

from kg.bench.store import STORE_STAGES, select_store_stages, tree_rss_mb
from kg.cli import main
from kg.query.library import named_queries

PAPERS = 30
BUILD = ["read", "extract", "resolve", "triples", "load", "analyse", "validate", "view",
         "write"]


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench-store")
    code = main(["bench", "--papers", str(PAPERS), "-o", str(out), "--backend", "store",
                 "--repeat", "2", "--seed", "2"])
    assert code == 0
    return out


def test_json_has_the_store_stages_queries_and_references(bench):
    result = json.loads((bench / "bench.json").read_text())
    assert result["backend"] == "store" and "Oxigraph" in result["build"]
    assert result["sizes"] == [PAPERS] and result["stages"] == [*BUILD, "query"]
    (r,) = result["results"]
    assert [s["name"] for s in r["stages"]] == [*BUILD, "query"]
    for s in r["stages"]:
        for key in ("seconds", "papers_per_s", "ratio", "peak_rss_mb"):
            assert s[key] > 0, (s["name"], key)
        assert s["reference"] == ("tokenise" if s["name"] in ("read", "extract") else "oxload")
        assert s["pipeline"] == (s["name"] != "query")
    assert r["triples"] > 50 * PAPERS
    for s in r["stages"][3:9]:  # triples .. write: of the finished store
        assert s["triples"] == r["triples"] and s["triples_per_s"] > 0
    assert r["references"]["oxload"]["triples"] == r["triples"]
    assert r["references"]["tokenise"]["texts"] == r["distinct_papers"] == PAPERS
    assert r["peak_rss_mb"] >= max(s["peak_rss_mb"] for s in r["stages"]) > 50
    assert r["peak_rss_tree_mb"] > 50
    e2e = r["end_to_end"]
    assert e2e["stages"] == BUILD and e2e["reference"] == "oxload"
    assert e2e["seconds"] == pytest.approx(sum(s["seconds"] for s in r["stages"][:9]))
    assert r["build_wall_s"] >= e2e["seconds"] * 0.99
    assert e2e["papers_per_s"] > 0 and e2e["triples_per_s"] > 0 and e2e["ratio"] > 0
    assert r["counts"]["people"] > 0 and r["counts"]["mentions"] > 0
    queries = {(q["query"], q["variant"]) for q in r["queries"]}
    assert {name for name, _ in queries} == set(named_queries())
    assert ("coauthors", "busy") in queries and ("leaderboard", "busy") in queries
    for q in r["queries"]:
        assert 0 < q["min_s"] <= q["p50_s"] <= q["p95_s"] <= q["max_s"]
        assert q["runs"] == 2 and q["p50_ratio"] > 0 and q["prepare_s"] > 0
    busy = next(q for q in r["queries"] if q["query"] == "coauthors" and q["variant"] == "busy")
    assert busy["rows"] > 0 and busy["params"]["person"]
    assert "measures" not in r


def test_markdown_and_plot(bench):
    text = (bench / "bench.md").read_text()
    assert "Oxigraph store" in text.splitlines()[0]
    for name in [*BUILD, "query"]:
        assert f"\n| {name} | " in text
    for name in named_queries():
        assert f"\n| {name} (default) | " in text
    assert "| reference: Oxigraph bulk load | " in text and "N-Triples parse |" not in text
    assert "| peak RSS | " in text and "peak RSS with the workers" in text
    assert (bench / "bench.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (bench / "work").exists()


def test_store_stage_selection_keeps_the_build_whole():
    names = [s.name for s in STORE_STAGES]
    assert names == [*BUILD, "query"]
    assert [s.name for s in select_store_stages(["query"])] == [
        n for n in names if n != "view"]
    assert [s.name for s in select_store_stages(["extract"])] == [
        n for n in BUILD if n != "view"]
    assert [s.name for s in select_store_stages(["view"])] == BUILD
    with pytest.raises(ValueError, match="unknown stage 'graph' .*known: read, extract"):
        select_store_stages(["graph"])


@pytest.mark.parametrize(("args", "message"), [
    (["--backend", "disk"], "invalid choice: 'disk'"),
    (["--backend", "store", "--stages", "merge"], "unknown stage 'merge'"),
    (["--backend", "store", "--papers", "0"], "must be at least 1"),
])
def test_bad_arguments_are_usage_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        code = main(["bench", "--papers", "5", *args, "-o", str(tmp_path / "out")])
        raise SystemExit(code)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(tree_rss_mb() is None, reason="needs Linux /proc")
def test_tree_rss_counts_child_processes():
    before = tree_rss_mb()
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; b = b'x' * 200_000_000;"
                              " sys.stdout.write('ready\\n'); sys.stdout.flush(); "
                              "time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "ready\n"
        time.sleep(0.1)
        assert tree_rss_mb() - before > 150
        assert tree_rss_mb(child.pid) > 150
    finally:
        child.kill()
        child.wait()
