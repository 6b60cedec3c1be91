"""``Abstract:`` dumps: one paper per ``Abstract:`` line, no titles, blank lines between.

A non-blank line that does not start with ``Abstract:`` continues the abstract above it.
"""

from __future__ import annotations

import re

from kg.config import Settings
from kg.errors import InputError
from kg.read.common import Parsed
from kg.records import Paper, SourceSpan

LABEL = re.compile(r"^\s*Abstract\s*:\s*", re.IGNORECASE)


def looks_like(lines: list[str]) -> bool:
    first = next((s for s in lines if s.strip()), "")
    return bool(LABEL.match(first))


def parse(lines: list[str], path: str, settings: Settings) -> Parsed:
    out = Parsed()
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if not current:
            return
        start, end = current[0][0], current[-1][0]
        text = "\n".join(s for _, s in current).strip()
        if text:
            out.papers.append(Paper(abstract=text,
                                    sources=(SourceSpan(path, start, end, "abstracts"),)))
        else:
            out.errors.append(InputError(path, start, "empty abstract after 'Abstract:'"))
        current.clear()

    for i, raw in enumerate(lines, 1):
        s = raw.strip()
        if not s:
            continue
        if m := LABEL.match(raw):
            flush()
            current.append((i, raw[m.end():].strip()))
        elif current:
            current.append((i, s))
        else:
            out.errors.append(InputError(path, i, "expected a line starting with 'Abstract:'"))
    flush()
    return out
