"""scripts/bench_store_build.py runs end to end on a small corpus (no timing assertions)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "bench_store_build.py"


def test_bench_store_script_reports_stages_and_memory():
    run = subprocess.run([sys.executable, str(SCRIPT), "--papers", "30", "--batch", "7"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(run.stdout)
    assert result["papers"] == 30 and result["mode"] == "stream" and result["batch"] == 7
    assert result["triples"] > 30 * 50 and result["peak_rss_mb"] > 0
    assert list(result["stages_s"]) == ["read", "extract", "resolve", "triples", "load",
                                        "analyse", "validate", "view", "write"]
    assert max(result["rss_after_stage_mb"].values()) <= result["peak_rss_mb"]


def test_bench_store_script_rejects_bad_arguments():
    run = subprocess.run([sys.executable, str(SCRIPT), "--papers", "0"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "--papers" in run.stderr
