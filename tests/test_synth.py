"""The synthetic corpus: deterministic by seed, read back by kg's readers without errors,
merged back to the papers it was made from, with heavy-tailed authorship."""

import re
import statistics
from collections import Counter
from dataclasses import replace

import pytest

from kg.config import Settings
from kg.normalize import text_key
from kg.read import read_paths
from kg.resolve import merge_papers
from kg.synth import CORPUS_LAYOUTS, lexicon_entries, synthetic_papers, write_corpus
from kg.synth.words import DOMAINS


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    a = write_corpus(150, tmp_path / "a", seed=5)
    b = write_corpus(150, tmp_path / "b", seed=5)
    write_corpus(150, tmp_path / "c", seed=6)
    assert [p.name for p in a] == [p.name for p in b]
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")
    assert synthetic_papers(40, seed=1) == synthetic_papers(40, seed=1)
    assert synthetic_papers(40, seed=1) != synthetic_papers(40, seed=2)


@pytest.mark.parametrize(("n", "seed", "layouts"), [
    (400, 0, CORPUS_LAYOUTS),
    (250, 11, ("profile", "pairs")),
    (120, 3, ("abstracts", "jsonl")),
])
def test_every_file_reads_back_and_merges_to_n_papers(tmp_path, n, seed, layouts):
    written = write_corpus(n, tmp_path, seed=seed, layouts=layouts)
    result = read_paths([tmp_path], Settings())
    assert result.errors == ()
    assert sorted(result.files) == sorted(p.as_posix() for p in written)
    assert {s.layout for p in result.papers for s in p.sources} == set(layouts)
    merged = merge_papers(result.papers)
    assert len(merged) == n
    assert len(result.papers) > n  # some papers are in two files
    assert any(len({s.path for s in p.sources}) > 1 for p in merged)
    made = {text_key(p.abstract): p for p in synthetic_papers(n, seed)}
    for paper in merged:
        original = made[text_key(paper.abstract)]
        assert paper.abstract == original.abstract
        assert paper.title in (None, original.title)
        assert set(paper.authors) <= set(original.authors)
        assert paper.date in (None, original.date)


@pytest.mark.parametrize("layout", CORPUS_LAYOUTS)
def test_each_layout_alone_is_sniffed_as_itself(tmp_path, layout):
    write_corpus(60, tmp_path, seed=2, layouts=(layout,))
    result = read_paths([tmp_path], Settings())
    assert result.errors == ()
    assert {s.layout for p in result.papers for s in p.sources} == {layout}
    assert len(merge_papers(result.papers)) == 60


def test_json_lines_read_back_as_the_records_made(tmp_path):
    papers = synthetic_papers(80, seed=9)
    write_corpus(80, tmp_path, seed=9, layouts=("jsonl",), duplicate_rate=0.0)
    read = read_paths([tmp_path], Settings()).papers
    by_key = {text_key(p.abstract): p for p in read}
    assert len(read) == 80
    for paper in papers:
        assert replace(by_key[text_key(paper.abstract)], sources=paper.sources) == paper


def test_profile_listings_have_stats_and_entry_lines(tmp_path):
    # enough papers that every kind of entry line turns up whatever the generator draws
    # (a score, this year's date without the year and "Code" together: about 1% of them)
    write_corpus(1000, tmp_path, seed=4, layouts=("profile",))
    result = read_paths([tmp_path], Settings())
    assert result.profiles and all(p.h_index and p.listed for p in result.profiles)
    text = "\n".join(p.read_text() for p in tmp_path.iterdir())
    assert re.search(r"^\d{1,3}(\.\d)?(?:[a-z-]+\.)?[A-Z]{2,3}[A-Z][a-z]{2} \d{1,2}Code$",
                     text, re.M)
    assert re.search(r"^[A-Z]{2}[A-Z][a-z]{2} \d{1,2}, 20\d\d$", text, re.M)
    assert re.search(r"^[^\n]+, [^\n]+ et al\.", text, re.M)
    assert any(p.year_inferred for p in result.papers)
    assert any(p.authors_truncated for p in result.papers)


def test_authorship_is_heavy_tailed():
    counts = Counter(a for p in synthetic_papers(1000, seed=0) for a in p.authors)
    top, median = max(counts.values()), statistics.median(counts.values())
    assert median <= 3
    assert top >= 10 * median
    assert top <= 300  # a few prolific people, not one person on every paper


def test_papers_look_like_ml_papers():
    papers = synthetic_papers(500, seed=0)
    assert all(120 <= len(p.abstract.split()) <= 300 for p in papers)
    assert len({text_key(p.title) for p in papers}) == 500
    assert len({text_key(p.abstract)[:60] for p in papers}) == 500
    text = "\n".join(f"{p.title}\n{p.abstract}" for p in papers)
    for pattern in (r"\w v\d\b", r"\w\d?v\d\b", r"\w \d\.\d\b", r"-\d+(\.\d)?B\b", r"-[SMLX]\b",
                    r"we propose \S+, an? ", r"outperforms \S+ (and|,) ", r"[Bb]ased on ",
                    r"built upon ", r"fine-tuned from ", r"[Cc]ompared with ",
                    r"on the \S+ benchmark", r"https://github\.com/[\w-]+/[\w.-]+/tree/main/",
                    r"\{this https URL\}", r"\$\\", r"\d+\.\d%"):
        assert re.search(pattern, text), pattern
    dates = [p.date for p in papers]
    assert dates == sorted(dates) and len({d.year for d in dates}) >= 8
    assert [p.date.year for p in papers].count(dates[-1].year) >= 10
    families = Counter(re.sub(r"[ -]?v?\d+(\.\d)?$", "", p.title.split(":")[0].split(" ")[0])
                       for p in papers)
    assert families.most_common(1)[0][1] >= 4  # a family with several versions


def test_lexicon_reader_strips_marks_and_notes():
    forms = {f for e in lexicon_entries("datasets") for f in e.forms}
    assert {"MATH", "Cityscapes", "BSD100"} <= forms
    assert not any(f.startswith("=") or " # " in f or "|" in f for f in forms)


@pytest.mark.parametrize("domain", DOMAINS, ids=lambda d: d.name)
def test_every_domain_keyword_names_a_lexicon_section(domain):
    for lexicon, keywords in (("datasets", domain.datasets), ("metrics", domain.metrics),
                              ("model_families", domain.models), ("tasks", domain.tasks)):
        sections = {e.section.lower() for e in lexicon_entries(lexicon)}
        for keyword in keywords:
            assert any(keyword.lower() in s for s in sections), (lexicon, keyword)


def test_unknown_layout_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="unknown layouts.*csv"):
        write_corpus(5, tmp_path, layouts=("csv",))


def test_a_few_datasets_and_metrics_are_widely_used():
    papers = synthetic_papers(1000, seed=0)
    # The most used dataset is in 3.4-4.0% of 1,000 papers for seeds 0-4 (one per domain
    # section, so no single one dominates), the most used metric in about 45%.
    for lexicon, top_share in (("datasets", 0.03), ("metrics", 0.08)):
        names = sorted({f for e in lexicon_entries(lexicon) for f in e.forms if len(f) > 4},
                       key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
        uses = Counter(n for p in papers for n in set(pattern.findall(p.abstract)))
        counts = sorted(uses.values(), reverse=True)
        assert counts[0] >= top_share * len(papers), (lexicon, uses.most_common(3))
        assert counts[0] >= 10 * statistics.median(counts), (lexicon, uses.most_common(3))
