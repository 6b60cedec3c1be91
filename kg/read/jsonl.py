"""JSON Lines exports: one JSON object per line (``title``, ``authors``, ``abstract``,
``date``, ...; see :mod:`kg.read.fields`)."""

from __future__ import annotations

import json

from kg.config import Settings
from kg.errors import InputError
from kg.read.common import Parsed
from kg.read.fields import FieldError, paper_from_fields
from kg.records import SourceSpan


def looks_like(lines: list[str]) -> bool:
    first = next((s.strip() for s in lines if s.strip()), "")
    return first.startswith("{")


def parse(lines: list[str], path: str, settings: Settings) -> Parsed:
    out = Parsed()
    for i, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            out.errors.append(InputError(path, i, f"expected a JSON object: {exc.msg} "
                                         f"(column {exc.colno})"))
            continue
        if not isinstance(row, dict):
            out.errors.append(InputError(path, i, "expected a JSON object, not "
                                         f"{type(row).__name__}"))
            continue
        try:
            out.papers.append(paper_from_fields(row, SourceSpan(path, i, i, "jsonl"), settings))
        except FieldError as exc:
            out.errors.append(InputError(path, i, str(exc)))
    return out
