"""What every layout reader shares: the parse result, dates, author lines, sentence shapes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.errors import InputError
from kg.records import Paper, ProfileStats

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE = re.compile(rf"^(?P<mon>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?$")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?:[T ].*)?$")
_ET_AL = re.compile(r",?\s*(?:et\s+al\.?|…|\.\.\.)\s*$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


@dataclass(slots=True)
class Parsed:
    """What a reader got from one file: the good records, and an error for each bad one."""

    papers: list[Paper] = field(default_factory=list)
    profiles: list[ProfileStats] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def parse_date(text: str, capture_year: int) -> tuple[dt.date, bool]:
    """A listing's date and whether its year was inferred (``Apr 14`` has no year: the
    listing's capture year is used). Raises ValueError for anything else.

    >>> parse_date("Oct 12, 2022", 2026)
    (datetime.date(2022, 10, 12), False)
    >>> parse_date("Feb 4", 2026)
    (datetime.date(2026, 2, 4), True)
    """
    text = " ".join(text.split())
    if m := _ISO.match(text):
        return dt.date(int(m["year"]), int(m["mon"]), int(m["day"])), False
    if m := _DATE.match(text):
        year = int(m["year"]) if m["year"] else capture_year
        return dt.date(year, MONTHS[m["mon"][:3].lower()], int(m["day"])), m["year"] is None
    raise ValueError(f"not a date: {text!r} (expected 'Oct 12, 2022', 'Feb 4' or 2022-10-12)")


@dataclass(frozen=True, slots=True)
class AuthorLine:
    authors: tuple[str, ...]
    truncated: bool
    organization: str | None


def parse_author_line(text: str) -> AuthorLine:
    """Split ``A, B, C et al. · org`` into ordered names, a truncation flag and the tag.

    >>> parse_author_line("Guoxia Wang, Xiaomin Fang, Zhihua Wu et al. · baidu")
    AuthorLine(authors=('Guoxia Wang', 'Xiaomin Fang', 'Zhihua Wu'), truncated=True, \
organization='baidu')
    """
    text, _, org = text.partition("·")
    text = text.strip()
    truncated = bool(_ET_AL.search(text))
    if truncated:
        text = _ET_AL.sub("", text)
    names = tuple(n for n in (" ".join(p.split()) for p in _NAME_SPLIT.split(text))
                  if any(ch.isalnum() for ch in n))
    return AuthorLine(names, truncated, " ".join(org.split()) or None)


# Not an initial ("R." in a name) nor "et al."
_SENTENCE_END = re.compile(r"(?<![\s.(][A-Z])(?<!^[A-Z])(?<!\bet al)[.!?](?:\s|$)")


def looks_like_abstract(line: str) -> bool:
    """An abstract is prose: long, with sentence punctuation (an initial's period, as in
    "Ramprasaath R. Selvaraju", and "et al." are not).

    >>> looks_like_abstract("Junnan Li, Ramprasaath R. Selvaraju, Akhilesh D. Gotmare, "
    ...                     "Shafiq Joty, Caiming Xiong, Steven C. H. Hoi")
    False
    """
    line = line.strip()
    return len(line) >= 200 or (len(line) >= 80 and bool(_SENTENCE_END.search(line)))


def looks_like_author_line(line: str) -> bool:
    """A line of personal names: comma separated, short, maybe ``et al.`` and a tag."""
    line = line.strip()
    head = _ET_AL.sub("", line.split("·")[0]).strip()  # the names, without "et al." and a tag
    if not line or len(line) > 600 or len(head) >= 80 and _SENTENCE_END.search(head):
        return False  # prose, not names (a long list of names is still names: 10 authors
        # run past 200 characters)
    names = parse_author_line(line).authors
    return bool(names) and all(
        1 <= len(n.split()) <= 5 and not re.search(r"[.:!?;]$|\d", n) for n in names
    )
