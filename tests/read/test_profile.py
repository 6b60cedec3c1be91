import datetime as dt

import pytest

from kg.config import Settings
from kg.read import profile, read_file, sniff
from kg.read.common import parse_author_line


def by_title(parsed, start):
    return next(p for p in parsed.papers if p.title and p.title.startswith(start))


@pytest.fixture(scope="module")
def p000(seeds):
    return read_file(seeds / "000_03b9c1b83772665b.txt", Settings())


@pytest.fixture(scope="module")
def p004(seeds):
    return read_file(seeds / "004_5b7890d6c1ca7d2f.txt", Settings())


def test_score_category_inferred_year_and_code_flag(p000):
    paper = by_title(p000, "KnowRL:")  # "99.5AIApr 14Code"
    assert paper.score == 99.5
    assert paper.category == "AI"
    assert paper.date == dt.date(2026, 4, 14)
    assert paper.year_inferred is True
    assert paper.has_code is True


def test_full_date_without_code(p000):
    paper = by_title(p000, "ERNIE-ViLG 2.0:")  # "CVOct 27, 2022"
    assert (paper.score, paper.category, paper.date) == (None, "CV", dt.date(2022, 10, 27))
    assert paper.year_inferred is False
    assert paper.has_code is False


def test_authors_truncation_and_org_tag(p004):
    paper = by_title(p004, "HelixFold:")
    assert paper.authors == ("Guoxia Wang", "Xiaomin Fang", "Zhihua Wu")
    assert paper.authors_truncated is True
    assert paper.organization == "baidu"
    assert paper.abstract.startswith("Accurate protein structure prediction")
    assert paper.sources[0].start_line == 9 and paper.sources[0].end_line == 14


def test_capture_year_is_a_setting(seeds):
    parsed = read_file(seeds / "000_03b9c1b83772665b.txt", Settings(capture_year=2031))
    assert by_title(parsed, "ERNIE 5.0").date == dt.date(2031, 2, 4)


def test_stats_header_with_owner(seeds):
    parsed = read_file(seeds / "002_91ed4e8dd168b551.txt", Settings())
    (stats,) = parsed.profiles
    assert stats.owner == "Zhida Feng"
    assert stats.category == "CL"
    assert (stats.h_index, stats.papers, stats.citations) == (45, 4, 174)
    assert (stats.novelty, stats.ai_score, stats.listed) == (45.0, 46.0, 4)
    assert len(parsed.papers) == 4 and not parsed.errors


def test_stats_header_thousands(p004):
    (stats,) = p004.profiles
    assert stats.owner is None and stats.citations == 2501 and stats.papers == 44
    assert len(p004.papers) == 44


@pytest.mark.parametrize("line, score, cat, date", [
    ("99.5AIApr 14Code", "99.5", "AI", "Apr 14"),
    ("CVOct 12, 2022Code", None, "CV", "Oct 12, 2022"),
    ("CLFeb 4", None, "CL", "Feb 4"),
    ("42.7CVJun 2", "42.7", "CV", "Jun 2"),
    ("stat.MLMay 3, 2021", None, "stat.ML", "May 3, 2021"),
])
def test_entry_line(line, score, cat, date):
    m = profile.ENTRY.match(line)
    assert (m["score"], m["cat"], m["date"]) == (score, cat, date)


def test_entry_line_rejects_prose():
    assert profile.ENTRY.match("CV models are Oct 12 2022") is None


def test_author_line_without_truncation():
    line = parse_author_line("Ada Lovelace and Alan Turing")
    assert line.authors == ("Ada Lovelace", "Alan Turing") and not line.truncated


def test_sniffed_from_content_not_name(tmp_path, seeds):
    text = (seeds / "002_91ed4e8dd168b551.txt").read_text()
    renamed = tmp_path / "notes.jsonl"
    renamed.write_text(text)
    assert sniff(text.split("\n")) == "profile"
    assert len(read_file(renamed, Settings()).papers) == 4


TRUNCATED = """h-index3
2papers

CLFeb 4, 2024
A Paper With Everything

Ada Lovelace, Alan Turing et al.

We study a thing at length and report results that are long enough to be an abstract here.

CVMar 5, 2024
A Paper Whose Abstract Was Cut

Grace Hopper, Edsger Dijkstra et al.
"""


