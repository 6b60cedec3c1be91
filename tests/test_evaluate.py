"""kg eval's matching rules on small hand-made rows (EXTRACTION.md; counted as
../shared/tools/score.py counts them)."""

from kg.evaluate import evaluate

ABSTRACT = "We present TinyNet, a small detector trained on the COCO benchmark."
GOLD = {"id": "p", "abstract_start": ABSTRACT[:60],
        "entities": [{"name": "TinyNet", "types": ["Model"]},
                     {"name": "COCO", "types": ["Dataset"], "aliases": ["MS-COCO"]},
                     {"name": "mAP", "types": ["Metric"]}],
        "relations": [{"subject": "TinyNet", "predicate": "evaluatedOn", "object": "COCO"}],
        "results": [{"model": "TinyNet", "dataset": "COCO", "metric": "mAP", "value": 41.2}]}


def row(**fields) -> dict:
    return {"abstract": ABSTRACT, "entities": [], "relations": [], "results": [], **fields}


def test_a_relation_stated_twice_counts_once():
    rel = {"subject": "TinyNet", "predicate": "evaluatedOn", "object": "MS-COCO"}
    scores = evaluate([GOLD], [row(relations=[rel, dict(rel)])])
    assert (scores["relations"].tp, scores["relations"].fp) == (1, 0)


def test_a_result_reported_twice_is_a_false_positive():
    result = {"model": "TinyNet", "dataset": "MS-COCO", "metric": "mAP", "value": "41.2%"}
    scores = evaluate([GOLD], [row(results=[result, dict(result)])])
    assert (scores["results"].tp, scores["results"].fp, scores["results"].fn) == (1, 1, 0)


def test_a_result_needs_the_value_and_a_matching_dataset():
    wrong = [{"model": "TinyNet", "dataset": "COCO", "metric": "mAP", "value": 41.0},
             {"model": "TinyNet", "dataset": None, "metric": "mAP", "value": 41.2}]
    scores = evaluate([GOLD], [row(results=wrong)])
    assert (scores["results"].tp, scores["results"].fp, scores["results"].fn) == (0, 2, 1)


def test_entities_count_once_per_paper_through_aliases():
    ents = [{"name": "COCO", "type": "Dataset"}, {"name": "MS-COCO", "type": "Dataset"},
            {"name": "TinyNet", "type": "Method"}]
    scores = evaluate([GOLD], [row(entities=ents)])
    assert (scores["Dataset"].tp, scores["Dataset"].fp) == (1, 0)
    assert (scores["Method"].fp, scores["Model"].fn, scores["Metric"].fn) == (1, 1, 1)


def test_a_name_with_two_fitting_types_is_credited_to_the_first_listed():
    """As score.py reads the output: in its order (kg eval once iterated a set, so the
    credited type, and the core/extended split, changed from run to run)."""
    gold = dict(GOLD, entities=[{"name": "TinyNet", "types": ["Model", "Software"]}])
    for first, second in (("Software", "Model"), ("Model", "Software")):
        ents = [{"name": "TinyNet", "type": first}, {"name": "TinyNet", "type": second}]
        scores = evaluate([gold], [row(entities=ents)])
        assert scores[first].tp == 1
        assert second not in scores or (scores[second].tp, scores[second].fp) == (0, 0)
