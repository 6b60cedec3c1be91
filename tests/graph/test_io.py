"""Writing is atomic and byte-stable; loading accepts directories and files."""

from __future__ import annotations

import json
import os

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.graph import io
from kg.graph.build import paper_graph
from kg.graph.io import load_graph, write_graph


def test_write_graph_writes_sorted_ntriples_and_turtle(graph, tmp_path):
    ttl, nt = write_graph(graph, tmp_path / "out" / "build")
    assert (ttl.name, nt.name) == ("graph.ttl", "graph.nt")
    lines = nt.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(graph)
    assert nt.read_bytes().endswith(b" .\n")
    assert isomorphic(Graph().parse(nt, format="nt"), graph)
    assert isomorphic(Graph().parse(ttl, format="turtle"), graph)
    assert b"@prefix kg: <https://w3id.org/mlkg/ns#> ." in ttl.read_bytes()
    assert sorted(os.listdir(nt.parent)) == ["graph.nt", "graph.ttl"]


def test_building_and_writing_twice_gives_identical_files(papers, profiles, tmp_path):
    write_graph(paper_graph(papers, profiles), tmp_path / "a")
    write_graph(paper_graph(papers[::-1], profiles[::-1]), tmp_path / "b")
    for name in ("graph.nt", "graph.ttl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_failed_serialization_keeps_the_old_files(graph, tmp_path, monkeypatch):
    write_graph(graph, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(*args, **kwargs):
        raise RuntimeError("serializer exploded")

    monkeypatch.setattr(Graph, "serialize", broken)
    with pytest.raises(RuntimeError, match="serializer exploded"):
        write_graph(Graph(), tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_failed_move_puts_the_old_pair_back_and_leaves_no_temporary_file(graph, tmp_path,
                                                                          monkeypatch):
    write_graph(graph, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_replace = os.replace
    calls = []

    def replace_once_then_fail(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    # the failure comes after both files are written: the second move fails
    monkeypatch.setattr(io.os, "replace", replace_once_then_fail)
    with pytest.raises(KgError, match="cannot write the graph: No space left on device"):
        write_graph(Graph(), tmp_path)
    assert len(calls) == 3  # graph.ttl moved, graph.nt failed, graph.ttl put back
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_failed_temporary_write_leaves_nothing_behind(graph, tmp_path, monkeypatch):
    def no_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(io.os, "fsync", no_fsync)
    with pytest.raises(KgError, match="Input/output error"):
        write_graph(graph, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_load_graph_from_a_directory_prefers_ntriples(graph, tmp_path):
    write_graph(graph, tmp_path)
    assert isomorphic(load_graph(tmp_path), graph)
    (tmp_path / "graph.nt").write_text("")  # an empty graph.nt is the one read
    assert len(load_graph(tmp_path)) == 0
    (tmp_path / "graph.nt").unlink()
    assert isomorphic(load_graph(str(tmp_path)), graph)


def test_load_graph_from_files_by_suffix(graph, tmp_path):
    ttl, nt = write_graph(graph, tmp_path)
    jsonld = tmp_path / "g.jsonld"
    jsonld.write_text(graph.serialize(format="json-ld"), encoding="utf-8")
    for path in (ttl, nt, jsonld):
        loaded = load_graph(path)
        assert isomorphic(loaded, graph), path
        assert loaded.namespace_manager.qname("https://w3id.org/mlkg/ns#Paper") == "kg:Paper"


def test_load_graph_errors_name_the_file(tmp_path):
    with pytest.raises(KgError, match=r"missing\.nt: no such file or directory"):
        load_graph(tmp_path / "missing.nt")
    with pytest.raises(KgError, match=r"no graph\.nt or graph\.ttl in this directory"):
        load_graph(tmp_path)
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle at all .\n")
    with pytest.raises(KgError, match=r"bad\.ttl: not a valid turtle file"):
        load_graph(bad)
    badnt = tmp_path / "bad.nt"
    badnt.write_text("<a> <b> .\n")
    with pytest.raises(KgError, match=r"bad\.nt: not a valid nt file"):
        load_graph(badnt)
    badjson = tmp_path / "bad.jsonld"
    badjson.write_text(json.dumps({"@context": 5})[:-1])
    with pytest.raises(KgError, match=r"bad\.jsonld: not a valid json-ld file"):
        load_graph(badjson)
    other = tmp_path / "graph.xml"
    other.write_text("<rdf/>")
    with pytest.raises(KgError, match=r"graph\.xml: unknown graph file type '\.xml'"):
        load_graph(other)


def test_written_files_get_the_usual_mode_not_the_private_temporary_one(graph, tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    ttl, nt = write_graph(graph, tmp_path)
    assert nt.stat().st_mode & 0o777 == ttl.stat().st_mode & 0o777 == 0o666 & ~umask


def test_turtle_is_linear_prefixed_and_stable_with_many_namespaces(tmp_path):
    from rdflib import RDF, Graph, Literal, URIRef
    from rdflib.compare import isomorphic

    import kg.graph.io as graph_io

    g = Graph()
    for i in range(3000):  # one namespace per "paper", as mention IRIs have
        g.add((URIRef(f"https://w3id.org/mlkg/id/mention/{i}/0"),
               URIRef("https://w3id.org/mlkg/ns#alias"), Literal(f'say "{i}"\n\\')))
        g.add((URIRef(f"https://w3id.org/mlkg/id/mention/{i}/0"), RDF.type,
               URIRef("https://w3id.org/mlkg/ns#Mention")))
    g.add((URIRef("https://w3id.org/mlkg/ns#not.a.local"), RDF.type,
           URIRef("https://w3id.org/mlkg/ns#Paper")))
    ttl, _ = graph_io.write_graph(g, tmp_path)  # rdflib's own writer took minutes here
    text = ttl.read_text()
    assert text.startswith("@prefix ") and " a kg:Mention ;" in text
    assert "<https://w3id.org/mlkg/ns#not.a.local> a kg:Paper ." in text
    assert isomorphic(Graph().parse(ttl, format="turtle"), g)
    shuffled = Graph()
    for triple in sorted(g, reverse=True):
        shuffled.add(triple)
    assert graph_io.turtle_bytes(shuffled) == ttl.read_bytes()
