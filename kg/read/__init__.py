"""Files → Paper records. Layout sniffing lives here only, and looks at content, never at
file names. One module per layout."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.config import Settings
from kg.errors import InputError
from kg.normalize import text_key
from kg.read import abstracts, jsonl, pairs, profile, table
from kg.read.common import Parsed
from kg.records import Paper, ProfileStats

# Most specific first: a profile listing may contain an "Abstract:" line, not the reverse.
LAYOUTS: tuple[tuple[str, object], ...] = (
    ("jsonl", jsonl),
    ("csv", table),
    ("profile", profile),
    ("abstracts", abstracts),
    ("pairs", pairs),
)
EXPECTED = ("a profile listing, an 'Abstract:' dump, title/abstract line pairs, "
            "JSON Lines or CSV with an 'abstract' column")


@dataclass(frozen=True, slots=True)
class ReadResult:
    """Everything read from the inputs, and an error for each bad file or record."""

    papers: tuple[Paper, ...]
    profiles: tuple[ProfileStats, ...]
    errors: tuple[InputError, ...]
    files: tuple[str, ...]


def display_path(path: Path) -> str:
    """The path as users should see it: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every file under ``paths`` in sorted order (hidden files skipped), or an error for a
    path that does not exist or cannot be listed."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / f for f in files if not f.startswith(".")]
            yield from sorted(found)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield InputError(display_path(path), None, "no such file or directory")


def read_lines(path: Path, shown: str) -> list[str]:
    """The file's lines, decoded as UTF-8; InputError for unreadable, empty or binary files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(shown, None, f"cannot read the file: {exc.strerror}") from None
    if not data.strip():
        raise InputError(shown, 1, f"empty file (expected {EXPECTED})")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(shown, line, "binary file (expected UTF-8 text)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(shown, line, f"invalid UTF-8 at byte {exc.start} (expected UTF-8 "
                         "text)") from None
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def sniff(lines: Sequence[str]) -> str | None:
    """The name of the layout of these lines, or None if none fits."""
    for name, module in LAYOUTS:
        if module.looks_like(list(lines)):
            return name
    return None


def read_file(path: Path, settings: Settings) -> Parsed:
    """Parse one file; bad records come back as errors beside the good ones."""
    shown = display_path(path)
    try:
        lines = read_lines(path, shown)
    except InputError as exc:
        return Parsed(errors=[exc])
    layout = sniff(lines)
    if layout is None:
        first = next(i for i, s in enumerate(lines, 1) if s.strip())
        return Parsed(errors=[InputError(shown, first, f"unknown layout (expected {EXPECTED})")])
    parsed = dict(LAYOUTS)[layout].parse(lines, shown, settings)
    wordless = [p for p in parsed.papers if not text_key(p.abstract)]
    for paper in wordless:
        parsed.errors.append(InputError(shown, paper.sources[0].start_line, "expected an "
                                        "abstract with words, found only punctuation"))
    if wordless:
        parsed.papers = [p for p in parsed.papers if text_key(p.abstract)]
        parsed.errors.sort(key=lambda e: e.line or 0)
    return parsed


def read_paths(paths: Iterable[str | Path], settings: Settings,
               progress: Callable[[Iterable[Path | InputError]], Iterable] | None = None,
               ) -> ReadResult:
    """Read every file under ``paths``. A bad file or record becomes an error; the good
    records of every file are kept."""
    papers: list[Paper] = []
    profiles: list[ProfileStats] = []
    errors: list[InputError] = []
    files: list[str] = []
    items = list(input_files(paths))
    for item in progress(items) if progress else items:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        parsed = read_file(item, settings)
        files.append(display_path(item))
        papers += parsed.papers
        profiles += parsed.profiles
        errors += parsed.errors
    return ReadResult(tuple(papers), tuple(profiles), tuple(errors), tuple(files))
