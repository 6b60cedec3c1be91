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


def test_finders_read_only_by_kg_entities_keep_no_span_group_and_change_nothing(nlp):
    """In the full pipeline kg_lexicon and kg_names pass their spans on as plain tuples;
    alone, they fill doc.spans as before; kg_entities finds the same either way."""
    from kg.extract import build_pipeline
    from kg.extract.context import plain_spans

    text = ("SwiftDet: A Fast Detector\n\nWe propose SwiftDet, a detector based on YOLOv8-S. "
            "It reaches 51.2 mAP on COCO and outperforms RT-DETR-L in accuracy.")
    doc = nlp(text)
    assert {"kg_lexicon", "kg_names"}.isdisjoint(doc.spans) and "kg_entities" in doc.spans
    alone = build_pipeline(("kg_repos", "kg_lexicon", "kg_abbrevs", "kg_names"))(text)
    for key in ("kg_lexicon", "kg_names"):
        group = [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_)
                 for s in alone.spans[key]]
        assert group and group == plain_spans(doc, key) == plain_spans(alone, key)
    merger = nlp.get_pipe("kg_entities")
    assert ([(s.start, s.end, s.label_) for s in merger(alone).spans["kg_entities"]]
            == [(s.start, s.end, s.label_) for s in doc.spans["kg_entities"]])


def test_extract_papers_without_span_groups_gives_what_the_span_groups_give(nlp):
    """extract_papers marks its docs plain-only (no spaCy Spans made); the records are the
    ones a doc with all its span groups gives."""
    from kg.extract import doc_extraction, extract_papers, paper_text
    from kg.records import Paper, SourceSpan

    paper = Paper("We propose SwiftDet, a detector based on YOLOv8-S, at "
                  "https://github.com/acme/swiftdet. It reaches 51.2 mAP on COCO and "
                  "outperforms RT-DETR-L.", (SourceSpan("t", 1, 1, "jsonl"),),
                  title="SwiftDet: A Fast Detector")
    doc = nlp(paper_text(paper))
    assert {"kg_repos", "kg_entities"} <= set(doc.spans)
    found = extract_papers([paper], nlp)[0]
    assert found == doc_extraction(paper, doc) and found.mentions and found.relations


def test_a_name_after_a_fronted_dataset_that_reports_is_no_dataset(extract):
    found = extract("On SST-2, TinyBERT-4 reaches an accuracy of 92.6. On CIFAR-10, "
                    "CIFAR-100 and Tiny-ImageNet-200, the gains hold.")
    assert ("TinyBERT-4", "Model") in typed(found)
    assert ("Tiny-ImageNet-200", "Dataset") in typed(found)


def test_a_shaped_name_given_a_value_is_a_metric_and_one_reached_on_is_data(extract):
    found = extract("On ZINC-250K, GraphMix-2 obtains a test MAE-log of 0.081 and an "
                    "NLL-bpd of 3.12.")
    assert {("MAE-log", "Metric"), ("NLL-bpd", "Metric"), ("ZINC-250K", "Dataset"),
            ("GraphMix-2", "Model")} <= typed(found)


def test_a_one_digit_version_before_a_function_word_and_inspired_modifiers(extract):
    found = extract("Orion-2 matches Gemini 1.5 and Claude 3 for long documents, using an "
                    "OS-inspired memory; Mistral 7B is compared as well.")
    assert {("Claude 3", "Model"), ("Gemini 1.5", "Model")} <= typed(found)
    assert not {n for n, _ in typed(found) if n.startswith("OS")}


