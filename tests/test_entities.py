"""Resolution across papers (kg.entities): one entity per real thing, from hand-made
extraction records (no extractor involved)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.entities import SUCCESSOR_RULE, resolve_entities
from kg.records import Entity, Extraction, Mention, Relation, Result


def m(name: str, type_name: str = "Model", *aliases: str, start: int = 0,
      attrs: tuple[tuple[str, str], ...] = ()) -> Mention:
    return Mention("abstract", start, start + max(len(name), 1), type_name, name, "test:rule",
                   aliases=tuple(aliases), attrs=attrs)


def rel(subject: str, predicate: str, obj: str) -> Relation:
    return Relation(subject, predicate, obj, "abstract", 0, 10, "test:lineage")


def res(model: str, dataset: str | None, metric: str, value: float = 1.0) -> Result:
    return Result(model, dataset, metric, value, None, "abstract", 0, 3, "test:result")


def names(resolution, type_name=None):
    return sorted(e.name for e in resolution.entities if type_name in (None, e.type))


def test_an_abbreviation_pair_joins_the_two_names_across_papers():
    a = Extraction((m("Long Range Arena", "Dataset", "LRA"),))
    b = Extraction((m("LRA", "Dataset"), m("LRA", "Dataset", start=40)))
    c = Extraction((m("long-range arena", "Dataset"),))
    r = resolve_entities([a, b, c])
    (lra,) = r.entities
    assert lra == Entity("Dataset", "lra", "LRA", ("Long Range Arena", "long-range arena"))
    for spelling in ("LRA", "lra", "Long Range Arena", "long range arena"):
        assert r.entity("Dataset", spelling) is lra
    assert r.entity("Model", "LRA") is None  # the type is part of the identity


def test_the_display_name_is_the_most_frequent_form_and_ties_go_to_the_smallest():
    r = resolve_entities([Extraction((m("ERNIE ViLG 2.0"), m("ERNIE-ViLG 2.0", start=20))),
                          Extraction((m("ERNIE-ViLG 2.0"),))])
    (e,) = r.entities
    assert (e.name, e.key, e.aliases) == ("ERNIE-ViLG 2.0", "ernievilg2.0", ("ERNIE ViLG 2.0",))
    tie = resolve_entities([Extraction((m("Foo-Net"),)), Extraction((m("Foo Net"),))])
    assert names(tie) == ["Foo Net"] and tie.entities[0].aliases == ("Foo-Net",)


def test_versions_stay_apart_even_when_an_alias_says_otherwise():
    r = resolve_entities([
        Extraction((m("PP-OCRv2"), m("PP-OCRv3", start=20))),
        Extraction((m("ERNIE 3.0 Titan", "Model", "ERNIE 3.0"), m("ERNIE 3.0", start=30))),
    ])
    assert names(r) == ["ERNIE 3.0", "ERNIE 3.0 Titan", "PP-OCRv2", "PP-OCRv3"]
    assert r.entity("Model", "ERNIE 3.0").aliases == ()
    assert r.entity("Model", "ERNIE 3.0 Titan").aliases == ()


def test_one_name_may_be_two_types():
    r = resolve_entities([Extraction((m("PaddlePaddle", "Organization"),
                                      m("PaddlePaddle", "Software", start=30)))])
    org, soft = r.entity("Organization", "PaddlePaddle"), r.entity("Software", "paddlepaddle")
    assert org != soft and {org.type, soft.type} == {"Organization", "Software"}
    assert org.key == soft.key == "paddlepaddle" and org.family is soft.family is None


def test_repositories_keep_their_slashes_and_sub_paths_stay_out_of_the_name():
    sub = (("subPath", "tree/develop/ppdiffusers"),)
    r = resolve_entities([Extraction((m("github.com/paddlepaddle/paddlenlp", "Repository",
                                        attrs=sub),)),
                          Extraction((m("github.com/paddlepaddle/paddlenlp", "Repository"),))])
    (repo,) = r.entities
    assert (repo.key, repo.name) == ("github.com/paddlepaddle/paddlenlp",) * 2


def test_names_without_letters_or_digits_are_skipped():
    r = resolve_entities([Extraction((m("--"), m("BERT", start=5)),
                                     relations=(rel("--", "basedOn", "BERT"),),
                                     results=(res("...", None, "F1"),))])
    assert names(r) == ["BERT"]
    assert r.relation_entities(rel("--", "basedOn", "BERT")) is None
    assert r.result_entities(res("...", None, "F1")) is None


def test_relation_ends_resolve_by_key_and_alias_and_unknown_names_are_minted():
    paper = Extraction(
        mentions=(m("Direct Preference Optimization", "Method", "DPO"),
                  m("Long Range Arena", "Dataset", "LRA", start=50),
                  m("summarization", "Task", start=90)),
        relations=(rel("KnowRL", "basedOn", "DPO"),
                   rel("KnowRL", "evaluatedOn", "LRA"),
                   rel("KnowRL", "evaluatedOn", "Summarization"),
                   rel("KnowRL", "comparedWith", "knowrl")),  # itself: dropped
    )
    r = resolve_entities([paper])
    knowrl = r.entity("Model", "KnowRL")
    # minted as a Model; the spelling in the dropped self-comparison is an alias
    assert knowrl == Entity("Model", "knowrl", "KnowRL", ("knowrl",), "KnowRL")
    based, lra, task_named = (r.relation_entities(x) for x in paper.relations[:3])
    assert based == (knowrl, r.entity("Method", "DPO"))
    assert lra == (knowrl, r.entity("Dataset", "Long Range Arena"))
    # evaluatedOn needs a Dataset: a Task of that name does not do, a Dataset is minted
    assert task_named[1] == Entity("Dataset", "summarization", "Summarization")
    assert r.entity("Task", "summarization") is not None
    assert r.relation_entities(paper.relations[3]) is None


def test_any_role_prefers_entities_found_as_mentions():
    paper = Extraction(mentions=(m("FastMoE", "Software"),),
                       relations=(rel("X-MoE", "comparedWith", "FastMoE"),))
    r = resolve_entities([paper])
    assert r.relation_entities(paper.relations[0])[1].type == "Software"
    assert names(r, "Model") == ["X-MoE"]


def test_result_names_resolve_to_model_dataset_and_metric():
    paper = Extraction(
        mentions=(m("ERNIE-ViLG 2.0"), m("MS-COCO", "Dataset", "COCO", start=30),
                  m("FID", "Metric", start=60)),
        results=(res("ERNIE-ViLG 2.0", "COCO", "FID", 6.75), res("ERNIE-ViLG 2.0", None, "FID"),
                 res("Mystery-1", "Mystery Set", "Score")),
    )
    r = resolve_entities([paper])
    model, dataset, metric = r.result_entities(paper.results[0])
    assert (model.name, dataset.name, metric.name) == ("ERNIE-ViLG 2.0", "MS-COCO", "FID")
    assert r.result_entities(paper.results[1])[1] is None
    minted = r.result_entities(paper.results[2])
    assert [(e.type, e.name) for e in minted] == [("Model", "Mystery-1"),
                                                   ("Dataset", "Mystery Set"),
                                                   ("Metric", "Score")]


def test_unknown_types_and_predicates_are_errors():
    with pytest.raises(ValueError, match="unknown entity type 'Modle'"):
        resolve_entities([Extraction((m("BERT", "Modle"),))])
    with pytest.raises(ValueError, match="unknown relation predicate 'inspiredBy'"):
        resolve_entities([Extraction(relations=(rel("A", "inspiredBy", "B"),))])


def test_models_get_families_and_others_do_not():
    r = resolve_entities([Extraction((m("PP-OCRv3"), m("PaddleOCR-VL-1.5", start=10),
                                      m("ERNIE 3.0 Titan", start=30), m("ERNIE-ViLG 2.0", start=50),
                                      m("DOTA 1.0", "Dataset", start=70))),
                          Extraction((m("ERNIE ViLG"),))])
    families = {e.name: e.family for e in r.entities}
    assert families == {"PP-OCRv3": "PP-OCR", "PaddleOCR-VL-1.5": "PaddleOCR-VL",
                        "ERNIE 3.0 Titan": "ERNIE", "ERNIE-ViLG 2.0": "ERNIE ViLG",
                        "ERNIE ViLG": "ERNIE ViLG", "DOTA 1.0": None}


def successors(r) -> list[tuple[str, str]]:
    return sorted((a.name, b.name) for a, b in r.successors)


def test_successors_are_consecutive_versions_across_papers():
    r = resolve_entities([
        Extraction((m("PP-OCRv3"), m("PP-OCRv2", start=20))),
        Extraction((m("PP-OCR"), m("ERNIE-ViLG 2.0", start=20))),
        Extraction(relations=(rel("ERNIE-ViLG 2.0", "basedOn", "ERNIE-ViLG"),)),
        Extraction((m("PaddleOCR-VL-1.6"), m("PaddleOCR-VL-1.5", start=20),
                    m("PaddleOCR-VL-0.9B", start=40), m("PP-DocLayout-L", start=60),
                    m("PP-DocLayout-M", start=80), m("PP-DocLayout", start=100))),
        Extraction((m("DOTA 1.0", "Dataset"), m("DOTA 1.5", "Dataset", start=20))),
    ])
    assert successors(r) == [
        ("ERNIE-ViLG 2.0", "ERNIE-ViLG"),
        ("PP-OCRv2", "PP-OCR"),
        ("PP-OCRv3", "PP-OCRv2"),
        ("PaddleOCR-VL-1.6", "PaddleOCR-VL-1.5"),
    ]
    assert SUCCESSOR_RULE == "kg_resolve:successor"


PAPERS = [
    Extraction((m("Long Range Arena", "Dataset", "LRA"), m("PP-OCRv3", start=40),
                m("PP-OCRv2", start=60)),
               relations=(rel("PP-OCRv3", "basedOn", "PP-OCRv2"),),
               results=(res("PP-OCRv3", "LRA", "hmean", 5.0),)),
    Extraction((m("LRA", "Dataset"), m("PP-OCRv2", start=10), m("PP-OCR v2", start=30))),
    Extraction((m("lra", "Dataset"), m("PaddlePaddle", "Software", start=10),
                m("PaddlePaddle", "Organization", start=10))),
    Extraction((m("Hmean", "Metric"), m("PP-OCR", start=9)),
               relations=(rel("PP-OCRv2", "evaluatedOn", "Long-Range Arena"),)),
]


@given(st.permutations(PAPERS), st.randoms(use_true_random=False))
def test_resolution_does_not_depend_on_record_order(papers, rnd):
    shuffled = [Extraction(tuple(rnd.sample(p.mentions, len(p.mentions))), p.relations,
                           p.results) for p in papers]
    expected = resolve_entities(PAPERS)
    got = resolve_entities(shuffled)
    assert got.entities == expected.entities
    assert got.successors == expected.successors
    assert got.index == expected.index


def test_the_mixed_papers_resolve_as_expected():
    r = resolve_entities(PAPERS)
    assert [(e.type, e.name) for e in r.entities] == [
        ("Dataset", "LRA"), ("Metric", "Hmean"), ("Model", "PP-OCR"), ("Model", "PP-OCRv2"),
        ("Model", "PP-OCRv3"), ("Organization", "PaddlePaddle"), ("Software", "PaddlePaddle")]
    assert r.entity("Dataset", "LRA").aliases == ("Long Range Arena", "lra")
    assert r.entity("Model", "PP-OCRv2").aliases == ("PP-OCR v2",)
    assert successors(r) == [("PP-OCRv2", "PP-OCR"), ("PP-OCRv3", "PP-OCRv2")]
    assert r.result_entities(PAPERS[0].results[0])[2].name == "Hmean"  # by key, any case
    assert r.relation_entities(PAPERS[3].relations[0])[1] is r.entity("Dataset", "LRA")
