"""Identity: which records are the same real thing. (Entities named in papers are resolved
in :mod:`kg.entities`, model names in :mod:`kg.versions`.)

Papers: the seeds list one paper up to four times, in different layouts, once without a
title. Two records are the same paper when their abstracts agree on the first
``ABSTRACT_KEY_CHARS`` letters and digits, or when their titles agree and their author
lists share a name (or one of them has none). The merged record keeps every source and the
richest value of each field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from kg.normalize import person_key, text_key
from kg.records import Paper

ABSTRACT_KEY_CHARS = 200


def merge_papers(papers: Iterable[Paper]) -> list[Paper]:
    """One record per distinct paper, in a content-derived order (input order does not
    matter).

    >>> from kg.records import SourceSpan
    >>> a = Paper("Same text.", (SourceSpan("a", 1, 1, "abstracts"),))
    >>> b = Paper("Same  text", (SourceSpan("b", 3, 4, "pairs"),), title="T")
    >>> [(p.title, len(p.sources)) for p in merge_papers([a, b])]
    [('T', 2)]
    """
    records = sorted(papers, key=lambda p: p.sources)
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_abstract: dict[str, int] = {}
    by_title: dict[str, list[int]] = {}
    for i, paper in enumerate(records):
        key = text_key(paper.abstract)[:ABSTRACT_KEY_CHARS]
        if key in by_abstract:
            parent[find(i)] = find(by_abstract[key])
        else:
            by_abstract[key] = i
        if paper.title and (tkey := text_key(paper.title)):
            for j in by_title.setdefault(tkey, []):
                if _share_authors(records[i], records[j]):
                    parent[find(i)] = find(j)
            by_title[tkey].append(i)
    groups: dict[int, list[Paper]] = {}
    for i, paper in enumerate(records):
        groups.setdefault(find(i), []).append(paper)
    merged = [merge_group(g) for g in groups.values()]
    return sorted(merged, key=lambda p: (text_key(p.abstract), p.sources))


def _share_authors(a: Paper, b: Paper) -> bool:
    if not a.authors or not b.authors:
        return True
    return bool({person_key(n) for n in a.authors} & {person_key(n) for n in b.authors})


def merge_group(group: Sequence[Paper]) -> Paper:
    """The richest value of each field among records of one paper (ordered by source)."""
    group = sorted(group, key=lambda p: p.sources)
    if len(group) == 1:
        return group[0]

    def first(values: Iterable[object]) -> object:
        return next((v for v in values if v is not None), None)

    titles = [p.title for p in group if p.title]
    with_authors = [p for p in group if p.authors]
    best_authors = min(with_authors, key=lambda p: (p.authors_truncated, -len(p.authors)),
                       default=None)
    dated = sorted((p for p in group if p.date), key=lambda p: p.year_inferred)
    categories = Counter(p.category for p in group if p.category)
    codes = [p.has_code for p in group if p.has_code is not None]
    extra: dict[str, str] = {}
    for p in group:
        for k, v in p.extra:
            extra.setdefault(k, v)
    return Paper(
        abstract=max((p.abstract for p in group), key=lambda a: (len(a), a)),
        sources=tuple(sorted({s for p in group for s in p.sources})),
        title=max(titles, key=lambda t: (len(t), t)) if titles else None,
        authors=best_authors.authors if best_authors else (),
        authors_truncated=best_authors.authors_truncated if best_authors else False,
        organization=first(p.organization for p in group),
        category=min(categories, key=lambda c: (-categories[c], c)) if categories else None,
        date=dated[0].date if dated else None,
        year_inferred=dated[0].year_inferred if dated else False,
        score=first(p.score for p in group),
        has_code=any(codes) if codes else None,
        extra=tuple(sorted(extra.items())),
    )