def test_a_name_both_model_and_measure_is_the_measure_where_a_value_goes_with_it(extract):
    found = extract("On QM9, MolFormer-X reaches a test MAE of 0.0214 and 0.37 MAE on "
                    "ZINC. The encoder is pre-trained with MAE on unlabelled graphs.")
    spans = {(m.name, m.type, m.start) for m in found.mentions if m.name == "MAE"}
    assert {t for _, t, _ in spans} == {"Metric", "Model"}
    assert ("MolFormer-X", "QM9", "MAE", 0.0214) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_slash_variants_after_a_model_are_models(extract):
    text = ("We scale the detector into a family, i.e., FastDet-Nano/Base/Large, for phones "
            "and servers.")
    found = extract(text)
    at = {m.name: text[m.start:m.end] for m in found.mentions if m.type == "Model"}
    assert {"FastDet-Nano", "FastDet-Base", "FastDet-Large"} <= set(at)
    assert at["FastDet-Base"] == "Base" and at["FastDet-Large"] == "Large"


def test_what_a_model_is_trained_on_is_data(extract):
    found = extract("WeatherNet-G is trained on 40 years of HRRR-3 forecasts. We continue "
                    "pretraining it on the MathMix-5 and release new datasets called "
                    "DocPix-2. It ranked first in the BraTS-X 2023 challenge.")
    datasets = {m.name for m in found.mentions if m.type == "Dataset"}
    assert {"HRRR-3", "MathMix-5", "DocPix-2", "BraTS-X 2023"} <= datasets
    assert "WeatherNet-G" not in datasets


def test_trained_from_a_model_is_a_base_not_data(extract):
    found = extract("CoderR1-Zero, a model trained from CoderBase-V2 with reinforcement "
                    "learning, solves 40% of the tasks.")
    assert ("CoderBase-V2", "Model") in {(m.name, m.type) for m in found.mentions}


def test_a_task_keeps_the_words_that_narrow_it_to_a_domain(extract):
    found = extract("We study clinical named entity recognition and stereo depth estimation, "
                    "and efficient image segmentation as well.")
    tasks = {m.name for m in found.mentions if m.type == "Task"}
    assert {"clinical named entity recognition", "stereo depth estimation",
            "image segmentation"} <= tasks
    assert "efficient image segmentation" not in tasks


def test_a_whole_slash_list_of_versions_names_each_version(extract):
    text = "We quantise Qwen-1/2 and ViT-L/14 models to W4A16 with LiDAR inputs."
    found = extract(text)
    at = {m.name: text[m.start:m.end] for m in found.mentions if m.type == "Model"}
    assert {"Qwen-1", "Qwen-2", "ViT-L/14"} <= set(at) and "Qwen-1/2" not in at
    assert at["Qwen-2"] == "2" and "ViT-14" not in at
    assert not {"W4A16", "LiDAR"} & {m.name for m in found.mentions}


def test_a_camel_case_name_takes_the_type_of_its_last_part(extract):
    found = extract("We train with a rule we call SparseAveraging (SpAvg) on clients.")
    typed_ = {(m.name, m.type) for m in found.mentions}
    assert {("SparseAveraging", "Method"), ("SpAvg", "Method")} <= typed_


def test_a_task_keeps_the_setting_words_before_it(extract):
    found = typed(extract("We study open-world semantic segmentation and 3D pose estimation "
                          "with retrieval-augmented text generation."))
    assert {("open-world semantic segmentation", "Task"), ("3D pose estimation", "Task"),
            ("retrieval-augmented text generation", "Task")} <= found


def test_names_listed_after_a_dataset_word_and_a_colon_are_datasets(extract):
    found = typed(extract("We derive two new benchmarks: Law-PROBE and Med-PROBE, from case "
                          "reports."))
    assert {("Law-PROBE", "Dataset"), ("Med-PROBE", "Dataset")} <= found


def test_a_title_name_is_a_system_whatever_its_long_form_ends_in(extract):
    found = typed(extract("We introduce a framework called Echo Retrieval-Augmented Generation "
                          "(Echo-RAG) that critiques its own passages. Echo-RAG outperforms "
                          "Llama2-chat.",
                          title="Echo-RAG: Retrieving and Critiquing with Reflection"))
    assert ("Echo-RAG", "Task") not in found
    assert any(name == "Echo-RAG" and kind in ("Model", "Method") for name, kind in found)


