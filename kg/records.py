"""Plain frozen records passed between the stages of kg.

Every record that comes from an input file carries the :class:`SourceSpan` it was read
from, so that every fact in the graph can be traced back to a file and a line span.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LAYOUTS = ("profile", "abstracts", "pairs", "jsonl", "csv")


@dataclass(frozen=True, slots=True, order=True)
class SourceSpan:
    """Where a record was read: a file (as given, POSIX separators) and 1-based lines."""

    path: str
    start_line: int
    end_line: int
    layout: str


@dataclass(frozen=True, slots=True)
class ProfileStats:
    """The stats header of an author-profile listing (one per profile file)."""

    source: SourceSpan
    owner: str | None = None
    category: str | None = None  # a bare category line under the owner's name, e.g. "CL"
    h_index: int | None = None
    papers: int | None = None
    citations: int | None = None
    novelty: float | None = None  # percent, e.g. 60.0 for "Novelty60%"
    ai_score: float | None = None
    listed: int | None = None  # the "13 Papers" heading above the entries


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper as read from one place, or (after merging) from several.

    ``date`` has the year of the listing's capture when the listing gave none; then
    ``year_inferred`` is true. ``has_code`` is None where the layout cannot say.
    Text fields are verbatim: cleaning happens downstream.
    """

    abstract: str
    sources: tuple[SourceSpan, ...]
    title: str | None = None
    authors: tuple[str, ...] = ()
    authors_truncated: bool = False
    organization: str | None = None  # the tag after " · " on an author line
    category: str | None = None  # arXiv category code, e.g. "CL"
    date: dt.date | None = None
    year_inferred: bool = False
    score: float | None = None
    has_code: bool | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())  # other JSONL/CSV fields, sorted
