"""Widely known names with no distinctive shape (lower-case techniques and tasks, plain-word
model names) are found through the lexicons, with their type, in new sentences; names that
are ordinary English words only match in their own casing."""

import pytest

from kg.extract.lexicon import FILES, load_lexicon
from tests.extract.conftest import names, typed

CASES = [
    ("We pre-train with span corruption and whole word masking, then fine-tune with "
     "virtual adversarial training for named entity recognition.",
     {("span corruption", "Method"), ("whole word masking", "Method"),
      ("virtual adversarial training", "Method"), ("named entity recognition", "Task")}),
    ("Our agent combines maximum entropy reinforcement learning with prioritized experience "
     "replay and is compared with Rainbow DQN and Dreamer on continuous control.",
     {("maximum entropy reinforcement learning", "Method"),
      ("prioritized experience replay", "Method"), ("Rainbow DQN", "Model"),
      ("Dreamer", "Model"), ("continuous control", "Task")}),
    ("For monocular depth estimation we distil MiDaS and ZoeDepth into a student trained "
     "with deformable attention, and also test optical flow estimation against RAFT.",
     {("MiDaS", "Model"), ("ZoeDepth", "Model"), ("deformable attention", "Method"),
      ("optical flow estimation", "Task"), ("RAFT", "Model")}),
    ("Node embeddings from node2vec and DeepWalk are fed to a classifier for link "
     "prediction and speaker identification baselines use ECAPA-TDNN.",
     {("node2vec", "Method"), ("DeepWalk", "Model"), ("link prediction", "Task"),
      ("speaker identification", "Task"), ("ECAPA-TDNN", "Model")}),
    ("Samples are drawn with Langevin dynamics and classifier guidance; the sampler is "
     "compared with Guanaco, Koala and Megatron-Turing NLG on question generation.",
     {("Langevin dynamics", "Method"), ("classifier guidance", "Method"),
      ("Guanaco", "Model"), ("Koala", "Model"), ("Megatron-Turing NLG", "Model"),
      ("question generation", "Task")}),
    ("We report minADE and end-point error on Virtual KITTI 2, timing each step on a "
     "Jetson TX1 and over InfiniBand, with COLMAP poses.",
     {("minADE", "Metric"), ("end-point error", "Metric"), ("Virtual KITTI 2", "Dataset"),
      ("Jetson TX1", "Hardware"), ("InfiniBand", "Hardware"), ("COLMAP", "Software")}),
    ("Outliers are scored with the local outlier factor and a one-class SVM, hyperparameters "
     "set by random search, and the topics by latent semantic analysis and Isomap; texts "
     "decoded with typical sampling or contrastive search feed factorization machines.",
     {("local outlier factor", "Method"), ("one-class SVM", "Method"),
      ("random search", "Method"), ("latent semantic analysis", "Method"),
      ("Isomap", "Method"), ("typical sampling", "Method"), ("contrastive search", "Method"),
      ("factorization machines", "Method")}),
    ("Clips are described by MFCCs and the zero-crossing rate, faces by local binary patterns; "
     "a Gaussian naive Bayes model and kernel ridge regression are tuned with the "
     "Tree-structured Parzen Estimator, and explained with Guided Backpropagation.",
     {("MFCCs", "Method"), ("zero-crossing rate", "Method"), ("local binary patterns", "Method"),
      ("Gaussian naive Bayes", "Method"), ("kernel ridge regression", "Method"),
      ("Tree-structured Parzen Estimator", "Method"), ("Guided Backpropagation", "Method")}),
    ("Searches run on NAS-Bench-201 and tabular models on the UCI Machine Learning Repository, "
     "link prediction on ICEWS14 and YAGO15k, similarity on WordSim-353 and SimLex-999, and "
     "solubility on ESOL.",
     {("NAS-Bench-201", "Dataset"), ("UCI Machine Learning Repository", "Dataset"),
      ("ICEWS14", "Dataset"), ("YAGO15k", "Dataset"), ("WordSim-353", "Dataset"),
      ("SimLex-999", "Dataset"), ("ESOL", "Dataset")}),
    ("The parser reaches a labeled attachment score of 91.2 and an unlabeled attachment score "
     "of 93.0; the detector an area under the ROC curve of 0.97 and a pointing game of 0.81.",
     {("labeled attachment score", "Metric"), ("unlabeled attachment score", "Metric"),
      ("area under the ROC curve", "Metric"), ("pointing game", "Metric")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_new_public_names_found_with_type(extract, text, expected):
    found = typed(extract(text))
    assert expected <= found, expected - found


def test_plain_word_names_need_their_own_case(extract):
    prose = ("A koala and a guanaco graze while the dreamer watches a raft drift past "
             "the kinetics lab.")
    assert not {"koala", "guanaco", "dreamer", "raft", "kinetics"} & {
        n.lower() for n in names(extract(prose))}
    assert ("Kinetics", "Dataset") in typed(extract(
        "Action recognition accuracy on Kinetics improves by 2.1 points."))


def test_lower_case_forms_inside_longer_capitalised_names(extract):
    # "Spatial Pyramid Pooling" inside a paper's own module name is not the generic method.
    found = names(extract("The decoder, Dual Gated Spatial Pyramid Pooling (DG-SPP), "
                          "replaces the head."))
    assert "Spatial Pyramid Pooling" not in found


def test_no_form_is_listed_twice_across_lexicons():
    """A surface form names one entry (dual roles are one entry with ``# also:``)."""
    owners: dict[str, set[str]] = {}
    for name in sorted(FILES):
        for entry in load_lexicon(name):
            for form, sensitive in entry.forms:
                spelled = form if sensitive else form.lower()
                owners.setdefault(spelled, set()).add(f"{name}:{entry.canonical}")
    shared = {form: o for form, o in owners.items() if len(o) > 1}
    # documented in lexicons/README.md: B100 (BSD100 / NVIDIA B100), VCR (dataset / task)
    assert shared.keys() <= {"b100", "visual commonsense reasoning"}, shared


def test_automl_toolkits_and_model_hubs_are_software(extract):
    found = extract("We compare against AutoGluon and auto-sklearn, and load checkpoints "
                    "from TorchHub and TensorFlow Hub.")
    assert {("AutoGluon", "Software"), ("auto-sklearn", "Software"), ("TorchHub", "Software"),
            ("TensorFlow Hub", "Software")} <= typed(found)
