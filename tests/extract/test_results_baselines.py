"""Numbers a sentence gives to baselines: "the state of the art, X with 82.3% on A"."""


def results(extraction):
    return {(r.model, r.dataset, r.metric, r.value) for r in extraction.results}


def test_a_baseline_with_its_number_on_a_dataset(extract):
    found = results(extract(
        "We propose HeronGCL. It reaches an accuracy of 75.1% on Citeseer and 91.0% on MUTAG, "
        "gains of 2.0% and 1.5% over the strongest earlier methods, GraphCL with 73.1% on "
        "Citeseer and InfoGraph with 89.5% on MUTAG."))
    assert {("HeronGCL", "Citeseer", "accuracy", 75.1), ("HeronGCL", "MUTAG", "accuracy", 91.0),
            ("GraphCL", "Citeseer", "accuracy", 73.1),
            ("InfoGraph", "MUTAG", "accuracy", 89.5)} <= found

