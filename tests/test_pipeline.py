"""kg.pipeline.build: read → merge → extract → resolve → graph → validate → write, with
the extractors replaced by hand-made records."""

from __future__ import annotations

import kg.extract.parallel
from kg.config import Settings
from kg.graph.io import load_graph
from kg.graph.vocab import KG, RDF
from kg.pipeline import build, extraction_counts
from kg.records import Extraction, Mention, Relation, Result

TEXT = "Abstract: We present PP-OCRv3, based on PP-OCRv2. It reaches 80.5 hmean on ICDAR.\n"


def at(text: str, name: str, type_name: str) -> Mention:
    return Mention("abstract", text.index(name), text.index(name) + len(name), type_name, name,
                   "fake:" + type_name)


def fake_extract(papers, nlp=None):
    """PP-OCRv3 and PP-OCRv2 mentioned, one basedOn, one result."""
    out = []
    for paper in papers:
        a = paper.abstract
        out.append(Extraction(
            mentions=(at(a, "PP-OCRv3", "Model"), at(a, "PP-OCRv2", "Model"),
                      at(a, "ICDAR", "Dataset")),
            relations=(Relation("PP-OCRv3", "basedOn", "PP-OCRv2", "abstract", 0, len(a),
                                "fake:lineage"),),
            results=(Result("PP-OCRv3", "ICDAR", "hmean", 80.5, None, "abstract",
                            a.index("80.5"), a.index("80.5") + 4, "fake:result"),)))
    return out


def test_build_extracts_by_default_and_counts_what_it_wrote(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.extract.parallel, "extract_papers", fake_extract)
    source = tmp_path / "in.txt"
    source.write_text(TEXT)
    report = build([source], tmp_path / "out", Settings())
    assert report.written and report.violations == 0 and report.papers == 1
    # PP-OCRv3, PP-OCRv2, ICDAR and the minted metric; basedOn and the inferred successorOf
    assert (report.entities, report.mentions, report.relations, report.results) == (4, 3, 2, 1)
    g = load_graph(tmp_path / "out")
    assert extraction_counts(g) == {"entities": 4, "mentions": 3, "relations": 2, "results": 1}
    assert report.triples == len(g)
    assert len(set(g.subjects(RDF.type, RDF.Statement))) == 2


def test_build_without_extraction(tmp_path, monkeypatch):
    def fail(papers, nlp=None):
        raise AssertionError("extraction ran")

    monkeypatch.setattr(kg.extract.parallel, "extract_papers", fail)
    source = tmp_path / "in.txt"
    source.write_text(TEXT)
    report = build([source], tmp_path / "out", Settings(), extract=False)
    assert report.written
    assert (report.entities, report.mentions, report.relations, report.results) == (0, 0, 0, 0)
    assert not set(load_graph(tmp_path / "out").subjects(RDF.type, KG.Mention))