def test_a_short_form_in_brackets_before_the_word_dataset_is_a_dataset(extract):
    found = typed(extract("We record 40 hours in 30 kitchens, the Kitchens of Lyon (KoLy) "
                          "dataset, and pretrain a policy on it."))
    assert ("KoLy", "Dataset") in found


def test_a_task_keeps_the_compound_that_sets_its_scope(extract):
    found = {(m.name, m.type) for m in extract(
        "We present DocLM, a long-context model for multi-document question answering and "
        "cross-repository code completion; it also does pixel-wise segmentation.").mentions}
    assert {("multi-document question answering", "Task"),
            ("cross-repository code completion", "Task")} <= found
    found = {m.name for m in extract("DocLM brings high-quality image synthesis to phones.")
             .mentions}
    assert "high-quality image synthesis" not in found


def test_a_pair_headed_by_a_task_word_that_gets_a_score_is_a_method(extract):
    found = typed(extract("We introduce Robust Depth Completion (RDC), a network for sparse "
                          "depth. On KITTI, RDC reaches an RMSE of 0.71 m. Robust depth "
                          "completion (RDC2) remains hard."))
    assert ("RDC", "Method") in found and ("Robust Depth Completion", "Method") in found
    assert ("RDC", "Task") not in found


def test_a_known_dataset_with_a_suffix_is_a_dataset_not_a_model(extract):
    found = extract("The models we study are Phi-3-mini and Qwen2-7B, and the questions "
                    "are drawn from TriviaQA-Hard and SQuAD-Adversarial.")
    assert {("TriviaQA-Hard", "Dataset"), ("SQuAD-Adversarial", "Dataset")} <= typed(found)
    assert ("Phi-3-mini", "evaluatedOn", "TriviaQA-Hard") in {
        (r.subject, r.predicate, r.object) for r in found.relations}


def test_a_versioned_name_before_treebanks_is_a_dataset(extract):
    found = extract("Evaluated on the UD 2.12 treebanks, ParseKit beats UDPipe.")
    assert ("UD 2.12", "Dataset") in typed(found)


def test_a_known_dataset_with_its_size_or_year_glued_on_is_a_dataset(extract):
    found = typed(extract("Our models beat MobileNet V2 on ImageNet32x32, and match Grad-CAM "
                          "on COCO2017 and CelebA64."))
    assert {("ImageNet32x32", "Dataset"), ("COCO2017", "Dataset"),
            ("CelebA64", "Dataset")} <= found


def test_an_acronym_before_a_word_for_a_model_role_is_a_model(extract):
    found = typed(extract("We distill the student from a pre-trained HQD teacher and rerank "
                          "with an MVR retriever."))
    assert {("HQD", "Model"), ("MVR", "Model")} <= found


def test_a_value_after_a_numbered_name_is_no_version_of_it(extract):
    found = typed(extract("Recall@1 reads: Stanford Online Products 67.7, Cars-196 71.1, "
                          "SOP-200-2020 51.0."))
    assert ("Cars-196", "Dataset") in found
    assert not {name for name, _ in found if name.endswith(("71.1", "51.0"))}


def test_a_database_is_data(extract):
    found = typed(extract("We introduce SPOOF-X, a new face spoofing database of 900 clips. "
                          "Protocols for speaker databases, such as VOXA, TIMITX and SWBX, are "
                          "included."))
    assert {("SPOOF-X", "Dataset"), ("VOXA", "Dataset"), ("SWBX", "Dataset")} <= found


def test_the_kind_said_after_a_new_name_types_it(extract):
    found = typed(extract("We propose QuantaGrad. The QuantaGrad method sends two bits per "
                          "gradient. Training uses LionX, an optimizer with sign updates, and "
                          "the TorchKit-2 toolkit."))
    assert {("QuantaGrad", "Method"), ("LionX", "Method"), ("TorchKit-2", "Software")} <= found


