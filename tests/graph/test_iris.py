"""IRIs are minted from content only: stable, distinct, and valid in N-Triples."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.graph.iris import (
    authorship_iri,
    entity_iri,
    mention_iri,
    mention_selector_iri,
    mention_target_iri,
    organization_iri,
    paper_iri,
    paper_key,
    person_iri,
    profile_iri,
    result_iri,
    source_iri,
)
from kg.graph.vocab import ID, KG
from kg.normalize import name_key, text_key
from kg.records import Paper, ProfileStats, SourceSpan

SPAN = SourceSpan("a.txt", 1, 2, "abstracts")
# An IRI that needs no escaping anywhere: ASCII, none of <>"{}|^`\ or spaces.
SAFE_IRI = re.compile(r"https://w3id\.org/mlkg/id/[A-Za-z0-9._~/\-]+")

abstracts = st.text(min_size=1, max_size=300).filter(text_key)
keys = st.text(min_size=1, max_size=40)


def paper(abstract: str, **fields) -> Paper:
    return Paper(abstract, (SPAN,), **fields)


def round_trips(iri: URIRef) -> bool:
    g = Graph()
    g.add((iri, KG.alias, Literal("x")))
    parsed = Graph().parse(data=g.serialize(format="nt"), format="nt")
    return set(parsed.subjects()) == {iri}


@given(abstracts)
def test_same_abstract_gives_the_same_iri_whatever_else_differs(text):
    a = paper(text, title="One", authors=("A B",))
    b = Paper(text, (SourceSpan("other.txt", 9, 9, "jsonl"),), title="Two", score=1.0)
    assert paper_iri(a) == paper_iri(b)
    assert SAFE_IRI.fullmatch(paper_iri(a))


@given(abstracts, abstracts)
def test_different_abstracts_give_different_iris(a, b):
    assume(paper_key(paper(a)) != paper_key(paper(b)))
    assert paper_iri(paper(a)) != paper_iri(paper(b))


def test_paper_iri_ignores_spacing_case_punctuation_and_the_abstract_label():
    assert paper_iri(paper("Abstract: We  propose X.")) == paper_iri(paper("we propose x"))


def test_paper_iri_is_fixed_by_the_start_of_the_abstract():
    """The same 200 key characters (the key kg.resolve merges on) give the same IRI, so a
    longer copy of an abstract does not move the paper."""
    start = "word " * 60
    assert paper_iri(paper(start + "ends here.")) == paper_iri(paper(start + "ends there."))
    assert paper_iri(paper("short one")) != paper_iri(paper("short two"))


def test_paper_iri_is_pinned():
    """The scheme is part of the output: changing it moves every paper."""
    assert paper_iri(paper("We propose X.")) == ID["paper/ef6ab480fc37e313"]


def test_a_paper_without_letters_or_digits_has_no_iri():
    with pytest.raises(ValueError, match="no letters or digits"):
        paper_iri(paper(" -- "))


@given(keys)
def test_entity_iris_are_stable_safe_and_round_trip(key):
    assume(key)
    iri = entity_iri("Model", key)
    assert iri == entity_iri("Model", key)
    assert SAFE_IRI.fullmatch(iri), iri
    assert round_trips(iri)


@settings(max_examples=300)
@given(keys, keys)
def test_different_keys_give_different_entity_iris(a, b):
    assume(a != b)
    assert entity_iri("Dataset", a) != entity_iri("Dataset", b)


def test_plain_keys_are_readable_and_others_hashed():
    assert entity_iri("Model", "ernievilg2.0") == ID["model/ernievilg2.0"]
    assert (entity_iri("Repository", "github.com/paddlepaddle/paddleocr")
            == ID["repository/github.com/paddlepaddle/paddleocr"])
    odd = entity_iri("Model", "文心一言")
    assert re.fullmatch(r".*/model/_[0-9a-f]{12}", odd)
    assert re.fullmatch(r".*/task/a-b_[0-9a-f]{12}", entity_iri("Task", "a b"))
    # a key that looks like a hashed segment is still kept apart from it
    assert entity_iri("Task", "a-b") != entity_iri("Task", "a b")


def test_entity_types_are_separate_and_checked():
    assert entity_iri("Model", "ernie") != entity_iri("Method", "ernie")
    with pytest.raises(ValueError, match="unknown entity type 'Modle'"):
        entity_iri("Modle", "ernie")
    with pytest.raises(ValueError, match="empty key"):
        entity_iri("Model", "")


def test_person_iri_follows_person_key():
    assert person_iri("Hua Wu") == person_iri("  hua  WU ") == person_iri("Hua, Wu.")
    assert person_iri("Hua Wu") != person_iri("Hu Awu")
    assert SAFE_IRI.fullmatch(person_iri("Zoë Ångström-Núñez"))
    with pytest.raises(ValueError):
        person_iri(" . ")


def test_organization_iri_is_the_organization_entity():
    assert organization_iri("Baidu Inc.") == entity_iri("Organization", name_key("Baidu Inc."))
    assert organization_iri("baidu") == organization_iri("BAIDU")


def test_source_iri_depends_on_every_field_of_the_span():
    base = source_iri(SPAN)
    assert base == source_iri(SourceSpan("a.txt", 1, 2, "abstracts"))
    others = [SourceSpan("b.txt", 1, 2, "abstracts"), SourceSpan("a.txt", 2, 2, "abstracts"),
              SourceSpan("a.txt", 1, 3, "abstracts"), SourceSpan("a.txt", 1, 2, "pairs")]
    assert len({base, *map(source_iri, others)}) == 5


def test_profile_iri_from_owner_or_from_file():
    owned = ProfileStats(SourceSpan("p.txt", 1, 5, "profile"), owner="Hua Wu", h_index=45)
    copy = ProfileStats(SourceSpan("copy/p.txt", 1, 5, "profile"), owner="hua wu", h_index=45)
    assert profile_iri(owned) == profile_iri(copy)
    later = ProfileStats(SourceSpan("p.txt", 1, 5, "profile"), owner="Hua Wu", h_index=46)
    assert profile_iri(owned) != profile_iri(later)
    anon = ProfileStats(SourceSpan("p.txt", 1, 5, "profile"), h_index=45)
    anon_elsewhere = ProfileStats(SourceSpan("q.txt", 1, 5, "profile"), h_index=45)
    assert len({profile_iri(owned), profile_iri(anon), profile_iri(anon_elsewhere)}) == 3


def test_iris_under_a_paper():
    p = paper_iri(paper("We propose X."))
    assert authorship_iri(p, 3) == URIRef(f"{p}/author/3")
    with pytest.raises(ValueError):
        authorship_iri(p, 0)
    m = mention_iri(p, "abstract", "Model", 10, 22, "ernie")
    assert re.fullmatch(rf"{p}/mention/abstract/model/10-22/[0-9a-f]{{8}}", m)
    assert mention_target_iri(m) == URIRef(f"{m}/target")
    assert mention_selector_iri(m) == URIRef(f"{m}/selector")
    for start, end in ((5, 5), (-1, 3), (7, 2)):
        with pytest.raises(ValueError):
            mention_iri(p, "abstract", "Model", start, end, "ernie")
    with pytest.raises(ValueError, match="unknown text field 'body'"):
        mention_iri(p, "body", "Model", 1, 2, "ernie")


def test_result_iri_depends_on_what_was_measured():
    p = paper_iri(paper("We propose X."))
    r = result_iri(p, "x", "coco", "fid", 6.75)
    assert r == result_iri(p, "x", "coco", "fid", 6.75)
    assert str(r).startswith(f"{p}/result/")
    variants = [result_iri(p, "y", "coco", "fid", 6.75), result_iri(p, "x", None, "fid", 6.75),
                result_iri(p, "x", "coco", "map", 6.75), result_iri(p, "x", "coco", "fid", 6.5),
                result_iri(p, "x", "coco", "fid", 6.75, "%")]
    assert len({r, *variants}) == 6
    with pytest.raises(ValueError, match="finite"):
        result_iri(p, "x", "coco", "fid", float("nan"))
