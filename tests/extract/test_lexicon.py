from kg.extract.lexicon import load_lexicon, parse_lexicon
from tests.extract.conftest import typed


def test_lexicon_entries_types_and_case():
    (entry,) = parse_lexicon("=MATH | MATH-500  # also: Task\n", "Dataset", "x")
    assert entry.forms == (("MATH", True), ("MATH-500", False)) and entry.also == ("Task",)
    assert any(e.canonical == "ImageNet-1k" for e in load_lexicon("datasets"))


def test_public_names_are_typed(extract):
    found = typed(extract("We pre-train on ImageNet-1K and fine-tune on CIFAR-100, reporting "
                          "top-1 accuracy of 91.2% with JAX on TPU v4 chips for image "
                          "classification."))
    assert {("ImageNet-1K", "Dataset"), ("CIFAR-100", "Dataset"), ("top-1 accuracy", "Metric"),
            ("JAX", "Software"), ("TPU v4", "Hardware"),
            ("image classification", "Task")} <= found


def test_glued_name_is_not_its_prefix(extract):
    found = typed(extract("Results on COCO-Text are reported for scene text detection."))
    assert ("COCO", "Dataset") not in found


def test_case_sensitive_forms(extract):
    assert "MATH" in {m.name for m in extract("Scores on MATH rise to 50.1% accuracy.").mentions}
    assert "math" not in {m.name for m in extract("We like math and physics a lot.").mentions}


def test_modifiers_joined_by_hyphens_match_the_listed_phrase(extract):
    found = typed(extract("We study knowledge-graph completion and point-cloud segmentation, "
                          "using instruction-following data."))
    assert {("knowledge-graph completion", "Task"), ("point-cloud segmentation", "Task")} <= found
    assert not any(name.startswith("instruction") for name, _ in found)


def test_hyphenated_spellings_keep_the_head_word_apart():
    from kg.extract.lexicon_matcher import hyphenated
    assert hyphenated("novel view synthesis") == ["novel-view synthesis"]
    assert set(hyphenated("a b c d")) == {"a-b c d", "a b-c d", "a-b-c d"}
    assert hyphenated("instruction following") == []


def test_a_name_matches_in_any_case_however_the_tokenizer_splits_it(extract):
    found = typed(extract("We evaluate on Flickr30k Entities and bdd100k, and pre-train on "
                          "imagenet-22k."))
    assert {("Flickr30k Entities", "Dataset"), ("bdd100k", "Dataset"),
            ("imagenet-22k", "Dataset")} <= found


def test_classic_sequence_models_and_benchmarks_of_other_fields(extract):
    found = typed(extract("We forecast traffic on PeMSD7 and METR-LA, beating ARIMA, LSTM and "
                          "GRU, and tune it with expected improvement as the acquisition "
                          "function; the search index is built with FLANN."))
    assert {("PeMSD7", "Dataset"), ("METR-LA", "Dataset"), ("ARIMA", "Model"), ("LSTM", "Model"),
            ("GRU", "Model"), ("expected improvement", "Method"), ("FLANN", "Software")} <= found


def test_a_task_written_in_lower_case_is_not_the_capitalised_dataset(extract):
    assert ("recognizing textual entailment", "Task") in typed(extract(
        "We test GalBERT on three tasks: paraphrase detection, recognizing textual entailment "
        "and part-of-speech tagging."))
    assert ("Recognizing Textual Entailment", "Dataset") in typed(extract(
        "On the Recognizing Textual Entailment benchmark, GalBERT reaches 71.2% accuracy."))


def test_general_technical_abbreviations_are_no_names(extract):
    found = typed(extract("We present NetGuard-2, which watches IoT devices and IP cameras and "
                          "flags attacks from their HTTP traffic and GPS traces; a second model "
                          "reads mRNA and DNA sequences."))
    assert ("NetGuard-2", "Model") in found
    assert not {name for name, _ in found} & {"IoT", "IP", "HTTP", "GPS", "mRNA", "DNA"}