def test_what_the_abstract_calls_a_system_types_it_over_the_titles_head_word(extract):
    found = typed(extract("Gridwise is an open-source Python framework that couples a power "
                          "grid simulator with learning agents. It ranks the candidates with "
                          "ZapSearch, a search engine for circuits.",
                          title="Gridwise: A Simulation and Control Framework for Grid Agents"))
    assert {("Gridwise", "Software"), ("ZapSearch", "Software")} <= found
    found = typed(extract("It wraps the GridPlus-2 power simulator and the FizzX physics engine."))
    assert {("GridPlus-2", "Software"), ("FizzX", "Software")} <= found
    found = typed(extract("We propose Flowmix, a framework for mixing flows on graphs.",
                          title="Flowmix: A Framework for Mixing Flows"))
    assert ("Flowmix", "Software") not in found


def test_diseases_and_test_outcomes_are_not_systems(extract):
    found = extract("We screen SARS-CoV-2 cases: CovNet-3 separates 310 PCR-positive from "
                    "290 HIV-negative patients and flags COVID-19 pneumonia.")
    assert typed(found) == {("CovNet-3", "Model")}


def test_a_new_set_of_images_or_recordings_is_data(extract):
    found = typed(extract("With two hospitals we built ChestGR-2, a homogeneous and balanced set "
                          "of 1,852 frontal images. We also collect VoxFam-9, a small set of "
                          "recordings. We train ZooNet-3, a family of seven vision models."))
    assert {("ChestGR-2", "Dataset"), ("VoxFam-9", "Dataset"), ("ZooNet-3", "Model")} <= found


def test_platforms_that_give_the_data_are_not_the_reporter(extract):
    found = extract("Tiles come from Google Earth. On 30 scenes of low-quality YouTube videos, "
                    "AlarmNet-2 obtains a precision of 84.2%.")
    assert ("Google", "Organization") not in typed(found)
    assert [(r.model, r.value) for r in found.results] == [("AlarmNet-2", 84.2)]


def test_classical_procedures_are_methods_not_models_or_tasks(extract):
    found = typed(extract("Variants such as Borderline-SMOTE and ADASYN oversample the minority "
                          "class; we compare them with Slow Feature Analysis (SFA) and soft-DTW "
                          "under a sparse variational GP."))
    assert {("Borderline-SMOTE", "Method"), ("ADASYN", "Method"), ("SFA", "Method"),
            ("Slow Feature Analysis", "Method"), ("soft-DTW", "Method"),
            ("sparse variational GP", "Method")} <= found


def test_a_software_name_keeps_its_version(extract):
    found = extract("DockFast runs 60 times faster than AutoDock 4, the earlier program; agents "
                    "from Stable Baselines 3, such as PPO, drive it. Its success rate is 78%, "
                    "against 49% for AutoDock 4.")
    assert {("AutoDock 4", "Software"), ("Stable Baselines 3", "Software")} <= typed(found)
    assert ("AutoDock 4", 49.0) in {(r.model, r.value) for r in found.results}


def test_graphics_cards_by_their_makers_naming_are_hardware(extract):
    found = typed(extract("On a cluster that mixes GeForce RTX 2060, Quadro P4000 and Tesla M60 "
                          "GPUs, HetNet-2 trains 49% faster; a GTX 1650 also runs it."))
    assert {("GeForce RTX 2060", "Hardware"), ("Quadro P4000", "Hardware"),
            ("Tesla M60", "Hardware"), ("GTX 1650", "Hardware")} <= found
    assert not {name for name, kind in found if kind == "Model"} - {"HetNet-2"}


def test_capitals_that_spell_an_acronym_do_not_make_a_word_a_name(extract):
    found = typed(extract("We ran the Challenge on LiVer Tumour Scans (LVTS) for liver tumour "
                          "work, with ResAttn blocks (code: github.com/x/resattn)."))
    assert not {name for name, _ in found} & {"LiVer", "LiVer Tumour Scans"}
    assert ("ResAttn", "Model") in found


