"""Title/abstract line pairs, as scraped from paper-listing pages with their boilerplate.

::

    Get trending papers in your email inbox once a day!
    SubscribeRocketQAv2: A Joint Training Method ...     <- 'Subscribe' glued to a title
    In various natural language processing tasks, ...
"""

from __future__ import annotations

import re

from kg.config import Settings
from kg.errors import InputError
from kg.read.common import Parsed, looks_like_abstract
from kg.records import Paper, SourceSpan

# Page furniture of paper-listing sites: whole lines, and a button label glued to a title.
BOILERPLATE_LINE = re.compile(
    r"^(?:Get trending papers\b.*|Subscribe|Sign (?:in|up)|Log ?in|Trending Papers"
    r"|Daily Papers|Upvote|Submit|Load more|Previous|Next)$",
    re.IGNORECASE,
)
GLUED_PREFIX = re.compile(r"^(?:Subscribe|Sign up|Upvote)(?=[A-Z0-9])")
MAX_TITLE = 300


def _content(lines: list[str]) -> list[tuple[int, str]]:
    out = []
    for i, raw in enumerate(lines, 1):
        s = raw.strip()
        if s and not BOILERPLATE_LINE.match(s):
            out.append((i, GLUED_PREFIX.sub("", s)))
    return out


def looks_like(lines: list[str]) -> bool:
    """The first content lines are a short title then a long abstract."""
    content = _content(lines)
    return (len(content) >= 2 and len(content[0][1]) <= MAX_TITLE
            and not looks_like_abstract(content[0][1]) and looks_like_abstract(content[1][1]))


def parse(lines: list[str], path: str, settings: Settings) -> Parsed:
    out = Parsed()
    title: tuple[int, str] | None = None
    for i, s in _content(lines):
        if looks_like_abstract(s):
            if title is None:
                out.errors.append(InputError(path, i, "expected a title line before this "
                                             "abstract"))
                continue
            out.papers.append(Paper(abstract=s, title=title[1],
                                    sources=(SourceSpan(path, title[0], i, "pairs"),)))
            title = None
        else:
            if title is not None:
                out.errors.append(_no_abstract(path, title))
            title = (i, s)
    if title is not None:
        out.errors.append(_no_abstract(path, title))
    return out


def _no_abstract(path: str, title: tuple[int, str]) -> InputError:
    return InputError(path, title[0], f"paper {title[1][:60]!r} has no abstract "
                      "(expected an abstract line after the title)")
