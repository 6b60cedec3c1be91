"""The views of a store are the views of the same graph in memory."""

import subprocess
import sys
from pathlib import Path

from kg.store.views import store_view_graph
from kg.view import render_views

ROOT = Path(__file__).resolve().parents[2]


def test_store_pages_equal_the_in_memory_pages(seed_store, seed_memory_graph):
    for max_nodes in (500, 7):  # whole, and cut to the most central nodes
        from_store = render_views(store_view_graph(seed_store), max_nodes=max_nodes)
        in_memory = render_views(seed_memory_graph, max_nodes=max_nodes)
        assert from_store.keys() == in_memory.keys()
        for name, page in in_memory.items():
            assert from_store[name] == page, name
        if max_nodes == 7:
            assert "this page shows only the 7 people" in from_store["coauthorship.html"]


def test_the_store_build_writes_the_views_kg_view_writes(seed_store, tmp_path):
    run = subprocess.run([sys.executable, "-m", "kg", "view", str(seed_store), "-o",
                          str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "coauthorship.html", "explorer.html", "index.html", "lineage.html"]
    assert "PP-OCRv3" in (tmp_path / "lineage.html").read_text()
    for page in tmp_path.iterdir():
        assert (seed_store / "views" / page.name).read_bytes() == page.read_bytes()


def test_analyse_rewrites_a_stores_views(seed_store, tmp_path):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(seed_store, store)

    def kg(*args):
        return subprocess.run([sys.executable, "-m", "kg", *map(str, args)],
                              capture_output=True, text=True, cwd=ROOT)

    assert (store / "views" / "index.html").is_file()  # kg build --store writes them
    (store / "views" / "lineage.html").write_text("stale")
    run = kg("analyse", store)
    assert run.returncode == 0, run.stderr
    assert "PP-OCRv3" in (store / "views" / "lineage.html").read_text()