def test_truncated_paper_is_an_error_and_the_good_one_is_kept(tmp_path):
    f = tmp_path / "listing.txt"
    f.write_text(TRUNCATED)
    parsed = read_file(f, Settings())
    assert [p.title for p in parsed.papers] == ["A Paper With Everything"]
    (error,) = parsed.errors
    assert error.line == 12  # the title line
    assert "'A Paper Whose Abstract Was Cut' has no abstract" in str(error)


def test_invalid_date_is_an_error(tmp_path):
    f = tmp_path / "listing.txt"
    f.write_text("h-index3\n\nCLFeb 30, 2024\nTitle\n\nA B, C D\n\n" + "Long text. " * 20)
    parsed = read_file(f, Settings())
    assert not parsed.papers
    assert parsed.errors[0].line == 3


def test_a_long_author_line_with_initials_is_not_taken_for_the_abstract(tmp_path):
    path = tmp_path / "initials.txt"
    path.write_text(
        "h-index12\n30papers\n\nCVMay 2, 2022\nA Vision-Language Model\n\n"
        "Junnan Li, Ramprasaath R. Selvaraju, Akhilesh Deepak Gotmare, Shafiq Joty, "
        "Caiming Xiong et al. · salesforce\n\n"
        "We present a model that learns to align images and text before fusing them. It "
        "reaches strong results on retrieval and question answering benchmarks.\n")
    (paper,) = read_file(path, Settings()).papers
    assert paper.authors[:2] == ("Junnan Li", "Ramprasaath R. Selvaraju")
    assert paper.authors_truncated
    assert paper.organization == "salesforce" and paper.abstract.startswith("We present")


def test_an_author_line_of_many_names_over_200_characters_is_still_names(tmp_path):
    names = ("Ana María Pérez-Gómez, José Luis Martín-Rodríguez, Iván Sevillano-García, "
             "Manuel Rey-Area, David Charte, Emilio Guirado, Juan Luis Suárez, Julián Luengo, "
             "M. A. Valero-González, Domingo Alcaraz-Segura, Francisco Herrera")
    assert len(names) > 200
    path = tmp_path / "many.txt"
    path.write_text("h-index12\n30papers\n\neess.IVJun 2, 2020\nA Chest X-Ray Dataset\n\n"
                    f"{names} · ugr\n\nChest X-ray imaging is cheap and fast. We collect a "
                    "balanced dataset of images and train a classifier on it.\n")
    (paper,) = read_file(path, Settings()).papers
    assert len(paper.authors) == 11 and paper.authors[-1] == "Francisco Herrera"
    assert paper.organization == "ugr" and paper.abstract.startswith("Chest X-ray")


@pytest.mark.parametrize("category", ["cs.LG", "stat.ML", "physics.comp-ph",
                                      "cond-mat.stat-mech", "q-bio.BM", "quant-ph"])
def test_arxiv_categories_open_an_entry(tmp_path, category):
    listing = tmp_path / "listing.txt"
    listing.write_text(
        "12papers\n\n"
        "LGMar 3, 2021\nA First Paper on Kernels\n\nAda Lovelace, Alan Turing\n\n"
        "We study kernels for graphs and show that they separate more graphs than before.\n\n"
        f"{category}Jun 9, 2020Code\nA Second Paper on Molecules\n\nGrace Hopper · acme\n\n"
        "We learn force fields for molecules from few samples and release the code.\n",
        encoding="utf-8")
    parsed = read_file(listing, Settings())
    second = by_title(parsed, "A Second Paper")
    assert (second.category, second.date, second.has_code) == (category, dt.date(2020, 6, 9),
                                                              True)
    assert by_title(parsed, "A First Paper").abstract.endswith("than before.")


def test_an_entry_line_with_an_unknown_category_is_an_error_not_part_of_an_abstract(tmp_path):
    f = tmp_path / "listing.txt"
    f.write_text("12papers\n\nLGMar 3, 2021\nA First Paper\n\nAda Lovelace, Alan Turing\n\n"
                 "We study kernels for graphs.\n\nweird/catJun 9, 2020Code\nA Second Paper\n\n"
                 "Grace Hopper\n\nWe learn force fields.\n\nCVJan 2, 2020\nA Third Paper\n\n"
                 "Ada Lovelace\n\nWe segment cells in images.\n")
    parsed = read_file(f, Settings())
    assert [p.title for p in parsed.papers] == ["A Third Paper"]  # no abstract runs on
    (error,) = parsed.errors
    assert error.line == 10 and "'weird/cat' is not a category kg knows" in str(error)
