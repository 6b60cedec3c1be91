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


ENTITY_TYPES = ("Model", "Dataset", "Metric", "Organization", "Repository",
                "Method", "Software", "Task", "Hardware")
RELATIONS = ("basedOn", "usesComponent", "comparedWith", "evaluatedOn")


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """A name an extractor found in a paper's text.

    ``field`` is ``"title"`` or ``"abstract"``; ``start``/``end`` are character offsets in
    that field. ``name`` is the cleaned surface form (for a Repository, the normalised
    ``github.com/owner/repo``). ``rule`` names the component and rule that found it.
    """

    field: str
    start: int
    end: int
    type: str
    name: str
    rule: str
    aliases: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()  # e.g. (("subPath", "tree/main/x"),)


@dataclass(frozen=True, slots=True, order=True)
class Relation:
    """``subject predicate object`` between entity names, stated by one sentence."""

    subject: str
    predicate: str
    object: str
    field: str
    start: int  # the sentence that states it
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Result:
    """A number reported for a model under a metric, on a dataset if the text names one;
    with no metric when the text names none ("69% on MMLU"): then it names the dataset."""

    model: str
    dataset: str | None
    metric: str | None
    value: float
    unit: str | None
    field: str
    start: int  # the number as written
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one paper."""

    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    results: tuple[Result, ...] = ()


@dataclass(frozen=True, slots=True, order=True)
class Entity:
    """One real thing named across all papers (kg.entities resolves mentions to these).

    ``key`` is the matching key of ``name`` (``name_key``; for a Repository the normalised
    ``github.com/owner/repo``); ``name`` is the display name, the most frequent surface form;
    ``aliases`` are the other names and spellings, sorted; ``family`` is the model family
    (Models only, else None).
    """

    type: str
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    family: str | None = None
