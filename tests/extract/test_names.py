import pytest

from tests.extract.conftest import names, typed


@pytest.mark.parametrize("name", ["Qwen2.5-VL-7B", "YOLOv8-S", "DeiT-B", "StarCoder2-15B",
                                  "Falcon 180B", "InternLM2", "SigLIP-So400m", "Gemma 2.0 Pro",
                                  "Hyena-S", "Conformer-XL", "MaskFill v2", "Q-Former", "W-Net"])
def test_model_shapes(extract, name):
    found = extract(f"We compare against {name} in all settings.")
    assert name in names(found, "Model")


def test_cue_and_description_give_the_type(extract):
    found = typed(extract("We introduce SciDocs-XL, a benchmark of 9,000 annotated papers. "
                          "We also present FlowNet-Lite, a lightweight detector."))
    assert ("SciDocs-XL", "Dataset") in found and ("FlowNet-Lite", "Model") in found


def test_a_cue_name_of_two_words_before_its_description(extract):
    found = typed(extract("We present Sparse ViT, a vision transformer that skips tokens. "
                          "We also release Mirror Bench, a benchmark of 4,000 reflections. "
                          "We present Mirror scenes and evaluate on them."))
    assert ("Sparse ViT", "Model") in found and ("Mirror Bench", "Dataset") in found
    assert not any(name.startswith("Mirror scenes") for name, _ in found)


def test_title_name_typed_by_subtitle(extract):
    found = typed(extract("We describe the approach in detail.",
                          title="SmolRL: Simple Preference Optimization for Small Models"))
    assert ("SmolRL", "Method") in found


def test_suffixes_and_plurals_are_not_names(extract):
    found = names(extract("LLMs and CNNs are DPO-tuned with a ViT-style encoder."))
    assert "LLMs" not in found and "CNNs" not in found
    assert "DPO-tuned" not in found and "ViT-style" not in found


def test_bare_acronym_needs_a_type(extract):
    assert "XQZ" not in names(extract("The XQZ pipeline is fast."))


def test_a_bare_acronym_the_authors_propose_before_the_clause_ends(extract):
    found = typed(extract("We present HRQ, which quantises every layer to four bits. HRQ is "
                          "fast. We also present SOTA numbers on two corpora."))
    assert ("HRQ", "Model") in found
    assert "SOTA" not in {name for name, _ in found}


def test_a_numbered_title_name_is_a_model_whatever_the_subtitle(extract):
    found = typed(extract("We scale up pre-training.", title="Falcon 2.5 Pro: Scaling "
                                                              "Knowledge-Aware Pre-training"))
    assert ("Falcon 2.5 Pro", "Model") in found


def test_a_size_letter_makes_a_variant_name_that_reports_results(extract):
    found = extract("We build Mamba, a state space model. Mamba-L reaches 84.1% top-1 "
                    "accuracy on ImageNet-1K, while a plan-B fallback is left for future work.")
    assert "Mamba-L" in names(found, "Model") and "plan-B" not in names(found, "Model")
    assert ("Mamba-L", "ImageNet-1K", "top-1 accuracy", 84.1) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_a_model_named_in_lower_case_with_a_version_and_a_variant(extract):
    found = extract("We release orca-2-small and orca-2-vision and compare them with "
                    "text-curie-001, in sub-4-bit and 2-stage settings at top-5-way.")
    names = {m.name for m in found.mentions if m.type == "Model"}
    assert {"orca-2-small", "orca-2-vision", "text-curie-001"} <= names
    assert not names & {"sub-4-bit", "top-5-way"}


def test_two_or_three_capitalised_words_before_the_title_colon(extract):
    def title_names(title):
        found = extract("We study the problem.", title=title)
        return {(m.name, m.type) for m in found.mentions if m.field == "title"}

    assert ("Korean BERT", "Model") in title_names(
        "Korean BERT: Contrastive Pretraining for Korean Text")
    assert ("Gated Transformer", "Model") in title_names(
        "Gated Transformer: Sequence Modeling for Control")
    assert ("Protein Anything", "Model") in title_names(
        "Protein Anything: A Foundation Model for Protein Structure")
    assert not title_names("Rethinking Attention: Notes on Efficient Transformers")
    assert not title_names("Sparse Mixtures Technical Report: A Study")
    assert not title_names("Learnable Shortcuts: Towards Label-free Poisoned Examples")


