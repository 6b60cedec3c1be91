"""Every named query runs on the seed graph and answers its question (expected rows read
off seeds/ by hand); parameters are bound, never pasted into the query."""

from __future__ import annotations

import pytest
from rdflib import Literal

from kg.query.evaluate import prepare_query, run_query
from kg.query.formats import result_rows
from kg.query.library import PARAM_TYPES, named_queries, named_query

QUERIES = named_queries()
HOSTILE = 'x"} ; DROP ALL #'


def ask(g, name: str, **params: str) -> list[dict]:
    q = named_query(name)
    return result_rows(run_query(g, prepare_query(q.text, q.source), q.bindings(params)))


def test_the_library_has_every_question_of_the_issue():
    assert set(QUERIES) >= {
        "papers-per-family-year", "lineage-chain", "leaderboard", "model-evaluations",
        "most-compared", "central-authors", "coauthors", "repositories-per-organisation",
        "papers-with-code", "co-mentioned"}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_is_documented_and_answers_on_the_seed_graph(seed_graph, name):
    q = QUERIES[name]
    assert q.title and len(q.description) > 40
    for param in q.params:
        assert param.type in PARAM_TYPES and param.doc
        assert f"?{param.name}" in q.text
    rows = ask(seed_graph, name)
    assert rows, f"{name} has no rows on the seed graph"
    columns = list(rows[0])
    assert all(list(row) == columns for row in rows)
    assert any(value is not None for value in rows[0].values())


def test_papers_per_family_per_year(seed_graph):
    # PP-OCRv2's paper (Sep 2021), PP-OCRv3's (Jun 2022, names PP-OCRv2 and PP-OCR) and
    # the PaddleOCR 3.0 report (2025, names PP-OCRv5)
    rows = ask(seed_graph, "papers-per-family-year", family="PP-OCR")
    assert [(r["family"], r["year"], r["papers"]) for r in rows] == [
        ("PP-OCR", 2021, 1), ("PP-OCR", 2022, 1), ("PP-OCR", 2025, 1)]
    everything = ask(seed_graph, "papers-per-family-year")
    assert [r for r in everything if r["family"] == "PP-OCR"] == rows
    keys = [(r["family"], r["year"] or 0) for r in everything]
    assert keys == sorted(keys)


def test_lineage_chain_follows_the_property_path(seed_graph):
    rows = ask(seed_graph, "lineage-chain")  # default: PP-OCRv3
    links = {(r["steps"], r["from"], r["relation"], r["ancestor"]) for r in rows}
    # seeds/003: "PP-OCRv3 upgrades ... based on PP-OCRv2", "the base model is replaced
    # from CRNN to SVTR", and "PP-OCR, and an optimized version PP-OCRv2"
    assert links == {(1, "PP-OCRv3", "basedOn", "PP-OCRv2"),
                     (1, "PP-OCRv3", "basedOn", "SVTR"),
                     (1, "PP-OCRv3", "successorOf", "PP-OCRv2"),
                     (2, "PP-OCRv2", "basedOn", "PP-OCR"),
                     (2, "PP-OCRv2", "successorOf", "PP-OCR")}
    chain = ask(seed_graph, "lineage-chain", model="ernie 5.0")  # any case
    assert [(r["steps"], r["ancestor"]) for r in chain] == [
        (1, "ERNIE 4.5"), (2, "ERNIE 3.0"), (3, "ERNIE 2.0"), (4, "ERNIE")]
    assert ask(seed_graph, "lineage-chain", model="PP-OCR") == []  # the root


def test_leaderboard_is_best_first(seed_graph):
    rows = ask(seed_graph, "leaderboard")  # default: DOTA 1.0, mAP, higher is better
    assert [(r["model"], r["value"]) for r in rows] == [
        ("PP-YOLOE-R-x", 80.73), ("PP-YOLOE-R-l", 80.02), ("PP-YOLOE-R-x", 78.28),
        ("PP-YOLOE-R-l", 78.14)]
    assert {(r["metricName"], r["better"], r["year"]) for r in rows} == {
        ("mAP", "higher", 2022)}
    assert rows[0]["title"].startswith("PP-YOLOE-R: An Efficient Anchor-Free")
    fid = ask(seed_graph, "leaderboard", dataset="ms-coco")  # FID: lower is better
    assert [(r["model"], r["value"], r["better"], r["year"]) for r in fid] == [
        ("ERNIE-ViLG 2.0", 6.75, "lower", 2022), ("ERNIE-ViLG", 7.9, "lower", 2021)]
    coco = ask(seed_graph, "leaderboard", dataset="COCO2017 test-dev", metric="MAP")
    assert [(r["model"], r["value"], r["unit"]) for r in coco] == [
        ("PP-YOLOv2", 50.3, "%"), ("PP-YOLO", 49.5, "%"), ("PP-YOLO", 45.9, "%")]
    city = ask(seed_graph, "leaderboard", dataset="Cityscapes")
    assert [(r["metricName"], r["value"]) for r in city] == [
        ("FPS", 273.6), ("FPS", 102.6), ("mIoU", 77.5), ("mIoU", 72.0)]


