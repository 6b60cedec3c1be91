"""The views of a store are the views of the same graph in memory: kg.store.views reads
only what the pages show, and gives the same bytes."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.analyse.writeback import analyse_graph
from kg.graph.build import paper_graph
from kg.graph.iris import entity_iri
from kg.graph.vocab import KG, PROV, RDF, RDFS
from kg.records import Paper, SourceSpan
from kg.store.analyse import write_graph_to_store
from kg.store.views import render_store_views, store_view_graph
from kg.view import render_views

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "view" / "hostile.jsonl"
RAW = ("<img src=x onerror=alert(1)>", "</script><script>window.kgPwned", "<i>Wu</i>")


def _assert_same(pages: dict[str, str], expected: dict[str, str]) -> None:
    assert pages.keys() == expected.keys()
    for name, page in expected.items():
        assert pages[name] == page, name


def test_store_pages_equal_the_in_memory_pages(seed_store, seed_memory_graph):
    for max_nodes in (500, 7, 1):  # whole, and cut to the most central nodes
        from_store = render_store_views(seed_store, max_nodes=max_nodes)
        _assert_same(from_store, render_views(seed_memory_graph, max_nodes=max_nodes))
        if max_nodes == 7:
            assert "this page shows only the 7 people" in from_store["coauthorship.html"]


def test_store_pages_equal_those_of_the_store_read_into_memory(seed_store):
    _assert_same(render_store_views(seed_store, max_nodes=40),
                 render_views(store_view_graph(seed_store), max_nodes=40))


def _small_graph():
    """Papers with and without titles, dates and author slots, a lineage stated by a
    paper, one inferred from names and one only co-mentioned, and a result."""
    src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
    g = paper_graph([
        Paper("We do A with   BaseNet.\n" + "word " * 30, src, authors=("Ann Lee", "Bo Li")),
        Paper("We do B.", src, title="<b>On B</b>", authors=("Bo Li", "Cy Wu"),
              date=dt.date(2023, 1, 2)),
        Paper("We do C.", src, title="On C", authors=("Ann Lee", "Cy Wu", "Di Xu"),
              date=dt.date(2021, 5, 6)),
    ], [])
    papers = sorted(g.subjects(RDF.type, KG.Paper))
    base, derived = entity_iri("Model", "basenet"), entity_iri("Model", "basenet2")
    other, third = entity_iri("Model", "othernet"), entity_iri("Method", "lora")
    for node, label in ((base, "BaseNet"), (derived, "BaseNet-2"), (other, "<i>Other</i>"),
                        (third, "LoRA")):
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, RDF.type, KG.Model if "Net" in label else KG.Method))
    g.add((base, KG.family, Literal("BaseNet")))
    g.add((derived, KG.family, Literal("BaseNet")))
    g.add((derived, KG.basedOn, base))  # stated by papers[1]
    g.add((other, KG.successorOf, base))  # inferred: a statement with no paper
    g.add((other, KG.usesComponent, third))  # co-mentioned only
    for paper in papers:
        g.add((paper, KG.mentions, base))
    g.add((papers[1], KG.mentions, derived))
    g.add((papers[2], KG.mentions, other))
    g.add((papers[2], KG.mentions, third))
    for s, p, o, paper in ((derived, KG.basedOn, base, papers[1]),
                           (other, KG.successorOf, base, None)):
        statement = URIRef(f"{s}/statement/{p.fragment}")
        g.add((statement, RDF.type, RDF.Statement))
        g.add((statement, RDF.subject, s))
        g.add((statement, RDF.predicate, p))
        g.add((statement, RDF.object, o))
        if paper is not None:
            g.add((statement, PROV.wasDerivedFrom, paper))
    result = URIRef(f"{derived}/result/1")
    g.add((result, KG.evaluatedModel, derived))
    g.add((result, KG.value, Literal("91.2")))
    g.add((result, KG.unit, Literal("%")))
    g.add((result, PROV.wasDerivedFrom, papers[0]))
    for slot in list(g.objects(papers[0], KG.authorship)):  # schema:author alone
        g.remove((papers[0], KG.authorship, slot))
    return g


@pytest.mark.parametrize("analysed", [True, False])
def test_a_small_store_gives_the_pages_of_the_same_graph(analysed):
    g = _small_graph()
    if analysed:
        analyse_graph(g)
    store = ox.Store()
    write_graph_to_store(g, store)
    for max_nodes in (50, 2):
        pages = render_store_views(store, max_nodes=max_nodes)
        _assert_same(pages, render_views(g, max_nodes=max_nodes))
    assert ("size the PageRank" if analysed else "size the degree") in pages["coauthorship.html"]
    lineage = render_store_views(store, max_nodes=50)["lineage.html"]
    for evidence in ("statement", "inferred", "comention"):
        assert f'"Evidence", "{evidence}"' in lineage
    assert "91.2%" in lineage and "\\u003ci\\u003eOther" in lineage and "<i>Other" not in lineage


def test_a_store_without_lineage_or_papers_renders():
    store = ox.Store()
    write_graph_to_store(paper_graph([], []), store)
    _assert_same(render_store_views(store, max_nodes=5),
                 render_views(paper_graph([], []), max_nodes=5))
    with pytest.raises(ValueError):
        render_store_views(store, max_nodes=0)


def test_untrusted_text_stays_escaped_in_a_stores_pages(tmp_path):
    store = tmp_path / "store"
    run = subprocess.run([sys.executable, "-m", "kg", "build", HOSTILE, "--store", store],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    # (not compared with kg build -o: Oxigraph writes xsd:decimal values canonically)
    _assert_same(render_store_views(store, max_nodes=50),
                 render_views(store_view_graph(store), max_nodes=50))
    for name in ("index.html", "coauthorship.html", "lineage.html", "explorer.html"):
        text = (store / "views" / name).read_text()
        for raw in RAW:
            assert raw not in text, (name, raw)
    assert "&lt;img src=x onerror=alert(1)&gt;" in (store / "views" / "explorer.html").read_text()
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.kgPwned" in (
        store / "views" / "lineage.html").read_text()


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
