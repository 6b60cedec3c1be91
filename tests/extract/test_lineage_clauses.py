"""Relations across a sentence's clauses: the subject of a second verb ("X does A and is
compared with B"), and where a list of objects ends (at the next verb)."""

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
