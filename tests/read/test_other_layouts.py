import datetime as dt
import json

from kg.config import Settings
from kg.read import read_file, sniff


def test_abstract_dump(seeds):
    parsed = read_file(seeds / "001_bd6a0b41eb50a76c.txt", Settings())
    assert len(parsed.papers) == 5 and not parsed.errors
    first, last = parsed.papers[0], parsed.papers[-1]
    assert first.title is None and first.authors == ()
    assert first.abstract.startswith("In this report, we introduce ERNIE 5.0")
    assert last.sources[0].start_line == 13
    assert all(not p.abstract.startswith("Abstract") for p in parsed.papers)


def test_abstract_keeps_odd_text_verbatim(seeds):
    parsed = read_file(seeds / "004_5b7890d6c1ca7d2f.txt", Settings())
    texts = [p.abstract for p in parsed.papers]
    assert any("$O(L^2)$" in t for t in texts)  # LaTeX kept as written
    assert any("https://github.com/PaddlePaddle/PaddleHelix/tree/dev/apps/" in t for t in texts)


def test_pairs_with_boilerplate(seeds):
    parsed = read_file(seeds / "003_511d30445d18b3eb.txt", Settings())
    assert len(parsed.papers) == 18 and not parsed.errors
    first = parsed.papers[0]
    assert first.title == ("RocketQAv2: A Joint Training Method for Dense Passage Retrieval "
                           "and Passage Re-ranking")
    assert first.abstract.startswith("In various natural language processing tasks")
    assert (first.sources[0].start_line, first.sources[0].end_line) == (3, 4)
    assert all(not p.title.startswith(("Get trending", "Subscribe")) for p in parsed.papers)


def test_pairs_title_without_abstract(tmp_path):
    f = tmp_path / "pairs.txt"
    long = "This abstract is long enough to count as prose. " * 5
    f.write_text(f"First Title\n{long}\nOrphan Title\nThird Title\n{long}\n")
    parsed = read_file(f, Settings())
    assert [p.title for p in parsed.papers] == ["First Title", "Third Title"]
    assert parsed.errors[0].line == 3 and "has no abstract" in str(parsed.errors[0])


def test_jsonl(tmp_path):
    f = tmp_path / "export.txt"
    rows = [
        {"title": "A", "authors": ["Ada Lovelace", {"name": "Alan Turing"}],
         "abstract": "We do things.", "date": "2021-05-06", "venue": "NeurIPS"},
        {"title": "B", "authors": "Grace Hopper et al.", "abstract": "More.", "date": "Feb 4"},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert sniff(f.read_text().split("\n")) == "jsonl"
    a, b = read_file(f, Settings(capture_year=2025)).papers
    assert a.authors == ("Ada Lovelace", "Alan Turing") and not a.authors_truncated
    assert a.date == dt.date(2021, 5, 6) and a.extra == (("venue", "NeurIPS"),)
    assert b.authors_truncated and b.date == dt.date(2025, 2, 4) and b.year_inferred


def test_jsonl_named_fields_are_not_also_extra(tmp_path):
    f = tmp_path / "export.jsonl"
    f.write_text(json.dumps({"abstract": "We do things.", "category": "CV", "has_code": False,
                             "organization": "Baidu", "venue": "ICLR"}) + "\n")
    (paper,) = read_file(f, Settings()).papers
    assert (paper.category, paper.has_code, paper.organization) == ("CV", False, "Baidu")
    assert paper.extra == (("venue", "ICLR"),)


def test_jsonl_bad_lines_keep_good_ones(tmp_path):
    f = tmp_path / "export.jsonl"
    f.write_text('{"title": "A", "abstract": "ok"}\n{"title": "B"\n'
                 '{"title": "C"}\n[1, 2]\n{"abstract": "x", "date": "someday"}\n')
    parsed = read_file(f, Settings())
    assert [p.title for p in parsed.papers] == ["A"]
    assert [e.line for e in parsed.errors] == [2, 3, 4, 5]
    assert "expected a non-empty string field 'abstract'" in str(parsed.errors[1])
    assert "not a date" in str(parsed.errors[3])


def test_csv(tmp_path):
    f = tmp_path / "export.csv"
    f.write_text('title,authors,abstract,date\n"A, with comma","X Y; Z W","Multi\nline.",'
                 '2020-01-02\nB,,Short.,\n')
    a, b = read_file(f, Settings()).papers
    assert a.title == "A, with comma" and a.authors == ("X Y", "Z W")
    assert a.abstract == "Multi\nline." and a.sources[0].start_line == 2
    assert a.sources[0].end_line == 3 and b.sources[0].start_line == 4
