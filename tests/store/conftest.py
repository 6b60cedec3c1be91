"""The seed graph built twice, once as kg builds it in memory (graph files) and once into
an Oxigraph store (kg build --store), shared by the store tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build directory with the graph files of seeds/ (the in-memory build)."""
    from kg.config import Settings
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed-files")
    report = build([ROOT / "seeds"], out, Settings(), views=False)
    assert report.written and not report.errors
    return out


@pytest.fixture(scope="session")
def seed_memory_graph(seed_files: Path) -> Graph:
    """The in-memory build's graph, loaded (do not modify: it is shared)."""
    from kg.graph.io import load_graph

    return load_graph(seed_files)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory built from seeds/ with kg build --store."""
    from kg.config import Settings
    from kg.store.build import build_store

    out = tmp_path_factory.mktemp("seed-store") / "store"
    report = build_store([ROOT / "seeds"], out, Settings())
    assert report.written and not report.errors
    return out


def store_graph(path: Path) -> Graph:
    """Everything in the store at ``path``, as an rdflib graph (for comparisons)."""
    from kg.graph.build import new_graph
    from kg.store.disk import open_store
    from kg.store.terms import from_ox

    g = new_graph()
    for quad in open_store(path).quads_for_pattern(None, None, None):
        g.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    return g
