"""Numbers a sentence gives to baselines: "the state of the art, X with 82.3% on A"."""

from tests.extract.conftest import typed


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



def test_the_system_a_sentence_compares_others_with_reports_the_next_numbers(extract):
    found = results(extract(
        "We present a captioner built on memory slots. We compare the MeshCap model with "
        "recurrent captioners, such as Up-Down and AoANet. On COCO it sets a new state of the "
        "art, reaching 132.0 CIDEr, where AoANet reaches 129.8 CIDEr."))
    assert ("MeshCap", "COCO", "CIDEr", 132.0) in found
    assert ("AoANet", "COCO", "CIDEr", 129.8) in found


def test_a_sentence_about_the_system_keeps_it_the_one_talked_about(extract):
    found = extract(
        "We present FlintSeg, a fast residual network. Its block, which we call split-1D, is "
        "inspired by ENet. On the Cityscapes test set it reaches a class IoU of 71.2%, well "
        "above other real-time networks such as ENet (58.3%) and SegNet (57.0%).")
    assert ("ENet", "comparedWith", "SegNet") not in {
        (r.subject, r.predicate, r.object) for r in found.relations}
    assert ("FlintSeg", "Cityscapes", "class IoU", 71.2) in results(found)


def test_our_method_named_is_the_papers_own_system(extract):
    found = extract(
        "We introduce a self-supervised approach for node representations. Both views are "
        "encoded with a graph convolutional network (GCN). Our method, TernGRL, sets a new "
        "state of the art on Cora and Citeseer. For example, it reaches an accuracy of 86.1% "
        "on Cora.")
    assert ("TernGRL", "Cora", "accuracy", 86.1) in results(found)
    assert not any(r.subject == "GCN" and r.predicate == "evaluatedOn" for r in found.relations)


def test_a_setting_is_no_result_and_a_number_after_a_name_no_version(extract):
    found = extract(
        "We present RidgeDN. For noise level 50 on BSD68, RidgeDN reaches an average PSNR of "
        "26.31 dB and RidgeDN-B 26.29 dB, compared with 25.62 dB for BM3D and 25.87 dB for "
        "WNNM.")
    assert results(found) == {("RidgeDN", "BSD68", "PSNR", 26.31),
                              ("RidgeDN-B", "BSD68", "PSNR", 26.29),
                              ("BM3D", "BSD68", "PSNR", 25.62),
                              ("WNNM", "BSD68", "PSNR", 25.87)}


def test_a_baseline_on_its_own_dataset_and_numbers_of_one_measure_respectively(extract):
    found = results(extract(
        "We present KestrelVAD, initialised with agglomerative hierarchical clustering (AHC). "
        "It reaches a diarization error rate (DER) of 4.1% on CALLHOME and 19.0% on DIHARD "
        "III, against 8.2% for AHC alone on CALLHOME."))
    assert ("AHC", "CALLHOME", "DER", 8.2) in found
    found = results(extract(
        "We present FalconBNN. On one FPGA we reach 0.52 ms latency on MNIST at an accuracy "
        "of 97.1%, and 14,880 classifications per second with 310 ms latency on CIFAR-10 and "
        "SVHN, at accuracies of 81.3% and 95.2% respectively."))
    assert {("FalconBNN", "CIFAR-10", "accuracies", 81.3),
            ("FalconBNN", "SVHN", "accuracies", 95.2)} <= found
    assert not any(r[3] in (14.0, 880.0) for r in found)


def test_a_number_set_against_a_baselines_number_is_not_the_baselines(extract):
    found = extract(
        "The indicators rival the supervised state of the art, the model QuEstLite trained "
        "with OpenKiwi. We release data for four language pairs, En-Ja, Ps-En, Km-En and "
        "En-Ru. On Km-En the entropy-based indicator reaches a Pearson correlation of 0.58, "
        "against 0.52 for QuEstLite.")
    assert {("En-Ja", "Dataset"), ("Ps-En", "Dataset"), ("Km-En", "Dataset")} <= typed(found)
    assert results(found) == {("QuEstLite", "Km-En", "Pearson correlation", 0.52)}


def test_a_qualified_f1_and_plural_accuracies_are_measures(extract):
    found = results(extract(
        "We introduce TurnNet. On the SLURP dataset, TurnNet reaches an intent accuracy of "
        "88.4% and a slot F1 of 79.2%, and on ATIS it comes close to Joint BERT, which "
        "obtains intent accuracies of 97.5% and 97.9%."))
    assert {("TurnNet", "SLURP", "intent accuracy", 88.4),
            ("TurnNet", "SLURP", "slot F1", 79.2)} <= found
    found = results(extract("Even the best models achieve accuracies of 56% on MMMU."))
    assert not any(r[2].startswith("achieve") for r in found)


