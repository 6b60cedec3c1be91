"""kg.notebook, the helpers the notebooks call, on small hand-made graphs (the notebooks
themselves run in tests/test_notebooks.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import matplotlib
import pytest
from rdflib import BNode, Literal

from kg.analyse.writeback import analyse_graph
from kg.errors import KgError
from kg.graph.build import new_graph, paper_graph
from kg.graph.iris import entity_iri
from kg.graph.vocab import ID, KG, PROV, RDF, RDFS
from kg.notebook import (
    draw_lineage_tree,
    lineage_tree,
    query_frame,
    repository_root,
    seed_dir,
    top_frame,
    view_page,
)
from kg.records import Paper, SourceSpan
from kg.view import render_views

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "<img src=x onerror=alert(1)> \" ' </iframe>"


@pytest.fixture
def papers():
    src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
    return paper_graph([Paper("We do A.", src, title=HOSTILE, authors=("Ann Lee", "Bo Li")),
                        Paper("We do B.", src, title="B", authors=("Ann Lee", "Cy Wu"))], [])


@pytest.fixture
def lineage():
    """ERNIE → ERNIE 2.0 (a stated basedOn) → ERNIE 3.0 (successorOf, inferred: no
    statement); CTC is a stated component of ERNIE 2.0; X → Y stands apart."""
    g = new_graph()
    iris = {}
    for name, cls in [("ERNIE", "Model"), ("ERNIE 2.0", "Model"), ("ERNIE 3.0", "Model"),
                      ("CTC", "Method"), ("X", "Model"), ("Y", "Model")]:
        iris[name] = entity_iri(cls, name.lower().replace(" ", "").replace(".", ""))
        g.add((iris[name], RDF.type, KG[cls]))
        g.add((iris[name], RDFS.label, Literal(name)))
    for name in ("ERNIE", "ERNIE 2.0", "ERNIE 3.0"):
        g.add((iris[name], KG.family, Literal("ERNIE")))
    paper = ID["paper/1234567890abcdef"]  # the statements' source

    def state(s, p, o):
        g.add((s, p, o))
        statement = BNode()
        for q, value in [(RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p),
                         (RDF.object, o), (PROV.wasDerivedFrom, paper)]:
            g.add((statement, q, value))

    state(iris["ERNIE 2.0"], KG.basedOn, iris["ERNIE"])
    state(iris["ERNIE 2.0"], KG.usesComponent, iris["CTC"])
    g.add((iris["ERNIE 3.0"], KG.successorOf, iris["ERNIE 2.0"]))  # no statement
    g.add((iris["Y"], KG.basedOn, iris["X"]))
    return g


def test_repository_root_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert repository_root() == ROOT
    assert seed_dir() == ROOT / "seeds" and any(seed_dir().iterdir())


def test_query_frame_has_the_query_columns_even_with_no_rows(papers):
    frame = query_frame(papers, "coauthors", {"person": "Nobody"})
    assert frame.empty
    assert list(frame.columns) == ["coauthor", "papers", "latest", "other"]


def test_query_frame_rows_and_iri_columns(papers):
    frame = query_frame(papers, "coauthors", {"person": "ann lee"})
    assert sorted(frame["coauthor"]) == ["Bo Li", "Cy Wu"]
    assert all(v.startswith("https://w3id.org/mlkg/id/person/") for v in frame["other"])
    readable = query_frame(papers, "coauthors", {"person": "Ann Lee"}, iris=False)
    assert list(readable.columns) == ["coauthor", "papers", "latest"]


def test_query_frame_binds_parameters(papers):
    before = len(papers)
    frame = query_frame(papers, "coauthors", {"person": 'x"} ; DROP ALL #'})
    assert frame.empty and len(papers) == before
    with pytest.raises(KgError, match="unknown parameter 'nobody'"):
        query_frame(papers, "coauthors", {"nobody": "x"})


def test_top_frame_is_kg_tops_table(papers):
    from kg.analyse import top_table

    analyse_graph(papers, seed=0)
    frame = top_frame(papers, "coauthorship", by="degree")
    rows = top_table(papers, by="degree")
    assert list(frame.index) == [r["rank"] for r in rows]
    assert list(frame["name"]) == [r["name"] for r in rows]
    assert frame.loc[1, "name"] == "Ann Lee"  # the one with two co-authors
    assert "iri" not in frame.columns and "iri" in top_frame(papers, iris=True).columns


def test_view_page_embeds_the_page_escaped_in_a_sandbox(papers):
    shown = view_page(papers, "coauthorship.html", height=400).data
    page = render_views(papers, max_nodes=500)["coauthorship.html"]
    frame = re.fullmatch(r'<div class="kg-view"><iframe ([^>]*)></iframe></div>', shown)
    assert frame is not None
    assert 'sandbox="allow-scripts"' in frame.group(1) and "height: 400px" in frame.group(1)
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame.group(1))
    assert html.unescape(srcdoc.group(1)) == page
    assert "<img" not in shown  # the hostile title stays text, inside the page too


def test_view_page_from_a_build_directory(papers, tmp_path):
    from kg.view import write_views

    write_views(papers, tmp_path, max_nodes=500)
    shown = view_page(tmp_path, "index.html").data
    srcdoc = re.search(r'srcdoc="([^"]*)"', shown).group(1)
    assert html.unescape(srcdoc) == (tmp_path / "index.html").read_text("utf-8")
    with pytest.raises(ValueError, match="unknown page 'graph.ttl'"):
        view_page(tmp_path, "graph.ttl")
    with pytest.raises(KgError, match="no such page"):
        view_page(tmp_path / "elsewhere", "index.html")


def test_lineage_tree_is_the_family_of_a_model(lineage):
    tree = lineage_tree(lineage, "ernie 2.0")
    got = {d["label"]: (d["generation"], d["family"]) for _, d in tree.nodes(data=True)}
    assert got == {"ERNIE": (-1, "ERNIE"), "CTC": (-1, None), "ERNIE 2.0": (0, "ERNIE"),
                   "ERNIE 3.0": (1, "ERNIE")}
    assert tree.nodes[tree.graph["model"]]["label"] == "ERNIE 2.0"
    with pytest.raises(ValueError, match="not a node of the lineage"):
        lineage_tree(lineage, "BERT")


def test_draw_lineage_tree(lineage):
    from matplotlib.patches import FancyArrowPatch

    tree = lineage_tree(lineage, "ERNIE 2.0")
    ax = draw_lineage_tree(tree)
    texts = {t.get_text() for t in ax.texts}
    assert texts == {"ERNIE", "ERNIE 2.0", "ERNIE 3.0", "CTC"}
    assert next(t for t in ax.texts if t.get_text() == "ERNIE 2.0").get_fontweight() == "bold"
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == tree.number_of_edges() == 3
    # the inferred successorOf is dashed, the stated links solid
    assert sorted(p.get_linestyle() for p in arrows) == ["dashed", "solid", "solid"]
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {"family ERNIE", "not a model", "basedOn", "successorOf", "usesComponent",
            "inferred, no paper states it"} <= legend
    # foundations above what builds on them
    y = {t.get_text(): t.xy[1] for t in ax.texts}
    assert y["ERNIE"] > y["ERNIE 2.0"] > y["ERNIE 3.0"]
