import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.abbrevs import long_form
from tests.extract.conftest import typed


@pytest.mark.parametrize("short, before, expected", [
    ("GRPO", "we adopt Group Relative Policy Optimization", "Group Relative Policy Optimization"),
    ("VQA", "strong results in visual question answering", "visual question answering"),
    ("MAE", "pre-trained with a Masked Autoencoder", "Masked Autoencoder"),
    ("XYZ", "with nothing matching here", None),
    # one word per letter, though an inner letter of the second word would do for the first
    ("IIC", "we compare against Implicit Information Coding", "Implicit Information Coding"),
    ("RGR", "and the Random Graph Reasoning", "Random Graph Reasoning"),
])
def test_long_form(short, before, expected):
    assert long_form(short, before) == expected


def test_pair_types_both_forms(extract):
    found = typed(extract("We propose Group Relative Policy Optimization (GRPO). GRPO improves "
                          "reasoning, and we evaluate on the Massive Text Embedding Benchmark "
                          "(MTEB)."))
    assert ("Group Relative Policy Optimization", "Method") in found
    assert ("GRPO", "Method") in found
    assert ("Massive Text Embedding Benchmark", "Dataset") in found


def test_a_lower_case_long_form_naming_what_the_authors_bring_in(extract):
    found = typed(extract("We design a retrieval model for long documents that scores passages "
                          "jointly, the hierarchical passage encoder (HPE). Sensors connect over "
                          "wide area networks (WANs)."))
    assert ("hierarchical passage encoder", "Model") in found and ("HPE", "Model") in found
    assert "WANs" not in {name for name, _ in found}


def test_parenthetical_that_is_no_abbreviation(extract):
    found = extract("Training is stable (see Table 2) and cheap (about 3 GPU days).")
    assert not [m for m in found.mentions if m.rule == "kg_abbrevs"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["A", "b", "Zeta", "x2", "-", ".", "+", "}", " ", "\n", "(",
                                 "LongerWordHere", "ABCDEFGHIJKLMNOPQR", "é"]),
                max_size=20).map("".join))
def test_the_short_form_before_a_parenthesis_is_found_in_the_tail_alone(before):
    from kg.extract.abbrevs import _SHORT_BEFORE

    whole = _SHORT_BEFORE.search(before)
    tail = before[max(0, len(before.rstrip()) - 17):]
    found = _SHORT_BEFORE.search(tail)
    assert (found and found[1]) == (whole and whole[1])


def test_a_long_form_the_lexicon_knows_keeps_its_short_form(extract):
    # "adaptation" is no kind of thing by its head word, but the lexicon types the long form
    found = extract("Our planner is compared against covariance matrix adaptation (CMA) on "
                    "robot locomotion.")
    assert ("CMA", "Method") in typed(found)


def test_a_long_form_the_lexicon_knows_keeps_its_type(extract):
    found = extract("Forecasts are scored by the weighted quantile loss (WQL): TideCast-S "
                    "reaches a WQL of 0.61 on M4.")
    assert ("WQL", "Metric") in {(m.name, m.type) for m in found.mentions}


def test_a_pair_the_description_after_it_types(extract):
    found = typed(extract("To this end we introduce Quick Wave Mixers (QWM), a compact model "
                          "for audio tagging. Using this idea, we introduce MemoNet (Memory-Net), "
                          "a system that pages context."))
    assert {("Quick Wave Mixers", "Model"), ("QWM", "Model")} <= found
    assert not any(name.startswith(("idea", "Using")) for name, _ in found)


def test_a_title_case_long_form_with_a_preposition_typed_by_the_kind_before_it(extract):
    found = extract("We design a simple yet effective algorithm, Token Folding with Experts "
                    "(TFE), that balances load. TFE clearly outperforms Switch-Base-8.")
    assert ("TFE", "Method") in typed(found)
    assert ("TFE", "comparedWith", "Switch-Base-8") in {(r.subject, r.predicate, r.object)
                                                      for r in found.relations}


def test_a_dataset_named_in_sentence_case_after_the_word_dataset(extract):
    found = extract("We collect a new dataset, Hands in clutter scenes (HICS), with 500 "
                    "images, where GraspNet-X reaches an mAP of 41.2.")
    assert ("HICS", "Dataset") in typed(found)
    assert ("GraspNet-X", "HICS", "mAP", 41.2) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_a_title_case_pair_a_paper_brings_in_as_a_component_is_a_method(extract):
    found = {(m.name, m.type) for m in extract(
        "QuantX comprises two components including Adaptive Range Search (ARS) and "
        "Learnable Channel Mixing (LCM). Results on Penn Treebank (PTB) follow.").mentions}
    assert {("Adaptive Range Search", "Method"), ("Learnable Channel Mixing", "Method")} <= found
    assert not {n for n, t in found if n.startswith("Penn") and t == "Method"}


def test_a_lower_case_pair_the_paper_proposes_is_its_model(extract):
    found = typed(extract("We introduce sparse mixture transformers (SMT) for long inputs. "
                          "Messages cross metropolitan area networks (MANs) in time."))
    assert ("SMT", "Model") in found
    assert not any(name in ("MANs", "metropolitan area networks") for name, _ in found)


def test_the_proposed_lower_case_long_form_of_a_model(extract):
    found = typed(extract("In this work we propose the music source separation adversarial "
                          "network (MSSAN), which runs on raw audio. MSSAN is fast."))
    assert ("MSSAN", "Model") in found
    plain = typed(extract("Traffic crosses wide area networks (WANs) every day."))
    assert ("WANs", "Model") not in plain


def test_a_long_form_headed_by_clustering_or_pooling_is_a_method(extract):
    found = typed(extract("We compare with Deep Embedded Clustering (DEC) and use Generalized "
                          "Mean Pooling (GeM) in the head."))
    assert {("Deep Embedded Clustering", "Method"), ("Generalized Mean Pooling", "Method")} <= found


def test_a_measure_named_after_the_kind_metric_or_measure_is_a_metric(extract):
    found = typed(extract("To judge alarms we introduce a metric, Alarm Activation per Interval "
                          "(AApI). We also define a new measure, Mean Alarm Delay (MAD)."))
    assert {("AApI", "Metric"), ("Alarm Activation per Interval", "Metric"), ("MAD", "Metric"),
            ("Mean Alarm Delay", "Metric")} <= found


def test_a_regression_long_form_is_a_method_but_a_name_before_regression_is_not(extract):
    found = extract("We propose FlowRank, a ranker. It outperforms baselines such as "
                    "sparse topic regression (STR) and MusicNet-X. On the OpenML regression "
                    "benchmarks, FlowRank reaches the best RMSE.")
    assert {("STR", "Method"), ("OpenML", "Dataset")} <= {(m.name, m.type)
                                                          for m in found.mentions}
    assert ("FlowRank", "comparedWith", "STR") in {
        (r.subject, r.predicate, r.object) for r in found.relations}
