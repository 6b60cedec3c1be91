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
