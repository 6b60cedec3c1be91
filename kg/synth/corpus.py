"""Writing synthetic papers as files in the layouts kg reads: profile listings,
``Abstract:`` dumps, title/abstract pairs and JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from random import Random

from kg.config import DEFAULT_CAPTURE_YEAR
from kg.records import Paper
from kg.synth.papers import synthetic_papers

CORPUS_LAYOUTS = ("profile", "abstracts", "pairs", "jsonl")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _listing_date(date: dt.date) -> str:
    text = f"{_MONTHS[date.month - 1]} {date.day}"
    return text if date.year == DEFAULT_CAPTURE_YEAR else f"{text}, {date.year}"


def _profile_lines(owner: str, papers: list[Paper], total: int, rng: Random) -> list[str]:
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += [owner, ""]
        if rng.random() < 0.5:
            lines.append(Counter(p.category for p in papers).most_common(1)[0][0] or "CL")
    cites = total * rng.randint(5, 300)
    lines += [f"h-index{max(1, min(total, int(cites ** 0.5 / 2)))}", f"{total}papers",
              f"{cites:,}citations", f"Novelty{rng.randint(20, 80)}%",
              f"AI Score{rng.randint(20, 90)}", "", f"{len(papers)} Papers", ""]
    for p in sorted(papers, key=lambda p: (p.date, p.title or ""), reverse=True):
        score = f"{p.score:g}" if p.score is not None else ""
        lines += [f"{score}{p.category}{_listing_date(p.date)}{'Code' if p.has_code else ''}",
                  p.title or "", ""]
        if p.authors and rng.random() < 0.9:
            lines += [_author_line(p), ""]
        lines += [p.abstract, ""]
    return lines


def _author_line(paper: Paper) -> str:
    """``A, B, C et al. · org``, short enough (under 80 characters) that readers never take
    it for prose: the organisation tag is left out first, then names."""
    def line(shown: int, org: bool) -> str:
        names = ", ".join(paper.authors[:shown])
        more = " et al." if shown < len(paper.authors) else ""
        return names + more + (f" · {paper.organization}" if org and paper.organization else "")

    options = [line(k, org) for k in (3, 2, 1) for org in (True, False)]
    return next((s for s in options if len(s) < 80), options[-1])


def _abstract_lines(papers: list[Paper], rng: Random) -> list[str]:
    gap, space = rng.random() < 0.5, rng.choice(("", " "))
    lines: list[str] = []
    for p in papers:
        lines += [f"Abstract:{space}{p.abstract}"] + ([""] if gap else [])
    return lines


def _pair_lines(papers: list[Paper], rng: Random) -> list[str]:
    lines = ["Get trending papers in your email inbox once a day!",
             "Get trending papers in your email inbox!"]
    glue = "Subscribe" if rng.random() < 0.6 else ""
    for i, p in enumerate(papers):
        if i and rng.random() < 0.05:
            lines.append("Upvote")
        lines += [(glue if i == 0 else "") + (p.title or ""), p.abstract]
    return lines


def _jsonl_lines(papers: list[Paper]) -> list[str]:
    lines = []
    for p in papers:
        row: dict[str, object] = {"title": p.title, "authors": list(p.authors),
                                  "abstract": p.abstract,
                                  "date": p.date.isoformat() if p.date else None,
                                  "category": p.category, "has_code": p.has_code}
        if p.organization:
            row["organization"] = p.organization
        if p.score is not None:
            row["score"] = p.score
        lines.append(json.dumps(row, ensure_ascii=False))
    return lines


def write_corpus(n: int, out_dir: str | Path, seed: int = 0,
                 layouts: Sequence[str] = CORPUS_LAYOUTS, *,
                 duplicate_rate: float = 0.15) -> list[Path]:
    """Write ``synthetic_papers(n, seed)`` into ``out_dir`` as files in the given layouts
    (profile listings, ``Abstract:`` dumps, title/abstract pairs, JSON Lines), each paper in
    one file and about ``duplicate_rate`` of them in a second one. Returns the files written,
    sorted. Same arguments, byte-identical files.
    """
    unknown = [name for name in layouts if name not in CORPUS_LAYOUTS]
    if unknown or not layouts:
        raise ValueError(f"unknown layouts {unknown} (known: {', '.join(CORPUS_LAYOUTS)})")
    papers = synthetic_papers(n, seed)
    rng = Random(f"kg.synth.write_corpus:{seed}")
    counts = Counter(a for p in papers for a in p.authors)
    placed: dict[str, list[int]] = {name: [] for name in layouts}
    for i in range(len(papers)):
        first = rng.choice(tuple(layouts))
        placed[first].append(i)
        if rng.random() < duplicate_rate:
            placed[rng.choice([name for name in layouts if name != first] or [first])].append(i)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[str]] = {}
    if "profile" in placed:  # one listing per owner: the paper's k-th most prolific author
        by_owner: dict[str, list[Paper]] = {}
        seen: Counter[int] = Counter()
        for i in placed["profile"]:
            ranked = sorted(papers[i].authors, key=lambda a: (-counts[a], a))
            if seen[i] < len(ranked):
                by_owner.setdefault(ranked[seen[i]], []).append(papers[i])
            seen[i] += 1
        for k, (owner, group) in enumerate(by_owner.items()):
            files[f"profile_{k:04d}.txt"] = _profile_lines(owner, group, counts[owner], rng)
    chunks = {"abstracts": (150, ".txt"), "pairs": (100, ".txt"), "jsonl": (500, ".jsonl")}
    for name, (size, ext) in chunks.items():
        group = [papers[i] for i in placed.get(name, [])]
        for k in range(0, len(group), size):
            part = group[k:k + size]
            lines = (_jsonl_lines(part) if name == "jsonl" else
                     _abstract_lines(part, rng) if name == "abstracts" else _pair_lines(part, rng))
            files[f"{name}_{k // size:04d}{ext}"] = lines
    written = []
    for fname, lines in files.items():
        path = out / fname
        path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
        written.append(path)
    return sorted(written)
