from tests.extract.conftest import typed


def res(extraction):
    return {(r.model, r.dataset, r.metric, r.value) for r in extraction.results}


def test_metric_after_number(extract):
    found = extract("Our SegNeXt-L achieves 83.2% mIoU on Cityscapes at 30 FPS.")
    assert ("SegNeXt-L", "Cityscapes", "mIoU", 83.2) in res(found)
    assert ("SegNeXt-L", "Cityscapes", "FPS", 30.0) in res(found)


def test_metric_before_number_and_no_dataset(extract):
    found = extract("We present FastDet-S. FastDet-S reaches an mAP of 41.5 with 2.1M "
                    "parameters.")
    assert res(found) == {("FastDet-S", None, "mAP", 41.5)}


def test_relative_gains_are_not_results(extract):
    found = extract("MoCo-X improves top-1 accuracy by 2.3% and is 1.5x faster, a 4.1% "
                    "improvement in mAP.")
    assert not found.results


def test_respectively(extract):
    found = extract("ViT-S and ViT-B obtain 79.9 and 81.8 top-1 accuracy on ImageNet-1K, "
                    "respectively.")
    assert {("ViT-S", "ImageNet-1K", "top-1 accuracy", 79.9),
            ("ViT-B", "ImageNet-1K", "top-1 accuracy", 81.8)} <= res(found)


def test_slash_lists_pair_variants_with_values(extract):
    found = extract("Our EffDet-s/m/l run at 90.5/61.2/40.3 FPS on a V100.")
    assert {("EffDet-s", None, "FPS", 90.5), ("EffDet-m", None, "FPS", 61.2),
            ("EffDet-l", None, "FPS", 40.3)} <= res(found)


def test_pronoun_sentence_reuses_the_last_model(extract):
    found = extract("We present TinyViT-5M for phones. It reaches 79.1% top-1 accuracy.")
    assert ("TinyViT-5M", None, "top-1 accuracy", 79.1) in res(found)


