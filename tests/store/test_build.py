"""kg build --store: the same graph as the in-memory build, written whole or not at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.graph.build import new_graph
from kg.store.disk import is_store, read_manifest, write_store
from kg.store.terms import store_form

from .conftest import ROOT, store_graph


def test_the_store_holds_the_graph_the_in_memory_build_writes(seed_store, seed_memory_graph):
    expected = new_graph()
    for s, p, o in seed_memory_graph:
        expected.add((s, p, store_form(o)))
    got = store_graph(seed_store)
    assert len(got) == len(expected) > 15_000
    assert isomorphic(got, expected)
    manifest = read_manifest(seed_store)
    assert manifest["papers"] == 73 and manifest["triples"] == len(expected)


def test_a_failed_build_leaves_the_old_store(tmp_path: Path):
    out = tmp_path / "store"
    write_store(out, lambda store, work: {"triples": 0, "mark": "old"})

    def fail(store, work):
        raise KgError("boom")

    with pytest.raises(KgError, match="boom"):
        write_store(out, fail)
    assert read_manifest(out)["mark"] == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no temporary left
    write_store(out, lambda store, work: {"triples": 0, "mark": "new"})
    assert read_manifest(out)["mark"] == "new"


def test_a_directory_that_is_not_a_store_is_never_replaced(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(KgError, match="exists and is not a kg store"):
        write_store(tmp_path, lambda store, work: {})
    assert (tmp_path / "notes.txt").read_text() == "mine" and not is_store(tmp_path)


def test_cli_build_store_then_stats_and_validate(tmp_path: Path):
    out = tmp_path / "store"
    listing = tmp_path / "in.jsonl"
    listing.write_text('{"title": "X", "authors": ["Ann Lee", "Bo Li"], "abstract": '
                       '"We propose Foo-2, based on BERT, and evaluate it on GLUE."}\n')

    def kg(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)

    done = kg("build", str(listing), "--store", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"built {out}: 1 papers, 2 people,")
    assert is_store(out) and not (tmp_path / "build").exists()
    stats = kg("stats", str(out))
    assert stats.returncode == 0 and "papers" in stats.stdout
    assert kg("validate", str(out)).returncode == 0
    top = kg("top", str(out), "--format", "csv")
    assert top.returncode == 0 and "Ann Lee" in top.stdout
