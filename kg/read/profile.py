"""Author-profile listings: a stats header, then one entry per paper.

::

    Zhida Feng            <- optional owner name
    CL                    <- optional category of the owner
    h-index45
    13papers
    1,055citations
    Novelty60%
    AI Score61
    13 Papers
    99.5AIApr 14Code      <- entry line: [score] category date [Code]
    Title
    First Author, Second Author, Third Author et al. · org
    Abstract ...
"""

from __future__ import annotations

import re

from kg.config import Settings
from kg.errors import InputError
from kg.read.common import (
    MONTH_RE,
    Parsed,
    looks_like_author_line,
    parse_author_line,
    parse_date,
)
from kg.records import Paper, ProfileStats, SourceSpan

# A category: the site's short code ("CV", "AI") or an arXiv one ("cs.LG", "stat.ML",
# "physics.comp-ph", "cond-mat.stat-mech", "quant-ph").
CATEGORY_RE = (r"(?:(?:[a-z-]+\.)?[A-Z]{2,3}|[a-z]+(?:-[a-z]+)?\.[a-z]+(?:-[a-z]+)?"
               r"|(?:quant|hep|nucl|astro|math|gr)-(?:ph|th|ex|lat|qc))")
ENTRY = re.compile(
    rf"^(?P<score>\d{{1,3}}(?:\.\d+)?)?(?P<cat>{CATEGORY_RE})"
    rf"(?P<date>{MONTH_RE}\.? \d{{1,2}}(?:, \d{{4}})?)(?P<code>Code)?$"
)
_NUM = r"(\d[\d,]*(?:\.\d+)?)"
STATS = {
    "h_index": re.compile(rf"^h-index\s*{_NUM}$", re.I),
    "papers": re.compile(rf"^{_NUM}\s*papers$"),
    "citations": re.compile(rf"^{_NUM}\s*citations$", re.I),
    "novelty": re.compile(rf"^Novelty\s*{_NUM}\s*%$", re.I),
    "ai_score": re.compile(rf"^AI Score\s*{_NUM}$", re.I),
    "listed": re.compile(rf"^{_NUM} Papers$"),
}
_CATEGORY = re.compile(rf"^{CATEGORY_RE}$")
# A line that ends like an entry line, whatever comes before the date: an entry whose
# category kg does not know, which would otherwise run into the abstract before it.
_DATED = re.compile(rf"^(?P<cat>\S+?)(?:{MONTH_RE})\.? \d{{1,2}}(?:, \d{{4}})?(?:Code)?$")
_INTS = {"h_index", "papers", "citations", "listed"}


def looks_like(lines: list[str]) -> bool:
    """A profile listing has a stats line or an entry line among its first lines."""
    head = [s.strip() for s in lines if s.strip()][:30]
    return any(ENTRY.match(s) or any(r.match(s) for r in STATS.values()) for s in head)


def parse(lines: list[str], path: str, settings: Settings) -> Parsed:
    out = Parsed()
    starts = [i for i, s in enumerate(lines) if ENTRY.match(s.strip())]
    header_end = starts[0] if starts else len(lines)
    profile = _header(lines[:header_end], path, out)
    if profile is not None:
        out.profiles.append(profile)
    if not starts:
        out.errors.append(InputError(path, header_end or 1, "expected paper entries after the "
                                     "profile header (a line like 'CLOct 12, 2022Code')"))
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        try:
            out.papers.append(_entry(lines, start, end, path, settings))
        except InputError as exc:
            out.errors.append(exc)
    return out


def _header(lines: list[str], path: str, out: Parsed) -> ProfileStats | None:
    values: dict[str, object] = {}
    first = last = 0
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        first, last = first or i + 1, i + 1
        key = next((k for k, r in STATS.items() if r.match(s)), None)
        if key is not None:
            num = STATS[key].match(s)[1].replace(",", "")
            values[key] = int(float(num)) if key in _INTS else float(num)
        elif _CATEGORY.match(s) and "category" not in values:
            values["category"] = s
        elif not values and looks_like_author_line(s) and len(parse_author_line(s).authors) == 1:
            values["owner"] = s
        else:
            out.errors.append(InputError(path, i + 1, f"unexpected line in the profile header: "
                                         f"{s[:60]!r} (expected stats such as 'h-index45')"))
    if not values:
        return None
    return ProfileStats(source=SourceSpan(path, first, last, "profile"), **values)


def _entry(lines: list[str], start: int, end: int, path: str, settings: Settings) -> Paper:
    m = ENTRY.match(lines[start].strip())
    try:
        date, inferred = parse_date(m["date"], settings.capture_year)
    except ValueError as exc:
        raise InputError(path, start + 1, str(exc)) from None
    body = [(i, lines[i].strip()) for i in range(start + 1, end) if lines[i].strip()]
    if not body:
        raise InputError(path, start + 1, "expected a title after the category and date line")
    (title_at, title), rest = body[0], body[1:]
    authors = None
    if rest and looks_like_author_line(rest[0][1]):
        authors, rest = parse_author_line(rest[0][1]), rest[1:]
    for i, line in rest:
        if (dated := _DATED.match(line)) is not None:
            raise InputError(path, i + 1, f"{line[:60]!r} reads like a paper's category and "
                             f"date line, but {dated['cat']!r} is not a category kg knows "
                             "(a short code such as 'CV' or an arXiv one such as 'cs.LG')")
    if not rest:
        after = "author line" if authors else "title"
        raise InputError(path, title_at + 1, f"paper {title[:60]!r} has no abstract "
                         f"(expected an abstract after the {after})")
    return Paper(
        abstract="\n".join(s for _, s in rest),
        sources=(SourceSpan(path, start + 1, rest[-1][0] + 1, "profile"),),
        title=title,
        authors=authors.authors if authors else (),
        authors_truncated=authors.truncated if authors else False,
        organization=authors.organization if authors else None,
        category=m["cat"],
        date=date,
        year_inferred=inferred,
        score=float(m["score"]) if m["score"] else None,
        has_code=bool(m["code"]),
    )
