"""Meta-tests that keep the project honest: lint, module size, documented commands."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import parser

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is installed by '.[test]'")
def test_ruff_clean():
    run = subprocess.run(["ruff", "check", "kg", "tests"], cwd=ROOT, capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_module_over_600_lines():
    long = {p.relative_to(ROOT).as_posix(): n for p in (ROOT / "kg").rglob("*.py")
            if (n := len(p.read_text().splitlines())) > 600}
    assert not long


def commands():
    sub = next(a for a in parser()._actions if a.dest == "command")
    return sorted(sub.choices)


def test_every_command_is_in_the_readme_and_has_help():
    readme = (ROOT / "README.md").read_text()
    for name in commands():
        assert re.search(rf"`kg {name}\b", readme), f"kg {name} is not in README.md"
        run = subprocess.run([sys.executable, "-m", "kg", name, "--help"], capture_output=True,
                             text=True, cwd=ROOT)
        assert run.returncode == 0 and "usage: kg " + name in run.stdout


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```sh\n(.*?)```", readme, re.S)[1].strip().splitlines()
    assert len(block) == 2 and "kg build" in block[0] and "pytest" in block[1]
    assert block[1] in (ROOT / ".ci" / "run").read_text()
