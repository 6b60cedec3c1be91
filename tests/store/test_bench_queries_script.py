"""scripts/bench_store_queries.py runs on the seed store (no timing assertions)."""

import json
import subprocess
import sys

from kg.query.library import named_queries

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "bench_store_queries.py"


def test_bench_store_queries_reports_validation_and_every_query(seed_store):
    run = subprocess.run([sys.executable, str(SCRIPT), str(seed_store), "--repeat", "1"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(run.stdout)
    assert result["validate"]["violations"] == 0 and result["validate"]["cpu_s"] > 0
    assert set(result["parameters"]) == {"model", "person", "dataset"}
    assert [q["query"] for q in result["queries"]] == sorted(named_queries())
    assert all(q["p50_s"] <= q["p95_s"] for q in result["queries"])


def test_bench_store_queries_names_a_missing_store(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1 and "not a kg store" in run.stderr