def test_techniques_a_paper_names_as_new_or_introduces(extract):
    found = extract("We propose a new pruning method, layer dropping, that removes whole "
                    "blocks. In addition, a novel token merging mechanism reduces cost.")
    assert {("layer dropping", "Method"), ("token merging", "Method")} <= typed(found)
    found = extract("We introduce the cross-view feature fusion, which aligns cameras.")
    assert ("cross-view feature fusion", "Method") in typed(found)
    found = extract("We propose a simple training method and a novel unified strategy.")
    assert not {m for m in found.mentions if m.type == "Method"}


def test_techniques_introduced_by_their_loss_objective_or_mechanism(extract):
    found = typed(extract("We further propose a contrastive alignment loss to tie the two "
                          "views. Finally, we introduce learnable token gating, which drops "
                          "redundant tokens, and we adopt a sparse routing mechanism for experts."))
    assert {("contrastive alignment loss", "Method"), ("learnable token gating", "Method"),
            ("sparse routing mechanism", "Method")} <= found
    assert not {n for n, t in typed(extract("We propose a simple loss and an effective "
                                            "training.")) if t == "Method"}


def test_a_name_called_after_a_kind_of_procedure_is_a_method(extract):
    found = typed(extract("We design a tree search algorithm called TreeHop that plans over "
                          "subgoals. We describe a data cleaning procedure, which we call "
                          "WashUp, to filter noisy pairs."))
    assert {("TreeHop", "Method"), ("WashUp", "Method")} <= found
    # the kind inside a phrase before the name is not the name's kind
    found = typed(extract("We present a compact convolutional network built with the MixUp "
                          "strategy, named TinyConv, for phones."))
    assert ("TinyConv", "Model") in found


def test_all_the_capitalised_words_after_a_verb_of_naming(extract):
    found = typed(extract("We describe a pruning method termed Lean ResNet that drops whole "
                          "blocks. Our network, dubbed Quick YOLO, runs on phones."))
    assert ("Lean ResNet", "Model") in found or ("Lean ResNet", "Method") in found
    assert any(name == "Quick YOLO" for name, _ in found)
    assert not {"ResNet", "YOLO"} & {name for name, _ in found}


def test_a_bare_acronym_named_after_a_word_for_a_model_is_a_model(extract):
    found = extract("We pretrain a compact speech recognition network named QWAV on 9,000 "
                    "hours of audio; QWAV reaches a WER of 4.1% on LibriSpeech.")
    assert ("QWAV", "Model") in typed(found)
    assert ("QWAV", "LibriSpeech", "WER", 4.1) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_hyphenated_names_built_on_a_known_family(extract):
    found = extract("We also release Vision-Mistral and Math-Qwen-Instruct for maths. "
                    "Vision-Language models give State-Of-The-Art results.")
    assert {("Vision-Mistral", "Model"), ("Math-Qwen-Instruct", "Model")} <= typed(found)
    assert not {n for n, _ in typed(found) if n.startswith(("Vision-Language", "State"))}


def test_a_technique_a_named_system_employs(extract):
    found = extract("In addition, SpeechLM-2 employs gated rotary position encoding for the "
                    "Transformer layers.")
    assert ("gated rotary position encoding", "Method") in typed(found)


def test_units_are_not_names(extract):
    found = names(extract("SplatNet-X renders at 33.2 dB PSNR on 24 GB GPUs and samples 16 "
                          "kHz audio."))
    assert not {"dB", "kHz", "GB"} & found


def test_a_lower_case_technique_described_as_one(extract):
    found = extract("We propose gradient sketch replay, a simple technique that stores "
                    "compressed gradients. In this work, a new method is not a name.")
    methods = {m.name for m in found.mentions if m.type == "Method"}
    assert "gradient sketch replay" in methods
    assert not any(name.lower().startswith("in this") for name in methods)