def test_datasets_and_metrics_of_a_model(seed_graph):
    rows = ask(seed_graph, "model-evaluations")  # default: ERNIE-ViLG 2.0
    assert {(r["dataset"], r["metric"], r["results"], r["highest"]) for r in rows} == {
        ("MS-COCO", "FID", 1, 6.75), ("ViLG-300", None, 0, None)}
    seg = ask(seed_graph, "model-evaluations", model="PP-LiteSeg")
    assert [(r["dataset"], r["metric"], r["results"], r["highest"], r["lowest"], r["unit"])
            for r in seg] == [("Cityscapes", "FPS", 2, 273.6, 102.6, "FPS"),
                              ("Cityscapes", "mIoU", 2, 77.5, 72.0, "%")]
    # "PP-YOLOE-R-s/m/l/x can reach 69.8/55.1/48.3/37.1 FPS" names no dataset: one row with
    # an empty dataset, not one per labelled node of the graph
    det = ask(seed_graph, "model-evaluations", model="PP-YOLOE-R-x")
    assert [(r["dataset"], r["metric"], r["results"], r["highest"], r["lowest"])
            for r in det] == [(None, "FPS", 1, 37.1, 37.1), ("DOTA 1.0", "mAP", 2, 80.73, 78.28)]


def test_most_compared(seed_graph):
    rows = ask(seed_graph, "most-compared")
    top = {r["baseline"]: r for r in rows[:2]}
    assert set(top) == {"DeepSpeed", "XLNet"}
    assert all(r["papers"] == 2 for r in top.values())
    assert set(top["XLNet"]["challengers"].split(", ")) == {"ERNIE 2.0", "ERNIE-Gram"}
    assert all(r["papers"] <= 2 for r in rows)
    software = ask(seed_graph, "most-compared", type="kg:Software")
    # OpenFold: "Compared with the original AlphaFold2 (...) and OpenFold (...), HelixFold"
    assert {r["baseline"] for r in software} == {"DeepSpeed", "DeepSpeed-MoE", "FastMoE",
                                                  "FasterMoE", "OpenFold"}


def test_central_authors_agree_with_kg_top(seed_graph):
    from kg.analyse import top_table

    rows = ask(seed_graph, "central-authors")
    top = top_table(seed_graph, limit=10)
    assert [r["name"] for r in rows[:10]] == [t["name"] for t in top]
    assert [r["community"] for r in rows[:10]] == [t["community"] for t in top]
    assert rows[0]["name"] == "Guoxia Wang" and rows[0]["papers"] == 6
    assert all(r["communitySize"] >= 1 for r in rows)
    by_betweenness = ask(seed_graph, "central-authors", measure="kg:betweenness")
    scores = [r["score"] for r in by_betweenness]
    assert scores == sorted(scores, reverse=True)
    assert by_betweenness[0]["score"] == by_betweenness[0]["betweenness"]


def test_coauthors(seed_graph):
    # seeds/004: Cheng Cui's seven papers; Ting Sun is on four, Suyin Liang on three
    rows = ask(seed_graph, "coauthors")
    assert [(r["coauthor"], r["papers"]) for r in rows] == [
        ("Ting Sun", 4), ("Suyin Liang", 3), ("Ruoyu Guo", 2), ("Shengyu Wei", 2),
        ("Manhui Lin", 1), ("Tingquan Gao", 1), ("Yuning Du", 1)]
    assert ask(seed_graph, "coauthors", person="cheng cui") == rows


