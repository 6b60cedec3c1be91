"""scripts/bench_extract.py runs end to end on a small corpus (no timing assertions)."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_script_runs_and_prints_the_ratio(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_extract.py"),
                          "--papers", "50", "--repeat", "1", "--json", str(out)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"^ratio full/bare: \d+\.\d\dx \(target <= 3x\)", run.stdout, re.M)
    assert "| bare: spacy.blank" in run.stdout and "| full: kg.extract.extract_papers" in run.stdout
    result = json.loads(out.read_text())
    assert result["papers"] == 50 and result["ratio"] > 0
    stages = [c["name"] for c in result["components"]]
    assert stages[1:1 + len(result["pipe_names"])] == result["pipe_names"]
    for name in stages:
        assert f"| {name} |" in run.stdout


def test_bench_script_rejects_bad_arguments():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_extract.py"),
                          "--papers", "0"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "must be at least 1" in run.stderr
