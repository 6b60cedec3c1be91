"""Lists that "respectively" pairs up in a sentence of results: as many numbers as
datasets ("86.9, 83.6 and 83.5 on A, B and C, respectively") or as measures ("precision,
recall and F1 are 0.93, 0.94 and 0.94, respectively"). Used by ``kg_results``, on the
numbers ``_numbers`` found: ``(number, its metric, None)`` or ``(number, None, dataset)``.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# Between two items of one list: "A, B and C", "A, B, and C".
_NEXT_ITEM = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# Between two numbers of one list, past the first one's unit: "0.93, 0.94 and 0.94".
_NEXT_NUMBER = re.compile(r"\s*%?\s*(?:,\s*(?:and\s+)?|and\s+)")


def distinct(spans: list[Span]) -> list[str]:
    """The names of ``spans``, each once, in order."""
    return list(dict.fromkeys(s.text for s in spans))


def respective_datasets(sent: Span, numbers: list, datasets: list[Span],
                        previous: list[str]) -> dict[int, str]:
    """"On A, B and C, X reaches 86.9, 83.6 and 83.5, respectively" (or the datasets named
    by the sentence before), "53% and 55% on A and B, respectively": the n-th number under
    one metric (or none) is on the n-th dataset. Only what comes before "respectively" pairs
    up: "..., respectively, and 12.5 on ImageNet"."""
    at = sent.text.find("respectively")
    if at < 0:
        return {}
    at += sent.start_char
    scored = [n for n in numbers if n[0].start() < at
              and (n[1] is not None or getattr(n[2], "text", None) is not None)]
    names = distinct([d for d in datasets if d.start_char < at]) or previous
    if len(scored) > 1 and len({_measure(n) for n in scored}) > 1:
        # "0.31 µs latency on A at 95.8%, and 283 µs latency on B and C, at accuracies of
        # 80.1% and 94.9% respectively": the last numbers of one measure, and the datasets
        # named after the number before them
        k = len(scored) - 1
        while k > 0 and _measure(scored[k - 1]) == _measure(scored[-1]):
            k -= 1
        after = scored[k - 1][0].end() if k else sent.start_char
        scored = scored[k:]
        names = distinct([d for d in datasets if after <= d.start_char < at])
    if len(scored) < 2 or len({_measure(n) for n in scored}) != 1 or len(names) != len(scored):
        return {}
    return {id(n[0]): name for n, name in zip(scored, names, strict=True)}


def _measure(number: tuple) -> str | None:
    return number[1].text if number[1] is not None else None


def respective_metrics(text: str, sent: Span, numbers: list, metrics: list[Span]) -> list:
    """``numbers`` with a list of measures paired in turn with a list of as many numbers
    before "respectively": "precision, recall and F1 are 0.93, 0.94 and 0.94,
    respectively", "ROUGE-1 and ROUGE-2 of 39.5 and 17.3, respectively"."""
    at = text.find("respectively", sent.start_char, sent.end_char)
    if at < 0 or len(metrics) < 2:
        return numbers
    run = _longest_run(text, [n for n in numbers if n[0].end() <= at],
                       lambda n: n[0].start(), lambda n: n[0].end(), _NEXT_NUMBER)
    if len(run) < 2:
        return numbers
    named = _longest_run(text, [s for s in metrics if s.end_char <= run[0][0].start()],
                         lambda s: s.start_char, lambda s: s.end_char, _NEXT_ITEM)
    if len(named) != len(run) or len({s.text for s in named}) != len(named):
        return numbers
    paired = {id(n[0]): metric for n, metric in zip(run, named, strict=True)}
    return [(n[0], paired[id(n[0])], None) if id(n[0]) in paired else n for n in numbers]


def _longest_run(text: str, items: list, start, end, gap: re.Pattern[str]) -> list:
    """The last run of ``items`` (in order) joined by ``gap``, longest first."""
    best: list = []
    run: list = []
    for item in items:
        if run and gap.fullmatch(text, end(run[-1]), start(item)):
            run.append(item)
        else:
            run = [item]
        if len(run) >= len(best):
            best = list(run)
    return best
