"""Relations across a sentence's clauses: the subject of a second verb ("X does A and is
compared with B"), and where a list of objects ends (at the next verb)."""

from tests.extract.conftest import typed
from tests.extract.test_lineage import rels


def test_a_second_verb_has_the_subject_of_the_first(extract):
    found = rels(extract("Our sampler, PolarAL (Polar Active Learning), retrains RoBERTa-large "
                         "after each batch and is compared with BALD and BADGE on "
                         "AG News and Yelp."))
    assert {("PolarAL", "comparedWith", "BALD"), ("PolarAL", "comparedWith", "BADGE"),
            ("PolarAL", "evaluatedOn", "AG News"), ("PolarAL", "evaluatedOn", "Yelp")} <= found
    assert not any(s == "RoBERTa-large" for s, _, _ in found)


def test_a_second_verb_after_a_cue_with_more_words_between(extract):
    found = rels(extract("We introduce WrenNet, which builds on ResNet-101 with dilated "
                         "convolutions and clearly outperforms DeepLabv3."))
    assert ("WrenNet", "basedOn", "ResNet-101") in found
    assert ("WrenNet", "comparedWith", "DeepLabv3") in found
    assert ("ResNet-101", "comparedWith", "DeepLabv3") not in found


def test_a_relative_clause_keeps_its_own_subject(extract):
    found = rels(extract("We compare against PSPNet, which uses ResNet-101 and outperforms "
                         "FCN-8s."))
    assert ("WrenNet", "comparedWith", "FCN-8s") not in found
    assert ("ResNet-101", "comparedWith", "FCN-8s") not in found


def test_a_list_of_parts_ends_at_the_next_verb(extract):
    found = rels(extract("We propose WrenDet, a detector. WrenDet adopts ConvNeXt-T as its "
                         "backbone and outperforms YOLOv8 on COCO."))
    assert ("WrenDet", "usesComponent", "ConvNeXt-T") in found
    assert ("WrenDet", "comparedWith", "YOLOv8") in found
    assert ("WrenDet", "usesComponent", "YOLOv8") not in found


def test_a_second_name_given_after_the_first_is_the_same_system(extract):
    found = extract("We build a family of encoders called Self Taught Volume Encoders, "
                    "nicknamed Volume Genesis: trained with no labels. On kidney segmentation "
                    "in KiTS19, for example, they reach a Dice of 91.2%.")
    names = {m.name: m.aliases for m in found.mentions if m.type == "Model"}
    assert names.get("Volume Genesis") == ("Self Taught Volume Encoders",)
    assert {(r.model, r.dataset, r.metric, r.value) for r in found.results} == {
        ("Volume Genesis", "KiTS19", "Dice", 91.2)}


def test_data_that_names_pretrained_models_is_not_an_evaluation(extract):
    found = rels(extract("We present DepthNet-3D. It beats every 2D approach, fine-tuned "
                         "ImageNet models included, on KiTS19."))
    assert ("DepthNet-3D", "evaluatedOn", "KiTS19") in found
    assert not any(o == "ImageNet" for _, _, o in found)


def test_which_we_call_names_the_system_and_vectors_evaluated_on_are_data(extract):
    found = extract(
        "We present a new approach to approximate nearest neighbour search based on graphs "
        "with a learned ordering, which we call Ordered HNSW (OHNSW). In evaluations on SIFT "
        "and GloVe vectors the index is far ahead of earlier libraries, among them FLANN and "
        "Annoy.")
    assert {("SIFT", "Dataset"), ("GloVe", "Dataset")} <= typed(found)
    assert {("Ordered HNSW", "evaluatedOn", "SIFT"), ("Ordered HNSW", "evaluatedOn", "GloVe"),
            ("Ordered HNSW", "comparedWith", "FLANN"),
            ("Ordered HNSW", "comparedWith", "Annoy")} <= rels(found)


def test_a_long_form_takes_the_kind_the_lexicon_gives_its_short_form(extract):
    found = extract("We index the corpus with Hierarchical NSW (HNSW) and rank with BM25.")
    names = {m.name: (m.type, m.aliases) for m in found.mentions}
    assert names["Hierarchical NSW"] == ("Method", ("HNSW",))


def test_a_technique_proposed_in_lower_case_is_the_papers_own(extract):
    found = extract(
        "Batch methods must model how evaluations interact. We propose greedy repulsion, a "
        "cheap heuristic that spaces the points of a batch apart. In running time the "
        "resulting algorithm compares well with far more elaborate alternatives such as the "
        "Kriging Believer and Constant Liar heuristics.")
    assert ("greedy repulsion", "Method") in typed(found)
    assert {("greedy repulsion", "comparedWith", "Kriging Believer"),
            ("greedy repulsion", "comparedWith", "Constant Liar")} <= rels(found)


