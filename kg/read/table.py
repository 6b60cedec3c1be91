"""CSV (or tab-separated) exports with a header row naming at least ``abstract``."""

from __future__ import annotations

import csv

from kg.config import Settings
from kg.errors import InputError
from kg.read.common import Parsed
from kg.read.fields import FieldError, paper_from_fields
from kg.records import SourceSpan


def _dialect(header: str) -> str:
    return "\t" if header.count("\t") > header.count(",") else ","


def looks_like(lines: list[str]) -> bool:
    first = next((s.strip() for s in lines if s.strip()), "")
    cells = {c.strip().strip('"').lower() for c in first.split(_dialect(first))}
    return len(cells) >= 2 and ("abstract" in cells or "summary" in cells)


def parse(lines: list[str], path: str, settings: Settings) -> Parsed:
    out = Parsed()
    first = next(i for i, s in enumerate(lines) if s.strip())
    reader = csv.reader((s + "\n" for s in lines[first:]), delimiter=_dialect(lines[first]))
    header = [h.strip() for h in next(reader)]
    start = first + 1  # 1-based line of the header
    for row in reader:
        end = first + reader.line_num
        line = start + 1
        start = end
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            out.errors.append(InputError(path, line, f"expected {len(header)} fields as in the "
                                         f"header, found {len(row)}"))
            continue
        try:
            out.papers.append(paper_from_fields(dict(zip(header, row, strict=True)),
                                                SourceSpan(path, line, end, "csv"), settings))
        except FieldError as exc:
            out.errors.append(InputError(path, line, str(exc)))
    return out