def test_a_name_called_after_a_word_for_data_is_a_dataset(extract):
    found = typed(extract("We present RankE. It is trained on a mined web question-pair "
                          "corpus (called WebQP), and a retrieval model, named RankE-L, is "
                          "distilled from it."))
    assert ("WebQP", "Dataset") in found and ("RankE-L", "Model") in found


def test_the_name_of_our_model_agent_or_benchmark(extract):
    found = extract("We study dexterous control. Our policy, κ1, is initialised from the "
                    "Gemma 2B model and adds a motor head. Our agent, TRACE (Track Racing "
                    "Agent with Curriculum Experience), drives faster than humans. Our "
                    "largest model, κ1-XL, is slower.")
    assert {("κ1", "Model"), ("TRACE", "Model")} <= typed(found)
    assert ("κ1", "basedOn", "Gemma 2B") in {(r.subject, r.predicate, r.object)
                                            for r in found.relations}


def test_a_single_word_name_introduced_with_a_description(extract):
    found = typed(extract("We introduce Velora, a full-duplex voice assistant model. We "
                          "propose Elastic Deep Learning for clusters."))
    assert ("Velora", "Model") in found
    assert not any(name == "Elastic" for name, _ in found)


def test_a_name_described_by_its_kind_and_a_cue_name_used_again(extract):
    found = extract("We introduce Quokka, a streaming speech model. Starting from Basalt, a "
                    "text language model backbone, Quokka predicts the audio tokens of Lumo, a "
                    "neural audio codec.")
    assert {("Basalt", "Model"), ("Lumo", "Model")} <= typed(found)
    assert ("Quokka", "basedOn", "Basalt") in {(r.subject, r.predicate, r.object)
                                              for r in found.relations}


def test_a_cue_name_inside_a_longer_name_is_not_used_again(extract):
    found = extract("Our work introduces Nimbus, a multilingual generative language model. "
                    "Nimbus is trained on the Nimbus Dataset.",
                    title="Nimbus Model: An Open Multilingual Model")
    assert ("Nimbus", "Dataset") not in typed(found)
    assert not [r for r in found.relations if r.subject.startswith("Nimbus")
                and r.object.startswith("Nimbus")]


def test_units_after_numbers_and_licences_are_not_names(extract):
    found = typed(extract("OrbNet-2 predicts atomisation energies within 9.5 meV and a "
                          "sampling rate of 16 kHz. The weights are released under the "
                          "MIT License, the code under the Apache 2.0 licence."))
    assert ("OrbNet-2", "Model") in found
    assert not {name for name, _ in found} & {"meV", "kHz", "MIT", "Apache"}


def test_a_size_with_a_variant_glued_to_it(extract):
    found = typed(extract("We release Kestrel 13B. Kestrel 13B-Chat reaches 61.0 on MT-Bench."))
    assert ("Kestrel 13B-Chat", "Model") in found


def test_a_version_with_a_dashed_size_and_variant(extract):
    found = typed(extract("Falcon 3-10B-Base scores 64.1 on MMLU, ahead of Mistral 2-12B."))
    assert {("Falcon 3-10B-Base", "Model"), ("Mistral 2-12B", "Model")} <= found


def test_a_description_in_the_abstract_types_the_title_name(extract):
    found = typed(extract("This paper introduces RoadNet, a hierarchical graph neural network "
                          "for traffic scenes.",
                          title="RoadNet: Encoding Maps and Agents from Vectors"))
    assert ("RoadNet", "Model") in found


def test_this_paper_introduces_and_by_introducing_name_the_authors_system(extract):
    found = typed(extract("This paper introduces Larkspur, a family of speech recognition "
                          "models for live captions. We close the gap by introducing Tessel, "
                          "an affordable household robot model."))
    assert {("Larkspur", "Model"), ("Tessel", "Model")} <= found