def test_a_system_and_its_version_named_right_after(extract):
    found = rels(extract("We benchmark QuillNet (QN) and its sequential version SeqQuill, and "
                         "ByteT5 and its multilingual variant mByteT5, on three tasks."))
    assert {("SeqQuill", "basedOn", "QuillNet"), ("mByteT5", "basedOn", "ByteT5")} <= {
        (s, p, "QuillNet" if o == "QN" else o) for s, p, o in found}


def test_a_new_state_of_the_art_above_a_system_compares_with_it(extract):
    found = rels(extract("We introduce KiteNLU. On the SLURP dataset, KiteNLU sets a new state of "
                         "the art, above RoBERTa-large, with an intent accuracy of 88.9%."))
    assert ("KiteNLU", "comparedWith", "RoBERTa-large") in found


def test_a_system_tested_on_data_against_others_is_the_one_compared(extract):
    found = rels(extract("We present SpindleNet. SpindleNet is tested on two paradigms, P300 "
                         "potentials and motor imagery (from BCI Competition IV 2a), against "
                         "ShallowConvNet."))
    assert ("SpindleNet", "comparedWith", "ShallowConvNet") in found
    assert not any(p == "comparedWith" and s != "SpindleNet" for s, p, _ in found)


def test_we_set_it_against_names_what_is_compared(extract):
    found = rels(extract("We introduce KernMix-2 for distributed regression. It keeps the Tresp "
                         "Machine (TM) as its core, and we set it against the TM and the product "
                         "of experts (PoE). We also pit HeavyNet-3 against CalmNet-1."))
    assert {("KernMix-2", "comparedWith", "TM"), ("KernMix-2", "comparedWith", "PoE"),
            ("HeavyNet-3", "comparedWith", "CalmNet-1")} <= found
    assert ("TM", "comparedWith", "PoE") not in found


def test_adopting_a_named_architecture_or_framework_is_a_base(extract):
    found = rels(extract("We propose ChemTok-2, which adapts the BART framework to molecules. "
                         "MolGen-7 adopts the T5 architecture."))
    assert {("ChemTok-2", "basedOn", "BART"), ("MolGen-7", "basedOn", "T5")} <= found


def test_known_methods_given_as_examples_are_compared_in_lower_case(extract):
    found = rels(extract("We propose RankGen-2. RankGen-2 beats decoding algorithms such as "
                         "nucleus sampling and top-k sampling. We compare it with 15 detectors, "
                         "for example Isolation Forest and LOF-X."))
    assert {("RankGen-2", "comparedWith", "nucleus sampling"),
            ("RankGen-2", "comparedWith", "top-k sampling"),
            ("RankGen-2", "comparedWith", "Isolation Forest")} <= found
    assert not rels(extract("RankGen-2 beats nucleus sampling on WritingPrompts."))


def test_a_name_described_as_another_model_trained_or_varied_is_based_on_it(extract):
    found = rels(extract("Shape-ResNet, a ResNet-50 trained on Stylized-ImageNet, serves as "
                         "the backbone. We compare with LexBERT-2, a BERT model fine-tuned on "
                         "legal text, and with PolyX, a Longformer variant for long inputs."))
    assert {("Shape-ResNet", "basedOn", "ResNet-50"), ("LexBERT-2", "basedOn", "BERT"),
            ("PolyX", "basedOn", "Longformer")} <= found
    found = rels(extract("Compared to RoBERTa-Large, a DeBERTa model trained on half the data "
                         "performs better."))
    assert ("RoBERTa-Large", "basedOn", "DeBERTa") not in found


def test_what_a_systems_core_follows_is_its_part(extract):
    found = rels(extract("ProfileKit is a Python library for motif search. Its core follows the "
                         "SCRIMP algorithm, compiled with Numba."))
    assert ("ProfileKit", "usesComponent", "SCRIMP") in found


def test_a_fronted_dataset_followed_by_a_pronoun_is_the_own_systems(extract):
    found = extract("We introduce TrackLite, a tracker. On UAV-Night it tracks well, and it "
                    "outperforms earlier trackers such as optical flow and NightSORT.")
    rels = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert ("TrackLite", "evaluatedOn", "UAV-Night") in rels
    assert ("NightSORT", "evaluatedOn", "UAV-Night") not in rels


def test_data_we_train_on_far_from_the_verb_is_no_evaluation(extract):
    found = extract("We train RoBERTa models for Catalan, which we call CaRoB, in two sizes, "
                    "CaRoB Base and CaRoB Large, on CatWeb-7, a corpus of 1.7 billion words. "
                    "On CatNLI-2, CaRoB Large reaches an accuracy of 84.1.")
    rels = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert ("CaRoB Large", "evaluatedOn", "CatNLI-2") in rels
    assert not {rel for rel in rels if rel[2] == "CatWeb-7"}
