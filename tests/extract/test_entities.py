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