def test_our_model_types_the_title_name(extract):
    found = typed(extract("We cast joint motion forecasting as language modeling. Our model, "
                          "DriveLM, needs no anchors.",
                          title="DriveLM: Multi-Agent Motion Forecasting as Language Modeling"))
    assert ("DriveLM", "Model") in found


def test_a_list_a_comparison_calls_baselines_names_models(extract):
    found = typed(extract("We present StoryLM, a controllable language model. StoryLM clearly "
                          "outperforms earlier methods such as PLUG and FUDGE on six "
                          "control tasks."))
    assert {("PLUG", "Model"), ("FUDGE", "Model")} <= found
    found = typed(extract("We present StoryLM, a controllable language model. It handles "
                          "formats such as JSONL and YAML."))
    assert not {n for n, _ in found if n in ("JSONL", "YAML")}


def test_a_measure_with_its_value_and_a_programming_language_are_not_models(extract):
    found = extract("We present FlowSampler, a one-step sampler. FlowSampler sets new records "
                    "on CIFAR-10 (FID 2.05) and on FFHQ (FID 2.61). Its code base covers "
                    "Python, TypeScript and JavaScript.")
    models = {m.name for m in found.mentions if m.type == "Model"}
    assert models == {"FlowSampler"}
    assert ("FlowSampler", "CIFAR-10", "FID", 2.05) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_we_call_the_kind_then_one_word_is_the_name(extract):
    found = extract("We call the resulting policy Strider; its backbone is a ResNet-18. On "
                    "the Walker2D environment, Strider reaches a success rate of 97.1%.")
    assert ("Strider", "Model") in typed(found)
    assert ("Strider", "Walker2D", "success rate", 97.1) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_a_group_described_is_typed_by_what_it_holds(extract):
    found = typed(extract("We introduce MathQA-Pro, a suite of open models for competition "
                          "maths. We also release ProofBench, a collection of theorem proving "
                          "datasets."))
    assert {("MathQA-Pro", "Model"), ("ProofBench", "Dataset")} <= found


def test_a_hyphenated_description_is_not_cut_at_its_inner_words(extract):
    found = typed(extract("We introduce CODEXA, a sequence-to-sequence model for programs.",
                          title="Grabble: A Multi-Turn Text-to-SQL Benchmark"))
    assert ("CODEXA", "Model") in found and ("Grabble", "Dataset") in found


def test_a_letter_hyphen_word_is_a_name_but_common_compounds_are_not(extract):
    found = extract("We present W-Net for segmenting X-Rays; unlike N-Gram models, W-Net "
                    "reaches a Dice of 0.91 on the LiTS challenge dataset.")
    assert ("W-Net", "LiTS", "Dice", 0.91) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}
    assert not {"X-Rays", "N-Gram"} & {m.name for m in found.mentions}


def test_a_capitalised_word_written_twice_before_a_known_model_makes_a_name(extract):
    found = extract("We describe the detector Sparse YOLO, which prunes YOLO. On COCO, "
                    "Sparse YOLO reaches an AP of 41.2. The Document AI community and our "
                    "Document AI tools are not models.")
    assert ("Sparse YOLO", "COCO", "AP", 41.2) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}
    assert "Document AI" not in {m.name for m in found.mentions}


def test_a_list_after_baselines_and_a_comma_names_models(extract):
    found = extract("We present TreeGen. TreeGen clearly beats all baselines, among them "
                    "Watts-Strogatz and Chung-Lu, on every dataset.")
    assert {"Watts-Strogatz", "Chung-Lu"} <= {m.name for m in found.mentions
                                              if m.type == "Model"}


def test_every_word_of_the_name_our_model_is_given_before_a_verb(extract):
    found = typed(extract("Our model, Mamba Track, keeps the ByteTrack association and only "
                          "swaps its motion model. Mamba Track reaches 64.1 HOTA on DanceTrack."))
    assert ("Mamba Track", "Model") in found
    assert "Mamba" not in {name for name, _ in found}


def test_all_the_capitalised_words_we_call_a_representation(extract):
    found = typed(extract("A stack of sparse encoders summarises each customer's history; we "
                          "call the resulting representation Client Vector. Client Vector "
                          "beats RFM features on churn prediction."))
    assert ("Client Vector", "Model") in found