def test_repositories_per_organisation(seed_graph):
    rows = {r["repositoryOwner"]: r for r in ask(seed_graph, "repositories-per-organisation")}
    paddle = rows["paddlepaddle"]
    assert paddle["organisation"] == "PaddlePaddle"
    names = paddle["names"].split()
    assert paddle["repositories"] == len(names) >= 10
    assert "github.com/paddlepaddle/paddleocr" in names
    assert all(name.startswith("github.com/paddlepaddle/") for name in names)
    assert rows["hasuer"]["organisation"] is None
    assert rows["hasuer"]["names"] == "github.com/hasuer/knowrl"
    only = ask(seed_graph, "repositories-per-organisation", owner="PADDLEPADDLE")
    assert [r["repositoryOwner"] for r in only] == ["paddlepaddle"]


def test_papers_with_code(seed_graph):
    rows = ask(seed_graph, "papers-with-code")
    by_title = {r["title"]: r for r in rows}
    knowrl = next(r for t, r in by_title.items() if t.startswith("KnowRL:"))
    assert knowrl["repositories"] == "github.com/hasuer/knowrl"
    assert knowrl["listedWithCode"] is True
    # listed without a Code mark, but the abstract names the repository
    ernie2 = next(r for t, r in by_title.items() if t.startswith("ERNIE 2.0:"))
    assert ernie2["repositories"] == "github.com/paddlepaddle/ernie"
    # RLTM's listing line has no Code mark and its abstract names no repository
    assert not any(t.startswith("RLTM:") for t in by_title)
    assert all(r["listedWithCode"] is True or r["repositories"] for r in rows)
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated, reverse=True)
    year = ask(seed_graph, "papers-with-code", year="2022")
    assert year and all(r["date"].startswith("2022-") for r in year)


def test_co_mentioned(seed_graph):
    rows = ask(seed_graph, "co-mentioned")  # default: PP-OCRv3
    found = {(r["entityName"], r["class"]) for r in rows}
    assert {("PP-OCRv2", "Model"), ("PP-OCR", "Model"), ("PaddleOCR", "Software"),
            ("text recognition", "Task")} <= found
    assert not any(name == "PP-OCRv3" for name, _ in found)
    assert all(r["papers"] >= 1 for r in rows)


# Names of things on the seeds that have rows, spelt as the label, in another case, and
# (co-mentioned) as aliases with keys of their own: kg:nameKey "lra" of Long Range Arena,
# "sam" of Sharpness-Aware Minimization, "mlm" of Masked Language Model.
SPELLINGS = {
    "coauthors": ("Cheng Cui", "CHENG CUI", "hua wu", "Hua WU"),
    "co-mentioned": ("PP-OCRv3", "pp-ocrv3", "LRA", "long range arena", "SAM", "MLM"),
    "lineage-chain": ("PP-OCRv3", "ERNIE 3.0", "ernie 3.0", "ERNIE-ViLG 2.0"),
    "model-evaluations": ("ERNIE-ViLG 2.0", "ernie-vilg 2.0"),
    "leaderboard": ("DOTA 1.0", "dota 1.0", "MS-COCO"),
}


@pytest.mark.parametrize("name", sorted(q.name for q in QUERIES.values() if q.keys))
def test_a_key_finds_what_comparing_every_name_finds(seed_graph, name):
    """The key bound (an index lookup) or left unbound (every name compared with the
    value, as the queries did before they had keys): the same rows, for names, other
    cases and aliases; a spelling with the same key that no name has finds nothing."""
    q = QUERIES[name]
    prepared = prepare_query(q.text, q.source)
    param = q.keys[0].param
    found = 0
    for value in (*SPELLINGS[name], "PP OCR v3", "chengcui"):
        bindings = q.bindings({param: value})
        scanned = {k: v for k, v in bindings.items() if k not in {key.name for key in q.keys}}
        rows = result_rows(run_query(seed_graph, prepared, bindings))
        assert rows == result_rows(run_query(seed_graph, prepared, scanned)), value
        found += bool(rows)
    assert found == len(SPELLINGS[name])
    assert ask(seed_graph, name, **{param: "PP OCR v3"}) == []  # the key of PP-OCRv3


@pytest.mark.parametrize("name", sorted(q.name for q in QUERIES.values()
                                        if any(p.type == "string" for p in q.params)))
