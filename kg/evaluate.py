"""``kg eval``: precision, recall and F1 of an extraction against a gold file, following
the matching rules of EXTRACTION.md: entities as a set per paper on a normalised key with
any listed type accepted and optional names neither rewarded nor punished; relations and
results on keys, through the gold entity's aliases (a relation counts once however often
it is stated; a result reported twice is a false positive, as ``../shared/tools/score.py``
counts it); papers matched on the first 60 characters of the abstract."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.normalize import name_key
from kg.records import ENTITY_TYPES

CORE = ENTITY_TYPES[:5]
EXTENDED = ENTITY_TYPES[5:]


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self


def paper_key(abstract: str) -> str:
    text = " ".join(abstract.split()).lower()
    return re.sub(r"^abstract:\s*", "", text)[:60]


def load_jsonl(path: str | Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(str(path), n, f"expected a JSON object: {exc.msg}") from None
    return rows


def _keys(entity: dict) -> set[str]:
    return {name_key(n) for n in [entity["name"], *entity.get("aliases", [])]} - {""}


def _same(gold_name: str, name: str, aliases: dict[str, set[str]]) -> bool:
    g, k = name_key(gold_name), name_key(name or "")
    return g == k or k in aliases.get(g, set())


def evaluate(gold: Iterable[dict], system: Iterable[dict]) -> dict[str, Score]:
    """Scores by name: each entity type, ``core``, ``extended``, ``rel:<predicate>``,
    ``relations`` and ``results``."""
    by_key: dict[str, dict] = {}
    for row in system:
        by_key.setdefault(paper_key(row.get("abstract", "")), row)
    scores: dict[str, Score] = defaultdict(Score)
    for paper in gold:
        gk = paper_key(paper["abstract_start"])
        row = next((r for k, r in by_key.items() if k.startswith(gk) or gk.startswith(k)), {})
        ents = [dict(e, keys=_keys(e)) for e in paper.get("entities", [])]
        aliases: dict[str, set[str]] = {}
        for e in ents:
            for k in e["keys"]:
                aliases.setdefault(k, set()).update(e["keys"])
        matched: set[int] = set()
        # In the output's order, as score.py reads it: where one name comes with two types
        # that fit one gold entity (a Model that is also Software), the first is credited.
        for k, t in dict.fromkeys((name_key(e["name"]), e["type"])
                                  for e in row.get("entities", [])):
            if not k:
                continue
            hit = next((i for i, g in enumerate(ents) if k in g["keys"] and t in g["types"]),
                       None)
            if hit is None:
                scores[t].fp += 1
            elif not ents[hit].get("optional") and hit not in matched:
                matched.add(hit)
                scores[t].tp += 1
        for i, g in enumerate(ents):
            if i not in matched and not g.get("optional"):
                scores[g["types"][0]].fn += 1
        _score_tuples(paper.get("relations", []), row.get("relations", []), aliases, scores,
                      ("subject", "object"), lambda r: "rel:" + r["predicate"])
        _score_tuples(paper.get("results", []), row.get("results", []), aliases, scores,
                      ("model", "metric", "dataset"), lambda r: "results", repeats_count=True)
    for name in [t for t in scores if t in ENTITY_TYPES]:
        scores["core" if name in CORE else "extended"] += scores[name]
    for name in [t for t in scores if t.startswith("rel:")]:
        scores["relations"] += scores[name]
    return dict(scores)


def _score_tuples(gold: list[dict], pred: list[dict], aliases: dict[str, set[str]],
                  scores: dict[str, Score], fields: tuple[str, ...], bucket, *,
                  repeats_count: bool = False) -> None:
    """Match ``pred`` to ``gold`` one to one. A tuple predicted twice counts once, unless
    ``repeats_count`` (results: a result reported twice is a false positive, as
    ``../shared/tools/score.py`` counts it)."""
    matched: set[int] = set()
    seen = set()
    for p in pred:
        ident = tuple(str(p.get(f)) for f in (*fields, "predicate", "value"))
        if ident in seen and not repeats_count:
            continue
        seen.add(ident)
        hit = None
        for i, g in enumerate(gold):
            if i in matched or g.get("predicate") != p.get("predicate"):
                continue
            if "value" in g and not abs(float(g["value"]) - _number(p.get("value"))) <= 1e-6:
                continue
            if all(_field_ok(g.get(f), p.get(f), aliases) for f in fields):
                hit = i
                break
        if hit is None:
            scores[bucket(p)].fp += 1
        else:
            matched.add(hit)
            scores[bucket(p)].tp += 1
    for i, g in enumerate(gold):
        if i not in matched:
            scores[bucket(g)].fn += 1


def _number(value: object) -> float:
    try:
        return float(str(value).rstrip("%"))
    except ValueError:
        return float("nan")


def _field_ok(gold: str | None, pred: str | None, aliases: dict[str, set[str]]) -> bool:
    if gold is None or pred is None:
        return gold is None and not pred
    return _same(gold, pred, aliases)


def format_scores(scores: dict[str, Score]) -> str:
    order = [*ENTITY_TYPES, "core", "extended",
             *sorted(t for t in scores if t.startswith("rel:")), "relations", "results"]
    lines = [f"{'':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name in order:
        s = scores.get(name, Score())
        lines.append(f"{name:<20}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                     f"{s.tp:6}{s.fp:6}{s.fn:6}")
    return "\n".join(lines)
