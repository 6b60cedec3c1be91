"""scripts/bench_analyse.py runs end to end on small graphs (no timing assertions)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "bench_analyse.py"


def test_bench_script_prints_tables_and_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(SCRIPT), "--nodes", "300,600", "--k", "20,40",
                          "--k-large", "20", "--exact-limit", "400", "--nx-limit", "400",
                          "--json", str(out)], capture_output=True, text=True, cwd=ROOT,
                         timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "### 300 nodes" in run.stdout and "### 600 nodes" in run.stdout
    assert "| pagerank |" in run.stdout and "PageRank + Leiden (igraph):" in run.stdout
    result = json.loads(out.read_text())
    small, large = result["results"]
    assert small["nodes"] == 300 and small["edges"] >= 3000
    assert [s["k"] for s in small["sampling"]] == [20, 40] and not large["sampling"]
    assert all(0 <= s["top100_overlap"] <= 1 for s in small["sampling"])
    skipped = {(r["measure"], r["backend"]) for r in large["measures"] if r["seconds"] is None}
    assert ("louvain", "networkx") in skipped and ("betweenness exact", "igraph") in skipped


def test_bench_script_generates_the_same_graph_for_the_same_seed():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        from bench_analyse import coauthorship_like
    finally:
        sys.path.remove(str(SCRIPT.parent))
    one, two = coauthorship_like(500, 5, seed=1), coauthorship_like(500, 5, seed=1)
    assert list(one.edges(data="weight")) == list(two.edges(data="weight"))
    assert one.number_of_edges() >= 2500


def test_bench_script_rejects_bad_arguments():
    run = subprocess.run([sys.executable, str(SCRIPT), "--nodes", "0"], capture_output=True,
                         text=True, cwd=ROOT)
    assert run.returncode == 2 and "must be integers of at least 1" in run.stderr