def test_a_percentage_or_a_gpu_is_no_version_and_a_plural_no_name(extract):
    found = names(extract("TextDist reaches low errors (test error: AGNEWS 4.6%, YELPX 2.8%). "
                          "Our detector runs at 56 FPS V100 and sets new SoTAs on nuScenes, "
                          "ahead of NeWCRFs and ViTs."))
    assert not {n for n in found if n.startswith(("AGNEWS ", "YELPX ", "FPS "))}
    assert "SoTAs" not in found and "ViTs" not in found and "NeWCRFs" in found


def test_mappings_uses_of_a_model_and_nan_are_no_names(extract):
    found = names(extract("The radar-to-BEV projection and SQL-to-text models of RadarNet use "
                          "LLM-as-a-critic scoring and avoid NaN losses on the Key-to-Door and "
                          "Lava-Crossing tasks."))
    assert not {"radar-to-BEV", "SQL-to-text", "LLM-as-a-critic", "NaN"} & found
    assert "RadarNet" in found


def test_an_acronym_described_by_its_kind_is_a_model(extract):
    found = extract("We tackle code search with QUILL, a retriever trained on commit "
                    "messages, and rerank with x-RANK, an encoder distilled from CodeT5. "
                    "Results on GPUs, a costly resource, are reported.")
    assert {("QUILL", "Model"), ("x-RANK", "Model")} <= typed(found)
    assert "GPUs" not in names(found)


def test_three_acronyms_after_a_comparison_are_rivals(extract):
    found = typed(extract("We study link prediction and test our approach against SVD, "
                          "CML, SLIM and WRMF on sparse graphs."))
    assert {("SVD", "Model"), ("CML", "Model"), ("SLIM", "Model"), ("WRMF", "Model")} <= found
    two = names(extract("We test our approach against SVD and CML."))
    assert not {"SVD", "CML"} & two  # two words after "against" are not yet a list of rivals


def test_a_system_for_a_task_is_a_model_and_infrastructure_is_software(extract):
    found = typed(extract("We present TabSniff, an end-to-end system for reading invoices, and "
                          "serve it with FlowServe, a distributed inference system for GPUs."))
    assert ("TabSniff", "Model") in found and ("FlowServe", "Software") in found


def test_as_many_names_as_a_count_of_systems_take_its_kind(extract):
    found = typed(extract("We re-run the four compared approaches - Zorro, Kestrel-2, Umbra "
                          "and PixGen - and three algorithms: Ralph, Tumble and Swoop."))
    assert {("Zorro", "Model"), ("Kestrel-2", "Model"), ("Umbra", "Model"),
            ("PixGen", "Model"), ("Ralph", "Method"), ("Tumble", "Method"),
            ("Swoop", "Method")} <= found
    fewer = names(extract("We re-run the five compared approaches - Zorro and Umbra - first."))
    assert not {"Zorro", "Umbra"} & fewer


def test_a_title_that_opens_on_a_verb_names_nothing(extract):
    found = typed(extract("We describe how the corpus was grown and which tasks it serves.",
                          title="Widening Aerial Tracking: Collection and Challenges"))
    assert not any(name.startswith("Widening") for name, _ in found)
    found = typed(extract("We describe how the suite was built.",
                          title="Reweighting Noisy Labels: A Benchmark Suite"))
    assert not any(name.startswith("Reweighting") for name, _ in found)


def test_a_word_and_net_is_a_model_and_a_dataset_glued_to_net_is_no_dataset(extract):
    found = typed(extract("We propose HoVer-Net for nuclei. It is better than Micro-Net and "
                          "Dense-Net on CoNSeP."))
    assert {("HoVer-Net", "Model"), ("Micro-Net", "Model"), ("Dense-Net", "Model")} <= found


