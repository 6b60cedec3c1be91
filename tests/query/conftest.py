"""The seed graph, built once per test session for every query test."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build directory holding the graph of seeds/ (graph.ttl and graph.nt)."""
    from kg.config import Settings
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed-build")
    report = build([ROOT / "seeds"], out, Settings())
    assert report.written and not report.errors
    return out


@pytest.fixture(scope="session")
def seed_graph(seed_build_dir: Path) -> Graph:
    """The seed graph, loaded as kg loads it (do not modify: it is shared)."""
    from kg.graph.io import load_graph

    return load_graph(seed_build_dir)


@pytest.fixture(scope="session")
def seed_store_dir(seed_build_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed graph (``seed_build_dir``'s graph.nt) bulk-loaded into a kg store."""
    import pyoxigraph as ox

    from kg.store.disk import write_store

    out = tmp_path_factory.mktemp("seed-store") / "store"

    def fill(store: ox.Store, work: Path) -> dict:
        store.bulk_load(path=str(seed_build_dir / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
        return {"triples": len(store)}

    write_store(out, fill)
    return out