def test_names_ending_in_a_procedure_word_are_methods(extract):
    found = typed(extract("We propose SparseGrad and compare it with ListRank, SWA-Dropout, "
                          "Fast-NMS, SMC-ABC and RowNorm."))
    assert {("SparseGrad", "Method"), ("ListRank", "Method"), ("SWA-Dropout", "Method"),
            ("Fast-NMS", "Method"), ("SMC-ABC", "Method"), ("RowNorm", "Method")} <= found


def test_a_name_described_as_data_in_an_apposition_is_a_dataset(extract):
    found = typed(extract("We add UrbanSnd-10, a simpler 10-class subset, and UrbanSnd-U, an "
                          "unlabeled compilation of clips; ProtKG-3 is a benchmark for proteins. "
                          "It covers flights in the USA, a data set of delays."))
    assert {("UrbanSnd-10", "Dataset"), ("UrbanSnd-U", "Dataset"),
            ("ProtKG-3", "Dataset")} <= found
    assert ("USA", "Dataset") not in found


def test_an_apposition_types_a_shaped_name_by_its_head_word(extract):
    found = typed(extract("The training data are enlarged with NoiseMix-2, an augmentation that "
                          "adds channel noise, and scored by VoxNet-3, a small network."))
    assert {("NoiseMix-2", "Method"), ("VoxNet-3", "Model")} <= found


def test_python_package_names_are_software(extract):
    found = typed(extract("Graphs are built with PyGraphX and checked against TorchPy."))
    assert {("PyGraphX", "Software"), ("TorchPy", "Software")} <= found


def test_venues_norms_and_field_shorthands_are_not_systems(extract):
    found = typed(extract("At NeurIPS we show that an AR decoder with L2 regularisation, "
                          "ZetaMT-2, beats T5 on MT; the code is under BSD-2-Clause."))
    assert {name for name, kind in found if kind in ("Model", "Dataset")} == {"ZetaMT-2", "T5"}


def test_our_answer_and_a_family_named_in_an_apposition_are_the_papers_own(extract):
    found = typed(extract("Our answer, GPX, starts from a Gaussian process. We design a family "
                          "of GNNs, Supple GNNs, that combine both penalties."))
    assert {("GPX", "Method"), ("Supple GNNs", "Model")} <= found


def test_a_proposed_name_glossed_in_brackets_keeps_its_description(extract):
    found = typed(extract("In this paper, we propose SKAY ('Skills Are All You need'), a "
                          "method for learning skills without a reward function."))
    assert ("SKAY", "Method") in found
    found = typed(extract("We present Rucksack: a new neural architecture for language."))
    assert ("Rucksack", "Model") in found


def test_lower_case_techniques_introduced_with_a_colon_or_as_a_tool(extract):
    found = typed(extract("We propose grouped attention: instead of computing attention for "
                          "every query, the queries are grouped. We introduce full-saliency, a "
                          "new tool for interpreting networks. We propose two changes: first, "
                          "we scale."))
    assert {("grouped attention", "Method"), ("full-saliency", "Method")} <= found
    assert not {name for name, _ in found} & {"two changes"}


def test_made_by_words_licences_and_processor_counts_are_not_names(extract):
    found = extract("We detect LLM-written essays and AI-generated answers with DetectNet-2 "
                    "on 16 vCPUs; the code is under the GPL-3.0 license.")
    assert typed(found) == {("DetectNet-2", "Model")}


def test_a_task_keeps_the_setting_or_kind_of_data_before_it(extract):
    found = typed(extract("We study unsupervised semantic segmentation and egocentric action "
                          "recognition with WalkNet."))
    assert {("unsupervised semantic segmentation", "Task"),
            ("egocentric action recognition", "Task")} <= found
    assert ("semantic segmentation", "Task") not in found