def test_a_hostile_parameter_is_just_a_string(seed_graph, name):
    size = len(seed_graph)
    q = QUERIES[name]
    for param in (p for p in q.params if p.type == "string"):
        bindings = q.bindings({param.name: HOSTILE})
        assert bindings[param.name] == Literal(HOSTILE)
        assert ask(seed_graph, name, **{param.name: HOSTILE}) == []
    assert len(seed_graph) == size


def test_query_rows_is_what_kg_query_json_prints(seed_graph):
    from kg.query import query_rows

    rows = query_rows(seed_graph, "coauthors", {"person": "Cheng Cui"})
    assert rows == ask(seed_graph, "coauthors")
    assert query_rows(seed_graph, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Paper }") == [
        {"n": 73}]


def test_a_name_spelt_twice_lists_each_result_once():
    """A dataset whose label and alias differ only in case (Flickr8K, Flickr8k): before
    the keys, the leaderboard listed each of its results once per matching name."""
    from rdflib import URIRef

    from kg.graph.build import new_graph
    from kg.graph.vocab import KG, RDF, RDFS

    g, n = new_graph(), "https://w3id.org/mlkg/id/"
    data, model, metric = URIRef(n + "dataset/flickr8k"), URIRef(n + "model/m"), URIRef(
        n + "metric/bleu")
    for node, label in [(data, "Flickr8K"), (model, "M"), (metric, "BLEU")]:
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, KG.nameKey, Literal(label.lower())))
    g.add((data, KG.alias, Literal("Flickr8k")))
    g.add((data, RDF.type, KG.Dataset))
    paper, result = URIRef(n + "paper/p"), URIRef(n + "result/r")
    g.add((paper, KG.result, result))
    for p, o in [(KG.onDataset, data), (KG.evaluatedModel, model), (KG.underMetric, metric),
                 (KG.value, Literal(1.5))]:
        g.add((result, p, o))
    rows = ask(g, "leaderboard", dataset="flickr8k")
    assert [(r["model"], r["metricName"]) for r in rows] == [("M", "BLEU")]


def test_results_with_no_metric_are_listed_with_an_empty_metric_on_both_engines():
    """"Orca-13B scores 61.2 on MMLU": a result with a dataset and no metric is on the
    dataset's leaderboard and among the model's evaluations, with an empty metric."""
    import pyoxigraph as ox

    from kg.entities import resolve_entities
    from kg.graph.build import paper_graph
    from kg.graph.extractions import add_extractions
    from kg.query.library import compile_query
    from kg.records import Extraction, Mention, Paper, Result, SourceSpan
    from kg.store.analyse import write_graph_to_store
    from kg.store.query import query_store

    abstract = "Orca-13B scores 61.2 on MMLU and 71.0% accuracy on ARC."
    paper = Paper(abstract, (SourceSpan("a.txt", 1, 1, "abstracts"),), title=None)

    def at(text: str) -> tuple[str, int, int]:
        return "abstract", abstract.index(text), abstract.index(text) + len(text)

    mentions = tuple(Mention(*at(t), typ, t, "test") for t, typ in (
        ("Orca-13B", "Model"), ("MMLU", "Dataset"), ("ARC", "Dataset"),
        ("accuracy", "Metric")))
    results = (Result("Orca-13B", "MMLU", None, 61.2, None, *at("61.2"), "test"),
               Result("Orca-13B", "ARC", "accuracy", 71.0, "%", *at("71.0"), "test"))
    found = [Extraction(mentions=mentions, results=results)]
    g = paper_graph([paper], [])
    add_extractions(g, [paper], found, resolve_entities(found))
    store = ox.Store()
    write_graph_to_store(g, store)
    for name, params, expected in [
            ("leaderboard", {"dataset": "mmlu"}, [("Orca-13B", None, 61.2, "higher")]),
            ("model-evaluations", {"model": "orca-13b"}, None)]:
        prepared, bindings = compile_query(name, params)
        rows = result_rows(run_query(g, prepared, bindings))
        got = result_rows(query_store(store, named_query(name).text, bindings))
        assert sorted(map(repr, rows)) == sorted(map(repr, got))
        if expected is not None:
            assert [(r["model"], r["metricName"], r["value"], r["better"])
                    for r in rows] == expected
        else:
            assert {(r["dataset"], r["metric"], r["results"]) for r in rows} == {
                ("MMLU", None, 1), ("ARC", "accuracy", 1)}
