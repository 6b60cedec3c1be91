from tests.extract.conftest import typed


def test_context_types_unknown_names(extract):
    found = typed(extract("We evaluate on HardCodeQA and on the WebShop-X benchmark, "
                          "where MegaNet-3 achieves 71.2% accuracy."))
    assert ("HardCodeQA", "Dataset") in found
    assert ("WebShop-X", "Dataset") in found
    assert ("MegaNet-3", "Model") in found


def test_common_metric_word_needs_a_number(extract):
    assert not [m for m in extract("We care about accuracy and latency.").mentions
                if m.type == "Metric"]


def test_offsets_slice_the_name(extract):
    title = "OrcaNet-2: Fast Segmentation Networks"
    abstract = "OrcaNet-2 reaches 80.1% mIoU on ADE20K."
    found = extract(abstract, title=title)
    for m in found.mentions:
        text = title if m.field == "title" else abstract
        assert text[m.start:m.end] == m.name or m.type == "Repository"


# Names with sizes, variants, patch sizes and splits; types from the words around them.

def test_model_names_keep_sizes_variants_and_patch_sizes(extract):
    found = typed(extract(
        "We compare Qwen 1 14B, Gemma 7B – Instruct and Phi-3 mini with a SigLIP "
        "ViT-SO400M/14@384px encoder, and also Falcon 40B chat."))
    assert {("Qwen 1 14B", "Model"), ("Gemma 7B – Instruct", "Model"),
            ("Falcon 40B chat", "Model")} <= found
    assert any(name.endswith("ViT-SO400M/14@384px") for name, _ in found)


def test_dataset_splits_and_data_sizes(extract):
    found = typed(extract("We pretrain on COYO-700M and report WER on TED-LIUM test-other and "
                          "AP on Objects365 val2017."))
    assert {("COYO-700M", "Dataset"), ("TED-LIUM test-other", "Dataset")} <= found


def test_units_and_licences_are_not_names(extract):
    found = {name for name, _ in typed(extract(
        "Training took 120 PetaFLOPs; weights are released under Apache 2.0 and GPL-3."))}
    assert not found & {"PetaFLOPs", "Apache 2.0", "GPL-3"}


def test_kind_word_before_a_new_name_types_it(extract):
    found = typed(extract("We add the sampling strategy FocalMix and the backbone network "
                          "GhostHRNet to the detector."))
    assert {("FocalMix", "Method"), ("GhostHRNet", "Model")} <= found


def test_a_papers_own_abbreviation_beats_a_lexicon_entry_of_another_kind(extract):
    found = typed(extract("Our decoder uses grouped-query attention (GQA) to cut memory."))
    assert ("GQA", "Dataset") not in found


def test_model_named_as_a_benchmark_is_a_dataset_there(extract):
    found = typed(extract("Our chatbot wins 60% of comparisons on the Vicuna benchmark."))
    assert ("Vicuna", "Dataset") in found


def test_names_listed_with_datasets_and_described_after_a_comma(extract):
    found = typed(extract("It transfers to CIFAR-10, STL-10 and Caltech-256 Objects, and we "
                          "collect a new corpus, NovelMix, for long texts."))
    assert ("NovelMix", "Dataset") in found
    assert any(t == "Dataset" and n.startswith("Caltech-256") for n, t in found)


def test_a_name_after_a_named_benchmark_and_a_comma_is_not_a_dataset(extract):
    found = extract("On the demanding LVIS benchmark, SparseDet-L reaches 48.2 AP. We also "
                    "release a new benchmark, DocBench-1K.")
    assert {("SparseDet-L", "Model"), ("DocBench-1K", "Dataset")} <= typed(found)


def test_sizes_and_siblings_of_a_model_are_models(extract):
    found = extract("We introduce Falcon, a family of LLMs from Falcon-70M to Falcon-9B. For "
                    "example, DocLMv2-Large reaches 91.0 F1 on FUNSD and 96.0 on CORD, and "
                    "DocLMv2-Base obtains 93.1 mAP on PubLayNet. We pre-train on LAION-400M.")
    assert {("Falcon-70M", "Model"), ("DocLMv2-Base", "Model"),
            ("LAION-400M", "Dataset")} <= typed(found)


def test_a_name_described_as_data_or_listed_after_datasets_such_as_is_a_dataset(extract):
    found = extract("We co-develop VQA-Big, which consists of 2.1 million annotated question "
                    "pairs. Comparisons on real datasets such as DocSR, NightSR and Rain800 "
                    "show gains.")
    assert {("VQA-Big", "Dataset"), ("DocSR", "Dataset"), ("NightSR", "Dataset"),
            ("Rain800", "Dataset")} <= typed(found)