def test_numbers_each_given_for_a_name_take_the_measure_before_them(extract):
    found = results(extract(
        "We present FooNet. On MUTAG the mean accuracy is 76.6% for DGCNN, 75.0% for DiffPool, "
        "72.6% for ECC and 75.3% for GIN."))
    assert {("ECC", "MUTAG", "mean accuracy", 72.6),
            ("GIN", "MUTAG", "mean accuracy", 75.3)} <= found


def test_on_the_evaluation_set_is_the_data_named_before(extract):
    found = results(extract(
        "We adapt WaveNetX to anti-spoofing. All experiments use the logical access partition "
        "of ASVspoof 2019. WaveNetX obtains an equal error rate (EER) of 3.21% on the "
        "evaluation set."))
    assert ("WaveNetX", "ASVspoof 2019", "EER", 3.21) in found


def test_numbers_in_a_list_of_thresholds_or_lead_times_are_settings(extract):
    found = extract(
        "For the critical success index (CSI) at thresholds of 0.5, 2 and 8 mm/h, HailNet "
        "outperforms persistence at all lead times up to 90 minutes, and it reaches a CSI of "
        "0.61 on RadarEU.")
    assert results(found) == {("HailNet", "RadarEU", "CSI", 0.61)}


def test_a_baselines_number_given_with_it_far_from_the_measure(extract):
    found = extract(
        "On the KLEJ benchmark, PolTok large obtains an average score of 88.4 and PolTok base "
        "86.3, ahead of XLM-RoBERTa large with 87.5.")
    assert ("XLM-RoBERTa large", "KLEJ", "average score", 87.5) in results(found)


def test_a_speed_given_with_a_score_does_not_hide_the_dataset_after_it(extract):
    found = extract(
        "On one GPU, RoadSeg-S yields 77.4% mIoU at 102 FPS on the Cityscapes test set and 74.7% "
        "mIoU at 230 FPS on the CamVid test set.")
    assert {("RoadSeg-S", "Cityscapes", "mIoU", 77.4),
            ("RoadSeg-S", "CamVid", "mIoU", 74.7)} <= results(found)


def test_a_number_a_named_baseline_reaches_where_ours_reaches_another(extract):
    found = extract(
        "PointMix-2 matches the state of the art: it reaches an overall accuracy of 92.2% on "
        "ModelNet40, where PointNet++ reaches 90.7%. On ScanObjectNN it reaches an overall "
        "accuracy of 80.2%, while DGCNN stops at 78.1%.")
    assert {("PointNet++", "ModelNet40", "overall accuracy", 90.7),
            ("DGCNN", "ScanObjectNN", "overall accuracy", 78.1)} <= results(found)
    assert ("PointMix-2", "ModelNet40", "overall accuracy", 90.7) not in results(found)


def test_a_baselines_numbers_answer_ours_in_turn(extract):
    found = extract(
        "On the Financial PhraseBank, FinTok-2 reaches an accuracy of 0.86 and an F1 score of "
        "0.84, where ULMFiT obtains 0.83 and 0.79.")
    assert {("ULMFiT", "Financial PhraseBank", "accuracy", 0.83),
            ("ULMFiT", "Financial PhraseBank", "F1 score", 0.79)} <= results(found)
    found = extract(
        "On the Financial PhraseBank, FinTok-2 reaches an accuracy of 0.86 and an F1 score of "
        "0.84, where ULMFiT, the strongest earlier model, obtains 0.83 and 0.79.")
    assert {("ULMFiT", "Financial PhraseBank", "accuracy", 0.83),
            ("ULMFiT", "Financial PhraseBank", "F1 score", 0.79)} <= results(found)


def test_a_second_model_with_its_verb_left_out_answers_ours_respectively(extract):
    found = extract("We release GaliBERT in two sizes, GaliBERT Base and GaliBERT Large. On "
                    "GalSTS 3, GaliBERT Large reaches a Spearman correlation of 0.811 for "
                    "similarity and an accuracy of 86.5 for inference, and GaliBERT Base 0.794 "
                    "and 84.0 respectively.")
    got = {(r.model, r.metric, r.value) for r in found.results}
    assert {("GaliBERT Large", "Spearman correlation", 0.811),
            ("GaliBERT Large", "accuracy", 86.5),
            ("GaliBERT Base", "Spearman correlation", 0.794),
            ("GaliBERT Base", "accuracy", 84.0)} <= got
    assert ("GaliBERT Base", "accuracy", 86.5) not in got  # "86.5 for inference, and X"
