import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kg.normalize import text_key
from kg.records import Paper, SourceSpan
from kg.resolve import merge_papers

GOLD = Path(__file__).parent / "data" / "gold" / "seeds.jsonl"


def test_seed_papers_are_the_73_gold_papers(seed_papers):
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    assert len(seed_papers) == len(gold) == 73
    ours = sorted(text_key(p.abstract)[:40] for p in seed_papers)
    theirs = sorted(text_key(g["abstract_start"])[:40] for g in gold)
    assert ours == theirs
    titled = {text_key(g["abstract_start"])[:40]: g["title"] for g in gold}
    for paper in seed_papers:
        assert paper.title == titled[text_key(paper.abstract)[:40]]


def test_ernie_5_is_one_paper_with_four_sources(seed_papers):
    (paper,) = [p for p in seed_papers if p.title == "ERNIE 5.0 Technical Report"]
    assert sorted(s.layout for s in paper.sources) == ["abstracts", "profile", "profile",
                                                       "profile"]
    assert paper.authors == ("Haifeng Wang", "Hua Wu", "Tian Wu")


def test_untitled_abstracts_merge_with_titled_twin_or_stay_alone(seed_papers):
    untitled = [p for p in seed_papers if p.title is None]
    assert len(untitled) == 4
    assert all(len(p.sources) == 1 and p.sources[0].layout == "abstracts" for p in untitled)


def span(path, line, layout="profile"):
    return (SourceSpan(path, line, line + 3, layout),)


def test_richest_values_win():
    a = Paper("Text of the abstract.", span("a", 1), title="T", authors=("X Y", "Z W"),
              authors_truncated=True, category="CL", score=3.0, has_code=False)
    b = Paper("Text of the abstract, longer.", span("b", 1, "jsonl"), title="T",
              authors=("X Y", "Z W", "Q R"), has_code=True)
    (merged,) = merge_papers([b, a])
    assert merged.abstract == "Text of the abstract, longer."  # merged by title + author
    assert merged.authors == ("X Y", "Z W", "Q R") and not merged.authors_truncated
    assert (merged.category, merged.score, merged.has_code) == ("CL", 3.0, True)
    assert len(merged.sources) == 2


def test_same_title_different_people_stay_apart():
    a = Paper("First abstract about one thing.", span("a", 1), title="Intro", authors=("A B",))
    b = Paper("Second abstract about another.", span("b", 1), title="Intro", authors=("C D",))
    assert len(merge_papers([a, b])) == 2


@given(st.permutations(list(range(6))))
def test_input_order_does_not_matter(order):
    papers = [Paper(f"Abstract number {i % 3}.", span(f"f{i}", i), title=f"T{i % 3}")
              for i in range(6)]
    expected = merge_papers(papers)
    assert merge_papers([papers[i] for i in order]) == expected
    assert len(expected) == 3