def test_a_name_said_to_be_a_board_or_a_device_is_hardware(extract):
    found = extract("We present TinyDet. On a KR260 embedded FPGA platform and on the "
                    "KV260 board, TinyDet reaches 88.2% accuracy on VOC.")
    assert {("KR260", "Hardware"), ("KV260", "Hardware")} <= typed(found)
    assert not any(name == "FPGA" for name, _ in typed(found))
    assert {r.model for r in found.results} == {"TinyDet"}


def test_a_shared_task_named_by_its_number_is_data(extract):
    found = extract("We describe the shared task on hate speech. The best system, Falcon, "
                    "reaches 0.71 F1.", title="SemEval-2019 Task 5: HatEval: Detecting Hate "
                    "Speech against Immigrants and Women")
    assert ("SemEval-2019 Task 5", "Dataset") in typed(found)
    assert ("SemEval-2019 Task 5", "Model") not in typed(found)


def test_the_winning_system_named_in_an_apposition(extract):
    found = extract("The shared task drew 21 teams. The winning subtask B system, Kestrel, "
                    "stacks two encoders and reaches an accuracy of 0.812 on the HateCheck "
                    "test set; in the open variant of subtask C, Wren obtains 0.64.")
    assert ("Kestrel", "Model") in typed(found)
    assert ("Kestrel", "HateCheck", "accuracy", 0.812) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}
    assert not any(r.predicate == "basedOn" for r in found.relations)


def test_a_lower_case_x_to_y_name_is_a_method(extract):
    found = extract("We present graph2tree, which learns tree-structured embeddings. On the "
                    "MovieLens 1M dataset, graph2tree reaches a precision at 10 (P@10) of "
                    "0.1842.")
    assert ("graph2tree", "Method") in typed(found)
    assert {(r.model, r.dataset, r.metric, r.value) for r in found.results} == {
        ("graph2tree", "MovieLens 1M", "P@10", 0.1842)}


def test_software_said_so_before_after_or_with_is(extract):
    found = typed(extract(
        "We present q4rlkit, an open-source Python library for offline control. OrbitSim-kit "
        "is a Python/C++ package for orbital simulation, and it beats the earlier toolkits "
        "Stanza and TurboPipe on speed."))
    assert {("q4rlkit", "Software"), ("OrbitSim-kit", "Software"),
            ("TurboPipe", "Software")} <= found


def test_a_dataset_named_after_a_size_before_the_dataset_word(extract):
    found = extract("We train WildNet on the 4.1-million-image Kruger Camera Traps dataset and "
                    "evaluate it on the popular Python CoNaLa dataset.")
    assert ("Kruger Camera Traps", "Dataset") in typed(found)
    assert ("Python CoNaLa", "Dataset") not in typed(found)


def test_names_a_comparison_lists_after_their_kind(extract):
    found = extract("We propose FlowSeq, a denoiser for spatial transcriptomics. FlowSeq "
                    "outperforms the smoothing methods SPOT, KNIT and stLearnX, and it beats "
                    "the strong baseline models ORCA and GeneFormer-S.")
    assert {("SPOT", "Method"), ("KNIT", "Method"), ("stLearnX", "Method"),
            ("ORCA", "Model")} <= {(m.name, m.type) for m in found.mentions}
    assert {("FlowSeq", "comparedWith", name) for name in ("SPOT", "KNIT", "ORCA")} <= {
        (r.subject, r.predicate, r.object) for r in found.relations}


def test_a_score_with_three_decimals_is_no_version(extract):
    found = extract("On KorSTS, the large model reaches 0.852 and the Base 0.836, while "
                    "Kanana 2.1 and Solar 10.7B are behind.")
    names = {m.name for m in found.mentions}
    assert "Base 0.836" not in names and "Kanana 2.1" in names


def test_a_sentence_opening_with_a_name_says_what_it_is(extract):
    found = typed(extract("Quillo (pronounced \"kwee-yo\") is an open-source Rust library for "
                          "streaming graph analytics. Ferrow is a benchmark of 40 tabular "
                          "tasks. This is a tool that we release, and It is the best model."))
    assert {("Quillo", "Software"), ("Ferrow", "Dataset")} <= found
    assert not {name for name, _ in found} & {"This", "It"}