def _tuples(found):
    return {(r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_number_goes_to_the_reporting_model_not_the_baseline(extract):
    found = _tuples(extract("KestrelLM clearly outperforms Falcon-40B and MPT-30B on reasoning, "
                            "reaching 63.5% accuracy on MMLU and 41.2% on GSM8K.",
                            title="KestrelLM: A Small Strong Model"))
    assert {("KestrelLM", "MMLU", "accuracy", 63.5), ("KestrelLM", "GSM8K", "accuracy",
                                                      41.2)} <= found
    assert not any(model in ("Falcon-40B", "MPT-30B") for model, *_ in found)


def test_dataset_written_before_the_metric(extract):
    found = _tuples(extract("HeronNet raises SNLI accuracy to 91.1% and QNLI accuracy to 92.4%."))
    assert {("HeronNet", "SNLI", "accuracy", 91.1), ("HeronNet", "QNLI", "accuracy", 92.4)} <= found


def test_baselines_previous_bests_and_costs_are_not_results(extract):
    found = _tuples(extract("PikeDet-S obtains 41.0% AP on COCO (up from 38.2%), 2.3% AP above "
                            "YOLOv6-N, with 2.1G FLOPs; the previous best 39.5 AP."))
    assert {v for *_, v in found} == {41.0}


def test_a_score_of(extract):
    found = _tuples(extract("Our chat model, OtterChat-7B, obtains a score of 7.12 on MT-Bench."))
    assert ("OtterChat-7B", "MT-Bench", "score", 7.12) in found


def test_a_number_found_by_two_rules_is_one_result(extract):
    found = extract("We present EffDet. EffDet-s/m/l can reach 90.5/61.2/40.3 FPS on a V100.")
    facts = [(r.model, r.dataset, r.metric, r.value) for r in found.results]
    assert ("EffDet-s", None, "FPS", 90.5) in facts
    assert len(facts) == len(set(facts))


def test_our_model_after_an_opening_phrase_reports_for_the_model_named_before(extract):
    found = extract("We present OrcaDet, a real-time detector. For instance, our model "
                    "surpasses YOLOv7 by 2.1 points on COCO, reaching 55.3 mAP.")
    assert _tuples(found) == {("OrcaDet", "COCO", "mAP", 55.3)}


def test_baselines_listed_with_an_article_are_still_baselines(extract):
    found = extract("Our Orca-13B surpasses GPT-3.5 Turbo, Claude-2 and the Vicuna 33B "
                    "model on chat benchmarks and reaches a score of 7.9 on MT-Bench.")
    assert {r.model for r in found.results} == {"Orca-13B"}


def test_numbers_listed_after_one_metric_share_it(extract):
    found = extract("Our biggest model, ConvFormer-XL, attains top-5 accuracies of 91.2% on "
                    "Places365, 90.4% on Stanford Cars and 86.0% on the fine-grained "
                    "iNaturalist 2018 benchmark.")
    assert res(found) == {("ConvFormer-XL", "Places365", "top-5 accuracy", 91.2),
                          ("ConvFormer-XL", "Stanford Cars", "top-5 accuracy", 90.4),
                          ("ConvFormer-XL", "iNaturalist 2018", "top-5 accuracy", 86.0)}


def test_values_in_brackets_after_each_dataset(extract):
    found = extract("NetA transfers well, reaching strong accuracy on Food-101 (93.1%), "
                    "Stanford Cars (94.0%) and several other datasets.")
    assert {("NetA", "Food-101", "accuracy", 93.1),
            ("NetA", "Stanford Cars", "accuracy", 94.0)} <= res(found)


def test_up_to_is_a_result_unless_it_is_a_gain(extract):
    found = extract("MixNet-M matches convnets on ImageNet (up to 82.7% top-1 accuracy) "
                    "and improves top-5 accuracy by up to 1.2%.")
    assert res(found) == {("MixNet-M", "ImageNet", "top-1 accuracy", 82.7)}


def test_a_metric_after_another_number_is_that_numbers(extract):
    found = extract("DeBERTa-XL reaches an average score of 91.3 on SuperGLUE and 90.1 EM on "
                    "SQuAD 1.1.")
    assert res(found) == {("DeBERTa-XL", "SuperGLUE", "average score", 91.3),
                          ("DeBERTa-XL", "SQuAD 1.1", "EM", 90.1)}


def test_the_dataset_of_a_number_is_in_its_clause(extract):
    found = extract("We present VisLM-2. Our model beats PaLI-X by 3.1% on zero-shot OK-VQA "
                    "with 20x fewer "
                    "parameters, reaching 58.2% accuracy, and on Flickr30k it scores a CIDEr "
                    "of 119.0.")
    assert ("OK-VQA", 58.2) in {(d, v) for _, d, _, v in res(found)}
    assert ("Flickr30k", 119.0) in {(d, v) for _, d, _, v in res(found)}


def test_a_modifier_or_a_training_method_is_not_the_reporting_model(extract):
    found = extract("Tuna-7B surpasses Vicuna-33B, the best open DPO-based model, and reaches "
                    "a 81.5% win rate on AlpacaEval. Tuna-7B-Zero, trained via PPO, "
                    "improves steadily: through PPO its pass@1 on MATH rises to 52.0%.")
    assert {(m, v) for m, _, _, v in res(found)} == {("Tuna-7B", 81.5), ("Tuna-7B-Zero", 52.0)}


def test_a_number_on_a_benchmark_with_no_metric_is_a_result(extract):
    found = extract("We present Orca-13B. Orca-13B scores 61.2 on MMLU and 7.1 on MT-Bench, "
                    "trained for 300 epochs on ShareGPT data. Its chat counterpart, "
                    "Orca-13B-Chat, reaches 8.1 on MT-Bench.")
    assert res(found) == {("Orca-13B", "MMLU", None, 61.2), ("Orca-13B", "MT-Bench", None, 7.1),
                          ("Orca-13B-Chat", "MT-Bench", None, 8.1)}


def test_numbers_listed_before_one_benchmark_pair_with_the_models(extract):
    found = extract("Tiny-1B and Tiny-3B reach 41.0 and 52.5 on MMLU, surpassing GPT-2.")
    assert res(found) == {("Tiny-1B", "MMLU", None, 41.0), ("Tiny-3B", "MMLU", None, 52.5)}


def test_a_new_state_of_the_art_score_of(extract):
    found = extract("DocNet-2 achieves a new state-of-the-art score of 91.2% on DocVQA.")
    assert res(found) == {("DocNet-2", "DocVQA", "score", 91.2)}


def test_a_baseline_named_first_is_not_the_fallback_reporter(extract):
    found = extract("We study the Frozen Language Transformer (FLT). Starting from GPT-2, "
                    "it reaches 38.0% accuracy on ListOps.")
    assert {m for m, _, _, _ in res(found)} != {"GPT-2"}


def test_a_number_given_for_a_named_baseline_is_that_baselines(extract):
    found = extract("We present MaskViT-B. MaskViT-B achieves 84.0% top-1 accuracy on "
                    "ImageNet-1K, clearly outperforming from-scratch ConvNeXt-T training "
                    "(82.1%) with the same budget. On COCO it reaches 45.1 AP, compared with "
                    "43.0 AP for Mask R-CNN. It also costs less (35.0% smaller).")
    assert {("MaskViT-B", "ImageNet-1K", "top-1 accuracy", 84.0),
            ("ConvNeXt-T", "ImageNet-1K", "top-1 accuracy", 82.1),
            ("MaskViT-B", "COCO", "AP", 45.1), ("Mask R-CNN", "COCO", "AP", 43.0)} <= res(found)
    assert 35.0 not in {v for _, _, _, v in res(found)}


def test_a_result_on_a_dataset_states_that_its_model_was_evaluated_there(extract):
    found = extract("We present MaskViT-B. Fine-tuned from ConvNeXt-T, it reaches 84.0% "
                    "top-1 accuracy on ImageNet-1K, while ConvNeXt-T training gives (82.1%).")
    evaluated = {(r.subject, r.object, r.rule) for r in found.relations
                 if r.predicate == "evaluatedOn"}
    assert {(s, o) for s, o, _ in evaluated} >= {("MaskViT-B", "ImageNet-1K"),
                                                 ("ConvNeXt-T", "ImageNet-1K")}
    assert len(evaluated) == len({(s, o) for s, o, _ in evaluated})  # once per pair


def test_numbers_compared_for_a_named_baseline_take_the_metric_they_answer(extract):
    # "A% on X and B% on Y, compared with C% and D% for Z": C answers A, D answers B
    found = extract("StarMath-7B solves 61.2% of GSM8K and 24.9% of MATH problems, compared "
                    "with 57.1% and 19.3% for the instruction-tuned WizardMath-7B.")
    assert not {r for r in res(found) if r[0] == "StarMath-7B" and r[3] in (57.1, 19.3)}
    found = extract("On SST-2, TinyBERT-4 reaches an accuracy of 92.6, against 93.5 for "
                    "BERT-base and 90.7 for ALBERT-base.")
    assert {("BERT-base", "SST-2", "accuracy", 93.5),
            ("ALBERT-base", "SST-2", "accuracy", 90.7)} <= res(found)
    found = extract("VidGen-2 obtains an FVD of 410 and a CLIPSIM of 0.301 on UCF-101, "
                    "compared with 702 and 0.288 for Make-A-Video.")
    assert {("Make-A-Video", "UCF-101", "FVD", 702.0),
            ("Make-A-Video", "UCF-101", "CLIPSIM", 0.288)} <= res(found)
    found = extract("PolyCoder-13B scores 48.1 on HumanEval and 52.0 on MBPP, versus 41.3 and "
                    "47.7 for CodeGen-16B.")
    assert {("CodeGen-16B", "HumanEval", None, 41.3),
            ("CodeGen-16B", "MBPP", None, 47.7)} <= res(found)


def test_from_a_to_b_gives_the_second_number_and_ranges_of_sizes_are_not_results(extract):
    found = extract("We present TableLM-3. TableLM-3 sets new records on table parsing (from "
                    "61.40 to 68.15) and chart reasoning (from 48.2 to 55.9). We release "
                    "models from 1 to 70 billion parameters.")
    assert {("TableLM-3", None, None, 68.15), ("TableLM-3", None, None, 55.9)} == res(found)


def test_relative_reductions_and_excluded_methods_are_not_reporters(extract):
    found = extract("Speech-XL X-Large shows 17% and 11% relative WER reduction on "
                    "test-other, reaching 2.0 WER on test-clean.")
    assert res(found) == {("Speech-XL X-Large", None, "WER", 2.0)}
    found = extract("Reason-7B, a model trained via large-scale reinforcement learning (RL) "
                    "without supervised fine-tuning (SFT), reaches a pass@1 of 65.2% on "
                    "AIME 2024.")
    assert {r[0] for r in res(found)} == {"Reason-7B"}


def test_a_baseline_number_beside_the_papers_says_they_were_compared(extract):
    found = extract("PolyCoder-13B scores 48.1 on HumanEval, versus 41.3 for CodeGen-16B.")
    rels = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert {("PolyCoder-13B", "comparedWith", "CodeGen-16B"),
            ("CodeGen-16B", "evaluatedOn", "HumanEval")} <= rels


def test_a_baseline_named_with_its_makers_possessive(extract):
    found = extract("On BEIR, Retro-7B reaches an average score of 51.2, against 49.0 for "
                    "OpenAI's text-search-curie-001.")
    assert ("text-search-curie-001", "BEIR", "average score", 49.0) in res(found)


def test_qualified_measures_and_hyphenated_scores(extract):
    found = extract("RetroQA-3B reaches a mean recall of 61.5 on MUGE and an EM accuracy of "
                    "44.2% on NQ. The ensemble obtains a macro-score of 78.4. The BERT "
                    "accuracy is 80.1.")
    assert {("RetroQA-3B", "MUGE", "mean recall", 61.5),
            ("RetroQA-3B", "NQ", "EM accuracy", 44.2)} <= res(found)
    assert any(r[2] == "macro-score" and r[3] == 78.4 for r in res(found))
    assert not any(r[2] == "BERT accuracy" for r in res(found))


def test_respectively_pairs_numbers_with_the_datasets_named_before(extract):
    found = extract("We test on SVT, IIIT5K and CUTE80. On these benchmarks, ParseqX reaches "
                    "an accuracy of 97.1, 98.0 and 95.5, respectively.",
                    title="ParseqX: Scene Text Recognition")
    assert {("ParseqX", "SVT", "accuracy", 97.1), ("ParseqX", "IIIT5K", "accuracy", 98.0),
            ("ParseqX", "CUTE80", "accuracy", 95.5)} <= res(found)


def test_a_number_before_an_improvement_is_the_models_too(extract):
    found = extract("With our recipe, the mAP of YOLO-Lite-S on COCO is boosted from 38.1 to "
                    "41.6. HydraSeg sets new records in segmentation (from 80.2 to 82.9).")
    assert {("YOLO-Lite-S", "COCO", "mAP", 38.1), ("YOLO-Lite-S", "COCO", "mAP", 41.6)} <= \
        res(found)
    assert not any(r[3] == 80.2 for r in res(found))


def test_a_unit_glued_to_its_value(extract):
    found = extract("In terms of speed, RapidDet-M runs at 91.3FPS on a single V100.")
    assert ("RapidDet-M", None, "FPS", 91.3) in res(found)


def test_plural_measures_are_the_measure(extract):
    found = extract("On the ADE20K and PASCAL VOC benchmarks, UNetX attains mIoUs of 51.3 "
                    "and 88.0, respectively, and top-1 errors of 12.5 on ImageNet.")
    assert {("UNetX", "ADE20K", "mIoU", 51.3), ("UNetX", "PASCAL VOC", "mIoU", 88.0),
            ("UNetX", "ImageNet", "top-1 error", 12.5)} <= res(found)
    metrics = {m.name for m in found.mentions if m.type == "Metric"}
    assert {"mIoU", "top-1 error"} <= metrics and not {"mIoUs", "top-1 errors"} & metrics
    assert not any(m.type == "Model" and m.name.startswith("mIoU") for m in found.mentions)


def test_plain_word_plurals_stay_words(extract):
    found = extract("This means that RankNet-2 reaches 61.0 on MS MARCO, which recalls "
                    "earlier results of 58.4.")
    assert not {m.name for m in found.mentions if m.type == "Metric"} & {"means", "recalls"}


def test_respectively_pairs_only_what_comes_before_it(extract):
    found = extract("On ADE20K and Cityscapes, SegVox attains 50.1 and 82.3 mIoU, "
                    "respectively, and it reaches 45.0 AP on COCO.")
    assert {("SegVox", "ADE20K", "mIoU", 50.1), ("SegVox", "Cityscapes", "mIoU", 82.3),
            ("SegVox", "COCO", "AP", 45.0)} <= res(found)


def test_a_number_before_another_numbers_dataset_keeps_the_sentences_own(extract):
    found = extract("On Kinetics-400, ClipNet-B reaches 82.1% top-1 accuracy and 96.0% on "
                    "UCF101.")
    assert {("ClipNet-B", "Kinetics-400", "top-1 accuracy", 82.1)} <= res(found)
    assert ("ClipNet-B", "UCF101", "top-1 accuracy", 82.1) not in res(found)


def test_bracketed_pairs_give_the_model_and_its_baseline(extract):
    found = extract("Compared with T5-Large, our PaLMo-L gains on BoolQ by 1.5 points "
                    "(80.1 vs. 81.6) and on CommonsenseQA by +2.0% (74.2% versus 72.2%).")
    assert {("PaLMo-L", "BoolQ", None, 81.6), ("T5-Large", "BoolQ", None, 80.1),
            ("PaLMo-L", "CommonsenseQA", None, 74.2),
            ("T5-Large", "CommonsenseQA", None, 72.2)} <= res(found)


def test_bracketed_pairs_on_no_named_dataset_are_not_results(extract):
    found = extract("SparseMix-B beats strong baselines and improves the average by 2.1% "
                    "(60.3% vs. 58.2%).")
    assert not found.results


def test_slash_values_pair_with_variants_named_in_the_sentence_before(extract):
    found = extract("We release SegLite-S/M/L for mobile chips. They reach 38.2/41.0/44.9 "
                    "mIoU on ADE20K with a latency of 9.1/13.4/20.2 ms, respectively.")
    assert {("SegLite-S", "ADE20K", "mIoU", 38.2), ("SegLite-M", "ADE20K", "mIoU", 41.0),
            ("SegLite-L", "ADE20K", "mIoU", 44.9), ("SegLite-M", "ADE20K", "latency", 13.4)
            } <= res(found)
    assert {r.unit for r in found.results if r.metric == "latency"} == {"ms"}


def test_slash_values_of_splits_are_the_models_and_keep_the_measure(extract):
    found = extract("On the AISHELL-1 benchmark, SpeechMix reaches a CER of 4.2%/4.6% on "
                    "dev/test without a language model and 3.9%/4.1% with one.")
    assert res(found) == {("SpeechMix", "AISHELL-1", "CER", v) for v in (4.2, 4.6, 3.9, 4.1)}


def test_a_number_on_a_split_is_on_the_benchmark_named_before(extract):
    found = extract("Fine-tuned models are evaluated on the TED-LIUM 3 benchmark. The large "
                    "model attains 5.2 and 5.9 WER on dev and test.",
                    title="AudioMAE: Masked Audio Pre-training")
    assert res(found) == {("AudioMAE", "TED-LIUM 3", "WER", 5.2),
                          ("AudioMAE", "TED-LIUM 3", "WER", 5.9)}


def test_a_number_labelled_with_a_baseline_name_is_the_baselines(extract):
    found = extract("Swapping the attention of DeiT-S for pooling gives PoolDeiT-S, which "
                    "keeps 79.2% top-1 accuracy (DeiT-S: 79.8%).")
    assert {("PoolDeiT-S", None, "top-1 accuracy", 79.2),
            ("DeiT-S", None, "top-1 accuracy", 79.8)} <= res(found)


def test_baseline_number_groups_answer_the_measures_in_turn(extract):
    found = extract("On Gowalla, RecBERT-X reaches a Recall@20 of 0.412 and an NDCG@20 of 0.251, "
                    "compared with 0.388 and 0.233 for LightGCN and 0.371 and 0.220 for "
                    "NGCF.")
    assert {("LightGCN", "Recall@20", 0.388), ("LightGCN", "NDCG@20", 0.233),
            ("NGCF", "Recall@20", 0.371), ("NGCF", "NDCG@20", 0.22)
            } <= {(r.model, r.metric, r.value) for r in found.results}


def test_it_after_a_baseline_is_the_sentences_subject_again(extract):
    found = extract("On the Waymo val set, FuseDet-B reaches 71.2 mAP (vs. 69.0 for "
                    "CenterPoint), and it obtains 64.1 mIoU for map segmentation.")
    assert ("FuseDet-B", "mIoU", 64.1) in {(r.model, r.metric, r.value) for r in found.results}
    assert not any(r.model == "CenterPoint" and r.value == 64.1 for r in found.results)


def test_gains_after_improving_and_counts_of_benchmarks_are_not_results(extract):
    found = extract("PolyLM-L performs well on low-resource languages, improving 9.2% in "
                    "XNLI accuracy for Yoruba, and reaches an average score of 70.4 across "
                    "14 benchmarks.")
    assert {r.value for r in found.results} == {70.4}


def test_a_dataset_keeps_its_edition_year(extract):
    found = extract("UNet-Z reaches a Dice score of 0.897 on KiTS 2021 and 31.2 FID on "
                    "COCO 2014.")
    assert {"KiTS 2021", "COCO 2014"} <= {m.name for m in found.mentions
                                         if m.type == "Dataset"}


def test_slash_measures_pair_with_slash_values_and_baseline_lists(extract):
    found = extract("On CelebA-HQ, FillNet-B obtains a PSNR/SSIM of 27.4/0.912, against "
                    "25.9/0.874 for CoModGAN.")
    assert res(found) == {("FillNet-B", "CelebA-HQ", "PSNR", 27.4),
                          ("FillNet-B", "CelebA-HQ", "SSIM", 0.912),
                          ("CoModGAN", "CelebA-HQ", "PSNR", 25.9),
                          ("CoModGAN", "CelebA-HQ", "SSIM", 0.874)}


def test_a_baselines_number_beside_the_papers_gives_comparedwith(extract):
    found = extract("On the M5 benchmark, TimeGPT-S obtains an sMAPE of 11.9, ahead of "
                    "N-BEATS (12.4) and DeepAR (13.1).")
    compared = {(r.subject, r.object) for r in found.relations
                if r.predicate == "comparedWith"}
    assert {("TimeGPT-S", "N-BEATS"), ("TimeGPT-S", "DeepAR")} <= compared


def test_numbers_listed_for_a_baseline_with_their_measures_are_the_baselines(extract):
    found = extract("On DTU, SplatX reaches a PSNR of 31.2 at 120 fps, compared with 30.4 "
                    "PSNR and 0.91 SSIM for NeuS at 0.2 fps, and 29.8 PSNR for VolSDF.")
    assert {("NeuS", "DTU", "PSNR", 30.4), ("NeuS", "DTU", "SSIM", 0.91),
            ("NeuS", "DTU", "fps", 0.2), ("VolSDF", "DTU", "PSNR", 29.8),
            ("SplatX", "DTU", "fps", 120.0)} <= res(found)


def test_it_in_a_later_clause_with_its_own_dataset(extract):
    found = extract("On ScanNet, PointMix-L reaches an mIoU of 74.1 (vs. 72.9 for "
                    "Point Transformer), and on S3DIS it reaches 71.5 (vs. 70.4 for "
                    "Point Transformer).")
    assert {("PointMix-L", "ScanNet", "mIoU", 74.1), ("PointMix-L", "S3DIS", "mIoU", 71.5),
            ("Point Transformer", "S3DIS", "mIoU", 70.4)} <= res(found)


def test_a_sentence_about_our_work_reports_for_the_papers_system(extract):
    found = extract("A dVAE first learns discrete point tokens. With our objective, we "
                    "show that a plain Transformer attains 92.9% accuracy on ModelNet40.",
                    title="PointMAE-X: Masked Pre-training for Point Clouds")
    assert ("PointMAE-X", "ModelNet40", "accuracy", 92.9) in res(found)


def test_a_sentence_opening_with_it_reports_for_the_model_before(extract):
    found = extract("Our largest model, VisLM-72B, is trained on PixData. It outperforms "
                    "proprietary models including Gemini 1.5 Pro; it reaches an average "
                    "score of 80.3 across eleven benchmarks (GPT-4o: 78.1).")
    assert {("VisLM-72B", None, "average score", 80.3),
            ("GPT-4o", None, "average score", 78.1)} <= res(found)


def test_numbers_alone_after_baselines_and_slash_lists_for_a_baseline_give_comparedwith(
        extract):
    found = extract("On Track II, FlowCast-L obtains a CRPS of 0.412, ahead of TimesNet "
                    "(0.455) and N-HiTS (0.471). On ETTh1, FlowCast-L reaches an MSE/MAE of "
                    "0.38/0.40, against 0.41/0.43 for PatchTST.")
    compared = {(r.subject, r.object) for r in found.relations
                if r.predicate == "comparedWith"}
    assert {("FlowCast-L", "TimesNet"), ("FlowCast-L", "N-HiTS"),
            ("FlowCast-L", "PatchTST")} <= compared
    assert {("TimesNet", "Track II", "CRPS", 0.455),
            ("PatchTST", "ETTh1", "MAE", 0.43)} <= res(found)


def test_a_praising_score_names_no_measure_and_a_rank_is_no_result(extract):
    found = extract("Our EmbedX-7B has achieved a record-high score of 71.5, ranking first on "
                    "the MTEB leaderboard, and the highest score of 60.2 on BEIR.")
    assert res(found) == {("EmbedX-7B", "MTEB", None, 71.5), ("EmbedX-7B", "BEIR", None, 60.2)}
    ranked = extract("TextEmb-L is ranked #1 on the MTEB leaderboard with 70.1 on MTEB.")
    assert {r.value for r in ranked.results} == {70.1}


def test_an_abbreviations_full_stop_ends_no_sentence(extract):
    found = extract("OFA-X sets new results, including ImageNet (top-1 acc.: 88.1) and "
                    "ranks No. 2 on COCO with 61.0 AP.")
    assert {("OFA-X", "ImageNet", "top-1 acc", 88.1), ("OFA-X", "COCO", "AP", 61.0)} <= res(
        found)
    assert 2.0 not in {r.value for r in found.results}


def test_a_later_respectively_list_pairs_its_own_models_and_bare_numbers_share_a_measure(
        extract):
    found = extract("Listeners rate quality by MOS: SpeechX obtains 4.41, close to the 4.45 of "
                    "real speech, while FastSpeech 2 and Glow-TTS, both with a HiFi-GAN "
                    "vocoder, reach 3.81 and 4.02, respectively.")
    assert {("SpeechX", None, "MOS", 4.41), ("FastSpeech 2", None, "MOS", 3.81),
            ("Glow-TTS", None, "MOS", 4.02)} <= res(found)


def test_bounds_and_numbers_inside_words_are_not_results(extract):
    found = extract("SplatCam renders in real time (≥ 60 fps) at 1440p and reaches a PSNR of "
                    "28.4 at 112 fps on Tanks and Temples.")
    assert {r.value for r in found.results} == {28.4, 112.0}


def test_a_measure_named_with_one_dataset_keeps_it_for_later_sentences(extract):
    found = extract("We present SceneNet. On Places365, SceneNet reaches over 60% top-1 "
                    "accuracy. For example, SceneNet-S reaches 58.1% top-1 accuracy and "
                    "SceneNet-L reaches 61.3%.")
    assert {(r.model, r.dataset, r.metric, r.value) for r in found.results} == {
        ("SceneNet-S", "Places365", "top-1 accuracy", 58.1),
        ("SceneNet-L", "Places365", "top-1 accuracy", 61.3)}


def test_a_bracketed_baselines_several_numbers_answer_the_papers_in_turn(extract):
    found = extract("We present PixGen-XL. On ImageNet 256x256, PixGen-XL reaches an FID of "
                    "2.1 and an Inception Score of 250.3 (BigGAN-deep: 6.95 / 171.4). It scores "
                    "7.9 on MT-Bench and 31.5 on AlpacaEval (Vicuna-13B: 6.6 and 12.1).")
    assert {("BigGAN-deep", "ImageNet", "FID", 6.95),
            ("BigGAN-deep", "ImageNet", "Inception Score", 171.4),
            ("Vicuna-13B", "MT-Bench", None, 6.6),
            ("Vicuna-13B", "AlpacaEval", None, 12.1)} <= res(found)
    assert not any(r.model == "PixGen-XL" and r.value in (6.95, 171.4, 6.6, 12.1)
                   for r in found.results)


def test_a_slash_list_of_datasets_pairs_with_a_slash_list_of_values(extract):
    found = extract("We present RetroE. nDCG@10 on SciFact / NFCorpus / FiQA is 0.712 / 0.351 / "
                    "0.402 for RetroE vs. 0.665 / 0.325 / 0.236 for BM25, and on retrieval "
                    "(NQ / TriviaQA acc.: 81.2 / 79.9).")
    assert {("RetroE", "SciFact", "nDCG@10", 0.712), ("RetroE", "NFCorpus", "nDCG@10", 0.351),
            ("RetroE", "FiQA", "nDCG@10", 0.402), ("BM25", "SciFact", "nDCG@10", 0.665),
            ("BM25", "NFCorpus", "nDCG@10", 0.325), ("BM25", "FiQA", "nDCG@10", 0.236),
            ("RetroE", "NQ", "acc", 81.2), ("RetroE", "TriviaQA", "acc", 79.9)} <= res(found)


def test_a_number_before_another_baselines_number_stays_the_papers(extract):
    found = extract("We present FlowCast. On ETTm2, FlowCast reaches an MAE of 0.212 "
                    "compared with 0.245 for iTransformer and 0.251 for the 1.2B-parameter "
                    "TimesFM.")
    assert {("FlowCast", "ETTm2", "MAE", 0.212), ("iTransformer", "ETTm2", "MAE", 0.245),
            ("TimesFM", "ETTm2", "MAE", 0.251)} <= res(found)
    assert not any(r.model != "FlowCast" and r.value == 0.212 for r in found.results)


def test_the_number_a_rise_starts_from_belongs_to_the_baseline_named_with_it(extract):
    found = extract("We present CodeMix-9B. Compared with Mistral-7B, CodeMix-9B raises GSM8K "
                    "accuracy from 40.2 to 52.3 and HumanEval pass@1 from 30.5 to 44.1. On "
                    "MMLU, our adapter lifts the accuracy reached with QLoRA from 61.0 to 63.4.")
    assert {("Mistral-7B", "GSM8K", "accuracy", 40.2), ("CodeMix-9B", "GSM8K", "accuracy", 52.3),
            ("Mistral-7B", "HumanEval", "pass@1", 30.5),
            ("CodeMix-9B", "HumanEval", "pass@1", 44.1),
            ("QLoRA", "MMLU", "accuracy", 61.0)} <= res(found)
    assert ("CodeMix-9B", "comparedWith", "Mistral-7B") in {
        (r.subject, r.predicate, r.object) for r in found.relations}


def test_an_unknown_name_a_compared_number_is_given_for_is_a_baseline_model(extract):
    found = extract("We present StereoFlow. On KITTI 2015, StereoFlow reaches a D1 error of "
                    "1.52, compared with 1.83 for RAFT-Stereo and 2.11 for STTR. Each run takes "
                    "3 hours for QRSTV.")
    assert {("RAFT-Stereo", "Model"), ("STTR", "Model")} <= typed(found)
    assert ("STTR", "KITTI 2015", "D1 error", 2.11) in res(found)
    assert not any(name == "QRSTV" for name, _ in typed(found))


def test_a_benchmark_papers_numbers_are_on_its_benchmark(extract):
    found = extract("We introduce LongVidBench, a benchmark of 9K multiple-choice questions about "
                    "long videos. Video-LLaVA ranks first with an accuracy of 41.2%, followed "
                    "by VideoChat2 (39.8%).",
                    title="LongVidBench: Probing Long-Video Understanding in Multimodal LLMs")
    assert {("Video-LLaVA", "LongVidBench", "accuracy", 41.2),
            ("VideoChat2", "LongVidBench", "accuracy", 39.8)} <= res(found)


def test_a_comparative_study_does_not_make_its_subject_a_baseline(extract):
    found = extract("Llama-3-8B is a strong open model. Our comparative analysis shows that "
                    "Hanbit-8B excels in chat, with 8.7 on MT-Bench and 61.2 on MMLU.")
    assert {("Hanbit-8B", "MT-Bench", None, 8.7), ("Hanbit-8B", "MMLU", None, 61.2)} <= res(found)


def test_it_and_its_after_a_colon_are_the_sentences_subject(extract):
    found = extract("The final model, Orca-7B-RL, which is initialized from Orca-7B-SFT, "
                    "surpasses o1-mini: it scores 55.4 on AIME 2025. PaintGen beats earlier "
                    "work such as AttnGAN and a recent similar work Imagen-Lite: its "
                    "zero-shot FID is 12.1 on MS COCO.")
    assert {("Orca-7B-RL", "AIME 2025", None, 55.4),
            ("PaintGen", "MS COCO", "FID", 12.1)} <= res(found)


def test_our_system_is_the_papers_own_not_the_last_name(extract):
    found = extract("We train Falcon-R1 with RL. GRPO-Lite is used as the optimizer, with long "
                    "rollouts. Notably, our system reaches 71.2 on AIME and 93.0 on MATH-500.",
                    title="Falcon-R1: Scaling Reinforcement Learning for Reasoning")
    assert {("Falcon-R1", "AIME", None, 71.2), ("Falcon-R1", "MATH-500", None, 93.0)} <= res(
        found)


def test_a_backbone_a_model_uses_and_a_baseline_after_its_description(extract):
    found = extract("We present SegPro. On ADE20K, our SegPro-H, which uses a ConvNeXt-XL "
                    "backbone, reaches 55.1% mIoU. GPT-4 reaches an overall score of 4.01, "
                    "against 2.32 for GPT-3.5-Turbo and 0.96 for the best open model, "
                    "CodeLlama-34B. Offline, RecoG reaches a hit-rate of 67% and an MRR of 0.59.")
    assert {("SegPro-H", "ADE20K", "mIoU", 55.1), ("CodeLlama-34B", None, "overall score", 0.96),
            ("RecoG", None, "hit-rate", 67.0), ("RecoG", None, "MRR", 0.59)} <= res(found)


def test_a_slash_list_of_datasets_after_the_values_serves_the_baselines_list_too(extract):
    found = extract("We present NodeMAE. For node classification, NodeMAE reaches an accuracy "
                    "of 83.9 / 72.8 / 80.6 on Cora / Citeseer / PubMed, vs. 82.1 / 71.5 / 79.9 "
                    "for the contrastive GRACE-v2.")
    assert {("NodeMAE", "Cora", "accuracy", 83.9), ("NodeMAE", "PubMed", "accuracy", 80.6),
            ("GRACE-v2", "Cora", "accuracy", 82.1),
            ("GRACE-v2", "Citeseer", "accuracy", 71.5)} <= res(found)


def test_spaced_slash_measures_and_the_reporter_nearest_the_list(extract):
    found = extract("We present ZhBERT. ZhBERT does well on many tasks: on the DRCD dev set, "
                    "for instance, ZhBERT-large obtains an EM / F1 of 89.6 / 94.5, vs. 88.1 / "
                    "93.4 for RoBERTa-wwm-large.")
    assert {("ZhBERT-large", "DRCD", "EM", 89.6), ("ZhBERT-large", "DRCD", "F1", 94.5),
            ("RoBERTa-wwm-large", "DRCD", "EM", 88.1),
            ("RoBERTa-wwm-large", "DRCD", "F1", 93.4)} <= res(found)


def test_sizes_bit_widths_losses_and_a_latency_after_its_unit(extract):
    found = extract("We present FlashViT. FlashViT-S reaches 80.1% top-1 accuracy on "
                    "ImageNet-1K with only 1.2 ms inference latency, at a resolution of "
                    "512 * 512 pixels. We quantize FlashViT-S to 4 bits with an accuracy "
                    "loss of 0.5%.")
    assert {("FlashViT-S", "ImageNet-1K", "top-1 accuracy", 80.1),
            ("FlashViT-S", "ImageNet-1K", "inference latency", 1.2)} == res(found)


def test_a_baseline_bracketed_with_a_comma_and_two_measures_side_by_side(extract):
    found = extract("We present DockFlow. DockFlow obtains a 41% top-1 success rate on "
                    "PoseBusters, ahead of classical docking (Vina-GPU, 25%) and learned "
                    "docking (EquiBind-2, 19%).")
    assert {("DockFlow", "PoseBusters", "top-1 success rate", 41.0),
            ("Vina-GPU", "PoseBusters", "top-1 success rate", 25.0),
            ("EquiBind-2", "PoseBusters", "top-1 success rate", 19.0)} <= res(found)
    assert ("top-1 success rate", "Metric") in typed(found)


def test_averaging_on_the_sentences_benchmark_and_context_lengths_name_models(extract):
    found = extract("Evaluating 6 LLMs on LongEval, we find that the commercial "
                    "Claude-2-Chat-100k leads, averaging 48.2 vs. 40.3 for Vicuna-7B-16k.")
    assert {("Claude-2-Chat-100k", "Model"), ("Vicuna-7B-16k", "Model")} <= typed(found)
    assert {("Claude-2-Chat-100k", "LongEval", None, 48.2),
            ("Vicuna-7B-16k", "LongEval", None, 40.3)} <= res(found)


def test_the_name_the_authors_call_theirs_reports_our_systems_numbers(extract):
    found = extract("Instruction tuning with rewards (RL) scales well. We describe the training "
                    "recipe of Orbit-3, our newest open multilingual model. Polar-70B provides "
                    "its tokenizer. Overall, our system scores 71.2 on GSM8K and 48.5 on "
                    "HumanEval.")
    assert {("Orbit-3", "GSM8K", None, 71.2), ("Orbit-3", "HumanEval", None, 48.5)} <= res(
        found)


def test_a_name_glued_to_a_participle_is_a_modifier_not_the_reporter(extract):
    found = extract("The final DPO-aligned checkpoint, Lumen-9B-Chat, which starts from "
                    "Lumen-9B, does well on reasoning: it scores 63.4 on GSM8K.")
    assert ("Lumen-9B-Chat", "GSM8K", None, 63.4) in res(found)


def test_a_dataset_keeps_its_version_and_a_software_baseline_gets_its_number(extract):
    found = extract("On Covertype v2, TabFormer-S reaches an accuracy of 97.1%, against "
                    "96.4% for ResNet and 96.9% for LightGBM.")
    assert {("TabFormer-S", "Covertype v2", "accuracy", 97.1),
            ("ResNet", "Covertype v2", "accuracy", 96.4),
            ("LightGBM", "Covertype v2", "accuracy", 96.9)} <= res(found)


def test_a_model_named_after_a_listed_pair_keeps_its_own_number(extract):
    found = extract("In zero-shot use, Kestrel 3B and Kestrel 12B reach 41.0% and 47.5% "
                    "accuracy on ARC-Challenge, respectively, whereas Falcon 7B gets 39.2%.")
    assert {("Kestrel 3B", "ARC-Challenge", "accuracy", 41.0),
            ("Kestrel 12B", "ARC-Challenge", "accuracy", 47.5),
            ("Falcon 7B", "ARC-Challenge", "accuracy", 39.2)} <= res(found)


def test_vs_with_a_period_does_not_end_the_sentence_before_its_baselines(extract):
    found = extract("On 3DPW, MeshFormer-B reaches an MPJPE of 71.0, vs. 74.9 for ROMP and "
                    "79.3 for PARE.")
    assert {("ROMP", "3DPW", "MPJPE", 74.9), ("PARE", "3DPW", "MPJPE", 79.3)} <= res(found)


def test_a_lower_case_measure_named_where_its_value_is_given(extract):
    found = extract("We present ShapeFormer-L. On ShapeNet, its median surface-to-surface "
                    "distance is 0.83 mm, and it keeps a mean per-joint position error of "
                    "38.2 mm on Human3.6M.")
    assert {("ShapeFormer-L", "ShapeNet", "median surface-to-surface distance", 0.83),
            ("ShapeFormer-L", "Human3.6M", "mean per-joint position error", 38.2)} <= res(found)


def test_the_model_a_method_is_applied_to_is_a_setting(extract):
    found = extract("We propose QuantX, a rounding scheme for quantization. On ImageNet, QuantX "
                    "reaches 70.1% top-1 accuracy for MobileNetV2, against 71.9% for the "
                    "full-precision MobileNetV2.")
    assert {("QuantX", "ImageNet", "top-1 accuracy", 70.1),
            ("MobileNetV2", "ImageNet", "top-1 accuracy", 71.9)} <= res(found)
    found = extract("PruneX outperforms magnitude pruning; with 50% sparsity it keeps the "
                    "WikiText-103 perplexity of OPT-13B at 11.2.",
                    title="PruneX: Pruning Large Language Models in One Shot")
    assert res(found) == {("PruneX", "WikiText-103", "perplexity", 11.2)}


def test_a_known_measure_at_a_cut_off_the_lexicon_does_not_list(extract):
    found = extract("We present GraphRec-S. On ML-20M, GraphRec-S reaches an NDCG@50 of 0.431 "
                    "and a Recall@200 of 0.612, and a pose AUC@10° of 66.1 on ScanNet.")
    assert {("GraphRec-S", "ML-20M", "NDCG@50", 0.431),
            ("GraphRec-S", "ML-20M", "Recall@200", 0.612),
            ("GraphRec-S", "ScanNet", "AUC@10°", 66.1)} <= res(found)


def test_a_detection_measure_keeps_what_it_is_measured_on(extract):
    found = extract("We present VoxDet-L. On nuScenes, VoxDet-L reaches a 3D AP of 61.2 and "
                    "a joint mAP of 0.311, and a mask AP of 44.0 on LVIS.")
    assert {("VoxDet-L", "nuScenes", "3D AP", 61.2), ("VoxDet-L", "nuScenes", "joint mAP", 0.311),
            ("VoxDet-L", "LVIS", "mask AP", 44.0)} <= res(found)


def test_a_dataset_listed_with_a_shaped_one_is_found_again_later(extract):
    found = extract("UNetX does well on the Prostate and BTCV-2 datasets. On Prostate, UNetX "
                    "reaches a DSC of 88.1%. Experiments on three datasets (Cardiac, BraTS "
                    "and Spleen) confirm it; on Spleen it reaches a DSC of 95.0%.")
    assert {("UNetX", "Prostate", "DSC", 88.1), ("UNetX", "Spleen", "DSC", 95.0)} <= res(found)


def test_the_number_of_a_named_baseline(extract):
    found = extract("We present MeshFormer, a reconstruction model. On the ABC benchmark "
                    "its Chamfer distance is 0.93, below the 1.08 of NeuralPull.")
    assert {("MeshFormer", "ABC", "Chamfer distance", 0.93),
            ("NeuralPull", "ABC", "Chamfer distance", 1.08)} <= res(found)
    assert ("MeshFormer", "comparedWith", "NeuralPull") in {
        (r.subject, r.predicate, r.object) for r in found.relations}


def test_numbers_set_against_each_other_compare_their_models(extract):
    found = extract("We present DenoiseNet, an image restoration network. On SIDD, "
                    "DenoiseNet reaches a PSNR of 40.02 dB, whereas Restormer stays at 39.89 "
                    "dB. DenoiseNet-S and DenoiseNet-L obtain a PSNR of 39.1 and 40.3 dB while "
                    "using less compute.")
    rels = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert ("DenoiseNet", "comparedWith", "Restormer") in rels
    assert ("Restormer", "SIDD", "PSNR", 39.89) in res(found)
    assert not {r for r in rels if r[1] == "comparedWith" and r[0].startswith("DenoiseNet-")}


def test_a_listed_dataset_named_again_takes_its_numbers(extract):
    found = extract("We present TideNet, a forecasting model. We test it on public datasets "
                    "including Weather, Exchange and ETTm2: on Weather, TideNet reaches an "
                    "MSE of 0.221.")
    assert ("TideNet", "Weather", "MSE", 0.221) in res(found)


def test_it_and_they_stand_for_the_subject_not_the_baseline(extract):
    found = extract("We present SurfNet, a surface reconstruction model. On ScanNet its "
                    "Chamfer distance is 0.41, below the 0.57 of MonoSDF, and on Replica it "
                    "reaches an F-score of 81.3.")
    assert ("SurfNet", "Replica", "F-score", 81.3) in res(found)
    found = extract("We present WordPack, a new language model. We find that WordPack sense "
                    "vectors beat the embeddings of Llama-2-7B: on WordSim353 they reach a "
                    "Spearman correlation of 0.61, against 0.52 for Llama-2-7B.")
    assert ("WordPack", "WordSim353", "Spearman correlation", 0.61) in res(found)


def test_a_baselines_number_after_close_to_the_takes_the_measure_it_answers(extract):
    found = extract("We present Pico-4B, a pruned language model. Pico-4B scores 61.2 on "
                    "MMLU, close to the 62.0 of Qwen2-7B.")
    assert {("Pico-4B", "MMLU", None, 61.2), ("Qwen2-7B", "MMLU", None, 62.0)} <= res(found)


def test_a_number_inside_a_name_is_not_a_result(extract):
    found = extract("We present TFN-X, an SE(3)-equivariant network. TFN-X reaches an MAE of "
                    "0.12 on QM9 with O(1) memory.")
    assert res(found) == {("TFN-X", "QM9", "MAE", 0.12)}


def test_a_librarys_number_set_against_the_papers(extract):
    found = extract("We present TabR, a retrieval model for tables. On Adult, TabR reaches an "
                    "accuracy of 87.1%, whereas CatBoost is at 86.6%.")
    assert {("TabR", "Adult", "accuracy", 87.1), ("CatBoost", "Adult", "accuracy", 86.6)} <= res(
        found)


def test_numbers_after_it_are_the_subjects_not_a_listed_baselines(extract):
    found = res(extract("We propose MarginX, a face recognition loss. MarginX beats prior "
                        "losses, including NormFace-A and SoftFace-B, at no extra cost: it "
                        "reaches 99.1% accuracy on AgeDB-30 and 97.4% accuracy on CFP-FP."))
    models = {r[0] for r in found}
    assert models == {"MarginX"}, found


def test_numbers_after_and_it_are_the_subjects_not_a_listed_baselines(extract):
    found = res(extract("We propose MarginX, a face recognition loss. MarginX beats prior "
                        "losses, including NormFace-A and SoftFace-B, and it reaches 99.1% "
                        "accuracy on AgeDB-30 and 97.4% accuracy on CFP-FP."))
    assert {r[0] for r in found} == {"MarginX"}, found


def test_a_model_the_proposed_method_is_applied_to_without_a_titled_name(extract):
    # the title names no system: the "we propose" sentence gives the paper's own
    found = extract("We propose Sparse Recall, a retrieval plug-in for frozen language "
                    "models. With a BM25 index, it lowers the perplexity of GPT-2 XL on "
                    "WikiText-103 from 14.2 to 11.9.", title="Retrieval for Frozen Models")
    assert ("Sparse Recall", "WikiText-103", "perplexity", 11.9) in res(found)
    assert not any(r[0] == "GPT-2 XL" and r[3] == 11.9 for r in res(found))


def test_the_number_of_an_enumerated_item_is_not_a_result(extract):
    found = extract("We present TuneMix and study (1) the number of tasks, (2) the model "
                    "size and (3) the accuracy of chain-of-thought data.")
    assert not {r[3] for r in res(found)} & {1.0, 2.0, 3.0}


def test_a_model_run_with_or_lifted_by_the_papers_method_is_a_setting(extract):
    title = "GradSqueeze: Fine-Tuning in Little Memory"
    found = extract("On BoolQ, fine-tuning OPT-13B with GradSqueeze reaches an accuracy of "
                    "81.4%. On SQuAD, GradSqueeze lifts T5-base to an F1 of 88.2.", title=title)
    assert {("GradSqueeze", "BoolQ", "accuracy", 81.4), ("GradSqueeze", "SQuAD", "F1", 88.2)
            } <= res(found)


def test_a_fronted_setting_and_datasets_in_coordinated_phrases(extract):
    found = extract("We propose StepPrompt. With the compact Falcon model, falcon-7b-chat, "
                    "the accuracy on SVAMP rises from 21.3% to 52.6% and on AQuA from 12.0% "
                    "to 30.5%.")
    assert {("StepPrompt", "SVAMP", "accuracy", 52.6), ("StepPrompt", "AQuA", "accuracy", 30.5)
            } <= res(found)
    assert not any(r[0] == "falcon-7b-chat" for r in res(found))


def test_numbers_inside_names_and_thresholds_are_not_values(extract):
    found = extract("We present PoseNet-X. On 12-Scenes, PoseNet-X reaches a 10cm/10° "
                    "accuracy of 93.4%, and its parser gets 71.5% 3-shot accuracy.")
    values = {r[3] for r in res(found)}
    assert 71.5 in values and not values & {12.0, 10.0, 3.0}, values


def test_a_model_that_generated_the_data_is_not_the_reporter(extract):
    found = extract("We present FakeSpot. On reviews written by the 13B-parameter "
                    "Vicuna-13B, FakeSpot reaches an AUROC of 0.93.",
                    title="FakeSpot: Detecting Machine-Written Reviews")
    assert ("FakeSpot", None, "AUROC", 0.93) in res(found)
    found = extract("On reviews written by the 13B-parameter Vicuna-13B, detection rises to "
                    "an AUROC of 0.93.", title="FakeSpot: Detecting Machine-Written Reviews")
    assert not any(r[0] == "Vicuna-13B" for r in res(found))


def test_a_number_for_an_unnamed_baseline_is_not_a_result(extract):
    found = extract("We present FakeSpot. Detection improves from an AUROC of 0.77 for the "
                    "best supervised baseline to 0.93.", title="FakeSpot: Detecting Reviews")
    assert {r[3] for r in res(found)} == {0.93}


def test_numbers_with_decibels_or_millimetres_and_bracketed_baselines(extract):
    found = extract("On Mip-360, FastField reaches an average PSNR of 27.4 dB, on par with "
                    "Zip-NeRF (27.6 dB) and above the original NeRF (23.8 dB); its depth error "
                    "is 4.2 mm.", title="FastField: Radiance Fields in Seconds")
    assert {("FastField", "Mip-360", "PSNR", 27.4), ("Zip-NeRF", "Mip-360", "PSNR", 27.6),
            ("NeRF", "Mip-360", "PSNR", 23.8)} <= res(found)


def test_measures_a_slash_list_of_values_are_given_for_and_each_lists_dataset(extract):
    found = extract("BasketNet is new. Its HR@10 / NDCG@10 are 61.2 / 33.8 on Tafeng 1/8 "
                    "and 48.9 / 25.1 on Dunnhumby.", title="BasketNet: Next-Basket Models")
    assert {("BasketNet", "Tafeng", "HR@10", 61.2), ("BasketNet", "Tafeng", "NDCG@10", 33.8),
            ("BasketNet", "Dunnhumby", "HR@10", 48.9),
            ("BasketNet", "Dunnhumby", "NDCG@10", 25.1)} == res(found)


def test_a_number_a_drop_starts_from_is_the_named_baselines(extract):
    found = extract("On NYUv2, DepthLite reaches an RMSE of 0.31, down from 0.36 for "
                    "AdaBins-L.", title="DepthLite: Small Depth Networks")
    assert {("DepthLite", "NYUv2", "RMSE", 0.31), ("AdaBins-L", "NYUv2", "RMSE", 0.36)
            } <= res(found)


def test_a_baseline_named_in_capitalised_words_after_a_number_for_it(extract):
    found = extract("On VCTK, EchoVoc-2 reaches a MOS of 4.31, compared with 3.92 for Parallel "
                    "Wave Synth (PWS) and 3.70 for Harmonia, and 3.10 for German speakers.")
    assert {("Parallel Wave Synth", "VCTK", "MOS", 3.92),
            ("Harmonia", "VCTK", "MOS", 3.70)} <= res(found)
    assert "German" not in {name for name, _ in typed(found)}


def test_respectively_pairs_measures_and_datasets_with_their_numbers(extract):
    found = extract("We present ShieldNet-2. On the UNSW-NB15 dataset, the precision, recall "
                    "and F1 of ShieldNet-2 are 0.91, 0.88 and 0.89, respectively. ShieldNet-2 "
                    "scores 71% and 64% on APPS and DS-1000, respectively.")
    assert {("ShieldNet-2", "UNSW-NB15", "precision", 0.91),
            ("ShieldNet-2", "UNSW-NB15", "recall", 0.88),
            ("ShieldNet-2", "UNSW-NB15", "F1", 0.89)} <= res(found)
    assert {("ShieldNet-2", "APPS", None, 71.0), ("ShieldNet-2", "DS-1000", None, 64.0)} <= res(
        found)


def test_numbers_listed_after_a_gain_are_gains_too(extract):
    found = extract("CondG keeps the test accuracy of the full graphs by 95.3% on Reddit, 99.8% "
                    "on Flickr and 99.0% on Citeseer. On average CondG improves over SPADE by "
                    "6 FID and 5 mIoU points on ADE20K. CondG reaches 81.2% test accuracy on "
                    "Reddit, against 80.4 for Point Transformer.")
    assert res(found) == {("CondG", "Reddit", "test accuracy", 81.2),
                          ("Point Transformer", "Reddit", "test accuracy", 80.4)}


def test_numbers_people_reach_are_no_models_results(extract):
    found = extract("We release TableQuest, a benchmark of 4,000 table questions. TableQuest "
                    "is hard for GPT-4. Humans reach an accuracy of 91.4% on it, while GPT-4 "
                    "reaches 61.0% accuracy on TableQuest.")
    assert not {r for r in res(found) if r[3] == 91.4}
    assert ("GPT-4", "TableQuest", "accuracy", 61.0) in res(found)


def test_a_table_in_prose_gives_each_dataset_its_number(extract):
    found = extract("We propose GRAIL, which learns node orderings. Macro-F1 of GRAIL on the "
                    "full graphs - PubMed: 71.3%, Cora: 64.0%. We report AUC for SGC vs GCN - "
                    "PPI: 0.81 vs 0.79; MUTAG: 0.93 vs 0.91.")
    assert {("GRAIL", "PubMed", "Macro-F1", 71.3), ("GRAIL", "Cora", "Macro-F1", 64.0),
            ("SGC", "PPI", "AUC", 0.81), ("GCN", "PPI", "AUC", 0.79),
            ("SGC", "MUTAG", "AUC", 0.93), ("GCN", "MUTAG", "AUC", 0.91)} <= res(found)


def test_a_slash_list_of_measures_names_no_model(extract):
    found = extract("We propose TrustRec for social recommendation. It reaches an MAE / RMSE "
                    "of 0.74 / 0.98 on Ciao. On the Cityscapes test set, TrustRec-Seg reaches a "
                    "class IoU of 69.7%.")
    assert {("TrustRec", "Ciao", "MAE", 0.74), ("TrustRec", "Ciao", "RMSE", 0.98),
            ("TrustRec-Seg", "Cityscapes", "class IoU", 69.7)} <= res(found)


def test_baselines_named_in_lower_case_and_clauses_of_other_subjects(extract):
    found = extract("On the eICU data, ClinNet reaches an AUC-ROC of 0.81, compared with 0.74 "
                    "for k-means and 0.77 for the bag-of-words method TF-IDF, while raw "
                    "features reach 0.70. ClinNet-L scores 91.2 NER F1 on CoNLL-2003.")
    assert {("ClinNet", "eICU", "AUC-ROC", 0.81), ("k-means", "eICU", "AUC-ROC", 0.74),
            ("TF-IDF", "eICU", "AUC-ROC", 0.77),
            ("ClinNet-L", "CoNLL-2003", "F1", 91.2)} <= res(found)
    assert not {r for r in res(found) if r[3] == 0.70}


def test_a_number_for_an_unnamed_baseline_goes_to_no_later_name(extract):
    found = extract("On GLUE, LoRAX reaches an average score of 80.1, against 81.3 for full "
                    "fine-tuning, 79.9 for Adapters and 80.6 for the 1.2B-parameter PromptNet.")
    assert {("LoRAX", "GLUE", "average score", 80.1), ("Adapters", "GLUE", "average score", 79.9),
            ("PromptNet", "GLUE", "average score", 80.6)} <= res(found)
    assert not {r for r in res(found) if r[3] == 81.3}


def test_plural_model_names_a_text_defines_and_speech_measures(extract):
    found = extract("Click models often use Gradient Boosted Machines (GBMs). On the Criteo "
                    "test set, the logloss is 0.441 for GBMs. DenoiseNet obtains PESQ / CSIG / "
                    "COVL of 2.61 / 3.87 / 3.24 on VoiceBank-DEMAND.")
    assert ("GBMs", "Criteo", "logloss", 0.441) in res(found)
    assert {("DenoiseNet", "VoiceBank-DEMAND", "CSIG", 3.87),
            ("DenoiseNet", "VoiceBank-DEMAND", "COVL", 3.24)} <= res(found)


def test_a_model_a_clause_says_it_was_made_from_reports_nothing(extract):
    found = extract("We propose GridBlock, a unit for CNNs. GridNet-34, built by stacking the "
                    "unit on VGG-16, reaches an accuracy of 81.3% on CIFAR-100, against 77.9% "
                    "for VGG-16.")
    results = {(r.model, r.value) for r in found.results}
    assert ("GridNet-34", 81.3) in results and ("VGG-16", 81.3) not in results


def test_a_baseline_that_scores_its_own_number(extract):
    found = extract("We present ZetaRE, a model for relation extraction. ZetaRE reaches a "
                    "test F1 of 71.2 on TACRED, ahead of earlier systems such as C-GCN, "
                    "which scores 66.4 on TACRED, and PA-LSTM.")
    results = {(r.model, r.value) for r in found.results}
    assert ("C-GCN", 66.4) in results and ("ZetaRE", 66.4) not in results


def test_a_slash_list_after_another_model_and_its_verb_is_that_models(extract):
    found = extract("We present Tessel-2, a network for recognition. Tessel-2 gets a top-1 "
                    "accuracy of 81.2% / 65.3% on CIFAR-10 / CIFAR-100, whereas ResNet-50 "
                    "reaches 78.4% / 60.1%.")
    results = {(r.model, r.value) for r in found.results}
    assert {("Tessel-2", 81.2), ("ResNet-50", 78.4), ("ResNet-50", 60.1)} <= results
    assert ("Tessel-2", 78.4) not in results


def test_a_slash_list_given_for_something_unnamed_is_no_ones(extract):
    found = extract("We propose DenoiseNet, a network for speech enhancement. On VCTK, "
                    "DenoiseNet obtains PESQ / STOI of 2.91 / 0.93, against 2.40 / 0.90 for "
                    "Demucs and 1.97 / 0.92 for the noisy input.")
    results = {(r.model, r.value) for r in found.results}
    assert {("DenoiseNet", 2.91), ("Demucs", 2.40)} <= results
    assert not {(m, v) for m, v in results if v in (1.97, 0.92)}


def test_a_slash_list_takes_the_dataset_the_sentence_before_evaluates_on(extract):
    found = extract("We propose DenoiseNet, a network for speech enhancement. We evaluate it "
                    "on the VCTK corpus with unseen speakers. DenoiseNet obtains PESQ / STOI "
                    "of 2.91 / 0.93, against 2.40 / 0.90 for Demucs.")
    results = {(r.model, r.dataset, r.value) for r in found.results}
    assert {("DenoiseNet", "VCTK", 2.91), ("Demucs", "VCTK", 2.40)} <= results


def test_the_method_reports_for_the_papers_own_system(extract):
    found = _tuples(extract("Our tracker, OwlTrack, links detections over frames. A second "
                            "small network, S-Net, scores the links. The approach runs at "
                            "30 fps and reaches a MOTA of 71.3 on MOT17."))
    assert ("OwlTrack", "MOT17", "MOTA", 71.3) in found
    assert not any(model == "S-Net" for model, *_ in found)


def test_a_cross_entropy_with_its_value_is_a_measure(extract):
    found = _tuples(extract("We propose FrameFlow for video prediction. On KTH it reaches a "
                            "per-pixel cross-entropy of 212.4, compared with 251.9 for "
                            "PredRNN."))
    assert {("FrameFlow", "KTH", "per-pixel cross-entropy", 212.4),
            ("PredRNN", "KTH", "per-pixel cross-entropy", 251.9)} <= found


def test_a_qualified_accuracy_given_a_value_is_the_measure(extract):
    found = _tuples(extract("We propose GazeNet. On Ego4D it reaches a top-1 verb accuracy of "
                            "41.5% and a frame-level AUC of 0.87."))
    assert {("GazeNet", "Ego4D", "top-1 verb accuracy", 41.5),
            ("GazeNet", "Ego4D", "frame-level AUC", 0.87)} <= found


def test_a_value_before_a_qualified_measure(extract):
    found = _tuples(extract("We propose MeshSeg. On PartNet it obtains 61.3 instance-averaged "
                            "IoU."))
    assert ("MeshSeg", "PartNet", "instance-averaged IoU", 61.3) in found


def test_a_second_value_of_the_same_measure_and_its_after_an_abbreviation(extract):
    found = _tuples(extract("We propose RotaKG. With the DistMult decoder it obtains a mean "
                            "reciprocal rank (MRR) of 0.421 on FB15k-237 and of 0.372 on "
                            "WN18RR."))
    assert {("RotaKG", "FB15k-237", "MRR", 0.421), ("RotaKG", "WN18RR", "MRR", 0.372)} <= found
    found = _tuples(extract("We propose FalconTrack. FalconTrack is 5 times faster than "
                            "SiamRPN, the winner of the VOT2018 challenge, and its expected "
                            "average overlap (EAO) of 0.412 is the best reported so far."))
    assert ("FalconTrack", "VOT2018", "EAO", 0.412) in found


def test_a_qualified_measure_with_its_value_after_a_comma(extract):
    found = _tuples(extract("We propose StepNet. On Assembly101 it obtains the best top-5 "
                            "verb accuracy, 61.4%."))
    assert ("StepNet", "Assembly101", "top-5 verb accuracy", 61.4) in found
