"""Papers from named fields, as exports from other tools give them (JSON Lines, CSV)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.config import Settings
from kg.read.common import parse_author_line, parse_date
from kg.records import Paper, SourceSpan

ALIASES = {
    "abstract": ("abstract", "summary"),
    "title": ("title", "name"),
    "authors": ("authors", "author"),
    "date": ("date", "published", "datePublished", "publication_date"),
    "category": ("category", "primary_category"),
    "score": ("score",),
    "has_code": ("has_code", "code"),
    "organization": ("organization", "org", "affiliation"),
    "authors_truncated": ("authors_truncated",),
}
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


class FieldError(ValueError):
    """A field with a value of the wrong shape; the reader adds the file and line."""


def paper_from_fields(row: Mapping[str, Any], span: SourceSpan, settings: Settings) -> Paper:
    """One paper from a mapping of field names (see ALIASES) to values.

    >>> from kg.config import Settings
    >>> p = paper_from_fields({"title": "T", "abstract": "A.", "authors": "X Y, Z W et al.",
    ...                        "date": "2021-03-04"}, SourceSpan("f", 1, 1, "jsonl"), Settings())
    >>> p.authors, p.authors_truncated, p.date.isoformat()
    (('X Y', 'Z W'), True, '2021-03-04')
    """
    used: set[str] = set()

    def get(name: str) -> Any:
        for alias in ALIASES[name]:
            if alias in row and row[alias] not in (None, ""):
                used.add(alias)
                return row[alias]
            used.add(alias)
        return None

    abstract = get("abstract")
    if not isinstance(abstract, str) or not abstract.strip():
        raise FieldError("expected a non-empty string field 'abstract'")
    title = get("title")
    if title is not None and not isinstance(title, str):
        raise FieldError(f"field 'title' must be a string, not {title!r}")
    authors, truncated, org = _authors(get("authors"))
    date = inferred = None
    if (raw_date := get("date")) is not None:
        try:
            date, inferred = parse_date(str(raw_date), settings.capture_year)
        except ValueError as exc:
            raise FieldError(str(exc)) from None
    score = get("score")
    try:
        score = float(score) if score is not None else None
    except (TypeError, ValueError):
        raise FieldError(f"field 'score' must be a number, not {score!r}") from None
    explicit_trunc = _bool(get("authors_truncated"), "authors_truncated")
    organization = (str(o).strip() or None) if (o := get("organization")) else org
    category = str(c).strip() if (c := get("category")) is not None else None
    has_code = _bool(get("has_code"), "has_code")
    # Only after every get(): the fields read above are not "other" fields.
    extra = tuple(sorted((k, v if isinstance(v, str) else str(v))
                         for k, v in row.items() if k not in used and v not in (None, "")))
    return Paper(
        abstract=abstract.strip(),
        sources=(span,),
        title=" ".join(title.split()) or None if title else None,
        authors=authors,
        authors_truncated=truncated if explicit_trunc is None else explicit_trunc,
        organization=organization,
        category=category,
        date=date,
        year_inferred=bool(inferred),
        score=score,
        has_code=has_code,
        extra=extra,
    )


def _authors(value: Any) -> tuple[tuple[str, ...], bool, str | None]:
    if value is None:
        return (), False, None
    if isinstance(value, str):
        line = parse_author_line(value)
        return line.authors, line.truncated, line.organization
    if isinstance(value, list):
        names = []
        for item in value:
            name = item.get("name") if isinstance(item, dict) else item
            if not isinstance(name, str):
                raise FieldError(f"field 'authors' must hold names, not {item!r}")
            if name.strip():
                names.append(" ".join(name.split()))
        return tuple(names), False, None
    raise FieldError(f"field 'authors' must be a list or a string, not {value!r}")


def _bool(value: Any, name: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if str(value).strip().lower() in _TRUE:
        return True
    if str(value).strip().lower() in _FALSE:
        return False
    raise FieldError(f"field {name!r} must be true or false, not {value!r}")
