"""Results given as a pair in brackets: "on MNLI by +0.9% (90.2% vs. 91.1%)", "in terms of
macro-average score (89.9 versus 89.8)".

One number of the pair is the sentence's own model's, the other its baseline's. Which is
which: where the sentence states the gain right before the brackets ("by +0.9%"), the number
that is the other plus the gain is the model's own; otherwise the first is (the usual order:
"ours (A vs. B)"). The baseline is the model the sentence compares with ("Compared to X",
"outperforms X"); with none named (a human baseline, "strong baselines") only the model's
own number is a result.

A pair counts only where its clause names a dataset or a metric is written right before the
brackets: "improvements by 2.77% (57.78% vs. 55.01%)" on an unnamed benchmark is no result.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

PAIR = re.compile(r"\(\s*(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>%?)\s*(?:vs\.?|versus)\s*"
                  r"(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>%?)\s*\)", re.I)
_GAIN = re.compile(r"(?:by|of)\s+\+?(?P<gain>\d+(?:\.\d+)?)\s*(?:%|points?|pts)?\s*$", re.I)
_CLAUSE_START = re.compile(r"[,;:]\s*|\b(?:and|while|whereas)\s+")
_COMPARED = re.compile(r"(?:compared (?:to|with)|than|outperform\w*|surpass\w*|over|against|"
                       r"beat\w*|exceed\w*|vs\.?|versus)\s+(?:the\s+|a\s+)?$", re.I)
_METRIC_GAP = re.compile(r"^\s*$")
#: A result of a pair: (model, dataset, metric, value, unit, start, end).
PairResult = tuple[str, str | None, str | None, float, str | None, int, int]


def versus_results(text: str, sent: Span, models: list[Span], datasets: list[Span],
                   metrics: list[Span], own: Span | None) -> list[PairResult]:
    """The results the bracketed pairs of ``sent`` give: ``own`` is the model the sentence
    reports for (its subject, or the paper's system)."""
    if own is None or "vs" not in sent.text and "versus" not in sent.text:
        return []
    baseline = next((m for m in models if m.text != own.text and _COMPARED.search(
        text, max(sent.start_char, m.start_char - 30), m.start_char)), None)
    found: list[PairResult] = []
    for m in PAIR.finditer(text, sent.start_char, sent.end_char):
        clause = max((c.end() for c in _CLAUSE_START.finditer(text, sent.start_char,
                                                                m.start())),
                     default=sent.start_char)
        metric = next((s for s in reversed(metrics) if s.end_char <= m.start()
                       and _METRIC_GAP.match(text[s.end_char: m.start()])), None)
        dataset = next((s for s in reversed(datasets) if clause <= s.start_char
                        and s.end_char <= m.start()), None)
        if dataset is None and metric is None:
            continue
        a, b = float(m["a"]), float(m["b"])
        mine, theirs = ("a", "b")
        if (gain := _GAIN.search(text, max(sent.start_char, m.start() - 20), m.start())) \
                and abs(b - a - float(gain["gain"])) < 0.051:
            mine, theirs = ("b", "a")  # "by +0.9% (90.2% vs. 91.1%)"
        pairs = [(own, mine)] + ([(baseline, theirs)] if baseline is not None else [])
        for model, group in pairs:
            found.append((model.text, dataset.text if dataset else None,
                          metric.text if metric else None, float(m[group]),
                          m["u" + group] or None, m.start(group), m.end(group)))
    return found
