"""kg build --store streams the triples in batches: the batch size changes nothing, the
counts are the in-memory build's, and bad input files are reported as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF
from rdflib.compare import isomorphic

from kg.config import Settings
from kg.graph.vocab import KG
from kg.pipeline import build, extraction_counts
from kg.store.build import ChunkLoader, build_store
from kg.store.disk import is_store, read_manifest

from .conftest import store_graph

PAPERS = [
    {"title": "Foo-2: a better Foo", "authors": ["Ann Lee", "Bo Li"],
     "abstract": "We propose Foo-2, based on BERT, and evaluate it on GLUE. Foo-2 reaches "
                 "91.2% accuracy on GLUE, beating Foo-1 (89.0%). Code: "
                 "https://github.com/acme/foo/tree/main/src"},
    {"title": "Foo-1", "authors": ["Ann  Lee", "Cy Ho"],
     "abstract": "We present Foo-1, which uses a Transformer encoder, compared with RoBERTa "
                 "on SQuAD."},
    {"title": "Bar", "authors": ["Bo Li"],
     "abstract": "Bar is trained on ImageNet with ResNet-50 and reaches 80.1% top-1 "
                 "accuracy on ImageNet."},
]


def _listing(path: Path) -> Path:
    path.write_text("".join(json.dumps(p) + "\n" for p in PAPERS), encoding="utf-8")
    return path


def test_batch_sizes_give_the_same_store(tmp_path: Path, seed_store: Path):
    from .conftest import ROOT

    one = tmp_path / "one"  # and every batch in a file of its own, loaded on its own
    report = build_store([ROOT / "seeds"], one, Settings(), batch_size=1, chunk_triples=1)
    assert report.written and report.papers == 73
    many = tmp_path / "many"
    build_store([ROOT / "seeds"], many, Settings(), batch_size=1000)
    got_one, got_many = store_graph(one), store_graph(many)
    assert len(got_one) == len(got_many) > 15_000
    assert isomorphic(got_one, got_many)
    assert isomorphic(got_many, store_graph(seed_store))  # the default batch size too
    drop = {"seconds"}
    assert ({k: v for k, v in read_manifest(one).items() if k not in drop}
            == {k: v for k, v in read_manifest(many).items() if k not in drop})


def test_the_report_counts_what_the_in_memory_build_counts(tmp_path: Path, seed_store: Path,
                                                          seed_memory_graph):
    manifest = read_manifest(seed_store)
    expected = extraction_counts(seed_memory_graph)
    assert expected["mentions"] > 0 and expected["relations"] > 0 and expected["results"] > 0
    assert {k: manifest[k] for k in expected} == expected
    assert manifest["people"] == len(set(seed_memory_graph.subjects(RDF.type, KG.Person)))


def test_small_listing_across_batches_equals_the_in_memory_graph(tmp_path: Path):
    listing = _listing(tmp_path / "in.jsonl")
    files = tmp_path / "files"
    memory = build([listing], files, Settings(), views=False)
    for size in (1, 2):
        out = tmp_path / f"store{size}"
        report = build_store([listing], out, Settings(), batch_size=size)
        assert (report.papers, report.people, report.entities, report.mentions,
                report.relations, report.results, report.triples) == (
            memory.papers, memory.people, memory.entities, memory.mentions,
            memory.relations, memory.results, memory.triples)
        assert report.mentions > 0 and report.results > 0


def test_a_bad_file_is_named_and_the_good_ones_are_built(tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _listing(inputs / "good.jsonl")
    (inputs / "empty.txt").write_text("")
    report = build_store([inputs], tmp_path / "store", Settings(), batch_size=1)
    assert report.written and report.papers == 3
    assert [str(e).split(":")[0] for e in report.errors] == [f"{inputs}/empty.txt"]
    strict = build_store([inputs], tmp_path / "strict", Settings(strict=True))
    assert not strict.written and len(strict.errors) == 1
    assert not (tmp_path / "strict").exists()


def test_a_batch_size_below_one_is_refused(tmp_path: Path):
    with pytest.raises(ValueError, match="batch_size"):
        build_store([tmp_path], tmp_path / "store", Settings(), batch_size=0)
    assert not is_store(tmp_path / "store")


def test_the_loader_loads_files_in_turn_and_raises_its_error_in_the_caller(tmp_path: Path):
    import pyoxigraph as ox

    store = ox.Store()
    loader = ChunkLoader(store)
    good, bad = tmp_path / "good.nt", tmp_path / "bad.nt"
    good.write_text("<http://x/a> <http://x/p> <http://x/b> .\n", encoding="utf-8")
    bad.write_text("<http://x/a> <http://x/p> not a term .\n", encoding="utf-8")
    loader.load(good)
    loader.load(bad)
    with pytest.raises(SyntaxError):
        loader.close()
    assert len(store) == 1
    assert not good.exists() and not bad.exists()  # scratch files are removed either way


def test_an_organisation_both_listed_and_extracted_is_the_in_memory_graph(tmp_path: Path):
    from rdflib import RDFS, Graph

    from kg.graph.iris import organization_iri
    from kg.store.terms import store_form

    listing = tmp_path / "in.jsonl"
    # the listing writes the name in capitals: its label stays, the text's form is an alias
    rows = [{"title": "Qux", "authors": ["Di Wu"], "organization": "GOOGLE RESEARCH",
             "abstract": "We propose Qux, built at Google Research on top of BERT, and "
                         "evaluate it on GLUE."},
            {"title": "Quux", "authors": ["Ed Yu"],
             "abstract": "Google Research and DeepMind release Quux, trained on C4."}]
    listing.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    build([listing], tmp_path / "files", Settings(), views=False)
    expected = Graph()
    for s, p, o in Graph().parse(tmp_path / "files" / "graph.nt", format="nt"):
        expected.add((s, p, store_form(o)))
    build_store([listing], tmp_path / "store", Settings(), batch_size=1, views=False)
    got = store_graph(tmp_path / "store")
    assert isomorphic(got, expected)
    organizations = set(got.subjects(RDF.type, KG.Organization))
    org = organization_iri("Google Research")
    assert str(got.value(org, RDFS.label)) == "GOOGLE RESEARCH"
    assert str(got.value(org, KG.alias)) == "Google Research"
    assert organizations and all(len(set(got.objects(o, RDFS.label))) == 1
                                 and len(set(got.objects(o, KG.normalizedKey))) == 1
                                 for o in organizations)


def test_triple_lines_hold_back_what_can_be_read_and_replaced(tmp_path: Path):
    from rdflib import RDFS, Literal, URIRef

    from kg.store.build import TripleLines

    a, b = URIRef("http://x/a"), URIRef("http://x/b")
    path = tmp_path / "out.nt"
    lines = TripleLines(path.open("wb"), held=(RDFS.label,), flush_lines=2)
    lines.add((a, RDFS.label, Literal("A"))).add((a, RDF.type, b)).add((b, RDF.type, a))
    lines.add((a, RDF.type, b))  # flushed after two lines: written again, loaded once
    assert lines.value(a, RDFS.label) == Literal("A") and lines.value(b, RDFS.label) is None
    lines.set((a, RDFS.label, Literal("A2")))
    with pytest.raises(ValueError, match="not held"):
        lines.value(a, RDF.type)
    lines.close()
    text = path.read_text(encoding="utf-8")
    assert '"A2"' in text and '"A"' not in text
    assert lines.count == 4 and len(text.splitlines()) == 4
    assert len({line for line in text.splitlines()}) == 3
