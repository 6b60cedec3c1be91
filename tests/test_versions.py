"""Model names → base, version and qualifiers; families; successor lines (kg.versions)."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kg.normalize import name_key
from kg.versions import (
    QUALIFIER_WORDS,
    SIZE_LETTERS,
    ModelName,
    family_name,
    parse_model_name,
    successor_pairs,
)


def plain_segment(s: str) -> bool:
    return s.lower() not in QUALIFIER_WORDS and s.lower() not in SIZE_LETTERS


# Bases as papers write them: one or two capitalised words, hyphen- or space-joined.
segments = st.from_regex(r"[A-Z][A-Za-z]{2,7}", fullmatch=True).filter(plain_segment)
bases = st.builds(lambda a, sep, b: a + (sep + b if b else ""), segments,
                  st.sampled_from(["-", " "]), st.one_of(st.just(""), segments))
# Versions a name can carry unambiguously: 1-9, or dotted (2.0, 3.5, 1.10).
versions = st.one_of(
    st.tuples(st.integers(1, 9)),
    st.lists(st.integers(0, 20), min_size=2, max_size=3).map(tuple),
)


def written(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


@given(bases, versions, st.sampled_from([" ", "-", " v", "-v", "-V"]))
def test_a_separate_version_is_split_off(base, version, sep):
    assert parse_model_name(f"{base}{sep}{written(version)}") == ModelName(base, version, ())


@given(bases, versions, st.sampled_from(["", "v", "V"]))
def test_an_attached_version_is_split_off(base, version, v):
    assume(not base.endswith(("v", "V")) or v)  # "Abv2" reads as "Ab" v2
    parsed = parse_model_name(f"{base}{v}{written(version)}")
    assert (parsed.base, parsed.version) == (base, version)


@given(bases, versions, st.sampled_from(["7B", "0.9B", "A3B", "L", "XL", "large", "Titan"]))
def test_a_size_or_variant_suffix_is_a_qualifier_not_a_version(base, version, suffix):
    for name in (f"{base} {written(version)}-{suffix}", f"{base}-{written(version)} {suffix}"):
        parsed = parse_model_name(name)
        assert (parsed.base, parsed.version) == (base, version)
        assert parsed.qualifiers == (suffix.lower(),)
    assert parse_model_name(f"{base}-{suffix}") == ModelName(base, None, (suffix.lower(),))


@given(bases, versions)
def test_spellings_with_one_key_parse_alike(base, version):
    spellings = [f"{base} {written(version)}", f"{base.replace(' ', '-')}-{written(version)}",
                 f"{base.lower().replace(' ', '')}{written(version)}"]
    assume(not base.lower().endswith("v"))
    parsed = [parse_model_name(s) for s in spellings]
    assert len({name_key(s) for s in spellings}) == 1
    assert {(p.base_key, p.step) for p in parsed} == {(name_key(base), parsed[0].step)}


@given(bases, st.integers(10, 999))
def test_a_bare_number_of_two_or_more_digits_is_a_size(base, number):
    assert parse_model_name(f"{base}-{number}") == ModelName(base, None, (str(number),))


@given(bases)
def test_a_name_without_version_is_version_one(base):
    assert parse_model_name(base).version is None
    assert parse_model_name(base).step == (1,)


@pytest.mark.parametrize("name, base, version, qualifiers", [
    ("PP-OCRv3", "PP-OCR", (3,), ()),
    ("PaddleOCR-VL-1.5", "PaddleOCR-VL", (1, 5), ()),
    ("PaddleOCR-VL-0.9B", "PaddleOCR-VL", None, ("0.9b",)),
    ("ERNIE 3.0 Titan", "ERNIE", (3, 0), ("titan",)),
    ("ERNIE-ViLG 2.0", "ERNIE-ViLG", (2, 0), ()),
    ("ernie-vilg2.0", "ernie-vilg", (2, 0), ()),
    ("ERNIE-Layout", "ERNIE-Layout", None, ()),
    ("PP-DocLayout-L", "PP-DocLayout", None, ("l",)),
    ("MobileNetV3-large", "MobileNet", (3,), ("large",)),
    ("RT-DETR-L", "RT-DETR", None, ("l",)),
    ("KnowRL-Nemotron-1.5B", "KnowRL-Nemotron", None, ("1.5b",)),
    ("Qwen2.5-VL-7B", "Qwen-VL", (2, 5), ("7b",)),
    ("GPT-4o", "GPT", (4,), ("o",)),
    ("AlphaFold2", "AlphaFold", (2,), ()),
    ("ResNet-50", "ResNet", None, ("50",)),
    ("T5", "T5", None, ()),
    ("BERT", "BERT", None, ()),
])
def test_known_names(name, base, version, qualifiers):
    assert parse_model_name(name) == ModelName(base, version, qualifiers)


def test_families_are_bases():
    assert [family_name(n) for n in ("PP-OCRv3", "PaddleOCR-VL-1.5", "ERNIE 3.0 Titan",
                                     "ERNIE-ViLG 2.0", "PP-DocLayout-S")] == [
        "PP-OCR", "PaddleOCR-VL", "ERNIE", "ERNIE-ViLG", "PP-DocLayout"]


def test_successors_are_consecutive_versions_of_one_line():
    names = ["PP-OCR", "PP-OCRv2", "PP-OCRv3", "ERNIE 3.0", "ERNIE 3.0 Titan", "ERNIE 2.0",
             "PaddleOCR-VL", "PaddleOCR-VL-1.5", "PaddleOCR-VL-1.6", "PaddleOCR-VL-0.9B",
             "PP-DocLayout", "PP-DocLayout-L", "PP-DocLayout-M", "ERNIE-ViLG",
             "ERNIE-ViLG 2.0", "ERNIE-Layout"]
    assert successor_pairs(names) == [
        ("ERNIE 3.0", "ERNIE 2.0"),
        ("ERNIE-ViLG 2.0", "ERNIE-ViLG"),
        ("PP-OCRv2", "PP-OCR"),
        ("PP-OCRv3", "PP-OCRv2"),  # not PP-OCRv3 -> PP-OCR: v2 is in between
        ("PaddleOCR-VL-1.5", "PaddleOCR-VL"),
        ("PaddleOCR-VL-1.6", "PaddleOCR-VL-1.5"),
    ]


def test_one_version_written_two_ways_is_one_step():
    assert successor_pairs(["X-Net 3", "X-Net 3.0", "X-Net 2"]) == [
        ("X-Net 3", "X-Net 2"), ("X-Net 3.0", "X-Net 2")]
    assert successor_pairs(["X-Net 3", "X-Net 3.0"]) == []
    # a name without a version is version 1, the same step as an explicit 1
    assert successor_pairs(["Foo", "Foo 1", "Foo 2"]) == [("Foo 2", "Foo"), ("Foo 2", "Foo 1")]


@given(bases, st.sets(versions, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_successor_pairs_form_one_chain_in_version_order(base, found, rnd):
    names = [f"{base} {written(v)}" for v in found]
    steps = {n: parse_model_name(n).step for n in names}
    assume(len(set(steps.values())) == len(names))  # 2 and 2.0 are one step
    pairs = successor_pairs(names)
    ordered = sorted(names, key=steps.get)
    assert pairs == sorted(zip(ordered[1:], ordered[:-1], strict=True))
    assert all(steps[later] > steps[earlier] for later, earlier in pairs)
    shuffled = names[:]
    rnd.shuffle(shuffled)
    assert successor_pairs(shuffled) == pairs


@given(bases, versions, st.sampled_from(["7B", "L", "large", "Titan", "0.9B"]))
def test_variants_are_never_successors(base, version, suffix):
    names = [f"{base} {written(version)}", f"{base} {written(version)} {suffix}", base,
             f"{base}-{suffix}"]
    for later, earlier in successor_pairs(names):
        assert parse_model_name(later).qualifiers == parse_model_name(earlier).qualifiers


def test_successor_pairs_ignore_order_and_duplicates():
    names = ["PP-OCRv3", "PP-OCRv2", "PP-OCR", "PP-OCRv2"]
    expected = successor_pairs(names)
    for seed in range(5):
        shuffled = names[:]
        random.Random(seed).shuffle(shuffled)
        assert successor_pairs(shuffled) == expected
