"""Bad files: each gives `file:line: what was expected`, and good files beside it are read."""

import os

from kg.config import Settings
from kg.read import read_paths

GOOD = "Abstract: We show that a small thing works well on a big benchmark.\n"


def read(*paths):
    return read_paths(paths, Settings())


def only_error(result):
    (error,) = result.errors
    return str(error)


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("\n  \n")
    assert only_error(read(tmp_path)).endswith("empty.txt:1: empty file (expected a profile "
                                               "listing, an 'Abstract:' dump, title/abstract "
                                               "line pairs, JSON Lines or CSV with an "
                                               "'abstract' column)")


def test_binary_file(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert only_error(read(tmp_path)).endswith("image.png:3: binary file (expected UTF-8 text)")


def test_invalid_utf8_names_the_line(tmp_path):
    (tmp_path / "latin1.txt").write_bytes(GOOD.encode() + "Abstract: caf\xe9".encode("latin-1"))
    message = only_error(read(tmp_path))
    assert "latin1.txt:2: invalid UTF-8 at byte" in message


def test_unknown_layout(tmp_path):
    (tmp_path / "notes.txt").write_text("\nshopping list\neggs\nmilk\n")
    assert "notes.txt:2: unknown layout (expected a profile listing" in only_error(read(tmp_path))


def test_missing_path(tmp_path):
    assert "nowhere: no such file or directory" in only_error(read(tmp_path / "nowhere"))


def test_unreadable_file_beside_good_ones(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    os.symlink(tmp_path / "gone", tmp_path / "dangling.txt")  # unreadable even for root
    result = read(tmp_path)
    assert "dangling.txt: cannot read the file: No such file or directory" in only_error(result)
    assert len(result.papers) == 1


def test_directory_walk_is_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text(GOOD)
    (tmp_path / "a.txt").write_text(GOOD.replace("small", "tiny"))
    (tmp_path / ".hidden").write_bytes(b"\x00")
    result = read(tmp_path)
    assert not result.errors
    assert [f.rsplit("/", 2)[-1] for f in result.files] == ["a.txt", "x.txt"]


def test_crlf_line_endings(tmp_path):
    (tmp_path / "dos.txt").write_bytes(GOOD.replace("\n", "\r\n").encode() * 2)
    result = read(tmp_path)
    assert not result.errors and "\r" not in result.papers[0].abstract


def test_abstract_of_punctuation_only(tmp_path):
    (tmp_path / "dots.txt").write_text(GOOD + "Abstract: ...\n")
    result = read(tmp_path)
    assert "dots.txt:2: expected an abstract with words, found only punctuation" in \
        only_error(result)
    assert len(result.papers) == 1
